//! The exports of the report model: golden files of the example (reviewed by eye; rewrite them
//! with `UPDATE_GOLDEN=1 cargo test --test suite export::` and look at the diff), escaping of user text,
//! CSV read back as a spreadsheet would, and the `export` command as a user runs it.

use std::path::Path;
use std::process::Command;

use sla_planner::document::{self, SlaDocument};
use sla_planner::export::csv::{Dialect, Rows};
use sla_planner::export::{self, Format};
use sla_planner::i18n::Language;
use sla_planner::plan::funnel::whole_up;
use sla_planner::plan::{Plan, compute};
use sla_planner::report::Report;

fn plan_of(doc: &SlaDocument, scenario: usize) -> Plan {
    let s = &doc.scenarios[scenario];
    compute(&s.assumptions, &doc.sales_commitments).unwrap()
}

fn report_of(doc: &SlaDocument, language: Language) -> Report {
    let scenario = &doc.scenarios[doc.agreed_index().unwrap_or(0)];
    Report::of_document(
        doc,
        scenario.id,
        &plan_of(doc, doc.agreed_index().unwrap_or(0)),
        language,
    )
}

fn example_report(language: Language) -> Report {
    report_of(&SlaDocument::example().unwrap(), language)
}

/// Compares `text` with `tests/golden/NAME`, or writes it there with `UPDATE_GOLDEN=1`.
fn golden(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == text,
        "{name} differs from tests/golden/{name}; run with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn exports_of_the_example_match_the_golden_files() {
    let english = example_report(Language::English);
    golden("example.html", &export::render(&english, Format::Html));
    golden("example.md", &export::render(&english, Format::Markdown));
    golden(
        "example.months.csv",
        &export::render(&english, Format::Csv(Rows::Months, Dialect::Comma)),
    );
    golden(
        "example.weeks.csv",
        &export::render(&english, Format::Csv(Rows::Weeks, Dialect::Comma)),
    );
    let dutch = example_report(Language::Dutch);
    golden("example.nl.html", &export::render(&dutch, Format::Html));
    golden(
        "example.nl.months.csv",
        &export::render(&dutch, Format::Csv(Rows::Months, Dialect::Semicolon)),
    );
    golden("example.agreement.txt", &export::text::agreement(&english));
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    for format in [
        Format::Html,
        Format::Markdown,
        Format::Csv(Rows::Weeks, Dialect::Semicolon),
    ] {
        let first = export::render(&example_report(Language::English), format);
        let second = export::render(&example_report(Language::English), format);
        assert_eq!(first, second);
    }
}

/// A document whose every user string tries to become markup.
fn hostile() -> SlaDocument {
    let mut doc = SlaDocument::example().unwrap();
    doc.title = "<script>alert(1)</script>".into();
    doc.company = "<b>Evil</b> & Co | \"quoted\"".into();
    doc.owners.marketing = "<img src=x onerror=alert(2)>".into();
    doc.notes = "</p><iframe src=\"https://example.com\"></iframe>".into();
    doc.scenarios[0].name = "<script>alert(1)</script>".into();
    doc.scenarios[0].assumptions.lead_sources[0].name =
        "Demo | <style>*{display:none}</style>".into();
    doc
}

#[test]
fn html_shows_user_text_as_text_and_one_svg_per_chart() {
    let doc = hostile();
    let report = report_of(&doc, Language::English);
    let html = export::render(&report, Format::Html);
    let page = scraper::Html::parse_document(&html);
    let count = |selector: &str| {
        page.select(&scraper::Selector::parse(selector).unwrap())
            .count()
    };
    assert_eq!(count("script"), 0);
    assert_eq!(count("img"), 0);
    assert_eq!(count("iframe"), 0);
    assert_eq!(count("b"), 0);
    assert_eq!(count("style"), 1, "only the page's own style sheet");
    assert_eq!(
        report.charts.len(),
        3,
        "targets, customers and revenue, lead mix"
    );
    assert!(report.tracking.is_some(), "the example has results");
    assert_eq!(
        count("svg"),
        report.charts.len() + 4,
        "and the tracking charts: hug the line, contacted in time, attempts, accepted and rejected"
    );
    let h1: String = page
        .select(&scraper::Selector::parse("h1").unwrap())
        .flat_map(|e| e.text())
        .collect();
    assert_eq!(h1, "<script>alert(1)</script>");
    let text: String = page.root_element().text().collect();
    assert!(text.contains("<b>Evil</b> & Co | \"quoted\""), "{text}");
    assert!(text.contains("<img src=x onerror=alert(2)>"));
    assert!(text.contains("Demo | <style>*{display:none}</style>"));
    // Self-contained: nothing is fetched.
    for attribute in ["src", "href"] {
        assert_eq!(count(&format!("[{attribute}]")), 0, "{attribute}");
    }
    assert!(!html.contains("<link"));
}

#[test]
fn markdown_keeps_tables_whole_with_pipes_in_names() {
    let doc = hostile();
    let md = export::render(&report_of(&doc, Language::English), Format::Markdown);
    assert!(md.contains("Demo \\| &lt;style>"), "{md}");
    assert!(!md.contains("<script"));
    // Every row of a table has as many unescaped pipes as its header.
    let pipes = |line: &str| line.replace("\\|", "").matches('|').count();
    let mut header = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let expected = *header.get_or_insert(pipes(line));
            assert_eq!(pipes(line), expected, "{line}");
        } else {
            header = None;
        }
    }
}

