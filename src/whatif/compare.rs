//! Scenarios side by side: their inputs and key results, and each one's difference to the
//! agreed plan, absolute and in percent. The compare view and any export draw this table.

use crate::document::{Scenario, ScenarioId, SlaDocument};
use crate::plan::{Plan, Unit, compute, funnel};

/// A row of the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    RevenueGoal,
    MarketingShare,
    /// The deal size in force (blended over the lead sources).
    AverageDealSize,
    /// The lead-to-customer rate in force, in percent.
    LeadToCustomer,
    CustomersNeeded,
    LeadsNeeded,
    LeadsPerMonth,
    Budget,
    /// Peak capacity used, in percent.
    PeakUtilisation,
}

impl Row {
    pub const ALL: [Self; 9] = [
        Self::RevenueGoal,
        Self::MarketingShare,
        Self::AverageDealSize,
        Self::LeadToCustomer,
        Self::CustomersNeeded,
        Self::LeadsNeeded,
        Self::LeadsPerMonth,
        Self::Budget,
        Self::PeakUtilisation,
    ];

    pub fn unit(self) -> Unit {
        match self {
            Self::RevenueGoal | Self::AverageDealSize | Self::Budget => Unit::Money,
            Self::MarketingShare | Self::LeadToCustomer | Self::PeakUtilisation => Unit::Percent,
            Self::CustomersNeeded | Self::LeadsNeeded | Self::LeadsPerMonth => Unit::Plain,
        }
    }

    /// Customers and leads needed: counts, compared as the whole numbers every other place
    /// shows (rounded up, [`funnel::whole_up`]).
    pub fn is_count(self) -> bool {
        matches!(self, Self::CustomersNeeded | Self::LeadsNeeded)
    }

    /// Its value in a plan as a person reads it (a count whole); `None` where the plan has no
    /// such result.
    pub fn of(self, plan: &Plan) -> Option<f64> {
        let value = self.exact(plan)?;
        Some(if self.is_count() {
            funnel::whole_up(value)
        } else {
            value
        })
    }

    fn exact(self, plan: &Plan) -> Option<f64> {
        match self {
            Self::RevenueGoal => Some(plan.revenue),
            Self::MarketingShare => {
                (plan.revenue > 0.0).then(|| 100.0 * plan.marketing_revenue / plan.revenue)
            }
            Self::AverageDealSize => Some(plan.average_deal_size),
            Self::LeadToCustomer => Some(plan.lead_to_customer * 100.0),
            Self::CustomersNeeded => Some(plan.customers_needed),
            Self::LeadsNeeded => Some(plan.leads_needed),
            Self::LeadsPerMonth => Some(plan.leads_per_month),
            Self::Budget => plan.budget.as_ref().map(|b| b.total),
            Self::PeakUtilisation => plan.capacity.as_ref().map(|c| c.peak_utilisation * 100.0),
        }
    }
}

/// A monthly series the compare view draws as grouped bars, one bar per scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Monthly {
    /// Leads to generate each month.
    Leads,
    /// Customers to close each month.
    Customers,
    /// Marketing spend each month: Σ over the sources of that month's leads × cost per lead.
    Budget,
}

impl Monthly {
    pub const ALL: [Self; 3] = [Self::Leads, Self::Customers, Self::Budget];

    /// The series of a plan (leads and customers as the whole targets of the months); `None`
    /// for the budget when no source has a cost per lead.
    /// A source's cost per lead is its cost ÷ its leads (the plan keeps both).
    pub fn of(self, plan: &Plan) -> Option<Vec<f64>> {
        match self {
            Self::Leads => Some(plan.whole_per_month(|m| m.leads)),
            Self::Customers => Some(plan.whole_per_month(|m| m.customers)),
            Self::Budget => {
                plan.budget.as_ref()?;
                let mut spend = vec![0.0; plan.months.len()];
                for source in &plan.sources {
                    let Some(cost) = source.cost.filter(|_| source.leads > 0.0) else {
                        continue;
                    };
                    let per_lead = cost / source.leads;
                    for (month, leads) in spend.iter_mut().zip(&source.leads_per_month) {
                        *month += leads * per_lead;
                    }
                }
                Some(spend)
            }
        }
    }
}

