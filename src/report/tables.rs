//! The report's figures, tables and notes: the one place that says which columns there are.

use chrono::NaiveDate;

use super::{Cell, Column, Figure, FigureId, Table};
use crate::i18n::{Language, fill};
use crate::plan::funnel::whole_parts;
use crate::plan::{MonthPlan, Plan};

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

/// A figure of the report.
fn figure(id: FigureId, label: &str, value: Cell) -> Figure {
    Figure {
        id,
        label: label.to_owned(),
        value,
    }
}

/// The period and the reverse funnel of step 1.
pub fn figures(plan: &Plan, language: Language) -> Vec<Figure> {
    let t = language.text();
    let month = |m: Option<&MonthPlan>| m.map(|m| language.month(m.month));
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
    use FigureId as F;
    vec![
        figure(F::Period, t.period, Cell::Text(period)),
        figure(F::RevenueGoal, t.revenue_goal, Cell::Money(plan.revenue)),
        figure(
            F::MarketingRevenue,
            t.marketing_revenue_target,
            Cell::Money(plan.marketing_revenue),
        ),
        figure(
            F::AverageDealSize,
            t.average_deal_size,
            Cell::Money(plan.average_deal_size),
        ),
        figure(F::LeadToCustomer, t.lead_to_customer_rate, Cell::Text(rate)),
        figure(
            F::Customers,
            t.customers_needed,
            total(plan.customers_needed),
        ),
        figure(F::Leads, t.leads_needed, total(plan.leads_needed)),
        figure(F::LeadValue, t.value_per_lead, Cell::Money(plan.lead_value)),
        figure(
            F::LeadsPerMonth,
            t.leads_per_month,
            Cell::Average(plan.leads_per_month),
        ),
        figure(
            F::LeadsPerWeek,
            t.leads_per_week,
            Cell::Average(plan.leads_per_week),
        ),
        figure(
            F::LeadsPerWorkingDay,
            t.leads_per_working_day,
            plan.leads_per_working_day
                .map_or(Cell::Missing, Cell::Average),
        ),
    ]
}

/// The figures of a scenario that cannot be planned: every one of step 1's results missing,
/// but the marketing revenue target when its own inputs are valid (`target`), in the order of
/// [`figures`].
pub fn figures_without_plan(target: Option<f64>, language: Language) -> Vec<Figure> {
    let t = language.text();
    use FigureId as F;
    [
        (F::MarketingRevenue, t.marketing_revenue_target),
        (F::Customers, t.customers_needed),
        (F::Leads, t.leads_needed),
        (F::LeadValue, t.value_per_lead),
        (F::LeadsPerMonth, t.leads_per_month),
        (F::LeadsPerWeek, t.leads_per_week),
        (F::LeadsPerWorkingDay, t.leads_per_working_day),
    ]
    .into_iter()
    .map(|(id, label)| {
        let value = match (id, target) {
            (F::MarketingRevenue, Some(target)) => Cell::Money(target),
            _ => Cell::Missing,
        };
        figure(id, label, value)
    })
    .collect()
}

/// One month's own targets: "Leads in March 2027: 101". A month's target differs from the
/// period's average by its seasonality and working days.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthTargets {
    /// "This month: March 2027", or "Next month: …" before the period starts.
    pub title: String,
    pub figures: Vec<Figure>,
}

