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

pub use explain::explanation;
pub use format::{NO_NUMBER, NumberStyle};

use crate::plan::holidays::Country;
use crate::plan::{Assumptions, Basis, Field, Problem, Rule, Unit, Value, Warning};

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

    /// A month by name: "January 2027".
    pub fn month(self, month: crate::plan::YearMonth) -> String {
        let t = self.text();
        let name = t.month_names[(month.month() as usize + 11) % 12];
        fill(
            t.month_and_year,
            &[("month", name), ("year", &month.year().to_string())],
        )
    }

    /// A month's short name under a chart bar: "Feb"; with the year where one starts (January,
    /// or the first bar): "Jan 2027".
    pub fn month_short(self, month: crate::plan::YearMonth, with_year: bool) -> String {
        let t = self.text();
        let name = t.month_short_names[(month.month() as usize + 11) % 12];
        if with_year || month.month() == 1 {
            fill(
                t.month_and_year,
                &[("month", name), ("year", &month.year().to_string())],
            )
        } else {
            name.to_owned()
        }
    }

    /// A day in a table: "Mon 4 Jan" / "ma 4 jan".
    pub fn day(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike as _;
        let t = self.text();
        fill(
            t.day_format,
            &[
                (
                    "weekday",
                    t.weekday_short_names[date.weekday().num_days_from_monday() as usize],
                ),
                ("day", &date.day().to_string()),
                ("month", t.month_short_names[date.month0() as usize]),
            ],
        )
    }

    /// A date in a sentence: "4 January 2027" / "4 januari 2027".
    pub fn long_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike as _;
        let t = self.text();
        fill(
            t.long_date_format,
            &[
                ("day", &date.day().to_string()),
                ("month", t.month_names[date.month0() as usize]),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// An ISO week: "week 3".
    pub fn week(self, week: u32) -> String {
        fill(self.text().week_number, &[("n", &week.to_string())])
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
                    ("peak", &n.fraction_as_percent(*peak_utilisation)),
                    ("reps", &reps_needed.to_string()),
                ],
            ),
            Warning::LeadsBeforePeriod { leads, from } => fill(
                t.warn_leads_before_period,
                &[("leads", &n.count_up(*leads)), ("from", &self.month(*from))],
            ),
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
}

