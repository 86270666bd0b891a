//! A document's link to its CRM (issue 19): which CRM, where its API is, how its properties
//! map to the import's fields and when it was last synced. Only non-secret settings: the
//! token lives in the system's credential store (see `crate::crm::token`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::ImportMapping;

/// The CRMs the planner reads from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Provider {
    HubSpot,
    Salesforce,
    Pipedrive,
}

impl Provider {
    /// Every CRM, in the order the app offers them.
    pub const ALL: [Self; 3] = [Self::HubSpot, Self::Salesforce, Self::Pipedrive];
}

/// What the document remembers of its CRM, so the next sync needs no questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CrmLink {
    pub provider: Provider,
    /// The API's address when it is not the provider's own (a proxy, a sandbox).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Which property holds each field and which status values mean what, as the CSV
    /// import's mapping (property names in place of column headers).
    pub mapping: ImportMapping,
    /// When the last sync that was applied ran, and from which day it read leads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sync: Option<LastSync>,
    /// Update the actuals from the CRM each time the app opens this file.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub update_on_open: bool,
}

/// When a sync ran and what it covered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastSync {
    pub at: DateTime<Utc>,
    /// The first created day it read leads from.
    pub since: NaiveDate,
}
