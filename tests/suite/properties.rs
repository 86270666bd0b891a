//! Property tests over random inputs, valid and invalid: the engine, the reading of typed
//! numbers in both conventions, the explanation's arithmetic and the undo history.

use proptest::prelude::*;
use sla_planner::document::History;
use sla_planner::i18n::{Language, NumberStyle, explanation};
use sla_planner::plan::{
    Assumptions, Conversion, FunnelStage, LeadSource, Period, SalesCapacity, SalesCommitments,
    Warning, YearMonth, compute,
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
        ..LeadSource::default()
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
        basis in 0..3u8,
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
            // The chosen basis; a scenario keeps the others' inputs, so they are generated too.
            conversion: match basis {
                0 => Conversion::SingleRate,
                1 => Conversion::Stages,
                _ => Conversion::LeadSources,
            },
            funnel_stages: stages.unwrap_or_default().into_iter()
                .map(|rate| FunnelStage::new("Stage", rate)).collect(),
            period: Period { start, months },
            seasonality: weights.map(|w| w[..months.min(36) as usize].to_vec()).unwrap_or_default(),
            holidays: holidays.into_iter()
                .map(|d| start.first_day() + chrono::Days::new(d as u64)).collect(),
            lead_sources,
            sales_cycle_lag_months: lag,
            sales_cycle_lag_spread_percent: Vec::new(),
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

/// A lag spread over 1 to 25 months of delay, adding up to 100 %, often with zeros (a spread
/// that starts later, or has gaps).
fn lag_spread() -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec(prop_oneof![2 => Just(0.0), 3 => 0.0..100.0f64], 1..=25)
        .prop_filter("some share", |shares| shares.iter().sum::<f64>() > 1.0)
        .prop_map(|shares| {
            let total: f64 = shares.iter().sum();
            shares.iter().map(|s| s / total * 100.0).collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// Plan → customers per month: the plan's leads, pushed through the lag and the rate,
    /// close each month's customers, except the months it reports as unmet (a drop no lead
    /// plan without negative leads can follow), each with what it closes instead.
    #[test]
    fn a_lag_spread_round_trips_from_leads_to_each_months_customers(a in assumptions(), spread in lag_spread()) {
        let mut a = a;
        a.sales_cycle_lag_spread_percent = spread;
        let Ok(plan) = compute(&a, &SalesCommitments::default()) else { return Ok(()) };
        prop_assert!(!has_non_finite(&plan));
        prop_assert!(plan.months.iter().all(|m| m.leads >= 0.0));
        prop_assert!(plan.leads_before_period.iter().all(|m| m.leads >= 0.0 && m.arriving >= m.leads * (1.0 - 1e-12)));
        let scale = plan.months.iter().map(|m| m.customers).fold(0.0, f64::max);
        let unmet: Vec<(YearMonth, f64)> = plan.warnings.iter().filter_map(|w| match w {
            Warning::LagUnmet { month, expected, .. } => Some((*month, *expected)),
            _ => None,
        }).collect();
        for (got, month) in crate::support::customers_from_leads(&plan).iter().zip(&plan.months) {
            let tolerance = 1e-7 * scale.max(1e-300);
            let want = unmet.iter().find(|(m, _)| *m == month.month).map_or(month.customers, |(_, e)| *e);
            prop_assert!((got - want).abs() <= tolerance, "{} {got} ≠ {want}", month.month);
        }
    }
}

/// A person's reading of digits and separators: the whole part in groups of three (or none),
/// then at most one decimal separator. Written apart from the app's reader on purpose.
fn as_a_person_reads(text: &str, thousands: char, decimal: char) -> Option<f64> {
    let (whole, fraction) = match text.split_once(decimal) {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    if fraction.contains([thousands, decimal]) || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    if whole.contains(thousands) {
        let groups: Vec<&str> = whole.split(thousands).collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    format!("{}.{fraction}", whole.replace(thousands, ""))
        .trim_end_matches('.')
        .parse()
        .ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    /// Formatting a number and reading it back gives the same number, in both languages.
    #[test]
    fn formatted_numbers_read_back(value in -1e12..1e12f64, decimals in 0..5usize) {
        for style in [NumberStyle::ENGLISH, NumberStyle::DUTCH] {
            let text = style.decimal(value, decimals);
            let shown: f64 = text.replace(style.thousands, "").replace(style.decimal, ".")
                .replace('−', "-").parse().unwrap();
            match style.read(&text, None) {
                Ok(read) => prop_assert_eq!(read, shown, "{}", text),
                // Only text that is ambiguous on purpose (three decimals, small whole part) is
                // refused, and then the unambiguous form reads.
                Err(misread) => {
                    prop_assert!(misread.as_typed.is_some(), "{text}");
                    prop_assert_eq!(style.read(&style.unambiguous(shown), None), Ok(shown));
                }
            }
        }
    }

    /// No string of digits and separators is read as a different magnitude than a person of
    /// that language reads it.
    #[test]
    fn digits_and_separators_read_as_a_person_reads_them(text in "[0-9.,]{1,14}") {
        for (style, thousands, decimal) in [(NumberStyle::ENGLISH, ',', '.'), (NumberStyle::DUTCH, '.', ',')] {
            if let Ok(read) = style.read(&text, None) {
                let person = as_a_person_reads(&text, thousands, decimal);
                prop_assert_eq!(Some(read), person, "{} in {:?}", text, style);
            }
        }
    }

    /// The explanation adds up on a calculator: the customers shown, divided by the rate shown,
    /// rounded up, are the leads shown. Inputs as people type them: whole amounts and rates,
    /// shares with up to two decimals.
    #[test]
    fn the_explanation_adds_up(
        revenue in 1_000u64..1_000_000_000,
        share in 1u32..=10_000,
        deal in 100u64..1_000_000,
        rate in 1u32..=6_000,
    ) {
        let (revenue, share) = (revenue as f64, f64::from(share) / 100.0);
        let (deal, rate) = (deal as f64, f64::from(rate) / 100.0);
        let a = Assumptions {
            revenue_goal: revenue,
            marketing_share_percent: share,
            average_deal_size: deal,
            lead_to_customer_percent: rate,
            ..Assumptions::default()
        };
        let Ok(plan) = compute(&a, &SalesCommitments::default()) else { return Ok(()) };
        let line = &explanation(Language::English, &plan, "EUR")[0];
        // "… = {customers} customers ÷ {rate}% = {leads} leads"
        let number = |s: &str| -> f64 { s.trim().trim_start_matches('€').replace(',', "").parse().unwrap() };
        let tail = line.rsplit(" = ").collect::<Vec<_>>();
        let leads = number(tail[0].trim_end_matches(" leads"));
        let (customers, rate) = tail[1].split_once(" customers ÷ ").unwrap();
        let (customers, rate) = (number(customers), number(rate.trim_end_matches('%')));
        let recomputed = sla_planner::plan::funnel::whole_up(customers / (rate / 100.0));
        prop_assert_eq!(recomputed, leads, "{}", line);
    }
}

#[derive(Clone, Debug)]
enum Step {
    Edit(u32),
    Undo,
    Redo,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    proptest::collection::vec(
        prop_oneof![
            3 => (0..1000u32).prop_map(Step::Edit),
            2 => Just(Step::Undo),
            2 => Just(Step::Redo),
        ],
        0..60,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Any sequence of edits, undos and redos only ever shows documents that were shown before
    /// (no state is invented), redo is empty after an edit, and undoing everything gives back
    /// the opened document.
    #[test]
    fn undo_and_redo_never_show_a_document_that_never_was(steps in steps()) {
        let opened = vec![0u32];
        let mut current = opened.clone();
        let mut history = History::new(200);
        let mut shown = vec![current.clone()];
        for step in steps {
            match step {
                Step::Edit(value) => {
                    let before = current.clone();
                    current.push(value);
                    history.record(before);
                    prop_assert!(!history.can_redo());
                }
                Step::Undo => { history.undo(&mut current); }
                Step::Redo => { history.redo(&mut current); }
            }
            if let Step::Edit(_) = step {
                shown.push(current.clone());
            }
            prop_assert!(shown.contains(&current), "{current:?} was never shown");
        }
        while history.undo(&mut current) {}
        prop_assert_eq!(current, opened);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Every export of every valid plan is free of NaN and infinity, in both languages.
    #[test]
    fn exports_never_show_nan_or_infinity(a in assumptions(), dutch in any::<bool>()) {
        use sla_planner::export::csv::{Dialect, Rows};
        use sla_planner::export::{self, Format};
        let Ok(plan) = compute(&a, &SalesCommitments::default()) else { return Ok(()) };
        let language = if dutch { Language::Dutch } else { Language::English };
        let report = sla_planner::report::Report::of_plan(&plan, Some("P"), "EUR", language);
        for format in [
            Format::Html,
            Format::Markdown,
            Format::Csv(Rows::Months, Dialect::Comma),
            Format::Csv(Rows::Weeks, Dialect::Semicolon),
        ] {
            let text = export::render(&report, format);
            prop_assert!(!text.contains("NaN") && !text.contains('∞'), "{format:?}");
            for bad in ["inf\"", "inf,", "inf;", "inf\n", "inf "] {
                prop_assert!(!text.contains(bad), "{format:?}: {bad}");
            }
        }
    }
}
