//! The monthly review of the Report tab: observed against assumed with the data behind each
//! figure (`crate::tracking::review`), "Adopt observed values" as a revision of the agreed plan,
//! and the history of revisions, each of which opens read-only.

use chrono::NaiveDate;
use egui::{Grid, RichText, Ui};

use super::super::action::{Action, Sender};
use super::super::widgets::Fields;
use super::section;
use crate::document::{Revision, Scenario, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::{Plan, compute};
use crate::report::{ReviewTable, review_table, revision_lines, revision_name};
use crate::tracking::{Review, adopt, review};

/// What the review section keeps between frames: the author and note of the next revision and
/// the revision open for reading.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    author: String,
    note: String,
    /// The index in `revisions` of the revision shown read-only.
    open: Option<usize>,
}

/// Draws the review on `date` of the agreed plan and the history of revisions.
pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &mut SlaDocument,
    (agreed, plan): (&Scenario, &Plan),
    date: NaiveDate,
    send: &Sender,
) {
    let language = fields.language;
    let id = ui.scope_id().with("review draft");
    let mut draft: Draft = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if let Some(review) = review(doc, agreed.id, plan, date) {
        let table = review_table(doc, &review, date, language);
        section(ui, &table.title, &table.note);
        observations(ui, language, &doc.currency, &table);
        if let Some(cohort) = &table.cohort {
            ui.label(RichText::new(cohort).weak());
        }
        adopt_form(ui, fields, doc, &review, date, &mut draft);
    }
    history(ui, fields, doc, &mut draft, send);
    ui.data_mut(|d| d.insert_temp(id, draft));
}

/// The table of observed against assumed.
fn observations(ui: &mut Ui, language: Language, currency: &str, table: &ReviewTable) {
    Grid::new("review observations")
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for header in table.columns {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for row in &table.rows {
                ui.label(&row.figure);
                ui.label(row.assumed.show(language, currency));
                match &row.observed {
                    Ok(cell) => ui.label(RichText::new(cell.show(language, currency)).strong()),
                    Err(why) => ui.label(RichText::new(why).weak()),
                };
                ui.label(&row.based_on);
                ui.end_row();
            }
        });
}

/// Author, note and the button that adopts the observed values.
fn adopt_form(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &mut SlaDocument,
    review: &Review,
    date: NaiveDate,
    draft: &mut Draft,
) {
    let t = fields.language.text();
    ui.add_space(6.0);
    Grid::new("review adopt")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(t.review_author);
            ui.add_enabled(
                fields.enabled,
                egui::TextEdit::singleline(&mut draft.author).desired_width(220.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(t.review_note_label);
            ui.add_enabled(
                fields.enabled,
                egui::TextEdit::singleline(&mut draft.note).desired_width(420.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    let mut trial = doc.clone();
    let revision = adopt(&mut trial, review, date, &draft.author, &draft.note);
    let changes = revision.is_some();
    // What adopting would change, before anyone clicks: only figures with enough data move,
    // and with lead sources the blended rate and deal size follow the new shares.
    if let Some(revision) = &revision {
        ui.label(RichText::new(t.review_would_change).strong());
        for line in revision_lines(&trial, revision, fields.language) {
            ui.label(RichText::new(line).weak());
        }
    }
    let button = ui
        .add_enabled(fields.enabled && changes, egui::Button::new(t.review_adopt))
        .on_hover_text(t.review_adopt_tip)
        .on_disabled_hover_text(t.review_nothing_to_adopt);
    if button.clicked() {
        *doc = trial;
        draft.note.clear();
    }
}

/// The revisions, newest first, each with what it changed; one can be opened read-only.
/// "Copy into a new scenario" sends the revision's inputs to be added and edited next.
fn history(ui: &mut Ui, fields: &Fields<'_>, doc: &SlaDocument, draft: &mut Draft, send: &Sender) {
    let language = fields.language;
    let t = language.text();
    section(
        ui,
        t.history_title,
        if doc.revisions.is_empty() {
            t.history_empty
        } else {
            ""
        },
    );
    let mut copy: Option<(String, crate::plan::Assumptions)> = None;
    for (index, revision) in doc.revisions.iter().enumerate().rev() {
        let heading = fill(
            t.history_entry,
            &[
                (
                    "date",
                    &revision
                        .date
                        .map_or_else(String::new, |d| language.long_date(d)),
                ),
                ("author", &revision.author),
                ("note", &revision.note),
            ],
        );
        egui::CollapsingHeader::new(heading)
            .id_salt(("revision", index))
            .show(ui, |ui| {
                for line in revision_lines(doc, revision, language) {
                    ui.label(line);
                }
                ui.horizontal(|ui| {
                    if ui.button(t.history_open).clicked() {
                        draft.open = Some(index);
                    }
                    if ui
                        .add_enabled(fields.enabled, egui::Button::new(t.history_copy))
                        .clicked()
                    {
                        copy = Some((
                            revision_name(doc, revision, language),
                            revision.before.clone(),
                        ));
                    }
                });
            });
    }
    if let Some(index) = draft.open {
        if let Some(revision) = doc.revisions.get(index) {
            let mut open = true;
            egui::Window::new(revision_name(doc, revision, language))
                .open(&mut open)
                .collapsible(false)
                .show(ui.ctx(), |ui| read_only(ui, language, doc, revision));
            if !open {
                draft.open = None;
            }
        } else {
            draft.open = None;
        }
    }
    if let Some((name, assumptions)) = copy {
        send.send(Action::AddScenario {
            name,
            assumptions: Box::new(assumptions),
        });
    }
}

/// What was agreed before a revision, and what it planned: nothing here can be edited.
fn read_only(ui: &mut Ui, language: Language, doc: &SlaDocument, revision: &Revision) {
    let t = language.text();
    let n = language.numbers();
    let a = &revision.before;
    ui.label(RichText::new(t.history_read_only).weak());
    Grid::new("revision read only")
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            let mut row = |label: &str, value: String| {
                ui.label(label);
                ui.label(value);
                ui.end_row();
            };
            row(t.revenue_goal, n.money_to(a.revenue_goal, 0, &doc.currency));
            row(t.marketing_share, n.percent(a.marketing_share_percent));
            row(
                t.average_deal_size,
                n.money_to(a.average_deal_size, 0, &doc.currency),
            );
            row(
                t.lead_to_customer_rate,
                n.percent(a.lead_to_customer_percent),
            );
            for source in &a.lead_sources {
                row(
                    &fill(t.review_source_share, &[("source", &source.name)]),
                    n.percent(source.share_percent),
                );
            }
            if let Ok(plan) = compute(a, &doc.sales_commitments) {
                row(t.leads_needed, n.count_up(plan.leads_needed));
                row(t.customers_needed, n.count_up(plan.customers_needed));
                row(t.leads_per_month, n.decimal(plan.leads_per_month, 1));
            }
        });
}
