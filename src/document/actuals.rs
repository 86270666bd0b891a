//! Step 3's data: what actually happened, per day and lead source, as the CRM or a person
//! reported it. Sparse (only days with data) and shared: [`Actuals`] keeps its records behind an
//! `Arc`, so cloning a document (every frame, every undo step) copies one pointer, and comparing
//! two clones of it is a pointer comparison. Three years of daily actuals for five sources cost
//! nothing while a user types in an assumption; an edit of the actuals copies them once.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::{Language, fill};
use crate::plan::MAX_AMOUNT;

/// The tracked results of one lead source on one day. Counts are of leads that *arrived* that
/// day (so a day's "contacted in time" belongs to that day's leads); customers and revenue are
/// counted on the day the deal closed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceDay {
    pub date: NaiveDate,
    /// The source as the CRM names it; matched to the plan's lead sources by name, ignoring
    /// case. Empty: the source is not known.
    pub source: String,
    /// Marketing leads that arrived.
    #[serde(skip_serializing_if = "is_zero")]
    pub leads: u32,
    /// MQLs sales accepted.
    #[serde(skip_serializing_if = "is_zero")]
    pub accepted: u32,
    /// MQLs sales rejected, with or without a reason.
    #[serde(skip_serializing_if = "is_zero")]
    pub rejected: u32,
    /// Of the rejected, how many per reason (the rest were rejected without one).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub rejected_reasons: BTreeMap<String, u32>,
    /// Leads first contacted within the promised time.
    #[serde(skip_serializing_if = "is_zero")]
    pub contacted_in_time: u32,
    /// Contact attempts made on these leads.
    #[serde(skip_serializing_if = "is_zero")]
    pub contact_attempts: u32,
    /// Leads that received at least the promised number of attempts.
    #[serde(skip_serializing_if = "is_zero")]
    pub reached_attempts: u32,
    /// Customers won (by close date).
    #[serde(skip_serializing_if = "is_zero")]
    pub customers: u32,
    /// Revenue won (by close date), in the document's currency.
    #[serde(skip_serializing_if = "is_no_amount")]
    pub revenue: f64,
}

/// Zero counts are left out of the file: most days have some measures at zero, and three years
/// of five sources stay readable (a missing count reads as 0).
pub(super) fn is_zero(count: &u32) -> bool {
    *count == 0
}

fn is_no_amount(amount: &f64) -> bool {
    *amount == 0.0
}

impl Default for SourceDay {
    fn default() -> Self {
        Self {
            date: NaiveDate::MIN,
            source: String::new(),
            leads: 0,
            accepted: 0,
            rejected: 0,
            rejected_reasons: BTreeMap::new(),
            contacted_in_time: 0,
            contact_attempts: 0,
            reached_attempts: 0,
            customers: 0,
            revenue: 0.0,
        }
    }
}

impl SourceDay {
    /// An empty record of `source` on `date`.
    pub fn new(date: NaiveDate, source: &str) -> Self {
        Self {
            date,
            source: source.to_owned(),
            ..Self::default()
        }
    }

