//! What an import did and why not: skipped rows with their reasons, the days replaced, leads
//! outside the period and the errors that stop an import, each put into the user's words.

use chrono::NaiveDate;

use super::rows::RowProblem;
use super::{MAX_COLUMNS, MAX_FIELD_BYTES, MAX_LISTED_SKIPPED, MAX_ROW_BYTES, parse_when, values};
use crate::document::{DateOrder, ImportField, MAX_YEAR, MIN_YEAR, SourceDay};
use crate::i18n::{Language, fill};
use crate::plan::MAX_AMOUNT;

/// Why a row was not imported.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    /// The row has another number of fields than the header.
    Columns {
        found: usize,
        expected: usize,
    },
    /// Every field is empty.
    Empty,
    /// The created date is empty.
    NoCreated {
        column: String,
    },
    BadDate {
        column: String,
        value: String,
        order: DateOrder,
    },
    /// A date whose year lies outside the years a document can hold.
    YearOutOfRange {
        column: String,
        value: String,
        year: i32,
    },
    BadCount {
        column: String,
        value: String,
    },
    BadAmount {
        column: String,
        value: String,
    },
    /// An amount above the largest a plan takes ([`MAX_AMOUNT`]): a typo or a unit mix-up,
    /// and summed it would make the day's revenue meaningless (or infinite).
    AmountTooLarge {
        column: String,
        value: String,
    },
    /// A customer without the day the deal closed: it cannot be counted on a day.
    /// `column` is `None` when no column is mapped to the close date.
    NoCloseDate {
        status: String,
        column: Option<String>,
    },
    /// A quote that opened on line `opened` swallowed the lines after it (see
    /// [`RowProblem::QuoteSpansRows`]).
    QuoteSpansRows {
        opened: u64,
    },
    /// The row is longer than `limit` bytes.
    TooLong {
        limit: usize,
    },
    /// The row has more than `limit` columns.
    TooManyColumns {
        limit: usize,
    },
    /// The field of `column` is longer than `limit` bytes.
    FieldTooLong {
        column: String,
        limit: usize,
    },
}

impl SkipReason {
    /// Why a row that could not be read as a row is skipped; `headers` name its columns
    /// (a column beyond them by its number).
    pub(super) fn unreadable(problem: &RowProblem, headers: &[String]) -> Self {
        match problem {
            RowProblem::QuoteSpansRows { opened } => Self::QuoteSpansRows { opened: *opened },
            RowProblem::TooLong => Self::TooLong {
                limit: MAX_ROW_BYTES,
            },
            RowProblem::TooManyColumns => Self::TooManyColumns { limit: MAX_COLUMNS },
            RowProblem::FieldTooLong { column } => Self::FieldTooLong {
                column: headers
                    .get(*column)
                    .cloned()
                    .unwrap_or_else(|| (column + 1).to_string()),
                limit: MAX_FIELD_BYTES,
            },
        }
    }
}

/// A row that was not imported: its lines in the file (1-based, the header is line 1) and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub line: u64,
    /// The line the row ends on: after `line` when a quoted field holds line breaks.
    pub last_line: u64,
    pub reason: SkipReason,
}

/// What an import found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// Records per day and source, sorted by day and source key.
    pub records: Vec<SourceDay>,
    /// The first [`MAX_LISTED_SKIPPED`] skipped rows.
    pub skipped: Vec<Skipped>,
    /// Skipped rows beyond those: counted, not kept, so a file of bad rows cannot fill the
    /// memory with reasons.
    pub skipped_unlisted: usize,
    /// Rows after the header.
    pub rows: usize,
    /// Rows that counted.
    pub imported: usize,
    /// Imported rows dated outside the agreed plan's period, if any.
    pub outside: Option<Outside>,
}

/// Imported rows with a day outside the agreed plan's period (a lead created, or a deal
/// closed, before or after it): kept, but not tracked against the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outside {
    pub rows: usize,
    /// The earliest and latest such day.
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The plan's period.
    pub period: (NaiveDate, NaiveDate),
}

