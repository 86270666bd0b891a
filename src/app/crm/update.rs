//! Update from CRM: the leads read on a worker (`crm::fetch`) with a progress bar and Cancel,
//! then the summary. The result reaches the document only when the whole fetch succeeded, in
//! one frame (one undo step); a cancel or an error leaves it as it was.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::super::import::{progress, spawn};
use crate::crm::{self, CrmError, CrmLink, Request, Synced, token::Finder};
use crate::document::SlaDocument;
use crate::i18n::{Language, fill};
use crate::tracking::import::Job;

/// The update window and the work behind it.
#[derive(Debug)]
pub struct UpdateWindow {
    /// The link the update reads with; remembered with the sync once it is applied.
    pub link: CrmLink,
    /// The first created day read.
    pub since: NaiveDate,
    pub stage: Stage,
}

#[derive(Debug)]
pub enum Stage {
    Reading(Job<Result<Synced, CrmError>>),
    /// Applied; what was read.
    Done(Synced),
    Failed(CrmError),
    /// Read, but the document with it could not be saved and opened again: why.
    Unwritable(String),
    /// The user cancelled: nothing changed.
    Cancelled,
}

/// What the window asks of the app this frame.
pub enum Outcome {
    Keep,
    Close,
    /// The whole fetch succeeded: put it into the document.
    Apply(Synced),
}

impl UpdateWindow {
    /// Starts reading the leads of `doc`'s link on a worker; the token is found there too.
    pub fn start(
        ctx: &egui::Context,
        doc: &SlaDocument,
        link: CrmLink,
        token: Finder,
        today: NaiveDate,
    ) -> Self {
        let settings = crm::settings_for(doc, link.mapping.clone());
        let since = crm::update_since(&link, &settings, today);
        let provider = link.provider;
        let base_url = link.base_url.clone();
        let work = move |progress: &crate::tracking::import::Progress| {
            let token = token.find()?;
            let request = Request {
                provider,
                base_url: base_url.as_deref(),
                token: &token,
                since,
            };
            crm::fetch(&request, &settings, progress)
        };
        let stage = match spawn(ctx, work) {
            Ok(job) => Stage::Reading(job),
            Err(reason) => Stage::Failed(CrmError::Network { reason }),
        };
        Self { link, since, stage }
    }

    /// Draws the window's content.
    pub fn ui(&mut self, ui: &mut Ui, language: Language) -> Outcome {
        let t = language.text();
        let provider = self.link.provider;
        if let Stage::Reading(job) = &self.stage {
            match job.poll() {
                None => {
                    ui.label(fill(
                        t.crm_updating,
                        &[
                            ("crm", provider.name()),
                            ("since", &language.long_date(self.since)),
                        ],
                    ));
                    if progress(ui, job, t.cancel).is_some() {
                        job.progress().cancel();
                        self.stage = Stage::Cancelled;
                    }
                    return Outcome::Keep;
                }
                Some(Ok(Ok(synced))) => return Outcome::Apply(synced),
                Some(Ok(Err(error))) => self.stage = Stage::Failed(error),
                Some(Err(())) => self.stage = Stage::Cancelled,
            }
        }
        match &self.stage {
            Stage::Reading(_) => {}
            Stage::Done(synced) => {
                ui.label(fill(t.crm_updated, &[("crm", provider.name())]));
                ui.label(RichText::new(synced.summary(language)).strong());
                if let Some(outside) = &synced.outside {
                    ui.label(outside.describe(language));
                }
                // The records the summary does not name; up to thousands, so only the rows in
                // view are drawn.
                let rest = synced.skipped.get(crm::SUMMARY_NAMED..).unwrap_or_default();
                if !rest.is_empty() {
                    let row = ui.text_style_height(&egui::TextStyle::Body);
                    egui::ScrollArea::vertical()
                        .max_height(240.0)
                        .auto_shrink([false, true])
                        .show_rows(ui, row, rest.len(), |ui, rows| {
                            for skipped in rest.get(rows).unwrap_or_default() {
                                ui.add(egui::Label::new(skipped.describe(language)).truncate());
                            }
                        });
                }
            }
            Stage::Failed(error) => {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    error.describe(provider, language),
                );
            }
            Stage::Unwritable(reason) => {
                ui.colored_label(ui.visuals().warn_fg_color, reason);
            }
            Stage::Cancelled => {
                ui.label(t.crm_cancelled);
            }
        }
        if ui.button(t.close).clicked() {
            Outcome::Close
        } else {
            Outcome::Keep
        }
    }

    /// Stops the worker, if it still reads.
    pub fn cancel(&self) {
        if let Stage::Reading(job) = &self.stage {
            job.progress().cancel();
        }
    }
}
