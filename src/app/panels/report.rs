//! Tab 3, the report: the targets both teams will be tracked against, per month and per ISO
//! week. Tracking actuals (CRM import, the hug-the-line chart, the monthly review) comes next.

use egui::{Grid, Ui};

use super::super::widgets::{header_row, number_cell};
use super::section;
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::plan::{Plan, Problem};

pub fn show(ui: &mut Ui, language: Language, currency: &str, plan: &Result<Plan, Vec<Problem>>) {
    let t = language.text();
    let n = language.numbers();
    section(ui, t.report_title, t.report_coming);
    let Ok(plan) = plan else {
        ui.label(t.fix_inputs_first);
        return;
    };
    let per_day = |v: Option<f64>| v.map_or(NO_NUMBER.to_owned(), |v| n.fixed(v, 1));
    section(ui, t.targets_per_month, t.targets_note);
    Grid::new("months")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            header_row(
                ui,
                &[
                    t.month,
                    t.working_days,
                    t.revenue,
                    t.marketing_revenue,
                    t.customers,
                    t.leads,
                    t.lead_value,
                    t.leads_per_day,
                ],
            );
            for m in &plan.months {
                ui.label(m.month.to_string());
                number_cell(ui, &m.working_days.to_string());
                number_cell(ui, &n.money(m.revenue, currency));
                number_cell(ui, &n.money(m.marketing_revenue, currency));
                number_cell(ui, &n.fixed(m.customers, 1));
                number_cell(ui, &n.fixed(m.leads, 1));
                number_cell(ui, &n.money(m.lead_value, currency));
                number_cell(ui, &per_day(m.leads_per_working_day));
                ui.end_row();
            }
        });
    if !plan.leads_before_period.is_empty() {
        ui.add_space(4.0);
        let months: Vec<String> = plan
            .leads_before_period
            .iter()
            .map(|m| format!("{} {}", m.month, n.decimal(m.leads, 1)))
            .collect();
        ui.label(fill(
            t.leads_before_period,
            &[("months", &months.join(", "))],
        ));
    }
    section(ui, t.targets_per_week, "");
    egui::CollapsingHeader::new(fill(
        t.show_weeks,
        &[("count", &plan.weeks.len().to_string())],
    ))
    .show(ui, |ui| {
        Grid::new("weeks")
            .striped(true)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                header_row(
                    ui,
                    &[
                        t.week,
                        t.starts,
                        t.working_days,
                        t.revenue,
                        t.customers,
                        t.leads,
                    ],
                );
                for w in &plan.weeks {
                    ui.label(format!("{}-W{:02}", w.iso_year, w.week));
                    ui.label(w.starts.to_string());
                    number_cell(ui, &w.working_days.to_string());
                    number_cell(ui, &n.money(w.revenue, currency));
                    number_cell(ui, &n.fixed(w.customers, 1));
                    number_cell(ui, &n.fixed(w.leads, 1));
                    ui.end_row();
                }
            });
    });
}
