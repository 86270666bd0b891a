//! The report's figures, tables and notes: the one place that says which columns there are.

use super::{Cell, Column, Figure, Table};
use crate::i18n::{Language, fill};
use crate::plan::Plan;
use crate::plan::funnel::whole_parts;

/// Counts as cells: each exact number with its whole target (`whole_parts`), so the targets
/// of the months (or weeks) add up to the rounded-up total.
fn counts(exact: &[f64]) -> Vec<Cell> {
    exact
        .iter()
        .zip(whole_parts(exact))
        .map(|(exact, whole)| Cell::Count {
            exact: *exact,
            whole,
        })
        .collect()
}

/// A total count: exact, and rounded up.
fn total(exact: f64) -> Cell {
    Cell::Count {
        exact,
        whole: crate::plan::funnel::whole_up(exact),
    }
}

fn optional(value: Option<f64>, decimals: usize) -> Cell {
    value.map_or(Cell::Missing, |value| Cell::Decimal { value, decimals })
}

const fn text(label: &'static str) -> Column {
    Column {
        label,
        numeric: false,
    }
}

const fn number(label: &'static str) -> Column {
    Column {
        label,
        numeric: true,
    }
}

/// The period and the reverse funnel of step 1.
pub fn figures(plan: &Plan, language: Language) -> Vec<Figure> {
    let t = language.text();
    let month = |m: Option<&crate::plan::MonthPlan>| m.map(|m| language.month(m.month));
    let period = fill(
        t.period_summary,
        &[
            ("from", &month(plan.months.first()).unwrap_or_default()),
            ("to", &month(plan.months.last()).unwrap_or_default()),
            ("months", &plan.months.len().to_string()),
            ("days", &plan.working_days.to_string()),
        ],
    );
    let rate = format!(
        "{} ({})",
        language
            .numbers()
            .fraction_as_percent(plan.lead_to_customer),
        language.basis(plan.basis)
    );
    let figure = |label, value| Figure { label, value };
    vec![
        figure(t.period, Cell::Text(period)),
        figure(t.revenue_goal, Cell::Money(plan.revenue)),
        figure(
            t.marketing_revenue_target,
            Cell::Money(plan.marketing_revenue),
        ),
        figure(t.average_deal_size, Cell::Money(plan.average_deal_size)),
        figure(t.lead_to_customer_rate, Cell::Text(rate)),
        figure(t.customers_needed, total(plan.customers_needed)),
        figure(t.leads_needed, total(plan.leads_needed)),
        figure(t.value_per_lead, Cell::Money(plan.lead_value)),
        figure(t.leads_per_month, Cell::Average(plan.leads_per_month)),
        figure(t.leads_per_week, Cell::Average(plan.leads_per_week)),
        figure(
            t.leads_per_working_day,
            plan.leads_per_working_day
                .map_or(Cell::Missing, Cell::Average),
        ),
    ]
}

/// The targets per month that both teams report against.
pub fn months(plan: &Plan, language: Language) -> Table {
    let t = language.text();
    let customers = counts(&plan.months.iter().map(|m| m.customers).collect::<Vec<_>>());
    let leads = counts(&plan.months.iter().map(|m| m.leads).collect::<Vec<_>>());
    let rows = plan
        .months
        .iter()
        .zip(customers.into_iter().zip(leads))
        .map(|(m, (customers, leads))| {
            vec![
                Cell::Month(m.month),
                Cell::Whole(m.working_days),
                Cell::Money(m.revenue),
                Cell::Money(m.marketing_revenue),
                customers,
                leads,
                Cell::Money(m.lead_value),
                optional(m.leads_per_working_day, 1),
            ]
        })
        .collect();
    Table {
        title: t.targets_per_month,
        note: t.targets_note,
        columns: vec![
            text(t.month),
            number(t.working_days),
            number(t.revenue),
            number(t.marketing_revenue),
            number(t.customers),
            number(t.leads),
            number(t.lead_value),
            number(t.leads_per_day),
        ],
        rows,
    }
}

/// What the month table's numbers mean.
pub fn month_notes(plan: &Plan, currency: &str, language: Language) -> Vec<String> {
    let t = language.text();
    let n = language.numbers();
    let note = if plan.lag.single().is_some() {
        t.lead_value_note
    } else {
        t.lead_value_note_spread
    };
    vec![
        fill(
            note,
            &[
                ("value", &n.money(plan.lead_value, currency)),
                ("when", &language.lag_words(&plan.lag)),
            ],
        ),
        t.counts_note.to_owned(),
    ]
}