    /// The value of one measure.
    pub fn get(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Revenue => self.revenue,
            count => f64::from(*self.count(count).unwrap_or(&0)),
        }
    }

    /// Sets one measure; a count takes the value as a whole number (the caller validates).
    pub fn set(&mut self, measure: Measure, value: f64) {
        match measure {
            Measure::Revenue => self.revenue = value,
            count => {
                if let Some(slot) = self.count_mut(count) {
                    // Saturating: the caller has checked the value is a whole, non-negative
                    // number in range.
                    *slot = value as u32;
                }
            }
        }
    }

    fn count(&self, measure: Measure) -> Option<&u32> {
        Some(match measure {
            Measure::Leads => &self.leads,
            Measure::Accepted => &self.accepted,
            Measure::Rejected => &self.rejected,
            Measure::ContactedInTime => &self.contacted_in_time,
            Measure::ContactAttempts => &self.contact_attempts,
            Measure::ReachedAttempts => &self.reached_attempts,
            Measure::Customers => &self.customers,
            Measure::Revenue => return None,
        })
    }

    fn count_mut(&mut self, measure: Measure) -> Option<&mut u32> {
        Some(match measure {
            Measure::Leads => &mut self.leads,
            Measure::Accepted => &mut self.accepted,
            Measure::Rejected => &mut self.rejected,
            Measure::ContactedInTime => &mut self.contacted_in_time,
            Measure::ContactAttempts => &mut self.contact_attempts,
            Measure::ReachedAttempts => &mut self.reached_attempts,
            Measure::Customers => &mut self.customers,
            Measure::Revenue => return None,
        })
    }

    /// True when the record holds nothing (it is then left out of the document).
    pub fn is_empty(&self) -> bool {
        Measure::ALL.iter().all(|&m| self.get(m) == 0.0) && self.rejected_reasons.is_empty()
    }

    /// The first value of the record that cannot be, if any (see [`Impossible`]). Customers
    /// are counted on the day the deal closed, so they may come from leads of earlier days and
    /// have no bound here; contact attempts may be several per lead.
    pub fn impossible(&self) -> Option<Impossible> {
        if !(self.revenue.is_finite() && (0.0..=MAX_AMOUNT).contains(&self.revenue)) {
            return Some(Impossible::Revenue(self.revenue));
        }
        if u64::from(self.accepted) + u64::from(self.rejected) > u64::from(self.leads) {
            return Some(Impossible::AnsweredMoreThanLeads {
                accepted: self.accepted,
                rejected: self.rejected,
                leads: self.leads,
            });
        }
        [Measure::ContactedInTime, Measure::ReachedAttempts]
            .into_iter()
            .find_map(|measure| {
                let count = self.count(measure).copied().unwrap_or(0);
                (count > self.leads).then_some(Impossible::MoreThanLeads {
                    measure,
                    count,
                    leads: self.leads,
                })
            })
    }

    /// Takes over the part of an imported record it holds (see [`Actuals::replace_held`]):
    /// the lead figures when it counts leads, customers and revenue when it counts customers.
    fn take_held(&mut self, imported: Self) {
        let holds = |measure: Measure| {
            if measure.is_counted_on_close_day() {
                imported.customers > 0
            } else {
                imported.leads > 0
            }
        };
        for measure in Measure::ALL.into_iter().filter(|&m| holds(m)) {
            self.set(measure, imported.get(measure));
        }
        if holds(Measure::Rejected) {
            self.rejected_reasons = imported.rejected_reasons;
        }
    }

    /// The key sources are matched by: trimmed, ignoring case.
    pub fn source_key(&self) -> String {
        source_key(&self.source)
    }
}

/// How lead sources are matched: trimmed, ignoring case ("website" is "Website ").
pub fn source_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// One number tracked per day and source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Measure {
    Leads,
    Accepted,
    Rejected,
    ContactedInTime,
    ContactAttempts,
    ReachedAttempts,
    Customers,
    Revenue,
}

impl Measure {
    /// Every measure, in the order of the grid's columns.
    pub const ALL: [Self; 8] = [
        Self::Leads,
        Self::Accepted,
        Self::Rejected,
        Self::ContactedInTime,
        Self::ContactAttempts,
        Self::ReachedAttempts,
        Self::Customers,
        Self::Revenue,
    ];

    /// Revenue is an amount; every other measure counts leads, attempts or customers.
    pub fn is_count(self) -> bool {
        self != Self::Revenue
    }

    /// Customers and revenue are counted on the day the deal closed; every other measure
    /// belongs to the leads that arrived that day.
    pub fn is_counted_on_close_day(self) -> bool {
        matches!(self, Self::Customers | Self::Revenue)
    }

    /// The field of a record in the file that holds this measure.
    pub fn field(self) -> &'static str {
        match self {
            Self::Leads => "leads",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::ContactedInTime => "contacted_in_time",
            Self::ContactAttempts => "contact_attempts",
            Self::ReachedAttempts => "reached_attempts",
            Self::Customers => "customers",
            Self::Revenue => "revenue",
        }
    }
}

/// A value of a record of actuals that cannot be. A day's counts other than customers and
/// revenue are of the leads that arrived that day, so none of them can be more than the day's
/// leads, and each lead is accepted or rejected at most once. Revenue is an amount like the
/// assumptions' amounts: finite, from 0 up to [`MAX_AMOUNT`], so totals stay finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Impossible {
    /// Revenue that is not a finite amount from 0 to [`MAX_AMOUNT`] (NaN, ∞, negative, larger).
    Revenue(f64),
    /// Contacted in time or reached the promised attempts above the day's leads.
    MoreThanLeads {
        measure: Measure,
        count: u32,
        leads: u32,
    },
    /// Accepted and rejected together above the day's leads.
    AnsweredMoreThanLeads {
        accepted: u32,
        rejected: u32,
        leads: u32,
    },
}

