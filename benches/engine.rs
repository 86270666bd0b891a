//! Goals: a full plan of a 36-month scenario with 5 stages and 10 lead sources in under 20 µs;
//! `sla-planner plan … --format json` as a whole process in under 20 ms.

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

fn plan_command(c: &mut Criterion) {
    let binary = env!("CARGO_BIN_EXE_sla-planner");
    let args = [
        "plan",
        "--revenue-goal",
        "1200000",
        "--marketing-share",
        "50",
        "--deal-size",
        "25000",
        "--lead-to-customer",
        "5",
        "--format",
        "json",
    ];
    c.bench_function("process: sla-planner plan --format json", |b| {
        b.iter(|| {
            std::process::Command::new(binary)
                .args(args)
                .output()
                .expect("the command runs")
        });
    });
}

criterion_group!(benches, full_plan, plan_command);
criterion_main!(benches);
