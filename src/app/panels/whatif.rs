//! Tab 4, what-if for the planning meeting: goal seek ("what marketing share gives 100 leads a
//! month?") with "Save as new scenario", the tornado chart of the sensitivity, and the chance
//! that the planned leads bring in the customers needed. Every number comes from
//! `crate::whatif`, the charts' words from `crate::report::tornado` and `confidence_chart`; this
//! file only draws them.

use egui::{ComboBox, Grid, Id, RichText, Ui};
use egui_plot::{Bar, BarChart, HLine, Line, PlotPoints, VLine};

use super::super::action::{Action, Sender};
use super::super::theme;
use super::super::widgets::{FieldLabel, Fields, NumberField};
use super::charts::{
    Along, Key, Mark, hover_nearest, legend, one_mark_per_bar, round_marks, shorten_to, still_plot,
};
use super::section;
use crate::document::Scenario;
use crate::i18n::{Language, fill};
use crate::plan::{Assumptions, Plan, Problem, RowId, SalesCommitments, Unit};
use crate::report::{self, ConfidenceChart};
use crate::whatif::{self, Confidence, Goal, Input, LeadMix, Metric, Solution, Swing};

/// Points on the confidence curve: enough for a smooth line, few enough for every frame.
const CURVE_POINTS: u64 = 60;

/// What the user chose on this tab. Runtime only (egui's memory), never in the document.
#[derive(Clone, Debug)]
struct Choices {
    metric: Metric,
    /// The target in the metric's unit; `None` shows the current value until one is typed.
    target: Option<f64>,
    input: Input,
    /// The stage or lead source `input` belongs to, by id: its position changes when a row
    /// above it is removed, and the goal seek must keep varying the row the user chose.
    input_row: Option<RowId>,
    step_percent: f64,
    level_percent: f64,
}

impl Default for Choices {
    fn default() -> Self {
        Self {
            metric: Metric::LeadsPerMonth,
            target: None,
            input: Input::MarketingShare,
            input_row: None,
            step_percent: 10.0,
            level_percent: 90.0,
        }
    }
}

/// Draws the tab for `scenario`; saving a goal seek sends its answer as a new scenario.
pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    commitments: &SalesCommitments,
    scenario: &Scenario,
    plan: &Result<Plan, Vec<Problem>>,
    send: &Sender,
) {
    let t = fields.language.text();
    let Ok(plan) = plan else {
        section(ui, t.whatif_goal_seek_title, t.whatif_goal_seek_note);
        ui.label(t.fix_inputs_first);
        return;
    };
    let id = Id::unique("what-if choices");
    let mut choices: Choices = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if let Some((name, assumptions)) =
        goal_seek(ui, fields, commitments, scenario, plan, &mut choices)
    {
        send.send(Action::AddScenario {
            name,
            assumptions: Box::new(assumptions),
        });
    }
    tornado(ui, fields, commitments, scenario, plan, &mut choices);
    confidence(ui, fields, scenario, plan, &mut choices);
    ui.data_mut(|d| d.insert_temp(id, choices));
}

fn goal_seek(
    ui: &mut Ui,
    fields: &Fields<'_>,
    commitments: &SalesCommitments,
    scenario: &Scenario,
    plan: &Plan,
    choices: &mut Choices,
) -> Option<(String, Assumptions)> {
    let language = fields.language;
    let t = language.text();
    let a = &scenario.assumptions;
    section(ui, t.whatif_goal_seek_title, t.whatif_goal_seek_note);
    let metrics: Vec<Metric> = Metric::ALL
        .into_iter()
        .filter(|m| m.of(plan).is_some())
        .collect();
    let inputs = Input::all_in_use(a);
    if !metrics.contains(&choices.metric) {
        choices.metric = Metric::LeadsNeeded;
    }
    if let Some(row) = choices.input_row {
        choices.input = choices
            .input
            .of_row(row, a)
            .unwrap_or(Input::MarketingShare);
    }
    if !inputs.contains(&choices.input) {
        choices.input = Input::MarketingShare;
    }
    let target = goal_form(ui, fields, (plan, a), (&metrics, &inputs), choices);
    choices.input_row = choices.input.row(a);
    let goal = Goal {
        metric: choices.metric,
        target,
    };
    // Solving plans the scenario several times: kept until the inputs or the question change.
    let question = (choices.input, goal.metric, goal.target.to_bits());
    let solution = kept(
        ui,
        Id::unique("what-if goal seek"),
        (a.clone(), *commitments, question),
        |(a, commitments, (input, _, _))| whatif::solve(a, commitments, *input, goal).ok(),
    )?;
    answer(ui, fields, scenario, &solution, (choices.input, goal))
}

