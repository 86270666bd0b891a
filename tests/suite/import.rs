//! The CRM import against real-world files: each delimiter, both encodings, every date form,
//! malformed rows, empty files, repeated imports, unknown sources; and `sla-planner import`.

use crate::process;
use crate::support::day;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sla_planner::document::{self, DateOrder, ImportField, SlaDocument, SourceDay};
use sla_planner::i18n::Language;
use sla_planner::tracking::import::{
    self, CsvText, Encoding, ImportError, Imported, Progress, Settings,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/files/crm")
        .join(name)
}

/// Imports a fixture into the example as the dialog and the command line do: the suggested
/// mapping, the date order the data settles (or `order`).
fn read(name: &str, order: Option<DateOrder>) -> Result<(CsvText, Imported), ImportError> {
    read_into(&SlaDocument::example().unwrap(), name, order)
}

/// The import of fixture `name` into `doc`, tracked against its agreed plan and commitments.
fn read_into(
    doc: &SlaDocument,
    name: &str,
    order: Option<DateOrder>,
) -> Result<(CsvText, Imported), ImportError> {
    let text = CsvText::read(&fixture(name))?;
    let preview = import::analyse(&text, &Progress::default())?;
    let mut mapping = preview.suggested_mapping(&doc.tracking.import);
    let order = preview.date_evidence(&mapping).resolve(order, None)?;
    mapping.date_order = Some(order);
    let settings = Settings::for_document(doc, mapping, order);
    let imported = import::import(&text, &settings, &Progress::default())?;
    Ok((text, imported))
}

fn record<'a>(imported: &'a Imported, date: NaiveDate, source: &str) -> &'a SourceDay {
    imported
        .records
        .iter()
        .find(|r| r.date == date && r.source == source)
        .unwrap_or_else(|| panic!("no record of {source} on {date}: {:?}", imported.records))
}

#[test]
fn a_hubspot_export_with_commas_counts_every_measure() {
    let (text, imported) = read("hubspot_comma.csv", None).unwrap();
    assert_eq!((text.delimiter, text.encoding), (b',', Encoding::Utf8));
    assert_eq!((imported.rows, imported.imported), (4, 4));
    assert!(imported.skipped.is_empty());
    // "demo requests" is the plan's "Demo requests": one record, in the plan's spelling.
    let demo = record(&imported, day(1, 15), "Demo requests");
    assert_eq!(demo.leads, 2);
    assert_eq!((demo.accepted, demo.rejected), (1, 1));
    assert_eq!(demo.rejected_reasons.get("No budget"), Some(&1));
    // Anna was called after 30 minutes (in time), Bram after 2 hours (promised: 1 hour).
    assert_eq!(demo.contacted_in_time, 1);
    assert_eq!((demo.contact_attempts, demo.reached_attempts), (8, 1));
    let webinar = record(&imported, day(1, 15), "Webinars");
    // A customer counts as accepted on the day it arrived, and as a customer on its close date.
    assert_eq!(
        (webinar.leads, webinar.accepted, webinar.customers),
        (1, 1, 0)
    );
    assert_eq!(webinar.contacted_in_time, 1);
    let won = record(&imported, day(2, 10), "Webinars");
    assert_eq!((won.leads, won.customers, won.revenue), (0, 1, 1234.5));
    let subscriber = record(&imported, day(1, 18), "Webinars");
    assert_eq!(
        (
            subscriber.leads,
            subscriber.accepted,
            subscriber.contacted_in_time
        ),
        (1, 0, 0)
    );
}

#[test]
fn a_salesforce_export_with_semicolons_and_a_bom_reads_day_first_dates_and_euro_amounts() {
    let (text, imported) = read("salesforce_semicolon_bom.csv", None).unwrap();
    assert_eq!(
        (text.delimiter, text.encoding),
        (b';', Encoding::Utf8WithBom)
    );
    assert_eq!(imported.imported, 3);
    let demo = record(&imported, day(1, 15), "Demo requests");
    assert_eq!(
        (demo.leads, demo.accepted, demo.contacted_in_time),
        (1, 1, 1)
    );
    assert_eq!(record(&imported, day(1, 28), "Webinars").revenue, 12_500.0);
    let rejected = record(&imported, day(1, 16), "Webinars");
    assert_eq!(rejected.rejected_reasons.get("Bad timing"), Some(&1));
    assert_eq!(rejected.reached_attempts, 1);
}

