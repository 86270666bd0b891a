//! Putting the plan's own things into words: field names, values with their unit, problems,
//! warnings, the basis, countries and the lag.

use super::{Language, fill};
use crate::plan::holidays::Country;
use crate::plan::{Assumptions, Basis, Field, Problem, Rule, Unit, Value, Warning};

impl Language {
    /// The field's name as the user sees it, with the stage or source name where there is one:
    /// "Lead sources › Webinars › Share".
    pub fn field(self, field: Field, scenario: Option<&Assumptions>) -> String {
        let t = self.text();
        let stage = |i: usize| {
            let name = scenario
                .and_then(|a| a.funnel_stages.get(i))
                .map(|s| s.name.as_str())
                .filter(|n| !n.is_empty());
            match name {
                Some(name) => name.to_owned(),
                None => fill(t.numbered_stage, &[("n", &(i + 1).to_string())]),
            }
        };
        let source = |i: usize| {
            let name = scenario
                .and_then(|a| a.lead_sources.get(i))
                .map(|s| s.name.as_str())
                .filter(|n| !n.is_empty());
            match name {
                Some(name) => name.to_owned(),
                None => fill(t.numbered_source, &[("n", &(i + 1).to_string())]),
            }
        };
        let nested = |parts: &[&str]| parts.join(" › ");
        match field {
            Field::RevenueGoal => t.revenue_goal.to_owned(),
            Field::MarketingShare => t.marketing_share.to_owned(),
            Field::AverageDealSize => t.average_deal_size.to_owned(),
            Field::LeadToCustomerRate => t.lead_to_customer_rate.to_owned(),
            Field::Months => t.months.to_owned(),
            Field::SeasonalityWeights => t.seasonality.to_owned(),
            Field::SeasonalityWeight(i) => {
                let month = fill(t.numbered_month, &[("n", &(i + 1).to_string())]);
                nested(&[t.seasonality, &month])
            }
            Field::FunnelStages => t.funnel_stages.to_owned(),
            Field::StageRate(i) => nested(&[t.funnel_stages, &stage(i), t.rate_to_next]),
            Field::LeadSources => t.lead_sources.to_owned(),
            Field::SourceShares => nested(&[t.lead_sources, t.share]),
            Field::SourceShare(i) => nested(&[t.lead_sources, &source(i), t.share]),
            Field::SourceRate(i) => nested(&[t.lead_sources, &source(i), t.lead_to_customer_rate]),
            Field::SourceDealSize(i) => nested(&[t.lead_sources, &source(i), t.average_deal_size]),
            Field::SourceCostPerLead(i) => nested(&[t.lead_sources, &source(i), t.cost_per_lead]),
            Field::SalesCycleLag | Field::SalesCycleLagShares => t.sales_cycle_lag.to_owned(),
            Field::SalesCycleLagShare(k) => nested(&[t.sales_cycle_lag, &self.lag_delay(k)]),
            Field::Reps => t.reps.to_owned(),
            Field::LeadsPerRep => t.leads_per_rep.to_owned(),
            Field::FirstContactHours => t.first_contact_within.to_owned(),
            Field::MinimumAttempts => t.minimum_attempts.to_owned(),
            Field::AttemptsWithinDays => t.attempts_within.to_owned(),
            Field::AcceptWithinHours => t.accept_within.to_owned(),
            Field::ComplianceTarget => t.compliance_target.to_owned(),
            Field::BusinessDayEnd => t.business_day_end.to_owned(),
        }
    }

    /// A number in a field's unit: "€25,000", "50%", "3 months", "48 hours".
    pub fn with_unit(self, value: f64, unit: Unit, currency: &str) -> String {
        let n = self.numbers();
        let t = self.text();
        let one = value == 1.0;
        let count = |singular, plural| {
            fill(
                if one { singular } else { plural },
                &[("n", &n.decimal(value, 2))],
            )
        };
        match unit {
            Unit::Money => n.money(value, currency),
            Unit::Percent => n.percent(value),
            Unit::Months => count(t.one_month, t.n_months),
            Unit::Hours => count(t.one_hour, t.n_hours),
            Unit::Days => count(t.one_day, t.n_days),
            Unit::Plain => n.decimal(value, 2),
        }
    }

