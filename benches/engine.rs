//! Goal: a full plan of a 36-month scenario with 5 stages and 10 lead sources in under 20 µs.

#![allow(clippy::expect_used, reason = "a benchmark stops on a broken fixture")]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use sla_planner::plan::{SalesCommitments, compute};

fn full_plan(c: &mut Criterion) {
    let scenario = common::big_scenario("Big", 10);
    let commitments = SalesCommitments::default();
    c.bench_function("plan 36 months, 5 stages, 10 sources", |b| {
        b.iter(|| compute(std::hint::black_box(&scenario.assumptions), &commitments));
    });
}

criterion_group!(benches, full_plan);
criterion_main!(benches);