#[test]
fn a_dutch_export_with_tabs_and_dotted_dates_imports() {
    let (text, imported) = read("dutch_tab.csv", Some(DateOrder::DayMonthYear)).unwrap();
    assert_eq!(text.delimiter, b'\t');
    let mid = record(&imported, day(1, 15), "Webinars");
    assert_eq!((mid.leads, mid.accepted, mid.rejected), (2, 1, 1));
    assert_eq!(mid.rejected_reasons.get("Geen budget"), Some(&1));
    assert_eq!(record(&imported, day(2, 3), "Webinars").revenue, 25_000.0);
}

#[test]
fn windows_1252_is_read_with_its_own_characters() {
    let bytes = std::fs::read(fixture("windows1252.csv")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be UTF-8"
    );
    let (text, imported) = read("windows1252.csv", Some(DateOrder::DayMonthYear)).unwrap();
    assert_eq!(text.encoding, Encoding::Windows1252);
    let fair = record(&imported, day(1, 15), "Bedrijfsbeurs Café");
    // 0x96 is an en dash in Windows-1252 (a control character in Latin-1), 0x80 the euro.
    assert_eq!(fair.rejected_reasons.get("Geen budget – later"), Some(&1));
    assert_eq!(
        record(&imported, day(1, 29), "Bedrijfsbeurs Café").revenue,
        2500.0
    );
}

#[test]
fn every_date_form_gives_the_day_as_written() {
    let (_, imported) = read("dates_dmy.csv", None).unwrap();
    assert_eq!(imported.skipped, []);
    assert_eq!(imported.records.len(), 1, "{:?}", imported.records);
    assert_eq!(record(&imported, day(1, 15), "Webinars").leads, 8);
}

#[test]
fn american_dates_are_settled_by_a_day_above_twelve() {
    let (_, imported) = read("us_slashes.csv", None).unwrap();
    assert_eq!(imported.skipped, []);
    assert_eq!(record(&imported, day(1, 5), "Webinars").leads, 1);
    let fifteenth = record(&imported, day(1, 15), "Webinars");
    // The example counts working hours (9:00 to 17:00): 9:00 AM → 9:45 AM is in time, and so
    // is 11:00 PM → 12:30 AM the next day, when no working hour passed.
    assert_eq!((fifteenth.leads, fifteenth.contacted_in_time), (2, 2));
    // In calendar hours, 11:00 PM → 12:30 AM is 1.5 hours: too late.
    let mut calendar = SlaDocument::example().unwrap();
    calendar.sales_commitments.clock = sla_planner::plan::ResponseClock::Calendar;
    let (_, imported) = read_into(&calendar, "us_slashes.csv", None).unwrap();
    let fifteenth = record(&imported, day(1, 15), "Webinars");
    assert_eq!((fifteenth.leads, fifteenth.contacted_in_time), (2, 1));
    assert_eq!(fifteenth.reached_attempts, 1);
}

#[test]
fn an_ambiguous_day_month_order_is_refused_without_a_choice() {
    let error = read("ambiguous.csv", None).unwrap_err();
    assert_eq!(
        error,
        ImportError::AmbiguousDates {
            example: "03/04/2027".into()
        }
    );
    let message = error.describe("ambiguous.csv", Language::English);
    assert!(
        message.contains("2027-04-03") && message.contains("2027-03-04"),
        "{message}"
    );
    let (_, day_first) = read("ambiguous.csv", Some(DateOrder::DayMonthYear)).unwrap();
    assert_eq!(day_first.records[0].date, day(4, 3));
    let (_, month_first) = read("ambiguous.csv", Some(DateOrder::MonthDayYear)).unwrap();
    assert_eq!(month_first.records[0].date, day(3, 4));
}

