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

use std::path::Path;

use chrono::NaiveDate;
use egui::{Frame, Rect, RichText, ScrollArea, Ui, UiBuilder};

pub use meeting::Meeting;

use super::action::{Action, Sender};
use super::commands::Availability;
use super::compared::Compared;
use super::report_cache::ReportCache;
use super::widgets::Fields;
use super::{Command, Notice, Settings, Tab, editor::Origin, theme};
use crate::document::lock::Holder;
use crate::document::{ScenarioId, SlaDocument};
use crate::i18n::{Language, fill};
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

/// What the panels see of the app in one frame, and the channel back to it (`egui_dock`'s
/// "pure state + a viewer"): the app builds it before drawing (`App::view`). Panels edit the
/// document in place (after the frame every change becomes an undo step) and send an
/// [`Action`] for everything else; none of them holds the app.
pub struct View<'a> {
    pub doc: &'a mut SlaDocument,
    /// The scenario being edited.
    pub selected: ScenarioId,
    /// The plan of the selected scenario, or the inputs that prevent it.
    pub plan: &'a Result<Plan, Vec<Problem>>,
    pub file: FileState<'a>,
    pub language: Language,
    /// Today's date, for "this month" and the report's date.
    pub today: NaiveDate,
    pub tab: Tab,
    pub settings: &'a Settings,
    pub availability: Availability,
    pub notice: Option<&'a Notice>,
    /// Where the side panels were last frame; the panels measure it again.
    pub layout: &'a mut Layout,
    pub meeting: Option<&'a mut Meeting>,
    pub compared: Option<&'a mut Compared>,
    pub reports: &'a mut ReportCache,
    /// Signals for one frame, reset by the panel that acts on them: another document was
    /// opened (the middle starts at its top), a scenario was just added (its name field takes
    /// the focus), F10 was pressed (the menu opens by keyboard).
    pub fresh_document: &'a mut bool,
    pub name_new_scenario: &'a mut bool,
    pub menu_by_keyboard: &'a mut bool,
    pub send: &'a Sender,
}

/// The open file, as the banners and the fields need it.
#[derive(Clone, Copy, Debug)]
pub struct FileState<'a> {
    pub path: Option<&'a Path>,
    pub origin: Origin,
    /// A newer SLA Planner wrote the file: it is read-only here.
    pub newer_version: bool,
    /// Someone else edits the file: it is open read-only.
    pub locked_by: Option<&'a Holder>,
    pub read_only: bool,
}

impl View<'_> {
    /// The fields of the middle area: they edit the selected scenario, unless read-only.
    fn fields<'c>(&self, currency: &'c str) -> Fields<'c> {
        Fields {
            language: self.language,
            currency,
            scenario: self.selected,
            enabled: !self.file.read_only,
        }
    }

    /// A button for a command: its label and tooltip, greyed out when it cannot run.
    fn command_button(&self, ui: &mut Ui, command: Command) {
        command_button(ui, self.language, self.availability, self.send, command);
    }
}

/// Draws the whole window.
pub fn show(view: &mut View<'_>, ui: &mut Ui) {
    notice(view, ui.ctx());
    if view.meeting.is_some() {
        meeting::show(view, ui);
        return;
    }
    let full = ui.available_rect_before_wrap();
    let middle = Rect::from_min_max(
        full.min + egui::vec2(view.layout.left, view.layout.top),
        full.max - egui::vec2(view.layout.right, 0.0),
    );
    let mut middle_ui = ui.new_child(UiBuilder::new().max_rect(middle));
    middle_ui.set_clip_rect(middle.intersect(ui.clip_rect()));
    Frame::central_panel(ui.style()).show(&mut middle_ui, |ui| {
        ui.set_min_size(ui.available_size());
        central(view, ui);
    });
    let measured = Layout {
        top: menu::show(view, ui).height(),
        left: scenarios::show(view, ui).width(),
        right: results::show(view, ui).width(),
    };
    if measured != *view.layout {
        *view.layout = measured;
        ui.ctx()
            .request_discard("the side panels moved: lay the middle out again");
    }
}

