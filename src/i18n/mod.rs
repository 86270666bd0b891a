//! Every user-facing word and number goes through here, so a second language is one more
//! [`Text`] table (Dutch follows) and no panel or command hard-codes English or a number format.
//!
//! Messages with values use `{name}` placeholders, filled by [`fill`]; a translation may put
//! them in any order.

mod en;
pub mod format;

pub use format::{NO_NUMBER, NumberStyle};

use crate::plan::{Assumptions, Basis, Field, MAX_AMOUNT, Problem, Rule, Unit, Value, Warning};

/// A language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Language {
    #[default]
    English,
}

impl Language {
    /// All user-facing text of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Self::English => &en::TEXT,
        }
    }

    pub fn numbers(self) -> NumberStyle {
        match self {
            Self::English => NumberStyle::ENGLISH,
        }
    }

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
            Field::SalesCycleLag => t.sales_cycle_lag.to_owned(),
            Field::Reps => t.reps.to_owned(),
            Field::LeadsPerRep => t.leads_per_rep.to_owned(),
            Field::FirstContactHours => t.first_contact_within.to_owned(),
            Field::MinimumAttempts => t.minimum_attempts.to_owned(),
            Field::AttemptsWithinDays => t.attempts_within.to_owned(),
            Field::AcceptWithinHours => t.accept_within.to_owned(),
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
    pub fn rule(self, problem: &Problem, currency: &str) -> String {
        let t = self.text();
        let n = self.numbers();
        let unit = problem.field.unit();
        let value = match problem.value {
            Value::Number(v) if v.is_nan() => t.not_a_number.to_owned(),
            Value::Number(v) => self.with_unit(v, unit, currency),
            Value::Count(c) => c.to_string(),
        };
        match problem.rule {
            // The upper limits of amounts only keep the arithmetic finite; naming a trillion
            // would not help anyone, so only the minimum is mentioned.
            Rule::Between { min, max } if max >= MAX_AMOUNT => fill(
                t.rule_at_least,
                &[
                    ("value", &value),
                    ("min", &self.with_unit(min, unit, currency)),
                ],
            ),
            Rule::Between { min, max } => fill(
                t.rule_between,
                &[
                    ("value", &value),
                    ("min", &self.with_unit(min, unit, currency)),
                    ("max", &self.with_unit(max, unit, currency)),
                ],
            ),
            Rule::WholeBetween { min, max } => fill(
                t.rule_whole_between,
                &[
                    ("value", &value),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            Rule::SumTo(total) => fill(
                t.rule_sum_to,
                &[("value", &value), ("total", &n.percent(total))],
            ),
            Rule::NotAllZero => t.rule_not_all_zero.to_owned(),
            Rule::Count(expected) => fill(
                t.rule_count,
                &[("value", &value), ("expected", &expected.to_string())],
            ),
            Rule::CountBetween { min, max } => fill(
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
                    ("months", &join_months(months)),
                    ("peak", &n.fraction_as_percent(*peak_utilisation)),
                    ("reps", &reps_needed.to_string()),
                ],
            ),
            Warning::LeadsBeforePeriod { leads, from } => fill(
                t.warn_leads_before_period,
                &[("leads", &n.count_up(*leads)), ("from", &from.to_string())],
            ),
            Warning::LeadsAfterPeriod { months } => fill(
                t.warn_leads_after_period,
                &[("months", &months.to_string())],
            ),
            Warning::NoWorkingDays { month } => {
                fill(t.warn_no_working_days, &[("month", &month.to_string())])
            }
            Warning::StagesDisagreeWithSources { stages, sources } => fill(
                t.warn_stages_disagree,
                &[
                    ("stages", &n.fraction_as_percent(*stages)),
                    ("sources", &n.fraction_as_percent(*sources)),
                ],
            ),
            Warning::SlowFirstContact { hours } => fill(
                t.warn_slow_first_contact,
                &[("hours", &n.decimal(*hours, 2))],
            ),
            Warning::FewAttempts { attempts } => {
                fill(t.warn_few_attempts, &[("attempts", &attempts.to_string())])
            }
        }
    }
}

