//! Document-level validation on top of the engine's per-scenario checks. `check`, `summary`
//! and the window all validate through [`problems`], so they never disagree about a file.

use std::collections::HashMap;

use super::SlaDocument;
use super::file::describe_limit;
use super::limits::{self, Limit};
use crate::i18n::{Language, fill};
use crate::plan::{Problem, validate_assumptions, validate_commitments};

/// One thing wrong with a document.
#[derive(Clone, Debug, PartialEq)]
pub enum DocumentProblem {
    /// The document has no scenario to plan.
    NoScenarios,
    /// A file before version 3 named the agreed plan by a position past the list.
    ActiveScenarioMissing { index: usize, count: usize },
    /// `agreed_plan` is the id of no scenario.
    AgreedPlanMissing { id: u32, ids: Vec<u32> },
    /// Two records of actuals for the same day and source: which one counts?
    DuplicateActuals {
        date: chrono::NaiveDate,
        source: String,
    },
    /// More of a day's leads rejected for a reason than rejected at all.
    ReasonsExceedRejected {
        date: chrono::NaiveDate,
        source: String,
    },
    /// Several scenarios share a name, so `--scenario NAME` would be ambiguous.
    DuplicateScenarioName { name: String, count: usize },
    /// The currency is not a three-letter ISO 4217 code.
    Currency(String),
    /// An assumption of a scenario is out of range.
    Scenario { index: usize, problem: Problem },
    /// A sales commitment is out of range.
    Commitment(Problem),
    /// A limit of the format (too many entries, a year out of range): such a file could not
    /// be opened again, so it is not saved.
    Limit(Limit),
}

impl DocumentProblem {
    /// The problem in the user's language, naming the scenario where there is one.
    pub fn describe(&self, language: Language, document: &SlaDocument) -> String {
        let t = language.text();
        match self {
            Self::NoScenarios => t.doc_no_scenarios.to_owned(),
            Self::ActiveScenarioMissing { index, count } => fill(
                t.doc_active_missing,
                &[
                    ("index", &index.to_string()),
                    ("count", &count.to_string()),
                    ("last", &count.saturating_sub(1).to_string()),
                ],
            ),
            Self::AgreedPlanMissing { id, ids } => fill(
                t.doc_agreed_missing,
                &[("id", &id.to_string()), ("ids", &id_list(ids))],
            ),
            Self::DuplicateActuals { date, source } => fill(
                t.doc_duplicate_actuals,
                &[("date", &date.to_string()), ("source", source)],
            ),
            Self::ReasonsExceedRejected { date, source } => fill(
                t.doc_reasons_exceed,
                &[("date", &date.to_string()), ("source", source)],
            ),
            Self::DuplicateScenarioName { name, count } => fill(
                t.doc_duplicate_name,
                &[("name", name), ("count", &count.to_string())],
            ),
            Self::Currency(code) => fill(t.doc_currency, &[("code", code)]),
            Self::Scenario { index, problem } => {
                let scenario = document.scenarios.get(*index);
                let name = scenario.map_or("", |s| s.name.as_str());
                let text = language.problem_in(
                    problem,
                    scenario.map(|s| &s.assumptions),
                    &document.currency,
                );
                fill(t.doc_in_scenario, &[("scenario", name), ("problem", &text)])
            }
            Self::Commitment(problem) => language.problem_in(problem, None, &document.currency),
            Self::Limit(limit) => describe_limit(limit, language),
        }
    }
}

pub(super) fn problems(doc: &SlaDocument) -> Vec<DocumentProblem> {
    let mut problems = Vec::new();
    if doc.scenarios.is_empty() {
        problems.push(DocumentProblem::NoScenarios);
    } else if let Some(index) = doc.active_scenario {
        problems.push(DocumentProblem::ActiveScenarioMissing {
            index,
            count: doc.scenarios.len(),
        });
    } else if doc.agreed_index().is_none() {
        problems.push(DocumentProblem::AgreedPlanMissing {
            id: doc.agreed_plan.0,
            ids: doc.scenarios.iter().map(|s| s.id.0).collect(),
        });
    }
    problems.extend(actuals_problems(doc));
    problems.extend(duplicate_names(doc));
    let code = doc.currency.as_str();
    if !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())) {
        problems.push(DocumentProblem::Currency(doc.currency.clone()));
    }
    if let Err(limit) = limits::check(doc) {
        problems.push(DocumentProblem::Limit(limit));
    }
    problems.extend(
        validate_commitments(&doc.sales_commitments)
            .into_iter()
            .map(DocumentProblem::Commitment),
    );
    for (index, scenario) in doc.scenarios.iter().enumerate() {
        problems.extend(
            validate_assumptions(&scenario.assumptions)
                .into_iter()
                .map(|problem| DocumentProblem::Scenario { index, problem }),
        );
    }
    problems
}

