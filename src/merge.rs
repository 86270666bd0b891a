//! Taking a colleague's changes: every difference between the open document and another one as
//! an edit that can be taken on its own, and applying the chosen ones.
//!
//! Documents are compared in their serde form, so a field added to the format later is
//! compared and merged without touching this file. Lists whose items have an identity are
//! compared item by item: scenarios by their id (a renamed scenario is still the same
//! scenario: its new name is one edit, its changed numbers others), funnel stages, lead
//! sources and approvals by name, records of actuals by date and source. Other lists
//! (holidays, seasonality weights, revisions) are one value each. Row ids (`id` of a stage or
//! source) are how the app tells rows apart, not what a user wrote, and are never an edit.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use crate::document::SlaDocument;
use crate::i18n::{Language, fill};

/// One difference: where, and the value on each side (`None`: not there).
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// The keys from the document down to the value: field names, `#3` for scenario 3, an
    /// item's name.
    pub path: Vec<String>,
    /// The path as people read it: `scenarios["Plan 2027"].assumptions.average_deal_size`.
    pub label: String,
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
}

impl Edit {
    /// "label: was 25,000, now 30,000", "label: added", "label: removed": what taking the edit
    /// does to the open document.
    pub fn describe(&self, language: Language) -> String {
        let t = language.text();
        let what = match (&self.ours, &self.theirs) {
            (None, _) => t.whatif_added.to_owned(),
            (_, None) => t.whatif_removed.to_owned(),
            (ours, theirs) => fill(
                t.diff_was_now,
                &[
                    (
                        "before",
                        &crate::whatif::value_text(ours.as_ref(), language),
                    ),
                    (
                        "after",
                        &crate::whatif::value_text(theirs.as_ref(), language),
                    ),
                ],
            ),
        };
        format!("{}: {what}", self.label)
    }
}

/// A document as a tree of values in which lists with an identity are keyed.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    Fields(BTreeMap<String, Node>),
    /// A list keyed by its items' identity, in the list's order.
    Items {
        order: Vec<String>,
        items: BTreeMap<String, Node>,
    },
    Leaf(Value),
}

impl Node {
    fn of(value: &Value, field: &str) -> Self {
        match value {
            Value::Object(fields) => Self::Fields(
                fields
                    .iter()
                    .map(|(name, v)| (name.clone(), Self::of(v, name)))
                    .collect(),
            ),
            Value::Array(list) => match keys(list, field) {
                Some(order) => Self::Items {
                    items: order
                        .iter()
                        .cloned()
                        .zip(list.iter().map(|item| Self::of(item, "")))
                        .collect(),
                    order,
                },
                None => Self::Leaf(value.clone()),
            },
            other => Self::Leaf(other.clone()),
        }
    }

    fn value(&self) -> Value {
        match self {
            Self::Fields(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(name, node)| (name.clone(), node.value()))
                    .collect(),
            ),
            Self::Items { order, items } => Value::Array(
                order
                    .iter()
                    .filter_map(|key| items.get(key))
                    .map(Self::value)
                    .collect(),
            ),
            Self::Leaf(value) => value.clone(),
        }
    }

    fn child(&self, key: &str) -> Option<&Self> {
        match self {
            Self::Fields(fields) => fields.get(key),
            Self::Items { items, .. } => items.get(key),
            Self::Leaf(_) => None,
        }
    }

    /// Sets (or with `None` removes) the value at `path`; a missing step on the way is made.
    fn set(&mut self, path: &[String], value: Option<&Value>) {
        let Some((key, rest)) = path.split_first() else {
            return;
        };
        if !matches!(self, Self::Fields(_) | Self::Items { .. }) {
            *self = Self::Fields(BTreeMap::new());
        }
        if rest.is_empty() {
            match (self, value) {
                (Self::Fields(fields), Some(value)) => {
                    fields.insert(key.clone(), Self::of(value, key));
                }
                (Self::Fields(fields), None) => {
                    fields.remove(key);
                }
                (Self::Items { order, items }, Some(value)) => {
                    if items.insert(key.clone(), Self::of(value, "")).is_none() {
                        order.push(key.clone());
                    }
                }
                (Self::Items { items, .. }, None) => {
                    items.remove(key);
                }
                (Self::Leaf(_), _) => {}
            }
            return;
        }
        let child = match self {
            Self::Fields(fields) => fields
                .entry(key.clone())
                .or_insert_with(|| Self::Fields(BTreeMap::new())),
            Self::Items { order, items } => items.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Self::Fields(BTreeMap::new())
            }),
            Self::Leaf(_) => return,
        };
        child.set(rest, value);
    }
}

