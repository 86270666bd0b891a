//! How `sla-planner import` turns a CRM export's bytes into rows (issue 15): quotes left open,
//! line numbers with every line ending, the file's encoding decided with evidence and said,
//! UTF-16, files that are no files (a pipe, a device) and rows, fields and headers beyond the
//! limits. Each test runs the real binary on real files in a temporary folder.

use crate::process;
use crate::support;
use crate::support::day;

use crate::process::DocFolder;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use sla_planner::App;
use sla_planner::document::{Actuals, SlaDocument};

/// A folder with the example without its actuals: what a test finds after an import is the
/// import's.
fn folder() -> DocFolder {
    let mut example = SlaDocument::example().unwrap();
    example.actuals = Actuals::default();
    DocFolder::with(&example)
}

/// The leads the saved document holds over all days and sources.
fn total_leads(doc: &SlaDocument) -> u64 {
    doc.actuals
        .records()
        .iter()
        .map(|r| u64::from(r.leads))
        .sum()
}

/// `rows` good leads, one a line, from January 1st on (a day per row, cycling).
fn good_rows(rows: usize) -> Vec<String> {
    (0..rows)
        .map(|i| format!("2027-01-{:02},Webinars,Lead,x{i}", i % 28 + 1))
        .collect()
}

const HEADER: &str = "Create Date,Original Source,Lifecycle Stage,Notes";

// 7. A quote left open.

#[test]
fn an_unclosed_quote_refuses_the_file_and_names_the_line_it_opens_on() {
    let folder = folder();
    let before = folder.bytes();
    // Line 3 opens a quote that nothing closes: today the next 1,000 leads become one field.
    let mut lines = vec![HEADER.to_owned(), "2027-01-02,Webinars,Lead,ok".to_owned()];
    lines.push("2027-01-03,\"Webinars,Lead,typo".to_owned());
    lines.extend(good_rows(1000));
    let csv = folder.file("open_quote.csv", (lines.join("\n") + "\n").as_bytes());
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("line 3") && stderr.contains("quote"),
        "the message names the line the quote opens on: {stderr}"
    );
    assert_eq!(folder.bytes(), before, "the document is left as it was");
    let dutch = folder.import(&csv, &["--lang", "nl"]);
    let stderr = process::stderr(&dutch);
    assert!(
        stderr.contains("regel 3") && stderr.contains("aanhalingsteken"),
        "{stderr}"
    );
    assert_eq!(folder.bytes(), before);
}

#[test]
fn a_quote_closed_rows_later_reports_every_line_it_swallowed() {
    let folder = folder();
    // The stray quote on line 3 is closed by another stray quote on line 10, inside the
    // same column: the field runs from line 3 to line 10 and the row has the header's columns.
    let mut lines = vec![HEADER.to_owned(), "2027-01-02,Webinars,Lead,ok".to_owned()];
    lines.push("2027-01-03,Webinars,Lead,\"x".to_owned());
    lines.extend(good_rows(6));
    lines.push("2027-01-10,Webinars,Lead,y\"z".to_owned());
    lines.push("2027-01-11,Webinars,Lead,ok".to_owned());
    let csv = folder.file("two_quotes.csv", (lines.join("\n") + "\n").as_bytes());
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("Lines 3–10:") && stderr.contains("quote"),
        "the skipped row names every line it spans: {stderr}"
    );
    assert!(
        process::stdout(&output).starts_with("3 rows read, 2 imported, 1 skipped."),
        "{}",
        process::stdout(&output)
    );
    assert_eq!(total_leads(&folder.document()), 2);
}

#[test]
fn a_multi_line_note_is_one_row_and_later_lines_keep_their_numbers() {
    let folder = folder();
    let csv = folder.file(
        "notes.csv",
        b"Create Date,Original Source,Lifecycle Stage,Notes\r\n\
          2027-01-02,Webinars,Lead,\"Called, no answer.\r\nCalled again.\"\r\n\
          2027-01-32,Webinars,Lead,bad date\r\n\
          2027-01-04,Webinars,Lead,ok\r\n",
    );
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("notes.csv: Line 4: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(total_leads(&folder.document()), 2);
}

// 8. Line numbers with every line ending.

#[test]
fn bad_rows_have_their_line_with_crlf_lf_and_cr_line_endings() {
    let lines = [
        HEADER,
        "2027-01-32,Webinars,Lead,bad on line 2",
        "2027-01-03,Webinars,Lead,\"a note over\ntwo lines\"",
        "2027-01-05,Webinars,Lead",
        "",
        "2027-01-06,Webinars,Lead,ok",
        "2027-01-77,Webinars,Lead,bad on line 8",
    ];
    for (name, ending) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
        let folder = folder();
        // The note's own line break is written with the file's line ending too.
        let text = lines
            .join(ending)
            .replace("over\ntwo", &format!("over{ending}two"))
            + ending;
        let csv = folder.file(&format!("{name}.csv"), text.as_bytes());
        let output = folder.import(&csv, &[]);
        let stderr = process::stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{name}: {stderr}");
        let reported: Vec<&str> = stderr
            .lines()
            .filter_map(|l| l.split(": ").find(|part| part.starts_with("Line ")))
            .collect();
        // Line 6 is empty: skipped and listed, as the README says of empty rows.
        assert_eq!(
            reported,
            ["Line 2", "Line 5", "Line 6", "Line 8"],
            "{name}: {stderr}"
        );
    }
}

