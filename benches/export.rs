//! Goal: an export of the example — plan, report model and rendering — in under 5 ms for each
//! format (HTML with its SVG charts, Markdown, CSV of the months and of the ISO weeks).

#![allow(clippy::expect_used, reason = "a benchmark stops on a broken fixture")]

use criterion::{Criterion, criterion_group, criterion_main};
use sla_planner::document::SlaDocument;
use sla_planner::export::csv::{Dialect, Rows};
use sla_planner::export::{self, Format};
use sla_planner::i18n::Language;
use sla_planner::plan::compute;
use sla_planner::report::Report;

fn exports(c: &mut Criterion) {
    let doc = SlaDocument::example().expect("the example loads");
    let scenario = &doc.scenarios[doc.agreed_index().unwrap_or(0)];
    for (name, format) in [
        ("export example html", Format::Html),
        ("export example markdown", Format::Markdown),
        (
            "export example csv months",
            Format::Csv(Rows::Months, Dialect::Comma),
        ),
        (
            "export example csv weeks",
            Format::Csv(Rows::Weeks, Dialect::Semicolon),
        ),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let plan = compute(&scenario.assumptions, &doc.sales_commitments)
                    .expect("the example plans");
                let report = Report::of_document(&doc, scenario.id, &plan, Language::English);
                export::render(std::hint::black_box(&report), format)
            });
        });
    }
}

criterion_group!(benches, exports);
criterion_main!(benches);
