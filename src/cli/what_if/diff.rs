//! `sla-planner diff A B`: what changed between two documents, for people or as JSON.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::super::{Format, Outcome, open};
use super::to_json;
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::whatif::{self, ChangeKind, DocumentDiff};

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The document before.
    pub before: PathBuf,
    /// The document after.
    pub after: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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
    let read = |file: &Path| open(file, language).map(|loaded| loaded.document);
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
