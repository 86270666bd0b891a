//! Taking a colleague's changes: every kind of edit applied on its own (a changed value, an
//! added, removed and renamed scenario, a lead source, approvals), and in the window: tick two
//! of five, Apply, Undo.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use sla_planner::document::{self, Approval, SlaDocument};
use sla_planner::i18n::Language;
use sla_planner::merge::{self, Edit};

use crate::support::{self, press};

fn example() -> SlaDocument {
    SlaDocument::example().unwrap()
}

/// `ours` with the edits whose labels start with one of `prefixes` taken from `theirs`.
fn take(ours: &SlaDocument, theirs: &SlaDocument, prefixes: &[&str]) -> SlaDocument {
    let edits = merge::edits(ours, theirs);
    let chosen: Vec<&Edit> = edits
        .iter()
        .filter(|e| prefixes.iter().any(|p| e.label.starts_with(p)))
        .collect();
    assert!(
        !chosen.is_empty(),
        "no edit matches {prefixes:?}: {edits:#?}"
    );
    merge::apply(ours, &chosen).unwrap()
}

/// A colleague's copy with five changes: the title, the agreed plan's revenue goal, Cautious
/// renamed, a new scenario, and the currency.
fn five_changes() -> SlaDocument {
    let mut theirs = example();
    theirs.title = "SLA 2027, as agreed on Monday".into();
    theirs.scenarios[0].assumptions.revenue_goal = 3_000_000.0;
    theirs.scenarios[1].name = "Careful".into();
    let agreed = theirs.scenarios[0].id;
    theirs.add_scenario("Stretch", agreed);
    theirs.currency = "USD".into();
    theirs
}

#[test]
fn every_edit_is_listed_once_and_all_of_them_make_the_other_document() {
    let (ours, theirs) = (example(), five_changes());
    let edits = merge::edits(&ours, &theirs);
    let lines: Vec<String> = edits
        .iter()
        .map(|e| e.describe(Language::English))
        .collect();
    assert_eq!(
        lines,
        [
            "currency: was “EUR”, now “USD”",
            "scenarios[\"Plan 2027\"].assumptions.revenue_goal: was 2,400,000, now 3,000,000",
            "scenarios[\"Careful\"].name: was “Cautious”, now “Careful”",
            "scenarios[\"Stretch\"]: added",
            "title: was “Smarketing-SLA 2027”, now “SLA 2027, as agreed on Monday”",
        ]
    );
    let all: Vec<&Edit> = edits.iter().collect();
    assert_eq!(merge::apply(&ours, &all).unwrap(), theirs);
    assert!(merge::apply(&ours, &[]).unwrap() == ours);
}

#[test]
fn a_scenario_the_open_document_lacks_is_added_and_one_it_has_is_removed_only_when_ticked() {
    let ours = example();
    let mut theirs = example();
    let cautious = theirs.scenarios[1].id;
    let stretch = theirs.add_scenario("Stretch", theirs.scenarios[0].id);
    theirs
        .scenario_mut(stretch)
        .unwrap()
        .assumptions
        .average_deal_size = 40_000.0;
    theirs.delete_scenario(cautious);

    let added = take(&ours, &theirs, &["scenarios[\"Stretch\"]"]);
    assert_eq!(
        added.scenarios.len(),
        3,
        "Cautious stays: its removal was not ticked"
    );
    let stretch = added
        .scenarios
        .iter()
        .find(|s| s.name == "Stretch")
        .unwrap();
    assert_eq!(stretch.assumptions.average_deal_size, 40_000.0);
    assert_eq!(
        document::check_writable(&added).map_err(|e| e.to_string()),
        Ok(())
    );

    let removed = take(&ours, &theirs, &["scenarios[\"Cautious\"]"]);
    assert_eq!(
        removed
            .scenarios
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Plan 2027"]
    );
}

#[test]
fn a_lead_source_added_and_one_changed_are_taken_one_by_one() {
    let ours = example();
    let mut theirs = example();
    let sources = &mut theirs.scenarios[0].assumptions.lead_sources;
    sources[0].share_percent += 5.0;
    let mut events = sources[1].clone();
    events.name = "Events".into();
    theirs.scenarios[0].assumptions.add_source(events);
    let edits = merge::edits(&ours, &theirs);
    assert_eq!(edits.len(), 2, "{edits:#?}");
    let merged = take(
        &ours,
        &theirs,
        &["scenarios[\"Plan 2027\"].assumptions.lead_sources[\"Events\"]"],
    );
    let names: Vec<&str> = merged.scenarios[0]
        .assumptions
        .lead_sources
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Demo requests",
            "Webinars",
            "Whitepaper downloads",
            "Events"
        ]
    );
    let ids: std::collections::HashSet<_> = merged.scenarios[0]
        .assumptions
        .lead_sources
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids.len(), 4, "the new row has an id of its own");
    assert_eq!(
        merged.scenarios[0].assumptions.lead_sources[0].share_percent,
        ours.scenarios[0].assumptions.lead_sources[0].share_percent
    );
}