impl Impossible {
    /// The measure whose field the problem is shown at.
    pub fn measure(self) -> Measure {
        match self {
            Self::Revenue(_) => Measure::Revenue,
            Self::MoreThanLeads { measure, .. } => measure,
            Self::AnsweredMoreThanLeads { accepted, .. } if accepted > 0 => Measure::Accepted,
            Self::AnsweredMoreThanLeads { .. } => Measure::Rejected,
        }
    }

    /// The problem in words; `field` names the value as the reader knows it (a field of the
    /// file, a column of the grid).
    pub fn describe(self, language: Language, field: &str) -> String {
        let t = language.text();
        let n = language.numbers();
        let count = |c: u32| n.decimal(f64::from(c), 0);
        match self {
            Self::Revenue(value) => fill(
                t.actual_revenue_range,
                &[
                    ("field", field),
                    ("value", &amount(value, language)),
                    ("max", &n.decimal(MAX_AMOUNT, 0)),
                ],
            ),
            Self::MoreThanLeads {
                count: value,
                leads,
                ..
            } => fill(
                t.actual_more_than_leads,
                &[
                    ("field", field),
                    ("value", &count(value)),
                    ("leads", &count(leads)),
                ],
            ),
            Self::AnsweredMoreThanLeads {
                accepted,
                rejected,
                leads,
            } => fill(
                t.actual_answered_more_than_leads,
                &[
                    ("accepted", &count(accepted)),
                    ("rejected", &count(rejected)),
                    ("leads", &count(leads)),
                ],
            ),
        }
    }
}

/// An amount as the user's numbers show it; NaN and ∞ as the file spells them.
fn amount(value: f64, language: Language) -> String {
    if value.is_finite() {
        language.numbers().decimal(value, 2)
    } else {
        value.to_string()
    }
}

/// Sums of records over days, weeks or sources. The counts are `u64`, one width for every
/// total: a document holds at most [`MAX_ACTUALS`](super::MAX_ACTUALS) records of counts up to
/// `u32::MAX`, which no `u64` sum can pass; the addition is checked all the same and stops at
/// the largest count rather than wrap. Revenue stays finite because each record's is at most
/// [`MAX_AMOUNT`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub leads: u64,
    pub accepted: u64,
    pub rejected: u64,
    /// Of the rejected, how many per reason.
    pub rejected_reasons: BTreeMap<String, u64>,
    pub contacted_in_time: u64,
    pub contact_attempts: u64,
    pub reached_attempts: u64,
    pub customers: u64,
    pub revenue: f64,
}

impl Totals {
    /// The sums of `records`.
    pub fn of<'a>(records: impl IntoIterator<Item = &'a SourceDay>) -> Self {
        let mut totals = Self::default();
        for record in records {
            totals.add(record);
        }
        totals
    }

    /// Adds one record's numbers.
    pub fn add(&mut self, record: &SourceDay) {
        let plus = |total: &mut u64, count: u32| {
            *total = total.checked_add(u64::from(count)).unwrap_or(u64::MAX);
        };
        plus(&mut self.leads, record.leads);
        plus(&mut self.accepted, record.accepted);
        plus(&mut self.rejected, record.rejected);
        plus(&mut self.contacted_in_time, record.contacted_in_time);
        plus(&mut self.contact_attempts, record.contact_attempts);
        plus(&mut self.reached_attempts, record.reached_attempts);
        plus(&mut self.customers, record.customers);
        self.revenue += record.revenue;
        for (reason, count) in &record.rejected_reasons {
            plus(
                self.rejected_reasons.entry(reason.clone()).or_default(),
                *count,
            );
        }
    }

    /// The total of one measure.
    pub fn get(&self, measure: Measure) -> f64 {
        let count = match measure {
            Measure::Leads => self.leads,
            Measure::Accepted => self.accepted,
            Measure::Rejected => self.rejected,
            Measure::ContactedInTime => self.contacted_in_time,
            Measure::ContactAttempts => self.contact_attempts,
            Measure::ReachedAttempts => self.reached_attempts,
            Measure::Customers => self.customers,
            Measure::Revenue => return self.revenue,
        };
        count as f64
    }
}

