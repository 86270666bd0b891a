//! The tracking part of the report (step 3), when the document has actuals: the status on the
//! last day with data, the hug-the-line chart of its month and the sales follow-up per month.
//! The date is the data's, not the clock's, so an export of the same file is the same every day.

use chrono::NaiveDate;

use super::charts::{Chart, ChartId, ChartKind, Series};
use crate::document::{ScenarioId, SlaDocument};
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::plan::Plan;
use crate::tracking::{
    Granularity, MonthLine, Pace, Quantity, SalesStatus, SourceFilter, Span, State, Status,
    compliance, last_day_with_data, month_line, status,
};

/// The tracking section of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Tracking {
    /// The last day with data (within the plan's period).
    pub date: NaiveDate,
    pub status: Status,
    /// The status in sentences (the command line's `status` prints the same).
    pub text: StatusText,
    /// The hug-the-line chart of the status month, in leads.
    pub line: MonthLine,
    /// Leads, leads contacted in time and the share contacted in time, per month so far.
    pub compliance: Chart,
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
    let target = document.sales_commitments.compliance_target_percent;
    Some(Tracking {
        date,
        text: status_text(&status, &document.currency, target, language),
        status,
        line,
        compliance: compliance_chart(&months, language),
    })
}

fn compliance_chart(months: &[(Span, SalesStatus)], language: Language) -> Chart {
    let t = language.text();
    let labels = months
        .iter()
        .enumerate()
        .map(|(i, (span, _))| match span {
            Span::Month(month) => language.month_short(*month, i == 0),
            Span::Week { week, .. } => language.week(*week),
        })
        .collect();
    let counts = |f: fn(&SalesStatus) -> u64| months.iter().map(|(_, s)| f(s) as f64).collect();
    Chart {
        id: ChartId::SalesCompliance,
        title: t.chart_compliance,
        labels,
        series: vec![
            Series {
                name: t.leads,
                kind: ChartKind::Count,
                values: counts(|s| s.leads),
                line: false,
            },
            Series {
                name: t.tracking_contacted_in_time,
                kind: ChartKind::Count,
                values: counts(|s| s.contacted_in_time),
                line: false,
            },
            Series {
                name: t.tracking_contacted_share,
                kind: ChartKind::Share,
                values: months
                    .iter()
                    .map(|(_, s)| s.contacted_share.unwrap_or(0.0))
                    .collect(),
                line: true,
            },
        ],
    }
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
/// sales' follow-up against the compliance target (`target_percent`).
pub fn status_text(
    status: &Status,
    currency: &str,
    target_percent: f64,
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
    blocks.push(sales_block(&status.sales, target_percent, language));
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

fn sales_block(sales: &SalesStatus, target_percent: f64, language: Language) -> TextBlock {
    let t = language.text();
    let n = language.numbers();
    let state = match sales.state {
        State::Behind => t.tracking_behind,
        State::OnTrack | State::Ahead => t.tracking_on_track,
    };
    let share = sales
        .contacted_share
        .map_or(NO_NUMBER.to_owned(), |s| n.share(s));
    let attempts = sales
        .attempts_per_lead
        .map_or(NO_NUMBER.to_owned(), |a| n.decimal(a, 1));
    let mut lines = vec![
        fill(
            t.status_contacted,
            &[
                ("contacted", &sales.contacted_in_time.to_string()),
                ("leads", &sales.leads.to_string()),
                ("share", &share),
                ("target", &n.percent(target_percent)),
            ],
        ),
        fill(t.status_attempts, &[("attempts", &attempts)]),
        fill(
            t.status_accepted_rejected,
            &[
                ("accepted", &sales.accepted.to_string()),
                ("rejected", &sales.rejected.to_string()),
            ],
        ),
    ];
    if !sales.rejected_by_reason.is_empty() {
        let reasons: Vec<String> = sales
            .rejected_by_reason
            .iter()
            .map(|(reason, count)| format!("{reason} {count}"))
            .collect();
        lines.push(fill(
            t.status_rejected_reasons,
            &[("reasons", &reasons.join(", "))],
        ));
    }
    TextBlock {
        title: format!("{}: {state}", t.status_sales_heading),
        lines,
    }
}
