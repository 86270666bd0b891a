//! The menu bar: File, Edit, View, Help. Every item is a [`Command`].

use egui::{MenuBar, Panel, Ui};

use super::super::{App, Command, Pending, ThemeChoice};
use crate::i18n::Language;

/// Draws the menu bar and returns where it is.
pub fn show(app: &mut App, ui: &mut Ui) -> egui::Rect {
    let t = app.language.text();
    Panel::top("menu")
        .show(ui, |ui| {
            MenuBar::new().ui(ui, |ui| {
                let by_keyboard = std::mem::take(&mut app.menu_by_keyboard);
                if by_keyboard {
                    // The popup of the File button, whose id is the next one: opened before
                    // the button is drawn, so the menu shows (and kept open) in this pass.
                    let popup = ui.next_auto_id().with("popup");
                    egui::Popup::open_id(ui.ctx(), popup);
                }
                ui.menu_button(t.menu_file, |ui| {
                    let new = item(app, ui, Command::New);
                    if by_keyboard {
                        new.request_focus();
                    }
                    item(app, ui, Command::Open);
                    ui.menu_button(t.menu_open_recent, |ui| {
                        if app.settings.recent.is_empty() {
                            ui.label(t.no_recent_files);
                        }
                        let mut chosen = None;
                        for path in &app.settings.recent {
                            if ui.button(path.display().to_string()).clicked() {
                                chosen = Some(path.clone());
                            }
                        }
                        if let Some(path) = chosen {
                            app.request(Pending::OpenPath(path));
                        }
                    });
                    ui.separator();
                    item(app, ui, Command::Save);
                    item(app, ui, Command::SaveAs);
                    ui.separator();
                    ui.menu_button(t.menu_export, |ui| {
                        for command in Command::EXPORTS {
                            item(app, ui, command);
                        }
                    });
                    item(app, ui, Command::CopyAgreement);
                    item(app, ui, Command::CompareWithFile);
                    item(app, ui, Command::ImportCrm);
                    ui.separator();
                    let mut builtin = app.settings.builtin_file_chooser;
                    if ui.checkbox(&mut builtin, t.builtin_file_chooser).changed() {
                        app.settings.builtin_file_chooser = builtin;
                        app.file_dialogs.set_builtin(builtin);
                    }
                    ui.separator();
                    item(app, ui, Command::Quit);
                });

                ui.menu_button(t.menu_edit, |ui| {
                    item(app, ui, Command::Undo);
                    item(app, ui, Command::Redo);
                });
                ui.menu_button(t.menu_view, |ui| {
                    for theme in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                        let command = Command::Theme(theme);
                        if ui
                            .radio(app.settings.theme == theme, command.label(t))
                            .clicked()
                        {
                            app.queue(command);
                        }
                    }
                    ui.separator();
                    ui.menu_button(t.menu_language, |ui| {
                        for choice in [None, Some(Language::English), Some(Language::Dutch)] {
                            let command = Command::Language(choice);
                            if ui
                                .radio(app.settings.language == choice, command.label(t))
                                .clicked()
                            {
                                app.queue(command);
                            }
                        }
                    });
                    ui.separator();
                    item(app, ui, Command::ZoomIn);
                    item(app, ui, Command::ZoomOut);
                    item(app, ui, Command::ZoomReset);
                    ui.separator();
                    item(app, ui, Command::ToggleResults);
                    item(app, ui, Command::MeetingMode);
                });
                ui.menu_button(t.menu_help, |ui| {
                    item(app, ui, Command::Method);
                    item(app, ui, Command::About);
                });
            });
        })
        .response
        .rect
}

/// A menu item for a command, with its shortcut, greyed out when it cannot run.
fn item(app: &mut App, ui: &mut Ui, command: Command) -> egui::Response {
    let t = app.language.text();
    let mut button = egui::Button::new(command.label(t));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui.add_enabled(app.enabled(command), button);
    if response.clicked() {
        app.queue(command);
    }
    response
}
