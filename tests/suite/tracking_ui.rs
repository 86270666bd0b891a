//! Step 3 in the window: the results grid of the Report tab, driven by the labels a user sees.

use crate::support;

use crate::support::{press, type_into};
use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use sla_planner::document::Measure;

/// The example without its results, so a test starts from empty cells.
fn example() -> egui_kittest::Harness<'static, sla_planner::App> {
    let mut harness = support::example();
    harness.state_mut().set_document(example_document());
    harness.run();
    harness
}

fn example_document() -> sla_planner::document::SlaDocument {
    let mut doc = sla_planner::document::SlaDocument::example().unwrap();
    doc.actuals = Default::default();
    doc
}

fn january(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, day).unwrap()
}

/// Shows one part of the Report tab, as a user clicks it.
fn open_part(harness: &mut egui_kittest::Harness<'_, sla_planner::App>, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
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
    open_part(&mut harness, "Results per day");
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
    open_part(&mut harness, "Results per day");
    type_into(&mut harness, "Leads, Webinars, Tue 5 Jan", "2.5");
    assert_eq!(leads(&harness, 5, "Webinars"), 0.0);
    harness.get_by_label_contains("Leads, Webinars, Tue 5 Jan: Type a whole number of 0 or more");
}

#[test]
fn a_block_pasted_from_a_spreadsheet_fills_the_cells_from_the_focused_one_as_one_step() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
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

// Issue 18, point 6: the paste's note appeared above the grid and pushed every cell down (the
// next click missed), and it stayed after the paste was undone.
#[test]
fn the_paste_note_moves_no_cell_and_goes_with_an_undo() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
    let cell = "Leads, Webinars, Tue 5 Jan";
    let before = harness.get_by_role_and_label(Role::TextInput, cell).rect();
    harness
        .get_by_role_and_label(Role::TextInput, "Leads, Demo requests, Mon 4 Jan")
        .focus();
    harness.run();
    harness.event(Event::Paste("3\t2\r\n4\t1\r\n".into()));
    harness.run();
    harness.run();
    harness.get_by_label("Pasted 4 values.");
    assert_eq!(
        harness.get_by_role_and_label(Role::TextInput, cell).rect(),
        before,
        "the note pushed the grid"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().document().actuals.is_empty());
    assert!(
        harness.query_by_label("Pasted 4 values.").is_none(),
        "the note of an undone paste"
    );
}

// Issue 18, point 7: a week's total stands beside the agreed plan's goal for that ISO week.
#[test]
fn week_totals_show_the_weeks_goal() {
    let mut harness = support::example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
    let cell = harness
        .get_by_role_and_label(Role::TextInput, "Leads, Webinars, Mon 1 Feb")
        .rect();
    // Down the grid to the end of ISO week 5 (Sunday 7 February).
    harness.hover_at(cell.center());
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -500.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.get_by_label("week 5");
    // The example's plan: 23 leads in ISO week 5 of 2027, as its Targets show.
    harness.get_by_label("goal 23 leads");
}

#[test]
fn a_paste_with_a_value_that_does_not_read_changes_nothing_and_says_where() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
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

/// The example with 5 webinar leads on every working day of 1–12 February 2027.
fn example_with_february() -> sla_planner::document::SlaDocument {
    let mut doc = example_document();
    for day in [1, 2, 3, 4, 5, 8, 9, 10, 11, 12] {
        let date = NaiveDate::from_ymd_opt(2027, 2, day).unwrap();
        doc.actuals.set(date, "Webinars", Measure::Leads, 5.0);
    }
    doc
}

#[test]
fn the_status_of_a_date_shows_the_pace_and_the_tolerance_decides_the_state() {
    let mut harness = example();
    harness.state_mut().set_document(example_with_february());
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    type_into(&mut harness, "Status on", "12 Feb 2027");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label("Where we stand on 12 February 2027");
    harness.get_by_label("Working day 10 of 20 this month; 10 left after today.");
    // February's goal is 92 leads: 46 expected after 10 of 20 working days; 50 is within 10 %.
    harness
        .get_by_label_contains("On 12 February 2027: 50 against 46 by the plan's pace (On track)");
    harness.get_by_label("On track: hugging the line.");
    // Sales' follow-up over time: contacted in time, attempts per lead, accepted and rejected.
    harness.get_by_label("Leads contacted in time. Share contacted in time: Feb 0%; Promised: 90%");
    harness.get_by_label("Contact attempts per lead. Attempts per lead: Feb 0; Promised: 6");
    harness.get_by_label(
        "Leads accepted and rejected by sales. Accepted: Jan 2027 0, Feb 0; Rejected: Jan 2027 0, Feb 0",
    );
    type_into(&mut harness, "On track within ±", "5");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(harness.state().document().tracking.tolerance_percent, 5.0);
    harness.get_by_label_contains("(Far ahead)");
    harness.get_by_label_contains("Far ahead is a miss too");
}

