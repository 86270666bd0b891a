//! Three-way merges of two documents derived from one base: disjoint changes merge clean, the
//! same change on both sides is no conflict, a scenario renamed on one side and edited on the
//! other, a conflict settled either way; `sla-planner merge` as a process and as the git merge
//! driver the README sets up.

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use sla_planner::document::{self, SlaDocument};
use sla_planner::merge::{self, MergeError, Origin, Side};

use crate::process;

fn base() -> SlaDocument {
    SlaDocument::example().unwrap()
}

fn goal(doc: &SlaDocument, scenario: usize) -> f64 {
    doc.scenarios[scenario].assumptions.revenue_goal
}

#[test]
fn disjoint_changes_merge_clean() {
    let base = base();
    let mut ours = base.clone();
    ours.title = "Ours".into();
    let mut theirs = base.clone();
    theirs.scenarios[1].assumptions.average_deal_size = 30_000.0;
    let merged = merge::merge(&base, &ours, &theirs, None).unwrap();
    assert_eq!(merged.title, "Ours", "our change stays");
    assert_eq!(merged.scenarios[1].assumptions.average_deal_size, 30_000.0);
    let origins: Vec<Origin> = merge::three_way(&base, &ours, &theirs)
        .iter()
        .map(|m| m.origin)
        .collect();
    assert_eq!(origins, [Origin::Theirs, Origin::Ours]);
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.scenarios[0].assumptions.revenue_goal = 3_000_000.0;
    let theirs = ours.clone();
    assert!(merge::three_way(&base, &ours, &theirs).is_empty());
    let merged = merge::merge(&base, &ours, &theirs, None).unwrap();
    assert_eq!(goal(&merged, 0), 3_000_000.0);
}

#[test]
fn a_scenario_renamed_on_one_side_and_edited_on_the_other_is_both() {
    let base = base();
    let mut ours = base.clone();
    ours.scenarios[1].name = "Careful".into();
    let mut theirs = base.clone();
    theirs.scenarios[1].assumptions.average_deal_size = 30_000.0;
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let merged = merge::merge(&base, a, b, None).unwrap();
        assert_eq!(merged.scenarios[1].name, "Careful");
        assert_eq!(merged.scenarios[1].assumptions.average_deal_size, 30_000.0);
        assert_eq!(merged.scenarios.len(), 2);
    }
}

#[test]
fn a_conflict_lists_the_three_values_and_either_side_settles_it() {
    let base = base();
    let mut ours = base.clone();
    ours.scenarios[0].assumptions.revenue_goal = 2_500_000.0;
    let mut theirs = base.clone();
    theirs.scenarios[0].assumptions.revenue_goal = 3_000_000.0;
    theirs.title = "Theirs".into();
    let Err(MergeError::Conflicts(conflicts)) = merge::merge(&base, &ours, &theirs, None) else {
        panic!("both changed the revenue goal");
    };
    assert_eq!(conflicts.len(), 1);
    let conflict = &conflicts[0];
    assert_eq!(
        conflict.edit.label,
        "scenarios[\"Plan 2027\"].assumptions.revenue_goal"
    );
    assert_eq!(
        (
            conflict.base.clone(),
            conflict.edit.ours.clone(),
            conflict.edit.theirs.clone()
        ),
        (
            Some(2_400_000.0.into()),
            Some(2_500_000.0.into()),
            Some(3_000_000.0.into())
        )
    );
    let ours_won = merge::merge(&base, &ours, &theirs, Some(Side::Ours)).unwrap();
    assert_eq!(
        (goal(&ours_won, 0), ours_won.title.as_str()),
        (2_500_000.0, "Theirs")
    );
    let theirs_won = merge::merge(&base, &ours, &theirs, Some(Side::Theirs)).unwrap();
    assert_eq!(goal(&theirs_won, 0), 3_000_000.0);
}

#[test]
fn a_scenario_removed_on_one_side_and_edited_on_the_other_is_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.scenarios[1].assumptions.average_deal_size = 30_000.0;
    let mut theirs = base.clone();
    let cautious = theirs.scenarios[1].id;
    theirs.delete_scenario(cautious);
    let Err(MergeError::Conflicts(conflicts)) = merge::merge(&base, &ours, &theirs, None) else {
        panic!("their removal would lose our edit");
    };
    assert_eq!(conflicts[0].edit.label, "scenarios[\"Cautious\"]");
}

