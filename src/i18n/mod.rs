//! Every user-facing word and number goes through here, so a language is one more [`Text`]
//! table (English and Dutch today) and no panel or command hard-codes English or a number
//! format.
//!
//! Messages with values use `{name}` placeholders, filled by [`fill`]; a translation may put
//! them in any order.

mod dates;
mod en;
mod explain;
mod fields;
pub mod format;
mod nl;
mod text;
mod words;

pub use explain::explanation;
pub use format::{NO_NUMBER, NumberStyle};
pub use text::Text;

/// A language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Language {
    #[default]
    English,
    Dutch,
}

impl Language {
    pub const ALL: [Self; 2] = [Self::English, Self::Dutch];

    /// All user-facing text of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Self::English => &en::TEXT,
            Self::Dutch => &nl::TEXT,
        }
    }

    pub fn numbers(self) -> NumberStyle {
        match self {
            Self::English => NumberStyle::ENGLISH,
            Self::Dutch => NumberStyle::DUTCH,
        }
    }

    /// Items as a sentence lists them: "1", "1 and 2", "1, 2 and 3".
    pub fn list(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.text().list_and),
        }
    }

    /// The language's name in itself, for the menu: "English", "Nederlands".
    pub fn name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Dutch => "Nederlands",
        }
    }

    /// The language of a locale such as `nl_NL.UTF-8`, `nl-BE` or `en-GB`; English for any
    /// language without a translation.
    pub fn from_locale(locale: &str) -> Self {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("nl") {
            Self::Dutch
        } else {
            Self::English
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{
        Assumptions, Conversion, Field, LeadSource, SalesCapacity, SalesCommitments,
        validate_assumptions, validate_commitments,
    };

    #[test]
    fn problems_name_field_value_and_range() {
        let a = Assumptions {
            average_deal_size: -5.0,
            ..Assumptions::default()
        };
        let problem = validate_assumptions(&a)[0];
        assert_eq!(
            Language::English.problem_in(&problem, Some(&a), "EUR"),
            "Average deal size: €−5 is below the minimum of €0.01."
        );
    }

    #[test]
    fn nested_fields_use_the_names_the_user_gave() {
        let a = Assumptions {
            lead_sources: vec![
                LeadSource {
                    name: "Webinars".into(),
                    share_percent: 140.0,
                    ..LeadSource::default()
                },
                LeadSource::default(),
            ],
            conversion: Conversion::LeadSources,
            ..Assumptions::default()
        };
        let problems = validate_assumptions(&a);
        let texts: Vec<String> = problems
            .iter()
            .map(|p| Language::English.problem(p, Some(&a)))
            .collect();
        assert_eq!(
            texts,
            vec![
                "Lead sources › Webinars › Share: 140% is above the maximum of 100%.",
                "Lead sources › Share: the shares add up to 140%; they must add up to 100%.",
            ]
        );
    }

    /// Every input with a range, set to `value` (the scenario uses the basis the field needs).
    fn with_value(field: Field, value: f64) -> (Assumptions, SalesCommitments) {
        let mut a = Assumptions {
            lead_sources: vec![LeadSource {
                share_percent: 100.0,
                ..LeadSource::default()
            }],
            seasonality: vec![1.0; 12],
            capacity: Some(SalesCapacity::default()),
            ..Assumptions::default()
        };
        let mut c = SalesCommitments::default();
        let whole = value.clamp(0.0, 1e9) as u32;
        match field {
            Field::RevenueGoal => a.revenue_goal = value,
            Field::MarketingShare => a.marketing_share_percent = value,
            Field::AverageDealSize => a.average_deal_size = value,
            Field::LeadToCustomerRate => a.lead_to_customer_percent = value,
            Field::SeasonalityWeight(i) => a.seasonality[i] = value,
            Field::StageRate(i) => {
                a.conversion = Conversion::Stages;
                a.funnel_stages[i].rate_to_next_percent = value;
            }
            Field::SourceRate(i) => {
                a.conversion = Conversion::LeadSources;
                a.lead_sources[i].lead_to_customer_percent = value;
            }
            Field::SourceDealSize(i) => {
                a.conversion = Conversion::LeadSources;
                a.lead_sources[i].average_deal_size = value;
            }
            Field::SourceCostPerLead(i) => {
                a.conversion = Conversion::LeadSources;
                a.lead_sources[i].cost_per_lead = Some(value);
            }
            Field::LeadsPerRep => {
                if let Some(capacity) = &mut a.capacity {
                    capacity.leads_per_rep_per_month = value;
                }
            }
            Field::Months => a.period.months = whole,
            Field::SalesCycleLag => a.sales_cycle_lag_months = whole,
            Field::Reps => {
                if let Some(capacity) = &mut a.capacity {
                    capacity.reps = whole;
                }
            }
            Field::FirstContactHours => c.first_contact_within_hours = value,
            Field::MinimumAttempts => c.minimum_attempts = whole,
            Field::AttemptsWithinDays => c.attempts_within_days = whole,
            Field::AcceptWithinHours => c.accept_within_hours = value,
            Field::ComplianceTarget => c.compliance_target_percent = value,
            other => panic!("{other:?} has no range of its own"),
        }
        (a, c)
    }

    #[test]
    fn messages_name_the_end_of_the_range_that_was_crossed() {
        let numbers = [
            Field::RevenueGoal,
            Field::MarketingShare,
            Field::AverageDealSize,
            Field::LeadToCustomerRate,
            Field::SeasonalityWeight(3),
            Field::StageRate(1),
            Field::SourceRate(0),
            Field::SourceDealSize(0),
            Field::SourceCostPerLead(0),
            Field::LeadsPerRep,
            Field::FirstContactHours,
            Field::AcceptWithinHours,
            Field::ComplianceTarget,
        ];
        for field in numbers {
            for (value, words) in [(-1e15, "below the minimum"), (1e15, "above the maximum")] {
                let (a, c) = with_value(field, value);
                let problems = [validate_assumptions(&a), validate_commitments(&c)].concat();
                let problem = problems
                    .iter()
                    .find(|p| p.field == field)
                    .unwrap_or_else(|| panic!("{field:?} = {value} passes"));
                let text = Language::English.problem_in(problem, Some(&a), "EUR");
                assert!(text.contains(words), "{field:?} = {value}: {text}");
            }
        }
        let wholes = [
            Field::Months,
            Field::SalesCycleLag,
            Field::Reps,
            Field::MinimumAttempts,
            Field::AttemptsWithinDays,
        ];
        for field in wholes {
            for value in [0.0, 1e6] {
                let (a, c) = with_value(field, value);
                let problems = [validate_assumptions(&a), validate_commitments(&c)].concat();
                if let Some(problem) = problems.iter().find(|p| p.field == field) {
                    let text = Language::English.problem_in(problem, Some(&a), "EUR");
                    assert!(text.contains("use a whole number from"), "{text}");
                } else {
                    assert!(value == 0.0, "{field:?} = {value} passes");
                }
            }
        }
        // The case from the issue: twelve trillion is above the maximum, not below the minimum.
        let (a, _) = with_value(Field::RevenueGoal, 12_000_003_000_000.0);
        let text = Language::English.problem_in(&validate_assumptions(&a)[0], None, "EUR");
        assert_eq!(
            text,
            "Revenue goal: €12,000,003,000,000 is above the maximum of €1,000,000,000,000."
        );
    }

    #[test]
    fn nan_is_called_not_a_number() {
        let a = Assumptions {
            marketing_share_percent: f64::NAN,
            ..Assumptions::default()
        };
        let text = Language::English.problem(&validate_assumptions(&a)[0], None);
        assert_eq!(
            text,
            "Marketing share of revenue: not a number is outside the allowed range 0% to 100%."
        );
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} and {b} and {a}", &[("a", "1"), ("b", "2")]),
            "1 and 2 and 1"
        );
    }
}
