//! The planning engine against the worked examples of METHOD.md and hand-computed calendars.

use chrono::NaiveDate;
use sla_planner::plan::{
    Assumptions, Basis, Conversion, Field, LeadSource, Period, Plan, SalesCapacity,
    SalesCommitments, Warning, YearMonth, compute, funnel::whole_up,
};

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} is not {expected}"
    );
}

fn month(text: &str) -> YearMonth {
    text.parse().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A one-month plan starting January 2027 (21 weekdays) with the four inputs of step 1.
fn step_one(revenue: f64, share: f64, deal: f64, rate: f64) -> Assumptions {
    Assumptions {
        revenue_goal: revenue,
        marketing_share_percent: share,
        average_deal_size: deal,
        lead_to_customer_percent: rate,
        period: Period {
            start: month("2027-01"),
            months: 1,
        },
        ..Assumptions::default()
    }
}

fn plan(a: &Assumptions) -> Plan {
    compute(a, &SalesCommitments::default()).unwrap()
}

#[test]
fn hubspot_seven_customers_at_five_percent_need_140_leads_and_a_daily_goal() {
    let p = plan(&step_one(70_000.0, 100.0, 10_000.0, 5.0));
    close(p.customers_needed, 7.0);
    close(p.leads_needed, 140.0);
    assert_eq!(p.basis, Basis::SingleRate);
    // January 2027 has 21 working days: 140 ÷ 21 = 6.67 leads a day.
    assert_eq!(p.working_days, 21);
    close(p.leads_per_working_day.unwrap(), 140.0 / 21.0);
}

#[test]
fn marketing_survivalist_marketing_owes_14_of_16_leads() {
    let everything = plan(&step_one(100_000.0, 100.0, 25_000.0, 25.0));
    close(everything.customers_needed, 4.0);
    close(everything.leads_needed, 16.0);
    let marketing = plan(&step_one(100_000.0, 87.5, 25_000.0, 25.0));
    close(marketing.leads_needed, 14.0);
}

#[test]
fn sales_benchmark_index_88_deals() {
    let p = plan(&step_one(7_500_000.0, 100.0, 85_000.0, 5.0));
    close(p.customers_needed, 7_500_000.0 / 85_000.0);
    assert_eq!(whole_up(p.customers_needed), 89.0);
}

#[test]
fn weinbaum_whitepaper_lead_is_worth_1600() {
    let mut a = step_one(1_600_000.0, 100.0, 160_000.0, 1.0);
    close(plan(&a).lead_value, 1_600.0);
    a.lead_sources = vec![LeadSource {
        name: "Whitepaper".into(),
        share_percent: 100.0,
        lead_to_customer_percent: 1.0,
        average_deal_size: 160_000.0,
        cost_per_lead: None,
        ..LeadSource::default()
    }];
    a.conversion = Conversion::LeadSources;
    let p = plan(&a);
    assert_eq!(p.basis, Basis::LeadSources);
    close(p.sources[0].lead_value, 1_600.0);
    // €1.6 M of lead value at €1,600 a lead is 1,000 leads.
    close(p.leads_needed, 1_000.0);
    close(p.customers_needed, 10.0);
}

#[test]
fn the_readme_example_twelve_months() {
    let a = Assumptions {
        period: Period {
            start: month("2027-01"),
            months: 12,
        },
        ..Assumptions::default()
    };
    let p = plan(&a);
    close(p.marketing_revenue, 600_000.0);
    close(p.customers_needed, 24.0);
    close(p.leads_needed, 480.0);
    close(p.lead_value, 1_250.0);
    close(p.leads_per_month, 40.0);
    // 2027 has 365 days and 261 weekdays.
    close(p.leads_per_week, 480.0 / 365.0 * 7.0);
    assert_eq!(p.working_days, 261);
    close(p.leads_per_working_day.unwrap(), 480.0 / 261.0);
}

#[test]
fn seasonality_and_holidays_by_hand() {
    // €1.2 M over Jan–Mar 2027 weighted 1:2:1 → €300k, €600k, €300k revenue; half from
    // marketing; €25k deals → 6, 12, 6 customers; 5 % → 120, 240, 120 leads.
    // Working days: January 21 − New Year's Day = 20, February 20, March 23.
    let a = Assumptions {
        period: Period {
            start: month("2027-01"),
            months: 3,
        },
        seasonality: vec![1.0, 2.0, 1.0],
        holidays: vec![date(2027, 1, 1), date(2027, 1, 2)],
        ..Assumptions::default()
    };
    let p = plan(&a);
    let revenue: Vec<f64> = p.months.iter().map(|m| m.revenue).collect();
    let customers: Vec<f64> = p.months.iter().map(|m| m.customers).collect();
    let leads: Vec<f64> = p.months.iter().map(|m| m.leads).collect();
    let days: Vec<u32> = p.months.iter().map(|m| m.working_days).collect();
    for (actual, expected) in revenue.iter().zip([300_000.0, 600_000.0, 300_000.0]) {
        close(*actual, expected);
    }
    for (actual, expected) in customers.iter().zip([6.0, 12.0, 6.0]) {
        close(*actual, expected);
    }
    for (actual, expected) in leads.iter().zip([120.0, 240.0, 120.0]) {
        close(*actual, expected);
    }
    assert_eq!(days, vec![20, 20, 23]);
    close(p.months[0].leads_per_working_day.unwrap(), 6.0);
    close(p.months[1].leads_per_working_day.unwrap(), 12.0);
    close(p.months[2].leads_per_working_day.unwrap(), 120.0 / 23.0);
    close(p.months[0].marketing_revenue, 150_000.0);
}

#[test]
fn iso_weeks_split_by_working_days() {
    // January 2027: Friday 1 January lies in ISO week 53 of 2026; then four full weeks.
    let p = plan(&step_one(70_000.0, 100.0, 10_000.0, 5.0));
    let weeks: Vec<(i32, u32, u32)> = p
        .weeks
        .iter()
        .map(|w| (w.iso_year, w.week, w.working_days))
        .collect();
    assert_eq!(
        weeks,
        vec![
            (2026, 53, 1),
            (2027, 1, 5),
            (2027, 2, 5),
            (2027, 3, 5),
            (2027, 4, 5)
        ]
    );
    assert_eq!(p.weeks[0].starts, date(2026, 12, 28));
    close(p.weeks[0].leads, 140.0 / 21.0);
    close(p.weeks[1].leads, 140.0 * 5.0 / 21.0);
}

#[test]
fn a_first_week_without_working_days_in_the_period_is_left_out() {
    // With New Year's Day off, 2027 has no working day before Monday 4 January: no empty
    // 2026-W53 row, and the weeks still add up to the month.
    let mut a = step_one(70_000.0, 100.0, 10_000.0, 5.0);
    a.holidays = vec![date(2027, 1, 1)];
    let p = plan(&a);
    assert_eq!((p.weeks[0].iso_year, p.weeks[0].week), (2027, 1));
    close(p.weeks.iter().map(|w| w.leads).sum::<f64>(), 140.0);
    // A plan that starts on a Wednesday (September 2027) begins with that week's three days.
    a.period.start = month("2027-09");
    let p = plan(&a);
    assert_eq!((p.weeks[0].week, p.weeks[0].working_days), (35, 3));
}

#[test]
fn a_week_across_two_months_is_one_row() {
    // ISO week 13 of 2027 runs from Monday 29 March to Sunday 4 April.
    let a = Assumptions {
        period: Period {
            start: month("2027-03"),
            months: 2,
        },
        ..Assumptions::default()
    };
    let p = plan(&a);
    let week13 = p.weeks.iter().find(|w| w.week == 13).unwrap();
    assert_eq!(week13.working_days, 5);
    // 3 days of March (23 working days) and 2 of April (22), each month 240 leads.
    close(week13.leads, 240.0 * 3.0 / 23.0 + 240.0 * 2.0 / 22.0);
    assert_eq!(p.weeks.iter().filter(|w| w.week == 13).count(), 1);
}

#[test]
fn sales_cycle_lag_moves_leads_earlier_and_keeps_them() {
    let a = Assumptions {
        period: Period {
            start: month("2027-01"),
            months: 3,
        },
        seasonality: vec![1.0, 2.0, 1.0],
        sales_cycle_lag_months: 1,
        ..Assumptions::default()
    };
    let p = plan(&a);
    // Closes 120 / 240 / 120: January's leads serve February, February's March, March's the
    // next period's January (assumed to repeat this plan).
    let leads: Vec<f64> = p.months.iter().map(|m| m.leads).collect();
    for (actual, expected) in leads.iter().zip([240.0, 120.0, 120.0]) {
        close(*actual, expected);
    }
    assert_eq!(p.leads_before_period.len(), 1);
    assert_eq!(p.leads_before_period[0].month, month("2026-12"));
    close(p.leads_before_period[0].leads, 120.0);
    assert!(p.warnings.contains(&Warning::LeadsBeforePeriod {
        leads: 120.0,
        from: month("2026-12")
    }));
    assert!(
        p.warnings
            .contains(&Warning::LeadsAfterPeriod { months: 1 })
    );
}

#[test]
fn funnel_stages_multiply_and_divide_backwards() {
    let a = Assumptions {
        conversion: Conversion::Stages,
        ..Assumptions::default()
    };
    let p = plan(&a);
    assert_eq!(p.basis, Basis::Stages);
    // 40 % × 50 % × 50 % × 50 % = 5 %; 24 customers ÷ 0.5 = 48 opportunities, 96 SQLs,
    // 192 MQLs, 480 leads.
    close(p.lead_to_customer, 0.05);
    let volumes: Vec<(&str, f64)> = p
        .stages
        .iter()
        .map(|s| (s.name.as_str(), s.volume))
        .collect();
    let expected = [
        ("Lead", 480.0),
        ("MQL", 192.0),
        ("SQL", 96.0),
        ("Opportunity", 48.0),
    ];
    for ((name, volume), (expected_name, expected_volume)) in volumes.iter().zip(expected) {
        assert_eq!(*name, expected_name);
        close(*volume, expected_volume);
    }
    close(p.stages[0].per_month[0], 40.0);
    close(p.leads_needed, p.stages[0].volume);
}

#[test]
fn lead_sources_set_leads_by_value_and_the_budget() {
    // Two sources, half the leads each: A closes 10 % at €10k (lead value €1,000, €100 a lead),
    // B 2 % at €10k (€200, €20 a lead). Blended lead value €600, so €100k needs 166.7 leads;
    // customers 166.7 × 6 % = 10; budget 83.3 × 100 + 83.3 × 20 = €10,000.
    let source = |name: &str, rate, cost| LeadSource {
        name: name.into(),
        share_percent: 50.0,
        lead_to_customer_percent: rate,
        average_deal_size: 10_000.0,
        cost_per_lead: Some(cost),
        ..LeadSource::default()
    };
    let a = Assumptions {
        lead_sources: vec![source("A", 10.0, 100.0), source("B", 2.0, 20.0)],
        conversion: Conversion::LeadSources,
        ..step_one(100_000.0, 100.0, 10_000.0, 5.0)
    };
    let p = plan(&a);
    close(p.lead_value, 600.0);
    close(p.leads_needed, 100_000.0 / 600.0);
    close(p.customers_needed, 10.0);
    close(p.lead_to_customer, 0.06);
    close(p.lead_value_goal, 100_000.0);
    close(p.sources[0].value + p.sources[1].value, 100_000.0);
    let budget = p.budget.unwrap();
    close(budget.total, 10_000.0);
    close(budget.cost_per_customer.unwrap(), 1_000.0);
    close(budget.return_on_spend.unwrap(), 10.0);
    assert!(!budget.incomplete);
}

#[test]
fn only_the_chosen_basis_is_in_force_and_switching_keeps_every_value() {
    // Sources that would give 8 % and a broken stage rate, but one rate of 5 % chosen: the
    // plan is the worked example, and neither the sources nor the stages are checked.
    let mut a = Assumptions {
        lead_sources: vec![LeadSource {
            name: "Web".into(),
            share_percent: 100.0,
            lead_to_customer_percent: 8.0,
            ..LeadSource::default()
        }],
        ..Assumptions::default()
    };
    a.funnel_stages[0].rate_to_next_percent = 0.0;
    let p = plan(&a);
    assert_eq!(p.basis, Basis::SingleRate);
    close(p.leads_needed, 480.0);
    assert!(p.sources.is_empty() && p.stages.is_empty());

    a.conversion = Conversion::LeadSources;
    let p = plan(&a);
    assert_eq!(p.basis, Basis::LeadSources);
    close(p.lead_to_customer, 0.08);
    close(p.leads_needed, 600_000.0 / (25_000.0 * 0.08));

    a.conversion = Conversion::Stages;
    let problems = compute(&a, &SalesCommitments::default()).unwrap_err();
    assert_eq!(problems[0].field, Field::StageRate(0));
    a.conversion = Conversion::SingleRate;
    close(plan(&a).leads_needed, 480.0);
}

#[test]
fn lead_sources_chosen_without_sources_say_so() {
    let a = Assumptions {
        conversion: Conversion::LeadSources,
        ..Assumptions::default()
    };
    let problems = compute(&a, &SalesCommitments::default()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, Field::LeadSources);
}

#[test]
fn capacity_utilisation_and_reps_needed() {
    // 40 leads a month against one rep who can work 30: 133 % used, 2 reps needed.
    let a = Assumptions {
        capacity: Some(SalesCapacity {
            reps: 1,
            leads_per_rep_per_month: 30.0,
        }),
        ..Assumptions::default()
    };
    let p = plan(&a);
    let capacity = p.capacity.unwrap();
    close(capacity.leads_per_month, 30.0);
    close(capacity.peak_utilisation, 40.0 / 30.0);
    assert_eq!(capacity.reps_needed, 2);
    close(p.months[0].utilisation.unwrap(), 40.0 / 30.0);
    assert!(p.warnings.iter().any(|w| matches!(
        w,
        Warning::OverCapacity { months, reps_needed: 2, .. } if months.len() == 12
    )));
}

#[test]
fn invalid_input_lists_every_problem_and_plans_nothing() {
    let a = Assumptions {
        average_deal_size: -25_000.0,
        lead_to_customer_percent: 0.0,
        ..Assumptions::default()
    };
    let commitments = SalesCommitments {
        minimum_attempts: 0,
        ..SalesCommitments::default()
    };
    let problems = compute(&a, &commitments).unwrap_err();
    let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        vec![
            Field::AverageDealSize,
            Field::LeadToCustomerRate,
            Field::MinimumAttempts
        ]
    );
}

