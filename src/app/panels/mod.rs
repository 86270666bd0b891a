//! The window's layout: menu bar, scenario list (left), results and charts (right, always
//! visible) and the method's steps as tabs in the middle.
//!
//! The middle is drawn first, in the space the side panels left last frame: egui's Tab key
//! visits widgets in the order they are drawn, and the form must come before the results and
//! the chart legends. The panels then draw around it.

mod actuals;
mod agreement;
mod charts;
pub mod compare;
mod marketing;
mod meeting;
mod menu;
mod report;
mod results;
mod review;
mod sales;
mod scenarios;
mod tracking;
mod whatif;

use egui::{Frame, Rect, RichText, ScrollArea, Ui, UiBuilder};

pub use meeting::Meeting;

use super::widgets::Fields;
use super::{App, Command, Tab, editor::Origin, theme};
use crate::i18n::fill;
use crate::plan::{Field, Plan, Problem};

/// Where the side panels ended up last frame, to lay the middle out first this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    top: f32,
    left: f32,
    right: f32,
}

impl Default for Layout {
    /// A guess for the first frame; the frame is redone once the panels have been measured.
    fn default() -> Self {
        Self {
            top: 28.0,
            left: theme::SCENARIO_PANEL_WIDTH,
            right: theme::RESULTS_PANEL_WIDTH,
        }
    }
}

/// Draws the whole window.
pub fn show(app: &mut App, ui: &mut Ui, plan: &Result<Plan, Vec<Problem>>) {
    notice(app, ui.ctx());
    if app.meeting.is_some() {
        meeting::show(app, ui, plan);
        return;
    }
    let full = ui.available_rect_before_wrap();
    let middle = Rect::from_min_max(
        full.min + egui::vec2(app.layout.left, app.layout.top),
        full.max - egui::vec2(app.layout.right, 0.0),
    );
    let mut middle_ui = ui.new_child(UiBuilder::new().max_rect(middle));
    middle_ui.set_clip_rect(middle.intersect(ui.clip_rect()));
    Frame::central_panel(ui.style()).show(&mut middle_ui, |ui| {
        ui.set_min_size(ui.available_size());
        central(app, ui, plan);
    });
    let measured = Layout {
        top: menu::show(app, ui).height(),
        left: scenarios::show(app, ui).width(),
        right: results::show(app, ui, plan).width(),
    };
    if measured != app.layout {
        app.layout = measured;
        ui.ctx()
            .request_discard("the side panels moved: lay the middle out again");
    }
}

/// The middle: banners, the tabs and the selected tab's content, scrolling both ways so that
/// nothing is cut off on a small screen or when zoomed in.
fn central(app: &mut App, ui: &mut Ui, plan: &Result<Plan, Vec<Problem>>) {
    banners(app, ui);
    tabs(app, ui);
    ui.separator();
    let problems = plan.as_ref().err().map_or(&[][..], Vec::as_slice);
    let language = app.language;
    let today = app.today;
    let currency = app.editor.document.currency.clone();
    let fields = Fields {
        language,
        currency: &currency,
        scenario: app.editor.selected(),
        enabled: !app.editor.read_only(),
    };
    let messages = Messages { problems, language };
    let mut copy_agreement = false;
    let mut new_scenario = None;
    let mut taken = None;
    let mut area = ScrollArea::both().auto_shrink([false, false]);
    if std::mem::take(&mut app.fresh_document) {
        area = area.scroll_offset(egui::Vec2::ZERO);
        report::forget_views(ui.ctx());
    }
    area.show(ui, |ui| {
        let selected = app.editor.selected();
        let doc = &mut app.editor.document;
        match app.tab {
            Tab::Marketing => {
                if let Some(scenario) = doc.scenario_mut(selected) {
                    marketing::show(ui, &fields, &messages, &mut scenario.assumptions, plan);
                }
            }
            Tab::Sales => {
                sales::show(ui, &fields, &messages, &mut doc.sales_commitments, plan);
            }
            Tab::Report => new_scenario = report::show(ui, &fields, doc, today),
            Tab::WhatIf => {
                if let Some(scenario) = doc.scenario(selected)
                    && let Some((name, assumptions)) =
                        whatif::show(ui, &fields, &doc.sales_commitments, scenario, plan)
                {
                    new_scenario = Some(doc.add_scenario_with(&name, assumptions));
                }
            }
            Tab::Compare => {
                if let Some(compared) = &mut app.compared {
                    match compared.show(ui, language, doc) {
                        Some(compare::FileAction::Stop) => app.compared = None,
                        Some(compare::FileAction::Apply) => taken = Some(compared.take(doc)),
                        None => {}
                    }
                }
                compare::show(ui, &fields, doc);
            }
            Tab::Charts => match plan {
                Ok(plan) => charts::show(ui, language, &currency, plan, true),
                Err(_) => {
                    ui.label(language.text().fix_inputs_first);
                }
            },
            Tab::Agreement => {
                copy_agreement = agreement::show(
                    ui,
                    &fields,
                    doc,
                    selected,
                    plan,
                    today,
                    &mut app.report_cache,
                );
            }
        }
        scroll_to_new_focus(ui);
    });
    if copy_agreement {
        app.queue(Command::CopyAgreement);
    }
    if let Some(taken) = taken {
        app.took(taken);
    }
    // A scenario made from a goal seek or a revision is edited next, like one made by Add.
    if let Some(id) = new_scenario {
        app.select(id);
    }
}

