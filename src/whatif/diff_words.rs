//! A document diff in words, beside the diff: lines that each output lays out its own way
//! (the command line indents them, the Compare tab gives each a label).

use super::{ChangeKind, DocumentDiff};
use crate::i18n::{Language, NO_NUMBER, fill};

/// What changed between two documents, for people: a heading, an indented line per change,
/// then a line per scenario whose plan it moves ("Plan 2027: leads needed was 1,100, now 1,200
/// (+100)"). Words rather than an arrow, which the window's font does not have. `sla-planner
/// diff` prints it; the Compare tab lists the changes with tick boxes (`merge::Edit`) and the
/// effects below them.
pub fn describe_diff(d: &DocumentDiff, language: Language) -> Vec<String> {
    let t = language.text();
    if d.is_empty() {
        return vec![t.whatif_equal.to_owned()];
    }
    let mut out = vec![fill(
        t.whatif_changes,
        &[("count", &d.changes.len().to_string())],
    )];
    for change in &d.changes {
        let value = |v: Option<&serde_json::Value>| value_text(v, language);
        let what = match change.kind {
            ChangeKind::Changed => fill(
                t.diff_was_now,
                &[
                    ("before", &value(change.before.as_ref())),
                    ("after", &value(change.after.as_ref())),
                ],
            ),
            ChangeKind::Added => t.whatif_added.to_owned(),
            ChangeKind::Removed => t.whatif_removed.to_owned(),
        };
        out.push(format!("  {}: {what}", change.path));
    }
    if !d.scenarios.is_empty() {
        out.push(String::new());
        out.push(t.whatif_effects.to_owned());
    }
    out.extend(
        describe_effects(d, language)
            .into_iter()
            .map(|line| format!("  {line}")),
    );
    out
}

/// A line per scenario whose plan the changes move: "Plan 2027: leads needed was 1,100, now
/// 1,200 (+100), customers needed …".
pub fn describe_effects(d: &DocumentDiff, language: Language) -> Vec<String> {
    let t = language.text();
    let n = language.numbers();
    let mut out = Vec::new();
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
            let was_now = fill(
                t.diff_was_now,
                &[("before", &show(before)), ("after", &show(after))],
            );
            format!("{was_now}{change}")
        };
        out.push(fill(
            t.whatif_effect_line,
            &[
                ("scenario", &effect.scenario),
                (
                    "leads",
                    &from_to(effect.leads_needed_before, effect.leads_needed_after),
                ),
                (
                    "customers",
                    &from_to(
                        effect.customers_needed_before,
                        effect.customers_needed_after,
                    ),
                ),
            ],
        ));
    }
    out
}

/// A value of the document for people: numbers in the language's style, text as written.
pub fn value_text(value: Option<&serde_json::Value>, language: Language) -> String {
    match value {
        None | Some(serde_json::Value::Null) => language.text().whatif_none.to_owned(),
        Some(serde_json::Value::Number(number)) => number
            .as_f64()
            .map_or(NO_NUMBER.to_owned(), |v| language.numbers().decimal(v, 10)),
        Some(serde_json::Value::String(text)) => format!("“{text}”"),
        Some(other) => other.to_string(),
    }
}
