//! `status`: where marketing and sales stand on a date against a document's plan (issue 9,
//! "Status"). Text for people, JSON for scripts (the fields are documented in README.md).

use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Format, Outcome, planned};
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::tracking::{Pace, SalesStatus, Status, State, status};

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    pub file: PathBuf,
    /// The day to report on, as 2027-01-15 [default: today].
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// The scenario's name [default: the agreed plan].
    #[arg(long)]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// A date written year-month-day, the one form that reads the same in every country.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| fill(Language::English.text().cli_bad_date, &[("text", text)]))
}

/// Runs `status` on `args.date`, or on `today` without one.
pub fn run_status(args: &StatusArgs, today: NaiveDate, language: Language) -> Outcome {
    let found = match planned(&args.file, args.scenario.as_deref(), language) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let doc = &found.document;
    let Some(scenario) = doc.scenario(&found.scenario) else {
        return Outcome::fail(String::new());
    };
    let date = args.date.unwrap_or(today);
    let mut outcome = match status(doc, scenario.id, &found.plan, date) {
        Ok(status) => Outcome::ok(match args.format {
            Format::Json => {
                // Plain numbers, strings and nulls cannot fail to serialise.
                let mut text =
                    serde_json::to_string_pretty(&status).unwrap_or_else(|_| "{}".into());
                text.push('\n');
                text
            }
            Format::Text => text(
                &status,
                &doc.currency,
                doc.sales_commitments.compliance_target_percent,
                language,
            ),
        }),
        Err(error) => Outcome::fail(format!("{}\n", error.describe(language))),
    };
    outcome.stderr.insert_str(0, &found.notes);
    outcome
}

/// The status in sentences: the heading, the three paces, then sales' follow-up.
fn text(status: &Status, currency: &str, target_percent: f64, language: Language) -> String {
    let t = language.text();
    let mut out = fill(
        t.status_heading,
        &[
            ("date", &status.date.to_string()),
            ("month", &language.month(status.month)),
            ("elapsed", &status.working_days_elapsed.to_string()),
            ("days", &status.working_days.to_string()),
            ("left", &status.working_days_left.to_string()),
        ],
    );
    out.push_str("\n\n");
    let week = chrono::Datelike::iso_week(&status.date).week().to_string();
    let spans = [
        (t.status_this_month.to_owned(), &status.month_pace),
        (fill(t.status_iso_week, &[("n", &week)]), &status.week),
        (t.status_period_to_date.to_owned(), &status.period),
    ];
    for (name, pace) in spans {
        let _ = writeln!(out, "{name}: {}", pace.state.describe(language));
        pace_lines(&mut out, pace, currency, language);
    }
    sales_lines(&mut out, &status.sales, target_percent, language);
    out
}

fn pace_lines(out: &mut String, pace: &Pace, currency: &str, language: Language) {
    let t = language.text();
    let n = language.numbers();
    let leads = |v: f64| n.decimal(v, 1);
    let money = |v: f64| n.money(v, currency);
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
    let or_none = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or(NO_NUMBER.to_owned(), f);
    let _ = writeln!(
        out,
        "  {}",
        line(
            t.leads,
            [
                leads(pace.actual),
                leads(pace.goal),
                leads(pace.expected),
                or_none(pace.projected, &leads),
                or_none(pace.needed_per_working_day, &leads),
            ]
        )
    );
    let _ = writeln!(
        out,
        "  {}\n",
        line(
            t.lead_value,
            [
                money(pace.actual_value),
                money(pace.goal_value),
                money(pace.expected_value),
                or_none(pace.projected_value, &money),
                or_none(pace.needed_value_per_working_day, &money),
            ]
        )
    );
}

fn sales_lines(out: &mut String, sales: &SalesStatus, target_percent: f64, language: Language) {
    let t = language.text();
    let n = language.numbers();
    let state = match sales.state {
        State::Behind => t.tracking_behind,
        State::OnTrack | State::Ahead => t.tracking_on_track,
    };
    let _ = writeln!(out, "{}: {state}", t.status_sales_heading);
    let _ = writeln!(
        out,
        "  {}",
        fill(
            t.status_contacted,
            &[
                ("contacted", &sales.contacted_in_time.to_string()),
                ("leads", &sales.leads.to_string()),
                (
                    "share",
                    &sales
                        .contacted_share
                        .map_or(NO_NUMBER.to_owned(), |s| n.share(s)),
                ),
                ("target", &n.percent(target_percent)),
            ],
        )
    );
    let attempts = sales
        .attempts_per_lead
        .map_or(NO_NUMBER.to_owned(), |a| n.decimal(a, 1));
    let _ = writeln!(
        out,
        "  {}",
        fill(t.status_attempts, &[("attempts", &attempts)])
    );
    let _ = writeln!(
        out,
        "  {}",
        fill(
            t.status_accepted_rejected,
            &[
                ("accepted", &sales.accepted.to_string()),
                ("rejected", &sales.rejected.to_string()),
            ],
        )
    );
    if !sales.rejected_by_reason.is_empty() {
        let reasons: Vec<String> = sales
            .rejected_by_reason
            .iter()
            .map(|(reason, count)| format!("{reason} {count}"))
            .collect();
        let _ = writeln!(
            out,
            "  {}",
            fill(t.status_rejected_reasons, &[("reasons", &reasons.join(", "))])
        );
    }
}
