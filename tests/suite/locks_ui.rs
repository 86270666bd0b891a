//! A file someone else is editing, in the real window by the labels a user sees: the question
//! on opening, read-only then Save as…, a copy, Open anyway on a stale lock, Notify me when it
//! is free then reload as editable, a colleague named before saving, and our lock moving with
//! Save as and let go by New.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use std::path::{Path, PathBuf};

use chrono::{Local, TimeDelta};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use sla_planner::App;
use sla_planner::document::lock::{self, LockOwner};
use sla_planner::document::{self, SlaDocument};

use crate::support::{self, press, type_into};

/// `Plan 2027.sla.ron` in a folder of its own, locked by Sanne on LAPTOP-42 `hours_ago`.
fn locked_file(hours_ago: i64) -> (PathBuf, LockOwner) {
    let path = support::folder().join("Plan 2027.sla.ron");
    document::save(&SlaDocument::example().unwrap(), &path).unwrap();
    let owner = LockOwner::other(
        "Sanne de Vries",
        "sanne",
        "LAPTOP-42",
        Local::now().naive_local() - TimeDelta::hours(hours_ago),
    );
    std::fs::write(lock::lock_path(&path), owner.record()).unwrap();
    (path, owner)
}

fn open(path: &Path) -> Harness<'static, App> {
    support::window(
        support::options(|o| o.file = Some(path.to_owned())),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Light,
    )
}

fn since(owner: &LockOwner) -> String {
    owner.since.unwrap().format("%H:%M").to_string()
}

fn lock_text(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(lock::lock_path(path)).unwrap()).into_owned()
}

/// Turns on File ▸ Use the app's own file chooser, as a user without a native dialog would.
fn use_builtin_chooser(harness: &mut Harness<'_, App>) {
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label("Use the app's own file chooser")
        .click();
    harness.run();
    if harness
        .query_by_label("Use the app's own file chooser")
        .is_some()
    {
        harness.get_by_label("File").click();
        harness.run();
    }
}

#[test]
fn a_file_being_edited_elsewhere_opens_read_only_and_save_as_writes_a_copy() {
    let (path, owner) = locked_file(0);
    let mut harness = open(&path);
    harness.get_by_label("The file is in use");
    harness.get_by_label(&format!(
        "Plan 2027.sla.ron is being edited by Sanne de Vries on LAPTOP-42 since {}.",
        since(&owner)
    ));
    for button in ["Open a copy", "Open anyway", "Notify me when it is free"] {
        harness.get_by_label(button);
    }
    harness.get_by_label("Open read-only").click();
    harness.run();
    assert_eq!(
        harness.state().window_title(),
        "SLA Planner — Plan 2027.sla.ron (read-only)"
    );
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Nothing was saved");
    let read_only = format!(
        "Plan 2027.sla.ron is being edited by Sanne de Vries on LAPTOP-42 since {}. It is open read-only here; Save as… writes a copy.",
        since(&owner)
    );
    harness.get_by_label(&read_only);
    harness.get_by_label(&format!("ℹ {read_only}"));
    harness.get_by_label("Cancel").click();
    harness.run();

    use_builtin_chooser(&mut harness);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    type_into(&mut harness, "File name", "My copy");
    harness.key_press(Key::Enter);
    harness.run();
    let copy = path.with_file_name("My copy.sla.ron");
    assert!(copy.is_file());
    assert_eq!(
        harness.state().window_title(),
        "SLA Planner — My copy.sla.ron"
    );
    assert!(lock::lock_path(&copy).is_file(), "the copy is ours to edit");
    assert_eq!(lock_text(&path), owner.record(), "Sanne's lock is hers");
    drop(harness);
    assert!(!lock::lock_path(&copy).exists(), "closing removes our lock");
    assert_eq!(lock_text(&path), owner.record());
}

