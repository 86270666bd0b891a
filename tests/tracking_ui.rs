//! Step 3 in the window: the results grid of the Report tab, driven by the labels a user sees.

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

mod support;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use sla_planner::document::Measure;
use support::{example, press, type_into};

fn january(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, day).unwrap()
}

fn leads(harness: &egui_kittest::Harness<'_, sla_planner::App>, day: u32, source: &str) -> f64 {
    harness
        .state()
        .document()
        .actuals
        .get(january(day), source)
        .map_or(0.0, |r| r.get(Measure::Leads))
}

#[test]
fn a_typed_result_is_kept_per_day_and_source_and_undone_in_one_step() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    type_into(&mut harness, "Leads, Webinars, Mon 4 Jan", "12");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(leads(&harness, 4, "webinars"), 12.0);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Leads, Webinars, Mon 4 Jan")
            .value()
            .as_deref(),
        Some("12")
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(leads(&harness, 4, "Webinars"), 0.0, "one undo step");
    assert!(harness.state().document().actuals.is_empty());
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(leads(&harness, 4, "Webinars"), 12.0, "redone");

    // An emptied cell is none: the day's record goes, nothing is left at zero.
    type_into(&mut harness, "Leads, Webinars, Mon 4 Jan", "1");
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.state().document().actuals.is_empty());
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Leads, Webinars, Mon 4 Jan")
            .value()
            .as_deref(),
        Some("")
    );
}

#[test]
fn a_typed_fraction_of_a_lead_is_refused_with_a_message() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    type_into(&mut harness, "Leads, Webinars, Tue 5 Jan", "2.5");
    assert_eq!(leads(&harness, 5, "Webinars"), 0.0);
    harness.get_by_label_contains("Leads, Webinars, Tue 5 Jan: Type a whole number");
}

#[test]
fn a_block_pasted_from_a_spreadsheet_fills_the_cells_from_the_focused_one_as_one_step() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    harness
        .get_by_role_and_label(Role::TextInput, "Leads, Demo requests, Mon 4 Jan")
        .focus();
    harness.run();
    harness.event(Event::Paste("3\t2\r\n4\t1\r\n".into()));
    harness.run();
    harness.run();
    let doc = harness.state().document();
    let demo = doc.actuals.get(january(4), "Demo requests").unwrap();
    assert_eq!((demo.leads, demo.accepted), (3, 2));
    let webinars = doc.actuals.get(january(4), "Webinars").unwrap();
    assert_eq!((webinars.leads, webinars.accepted), (4, 1));
    harness.get_by_label("Pasted 4 values.");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        harness.state().document().actuals.is_empty(),
        "the whole paste is one undo step"
    );
}

#[test]
fn a_paste_with_a_value_that_does_not_read_changes_nothing_and_says_where() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    harness
        .get_by_role_and_label(Role::TextInput, "Leads, Demo requests, Mon 4 Jan")
        .focus();
    harness.run();
    harness.event(Event::Paste("3\t2\n4\tmany\n".into()));
    harness.run();
    harness.run();
    assert!(harness.state().document().actuals.is_empty());
    harness.get_by_label_contains("Nothing pasted: line 2, column 2 (“many”)");
}
