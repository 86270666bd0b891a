//! SLA files: the example, round trips, atomic saves and a corpus of broken files.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sla_planner::document::{
    self, FORMAT_VERSION, LoadError, SaveError, Scenario, ScenarioId, SlaDocument, load, save,
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
    let active = doc.agreed().unwrap();
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
    assert_eq!(doc, example_without_tracking());

    // Saved again, it is a file of this version that loads the same.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("migrated.sla.ron");
    save(&doc, &copy).unwrap();
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(text.contains("format_version: 3,") && text.contains("conversion: LeadSources"));
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
    assert!(text.contains("format_version: 3,"));
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
    assert_eq!(loaded.newer_version, Some(9));
    assert_eq!(loaded.document.scenarios.len(), 2);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sla.ron");
    std::fs::copy(bad("newer_version.sla.ron"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = save(&loaded.document, &path).unwrap_err();
    assert!(matches!(error, SaveError::NewerFile { version: 9, .. }));
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
        text.contains("newer SLA Planner (format version 10)"),
        "{text}"
    );
    assert!(text.contains("line 11, column 21"), "{text}");
}

/// Each broken file gives an error with its name and, for syntax, the place.
#[test]
fn broken_files_give_clear_errors() {
    let cases = [
        ("truncated.sla.ron", "line 18, column 17"),
        (
            "wrong_type.sla.ron",
            "line 18, column 30: scenarios[0].assumptions.revenue_goal: expected a number such as 25000.0, found \"lots\"",
        ),
        ("unknown_variant.sla.ron", "Magic"),
        ("empty.sla.ron", "is empty"),
        ("garbage.sla.ron", "is not a text file"),
        (
            "impossible_date.sla.ron",
            "line 36, column 22: scenarios[0].assumptions.holidays[3]: \"2027-02-30\" is not a date",
        ),
        (
            "fraction_for_whole.sla.ron",
            "sales_commitments.minimum_attempts: expected a whole number such as 12, found 6.5.",
        ),
        (
            "year_27.sla.ron",
            "line 10, column 5: effective_date is 0027-01-01; dates must lie in the years 1900 to 2200.",
        ),
        ("deep_nesting.sla.ron", "nested more than 128 levels deep"),
        (
            "too_many_stages.sla.ron",
            "scenarios[0].assumptions.funnel_stages has 12 entries; at most 10 are allowed.",
        ),
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
        spread in proptest::collection::vec(0.0..100.0f64, 0..4),
        stages in proptest::collection::vec((any_text(), 0.0..100.0f64), 0..6),
        sources in proptest::collection::vec((any_text(), 0.0..100.0f64, proptest::option::of(0.0..1e3f64)), 0..4),
        capacity in proptest::option::of((0..50u32, 0.0..1e3f64)),
    ) -> Scenario {
        Scenario {
            id: ScenarioId(0),
            name,
            assumptions: Assumptions {
                revenue_goal: numbers[0],
                marketing_share_percent: numbers[1],
                average_deal_size: numbers[2],
                lead_to_customer_percent: numbers[3],
                conversion: if stages.is_empty() { Conversion::SingleRate } else { Conversion::Stages },
                funnel_stages: stages.into_iter().map(|(n, r)| FunnelStage::new(&n, r)).collect(),
                period: Period { start: YearMonth::new(2026, 1 + months % 12).unwrap(), months },
                seasonality: vec![numbers[4], numbers[5]],
                holidays: vec![chrono::NaiveDate::from_ymd_opt(2027, 4, 27).unwrap()],
                lead_sources: sources.into_iter().map(|(n, share, cost)| LeadSource {
                    name: n,
                    share_percent: share,
                    lead_to_customer_percent: numbers[6],
                    average_deal_size: numbers[7],
                    cost_per_lead: cost,
                    ..LeadSource::default()
                }).collect(),
                sales_cycle_lag_months: lag,
                sales_cycle_lag_spread_percent: spread,
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
        let mut doc = SlaDocument { title, notes, scenarios, ..SlaDocument::default() };
        for (i, scenario) in doc.scenarios.iter_mut().enumerate() {
            scenario.id = ScenarioId(u32::try_from(i).unwrap() + 1);
            scenario.assumptions.number_rows();
        }
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
            round_trips(&text);
        }
    }

    /// An unknown field after any line of the example: where the file still parses, saving
    /// keeps the field and the document reads back the same.
    #[test]
    fn an_unknown_field_anywhere_survives_a_save(
        line in 0..120usize,
        value in prop_oneof![
            Just("1".to_owned()),
            Just("[1, (a: \"x\")]".to_owned()),
            Just("Some(Thing(b: 2.5, c: [])) // note".to_owned()),
            Just("r#\"raw \" string\"#".to_owned()),
            Just("(r#type: 1)".to_owned()),
        ],
    ) {
        let mut lines: Vec<&str> = document::EXAMPLE_RON.lines().collect();
        let extra = format!("zz_extra: {value},");
        let at = line.min(lines.len());
        lines.insert(at, &extra);
        round_trips(&lines.join("\n"));
    }
}

// ---- Issue 7: unknown fields, hostile files, limits and messages -------------------------

/// The example as the test corpus copies it: without the results of January and February
/// (and the import settings that came with them), without whom progress is reported to, and
/// from before the response clock: such a file counts calendar hours, as it was measured.
fn example_without_tracking() -> SlaDocument {
    let mut example = SlaDocument::example().unwrap();
    example.actuals = Default::default();
    example.tracking = Default::default();
    example.report_to = String::new();
    example.sales_commitments.clock = sla_planner::plan::ResponseClock::Calendar;
    example
}

fn good(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/files/good")
        .join(name)
}

/// Files that open: with a byte order mark, with fields this version does not know.
#[test]
fn the_good_corpus_opens() {
    let example = example_without_tracking();
    assert_eq!(load(&good("bom.sla.ron")).unwrap().document, example);
    let loaded = load(&good("unknown_fields.sla.ron")).unwrap();
    assert_eq!(loaded.unknown_fields.len(), 2);
    assert_eq!(loaded.document.unknown_fields.len(), 2, "both kept");
}

/// The example with `extra` inserted right after the line that contains `after`.
fn example_with(after: &str, extra: &str) -> String {
    let mut text = String::new();
    let mut done = false;
    for line in document::EXAMPLE_RON.lines() {
        text.push_str(line);
        text.push('\n');
        if !done && line.contains(after) {
            text.push_str(extra);
            text.push('\n');
            done = true;
        }
    }
    assert!(done, "no line with {after}");
    text
}

fn parsed(text: &str) -> Result<document::Loaded, LoadError> {
    document::parse(text, Path::new("plan.sla.ron"))
}

#[test]
fn unknown_fields_are_reported_with_place_and_suggestion_and_kept_on_save() {
    let text = example_with(
        "format_version",
        "    approvals: [(who: \"Sanne\", when: \"2027-01-05\")], // a newer version's field",
    );
    let text = text.replacen("revenue_goal:", "revenue_gaol:", 1);
    let loaded = parsed(&text).unwrap();
    let unknown: Vec<(String, usize, Option<&str>)> = loaded
        .unknown_fields
        .iter()
        .map(|f| (f.path.to_string(), f.line, f.suggestion))
        .collect();
    let gaol_line = text
        .lines()
        .position(|l| l.contains("revenue_gaol"))
        .unwrap()
        + 1;
    assert_eq!(
        unknown,
        vec![
            ("approvals".to_owned(), 4, None),
            (
                "scenarios[0].assumptions.revenue_gaol".to_owned(),
                gaol_line,
                Some("revenue_goal")
            ),
        ]
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sla.ron");
    save(&loaded.document, &path).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.contains("approvals: [(who: \"Sanne\", when: \"2027-01-05\")],"),
        "{written}"
    );
    assert!(written.contains("revenue_gaol: 2400000.0,"), "{written}");
    let again = load(&path).unwrap();
    assert_eq!(again.document, loaded.document, "unknown fields included");
    assert_eq!(again.unknown_fields.len(), 2);
}

#[test]
fn a_file_with_a_byte_order_mark_opens() {
    let text = format!("\u{feff}{}", document::EXAMPLE_RON);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notepad.sla.ron");
    std::fs::write(&path, text).unwrap();
    assert_eq!(
        load(&path).unwrap().document,
        SlaDocument::example().unwrap()
    );
}

#[test]
fn folders_and_devices_are_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let error = load(dir.path()).unwrap_err();
    assert!(
        message(&error).ends_with("is a folder, not an SLA file."),
        "{}",
        message(&error)
    );
    #[cfg(unix)]
    {
        // /dev/zero never ends; reading it would fill the memory.
        let error = load(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(
            message(&error),
            "/dev/zero is not a regular file (it is a pipe, socket or device), so it is not read."
        );
    }
}

/// Opening a FIFO blocks until someone writes to it: it must be refused before it is opened.
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.sla.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("load-fifo".into())
        .spawn(move || sender.send(load(&fifo).map(|_| ()).map_err(|e| message(&e))))
        .unwrap();
    let result = receiver
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("loading a FIFO hangs");
    assert!(result.unwrap_err().contains("not a regular file"));
}

