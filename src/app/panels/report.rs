//! Tab 3, the report: the targets both teams will be tracked against, per month and per ISO
//! week. Tracking actuals (CRM import, the hug-the-line chart, the monthly review) comes next.

use egui::{Grid, RichText, Ui};

use super::super::widgets::{header_row, number_cell};
use super::section;
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::plan::funnel::whole_parts;
use crate::plan::{Plan, Problem};

pub fn show(ui: &mut Ui, language: Language, currency: &str, plan: &Result<Plan, Vec<Problem>>) {
    let t = language.text();
    let n = language.numbers();
    section(ui, t.report_title, t.report_coming);
    let Ok(plan) = plan else {
        ui.label(t.fix_inputs_first);
        return;
    };
    let per_day = |v: Option<f64>| v.map_or(NO_NUMBER.to_owned(), |v| n.fixed(v, 1));
    let whole = |parts: Vec<f64>| -> Vec<String> {
        whole_parts(&parts)
            .iter()
            .map(|w| n.decimal(*w, 0))
            .collect()
    };
    section(ui, t.targets_per_month, t.targets_note);
    let customers = whole(plan.months.iter().map(|m| m.customers).collect());
    let leads = whole(plan.months.iter().map(|m| m.leads).collect());
    // Wider than the tab on a small screen or zoomed in, the table scrolls sideways with the
    // whole tab (its scroll bar stays in view, not under the last row).
    Grid::new("months")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            header_row(
                ui,
                &[
                    t.month,
                    t.working_days,
                    t.revenue,
                    t.marketing_revenue,
                    t.customers,
                    t.leads,
                    t.lead_value,
                    t.leads_per_day,
                ],
            );
            for (i, m) in plan.months.iter().enumerate() {
                ui.label(language.month(m.month));
                number_cell(ui, &m.working_days.to_string());
                number_cell(ui, &n.money(m.revenue, currency));
                number_cell(ui, &n.money(m.marketing_revenue, currency));
                number_cell(ui, &customers[i]);
                number_cell(ui, &leads[i]);
                number_cell(ui, &n.money(m.lead_value, currency));
                number_cell(ui, &per_day(m.leads_per_working_day));
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    let lag = plan.lag_months;
    let when = if lag == 0 {
        t.lead_value_same_month.to_owned()
    } else {
        fill(t.lead_value_later, &[("lag", &lag.to_string())])
    };
    ui.label(
        RichText::new(fill(
            t.lead_value_note,
            &[
                ("value", &n.money(plan.lead_value, currency)),
                ("when", &when),
            ],
        ))
        .weak(),
    );
    ui.label(RichText::new(t.counts_note).weak());
    if !plan.leads_before_period.is_empty() {
        ui.add_space(4.0);
        let months: Vec<String> = plan
            .leads_before_period
            .iter()
            .map(|m| format!("{}: {}", language.month(m.month), n.count_up(m.leads)))
            .collect();
        ui.label(fill(
            t.leads_before_period,
            &[("months", &months.join(", "))],
        ));
    }
    section(ui, t.targets_per_week, "");
    egui::CollapsingHeader::new(fill(
        t.show_weeks,
        &[("count", &plan.weeks.len().to_string())],
    ))
    .show(ui, |ui| {
        let customers = whole(plan.weeks.iter().map(|w| w.customers).collect());
        let leads = whole(plan.weeks.iter().map(|w| w.leads).collect());
        Grid::new("weeks")
            .striped(true)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                header_row(
                    ui,
                    &[
                        t.week,
                        t.starts,
                        t.working_days,
                        t.revenue,
                        t.customers,
                        t.leads,
                    ],
                );
                for (i, w) in plan.weeks.iter().enumerate() {
                    ui.label(language.week(w.week));
                    ui.label(w.starts.to_string());
                    number_cell(ui, &w.working_days.to_string());
                    number_cell(ui, &n.money(w.revenue, currency));
                    number_cell(ui, &customers[i]);
                    number_cell(ui, &leads[i]);
                    ui.end_row();
                }
            });
    });
}
