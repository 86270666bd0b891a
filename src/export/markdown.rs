//! The report as Markdown for a wiki or a mail: headings, pipe tables (numbers right-aligned),
//! notes, the tracking status in sentences with its hug-the-line chart and review as tables,
//! and warnings. User text is escaped so it cannot break a table or start markup.

use std::fmt::Write as _;

use super::html;
use crate::i18n::fill;
use crate::report::{Figure, PaceTable, Report, Table, Tracking};

/// `text` safe in Markdown: the characters that start markup or end a table cell are
/// backslash-escaped, `<` and `&` become entities (no raw HTML), new lines become spaces, and
/// control and explicit bidirectional formatting characters become U+FFFD (see
/// [`html::is_disruptive`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if html::is_disruptive(c) => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
    out
}

pub fn render(report: &Report) -> String {
    let t = report.language.text();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&report.title()));
    if !report.heading.company.trim().is_empty() {
        let _ = writeln!(out, "{}\n", escape(&report.heading.company));
    }
    if let Some(subtitle) = report.subtitle() {
        let _ = writeln!(out, "{}\n", escape(&subtitle));
    }
    if !report.agreement.is_empty() {
        let _ = writeln!(out, "## {}\n", escape(t.agreement_title));
        for section in &report.agreement {
            let _ = writeln!(out, "### {}\n", escape(&section.heading));
            for paragraph in &section.paragraphs {
                let _ = writeln!(out, "{}\n", escape(paragraph));
            }
        }
        if !report.signatures.is_empty() {
            let _ = writeln!(out, "### {}\n", escape(t.agreement_signatures_heading));
        }
        for signature in &report.signatures {
            let _ = writeln!(out, "**{}**\n", escape(&signature.party));
            for (label, value) in signature.lines(report.language) {
                let value = if value.is_empty() {
                    "\\_".repeat(20)
                } else {
                    escape(value)
                };
                let _ = writeln!(out, "- {}: {value}", escape(label));
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## {}\n", escape(t.report_figures));
    figures(&mut out, report, &report.figures);
    if !report.resources.is_empty() {
        figures(&mut out, report, &report.resources);
    }
    table(&mut out, report, &report.months);
    for note in &report.month_notes {
        let _ = writeln!(out, "_{}_\n", escape(note));
    }
    if let Some(before) = &report.leads_before_period {
        let _ = writeln!(out, "{}\n", escape(before));
    }
    for extra in report.detail_tables() {
        table(&mut out, report, extra);
    }
    if let Some(tracking) = &report.tracking {
        // The status in the same sentences as the HTML, so both show the same counts.
        let _ = writeln!(out, "## {}\n", escape(t.tracking_section));
        let _ = writeln!(out, "{}\n", escape(&tracking.text.heading));
        pace_table(&mut out, report, &tracking.pace);
        for block in &tracking.text.blocks {
            let _ = writeln!(out, "### {}\n", escape(&block.title));
            for line in &block.lines {
                let _ = writeln!(out, "- {}", escape(line));
            }
            out.push('\n');
        }
        if let Some(won) = &tracking.won {
            let _ = writeln!(out, "{}\n", escape(won));
        }
        tracking_tables(&mut out, report, tracking);
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "## {}\n", escape(t.warnings));
        for warning in &report.warnings {
            let _ = writeln!(out, "- {}", escape(warning));
        }
        out.push('\n');
    }
    out
}

fn figures(out: &mut String, report: &Report, figures: &[Figure]) {
    for figure in figures {
        let value = figure.value.show(report.language, &report.currency);
        let _ = writeln!(out, "- {}: **{}**", escape(&figure.label), escape(&value));
    }
    out.push('\n');
}

/// The pace of the month, the week and the period to date as a table, each span's state in
/// the last row, then the advice.
fn pace_table(out: &mut String, report: &Report, pace: &PaceTable) {
    let _ = writeln!(out, "{}\n", escape(&pace.working_days));
    let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let _ = writeln!(
        out,
        "{}",
        row(pace.columns.iter().map(|c| escape(c)).collect())
    );
    let _ = writeln!(out, "| --- | ---: | ---: | ---: |");
    for (label, cells) in &pace.rows {
        let mut line = vec![escape(label)];
        line.extend(
            cells
                .iter()
                .map(|c| escape(&c.show(report.language, &report.currency))),
        );
        let _ = writeln!(out, "{}", row(line));
    }
    let mut states = vec![escape(report.language.text().status_state)];
    states.extend(pace.states.iter().map(|s| escape(s.name(report.language))));
    let _ = writeln!(out, "{}\n", row(states));
    let _ = writeln!(out, "{}\n", escape(pace.advice));
}

/// The hug-the-line chart of the status month as a table of its days so far, then the
/// monthly review.
fn tracking_tables(out: &mut String, report: &Report, tracking: &Tracking) {
    let t = report.language.text();
    let title = fill(
        t.chart_hug_line,
        &[("month", &report.language.month(tracking.status.month))],
    );
    let _ = writeln!(out, "### {}\n", escape(&title));
    let _ = writeln!(out, "{}\n", escape(&tracking.hug.description));
    rows(out, report, &tracking.hug.table());
    if let Some(review) = &tracking.review {
        let _ = writeln!(out, "### {}\n", escape(&review.title));
        let _ = writeln!(out, "_{}_\n", escape(&review.note));
        rows(out, report, &review.table());
        if let Some(cohort) = &review.cohort {
            let _ = writeln!(out, "{}\n", escape(cohort));
        }
    }
}

fn table(out: &mut String, report: &Report, table: &Table) {
    let _ = writeln!(out, "## {}\n", escape(table.title));
    if !table.note.is_empty() {
        let _ = writeln!(out, "_{}_\n", escape(table.note));
    }
    rows(out, report, table);
}

/// A table's heading row and rows, numbers right-aligned.
fn rows(out: &mut String, report: &Report, table: &Table) {
    let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let _ = writeln!(
        out,
        "{}",
        row(table.columns.iter().map(|c| escape(c.label)).collect())
    );
    let _ = writeln!(
        out,
        "{}",
        row(table
            .columns
            .iter()
            .map(|c| if c.numeric { "---:" } else { "---" }.to_owned())
            .collect())
    );
    for cells in &table.rows {
        let cells = cells
            .iter()
            .map(|cell| escape(&cell.show(report.language, &report.currency)))
            .collect();
        let _ = writeln!(out, "{}", row(cells));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_markup_are_escaped() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<script>"), "&lt;script>");
        assert_eq!(escape("*bold*\nnext"), "\\*bold\\* next");
    }
}
