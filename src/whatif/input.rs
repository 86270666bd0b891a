//! The inputs a what-if can move: read, set and name one number of a scenario's assumptions.
//!
//! Values are in the document's units (percent for percentages, the document's currency for
//! amounts), so the command line, the file and the screen show the same number.

use crate::i18n::Language;
use crate::plan::{Assumptions, Conversion, Field, RowId};

/// One number of a scenario that a goal seek or a sensitivity run can move. Indexes are
/// 0-based positions in the scenario's funnel stages or lead sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    RevenueGoal,
    MarketingShare,
    AverageDealSize,
    LeadToCustomer,
    StageRate(usize),
    /// A source's share of the leads; the other sources' shares scale in proportion, so the
    /// shares keep adding up to 100 %.
    SourceShare(usize),
    SourceRate(usize),
    SourceDealSize(usize),
    SourceCostPerLead(usize),
    Reps,
    LeadsPerRep,
}

/// Makes the input of the stage or source at an index.
type Indexed = fn(usize) -> Input;

/// Prefixes of the inputs that belong to a named stage or source: `source_rate:Webinars`.
const NAMED: [(&str, Indexed); 5] = [
    ("stage_rate", Input::StageRate),
    ("source_share", Input::SourceShare),
    ("source_rate", Input::SourceRate),
    ("source_deal_size", Input::SourceDealSize),
    ("source_cost_per_lead", Input::SourceCostPerLead),
];

impl Input {
    /// The field the validation and the screen know this input by.
    pub fn field(self) -> Field {
        match self {
            Self::RevenueGoal => Field::RevenueGoal,
            Self::MarketingShare => Field::MarketingShare,
            Self::AverageDealSize => Field::AverageDealSize,
            Self::LeadToCustomer => Field::LeadToCustomerRate,
            Self::StageRate(i) => Field::StageRate(i),
            Self::SourceShare(i) => Field::SourceShare(i),
            Self::SourceRate(i) => Field::SourceRate(i),
            Self::SourceDealSize(i) => Field::SourceDealSize(i),
            Self::SourceCostPerLead(i) => Field::SourceCostPerLead(i),
            Self::Reps => Field::Reps,
            Self::LeadsPerRep => Field::LeadsPerRep,
        }
    }

    /// The input as the user sees it: "Lead sources › Webinars › Lead-to-customer rate".
    pub fn name(self, language: Language, a: &Assumptions) -> String {
        language.field(self.field(), Some(a))
    }

    /// The name scripts use: `marketing_share`, `source_rate:Webinars` (a stage or source
    /// without a name is given by its number from 1).
    pub fn id(self, a: &Assumptions) -> String {
        let simple = match self {
            Self::RevenueGoal => "revenue_goal",
            Self::MarketingShare => "marketing_share",
            Self::AverageDealSize => "average_deal_size",
            Self::LeadToCustomer => "lead_to_customer",
            Self::Reps => "reps",
            Self::LeadsPerRep => "leads_per_rep",
            Self::StageRate(i) => return named_id("stage_rate", stage_name(a, i), i),
            Self::SourceShare(i) => return named_id("source_share", source_name(a, i), i),
            Self::SourceRate(i) => return named_id("source_rate", source_name(a, i), i),
            Self::SourceDealSize(i) => {
                return named_id("source_deal_size", source_name(a, i), i);
            }
            Self::SourceCostPerLead(i) => {
                return named_id("source_cost_per_lead", source_name(a, i), i);
            }
        };
        simple.to_owned()
    }

    /// The input with this [`Self::id`] in scenario `a`; `None` for an unknown name or a stage
    /// or source the scenario does not have.
    pub fn parse(text: &str, a: &Assumptions) -> Option<Self> {
        let text = text.trim();
        let simple = [
            Self::RevenueGoal,
            Self::MarketingShare,
            Self::AverageDealSize,
            Self::LeadToCustomer,
            Self::Reps,
            Self::LeadsPerRep,
        ];
        if let Some(input) = simple.into_iter().find(|i| i.id(a) == text) {
            return Some(input);
        }
        let (prefix, name) = text.split_once(':')?;
        let (_, make) = NAMED.iter().find(|(p, _)| *p == prefix)?;
        let names: Vec<&str> = if prefix == "stage_rate" {
            a.funnel_stages.iter().map(|s| s.name.as_str()).collect()
        } else {
            a.lead_sources.iter().map(|s| s.name.as_str()).collect()
        };
        let index = names.iter().position(|n| *n == name).or_else(|| {
            let number: usize = name.parse().ok()?;
            (1..=names.len()).contains(&number).then(|| number - 1)
        })?;
        Some(make(index))
    }

