//! Goals: one full frame of the main screen (egui layout and tessellation, headless, no GPU) in
//! under 2 ms on the example, under 4 ms with 20 scenarios of 10 lead sources (the Compare tab
//! too), and within the frame budget (16 ms) for a document at every limit of the format. With
//! three years of daily results for five sources: under 2 ms a frame while typing in the
//! Marketing tab, and under 2 ms a frame of every tab.

#![allow(clippy::expect_used, reason = "a benchmark stops on a broken fixture")]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use sla_planner::App;
use sla_planner::app::AppOptions;
use sla_planner::document::SlaDocument;

/// A frame of the window with `document` open, after `keys` (e.g. Ctrl+5 for the Compare tab).
fn frame_of(c: &mut Criterion, name: &str, document: Option<SlaDocument>, keys: &[egui::Key]) {
    frame_with(c, name, document, keys, false);
}

/// [`frame_of`]; with `typing`, every frame is a keystroke in the form's first field (Tab
/// focuses it): a digit, then a backspace, each changing the document, so the frame includes
/// the undo step, the comparison with the previous document and the same-frame redraw.
fn frame_with(
    c: &mut Criterion,
    name: &str,
    document: Option<SlaDocument>,
    keys: &[egui::Key],
    typing: bool,
) {
    let ctx = egui::Context::default();
    // The same stand-ins for the window that egui_kittest uses.
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = App::with_options(
        &cc,
        AppOptions {
            recovery_folder: Some(folder.path().to_owned()),
            ..AppOptions::default()
        },
    );
    if let Some(document) = document {
        app.set_document(document);
    }
    let mut frame = eframe::Frame::_new_kittest();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    for key in keys {
        let mut press = input();
        press.events.push(egui::Event::Key {
            key: *key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::COMMAND,
        });
        let mut output = ctx.run_ui(press, |ui| app.ui(ui, &mut frame));
        output.textures_delta.clear();
    }
    if typing {
        let mut tab = input();
        tab.events.push(egui::Event::Key {
            key: egui::Key::Tab,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        });
        let mut output = ctx.run_ui(tab, |ui| app.ui(ui, &mut frame));
        output.textures_delta.clear();
    }
    let mut keystroke = 0_u64;
    let mut run = || {
        let mut raw = input();
        if typing {
            keystroke += 1;
            raw.events.push(if keystroke % 2 == 1 {
                egui::Event::Text("7".to_owned())
            } else {
                egui::Event::Key {
                    key: egui::Key::Backspace,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                }
            });
        }
        let mut output = ctx.run_ui(raw, |ui| app.ui(ui, &mut frame));
        // No renderer takes the font atlas; debug builds insist it is handled.
        output.textures_delta.clear();
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    // Warm up: font atlas, layout caches, plot memory.
    for _ in 0..5 {
        run();
    }
    c.bench_function(name, |b| b.iter(&mut run));
}

fn frames(c: &mut Criterion) {
    frame_of(c, "frame: example", None, &[]);
    frame_of(
        c,
        "frame: 20 scenarios, 10 sources",
        Some(common::big_document(20, 10)),
        &[],
    );
    // The Compare tab plans every scenario every frame, as while a slider drags.
    frame_of(
        c,
        "frame: Compare tab, 20 scenarios of 10 sources",
        Some(common::big_document(20, 10)),
        &[egui::Key::Num5],
    );
    frame_of(
        c,
        "frame: at the limits (100 scenarios, 10 stages, 50 sources, 500 holidays)",
        Some(common::document_at_the_limits()),
        &[],
    );
    // Step 3's goals: three years of daily results of five sources do not slow the form down,
    // and the Report tab with them stays within 4 ms.
    frame_with(
        c,
        "frame: typing in the Marketing tab, 3 years of daily results",
        Some(common::tracked_document()),
        &[],
        true,
    );
    // Every tab with them: each under 2 ms (issue 16).
    for (key, tab) in [
        (egui::Key::Num1, "Marketing"),
        (egui::Key::Num2, "Sales"),
        (egui::Key::Num3, "Report"),
        (egui::Key::Num4, "What-if"),
        (egui::Key::Num5, "Compare"),
        (egui::Key::Num6, "Charts"),
        (egui::Key::Num7, "Agreement"),
    ] {
        frame_of(
            c,
            &format!("frame: {tab} tab, 3 years of daily results"),
            Some(common::tracked_document()),
            &[key],
        );
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
