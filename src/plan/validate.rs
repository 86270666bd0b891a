//! Input validation: every assumption has a range, and a value outside it becomes a
//! [`Problem`] that names the field as the user knows it, the value and the allowed range.
//!
//! The ranges also guarantee the engine's arithmetic stays finite: the smallest rate (0.01 %)
//! and the largest amounts (10¹² in the document's currency) keep every quotient far from ∞.

use chrono::{NaiveTime, Timelike as _};

use super::assumptions::{Assumptions, Conversion, SalesCommitments};
use super::clock::ResponseClock;

/// Largest money amount accepted anywhere (a trillion in the document's currency).
pub const MAX_AMOUNT: f64 = 1e12;
/// Smallest rate accepted where the engine divides by it, in percent.
pub const MIN_RATE_PERCENT: f64 = 0.01;
/// At most this many funnel stages and lead sources (keeps products of rates finite).
pub const MAX_STAGES: usize = 10;
pub const MAX_SOURCES: usize = 50;
/// A business day of working hours lasts at least half an hour: a shorter one makes every
/// promise in hours unkeepable.
pub const MIN_BUSINESS_DAY_HOURS: f64 = 0.5;
/// Lead source shares may be off 100 % by this much (rounding when typing e.g. 33.33 × 3).
pub const SHARE_SUM_TOLERANCE: f64 = 0.01;

/// An input as the user knows it. Indexes are 0-based positions in the scenario's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    RevenueGoal,
    MarketingShare,
    AverageDealSize,
    LeadToCustomerRate,
    Months,
    SeasonalityWeights,
    SeasonalityWeight(usize),
    FunnelStages,
    StageRate(usize),
    LeadSources,
    SourceShares,
    SourceShare(usize),
    SourceRate(usize),
    SourceDealSize(usize),
    SourceCostPerLead(usize),
    SalesCycleLag,
    /// The lag spread over months: the list, and its share closing this many months later.
    SalesCycleLagShares,
    SalesCycleLagShare(usize),
    Reps,
    LeadsPerRep,
    FirstContactHours,
    MinimumAttempts,
    AttemptsWithinDays,
    AcceptWithinHours,
    ComplianceTarget,
    /// The end of the business day of working hours, in hours after midnight.
    BusinessDayEnd,
}

/// The unit a field is entered in, so messages and inputs can show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Money,
    Percent,
    Months,
    Hours,
    Days,
    /// A plain number: weights, counts of reps, attempts or leads.
    Plain,
}

impl Field {
    pub fn unit(self) -> Unit {
        match self {
            Self::RevenueGoal
            | Self::AverageDealSize
            | Self::SourceDealSize(_)
            | Self::SourceCostPerLead(_) => Unit::Money,
            Self::MarketingShare
            | Self::LeadToCustomerRate
            | Self::StageRate(_)
            | Self::SourceShares
            | Self::SourceShare(_)
            | Self::SourceRate(_)
            | Self::SalesCycleLagShares
            | Self::SalesCycleLagShare(_)
            | Self::ComplianceTarget => Unit::Percent,
            Self::Months | Self::SalesCycleLag => Unit::Months,
            Self::FirstContactHours | Self::AcceptWithinHours | Self::BusinessDayEnd => Unit::Hours,
            Self::AttemptsWithinDays => Unit::Days,
            Self::SeasonalityWeights
            | Self::SeasonalityWeight(_)
            | Self::FunnelStages
            | Self::LeadSources
            | Self::Reps
            | Self::LeadsPerRep
            | Self::MinimumAttempts => Unit::Plain,
        }
    }
}

/// The range a value must lie in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// `min ≤ value ≤ max`.
    Between { min: f64, max: f64 },
    /// A whole number with `min ≤ value ≤ max`.
    WholeBetween { min: u32, max: u32 },
    /// The values must add up to this total (e.g. shares to 100 %).
    SumTo(f64),
    /// At least one weight must be above zero.
    NotAllZero,
    /// The list must have exactly this many entries (one per month).
    Count(usize),
    /// The list must have between `min` and `max` entries.
    CountBetween { min: usize, max: usize },
}

/// What the offending input holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Count(usize),
}

/// One input outside its range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Problem {
    pub field: Field,
    pub value: Value,
    pub rule: Rule,
}

