//! What-if against independent arithmetic: goal seek against the closed forms of the reverse
//! funnel, the tornado's order, binomial tails by direct summation, and document differences.

use sla_planner::document::SlaDocument;
use sla_planner::plan::{
    Assumptions, Conversion, Field, LeadSource, Plan, Rule, SalesCapacity, SalesCommitments,
    compute,
};
use sla_planner::whatif::{
    ChangeKind, Goal, Input, LeadMix, Metric, Solution, Unreachable, confidence, diff, sensitivity,
    solve,
};

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} is not {expected}"
    );
}

fn plan(a: &Assumptions) -> Plan {
    compute(a, &SalesCommitments::default()).unwrap()
}

fn example() -> SlaDocument {
    SlaDocument::example().unwrap()
}

/// METHOD.md's running example — €1.2 M, 50 %, €25,000, 5 %: 24 customers, 480 leads, 40 a
/// month — over 2027 (261 working days), with 4 reps of 150 leads a month.
fn step_one() -> Assumptions {
    Assumptions {
        capacity: Some(SalesCapacity {
            reps: 4,
            leads_per_rep_per_month: 150.0,
        }),
        ..Assumptions::default()
    }
}

fn seek(a: &Assumptions, input: Input, metric: Metric, target: f64) -> Solution {
    solve(
        a,
        &SalesCommitments::default(),
        input,
        Goal { metric, target },
    )
    .unwrap()
}

fn reached(solution: &Solution) -> (f64, f64) {
    match solution {
        Solution::Reached {
            value, achieved, ..
        } => (*value, *achieved),
        Solution::Unreachable(why) => panic!("unreachable: {why:?}"),
    }
}

fn unreachable(solution: Solution) -> Unreachable {
    match solution {
        Solution::Unreachable(why) => why,
        Solution::Reached { value, .. } => panic!("reached at {value}"),
    }
}

/// Targets that all mean 600 leads (instead of 480) in the step-one scenario: per month ÷ 12,
/// per working day ÷ 261, peak utilisation = 50 a month ÷ 600 capacity.
fn targets_for_600_leads() -> [(Metric, f64); 4] {
    [
        (Metric::LeadsNeeded, 600.0),
        (Metric::LeadsPerMonth, 50.0),
        (Metric::LeadsPerWorkingDay, 600.0 / 261.0),
        (Metric::PeakUtilisation, 100.0 * 50.0 / 600.0),
    ]
}

#[test]
fn goal_seek_matches_the_closed_forms_of_the_reverse_funnel() {
    let a = step_one();
    assert_eq!(plan(&a).working_days, 261);
    // leads = revenue × share ÷ (deal size × rate): 600 leads need one of these.
    let for_600_leads = [
        (Input::RevenueGoal, 600.0 * 25_000.0 * 0.05 / 0.5),
        (
            Input::MarketingShare,
            100.0 * 600.0 * 25_000.0 * 0.05 / 1_200_000.0,
        ),
        (Input::AverageDealSize, 1_200_000.0 * 0.5 / (600.0 * 0.05)),
        (
            Input::LeadToCustomer,
            100.0 * 1_200_000.0 * 0.5 / (25_000.0 * 600.0),
        ),
    ];
    for (metric, target) in targets_for_600_leads() {
        for (input, expected) in for_600_leads {
            let (value, achieved) = reached(&seek(&a, input, metric, target));
            close(value, expected);
            close(achieved, target);
        }
    }
    // customers = revenue × share ÷ deal size: 30 customers.
    let for_30_customers = [
        (Input::RevenueGoal, 30.0 * 25_000.0 / 0.5),
        (Input::MarketingShare, 100.0 * 30.0 * 25_000.0 / 1_200_000.0),
        (Input::AverageDealSize, 1_200_000.0 * 0.5 / 30.0),
    ];
    for (input, expected) in for_30_customers {
        let (value, achieved) = reached(&seek(&a, input, Metric::CustomersNeeded, 30.0));
        close(value, expected);
        close(achieved, 30.0);
    }
    // Peak utilisation = 40 leads a month ÷ (reps × leads per rep).
    let (value, achieved) = reached(&seek(&a, Input::LeadsPerRep, Metric::PeakUtilisation, 50.0));
    close(value, 40.0 / (4.0 * 0.5));
    close(achieved, 50.0);
}

