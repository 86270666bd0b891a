//! `sla-planner status` as a user runs it: the real binary, its output and exit codes.

use crate::support::day;
use std::path::PathBuf;

use crate::process::{json, run, stderr, stdout};

use sla_planner::document::{Measure, SlaDocument, save};

/// The default plan over 2027 (40 leads a month, lead value €1,250) with New Year's Day off,
/// 18 leads by 15 January of which 15 were contacted in time, and two rejections.
fn document(dir: &tempfile::TempDir) -> PathBuf {
    let mut doc = SlaDocument::default();
    doc.scenarios[0].assumptions.holidays = vec![day(1, 1)];
    doc.actuals.set(day(1, 4), "Website", Measure::Leads, 8.0);
    doc.actuals.set(day(1, 14), "Events", Measure::Leads, 10.0);
    doc.actuals
        .set(day(1, 14), "Events", Measure::ContactedInTime, 10.0);
    doc.actuals
        .set(day(1, 4), "Website", Measure::ContactedInTime, 5.0);
    doc.actuals
        .set(day(1, 4), "Website", Measure::ContactAttempts, 36.0);
    doc.actuals
        .set(day(1, 4), "Website", Measure::Accepted, 6.0);
    doc.actuals
        .set(day(1, 4), "Website", Measure::Rejected, 2.0);
    let path = dir.path().join("tracked.sla.ron");
    save(&doc, &path).unwrap();
    path
}

