//! Tab 3, the report: both teams tracked against the agreed plan — where they stand, the
//! results per day and source — and the targets per month and ISO week, drawn from the one
//! report model (`crate::report`) that the exports render too.

use chrono::NaiveDate;
use egui::{Grid, RichText, Ui};

use super::super::Command;
use super::super::action::Sender;
use super::super::document_memory;
use super::super::report_cache::ReportCache;
use super::super::widgets::{Fields, header_row, number_cell};
use super::{actuals, review, section, tracking};
use crate::document::{Scenario, SlaDocument};
use crate::i18n::fill;
use crate::plan::{Plan, YearMonth, calendar::WorkingCalendar, compute};
use crate::report::{Report, Table, week_goals};
use tracking::Part;

/// Forgets the Report tab's choices (the status date, the grid's month, the part shown): they
/// belonged to the document that was open before.
pub fn forget_views(ctx: &egui::Context) {
    ctx.data_mut(|d| {
        d.remove_by_type::<View>();
        d.remove_by_type::<tracking::View>();
    });
}

/// What the Report tab shows, kept between frames (not in the document).
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    /// The month of the results grid.
    month: YearMonth,
    /// Whether the grid shows weekends and holidays without results in full.
    show_closed_days: bool,
}

/// Draws the tab; a scenario made from a revision is sent to the app to be added.
pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &mut SlaDocument,
    today: NaiveDate,
    (reports, send): (&mut ReportCache, &Sender),
) {
    let language = fields.language;
    let t = language.text();
    section(ui, t.report_title, "");
    let Some(agreed) = doc.agreed().cloned() else {
        return;
    };
    ui.label(fill(t.tracking_against, &[("name", &agreed.name)]));
    crm_line(ui, fields, doc, send);
    let Ok(plan) = compute(&agreed.assumptions, &doc.sales_commitments) else {
        ui.label(t.fix_inputs_first);
        return;
    };
    let tracking_id = ui.scope_id().with("tracking view");
    let mut tracking_view: tracking::View = ui
        .data(|d| d.get_temp(tracking_id))
        .unwrap_or_else(|| tracking::View::new(doc, &plan, today));
    ui.horizontal_wrapped(|ui| {
        for (part, name) in [
            (Part::Status, t.part_status),
            (Part::Results, t.grid_title),
            (Part::Review, t.part_review),
            (Part::Targets, t.part_targets),
        ] {
            ui.selectable_value(&mut tracking_view.part, part, name);
        }
    });
    ui.separator();
    let part = tracking_view.part;
    match part {
        Part::Status => {
            tracking::show(
                ui,
                fields,
                doc,
                &agreed,
                &plan,
                (&mut tracking_view, reports),
                today,
            );
        }
        Part::Review => {
            Grid::new("review date")
                .num_columns(3)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    tracking::date_row(ui, fields, doc, &plan, &mut tracking_view, today);
                });
            review::show(ui, fields, doc, (&agreed, &plan), tracking_view.date, send);
        }
        Part::Results => results(ui, fields, doc, &agreed, &plan, tracking_view.date),
        Part::Targets => targets(ui, reports.report(doc, agreed.id, &plan, fields.language)),
    }
    ui.data_mut(|d| d.insert_temp(tracking_id, tracking_view));
}

/// Where the actuals come from, for a document linked to a CRM: when they were last synced,
/// with Update from CRM. (Without a link, File ▸ Connect to CRM… is the way in.)
fn crm_line(ui: &mut Ui, fields: &Fields<'_>, doc: &SlaDocument, send: &Sender) {
    let Some(synced) = super::super::crm::last_synced(doc, fields.language) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(synced);
        let command = Command::UpdateCrm;
        let button = egui::Button::new(command.label(fields.language.text()));
        if ui.add_enabled(fields.enabled, button).clicked() {
            send.run(command);
        }
    });
}

