//! `status`: where marketing and sales stand on a date against a document's plan (issue 9,
//! "Status"). Text for people, JSON for scripts (the fields are documented in README.md).

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Format, Outcome, planned};
use crate::i18n::{Language, fill};
use crate::plan::SalesCommitments;
use crate::report::status_text;
use crate::tracking::{Forecast, SourceFilter, Status, forecast, status};

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub document: crate::cli::ScenarioArgs,
    /// The day to report on, as 2027-01-15 [default: today].
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
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
    let found = match planned(&args.document, language) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let doc = &found.document;
    let date = args.date.unwrap_or(today);
    let both = status(doc, found.scenario, &found.plan, date).and_then(|status| {
        let forecast = forecast(doc, found.scenario, &found.plan, date, &SourceFilter::all())?;
        Ok((status, forecast))
    });
    let mut outcome = match both {
        Ok((status, forecast)) => Outcome::ok(match args.format {
            Format::Json => {
                // Plain numbers, strings and nulls cannot fail to serialise.
                let json = WithForecast {
                    status: &status,
                    forecast: &forecast,
                };
                let mut text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".into());
                text.push('\n');
                text
            }
            Format::Text => text(
                &status,
                &forecast,
                &doc.currency,
                &doc.sales_commitments,
                language,
            ),
        }),
        Err(error) => Outcome::fail(format!("{}\n", error.describe(language))),
    };
    outcome.stderr.insert_str(0, &found.notes);
    outcome
}

/// The JSON of `status`: the status's fields and `forecast`.
#[derive(serde::Serialize)]
struct WithForecast<'a> {
    #[serde(flatten)]
    status: &'a Status,
    forecast: &'a Forecast,
}

/// The status in sentences, as the report's tracking section has them.
fn text(
    status: &Status,
    forecast: &Forecast,
    currency: &str,
    commitments: &SalesCommitments,
    language: Language,
) -> String {
    let text = status_text(status, forecast, currency, commitments, language);
    let mut out = format!("{}\n", text.heading);
    for block in text.blocks {
        let _ = writeln!(out, "\n{}", block.title);
        for line in block.lines {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}