// 9. Encodings: decided per file with evidence, and said.

/// A UTF-8 export of a trade fair's leads, with line 12 written by another program in
/// Windows-1252 (ü is the single byte 0xFC there).
fn fair_export() -> Vec<u8> {
    let mut bytes = b"Create Date,Original Source,Lifecycle Stage\n".to_vec();
    for line in 2..=20 {
        if line == 12 {
            bytes.extend_from_slice(b"2027-01-12,Beurs M\xFCnchen,Lead\n");
        } else {
            bytes.extend_from_slice(format!("2027-01-{line:02},Beurs München,Lead\n").as_bytes());
        }
    }
    bytes
}

#[test]
fn a_utf8_file_with_one_stray_windows_1252_byte_stays_utf8_and_says_where() {
    let folder = folder();
    let csv = folder.file("fair.csv", &fair_export());
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let saved = folder.document();
    assert_eq!(saved.actuals.sources(), ["Beurs München"], "{stderr}");
    assert_eq!(total_leads(&saved), 19);
    assert!(
        stderr.contains("UTF-8") && stderr.contains("Windows-1252") && stderr.contains("line 12"),
        "what was decided, and why: {stderr}"
    );
    let dutch = folder.import(&csv, &["--lang", "nl", "--dry-run"]);
    assert!(
        process::stderr(&dutch).contains("regel 12"),
        "{}",
        process::stderr(&dutch)
    );
}

#[test]
fn a_windows_1252_file_is_read_as_such_and_says_which_line_showed_it() {
    let folder = folder();
    let csv = folder.file(
        "cafe.csv",
        b"Create Date,Original Source\n2027-01-15,Webinars\n2027-01-16,Bedrijfsbeurs Caf\xE9\n",
    );
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("Windows-1252") && stderr.contains("line 3"),
        "{stderr}"
    );
    assert!(
        folder
            .document()
            .actuals
            .get(day(1, 16), "Bedrijfsbeurs Café")
            .is_some()
    );
}

#[test]
fn a_plain_utf8_file_has_no_note() {
    let folder = folder();
    let csv = folder.file(
        "plain.csv",
        "Create Date,Original Source\n2027-01-15,Beurs München\n".as_bytes(),
    );
    let output = folder.import(&csv, &[]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(process::stderr(&output), "");
}

/// `text` in UTF-16 with a byte-order mark, little- or big-endian.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn utf16_files_are_read_and_said_to_be() {
    let text = "Create Date\tOriginal Source\tLifecycle Stage\r\n\
                2027-01-15\tBeurs München\tLead\r\n\
                2027-01-16\tWebinars\tLead\r\n\
                2027-01-77\tWebinars\tLead\r\n";
    for (name, little_endian) in [("le", true), ("be", false)] {
        let folder = folder();
        let csv = folder.file(&format!("{name}.csv"), &utf16(text, little_endian));
        let output = folder.import(&csv, &[]);
        let stderr = process::stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{name}: {stderr}");
        assert!(stderr.contains("UTF-16"), "{name}: {stderr}");
        assert!(stderr.contains("Line 4: "), "{name}: {stderr}");
        assert!(
            !stderr.contains('ÿ') && !stderr.contains("\\u{0}"),
            "{name}: {stderr}"
        );
        let saved = folder.document();
        assert_eq!(saved.actuals.sources(), ["Beurs München", "Webinars"]);
        assert_eq!(total_leads(&saved), 2);
    }
}

// 14. Files that are no files, and sizes beyond the limits.

