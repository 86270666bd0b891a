//! What changed between two documents ("what did my colleague change in the file she sent
//! back?"): every changed field as a path with the value before and after, and per scenario
//! what the change does to leads and customers needed.
//!
//! The comparison walks the documents' serde form, so a field added to the format later is
//! compared without touching this file. Scenarios, funnel stages and lead sources are matched
//! by name (scenarios have no stable id yet), so reordering them is no change; a scenario whose
//! name changed but whose assumptions did not is reported as renamed.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::document::{Scenario, SlaDocument};
use crate::plan::compute;

/// One difference between the documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Where: `scenarios["Plan 2027"].assumptions.average_deal_size`.
    pub path: String,
    pub kind: ChangeKind,
    /// The value in the first document (`None` when added).
    pub before: Option<Value>,
    /// The value in the second document (`None` when removed).
    pub after: Option<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Changed,
    Added,
    Removed,
}

/// What the changes do to one scenario's plan; `None` where the scenario is absent from that
/// document or cannot be planned there.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ScenarioEffect {
    /// The scenario's name in the second document (the first, when it was removed).
    pub scenario: String,
    pub leads_needed_before: Option<f64>,
    pub leads_needed_after: Option<f64>,
    pub customers_needed_before: Option<f64>,
    pub customers_needed_after: Option<f64>,
}

/// Every difference between two documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentDiff {
    pub changes: Vec<Change>,
    /// Scenarios whose assumptions changed, were added or were removed.
    pub scenarios: Vec<ScenarioEffect>,
}

impl DocumentDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The differences from `before` to `after`; empty for equal documents.
pub fn diff(before: &SlaDocument, after: &SlaDocument) -> DocumentDiff {
    let mut out = DocumentDiff::default();
    let (old, new) = (as_value(before), as_value(after));
    compare(
        "",
        &without_scenarios(&old),
        &without_scenarios(&new),
        &mut out.changes,
    );
    let active = |doc: &SlaDocument| doc.agreed().map(|s| Value::from(s.name.clone()));
    let (old_active, new_active) = (active(before), active(after));
    if old_active != new_active {
        out.changes.push(Change {
            path: "agreed_plan".to_owned(),
            kind: ChangeKind::Changed,
            before: old_active,
            after: new_active,
        });
    }
    compare_scenarios(before, after, &mut out);
    out
}

/// The serde form, with NaN, ∞ and −∞ kept apart (see [`super::exact_value`]).
fn as_value<T: serde::Serialize>(value: &T) -> Value {
    super::exact_value::to_value(value)
}

/// The document's own fields; the scenarios are matched by name and the agreed plan by the
/// name it points at, so both are compared separately. The lineage says where a copy comes
/// from, not what it says, and the count of scenario ids given is bookkeeping: no change.
fn without_scenarios(doc: &Value) -> Value {
    let mut doc = doc.clone();
    if let Some(fields) = doc.as_object_mut() {
        fields.remove("scenarios");
        fields.remove("agreed_plan");
        fields.remove("lineage");
        fields.remove("scenario_ids_given");
    }
    doc
}

/// Pairs the scenarios by name (then unchanged assumptions under a new name as a rename) and
/// compares each pair; the rest are added or removed.
fn compare_scenarios(before: &SlaDocument, after: &SlaDocument, out: &mut DocumentDiff) {
    let mut unmatched_new: Vec<&Scenario> = after.scenarios.iter().collect();
    let mut removed: Vec<&Scenario> = Vec::new();
    let mut pairs: Vec<(&Scenario, &Scenario)> = Vec::new();
    for old in &before.scenarios {
        match unmatched_new.iter().position(|new| new.name == old.name) {
            Some(i) => pairs.push((old, unmatched_new.remove(i))),
            None => removed.push(old),
        }
    }
    removed.retain(|old| {
        match unmatched_new
            .iter()
            .position(|new| new.assumptions == old.assumptions)
        {
            Some(i) => {
                let new = unmatched_new.remove(i);
                out.changes.push(Change {
                    path: format!("{}.name", scenario_path(&old.name)),
                    kind: ChangeKind::Changed,
                    before: Some(Value::from(old.name.clone())),
                    after: Some(Value::from(new.name.clone())),
                });
                false
            }
            None => true,
        }
    });
    for (old, new) in pairs {
        let changes_so_far = out.changes.len();
        compare(
            &scenario_path(&old.name),
            &as_value(old),
            &as_value(new),
            &mut out.changes,
        );
        if out.changes.len() > changes_so_far {
            out.scenarios
                .push(effect(&new.name, Some(old), Some(new), before, after));
        }
    }
    for old in removed {
        out.changes.push(Change {
            path: scenario_path(&old.name),
            kind: ChangeKind::Removed,
            before: Some(as_value(old)),
            after: None,
        });
        out.scenarios
            .push(effect(&old.name, Some(old), None, before, after));
    }
    for new in unmatched_new {
        out.changes.push(Change {
            path: scenario_path(&new.name),
            kind: ChangeKind::Added,
            before: None,
            after: Some(as_value(new)),
        });
        out.scenarios
            .push(effect(&new.name, None, Some(new), before, after));
    }
}

fn effect(
    name: &str,
    old: Option<&Scenario>,
    new: Option<&Scenario>,
    before: &SlaDocument,
    after: &SlaDocument,
) -> ScenarioEffect {
    let plan = |scenario: Option<&Scenario>, doc: &SlaDocument| {
        scenario.and_then(|s| compute(&s.assumptions, &doc.sales_commitments).ok())
    };
    let (old_plan, new_plan) = (plan(old, before), plan(new, after));
    ScenarioEffect {
        scenario: name.to_owned(),
        leads_needed_before: old_plan.as_ref().map(|p| p.leads_needed),
        leads_needed_after: new_plan.as_ref().map(|p| p.leads_needed),
        customers_needed_before: old_plan.as_ref().map(|p| p.customers_needed),
        customers_needed_after: new_plan.as_ref().map(|p| p.customers_needed),
    }
}

