//! Step 3 straight from the CRM: the leads of a period read from a CRM's REST API into the
//! same per-lead records as the CSV import ([`crate::tracking::import::read_lead`]) and summed
//! by the same [`Aggregate`], so a sync and an import of the same leads give the same actuals.
//!
//! Pages are streamed: each page's leads are added to the aggregate and dropped, so memory
//! grows with the days and sources, not with the contacts. Nothing reaches the document until
//! the whole fetch has succeeded ([`apply`]); a broken answer, a refused token or a cancel
//! leaves it as it was. Egui-free and blocking: the app runs it on a worker, the command line
//! (`sla-planner sync`) in its own thread.
//!
//! The token is never part of the document or of any message: see [`token`].

mod check;
mod http;
pub mod hubspot;
pub mod pipedrive;
mod record;
pub mod salesforce;
pub mod token;

pub use check::{Connected, check};
pub use http::{Client, check_base};

use chrono::NaiveDate;

pub use crate::document::{CrmLink, LastSync, Provider};
use crate::document::{ImportField, ImportMapping, SlaDocument, SourceDay};
use crate::i18n::{Language, fill};
use crate::tracking::import::{
    Aggregate, MAX_LISTED_SKIPPED, Outside, Progress, Settings, SkipReason, StatusKind,
    set_status_kind,
};

impl Provider {
    /// The name the user knows it by.
    pub fn name(self) -> &'static str {
        match self {
            Self::HubSpot => "HubSpot",
            Self::Salesforce => "Salesforce",
            Self::Pipedrive => "Pipedrive",
        }
    }

    /// The name used on the command line and in the credential store.
    pub fn key(self) -> &'static str {
        match self {
            Self::HubSpot => "hubspot",
            Self::Salesforce => "salesforce",
            Self::Pipedrive => "pipedrive",
        }
    }

    /// The API's address when the document names none. Salesforce has none: every org has
    /// its own instance URL (the token's `instance_url`).
    pub fn default_base(self) -> Option<&'static str> {
        match self {
            Self::HubSpot => Some(hubspot::DEFAULT_BASE),
            Self::Salesforce => None,
            Self::Pipedrive => Some(pipedrive::DEFAULT_BASE),
        }
    }

    /// The status values the CRM has out of the box (HubSpot's lifecycle stages), offered in
    /// the mapping besides those the document names.
    pub fn statuses(self) -> &'static [&'static str] {
        match self {
            Self::HubSpot => &hubspot::STAGES,
            Self::Salesforce => &salesforce::STATUSES,
            Self::Pipedrive => &pipedrive::STATUSES,
        }
    }

    /// The mapping used when the document has none: the CRM's standard properties.
    pub fn default_mapping(self) -> ImportMapping {
        match self {
            Self::HubSpot => hubspot::default_mapping(),
            Self::Salesforce => salesforce::default_mapping(),
            Self::Pipedrive => pipedrive::default_mapping(),
        }
    }
}

impl Default for CrmLink {
    fn default() -> Self {
        Self {
            provider: Provider::HubSpot,
            base_url: None,
            mapping: Provider::HubSpot.default_mapping(),
            last_sync: None,
            update_on_open: false,
        }
    }
}

/// Why a sync failed. Every message is in the user's words, names no token and leaves the
/// document as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CrmError {
    #[error("no token for {provider:?}")]
    NoToken {
        provider: Provider,
        /// Why the credential store could not be asked, when it could not.
        store: Option<String>,
    },
    #[error("no instance URL")]
    NoInstance,
    #[error("not a field name: {name}")]
    BadField { name: String },
    #[error("refused: {message}")]
    Denied { message: String },
    #[error("not a web address: {url}")]
    BadUrl { url: String },
    #[error("not https: {url}")]
    Insecure { url: String },
    #[error("network: {reason}")]
    Network { reason: String },
    #[error("timed out")]
    Timeout,
    #[error("the token was refused")]
    Unauthorized,
    #[error("the token lacks a scope: {scope:?}")]
    Forbidden { scope: Option<String> },
    #[error("rate limited: {policy:?}")]
    RateLimited { policy: Option<String> },
    #[error("refused with {status}: {message}")]
    Refused { status: u16, message: String },
    #[error("a broken answer: {reason}")]
    Malformed { reason: String },
    #[error("cancelled")]
    Cancelled,
}

