//! Every user action with a name: its label, its keyboard shortcut and nothing else. Menus,
//! buttons and keys all send a [`Command`] (as [`super::Action::Run`]) to the one place that
//! handles them (`src/app/action.rs`), so nothing is wired twice. Actions that carry data (a
//! scenario to select, a path to open) are [`super::Action`]s.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Tab, ThemeChoice};
use crate::export::Format;
use crate::export::csv::{Dialect, Rows};
use crate::i18n::{Language, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    AddScenario,
    DuplicateScenario,
    DeleteScenario,
    MarkAgreed,
    /// View ▸ Theme: the system's, light or dark.
    Theme(ThemeChoice),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// View ▸ Language: English or Dutch, or `None` to follow the system's language.
    Language(Option<Language>),
    /// Shows one of the tabs (Ctrl+1 … Ctrl+7, in the order of the tab strip).
    Show(Tab),
    /// F10, as on every desktop: the menu bar by keyboard, File open with its first item
    /// focused (arrows move, Enter chooses, Escape closes).
    OpenMenu,
    /// Folds the results panel away (more room for the form on a small screen or zoomed in)
    /// or shows it again.
    ToggleResults,
    CompareWithFile,
    About,
    Method,
    /// Large type and sliders for a projector (issue 11); toggles. Leaving with a tried-out
    /// copy that is neither kept nor applied asks first.
    MeetingMode,
    /// Meeting mode: the tried-out copy becomes a scenario of its own (one undo step).
    KeepMeetingCopy,
    /// Meeting mode: the tried-out copy replaces the inputs of the scenario it was copied from
    /// (one undo step).
    ApplyMeetingCopy,
    /// Leaves meeting mode without keeping the tried-out copy.
    DiscardMeetingCopy,
    /// File ▸ Export: the selected scenario's report in a format, through the save dialog.
    Export(Format),
    CopyAgreement,
    /// File ▸ Import leads from CRM (CSV)…: the mapping window on a chosen export.
    ImportCrm,
    /// File ▸ Connect to CRM…: the CRM, its token and the mapping of its values.
    ConnectCrm,
    /// Update from CRM (File menu and Report tab): the leads since the last sync, on a worker.
    UpdateCrm,
}

/// What the app allows right now, to grey out menu items and buttons that cannot run. Read
/// from the app once a frame, so panels can ask without reaching into the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Availability {
    /// The document can be edited (not read-only).
    pub editable: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    /// How many scenarios the document has.
    pub scenarios: usize,
    /// The selected scenario is already the agreed plan.
    pub agreed_is_selected: bool,
    /// Meeting mode shows a tried-out copy whose scenario still exists.
    pub meeting_copy_to_apply: bool,
}

impl Availability {
    /// Whether `command` can run now.
    pub fn allows(self, command: Command) -> bool {
        let editable = self.editable;
        match command {
            Command::Undo => self.can_undo,
            Command::Redo => self.can_redo,
            Command::Save | Command::ImportCrm | Command::UpdateCrm => editable,
            // A document beyond the limit could not be opened again.
            Command::AddScenario | Command::DuplicateScenario | Command::KeepMeetingCopy => {
                editable && self.scenarios < crate::document::MAX_SCENARIOS
            }
            Command::DeleteScenario => editable && self.scenarios > 1,
            Command::ApplyMeetingCopy => editable && self.meeting_copy_to_apply,
            Command::MarkAgreed => editable && !self.agreed_is_selected,
            _ => true,
        }
    }
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// The formats of File ▸ Export, in menu order.
    pub const EXPORTS: [Self; 6] = [
        Self::Export(Format::Html),
        Self::Export(Format::Markdown),
        Self::Export(Format::Csv(Rows::Months, Dialect::Comma)),
        Self::Export(Format::Csv(Rows::Weeks, Dialect::Comma)),
        Self::Export(Format::Csv(Rows::Months, Dialect::Semicolon)),
        Self::Export(Format::Csv(Rows::Weeks, Dialect::Semicolon)),
    ];

    /// Commands with shortcuts, most specific first: egui ignores an extra Shift when matching,
    /// so Ctrl+Shift+S must be tried before Ctrl+S. The README's table of keys lists these (a
    /// test holds them together).
    pub const KEYBOARD: [(KeyboardShortcut, Self); 18] = [
        (command_shift(Key::S), Self::SaveAs),
        (command_shift(Key::Z), Self::Redo),
        (command(Key::Y), Self::Redo),
        (command(Key::Z), Self::Undo),
        (command(Key::S), Self::Save),
        (command(Key::O), Self::Open),
        (command(Key::N), Self::New),
        (command(Key::Q), Self::Quit),
        (command(Key::Num1), Self::Show(Tab::Marketing)),
        (command(Key::Num2), Self::Show(Tab::Sales)),
        (command(Key::Num3), Self::Show(Tab::Report)),
        (command(Key::Num4), Self::Show(Tab::WhatIf)),
        (command(Key::Num5), Self::Show(Tab::Compare)),
        (command(Key::Num6), Self::Show(Tab::Charts)),
        (command(Key::Num7), Self::Show(Tab::Agreement)),
        (command(Key::B), Self::ToggleResults),
        (
            KeyboardShortcut::new(Modifiers::NONE, Key::F10),
            Self::OpenMenu,
        ),
        (
            KeyboardShortcut::new(Modifiers::NONE, Key::F11),
            Self::MeetingMode,
        ),
    ];

