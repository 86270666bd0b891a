//! SLA files: the example, round trips, atomic saves and a corpus of broken files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sla_planner::document::{
    self, FORMAT_VERSION, LoadError, SaveError, Scenario, SlaDocument, load, save,
};
use sla_planner::i18n::Language;
use sla_planner::plan::{
    Assumptions, Conversion, FunnelStage, LeadSource, Period, SalesCapacity, YearMonth, compute,
};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/files/bad")
        .join(name)
}

fn message(error: &LoadError) -> String {
    error.describe(Language::English)
}

#[test]
fn the_embedded_example_loads_validates_and_plans() {
    let doc = SlaDocument::example().unwrap();
    assert_eq!(doc.currency, "EUR");
    assert_eq!(doc.scenarios.len(), 2);
    assert!(doc.problems().is_empty(), "{:?}", doc.problems());
    let active = doc.active().unwrap();
    let a = &active.assumptions;
    assert_eq!(a.period.months, 12);
    assert_eq!(a.lead_sources.len(), 3);
    assert_eq!(a.conversion, Conversion::LeadSources);
    assert_eq!(a.seasonality.len(), 12);
    for scenario in &doc.scenarios {
        compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
    }
}

#[test]
fn a_version_1_file_migrates_and_plans_as_before() {
    // Version 1: lead sources, when present, set the rate whatever `conversion` said.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/version1_example.sla.ron");
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.newer_version, None);
    let doc = loaded.document;
    assert_eq!(doc.format_version, FORMAT_VERSION);
    let [plan_2027, cautious] = &doc.scenarios[..] else {
        panic!("two scenarios")
    };
    assert_eq!(plan_2027.assumptions.conversion, Conversion::LeadSources);
    assert_eq!(cautious.assumptions.conversion, Conversion::SingleRate);
    let plan = compute(&plan_2027.assumptions, &doc.sales_commitments).unwrap();
    assert_eq!(
        sla_planner::plan::funnel::whole_up(plan.leads_needed),
        1_100.0
    );
    assert_eq!(doc, SlaDocument::example().unwrap());

    // Saved again, it is a version-2 file that loads the same.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("migrated.sla.ron");
    save(&doc, &copy).unwrap();
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(text.contains("format_version: 2,") && text.contains("conversion: LeadSources"));
    assert_eq!(load(&copy).unwrap().document, doc);
}

#[test]
fn the_example_round_trips_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.sla.ron");
    let doc = SlaDocument::example().unwrap();
    save(&doc, &path).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.document, doc);
    assert_eq!(loaded.newer_version, None);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("SlaDocument("), "struct names are written");
    assert!(text.contains("format_version: 2,"));
}

