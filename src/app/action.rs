//! The one channel from the panels to the app, as rerun's `CommandSender`: a panel sends an
//! [`Action`] (a named [`Command`], or something that carries data: the scenario to select,
//! the file to open) and never reaches into the app; after the panels, [`App::handle_actions`]
//! handles every action of the frame here, in one place.

use std::path::PathBuf;
use std::sync::mpsc;

use super::commands::Availability;
use super::dialogs::Dialog;
use super::{App, Command, FileDialogKind, Notice, Pending, panels};
use crate::document::ScenarioId;
use crate::plan::Assumptions;

/// What a panel asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A command with a name: a menu item, a button, a key.
    Run(Command),
    /// Edit scenario `id` in the panels.
    Select(ScenarioId),
    /// A new scenario with these inputs (a goal seek's answer, a monthly review's revision):
    /// added and selected, like Add.
    AddScenario {
        name: String,
        assumptions: Box<Assumptions>,
    },
    /// Opens the file at `path` (File ▸ Open recent), asking first about unsaved changes.
    OpenPath(PathBuf),
    /// Compare tab: takes the ticked changes of the compared file into the open document.
    TakeCompared,
    /// Compare tab: stops comparing with the file.
    StopComparing,
    /// Closes the notice at the bottom of the window.
    DismissNotice,
    /// File ▸ Use the built-in file chooser, on or off.
    UseBuiltinFileChooser(bool),
}

/// The panels' end of the channel: cheap to share (`send` takes `&self`), so a widget deep
/// in a tab can send without a mutable path back to the app.
#[derive(Clone, Debug)]
pub struct Sender(mpsc::Sender<Action>);

impl Sender {
    pub fn send(&self, action: Action) {
        // The receiver lives as long as the app that owns both ends.
        let _ = self.0.send(action);
    }

    /// Sends a named command.
    pub fn run(&self, command: Command) {
        self.send(Action::Run(command));
    }
}

/// Both ends of the channel, kept by the app.
#[derive(Debug)]
pub struct Channel {
    pub sender: Sender,
    receiver: mpsc::Receiver<Action>,
}

impl Default for Channel {
    fn default() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            sender: Sender(sender),
            receiver,
        }
    }
}

impl App {
    /// Handles what the panels, keys and dialogs sent during the frame, in order. Anything
    /// handled redoes the pass (`request_discard`), so the frame the user sees shows its
    /// effect.
    pub(super) fn handle_actions(&mut self, ctx: &egui::Context) {
        let actions: Vec<Action> = self.channel.receiver.try_iter().collect();
        if actions.is_empty() {
            return;
        }
        for action in actions {
            self.handle(ctx, action);
        }
        ctx.request_discard("an action changed what the window shows");
    }

