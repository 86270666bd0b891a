//! The SLA document: the only state a user owns, stored as a RON file (see `docs/FORMAT.md`).
//!
//! Compatibility rules: every struct has `#[serde(default)]`, so a file that lacks a field (an
//! older one) still opens. Fields this version does not know are reported and kept as written,
//! so a newer version's additions and a hand-made typo survive a save; a file with a newer
//! format version opens read-only.

mod actuals;
mod crm;
mod file;
mod history;
mod limits;
pub mod lock;
mod save;
mod text;
mod unknown;
mod validate;

pub use actuals::{
    Actuals, DateOrder, ImportField, ImportMapping, Impossible, Measure, SourceDay, Totals,
    Tracking, source_key,
};
pub use crm::{CrmLink, LastSync, Provider};
pub use file::{LoadError, Loaded, MAX_FILE_BYTES, NotAFile, describe_limit, load, parse};
pub use history::History;
pub use limits::{
    Limit, MAX_ACTUAL_SOURCES, MAX_ACTUALS, MAX_HOLIDAYS, MAX_NAME_CHARS, MAX_REASONS,
    MAX_SCENARIOS, MAX_YEAR, MIN_YEAR,
};
pub use save::{
    ExportError, Fingerprint, SaveError, SaveOptions, check_writable, save, save_with, to_ron,
    write_atomically, write_export, write_privately,
};
pub use text::{FieldPath, Step};
pub use unknown::{KeptField, UnknownField};
pub use validate::DocumentProblem;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::plan::{Assumptions, SalesCommitments};

/// The version of the file format this build writes. Bump it when a change needs migration.
///
/// - 1: the first format.
/// - 2: the basis of the lead-to-customer rate is explicit (`conversion: LeadSources`); in
///   version 1, lead sources, when present, overrode the conversion.
/// - 3: scenarios have stable ids and the agreed plan is named by id (`agreed_plan`, was the
///   index `active_scenario`); actuals per day and lead source; tracking settings; revisions
///   record what was agreed before and after.
pub const FORMAT_VERSION: u32 = 3;

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
    /// How often progress against the targets is reported (step 3 of the method).
    pub progress_reports: ReportFrequency,
    /// To whom progress is reported, in the teams' own words; empty: both teams.
    pub report_to: String,
    /// ISO 4217 code of every amount in the document, e.g. "EUR".
    pub currency: String,
    pub notes: String,
    /// The language the agreement's exports are written in, whoever exports it (`None`: the
    /// language of the person exporting).
    pub export_language: Option<crate::i18n::Language>,
    /// What counts as a marketing-qualified lead, in the teams' own words (free text).
    pub mql_definition: String,
    /// The reasons sales may give when it rejects a lead, one per entry; blank entries are
    /// kept while typing and left out of the agreement.
    pub rejection_reasons: Vec<String>,
    /// Who approved the agreed plan, and which version of it. (Named `sign_offs` in the file:
    /// the test corpus uses `approvals` as a newer version's unknown field.)
    pub sign_offs: Vec<Approval>,
    /// What-if variants of the plan; at least one.
    pub scenarios: Vec<Scenario>,
    /// The [`Scenario::id`] of the agreed plan: what both teams are tracked against.
    pub agreed_plan: ScenarioId,
    /// The highest scenario id this document had given when it last deleted a scenario, kept so
    /// that an id is never given twice (ids present are seen in the list). Bookkeeping, not
    /// content: diff and merge leave it out. 0 (not written) until a scenario is deleted.
    #[serde(skip_serializing_if = "actuals::is_zero")]
    pub scenario_ids_given: u32,
    /// Files before version 3 named the agreed plan by its position in `scenarios`; read
    /// only, to migrate (see [`SlaDocument::migrate`]). Still set after migration only when
    /// the position was past the list, so validation can name it as the file wrote it.
    #[serde(skip_serializing, deserialize_with = "legacy_index")]
    pub active_scenario: Option<usize>,
    /// Step 2: how sales follows up marketing's leads. The same whatever the scenario.
    pub sales_commitments: SalesCommitments,
    /// Step 3: how progress is tracked.
    pub tracking: Tracking,
    /// Step 3: what actually happened, per day and lead source.
    pub actuals: Actuals,
    /// What was agreed when (the monthly review), oldest first.
    pub revisions: Vec<Revision>,
    /// What this copy was derived from, for a three-way merge with a colleague's copy.
    pub lineage: Lineage,
    /// Fields of the file this version does not know, written back on save (see `unknown`).
    #[serde(skip)]
    pub unknown_fields: Vec<KeptField>,
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
            progress_reports: ReportFrequency::default(),
            report_to: String::new(),
            currency: "EUR".to_owned(),
            notes: String::new(),
            export_language: None,
            mql_definition: String::new(),
            rejection_reasons: Vec::new(),
            sign_offs: Vec::new(),
            scenarios: vec![Scenario::default()],
            agreed_plan: Scenario::default().id,
            scenario_ids_given: 0,
            active_scenario: None,
            sales_commitments: SalesCommitments::default(),
            tracking: Tracking::default(),
            actuals: Actuals::default(),
            revisions: Vec::new(),
            lineage: Lineage::default(),
            unknown_fields: Vec::new(),
        }
    }
}

