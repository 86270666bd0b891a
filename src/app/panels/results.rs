//! The results beside the tabs: the targets, how they were calculated, warnings and charts.
//! Everything here is read from the [`Plan`]; nothing is computed in the view.

use egui::{CollapsingHeader, Panel, RichText, ScrollArea, Ui};

use super::super::theme;
use super::super::widgets::result_row;
use super::View;
use super::charts;
use crate::i18n::{Language, NO_NUMBER, fill};
use chrono::NaiveDate;

use crate::plan::{MonthPlan, Plan, marketing_revenue_target};

/// Draws the results panel and returns where it is.
pub fn show(view: &View<'_>, ui: &mut Ui) -> egui::Rect {
    let language = view.language;
    let t = language.text();
    let plan = view.plan;
    let doc = &*view.doc;
    let currency = doc.currency.as_str();
    let scenario = doc.scenario(view.selected);
    if view.settings.results_hidden {
        return folded(view, ui);
    }
    // Between 30 % and 60 % of the window and at first 35 % (at most 240 points wide at its
    // narrowest), so the form keeps room on a small screen or zoomed in.
    let width = ui.available_width();
    let max = (width * 0.6).max(120.0);
    let min = (width * 0.3).min(240.0);
    let response = Panel::right("results")
        .default_size(theme::RESULTS_PANEL_WIDTH.min(width * 0.35).max(min))
        .size_range(min..=max)
        .show(ui, |ui| {
            ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(6.0);
                    let name = scenario.map_or("", |s| s.name.as_str());
                    ui.heading(fill(t.results_for, &[("scenario", name)]));
                    ui.add_space(4.0);
                    match plan {
                        Ok(plan) => {
                            figures(ui, language, currency, plan);
                            month_targets(ui, language, plan, view.today);
                            explanation(ui, language, currency, plan);
                            warnings(ui, language, plan);
                            charts::show(ui, language, currency, plan, false);
                        }
                        Err(problems) => {
                            let target = scenario
                                .and_then(|s| marketing_revenue_target(&s.assumptions, problems));
                            no_figures(ui, language, currency, target);
                            ui.add_space(6.0);
                            ui.label(RichText::new(t.fix_inputs_first).strong());
                            for problem in problems {
                                let text = language.problem_in(
                                    problem,
                                    scenario.map(|s| &s.assumptions),
                                    currency,
                                );
                                ui.label(
                                    RichText::new(format!("⚠ {text}"))
                                        .color(ui.visuals().error_fg_color),
                                );
                            }
                        }
                    }
                });
        });
    resize_grip(ui, response.response.rect);
    response.response.rect
}

/// The results folded away: a narrow strip with the button that shows them again.
fn folded(view: &View<'_>, ui: &mut Ui) -> egui::Rect {
    let t = view.language.text();
    let command = super::super::Command::ToggleResults;
    Panel::right("results folded")
        .resizable(false)
        .exact_size(40.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            let mut tip = command.label(t).to_owned();
            if let Some(shortcut) = command.shortcut() {
                tip = format!("{tip} ({})", ui.ctx().format_shortcut(&shortcut));
            }
            let button = ui.vertical_centered(|ui| ui.button("◀")).inner;
            // Named for a screen reader as the menu names it, not by its arrow.
            button.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, command.label(t))
            });
            if button.on_hover_text(&tip).clicked() {
                view.send.run(command);
            }
        })
        .response
        .rect
}

/// A visible grip on the panel's left edge, so users see that it can be made wider.
fn resize_grip(ui: &Ui, panel: egui::Rect) {
    let color = ui.visuals().widgets.inactive.fg_stroke.color;
    let center = egui::pos2(panel.left() + 1.0, panel.center().y);
    for dy in [-8.0, 0.0, 8.0] {
        ui.painter()
            .circle_filled(center + egui::vec2(0.0, dy), 1.8, color);
    }
}

/// The names of the result rows, in order; the first three are the method's headline numbers.
fn row_names(language: Language) -> [&'static str; 7] {
    let t = language.text();
    [
        t.marketing_revenue_target,
        t.customers_needed,
        t.leads_needed,
        t.value_per_lead,
        t.leads_per_month,
        t.leads_per_week,
        t.leads_per_working_day,
    ]
}

