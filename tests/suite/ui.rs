//! The window, driven through `egui_kittest` by the labels a user sees (with the accessibility
//! check on: every input must have a name).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::support::{example, folder, options, select_scenario, type_into, value, window};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use sla_planner::App;
use sla_planner::document::{self, SlaDocument};

use crate::support;

fn app_with(file: Option<PathBuf>, size: egui::Vec2) -> Harness<'static, App> {
    window(options(|o| o.file = file), size, egui::Theme::Dark)
}

fn app() -> Harness<'static, App> {
    example()
}

#[test]
fn opens_the_example_with_the_method_inputs_and_results() {
    let harness = app();
    for label in [
        "Revenue goal",
        "Marketing share of revenue",
        "Average deal size",
    ] {
        harness.get_by_role_and_label(Role::TextInput, label);
    }
    for label in [
        "Marketing revenue target",
        "Customers needed",
        "Leads needed",
    ] {
        harness.get_by_role_and_label(Role::ListItem, label);
    }
    assert_eq!(value(&harness, "Marketing revenue target"), "€1,440,000");
    assert_eq!(value(&harness, "Customers needed"), "50");
    assert_eq!(value(&harness, "Leads needed"), "1,100");
    assert_eq!(
        harness.state().window_title(),
        "SLA Planner — example.sla.ron (example)"
    );
}

#[test]
fn typing_a_deal_size_updates_the_leads_by_the_next_frame_and_undo_restores_it() {
    let mut harness = app();
    select_scenario(&mut harness, "Cautious");
    // €2.4 M × 50 % ÷ €25,000 = 48 customers ÷ 3.5 % = 1,371.4 → 1,372 leads.
    assert_eq!(value(&harness, "Leads needed"), "1,372");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Lead-to-customer rate")
            .value()
            .as_deref(),
        Some("3.5")
    );

    type_into(&mut harness, "Average deal size", "50000");
    // ÷ €50,000 = 24 customers ÷ 3.5 % = 685.7 → 686 leads.
    assert_eq!(value(&harness, "Customers needed"), "24");
    assert_eq!(value(&harness, "Leads needed"), "686");
    assert!(harness.state().window_title().ends_with(" ●"));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(value(&harness, "Leads needed"), "1,372");
    assert_eq!(value(&harness, "Average deal size"), "25,000");

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(value(&harness, "Leads needed"), "686");
}

#[test]
fn an_invalid_value_shows_the_range_and_no_number() {
    let mut harness = app();
    select_scenario(&mut harness, "Cautious");
    type_into(&mut harness, "Average deal size", "-5");
    assert_eq!(value(&harness, "Leads needed"), "—");
    assert_eq!(value(&harness, "Customers needed"), "—");
    // Its inputs are fine, so the target stays on screen.
    assert_eq!(value(&harness, "Marketing revenue target"), "€1,200,000");
    let messages = harness
        .query_all_by_label_contains("€−5 is below the minimum of €0.01.")
        .count();
    assert_eq!(messages, 2, "beside the field and in the results");

    type_into(&mut harness, "Average deal size", "lots");
    harness.get_by_label("⚠ Type a number, e.g. 25000.");
    assert_eq!(harness.query_all_by_label_contains("NaN").count(), 0);
    assert_eq!(harness.query_all_by_label_contains("inf").count(), 0);
}