/// The identity of every item of a list, when each has a distinct one: scenarios by id, other
/// items by their non-empty `name` or their `date` and `source`; `None` otherwise.
fn keys(list: &[Value], field: &str) -> Option<Vec<String>> {
    let key = |item: &Value| -> Option<String> {
        if field == "scenarios" {
            return item.get("id")?.as_u64().map(|id| format!("#{id}"));
        }
        if let Some(name) = item
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty())
        {
            return Some(name.to_owned());
        }
        let date = item.get("date")?.as_str()?;
        Some(match item.get("source").and_then(Value::as_str) {
            Some(source) if !source.is_empty() => format!("{date} {source}"),
            _ => date.to_owned(),
        })
    };
    let keys: Vec<String> = list.iter().map(key).collect::<Option<_>>()?;
    let distinct: HashSet<&String> = keys.iter().collect();
    (distinct.len() == keys.len()).then_some(keys)
}

/// The tree of a document's own fields; the format version, the lineage (where the copy
/// comes from, not what it says) and the count of scenario ids given are no edit.
fn tree(document: &SlaDocument) -> Node {
    let mut node = Node::of(&crate::whatif::exact_value(document), "");
    if let Node::Fields(fields) = &mut node {
        fields.remove("format_version");
        fields.remove("lineage");
        fields.remove("scenario_ids_given");
    }
    node
}

/// Every difference between the open document `ours` and `theirs`, in the order of the
/// document's fields and lists.
pub fn edits(ours: &SlaDocument, theirs: &SlaDocument) -> Vec<Edit> {
    let (ours_tree, theirs_tree) = (tree(ours), tree(theirs));
    let mut out = Vec::new();
    walk(
        &mut Vec::new(),
        "",
        Some(&ours_tree),
        Some(&theirs_tree),
        &mut out,
    );
    out
}

/// Appends the edits that turn `ours` into `theirs` below `path`.
fn walk(
    path: &mut Vec<String>,
    label: &str,
    ours: Option<&Node>,
    theirs: Option<&Node>,
    out: &mut Vec<Edit>,
) {
    match (ours, theirs) {
        (Some(Node::Fields(a)), Some(Node::Fields(b))) => {
            let names: Vec<&String> = a
                .keys()
                .chain(b.keys().filter(|k| !a.contains_key(*k)))
                .filter(|name| *name != "id")
                .collect();
            for name in names {
                path.push(name.clone());
                let label = if label.is_empty() {
                    name.clone()
                } else {
                    format!("{label}.{name}")
                };
                walk(path, &label, a.get(name), b.get(name), out);
                path.pop();
            }
        }
        (Some(Node::Items { order: a, items: x }), Some(Node::Items { order: b, items: y })) => {
            let keys: Vec<&String> = a
                .iter()
                .chain(b.iter().filter(|k| !x.contains_key(*k)))
                .collect();
            for key in keys {
                let (mine, yours) = (x.get(key), y.get(key));
                path.push(key.clone());
                let label = format!("{label}[{}]", Value::from(shown_key(key, mine, yours)));
                walk(path, &label, mine, yours, out);
                path.pop();
            }
        }
        _ if ours == theirs => {}
        _ => out.push(Edit {
            path: path.clone(),
            label: label.to_owned(),
            ours: ours.map(Node::value),
            theirs: theirs.map(Node::value),
        }),
    }
}

/// A scenario by its name (theirs, else ours); any other item by its key.
fn shown_key(key: &str, ours: Option<&Node>, theirs: Option<&Node>) -> String {
    if key.starts_with('#') {
        let name = |node: Option<&Node>| match node?.child("name")? {
            Node::Leaf(Value::String(name)) => Some(name.clone()),
            _ => None,
        };
        if let Some(name) = name(theirs).or_else(|| name(ours)) {
            return name;
        }
    }
    key.to_owned()
}

/// How an edit between the open document and the other one came about, seen from their
/// common base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Only the other side changed it: taking it loses nothing.
    Theirs,
    /// Only the open document changed it: taking it would undo that change.
    Ours,
    /// Both changed it, differently: the user chooses.
    Conflict,
    /// Compared without a base: either side may have made it.
    Unknown,
}

/// An edit with where it came from and the base's value.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub edit: Edit,
    pub origin: Origin,
    /// The value in the common base (`None`: not there).
    pub base: Option<Value>,
}

/// Every edit from `ours` to `theirs`, each with its origin seen from `base`, the version both
/// were derived from. A change both sides made alike is no edit at all; a scenario renamed on
/// one side and edited on the other is two edits of one scenario, one from each side.
pub fn three_way(base: &SlaDocument, ours: &SlaDocument, theirs: &SlaDocument) -> Vec<Merged> {
    let base_tree = tree(base);
    edits(ours, theirs)
        .into_iter()
        .map(|edit| {
            let base = at(&base_tree, &edit.path).map(Node::value);
            let origin = if base == edit.ours {
                Origin::Theirs
            } else if base == edit.theirs {
                Origin::Ours
            } else {
                Origin::Conflict
            };
            Merged { edit, origin, base }
        })
        .collect()
}

