//! Actuals straight from Salesforce and Pipedrive, against fakes of their APIs on 127.0.0.1
//! ([`crate::crm_fake`]): paging (`nextRecordsUrl`, offsets and cursors), the converted
//! opportunities, rate limits, server errors, refusals in words, broken answers, the
//! connection test, and the one thing that matters most — a sync gives the same actuals as the
//! CSV import of the same leads. The command line runs as a scheduler would, the token in
//! `SLA_PLANNER_SALESFORCE_TOKEN` / `SLA_PLANNER_PIPEDRIVE_TOKEN`, never in a file.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use sla_planner::crm::{self, Client, CrmError, Provider, Request, pipedrive, salesforce};
use sla_planner::document::{ImportMapping, SlaDocument, SourceDay};
use sla_planner::i18n::Language;
use sla_planner::tracking::import::{self, CsvText, Progress, StatusKind, set_status_kind};

use crate::crm_fake::{Fake, Item, Org, Reply, iso_ms};
use crate::process::{self, DocFolder};

const SF_TOKEN: &str = "00D5e000000TEST!AQ0AQ.sf-5ecret-token";
const PD_TOKEN: &str = "pd0123456789abcdef5ecret";

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + chrono::Days::new(n)
}

fn since() -> NaiveDate {
    day(0)
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// A lead both as the CRM sends it and as a CSV export row.
struct Lead {
    item: Item,
    row: Vec<String>,
}

fn csv_of(columns: &[&str], leads: &[Lead]) -> String {
    let mut text = columns.join(",");
    text.push('\n');
    for lead in leads {
        text.push_str(&lead.row.join(","));
        text.push('\n');
    }
    text
}

/// The CSV import of `csv` into the example with `mapping`.
fn imported(csv: &str, mapping: ImportMapping) -> import::Imported {
    let doc = SlaDocument::example().unwrap();
    let settings = crm::settings_for(&doc, mapping);
    let text = CsvText::decode(csv.as_bytes()).unwrap();
    import::import(&text, &settings, &Progress::default()).unwrap()
}

fn fetch(
    provider: Provider,
    url: &str,
    token: &str,
    mapping: ImportMapping,
) -> Result<crm::Synced, CrmError> {
    let doc = SlaDocument::example().unwrap();
    let settings = crm::settings_for(&doc, mapping);
    let request = Request {
        provider,
        base_url: Some(url),
        token,
        since: since(),
    };
    crm::fetch(&request, &settings, &Progress::default())
}

fn sum(records: &[SourceDay], f: fn(&SourceDay) -> f64) -> f64 {
    records.iter().map(f).sum()
}

// ---------------------------------------------------------------- Salesforce

const SF_COLUMNS: [&str; 5] = [
    "CreatedDate",
    "LeadSource",
    "Status",
    "ConvertedOpportunity.CloseDate",
    "ConvertedOpportunity.Amount",
];

/// `n` leads in January–March 2027 and their opportunities: created as Salesforce writes a
/// date-time (`…000+0000`), a lead without source, every standard status, converted leads
/// whose opportunity is won with an amount or without one, and one created date that is no
/// date. Every converted lead's opportunity is won here, so the status "Closed - Converted"
/// may mean a customer in the CSV mapping too.
fn sf_leads(n: u64) -> (Vec<Lead>, Vec<Map<String, Value>>) {
    const SOURCES: [Option<&str>; 5] = [
        Some("Web"),
        Some("Phone Inquiry"),
        Some("Partner Referral"),
        Some("Purchased List"),
        None,
    ];
    let mut opportunities = Vec::new();
    let leads = (0..n)
        .map(|i| {
            let created = format!("{}T{:02}:{:02}:00.000+0000", day(i % 80), 8 + i % 9, i % 60);
            let mut row = vec![String::new(); SF_COLUMNS.len()];
            let mut fields = object(json!({"Id": format!("00Q{i:015}")}));
            let sent = if i == 7 {
                "yesterday".to_owned()
            } else {
                created.clone()
            };
            fields.insert("CreatedDate".into(), json!(sent));
            row[0] = sent;
            let source = SOURCES[(i % 5) as usize];
            fields.insert("LeadSource".into(), json!(source));
            row[1] = source.unwrap_or_default().into();
            let status = match i % 6 {
                0 => "Open - Not Contacted",
                1 => "Working - Contacted",
                2 => "Closed - Not Converted",
                _ => "Closed - Converted",
            };
            fields.insert("Status".into(), json!(status));
            fields.insert("IsConverted".into(), json!(i % 6 >= 3));
            row[2] = status.into();
            if i % 6 >= 3 {
                let id = format!("006{i:015}");
                fields.insert("ConvertedOpportunityId".into(), json!(id));
                let won = day(i % 80 + 10).to_string();
                // Every third converted lead's opportunity has no amount.
                let amount = (i % 6 != 5).then_some(1250.5);
                opportunities.push(object(json!({
                    "Id": id, "IsWon": true, "CloseDate": won, "Amount": amount,
                })));
                row[3] = won;
                row[4] = amount.map(|a| a.to_string()).unwrap_or_default();
            } else {
                fields.insert("ConvertedOpportunityId".into(), Value::Null);
            }
            Lead {
                item: Item {
                    created_ms: iso_ms(&created),
                    fields,
                },
                row,
            }
        })
        .collect();
    (leads, opportunities)
}

/// The standard mapping with "Closed - Converted" meaning a customer: what a CSV import of
/// the same leads needs, since a CSV row's status decides where a sync reads the won
/// opportunity.
fn sf_mapping() -> ImportMapping {
    let mut mapping = Provider::Salesforce.default_mapping();
    set_status_kind(&mut mapping, "Closed - Converted", StatusKind::Customer);
    mapping
}

fn org(leads: Vec<Item>, opportunities: Vec<Map<String, Value>>, batch: usize) -> Org {
    Org {
        name: "Acme Inc.".into(),
        leads,
        opportunities,
        batch,
    }
}

fn one_sf_lead() -> Org {
    let (leads, opportunities) = sf_leads(4);
    org(
        leads.into_iter().skip(3).map(|l| l.item).collect(),
        opportunities,
        2000,
    )
}

/// One aggregation, two readers: the same leads through the CSV import and through the
/// Salesforce sync give the same records per day and source and the same skipped lead.
#[test]
fn a_salesforce_sync_gives_the_actuals_of_the_csv_import_of_the_same_leads() {
    let (leads, opportunities) = sf_leads(450);
    let csv = csv_of(&SF_COLUMNS, &leads);
    let fake = Fake::salesforce(
        org(
            leads.into_iter().map(|l| l.item).collect(),
            opportunities,
            100,
        ),
        30,
    );
    let synced = fetch(Provider::Salesforce, &fake.url, SF_TOKEN, sf_mapping()).unwrap();
    let imported = imported(&csv, sf_mapping());

    assert_eq!(synced.records, imported.records);
    assert_eq!((synced.read, synced.imported), (450, 449));
    assert_eq!(imported.imported, 449);
    assert_eq!(synced.skipped.len(), 1);
    assert_eq!(synced.skipped[0].id, "00Q000000000000007");
    assert_eq!(synced.skipped[0].reason, imported.skipped[0].reason);
    assert_eq!(sum(&synced.records, |r| f64::from(r.customers)), 225.0);
    assert_eq!(sum(&synced.records, |r| r.revenue), 150.0 * 1250.5);
    assert!(synced.records.iter().any(|r| r.source.is_empty()));

    // Five pages of leads, each followed by one query of its converted opportunities.
    let received = fake.received();
    assert_eq!(received.len(), 10);
    for request in &received {
        assert_eq!(request.method, "GET");
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {SF_TOKEN}").as_str())
        );
    }
    let first = crate::crm_fake::query_of(&received[0].path);
    assert_eq!(
        first[0].1,
        "SELECT Id, ConvertedOpportunityId, CreatedDate, LeadSource, Status FROM Lead \
         WHERE CreatedDate >= 2027-01-01T00:00:00Z ORDER BY CreatedDate"
    );
    assert!(
        crate::crm_fake::query_of(&received[1].path)[0]
            .1
            .starts_with("SELECT Id, IsWon, CloseDate, Amount FROM Opportunity WHERE Id IN ('006")
    );
    assert_eq!(received[2].path, "/services/data/v62.0/query/01gFAKE0-100");
}

