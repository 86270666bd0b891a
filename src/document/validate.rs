//! Document-level validation on top of the engine's per-scenario checks.

use super::SlaDocument;
use crate::i18n::{Language, fill};
use crate::plan::{Problem, validate_assumptions, validate_commitments};

/// One thing wrong with a document.
#[derive(Clone, Debug, PartialEq)]
pub enum DocumentProblem {
    /// The document has no scenario to plan.
    NoScenarios,
    /// `active_scenario` points past the list.
    ActiveScenarioMissing { index: usize, count: usize },
    /// Two scenarios share a name, so `--scenario NAME` would be ambiguous.
    DuplicateScenarioName(String),
    /// The currency is not a three-letter ISO 4217 code.
    Currency(String),
    /// An assumption of a scenario is out of range.
    Scenario { index: usize, problem: Problem },
    /// A sales commitment is out of range.
    Commitment(Problem),
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
                    ("index", &(index + 1).to_string()),
                    ("count", &count.to_string()),
                ],
            ),
            Self::DuplicateScenarioName(name) => fill(t.doc_duplicate_name, &[("name", name)]),
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
    for (i, scenario) in doc.scenarios.iter().enumerate() {
        if doc.scenarios[..i].iter().any(|s| s.name == scenario.name) {
            problems.push(DocumentProblem::DuplicateScenarioName(
                scenario.name.clone(),
            ));
        }
    }
    let code = doc.currency.as_str();
    if !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())) {
        problems.push(DocumentProblem::Currency(doc.currency.clone()));
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
                "The active scenario is number 4, but there are only 2 scenarios.",
                "Two scenarios are called “Plan”; give each a name of its own.",
                "Currency “euro” is not a three-letter ISO code such as EUR or USD.",
                "Scenario “Plan”: Average deal size: euro 0 is below the minimum of euro 0.01.",
            ]
        );
    }
}