/// "Leads needed before the period starts: November 2026: 92, …", with a sales-cycle lag.
pub fn leads_before_period(plan: &Plan, language: Language) -> Option<String> {
    if plan.leads_before_period.is_empty() {
        return None;
    }
    let n = language.numbers();
    let months: Vec<String> = plan
        .leads_before_period
        .iter()
        .zip(plan.whole_leads_before_period())
        .map(|(m, whole)| format!("{}: {}", language.month(m.month), n.decimal(whole, 0)))
        .collect();
    Some(fill(
        language.text().leads_before_period,
        &[("months", &months.join(", "))],
    ))
}

/// The targets per ISO week: each month's figures spread over its working days.
pub fn weeks(plan: &Plan, language: Language) -> Table {
    let t = language.text();
    let customers = counts(&plan.weeks.iter().map(|w| w.customers).collect::<Vec<_>>());
    let leads = counts(&plan.weeks.iter().map(|w| w.leads).collect::<Vec<_>>());
    let rows = plan
        .weeks
        .iter()
        .zip(customers.into_iter().zip(leads))
        .map(|(w, (customers, leads))| {
            vec![
                Cell::Week {
                    iso_year: w.iso_year,
                    week: w.week,
                },
                Cell::Date(w.starts),
                Cell::Whole(w.working_days),
                Cell::Money(w.revenue),
                customers,
                leads,
            ]
        })
        .collect();
    Table {
        title: t.targets_per_week,
        note: "",
        columns: vec![
            text(t.week),
            text(t.starts),
            number(t.working_days),
            number(t.revenue),
            number(t.customers),
            number(t.leads),
        ],
        rows,
    }
}

/// The volume each funnel stage must pass, when stages are in force.
pub fn stages(plan: &Plan, language: Language) -> Option<Table> {
    if plan.stages.is_empty() {
        return None;
    }
    let t = language.text();
    Some(Table {
        title: t.funnel_stages,
        note: "",
        columns: vec![text(t.stage), number(t.rate_to_next), number(t.volume)],
        rows: plan
            .stages
            .iter()
            .map(|s| {
                vec![
                    Cell::Text(s.name.clone()),
                    Cell::Rate(s.rate_to_next),
                    total(s.volume),
                ]
            })
            .collect(),
    })
}

/// Each lead source's share, lead value, leads, customers and cost, when sources are in force.
pub fn sources(plan: &Plan, language: Language) -> Option<Table> {
    if plan.sources.is_empty() {
        return None;
    }
    let t = language.text();
    Some(Table {
        title: t.lead_sources,
        note: "",
        columns: vec![
            text(t.source),
            number(t.share),
            number(t.value_per_lead),
            number(t.leads),
            number(t.customers),
            number(t.cost),
        ],
        rows: plan
            .sources
            .iter()
            .zip(plan.whole_source_leads())
            .zip(plan.whole_source_customers())
            .map(|((s, leads), customers)| {
                vec![
                    Cell::Text(s.name.clone()),
                    Cell::Share(s.share),
                    Cell::Money(s.lead_value),
                    Cell::Count {
                        exact: s.leads,
                        whole: leads,
                    },
                    Cell::Count {
                        exact: s.customers,
                        whole: customers,
                    },
                    s.cost.map_or(Cell::Missing, Cell::Money),
                ]
            })
            .collect(),
    })
}

/// Budget and capacity, when the scenario plans them.
pub fn resources(plan: &Plan, language: Language) -> Vec<Figure> {
    let t = language.text();
    let n = language.numbers();
    let mut figures = Vec::new();
    if let Some(budget) = &plan.budget {
        figures.push(Figure {
            label: t.marketing_budget,
            value: Cell::Money(budget.total),
        });
    }
    if let Some(capacity) = &plan.capacity {
        figures.push(Figure {
            label: t.capacity_utilisation,
            value: Cell::Text(fill(
                t.peak_and_average,
                &[
                    ("peak", &n.share(capacity.peak_utilisation)),
                    ("average", &n.share(capacity.average_utilisation)),
                ],
            )),
        });
        figures.push(Figure {
            label: t.reps_needed,
            value: Cell::Whole(capacity.reps_needed),
        });
    }
    figures
}
