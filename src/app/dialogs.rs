//! Modal questions and information: unsaved changes, a file changed on disk, recovered work,
//! About and the method in brief.

use std::path::{Path, PathBuf};

use egui::{Id, Modal, RichText, Ui};

use super::locking::{self, LockAnswer, LockedFile};
use super::recovery::Offer;
use super::saving::{self, Blocked, BlockedAnswer};
use super::{App, Pending};
use crate::document::lock::Holder;
use crate::i18n::{Language, Text, fill};

/// The modal on screen, if any.
#[derive(Debug)]
pub enum Dialog {
    /// "Save changes?" before `Pending` runs.
    AskSave(Pending),
    /// The file changed on disk since it was opened, or someone else holds its lock (who is
    /// named); overwrite it?
    ConfirmOverwrite {
        path: PathBuf,
        then: Option<Pending>,
        holder: Option<Holder>,
    },
    /// The file being opened is being edited by someone else: read-only, a copy, anyway, or
    /// notify me when it is free.
    Locked(Box<LockedFile>),
    /// A file the user waited for is free: reload it as editable?
    LockFree(PathBuf),
    /// A previous run left unsaved work.
    OfferRecovery(Box<Offer>),
    /// A save that needs the user's word (read-only or linked file, read-only document).
    SaveBlocked(Box<Blocked>),
    About,
    Method,
}

/// The user's answer.
#[derive(Clone, Copy, Debug)]
enum Answer {
    Save,
    DontSave,
    Cancel,
    Overwrite,
    Restore,
    Discard,
    Close,
    Blocked(BlockedAnswer),
    Locked(LockAnswer),
    Reload,
}

pub fn show(app: &mut App, ctx: &egui::Context) {
    let Some(dialog) = &app.dialog else {
        return;
    };
    let t = app.language.text();
    let mut answer = None;
    let modal = Modal::new(Id::unique("dialog")).show(ctx, |ui| {
        ui.set_max_width((ctx.content_rect().width() - 48.0).clamp(200.0, 460.0));
        answer = match dialog {
            Dialog::AskSave(_) => ask_save(
                ui,
                t,
                &app.editor.file_name(t.untitled, t.example_file_name),
            ),
            Dialog::ConfirmOverwrite { path, holder, .. } => {
                confirm_overwrite(ui, app.language, path, holder.as_ref())
            }
            Dialog::OfferRecovery(offer) => offer_recovery(ui, t, offer.recovery.path.as_deref()),
            Dialog::SaveBlocked(blocked) => {
                saving::show_blocked(ui, blocked, t).map(Answer::Blocked)
            }
            Dialog::Locked(locked) => {
                locking::show_locked(ui, locked, app.language).map(Answer::Locked)
            }
            Dialog::LockFree(path) => locking::show_free(ui, path, t).map(|reload| {
                if reload {
                    Answer::Reload
                } else {
                    Answer::Cancel
                }
            }),
            Dialog::About => about(ui, t),
            Dialog::Method => method(ui, t),
        };
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Answer::Cancel);
    }
    if let Some(answer) = answer {
        respond(app, answer);
    }
}

/// Save the unsaved changes of `name` first, throw them away, or cancel.
fn ask_save(ui: &mut Ui, t: &Text, name: &str) -> Option<Answer> {
    ui.heading(fill(t.ask_save_heading, &[("name", name)]));
    ui.label(t.ask_save_body);
    ui.add_space(8.0);
    buttons(
        ui,
        &[
            (t.save, Answer::Save),
            (t.dont_save, Answer::DontSave),
            (t.cancel, Answer::Cancel),
        ],
    )
}

/// Save over `path` although someone else holds its lock (who is named) or it changed on
/// disk since it was read?
fn confirm_overwrite(
    ui: &mut Ui,
    language: Language,
    path: &Path,
    holder: Option<&Holder>,
) -> Option<Answer> {
    let t = language.text();
    match holder {
        Some(holder) => {
            ui.heading(t.lock_save_heading);
            ui.label(fill(
                t.lock_save_body,
                &[("holder", &holder.describe(path, language))],
            ));
        }
        None => {
            ui.heading(t.changed_on_disk_heading);
            ui.label(fill(
                t.changed_on_disk_body,
                &[("path", &path.display().to_string())],
            ));
        }
    }
    ui.add_space(8.0);
    buttons(
        ui,
        &[(t.overwrite, Answer::Overwrite), (t.cancel, Answer::Cancel)],
    )
}

/// Work that was not saved when the app last ended (of the file at `path`): restore or
/// discard it.
fn offer_recovery(ui: &mut Ui, t: &Text, path: Option<&Path>) -> Option<Answer> {
    ui.heading(t.recovery_heading);
    let name = path.map_or(t.untitled.to_owned(), |p| p.display().to_string());
    ui.label(fill(t.recovery_body, &[("name", &name)]));
    ui.add_space(8.0);
    buttons(
        ui,
        &[(t.restore, Answer::Restore), (t.discard, Answer::Discard)],
    )
}

/// Help ▸ About: the version.
fn about(ui: &mut Ui, t: &Text) -> Option<Answer> {
    ui.heading("SLA Planner");
    ui.label(fill(
        t.about_body,
        &[("version", env!("CARGO_PKG_VERSION"))],
    ));
    ui.add_space(8.0);
    buttons(ui, &[(t.close, Answer::Close)])
}

/// Help ▸ The method: its steps and where the 81 % comes from.
fn method(ui: &mut Ui, t: &Text) -> Option<Answer> {
    ui.heading(t.method_heading);
    for (step, text) in t.method_steps {
        ui.add_space(4.0);
        ui.label(RichText::new(*step).strong());
        ui.label(*text);
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t.method_81_percent).small().weak());
    ui.add_space(8.0);
    buttons(ui, &[(t.close, Answer::Close)])
}

/// A row of buttons; the answer of the one clicked.
fn buttons(ui: &mut Ui, choices: &[(&str, Answer)]) -> Option<Answer> {
    ui.horizontal(|ui| {
        let mut clicked = None;
        for (label, answer) in choices {
            if ui.button(*label).clicked() {
                clicked = Some(*answer);
            }
        }
        clicked
    })
    .inner
}

fn respond(app: &mut App, answer: Answer) {
    let Some(dialog) = app.dialog.take() else {
        return;
    };
    match (dialog, answer) {
        (Dialog::AskSave(pending), Answer::Save) => app.save(Some(pending)),
        (Dialog::AskSave(pending), Answer::DontSave) => {
            app.recovery.remove();
            app.proceed(pending);
        }
        (Dialog::ConfirmOverwrite { path, then, .. }, Answer::Overwrite) => {
            app.write(path, then);
        }
        (Dialog::Locked(locked), Answer::Locked(answer)) => app.answer_locked(*locked, answer),
        (Dialog::LockFree(path), Answer::Reload) => app.reload_editable(path),
        (Dialog::OfferRecovery(offer), Answer::Restore) => app.restore(*offer),
        (Dialog::OfferRecovery(offer), Answer::Discard) => offer.forget(),
        (Dialog::SaveBlocked(blocked), Answer::Blocked(answer)) => {
            app.answer_blocked(*blocked, answer);
        }
        // Cancel, Escape and Close only close the dialog; offered work stays on disk, free
        // for the next window to offer.
        _ => {}
    }
}
