//! Large documents for the benchmarks: the sizes the performance goals are stated for.
#![allow(dead_code, reason = "each benchmark uses part of the fixtures")]

use chrono::{Datelike as _, Weekday};
use sla_planner::document::{Actuals, Scenario, ScenarioId, SlaDocument, SourceDay};
use sla_planner::plan::{Conversion, FunnelStage, LeadSource, SalesCapacity};

/// A 36-month scenario with 5 funnel stages and `sources` lead sources, built on the example's.
pub fn big_scenario(name: &str, sources: usize) -> Scenario {
    let example = SlaDocument::example().expect("the example loads");
    let mut scenario = example.scenarios[0].clone();
    scenario.name = name.to_owned();
    let a = &mut scenario.assumptions;
    a.period.months = 36;
    a.seasonality = (0..36).map(|i| 0.6 + f64::from(i % 12) / 10.0).collect();
    a.conversion = Conversion::Stages;
    a.funnel_stages = ["Inquiry", "MQL", "SAL", "SQL", "Opportunity"]
        .iter()
        .map(|n| FunnelStage::new(n, 55.0))
        .collect();
    a.lead_sources = (0..sources)
        .map(|i| LeadSource {
            name: format!("Source {}", i + 1),
            share_percent: 100.0 / sources as f64,
            lead_to_customer_percent: 1.0 + i as f64,
            average_deal_size: 20_000.0 + 1_000.0 * i as f64,
            cost_per_lead: Some(25.0 + i as f64),
            ..LeadSource::default()
        })
        .collect();
    a.capacity = Some(SalesCapacity {
        reps: 4,
        leads_per_rep_per_month: 150.0,
    });
    scenario
}

/// The example with `scenarios` big scenarios.
pub fn big_document(scenarios: usize, sources: usize) -> SlaDocument {
    let mut doc = SlaDocument::example().expect("the example loads");
    doc.scenarios = (0..scenarios)
        .map(|i| {
            let mut scenario = big_scenario(&format!("Scenario {}", i + 1), sources);
            scenario.id = ScenarioId(u32::try_from(i + 1).expect("a small count"));
            scenario
        })
        .collect();
    doc
}

/// A 36-month plan with five lead sources, and a record for every day of it and every source
/// (weekends too, with fewer leads): 5,480 records with every measure and two rejection reasons.
pub fn tracked_document() -> SlaDocument {
    let mut doc = big_document(1, 5);
    doc.scenarios[0].assumptions.conversion = Conversion::LeadSources;
    let agreed = doc.scenarios[0].id;
    doc.set_agreed(agreed);
    let start = doc.scenarios[0].assumptions.period.start.first_day();
    let sources: Vec<String> = doc.scenarios[0]
        .assumptions
        .lead_sources
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let mut records = Vec::new();
    for (i, date) in start.iter_days().take(3 * 365 + 1).enumerate() {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        for (s, source) in sources.iter().enumerate() {
            let leads = if weekend { 1 } else { 3 + ((i + s) % 5) as u32 };
            let mut day = SourceDay::new(date, source);
            day.leads = leads;
            day.accepted = leads / 2;
            day.rejected = 1;
            day.rejected_reasons = [(["No budget", "Student"][i % 2].to_owned(), 1)].into();
            day.contacted_in_time = leads.saturating_sub(1);
            day.contact_attempts = leads * 4;
            day.reached_attempts = leads / 2;
            day.customers = u32::from(i % 20 == s);
            day.revenue = f64::from(day.customers) * 24_000.0;
            records.push(day);
        }
    }
    doc.actuals = Actuals::from_records(records);
    doc
}

/// The example with the most records of actuals a document holds
/// ([`MAX_ACTUALS`](sla_planner::document::MAX_ACTUALS)), each a day's leads of one of 50
/// sources.
pub fn most_records() -> SlaDocument {
    let first = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).expect("a date");
    let records = (0..sla_planner::document::MAX_ACTUALS)
        .map(|i| {
            let date = first + chrono::Duration::days((i / 50) as i64);
            let mut day = SourceDay::new(date, &format!("Source {}", i % 50));
            day.leads = 1 + (i % 7) as u32;
            day
        })
        .collect();
    let mut doc = SlaDocument::example().expect("the example loads");
    doc.actuals = Actuals::from_records(records);
    doc
}

/// A document at every limit of the format (docs/FORMAT.md): 100 scenarios, each with 10 funnel
/// stages, 50 lead sources and 500 holidays.
pub fn document_at_the_limits() -> SlaDocument {
    use sla_planner::document::{MAX_HOLIDAYS, MAX_SCENARIOS};
    use sla_planner::plan::{MAX_SOURCES, MAX_STAGES};
    let mut doc = big_document(MAX_SCENARIOS, MAX_SOURCES);
    let first = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date");
    for scenario in &mut doc.scenarios {
        let a = &mut scenario.assumptions;
        a.funnel_stages = (0..MAX_STAGES)
            .map(|i| FunnelStage::new(&format!("Stage {}", i + 1), 90.0))
            .collect();
        a.holidays = (0..MAX_HOLIDAYS)
            .filter_map(|i| first.checked_add_days(chrono::Days::new(i as u64 * 2)))
            .collect();
    }
    doc
}
