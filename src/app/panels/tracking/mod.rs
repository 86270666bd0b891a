//! The top of the Report tab: where both teams stand on a date (`crate::tracking::status`),
//! the hug-the-line charts and sales' follow-up over time (`crate::tracking::series`). The
//! figures, series and their words are computed egui-free (`crate::report::status_view`);
//! this module and its parts (`forecast.rs`, `hug.rs`) only draw them.

mod forecast;
mod hug;

use chrono::NaiveDate;
use egui::{Grid, RichText, Ui};

use super::super::report_cache::ReportCache;
use super::super::theme;
use super::super::widgets::{FieldLabel, Fields, Note, NumberField};
use super::charts;
use super::section;
use crate::document::{Scenario, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::{Plan, Unit};
use crate::report::{ChartId, PaceTable, StatusChoice, sales_lines};
use crate::tracking::{Granularity, Quantity, SalesStatus, last_day_with_data};
use forecast::forecast_panel;
use hug::hug_charts;

/// The choices of the tracking charts, kept between frames (not in the document).
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// The day the status is for.
    pub date: NaiveDate,
    /// The text of the date field while it is being typed.
    pub date_text: Option<String>,
    pub quantity: Quantity,
    /// One source, or all (`None`).
    pub source: Option<String>,
    pub by: Granularity,
    /// The part of the Report tab shown.
    pub part: Part,
}

/// The parts of the Report tab, one at a time, so each fits a laptop screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    /// Where we stand, with the charts.
    #[default]
    Status,
    /// The results grid.
    Results,
    /// The monthly review and the history of revisions.
    Review,
    /// The agreed targets per month and ISO week.
    Targets,
}

impl View {
    /// Today, if the plan's period covers it; else the last day with results inside the
    /// period; else the period's first day.
    pub fn new(doc: &SlaDocument, plan: &Plan, today: NaiveDate) -> Self {
        let (first, last) = period(plan);
        let date = if (first..=last).contains(&today) {
            today
        } else {
            last_day_with_data(&doc.actuals, plan).unwrap_or(first)
        };
        Self {
            date,
            date_text: None,
            quantity: Quantity::Leads,
            source: None,
            by: Granularity::Month,
            part: Part::Status,
        }
    }
}

/// The first and last day of the plan's period.
fn period(plan: &Plan) -> (NaiveDate, NaiveDate) {
    let first = plan
        .months
        .first()
        .map_or(NaiveDate::MIN, |m| m.month.first_day());
    let last = plan
        .months
        .last()
        .and_then(|m| m.month.end_exclusive().pred_opt())
        .unwrap_or(first);
    (first, last)
}

/// Draws the status and the charts; the tolerance field edits the document.
pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &mut SlaDocument,
    agreed: &Scenario,
    plan: &Plan,
    (view, reports): (&mut View, &mut ReportCache),
    today: NaiveDate,
) {
    let language = fields.language;
    let t = language.text();
    section(
        ui,
        &fill(t.status_title, &[("date", &language.long_date(view.date))]),
        t.status_note,
    );
    choices(ui, fields, doc, agreed, plan, view, today);
    let choice = StatusChoice {
        date: view.date,
        quantity: view.quantity,
        source: view.source.clone(),
        by: view.by,
    };
    let computed = reports.status(doc, agreed, plan, &choice, language);
    let status = match &computed.status {
        Ok(status) => status,
        Err(error) => {
            ui.label(RichText::new(error.describe(language)).color(ui.visuals().warn_fg_color));
            return;
        }
    };
    // A plan without any results is not behind: there is nothing to judge yet.
    if doc.actuals.is_empty() {
        ui.label(RichText::new(t.status_no_results).strong());
        return;
    }
    if let Some(pace) = &computed.pace {
        marketing(ui, language, &doc.currency, pace);
    }
    if let Some(forecast) = &computed.forecast {
        forecast_panel(ui, forecast);
    }
    sales(ui, language, doc, &status.sales);
    if let Some(won) = &computed.won {
        ui.label(won);
    }

    hug_charts(ui, language, doc, status.month, computed, view);
    for chart in &computed.follow_up {
        ui.label(RichText::new(chart.title).strong());
        let height = match chart.id {
            ChartId::SalesCompliance => theme::PLOT_HEIGHT,
            _ => theme::PLOT_HEIGHT * 0.8,
        };
        charts::draw(ui, chart, language, &doc.currency, height);
    }
}

