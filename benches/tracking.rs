//! Goals: the status and the month's hug-the-line series of a document with three years × five
//! sources of daily actuals fast enough to compute every frame (well under a millisecond), and
//! loading and validating that document from RON text in under 100 ms.

#![allow(clippy::expect_used, reason = "a benchmark stops on a broken fixture")]

mod common;

use chrono::{Datelike as _, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use sla_planner::document::{Actuals, SlaDocument, SourceDay, parse, to_ron};
use sla_planner::plan::{Conversion, compute};
use sla_planner::tracking::{
    Granularity, Quantity, SourceFilter, compliance, month_line, period_line, status,
};

/// A 36-month plan with five lead sources, and a record for every day of it and every source
/// (weekends too, with fewer leads): 5,480 records with every measure and two rejection reasons.
fn tracked_document() -> SlaDocument {
    let mut doc = common::big_document(1, 5);
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

fn tracking(c: &mut Criterion) {
    let doc = tracked_document();
    let scenario = &doc.scenarios[0];
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).expect("the plan computes");
    let date = NaiveDate::from_ymd_opt(2029, 6, 14).expect("a date");
    let all = SourceFilter::all();
    let month = plan.months[29].month;
    assert!(
        status(&doc, scenario.id, &plan, date).is_ok(),
        "a date in the period"
    );
    c.bench_function("status, 3 years × 5 sources of actuals", |b| {
        b.iter(|| status(&doc, scenario.id, &plan, date).expect("in the period"));
    });
    c.bench_function("hug-the-line series of a month", |b| {
        b.iter(|| {
            month_line(
                &doc,
                scenario.id,
                &plan,
                month,
                date,
                Quantity::LeadValue,
                &all,
            )
            .expect("in the period")
        });
    });
    c.bench_function("hug-the-line series by week over 3 years", |b| {
        b.iter(|| {
            period_line(
                &doc,
                scenario.id,
                &plan,
                Granularity::Week,
                date,
                Quantity::Leads,
                &all,
            )
            .expect("in the period")
        });
    });
    c.bench_function("sales compliance by month over 3 years", |b| {
        b.iter(|| {
            compliance(&doc, scenario.id, &plan, Granularity::Month, date, &all)
                .expect("in the period")
        });
    });
    let text = to_ron(&doc).expect("the document serialises");
    let path = std::path::Path::new("tracked.sla.ron");
    c.bench_function("parse and validate 3 years × 5 sources of actuals", |b| {
        b.iter(|| {
            let loaded = parse(&text, path).expect("the document parses");
            loaded.document.problems()
        });
    });
}

criterion_group!(benches, tracking);
criterion_main!(benches);
