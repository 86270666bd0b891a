//! The planning engine: one scenario's assumptions in, a [`Plan`] out.
//!
//! Pure and cheap (microseconds), so callers simply recompute on every change. No egui, no I/O.
//! Every number is traceable to `METHOD.md`:
//!
//! ```text
//! marketing revenue target = revenue goal × marketing share
//! customers needed         = marketing revenue target ÷ average deal size
//! leads needed             = customers needed ÷ lead-to-customer rate
//! lead value               = average deal size × lead-to-customer rate
//! ```
//!
//! Full precision is kept throughout; rounding (counts of people *up*) is for display only.

mod assumptions;
pub mod calendar;
pub mod clock;
mod compute;
pub mod funnel;
pub mod holidays;
pub mod lag;
mod plausibility;
mod validate;

pub use assumptions::{
    Assumptions, Conversion, FunnelStage, LeadSource, Period, RowId, SalesCapacity,
    SalesCommitments,
};
pub use calendar::YearMonth;
pub use clock::ResponseClock;
pub use compute::{compute, marketing_revenue_target};
pub use lag::{Lag, MAX_LAG_MONTHS};
pub use plausibility::{HIGH_RATE_PERCENT, SMALL_DEAL, Unusual, unusual};
pub use validate::{
    Field, MAX_AMOUNT, MAX_SOURCES, MAX_STAGES, MIN_RATE_PERCENT, Problem, Rule, Unit, Value,
    validate_assumptions, validate_commitments,
};

use chrono::NaiveDate;
use serde::Serialize;

/// What set the number of leads and customers of a plan: the scenario's [`Conversion`], named
/// for the command line's JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// One lead-to-customer rate and the average deal size.
    SingleRate,
    /// The product of the funnel stage rates and the average deal size.
    Stages,
    /// The lead sources' mix of rates and deal sizes (lead value, Roberge ch. 12).
    LeadSources,
}

impl From<Conversion> for Basis {
    fn from(conversion: Conversion) -> Self {
        match conversion {
            Conversion::SingleRate => Self::SingleRate,
            Conversion::Stages => Self::Stages,
            Conversion::LeadSources => Self::LeadSources,
        }
    }
}

/// The plan of one scenario: targets for the period, per month, per ISO week and per stage
/// and source, plus capacity, budget and warnings.
///
/// Serialised, it is the body of the command line's JSON (README "JSON output"), which adds
/// the scenario, currency, start, number of months and the warnings in words; what that
/// documentation does not list is skipped.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub basis: Basis,
    /// Revenue goal of the period.
    pub revenue: f64,
    /// Revenue goal × marketing share.
    pub marketing_revenue: f64,
    /// Marketing revenue ÷ average deal size (or the source mix).
    pub customers_needed: f64,
    /// Customers needed ÷ lead-to-customer rate (or marketing revenue ÷ blended lead value).
    pub leads_needed: f64,
    /// The lead-to-customer rate in force, as a fraction (0.05 = 5 %).
    pub lead_to_customer: f64,
    /// The average deal size in force (with sources: marketing revenue ÷ customers).
    pub average_deal_size: f64,
    /// What one lead is worth: average deal size × lead-to-customer rate.
    pub lead_value: f64,
    /// Leads needed ÷ months in the period.
    pub leads_per_month: f64,
    /// Leads needed ÷ calendar days in the period × 7.
    pub leads_per_week: f64,
    /// Leads needed ÷ working days in the period; `None` when the period has no working day.
    pub leads_per_working_day: Option<f64>,
    #[serde(skip)]
    pub calendar_days: u32,
    pub working_days: u32,
    /// The months of the period. `leads` is when leads must *arrive*, so with a sales-cycle
    /// lag it runs ahead of `customers`; the last `lag` months feed the next period's first
    /// closes, assuming it repeats this plan.
    pub months: Vec<MonthPlan>,
    /// The share of leads closing 0, 1, 2, … months after arrival (the sales-cycle lag).
    #[serde(skip)]
    pub lag: Lag,
    /// Leads that must arrive before the period starts to close inside it (sales-cycle lag).
    pub leads_before_period: Vec<LeadMonth>,
    /// ISO weeks that overlap the period; each month's figures spread over its working days.
    pub weeks: Vec<WeekPlan>,
    /// Required volume per funnel stage, when the scenario uses stages.
    pub stages: Vec<StagePlan>,
    /// Leads, customers and value per lead source, when the scenario has sources.
    pub sources: Vec<SourcePlan>,
    /// Marketing's SLA expressed as lead value: the marketing revenue target.
    #[serde(skip)]
    pub lead_value_goal: f64,
    #[serde(skip)]
    pub budget: Option<Budget>,
    #[serde(skip)]
    pub capacity: Option<CapacityPlan>,
    #[serde(skip)]
    pub commitments: SalesCommitments,
    #[serde(skip)]
    pub warnings: Vec<Warning>,
}

