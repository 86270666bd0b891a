//! What a scenario assumes: the engine's input, stored as-is in the SLA file.
//!
//! Percentages are kept as the user types them (50.0 means 50 %), so that the file, the command
//! line and the screen all show the same number. Every field has a serde default, so a file
//! written by an older version that lacks a field still opens.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::YearMonth;
use super::clock::ResponseClock;
use super::holidays::{Country, OptionalDay};
use super::lag::Lag;

/// One scenario's planning assumptions (steps 1 of the method, plus period and capacity).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assumptions {
    /// Revenue goal for the whole period, in the document's currency.
    pub revenue_goal: f64,
    /// Share of revenue that comes from marketing-generated leads, in percent.
    pub marketing_share_percent: f64,
    /// Average deal size (revenue per new customer), in the document's currency.
    pub average_deal_size: f64,
    /// Share of leads that become customers, in percent (in force with [`Conversion::SingleRate`]).
    pub lead_to_customer_percent: f64,
    /// What sets the lead-to-customer rate (and, for lead sources, the deal size): the user's
    /// explicit choice. The inputs of the other bases are kept, so switching loses nothing.
    pub conversion: Conversion,
    /// Funnel stages from lead to the last stage before customer, each with its rate onwards.
    pub funnel_stages: Vec<FunnelStage>,
    pub period: Period,
    /// One weight per month of the period; empty means an even spread.
    pub seasonality: Vec<f64>,
    /// Days off besides weekends (public holidays, company days).
    pub holidays: Vec<NaiveDate>,
    /// Lead sources; with [`Conversion::LeadSources`] they set leads and customers through lead
    /// value (Roberge).
    pub lead_sources: Vec<LeadSource>,
    /// Whole months between a lead's arrival and its close (in force while
    /// `sales_cycle_lag_spread_percent` is empty).
    pub sales_cycle_lag_months: u32,
    /// The lag as a distribution: the percentage of a month's leads that closes 0, 1, 2, …
    /// months after arrival (e.g. `[60.0, 30.0, 10.0]`). Empty (the default, left out of the
    /// file): the single shift of `sales_cycle_lag_months`, as files before it was added read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sales_cycle_lag_spread_percent: Vec<f64>,
    /// The sales team that follows the leads up; `None` when capacity is not planned.
    pub capacity: Option<SalesCapacity>,
}

impl Default for Assumptions {
    /// A small, valid plan: €1.2 M over 12 months, half from marketing, €25,000 deals, 5 %.
    fn default() -> Self {
        Self {
            revenue_goal: 1_200_000.0,
            marketing_share_percent: 50.0,
            average_deal_size: 25_000.0,
            lead_to_customer_percent: 5.0,
            conversion: Conversion::SingleRate,
            funnel_stages: FunnelStage::defaults(),
            period: Period::default(),
            seasonality: Vec::new(),
            holidays: Vec::new(),
            lead_sources: Vec::new(),
            sales_cycle_lag_months: 0,
            sales_cycle_lag_spread_percent: Vec::new(),
            capacity: None,
        }
    }
}

impl Assumptions {
    /// The sales-cycle lag in force: the spread when one is given, else the single shift.
    pub fn lag(&self) -> Lag {
        if self.sales_cycle_lag_spread_percent.is_empty() {
            Lag::shift(self.sales_cycle_lag_months)
        } else {
            Lag::spread(&self.sales_cycle_lag_spread_percent)
        }
    }

    /// Adds `country`'s public holidays that fall in the period to the holidays (once each,
    /// in date order), the [`OptionalDay`]s only when listed in `optional`; the list stays
    /// editable.
    pub fn add_public_holidays(&mut self, country: Country, optional: &[OptionalDay]) {
        let months = self.period.month_list();
        let (Some(first), Some(last)) = (months.first(), months.last()) else {
            return;
        };
        let last_day = last.end_exclusive().pred_opt().unwrap_or(last.first_day());
        let days = country.holidays_between(first.first_day(), last_day);
        self.holidays.extend(
            days.iter()
                .filter(|h| h.optional.is_none_or(|day| optional.contains(&day)))
                .map(|h| h.date),
        );
        self.holidays.sort_unstable();
        self.holidays.dedup();
    }
}

