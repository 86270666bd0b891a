//! Every count the window shows for the example — results panel, Compare, Report and
//! Agreement — is the same count as in the HTML and Markdown exports (issue 17, point 6).

use crate::support::{options, value, window};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use sla_planner::App;
use sla_planner::document::SlaDocument;
use sla_planner::export::{self, Format};
use sla_planner::i18n::Language;
use sla_planner::plan::compute;
use sla_planner::report::Report;

/// The texts of the window in the order of its accessibility tree: labels, and the values of
/// text nodes, each once (egui gives a wrapped label's text again line by line; those
/// repeats are left out).
fn texts(harness: &Harness<'_, App>) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        let text = node.value().or_else(|| node.label()).map(|t| t.to_string());
        if let Some(text) = text.filter(|t| !t.trim().is_empty())
            && texts.last() != Some(&text)
        {
            texts.push(text);
        }
    }
    texts
}

/// Shows tab `label` in a window tall enough for every table.
fn tab(harness: &mut Harness<'_, App>, label: &str) -> Vec<String> {
    harness.get_by_label(label).click();
    harness.run();
    harness.run();
    texts(harness)
}

/// The text after `label` in `texts` (the value of a grid row, the first column's cell).
fn after<'a>(texts: &'a [String], label: &str) -> &'a str {
    let i = texts
        .iter()
        .position(|t| t == label)
        .unwrap_or_else(|| panic!("no {label:?} in {texts:#?}"));
    &texts[i + 1]
}

/// The cells of the Markdown table row that starts with `first`.
fn md_row<'a>(markdown: &'a str, first: &str) -> Vec<&'a str> {
    let line = markdown
        .lines()
        .find(|l| l.starts_with(&format!("| {first} |")))
        .unwrap_or_else(|| panic!("no row {first} in the Markdown"));
    line.trim_matches('|').split(" | ").map(str::trim).collect()
}

/// The value of the Markdown figure `label` ("- Leads needed: **1,100**").
fn md_figure<'a>(markdown: &'a str, label: &str) -> &'a str {
    let start = format!("- {label}: **");
    let line = markdown.lines().find(|l| l.starts_with(&start)).unwrap();
    line[start.len()..].trim_end_matches("**")
}

/// `html` has the table row made of `cells` (as the HTML writes numbers, and a month or a
/// name — the user's text isolated in `<bdi>` — first).
fn html_has_row(html: &str, cells: &[&str]) -> bool {
    let Some((first, numbers)) = cells.split_first() else {
        return false;
    };
    // Each cell names its column for a phone (` data-label="Leads"`); the values are the point.
    let mut html = html.to_owned();
    while let Some(start) = html.find(" data-label=\"") {
        let end = html[start + 13..]
            .find('"')
            .map_or(html.len(), |e| start + 14 + e);
        html.replace_range(start..end, "");
    }
    let numbers: String = numbers
        .iter()
        .map(|c| format!("<td class=\"n\">{c}</td>"))
        .collect();
    [
        format!("<td>{first}</td>"),
        format!("<td><bdi>{first}</bdi></td>"),
    ]
    .iter()
    .any(|first| html.contains(&format!("<tr>{first}{numbers}</tr>")))
}

