//! The charts of the report model (`report::charts`: targets per month, customers and revenue,
//! the funnel, the lead mix) drawn with `egui_plot`. The exported SVG draws the same
//! descriptions, so the window and the export never disagree. Axes carry units; hovering a bar
//! or point shows its exact value; each chart tells screen readers its numbers.

use egui::{Color32, Rangef, Sense, Stroke, Ui, vec2};
use egui_plot::{
    AxisHints, Bar, BarChart, HLine, HoverPosition, Line, LineStyle, Plot, PlotPoints,
};

use super::super::theme;
use crate::i18n::Language;
use crate::plan::Plan;
use crate::report::charts::{axis_step, charts};
use crate::report::{Chart, ChartId, ChartKind, Series};
use crate::tracking::State;

/// Category labels closer than this (points apart) are left out; `egui_plot`'s default for an x
/// axis (60) hides the month names of a year on any window narrower than a projector.
pub(super) const CATEGORY_SPACING: Rangef = Rangef {
    min: 30.0,
    max: 36.0,
};

/// The room a category label needs, in points: "Mar" and a gap.
const CATEGORY_LABEL_ROOM: f64 = 40.0;

/// The charts of `plan`; `large` for the Charts tab (taller, the full width of the window).
pub fn show(ui: &mut Ui, language: Language, currency: &str, plan: &Plan, large: bool) {
    let height = if large {
        theme::PLOT_HEIGHT * 1.6
    } else {
        theme::PLOT_HEIGHT
    };
    for chart in charts(plan, language) {
        ui.add_space(theme::SECTION_SPACE);
        ui.label(egui::RichText::new(chart.title).strong());
        let height = match chart.id {
            ChartId::LeadsPerMonth | ChartId::CustomersPerMonth => height,
            ChartId::Funnel
            | ChartId::LeadMix
            | ChartId::SalesCompliance
            | ChartId::Attempts
            | ChartId::Acceptance => height * 0.8,
        };
        draw(ui, &chart, language, currency, height);
    }
}

/// The leads per month alone (meeting mode's one big chart).
pub fn leads_per_month(ui: &mut Ui, language: Language, currency: &str, plan: &Plan, height: f32) {
    if let Some(chart) = charts(plan, language)
        .into_iter()
        .find(|c| c.id == ChartId::LeadsPerMonth)
    {
        draw(ui, &chart, language, currency, height);
    }
}

/// The palette entry of a chart's series: customers keep their colour on every chart, and the
/// lead mix's two shares differ clearly.
fn colour_index(chart: ChartId, series: usize) -> usize {
    match chart {
        ChartId::LeadsPerMonth | ChartId::Funnel | ChartId::SalesCompliance | ChartId::Attempts => {
            series
        }
        // Accepted in green, rejected in orange.
        ChartId::Acceptance => [2, 1][series.min(1)],
        ChartId::CustomersPerMonth => series + 1,
        ChartId::LeadMix => series * 3,
    }
}

