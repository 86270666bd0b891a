//! The results a goal seek can aim at, read from a [`Plan`] in the units users see.

use crate::i18n::Language;
use crate::plan::{Plan, Unit};

/// A result of the plan that a goal seek can set a target for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    LeadsNeeded,
    LeadsPerMonth,
    LeadsPerWorkingDay,
    CustomersNeeded,
    /// Σ leads × cost per lead over the lead sources.
    Budget,
    /// The busiest month's leads ÷ sales capacity, in percent (100 = fully used).
    PeakUtilisation,
}

impl Metric {
    pub const ALL: [Self; 6] = [
        Self::LeadsNeeded,
        Self::LeadsPerMonth,
        Self::LeadsPerWorkingDay,
        Self::CustomersNeeded,
        Self::Budget,
        Self::PeakUtilisation,
    ];

    /// The name scripts use on the command line and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::LeadsNeeded => "leads_needed",
            Self::LeadsPerMonth => "leads_per_month",
            Self::LeadsPerWorkingDay => "leads_per_working_day",
            Self::CustomersNeeded => "customers_needed",
            Self::Budget => "budget",
            Self::PeakUtilisation => "peak_utilisation",
        }
    }

    /// The metric with this [`Self::id`].
    pub fn parse(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.id() == id.trim())
    }

    /// Its value in `plan`, in the unit of [`Self::unit`]; `None` when the plan has no such
    /// result (no cost per lead, no sales capacity, no working day).
    pub fn of(self, plan: &Plan) -> Option<f64> {
        match self {
            Self::LeadsNeeded => Some(plan.leads_needed),
            Self::LeadsPerMonth => Some(plan.leads_per_month),
            Self::LeadsPerWorkingDay => plan.leads_per_working_day,
            Self::CustomersNeeded => Some(plan.customers_needed),
            Self::Budget => plan.budget.as_ref().map(|b| b.total),
            Self::PeakUtilisation => plan.capacity.as_ref().map(|c| c.peak_utilisation * 100.0),
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Self::Budget => Unit::Money,
            Self::PeakUtilisation => Unit::Percent,
            Self::LeadsNeeded
            | Self::LeadsPerMonth
            | Self::LeadsPerWorkingDay
            | Self::CustomersNeeded => Unit::Plain,
        }
    }

    /// The metric as the user knows it from the results panel.
    pub fn name(self, language: Language) -> &'static str {
        let t = language.text();
        match self {
            Self::LeadsNeeded => t.leads_needed,
            Self::LeadsPerMonth => t.leads_per_month,
            Self::LeadsPerWorkingDay => t.leads_per_working_day,
            Self::CustomersNeeded => t.customers_needed,
            Self::Budget => t.marketing_budget,
            Self::PeakUtilisation => t.whatif_peak_utilisation,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for metric in Metric::ALL {
            assert_eq!(Metric::parse(metric.id()), Some(metric));
        }
        assert_eq!(Metric::parse("leads"), None);
    }
}
