//! "How is this calculated?": the method's formulas filled in with a plan's numbers, so that a
//! person with a calculator gets the same answers as the screen.
//!
//! Each line shows the figures the formula really used, with just enough decimals that redoing
//! the sum from the figures on screen gives the result on screen (66.67 customers ÷ 3% =
//! 2,223 leads, not 67 ÷ 3% = 2,233). Results are rounded as everywhere else: counts up.

use super::{Language, NO_NUMBER, fill};
use crate::plan::funnel::whole_up;
use crate::plan::{Basis, Plan};

/// The most decimals a figure in an explanation gets.
const MAX_DECIMALS: usize = 10;

/// `value` rounded to `decimals` decimals exactly as the screen shows it (the formatting module
/// rounds through `format!`, which rounds halves to even: 43.25 → 43.2).
fn round_to(value: f64, decimals: usize) -> f64 {
    format!("{value:.decimals$}").parse().unwrap_or(value)
}

/// The fewest decimals with which `value` still gives the same result when the next step of
/// the sum is done with the rounded figure, and a value that is not whole does not look whole
/// (1,374.05 shows as 1,374.05, never as 1,374 beside the rounded-up 1,375).
fn decimals_for(value: f64, same_result: impl Fn(f64) -> bool) -> usize {
    let is_whole = |v: f64| (v - v.round()).abs() <= 1e-9 * v.abs().max(1.0);
    let whole = is_whole(value);
    (0..=MAX_DECIMALS)
        .find(|d| {
            let shown = round_to(value, *d);
            same_result(shown) && (whole || !is_whole(shown))
        })
        .unwrap_or(MAX_DECIMALS)
}

/// The lines of the explanation of `plan`, in `language`, amounts in `currency`.
pub fn explanation(language: Language, plan: &Plan, currency: &str) -> Vec<String> {
    let t = language.text();
    let n = language.numbers();
    let leads_up = whole_up(plan.leads_needed);
    let customers_up = whole_up(plan.customers_needed);
    let rate = plan.lead_to_customer;
    // The rate as a percentage with enough decimals to give the same leads (single rate) or
    // customers (sources).
    let rate_decimals = decimals_for(rate * 100.0, |percent| match plan.basis {
        Basis::LeadSources => whole_up(plan.leads_needed * percent / 100.0) == customers_up,
        Basis::SingleRate | Basis::Stages => {
            whole_up(plan.customers_needed / (percent / 100.0)) == leads_up
        }
    });
    let shown_rate = round_to(rate * 100.0, rate_decimals) / 100.0;
    let share = if plan.revenue > 0.0 {
        let percent = plan.marketing_revenue / plan.revenue * 100.0;
        n.percent_to(
            percent,
            decimals_for(percent, |p| p == round_to(percent, 4)),
        )
    } else {
        NO_NUMBER.to_owned()
    };
    // Amounts in whole units, or with cents where the amount has them.
    let cents = |decimals: usize| if decimals == 0 { 0 } else { 2 };
    let money_exact = |value: f64| {
        let decimals = decimals_for(value, |v| (v - value).abs() < 0.005);
        n.money_to(value, cents(decimals), currency)
    };
    let customers_decimals = decimals_for(plan.customers_needed, |c| {
        whole_up(c / shown_rate) == leads_up && whole_up(c) == customers_up
    });
    let leads_decimals = decimals_for(plan.leads_needed, |l| {
        whole_up(l * shown_rate) == customers_up
            && n.decimal(l / plan.months.len() as f64, 1) == n.decimal(plan.leads_per_month, 1)
    });
    let lead_value_decimals = decimals_for(plan.lead_value, |v| {
        whole_up(plan.marketing_revenue / v) == leads_up
    });
    let values = [
        ("revenue", money_exact(plan.revenue)),
        ("share", share),
        ("marketing", money_exact(plan.marketing_revenue)),
        ("deal", money_exact(plan.average_deal_size)),
        (
            "customers",
            n.decimal(plan.customers_needed, customers_decimals),
        ),
        ("customers_up", n.count_up(plan.customers_needed)),
        ("rate", n.percent_to(rate * 100.0, rate_decimals)),
        ("leads", n.decimal(plan.leads_needed, leads_decimals)),
        ("leads_up", n.count_up(plan.leads_needed)),
        (
            "value",
            n.money_to(plan.lead_value, cents(lead_value_decimals), currency),
        ),
        ("months", plan.months.len().to_string()),
        ("per_month", n.decimal(plan.leads_per_month, 1)),
        ("days", plan.calendar_days.to_string()),
        ("per_week", n.decimal(plan.leads_per_week, 1)),
        ("working_days", plan.working_days.to_string()),
        (
            "per_day",
            plan.leads_per_working_day
                .map_or(NO_NUMBER.to_owned(), |v| n.decimal(v, 1)),
        ),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut lines = Vec::new();
    if plan.basis == Basis::Stages {
        let rates: Vec<String> = plan
            .stages
            .iter()
            .map(|s| n.fraction_as_percent(s.rate_to_next))
            .collect();
        lines.push(fill(
            t.formula_stages,
            &[
                ("rates", &rates.join(" × ")),
                ("rate", &n.percent_to(rate * 100.0, rate_decimals)),
            ],
        ));
    }
    let formulas = match plan.basis {
        Basis::LeadSources => [t.formula_sources, t.formula_sources_customers],
        Basis::SingleRate | Basis::Stages => [t.formula_funnel, t.formula_lead_value],
    };
    for formula in formulas.into_iter().chain([t.formula_time]) {
        lines.push(fill(formula, &values));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Assumptions, SalesCommitments, compute};

    fn lines(a: &Assumptions) -> Vec<String> {
        let plan = compute(a, &SalesCommitments::default()).unwrap_or_else(|p| panic!("{p:?}"));
        explanation(Language::English, &plan, "EUR")
    }

    #[test]
    fn shows_the_customers_the_division_really_used() {
        // €2.4 M × 50 % ÷ €18,000 = 66.67 customers ÷ 3 % = 2,222.2 → 2,223 leads.
        let a = Assumptions {
            revenue_goal: 2_400_000.0,
            average_deal_size: 18_000.0,
            lead_to_customer_percent: 3.0,
            ..Assumptions::default()
        };
        assert_eq!(
            lines(&a)[0],
            "€2,400,000 × 50% = €1,200,000 ÷ €18,000 = 66.67 customers ÷ 3% = 2,223 leads"
        );
    }

    #[test]
    fn a_figure_that_is_not_whole_never_looks_whole() {
        // €3 M × 60 % ÷ €1,310 = 1,374.05 leads: one decimal would print "1,374.0" → "1,374".
        let plan = compute(
            &Assumptions {
                revenue_goal: 3_000_000.0,
                marketing_share_percent: 60.0,
                average_deal_size: 29_111.11,
                lead_to_customer_percent: 4.5,
                ..Assumptions::default()
            },
            &SalesCommitments::default(),
        )
        .unwrap_or_else(|p| panic!("{p:?}"));
        let time = &explanation(Language::English, &plan, "EUR")[2];
        assert!(time.starts_with("Averages: 1,374.05 leads"), "{time}");
    }

    #[test]
    fn the_worked_example_needs_no_decimals() {
        // HubSpot: 24 customers at 5 % → 480 leads.
        let lines = lines(&Assumptions::default());
        assert_eq!(
            lines[0],
            "€1,200,000 × 50% = €600,000 ÷ €25,000 = 24 customers ÷ 5% = 480 leads"
        );
        assert_eq!(lines[1], "Value per lead: €25,000 × 5% = €1,250");
    }
}
