//! The charts of the results panel: targets per month, the funnel, and the lead mix by source.
//! Axes carry units; hovering a bar or point shows its exact value.

use egui::Ui;
use egui_plot::{AxisHints, Bar, BarChart, Legend, Line, Plot, PlotPoints};

use super::super::theme;
use crate::i18n::Language;
use crate::plan::Plan;

/// The charts; `large` for the Charts tab (taller, the full width of the window).
pub fn show(ui: &mut Ui, language: Language, currency: &str, plan: &Plan, large: bool) {
    let t = language.text();
    let height = if large {
        theme::PLOT_HEIGHT * 1.6
    } else {
        theme::PLOT_HEIGHT
    };
    let title = |ui: &mut Ui, text: &str| {
        ui.add_space(theme::SECTION_SPACE);
        ui.label(egui::RichText::new(text).strong());
    };
    let n = language.numbers();
    let months = |values: Vec<f64>| -> String {
        plan.months
            .iter()
            .zip(values)
            .map(|(m, v)| format!("{} {}", language.month(m.month), n.decimal(v, 0)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    title(ui, t.chart_leads_per_month);
    let leads = months(plan.whole_per_month(|m| m.leads));
    describe(
        &leads_per_month(ui, language, plan, height),
        t.chart_leads_per_month,
        &leads,
    );
    title(ui, t.chart_customers_per_month);
    let customers = months(plan.whole_per_month(|m| m.customers));
    describe(
        &customers_and_revenue(ui, language, currency, plan, height),
        t.chart_customers_per_month,
        &customers,
    );
    if !plan.stages.is_empty() {
        title(ui, t.chart_funnel);
        let stages: Vec<String> = plan
            .stages
            .iter()
            .map(|s| format!("{} {}", s.name, n.count_up(s.volume)))
            .collect();
        describe(
            &funnel(ui, language, plan, height * 0.8),
            t.chart_funnel,
            &stages.join(", "),
        );
    }
    if !plan.sources.is_empty() {
        title(ui, t.chart_sources);
        let sources: Vec<String> = plan
            .sources
            .iter()
            .map(|s| format!("{} {}", s.name, n.share(s.share)))
            .collect();
        describe(
            &lead_mix(ui, language, currency, plan, height * 0.8),
            t.chart_sources,
            &sources.join(", "),
        );
    }
}

/// Gives a chart a text alternative for screen readers: its title and its numbers.
fn describe(response: &egui::Response, title: &str, numbers: &str) {
    let description = format!("{title}: {numbers}");
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
pub(super) fn shorten(name: &str) -> String {
    const MAX_CHARS: usize = 12;
    if name.chars().count() <= MAX_CHARS {
        name.to_owned()
    } else {
        let kept: String = name.chars().take(MAX_CHARS - 1).collect();
        format!("{}…", kept.trim_end())
    }
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

/// The month names under the bars, and the formatter that puts one under each bar.
fn month_axis(language: Language, plan: &Plan) -> (Vec<String>, AxisHints<'static>) {
    let months: Vec<String> = plan
        .months
        .iter()
        .map(|m| language.month(m.month))
        .collect();
    let labels: Vec<String> = plan
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| language.month_short(m.month, i == 0))
        .collect();
    let axis = AxisHints::new_x().formatter(move |mark, _| {
        let i = mark.value.round();
        if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
            labels.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    });
    (months, axis)
}

/// Each month's lead target as a bar: the whole targets of the Report tab.
pub(super) fn leads_per_month(
    ui: &mut Ui,
    language: Language,
    plan: &Plan,
    height: f32,
) -> egui::Response {
    let t = language.text();
    let n = language.numbers();
    let dark = ui.visuals().dark_mode;
    let (months, x_axis) = month_axis(language, plan);
    let targets = plan.whole_per_month(|m| m.leads);
    let max = targets.iter().copied().fold(0.0, f64::max);
    let bars: Vec<Bar> = targets
        .iter()
        .enumerate()
        .map(|(i, leads)| {
            Bar::new(i as f64, *leads)
                .width(0.7)
                .fill(theme::series_color(dark, 0))
                .name(months.get(i).map_or("", String::as_str))
        })
        .collect();
    let leads_name = t.leads;
    still_plot("leads per month", height)
        .include_y(0.0)
        .include_y(max * 1.1)
        .x_grid_spacer(|input| one_mark_per_bar(input.bounds))
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(t.leads)
                .formatter(move |mark, _| n.decimal(mark.value, 0)),
        ])
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(leads_name, bars)
                    .color(theme::series_color(dark, 0))
                    .element_formatter(Box::new(move |bar, _| {
                        format!("{}\n{leads_name}: {}", bar.name, n.decimal(bar.value, 0))
                    })),
            );
        })
        .response
}

