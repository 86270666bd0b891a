//! `sla-planner merge BASE OURS THEIRS [-o OUT] [--ours|--theirs]`: a three-way merge of two
//! documents derived from one base, for people and for git (as a merge driver for
//! `*.sla.ron`, see README.md).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{Outcome, open};
use crate::document::{self, lock};
use crate::i18n::{Language, fill};
use crate::merge::{self, MergeError, Origin, Side};
use crate::whatif::value_text;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The version both were derived from (git: %O).
    pub base: PathBuf,
    /// Our version (git: %A).
    pub ours: PathBuf,
    /// Their version (git: %B).
    pub theirs: PathBuf,
    /// Write the merge to this file (replaced atomically) instead of stdout; may be OURS.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Settle every conflict with our value.
    #[arg(long = "ours", conflicts_with = "theirs_wins")]
    pub ours_wins: bool,
    /// Settle every conflict with their value.
    #[arg(long = "theirs")]
    pub theirs_wins: bool,
}

/// An outcome with exit code 2: a file that cannot be read or written.
fn error(stderr: String) -> Outcome {
    Outcome {
        stdout: String::new(),
        stderr,
        code: 2,
    }
}

/// `merge`: exit 0 with the merge written; 1 with the conflicts listed (path, base, ours,
/// theirs) and nothing written; 2 when a file cannot be read or written.
pub fn run_merge(args: &MergeArgs, language: Language) -> Outcome {
    let t = language.text();
    let read = |file: &Path| open(file, language).map(|loaded| loaded.document);
    let (base, ours, theirs) = match (read(&args.base), read(&args.ours), read(&args.theirs)) {
        (Ok(base), Ok(ours), Ok(theirs)) => (base, ours, theirs),
        (Err(message), ..) | (_, Err(message), _) | (.., Err(message)) => return error(message),
    };
    let side = match (args.ours_wins, args.theirs_wins) {
        (true, _) => Some(Side::Ours),
        (_, true) => Some(Side::Theirs),
        _ => None,
    };
    let taken = merge::three_way(&base, &ours, &theirs)
        .iter()
        .filter(|m| m.origin == Origin::Theirs)
        .count();
    let merged = match merge::merge(&base, &ours, &theirs, side) {
        Ok(merged) => merged,
        Err(MergeError::Conflicts(conflicts)) => {
            let mut stderr = format!(
                "{}\n",
                fill(
                    t.cli_merge_conflicts,
                    &[("count", &conflicts.len().to_string())]
                )
            );
            for conflict in &conflicts {
                let value = |v: Option<&serde_json::Value>| value_text(v, language);
                let _ = writeln!(
                    stderr,
                    "  {}",
                    fill(
                        t.cli_merge_conflict_line,
                        &[
                            ("path", &conflict.edit.label),
                            ("base", &value(conflict.base.as_ref())),
                            ("ours", &value(conflict.edit.ours.as_ref())),
                            ("theirs", &value(conflict.edit.theirs.as_ref())),
                        ]
                    )
                );
            }
            return Outcome {
                stdout: String::new(),
                stderr,
                code: 1,
            };
        }
        Err(MergeError::Apply(reason)) => {
            return error(format!(
                "{}\n",
                fill(t.take_failed, &[("reason", &reason.to_string())])
            ));
        }
    };
    let Some(output) = &args.output else {
        return match document::to_ron(&merged) {
            Ok(text) => Outcome::ok(text),
            Err(reason) => error(format!("{}\n", reason.describe(language))),
        };
    };
    // Someone editing the output in the window would lose the merge, or their work.
    let _editing = match lock::claim(output) {
        Ok(lock::Claim::Mine(mine)) => Some(mine),
        Ok(lock::Claim::Held(holder)) => {
            return error(format!(
                "{}\n",
                fill(
                    t.cli_locked,
                    &[("holder", &holder.describe(output, language))]
                )
            ));
        }
        // A folder we may not write: the save below says so.
        Err(_) => None,
    };
    if let Err(reason) = document::save(&merged, output) {
        return error(format!("{}\n", reason.describe_for_command(language)));
    }
    Outcome::ok(format!(
        "{}\n",
        fill(
            t.cli_merge_written,
            &[
                ("file", &output.display().to_string()),
                ("count", &taken.to_string()),
            ]
        )
    ))
}
