//! `sla-planner import DOC CSV`: a CRM lead export into the document's actuals, through the same
//! importer as the app's dialog (`crate::tracking::import`). The mapping remembered in the
//! document is used and updated; `--map` and `--date-order` settle what it cannot.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::ValueEnum;

use super::Outcome;
use super::update::Update;
use crate::document::{DateOrder, ImportField, ImportMapping};
use crate::i18n::{Language, fill};
use crate::tracking::import::{self, CsvText, ImportError, Imported, Preview, Progress, Settings};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The SLA file (.sla.ron) to update; replaced atomically.
    pub doc: PathBuf,
    /// The CRM's lead export: CSV, one row per lead, with a header line.
    pub csv: PathBuf,
    #[arg(
        long = "map",
        value_name = "FIELD=COLUMN",
        value_parser = parse_map,
        help = "The column (by its header) of a field: created, source, first_contact, attempts, \
                status, reason, closed or amount. Repeat for more fields."
    )]
    pub map: Vec<(ImportField, String)>,
    /// How dates such as 03/04/2027 are read, when the file does not settle it.
    #[arg(long, value_enum)]
    pub date_order: Option<OrderArg>,
    /// Read and report, but leave DOC unchanged.
    #[arg(long)]
    pub dry_run: bool,
}

/// The orders of `--date-order`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// Day, month, year: 15/01/2027.
    Dmy,
    /// Month, day, year: 01/15/2027.
    Mdy,
    /// Year, month, day: 2027-01-15.
    Ymd,
}

impl From<OrderArg> for DateOrder {
    fn from(order: OrderArg) -> Self {
        match order {
            OrderArg::Dmy => Self::DayMonthYear,
            OrderArg::Mdy => Self::MonthDayYear,
            OrderArg::Ymd => Self::YearMonthDay,
        }
    }
}

/// `FIELD=COLUMN`, e.g. `created=Create Date`.
fn parse_map(text: &str) -> Result<(ImportField, String), String> {
    let names: Vec<&str> = ImportField::ALL.iter().map(|f| f.key()).collect();
    let (field, column) = text
        .split_once('=')
        .ok_or_else(|| format!("“{text}” is not FIELD=COLUMN, e.g. created=Create Date"))?;
    let field = ImportField::from_key(field.trim()).ok_or_else(|| {
        format!(
            "“{}” is not a field; use one of {}",
            field.trim(),
            names.join(", ")
        )
    })?;
    if column.trim().is_empty() {
        return Err(format!("“{text}” names no column"));
    }
    Ok((field, column.trim().to_owned()))
}

/// The mapping of this import: the remembered one with `--map` over it, completed from the
/// file, and the date order (`--date-order`, else the file's dates, else the remembered one:
/// then `true`, to say so).
fn settle(
    args: &ImportArgs,
    remembered: &ImportMapping,
    preview: &Preview,
) -> Result<(ImportMapping, DateOrder, bool), ImportError> {
    let mut remembered = remembered.clone();
    remembered.columns.extend(args.map.iter().cloned());
    let mut mapping = preview.suggested_mapping(&remembered);
    // An explicit column stays even when the file lacks it: the import then says so.
    mapping.columns.extend(args.map.iter().cloned());
    let evidence = preview.date_evidence(&mapping);
    let explicit = args.date_order.map(DateOrder::from);
    let order = evidence.resolve(explicit, remembered.date_order)?;
    // Neither the data nor --date-order settled it: the order came from the last import.
    let from_memory = evidence.settled().is_none() && explicit != Some(order);
    mapping.date_order = Some(order);
    Ok((mapping, order, from_memory))
}

/// Why the import stopped (exit 1), with a hint at the option that settles it.
fn explain(error: &ImportError, csv_name: &str, language: Language) -> Outcome {
    let t = language.text();
    let mut text = error.describe(csv_name, language);
    let hint = match error {
        ImportError::NoCreatedColumn { .. } => Some(fill(
            t.cli_import_map_hint,
            &[("field", ImportField::Created.key())],
        )),
        ImportError::ColumnNotInFile { field, .. } => {
            Some(fill(t.cli_import_map_hint, &[("field", field.key())]))
        }
        ImportError::AmbiguousDates { .. } => Some(t.cli_import_order_hint.to_owned()),
        _ => None,
    };
    if let Some(hint) = hint {
        text.push(' ');
        text.push_str(&hint);
    }
    text.push('\n');
    Outcome::fail(text)
}