impl CrmError {
    /// The error in the user's words.
    pub fn describe(&self, provider: Provider, language: Language) -> String {
        let t = language.text();
        let name = provider.name();
        match self {
            Self::NoToken { store: None, .. } => fill(
                t.crm_no_token,
                &[("crm", name), ("variable", token::env_var(provider))],
            ),
            Self::NoToken {
                store: Some(reason),
                ..
            } => fill(
                t.crm_no_token_store,
                &[
                    ("crm", name),
                    ("variable", token::env_var(provider)),
                    ("reason", reason),
                ],
            ),
            Self::NoInstance => fill(t.crm_no_instance, &[("crm", name)]),
            Self::BadField { name: field } => {
                fill(t.crm_bad_field, &[("crm", name), ("field", field)])
            }
            Self::Denied { message } => fill(
                t.crm_denied,
                &[
                    ("crm", name),
                    ("message", message),
                    ("permission", provider.read_scope()),
                ],
            ),
            Self::BadUrl { url } => fill(t.crm_bad_url, &[("url", url)]),
            Self::Insecure { url } => fill(t.crm_insecure, &[("url", url)]),
            Self::Network { reason } => fill(t.crm_network, &[("crm", name), ("reason", reason)]),
            Self::Timeout => fill(
                t.crm_timeout,
                &[
                    ("crm", name),
                    ("seconds", &http::TIMEOUT.as_secs().to_string()),
                ],
            ),
            Self::Unauthorized => fill(t.crm_unauthorized, &[("crm", name)]),
            Self::Forbidden { scope } => fill(
                t.crm_forbidden,
                &[
                    ("crm", name),
                    ("scope", scope.as_deref().unwrap_or(provider.read_scope())),
                ],
            ),
            Self::RateLimited { policy } => fill(
                t.crm_rate_limited,
                &[("crm", name), ("policy", policy.as_deref().unwrap_or("-"))],
            ),
            Self::Refused { status, message } => fill(
                t.crm_refused,
                &[
                    ("crm", name),
                    ("status", &status.to_string()),
                    ("message", message),
                ],
            ),
            Self::Malformed { reason } => {
                fill(t.crm_malformed, &[("crm", name), ("reason", reason)])
            }
            Self::Cancelled => t.crm_cancelled.to_owned(),
        }
    }
}

impl Provider {
    /// The scope (permission) a token needs to read the leads: HubSpot's private-app scope,
    /// Salesforce's user permission and OAuth scope, Pipedrive's OAuth scopes (an API token
    /// carries its user's own visibility).
    pub fn read_scope(self) -> &'static str {
        match self {
            Self::HubSpot => "crm.objects.contacts.read",
            Self::Salesforce => "API Enabled (OAuth scope api)",
            Self::Pipedrive => "leads:read, deals:read",
        }
    }
}

/// Skipped records the summary names; the others are listed apart.
pub const SUMMARY_NAMED: usize = 3;

/// A record the CRM sent that was not counted: its id and why.
#[derive(Clone, Debug, PartialEq)]
pub struct SkippedRecord {
    pub id: String,
    pub reason: SkipReason,
}

/// What a sync read, ready to apply.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Synced {
    /// Records per day and source, sorted by day and source key.
    pub records: Vec<SourceDay>,
    /// Leads the CRM sent.
    pub read: usize,
    /// Leads that counted.
    pub imported: usize,
    /// The first [`MAX_LISTED_SKIPPED`] skipped records.
    pub skipped: Vec<SkippedRecord>,
    /// Skipped records beyond those, counted.
    pub skipped_unlisted: usize,
    pub outside: Option<Outside>,
}

impl Synced {
    /// Notes a record that was not counted.
    fn skip(&mut self, id: &str, reason: SkipReason) {
        if self.skipped.len() < MAX_LISTED_SKIPPED {
            self.skipped.push(SkippedRecord {
                id: id.to_owned(),
                reason,
            });
        } else {
            self.skipped_unlisted += 1;
        }
    }

    /// The days whose figures [`apply`] replaces (for the sources that have records there).
    pub fn days(&self) -> usize {
        let mut days: Vec<NaiveDate> = self.records.iter().map(|r| r.date).collect();
        days.dedup();
        days.len()
    }

    /// "312 leads read, 9 days updated, 2 records skipped: record 17: …; record 18: …"
    /// (the first few skipped records named).
    pub fn summary(&self, language: Language) -> String {
        const NAMED: usize = SUMMARY_NAMED;
        let t = language.text();
        let n = |v: usize| language.numbers().decimal(v as f64, 0);
        let skipped = self.skipped.len() + self.skipped_unlisted;
        let mut text = fill(
            t.crm_summary,
            &[
                ("read", &n(self.read)),
                ("days", &n(self.days())),
                (
                    "records",
                    &fill(
                        if skipped == 1 {
                            t.crm_one_record
                        } else {
                            t.crm_n_records
                        },
                        &[("n", &n(skipped))],
                    ),
                ),
            ],
        );
        if skipped > 0 {
            let named: Vec<String> = self
                .skipped
                .iter()
                .take(NAMED)
                .map(|s| s.describe(language))
                .collect();
            text.push_str(": ");
            text.push_str(&named.join("; "));
            if skipped > NAMED {
                text.push_str("; …");
            }
        } else {
            text.push('.');
        }
        text
    }
}

