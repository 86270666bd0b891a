//! File ▸ Connect to CRM…: which CRM, the access token (a password field; it goes to the
//! credential store, never into the document), the API's address for a proxy or sandbox, Test
//! connection on a worker (the account and how many leads the period has), and the mapping of
//! the CRM's properties and status values as the CSV import maps columns. Saving puts the
//! non-secret settings into the document in one frame, so it is one undo step.

use chrono::NaiveDate;
use egui::{ComboBox, Grid, RichText, ScrollArea, TextEdit, Ui};

use super::super::import::{kind_label, spawn};
use crate::crm::token::{Finder, Vault};
use crate::crm::{self, Connected, CrmError, CrmLink, Provider, Request};
use crate::document::{ImportField, ImportMapping, SlaDocument};
use crate::i18n::{Language, fill};
use crate::tracking::import::{Job, StatusKind, field_label, set_status_kind, status_kind};

/// The connect window's choices so far.
pub struct ConnectDialog {
    provider: Provider,
    /// What the user pasted; empty: the token kept before. Never shown, logged or saved.
    token: String,
    /// The API's address; empty: the provider's own.
    base_url: String,
    mapping: ImportMapping,
    /// Status values the user added that mean nothing yet (they are in no list of the mapping).
    added: Vec<String>,
    /// The text of "Another value".
    new_status: String,
    update_on_open: bool,
    test: Test,
    /// Why Save did not save (an address that cannot be called).
    message: Option<String>,
}

impl std::fmt::Debug for ConnectDialog {
    /// Everything but the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectDialog")
            .field("provider", &self.provider)
            .field("base_url", &self.base_url)
            .field("mapping", &self.mapping)
            .field("test", &self.test)
            .finish_non_exhaustive()
    }
}

/// Test connection: not yet asked, asking on a worker, or its answer.
#[derive(Debug)]
enum Test {
    Idle,
    Asking {
        job: Job<Result<Connected, CrmError>>,
        provider: Provider,
        since: NaiveDate,
    },
    Answered {
        answer: Result<Connected, CrmError>,
        provider: Provider,
        since: NaiveDate,
    },
}

/// What the window asks of the app this frame.
pub enum Outcome {
    Keep,
    Close,
    /// Put this link into the document; keep the token, when one was pasted.
    Save {
        link: CrmLink,
        token: Option<String>,
    },
}

impl ConnectDialog {
    /// The window on `doc`'s link, or a new HubSpot link with its standard mapping.
    pub fn new(doc: &SlaDocument) -> Self {
        let link = doc.tracking.crm.clone().unwrap_or_default();
        Self {
            provider: link.provider,
            token: String::new(),
            base_url: link.base_url.unwrap_or_default(),
            mapping: link.mapping,
            added: Vec::new(),
            new_status: String::new(),
            update_on_open: link.update_on_open,
            test: Test::Idle,
            message: None,
        }
    }

    /// The link as the window holds it: property names trimmed, none where left empty.
    fn link(&self, doc: &SlaDocument) -> CrmLink {
        let mut mapping = self.mapping.clone();
        mapping.columns = mapping
            .columns
            .into_iter()
            .map(|(field, property)| (field, property.trim().to_owned()))
            .filter(|(_, property)| !property.is_empty())
            .collect();
        let base_url = Some(self.base_url.trim().to_owned()).filter(|b| !b.is_empty());
        // The last sync stays with the CRM it came from.
        let last_sync = doc
            .tracking
            .crm
            .as_ref()
            .filter(|l| l.provider == self.provider)
            .and_then(|l| l.last_sync);
        CrmLink {
            provider: self.provider,
            base_url,
            mapping,
            last_sync,
            update_on_open: self.update_on_open,
        }
    }

    /// The pasted token, if any.
    fn pasted(&self) -> Option<String> {
        Some(self.token.trim().to_owned()).filter(|t| !t.is_empty())
    }

    /// Asks the CRM on a worker, with the pasted token or else the one kept before.
    fn start_test(
        &mut self,
        ctx: &egui::Context,
        doc: &SlaDocument,
        kept: Finder,
        today: NaiveDate,
    ) {
        let link = self.link(doc);
        let settings = crm::settings_for(doc, link.mapping.clone());
        let since = crm::update_since(&link, &settings, today);
        let provider = self.provider;
        let pasted = self.pasted();
        let work = move |_: &crate::tracking::import::Progress| {
            let token = match pasted {
                Some(token) => token,
                None => kept.find()?,
            };
            crm::check(&Request {
                provider,
                base_url: link.base_url.as_deref(),
                token: &token,
                since,
            })
        };
        self.test = match spawn(ctx, work) {
            Ok(job) => Test::Asking {
                job,
                provider,
                since,
            },
            Err(reason) => Test::Answered {
                answer: Err(CrmError::Network { reason }),
                provider,
                since,
            },
        };
    }

