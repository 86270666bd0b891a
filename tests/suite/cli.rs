//! The command line as a user runs it: the real binary, its output and exit codes.

use std::process::{Command, Output};

use crate::process::{json, run, stderr, stdout};

const README_PLAN: [&str; 11] = [
    "plan",
    "--revenue-goal",
    "1200000",
    "--marketing-share",
    "50",
    "--deal-size",
    "25000",
    "--lead-to-customer",
    "5%",
    "--start",
    "2027-01",
];

#[test]
fn plan_prints_the_reverse_funnel_for_people() {
    let output = run(&README_PLAN);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "Marketing revenue target         €600,000",
        "Customers needed                 24",
        "Leads needed                     480",
        "Value per lead                   €1,250",
        "Leads per month (average)        40",
        "Lead-to-customer rate            5% (one rate)",
        // The month table of the Report tab: lead value and leads per day with one decimal.
        "Jan 2027            21  €100,000            €50,000          2     40     €50,000        1.9",
    ] {
        assert!(text.contains(line), "missing “{line}” in:\n{text}");
    }
}

#[test]
fn plan_json_has_exact_numbers_and_months() {
    let mut args = README_PLAN.to_vec();
    args.extend(["--format", "json"]);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let v = json(&output);
    assert_eq!(v["marketing_revenue"], 600_000.0);
    assert_eq!(v["customers_needed"], 24.0);
    assert!((v["leads_needed"].as_f64().unwrap() - 480.0).abs() < 1e-9);
    assert!((v["lead_value"].as_f64().unwrap() - 1_250.0).abs() < 1e-9);
    assert!((v["leads_per_month"].as_f64().unwrap() - 40.0).abs() < 1e-9);
    let per_week = v["leads_per_week"].as_f64().unwrap();
    assert!((per_week - 480.0 / 365.0 * 7.0).abs() < 1e-9);
    let per_day = v["leads_per_working_day"].as_f64().unwrap();
    assert!((per_day - 480.0 / 261.0).abs() < 1e-9);
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    assert_eq!(months[0]["month"], "2027-01");
    assert_eq!(months[0]["working_days"], 21);
    assert_eq!(months[0]["revenue"], 100_000.0);
    assert_eq!(months[0]["marketing_revenue"], 50_000.0);
    assert_eq!(months[0]["customers"], 2.0);
    assert!((months[0]["leads"].as_f64().unwrap() - 40.0).abs() < 1e-9);
}

#[test]
fn plan_defaults_to_next_month_and_twelve_months() {
    let output = run(&README_PLAN[..9]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("(12 months,"), "{text}");
}

