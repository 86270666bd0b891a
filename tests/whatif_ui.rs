//! The what-if tab, driven through `egui_kittest` by the labels a user sees (accessibility
//! check on).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use sla_planner::App;
use support::{options, type_into, window};

mod support;

fn app() -> Harness<'static, App> {
    app_of_size(egui::vec2(1280.0, 800.0))
}

fn app_of_size(size: egui::Vec2) -> Harness<'static, App> {
    window(options(|_| {}), size, egui::Theme::Dark)
}

#[test]
fn a_goal_seek_becomes_a_new_scenario() {
    let mut harness = app();
    harness.get_by_label("4 What-if").click();
    harness.run();
    // Plan 2027: 100 leads a month need a marketing share of 60 % × 1,200 ÷ 1,099.2 = 65.5 %.
    type_into(&mut harness, "Target", "100");
    harness.get_by_label_contains("Marketing share of revenue: 65.5% (now 60%) gives 100.");
    // The confidence sentence is there for the same plan.
    harness.get_by_label_contains("1,100 leads bring at least 50 customers 49.1% of the time");
    harness.get_by_label("Save as new scenario").click();
    harness.run();
    assert!(harness.query_by_label("Plan 2027 (goal seek)").is_some());
    // Compared with the agreed plan: the share differs by 5.5 points, +9.2 %.
    harness.get_by_label("5 Compare").click();
    harness.run();
    harness.get_by_label("+5.5 pts (+9.2%)");
}

#[test]
fn an_unreachable_goal_says_why() {
    let mut harness = app();
    harness.get_by_label("4 What-if").click();
    harness.run();
    type_into(&mut harness, "Target", "1000");
    harness.get_by_label_contains("would have to be");
    assert!(harness.query_by_label("Save as new scenario").is_none());
}

#[test]
fn snapshot_what_if_tab() {
    // Tall enough for the confidence chart below the tornado.
    let mut harness = app_of_size(egui::vec2(1280.0, 1300.0));
    harness.get_by_label("4 What-if").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("whatif_dark_1280x1300");
}

#[test]
fn snapshot_compare_tab() {
    let mut harness = app();
    harness.get_by_label("5 Compare").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("compare_dark_1280x800");
}

/// The value of the result labelled `label` ("Leads needed").
fn result(harness: &Harness<'_, App>, label: &str) -> String {
    harness
        .get_by_role_and_label(Role::ListItem, label)
        .value()
        .unwrap_or_default()
}

#[test]
fn meeting_mode_moves_the_results_with_a_slider() {
    let mut harness = app();
    harness.key_press(Key::F11);
    harness.run();
    harness.get_by_label_contains("Esc or F11 leaves meeting mode.");
    assert_eq!(result(&harness, "Leads needed"), "1,100");
    let slider = harness.get_by_role_and_label(Role::Slider, "Marketing share of revenue");
    slider.focus();
    harness.run();
    // One step right: the share goes up by one point, so the leads needed grow by 1/60.
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(result(&harness, "Leads needed"), "1,118");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("1 Marketing").is_some());
}

#[test]
fn sales_and_report_are_one_key_away_in_meeting_mode() {
    let mut harness = app();
    harness.key_press(Key::F11);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    harness.get_by_label("Step 2 — Sales' numbers");
    harness.get_by_label_contains("Esc or F11 leaves meeting mode.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness.get_by_label("Step 3 — Report");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    harness.get_by_role_and_label(Role::Slider, "Marketing share of revenue");
}

#[test]
fn one_drag_of_a_slider_is_one_undo_step() {
    let mut harness = app();
    harness.key_press(Key::F11);
    harness.run();
    let rect = harness
        .get_by_role_and_label(Role::Slider, "Marketing share of revenue")
        .rect();
    let y = rect.center().y;
    harness.drag_at(egui::pos2(rect.left() + 30.0, y));
    harness.run();
    for x in [40.0, 60.0, 80.0, 100.0] {
        harness.hover_at(egui::pos2(rect.left() + x, y));
        harness.run();
    }
    harness.drop_at(egui::pos2(rect.left() + 100.0, y));
    harness.run();
    assert_ne!(
        result(&harness, "Leads needed"),
        "1,100",
        "the drag moved the share"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        result(&harness, "Leads needed"),
        "1,100",
        "one undo undoes the drag"
    );
}

#[test]
fn snapshot_meeting_mode() {
    let mut harness = app();
    harness.key_press(Key::F11);
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("meeting_dark_1280x800");
}

#[test]
fn compare_with_a_file_a_colleague_sent_back() {
    let mut harness = app();
    let mut theirs = sla_planner::document::SlaDocument::example().unwrap();
    theirs.scenarios[1].assumptions.average_deal_size = 30_000.0;
    let path = support::folder().join("colleague.sla.ron");
    sla_planner::document::save(&theirs, &path).unwrap();

    harness.state_mut().compare_with(&path);
    harness.run();
    harness.get_by_label("Compared with colleague.sla.ron");
    harness.get_by_label_contains(
        "scenarios[\"Cautious\"].assumptions.average_deal_size: was 25,000, now 30,000",
    );
    // €2.4 M × 50 % ÷ €30,000 = 40 customers ÷ 3.5 % = 1,142.9 leads (was 1,371.4).
    harness.get_by_label_contains("Cautious: leads needed was 1,371.4, now 1,142.9 (−228.6)");
    harness.get_by_label("Stop comparing").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Compared with colleague.sla.ron")
            .is_none()
    );

    // A file that cannot be read says why, and nothing is compared.
    let broken = support::folder().join("broken.sla.ron");
    std::fs::write(&broken, "SlaDocument(").unwrap();
    harness.state_mut().compare_with(&broken);
    harness.run();
    harness.get_by_label_contains("broken.sla.ron");
    assert!(harness.query_by_label_contains("Compared with").is_none());
}
