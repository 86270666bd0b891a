//! Unsaved work and the recovery files, through the real window (`egui_kittest`) and the app's
//! own recovery code: one file per window, never offered or deleted by another window, written
//! within seconds of an edit and on SIGTERM, and restored with the fingerprint of the file from
//! before the crash. Also the saves that need the user's word.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::{folder, type_into};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use sla_planner::App;
use sla_planner::app::AppOptions;
use sla_planner::document::{self, SlaDocument};

use crate::support;

/// A window with its recovery files in `recovery`, opening `file` when given.
fn window(recovery: &Path, file: Option<PathBuf>) -> Harness<'static, App> {
    let recovery_folder = Some(recovery.to_owned());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            App::with_options(
                cc,
                AppOptions {
                    file,
                    recovery_folder,
                    // As the other UI tests: before the example's period, English on screen.
                    today: Some(support::today()),
                    locale: Some("en_NL.UTF-8".into()),
                    ..AppOptions::default()
                },
            )
        });
    harness.run();
    harness
}

/// The recovery files in `folder`, with their text.
fn recovery_texts(folder: &Path) -> Vec<String> {
    let mut texts: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".sla.ron"))
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    texts.sort();
    texts
}

fn offered(harness: &Harness<'_, App>) -> bool {
    harness.query_by_label("Restore unsaved work?").is_some()
}

fn example_file(folder: &Path) -> PathBuf {
    let path = folder.join("plan.sla.ron");
    std::fs::write(&path, document::EXAMPLE_RON).unwrap();
    path
}

#[test]
fn an_edit_reaches_the_recovery_file_at_once() {
    let recovery = folder();
    let mut harness = window(&recovery, None);
    type_into(&mut harness, "Revenue goal", "3000000");
    let texts = recovery_texts(&recovery);
    assert_eq!(texts.len(), 1);
    assert!(texts[0].contains("revenue_goal: 3000000.0"), "{}", texts[0]);
}

#[test]
fn a_second_window_neither_offers_nor_deletes_the_first_windows_work() {
    let recovery = folder();
    let mut first = window(&recovery, None);
    type_into(&mut first, "Revenue goal", "3000000");

    let mut second = window(&recovery, None);
    assert!(!offered(&second), "the first window is still open");
    second.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    second.run();
    second.state().finish_recovery();
    assert_eq!(
        recovery_texts(&recovery).len(),
        1,
        "the first window's work is kept"
    );

    // The first window crashes: its lock is gone, its work stays.
    drop(first);
    let mut third = window(&recovery, None);
    assert!(offered(&third));
    third.get_by_label("Discard").click();
    third.run();
    assert!(recovery_texts(&recovery).is_empty());
}

#[test]
fn escape_on_the_offer_and_quit_keep_the_work_for_later() {
    let recovery = folder();
    let mut crashed = window(&recovery, None);
    type_into(&mut crashed, "Revenue goal", "3000000");
    drop(crashed);

    let mut next = window(&recovery, None);
    assert!(offered(&next));
    next.key_press(Key::Escape);
    next.run();
    assert!(!offered(&next));
    next.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    next.run();
    next.state().finish_recovery();
    drop(next);

    assert_eq!(recovery_texts(&recovery).len(), 1);
    let mut later = window(&recovery, None);
    assert!(offered(&later));
    later.get_by_label("Restore").click();
    later.run();
    assert_eq!(
        later.state().document().scenarios[0]
            .assumptions
            .revenue_goal,
        3_000_000.0
    );
    let texts = recovery_texts(&recovery);
    assert_eq!(
        texts.len(),
        1,
        "the restored work lives in this window's file only"
    );
    assert!(texts[0].contains("revenue_goal: 3000000.0"));
}

/// A window on a copy of the example that typed a new revenue goal and then went away without
/// saving: the recovery folder, the files folder and the document's path.
fn crashed_with_unsaved_work() -> (PathBuf, PathBuf, PathBuf) {
    let recovery = folder();
    let files = folder();
    let path = example_file(&files);
    let mut crashed = window(&recovery, Some(path.clone()));
    type_into(&mut crashed, "Revenue goal", "3000000");
    drop(crashed);
    (recovery, files, path)
}

#[test]
fn restored_work_is_not_saved_over_a_colleagues_change_without_asking() {
    let (recovery, _, path) = crashed_with_unsaved_work();

    // A colleague saves the file while the app is down.
    let theirs = SlaDocument {
        title: "Changed by a colleague".into(),
        ..SlaDocument::example().unwrap()
    };
    document::save(&theirs, &path).unwrap();

    let mut restarted = window(&recovery, None);
    restarted.get_by_label("Restore").click();
    restarted.run();
    restarted.key_press_modifiers(Modifiers::COMMAND, Key::S);
    restarted.run();
    restarted.get_by_label("The file changed on disk");
    assert_eq!(
        document::load(&path).unwrap().document.title,
        "Changed by a colleague"
    );
}

