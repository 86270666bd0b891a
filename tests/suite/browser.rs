//! The example's HTML export in a real browser: Chromium prints it to PDF, and the PDF's text
//! (poppler's `pdftotext`) holds the key numbers on a sane number of A4 pages. `.ci/run`
//! installs both; on a machine without them the test says so and passes.

use std::process::Command;

use sla_planner::document::SlaDocument;
use sla_planner::export::{self, Format};
use sla_planner::i18n::Language;
use sla_planner::plan::compute;
use sla_planner::report::Report;

fn installed(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

#[test]
fn the_html_export_prints_to_a4_with_the_key_numbers() {
    if !installed("chromium") || !installed("pdftotext") {
        eprintln!("skipped: chromium and pdftotext (poppler-utils) are not installed");
        return;
    }
    let doc = SlaDocument::example().unwrap();
    let scenario = &doc.scenarios[doc.agreed_index().unwrap_or(0)];
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
    let report = Report::of_document(&doc, scenario.id, &plan, Language::English);
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("example.html");
    let pdf = dir.path().join("example.pdf");
    std::fs::write(&html, export::render(&report, Format::Html)).unwrap();
    let printed = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&html)
        .output()
        .unwrap();
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&printed.stderr));
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for key in [
        "Smarketing-SLA 2027",
        "Marketing delivers 1,100 leads",
        "€1,440,000",
        "January 2027",
        "Whitepaper downloads",
    ] {
        assert!(text.contains(key), "missing “{key}” in the PDF:\n{text}");
    }
    let pages = text.matches('\u{c}').count();
    assert!((3..=10).contains(&pages), "{pages} pages");
}
