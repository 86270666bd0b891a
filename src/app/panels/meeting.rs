//! Meeting mode (View → Meeting mode, F11; Esc leaves): for a projector in the planning
//! meeting. A type scale taken from the screen's height, sliders for the four inputs of step 1,
//! each lead source's rate and the reps, the key figures several times the body size, the
//! plan's warnings and one big chart, all live while a slider moves.
//!
//! The sliders work on a copy of the selected scenario ([`Meeting`]), never on the document: a
//! drag in front of the room must not change the agreed plan, the Report's status or the
//! approvals. "Keep as new scenario" and "Apply to the plan" put the copy into the document,
//! each one undo step; leaving with a copy that is neither asks what to do with it.

use std::ops::RangeInclusive;

use egui::{
    CentralPanel, DragValue, FontId, Id, Key, Modal, Modifiers, RichText, ScrollArea, Sense,
    Slider, TextStyle, Ui, WidgetInfo, accesskit::Role,
};

use super::super::widgets::result_row;
use super::super::{Command, Tab, theme};
use super::{Messages, View, charts, report, sales};
use crate::document::{ScenarioId, SlaDocument};
use crate::i18n::{Language, Text, fill};
use crate::plan::{Assumptions, Plan, Problem, compute};
use crate::report::FigureId;

/// What meeting mode is trying out: a copy of one scenario's inputs.
#[derive(Clone, Debug)]
pub struct Meeting {
    /// The scenario the copy was taken from; "Apply to the plan" writes into it.
    pub source: ScenarioId,
    /// Its name when the copy was taken, for the heading and a kept copy's name (the
    /// scenario itself may be gone after an undo).
    pub name: String,
    /// The inputs the sliders move.
    pub assumptions: Assumptions,
    /// The user asked to leave with a tried-out copy: the question is on screen.
    pub leaving: bool,
}

impl Meeting {
    /// A fresh copy of scenario `id`; `None` when there is no such scenario.
    pub fn of(document: &SlaDocument, id: ScenarioId) -> Option<Self> {
        document.scenario(id).map(|scenario| Self {
            source: id,
            name: scenario.name.clone(),
            assumptions: scenario.assumptions.clone(),
            leaving: false,
        })
    }

    /// True when the copy differs from the scenario it came from (or that scenario is gone):
    /// leaving would lose something.
    pub fn tried(&self, document: &SlaDocument) -> bool {
        document
            .scenario(self.source)
            .is_none_or(|scenario| scenario.assumptions != self.assumptions)
    }
}

/// The projector's type scale, from the height of the screen: body text a 40th of it (27 px
/// at 1080, at least 16 px on a small laptop), headings larger than the body and the key
/// figures three times it, so the numbers the meeting is about are what the back row reads.
#[derive(Clone, Copy, Debug)]
struct Scale {
    body: f32,
}

impl Scale {
    fn of(ui: &Ui) -> Self {
        Self {
            body: (ui.ctx().content_rect().height() / 40.0).max(16.0),
        }
    }

    fn heading(self) -> f32 {
        self.body * 1.4
    }

    fn key_figure(self) -> f32 {
        self.body * 3.0
    }

    fn apply(self, ui: &mut Ui) {
        let style = ui.style_mut();
        for (text_style, font) in &mut style.text_styles {
            font.size = match text_style {
                TextStyle::Heading => self.heading(),
                TextStyle::Small => self.body * 0.75,
                TextStyle::Monospace => self.body * 0.9,
                _ => self.body,
            };
        }
        let factor = self.body / 12.5;
        style.spacing.interact_size.y = self.body * 1.4;
        style.spacing.slider_rail_height *= factor;
        style.spacing.item_spacing *= factor;
        style.spacing.button_padding *= factor;
    }
}

/// Draws the meeting screen in place of the normal layout; the Sales and Report views show the
/// selected scenario's plan as stored, not the copy.
pub fn show(view: &mut View<'_>, ui: &mut Ui) {
    let Some(meeting) = view.meeting.as_deref_mut() else {
        return;
    };
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        if meeting.leaving {
            meeting.leaving = false;
        } else {
            view.send.run(Command::MeetingMode);
        }
    }
    let scale = Scale::of(ui);
    CentralPanel::default().show(ui, |ui| {
        scale.apply(ui);
        // Ctrl+2 and Ctrl+3 bring the Sales and Report views up in large type; Ctrl+1 (or any
        // other tab) the sliders.
        if matches!(view.tab, Tab::Sales | Tab::Report) {
            ui.label(RichText::new(view.language.text().whatif_meeting_leave).weak());
            ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| other_view(view, ui));
        } else {
            sliders_view(view, ui, scale);
        }
        if view.meeting.as_ref().is_some_and(|m| m.leaving) {
            leave_question(view, ui, scale);
        }
    });
}

