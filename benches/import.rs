//! Goal: import a 100,000-row CRM export (read, analyse for the mapping step, import) in under
//! one second, from memory and from a file (streamed: scanned for its encoding, then read
//! twice). README "CRM import" gives the figures of a 1 GB file.

#![allow(clippy::expect_used, reason = "a benchmark stops on a broken fixture")]

use std::fmt::Write as _;

use criterion::{Criterion, criterion_group, criterion_main};
use sla_planner::document::SlaDocument;
use sla_planner::tracking::import::{self, CsvText, Progress, Settings};

/// A HubSpot-style export of `rows` leads over a year, every column filled as a real one is.
fn export(rows: usize) -> String {
    let sources = [
        "Demo requests",
        "Webinars",
        "Whitepaper downloads",
        "Podcast",
    ];
    let stages = [
        "Lead",
        "Sales Qualified Lead",
        "Unqualified",
        "Opportunity",
        "Customer",
    ];
    let mut text = String::from(
        "Record ID,First Name,Create Date,Original Source,Lifecycle Stage,First Contact Date,\
         Number of Sales Activities,Became a Customer Date,Amount,Rejection Reason\n",
    );
    for i in 0..rows {
        let month = i % 12 + 1;
        let day = i % 28 + 1;
        let stage = stages[i % stages.len()];
        let (closed, amount) = if stage == "Customer" {
            (format!("2027-{month:02}-28"), "\"€ 12.500,00\"")
        } else {
            (String::new(), "")
        };
        let reason = if stage == "Unqualified" {
            "No budget"
        } else {
            ""
        };
        let _ = writeln!(
            text,
            "{i},Name {i},2027-{month:02}-{day:02} 09:{:02},{},{stage},2027-{month:02}-{day:02} 10:{:02},{},{closed},{amount},{reason}",
            i % 60,
            sources[i % sources.len()],
            (i * 7) % 60,
            i % 9,
        );
    }
    text
}

/// Analyses and imports `text` into the example as the command does.
fn run(doc: &SlaDocument, text: &CsvText) -> import::Imported {
    let progress = Progress::default();
    let preview = import::analyse(text, &progress).expect("the export reads");
    let mapping = preview.suggested_mapping(&doc.tracking.import);
    let order = preview
        .date_evidence(&mapping)
        .resolve(None, None)
        .expect("ISO dates");
    let settings = Settings::for_document(doc, mapping, order);
    let imported = import::import(text, &settings, &progress).expect("the export imports");
    assert_eq!(imported.imported, 100_000);
    imported
}

fn import_100k(c: &mut Criterion) {
    let doc = SlaDocument::example().expect("the example loads");
    let bytes = export(100_000).into_bytes();
    c.bench_function("import a 100,000-row CRM export", |b| {
        b.iter(|| run(&doc, &CsvText::decode(&bytes).expect("the export decodes")));
    });
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("export.csv");
    std::fs::write(&path, &bytes).expect("the export is written");
    c.bench_function("import a 100,000-row CRM export from a file", |b| {
        b.iter(|| run(&doc, &CsvText::read(&path).expect("the export reads")));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = import_100k
}
criterion_main!(benches);