#[test]
fn a_date_outside_the_plan_says_so_and_a_date_that_does_not_read_too() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    type_into(&mut harness, "Status on", "2029-01-01");
    harness.get_by_label_contains("outside the plan's period");
    type_into(&mut harness, "Status on", "31 Feb 2027");
    harness.get_by_label("Type a date as 15 Feb 2027 or 2027-02-15.");
}

/// A plan of one rate without sales-cycle lag, and three months (February to April 2027) of
/// 100 leads and 5 customers of €30,000 each: 5 % as agreed, but deals of €30,000, not €25,000.
fn reviewed_document() -> sla_planner::document::SlaDocument {
    let mut doc = sla_planner::document::SlaDocument::default();
    doc.scenarios[0].assumptions.sales_cycle_lag_months = 0;
    for month in 2..=4 {
        let date = NaiveDate::from_ymd_opt(2027, month, 10).unwrap();
        doc.actuals.set(date, "", Measure::Leads, 100.0);
        doc.actuals.set(date, "", Measure::Customers, 5.0);
        doc.actuals.set(date, "", Measure::Revenue, 150_000.0);
    }
    doc
}

#[test]
fn adopting_the_observed_values_makes_a_revision_that_undo_takes_back() {
    let mut harness = example();
    harness.state_mut().set_document(reviewed_document());
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Monthly review");
    type_into(&mut harness, "Status on", "2027-05-12");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label("Monthly review in May 2027: the results of February 2027 to April 2027");
    harness.get_by_label("€30,000");
    harness.get_by_label("15 customers");
    harness.get_by_label("Adopting changes the agreed plan like this:");
    type_into(&mut harness, "Reviewed by", "Sanne");
    type_into(&mut harness, "Note", "Bigger deals since the price change");
    harness.get_by_label("Adopt observed values").click();
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.scenarios[0].assumptions.average_deal_size, 30_000.0);
    assert_eq!(doc.revisions.len(), 1);
    assert_eq!(doc.revisions[0].before.average_deal_size, 25_000.0);
    assert_eq!(doc.revisions[0].author, "Sanne");
    harness
        .get_by_label_contains("Sanne: Bigger deals since the price change")
        .click();
    harness.run();
    harness.get_by_label("Average deal size: was €25,000, now €30,000");
    harness.get_by_label_contains("Customers needed: was ");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let doc = harness.state().document();
    assert_eq!(doc.scenarios[0].assumptions.average_deal_size, 25_000.0);
    assert!(
        doc.revisions.is_empty(),
        "one undo step takes back the revision"
    );
}