/// The goal seek's question: which result, its target (starting at the current value, to one
/// decimal: a round number to edit) and which input to vary. Returns the target.
fn goal_form(
    ui: &mut Ui,
    fields: &Fields<'_>,
    (plan, a): (&Plan, &Assumptions),
    (metrics, inputs): (&[Metric], &[Input]),
    choices: &mut Choices,
) -> f64 {
    let language = fields.language;
    let t = language.text();
    let starting_target = |metric: Metric| (metric.of(plan).unwrap_or(0.0) * 10.0).round() / 10.0;
    let mut target = choices.target.unwrap_or(starting_target(choices.metric));
    Grid::new("goal seek")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(t.whatif_result);
            let before = choices.metric;
            ComboBox::from_id_salt("goal seek metric")
                .selected_text(choices.metric.name(language))
                .show_ui(ui, |ui| {
                    for metric in metrics {
                        ui.selectable_value(&mut choices.metric, *metric, metric.name(language));
                    }
                })
                .response
                .labelled_by(label.id);
            if choices.metric != before {
                choices.target = None;
                target = starting_target(choices.metric);
            }
            ui.end_row();
            if NumberField::new(
                fields,
                FieldLabel::new("whatif_target", t.whatif_target),
                &mut target,
                choices.metric.unit(),
            )
            .show(ui)
            {
                choices.target = Some(target);
            }
            let label = ui.label(t.whatif_vary);
            ComboBox::from_id_salt("goal seek input")
                .selected_text(choices.input.name(language, a))
                .show_ui(ui, |ui| {
                    for input in inputs {
                        ui.selectable_value(&mut choices.input, *input, input.name(language, a));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
    target
}

/// The goal seek's answer ("Average deal size €31,250 (now €25,000) gives …") with the button
/// that saves it as a scenario, or why the goal cannot be reached. Returns the scenario to
/// add (its name and inputs) when the button was clicked.
fn answer(
    ui: &mut Ui,
    fields: &Fields<'_>,
    scenario: &Scenario,
    solution: &Solution,
    (input, goal): (Input, Goal),
) -> Option<(String, Assumptions)> {
    let language = fields.language;
    let t = language.text();
    let a = &scenario.assumptions;
    let unit = input.field().unit();
    let show = |v: f64| language.with_unit(v, unit, fields.currency);
    match solution {
        Solution::Reached {
            value,
            achieved,
            assumptions,
        } => {
            let now = input.value(a).map(show).unwrap_or_default();
            ui.label(
                RichText::new(fill(
                    t.whatif_answer,
                    &[
                        ("input", &input.name(language, a)),
                        ("value", &show(*value)),
                        ("now", &now),
                        (
                            "achieved",
                            &language.with_unit(*achieved, goal.metric.unit(), fields.currency),
                        ),
                    ],
                ))
                .strong(),
            );
            let changed = assumptions != a;
            let button = ui.add_enabled(
                fields.enabled && changed,
                egui::Button::new(t.whatif_save_scenario),
            );
            if button.clicked() {
                return Some((
                    fill(t.whatif_scenario_name, &[("name", &scenario.name)]),
                    assumptions.clone(),
                ));
            }
        }
        Solution::Unreachable(why) => {
            let reason = why.describe(language, input, goal, a, fields.currency);
            ui.label(RichText::new(format!("⚠ {reason}")).color(ui.visuals().warn_fg_color));
        }
    }
    None
}

/// Leads needed with each input moved down (first colour) and up (second colour) by the step;
/// the largest swing on top, a vertical line at the plan's leads. Each input's name stands on
/// two lines beside its bars (the full name and values on hover), the leads at each bar's end.
fn tornado(
    ui: &mut Ui,
    fields: &Fields<'_>,
    commitments: &SalesCommitments,
    scenario: &Scenario,
    plan: &Plan,
    choices: &mut Choices,
) {
    let language = fields.language;
    let t = language.text();
    let a = &scenario.assumptions;
    section(ui, t.whatif_sensitivity_title, t.whatif_sensitivity_note);
    Grid::new("sensitivity step").num_columns(3).show(ui, |ui| {
        NumberField::new(
            fields,
            FieldLabel::new("whatif_step", t.whatif_step),
            &mut choices.step_percent,
            Unit::Percent,
        )
        .show(ui);
    });
    let step = choices.step_percent / 100.0;
    // Two plans per input: kept until the inputs or the step change.
    let swings = kept(
        ui,
        Id::unique("what-if sensitivity"),
        (a.clone(), *commitments, step.to_bits()),
        |(a, commitments, _)| whatif::sensitivity(a, commitments, step).unwrap_or_default(),
    );
    if !swings.is_empty() {
        tornado_chart(ui, fields, a, &swings, plan.leads_needed);
    }
}

/// The plot row of swing `i` of `rows`: the largest swing (the first) at the top.
fn tornado_row(rows: usize, i: usize) -> f64 {
    rows.saturating_sub(i + 1) as f64
}

/// The tornado chart: per input a bar from the leads needed with its low value to those with
/// its high value, around the plan's leads needed (`base`), largest swing on top.
fn tornado_chart(ui: &mut Ui, fields: &Fields<'_>, a: &Assumptions, swings: &[Swing], base: f64) {
    let language = fields.language;
    let t = language.text();
    let n = language.numbers();
    let rows = swings.len();
    let dark = ui.visuals().dark_mode;
    let (low_colour, high_colour) = (theme::series_color(dark, 0), theme::series_color(dark, 1));
    let base_colour = ui.visuals().strong_text_color();
    let low = BarChart::new(
        t.whatif_low,
        swing_bars(swings, base, |s| s.leads_needed_low, low_colour),
    )
    .horizontal()
    .color(low_colour)
    .allow_hover(false);
    let high = BarChart::new(
        t.whatif_high,
        swing_bars(swings, base, |s| s.leads_needed_high, high_colour),
    )
    .horizontal()
    .color(high_colour)
    .allow_hover(false);
    let words = report::tornado(swings, a, fields.currency, language);
    // Each bar's name beside it, from the top, fitted to the axis.
    let names: Vec<String> = words
        .rows
        .iter()
        .rev()
        .map(|r| bar_label(&r.name))
        .collect();
    let hover: Vec<(f64, String)> = words
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (tornado_row(rows, i), r.hover.clone()))
        .collect();
    let description = words.description;
    let (left, right) = swings.iter().fold((base, base), |(lo, hi), s| {
        (
            lo.min(s.leads_needed_low).min(s.leads_needed_high),
            hi.max(s.leads_needed_low).max(s.leads_needed_high),
        )
    });
    // Room on both sides for the numbers at the bars' ends.
    let margin = (right - left).max(1.0) * 0.15;
    let ends = BarEnds::of(swings, base, margin);
    tornado_legend(ui, language, [low_colour, high_colour, base_colour]);
    let two_lines = names.iter().any(|name| name.contains('\n'));
    let height = 40.0 + if two_lines { 40.0 } else { 24.0 } * rows as f32;
    still_plot("tornado", height)
        .include_x(left - margin)
        .include_x(right + margin)
        .y_grid_spacer(|input| one_mark_per_bar(input.bounds))
        .x_grid_spacer(|input| round_marks(input.bounds))
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_axis_formatter(move |mark, _| n.decimal(mark.value, 0))
        .label_formatter(hover_nearest(Along::Y, hover))
        .show(ui, |plot| {
            plot.bar_chart(low);
            plot.bar_chart(high);
            plot.vline(
                VLine::new(t.leads_needed, base)
                    .color(base_colour)
                    .allow_hover(false),
            );
            ends.show(plot, language);
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description)
        });
}

/// One bar per swing, in `colour`, from the plan's leads needed (`base`) to the leads needed
/// with `value`, in the swing's row.
fn swing_bars(
    swings: &[Swing],
    base: f64,
    value: fn(&Swing) -> f64,
    colour: egui::Color32,
) -> Vec<Bar> {
    swings
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Bar::new(tornado_row(swings.len(), i), value(s) - base)
                .base_offset(base)
                .width(0.7)
                .fill(colour)
        })
        .collect()
}

