//! The hug-the-line charts of the Report tab, drawn from the report's model
//! (`report::HugChart`): every position, label, hover text and description comes from there;
//! this module chooses the colours and maps the model to `egui_plot`.

use egui::{RichText, Ui};
use egui_plot::{AxisHints, Line, LineStyle, PlotPoints, Points, Polygon};

use super::super::super::theme;
use super::super::charts::{Along, Key, Mark, hover_nearest, legend, round_marks, still_plot};
use super::super::section;
use super::View;
use crate::document::SlaDocument;
use crate::i18n::{Language, fill};
use crate::report::{HugChart, HugFan, HugPoint, StatusView};
use crate::tracking::{Granularity, State};

/// The hug-the-line charts: the status month's, with the forecast's fan, and the period's by
/// week or month (with the choice between them).
pub(super) fn hug_charts(
    ui: &mut Ui,
    language: Language,
    doc: &SlaDocument,
    month: crate::plan::YearMonth,
    computed: &StatusView,
    view: &mut View,
) {
    let t = language.text();
    section(
        ui,
        &fill(t.hug_title, &[("month", &language.month(month))]),
        &fill(
            t.hug_note,
            &[(
                "tolerance",
                &language.numbers().percent(doc.tracking.tolerance_percent),
            )],
        ),
    );
    if let Some(chart) = &computed.month {
        hug_chart(ui, language, "hug the line: month", chart);
    }
    ui.horizontal(|ui| {
        ui.selectable_value(&mut view.by, Granularity::Week, t.by_week);
        ui.selectable_value(&mut view.by, Granularity::Month, t.by_month);
    });
    if let Some(chart) = &computed.period {
        ui.label(RichText::new(t.period_chart_title).strong());
        hug_chart(ui, language, "hug the line: period", chart);
    }
}

/// The colours of a hug-the-line chart in the window's theme.
struct HugColours {
    /// The plan in the text colour, so the colours stay for the actuals and their states.
    pace: egui::Color32,
    band: egui::Color32,
    line: egui::Color32,
    forecast: egui::Color32,
    band50: egui::Color32,
    band90: egui::Color32,
    /// Each state's dots: colour and mark.
    states: [(State, egui::Color32, Mark); 3],
}

impl HugColours {
    fn of(ui: &Ui) -> Self {
        let dark = ui.visuals().dark_mode;
        let warn = ui.visuals().warn_fg_color;
        let forecast = theme::series_color(dark, 1);
        Self {
            pace: ui.visuals().strong_text_color(),
            band: ui.visuals().weak_text_color(),
            line: theme::series_color(dark, 0),
            forecast,
            band50: forecast.gamma_multiply(0.38),
            band90: forecast.gamma_multiply(0.18),
            states: [
                (State::OnTrack, theme::good_color(dark), Mark::Dot),
                (State::Behind, warn, Mark::Down),
                (State::Ahead, warn, Mark::Up),
            ],
        }
    }
}

/// The legend of a hug-the-line chart: the actual line, the states its dots have, the plan,
/// the band and, with a forecast, its median and bands.
fn hug_keys(language: Language, chart: &HugChart, colours: &HugColours) -> Vec<Key> {
    let t = language.text();
    let key = |name: &str, colour, mark| Key {
        name: name.to_owned(),
        colour,
        mark,
    };
    let mut keys = vec![key(t.tracking_actual, colours.line, Mark::Line)];
    keys.extend(
        colours
            .states
            .iter()
            .filter(|(state, _, _)| chart.states.contains(state))
            .map(|(state, colour, mark)| key(state.name(language), *colour, *mark)),
    );
    keys.push(key(t.tracking_ideal, colours.pace, Mark::Dashed));
    keys.push(key(t.tracking_band, colours.band, Mark::Dotted));
    if !chart.fan.is_empty() {
        keys.push(key(t.chart_forecast_median, colours.forecast, Mark::Line));
        keys.push(key(t.chart_forecast_band50, colours.band50, Mark::Bar));
        keys.push(key(t.chart_forecast_band90, colours.band90, Mark::Bar));
    }
    keys
}

