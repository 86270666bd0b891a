//! CSV of the months or the ISO weeks: one header row, then one row per month or week.
//! Numbers are plain and exact, dates ISO 8601 (2027-01, 2027-W03, 2027-01-18). A count has
//! two columns: its whole target as every screen shows it ("Leads"), and the plan's exact
//! number beside it ("Leads (exact)"); each adds up, in order, to its total exactly (the whole
//! targets to the rounded-up total, the exact numbers to the plan's).

use crate::i18n::fill;
use crate::report::{Cell, Report, Table};

/// The separators of the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    /// `,` between fields and `.` in numbers: what most programs read.
    #[default]
    Comma,
    /// `;` between fields and `,` in numbers, with a byte-order mark: what Excel with Dutch
    /// settings opens by double-clicking (it reads `,` as the decimal separator there).
    Semicolon,
}

/// Which table the file holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rows {
    #[default]
    Months,
    Weeks,
}

/// The table as CSV. Text that a spreadsheet would run as a formula (see [`safe`]) gets a
/// leading `'`, so a source named `=HYPERLINK(…)` stays text.
pub fn render(report: &Report, rows: Rows, dialect: Dialect) -> String {
    let table = match rows {
        Rows::Months => &report.months,
        Rows::Weeks => &report.weeks,
    };
    let (delimiter, decimal) = match dialect {
        Dialect::Comma => (b',', '.'),
        Dialect::Semicolon => (b';', ','),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let counts = count_columns(table);
    let exact = report.language.text().csv_exact_column;
    let headers = table.columns.iter().zip(&counts).flat_map(|(c, &count)| {
        let mut labels = vec![safe(c.label)];
        if count {
            labels.push(safe(&fill(exact, &[("column", c.label)])));
        }
        labels
    });
    // Writing to memory cannot fail; what reached the buffer is returned either way.
    let _ = writer.write_record(headers);
    for record in records(table, decimal) {
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    match dialect {
        Dialect::Comma => text,
        Dialect::Semicolon => format!("\u{feff}{text}"),
    }
}

/// Which columns hold counts (and get an exact column beside their whole one).
fn count_columns(table: &Table) -> Vec<bool> {
    (0..table.columns.len())
        .map(|i| {
            table
                .rows
                .iter()
                .any(|row| matches!(row.get(i), Some(Cell::Count { .. })))
        })
        .collect()
}

fn records(table: &Table, decimal: char) -> impl Iterator<Item = Vec<String>> + '_ {
    let counts = count_columns(table);
    table.rows.iter().map(move |row| {
        row.iter()
            .zip(&counts)
            .flat_map(|(cell, &count)| match cell {
                Cell::Text(text) => vec![safe(text)],
                Cell::Count { whole, .. } if count => vec![whole.to_string(), cell.raw(decimal)],
                other if count => vec![other.raw(decimal), String::new()],
                other => vec![other.raw(decimal)],
            })
            .collect()
    })
}

/// Text a spreadsheet would take for a formula, quoted with a leading apostrophe: text that
/// starts with `=`, `+`, `-` or `@` — also in their full-width forms (＝ ＋ － ＠), which
/// spreadsheets in East Asian locales accept — even after spaces or tabs, and text that starts
/// with a tab or a line break.
pub fn safe(text: &str) -> String {
    let formula = |c: char| matches!(c, '=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠');
    let first = text.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    if text.starts_with(['\t', '\r', '\n']) || first.starts_with(formula) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_text() {
        assert_eq!(safe("=1+1"), "'=1+1");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("-2"), "'-2");
        assert_eq!(safe("Webinars"), "Webinars");
        assert_eq!(safe("＝1+1"), "'＝1+1");
        assert_eq!(safe("＠SUM(A1)"), "'＠SUM(A1)");
        assert_eq!(safe("  =1+1"), "'  =1+1");
        assert_eq!(safe("\t=1"), "'\t=1");
        assert_eq!(safe(" \u{3000}+1"), "' \u{3000}+1");
        assert_eq!(safe("Beurs München"), "Beurs München");
    }
}
