//! The app's side of files: native Open/Save dialogs on a worker thread (rfd blocks the thread
//! that calls it), and the recovery file that keeps unsaved work safe from a crash.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::document::{SlaDocument, write_atomically};

/// What a file dialog answered; `None` when it was cancelled (or no dialog is available).
#[derive(Debug)]
pub enum DialogAnswer {
    Open(Option<PathBuf>),
    SaveAs(Option<PathBuf>),
}

/// An answer with how long the dialog was on screen.
#[derive(Debug)]
pub struct Answered {
    pub answer: DialogAnswer,
    /// A "cancel" faster than a person can click means no dialog could be shown at all (on
    /// Linux rfd answers `None` at once without a desktop portal or zenity).
    pub no_dialog: bool,
}

/// Faster than any person cancels a dialog.
const INSTANT_ANSWER: Duration = Duration::from_millis(150);

/// Runs one native file dialog at a time on a named worker thread and hands its answer back.
#[derive(Debug)]
pub struct FileDialogs {
    sender: Sender<DialogAnswer>,
    receiver: Receiver<DialogAnswer>,
    /// When the dialog on screen was opened.
    opened: Option<Instant>,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            opened: None,
        }
    }
}

impl FileDialogs {
    /// The answer of the dialog, once there is one.
    pub fn answer(&mut self) -> Option<Answered> {
        let answer = self.receiver.try_recv().ok()?;
        let shown_for = self.opened.take().map_or(Duration::MAX, |t| t.elapsed());
        let cancelled = matches!(
            answer,
            DialogAnswer::Open(None) | DialogAnswer::SaveAs(None)
        );
        Some(Answered {
            answer,
            no_dialog: cancelled && shown_for < INSTANT_ANSWER,
        })
    }

    pub fn open(&mut self, ctx: &egui::Context, frame: &eframe::Frame, title: &str, filter: &str) {
        let dialog = Self::dialog(frame, title, filter);
        self.spawn(ctx, move || DialogAnswer::Open(dialog.pick_file()));
    }

    pub fn save_as(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        title: &str,
        filter: &str,
        file_name: &str,
    ) {
        let dialog = Self::dialog(frame, title, filter).set_file_name(file_name);
        self.spawn(ctx, move || DialogAnswer::SaveAs(dialog.save_file()));
    }

    fn dialog(frame: &eframe::Frame, title: &str, filter: &str) -> rfd::FileDialog {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter, &["ron"])
            .set_parent(frame)
    }

    fn spawn(&mut self, ctx: &egui::Context, ask: impl FnOnce() -> DialogAnswer + Send + 'static) {
        if self.opened.is_some() {
            return;
        }
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                // The receiver lives as long as the app; if it is gone, so is the window.
                let _ = sender.send(ask());
                ctx.request_repaint();
            });
        self.opened = spawned.is_ok().then(Instant::now);
    }
}

/// Unsaved work as written to the recovery file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the work belongs to, if it had one.
    pub path: Option<PathBuf>,
    pub document: SlaDocument,
}

/// Where unsaved work is kept between crashes: one file in the app's data folder.
#[derive(Debug)]
pub struct RecoveryFile {
    path: Option<PathBuf>,
}

impl RecoveryFile {
    /// Seconds between writes of unsaved work.
    pub const INTERVAL: f64 = 30.0;

    /// The recovery file in `folder` (normally eframe's storage folder for the app).
    pub fn in_folder(folder: Option<PathBuf>) -> Self {
        Self {
            path: folder.map(|f| f.join("recovery.sla.ron")),
        }
    }

    /// Unsaved work left by a previous run that did not end cleanly.
    pub fn read(&self) -> Option<Recovery> {
        let text = std::fs::read_to_string(self.path.as_deref()?).ok()?;
        ron::from_str(&text).ok()
    }

    pub fn write(&self, recovery: &Recovery) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let text = ron::ser::to_string_pretty(recovery, ron::ser::PrettyConfig::new())
            .map_err(std::io::Error::other)?;
        write_atomically(path, &text)
    }

    /// Forgets the unsaved work (it was saved or deliberately discarded).
    pub fn remove(&self) {
        if let Some(path) = &self.path {
            // Nothing to do when there is no file.
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_round_trips_and_can_be_removed() {
        let dir = tempfile::tempdir().unwrap();
        let file = RecoveryFile::in_folder(Some(dir.path().join("app")));
        assert_eq!(file.read(), None);
        let recovery = Recovery {
            path: Some(PathBuf::from("plan.sla.ron")),
            document: SlaDocument::default(),
        };
        file.write(&recovery).unwrap();
        assert_eq!(file.read(), Some(recovery));
        file.remove();
        assert_eq!(file.read(), None);
    }
}