/// Draws one chart: its bar series side by side on the left axis (a series with states in the
/// colour of each bar's state), the target as a dashed line, a line series on a right axis of
/// its own (drawn on the left axis times a round factor, so both axes show round numbers), one
/// label under each category, a legend above the plot when there is more than one key, and
/// every series' value of the category under the pointer on hover. Values that are not numbers
/// (a week without leads) get no bar.
pub(super) fn draw(
    ui: &mut Ui,
    chart: &Chart,
    language: Language,
    currency: &str,
    height: f32,
) -> egui::Response {
    let t = language.text();
    let dark = ui.visuals().dark_mode;
    let (bars, lines): (Vec<_>, Vec<_>) =
        chart.series.iter().enumerate().partition(|(_, s)| !s.line);
    let finite_max = |values: &mut dyn Iterator<Item = f64>| {
        values.filter(|v| v.is_finite()).fold(0.0, f64::max)
    };
    let target = chart.target.as_ref().map(|t| t.value);
    let bar_max = finite_max(
        &mut bars
            .iter()
            .flat_map(|(_, s)| s.values.iter().copied())
            .chain(target),
    );
    let line_max = finite_max(&mut lines.iter().flat_map(|(_, s)| s.values.iter().copied()));
    let scale = if lines.is_empty() {
        1.0
    } else {
        nice_scale(bar_max, line_max)
    };
    let keys = keys(ui, chart, language);
    if keys.len() > 1 {
        legend(ui, language, chart.title, &keys);
    }
    let bar_kind = bars.first().map_or(ChartKind::Count, |(_, s)| s.kind);
    let left_label = match (bars.as_slice(), bar_kind) {
        ([(_, only)], _) => only.name,
        // Accepted and rejected are both leads.
        _ if chart.id == ChartId::Acceptance => t.leads,
        (_, ChartKind::Share) => t.axis_share,
        (_, ChartKind::Money) => t.axis_revenue,
        (_, ChartKind::Count | ChartKind::Average) => t.axis_count,
    };
    let y_axes = y_axes(
        left_label,
        bar_kind,
        lines.first().map(|(_, s)| *s),
        scale,
        language,
        currency,
    );
    let bar_charts = bar_charts(ui, chart, &bars, language);
    let target_line = chart.target.as_ref().map(|target| {
        HLine::new(target.name, target.value)
            .color(target_colour(ui))
            .style(LineStyle::dashed_loose())
            .allow_hover(false)
    });
    let response = still_plot(chart.title, height)
        .include_y(0.0)
        .include_y(bar_max.max(line_max * scale) * 1.1)
        .x_grid_spacer(|input| category_marks(&input))
        .y_grid_spacer(|input| round_marks(input.bounds))
        .custom_x_axes(vec![category_axis(chart)])
        .custom_y_axes(y_axes)
        .label_formatter(hover_nearest(
            Along::X,
            hover_texts(chart, language, currency),
        ))
        .show(ui, |plot_ui| {
            for bar_chart in bar_charts {
                plot_ui.bar_chart(bar_chart);
            }
            for (index, series) in &lines {
                let points: PlotPoints<'_> = series
                    .values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| [i as f64, v * scale])
                    .collect();
                plot_ui.line(
                    Line::new(series.name, points)
                        .color(theme::series_color(dark, colour_index(chart.id, *index)))
                        .width(2.0)
                        .allow_hover(false),
                );
            }
            if let Some(target_line) = target_line {
                plot_ui.hline(target_line);
            }
        })
        .response;
    describe(&response, chart, language, currency);
    response
}

/// The left axis in the bars' kind; a right axis for the first line series, its values
/// divided by `scale` (the line is drawn at `scale` times its values).
fn y_axes(
    left_label: &'static str,
    bar_kind: ChartKind,
    line: Option<&Series>,
    scale: f64,
    language: Language,
    currency: &str,
) -> Vec<AxisHints<'static>> {
    let mut axes = vec![AxisHints::new_y().label(left_label).formatter({
        let currency = currency.to_owned();
        move |mark, _| bar_kind.show(mark.value, language, &currency)
    })];
    if let Some(line) = line {
        let kind = line.kind;
        let currency = currency.to_owned();
        axes.push(
            AxisHints::new_y()
                .label(line.name)
                .placement(egui_plot::HPlacement::Right)
                .formatter(move |mark, _| kind.show(mark.value / scale, language, &currency)),
        );
    }
    axes
}

/// The bars of the bar series (with their index among all series) side by side in each
/// category, 70 % of its width together.
fn bar_charts(
    ui: &Ui,
    chart: &Chart,
    bars: &[(usize, &Series)],
    language: Language,
) -> Vec<BarChart> {
    let group = 0.7;
    let width = group / bars.len().max(1) as f64;
    bars.iter()
        .enumerate()
        .flat_map(|(position, (index, series))| {
            let offset = -group / 2.0 + width * (position as f64 + 0.5);
            bar_groups(ui, chart, *index, series, language)
                .into_iter()
                .map(move |(name, colour, values)| {
                    let chart_bars: Vec<Bar> = values
                        .into_iter()
                        .map(|(i, value)| {
                            Bar::new(i as f64 + offset, value)
                                .width(width * 0.92)
                                .fill(colour)
                        })
                        .collect();
                    BarChart::new(name, chart_bars)
                        .color(colour)
                        .allow_hover(false)
                })
        })
        .collect()
}

/// The colour of a bar in `state`: kept (on track) in green, behind and far ahead in the
/// warning colour (both are a miss).
pub(super) fn state_colour(ui: &Ui, state: State) -> Color32 {
    match state {
        State::OnTrack => theme::good_color(ui.visuals().dark_mode),
        State::Behind | State::Ahead => ui.visuals().warn_fg_color,
    }
}

/// The target line in the text colour, so the colours stay for the bars and their states.
fn target_colour(ui: &Ui) -> Color32 {
    ui.visuals().strong_text_color()
}

