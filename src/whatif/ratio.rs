//! How a result of the plan responds to one input: `metric(x) = (a + b·x) ÷ (c + d·x)`, derived
//! from the engine's formulas (`plan/compute.rs`, `Totals`; see [`super::goal_seek`]), so a
//! goal seek solves it in closed form.

use crate::plan::{Assumptions, Conversion, Plan, SalesCommitments, compute, funnel};

use super::{Input, Metric};

/// Relative tolerance for "the same value" (binary noise in a chain of a few operations).
pub(super) const SAME: f64 = 1e-9;

/// `at_zero + per_unit·x`: one term of the funnel as a function of the input.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Linear {
    at_zero: f64,
    per_unit: f64,
}

impl Linear {
    fn constant(value: f64) -> Self {
        Self {
            at_zero: value,
            per_unit: 0.0,
        }
    }

    fn proportional(per_unit: f64) -> Self {
        Self {
            at_zero: 0.0,
            per_unit,
        }
    }

    fn scaled(self, k: f64) -> Self {
        Self {
            at_zero: self.at_zero * k,
            per_unit: self.per_unit * k,
        }
    }

    /// The product of two terms of which at most one depends on the input (true of every
    /// pair multiplied here: an input moves either the marketing revenue or the rates, deal
    /// sizes and costs), so the product is linear again.
    fn times(self, other: Self) -> Self {
        Self {
            at_zero: self.at_zero * other.at_zero,
            per_unit: self.at_zero * other.per_unit + self.per_unit * other.at_zero,
        }
    }
}

/// `metric(x) = (a + b·x) ÷ (c + d·x)` with numerator `a + b·x` and denominator `c + d·x`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Ratio {
    numerator: Linear,
    denominator: Linear,
}

impl Ratio {
    /// `(a + b·x) ÷ (c + d·x) = T  ⇔  x = (a − T·c) ÷ (T·d − b)`; `None` when no finite `x`
    /// gives `T` (the metric only approaches it).
    pub(super) fn solve(self, target: f64) -> Option<f64> {
        let (a, b) = (self.numerator.at_zero, self.numerator.per_unit);
        let (c, d) = (self.denominator.at_zero, self.denominator.per_unit);
        // + 0.0 turns −0 (0 ÷ a negative number) into 0, which is what a person reads.
        let x = (a - target * c) / (target * d - b) + 0.0;
        x.is_finite().then_some(x)
    }

    /// `(a + b·x) ÷ (c + d·x)`: the metric at `x`.
    pub(super) fn at(self, x: f64) -> f64 {
        (self.numerator.at_zero + self.numerator.per_unit * x)
            / (self.denominator.at_zero + self.denominator.per_unit * x)
    }

    /// The metric is the same for every `x` when `a·d = b·c` (numerator ∝ denominator).
    pub(super) fn is_constant(self) -> bool {
        let (a, b) = (self.numerator.at_zero, self.numerator.per_unit);
        let (c, d) = (self.denominator.at_zero, self.denominator.per_unit);
        let (ad, bc) = (a * d, b * c);
        (ad - bc).abs() <= SAME * ad.abs().max(bc.abs())
    }
}

/// The metric as a function of the input, around scenario `a`; `None` when the metric
/// cannot be derived (the scenario lacks it).
pub(super) fn metric_of_input(
    a: &Assumptions,
    commitments: &SalesCommitments,
    plan: &Plan,
    input: Input,
    metric: Metric,
) -> Option<Ratio> {
    if matches!(input, Input::Reps | Input::LeadsPerRep) {
        return capacity_ratio(a, plan, input, metric);
    }
    let f = Funnel::around(a, input)?;
    let numerator = match metric {
        Metric::LeadsNeeded => f.marketing_revenue,
        Metric::CustomersNeeded => f.marketing_revenue.times(f.rate),
        Metric::Budget => f.marketing_revenue.times(f.cost),
        Metric::LeadsPerMonth | Metric::LeadsPerWorkingDay | Metric::PeakUtilisation => f
            .marketing_revenue
            .scaled(per_lead(a, commitments, metric)?),
    };
    Some(Ratio {
        numerator,
        denominator: f.lead_value,
    })
}