#[test]
fn malformed_rows_are_listed_with_their_line_and_the_rest_imported() {
    let (_, imported) = read("malformed.csv", None).unwrap();
    let lines: Vec<(u64, String)> = imported
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.describe(Language::English)))
        .collect();
    let expected = [
        (
            3,
            "“Create Date” is “2027-13-01”, which is not a date read as year-month-day (e.g. 2027-01-15 or 2027-01-15 09:30).",
        ),
        (
            4,
            "“Amount” is “lots”, which is not an amount (e.g. 1234.50, 1,234.50 or € 1.234,50).",
        ),
        (5, "3 columns where the header has 6."),
        (
            6,
            "“Number of Sales Activities” is “two”, which is not a whole number of 0 or more.",
        ),
        (
            7,
            "the status “Customer” means a customer, but “Became a Customer Date” is empty: a customer counts on the day the deal closed.",
        ),
        (
            8,
            "“Create Date” is empty; every lead needs the day it was created.",
        ),
        (
            11,
            "“Create Date” is “2027-01-32”, which is not a date read as year-month-day (e.g. 2027-01-15 or 2027-01-15 09:30).",
        ),
    ];
    let expected: Vec<(u64, String)> = expected
        .iter()
        .map(|(l, r)| (*l, (*r).to_owned()))
        .collect();
    assert_eq!(lines, expected);
    assert_eq!((imported.rows, imported.imported), (9, 2));
    assert_eq!(record(&imported, day(1, 20), "Webinars").leads, 1);
    assert_eq!(record(&imported, day(1, 21), "Webinars").leads, 1);
    assert_eq!(
        imported.skipped[2].describe(Language::Dutch),
        "Regel 5: 3 kolommen, terwijl de kopregel er 6 heeft."
    );
}

#[test]
fn an_empty_file_and_a_header_only_file_say_so() {
    let empty = read("empty.csv", None).unwrap_err();
    assert_eq!(empty, ImportError::Empty);
    assert_eq!(
        empty.describe("empty.csv", Language::English),
        "empty.csv is empty: there are no leads to import."
    );
    let header = read("header_only.csv", None).unwrap_err();
    assert_eq!(
        header.describe("header_only.csv", Language::English),
        "header_only.csv has only a header line (Create Date, Original Source, Lifecycle Stage) and no leads to import."
    );
}

#[test]
fn unknown_sources_are_kept_under_their_own_name() {
    let (_, imported) = read("unknown_source.csv", None).unwrap();
    let on_20th: Vec<(&str, u32)> = imported
        .records
        .iter()
        .map(|r| (r.source.as_str(), r.leads))
        .collect();
    assert_eq!(on_20th, [("", 1), ("Podcast Ads", 2), ("Webinars", 1)]);
}

#[test]
fn importing_the_same_file_twice_gives_the_same_document() {
    let mut doc = SlaDocument::example().unwrap();
    let (_, imported) = read("hubspot_comma.csv", None).unwrap();
    let mapping = doc.tracking.import.clone();
    import::apply(&mut doc, &imported, mapping.clone());
    let once = document::to_ron(&doc).unwrap();
    import::apply(&mut doc, &imported, mapping);
    assert_eq!(document::to_ron(&doc).unwrap(), once);
    assert_eq!(
        doc.actuals
            .get(day(1, 15), "demo requests")
            .map(|r| r.leads),
        Some(2)
    );
}

#[test]
fn a_cancelled_import_ends_with_cancelled() {
    let rows: String = (0..5000)
        .map(|i| format!("2027-01-{:02},Webinars\n", i % 28 + 1))
        .collect();
    let text = CsvText::decode(format!("Create Date,Original Source\n{rows}").as_bytes()).unwrap();
    let progress = Progress::default();
    progress.cancel();
    assert_eq!(
        import::analyse(&text, &progress).unwrap_err(),
        ImportError::Cancelled
    );
}

// The command line.

/// A copy of the example in a folder of its own.
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.sla.ron");
    std::fs::write(&path, document::EXAMPLE_RON).unwrap();
    (folder, path)
}

fn cli(args: &[&str]) -> std::process::Output {
    process::run(args)
}

