//! Issue 17, points 8–12: an agreement both teams can sign. Every commitment the app measures
//! stated with the same numbers, dates written out, a signature block before anyone approved,
//! the monthly review that says what it covers, and holidays with their names.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use sla_planner::document::{Approval, SlaDocument};
use sla_planner::i18n::Language;
use sla_planner::plan::{ResponseClock, compute};
use sla_planner::report::Report;

use crate::support::{example, press, type_into};

fn agreement_text(doc: &SlaDocument, language: Language) -> String {
    let scenario = &doc.scenarios[0];
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
    let report = Report::of_document(doc, scenario.id, &plan, language);
    sla_planner::export::text::agreement(&report)
}

/// Point 9: the compliance target, the clock, the acceptance window, the attempts, the
/// tolerance of "on track" and the reporting cadence, each as the app measures them.
#[test]
fn the_agreement_states_every_commitment_the_report_measures() {
    let mut doc = SlaDocument::example().unwrap();
    doc.sales_commitments.compliance_target_percent = 85.0;
    doc.tracking.tolerance_percent = 15.0;
    let text = agreement_text(&doc, Language::English);
    for part in [
        "within 1 hour of its arrival, counted in working hours (9:00 to 17:00 on working days), and does so for at least 85% of the leads of every month",
        "at least 6 contact attempts within 14 days",
        "within 48 hours, with a reason for every rejection",
        "within 15% of the plan's pace",
        "Progress is reported every week",
        "The teams review the numbers every month",
    ] {
        assert!(text.contains(part), "missing “{part}” in:\n{text}");
    }
    doc.sales_commitments.clock = ResponseClock::Calendar;
    let text = agreement_text(&doc, Language::Dutch);
    assert!(
        text.contains("geteld in kalenderuren, nachten en weekenden meegeteld"),
        "{text}"
    );
}

/// Point 10: one wording on the Sales tab and in the agreement, dates written out, a full
/// stop after the MQL definition, and the table of targets per month shown where it is named.
#[test]
fn the_agreement_reads_as_a_contract_and_shows_the_month_table() {
    let mut doc = SlaDocument::example().unwrap();
    doc.mql_definition = "A contact who asked for a demo".into();
    let text = agreement_text(&doc, Language::English);
    assert!(
        text.contains("It takes effect on 1 January 2027."),
        "{text}"
    );
    assert!(
        text.contains("A lead counts as marketing-qualified when: A contact who asked for a demo."),
        "{text}"
    );
    assert!(!text.contains("of conversion"), "{text}");
    let dutch = agreement_text(&doc, Language::Dutch);
    assert!(dutch.contains("Zij gaat in op 1 januari 2027."), "{dutch}");
    // The table the marketing section refers to follows it, in whole leads.
    let table = text.find("The targets per month").expect("the month table");
    assert!(text[..table].contains("in the table of targets per month below"));
    assert!(text[table..].contains("Jan 2027"), "{text}");

    let mut harness = example();
    harness.get_by_label("7 Agreement").click();
    harness.run();
    harness.get_by_label("The targets per month");
    assert!(harness.query_all_by_label("January 2027").count() >= 1);
    // The Dutch chance sentence no longer says leads become customers "by chance".
    let t = Language::Dutch.text();
    assert!(!t.whatif_confidence_sentence.contains("bij toeval klant"));
}

/// Point 11: the signature block is there before anyone approved, on the tab, in the text and
/// in the HTML print; an approval without a name reads as a sentence.
#[test]
fn a_signature_block_is_there_before_anyone_approved() {
    let doc = SlaDocument::example().unwrap();
    assert!(doc.sign_offs.is_empty());
    let text = agreement_text(&doc, Language::English);
    let block = text.find("Signatures").expect("a signature block");
    for part in [
        "For marketing",
        "Name: Sanne de Vries (Marketing)",
        "For sales",
        "Name: Joris Bakker (Sales)",
        "Date: ______",
        "Signature: ______",
    ] {
        assert!(text[block..].contains(part), "missing “{part}” in:\n{text}");
    }
    let scenario = &doc.scenarios[0];
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
    let report = Report::of_document(&doc, scenario.id, &plan, Language::English);
    let html = sla_planner::export::html::render(&report);
    assert!(html.contains("<h4>For sales</h4>"), "{html}");
    assert_eq!(
        html.matches("class=\"line\"").count(),
        8,
        "four lines a party"
    );

    let mut harness = example();
    harness.get_by_label("7 Agreement").click();
    harness.run();
    harness.get_by_label("Signatures");
    harness.get_by_label("For marketing");
    harness.get_by_label("For sales");
    harness.get_by_label("Add approver").click();
    harness.run();
    // Beside the approver and among the agreement's sentences.
    assert_eq!(
        harness
            .query_all_by_label_contains(
                "An approver whose name is not filled in has not approved yet."
            )
            .count(),
        2
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("not named yet (not named yet)")
            .count(),
        0
    );
    type_into(&mut harness, "Role", "CEO");
    assert_eq!(
        harness
            .query_all_by_label_contains("CEO (name not filled in) has not approved yet.")
            .count(),
        2
    );
}

