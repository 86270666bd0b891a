//! From assumptions to a [`Plan`]: the totals of the reverse funnel, then their spread over
//! months (seasonality), lead arrival (sales-cycle lag), ISO weeks, stages, sources and capacity.
//!
//! Every monthly figure is `total × fᵢ` with `fᵢ = weightᵢ ÷ Σ weights`, so the months add up
//! to the totals; the last month (and week) takes the float remainder, so they add up exactly
//! even in floating point ([`funnel::exact_parts`]).

use super::assumptions::{Assumptions, Conversion, SalesCommitments};
use super::calendar::{WorkingCalendar, YearMonth, iso_week_start};
use super::lag::{Lag, LeadPlan};
use super::validate::{validate_assumptions, validate_commitments};
use super::{
    Basis, Budget, CapacityPlan, Field, LeadMonth, MonthPlan, Plan, Problem, SourcePlan, StagePlan,
    Warning, WeekPlan, funnel,
};
use chrono::Datelike as _;

/// Plans one scenario, or lists every input that is out of range.
pub fn compute(a: &Assumptions, commitments: &SalesCommitments) -> Result<Plan, Vec<Problem>> {
    let mut problems = validate_assumptions(a);
    problems.extend(validate_commitments(commitments));
    if !problems.is_empty() {
        return Err(problems);
    }

    let months = a.period.month_list();
    let calendar = WorkingCalendar::new(&a.holidays);
    let fractions = month_fractions(&a.seasonality, months.len());
    let totals = Totals::of(a);

    // Leads are solved through the lag (`lag.rs`): those of the months, pushed through the lag
    // distribution, give every month's closes; the closes after the period belong to the next
    // one, which is assumed to repeat this plan. With a single shift, month i carries the leads
    // of close month (i + lag) mod n and the months add up to the leads needed.
    let lag = a.lag();
    let targets: Vec<f64> = fractions.iter().map(|f| totals.leads * f).collect();
    let lead_plan = lag.leads_for(&targets);
    let mut month_plans = month_plans(a, &totals, &calendar, (&months, &fractions), &lead_plan);
    add_up_months(&mut month_plans, a.revenue_goal, &totals, &lag);
    let period = (a.period.start, months.len());
    let leads_before_period = leads_before_period(&lag, &lead_plan, period);
    let mut warnings = lag_warnings(&lag, &lead_plan, &leads_before_period, period, totals.rate);
    warnings.extend(calendar_warnings(a, &month_plans));

    let calendar_days: u32 = months.iter().map(|m| m.days()).sum();
    let working_days: u32 = month_plans.iter().map(|m| m.working_days).sum();
    let weeks = week_plans(a.revenue_goal, &totals, &month_plans, &calendar);
    let stages = stages(a, &totals, &month_plans);
    let sources = sources(a, &totals, &month_plans);
    let budget = budget(a, &totals, &sources);
    let capacity = capacity(a, &mut month_plans, &mut warnings);
    warnings.extend(commitment_advice(commitments));

    Ok(Plan {
        basis: totals.basis,
        revenue: a.revenue_goal,
        marketing_revenue: totals.marketing_revenue,
        customers_needed: totals.customers,
        leads_needed: totals.leads,
        lead_to_customer: totals.rate,
        average_deal_size: totals.deal_size,
        lead_value: totals.lead_value,
        leads_per_month: totals.leads / months.len() as f64,
        leads_per_week: totals.leads / f64::from(calendar_days) * 7.0,
        leads_per_working_day: per_working_day(totals.leads, working_days),
        calendar_days,
        working_days,
        months: month_plans,
        lag,
        leads_before_period,
        weeks,
        stages,
        sources,
        lead_value_goal: totals.marketing_revenue,
        budget,
        capacity,
        commitments: *commitments,
        warnings,
    })
}

