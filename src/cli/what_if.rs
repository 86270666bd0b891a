//! The what-if commands: `solve`, `sensitivity`, `diff`, and the `--confidence` figures of
//! `plan` and `summary`. Text for people, JSON for scripts (documented in README.md).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Format, Outcome, open, parse_percent};
use crate::document::{Scenario, SlaDocument};
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::plan::{Assumptions, Plan};
use crate::whatif::{
    self, ChangeKind, Confidence, DocumentDiff, Goal, Input, MAX_LEADS, Metric, Solution,
};

#[derive(Debug, clap::Args)]
pub struct SolveArgs {
    pub file: PathBuf,
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
    /// The scenario's name [default: the agreed plan].
    #[arg(long)]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct SensitivityArgs {
    pub file: PathBuf,
    /// The scenario's name [default: the agreed plan].
    #[arg(long)]
    pub scenario: Option<String>,
    /// How far each input moves down and up, in percent of its value.
    #[arg(long, default_value = "10", value_parser = parse_step)]
    pub step: f64,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The document before.
    pub before: PathBuf,
    /// The document after.
    pub after: PathBuf,
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

/// A sensitivity step in percent (above 0, at most 100), as a fraction.
fn parse_step(text: &str) -> Result<f64, String> {
    let t = Language::English.text();
    match parse_percent(text) {
        Ok(step) if step > 0.0 && step <= 100.0 => Ok(step / 100.0),
        _ => Err(fill(t.whatif_bad_step, &[("text", text)])),
    }
}

/// The document and the named scenario (the agreed plan without a name), or the message.
fn open_scenario(
    file: &Path,
    scenario: Option<&str>,
    language: Language,
) -> Result<(SlaDocument, Scenario), String> {
    let doc = open(file, language)?;
    let chosen = match scenario {
        Some(name) => doc.scenario(name),
        None => doc.active(),
    };
    match chosen.cloned() {
        Some(chosen) => Ok((doc, chosen)),
        None => {
            let names: Vec<&str> = doc.scenarios.iter().map(|s| s.name.as_str()).collect();
            Err(format!(
                "{}\n",
                fill(
                    language.text().cli_no_such_scenario,
                    &[
                        ("name", scenario.unwrap_or_default()),
                        ("names", &names.join(", "))
                    ]
                )
            ))
        }
    }
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
    let (doc, scenario) = match open_scenario(&args.file, args.scenario.as_deref(), language) {
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
    let reason = match &solution {
        Solution::Reached { .. } => None,
        Solution::Unreachable(why) => {
            Some(why.describe(language, input, args.target, a, &doc.currency))
        }
    };
    let stdout = match args.format {
        Format::Json => to_json(&SolveJson {
            input: input.id(a),
            value: solution.value(),
            reachable: reason.is_none(),
            reason: reason.clone(),
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
    let (doc, scenario) = match open_scenario(&args.file, args.scenario.as_deref(), language) {
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
            let table: Vec<[String; 5]> = swings
                .iter()
                .map(|s| {
                    let unit = s.input.field().unit();
                    [
                        s.input.name(language, a),
                        range(
                            language.with_unit(s.low, unit, &doc.currency),
                            language.with_unit(s.high, unit, &doc.currency),
                        ),
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

/// "Confidence  Leads convert by chance: 480 leads bring at least 24 customers 54.1% of the
/// time; 633 leads make that 90%."
pub(super) fn confidence_line(c: &Confidence, language: Language) -> String {
    let t = language.text();
    let n = language.numbers();
    let count = |v: u64| n.decimal(v as f64, 0);
    let needed = c.leads_needed.map_or_else(
        || fill(t.whatif_more_than, &[("n", &count(MAX_LEADS))]),
        count,
    );
    let chance = c
        .chance_with_planned_leads
        .map_or(NO_NUMBER.to_owned(), |p| n.share(p));
    format!(
        "{}  {}",
        t.whatif_confidence,
        fill(
            t.whatif_confidence_sentence,
            &[
                ("leads", &count(c.planned_leads)),
                ("customers", &count(c.customers)),
                ("chance", &chance),
                ("needed", &needed),
                ("level", &n.share(c.level)),
            ],
        )
    )
}

/// The JSON of `diff`.
#[derive(Serialize)]
struct DiffJson<'a> {
    equal: bool,
    changes: Vec<ChangeJson<'a>>,
    scenarios: &'a [whatif::ScenarioEffect],
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    path: &'a str,
    kind: ChangeKind,
    before: Option<&'a serde_json::Value>,
    after: Option<&'a serde_json::Value>,
}

/// `diff`: exit 0 when the documents are equal, 1 when they differ, 2 when one cannot be read.
pub fn run_diff(args: &DiffArgs, language: Language) -> Outcome {
    let read = |file: &Path| open(file, language);
    let (before, after) = match (read(&args.before), read(&args.after)) {
        (Ok(before), Ok(after)) => (before, after),
        (Err(message), _) | (_, Err(message)) => {
            return Outcome {
                stdout: String::new(),
                stderr: message,
                code: 2,
            };
        }
    };
    let d = whatif::diff(&before, &after);
    let stdout = match args.format {
        Format::Json => to_json(&DiffJson {
            equal: d.is_empty(),
            changes: d
                .changes
                .iter()
                .map(|c| ChangeJson {
                    path: &c.path,
                    kind: c.kind,
                    before: c.before.as_ref(),
                    after: c.after.as_ref(),
                })
                .collect(),
            scenarios: &d.scenarios,
        }),
        Format::Text => diff_text(&d, language),
    };
    Outcome {
        stdout,
        stderr: String::new(),
        code: u8::from(!d.is_empty()),
    }
}

fn diff_text(d: &DocumentDiff, language: Language) -> String {
    let t = language.text();
    let n = language.numbers();
    if d.is_empty() {
        return format!("{}\n", t.whatif_equal);
    }
    let mut out = format!(
        "{}\n",
        fill(t.whatif_changes, &[("count", &d.changes.len().to_string())])
    );
    for change in &d.changes {
        let value = |v: Option<&serde_json::Value>| json_text(v, language);
        let what = match change.kind {
            ChangeKind::Changed => format!(
                "{} → {}",
                value(change.before.as_ref()),
                value(change.after.as_ref())
            ),
            ChangeKind::Added => t.whatif_added.to_owned(),
            ChangeKind::Removed => t.whatif_removed.to_owned(),
        };
        let _ = writeln!(out, "  {}: {what}", change.path);
    }
    if !d.scenarios.is_empty() {
        let _ = writeln!(out, "\n{}", t.whatif_effects);
    }
    for effect in &d.scenarios {
        let from_to = |before: Option<f64>, after: Option<f64>| {
            let show = |v: Option<f64>| v.map_or(NO_NUMBER.to_owned(), |v| n.decimal(v, 1));
            let change = match (before, after) {
                (Some(b), Some(a)) => {
                    let delta = a - b;
                    let sign = if delta > 0.0 { "+" } else { "" };
                    format!(" ({sign}{})", n.decimal(delta, 1))
                }
                _ => String::new(),
            };
            format!("{} → {}{change}", show(before), show(after))
        };
        let _ = writeln!(
            out,
            "  {}",
            fill(
                t.whatif_effect_line,
                &[
                    ("scenario", &effect.scenario),
                    (
                        "leads",
                        &from_to(effect.leads_needed_before, effect.leads_needed_after)
                    ),
                    (
                        "customers",
                        &from_to(
                            effect.customers_needed_before,
                            effect.customers_needed_after
                        )
                    ),
                ]
            )
        );
    }
    out
}

/// A value of the document for people: numbers in the language's style, text as written.
fn json_text(value: Option<&serde_json::Value>, language: Language) -> String {
    match value {
        None | Some(serde_json::Value::Null) => language.text().whatif_none.to_owned(),
        Some(serde_json::Value::Number(number)) => number
            .as_f64()
            .map_or(NO_NUMBER.to_owned(), |v| language.numbers().decimal(v, 10)),
        Some(serde_json::Value::String(text)) => format!("“{text}”"),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_levels_and_steps_parse_in_percent() {
        let goal = parse_goal("peak_utilisation=100%").unwrap();
        assert_eq!(goal.metric, Metric::PeakUtilisation);
        assert_eq!(goal.target, 100.0);
        assert!(parse_goal("leads=3").is_err());
        assert!(parse_goal("leads_needed").is_err());
        assert_eq!(parse_level("90"), Ok(0.9));
        assert!(parse_level("100").is_err());
        assert_eq!(parse_step("10%"), Ok(0.1));
        assert!(parse_step("0").is_err());
    }
}
