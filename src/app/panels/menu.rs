//! The menu bar: File, Edit, View, Help. Every item is a [`Command`].

use egui::{MenuBar, Panel, Ui};

use super::super::action::Action;
use super::super::{Command, ThemeChoice};
use super::View;
use crate::i18n::Language;

/// Draws the menu bar and returns where it is.
pub fn show(view: &mut View<'_>, ui: &mut Ui) -> egui::Rect {
    let t = view.language.text();
    Panel::top("menu")
        .show(ui, |ui| {
            MenuBar::new().ui(ui, |ui| {
                let by_keyboard = std::mem::take(view.menu_by_keyboard);
                if by_keyboard {
                    // The popup of the File button, whose id is the next one: opened before
                    // the button is drawn, so the menu shows (and kept open) in this pass.
                    let popup = ui.next_auto_id().with("popup");
                    egui::Popup::open_id(ui.ctx(), popup);
                }
                ui.menu_button(t.menu_file, |ui| {
                    let new = item(view, ui, Command::New);
                    if by_keyboard {
                        new.request_focus();
                    }
                    item(view, ui, Command::Open);
                    ui.menu_button(t.menu_open_recent, |ui| {
                        if view.settings.recent.is_empty() {
                            ui.label(t.no_recent_files);
                        }
                        for path in &view.settings.recent {
                            if ui.button(path.display().to_string()).clicked() {
                                view.send.send(Action::OpenPath(path.clone()));
                            }
                        }
                    });
                    ui.separator();
                    item(view, ui, Command::Save);
                    item(view, ui, Command::SaveAs);
                    ui.separator();
                    ui.menu_button(t.menu_export, |ui| {
                        for command in Command::EXPORTS {
                            item(view, ui, command);
                        }
                    });
                    item(view, ui, Command::CopyAgreement);
                    item(view, ui, Command::CompareWithFile);
                    item(view, ui, Command::ImportCrm);
                    item(view, ui, Command::ConnectCrm);
                    item(view, ui, Command::UpdateCrm);
                    ui.separator();
                    let mut builtin = view.settings.builtin_file_chooser;
                    if ui.checkbox(&mut builtin, t.builtin_file_chooser).changed() {
                        view.send.send(Action::UseBuiltinFileChooser(builtin));
                    }
                    ui.separator();
                    item(view, ui, Command::Quit);
                });

                ui.menu_button(t.menu_edit, |ui| {
                    item(view, ui, Command::Undo);
                    item(view, ui, Command::Redo);
                });
                ui.menu_button(t.menu_view, |ui| {
                    for theme in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                        let command = Command::Theme(theme);
                        if ui
                            .radio(view.settings.theme == theme, command.label(t))
                            .clicked()
                        {
                            view.send.run(command);
                        }
                    }
                    ui.separator();
                    ui.menu_button(t.menu_language, |ui| {
                        for choice in [None, Some(Language::English), Some(Language::Dutch)] {
                            let command = Command::Language(choice);
                            if ui
                                .radio(view.settings.language == choice, command.label(t))
                                .clicked()
                            {
                                view.send.run(command);
                            }
                        }
                    });
                    ui.separator();
                    item(view, ui, Command::ZoomIn);
                    item(view, ui, Command::ZoomOut);
                    item(view, ui, Command::ZoomReset);
                    ui.separator();
                    item(view, ui, Command::ToggleResults);
                    item(view, ui, Command::MeetingMode);
                });
                ui.menu_button(t.menu_help, |ui| {
                    item(view, ui, Command::Method);
                    item(view, ui, Command::About);
                });
            });
        })
        .response
        .rect
}

/// A menu item for a command, with its shortcut, greyed out when it cannot run.
fn item(view: &View<'_>, ui: &mut Ui, command: Command) -> egui::Response {
    let t = view.language.text();
    let mut button = egui::Button::new(command.label(t));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui.add_enabled(view.availability.allows(command), button);
    if response.clicked() {
        view.send.run(command);
    }
    response
}
