//! Writing the user's files safely, as processes on real files in a temporary folder: an
//! export never replaces a document, imports that overlap never lose an update, temporary
//! files are private and cleaned up, and a refusal says that nothing was saved.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use sla_planner::document;

use crate::process;

/// A copy of the example in a folder of its own.
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.sla.ron");
    std::fs::write(&path, document::EXAMPLE_RON).unwrap();
    (folder, path)
}

fn run(args: &[&str]) -> Output {
    process::run(args)
}

fn arg(path: &Path) -> String {
    path.display().to_string()
}

fn export_html(doc: &Path, output: &Path, force: bool) -> Output {
    let (doc, output) = (arg(doc), arg(output));
    let mut args = vec!["export", &doc, "--format", "html", "-o", &output];
    if force {
        args.push("--force");
    }
    run(&args)
}

#[test]
fn an_export_never_replaces_the_document_it_is_made_from() {
    let (folder, doc) = example_copy();
    let before = std::fs::read(&doc).unwrap();
    // The same file, by its own name and by another spelling of the path.
    let spelled = folder.path().join(".").join("plan.sla.ron");
    for output in [doc.clone(), spelled] {
        let out = export_html(&doc, &output, false);
        assert_eq!(out.status.code(), Some(1), "{}", process::stderr(&out));
        let err = process::stderr(&out);
        assert!(err.contains("is the document being exported"), "{err}");
        assert!(err.contains("--force"), "{err}");
        assert_eq!(std::fs::read(&doc).unwrap(), before);
    }
    #[cfg(unix)]
    {
        let link = folder.path().join("link.html");
        std::os::unix::fs::symlink(&doc, &link).unwrap();
        let hard = folder.path().join("hard.html");
        std::fs::hard_link(&doc, &hard).unwrap();
        for output in [link, hard] {
            let out = export_html(&doc, &output, false);
            assert_eq!(out.status.code(), Some(1), "{}", process::stderr(&out));
            assert_eq!(std::fs::read(&doc).unwrap(), before);
        }
    }
}

#[test]
fn an_export_never_replaces_another_sla_document_or_a_read_only_file_without_force() {
    let (folder, doc) = example_copy();
    let other = folder.path().join("other.txt");
    std::fs::write(&other, document::EXAMPLE_RON).unwrap();
    let out = export_html(&doc, &other, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(process::stderr(&out).contains("is an SLA document"));
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        document::EXAMPLE_RON
    );

    let old_html = folder.path().join("report.html");
    std::fs::write(&old_html, "<p>old</p>").unwrap();
    let mut permissions = std::fs::metadata(&old_html).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&old_html, permissions).unwrap();
    let out = export_html(&doc, &old_html, false);
    assert_eq!(out.status.code(), Some(1));
    let err = process::stderr(&out);
    assert!(err.contains("read-only"), "{err}");
    assert!(
        !err.contains("Save as"),
        "the command line has no Save as…: {err}"
    );
    assert_eq!(std::fs::read_to_string(&old_html).unwrap(), "<p>old</p>");

    // With --force the user's word replaces it; it stays read-only.
    let out = export_html(&doc, &old_html, true);
    assert_eq!(out.status.code(), Some(0), "{}", process::stderr(&out));
    assert!(
        std::fs::read_to_string(&old_html)
            .unwrap()
            .contains("<html")
    );
    assert!(
        std::fs::metadata(&old_html)
            .unwrap()
            .permissions()
            .readonly()
    );

    // An ordinary earlier export is replaced without a word, and nothing is left beside it.
    let fresh = folder.path().join("fresh.html");
    std::fs::write(&fresh, "<p>old</p>").unwrap();
    let out = export_html(&doc, &fresh, false);
    assert_eq!(out.status.code(), Some(0), "{}", process::stderr(&out));
    let names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "left behind: {names:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_document_is_refused_in_the_words_of_the_command_line() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_folder, doc) = example_copy();
    std::fs::set_permissions(&doc, std::fs::Permissions::from_mode(0o444)).unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/crm/hubspot_comma.csv");
    let out = run(&["import", &arg(&doc), &arg(&csv)]);
    assert_eq!(out.status.code(), Some(1));
    let (stdout, stderr) = (process::stdout(&out), process::stderr(&out));
    assert!(stderr.contains("read-only"), "{stderr}");
    assert!(stderr.contains("nothing was saved"), "{stderr}");
    assert!(!stderr.contains("Save as"), "{stderr}");
    assert!(stdout.contains("Not saved"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&doc).unwrap(),
        document::EXAMPLE_RON
    );
}

#[cfg(unix)]
#[test]
fn a_hard_linked_document_is_refused_and_stdout_says_not_saved() {
    let (folder, doc) = example_copy();
    std::fs::hard_link(&doc, folder.path().join("other-name.sla.ron")).unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/crm/hubspot_comma.csv");
    let out = run(&["import", &arg(&doc), &arg(&csv)]);
    assert_eq!(out.status.code(), Some(1));
    let (stdout, stderr) = (process::stdout(&out), process::stderr(&out));
    assert!(stderr.contains("nothing was saved"), "{stderr}");
    assert!(stdout.contains("Not saved: "), "{stdout}");
    assert!(!stdout.contains("now holds"), "{stdout}");
}

