//! The what-if commands: `solve`, `sensitivity`, `diff`, and the `--confidence` figures of
//! `plan` and `summary`. Text for people, JSON for scripts (documented in README.md).

use std::fmt::Write as _;

use serde::Serialize;

use super::{Format, Outcome, choose_scenario, open, parse_percent};
use crate::document::{Scenario, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::{Assumptions, Plan};
mod diff;
mod sensitivity;

pub use diff::{DiffArgs, run_diff};
pub use sensitivity::{SensitivityArgs, run_sensitivity};

use crate::whatif::{self, Confidence, Goal, Input, Metric, Solution};

#[derive(Debug, clap::Args)]
pub struct SolveArgs {
    #[command(flatten)]
    pub document: crate::cli::ScenarioArgs,
    // The help texts name the command line's words as typed, so they are attributes rather
    // than doc comments (which would want Markdown backticks).
    #[arg(
        long,
        value_parser = parse_goal,
        help = "The result and its target, e.g. leads_per_month=300 or peak_utilisation=100 (percent)."
    )]
    pub target: Goal,
    #[arg(
        long,
        help = "The input to solve for: revenue_goal, marketing_share, average_deal_size, \
                lead_to_customer, reps, leads_per_rep, stage_rate:NAME, source_share:NAME, \
                source_rate:NAME, source_deal_size:NAME, source_cost_per_lead:NAME."
    )]
    pub vary: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `METRIC=VALUE`; the value in the metric's unit (percent for peak utilisation).
fn parse_goal(text: &str) -> Result<Goal, String> {
    let t = Language::English.text();
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| fill(t.whatif_bad_target, &[("text", text)]))?;
    let metric = Metric::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Metric::ALL.iter().map(|m| m.id()).collect();
        fill(
            t.whatif_unknown_metric,
            &[("name", name), ("names", &names.join(", "))],
        )
    })?;
    Ok(Goal {
        metric,
        target: parse_percent(value)?,
    })
}

/// A confidence level in percent (above 0, below 100), as a fraction.
pub(super) fn parse_level(text: &str) -> Result<f64, String> {
    let t = Language::English.text();
    match parse_percent(text) {
        Ok(level) if level > 0.0 && level < 100.0 => Ok(level / 100.0),
        _ => Err(fill(t.whatif_bad_level, &[("text", text)])),
    }
}

/// The document and the named scenario (the agreed plan without a name), or the message.
fn open_scenario(
    args: &crate::cli::ScenarioArgs,
    language: Language,
) -> Result<(SlaDocument, Scenario), String> {
    let doc = open(&args.file, language)?.document;
    let chosen = choose_scenario(&doc, args.scenario.as_deref(), language)?.clone();
    Ok((doc, chosen))
}