/// The targets of the month of `date` (or the period's first, before it starts): its whole
/// leads and customers (`Plan::whole_per_month`) and its leads per working day; `None` after
/// the period.
pub fn month_targets(plan: &Plan, date: NaiveDate, language: Language) -> Option<MonthTargets> {
    let (i, current) = plan.month_for(date)?;
    let month = plan.months.get(i)?;
    let t = language.text();
    let name = language.month(month.month);
    let title = if current { t.this_month } else { t.next_month };
    let part = |count: fn(&MonthPlan) -> f64| {
        let exact = count(month);
        let whole = plan.whole_per_month(count).get(i).copied().unwrap_or(0.0);
        Cell::Count { exact, whole }
    };
    let month_name = [("month", name.as_str())];
    use FigureId as F;
    Some(MonthTargets {
        title: fill(title, &month_name),
        figures: vec![
            figure(
                F::MonthLeads,
                &fill(t.leads_in_month, &month_name),
                part(|m| m.leads),
            ),
            figure(
                F::MonthCustomers,
                &fill(t.customers_in_month, &month_name),
                part(|m| m.customers),
            ),
            figure(
                F::MonthLeadsPerWorkingDay,
                &fill(t.leads_per_working_day_in_month, &month_name),
                month
                    .leads_per_working_day
                    .map_or(Cell::Missing, Cell::Average),
            ),
        ],
    })
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

/// The whole leads goal of each ISO week by its Monday, as the week table counts it (the
/// rounded-up running total minus the one before), in the words the results grid shows beside
/// each week's total ("goal 23 leads").
pub fn week_goals(plan: &Plan, language: Language) -> Vec<(NaiveDate, String)> {
    let leads: Vec<f64> = plan.weeks.iter().map(|w| w.leads).collect();
    plan.weeks
        .iter()
        .map(|w| w.starts)
        .zip(whole_parts(&leads))
        .map(|(monday, leads)| {
            let goal = fill(
                language.text().grid_week_goal,
                &[("leads", &language.numbers().decimal(leads, 0))],
            );
            (monday, goal)
        })
        .collect()
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

/// Budget and capacity, when the scenario plans them. When some source lacks a cost per lead
/// the budget counts only the others: it and the cost per customer are lower bounds ("at
/// least"), the return on spend an upper bound ("at most"), and every output says so.
pub fn resources(plan: &Plan, language: Language) -> Vec<Figure> {
    let t = language.text();
    let n = language.numbers();
    use FigureId as F;
    let mut figures = Vec::new();
    if let Some(budget) = &plan.budget {
        let at_least = |cell: Cell| {
            if budget.incomplete {
                Cell::AtLeast(Box::new(cell))
            } else {
                cell
            }
        };
        let at_most = |cell: Cell| {
            if budget.incomplete {
                Cell::AtMost(Box::new(cell))
            } else {
                cell
            }
        };
        figures.push(figure(
            F::Budget,
            t.marketing_budget,
            at_least(Cell::Money(budget.total)),
        ));
        figures.push(figure(
            F::CostPerCustomer,
            t.cost_per_customer,
            budget
                .cost_per_customer
                .map_or(Cell::Missing, |v| at_least(Cell::Money(v))),
        ));
        figures.push(figure(
            F::ReturnOnSpend,
            t.return_on_spend,
            budget
                .return_on_spend
                .map_or(Cell::Missing, |v| at_most(Cell::Times(v))),
        ));
    }
    if let Some(capacity) = &plan.capacity {
        figures.push(figure(
            F::Capacity,
            t.capacity_utilisation,
            Cell::Text(fill(
                t.peak_and_average,
                &[
                    ("peak", &n.share(capacity.peak_utilisation)),
                    ("average", &n.share(capacity.average_utilisation)),
                ],
            )),
        ));
        figures.push(figure(
            F::RepsNeeded,
            t.reps_needed,
            Cell::Whole(capacity.reps_needed),
        ));
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SlaDocument;
    use crate::plan::compute;

    #[test]
    fn week_goals_are_the_week_table_s_whole_leads_in_words() {
        let doc = SlaDocument::example().unwrap();
        let a = &doc.agreed().unwrap().assumptions;
        let plan = compute(a, &doc.sales_commitments).unwrap();
        let goals = week_goals(&plan, Language::English);
        let table = weeks(&plan, Language::English);
        assert_eq!(goals.len(), table.rows.len());
        // Week 1 of 2027 starts on Monday 4 January; the week table gives it 26 leads.
        let monday = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        assert_eq!(goals[0], (monday, "goal 26 leads".to_owned()));
        let leads_column = table.columns.len() - 1;
        assert_eq!(
            table.rows[0][leads_column].show(Language::English, "EUR"),
            "26"
        );
        assert_eq!(week_goals(&plan, Language::Dutch)[0].1, "doel 26 leads");
    }
}
