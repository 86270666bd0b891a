//! The app's own file chooser, for systems where no native dialog can be shown (Linux without a
//! desktop portal or zenity, where rfd answers "cancelled" at once) and for users who prefer
//! it (File ▸ Use the app's own file chooser). Folders, the files of one extension, a name
//! field, a question before a file is replaced; usable with the keyboard alone (Tab, Enter,
//! Escape). Paths go through `std::path` only, so it works the same on every system.
//!
//! It is written here rather than taken from `egui_file` because every word it shows must be
//! in the user's language, and its answers must arrive where the native dialog's do.

use std::path::{Path, PathBuf};

use egui::{Id, Key, Modal, RichText, ScrollArea};

use crate::i18n::{Text, fill};

/// Whether the chooser picks an existing file or names one to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Open,
    Save,
}

/// What the chooser is asked for; the native dialog gets the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub mode: Mode,
    pub title: String,
    /// The kind of file, as the filter names it ("SLA file").
    pub filter: String,
    /// The extension of the files shown, without its dot ("ron").
    pub extension: String,
    /// Added to a typed name that does not end in `.extension` (".sla.ron", ".html").
    pub suffix: String,
    /// The name proposed when saving.
    pub file_name: String,
}

/// One line of the list: a folder or a file of the requested kind.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub name: String,
    pub folder: bool,
}

/// At most this many entries are listed: a folder of 100,000 files would otherwise cost the
/// window hundreds of megabytes and every frame a long list to lay out. A file further down
/// is opened by typing its name.
pub const MAX_LISTED: usize = 1_000;

/// What the chooser lists of a folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// The first [`MAX_LISTED`] entries in order.
    pub entries: Vec<Entry>,
    /// How many more there are.
    pub more: usize,
}

/// The folders and the files ending in `.extension` (any case) in `folder`: folders first, then
/// by name ignoring case; the first [`MAX_LISTED`] of them, read as a stream so memory stays
/// bounded however large the folder. Hidden entries (a leading dot) are left out, as file
/// managers do.
pub fn list(folder: &Path, extension: &str) -> std::io::Result<Listing> {
    let wanted = format!(".{}", extension.to_lowercase());
    let key = |e: &Entry| (!e.folder, e.name.to_lowercase(), e.name.clone());
    // The entries that sort first so far, kept as a max-heap of at most MAX_LISTED.
    let mut first = std::collections::BinaryHeap::new();
    let mut more = 0;
    for item in std::fs::read_dir(folder)?.filter_map(Result::ok) {
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        // Follows links, so a linked folder opens like any other.
        let folder = item.path().is_dir();
        if !(folder || name.to_lowercase().ends_with(&wanted)) {
            continue;
        }
        let entry = Entry { name, folder };
        first.push((key(&entry), entry));
        if first.len() > MAX_LISTED {
            first.pop();
            more += 1;
        }
    }
    let entries = first
        .into_sorted_vec()
        .into_iter()
        .map(|(_, entry)| entry)
        .collect();
    Ok(Listing { entries, more })
}

/// Why the chooser cannot do what was asked, worded when drawn (in the language on screen).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Problem {
    NotAFolder(PathBuf),
    IsAFolder(PathBuf),
    Unreadable {
        folder: PathBuf,
        reason: String,
    },
    NoSuchFile {
        name: String,
        folder: PathBuf,
    },
    /// A pipe, socket or device: no file to read or replace.
    NotAFile(PathBuf),
    NameNeeded,
    CannotCreate {
        folder: PathBuf,
        reason: String,
    },
}

impl Problem {
    fn describe(&self, t: &Text) -> String {
        match self {
            Self::NotAFolder(path) => fill(
                t.chooser_not_a_folder,
                &[("path", &path.display().to_string())],
            ),
            Self::IsAFolder(path) => fill(
                t.chooser_is_a_folder,
                &[("path", &path.display().to_string())],
            ),
            Self::Unreadable { folder, reason } => fill(
                t.chooser_unreadable,
                &[("path", &folder.display().to_string()), ("reason", reason)],
            ),
            Self::NoSuchFile { name, folder } => fill(
                t.chooser_no_such_file,
                &[("name", name), ("folder", &folder.display().to_string())],
            ),
            Self::NameNeeded => t.chooser_name_needed.to_owned(),
            Self::NotAFile(path) => fill(
                t.chooser_not_a_file,
                &[("path", &path.display().to_string())],
            ),
            Self::CannotCreate { folder, reason } => fill(
                t.chooser_cannot_create,
                &[("path", &folder.display().to_string()), ("reason", reason)],
            ),
        }
    }
}