#[test]
fn commitments_are_carried_with_research_advice() {
    let commitments = SalesCommitments {
        first_contact_within_hours: 24.0,
        minimum_attempts: 2,
        ..SalesCommitments::default()
    };
    let p = compute(&Assumptions::default(), &commitments).unwrap();
    assert_eq!(p.commitments, commitments);
    assert!(
        p.warnings
            .contains(&Warning::SlowFirstContact { hours: 24.0 })
    );
    assert!(p.warnings.contains(&Warning::FewAttempts { attempts: 2 }));
}

fn example() -> Assumptions {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/example.sla.ron");
    let doc = sla_planner::document::load(&path).unwrap().document;
    doc.scenarios[0].assumptions.clone()
}

#[test]
fn a_lag_spread_over_months_plans_leads_that_close_each_months_customers() {
    let mut a = example();
    a.sales_cycle_lag_spread_percent = vec![60.0, 30.0, 10.0];
    let p = plan(&a);
    assert!(p.months.iter().all(|m| m.leads >= 0.0));
    assert!(
        !p.warnings
            .iter()
            .any(|w| matches!(w, Warning::LagUnmet { .. })),
        "the example's seasonality can be met: {:?}",
        p.warnings
    );
    for (got, month) in crate::support::customers_from_leads(&p)
        .iter()
        .zip(&p.months)
    {
        close(*got, month.customers);
    }
    // December and November's leads partly close in January and February.
    let before: Vec<String> = p
        .leads_before_period
        .iter()
        .map(|m| m.month.to_string())
        .collect();
    assert_eq!(before, ["2026-11", "2026-12"]);
    let words = sla_planner::i18n::Language::English.lag_words(&p.lag);
    assert_eq!(
        words,
        "60% in the same month, 30% a month later, 10% 2 months later"
    );
}

