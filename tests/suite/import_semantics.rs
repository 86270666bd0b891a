//! What an import means for the document, tested as a user runs it: `sla-planner import` on real
//! files in a temporary folder. An import replaces, per day and lead source, only what the file
//! holds (lead figures on the days its leads were created, customers and revenue on the days its
//! deals closed); rows outside the agreed plan's period are imported and reported; the summary
//! speaks in whole sentences ("1 day", a remembered date order, the allowed years).

use crate::process;
use crate::support;
use crate::support::day;

use crate::process::DocFolder;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sla_planner::document::{self, SlaDocument, SourceDay};

const HEADER: &str = "Create Date,Original Source,Lifecycle Stage,Became a Customer Date,Amount";

/// The folder of a test: a copy of the example (agreed plan: January to December 2027).
fn folder() -> DocFolder {
    DocFolder::with(&SlaDocument::example().unwrap())
}

impl DocFolder {
    /// Writes `rows` under the HubSpot header as `name` and returns its path.
    fn csv(&self, name: &str, rows: &[&str]) -> PathBuf {
        self.csv_with(name, HEADER, rows)
    }

    fn csv_with(&self, name: &str, header: &str, rows: &[&str]) -> PathBuf {
        let mut text = format!("{header}\r\n");
        for row in rows {
            text.push_str(row);
            text.push_str("\r\n");
        }
        self.file(name, text.as_bytes())
    }

    /// Runs `sla-planner import DOC CSV extra…`, checks it succeeded and returns what it said.
    fn imported(&self, csv: &Path, extra: &[&str]) -> String {
        let output = self.import(csv, extra);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            process::stderr(&output)
        );
        process::stdout(&output)
    }
}

fn record(doc: &SlaDocument, date: NaiveDate, source: &str) -> SourceDay {
    doc.actuals
        .get(date, source)
        .cloned()
        .unwrap_or_else(|| SourceDay::new(date, source))
}

/// The case: a January export in which one lead closed on 10 March must not wipe the
/// March leads another import put on 10 March.
#[test]
fn a_close_day_does_not_replace_the_leads_another_import_put_there() {
    let folder = folder();
    let march = folder.csv(
        "march.csv",
        &[
            "2027-03-10,Webinars,Subscriber,,",
            "2027-03-10,Webinars,Subscriber,,",
            "2027-03-10,Webinars,Sales Qualified Lead,,",
            "2027-03-10,Demo requests,Customer,2027-03-10,900",
        ],
    );
    folder.imported(&march, &[]);
    let january = folder.csv(
        "january.csv",
        &[
            "2027-01-15,Webinars,Customer,2027-03-10,1200",
            "2027-01-16,Webinars,Subscriber,,",
        ],
    );
    folder.imported(&january, &[]);
    let doc = folder.document();
    let webinars = record(&doc, day(3, 10), "Webinars");
    // The March leads stay; the January file adds its customer on its close day.
    assert_eq!((webinars.leads, webinars.accepted), (3, 1));
    assert_eq!((webinars.customers, webinars.revenue), (1, 1200.0));
    // Another source's figures on that day are not the January file's business.
    let demo = record(&doc, day(3, 10), "Demo requests");
    assert_eq!(
        (demo.leads, demo.accepted, demo.customers, demo.revenue),
        (1, 1, 1, 900.0)
    );
    assert_eq!(record(&doc, day(1, 15), "Webinars").leads, 1);
}

/// Lead figures of a day and source are replaced as a whole (a lead's status changed since the
/// last export), and the other parts of the record are kept.
#[test]
fn a_newer_export_replaces_the_lead_figures_of_its_days_and_sources_only() {
    let folder = folder();
    let first = folder.csv(
        "first.csv",
        &[
            "2027-02-01,Webinars,Subscriber,,",
            "2027-02-01,Webinars,Subscriber,,",
            "2027-02-01,Podcast Ads,Subscriber,,",
            "2027-02-02,Webinars,Subscriber,,",
        ],
    );
    folder.imported(&first, &[]);
    let second = folder.csv(
        "second.csv",
        &[
            "2027-02-01,Webinars,Sales Qualified Lead,,",
            "2027-02-01,Webinars,Unqualified,,",
        ],
    );
    folder.imported(&second, &[]);
    let doc = folder.document();
    let webinars = record(&doc, day(2, 1), "Webinars");
    assert_eq!(
        (webinars.leads, webinars.accepted, webinars.rejected),
        (2, 1, 1)
    );
    // Not in the second file: kept.
    assert_eq!(record(&doc, day(2, 1), "Podcast Ads").leads, 1);
    assert_eq!(record(&doc, day(2, 2), "Webinars").leads, 1);
}

