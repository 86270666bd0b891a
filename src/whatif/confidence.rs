//! Confidence: the reverse funnel gives averages. With 480 leads at 5 % marketing wins 24
//! customers *on average*, and about half the time fewer. This module gives the chance of
//! winning at least the customers needed, and the leads that make that chance a chosen level.
//!
//! Each lead converts or not, independently, at its source's rate, so the customers won from
//! n leads are X ~ Binomial(n, rate); with lead sources X is the sum of one binomial per
//! source (n split by share into whole leads that add up to n, by largest remainder:
//! [`funnel::largest_remainder`]). The chance is
//! `P(X ≥ ⌈customers needed⌉)`, computed exactly (no sampling) with the distributions of
//! [`crate::distribution`]: each binomial in log space relative to its mode, the sources
//! combined by convolution.

use crate::distribution::{Discrete, whole};
use crate::i18n::{Language, fill};
use crate::plan::{Assumptions, Plan, funnel};

/// The search for the leads needed stops here; the chance is computed up to this many leads.
pub const MAX_LEADS: u64 = 10_000_000;

/// How the leads convert: one rate, or a share and a rate per lead source.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadMix {
    /// (share of the leads, lead-to-customer rate), both fractions.
    parts: Vec<(f64, f64)>,
}

impl LeadMix {
    /// Every lead converts at `rate` (a fraction).
    pub fn single(rate: f64) -> Self {
        Self {
            parts: vec![(1.0, rate)],
        }
    }

    /// The scenario's mix: one part per lead source when the sources set the numbers, else the
    /// plan's rate (single or the product of the stages).
    pub fn of(a: &Assumptions, plan: &Plan) -> Self {
        if a.conversion != crate::plan::Conversion::LeadSources {
            return Self::single(plan.lead_to_customer);
        }
        Self {
            parts: a
                .lead_sources
                .iter()
                .map(|s| (s.share_percent / 100.0, s.lead_to_customer_percent / 100.0))
                .collect(),
        }
    }

    /// The leads of each part out of `leads`: whole leads in proportion to the shares that
    /// add up to `leads` exactly ([`funnel::largest_remainder`]), so the chance is that of the
    /// leads planned, not of a lead more or less.
    pub fn split(&self, leads: u64) -> Vec<u64> {
        let shares: Vec<f64> = self.parts.iter().map(|(share, _)| *share).collect();
        funnel::largest_remainder(leads, &shares)
    }

    /// P(X ≥ `customers`) from `leads` leads; `None` above [`MAX_LEADS`].
    pub fn chance(&self, leads: u64, customers: u64) -> Option<f64> {
        if leads > MAX_LEADS {
            return None;
        }
        let won = self
            .split(leads)
            .into_iter()
            .zip(&self.parts)
            .map(|(n, (_, rate))| Discrete::binomial(n, *rate))
            .reduce(|x, y| x.plus(&y))
            .unwrap_or_else(|| Discrete::point(0));
        Some(won.at_least(customers))
    }

    /// The smallest number of leads whose chance of at least `customers` customers reaches
    /// `level` (a fraction, 0 < level < 1); `None` if no number up to [`MAX_LEADS`] does.
    ///
    /// The chance rises as leads are added, so an exponential search (double until the level
    /// is reached) brackets the answer and a binary search finds it: O(log n) chances. (With
    /// several sources one more lead can move a lead between two sources — the largest
    /// remainder's Alabama paradox — so the chance may dip by a hair at a step; the answer is
    /// then a number of leads that reaches the level where one lead fewer does not.)
    pub fn leads_for(&self, customers: u64, level: f64) -> Option<u64> {
        if !(level > 0.0 && level < 1.0) {
            return None;
        }
        let reaches = |leads: u64| self.chance(leads, customers).is_some_and(|c| c >= level);
        if reaches(0) {
            return Some(0);
        }
        // Invariant: `reaches(low)` is false and `reaches(high)` is true.
        let mut low = 0;
        let mut high = customers.max(1);
        while !reaches(high) {
            if high >= MAX_LEADS {
                return None;
            }
            low = high;
            high = high.saturating_mul(2).min(MAX_LEADS);
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if reaches(middle) {
                high = middle;
            } else {
                low = middle;
            }
        }
        Some(high)
    }
}