/// Each month's share `f` of the totals (revenue × f, customers × f, …) and the leads arriving
/// in it by the lag's solve; the lead value to deliver is leads × the lead value.
fn month_plans(
    a: &Assumptions,
    totals: &Totals,
    calendar: &WorkingCalendar,
    (months, fractions): (&[YearMonth], &[f64]),
    lead_plan: &LeadPlan,
) -> Vec<MonthPlan> {
    months
        .iter()
        .zip(fractions)
        .enumerate()
        .map(|(i, (&month, &f))| {
            let working_days = calendar.working_days_in(month);
            let leads = lead_plan.at(i as i64);
            MonthPlan {
                month,
                working_days,
                revenue: a.revenue_goal * f,
                marketing_revenue: totals.marketing_revenue * f,
                customers: totals.customers * f,
                leads,
                lead_value: leads * totals.lead_value,
                leads_per_working_day: per_working_day(leads, working_days),
                utilisation: None,
            }
        })
        .collect()
}

/// The months' columns made to add up exactly to the period's totals. A spread lag's months
/// add up to what the solve gives: the leads needed only where the months around the period
/// close at the same pace (README "Sales-cycle lag").
fn add_up_months(month_plans: &mut [MonthPlan], revenue_goal: f64, totals: &Totals, lag: &Lag) {
    let (period_leads, period_value) = if lag.single().is_some() {
        (totals.leads, totals.marketing_revenue)
    } else {
        let leads: f64 = month_plans.iter().map(|m| m.leads).sum();
        (leads, leads * totals.lead_value)
    };
    add_up_exactly(month_plans, revenue_goal, |m| &mut m.revenue);
    add_up_exactly(month_plans, totals.marketing_revenue, |m| {
        &mut m.marketing_revenue
    });
    add_up_exactly(month_plans, totals.customers, |m| &mut m.customers);
    add_up_exactly(month_plans, period_leads, |m| &mut m.leads);
    // leads × lead value = marketing revenue: the lead value to deliver is the revenue target.
    add_up_exactly(month_plans, period_value, |m| &mut m.lead_value);
    for m in month_plans {
        m.leads_per_working_day = per_working_day(m.leads, m.working_days);
    }
}

/// Months before the period (its first month and length) whose leads partly or wholly close
/// inside it: of the leads arriving `k` months before an `n`-month period, the share closing
/// from `k` to `k + n − 1` months later.
fn leads_before_period(
    lag: &Lag,
    lead_plan: &LeadPlan,
    (start, months): (YearMonth, usize),
) -> Vec<LeadMonth> {
    let n = months as i64;
    (lead_plan.first..0)
        .filter_map(|arrival| {
            let inside = lag.share_between(-arrival, n - 1 - arrival);
            let month = start.offset(arrival)?;
            let arriving = lead_plan.at(arrival);
            (inside > 0.0).then_some(LeadMonth {
                month,
                leads: arriving * inside,
                arriving,
            })
        })
        .collect()
}

/// What the lag means for the period (its first month and length): leads needed before it,
/// closes after it, and the months no plan without negative leads meets (their target and
/// reach in customers: leads × `rate`).
fn lag_warnings(
    lag: &Lag,
    lead_plan: &LeadPlan,
    leads_before_period: &[LeadMonth],
    (start, months): (YearMonth, usize),
    rate: f64,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let longest = lag.longest();
    if longest > 0 {
        if let Some(first) = leads_before_period.first() {
            warnings.push(Warning::LeadsBeforePeriod {
                leads: leads_before_period.iter().map(|m| m.leads).sum(),
                from: first.month,
            });
        }
        warnings.push(Warning::LeadsAfterPeriod {
            months: u32::try_from(longest.min(months)).unwrap_or(0),
        });
    }
    for unmet in &lead_plan.unmet {
        if let Some(month) = start.offset(unmet.close) {
            warnings.push(Warning::LagUnmet {
                month,
                planned: unmet.target * rate,
                expected: unmet.reached * rate,
            });
        }
    }
    warnings
}

