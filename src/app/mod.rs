//! Everything egui: the window, its panels and the commands they dispatch.
//!
//! Each frame: read keys and file-dialog answers → compute the plan of the selected scenario →
//! draw the panels from a [`panels::View`] of the app (they edit the document and send
//! [`action::Action`]s) → handle the actions (`action.rs`, the one place) → if the document
//! changed, record an undo step and redo the pass (`request_discard`), so results and charts
//! show the new numbers in the very frame the user typed them.

mod action;
mod commands;
mod compared;
mod crm;
mod dialogs;
mod document_memory;
mod editor;
mod file_chooser;
mod files;
mod import;
mod locking;
mod panels;
mod recovery;
mod report_cache;
mod saving;
mod theme;
mod typing;
mod widgets;

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::lock::{self, Claim, EditLock};
use crate::document::{self, SaveOptions, SlaDocument};
use crate::i18n::{Language, fill};
use crate::merge;
use crate::plan::holidays::Country;
use crate::plan::{Plan, Problem, compute};

pub use commands::Command;
use compared::Compared;
use dialogs::Dialog;
use editor::{Editor, Origin};
use files::{DialogAnswer, FileDialogs};
use recovery::RecoveryFile;

/// The application id: window class on Linux, folder of the settings and recovery file.
pub const APP_ID: &str = "sla-planner";
const MAX_RECENT: usize = 10;
/// How long a termination signal gives the window to close before the process ends anyway.
const TERMINATION_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// Opens the window; `file` is opened instead of the example when given.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png"))
        .unwrap_or_default();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("SLA Planner")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([960.0, 600.0])
            .with_icon(icon),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let app = App::with_options(
                cc,
                AppOptions {
                    file,
                    ..AppOptions::default()
                },
            );
            // Without the handler a kill still ends the app, only without the last seconds of
            // work; that is no reason not to start.
            let _ = app
                .recovery
                .watch_termination(cc.egui_ctx.clone(), Some(TERMINATION_GRACE));
            Ok(Box::new(app))
        }),
    )
}

/// How to start the app.
#[derive(Debug, Default)]
pub struct AppOptions {
    /// A file to open instead of the example.
    pub file: Option<PathBuf>,
    /// Where the recovery file lives; `None`: eframe's storage folder for [`APP_ID`].
    pub recovery_folder: Option<PathBuf>,
    /// The date the app takes as today (this month's targets); `None`: the system's date.
    pub today: Option<NaiveDate>,
    /// The user's locale ("nl-NL"); `None`: the system's. A new plan gets its country's
    /// public holidays.
    pub locale: Option<String>,
    /// Where the CRM tokens pasted in File ▸ Connect to CRM… are kept: the system's credential
    /// store (memory where it cannot be used); tests keep them in memory only.
    pub tokens: crate::crm::token::Vault,
}

/// Settings that persist between runs (eframe storage). Never the document: it lives only in
/// its file.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Settings {
    recent: Vec<PathBuf>,
    theme: ThemeChoice,
    /// The language chosen in View ▸ Language; `None`: the system's.
    language: Option<Language>,
    /// The zoom factor (Ctrl + = / − / 0), kept for the next run.
    zoom: Option<f32>,
    /// Open, save and export with the app's own file chooser, not the system's dialog.
    builtin_file_chooser: bool,
    /// The folder of the last file chosen in a dialog: where the next run's dialogs open.
    last_folder: Option<PathBuf>,
    /// The results panel is folded away (View ▸ Show or hide the results, Ctrl+B).
    results_hidden: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The tabs of the method's three steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Marketing,
    Sales,
    Report,
    /// The charts, large: for a projector or a closer look.
    Charts,
    /// Goal seek, sensitivity and confidence (issue 11).
    WhatIf,
    /// Scenarios side by side (issue 11).
    Compare,
    /// The agreement in sentences, generated from the plan.
    Agreement,
}

impl Tab {
    /// In the order of the tab strip and of their shortcuts (Ctrl+1 … Ctrl+7).
    pub const ALL: [Self; 7] = [
        Self::Marketing,
        Self::Sales,
        Self::Report,
        Self::WhatIf,
        Self::Compare,
        Self::Charts,
        Self::Agreement,
    ];
}