/// Leads per month, per working day and peak utilisation are the leads needed times a factor
/// set by the period, seasonality, lag and capacity — none of which a goal seek moves. The
/// factor is read from the plan of a probe with the same scenario and a marketing revenue of
/// 1,000,000 (so it has leads even when the scenario's revenue goal is 0).
fn per_lead(a: &Assumptions, commitments: &SalesCommitments, metric: Metric) -> Option<f64> {
    let probe = Assumptions {
        revenue_goal: 1_000_000.0,
        marketing_share_percent: 100.0,
        ..a.clone()
    };
    let plan = compute(&probe, commitments).ok()?;
    let factor = metric.of(&plan)? / plan.leads_needed;
    factor.is_finite().then_some(factor)
}

/// Peak utilisation (%) = 100 × busiest month's leads ÷ (reps × leads per rep); the other
/// metrics do not depend on capacity.
fn capacity_ratio(a: &Assumptions, plan: &Plan, input: Input, metric: Metric) -> Option<Ratio> {
    let capacity = a.capacity?;
    if metric != Metric::PeakUtilisation {
        let current = metric.of(plan)?;
        return Some(Ratio {
            numerator: Linear::constant(current),
            denominator: Linear::constant(1.0),
        });
    }
    let peak_leads = plan.months.iter().map(|m| m.leads).fold(0.0, f64::max);
    let per_unit = if input == Input::Reps {
        capacity.leads_per_rep_per_month
    } else {
        f64::from(capacity.reps)
    };
    Some(Ratio {
        numerator: Linear::constant(100.0 * peak_leads),
        denominator: Linear::proportional(per_unit),
    })
}

/// The four terms of the reverse funnel as linear functions of one input (see the module
/// documentation); rates and shares as fractions, the input `x` in document units.
struct Funnel {
    /// Revenue goal × marketing share.
    marketing_revenue: Linear,
    /// V: what one lead is worth (blended over the sources).
    lead_value: Linear,
    /// ρ: the lead-to-customer rate in force (blended over the sources).
    rate: Linear,
    /// C: Σ shareᵢ × cost per leadᵢ over the sources with a known cost.
    cost: Linear,
}

impl Funnel {
    fn around(a: &Assumptions, input: Input) -> Option<Self> {
        let share = a.marketing_share_percent / 100.0;
        let mut f = if a.conversion != Conversion::LeadSources {
            Self::without_sources(a, input)
        } else {
            Self::with_sources(a, input)?
        };
        f.marketing_revenue = match input {
            Input::RevenueGoal => Linear::proportional(share),
            Input::MarketingShare => Linear::proportional(a.revenue_goal / 100.0),
            _ => Linear::constant(a.revenue_goal * share),
        };
        Some(f)
    }

    /// ρ is the single rate or the product of the stage rates; V = deal size × ρ.
    fn without_sources(a: &Assumptions, input: Input) -> Self {
        let deal = a.average_deal_size;
        let stage_product = |skip: Option<usize>| -> f64 {
            a.funnel_stages
                .iter()
                .enumerate()
                .filter(|(j, _)| Some(*j) != skip)
                .map(|(_, s)| s.rate_to_next_percent / 100.0)
                .product()
        };
        let rate_now = if a.conversion == Conversion::Stages {
            stage_product(None)
        } else {
            a.lead_to_customer_percent / 100.0
        };
        let rate = match input {
            Input::LeadToCustomer => Linear::proportional(0.01),
            Input::StageRate(i) => Linear::proportional(stage_product(Some(i)) / 100.0),
            _ => Linear::constant(rate_now),
        };
        let lead_value = match input {
            Input::AverageDealSize => Linear::proportional(rate_now),
            _ => rate.scaled(deal),
        };
        Self {
            marketing_revenue: Linear::constant(0.0),
            lead_value,
            rate,
            cost: Linear::constant(0.0),
        }
    }