impl Plan {
    /// A count per month as the whole targets every screen and export shows: the rule of
    /// [`funnel::whole_parts`] applied to `count` of each month (`|m| m.leads`).
    pub fn whole_per_month(&self, count: fn(&MonthPlan) -> f64) -> Vec<f64> {
        funnel::whole_parts(&self.months.iter().map(count).collect::<Vec<_>>())
    }

    /// The leads needed before the period (sales-cycle lag) as whole targets per month, by the
    /// rule of [`funnel::whole_parts`], so they add up to the rounded-up total the warning
    /// gives.
    pub fn whole_leads_before_period(&self) -> Vec<f64> {
        funnel::whole_parts(
            &self
                .leads_before_period
                .iter()
                .map(|m| m.leads)
                .collect::<Vec<_>>(),
        )
    }

    /// The whole leads of each lead source: the plan's leads needed, rounded up, split in
    /// proportion to the sources' exact leads ([`funnel::largest_remainder`]), so the sources
    /// add up to the leads every other place shows (also when the shares add up to 99.99 %).
    pub fn whole_source_leads(&self) -> Vec<f64> {
        self.whole_per_source(self.leads_needed, |s| s.leads)
    }

    /// The whole customers of each lead source, by the rule of [`Self::whole_source_leads`].
    pub fn whole_source_customers(&self) -> Vec<f64> {
        self.whole_per_source(self.customers_needed, |s| s.customers)
    }

    fn whole_per_source(&self, total: f64, count: fn(&SourcePlan) -> f64) -> Vec<f64> {
        let exact: Vec<f64> = self.sources.iter().map(count).collect();
        let total = funnel::whole_up(total);
        let total = if total.is_finite() && total > 0.0 {
            total.min(u64::MAX as f64) as u64
        } else {
            0
        };
        funnel::largest_remainder(total, &exact)
            .into_iter()
            .map(|n| n as f64)
            .collect()
    }

    /// The index of the month to show as "this month" or "next month" on `today`: the month
    /// that contains it, or the first month when the period has not started; `None` once the
    /// period is over. The flag is true when `today` lies inside the month.
    pub fn month_for(&self, today: NaiveDate) -> Option<(usize, bool)> {
        let now = YearMonth::of(today);
        self.months
            .iter()
            .enumerate()
            .find(|(_, m)| m.month >= now)
            .map(|(i, m)| (i, m.month == now))
    }
}

/// One month of the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthPlan {
    pub month: YearMonth,
    pub working_days: u32,
    pub revenue: f64,
    pub marketing_revenue: f64,
    /// Customers to close this month.
    pub customers: f64,
    /// Leads to generate this month (for closes `lag` months later).
    pub leads: f64,
    /// Lead value to deliver this month: leads × lead value (marketing's SLA as value, Roberge).
    pub lead_value: f64,
    /// `leads ÷ working_days`; `None` for a month without working days.
    pub leads_per_working_day: Option<f64>,
    /// Leads ÷ sales capacity, when capacity is planned (1.0 = fully used).
    pub utilisation: Option<f64>,
}

