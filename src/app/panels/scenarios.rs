//! The scenario list: pick the scenario to edit, add, duplicate, rename, delete and mark the
//! agreed plan. Every change is an ordinary document change, so it is undoable.

use egui::{Panel, RichText, TextEdit, Ui};

use super::super::action::Action;
use super::super::widgets::select_all_now;
use super::super::{Command, theme};
use super::View;
use crate::i18n::fill;

/// Draws the scenario list and returns where it is.
pub fn show(view: &mut View<'_>, ui: &mut Ui) -> egui::Rect {
    let t = view.language.text();
    // Narrower on a small screen or when zoomed in, so the form keeps room.
    let width = ui.available_width();
    let max = (width * 0.25).clamp(110.0, 320.0);
    Panel::left("scenarios")
        .default_size(theme::SCENARIO_PANEL_WIDTH.min(width * 0.16).max(110.0))
        .size_range(110.0..=max)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.heading(t.scenarios);
            ui.add_space(4.0);
            let doc = &*view.doc;
            for scenario in &doc.scenarios {
                let agreed = doc.agreed_plan == scenario.id;
                let name = if scenario.name.trim().is_empty() {
                    t.unnamed_scenario
                } else {
                    scenario.name.as_str()
                };
                let mut text = RichText::new(if agreed {
                    format!("★ {name}")
                } else {
                    name.to_owned()
                });
                if agreed {
                    text = text.strong();
                }
                let mut response = ui.selectable_label(view.selected == scenario.id, text);
                if agreed {
                    response = response.on_hover_text(t.agreed_plan_tip);
                }
                if response.clicked() {
                    view.send.send(Action::Select(scenario.id));
                }
            }
            ui.add_space(8.0);
            ui.separator();
            rename(view, ui);
            ui.add_space(4.0);
            for command in [
                Command::AddScenario,
                Command::DuplicateScenario,
                Command::DeleteScenario,
                Command::MarkAgreed,
            ] {
                view.command_button(ui, command);
            }
        })
        .response
        .rect
}

/// The name of the selected scenario, editable in place.
fn rename(view: &mut View<'_>, ui: &mut Ui) {
    let t = view.language.text();
    let enabled = !view.file.read_only;
    let selected = view.selected;
    let doc = &mut *view.doc;
    let duplicate = doc
        .scenario(selected)
        .is_some_and(|s| doc.scenarios_named(&s.name).len() > 1);
    let Some(scenario) = doc.scenario_mut(selected) else {
        return;
    };
    let label = ui.label(t.scenario_name);
    let response = ui
        .add_enabled(
            enabled,
            TextEdit::singleline(&mut scenario.name).desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    // A scenario just added or duplicated is named first: the name field takes the focus.
    if std::mem::take(view.name_new_scenario) {
        response.request_focus();
        select_all_now(ui, &response, &scenario.name);
    }
    if duplicate {
        let message = fill(t.doc_duplicate_name, &[("name", &scenario.name)]);
        ui.label(RichText::new(format!("⚠ {message}")).color(ui.visuals().error_fg_color));
    }
}
