//! File ▸ Connect to CRM… and Update from CRM driven as a user drives them, by the labels on
//! screen, against the fake HubSpot on 127.0.0.1 ([`crate::crm_fake`]). Tokens stay in the
//! window's memory ([`Vault::session`]): no test touches the system's credential store.

use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serde_json::json;
use sla_planner::App;
use sla_planner::crm::token::Vault;
use sla_planner::crm::{self, Provider, Request};
use sla_planner::document::{ImportField, SlaDocument};

use crate::crm_fake::{Contact, Fake, PORTAL_ID, Reply};
use crate::support;

const TOKEN: &str = "pat-eu1-1111-window-token-5ecret";

/// `n` contacts created in January 2027, a day apart, from organic search; every fifth a
/// customer ten days later.
fn contacts(n: u64) -> Vec<Contact> {
    (0..n)
        .map(|i| {
            let day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + chrono::Days::new(i % 25);
            let created = format!("{day}T09:{:02}:00.000Z", i % 60);
            let created_ms = DateTime::parse_from_rfc3339(&created)
                .unwrap()
                .timestamp_millis();
            let stage = if i % 5 == 0 { "customer" } else { "lead" };
            let mut properties = serde_json::Map::new();
            properties.insert("createdate".into(), json!(created));
            properties.insert("hs_analytics_source".into(), json!("ORGANIC_SEARCH"));
            properties.insert("lifecyclestage".into(), json!(stage));
            properties.insert("num_contacted_notes".into(), json!("2"));
            if stage == "customer" {
                let won = day + chrono::Days::new(10);
                properties.insert(
                    "hs_lifecyclestage_customer_date".into(),
                    json!(won.to_string()),
                );
                properties.insert("recent_deal_amount".into(), json!("5000"));
            }
            Contact {
                id: 500 + i,
                created_ms,
                properties,
            }
        })
        .collect()
}

/// A window on the example whose tokens stay in memory, at `size` in `theme`.
fn window(size: egui::Vec2, theme: egui::Theme) -> Harness<'static, App> {
    support::window(
        support::options(|o| o.tokens = Vault::session()),
        size,
        theme,
    )
}

/// Steps the window until a label containing `text` shows: the worker asks the fake on its
/// own thread, so this waits as a user waits.
fn wait_for(harness: &mut Harness<'static, App>, text: &str) {
    for _ in 0..1000 {
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("“{text}” never showed");
}

fn type_into(harness: &mut Harness<'static, App>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run_steps(2);
}

fn click(harness: &mut Harness<'static, App>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(label).click_accesskit();
    harness.run_steps(3);
}

/// Opens File ▸ Connect to CRM… and fills in the token and the fake's address.
fn connect(harness: &mut Harness<'static, App>, fake: &Fake) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Connect to CRM…").click();
    harness.run_steps(3);
    type_into(harness, Role::PasswordInput, "Access token", TOKEN);
    click(harness, "Advanced");
    type_into(harness, Role::TextInput, "API address", &fake.url);
}

/// Connects and saves the connection: the document is linked to the fake, the token kept
/// for this session.
fn connected(harness: &mut Harness<'static, App>, fake: &Fake) {
    connect(harness, fake);
    click(harness, "Save connection");
    assert!(harness.state().document().tracking.crm.is_some());
}

#[test]
fn test_connection_shows_the_portal_and_how_many_leads_the_period_has() {
    let fake = Fake::hubspot(contacts(30), 10);
    let mut harness = window(egui::vec2(1280.0, 800.0), egui::Theme::Dark);
    connect(&mut harness, &fake);
    click(&mut harness, "Test connection");
    wait_for(&mut harness, "Connected to HubSpot");
    harness.get_by_label(&format!(
        "Connected to HubSpot account {PORTAL_ID}: 30 leads created since 1 January 2027."
    ));
    let received = fake.received();
    assert_eq!(received[0].method, "GET");
    assert_eq!(received[0].path, "/account-info/v3/details");
    for request in &received {
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
    }
    assert!(
        received[1].body.contains(r#""limit":1"#),
        "{}",
        received[1].body
    );
}

#[test]
fn a_refused_token_is_said_in_words_and_changes_nothing() {
    let fake = Fake::hubspot(contacts(3), 10);
    fake.script(Reply::new(
        401,
        r#"{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}"#,
    ));
    let mut harness = window(egui::vec2(1280.0, 800.0), egui::Theme::Dark);
    let before = harness.state().document().clone();
    connect(&mut harness, &fake);
    click(&mut harness, "Test connection");
    wait_for(&mut harness, "refused the token");
    harness.get_by_label(
        "HubSpot refused the token (401): it is wrong, expired or revoked. Create a new one and connect again.",
    );
    assert_eq!(harness.state().document(), &before);
}

#[test]
fn the_mapping_is_saved_in_the_document_as_one_undo_step_without_the_token() {
    let fake = Fake::hubspot(Vec::new(), 1);
    let mut harness = window(egui::vec2(1280.0, 800.0), egui::Theme::Dark);
    let before = harness.state().document().clone();
    connect(&mut harness, &fake);
    type_into(
        &mut harness,
        Role::TextInput,
        "Rejection reason",
        "hs_lead_status_reason",
    );
    harness
        .get_by_role_and_label(Role::ComboBox, "subscriber")
        .scroll_to_me();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::ComboBox, "subscriber")
        .click_accesskit();
    harness.run_steps(2);
    harness
        .get_all_by_label("Rejected")
        .last()
        .unwrap()
        .click_accesskit();
    harness.run_steps(2);
    click(&mut harness, "Update from the CRM when opening this file");
    click(&mut harness, "Save connection");
    harness.get_by_label_contains("the token is kept only until the app closes");
    let doc = harness.state().document();
    let link = doc.tracking.crm.as_ref().unwrap();
    assert_eq!(link.provider, Provider::HubSpot);
    assert_eq!(link.base_url.as_deref(), Some(fake.url.as_str()));
    assert!(link.update_on_open);
    assert_eq!(
        link.mapping
            .columns
            .get(&ImportField::Reason)
            .map(String::as_str),
        Some("hs_lead_status_reason")
    );
    assert!(link.mapping.rejected.iter().any(|s| s == "subscriber"));
    let text = ron::ser::to_string(doc).unwrap();
    assert!(!text.contains(TOKEN));
    support::press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().document(),
        &before,
        "one undo takes the connection back"
    );
}

