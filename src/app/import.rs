//! File ▸ Import leads from CRM (CSV)…: the mapping window. Reading and importing run on a
//! worker (`tracking::import::Job`) with a progress bar and Cancel, so the window never
//! freezes; the mapping step shows the first rows, a column per field, the date order when the
//! file does not settle it (with how a date reads each way) and what each status means. The
//! import changes the document in one frame, so it is one undo step; the mapping is
//! remembered in the document.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{ComboBox, Grid, RichText, ScrollArea, Ui};

use super::App;
use crate::document::{DateOrder, ImportField, ImportMapping, SlaDocument};
use crate::i18n::{Language, fill};
use crate::tracking::import::{
    self, CsvText, ImportError, Imported, Job, Preview, Settings, StatusKind, columns_count,
    field_label, leads_count, order_label, reading, set_status_kind, status_kind,
};

/// Skipped rows listed in the window; the rest are counted.
const SHOWN_SKIPPED: usize = 200;
/// Characters of a cell shown in the preview.
const CELL_CHARS: usize = 28;

type Read = Result<(Arc<CsvText>, Preview), ImportError>;

/// The mapping window and the work behind it.
#[derive(Debug)]
pub struct ImportDialog {
    name: String,
    stage: Stage,
}

#[derive(Debug)]
enum Stage {
    Reading(Job<Read>),
    Mapping(Box<Mapping>),
    Importing(Job<Result<Imported, ImportError>>, Box<Mapping>),
    Done(Imported),
    Failed(String),
}

/// The mapping step: the file, what it holds, and the user's choices so far.
#[derive(Debug)]
struct Mapping {
    text: Arc<CsvText>,
    preview: Preview,
    mapping: ImportMapping,
    /// The order the user chose; needed only when the file does not settle it.
    order: Option<DateOrder>,
    /// Why the last attempt did not import (cancelled, a column that is missing).
    message: Option<String>,
}

impl ImportDialog {
    /// Starts reading `path` on a worker.
    pub fn open(ctx: &egui::Context, path: &Path) -> Self {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let file: PathBuf = path.to_owned();
        let work = move |progress: &import::Progress| -> Read {
            let text = CsvText::read_with(&file, progress)?;
            let preview = import::analyse(&text, progress)?;
            Ok((Arc::new(text), preview))
        };
        let stage = match spawn(ctx, work) {
            Ok(job) => Stage::Reading(job),
            Err(message) => Stage::Failed(message),
        };
        Self { name, stage }
    }
}

pub(super) fn spawn<T: Send + 'static>(
    ctx: &egui::Context,
    work: impl FnOnce(&import::Progress) -> T + Send + 'static,
) -> Result<Job<T>, String> {
    let repaint = ctx.clone();
    Job::spawn(work, move || repaint.request_repaint()).map_err(|e| e.to_string())
}

/// What the window asks of the app this frame.
enum Outcome {
    Keep,
    Close,
    /// Put this import into the document (and remember the mapping).
    Apply(Imported, ImportMapping),
}

/// Draws the window, if one is open, and applies a finished import to the document.
pub fn show(app: &mut App, ctx: &egui::Context) {
    let Some(dialog) = app.import.as_mut() else {
        return;
    };
    let language = app.language;
    let editable = !app.editor.read_only();
    let t = language.text();
    let mut outcome = Outcome::Keep;
    let mut open = true;
    egui::Window::new(t.import_title)
        .id(egui::Id::unique("crm import"))
        .open(&mut open)
        .collapsible(false)
        .default_width(720.0)
        .max_height(ctx.content_rect().height() * 0.85)
        .show(ctx, |ui| {
            outcome = dialog.ui(ui, language, &app.editor.document, editable);
        });
    if !open {
        outcome = Outcome::Close;
    }
    match outcome {
        Outcome::Keep => {}
        Outcome::Close => {
            match &dialog.stage {
                Stage::Importing(job, _) => job.progress().cancel(),
                Stage::Reading(job) => job.progress().cancel(),
                _ => {}
            }
            app.import = None;
        }
        Outcome::Apply(imported, mapping) => {
            // The open document changes only if the result could be saved and opened again.
            let mut candidate = app.editor.document.clone();
            import::apply(&mut candidate, &imported, mapping);
            match crate::document::check_writable(&candidate) {
                Ok(()) => {
                    app.editor.document = candidate;
                    dialog.stage = Stage::Done(imported);
                }
                Err(error) => dialog.stage = Stage::Failed(error.describe(language)),
            }
        }
    }
}