#[test]
fn a_duplicated_scenario_is_edited_without_touching_the_original() {
    let mut harness = app();
    select_scenario(&mut harness, "Cautious");
    harness.get_by_label("📋 Duplicate scenario").click();
    harness.run();
    assert_eq!(value(&harness, "Name"), "Cautious (copy)");
    type_into(&mut harness, "Revenue goal", "4800000");
    assert_eq!(value(&harness, "Leads needed"), "2,743");

    let doc = harness.state().document();
    let names: Vec<&str> = doc.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Plan 2027", "Cautious", "Cautious (copy)"]);
    assert_eq!(doc.scenarios[1].assumptions.revenue_goal, 2_400_000.0);
    assert_eq!(doc.scenarios[2].assumptions.revenue_goal, 4_800_000.0);

    select_scenario(&mut harness, "Cautious");
    assert_eq!(value(&harness, "Leads needed"), "1,372");

    // Deleting is undoable too.
    select_scenario(&mut harness, "Cautious (copy)");
    harness.get_by_label("🗑 Delete scenario").click();
    harness.run();
    assert_eq!(harness.state().document().scenarios.len(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().scenarios.len(), 3);
}

/// A copy of the example in a folder of its own.
fn example_file() -> PathBuf {
    let path = folder().join("plan.sla.ron");
    std::fs::write(&path, document::EXAMPLE_RON).unwrap();
    path
}

#[test]
fn the_unsaved_mark_appears_on_edit_and_goes_on_save() {
    let path = example_file();
    let mut harness = app_with(Some(path.clone()), egui::vec2(1280.0, 800.0));
    assert_eq!(harness.state().window_title(), "SLA Planner — plan.sla.ron");
    type_into(&mut harness, "Revenue goal", "3000000");
    assert_eq!(
        harness.state().window_title(),
        "SLA Planner — plan.sla.ron ●"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(harness.state().window_title(), "SLA Planner — plan.sla.ron");
    let saved = document::load(&path).unwrap().document;
    assert_eq!(saved.scenarios[0].assumptions.revenue_goal, 3_000_000.0);
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let path = example_file();
    let mut harness = app_with(Some(path.clone()), egui::vec2(1280.0, 800.0));
    type_into(&mut harness, "Revenue goal", "3000000");
    let theirs = SlaDocument {
        title: "Changed by a colleague".into(),
        ..SlaDocument::default()
    };
    std::thread::sleep(std::time::Duration::from_millis(20));
    document::save(&theirs, &path).unwrap();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("The file changed on disk");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        document::load(&path).unwrap().document.title,
        "Changed by a colleague"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert_eq!(
        document::load(&path).unwrap().document.title,
        "Smarketing-SLA 2027"
    );
}

/// A file dropped on the window, as eframe hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'_, App>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_owned())));
    harness.run();
}

#[test]
fn a_broken_file_shows_the_error_and_keeps_the_document() {
    let mut harness = app();
    type_into(&mut harness, "Revenue goal", "3000000");
    let before = harness.state().document().clone();
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/bad/wrong_type.sla.ron");

    // Unsaved changes: the app asks first; "Don't save" goes on to open the file.
    drop_file(&mut harness, &broken);
    harness.get_by_label("Don't save").click();
    harness.run();

    harness.get_by_label_contains(
        "wrong_type.sla.ron, line 18, column 30: scenarios[0].assumptions.revenue_goal: expected a number such as 25000.0, found \"lots\".",
    );
    assert_eq!(harness.state().document(), &before);
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("wrong_type.sla.ron, line 18")
            .is_none()
    );
}

#[test]
fn a_dropped_file_opens() {
    let path = example_file();
    let mut harness = app();
    drop_file(&mut harness, &path);
    assert_eq!(harness.state().window_title(), "SLA Planner — plan.sla.ron");
}

#[test]
fn new_asks_about_unsaved_changes_and_cancel_keeps_them() {
    let mut harness = app();
    type_into(&mut harness, "Revenue goal", "3000000");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label_contains("Save changes to");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().document().scenarios[0]
            .assumptions
            .revenue_goal,
        3_000_000.0
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    // A new plan, with the public holidays of the user's country (the Netherlands here).
    let mut new = SlaDocument::default();
    new.scenarios[0]
        .assumptions
        .add_public_holidays(sla_planner::plan::holidays::Country::Netherlands, &[]);
    assert_eq!(harness.state().document(), &new);
    assert_eq!(harness.state().window_title(), "SLA Planner — Untitled");
}

#[test]
fn unsaved_work_is_offered_back_after_a_crash() {
    let recovery_folder = folder();
    let crashed = SlaDocument {
        title: "Before the crash".into(),
        ..SlaDocument::default()
    };
    let text = format!(
        "Recovery(path: None, document: {})",
        document::to_ron(&crashed).unwrap()
    );
    std::fs::write(recovery_folder.join("recovery.sla.ron"), text).unwrap();

    let mut harness = window(
        options(|o| o.recovery_folder = Some(recovery_folder.clone())),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    );
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.state().document().title, "Before the crash");
    assert!(harness.state().is_dirty());
}

