//! The Agreement tab: who and what (title, company, owners, review cadence, notes — editable),
//! then the agreement in sentences, generated from the plan of the selected scenario and the
//! sales commitments (the report model's `agreement`), with a button that copies it as text.
//! No sentence is typed by the user, so it can never contradict the plan.

use chrono::NaiveDate;
use egui::{Grid, RichText, TextEdit, Ui};

use super::report::grid;
use super::section;
use crate::app::Command;
use crate::app::action::Sender;
use crate::app::report_cache::ReportCache;
use crate::app::theme;
use crate::app::widgets::{EditBuffer, Fields, message_cell};
use crate::document::{Approval, ReportFrequency, ReviewCadence, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::{Plan, Problem};
use crate::report::{ApprovalState, Report, approval};

/// Draws the tab of the scenario the fields edit.
pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    document: &mut SlaDocument,
    (plan, today): (&Result<Plan, Vec<Problem>>, NaiveDate),
    (reports, send): (&mut ReportCache, &Sender),
) {
    let t = fields.language.text();
    details(ui, fields, document);
    approvals(ui, fields, document, today);
    let Ok(plan) = plan else {
        ui.add_space(8.0);
        ui.label(t.fix_inputs_first);
        return;
    };
    let report = reports.report(document, fields.scenario, plan, fields.language);
    section(ui, &report.title(), t.agreement_tab_note);
    if let Some(subtitle) = report.subtitle() {
        ui.label(subtitle);
    }
    if ui.button(t.cmd_copy_agreement).clicked() {
        send.run(Command::CopyAgreement);
    }
    for part in &report.agreement {
        section(ui, &part.heading, "");
        for paragraph in &part.paragraphs {
            ui.label(RichText::new(paragraph));
            ui.add_space(2.0);
        }
        if part.month_table {
            ui.add_space(4.0);
            ui.label(RichText::new(t.agreement_month_table).strong());
            // Scrolls on its own on a small screen, so the sentences keep the tab's width.
            egui::ScrollArea::horizontal()
                .id_salt("agreement months")
                .show(ui, |ui| {
                    grid(ui, "agreement months", report, &report.months);
                });
        }
    }
    signatures(ui, report);
}

/// The signature blocks as on paper: the party, then name, role, date and signature, with an
/// empty line where nothing is given yet.
fn signatures(ui: &mut Ui, report: &Report) {
    let t = report.language.text();
    section(ui, t.agreement_signatures_heading, "");
    let blocks = egui::Layout::left_to_right(egui::Align::TOP).with_main_wrap(true);
    ui.with_layout(blocks, |ui| {
        for (i, signature) in report.signatures.iter().enumerate() {
            ui.push_id(i, |ui| {
                ui.group(|ui| {
                    ui.set_width(SIGNATURE_WIDTH);
                    ui.vertical(|ui| {
                        ui.label(RichText::new(&signature.party).strong());
                        Grid::new("signature").num_columns(2).show(ui, |ui| {
                            for (label, value) in signature.lines(report.language) {
                                ui.label(RichText::new(label).weak());
                                if value.is_empty() {
                                    let (rect, _) = ui.allocate_exact_size(
                                        egui::vec2(SIGNATURE_WIDTH * 0.6, 18.0),
                                        egui::Sense::hover(),
                                    );
                                    ui.painter().hline(
                                        rect.x_range(),
                                        rect.bottom(),
                                        ui.visuals().widgets.noninteractive.fg_stroke,
                                    );
                                } else {
                                    ui.label(value);
                                }
                                ui.end_row();
                            }
                        });
                    });
                });
            });
        }
    });
}

/// The width of one signature block: two fit beside each other on a 1024-pixel laptop.
const SIGNATURE_WIDTH: f32 = 260.0;

/// The fields the document holds about the agreement itself, each labelled for screen readers.
fn details(ui: &mut Ui, fields: &Fields<'_>, document: &mut SlaDocument) {
    let t = fields.language.text();
    section(ui, t.agreement_details, t.agreement_details_note);
    Grid::new("agreement details")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            parties(ui, fields, document);
            effective_date(ui, fields, document);
            rhythm(ui, fields, document);
            export_language(ui, fields, document);
            terms(ui, fields, document);
        });
}