/// An approval in the app fills the date of its owner's signature block.
#[test]
fn an_approval_fills_the_date_of_its_block() {
    let mut doc = SlaDocument::example().unwrap();
    doc.sign_offs.push(Approval {
        name: "Joris Bakker".into(),
        role: "Head of sales".into(),
        date: NaiveDate::from_ymd_opt(2026, 12, 1),
        plan: doc.agreed_fingerprint(),
    });
    let text = agreement_text(&doc, Language::English);
    let sales = text.find("For sales").unwrap();
    assert!(
        text[sales..]
            .contains("Role: Head of sales\nDate: approved in SLA Planner on 1 December 2026"),
        "{text}"
    );
}

/// Point 8: the review says which months it covers, why the rate cannot be measured yet and
/// from when it can, and previews the change in the form's words.
#[test]
fn the_review_names_its_months_and_why_the_rate_waits() {
    let mut harness = example();
    harness.get_by_label("3 Report").click();
    harness.run();
    harness.get_by_label_contains("Monthly review").click();
    harness.run();
    type_into(&mut harness, "Status on", "2027-03-10");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label(
        "Monthly review in March 2027: the results of December 2026 to February 2027",
    );
    // The example's results start in January 2027; with a two-month lag the customers of
    // December to February came from leads of October to December 2026.
    harness.get_by_label("not measurable yet (see below)");
    harness.get_by_label_contains(
        "before the first results (January 2027). The lead-to-customer rate can be measured from the review in June 2027 on.",
    );
}

#[test]
fn the_review_preview_uses_the_names_of_the_form() {
    let mut doc = SlaDocument::default();
    doc.scenarios[0].assumptions.sales_cycle_lag_months = 0;
    for month in 2..=4 {
        let date = NaiveDate::from_ymd_opt(2027, month, 10).unwrap();
        doc.actuals
            .set(date, "", sla_planner::document::Measure::Leads, 100.0);
        doc.actuals
            .set(date, "", sla_planner::document::Measure::Customers, 5.0);
        doc.actuals
            .set(date, "", sla_planner::document::Measure::Revenue, 150_000.0);
    }
    let mut harness = example();
    harness.state_mut().set_document(doc);
    harness.run();
    harness.get_by_label("3 Report").click();
    harness.run();
    harness.get_by_label_contains("Monthly review").click();
    harness.run();
    type_into(&mut harness, "Status on", "2027-05-12");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label("Average deal size: was €25,000, now €30,000");
    assert_eq!(
        harness
            .query_all_by_label_contains("average_deal_size")
            .count(),
        0
    );
}

/// Point 12: holidays with their names, and Goede Vrijdag and Bevrijdingsdag offered apart,
/// unticked, with the rule on hover.
#[test]
fn holidays_show_their_names_and_the_optional_dutch_days_wait_for_a_tick() {
    let mut harness = example();
    // Beside each date of the example's list, in its order.
    let names: Vec<String> = harness
        .query_all_by_role(Role::Label)
        .filter_map(|node| {
            let node = node.accesskit_node();
            node.value().or_else(|| node.label()).map(|t| t.to_string())
        })
        .filter(|label| {
            [
                "Nieuwjaarsdag",
                "Goede Vrijdag",
                "Tweede Paasdag",
                "Koningsdag",
                "Bevrijdingsdag",
                "Hemelvaartsdag",
                "Tweede Pinksterdag",
                "own day off",
            ]
            .contains(&label.as_str())
        })
        .collect();
    assert_eq!(
        names,
        [
            "Nieuwjaarsdag",
            "Goede Vrijdag",
            "Tweede Paasdag",
            "Koningsdag",
            "Bevrijdingsdag",
            "Hemelvaartsdag",
            "Tweede Pinksterdag",
            "own day off"
        ]
    );

    let mut doc = SlaDocument::default();
    doc.scenarios[0].assumptions.holidays.clear();
    harness.state_mut().set_document(doc);
    harness.run();
    let holidays = |harness: &egui_kittest::Harness<'_, sla_planner::App>| {
        harness.state().document().scenarios[0]
            .assumptions
            .holidays
            .clone()
    };
    harness.get_by_label("Add to the list").click_accesskit();
    harness.run();
    let good_friday = NaiveDate::from_ymd_opt(2027, 3, 26).unwrap();
    let liberation = NaiveDate::from_ymd_opt(2027, 5, 5).unwrap();
    assert_eq!(holidays(&harness).len(), 9);
    assert!(!holidays(&harness).contains(&good_friday));
    harness
        .get_by_role_and_label(Role::CheckBox, "Also Good Friday")
        .click_accesskit();
    harness.run();
    harness.get_by_label("Add to the list").click_accesskit();
    harness.run();
    assert!(holidays(&harness).contains(&good_friday));
    assert!(!holidays(&harness).contains(&liberation));
    assert_eq!(holidays(&harness).len(), 10);
}
