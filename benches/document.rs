//! Goals: load and validate a document with 20 scenarios in under 5 ms; save it in under 5 ms.

#![allow(clippy::expect_used, reason = "a benchmark stops on a broken fixture")]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use sla_planner::document::{load, save};

fn load_and_save(c: &mut Criterion) {
    let doc = common::big_document(20, 10);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.sla.ron");
    save(&doc, &path).expect("the document saves");
    c.bench_function("load and validate 20 scenarios", |b| {
        b.iter(|| {
            let loaded = load(&path).expect("the document loads");
            loaded.document.problems()
        });
    });
    c.bench_function("save 20 scenarios", |b| {
        b.iter(|| save(&doc, &path).expect("the document saves"));
    });
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