/// "1, 2, 3", or the first ten and "…" (a hand-made file may have thousands).
fn id_list(ids: &[u32]) -> String {
    let mut shown: Vec<String> = ids.iter().take(10).map(u32::to_string).collect();
    if ids.len() > 10 {
        shown.push("…".to_owned());
    }
    shown.join(", ")
}

/// Records of actuals that cannot both be right: two for one day and source, or more reasons
/// than rejections. The records are sorted, so a duplicate is next to its twin.
fn actuals_problems(doc: &SlaDocument) -> Vec<DocumentProblem> {
    let records = doc.actuals.records();
    let mut problems: Vec<DocumentProblem> = records
        .windows(2)
        .filter(|pair| pair[0].date == pair[1].date && pair[0].source_key() == pair[1].source_key())
        .map(|pair| DocumentProblem::DuplicateActuals {
            date: pair[1].date,
            source: pair[1].source.clone(),
        })
        .collect();
    problems.extend(
        records
            .iter()
            .filter(|r| {
                r.rejected_reasons
                    .values()
                    .map(|&c| u64::from(c))
                    .sum::<u64>()
                    > u64::from(r.rejected)
            })
            .map(|r| DocumentProblem::ReasonsExceedRejected {
                date: r.date,
                source: r.source.clone(),
            }),
    );
    problems
}

/// Each name used by more than one scenario, once, with how often: one pass with a map, so a
/// document of many scenarios is checked in linear time.
fn duplicate_names(doc: &SlaDocument) -> Vec<DocumentProblem> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for scenario in &doc.scenarios {
        *counts.entry(scenario.name.as_str()).or_default() += 1;
    }
    let mut reported = Vec::new();
    doc.scenarios
        .iter()
        .filter_map(|scenario| {
            let name = scenario.name.as_str();
            let count = counts.get(name).copied().unwrap_or(0);
            if count < 2 || reported.contains(&name) {
                return None;
            }
            reported.push(name);
            Some(DocumentProblem::DuplicateScenarioName {
                name: name.to_owned(),
                count,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_document_is_valid() {
        assert!(SlaDocument::default().problems().is_empty());
    }

    #[test]
    fn finds_document_level_problems() {
        let mut doc = SlaDocument {
            currency: "euro".into(),
            agreed_plan: crate::document::ScenarioId(3),
            ..SlaDocument::default()
        };
        doc.add_scenario("Plan", doc.scenarios[0].id);
        doc.scenarios[1].name = "Plan".into();
        doc.scenarios[1].assumptions.average_deal_size = 0.0;
        let texts: Vec<String> = doc
            .problems()
            .iter()
            .map(|p| p.describe(Language::English, &doc))
            .collect();
        assert_eq!(
            texts,
            vec![
                "The agreed plan (agreed_plan: 3) is not the id of a scenario; the scenarios' ids are 1, 2.",
                "2 scenarios are called “Plan”; give each a name of its own.",
                "Currency “euro” is not a three-letter ISO code such as EUR or USD.",
                "Scenario “Plan”: Average deal size: euro 0 is below the minimum of euro 0.01.",
            ]
        );
    }
}

#[cfg(test)]
mod limit_tests {
    use super::*;
    use crate::document::Scenario;

    #[test]
    fn the_largest_id_is_named_as_written() {
        let doc = SlaDocument {
            agreed_plan: crate::document::ScenarioId(u32::MAX),
            ..SlaDocument::default()
        };
        let texts: Vec<String> = doc
            .problems()
            .iter()
            .map(|p| p.describe(Language::English, &doc))
            .collect();
        assert_eq!(
            texts,
            [format!(
                "The agreed plan (agreed_plan: {}) is not the id of a scenario; the scenarios' ids are 1.",
                u32::MAX
            )]
        );
    }

    #[test]
    fn many_duplicates_are_one_problem_with_a_count() {
        let doc = SlaDocument {
            scenarios: vec![Scenario::default(); 5_000],
            ..SlaDocument::default()
        };
        let problems = doc.problems();
        assert!(problems.contains(&DocumentProblem::DuplicateScenarioName {
            name: "Plan".into(),
            count: 5_000
        }));
        assert_eq!(
            problems
                .iter()
                .filter(|p| matches!(p, DocumentProblem::DuplicateScenarioName { .. }))
                .count(),
            1
        );
    }
}
