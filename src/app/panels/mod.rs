//! The window's layout: menu bar, scenario list (left), results and charts (right, always
//! visible) and the three steps of the method as tabs in the middle.

mod charts;
mod compare;
mod marketing;
mod meeting;
mod menu;
mod report;
mod results;
mod sales;
mod scenarios;
mod whatif;

use egui::{CentralPanel, RichText, ScrollArea, Ui};

use super::widgets::Fields;
use super::{App, Command, Tab, editor::Origin, theme};
use crate::plan::{Field, Plan, Problem};

/// Draws the whole window.
pub fn show(app: &mut App, ui: &mut Ui, plan: &Result<Plan, Vec<Problem>>) {
    if app.meeting {
        meeting::show(app, ui, plan);
        return;
    }
    menu::show(app, ui);
    scenarios::show(app, ui);
    results::show(app, ui, plan);
    CentralPanel::default().show(ui, |ui| {
        banners(app, ui);
        tabs(app, ui);
        ui.separator();
        let problems = plan.as_ref().err().map_or(&[][..], Vec::as_slice);
        let language = app.language;
        let currency = app.editor.document.currency.clone();
        let fields = Fields {
            language,
            currency: &currency,
            generation: app.generation,
            enabled: app.editor.newer_version.is_none(),
        };
        let messages = Messages { problems, language };
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let selected = app.editor.selected;
                let doc = &mut app.editor.document;
                match app.tab {
                    Tab::Marketing => {
                        if let Some(scenario) = doc.scenarios.get_mut(selected) {
                            marketing::show(
                                ui,
                                &fields,
                                &messages,
                                &mut scenario.assumptions,
                                plan,
                            );
                        }
                    }
                    Tab::Sales => {
                        sales::show(ui, &fields, &messages, &mut doc.sales_commitments, plan);
                    }
                    Tab::Report => report::show(ui, language, &currency, plan),
                    Tab::WhatIf => {
                        if let Some(scenario) = doc.scenarios.get(selected)
                            && let Some(mut new) =
                                whatif::show(ui, &fields, &doc.sales_commitments, scenario, plan)
                        {
                            new.name = doc.unique_scenario_name(&new.name);
                            doc.scenarios.push(new);
                        }
                    }
                    Tab::Compare => compare::show(ui, &fields, doc),
                }
            });
    });
}

/// The validation messages of this frame, found by field.
pub struct Messages<'a> {
    problems: &'a [Problem],
    language: crate::i18n::Language,
}

impl Messages<'_> {
    /// The message for `field`, without the field's name (it stands beside the field).
    fn of(&self, field: Field, currency: &str) -> Option<String> {
        self.problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| self.language.rule(p, currency))
    }
}

/// Information strips above the tabs: the example, a read-only file, recovered work, errors.
fn banners(app: &mut App, ui: &mut Ui) {
    let t = app.language.text();
    let info = match (app.editor.origin, app.editor.newer_version) {
        (_, Some(_)) => Some(t.banner_read_only),
        (Origin::Example, None) if app.editor.path.is_none() => Some(t.banner_example),
        (Origin::Recovered, None) => Some(t.banner_recovered),
        _ => None,
    };
    if let Some(info) = info {
        ui.label(RichText::new(format!("ℹ {info}")).color(ui.visuals().hyperlink_color));
    }
    let mut dismiss = false;
    if let Some(notice) = &app.notice {
        egui::Frame::group(ui.style())
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("⚠ {notice}")).color(ui.visuals().warn_fg_color),
                    );
                    if ui.button(t.dismiss).clicked() {
                        dismiss = true;
                    }
                });
            });
    }
    if dismiss {
        app.notice = None;
    }
}

fn tabs(app: &mut App, ui: &mut Ui) {
    let t = app.language.text();
    ui.horizontal(|ui| {
        for (tab, label) in [
            (Tab::Marketing, t.tab_marketing),
            (Tab::Sales, t.tab_sales),
            (Tab::Report, t.tab_report),
            (Tab::WhatIf, t.whatif_tab),
            (Tab::Compare, t.whatif_compare_tab),
        ] {
            let text = RichText::new(label).heading();
            if ui.selectable_label(app.tab == tab, text).clicked() {
                app.tab = tab;
            }
        }
    });
}

/// A section heading inside a tab.
fn section(ui: &mut Ui, title: &str, note: &str) {
    ui.add_space(theme::SECTION_SPACE);
    ui.label(RichText::new(title).strong().size(16.0));
    if !note.is_empty() {
        ui.label(RichText::new(note).weak());
    }
    ui.add_space(4.0);
}

/// A button for a command: its label and tooltip, greyed out when it cannot run.
fn command_button(app: &mut App, ui: &mut Ui, command: Command) {
    let t = app.language.text();
    let mut response = ui.add_enabled(app.enabled(command), egui::Button::new(command.label(t)));
    if let Some(tip) = command.tooltip(t) {
        response = response.on_hover_text(tip);
    }
    if response.clicked() {
        app.queue(command);
    }
}
