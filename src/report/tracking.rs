//! The tracking part of the report (step 3), when the document has actuals: the status on the
//! last day with data, the hug-the-line chart of its month, the sales follow-up per month and
//! the monthly review.
//! The date is the data's, not the clock's, so an export of the same file is the same every day.

use chrono::NaiveDate;

use super::charts::{Chart, ChartId, ChartKind, Series, Target};
use super::forecast::forecast_block;
use super::hug::{HugChart, month_chart};
use super::review::{ReviewTable, review_table};
use super::status::{PaceTable, pace_table};
use crate::document::{ScenarioId, SlaDocument};
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::plan::{Plan, SalesCommitments, Unit};
use crate::tracking::{
    Forecast, Granularity, Pace, Quantity, SalesStatus, SourceFilter, Span, State, Status, Won,
    compliance, forecast, last_day_with_data, month_fan, month_line, review, status, won,
};

/// The tracking section of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Tracking {
    /// The last day with data (within the plan's period).
    pub date: NaiveDate,
    pub status: Status,
    /// The pace of the month, the week and the period to date, in leads.
    pub pace: PaceTable,
    /// Will we make it? The chances of the month, quarter, period and customers on the date.
    pub forecast: Forecast,
    /// The status in sentences (the command line's `status` prints the same).
    pub text: StatusText,
    /// The hug-the-line chart of the status month in leads, with the forecast's fan from the
    /// date to the month's end.
    pub hug: HugChart,
    /// Sales' follow-up per month so far ([`follow_up`]): the share contacted in time, the
    /// attempts per lead, the leads accepted and rejected.
    pub follow_up: Vec<Chart>,
    /// The monthly review of the date's month, as the Report tab's Review shows it.
    pub review: Option<ReviewTable>,
    /// "Won this month so far: …", as the Report tab says it.
    pub won: Option<String>,
}

/// The tracking section of scenario `id` of `document`, on the last day with data inside
/// the plan's period; `None` when no actuals lie inside the period.
pub fn tracking(
    document: &SlaDocument,
    id: ScenarioId,
    plan: &Plan,
    language: Language,
) -> Option<Tracking> {
    let date = last_day_with_data(&document.actuals, plan)?;
    let status = status(document, id, plan, date).ok()?;
    let all = SourceFilter::all();
    let forecast = forecast(document, id, plan, date, &all).ok()?;
    let fan = month_fan(document, id, plan, date, Quantity::Leads, &all).ok()?;
    let line = month_line(
        document,
        id,
        plan,
        status.month,
        date,
        Quantity::Leads,
        &all,
    )
    .ok()?;
    let months = compliance(document, id, plan, Granularity::Month, date, &all).ok()?;
    let tolerance = document.tracking.tolerance_percent / 100.0;
    Some(Tracking {
        won: won(document, plan, date).map(|won| won_line(&won, &document.currency, language)),
        review: review(document, id, plan, date)
            .map(|review| review_table(document, &review, date, language)),
        date,
        pace: pace_table(&status, Quantity::Leads, tolerance, language),
        text: status_text(
            &status,
            &forecast,
            &document.currency,
            &document.sales_commitments,
            language,
        ),
        hug: month_chart(&line, &fan, Quantity::Leads, &document.currency, language),
        status,
        forecast,
        follow_up: follow_up(&months, &document.sales_commitments, language),
    })
}

/// A week or month under a chart of sales' follow-up: "Jan 2027", "Feb", "wk 3".
fn span_label(span: Span, first: bool, language: Language) -> String {
    match span {
        Span::Month(month) => language.month_short(month, first),
        Span::Week { week, .. } => language.week(week),
    }
}