#[test]
fn goal_seek_for_a_stage_rate_divides_by_the_other_stages() {
    let a = Assumptions {
        conversion: Conversion::Stages,
        ..step_one()
    };
    // Stages 40/50/50/50 % multiply to 5 %; 600 leads need the first at 40 % × 480 ÷ 600.
    for (metric, target) in targets_for_600_leads() {
        let (value, achieved) = reached(&seek(&a, Input::StageRate(0), metric, target));
        close(value, 40.0 * 480.0 / 600.0);
        close(achieved, target);
    }
}

#[test]
fn goal_seek_for_a_source_replaces_its_term_in_the_blend() {
    let doc = example();
    let a = &doc.scenarios[0].assumptions;
    let p = plan(a);
    // Marketing revenue 1,440,000; lead values 0.2×0.1×32,000 + 0.3×0.05×28,000 + 0.5×0.02×25,000.
    let marketing_revenue = 1_440_000.0;
    let others_value = 0.3 * 0.05 * 28_000.0 + 0.5 * 0.02 * 25_000.0;
    let (value, achieved) = reached(&seek(a, Input::SourceRate(0), Metric::LeadsNeeded, 1_000.0));
    close(
        value,
        100.0 * (marketing_revenue / 1_000.0 - others_value) / (0.2 * 32_000.0),
    );
    close(achieved, 1_000.0);
    // Budget = leads × Σ share × cost per lead: a €50,000 budget at the planned leads.
    let others_cost = 0.3 * 45.0 + 0.5 * 20.0;
    let (value, achieved) = reached(&seek(
        a,
        Input::SourceCostPerLead(0),
        Metric::Budget,
        50_000.0,
    ));
    close(value, (50_000.0 / p.leads_needed - others_cost) / 0.2);
    close(achieved, 50_000.0);
    // Every continuous input and every metric of this scenario that it moves is met exactly
    // (reps are whole: "at most", tested below).
    let mut met = 0;
    for input in Input::all_in_use(a)
        .into_iter()
        .filter(|i| *i != Input::Reps)
    {
        for metric in Metric::ALL {
            let current = metric.of(&p).unwrap();
            if let Solution::Reached { achieved, .. } = seek(a, input, metric, current * 0.97) {
                close(achieved, current * 0.97);
                met += 1;
            }
        }
    }
    assert!(met > 60, "only {met} goals met");
    // Moving demo requests from 20 % to 30 % of the leads keeps webinars and whitepapers at 3:5.
    let solution = seek(a, Input::SourceShare(0), Metric::LeadsNeeded, 1_000.0);
    let Solution::Reached { assumptions, .. } = &solution else {
        panic!("{solution:?}")
    };
    let shares: Vec<f64> = assumptions
        .lead_sources
        .iter()
        .map(|s| s.share_percent)
        .collect();
    close(shares[1] / shares[2], 30.0 / 50.0);
    close(shares.iter().sum(), 100.0);
}

#[test]
fn reps_are_the_smallest_whole_number_at_most_the_target() {
    let doc = example();
    let a = &doc.scenarios[0].assumptions;
    let reps_needed = plan(a).capacity.unwrap().reps_needed;
    let (reps, achieved) = reached(&seek(a, Input::Reps, Metric::PeakUtilisation, 100.0));
    assert_eq!(reps, f64::from(reps_needed));
    assert!(achieved <= 100.0);
    let one_less = Input::Reps.with_value(a, reps - 1.0).unwrap();
    assert!(Metric::PeakUtilisation.of(&plan(&one_less)).unwrap() > 100.0);
    // At most 10 %: ⌈busiest month's leads ÷ (10 % of 75 leads per rep)⌉.
    let peak_leads = plan(a).months.iter().map(|m| m.leads).fold(0.0, f64::max);
    let (reps, _) = reached(&seek(a, Input::Reps, Metric::PeakUtilisation, 10.0));
    assert_eq!(reps, (peak_leads / 7.5).ceil());
}

