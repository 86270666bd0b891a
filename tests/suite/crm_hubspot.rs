//! Actuals straight from HubSpot, against a fake of its search API on 127.0.0.1
//! ([`crate::crm_fake`]): paging, the 10,000-result cap, rate limits, server errors, a refused
//! token or scope, a broken answer, and the one thing that matters most — a sync gives the
//! same actuals as the CSV import of the same leads. The command line is run as a scheduler
//! would: the token in `SLA_PLANNER_HUBSPOT_TOKEN`, never in a file.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use serde_json::{Value, json};
use sla_planner::crm::{self, CrmError, Provider, Request};
use sla_planner::document::SlaDocument;
use sla_planner::tracking::import::{self, CsvText, Progress};

use crate::crm_fake::{Contact, Fake, Reply};
use crate::process::{self, DocFolder};

const TOKEN: &str = "pat-eu1-0000-test-token-5ecret";

/// The CSV columns, named as the HubSpot properties they hold.
const COLUMNS: [&str; 7] = [
    "createdate",
    "hs_analytics_source",
    "hs_sa_first_engagement_date",
    "num_contacted_notes",
    "lifecyclestage",
    "hs_lifecyclestage_customer_date",
    "recent_deal_amount",
];

/// A lead both as HubSpot sends it and as a CSV export row.
struct Lead {
    contact: Contact,
    row: Vec<String>,
}

fn ms(text: &str) -> i64 {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .timestamp_millis()
}

/// `n` leads in January–March 2027 with every documented shape: created as an ISO
/// date-time with milliseconds, without, or as epoch milliseconds; a contact without source;
/// a property missing; first contact in the standard property or only in the fallback;
/// customers with and without a deal; one created date that is no date.
fn leads(n: u64) -> Vec<Lead> {
    const SOURCES: [Option<&str>; 5] = [
        Some("ORGANIC_SEARCH"),
        Some("PAID_SEARCH"),
        Some("EMAIL_MARKETING"),
        Some("SOCIAL_MEDIA"),
        None,
    ];
    const STAGES: [&str; 7] = [
        "subscriber",
        "lead",
        "marketingqualifiedlead",
        "salesqualifiedlead",
        "opportunity",
        "customer",
        "other",
    ];
    (0..n)
        .map(|i| {
            let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + chrono::Days::new(i % 80);
            let created = format!("{day}T{:02}:{:02}:00.000Z", 8 + i % 9, i % 60);
            let created_ms = ms(&created);
            let mut properties = serde_json::Map::new();
            let mut row = vec![String::new(); COLUMNS.len()];
            let created_sent = match i % 3 {
                0 => created.clone(),
                1 => created.replace(".000", ""),
                _ => created_ms.to_string(),
            };
            if i == 7 {
                properties.insert("createdate".into(), json!("yesterday"));
                row[0] = "yesterday".into();
            } else {
                properties.insert("createdate".into(), json!(created_sent));
                row[0] = created.clone();
            }
            let source = SOURCES[(i % 5) as usize];
            properties.insert("hs_analytics_source".into(), json!(source));
            row[1] = source.unwrap_or_default().into();
            let first = format!("{day}T{:02}:30:00.000Z", 9 + i % 11);
            match i % 3 {
                0 => {
                    properties.insert("hs_sa_first_engagement_date".into(), json!(first));
                    row[2] = first;
                }
                1 => {
                    properties.insert("hs_sa_first_engagement_date".into(), Value::Null);
                    properties.insert("hs_first_outreach_date".into(), json!(first));
                    row[2] = first;
                }
                _ => {}
            }
            // Every fourth contact lacks the property altogether.
            if i % 4 != 3 {
                let attempts = (i % 6).to_string();
                properties.insert("num_contacted_notes".into(), json!(attempts));
                row[3] = attempts;
            }
            let stage = STAGES[(i % 7) as usize];
            properties.insert("lifecyclestage".into(), json!(stage));
            row[4] = stage.into();
            if stage == "customer" {
                let won = day + chrono::Days::new(10);
                // A date property, sent as a date.
                properties.insert(
                    "hs_lifecyclestage_customer_date".into(),
                    json!(won.to_string()),
                );
                row[5] = won.to_string();
                // Every other customer has no deal: counted without revenue.
                if i % 2 == 0 {
                    properties.insert("recent_deal_amount".into(), json!("1250.5"));
                    row[6] = "1250.5".into();
                }
            }
            Lead {
                contact: Contact {
                    id: 1000 + i,
                    created_ms,
                    properties,
                },
                row,
            }
        })
        .collect()
}