/// Every tracked record, sorted by date and then source key; at most one record per day and
/// source. Cheap to clone (see the module documentation).
#[derive(Clone, Debug, Default)]
pub struct Actuals(Arc<Vec<SourceDay>>);

impl PartialEq for Actuals {
    /// Clones of one another are equal without looking at a single record.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Serialize for Actuals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.as_slice().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Actuals {
    /// Records in any order load; they are kept sorted from then on. Two records of the same
    /// day and source stay (validation reports them; nothing is added up behind the user's back).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let records = Vec::<SourceDay>::deserialize(deserializer)?;
        Ok(Self::from_records(records))
    }
}

impl Actuals {
    /// Actuals from records in any order.
    pub fn from_records(mut records: Vec<SourceDay>) -> Self {
        records.sort_by_cached_key(|r| (r.date, r.source_key()));
        Self(Arc::new(records))
    }

    /// Every record, by date then source.
    pub fn records(&self) -> &[SourceDay] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The records from `from` up to and including `to`: a slice, found by binary search.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> &[SourceDay] {
        let start = self.0.partition_point(|r| r.date < from);
        let end = self.0.partition_point(|r| r.date <= to);
        self.0.get(start..end.max(start)).unwrap_or_default()
    }

    /// The first and last day with a record.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.0.first()?.date, self.0.last()?.date))
    }

    /// The record of `source` on `date`, if any.
    pub fn get(&self, date: NaiveDate, source: &str) -> Option<&SourceDay> {
        let key = source_key(source);
        self.between(date, date)
            .iter()
            .find(|r| r.source_key() == key)
    }

    /// Sets one measure of `source` on `date`, creating the record when needed and dropping it
    /// when it becomes empty. The records are copied once if a clone still shares them (an
    /// undo step), so the earlier state stays as it was.
    pub fn set(&mut self, date: NaiveDate, source: &str, measure: Measure, value: f64) {
        let key = source_key(source);
        let records = Arc::make_mut(&mut self.0);
        let start = records.partition_point(|r| (r.date, r.source_key()) < (date, key.clone()));
        let found = records
            .get(start)
            .is_some_and(|r| r.date == date && r.source_key() == key);
        if !found {
            records.insert(start, SourceDay::new(date, source.trim()));
        }
        if let Some(record) = records.get_mut(start) {
            record.set(measure, value);
            if measure == Measure::Rejected {
                trim_reasons(record);
            }
            if record.is_empty() {
                records.remove(start);
            }
        }
    }

    /// Puts an import's records in: each replaces, for its day and source, only the part it
    /// holds. A record that counts leads holds the lead figures of that day (the leads that
    /// arrived and what became of them: accepted, rejected with reasons, contacted in time,
    /// attempts); one that counts customers holds the customers and revenue closed that day.
    /// Every other figure, day and source stays, so importing the same records twice gives the
    /// same actuals, and an import never clears what its file says nothing about.
    pub fn replace_held(&mut self, records: Vec<SourceDay>) {
        let mut incoming: BTreeMap<(NaiveDate, String), SourceDay> = records
            .into_iter()
            .map(|r| ((r.date, r.source_key()), r))
            .collect();
        let mut merged = Vec::with_capacity(self.0.len() + incoming.len());
        for record in self.0.iter() {
            let mut record = record.clone();
            // A second record of the same day and source (a hand-edited file) stays as it is.
            if let Some(new) = incoming.remove(&(record.date, record.source_key())) {
                record.take_held(new);
            }
            merged.push(record);
        }
        merged.extend(incoming.into_values().map(|new| {
            let mut record = SourceDay::new(new.date, new.source.trim());
            record.take_held(new);
            record
        }));
        merged.retain(|r| !r.is_empty());
        *self = Self::from_records(merged);
    }

    /// The sources that appear in the records, each once, in the spelling first seen.
    pub fn sources(&self) -> Vec<String> {
        let mut seen = BTreeMap::new();
        for record in self.0.iter() {
            seen.entry(record.source_key())
                .or_insert_with(|| record.source.trim().to_owned());
        }
        seen.into_values().collect()
    }
}