#[test]
fn open_a_copy_leaves_the_file_and_its_lock_alone() {
    let (path, owner) = locked_file(0);
    let mut harness = open(&path);
    harness.get_by_label("Open a copy").click();
    harness.run();
    assert_eq!(harness.state().window_title(), "SLA Planner — Untitled");
    harness.get_by_label_contains("A copy of Plan 2027.sla.ron");
    assert_eq!(
        harness.state().document().title,
        SlaDocument::example().unwrap().title
    );
    assert_eq!(lock_text(&path), owner.record());
}

#[test]
fn a_stale_lock_suggests_open_anyway_which_makes_the_lock_ours() {
    let (path, owner) = locked_file(30);
    let mut harness = open(&path);
    harness.get_by_label_contains("more than a day, so the lock was probably left behind");
    let anyway = harness.get_by_label("Open anyway");
    assert!(anyway.is_focused(), "the suggested button");
    anyway.click();
    harness.run();
    assert_eq!(
        harness.state().window_title(),
        "SLA Planner — Plan 2027.sla.ron"
    );
    assert_ne!(lock_text(&path), owner.record());
    assert_eq!(lock::holder(&path), None, "ours now");
    type_into(&mut harness, "Revenue goal", "3000000");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().is_dirty());
    drop(harness);
    assert!(!lock::lock_path(&path).exists());
}

#[test]
fn notify_me_when_it_is_free_then_reload_as_editable() {
    let (path, _owner) = locked_file(0);
    let mut harness = open(&path);
    harness.get_by_label("Notify me when it is free").click();
    harness.run();
    assert!(harness.state().window_title().ends_with("(read-only)"));
    harness.get_by_label_contains("you will be told when it is free");
    harness.run();
    assert!(harness.query_by_label("The file is free").is_none());

    // Sanne closes the file.
    std::fs::remove_file(lock::lock_path(&path)).unwrap();
    harness.step();
    harness.run();
    harness.get_by_label("The file is free");
    harness.get_by_label("Reload as editable").click();
    harness.run();
    assert_eq!(
        harness.state().window_title(),
        "SLA Planner — Plan 2027.sla.ron"
    );
    assert!(lock::lock_path(&path).is_file(), "locked by us now");
    type_into(&mut harness, "Revenue goal", "3000000");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().is_dirty());
    assert_eq!(
        document::load(&path).unwrap().document.scenarios[0]
            .assumptions
            .revenue_goal,
        3_000_000.0
    );
}

#[test]
fn saving_names_a_colleague_who_took_the_lock_meanwhile() {
    let path = support::folder().join("plan.sla.ron");
    document::save(&SlaDocument::example().unwrap(), &path).unwrap();
    let mut harness = open(&path);
    assert!(lock::lock_path(&path).is_file());
    // Sanne chose Open anyway on her laptop.
    let owner = LockOwner::other(
        "Sanne de Vries",
        "sanne",
        "LAPTOP-42",
        Local::now().naive_local(),
    );
    std::fs::write(lock::lock_path(&path), owner.record()).unwrap();
    type_into(&mut harness, "Revenue goal", "3000000");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Someone else is editing the file");
    harness.get_by_label(&format!(
        "plan.sla.ron is being edited by Sanne de Vries on LAPTOP-42 since {}. Overwrite the file with your version?",
        since(&owner)
    ));
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert!(!harness.state().is_dirty());
    drop(harness);
    assert_eq!(lock_text(&path), owner.record(), "her lock stays hers");
}

#[test]
fn save_as_another_name_moves_our_lock_and_new_lets_it_go() {
    let path = support::folder().join("plan.sla.ron");
    document::save(&SlaDocument::example().unwrap(), &path).unwrap();
    let mut harness = open(&path);
    assert!(
        lock::lock_path(&path).is_file(),
        "opened for editing: locked"
    );
    use_builtin_chooser(&mut harness);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    type_into(&mut harness, "File name", "plan 2");
    harness.key_press(Key::Enter);
    harness.run();
    let renamed = path.with_file_name("plan 2.sla.ron");
    assert!(renamed.is_file());
    assert!(!lock::lock_path(&path).exists(), "the old file is free");
    assert!(lock::lock_path(&renamed).is_file());
    press(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(!lock::lock_path(&renamed).exists(), "closed by New");
}