    /// Draws the window's content. `vault` has the tokens kept before, for Test connection
    /// without a pasted one.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        language: Language,
        (doc, editable, today): (&SlaDocument, bool, NaiveDate),
        vault: &Vault,
    ) -> Outcome {
        let t = language.text();
        self.connection_ui(ui, language, doc);
        ui.horizontal_wrapped(|ui| {
            let asking = matches!(self.test, Test::Asking { .. });
            if ui
                .add_enabled(!asking, egui::Button::new(t.crm_test))
                .clicked()
            {
                let kept = vault.finder(self.provider);
                self.start_test(ui.ctx(), doc, kept, today);
            }
            self.test_ui(ui, language);
        });
        ui.separator();
        // What the window's other rows leave of the screen's height, so the window fits
        // without scrolling and the mapping shows as much as it can.
        let height = (ui.ctx().content_rect().height() - 300.0).max(160.0);
        ScrollArea::vertical()
            .id_salt("crm mapping")
            .max_height(height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.heading(t.crm_properties_heading);
                properties_ui(ui, &mut self.mapping, language);
                ui.add_space(8.0);
                ui.heading(t.crm_statuses_heading);
                self.statuses_ui(ui, language);
            });
        ui.separator();
        ui.checkbox(&mut self.update_on_open, t.crm_update_on_open);
        if let Some(message) = &self.message {
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
        if !editable {
            ui.label(t.crm_read_only);
        }
        let mut outcome = Outcome::Keep;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(editable, egui::Button::new(t.crm_save))
                .clicked()
            {
                outcome = self.save(doc, language);
            }
            if ui.button(t.cancel).clicked() {
                outcome = Outcome::Close;
            }
        });
        outcome
    }

    /// The CRM, the token with where to find it, and the API's address under Advanced.
    fn connection_ui(&mut self, ui: &mut Ui, language: Language, doc: &SlaDocument) {
        let t = language.text();
        Grid::new("crm connect")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label(t.crm_provider);
                let mut provider = self.provider;
                ComboBox::from_id_salt("crm provider")
                    .selected_text(provider.name())
                    .show_ui(ui, |ui| {
                        for choice in Provider::ALL {
                            ui.selectable_value(&mut provider, choice, choice.name());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if provider != self.provider {
                    self.choose(provider, doc);
                }
                ui.end_row();
                let label = ui.label(t.crm_token);
                ui.add(
                    TextEdit::singleline(&mut self.token)
                        .password(true)
                        .id_salt("crm token")
                        .hint_text(t.crm_token_empty)
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        ui.label(RichText::new(token_hint(self.provider, language)).weak());
        egui::CollapsingHeader::new(t.crm_advanced)
            .id_salt("crm advanced")
            .default_open(!self.base_url.is_empty())
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label(t.crm_base_url);
                    ui.add(
                        TextEdit::singleline(&mut self.base_url)
                            .id_salt("crm base url")
                            .hint_text(
                                self.provider
                                    .default_base()
                                    .unwrap_or(t.crm_instance_url_example),
                            )
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                });
                ui.label(
                    RichText::new(fill(
                        t.crm_base_url_hint,
                        &[(
                            "url",
                            self.provider
                                .default_base()
                                .unwrap_or(t.crm_instance_url_example),
                        )],
                    ))
                    .small(),
                );
            });
    }

    /// Another CRM: its own mapping (the document's, if it is linked to that one) and address.
    fn choose(&mut self, provider: Provider, doc: &SlaDocument) {
        let linked = doc.tracking.crm.as_ref().filter(|l| l.provider == provider);
        self.provider = provider;
        self.mapping = linked.map_or_else(|| provider.default_mapping(), |l| l.mapping.clone());
        self.base_url = linked.and_then(|l| l.base_url.clone()).unwrap_or_default();
        self.added.clear();
        self.test = Test::Idle;
    }

    /// Save connection: refused with the reason when the address cannot be called.
    fn save(&mut self, doc: &SlaDocument, language: Language) -> Outcome {
        let link = self.link(doc);
        if let Some(base) = &link.base_url
            && let Err(error) = crm::check_base(base)
        {
            self.message = Some(error.describe(self.provider, language));
            return Outcome::Keep;
        }
        Outcome::Save {
            link,
            token: self.pasted(),
        }
    }

    /// The answer of Test connection, or that it is being asked.
    fn test_ui(&mut self, ui: &mut Ui, language: Language) {
        let t = language.text();
        if let Test::Asking {
            job,
            provider,
            since,
        } = &self.test
        {
            match job.poll() {
                None => {
                    ui.label(fill(t.crm_testing, &[("crm", provider.name())]));
                    // Two requests have no share done to show: a spinner, and the frames keep
                    // coming until the answer.
                    ui.spinner();
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                    return;
                }
                Some(answer) => {
                    self.test = Test::Answered {
                        answer: answer.unwrap_or_else(|()| {
                            Err(CrmError::Network {
                                reason: String::new(),
                            })
                        }),
                        provider: *provider,
                        since: *since,
                    };
                }
            }
        }
        if let Test::Answered {
            answer,
            provider,
            since,
        } = &self.test
        {
            match answer {
                Ok(connected) => {
                    ui.label(connected.describe(*provider, *since, language));
                }
                Err(error) => {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        error.describe(*provider, language),
                    );
                }
            }
        }
    }

    /// A meaning per status value: the CRM's own values, those the mapping names and those the
    /// user added, each once (compared ignoring case, as the import compares them).
    fn statuses_ui(&mut self, ui: &mut Ui, language: Language) {
        let t = language.text();
        let mut values: Vec<String> = Vec::new();
        let mapped = [
            &self.mapping.accepted,
            &self.mapping.rejected,
            &self.mapping.customer,
        ];
        let candidates = self
            .provider
            .statuses()
            .iter()
            .map(|s| (*s).to_owned())
            .chain(mapped.into_iter().flatten().cloned())
            .chain(self.added.iter().cloned());
        for value in candidates {
            let key = value.trim().to_lowercase();
            if !key.is_empty() && !values.iter().any(|v| v.trim().to_lowercase() == key) {
                values.push(value);
            }
        }
        Grid::new("crm statuses")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for value in &values {
                    let label = ui.label(value);
                    let before = status_kind(&self.mapping, value).unwrap_or(StatusKind::Other);
                    let mut kind = before;
                    ComboBox::from_id_salt(("crm status", value))
                        .selected_text(kind_label(kind, language))
                        .show_ui(ui, |ui| {
                            for choice in StatusKind::ALL {
                                ui.selectable_value(
                                    &mut kind,
                                    choice,
                                    kind_label(choice, language),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if kind != before {
                        set_status_kind(&mut self.mapping, value, kind);
                    }
                    ui.end_row();
                }
                let label = ui.label(t.crm_status_new);
                ui.horizontal(|ui| {
                    ui.add(
                        TextEdit::singleline(&mut self.new_status)
                            .id_salt("crm new status")
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id);
                    let value = self.new_status.trim().to_owned();
                    if ui
                        .add_enabled(!value.is_empty(), egui::Button::new(t.crm_status_add))
                        .clicked()
                    {
                        self.added.push(value);
                        self.new_status.clear();
                    }
                });
                ui.end_row();
            });
    }
}

/// Where a user finds the token of `provider`, and the scope it needs.
fn token_hint(provider: Provider, language: Language) -> &'static str {
    let t = language.text();
    match provider {
        Provider::HubSpot => t.crm_token_hint_hubspot,
        Provider::Salesforce => t.crm_token_hint_salesforce,
        Provider::Pipedrive => t.crm_token_hint_pipedrive,
    }
}

/// A text field per field: the CRM property that holds it; empty: none.
fn properties_ui(ui: &mut Ui, mapping: &mut ImportMapping, language: Language) {
    let none = language.text().crm_property_none;
    Grid::new("crm properties")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for field in ImportField::ALL {
                let label = ui.label(field_label(field, language));
                let mut property = mapping.columns.get(&field).cloned().unwrap_or_default();
                let changed = ui
                    .add(
                        TextEdit::singleline(&mut property)
                            .id_salt(("crm property", field.key()))
                            .hint_text(none)
                            .desired_width(280.0),
                    )
                    .labelled_by(label.id)
                    .changed();
                if changed {
                    if property.trim().is_empty() {
                        mapping.columns.remove(&field);
                    } else {
                        mapping.columns.insert(field, property);
                    }
                }
                ui.end_row();
            }
        });
}
