//! Tab 3, the report: the targets both teams will be tracked against, per month and per ISO
//! week, drawn from the one report model (`crate::report`) that the exports render too.
//! Tracking actuals (CRM import, the hug-the-line chart, the monthly review) comes next.

use egui::{Grid, RichText, Ui};

use super::super::widgets::{header_row, number_cell};
use super::section;
use crate::i18n::{Language, fill};
use crate::plan::{Plan, Problem};
use crate::report::{Report, Table};

pub fn show(ui: &mut Ui, language: Language, currency: &str, plan: &Result<Plan, Vec<Problem>>) {
    let t = language.text();
    section(ui, t.report_title, t.report_coming);
    let Ok(plan) = plan else {
        ui.label(t.fix_inputs_first);
        return;
    };
    let report = Report::of_plan(plan, None, currency, language);
    section(ui, report.months.title, report.months.note);
    // Wider than the tab on a small screen or zoomed in, the table scrolls sideways with the
    // whole tab (its scroll bar stays in view, not under the last row).
    grid(ui, "months", &report, &report.months);
    ui.add_space(4.0);
    for note in &report.month_notes {
        ui.label(RichText::new(note).weak());
    }
    if let Some(before) = &report.leads_before_period {
        ui.add_space(4.0);
        ui.label(before);
    }
    section(ui, report.weeks.title, report.weeks.note);
    egui::CollapsingHeader::new(fill(
        t.show_weeks,
        &[("count", &report.weeks.rows.len().to_string())],
    ))
    .show(ui, |ui| grid(ui, "weeks", &report, &report.weeks));
}

/// A table of the report as a striped grid, numbers aligned right.
pub fn grid(ui: &mut Ui, id: &str, report: &Report, table: &Table) {
    Grid::new(id)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            let labels: Vec<&str> = table.columns.iter().map(|c| c.label).collect();
            header_row(ui, &labels);
            for row in &table.rows {
                for (cell, column) in row.iter().zip(&table.columns) {
                    let text = cell.show(report.language, &report.currency);
                    if column.numeric {
                        number_cell(ui, &text);
                    } else {
                        ui.label(text);
                    }
                }
                ui.end_row();
            }
        });
}