/// What gives the lead-to-customer rate: one of three, chosen by the user. Only the chosen
/// basis is in force; the screen disables the inputs of the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Conversion {
    /// One lead-to-customer percentage and the average deal size.
    #[default]
    SingleRate,
    /// The product of the funnel stage rates and the average deal size.
    Stages,
    /// The lead sources' mix of rates and deal sizes (lead value, Roberge ch. 12).
    LeadSources,
}

/// A funnel stage's or lead source's identity within its scenario: kept when the row is renamed
/// or another row is removed, so what belongs to the row on screen (text being typed, a refused
/// value with its message) stays with it. Ids start at 1; 0 is a row of an older file or one
/// made in code, numbered by [`Assumptions::number_rows`] before it is shown.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct RowId(pub u32);

impl RowId {
    /// Not numbered yet: left out of the file, so a row without an id reads and writes as older
    /// versions wrote it.
    pub fn is_none(&self) -> bool {
        self.0 == 0
    }
}

/// Gives every row without an id, or with an id an earlier row has, one more than the highest.
fn number<T>(rows: &mut [T], id: fn(&mut T) -> &mut RowId) {
    let mut next = rows.iter_mut().map(|r| id(r).0).max().unwrap_or(0);
    let mut seen = std::collections::HashSet::new();
    for row in rows {
        let row_id = id(row);
        if row_id.is_none() || !seen.insert(*row_id) {
            next = next.saturating_add(1);
            *row_id = RowId(next);
            seen.insert(*row_id);
        }
    }
}

/// One more than the highest id of `ids`.
fn next_id(ids: impl Iterator<Item = RowId>) -> RowId {
    RowId(ids.map(|id| id.0).max().unwrap_or(0).saturating_add(1))
}

impl Assumptions {
    /// Numbers the funnel stages and lead sources that have no id, or one taken by an earlier
    /// row of the same list, so every row of this scenario is known by an id of its own.
    pub fn number_rows(&mut self) {
        number(&mut self.funnel_stages, |s| &mut s.id);
        number(&mut self.lead_sources, |s| &mut s.id);
    }

    /// Appends `stage` with an id no other stage has.
    pub fn add_stage(&mut self, mut stage: FunnelStage) {
        stage.id = next_id(self.funnel_stages.iter().map(|s| s.id));
        self.funnel_stages.push(stage);
    }

    /// Appends `source` with an id no other lead source has.
    pub fn add_source(&mut self, mut source: LeadSource) {
        source.id = next_id(self.lead_sources.iter().map(|s| s.id));
        self.lead_sources.push(source);
    }

    /// These assumptions with every row id taken out: what the plan is, whatever the rows are
    /// called inside the app (the fingerprint an approval was given for does not change when
    /// an older file's rows are numbered).
    pub fn without_row_ids(&self) -> Self {
        let mut copy = self.clone();
        for stage in &mut copy.funnel_stages {
            stage.id = RowId::default();
        }
        for source in &mut copy.lead_sources {
            source.id = RowId::default();
        }
        copy
    }
}

/// A funnel stage and the share of its volume that reaches the next stage (the stage after the
/// last one is "customer").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FunnelStage {
    #[serde(skip_serializing_if = "RowId::is_none")]
    pub id: RowId,
    pub name: String,
    /// Percentage of this stage's volume that moves on to the next stage.
    pub rate_to_next_percent: f64,
}

impl Default for FunnelStage {
    fn default() -> Self {
        Self {
            id: RowId::default(),
            name: String::new(),
            rate_to_next_percent: 50.0,
        }
    }
}

impl FunnelStage {
    pub fn new(name: &str, rate_to_next_percent: f64) -> Self {
        Self {
            id: RowId::default(),
            name: name.to_owned(),
            rate_to_next_percent,
        }
    }

    /// Lead → MQL → SQL → opportunity → customer. The rates lie inside the published ranges of
    /// METHOD.md and multiply to 5 %, the same as the default single rate.
    pub fn defaults() -> Vec<Self> {
        let mut stages = vec![
            Self::new("Lead", 40.0),
            Self::new("MQL", 50.0),
            Self::new("SQL", 50.0),
            Self::new("Opportunity", 50.0),
        ];
        number(&mut stages, |s| &mut s.id);
        stages
    }
}