#[test]
fn one_byte_over_the_limit_says_so_in_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.sla.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(document::MAX_FILE_BYTES + 1).unwrap();
    assert_eq!(
        message(&load(&path).unwrap_err()),
        format!(
            "{} is 10485761 bytes; an SLA file is at most 10485760 bytes. Is this the right file?",
            path.display()
        )
    );
}

#[test]
fn dates_outside_the_sane_years_are_refused_with_field_and_range() {
    let text = document::EXAMPLE_RON.replace(
        "effective_date: Some(\"2027-01-01\")",
        "effective_date: Some(\"27-1-1\")",
    );
    let line = text.lines().position(|l| l.contains("27-1-1")).unwrap() + 1;
    assert_eq!(
        message(&parsed(&text).unwrap_err()),
        format!(
            "plan.sla.ron, line {line}, column 5: effective_date is 0027-01-01; dates must lie in the years 1900 to 2200."
        )
    );
    let text = document::EXAMPLE_RON.replacen("\"2027-04-27\"", "\"+10000-11-27\"", 1);
    let error = message(&parsed(&text).unwrap_err());
    assert!(
        error.contains("scenarios[0].assumptions.holidays[") && error.contains("+10000-11-27"),
        "{error}"
    );
}

#[test]
fn an_impossible_date_names_the_field_and_the_format() {
    let text = document::EXAMPLE_RON.replacen("\"2027-04-27\"", "\"2027-02-30\"", 1);
    let error = message(&parsed(&text).unwrap_err());
    assert!(
        error.contains(
            "scenarios[0].assumptions.holidays[3]: \"2027-02-30\" is not a date; write dates as \"YYYY-MM-DD\", e.g. \"2027-04-27\"."
        ),
        "{error}"
    );
}

