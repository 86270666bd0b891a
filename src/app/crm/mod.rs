//! The CRM in the window (issue 19): File ▸ Connect to CRM… ([`connect`]) and Update from CRM
//! ([`update`]), both on worker threads, and where the pasted tokens are kept
//! ([`crate::crm::token::Vault`]: the system's credential store, else memory until the app
//! closes). The document holds only the link's non-secret settings; each change to it (a
//! saved connection, an applied update) happens in one frame, so it is one undo step.

mod connect;
mod update;

use chrono::Utc;

use super::{App, Notice};
use crate::crm::Provider;
use crate::crm::token::{Kept, Vault};
use crate::crm::{self, LastSync};
use crate::document::SlaDocument;
use crate::i18n::{Language, fill};
use crate::tracking::import::Job;

/// The CRM windows, while open, and the tokens of this session.
#[derive(Debug, Default)]
pub struct CrmWindows {
    vault: Vault,
    connect: Option<connect::ConnectDialog>,
    update: Option<update::UpdateWindow>,
    /// A pasted token on its way to the credential store.
    storing: Option<Job<(Provider, Result<(), String>)>>,
}

impl CrmWindows {
    pub fn new(vault: Vault) -> Self {
        Self {
            vault,
            connect: None,
            update: None,
            storing: None,
        }
    }
}

impl CrmWindows {
    /// Another document replaced the open one (New, Open, restored work): a running update
    /// stops and both windows close, so nothing read for one document lands in another.
    pub fn close(&mut self) {
        if let Some(update) = self.update.take() {
            update.cancel();
        }
        self.connect = None;
    }
}

impl App {
    /// File ▸ Connect to CRM…: the connect window on the document's link.
    pub fn connect_crm(&mut self) {
        self.crm.connect = Some(connect::ConnectDialog::new(&self.editor.document));
    }

    /// Update from CRM: reads the leads of the document's CRM on a worker; a document with no
    /// link opens the connect window instead. A read-only document is not updated.
    pub fn update_from_crm(&mut self) {
        if self.editor.read_only() {
            return;
        }
        let Some(link) = self.editor.document.tracking.crm.clone() else {
            self.connect_crm();
            return;
        };
        if let Some(running) = &self.crm.update {
            running.cancel();
        }
        let finder = self.crm.vault.finder(link.provider);
        self.crm.update = Some(update::UpdateWindow::start(
            &self.ctx,
            &self.editor.document,
            link,
            finder,
            self.today,
        ));
    }

    /// After a file opened: its update, if the user asked for one on opening.
    pub(super) fn update_on_open(&mut self) {
        let wanted = self
            .editor
            .document
            .tracking
            .crm
            .as_ref()
            .is_some_and(|l| l.update_on_open);
        if wanted {
            self.update_from_crm();
        }
    }
}

/// "Last synced from HubSpot on 5 December 2026 08:10." (local time), or that the document is
/// connected but not updated yet; `None` without a link.
pub fn last_synced(doc: &SlaDocument, language: Language) -> Option<String> {
    let link = doc.tracking.crm.as_ref()?;
    let t = language.text();
    let crm = link.provider.name();
    Some(match link.last_sync {
        Some(sync) => {
            let at = sync.at.with_timezone(&chrono::Local);
            fill(
                t.crm_last_synced,
                &[
                    ("crm", crm),
                    ("date", &language.long_date(at.date_naive())),
                    ("time", &at.format("%H:%M").to_string()),
                ],
            )
        }
        None => fill(t.crm_never_synced, &[("crm", crm)]),
    })
}

/// Draws the open CRM windows and puts what they finished into the document.
pub fn show(app: &mut App, ctx: &egui::Context) {
    show_connect(app, ctx);
    show_update(app, ctx);
    token_stored(app);
}

/// Once the credential store answered: where the token is now.
fn token_stored(app: &mut App) {
    let Some(answer) = app.crm.storing.as_ref().and_then(Job::poll) else {
        return;
    };
    app.crm.storing = None;
    let (provider, answer) = answer.unwrap_or_else(|()| (Provider::ALL[0], Err(String::new())));
    let kept = app.crm.vault.stored(provider, answer);
    app.notice = kept_notice(provider, &kept, app.language);
}