#[test]
fn the_sales_tab_has_the_commitments_with_units() {
    let mut harness = app();
    harness.get_by_label("2 Sales").click();
    harness.run();
    assert_eq!(value(&harness, "First contact within"), "1");
    type_into(&mut harness, "Minimum contact attempts", "3");
    harness.get_by_label_contains("3 attempts: 93% of buyers who were reached");
    harness.get_by_label_contains("makes at least 3 contact attempts within 14 days");
    // The same sentence as the agreement's: "of its arrival", the clock and the target.
    harness.get_by_label_contains(
        "within 1 hour of its arrival, counted in working hours (9:00 to 17:00 on working days), and does so for at least 90% of the leads of every month",
    );
}

#[test]
fn app_new_opens_the_embedded_example() {
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| App::new(cc));
    assert_eq!(harness.state().document(), &SlaDocument::example().unwrap());
}

fn snapshot(name: &str, size: egui::Vec2, theme: egui::Theme) {
    let mut harness = window(options(|_| {}), size, theme);
    harness.snapshot(name);
}

#[test]
fn snapshot_main_screen_light() {
    snapshot(
        "main_light_1280x800",
        egui::vec2(1280.0, 800.0),
        egui::Theme::Light,
    );
}

#[test]
fn snapshot_main_screen_dark() {
    snapshot(
        "main_dark_1280x800",
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    );
}

#[test]
fn snapshot_main_screen_small_laptop() {
    snapshot(
        "main_dark_1366x768",
        egui::vec2(1366.0, 768.0),
        egui::Theme::Dark,
    );
}

#[test]
fn an_idle_window_asks_for_no_repaint() {
    let mut harness = app();
    harness.step();
    let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert_eq!(
        delay,
        std::time::Duration::MAX,
        "clean and idle: no repaint at all"
    );

    // With unsaved work, one repaint is due when the recovery file is next written.
    type_into(&mut harness, "Revenue goal", "3000000");
    harness.step();
    let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(delay > std::time::Duration::from_secs(20), "{delay:?}");
}

#[test]
fn how_is_this_calculated_fills_in_the_formula() {
    let mut harness = app();
    select_scenario(&mut harness, "Cautious");
    harness.get_by_label(
        "€2,400,000 × 50% = €1,200,000 ÷ €25,000 = 48 customers ÷ 3.5% = 1,372 leads",
    );
    harness.get_by_label("Value per lead: €25,000 × 3.5% = €875");
}

#[test]
fn closing_the_window_with_unsaved_work_asks_first() {
    let mut harness = app();
    type_into(&mut harness, "Revenue goal", "3000000");
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "{commands:?}"
    );
    harness.run();
    harness.get_by_label_contains("Save changes to");
    harness.get_by_label("Don't save").click();
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::Close),
        "{commands:?}"
    );
}

#[test]
fn a_seasonality_bar_moves_with_the_arrow_keys() {
    let mut harness = app();
    select_scenario(&mut harness, "Cautious");
    harness.get_by_label("Seasonality › March 2027").focus();
    harness.run();
    harness.key_press(Key::ArrowUp);
    harness.run();
    let weights = &harness.state().document().scenarios[1]
        .assumptions
        .seasonality;
    assert!((weights[2] - 1.2).abs() < 1e-9, "{weights:?}");
    assert!(harness.state().is_dirty());
}

#[test]
fn the_stage_rates_multiply_in_the_explanation() {
    let mut harness = app();
    select_scenario(&mut harness, "Cautious");
    harness.get_by_label("funnel stages").click();
    harness.run();
    // 45 % × 50 % × 50 % × 40 % = 4.5 %: 48 customers ÷ 4.5 % = 1,066.7 → 1,067 leads.
    harness.get_by_label("Lead-to-customer rate: 45% × 50% × 50% × 40% = 4.5%");
    assert_eq!(value(&harness, "Leads needed"), "1,067");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(value(&harness, "Leads needed"), "1,372");
}