    /// What is wrong and what is allowed, in one sentence without the field name.
    /// Why an allowed input is unusual, beside the field: the question the user should ask.
    pub fn unusual(self, unusual: crate::plan::Unusual, currency: &str) -> String {
        use crate::plan::{HIGH_RATE_PERCENT, SMALL_DEAL, Unit, Unusual};
        let t = self.text();
        match unusual {
            Unusual::SmallDeal => fill(
                t.unusual_small_deal,
                &[("min", &self.with_unit(SMALL_DEAL, Unit::Money, currency))],
            ),
            Unusual::HighRate => fill(
                t.unusual_high_rate,
                &[(
                    "max",
                    &self.with_unit(HIGH_RATE_PERCENT, Unit::Percent, currency),
                )],
            ),
            Unusual::GoalBelowDeal { deal } => fill(
                t.unusual_goal_below_deal,
                &[("deal", &self.with_unit(deal, Unit::Money, currency))],
            ),
        }
    }

    pub fn rule(self, problem: &Problem, currency: &str) -> String {
        let t = self.text();
        let n = self.numbers();
        let unit = problem.field.unit();
        let value = match problem.value {
            Value::Number(v) if v.is_nan() => t.not_a_number.to_owned(),
            Value::Number(v) => self.with_unit(v, unit, currency),
            Value::Count(c) => c.to_string(),
        };
        let limit = |template: &str, name: &str, limit: f64| {
            fill(
                template,
                &[
                    ("value", value.as_str()),
                    (name, &self.with_unit(limit, unit, currency)),
                ],
            )
        };
        match (problem.rule, problem.value) {
            // Say which end was crossed: a value above the maximum is never "below the minimum".
            (Rule::Between { max, .. }, Value::Number(v)) if v > max => {
                limit(t.rule_at_most, "max", max)
            }
            (Rule::Between { min, .. }, Value::Number(v)) if v < min => {
                limit(t.rule_at_least, "min", min)
            }
            // Not a number: neither end, so the whole range.
            (Rule::Between { min, max }, _) => fill(
                t.rule_between,
                &[
                    ("value", &value),
                    ("min", &self.with_unit(min, unit, currency)),
                    ("max", &self.with_unit(max, unit, currency)),
                ],
            ),
            (Rule::WholeBetween { min, max }, _) => fill(
                t.rule_whole_between,
                &[
                    ("value", &value),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            (Rule::SumTo(total), _) => fill(
                t.rule_sum_to,
                &[("value", &value), ("total", &n.percent(total))],
            ),
            (Rule::NotAllZero, _) => t.rule_not_all_zero.to_owned(),
            (Rule::Count(expected), _) => fill(
                t.rule_count,
                &[("value", &value), ("expected", &expected.to_string())],
            ),
            (Rule::CountBetween { min, max }, _) => fill(
                t.rule_count_between,
                &[
                    ("value", &value),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
        }
    }

    /// "Average deal size: €−5 is below the minimum of €0.01." Amounts are shown without
    /// a currency symbol when no document (and so no currency) is known.
    pub fn problem(self, problem: &Problem, scenario: Option<&Assumptions>) -> String {
        self.problem_in(problem, scenario, "")
    }

    /// [`Self::problem`] with amounts in `currency`.
    pub fn problem_in(
        self,
        problem: &Problem,
        scenario: Option<&Assumptions>,
        currency: &str,
    ) -> String {
        format!(
            "{}: {}",
            self.field(problem.field, scenario),
            self.rule(problem, currency)
        )
    }

    /// A country's name.
    pub fn country(self, country: Country) -> &'static str {
        let t = self.text();
        match country {
            Country::Netherlands => t.country_netherlands,
            Country::Belgium => t.country_belgium,
            Country::Germany => t.country_germany,
            Country::UnitedKingdom => t.country_united_kingdom,
            Country::UnitedStates => t.country_united_states,
        }
    }

    /// What sets leads and customers, in words.
    pub fn basis(self, basis: Basis) -> &'static str {
        let t = self.text();
        match basis {
            Basis::SingleRate => t.basis_single_rate,
            Basis::Stages => t.basis_stages,
            Basis::LeadSources => t.basis_lead_sources,
        }
    }

    /// A warning about a valid plan, in words.
    pub fn warning(self, warning: &Warning) -> String {
        let t = self.text();
        let n = self.numbers();
        match warning {
            Warning::OverCapacity {
                months,
                peak_utilisation,
                reps_needed,
            } => fill(
                t.warn_over_capacity,
                &[
                    ("months", &join_months(self, months)),
                    ("peak", &n.share(*peak_utilisation)),
                    ("reps", &reps_needed.to_string()),
                ],
            ),
            Warning::LeadsBeforePeriod { leads, from } => fill(
                t.warn_leads_before_period,
                &[("leads", &n.count_up(*leads)), ("from", &self.month(*from))],
            ),
            Warning::LeadsAfterPeriod { months: 1 } => t.warn_leads_after_last_month.to_owned(),
            Warning::LeadsAfterPeriod { months } => fill(
                t.warn_leads_after_period,
                &[("months", &months.to_string())],
            ),
            Warning::LagUnmet {
                month,
                planned,
                expected,
            } => fill(
                t.warn_lag_unmet,
                &[
                    ("month", &self.month(*month)),
                    ("planned", &n.decimal(*planned, 1)),
                    ("expected", &n.decimal(*expected, 1)),
                ],
            ),
            Warning::NoHolidays => t.warn_no_holidays.to_owned(),
            Warning::NoWorkingDays { month } => {
                fill(t.warn_no_working_days, &[("month", &self.month(*month))])
            }
            Warning::SlowFirstContact { hours } => fill(
                t.warn_slow_first_contact,
                &[("hours", &n.decimal(*hours, 2))],
            ),
            Warning::FewAttempts { attempts } => {
                fill(t.warn_few_attempts, &[("attempts", &attempts.to_string())])
            }
        }
    }

    /// A month of delay as the lag editor labels it: "Same month", "1 month later", "3 months
    /// later".
    pub fn lag_delay(self, months: usize) -> String {
        let t = self.text();
        match months {
            0 => t.lag_field_same_month.to_owned(),
            1 => t.lag_field_one_later.to_owned(),
            k => fill(t.lag_field_later, &[("n", &k.to_string())]),
        }
    }

    /// When leads close, in a sentence: "in the same month", "2 months later", or for a lag
    /// spread over months its shares: "60% in the same month, 30% a month later, 10% 2 months
    /// later".
    pub fn lag_words(self, lag: &crate::plan::Lag) -> String {
        let t = self.text();
        let when = |k: usize| match k {
            0 => t.lag_same_month.to_owned(),
            1 => t.lag_a_month_later.to_owned(),
            k => fill(t.lag_months_later, &[("n", &k.to_string())]),
        };
        if let Some(months) = lag.single() {
            return when(months as usize);
        }
        let n = self.numbers();
        lag.shares()
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0.0)
            .map(|(k, w)| {
                fill(
                    t.lag_share_when,
                    &[("share", &n.fraction_as_percent(*w)), ("when", &when(k))],
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn join_months(language: Language, months: &[crate::plan::YearMonth]) -> String {
    months
        .iter()
        .map(|m| language.month(*m))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_month_of_lag_is_the_last_month_and_more_are_counted() {
        let one = Warning::LeadsAfterPeriod { months: 1 };
        let two = Warning::LeadsAfterPeriod { months: 2 };
        assert!(
            Language::English
                .warning(&one)
                .starts_with("Leads of the last month close")
        );
        assert!(
            Language::English
                .warning(&two)
                .starts_with("Leads of the last 2 months close")
        );
        assert!(
            Language::Dutch
                .warning(&one)
                .starts_with("Leads van de laatste maand worden")
        );
        assert!(
            Language::Dutch
                .warning(&two)
                .starts_with("Leads van de laatste 2 maanden worden")
        );
    }
}
