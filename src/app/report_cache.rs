//! The report of the open document for the tabs that show it, built when the document, the
//! scenario or the language changes rather than every frame: with three years of daily results
//! its tracking section alone takes milliseconds. Comparing the document is cheap: the results
//! compare by pointer unless they were edited (see `Actuals`).

use crate::document::{ScenarioId, SlaDocument};
use crate::i18n::Language;
use crate::plan::Plan;
use crate::report::Report;

/// The last report built, with what it was built from.
#[derive(Debug, Default)]
pub struct ReportCache {
    kept: Option<Kept>,
}

#[derive(Debug)]
struct Kept {
    document: SlaDocument,
    scenario: ScenarioId,
    language: Language,
    report: Report,
}

impl ReportCache {
    /// The report of `scenario` (planned as `plan`) in `document`, in `language`.
    pub fn report(
        &mut self,
        document: &SlaDocument,
        scenario: ScenarioId,
        plan: &Plan,
        language: Language,
    ) -> &Report {
        let fresh = self.kept.as_ref().is_some_and(|k| {
            k.scenario == scenario && k.language == language && k.document == *document
        });
        if !fresh {
            self.kept = None;
        }
        let kept = self.kept.get_or_insert_with(|| Kept {
            document: document.clone(),
            scenario,
            language,
            report: Report::of_document(document, scenario, plan, language),
        });
        &kept.report
    }
}