/// A value's difference to the agreed plan's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    /// value − agreed.
    pub absolute: f64,
    /// (value − agreed) ÷ agreed, as a fraction; `None` when the agreed value is 0.
    pub relative: Option<f64>,
}

impl Difference {
    /// `None` when either value is missing; a zero difference is still a difference of 0.
    pub fn between(value: Option<f64>, agreed: Option<f64>) -> Option<Self> {
        let (value, agreed) = (value?, agreed?);
        let absolute = value - agreed;
        Some(Self {
            absolute,
            relative: (agreed != 0.0).then(|| absolute / agreed),
        })
    }

    /// Whether the values differ by more than binary noise (one part in a billion).
    pub fn is_change(self) -> bool {
        self.relative
            .map_or(self.absolute != 0.0, |r| r.abs() > 1e-9)
    }
}

/// One scenario's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    /// The scenario's id in the document.
    pub id: ScenarioId,
    /// The plan; `None` when the scenario has an input out of range.
    pub plan: Option<Plan>,
}

impl Column {
    pub fn value(&self, row: Row) -> Option<f64> {
        self.plan.as_ref().and_then(|p| row.of(p))
    }
}

/// The chosen scenarios of a document, planned, with the agreed plan's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub columns: Vec<Column>,
    /// The agreed plan, also when it is not among the chosen columns.
    pub agreed: Column,
}

impl Comparison {
    /// Scenarios `chosen` (the agreed plan among them or not) of `doc`, in the order given;
    /// `None` when the document has no scenario.
    pub fn of(doc: &SlaDocument, chosen: &[ScenarioId]) -> Option<Self> {
        let column = |s: &Scenario| Column {
            name: s.name.clone(),
            id: s.id,
            plan: compute(&s.assumptions, &doc.sales_commitments).ok(),
        };
        Some(Self {
            columns: chosen
                .iter()
                .filter_map(|id| doc.scenario(*id))
                .map(column)
                .collect(),
            agreed: column(doc.agreed()?),
        })
    }

    /// A column's difference to the agreed plan on `line`.
    pub fn difference(&self, column: &Column, row: Row) -> Option<Difference> {
        Difference::between(column.value(row), self.agreed.value(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(doc: &SlaDocument) -> Vec<ScenarioId> {
        doc.scenarios.iter().map(|s| s.id).collect()
    }

    #[test]
    fn differences_to_the_agreed_plan() {
        let doc = SlaDocument::example().unwrap();
        let c = Comparison::of(&doc, &ids(&doc)).unwrap();
        assert_eq!(c.agreed.name, "Plan 2027");
        let cautious = &c.columns[1];
        // Cautious: 48 customers against 1,440,000 ÷ 29,111 = 49.46, so 50, in the agreed plan.
        let d = c.difference(cautious, Row::CustomersNeeded).unwrap();
        assert_eq!(c.agreed.value(Row::CustomersNeeded), Some(50.0));
        assert_eq!(d.absolute, -2.0);
        assert_eq!(d.relative, Some(-2.0 / 50.0));
        assert!(d.is_change());
        let same = c.difference(&c.columns[0], Row::LeadsNeeded).unwrap();
        assert!(!same.is_change());
        assert_eq!(
            c.difference(cautious, Row::Budget),
            None,
            "no cost per lead"
        );
    }

    #[test]
    fn the_monthly_budget_adds_up_to_the_budget() {
        let doc = SlaDocument::example().unwrap();
        let c = Comparison::of(&doc, &ids(&doc)).unwrap();
        let plan = c.agreed.plan.as_ref().unwrap();
        let spend: f64 = Monthly::Budget.of(plan).unwrap().iter().sum();
        let total = plan.budget.as_ref().unwrap().total;
        assert!((spend - total).abs() < 1e-9 * total);
        let cautious = c.columns[1].plan.as_ref().unwrap();
        assert_eq!(Monthly::Budget.of(cautious), None);
    }
}