/// A plan without public holidays, and months without a working day.
fn calendar_warnings(a: &Assumptions, month_plans: &[MonthPlan]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if a.holidays.is_empty() {
        warnings.push(Warning::NoHolidays);
    }
    for m in month_plans.iter().filter(|m| m.working_days == 0) {
        warnings.push(Warning::NoWorkingDays { month: m.month });
    }
    warnings
}

/// One column of the months or weeks made to add up, in order, to exactly its period total
/// ([`funnel::exact_parts`]): what a spreadsheet summing the exported column gets.
fn add_up_exactly<T>(rows: &mut [T], total: f64, column: fn(&mut T) -> &mut f64) {
    let parts = rows.iter_mut().map(|row| *column(row)).collect();
    for (row, part) in rows.iter_mut().zip(funnel::exact_parts(parts, total)) {
        *column(row) = part;
    }
}

/// The marketing revenue target alone, when its two inputs are valid though others are not, so
/// the screen keeps showing it while the user fixes another field.
pub fn marketing_revenue_target(a: &Assumptions, problems: &[Problem]) -> Option<f64> {
    let blocked = problems
        .iter()
        .any(|p| matches!(p.field, Field::RevenueGoal | Field::MarketingShare));
    (!blocked).then(|| funnel::marketing_revenue(a.revenue_goal, a.marketing_share_percent / 100.0))
}

/// The period totals of the reverse funnel.
struct Totals {
    basis: Basis,
    marketing_revenue: f64,
    customers: f64,
    leads: f64,
    /// Lead-to-customer rate in force, as a fraction.
    rate: f64,
    deal_size: f64,
    lead_value: f64,
}

impl Totals {
    /// The totals on the scenario's chosen basis; the other bases' inputs play no part.
    fn of(a: &Assumptions) -> Self {
        let marketing_revenue =
            funnel::marketing_revenue(a.revenue_goal, a.marketing_share_percent / 100.0);
        let single = |rate: f64| {
            let customers = funnel::customers_needed(marketing_revenue, a.average_deal_size);
            Self {
                basis: a.conversion.into(),
                marketing_revenue,
                customers,
                leads: funnel::leads_needed(customers, rate),
                rate,
                deal_size: a.average_deal_size,
                lead_value: funnel::lead_value(a.average_deal_size, rate),
            }
        };
        match a.conversion {
            Conversion::SingleRate => single(a.lead_to_customer_percent / 100.0),
            Conversion::Stages => single(stages_rate(a)),
            Conversion::LeadSources => Self::of_sources(a, marketing_revenue),
        }
    }

    /// Roberge: blended lead value = Σ shareᵢ × rateᵢ × deal sizeᵢ; the lead count follows as
    /// marketing revenue ÷ blended lead value, the customers as leads × Σ shareᵢ × rateᵢ.
    fn of_sources(a: &Assumptions, marketing_revenue: f64) -> Self {
        let (blended_rate, blended_value) =
            a.lead_sources
                .iter()
                .fold((0.0, 0.0), |(rate, value), source| {
                    let share = source.share_percent / 100.0;
                    let source_rate = source.lead_to_customer_percent / 100.0;
                    (
                        rate + share * source_rate,
                        value + share * funnel::lead_value(source.average_deal_size, source_rate),
                    )
                });
        let leads = marketing_revenue / blended_value;
        Self {
            basis: Basis::LeadSources,
            marketing_revenue,
            customers: leads * blended_rate,
            leads,
            rate: blended_rate,
            deal_size: blended_value / blended_rate,
            lead_value: blended_value,
        }
    }
}

/// The overall lead-to-customer rate of the funnel: the product of the stage rates.
fn stages_rate(a: &Assumptions) -> f64 {
    a.funnel_stages
        .iter()
        .map(|s| s.rate_to_next_percent / 100.0)
        .product()
}