impl Outside {
    /// Counts a row whose days are `days`, if any lies outside `period`.
    pub(super) fn count(
        outside: &mut Option<Self>,
        period: (NaiveDate, NaiveDate),
        days: &[NaiveDate],
    ) {
        let (start, end) = period;
        let mut found = days.iter().filter(|d| **d < start || **d > end).peekable();
        if found.peek().is_none() {
            return;
        }
        let entry = outside.get_or_insert(Self {
            rows: 0,
            first: NaiveDate::MAX,
            last: NaiveDate::MIN,
            period,
        });
        entry.rows += 1;
        for day in found {
            entry.first = entry.first.min(*day);
            entry.last = entry.last.max(*day);
        }
    }

    /// "2 rows are dated outside the agreed plan's period (…), from … to …."
    pub fn describe(&self, language: Language) -> String {
        let t = language.text();
        let (from, to) = (values::iso(self.period.0), values::iso(self.period.1));
        let (first, last) = (values::iso(self.first), values::iso(self.last));
        let text = if self.rows == 1 {
            t.import_outside_one
        } else {
            t.import_outside_many
        };
        fill(
            text,
            &[
                ("count", &language.numbers().decimal(self.rows as f64, 0)),
                ("from", &from),
                ("to", &to),
                ("first", &first),
                ("last", &last),
            ],
        )
    }
}

impl Imported {
    /// Empty lines among the rows: each one a row read and skipped as empty, listed like the
    /// rows of only blanks (the `csv` grammar has no row for an empty line).
    pub(super) fn skip_empty_lines(&mut self, lines: std::ops::Range<u64>) {
        for line in lines {
            self.rows += 1;
            if self.skipped.len() < MAX_LISTED_SKIPPED {
                self.skipped.push(Skipped {
                    line,
                    last_line: line,
                    reason: SkipReason::Empty,
                });
            } else {
                self.skipped_unlisted += 1;
            }
        }
    }

    /// Every skipped row, listed or not.
    pub fn skipped_count(&self) -> usize {
        self.skipped.len() + self.skipped_unlisted
    }

    /// The days whose lead figures [`apply`] replaces (for the sources the file has leads of
    /// that day), and the days whose customers and revenue it replaces.
    pub fn held_days(&self) -> (usize, usize) {
        let days = |holds: fn(&SourceDay) -> bool| {
            let mut days: Vec<_> = self
                .records
                .iter()
                .filter(|r| holds(r))
                .map(|r| r.date)
                .collect();
            days.dedup();
            days.len()
        };
        (days(|r| r.leads > 0), days(|r| r.customers > 0))
    }

    /// "4 rows read, 4 imported, 0 skipped."
    pub fn counts(&self, language: Language) -> String {
        let t = language.text();
        let count = |value: usize| language.numbers().decimal(value as f64, 0);
        let text = if self.rows == 1 {
            t.import_summary_one_row
        } else {
            t.import_summary
        };
        fill(
            text,
            &[
                ("read", &count(self.rows)),
                ("imported", &count(self.imported)),
                ("skipped", &count(self.skipped_count())),
            ],
        )
    }

    /// What [`apply`] replaced: "the lead figures of 3 days and the customers and revenue of
    /// 1 day now hold this file's results, …; every other day, source and figure is kept."
    pub fn replaced(&self, language: Language) -> String {
        let (lead_days, close_days) = self.held_days();
        fill(
            language.text().import_replaced,
            &[
                ("lead_days", &days_count(lead_days, language)),
                ("close_days", &days_count(close_days, language)),
            ],
        )
    }
}

