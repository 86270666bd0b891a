//! Native Open/Save dialogs on a worker thread (rfd blocks the thread that calls it). The
//! recovery files are in `recovery.rs`.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::export::Format;

/// What a file dialog answered; `None` when it was cancelled (or no dialog is available).
#[derive(Debug)]
pub enum DialogAnswer {
    Open(Option<PathBuf>),
    SaveAs(Option<PathBuf>),
    /// A file to compare the open document with.
    CompareWith(Option<PathBuf>),
    /// Where to export the report in this format.
    Export(Format, Option<PathBuf>),
    /// A CRM export to import.
    ImportCsv(Option<PathBuf>),
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
            DialogAnswer::Open(None)
                | DialogAnswer::SaveAs(None)
                | DialogAnswer::CompareWith(None)
                | DialogAnswer::Export(_, None)
                | DialogAnswer::ImportCsv(None)
        );
        Some(Answered {
            answer,
            no_dialog: cancelled && shown_for < INSTANT_ANSWER,
        })
    }

    pub fn open(&mut self, ctx: &egui::Context, frame: &eframe::Frame, title: &str, filter: &str) {
        let dialog = Self::dialog(frame, title, filter, "ron");
        self.spawn(ctx, move || DialogAnswer::Open(dialog.pick_file()));
    }

    /// Picks a CRM export (CSV) to import.
    pub fn import_csv(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        title: &str,
        filter: &str,
    ) {
        let dialog = Self::dialog(frame, title, filter, "csv");
        self.spawn(ctx, move || DialogAnswer::ImportCsv(dialog.pick_file()));
    }

    /// Picks a file to compare the open document with.
    pub fn compare_with(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        title: &str,
        filter: &str,
    ) {
        let dialog = Self::dialog(frame, title, filter, "ron");
        self.spawn(ctx, move || DialogAnswer::CompareWith(dialog.pick_file()));
    }

    pub fn save_as(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        title: &str,
        filter: &str,
        file_name: &str,
    ) {
        let dialog = Self::dialog(frame, title, filter, "ron").set_file_name(file_name);
        self.spawn(ctx, move || DialogAnswer::SaveAs(dialog.save_file()));
    }

    /// Asks where to export the report in `format`; the filter shows that format's files.
    pub fn export(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        title: &str,
        format: Format,
        file_name: &str,
    ) {
        let extension = format.extension();
        let dialog = Self::dialog(frame, title, extension, extension).set_file_name(file_name);
        self.spawn(ctx, move || {
            DialogAnswer::Export(format, dialog.save_file())
        });
    }

    fn dialog(
        frame: &eframe::Frame,
        title: &str,
        filter: &str,
        extension: &str,
    ) -> rfd::FileDialog {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter, &[extension])
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