impl SlaDocument {
    /// The embedded example, parsed. It is tested to load and validate.
    pub fn example() -> Result<Self, LoadError> {
        parse(EXAMPLE_RON, std::path::Path::new("example.sla.ron")).map(|loaded| loaded.document)
    }

    /// Brings a document of an older format version to this one, so that it plans exactly as it
    /// did in the version that wrote it. A newer document keeps its version and opens read-only;
    /// it only gets what this version needs to show it (scenario ids, the agreed plan by id).
    pub fn migrate(&mut self) {
        self.number_scenarios();
        self.number_rows();
        if let Some(index) = self.active_scenario {
            match self.scenarios.get(index) {
                Some(scenario) => self.set_agreed(scenario.id),
                // An index past the list names no scenario: it stays, so validation names it
                // as the file wrote it, instead of another plan being agreed silently.
                None => self.agreed_plan = ScenarioId(0),
            }
        }
        if self.format_version > FORMAT_VERSION {
            return;
        }
        if self.format_version < 2 {
            for scenario in &mut self.scenarios {
                let a = &mut scenario.assumptions;
                if !a.lead_sources.is_empty() {
                    a.conversion = crate::plan::Conversion::LeadSources;
                }
            }
        }
        self.format_version = FORMAT_VERSION;
    }

    /// Gives every scenario without an id (an older file, a hand-written one) or with an id
    /// taken by an earlier scenario a new one, so ids are unique from here on.
    fn number_scenarios(&mut self) {
        let mut seen = std::collections::HashSet::new();
        for index in 0..self.scenarios.len() {
            let id = self.scenarios[index].id;
            if id.0 == 0 || !seen.insert(id) {
                let new = self.take_scenario_id();
                self.scenarios[index].id = new;
                seen.insert(new);
            }
        }
    }

    /// Gives every funnel stage and lead source without an id, or with one taken earlier in its
    /// scenario, a new one (see [`Assumptions::number_rows`]).
    pub fn number_rows(&mut self) {
        for scenario in &mut self.scenarios {
            scenario.assumptions.number_rows();
        }
    }

    /// A new scenario id: one more than the highest any scenario has or had when one was
    /// deleted, so the id of a deleted scenario (which a revision or a colleague's copy may
    /// still name) never comes back.
    fn take_scenario_id(&self) -> ScenarioId {
        ScenarioId(
            self.highest_scenario_id()
                .max(self.scenario_ids_given)
                .saturating_add(1),
        )
    }

    /// The highest id a scenario of the list has (0 for none).
    fn highest_scenario_id(&self) -> u32 {
        self.scenarios.iter().map(|s| s.id.0).max().unwrap_or(0)
    }

    /// Makes the scenario with this id the agreed plan.
    pub fn set_agreed(&mut self, id: ScenarioId) {
        self.agreed_plan = id;
        self.active_scenario = None;
    }