/// A hug-the-line chart of the report (`report::HugChart`): the legend above the plot, the
/// ideal line, the tolerance band, the actual line with each point in the colour of its state
/// and the forecast's fan; hovering anywhere shows the nearest point's actual, plan and
/// tolerance.
fn hug_chart(ui: &mut Ui, language: Language, id: &str, chart: &HugChart) {
    let colours = HugColours::of(ui);
    let hover: Vec<(f64, String)> = chart
        .points
        .iter()
        .map(|p| (p.x, p.hover(language).join("\n")))
        .collect();
    legend(ui, language, id, &hug_keys(language, chart, &colours));
    let (axis, values, step) = (chart.axis.clone(), chart.values.clone(), chart.step);
    let response = still_plot(id, theme::PLOT_HEIGHT * 1.2)
        .include_y(0.0)
        .x_grid_spacer(move |input| marks_every(step, input.bounds))
        .y_grid_spacer(|input| round_marks(input.bounds))
        .custom_x_axes(vec![AxisHints::new_x().formatter(move |mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                axis.label(mark.value)
            } else {
                String::new()
            }
        })])
        .custom_y_axes(vec![
            AxisHints::new_y().formatter(move |mark, _| values.axis(mark.value)),
        ])
        .label_formatter(hover_nearest(Along::X, hover))
        .show(ui, |plot| hug_plot(plot, language, chart, &colours))
        .response;
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &chart.description)
    });
}

/// The forecast's fan: its 90 % and 50 % bands in slices and its median.
fn fan_plot(
    plot: &mut egui_plot::PlotUi<'_>,
    language: Language,
    chart: &HugChart,
    colours: &HugColours,
) {
    let t = language.text();
    // Each day's slice of a band is a convex quadrilateral: egui fills only convex shapes.
    let slices = |band: fn(&HugFan) -> (f64, f64)| -> Vec<Vec<[f64; 2]>> {
        chart
            .fan
            .windows(2)
            .filter_map(|pair| {
                let [a, b] = pair else {
                    return None;
                };
                let (low0, high0) = band(a);
                let (low1, high1) = band(b);
                Some(vec![[a.x, low0], [b.x, low1], [b.x, high1], [a.x, high0]])
            })
            .collect()
    };
    for (slices, colour, name) in [
        (
            slices(|f| f.band90),
            colours.band90,
            t.chart_forecast_band90,
        ),
        (
            slices(|f| f.band50),
            colours.band50,
            t.chart_forecast_band50,
        ),
    ] {
        for slice in slices {
            plot.polygon(
                Polygon::new(name, PlotPoints::from(slice))
                    .fill_color(colour)
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
            );
        }
    }
    if !chart.fan.is_empty() {
        let median: Vec<[f64; 2]> = chart.fan.iter().map(|f| [f.x, f.median]).collect();
        plot.line(
            Line::new(t.chart_forecast_median, PlotPoints::from(median))
                .color(colours.forecast)
                .style(LineStyle::dashed_dense())
                .allow_hover(false),
        );
    }
}

/// The fan, the band, the ideal line, the actual line and the dots, back to front.
fn hug_plot(
    plot: &mut egui_plot::PlotUi<'_>,
    language: Language,
    chart: &HugChart,
    colours: &HugColours,
) {
    let t = language.text();
    let series = |f: fn(&HugPoint) -> f64| -> PlotPoints<'static> {
        chart.points.iter().map(|p| [p.x, f(p)]).collect()
    };
    fan_plot(plot, language, chart, colours);
    for (f, name, colour, style) in [
        (
            (|p| p.upper) as fn(&HugPoint) -> f64,
            t.tracking_band,
            colours.band,
            LineStyle::dotted_dense(),
        ),
        (
            |p| p.lower,
            t.tracking_band,
            colours.band,
            LineStyle::dotted_dense(),
        ),
        (
            |p| p.ideal,
            t.tracking_ideal,
            colours.pace,
            LineStyle::dashed_loose(),
        ),
    ] {
        plot.line(
            Line::new(name, series(f))
                .color(colour)
                .style(style)
                .allow_hover(false),
        );
    }
    let actual = |state: Option<State>| -> Vec<[f64; 2]> {
        chart
            .points
            .iter()
            .filter(|p| state.is_none() || p.state == state)
            .filter_map(|p| p.actual.map(|a| [p.x, a]))
            .collect()
    };
    plot.line(
        Line::new(t.tracking_actual, PlotPoints::from(actual(None)))
            .color(colours.line)
            .width(2.0)
            .allow_hover(false),
    );
    for (state, color, mark) in colours.states {
        plot.points(
            Points::new(state.name(language), PlotPoints::from(actual(Some(state))))
                .color(color)
                .radius(3.5)
                .shape(match mark {
                    Mark::Down => egui_plot::MarkerShape::Down,
                    Mark::Up => egui_plot::MarkerShape::Up,
                    _ => egui_plot::MarkerShape::Circle,
                })
                .allow_hover(false),
        );
    }
}

/// A grid line, and so an axis label, at every multiple of `step` (a day, a week, a month).
fn marks_every(step: f64, (min, max): (f64, f64)) -> Vec<egui_plot::GridMark> {
    let first = (min / step).ceil().max(0.0) as i64;
    let last = (max / step).floor().max(0.0) as i64;
    (first..=last)
        .map(|i| egui_plot::GridMark {
            value: i as f64 * step,
            step_size: step,
        })
        .collect()
}
