//! HubSpot CRM v3: contacts through the search endpoint (`POST /crm/v3/objects/contacts/search`)
//! filtered on `createdate` from a day on (epoch milliseconds), 200 a page, oldest first, paged
//! by `paging.next.after`. A search returns at most 10,000 results: past them the range is
//! split by `createdate` (see [`read`]). Every property value arrives as a
//! string (or `null`); date properties come as `2027-01-15`, date-times as
//! `2027-01-15T09:30:00.000Z`, and older portals send epoch milliseconds — all three read.
//!
//! Customers: the stage date (`hs_lifecyclestage_customer_date`) says when a contact became
//! one, whatever its current stage; the revenue is the contact's `recent_deal_amount` (the
//! amount of its associated deal, which HubSpot keeps on the contact), so no second search of
//! deals is needed. A customer without a deal counts with no revenue.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate};
use serde_json::{Value, json};

use super::http::Client;
use super::{CrmError, Synced};
use crate::document::{ImportField, ImportMapping};
use crate::tracking::import::{
    Aggregate, Fields, Progress, Settings, Statuses, read_lead, suggest_status,
};

/// HubSpot's API.
pub const DEFAULT_BASE: &str = "https://api.hubapi.com";
/// The search endpoint of contacts.
pub const SEARCH: &str = "/crm/v3/objects/contacts/search";
/// Contacts a page: the most the search endpoint gives.
pub const PAGE_SIZE: u64 = 200;
/// The most results one search query pages through; past it HubSpot answers 400.
pub const MAX_RESULTS: u64 = 10_000;
/// The standard first-contact property, and the one read when a contact has no value there.
const FIRST_CONTACT: &str = "hs_sa_first_engagement_date";
const FIRST_CONTACT_FALLBACK: &str = "hs_first_outreach_date";
/// HubSpot's standard lifecycle stages (internal values), given their suggested meaning in
/// the standard mapping.
pub const STAGES: [&str; 8] = [
    "subscriber",
    "lead",
    "marketingqualifiedlead",
    "salesqualifiedlead",
    "opportunity",
    "customer",
    "evangelist",
    "other",
];

/// HubSpot's standard properties: created `createdate`, source `hs_analytics_source`, first
/// contact `hs_sa_first_engagement_date` (else `hs_first_outreach_date`), attempts
/// `num_contacted_notes`, status `lifecyclestage` with the customer stage date as close date,
/// revenue `recent_deal_amount`; the stages mean what the CSV import suggests for them.
pub fn default_mapping() -> ImportMapping {
    super::standard_mapping(
        &[
            (ImportField::Created, "createdate"),
            (ImportField::Source, "hs_analytics_source"),
            (ImportField::FirstContact, FIRST_CONTACT),
            (ImportField::Attempts, "num_contacted_notes"),
            (ImportField::Status, "lifecyclestage"),
            (ImportField::Closed, "hs_lifecyclestage_customer_date"),
            (ImportField::Amount, "recent_deal_amount"),
        ],
        STAGES.map(|stage| (stage, suggest_status(stage))),
    )
}

/// The properties to ask for: the mapped ones, `createdate` and the first-contact fallback.
fn properties(mapping: &ImportMapping) -> Vec<String> {
    let mut properties: Vec<String> = mapping.columns.values().cloned().collect();
    // The range is split by it, whatever the mapping reads as the created date.
    properties.push("createdate".to_owned());
    if mapping
        .columns
        .get(&ImportField::FirstContact)
        .map(String::as_str)
        == Some(FIRST_CONTACT)
    {
        properties.push(FIRST_CONTACT_FALLBACK.to_owned());
    }
    properties.sort();
    properties.dedup();
    properties
}

/// Midnight UTC of `day` in epoch milliseconds.
fn millis(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp_millis())
}

/// One search request: contacts created from `from` (epoch ms) on, oldest first.
fn search_body(from: i64, properties: &[String], after: Option<&str>) -> Value {
    let mut body = json!({
        "filterGroups": [{"filters": [
            {"propertyName": "createdate", "operator": "GTE", "value": from.to_string()},
        ]}],
        "sorts": [{"propertyName": "createdate", "direction": "ASCENDING"}],
        "properties": properties,
        "limit": PAGE_SIZE,
    });
    if let (Some(after), Some(map)) = (after, body.as_object_mut()) {
        map.insert("after".to_owned(), Value::String(after.to_owned()));
    }
    body
}

/// A property value as text: a string as it is, `null` or a missing property as empty, and a
/// number or truth value (not documented, but harmless) as written. Epoch milliseconds in a
/// date property become an ISO date-time in UTC.
fn text_of(value: Option<&Value>, is_date: bool) -> String {
    let text = match value {
        None | Some(Value::Null) => return String::new(),
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(other) => other.to_string(),
    };
    if is_date
        && text.len() >= 11
        && text.bytes().all(|b| b.is_ascii_digit())
        && let Some(moment) = text
            .parse::<i64>()
            .ok()
            .and_then(DateTime::from_timestamp_millis)
    {
        return moment.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    }
    text
}

/// A contact's values of the mapped fields.
struct Contact<'m> {
    mapping: &'m ImportMapping,
    values: [Option<String>; ImportField::ALL.len()],
}