/// Collects problems; each check records one when the value breaks its rule.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn number(&mut self, field: Field, value: f64, min: f64, max: f64) {
        // `contains` is false for NaN, so "not a number" is caught here too.
        if !(min..=max).contains(&value) {
            self.problems.push(Problem {
                field,
                value: Value::Number(value),
                rule: Rule::Between { min, max },
            });
        }
    }

    fn whole(&mut self, field: Field, value: u32, min: u32, max: u32) {
        if !(min..=max).contains(&value) {
            self.problems.push(Problem {
                field,
                value: Value::Number(f64::from(value)),
                rule: Rule::WholeBetween { min, max },
            });
        }
    }

    fn count(&mut self, field: Field, count: usize, min: usize, max: usize) {
        if !(min..=max).contains(&count) {
            self.problems.push(Problem {
                field,
                value: Value::Count(count),
                rule: Rule::CountBetween { min, max },
            });
        }
    }

    fn percent(&mut self, field: Field, value: f64) {
        self.number(field, value, 0.0, 100.0);
    }

    fn rate(&mut self, field: Field, value: f64) {
        self.number(field, value, MIN_RATE_PERCENT, 100.0);
    }

    fn amount(&mut self, field: Field, value: f64) {
        self.number(field, value, 0.0, MAX_AMOUNT);
    }

    fn deal_size(&mut self, field: Field, value: f64) {
        self.number(field, value, 0.01, MAX_AMOUNT);
    }
}

/// Every problem with a scenario's assumptions; empty when the scenario can be planned.
pub fn validate_assumptions(a: &Assumptions) -> Vec<Problem> {
    let mut check = Checker::default();
    check.amount(Field::RevenueGoal, a.revenue_goal);
    check.percent(Field::MarketingShare, a.marketing_share_percent);
    if a.conversion != Conversion::LeadSources {
        check.deal_size(Field::AverageDealSize, a.average_deal_size);
    }
    // Only the basis in force is checked: the others' inputs are kept but play no part.
    match a.conversion {
        Conversion::SingleRate => check.rate(Field::LeadToCustomerRate, a.lead_to_customer_percent),
        Conversion::Stages => {
            check.count(Field::FunnelStages, a.funnel_stages.len(), 1, MAX_STAGES);
            for (i, stage) in a.funnel_stages.iter().enumerate() {
                check.rate(Field::StageRate(i), stage.rate_to_next_percent);
            }
        }
        Conversion::LeadSources => validate_sources(&mut check, a),
    }

    check.whole(Field::Months, a.period.months, 1, super::Period::MAX_MONTHS);
    validate_seasonality(&mut check, a);
    check.whole(
        Field::SalesCycleLag,
        a.sales_cycle_lag_months,
        0,
        super::MAX_LAG_MONTHS as u32,
    );
    validate_lag_spread(&mut check, &a.sales_cycle_lag_spread_percent);
    if let Some(capacity) = &a.capacity {
        check.whole(Field::Reps, capacity.reps, 1, 100_000);
        check.number(
            Field::LeadsPerRep,
            capacity.leads_per_rep_per_month,
            1.0,
            100_000.0,
        );
    }
    check.problems
}

fn validate_seasonality(check: &mut Checker, a: &Assumptions) {
    if a.seasonality.is_empty() {
        return;
    }
    let months = a.period.months as usize;
    if a.seasonality.len() != months {
        check.problems.push(Problem {
            field: Field::SeasonalityWeights,
            value: Value::Count(a.seasonality.len()),
            rule: Rule::Count(months),
        });
    }
    for (i, weight) in a.seasonality.iter().enumerate() {
        check.number(Field::SeasonalityWeight(i), *weight, 0.0, 1e6);
    }
    if a.seasonality.iter().all(|w| *w == 0.0) {
        check.problems.push(Problem {
            field: Field::SeasonalityWeights,
            value: Value::Number(0.0),
            rule: Rule::NotAllZero,
        });
    }
}

/// A spread lag (empty: the single shift): one share per month of delay from 0 to
/// [`super::MAX_LAG_MONTHS`], each 0–100 %, adding up to 100 % within rounding.
fn validate_lag_spread(check: &mut Checker, shares: &[f64]) {
    if shares.is_empty() {
        return;
    }
    check.count(
        Field::SalesCycleLagShares,
        shares.len(),
        1,
        super::MAX_LAG_MONTHS + 1,
    );
    for (k, share) in shares.iter().enumerate() {
        check.percent(Field::SalesCycleLagShare(k), *share);
    }
    let total: f64 = shares.iter().sum();
    let sums_to_100 = (total - 100.0).abs() <= SHARE_SUM_TOLERANCE;
    if !sums_to_100 {
        check.problems.push(Problem {
            field: Field::SalesCycleLagShares,
            value: Value::Number(total),
            rule: Rule::SumTo(100.0),
        });
    }
}

fn validate_sources(check: &mut Checker, a: &Assumptions) {
    check.count(Field::LeadSources, a.lead_sources.len(), 1, MAX_SOURCES);
    if a.lead_sources.is_empty() {
        return;
    }
    for (i, source) in a.lead_sources.iter().enumerate() {
        check.percent(Field::SourceShare(i), source.share_percent);
        check.rate(Field::SourceRate(i), source.lead_to_customer_percent);
        check.deal_size(Field::SourceDealSize(i), source.average_deal_size);
        if let Some(cost) = source.cost_per_lead {
            check.number(Field::SourceCostPerLead(i), cost, 0.0, 1e9);
        }
    }
    let total: f64 = a.lead_sources.iter().map(|s| s.share_percent).sum();
    let sums_to_100 = (total - 100.0).abs() <= SHARE_SUM_TOLERANCE;
    if !sums_to_100 {
        check.problems.push(Problem {
            field: Field::SourceShares,
            value: Value::Number(total),
            rule: Rule::SumTo(100.0),
        });
    }
}