/// The tornado's key: the low and the high bars and the line of the plan's leads needed, in
/// those `colours`.
fn tornado_legend(ui: &mut Ui, language: Language, colours: [egui::Color32; 3]) {
    let t = language.text();
    let [low, high, base] = colours;
    legend(
        ui,
        language,
        "tornado",
        &[
            Key {
                name: t.whatif_low.to_owned(),
                colour: low,
                mark: Mark::Bar,
            },
            Key {
                name: t.whatif_high.to_owned(),
                colour: high,
                mark: Mark::Bar,
            },
            Key {
                name: t.leads_needed.to_owned(),
                colour: base,
                mark: Mark::Line,
            },
        ],
    );
}

/// The leads needed written at the end of each bar, outside it: left of a bar that ends left
/// of the plan's leads (`base`), right of one that ends right of it, `margin` × 0.05 away.
struct BarEnds {
    /// Each end's row and leads needed.
    ends: Vec<(f64, f64)>,
    base: f64,
    margin: f64,
}

impl BarEnds {
    fn of(swings: &[Swing], base: f64, margin: f64) -> Self {
        let ends = swings
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                let row = tornado_row(swings.len(), i);
                [(row, s.leads_needed_low), (row, s.leads_needed_high)]
            })
            // An input that moves nothing has no bar to end.
            .filter(|(_, value)| (value - base).abs() >= 0.5)
            .collect();
        Self { ends, base, margin }
    }

    fn show(self, plot: &mut egui_plot::PlotUi<'_>, language: Language) {
        let n = language.numbers();
        let base = self.base;
        for (y, value) in self.ends {
            let anchor = if value < base {
                egui::Align2::RIGHT_CENTER
            } else {
                egui::Align2::LEFT_CENTER
            };
            let x = value + if value < base { -1.0 } else { 1.0 } * self.margin * 0.05;
            plot.text(
                egui_plot::Text::new(
                    "",
                    egui_plot::PlotPoint::new(x, y),
                    RichText::new(n.count_up(value)).text_style(egui::TextStyle::Body),
                )
                .anchor(anchor)
                .allow_hover(false),
            );
        }
    }
}