/// Where the token of `provider` is kept, in words.
fn kept_notice(provider: Provider, kept: &Kept, language: Language) -> Option<Notice> {
    let t = language.text();
    let crm = provider.name();
    match kept {
        Kept::System => Notice::done(fill(t.crm_kept_system, &[("crm", crm)])),
        Kept::Session {
            reason: Some(reason),
        } => Notice::problem(fill(
            t.crm_kept_session,
            &[("crm", crm), ("reason", reason)],
        )),
        Kept::Session { reason: None } => Notice::done(fill(t.crm_kept_memory, &[("crm", crm)])),
    }
}

fn show_connect(app: &mut App, ctx: &egui::Context) {
    let Some(dialog) = app.crm.connect.as_mut() else {
        return;
    };
    let language = app.language;
    let t = language.text();
    let editable = !app.editor.read_only();
    let mut outcome = connect::Outcome::Keep;
    let mut open = true;
    egui::Window::new(t.crm_connect_title)
        .id(egui::Id::unique("crm connect window"))
        .open(&mut open)
        .collapsible(false)
        .default_width(620.0)
        // Tall enough from its first frame for the mapping and the buttons below it: a window
        // grows to its content only on the next frame, which without input never comes.
        .default_height((ctx.content_rect().height() * 0.9).min(760.0))
        .max_height(ctx.content_rect().height() * 0.9)
        .show(ctx, |ui| {
            outcome = dialog.ui(
                ui,
                language,
                (&app.editor.document, editable, app.today),
                &app.crm.vault,
            );
        });
    if !open {
        outcome = connect::Outcome::Close;
    }
    match outcome {
        connect::Outcome::Keep => {}
        connect::Outcome::Close => app.crm.connect = None,
        connect::Outcome::Save { link, token } => {
            let provider = link.provider;
            let mut candidate = app.editor.document.clone();
            candidate.tracking.crm = Some(link);
            if let Err(error) = crate::document::check_writable(&candidate) {
                app.notice = Notice::problem(error.describe(language));
                return;
            }
            app.editor.document = candidate;
            app.crm.connect = None;
            app.notice = Notice::done(fill(t.crm_saved, &[("crm", provider.name())]));
            if let Some(token) = token {
                match app.crm.vault.keep(provider, &token) {
                    Some(storing) => {
                        let repaint = ctx.clone();
                        match Job::spawn(
                            move |_: &crate::tracking::import::Progress| storing.run(),
                            move || repaint.request_repaint(),
                        ) {
                            Ok(job) => app.crm.storing = Some(job),
                            Err(error) => {
                                let kept = app.crm.vault.stored(provider, Err(error.to_string()));
                                app.notice = kept_notice(provider, &kept, language);
                            }
                        }
                    }
                    None => {
                        let kept = Kept::Session { reason: None };
                        app.notice = kept_notice(provider, &kept, language);
                    }
                }
            }
        }
    }
}

fn show_update(app: &mut App, ctx: &egui::Context) {
    let Some(window) = app.crm.update.as_mut() else {
        return;
    };
    let language = app.language;
    let mut outcome = update::Outcome::Keep;
    let mut open = true;
    egui::Window::new(language.text().crm_update_title)
        .id(egui::Id::unique("crm update window"))
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .max_height(ctx.content_rect().height() * 0.85)
        .show(ctx, |ui| outcome = window.ui(ui, language));
    if !open {
        outcome = update::Outcome::Close;
    }
    match outcome {
        update::Outcome::Keep => {}
        update::Outcome::Close => {
            window.cancel();
            app.crm.update = None;
        }
        update::Outcome::Apply(synced) => {
            // The open document changes only if the result could be saved and opened again.
            let mut candidate = app.editor.document.clone();
            let sync = LastSync {
                at: Utc::now(),
                since: window.since,
            };
            crm::apply(&mut candidate, &synced, window.link.clone(), sync);
            match crate::document::check_writable(&candidate) {
                Ok(()) => {
                    app.editor.document = candidate;
                    window.stage = update::Stage::Done(synced);
                }
                Err(error) => window.stage = update::Stage::Unwritable(error.describe(language)),
            }
        }
    }
}
