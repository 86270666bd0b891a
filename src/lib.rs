//! SLA Planner: plan, agree and track a combined sales and marketing service level agreement.
//!
//! Numbers flow one way: document → plan → view. Nothing outside `app` touches egui.

/// The desktop app: window, panels, commands, dialogs, the file chooser, recovery, edit locks
/// and the cache of the report (everything egui lives here).
pub mod app;
/// The command-line commands: plan, summary, check, solve, sensitivity, diff, export, status,
/// import and merge.
pub mod cli;
/// Actuals straight from a CRM's REST API (HubSpot): the CSV import's records, fetched.
pub mod crm;
/// Exact discrete distributions (negative binomial, beta-binomial, Poisson), their tails,
/// percentiles and sums, for the forecast. Pure.
pub mod distribution;
/// The SLA document: types, validation, RON load and atomic save, format versions.
pub mod document;
/// Renderers of the report: plain text, HTML, Markdown and CSV. Report in, text out.
pub mod export;
/// User-facing text in English and Dutch, the reading and writing of numbers and dates, and the
/// words of the plan (fields, problems, warnings, "How is this calculated?"). Imports only
/// `plan`: every other type puts itself into words in its own module.
pub mod i18n;
/// Taking a colleague's changes: the edits between two documents (or three, with their common
/// base) and applying the chosen ones. Egui-free.
pub mod merge;
/// The planning engine: assumptions in, targets out. Pure, no I/O.
pub mod plan;
/// The report model: figures, tables, chart series and the agreement in sentences, that every
/// screen, the command line and every export render.
pub mod report;
/// Step 3: the CRM import of actuals, status, hug-the-line series and the monthly review of
/// actuals against the plan. Egui-free.
pub mod tracking;
/// What-if: goal seek, sensitivity, confidence of the lead target, differences between documents.
pub mod whatif;

pub use app::App;