#[test]
fn update_shows_progress_and_cancel_leaves_the_document_unchanged() {
    let fake = Fake::hubspot(contacts(30), 10);
    let mut harness = window(egui::vec2(1280.0, 800.0), egui::Theme::Dark);
    connected(&mut harness, &fake);
    let before = harness.state().document().clone();
    // HubSpot asks to wait: the update is still reading when Cancel is clicked.
    fake.script(
        Reply::new(429, r#"{"status":"error","policyName":"SECONDLY"}"#)
            .with_header("Retry-After", "5"),
    );
    harness.state_mut().update_from_crm();
    wait_for(
        &mut harness,
        "Reading the leads created since 1 January 2027 from HubSpot",
    );
    harness.get_by_role(Role::ProgressIndicator);
    harness.get_by_label("Cancel").click_accesskit();
    harness.run_steps(3);
    harness.get_by_label("The update from the CRM was cancelled; nothing was changed.");
    std::thread::sleep(Duration::from_millis(200));
    harness.run_steps(3);
    assert_eq!(harness.state().document(), &before);
    click(&mut harness, "Close");
    assert!(harness.query_by_label_contains("cancelled").is_none());
}

#[test]
fn a_completed_update_is_one_undo_step_and_the_sync_is_remembered() {
    let fake = Fake::hubspot(contacts(30), 10);
    let mut harness = window(egui::vec2(1280.0, 800.0), egui::Theme::Dark);
    connected(&mut harness, &fake);
    let before = harness.state().document().clone();
    harness.state_mut().update_from_crm();
    wait_for(&mut harness, "leads read");
    harness.get_by_label("30 leads read, 27 days updated, 0 records skipped.");
    let doc = harness.state().document().clone();
    let link = doc.tracking.crm.as_ref().unwrap();
    let sync = link.last_sync.unwrap();
    assert_eq!(sync.since, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    let day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    assert!(
        doc.actuals
            .records()
            .iter()
            .any(|r| r.date == day && r.leads > 0)
    );
    // The same as the command line's fetch of the same leads into the same document.
    let settings = crm::settings_for(&before, link.mapping.clone());
    let synced = crm::fetch(
        &Request {
            provider: Provider::HubSpot,
            base_url: Some(&fake.url),
            token: TOKEN,
            since: sync.since,
        },
        &settings,
        &Default::default(),
    )
    .unwrap();
    let mut expected = before.clone();
    crm::apply(&mut expected, &synced, link.clone(), sync);
    assert_eq!(doc, expected);
    click(&mut harness, "Close");
    // The Report tab says when and from where.
    support::press(&mut harness, Modifiers::COMMAND, Key::Num3);
    harness.get_by_label_contains("Last synced from HubSpot on ");
    support::press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().document(),
        &before,
        "one undo takes the whole update back"
    );
    harness.get_by_label("Connected to HubSpot; not updated yet.");
}

#[test]
fn the_token_is_in_no_file_the_app_writes() {
    let fake = Fake::hubspot(contacts(30), 10);
    let folder = support::folder();
    let file = folder.join("plan.sla.ron");
    sla_planner::document::save(&SlaDocument::example().unwrap(), &file).unwrap();
    let recovery = folder.join("recovery");
    let mut harness = support::window(
        support::options(|o| {
            o.tokens = Vault::session();
            o.file = Some(file.clone());
            o.recovery_folder = Some(recovery.clone());
        }),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    );
    connected(&mut harness, &fake);
    harness.state_mut().update_from_crm();
    wait_for(&mut harness, "leads read");
    click(&mut harness, "Close");
    // Unsaved work reaches the recovery file; then the document is saved.
    std::thread::sleep(Duration::from_millis(2100));
    harness.run_steps(3);
    support::press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("last_sync"), "the sync is in the file");
    let mut files = 0;
    let mut stack = vec![folder.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files += 1;
                let bytes = std::fs::read(&path).unwrap();
                let text = String::from_utf8_lossy(&bytes);
                assert!(!text.contains(TOKEN), "the token is in {}", path.display());
            }
        }
    }
    assert!(
        files >= 2,
        "the document and the recovery file were written"
    );
}

