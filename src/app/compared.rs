//! File ▸ Compare with file…: another copy of the document (what a colleague sent back), its
//! differences from the open one and the changes the user ticked to take.

use std::collections::BTreeSet;

use super::action::Sender;
use super::panels;
use crate::document::SlaDocument;
use crate::i18n::Language;
use crate::merge::{self, Merged};
use crate::whatif::DocumentDiff;

/// A document to compare the open one with, and its file name.
#[derive(Debug)]
pub struct Compared {
    /// The file's name, as the Compare tab and notices show it.
    pub name: String,
    document: SlaDocument,
    /// The version both were derived from, when the open copy has it: the comparison is then
    /// three-way.
    base: Option<SlaDocument>,
    /// The differences, with the open document they were computed for: the Compare tab is
    /// drawn every frame, and comparing the documents is far cheaper than diffing them.
    diff: Option<(SlaDocument, DocumentDiff, Vec<Merged>)>,
    /// The changes the user ticked to take, by label.
    ticked: BTreeSet<String>,
}

impl Compared {
    /// The comparison of `open` with `document`; with a base, what only the other side changed
    /// starts ticked.
    pub fn new(
        name: String,
        document: SlaDocument,
        base: Option<SlaDocument>,
        open: &SlaDocument,
    ) -> Self {
        let mut compared = Self {
            name,
            document,
            base,
            diff: None,
            ticked: BTreeSet::new(),
        };
        let (_, edits) = compared.diff(open);
        let ticked = edits
            .iter()
            .filter(|m| m.origin == merge::Origin::Theirs)
            .map(|m| m.edit.label.clone())
            .collect();
        compared.ticked = ticked;
        compared
    }

    /// The differences between `open` and the compared file (what they do to the plans, and
    /// each change to take), computed again only when the open document changed since the
    /// last time.
    fn diff(&mut self, open: &SlaDocument) -> (&DocumentDiff, &[Merged]) {
        if !matches!(&self.diff, Some((seen, ..)) if seen == open) {
            self.diff = None;
        }
        let (document, base) = (&self.document, &self.base);
        let (_, diff, edits) = self.diff.get_or_insert_with(|| {
            let edits = match base {
                Some(base) => merge::three_way(base, open, document),
                None => merge::two_way(open, document),
            };
            (open.clone(), crate::whatif::diff(open, document), edits)
        });
        (diff, edits)
    }

    /// The file's changes with their tick boxes, above the scenarios side by side.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        language: Language,
        open: &SlaDocument,
        send: &Sender,
    ) {
        let name = self.name.clone();
        let three_way = self.base.is_some();
        let mut ticked = std::mem::take(&mut self.ticked);
        let (diff, edits) = self.diff(open);
        panels::compare::file_changes(
            ui,
            language,
            &name,
            (edits, three_way),
            diff,
            (&mut ticked, send),
        );
        self.ticked = ticked;
    }

    /// Takes the ticked changes into `open`, as one change of the document (one undo step);
    /// the comparison then shows what is still different. Returns how many were taken, or why
    /// none could be.
    pub fn take(&mut self, open: &mut SlaDocument) -> Result<usize, merge::ApplyError> {
        let ticked = std::mem::take(&mut self.ticked);
        let (_, edits) = self.diff(open);
        let chosen: Vec<&merge::Edit> = edits
            .iter()
            .filter(|m| m.origin != merge::Origin::Ours && ticked.contains(&m.edit.label))
            .map(|m| &m.edit)
            .collect();
        let merged = merge::apply(open, &chosen)?;
        let count = chosen.len();
        *open = merged;
        Ok(count)
    }
}
