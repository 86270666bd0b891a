//! Salesforce REST API: leads through SOQL (`GET /services/data/v62.0/query?q=SELECT … FROM
//! Lead WHERE CreatedDate >= …`), 2,000 records a page, following `nextRecordsUrl` until
//! `done`. The base URL is the org's instance URL (the token's `instance_url`, e.g.
//! `https://acme.my.salesforce.com`): Salesforce has no common address.
//!
//! Customers: converting a lead makes an opportunity (`ConvertedOpportunityId`), which becomes
//! a customer only when it is won. So the standard mapping reads the close day and the amount
//! from the converted opportunity (`ConvertedOpportunity.CloseDate`,
//! `ConvertedOpportunity.Amount`), queried by id in batches of [`OPPORTUNITY_BATCH`] per page
//! of leads, and only from opportunities with `IsWon`: an open or lost opportunity has an
//! expected close date that is no win. A won opportunity without an amount is a customer
//! without revenue. A mapping that names a lead field as the close day (`ConvertedDate`)
//! counts every conversion as a customer.
//!
//! Values arrive as JSON: date-times as `2027-01-04T09:15:00.000+0000`, dates as
//! `2027-01-04`, amounts as numbers, a missing value as `null`.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::http::Client;
use super::record::{Record, text_of};
use super::{CrmError, Synced};
use crate::document::{ImportField, ImportMapping};
use crate::tracking::import::{Aggregate, Progress, Settings, Statuses, read_lead, suggest_status};

/// The REST API version asked for (Winter '25); every org of the last years serves it.
pub const API_VERSION: &str = "v62.0";
/// The query resource.
pub const QUERY: &str = "/services/data/v62.0/query";
/// Mapped names with this prefix are fields of the lead's converted opportunity.
pub const OPPORTUNITY: &str = "ConvertedOpportunity.";
/// Opportunity ids a query asks for: 200 ids of 18 characters keep the query's URL well under
/// Salesforce's 16,384-byte limit.
pub const OPPORTUNITY_BATCH: usize = 200;
/// The standard lead statuses (the `Status` picklist of a new org).
pub const STATUSES: [&str; 4] = [
    "Open - Not Contacted",
    "Working - Contacted",
    "Closed - Converted",
    "Closed - Not Converted",
];

/// Salesforce's standard fields: created `CreatedDate`, source `LeadSource`, status `Status`,
/// close day and revenue from the won converted opportunity (`ConvertedOpportunity.CloseDate`,
/// `ConvertedOpportunity.Amount`); the standard statuses mean what the CSV import suggests
/// (working and converted accepted, closed-not-converted rejected). Salesforce keeps no
/// standard first-contact time or attempt count on a lead: map custom fields for those.
pub fn default_mapping() -> ImportMapping {
    super::standard_mapping(
        &[
            (ImportField::Created, "CreatedDate"),
            (ImportField::Source, "LeadSource"),
            (ImportField::Status, "Status"),
            (ImportField::Closed, "ConvertedOpportunity.CloseDate"),
            (ImportField::Amount, "ConvertedOpportunity.Amount"),
        ],
        STATUSES.map(|status| (status, suggest_status(status))),
    )
}

