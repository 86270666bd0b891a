//! The tracking section of the HTML export: present with actuals, absent without, every name
//! escaped, and the charts drawn from the tracking series.

use crate::support::day;
use scraper::{Html, Selector};
use sla_planner::document::{Measure, SlaDocument, SourceDay};
use sla_planner::export::{self, Format};
use sla_planner::i18n::Language;
use sla_planner::plan::compute;
use sla_planner::report::Report;

fn report(doc: &SlaDocument, language: Language) -> Report {
    let scenario = doc.agreed().unwrap();
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
    Report::of_document(doc, scenario.id, &plan, language)
}

/// The default plan with actuals in January and February 2027, one source named like markup.
fn tracked() -> SlaDocument {
    let mut doc = SlaDocument::default();
    for (m, d) in [(1, 4), (1, 12), (1, 20), (2, 2), (2, 9)] {
        doc.actuals
            .set(day(m, d), "<b>Web</b>", Measure::Leads, 9.0);
        doc.actuals
            .set(day(m, d), "<b>Web</b>", Measure::ContactedInTime, 8.0);
    }
    let mut rejected = SourceDay::new(day(2, 9), "Events");
    rejected.leads = 2;
    rejected.rejected = 2;
    rejected.rejected_reasons = [("<script>".to_owned(), 2)].into();
    doc.actuals.replace_held(vec![rejected]);
    doc
}

#[test]
fn without_actuals_there_is_no_tracking_section() {
    let report = report(&SlaDocument::default(), Language::English);
    assert_eq!(report.tracking, None);
    let html = export::render(&report, Format::Html);
    assert!(!html.contains("Tracking"));
}

#[test]
fn with_actuals_the_html_has_the_status_and_four_tracking_charts() {
    let report = report(&tracked(), Language::English);
    let tracking = report.tracking.as_ref().unwrap();
    assert_eq!(tracking.date, day(2, 9), "the last day with data");
    assert_eq!(tracking.hug.points.len(), 28, "February");
    for chart in &tracking.follow_up {
        assert_eq!(chart.labels.len(), 2, "January and February so far");
    }
    let html = export::render(&report, Format::Html);
    assert!(!html.contains("<script>"), "the reason is escaped");
    assert!(html.contains("&lt;script&gt; 2"));
    let page = Html::parse_document(&html);
    let sections: Vec<_> = page
        .select(&Selector::parse("section").unwrap())
        .filter(|s| s.text().any(|t| t == "Tracking"))
        .collect();
    assert_eq!(sections.len(), 1);
    let svgs = sections[0].select(&Selector::parse("svg").unwrap()).count();
    assert_eq!(
        svgs, 4,
        "hug the line; contacted in time, attempts, accepted and rejected"
    );
    let dots = sections[0]
        .select(&Selector::parse("circle").unwrap())
        .count();
    assert_eq!(dots, 9, "one dot per day of February up to the 9th");
    assert!(html.contains("Status on 2027-02-09, February 2027: working day 7 of 20, 13 left."));
    let dutch = export::render(&report_of_dutch(), Format::Html);
    assert!(
        dutch.contains("Voortgang")
            && dutch.contains("Leads tegen de lijn van het plan, februari 2027")
    );
}

// Issue 18, point 11: the dots' colours are in the legend, and a name cut short under its
// bars is there in full on hover.
#[test]
fn the_exported_charts_name_their_colours_and_their_long_names() {
    let html = export::render(&report(&tracked(), Language::English), Format::Html);
    let page = Html::parse_document(&html);
    let dots: std::collections::BTreeSet<String> = page
        .select(&Selector::parse("circle").unwrap())
        .filter_map(|e| e.value().attr("fill").map(str::to_owned))
        .collect();
    let keys: std::collections::BTreeSet<String> = page
        .select(&Selector::parse(".legend .key").unwrap())
        .filter_map(|e| {
            e.value()
                .attr("style")?
                .strip_prefix("background:")
                .map(str::to_owned)
        })
        .collect();
    assert!(!dots.is_empty());
    assert!(dots.is_subset(&keys), "dots {dots:?} without a legend key");
    let mut doc = SlaDocument::example().unwrap();
    doc.actuals = Default::default();
    let html = export::render(&report(&doc, Language::English), Format::Html);
    assert!(html.contains("<title>Whitepaper downloads</title>Whitepaper do…"));
}

fn report_of_dutch() -> Report {
    report(&tracked(), Language::Dutch)
}

/// The figures of the Markdown export, "- label: **value**", by label.
fn markdown_figures(markdown: &str) -> Vec<(String, String)> {
    markdown
        .lines()
        .filter_map(|line| {
            let (label, value) = line.strip_prefix("- ")?.split_once(": **")?;
            Some((label.to_owned(), value.strip_suffix("**")?.to_owned()))
        })
        .collect()
}