/// Leads for one month outside the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeadMonth {
    pub month: YearMonth,
    /// The leads of this month that close inside the period.
    pub leads: f64,
    /// All leads planned to arrive this month (with a lag spread over months, some of them
    /// close before the period).
    #[serde(skip)]
    pub arriving: f64,
}

/// One ISO week (or the part of it inside the period).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekPlan {
    pub iso_year: i32,
    pub week: u32,
    /// The Monday that starts the week (may lie before the period).
    pub starts: NaiveDate,
    /// Working days of this week inside the period.
    pub working_days: u32,
    pub revenue: f64,
    pub customers: f64,
    pub leads: f64,
}

/// Volume that must pass one funnel stage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StagePlan {
    pub name: String,
    /// Share of this stage that reaches the next one, as a fraction.
    pub rate_to_next: f64,
    /// Total volume for the period's customers: customers ÷ product of the rates from here on.
    pub volume: f64,
    /// The same, for each month's closes.
    pub per_month: Vec<f64>,
}

/// One lead source's part of the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourcePlan {
    pub name: String,
    /// Share of leads, as a fraction.
    pub share: f64,
    /// This source's lead value: its deal size × its lead-to-customer rate.
    pub lead_value: f64,
    pub leads: f64,
    pub customers: f64,
    /// Leads × lead value: this source's part of the lead-value goal.
    pub value: f64,
    /// Leads × cost per lead, when the cost is known.
    pub cost: Option<f64>,
    /// Leads to generate per month of the period.
    pub leads_per_month: Vec<f64>,
    /// Lead value delivered per month: leads that month × this source's lead value.
    pub value_per_month: Vec<f64>,
}

/// Marketing spend implied by the sources' cost per lead.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Budget {
    /// Σ leads × cost per lead over the sources with a known cost.
    pub total: f64,
    /// Budget ÷ customers needed.
    pub cost_per_customer: Option<f64>,
    /// Marketing revenue ÷ budget ("for every euro spent").
    pub return_on_spend: Option<f64>,
    /// True when some source has no cost per lead, so the budget is a lower bound.
    pub incomplete: bool,
}

/// Can sales follow up the leads at the promised depth?
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CapacityPlan {
    /// Reps × leads per rep per month.
    pub leads_per_month: f64,
    /// Busiest month's leads ÷ capacity.
    pub peak_utilisation: f64,
    /// Average month's leads ÷ capacity.
    pub average_utilisation: f64,
    /// Reps needed for the busiest month: ⌈peak leads ÷ leads per rep⌉.
    pub reps_needed: u32,
}

/// Something the user should know about a valid plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    /// Some months ask more leads than the reps can work.
    OverCapacity {
        months: Vec<YearMonth>,
        peak_utilisation: f64,
        reps_needed: u32,
    },
    /// Leads must arrive before the period starts (sales-cycle lag).
    LeadsBeforePeriod { leads: f64, from: YearMonth },
    /// The last months' leads close after the period; they are planned as if the next period
    /// repeats this one.
    LeadsAfterPeriod { months: u32 },
    /// With the lag spread over months, no lead plan without negative leads closes `month`'s
    /// customers (a sharp seasonal drop): the plan closes `expected` instead of `planned`.
    LagUnmet {
        month: YearMonth,
        planned: f64,
        expected: f64,
    },
    /// No holidays at all: public holidays count as working days, so daily targets are low.
    NoHolidays,
    /// A month has no working day, so no daily target.
    NoWorkingDays { month: YearMonth },
    /// Contact later than an hour: qualifying is ~7× less likely (HBR 2011).
    SlowFirstContact { hours: f64 },
    /// Fewer than six attempts: 93 % of reached buyers were reached by the 6th (Velocify).
    FewAttempts { attempts: u32 },
}
