//! A chart of the report as inline SVG: grouped bars on the left axis, a line series on a
//! right axis of its own, and the numbers as the image's accessible name; its legend is an
//! HTML list beside it, so it wraps on a phone instead of shrinking with the drawing.

use std::fmt::Write as _;

use super::html::escape;
use crate::i18n::Language;
use crate::report::charts::axis_step;
use crate::report::{Chart, ChartKind, Series};
use crate::report::{HugChart, HugFan};
use crate::tracking::State;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 64.0;
const TOP: f64 = 16.0;
/// The forecast's median line; its bands are lighter tints of the same orange.
const FAN: &str = "#c46a1b";
const BOTTOM: f64 = 40.0;
const COLOURS: [&str; 3] = ["#2458a6", "#d9822b", "#2e8b57"];

/// The top of an axis: the largest value rounded up to a whole step; 1 for an empty series.
fn axis_top(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let max = values.filter(|v| v.is_finite()).fold(0.0, f64::max);
    if max <= 0.0 {
        return (1.0, 1.0);
    }
    let step = axis_step(max);
    ((max / step).ceil() * step, step)
}

/// The chart as an `<svg>` element.
pub fn chart(chart: &Chart, language: Language, currency: &str) -> String {
    let bars: Vec<&Series> = chart.series.iter().filter(|s| !s.line).collect();
    let lines: Vec<&Series> = chart.series.iter().filter(|s| s.line).collect();
    // Room for the right axis' amounts also at the larger text of a phone.
    let right = if lines.is_empty() { 16.0 } else { 100.0 };
    let plot_width = WIDTH - LEFT - right;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let bottom = TOP + plot_height;
    let target = chart.target.as_ref().map(|t| t.value);
    let (bar_top, bar_step) = axis_top(
        bars.iter()
            .flat_map(|s| s.values.iter().copied())
            .chain(target),
    );
    let (line_top, line_step) = axis_top(lines.iter().flat_map(|s| s.values.iter().copied()));
    let y = |value: f64, top: f64| bottom - (value.max(0.0) / top) * plot_height;
    let slots = chart.labels.len().max(1) as f64;
    let slot = plot_width / slots;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-label=\"{}\">\n<title>{}</title>\n",
        escape(&chart.description(language, currency)),
        escape(chart.title)
    );
    // Grid lines and the left axis' labels.
    let bar_kind = bars.first().map_or(ChartKind::Count, |s| s.kind);
    let mut tick = 0.0;
    while tick <= bar_top + bar_step * 1e-9 {
        let at = y(tick, bar_top);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{at:.1}\" x2=\"{:.1}\" y2=\"{at:.1}\" stroke=\"#d5dae3\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT + plot_width,
            LEFT - 6.0,
            at + 4.0,
            escape(&bar_kind.show(tick, language, currency))
        );
        tick += bar_step;
    }
    if let Some(first) = lines.first() {
        let mut tick = 0.0;
        while tick <= line_top + line_step * 1e-9 {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                LEFT + plot_width + 6.0,
                y(tick, line_top) + 4.0,
                escape(&first.kind.show(tick, language, currency))
            );
            tick += line_step;
        }
    }
    bar_rects(
        &mut out,
        chart,
        &bars,
        slot,
        &|value| y(value, bar_top),
        bottom,
        language,
        currency,
    );
    for (s, series) in lines.iter().enumerate() {
        let colour = COLOURS[(bars.len() + s) % COLOURS.len()];
        let points: Vec<String> = series
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                format!(
                    "{:.1},{:.1}",
                    LEFT + slot * (i as f64 + 0.5),
                    y(*v, line_top)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"/>",
            points.join(" ")
        );
    }
    if let Some(target) = &chart.target {
        let name = format!("{}: {}", target.name, chart.show_target(language, currency));
        target_line(&mut out, y(target.value, bar_top), LEFT + plot_width, &name);
    }
    category_labels(&mut out, &chart.labels, slot, bottom);
    out.push_str("</svg>\n");
    out
}

/// The target as a dashed line across the plot at height `at`, named on hover.
fn target_line(out: &mut String, at: f64, right: f64, name: &str) {
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{at:.1}\" x2=\"{right:.1}\" y2=\"{at:.1}\" stroke=\"#1d2433\" \
         stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>{}</title></line>",
        escape(name)
    );
}

/// The category labels under the bars, each in the middle of its `slot`; a long name is
/// shortened, its full name shown on hover.
fn category_labels(out: &mut String, labels: &[String], slot: f64, bottom: f64) {
    let slots = labels.len().max(1) as f64;
    for (i, name) in labels.iter().enumerate() {
        let short: String = if name.chars().count() > 14 {
            let kept: String = name.chars().take(13).collect();
            format!("{}…", kept.trim_end())
        } else {
            name.clone()
        };
        let full = if short == *name {
            String::new()
        } else {
            format!("<title>{}</title>", escape(name))
        };
        // Every other label of a long row gives way when the text grows on a phone.
        let alt = if slots > 6.0 && i % 2 == 1 {
            " class=\"alt\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{}\"{alt}>{full}{}</text>",
            LEFT + slot * (i as f64 + 0.5),
            bottom + 18.0,
            if slots > 8.0 { 10 } else { 12 },
            escape(&short)
        );
    }
}

