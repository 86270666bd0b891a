//! Inputs that are allowed but unlikely for their kind. Most often they are a number typed into
//! the neighbouring field: `2,5` meant for a 2.5 % rate lands in the deal size after one Tab too
//! many, and the plan asks 480,000 customers for €2.50 deals without a word. They are warned
//! about beside the field and never block: the plan is computed with them all the same, since
//! a small deal or a high rate can be real.

use super::{Assumptions, Conversion, Field};

/// A deal below this amount (in the document's currency) is unusual for the B2B sales this
/// method is for.
pub const SMALL_DEAL: f64 = 100.0;
/// More than this share of leads becoming customers is unusual: the method's research figures
/// put lead-to-customer rates at a few percent.
pub const HIGH_RATE_PERCENT: f64 = 50.0;

/// Why an input is unusual.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unusual {
    /// A deal size above zero and below [`SMALL_DEAL`].
    SmallDeal,
    /// A lead-to-customer rate above [`HIGH_RATE_PERCENT`].
    HighRate,
    /// A revenue goal above zero that is smaller than one deal: it needs less than one customer.
    GoalBelowDeal { deal: f64 },
}

/// The unusual inputs the scenario's basis uses, with the field each belongs to.
pub fn unusual(a: &Assumptions) -> Vec<(Field, Unusual)> {
    let mut found = Vec::new();
    let small = |deal: f64| deal > 0.0 && deal < SMALL_DEAL;
    let high = |percent: f64| percent > HIGH_RATE_PERCENT;
    if a.conversion == Conversion::LeadSources {
        for (i, source) in a.lead_sources.iter().enumerate() {
            if small(source.average_deal_size) {
                found.push((Field::SourceDealSize(i), Unusual::SmallDeal));
            }
            if high(source.lead_to_customer_percent) {
                found.push((Field::SourceRate(i), Unusual::HighRate));
            }
        }
    } else {
        if small(a.average_deal_size) {
            found.push((Field::AverageDealSize, Unusual::SmallDeal));
        }
        if a.revenue_goal > 0.0 && a.revenue_goal < a.average_deal_size {
            let deal = a.average_deal_size;
            found.push((Field::RevenueGoal, Unusual::GoalBelowDeal { deal }));
        }
    }
    if a.conversion == Conversion::SingleRate && high(a.lead_to_customer_percent) {
        found.push((Field::LeadToCustomerRate, Unusual::HighRate));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step_one(goal: f64, deal: f64, rate: f64) -> Assumptions {
        Assumptions {
            revenue_goal: goal,
            average_deal_size: deal,
            lead_to_customer_percent: rate,
            conversion: Conversion::SingleRate,
            ..Assumptions::default()
        }
    }

    #[test]
    fn the_issues_case_a_rate_typed_into_the_deal_size_is_unusual() {
        // `2,5` meant for the rate went into the deal size: a €2.50 deal.
        let found = unusual(&step_one(1_200_000.0, 2.5, 5.0));
        assert_eq!(found, vec![(Field::AverageDealSize, Unusual::SmallDeal)]);
        assert!(unusual(&step_one(1_200_000.0, 25_000.0, 2.5)).is_empty());
    }

    #[test]
    fn a_high_rate_and_a_goal_below_one_deal_are_unusual() {
        let found = unusual(&step_one(20_000.0, 25_000.0, 60.0));
        assert_eq!(
            found,
            vec![
                (
                    Field::RevenueGoal,
                    Unusual::GoalBelowDeal { deal: 25_000.0 }
                ),
                (Field::LeadToCustomerRate, Unusual::HighRate),
            ]
        );
        // At the thresholds: usual.
        assert!(unusual(&step_one(25_000.0, SMALL_DEAL, HIGH_RATE_PERCENT)).is_empty());
    }

    #[test]
    fn only_inputs_the_basis_uses_are_checked() {
        let mut a = step_one(1_200_000.0, 2.5, 80.0);
        a.conversion = Conversion::Stages;
        assert_eq!(
            unusual(&a),
            vec![(Field::AverageDealSize, Unusual::SmallDeal)]
        );
    }
}