/// A bar's name as it fits beside the bars, on at most two lines: the last two parts of a
/// nested name ("Webinars" over "Share" for "Lead sources › Webinars › Share"), or a plain
/// name wrapped between words ("Marketing share" over "of revenue"); a part longer than a
/// line is cut with "…", and hovering a row shows the full name.
fn bar_label(name: &str) -> String {
    const LINE_CHARS: usize = 22;
    let parts: Vec<&str> = name.split(" › ").collect();
    let lines: Vec<String> = match parts.as_slice() {
        [.., parent, part] => vec![(*parent).to_owned(), (*part).to_owned()],
        _ => {
            let mut lines: Vec<String> = vec![String::new()];
            for word in name.split_whitespace() {
                let last = lines.len() - 1;
                if lines[last].is_empty() {
                    lines[last] = word.to_owned();
                } else if lines[last].chars().count() + 1 + word.chars().count() <= LINE_CHARS
                    || lines.len() == 2
                {
                    lines[last] = format!("{} {word}", lines[last]);
                } else {
                    lines.push(word.to_owned());
                }
            }
            lines
        }
    };
    lines
        .iter()
        .map(|line| shorten_to(line, LINE_CHARS))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The confidence and its curve for `a` at `level`. The curve sums a binomial at 61 lead
/// counts, several milliseconds, too much for every frame: both are kept with the inputs they
/// were computed from until one changes.
fn chance_curve(ui: &Ui, a: &Assumptions, plan: &Plan, level: f64) -> (Confidence, Vec<[f64; 2]>) {
    kept(
        ui,
        Id::unique("what-if chance curve"),
        (a.clone(), level.to_bits()),
        |(a, _)| {
            let c = whatif::confidence(a, plan, level);
            let curve = c.curve(&LeadMix::of(a, plan), CURVE_POINTS);
            (c, curve)
        },
    )
}

/// What `compute` makes of `key`, kept in egui's memory under `id` with the key and computed
/// again only when the key differs from the kept one. The key holds every input of the
/// result (the scenario's inputs, the sales commitments, the user's choices), so any edit —
/// typed on another tab, undone, a scenario switched to — computes it again, and an idle
/// frame does not.
fn kept<K, V>(ui: &Ui, id: Id, key: K, compute: impl FnOnce(&K) -> V) -> V
where
    K: PartialEq + Clone + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    let hit = ui.data_mut(|d| {
        d.get_temp_mut_or_default::<Option<(K, V)>>(id)
            .as_ref()
            .filter(|(kept, _)| *kept == key)
            .map(|(_, value)| value.clone())
    });
    if let Some(value) = hit {
        return value;
    }
    let value = compute(&key);
    ui.data_mut(|d| d.insert_temp(id, Some((key, value.clone()))));
    value
}

