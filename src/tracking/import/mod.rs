//! CRM import: a lead export (CSV, one row per lead) into actuals per day and lead source.
//!
//! Three steps, each usable on its own by the command line and by the app's dialog:
//! 1. [`CsvText::read`]: how the file's bytes are text — UTF-8 (with or without BOM, a few
//!    stray bytes read as Windows-1252), Windows-1252 (what Excel writes on a Dutch laptop) or
//!    UTF-16, decided from the whole file with evidence ([`CsvText::note`] says it) — and the
//!    delimiter (`,` `;` or tab, from the header). Nothing is kept but that decision: each
//!    step streams the file again, so memory does not grow with the file.
//! 2. [`analyse`]: the headers, a preview of the first rows and, per column, its distinct
//!    values (the status values to map) and what its dates say about the order of day and
//!    month; [`Preview::suggested_mapping`] fills in what the user has not settled.
//! 3. [`import`]: every row into [`SourceDay`] records, with each skipped row's lines and
//!    reason; [`apply`] puts them into the document: per day and source, only what the file
//!    holds is replaced (lead figures on the days its leads were created, customers and revenue
//!    on the days its deals closed), so importing a file twice gives the same document and an
//!    import never clears what another put on a day this file says nothing about.
//!
//! Egui-free; a large file runs on a worker through [`Job`] with [`Progress`] and cancel.

mod columns;
mod decode;
mod job;
mod lead;
mod rows;
mod values;

pub use columns::{
    StatusKind, normalise, set_status_kind, status_key, status_kind, suggest_columns,
    suggest_status,
};
pub use decode::{Encoding, Evidence};
pub use job::{Job, Progress};
pub use lead::{Aggregate, Fields, Lead, Statuses, read_lead};
pub use rows::{MAX_COLUMNS, MAX_FIELD_BYTES, MAX_ROW_BYTES, RowProblem};
pub use values::{When, order_evidence, parse_amount, parse_count, parse_when, year_outside_range};

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use chrono::NaiveDate;

use crate::document::{
    DateOrder, ImportField, ImportMapping, MAX_YEAR, MIN_YEAR, SlaDocument, SourceDay,
};
use crate::i18n::{Language, fill};
use crate::plan::{MAX_AMOUNT, ResponseClock};
use decode::{CHUNK, Decoder, fill as fill_from};
use rows::{Row, Rows, RowsError};

/// Rows shown in the mapping step's preview.
pub const PREVIEW_ROWS: usize = 8;
/// Distinct values kept per column: enough for every status a CRM has; a column with more
/// (names, ids, dates) is no status column.
pub const MAX_DISTINCT: usize = 100;
/// The longest value kept as a column's distinct value: a status is a few words; a column of
/// longer values (notes, names) is no status column.
const MAX_DISTINCT_BYTES: usize = 100;
/// Skipped rows listed with their lines and reasons; the others are counted.
pub const MAX_LISTED_SKIPPED: usize = 10_000;
/// The bytes of distinct values kept over all columns: the first columns' statuses are
/// summarised, and memory stays bounded whatever the number of columns.
const MAX_KEPT_BYTES: usize = 8_000_000;
/// Rows between two looks at the cancel flag and the progress.
const CHECK_EVERY: usize = 512;