#[test]
fn an_older_file_reads_its_single_shift_as_before() {
    // The example file has only `sales_cycle_lag_months: 2`, as every file before the spread.
    let a = example();
    assert!(a.sales_cycle_lag_spread_percent.is_empty());
    let p = plan(&a);
    assert_eq!(p.lag.single(), Some(2));
    // The rule of the single shift: month i carries the leads of close month (i + 2) mod 12,
    // leads needed × that month's share of the seasonality, exactly.
    let total: f64 = a.seasonality.iter().sum();
    for (i, m) in p.months.iter().enumerate().take(11) {
        assert_eq!(
            m.leads,
            p.leads_needed * (a.seasonality[(i + 2) % 12] / total)
        );
    }
    // The same shift written as a spread plans the same numbers.
    let mut spread = a.clone();
    spread.sales_cycle_lag_spread_percent = vec![0.0, 0.0, 100.0];
    assert_eq!(plan(&spread).months, p.months);
    assert_eq!(plan(&spread).leads_before_period, p.leads_before_period);
    // And it is written as it was read: no spread in the file.
    let text = ron::ser::to_string_pretty(&a, ron::ser::PrettyConfig::new()).unwrap();
    assert!(!text.contains("sales_cycle_lag_spread_percent"), "{text}");
}