/// Brings a widget of the middle area that just got keyboard focus into view: Tab walking the
/// form must never land in a field the user cannot see. Called at the end of the area's
/// content, where the widget's place is known; a widget elsewhere (the results, a dialog) is
/// left alone, and one already in view does not move.
fn scroll_to_new_focus(ui: &Ui) {
    let focused = ui
        .ctx()
        .memory(|m| m.focused())
        .and_then(|id| ui.ctx().read_response(id));
    if let Some(focused) = focused
        && focused.gained_focus()
        && focused.layer_id == ui.layer_id()
        && ui.min_rect().contains_rect(focused.rect)
    {
        focused.scroll_to_me(None);
    }
}

/// The validation messages of this frame, found by field.
pub struct Messages<'a> {
    problems: &'a [Problem],
    language: crate::i18n::Language,
}

impl<'a> Messages<'a> {
    pub fn new(problems: &'a [Problem], language: crate::i18n::Language) -> Self {
        Self { problems, language }
    }
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
    let locked = app
        .editor
        .locked_by
        .as_ref()
        .zip(app.editor.path.as_deref())
        .map(|(holder, path)| {
            fill(
                t.lock_read_only,
                &[("holder", &holder.describe(path, app.language))],
            )
        });
    let info = match (app.editor.origin, app.editor.newer_version) {
        (_, Some(_)) => Some(t.banner_read_only.to_owned()),
        _ if locked.is_some() => locked,
        (Origin::Example, None) if app.editor.path.is_none() => Some(t.banner_example.to_owned()),
        (Origin::Recovered, None) => Some(t.banner_recovered.to_owned()),
        _ => None,
    };
    if let Some(info) = info {
        ui.label(RichText::new(format!("ℹ {info}")).color(ui.visuals().hyperlink_color));
    }
}

/// The notice of what just happened, over the bottom of the window until dismissed: a success
/// with ✔, a problem with ⚠ in the warning colour. Drawn on top of the panels rather than among
/// them, so its coming and going never moves what the user is about to click.
fn notice(app: &mut App, ctx: &egui::Context) {
    let Some(notice) = &app.notice else {
        return;
    };
    let t = app.language.text();
    let mut dismiss = false;
    egui::Area::new(egui::Id::unique("notice"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -16.0))
        .show(ctx, |ui| {
            Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(ctx.content_rect().width() * 0.8);
                ui.horizontal_wrapped(|ui| {
                    let text = if notice.problem {
                        RichText::new(format!("⚠ {}", notice.text))
                            .color(ui.visuals().warn_fg_color)
                    } else {
                        RichText::new(format!("✔ {}", notice.text))
                    };
                    ui.label(text);
                    if ui.button(t.dismiss).clicked() {
                        dismiss = true;
                    }
                });
            });
        });
    if dismiss {
        app.notice = None;
    }
}

fn tabs(app: &mut App, ui: &mut Ui) {
    let t = app.language.text();
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            let command = Command::Show(tab);
            let text = RichText::new(command.label(t)).heading();
            let mut response = ui.selectable_label(app.tab == tab, text);
            if let Some(shortcut) = command.shortcut() {
                response = response.on_hover_text(ui.ctx().format_shortcut(&shortcut));
            }
            if response.clicked() {
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