    /// The scenario with this id.
    pub fn scenario(&self, id: ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The scenario with this id, to edit.
    pub fn scenario_mut(&mut self, id: ScenarioId) -> Option<&mut Scenario> {
        self.scenarios.iter_mut().find(|s| s.id == id)
    }

    /// The scenarios called `name`, each with its position in `scenarios`: names may repeat
    /// (validation warns), so a name a user typed can mean more than one.
    pub fn scenarios_named(&self, name: &str) -> Vec<(usize, &Scenario)> {
        self.scenarios
            .iter()
            .enumerate()
            .filter(|(_, s)| s.name == name)
            .collect()
    }

    /// The position in `scenarios` of the scenario with this id.
    pub fn scenario_index(&self, id: ScenarioId) -> Option<usize> {
        self.scenarios.iter().position(|s| s.id == id)
    }

    /// The position in `scenarios` of the agreed plan.
    pub fn agreed_index(&self) -> Option<usize> {
        self.scenario_index(self.agreed_plan)
    }

    /// A fingerprint of what the teams agree to: the agreed plan's assumptions and the sales
    /// commitments (FNV-1a over their RON text, stable between runs). An approval keeps the
    /// fingerprint it was given for, so a later change of the agreed plan shows it as cleared.
    pub fn agreed_fingerprint(&self) -> u64 {
        let assumptions = self.agreed().map(|s| s.assumptions.without_row_ids());
        let text = ron::to_string(&(assumptions, &self.sales_commitments)).unwrap_or_default();
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// A fingerprint of everything the document says, its lineage aside (FNV-1a over its RON
    /// text, stable between runs): two copies with the same content have the same one, so a
    /// copy can name the version it was derived from.
    pub fn content_fingerprint(&self) -> u64 {
        let plain = Self {
            lineage: Lineage::default(),
            ..self.clone()
        };
        to_ron(&plain)
            .unwrap_or_default()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
            })
    }

    /// The agreed plan, or the first scenario when no scenario has its id.
    pub fn agreed(&self) -> Option<&Scenario> {
        self.agreed_index()
            .and_then(|i| self.scenarios.get(i))
            .or_else(|| self.scenarios.first())
    }

    /// Every problem in the document: document-level ones first, then per scenario.
    pub fn problems(&self) -> Vec<DocumentProblem> {
        validate::problems(self)
    }

    /// `base` if no scenario has that name, else `base (2)`, `base (3)`, …
    pub fn unique_scenario_name(&self, base: &str) -> String {
        let taken = |name: &str| self.scenarios.iter().any(|s| s.name == name);
        if !taken(base) {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|name| !taken(name))
            .unwrap_or_else(|| base.to_owned())
    }

    /// Appends a scenario that starts from the assumptions of scenario `from` (the user's own
    /// numbers, not the defaults; the defaults when `from` does not exist) and returns its id.
    pub fn add_scenario(&mut self, base_name: &str, from: ScenarioId) -> ScenarioId {
        let assumptions = self
            .scenario(from)
            .map(|s| s.assumptions.clone())
            .unwrap_or_default();
        self.add_scenario_with(base_name, assumptions)
    }

    /// Appends a scenario of these assumptions, with a new id, a name no other scenario has and
    /// an id for each of its rows, and returns its id.
    pub fn add_scenario_with(
        &mut self,
        base_name: &str,
        mut assumptions: Assumptions,
    ) -> ScenarioId {
        assumptions.number_rows();
        let name = self.unique_scenario_name(base_name);
        let id = self.take_scenario_id();
        self.scenarios.push(Scenario {
            id,
            name,
            assumptions,
        });
        id
    }