/// Keeps the per-reason counts within the total after the total was lowered by hand: the
/// largest reasons are trimmed first, so a total of 0 leaves no reasons.
fn trim_reasons(record: &mut SourceDay) {
    let reasons: u64 = record
        .rejected_reasons
        .values()
        .map(|&c| u64::from(c))
        .sum();
    let mut excess = reasons.saturating_sub(u64::from(record.rejected));
    while excess > 0 {
        let Some((reason, count)) = record
            .rejected_reasons
            .iter()
            .max_by_key(|(_, count)| **count)
            .map(|(r, c)| (r.clone(), *c))
        else {
            break;
        };
        let cut = u32::try_from(excess).map_or(count, |e| e.min(count));
        excess -= u64::from(cut);
        if cut == count {
            record.rejected_reasons.remove(&reason);
        } else if let Some(c) = record.rejected_reasons.get_mut(&reason) {
            *c -= cut;
        }
    }
}

/// How to read a CRM's lead export (remembered in the document, so the next import of the
/// same kind of file needs no questions).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportMapping {
    /// Which column holds each field, by its header.
    pub columns: BTreeMap<ImportField, String>,
    /// How dates like `03/04/2027` are read; `None`: not yet settled.
    pub date_order: Option<DateOrder>,
    /// Status values that mean sales accepted the lead (compared ignoring case).
    pub accepted: Vec<String>,
    /// Status values that mean sales rejected the lead.
    pub rejected: Vec<String>,
    /// Status values that mean the lead became a customer.
    pub customer: Vec<String>,
}

/// A field of the lead export the importer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ImportField {
    /// When the lead was created (the day it arrived).
    Created,
    /// Its source, matched to the plan's lead sources.
    Source,
    /// When sales first contacted it.
    FirstContact,
    /// How many contact attempts it received.
    Attempts,
    /// Its status or lifecycle stage.
    Status,
    /// Why sales rejected it.
    Reason,
    /// When it became a customer.
    Closed,
    /// The deal's amount.
    Amount,
}

impl ImportField {
    pub const ALL: [Self; 8] = [
        Self::Created,
        Self::Source,
        Self::FirstContact,
        Self::Attempts,
        Self::Status,
        Self::Reason,
        Self::Closed,
        Self::Amount,
    ];

    /// The name used on the command line (`--map created=…`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Source => "source",
            Self::FirstContact => "first_contact",
            Self::Attempts => "attempts",
            Self::Status => "status",
            Self::Reason => "reason",
            Self::Closed => "closed",
            Self::Amount => "amount",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// The order of day, month and year in a date written with numbers only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOrder {
    /// 15-01-2027, 15/01/2027 (Europe).
    DayMonthYear,
    /// 01/15/2027 (United States).
    MonthDayYear,
    /// 2027-01-15 (ISO).
    YearMonthDay,
}

/// How progress is tracked against the agreement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tracking {
    /// How far, in percent, actual leads may be from the expected pace before a team is
    /// "behind" or "ahead" (far ahead floods the sales reps: a miss too).
    pub tolerance_percent: f64,
    /// How much the forecast ("will we make it?") trusts the plan's pace before the actuals,
    /// in working days of evidence (β₀ of the Gamma prior; 0 = the actuals alone). Files from
    /// before the forecast read the default, 10.
    pub prior_strength_days: f64,
    /// How the last CRM import was read.
    pub import: ImportMapping,
    /// The CRM the actuals are synced from, if any (older files have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crm: Option<super::CrmLink>,
}

impl Default for Tracking {
    fn default() -> Self {
        Self {
            tolerance_percent: 10.0,
            prior_strength_days: 10.0,
            import: ImportMapping::default(),
            crm: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, d).unwrap_or_default()
    }

    #[test]
    fn setting_keeps_records_sorted_and_drops_empty_ones() {
        let mut actuals = Actuals::default();
        actuals.set(day(5), "Website", Measure::Leads, 3.0);
        actuals.set(day(4), "Events", Measure::Leads, 1.0);
        actuals.set(day(5), "events", Measure::Revenue, 100.0);
        actuals.set(day(5), "WEBSITE ", Measure::Accepted, 2.0);
        let keys: Vec<_> = actuals
            .records()
            .iter()
            .map(|r| (r.date.to_string(), r.source.clone()))
            .collect();
        assert_eq!(
            keys,
            [
                ("2027-01-04".into(), "Events".into()),
                ("2027-01-05".into(), "events".into()),
                ("2027-01-05".into(), "Website".into())
            ]
        );
        assert_eq!(actuals.get(day(5), "website").map(|r| r.accepted), Some(2));
        actuals.set(day(4), "Events", Measure::Leads, 0.0);
        assert_eq!(actuals.len(), 2);
    }