/// `fᵢ = weightᵢ ÷ Σ weights`; an even spread without weights.
fn month_fractions(weights: &[f64], months: usize) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    if weights.len() == months && total > 0.0 {
        weights.iter().map(|w| w / total).collect()
    } else {
        vec![1.0 / months as f64; months]
    }
}

fn per_working_day(count: f64, working_days: u32) -> Option<f64> {
    (working_days > 0).then(|| count / f64::from(working_days))
}

/// The ISO weeks of the months, each column adding up exactly to its period total.
fn week_plans(
    revenue_goal: f64,
    totals: &Totals,
    month_plans: &[MonthPlan],
    calendar: &WorkingCalendar,
) -> Vec<WeekPlan> {
    let mut weeks = weeks(month_plans, calendar);
    add_up_exactly(&mut weeks, revenue_goal, |w| &mut w.revenue);
    add_up_exactly(&mut weeks, totals.customers, |w| &mut w.customers);
    add_up_exactly(&mut weeks, totals.leads, |w| &mut w.leads);
    weeks
}

/// Spreads each month's figures over the ISO weeks it touches, in proportion to working days
/// (calendar days for a month without any working day), and joins the parts of a week that
/// spans two months. A plan starting mid-week begins with that week's working days inside the
/// period (Wednesday to Friday of a month that starts on a Wednesday).
fn weeks(months: &[MonthPlan], calendar: &WorkingCalendar) -> Vec<WeekPlan> {
    let mut weeks: Vec<WeekPlan> = Vec::with_capacity(months.len() * 5 + 1);
    for m in months {
        let (start, end) = (m.month.first_day(), m.month.end_exclusive());
        let mut day = start;
        while day < end {
            let monday = iso_week_start(day);
            let week_end = (monday + chrono::Days::new(7)).min(end);
            let working_days = calendar.working_days(day, week_end);
            let share = if m.working_days > 0 {
                f64::from(working_days) / f64::from(m.working_days)
            } else {
                (week_end - day).num_days() as f64 / f64::from(m.month.days())
            };
            if weeks.last().is_none_or(|w| w.starts != monday) {
                let iso = day.iso_week();
                weeks.push(WeekPlan {
                    iso_year: iso.year(),
                    week: iso.week(),
                    starts: monday,
                    working_days: 0,
                    revenue: 0.0,
                    customers: 0.0,
                    leads: 0.0,
                });
            }
            if let Some(week) = weeks.last_mut() {
                week.working_days += working_days;
                week.revenue += m.revenue * share;
                week.customers += m.customers * share;
                week.leads += m.leads * share;
            }
            day = week_end;
        }
    }
    // A week at either end whose days inside the period are all weekend or holiday has nothing
    // to do: it is left out (2027 begins on a Friday that is a holiday, so 2026-W53 would be a
    // row of zeros). An empty week between others stays: its week number belongs in the
    // sequence. A month without any working day spreads over calendar days, so
    // its weeks are never empty.
    let empty = |w: &WeekPlan| w.working_days == 0 && w.leads == 0.0 && w.revenue == 0.0;
    let first = weeks.iter().position(|w| !empty(w)).unwrap_or(weeks.len());
    weeks.drain(..first);
    while weeks.last().is_some_and(empty) {
        weeks.pop();
    }
    weeks
}

/// Volume per stage: customers ÷ the product of the rates from that stage on, so the first
/// stage's volume is the leads needed.
fn stages(a: &Assumptions, totals: &Totals, months: &[MonthPlan]) -> Vec<StagePlan> {
    if a.conversion != Conversion::Stages {
        return Vec::new();
    }
    let mut tail_rate = totals.rate;
    a.funnel_stages
        .iter()
        .map(|stage| {
            let rate_to_next = stage.rate_to_next_percent / 100.0;
            let plan = StagePlan {
                name: stage.name.clone(),
                rate_to_next,
                volume: totals.customers / tail_rate,
                per_month: months.iter().map(|m| m.customers / tail_rate).collect(),
            };
            tail_rate /= rate_to_next;
            plan
        })
        .collect()
}