    /// Its value in `a`; `None` when the scenario lacks it (no such source, no capacity, no
    /// cost per lead).
    pub fn value(self, a: &Assumptions) -> Option<f64> {
        match self {
            Self::RevenueGoal => Some(a.revenue_goal),
            Self::MarketingShare => Some(a.marketing_share_percent),
            Self::AverageDealSize => Some(a.average_deal_size),
            Self::LeadToCustomer => Some(a.lead_to_customer_percent),
            Self::StageRate(i) => a.funnel_stages.get(i).map(|s| s.rate_to_next_percent),
            Self::SourceShare(i) => a.lead_sources.get(i).map(|s| s.share_percent),
            Self::SourceRate(i) => a.lead_sources.get(i).map(|s| s.lead_to_customer_percent),
            Self::SourceDealSize(i) => a.lead_sources.get(i).map(|s| s.average_deal_size),
            Self::SourceCostPerLead(i) => a.lead_sources.get(i).and_then(|s| s.cost_per_lead),
            Self::Reps => a.capacity.map(|c| f64::from(c.reps)),
            Self::LeadsPerRep => a.capacity.map(|c| c.leads_per_rep_per_month),
        }
    }

    /// The id of the stage or lead source this input belongs to in `a`; `None` for an input of
    /// the scenario itself (and for a row `a` does not have).
    pub fn row(self, a: &Assumptions) -> Option<RowId> {
        match self {
            Self::StageRate(i) => a.funnel_stages.get(i).map(|s| s.id),
            Self::SourceShare(i)
            | Self::SourceRate(i)
            | Self::SourceDealSize(i)
            | Self::SourceCostPerLead(i) => a.lead_sources.get(i).map(|s| s.id),
            _ => None,
        }
    }

    /// The same input of row `row`, at the place that row has in `a` now (a row moves up when
    /// one above it is removed); `None` when `a` has no such row.
    pub fn of_row(self, row: RowId, a: &Assumptions) -> Option<Self> {
        let stage = || a.funnel_stages.iter().position(|s| s.id == row);
        let source = || a.lead_sources.iter().position(|s| s.id == row);
        match self {
            Self::StageRate(_) => stage().map(Self::StageRate),
            Self::SourceShare(_) => source().map(Self::SourceShare),
            Self::SourceRate(_) => source().map(Self::SourceRate),
            Self::SourceDealSize(_) => source().map(Self::SourceDealSize),
            Self::SourceCostPerLead(_) => source().map(Self::SourceCostPerLead),
            other => Some(other),
        }
    }

    /// Whether the scenario's plan uses this input: only the inputs of the chosen basis (one
    /// rate, funnel stages or lead sources), and the capacity inputs when capacity is planned.
    pub fn in_use(self, a: &Assumptions) -> bool {
        let present = self.value(a).is_some();
        match self {
            Self::RevenueGoal | Self::MarketingShare => true,
            Self::AverageDealSize => a.conversion != Conversion::LeadSources,
            Self::LeadToCustomer => a.conversion == Conversion::SingleRate,
            Self::StageRate(_) => present && a.conversion == Conversion::Stages,
            Self::SourceShare(_) | Self::SourceRate(_) | Self::SourceDealSize(_) => {
                present && a.conversion == Conversion::LeadSources
            }
            // A source without a cost per lead yet still has one to solve for: the budget
            // depends on it.
            Self::SourceCostPerLead(i) => {
                i < a.lead_sources.len() && a.conversion == Conversion::LeadSources
            }
            Self::Reps | Self::LeadsPerRep => present,
        }
    }

    /// Every input the scenario's plan uses, in the order of the Marketing tab.
    pub fn all_in_use(a: &Assumptions) -> Vec<Self> {
        let stages = (0..a.funnel_stages.len()).map(Self::StageRate);
        let sources = (0..a.lead_sources.len()).flat_map(|i| {
            [
                Self::SourceShare(i),
                Self::SourceRate(i),
                Self::SourceDealSize(i),
                Self::SourceCostPerLead(i),
            ]
        });
        [
            Self::RevenueGoal,
            Self::MarketingShare,
            Self::AverageDealSize,
            Self::LeadToCustomer,
        ]
        .into_iter()
        .chain(stages)
        .chain(sources)
        .chain([Self::Reps, Self::LeadsPerRep])
        .filter(|input| input.in_use(a))
        .collect()
    }

