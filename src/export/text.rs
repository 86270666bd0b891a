//! The report as plain text for a terminal or the clipboard: figures aligned under each
//! other, tables in columns (numbers right-aligned), months and weeks in their short ISO form.

use std::fmt::Write as _;

use crate::report::{Figure, Report, Table};

/// Cells longer than this many characters are shortened with "…" in a terminal table: a
/// source name of thousands of characters would otherwise widen every line of its table. The
/// exports (HTML, Markdown, CSV) keep every name whole.
const MAX_CELL_CHARS: usize = 60;

/// The command line's summary: title, figures, the month table, stages, sources, budget and
/// capacity, warnings. Weeks are left out (53 lines); the exports have them.
pub fn summary(report: &Report) -> String {
    let mut out = String::new();
    if let Some(name) = &report.heading.scenario {
        let _ = writeln!(out, "{name}\n");
    }
    figures(&mut out, report, &report.figures);
    out.push('\n');
    table(&mut out, report, &report.months);
    for extra in [&report.stages, &report.sources].into_iter().flatten() {
        out.push('\n');
        table(&mut out, report, extra);
    }
    if !report.resources.is_empty() {
        out.push('\n');
        figures(&mut out, report, &report.resources);
    }
    warnings(&mut out, report);
    out
}

/// The agreement in sentences, for the clipboard or a mail: title, sections, paragraphs.
pub fn agreement(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", report.title());
    if let Some(subtitle) = report.subtitle() {
        let _ = writeln!(out, "{subtitle}");
    }
    let t = report.language.text();
    for section in &report.agreement {
        let _ = writeln!(out, "\n{}", section.heading);
        for paragraph in &section.paragraphs {
            let _ = writeln!(out, "{paragraph}");
        }
        if section.month_table {
            let _ = writeln!(out, "\n{}", t.agreement_month_table);
            table(&mut out, report, &report.months);
        }
    }
    if !report.signatures.is_empty() {
        let _ = writeln!(out, "\n{}", t.agreement_signatures_heading);
    }
    for signature in &report.signatures {
        let _ = writeln!(out, "\n{}", signature.party);
        for (label, value) in signature.lines(report.language) {
            let value = if value.is_empty() {
                SIGNATURE_LINE
            } else {
                value
            };
            let _ = writeln!(out, "{label}: {value}");
        }
    }
    out
}

/// A line to write on, in a plain-text agreement.
const SIGNATURE_LINE: &str = "______________________________";

fn figures(out: &mut String, report: &Report, figures: &[Figure]) {
    let width = figures
        .iter()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(0);
    for figure in figures {
        let value = figure.value.compact(report.language, &report.currency);
        pad(out, &figure.label, width, Align::Left);
        let _ = writeln!(out, "  {value}");
    }
}

/// A table in columns two spaces apart, each as wide as its widest cell.
pub fn table(out: &mut String, report: &Report, table: &Table) {
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| shortened(&cell.compact(report.language, &report.currency)))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            rows.iter()
                .filter_map(|row| row.get(i))
                .map(|cell| cell.chars().count())
                .chain([column.label.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for ((cell, column), width) in cells.zip(&table.columns).zip(&widths) {
            if !text.is_empty() {
                text.push_str("  ");
            }
            let align = if column.numeric {
                Align::Right
            } else {
                Align::Left
            };
            pad(&mut text, cell, *width, align);
        }
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(out, &mut table.columns.iter().map(|c| c.label));
    for row in &rows {
        line(out, &mut row.iter().map(String::as_str));
    }
}

/// `text` for a terminal: control and explicit bidirectional formatting characters (which
/// could move the cursor or reverse the line) as U+FFFD, and its first characters and "…"
/// when it is longer than [`MAX_CELL_CHARS`].
fn shortened(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| {
            if super::html::is_disruptive(c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect();
    if text.chars().count() <= MAX_CELL_CHARS {
        return text;
    }
    let mut short: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
    short.push('…');
    short
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

/// Writes `cell` padded with spaces to `width` characters. By hand rather than with
/// `{:<width$}`: the formatter aborts the program on a width above 65,535.
fn pad(out: &mut String, cell: &str, width: usize, align: Align) {
    let spaces = " ".repeat(width.saturating_sub(cell.chars().count()));
    match align {
        Align::Left => {
            out.push_str(cell);
            out.push_str(&spaces);
        }
        Align::Right => {
            out.push_str(&spaces);
            out.push_str(cell);
        }
    }
}

fn warnings(out: &mut String, report: &Report) {
    if report.warnings.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", report.language.text().warnings);
    for warning in &report.warnings {
        let _ = writeln!(out, "  • {warning}");
    }
}
