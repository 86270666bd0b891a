//! Pipedrive: a lead lives in the Leads Inbox until it is converted into a deal, so the leads
//! of a period are the leads (`GET /api/v1/leads`, archived ones too) plus the deals
//! (`GET /api/v2/deals`) created in it. Leads page by offset (`start`, `limit` up to 500,
//! `additional_data.more_items_in_collection`), newest first, so paging stops at the first
//! lead older than the period; deals page by cursor (`additional_data.next_cursor`) from
//! `updated_since` the period's first day (a deal created since was updated since). The API
//! token travels in the `x-api-token` header.
//!
//! Source: `origin` (how the lead or deal came in: `WebForms`, `LeadBooster`, `API`, …), or
//! `channel` when the mapping names it. A deal's `status` says what sales did: `open` means
//! accepted, `won` a customer on its `won_time` with its `value`, `lost` rejected with its
//! `lost_reason`; a lead has no status (not yet worked). Dates arrive as
//! `2027-01-04 09:15:00` (UTC) or ISO (`2027-01-04T09:15:00Z`, `…00.000Z`); a lead's value is
//! an object (`{"amount": 300, "currency": "EUR"}`), a deal's a number.

use chrono::NaiveDate;
use serde_json::Value;

use super::http::Client;
use super::record::{Record, text_of};
use super::{CrmError, Synced};
use crate::document::{DateOrder, ImportField, ImportMapping};
use crate::tracking::import::{
    Aggregate, Progress, Settings, StatusKind, Statuses, parse_when, read_lead,
};

/// Pipedrive's API (a company domain, `https://acme.pipedrive.com`, serves it too).
pub const DEFAULT_BASE: &str = "https://api.pipedrive.com";
/// The leads, offset-paged.
pub const LEADS: &str = "/api/v1/leads";
/// The deals, cursor-paged.
pub const DEALS: &str = "/api/v2/deals";
/// The token's user and company.
pub const ME: &str = "/api/v1/users/me";
/// Leads or deals a page: the most Pipedrive gives.
pub const PAGE_SIZE: u64 = 500;
/// The statuses a lead or deal has out of the box, offered in the connect dialog's mapping.
pub const STATUSES: [&str; 3] = ["open", "won", "lost"];
/// What each of [`STATUSES`] means: an open deal is accepted, a won one a customer, a lost one
/// rejected.
const MEANINGS: [StatusKind; 3] = [
    StatusKind::Accepted,
    StatusKind::Customer,
    StatusKind::Rejected,
];

/// Pipedrive's standard fields: created `add_time`, source `origin`, status `status`, close day
/// `won_time`, revenue `value`, rejection reason `lost_reason`; `open` deals accepted, `won`
/// customers, `lost` rejected.
pub fn default_mapping() -> ImportMapping {
    super::standard_mapping(
        &[
            (ImportField::Created, "add_time"),
            (ImportField::Source, "origin"),
            (ImportField::Status, "status"),
            (ImportField::Closed, "won_time"),
            (ImportField::Amount, "value"),
            (ImportField::Reason, "lost_reason"),
        ],
        STATUSES.into_iter().zip(MEANINGS),
    )
}

fn malformed(reason: &str) -> CrmError {
    CrmError::Malformed {
        reason: reason.to_owned(),
    }
}

/// The day an item was created (`add_time`), when it reads as a date.
fn created_day(item: &serde_json::Map<String, Value>) -> Option<NaiveDate> {
    parse_when(&text_of(item.get("add_time")), DateOrder::YearMonthDay).map(|w| w.date)
}

/// An answer's `data`, which Pipedrive sends as `null` for an empty list.
fn data(answer: &Value) -> Result<Vec<&serde_json::Map<String, Value>>, CrmError> {
    if answer.get("success").and_then(Value::as_bool) == Some(false) {
        return Err(malformed("success is false"));
    }
    match answer.get("data") {
        Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_object()
                    .ok_or_else(|| malformed("an item that is no object"))
            })
            .collect(),
        _ => Err(malformed("no data")),
    }
}