fn scenario_path(name: &str) -> String {
    format!("scenarios{}", key(name))
}

/// `["name"]`, quoted and escaped as a JSON string so any name is unambiguous.
fn key(name: &str) -> String {
    format!("[{}]", Value::from(name))
}

fn field_path(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_owned()
    } else {
        format!("{parent}.{field}")
    }
}

/// Appends every difference between `old` and `new` under `path`.
fn compare(path: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    match (old, new) {
        (Value::Object(old_fields), Value::Object(new_fields)) => {
            for (name, old_value) in written(old_fields) {
                let path = field_path(path, name);
                match new_fields.get(name) {
                    Some(new_value) => compare(&path, old_value, new_value, out),
                    None => out.push(removed(path, old_value)),
                }
            }
            for (name, new_value) in written(new_fields) {
                if !old_fields.contains_key(name) {
                    out.push(added(field_path(path, name), new_value));
                }
            }
        }
        (Value::Array(old_items), Value::Array(new_items)) => {
            match (unique_names(old_items), unique_names(new_items)) {
                (Some(old_names), Some(new_names)) => {
                    compare_named(path, old_items, &old_names, new_items, &new_names, out);
                }
                _ => compare_by_position(path, old_items, new_items, out),
            }
        }
        _ if old != new => out.push(Change {
            path: path.to_owned(),
            kind: ChangeKind::Changed,
            before: Some(old.clone()),
            after: Some(new.clone()),
        }),
        _ => {}
    }
}

/// An object's fields without its `id`: ids are how the app tells rows and scenarios apart, not
/// what the user wrote, and two files may number the same lead source differently.
fn written(fields: &serde_json::Map<String, Value>) -> impl Iterator<Item = (&String, &Value)> {
    fields.iter().filter(|(name, _)| *name != "id")
}

fn removed(path: String, value: &Value) -> Change {
    Change {
        path,
        kind: ChangeKind::Removed,
        before: Some(value.clone()),
        after: None,
    }
}

fn added(path: String, value: &Value) -> Change {
    Change {
        path,
        kind: ChangeKind::Added,
        before: None,
        after: Some(value.clone()),
    }
}

/// The key of every item, when every item is an object with a distinct key: its non-empty
/// `name` (funnel stages, lead sources) or its `date` and `source` (actuals: "2027-01-04
/// Webinars"), so an inserted record is one change, not a shift of every record after it;
/// `None` otherwise (holidays, weights).
fn unique_names(items: &[Value]) -> Option<Vec<String>> {
    let names: Vec<String> = items.iter().map(item_key).collect::<Option<_>>()?;
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    (sorted.len() == names.len()).then_some(names)
}

fn item_key(item: &Value) -> Option<String> {
    if let Some(name) = item
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
    {
        return Some(name.to_owned());
    }
    let date = item.get("date")?.as_str()?;
    match item.get("source").and_then(Value::as_str) {
        Some(source) if !source.is_empty() => Some(format!("{date} {source}")),
        _ => Some(date.to_owned()),
    }
}

/// Pairs items by key through an index (not a search per item), so a diff of two documents
/// with 200,000 records of actuals is linear, not quadratic.
fn compare_named(
    path: &str,
    old_items: &[Value],
    old_names: &[String],
    new_items: &[Value],
    new_names: &[String],
    out: &mut Vec<Change>,
) {
    let new_index: HashMap<&str, &Value> = new_names
        .iter()
        .map(String::as_str)
        .zip(new_items)
        .collect();
    let old_keys: HashSet<&str> = old_names.iter().map(String::as_str).collect();
    for (old, name) in old_items.iter().zip(old_names) {
        let item_path = format!("{path}{}", key(name));
        match new_index.get(name.as_str()) {
            Some(new) => compare(&item_path, old, new, out),
            None => out.push(removed(item_path, old)),
        }
    }
    for (new, name) in new_items.iter().zip(new_names) {
        if !old_keys.contains(name.as_str()) {
            out.push(added(format!("{path}{}", key(name)), new));
        }
    }
}

fn compare_by_position(
    path: &str,
    old_items: &[Value],
    new_items: &[Value],
    out: &mut Vec<Change>,
) {
    for (i, old) in old_items.iter().enumerate() {
        let item_path = format!("{path}[{i}]");
        match new_items.get(i) {
            Some(new) => compare(&item_path, old, new, out),
            None => out.push(removed(item_path, old)),
        }
    }
    for (i, new) in new_items.iter().enumerate().skip(old_items.len()) {
        out.push(added(format!("{path}[{i}]"), new));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reordered_sources_are_no_change() {
        let before = SlaDocument::example().unwrap();
        let mut after = before.clone();
        after.scenarios[0].assumptions.lead_sources.reverse();
        let d = diff(&before, &after);
        assert!(d.is_empty(), "{:?}", d.changes);
    }

    #[test]
    fn renumbered_rows_are_no_change() {
        let before = SlaDocument::example().unwrap();
        let mut after = before.clone();
        for source in &mut after.scenarios[0].assumptions.lead_sources {
            source.id.0 += 10;
        }
        assert!(diff(&before, &after).is_empty());
    }

    #[test]
    fn paths_quote_names() {
        assert_eq!(scenario_path("A \"b\""), r#"scenarios["A \"b\""]"#);
    }
}
