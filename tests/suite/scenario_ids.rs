//! Scenarios, lead sources and stages are known by their ids, never by their place in a list or
//! their name: what the user chose stays chosen when undo brings a list back, and two scenarios
//! of the same name are never mixed up. Driven by the labels a user sees.

use crate::process;

use std::path::Path;

use crate::support::{example, folder, press, select_scenario, type_into, value};
use chrono::NaiveDate;
use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use sla_planner::App;
use sla_planner::document::{Revision, SlaDocument};

/// The example with its second scenario ("Cautious") renamed to the first one's name, as a
/// user may do (the app warns, but allows it). The copy plans €1,000,000 without holidays, so
/// whatever is taken from the wrong scenario shows.
fn two_of_the_same_name() -> SlaDocument {
    let mut doc = SlaDocument::example().unwrap();
    let second = &mut doc.scenarios[1];
    second.name = "Plan 2027".to_owned();
    second.assumptions.revenue_goal = 1_000_000.0;
    second.assumptions.holidays.clear();
    doc
}

fn window_on(doc: SlaDocument) -> Harness<'static, App> {
    let mut harness = example();
    harness.state_mut().set_document(doc);
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn undo_keeps_the_scenario_the_user_chose() {
    let mut harness = example();
    click(&mut harness, "➕ Add scenario");
    // [Plan 2027, Cautious, Scenario]: a copy of the first goes between them, then the user
    // picks Cautious and takes the copy back.
    click(&mut harness, "★ Plan 2027");
    click(&mut harness, "📋 Duplicate scenario");
    assert_eq!(value(&harness, "Name"), "Plan 2027 (copy)");
    click(&mut harness, "Cautious");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        value(&harness, "Name"),
        "Cautious",
        "the list is as before the copy and Cautious is still the one being edited"
    );
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(value(&harness, "Name"), "Cautious");
    // Taking back the scenario being edited falls back to the agreed plan.
    click(&mut harness, "Plan 2027 (copy)");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(value(&harness, "Name"), "Plan 2027");
    click(&mut harness, "Scenario");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(value(&harness, "Name"), "Plan 2027");
}

#[test]
fn deleting_a_scenario_edits_the_one_that_takes_its_place() {
    let mut harness = example();
    click(&mut harness, "★ Plan 2027");
    click(&mut harness, "🗑 Delete scenario");
    assert_eq!(value(&harness, "Name"), "Cautious");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        value(&harness, "Name"),
        "Cautious",
        "undo brings Plan 2027 back without changing what is being edited"
    );
}

#[test]
fn a_goal_seek_saved_as_a_scenario_is_the_one_being_edited() {
    let mut harness = example();
    click(&mut harness, "4 What-if");
    type_into(&mut harness, "Target", "100");
    click(&mut harness, "Save as new scenario");
    assert_eq!(value(&harness, "Name"), "Plan 2027 (goal seek)");
}

#[test]
fn a_revision_copied_into_a_scenario_is_the_one_being_edited() {
    let mut doc = SlaDocument::default();
    let before = doc.scenarios[0].assumptions.clone();
    doc.scenarios[0].assumptions.average_deal_size = 30_000.0;
    doc.revisions.push(Revision {
        date: NaiveDate::from_ymd_opt(2027, 5, 12),
        author: "Sanne".to_owned(),
        note: "Bigger deals".to_owned(),
        plan: doc.scenarios[0].id,
        after: doc.scenarios[0].assumptions.clone(),
        before,
    });
    let mut harness = window_on(doc);
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    click(&mut harness, "Monthly review");
    harness.get_by_label_contains("Sanne: Bigger deals").click();
    harness.run();
    click(&mut harness, "Copy into a new scenario");
    let doc = harness.state().document();
    assert_eq!(doc.scenarios.len(), 2);
    let copy = doc.scenarios[1].name.clone();
    assert!(copy.starts_with("Plan as agreed until"), "{copy}");
    assert_eq!(value(&harness, "Name"), copy);
}

