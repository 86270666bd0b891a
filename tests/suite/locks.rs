//! Edit locks (`.~lock.<file>#`) on real files in temporary folders: processes racing for one
//! file, a lock left by a crash, a colleague's lock on another computer, hostile lock files,
//! and the command line respecting them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{Local, TimeDelta};
use sla_planner::document::lock::{self, Claim, LockOwner};
use sla_planner::document::{self, SlaDocument};
use sla_planner::i18n::Language;

use crate::process::{self, DocFolder};

/// The variables that make the child test below a racer: the document, when to start, and
/// how many race.
const RACE_DOC: &str = "SLA_LOCK_RACE_DOC";
const RACE_AT: &str = "SLA_LOCK_RACE_AT_MS";
const RACERS: &str = "SLA_LOCK_RACERS";

fn millis_now() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis()
}

fn document_in(dir: &Path) -> PathBuf {
    let path = dir.join("Plan 2027.sla.ron");
    document::save(&SlaDocument::example().unwrap(), &path).unwrap();
    path
}

fn colleague(hours_ago: i64) -> LockOwner {
    LockOwner::other(
        "Sanne de Vries",
        "sanne",
        "LAPTOP-42",
        Local::now().naive_local() - TimeDelta::hours(hours_ago),
    )
}

/// The results the racers have written beside the document.
fn results(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("result-"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect()
}

/// One racer: waits for the agreed moment, claims the document and writes whether it won
/// beside it; a winner holds its lock until every racer has tried, however slowly the
/// processes started.
#[test]
#[ignore = "a child process of racing_processes_lock_a_file_exactly_once"]
fn racer() {
    let doc = PathBuf::from(std::env::var(RACE_DOC).unwrap());
    let at: u128 = std::env::var(RACE_AT).unwrap().parse().unwrap();
    let racers: usize = std::env::var(RACERS).unwrap().parse().unwrap();
    let folder = doc.parent().unwrap().to_owned();
    while millis_now() < at {
        std::thread::yield_now();
    }
    let claim = lock::claim(&doc).unwrap();
    let result = if matches!(claim, Claim::Mine(_)) {
        "won"
    } else {
        "lost"
    };
    std::fs::write(
        folder.join(format!("result-{}", std::process::id())),
        result,
    )
    .unwrap();
    let give_up = millis_now() + 60_000;
    while results(&folder).len() < racers && millis_now() < give_up {
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(claim);
}

#[test]
fn racing_processes_lock_a_file_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document_in(dir.path());
    let racers = 4;
    // Far enough ahead that every process has usually started before it.
    let at = millis_now() + 1500;
    let children: Vec<_> = (0..racers)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "locks::racer", "--ignored"])
                .env(RACE_DOC, &doc)
                .env(RACE_AT, at.to_string())
                .env(RACERS, racers.to_string())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let mut outcomes = results(dir.path());
    outcomes.sort();
    assert_eq!(outcomes, ["lost", "lost", "lost", "won"]);
    assert!(
        !lock::lock_path(&doc).exists(),
        "the winner removed its lock when it was done"
    );
}

#[test]
fn a_lock_is_created_beside_the_file_and_removed_when_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document_in(dir.path());
    let Claim::Mine(held) = lock::claim(&doc).unwrap() else {
        panic!("a file nobody edits is free");
    };
    let path = dir.path().join(".~lock.Plan 2027.sla.ron#");
    assert_eq!(held.path(), path);
    let record = std::fs::read_to_string(&path).unwrap();
    let me = LockOwner::me();
    assert!(
        record.starts_with(&format!("{},", me.name.replace(',', "\\,"))),
        "{record}"
    );
    assert!(record.ends_with(';'), "one LibreOffice record: {record}");
    assert_eq!(
        record.matches(',').count() - record.matches("\\,").count(),
        4
    );
    assert_eq!(
        lock::holder(&doc),
        None,
        "this process's own lock holds nobody up"
    );
    drop(held);
    assert!(!path.exists());
}

#[test]
fn a_lock_left_by_a_process_that_is_gone_is_taken_over_silently() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document_in(dir.path());
    let mut gone = Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let me = LockOwner::me();
    let crashed = format!(
        "{},{},{},{},sla-planner:{pid}:1;",
        me.name.replace(',', "\\,"),
        me.account,
        me.host,
        (Local::now() - TimeDelta::hours(3)).format("%d.%m.%Y %H:%M"),
    );
    let path = lock::lock_path(&doc);
    std::fs::write(&path, &crashed).unwrap();
    assert_eq!(lock::holder(&doc), None, "nobody holds it");
    let Claim::Mine(held) = lock::claim(&doc).unwrap() else {
        panic!("our own crashed lock is ours to take");
    };
    assert_ne!(std::fs::read_to_string(&path).unwrap(), crashed);
    drop(held);
    assert!(!path.exists());
}

