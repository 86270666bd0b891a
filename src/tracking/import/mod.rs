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
mod csv_text;
mod decode;
mod job;
mod lead;
mod outcome;
mod preview;
mod rows;
mod values;

pub use columns::{
    StatusKind, normalise, set_status_kind, status_key, status_kind, suggest_columns,
    suggest_status,
};
pub use csv_text::CsvText;
pub use decode::{Encoding, Evidence};
pub use job::{Job, Progress};
pub use lead::{Aggregate, Fields, Lead, Statuses, read_lead};
pub use outcome::*;
pub use preview::*;
pub use rows::{MAX_COLUMNS, MAX_FIELD_BYTES, MAX_ROW_BYTES, RowProblem};
pub use values::{When, order_evidence, parse_amount, parse_count, parse_when, year_outside_range};

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::document::{DateOrder, ImportField, ImportMapping, SlaDocument};
use crate::plan::ResponseClock;
use csv_text::next_row;

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