/// Runs the command, killing it when it has not ended within 20 s.
fn run_with_deadline(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(args)
        .env("LC_ALL", "en_GB.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if child.try_wait().unwrap().is_some() {
            let output = child.wait_with_output().unwrap();
            return (output.status.code(), process::stderr(&output));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    let _ = child.wait();
    panic!("{args:?} did not end within 20 s");
}

#[cfg(unix)]
#[test]
fn a_pipe_and_a_device_are_refused_at_once() {
    let folder = folder();
    let before = folder.bytes();
    let fifo = folder.dir.path().join("leads.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let doc = folder.doc.display().to_string();
    for csv in [fifo.display().to_string(), "/dev/zero".to_owned()] {
        let (code, stderr) = run_with_deadline(&["import", &doc, &csv]);
        assert_eq!(code, Some(1), "{csv}: {stderr}");
        assert!(stderr.contains("not a regular file"), "{csv}: {stderr}");
    }
    assert_eq!(folder.bytes(), before);
}

#[test]
fn a_folder_is_refused() {
    let folder = folder();
    let doc = folder.doc.display().to_string();
    let dir = folder.dir.path().display().to_string();
    let (code, stderr) = run_with_deadline(&["import", &doc, &dir]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("is a folder"), "{stderr}");
}

#[test]
fn a_row_longer_than_the_limit_is_skipped_with_its_line_and_the_limit() {
    let folder = folder();
    let long = "n".repeat(3_000_000);
    let text = format!(
        "{HEADER}\n2027-01-02,Webinars,Lead,ok\n2027-01-03,Webinars,Lead,{long}\n2027-01-04,Webinars,Lead,ok\n"
    );
    let csv = folder.file("long.csv", text.as_bytes());
    let (code, stderr) = run_with_deadline(&[
        "import",
        &folder.doc.display().to_string(),
        &csv.display().to_string(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("Line 3: "), "{stderr}");
    assert!(stderr.contains("1,000,000 bytes"), "the limit: {stderr}");
    assert_eq!(total_leads(&folder.document()), 2);
}

#[test]
fn a_field_longer_than_the_limit_is_skipped_naming_its_column() {
    let folder = folder();
    let long = "n".repeat(200_000);
    let text = format!("{HEADER}\n2027-01-02,Webinars,Lead,{long}\n2027-01-04,Webinars,Lead,ok\n");
    let csv = folder.file("field.csv", text.as_bytes());
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("Line 2: ") && stderr.contains("“Notes”") && stderr.contains("100,000"),
        "{stderr}"
    );
}

#[test]
fn a_header_with_too_many_columns_is_refused_with_the_limit() {
    let folder = folder();
    let before = folder.bytes();
    let header: Vec<String> = (0..20_000).map(|i| format!("c{i}")).collect();
    let text = format!("Create Date,{}\n2027-01-02\n", header.join(","));
    let csv = folder.file("wide.csv", text.as_bytes());
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("line 1") && stderr.contains("10,000 columns"),
        "{stderr}"
    );
    assert_eq!(folder.bytes(), before);
}

#[test]
fn a_header_line_of_null_bytes_is_refused_without_reading_it_into_memory() {
    let folder = folder();
    let csv = folder.file("zeros.csv", &vec![0u8; 8_000_000]);
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("line 1") && stderr.contains("1,000,000 bytes"),
        "{stderr}"
    );
}

#[test]
fn a_file_of_bad_rows_lists_the_first_ten_thousand_and_counts_the_rest() {
    let folder = folder();
    let mut text = format!("{HEADER}\n2027-01-02,Webinars,Lead,ok\n");
    for i in 0..10_005 {
        text.push_str(&format!("2027-01-{},Webinars,Lead,bad\n", 40 + i % 50));
    }
    let csv = folder.file("bad.csv", text.as_bytes());
    let output = folder.import(&csv, &[]);
    let stderr = process::stderr(&output);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        process::stdout(&output).starts_with("10,006 rows read, 1 imported, 10,005 skipped."),
        "{}",
        process::stdout(&output)
    );
    assert_eq!(stderr.lines().count(), 10_001);
    assert_eq!(stderr.lines().last(), Some("… and 5 more."));
}

// The window says the same.

/// Steps the window until a label containing `text` shows (the worker reads on its own thread).
fn wait_for(harness: &mut Harness<'static, App>, text: &str) {
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("“{text}” never showed");
}

#[test]
fn the_window_says_how_the_file_was_read_and_where_a_quote_stays_open() {
    let mut harness = support::example();
    let ctx = harness.ctx.clone();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/crm/windows1252.csv");
    harness.state_mut().import_csv(&ctx, &fixture);
    wait_for(&mut harness, "Which column holds what");
    harness.get_by_label("windows1252.csv is read as Windows-1252, because line 2 is not UTF-8.");

    let folder = folder();
    let mut lines = vec![HEADER.to_owned(), "2027-01-03,\"Webinars,Lead,x".to_owned()];
    lines.extend(good_rows(20));
    let open = folder.file("open.csv", lines.join("\r\n").as_bytes());
    let mut harness = support::example();
    let before = harness.state().document().clone();
    let ctx = harness.ctx.clone();
    harness.state_mut().import_csv(&ctx, &open);
    wait_for(&mut harness, "never closed");
    harness
        .get_by_label_contains("open.csv: the quote that opens a field on line 2 is never closed");
    assert_eq!(harness.state().document(), &before);
}