/// The middle: banners, the tabs and the selected tab's content, scrolling both ways so that
/// nothing is cut off on a small screen or when zoomed in.
fn central(view: &mut View<'_>, ui: &mut Ui) {
    banners(view, ui);
    tabs(view, ui);
    ui.separator();
    let plan = view.plan;
    let problems = plan.as_ref().err().map_or(&[][..], Vec::as_slice);
    let language = view.language;
    let today = view.today;
    let send = view.send;
    let currency = view.doc.currency.clone();
    let fields = view.fields(&currency);
    let messages = Messages { problems, language };
    let mut area = ScrollArea::both().auto_shrink([false, false]);
    if std::mem::take(view.fresh_document) {
        area = area.scroll_offset(egui::Vec2::ZERO);
        report::forget_views(ui.ctx());
    }
    area.show(ui, |ui| {
        let selected = view.selected;
        let doc = &mut *view.doc;
        match view.tab {
            Tab::Marketing => {
                if let Some(scenario) = doc.scenario_mut(selected) {
                    marketing::show(ui, &fields, &messages, &mut scenario.assumptions, plan);
                }
            }
            Tab::Sales => {
                sales::show(ui, &fields, &messages, &mut doc.sales_commitments, plan);
            }
            Tab::Report => report::show(ui, &fields, doc, today, send),
            Tab::WhatIf => {
                if let Some(scenario) = doc.scenario(selected) {
                    whatif::show(ui, &fields, &doc.sales_commitments, scenario, plan, send);
                }
            }
            Tab::Compare => {
                if let Some(compared) = view.compared.as_deref_mut() {
                    compared.show(ui, language, doc, send);
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
                agreement::show(ui, &fields, doc, (plan, today), (view.reports, send));
            }
        }
        scroll_to_new_focus(ui);
    });
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
    language: Language,
}

impl<'a> Messages<'a> {
    pub fn new(problems: &'a [Problem], language: Language) -> Self {
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
fn banners(view: &View<'_>, ui: &mut Ui) {
    let t = view.language.text();
    let file = view.file;
    let locked = file.locked_by.zip(file.path).map(|(holder, path)| {
        fill(
            t.lock_read_only,
            &[("holder", &holder.describe(path, view.language))],
        )
    });
    let info = match (file.origin, file.newer_version) {
        (_, true) => Some(t.banner_read_only.to_owned()),
        _ if locked.is_some() => locked,
        (Origin::Example, false) if file.path.is_none() => Some(t.banner_example.to_owned()),
        (Origin::Recovered, false) => Some(t.banner_recovered.to_owned()),
        _ => None,
    };
    if let Some(info) = info {
        ui.label(RichText::new(format!("ℹ {info}")).color(ui.visuals().hyperlink_color));
    }
}

/// The notice of what just happened, over the bottom of the window until dismissed: a success
/// with ✔, a problem with ⚠ in the warning colour. Drawn on top of the panels rather than among
/// them, so its coming and going never moves what the user is about to click.
fn notice(view: &View<'_>, ctx: &egui::Context) {
    let Some(notice) = view.notice else {
        return;
    };
    let t = view.language.text();
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
                        view.send.send(Action::DismissNotice);
                    }
                });
            });
        });
}

fn tabs(view: &View<'_>, ui: &mut Ui) {
    let t = view.language.text();
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            let command = Command::Show(tab);
            let text = RichText::new(command.label(t)).heading();
            let mut response = ui.selectable_label(view.tab == tab, text);
            if let Some(shortcut) = command.shortcut() {
                response = response.on_hover_text(ui.ctx().format_shortcut(&shortcut));
            }
            if response.clicked() {
                view.send.run(command);
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
fn command_button(
    ui: &mut Ui,
    language: Language,
    availability: Availability,
    send: &Sender,
    command: Command,
) {
    let t = language.text();
    let button = egui::Button::new(command.label(t));
    let mut response = ui.add_enabled(availability.allows(command), button);
    if let Some(tip) = command.tooltip(t) {
        response = response.on_hover_text(tip);
    }
    if response.clicked() {
        send.run(command);
    }
}