#[test]
fn every_count_in_the_window_is_the_count_of_the_exports() {
    let document = SlaDocument::example().unwrap();
    let agreed = document.agreed().unwrap();
    let plan = compute(&agreed.assumptions, &document.sales_commitments).unwrap();
    let report = Report::of_document(&document, agreed.id, &plan, Language::English);
    let markdown = export::render(&report, Format::Markdown);
    let html = export::render(&report, Format::Html);

    let mut harness = window(
        options(|_| {}),
        egui::vec2(1600.0, 2400.0),
        egui::Theme::Dark,
    );

    // The results panel and the key figures.
    for label in ["Customers needed", "Leads needed"] {
        let shown = value(&harness, label);
        assert_eq!(shown, md_figure(&markdown, label), "{label}");
        assert!(
            html.contains(&format!(
                "<th scope=\"row\">{label}</th><td class=\"n\">{shown}</td>"
            )),
            "{label}: {shown}"
        );
    }
    // Next month in the results panel: January's whole targets in the month table.
    let january = md_row(&markdown, "January 2027");
    assert_eq!(value(&harness, "Customers in January 2027"), january[4]);
    assert_eq!(value(&harness, "Leads in January 2027"), january[5]);

    // Marketing ▸ lead sources: each source's whole leads, as the sources table exports them.
    let marketing = tab(&mut harness, "1 Marketing");
    for source in &plan.sources {
        let row = md_row(&markdown, &source.name);
        assert!(html_has_row(&html, &row), "{row:?}");
        let value_per_lead = row[2];
        let i = marketing
            .iter()
            .position(|t| t == value_per_lead)
            .unwrap_or_else(|| panic!("{value_per_lead} in {marketing:#?}"));
        assert_eq!(marketing[i + 1], row[3], "{}", source.name);
    }

    // Compare: the agreed plan's column is the first after each row's name.
    let compare = tab(&mut harness, "5 Compare");
    for label in ["Customers needed", "Leads needed"] {
        assert_eq!(
            after(&compare, label),
            md_figure(&markdown, label),
            "{label}"
        );
    }

    // Report ▸ Targets: every month's counts, the leads before the period and the warnings,
    // as in both exports.
    harness.get_by_label("3 Report").click();
    harness.run();
    let targets = tab(&mut harness, "Targets");
    let joined = targets.join("\n");
    for month in plan.months.iter().map(|m| Language::English.month(m.month)) {
        let row = md_row(&markdown, &month);
        let i = targets.iter().position(|t| *t == month).unwrap();
        assert_eq!(&targets[i..i + row.len()], row.as_slice(), "{month}");
        assert!(html_has_row(&html, &row), "{month}: {row:?}");
    }
    let before = report.leads_before_period.as_deref().unwrap();
    for text in [md_line(&markdown, before), html_line(&html, before)] {
        assert!(joined.contains(text), "{text}");
    }
    for warning in &report.warnings {
        assert!(markdown.contains(&format!("- {warning}")), "{warning}");
        assert!(html.contains(&format!("<li>{warning}</li>")), "{warning}");
        assert!(joined.contains(warning.as_str()), "{warning}");
    }

    // Report ▸ Where we stand: goal, actual, expected and projected leads of the month, the
    // ISO week and the period to date are those of the status sentences in both exports.
    let status = tab(&mut harness, "Where we stand");
    let tracking = report.tracking.as_ref().unwrap();
    let grid_row = |label: &str| -> Vec<String> {
        let i = status.iter().position(|t| t == label).unwrap();
        status[i + 1..i + 4].to_vec()
    };
    let (goal, actual, expected, projected) = (
        grid_row("Goal"),
        grid_row("Actual so far"),
        grid_row("Expected by now"),
        grid_row("Projected at this pace"),
    );
    for (i, block) in tracking.text.blocks.iter().take(3).enumerate() {
        let sentence = format!(
            "Leads: {} of {} (expected by now {}, projected {};",
            actual[i], goal[i], expected[i], projected[i]
        );
        assert!(
            block.lines[0].starts_with(&sentence),
            "{sentence} ≠ {:?}",
            block.lines[0]
        );
        assert!(markdown.contains(&format!("- {sentence}")), "{sentence}");
        assert!(html.contains(&format!("<p>{sentence}")), "{sentence}");
    }

    // The agreement: every sentence with a number reads the same on the tab and in both exports.
    let agreement = tab(&mut harness, "7 Agreement").join("\n");
    let sentences: Vec<&String> = report
        .agreement
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.chars().any(|c| c.is_ascii_digit()))
        .collect();
    assert!(sentences.iter().any(|s| s.contains("1,100 leads")));
    for sentence in sentences {
        assert!(agreement.contains(sentence.as_str()), "tab: {sentence}");
        assert!(markdown.contains(sentence.as_str()), "Markdown: {sentence}");
        assert!(html.contains(&html_text(sentence)), "HTML: {sentence}");
    }
}

/// `text` as the Markdown writes it (the line that holds it).
fn md_line<'a>(markdown: &'a str, text: &'a str) -> &'a str {
    assert!(markdown.contains(text), "Markdown lacks {text}");
    text
}

/// `text` as the HTML writes it.
fn html_line<'a>(html: &str, text: &'a str) -> &'a str {
    assert!(html.contains(&html_text(text)), "HTML lacks {text}");
    text
}

/// `text` escaped as the HTML export escapes it.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