/// Where the export's bytes are: every step reads them again from the start.
#[derive(Clone)]
enum Source {
    /// A file, with its size and time of change when it was first read: a file that changed
    /// between the steps is refused rather than read half old, half new.
    File {
        path: PathBuf,
        stamp: Stamp,
    },
    Memory(Arc<[u8]>),
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File { path, stamp } => {
                write!(f, "File({}, {} bytes)", path.display(), stamp.len)
            }
            Self::Memory(bytes) => write!(f, "Memory({} bytes)", bytes.len()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// A CRM export: where its bytes are, how they read as text, and its delimiter.
#[derive(Clone, Debug)]
pub struct CsvText {
    source: Source,
    pub delimiter: u8,
    pub encoding: Encoding,
    /// What the bytes showed about the encoding: the lines that are not UTF-8.
    pub evidence: Evidence,
}

impl CsvText {
    /// Reads bytes held in memory (tests, benchmarks, the fuzzer) as a file is read.
    pub fn decode(bytes: &[u8]) -> Result<Self, ImportError> {
        Self::with_source(Source::Memory(bytes.into()), &Progress::default())
    }

    /// Reads a file once, to decide its encoding and delimiter. Only regular files are read:
    /// a folder, a pipe (which could block forever) or a device (`/dev/zero` never ends) is
    /// refused before it is opened.
    pub fn read(path: &Path) -> Result<Self, ImportError> {
        Self::read_with(path, &Progress::default())
    }

    /// [`CsvText::read`] with its progress (the bytes of the file scanned) and cancel.
    pub fn read_with(path: &Path, progress: &Progress) -> Result<Self, ImportError> {
        let meta = std::fs::metadata(path).map_err(|e| unreadable(&e))?;
        if !meta.is_file() {
            return Err(ImportError::NotAFile {
                folder: meta.is_dir(),
            });
        }
        progress.start(meta.len());
        Self::with_source(
            Source::File {
                path: path.to_owned(),
                stamp: Stamp::of(&meta),
            },
            progress,
        )
    }

    fn with_source(source: Source, progress: &Progress) -> Result<Self, ImportError> {
        let mut text = Self {
            source,
            delimiter: b',',
            encoding: Encoding::Utf8,
            evidence: Evidence::default(),
        };
        let (encoding, evidence) = decode::detect(&mut *text.open()?, progress)?;
        text.encoding = encoding;
        text.evidence = evidence;
        text.delimiter = text.sniff()?;
        Ok(text)
    }

    /// The bytes from the start; a file that changed since it was first read is refused.
    fn open(&self) -> Result<Box<dyn Read + '_>, ImportError> {
        match &self.source {
            Source::Memory(bytes) => Ok(Box::new(&bytes[..])),
            Source::File { path, stamp } => {
                let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
                let now = file.metadata().map_err(|e| unreadable(&e))?;
                if Stamp::of(&now) != *stamp {
                    return Err(ImportError::Changed);
                }
                Ok(Box::new(file))
            }
        }
    }

    /// The delimiter of the first line that is not empty.
    fn sniff(&self) -> Result<u8, ImportError> {
        let mut source = self.open()?;
        let mut decoder = Decoder::new(self.encoding);
        let mut raw = vec![0; CHUNK];
        let mut text = Vec::new();
        loop {
            let read = fill_from(&mut *source, &mut raw).map_err(|e| unreadable(&e))?;
            let last = read < raw.len();
            decoder.decode(&raw[..read], last, &mut text);
            let start = text
                .iter()
                .position(|b| !matches!(b, b'\r' | b'\n'))
                .unwrap_or(text.len());
            let line_ends = text[start..].iter().any(|b| matches!(b, b'\r' | b'\n'));
            if last || line_ends || text.len() > MAX_ROW_BYTES {
                break;
            }
        }
        Ok(sniff_delimiter(
            String::from_utf8_lossy(&text).trim_start_matches(['\r', '\n']),
        ))
    }

    /// The file's rows, decoded as they are read.
    fn rows(&self) -> Result<Rows<'_>, ImportError> {
        Ok(Rows::new(
            self.open()?,
            Decoder::new(self.encoding),
            self.delimiter,
        ))
    }

    /// The header (trimmed) and the rows after it. Empty lines and lines of only blanks
    /// before it are skipped; a file of nothing else is empty.
    fn header(&self) -> Result<(Vec<String>, Rows<'_>), ImportError> {
        let mut rows = self.rows()?;
        let mut record = csv::StringRecord::new();
        loop {
            let Some(row) = next_row(&mut rows, &mut record)? else {
                return Err(ImportError::Empty);
            };
            if let Some(problem) = row.problem {
                return Err(ImportError::Header {
                    line: row.line,
                    problem,
                });
            }
            if record.iter().any(|field| !field.trim().is_empty()) {
                let headers: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
                rows.expect_columns(headers.len());
                return Ok((headers, rows));
            }
        }
    }

    /// The size of the file, for progress.
    fn len(&self) -> u64 {
        match &self.source {
            Source::File { stamp, .. } => stamp.len,
            Source::Memory(bytes) => bytes.len() as u64,
        }
    }

    /// What was decided about the encoding, in the user's words, when it is not plain UTF-8:
    /// "read as Windows-1252, because line 12 is not UTF-8".
    pub fn note(&self, file: &str, language: Language) -> Option<String> {
        let t = language.text();
        let lines = &self.evidence.lines;
        match self.encoding {
            Encoding::Utf8 | Encoding::Utf8WithBom if self.evidence.not_utf8 > 0 => {
                let mut listed: Vec<String> = lines.iter().map(u64::to_string).collect();
                if self.evidence.more_lines {
                    listed.push("…".to_owned());
                }
                let template = if listed.len() == 1 {
                    t.import_note_stray_line
                } else {
                    t.import_note_stray_lines
                };
                Some(fill(
                    template,
                    &[("file", file), ("lines", &listed.join(", "))],
                ))
            }
            Encoding::Utf8 | Encoding::Utf8WithBom => None,
            Encoding::Windows1252 => Some(fill(
                t.import_note_windows1252,
                &[
                    ("file", file),
                    ("line", &lines.first().copied().unwrap_or(1).to_string()),
                ],
            )),
            Encoding::Utf16Le | Encoding::Utf16Be => Some(fill(
                t.import_note_utf16,
                &[
                    ("file", file),
                    (
                        "encoding",
                        if self.encoding == Encoding::Utf16Le {
                            "UTF-16LE"
                        } else {
                            "UTF-16BE"
                        },
                    ),
                ],
            )),
        }
    }
}

