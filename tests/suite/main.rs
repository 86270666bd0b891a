//! The whole test suite in one binary: one link instead of one per file, and one process whose
//! threads run every test. Each module is one area; `support` drives the window, `process` the
//! command line.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

mod actual_values;
mod agreement_sign;
mod agreement_ui;
mod browser;
mod charts_ui;
mod cli;
mod crm_fake;
mod crm_hubspot;
mod crm_readers;
mod crm_ui;
mod dutch;
mod engine;
mod export;
mod file_chooser_ui;
mod file_safety;
mod files;
mod holidays;
mod import;
mod import_reader;
mod import_semantics;
mod import_ui;
mod locks;
mod locks_ui;
mod merge;
mod merge_three_way;
mod numbers;
mod numbers_ui;
mod planning_window;
mod process;
mod properties;
mod recovery;
mod scenario_ids;
mod status_cli;
mod support;
mod tracking_export;
mod tracking_ui;
mod ui;
mod whatif;
mod whatif_cli;
mod whatif_ui;
