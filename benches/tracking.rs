//! Goals: the status and the month's hug-the-line series of a document with three years × five
//! sources of daily actuals fast enough to compute every frame (well under a millisecond), and
//! loading and validating that document from RON text in under 100 ms; the forecast of the
//! month, quarter, period and customers (issue 20) under 1 ms (also with the lag spread over
//! months), and the month's and the period's fan.

#![allow(clippy::expect_used, reason = "a benchmark stops on a broken fixture")]

mod common;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use sla_planner::document::{parse, to_ron};
use sla_planner::plan::compute;
use sla_planner::tracking::{
    Granularity, Quantity, SourceFilter, compliance, forecast, month_fan, month_line, period_fan,
    period_line, status,
};

fn tracking(c: &mut Criterion) {
    let doc = common::tracked_document();
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
    let f = forecast(&doc, scenario.id, &plan, date, &all).expect("in the period");
    assert!(
        f.month.is_some() && f.quarter.is_some() && f.period.is_some() && f.customers.is_some()
    );
    c.bench_function("forecast of month, quarter, period and customers", |b| {
        b.iter(|| forecast(&doc, scenario.id, &plan, date, &all).expect("in the period"));
    });
    c.bench_function("forecast fan of a month", |b| {
        b.iter(|| {
            month_fan(&doc, scenario.id, &plan, date, Quantity::Leads, &all).expect("in the period")
        });
    });
    c.bench_function("forecast fan of the period by week", |b| {
        b.iter(|| {
            period_fan(
                &doc,
                scenario.id,
                &plan,
                date,
                Quantity::Leads,
                &all,
                Granularity::Week,
            )
            .expect("in the period")
        });
    });
    let mut spread = doc.clone();
    spread.scenarios[0]
        .assumptions
        .sales_cycle_lag_spread_percent = vec![60.0, 30.0, 10.0];
    let spread_plan =
        compute(&spread.scenarios[0].assumptions, &spread.sales_commitments).expect("a valid plan");
    c.bench_function("forecast with the lag spread over three months", |b| {
        b.iter(|| forecast(&spread, scenario.id, &spread_plan, date, &all).expect("in the period"));
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