/// Why a file could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file cannot be read: {reason}")]
    Unreadable { reason: String },
    #[error("the file is empty")]
    Empty,
    #[error("the file has only a header: {columns}")]
    HeaderOnly { columns: String },
    #[error("no column for the created date")]
    NoCreatedColumn { columns: String },
    #[error("no column {column} for {field:?}")]
    ColumnNotInFile {
        field: ImportField,
        column: String,
        columns: String,
    },
    #[error("ambiguous dates such as {example}")]
    AmbiguousDates { example: String },
    #[error("the header on line {line} cannot be read: {problem:?}")]
    Header { line: u64, problem: RowProblem },
    #[error("the quote opened on line {line} is never closed")]
    UnclosedQuote { line: u64 },
    #[error("not a regular file")]
    NotAFile { folder: bool },
    #[error("the file changed while it was read")]
    Changed,
    #[error("cancelled")]
    Cancelled,
}

/// The field's name as the user sees it.
pub fn field_label(field: ImportField, language: Language) -> &'static str {
    let t = language.text();
    match field {
        ImportField::Created => t.import_field_created,
        ImportField::Source => t.import_field_source,
        ImportField::FirstContact => t.import_field_first_contact,
        ImportField::Attempts => t.import_field_attempts,
        ImportField::Status => t.import_field_status,
        ImportField::Reason => t.import_field_reason,
        ImportField::Closed => t.import_field_closed,
        ImportField::Amount => t.import_field_amount,
    }
}

/// "1 lead", "3 leads" in the user's language.
pub fn leads_count(count: usize, language: Language) -> String {
    let t = language.text();
    counted(count, t.import_one_lead, t.import_n_leads, language)
}

/// "1 column", "4 columns".
pub fn columns_count(count: usize, language: Language) -> String {
    let t = language.text();
    counted(count, t.import_one_column, t.import_n_columns, language)
}

/// "1 day", "31 days".
pub(super) fn days_count(count: usize, language: Language) -> String {
    let t = language.text();
    counted(count, t.one_day, t.n_days, language)
}

/// `one` or `many` with the count filled in as `{n}`.
pub(super) fn counted(count: usize, one: &str, many: &str, language: Language) -> String {
    let text = if count == 1 { one } else { many };
    fill(text, &[("n", &language.numbers().decimal(count as f64, 0))])
}

/// The order's name as the user sees it: "day-month-year".
pub fn order_label(order: DateOrder, language: Language) -> &'static str {
    let t = language.text();
    match order {
        DateOrder::DayMonthYear => t.import_order_dmy,
        DateOrder::MonthDayYear => t.import_order_mdy,
        DateOrder::YearMonthDay => t.import_order_ymd,
    }
}

/// How `example` reads in `order`: the ISO date, or the example itself when it is no date
/// in that order.
pub fn reading(example: &str, order: DateOrder) -> String {
    parse_when(example, order).map_or_else(|| example.to_owned(), |w| values::iso(w.date))
}

impl ImportError {
    /// The error in the user's words; `file` names the export.
    pub fn describe(&self, file: &str, language: Language) -> String {
        let t = language.text();
        match self {
            Self::Unreadable { reason } => {
                fill(t.import_unreadable, &[("file", file), ("reason", reason)])
            }
            Self::Empty => fill(t.import_empty, &[("file", file)]),
            Self::HeaderOnly { columns } => fill(
                t.import_header_only,
                &[("file", file), ("columns", columns)],
            ),
            Self::NoCreatedColumn { columns } => fill(
                t.import_no_created,
                &[
                    ("file", file),
                    ("columns", columns),
                    ("field", field_label(ImportField::Created, language)),
                ],
            ),
            Self::ColumnNotInFile {
                field,
                column,
                columns,
            } => fill(
                t.import_column_missing,
                &[
                    ("file", file),
                    ("column", column),
                    ("field", field_label(*field, language)),
                    ("columns", columns),
                ],
            ),
            Self::AmbiguousDates { example } => fill(
                t.import_ambiguous_dates,
                &[
                    ("file", file),
                    ("example", example),
                    ("day_first", &reading(example, DateOrder::DayMonthYear)),
                    ("month_first", &reading(example, DateOrder::MonthDayYear)),
                ],
            ),
            Self::Header { line, problem } => fill(
                t.import_csv_error,
                &[
                    ("file", file),
                    ("line", &line.to_string()),
                    (
                        "reason",
                        &SkipReason::unreadable(problem, &[]).describe(language),
                    ),
                ],
            ),
            Self::UnclosedQuote { line } => fill(
                t.import_unclosed_quote,
                &[("file", file), ("line", &line.to_string())],
            ),
            Self::NotAFile { folder: true } => fill(t.import_folder, &[("file", file)]),
            Self::NotAFile { folder: false } => fill(t.import_special, &[("file", file)]),
            Self::Changed => fill(t.import_changed, &[("file", file)]),
            Self::Cancelled => t.import_cancelled.to_owned(),
        }
    }
}