    /// The shortcut shown beside the command in menus.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Self::KEYBOARD
            .iter()
            .find(|(_, command)| *command == self)
            .map(|(shortcut, _)| *shortcut)
    }

    pub fn label(self, t: &Text) -> &'static str {
        match self {
            Self::New => t.cmd_new,
            Self::Open => t.cmd_open,
            Self::Save => t.cmd_save,
            Self::SaveAs => t.cmd_save_as,
            Self::Quit => t.cmd_quit,
            Self::Undo => t.cmd_undo,
            Self::Redo => t.cmd_redo,
            Self::AddScenario => t.cmd_add_scenario,
            Self::DuplicateScenario => t.cmd_duplicate_scenario,
            Self::DeleteScenario => t.cmd_delete_scenario,
            Self::MarkAgreed => t.cmd_mark_agreed,
            Self::Theme(ThemeChoice::System) => t.cmd_theme_system,
            Self::Theme(ThemeChoice::Light) => t.cmd_theme_light,
            Self::Theme(ThemeChoice::Dark) => t.cmd_theme_dark,
            Self::ZoomIn => t.cmd_zoom_in,
            Self::ZoomOut => t.cmd_zoom_out,
            Self::ZoomReset => t.cmd_zoom_reset,
            Self::Language(None) => t.cmd_language_system,
            // A language is named in itself, whatever the language on screen.
            Self::Language(Some(language)) => language.name(),
            Self::Show(tab) => match tab {
                Tab::Marketing => t.tab_marketing,
                Tab::Sales => t.tab_sales,
                Tab::Report => t.tab_report,
                Tab::WhatIf => t.whatif_tab,
                Tab::Compare => t.whatif_compare_tab,
                Tab::Charts => t.tab_charts,
                Tab::Agreement => t.tab_agreement,
            },
            Self::OpenMenu => t.cmd_open_menu,
            Self::ToggleResults => t.cmd_toggle_results,
            Self::CompareWithFile => t.cmd_compare_with_file,
            Self::About => t.cmd_about,
            Self::Method => t.cmd_method,
            Self::MeetingMode => t.whatif_cmd_meeting_mode,
            Self::KeepMeetingCopy => t.cmd_meeting_keep,
            Self::ApplyMeetingCopy => t.cmd_meeting_apply,
            Self::DiscardMeetingCopy => t.cmd_meeting_discard,
            Self::Export(format) => match format {
                Format::Html => t.cmd_export_html,
                Format::Markdown => t.cmd_export_markdown,
                Format::Csv(Rows::Months, Dialect::Comma) => t.cmd_export_csv_months,
                Format::Csv(Rows::Weeks, Dialect::Comma) => t.cmd_export_csv_weeks,
                Format::Csv(Rows::Months, Dialect::Semicolon) => t.cmd_export_csv_months_excel,
                Format::Csv(Rows::Weeks, Dialect::Semicolon) => t.cmd_export_csv_weeks_excel,
            },
            Self::CopyAgreement => t.cmd_copy_agreement,
            Self::ImportCrm => t.menu_import_crm,
            Self::ConnectCrm => t.menu_connect_crm,
            Self::UpdateCrm => t.menu_update_crm,
        }
    }

    /// What the command does, for the tooltip of its button.
    pub fn tooltip(self, t: &Text) -> Option<&'static str> {
        match self {
            Self::AddScenario => Some(t.tip_add_scenario),
            Self::DuplicateScenario => Some(t.tip_duplicate_scenario),
            Self::DeleteScenario => Some(t.tip_delete_scenario),
            Self::MarkAgreed => Some(t.tip_mark_agreed),
            Self::KeepMeetingCopy => Some(t.tip_meeting_keep),
            Self::ApplyMeetingCopy => Some(t.tip_meeting_apply),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_shortcuts_come_before_their_prefixes() {
        for (i, (shortcut, _)) in Command::KEYBOARD.iter().enumerate() {
            for (earlier, _) in &Command::KEYBOARD[..i] {
                let same_key = earlier.logical_key == shortcut.logical_key;
                assert!(
                    !(same_key && shortcut.modifiers.shift && !earlier.modifiers.shift),
                    "{shortcut:?} is shadowed by {earlier:?}"
                );
            }
        }
        assert_eq!(Command::Redo.shortcut(), Some(command_shift(Key::Z)));
    }

    #[test]
    fn no_two_commands_share_a_shortcut_and_every_tab_has_one() {
        for (i, (shortcut, command)) in Command::KEYBOARD.iter().enumerate() {
            for (other, other_command) in &Command::KEYBOARD[i + 1..] {
                assert_ne!(shortcut, other, "{command:?} and {other_command:?}");
            }
        }
        for tab in Tab::ALL {
            assert!(Command::Show(tab).shortcut().is_some(), "{tab:?}");
        }
    }
}
