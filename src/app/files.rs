//! Open/Save dialogs: the system's (rfd, on a worker thread because it blocks the thread that
//! calls it) or, when none can be shown or the user prefers it, the app's own
//! ([`FileChooser`]). Either way the answer arrives through [`FileDialogs::answer`]. The
//! recovery files are in `recovery.rs`.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::file_chooser::{FileChooser, Mode, Outcome, Request};
use crate::export::Format;
use crate::i18n::Text;

/// What a file dialog answered; `None` when it was cancelled.
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

/// A dialog's answer.
#[derive(Debug)]
pub struct Answered {
    pub answer: DialogAnswer,
}

/// Faster than any person cancels a dialog: a "cancel" this quick means no native dialog could
/// be shown at all (on Linux rfd answers `None` at once without a desktop portal or zenity).
const INSTANT_ANSWER: Duration = Duration::from_millis(150);

/// Turns the chosen path (or `None`) into the answer of the dialog that was asked for.
type MakeAnswer = Box<dyn FnOnce(Option<PathBuf>) -> DialogAnswer>;

/// The dialog being shown: what was asked, and how its path becomes an answer.
struct Asked {
    request: Request,
    make: MakeAnswer,
    /// When the native dialog was opened; `None` for the app's own chooser.
    native_since: Option<Instant>,
}

impl std::fmt::Debug for Asked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Asked")
            .field("request", &self.request)
            .field("native_since", &self.native_since)
            .finish_non_exhaustive()
    }
}

/// Shows one file dialog at a time and hands its answer back.
#[derive(Debug)]
pub struct FileDialogs {
    sender: Sender<Option<PathBuf>>,
    receiver: Receiver<Option<PathBuf>>,
    asked: Option<Asked>,
    /// The app's own chooser, while it is on screen.
    chooser: Option<FileChooser>,
    /// What the app's chooser answered, handed out by the next [`Self::answer`].
    chosen: Option<Option<PathBuf>>,
    /// Use the app's own chooser instead of the system's.
    builtin: bool,
    /// No native dialog could be shown this session: the app's chooser says why it is there.
    native_failed: bool,
    /// Where the dialogs open: the folder of the last file chosen (see [`Self::start_in`]).
    folder: Option<PathBuf>,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            asked: None,
            chooser: None,
            chosen: None,
            builtin: false,
            native_failed: false,
            folder: None,
        }
    }
}

impl FileDialogs {
    /// Use the app's own chooser even where a native dialog could be shown.
    pub fn set_builtin(&mut self, builtin: bool) {
        self.builtin = builtin;
    }

    /// True while the app's own chooser is on screen: its fields get the keys, not the
    /// app's shortcuts (Ctrl+Z in the name field must not undo an edit of the plan).
    pub fn chooser_open(&self) -> bool {
        self.chooser.is_some()
    }

    /// Where the dialogs open next: the folder of the last file chosen (this session or, through
    /// the settings, an earlier one) if it still exists, else `fallback` (the open document's
    /// folder). A CSV imported from Downloads makes Save as… open in Downloads too.
    pub fn start_in(&mut self, fallback: Option<PathBuf>) {
        if self.chooser.is_none() {
            let last = self.folder.take().filter(|f| f.is_dir());
            self.folder = last.or(fallback.filter(|f| f.is_dir()));
        }
    }

    /// The folder of the last file chosen, to remember for the next run.
    pub fn last_folder(&self) -> Option<&std::path::Path> {
        self.folder.as_deref()
    }

    /// The answer of the dialog, once there is one. A native dialog that could not be shown
    /// gives no answer: the app's own chooser opens in its place (and from then on).
    pub fn answer(&mut self) -> Option<Answered> {
        let path = match self.chosen.take() {
            Some(path) => path,
            None => self.receiver.try_recv().ok()?,
        };
        let asked = self.asked.take()?;
        let no_dialog = path.is_none()
            && asked
                .native_since
                .is_some_and(|since| since.elapsed() < INSTANT_ANSWER);
        if no_dialog {
            self.native_failed = true;
            self.show_chooser(asked.request, asked.make);
            return None;
        }
        if let Some(folder) = path.as_deref().and_then(std::path::Path::parent) {
            self.folder = Some(folder.to_path_buf());
        }
        Some(Answered {
            answer: (asked.make)(path),
        })
    }

    pub fn open(&mut self, ctx: &egui::Context, frame: &eframe::Frame, title: &str, filter: &str) {
        let request = Self::request(Mode::Open, title, filter, "ron", ".sla.ron", "");
        self.ask(ctx, frame, request, Box::new(DialogAnswer::Open));
    }

    /// Picks a CRM export (CSV) to import.
    pub fn import_csv(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        title: &str,
        filter: &str,
    ) {
        let request = Self::request(Mode::Open, title, filter, "csv", ".csv", "");
        self.ask(ctx, frame, request, Box::new(DialogAnswer::ImportCsv));
    }

