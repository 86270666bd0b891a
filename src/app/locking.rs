//! Files someone else is editing: the question when one is opened (read-only, a copy, anyway,
//! or notify me), and the watch that tells the user when it is free. The locks themselves are
//! `document::lock`; this file only asks and acts on the answers.

use std::path::PathBuf;
use std::time::Duration;

use super::dialogs::Dialog;
use super::{App, Editor, Notice, Pending};
use crate::document::lock::{self, Holder};
use crate::document::{self, Loaded};
use crate::i18n::{Text, fill};

/// How often a watched lock is looked at: often enough to feel prompt, rare enough to cost
/// nothing on a network drive.
const WATCH_EVERY: Duration = Duration::from_secs(1);

/// A file that turned out to be locked when it was opened, read and waiting for the user's
/// choice.
#[derive(Debug)]
pub struct LockedFile {
    pub path: PathBuf,
    pub loaded: Loaded,
    pub holder: Holder,
}

/// What the user chose for a locked file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockAnswer {
    ReadOnly,
    Copy,
    Anyway,
    Notify,
    Cancel,
}

impl App {
    /// Asks what to do with a file someone else is editing; while another question is open,
    /// the file opens read-only and a notice names who edits it.
    pub(super) fn ask_locked(&mut self, path: PathBuf, loaded: Loaded, holder: Holder) {
        if self.dialog.is_some() {
            let text = holder.describe(&path, self.language);
            self.open_read_only(path, loaded, holder);
            self.notice = Notice::problem(text);
            return;
        }
        self.dialog = Some(Dialog::Locked(Box::new(LockedFile {
            path,
            loaded,
            holder,
        })));
    }

    fn open_read_only(&mut self, path: PathBuf, mut loaded: Loaded, holder: Holder) {
        let unknown = std::mem::take(&mut loaded.unknown_fields);
        self.take_editor(Editor::opened_read_only(path, loaded, holder));
        self.opened_now(&unknown);
    }

    /// Acts on the answer about a locked file.
    pub(super) fn answer_locked(&mut self, locked: LockedFile, answer: LockAnswer) {
        let LockedFile {
            path,
            loaded,
            holder,
        } = locked;
        match answer {
            LockAnswer::ReadOnly => self.open_read_only(path, loaded, holder),
            LockAnswer::Notify => {
                let t = self.language.text();
                self.open_read_only(path.clone(), loaded, holder);
                self.notice = Notice::done(fill(t.lock_watching, &[("file", &file_name(&path))]));
                self.watching = Some(path);
            }
            LockAnswer::Copy => {
                let t = self.language.text();
                // The fields this version does not know stay in the document, as on opening.
                self.take_editor(Editor::new_document(loaded.document));
                self.recovery.remove();
                self.notice =
                    Notice::done(fill(t.lock_copy_opened, &[("file", &file_name(&path))]));
            }
            LockAnswer::Anyway => match lock::force(&path) {
                Ok(mine) => self.show_opened(path, loaded, Some(mine)),
                Err(error) => {
                    let error = document::SaveError::Io {
                        path: lock::lock_path(&path),
                        source: error,
                    };
                    self.notice = Notice::problem(error.describe(self.language));
                }
            },
            LockAnswer::Cancel => {}
        }
    }

    /// While the user waits for a file to be free: looks at its lock every second and, once
    /// nobody holds it, offers to open it again for editing.
    pub(super) fn watch_lock(&mut self, ctx: &egui::Context) {
        let Some(path) = &self.watching else {
            return;
        };
        if self.editor.path.as_ref() != Some(path) || self.editor.locked_by.is_none() {
            self.watching = None;
            return;
        }
        if lock::holder(path).is_some() {
            ctx.request_repaint_after(WATCH_EVERY);
        } else if self.dialog.is_none() {
            self.dialog = Some(Dialog::LockFree(path.clone()));
            self.watching = None;
        } else {
            // Another question is open; the offer comes when it is answered.
            ctx.request_repaint_after(WATCH_EVERY);
        }
    }

    /// "Reload as editable": opens the file again, asking first about changes made to the
    /// read-only copy.
    pub(super) fn reload_editable(&mut self, path: PathBuf) {
        self.request(Pending::OpenPath(path));
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The question about a locked file; Open anyway is the suggested (focused) button for a
/// lock that looks left over, Open read-only otherwise.
pub fn show_locked(
    ui: &mut egui::Ui,
    locked: &LockedFile,
    language: crate::i18n::Language,
) -> Option<LockAnswer> {
    let t: &Text = language.text();
    let mut answer = None;
    ui.heading(t.lock_heading);
    ui.label(locked.holder.describe(&locked.path, language));
    ui.add_space(8.0);
    let suggested = if locked.holder.stale {
        LockAnswer::Anyway
    } else {
        LockAnswer::ReadOnly
    };
    ui.horizontal_wrapped(|ui| {
        for (choice, label) in [
            (LockAnswer::ReadOnly, t.lock_open_read_only),
            (LockAnswer::Copy, t.lock_open_copy),
            (LockAnswer::Anyway, t.lock_open_anyway),
            (LockAnswer::Notify, t.lock_notify),
            (LockAnswer::Cancel, t.cancel),
        ] {
            let button = ui.button(label);
            // Enter takes the suggestion, until the user moves the focus.
            if choice == suggested && ui.memory(|m| m.focused().is_none()) {
                button.request_focus();
            }
            if button.clicked() {
                answer = Some(choice);
            }
        }
    });
    answer
}

/// The offer once a watched file is free; true when the user wants it reloaded.
pub fn show_free(ui: &mut egui::Ui, path: &std::path::Path, t: &Text) -> Option<bool> {
    let mut answer = None;
    ui.heading(t.lock_free_heading);
    ui.label(fill(t.lock_free_body, &[("file", &file_name(path))]));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(t.lock_reload).clicked() {
            answer = Some(true);
        }
        if ui.button(t.cancel).clicked() {
            answer = Some(false);
        }
    });
    answer
}