/// The copy's sliders and results, and the one big chart.
fn sliders_view(view: &mut View<'_>, ui: &mut Ui, scale: Scale) {
    let language = view.language;
    let t = language.text();
    let currency = view.doc.currency.clone();
    let Some(name) = view.meeting.as_ref().map(|m| m.name.clone()) else {
        return;
    };
    ui.heading(RichText::new(fill(t.meeting_trying_copy, &[("name", &name)])).strong());
    ui.label(
        RichText::new(format!(
            "{} {}",
            t.meeting_fine_steps, t.whatif_meeting_leave
        ))
        .weak(),
    );
    ui.add_space(theme::SECTION_SPACE);
    let mut plan = Err(Vec::new());
    ui.columns(2, |columns| {
        if let [left, right] = columns {
            if let Some(meeting) = view.meeting.as_deref_mut() {
                inputs(
                    left,
                    language,
                    &currency,
                    meeting.source,
                    &mut meeting.assumptions,
                );
                // After the sliders, so the results follow them in the same frame.
                plan = compute(&meeting.assumptions, &view.doc.sales_commitments);
            }
            left.add_space(theme::SECTION_SPACE);
            left.horizontal_wrapped(|ui| {
                view.command_button(ui, Command::KeepMeetingCopy);
                view.command_button(ui, Command::ApplyMeetingCopy);
            });
            results(right, scale, language, &currency, &plan);
        }
    });
    // The one big chart: the rest of the screen.
    if let Ok(plan) = &plan {
        ui.add_space(theme::SECTION_SPACE);
        let height = ui.available_height().max(theme::PLOT_HEIGHT);
        charts::leads_per_month(ui, language, &currency, plan, height);
    }
}

/// Asked on leaving with a copy that is neither kept nor applied: in front of a room an
/// accidental Esc must not throw away what the meeting just worked out.
fn leave_question(view: &mut View<'_>, ui: &Ui, scale: Scale) {
    let t = view.language.text();
    let name = view
        .meeting
        .as_ref()
        .map(|m| m.name.clone())
        .unwrap_or_default();
    let mut stay = false;
    let modal = Modal::new(Id::unique("leave meeting mode")).show(ui.ctx(), |ui| {
        scale.apply(ui);
        ui.set_max_width(scale.body * 30.0);
        ui.heading(t.meeting_leave_heading);
        ui.label(fill(t.meeting_leave_body, &[("name", &name)]));
        ui.add_space(theme::SECTION_SPACE);
        ui.horizontal_wrapped(|ui| {
            view.command_button(ui, Command::KeepMeetingCopy);
            view.command_button(ui, Command::ApplyMeetingCopy);
            view.command_button(ui, Command::DiscardMeetingCopy);
            stay = ui.button(t.meeting_stay).clicked();
        });
    });
    if (stay || modal.should_close())
        && let Some(meeting) = view.meeting.as_deref_mut()
    {
        meeting.leaving = false;
    }
}

/// The Sales or Report tab, in the meeting's large type.
fn other_view(view: &mut View<'_>, ui: &mut Ui) {
    let language = view.language;
    let plan = view.plan;
    let currency = view.doc.currency.clone();
    let problems = plan.as_ref().err().map_or(&[][..], Vec::as_slice);
    let fields = view.fields(&currency);
    if view.tab == Tab::Sales {
        let messages = Messages::new(problems, language);
        sales::show(
            ui,
            &fields,
            &messages,
            &mut view.doc.sales_commitments,
            plan,
        );
    } else {
        report::show(ui, &fields, view.doc, view.today, (view.reports, view.send));
    }
}

/// Upper ends of the money and reps sliders, fixed when meeting mode first shows a scenario
/// (twice its value then), so a slider's scale does not move under the mouse while dragging.
/// Kept per scenario id: a scenario that moves up the list keeps its own scale.
#[derive(Clone, Copy, Debug)]
struct Ranges {
    revenue_goal: f64,
    deal_size: f64,
    reps: u32,
}

impl Ranges {
    fn around(a: &Assumptions) -> Self {
        Self {
            revenue_goal: (a.revenue_goal * 2.0).max(1_000.0),
            deal_size: (a.average_deal_size * 2.0).max(100.0),
            reps: a.capacity.map_or(10, |c| (c.reps * 2).max(10)),
        }
    }
}

/// A round step of about a hundredth of a slider's range (10,000 on a 4,000,000 goal): what
/// ←/→ move by, and a plain drag's resolution.
fn round_step(max: f64) -> f64 {
    10_f64.powf((max / 100.0).log10().floor())
}

