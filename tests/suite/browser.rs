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
    // The agreement, the months, 53 ISO weeks and step 3 (five charts, each kept whole, and the
    // monthly review as one block) print on 11 pages of A4.
    let pages = text.matches('\u{c}').count();
    assert!((3..=12).contains(&pages), "{pages} pages");
}

/// The example's HTML in Chromium, in a frame `width` pixels wide (a headless window is at
/// least 500 wide), measured by a script of the page around the frame: the page's own width,
/// the right edge of the month table's Leads cells, and the height of the smallest chart text
/// shown.
fn measured_at(width: u32) -> Option<serde_json::Value> {
    if !installed("chromium") {
        eprintln!("skipped: chromium is not installed");
        return None;
    }
    let doc = SlaDocument::example().unwrap();
    let scenario = &doc.scenarios[doc.agreed_index().unwrap_or(0)];
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
    let report = Report::of_document(&doc, scenario.id, &plan, Language::English);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("example.html"),
        export::render(&report, Format::Html),
    )
    .unwrap();
    let frame = format!(
        "<!doctype html><body style=\"margin:0\"><iframe src=\"example.html\" \
         style=\"border:0;width:{width}px;height:2000px\" onload=\"measure(this)\"></iframe>\
         <script>function measure(frame) {{\
         const page = frame.contentDocument;\
         const box = e => e.getBoundingClientRect();\
         const table = [...page.querySelectorAll('section')]\
           .find(s => s.querySelector('h2').textContent === 'Targets per month').querySelector('table');\
         const column = [...table.querySelectorAll('th')].findIndex(th => th.textContent === 'Leads') + 1;\
         const leads = [...table.querySelectorAll('tbody td:nth-child(' + column + ')')];\
         const texts = [...page.querySelectorAll('svg text')]\
           .filter(t => frame.contentWindow.getComputedStyle(t).display !== 'none');\
         document.body.dataset.measured = JSON.stringify({{\
           page: page.documentElement.scrollWidth,\
           leads_right: Math.max(...leads.map(td => box(td).right)),\
           leads_cells: leads.length,\
           smallest_text: Math.min(...texts.map(t => box(t).height)),\
         }});}}</script></body>"
    );
    let path = dir.path().join("frame.html");
    std::fs::write(&path, frame).unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--allow-file-access-from-files",
            "--window-size=1400,2000",
            "--dump-dom",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom
        .find("data-measured=\"")
        .unwrap_or_else(|| panic!("not measured: {dom}"))
        + 15;
    let end = start + dom[start..].find('"').unwrap();
    let json = dom[start..end].replace("&quot;", "\"");
    Some(serde_json::from_str(&json).unwrap())
}

// Issue 18, point 13: on a phone (390 px) the month table stacked into cards (the Leads
// column was off-screen, scrolled sideways) and the charts' text was about 6 px.
#[test]
fn the_html_export_reads_on_a_phone_and_on_a_laptop() {
    for width in [390, 1280] {
        let Some(m) = measured_at(width) else { return };
        let number = |key: &str| m[key].as_f64().unwrap();
        eprintln!("{width}: {m}");
        assert_eq!(number("leads_cells"), 12.0, "{m}");
        assert!(number("page") <= f64::from(width), "{width}: {m}");
        assert!(number("leads_right") <= f64::from(width), "{width}: {m}");
        assert!(number("smallest_text") >= 11.0, "{width}: {m}");
    }
}