impl<'m> Contact<'m> {
    fn read(mapping: &'m ImportMapping, properties: &serde_json::Map<String, Value>) -> Self {
        let values = ImportField::ALL.map(|field| {
            let property = mapping.columns.get(&field)?;
            let is_date = matches!(
                field,
                ImportField::Created | ImportField::FirstContact | ImportField::Closed
            );
            let mut text = text_of(properties.get(property), is_date);
            if text.is_empty() && field == ImportField::FirstContact && property == FIRST_CONTACT {
                text = text_of(properties.get(FIRST_CONTACT_FALLBACK), true);
            }
            Some(text)
        });
        Self { mapping, values }
    }
}

impl<'c> Fields<'c> for &'c Contact<'_> {
    fn value(&self, field: ImportField) -> Option<&'c str> {
        let contact: &'c Contact<'_> = self;
        let index = ImportField::ALL.iter().position(|f| *f == field)?;
        contact.values.get(index)?.as_deref()
    }

    fn name(&self, field: ImportField) -> Option<String> {
        self.mapping.columns.get(&field).cloned()
    }
}

fn malformed(reason: &str) -> CrmError {
    CrmError::Malformed {
        reason: reason.to_owned(),
    }
}

/// The `createdate` of a search result in epoch milliseconds, as sent (ISO or epoch ms).
fn created_millis(properties: &serde_json::Map<String, Value>) -> Option<i64> {
    let text = text_of(properties.get("createdate"), true);
    DateTime::parse_from_rfc3339(&text)
        .ok()
        .map(|t| t.timestamp_millis())
}

/// Reads every contact created from `since` on into `aggregate`, noting what was read and
/// skipped in `synced`.
///
/// The search pages through at most [`MAX_RESULTS`] contacts of a query, oldest first. When a
/// query holds more, the range is split by `createdate`: the next query starts at the
/// `createdate` of the last contact read, and the contacts of that very millisecond already
/// read are passed over, so every contact is read once and no request goes past the cap.
pub(super) fn read(
    client: &Client,
    since: NaiveDate,
    settings: &Settings,
    progress: &Progress,
    (aggregate, synced): (&mut Aggregate<'_>, &mut Synced),
) -> Result<(), CrmError> {
    let mapping = &settings.mapping;
    let properties = properties(mapping);
    let statuses = Statuses::new(settings);
    let mut from = millis(since);
    // The ids read whose `createdate` is `from`: the next range starts with them again.
    let mut at_from: HashSet<String> = HashSet::new();
    let mut announced = false;
    loop {
        let mut after: Option<String> = None;
        let mut last = from;
        let mut at_last: HashSet<String> = HashSet::new();
        let capped = loop {
            let page = client.post(
                SEARCH,
                &search_body(from, &properties, after.as_deref()),
                progress,
            )?;
            let total = page
                .get("total")
                .and_then(Value::as_u64)
                .ok_or_else(|| malformed("no total"))?;
            if !announced {
                progress.start(total);
                announced = true;
            }
            let results = page
                .get("results")
                .and_then(Value::as_array)
                .ok_or_else(|| malformed("no results"))?;
            for result in results {
                let id = result
                    .get("id")
                    .map_or_else(String::new, |v| text_of(Some(v), false));
                let properties = result
                    .get("properties")
                    .and_then(Value::as_object)
                    .ok_or_else(|| malformed("a contact without properties"))?;
                if let Some(created) = created_millis(properties) {
                    if created == from && at_from.contains(&id) {
                        continue;
                    }
                    if created > last {
                        last = created;
                        at_last.clear();
                    }
                    if created == last {
                        at_last.insert(id.clone());
                    }
                }
                let contact = Contact::read(mapping, properties);
                synced.read += 1;
                match read_lead(&&contact, settings, &statuses, true) {
                    Ok(lead) => aggregate.add(&lead),
                    Err(reason) => synced.skip(&id, reason),
                }
            }
            progress.set(synced.read as u64);
            let next = match page.pointer("/paging/next/after") {
                None | Some(Value::Null) => break false,
                Some(next) => text_of(Some(next), false),
            };
            let position = next.parse::<u64>().ok();
            if next.is_empty() || after.as_deref() == Some(next.as_str()) {
                return Err(malformed("a next page that does not move on"));
            }
            if position.is_some_and(|p| p + PAGE_SIZE > MAX_RESULTS) {
                break true;
            }
            after = Some(next);
        };
        if !capped {
            return Ok(());
        }
        if last == from {
            return Err(malformed(
                "more than 10,000 contacts created in the same millisecond",
            ));
        }
        from = last;
        at_from = at_last;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_documented_form_read() {
        assert_eq!(text_of(Some(&json!("2027-01-15")), true), "2027-01-15");
        assert_eq!(
            text_of(Some(&json!("1800000000000")), true),
            "2027-01-15T08:00:00.000Z"
        );
        assert_eq!(
            text_of(Some(&json!("1800000000000")), false),
            "1800000000000"
        );
        assert_eq!(text_of(Some(&Value::Null), true), "");
        assert_eq!(text_of(None, true), "");
        assert_eq!(text_of(Some(&json!(3)), false), "3");
    }

    #[test]
    fn the_standard_mapping_reads_the_standard_stages() {
        let mapping = default_mapping();
        assert_eq!(mapping.customer, ["customer"]);
        assert_eq!(mapping.accepted, ["salesqualifiedlead", "opportunity"]);
        assert!(properties(&mapping).contains(&FIRST_CONTACT_FALLBACK.to_owned()));
    }
}