#[test]
fn a_solution_outside_the_range_says_what_it_would_need() {
    let a = step_one();
    // 480 leads at a 50 % share; 1,344 leads would need 140 %.
    let why = unreachable(seek(
        &a,
        Input::MarketingShare,
        Metric::LeadsNeeded,
        1_344.0,
    ));
    let Unreachable::OutsideRange { needed, problem } = &why else {
        panic!("{why:?}")
    };
    close(*needed, 140.0);
    assert_eq!(problem.field, Field::MarketingShare);
    assert_eq!(
        problem.rule,
        Rule::Between {
            min: 0.0,
            max: 100.0
        }
    );
    let text = why.describe(
        sla_planner::i18n::Language::English,
        Input::MarketingShare,
        Goal {
            metric: Metric::LeadsNeeded,
            target: 1_344.0,
        },
        &a,
        "EUR",
    );
    assert_eq!(
        text,
        "Marketing share of revenue would have to be 140%: 140% is above the maximum of 100%."
    );
    // A rate of 240 % for 10 leads; 100,001 reps for a tiny utilisation.
    let why = unreachable(seek(&a, Input::LeadToCustomer, Metric::LeadsNeeded, 10.0));
    assert!(
        matches!(why, Unreachable::OutsideRange { needed, .. } if (needed - 240.0).abs() < 1e-9)
    );
    let why = unreachable(seek(&a, Input::Reps, Metric::PeakUtilisation, 1e-4));
    assert!(
        matches!(why, Unreachable::OutsideRange { problem, .. } if problem.field == Field::Reps)
    );
}

#[test]
fn unreachable_targets_say_why() {
    let a = step_one();
    // Customers needed do not depend on the rate; zero leads need an infinite deal size.
    assert_eq!(
        unreachable(seek(
            &a,
            Input::LeadToCustomer,
            Metric::CustomersNeeded,
            30.0
        )),
        Unreachable::NoEffect { current: 24.0 }
    );
    assert_eq!(
        unreachable(seek(&a, Input::AverageDealSize, Metric::LeadsNeeded, 0.0)),
        Unreachable::NeverReaches
    );
    assert_eq!(
        unreachable(seek(&a, Input::Reps, Metric::PeakUtilisation, 0.0)),
        Unreachable::NeverReaches
    );
    assert_eq!(
        unreachable(seek(&a, Input::RevenueGoal, Metric::Budget, 1_000.0)),
        Unreachable::MetricNotAvailable
    );
    let doc = example();
    let sources = &doc.scenarios[0].assumptions;
    assert!(matches!(
        unreachable(seek(
            sources,
            Input::AverageDealSize,
            Metric::LeadsNeeded,
            900.0
        )),
        Unreachable::InputNotUsed { .. }
    ));
    // The target it already has is reached without a change, even where there is no effect.
    let (value, _) = reached(&seek(
        &a,
        Input::LeadToCustomer,
        Metric::CustomersNeeded,
        24.0,
    ));
    close(value, 5.0);
}

#[test]
fn a_scenario_that_cannot_be_planned_is_an_error() {
    let a = Assumptions {
        average_deal_size: -1.0,
        ..step_one()
    };
    let goal = Goal {
        metric: Metric::LeadsNeeded,
        target: 100.0,
    };
    let problems = solve(&a, &SalesCommitments::default(), Input::RevenueGoal, goal).unwrap_err();
    assert_eq!(problems[0].field, Field::AverageDealSize);
}

