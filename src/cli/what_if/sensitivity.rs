//! `sla-planner sensitivity DOC`: every input moved down and up by a step, sorted by the swing
//! in leads needed (the tornado chart as a table or JSON).

use std::fmt::Write as _;

use serde::Serialize;

use super::super::{Format, Outcome, parse_percent};
use super::{open_scenario, problems_text, to_json};
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::{report, whatif};

#[derive(Debug, clap::Args)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub document: crate::cli::ScenarioArgs,
    /// How far each input moves down and up, in percent of its value.
    #[arg(long, default_value = "10", value_parser = parse_step)]
    pub step: f64,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// A sensitivity step in percent (above 0, at most 100), as a fraction.
fn parse_step(text: &str) -> Result<f64, String> {
    let t = Language::English.text();
    match parse_percent(text) {
        Ok(step) if step > 0.0 && step <= 100.0 => Ok(step / 100.0),
        _ => Err(fill(t.whatif_bad_step, &[("text", text)])),
    }
}
/// One element of the JSON list of `sensitivity`.
#[derive(Serialize)]
struct SwingJson {
    input: String,
    low: f64,
    high: f64,
    leads_needed_low: f64,
    leads_needed_high: f64,
    customers_needed_low: f64,
    customers_needed_high: f64,
    budget_low: Option<f64>,
    budget_high: Option<f64>,
}

pub fn run_sensitivity(args: &SensitivityArgs, language: Language) -> Outcome {
    let (doc, scenario) = match open_scenario(&args.document, language) {
        Ok(found) => found,
        Err(message) => return Outcome::fail(message),
    };
    let a = &scenario.assumptions;
    let swings = match whatif::sensitivity(a, &doc.sales_commitments, args.step) {
        Ok(swings) => swings,
        Err(problems) => {
            return Outcome::fail(problems_text(&problems, a, &doc.currency, language));
        }
    };
    match args.format {
        Format::Json => {
            let list: Vec<SwingJson> = swings
                .iter()
                .map(|s| SwingJson {
                    input: s.input.id(a),
                    low: s.low,
                    high: s.high,
                    leads_needed_low: s.leads_needed_low,
                    leads_needed_high: s.leads_needed_high,
                    customers_needed_low: s.customers_needed_low,
                    customers_needed_high: s.customers_needed_high,
                    budget_low: s.budget_low,
                    budget_high: s.budget_high,
                })
                .collect();
            Outcome::ok(to_json(&list))
        }
        Format::Text => {
            let t = language.text();
            let n = language.numbers();
            let money =
                |v: Option<f64>| v.map_or(NO_NUMBER.to_owned(), |v| n.money(v, &doc.currency));
            let range = |low: String, high: String| format!("{low} → {high}");
            // The input and its two values as the window's tornado words them.
            let tornado = report::tornado(&swings, a, &doc.currency, language);
            let table: Vec<[String; 5]> = swings
                .iter()
                .zip(tornado.rows)
                .map(|(s, row)| {
                    [
                        row.name,
                        range(row.low, row.high),
                        range(
                            n.decimal(s.leads_needed_low, 1),
                            n.decimal(s.leads_needed_high, 1),
                        ),
                        range(
                            n.decimal(s.customers_needed_low, 1),
                            n.decimal(s.customers_needed_high, 1),
                        ),
                        range(money(s.budget_low), money(s.budget_high)),
                    ]
                })
                .collect();
            let header = [
                t.whatif_input.to_owned(),
                t.whatif_low_high.to_owned(),
                t.leads_needed.to_owned(),
                t.customers_needed.to_owned(),
                t.marketing_budget.to_owned(),
            ];
            let mut out = format!(
                "{}\n{}\n\n",
                scenario.name,
                fill(
                    t.whatif_sensitivity_heading,
                    &[("step", &n.share(args.step))]
                )
            );
            write_table(&mut out, &header, &table);
            Outcome::ok(out)
        }
    }
}

/// Columns padded to their widest cell; the first left-aligned, the others right-aligned.
fn write_table(out: &mut String, header: &[String; 5], rows: &[[String; 5]]) {
    let mut widths = [0; 5];
    for row in std::iter::once(header).chain(rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
            let pad = " ".repeat(width - cell.chars().count());
            if i == 0 {
                let _ = write!(line, "{cell}{pad}");
            } else {
                let _ = write!(line, "   {pad}{cell}");
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_parse_in_percent() {
        assert_eq!(parse_step("10%"), Ok(0.1));
        assert_eq!(parse_step("100"), Ok(1.0));
        assert!(parse_step("0").is_err());
        assert!(parse_step("ten").is_err());
    }
}
