//! `sla-planner diff A B`: what changed between two documents, for people or as JSON.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::super::{Format, Outcome, open};
use super::to_json;
use crate::i18n::Language;
use crate::whatif::describe_diff;
use crate::whatif::{self, ChangeKind};

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The document before.
    pub before: PathBuf,
    /// The document after.
    pub after: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The JSON of `diff`.
#[derive(Serialize)]
struct DiffJson<'a> {
    equal: bool,
    changes: Vec<ChangeJson<'a>>,
    scenarios: &'a [whatif::ScenarioEffect],
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    path: &'a str,
    kind: ChangeKind,
    before: Option<&'a serde_json::Value>,
    after: Option<&'a serde_json::Value>,
}

/// `diff`: exit 0 when the documents are equal, 1 when they differ, 2 when one cannot be read.
pub fn run_diff(args: &DiffArgs, language: Language) -> Outcome {
    let read = |file: &Path| open(file, language).map(|loaded| loaded.document);
    let (before, after) = match (read(&args.before), read(&args.after)) {
        (Ok(before), Ok(after)) => (before, after),
        (Err(message), _) | (_, Err(message)) => {
            return Outcome {
                stdout: String::new(),
                stderr: message,
                code: 2,
            };
        }
    };
    let d = whatif::diff(&before, &after);
    let stdout = match args.format {
        Format::Json => to_json(&DiffJson {
            equal: d.is_empty(),
            changes: d
                .changes
                .iter()
                .map(|c| ChangeJson {
                    path: &c.path,
                    kind: c.kind,
                    before: c.before.as_ref(),
                    after: c.after.as_ref(),
                })
                .collect(),
            scenarios: &d.scenarios,
        }),
        Format::Text => describe_diff(&d, language)
            .into_iter()
            .map(|line| line + "\n")
            .collect(),
    };
    Outcome {
        stdout,
        stderr: String::new(),
        code: u8::from(!d.is_empty()),
    }
}
