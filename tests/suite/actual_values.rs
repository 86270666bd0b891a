//! Issue 15, values that are wrong and what the outputs make of them: impossible actuals are
//! refused where a file is read (with line:col and the field), counts of `u32::MAX` add up,
//! a very long name does not abort `summary`, and the exports keep user text in its place.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use sla_planner::document::{self, Measure, SlaDocument, SourceDay, Totals};
use sla_planner::export::{self, Format};
use sla_planner::i18n::Language;
use sla_planner::plan::compute;
use sla_planner::report::Report;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()
}

/// The example with one record of actuals whose fields are easy to find in the text.
fn example_with_actuals() -> String {
    let mut doc = SlaDocument::example().unwrap();
    doc.actuals.replace_held(vec![SourceDay {
        leads: 4,
        accepted: 1,
        contacted_in_time: 3,
        customers: 1,
        revenue: 123.0,
        ..SourceDay::new(day(), "Website")
    }]);
    document::to_ron(&doc).unwrap()
}

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("plan.sla.ron");
    std::fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(args)
        .args(["--lang", "en"])
        .output()
        .unwrap()
}

fn all_output(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let offset = text.find(needle).unwrap();
    text[..offset].matches('\n').count() + 1
}

#[test]
fn check_and_summary_refuse_impossible_revenue_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = example_with_actuals();
    for bad in ["NaN", "inf", "-inf", "-5.0", "1e308"] {
        let edited = text.replace("revenue: 123.0", &format!("revenue: {bad}"));
        assert_ne!(edited, text);
        let path = write(dir.path(), &edited);
        let line = line_of(&edited, &format!("revenue: {bad}"));
        for command in ["check", "summary"] {
            let output = run(&[command, path.to_str().unwrap()]);
            let said = all_output(&output);
            assert!(!output.status.success(), "{command} {bad}: {said}");
            assert!(
                said.contains("].revenue is") && said.contains(&format!("line {line},")),
                "{command} {bad} (line {line}): {said}"
            );
        }
    }
}