fn fixture_arg(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn the_command_imports_and_saves_atomically() {
    let (_folder, doc) = example_copy();
    let doc_arg = doc.display().to_string();
    let output = cli(&["import", &doc_arg, &fixture_arg("hubspot_comma.csv")]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        process::stderr(&output)
    );
    let stdout = process::stdout(&output);
    assert!(
        stdout.starts_with("4 rows read, 4 imported, 0 skipped.\n"),
        "{stdout}"
    );
    let saved = document::load(&doc).unwrap().document;
    assert_eq!(
        saved
            .actuals
            .get(day(1, 15), "Demo requests")
            .map(|r| r.leads),
        Some(2)
    );
    let remembered = &saved.tracking.import;
    assert_eq!(
        remembered
            .columns
            .get(&ImportField::Created)
            .map(String::as_str),
        Some("Create Date")
    );
    assert_eq!(remembered.date_order, Some(DateOrder::YearMonthDay));
    assert!(remembered.customer.iter().any(|s| s == "Customer"));
    // No temporary file is left beside it.
    let entries = std::fs::read_dir(doc.parent().unwrap()).unwrap().count();
    assert_eq!(entries, 1);
}

#[test]
fn a_dry_run_leaves_the_file_byte_identical() {
    let (_folder, doc) = example_copy();
    let before = std::fs::read(&doc).unwrap();
    let doc_arg = doc.display().to_string();
    let output = cli(&[
        "import",
        &doc_arg,
        &fixture_arg("malformed.csv"),
        "--dry-run",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(process::stdout(&output).contains("Dry run"));
    let stderr = process::stderr(&output);
    assert!(
        stderr.contains("malformed.csv: Line 5: 3 columns where the header has 6."),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 7, "{stderr}");
    assert_eq!(std::fs::read(&doc).unwrap(), before);
}

#[test]
fn exit_codes_say_what_happened() {
    let (_folder, doc) = example_copy();
    let doc_arg = doc.display().to_string();
    let before = std::fs::read(&doc).unwrap();
    for (args, code) in [
        (vec!["import", &doc_arg, "tests/files/crm/empty.csv"], 1),
        (
            vec!["import", &doc_arg, "tests/files/crm/header_only.csv"],
            1,
        ),
        (
            vec!["import", &doc_arg, "tests/files/crm/no_such_file.csv"],
            1,
        ),
        (vec!["import", &doc_arg, "tests/files/crm/ambiguous.csv"], 1),
        (
            vec![
                "import",
                &doc_arg,
                "tests/files/crm/hubspot_comma.csv",
                "--map",
                "when=Create Date",
            ],
            2,
        ),
        (
            vec![
                "import",
                &doc_arg,
                "tests/files/crm/hubspot_comma.csv",
                "--date-order",
                "ydm",
            ],
            2,
        ),
        (vec!["import", &doc_arg], 2),
    ] {
        let output = cli(&args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            process::stderr(&output)
        );
    }
    assert_eq!(std::fs::read(&doc).unwrap(), before);
    let ambiguous = cli(&["import", &doc_arg, "tests/files/crm/ambiguous.csv"]);
    assert!(process::stderr(&ambiguous).contains("--date-order dmy"));
    let chosen = cli(&[
        "import",
        &doc_arg,
        "tests/files/crm/ambiguous.csv",
        "--date-order",
        "mdy",
    ]);
    assert_eq!(chosen.status.code(), Some(0));
    let saved = document::load(&doc).unwrap().document;
    assert_eq!(
        saved.actuals.get(day(3, 4), "Webinars").map(|r| r.leads),
        Some(1)
    );
}

#[test]
fn a_mapping_given_once_is_remembered() {
    let (_folder, doc) = example_copy();
    let doc_arg = doc.display().to_string();
    let csv = fixture_arg("custom_headers.csv");
    let without = cli(&["import", &doc_arg, &csv]);
    assert_eq!(without.status.code(), Some(1));
    assert!(process::stderr(&without).contains("--map created=COLUMN"));
    let mapped = cli(&[
        "import",
        &doc_arg,
        &csv,
        "--map",
        "created=When",
        "--map",
        "source=Where",
        "--map",
        "status=Outcome",
    ]);
    assert_eq!(
        mapped.status.code(),
        Some(0),
        "{}",
        process::stderr(&mapped)
    );
    let again = cli(&["import", &doc_arg, &csv]);
    assert_eq!(again.status.code(), Some(0), "{}", process::stderr(&again));
    let saved = document::load(&doc).unwrap().document;
    assert_eq!(
        saved
            .actuals
            .get(day(1, 20), "Webinars")
            .map(|r| r.accepted),
        Some(1)
    );
    assert_eq!(
        saved
            .actuals
            .get(day(1, 21), "Webinars")
            .map(|r| r.rejected),
        Some(1)
    );
}

#[test]
fn a_newer_version_file_is_refused() {
    let (_folder, doc) = example_copy();
    let text = std::fs::read_to_string(&doc).unwrap();
    let newer = text.replacen("format_version: 3", "format_version: 99", 1);
    assert_ne!(newer, text);
    std::fs::write(&doc, &newer).unwrap();
    let doc_arg = doc.display().to_string();
    let output = cli(&["import", &doc_arg, &fixture_arg("hubspot_comma.csv")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        process::stderr(&output).contains("newer"),
        "{}",
        process::stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), newer);
}
