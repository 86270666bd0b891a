//! What-if exploration for the planning meeting: goal seek, sensitivity, confidence, scenarios
//! side by side and the difference between two documents.
//!
//! Pure functions of assumptions, plans and documents, built on [`crate::plan::compute`]; no
//! egui, no I/O. The window and the command line are thin renderers of what they return.

mod compare;
mod confidence;
mod diff;
mod diff_words;
mod exact_value;
mod goal_seek;
mod input;
mod metric;
mod ratio;
mod sensitivity;

pub use compare::{Column, Comparison, Difference, Monthly, Row};
pub use confidence::{Confidence, LeadMix, MAX_LEADS, confidence};
pub use diff::{Change, ChangeKind, DocumentDiff, ScenarioEffect, diff};
pub use diff_words::{describe_diff, describe_effects, value_text};
pub use exact_value::to_value as exact_value;
pub use goal_seek::{Goal, Solution, Unreachable, solve};
pub use input::Input;
pub use metric::Metric;
pub use sensitivity::{Swing, sensitivity};