#[test]
fn the_tornado_is_sorted_by_the_swing_in_leads() {
    let a = step_one();
    let swings = sensitivity(&a, &SalesCommitments::default(), 0.1).unwrap();
    let order: Vec<Input> = swings.iter().map(|s| s.input).collect();
    // Deal size and rate divide: 480 ÷ 0.9 − 480 ÷ 1.1 = 96.97; revenue and share multiply:
    // 480 × 1.1 − 480 × 0.9 = 96. Ties keep the Marketing tab's order.
    assert_eq!(
        order,
        [
            Input::AverageDealSize,
            Input::LeadToCustomer,
            Input::RevenueGoal,
            Input::MarketingShare
        ]
    );
    let revenue = &swings[2];
    close(revenue.low, 1_080_000.0);
    close(revenue.high, 1_320_000.0);
    close(revenue.leads_needed_low, 432.0);
    close(revenue.leads_needed_high, 528.0);
    close(revenue.customers_needed_low, 21.6);
    close(revenue.customers_needed_high, 26.4);
    assert_eq!(revenue.budget_low, None);
    let deal = &swings[0];
    close(deal.leads_needed_low, 480.0 / 0.9);
    close(deal.leads_needed_high, 480.0 / 1.1);

    let doc = example();
    let swings = sensitivity(
        &doc.scenarios[0].assumptions,
        &SalesCommitments::default(),
        0.2,
    )
    .unwrap();
    assert!(swings.len() > 8, "every source input is moved");
    assert!(
        swings
            .windows(2)
            .all(|w| w[0].leads_impact() >= w[1].leads_impact())
    );
    assert!(swings.iter().all(|s| s.budget_low.is_some()));
}

/// C(n, k) exactly.
fn choose(n: u64, k: u64) -> u128 {
    (0..k).fold(1u128, |c, i| c * u128::from(n - i) / u128::from(i + 1))
}

/// P(X = k) for X ~ Binomial(n, p), with an exact binomial coefficient.
fn binomial_pmf(n: u64, p: f64, k: u64) -> f64 {
    choose(n, k) as f64 * p.powi(k as i32) * (1.0 - p).powi((n - k) as i32)
}

#[test]
fn the_chance_equals_binomial_tails_by_direct_summation() {
    for n in 0..=60 {
        for p in [0.02, 0.05, 0.3, 0.5, 0.9] {
            for c in 0..=n + 1 {
                let exact: f64 = (c..=n).map(|k| binomial_pmf(n, p, k)).sum();
                let chance = LeadMix::single(p).chance(n, c).unwrap();
                assert!(
                    (chance - exact).abs() < 1e-12,
                    "n {n} p {p} c {c}: {chance} vs {exact}"
                );
            }
        }
    }
}

#[test]
fn sources_add_up_by_convolution() {
    // Two sources, 40 % at 10 % and 60 % at 3 %: 25 leads split 10 and 15.
    let a = Assumptions {
        lead_sources: vec![
            LeadSource {
                share_percent: 40.0,
                lead_to_customer_percent: 10.0,
                ..LeadSource::default()
            },
            LeadSource {
                share_percent: 60.0,
                lead_to_customer_percent: 3.0,
                ..LeadSource::default()
            },
        ],
        conversion: Conversion::LeadSources,
        ..step_one()
    };
    let mix = LeadMix::of(&a, &plan(&a));
    assert_eq!(mix.split(25), [10, 15]);
    for c in 0..=26 {
        let mut exact = 0.0;
        for i in 0..=10 {
            for j in 0..=15 {
                if i + j >= c {
                    exact += binomial_pmf(10, 0.1, i) * binomial_pmf(15, 0.03, j);
                }
            }
        }
        let chance = mix.chance(25, c).unwrap();
        assert!((chance - exact).abs() < 1e-12, "c {c}: {chance} vs {exact}");
    }
}

