//! What the command-line tests share: the real binary run as a user in an English locale
//! would run it (`--lang` overrides that), and its output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sla_planner::document::{self, SlaDocument};

/// Runs `sla-planner` with `args` from the project folder, in an English locale whatever the
/// developer's (every variable a locale lookup may read).
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANGUAGE", "en_GB")
        .env("LC_ALL", "en_GB.UTF-8")
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap()
}

/// A temporary folder holding a document `plan.sla.ron`, for the commands that change one.
pub struct DocFolder {
    pub dir: tempfile::TempDir,
    pub doc: PathBuf,
}

impl DocFolder {
    pub fn with(document: &SlaDocument) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("plan.sla.ron");
        std::fs::write(&doc, document::to_ron(document).unwrap()).unwrap();
        Self { dir, doc }
    }

    /// Writes `bytes` as the file `name` in the folder and returns its path.
    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// `sla-planner import DOC CSV` with `extra` arguments.
    pub fn import(&self, csv: &Path, extra: &[&str]) -> Output {
        let doc = self.doc.display().to_string();
        let csv = csv.display().to_string();
        let mut args = vec!["import", doc.as_str(), csv.as_str()];
        args.extend_from_slice(extra);
        run(&args)
    }

    /// The document as saved now.
    pub fn document(&self) -> SlaDocument {
        document::load(&self.doc).unwrap().document
    }

    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.doc).unwrap()
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap()
}