/// The legend's keys: each series without states in its colour, each state the bars have,
/// then the target line.
fn keys(ui: &Ui, chart: &Chart, language: Language) -> Vec<Key> {
    let dark = ui.visuals().dark_mode;
    let mut keys: Vec<Key> = chart
        .series
        .iter()
        .enumerate()
        .filter(|(_, s)| s.states.is_empty())
        .map(|(index, s)| Key {
            name: s.name.to_owned(),
            colour: theme::series_color(dark, colour_index(chart.id, index)),
            mark: if s.line { Mark::Line } else { Mark::Bar },
        })
        .collect();
    keys.extend(chart.states().into_iter().map(|state| Key {
        name: chart.state_name(state, language).to_owned(),
        colour: state_colour(ui, state),
        mark: Mark::Bar,
    }));
    if let Some(target) = &chart.target {
        keys.push(Key {
            name: target.name.to_owned(),
            colour: target_colour(ui),
            mark: Mark::Dashed,
        });
    }
    keys
}

/// Bars of one colour: their name in the legend, their colour, and each bar's category and
/// value.
type BarGroup = (&'static str, Color32, Vec<(usize, f64)>);

/// The bars of one series in groups of one colour, each a bar chart of its own name (the
/// series, or each state's name), with the category index of each bar; no bar for a value
/// that is not a number.
fn bar_groups(
    ui: &Ui,
    chart: &Chart,
    index: usize,
    series: &Series,
    language: Language,
) -> Vec<BarGroup> {
    let finite = |keep: &dyn Fn(usize) -> bool| -> Vec<(usize, f64)> {
        series
            .values
            .iter()
            .enumerate()
            .filter(|(i, v)| v.is_finite() && keep(*i))
            .map(|(i, v)| (i, *v))
            .collect()
    };
    if series.states.is_empty() {
        let colour = theme::series_color(ui.visuals().dark_mode, colour_index(chart.id, index));
        return vec![(series.name, colour, finite(&|_| true))];
    }
    chart
        .states()
        .into_iter()
        .map(|state| {
            (
                chart.state_name(state, language),
                state_colour(ui, state),
                finite(&|i| series.states.get(i) == Some(&state)),
            )
        })
        .collect()
}

/// The x axis: each category's label under its bars, in two short lines.
fn category_axis(chart: &Chart) -> AxisHints<'static> {
    let labels = chart.labels.clone();
    AxisHints::new_x()
        .label_spacing(CATEGORY_SPACING)
        .formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels
                    .get(i as usize)
                    .map_or_else(String::new, |l| two_lines(l))
            } else {
                String::new()
            }
        })
}

/// The hover text of each category: its label, every series' value there with its note (the
/// reasons for rejections), and the target.
fn hover_texts(chart: &Chart, language: Language, currency: &str) -> Vec<(f64, String)> {
    chart
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut lines = vec![label.clone()];
            lines.extend(chart.series.iter().filter_map(|s| {
                let value = s.values.get(i).filter(|v| v.is_finite())?;
                let note = s
                    .notes
                    .get(i)
                    .filter(|n| !n.is_empty())
                    .map_or_else(String::new, |n| format!("\n{n}"));
                Some(format!(
                    "{}: {}{note}",
                    s.name,
                    s.kind.show(*value, language, currency)
                ))
            }));
            if let Some(target) = &chart.target {
                lines.push(format!(
                    "{}: {}",
                    target.name,
                    chart.show_target(language, currency)
                ));
            }
            (i as f64, lines.join("\n"))
        })
        .collect()
}

/// How a legend key shows its series: a square for bars, a stroke for lines (dashed or
/// dotted as the line is), a marker for points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    Bar,
    Line,
    Dashed,
    Dotted,
    Dot,
    Up,
    Down,
}

/// One entry of a legend: the series' name and the colour and mark it is drawn with.
pub(super) struct Key {
    pub name: String,
    pub colour: Color32,
    pub mark: Mark,
}

