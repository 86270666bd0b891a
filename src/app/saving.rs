//! Saves that need the user's word first (a read-only or hard-linked file, a document opened
//! read-only) and what the user hears about fields this version does not know.

use std::path::{Path, PathBuf};

use super::dialogs::Dialog;
use super::{App, FileDialogKind, Pending};
use crate::document::{SaveError, SaveOptions, UnknownField};
use crate::i18n::{Language, Text, fill};

/// A save that did not happen, and what the user can do about it.
#[derive(Debug)]
pub struct Blocked {
    pub heading: &'static str,
    pub body: String,
    /// The save to retry when the user agrees to replace the file; `None` when only Save as…
    /// can help.
    pub retry: Option<(PathBuf, SaveOptions)>,
    /// What to do after saving.
    pub then: Option<Pending>,
}

/// The user's answer to a blocked save.
#[derive(Clone, Copy, Debug)]
pub enum BlockedAnswer {
    Replace,
    SaveAs,
    Cancel,
}

impl App {
    /// A failed save: the reason as a notice, or a question when the user can allow it.
    pub(super) fn save_failed(
        &mut self,
        error: &SaveError,
        path: PathBuf,
        options: SaveOptions,
        then: Option<Pending>,
    ) {
        let t = self.language.text();
        let (heading, retry) = match error {
            SaveError::ReadOnly { .. } => (
                t.replace_read_only_heading,
                SaveOptions {
                    replace_read_only: true,
                    ..options
                },
            ),
            SaveError::HardLinked { .. } => (
                t.replace_linked_heading,
                SaveOptions {
                    break_hard_links: true,
                    ..options
                },
            ),
            _ => {
                self.notice = super::Notice::problem(error.describe(self.language));
                return;
            }
        };
        self.dialog = Some(Dialog::SaveBlocked(Box::new(Blocked {
            heading,
            body: error.describe(self.language),
            retry: Some((path, retry)),
            then,
        })));
    }

    /// Save was asked for a document that is open read-only (a newer version's file, or one
    /// someone else is editing): say why nothing was saved and offer Save as….
    pub(super) fn explain_read_only(&mut self) {
        let t = self.language.text();
        let body = match (&self.editor.locked_by, &self.editor.path) {
            (Some(holder), Some(path)) => fill(
                t.lock_read_only,
                &[("holder", &holder.describe(path, self.language))],
            ),
            _ => match self.editor.newer_version {
                Some(version) => fill(t.opened_read_only, &[("version", &version.to_string())]),
                None => return,
            },
        };
        self.dialog = Some(Dialog::SaveBlocked(Box::new(Blocked {
            heading: t.nothing_saved_heading,
            body,
            retry: None,
            then: None,
        })));
    }

    /// Save of restored work whose file no longer exists: asks where to save it (Save as…)
    /// instead of silently creating a new file. Returns true when it asked.
    pub(super) fn recovered_file_missing(&mut self, path: &Path, then: Option<Pending>) -> bool {
        if self.editor.origin != super::Origin::Recovered || path.exists() {
            return false;
        }
        let t = self.language.text();
        self.dialog = Some(Dialog::SaveBlocked(Box::new(Blocked {
            heading: t.recovered_missing_heading,
            body: fill(
                t.recovered_missing,
                &[("path", &path.display().to_string())],
            ),
            retry: None,
            then,
        })));
        true
    }

    /// Acts on the answer to a blocked save.
    pub(super) fn answer_blocked(&mut self, blocked: Blocked, answer: BlockedAnswer) {
        match answer {
            BlockedAnswer::Replace => {
                if let Some((path, options)) = blocked.retry {
                    self.write_with(path, options, blocked.then);
                }
            }
            BlockedAnswer::SaveAs => {
                self.after_save = blocked.then;
                self.file_dialog_wanted = Some(FileDialogKind::SaveAs);
            }
            BlockedAnswer::Cancel => {}
        }
    }
}

/// The question of a blocked save; returns the answer once the user gives one.
pub fn show_blocked(ui: &mut egui::Ui, blocked: &Blocked, t: &Text) -> Option<BlockedAnswer> {
    let mut answer = None;
    ui.heading(blocked.heading);
    ui.label(&blocked.body);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if blocked.retry.is_some() && ui.button(t.replace).clicked() {
            answer = Some(BlockedAnswer::Replace);
        }
        if ui.button(t.cmd_save_as).clicked() {
            answer = Some(BlockedAnswer::SaveAs);
        }
        if ui.button(t.cancel).clicked() {
            answer = Some(BlockedAnswer::Cancel);
        }
    });
    answer
}

/// "This file has fields this version does not know: approvals (line 3, column 5), …"; `None`
/// when there are none.
pub fn unknown_fields_notice(unknown: &[UnknownField], language: Language) -> Option<String> {
    if unknown.is_empty() {
        return None;
    }
    let t = language.text();
    let fields: Vec<String> = unknown
        .iter()
        .map(|field| {
            let mut text = fill(
                t.unknown_field_at,
                &[
                    ("field", &field.path.to_string()),
                    ("line", &field.line.to_string()),
                    ("col", &field.col.to_string()),
                ],
            );
            if let Some(known) = field.suggestion {
                text.push(' ');
                text.push_str(&fill(t.cli_did_you_mean, &[("field", known)]));
            }
            text
        })
        .collect();
    Some(fill(
        t.opened_unknown_fields,
        &[("fields", &fields.join("; "))],
    ))
}
