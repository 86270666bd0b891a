//! Sensitivity (the tornado chart): each input the plan uses moved down and up by a step, and
//! what that does to leads needed, customers needed and budget.
//!
//! It answers "which assumption matters most?": the inputs are sorted by how far leads needed
//! swings between the low and the high value. The capacity inputs (reps, leads per rep) are
//! left out: they move none of these three results.

use crate::plan::{
    Assumptions, Plan, Problem, Rule, SalesCommitments, compute, validate_assumptions,
};

use super::Input;

/// One bar of the tornado: the input at `low` and at `high`, and the results at each.
#[derive(Clone, Debug, PartialEq)]
pub struct Swing {
    pub input: Input,
    /// The input's value moved down and up, in document units, kept inside its valid range
    /// (a 100 % share is not moved above 100 %).
    pub low: f64,
    pub high: f64,
    pub leads_needed_low: f64,
    pub leads_needed_high: f64,
    pub customers_needed_low: f64,
    pub customers_needed_high: f64,
    /// `None` when the scenario has no budget (no cost per lead).
    pub budget_low: Option<f64>,
    pub budget_high: Option<f64>,
}

impl Swing {
    /// How far leads needed swings: |leads at high − leads at low|.
    pub fn leads_impact(&self) -> f64 {
        (self.leads_needed_high - self.leads_needed_low).abs()
    }
}

/// Every input in use moved by `step` (a fraction: 0.1 moves ±10 %), sorted by
/// [`Swing::leads_impact`], largest first (ties, to 10⁻⁹ of the largest swing, keep the
/// Marketing tab's order). `Err` with the
/// scenario's problems when it cannot be planned; a `step` outside (0, 1] gives no swings.
pub fn sensitivity(
    a: &Assumptions,
    commitments: &SalesCommitments,
    step: f64,
) -> Result<Vec<Swing>, Vec<Problem>> {
    compute(a, commitments)?;
    if !(step > 0.0 && step <= 1.0) {
        return Ok(Vec::new());
    }
    let mut swings: Vec<Swing> = Input::all_in_use(a)
        .into_iter()
        .filter(|input| !matches!(input, Input::Reps | Input::LeadsPerRep))
        .filter_map(|input| swing(a, commitments, input, step))
        .collect();
    sort_by_impact(&mut swings);
    Ok(swings)
}

/// Largest swing in leads first; swings within 10⁻⁹ of the largest swing of the first swing of
/// their group are equal and keep the Marketing tab's order. Grouping after an exact sort
/// (rather than rounding each swing to nine digits) keeps two swings that are equal but for
/// binary noise together and in order also when they lie on either side of a rounding step,
/// which tiny swings (10⁻⁹ of the largest) do.
fn sort_by_impact(swings: &mut [Swing]) {
    let impact: Vec<f64> = swings.iter().map(Swing::leads_impact).collect();
    let tolerance = 1e-9 * impact.iter().copied().fold(0.0, f64::max);
    let mut by_impact: Vec<usize> = (0..swings.len()).collect();
    by_impact.sort_by(|&a, &b| impact[b].total_cmp(&impact[a]).then(a.cmp(&b)));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in by_impact {
        match groups.last_mut() {
            Some(group) if impact[group[0]] - impact[i] <= tolerance => group.push(i),
            _ => groups.push(vec![i]),
        }
    }
    let sorted: Vec<Swing> = groups
        .into_iter()
        .flat_map(|mut group| {
            group.sort_unstable();
            group
        })
        .map(|i| swings[i].clone())
        .collect();
    swings.clone_from_slice(&sorted);
}

fn swing(
    a: &Assumptions,
    commitments: &SalesCommitments,
    input: Input,
    step: f64,
) -> Option<Swing> {
    let value = input.value(a)?;
    let (low, low_plan) = moved(a, commitments, input, value * (1.0 - step))?;
    let (high, high_plan) = moved(a, commitments, input, value * (1.0 + step))?;
    let budget = |plan: &Plan| plan.budget.as_ref().map(|b| b.total);
    Some(Swing {
        input,
        low,
        high,
        leads_needed_low: low_plan.leads_needed,
        leads_needed_high: high_plan.leads_needed,
        customers_needed_low: low_plan.customers_needed,
        customers_needed_high: high_plan.customers_needed,
        budget_low: budget(&low_plan),
        budget_high: budget(&high_plan),
    })
}

/// The plan with the input at `value`, pulled back inside the input's range when the
/// validation names one; `None` when it still cannot be planned (e.g. the only source's share).
fn moved(
    a: &Assumptions,
    commitments: &SalesCommitments,
    input: Input,
    value: f64,
) -> Option<(f64, Plan)> {
    let first = input.with_value(a, value)?;
    let range = validate_assumptions(&first)
        .into_iter()
        .find(|p| p.field == input.field())
        .and_then(|p| match p.rule {
            Rule::Between { min, max } => Some((min, max)),
            _ => None,
        });
    let (value, assumptions) = match range {
        Some((min, max)) => {
            let clamped = value.clamp(min, max);
            (clamped, input.with_value(a, clamped)?)
        }
        None => (value, first),
    };
    compute(&assumptions, commitments)
        .ok()
        .map(|plan| (value, plan))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_share_is_not_moved_above_100_percent() {
        let a = Assumptions {
            marketing_share_percent: 100.0,
            ..Assumptions::default()
        };
        let swings = sensitivity(&a, &SalesCommitments::default(), 0.1).unwrap();
        let share = swings
            .iter()
            .find(|s| s.input == Input::MarketingShare)
            .unwrap();
        assert_eq!((share.low, share.high), (90.0, 100.0));
    }

    fn swing_of(input: Input, impact: f64) -> Swing {
        Swing {
            input,
            low: 0.0,
            high: 0.0,
            leads_needed_low: 0.0,
            leads_needed_high: impact,
            customers_needed_low: 0.0,
            customers_needed_high: 0.0,
            budget_low: None,
            budget_high: None,
        }
    }

    #[test]
    fn tiny_swings_equal_but_for_binary_noise_keep_their_order() {
        // Two swings of 2.5 × 10⁻⁹ of the largest in truth, computed a hair apart: they tie.
        let largest = 1.0;
        let mut swings = vec![
            swing_of(Input::RevenueGoal, largest),
            swing_of(Input::SourceRate(1), 2.5e-9 * (1.0 - 4.0 * f64::EPSILON)),
            swing_of(Input::SourceRate(2), 2.5e-9 * (1.0 + 4.0 * f64::EPSILON)),
            swing_of(Input::SourceRate(0), 0.5),
        ];
        sort_by_impact(&mut swings);
        let order: Vec<Input> = swings.iter().map(|s| s.input).collect();
        assert_eq!(
            order,
            [
                Input::RevenueGoal,
                Input::SourceRate(0),
                Input::SourceRate(1),
                Input::SourceRate(2)
            ]
        );
    }

    #[test]
    fn a_step_outside_its_range_gives_nothing() {
        let a = Assumptions::default();
        let c = SalesCommitments::default();
        assert!(sensitivity(&a, &c, 0.0).unwrap().is_empty());
        assert!(sensitivity(&a, &c, f64::NAN).unwrap().is_empty());
    }
}
