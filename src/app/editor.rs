//! The open document and everything about it that is not drawn: where it came from, whether it
//! has unsaved changes, its undo history and the scenario being edited.

use std::path::{Path, PathBuf};

use crate::document::lock::{self, Claim, EditLock, Holder};
use crate::document::{
    Fingerprint as FileStamp, History, Lineage, Loaded, Scenario, ScenarioId, SlaDocument,
};

/// How many changes can be undone.
const UNDO_LIMIT: usize = 200;

/// Where the open document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The embedded example: saving asks for a new file.
    Example,
    /// File ▸ New.
    New,
    /// A file on disk (see [`Editor::path`]).
    File,
    /// Unsaved work restored after a crash.
    Recovered,
}

/// The document being edited.
#[derive(Debug)]
pub struct Editor {
    pub document: SlaDocument,
    pub origin: Origin,
    pub path: Option<PathBuf>,
    /// Set when a newer SLA Planner wrote the file: it is read-only here.
    pub newer_version: Option<u32>,
    /// Set when the file was opened read-only because someone else is editing it.
    pub locked_by: Option<Holder>,
    /// Our edit lock on the file, held while it is open here for editing (dropping it removes
    /// the lock file).
    lock: Option<EditLock>,
    /// The copy's lineage as the next save writes it: its id, and the version it was last
    /// saved or opened as. Kept here, not in the document being edited, so that undo never
    /// takes it back and an edit never looks like a change of where the copy comes from.
    lineage: Lineage,
    /// The scenario shown in the panels, by id: adding, deleting or undoing a change elsewhere
    /// in the list never puts another scenario in front of the user.
    selected: ScenarioId,
    /// The document as last saved or opened (`None`: never saved); unsaved changes are the
    /// difference.
    saved: Option<SlaDocument>,
    /// What the file on disk looked like when we last read or wrote it, to notice changes
    /// made by someone else (a colleague on a shared drive, a text editor) before saving over
    /// them.
    stamp: Option<FileStamp>,
    history: History<SlaDocument>,
}

impl Editor {
    fn with(mut document: SlaDocument, origin: Origin, path: Option<PathBuf>) -> Self {
        // A document made in code (a new one, a test's) has rows without ids; the panels key
        // each row's input by its id.
        document.number_rows();
        let lineage = Lineage {
            id: document.lineage.id.clone(),
            base: document.content_fingerprint(),
        };
        Self {
            selected: fallback(&document),
            saved: Some(document.clone()),
            stamp: path.as_deref().and_then(FileStamp::of),
            document,
            origin,
            path,
            newer_version: None,
            locked_by: None,
            lock: None,
            lineage,
            history: History::new(UNDO_LIMIT),
        }
    }

    pub fn example(document: SlaDocument) -> Self {
        Self::with(document, Origin::Example, None)
    }

    pub fn new_document(document: SlaDocument) -> Self {
        Self::with(document, Origin::New, None)
    }

    /// A file opened for editing, with our lock on it (`None` where none could be made: a
    /// folder we may not write, which a save would find too).
    pub fn opened(path: PathBuf, loaded: Loaded, lock: Option<EditLock>) -> Self {
        let mut editor = Self::with(loaded.document, Origin::File, Some(path));
        editor.newer_version = loaded.newer_version;
        editor.lock = lock;
        editor
    }

    /// A file someone else is editing, opened read-only: Save as… writes a copy.
    pub fn opened_read_only(path: PathBuf, loaded: Loaded, holder: Holder) -> Self {
        let mut editor = Self::opened(path, loaded, None);
        editor.locked_by = Some(holder);
        editor
    }

    /// True when Save may not write the file: a newer version's, or one someone else edits.
    pub fn read_only(&self) -> bool {
        self.newer_version.is_some() || self.locked_by.is_some()
    }

    /// Lets go of our edit lock (the window closes).
    pub fn release_lock(&mut self) {
        self.lock = None;
    }

    /// Claims the file for editing, silently: restored work, a file saved under a new name.
    /// A lock someone else holds stays theirs, and saving names them.
    pub fn claim_lock(&mut self) {
        let Some(path) = &self.path else {
            return;
        };
        if self
            .lock
            .as_ref()
            .is_some_and(|l| l.document() == path.as_path())
        {
            return;
        }
        self.lock = match lock::claim(path) {
            Ok(Claim::Mine(lock)) => Some(lock),
            Ok(Claim::Held(_)) | Err(_) => None,
        };
    }

    /// Work restored from the recovery file: unsaved by definition. `stamp` is the file as it
    /// was before the crash, so a change made since then is noticed before saving over it.
    pub fn recovered(
        document: SlaDocument,
        path: Option<PathBuf>,
        stamp: Option<FileStamp>,
    ) -> Self {
        let base = document.lineage.base;
        let mut editor = Self::with(document, Origin::Recovered, path);
        // The version the work started from is not known: the file's own parent is the best
        // there is.
        editor.lineage.base = base;
        editor.saved = None;
        editor.stamp = stamp;
        editor
    }

