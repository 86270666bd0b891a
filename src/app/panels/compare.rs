//! Tab 5, compare: the chosen scenarios (all by default) side by side, each value with its
//! difference to the agreed plan, and their leads, customers or budget per month as grouped
//! bars. The table is `crate::whatif::Comparison`; this file only draws it.

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
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::merge::{Merged, Origin};
use crate::plan::Unit;
use crate::whatif::{Column, Comparison, Difference, DocumentDiff, Monthly, Row};
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
    table(ui, fields, &comparison);
    ui.add_space(theme::SECTION_SPACE);
    per_month(ui, language, fields.currency, &comparison);
}

fn row_name(language: Language, row: Row) -> &'static str {
    let t = language.text();
    match row {
        Row::RevenueGoal => t.revenue_goal,
        Row::MarketingShare => t.marketing_share,
        Row::AverageDealSize => t.average_deal_size,
        Row::LeadToCustomer => t.lead_to_customer_rate,
        Row::CustomersNeeded => t.customers_needed,
        Row::LeadsNeeded => t.leads_needed,
        Row::LeadsPerMonth => t.leads_per_month,
        Row::Budget => t.marketing_budget,
        Row::PeakUtilisation => t.whatif_peak_utilisation,
    }
}

/// One row per input and result; per scenario its value and, beside the agreed plan, the
/// difference ("+12.5 (+4.2%)"), marked in the warning colour when there is one.
fn table(ui: &mut Ui, fields: &Fields<'_>, comparison: &Comparison) {
    let language = fields.language;
    let t = language.text();
    let n = language.numbers();
    let value_text = |row: Row, v: Option<f64>| {
        v.map_or(NO_NUMBER.to_owned(), |v| match row.unit() {
            Unit::Plain if row.is_count() => n.decimal(v, 0),
            Unit::Plain => n.decimal(v, 1),
            unit => language.with_unit(v, unit, fields.currency),
        })
    };
    let difference_text = |row: Row, d: Difference| {
        let sign = |v: f64| if v > 0.0 { "+" } else { "" };
        // A change of a percentage is in points, so "−10 pts (−16.7%)" cannot be misread.
        let amount = match row.unit() {
            Unit::Percent => fill(t.whatif_points, &[("n", &n.decimal(d.absolute, 2))]),
            _ => value_text(row, Some(d.absolute)),
        };
        let absolute = format!("{}{amount}", sign(d.absolute));
        match d.relative {
            Some(r) => format!("{absolute} ({}{})", sign(r), n.share(r)),
            None => absolute,
        }
    };
    let names: Vec<String> = comparison
        .columns
        .iter()
        .map(|c| {
            if c.id == comparison.agreed.id {
                format!("★ {}", c.name)
            } else {
                c.name.clone()
            }
        })
        .collect();
    let mut headers: Vec<&str> = vec![""];
    headers.extend(names.iter().map(String::as_str));
    Grid::new("compare")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            header_row(ui, &headers);
            for row in Row::ALL {
                ui.label(row_name(language, row));
                for column in &comparison.columns {
                    cell(ui, comparison, column, row, &value_text, &difference_text);
                }
                ui.end_row();
            }
        });
    let invalid: Vec<&str> = comparison
        .columns
        .iter()
        .filter(|c| c.plan.is_none())
        .map(|c| c.name.as_str())
        .collect();
    if !invalid.is_empty() {
        ui.label(fill(
            t.whatif_compare_invalid,
            &[("names", &invalid.join(", "))],
        ));
    }
}

fn cell(
    ui: &mut Ui,
    comparison: &Comparison,
    column: &Column,
    row: Row,
    value_text: &dyn Fn(Row, Option<f64>) -> String,
    difference_text: &dyn Fn(Row, Difference) -> String,
) {
    let value = value_text(row, column.value(row));
    let difference = comparison
        .difference(column, row)
        .filter(|d| column.id != comparison.agreed.id && d.is_change());
    match difference {
        Some(d) => {
            // Right to left: the difference at the right edge, the value before it.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let color = ui.visuals().warn_fg_color;
                ui.label(RichText::new(difference_text(row, d)).small().color(color));
                ui.label(value);
            });
        }
        None => number_cell(ui, &value),
    }
}