/// Issue 15, point 5: restored work whose file was moved away while the app was down asks
/// where to save it instead of writing a new file under the old name.
#[test]
fn restored_work_whose_file_is_gone_asks_where_to_save_it() {
    let (recovery, files, path) = crashed_with_unsaved_work();
    std::fs::rename(&path, files.join("moved.sla.ron")).unwrap();

    let mut restarted = window(&recovery, None);
    restarted.get_by_label("Restore").click();
    restarted.run();
    restarted.key_press_modifiers(Modifiers::COMMAND, Key::S);
    restarted.run();
    restarted.get_by_label("Where should this work be saved?");
    restarted.get_by_label_contains("which no longer exists. Use Save as…");
    assert!(!path.exists(), "no new file under the old name");
}

#[cfg(unix)]
#[test]
fn sigterm_writes_the_latest_unsaved_work() {
    let recovery = folder();
    let mut harness = window(&recovery, None);
    let ctx = harness.ctx.clone();
    harness.state().watch_termination(&ctx).unwrap();
    type_into(&mut harness, "Revenue goal", "3000000");
    // Typed right after the first edit (egui's clock set back: kittest's runs through many
    // frames of synthetic time), so it waits for the write delay: not on disk yet.
    harness.input_mut().time = Some(0.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Revenue goal")
        .type_text("4000000");
    harness.step();
    assert_eq!(
        harness.state().document().scenarios[0]
            .assumptions
            .revenue_goal,
        4_000_000.0
    );
    let before = &recovery_texts(&recovery)[0];
    assert!(!before.contains("revenue_goal: 4000000.0"), "{before}");

    let killed = std::process::Command::new("kill")
        .args(["-TERM", &std::process::id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    while !recovery_texts(&recovery)[0].contains("revenue_goal: 4000000.0") {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "SIGTERM did not write the work"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_s_on_a_read_only_document_says_why_and_offers_save_as() {
    let files = folder();
    let path = files.join("newer.sla.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/bad/newer_version.sla.ron"),
        &path,
    )
    .unwrap();
    let mut harness = window(&folder(), Some(path));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Nothing was saved");
    assert_eq!(
        harness
            .query_all_by_label_contains("so it is open read-only")
            .count(),
        2,
        "the reason, in the question as in the notice from opening"
    );
    harness.get_by_role_and_label(Role::Button, "Save as…");
}

#[cfg(unix)]
#[test]
fn saving_over_a_read_only_file_asks_and_keeps_it_read_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let files = folder();
    let path = example_file(&files);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let mut harness = window(&folder(), Some(path.clone()));
    type_into(&mut harness, "Revenue goal", "3000000");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Replace a read-only file?");
    assert_eq!(
        document::load(&path).unwrap().document.scenarios[0]
            .assumptions
            .revenue_goal,
        2_400_000.0
    );
    harness.get_by_label("Replace").click();
    harness.run();
    assert!(!harness.state().is_dirty());
    assert_eq!(
        document::load(&path).unwrap().document.scenarios[0]
            .assumptions
            .revenue_goal,
        3_000_000.0
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn unknown_fields_are_mentioned_when_a_file_opens() {
    let files = folder();
    let path = files.join("typo.sla.ron");
    std::fs::write(
        &path,
        document::EXAMPLE_RON.replacen("revenue_goal:", "revenue_gaol:", 1),
    )
    .unwrap();
    let harness = window(&folder(), Some(path));
    harness.get_by_label_contains("Did you mean “revenue_goal”?");
}

#[cfg(unix)]
#[test]
fn saving_a_hard_linked_file_warns_first() {
    let files = folder();
    let path = example_file(&files);
    let other = files.join("other-name.sla.ron");
    std::fs::hard_link(&path, &other).unwrap();
    let mut harness = window(&folder(), Some(path.clone()));
    type_into(&mut harness, "Revenue goal", "3000000");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Replace a linked file?");
    harness.get_by_label_contains("has 1 other name(s) (hard links)");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().is_dirty(), "nothing saved");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Replace").click();
    harness.run();
    assert!(!harness.state().is_dirty());
    let goal = |p: &Path| {
        document::load(p).unwrap().document.scenarios[0]
            .assumptions
            .revenue_goal
    };
    assert_eq!(goal(&path), 3_000_000.0);
    assert_eq!(
        goal(&other),
        2_400_000.0,
        "the other name keeps the old text"
    );
}
