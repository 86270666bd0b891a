//! The report of the open document for every tab that shows it (the Agreement's sentences, the
//! Report tab's status and charts), built when the document, the scenario, the choice or the
//! language changes rather than every frame: with three years of daily results its tracking
//! section alone takes milliseconds. Comparing the document is cheap: the results compare by
//! pointer unless they were edited (see `Actuals`), and nothing is copied to compare.

use crate::document::{Actuals, Scenario, ScenarioId, SlaDocument, Tracking};
use crate::i18n::Language;
use crate::plan::{Plan, SalesCommitments};
use crate::report::{Report, StatusChoice, StatusView, status_view};

/// The last report and the last status built, with what they were built from. Held by the app,
/// handed to the panels in their `View`.
#[derive(Debug, Default)]
pub struct ReportCache {
    kept: Option<Kept>,
    status: Option<KeptStatus>,
}

/// The Report tab's status with what it depends on.
#[derive(Debug)]
struct KeptStatus {
    actuals: Actuals,
    tracking: Tracking,
    commitments: SalesCommitments,
    scenario: Scenario,
    choice: StatusChoice,
    language: Language,
    view: StatusView,
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

impl ReportCache {
    /// Where both teams stand against `agreed` (planned as `plan`) for `choice`: the Report
    /// tab's status, pace, forecast and charts (`report::status_view`).
    pub fn status(
        &mut self,
        doc: &SlaDocument,
        agreed: &Scenario,
        plan: &Plan,
        choice: &StatusChoice,
        language: Language,
    ) -> &StatusView {
        let fresh = self.status.as_ref().is_some_and(|k| {
            k.actuals == doc.actuals
                && k.tracking == doc.tracking
                && k.commitments == doc.sales_commitments
                && k.scenario == *agreed
                && k.choice == *choice
                && k.language == language
        });
        if !fresh {
            self.status = None;
        }
        let kept = self.status.get_or_insert_with(|| KeptStatus {
            actuals: doc.actuals.clone(),
            tracking: doc.tracking.clone(),
            commitments: doc.sales_commitments,
            scenario: agreed.clone(),
            choice: choice.clone(),
            language,
            view: status_view(doc, agreed.id, plan, choice, language),
        });
        &kept.view
    }
}
