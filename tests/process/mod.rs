//! What the command-line tests share: the real binary run as a user in an English locale
//! would run it (`--lang` overrides that), and its output.

#![allow(
    dead_code,
    clippy::unwrap_used,
    reason = "each test binary uses a part of it; a failed unwrap is a failed test"
)]

use std::process::{Command, Output};

/// Runs `sla-planner` with `args` from the project folder, in an English locale.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sla-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "en_GB.UTF-8")
        .env("LANG", "en_GB.UTF-8")
        .env("LANGUAGE", "en")
        .output()
        .unwrap()
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