/// How one input moves.
struct Input<'a> {
    name: &'a str,
    range: RangeInclusive<f64>,
    /// ←/→ and a plain drag move in these steps.
    step: f64,
    /// Shift+←/→ and a Shift+drag (per pixel) move in these.
    fine: f64,
    logarithmic: bool,
    format: &'a dyn Fn(f64) -> String,
    read: &'a dyn Fn(&str) -> Option<f64>,
}

/// One input of the meeting: its name, a slider and the number. A plain drag follows the
/// pointer in whole steps; with Shift held a drag moves a fine step per pixel from where the
/// value was (it never jumps to the pointer). On a focused slider ←/→ move a step, with Shift
/// a fine step, so 65 % is within reach in front of a room. The number takes a typed value
/// (click it, type, Enter). The steps are the app's, not the slider's: egui's own `step_by`
/// would round every fine value back to a whole step.
fn input_row(ui: &mut Ui, input: &Input<'_>, value: &mut f64) {
    let label = ui.label(input.name);
    let before = *value;
    let slider = ui
        .add(
            Slider::new(value, input.range.clone())
                .logarithmic(input.logarithmic)
                .show_value(false),
        )
        .labelled_by(label.id);
    let (shift, pointer_x, arrows) = ui.input(|i| {
        let presses = |key| i.num_presses(key) as f64;
        (
            i.modifiers.shift,
            i.pointer.interact_pos().map(|p| p.x),
            presses(Key::ArrowRight) - presses(Key::ArrowLeft),
        )
    });
    // Where the press began and the value then, for a Shift+drag relative to it.
    let held = slider.is_pointer_button_down_on() || slider.dragged();
    let pressed_id = slider.id.with("pressed at");
    // Also on the frame of the release, when egui moves the handle to the pointer once more.
    let stored = ui.data(|d| d.get_temp::<(f64, f32)>(pressed_id));
    let pressed = if held {
        let origin = ui.input(|i| i.pointer.press_origin()).map(|p| p.x);
        stored.or_else(|| origin.map(|x| (before, x)))
    } else {
        None
    };
    ui.data_mut(|d| {
        if let Some(at) = pressed {
            d.insert_temp(pressed_id, at);
        } else {
            d.remove::<(f64, f32)>(pressed_id);
        }
    });
    let target = if slider.has_focus() && arrows != 0.0 {
        let step = if shift { input.fine } else { input.step };
        Some((before + arrows * step, step))
    } else if let (true, Some((start, origin)), Some(x)) = (shift, pressed.or(stored), pointer_x) {
        Some((start + f64::from(x - origin) * input.fine, input.fine))
    } else if *value != before {
        Some((*value, input.step))
    } else {
        None
    };
    if let Some((moved, grid)) = target {
        let rounded = (moved / grid).round() * grid;
        *value = rounded.clamp(*input.range.start(), *input.range.end());
    }
    ui.add(
        DragValue::new(value)
            .range(input.range.clone())
            .speed(input.fine)
            .custom_formatter(|v, _| (input.format)(v))
            .custom_parser(input.read),
    )
    .labelled_by(label.id);
    ui.end_row();
}

fn inputs(
    ui: &mut Ui,
    language: Language,
    currency: &str,
    scenario: ScenarioId,
    a: &mut Assumptions,
) {
    let t = language.text();
    let n = language.numbers();
    let id = Id::unique(("meeting ranges", scenario));
    let ranges = ui
        .data(|d| d.get_temp::<Ranges>(id))
        .unwrap_or_else(|| Ranges::around(a));
    ui.data_mut(|d| d.insert_temp(id, ranges));
    let money = |v: f64| n.money(v, currency);
    let percent = |v: f64| n.percent(v);
    let count = |v: f64| n.decimal(v, 0);
    let read = |text: &str| n.read(text, None).ok();
    let money_input = |name, max: f64| Input {
        name,
        range: 0.0..=max,
        step: round_step(max),
        fine: round_step(max) / 10.0,
        logarithmic: false,
        format: &money,
        read: &read,
    };
    let rate_input = |name| Input {
        name,
        range: 0.1..=100.0,
        step: 0.1,
        fine: 0.01,
        logarithmic: true,
        format: &percent,
        read: &read,
    };
    fit_sliders(ui, t, a, &money(ranges.revenue_goal));
    egui::Grid::new("meeting inputs")
        .num_columns(3)
        .show(ui, |ui| {
            input_row(
                ui,
                &money_input(t.revenue_goal, ranges.revenue_goal),
                &mut a.revenue_goal,
            );
            let share = Input {
                name: t.marketing_share,
                range: 0.0..=100.0,
                step: 1.0,
                fine: 0.1,
                logarithmic: false,
                format: &percent,
                read: &read,
            };
            input_row(ui, &share, &mut a.marketing_share_percent);
            if a.lead_sources.is_empty() {
                input_row(
                    ui,
                    &money_input(t.average_deal_size, ranges.deal_size),
                    &mut a.average_deal_size,
                );
                input_row(
                    ui,
                    &rate_input(t.lead_to_customer_rate),
                    &mut a.lead_to_customer_percent,
                );
            } else {
                ui.label(RichText::new(t.lead_to_customer_rate).weak());
                ui.end_row();
            }
            for source in &mut a.lead_sources {
                input_row(
                    ui,
                    &rate_input(&source.name),
                    &mut source.lead_to_customer_percent,
                );
            }
            if let Some(capacity) = &mut a.capacity {
                let reps = Input {
                    name: t.reps,
                    range: 1.0..=f64::from(ranges.reps),
                    step: 1.0,
                    fine: 1.0,
                    logarithmic: false,
                    format: &count,
                    read: &read,
                };
                whole_input_row(ui, &reps, &mut capacity.reps);
            }
        });
}