impl ImportDialog {
    fn ui(
        &mut self,
        ui: &mut Ui,
        language: Language,
        doc: &SlaDocument,
        editable: bool,
    ) -> Outcome {
        let t = language.text();
        let stage = std::mem::replace(&mut self.stage, Stage::Failed(String::new()));
        let (stage, outcome) = match stage {
            Stage::Reading(job) => match job.poll() {
                None => {
                    ui.label(fill(t.import_reading, &[("file", &self.name)]));
                    if progress(ui, &job, t.cancel).is_some() {
                        job.progress().cancel();
                        (Stage::Failed(t.import_cancelled.to_owned()), Outcome::Close)
                    } else {
                        (Stage::Reading(job), Outcome::Keep)
                    }
                }
                Some(Ok(Ok((text, preview)))) => {
                    let mapping = preview.suggested_mapping(&doc.tracking.import);
                    let order = mapping.date_order;
                    ui.ctx().request_repaint();
                    let mapping = Mapping {
                        text,
                        preview,
                        mapping,
                        order,
                        message: None,
                    };
                    (Stage::Mapping(Box::new(mapping)), Outcome::Keep)
                }
                Some(Ok(Err(error))) => (
                    Stage::Failed(error.describe(&self.name, language)),
                    Outcome::Keep,
                ),
                Some(Err(())) => (Stage::Failed(t.import_cancelled.to_owned()), Outcome::Keep),
            },
            Stage::Mapping(mut mapping) => {
                let start = mapping_ui(ui, &mut mapping, &self.name, language, editable);
                if let Some(order) = start {
                    // Remembered with the rest of the mapping once the import is applied.
                    mapping.mapping.date_order = Some(order);
                }
                match start.map(|order| start_import(ui.ctx(), &mapping, doc, order)) {
                    Some(Ok(job)) => (Stage::Importing(job, mapping), Outcome::Keep),
                    Some(Err(message)) => {
                        mapping.message = Some(message);
                        (Stage::Mapping(mapping), Outcome::Keep)
                    }
                    None => (Stage::Mapping(mapping), Outcome::Keep),
                }
            }
            Stage::Importing(job, mut mapping) => match job.poll() {
                None => {
                    ui.label(t.import_importing);
                    if progress(ui, &job, t.cancel).is_some() {
                        job.progress().cancel();
                    }
                    (Stage::Importing(job, mapping), Outcome::Keep)
                }
                Some(Ok(Ok(imported))) if imported.imported > 0 => {
                    let remembered = mapping.mapping.clone();
                    (
                        Stage::Failed(String::new()),
                        Outcome::Apply(imported, remembered),
                    )
                }
                // Nothing to put in the document: the counts and skipped rows say why.
                Some(Ok(Ok(imported))) => (Stage::Done(imported), Outcome::Keep),
                Some(Ok(Err(error))) => {
                    mapping.message = Some(error.describe(&self.name, language));
                    (Stage::Mapping(mapping), Outcome::Keep)
                }
                Some(Err(())) => {
                    mapping.message = Some(t.import_cancelled.to_owned());
                    (Stage::Mapping(mapping), Outcome::Keep)
                }
            },
            Stage::Done(imported) => {
                let close = done_ui(ui, &imported, language);
                (
                    Stage::Done(imported),
                    if close { Outcome::Close } else { Outcome::Keep },
                )
            }
            Stage::Failed(message) => {
                ui.label(RichText::new(&message).strong());
                let close = ui.button(t.close).clicked();
                (
                    Stage::Failed(message),
                    if close { Outcome::Close } else { Outcome::Keep },
                )
            }
        };
        self.stage = stage;
        outcome
    }
}