/// `name` if SOQL may name it as a field: letters, digits and `_`, parts joined by `.` (a
/// relationship). Anything else could change the query, so it is refused.
fn field(name: &str) -> Result<&str, CrmError> {
    let part = |p: &str| {
        p.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    if name.split('.').all(part) {
        Ok(name)
    } else {
        Err(CrmError::BadField {
            name: name.to_owned(),
        })
    }
}

/// Midnight UTC of `day` as a SOQL date-time literal.
fn since_literal(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

/// The query of the leads created from `since` on, with the mapped lead fields.
fn lead_query(mapping: &ImportMapping, since: NaiveDate) -> Result<String, CrmError> {
    let mut fields = vec!["Id", "ConvertedOpportunityId"];
    for name in mapping.columns.values() {
        if !name.starts_with(OPPORTUNITY) {
            fields.push(field(name)?);
        }
    }
    dedup(&mut fields);
    Ok(format!(
        "SELECT {} FROM Lead WHERE CreatedDate >= {} ORDER BY CreatedDate",
        fields.join(", "),
        since_literal(since)
    ))
}

/// The opportunity fields the mapping reads (after [`OPPORTUNITY`]), with `Id` and `IsWon`.
fn opportunity_fields(mapping: &ImportMapping) -> Result<Vec<&str>, CrmError> {
    let mut fields = vec!["Id", "IsWon"];
    for name in mapping.columns.values() {
        if let Some(name) = name.strip_prefix(OPPORTUNITY) {
            fields.push(field(name)?);
        }
    }
    dedup(&mut fields);
    Ok(fields)
}

/// Field names once each, ignoring case as SOQL does.
fn dedup(fields: &mut Vec<&str>) {
    let mut seen = std::collections::HashSet::new();
    fields.retain(|f| seen.insert(f.to_ascii_lowercase()));
}

fn malformed(reason: &str) -> CrmError {
    CrmError::Malformed {
        reason: reason.to_owned(),
    }
}

/// The value of `name` in `record`: a dotted name walks a relationship (`Owner.Name`); a
/// field is found in any case, as SOQL accepts it.
fn value_of<'v>(record: &'v Map<String, Value>, name: &str) -> Option<&'v Value> {
    let (head, rest) = match name.split_once('.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (name, None),
    };
    let value = record.get(head).or_else(|| {
        record
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(head))
            .map(|(_, v)| v)
    })?;
    match rest {
        None => Some(value),
        Some(rest) => value_of(value.as_object()?, rest),
    }
}

/// Runs `soql` and hands every page to `page`, following `nextRecordsUrl` until `done`.
fn query(
    client: &Client,
    soql: &str,
    progress: &Progress,
    mut page: impl FnMut(&Value, &[Value]) -> Result<(), CrmError>,
) -> Result<(), CrmError> {
    let mut answer = client.get(QUERY, &[("q", soql)], progress)?;
    loop {
        let records = answer
            .get("records")
            .and_then(Value::as_array)
            .ok_or_else(|| malformed("no records"))?;
        page(&answer, records)?;
        let done = answer
            .get("done")
            .and_then(Value::as_bool)
            .ok_or_else(|| malformed("no done"))?;
        if done {
            return Ok(());
        }
        let next = answer
            .get("nextRecordsUrl")
            .and_then(Value::as_str)
            .filter(|n| n.starts_with("/services/data/"))
            .ok_or_else(|| malformed("not done, but no nextRecordsUrl"))?
            .to_owned();
        answer = client.get(&next, &[], progress)?;
    }
}

/// The won opportunities among `ids`, by id, with the fields `fields`.
fn won_opportunities(
    client: &Client,
    ids: &[&str],
    fields: &[&str],
    progress: &Progress,
) -> Result<HashMap<String, Map<String, Value>>, CrmError> {
    let mut won = HashMap::new();
    for batch in ids.chunks(OPPORTUNITY_BATCH) {
        if let Some(bad) = batch
            .iter()
            .find(|id| !id.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            return Err(malformed(&format!("“{bad}” is not an opportunity id")));
        }
        let soql = format!(
            "SELECT {} FROM Opportunity WHERE Id IN ('{}')",
            fields.join(", "),
            batch.join("','")
        );
        query(client, &soql, progress, |_, records| {
            for record in records.iter().filter_map(Value::as_object) {
                let id = record.get("Id").and_then(Value::as_str);
                let is_won = record.get("IsWon").and_then(Value::as_bool) == Some(true);
                if let (Some(id), true) = (id, is_won) {
                    won.insert(id.to_owned(), record.clone());
                }
            }
            Ok(())
        })?;
    }
    Ok(won)
}

/// The id of a lead's converted opportunity, when it has one.
fn converted(lead: &Value) -> Option<&str> {
    lead.get("ConvertedOpportunityId")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
}

