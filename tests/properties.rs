//! Property tests of the engine over random inputs, valid and invalid.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use proptest::prelude::*;
use sla_planner::plan::{
    Assumptions, Conversion, FunnelStage, LeadSource, Period, SalesCapacity, SalesCommitments,
    YearMonth, compute,
};

/// Values mostly inside the ranges, sometimes at or past their edges.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => 0.0..2e9,
        1 => Just(0.0),
        1 => prop_oneof![Just(-1.0), Just(f64::NAN), Just(f64::INFINITY), Just(1e300)],
    ]
}

fn rate() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => 0.01..=100.0,
        1 => Just(0.01),
        1 => prop_oneof![Just(0.0), Just(-5.0), Just(150.0), Just(f64::NAN)],
    ]
}

fn source() -> impl Strategy<Value = LeadSource> {
    (rate(), 1.0..1e6, proptest::option::of(0.0..500.0)).prop_map(|(rate, deal, cost)| LeadSource {
        name: "Source".into(),
        share_percent: 0.0,
        lead_to_customer_percent: rate,
        average_deal_size: deal,
        cost_per_lead: cost,
    })
}

prop_compose! {
    fn assumptions()(
        revenue_goal in amount(),
        marketing_share_percent in prop_oneof![9 => 0.0..=100.0, 1 => Just(120.0)],
        average_deal_size in prop_oneof![9 => 0.01..1e7, 1 => Just(0.0)],
        lead_to_customer_percent in rate(),
        stages in proptest::option::of(proptest::collection::vec(rate(), 1..6)),
        start_year in 2000..2100i32,
        start_month in 1..=12u32,
        months in prop_oneof![9 => 1..=36u32, 1 => Just(0u32), 1 => Just(40u32)],
        weights in proptest::option::of(proptest::collection::vec(0.0..10.0, 36)),
        sources in proptest::collection::vec(source(), 0..6),
        lag in 0..=6u32,
        capacity in proptest::option::of((1..20u32, 1.0..500.0)),
        holidays in proptest::collection::vec(0..1200i64, 0..20),
    ) -> Assumptions {
        let start = YearMonth::new(start_year, start_month).unwrap();
        let mut lead_sources = sources;
        let count = lead_sources.len();
        for source in &mut lead_sources {
            source.share_percent = 100.0 / count as f64;
        }
        Assumptions {
            revenue_goal,
            marketing_share_percent,
            average_deal_size,
            lead_to_customer_percent,
            conversion: if stages.is_some() { Conversion::Stages } else { Conversion::SingleRate },
            funnel_stages: stages.unwrap_or_default().into_iter()
                .map(|rate| FunnelStage::new("Stage", rate)).collect(),
            period: Period { start, months },
            seasonality: weights.map(|w| w[..months.min(36) as usize].to_vec()).unwrap_or_default(),
            holidays: holidays.into_iter()
                .map(|d| start.first_day() + chrono::Days::new(d as u64)).collect(),
            lead_sources,
            sales_cycle_lag_months: lag,
            capacity: capacity.map(|(reps, per_rep)| SalesCapacity { reps, leads_per_rep_per_month: per_rep }),
        }
    }
}

/// Every number of the plan, found by printing it as RON (which writes NaN and inf as such).
fn has_non_finite(plan: &impl serde::Serialize) -> bool {
    let text = ron::to_string(plan).unwrap();
    text.contains("NaN") || text.contains("inf")
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn never_panics_and_never_returns_non_finite_numbers(a in assumptions()) {
        if let Ok(plan) = compute(&a, &SalesCommitments::default()) {
            prop_assert!(!has_non_finite(&plan), "{plan:?}");
        }
    }

    #[test]
    fn totals_equal_the_sum_of_the_months_and_weeks(a in assumptions()) {
        let Ok(plan) = compute(&a, &SalesCommitments::default()) else { return Ok(()) };
        let sum = |f: fn(&sla_planner::plan::MonthPlan) -> f64| plan.months.iter().map(f).sum::<f64>();
        prop_assert!(near(sum(|m| m.revenue), plan.revenue));
        prop_assert!(near(sum(|m| m.marketing_revenue), plan.marketing_revenue));
        prop_assert!(near(sum(|m| m.customers), plan.customers_needed));
        prop_assert!(near(sum(|m| m.leads), plan.leads_needed));
        prop_assert!(near(sum(|m| m.lead_value), plan.leads_needed * plan.lead_value));
        let week_leads: f64 = plan.weeks.iter().map(|w| w.leads).sum();
        prop_assert!(near(week_leads, plan.leads_needed));
        let week_days: u32 = plan.weeks.iter().map(|w| w.working_days).sum();
        prop_assert_eq!(week_days, plan.working_days);
        let source_leads: f64 = plan.sources.iter().map(|s| s.leads).sum();
        if !plan.sources.is_empty() {
            prop_assert!(near(source_leads, plan.leads_needed));
            // Marketing's lead-value goal is met exactly by the sources' monthly value.
            let source_value: f64 = plan.sources.iter().flat_map(|s| &s.value_per_month).sum();
            prop_assert!(near(source_value, plan.lead_value_goal));
        }
    }

    #[test]
    fn leads_needed_rises_when_any_rate_falls(a in assumptions(), which in 0..100usize, factor in 0.1..0.99f64) {
        let Ok(before) = compute(&a, &SalesCommitments::default()) else { return Ok(()) };
        let mut lower = a.clone();
        let rates: Vec<&mut f64> = std::iter::once(&mut lower.lead_to_customer_percent)
            .chain(lower.funnel_stages.iter_mut().map(|s| &mut s.rate_to_next_percent))
            .chain(lower.lead_sources.iter_mut().map(|s| &mut s.lead_to_customer_percent))
            .collect();
        let count = rates.len();
        let Some(rate) = rates.into_iter().nth(which % count) else { return Ok(()) };
        *rate = (*rate * factor).max(0.01);
        let Ok(after) = compute(&lower, &SalesCommitments::default()) else { return Ok(()) };
        prop_assert!(after.leads_needed >= before.leads_needed * (1.0 - 1e-12));
        if before.leads_needed > 0.0 && after.lead_to_customer < before.lead_to_customer {
            prop_assert!(after.leads_needed > before.leads_needed);
        }
    }
}