fn read_csv(text: &str, delimiter: u8, decimal: char) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_owned())
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|c| {
                    if decimal == ',' {
                        c.replace(',', ".")
                    } else {
                        c.to_owned()
                    }
                })
                .collect()
        })
        .collect();
    (header, rows)
}

fn column_sum(header: &[String], rows: &[Vec<String>], name: &str) -> f64 {
    let i = header.iter().position(|h| h == name).unwrap();
    rows.iter()
        .fold(0.0, |sum, r| sum + r[i].parse::<f64>().unwrap())
}

#[test]
fn csv_months_and_weeks_add_up_to_the_leads_needed() {
    let doc = SlaDocument::example().unwrap();
    let plan = plan_of(&doc, 0);
    for (language, dialect, delimiter, decimal, leads) in [
        (
            Language::English,
            Dialect::Comma,
            b',',
            '.',
            "Leads (exact)",
        ),
        (
            Language::Dutch,
            Dialect::Semicolon,
            b';',
            ',',
            "Leads (exact)",
        ),
    ] {
        let report = report_of(&doc, language);
        for rows in [Rows::Months, Rows::Weeks] {
            let text = export::render(&report, Format::Csv(rows, dialect));
            let (header, records) = read_csv(&text, delimiter, decimal);
            let table = match rows {
                Rows::Months => &report.months,
                Rows::Weeks => &report.weeks,
            };
            // Customers and leads each have a whole and an exact column.
            assert_eq!(header.len(), table.columns.len() + 2);
            assert_eq!(records.len(), table.rows.len());
            let sum = column_sum(&header, &records, leads);
            assert_eq!(sum, plan.leads_needed, "{rows:?} {dialect:?}");
            let whole = column_sum(&header, &records, "Leads");
            assert_eq!(whole, whole_up(plan.leads_needed), "{rows:?} {dialect:?}");
        }
    }
    let months = export::render(
        &example_report(Language::English),
        Format::Csv(Rows::Months, Dialect::Comma),
    );
    assert!(months.lines().nth(1).unwrap().starts_with("2027-01,20,"));
    let weeks = export::render(
        &example_report(Language::English),
        Format::Csv(Rows::Weeks, Dialect::Comma),
    );
    assert!(
        weeks
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("2027-W01,2027-01-04,"),
        "{weeks}"
    );
}

fn sla_planner(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn the_export_command_writes_stdout_or_a_file() {
    let html = sla_planner(&["export", "assets/example.sla.ron", "--format", "html"]);
    assert!(html.status.success());
    let expected = export::render(&example_report(Language::English), Format::Html);
    assert_eq!(String::from_utf8(html.stdout).unwrap(), expected);
    let again = sla_planner(&["export", "assets/example.sla.ron", "--format", "html"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), expected);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("weeks.csv");
    let written = sla_planner(&[
        "export",
        "assets/example.sla.ron",
        "--format",
        "csv",
        "--weeks",
        "--semicolons",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(written.status.success(), "{written:?}");
    assert!(written.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        export::render(
            &example_report(Language::English),
            Format::Csv(Rows::Weeks, Dialect::Semicolon)
        )
    );

    let cautious = sla_planner(&[
        "export",
        "assets/example.sla.ron",
        "--format",
        "md",
        "--scenario",
        "Cautious",
    ]);
    assert!(cautious.status.success());
    let md = String::from_utf8(cautious.stdout).unwrap();
    assert!(md.contains("Scenario: Cautious"), "{md}");

    let missing = sla_planner(&[
        "export",
        "assets/example.sla.ron",
        "--format",
        "md",
        "--scenario",
        "Bold",
    ]);
    assert_eq!(missing.status.code(), Some(1));

    let nowhere = dir.path().join("no/such/folder/x.html");
    let failed = sla_planner(&[
        "export",
        "assets/example.sla.ron",
        "--format",
        "html",
        "-o",
        nowhere.to_str().unwrap(),
    ]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        String::from_utf8(failed.stderr)
            .unwrap()
            .contains("Could not write")
    );
}

#[test]
fn a_document_saved_and_exported_again_gives_the_same_export() {
    let doc = SlaDocument::example().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("again.sla.ron");
    document::write_atomically(&path, &document::to_ron(&doc).unwrap()).unwrap();
    let output = sla_planner(&["export", path.to_str().unwrap(), "--format", "md"]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        export::render(&example_report(Language::English), Format::Markdown)
    );
}

// Issue 20: an export says how the leads close when the lag is spread over months.
#[test]
fn exports_describe_a_lag_spread_over_months() {
    let mut doc = SlaDocument::example().unwrap();
    let agreed = doc.agreed_index().unwrap();
    doc.scenarios[agreed]
        .assumptions
        .sales_cycle_lag_spread_percent = vec![60.0, 30.0, 10.0];
    let english = export::render(&report_of(&doc, Language::English), Format::Markdown);
    assert!(
        english.contains(
            "the marketing revenue those leads will close, 60% in the same month, 30% a month later, 10% 2 months later."
        ),
        "{english}"
    );
    let dutch = export::render(&report_of(&doc, Language::Dutch), Format::Html);
    assert!(
        dutch.contains("60% in dezelfde maand, 30% een maand later, 10% 2 maanden later"),
        "{dutch}"
    );
    // The single shift as before.
    let example = export::render(&example_report(Language::English), Format::Markdown);
    assert!(example.contains("will close 2 months later."), "{example}");
}