/// With the standard mapping a converted lead is accepted, and a customer only once its
/// opportunity is won: on the opportunity's close day, with its amount.
#[test]
fn only_a_won_opportunity_makes_a_salesforce_customer() {
    let lead = |i: u64, status: &str, opportunity: Option<&str>| Item {
        created_ms: iso_ms(&format!("2027-01-0{i}T10:00:00.000+0000")),
        fields: object(json!({
            "Id": format!("00Q{i}"),
            "CreatedDate": format!("2027-01-0{i}T10:00:00.000+0000"),
            "LeadSource": "Web",
            "Status": status,
            "ConvertedOpportunityId": opportunity,
        })),
    };
    let leads = vec![
        lead(4, "Closed - Converted", Some("006WON")),
        lead(5, "Closed - Converted", Some("006OPEN")),
        lead(6, "Closed - Converted", Some("006LOST")),
        lead(7, "Closed - Converted", None),
        lead(8, "Closed - Not Converted", None),
    ];
    let opportunities = vec![
        object(json!({"Id": "006WON", "IsWon": true, "CloseDate": "2027-02-01", "Amount": 900})),
        object(json!({"Id": "006OPEN", "IsWon": false, "CloseDate": "2027-03-01", "Amount": 500})),
        object(json!({"Id": "006LOST", "IsWon": false, "CloseDate": "2027-02-10", "Amount": 700})),
    ];
    let fake = Fake::salesforce(org(leads, opportunities, 2000), 3);
    let mapping = Provider::Salesforce.default_mapping();
    let synced = fetch(Provider::Salesforce, &fake.url, SF_TOKEN, mapping).unwrap();
    let customers: Vec<(NaiveDate, u32, f64)> = synced
        .records
        .iter()
        .filter(|r| r.customers > 0)
        .map(|r| (r.date, r.customers, r.revenue))
        .collect();
    assert_eq!(
        customers,
        [(NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(), 1, 900.0)]
    );
    assert_eq!(sum(&synced.records, |r| f64::from(r.accepted)), 4.0);
    assert_eq!(sum(&synced.records, |r| f64::from(r.rejected)), 1.0);
}