/// A CRM export of `rows` leads of `source`, one a minute from 2027-01-04.
fn crm_export(rows: usize, source: &str) -> String {
    let mut text = String::from("Create Date,Original Source,Lifecycle Stage\n");
    for i in 0..rows {
        let day = 4 + (i / 1440) % 20;
        let (hour, minute) = ((i / 60) % 24, i % 60);
        let _ = writeln!(text, "2027-01-{day:02} {hour:02}:{minute:02},{source},Lead");
    }
    text
}

fn import_process(doc: &Path, csv: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(["import", &arg(doc), &arg(csv)])
        .env("LC_ALL", "en_GB.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_imports_at_once_never_lose_an_update() {
    let (folder, doc) = example_copy();
    let slow = folder.path().join("slow.csv");
    std::fs::write(&slow, crm_export(300_000, "Slow source")).unwrap();
    let fast = folder.path().join("fast.csv");
    std::fs::write(
        &fast,
        "Create Date,Original Source,Lifecycle Stage\n2027-02-01,Fast source,Lead\n",
    )
    .unwrap();
    let slow_import = import_process(&doc, &slow);
    // The slow one has read the document by now and is busy with its file.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let fast_out = import_process(&doc, &fast).wait_with_output().unwrap();
    let slow_out = slow_import.wait_with_output().unwrap();
    assert_eq!(
        fast_out.status.code(),
        Some(0),
        "{}",
        process::stderr(&fast_out)
    );
    let saved = document::load(&doc).unwrap().document;
    let has = |source: &str| saved.actuals.records().iter().any(|r| r.source == source);
    assert!(has("Fast source"), "the fast import's update was lost");
    if slow_out.status.code() == Some(0) {
        assert!(has("Slow source"));
    } else {
        let stderr = process::stderr(&slow_out);
        assert!(
            stderr.contains("was changed by another program"),
            "{stderr}"
        );
        assert!(process::stdout(&slow_out).contains("Not saved"));
        assert!(!has("Slow source"));
    }
}

#[test]
fn temporary_files_of_a_killed_save_are_removed_by_the_next_one() {
    let (folder, doc) = example_copy();
    let stale = folder.path().join(".plan.sla.ron.AbC123.tmp");
    std::fs::write(&stale, "half a document").unwrap();
    let stale_lock = folder.path().join(".plan.sla.ron.lock");
    std::fs::write(&stale_lock, "").unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/crm/hubspot_comma.csv");
    let out = run(&["import", &arg(&doc), &arg(&csv)]);
    assert_eq!(out.status.code(), Some(0), "{}", process::stderr(&out));
    let left: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["plan.sla.ron"]);
}

#[cfg(unix)]
#[test]
fn a_saved_document_keeps_its_private_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_folder, doc) = example_copy();
    std::fs::set_permissions(&doc, std::fs::Permissions::from_mode(0o600)).unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/crm/hubspot_comma.csv");
    let out = run(&["import", &arg(&doc), &arg(&csv)]);
    assert_eq!(out.status.code(), Some(0), "{}", process::stderr(&out));
    let mode = std::fs::metadata(&doc).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn check_refuses_a_source_name_beyond_the_documented_length() {
    let (folder, _) = example_copy();
    let doc = folder.path().join("long.sla.ron");
    let long = "S".repeat(65_536);
    let text = document::EXAMPLE_RON.replacen(
        "actuals: [",
        &format!(
            "actuals: [\n        SourceDay(date: \"2027-01-04\", source: \"{long}\", leads: 1),"
        ),
        1,
    );
    assert_ne!(text, document::EXAMPLE_RON, "the example has actuals");
    std::fs::write(&doc, text).unwrap();
    let out = run(&["check", &arg(&doc)]);
    assert_eq!(out.status.code(), Some(1));
    let err = process::stderr(&out);
    assert!(
        err.contains("65,536 characters long; a name has at most 100"),
        "{err}"
    );
}

#[test]
fn an_import_the_app_could_not_open_again_is_not_saved() {
    let (folder, doc) = example_copy();
    let csv = folder.path().join("long.csv");
    let long = "N".repeat(5_000);
    std::fs::write(
        &csv,
        format!("Create Date,Original Source,Lifecycle Stage\n2027-01-04,{long},Lead\n2027-01-05,Webinars,Lead\n"),
    )
    .unwrap();
    let out = run(&["import", &arg(&doc), &arg(&csv)]);
    assert_eq!(out.status.code(), Some(1), "{}", process::stdout(&out));
    assert_eq!(
        std::fs::read_to_string(&doc).unwrap(),
        document::EXAMPLE_RON
    );
    assert!(document::load(&doc).is_ok());
}