#[test]
fn four_hundred_eighty_leads_at_five_percent_win_24_customers_about_half_the_time() {
    // P(X ≥ 24), X ~ Binomial(480, 0.05), summed upwards from P(X = 0) = 0.95⁴⁸⁰.
    let mut pmf = 0.95_f64.powi(480);
    let mut below = 0.0;
    for k in 0..24 {
        below += pmf;
        pmf *= (480.0 - f64::from(k)) / f64::from(k + 1) * (0.05 / 0.95);
    }
    let expected = 1.0 - below;
    let c = confidence(&step_one(), &plan(&step_one()), 0.9);
    assert_eq!((c.customers, c.planned_leads), (24, 480));
    let chance = c.chance_with_planned_leads.unwrap();
    assert!((chance - expected).abs() < 1e-12, "{chance} vs {expected}");
    assert!((0.5..0.6).contains(&chance), "{chance}");
    // The leads for 90 %: the first number of leads whose chance reaches it.
    let needed = c.leads_needed.unwrap();
    let mix = LeadMix::single(0.05);
    assert!(mix.chance(needed, 24).unwrap() >= 0.9);
    assert!(mix.chance(needed - 1, 24).unwrap() < 0.9);
}

#[test]
fn the_chance_never_falls_as_leads_are_added() {
    let doc = example();
    let a = &doc.scenarios[0].assumptions;
    let c = confidence(a, &plan(a), 0.9);
    assert_eq!((c.customers, c.planned_leads), (50, 1_100));
    let mix = LeadMix::of(a, &plan(a));
    let chances: Vec<f64> = (0..=2_000).map(|n| mix.chance(n, 50).unwrap()).collect();
    assert!(chances.windows(2).all(|w| w[0] <= w[1]));
    let needed = c.leads_needed.unwrap();
    assert!(chances[needed as usize] >= 0.9 && chances[needed as usize - 1] < 0.9);
}

#[test]
fn a_million_leads_neither_overflow_nor_take_long() {
    // Binomial(10⁶, 5 %) has mean 50,000 and sd √47,500 = 218: P(X ≥ 50,000) is just above ½.
    let chance = LeadMix::single(0.05).chance(1_000_000, 50_000).unwrap();
    assert!(
        chance.is_finite() && (0.5..0.52).contains(&chance),
        "{chance}"
    );
    let doc = example();
    let a = &doc.scenarios[0].assumptions;
    let three = LeadMix::of(a, &plan(a));
    let chance = three.chance(1_000_000, 45_000).unwrap();
    assert!(
        chance.is_finite() && (0.0..=1.0).contains(&chance),
        "{chance}"
    );
    let mix = LeadMix::single(0.05);
    let needed = mix.leads_for(50_000, 0.9).unwrap();
    assert!(mix.chance(needed, 50_000).unwrap() >= 0.9);
    assert!(mix.chance(needed - 1, 50_000).unwrap() < 0.9);
}

#[test]
fn identical_documents_have_no_differences() {
    let d = diff(&example(), &example());
    assert!(d.is_empty());
    assert!(d.scenarios.is_empty());
}