/// The date, what is counted, which source, and the tolerance.
fn choices(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &mut SlaDocument,
    agreed: &Scenario,
    plan: &Plan,
    view: &mut View,
    today: NaiveDate,
) {
    let language = fields.language;
    let t = language.text();
    Grid::new("tracking choices")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            date_row(ui, fields, doc, plan, view, today);

            ui.label(t.status_count);
            ui.horizontal(|ui| {
                ui.selectable_value(&mut view.quantity, Quantity::Leads, t.leads);
                ui.selectable_value(&mut view.quantity, Quantity::LeadValue, t.lead_value);
            });
            ui.label("");
            ui.end_row();

            let label = ui.label(t.grid_source);
            let name =
                |source: &Option<String>| source.clone().unwrap_or_else(|| t.source_any.to_owned());
            let mut sources: Vec<Option<String>> = vec![None];
            sources.extend(
                agreed
                    .assumptions
                    .lead_sources
                    .iter()
                    .map(|s| Some(s.name.clone())),
            );
            egui::ComboBox::from_id_salt("tracking source")
                .selected_text(name(&view.source))
                .show_ui(ui, |ui| {
                    for source in sources {
                        let text = name(&source);
                        ui.selectable_value(&mut view.source, source, text);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.label("");
            ui.end_row();

            let tolerance = doc.tracking.tolerance_percent;
            let note = (!(0.0..=100.0).contains(&tolerance)).then(|| {
                Note::Problem(fill(
                    t.tolerance_range,
                    &[("value", &language.numbers().percent(tolerance))],
                ))
            });
            NumberField::new(
                fields,
                FieldLabel::new("tolerance", t.tolerance).hint(t.tolerance_hint),
                &mut doc.tracking.tolerance_percent,
                Unit::Percent,
            )
            .note(note)
            .show(ui);
            NumberField::new(
                fields,
                FieldLabel::new("prior strength", t.forecast_prior_strength)
                    .hint(t.forecast_prior_strength_hint),
                &mut doc.tracking.prior_strength_days,
                Unit::Days,
            )
            .note(None)
            .show(ui);
        });
}

/// The date the status and the review are for, as a row of a three-column grid: label, field
/// with "Today", and a message when the text is not a date.
pub fn date_row(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &SlaDocument,
    plan: &Plan,
    view: &mut View,
    today: NaiveDate,
) {
    let t = fields.language.text();
    let label = ui.label(t.status_date);
    let message = ui
        .horizontal(|ui| {
            let mut text = view
                .date_text
                .clone()
                .unwrap_or_else(|| fields.language.date(view.date));
            // 100 points at the normal text size, growing with the text: meeting mode's large
            // type clipped a fixed 100 to "26-2-202".
            let body = |style: &egui::Style| egui::TextStyle::Body.resolve(style).size;
            let width = 100.0 * body(ui.style()) / body(&egui::Style::default());
            let response = ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(width))
                .labelled_by(label.id);
            let message = if response.changed() {
                let read = fields.language.read_date(&text);
                if let Some(date) = read {
                    view.date = date;
                }
                view.date_text = Some(text.clone());
                read.is_none()
            } else {
                view.date_text
                    .as_deref()
                    .is_some_and(|t| fields.language.read_date(t).is_none())
            };
            if response.lost_focus() && !message {
                view.date_text = None;
            }
            if ui
                .button(t.status_today)
                .on_hover_text(t.status_today_tip)
                .clicked()
            {
                view.date = View::new(doc, plan, today).date;
                view.date_text = None;
            }
            message
        })
        .inner;
    if message {
        ui.label(RichText::new(t.status_bad_date).color(ui.visuals().warn_fg_color));
    } else {
        ui.label("");
    }
    ui.end_row();
}

/// The pace of the month, the week and the period to date side by side
/// (`report::pace_table`), each span's state in its colour, and the advice for the month.
fn marketing(ui: &mut Ui, language: Language, currency: &str, pace: &PaceTable) {
    let t = language.text();
    ui.add_space(6.0);
    ui.label(&pace.working_days);
    Grid::new("status marketing")
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for column in &pace.columns {
                ui.label(RichText::new(column).strong());
            }
            ui.end_row();
            for (label, cells) in &pace.rows {
                ui.label(*label);
                for cell in cells {
                    let text = cell.show(language, currency);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(text);
                    });
                }
                ui.end_row();
            }
            ui.label(t.status_state);
            for state in pace.states {
                ui.label(
                    RichText::new(state.name(language))
                        .color(charts::state_colour(ui, state))
                        .strong(),
                );
            }
            ui.end_row();
        });
    ui.label(RichText::new(pace.advice).color(charts::state_colour(ui, pace.states[0])));
}

/// Sales' follow-up of the month's leads so far, in the report's sentences (`sales_lines`),
/// the first in the colour of its state.
fn sales(ui: &mut Ui, language: Language, doc: &SlaDocument, sales: &SalesStatus) {
    ui.add_space(8.0);
    ui.label(RichText::new(language.text().status_sales).strong());
    let [contacted, attempts, accepted] =
        sales_lines(sales, &doc.sales_commitments, &doc.currency, language);
    ui.label(RichText::new(contacted).color(charts::state_colour(ui, sales.state)));
    ui.label(attempts);
    ui.label(accepted);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Actuals;

    #[test]
    fn the_status_opens_on_a_day_inside_the_period() {
        let doc = SlaDocument::example().unwrap_or_default();
        let plan = crate::plan::compute(&doc.scenarios[0].assumptions, &doc.sales_commitments);
        let Ok(plan) = plan else {
            unreachable!("the example plans")
        };
        let before = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
        assert_eq!(
            View::new(&doc, &plan, before).date.to_string(),
            "2027-02-26",
            "the last day with results"
        );
        let empty = SlaDocument {
            actuals: Actuals::default(),
            ..doc.clone()
        };
        assert_eq!(
            View::new(&empty, &plan, before).date.to_string(),
            "2027-01-01"
        );
        let inside = NaiveDate::from_ymd_opt(2027, 3, 3).unwrap_or_default();
        assert_eq!(View::new(&doc, &plan, inside).date, inside);
    }
}
