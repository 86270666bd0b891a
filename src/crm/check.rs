//! Test connection: whether a token opens the CRM, which account it opens and how many leads
//! the period has there — two small requests, so the user knows before the first update that
//! the token, its scopes and the address are right.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::http::Client;
use super::{CrmError, Provider, Request, hubspot, pipedrive, salesforce};
use crate::i18n::{Language, fill};
use crate::tracking::import::Progress;

/// The account a token opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connected {
    /// The account's name, when the CRM tells it.
    pub name: Option<String>,
    /// The account's id in the CRM (HubSpot's portal id).
    pub id: String,
    /// Leads created from the request's day on.
    pub leads: u64,
}

impl Connected {
    /// "Connected to HubSpot account “Acme” (62515): 1,234 leads created since 1 January 2027."
    pub fn describe(&self, provider: Provider, since: NaiveDate, language: Language) -> String {
        let t = language.text();
        let account = match &self.name {
            Some(name) => fill(t.crm_account_named, &[("name", name), ("id", &self.id)]),
            None => self.id.clone(),
        };
        fill(
            t.crm_connected,
            &[
                ("crm", provider.name()),
                ("account", &account),
                ("leads", &language.numbers().decimal(self.leads as f64, 0)),
                ("since", &language.long_date(since)),
            ],
        )
    }
}

/// Asks the CRM of `request` which account its token opens and how many leads were created
/// from `request.since` on. Errors are those of a sync: a refused token, a missing scope, an
/// address that is not https, a broken answer.
pub fn check(request: &Request<'_>) -> Result<Connected, CrmError> {
    let client = super::client(request)?;
    // A few requests: nothing to cancel that the timeout does not end.
    let progress = Progress::default();
    let named = |(name, leads): (String, u64)| Connected {
        name: None,
        id: name,
        leads,
    };
    match request.provider {
        Provider::HubSpot => hubspot_account(&client, request.since, &progress),
        Provider::Salesforce => salesforce::check(&client, request.since, &progress).map(named),
        Provider::Pipedrive => pipedrive::check(&client, request.since, &progress).map(named),
    }
}

/// HubSpot: `GET /account-info/v3/details` (`portalId`, and `portalName` where the API sends
/// it), then a contacts search for one contact created from `since` on, whose `total` is the
/// count.
fn hubspot_account(
    client: &Client,
    since: NaiveDate,
    progress: &Progress,
) -> Result<Connected, CrmError> {
    let details = client.get(ACCOUNT_DETAILS, &[], progress)?;
    let id = match details.get("portalId") {
        Some(Value::Number(id)) => id.to_string(),
        Some(Value::String(id)) if !id.trim().is_empty() => id.trim().to_owned(),
        _ => {
            return Err(CrmError::Malformed {
                reason: "no portalId".to_owned(),
            });
        }
    };
    let name = details
        .get("portalName")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    let from = since
        .and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp_millis());
    let body = json!({
        "filterGroups": [{"filters": [
            {"propertyName": "createdate", "operator": "GTE", "value": from.to_string()},
        ]}],
        "properties": ["createdate"],
        "limit": 1,
    });
    let page = client.post(hubspot::SEARCH, &body, progress)?;
    let leads = page
        .get("total")
        .and_then(Value::as_u64)
        .ok_or_else(|| CrmError::Malformed {
            reason: "no total".to_owned(),
        })?;
    Ok(Connected { name, id, leads })
}

/// HubSpot's account details endpoint.
const ACCOUNT_DETAILS: &str = "/account-info/v3/details";