/// The example's January and February in the results grid (light, small laptop) and in the
/// monthly review (dark), looked at when they change.
#[test]
fn snapshot_of_the_results_grid() {
    let mut harness = support::window(
        support::options(|_| {}),
        egui::vec2(1024.0, 640.0),
        egui::Theme::Light,
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
    harness.snapshot("report_results_light_1024x640");
}

// January opens with New Year's Day and a weekend: one thin row, then the working week.
#[test]
fn snapshot_of_a_month_with_folded_days() {
    let mut harness = support::window(
        support::options(|_| {}),
        egui::vec2(1280.0, 720.0),
        egui::Theme::Dark,
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
    harness
        .get_by_role_and_label(Role::ComboBox, "Month")
        .click();
    harness.run();
    harness.get_by_label("January 2027").click();
    harness.run();
    harness.get_by_label("Fri 1 Jan – Sun 3 Jan: no working day, nothing reported");
    harness.snapshot("report_results_folded_dark_1280x720");
}

#[test]
fn snapshot_of_the_monthly_review() {
    let mut harness = support::window(
        support::options(|_| {}),
        egui::vec2(1280.0, 720.0),
        egui::Theme::Dark,
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Monthly review");
    type_into(&mut harness, "Status on", "3 May 2027");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.snapshot("report_review_dark_1280x720");
}

#[test]
fn a_result_typed_in_the_grid_moves_the_status_at_once() {
    let mut harness = example();
    harness.state_mut().set_document(example_with_february());
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    type_into(&mut harness, "Status on", "12 Feb 2027");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label_contains("On 12 February 2027: 50 against 46");
    open_part(&mut harness, "Results per day");
    type_into(&mut harness, "Leads, Webinars, Mon 1 Feb", "15");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    open_part(&mut harness, "Where we stand");
    harness
        .get_by_label_contains("On 12 February 2027: 60 against 46 by the plan's pace (Far ahead)");
}

/// Issue 15, point 3: a result typed for a day and source without one adds a record; at the
/// most records a file holds, the grid takes the edit back and says why instead of leaving a
/// document that cannot be saved.
#[test]
fn a_result_beyond_what_a_file_holds_is_taken_back_with_the_reason() {
    let mut doc = example_document();
    let first = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let records = (0..sla_planner::document::MAX_ACTUALS)
        .map(|i| {
            let date = first + chrono::Duration::days((i / 50) as i64);
            let mut record = sla_planner::document::SourceDay::new(date, &format!("S{}", i % 50));
            record.leads = 1;
            record
        })
        .collect();
    doc.actuals = sla_planner::document::Actuals::from_records(records);
    let mut harness = support::example();
    harness.state_mut().set_document(doc);
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
    type_into(&mut harness, "Leads, Webinars, Mon 4 Jan", "12");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(leads(&harness, 4, "Webinars"), 0.0, "taken back");
    assert_eq!(
        harness.state().document().actuals.len(),
        sla_planner::document::MAX_ACTUALS
    );
    harness.get_by_label_contains("actuals has 90,001 entries; at most 90,000 are allowed");
}

/// Issue 18, point 12: File ▸ New kept the previous file's report date and called a plan
/// without any results "behind" everywhere. A new document has its own date, and without
/// results the status says there is nothing to judge yet.
#[test]
fn a_new_plan_has_its_own_report_date_and_no_verdict_without_results() {
    let mut harness = support::example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    type_into(&mut harness, "Status on", "12 Feb 2027");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label("Where we stand on 12 February 2027");
    press(&mut harness, Modifiers::COMMAND, Key::N);
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    assert!(
        harness
            .query_by_label("Where we stand on 12 February 2027")
            .is_none()
    );
    harness.get_by_label_contains("No results yet, so nothing is behind or ahead");
    assert!(harness.query_by_label_contains("(Behind)").is_none());
}

/// Issue 18, point 7: a blank cell in a pasted block empties its target, as in a spreadsheet;
/// it used to leave the old value standing.
#[test]
fn a_blank_cell_in_a_pasted_block_empties_its_target() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
    type_into(&mut harness, "Accepted, Demo requests, Mon 4 Jan", "2");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness
        .get_by_role_and_label(Role::TextInput, "Leads, Demo requests, Mon 4 Jan")
        .focus();
    harness.run();
    harness.event(Event::Paste("5\t\t1\r\n".into()));
    harness.run();
    harness.run();
    let demo = harness
        .state()
        .document()
        .actuals
        .get(january(4), "Demo requests")
        .cloned()
        .unwrap();
    assert_eq!((demo.leads, demo.accepted, demo.rejected), (5, 0, 1));
    harness.get_by_label("Pasted 3 values.");
}

/// Issue 18, point 7: the grid's column headers broke inside words ("Geaccepteer/d"). Each
/// column is now as wide as the longest word of its header.
#[test]
fn grid_headers_break_between_words_only() {
    let mut harness = support::window(
        support::options(|o| o.locale = Some("nl_NL.UTF-8".into())),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Light,
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Resultaten per dag");
    let one_line = harness.get_by_label("Dag").rect().height();
    for word in ["Geaccepteerd", "Afgewezen"] {
        let header = harness.get_by_label(word).rect();
        assert!(header.height() < 1.5 * one_line, "{word} wraps: {header:?}");
    }
}

// Issue 18, point 7: every weekend and holiday took full rows, one per source, so a month's
// working days did not fit on a laptop's screen. Days without work and without results are one
// thin row now; "Show weekends and holidays" brings their cells back, and a day with results
// is never folded away.
#[test]
fn days_without_work_and_results_fold_into_one_thin_row() {
    let mut harness = example();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    open_part(&mut harness, "Results per day");
    // New Year's Day and the weekend after it.
    harness.get_by_label("Fri 1 Jan – Sun 3 Jan: no working day, nothing reported");
    assert!(
        harness
            .query_by_label("Leads, Webinars, Sat 2 Jan")
            .is_none(),
        "a folded day has no cells"
    );

    // A block pasted on Friday runs on to Monday: it fills the rows shown.
    harness
        .get_by_role_and_label(Role::TextInput, "Leads, Whitepaper downloads, Fri 8 Jan")
        .focus();
    harness.run();
    harness.event(Event::Paste("1\n2\n".into()));
    harness.run();
    harness.run();
    let actuals = &harness.state().document().actuals;
    assert_eq!(
        actuals.get(january(11), "Demo requests").map(|r| r.leads),
        Some(2)
    );
    assert!(actuals.get(january(9), "Demo requests").is_none());

    harness.get_by_label("Show weekends and holidays").click();
    harness.run();
    type_into(&mut harness, "Leads, Webinars, Sat 2 Jan", "2");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(leads(&harness, 2, "Webinars"), 2.0);

    harness.get_by_label("Show weekends and holidays").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Leads, Webinars, Sat 2 Jan");
    harness.get_by_label("Fri 1 Jan: no working day, nothing reported");
    harness.get_by_label("Sun 3 Jan: no working day, nothing reported");
}

/// Issue 20: "Where we stand" says per span how likely the goal is, in words and as a number,
/// with its range and the chance of flooding the reps; the prior strength is a setting of the
/// document, and the month's chart gains the forecast's fan in its legend.
#[test]
fn where_we_stand_says_how_likely_the_goals_are() {
    let mut harness = example();
    harness.state_mut().set_document(example_with_february());
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    type_into(&mut harness, "Status on", "12 Feb 2027");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label("Will we make it?");
    harness.get_by_label("Q1 2027");
    harness.get_by_label("The period");
    harness.get_by_label("Customers in the period");
    harness.get_by_label("Flooding the reps");
    harness.get_by_label("87–109 of 92");
    harness.get_by_label("77% (likely)");
    harness.get_by_label_contains("The chance is how often the goal would be reached");
    // The fan on both hug-the-line charts: the month's and the period's.
    assert_eq!(
        harness
            .query_all_by_label_contains("Forecast (median)")
            .count(),
        2
    );
    type_into(&mut harness, "Forecast prior strength", "0");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(harness.state().document().tracking.prior_strength_days, 0.0);
    assert!(
        harness.query_by_label("77% (likely)").is_none(),
        "the actuals alone give another chance"
    );
}

/// The forecast and its fan, light on a small laptop and dark on a larger screen, scrolled to
/// the month's chart; looked at when they change.
#[test]
fn snapshots_of_the_forecast() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (name, size, theme, scroll_to) in [
        (
            "report_forecast_light_1024x640",
            egui::vec2(1024.0, 640.0),
            egui::Theme::Light,
            "Will we make it?",
        ),
        (
            "report_forecast_dark_1280x720",
            egui::vec2(1280.0, 720.0),
            egui::Theme::Dark,
            "Hug the line: February 2027",
        ),
        // Issue 20: the period's chart has the fan too.
        (
            "report_period_fan_light_1024x640",
            egui::vec2(1024.0, 640.0),
            egui::Theme::Light,
            "Leads contacted in time",
        ),
        (
            "report_period_fan_dark_1280x720",
            egui::vec2(1280.0, 720.0),
            egui::Theme::Dark,
            "Leads contacted in time",
        ),
    ] {
        let mut harness = support::window(support::options(|_| {}), size, theme);
        harness.state_mut().set_document(example_with_february());
        harness.run();
        press(&mut harness, Modifiers::COMMAND, Key::Num3);
        type_into(&mut harness, "Status on", "12 Feb 2027");
        press(&mut harness, Modifiers::NONE, Key::Tab);
        harness.get_by_label(scroll_to).scroll_to_me();
        harness.remove_cursor();
        harness.run();
        results.add(harness.try_snapshot(name));
    }
}