fn figures(ui: &mut Ui, language: Language, currency: &str, plan: &Plan) {
    let t = language.text();
    let n = language.numbers();
    let values = [
        n.money(plan.marketing_revenue, currency),
        n.count_up(plan.customers_needed),
        n.count_up(plan.leads_needed),
        n.money(plan.lead_value, currency),
        n.decimal(plan.leads_per_month, 1),
        n.decimal(plan.leads_per_week, 1),
        plan.leads_per_working_day
            .map_or(NO_NUMBER.to_owned(), |v| n.decimal(v, 1)),
    ];
    let tips = [
        t.tip_marketing_revenue,
        t.tip_customers,
        t.tip_leads,
        t.tip_lead_value,
        "",
        t.tip_leads_per_week,
        t.tip_leads_per_working_day,
    ];
    for (i, (name, value)) in row_names(language).iter().zip(values).enumerate() {
        result_row(ui, name, &value, i < 3, tips[i]);
    }
    ui.add_space(4.0);
    result_row(
        ui,
        t.lead_to_customer_rate,
        &format!(
            "{} ({})",
            n.fraction_as_percent(plan.lead_to_customer),
            language.basis(plan.basis)
        ),
        false,
        "",
    );
    match &plan.budget {
        Some(budget) => {
            let total = n.money(budget.total, currency);
            let total = if budget.incomplete {
                fill(t.at_least, &[("value", &total)])
            } else {
                total
            };
            result_row(ui, t.marketing_budget, &total, false, t.tip_budget);
            let per_customer = budget
                .cost_per_customer
                .map_or(NO_NUMBER.to_owned(), |v| n.money(v, currency));
            result_row(ui, t.cost_per_customer, &per_customer, false, "");
            let roms = budget
                .return_on_spend
                .map_or(NO_NUMBER.to_owned(), |v| format!("{}×", n.decimal(v, 1)));
            result_row(ui, t.return_on_spend, &roms, false, t.tip_return_on_spend);
        }
        None => {
            result_row(ui, t.marketing_budget, NO_NUMBER, false, t.tip_no_budget);
        }
    }
    match &plan.capacity {
        Some(capacity) => {
            result_row(
                ui,
                t.capacity_utilisation,
                &fill(
                    t.peak_and_average,
                    &[
                        ("peak", &n.share(capacity.peak_utilisation)),
                        ("average", &n.share(capacity.average_utilisation)),
                    ],
                ),
                false,
                t.tip_capacity,
            );
            result_row(
                ui,
                t.reps_needed,
                &capacity.reps_needed.to_string(),
                false,
                "",
            );
        }
        None => {
            result_row(
                ui,
                t.capacity_utilisation,
                NO_NUMBER,
                false,
                t.tip_no_capacity,
            );
        }
    }
}

/// The targets of the current month (or the next, before the period starts) beside the
/// averages above: a month's own target differs from the average by its seasonality and
/// working days.
fn month_targets(ui: &mut Ui, language: Language, plan: &Plan, today: NaiveDate) {
    let Some((i, current)) = plan.month_for(today) else {
        return;
    };
    let Some(month) = plan.months.get(i) else {
        return;
    };
    let t = language.text();
    let n = language.numbers();
    let name = language.month(month.month);
    let title = if current { t.this_month } else { t.next_month };
    ui.add_space(4.0);
    ui.label(RichText::new(fill(title, &[("month", &name)])).strong());
    let part =
        |count: fn(&MonthPlan) -> f64| plan.whole_per_month(count).get(i).copied().unwrap_or(0.0);
    let leads = part(|m| m.leads);
    let customers = part(|m| m.customers);
    let month_name = [("month", name.as_str())];
    result_row(
        ui,
        &fill(t.leads_in_month, &month_name),
        &n.decimal(leads, 0),
        false,
        t.tip_month_target,
    );
    result_row(
        ui,
        &fill(t.customers_in_month, &month_name),
        &n.decimal(customers, 0),
        false,
        t.tip_month_target,
    );
    let per_day = month
        .leads_per_working_day
        .map_or(NO_NUMBER.to_owned(), |v| n.decimal(v, 1));
    result_row(
        ui,
        &fill(t.leads_per_working_day_in_month, &month_name),
        &per_day,
        false,
        t.tip_month_target,
    );
}

/// Every result as "—" for a plan that cannot be made, but the marketing revenue target when
/// its own inputs are valid.
fn no_figures(ui: &mut Ui, language: Language, currency: &str, target: Option<f64>) {
    let n = language.numbers();
    for (i, name) in row_names(language).iter().enumerate() {
        let value = match (i, target) {
            (0, Some(target)) => n.money(target, currency),
            _ => NO_NUMBER.to_owned(),
        };
        result_row(ui, name, &value, i < 3, language.text().tip_no_plan);
    }
}

/// "How is this calculated?": the method's formulas with this plan's numbers.
fn explanation(ui: &mut Ui, language: Language, currency: &str, plan: &Plan) {
    ui.add_space(6.0);
    CollapsingHeader::new(language.text().how_calculated)
        .default_open(true)
        .show(ui, |ui| {
            for line in crate::i18n::explanation(language, plan, currency) {
                ui.label(line);
            }
        });
}

fn warnings(ui: &mut Ui, language: Language, plan: &Plan) {
    if plan.warnings.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(language.text().warnings).strong());
    for warning in &plan.warnings {
        ui.label(
            RichText::new(format!("⚠ {}", language.warning(warning)))
                .color(ui.visuals().warn_fg_color),
        );
    }
}