#[test]
fn a_renamed_scenario_is_one_change() {
    let before = example();
    let mut after = before.clone();
    after.scenarios[1].name = "Careful".into();
    let d = diff(&before, &after);
    assert_eq!(d.changes.len(), 1, "{:?}", d.changes);
    assert_eq!(d.changes[0].path, r#"scenarios["Cautious"].name"#);
    assert_eq!(d.changes[0].before, Some("Cautious".into()));
    assert_eq!(d.changes[0].after, Some("Careful".into()));
    assert!(d.scenarios.is_empty(), "a rename changes no plan");
}

#[test]
fn every_field_shows_as_a_path() {
    let before = example();
    let mut after = before.clone();
    after.title = "SLA 2028".into();
    after.company = "Van Dijk B.V.".into();
    after.owners.sales = "Eva".into();
    after.effective_date = None;
    after.review_cadence = sla_planner::document::ReviewCadence::Quarterly;
    after.currency = "USD".into();
    after.notes = String::new();
    after.sales_commitments.minimum_attempts = 8;
    after.sales_commitments.first_contact_within_hours = 2.0;
    after.actuals.set(
        chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
        "Website",
        sla_planner::document::Measure::Leads,
        3.0,
    );
    let a = &mut after.scenarios[0].assumptions;
    a.revenue_goal = 2_500_000.0;
    a.marketing_share_percent = 55.0;
    a.average_deal_size = 30_000.0;
    a.lead_to_customer_percent = 4.0;
    a.conversion = Conversion::SingleRate;
    a.funnel_stages[1].rate_to_next_percent = 55.0;
    a.period.months = 6;
    a.seasonality.truncate(6);
    a.holidays[0] = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    a.lead_sources[1].cost_per_lead = None;
    a.lead_sources.remove(0);
    a.lead_sources[1].share_percent = 70.0;
    a.sales_cycle_lag_months = 1;
    a.capacity = None;
    after.scenarios.remove(1);
    let added = after.add_scenario_with("Plan", Assumptions::default());
    after.agreed_plan = added;

    let d = diff(&before, &after);
    let paths: Vec<&str> = d.changes.iter().map(|c| c.path.as_str()).collect();
    let plan_2027 = r#"scenarios["Plan 2027"].assumptions"#;
    let expected = [
        r#"actuals["2027-01-04 Website"]"#.to_owned(),
        "company".into(),
        "currency".into(),
        "effective_date".into(),
        "notes".into(),
        "owners.sales".into(),
        "review_cadence".into(),
        "sales_commitments.first_contact_within_hours".into(),
        "sales_commitments.minimum_attempts".into(),
        "title".into(),
        "agreed_plan".into(),
        format!("{plan_2027}.average_deal_size"),
        format!("{plan_2027}.capacity"),
        format!("{plan_2027}.conversion"),
        format!(r#"{plan_2027}.funnel_stages["MQL"].rate_to_next_percent"#),
        format!("{plan_2027}.holidays[0]"),
        format!("{plan_2027}.lead_sources[\"Demo requests\"]"),
        format!("{plan_2027}.lead_sources[\"Webinars\"].cost_per_lead"),
        format!("{plan_2027}.lead_sources[\"Whitepaper downloads\"].share_percent"),
        format!("{plan_2027}.lead_to_customer_percent"),
        format!("{plan_2027}.marketing_share_percent"),
        format!("{plan_2027}.period.months"),
        format!("{plan_2027}.revenue_goal"),
        format!("{plan_2027}.sales_cycle_lag_months"),
        format!("{plan_2027}.seasonality[6]"),
        format!("{plan_2027}.seasonality[7]"),
        format!("{plan_2027}.seasonality[8]"),
        format!("{plan_2027}.seasonality[9]"),
        format!("{plan_2027}.seasonality[10]"),
        format!("{plan_2027}.seasonality[11]"),
        r#"scenarios["Cautious"]"#.into(),
        r#"scenarios["Plan"]"#.into(),
    ];
    // The order of the fields follows serde's map; the set is what matters here.
    let mut paths = paths;
    paths.sort_unstable();
    let mut expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(paths, expected);
    let kind = |path: &str| d.changes.iter().find(|c| c.path == path).unwrap().kind;
    assert_eq!(kind(r#"scenarios["Cautious"]"#), ChangeKind::Removed);
    assert_eq!(kind(r#"scenarios["Plan"]"#), ChangeKind::Added);
    assert_eq!(kind(r#"actuals["2027-01-04 Website"]"#), ChangeKind::Added);
    let change = d
        .changes
        .iter()
        .find(|c| c.path.ends_with(".average_deal_size"))
        .unwrap();
    assert_eq!(change.before, Some(28_000.0.into()));
    assert_eq!(change.after, Some(30_000.0.into()));
    // The effect on each scenario's plan: changed, removed and added.
    let names: Vec<&str> = d.scenarios.iter().map(|s| s.scenario.as_str()).collect();
    assert_eq!(names, ["Plan 2027", "Cautious", "Plan"]);
    let plan_2027 = &d.scenarios[0];
    close(
        plan_2027.leads_needed_before.unwrap(),
        plan(&before.scenarios[0].assumptions).leads_needed,
    );
    close(
        plan_2027.leads_needed_after.unwrap(),
        plan(&after.scenarios[0].assumptions).leads_needed,
    );
    assert_eq!(d.scenarios[1].leads_needed_after, None);
    assert_eq!(d.scenarios[2].customers_needed_before, None);
    close(d.scenarios[2].customers_needed_after.unwrap(), 24.0);
}