    fn handle(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Run(command) => self.run_command(ctx, command),
            Action::Select(id) => self.select(id),
            Action::AddScenario { name, assumptions } => {
                let id = self.editor.document.add_scenario_with(&name, *assumptions);
                self.select(id);
            }
            Action::OpenPath(path) => self.request(Pending::OpenPath(path)),
            Action::TakeCompared => {
                if let Some(compared) = &mut self.compared {
                    let taken = compared.take(&mut self.editor.document);
                    self.took(taken);
                }
            }
            Action::StopComparing => self.compared = None,
            Action::DismissNotice => self.notice = None,
            Action::UseBuiltinFileChooser(builtin) => {
                self.settings.builtin_file_chooser = builtin;
                self.file_dialogs.set_builtin(builtin);
            }
        }
    }

    /// Runs one command: every command is routed here, and those that take more than a few
    /// lines to a function of their own below.
    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        let t = self.language.text();
        let selected = self.editor.selected();
        let doc = &mut self.editor.document;
        match command {
            Command::New => self.request(Pending::New),
            Command::Open => self.request(Pending::Open),
            Command::Save => self.save(None),
            Command::SaveAs => {
                self.after_save = None;
                self.file_dialog_wanted = Some(FileDialogKind::SaveAs);
            }
            Command::Quit => self.request(Pending::Quit),
            Command::Undo => {
                if self.editor.undo() {
                    self.document_replaced();
                }
            }
            Command::Redo => {
                if self.editor.redo() {
                    self.document_replaced();
                }
            }
            Command::AddScenario => {
                let new = doc.add_scenario(t.new_scenario_name, selected);
                self.select(new);
                self.name_new_scenario = true;
            }
            Command::DuplicateScenario => {
                if let Some(copy) = doc.duplicate_scenario(selected, t.copy_suffix) {
                    self.select(copy);
                    self.name_new_scenario = true;
                }
            }
            Command::DeleteScenario => {
                if let Some(heir) = doc.delete_scenario(selected) {
                    self.select(heir);
                }
            }
            Command::MarkAgreed => {
                if doc.scenario(selected).is_some() {
                    doc.set_agreed(selected);
                }
            }
            Command::Theme(theme) => self.set_theme(ctx, theme),
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::Language(language) => self.set_language(language),
            Command::Show(tab) => self.tab = tab,
            Command::OpenMenu => self.menu_by_keyboard = true,
            Command::ToggleResults => self.settings.results_hidden ^= true,
            Command::CompareWithFile => self.file_dialog_wanted = Some(FileDialogKind::CompareWith),
            Command::About => self.dialog = Some(Dialog::About),
            Command::Method => self.dialog = Some(Dialog::Method),
            Command::Export(format) => {
                self.file_dialog_wanted = Some(FileDialogKind::Export(format));
            }
            Command::ImportCrm => self.file_dialog_wanted = Some(FileDialogKind::ImportCsv),
            Command::ConnectCrm => self.connect_crm(),
            Command::UpdateCrm => self.update_from_crm(),
            Command::CopyAgreement => self.copy_agreement(ctx),
            Command::MeetingMode => self.toggle_meeting_mode(ctx),
            Command::KeepMeetingCopy => self.keep_meeting_copy(ctx),
            Command::ApplyMeetingCopy => self.apply_meeting_copy(ctx),
            Command::DiscardMeetingCopy => self.leave_meeting(ctx),
        }
    }

    /// The agreement as text on the clipboard, or why there is none (the plan has problems).
    fn copy_agreement(&mut self, ctx: &egui::Context) {
        let t = self.language.text();
        match self.report() {
            Ok(report) => {
                ctx.copy_text(crate::export::text::agreement(&report));
                self.notice = Notice::done(t.agreement_copied.to_owned());
            }
            Err(message) => self.notice = Notice::problem(message),
        }
    }

    /// Into meeting mode, full screen, on a copy of the selected scenario; out of it, asking
    /// first when the copy was tried out.
    fn toggle_meeting_mode(&mut self, ctx: &egui::Context) {
        let doc = &self.editor.document;
        match &mut self.meeting {
            None => {
                self.meeting = panels::Meeting::of(doc, self.editor.selected());
                let full = self.meeting.is_some();
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(full));
            }
            Some(meeting) if meeting.tried(doc) => meeting.leaving = true,
            Some(_) => self.leave_meeting(ctx),
        }
    }

    /// The tried-out copy as a scenario of its own, selected; meeting mode goes on with it,
    /// unless the user was leaving.
    fn keep_meeting_copy(&mut self, ctx: &egui::Context) {
        let t = self.language.text();
        if let Some(meeting) = self.meeting.take() {
            let name = format!("{} {}", meeting.name, t.copy_suffix);
            let kept = self
                .editor
                .document
                .add_scenario_with(&name, meeting.assumptions);
            self.select(kept);
            self.meeting = panels::Meeting::of(&self.editor.document, kept);
            if meeting.leaving {
                self.leave_meeting(ctx);
            }
        }
    }

    /// The tried-out copy's inputs into the scenario it was copied from.
    fn apply_meeting_copy(&mut self, ctx: &egui::Context) {
        if let Some(meeting) = &self.meeting
            && let Some(scenario) = self.editor.document.scenario_mut(meeting.source)
        {
            scenario.assumptions = meeting.assumptions.clone();
            let leaving = meeting.leaving;
            if leaving {
                self.leave_meeting(ctx);
            }
        }
    }

    /// What can run now (greys out menu items and buttons).
    pub(super) fn availability(&self) -> Availability {
        let doc = &self.editor.document;
        Availability {
            editable: !self.editor.read_only(),
            can_undo: self.editor.can_undo(),
            can_redo: self.editor.can_redo(),
            scenarios: doc.scenarios.len(),
            agreed_is_selected: doc.agreed_plan == self.editor.selected(),
            meeting_copy_to_apply: self.meeting.as_ref().is_some_and(|meeting| {
                doc.scenario(meeting.source).is_some() && meeting.tried(doc)
            }),
        }
    }

    /// Whether a command can run now.
    pub(super) fn enabled(&self, command: Command) -> bool {
        self.availability().allows(command)
    }
}