/// A progress bar with Cancel; `Some(())` when Cancel was clicked. Keeps the frames coming
/// while the worker runs (it also asks for a repaint each percent).
pub(super) fn progress<T: Send + 'static>(ui: &mut Ui, job: &Job<T>, cancel: &str) -> Option<()> {
    ui.add(egui::ProgressBar::new(job.progress().fraction()).show_percentage());
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(100));
    ui.button(cancel).clicked().then_some(())
}

/// Starts the import of the mapped file on a worker.
fn start_import(
    ctx: &egui::Context,
    mapping: &Mapping,
    doc: &SlaDocument,
    order: DateOrder,
) -> Result<Job<Result<Imported, ImportError>>, String> {
    let settings = Settings::for_document(doc, mapping.mapping.clone(), order);
    let text = Arc::clone(&mapping.text);
    spawn(ctx, move |progress| {
        import::import(&text, &settings, progress)
    })
}

/// The mapping step. Returns the date order to import with when Import was clicked.
fn mapping_ui(
    ui: &mut Ui,
    mapping: &mut Mapping,
    name: &str,
    language: Language,
    editable: bool,
) -> Option<DateOrder> {
    let t = language.text();
    let preview = &mapping.preview;
    ui.label(fill(
        t.import_file_summary,
        &[
            ("file", name),
            ("leads", &leads_count(preview.rows, language)),
            ("columns", &columns_count(preview.headers.len(), language)),
        ],
    ));
    if let Some(note) = mapping.text.note(name, language) {
        ui.label(note);
    }
    let mut start = None;
    // Most of the screen's height: the whole mapping fits on a laptop without scrolling.
    let height = (ui.ctx().content_rect().height() * 0.65).max(200.0);
    ScrollArea::vertical()
        .max_height(height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.heading(t.import_preview_heading);
            preview_table(ui, preview, t.import_line_header);
            ui.add_space(8.0);
            ui.heading(t.import_columns_heading);
            columns_ui(ui, &mut mapping.mapping, preview, language);
            ui.add_space(8.0);
            ui.heading(t.import_dates_heading);
            let evidence = preview.date_evidence(&mapping.mapping);
            match evidence.settled() {
                Some(order) => {
                    ui.label(fill(
                        t.import_dates_settled,
                        &[("order", order_label(order, language))],
                    ));
                }
                None => {
                    let example = evidence.example.clone().unwrap_or_default();
                    ui.label(fill(t.import_dates_question, &[("example", &example)]));
                    for order in [DateOrder::DayMonthYear, DateOrder::MonthDayYear] {
                        let text = fill(
                            t.import_dates_reads_as,
                            &[
                                ("order", order_label(order, language)),
                                ("example", &example),
                                ("date", &reading(&example, order)),
                            ],
                        );
                        ui.radio_value(&mut mapping.order, Some(order), text);
                    }
                }
            }
            ui.add_space(8.0);
            ui.heading(t.import_statuses_heading);
            statuses_ui(ui, &mut mapping.mapping, preview, language);
            start = evidence.resolve(mapping.order, None).ok();
        });
    if let Some(message) = &mapping.message {
        ui.colored_label(ui.visuals().warn_fg_color, message);
    }
    if !editable {
        ui.label(t.import_read_only);
    }
    let ready =
        editable && start.is_some() && mapping.mapping.columns.contains_key(&ImportField::Created);
    let clicked = ui
        .add_enabled(ready, egui::Button::new(t.import_start))
        .clicked();
    start.filter(|_| clicked)
}

/// The first rows of the file, with their line numbers.
fn preview_table(ui: &mut Ui, preview: &Preview, line: &str) {
    ScrollArea::horizontal()
        .id_salt("import preview")
        .show(ui, |ui| {
            Grid::new("import preview grid")
                .striped(true)
                .show(ui, |ui| {
                    ui.label(RichText::new(line).strong());
                    for header in &preview.headers {
                        ui.label(RichText::new(short(header)).strong());
                    }
                    ui.end_row();
                    for (number, row) in &preview.first_rows {
                        ui.label(number.to_string());
                        for cell in row {
                            ui.label(short(cell));
                        }
                        ui.end_row();
                    }
                });
        });
}