    /// Picks a file to compare the open document with.
    pub fn compare_with(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        title: &str,
        filter: &str,
    ) {
        let request = Self::request(Mode::Open, title, filter, "ron", ".sla.ron", "");
        self.ask(ctx, frame, request, Box::new(DialogAnswer::CompareWith));
    }

    pub fn save_as(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        title: &str,
        filter: &str,
        file_name: &str,
    ) {
        let request = Self::request(Mode::Save, title, filter, "ron", ".sla.ron", file_name);
        self.ask(ctx, frame, request, Box::new(DialogAnswer::SaveAs));
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
        let suffix = format!(".{extension}");
        let request = Self::request(Mode::Save, title, extension, extension, &suffix, file_name);
        self.ask(
            ctx,
            frame,
            request,
            Box::new(move |path| DialogAnswer::Export(format, path)),
        );
    }

    fn request(
        mode: Mode,
        title: &str,
        filter: &str,
        extension: &str,
        suffix: &str,
        file_name: &str,
    ) -> Request {
        Request {
            mode,
            title: title.to_owned(),
            filter: filter.to_owned(),
            extension: extension.to_owned(),
            suffix: suffix.to_owned(),
            file_name: file_name.to_owned(),
        }
    }

    /// Shows the dialog `request` describes: the app's chooser, or the native one on a worker
    /// thread. Ignored while another dialog is open.
    fn ask(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        request: Request,
        make: MakeAnswer,
    ) {
        if self.asked.is_some() {
            return;
        }
        if self.builtin || self.native_failed {
            self.show_chooser(request, make);
            return;
        }
        let mut dialog = rfd::FileDialog::new()
            .set_title(&request.title)
            .add_filter(&request.filter, &[&request.extension])
            .set_parent(frame);
        if request.mode == Mode::Save {
            dialog = dialog.set_file_name(&request.file_name);
        }
        if let Some(folder) = &self.folder {
            dialog = dialog.set_directory(folder);
        }
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let mode = request.mode;
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let path = match mode {
                    Mode::Open => dialog.pick_file(),
                    Mode::Save => dialog.save_file(),
                };
                // The receiver lives as long as the app; if it is gone, so is the window.
                let _ = sender.send(path);
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.asked = Some(Asked {
                request,
                make,
                native_since: Some(Instant::now()),
            });
        } else {
            // No thread for the native dialog: the app's chooser needs none.
            self.show_chooser(request, make);
        }
    }

    fn show_chooser(&mut self, request: Request, make: MakeAnswer) {
        let folder = self
            .folder
            .clone()
            .filter(|f| f.is_dir())
            .or_else(std::env::home_dir)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        self.chooser = Some(FileChooser::new(
            request.clone(),
            folder,
            self.native_failed,
        ));
        self.asked = Some(Asked {
            request,
            make,
            native_since: None,
        });
    }

    /// Draws the app's own chooser while it is open; its answer is handed out next frame.
    pub fn show(&mut self, ctx: &egui::Context, t: &Text) {
        let Some(chooser) = &mut self.chooser else {
            return;
        };
        let path = match chooser.show(ctx, t) {
            Outcome::Open => return,
            Outcome::Chosen(path) => Some(path),
            Outcome::Cancelled => None,
        };
        self.folder = Some(chooser.folder().to_path_buf());
        self.chooser = None;
        self.chosen = Some(path);
        ctx.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As if the native dialog had been opened for `request` at `since`.
    fn asked_natively(dialogs: &mut FileDialogs, since: Instant) {
        let request = FileDialogs::request(Mode::Save, "Save", "SLA file", "ron", ".sla.ron", "a");
        dialogs.asked = Some(Asked {
            request,
            make: Box::new(DialogAnswer::SaveAs),
            native_since: Some(since),
        });
    }

    #[test]
    fn an_instant_cancel_opens_the_apps_own_chooser_from_then_on() {
        let mut dialogs = FileDialogs::default();
        asked_natively(&mut dialogs, Instant::now());
        dialogs.sender.send(None).unwrap();
        // No answer: the app's chooser is on screen instead, saying why.
        assert!(dialogs.answer().is_none());
        assert!(dialogs.chooser.is_some());
        assert!(dialogs.native_failed);
        assert!(dialogs.asked.as_ref().unwrap().native_since.is_none());
    }

    #[test]
    fn a_cancel_after_a_while_is_the_users() {
        let mut dialogs = FileDialogs::default();
        let since = Instant::now().checked_sub(Duration::from_secs(2)).unwrap();
        asked_natively(&mut dialogs, since);
        dialogs.sender.send(None).unwrap();
        let answered = dialogs.answer().unwrap();
        assert!(matches!(answered.answer, DialogAnswer::SaveAs(None)));
        assert!(dialogs.chooser.is_none());
        assert!(!dialogs.native_failed);
    }
}
