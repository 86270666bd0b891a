//! Step 2 of the import: the headers, a preview of the first rows and, per column, its distinct
//! values and what its dates say about the order of day and month; the mapping it suggests.

use std::collections::BTreeMap;

use super::{
    CHECK_EVERY, Encoding, ImportError, MAX_DISTINCT, MAX_DISTINCT_BYTES, MAX_KEPT_BYTES,
    PREVIEW_ROWS, Progress,
    csv_text::{CsvText, next_row},
    order_evidence, set_status_kind, status_kind, suggest_columns, suggest_status,
};
use crate::document::{DateOrder, ImportField, ImportMapping};

/// What year-last dates in a column say about the order of day and month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateEvidence {
    /// Dates written with the year last.
    pub year_last: usize,
    /// Of those, how many have a first number above 12 (so the day comes first).
    pub day_first: usize,
    /// And how many a second number above 12 (the month comes first).
    pub month_first: usize,
    /// The first year-last date, to show how it reads each way.
    pub example: Option<String>,
}

impl DateEvidence {
    pub(super) fn add(&mut self, other: &Self) {
        self.year_last += other.year_last;
        self.day_first += other.day_first;
        self.month_first += other.month_first;
        if self.example.is_none() {
            self.example.clone_from(&other.example);
        }
    }

    /// The order the data settles: year-month-day when no date has the year last; day or
    /// month first when a number above 12 shows it and none contradicts it. `None`: the user
    /// must choose.
    pub fn settled(&self) -> Option<DateOrder> {
        match (self.year_last, self.day_first, self.month_first) {
            (0, _, _) => Some(DateOrder::YearMonthDay),
            (_, 1.., 0) => Some(DateOrder::DayMonthYear),
            (_, 0, 1..) => Some(DateOrder::MonthDayYear),
            _ => None,
        }
    }

    /// The order to read the file with: the user's explicit choice; else what the data
    /// settles; else the order remembered from the last import; else an error asking for it.
    /// Year-month-day cannot read year-last dates, so then it counts as no choice.
    pub fn resolve(
        &self,
        explicit: Option<DateOrder>,
        remembered: Option<DateOrder>,
    ) -> Result<DateOrder, ImportError> {
        let fits = |order: &DateOrder| self.year_last == 0 || *order != DateOrder::YearMonthDay;
        explicit
            .filter(fits)
            .or_else(|| self.settled())
            .or_else(|| remembered.filter(fits))
            .ok_or_else(|| ImportError::AmbiguousDates {
                example: self.example.clone().unwrap_or_default(),
            })
    }
}

/// One column of the file, summarised over every row.
#[derive(Clone, Debug, Default)]
pub struct ColumnSummary {
    /// Its distinct non-empty values (trimmed) with how many rows have each, up to
    /// [`MAX_DISTINCT`].
    pub values: BTreeMap<String, usize>,
    /// True when it has more distinct values than are kept.
    pub more_values: bool,
    pub dates: DateEvidence,
}

/// What the mapping step shows: the file's columns, its first rows and what each column holds.
#[derive(Clone, Debug)]
pub struct Preview {
    pub headers: Vec<String>,
    /// The first [`PREVIEW_ROWS`] rows with their line numbers.
    pub first_rows: Vec<(u64, Vec<String>)>,
    /// Rows after the header.
    pub rows: usize,
    pub columns: Vec<ColumnSummary>,
    pub delimiter: u8,
    pub encoding: Encoding,
}