/// Grid rows: the title, the company and who owns the agreement in marketing and in sales.
fn parties(ui: &mut Ui, fields: &Fields<'_>, document: &mut SlaDocument) {
    let t = fields.language.text();
    for (label, value) in [
        (t.document_title, &mut document.title),
        (t.document_company, &mut document.company),
        (t.owner_marketing, &mut document.owners.marketing),
        (t.owner_sales, &mut document.owners.sales),
    ] {
        let label = ui.label(label);
        ui.add_enabled(
            fields.enabled,
            TextEdit::singleline(value).desired_width(320.0),
        )
        .labelled_by(label.id);
        ui.end_row();
    }
}

/// Grid rows: how often the plan is reviewed, how often progress is reported and to whom.
fn rhythm(ui: &mut Ui, fields: &Fields<'_>, document: &mut SlaDocument) {
    let t = fields.language.text();
    ui.label(t.review_cadence);
    ui.add_enabled_ui(fields.enabled, |ui| {
        ui.horizontal(|ui| {
            for (cadence, label) in [
                (ReviewCadence::Weekly, t.cadence_weekly),
                (ReviewCadence::Monthly, t.cadence_monthly),
                (ReviewCadence::Quarterly, t.cadence_quarterly),
            ] {
                ui.radio_value(&mut document.review_cadence, cadence, label);
            }
        });
    });
    ui.end_row();
    ui.label(t.progress_reports);
    ui.add_enabled_ui(fields.enabled, |ui| {
        ui.horizontal(|ui| {
            for (frequency, label) in [
                (ReportFrequency::Daily, t.report_daily),
                (ReportFrequency::Weekly, t.report_weekly),
                (ReportFrequency::Monthly, t.report_monthly),
            ] {
                ui.radio_value(&mut document.progress_reports, frequency, label);
            }
        });
    });
    ui.end_row();
    let label = ui.label(t.report_to);
    ui.add_enabled(
        fields.enabled,
        TextEdit::singleline(&mut document.report_to)
            .hint_text(t.report_to_hint)
            .desired_width(320.0),
    )
    .labelled_by(label.id);
    ui.end_row();
}

/// A grid row: the language of exports, the reader's own or a fixed one.
fn export_language(ui: &mut Ui, fields: &Fields<'_>, document: &mut SlaDocument) {
    let t = fields.language.text();
    ui.label(t.export_language);
    ui.add_enabled_ui(fields.enabled, |ui| {
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut document.export_language,
                None,
                t.export_language_reader,
            );
            for language in Language::ALL {
                ui.radio_value(
                    &mut document.export_language,
                    Some(language),
                    language.name(),
                );
            }
        });
    });
    ui.end_row();
}

/// Grid rows: what counts as a marketing-qualified lead, the reasons sales may reject one, and
/// the notes.
fn terms(ui: &mut Ui, fields: &Fields<'_>, document: &mut SlaDocument) {
    let t = fields.language.text();
    let label = ui.label(t.mql_definition);
    ui.add_enabled(
        fields.enabled,
        TextEdit::multiline(&mut document.mql_definition)
            .desired_rows(2)
            .desired_width(320.0),
    )
    .labelled_by(label.id);
    ui.end_row();
    // One reason a line; empty lines stay while typing (a new line starts empty).
    let mut reasons = document.rejection_reasons.join("\n");
    let label = ui.label(t.rejection_reasons);
    let edited = ui
        .add_enabled(
            fields.enabled,
            TextEdit::multiline(&mut reasons)
                .desired_rows(3)
                .desired_width(320.0),
        )
        .labelled_by(label.id)
        .changed();
    if edited {
        document.rejection_reasons = if reasons.is_empty() {
            Vec::new()
        } else {
            reasons.split('\n').map(str::to_owned).collect()
        };
    }
    ui.end_row();
    let label = ui.label(t.agreement_notes_heading);
    ui.add_enabled(
        fields.enabled,
        TextEdit::multiline(&mut document.notes)
            .desired_rows(3)
            .desired_width(320.0),
    )
    .labelled_by(label.id);
    ui.end_row();
}

