//! Tab 5, compare: the chosen scenarios (all by default) side by side, each value with its
//! difference to the agreed plan, and their leads, customers or budget per month as grouped
//! bars. The numbers are `crate::whatif::Comparison`, worded by `crate::report::compare_table`
//! and `monthly_bars`; this file only draws them.

use std::collections::BTreeSet;

use egui::{Button, Grid, Id, RichText, Ui};
use egui_plot::{Bar, BarChart};

use super::super::action::{Action, Sender};
use super::super::theme;
use super::super::widgets::{Fields, header_row, number_cell};
use super::charts::{
    Along, CATEGORY_SPACING, Key, Mark, category_marks, hover_nearest, legend, round_marks,
    still_plot, two_lines,
};
use super::section;
use crate::document::{ScenarioId, SlaDocument};
use crate::i18n::{Language, fill};
use crate::merge::{Merged, Origin};
use crate::report::{
    CompareCell, CompareTable, compare_table, monthly_bars, series_name, show_value,
};
use crate::whatif::{Comparison, DocumentDiff, Monthly};
use crate::whatif::{describe_effects, value_text};

/// The scenarios the user left out, by id: two scenarios of one name are two boxes, and a
/// renamed scenario stays left out. Runtime only (egui's memory).
type LeftOut = BTreeSet<ScenarioId>;

/// What changed between the open document and another file (File ▸ Compare with file…): every
/// change with a tick box (`ticked` holds the labels of the ticked ones), Take all, Take none
/// and Apply, and what the changes do to leads and customers needed. With a common base
/// (`three_way`), the changes only the open document made are not listed (taking them back is
/// not what a merge means), and a field both changed differently is marked with both values.
pub fn file_changes(
    ui: &mut Ui,
    language: Language,
    name: &str,
    (edits, three_way): (&[Merged], bool),
    effects: &DocumentDiff,
    (ticked, send): (&mut BTreeSet<String>, &Sender),
) {
    let t = language.text();
    section(ui, &fill(t.compared_with, &[("file", name)]), "");
    let listed: Vec<&Merged> = edits.iter().filter(|m| m.origin != Origin::Ours).collect();
    if three_way {
        ui.label(fill(t.merge_three_way_note, &[("file", name)]));
    }
    if listed.is_empty() {
        ui.label(t.whatif_equal);
    } else {
        ui.label(fill(
            t.whatif_changes,
            &[("count", &listed.len().to_string())],
        ));
        ui.label(RichText::new(t.take_hint).small().weak());
        for merged in &listed {
            let edit = &merged.edit;
            let text = if merged.origin == Origin::Conflict {
                let value = |v: Option<&serde_json::Value>| value_text(v, language);
                fill(
                    t.merge_conflict,
                    &[
                        ("path", &edit.label),
                        ("ours", &value(edit.ours.as_ref())),
                        ("theirs", &value(edit.theirs.as_ref())),
                        ("base", &value(merged.base.as_ref())),
                    ],
                )
            } else {
                edit.describe(language)
            };
            let mut take = ticked.contains(&edit.label);
            if ui.checkbox(&mut take, text).changed() {
                if take {
                    ticked.insert(edit.label.clone());
                } else {
                    ticked.remove(&edit.label);
                }
            }
        }
    }
    ui.horizontal(|ui| {
        if !listed.is_empty() {
            if ui.button(t.take_all).clicked() {
                ticked.extend(listed.iter().map(|m| m.edit.label.clone()));
            }
            if ui.button(t.take_none).clicked() {
                ticked.clear();
            }
            let any = listed.iter().any(|m| ticked.contains(&m.edit.label));
            if ui.add_enabled(any, Button::new(t.take_apply)).clicked() {
                send.send(Action::TakeCompared);
            }
        }
        if ui.button(t.stop_comparing).clicked() {
            send.send(Action::StopComparing);
        }
    });
    let effects = describe_effects(effects, language);
    if !effects.is_empty() {
        ui.label(RichText::new(t.whatif_effects).strong());
        for line in effects {
            ui.label(line);
        }
    }
    ui.separator();
}

