//! The SLA document: the only state a user owns, stored as a RON file (see `docs/FORMAT.md`).
//!
//! Compatibility rules: every struct has `#[serde(default)]`, so a file that lacks a field (an
//! older one) still opens; unknown fields are ignored, so a newer file opens too — read-only,
//! because saving it would drop what this version does not know.

mod file;
mod validate;

pub use file::{LoadError, Loaded, MAX_FILE_BYTES, SaveError, load, parse, save, to_ron};
pub use validate::DocumentProblem;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::plan::{Assumptions, SalesCommitments};

/// The version of the file format this build writes. Bump it when a change needs migration.
pub const FORMAT_VERSION: u32 = 1;

/// The embedded example: a Dutch B2B company's agreement for 2027.
pub const EXAMPLE_RON: &str = include_str!("../../assets/example.sla.ron");

/// A combined sales and marketing service level agreement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlaDocument {
    /// The format version that wrote the file; newer than [`FORMAT_VERSION`] opens read-only.
    pub format_version: u32,
    pub title: String,
    pub company: String,
    pub owners: Owners,
    /// When the agreement takes effect.
    pub effective_date: Option<NaiveDate>,
    pub review_cadence: ReviewCadence,
    /// ISO 4217 code of every amount in the document, e.g. "EUR".
    pub currency: String,
    pub notes: String,
    /// What-if variants of the plan; at least one.
    pub scenarios: Vec<Scenario>,
    /// Index into `scenarios` of the agreed plan.
    pub active_scenario: usize,
    /// Step 2: how sales follows up marketing's leads. The same whatever the scenario.
    pub sales_commitments: SalesCommitments,
    /// Step 3: what actually happened (filled by tracking).
    pub actuals: Vec<DayActuals>,
    /// What was agreed when (filled by the monthly review).
    pub revisions: Vec<Revision>,
}

impl Default for SlaDocument {
    /// A new, valid agreement with one scenario of default assumptions.
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            title: String::new(),
            company: String::new(),
            owners: Owners::default(),
            effective_date: None,
            review_cadence: ReviewCadence::Monthly,
            currency: "EUR".to_owned(),
            notes: String::new(),
            scenarios: vec![Scenario::default()],
            active_scenario: 0,
            sales_commitments: SalesCommitments::default(),
            actuals: Vec::new(),
            revisions: Vec::new(),
        }
    }
}

impl SlaDocument {
    /// The embedded example, parsed. It is tested to load and validate.
    pub fn example() -> Result<Self, LoadError> {
        parse(EXAMPLE_RON, std::path::Path::new("example.sla.ron")).map(|loaded| loaded.document)
    }

    /// The active scenario, or the first when the index is out of range.
    pub fn active(&self) -> Option<&Scenario> {
        self.scenarios
            .get(self.active_scenario)
            .or_else(|| self.scenarios.first())
    }

    /// The scenario with this name.
    pub fn scenario(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// Every problem in the document: document-level ones first, then per scenario.
    pub fn problems(&self) -> Vec<DocumentProblem> {
        validate::problems(self)
    }
}

/// Who signs for each side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Owners {
    pub marketing: String,
    pub sales: String,
}

/// How often both teams review the numbers (the method says monthly).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewCadence {
    Weekly,
    #[default]
    Monthly,
    Quarterly,
}

/// A named set of assumptions: the agreed plan or a what-if.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    pub name: String,
    pub assumptions: Assumptions,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            name: "Plan".to_owned(),
            assumptions: Assumptions::default(),
        }
    }
}

/// One day of tracked results, for both teams (step 3).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DayActuals {
    pub date: Option<NaiveDate>,
    /// Marketing leads that arrived.
    pub leads: u32,
    /// Their lead value, when the CRM knows the source.
    pub lead_value: Option<f64>,
    pub customers: u32,
    pub revenue: f64,
    /// Leads contacted within the promised time.
    pub contacted_in_time: u32,
    pub contact_attempts: u32,
    pub accepted: u32,
    pub rejected: u32,
}

/// A snapshot of what was agreed, kept by the monthly review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Revision {
    pub date: Option<NaiveDate>,
    pub author: String,
    pub note: String,
    pub scenario: Scenario,
    pub sales_commitments: SalesCommitments,
}