#[test]
fn a_fraction_for_a_whole_number_says_so() {
    let text = document::EXAMPLE_RON.replacen("minimum_attempts: 6", "minimum_attempts: 6.5", 1);
    let error = message(&parsed(&text).unwrap_err());
    assert!(
        error.ends_with(
            "sales_commitments.minimum_attempts: expected a whole number such as 12, found 6.5."
        ),
        "{error}"
    );
}

#[test]
fn deep_nesting_is_refused_in_plain_words() {
    let text = format!("SlaDocument(deep: {}", "[".repeat(100_000));
    let error = message(&parsed(&text).unwrap_err());
    assert!(
        error.contains("nested more than 128 levels deep"),
        "{error}"
    );
    assert!(!error.contains("serde_stacker"), "{error}");
}

#[test]
fn too_many_scenarios_are_refused_on_opening_and_on_saving() {
    let doc = SlaDocument {
        scenarios: (0..101)
            .map(|i| Scenario {
                name: format!("S{i}"),
                ..Scenario::default()
            })
            .collect(),
        ..SlaDocument::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.sla.ron");
    let error = save(&doc, &path).unwrap_err();
    assert_eq!(
        error.describe(Language::English),
        "The document was not saved, because the file could not be opened again: scenarios has 101 entries; at most 100 are allowed."
    );
    assert!(!path.exists());
    std::fs::write(&path, document::to_ron(&doc).unwrap()).unwrap();
    let error = message(&load(&path).unwrap_err());
    assert!(
        error.ends_with("scenarios has 101 entries; at most 100 are allowed."),
        "{error}"
    );
}

#[test]
fn a_thousand_duplicate_names_are_checked_quickly_and_reported_once() {
    let doc = SlaDocument {
        scenarios: vec![Scenario::default(); 100_000],
        ..SlaDocument::default()
    };
    let started = std::time::Instant::now();
    let texts: Vec<String> = doc
        .problems()
        .iter()
        .map(|p| p.describe(Language::English, &doc))
        .collect();
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.contains("are called “Plan”"))
            .collect::<Vec<_>>(),
        ["100000 scenarios are called “Plan”; give each a name of its own."]
    );
}