/// A monthly series (chosen with the radio buttons above it), one bar per scenario side by
/// side within each month.
fn per_month(ui: &mut Ui, language: Language, currency: &str, comparison: &Comparison) {
    let t = language.text();
    let n = language.numbers();
    let id = Id::unique("compare: monthly series");
    let mut series: Monthly = ui.data(|d| d.get_temp(id)).unwrap_or(Monthly::Leads);
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.whatif_compare_per_month).strong());
        for (choice, name) in [
            (Monthly::Leads, t.leads),
            (Monthly::Customers, t.customers),
            (Monthly::Budget, t.marketing_budget),
        ] {
            ui.radio_value(&mut series, choice, name);
        }
    });
    ui.data_mut(|d| d.insert_temp(id, series));
    let columns: Vec<(&Column, Vec<f64>)> = comparison
        .columns
        .iter()
        .filter_map(|c| Some((c, series.of(c.plan.as_ref()?)?)))
        .collect();
    let dark = ui.visuals().dark_mode;
    let charts = side_by_side(&columns, dark);
    let months: Vec<String> = columns
        .first()
        .and_then(|(c, _)| c.plan.as_ref())
        .map(|p| {
            p.months
                .iter()
                .enumerate()
                .map(|(i, m)| language.month_short(m.month, i == 0))
                .collect()
        })
        .unwrap_or_default();
    let currency = currency.to_owned();
    let show = move |value: f64| match series {
        Monthly::Budget => n.money(value, &currency),
        Monthly::Leads | Monthly::Customers => n.decimal(value, 1),
    };
    let series_name = match series {
        Monthly::Leads => t.leads,
        Monthly::Customers => t.customers,
        Monthly::Budget => t.marketing_budget,
    };
    let description = describe_per_month(language, series_name, &columns, &months, &show);
    let hover = month_hover(&columns, &months, &show);
    let keys: Vec<Key> = columns
        .iter()
        .enumerate()
        .map(|(k, (column, _))| Key {
            name: column.name.clone(),
            colour: theme::series_color(dark, k),
            mark: Mark::Bar,
        })
        .collect();
    legend(ui, language, "compare per month", &keys);
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
        .y_axis_formatter(move |mark, _| show(mark.value))
        .label_formatter(hover_nearest(Along::X, hover))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description)
        });
}

/// One bar chart per scenario, its bars side by side with the others' within each month.
fn side_by_side(columns: &[(&Column, Vec<f64>)], dark: bool) -> Vec<BarChart> {
    let count = columns.len().max(1) as f64;
    let width = 0.8 / count;
    columns
        .iter()
        .enumerate()
        .map(|(k, (column, values))| {
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
            BarChart::new(column.name.clone(), bars)
                .color(theme::series_color(dark, k))
                .allow_hover(false)
        })
        .collect()
}

/// What hovering a month says: the month, then each scenario's value.
fn month_hover(
    columns: &[(&Column, Vec<f64>)],
    months: &[String],
    show: &dyn Fn(f64) -> String,
) -> Vec<(f64, String)> {
    months
        .iter()
        .enumerate()
        .map(|(i, month)| {
            let values: Vec<String> = columns
                .iter()
                .filter_map(|(column, values)| {
                    Some(format!("{}: {}", column.name, show(*values.get(i)?)))
                })
                .collect();
            (i as f64, format!("{month}\n{}", values.join("\n")))
        })
        .collect()
}

/// The monthly chart for a screen reader: what it shows, and per scenario its total and its
/// busiest month ("Leads per month of 2 scenarios. Plan 2027: 1,100 in all, most in March
/// (120.0).").
fn describe_per_month(
    language: Language,
    series: &str,
    columns: &[(&Column, Vec<f64>)],
    months: &[String],
    show: &dyn Fn(f64) -> String,
) -> String {
    let t = language.text();
    let mut parts = vec![fill(
        t.compare_chart_description,
        &[("series", series), ("count", &columns.len().to_string())],
    )];
    for (column, values) in columns {
        let peak = values
            .iter()
            .enumerate()
            .fold(None, |best: Option<(usize, f64)>, (i, &v)| match best {
                Some((_, b)) if b >= v => best,
                _ => Some((i, v)),
            });
        let Some((peak_month, peak)) = peak else {
            continue;
        };
        parts.push(fill(
            t.compare_chart_scenario,
            &[
                ("scenario", &column.name),
                ("total", &show(values.iter().sum())),
                ("month", months.get(peak_month).map_or("", String::as_str)),
                ("peak", &show(peak)),
            ],
        ));
    }
    parts.join(" ")
}