/// Customers as bars on their own count axis (left), so six a month stay readable, and
/// revenue as a line labelled in money on the right axis.
fn customers_and_revenue(
    ui: &mut Ui,
    language: Language,
    currency: &str,
    plan: &Plan,
    height: f32,
) -> egui::Response {
    let t = language.text();
    let n = language.numbers();
    let dark = ui.visuals().dark_mode;
    let (months, x_axis) = month_axis(language, plan);
    let targets = plan.whole_per_month(|m| m.customers);
    let max_count = targets.iter().copied().fold(0.0, f64::max);
    let max_revenue = plan.months.iter().map(|m| m.revenue).fold(0.0, f64::max);
    // Revenue is drawn on the count axis times `scale`; the right axis divides it out again.
    let scale = nice_scale(max_count, max_revenue);
    let customers: Vec<Bar> = targets
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Bar::new(i as f64, *c)
                .width(0.6)
                .fill(theme::series_color(dark, 1))
                .name(months.get(i).map_or("", String::as_str))
        })
        .collect();
    let revenue: PlotPoints<'_> = plan
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| [i as f64, m.revenue * scale])
        .collect();
    let money = move |v: f64| n.money(v, currency);
    let customers_name = t.customers;
    still_plot("customers per month", height)
        // The legend sits in the head room above the tallest bar, never over the data.
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .include_y(0.0)
        .include_y(max_count * 1.45)
        .x_grid_spacer(|input| one_mark_per_bar(input.bounds))
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(t.customers)
                .formatter(move |mark, _| n.decimal(mark.value, 0)),
            AxisHints::new_y()
                .label(t.axis_revenue)
                .placement(egui_plot::HPlacement::Right)
                .formatter(move |mark, _| money(mark.value / scale)),
        ])
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                index,
            } => {
                let month = months.get(*index).map_or("", String::as_str);
                Some(format!(
                    "{month}\n{plot_name}: {}",
                    money(position.y / scale)
                ))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(customers_name, customers)
                    .color(theme::series_color(dark, 1))
                    .element_formatter(Box::new(move |bar, _| {
                        format!(
                            "{}\n{customers_name}: {}",
                            bar.name,
                            n.decimal(bar.value, 0)
                        )
                    })),
            );
            plot.line(
                Line::new(t.revenue, revenue)
                    .color(theme::series_color(dark, 2))
                    .width(2.0),
            );
        })
        .response
}

/// Volume per funnel stage, largest at the top, as horizontal bars.
fn funnel(ui: &mut Ui, language: Language, plan: &Plan, height: f32) -> egui::Response {
    let t = language.text();
    let n = language.numbers();
    let dark = ui.visuals().dark_mode;
    let count = plan.stages.len();
    let names: Vec<String> = plan.stages.iter().map(|s| s.name.clone()).collect();
    let bars: Vec<Bar> = plan
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            Bar::new((count - i) as f64, stage.volume)
                .name(&stage.name)
                .width(0.7)
                .fill(theme::series_color(dark, 0))
        })
        .chain(std::iter::once(
            Bar::new(0.0, plan.customers_needed)
                .name(t.customers)
                .width(0.7)
                .fill(theme::series_color(dark, 1)),
        ))
        .collect();
    let volume_name = t.volume;
    still_plot("funnel", height)
        .include_x(0.0)
        .show_axes([true, true])
        .custom_y_axes(vec![AxisHints::new_y().formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 || i as usize > count {
                return String::new();
            }
            if i == 0.0 {
                return t.customers.to_owned();
            }
            names.get(count - i as usize).cloned().unwrap_or_default()
        })])
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(t.axis_count)
                .formatter(move |mark, _| n.decimal(mark.value, 0)),
        ])
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(volume_name, bars)
                    .horizontal()
                    .color(theme::series_color(dark, 0))
                    .element_formatter(Box::new(move |bar, _| {
                        format!("{}: {}", bar.name, n.count_up(bar.value))
                    })),
            );
        })
        .response
}