#[test]
fn an_empty_scenario_list_says_so() {
    let doc = SlaDocument {
        scenarios: Vec::new(),
        ..SlaDocument::default()
    };
    let texts: Vec<String> = doc
        .problems()
        .iter()
        .map(|p| p.describe(Language::English, &doc))
        .collect();
    assert_eq!(texts, ["The document has no scenario; add at least one."]);
}

/// A value above the maximum is not called "below the minimum" (`Language::rule`, issue 6).
#[test]
fn a_value_above_the_maximum_says_so() {
    let mut doc = SlaDocument::default();
    doc.scenarios[0].assumptions.revenue_goal = 2e12;
    let text = doc.problems()[0].describe(Language::English, &doc);
    assert_eq!(
        text,
        "Scenario “Plan”: Revenue goal: €2,000,000,000,000 is above the maximum of €1,000,000,000,000."
    );
}

// ---- Issue 7: saving -------------------------------------------------------------------

#[cfg(unix)]
mod unix_saving {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    fn example_in(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, document::EXAMPLE_RON).unwrap();
        path
    }

    fn edited() -> SlaDocument {
        SlaDocument {
            title: "Edited".into(),
            ..SlaDocument::example().unwrap()
        }
    }

    #[test]
    fn saving_through_a_symlink_updates_the_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("shared")).unwrap();
        let target = example_in(&dir.path().join("shared"), "plan.sla.ron");
        let link = dir.path().join("link.sla.ron");
        std::os::unix::fs::symlink("shared/plan.sla.ron", &link).unwrap();
        save(&edited(), &link).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(load(&target).unwrap().document.title, "Edited");
        assert_eq!(
            std::fs::read_dir(dir.path().join("shared"))
                .unwrap()
                .count(),
            1
        );
    }

    #[test]
    fn saving_keeps_the_permission_bits() {
        let dir = tempfile::tempdir().unwrap();
        let path = example_in(dir.path(), "plan.sla.ron");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
        save(&edited(), &path).unwrap();
        assert_eq!(mode(&path), 0o664);
    }

    #[test]
    fn a_new_file_gets_the_usual_permissions_not_private_ones() {
        let dir = tempfile::tempdir().unwrap();
        let reference = dir.path().join("reference");
        std::fs::File::create(&reference).unwrap();
        let path = dir.path().join("new.sla.ron");
        save(&edited(), &path).unwrap();
        assert_eq!(mode(&path), mode(&reference), "as any new file (umask)");
    }

    #[test]
    fn a_read_only_file_is_replaced_only_when_asked_and_stays_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = example_in(dir.path(), "plan.sla.ron");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let error = save(&edited(), &path).unwrap_err();
        assert!(matches!(error, SaveError::ReadOnly { .. }));
        assert!(
            error
                .describe(Language::English)
                .contains("is read-only, so it was not replaced"),
            "{error}"
        );
        assert_eq!(load(&path).unwrap().document.title, "Smarketing-SLA 2027");
        let agreed = document::SaveOptions {
            replace_read_only: true,
            ..document::SaveOptions::default()
        };
        document::save_with(&edited(), &path, agreed).unwrap();
        assert_eq!(load(&path).unwrap().document.title, "Edited");
        assert_eq!(mode(&path), 0o444);
    }

    /// Only root may give a file to someone else, so only root can see the owner kept.
    #[test]
    fn saving_keeps_the_owner_where_allowed() {
        if !std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0) {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = example_in(dir.path(), "plan.sla.ron");
        std::os::unix::fs::chown(&path, Some(4242), Some(4343)).unwrap();
        save(&edited(), &path).unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (4242, 4343));
    }

    #[test]
    fn a_hard_linked_file_warns_before_the_link_is_broken() {
        let dir = tempfile::tempdir().unwrap();
        let path = example_in(dir.path(), "plan.sla.ron");
        let other = dir.path().join("other-name.sla.ron");
        std::fs::hard_link(&path, &other).unwrap();
        let error = save(&edited(), &path).unwrap_err();
        assert!(matches!(error, SaveError::HardLinked { links: 2, .. }));
        assert!(
            error
                .describe(Language::English)
                .contains("has 1 other name(s) (hard links)"),
            "{error}"
        );
        assert_eq!(
            std::fs::metadata(&path).unwrap().nlink(),
            2,
            "nothing written"
        );
        let agreed = document::SaveOptions {
            break_hard_links: true,
            ..document::SaveOptions::default()
        };
        document::save_with(&edited(), &path, agreed).unwrap();
        assert_eq!(load(&path).unwrap().document.title, "Edited");
        assert_eq!(load(&other).unwrap().document.title, "Smarketing-SLA 2027");
    }
}