#[test]
fn saving_replaces_the_old_file_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sla.ron");
    std::fs::write(&path, "old").unwrap();
    save(&SlaDocument::default(), &path).unwrap();
    assert_eq!(load(&path).unwrap().document, SlaDocument::default());
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn a_failed_save_leaves_the_target_untouched() {
    // Renaming a file over a non-empty folder fails on every platform.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.sla.ron");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("inside.txt"), "keep me").unwrap();
    let error = save(&SlaDocument::default(), &target).unwrap_err();
    assert!(matches!(error, SaveError::Io { .. }));
    let text = error.describe(Language::English);
    assert!(text.contains("plan.sla.ron"), "{text}");
    assert!(text.contains("unchanged"), "{text}");
    assert_eq!(
        std::fs::read_to_string(target.join("inside.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no such folder").join("plan.sla.ron");
    let error = save(&SlaDocument::default(), &path).unwrap_err();
    assert!(matches!(error, SaveError::Io { .. }));
    assert!(!path.exists());
}

#[test]
fn a_newer_file_opens_read_only_and_is_never_saved_over() {
    let loaded = load(&bad("newer_version.sla.ron")).unwrap();
    assert_eq!(loaded.newer_version, Some(3));
    assert_eq!(loaded.document.scenarios.len(), 2);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sla.ron");
    std::fs::copy(bad("newer_version.sla.ron"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = save(&loaded.document, &path).unwrap_err();
    assert!(matches!(error, SaveError::NewerFile { version: 3, .. }));
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // Save as… to a new file writes this version's format.
    let copy = dir.path().join("copy.sla.ron");
    save(&loaded.document, &copy).unwrap();
    assert_eq!(load(&copy).unwrap().document.format_version, FORMAT_VERSION);
}

#[test]
fn a_newer_file_that_does_not_parse_says_so() {
    let error = load(&bad("newer_incompatible.sla.ron")).unwrap_err();
    let text = message(&error);
    assert!(
        text.contains("newer SLA Planner (format version 4)"),
        "{text}"
    );
    assert!(text.contains("line 11, column 21"), "{text}");
}

/// Each broken file gives an error with its name and, for syntax, the place.
#[test]
fn broken_files_give_clear_errors() {
    let cases = [
        ("truncated.sla.ron", "line 18, column 17"),
        ("wrong_type.sla.ron", "line 18, column 30: Expected float"),
        ("unknown_variant.sla.ron", "Magic"),
        ("empty.sla.ron", "is empty"),
        ("garbage.sla.ron", "is not a text file"),
    ];
    for (name, expected) in cases {
        let error = load(&bad(name)).unwrap_err();
        let text = message(&error);
        assert!(text.contains(name), "{name}: {text}");
        assert!(text.contains(expected), "{name}: {text}");
    }
}

/// Every problem of the file, as the user reads it.
fn problem_texts(name: &str) -> Vec<String> {
    let doc = load(&bad(name)).unwrap().document;
    doc.problems()
        .iter()
        .map(|p| p.describe(Language::English, &doc))
        .collect()
}

#[test]
fn wrong_values_load_but_fail_validation_with_field_and_range() {
    assert_eq!(
        problem_texts("negative_deal_size.sla.ron"),
        // The scenario's own deal size is not in force: its lead sources set the numbers.
        vec![
            "Scenario “Plan 2027”: Lead sources › Webinars › Average deal size: €−28,000 is below the minimum of €0.01.",
        ]
    );

    assert_eq!(
        problem_texts("nan.sla.ron"),
        vec![
            "Scenario “Plan 2027”: Marketing share of revenue: not a number is outside the allowed range 0% to 100%."
        ]
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.sla.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let error = load(&path).unwrap_err();
    assert!(matches!(error, LoadError::TooLarge { .. }));
    assert!(message(&error).contains("50.0 MB"), "{}", message(&error));
}

#[test]
fn a_missing_file_names_the_path() {
    let error = load(Path::new("no/such/plan.sla.ron")).unwrap_err();
    assert!(message(&error).starts_with("Could not open no/such/plan.sla.ron"));
}

#[test]
fn a_file_without_newer_fields_gets_defaults() {
    // What an older or hand-written file looks like: only the step-1 numbers.
    let text = r#"SlaDocument(
        title: "Minimal",
        scenarios: [Scenario(name: "Only", assumptions: Assumptions(revenue_goal: 100000.0))],
    )"#;
    let doc = document::parse(text, Path::new("minimal.sla.ron"))
        .unwrap()
        .document;
    assert_eq!(doc.format_version, FORMAT_VERSION);
    assert_eq!(doc.currency, "EUR");
    assert_eq!(doc.scenarios[0].assumptions.average_deal_size, 25_000.0);
    assert!(doc.problems().is_empty());
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 ]{0,20}",
        Just("Quote \" back\\slash\nnew line ✓ €".to_owned()),
        any::<String>(),
    ]
}

prop_compose! {
    fn any_scenario()(
        name in any_text(),
        numbers in proptest::array::uniform8(any::<f64>().prop_filter("finite", |v| v.is_finite())),
        months in 1..=36u32,
        lag in 0..30u32,
        stages in proptest::collection::vec((any_text(), 0.0..100.0f64), 0..6),
        sources in proptest::collection::vec((any_text(), 0.0..100.0f64, proptest::option::of(0.0..1e3f64)), 0..4),
        capacity in proptest::option::of((0..50u32, 0.0..1e3f64)),
    ) -> Scenario {
        Scenario {
            name,
            assumptions: Assumptions {
                revenue_goal: numbers[0],
                marketing_share_percent: numbers[1],
                average_deal_size: numbers[2],
                lead_to_customer_percent: numbers[3],
                conversion: if stages.is_empty() { Conversion::SingleRate } else { Conversion::Stages },
                funnel_stages: stages.into_iter().map(|(n, r)| FunnelStage { name: n, rate_to_next_percent: r }).collect(),
                period: Period { start: YearMonth::new(2026, 1 + months % 12).unwrap(), months },
                seasonality: vec![numbers[4], numbers[5]],
                holidays: vec![chrono::NaiveDate::from_ymd_opt(2027, 4, 27).unwrap()],
                lead_sources: sources.into_iter().map(|(n, share, cost)| LeadSource {
                    name: n,
                    share_percent: share,
                    lead_to_customer_percent: numbers[6],
                    average_deal_size: numbers[7],
                    cost_per_lead: cost,
                }).collect(),
                sales_cycle_lag_months: lag,
                capacity: capacity.map(|(reps, per_rep)| SalesCapacity { reps, leads_per_rep_per_month: per_rep }),
            },
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_documents_round_trip_exactly(
        title in any_text(),
        notes in any_text(),
        scenarios in proptest::collection::vec(any_scenario(), 1..4),
    ) {
        let doc = SlaDocument { title, notes, scenarios, ..SlaDocument::default() };
        let text = document::to_ron(&doc).unwrap();
        let back = document::parse(&text, Path::new("random.sla.ron")).unwrap().document;
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn mangled_files_never_panic(cut in 0..4_000usize, byte in any::<u8>()) {
        let mut bytes = document::EXAMPLE_RON.as_bytes().to_vec();
        let at = cut.min(bytes.len() - 1);
        bytes[at] = byte;
        bytes.truncate(at + (cut % 7) * 100);
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = document::parse(&text, Path::new("mangled.sla.ron"));
        }
    }
}
