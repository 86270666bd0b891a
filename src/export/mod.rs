//! Renderers of the report model (`crate::report`): plain text for a terminal or the
//! clipboard, HTML (self-contained, with SVG charts), Markdown and CSV. Pure: a report in, text
//! out; no egui, no I/O. The same report gives byte-identical output every time.

pub mod csv;
pub mod html;
pub mod markdown;
mod svg;
pub mod text;

use crate::report::Report;

/// A file format the report can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    /// CSV of the months or, with `Rows::Weeks`, the ISO weeks.
    Csv(csv::Rows, csv::Dialect),
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Csv(..) => "csv",
        }
    }
}

/// The report in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Html => html::render(report),
        Format::Markdown => markdown::render(report),
        Format::Csv(rows, dialect) => csv::render(report, rows, dialect),
    }
}