/// Every edit from `ours` to `theirs` when they have no base in common: where each came from
/// is unknown.
pub fn two_way(ours: &SlaDocument, theirs: &SlaDocument) -> Vec<Merged> {
    edits(ours, theirs)
        .into_iter()
        .map(|edit| Merged {
            edit,
            origin: Origin::Unknown,
            base: None,
        })
        .collect()
}

/// `ours` with what only `theirs` changed, and, where both changed a value differently, the
/// side `conflicts` names (`None`: the merge stops at the first conflict and returns them all).
pub fn merge(
    base: &SlaDocument,
    ours: &SlaDocument,
    theirs: &SlaDocument,
    conflicts: Option<Side>,
) -> Result<SlaDocument, MergeError> {
    let merged = three_way(base, ours, theirs);
    let open: Vec<Merged> = merged
        .iter()
        .filter(|m| m.origin == Origin::Conflict)
        .cloned()
        .collect();
    if !open.is_empty() && conflicts.is_none() {
        return Err(MergeError::Conflicts(open));
    }
    let taken: Vec<&Edit> = merged
        .iter()
        .filter(|m| match m.origin {
            Origin::Theirs | Origin::Unknown => true,
            Origin::Ours => false,
            Origin::Conflict => conflicts == Some(Side::Theirs),
        })
        .map(|m| &m.edit)
        .collect();
    apply(ours, &taken).map_err(MergeError::Apply)
}

/// The side that settles conflicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// Why a merge produced no document.
#[derive(Debug)]
pub enum MergeError {
    /// Fields both sides changed differently, with the three values.
    Conflicts(Vec<Merged>),
    Apply(ApplyError),
}

/// The node at `path`, if the tree has one.
fn at<'a>(node: &'a Node, path: &[String]) -> Option<&'a Node> {
    path.iter().try_fold(node, |node, key| node.child(key))
}

/// Why edits could not be applied: a value in one of the documents that the format cannot
/// take back (only a number that is not finite, which a hand-edited file may hold).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ApplyError(String);

/// `ours` with `edits` taken: each edit's path set to its `theirs` value (or removed). Its
/// lineage and the fields kept for a newer version stay; rows that arrive with an id a row of the scenario
/// already has get a new one.
pub fn apply(ours: &SlaDocument, edits: &[&Edit]) -> Result<SlaDocument, ApplyError> {
    let mut node = tree(ours);
    for edit in edits {
        node.set(&edit.path, edit.theirs.as_ref());
    }
    let mut merged: SlaDocument =
        serde_json::from_value(node.value()).map_err(|e| ApplyError(e.to_string()))?;
    merged.format_version = ours.format_version;
    merged.lineage = ours.lineage.clone();
    merged.unknown_fields = ours.unknown_fields.clone();
    // A scenario of ours that the edits removed keeps its id from coming back.
    let removed = ours
        .scenarios
        .iter()
        .map(|s| s.id)
        .filter(|&id| merged.scenario(id).is_none())
        .map(|id| id.0)
        .max();
    merged.scenario_ids_given = ours.scenario_ids_given.max(removed.unwrap_or(0));
    merged.number_rows();
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_of_a_renamed_scenario_is_two_edits_of_one_scenario() {
        let ours = SlaDocument::example().unwrap();
        let mut theirs = ours.clone();
        theirs.scenarios[1].name = "Careful".into();
        theirs.scenarios[1].assumptions.average_deal_size = 30_000.0;
        let found = edits(&ours, &theirs);
        let labels: Vec<&str> = found.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "scenarios[\"Careful\"].assumptions.average_deal_size",
                "scenarios[\"Careful\"].name"
            ]
        );
        let all: Vec<&Edit> = found.iter().collect();
        assert_eq!(apply(&ours, &all).unwrap(), theirs);
    }

    #[test]
    fn equal_documents_have_no_edits() {
        let doc = SlaDocument::example().unwrap();
        assert!(edits(&doc, &doc).is_empty());
    }

    #[test]
    fn a_scenario_removed_by_a_merge_keeps_its_id_from_coming_back() {
        let ours = SlaDocument::example().unwrap();
        let mut theirs = ours.clone();
        let removed = theirs.scenarios.last().unwrap().id;
        theirs.delete_scenario(removed).unwrap();
        let found = edits(&ours, &theirs);
        let all: Vec<&Edit> = found.iter().collect();
        let mut merged = apply(&ours, &all).unwrap();
        let added = merged.add_scenario("New", merged.agreed_plan);
        assert!(added > removed, "{added:?} after merging away {removed:?}");
    }
}