/// Each source's share of the leads next to its share of the lead value: cheap leads that
/// rarely close show up as a tall first bar and a short second one.
fn lead_mix(
    ui: &mut Ui,
    language: Language,
    currency: &str,
    plan: &Plan,
    height: f32,
) -> egui::Response {
    let t = language.text();
    let n = language.numbers();
    let dark = ui.visuals().dark_mode;
    let total_value: f64 = plan.sources.iter().map(|s| s.value).sum();
    let names: Vec<String> = plan.sources.iter().map(|s| s.name.clone()).collect();
    let count_bars: Vec<Bar> = plan
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Bar::new(i as f64 - 0.2, s.share * 100.0)
                .width(0.38)
                .fill(theme::series_color(dark, 0))
                .name(format!(
                    "{}: {} {}",
                    s.name,
                    n.count_up(s.leads),
                    t.leads.to_lowercase()
                ))
        })
        .collect();
    let value_bars: Vec<Bar> = plan
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let share = if total_value > 0.0 {
                s.value / total_value * 100.0
            } else {
                0.0
            };
            Bar::new(i as f64 + 0.2, share)
                .width(0.38)
                .fill(theme::series_color(dark, 3))
                .name(format!("{}: {}", s.name, n.money(s.value, currency)))
        })
        .collect();
    still_plot("lead mix", height)
        .legend(Legend::default())
        .x_grid_spacer(|input| one_mark_per_bar(input.bounds))
        .include_y(0.0)
        .include_y(140.0)
        .custom_x_axes(vec![AxisHints::new_x().formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).map_or(String::new(), |n| shorten(n))
            } else {
                String::new()
            }
        })])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(t.axis_share)
                .formatter(move |mark, _| n.percent(mark.value)),
        ])
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(t.share_of_leads, count_bars)
                    .color(theme::series_color(dark, 0))
                    .element_formatter(Box::new(move |bar, _| {
                        format!("{}\n{}", bar.name, n.percent(bar.value))
                    })),
            );
            plot.bar_chart(
                BarChart::new(t.share_of_value, value_bars)
                    .color(theme::series_color(dark, 3))
                    .element_formatter(Box::new(move |bar, _| {
                        format!("{}\n{}", bar.name, n.percent(bar.value))
                    })),
            );
        })
        .response
}

/// A round factor (1 to 8 × 10ⁿ) from money to counts, so the revenue line fills the chart
/// without rising above the tallest bar and the money axis shows round amounts.
fn nice_scale(max_count: f64, max_revenue: f64) -> f64 {
    if !(max_count > 0.0 && max_revenue > 0.0) {
        return 1.0;
    }
    let raw = max_count / max_revenue;
    let power = 10f64.powf(raw.log10().floor());
    let mantissa = [8.0, 6.0, 5.0, 4.0, 3.0, 2.5, 2.0, 1.5, 1.0]
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
    fn the_revenue_scale_is_round() {
        // 119 leads against €260,000: 0.000458 → 0.0004, so 100 leads ↔ €250,000.
        assert!((nice_scale(119.0, 260_000.0) - 0.0004).abs() < 1e-12);
        assert!((nice_scale(10.0, 10.0) - 1.0).abs() < 1e-12);
        assert!((nice_scale(0.0, 10.0) - 1.0).abs() < 1e-12);
    }
}
