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
    /// `active_scenario` points past the list.
    ActiveScenarioMissing { index: usize, count: usize },
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
    } else if doc.active_scenario >= doc.scenarios.len() {
        problems.push(DocumentProblem::ActiveScenarioMissing {
            index: doc.active_scenario,
            count: doc.scenarios.len(),
        });
    }
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
    use crate::document::Scenario;

    #[test]
    fn a_new_document_is_valid() {
        assert!(SlaDocument::default().problems().is_empty());
    }

    #[test]
    fn finds_document_level_problems() {
        let mut doc = SlaDocument {
            currency: "euro".into(),
            active_scenario: 3,
            ..SlaDocument::default()
        };
        doc.scenarios.push(Scenario::default());
        doc.scenarios[1].assumptions.average_deal_size = 0.0;
        let texts: Vec<String> = doc
            .problems()
            .iter()
            .map(|p| p.describe(Language::English, &doc))
            .collect();
        assert_eq!(
            texts,
            vec![
                "The agreed plan (active_scenario: 3) is not one of the 2 scenarios; it must be 0 to 1.",
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
    fn the_largest_index_is_named_as_written() {
        let doc = SlaDocument {
            active_scenario: usize::MAX,
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
                "The agreed plan (active_scenario: {}) is not one of the 1 scenarios; it must be 0 to 0.",
                usize::MAX
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