/// Each source's share of the leads, with its own rate, deal size and cost.
fn sources(a: &Assumptions, totals: &Totals, months: &[MonthPlan]) -> Vec<SourcePlan> {
    if a.conversion != Conversion::LeadSources {
        return Vec::new();
    }
    a.lead_sources
        .iter()
        .map(|source| {
            let share = source.share_percent / 100.0;
            let rate = source.lead_to_customer_percent / 100.0;
            let lead_value = funnel::lead_value(source.average_deal_size, rate);
            let leads = totals.leads * share;
            SourcePlan {
                name: source.name.clone(),
                share,
                lead_value,
                leads,
                customers: leads * rate,
                value: leads * lead_value,
                cost: source.cost_per_lead.map(|cost| leads * cost),
                leads_per_month: months.iter().map(|m| m.leads * share).collect(),
                value_per_month: months
                    .iter()
                    .map(|m| m.leads * share * lead_value)
                    .collect(),
            }
        })
        .collect()
}

/// budget = Σ leads × cost per lead; cost per customer = budget ÷ customers;
/// return on marketing spend = marketing revenue ÷ budget.
fn budget(a: &Assumptions, totals: &Totals, sources: &[SourcePlan]) -> Option<Budget> {
    let costs: Vec<f64> = sources.iter().filter_map(|s| s.cost).collect();
    if costs.is_empty() {
        return None;
    }
    let total: f64 = costs.iter().sum();
    Some(Budget {
        total,
        cost_per_customer: (totals.customers > 0.0).then(|| total / totals.customers),
        return_on_spend: (total > 0.0).then(|| totals.marketing_revenue / total),
        incomplete: costs.len() < a.lead_sources.len(),
    })
}

/// Utilisation = a month's leads ÷ (reps × leads per rep); reps needed = ⌈busiest month's
/// leads ÷ leads per rep⌉ (Roberge: one rep works about 150 leads a month).
fn capacity(
    a: &Assumptions,
    months: &mut [MonthPlan],
    warnings: &mut Vec<Warning>,
) -> Option<CapacityPlan> {
    let capacity = a.capacity?;
    let per_month = f64::from(capacity.reps) * capacity.leads_per_rep_per_month;
    for m in months.iter_mut() {
        m.utilisation = Some(m.leads / per_month);
    }
    let peak_leads = months.iter().map(|m| m.leads).fold(0.0, f64::max);
    let average_leads = months.iter().map(|m| m.leads).sum::<f64>() / months.len() as f64;
    let reps_needed = funnel::whole_up(peak_leads / capacity.leads_per_rep_per_month);
    let plan = CapacityPlan {
        leads_per_month: per_month,
        peak_utilisation: peak_leads / per_month,
        average_utilisation: average_leads / per_month,
        reps_needed: reps_needed.min(f64::from(u32::MAX)) as u32,
    };
    let over: Vec<YearMonth> = months
        .iter()
        .filter(|m| funnel::whole_up(m.leads) > per_month)
        .map(|m| m.month)
        .collect();
    if !over.is_empty() {
        warnings.push(Warning::OverCapacity {
            months: over,
            peak_utilisation: plan.peak_utilisation,
            reps_needed: plan.reps_needed,
        });
    }
    Some(plan)
}

/// The research of METHOD.md, step 2, applied to the commitments.
fn commitment_advice(c: &SalesCommitments) -> Vec<Warning> {
    let mut advice = Vec::new();
    if c.first_contact_within_hours > 1.0 {
        advice.push(Warning::SlowFirstContact {
            hours: c.first_contact_within_hours,
        });
    }
    if c.minimum_attempts < 6 {
        advice.push(Warning::FewAttempts {
            attempts: c.minimum_attempts,
        });
    }
    advice
}