fn problems_text(
    problems: &[crate::plan::Problem],
    a: &Assumptions,
    currency: &str,
    language: Language,
) -> String {
    problems
        .iter()
        .map(|p| format!("{}\n", language.problem_in(p, Some(a), currency)))
        .collect()
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Plain numbers and strings always serialise; "{}" is the harmless fallback.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// The JSON of `solve`.
#[derive(Serialize)]
struct SolveJson {
    input: String,
    value: Option<f64>,
    reachable: bool,
    reason: Option<String>,
    metric: &'static str,
    target: f64,
    achieved: Option<f64>,
}

/// `solve`: exit 0 when the goal is reached, 1 when it cannot be (stdout says why) or on an
/// error (stderr).
pub fn run_solve(args: &SolveArgs, language: Language) -> Outcome {
    let (doc, scenario) = match open_scenario(&args.document, language) {
        Ok(found) => found,
        Err(message) => return Outcome::fail(message),
    };
    let a = &scenario.assumptions;
    let Some(input) = Input::parse(&args.vary, a) else {
        let names: Vec<String> = Input::all_in_use(a).iter().map(|i| i.id(a)).collect();
        return Outcome::fail(format!(
            "{}\n",
            fill(
                language.text().whatif_unknown_input,
                &[("name", &args.vary), ("names", &names.join(", "))]
            )
        ));
    };
    let solution = match whatif::solve(a, &doc.sales_commitments, input, args.target) {
        Ok(solution) => solution,
        Err(problems) => {
            return Outcome::fail(problems_text(&problems, a, &doc.currency, language));
        }
    };
    let reason_in = |language: Language| match &solution {
        Solution::Reached { .. } => None,
        Solution::Unreachable(why) => {
            Some(why.describe(language, input, args.target, a, &doc.currency))
        }
    };
    let reason = reason_in(language);
    let stdout = match args.format {
        // JSON is the same in every language: its sentences are English.
        Format::Json => to_json(&SolveJson {
            input: input.id(a),
            value: solution.value(),
            reachable: reason.is_none(),
            reason: reason_in(Language::English),
            metric: args.target.metric.id(),
            target: args.target.target,
            achieved: solution.achieved(),
        }),
        Format::Text => solve_text(
            &scenario,
            &doc.currency,
            input,
            args.target,
            &solution,
            reason.as_deref(),
            language,
        ),
    };
    Outcome {
        stdout,
        stderr: String::new(),
        code: u8::from(reason.is_some()),
    }
}

fn solve_text(
    scenario: &Scenario,
    currency: &str,
    input: Input,
    goal: Goal,
    solution: &Solution,
    reason: Option<&str>,
    language: Language,
) -> String {
    let t = language.text();
    let a = &scenario.assumptions;
    let unit = input.field().unit();
    let in_metric_unit = |v: f64| language.with_unit(v, goal.metric.unit(), currency);
    let now = input.value(a).map_or(String::new(), |v| {
        format!(
            " ({})",
            fill(
                t.whatif_now,
                &[("value", &language.with_unit(v, unit, currency))]
            )
        )
    });
    let mut rows = vec![
        (
            t.whatif_goal,
            format!(
                "{} = {}",
                goal.metric.name(language),
                in_metric_unit(goal.target)
            ),
        ),
        (t.whatif_vary, format!("{}{now}", input.name(language, a))),
    ];
    match (solution, reason) {
        (
            Solution::Reached {
                value, achieved, ..
            },
            _,
        ) => {
            rows.push((
                t.whatif_value_needed,
                language.with_unit(*value, unit, currency),
            ));
            rows.push((t.whatif_achieved, in_metric_unit(*achieved)));
        }
        (Solution::Unreachable(_), reason) => {
            rows.push((
                t.whatif_not_reachable,
                reason.unwrap_or_default().to_owned(),
            ));
        }
    }
    let mut out = format!("{}\n\n", scenario.name);
    write_rows(&mut out, &rows);
    out
}

fn write_rows(out: &mut String, rows: &[(&str, String)]) {
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in rows {
        let _ = writeln!(out, "{label:<width$}  {value}");
    }
}

/// The `confidence` object of `plan` and `summary` JSON; level and chance as fractions.
#[derive(Serialize)]
pub(super) struct ConfidenceJson {
    level: f64,
    customers: u64,
    leads_needed: Option<u64>,
    chance_with_planned_leads: Option<f64>,
    planned_leads: u64,
}

impl ConfidenceJson {
    pub(super) fn of(c: &Confidence) -> Self {
        Self {
            level: c.level,
            customers: c.customers,
            leads_needed: c.leads_needed,
            chance_with_planned_leads: c.chance_with_planned_leads,
            planned_leads: c.planned_leads,
        }
    }
}

/// The confidence figures of a plan, for `--confidence`.
pub(super) fn confidence(a: &Assumptions, plan: &Plan, level: Option<f64>) -> Option<Confidence> {
    level.map(|level| whatif::confidence(a, plan, level))
}

/// "Confidence  Leads convert by chance: 480 leads bring at least 24 customers 52.9% of the
/// time; 606 leads make that 90%."
pub(super) fn confidence_line(c: &Confidence, language: Language) -> String {
    format!(
        "{}  {}",
        language.text().whatif_confidence,
        c.sentence(language)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_and_levels_parse_in_percent() {
        let goal = parse_goal("peak_utilisation=100%").unwrap();
        assert_eq!(goal.metric, Metric::PeakUtilisation);
        assert_eq!(goal.target, 100.0);
        assert!(parse_goal("leads=3").is_err());
        assert!(parse_goal("leads_needed").is_err());
        assert_eq!(parse_level("90"), Ok(0.9));
        assert!(parse_level("100").is_err());
    }
}