fn status(path: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["status", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn json_has_every_documented_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = document(&dir);
    let output = status(&path, &["--date", "2027-01-15", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let v = json(&output);
    assert_eq!(v["date"], "2027-01-15");
    assert_eq!(v["month"], "2027-01");
    assert_eq!(v["working_days"], 20);
    assert_eq!(v["working_days_elapsed"], 10);
    assert_eq!(v["working_days_left"], 10);
    let m = &v["marketing"];
    assert_eq!(m["goal"], 40.0);
    assert_eq!(m["actual"], 18.0);
    assert_eq!(m["expected"], 20.0);
    assert_eq!(m["projected"], 36.0);
    assert_eq!(m["needed_per_working_day"], 2.2);
    assert_eq!(m["goal_value"], 50_000.0);
    assert_eq!(m["actual_value"], 22_500.0);
    assert_eq!(m["expected_value"], 25_000.0);
    assert_eq!(m["projected_value"], 45_000.0);
    assert_eq!(m["needed_value_per_working_day"], 2_750.0);
    assert_eq!(m["state"], "on_track");
    for span in ["week", "period"] {
        for field in [
            "goal",
            "actual",
            "expected",
            "projected",
            "needed_per_working_day",
            "goal_value",
            "actual_value",
            "expected_value",
            "projected_value",
            "needed_value_per_working_day",
            "state",
        ] {
            assert!(v[span].get(field).is_some(), "{span}.{field}");
        }
    }
    assert_eq!(
        v["week"]["needed_per_working_day"],
        serde_json::Value::Null,
        "Friday: no day left"
    );
    let s = &v["sales"];
    assert_eq!(s["leads"], 18);
    assert_eq!(s["contacted_in_time"], 15);
    assert_eq!(s["contacted_in_time_share"], 15.0 / 18.0);
    assert_eq!(s["attempts_per_lead"], 2.0);
    assert_eq!(s["accepted"], 6);
    assert_eq!(s["rejected"], 2);
    assert_eq!(s["rejected_by_reason"], serde_json::json!([]));
    assert_eq!(s["state"], "behind", "83 % is below the 90 % target");
}

#[test]
fn text_in_english_and_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let path = document(&dir);
    let en = status(&path, &["--date", "2027-01-15"]);
    assert_eq!(en.status.code(), Some(0), "{}", stderr(&en));
    let text = stdout(&en);
    assert!(
        text.starts_with("Status on 2027-01-15, January 2027: working day 10 of 20, 10 left."),
        "{text}"
    );
    assert!(text.contains("This month: On track"), "{text}");
    assert!(
        text.contains(
            "Leads: 18 of 40 (expected by now 20, projected 36; needed per working day: 2.2)"
        ),
        "{text}"
    );
    assert!(text.contains("€22,500 of €50,000"), "{text}");
    assert!(
        text.contains(": 15 of 18 leads (83.3%; promised at least 90%) — Behind."),
        "{text}"
    );
    let nl = status(&path, &["--date", "2027-01-15", "--lang", "nl"]);
    let text = stdout(&nl);
    assert!(
        text.starts_with("Stand op 2027-01-15, januari 2027: werkdag 10 van 20, nog 10 over."),
        "{text}"
    );
    assert!(text.contains("€ 22.500 van € 50.000"), "{text}");
}

#[test]
fn a_date_outside_the_period_or_not_a_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = document(&dir);
    let outside = status(&path, &["--date", "2028-01-01"]);
    assert_eq!(outside.status.code(), Some(1));
    assert!(
        stderr(&outside)
            .contains("2028-01-01 is outside the plan's period (2027-01-01 to 2027-12-31)"),
        "{}",
        stderr(&outside)
    );
    let malformed = status(&path, &["--date", "15-01-2027"]);
    assert_eq!(malformed.status.code(), Some(2));
    assert!(
        stderr(&malformed).contains("is not a date; write it as year-month-day"),
        "{}",
        stderr(&malformed)
    );
    let unknown = status(&path, &["--date", "2027-01-15", "--scenario", "Nope"]);
    assert_eq!(unknown.status.code(), Some(1));
}

/// P(Y ≥ k) for Y ~ NB(α, q), summed term by term from P(0) = q^α and the ratio
/// P(y + 1) ÷ P(y) = (y + α)(1 − q) ÷ (y + 1): independent of the engine's code.
fn negative_binomial_at_least(alpha: f64, q: f64, k: u32) -> f64 {
    let mut term = q.powf(alpha);
    let mut below = 0.0;
    for y in 0..k {
        below += term;
        term *= (f64::from(y) + alpha) * (1.0 - q) / (f64::from(y) + 1.0);
    }
    1.0 - below
}

#[test]
fn json_has_the_forecast_of_month_quarter_period_and_customers() {
    let dir = tempfile::tempdir().unwrap();
    let path = document(&dir);
    let output = status(&path, &["--date", "2027-01-15", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let v = json(&output);
    let f = &v["forecast"];
    for span in ["month", "quarter", "period"] {
        for field in [
            "goal",
            "chance",
            "p10",
            "p50",
            "p90",
            "chance_value",
            "chance_above_tolerance",
        ] {
            assert!(f[span].get(field).is_some(), "{span}.{field}");
        }
        let chance = f[span]["chance"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&chance), "{span}: {chance}");
    }
    assert_eq!(f["month"]["goal"], 40.0);
    assert_eq!(f["quarter"]["goal"], 120.0);
    assert_eq!(f["period"]["goal"], 480.0);
    // 18 leads in 10 of 20 working days at 2 a day, prior 10 days: NB(38, 2/3) for the 22
    // leads still needed.
    let chance = f["month"]["chance"].as_f64().unwrap();
    let expected = negative_binomial_at_least(38.0, 2.0 / 3.0, 22);
    assert!(
        (chance - expected).abs() < 1e-9,
        "{chance} against {expected}"
    );
    let c = &f["customers"];
    assert_eq!(c["goal"], 24.0);
    assert_eq!(c["won"], 0);
    for field in ["chance", "p10", "p50", "p90"] {
        assert!(c.get(field).is_some(), "customers.{field}");
    }
}

#[test]
fn text_has_one_forecast_line_per_span_in_english_and_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let path = document(&dir);
    let text = stdout(&status(&path, &["--date", "2027-01-15"]));
    assert!(text.contains("Will we make it?"), "{text}");
    for span in ["January 2027: ", "Q1 2027: ", "The period: "] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(span) && l.contains("chance to reach"))
            .unwrap_or_else(|| panic!("{span} in {text}"));
        assert!(line.contains("80% likely between"), "{line}");
        assert!(line.contains("floods the sales reps"), "{line}");
    }
    assert!(
        text.contains("January 2027: unlikely: 30% chance to reach 40 leads"),
        "{text}"
    );
    assert!(text.contains("Customers in the period:"), "{text}");
    let text = stdout(&status(&path, &["--date", "2027-01-15", "--lang", "nl"]));
    assert!(text.contains("Halen we het?"), "{text}");
    assert!(text.contains("K1 2027: "), "{text}");
    assert!(text.contains("kans om 40 leads te halen"), "{text}");
}