#[test]
fn approvals_are_merged_and_taking_a_change_of_the_agreed_plan_clears_them() {
    let mut ours = example();
    ours.sign_offs.push(Approval {
        name: "Eva".into(),
        role: "Sales director".into(),
        date: NaiveDate::from_ymd_opt(2026, 12, 1),
        plan: ours.agreed_fingerprint(),
    });
    let mut theirs = ours.clone();
    theirs.sign_offs.push(Approval {
        name: "Sanne".into(),
        role: "Marketing lead".into(),
        date: NaiveDate::from_ymd_opt(2026, 12, 2),
        plan: theirs.agreed_fingerprint(),
    });
    let approved = take(&ours, &theirs, &["sign_offs[\"Sanne\"]"]);
    assert_eq!(approved.sign_offs.len(), 2);
    assert!(approved.sign_offs.iter().all(|a| a.is_current(&approved)));

    theirs.scenarios[0].assumptions.revenue_goal = 3_000_000.0;
    let changed = take(&ours, &theirs, &["scenarios[\"Plan 2027\"]"]);
    assert!(
        !changed.sign_offs[0].is_current(&changed),
        "Eva approved the plan before the change"
    );
}

#[test]
fn tick_two_of_five_apply_then_undo_in_the_window() {
    let path = support::folder().join("colleague.sla.ron");
    document::save(&five_changes(), &path).unwrap();
    let mut harness = support::example();
    harness.state_mut().compare_with(&path);
    harness.run();
    harness.get_by_label("5 change(s):");
    harness
        .get_by_label(
            "scenarios[\"Plan 2027\"].assumptions.revenue_goal: was 2,400,000, now 3,000,000",
        )
        .click();
    harness
        .get_by_label("scenarios[\"Stretch\"]: added")
        .click();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let doc = harness.state().document().clone();
    assert_eq!(doc.scenarios[0].assumptions.revenue_goal, 3_000_000.0);
    assert_eq!(doc.scenarios.len(), 3);
    assert_eq!(doc.title, "Smarketing-SLA 2027", "not ticked, not taken");
    assert_eq!(doc.currency, "EUR");
    harness.get_by_label_contains("Took 2 change(s) from colleague.sla.ron.");
    harness.get_by_label("3 change(s):");
    assert!(
        harness
            .query_by_label("scenarios[\"Stretch\"]: added")
            .is_none()
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().document(), &example(), "one undo step");
    harness.get_by_label("5 change(s):");

    harness.get_by_label("Take all").click();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    harness.get_by_label("The documents are equal.");
    let mut taken = harness.state().document().clone();
    taken.format_version = five_changes().format_version;
    assert_eq!(taken, five_changes());
}

#[test]
fn a_copy_of_the_same_version_is_compared_three_way_in_the_window() {
    let path = support::folder().join("plan.sla.ron");
    let mut base = example();
    base.lineage.id = "team-sla".into();
    document::save(&base, &path).unwrap();
    let mut theirs = base.clone();
    theirs.title = "SLA 2027, as agreed on Monday".into();
    theirs.scenarios[0].assumptions.revenue_goal = 3_000_000.0;
    theirs.lineage.base = base.content_fingerprint();
    let colleague = path.with_file_name("colleague.sla.ron");
    document::save(&theirs, &colleague).unwrap();

    let mut harness = support::window(
        support::options(|o| o.file = Some(path.clone())),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    );
    support::type_into(&mut harness, "Revenue goal", "2500000");
    harness.state_mut().compare_with(&colleague);
    harness.run();
    harness.get_by_label_contains("Both files come from the version you last saved or opened");
    let conflict = "⚠ scenarios[\"Plan 2027\"].assumptions.revenue_goal: both changed it: yours 2,500,000, theirs 3,000,000, was 2,400,000. Ticked takes theirs.";
    harness.get_by_label(conflict);
    // Only their change is ticked: Apply takes it and keeps ours where both changed.
    harness.get_by_label("Apply").click();
    harness.run();
    let doc = harness.state().document().clone();
    assert_eq!(doc.title, "SLA 2027, as agreed on Monday");
    assert_eq!(doc.scenarios[0].assumptions.revenue_goal, 2_500_000.0);
    harness.get_by_label("1 change(s):");

    harness.get_by_label(conflict).click();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    assert_eq!(
        harness.state().document().scenarios[0]
            .assumptions
            .revenue_goal,
        3_000_000.0
    );
    harness.get_by_label("The documents are equal.");

    // The saved file records its lineage and the version it was derived from.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = document::load(&path).unwrap().document;
    assert_eq!(saved.lineage.id, "team-sla");
    assert_eq!(saved.lineage.base, base.content_fingerprint());
}

#[test]
fn a_file_saved_the_first_time_gets_a_lineage_and_older_files_open_without_one() {
    let text = document::to_ron(&example()).unwrap();
    let lineage = "    lineage: Lineage(\n        id: \"\",\n        base: 0,\n    ),\n";
    assert!(text.contains(lineage), "{text}");
    let older = support::folder().join("older.sla.ron");
    std::fs::write(&older, text.replace(lineage, "")).unwrap();
    let loaded = document::load(&older).unwrap();
    assert!(loaded.unknown_fields.is_empty());
    assert_eq!(loaded.document.lineage, document::Lineage::default());

    let mut harness = support::window(
        support::options(|o| o.file = Some(older.clone())),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    );
    support::type_into(&mut harness, "Revenue goal", "2500000");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = document::load(&older).unwrap().document;
    assert_eq!(saved.lineage.id.len(), 16, "{:?}", saved.lineage);
    assert_eq!(
        saved.lineage.base,
        loaded.document.content_fingerprint(),
        "derived from the version opened"
    );
    support::type_into(&mut harness, "Revenue goal", "2600000");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let again = document::load(&older).unwrap().document;
    assert_eq!(again.lineage.id, saved.lineage.id, "one lineage");
    assert_eq!(again.lineage.base, saved.content_fingerprint());
}
