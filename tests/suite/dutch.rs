//! The window in Dutch: the labels of the brief, numbers as a Dutch sales manager types them,
//! and a switch of language that keeps everything the user has typed.

use crate::support::{options, press, type_into, value, window};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

fn dutch() -> egui_kittest::Harness<'static, sla_planner::App> {
    window(
        options(|o| o.locale = Some("nl_NL.UTF-8".into())),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    )
}

fn share(harness: &egui_kittest::Harness<'_, sla_planner::App>) -> f64 {
    harness.state().document().scenarios[0]
        .assumptions
        .marketing_share_percent
}

#[test]
fn the_method_in_the_words_of_the_brief_with_dutch_numbers() {
    let mut harness = dutch();
    for label in [
        "Omzetdoel",
        "Aandeel marketing in omzet",
        "Gemiddelde dealgrootte",
        "Lead-naar-klantratio",
    ] {
        harness.get_by_role_and_label(Role::TextInput, label);
    }
    harness.get_by_label("Stap 1 — De cijfers van marketing");
    assert_eq!(value(&harness, "Omzetdoel marketing"), "€ 1.440.000");
    assert_eq!(value(&harness, "Benodigde klanten"), "50");
    assert_eq!(value(&harness, "Benodigde leads"), "1.100");
    assert_eq!(value(&harness, "Waarde per lead"), "€ 1.310");
    assert_eq!(value(&harness, "Leads per werkdag (gemiddeld)"), "4,3");
    harness.get_by_label("Volgende maand: januari 2027");

    type_into(&mut harness, "Aandeel marketing in omzet", "1,5");
    assert_eq!(share(&harness), 1.5);
    type_into(&mut harness, "Omzetdoel", "3.000.000");
    assert_eq!(
        harness.state().document().scenarios[0]
            .assumptions
            .revenue_goal,
        3_000_000.0
    );
    type_into(&mut harness, "Aandeel marketing in omzet", "1.5");
    harness.get_by_label("⚠ Bedoelt u 1,5?");
    assert_eq!(share(&harness), 1.5, "the last valid value stays in force");
    type_into(&mut harness, "Aandeel marketing in omzet", "1,500");
    harness.get_by_label("⚠ Bedoelt u 1.500? Typ voor 1,5: 1,5.");

    press(&mut harness, Modifiers::COMMAND, Key::Num2);
    harness.get_by_label("Stap 2 — De cijfers van sales");
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    harness.get_by_label("Stap 3 — Rapportage");
}

#[test]
fn switching_the_language_keeps_typed_text_and_the_undo_history() {
    let mut harness = dutch();
    type_into(&mut harness, "Omzetdoel", "3.000.000");
    type_into(&mut harness, "Aandeel marketing in omzet", "45,5x");
    // Switch to English while the share field still holds refused text.
    harness.get_by_label("Beeld").click();
    harness.run();
    harness.get_by_label("Taal").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Revenue goal");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Marketing share of revenue")
            .value()
            .as_deref(),
        Some("45,5x")
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().document().scenarios[0]
            .assumptions
            .revenue_goal,
        2_400_000.0
    );
}

#[test]
fn snapshots_of_each_tab_in_dutch() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (name, tab) in [
        ("nl_marketing_dark_1280x800", Key::Num1),
        ("nl_sales_dark_1280x800", Key::Num2),
        ("nl_report_dark_1280x800", Key::Num3),
        ("nl_whatif_light_1280x800", Key::Num4),
        ("nl_charts_light_1280x800", Key::Num6),
    ] {
        let theme = if name.contains("light") {
            egui::Theme::Light
        } else {
            egui::Theme::Dark
        };
        let mut harness = window(
            options(|o| o.locale = Some("nl_NL.UTF-8".into())),
            egui::vec2(1280.0, 800.0),
            theme,
        );
        press(&mut harness, Modifiers::COMMAND, tab);
        harness.remove_cursor();
        harness.run();
        results.add(harness.try_snapshot(name));
    }
}

/// Every character of every string of both languages can be drawn by the window's fonts:
/// egui panics on a glyph its fonts lack ("▸" once reached a CRM message this way), and a
/// release build would show a box. The strings are read from the tables' source, between the
/// first and last quote of each line; a string only the command line prints may use what a
/// terminal shows.
#[test]
fn every_character_of_both_languages_has_a_glyph() {
    let ctx = egui::Context::default();
    // The font atlas is not drawn here: its first upload is dropped on purpose.
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let font = egui::FontId::proportional(14.0);
    let terminal_only = ["whatif_low_high:"];
    for (language, table) in [
        ("English", include_str!("../../src/i18n/en.rs")),
        ("Dutch", include_str!("../../src/i18n/nl.rs")),
    ] {
        let missing: std::collections::BTreeSet<char> = table
            .lines()
            .filter(|line| {
                !terminal_only
                    .iter()
                    .any(|name| line.trim().starts_with(name))
            })
            .filter_map(|line| Some(&line[line.find('"')? + 1..line.rfind('"')?]))
            .flat_map(str::chars)
            .filter(|c| !ctx.fonts_mut(|fonts| fonts.has_glyph(&font, *c)))
            .collect();
        assert!(missing.is_empty(), "{language}: no glyph for {missing:?}");
    }
}
