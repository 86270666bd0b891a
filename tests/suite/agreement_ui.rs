//! The Agreement tab and File ▸ Export in the window, by the labels a user sees.

use crate::support::{example, type_into, value};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use crate::support;

#[test]
fn the_agreement_follows_the_plan_and_copies_as_text() {
    let mut harness = example();
    harness.get_by_label("7 Agreement").click();
    harness.run();
    harness.get_by_label_contains("Marketing delivers 1,100 leads");
    harness.get_by_label_contains("within 1 hour of its arrival");
    // A changed commitment changes the sentence: no sentence is typed by hand.
    harness.get_by_label("2 Sales").click();
    harness.run();
    type_into(&mut harness, "Minimum contact attempts", "8");
    harness.get_by_label("7 Agreement").click();
    harness.run();
    harness.get_by_label_contains("at least 8 contact attempts");

    // Who signs is edited on the tab itself, and the sentence names them.
    type_into(&mut harness, "Sales owner", "Eva Jansen");
    harness.get_by_label_contains("and sales (Eva Jansen)");

    // Rejection reasons, one a line: a new line starts empty and the sentence lists the rest.
    let reasons = "Rejection reasons (one a line)";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, reasons)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, reasons)
        .type_text("No budget\nNot the decision maker");
    harness.run();
    harness.get_by_label_contains("one of these reasons: No budget; Not the decision maker.");

    harness.get_by_label("Copy agreement as text").click();
    harness.run();
    harness.get_by_label_contains("The agreement is on the clipboard.");
}

#[test]
fn file_menu_offers_every_export_format() {
    let mut harness = example();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    for label in [
        "HTML (web page, prints to PDF)…",
        "Markdown…",
        "CSV of the months…",
        "CSV of the ISO weeks…",
        "CSV of the months for Excel with ; and decimal commas…",
    ] {
        harness.get_by_label(label);
    }
    harness.get_by_label("Copy agreement as text");
}

#[test]
fn snapshot_agreement_tab() {
    let mut harness = example();
    harness.get_by_label("7 Agreement").click();
    harness.run();
    let mut results = egui_kittest::SnapshotResults::new();
    results.add(harness.try_snapshot("agreement_dark_1280x800"));
    // A small laptop in the light theme: the fields and their labels still fit.
    let mut harness = support::window(
        support::options(|_| {}),
        egui::vec2(1024.0, 640.0),
        egui::Theme::Light,
    );
    harness.get_by_label("7 Agreement").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    results.add(harness.try_snapshot("agreement_light_1024x640"));
}

#[test]
fn an_approval_is_cleared_with_a_mark_when_the_agreed_plan_changes() {
    let mut harness = example();
    harness.get_by_label("7 Agreement").click();
    harness.run();
    harness.get_by_label("Add approver").click();
    harness.run();
    type_into(&mut harness, "Approver", "Eva Jansen");
    type_into(&mut harness, "Role", "Sales director");
    // Beside the approver and among the agreement's sentences.
    let shown = |harness: &egui_kittest::Harness<'_, sla_planner::App>, text: &str| {
        harness.query_all_by_label_contains(text).count()
    };
    assert_eq!(
        shown(
            &harness,
            "Eva Jansen (Sales director) has not approved yet."
        ),
        2
    );
    harness.get_by_label("Approve").click();
    harness.run();
    assert_eq!(
        shown(
            &harness,
            "Approved by Eva Jansen (Sales director) on 28 November 2026."
        ),
        2
    );

    harness.get_by_label("2 Sales").click();
    harness.run();
    type_into(&mut harness, "Minimum contact attempts", "3");
    harness.get_by_label("7 Agreement").click();
    harness.run();
    assert_eq!(
        shown(
            &harness,
            "⚠ Eva Jansen (Sales director) approved on 28 November 2026, but the agreed plan has changed since"
        ),
        2
    );
}

#[test]
fn the_effective_date_and_progress_reports_are_edited_and_named_in_the_agreement() {
    let mut harness = example();
    harness.get_by_label("7 Agreement").click();
    harness.run();
    // The example's date in the English way of writing dates.
    assert_eq!(value(&harness, "Takes effect on"), "1 Jan 2027");
    harness.get_by_label_contains("It takes effect on 1 January 2027.");
    harness.get_by_label_contains(
        "Progress is reported every week to Sanne de Vries, Joris Bakker, Karin van Dijk (CEO).",
    );

    // Text that is no date says so and leaves the date as it was.
    type_into(&mut harness, "Takes effect on", "31 Feb 2027");
    harness.get_by_label_contains("“31 Feb 2027” is not a date. Write it like 31 Jan 2027");
    harness.get_by_label_contains("It takes effect on 1 January 2027.");
    type_into(&mut harness, "Takes effect on", "2027-02-15");
    harness.get_by_label_contains("It takes effect on 15 February 2027.");
    assert_eq!(
        harness.state().document().effective_date,
        chrono::NaiveDate::from_ymd_opt(2027, 2, 15)
    );

    harness.get_by_label("Daily").click();
    harness.run();
    // Emptied, the sentence names both teams.
    type_into(&mut harness, "Reported to", "x");
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.get_by_label_contains("Progress is reported every working day to both teams.");
}