    #[test]
    fn a_clone_shares_the_records_until_one_of_them_changes() {
        let mut actuals = Actuals::default();
        actuals.set(day(5), "Website", Measure::Leads, 3.0);
        let before = actuals.clone();
        assert!(Arc::ptr_eq(&before.0, &actuals.0));
        actuals.set(day(5), "Website", Measure::Leads, 4.0);
        assert_eq!(before.get(day(5), "Website").map(|r| r.leads), Some(3));
        assert_ne!(before, actuals);
    }

    #[test]
    fn replacing_days_twice_gives_the_same_actuals() {
        let mut actuals = Actuals::default();
        actuals.set(day(1), "Website", Measure::Leads, 9.0);
        actuals.set(day(3), "Website", Measure::Leads, 9.0);
        let mut import = SourceDay::new(day(3), "Website");
        import.leads = 2;
        actuals.replace_held(vec![import.clone()]);
        let once = actuals.clone();
        actuals.replace_held(vec![import]);
        assert_eq!(once, actuals);
        assert_eq!(actuals.get(day(3), "Website").map(|r| r.leads), Some(2));
        assert_eq!(actuals.get(day(1), "Website").map(|r| r.leads), Some(9));
    }

    #[test]
    fn an_import_replaces_only_the_part_of_a_day_and_source_it_holds() {
        let mut actuals = Actuals::default();
        actuals.set(day(10), "Website", Measure::Leads, 3.0);
        actuals.set(day(10), "Website", Measure::Accepted, 2.0);
        actuals.set(day(10), "Events", Measure::Leads, 4.0);
        actuals.set(day(11), "Website", Measure::Customers, 2.0);
        actuals.set(day(11), "Website", Measure::Revenue, 900.0);
        // A customer of another day's lead closing on the 10th; a lead on the 11th.
        let closed = SourceDay {
            customers: 1,
            revenue: 100.0,
            ..SourceDay::new(day(10), "website")
        };
        let arrived = SourceDay {
            leads: 1,
            rejected: 1,
            rejected_reasons: BTreeMap::from([("Budget".into(), 1)]),
            ..SourceDay::new(day(11), "Website")
        };
        actuals.replace_held(vec![closed.clone(), arrived.clone()]);
        let website_10 = actuals.get(day(10), "Website").cloned().unwrap_or_default();
        assert_eq!(
            (website_10.leads, website_10.accepted, website_10.customers),
            (3, 2, 1)
        );
        assert_eq!(website_10.revenue, 100.0);
        assert_eq!(actuals.get(day(10), "Events").map(|r| r.leads), Some(4));
        let website_11 = actuals.get(day(11), "Website").cloned().unwrap_or_default();
        assert_eq!((website_11.leads, website_11.rejected), (1, 1));
        assert_eq!((website_11.customers, website_11.revenue), (2, 900.0));
        let once = actuals.clone();
        actuals.replace_held(vec![closed, arrived]);
        assert_eq!(once, actuals);
    }

    #[test]
    fn lowering_the_rejected_total_trims_the_reasons() {
        let mut actuals = Actuals::default();
        actuals.replace_held(vec![SourceDay {
            leads: 3,
            rejected: 3,
            rejected_reasons: BTreeMap::from([("Budget".into(), 2), ("Timing".into(), 1)]),
            ..SourceDay::new(day(2), "Website")
        }]);
        actuals.set(day(2), "Website", Measure::Rejected, 1.0);
        let record = actuals.get(day(2), "Website").cloned().unwrap_or_default();
        assert_eq!(record.rejected_reasons.values().sum::<u32>(), 1);
    }

    #[test]
    fn between_finds_a_range_by_date() {
        let mut actuals = Actuals::default();
        for d in 1..=10 {
            actuals.set(day(d), "Website", Measure::Leads, 1.0);
        }
        assert_eq!(actuals.between(day(3), day(5)).len(), 3);
        assert_eq!(actuals.between(day(5), day(3)).len(), 0);
        assert_eq!(actuals.span(), Some((day(1), day(10))));
    }
}