fn csv_of(leads: &[Lead]) -> String {
    let mut text = COLUMNS.join(",");
    text.push('\n');
    for lead in leads {
        text.push_str(&lead.row.join(","));
        text.push('\n');
    }
    text
}

fn request<'a>(fake: &'a Fake) -> Request<'a> {
    Request {
        provider: Provider::HubSpot,
        base_url: Some(&fake.url),
        token: TOKEN,
        since: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
    }
}

fn sync(fake: &Fake) -> Result<crm::Synced, CrmError> {
    let doc = SlaDocument::example().unwrap();
    let settings = crm::settings_for(&doc, Provider::HubSpot.default_mapping());
    crm::fetch(&request(fake), &settings, &Progress::default())
}

/// One aggregation, two readers: the same leads through the CSV import and through the sync
/// give the same records per day and source, the same counts and the same skipped lead.
#[test]
fn a_sync_gives_the_actuals_of_the_csv_import_of_the_same_leads() {
    let leads = leads(450);
    let csv = csv_of(&leads);
    let fake = Fake::hubspot(leads.into_iter().map(|l| l.contact).collect(), 20);
    let synced = sync(&fake).unwrap();

    let doc = SlaDocument::example().unwrap();
    let mapping = Provider::HubSpot.default_mapping();
    let settings = crm::settings_for(&doc, mapping);
    let text = CsvText::decode(csv.as_bytes()).unwrap();
    let imported = import::import(&text, &settings, &Progress::default()).unwrap();

    assert_eq!(synced.records, imported.records);
    assert_eq!(synced.read, 450);
    assert_eq!(synced.imported, imported.imported);
    assert_eq!(synced.imported, 449);
    assert_eq!(synced.skipped.len(), 1);
    assert_eq!(synced.skipped[0].id, "1007");
    assert_eq!(synced.skipped[0].reason, imported.skipped[0].reason);
    // Customers with and without a deal, contacts without source, contacted in time.
    let sum = |f: fn(&sla_planner::document::SourceDay) -> f64| -> f64 {
        synced.records.iter().map(f).sum()
    };
    assert_eq!(sum(|r| f64::from(r.customers)), 64.0);
    assert_eq!(sum(|r| r.revenue), 32.0 * 1250.5);
    assert!(synced.records.iter().any(|r| r.source.is_empty()));
    assert!(sum(|r| f64::from(r.contacted_in_time)) > 0.0);
    let summary = synced.summary(sla_planner::i18n::Language::English);
    assert!(
        summary.starts_with("450 leads read, 87 days updated, 1 record skipped: record 1007: "),
        "{summary}"
    );

    // Three pages of 200, the documented request.
    let received = fake.received();
    assert_eq!(received.len(), 3);
    for (page, request) in received.iter().enumerate() {
        assert_eq!(request.method, "POST");
        assert_eq!(request.path, "/crm/v3/objects/contacts/search");
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
        let body: Value = serde_json::from_str(&request.body).unwrap();
        assert_eq!(body["limit"], 200);
        assert_eq!(
            body["filterGroups"][0]["filters"][0]["propertyName"],
            "createdate"
        );
        assert_eq!(
            body["filterGroups"][0]["filters"][0]["value"],
            "1798761600000"
        );
        let after = body.get("after").and_then(Value::as_str);
        assert_eq!(after, [None, Some("200"), Some("400")][page]);
    }
}

/// The stage date, not the current stage, says when a lead became a customer.
#[test]
fn a_customer_whose_stage_moved_on_still_counts_on_its_stage_date() {
    let mut properties = serde_json::Map::new();
    properties.insert("createdate".into(), json!("2027-01-04T10:00:00Z"));
    properties.insert("lifecyclestage".into(), json!("evangelist"));
    properties.insert(
        "hs_lifecyclestage_customer_date".into(),
        json!("2027-02-01T12:00:00.000Z"),
    );
    properties.insert("recent_deal_amount".into(), json!("900"));
    let contact = Contact {
        id: 1,
        created_ms: ms("2027-01-04T10:00:00Z"),
        properties,
    };
    let fake = Fake::hubspot(vec![contact], 2);
    let synced = sync(&fake).unwrap();
    let won = synced
        .records
        .iter()
        .find(|r| r.date == NaiveDate::from_ymd_opt(2027, 2, 1).unwrap())
        .unwrap();
    assert_eq!((won.customers, won.revenue), (1, 900.0));
    assert_eq!(synced.records[0].accepted, 1);
}

