//! Goals on the embedded example (Plan 2027: 3 lead sources, 1,100 leads): a goal seek, a
//! sensitivity run and the confidence figures (chance with the planned leads and the leads for
//! 90 %) each in under 1 ms. The comparison table of 20 scenarios of 10 sources is what the
//! compare view computes every frame, so it must stay well inside the 4 ms frame goal. A diff of
//! the most records a document holds stays well under the 1 s `check` takes.

#![allow(clippy::expect_used, reason = "a benchmark stops on a broken fixture")]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use sla_planner::document::{Actuals, SlaDocument};
use sla_planner::plan::compute;
use sla_planner::whatif::{self, Comparison, Goal, Input, Metric, confidence, sensitivity, solve};

fn what_if(c: &mut Criterion) {
    let doc = SlaDocument::example().expect("the example loads");
    let a = &doc.scenarios[0].assumptions;
    let commitments = &doc.sales_commitments;
    let plan = compute(a, commitments).expect("the example plans");
    let goal = Goal {
        metric: Metric::LeadsPerMonth,
        target: 100.0,
    };
    c.bench_function("solve: marketing share for 100 leads a month", |b| {
        b.iter(|| {
            solve(
                std::hint::black_box(a),
                commitments,
                Input::MarketingShare,
                goal,
            )
        });
    });
    c.bench_function("sensitivity: every input ±10 %", |b| {
        b.iter(|| sensitivity(std::hint::black_box(a), commitments, 0.1));
    });
    c.bench_function("confidence: 1,100 leads over 3 sources, 90 %", |b| {
        b.iter(|| confidence(std::hint::black_box(a), &plan, 0.9));
    });
}

fn compare(c: &mut Criterion) {
    let doc = common::big_document(20, 10);
    let all: Vec<_> = doc.scenarios.iter().map(|s| s.id).collect();
    c.bench_function("compare: 20 scenarios of 10 sources", |b| {
        b.iter(|| Comparison::of(std::hint::black_box(&doc), &all));
    });
}

/// `diff` of a colleague's copy in which one day's leads changed: the records are paired by
/// day and source through an index, so the time grows with the records, not their square.
fn diff(c: &mut Criterion) {
    for (name, before) in [
        (
            "diff: 5,480 records, one changed",
            common::tracked_document(),
        ),
        ("diff: 90,000 records, one changed", common::most_records()),
    ] {
        let mut after = before.clone();
        let mut records = after.actuals.records().to_vec();
        let middle = records.len() / 2;
        records[middle].leads += 1;
        after.actuals = Actuals::from_records(records);
        assert_eq!(whatif::diff(&before, &after).changes.len(), 1);
        c.bench_function(name, |b| {
            b.iter(|| whatif::diff(std::hint::black_box(&before), &after));
        });
    }
}

criterion_group!(benches, what_if, compare, diff);
criterion_main!(benches);