/// A day between the file's first and last lead without a row of its own is not the file's:
/// a CSV does not say which days it was exported for, so what that day held stays.
#[test]
fn a_day_without_rows_in_the_file_keeps_what_it_held() {
    let folder = folder();
    let typed = folder.csv("typed.csv", &["2027-01-06,Webinars,Subscriber,,"]);
    folder.imported(&typed, &[]);
    let later = folder.csv(
        "later.csv",
        &[
            "2027-01-05,Webinars,Subscriber,,",
            "2027-01-07,Webinars,Subscriber,,",
        ],
    );
    folder.imported(&later, &[]);
    let doc = folder.document();
    for d in 5..=7 {
        assert_eq!(record(&doc, day(1, d), "Webinars").leads, 1, "January {d}");
    }
}

#[test]
fn the_same_file_twice_gives_the_same_document() {
    let folder = folder();
    let other = folder.csv(
        "other.csv",
        &[
            "2027-03-10,Webinars,Subscriber,,",
            "2027-03-11,Demo requests,Customer,2027-03-20,500",
        ],
    );
    folder.imported(&other, &[]);
    let file = folder.csv(
        "file.csv",
        &[
            "2027-01-15,Webinars,Customer,2027-03-10,1200",
            "2027-01-15,Demo requests,Unqualified,,",
            "2027-03-20,Demo requests,Customer,2027-03-20,300",
        ],
    );
    let first = folder.imported(&file, &[]);
    let once = folder.bytes();
    let second = folder.imported(&file, &[]);
    assert_eq!(folder.bytes(), once);
    assert_eq!(first, second);
    let doc = folder.document();
    assert_eq!(record(&doc, day(3, 10), "Webinars").leads, 1);
    assert_eq!(record(&doc, day(3, 11), "Demo requests").leads, 1);
}

/// The summary says what was replaced: lead figures of N days, customers of M days, per source.
#[test]
fn the_summary_says_which_figures_were_replaced_in_whole_words() {
    let folder = folder();
    let file = folder.csv("one.csv", &["2027-01-15,Webinars,Customer,2027-02-10,100"]);
    let stdout = folder.imported(&file, &[]);
    assert!(
        stdout.contains("1 row read, 1 imported, 0 skipped."),
        "{stdout}"
    );
    assert!(!stdout.contains("1 days"), "{stdout}");
    assert!(
        stdout.contains("lead figures of 1 day and the customers and revenue of 1 day"),
        "{stdout}"
    );
    assert!(!stdout.contains("the days the file covers"), "{stdout}");
    let dutch = folder.imported(&file, &["--lang", "nl"]);
    assert!(!dutch.contains("1 dagen"), "{dutch}");
    assert!(!dutch.contains("1 rijen"), "{dutch}");
    assert!(dutch.contains("1 dag"), "{dutch}");
}