/// More than 10,000 contacts in the range: the range is split by `createdate` until each part
/// fits, and every contact is read once (the fake answers 400 past 10,000, as HubSpot does).
#[test]
fn more_than_ten_thousand_results_split_the_range() {
    let contacts: Vec<Contact> = (0..10_050)
        .map(|i| {
            let created = ms("2027-01-01T00:00:00Z") + i * 600_000;
            let mut properties = serde_json::Map::new();
            properties.insert("createdate".into(), json!(created.to_string()));
            properties.insert("lifecyclestage".into(), json!("lead"));
            Contact {
                id: i as u64,
                created_ms: created,
                properties,
            }
        })
        .collect();
    let fake = Fake::hubspot(contacts, 200);
    let synced = sync(&fake).unwrap();
    assert_eq!(synced.read, 10_050);
    let leads: u32 = synced.records.iter().map(|r| r.leads).sum();
    assert_eq!(leads, 10_050);
    assert!(fake.received().iter().all(|r| {
        let body: Value = serde_json::from_str(&r.body).unwrap();
        body.get("after")
            .and_then(Value::as_str)
            .is_none_or(|a| a.parse::<u64>().unwrap() < 10_000)
    }));
}

fn one_contact() -> Vec<Contact> {
    leads(1).into_iter().map(|l| l.contact).collect()
}

/// A 429 names its policy and says how long to wait: the sync waits that long and goes on.
#[test]
fn a_rate_limit_is_waited_out_as_retry_after_says() {
    let fake = Fake::hubspot(one_contact(), 3);
    fake.script(
        Reply::new(
            429,
            r#"{"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT","policyName":"SECONDLY"}"#,
        )
        .with_header("Retry-After", "1"),
    );
    let started = Instant::now();
    let synced = sync(&fake).unwrap();
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(synced.read, 1);
    assert_eq!(fake.received().len(), 2);
}

#[test]
fn a_server_error_is_retried() {
    let fake = Fake::hubspot(one_contact(), 3);
    fake.script(Reply::new(500, "internal error"));
    assert_eq!(sync(&fake).unwrap().read, 1);
    assert_eq!(fake.received().len(), 2);
}

#[test]
fn a_server_that_keeps_failing_is_an_error_after_a_few_tries() {
    let fake = Fake::hubspot(one_contact(), 10);
    for _ in 0..10 {
        fake.script(Reply::new(503, ""));
    }
    assert_eq!(
        sync(&fake),
        Err(CrmError::Refused {
            status: 503,
            message: String::new()
        })
    );
    assert_eq!(fake.received().len(), 4);
}