/// The chance that the plan's leads bring in the customers it needs, and the leads for a
/// chosen level.
#[derive(Clone, Debug, PartialEq)]
pub struct Confidence {
    /// The confidence level asked for, as a fraction (0.9 = 90 %).
    pub level: f64,
    /// The customers needed, rounded up (a count of customers is whole).
    pub customers: u64,
    /// The plan's leads needed, rounded up.
    pub planned_leads: u64,
    /// P(X ≥ customers) with the planned leads; `None` above [`MAX_LEADS`].
    pub chance_with_planned_leads: Option<f64>,
    /// The smallest number of leads with P(X ≥ customers) ≥ level; `None` above
    /// [`MAX_LEADS`].
    pub leads_needed: Option<u64>,
}

/// The confidence figures of a scenario's plan at `level` (a fraction).
pub fn confidence(a: &Assumptions, plan: &Plan, level: f64) -> Confidence {
    let mix = LeadMix::of(a, plan);
    let customers = whole(funnel::whole_up(plan.customers_needed));
    let planned_leads = whole(funnel::whole_up(plan.leads_needed));
    Confidence {
        level,
        customers,
        planned_leads,
        chance_with_planned_leads: mix.chance(planned_leads, customers),
        leads_needed: mix.leads_for(customers, level),
    }
}

impl Confidence {
    /// The chance of at least the customers needed against the number of leads, at
    /// `points` + 1 lead counts from half the planned leads (below that the chance is
    /// practically 0 for any real plan) to 5/4 of the larger of the planned and the needed
    /// leads: the What-if tab's curve, as `[leads, percent]`.
    pub fn curve(&self, mix: &LeadMix, points: u64) -> Vec<[f64; 2]> {
        let right = self
            .leads_needed
            .unwrap_or(self.planned_leads)
            .max(self.planned_leads)
            .saturating_mul(5)
            / 4;
        let left = self.planned_leads / 2;
        let step = (right.saturating_sub(left) / points.max(1)).max(1);
        (0..=points)
            .map(|i| left + i * step)
            .filter_map(|leads| Some([leads as f64, mix.chance(leads, self.customers)? * 100.0]))
            .collect()
    }

    /// The confidence in one sentence, for the What-if tab and `--confidence`: the chance with
    /// the planned leads and the leads for the chosen level. A plan of more than [`MAX_LEADS`]
    /// leads says in words that the chance is not computed at that size.
    pub fn sentence(&self, language: Language) -> String {
        let t = language.text();
        let n = language.numbers();
        let count = |v: u64| n.decimal(v as f64, 0);
        let Some(chance) = self.chance_with_planned_leads else {
            return fill(
                t.whatif_confidence_not_computed,
                &[
                    ("max", &count(MAX_LEADS)),
                    ("leads", &count(self.planned_leads)),
                ],
            );
        };
        let needed = self.leads_needed.map_or_else(
            || fill(t.whatif_more_than, &[("n", &count(MAX_LEADS))]),
            count,
        );
        fill(
            t.whatif_confidence_sentence,
            &[
                ("leads", &count(self.planned_leads)),
                ("customers", &count(self.customers)),
                ("chance", &n.share(chance)),
                ("needed", &needed),
                ("level", &n.share(self.level)),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certain_and_impossible_conversions() {
        assert_eq!(LeadMix::single(1.0).chance(10, 10), Some(1.0));
        assert_eq!(LeadMix::single(1.0).chance(9, 10), Some(0.0));
        assert_eq!(LeadMix::single(0.5).chance(0, 0), Some(1.0));
        assert_eq!(LeadMix::single(0.5).leads_for(0, 0.9), Some(0));
    }

    #[test]
    fn split_adds_up_to_the_leads() {
        let mix = LeadMix {
            parts: vec![(0.2, 0.1), (0.3, 0.05), (0.5, 0.02)],
        };
        assert_eq!(mix.split(1_100), [220, 330, 550]);
        assert_eq!(mix.split(1), [0, 0, 1]);
        assert_eq!(mix.split(3), [1, 1, 1]);
    }
}