/// A cell cut to [`CELL_CHARS`] characters, so one long note does not widen the table.
fn short(cell: &str) -> String {
    let cell = cell.trim();
    if cell.chars().count() <= CELL_CHARS {
        return cell.to_owned();
    }
    let mut cut: String = cell.chars().take(CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// A combo box per field: which column holds it, or none.
fn columns_ui(ui: &mut Ui, mapping: &mut ImportMapping, preview: &Preview, language: Language) {
    let none = language.text().import_no_column;
    Grid::new("import columns")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for field in ImportField::ALL {
                let label = ui.label(field_label(field, language));
                let mut chosen = mapping.columns.get(&field).cloned();
                ComboBox::from_id_salt(("import column", field.key()))
                    .selected_text(chosen.as_deref().unwrap_or(none))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, none);
                        for header in &preview.headers {
                            ui.selectable_value(&mut chosen, Some(header.clone()), header);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if chosen.as_ref() != mapping.columns.get(&field) {
                    match chosen {
                        Some(column) => mapping.columns.insert(field, column),
                        None => mapping.columns.remove(&field),
                    };
                    if field == ImportField::Status {
                        *mapping = preview.suggested_mapping(mapping);
                    }
                }
                ui.end_row();
            }
        });
}

/// The name of a status kind on screen.
pub(super) fn kind_label(kind: StatusKind, language: Language) -> &'static str {
    let t = language.text();
    match kind {
        StatusKind::Accepted => t.import_status_accepted,
        StatusKind::Rejected => t.import_status_rejected,
        StatusKind::Customer => t.import_status_customer,
        StatusKind::Other => t.import_status_other,
    }
}

/// A combo box per distinct status value: accepted, rejected, customer or other.
fn statuses_ui(ui: &mut Ui, mapping: &mut ImportMapping, preview: &Preview, language: Language) {
    let t = language.text();
    let statuses = preview.statuses(mapping);
    if !mapping.columns.contains_key(&ImportField::Status) {
        ui.label(t.import_no_status_column);
        return;
    }
    Grid::new("import statuses")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (value, count) in statuses {
                let label = ui.label(fill(
                    t.import_status_value,
                    &[("value", &value), ("leads", &leads_count(count, language))],
                ));
                let before = status_kind(mapping, &value).unwrap_or(StatusKind::Other);
                let mut kind = before;
                ComboBox::from_id_salt(("import status", &value))
                    .selected_text(kind_label(kind, language))
                    .show_ui(ui, |ui| {
                        for choice in StatusKind::ALL {
                            ui.selectable_value(&mut kind, choice, kind_label(choice, language));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if kind != before {
                    set_status_kind(mapping, &value, kind);
                }
                ui.end_row();
            }
        });
}

/// The result: counts, the skipped rows with their line and reason, Close. True on Close.
fn done_ui(ui: &mut Ui, imported: &Imported, language: Language) -> bool {
    let t = language.text();
    let n = language.numbers();
    let count = |value: usize| n.decimal(value as f64, 0);
    ui.label(RichText::new(imported.counts(language)).strong());
    if imported.imported > 0 {
        ui.label(fill(
            t.import_done,
            &[("replaced", &imported.replaced(language))],
        ));
    }
    if let Some(outside) = &imported.outside {
        ui.label(outside.describe(language));
    }
    if !imported.skipped.is_empty() {
        ui.heading(t.import_skipped_heading);
        ScrollArea::vertical()
            .max_height(300.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for skipped in imported.skipped.iter().take(SHOWN_SKIPPED) {
                    ui.label(skipped.describe(language));
                }
                let more = imported.skipped_count().saturating_sub(SHOWN_SKIPPED);
                if more > 0 {
                    ui.label(fill(t.import_more_skipped, &[("count", &count(more))]));
                }
            });
    }
    ui.button(t.close).clicked()
}