/// The results grid of one month, with its month choice.
fn results(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &mut SlaDocument,
    agreed: &Scenario,
    plan: &Plan,
    date: NaiveDate,
) {
    let language = fields.language;
    let t = language.text();
    let view_id = ui.scope_id().with("report view");
    let mut view: View = ui.data(|d| d.get_temp(view_id)).unwrap_or_else(|| View {
        month: default_month(plan, doc, date),
        show_closed_days: false,
    });
    section(ui, t.grid_title, t.grid_note);
    ui.horizontal(|ui| {
        let label = ui.label(t.grid_month);
        egui::ComboBox::from_id_salt("grid month")
            .selected_text(language.month(view.month))
            .show_ui(ui, |ui| {
                for month in grid_months(plan, doc) {
                    ui.selectable_value(&mut view.month, month, language.month(month));
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut view.show_closed_days, t.grid_show_closed);
    });
    let plan_sources: Vec<String> = agreed
        .assumptions
        .lead_sources
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let calendar = WorkingCalendar::new(&agreed.assumptions.holidays);
    // Above the table, where it is seen, on a status line of its own that is always there, so
    // a note coming or going never moves the cells under the pointer: a cell that does not read
    // (while its text stays) or the outcome of the last paste (until the next, or an undo).
    let note_id = ui.scope_id().with("grid note");
    // (text, a problem?, the outcome of a paste?), forgotten when the document is replaced.
    let shown: Option<(String, bool, bool)> = document_memory::recall(ui.ctx(), note_id);
    note_line(ui, shown.as_ref());
    let week_goals = week_goals(plan, language);
    let before = doc.actuals.clone();
    let mut notes = actuals::show(
        ui,
        fields,
        &mut doc.actuals,
        actuals::GridContext {
            month: view.month,
            plan_sources: &plan_sources,
            calendar: &calendar,
            minimum_attempts: doc.sales_commitments.minimum_attempts,
            week_goals: &week_goals,
            show_closed_days: view.show_closed_days,
        },
    );
    // A new record (a day and source that had none) may take the document past what a file
    // holds: then the edit is taken back and says why, as the import does.
    if doc.actuals.len() > before.len()
        && let Err(error) = crate::document::check_writable(doc)
    {
        doc.actuals = before;
        notes.paste = Some(Err(error.describe(language)));
    }
    let next = match (notes.cell, notes.paste) {
        (Some(cell), _) => Some((cell, true, false)),
        (None, Some(Ok(done))) => Some((done, false, true)),
        (None, Some(Err(refused))) => Some((refused, true, true)),
        // A cell message goes once the cell reads (or an undo restored it); a paste's stays
        // until the document is replaced under the grid (an undo, another file).
        (None, None) => shown.clone().filter(|(_, _, pasted)| *pasted),
    };
    if next != shown {
        match next {
            Some(note) => document_memory::remember(ui.ctx(), note_id, note),
            None => document_memory::forget::<(String, bool, bool)>(ui.ctx(), note_id),
        }
        ui.ctx().request_repaint();
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));
}

/// The grid's status line, one line high whether or not it has a note (a problem in the
/// warning colour), so a note never moves the cells.
fn note_line(ui: &mut Ui, shown: Option<&(String, bool, bool)>) {
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let width = ui.available_width();
    ui.allocate_ui_with_layout(
        egui::vec2(width, line),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_size(egui::vec2(width, line));
            if let Some((text, problem, _)) = shown {
                let text = RichText::new(text.as_str());
                let text = if *problem {
                    text.color(ui.visuals().warn_fg_color)
                } else {
                    text
                };
                ui.add(egui::Label::new(text).truncate());
            }
        },
    );
}

/// The month the grid opens on: the status date's, if the plan covers it; else the last month
/// with results; else the plan's first.
fn default_month(plan: &Plan, doc: &SlaDocument, date: NaiveDate) -> YearMonth {
    let months = grid_months(plan, doc);
    let current = YearMonth::of(date);
    if months.contains(&current) {
        return current;
    }
    doc.actuals
        .span()
        .map(|(_, last)| YearMonth::of(last))
        .or_else(|| months.first().copied())
        .unwrap_or(current)
}

/// The months results can be entered for: the plan's, and any other month that has results.
fn grid_months(plan: &Plan, doc: &SlaDocument) -> Vec<YearMonth> {
    let mut months: Vec<YearMonth> = plan.months.iter().map(|m| m.month).collect();
    if let Some((first, last)) = doc.actuals.span() {
        let mut month = YearMonth::of(first);
        while month <= YearMonth::of(last) {
            if !months.contains(&month) {
                months.push(month);
            }
            let Some(next) = month.offset(1) else { break };
            month = next;
        }
    }
    months.sort_unstable();
    months
}

/// The agreed targets per month and ISO week.
fn targets(ui: &mut Ui, report: &Report) {
    let t = report.language.text();
    section(ui, report.months.title, report.months.note);
    // Wider than the tab on a small screen or zoomed in, the table scrolls sideways with the
    // whole tab (its scroll bar stays in view, not under the last row).
    grid(ui, "months", report, &report.months);
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
    .show(ui, |ui| grid(ui, "weeks", report, &report.weeks));
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
