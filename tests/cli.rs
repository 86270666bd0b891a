//! The command line as a user runs it: the real binary, its output and exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

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
        "Lead value                       €1,250",
        "Leads per month (average)        40",
        "Lead-to-customer rate            5% (one rate)",
        "2027-01           21       €100,000",
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
        text.contains("2027-01           20       €160,000            €96,000          4      101"),
        "{text}"
    );
    // Per source: share, lead value (rate × deal size), leads, customers, cost of the leads.
    assert!(
        text.contains("Demo requests              20%      €3,200      220       22.0    €19,786"),
        "{text}"
    );
    assert!(text.contains("Marketing budget  €45,618"), "{text}");
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
        "tests/files/bad/wrong_type.sla.ron, line 18, column 30: Expected float.\n"
    );
}

#[test]
fn check_of_a_missing_file_is_a_plain_error() {
    let output = run(&["check", "missing.sla.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("Could not open missing.sla.ron:"));
}
