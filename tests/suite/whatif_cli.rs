//! The what-if commands as a user runs them: the real binary, its output and exit codes.

use std::path::Path;

use crate::process::{json, run, stderr, stdout};

use sla_planner::document::{SlaDocument, save};

const EXAMPLE: &str = "assets/example.sla.ron";

fn number(value: &serde_json::Value) -> f64 {
    value.as_f64().unwrap()
}

#[test]
fn solve_gives_the_marketing_share_for_a_monthly_lead_target() {
    // Plan 2027: 1,099.2 leads at a 60 % share; 1,200 a year (100 a month) need 60 × 1,200 ÷ 1,099.2.
    let output = run(&[
        "solve",
        EXAMPLE,
        "--target",
        "leads_per_month=100",
        "--vary",
        "marketing_share",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let v = json(&output);
    assert_eq!(v["input"], "marketing_share");
    assert_eq!(v["metric"], "leads_per_month");
    assert_eq!(v["reachable"], true);
    assert_eq!(v["reason"], serde_json::Value::Null);
    assert_eq!(number(&v["target"]), 100.0);
    assert!((number(&v["achieved"]) - 100.0).abs() < 1e-9);
    let lead_value = 0.2 * 0.1 * 32_000.0 + 0.3 * 0.05 * 28_000.0 + 0.5 * 0.02 * 25_000.0;
    let expected = 100.0 * 1_200.0 * lead_value / 2_400_000.0;
    assert!((number(&v["value"]) - expected).abs() < 1e-9, "{v}");
}

#[test]
fn solve_for_reps_in_text() {
    let output = run(&[
        "solve",
        EXAMPLE,
        "--target",
        "peak_utilisation=50%",
        "--vary",
        "reps",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Plan 2027\n\n"), "{text}");
    assert!(
        text.contains("Goal          Peak capacity used = 50%"),
        "{text}"
    );
    assert!(text.contains("Vary          Sales reps (now 2)"), "{text}");
    assert!(text.contains("Value needed  4\n"), "{text}");
}

#[test]
fn an_unreachable_goal_exits_1_with_the_reason() {
    let output = run(&[
        "solve",
        EXAMPLE,
        "--scenario",
        "Cautious",
        "--target",
        "leads_needed=3840",
        "--vary",
        "marketing_share",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let v = json(&output);
    // Cautious: 1,371.4 leads at 50 %; 3,840 leads need 140 %.
    assert_eq!(v["reachable"], false);
    assert!((number(&v["value"]) - 140.0).abs() < 1e-9, "{v}");
    assert_eq!(
        v["reason"],
        "Marketing share of revenue would have to be 140%: 140% is above the maximum of 100%."
    );
    assert_eq!(v["achieved"], serde_json::Value::Null);
}

#[test]
fn solve_names_the_inputs_and_results_it_knows() {
    let output = run(&["solve", EXAMPLE, "--target", "leads=3", "--vary", "reps"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("There is no result “leads”; use one of: leads_needed,"));
    let output = run(&[
        "solve",
        EXAMPLE,
        "--target",
        "leads_needed=900",
        "--vary",
        "source_rate:Radio",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("The scenario has no input “source_rate:Radio”"),
        "{err}"
    );
    assert!(err.contains("source_rate:Webinars"), "{err}");
}

#[test]
fn sensitivity_lists_inputs_by_their_effect_on_leads() {
    let output = run(&["sensitivity", EXAMPLE, "--step", "10", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let v = json(&output);
    let list = v.as_array().unwrap();
    let impact = |s: &serde_json::Value| {
        (number(&s["leads_needed_high"]) - number(&s["leads_needed_low"])).abs()
    };
    assert!(list.windows(2).all(|w| impact(&w[0]) >= impact(&w[1])));
    let revenue = list.iter().find(|s| s["input"] == "revenue_goal").unwrap();
    assert!((number(&revenue["low"]) - 2_160_000.0).abs() < 1e-6);
    assert!((number(&revenue["high"]) - 2_640_000.0).abs() < 1e-6);
    for key in [
        "leads_needed_low",
        "customers_needed_high",
        "budget_low",
        "budget_high",
    ] {
        assert!(revenue[key].is_f64(), "{key}: {revenue}");
    }
    let text = stdout(&run(&["sensitivity", EXAMPLE, "--scenario", "Cautious"]));
    assert!(text.contains("moved down and up by 10%"), "{text}");
    assert!(text.contains("Revenue goal"), "{text}");
}

#[test]
fn summary_and_plan_add_the_confidence() {
    let output = run(&["summary", EXAMPLE, "--confidence", "90", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let c = &json(&output)["confidence"];
    assert_eq!(number(&c["level"]), 0.9);
    assert_eq!(c["customers"], 50);
    let chance = number(&c["chance_with_planned_leads"]);
    assert!((0.0..1.0).contains(&chance));
    assert!(c["leads_needed"].as_u64().unwrap() > 1_100);

    let output = run(&[
        "plan",
        "--revenue-goal",
        "1200000",
        "--marketing-share",
        "50",
        "--deal-size",
        "25000",
        "--lead-to-customer",
        "5",
        "--confidence",
        "90%",
    ]);
    let text = stdout(&output);
    assert!(
        text.contains("Confidence  Leads convert by chance: 480 leads bring at least 24 customers"),
        "{text}"
    );
    let without = stdout(&run(&["summary", EXAMPLE, "--format", "json"]));
    assert!(!without.contains("confidence"));
    let bad = run(&["summary", EXAMPLE, "--confidence", "100"]);
    assert_eq!(bad.status.code(), Some(2));
}

fn write(dir: &Path, name: &str, doc: &SlaDocument) -> String {
    let path = dir.join(name);
    save(doc, &path).unwrap();
    path.display().to_string()
}

#[test]
fn diff_exits_0_when_equal_1_when_different_2_on_error() {
    let dir = tempfile::tempdir().unwrap();
    let before = SlaDocument::example().unwrap();
    let mut after = before.clone();
    after.scenarios[0].assumptions.average_deal_size = 30_000.0;
    after.scenarios[1].assumptions.average_deal_size = 20_000.0;
    let a = write(dir.path(), "a.sla.ron", &before);
    let b = write(dir.path(), "b.sla.ron", &after);

    let same = run(&["diff", &a, EXAMPLE]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(stdout(&same), "The documents are equal.\n");

    let output = run(&["diff", &a, &b, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let v = json(&output);
    assert_eq!(v["equal"], false);
    let change = &v["changes"][1];
    assert_eq!(
        change["path"],
        r#"scenarios["Cautious"].assumptions.average_deal_size"#
    );
    assert_eq!(change["kind"], "changed");
    assert_eq!(change["before"], 25_000.0);
    assert_eq!(change["after"], 20_000.0);
    // Cautious: 48 customers at €25,000 become 60 at €20,000.
    let cautious = &v["scenarios"][1];
    assert_eq!(cautious["scenario"], "Cautious");
    assert_eq!(cautious["customers_needed_before"], 48.0);
    assert_eq!(cautious["customers_needed_after"], 60.0);

    let text = stdout(&run(&["diff", &a, &b]));
    assert!(text.starts_with("2 change(s):\n"), "{text}");
    assert!(
        text.contains(
            r#"  scenarios["Cautious"].assumptions.average_deal_size: was 25,000, now 20,000"#
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "  Cautious: leads needed was 1,371.4, now 1,714.3 (+342.9), customers needed was 48, now 60 (+12)"
        ),
        "{text}"
    );

    let missing = run(&["diff", &a, "missing.sla.ron"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("Could not open missing.sla.ron:"));
}

/// Hand-edited files may hold `NaN` or `inf`; `serde_json`'s value writes both as `null`, so the
/// diff once called them equal (issue 15, point 10).
#[test]
fn diff_tells_not_a_number_from_infinity() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(write(
        dir.path(),
        "example.sla.ron",
        &SlaDocument::example().unwrap(),
    ))
    .unwrap();
    let goal = "revenue_goal: 2400000.0";
    assert!(example.contains(goal));
    let with_goal = |name: &str, value: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            example.replacen(goal, &format!("revenue_goal: {value}"), 1),
        )
        .unwrap();
        path.display().to_string()
    };
    let nan = with_goal("nan.sla.ron", "NaN");
    let inf = with_goal("inf.sla.ron", "inf");
    let minus_inf = with_goal("minus.sla.ron", "-inf");

    let output = run(&["diff", &nan, &inf, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let change = &json(&output)["changes"][0];
    assert_eq!(
        change["path"],
        r#"scenarios["Plan 2027"].assumptions.revenue_goal"#
    );
    assert_eq!(change["before"], "NaN");
    assert_eq!(change["after"], "inf");
    assert_eq!(run(&["diff", &inf, &minus_inf]).status.code(), Some(1));
    assert_eq!(run(&["diff", &nan, &nan]).status.code(), Some(0));
}