/// What the user did in one frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Still choosing.
    Open,
    /// Chose this file (for Save: agreed to replace it if it exists).
    Chosen(PathBuf),
    Cancelled,
}

/// The chooser on screen.
#[derive(Debug)]
pub struct FileChooser {
    request: Request,
    folder: PathBuf,
    /// The folder field as typed; Enter goes there.
    folder_text: String,
    entries: Result<Listing, Problem>,
    name: String,
    /// Why the last Open/Save did not happen.
    problem: Option<Problem>,
    /// A file that exists and would be replaced: asked about before saving.
    replace: Option<PathBuf>,
    /// Shown because no native dialog could be (the chooser says so).
    fallback: bool,
    /// Put the keyboard focus in the name field next frame.
    focus_name: bool,
    /// The name of a folder to create in the one shown, while New folder is open.
    new_folder: Option<String>,
}

impl FileChooser {
    pub fn new(request: Request, folder: PathBuf, fallback: bool) -> Self {
        let name = match request.mode {
            Mode::Save => request.file_name.clone(),
            Mode::Open => String::new(),
        };
        let mut chooser = Self {
            request,
            folder: PathBuf::new(),
            folder_text: String::new(),
            entries: Ok(Listing::default()),
            name,
            problem: None,
            replace: None,
            fallback,
            focus_name: true,
            new_folder: None,
        };
        chooser.go(folder);
        chooser
    }

    /// The folder on screen.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Shows the folder `to`; a path that is no folder or cannot be read says so and the list
    /// stays as it was.
    fn go(&mut self, to: PathBuf) {
        if !to.is_dir() {
            self.problem = Some(Problem::NotAFolder(to));
            self.folder_text = self.folder.display().to_string();
            return;
        }
        self.entries = list(&to, &self.request.extension).map_err(|error| Problem::Unreadable {
            folder: to.clone(),
            reason: error.to_string(),
        });
        self.folder_text = to.display().to_string();
        self.folder = to;
        self.problem = None;
    }