/// Every problem with the sales commitments of step 2.
pub fn validate_commitments(c: &SalesCommitments) -> Vec<Problem> {
    let mut check = Checker::default();
    check.number(
        Field::FirstContactHours,
        c.first_contact_within_hours,
        0.01,
        720.0,
    );
    check.whole(Field::MinimumAttempts, c.minimum_attempts, 1, 100);
    check.whole(Field::AttemptsWithinDays, c.attempts_within_days, 1, 365);
    check.number(Field::AcceptWithinHours, c.accept_within_hours, 0.01, 720.0);
    check.number(
        Field::ComplianceTarget,
        c.compliance_target_percent,
        1.0,
        100.0,
    );
    if let ResponseClock::Working { start, end } = c.clock {
        let hours = |t: NaiveTime| f64::from(t.num_seconds_from_midnight()) / 3600.0;
        check.number(
            Field::BusinessDayEnd,
            hours(end),
            hours(start) + MIN_BUSINESS_DAY_HOURS,
            24.0,
        );
    }
    check.problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{LeadSource, SalesCapacity};

    #[test]
    fn the_default_scenario_is_valid() {
        assert!(validate_assumptions(&Assumptions::default()).is_empty());
        assert!(validate_commitments(&SalesCommitments::default()).is_empty());
    }

    #[test]
    fn names_field_value_and_range() {
        let a = Assumptions {
            average_deal_size: -5.0,
            marketing_share_percent: f64::NAN,
            ..Assumptions::default()
        };
        let problems = validate_assumptions(&a);
        assert_eq!(problems.len(), 2);
        assert!(problems.contains(&Problem {
            field: Field::AverageDealSize,
            value: Value::Number(-5.0),
            rule: Rule::Between {
                min: 0.01,
                max: MAX_AMOUNT
            },
        }));
        assert!(problems.iter().any(|p| p.field == Field::MarketingShare));
    }

    #[test]
    fn checks_only_the_rate_in_use() {
        let mut a = Assumptions {
            lead_to_customer_percent: 0.0,
            ..Assumptions::default()
        };
        assert_eq!(validate_assumptions(&a)[0].field, Field::LeadToCustomerRate);
        a.conversion = Conversion::Stages;
        assert!(validate_assumptions(&a).is_empty());
        a.funnel_stages[2].rate_to_next_percent = 120.0;
        assert_eq!(validate_assumptions(&a)[0].field, Field::StageRate(2));
        a.funnel_stages.clear();
        assert_eq!(validate_assumptions(&a)[0].field, Field::FunnelStages);
    }

    #[test]
    fn source_shares_must_sum_to_100() {
        let source = |share| LeadSource {
            share_percent: share,
            ..LeadSource::default()
        };
        let mut a = Assumptions {
            lead_sources: vec![source(33.33), source(33.33), source(33.34)],
            conversion: Conversion::LeadSources,
            ..Assumptions::default()
        };
        assert!(validate_assumptions(&a).is_empty());
        a.lead_sources[2].share_percent = 30.0;
        let problems = validate_assumptions(&a);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, Field::SourceShares);
        assert_eq!(problems[0].rule, Rule::SumTo(100.0));
    }

    #[test]
    fn seasonality_needs_one_weight_per_month_and_not_all_zero() {
        let mut a = Assumptions {
            seasonality: vec![1.0; 11],
            ..Assumptions::default()
        };
        assert_eq!(validate_assumptions(&a)[0].rule, Rule::Count(12));
        a.seasonality = vec![0.0; 12];
        assert_eq!(validate_assumptions(&a)[0].rule, Rule::NotAllZero);
        a.seasonality[3] = -1.0;
        assert_eq!(
            validate_assumptions(&a)[0].field,
            Field::SeasonalityWeight(3)
        );
    }

    #[test]
    fn capacity_and_commitments_have_ranges() {
        let a = Assumptions {
            capacity: Some(SalesCapacity {
                reps: 0,
                leads_per_rep_per_month: 150.0,
            }),
            ..Assumptions::default()
        };
        assert_eq!(validate_assumptions(&a)[0].field, Field::Reps);
        let c = SalesCommitments {
            minimum_attempts: 0,
            first_contact_within_hours: f64::INFINITY,
            ..SalesCommitments::default()
        };
        let fields: Vec<Field> = validate_commitments(&c).iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![Field::FirstContactHours, Field::MinimumAttempts]
        );
    }
}