    /// V = Σ sᵢ·rᵢ·dᵢ, ρ = Σ sᵢ·rᵢ, C = Σ sᵢ·cᵢ; the input replaces one source's term.
    fn with_sources(a: &Assumptions, input: Input) -> Option<Self> {
        // Per source: (share, rate, lead value, cost) as fractions and amounts.
        let terms: Vec<[f64; 4]> = a
            .lead_sources
            .iter()
            .map(|s| {
                let rate = s.lead_to_customer_percent / 100.0;
                [
                    s.share_percent / 100.0,
                    rate,
                    funnel::lead_value(s.average_deal_size, rate),
                    s.cost_per_lead.unwrap_or(0.0),
                ]
            })
            .collect();
        let blended = |k: usize, skip: Option<usize>| -> f64 {
            terms
                .iter()
                .enumerate()
                .filter(|(j, _)| Some(*j) != skip)
                .map(|(_, t)| t[0] * t[k])
                .sum()
        };
        let (rate_k, value_k, cost_k) = (1, 2, 3);
        let mut f = Self {
            marketing_revenue: Linear::constant(0.0),
            lead_value: Linear::constant(blended(value_k, None)),
            rate: Linear::constant(blended(rate_k, None)),
            cost: Linear::constant(blended(cost_k, None)),
        };
        let others = |k: usize, i: usize| blended(k, Some(i));
        match input {
            Input::SourceRate(i) => {
                let [s, _, _, _] = *terms.get(i)?;
                let deal = a.lead_sources.get(i)?.average_deal_size;
                f.rate = Linear {
                    at_zero: others(rate_k, i),
                    per_unit: s / 100.0,
                };
                f.lead_value = Linear {
                    at_zero: others(value_k, i),
                    per_unit: s * deal / 100.0,
                };
            }
            Input::SourceDealSize(i) => {
                let [s, r, _, _] = *terms.get(i)?;
                f.lead_value = Linear {
                    at_zero: others(value_k, i),
                    per_unit: s * r,
                };
            }
            Input::SourceCostPerLead(i) => {
                let [s, _, _, _] = *terms.get(i)?;
                f.cost = Linear {
                    at_zero: others(cost_k, i),
                    per_unit: s,
                };
            }
            Input::SourceShare(i) => {
                // Share x (percent) for source i; the others scale by (S − x) ÷ O, where S is
                // the sum of the shares and O the others' part (percent). For each blended
                // term Q = Σ sⱼ·qⱼ: Q(x) = Qₒ·S/O + x·(qᵢ/100 − Qₒ/O), Qₒ the others' sum.
                let total: f64 = a.lead_sources.iter().map(|s| s.share_percent).sum();
                let own = a.lead_sources.get(i)?.share_percent;
                let rest = total - own;
                if rest <= 0.0 {
                    return None;
                }
                let term = |k: usize| -> Option<Linear> {
                    let q_own = terms.get(i)?[k];
                    let q_others = others(k, i);
                    Some(Linear {
                        at_zero: q_others * total / rest,
                        per_unit: q_own / 100.0 - q_others / rest,
                    })
                };
                f.rate = term(rate_k)?;
                f.lead_value = term(value_k)?;
                f.cost = term(cost_k)?;
            }
            _ => {}
        }
        Some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_solves_and_detects_constants() {
        // (2 + 3x) ÷ (1 + x) = 2.5 at x = 1.
        let r = Ratio {
            numerator: Linear {
                at_zero: 2.0,
                per_unit: 3.0,
            },
            denominator: Linear {
                at_zero: 1.0,
                per_unit: 1.0,
            },
        };
        assert_eq!(r.solve(2.5), Some(1.0));
        assert_eq!(r.at(1.0), 2.5);
        let through_zero = Ratio {
            numerator: Linear::proportional(2.0),
            denominator: Linear::constant(-1.0),
        };
        assert_eq!(
            through_zero.solve(0.0).map(f64::to_bits),
            Some(0.0_f64.to_bits())
        );
        assert!(!r.is_constant());
        // 3 is the asymptote: never reached.
        assert_eq!(r.solve(3.0), None);
        let constant = Ratio {
            numerator: Linear::proportional(2.0),
            denominator: Linear::proportional(4.0),
        };
        assert!(constant.is_constant());
    }
}