/// [`input_row`] for a whole number (the reps): the slider's range keeps it small.
fn whole_input_row(ui: &mut Ui, input: &Input<'_>, value: &mut u32) {
    let mut edited = f64::from(*value);
    input_row(ui, input, &mut edited);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the slider's range is 1 to twice the reps"
    )]
    let whole = edited.round().max(0.0) as u32;
    *value = whole;
}

/// Sets the sliders' width: what the names and the widest number (`widest`) leave of the
/// column, so nothing runs into the results on a small screen.
fn fit_sliders(ui: &mut Ui, t: &Text, a: &Assumptions, widest: &str) {
    let font = TextStyle::Body.resolve(ui.style());
    let width = |text: &str| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::PLACEHOLDER)
            .size()
            .x
    };
    let names = [
        t.revenue_goal,
        t.marketing_share,
        t.average_deal_size,
        t.lead_to_customer_rate,
    ]
    .into_iter()
    .chain(a.lead_sources.iter().map(|s| s.name.as_str()));
    let name_width = names.map(width).fold(0.0, f32::max);
    let number_width = width(widest) + 2.0 * ui.spacing().button_padding.x;
    let spacing = 3.0 * ui.spacing().item_spacing.x;
    ui.spacing_mut().slider_width =
        (ui.available_width() - name_width - number_width - spacing).max(font.size * 4.0);
}

/// A key result as the room should see it: the number at the key-figure size, its name under
/// it. Read by screen readers (and tests) as a list item, like the results panel's rows.
fn key_figure(ui: &mut Ui, scale: Scale, name: &str, value: &str) {
    let visuals = ui.visuals();
    let value_galley = ui.painter().layout_no_wrap(
        value.to_owned(),
        FontId::proportional(scale.key_figure()),
        visuals.strong_text_color(),
    );
    let name_galley = ui.painter().layout_no_wrap(
        name.to_owned(),
        TextStyle::Body.resolve(ui.style()),
        visuals.text_color(),
    );
    let size = egui::vec2(
        value_galley.size().x.max(name_galley.size().x),
        value_galley.size().y + name_galley.size().y,
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let name_top = rect.min + egui::vec2(0.0, value_galley.size().y);
    let painter = ui.painter();
    painter.galley(rect.min, value_galley, egui::Color32::PLACEHOLDER);
    painter.galley(name_top, name_galley, egui::Color32::PLACEHOLDER);
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(Role::ListItem, true, name);
        info.current_text_value = Some(value.to_owned());
        info
    });
}

fn results(
    ui: &mut Ui,
    scale: Scale,
    language: Language,
    currency: &str,
    plan: &Result<Plan, Vec<Problem>>,
) {
    let t = language.text();
    let plan = match plan {
        Ok(plan) => plan,
        Err(problems) => {
            ui.label(RichText::new(t.fix_inputs_first).strong());
            for problem in problems {
                let text = language.problem_in(problem, None, currency);
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {text}"));
            }
            return;
        }
    };
    let figures = crate::report::meeting_figures(plan, language);
    ui.horizontal(|ui| {
        for (i, figure) in figures.key.iter().enumerate() {
            if i > 0 {
                ui.add_space(scale.body * 2.0);
            }
            key_figure(
                ui,
                scale,
                &figure.label,
                &figure.value.show(language, currency),
            );
        }
    });
    ui.add_space(theme::SECTION_SPACE);
    for figure in &figures.rows {
        let value = figure.value.show(language, currency);
        if figure.id == FigureId::PeakUtilisation && figures.over_capacity {
            // A miss: in the error colour, with the warning below saying what to do.
            ui.scope(|ui| {
                ui.visuals_mut().override_text_color = Some(ui.visuals().error_fg_color);
                result_row(ui, &figure.label, &format!("⚠ {value}"), false, "");
            });
        } else {
            result_row(ui, &figure.label, &value, false, "");
        }
    }
    for warning in &plan.warnings {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("⚠ {}", language.warning(warning)),
        );
    }
}
