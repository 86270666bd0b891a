//! The actuals of one source or of all, counted as leads and as lead value.

use chrono::NaiveDate;

use crate::document::{Actuals, SourceDay, source_key};
use crate::plan::{Assumptions, Plan};

/// The last day with data: the last day with a record inside the plan's period. A record
/// before or after the period (a typo such as 2200-12-31, or leads of the year before) is kept
/// in the document but never moves the day the status, the report and the exports look at.
/// `None` when no record lies inside the period.
pub fn last_day_with_data(actuals: &Actuals, plan: &Plan) -> Option<NaiveDate> {
    let first = plan.months.first()?.month.first_day();
    let last = plan.months.last()?.month.end_exclusive().pred_opt()?;
    Some(actuals.between(first, last).last()?.date)
}

/// Which actuals count: all sources, or one (matched by [`source_key`]: trimmed, ignoring case).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceFilter {
    key: Option<String>,
}

impl SourceFilter {
    /// Every source, known to the plan or not.
    pub fn all() -> Self {
        Self::default()
    }

    /// One source, by name as the plan or the CRM spells it.
    pub fn source(name: &str) -> Self {
        Self {
            key: Some(source_key(name)),
        }
    }

    /// The source's key, `None` for all sources.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// Whether a record counts.
    pub fn admits(&self, record: &SourceDay) -> bool {
        self.key
            .as_deref()
            .is_none_or(|key| same_key(&record.source, key))
    }
}

/// `source_key(name) == key` without allocating (the records of three years are matched every
/// frame).
pub(crate) fn same_key(name: &str, key: &str) -> bool {
    name.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .eq(key.chars())
}

/// What one actual lead is worth, per source, and what share of the goal a source carries.
///
/// A lead of a source the plan has (with lead sources: `SourcePlan::lead_value` = its deal
/// size × its lead-to-customer rate) is worth that source's lead value. Single-rate and stages
/// plans value every lead at the plan's lead value. A lead of a source the plan does not know
/// is worth the plan's (blended) lead value: it is a lead marketing delivered, of unknown
/// quality, and the average is the least surprising guess; it is never dropped.
#[derive(Clone, Debug)]
pub struct LeadValues {
    /// (source key, lead value, share of the leads as a fraction).
    sources: Vec<(String, f64, f64)>,
    average: f64,
}

impl LeadValues {
    /// The lead values of `plan`. The shares come from the plan's sources; a single-rate or
    /// stages plan takes them from the scenario's lead sources when it lists any (they are then
    /// only a mix, not a basis of the plan).
    pub fn new(plan: &Plan, assumptions: &Assumptions) -> Self {
        let sources = if plan.sources.is_empty() {
            assumptions
                .lead_sources
                .iter()
                .map(|s| {
                    (
                        source_key(&s.name),
                        plan.lead_value,
                        s.share_percent / 100.0,
                    )
                })
                .collect()
        } else {
            plan.sources
                .iter()
                .map(|s| (source_key(&s.name), s.lead_value, s.share))
                .collect()
        };
        Self {
            sources,
            average: plan.lead_value,
        }
    }

    fn find(&self, name: &str) -> Option<&(String, f64, f64)> {
        self.sources.iter().find(|(key, _, _)| same_key(name, key))
    }

    /// What one lead of `source` is worth (the plan's lead value for an unknown source).
    pub fn of(&self, source: &str) -> f64 {
        self.find(source).map_or(self.average, |s| s.1)
    }

    /// The part of the whole goal that `filter` carries: (share of the leads, lead value of one
    /// of its leads). All sources: (1, the plan's lead value). A source the plan does not know
    /// has no goal: (0, the plan's lead value).
    pub fn scope(&self, filter: &SourceFilter) -> (f64, f64) {
        match filter.key() {
            None => (1.0, self.average),
            Some(key) => self
                .sources
                .iter()
                .find(|(k, _, _)| k == key)
                .map_or((0.0, self.average), |s| (s.2, s.1)),
        }
    }

    /// Leads and lead value of the records `filter` admits.
    pub fn count(&self, records: &[SourceDay], filter: &SourceFilter) -> (f64, f64) {
        // A document has a handful of source names: each is matched (trimmed, ignoring case)
        // once, then found again by plain equality, so three years of records stay cheap.
        let mut seen: Vec<(&str, f64)> = Vec::new();
        records
            .iter()
            .filter(|r| filter.admits(r))
            .fold((0.0, 0.0), |(leads, value), r| {
                let n = f64::from(r.leads);
                let worth = if let Some((_, worth)) =
                    seen.iter().find(|(name, _)| *name == r.source.as_str())
                {
                    *worth
                } else {
                    let worth = self.of(&r.source);
                    seen.push((&r.source, worth));
                    worth
                };
                (leads + n, value + n * worth)
            })
    }
}