/// A refused token, a missing scope and a broken body are errors in words that name no token.
#[test]
fn refusals_and_broken_answers_are_said_in_words() {
    let english = sla_planner::i18n::Language::English;
    let cases = [
        (
            Reply::new(
                401,
                r#"{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}"#,
            ),
            "refused the token (401)",
        ),
        (
            Reply::new(
                403,
                r#"{"status":"error","message":"This app hasn't been granted all required scopes to make this call.","errors":[{"message":"One or more of the following scopes are required.","context":{"requiredGranularScopes":["crm.objects.contacts.read"]}}],"category":"MISSING_SCOPES"}"#,
            ),
            "lacks the scope crm.objects.contacts.read",
        ),
        (
            Reply::new(200, r#"{"total": 1, "results": [{"id": "1""#),
            "cannot be read",
        ),
        (Reply::new(200, r#"{"results": []}"#), "no total"),
        (
            Reply::new(
                400,
                &format!(r#"{{"status":"error","message":"bad token {TOKEN}"}}"#),
            ),
            "refused the request (400): bad token …",
        ),
    ];
    for (reply, said) in cases {
        let fake = Fake::hubspot(one_contact(), 1);
        fake.script(reply);
        let error = sync(&fake).unwrap_err();
        let text = error.describe(Provider::HubSpot, english);
        assert!(text.contains(said), "{text}");
        assert!(!text.contains(TOKEN), "{text}");
        assert!(!format!("{error:?}").contains(TOKEN));
    }
}

/// Plain http to anything but a loopback address is refused before a request is made.
#[test]
fn only_https_leaves_the_computer() {
    let doc = SlaDocument::example().unwrap();
    let settings = crm::settings_for(&doc, Provider::HubSpot.default_mapping());
    let fake = Fake::hubspot(Vec::new(), 0);
    let request = Request {
        base_url: Some("http://api.hubapi.com"),
        ..request(&fake)
    };
    let error = crm::fetch(&request, &settings, &Progress::default()).unwrap_err();
    assert!(matches!(error, CrmError::Insecure { .. }));
}

/// `sla-planner sync` with the token in the environment, as a scheduler runs it.
fn run_sync(folder: &DocFolder, extra: &[&str]) -> Output {
    let doc = folder.doc.display().to_string();
    let mut args = vec!["sync", doc.as_str(), "--crm", "hubspot"];
    args.extend_from_slice(extra);
    Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(&args)
        .env("LANGUAGE", "en_GB")
        .env("LC_ALL", "en_GB.UTF-8")
        .env("LANG", "en_GB.UTF-8")
        .env("SLA_PLANNER_HUBSPOT_TOKEN", TOKEN)
        .output()
        .unwrap()
}

/// Every file in the folder, searched for the token.
fn token_in_files(folder: &DocFolder) -> bool {
    std::fs::read_dir(folder.dir.path()).unwrap().any(|entry| {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        bytes.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes())
    })
}

#[test]
fn the_command_line_syncs_saves_and_twice_gives_the_same_actuals() {
    let leads = leads(450);
    let csv = csv_of(&leads);
    let fake = Fake::hubspot(leads.into_iter().map(|l| l.contact).collect(), 6);
    let folder = DocFolder::with(&SlaDocument::example().unwrap());
    let output = run_sync(&folder, &["--base-url", &fake.url]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        process::stderr(&output)
    );
    let said = process::stdout(&output);
    assert!(
        said.starts_with("450 leads read, 87 days updated, 1 record skipped: "),
        "{said}"
    );
    assert!(said.contains("Updated "), "{said}");
    let synced = folder.document();
    let link = synced.tracking.crm.clone().unwrap();
    assert_eq!(link.base_url.as_deref(), Some(fake.url.as_str()));
    assert_eq!(
        link.last_sync.unwrap().since,
        NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
    );
    assert!(!token_in_files(&folder));

    // The CSV import of the same leads, with the same mapping, into the same document gives
    // the same actuals.
    let mut expected = SlaDocument::example().unwrap();
    let settings = crm::settings_for(&expected, Provider::HubSpot.default_mapping());
    let text = CsvText::decode(csv.as_bytes()).unwrap();
    let imported = import::import(&text, &settings, &Progress::default()).unwrap();
    import::apply(&mut expected, &imported, settings.mapping);
    assert_eq!(synced.actuals, expected.actuals);

    // Again: the same actuals.
    let output = run_sync(&folder, &["--base-url", &fake.url]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        process::stderr(&output)
    );
    assert_eq!(folder.document().actuals, synced.actuals);
}

#[test]
fn a_dry_run_or_a_crm_error_leaves_the_document_as_it_was() {
    let fake = Fake::hubspot(one_contact(), 3);
    let folder = DocFolder::with(&SlaDocument::example().unwrap());
    let before = folder.bytes();
    let output = run_sync(&folder, &["--base-url", &fake.url, "--dry-run"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        process::stderr(&output)
    );
    assert!(process::stdout(&output).contains("Dry run"));
    assert_eq!(folder.bytes(), before);

    fake.script(Reply::new(401, "{}"));
    let output = run_sync(&folder, &["--base-url", &fake.url]);
    assert_eq!(output.status.code(), Some(1));
    assert!(process::stderr(&output).contains("HubSpot refused the token (401)"));
    assert_eq!(folder.bytes(), before);

    fake.script(Reply::new(200, "<html>"));
    let output = run_sync(&folder, &["--base-url", &fake.url]);
    assert_eq!(output.status.code(), Some(1));
    assert!(process::stderr(&output).contains("cannot be read"));
    assert_eq!(folder.bytes(), before);
    assert!(!token_in_files(&folder));
}

#[test]
fn a_bad_command_line_exits_with_2() {
    let folder = DocFolder::with(&SlaDocument::example().unwrap());
    for extra in [
        &["--base-url", "http://api.hubapi.com"][..],
        &["--since", "yesterday"],
    ] {
        let output = run_sync(&folder, extra);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{}",
            process::stderr(&output)
        );
    }
    let doc = folder.doc.display().to_string();
    let output = process::run(&["sync", &doc, "--crm", "nimble"]);
    assert_eq!(output.status.code(), Some(2));
}