impl Language {
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
    /// What one lead is worth (deal size × rate, €450): not to be confused with
    /// [`Self::lead_value`], the lead value to deliver in a month or period (leads × it).
    pub value_per_lead: &'static str,
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
    /// A name on the command line that more than one scenario has: their places and ids.
    pub cli_ambiguous_scenario: &'static str,
    /// The word before the last item of a list ("1, 2 and 3").
    pub list_and: &'static str,
    pub cli_valid: &'static str,
    pub cli_problems: &'static str,
    // Step 2.
    pub first_contact_within: &'static str,
    pub minimum_attempts: &'static str,
    pub attempts_within: &'static str,
    pub accept_within: &'static str,
    pub compliance_target: &'static str,
    pub evidence_compliance: &'static str,
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
    pub rule_at_most: &'static str,
    pub rule_whole_between: &'static str,
    pub rule_sum_to: &'static str,
    pub rule_not_all_zero: &'static str,
    pub rule_count: &'static str,
    pub rule_count_between: &'static str,
    // Document problems.
    pub doc_no_scenarios: &'static str,
    pub doc_active_missing: &'static str,
    pub doc_agreed_missing: &'static str,
    pub doc_duplicate_actuals: &'static str,
    pub doc_reasons_exceed: &'static str,
    pub limit_actual: &'static str,
    // Allowed but unusual inputs (plan::unusual).
    pub unusual_small_deal: &'static str,
    pub unusual_high_rate: &'static str,
    pub unusual_goal_below_deal: &'static str,
    pub actual_revenue_range: &'static str,
    pub actual_more_than_leads: &'static str,
    pub actual_answered_more_than_leads: &'static str,
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
    /// What a chart's legend is called for screen readers: "Legend: Actual, Plan".
    pub chart_legend: &'static str,
    /// The compliance chart's two colours of bars: the promise kept, the promise missed.
    pub compliance_kept: &'static str,
    pub compliance_missed: &'static str,
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
    pub chart_leads_per_month: &'static str,
    pub chart_customers_per_month: &'static str,
    pub chart_sources: &'static str,
    pub close: &'static str,
    pub export_language: &'static str,
    pub export_language_reader: &'static str,
    pub diff_was_now: &'static str,
    pub cmd_compare_with_file: &'static str,
    pub compare_with_title: &'static str,
    pub compared_with: &'static str,
    pub stop_comparing: &'static str,
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
    /// View ▸ Language: the system's language, as on the first start.
    pub cmd_language_system: &'static str,
    pub cmd_open_menu: &'static str,
    /// View ▸ the results panel beside the tabs, shown or folded away.
    pub cmd_toggle_results: &'static str,
    pub cmd_undo: &'static str,
    pub cmd_zoom_in: &'static str,
    pub cmd_zoom_out: &'static str,
    pub cmd_zoom_reset: &'static str,
    pub commitment_in_words: &'static str,
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
    pub public_holidays_of: &'static str,
    pub add_public_holidays: &'static str,
    pub tip_add_public_holidays: &'static str,
    pub country_netherlands: &'static str,
    pub country_belgium: &'static str,
    pub country_germany: &'static str,
    pub country_united_kingdom: &'static str,
    pub country_united_states: &'static str,
    pub holidays: &'static str,
    pub holidays_note: &'static str,
    pub how_calculated: &'static str,
    pub leads_before_period: &'static str,
    pub lead_value_note: &'static str,
    /// The header of a CSV column of exact counts beside the whole ones: "Leads (exact)".
    pub csv_exact_column: &'static str,
    pub counts_note: &'static str,
    pub marketing_budget: &'static str,
    pub marketing_footer: &'static str,
    pub menu_edit: &'static str,
    pub menu_file: &'static str,
    pub menu_help: &'static str,
    pub menu_open_recent: &'static str,
    pub menu_view: &'static str,
    pub menu_language: &'static str,
    pub method_81_percent: &'static str,
    pub method_heading: &'static str,
    pub method_steps: &'static [(&'static str, &'static str)],
    pub month_initials: [&'static str; 12],
    pub month_names: [&'static str; 12],
    pub month_short_names: [&'static str; 12],
    pub month_and_year: &'static str,
    pub week_number: &'static str,
    pub this_month: &'static str,
    pub next_month: &'static str,
    pub leads_in_month: &'static str,
    pub customers_in_month: &'static str,
    pub leads_per_working_day_in_month: &'static str,
    pub tip_month_target: &'static str,
    pub new_scenario_name: &'static str,
    pub no_recent_files: &'static str,
    pub read_only_marker: &'static str,
    pub formula_stages: &'static str,
    pub unnamed_scenario: &'static str,
    pub column_rate: &'static str,
    pub column_deal_size: &'static str,
    pub open_title: &'static str,
    pub opened_read_only: &'static str,
    pub overwrite: &'static str,
    pub peak_and_average: &'static str,
    pub period_note: &'static str,
    pub period_title: &'static str,
    pub plan_capacity: &'static str,
    pub rate_comes_from: &'static str,
    pub not_in_force: &'static str,
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
    pub sources_note_unused: &'static str,
    pub spread_evenly: &'static str,
    pub type_weights: &'static str,
    pub weight: &'static str,
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
    pub tab_charts: &'static str,
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
    pub did_you_mean: &'static str,
    pub did_you_mean_or: &'static str,
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
    pub warn_no_holidays: &'static str,
    pub warn_slow_first_contact: &'static str,
    pub warn_few_attempts: &'static str,
    // Files and recovery (issue 7).
    pub load_folder: &'static str,
    pub load_special: &'static str,
    pub limit_too_many: &'static str,
    pub limit_year: &'static str,
    pub save_read_only: &'static str,
    pub save_hard_linked: &'static str,
    pub save_limit: &'static str,
    pub syntax_too_deep: &'static str,
    pub syntax_expected_number: &'static str,
    pub syntax_expected_whole: &'static str,
    pub syntax_expected_text: &'static str,
    pub syntax_expected_date: &'static str,
    pub syntax_nothing: &'static str,
    pub cli_percent_below_one: &'static str,
    pub cli_unknown_field: &'static str,
    pub cli_did_you_mean: &'static str,
    pub cli_newer_read_only: &'static str,
    pub cli_times: &'static str,
    pub opened_unknown_fields: &'static str,
    pub nothing_saved_heading: &'static str,
    pub replace_read_only_heading: &'static str,
    pub replace_linked_heading: &'static str,
    pub replace: &'static str,
    pub unknown_field_at: &'static str,
    pub save_too_large: &'static str,
    pub save_changed: &'static str,
    pub save_busy: &'static str,
    pub cli_save_read_only: &'static str,
    pub cli_save_hard_linked: &'static str,
    pub cli_import_not_saved: &'static str,
    pub cli_export_force_hint: &'static str,
    pub export_is_the_document: &'static str,
    pub export_is_a_document: &'static str,
    pub export_read_only: &'static str,
    pub export_hard_linked: &'static str,
    pub export_not_a_file: &'static str,
    pub recovered_missing_heading: &'static str,
    pub recovered_missing: &'static str,
    pub limit_too_long: &'static str,
    pub chooser_not_a_file: &'static str,
    pub chooser_more: &'static str,
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
    /// The meeting screen's heading: what is on the projector is a copy, not the plan.
    pub meeting_trying_copy: &'static str,
    pub meeting_fine_steps: &'static str,
    pub cmd_meeting_keep: &'static str,
    pub cmd_meeting_apply: &'static str,
    pub cmd_meeting_discard: &'static str,
    pub tip_meeting_keep: &'static str,
    pub tip_meeting_apply: &'static str,
    pub meeting_leave_heading: &'static str,
    pub meeting_leave_body: &'static str,
    pub meeting_stay: &'static str,
    pub whatif_confidence_not_computed: &'static str,
    // Report and exports (issue 10).
    pub report_plan_title: &'static str,
    pub report_scenario_line: &'static str,
    pub report_figures: &'static str,
    pub report_charts: &'static str,
    pub agreement_title: &'static str,
    pub export_failed: &'static str,
    pub agreement_parties_heading: &'static str,
    pub agreement_parties: &'static str,
    pub agreement_unnamed: &'static str,
    pub agreement_unnamed_company: &'static str,
    pub agreement_effective: &'static str,
    pub agreement_scenario: &'static str,
    pub agreement_marketing_heading: &'static str,
    pub agreement_marketing_total: &'static str,
    pub agreement_marketing_rates: &'static str,
    pub agreement_lead_value: &'static str,
    pub agreement_source: &'static str,
    pub agreement_sales_heading: &'static str,
    pub agreement_follow_up: &'static str,
    pub agreement_accept: &'static str,
    pub agreement_capacity_heading: &'static str,
    pub agreement_capacity: &'static str,
    pub agreement_capacity_ok: &'static str,
    pub agreement_capacity_short: &'static str,
    pub agreement_capacity_none: &'static str,
    pub agreement_review_heading: &'static str,
    pub agreement_reporting: &'static str,
    pub agreement_review: &'static str,
    pub agreement_cadence_weekly: &'static str,
    pub agreement_cadence_monthly: &'static str,
    pub agreement_cadence_quarterly: &'static str,
    pub agreement_notes_heading: &'static str,
    pub agreement_history_heading: &'static str,
    pub agreement_no_revisions: &'static str,
    pub agreement_revision: &'static str,
    pub tab_agreement: &'static str,
    pub agreement_tab_note: &'static str,
    pub cmd_copy_agreement: &'static str,
    pub menu_export: &'static str,
    pub cmd_export_html: &'static str,
    pub cmd_export_markdown: &'static str,
    pub cmd_export_csv_months: &'static str,
    pub cmd_export_csv_weeks: &'static str,
    pub cmd_export_csv_months_excel: &'static str,
    pub cmd_export_csv_weeks_excel: &'static str,
    pub export_title: &'static str,
    pub exported: &'static str,
    pub agreement_copied: &'static str,
    pub weeks_file_suffix: &'static str,
    pub agreement_details: &'static str,
    pub agreement_details_note: &'static str,
    pub document_title: &'static str,
    pub document_company: &'static str,
    pub owner_marketing: &'static str,
    pub owner_sales: &'static str,
    pub review_cadence: &'static str,
    pub cadence_weekly: &'static str,
    pub cadence_monthly: &'static str,
    pub cadence_quarterly: &'static str,
    pub agreement_mql: &'static str,
    pub agreement_reasons: &'static str,
    pub mql_definition: &'static str,
    pub rejection_reasons: &'static str,
    pub agreement_approvals_heading: &'static str,
    pub agreement_approved: &'static str,
    pub agreement_approval_cleared: &'static str,
    pub agreement_not_approved: &'static str,
    pub hours_count: &'static str,
    pub clock_working: &'static str,
    pub clock_until: &'static str,
    pub clock_calendar: &'static str,
    pub tip_clock: &'static str,
    pub business_day_start: &'static str,
    pub business_day_end: &'static str,
    pub agreement_clock_working: &'static str,
    pub agreement_clock_calendar: &'static str,
    pub agreement_tolerance: &'static str,
    pub agreement_month_table: &'static str,
    pub agreement_signatures_heading: &'static str,
    pub signature_for_marketing: &'static str,
    pub signature_for_sales: &'static str,
    pub signature_for: &'static str,
    pub signature_name: &'static str,
    pub signature_role: &'static str,
    pub signature_date: &'static str,
    pub signature_line: &'static str,
    pub signature_approved: &'static str,
    pub agreement_approver_unnamed: &'static str,
    pub agreement_approver_role_only: &'static str,
    pub review_cohort_before_data: &'static str,
    pub review_not_measurable: &'static str,
    pub holiday_also_good_friday: &'static str,
    pub tip_good_friday: &'static str,
    pub holiday_also_liberation_day: &'static str,
    pub tip_liberation_day: &'static str,
    pub holiday_own: &'static str,
    pub approver_name: &'static str,
    pub approver_role: &'static str,
    pub approve: &'static str,
    pub add_approver: &'static str,
    pub remove_approver: &'static str,
    // Step 3: tracking (the Report tab).
    pub weekday_short_names: [&'static str; 7],
    pub day_format: &'static str,
    pub long_date_format: &'static str,
    pub measure_leads: &'static str,
    pub measure_accepted: &'static str,
    pub measure_rejected: &'static str,
    pub measure_contacted_in_time: &'static str,
    pub measure_attempts: &'static str,
    pub measure_reached_attempts: &'static str,
    pub measure_customers: &'static str,
    pub measure_revenue: &'static str,
    pub source_any: &'static str,
    pub source_unknown: &'static str,
    pub source_not_in_plan: &'static str,
    pub grid_title: &'static str,
    pub grid_note: &'static str,
    pub grid_month: &'static str,
    pub grid_day: &'static str,
    pub grid_source: &'static str,
    pub grid_cell_name: &'static str,
    pub grid_month_total: &'static str,
    /// Beside a week's total in the results grid: the agreed plan's leads for that ISO week.
    pub grid_week_goal: &'static str,
    pub grid_type_a_number: &'static str,
    /// The text alternative of the Compare tab's monthly chart: `{series}`, `{count}` scenarios,
    /// then one `compare_chart_scenario` per scenario.
    pub compare_chart_description: &'static str,
    /// One scenario in the Compare chart's text alternative.
    pub compare_chart_scenario: &'static str,
    /// The switch above the results grid that shows the days without work in full.
    pub grid_show_closed: &'static str,
    /// A thin row of the results grid standing for non-working days without results:
    /// `{days}` is one day or "from – to".
    pub grid_closed_days: &'static str,
    pub paste_too_big: &'static str,
    pub paste_bad_value: &'static str,
    pub paste_impossible: &'static str,
    pub paste_done: &'static str,
    pub tracking_against: &'static str,
    // Tracking (step 3): status, charts, monthly review.
    pub tracking_behind: &'static str,
    pub tracking_on_track: &'static str,
    pub tracking_ahead: &'static str,
    pub tracking_no_scenario: &'static str,
    pub tracking_outside_period: &'static str,
    pub status_heading: &'static str,
    pub status_this_month: &'static str,
    pub status_iso_week: &'static str,
    pub status_period_to_date: &'static str,
    pub status_pace_line: &'static str,
    pub status_sales_heading: &'static str,
    pub cli_bad_date: &'static str,
    pub tracking_section: &'static str,
    pub tracking_section_note: &'static str,
    pub chart_hug_line: &'static str,
    pub chart_compliance: &'static str,
    pub tracking_ideal: &'static str,
    pub tracking_band: &'static str,
    pub tracking_actual: &'static str,
    pub tracking_contacted_in_time: &'static str,
    pub tracking_contacted_share: &'static str,
    pub status_title: &'static str,
    pub status_note: &'static str,
    pub status_date: &'static str,
    pub status_today: &'static str,
    pub status_bad_date: &'static str,
    pub status_count: &'static str,
    pub status_working_days: &'static str,
    pub status_marketing: &'static str,
    pub status_goal: &'static str,
    pub status_actual: &'static str,
    pub status_expected: &'static str,
    pub status_projected: &'static str,
    pub status_needed: &'static str,
    pub status_state: &'static str,
    pub advice_behind: &'static str,
    pub advice_on_track: &'static str,
    pub advice_ahead: &'static str,
    pub status_sales: &'static str,
    pub sales_contacted_line: &'static str,
    pub sales_attempts_line: &'static str,
    pub sales_accepted_line: &'static str,
    pub hug_title: &'static str,
    pub hug_note: &'static str,
    pub hug_description: &'static str,
    pub hug_no_results: &'static str,
    /// The status of a document without any results: no pace to judge yet.
    pub status_no_results: &'static str,
    pub by_week: &'static str,
    pub by_month: &'static str,
    pub period_chart_title: &'static str,
    pub compliance_chart_title: &'static str,
    pub compliance_target_line: &'static str,
    pub tolerance: &'static str,
    pub tolerance_hint: &'static str,
    pub tolerance_range: &'static str,
    pub status_won: &'static str,
    pub attempts_chart_title: &'static str,
    pub attempts_per_lead: &'static str,
    pub acceptance_chart_title: &'static str,
    pub review_would_change: &'static str,
    pub status_today_tip: &'static str,
    pub part_status: &'static str,
    pub part_review: &'static str,
    pub part_targets: &'static str,
    pub state_behind: &'static str,
    pub state_on_track: &'static str,
    pub state_ahead: &'static str,
    pub review_title: &'static str,
    pub review_note: &'static str,
    pub review_figure: &'static str,
    pub review_assumed: &'static str,
    pub review_observed: &'static str,
    pub review_based_on: &'static str,
    pub review_too_little: &'static str,
    pub review_points: &'static str,
    pub review_unit_leads: &'static str,
    pub review_unit_customers: &'static str,
    pub review_source_share: &'static str,
    pub review_not_in_plan: &'static str,
    pub review_contacted: &'static str,
    pub review_author: &'static str,
    pub review_note_label: &'static str,
    pub review_adopt: &'static str,
    pub review_adopt_tip: &'static str,
    pub review_nothing_to_adopt: &'static str,
    pub history_title: &'static str,
    pub history_empty: &'static str,
    pub history_entry: &'static str,
    pub history_open: &'static str,
    pub history_copy: &'static str,
    pub history_as_agreed: &'static str,
    pub history_read_only: &'static str,
    // CRM import (issue 9): the importer's messages, the `import` command and its dialog.
    pub import_field_created: &'static str,
    pub import_field_source: &'static str,
    pub import_field_first_contact: &'static str,
    pub import_field_attempts: &'static str,
    pub import_field_status: &'static str,
    pub import_field_reason: &'static str,
    pub import_field_closed: &'static str,
    pub import_field_amount: &'static str,
    pub import_order_dmy: &'static str,
    pub import_order_mdy: &'static str,
    pub import_order_ymd: &'static str,
    pub import_unreadable: &'static str,
    pub import_empty: &'static str,
    pub import_header_only: &'static str,
    pub import_no_created: &'static str,
    pub import_column_missing: &'static str,
    pub import_ambiguous_dates: &'static str,
    pub import_csv_error: &'static str,
    pub import_cancelled: &'static str,
    pub import_line: &'static str,
    pub import_skip_columns: &'static str,
    pub import_skip_empty: &'static str,
    pub import_skip_no_created: &'static str,
    pub import_skip_bad_date: &'static str,
    pub import_skip_bad_count: &'static str,
    pub import_skip_bad_amount: &'static str,
    pub import_skip_no_close_date: &'static str,
    pub import_summary: &'static str,
    pub cli_import_saved: &'static str,
    pub cli_import_dry_run: &'static str,
    pub cli_import_nothing: &'static str,
    pub cli_import_map_hint: &'static str,
    pub cli_import_order_hint: &'static str,
    pub menu_import_crm: &'static str,
    pub import_title: &'static str,
    pub import_reading: &'static str,
    pub import_file_summary: &'static str,
    pub import_preview_heading: &'static str,
    pub import_line_header: &'static str,
    pub import_columns_heading: &'static str,
    pub import_no_column: &'static str,
    pub import_dates_heading: &'static str,
    pub import_dates_question: &'static str,
    pub import_dates_reads_as: &'static str,
    pub import_dates_settled: &'static str,
    pub import_statuses_heading: &'static str,
    pub import_status_value: &'static str,
    pub import_status_accepted: &'static str,
    pub import_status_rejected: &'static str,
    pub import_status_customer: &'static str,
    pub import_status_other: &'static str,
    pub import_no_status_column: &'static str,
    pub import_start: &'static str,
    pub import_importing: &'static str,
    pub import_done: &'static str,
    pub import_skipped_heading: &'static str,
    pub import_more_skipped: &'static str,
    pub import_read_only: &'static str,
    pub csv_filter: &'static str,
    pub import_note_stray_line: &'static str,
    pub import_note_stray_lines: &'static str,
    pub import_note_windows1252: &'static str,
    pub import_note_utf16: &'static str,
    pub import_unclosed_quote: &'static str,
    pub import_folder: &'static str,
    pub import_special: &'static str,
    pub import_changed: &'static str,
    pub import_lines: &'static str,
    pub import_skip_quote: &'static str,
    pub import_skip_too_long: &'static str,
    pub import_skip_too_many_columns: &'static str,
    pub import_skip_field_too_long: &'static str,
    // What an import means for the document (issue 15)
    pub import_summary_one_row: &'static str,
    pub import_replaced: &'static str,
    pub import_outside_one: &'static str,
    pub import_outside_many: &'static str,
    pub import_skip_year: &'static str,
    pub import_one_lead: &'static str,
    pub import_n_leads: &'static str,
    pub import_one_column: &'static str,
    pub import_n_columns: &'static str,
    pub import_skip_amount_too_large: &'static str,
    pub cli_import_order_remembered: &'static str,
    // The app's own file chooser (issue 10)
    pub chooser_folder: &'static str,
    pub chooser_up: &'static str,
    /// The chooser's New folder button, the field for its name, and creating it.
    pub chooser_new_folder: &'static str,
    pub chooser_new_folder_name: &'static str,
    pub chooser_create: &'static str,
    pub chooser_cannot_create: &'static str,
    pub chooser_name: &'static str,
    pub chooser_open: &'static str,
    pub chooser_save: &'static str,
    pub chooser_showing: &'static str,
    pub chooser_empty: &'static str,
    pub chooser_fallback_note: &'static str,
    pub chooser_not_a_folder: &'static str,
    pub chooser_is_a_folder: &'static str,
    pub chooser_unreadable: &'static str,
    pub chooser_no_such_file: &'static str,
    pub chooser_name_needed: &'static str,
    pub chooser_replace_heading: &'static str,
    pub chooser_replace_body: &'static str,
    pub chooser_replace: &'static str,
    pub builtin_file_chooser: &'static str,
    // Agreement: effective date and progress reports (issue 10)
    pub effective_date: &'static str,
    pub effective_date_hint: &'static str,
    pub bad_effective_date: &'static str,
    pub progress_reports: &'static str,
    pub report_daily: &'static str,
    pub report_weekly: &'static str,
    pub report_monthly: &'static str,
    pub report_to: &'static str,
    pub report_to_hint: &'static str,
    pub agreement_progress: &'static str,
    pub agreement_progress_daily: &'static str,
    pub agreement_progress_weekly: &'static str,
    pub agreement_progress_monthly: &'static str,
    pub agreement_progress_both_teams: &'static str,
    pub lock_held: &'static str,
    pub lock_held_stale: &'static str,
    pub lock_someone: &'static str,
    pub lock_unknown_host: &'static str,
    pub lock_unknown_time: &'static str,
    pub lock_heading: &'static str,
    pub lock_open_read_only: &'static str,
    pub lock_open_copy: &'static str,
    pub lock_open_anyway: &'static str,
    pub lock_notify: &'static str,
    pub lock_free_heading: &'static str,
    pub lock_free_body: &'static str,
    pub lock_reload: &'static str,
    pub lock_watching: &'static str,
    pub lock_read_only: &'static str,
    pub lock_copy_opened: &'static str,
    pub lock_save_heading: &'static str,
    pub lock_save_body: &'static str,
    pub cli_locked: &'static str,
    pub take_all: &'static str,
    pub take_none: &'static str,
    pub take_apply: &'static str,
    pub take_applied: &'static str,
    pub take_failed: &'static str,
    pub take_hint: &'static str,
    pub cli_merge_conflicts: &'static str,
    pub cli_merge_conflict_line: &'static str,
    pub cli_merge_written: &'static str,
    pub merge_conflict: &'static str,
    pub merge_three_way_note: &'static str,
    pub forecast_heading: &'static str,
    pub forecast_line: &'static str,
    pub forecast_customers_line: &'static str,
    pub forecast_none: &'static str,
    pub forecast_quarter: &'static str,
    pub forecast_period: &'static str,
    pub forecast_very_likely: &'static str,
    pub forecast_likely: &'static str,
    pub forecast_even: &'static str,
    pub forecast_unlikely: &'static str,
    pub forecast_very_unlikely: &'static str,
    pub forecast_explain: &'static str,
    pub forecast_model: &'static str,
    pub forecast_customers_model: &'static str,
    pub forecast_prior_strength: &'static str,
    pub forecast_prior_strength_hint: &'static str,
    pub chart_forecast_median: &'static str,
    pub chart_forecast_band50: &'static str,
    pub chart_forecast_band90: &'static str,
    pub forecast_range: &'static str,
    pub forecast_customers: &'static str,
    pub forecast_won: &'static str,
    pub forecast_col_chance: &'static str,
    pub forecast_col_range: &'static str,
    pub forecast_col_flood: &'static str,
    // Issue 19: actuals straight from the CRM.
    pub crm_no_token: &'static str,
    pub crm_no_token_store: &'static str,
    pub crm_bad_url: &'static str,
    pub crm_insecure: &'static str,
    pub crm_network: &'static str,
    pub crm_timeout: &'static str,
    pub crm_unauthorized: &'static str,
    pub crm_forbidden: &'static str,
    pub crm_rate_limited: &'static str,
    pub crm_refused: &'static str,
    pub crm_malformed: &'static str,
    pub crm_cancelled: &'static str,
    pub crm_summary: &'static str,
    pub crm_one_record: &'static str,
    pub crm_n_records: &'static str,
    pub crm_skipped_record: &'static str,
    pub cli_sync_dry_run: &'static str,
    pub cli_sync_saved: &'static str,
    pub cli_sync_not_saved: &'static str,
    // Issue 16: one report model.
    /// An upper bound: "at most 12.5×" (a return on a budget that is a lower bound).
    pub at_most: &'static str,
    // Issue 20: the sales-cycle lag spread over months.
    pub lag_same_month: &'static str,
    pub lag_a_month_later: &'static str,
    pub lag_months_later: &'static str,
    pub lag_share_when: &'static str,
    pub lag_up_to: &'static str,
    pub lag_field_same_month: &'static str,
    pub lag_field_one_later: &'static str,
    pub lag_field_later: &'static str,
    pub lag_spread: &'static str,
    pub hint_lag_spread: &'static str,
    pub lag_add_month: &'static str,
    pub lag_remove_month: &'static str,
    pub lag_spread_total: &'static str,
    pub warn_lag_unmet: &'static str,
    pub lead_value_note_spread: &'static str,
    pub crm_no_instance: &'static str,
    pub crm_bad_field: &'static str,
    pub crm_denied: &'static str,
    // Issue 19: the CRM connection in the window.
    pub menu_connect_crm: &'static str,
    pub menu_update_crm: &'static str,
    pub crm_connect_title: &'static str,
    pub crm_provider: &'static str,
    pub crm_token: &'static str,
    pub crm_token_hint_hubspot: &'static str,
    pub crm_token_hint_salesforce: &'static str,
    pub crm_token_hint_pipedrive: &'static str,
    /// A Salesforce org's address, as the base URL field's example.
    pub crm_instance_url_example: &'static str,
    pub crm_token_empty: &'static str,
    pub crm_advanced: &'static str,
    pub crm_base_url: &'static str,
    pub crm_base_url_hint: &'static str,
    pub crm_test: &'static str,
    pub crm_testing: &'static str,
    pub crm_connected: &'static str,
    pub crm_account_named: &'static str,
    pub crm_properties_heading: &'static str,
    pub crm_property_none: &'static str,
    pub crm_statuses_heading: &'static str,
    pub crm_status_new: &'static str,
    pub crm_status_add: &'static str,
    pub crm_update_on_open: &'static str,
    pub crm_save: &'static str,
    pub crm_read_only: &'static str,
    pub crm_kept_system: &'static str,
    pub crm_kept_session: &'static str,
    pub crm_kept_memory: &'static str,
    pub crm_saved: &'static str,
    pub crm_update_title: &'static str,
    pub crm_updating: &'static str,
    pub crm_updated: &'static str,
    pub crm_last_synced: &'static str,
    pub crm_never_synced: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{
        Conversion, LeadSource, SalesCapacity, SalesCommitments, validate_assumptions,
        validate_commitments,
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