#[test]
fn a_sharp_seasonal_drop_with_a_spread_lag_is_reported_in_words() {
    // Closes of 1 : 3 : 0.2 at 60/30/10: the leads February needs bring March 30 % of them,
    // far more than March's 1.1 customers, so no plan without negative leads meets all three.
    let a = Assumptions {
        period: Period {
            start: month("2027-01"),
            months: 3,
        },
        seasonality: vec![1.0, 3.0, 0.2],
        sales_cycle_lag_spread_percent: vec![60.0, 30.0, 10.0],
        ..Assumptions::default()
    };
    let p = plan(&a);
    assert!(p.months.iter().all(|m| m.leads >= 0.0));
    let unmet: Vec<&Warning> = p
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::LagUnmet { .. }))
        .collect();
    assert!(!unmet.is_empty());
    let reached = crate::support::customers_from_leads(&p);
    for (i, m) in p.months.iter().enumerate() {
        let said = unmet.iter().find_map(|w| match w {
            Warning::LagUnmet {
                month,
                planned,
                expected,
            } if *month == m.month => Some((*planned, *expected)),
            _ => None,
        });
        match said {
            Some((planned, expected)) => {
                close(planned, m.customers);
                close(expected, reached[i]);
                let english = sla_planner::i18n::Language::English.warning(unmet[0]);
                assert!(
                    english.contains("no lead plan without negative leads closes the"),
                    "{english}"
                );
                let dutch = sla_planner::i18n::Language::Dutch.warning(unmet[0]);
                assert!(
                    dutch.contains("levert geen leadplan zonder negatieve leads"),
                    "{dutch}"
                );
            }
            None => close(reached[i], m.customers),
        }
    }
    let Warning::LagUnmet { month, .. } = unmet[0] else {
        unreachable!()
    };
    let english = sla_planner::i18n::Language::English.warning(unmet[0]);
    let name = sla_planner::i18n::Language::English.month(*month);
    assert!(
        english.starts_with(&format!(
            "{name}: with the sales-cycle lag spread over months"
        )),
        "{english}"
    );
}