#[test]
fn check_refuses_more_contacted_in_time_or_answered_than_leads() {
    let dir = tempfile::tempdir().unwrap();
    let text = example_with_actuals();
    for (from, to, field) in [
        (
            "contacted_in_time: 3",
            "contacted_in_time: 9",
            "].contacted_in_time is 9",
        ),
        (
            "revenue: 123.0",
            "revenue: 123.0, rejected: 4",
            "1 accepted and 4 rejected",
        ),
    ] {
        let edited = text.replace(from, to);
        assert_ne!(edited, text);
        let path = write(dir.path(), &edited);
        let output = run(&["check", path.to_str().unwrap()]);
        let said = all_output(&output);
        assert!(!output.status.success(), "{said}");
        assert!(said.contains(field), "{field}: {said}");
        assert!(said.contains("4 leads"), "{said}");
    }
    // Customers count on the day the deal closed: more than that day's leads is no problem.
    let seven = text.replace(
        "customers: 1,\n            revenue: 123.0",
        "customers: 7,\n            revenue: 123.0",
    );
    assert_ne!(seven, text);
    let path = write(dir.path(), &seven);
    let output = run(&["check", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", all_output(&output));
}

#[test]
fn counts_of_u32_max_add_up_without_wrapping() {
    let record = |d: u32| SourceDay {
        leads: u32::MAX,
        contacted_in_time: u32::MAX,
        customers: u32::MAX,
        ..SourceDay::new(NaiveDate::from_ymd_opt(2027, 1, d).unwrap(), "Website")
    };
    let totals = Totals::of(&[record(4), record(5), record(6)]);
    assert_eq!(totals.leads, 3 * u64::from(u32::MAX));
    assert_eq!(totals.customers, 3 * u64::from(u32::MAX));
    assert_eq!(totals.get(Measure::Leads), 3.0 * f64::from(u32::MAX));
    let mut doc = SlaDocument::default();
    doc.actuals
        .replace_held(vec![record(4), record(5), record(6)]);
    let status = sla_planner::tracking::SalesStatus::of(
        doc.actuals.records(),
        &sla_planner::tracking::SourceFilter::all(),
        0.9,
    );
    assert_eq!(status.leads, 3 * u64::from(u32::MAX));
    assert_eq!(status.contacted_share, Some(1.0));
}

#[test]
fn summary_of_a_source_named_with_70_000_characters_does_not_abort() {
    // Validation caps names, so `summary` refuses the file with the reason (no abort) ...
    let mut doc = SlaDocument::example().unwrap();
    let long = "W".repeat(70_000);
    doc.scenarios[0].assumptions.lead_sources[0]
        .name
        .clone_from(&long);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &document::to_ron(&doc).unwrap());
    let output = run(&["summary", path.to_str().unwrap()]);
    let said = all_output(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        &said[..said.len().min(2000)]
    );
    assert!(!said.contains("Formatting argument out of range"));
    assert!(
        said.contains("at most 100"),
        "{}",
        &said[..said.len().min(2000)]
    );
    // ... and the text table itself never pads beyond what the formatter allows.
    let report = report_with(|doc| {
        doc.scenarios[0].assumptions.lead_sources[0].name = long;
    });
    let text = export::text::summary(&report);
    assert!(text.contains("WWWW…"), "{}", &text[..text.len().min(2000)]);
}

fn report_with(change: impl FnOnce(&mut SlaDocument)) -> Report {
    let mut doc = SlaDocument::example().unwrap();
    change(&mut doc);
    let index = doc.agreed_index().unwrap_or(0);
    let scenario = &doc.scenarios[index];
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
    Report::of_document(&doc, scenario.id, &plan, Language::English)
}

#[test]
fn exports_isolate_names_and_replace_control_and_bidi_characters() {
    let report = report_with(|doc| {
        doc.company = "Acme\u{202E}evil\u{0}".into();
        doc.scenarios[0].assumptions.lead_sources[0].name = "Web\u{202E}site\u{1}".into();
    });
    let html = export::render(&report, Format::Html);
    for bad in ['\u{202E}', '\u{0}', '\u{1}'] {
        assert!(!html.contains(bad), "{bad:?} in the HTML");
    }
    let page = scraper::Html::parse_document(&html);
    let bdi = scraper::Selector::parse("bdi").unwrap();
    let isolated: Vec<String> = page
        .select(&bdi)
        .map(|e| e.text().collect::<String>())
        .collect();
    assert!(
        isolated.contains(&"Acme\u{FFFD}evil\u{FFFD}".to_owned()),
        "{isolated:?}"
    );
    assert!(
        isolated.iter().any(|s| s == "Web\u{FFFD}site\u{FFFD}"),
        "{isolated:?}"
    );
    let markdown = export::render(&report, Format::Markdown);
    for bad in ['\u{202E}', '\u{0}', '\u{1}'] {
        assert!(!markdown.contains(bad), "{bad:?} in the Markdown");
    }
    assert!(markdown.contains("Web\u{FFFD}site\u{FFFD}"));
}

#[test]
fn csv_guards_full_width_and_indented_formulas() {
    for name in [
        "＝HYPERLINK(1)",
        "  =1+1",
        "\t=1",
        "＋1",
        "－1",
        "＠SUM(A1)",
    ] {
        assert_eq!(
            export::csv::safe(name),
            format!("'{name}"),
            "{name:?} must become text"
        );
    }
}

#[test]
fn the_grid_model_refuses_what_the_loader_refuses() {
    let mut record = SourceDay {
        leads: 4,
        ..SourceDay::new(day(), "Website")
    };
    record.set(Measure::ContactedInTime, 9.0);
    let problem = record.impossible().unwrap();
    assert_eq!(problem.measure(), Measure::ContactedInTime);
    let text = problem.describe(Language::English, "Contacted in time");
    assert!(text.contains('9') && text.contains("4 leads"), "{text}");
    let dutch = problem.describe(Language::Dutch, "Op tijd gecontacteerd");
    assert!(dutch.contains("4 leads"), "{dutch}");
}