impl SkippedRecord {
    /// "Record 17: the date “yesterday” in createdate is not a date …"
    pub fn describe(&self, language: Language) -> String {
        fill(
            language.text().crm_skipped_record,
            &[
                ("id", &self.id),
                ("reason", &self.reason.describe(language)),
            ],
        )
    }
}

/// Where and how to read.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub provider: Provider,
    /// The API's address; `None`: the provider's own.
    pub base_url: Option<&'a str>,
    pub token: &'a str,
    /// The first created day to read leads from.
    pub since: NaiveDate,
}

/// Reads every lead created since `request.since` and sums them as the CSV import would with
/// `settings` (whose mapping names the CRM's properties). `progress` counts the leads of the
/// total the CRM announced, and cancels.
pub fn fetch(
    request: &Request<'_>,
    settings: &Settings,
    progress: &Progress,
) -> Result<Synced, CrmError> {
    let client = client(request)?;
    let mut aggregate = Aggregate::new(settings);
    let mut synced = Synced::default();
    let into = (&mut aggregate, &mut synced);
    match request.provider {
        Provider::HubSpot => hubspot::read(&client, request.since, settings, progress, into)?,
        Provider::Salesforce => {
            salesforce::read(&client, request.since, settings, progress, into)?;
        }
        Provider::Pipedrive => {
            pipedrive::read(&client, request.since, settings, progress, into)?;
        }
    }
    synced.imported = aggregate.imported;
    synced.outside = aggregate.outside.take();
    synced.records = aggregate.records();
    Ok(synced)
}

/// A client of the request's CRM at its base URL (or the provider's own), with its token.
pub fn client(request: &Request<'_>) -> Result<Client, CrmError> {
    let base = request
        .base_url
        .or_else(|| request.provider.default_base())
        .ok_or(CrmError::NoInstance)?;
    Client::new(request.provider, base, request.token)
}

/// Puts a complete sync into the document: per day and source, what the CRM holds replaces
/// what was there, as a CSV import does (see [`crate::document::Actuals::replace_held`]), so
/// the same leads twice give the same actuals; the link (with the mapping used) is remembered
/// with the time of the sync.
pub fn apply(doc: &mut SlaDocument, synced: &Synced, mut link: CrmLink, sync: LastSync) {
    doc.actuals.replace_held(synced.records.clone());
    link.last_sync = Some(sync);
    doc.tracking.crm = Some(link);
}

/// The first created day an update reads: the agreed plan's first day (as `sla-planner sync`
/// reads by default), else the range of the last sync, else a year before `today`.
///
/// Not the day of the last sync: the CRM is searched by the day a lead was created, and a
/// lead created before the last sync may have been accepted or won since. Customers count on
/// the day they closed, so reading only newer leads would replace a recent day's customers
/// with fewer. Reading the whole range again is safe: the days it covers are replaced, so the
/// same leads give the same actuals.
pub fn update_since(link: &CrmLink, settings: &Settings, today: NaiveDate) -> NaiveDate {
    settings
        .period
        .map(|(first, _)| first)
        .or_else(|| link.last_sync.map(|s| s.since))
        .unwrap_or_else(|| today - chrono::Days::new(365))
}

/// A CRM's standard mapping: the property or field that holds each of `columns`, and what
/// each of its standard `statuses` means.
fn standard_mapping(
    columns: &[(ImportField, &str)],
    statuses: impl IntoIterator<Item = (&'static str, StatusKind)>,
) -> ImportMapping {
    let mut mapping = ImportMapping {
        columns: columns
            .iter()
            .map(|(field, name)| (*field, (*name).to_owned()))
            .collect(),
        ..ImportMapping::default()
    };
    for (status, kind) in statuses {
        set_status_kind(&mut mapping, status, kind);
    }
    mapping
}

/// The settings of a sync into `doc`: its CRM mapping (or the provider's standard one),
/// dates read year first as every CRM's API writes them.
pub fn settings_for(doc: &SlaDocument, mapping: ImportMapping) -> Settings {
    Settings::for_document(doc, mapping, crate::document::DateOrder::YearMonthDay)
}