    /// Inserts a copy of scenario `id` right after it, named "`name` `suffix`", and returns the
    /// copy's id. The copy's rows keep their ids: they are unique within the copy, as they were
    /// within the original.
    pub fn duplicate_scenario(&mut self, id: ScenarioId, suffix: &str) -> Option<ScenarioId> {
        let index = self.scenario_index(id)?;
        let copy_id = self.take_scenario_id();
        let original = &self.scenarios[index];
        let copy = Scenario {
            id: copy_id,
            name: self.unique_scenario_name(&format!("{} {suffix}", original.name)),
            assumptions: original.assumptions.clone(),
        };
        self.scenarios.insert(index + 1, copy);
        Some(copy_id)
    }

    /// Deletes scenario `id`, keeping at least one scenario. Deleting the agreed plan makes
    /// the scenario before it (or the first) the agreed plan. Returns the scenario that takes
    /// the deleted one's place in the list (the next one, else the one before), or `None` when
    /// nothing was deleted.
    pub fn delete_scenario(&mut self, id: ScenarioId) -> Option<ScenarioId> {
        let index = self.scenario_index(id)?;
        if self.scenarios.len() <= 1 {
            return None;
        }
        self.scenario_ids_given = self.scenario_ids_given.max(self.highest_scenario_id());
        self.scenarios.remove(index);
        let last = self.scenarios.len() - 1;
        if id == self.agreed_plan {
            let heir = self.scenarios[index.saturating_sub(1).min(last)].id;
            self.set_agreed(heir);
        }
        Some(self.scenarios[index.min(last)].id)
    }
}

/// `active_scenario: 1` as older files wrote it (a plain number, not `Some(1)`).
fn legacy_index<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<usize>, D::Error> {
    usize::deserialize(deserializer).map(Some)
}

/// Where a copy of an agreement comes from. Every copy of one agreement (mailed, saved as,
/// opened as a copy) shares the id; `base` names the version this copy was last saved or
/// opened as, so two copies that name the same base and whose base the app still has can be
/// merged three-way: what only one side changed is taken, what both changed is a conflict.
/// Files before it have none (serde's default) and get one when saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lineage {
    pub id: String,
    /// [`SlaDocument::content_fingerprint`] of the version this copy was derived from.
    pub base: u64,
}

impl Lineage {
    /// This lineage with an id: a new one when it has none yet (a copy saved the first time).
    pub fn named(self) -> Self {
        if self.id.is_empty() {
            Self {
                id: new_lineage_id(),
                ..self
            }
        } else {
            self
        }
    }
}

/// 16 hex digits that no other agreement's copies share: the time to the nanosecond, the
/// process and a count within it, hashed.
fn new_lineage_id() -> String {
    static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let count = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let seed = format!("{nanos}:{}:{count}", std::process::id());
    let hash = seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
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

/// How often progress is reported: the method says "monthly, weekly or even daily"; weekly
/// sees a problem while there is still time in the month to act on it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportFrequency {
    Daily,
    #[default]
    Weekly,
    Monthly,
}

/// One person's approval of the agreement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Approval {
    pub name: String,
    pub role: String,
    /// When it was given; `None` while not (yet) approved.
    pub date: Option<NaiveDate>,
    /// [`SlaDocument::agreed_fingerprint`] when it was given.
    pub plan: u64,
}

impl Approval {
    /// Given, and for the agreed plan as it is now.
    pub fn is_current(&self, document: &SlaDocument) -> bool {
        self.date.is_some() && self.plan == document.agreed_fingerprint()
    }
}

/// A scenario's identity for as long as it exists: kept when it is renamed or moved, never
/// given to another scenario in the same document. Ids start at 1 (0: none).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ScenarioId(pub u32);

/// A named set of assumptions: the agreed plan or a what-if.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// Stable id; actuals and revisions refer to scenarios by it, never by name or position.
    pub id: ScenarioId,
    pub name: String,
    pub assumptions: Assumptions,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            id: ScenarioId(1),
            name: "Plan".to_owned(),
            assumptions: Assumptions::default(),
        }
    }
}