#[test]
fn a_lag_spread_is_validated_with_the_field_named() {
    let english = |shares: Vec<f64>| -> Vec<String> {
        let a = Assumptions {
            sales_cycle_lag_spread_percent: shares,
            ..Assumptions::default()
        };
        compute(&a, &SalesCommitments::default())
            .unwrap_err()
            .iter()
            .map(|p| sla_planner::i18n::Language::English.problem(p, Some(&a)))
            .collect()
    };
    assert_eq!(
        english(vec![60.0, 50.0, -10.0]),
        ["Sales-cycle lag › 2 months later: −10% is below the minimum of 0%."]
    );
    assert_eq!(
        english(vec![60.0, 30.0]),
        ["Sales-cycle lag: the shares add up to 90%; they must add up to 100%."]
    );
    let mut long = vec![0.0; 26];
    long[0] = 100.0;
    assert_eq!(
        english(long),
        ["Sales-cycle lag: there are 26; allowed are 1 to 25."]
    );
    // Rounding: three thirds typed as 33.33 % are fine, as with lead source shares.
    let a = Assumptions {
        sales_cycle_lag_spread_percent: vec![33.33, 33.33, 33.34],
        ..Assumptions::default()
    };
    assert!(compute(&a, &SalesCommitments::default()).is_ok());
}