/// Sales' follow-up per week or month, as every output draws it: the share of leads contacted
/// in time against the promised share (each bar in the state `SalesStatus::state` gives it:
/// the promise kept or not), the contact attempts per lead against the promised number, and
/// the leads accepted and rejected, with the reasons on hover.
pub fn follow_up(
    spans: &[(Span, SalesStatus)],
    commitments: &SalesCommitments,
    language: Language,
) -> Vec<Chart> {
    let t = language.text();
    let labels: Vec<String> = spans
        .iter()
        .enumerate()
        .map(|(i, (span, _))| span_label(*span, i == 0, language))
        .collect();
    let values = |f: fn(&SalesStatus) -> Option<f64>| -> Vec<f64> {
        spans
            .iter()
            .map(|(_, s)| f(s).unwrap_or(f64::NAN))
            .collect()
    };
    let counts = |f: fn(&SalesStatus) -> u64| spans.iter().map(|(_, s)| f(s) as f64).collect();
    let reasons = spans
        .iter()
        .map(|(_, s)| {
            s.rejected_by_reason
                .iter()
                .map(|(reason, count)| format!("{reason} {count}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let chart = |id, title, series, target| Chart {
        id,
        title,
        labels: labels.clone(),
        series,
        target,
    };
    vec![
        chart(
            ChartId::SalesCompliance,
            t.compliance_chart_title,
            vec![Series {
                states: spans.iter().map(|(_, s)| s.state).collect(),
                ..Series::new(
                    t.tracking_contacted_share,
                    ChartKind::Share,
                    values(|s| s.contacted_share),
                    false,
                )
            }],
            Some(Target {
                name: t.compliance_target_line,
                value: commitments.compliance_target_percent / 100.0,
            }),
        ),
        chart(
            ChartId::Attempts,
            t.attempts_chart_title,
            vec![Series::new(
                t.attempts_per_lead,
                ChartKind::Average,
                values(|s| s.attempts_per_lead),
                false,
            )],
            Some(Target {
                name: t.compliance_target_line,
                value: f64::from(commitments.minimum_attempts),
            }),
        ),
        chart(
            ChartId::Acceptance,
            t.acceptance_chart_title,
            vec![
                Series::new(
                    t.measure_accepted,
                    ChartKind::Count,
                    counts(|s| s.accepted),
                    false,
                ),
                Series {
                    notes: reasons,
                    ..Series::new(
                        t.measure_rejected,
                        ChartKind::Count,
                        counts(|s| s.rejected),
                        false,
                    )
                },
            ],
            None,
        ),
    ]
}

/// The status in sentences: a heading, then a block per span and one for sales.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusText {
    /// "Status on 2027-01-15, January 2027: working day 10 of 20, 10 left."
    pub heading: String,
    pub blocks: Vec<TextBlock>,
}

/// A title ("This month: on track") and its lines of figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBlock {
    pub title: String,
    pub lines: Vec<String>,
}

/// The status in sentences: each span's state with its figures in leads and lead value, then
/// sales' follow-up against the `commitments` ([`sales_lines`]).
pub fn status_text(
    status: &Status,
    forecast: &Forecast,
    currency: &str,
    commitments: &SalesCommitments,
    language: Language,
) -> StatusText {
    let t = language.text();
    let heading = fill(
        t.status_heading,
        &[
            ("date", &status.date.to_string()),
            ("month", &language.month(status.month)),
            ("elapsed", &status.working_days_elapsed.to_string()),
            ("days", &status.working_days.to_string()),
            ("left", &status.working_days_left.to_string()),
        ],
    );
    let week = chrono::Datelike::iso_week(&status.date).week().to_string();
    let spans = [
        (t.status_this_month.to_owned(), &status.month_pace),
        (fill(t.status_iso_week, &[("n", &week)]), &status.week),
        (t.status_period_to_date.to_owned(), &status.period),
    ];
    let mut blocks: Vec<TextBlock> = spans
        .into_iter()
        .map(|(name, pace)| TextBlock {
            title: format!("{name}: {}", pace.state.describe(language)),
            lines: pace_lines(pace, currency, language).to_vec(),
        })
        .collect();
    blocks.push(sales_block(&status.sales, commitments, currency, language));
    blocks.push(forecast_block(forecast, status.date, language));
    StatusText { heading, blocks }
}

fn pace_lines(pace: &Pace, currency: &str, language: Language) -> [String; 2] {
    let t = language.text();
    let n = language.numbers();
    // Leads are counts (whole, rounded up, as everywhere); the leads needed per working day
    // are an average.
    let leads = |v: f64| n.count_up(v);
    let per_day = |v: f64| n.decimal(v, 1);
    let money = |v: f64| n.money(v, currency);
    let or_none = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or(NO_NUMBER.to_owned(), f);
    let line = |label: &str, figures: [String; 5]| {
        let [actual, goal, expected, projected, needed] = figures;
        fill(
            t.status_pace_line,
            &[
                ("label", label),
                ("actual", &actual),
                ("goal", &goal),
                ("expected", &expected),
                ("projected", &projected),
                ("needed", &needed),
            ],
        )
    };
    [
        line(
            t.leads,
            [
                leads(pace.actual),
                leads(pace.goal),
                leads(pace.expected),
                or_none(pace.projected, &leads),
                or_none(pace.needed_per_working_day, &per_day),
            ],
        ),
        line(
            t.lead_value,
            [
                money(pace.actual_value),
                money(pace.goal_value),
                money(pace.expected_value),
                or_none(pace.projected_value, &money),
                or_none(pace.needed_value_per_working_day, &money),
            ],
        ),
    ]
}

/// Sales' follow-up in sentences, as the window and every output word it: contacted within the
/// promised time against the promised share, the attempts per lead against the promised
/// number, and the leads accepted and rejected with the reasons.
pub fn sales_lines(
    sales: &SalesStatus,
    commitments: &SalesCommitments,
    currency: &str,
    language: Language,
) -> [String; 3] {
    let t = language.text();
    let n = language.numbers();
    let share = sales
        .contacted_share
        .map_or_else(|| NO_NUMBER.to_owned(), |s| n.percent_to(s * 100.0, 1));
    let attempts = sales
        .attempts_per_lead
        .map_or_else(|| NO_NUMBER.to_owned(), |a| n.decimal(a, 1));
    let reasons: Vec<String> = sales
        .rejected_by_reason
        .iter()
        .map(|(reason, count)| format!("{reason} {count}"))
        .collect();
    let reasons = if reasons.is_empty() {
        NO_NUMBER.to_owned()
    } else {
        reasons.join(", ")
    };
    [
        fill(
            t.sales_contacted_line,
            &[
                ("contacted", &sales.contacted_in_time.to_string()),
                ("leads", &sales.leads.to_string()),
                ("share", &share),
                ("target", &n.percent(commitments.compliance_target_percent)),
                (
                    "hours",
                    &language.with_unit(
                        commitments.first_contact_within_hours,
                        Unit::Hours,
                        currency,
                    ),
                ),
                ("state", sales.state.name(language)),
            ],
        ),
        fill(
            t.sales_attempts_line,
            &[
                ("attempts", &attempts),
                ("reached", &sales.reached_attempts.to_string()),
                ("n", &commitments.minimum_attempts.to_string()),
            ],
        ),
        fill(
            t.sales_accepted_line,
            &[
                ("accepted", &sales.accepted.to_string()),
                ("rejected", &sales.rejected.to_string()),
                ("reasons", &reasons),
            ],
        ),
    ]
}

fn sales_block(
    sales: &SalesStatus,
    commitments: &SalesCommitments,
    currency: &str,
    language: Language,
) -> TextBlock {
    let t = language.text();
    let state = match sales.state {
        State::Behind => t.tracking_behind,
        State::OnTrack | State::Ahead => t.tracking_on_track,
    };
    TextBlock {
        title: format!("{}: {state}", t.status_sales_heading),
        lines: sales_lines(sales, commitments, currency, language).to_vec(),
    }
}

/// Customers and revenue won in the month so far against the month's plan: "Won this month so
/// far: 3 customers of the 5 planned, €75,000 of €125,000 marketing revenue."
pub(super) fn won_line(won: &Won, currency: &str, language: Language) -> String {
    let n = language.numbers();
    fill(
        language.text().status_won,
        &[
            ("customers", &won.customers.to_string()),
            ("planned", &n.count_up(won.planned_customers)),
            ("revenue", &n.money_to(won.revenue, 0, currency)),
            (
                "planned_revenue",
                &n.money_to(won.planned_revenue, 0, currency),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceDay;
    use crate::plan::YearMonth;

    /// The follow-up of one month's records: `leads` leads, `in_time` of them contacted in time.
    fn month(leads: u32, in_time: u32, target: f64) -> (Span, SalesStatus) {
        let date = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default();
        let mut day = SourceDay::new(date, "Web");
        day.leads = leads;
        day.contacted_in_time = in_time;
        (
            Span::Month(YearMonth::of(date)),
            SalesStatus::of(&[day], &SourceFilter::all(), target),
        )
    }

    /// One rule decides whether a month kept the promise: the bar's state is the status's, a
    /// share exactly at the target keeps it, and a month without leads has no bar.
    #[test]
    fn the_compliance_bars_have_the_states_of_the_status() {
        let commitments = SalesCommitments {
            compliance_target_percent: 90.0,
            ..SalesCommitments::default()
        };
        let spans = [month(10, 9, 0.9), month(10, 8, 0.9), month(0, 0, 0.9)];
        let charts = follow_up(&spans, &commitments, Language::English);
        let compliance = &charts[0];
        assert_eq!(compliance.id, ChartId::SalesCompliance);
        let states: Vec<State> = spans.iter().map(|(_, s)| s.state).collect();
        assert_eq!(compliance.series[0].states, states);
        assert_eq!(
            states,
            [State::OnTrack, State::Behind, State::OnTrack],
            "9 of 10 is the promised 90 %"
        );
        assert!(compliance.series[0].values[2].is_nan());
        assert_eq!(
            compliance.target.as_ref().map(|t| t.value),
            Some(0.9),
            "the promise as a share"
        );
        assert_eq!(
            compliance.description(Language::English, "EUR"),
            "Leads contacted in time. Share contacted in time: Jan 2027 90%, Jan 2027 80%; Promised: 90%"
        );
    }
}