#[test]
fn compare_leaves_out_one_of_two_scenarios_of_the_same_name() {
    let mut harness = window_on(two_of_the_same_name());
    click(&mut harness, "5 Compare");
    let boxes = |harness: &Harness<'_, App>| {
        harness
            .query_all_by_role_and_label(Role::CheckBox, "Plan 2027")
            // The two scenario boxes; the chart's legend follows.
            .take(2)
            .map(|b| b.accesskit_node().toggled())
            .collect::<Vec<_>>()
    };
    assert_eq!(boxes(&harness), [Some(Toggled::True), Some(Toggled::True)]);
    harness
        .query_all_by_role_and_label(Role::CheckBox, "Plan 2027")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        boxes(&harness),
        [Some(Toggled::False), Some(Toggled::True)],
        "only the box the user cleared"
    );
}

/// The upper end of the meeting-mode slider labelled `label`.
fn slider_end(harness: &Harness<'_, App>, label: &str) -> f64 {
    harness
        .get_by_role_and_label(Role::Slider, label)
        .accesskit_node()
        .max_numeric_value()
        .unwrap()
}

#[test]
fn meeting_mode_sliders_keep_each_scenarios_own_range() {
    let mut doc = SlaDocument::example().unwrap();
    doc.scenarios[1].assumptions.revenue_goal = 1_000_000.0;
    let mut harness = window_on(doc);
    harness.key_press(Key::F11);
    harness.run();
    // Twice the revenue goal of Plan 2027.
    assert_eq!(slider_end(&harness, "Revenue goal"), 4_800_000.0);
    harness.key_press(Key::Escape);
    harness.run();
    click(&mut harness, "🗑 Delete scenario");
    assert_eq!(value(&harness, "Name"), "Cautious");
    harness.key_press(Key::F11);
    harness.run();
    assert_eq!(
        slider_end(&harness, "Revenue goal"),
        2_000_000.0,
        "Cautious, now first in the list, gets a range of its own"
    );
}

#[test]
fn removing_a_lead_source_leaves_no_refused_text_on_the_next_row() {
    let mut harness = example();
    let share = |source: &str| format!("Lead sources › {source} › Share");
    type_into(&mut harness, &share("Demo requests"), "twenty");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(value(&harness, &share("Demo requests")), "twenty");
    remove_row(&mut harness, "Remove this lead source", 0);
    assert_eq!(value(&harness, &share("Webinars")), "30");
    assert_eq!(
        harness.state().document().scenarios[0]
            .assumptions
            .lead_sources
            .len(),
        2
    );
}

#[test]
fn removing_a_stage_leaves_no_refused_text_on_the_next_row() {
    let mut doc = SlaDocument::example().unwrap();
    doc.scenarios[0].assumptions.conversion = sla_planner::plan::Conversion::Stages;
    let mut harness = window_on(doc);
    let rate = |stage: &str| format!("Funnel stages › {stage} › Rate to next stage");
    type_into(&mut harness, &rate("Lead"), "half");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(value(&harness, &rate("Lead")), "half");
    remove_row(&mut harness, "Remove this stage", 0);
    assert_eq!(value(&harness, &rate("MQL")), "50");
}

/// Clicks the bin of row `row` of a table: the buttons whose tooltip is `tip`.
fn remove_row(harness: &mut Harness<'_, App>, tip: &str, row: usize) {
    let bins: Vec<_> = harness.query_all_by_label("🗑").collect();
    let stages = harness.state().document().scenarios[0]
        .assumptions
        .funnel_stages
        .len();
    let index = if tip == "Remove this stage" {
        row
    } else {
        stages + row
    };
    bins[index].scroll_to_me();
    harness.run();
    let bins: Vec<_> = harness.query_all_by_label("🗑").collect();
    bins[index].click();
    harness.run();
}

