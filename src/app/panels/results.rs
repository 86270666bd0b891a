//! The results beside the tabs: the targets, how they were calculated, warnings and charts.
//! Everything here is read from the [`Plan`]; nothing is computed in the view.

use egui::{CollapsingHeader, Panel, RichText, ScrollArea, Ui};

use super::super::theme;
use super::super::widgets::result_row;
use super::View;
use super::charts;
use crate::i18n::{Language, NO_NUMBER, fill};
use chrono::NaiveDate;

use crate::plan::{Plan, marketing_revenue_target};
use crate::report::{self, Figure, FigureId};

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
                            let figures = [
                                report::figures(plan, language),
                                report::resources(plan, language),
                            ]
                            .concat();
                            figure_rows(ui, language, currency, &figures);
                            month_targets(ui, language, currency, plan, view.today);
                            explanation(ui, language, currency, plan);
                            warnings(ui, language, plan);
                            charts::show(ui, language, currency, plan, false);
                        }
                        Err(problems) => {
                            let target = scenario
                                .and_then(|s| marketing_revenue_target(&s.assumptions, problems));
                            let figures = report::figures_without_plan(target, language);
                            for figure in &figures {
                                let value = figure.value.show(language, currency);
                                let strong = ROWS[..3].contains(&figure.id);
                                result_row(ui, &figure.label, &value, strong, t.tip_no_plan);
                            }
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

/// The rows of the results panel, in order, each with its hover text: step 1's results (the
/// first three, the method's headline numbers, stand out), then the rate, budget and capacity.
/// The inputs the form beside the panel shows (period, revenue goal, deal size) are left out.
const ROWS: [FigureId; 13] = [
    FigureId::MarketingRevenue,
    FigureId::Customers,
    FigureId::Leads,
    FigureId::LeadValue,
    FigureId::LeadsPerMonth,
    FigureId::LeadsPerWeek,
    FigureId::LeadsPerWorkingDay,
    FigureId::LeadToCustomer,
    FigureId::Budget,
    FigureId::CostPerCustomer,
    FigureId::ReturnOnSpend,
    FigureId::Capacity,
    FigureId::RepsNeeded,
];

/// What hovering a figure explains; empty for a figure that needs no explanation.
fn tip(language: Language, id: FigureId) -> &'static str {
    let t = language.text();
    match id {
        FigureId::MarketingRevenue => t.tip_marketing_revenue,
        FigureId::Customers => t.tip_customers,
        FigureId::Leads => t.tip_leads,
        FigureId::LeadValue => t.tip_lead_value,
        FigureId::LeadsPerWeek => t.tip_leads_per_week,
        FigureId::LeadsPerWorkingDay => t.tip_leads_per_working_day,
        FigureId::Budget => t.tip_budget,
        FigureId::ReturnOnSpend => t.tip_return_on_spend,
        FigureId::Capacity => t.tip_capacity,
        FigureId::MonthLeads | FigureId::MonthCustomers | FigureId::MonthLeadsPerWorkingDay => {
            t.tip_month_target
        }
        _ => "",
    }
}

/// Draws `figures` (of the report model) as result rows in the panel's order; a budget or a
/// capacity the scenario does not plan shows "—" with what it takes to plan one.
fn figure_rows(ui: &mut Ui, language: Language, currency: &str, figures: &[Figure]) {
    let t = language.text();
    for (i, id) in ROWS.iter().enumerate() {
        if *id == FigureId::LeadToCustomer {
            ui.add_space(4.0);
        }
        match figures.iter().find(|f| f.id == *id) {
            Some(figure) => {
                let value = figure.value.show(language, currency);
                result_row(ui, &figure.label, &value, i < 3, tip(language, *id));
            }
            None if *id == FigureId::Budget => {
                result_row(ui, t.marketing_budget, NO_NUMBER, false, t.tip_no_budget);
            }
            None if *id == FigureId::Capacity => {
                result_row(
                    ui,
                    t.capacity_utilisation,
                    NO_NUMBER,
                    false,
                    t.tip_no_capacity,
                );
            }
            None => {}
        }
    }
}

/// The targets of the current month (or the next, before the period starts) beside the
/// averages above (`report::month_targets`).
fn month_targets(ui: &mut Ui, language: Language, currency: &str, plan: &Plan, today: NaiveDate) {
    let Some(month) = report::month_targets(plan, today, language) else {
        return;
    };
    ui.add_space(4.0);
    ui.label(RichText::new(&month.title).strong());
    for figure in &month.figures {
        let value = figure.value.show(language, currency);
        result_row(ui, &figure.label, &value, false, tip(language, figure.id));
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