    /// A copy of `a` with this input set to `value`. `None` when the scenario lacks the stage,
    /// source or capacity, or for the share of a source whose siblings have no share to scale
    /// (the shares must add up to 100 %). A source without a cost per lead gets one. Reps are
    /// rounded to a whole number.
    pub fn with_value(self, a: &Assumptions, value: f64) -> Option<Assumptions> {
        let mut moved = a.clone();
        match self {
            Self::RevenueGoal => moved.revenue_goal = value,
            Self::MarketingShare => moved.marketing_share_percent = value,
            Self::AverageDealSize => moved.average_deal_size = value,
            Self::LeadToCustomer => moved.lead_to_customer_percent = value,
            Self::StageRate(i) => moved.funnel_stages.get_mut(i)?.rate_to_next_percent = value,
            Self::SourceShare(i) => set_share(&mut moved, i, value)?,
            Self::SourceRate(i) => moved.lead_sources.get_mut(i)?.lead_to_customer_percent = value,
            Self::SourceDealSize(i) => moved.lead_sources.get_mut(i)?.average_deal_size = value,
            Self::SourceCostPerLead(i) => {
                moved.lead_sources.get_mut(i)?.cost_per_lead = Some(value);
            }
            Self::Reps => moved.capacity.as_mut()?.reps = whole(value),
            Self::LeadsPerRep => moved.capacity.as_mut()?.leads_per_rep_per_month = value,
        }
        Some(moved)
    }
}

/// Sets source `i`'s share and scales the others by `(total − value) ÷ others`, so the sum of
/// the shares stays what it was and their proportions among themselves stay the same.
fn set_share(a: &mut Assumptions, i: usize, value: f64) -> Option<()> {
    let total: f64 = a.lead_sources.iter().map(|s| s.share_percent).sum();
    let own = a.lead_sources.get(i)?.share_percent;
    let others = total - own;
    if others <= 0.0 {
        return None;
    }
    let scale = (total - value) / others;
    for (j, source) in a.lead_sources.iter_mut().enumerate() {
        source.share_percent = if j == i {
            value
        } else {
            source.share_percent * scale
        };
    }
    Some(())
}

/// A count of reps from a number: rounded, and 0 for anything not a positive finite number.
fn whole(value: f64) -> u32 {
    if value.is_finite() && value > 0.0 {
        value.round().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

fn stage_name(a: &Assumptions, i: usize) -> &str {
    a.funnel_stages.get(i).map_or("", |s| s.name.as_str())
}

fn source_name(a: &Assumptions, i: usize) -> &str {
    a.lead_sources.get(i).map_or("", |s| s.name.as_str())
}

fn named_id(prefix: &str, name: &str, i: usize) -> String {
    if name.is_empty() {
        format!("{prefix}:{}", i + 1)
    } else {
        format!("{prefix}:{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SlaDocument;

    fn example() -> Assumptions {
        SlaDocument::example().unwrap().scenarios[0]
            .assumptions
            .clone()
    }

    #[test]
    fn ids_round_trip_for_every_input_in_use() {
        let a = example();
        let inputs = Input::all_in_use(&a);
        assert!(inputs.contains(&Input::SourceRate(1)));
        assert!(!inputs.contains(&Input::AverageDealSize), "sources set it");
        for input in inputs {
            assert_eq!(Input::parse(&input.id(&a), &a), Some(input));
        }
        assert_eq!(Input::SourceRate(1).id(&a), "source_rate:Webinars");
        assert_eq!(
            Input::parse("source_rate:2", &a),
            Some(Input::SourceRate(1))
        );
        assert_eq!(Input::parse("source_rate:Radio", &a), None);
        assert_eq!(Input::parse("colour", &a), None);
        let mut without_cost = a.clone();
        without_cost.lead_sources[1].cost_per_lead = None;
        assert!(Input::SourceCostPerLead(1).in_use(&without_cost));
        assert!(!Input::SourceCostPerLead(3).in_use(&without_cost));
    }

    #[test]
    fn a_share_moves_the_others_in_proportion() {
        let a = example();
        let moved = Input::SourceShare(0).with_value(&a, 40.0).unwrap();
        let shares: Vec<f64> = moved.lead_sources.iter().map(|s| s.share_percent).collect();
        // 20/30/50 → 40, and 30:50 keeps its proportion in the remaining 60: 22.5 and 37.5.
        assert_eq!(shares, [40.0, 22.5, 37.5]);
        let mut single = a.clone();
        single.lead_sources.truncate(1);
        single.lead_sources[0].share_percent = 100.0;
        assert_eq!(Input::SourceShare(0).with_value(&single, 90.0), None);
    }
}