/// Exports the HTML of the scenario being edited through the app's own chooser and returns
/// its tracking section.
fn exported_tracking(harness: &mut Harness<'_, App>, dir: &Path, name: &str) -> String {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    click(harness, "HTML (web page, prints to PDF)…");
    type_into(harness, "Folder", &dir.display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    type_into(harness, "File name", name);
    harness.key_press(Key::Enter);
    harness.run();
    let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap();
    let start = html.find("<h2>Tracking</h2>").expect("a tracking section");
    let end = start + html[start..].find("</section>").unwrap();
    html[start..end].to_owned()
}

fn use_builtin_chooser(harness: &mut Harness<'_, App>) {
    click(harness, "File");
    click(harness, "Use the app's own file chooser");
    if harness
        .query_by_label("Use the app's own file chooser")
        .is_some()
    {
        click(harness, "File");
    }
}

#[test]
fn the_exported_tracking_is_of_the_scenario_being_edited_when_names_repeat() {
    let dir = folder();
    let mut harness = window_on(two_of_the_same_name());
    use_builtin_chooser(&mut harness);
    // The second "Plan 2027" (the first is the agreed plan, with a star).
    select_scenario(&mut harness, "Plan 2027");
    let same_name = exported_tracking(&mut harness, &dir, "same-name");
    type_into(&mut harness, "Name", "Plan 2027 low");
    let own_name = exported_tracking(&mut harness, &dir, "own-name");
    assert_eq!(same_name, own_name);
}

#[test]
fn the_command_line_refuses_a_scenario_name_that_two_scenarios_have() {
    let dir = folder();
    let path = dir.join("twice.sla.ron");
    std::fs::write(
        &path,
        sla_planner::document::to_ron(&two_of_the_same_name()).unwrap(),
    )
    .unwrap();
    let path = path.to_str().unwrap();
    for command in [
        &["summary", path][..],
        &["export", path, "--format", "html"],
        &["status", path, "--date", "2027-03-01"],
        &[
            "solve",
            path,
            "--target",
            "leads_per_month=100",
            "--vary",
            "marketing_share",
        ],
        &["sensitivity", path],
    ] {
        let mut args = command.to_vec();
        args.extend(["--scenario", "Plan 2027", "--lang", "en"]);
        let output = process::run(&args);
        let stderr = process::stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{command:?}: {stderr}");
        assert!(
            stderr.contains(
                "2 scenarios are called “Plan 2027” (numbers 1 and 2 in the list, ids 1 and 2)"
            ),
            "{command:?}: {stderr}"
        );
    }
}

/// The text the goal seek's "Vary" list shows.
fn varied(harness: &Harness<'_, App>) -> String {
    harness
        .get_by_role_and_label(Role::ComboBox, "Vary")
        .value()
        .unwrap_or_default()
}

#[test]
fn the_goal_seek_keeps_varying_its_lead_source_when_one_above_is_removed() {
    let mut harness = example();
    // Demo requests' leads go to Webinars, so removing it keeps the shares at 100 %.
    type_into(&mut harness, "Lead sources › Demo requests › Share", "0");
    type_into(&mut harness, "Lead sources › Webinars › Share", "50");
    click(&mut harness, "4 What-if");
    harness
        .get_by_role_and_label(Role::ComboBox, "Vary")
        .click_accesskit();
    harness.run();
    harness
        .get_all_by_label("Lead sources › Webinars › Share")
        .last()
        .unwrap()
        .click_accesskit();
    harness.run();
    assert_eq!(varied(&harness), "Lead sources › Webinars › Share");
    click(&mut harness, "1 Marketing");
    remove_row(&mut harness, "Remove this lead source", 0);
    click(&mut harness, "4 What-if");
    assert_eq!(
        varied(&harness),
        "Lead sources › Webinars › Share",
        "not the source that moved into Webinars' place"
    );
}