pub fn show(ui: &mut Ui, fields: &Fields<'_>, doc: &SlaDocument) {
    let language = fields.language;
    let t = language.text();
    section(ui, t.whatif_compare_title, t.whatif_compare_note);
    let id = Id::unique("compare: left out");
    let mut left_out: LeftOut = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        for scenario in &doc.scenarios {
            let mut shown = !left_out.contains(&scenario.id);
            if ui.checkbox(&mut shown, &scenario.name).changed() {
                if shown {
                    left_out.remove(&scenario.id);
                } else {
                    left_out.insert(scenario.id);
                }
            }
        }
    });
    let chosen: Vec<ScenarioId> = doc
        .scenarios
        .iter()
        .map(|s| s.id)
        .filter(|id| !left_out.contains(id))
        .collect();
    ui.data_mut(|d| d.insert_temp(id, left_out));
    let Some(comparison) = Comparison::of(doc, &chosen) else {
        return;
    };
    if comparison.columns.is_empty() {
        return;
    }
    table(ui, &compare_table(&comparison, fields.currency, language));
    ui.add_space(theme::SECTION_SPACE);
    per_month(ui, language, fields.currency, &comparison);
}

/// One row per input and result; per scenario its value and, beside the agreed plan, the
/// difference, in the warning colour when there is one (`report::compare_table`).
fn table(ui: &mut Ui, table: &CompareTable) {
    let mut headers: Vec<&str> = vec![""];
    headers.extend(table.headers.iter().map(String::as_str));
    Grid::new("compare")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            header_row(ui, &headers);
            for row in &table.rows {
                ui.label(row.name);
                for cell in &row.cells {
                    self::cell(ui, cell);
                }
                ui.end_row();
            }
        });
    if let Some(invalid) = &table.invalid {
        ui.label(invalid);
    }
}

fn cell(ui: &mut Ui, cell: &CompareCell) {
    match &cell.difference {
        Some(difference) => {
            // Right to left: the difference at the right edge, the value before it.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let color = ui.visuals().warn_fg_color;
                ui.label(RichText::new(difference).small().color(color));
                ui.label(&cell.value);
            });
        }
        None => number_cell(ui, &cell.value),
    }
}

/// A monthly series (chosen with the radio buttons above it), one bar per scenario side by
/// side within each month (`report::monthly_bars`).
fn per_month(ui: &mut Ui, language: Language, currency: &str, comparison: &Comparison) {
    let t = language.text();
    let id = Id::unique("compare: monthly series");
    let mut series: Monthly = ui.data(|d| d.get_temp(id)).unwrap_or(Monthly::Leads);
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.whatif_compare_per_month).strong());
        for choice in Monthly::ALL {
            ui.radio_value(&mut series, choice, series_name(choice, language));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, series));
    let bars = monthly_bars(comparison, series, currency, language);
    let dark = ui.visuals().dark_mode;
    let keys: Vec<Key> = bars
        .scenarios
        .iter()
        .enumerate()
        .map(|(k, (name, _))| Key {
            name: name.clone(),
            colour: theme::series_color(dark, k),
            mark: Mark::Bar,
        })
        .collect();
    legend(ui, language, "compare per month", &keys);
    let hover = bars
        .hover
        .iter()
        .enumerate()
        .map(|(i, text)| (i as f64, text.clone()))
        .collect();
    let months = bars.months.clone();
    let currency = currency.to_owned();
    still_plot("compare per month", theme::PLOT_HEIGHT)
        .include_y(0.0)
        .y_grid_spacer(|input| round_marks(input.bounds))
        .x_grid_spacer(|input| category_marks(&input))
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label_spacing(CATEGORY_SPACING)
                .formatter(move |mark, _| {
                    let i = mark.value.round();
                    if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                        months
                            .get(i as usize)
                            .map_or_else(String::new, |m| two_lines(m))
                    } else {
                        String::new()
                    }
                }),
        ])
        .y_axis_formatter(move |mark, _| show_value(series, mark.value, &currency, language))
        .label_formatter(hover_nearest(Along::X, hover))
        .show(ui, |plot| {
            for chart in side_by_side(&bars.scenarios, dark) {
                plot.bar_chart(chart);
            }
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &bars.description)
        });
}

/// One bar chart per scenario, its bars side by side with the others' within each month.
fn side_by_side(scenarios: &[(String, Vec<f64>)], dark: bool) -> Vec<BarChart> {
    let count = scenarios.len().max(1) as f64;
    let width = 0.8 / count;
    scenarios
        .iter()
        .enumerate()
        .map(|(k, (name, values))| {
            let offset = (k as f64 - (count - 1.0) / 2.0) * width;
            let bars = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    Bar::new(i as f64 + offset, *v)
                        .width(width * 0.95)
                        .fill(theme::series_color(dark, k))
                })
                .collect();
            BarChart::new(name.clone(), bars)
                .color(theme::series_color(dark, k))
                .allow_hover(false)
        })
        .collect()
}