/// The planning period: a start month and a number of months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Period {
    pub start: YearMonth,
    /// 1 to 36.
    pub months: u32,
}

impl Period {
    pub const MAX_MONTHS: u32 = 36;

    /// The months of the period in order; empty when the period is out of range.
    pub fn month_list(&self) -> Vec<YearMonth> {
        (0..i64::from(self.months.min(Self::MAX_MONTHS)))
            .map_while(|i| self.start.offset(i))
            .collect()
    }
}

impl Default for Period {
    /// Twelve months from next January: a stable default that does not depend on today.
    fn default() -> Self {
        Self {
            start: YearMonth::new(2027, 1).unwrap_or(YearMonth::of(NaiveDate::MIN)),
            months: 12,
        }
    }
}

/// A lead source with its own quality (Roberge, *The Sales Acceleration Formula*, ch. 12).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeadSource {
    #[serde(skip_serializing_if = "RowId::is_none")]
    pub id: RowId,
    pub name: String,
    /// Share of all leads that come from this source, in percent; the shares sum to 100.
    pub share_percent: f64,
    /// This source's lead-to-customer rate, in percent.
    pub lead_to_customer_percent: f64,
    /// This source's average deal size.
    pub average_deal_size: f64,
    /// What one lead from this source costs; `None` when unknown.
    pub cost_per_lead: Option<f64>,
}

impl Default for LeadSource {
    fn default() -> Self {
        Self {
            id: RowId::default(),
            name: String::new(),
            share_percent: 0.0,
            lead_to_customer_percent: 5.0,
            average_deal_size: 25_000.0,
            cost_per_lead: None,
        }
    }
}

/// The sales team's follow-up capacity.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SalesCapacity {
    pub reps: u32,
    /// Leads one rep can work properly per month (Roberge: about 150).
    pub leads_per_rep_per_month: f64,
}

impl Default for SalesCapacity {
    fn default() -> Self {
        Self {
            reps: 1,
            leads_per_rep_per_month: 150.0,
        }
    }
}

/// Step 2 of the method: how fast and how deeply sales follows up every marketing lead.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SalesCommitments {
    /// Maximum time from a lead's conversion to the first contact attempt, in hours.
    pub first_contact_within_hours: f64,
    /// Minimum contact attempts before a lead is returned to marketing.
    pub minimum_attempts: u32,
    /// The days over which those attempts are made.
    pub attempts_within_days: u32,
    /// Maximum time for sales to accept or reject an MQL (with a reason), in hours.
    pub accept_within_hours: f64,
    /// The share of leads sales promises to contact within the time above, in percent: below
    /// it, sales is behind in the report.
    pub compliance_target_percent: f64,
    /// How the hours above are counted. A file without it was measured in calendar hours and
    /// keeps them; a new plan counts working hours.
    #[serde(default = "calendar_hours")]
    pub clock: ResponseClock,
}

fn calendar_hours() -> ResponseClock {
    ResponseClock::Calendar
}

impl Default for SalesCommitments {
    /// The typical wording in METHOD.md: contact within one hour, six attempts in two weeks,
    /// accept or reject within 48 hours.
    fn default() -> Self {
        Self {
            first_contact_within_hours: 1.0,
            minimum_attempts: 6,
            attempts_within_days: 14,
            accept_within_hours: 48.0,
            compliance_target_percent: 90.0,
            clock: ResponseClock::OFFICE_HOURS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_holidays_of_the_period_are_added_once() {
        let mut a = Assumptions::default();
        a.add_public_holidays(Country::Netherlands, &[]);
        assert_eq!(
            a.holidays.len(),
            9,
            "without Goede Vrijdag and Bevrijdingsdag"
        );
        a.add_public_holidays(Country::Netherlands, &[]);
        assert_eq!(a.holidays.len(), 9);
        a.add_public_holidays(Country::Netherlands, &OptionalDay::ALL);
        assert_eq!(a.holidays.len(), 11);
        a.add_public_holidays(Country::Germany, &[]);
        assert!(a.holidays.windows(2).all(|w| w[0] < w[1]));
    }
}