/// A change of the agreed plan, made by the monthly review ("adopt observed values").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Revision {
    pub date: Option<NaiveDate>,
    pub author: String,
    pub note: String,
    /// The scenario that was revised (the agreed plan at the time).
    pub plan: ScenarioId,
    /// What was agreed until the revision.
    pub before: Assumptions,
    /// What was agreed from it on.
    pub after: Assumptions,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(doc: &SlaDocument) -> Vec<&str> {
        doc.scenarios.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn duplicates_get_unique_names_and_keep_the_agreed_plan() {
        let mut doc = SlaDocument::default();
        let first = doc.scenarios[0].id;
        doc.add_scenario("Scenario", first);
        doc.agreed_plan = doc.scenarios[1].id;
        let copy = doc.duplicate_scenario(first, "(copy)");
        assert_eq!(copy, Some(doc.scenarios[1].id));
        let second_copy = doc.duplicate_scenario(first, "(copy)");
        assert_eq!(second_copy, Some(doc.scenarios[1].id));
        assert_eq!(
            names(&doc),
            ["Plan", "Plan (copy) (2)", "Plan (copy)", "Scenario"]
        );
        assert_eq!(
            doc.agreed_index(),
            Some(3),
            "the agreed plan is still “Scenario”"
        );
        let ids: std::collections::HashSet<_> = doc.scenarios.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), 4, "every copy has an id of its own");
        assert_eq!(doc.duplicate_scenario(ScenarioId(99), "(copy)"), None);
    }

    #[test]
    fn an_approval_is_cleared_when_the_agreed_plan_changes() {
        let mut doc = SlaDocument::default();
        doc.add_scenario("What-if", doc.scenarios[0].id);
        doc.sign_offs.push(Approval {
            name: "Eva".into(),
            role: "Sales director".into(),
            date: NaiveDate::from_ymd_opt(2026, 12, 1),
            plan: doc.agreed_fingerprint(),
        });
        assert!(doc.sign_offs[0].is_current(&doc));
        doc.scenarios[1].assumptions.revenue_goal = 1.0;
        assert!(
            doc.sign_offs[0].is_current(&doc),
            "a what-if is not the agreed plan"
        );
        doc.sales_commitments.minimum_attempts = 3;
        assert!(!doc.sign_offs[0].is_current(&doc));
        doc.sales_commitments.minimum_attempts = 6;
        assert!(doc.sign_offs[0].is_current(&doc), "back as approved");
        doc.agreed_plan = doc.scenarios[1].id;
        assert!(
            !doc.sign_offs[0].is_current(&doc),
            "another plan was agreed"
        );
    }

    #[test]
    fn deleting_keeps_one_scenario_and_fixes_the_agreed_plan() {
        let mut doc = SlaDocument::default();
        let a = doc.scenarios[0].id;
        assert_eq!(doc.delete_scenario(a), None, "the last scenario stays");
        let b = doc.add_scenario("B", a);
        let c = doc.add_scenario("C", a);
        doc.agreed_plan = c;
        assert_eq!(doc.delete_scenario(a), Some(b), "B takes A's place");
        assert_eq!(names(&doc), ["B", "C"]);
        assert_eq!(doc.agreed_index(), Some(1));
        assert_eq!(
            doc.delete_scenario(c),
            Some(b),
            "the last one's place goes to the one before"
        );
        assert_eq!(doc.agreed_index(), Some(0));
    }

    // Issue 16: the next id was one more than the highest present, so deleting the last
    // scenario gave its id to the next one added, and a revision or a colleague's copy that
    // named the deleted scenario then named the new one.
    #[test]
    fn a_deleted_scenarios_id_is_never_given_again_not_even_after_a_save() {
        let mut doc = SlaDocument::example().unwrap();
        let last = doc.scenarios.last().unwrap().id;
        doc.delete_scenario(last).unwrap();
        let added = doc.add_scenario("New", doc.agreed_plan);
        assert!(added > last, "{added:?} after deleting {last:?}");
        doc.delete_scenario(added).unwrap();
        let text = to_ron(&doc).unwrap();
        let mut reopened = parse(&text, std::path::Path::new("a.sla.ron"))
            .unwrap()
            .document;
        let copy = reopened
            .duplicate_scenario(reopened.agreed_plan, "(copy)")
            .unwrap();
        assert!(copy > added, "{copy:?} after deleting {added:?} and saving");
    }

    fn row_ids(a: &Assumptions) -> (Vec<u32>, Vec<u32>) {
        (
            a.funnel_stages.iter().map(|s| s.id.0).collect(),
            a.lead_sources.iter().map(|s| s.id.0).collect(),
        )
    }

    #[test]
    fn rows_of_a_file_without_ids_are_numbered_and_the_file_round_trips() {
        assert_eq!(
            EXAMPLE_RON.matches("id:").count(),
            2,
            "only the scenarios have ids in the example, as files had before rows got theirs"
        );
        let doc = SlaDocument::example().unwrap();
        assert_eq!(
            row_ids(&doc.scenarios[0].assumptions),
            (vec![1, 2, 3, 4], vec![1, 2, 3])
        );
        let saved = to_ron(&doc).unwrap();
        let back = parse(&saved, std::path::Path::new("x.sla.ron")).unwrap();
        assert_eq!(back.document, doc);
        assert!(back.unknown_fields.is_empty());
    }

    #[test]
    fn a_row_id_written_twice_is_renumbered_on_opening() {
        let mut doc = SlaDocument::example().unwrap();
        for source in &mut doc.scenarios[0].assumptions.lead_sources {
            source.id = crate::plan::RowId(7);
        }
        let text = to_ron(&doc).unwrap();
        let back = parse(&text, std::path::Path::new("x.sla.ron"))
            .unwrap()
            .document;
        assert_eq!(row_ids(&back.scenarios[0].assumptions).1, [7, 8, 9]);
    }

    #[test]
    fn added_rows_and_scenarios_have_row_ids_of_their_own() {
        let mut doc = SlaDocument::default();
        let first = doc.scenarios[0].id;
        let a = &mut doc.scenarios[0].assumptions;
        a.add_source(crate::plan::LeadSource::default());
        a.add_source(crate::plan::LeadSource::default());
        a.lead_sources.remove(0);
        a.add_source(crate::plan::LeadSource::default());
        a.add_stage(crate::plan::FunnelStage::new("Demo", 50.0));
        assert_eq!(row_ids(a), (vec![1, 2, 3, 4, 5], vec![2, 3]));
        let copy = doc.duplicate_scenario(first, "(copy)").unwrap();
        assert_eq!(
            row_ids(&doc.scenario(copy).unwrap().assumptions),
            row_ids(&doc.scenarios[0].assumptions),
            "a copy's rows are unique within the copy"
        );
        let made = doc.add_scenario_with(
            "Goal seek",
            Assumptions {
                lead_sources: vec![crate::plan::LeadSource::default(); 2],
                ..Assumptions::default()
            },
        );
        assert_eq!(row_ids(&doc.scenario(made).unwrap().assumptions).1, [1, 2]);
    }

    #[test]
    fn numbering_rows_keeps_an_approval_current() {
        let mut doc = SlaDocument::example().unwrap();
        for scenario in &mut doc.scenarios {
            scenario.assumptions = scenario.assumptions.without_row_ids();
        }
        let before = doc.agreed_fingerprint();
        doc.number_rows();
        assert_eq!(doc.agreed_fingerprint(), before);
    }

    #[test]
    fn an_older_file_gets_ids_and_names_its_agreed_plan_by_id() {
        let mut doc = SlaDocument::default();
        doc.add_scenario("B", doc.scenarios[0].id);
        for scenario in &mut doc.scenarios {
            scenario.id = ScenarioId(0);
        }
        doc.format_version = 2;
        doc.active_scenario = Some(1);
        doc.migrate();
        assert_eq!(doc.format_version, FORMAT_VERSION);
        assert_eq!(doc.scenarios[0].id, ScenarioId(1));
        assert_eq!(doc.scenarios[1].id, ScenarioId(2));
        assert_eq!(doc.agreed().map(|s| s.name.as_str()), Some("B"));
        assert_eq!(doc.active_scenario, None, "never written again");
    }
}
