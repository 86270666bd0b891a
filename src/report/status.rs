//! The Report tab's status for the user's choice of day, count, source and granularity
//! ([`status_view`]): the pace table, the forecast table, the hug-the-line charts of the month
//! and the period, what was won and sales' follow-up, all in words, kept by the tab until the
//! document or the choice changes.

use chrono::NaiveDate;

use super::Cell;
use super::charts::Chart;
use super::forecast::{ForecastTable, forecast_table};
use super::hug::{HugChart, month_chart, period_chart};
use super::tracking::{follow_up, won_line};
use crate::document::{ScenarioId, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::Plan;
use crate::plan::funnel::whole_up;
use crate::tracking::{
    Granularity, Pace, Quantity, SourceFilter, State, Status, StatusError, compliance, forecast,
    month_fan, month_line, period_fan, period_line, status_for, won,
};

/// What the Report tab's status is for: the day, what is counted, which source (`None`: all)
/// and weeks or months along the period.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusChoice {
    pub date: NaiveDate,
    pub quantity: Quantity,
    pub source: Option<String>,
    pub by: Granularity,
}

/// Where both teams stand for a [`StatusChoice`], in words ready to show: the status and its
/// pace table, the hug-the-line charts of the month and of the period with the forecast's
/// fans, the forecast table, the customers won and sales' follow-up charts. Adding up three years of daily results takes
/// milliseconds, so a screen keeps it until the document or the choice changes.
#[derive(Clone, Debug)]
pub struct StatusView {
    pub status: Result<Status, StatusError>,
    /// The pace of the month, the week and the period to date, with the status.
    pub pace: Option<PaceTable>,
    /// The hug-the-line chart of the status month, with the forecast's fan.
    pub month: Option<HugChart>,
    /// The period's by week or month, with its fan.
    pub period: Option<HugChart>,
    /// Sales' follow-up per week or month ([`follow_up`]).
    pub follow_up: Vec<Chart>,
    /// "Won this month so far: …", as the export says it (`tracking::won_line`).
    pub won: Option<String>,
    /// Will we make it? In the chosen quantity.
    pub forecast: Option<ForecastTable>,
}

/// The [`StatusView`] of scenario `id` (planned as `plan`) of `doc` for `choice`.
pub fn status_view(
    doc: &SlaDocument,
    id: ScenarioId,
    plan: &Plan,
    choice: &StatusChoice,
    language: Language,
) -> StatusView {
    let filter = choice
        .source
        .as_deref()
        .map_or_else(SourceFilter::all, SourceFilter::source);
    let (date, quantity, currency) = (choice.date, choice.quantity, doc.currency.as_str());
    let status = status_for(doc, id, plan, date, &filter);
    let month = status.as_ref().ok().and_then(|status| {
        let line = month_line(doc, id, plan, status.month, date, quantity, &filter).ok()?;
        let fan = month_fan(doc, id, plan, date, quantity, &filter).unwrap_or_default();
        Some(month_chart(&line, &fan, quantity, currency, language))
    });
    let period = period_line(doc, id, plan, choice.by, date, quantity, &filter)
        .ok()
        .map(|spans| {
            let fan =
                period_fan(doc, id, plan, date, quantity, &filter, choice.by).unwrap_or_default();
            period_chart(&spans, &fan, choice.by, quantity, currency, language)
        });
    let tolerance = doc.tracking.tolerance_percent / 100.0;
    StatusView {
        pace: status
            .as_ref()
            .ok()
            .map(|status| pace_table(status, quantity, tolerance, language)),
        period,
        follow_up: compliance(doc, id, plan, choice.by, date, &filter)
            .map(|spans| follow_up(&spans, &doc.sales_commitments, language))
            .unwrap_or_default(),
        won: won(doc, plan, date).map(|won| won_line(&won, currency, language)),
        forecast: forecast(doc, id, plan, date, &filter)
            .ok()
            .map(|forecast| forecast_table(&forecast, date, quantity, language)),
        status,
        month,
    }
}

/// The pace of the month, the ISO week and the period to date side by side, in leads or in
/// lead value.
#[derive(Clone, Debug, PartialEq)]
pub struct PaceTable {
    /// "Working day 10 of 20 this month; 10 left after today."
    pub working_days: String,
    /// The heading over the row names, then each span's: "Marketing", "February 2027",
    /// "Week 6", "Period to date".
    pub columns: [String; 4],
    /// A row name and one cell per span: goal, actual, expected by now, projected, needed per
    /// working day.
    pub rows: Vec<(&'static str, [Cell; 3])>,
    /// Each span's state: in lead value, the value's own pace decides.
    pub states: [State; 3],
    /// What the month's state asks of marketing.
    pub advice: &'static str,
}

/// The [`PaceTable`] of `status` in `quantity`; `tolerance` is the band around the plan's
/// pace as a fraction (0.1 = ±10 %). Leads are whole counts rounded up, amounts whole, the
/// leads needed per working day an average.
pub fn pace_table(
    status: &Status,
    quantity: Quantity,
    tolerance: f64,
    language: Language,
) -> PaceTable {
    let t = language.text();
    let paces = [&status.month_pace, &status.week, &status.period];
    let leads = quantity == Quantity::Leads;
    let amount = |leads_value: f64, value: f64| {
        if leads {
            Cell::Count {
                exact: leads_value,
                whole: whole_up(leads_value),
            }
        } else {
            Cell::Amount(value)
        }
    };
    let optional = |leads_value: Option<f64>, value: Option<f64>, per_day: bool| match (
        leads,
        leads_value,
        value,
    ) {
        (true, Some(v), _) if per_day => Cell::Average(v),
        (true, Some(v), _) => amount(v, 0.0),
        (false, _, Some(v)) => Cell::Amount(v),
        _ => Cell::Missing,
    };
    let row = |label, cell: &dyn Fn(&Pace) -> Cell| (label, paces.map(cell));
    let rows = vec![
        row(t.status_goal, &|p| amount(p.goal, p.goal_value)),
        row(t.status_actual, &|p| amount(p.actual, p.actual_value)),
        row(t.status_expected, &|p| amount(p.expected, p.expected_value)),
        row(t.status_projected, &|p| {
            optional(p.projected, p.projected_value, false)
        }),
        row(t.status_needed, &|p| {
            optional(
                p.needed_per_working_day,
                p.needed_value_per_working_day,
                true,
            )
        }),
    ];
    let states = paces.map(|p| match quantity {
        Quantity::Leads => p.state,
        Quantity::LeadValue => State::of(p.actual_value, p.expected_value, tolerance),
    });
    let week = chrono::Datelike::iso_week(&status.date).week().to_string();
    PaceTable {
        working_days: fill(
            t.status_working_days,
            &[
                ("elapsed", &status.working_days_elapsed.to_string()),
                ("days", &status.working_days.to_string()),
                ("left", &status.working_days_left.to_string()),
            ],
        ),
        columns: [
            t.status_marketing.to_owned(),
            language.month(status.month),
            fill(t.status_iso_week, &[("n", &week)]),
            t.status_period_to_date.to_owned(),
        ],
        rows,
        advice: match states[0] {
            State::Behind => t.advice_behind,
            State::OnTrack => t.advice_on_track,
            State::Ahead => t.advice_ahead,
        },
        states,
    }
}
