//! The Agreement tab: the agreement in sentences, generated from the plan of the selected
//! scenario and the sales commitments (the report model's `agreement`), with a button that
//! copies it as text. Nothing here is typed by the user, so it can never contradict the plan.

use egui::{RichText, Ui};

use super::section;
use crate::document::SlaDocument;
use crate::i18n::Language;
use crate::plan::{Plan, Problem};
use crate::report::Report;

/// Draws the agreement; true when "Copy agreement as text" was clicked.
pub fn show(
    ui: &mut Ui,
    language: Language,
    document: &SlaDocument,
    selected: usize,
    plan: &Result<Plan, Vec<Problem>>,
) -> bool {
    let t = language.text();
    let Ok(plan) = plan else {
        ui.label(t.fix_inputs_first);
        return false;
    };
    let name = document
        .scenarios
        .get(selected)
        .map(|s| s.name.as_str())
        .unwrap_or_default();
    let report = Report::of_document(document, name, plan, language);
    section(ui, &report.title(), t.agreement_tab_note);
    if let Some(subtitle) = report.subtitle() {
        ui.label(subtitle);
    }
    let copy = ui.button(t.cmd_copy_agreement).clicked();
    for part in &report.agreement {
        section(ui, &part.heading, "");
        for paragraph in &part.paragraphs {
            ui.label(RichText::new(paragraph));
            ui.add_space(2.0);
        }
    }
    copy
}