#[test]
fn plan_with_a_bad_value_names_the_field_and_range() {
    let output = run(&[
        "plan",
        "--revenue-goal",
        "1200000",
        "--marketing-share",
        "150",
        "--deal-size",
        "-1",
        "--lead-to-customer",
        "5",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("Marketing share of revenue: 150% is above the maximum of 100%."),
        "{err}"
    );
    assert!(
        err.contains("Average deal size: −1 is below the minimum of 0.01."),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    assert!(stdout(&output).is_empty());
}

#[test]
fn plan_with_text_for_a_number_is_a_usage_error() {
    let output = run(&[
        "plan",
        "--revenue-goal",
        "lots",
        "--marketing-share",
        "50",
        "--deal-size",
        "1",
        "--lead-to-customer",
        "5",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("“lots” is not a number"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn summary_of_the_example_uses_the_active_scenario() {
    let output = run(&["summary", "assets/example.sla.ron"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Plan 2027\n"), "{text}");
    assert!(
        text.contains("Leads needed                     1,100"),
        "{text}"
    );
    assert!(text.contains("4.5% (lead sources)"), "{text}");
    // Whole targets a month, adding up to the rounded-up totals.
    assert!(
        text.contains(
            "Jan 2027            20  €160,000            €96,000          4    101    €132,000        5.0"
        ),
        "{text}"
    );
    // Per source: share, value per lead (rate × deal size), whole leads and customers (the
    // totals split by largest remainder), cost of the leads.
    assert!(
        text.contains("Demo requests           20%          €3,200    220         22  €19,786"),
        "{text}"
    );
    assert!(
        text.contains("Marketing budget             €45,618"),
        "{text}"
    );
    assert!(text.contains("Reps needed (busiest month)  2"), "{text}");
    // The funnel stages are kept in the file but not in force: no stage table.
    assert!(!text.contains("Opportunity"), "{text}");
}

#[test]
fn summary_of_a_named_scenario_as_json() {
    let output = run(&[
        "summary",
        "assets/example.sla.ron",
        "--scenario",
        "Cautious",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let v = json(&output);
    assert_eq!(v["scenario"], "Cautious");
    assert_eq!(v["basis"], "single_rate");
    // €2.4 M × 50 % ÷ €25,000 = 48 customers ÷ 3.5 % = 1,371.4 leads.
    assert_eq!(v["customers_needed"], 48.0);
    assert!((v["leads_needed"].as_f64().unwrap() - 48.0 / 0.035).abs() < 1e-9);
}

#[test]
fn summary_of_an_unknown_scenario_lists_the_names() {
    let output = run(&["summary", "assets/example.sla.ron", "--scenario", "Bold"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "There is no scenario “Bold”; the document has: Plan 2027, Cautious.\n"
    );
}

#[test]
fn check_passes_the_example() {
    let output = run(&["check", "assets/example.sla.ron"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "assets/example.sla.ron is valid (2 scenarios).\n"
    );
}

#[test]
fn check_lists_every_problem() {
    let output = run(&["check", "tests/files/bad/negative_deal_size.sla.ron"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    // The scenario's own deal size is not in force (its lead sources are), so only the
    // source's deal size is a problem.
    assert!(err.contains("has 1 problem(s):"), "{err}");
    assert!(
        err.contains(
            "  • Scenario “Plan 2027”: Lead sources › Webinars › Average deal size: €−28,000"
        ),
        "{err}"
    );
}

#[test]
fn check_gives_line_and_column_of_a_syntax_error() {
    let output = run(&["check", "tests/files/bad/wrong_type.sla.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "tests/files/bad/wrong_type.sla.ron, line 18, column 30: scenarios[0].assumptions.revenue_goal: expected a number such as 25000.0, found \"lots\".\n"
    );
}

#[test]
fn check_of_a_missing_file_is_a_plain_error() {
    let output = run(&["check", "missing.sla.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("Could not open missing.sla.ron:"));
}

// ---- Issue 7 -----------------------------------------------------------------------------

use std::process::Stdio;

use sla_planner::document::{self, Scenario, ScenarioId, SlaDocument};

/// A document written to a temporary folder; the folder lives as long as the returned guard.
fn document_file(doc: &SlaDocument) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sla.ron");
    std::fs::write(&path, document::to_ron(doc).unwrap()).unwrap();
    let path = path.to_str().unwrap().to_owned();
    (dir, path)
}

fn sla_planner() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sla-planner"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let mut child = sla_planner()
        .args(["summary", "assets/example.sla.ron"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -c 10` that has already exited: the reading end is closed.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

#[test]
fn a_closed_stderr_ends_quietly_with_the_commands_exit_code() {
    let mut child = sla_planner()
        .args(["check", "tests/files/bad/negative_deal_size.sla.ron"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "not a panic (101)");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_message() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = sla_planner()
        .args(["summary", "assets/example.sla.ron"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "SLA Planner could not write its output: No space left on device (os error 28).\n"
    );
}

fn assert_no_control_characters(output: &Output) {
    let all = format!("{}{}", stdout(output), stderr(output));
    assert!(!all.chars().any(|c| c.is_control() && c != '\n'), "{all:?}");
}

#[test]
fn control_characters_from_the_file_never_reach_the_terminal() {
    // OSC 52 (write the clipboard), then a C1 CSI that clears the screen.
    let evil = "\u{1b}]52;c;ZXZpbA==\u{7}Plan\u{9b}2J";
    let mut doc = SlaDocument::example().unwrap();
    doc.scenarios[0].name = evil.into();
    let (_dir, path) = document_file(&doc);
    let summary = run(&["summary", &path]);
    assert!(summary.status.success(), "{}", stderr(&summary));
    assert_no_control_characters(&summary);
    assert!(
        stdout(&summary).starts_with("\\u{1b}]52;c;ZXZpbA==\\u{7}Plan\\u{9b}2J\n"),
        "{}",
        stdout(&summary)
    );
    let as_json = run(&["summary", &path, "--format", "json"]);
    assert_no_control_characters(&as_json);
    assert_eq!(
        json(&as_json)["scenario"],
        evil,
        "JSON escapes keep the text"
    );

    doc.currency = "E\u{1b}[2JR".into();
    let (_dir, path) = document_file(&doc);
    let check = run(&["check", &path]);
    assert_no_control_characters(&check);
    assert!(
        stderr(&check).contains("Currency “E\\u{1b}[2JR” is not a three-letter ISO code"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn summary_refuses_what_check_refuses() {
    let mut doc = SlaDocument::example().unwrap();
    doc.currency = "eur".into();
    doc.scenarios[1].name = doc.scenarios[0].name.clone();
    let (_dir, path) = document_file(&doc);
    let check = run(&["check", &path]);
    let summary = run(&["summary", &path]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(summary.status.code(), Some(1));
    assert_eq!(stderr(&summary), stderr(&check));
    assert!(stderr(&summary).contains("2 scenarios are called “Plan 2027”"));
    assert!(stdout(&summary).is_empty());
}

#[test]
fn an_agreed_plan_out_of_range_is_named_as_written() {
    let doc = SlaDocument {
        agreed_plan: ScenarioId(u32::MAX),
        ..SlaDocument::example().unwrap()
    };
    let (_dir, path) = document_file(&doc);
    let summary = run(&["summary", &path]);
    assert_eq!(summary.status.code(), Some(1));
    assert!(
        stderr(&summary).contains(
            "The agreed plan (agreed_plan: 4294967295) is not the id of a scenario; the scenarios' ids are 1, 2."
        ),
        "{}",
        stderr(&summary)
    );
}

#[test]
fn an_empty_scenario_list_is_a_problem_not_an_empty_name() {
    let doc = SlaDocument {
        scenarios: Vec::new(),
        ..SlaDocument::default()
    };
    let (_dir, path) = document_file(&doc);
    let summary = run(&["summary", &path]);
    assert_eq!(summary.status.code(), Some(1));
    assert!(
        stderr(&summary).contains("The document has no scenario; add at least one."),
        "{}",
        stderr(&summary)
    );
}

#[test]
fn check_reports_unknown_fields_with_place_and_suggestion() {
    let text = document::EXAMPLE_RON.replacen("revenue_goal:", "revenue_gaol:", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.sla.ron");
    std::fs::write(&path, &text).unwrap();
    let output = run(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let line = text
        .lines()
        .position(|l| l.contains("revenue_gaol"))
        .unwrap()
        + 1;
    assert!(
        stderr(&output).contains(&format!(
            "  • line {line}, column 17: “scenarios[0].assumptions.revenue_gaol” is not a field this version knows; the app keeps it when saving. Did you mean “revenue_goal”?"
        )),
        "{}",
        stderr(&output)
    );
    let summary = run(&["summary", path.to_str().unwrap()]);
    assert_eq!(
        summary.status.code(),
        Some(1),
        "the default revenue goal would be planned"
    );
}

#[test]
fn check_says_a_newer_file_opens_read_only() {
    let summary = run(&["summary", "tests/files/bad/newer_version.sla.ron"]);
    assert_eq!(summary.status.code(), Some(0), "{}", stderr(&summary));
    assert!(stderr(&summary).contains("this version opens it read-only"));
    assert!(
        stderr(&summary).contains("“approval” is not a field this version knows"),
        "a newer version's field is mentioned, not a problem: {}",
        stderr(&summary)
    );
    let output = run(&["check", "tests/files/bad/newer_version.sla.ron"]);
    assert!(
        stdout(&output).contains(
            "tests/files/bad/newer_version.sla.ron was written by a newer SLA Planner (format version 9); this version opens it read-only."
        ),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
}

#[test]
fn check_of_many_scenarios_is_fast_and_refuses_beyond_the_limit() {
    // Compact, as a script would write it: 1.6 MB, well under the size limit.
    let text = format!(
        "SlaDocument(scenarios: [{}])",
        "(name: \"Plan\"),".repeat(100_000)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.sla.ron");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let started = std::time::Instant::now();
    let output = run(&["check", path]);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.ends_with("scenarios has 100,000 entries; at most 100 are allowed.\n"),
        "{err}"
    );
}

#[test]
fn repeated_problems_are_listed_once_with_a_count() {
    let mut scenario = Scenario::default();
    scenario.assumptions.average_deal_size = 0.0;
    let doc = SlaDocument {
        scenarios: vec![scenario; 50],
        ..SlaDocument::default()
    };
    let (_dir, path) = document_file(&doc);
    let output = run(&["check", &path]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("has 2 problem(s):"), "{err}");
    assert!(
        err.contains("  • 50 scenarios are called “Plan”; give each a name of its own.\n"),
        "{err}"
    );
    assert!(
        err.contains(
            "  • Scenario “Plan”: Average deal size: €0 is below the minimum of €0.01. (50 times)\n"
        ),
        "{err}"
    );
}

#[test]
fn a_share_below_one_percent_gets_a_note() {
    let output = run(&[
        "plan",
        "--revenue-goal",
        "1200000",
        "--marketing-share",
        "0.5",
        "--deal-size",
        "25000",
        "--lead-to-customer",
        "5",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        "Note: --marketing-share 0.5 means 0.5%. If you meant 50%, write 50.\n"
    );
}

#[test]
fn a_doubled_percent_sign_is_refused() {
    let output = run(&[
        "plan",
        "--revenue-goal",
        "1200000",
        "--marketing-share",
        "50",
        "--deal-size",
        "25000",
        "--lead-to-customer",
        "5%%",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("“5%%” is not a percentage; write e.g. 50 or 50%"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn text_output_and_messages_in_dutch_json_the_same() {
    let output = run(&["summary", "assets/example.sla.ron", "--lang", "nl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "Omzetdoel marketing            € 1.440.000",
        "Benodigde leads                1.100",
        "Lead-naar-klantratio           4,5% (leadbronnen)",
        "januari 2027",
        "Periode                        januari 2027 t/m december 2027",
    ] {
        assert!(text.contains(line), "missing “{line}” in:\n{text}");
    }
    // The locale decides when --lang is not given.
    let dutch_locale = Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(["summary", "assets/example.sla.ron"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "nl_NL.UTF-8")
        .output()
        .unwrap();
    assert_eq!(stdout(&dutch_locale), text);

    let error = run(&[
        "plan",
        "--revenue-goal",
        "1200000",
        "--marketing-share",
        "150",
        "--deal-size",
        "25000",
        "--lead-to-customer",
        "5",
        "--lang",
        "nl",
    ]);
    assert!(
        stderr(&error)
            .contains("Aandeel marketing in omzet: 150% is hoger dan het maximum van 100%."),
        "{}",
        stderr(&error)
    );

    let json = |lang: &str| {
        stdout(&run(&[
            "summary",
            "assets/example.sla.ron",
            "--format",
            "json",
            "--lang",
            lang,
        ]))
    };
    assert_eq!(json("nl"), json("en"));
}

#[test]
fn help_says_numbers_are_plain_whatever_the_language() {
    let text = stdout(&run(&["--help"]));
    assert!(
        text.contains("Numbers on the command line are plain"),
        "{text}"
    );
    assert!(text.contains("--lang"), "{text}");
}

#[test]
fn the_document_names_the_language_of_its_exports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dutch.sla.ron");
    let mut doc = SlaDocument::example().unwrap();
    doc.export_language = Some(sla_planner::i18n::Language::Dutch);
    document::save(&doc, &path).unwrap();
    let file = path.to_str().unwrap();
    // In an English locale, without --lang: the document's language.
    let dutch = stdout(&run(&["export", file, "--format", "md"]));
    assert!(dutch.contains("Omzetdoel marketing"), "{dutch}");
    // --lang wins over the document.
    let english = stdout(&run(&["export", file, "--format", "md", "--lang", "en"]));
    assert!(english.contains("Marketing revenue target"), "{english}");
}