    /// Creates the folder `name` in the one shown and shows it, ready to save into; a name
    /// missing or refused by the system says so and the field stays open.
    fn create_folder(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            self.problem = Some(Problem::NameNeeded);
            return;
        }
        let path = self.folder.join(name);
        match std::fs::create_dir(&path) {
            Ok(()) => {
                self.new_folder = None;
                self.go(path);
                self.focus_name = true;
            }
            Err(error) => {
                self.problem = Some(Problem::CannotCreate {
                    folder: path,
                    reason: error.to_string(),
                });
            }
        }
    }

    /// Open or Save with the name in the field: a folder opens; an existing file opens; a file
    /// to save gets its suffix and, when it exists, a question first.
    fn confirm(&mut self) -> Outcome {
        let name = self.name.trim();
        if name.is_empty() {
            self.problem = Some(Problem::NameNeeded);
            return Outcome::Open;
        }
        let path = self.folder.join(name);
        if path.is_dir() {
            self.name.clear();
            self.go(path);
            return Outcome::Open;
        }
        if path.exists() && !path.is_file() {
            self.problem = Some(Problem::NotAFile(path));
            return Outcome::Open;
        }
        match self.request.mode {
            Mode::Open if path.is_file() => Outcome::Chosen(path),
            Mode::Open => {
                self.problem = Some(Problem::NoSuchFile {
                    name: name.to_owned(),
                    folder: self.folder.clone(),
                });
                Outcome::Open
            }
            Mode::Save => {
                let wanted = format!(".{}", self.request.extension.to_lowercase());
                let path = if name.to_lowercase().ends_with(&wanted) {
                    path
                } else {
                    self.folder.join(format!("{name}{}", self.request.suffix))
                };
                match path.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
                        self.problem = Some(Problem::NotAFolder(parent.to_path_buf()));
                        Outcome::Open
                    }
                    _ if path.is_dir() => {
                        self.problem = Some(Problem::IsAFolder(path));
                        Outcome::Open
                    }
                    _ if path.exists() => {
                        self.replace = Some(path);
                        Outcome::Open
                    }
                    _ => Outcome::Chosen(path),
                }
            }
        }
    }

    /// Draws the chooser as a modal window and returns what the user did.
    pub fn show(&mut self, ctx: &egui::Context, t: &Text) -> Outcome {
        let mut outcome = Outcome::Open;
        let modal = Modal::new(Id::unique("file chooser")).show(ctx, |ui| {
            // Narrower on a small screen or zoomed in: the name field and the buttons must
            // stay inside the window.
            ui.set_width((ctx.content_rect().width() - 48.0).clamp(240.0, 560.0));
            ui.heading(&self.request.title);
            if self.fallback {
                ui.label(RichText::new(t.chooser_fallback_note).weak());
            }
            ui.add_space(6.0);
            if let Some(path) = self.replace.clone() {
                outcome = self.ask_replace(ui, t, &path);
            } else {
                outcome = self.browse(ui, t);
            }
        });
        if modal.should_close() && outcome == Outcome::Open {
            // Escape or a click beside the window: in the replace question it means "no".
            if self.replace.take().is_none() {
                outcome = Outcome::Cancelled;
            }
        }
        outcome
    }

    fn ask_replace(&mut self, ui: &mut egui::Ui, t: &Text, path: &Path) -> Outcome {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        ui.label(RichText::new(fill(t.chooser_replace_heading, &[("name", &name)])).strong());
        ui.label(fill(
            t.chooser_replace_body,
            &[("path", &path.display().to_string())],
        ));
        ui.add_space(8.0);
        let mut outcome = Outcome::Open;
        ui.horizontal(|ui| {
            if ui.button(t.chooser_replace).clicked() {
                outcome = Outcome::Chosen(path.to_path_buf());
            }
            if ui.button(t.cancel).clicked() {
                self.replace = None;
                self.focus_name = true;
            }
        });
        outcome
    }

    /// The folder shown: Up, and its path to type into.
    fn folder_row(&mut self, ui: &mut egui::Ui, t: &Text) {
        ui.horizontal(|ui| {
            let label = ui.label(t.chooser_folder);
            if ui
                .add_enabled(
                    self.folder.parent().is_some(),
                    egui::Button::new(t.chooser_up),
                )
                .clicked()
                && let Some(parent) = self.folder.parent().map(Path::to_path_buf)
            {
                self.go(parent);
            }
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                let typed = PathBuf::from(self.folder_text.trim());
                self.go(self.folder.join(typed));
            }
        });
    }

    /// New folder…, and the name of the folder being made.
    fn new_folder_row(&mut self, ui: &mut egui::Ui, t: &Text) {
        let opened = self.new_folder.is_none() && ui.button(t.chooser_new_folder).clicked();
        if opened {
            self.new_folder = Some(String::new());
            self.problem = None;
        }
        if let Some(mut name) = self.new_folder.take() {
            let mut create = false;
            let mut cancel = false;
            ui.horizontal(|ui| {
                let label = ui.label(t.chooser_new_folder_name);
                let field = ui
                    .add(egui::TextEdit::singleline(&mut name).desired_width(160.0))
                    .labelled_by(label.id);
                if opened {
                    field.request_focus();
                }
                create = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                create |= ui.button(t.chooser_create).clicked();
                cancel = ui.button(t.cancel).clicked();
            });
            if !cancel {
                self.new_folder = Some(name.clone());
                if create {
                    self.create_folder(&name);
                }
            }
        }
    }

    /// The folder's entries: a click on a file takes its name, on a folder opens it. Returns
    /// the folder clicked, if any, and whether a file was double-clicked (chosen at once).
    fn listing(&mut self, ui: &mut egui::Ui, t: &Text) -> (Option<String>, bool) {
        let mut chosen_folder = None;
        let mut double_clicked = false;
        // The list takes what the window leaves after the fields and buttons around it.
        let list_height = (ui.ctx().content_rect().height() - 300.0).clamp(60.0, 260.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ScrollArea::vertical()
                .max_height(list_height)
                .min_scrolled_height(list_height)
                .auto_shrink([false, false])
                .show(ui, |ui| match &self.entries {
                    Err(problem) => {
                        ui.label(problem.describe(t));
                    }
                    Ok(listing) if listing.entries.is_empty() => {
                        ui.label(RichText::new(t.chooser_empty).weak());
                    }
                    Ok(listing) => {
                        for entry in &listing.entries {
                            let text = if entry.folder {
                                format!("📁 {}", entry.name)
                            } else {
                                entry.name.clone()
                            };
                            let selected = !entry.folder && entry.name == self.name;
                            let response = ui.selectable_label(selected, text);
                            if response.clicked() {
                                if entry.folder {
                                    chosen_folder = Some(entry.name.clone());
                                } else {
                                    self.name.clone_from(&entry.name);
                                    self.problem = None;
                                }
                            }
                            if response.double_clicked() && !entry.folder {
                                double_clicked = true;
                            }
                        }
                        if listing.more > 0 {
                            ui.label(
                                RichText::new(fill(
                                    t.chooser_more,
                                    &[("count", &listing.more.to_string())],
                                ))
                                .weak(),
                            );
                        }
                    }
                });
        });
        (chosen_folder, double_clicked)
    }

    fn browse(&mut self, ui: &mut egui::Ui, t: &Text) -> Outcome {
        let mut outcome = Outcome::Open;
        self.folder_row(ui, t);
        self.new_folder_row(ui, t);
        ui.label(
            RichText::new(fill(
                t.chooser_showing,
                &[
                    ("filter", &self.request.filter),
                    ("extension", &self.request.extension),
                ],
            ))
            .small()
            .weak(),
        );
        let (chosen_folder, double_clicked) = self.listing(ui, t);
        if let Some(name) = chosen_folder {
            self.go(self.folder.join(name));
        }
        ui.add_space(4.0);
        let mut enter = false;
        ui.horizontal(|ui| {
            let label = ui.label(t.chooser_name);
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_name) {
                field.request_focus();
            }
            enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem.describe(t));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let confirm = match self.request.mode {
                Mode::Open => t.chooser_open,
                Mode::Save => t.chooser_save,
            };
            if ui.button(confirm).clicked() || enter || double_clicked {
                outcome = self.confirm();
                if outcome == Outcome::Open && self.replace.is_none() {
                    self.focus_name = true;
                }
            }
            if ui.button(t.cancel).clicked() {
                outcome = Outcome::Cancelled;
            }
        });
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn request(mode: Mode) -> Request {
        Request {
            mode,
            title: "Save".into(),
            filter: "SLA file".into(),
            extension: "ron".into(),
            suffix: ".sla.ron".into(),
            file_name: "plan.sla.ron".into(),
        }
    }

    #[test]
    fn lists_folders_first_then_files_of_the_extension() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b folder")).unwrap();
        std::fs::create_dir(dir.path().join(".hidden")).unwrap();
        for name in ["Z.sla.ron", "a.RON", "notes.txt"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let names: Vec<_> = list(dir.path(), "ron")
            .unwrap()
            .entries
            .into_iter()
            .map(|e| (e.name, e.folder))
            .collect();
        assert_eq!(
            names,
            [
                ("b folder".to_owned(), true),
                ("a.RON".to_owned(), false),
                ("Z.sla.ron".to_owned(), false)
            ]
        );
    }

    #[test]
    fn a_large_folder_lists_the_first_entries_and_counts_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..MAX_LISTED + 250 {
            std::fs::write(dir.path().join(format!("{i:05}.sla.ron")), "").unwrap();
        }
        let listing = list(dir.path(), "ron").unwrap();
        assert_eq!(listing.entries.len(), MAX_LISTED);
        assert_eq!(listing.more, 250);
        assert_eq!(listing.entries[0].name, "00000.sla.ron");
        assert_eq!(listing.entries[MAX_LISTED - 1].name, "00999.sla.ron");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_named_for_what_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.sla.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        for mode in [Mode::Open, Mode::Save] {
            let mut chooser = FileChooser::new(request(mode), dir.path().into(), false);
            chooser.name = "pipe.sla.ron".into();
            assert_eq!(chooser.confirm(), Outcome::Open);
            let t = Language::English.text();
            let problem = chooser.problem.as_ref().unwrap().describe(t);
            assert!(problem.contains("not a regular file"), "{problem}");
        }
    }

    #[test]
    fn saving_adds_the_suffix_and_asks_before_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let mut chooser = FileChooser::new(request(Mode::Save), dir.path().into(), false);
        chooser.name = "budget".into();
        assert_eq!(
            chooser.confirm(),
            Outcome::Chosen(dir.path().join("budget.sla.ron"))
        );
        std::fs::write(dir.path().join("budget.sla.ron"), "").unwrap();
        chooser.name = "budget.sla.ron".into();
        assert_eq!(chooser.confirm(), Outcome::Open);
        assert_eq!(chooser.replace, Some(dir.path().join("budget.sla.ron")));
    }

    #[test]
    fn opening_needs_an_existing_file_and_a_folder_name_opens_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("inner")).unwrap();
        let mut chooser = FileChooser::new(request(Mode::Open), dir.path().into(), true);
        chooser.name = "missing.sla.ron".into();
        assert_eq!(chooser.confirm(), Outcome::Open);
        let t = Language::English.text();
        let problem = chooser.problem.as_ref().unwrap().describe(t);
        assert!(problem.contains("missing.sla.ron"), "{problem}");
        chooser.name = "inner".into();
        assert_eq!(chooser.confirm(), Outcome::Open);
        assert_eq!(chooser.folder(), dir.path().join("inner"));
        chooser.go(dir.path().join("nowhere"));
        assert_eq!(chooser.folder(), dir.path().join("inner"));
        assert!(chooser.problem.is_some());
    }
}