/// The connect dialog's test: the org's name and the leads of the period.
#[test]
fn the_salesforce_connection_test_names_the_org_and_counts_the_leads() {
    let (leads, opportunities) = sf_leads(30);
    let fake = Fake::salesforce(
        org(
            leads.into_iter().map(|l| l.item).collect(),
            opportunities,
            2000,
        ),
        2,
    );
    let client = Client::new(Provider::Salesforce, &fake.url, SF_TOKEN).unwrap();
    let checked = salesforce::check(&client, day(20), &Progress::default()).unwrap();
    // Leads 20 to 29 fall on 21–30 January; lead 7's date is sent broken but it was created
    // on the 8th.
    assert_eq!(checked, ("Acme Inc.".to_owned(), 10));
    let received = fake.received();
    assert_eq!(
        crate::crm_fake::query_of(&received[1].path)[0].1,
        "SELECT COUNT() FROM Lead WHERE CreatedDate >= 2027-01-21T00:00:00Z"
    );
}

/// Salesforce without an instance URL cannot be asked.
#[test]
fn salesforce_needs_its_instance_url() {
    let doc = SlaDocument::example().unwrap();
    let settings = crm::settings_for(&doc, Provider::Salesforce.default_mapping());
    let request = Request {
        provider: Provider::Salesforce,
        base_url: None,
        token: SF_TOKEN,
        since: since(),
    };
    let error = crm::fetch(&request, &settings, &Progress::default()).unwrap_err();
    assert_eq!(error, CrmError::NoInstance);
    assert!(
        error
            .describe(Provider::Salesforce, Language::Dutch)
            .contains("instance-URL")
    );
}