/// A typo in a year (2200-12-31) is kept, but said; the report's "last day with data" is the
/// last day inside the plan's period.
#[test]
fn rows_outside_the_plans_period_are_reported_and_the_report_looks_inside_it() {
    let folder = folder();
    let file = folder.csv(
        "typo.csv",
        &[
            "2027-01-15,Webinars,Subscriber,,",
            "2027-01-18,Webinars,Subscriber,,",
            "2200-12-31,Webinars,Subscriber,,",
            "2026-11-03,Webinars,Subscriber,,",
        ],
    );
    let stdout = folder.imported(&file, &[]);
    assert!(
        stdout.contains("2 rows are dated outside the agreed plan's period"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2026-11-03") && stdout.contains("2200-12-31"),
        "{stdout}"
    );
    let doc = folder.document();
    assert_eq!(
        record(
            &doc,
            NaiveDate::from_ymd_opt(2200, 12, 31).unwrap(),
            "Webinars"
        )
        .leads,
        1
    );
    let dutch = folder.imported(&file, &["--lang", "nl", "--dry-run"]);
    assert!(dutch.contains("2200-12-31"), "{dutch}");

    let doc_arg = folder.doc.display().to_string();
    let output = process::run(&["export", &doc_arg, "--format", "html"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        process::stderr(&output)
    );
    let html = process::stdout(&output);
    // The example's actuals end on 26 February 2027.
    assert!(
        html.contains("Actuals up to 2027-02-26"),
        "last day with data"
    );
    assert!(!html.contains("Actuals up to 2027-12-31"));
}

/// A customer closing after the period is a row outside it too (its customer is not tracked).
#[test]
fn a_row_inside_the_period_is_not_reported() {
    let folder = folder();
    let file = folder.csv(
        "inside.csv",
        &[
            "2027-01-15,Webinars,Customer,2027-12-31,100",
            "2027-12-31,Webinars,Subscriber,,",
        ],
    );
    let stdout = folder.imported(&file, &[]);
    assert!(!stdout.contains("outside"), "{stdout}");
}

#[test]
fn a_year_outside_1900_to_2200_is_refused_with_the_rule() {
    let folder = folder();
    let file = folder.csv(
        "years.csv",
        &[
            "2027-01-15,Webinars,Subscriber,,",
            "9999-12-31,Webinars,Subscriber,,",
            "31-12-1899,Webinars,Subscriber,,",
        ],
    );
    let output = folder.import(&file, &[]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = process::stderr(&output);
    assert!(stderr.contains("“9999-12-31”: the year 9999"), "{stderr}");
    assert!(stderr.contains("outside 1900–2200"), "{stderr}");
    assert!(stderr.contains("“31-12-1899”: the year 1899"), "{stderr}");
    assert!(!stderr.contains("which is not a date"), "{stderr}");
}

/// An ambiguous file read with the order remembered from an earlier import says so.
#[test]
fn a_remembered_date_order_is_named_in_the_summary() {
    let folder = folder();
    let header = "Create Date,Original Source";
    let file = folder.csv_with("ambiguous.csv", header, &["03/04/2027,Webinars"]);
    let first = folder.imported(&file, &["--date-order", "dmy"]);
    assert!(!first.contains("remembered"), "{first}");
    let second = folder.imported(&file, &[]);
    assert!(
        second.contains(
            "Dates read as day-month-year, as remembered from the last import; use --date-order to change."
        ),
        "{second}"
    );
    assert_eq!(record(&folder.document(), day(4, 3), "Webinars").leads, 1);
    // A file whose dates settle the order needs no note.
    let clear = folder.csv_with("clear.csv", header, &["25/04/2027,Webinars"]);
    assert!(!folder.imported(&clear, &[]).contains("remembered"));
}

/// "1 column", not "1 columns", in a skipped row's reason.
#[test]
fn a_row_of_one_column_is_named_in_the_singular() {
    let folder = folder();
    let file = folder.csv(
        "short.csv",
        &["2027-01-15,Webinars,Subscriber,,", "2027-01-16"],
    );
    let output = folder.import(&file, &[]);
    let stderr = process::stderr(&output);
    assert!(
        stderr.contains("1 column where the header has 5"),
        "{stderr}"
    );
    let dutch = process::stderr(&folder.import(&file, &["--lang", "nl", "--dry-run"]));
    assert!(dutch.contains("1 kolom, terwijl"), "{dutch}");
}

/// The window says the same as the command: the rows outside the period and what was replaced.
#[test]
fn the_window_reports_rows_outside_the_period_and_what_it_replaced() {
    use egui_kittest::kittest::Queryable as _;
    let folder = folder();
    let file = folder.csv(
        "typo.csv",
        &[
            "2027-01-15,Webinars,Subscriber,,",
            "2200-12-31,Webinars,Subscriber,,",
        ],
    );
    let mut harness = support::example();
    let ctx = harness.ctx.clone();
    harness.state_mut().import_csv(&ctx, &file);
    wait_for(&mut harness, "Which column holds what");
    harness.get_by_label("Import").click();
    wait_for(&mut harness, "rows read");
    harness.get_by_label("2 rows read, 2 imported, 0 skipped.");
    harness.get_by_label_contains(
        "Imported: the lead figures of 2 days and the customers and revenue of 0 days now hold",
    );
    harness.get_by_label_contains(
        "1 row is dated outside the agreed plan's period (2027-01-01 to 2027-12-31): 2200-12-31.",
    );
}

/// Steps the window until a label containing `text` shows (the import runs on a worker).
fn wait_for(harness: &mut egui_kittest::Harness<'static, sla_planner::App>, text: &str) {
    use egui_kittest::kittest::Queryable as _;
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("“{text}” never showed");
}

/// Issue 15, point 10: amounts of 10³⁰⁸ summed to an infinite revenue that was saved. A row
/// whose amount is above the largest a plan takes is skipped with the reason; the others count.
#[test]
fn an_amount_above_the_largest_a_plan_takes_is_skipped_not_summed_to_infinity() {
    let folder = folder();
    let huge = "1".to_owned() + &"0".repeat(308);
    let rows = [
        format!("2027-03-10,Webinars,Customer,2027-03-10,{huge}"),
        format!("2027-03-10,Webinars,Customer,2027-03-10,{huge}"),
        "2027-03-10,Webinars,Customer,2027-03-10,900".to_owned(),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let csv = folder.csv("huge.csv", &rows);
    let output = folder.import(&csv, &[]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{said}");
    assert!(said.contains("the largest amount a plan takes"), "{said}");
    assert!(said.contains("2 skipped"), "{said}");
    let webinars = record(&folder.document(), day(3, 10), "Webinars");
    assert_eq!((webinars.customers, webinars.revenue), (1, 900.0));
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(["check", folder.doc.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(check.status.success());
}

/// Runs an import that must be refused and returns what it said; the document is unchanged.
fn refused(folder: &DocFolder, csv: &Path) -> String {
    let before = folder.bytes();
    let output = folder.import(csv, &[]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        process::stdout(&output)
    );
    assert_eq!(folder.bytes(), before, "the document is left as it was");
    process::stderr(&output)
}

const WITH_REASON: &str =
    "Create Date,Original Source,Lifecycle Stage,Became a Customer Date,Amount,Rejection Reason";

/// Issue 15, point 3: reasons, sources and size are one set of limits, checked before saving.
/// The import once saved 51 reasons on one day (and 501 sources) without a word.
#[test]
fn an_import_beyond_the_limits_is_refused_with_the_reason_and_changes_nothing() {
    let folder = folder();
    let reasons: Vec<String> = (0..=document::MAX_REASONS)
        .map(|i| format!("2027-01-04,Webinars,Unqualified,,,Reason {i}"))
        .collect();
    let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
    let csv = folder.csv_with("reasons.csv", WITH_REASON, &reasons);
    let message = refused(&folder, &csv);
    assert!(
        message.contains("rejected_reasons has 51 entries; at most 50 are allowed"),
        "{message}"
    );

    let sources: Vec<String> = (0..=document::MAX_ACTUAL_SOURCES)
        .map(|i| format!("2027-01-04,Campaign {i},Subscriber,,"))
        .collect();
    let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
    let csv = folder.csv("sources.csv", &sources);
    let message = refused(&folder, &csv);
    assert!(
        message.contains("actuals.source has 50") && message.contains("at most 500 are allowed"),
        "{message}"
    );

    // Within every count, but too large written out: 490 sources with long names, 45 days,
    // three long reasons each (~560 bytes a record, 22,050 records).
    let long = "x".repeat(80);
    let first = day(1, 1);
    let mut rows = Vec::new();
    for source in 0..490 {
        for days in 0..45 {
            let date = first + chrono::Duration::days(days);
            for reason in 0..3 {
                rows.push(format!(
                    "{date},Source {source} {long},Unqualified,,,Reason {reason} {long}"
                ));
            }
        }
    }
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let csv = folder.csv_with("large.csv", WITH_REASON, &rows);
    let message = refused(&folder, &csv);
    assert!(
        message.contains("an SLA file is at most 10.0 MB"),
        "{message}"
    );
}