#[test]
fn merge_as_a_process_writes_the_merge_or_lists_the_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, doc: &SlaDocument| {
        let path = dir.path().join(name);
        document::save(doc, &path).unwrap();
        path.display().to_string()
    };
    let base_doc = base();
    let mut ours_doc = base_doc.clone();
    ours_doc.scenarios[0].assumptions.revenue_goal = 2_500_000.0;
    let mut theirs_doc = base_doc.clone();
    theirs_doc.title = "Theirs".into();
    let (base, ours, theirs) = (
        write("base.sla.ron", &base_doc),
        write("ours.sla.ron", &ours_doc),
        write("theirs.sla.ron", &theirs_doc),
    );
    let out = dir.path().join("merged.sla.ron");
    let out_arg = out.display().to_string();

    let clean = process::run(&["merge", &base, &ours, &theirs, "-o", &out_arg]);
    assert_eq!(clean.status.code(), Some(0), "{}", process::stderr(&clean));
    assert!(process::stdout(&clean).contains("1 change(s) taken from theirs"));
    let merged = document::load(&out).unwrap().document;
    assert_eq!(
        (goal(&merged, 0), merged.title.as_str()),
        (2_500_000.0, "Theirs")
    );
    assert!(!document::lock::lock_path(&out).exists());

    let to_stdout = process::run(&["merge", &base, &ours, &theirs]);
    assert_eq!(to_stdout.status.code(), Some(0));
    let parsed = document::parse(&process::stdout(&to_stdout), &out).unwrap();
    assert_eq!(parsed.document.title, "Theirs");

    theirs_doc.scenarios[0].assumptions.revenue_goal = 3_000_000.0;
    let theirs = write("theirs.sla.ron", &theirs_doc);
    std::fs::remove_file(&out).unwrap();
    let conflict = process::run(&["merge", &base, &ours, &theirs, "-o", &out_arg]);
    assert_eq!(conflict.status.code(), Some(1));
    let stderr = process::stderr(&conflict);
    assert!(stderr.contains("1 conflict(s)"), "{stderr}");
    assert!(
        stderr.contains(
            "scenarios[\"Plan 2027\"].assumptions.revenue_goal: base 2,400,000, ours 2,500,000, theirs 3,000,000"
        ),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing written");

    let settled = process::run(&["merge", &base, &ours, &theirs, "-o", &out_arg, "--theirs"]);
    assert_eq!(
        settled.status.code(),
        Some(0),
        "{}",
        process::stderr(&settled)
    );
    assert_eq!(
        goal(&document::load(&out).unwrap().document, 0),
        3_000_000.0
    );
    let settled = process::run(&["merge", &base, &ours, &theirs, "-o", &ours, "--ours"]);
    assert_eq!(
        settled.status.code(),
        Some(0),
        "{}",
        process::stderr(&settled)
    );
    let ours_now = document::load(std::path::Path::new(&ours))
        .unwrap()
        .document;
    assert_eq!(
        (goal(&ours_now, 0), ours_now.title.as_str()),
        (2_500_000.0, "Theirs")
    );

    let missing = dir.path().join("missing.sla.ron").display().to_string();
    let broken = process::run(&["merge", &missing, &ours, &theirs]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(process::stderr(&broken).contains("missing.sla.ron"));
    let both = process::run(&["merge", &base, &ours, &theirs, "--ours", "--theirs"]);
    assert_eq!(both.status.code(), Some(2));
}

/// Runs git in `repo` with no user or system configuration of the machine's.
fn git(repo: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", repo.join(".no-global-config"))
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .unwrap()
}

#[test]
fn git_merges_two_branches_through_the_driver_in_the_readme() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let ok = |args: &[&str]| {
        let output = git(repo, args);
        assert!(output.status.success(), "git {args:?}: {output:?}");
    };
    ok(&["init", "-q", "-b", "main"]);
    let driver = format!(
        "'{}' merge %O %A %B -o %A",
        env!("CARGO_BIN_EXE_sla-planner")
    );
    ok(&[
        "config",
        "merge.sla-planner.name",
        "SLA Planner three-way merge",
    ]);
    ok(&["config", "merge.sla-planner.driver", &driver]);
    std::fs::write(repo.join(".gitattributes"), "*.sla.ron merge=sla-planner\n").unwrap();
    let plan = repo.join("plan.sla.ron");
    let base = base();
    document::save(&base, &plan).unwrap();
    ok(&["add", "."]);
    ok(&["commit", "-q", "-m", "base"]);
    ok(&["checkout", "-q", "-b", "colleague"]);
    let mut theirs = base.clone();
    theirs.scenarios[1].name = "Careful".into();
    document::save(&theirs, &plan).unwrap();
    ok(&["commit", "-q", "-am", "renamed"]);
    ok(&["checkout", "-q", "main"]);
    let mut ours = base.clone();
    ours.scenarios[1].assumptions.average_deal_size = 30_000.0;
    document::save(&ours, &plan).unwrap();
    ok(&["commit", "-q", "-am", "edited"]);
    ok(&["merge", "-q", "--no-edit", "colleague"]);
    let merged = document::load(&plan).unwrap().document;
    assert_eq!(merged.scenarios[1].name, "Careful");
    assert_eq!(merged.scenarios[1].assumptions.average_deal_size, 30_000.0);
}