/// Reads every lead created from `since` on into `aggregate`, noting what was read and
/// skipped in `synced`. Page by page: a page's converted opportunities are asked for before
/// its leads are added, and the page is dropped after.
pub(super) fn read(
    client: &Client,
    since: NaiveDate,
    settings: &Settings,
    progress: &Progress,
    (aggregate, synced): (&mut Aggregate<'_>, &mut Synced),
) -> Result<(), CrmError> {
    let mapping = &settings.mapping;
    let soql = lead_query(mapping, since)?;
    let fields = opportunity_fields(mapping)?;
    let reads_opportunities = fields.len() > 2;
    let statuses = Statuses::new(settings);
    let mut announced = false;
    query(client, &soql, progress, |answer, records| {
        if !announced {
            let total = answer
                .get("totalSize")
                .and_then(Value::as_u64)
                .ok_or_else(|| malformed("no totalSize"))?;
            progress.start(total);
            announced = true;
        }
        let won = if reads_opportunities {
            let ids: Vec<&str> = records.iter().filter_map(converted).collect();
            won_opportunities(client, &ids, &fields, progress)?
        } else {
            HashMap::new()
        };
        for record in records {
            let lead = record
                .as_object()
                .ok_or_else(|| malformed("a lead that is no record"))?;
            let opportunity = converted(record).and_then(|id| won.get(id));
            let values = Record::read(mapping, |name| match name.strip_prefix(OPPORTUNITY) {
                Some(name) => text_of(opportunity.and_then(|o| value_of(o, name))),
                None => text_of(value_of(lead, name)),
            });
            let id = text_of(lead.get("Id"));
            synced.read += 1;
            match read_lead(&&values, settings, &statuses, true) {
                Ok(lead) => aggregate.add(&lead),
                Err(reason) => synced.skip(&id, reason),
            }
        }
        progress.set(synced.read as u64);
        Ok(())
    })
}

/// Tests the connection for the connect dialog: the org's name (`SELECT Name FROM
/// Organization`) and how many leads were created from `since` on (`SELECT COUNT() FROM Lead
/// WHERE CreatedDate >= …`, whose `totalSize` is the count).
pub fn check(
    client: &Client,
    since: NaiveDate,
    progress: &Progress,
) -> Result<(String, u64), CrmError> {
    let org = client.get(QUERY, &[("q", "SELECT Name FROM Organization")], progress)?;
    let name = org
        .pointer("/records/0/Name")
        .and_then(Value::as_str)
        .ok_or_else(|| malformed("no organization name"))?
        .to_owned();
    let soql = format!(
        "SELECT COUNT() FROM Lead WHERE CreatedDate >= {}",
        since_literal(since)
    );
    let count = client
        .get(QUERY, &[("q", &soql)], progress)?
        .get("totalSize")
        .and_then(Value::as_u64)
        .ok_or_else(|| malformed("no totalSize"))?;
    Ok((name, count))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_standard_mapping_asks_for_the_standard_fields() {
        let mapping = default_mapping();
        let since = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
        let soql = lead_query(&mapping, since).unwrap_or_default();
        assert_eq!(
            soql,
            "SELECT Id, ConvertedOpportunityId, CreatedDate, LeadSource, Status FROM Lead \
             WHERE CreatedDate >= 2027-01-01T00:00:00Z ORDER BY CreatedDate"
        );
        assert_eq!(
            opportunity_fields(&mapping).unwrap_or_default(),
            ["Id", "IsWon", "CloseDate", "Amount"]
        );
        assert_eq!(mapping.rejected, ["Closed - Not Converted"]);
        assert!(mapping.accepted.contains(&"Closed - Converted".to_owned()));
    }

    #[test]
    fn a_field_name_cannot_change_the_query() {
        assert!(field("Lead_Score__c").is_ok());
        assert!(field("Owner.Name").is_ok());
        for bad in ["", "Id FROM User --", "Name,Id", "a..b", "1x", "x'"] {
            assert_eq!(
                field(bad),
                Err(CrmError::BadField {
                    name: bad.to_owned()
                })
            );
        }
    }

    #[test]
    fn fields_are_found_in_any_case_and_through_relationships() {
        let record = json!({"LeadSource": "Web", "Owner": {"Name": "Ann"}});
        let record = record.as_object().cloned().unwrap_or_default();
        assert_eq!(value_of(&record, "leadsource"), Some(&json!("Web")));
        assert_eq!(value_of(&record, "Owner.Name"), Some(&json!("Ann")));
        assert_eq!(value_of(&record, "Owner.Email"), None);
    }
}