fn join_months(months: &[crate::plan::YearMonth]) -> String {
    months
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// All user-facing text of one language. A field per string keeps translations complete: a
/// language that misses one does not compile.
#[derive(Debug)]
pub struct Text {
    // Step 1 inputs, named as in the brief.
    pub revenue_goal: &'static str,
    pub marketing_share: &'static str,
    pub average_deal_size: &'static str,
    pub lead_to_customer_rate: &'static str,
    pub months: &'static str,
    pub seasonality: &'static str,
    pub numbered_month: &'static str,
    pub funnel_stages: &'static str,
    pub numbered_stage: &'static str,
    pub rate_to_next: &'static str,
    pub lead_sources: &'static str,
    pub numbered_source: &'static str,
    pub share: &'static str,
    pub cost_per_lead: &'static str,
    pub cost: &'static str,
    pub sales_cycle_lag: &'static str,
    pub reps: &'static str,
    pub leads_per_rep: &'static str,
    // Results.
    pub period: &'static str,
    pub period_summary: &'static str,
    pub marketing_revenue_target: &'static str,
    pub customers_needed: &'static str,
    pub leads_needed: &'static str,
    pub lead_value: &'static str,
    pub leads_per_month: &'static str,
    pub leads_per_week: &'static str,
    pub leads_per_working_day: &'static str,
    pub month: &'static str,
    pub working_days: &'static str,
    pub revenue: &'static str,
    pub marketing_revenue: &'static str,
    pub customers: &'static str,
    pub leads: &'static str,
    pub leads_per_day: &'static str,
    pub warnings: &'static str,
    pub basis_single_rate: &'static str,
    pub basis_stages: &'static str,
    pub basis_lead_sources: &'static str,
    // Command line.
    pub cli_no_such_scenario: &'static str,
    pub cli_valid: &'static str,
    pub cli_problems: &'static str,
    // Step 2.
    pub first_contact_within: &'static str,
    pub minimum_attempts: &'static str,
    pub attempts_within: &'static str,
    pub accept_within: &'static str,
    // Units.
    pub one_month: &'static str,
    pub n_months: &'static str,
    pub one_hour: &'static str,
    pub one_day: &'static str,
    pub n_hours: &'static str,
    pub n_days: &'static str,
    // Validation.
    pub not_a_number: &'static str,
    pub rule_between: &'static str,
    pub rule_at_least: &'static str,
    pub rule_whole_between: &'static str,
    pub rule_sum_to: &'static str,
    pub rule_not_all_zero: &'static str,
    pub rule_count: &'static str,
    pub rule_count_between: &'static str,
    // Document problems.
    pub doc_no_scenarios: &'static str,
    pub doc_active_missing: &'static str,
    pub doc_duplicate_name: &'static str,
    pub doc_currency: &'static str,
    pub doc_in_scenario: &'static str,
    // Files.
    pub load_io: &'static str,
    pub load_too_large: &'static str,
    pub load_not_text: &'static str,
    pub load_empty: &'static str,
    pub load_syntax: &'static str,
    pub load_newer_version: &'static str,
    pub save_io: &'static str,
    pub save_newer_file: &'static str,
    pub save_serialize: &'static str,
    // The window.
    pub about_body: &'static str,
    pub add_source: &'static str,
    pub add_stage: &'static str,
    pub agreed_plan_tip: &'static str,
    pub ask_save_body: &'static str,
    pub ask_save_heading: &'static str,
    pub at_least: &'static str,
    pub axis_count: &'static str,
    pub axis_revenue: &'static str,
    pub axis_share: &'static str,
    pub bad_holiday: &'static str,
    pub banner_example: &'static str,
    pub banner_read_only: &'static str,
    pub banner_recovered: &'static str,
    pub cancel: &'static str,
    pub capacity_note: &'static str,
    pub capacity_title: &'static str,
    pub capacity_utilisation: &'static str,
    pub changed_on_disk_body: &'static str,
    pub changed_on_disk_heading: &'static str,
    pub chart_funnel: &'static str,
    pub chart_months: &'static str,
    pub chart_sources: &'static str,
    pub close: &'static str,
    pub cmd_about: &'static str,
    pub cmd_add_scenario: &'static str,
    pub cmd_delete_scenario: &'static str,
    pub cmd_duplicate_scenario: &'static str,
    pub cmd_mark_agreed: &'static str,
    pub cmd_method: &'static str,
    pub cmd_new: &'static str,
    pub cmd_open: &'static str,
    pub cmd_quit: &'static str,
    pub cmd_redo: &'static str,
    pub cmd_save: &'static str,
    pub cmd_save_as: &'static str,
    pub cmd_theme_dark: &'static str,
    pub cmd_theme_light: &'static str,
    pub cmd_theme_system: &'static str,
    pub cmd_undo: &'static str,
    pub cmd_zoom_in: &'static str,
    pub cmd_zoom_out: &'static str,
    pub cmd_zoom_reset: &'static str,
    pub commitment_in_words: &'static str,
    pub commitment_sentence: &'static str,
    pub commitment_volume: &'static str,
    pub copy_suffix: &'static str,
    pub cost_per_customer: &'static str,
    pub discard: &'static str,
    pub dismiss: &'static str,
    pub dont_save: &'static str,
    pub evidence_accept: &'static str,
    pub evidence_attempts: &'static str,
    pub evidence_attempts_within: &'static str,
    pub evidence_first_contact: &'static str,
    pub example_file_name: &'static str,
    pub example_marker: &'static str,
    pub file_filter: &'static str,
    pub fix_inputs_first: &'static str,
    pub formula_funnel: &'static str,
    pub formula_lead_value: &'static str,
    pub formula_sources: &'static str,
    pub formula_sources_customers: &'static str,
    pub formula_time: &'static str,
    pub hint_average_deal_size: &'static str,
    pub hint_lead_to_customer: &'static str,
    pub hint_leads_per_rep: &'static str,
    pub hint_marketing_share: &'static str,
    pub hint_revenue_goal: &'static str,
    pub hint_sales_cycle_lag: &'static str,
    pub hint_start_month: &'static str,
    pub holiday_dates: &'static str,
    pub holidays: &'static str,
    pub holidays_note: &'static str,
    pub how_calculated: &'static str,
    pub leads_before_period: &'static str,
    pub marketing_budget: &'static str,
    pub marketing_footer: &'static str,
    pub menu_edit: &'static str,
    pub menu_file: &'static str,
    pub menu_help: &'static str,
    pub menu_open_recent: &'static str,
    pub menu_view: &'static str,
    pub method_81_percent: &'static str,
    pub method_heading: &'static str,
    pub method_steps: &'static [(&'static str, &'static str)],
    pub month_initials: [&'static str; 12],
    pub new_scenario_name: &'static str,
    pub no_recent_files: &'static str,
    pub one_rate: &'static str,
    pub no_file_dialog: &'static str,
    pub read_only_marker: &'static str,
    pub formula_stages: &'static str,
    pub unnamed_scenario: &'static str,
    pub column_rate: &'static str,
    pub column_deal_size: &'static str,
    pub stages_choice: &'static str,
    pub open_title: &'static str,
    pub opened_read_only: &'static str,
    pub overwrite: &'static str,
    pub peak_and_average: &'static str,
    pub period_note: &'static str,
    pub period_title: &'static str,
    pub plan_capacity: &'static str,
    pub rate_comes_from: &'static str,
    pub rate_from_stages: &'static str,
    pub recovery_body: &'static str,
    pub recovery_failed: &'static str,
    pub recovery_heading: &'static str,
    pub remove_source: &'static str,
    pub remove_stage: &'static str,
    pub report_coming: &'static str,
    pub report_title: &'static str,
    pub reps_needed: &'static str,
    pub research_lines: &'static [&'static str],
    pub research_title: &'static str,
    pub restore: &'static str,
    pub results_for: &'static str,
    pub return_on_spend: &'static str,
    pub save: &'static str,
    pub save_title: &'static str,
    pub scenario_name: &'static str,
    pub scenarios: &'static str,
    pub seasonality_note: &'static str,
    pub share_of_leads: &'static str,
    pub share_of_value: &'static str,
    pub shares_total: &'static str,
    pub show_weeks: &'static str,
    pub source: &'static str,
    pub sources_note: &'static str,
    pub sources_set_numbers: &'static str,
    pub spread_evenly: &'static str,
    pub spread_is_even: &'static str,
    pub stage: &'static str,
    pub stages_note_in_use: &'static str,
    pub stages_note_unused: &'static str,
    pub start_month: &'static str,
    pub starts: &'static str,
    pub step_one_note: &'static str,
    pub step_one_title: &'static str,
    pub step_two_note: &'static str,
    pub step_two_title: &'static str,
    pub tab_marketing: &'static str,
    pub tab_report: &'static str,
    pub tab_sales: &'static str,
    pub targets_note: &'static str,
    pub targets_per_month: &'static str,
    pub targets_per_week: &'static str,
    pub tip_add_scenario: &'static str,
    pub tip_budget: &'static str,
    pub tip_capacity: &'static str,
    pub tip_customers: &'static str,
    pub tip_delete_scenario: &'static str,
    pub tip_duplicate_scenario: &'static str,
    pub tip_lead_value: &'static str,
    pub tip_leads: &'static str,
    pub tip_leads_per_week: &'static str,
    pub tip_leads_per_working_day: &'static str,
    pub tip_mark_agreed: &'static str,
    pub tip_marketing_revenue: &'static str,
    pub tip_no_budget: &'static str,
    pub tip_no_capacity: &'static str,
    pub tip_no_plan: &'static str,
    pub tip_return_on_spend: &'static str,
    pub type_a_month: &'static str,
    pub type_a_number: &'static str,
    pub type_a_whole_number: &'static str,
    pub unit_days: &'static str,
    pub unit_hours: &'static str,
    pub unit_months: &'static str,
    pub untitled: &'static str,
    pub untitled_file_name: &'static str,
    pub volume: &'static str,
    pub week: &'static str,
    // Warnings.
    pub warn_over_capacity: &'static str,
    pub warn_leads_before_period: &'static str,
    pub warn_leads_after_period: &'static str,
    pub warn_no_working_days: &'static str,
    pub warn_stages_disagree: &'static str,
    pub warn_slow_first_contact: &'static str,
    pub warn_few_attempts: &'static str,
    // What-if (issue 11).
    pub whatif_peak_utilisation: &'static str,
    pub whatif_input_not_used: &'static str,
    pub whatif_metric_not_available: &'static str,
    pub whatif_no_effect: &'static str,
    pub whatif_never_reaches: &'static str,
    pub whatif_only_source: &'static str,
    pub whatif_outside_range: &'static str,
    pub whatif_goal: &'static str,
    pub whatif_vary: &'static str,
    pub whatif_now: &'static str,
    pub whatif_value_needed: &'static str,
    pub whatif_achieved: &'static str,
    pub whatif_not_reachable: &'static str,
    pub whatif_bad_target: &'static str,
    pub whatif_unknown_metric: &'static str,
    pub whatif_unknown_input: &'static str,
    pub whatif_bad_level: &'static str,
    pub whatif_bad_step: &'static str,
    pub whatif_sensitivity_heading: &'static str,
    pub whatif_input: &'static str,
    pub whatif_low_high: &'static str,
    pub whatif_confidence: &'static str,
    pub whatif_confidence_sentence: &'static str,
    pub whatif_more_than: &'static str,
    pub whatif_equal: &'static str,
    pub whatif_changes: &'static str,
    pub whatif_added: &'static str,
    pub whatif_removed: &'static str,
    pub whatif_none: &'static str,
    pub whatif_effects: &'static str,
    pub whatif_effect_line: &'static str,
    pub whatif_tab: &'static str,
    pub whatif_goal_seek_title: &'static str,
    pub whatif_goal_seek_note: &'static str,
    pub whatif_result: &'static str,
    pub whatif_target: &'static str,
    pub whatif_answer: &'static str,
    pub whatif_save_scenario: &'static str,
    pub whatif_scenario_name: &'static str,
    pub whatif_sensitivity_title: &'static str,
    pub whatif_sensitivity_note: &'static str,
    pub whatif_step: &'static str,
    pub whatif_bar: &'static str,
    pub whatif_low: &'static str,
    pub whatif_high: &'static str,
    pub whatif_confidence_title: &'static str,
    pub whatif_confidence_note: &'static str,
    pub whatif_level: &'static str,
    pub whatif_chance: &'static str,
    pub whatif_planned_leads: &'static str,
    pub whatif_leads_for_level: &'static str,
    pub whatif_compare_tab: &'static str,
    pub whatif_compare_title: &'static str,
    pub whatif_compare_note: &'static str,
    pub whatif_compare_per_month: &'static str,
    pub whatif_compare_invalid: &'static str,
    pub whatif_points: &'static str,
    pub whatif_cmd_meeting_mode: &'static str,
    pub whatif_meeting_leave: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{LeadSource, validate_assumptions};

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
                "Lead sources › Webinars › Share: 140% is outside the allowed range 0% to 100%.",
                "Lead sources › Share: the shares add up to 140%; they must add up to 100%.",
            ]
        );
    }

    #[test]
    fn nan_is_called_not_a_number() {
        let a = Assumptions {
            marketing_share_percent: f64::NAN,
            ..Assumptions::default()
        };
        let text = validate_assumptions(&a)[0].to_string();
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