#[test]
fn a_file_from_a_newer_version_opens_read_only() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/bad/newer_version.sla.ron");
    let harness = app_with(Some(path), egui::vec2(1280.0, 800.0));
    assert_eq!(
        harness.state().window_title(),
        "SLA Planner — newer_version.sla.ron (read-only)"
    );
    harness.get_by_label_contains("A newer SLA Planner (format version 9) wrote this file");
    let revenue_goal = harness.get_by_role_and_label(Role::TextInput, "Revenue goal");
    assert!(
        revenue_goal.accesskit_node().is_disabled(),
        "read-only: no edits"
    );
}

#[test]
fn a_keystroke_updates_the_results_in_the_same_frame() {
    let mut harness = app();
    select_scenario(&mut harness, "Cautious");
    harness
        .get_by_role_and_label(Role::TextInput, "Average deal size")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Average deal size")
        .type_text("50000");
    // One frame: the keystrokes go in and the results come out.
    harness.step();
    assert_eq!(value(&harness, "Leads needed"), "686");
}

fn snapshot_tab(name: &str, tab: &str) {
    let mut harness = app();
    harness.get_by_label(tab).click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot(name);
}

#[test]
fn snapshot_sales_tab() {
    snapshot_tab("sales_dark_1280x800", "2 Sales");
}

#[test]
fn snapshot_report_tab() {
    snapshot_tab("report_dark_1280x800", "3 Report");
}

/// Issue 18, point 4: F10 opens the menu bar as on every desktop, its first item focused;
/// arrows move and Enter chooses. Before, the menu took about 20 Shift+Tabs.
#[test]
fn f10_opens_the_menu_and_the_keyboard_walks_it() {
    let mut harness = app();
    support::press(&mut harness, Modifiers::NONE, Key::F10);
    // A menu item's name carries its shortcut.
    assert!(harness.get_by_label("New Ctrl+N").is_focused());
    support::press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert!(harness.get_by_label("Open… Ctrl+O").is_focused());
    support::press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness.query_by_label("Open… Ctrl+O").is_none(),
        "Escape closes it"
    );
}

/// Every tab has its shortcut, in the order of the tab strip: the seventh, Agreement, had none.
#[test]
fn ctrl_7_shows_the_agreement() {
    let mut harness = app();
    support::press(&mut harness, Modifiers::COMMAND, Key::Num7);
    harness.get_by_label_contains("Marketing delivers 1,100 leads");
    support::press(&mut harness, Modifiers::COMMAND, Key::Num1);
    harness.get_by_role_and_label(Role::TextInput, "Revenue goal");
}

/// View ▸ Language has a way back to the system's language.
#[test]
fn the_language_can_follow_the_system_again() {
    let mut harness = app();
    for item in ["View", "Language", "Nederlands"] {
        harness.get_by_label(item).click();
        harness.run();
    }
    harness.get_by_role_and_label(Role::TextInput, "Omzetdoel");
    for item in ["Beeld", "Taal", "Taal van het systeem"] {
        harness.get_by_label(item).click();
        harness.run();
    }
    // The tests' system locale is en_NL: English.
    harness.get_by_role_and_label(Role::TextInput, "Revenue goal");
}

/// The README's table of keys is the list of commands with a shortcut, each with its label.
#[test]
fn the_readme_lists_every_shortcut() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let keys = readme
        .split("\n## Keys\n")
        .nth(1)
        .expect("a section “Keys”");
    let rows: Vec<&str> = keys
        .lines()
        .take_while(|line| !line.starts_with('#'))
        .filter(|line| line.starts_with("| `"))
        .collect();
    let commands = sla_planner::app::Command::KEYBOARD;
    assert_eq!(rows.len(), commands.len(), "{rows:#?}");
    let t = sla_planner::i18n::Language::English.text();
    for (shortcut, command) in commands {
        let keys = shortcut.format(&egui::ModifierNames::NAMES, false);
        let row = format!("| `{keys}` | {} |", command.label(t));
        assert!(rows.contains(&row.as_str()), "missing: {row}\n{rows:#?}");
    }
}