    /// What the file looked like when it was opened or last saved.
    pub fn stamp(&self) -> Option<FileStamp> {
        self.stamp
    }

    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.document)
    }

    /// The file name for the title bar, or a stand-in for a document without a file.
    pub fn file_name(&self, untitled: &str, example: &str) -> String {
        match (&self.path, self.origin) {
            (Some(path), _) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            (None, Origin::Example) => example.to_owned(),
            (None, _) => untitled.to_owned(),
        }
    }

    /// Where Save writes without asking: only a file we opened or saved, and not one open
    /// read-only.
    pub fn save_target(&self) -> Option<&Path> {
        if self.read_only() {
            None
        } else {
            self.path.as_deref()
        }
    }

    /// True when the file on disk is not as we left it.
    pub fn changed_on_disk(&self) -> bool {
        match &self.path {
            Some(path) => FileStamp::of(path) != self.stamp,
            None => false,
        }
    }

    /// The document as Save writes it: stamped with its lineage (a new lineage id the first
    /// time a copy is saved).
    pub fn stamped_for_saving(&mut self) -> SlaDocument {
        self.lineage = std::mem::take(&mut self.lineage).named();
        SlaDocument {
            lineage: self.lineage.clone(),
            ..self.document.clone()
        }
    }

    /// The version `other` was derived from, when it is one this copy has: the same lineage,
    /// and the version this copy was last saved or opened as. With it, a comparison is
    /// three-way.
    pub fn base_of(&self, other: &SlaDocument) -> Option<&SlaDocument> {
        let same = !self.lineage.id.is_empty()
            && other.lineage.id == self.lineage.id
            && other.lineage.base == self.lineage.base;
        self.saved.as_ref().filter(|_| same)
    }

    /// Records a successful save to `path`.
    pub fn saved_as(&mut self, path: PathBuf) {
        self.lineage.base = self.document.content_fingerprint();
        self.stamp = FileStamp::of(&path);
        self.saved = Some(self.document.clone());
        self.path = Some(path);
        self.origin = Origin::File;
        self.newer_version = None;
        self.locked_by = None;
        self.claim_lock();
    }

    /// Records a change: `before` is the state just before it.
    pub fn checkpoint(&mut self, before: SlaDocument) {
        self.history.record(before);
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Steps back one change; returns whether anything changed.
    pub fn undo(&mut self) -> bool {
        let undone = self.history.undo(&mut self.document);
        self.keep_selection();
        undone
    }

    /// Steps forward again after an undo; returns whether anything changed.
    pub fn redo(&mut self) -> bool {
        let redone = self.history.redo(&mut self.document);
        self.keep_selection();
        redone
    }

    /// The id of the scenario shown in the panels.
    pub fn selected(&self) -> ScenarioId {
        self.selected
    }

    /// The scenario shown in the panels.
    pub fn selected_scenario(&self) -> Option<&Scenario> {
        self.document.scenario(self.selected)
    }

    /// Shows scenario `id` in the panels (the fallback when the document has none of that id).
    pub fn select(&mut self, id: ScenarioId) {
        self.selected = id;
        self.keep_selection();
    }

    /// Keeps the selected scenario when the document still has it; otherwise (it was deleted,
    /// or undo took it back) shows the agreed plan, else the first scenario.
    pub fn keep_selection(&mut self) {
        if self.document.scenario(self.selected).is_none() {
            self.selected = fallback(&self.document);
        }
    }
}

/// The scenario to show when there is no choice to keep: the agreed plan, else the first.
fn fallback(document: &SlaDocument) -> ScenarioId {
    document.agreed().map_or(ScenarioId::default(), |s| s.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_checkpoints() {
        let mut editor = Editor::new_document(SlaDocument::default());
        assert!(!editor.can_undo());
        let before = editor.document.clone();
        editor.document.title = "Changed".into();
        editor.checkpoint(before);
        assert!(editor.is_dirty());
        assert!(editor.can_undo());
        assert!(editor.undo());
        assert_eq!(editor.document.title, "");
        assert!(!editor.is_dirty());
        assert!(editor.can_redo());
        assert!(editor.redo());
        assert_eq!(editor.document.title, "Changed");
    }

    #[test]
    fn undo_keeps_the_selected_scenario_by_id_or_falls_back_to_the_agreed_plan() {
        let mut editor = Editor::new_document(SlaDocument::default());
        let first = editor.selected();
        let before = editor.document.clone();
        let second = editor.document.add_scenario("B", first);
        editor.checkpoint(before);
        let before = editor.document.clone();
        let copy = editor.document.duplicate_scenario(first, "(copy)");
        editor.checkpoint(before);
        editor.select(second);
        assert!(editor.undo());
        assert_eq!(editor.selected(), second, "B is still B, one place up");
        assert!(editor.redo());
        editor.select(copy.unwrap_or_default());
        assert!(editor.undo());
        assert_eq!(
            editor.selected(),
            first,
            "the copy is gone: the agreed plan"
        );
    }

    #[test]
    fn recovered_work_counts_as_unsaved() {
        let editor = Editor::recovered(SlaDocument::default(), None, None);
        assert!(editor.is_dirty());
    }

    #[test]
    fn a_newer_file_has_no_save_target() {
        let loaded = Loaded {
            document: SlaDocument::default(),
            newer_version: Some(2),
            unknown_fields: Vec::new(),
        };
        let editor = Editor::opened(PathBuf::from("x.sla.ron"), loaded, None);
        assert_eq!(editor.save_target(), None);
        assert_eq!(editor.file_name("Untitled", "example"), "x.sla.ron");
    }
}