/// A dismissible message about what just happened: shown over the bottom of the window, so it
/// never pushes the form (a click aimed at a field must not miss because a message came or
/// went).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// Something went wrong or needs attention (⚠, warning colour) rather than a success (✔).
    pub problem: bool,
}

impl Notice {
    fn problem(text: String) -> Option<Self> {
        Some(Self {
            text,
            problem: true,
        })
    }

    fn done(text: String) -> Option<Self> {
        Some(Self {
            text,
            problem: false,
        })
    }
}

/// The file dialogs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileDialogKind {
    Open,
    SaveAs,
    CompareWith,
    Export(crate::export::Format),
    /// A CRM export to import.
    ImportCsv,
}

/// What to do once the user has dealt with unsaved changes.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// The SLA Planner window.
#[derive(Debug)]
pub struct App {
    editor: Editor,
    settings: Settings,
    language: Language,
    /// The language of the system's locale: the one on screen unless the user chose another.
    system_language: Language,
    /// F10 was pressed: the menu bar opens File and focuses its first item.
    menu_by_keyboard: bool,
    /// Input that came after a Tab in the last frame, handed in first in this one (see
    /// [`typing`]).
    deferred_input: Vec<egui::Event>,
    /// Another document was opened: the middle area starts at its top, not at the scroll
    /// position of the previous one, and the Report tab's choices (its date, the grid's month)
    /// are the new document's.
    fresh_document: bool,
    tab: Tab,
    dialog: Option<Dialog>,
    /// A dismissible message: a failed load or save, or what just happened.
    notice: Option<Notice>,
    file_dialogs: FileDialogs,
    recovery: RecoveryFile,
    /// What menus, buttons, panels and keys asked for during the frame.
    channel: action::Channel,
    /// What to do after the Save as… dialog has saved.
    after_save: Option<Pending>,
    /// A file dialog to open at the end of the frame (a native one needs the window handle).
    file_dialog_wanted: Option<FileDialogKind>,
    /// Close the window at the end of the frame (the user chose to quit).
    close_now: bool,
    /// The document as drawn last frame, to see what this frame changed.
    shown: SlaDocument,
    /// The text field being typed in: its keystrokes make one undo step.
    edit_session: Option<egui::Id>,
    /// The report of the open document, for the tabs that show it.
    report_cache: report_cache::ReportCache,
    /// The window's context: replacing the document forgets what the panels kept of the old
    /// one in its memory (`document_memory`).
    ctx: egui::Context,
    allow_close: bool,
    title: String,
    /// Today's date, for "this month" and "next month".
    today: NaiveDate,
    /// Move the keyboard focus to the scenario name next frame (a scenario was just added).
    name_new_scenario: bool,
    /// The country of the user's locale, whose public holidays a new plan starts with.
    country: Option<Country>,
    /// Where the side panels were last frame.
    layout: panels::Layout,
    /// Another document the open one is compared with (File ▸ Compare with file…).
    compared: Option<Compared>,
    /// Meeting mode (issue 11): the projector layout instead of the tabs, trying out a copy of
    /// the selected scenario (issue 18).
    meeting: Option<panels::Meeting>,
    /// The CRM import window, while it is open.
    import: Option<import::ImportDialog>,
    /// The CRM connect and update windows, and this session's tokens.
    crm: crm::CrmWindows,
    /// A file open read-only because someone else edits it, whose lock the user asked to be
    /// told about ("Notify me when it is free").
    watching: Option<PathBuf>,
}