/// The chance of at least the customers needed against the number of leads, with the plan's
/// leads, the leads for the chosen level, and the level marked.
fn confidence(
    ui: &mut Ui,
    fields: &Fields<'_>,
    scenario: &Scenario,
    plan: &Plan,
    choices: &mut Choices,
) {
    let language = fields.language;
    let t = language.text();
    section(ui, t.whatif_confidence_title, t.whatif_confidence_note);
    Grid::new("confidence level").num_columns(3).show(ui, |ui| {
        NumberField::new(
            fields,
            FieldLabel::new("whatif_level", t.whatif_level),
            &mut choices.level_percent,
            Unit::Percent,
        )
        .show(ui);
    });
    let level = choices.level_percent / 100.0;
    if !(level > 0.0 && level < 1.0) {
        return;
    }
    let (c, curve) = chance_curve(ui, &scenario.assumptions, plan, level);
    let chart = report::confidence_chart(&c, curve, language);
    ui.label(&chart.sentence);
    confidence_chart(ui, language, &c, chart);
}

/// The chance of winning the customers needed against the number of leads, with the level
/// asked for, the plan's leads and the leads that reach the level.
fn confidence_chart(ui: &mut Ui, language: Language, c: &Confidence, chart: ConfidenceChart) {
    let t = language.text();
    let n = language.numbers();
    let level = c.level;
    let ConfidenceChart {
        curve,
        hover,
        description,
        ..
    } = chart;
    let points = PlotPoints::from(curve);
    let dark = ui.visuals().dark_mode;
    let mut keys = vec![
        Key {
            name: t.whatif_chance.to_owned(),
            colour: theme::series_color(dark, 0),
            mark: Mark::Line,
        },
        Key {
            name: t.whatif_level.to_owned(),
            colour: theme::series_color(dark, 2),
            mark: Mark::Line,
        },
        Key {
            name: t.whatif_planned_leads.to_owned(),
            colour: theme::series_color(dark, 1),
            mark: Mark::Line,
        },
    ];
    if c.leads_needed.is_some() {
        keys.push(Key {
            name: t.whatif_leads_for_level.to_owned(),
            colour: theme::series_color(dark, 3),
            mark: Mark::Line,
        });
    }
    legend(ui, language, "confidence", &keys);
    still_plot("confidence", theme::PLOT_HEIGHT)
        .include_y(0.0)
        .include_y(100.0)
        .y_grid_spacer(|input| round_marks(input.bounds))
        .x_grid_spacer(|input| round_marks(input.bounds))
        .y_axis_formatter(move |mark, _| format!("{}%", n.decimal(mark.value, 0)))
        .x_axis_formatter(move |mark, _| n.decimal(mark.value, 0))
        .label_formatter(hover_nearest(Along::X, hover))
        .show(ui, |plot| {
            plot.line(
                Line::new(t.whatif_chance, points)
                    .color(theme::series_color(dark, 0))
                    .allow_hover(false),
            );
            plot.hline(
                HLine::new(t.whatif_level, level * 100.0).color(theme::series_color(dark, 2)),
            );
            plot.vline(
                VLine::new(t.whatif_planned_leads, c.planned_leads as f64)
                    .color(theme::series_color(dark, 1)),
            );
            if let Some(needed) = c.leads_needed {
                plot.vline(
                    VLine::new(t.whatif_leads_for_level, needed as f64)
                        .color(theme::series_color(dark, 3)),
                );
            }
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description)
        });
}