/// parse → save → parse gives the same document, unknown fields included (what the fuzz target
/// checks on arbitrary input).
fn round_trips(text: &str) {
    let Ok(first) = document::parse(text, Path::new("any.sla.ron")) else {
        return;
    };
    assert_eq!(
        first.document.unknown_fields.len(),
        first.unknown_fields.len(),
        "every unknown field is kept: {:?}",
        first.unknown_fields
    );
    let written = document::to_ron(&first.document).unwrap();
    let second = document::parse(&written, Path::new("any.sla.ron")).unwrap();
    assert_eq!(
        second.document.unknown_fields,
        first.document.unknown_fields
    );
    assert_eq!(document::to_ron(&second.document).unwrap(), written);
}

#[test]
fn unknown_fields_round_trip_wherever_they_are() {
    let extras = [
        ("format_version", "    approvals: [1, 2],"),
        (
            "name: \"Plan 2027\"",
            "            colour: \"red\", /* a comment */",
        ),
        ("accept_within_hours", "        escalate_after_hours: 72.0,"),
    ];
    for (after, extra) in extras {
        round_trips(&example_with(after, extra));
    }
    round_trips(&document::EXAMPLE_RON.replacen(
        "rate_to_next_percent: 50.0)",
        "rate_to_next_percent: 50.0, owner: \"x\")",
        1,
    ));
    round_trips(&document::EXAMPLE_RON.replacen("reps: 2,", "reps: 2, team: Some(\"North\"),", 1));
}

/// Files near the size limit built to be slow: a deep bracket tower and a field name of 9 MB.
/// Both are answered in well under a second of work (the test allows for slow machines).
#[test]
fn big_hostile_files_are_answered_quickly() {
    let started = std::time::Instant::now();
    let tower = format!("SlaDocument(deep: {}", "[".repeat(9_000_000));
    let error = message(&parsed(&tower).unwrap_err());
    assert!(
        error.contains("nested more than 128 levels deep"),
        "{error}"
    );

    let long_name = format!("SlaDocument({}: 1)", "x".repeat(9_000_000));
    let loaded = parsed(&long_name).unwrap();
    assert_eq!(loaded.unknown_fields.len(), 1);
    assert_eq!(loaded.unknown_fields[0].suggestion, None);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

/// The annotated example in docs/FORMAT.md is a real file of this version: every field it
/// shows is one the loader knows (its one lead source is cut short, so its shares do not add up).
#[test]
fn the_documented_format_reads_without_unknown_fields() {
    let text = std::fs::read_to_string("docs/FORMAT.md").unwrap();
    let example = text
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let loaded = document::parse(example, Path::new("FORMAT.md")).unwrap();
    assert!(
        loaded.unknown_fields.is_empty(),
        "{:?}",
        loaded.unknown_fields
    );
    assert_eq!(loaded.document.format_version, FORMAT_VERSION);
    assert_eq!(loaded.document.actuals.len(), 1);
    assert_eq!(loaded.document.agreed().unwrap().name, "Plan 2027");
}

/// A version-2 file (the agreed plan by position, no ids) opens with ids, the same agreed plan,
/// and saves as version 3; loading that again gives the same document.
#[test]
fn a_version_2_file_migrates_and_a_version_3_file_round_trips_exactly() {
    let old = document::EXAMPLE_RON
        .replace("format_version: 3,", "format_version: 2,")
        .replace("            id: 1,\n", "")
        .replace("            id: 2,\n", "")
        .replace("    agreed_plan: 1,", "    active_scenario: 1,");
    assert!(!old.contains("id: "), "the ids are gone");
    let doc = document::parse(&old, Path::new("v2.sla.ron"))
        .unwrap()
        .document;
    assert_eq!(doc.format_version, FORMAT_VERSION);
    assert_eq!(doc.agreed().unwrap().name, "Cautious");
    assert_eq!(doc.scenarios[0].id, ScenarioId(1));
    assert_eq!(doc.scenarios[1].id, ScenarioId(2));
    let saved = document::to_ron(&doc).unwrap();
    assert!(saved.contains("agreed_plan: 2") && !saved.contains("active_scenario"));
    let again = document::parse(&saved, Path::new("v3.sla.ron"))
        .unwrap()
        .document;
    assert_eq!(again, doc);
    assert_eq!(document::to_ron(&again).unwrap(), saved);
}