fn unreadable(error: &std::io::Error) -> ImportError {
    ImportError::Unreadable {
        reason: error.to_string(),
    }
}

/// The next row, or why the file cannot be read on.
fn next_row(
    rows: &mut Rows<'_>,
    record: &mut csv::StringRecord,
) -> Result<Option<Row>, ImportError> {
    rows.next(record).map_err(|error| match error {
        RowsError::Io(e) => unreadable(&e),
        RowsError::UnclosedQuote(open) => ImportError::UnclosedQuote { line: open.line },
    })
}

/// The delimiter the header line uses most, outside quotes: tab, `;` or `,` (a tie goes in that
/// order: a Dutch header may hold a comma inside a name, rarely a tab). A single column: `,`.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b'\t', 0usize), (b';', 0), (b',', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some((_, count)) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    *count += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .filter(|(_, count)| *count > 0)
        .map_or(b',', |(d, _)| *d)
}

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
    fn add(&mut self, other: &Self) {
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
fn column_index(headers: &[String], name: &str) -> Option<usize> {
    let name = name.trim().to_lowercase();
    headers.iter().position(|h| h.trim().to_lowercase() == name)
}

impl Preview {
    pub fn column_index(&self, name: &str) -> Option<usize> {
        column_index(&self.headers, name)
    }

    fn column_of(&self, mapping: &ImportMapping, field: ImportField) -> Option<&ColumnSummary> {
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

/// Everything an import needs besides the file: the mapping, the settled date order and what
/// the document says about sources, reasons and the sales commitments.
#[derive(Clone, Debug)]
pub struct Settings {
    pub mapping: ImportMapping,
    pub date_order: DateOrder,
    /// The agreed plan's lead sources: a CRM source that matches one by [`source_key`] is
    /// stored under the plan's spelling.
    pub plan_sources: Vec<String>,
    /// The agreement's rejection reasons, matched the same way.
    pub rejection_reasons: Vec<String>,
    pub first_contact_within_hours: f64,
    /// How those hours are counted, as the agreement says.
    pub clock: ResponseClock,
    /// The agreed plan's holidays: no working hours pass on them.
    pub holidays: Vec<NaiveDate>,
    pub minimum_attempts: u32,
    /// The first and last day of the agreed plan's period: rows dated outside it are imported
    /// and reported ([`Imported::outside`]). `None`: no agreed plan, nothing is reported.
    pub period: Option<(NaiveDate, NaiveDate)>,
}

impl Settings {
    /// The settings of an import into `doc`, tracked against its agreed plan.
    pub fn for_document(doc: &SlaDocument, mapping: ImportMapping, date_order: DateOrder) -> Self {
        let plan_sources = doc
            .agreed()
            .map(|s| {
                s.assumptions
                    .lead_sources
                    .iter()
                    .map(|l| l.name.trim().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        Self {
            mapping,
            date_order,
            plan_sources,
            rejection_reasons: doc.rejection_reasons.clone(),
            first_contact_within_hours: doc.sales_commitments.first_contact_within_hours,
            clock: doc.sales_commitments.clock,
            holidays: doc
                .agreed()
                .map(|s| s.assumptions.holidays.clone())
                .unwrap_or_default(),
            minimum_attempts: doc.sales_commitments.minimum_attempts,
            period: doc
                .agreed()
                .and_then(|s| period_days(&s.assumptions.period)),
        }
    }
}

/// The first and last day of a plan's period; `None` when the period is out of range.
fn period_days(period: &crate::plan::Period) -> Option<(NaiveDate, NaiveDate)> {
    let months = period.month_list();
    let first = months.first()?.first_day();
    let last = months.last()?.end_exclusive().pred_opt()?;
    Some((first, last))
}

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
    fn unreadable(problem: &RowProblem, headers: &[String]) -> Self {
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
    fn count(outside: &mut Option<Self>, period: (NaiveDate, NaiveDate), days: &[NaiveDate]) {
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
    fn skip_empty_lines(&mut self, lines: std::ops::Range<u64>) {
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
fn days_count(count: usize, language: Language) -> String {
    let t = language.text();
    counted(count, t.one_day, t.n_days, language)
}

/// `one` or `many` with the count filled in as `{n}`.
fn counted(count: usize, one: &str, many: &str, language: Language) -> String {
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

/// The columns of the mapping, resolved to positions in the header.
struct Columns {
    index: BTreeMap<ImportField, usize>,
}

impl Columns {
    fn resolve(headers: &[String], mapping: &ImportMapping) -> Result<Self, ImportError> {
        let columns = headers.join(", ");
        let mut index = BTreeMap::new();
        for (field, column) in &mapping.columns {
            let i = column_index(headers, column).ok_or_else(|| ImportError::ColumnNotInFile {
                field: *field,
                column: column.clone(),
                columns: columns.clone(),
            })?;
            index.insert(*field, i);
        }
        if !index.contains_key(&ImportField::Created) {
            return Err(ImportError::NoCreatedColumn { columns });
        }
        Ok(Self { index })
    }

    /// The trimmed value of a field in a row; `None` when the field has no column.
    fn get<'r>(&self, record: &'r csv::StringRecord, field: ImportField) -> Option<&'r str> {
        self.index
            .get(&field)
            .and_then(|i| record.get(*i))
            .map(str::trim)
    }
}

/// One row of the file as the fields of a lead.
struct RowFields<'r, 'c> {
    record: &'r csv::StringRecord,
    columns: &'c Columns,
    headers: &'c [String],
}

impl<'r> Fields<'r> for RowFields<'r, '_> {
    fn value(&self, field: ImportField) -> Option<&'r str> {
        self.columns.get(self.record, field)
    }

    fn name(&self, field: ImportField) -> Option<String> {
        self.columns
            .index
            .get(&field)
            .and_then(|i| self.headers.get(*i))
            .cloned()
    }
}

/// Reads one row: a row of another length than the header, or of only blanks, is skipped;
/// the others are read as a lead.
fn read_row<'r>(
    record: &'r csv::StringRecord,
    columns: &Columns,
    headers: &[String],
    settings: &Settings,
    statuses: &Statuses,
) -> Result<Lead<'r>, SkipReason> {
    if record.len() != headers.len() {
        if record.iter().all(|f| f.trim().is_empty()) {
            return Err(SkipReason::Empty);
        }
        return Err(SkipReason::Columns {
            found: record.len(),
            expected: headers.len(),
        });
    }
    if record.iter().all(|f| f.trim().is_empty()) {
        return Err(SkipReason::Empty);
    }
    let fields = RowFields {
        record,
        columns,
        headers,
    };
    read_lead(&fields, settings, statuses, false)
}

/// Imports every row of the file into an [`Aggregate`] (see [`Aggregate::add`] for what a
/// lead adds to which day). A row that cannot be read is skipped with its line and reason; the
/// others are imported.
pub fn import(
    text: &CsvText,
    settings: &Settings,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    progress.start(text.len());
    let (headers, mut reader) = text.header()?;
    let columns = Columns::resolve(&headers, &settings.mapping)?;
    let statuses = Statuses::new(settings);
    let mut aggregate = Aggregate::new(settings);
    let mut result = Imported::default();
    let mut record = csv::StringRecord::new();
    let mut next_line = reader.line();
    while let Some(row) = next_row(&mut reader, &mut record)? {
        result.skip_empty_lines(next_line..row.line);
        next_line = row.last_line + 1;
        result.rows += 1;
        if result.rows % CHECK_EVERY == 0 {
            if progress.is_cancelled() {
                return Err(ImportError::Cancelled);
            }
            progress.set(reader.bytes_read());
        }
        let read = match &row.problem {
            Some(problem) => Err(SkipReason::unreadable(problem, &headers)),
            None => read_row(&record, &columns, &headers, settings, &statuses),
        };
        match read {
            Ok(lead) => aggregate.add(&lead),
            Err(reason) if result.skipped.len() < MAX_LISTED_SKIPPED => {
                result.skipped.push(Skipped {
                    line: row.line,
                    last_line: row.last_line,
                    reason,
                });
            }
            Err(_) => result.skipped_unlisted += 1,
        }
    }
    result.skip_empty_lines(next_line..reader.line());
    if result.rows == 0 {
        return Err(ImportError::HeaderOnly {
            columns: headers.join(", "),
        });
    }
    result.imported = aggregate.imported;
    result.outside = aggregate.outside.take();
    result.records = aggregate.records();
    progress.set(text.len());
    Ok(result)
}

/// Puts an import into the document: per day and source, only what the file holds is replaced
/// (see [`crate::document::Actuals::replace_held`]), so the same file twice gives the same
/// document; the mapping is remembered for the next one.
pub fn apply(doc: &mut SlaDocument, imported: &Imported, mapping: ImportMapping) {
    doc.actuals.replace_held(imported.records.clone());
    doc.tracking.import = mapping;
}