/// Issue 18, point 3: `2,5` meant for the rate, typed into the deal size after one Tab too
/// many, made a €2.50 deal and 480,000 customers without a word. Now the field warns, beside
/// it and without blocking; a usual value takes the warning away.
#[test]
fn an_unusual_input_is_questioned_beside_the_field() {
    let mut harness = app();
    harness.get_by_label("one rate").click();
    harness.run();
    type_into(&mut harness, "Average deal size", "2.5");
    harness
        .get_by_label_contains("Unusually small for a deal (under €100): is this the deal size?");
    type_into(&mut harness, "Lead-to-customer rate", "60");
    harness.get_by_label_contains("Unusually high: more than 50% of leads becoming customers");
    type_into(&mut harness, "Average deal size", "25000");
    type_into(&mut harness, "Lead-to-customer rate", "2.5");
    assert!(harness.query_by_label_contains("Unusually").is_none());
    type_into(&mut harness, "Revenue goal", "20000");
    harness.get_by_label_contains("Less than one deal of €25,000: is this the revenue goal?");

    // On lead sources, each source's rate and deal size are questioned on its row.
    harness.get_by_label("lead sources").click();
    harness.run();
    type_into(
        &mut harness,
        "Lead sources › Webinars › Lead-to-customer rate",
        "55",
    );
    harness.get_by_label_contains("Unusually high: more than 50% of leads becoming customers");
}

/// Issue 18, point 2: Tab walked seven fields out of sight on a small screen, and File ▸ New
/// kept the previous document's scroll position. The focused field is brought into view, and
/// another document starts at the top.
#[test]
fn tab_keeps_the_focused_field_in_view_and_a_new_document_starts_at_the_top() {
    let size = egui::vec2(1024.0, 640.0);
    let mut harness = app_with(None, size);
    let visible = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    type_into(&mut harness, "Revenue goal", "2400000");
    let mut steps = 0;
    while !harness
        .get_by_role_and_label(Role::TextInput, "Sales reps")
        .is_focused()
    {
        support::press(&mut harness, Modifiers::NONE, Key::Tab);
        steps += 1;
        assert!(steps < 200, "Tab never reached Sales reps");
        // Any widget: a radio button or a button out of sight is as lost as a field.
        let root = harness.root();
        for node in root.children_recursive().filter(|n| n.is_focused()) {
            assert!(
                visible.contains_rect(node.rect()),
                "{:?} is out of sight at {:?}",
                node.accesskit_node().label(),
                node.rect()
            );
        }
    }
    support::press(&mut harness, Modifiers::COMMAND, Key::N);
    let goal = harness.get_by_role_and_label(Role::TextInput, "Revenue goal");
    assert!(visible.contains_rect(goal.rect()), "{:?}", goal.rect());
}

/// Issue 18, point 5: on a small screen or zoomed in, the results panel folds away (Ctrl+B or
/// View ▸ Show or hide the results) and gives the form its width; its arrow brings it back.
#[test]
fn the_results_fold_away_and_come_back() {
    let mut harness = app_with(None, egui::vec2(1024.0, 640.0));
    // At 1024 pixels the tabs take two lines beside the results, and one without them.
    let one_line = |harness: &Harness<'_, App>| {
        let first = harness.get_by_label("1 Marketing").rect();
        let last = harness.get_by_label("7 Agreement").rect();
        (first.center().y - last.center().y).abs() < 1.0
    };
    harness.get_by_label("Results — Plan 2027");
    assert!(!one_line(&harness));
    support::press(&mut harness, Modifiers::COMMAND, Key::B);
    assert!(harness.query_by_label("Results — Plan 2027").is_none());
    assert!(one_line(&harness), "the form has the width");
    harness.snapshot("results_folded_dark_1024x640");
    harness.get_by_label("Show or hide the results").click();
    harness.run();
    harness.get_by_label("Results — Plan 2027");
}