/// Hands every lead and deal created from `since` on to `each`, page by page.
fn each(
    client: &Client,
    since: NaiveDate,
    progress: &Progress,
    mut each: impl FnMut(&serde_json::Map<String, Value>),
) -> Result<(), CrmError> {
    let limit = PAGE_SIZE.to_string();
    let mut start: u64 = 0;
    'leads: loop {
        let offset = start.to_string();
        let query = [
            ("limit", limit.as_str()),
            ("start", offset.as_str()),
            ("archived_status", "all"),
            ("sort", "add_time DESC"),
        ];
        let answer = client.get(LEADS, &query, progress)?;
        let items = data(&answer)?;
        let count = items.len() as u64;
        for item in items {
            match created_day(item) {
                // Newest first: the rest is older still.
                Some(day) if day < since => break 'leads,
                _ => each(item),
            }
        }
        let more = answer
            .pointer("/additional_data/more_items_in_collection")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if !more {
            break;
        }
        if count == 0 {
            return Err(malformed("more leads announced, but none sent"));
        }
        start += count;
    }
    let updated_since = format!("{}T00:00:00Z", since.format("%Y-%m-%d"));
    let mut cursor: Option<String> = None;
    loop {
        let mut query = vec![
            ("limit", limit.as_str()),
            ("updated_since", updated_since.as_str()),
            ("sort_by", "add_time"),
        ];
        if let Some(cursor) = &cursor {
            query.push(("cursor", cursor));
        }
        let answer = client.get(DEALS, &query, progress)?;
        for item in data(&answer)? {
            if created_day(item).is_none_or(|day| day >= since) {
                each(item);
            }
        }
        match answer.pointer("/additional_data/next_cursor") {
            None | Some(Value::Null) => return Ok(()),
            Some(Value::String(next)) if cursor.as_ref() != Some(next) && !next.is_empty() => {
                cursor = Some(next.clone());
            }
            Some(_) => return Err(malformed("a next page that does not move on")),
        }
    }
}

/// Reads every lead and deal created from `since` on into `aggregate`, noting what was read
/// and skipped in `synced`. Pipedrive says no total up front: progress counts the records.
pub(super) fn read(
    client: &Client,
    since: NaiveDate,
    settings: &Settings,
    progress: &Progress,
    (aggregate, synced): (&mut Aggregate<'_>, &mut Synced),
) -> Result<(), CrmError> {
    let mapping = &settings.mapping;
    let statuses = Statuses::new(settings);
    each(client, since, progress, |item| {
        let values = Record::read(mapping, |name| text_of(item.get(name)));
        synced.read += 1;
        match read_lead(&&values, settings, &statuses, false) {
            Ok(lead) => aggregate.add(&lead),
            Err(reason) => synced.skip(&text_of(item.get("id")), reason),
        }
        progress.set(synced.read as u64);
    })
}

/// Tests the connection for the connect dialog: the company of the token's user
/// (`/api/v1/users/me`, `company_name`) and how many leads and deals were created from
/// `since` on. Pipedrive has no count by creation day, so the leads and deals are paged
/// through (ids only counted).
pub fn check(
    client: &Client,
    since: NaiveDate,
    progress: &Progress,
) -> Result<(String, u64), CrmError> {
    let me = client.get(ME, &[], progress)?;
    let company = me
        .pointer("/data/company_name")
        .and_then(Value::as_str)
        .ok_or_else(|| malformed("no company_name"))?
        .to_owned();
    let mut count = 0;
    each(client, since, progress, |_| count += 1)?;
    Ok((company, count))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn dates_in_both_documented_forms_give_the_day() {
        for (add_time, day) in [
            ("2027-01-04 09:15:00", (2027, 1, 4)),
            ("2027-01-04T23:15:00Z", (2027, 1, 4)),
            ("2027-01-05T00:15:00.000Z", (2027, 1, 5)),
        ] {
            let item = json!({ "add_time": add_time });
            let item = item.as_object().cloned().unwrap_or_default();
            assert_eq!(
                created_day(&item),
                NaiveDate::from_ymd_opt(day.0, day.1, day.2)
            );
        }
        assert_eq!(created_day(&serde_json::Map::new()), None);
    }

    #[test]
    fn the_standard_mapping_reads_deal_statuses() {
        let mapping = default_mapping();
        assert_eq!(mapping.accepted, ["open"]);
        assert_eq!(mapping.customer, ["won"]);
        assert_eq!(mapping.rejected, ["lost"]);
    }

    #[test]
    fn an_answer_without_data_is_broken_and_null_data_is_empty() {
        assert!(data(&json!({"success": true, "data": null})).is_ok_and(|d| d.is_empty()));
        assert!(data(&json!({"success": true})).is_err());
        assert!(data(&json!({"success": false, "data": []})).is_err());
    }
}