/// The date the agreement takes effect, typed as the user writes dates ("1 Jan 2027",
/// "1-1-2027") or as ISO; empty for none. Text that is no date stays on screen with a message
/// and leaves the date as it was.
fn effective_date(ui: &mut Ui, fields: &Fields<'_>, document: &mut SlaDocument) {
    let t = fields.language.text();
    let language = fields.language;
    let id = ui.scope_id().with("effective date");
    let buffer = EditBuffer::new(id, fields.scenario);
    let mut text = buffer.text(ui).unwrap_or_else(|| {
        document
            .effective_date
            .map(|d| language.date(d))
            .unwrap_or_default()
    });
    let label = ui.label(t.effective_date);
    ui.vertical(|ui| {
        let response = ui
            .add_enabled(
                fields.enabled,
                TextEdit::singleline(&mut text)
                    .id(id)
                    .hint_text(t.effective_date_hint)
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
        let typed = text.trim();
        let read = if typed.is_empty() {
            Some(None)
        } else {
            language.read_date(typed).map(Some)
        };
        if response.changed()
            && let Some(date) = read
        {
            document.effective_date = date;
        }
        buffer.update(ui, &response, &text, read.is_some());
        if read.is_none() {
            let example = NaiveDate::from_ymd_opt(2027, 1, 31)
                .map(|d| language.date(d))
                .unwrap_or_default();
            message_cell(
                ui,
                Some(&fill(
                    t.bad_effective_date,
                    &[("text", typed), ("example", &example)],
                )),
            );
        }
    });
    ui.end_row();
}

/// Who approves: name and role, "Approve" (today, for the agreed plan as it is now), and the
/// approval in words — marked as cleared when the agreed plan changed after it was given.
fn approvals(ui: &mut Ui, fields: &Fields<'_>, document: &mut SlaDocument, today: NaiveDate) {
    let t = fields.language.text();
    section(ui, t.agreement_approvals_heading, "");
    let fingerprint = document.agreed_fingerprint();
    let words: Vec<(String, ApprovalState)> = document
        .sign_offs
        .iter()
        .map(|a| {
            (
                approval(document, a, fields.language),
                ApprovalState::of(document, a),
            )
        })
        .collect();
    let mut remove = None;
    for (i, (given, words)) in document.sign_offs.iter_mut().zip(words).enumerate() {
        ui.push_id(i, |ui| {
            ui.horizontal_wrapped(|ui| {
                for (label, value) in [
                    (t.approver_name, &mut given.name),
                    (t.approver_role, &mut given.role),
                ] {
                    let label = ui.label(label);
                    ui.add_enabled(
                        fields.enabled,
                        TextEdit::singleline(value).desired_width(160.0),
                    )
                    .labelled_by(label.id);
                }
                if ui
                    .add_enabled(fields.enabled, egui::Button::new(t.approve))
                    .clicked()
                {
                    given.date = Some(today);
                    given.plan = fingerprint;
                }
                if ui
                    .add_enabled(fields.enabled, egui::Button::new(t.remove_approver))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
            let (words, state) = words;
            match state {
                // Cleared: the plan needs approving again, and that must not look like a note.
                ApprovalState::Cleared => ui.label(
                    RichText::new(words)
                        .color(ui.visuals().warn_fg_color)
                        .strong(),
                ),
                ApprovalState::Approved => {
                    ui.label(RichText::new(words).color(theme::good_color(ui.visuals().dark_mode)))
                }
                ApprovalState::NotApproved => ui.label(words),
            };
        });
    }
    if let Some(i) = remove {
        document.sign_offs.remove(i);
    }
    if ui
        .add_enabled(fields.enabled, egui::Button::new(t.add_approver))
        .clicked()
    {
        document.sign_offs.push(Approval::default());
    }
}
