//! The charts in the window (issue 18, point 11): values on hover, legends off the data,
//! numbers on every axis, colours as their legend says, names that fit.

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use sla_planner::App;

use crate::support::{options, press, window};

/// The example's Report tab in a window tall enough for all its charts.
fn report() -> Harness<'static, App> {
    let mut harness = window(
        options(|_| {}),
        egui::vec2(1280.0, 2600.0),
        egui::Theme::Dark,
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    harness
}

/// The rectangle of the chart whose text alternative starts with `start`.
fn chart(harness: &Harness<'_, App>, start: &str) -> egui::Rect {
    harness
        .get_all_by_role(Role::Image)
        .find(|node| {
            node.accesskit_node()
                .label()
                .map(|l| l.to_string())
                .is_some_and(|l| l.starts_with(start))
        })
        .unwrap_or_else(|| panic!("no chart {start}"))
        .rect()
}

/// The tooltip shown with the pointer at `at` (the multi-line label with `contains`).
fn hover_text(harness: &mut Harness<'_, App>, at: egui::Pos2, contains: &str) -> String {
    harness.hover_at(at);
    harness.run();
    // `egui_plot` opens its tooltip a frame or two after the one that saw the pointer.
    for _ in 0..4 {
        // A label's text is its node's value.
        let tooltip = harness
            .root()
            .children_recursive()
            .filter_map(|node| {
                let node = node.accesskit_node();
                node.value().or_else(|| node.label()).map(|t| t.to_string())
            })
            .find(|text| text.contains(contains) && text.contains('\n'));
        if let Some(text) = tooltip {
            return text;
        }
        harness.step();
    }
    panic!("no hover text with {contains:?} at {at:?}")
}

#[test]
fn the_hug_the_line_chart_shows_values_on_hover_and_its_legend_above_the_data() {
    let mut harness = report();
    let line = chart(&harness, "On 26 February 2027");
    let legend = harness.get_by_label_contains("Legend: Actual, On track, Far ahead, Plan");
    assert!(
        legend.rect().bottom() <= line.top(),
        "legend {:?} over the chart {line:?}",
        legend.rect()
    );
    // Half way along the month, in the empty middle of the plot: no point under the pointer.
    let text = hover_text(
        &mut harness,
        egui::pos2(line.center().x, line.top() + 10.0),
        "Tolerance:",
    );
    assert!(text.contains("February 2027"), "{text}");
    assert!(
        text.contains("Actual: ") && text.contains("Plan: "),
        "{text}"
    );
}

#[test]
fn sales_charts_have_hover_values_axis_numbers_and_colours_as_their_legend() {
    let mut harness = report();
    // The example's sales kept under the promised 90 % in both months: the legend names the
    // colour the bars have (they were orange beside a green "share contacted" key).
    let legend = harness.get_by_label_contains("Legend: In time, below the promise, Promised");
    assert!(harness.query_by_label_contains("promise kept").is_none());
    let compliance = chart(&harness, "Leads contacted in time");
    assert!(legend.rect().bottom() <= compliance.top());
    let text = hover_text(&mut harness, compliance.center(), "Promised:");
    assert!(text.contains("Share contacted in time: "), "{text}");

    // "Contact attempts per lead" had no numbers on its y axis but 0.
    let attempts = chart(&harness, "Contact attempts per lead");
    let numbers = axis_labels_left_of(&mut harness, attempts);
    assert!(numbers >= 3, "{numbers} labels on the y axis");
    let text = hover_text(&mut harness, attempts.center(), "Attempts per lead:");
    assert!(text.contains("Promised: 6"), "{text}");
}

/// How many separate labels are painted in the strip left of `plot` (its y axis): runs of
/// pixel rows with text in them.
fn axis_labels_left_of(harness: &mut Harness<'_, App>, plot: egui::Rect) -> usize {
    harness.remove_cursor();
    harness.run();
    let image = harness.render().unwrap();
    let background = *image.get_pixel(2, image.height() - 2);
    let inked = |y: u32| {
        ((plot.left() - 28.0).max(0.0) as u32..(plot.left() - 3.0) as u32).any(|x| {
            let p = image.get_pixel(x, y);
            (0..3).any(|c| p.0[c].abs_diff(background.0[c]) > 60)
        })
    };
    let mut runs = 0;
    let mut inside = false;
    for y in plot.top() as u32..plot.bottom() as u32 {
        let ink = inked(y);
        if ink && !inside {
            runs += 1;
        }
        inside = ink;
    }
    runs
}

#[test]
fn the_tornado_names_its_inputs_in_full_on_hover_and_says_its_numbers() {
    let mut harness = window(
        options(|_| {}),
        egui::vec2(1280.0, 1300.0),
        egui::Theme::Light,
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num4);
    let tornado = chart(&harness, "Sensitivity: ");
    let description = harness
        .get_all_by_role(Role::Image)
        .find_map(|node| {
            node.accesskit_node()
                .label()
                .map(|l| l.to_string())
                .filter(|l| l.starts_with("Sensitivity: "))
        })
        .unwrap();
    assert!(
        description.contains("Marketing share of revenue 990–1,210"),
        "{description}"
    );
    let legend = harness.get_by_label_contains("Legend: Input down, Input up, Leads needed");
    assert!(legend.rect().bottom() <= tornado.top());
    // The second row from the top: the marketing share, whose name the axis had cut off.
    let rows = 14.0;
    let row_height = tornado.height() / (rows + 0.4);
    let text = hover_text(
        &mut harness,
        egui::pos2(tornado.center().x, tornado.top() + row_height * 1.7),
        "Marketing share of revenue",
    );
    assert!(text.contains("Leads needed: 1,210"), "{text}");
}

/// The text alternative of the chart whose description starts with `start`.
fn description(harness: &Harness<'_, App>, start: &str) -> String {
    harness
        .get_all_by_role(Role::Image)
        .find_map(|node| {
            node.accesskit_node()
                .label()
                .map(|l| l.to_string())
                .filter(|l| l.starts_with(start))
        })
        .unwrap_or_else(|| panic!("no chart {start}"))
}

// Issue 16, part 3: the confidence curve and the Compare tab's monthly bars had no text
// alternative, unlike every other chart.
#[test]
fn the_confidence_and_compare_charts_say_what_they_show() {
    let mut harness = window(
        options(|_| {}),
        egui::vec2(1280.0, 2600.0),
        egui::Theme::Light,
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num4);
    let confidence = description(&harness, "Confidence: ");
    assert!(confidence.contains("1,100 leads"), "{confidence}");
    assert!(confidence.contains("50 customers"), "{confidence}");

    press(&mut harness, Modifiers::COMMAND, Key::Num5);
    let compare = description(&harness, "Leads per month of 2 scenarios.");
    assert!(compare.contains("Plan 2027: 1,"), "{compare}");
    assert!(compare.contains("Cautious: "), "{compare}");
    assert!(compare.contains("most in "), "{compare}");
}