#[test]
fn a_colleagues_lock_on_another_computer_is_reported_with_name_host_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document_in(dir.path());
    let path = lock::lock_path(&doc);
    let owner = colleague(0);
    std::fs::write(&path, owner.record()).unwrap();
    let Claim::Held(holder) = lock::claim(&doc).unwrap() else {
        panic!("a colleague's lock is not ours");
    };
    assert!(!holder.stale);
    let time = owner.since.unwrap().format("%H:%M");
    assert_eq!(
        holder.describe(&doc, Language::English),
        format!("Plan 2027.sla.ron is being edited by Sanne de Vries on LAPTOP-42 since {time}.")
    );
    assert_eq!(
        holder.describe(&doc, Language::Dutch),
        format!("Plan 2027.sla.ron wordt bewerkt door Sanne de Vries op LAPTOP-42 sinds {time}.")
    );
    assert_eq!(std::fs::read(&path).unwrap(), owner.record().as_bytes());
    assert_eq!(lock::holder(&doc), Some(holder));
}

#[test]
fn a_lock_older_than_a_day_is_shown_as_probably_stale_and_open_anyway_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document_in(dir.path());
    let path = lock::lock_path(&doc);
    let owner = colleague(30);
    std::fs::write(&path, owner.record()).unwrap();
    let Claim::Held(holder) = lock::claim(&doc).unwrap() else {
        panic!("an old lock of someone else is still theirs until the user says otherwise");
    };
    assert!(holder.stale);
    let since = owner.since.unwrap();
    let text = holder.describe(&doc, Language::English);
    assert!(
        text.contains(&format!(
            "{} {}",
            Language::English.date(since.date()),
            since.format("%H:%M")
        )),
        "{text}"
    );
    assert!(text.contains("probably left behind"), "{text}");
    let forced = lock::force(&doc).unwrap();
    assert_eq!(lock::holder(&doc), None);
    drop(forced);
    assert!(!path.exists());
}

#[test]
fn our_lock_replaced_by_a_colleague_is_theirs_and_stays() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document_in(dir.path());
    let Claim::Mine(held) = lock::claim(&doc).unwrap() else {
        panic!("free");
    };
    let theirs = colleague(0).record();
    std::fs::write(held.path(), &theirs).unwrap();
    drop(held);
    assert_eq!(
        std::fs::read_to_string(lock::lock_path(&doc)).unwrap(),
        theirs
    );
}

#[test]
fn hostile_lock_files_are_read_bounded_and_shown_safely() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document_in(dir.path());
    let path = lock::lock_path(&doc);
    let mut huge =
        b"\x1b[2J\x1b]0;pwned\x07Eve\r\nX,\xff\xfe\x00acct,\xe2\x80\xaeHOST\x1b[31m,".to_vec();
    huge.extend(std::iter::repeat_n(b'A', 1024 * 1024));
    let cases: [(&str, Vec<u8>); 4] = [
        ("control characters and not UTF-8, 1 MB", huge),
        ("empty", Vec::new()),
        ("only separators", b",,,,;".to_vec()),
        ("not UTF-8 at all", vec![0xff; 5000]),
    ];
    for (what, bytes) in cases {
        std::fs::write(&path, &bytes).unwrap();
        let Claim::Held(holder) = lock::claim(&doc).unwrap() else {
            panic!("{what}: a lock nobody can explain is still a lock");
        };
        for language in Language::ALL {
            let text = holder.describe(&doc, language);
            assert!(
                !text.chars().any(|c| c.is_control() || c == '\u{202e}'),
                "{what}: {text:?}"
            );
            assert!(text.chars().count() < 400, "{what}: {} chars", text.len());
            assert!(text.starts_with("Plan 2027.sla.ron"), "{what}: {text}");
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{what}: left as it was"
        );
    }
}

#[test]
fn import_refuses_a_file_someone_else_is_editing_and_check_ignores_the_lock() {
    let folder = DocFolder::with(&SlaDocument::example().unwrap());
    let csv = folder.file("leads.csv", b"Created,Source\n2027-01-15,Webinars\n");
    let path = lock::lock_path(&folder.doc);
    let owner = colleague(0);
    std::fs::write(&path, owner.record()).unwrap();
    let before = folder.bytes();
    let output = folder.import(&csv, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = process::stderr(&output);
    assert!(
        stderr.contains("plan.sla.ron is being edited by Sanne de Vries on LAPTOP-42 since"),
        "{stderr}"
    );
    assert!(process::stdout(&output).contains("Not saved"));
    assert_eq!(folder.bytes(), before);
    assert_eq!(std::fs::read(&path).unwrap(), owner.record().as_bytes());
    let doc = folder.doc.display().to_string();
    let check = process::run(&["check", &doc]);
    assert_eq!(check.status.code(), Some(0), "{}", process::stderr(&check));
    let dry = folder.import(&csv, &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", process::stderr(&dry));
    std::fs::remove_file(&path).unwrap();
    let output = folder.import(&csv, &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        process::stderr(&output)
    );
    assert_ne!(folder.bytes(), before);
    assert!(!path.exists(), "the import's own lock is gone");
    let lineage = folder.document().lineage;
    assert_eq!(
        (lineage.id.len(), lineage.base),
        (16, SlaDocument::example().unwrap().content_fingerprint()),
        "the import's file is derived from the version it read"
    );
}