/// Salesforce's errors (`[{"message", "errorCode"}]`) in words that name no token.
#[test]
fn salesforce_errors_are_said_in_words() {
    let cases = [
        (
            Reply::new(
                401,
                r#"[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"#,
            ),
            "Salesforce refused the token (401)",
        ),
        (
            Reply::new(
                403,
                r#"[{"message":"The REST API is not enabled for this Organization.","errorCode":"API_DISABLED_FOR_ORG"}]"#,
            ),
            "(403): The REST API is not enabled for this Organization. (API_DISABLED_FOR_ORG). The token's user needs API Enabled",
        ),
        (
            Reply::new(
                403,
                r#"[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]"#,
            ),
            "too many requests” (limit REQUEST_LIMIT_EXCEEDED)",
        ),
        (
            Reply::new(
                400,
                &format!(
                    r#"[{{"message":"No such column 'Lead_Score__c' on entity 'Lead' ({SF_TOKEN})","errorCode":"INVALID_FIELD"}}]"#
                ),
            ),
            "refused the request (400): No such column 'Lead_Score__c' on entity 'Lead' (…) (INVALID_FIELD)",
        ),
        (
            Reply::new(200, r#"{"totalSize": 1, "done": true, "records": [{"#),
            "cannot be read",
        ),
        (
            Reply::new(200, r#"{"totalSize": 0, "records": []}"#),
            "(no done)",
        ),
        (
            Reply::new(200, r#"{"totalSize": 9, "done": false, "records": []}"#),
            "not done, but no nextRecordsUrl",
        ),
    ];
    for (reply, said) in cases {
        let fake = Fake::salesforce(one_sf_lead(), 1);
        fake.script(reply);
        let error = fetch(
            Provider::Salesforce,
            &fake.url,
            SF_TOKEN,
            Provider::Salesforce.default_mapping(),
        )
        .unwrap_err();
        for language in [Language::English, Language::Dutch] {
            let text = error.describe(Provider::Salesforce, language);
            assert!(language == Language::Dutch || text.contains(said), "{text}");
            assert!(!text.contains(SF_TOKEN), "{text}");
        }
        assert!(!format!("{error:?}").contains(SF_TOKEN));
    }
    // A field name that would change the query is refused before anything is asked.
    let fake = Fake::salesforce(one_sf_lead(), 1);
    let mut mapping = Provider::Salesforce.default_mapping();
    mapping.columns.insert(
        sla_planner::document::ImportField::Source,
        "LeadSource FROM User --".into(),
    );
    let error = fetch(Provider::Salesforce, &fake.url, SF_TOKEN, mapping).unwrap_err();
    assert!(matches!(error, CrmError::BadField { .. }));
    assert!(fake.received().is_empty());
}

/// A 429 is waited out as `Retry-After` says and a 500 is retried, with either CRM.
#[test]
fn rate_limits_and_server_errors_are_waited_out() {
    let fake = Fake::salesforce(one_sf_lead(), 4);
    fake.script(
        Reply::new(
            429,
            r#"[{"message":"Too many requests","errorCode":"REQUEST_LIMIT_EXCEEDED"}]"#,
        )
        .with_header("Retry-After", "1"),
    );
    fake.script(Reply::new(500, "[]"));
    let started = Instant::now();
    let mapping = Provider::Salesforce.default_mapping();
    let synced = fetch(Provider::Salesforce, &fake.url, SF_TOKEN, mapping).unwrap();
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(synced.read, 1);
    // The 429, the 500, the leads and their opportunity.
    assert_eq!(fake.received().len(), 4);

    let (leads, deals) = pd_items(3);
    let fake = Fake::pipedrive("Acme BV", leads, deals, 500, 5);
    // Pipedrive says when its window resets.
    fake.script(
        Reply::new(
            429,
            r#"{"success":false,"error":"Request over limit","errorCode":429}"#,
        )
        .with_header("x-ratelimit-reset", "1"),
    );
    fake.script(Reply::new(502, ""));
    let started = Instant::now();
    let synced = fetch(
        Provider::Pipedrive,
        &fake.url,
        PD_TOKEN,
        Provider::Pipedrive.default_mapping(),
    )
    .unwrap();
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(synced.read, 3);
}

// ---------------------------------------------------------------- Pipedrive

const PD_COLUMNS: [&str; 6] = [
    "add_time",
    "origin",
    "status",
    "won_time",
    "value",
    "lost_reason",
];

/// `n` records: every other one a lead (ISO dates with milliseconds, a money object as
/// value, no status), the others deals (`2027-01-04 09:15:00` or ISO without milliseconds;
/// open, won with or without a value, lost with a reason); a record without origin; one
/// created date that is no date.
fn pd_records(n: u64) -> (Vec<Lead>, Vec<Lead>) {
    const ORIGINS: [Option<&str>; 4] = [Some("WebForms"), Some("LeadBooster"), Some("API"), None];
    let (mut leads, mut deals) = (Vec::new(), Vec::new());
    for i in 0..n {
        let (date, time) = (day(i % 80), format!("{:02}:{:02}:00", 8 + i % 9, i % 60));
        let created_ms = iso_ms(&format!("{date}T{time}Z"));
        let mut row = vec![String::new(); PD_COLUMNS.len()];
        let origin = ORIGINS[(i % 4) as usize];
        let mut fields = object(json!({"origin": origin}));
        row[1] = origin.unwrap_or_default().into();
        let is_lead = i % 2 == 0;
        let created = if i == 8 {
            "yesterday".to_owned()
        } else if is_lead {
            format!("{date}T{time}.000Z")
        } else if i % 4 == 1 {
            format!("{date} {time}")
        } else {
            format!("{date}T{time}Z")
        };
        fields.insert("add_time".into(), json!(created));
        row[0] = created;
        if is_lead {
            fields.insert(
                "id".into(),
                json!(format!("adf21080-0e10-11eb-879b-{i:012}")),
            );
            fields.insert("is_archived".into(), json!(i % 6 == 0));
            fields.insert("value".into(), json!({"amount": 300, "currency": "EUR"}));
            row[4] = "300".into();
            leads.push(Lead {
                item: Item { created_ms, fields },
                row,
            });
            continue;
        }
        fields.insert("id".into(), json!(i));
        let status = ["open", "won", "lost"][((i / 2) % 3) as usize];
        fields.insert("status".into(), json!(status));
        row[2] = status.into();
        match status {
            "won" => {
                let won = format!("{} 10:00:00", day(i % 80 + 10));
                fields.insert("won_time".into(), json!(won));
                row[3] = won;
                // Every other won deal has no value.
                let value = (i % 4 == 1).then_some(4999.99);
                fields.insert("value".into(), json!(value));
                row[4] = value.map(|v| v.to_string()).unwrap_or_default();
            }
            "lost" => {
                fields.insert("value".into(), json!(0));
                row[4] = "0".into();
                fields.insert("lost_reason".into(), json!("No budget"));
                row[5] = "No budget".into();
            }
            _ => {
                fields.insert("value".into(), json!(2000));
                row[4] = "2000".into();
            }
        }
        deals.push(Lead {
            item: Item { created_ms, fields },
            row,
        });
    }
    (leads, deals)
}

fn pd_items(n: u64) -> (Vec<Item>, Vec<Item>) {
    let (leads, deals) = pd_records(n);
    (
        leads.into_iter().map(|l| l.item).collect(),
        deals.into_iter().map(|d| d.item).collect(),
    )
}

/// One aggregation, two readers, for Pipedrive's leads and deals.
#[test]
fn a_pipedrive_sync_gives_the_actuals_of_the_csv_import_of_the_same_leads() {
    let (leads, deals) = pd_records(450);
    let mut all: Vec<Lead> = Vec::new();
    all.extend(leads.iter().map(|l| Lead {
        item: l.item.clone(),
        row: l.row.clone(),
    }));
    all.extend(deals.iter().map(|d| Lead {
        item: d.item.clone(),
        row: d.row.clone(),
    }));
    let csv = csv_of(&PD_COLUMNS, &all);
    // Two leads created before the period: paging stops at them.
    let mut lead_items: Vec<Item> = leads.into_iter().map(|l| l.item).collect();
    for old in ["2026-12-30T09:00:00.000Z", "2026-11-02T09:00:00.000Z"] {
        lead_items.push(Item {
            created_ms: iso_ms(old),
            fields: object(json!({"id": old, "add_time": old, "origin": "API"})),
        });
    }
    let fake = Fake::pipedrive(
        "Acme BV",
        lead_items,
        deals.into_iter().map(|d| d.item).collect(),
        100,
        20,
    );
    let mapping = Provider::Pipedrive.default_mapping();
    let synced = fetch(Provider::Pipedrive, &fake.url, PD_TOKEN, mapping.clone()).unwrap();
    let imported = imported(&csv, mapping);

    assert_eq!(synced.records, imported.records);
    assert_eq!((synced.read, synced.imported), (450, 449));
    assert_eq!(synced.skipped.len(), 1);
    assert_eq!(synced.skipped[0].reason, imported.skipped[0].reason);
    assert_eq!(sum(&synced.records, |r| f64::from(r.customers)), 75.0);
    // 75 won deals, 37 of them with a value.
    assert!((sum(&synced.records, |r| r.revenue) - 37.0 * 4999.99).abs() < 1e-6);
    assert_eq!(sum(&synced.records, |r| f64::from(r.rejected)), 75.0);
    assert!(synced.records.iter().any(|r| r.source.is_empty()));

    // Leads: three pages of 100 (the third holds the old leads, so paging stops there);
    // deals: three pages by cursor.
    let received = fake.received();
    let paths: Vec<&str> = received
        .iter()
        .map(|r| r.path.split('?').next().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "/api/v1/leads",
            "/api/v1/leads",
            "/api/v1/leads",
            "/api/v2/deals",
            "/api/v2/deals",
            "/api/v2/deals"
        ]
    );
    for request in &received {
        assert_eq!(request.header("x-api-token"), Some(PD_TOKEN));
        assert_eq!(request.header("authorization"), None);
    }
    let deals = crate::crm_fake::query_of(&received[4].path);
    assert!(deals.contains(&("updated_since".into(), "2027-01-01T00:00:00Z".into())));
    assert!(deals.contains(&("cursor".into(), "eyJpZCI6100".into())));
}

/// The connect dialog's test: the company and the leads and deals of the period.
#[test]
fn the_pipedrive_connection_test_names_the_company_and_counts_the_leads() {
    let (leads, deals) = pd_items(40);
    let fake = Fake::pipedrive("Acme BV", leads, deals, 500, 3);
    let client = Client::new(Provider::Pipedrive, &fake.url, PD_TOKEN).unwrap();
    let checked = pipedrive::check(&client, day(30), &Progress::default()).unwrap();
    // Records 30 to 39 were created from 31 January on.
    assert_eq!(checked, ("Acme BV".to_owned(), 10));
    assert_eq!(fake.received()[0].path, "/api/v1/users/me");
}

/// Pipedrive's errors (`{"success": false, "error": …}`) in words that name no token.
#[test]
fn pipedrive_errors_are_said_in_words() {
    let cases = [
        (
            Reply::new(
                401,
                r#"{"success":false,"error":"unauthorized access","errorCode":401}"#,
            ),
            "Pipedrive refused the token (401)",
        ),
        (
            Reply::new(
                403,
                r#"{"success":false,"error":"You do not have permissions to view leads","errorCode":403}"#,
            ),
            "(403): You do not have permissions to view leads. The token's user needs leads:read, deals:read",
        ),
        (Reply::new(200, "<html>"), "cannot be read"),
        (Reply::new(200, r#"{"success": true}"#), "(no data)"),
        (
            Reply::new(
                200,
                r#"{"success": true, "data": [], "additional_data": {"more_items_in_collection": true}}"#,
            ),
            "more leads announced, but none sent",
        ),
    ];
    for (reply, said) in cases {
        let (leads, deals) = pd_items(3);
        let fake = Fake::pipedrive("Acme BV", leads, deals, 500, 1);
        fake.script(reply);
        let error = fetch(
            Provider::Pipedrive,
            &fake.url,
            PD_TOKEN,
            Provider::Pipedrive.default_mapping(),
        )
        .unwrap_err();
        let text = error.describe(Provider::Pipedrive, Language::English);
        assert!(text.contains(said), "{text}");
        assert!(!text.contains(PD_TOKEN), "{text}");
    }
    // A cursor that does not move on is a broken answer, not an endless loop.
    let fake = Fake::pipedrive("Acme BV", Vec::new(), Vec::new(), 500, 3);
    let stuck = r#"{"success": true, "data": [], "additional_data": {"next_cursor": "abc"}}"#;
    fake.script(Reply::new(200, r#"{"success": true, "data": null}"#));
    fake.script(Reply::new(200, stuck));
    fake.script(Reply::new(200, stuck));
    let error = fetch(
        Provider::Pipedrive,
        &fake.url,
        PD_TOKEN,
        Provider::Pipedrive.default_mapping(),
    )
    .unwrap_err();
    assert!(matches!(error, CrmError::Malformed { .. }));
}

// ---------------------------------------------------------------- the command line

fn run_sync(folder: &DocFolder, crm: &str, extra: &[&str]) -> Output {
    let doc = folder.doc.display().to_string();
    let mut args = vec!["sync", doc.as_str(), "--crm", crm];
    args.extend_from_slice(extra);
    Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(&args)
        .env("LANGUAGE", "en_GB")
        .env("LC_ALL", "en_GB.UTF-8")
        .env("LANG", "en_GB.UTF-8")
        .env("SLA_PLANNER_SALESFORCE_TOKEN", SF_TOKEN)
        .env("SLA_PLANNER_PIPEDRIVE_TOKEN", PD_TOKEN)
        .output()
        .unwrap()
}

/// Every file in the folder, searched for either token.
fn token_in_files(folder: &DocFolder) -> bool {
    std::fs::read_dir(folder.dir.path()).unwrap().any(|entry| {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        [SF_TOKEN, PD_TOKEN]
            .iter()
            .any(|t| bytes.windows(t.len()).any(|w| w == t.as_bytes()))
    })
}

/// Exit 0 when updated (the CSV import's actuals), 1 on a CRM error with the document
/// unchanged, 2 on a bad command line; no token in any file.
#[test]
fn the_command_line_syncs_salesforce_and_pipedrive() {
    // Salesforce, the standard mapping.
    let (leads, opportunities) = sf_leads(120);
    let fake = Fake::salesforce(
        org(
            leads.into_iter().map(|l| l.item).collect(),
            opportunities,
            2000,
        ),
        4,
    );
    let folder = DocFolder::with(&SlaDocument::example().unwrap());
    let output = run_sync(&folder, "salesforce", &["--base-url", &fake.url]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        process::stderr(&output)
    );
    let said = process::stdout(&output);
    assert!(said.starts_with("120 leads read, "), "{said}");
    assert!(said.contains("from Salesforce."), "{said}");
    let link = folder.document().tracking.crm.unwrap();
    assert_eq!(link.provider, Provider::Salesforce);
    assert_eq!(link.base_url.as_deref(), Some(fake.url.as_str()));
    // The next run needs no --base-url: the document remembers the instance.
    let before = folder.bytes();
    fake.script(Reply::new(
        401,
        r#"[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"#,
    ));
    let output = run_sync(&folder, "salesforce", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(process::stderr(&output).contains("Salesforce refused the token (401)"));
    assert_eq!(folder.bytes(), before);
    assert!(!token_in_files(&folder));

    // Salesforce without an instance URL, and bad command lines: exit 2.
    let fresh = DocFolder::with(&SlaDocument::example().unwrap());
    let output = run_sync(&fresh, "salesforce", &[]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        process::stderr(&output)
    );
    assert!(process::stderr(&output).contains("instance URL"));
    let output = run_sync(
        &fresh,
        "pipedrive",
        &["--base-url", "http://api.pipedrive.com"],
    );
    assert_eq!(output.status.code(), Some(2));

    // Pipedrive: the same actuals as the CSV import, and a broken answer changes nothing.
    let (leads, deals) = pd_records(90);
    let mut rows: Vec<Lead> = Vec::new();
    rows.extend(leads.iter().chain(&deals).map(|l| Lead {
        item: l.item.clone(),
        row: l.row.clone(),
    }));
    let csv = csv_of(&PD_COLUMNS, &rows);
    let fake = Fake::pipedrive(
        "Acme BV",
        leads.into_iter().map(|l| l.item).collect(),
        deals.into_iter().map(|d| d.item).collect(),
        500,
        4,
    );
    let folder = DocFolder::with(&SlaDocument::example().unwrap());
    let output = run_sync(&folder, "pipedrive", &["--base-url", &fake.url]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        process::stderr(&output)
    );
    let mut expected = SlaDocument::example().unwrap();
    let settings = crm::settings_for(&expected, Provider::Pipedrive.default_mapping());
    let text = CsvText::decode(csv.as_bytes()).unwrap();
    let imported = import::import(&text, &settings, &Progress::default()).unwrap();
    import::apply(&mut expected, &imported, settings.mapping);
    assert_eq!(folder.document().actuals, expected.actuals);
    let before = folder.bytes();
    fake.script(Reply::new(200, "{\"success\": true, \"data\": 7}"));
    let output = run_sync(&folder, "pipedrive", &["--base-url", &fake.url]);
    assert_eq!(output.status.code(), Some(1));
    assert!(process::stderr(&output).contains("Pipedrive sent an answer that cannot be read"));
    assert_eq!(folder.bytes(), before);
    assert!(!token_in_files(&folder));
}
