//! Goal seek: the value of one input that makes a result of the plan hit a target ("leads per
//! month 300: what marketing share?").
//!
//! Every result the engine derives from one of these inputs has the shape
//!
//! ```text
//! metric(x) = (a + b·x) ÷ (c + d·x)
//! ```
//!
//! because the reverse funnel (`plan/compute.rs`, `Totals`) is
//!
//! ```text
//! leads     = marketing revenue ÷ V              V = lead value (blended over the sources)
//! customers = marketing revenue × ρ ÷ V          ρ = lead-to-customer rate (blended)
//! budget    = marketing revenue × C ÷ V          C = Σ shareᵢ × cost per leadᵢ
//! leads per month, per working day, peak utilisation = leads × a factor no input here moves
//! ```
//!
//! and each of marketing revenue, V, ρ and C is linear in any one input (a source's share
//! included, with the other shares scaled to keep the sum). So the answer is closed-form,
//! `x = (a − T·c) ÷ (T·d − b)`, and no iteration is needed. It is always verified by planning
//! the solved assumptions with [`compute`]; `achieved` is what that plan gives. The shape of
//! each result is in [`super::ratio`].

use crate::i18n::{Language, fill};
use crate::plan::{Assumptions, Basis, Problem, SalesCommitments, compute, funnel};

use super::ratio::{SAME, metric_of_input};
use super::{Input, Metric};

/// A result and the value it should take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goal {
    pub metric: Metric,
    /// In the metric's unit: percent for peak utilisation, the currency for the budget.
    pub target: f64,
}

/// The answer of a goal seek.
#[derive(Clone, Debug, PartialEq)]
pub enum Solution {
    /// `value` of the input (document units) meets the goal; its plan gives `achieved`.
    /// For reps, the smallest whole number with the metric at most the target.
    Reached {
        value: f64,
        achieved: f64,
        assumptions: Assumptions,
    },
    Unreachable(Unreachable),
}

impl Solution {
    /// The input value found, or for an unreachable goal the value it would need, if any.
    pub fn value(&self) -> Option<f64> {
        match self {
            Self::Reached { value, .. } => Some(*value),
            Self::Unreachable(Unreachable::OutsideRange { needed, .. }) => Some(*needed),
            Self::Unreachable(_) => None,
        }
    }

    pub fn achieved(&self) -> Option<f64> {
        match self {
            Self::Reached { achieved, .. } => Some(*achieved),
            Self::Unreachable(_) => None,
        }
    }
}

/// Why no valid value of the input meets the goal.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreachable {
    /// The scenario does not use the input (e.g. the deal size when lead sources set the
    /// numbers); `basis` is what does.
    InputNotUsed { basis: Basis },
    /// The scenario has no such result (no cost per lead, no capacity, no working day).
    MetricNotAvailable,
    /// The result does not depend on the input; it stays at `current`.
    NoEffect { current: f64 },
    /// No finite value gives the target (e.g. zero leads at any positive revenue).
    NeverReaches,
    /// A source's share cannot move: the other sources have no share to give or take.
    OnlySource,
    /// The value needed lies outside the input's range; `problem` says which range.
    OutsideRange { needed: f64, problem: Problem },
}

impl Unreachable {
    /// Why, in one sentence: "Marketing share of revenue would have to be 140%: …".
    pub fn describe(
        &self,
        language: Language,
        input: Input,
        goal: Goal,
        a: &Assumptions,
        currency: &str,
    ) -> String {
        let t = language.text();
        let input_name = input.name(language, a);
        let metric = goal.metric.name(language);
        let in_metric_unit = |v: f64| language.with_unit(v, goal.metric.unit(), currency);
        match self {
            Self::InputNotUsed { basis } => fill(
                t.whatif_input_not_used,
                &[("input", &input_name), ("basis", language.basis(*basis))],
            ),
            Self::MetricNotAvailable => fill(t.whatif_metric_not_available, &[("metric", metric)]),
            Self::NoEffect { current } => fill(
                t.whatif_no_effect,
                &[
                    ("metric", metric),
                    ("input", &input_name),
                    ("current", &in_metric_unit(*current)),
                ],
            ),
            Self::NeverReaches => fill(
                t.whatif_never_reaches,
                &[
                    ("metric", metric),
                    ("input", &input_name),
                    ("target", &in_metric_unit(goal.target)),
                ],
            ),
            Self::OnlySource => fill(t.whatif_only_source, &[("input", &input_name)]),
            Self::OutsideRange { needed, problem } => fill(
                t.whatif_outside_range,
                &[
                    ("input", &input_name),
                    (
                        "needed",
                        &language.with_unit(*needed, input.field().unit(), currency),
                    ),
                    ("rule", &language.rule(problem, currency)),
                ],
            ),
        }
    }
}

/// The value of `input` that makes `goal.metric` equal `goal.target` (for reps: the smallest
/// whole number of reps with the metric at most the target). `Err` with the scenario's
/// problems when it cannot be planned as it is.
pub fn solve(
    a: &Assumptions,
    commitments: &SalesCommitments,
    input: Input,
    goal: Goal,
) -> Result<Solution, Vec<Problem>> {
    let plan = compute(a, commitments)?;
    let unreachable = |why| Ok(Solution::Unreachable(why));
    if !input.in_use(a) {
        return unreachable(Unreachable::InputNotUsed { basis: plan.basis });
    }
    let Some(ratio) = metric_of_input(a, commitments, &plan, input, goal.metric) else {
        return unreachable(Unreachable::MetricNotAvailable);
    };
    // Without any cost per lead the plan has no budget yet, but a source's cost per lead
    // makes one: its closed form starts from the source's cost of 0.
    let current = match (goal.metric.of(&plan), input) {
        (Some(current), _) => current,
        (None, Input::SourceCostPerLead(_)) if goal.metric == Metric::Budget => ratio.at(0.0),
        (None, _) => return unreachable(Unreachable::MetricNotAvailable),
    };
    if ratio.is_constant() {
        return match input.value(a) {
            Some(value) if same(current, goal.target) => Ok(Solution::Reached {
                value,
                achieved: current,
                assumptions: a.clone(),
            }),
            _ => unreachable(Unreachable::NoEffect { current }),
        };
    }
    let Some(mut value) = ratio.solve(goal.target) else {
        return unreachable(Unreachable::NeverReaches);
    };
    if input == Input::Reps {
        // Utilisation falls as reps rise: every whole number from ⌈x⌉ up meets "at most".
        if value <= 0.0 {
            return unreachable(Unreachable::NeverReaches);
        }
        value = funnel::whole_up(value).max(1.0);
    }
    let Some(solved) = input.with_value(a, value) else {
        return unreachable(Unreachable::OnlySource);
    };
    match compute(&solved, commitments) {
        Ok(solved_plan) => match goal.metric.of(&solved_plan) {
            Some(achieved) => Ok(Solution::Reached {
                value,
                achieved,
                assumptions: solved,
            }),
            None => unreachable(Unreachable::MetricNotAvailable),
        },
        Err(problems) => {
            let field = input.field();
            let problem = problems
                .iter()
                .find(|p| p.field == field)
                .or(problems.first())
                .copied();
            match problem {
                Some(problem) => unreachable(Unreachable::OutsideRange {
                    needed: value,
                    problem,
                }),
                None => unreachable(Unreachable::NeverReaches),
            }
        }
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= SAME * a.abs().max(b.abs()).max(1.0)
}