/// Reads the whole file once for the mapping step. A file with only a header is an error:
/// there is nothing to map.
pub fn analyse(text: &CsvText, progress: &Progress) -> Result<Preview, ImportError> {
    progress.start(text.len());
    let (headers, mut reader) = text.header()?;
    let mut columns = vec![ColumnSummary::default(); headers.len()];
    let mut first_rows = Vec::new();
    let mut rows = 0;
    let mut kept_bytes = 0;
    let mut record = csv::StringRecord::new();
    // Empty lines count as rows, as the import counts them (skipped as empty).
    let mut next_line = reader.line();
    while let Some(row) = next_row(&mut reader, &mut record)? {
        rows += 1 + usize::try_from(row.line.saturating_sub(next_line)).unwrap_or(0);
        next_line = row.last_line + 1;
        if rows % CHECK_EVERY == 0 {
            if progress.is_cancelled() {
                return Err(ImportError::Cancelled);
            }
            progress.set(reader.bytes_read());
        }
        // A row that cannot be read says nothing about the columns; the import lists it.
        if row.problem.is_some() {
            continue;
        }
        if first_rows.len() < PREVIEW_ROWS {
            first_rows.push((row.line, record.iter().map(str::to_owned).collect()));
        }
        for (column, value) in columns.iter_mut().zip(record.iter()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if let Some(count) = column.values.get_mut(value) {
                *count += 1;
            } else if column.values.len() < MAX_DISTINCT
                && value.len() <= MAX_DISTINCT_BYTES
                && kept_bytes < MAX_KEPT_BYTES
            {
                kept_bytes += value.len();
                column.values.insert(value.to_owned(), 1);
            } else {
                column.more_values = true;
            }
            if let Some((day, month)) = order_evidence(value) {
                let dates = &mut column.dates;
                dates.year_last += 1;
                dates.day_first += usize::from(day);
                dates.month_first += usize::from(month);
                // The example shown is the first ambiguous date, else the first year-last one.
                let shown_is_settled = dates
                    .example
                    .as_deref()
                    .and_then(order_evidence)
                    .is_none_or(|(d, m)| d || m);
                if shown_is_settled && (dates.example.is_none() || (!day && !month)) {
                    dates.example = Some(value.to_owned());
                }
            }
        }
    }
    rows += usize::try_from(reader.line().saturating_sub(next_line)).unwrap_or(0);
    if rows == 0 {
        return Err(ImportError::HeaderOnly {
            columns: headers.join(", "),
        });
    }
    progress.set(text.len());
    Ok(Preview {
        headers,
        first_rows,
        rows,
        columns,
        delimiter: text.delimiter,
        encoding: text.encoding,
    })
}

/// The position of a header, compared trimmed and ignoring case.
pub(super) fn column_index(headers: &[String], name: &str) -> Option<usize> {
    let name = name.trim().to_lowercase();
    headers.iter().position(|h| h.trim().to_lowercase() == name)
}

impl Preview {
    pub fn column_index(&self, name: &str) -> Option<usize> {
        column_index(&self.headers, name)
    }

    pub(super) fn column_of(
        &self,
        mapping: &ImportMapping,
        field: ImportField,
    ) -> Option<&ColumnSummary> {
        let header = mapping.columns.get(&field)?;
        self.columns.get(self.column_index(header)?)
    }

    /// The remembered mapping completed for this file: a remembered column that this file does
    /// not have is replaced by the suggestion from the headers; status values not yet mapped
    /// get the suggested meaning. The date order stays as remembered (see
    /// [`DateEvidence::resolve`]).
    pub fn suggested_mapping(&self, remembered: &ImportMapping) -> ImportMapping {
        let suggested = suggest_columns(&self.headers);
        let mut mapping = remembered.clone();
        mapping.columns = ImportField::ALL
            .into_iter()
            .filter_map(|field| {
                let kept = remembered
                    .columns
                    .get(&field)
                    .filter(|c| self.column_index(c).is_some());
                let column = kept.or_else(|| suggested.get(&field))?;
                Some((field, column.clone()))
            })
            .collect();
        for (value, _) in self.statuses(&mapping) {
            if status_kind(&mapping, &value).is_none() {
                set_status_kind(&mut mapping, &value, suggest_status(&value));
            }
        }
        mapping
    }

    /// The distinct values of the status column, with how many rows have each.
    pub fn statuses(&self, mapping: &ImportMapping) -> Vec<(String, usize)> {
        self.column_of(mapping, ImportField::Status)
            .map(|c| c.values.iter().map(|(v, n)| (v.clone(), *n)).collect())
            .unwrap_or_default()
    }

    /// What the mapped date columns say about the order of day and month.
    pub fn date_evidence(&self, mapping: &ImportMapping) -> DateEvidence {
        let mut evidence = DateEvidence::default();
        for field in [
            ImportField::Created,
            ImportField::FirstContact,
            ImportField::Closed,
        ] {
            if let Some(column) = self.column_of(mapping, field) {
                evidence.add(&column.dates);
            }
        }
        evidence
    }
}