impl SkipReason {
    /// The reason in the user's words, naming the column and the value found.
    pub fn describe(&self, language: Language) -> String {
        let t = language.text();
        let n = language.numbers();
        match self {
            Self::Columns { found, expected } => fill(
                t.import_skip_columns,
                &[
                    ("found", &columns_count(*found, language)),
                    ("expected", &n.decimal(*expected as f64, 0)),
                ],
            ),
            Self::Empty => t.import_skip_empty.to_owned(),
            Self::NoCreated { column } => fill(t.import_skip_no_created, &[("column", column)]),
            Self::BadDate {
                column,
                value,
                order,
            } => fill(
                t.import_skip_bad_date,
                &[
                    ("column", column),
                    ("value", value),
                    ("order", order_label(*order, language)),
                ],
            ),
            Self::YearOutOfRange {
                column,
                value,
                year,
            } => fill(
                t.import_skip_year,
                &[
                    ("column", column),
                    ("value", value),
                    ("year", &year.to_string()),
                    ("min", &MIN_YEAR.to_string()),
                    ("max", &MAX_YEAR.to_string()),
                ],
            ),
            Self::BadCount { column, value } => fill(
                t.import_skip_bad_count,
                &[("column", column), ("value", value)],
            ),
            Self::BadAmount { column, value } => fill(
                t.import_skip_bad_amount,
                &[("column", column), ("value", value)],
            ),
            Self::AmountTooLarge { column, value } => fill(
                t.import_skip_amount_too_large,
                &[
                    ("column", column),
                    ("value", value),
                    ("max", &language.numbers().decimal(MAX_AMOUNT, 0)),
                ],
            ),
            Self::NoCloseDate { status, column } => fill(
                t.import_skip_no_close_date,
                &[
                    ("status", status),
                    (
                        "column",
                        column
                            .as_deref()
                            .unwrap_or(field_label(ImportField::Closed, language)),
                    ),
                ],
            ),
            Self::QuoteSpansRows { opened } => {
                fill(t.import_skip_quote, &[("opened", &opened.to_string())])
            }
            Self::TooLong { limit } => fill(
                t.import_skip_too_long,
                &[("limit", &n.decimal(*limit as f64, 0))],
            ),
            Self::TooManyColumns { limit } => fill(
                t.import_skip_too_many_columns,
                &[("limit", &n.decimal(*limit as f64, 0))],
            ),
            Self::FieldTooLong { column, limit } => fill(
                t.import_skip_field_too_long,
                &[("column", column), ("limit", &n.decimal(*limit as f64, 0))],
            ),
        }
    }
}

impl Skipped {
    /// "Line 7: …", or "Lines 3–10: …" for a row over several lines.
    pub fn describe(&self, language: Language) -> String {
        let t = language.text();
        let reason = self.reason.describe(language);
        if self.last_line > self.line {
            fill(
                t.import_lines,
                &[
                    ("first", &self.line.to_string()),
                    ("last", &self.last_line.to_string()),
                    ("reason", &reason),
                ],
            )
        } else {
            fill(
                t.import_line,
                &[("line", &self.line.to_string()), ("reason", &reason)],
            )
        }
    }
}