/// What goes to standard error besides a failure: how the file's text was read, each skipped
/// row with its line and reason, and how many more were skipped.
fn notes(text: &CsvText, imported: &Imported, csv_name: &str, language: Language) -> String {
    let mut stderr = String::new();
    if let Some(note) = text.note(csv_name, language) {
        let _ = writeln!(stderr, "{note}");
    }
    for skipped in &imported.skipped {
        let _ = writeln!(stderr, "{csv_name}: {}", skipped.describe(language));
    }
    if imported.skipped_unlisted > 0 {
        let more = language
            .numbers()
            .decimal(imported.skipped_unlisted as f64, 0);
        let _ = writeln!(
            stderr,
            "{}",
            fill(language.text().import_more_skipped, &[("count", &more)])
        );
    }
    stderr
}

/// Reads the export, imports it and, unless `--dry-run`, saves the document. Exit 0 when rows
/// were imported; 1 when none could be, or a file cannot be read or written.
pub fn run_import(args: &ImportArgs, language: Language) -> Outcome {
    let t = language.text();
    let doc_name = args.doc.display().to_string();
    let csv_name = args.csv.display().to_string();
    let mut update = match Update::open(&args.doc, language) {
        Ok(update) => update,
        Err(message) => return Outcome::fail(message),
    };
    let doc = &mut update.doc;
    let explain = |error: &ImportError| explain(error, &csv_name, language);
    let progress = Progress::default();
    let read = CsvText::read(&args.csv).and_then(|text| {
        let preview = import::analyse(&text, &progress)?;
        Ok((text, preview))
    });
    let (text, preview) = match read {
        Ok(read) => read,
        Err(error) => return explain(&error),
    };
    let (mapping, order, from_memory) = match settle(args, &doc.tracking.import, &preview) {
        Ok(settled) => settled,
        Err(error) => return explain(&error),
    };
    let settings = Settings::for_document(doc, mapping.clone(), order);
    let imported = match import::import(&text, &settings, &progress) {
        Ok(imported) => imported,
        Err(error) => return explain(&error),
    };
    let mut stdout = imported.counts(language);
    stdout.push('\n');
    if from_memory {
        let order = import::order_label(order, language);
        let _ = writeln!(
            stdout,
            "{}",
            fill(t.cli_import_order_remembered, &[("order", order)])
        );
    }
    if let Some(outside) = &imported.outside {
        let _ = writeln!(stdout, "{}", outside.describe(language));
    }
    let mut stderr = notes(&text, &imported, &csv_name, language);
    if imported.imported == 0 {
        let _ = writeln!(
            stderr,
            "{}",
            fill(t.cli_import_nothing, &[("file", &doc_name)])
        );
        return Outcome {
            stdout,
            stderr,
            code: 1,
        };
    }
    if args.dry_run {
        let _ = writeln!(
            stdout,
            "{}",
            fill(t.cli_import_dry_run, &[("file", &doc_name)])
        );
        return Outcome {
            stdout,
            stderr,
            code: 0,
        };
    }
    let replaced = imported.replaced(language);
    import::apply(doc, &imported, mapping);
    if let Err(message) = update.save(language) {
        let _ = writeln!(
            stdout,
            "{}",
            fill(t.cli_import_not_saved, &[("file", &doc_name)])
        );
        return Outcome {
            stdout,
            stderr: stderr + &message,
            code: 1,
        };
    }
    let _ = writeln!(
        stdout,
        "{}",
        fill(
            t.cli_import_saved,
            &[("file", &doc_name), ("replaced", &replaced)]
        )
    );
    Outcome {
        stdout,
        stderr,
        code: 0,
    }
}