/// The bars, grouped per category (`slot` wide): each series in its colour, or in the colour
/// of each bar's state; no bar for a value that is not a number. `y` places a value.
#[expect(
    clippy::too_many_arguments,
    reason = "the geometry of one drawing, computed once by `chart`"
)]
fn bar_rects(
    out: &mut String,
    chart: &Chart,
    bars: &[&Series],
    slot: f64,
    y: &dyn Fn(f64) -> f64,
    bottom: f64,
    language: Language,
    currency: &str,
) {
    let group = slot * 0.7;
    let width = group / bars.len().max(1) as f64;
    for (s, series) in bars.iter().enumerate() {
        for (i, value) in series.values.iter().enumerate() {
            if !value.is_finite() {
                continue;
            }
            let colour = series
                .states
                .get(i)
                .map_or(COLOURS[s % COLOURS.len()], |state| state_colour(*state));
            let x = LEFT + slot * i as f64 + (slot - group) / 2.0 + width * s as f64;
            let top = y(*value);
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\">\
                 <title>{}</title></rect>",
                width * 0.92,
                bottom - top,
                escape(&format!(
                    "{} · {}: {}{}",
                    chart.labels.get(i).map_or("", String::as_str),
                    series.name,
                    series.kind.show(*value, language, currency),
                    series
                        .notes
                        .get(i)
                        .filter(|note| !note.is_empty())
                        .map_or_else(String::new, |note| format!(" ({note})"))
                ))
            );
        }
    }
}

/// The legend of [`chart`] as an HTML list: each series' colour and name, in the colours
/// the bars and lines are drawn with (a series coloured by state: each state it has), then
/// the target line.
pub fn chart_legend(chart: &Chart, language: Language) -> String {
    let bars = chart.series.iter().filter(|s| !s.line);
    let lines = chart.series.iter().filter(|s| s.line);
    let mut keys: Vec<(String, &str, &str)> = bars
        .chain(lines)
        .enumerate()
        .filter(|(_, series)| series.states.is_empty())
        .map(|(s, series)| {
            let mark = if series.line { "line" } else { "bar" };
            (series.name.to_owned(), COLOURS[s % COLOURS.len()], mark)
        })
        .collect();
    keys.extend(chart.states().into_iter().map(|state| {
        (
            chart.state_name(state, language).to_owned(),
            state_colour(state),
            "bar",
        )
    }));
    if let Some(target) = &chart.target {
        keys.push((target.name.to_owned(), "#1d2433", "line"));
    }
    legend(&keys)
}

/// The legend of [`hug_line`]: the plan's line, the band, the actual line, then the colour
/// of each state a dot has, then the forecast's fan.
pub fn hug_legend(chart: &HugChart, language: Language) -> String {
    let t = language.text();
    let mut keys = vec![
        (t.tracking_ideal.to_owned(), "#2458a6", "line"),
        (t.tracking_band.to_owned(), "#c8d5ea", "bar"),
        (t.tracking_actual.to_owned(), "#1d2433", "line"),
    ];
    for state in &chart.states {
        keys.push((state.name(language).to_owned(), state_colour(*state), "dot"));
    }
    if !chart.fan.is_empty() {
        keys.push((t.chart_forecast_median.to_owned(), FAN, "line"));
        keys.push((t.chart_forecast_band50.to_owned(), "#e8b98a", "bar"));
        keys.push((t.chart_forecast_band90.to_owned(), "#f4dcc4", "bar"));
    }
    legend(&keys)
}

/// A legend list: one item per key, its mark (`bar`, `line` or `dot`) in its colour.
fn legend(keys: &[(String, &str, &str)]) -> String {
    let mut out = String::from("<ul class=\"legend\">");
    for (name, colour, mark) in keys {
        let _ = write!(
            out,
            "<li><span class=\"key {mark}\" style=\"background:{colour}\"></span>{}</li>",
            escape(name)
        );
    }
    out.push_str("</ul>\n");
    out
}

/// Where each state's dots are drawn: behind red, far ahead orange (a miss too), on track green.
fn state_colour(state: State) -> &'static str {
    match state {
        State::Behind => "#c0392b",
        State::OnTrack => "#2e8b57",
        State::Ahead => "#d9822b",
    }
}

/// Where a hug-the-line chart's values go in the drawing: the points spread evenly over the
/// plot's width from the first one's position, values up to the axis' top.
struct HugFrame {
    plot_width: f64,
    bottom: f64,
    /// The axis' top and its step.
    top: f64,
    step: f64,
    /// The first point's position, and the number of gaps between the points.
    first: f64,
    gaps: f64,
}