/// A legend in a row above its plot, wrapping on a narrow panel: `egui_plot`'s own legend
/// sits inside the plot, over the data (the first days of a month, the longest bars). Its
/// keys are painted with the colour and mark the plot draws; screen readers hear the names
/// as one label ("Legend: Actual, Plan"), so the series names do not repeat as widgets.
pub(super) fn legend(ui: &mut Ui, language: Language, chart: &str, keys: &[Key]) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text = ui.visuals().text_color();
    let row = ui.horizontal_wrapped(|ui| {
        for key in keys {
            let galley = ui
                .painter()
                .layout_no_wrap(key.name.clone(), font.clone(), text);
            let swatch = 14.0;
            let (rect, _) = ui.allocate_exact_size(
                vec2(swatch + 4.0 + galley.size().x, galley.size().y.max(swatch)),
                Sense::hover(),
            );
            let mark = egui::Rect::from_center_size(
                egui::pos2(rect.left() + swatch / 2.0, rect.center().y),
                vec2(swatch, swatch),
            );
            paint_mark(ui.painter(), mark, key);
            ui.painter().galley(
                egui::pos2(mark.right() + 4.0, rect.center().y - galley.size().y / 2.0),
                galley,
                text,
            );
            ui.add_space(8.0);
        }
    });
    let names: Vec<&str> = keys.iter().map(|k| k.name.as_str()).collect();
    let label = format!("{}: {}", language.text().chart_legend, names.join(", "));
    ui.interact(
        row.response.rect,
        ui.scope_id().with(("legend", chart)),
        Sense::hover(),
    )
    .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &label));
}

/// Paints a legend key's mark in `rect`.
fn paint_mark(painter: &egui::Painter, rect: egui::Rect, key: &Key) {
    let stroke = Stroke::new(2.0, key.colour);
    let (left, right) = (rect.left_center(), rect.right_center());
    match key.mark {
        Mark::Bar => {
            painter.rect_filled(rect.shrink(1.0), 2.0, key.colour);
        }
        Mark::Line => {
            painter.line_segment([left, right], stroke);
        }
        Mark::Dashed => {
            painter.extend(egui::Shape::dashed_line(&[left, right], stroke, 4.0, 3.0));
        }
        Mark::Dotted => {
            painter.extend(egui::Shape::dotted_line(
                &[left, right],
                key.colour,
                3.0,
                1.2,
            ));
        }
        Mark::Dot => {
            painter.circle_filled(rect.center(), 4.0, key.colour);
        }
        Mark::Up | Mark::Down => {
            let (tip, base) = if key.mark == Mark::Up {
                (rect.center_top(), rect.bottom())
            } else {
                (rect.center_bottom(), rect.top())
            };
            let points = vec![
                tip + vec2(0.0, if key.mark == Mark::Up { 2.0 } else { -2.0 }),
                egui::pos2(rect.left() + 2.0, base),
                egui::pos2(rect.right() - 2.0, base),
            ];
            painter.add(egui::Shape::convex_polygon(
                points,
                key.colour,
                Stroke::NONE,
            ));
        }
    }
}

/// Which coordinate of the pointer picks the hovered category: x for columns and days, y for
/// the tornado's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Along {
    X,
    Y,
}

/// A hover text for a plot: the text of the category nearest the pointer (every series'
/// value there), wherever over the plot the pointer is, not only on a bar's top or a line's
/// point. The texts are shown in `egui_plot`'s tooltip, a label screen readers can read too.
pub(super) fn hover_nearest(
    along: Along,
    texts: Vec<(f64, String)>,
) -> impl Fn(&HoverPosition<'_>) -> Option<String> {
    move |position| {
        let at = match position {
            HoverPosition::NearDataPoint { position, .. }
            | HoverPosition::Elsewhere { position } => match along {
                Along::X => position.x,
                Along::Y => position.y,
            },
        };
        texts
            .iter()
            .min_by(|a, b| (a.0 - at).abs().total_cmp(&(b.0 - at).abs()))
            .map(|(_, text)| text.clone())
    }
}

/// Gives a chart its text alternative for screen readers: the same description the exported
/// image carries.
fn describe(response: &egui::Response, chart: &Chart, language: Language, currency: &str) {
    let description = chart.description(language, currency);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description)
    });
}

/// A chart that stays put: scrolling the panel over it must scroll the panel, not the chart.
pub(super) fn still_plot(id: &str, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
}

/// An axis label short enough to sit under its bars; hovering shows the full name.
fn shorten(name: &str) -> String {
    shorten_to(name, 12)
}

/// `name` in at most `max_chars` characters, the cut marked with "…".
pub(super) fn shorten_to(name: &str, max_chars: usize) -> String {
    if name.chars().count() <= max_chars {
        name.to_owned()
    } else {
        let kept: String = name.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    }
}

/// A category label in at most two short lines ("Jan 2027" as "Jan" over "2027", "Demo
/// requests" as "Demo" over "requests"), so it fits under its bar where one line would not and
/// `egui_plot` would leave it out.
pub(super) fn two_lines(label: &str) -> String {
    match label.split_once(' ') {
        Some((first, rest)) => format!("{}\n{}", shorten(first), shorten(rest.trim())),
        None => shorten(label),
    }
}

