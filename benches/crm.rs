//! Goal: a sync of 100,000 HubSpot contacts (500 pages of 200 from the fake search API on
//! 127.0.0.1, the one the tests use) aggregated in under 2 s plus the fake's own time. The
//! second benchmark fetches the same 500 pages without reading them: the fake's time and
//! the transport's, so the difference is what the sync itself costs (paging, JSON, per-lead
//! records, aggregation). The third syncs 100,000 Salesforce leads (50 pages of 2,000, a fifth
//! converted into won opportunities asked for 200 ids a query) from the Salesforce fake.
//! README "Performance" gives the figures.

#![expect(clippy::unwrap_used, reason = "a benchmark stops on a broken fixture")]

#[path = "../tests/suite/crm_fake.rs"]
#[expect(
    dead_code,
    reason = "the benchmark serves contacts; the scripted answers and the request log are for the tests"
)]
mod crm_fake;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use sla_planner::crm::{self, Provider, Request};
use sla_planner::document::SlaDocument;
use sla_planner::tracking::import::Progress;

use crm_fake::{Contact, Fake, Item, Org};

const CONTACTS: i64 = 100_000;

/// Midnight of 1 January 2027 in epoch milliseconds: the first contact's creation.
fn start_ms() -> i64 {
    NaiveDate::from_ymd_opt(2027, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
}

/// 100,000 contacts over the first 100 days of 2027, every standard property filled as a
/// real portal fills it.
fn contacts() -> Vec<Contact> {
    let start = start_ms();
    let stages = [
        "lead",
        "salesqualifiedlead",
        "opportunity",
        "customer",
        "other",
    ];
    let sources = [
        "ORGANIC_SEARCH",
        "PAID_SEARCH",
        "EMAIL_MARKETING",
        "SOCIAL_MEDIA",
    ];
    (0..CONTACTS)
        .map(|i| {
            let created = start + i * 86_400;
            let mut properties = serde_json::Map::new();
            let iso = |ms: i64| {
                chrono::DateTime::from_timestamp_millis(ms)
                    .unwrap()
                    .format("%Y-%m-%dT%H:%M:%S%.3fZ")
                    .to_string()
            };
            let stage = stages[(i % 5) as usize];
            properties.insert("createdate".into(), json!(iso(created)));
            properties.insert(
                "hs_analytics_source".into(),
                json!(sources[(i % 4) as usize]),
            );
            properties.insert("lifecyclestage".into(), json!(stage));
            properties.insert(
                "hs_sa_first_engagement_date".into(),
                json!(iso(created + 3_600_000)),
            );
            properties.insert("num_contacted_notes".into(), json!((i % 7).to_string()));
            if stage == "customer" {
                properties.insert(
                    "hs_lifecyclestage_customer_date".into(),
                    json!(iso(created + 20 * 86_400_000)),
                );
                properties.insert("recent_deal_amount".into(), json!("12500.00"));
            }
            Contact {
                id: i.unsigned_abs(),
                created_ms: created,
                properties,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let fake = Fake::hubspot(contacts(), usize::MAX);
    let doc = SlaDocument::example().unwrap();
    let settings = crm::settings_for(&doc, Provider::HubSpot.default_mapping());
    let request = Request {
        provider: Provider::HubSpot,
        base_url: Some(&fake.url),
        token: "bench-token",
        since: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
    };
    let mut group = c.benchmark_group("crm");
    group.sample_size(10);
    group.bench_function("sync 100,000 HubSpot contacts (500 pages)", |b| {
        b.iter(|| {
            let synced = crm::fetch(&request, &settings, &Progress::default()).unwrap();
            assert_eq!(synced.read, 100_000);
            synced
        });
    });
    // 500 requests of the same shape (ten ranges of 10,000 contacts, 50 pages each), each
    // answer read as text and dropped.
    let agent = ureq::Agent::new_with_defaults();
    let url = format!("{}/crm/v3/objects/contacts/search", fake.url);
    let properties: Vec<String> = Provider::HubSpot
        .default_mapping()
        .columns
        .into_values()
        .collect();
    let start = start_ms();
    group.bench_function("the fake alone: 500 pages, not read", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for range in 0..10 {
                let from = start + range * 10_000 * 86_400;
                for page in 0..50 {
                    let mut body = json!({
                        "filterGroups": [{"filters": [
                            {"propertyName": "createdate", "operator": "GTE", "value": from.to_string()},
                        ]}],
                        "properties": properties,
                        "limit": 200,
                    });
                    if page > 0 {
                        body["after"] = json!((page * 200).to_string());
                    }
                    let mut answer = agent.post(&url).send(body.to_string()).unwrap();
                    bytes += answer
                        .body_mut()
                        .with_config()
                        .limit(1 << 26)
                        .read_to_string()
                        .unwrap()
                        .len();
                }
            }
            bytes
        });
    });
    let fake = Fake::salesforce(salesforce_org(), usize::MAX);
    let settings = crm::settings_for(&doc, Provider::Salesforce.default_mapping());
    let request = Request {
        provider: Provider::Salesforce,
        base_url: Some(&fake.url),
        token: "bench-token",
        since: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
    };
    group.bench_function("sync 100,000 Salesforce leads (50 pages)", |b| {
        b.iter(|| {
            let synced = crm::fetch(&request, &settings, &Progress::default()).unwrap();
            assert_eq!(synced.read, 100_000);
            synced
        });
    });
    group.finish();
}

/// 100,000 leads over the first 100 days of 2027 with the standard fields, every fifth
/// converted into an opportunity that was won.
fn salesforce_org() -> Org {
    let start = start_ms();
    let statuses = [
        "Open - Not Contacted",
        "Working - Contacted",
        "Closed - Not Converted",
        "Working - Contacted",
        "Closed - Converted",
    ];
    let sources = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List"];
    let mut opportunities = Vec::new();
    let leads = (0..CONTACTS)
        .map(|i| {
            let created = start + i * 86_400;
            let at = chrono::DateTime::from_timestamp_millis(created).unwrap();
            let status = statuses[(i % 5) as usize];
            let converted = (i % 5 == 4).then(|| format!("006{i:015}"));
            if let Some(id) = &converted {
                let won = (at + chrono::Days::new(20)).format("%Y-%m-%d").to_string();
                let opportunity =
                    json!({"Id": id, "IsWon": true, "CloseDate": won, "Amount": 12500.0});
                opportunities.push(opportunity.as_object().unwrap().clone());
            }
            let fields = json!({
                "Id": format!("00Q{i:015}"),
                "CreatedDate": at.format("%Y-%m-%dT%H:%M:%S%.3f+0000").to_string(),
                "LeadSource": sources[(i % 4) as usize],
                "Status": status,
                "ConvertedOpportunityId": converted,
            });
            Item {
                created_ms: created,
                fields: fields.as_object().unwrap().clone(),
            }
        })
        .collect();
    Org {
        name: "Bench Inc.".into(),
        leads,
        opportunities,
        batch: 2000,
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
