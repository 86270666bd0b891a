//! What the UI tests share: a window on the example (or a file), the value a user reads by a
//! label, and typing into a field as a user would.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use sla_planner::App;
use sla_planner::app::AppOptions;

/// The date the tests take as today: before the example's 2027 period.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// A day of 2027, the example's year.
pub fn day(month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, month, day).unwrap()
}

/// A folder of its own for each test: files to open and the recovery file.
pub fn folder() -> PathBuf {
    tempfile::tempdir().unwrap().keep()
}

/// The options every test window starts with: its own recovery folder, a fixed today and a
/// locale of an English speaker in the Netherlands (English on screen, Dutch holidays);
/// `change` adjusts them.
pub fn options(change: impl FnOnce(&mut AppOptions)) -> AppOptions {
    let mut options = AppOptions {
        recovery_folder: Some(folder()),
        today: Some(today()),
        locale: Some("en_NL.UTF-8".into()),
        ..AppOptions::default()
    };
    change(&mut options);
    options
}

/// A window of `size` with `options`, run until it settles.
pub fn window(options: AppOptions, size: egui::Vec2, theme: egui::Theme) -> Harness<'static, App> {
    let mut options = Some(options);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .build_eframe(move |cc| App::with_options(cc, options.take().unwrap_or_default()));
    harness.run();
    harness
}

/// The example at 1280 × 800, dark.
pub fn example() -> Harness<'static, App> {
    window(
        options(|_| {}),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    )
}

/// The value shown for a result ("Leads needed") or held by an input ("Revenue goal").
pub fn value(harness: &Harness<'_, App>, label: &str) -> String {
    let node = harness
        .query_by_role_and_label(Role::ListItem, label)
        .unwrap_or_else(|| harness.get_by_role_and_label(Role::TextInput, label));
    node.value().unwrap_or_default()
}

/// Replaces the text of the input labelled `label` with `text`, as a user would.
pub fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

/// Types `text` one character a frame, as fast typing arrives.
pub fn type_slowly(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    for c in text.chars() {
        harness
            .get_by_role_and_label(Role::TextInput, label)
            .type_text(&c.to_string());
        harness.run();
    }
}

pub fn select_scenario(harness: &mut Harness<'_, App>, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
}

pub fn press(harness: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Each month's customers that the plan's leads bring, pushed through its sales-cycle lag and
/// its rate: the months' leads, and before the period every lead planned to arrive.
pub fn customers_from_leads(plan: &sla_planner::plan::Plan) -> Vec<f64> {
    let start = plan.months[0].month;
    let leads = |a: i64| -> f64 {
        match usize::try_from(a) {
            Ok(i) => plan.months.get(i).map_or(0.0, |m| m.leads),
            Err(_) => {
                let month = start.offset(a).unwrap();
                plan.leads_before_period
                    .iter()
                    .find(|m| m.month == month)
                    .map_or(0.0, |m| m.arriving)
            }
        }
    };
    (0..plan.months.len() as i64)
        .map(|j| plan.lag.closing(j, leads) * plan.lead_to_customer)
        .collect()
}