/// A grid line under every bar, and a label under every bar or every second, third … where
/// the bars are too close for each to have one (the narrow results panel): those marks get
/// a step of that many bars, so `egui_plot` labels them and leaves the others unlabelled.
pub(super) fn category_marks(input: &egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    // `base_step_size` is what 8 points (the plot's minimum grid spacing) are worth.
    let points_per_bar = 8.0 / input.base_step_size.max(f64::MIN_POSITIVE);
    let every = [1, 2, 3, 4, 6, 12]
        .into_iter()
        .find(|k| f64::from(*k) * points_per_bar >= CATEGORY_LABEL_ROOM)
        .unwrap_or(12);
    one_mark_per_bar(input.bounds)
        .into_iter()
        .map(|mark| {
            let labelled = (mark.value as i64) % i64::from(every) == 0;
            egui_plot::GridMark {
                step_size: if labelled { f64::from(every) } else { 1.0 },
                ..mark
            }
        })
        .collect()
}

/// A grid line (and so an axis label) at every whole number: one per source.
pub(super) fn one_mark_per_bar((min, max): (f64, f64)) -> Vec<egui_plot::GridMark> {
    let first = min.ceil().max(0.0) as i64;
    let last = max.floor().max(0.0) as i64;
    (first..=last)
        .map(|i| egui_plot::GridMark {
            value: i as f64,
            step_size: 1.0,
        })
        .collect()
}

/// Grid lines (and axis labels) at the round steps of [`axis_step`] (0, 20, 40 … for a chart
/// up to 130), about four of them, the same steps as the exported SVG. `egui_plot`'s own
/// spacing knows only powers of ten, so it showed 0 and 100 alone or a label every 10.
pub(super) fn round_marks((min, max): (f64, f64)) -> Vec<egui_plot::GridMark> {
    let step = axis_step(max - min);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last)
        .map(|i| egui_plot::GridMark {
            value: i as f64 * step,
            step_size: step,
        })
        .collect()
}

/// A round factor (1, 2 or 5 × 10ⁿ) from money to counts, so the revenue line fills the chart
/// without rising above the tallest bar. Only these mantissas keep the money axis round: the
/// count axis has ticks at 1, 2 or 5 × 10ᵏ, and such a tick divided by 3 × 10ⁿ would read
/// €66,667.
fn nice_scale(max_count: f64, max_revenue: f64) -> f64 {
    if !(max_count > 0.0 && max_revenue > 0.0) {
        return 1.0;
    }
    let raw = max_count / max_revenue;
    let power = 10f64.powf(raw.log10().floor());
    let mantissa = [5.0, 2.0, 1.0]
        .into_iter()
        .find(|m| m * power <= raw)
        .unwrap_or(1.0);
    mantissa * power
}

#[cfg(test)]
mod tests {
    use super::nice_scale;

    #[test]
    fn long_names_are_shortened_for_the_axis() {
        assert_eq!(super::shorten("Webinars"), "Webinars");
        assert_eq!(super::shorten("Whitepaper downloads"), "Whitepaper…");
    }

    #[test]
    fn category_labels_take_two_lines() {
        assert_eq!(super::two_lines("Jan 2027"), "Jan\n2027");
        assert_eq!(super::two_lines("Feb"), "Feb");
        assert_eq!(
            super::two_lines("Whitepaper downloads from partners"),
            "Whitepaper\ndownloads f…"
        );
    }

    #[test]
    fn the_revenue_scale_is_round() {
        // 119 leads against €260,000: 0.000458 → 0.0002, so 100 leads ↔ €500,000.
        assert!((nice_scale(119.0, 260_000.0) - 0.0002).abs() < 1e-12);
        // The example's customers against its revenue: ticks of 1, 2, 5 customers read as
        // round amounts (the axis showed €66,667 with a factor of 3 × 10⁻⁵).
        for (count, money) in [(5.0, 333_333.0), (7.0, 1_234_567.0), (3.0, 95.0)] {
            let per_unit = 1.0 / nice_scale(count, money);
            let mantissa = per_unit / 10f64.powf(per_unit.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-9),
                "{count} against {money}: {per_unit}"
            );
        }
        assert!((nice_scale(10.0, 10.0) - 1.0).abs() < 1e-12);
        assert!((nice_scale(0.0, 10.0) - 1.0).abs() < 1e-12);
    }
}