impl HugFrame {
    fn of(chart: &HugChart) -> Self {
        let plot_height = HEIGHT - TOP - BOTTOM;
        let values = chart
            .points
            .iter()
            .flat_map(|p| [p.upper, p.actual.unwrap_or(0.0)])
            .chain(chart.fan.iter().map(|f| f.band90.1));
        let (top, step) = axis_top(values);
        Self {
            plot_width: WIDTH - LEFT - 16.0,
            bottom: TOP + plot_height,
            top,
            step,
            first: chart.points.first().map_or(0.0, |p| p.x),
            gaps: chart.points.len().max(2) as f64 - 1.0,
        }
    }

    fn x(&self, x: f64) -> f64 {
        LEFT + self.plot_width * (x - self.first) / self.gaps
    }

    fn y(&self, value: f64) -> f64 {
        self.bottom - (value.max(0.0) / self.top) * (HEIGHT - TOP - BOTTOM)
    }

    /// The points as an SVG `points` list.
    fn path(&self, points: impl Iterator<Item = (f64, f64)>) -> String {
        points
            .map(|(x, v)| format!("{:.1},{:.1}", self.x(x), self.y(v)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A hug-the-line chart of the report (`report::HugChart`) as an `<svg>` element: the
/// tolerance band, the forecast's fan, the plan's ideal line (dashed), the actual running
/// total, and a dot per point with data coloured by its state, its hover lines as its title;
/// every seventh point named along the bottom, and the last.
pub fn hug_line(chart: &HugChart, title: &str) -> String {
    let frame = HugFrame::of(chart);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-label=\"{}\">\n<title>{}</title>\n",
        escape(&format!("{title}. {}", chart.description)),
        escape(title)
    );
    let mut tick = 0.0;
    while tick <= frame.top + frame.step * 1e-9 {
        let at = frame.y(tick);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{at:.1}\" x2=\"{:.1}\" y2=\"{at:.1}\" stroke=\"#d5dae3\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT + frame.plot_width,
            LEFT - 6.0,
            at + 4.0,
            escape(&chart.values.axis(tick))
        );
        tick += frame.step;
    }
    let upper = frame.path(chart.points.iter().map(|p| (p.x, p.upper)));
    let lower = frame.path(chart.points.iter().rev().map(|p| (p.x, p.lower)));
    let _ = writeln!(
        out,
        "<polygon points=\"{upper} {lower}\" fill=\"#2458a6\" fill-opacity=\"0.12\" stroke=\"none\"/>"
    );
    hug_fan(&mut out, &frame, &chart.fan);
    let ideal = frame.path(chart.points.iter().map(|p| (p.x, p.ideal)));
    let _ = writeln!(
        out,
        "<polyline points=\"{ideal}\" fill=\"none\" stroke=\"#2458a6\" stroke-width=\"2\" \
         stroke-dasharray=\"6 4\"/>"
    );
    hug_actual(&mut out, &frame, chart);
    let last = chart.points.len().saturating_sub(1);
    for (i, point) in chart.points.iter().enumerate() {
        if i % 7 == 0 || i == last {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                frame.x(point.x),
                frame.bottom + 18.0,
                escape(&chart.axis.label(point.x))
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The forecast's fan: its 90 % and 50 % bands and its median (dotted), when it has more
/// than one point.
fn hug_fan(out: &mut String, frame: &HugFrame, fan: &[HugFan]) {
    if fan.len() < 2 {
        return;
    }
    for (band, colour) in [
        (
            (|f: &HugFan| f.band90) as fn(&HugFan) -> (f64, f64),
            "#f4dcc4",
        ),
        (|f: &HugFan| f.band50, "#e8b98a"),
    ] {
        let high = frame.path(fan.iter().map(|f| (f.x, band(f).1)));
        let low = frame.path(fan.iter().rev().map(|f| (f.x, band(f).0)));
        let _ = writeln!(
            out,
            "<polygon points=\"{high} {low}\" fill=\"{colour}\" fill-opacity=\"0.8\" stroke=\"none\"/>"
        );
    }
    let median = frame.path(fan.iter().map(|f| (f.x, f.median)));
    let _ = writeln!(
        out,
        "<polyline points=\"{median}\" fill=\"none\" stroke=\"{FAN}\" stroke-width=\"2\" \
         stroke-dasharray=\"2 3\"/>"
    );
}

/// The actual running total and a dot per point with data in the colour of its state.
fn hug_actual(out: &mut String, frame: &HugFrame, chart: &HugChart) {
    let actual = frame.path(
        chart
            .points
            .iter()
            .filter_map(|p| p.actual.map(|a| (p.x, a))),
    );
    if !actual.is_empty() {
        let _ = writeln!(
            out,
            "<polyline points=\"{actual}\" fill=\"none\" stroke=\"#1d2433\" stroke-width=\"2.5\"/>"
        );
    }
    for point in &chart.points {
        if let (Some(actual), Some(state)) = (point.actual, point.state) {
            let _ = writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{}\"><title>{}</title></circle>",
                frame.x(point.x),
                frame.y(actual),
                state_colour(state),
                escape(&point.hover(chart.values.language).join("\n"))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(axis_top([101.0, 140.0].into_iter()), (150.0, 50.0));
        assert_eq!(axis_top(std::iter::empty()), (1.0, 1.0));
        assert_eq!(axis_top([f64::NAN].into_iter()), (1.0, 1.0));
    }
}