/// The results panel and the export render one description of the key figures: for the
/// example with its results, and with a source without a cost per lead (a budget that is a
/// lower bound, "at least" in both), every figure the panel shows has the export's value.
#[test]
fn the_window_shows_the_figures_the_export_prints() {
    use crate::support;
    for without_a_cost in [false, true] {
        let mut doc = SlaDocument::example().unwrap();
        assert!(!doc.actuals.is_empty(), "the example has results");
        let agreed = doc.agreed().unwrap().id;
        if without_a_cost {
            let scenario = doc.scenarios.iter_mut().find(|s| s.id == agreed).unwrap();
            scenario.assumptions.lead_sources[0].cost_per_lead = None;
        }
        let mut harness = support::example();
        harness.state_mut().set_document(doc.clone());
        harness.run();
        let exported = markdown_figures(&export::render(
            &report(&doc, Language::English),
            Format::Markdown,
        ));
        let shown: Vec<(String, String)> = [
            "Marketing revenue target",
            "Customers needed",
            "Leads needed",
            "Value per lead",
            "Leads per month (average)",
            "Leads per week (average)",
            "Leads per working day (average)",
            "Lead-to-customer rate",
            "Marketing budget",
            "Cost per customer",
            "Return on marketing spend",
            "Capacity used",
            "Reps needed (busiest month)",
        ]
        .iter()
        .map(|label| ((*label).to_owned(), support::value(&harness, label)))
        .collect();
        for (label, value) in &shown {
            let export = exported.iter().find(|(l, _)| l == label);
            assert_eq!(
                export.map(|(_, v)| v),
                Some(value),
                "{label} (without a cost: {without_a_cost})"
            );
        }
        let budget = shown.iter().find(|(l, _)| l == "Marketing budget");
        assert_eq!(
            budget.is_some_and(|(_, v)| v.starts_with("at least ")),
            without_a_cost,
            "{budget:?}"
        );
        let roms = shown.iter().find(|(l, _)| l == "Return on marketing spend");
        assert_eq!(
            roms.is_some_and(|(_, v)| v.starts_with("at most ")),
            without_a_cost,
            "{roms:?}"
        );
    }
}

/// The Report tab and the export render one forecast, one "won so far" and one hug-the-line
/// chart (issue 16): on the example's last day with results, every chance and 80 % range
/// the window shows is in the export's line for its span, the won sentence is the same, and
/// the month chart's description for screen readers is the one the export prints over its
/// table of days.
#[test]
fn the_window_shows_the_forecast_and_chart_the_export_prints() {
    use crate::support;
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;
    let doc = SlaDocument::example().unwrap();
    let report = report(&doc, Language::English);
    let tracking = report.tracking.as_ref().unwrap();
    let markdown = export::render(&report, Format::Markdown);
    let mut harness = support::example();
    harness.state_mut().set_document(doc.clone());
    harness.run();
    support::press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Num3);
    let scenario = doc.agreed().unwrap();
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
    let choice = sla_planner::report::StatusChoice {
        date: tracking.date,
        quantity: sla_planner::tracking::Quantity::Leads,
        source: None,
        by: sla_planner::tracking::Granularity::Month,
    };
    let view =
        sla_planner::report::status_view(&doc, scenario.id, &plan, &choice, Language::English);
    let table = view.forecast.as_ref().unwrap();
    assert_eq!(table.rows.len(), 4, "month, quarter, period, customers");
    for row in &table.rows {
        harness.get_by_label(&row.chance);
        harness.get_by_label(&row.range);
        assert!(
            markdown.contains(&format!("- {}", row.line)),
            "{}",
            row.line
        );
        let percent = row.chance.split(' ').next().unwrap();
        assert!(
            row.line.contains(&format!("{percent} chance")),
            "{}",
            row.line
        );
    }
    let won = view.won.as_ref().unwrap();
    harness.get_by_label(won);
    assert_eq!(tracking.won.as_ref(), Some(won));
    assert!(markdown.contains(won.as_str()));
    let month = view.month.as_ref().unwrap();
    assert_eq!(month.description, tracking.hug.description);
    harness.get_by_role_and_label(Role::Image, &month.description);
    assert!(markdown.contains(&tracking.hug.description));
    let last = month
        .points
        .iter()
        .rev()
        .find(|p| p.actual.is_some())
        .unwrap();
    let hover = last.hover(Language::English);
    assert!(
        markdown.contains(&format!(
            "| {} | {} | {} | {} |",
            hover[0],
            last.actual_text.as_ref().unwrap(),
            last.ideal_text,
            last.band_text
        )),
        "{hover:?}"
    );
}