impl App {
    /// The app as the window opens it, with no file: the embedded example (or the settings and
    /// recovery file of earlier runs, when there are any).
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        Self::with_options(cc, AppOptions::default())
    }

    pub fn with_options(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(settings.theme.preference());
        cc.egui_ctx
            .set_visuals_of(egui::Theme::Light, theme::light_visuals());
        // Scroll bars that are always there when there is more to see, not only on hover: a
        // table wider than a small screen must look scrollable.
        cc.egui_ctx
            .all_styles_mut(|style| style.spacing.scroll = egui::style::ScrollStyle::solid());
        let locale = options.locale.clone().or_else(sys_locale::get_locale);
        let system_language = locale
            .as_deref()
            .map_or_else(Language::default, Language::from_locale);
        let language = settings.language.unwrap_or(system_language);
        if let Some(zoom) = settings.zoom.filter(|z| (0.25..=5.0).contains(z)) {
            cc.egui_ctx.set_zoom_factor(zoom);
        }
        let example = SlaDocument::example().unwrap_or_default();
        let editor = Editor::example(example);
        let recovery = RecoveryFile::in_folder(
            options
                .recovery_folder
                .or_else(|| eframe::storage_dir(APP_ID)),
        );
        let dialog = recovery
            .find_orphan()
            .map(|found| Dialog::OfferRecovery(Box::new(found)));
        let mut file_dialogs = FileDialogs::default();
        file_dialogs.set_builtin(settings.builtin_file_chooser);
        file_dialogs.start_in(settings.last_folder.clone());
        let mut app = Self {
            shown: editor.document.clone(),
            report_cache: report_cache::ReportCache::default(),
            editor,
            settings,
            language,
            system_language,
            menu_by_keyboard: false,
            deferred_input: Vec::new(),
            fresh_document: false,
            tab: Tab::default(),
            dialog,
            notice: None,
            file_dialogs,
            recovery,
            channel: action::Channel::default(),
            after_save: None,
            file_dialog_wanted: None,
            close_now: false,
            edit_session: None,
            ctx: cc.egui_ctx.clone(),
            allow_close: false,
            title: String::new(),
            name_new_scenario: false,
            layout: panels::Layout::default(),
            compared: None,
            country: locale.as_deref().and_then(Country::from_locale),
            today: options
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            meeting: None,
            import: None,
            crm: crm::CrmWindows::new(options.tokens),
            watching: None,
        };
        if let Some(path) = options.file {
            app.open_path(path);
        }
        app
    }

    /// The open document (for tests and the frame benchmark).
    pub fn document(&self) -> &SlaDocument {
        &self.editor.document
    }

    /// Replaces the open document as if it had been opened from a file (for benchmarks).
    pub fn set_document(&mut self, document: SlaDocument) {
        self.take_editor(Editor::new_document(document));
    }

    /// True while the document has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.editor.is_dirty()
    }

    /// The window title: "SLA Planner — file ●" (● while unsaved).
    pub fn window_title(&self) -> String {
        let t = self.language.text();
        let mut name = self.editor.file_name(t.untitled, t.example_file_name);
        if self.editor.origin == Origin::Example && self.editor.path.is_none() {
            name = fill(t.example_marker, &[("name", &name)]);
        }
        if self.editor.read_only() {
            name = fill(t.read_only_marker, &[("name", &name)]);
        }
        let dirty = if self.editor.is_dirty() { " ●" } else { "" };
        format!("SLA Planner — {name}{dirty}")
    }

    /// Shows scenario `id` in the panels (half-typed text is kept per scenario).
    fn select(&mut self, id: document::ScenarioId) {
        self.editor.select(id);
    }

    /// The plan of the scenario being edited, or the inputs that prevent it.
    fn plan(&self) -> Result<Plan, Vec<Problem>> {
        let doc = &self.editor.document;
        match self.editor.selected_scenario() {
            Some(scenario) => compute(&scenario.assumptions, &doc.sales_commitments),
            None => Err(Vec::new()),
        }
    }

    /// Another document in the window (New, Open, restored work): its editor, shown from the top.
    fn take_editor(&mut self, editor: Editor) {
        self.editor = editor;
        self.crm.close();
        self.document_replaced();
        self.fresh_document = true;
    }

    /// Forget per-document UI state after the document was replaced under the panels.
    fn document_replaced(&mut self) {
        self.editor.keep_selection();
        self.shown = self.editor.document.clone();
        self.edit_session = None;
        document_memory::forget_all(&self.ctx);
    }

    fn note_opened(&mut self) {
        if let Some(path) = &self.editor.path {
            let path = path.clone();
            self.settings.recent.retain(|p| *p != path);
            self.settings.recent.insert(0, path);
            self.settings.recent.truncate(MAX_RECENT);
        }
        if let Some(version) = self.editor.newer_version {
            let t = self.language.text();
            self.notice = Notice::problem(fill(
                t.opened_read_only,
                &[("version", &version.to_string())],
            ));
        }
    }

    /// Tells the user about fields of the opened file this version does not know. A newer
    /// version's file is expected to have some; its read-only notice says enough.
    fn note_unknown_fields(&mut self, unknown: &[document::UnknownField]) {
        if self.editor.newer_version.is_some() {
            return;
        }
        if let Some(text) = saving::unknown_fields_notice(unknown, self.language) {
            self.notice = Notice::problem(text);
        }
    }

    /// Does `pending` now, or first asks about unsaved changes.
    fn request(&mut self, pending: Pending) {
        if self.editor.is_dirty() {
            self.dialog = Some(Dialog::AskSave(pending));
        } else {
            self.proceed(pending);
        }
    }

    fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::New => {
                let mut document = SlaDocument::default();
                if let Some(country) = self.country {
                    for scenario in &mut document.scenarios {
                        scenario.assumptions.add_public_holidays(country, &[]);
                    }
                }
                self.take_editor(Editor::new_document(document));
                self.recovery.remove();
            }
            Pending::Open => self.file_dialog_wanted = Some(FileDialogKind::Open),
            Pending::OpenPath(path) => self.open_path(path),
            Pending::Quit => {
                self.allow_close = true;
                self.close_now = true;
            }
        }
    }

    /// Opens `path` for editing; a file someone else is editing asks first (see
    /// [`locking`]). On failure the current document stays as it is and the reason is shown.
    fn open_path(&mut self, path: PathBuf) {
        match document::load(&path) {
            // A newer version's file opens read-only: nothing to lock.
            Ok(loaded) if loaded.newer_version.is_some() => self.show_opened(path, loaded, None),
            Ok(loaded) => match lock::claim(&path) {
                Ok(Claim::Mine(lock)) => self.show_opened(path, loaded, Some(lock)),
                Ok(Claim::Held(holder)) => self.ask_locked(path, loaded, holder),
                // No lock can be made (a folder we may not write): a save would say why.
                Err(_) => self.show_opened(path, loaded, None),
            },
            Err(error) => {
                self.settings.recent.retain(|p| *p != path || path.exists());
                self.notice = Notice::problem(error.describe(self.language));
            }
        }
    }

    /// Puts an opened file in the window, editable when `lock` is ours.
    fn show_opened(&mut self, path: PathBuf, mut loaded: document::Loaded, lock: Option<EditLock>) {
        let unknown = std::mem::take(&mut loaded.unknown_fields);
        self.take_editor(Editor::opened(path, loaded, lock));
        self.opened_now(&unknown);
        self.update_on_open();
    }

    /// What follows every opening: the recent list, notices, no recovery file of the last one.
    fn opened_now(&mut self, unknown: &[document::UnknownField]) {
        self.watching = None;
        self.recovery.remove();
        self.notice = None;
        self.note_opened();
        self.note_unknown_fields(unknown);
    }

    /// Save: to the file we have, after checking nobody changed it; else Save as….
    fn save(&mut self, then: Option<Pending>) {
        let Some(path) = self.editor.save_target().map(PathBuf::from) else {
            self.after_save = then;
            self.file_dialog_wanted = Some(FileDialogKind::SaveAs);
            return;
        };
        if self.recovered_file_missing(&path, then.clone()) {
            return;
        }
        let changed = self.editor.changed_on_disk();
        self.write_checked(path, then, changed);
    }

    /// Writes `path`, first asking when it `changed` on disk or someone else holds its lock
    /// (who is named).
    fn write_checked(&mut self, path: PathBuf, then: Option<Pending>, changed: bool) {
        let holder = lock::holder(&path);
        if changed || holder.is_some() {
            self.dialog = Some(Dialog::ConfirmOverwrite { path, then, holder });
        } else {
            self.write(path, then);
        }
    }

    fn write(&mut self, path: PathBuf, then: Option<Pending>) {
        self.write_with(path, SaveOptions::default(), then);
    }

    /// Saves with what the user agreed to; a read-only or hard-linked file asks first.
    fn write_with(&mut self, path: PathBuf, options: SaveOptions, then: Option<Pending>) {
        match document::save_with(&self.editor.stamped_for_saving(), &path, options) {
            Ok(()) => {
                self.editor.saved_as(path);
                self.recovery.remove();
                self.notice = None;
                self.note_opened();
                if let Some(pending) = then {
                    self.proceed(pending);
                }
            }
            Err(error) => self.save_failed(&error, path, options, then),
        }
    }

    /// Back to the tabs; a tried-out copy not kept or applied by now is dropped.
    fn leave_meeting(&mut self, ctx: &egui::Context) {
        self.meeting = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// Compares the open document with the file at `path` (what a colleague sent back) and
    /// shows what changed on the Compare tab; a file that cannot be read says why.
    pub fn compare_with(&mut self, path: &std::path::Path) {
        match document::load(path) {
            Ok(loaded) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let base = self.editor.base_of(&loaded.document).cloned();
                self.compared = Some(Compared::new(
                    name,
                    loaded.document,
                    base,
                    &self.editor.document,
                ));
                self.tab = Tab::Compare;
            }
            Err(error) => self.notice = Notice::problem(error.describe(self.language)),
        }
    }

    /// After Apply on the Compare tab: says how many changes were taken (or why none), and
    /// keeps the selection on a scenario that still exists.
    fn took(&mut self, taken: Result<usize, merge::ApplyError>) {
        let t = self.language.text();
        let name = self
            .compared
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default();
        self.editor.keep_selection();
        self.notice = match taken {
            Ok(count) => Notice::done(fill(
                t.take_applied,
                &[("count", &count.to_string()), ("file", &name)],
            )),
            Err(error) => Notice::problem(fill(t.take_failed, &[("reason", &error.to_string())])),
        };
    }

    /// Opens the CRM import window on the export at `path` (File ▸ Import leads from CRM).
    pub fn import_csv(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        self.import = Some(import::ImportDialog::open(ctx, path));
    }

    /// Switches the language of everything on screen (`None`: the system's, also on the next
    /// start). The document, the undo history and text being typed stay as they are (fields are
    /// keyed by stable ids, not by their labels).
    fn set_language(&mut self, language: Option<Language>) {
        self.language = language.unwrap_or(self.system_language);
        self.settings.language = language;
    }

    fn set_theme(&mut self, ctx: &egui::Context, theme: ThemeChoice) {
        self.settings.theme = theme;
        ctx.set_theme(theme.preference());
    }

    /// Keys, dropped files, dialog answers and the close button: everything that arrives from
    /// outside the panels.
    fn handle_input(&mut self, ctx: &egui::Context) {
        let shortcuts = if self.file_dialogs.chooser_open() {
            &[][..]
        } else {
            &Command::KEYBOARD[..]
        };
        for &(shortcut, command) in shortcuts {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                if self.enabled(command) {
                    self.channel.sender.run(command);
                } else if command == Command::Save {
                    self.explain_read_only();
                }
            }
        }
        let dropped = ctx.input(|i| {
            i.raw.dropped_files.iter().find_map(|file| {
                let path = file.path();
                (!path.as_os_str().is_empty()).then(|| path.to_owned())
            })
        });
        if let Some(path) = dropped {
            self.request(Pending::OpenPath(path));
        }
        if let Some(answered) = self.file_dialogs.answer() {
            self.settings.last_folder = self.file_dialogs.last_folder().map(PathBuf::from);
            match answered.answer {
                DialogAnswer::Open(Some(path)) => self.open_path(path),
                DialogAnswer::SaveAs(Some(path)) => {
                    let then = self.after_save.take();
                    // The dialog asked before replacing a file; not whether someone edits it.
                    self.write_checked(path, then, false);
                }
                DialogAnswer::CompareWith(Some(path)) => self.compare_with(&path),
                DialogAnswer::Export(format, Some(path)) => self.export_to(&path, format),
                DialogAnswer::ImportCsv(Some(path)) => self.import_csv(ctx, &path),
                DialogAnswer::Open(None)
                | DialogAnswer::SaveAs(None)
                | DialogAnswer::CompareWith(None)
                | DialogAnswer::ImportCsv(None)
                | DialogAnswer::Export(_, None) => self.after_save = None,
            }
        }
        let closing = ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && !self.recovery.terminating();
        let meeting_copy = self
            .meeting
            .as_mut()
            .filter(|meeting| meeting.tried(&self.editor.document));
        if closing && let Some(meeting) = meeting_copy {
            // The copy tried out in meeting mode is in no file and no recovery file: ask
            // what becomes of it first, as leaving meeting mode does; the next close goes on.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            meeting.leaving = true;
        } else if closing && self.editor.is_dirty() {
            // The system may end the app while the question is open (logout, shutdown).
            let _ = self.recovery.write_now();
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::AskSave(Pending::Quit));
        }
    }

    /// Shows the file dialog asked for during the frame.
    fn open_file_dialog(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let Some(kind) = self.file_dialog_wanted.take() else {
            return;
        };
        let t = self.language.text();
        let folder = self
            .editor
            .path
            .as_deref()
            .and_then(std::path::Path::parent)
            .map(std::path::Path::to_path_buf);
        self.file_dialogs.start_in(folder);
        match kind {
            FileDialogKind::Open => self
                .file_dialogs
                .open(ctx, frame, t.open_title, t.file_filter),
            FileDialogKind::CompareWith => {
                self.file_dialogs
                    .compare_with(ctx, frame, t.compare_with_title, t.file_filter);
            }
            FileDialogKind::SaveAs => {
                let name = self
                    .editor
                    .file_name(t.untitled_file_name, t.example_file_name);
                self.file_dialogs
                    .save_as(ctx, frame, t.save_title, t.file_filter, &name);
            }
            FileDialogKind::ImportCsv => {
                self.file_dialogs
                    .import_csv(ctx, frame, t.menu_import_crm, t.csv_filter);
            }
            FileDialogKind::Export(format) => {
                let name = self.export_file_name(format);
                self.file_dialogs
                    .export(ctx, frame, t.export_title, format, &name);
            }
        }
    }

    /// The report of the scenario on screen, with its agreement; the first problem that
    /// prevents a plan otherwise.
    /// The report of the selected scenario in the language of exports: the document's, or the
    /// one on screen when the document names none.
    fn report(&self) -> Result<crate::report::Report, String> {
        self.report_in(
            self.editor
                .document
                .export_language
                .unwrap_or(self.language),
        )
    }

    /// The report of the selected scenario in `language`.
    fn report_in(&self, language: Language) -> Result<crate::report::Report, String> {
        match self.plan() {
            Ok(plan) => Ok(crate::report::Report::of_document(
                &self.editor.document,
                self.editor.selected(),
                &plan,
                language,
            )),
            Err(_) => Err(language.text().fix_inputs_first.to_owned()),
        }
    }

    /// "plan.html" beside "plan.sla.ron"; the week table's CSV is "plan-weeks.csv".
    fn export_file_name(&self, format: crate::export::Format) -> String {
        let t = self.language.text();
        let name = self
            .editor
            .file_name(t.untitled_file_name, t.example_file_name);
        let stem = name
            .strip_suffix(".sla.ron")
            .or_else(|| name.strip_suffix(".ron"))
            .unwrap_or(&name);
        let weeks = matches!(
            format,
            crate::export::Format::Csv(crate::export::csv::Rows::Weeks, _)
        );
        if weeks {
            format!("{stem}-{}.{}", t.weeks_file_suffix, format.extension())
        } else {
            format!("{stem}.{}", format.extension())
        }
    }

    /// Writes the report in `format` to `path` (atomically) and says where, or why not.
    fn export_to(&mut self, path: &std::path::Path, format: crate::export::Format) {
        let t = self.language.text();
        let shown = path.display().to_string();
        self.notice = match self.report() {
            Ok(report) => {
                let text = crate::export::render(&report, format);
                // The dialog asked before replacing a file; never an SLA document, though.
                match document::write_export(path, &text, self.editor.path.as_deref(), false) {
                    Ok(()) => Notice::done(fill(t.exported, &[("path", &shown)])),
                    Err(error) => Notice::problem(error.describe(self.language)),
                }
            }
            Err(message) => Notice::problem(message),
        };
    }

    /// What the panels see of the app this frame (see [`panels::View`]).
    fn view<'a>(&'a mut self, plan: &'a Result<Plan, Vec<Problem>>) -> panels::View<'a> {
        let availability = self.availability();
        let selected = self.editor.selected();
        let read_only = self.editor.read_only();
        let editor = &mut self.editor;
        panels::View {
            doc: &mut editor.document,
            selected,
            plan,
            file: panels::FileState {
                path: editor.path.as_deref(),
                origin: editor.origin,
                newer_version: editor.newer_version.is_some(),
                locked_by: editor.locked_by.as_ref(),
                read_only,
            },
            language: self.language,
            today: self.today,
            tab: self.tab,
            settings: &self.settings,
            availability,
            notice: self.notice.as_ref(),
            layout: &mut self.layout,
            meeting: self.meeting.as_mut(),
            compared: self.compared.as_mut(),
            reports: &mut self.report_cache,
            fresh_document: &mut self.fresh_document,
            name_new_scenario: &mut self.name_new_scenario,
            menu_by_keyboard: &mut self.menu_by_keyboard,
            send: &self.channel.sender,
        }
    }

    /// After the panels: an undo step for what changed, the same-frame redraw, the recovery
    /// file and the title.
    fn after_panels(&mut self, ctx: &egui::Context) {
        self.settings.zoom = Some(ctx.zoom_factor());
        // Keystrokes in one text field, until it loses focus, make one undo step.
        // Keystrokes in one text field, until it loses focus, make one undo step; so does one
        // drag of a slider or bar (meeting mode, seasonality) from press to release.
        let typing_in = ctx
            .memory(|m| m.focused())
            .filter(|id| egui::text_edit::TextEditState::load(ctx, *id).is_some())
            .or_else(|| ctx.dragged_id());
        if self.editor.document != self.shown {
            if typing_in.is_none() || typing_in != self.edit_session {
                let before = std::mem::take(&mut self.shown);
                self.editor.checkpoint(before);
            }
            self.edit_session = typing_in;
            self.shown = self.editor.document.clone();
            ctx.request_discard("the document changed: show the new plan in this frame");
        } else if typing_in != self.edit_session {
            self.edit_session = None;
        }
        self.schedule_recovery(ctx);
        if std::mem::take(&mut self.close_now) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for App {
    /// One focus move a frame: input after a Tab waits for the next frame (see [`typing`]).
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if !self.deferred_input.is_empty() {
            let arrived = std::mem::take(&mut raw_input.events);
            raw_input.events = std::mem::take(&mut self.deferred_input);
            raw_input.events.extend(arrived);
        }
        self.deferred_input = typing::defer_after_focus_move(&mut raw_input.events);
        if !self.deferred_input.is_empty() {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        self.watch_lock(&ctx);
        let plan = self.plan();
        panels::show(&mut self.view(&plan), ui);
        dialogs::show(self, &ctx);
        import::show(self, &ctx);
        crm::show(self, &ctx);
        self.file_dialogs.show(&ctx, self.language.text());
        self.handle_actions(&ctx);
        self.open_file_dialog(&ctx, frame);
        self.after_panels(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    #[cfg(feature = "glow")]
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.finish_recovery();
        self.editor.release_lock();
    }

    #[cfg(not(feature = "glow"))]
    fn on_exit(&mut self) {
        self.finish_recovery();
        self.editor.release_lock();
    }
}