#[test]
fn snapshots_of_the_connect_window() {
    let fake = Fake::hubspot(contacts(30), 10);
    let mut results = egui_kittest::SnapshotResults::new();
    for (name, size, theme) in [
        (
            "crm_connect_light_1024x640",
            egui::vec2(1024.0, 640.0),
            egui::Theme::Light,
        ),
        (
            "crm_connect_dark_1280x720",
            egui::vec2(1280.0, 720.0),
            egui::Theme::Dark,
        ),
    ] {
        let mut harness = window(size, theme);
        connect(&mut harness, &fake);
        click(&mut harness, "Test connection");
        wait_for(&mut harness, "Connected to HubSpot");
        // Folded again: the fake's address has a new port each run.
        click(&mut harness, "Advanced");
        harness.run_steps(10);
        results.add(harness.try_snapshot(name));
    }
}

/// A file linked to the fake HubSpot that asks to be updated when opened.
fn linked_file(fake: &Fake) -> std::path::PathBuf {
    let mut doc = SlaDocument::example().unwrap();
    doc.tracking.crm = Some(crm::CrmLink {
        base_url: Some(fake.url.clone()),
        update_on_open: true,
        ..crm::CrmLink::default()
    });
    let file = support::folder().join("linked.sla.ron");
    sla_planner::document::save(&doc, &file).unwrap();
    file
}

#[test]
fn a_file_that_asks_for_it_is_updated_when_opened() {
    let fake = Fake::hubspot(contacts(30), 10);
    let file = linked_file(&fake);
    let mut tokens = Vault::session();
    tokens.keep(Provider::HubSpot, TOKEN);
    let mut harness = support::window(
        support::options(|o| {
            o.tokens = tokens;
            o.file = Some(file.clone());
        }),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    );
    wait_for(&mut harness, "leads read");
    harness.get_by_label("30 leads read, 27 days updated, 0 records skipped.");
    assert!(harness.state().is_dirty(), "updated, not yet saved");
}

#[test]
fn without_a_token_the_update_says_how_to_give_one_and_changes_nothing() {
    let fake = Fake::hubspot(contacts(3), 10);
    let file = linked_file(&fake);
    let mut harness = support::window(
        support::options(|o| {
            o.tokens = Vault::session();
            o.file = Some(file.clone());
        }),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    );
    wait_for(&mut harness, "No HubSpot token");
    harness.get_by_label_contains("connect to HubSpot in the app (File › Connect to CRM…)");
    assert!(!harness.state().is_dirty());
    assert!(
        fake.received().is_empty(),
        "nothing was asked without a token"
    );
}

#[test]
fn an_update_never_lands_in_another_document() {
    let fake = Fake::hubspot(contacts(30), 10);
    let file = linked_file(&fake);
    let mut tokens = Vault::session();
    tokens.keep(Provider::HubSpot, TOKEN);
    // HubSpot asks to wait: the update opened with the file is still reading.
    fake.script(Reply::new(429, "{}").with_header("Retry-After", "1"));
    let mut harness = support::window(
        support::options(|o| {
            o.tokens = tokens;
            o.file = Some(file.clone());
        }),
        egui::vec2(1280.0, 800.0),
        egui::Theme::Dark,
    );
    wait_for(&mut harness, "Reading the leads");
    support::press(&mut harness, Modifiers::COMMAND, Key::N);
    let new = harness.state().document().clone();
    assert!(new.tracking.crm.is_none());
    std::thread::sleep(Duration::from_millis(1500));
    harness.run_steps(5);
    assert!(harness.query_by_label_contains("leads read").is_none());
    assert_eq!(harness.state().document(), &new);
}
