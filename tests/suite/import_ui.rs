//! The CRM import window driven as a user drives it: by the labels on screen.

use crate::support;

use std::path::Path;

use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use sla_planner::App;
use sla_planner::document::DateOrder;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/files/crm")
        .join(name)
}

/// Steps the window until a label containing `text` shows: the worker reads and imports on
/// its own thread, so this waits as a user waits.
fn wait_for(harness: &mut Harness<'static, App>, text: &str) {
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("“{text}” never showed");
}

/// Scrolls the window to the node labelled `label` and clicks it, as a user scrolls to it.
fn click(harness: &mut Harness<'static, App>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(label).click_accesskit();
    harness.run_steps(2);
}

fn open_import(harness: &mut Harness<'static, App>, name: &str) {
    let ctx = harness.ctx.clone();
    harness.state_mut().import_csv(&ctx, &fixture(name));
    wait_for(harness, "Which column holds what");
}

#[test]
fn an_ambiguous_file_asks_the_date_order_with_the_preview_then_imports_in_one_undo_step() {
    let mut harness = support::example();
    let before = harness.state().document().clone();
    open_import(&mut harness, "ambiguous.csv");
    // The preview shows the file's rows; the question shows both readings of a date.
    harness.get_by_label("05/06/2027");
    let import = harness.get_by_label("Import");
    assert!(
        import.accesskit_node().is_disabled(),
        "Import waits for the date order"
    );
    click(&mut harness, "day-month-year: 03/04/2027 is 2027-04-03");
    harness.get_by_label("month-day-year: 03/04/2027 is 2027-03-04");
    harness.get_by_label("Import").click();
    wait_for(&mut harness, "rows read");
    harness.get_by_label("2 rows read, 2 imported, 0 skipped.");
    harness.get_by_label_contains(
        "Imported: the lead figures of 2 days and the customers and revenue of 0 days now hold",
    );
    let doc = harness.state().document();
    let april = NaiveDate::from_ymd_opt(2027, 4, 3).unwrap();
    assert_eq!(doc.actuals.get(april, "Webinars").map(|r| r.leads), Some(1));
    assert_eq!(
        doc.tracking.import.date_order,
        Some(DateOrder::DayMonthYear),
        "the mapping is remembered"
    );
    harness.get_by_label("Close").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Which column holds what").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        harness.state().document(),
        &before,
        "one undo takes the whole import back"
    );
}

#[test]
fn malformed_rows_are_listed_with_their_lines_after_the_import() {
    let mut harness = support::example();
    open_import(&mut harness, "malformed.csv");
    harness.get_by_label("Dates are read as year-month-day.");
    click(&mut harness, "Import");
    wait_for(&mut harness, "rows read");
    harness.get_by_label("9 rows read, 2 imported, 7 skipped.");
    harness.get_by_label("Line 5: 3 columns where the header has 6.");
    harness.get_by_label_contains("Line 11: “Create Date” is “2027-01-32”");
}

#[test]
fn an_empty_file_says_so_and_changes_nothing() {
    let mut harness = support::example();
    let before = harness.state().document().clone();
    let ctx = harness.ctx.clone();
    harness.state_mut().import_csv(&ctx, &fixture("empty.csv"));
    wait_for(&mut harness, "is empty");
    harness.get_by_label("empty.csv is empty: there are no leads to import.");
    assert_eq!(harness.state().document(), &before);
}

#[test]
fn a_status_can_be_given_another_meaning() {
    let mut harness = support::example();
    open_import(&mut harness, "hubspot_comma.csv");
    let combo =
        harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Subscriber (1 lead)");
    combo.scroll_to_me();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Subscriber (1 lead)")
        .click_accesskit();
    harness.run_steps(2);
    harness
        .get_all_by_label("Rejected")
        .last()
        .unwrap()
        .click_accesskit();
    harness.run_steps(2);
    harness.get_by_label("Import").click();
    wait_for(&mut harness, "rows read");
    let doc = harness.state().document();
    let day = NaiveDate::from_ymd_opt(2027, 1, 18).unwrap();
    assert_eq!(
        doc.actuals.get(day, "Webinars").map(|r| r.rejected),
        Some(1)
    );
    assert!(
        doc.tracking
            .import
            .rejected
            .iter()
            .any(|s| s == "Subscriber")
    );
}
