//! Where do we stand today? The pace of marketing's leads in the month, the ISO week and the
//! period that contain a date, and sales' compliance with its follow-up promises (METHOD.md,
//! step 3; the formulas are those of issue 9).
//!
//! For a span (month, week or period to date) with goal *G* and actual leads *A*:
//!
//! ```text
//! f         = share of G due by the end of the date (the plan's line, see `ideal`);
//!             for a month with working days: working days elapsed ÷ working days in the month
//! expected  = G × f
//! projected = A ÷ f                       (None while f = 0: no pace to extrapolate yet)
//! needed    = max(0, G − A) ÷ working days left after the date   (None when none are left)
//! state     = behind  when A < expected × (1 − tolerance)
//!             ahead   when A > expected × (1 + tolerance)
//!             on track otherwise
//! ```
//!
//! For a month `A ÷ f` is exactly "actual ÷ working days elapsed × working days in the month".
//! Working days elapsed count from the 1st up to and including the date; "left" are after it.
//! A date on a weekend or holiday elapses nothing more than the working day before it. A month
//! without working days spreads its goal over its calendar days (as the plan's weeks do), so
//! it still has an expected pace, but no working day left to need anything per day.
//! The same four figures in lead value use each source's lead value (see [`LeadValues`]).

use chrono::{Days, NaiveDate};
use serde::{Serialize, Serializer};

use crate::document::{ScenarioId, SlaDocument, SourceDay, Totals};
use crate::i18n::{Language, fill};
use crate::plan::Plan;
use crate::plan::calendar::{YearMonth, iso_week_start};

use super::actual::{LeadValues, SourceFilter};
use super::ideal::{Ideal, next_day};

/// Where the teams stand on one date, for the month that contains it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Status {
    pub date: NaiveDate,
    pub month: YearMonth,
    /// Working days in the month.
    pub working_days: u32,
    /// Working days from the 1st up to and including the date.
    pub working_days_elapsed: u32,
    /// Working days after the date, to the end of the month.
    pub working_days_left: u32,
    /// Marketing's pace in the month.
    #[serde(rename = "marketing")]
    pub month_pace: Pace,
    /// Marketing's pace in the ISO week that contains the date (the part inside the period).
    pub week: Pace,
    /// Marketing's pace from the first day of the period up to and including the date.
    pub period: Pace,
    /// Sales' follow-up of the month's leads so far.
    pub sales: SalesStatus,
}

/// Marketing's pace in one span, in leads and in lead value (see the module documentation).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pace {
    /// The plan's leads for the span.
    pub goal: f64,
    /// Leads that arrived in the span up to and including the date.
    pub actual: f64,
    /// The goal × the share of it due by the date.
    pub expected: f64,
    /// Actual ÷ the share due; `None` while nothing is due yet.
    pub projected: Option<f64>,
    /// max(0, goal − actual) ÷ working days left; `None` when no working day is left.
    pub needed_per_working_day: Option<f64>,
    pub goal_value: f64,
    pub actual_value: f64,
    pub expected_value: f64,
    pub projected_value: Option<f64>,
    pub needed_value_per_working_day: Option<f64>,
    /// Actual leads against expected, within the document's tolerance.
    pub state: State,
}

/// Actual against expected. Far ahead is a miss too: it floods the sales reps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Behind,
    OnTrack,
    Ahead,
}

impl State {
    /// `actual` against `expected` with a tolerance as a fraction (0.1 = 10 %): behind below
    /// `expected × (1 − tolerance)`, ahead above `expected × (1 + tolerance)`. With nothing
    /// expected yet, any lead is ahead.
    pub fn of(actual: f64, expected: f64, tolerance: f64) -> Self {
        if actual < expected * (1.0 - tolerance) {
            Self::Behind
        } else if actual > expected * (1.0 + tolerance) {
            Self::Ahead
        } else {
            Self::OnTrack
        }
    }

    /// The state in one or two words, for a table cell or a legend: "On track".
    pub fn name(self, language: Language) -> &'static str {
        let t = language.text();
        match self {
            Self::Behind => t.state_behind,
            Self::OnTrack => t.state_on_track,
            Self::Ahead => t.state_ahead,
        }
    }

    /// The state in words.
    pub fn describe(self, language: Language) -> &'static str {
        let t = language.text();
        match self {
            Self::Behind => t.tracking_behind,
            Self::OnTrack => t.tracking_on_track,
            Self::Ahead => t.tracking_ahead,
        }
    }
}

/// How sales followed up the leads that arrived from the 1st of the month up to the date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SalesStatus {
    pub leads: u64,
    /// Leads first contacted within the promised time.
    pub contacted_in_time: u64,
    /// Contacted in time ÷ leads; `None` without leads.
    #[serde(rename = "contacted_in_time_share")]
    pub contacted_share: Option<f64>,
    /// Contact attempts ÷ leads; `None` without leads.
    pub attempts_per_lead: Option<f64>,
    /// Leads that received at least the promised number of attempts.
    pub reached_attempts: u64,
    pub accepted: u64,
    pub rejected: u64,
    /// Rejections per reason, most first (rejections without a reason are not listed).
    #[serde(serialize_with = "reasons_as_objects")]
    pub rejected_by_reason: Vec<(String, u64)>,
    /// Behind when the share contacted in time is below the sales commitments' compliance
    /// target; on track otherwise (also without leads: nothing was left waiting).
    pub state: State,
}

impl SalesStatus {
    /// The follow-up of `records` (those `filter` admits) against a target share (0.9 = 90 %).
    pub fn of(records: &[SourceDay], filter: &SourceFilter, target: f64) -> Self {
        let total = Totals::of(records.iter().filter(|r| filter.admits(r)));
        let per_lead = |count: u64| (total.leads > 0).then(|| count as f64 / total.leads as f64);
        let contacted_share = per_lead(total.contacted_in_time);
        let mut rejected_by_reason: Vec<(String, u64)> =
            total.rejected_reasons.into_iter().collect();
        rejected_by_reason.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Self {
            leads: total.leads,
            contacted_in_time: total.contacted_in_time,
            contacted_share,
            attempts_per_lead: per_lead(total.contact_attempts),
            reached_attempts: total.reached_attempts,
            accepted: total.accepted,
            rejected: total.rejected,
            rejected_by_reason,
            state: match contacted_share {
                Some(share) if share < target => State::Behind,
                _ => State::OnTrack,
            },
        }
    }
}

/// `[{"reason": "No budget", "count": 3}, …]` in the command line's JSON.
fn reasons_as_objects<S: Serializer>(reasons: &[(String, u64)], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Reason<'a> {
        reason: &'a str,
        count: u64,
    }
    s.collect_seq(reasons.iter().map(|(reason, count)| Reason {
        reason,
        count: *count,
    }))
}

/// Why there is no status.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    /// The document has no scenario with this id.
    #[error("{}", self.describe(Language::English))]
    NoScenario(ScenarioId),
    /// The date lies before or after the plan's period.
    #[error("{}", self.describe(Language::English))]
    OutsidePeriod {
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
}

impl StatusError {
    /// The error in the user's language.
    pub fn describe(&self, language: Language) -> String {
        let t = language.text();
        match self {
            Self::NoScenario(id) => fill(t.tracking_no_scenario, &[("id", &id.0.to_string())]),
            Self::OutsidePeriod { date, first, last } => fill(
                t.tracking_outside_period,
                &[
                    ("date", &date.to_string()),
                    ("first", &first.to_string()),
                    ("last", &last.to_string()),
                ],
            ),
        }
    }
}

/// Customers and revenue won in a month so far, against that month's plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Won {
    /// Customers closed from the 1st of the month up to and including the date.
    pub customers: u64,
    /// Their revenue.
    pub revenue: f64,
    /// The plan's customers of the month.
    pub planned_customers: f64,
    /// The plan's marketing revenue of the month.
    pub planned_revenue: f64,
}

/// What was won in the month of `date` up to and including it, all sources, against the plan's
/// month. Customers answer to the plan's customers of the month (they close a sales cycle after
/// their leads arrive), not to this month's leads. `None` outside the plan's period.
pub fn won(doc: &SlaDocument, plan: &Plan, date: NaiveDate) -> Option<Won> {
    let month = YearMonth::of(date);
    let planned = plan.months.iter().find(|m| m.month == month)?;
    let sum = Totals::of(doc.actuals.between(month.first_day(), date));
    Some(Won {
        customers: sum.customers,
        revenue: sum.revenue,
        planned_customers: planned.customers,
        planned_revenue: planned.marketing_revenue,
    })
}

/// The status of all sources on `date` against `plan`, the plan of scenario `scenario`.
pub fn status(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    date: NaiveDate,
) -> Result<Status, StatusError> {
    status_for(doc, scenario, plan, date, &SourceFilter::all())
}

/// The status of the sources `filter` admits: their actuals against their share of the goal
/// (a source the plan does not know has no goal, so any lead of it is ahead).
pub fn status_for(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    date: NaiveDate,
    filter: &SourceFilter,
) -> Result<Status, StatusError> {
    let tracker = Tracker::new(doc, scenario, plan, filter)?;
    let ideal = &tracker.ideal;
    let (first, last) = tracker.period;
    if date < first || date > last {
        return Err(StatusError::OutsidePeriod { date, first, last });
    }

    let month = YearMonth::of(date);
    let month_start = month.first_day();
    let month_end = month.end_exclusive();
    let working_days = ideal.working_days(month_start, month_end);
    let working_days_elapsed = ideal.working_days(month_start, next_day(date));

    let monday = iso_week_start(date).max(first);
    let sunday = iso_week_start(date)
        .checked_add_days(Days::new(6))
        .unwrap_or(last)
        .min(last);
    let week_goal = plan
        .weeks
        .iter()
        .find(|w| w.starts == iso_week_start(date))
        .map_or(0.0, |w| w.leads);

    let month_records = doc.actuals.between(month_start, date);
    Ok(Status {
        date,
        month,
        working_days,
        working_days_elapsed,
        working_days_left: working_days.saturating_sub(working_days_elapsed),
        month_pace: tracker.pace(ideal.month_goal(date), month_start, date, month_end),
        week: tracker.pace(week_goal, monday, date, next_day(sunday)),
        period: tracker.pace(ideal.total(), first, date, next_day(last)),
        sales: SalesStatus::of(month_records, filter, tracker.compliance_target()),
    })
}

/// What every figure of step 3 needs: the plan's line, the lead values, the actuals and the
/// scope (all sources or one). Shared by the status and the chart series.
#[derive(Debug)]
pub(crate) struct Tracker<'a> {
    pub(crate) ideal: Ideal,
    pub(crate) values: LeadValues,
    pub(crate) doc: &'a SlaDocument,
    pub(crate) filter: &'a SourceFilter,
    /// The first and last day of the plan's period.
    pub(crate) period: (NaiveDate, NaiveDate),
    /// The scope's share of the leads and the lead value of one of its leads.
    pub(crate) share: f64,
    pub(crate) lead_value: f64,
    /// The document's tolerance as a fraction (0.1 = 10 %).
    pub(crate) tolerance: f64,
}

impl<'a> Tracker<'a> {
    /// The tracker of `plan`, the plan of scenario `scenario` of `doc`.
    pub(crate) fn new(
        doc: &'a SlaDocument,
        scenario: ScenarioId,
        plan: &Plan,
        filter: &'a SourceFilter,
    ) -> Result<Self, StatusError> {
        let assumptions = &doc
            .scenario(scenario)
            .ok_or(StatusError::NoScenario(scenario))?
            .assumptions;
        let ideal = Ideal::new(plan, assumptions);
        let (Some(first), Some(last)) = (ideal.first_day(), ideal.last_day()) else {
            return Err(StatusError::NoScenario(scenario));
        };
        let values = LeadValues::new(plan, assumptions);
        let (share, lead_value) = values.scope(filter);
        Ok(Self {
            ideal,
            values,
            doc,
            filter,
            period: (first, last),
            share,
            lead_value,
            tolerance: (doc.tracking.tolerance_percent / 100.0).max(0.0),
        })
    }

    /// The document's compliance target as a fraction (0.9 = 90 %).
    pub(crate) fn compliance_target(&self) -> f64 {
        self.doc.sales_commitments.compliance_target_percent / 100.0
    }

    /// The pace of the span `[start, end)` of the whole plan's goal `goal` (all sources), on
    /// `date` inside it.
    fn pace(&self, goal: f64, start: NaiveDate, date: NaiveDate, end: NaiveDate) -> Pace {
        let last = end.pred_opt().unwrap_or(end);
        let span = self.ideal.between(start, last);
        let fraction = if span > 0.0 {
            (self.ideal.between(start, date) / span).clamp(0.0, 1.0)
        } else {
            let all = self.ideal.working_days(start, end);
            ratio(self.ideal.working_days(start, next_day(date)), all)
        };
        let left = self.ideal.working_days(next_day(date), end);
        let (actual, actual_value) = self
            .values
            .count(self.doc.actuals.between(start, date), self.filter);
        let goal = goal * self.share;
        let goal_value = goal * self.lead_value;
        let expected = goal * fraction;
        let projected = |a: f64| (fraction > 0.0).then(|| a / fraction);
        let needed = |g: f64, a: f64| (left > 0).then(|| (g - a).max(0.0) / f64::from(left));
        Pace {
            goal,
            actual,
            expected,
            projected: projected(actual),
            needed_per_working_day: needed(goal, actual),
            goal_value,
            actual_value,
            expected_value: expected * self.lead_value,
            projected_value: projected(actual_value),
            needed_value_per_working_day: needed(goal_value, actual_value),
            state: State::of(actual, expected, self.tolerance),
        }
    }
}

fn ratio(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Measure;
    use crate::plan::{Conversion, LeadSource, compute};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    /// The default plan (€1.2 M, 50 % marketing, €25,000 deals, 5 %: 480 leads, 40 a month,
    /// lead value €1,250) over 2027, with New Year's Day (a Friday) off: January has 20
    /// working days.
    fn document() -> SlaDocument {
        let mut doc = SlaDocument::default();
        doc.scenarios[0].assumptions.holidays = vec![day(1, 1)];
        doc
    }

    fn leads(doc: &mut SlaDocument, date: NaiveDate, source: &str, n: u32) {
        doc.actuals.set(date, source, Measure::Leads, f64::from(n));
    }

    fn status_on(doc: &SlaDocument, date: NaiveDate) -> Status {
        let scenario = &doc.scenarios[0];
        let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
        status(doc, scenario.id, &plan, date).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn mid_month_pace_by_hand() {
        let mut doc = document();
        leads(&mut doc, day(1, 4), "Website", 8);
        leads(&mut doc, day(1, 14), "Website", 10);
        leads(&mut doc, day(1, 18), "Website", 99); // after the date: not counted
        let s = status_on(&doc, day(1, 15));
        assert_eq!(s.month.to_string(), "2027-01");
        // Working days 4–8 and 11–15 January.
        assert_eq!(
            (s.working_days, s.working_days_elapsed, s.working_days_left),
            (20, 10, 10)
        );
        let m = &s.month_pace;
        assert!(close(m.goal, 40.0) && close(m.actual, 18.0));
        assert!(close(m.expected, 20.0), "40 × 10 ÷ 20");
        assert!(close(m.projected.unwrap(), 36.0), "18 ÷ 10 × 20");
        assert!(
            close(m.needed_per_working_day.unwrap(), 2.2),
            "(40 − 18) ÷ 10"
        );
        assert!(close(m.goal_value, 50_000.0) && close(m.actual_value, 22_500.0));
        assert!(close(m.expected_value, 25_000.0));
        assert!(close(m.projected_value.unwrap(), 45_000.0));
        assert!(close(m.needed_value_per_working_day.unwrap(), 2_750.0));
        assert_eq!(m.state, State::OnTrack, "18 is not below 20 × 0.9 = 18");
    }

    #[test]
    fn behind_and_far_ahead_are_both_outside_the_tolerance() {
        let mut doc = document();
        leads(&mut doc, day(1, 14), "Website", 17);
        assert_eq!(status_on(&doc, day(1, 15)).month_pace.state, State::Behind);
        leads(&mut doc, day(1, 14), "Website", 23);
        assert_eq!(
            status_on(&doc, day(1, 15)).month_pace.state,
            State::Ahead,
            "23 > 22"
        );
        doc.tracking.tolerance_percent = 20.0;
        assert_eq!(status_on(&doc, day(1, 15)).month_pace.state, State::OnTrack);
    }

    #[test]
    fn a_weekend_day_elapses_no_working_day_but_counts_its_leads() {
        let mut doc = document();
        leads(&mut doc, day(1, 15), "Website", 18);
        leads(&mut doc, day(1, 16), "Website", 2);
        let s = status_on(&doc, day(1, 16));
        assert_eq!((s.working_days_elapsed, s.working_days_left), (10, 10));
        assert!(close(s.month_pace.expected, 20.0));
        assert!(close(s.month_pace.actual, 20.0));
    }

    #[test]
    fn nothing_elapsed_on_a_holiday_the_first() {
        let doc = document();
        let s = status_on(&doc, day(1, 1));
        assert_eq!((s.working_days_elapsed, s.working_days_left), (0, 20));
        let m = &s.month_pace;
        assert!(close(m.expected, 0.0));
        assert_eq!(m.projected, None, "no pace to extrapolate yet");
        assert!(close(m.needed_per_working_day.unwrap(), 2.0));
        assert_eq!(m.state, State::OnTrack);
    }

    #[test]
    fn no_actuals_is_behind_once_leads_are_due() {
        let s = status_on(&document(), day(1, 15));
        assert!(close(s.month_pace.actual, 0.0));
        assert_eq!(s.month_pace.projected, Some(0.0));
        assert_eq!(s.month_pace.state, State::Behind);
        assert_eq!(s.sales, SalesStatus::of(&[], &SourceFilter::all(), 0.9));
        assert_eq!(s.sales.contacted_share, None);
        assert_eq!(s.sales.state, State::OnTrack, "no lead was left waiting");
    }

    #[test]
    fn the_month_boundary_starts_a_new_month_but_not_a_new_period() {
        let mut doc = document();
        leads(&mut doc, day(1, 29), "Website", 40);
        leads(&mut doc, day(2, 1), "Website", 3);
        let end = status_on(&doc, day(1, 31));
        assert_eq!((end.working_days_elapsed, end.working_days_left), (20, 0));
        assert_eq!(end.month_pace.needed_per_working_day, None, "no day left");
        assert!(close(end.month_pace.projected.unwrap(), 40.0));
        let s = status_on(&doc, day(2, 1));
        assert_eq!(s.month.to_string(), "2027-02");
        assert_eq!((s.working_days, s.working_days_elapsed), (20, 1));
        assert!(close(s.month_pace.actual, 3.0) && close(s.month_pace.expected, 2.0));
        let p = &s.period;
        assert!(close(p.goal, 480.0) && close(p.actual, 43.0));
        assert!(
            close(p.expected, 42.0),
            "January's 40 and 1/20 of February's 40"
        );
        assert!(close(p.projected.unwrap(), 43.0 / 42.0 * 480.0));
        // Working days after 1 February to 31 December 2027: 261 weekdays in 2027 (52 weeks
        // and a Friday), less New Year's Day, less the 20 of January and 1 February: 239.
        assert!(close(
            p.needed_per_working_day.unwrap(),
            (480.0 - 43.0) / 239.0
        ));
    }

    #[test]
    fn the_iso_week_of_the_date() {
        let mut doc = document();
        leads(&mut doc, day(1, 8), "Website", 5); // the week before: not counted
        leads(&mut doc, day(1, 11), "Website", 4);
        leads(&mut doc, day(1, 12), "Website", 1);
        let s = status_on(&doc, day(1, 13));
        let w = &s.week;
        assert!(close(w.goal, 10.0), "5 of January's 20 working days × 40");
        assert!(close(w.actual, 5.0) && close(w.expected, 6.0));
        assert!(
            close(w.needed_per_working_day.unwrap(), 2.5),
            "(10 − 5) ÷ 2"
        );
        // The first week of the period starts in 2026: only its part inside the period counts.
        let first = status_on(&doc, day(1, 3));
        assert!(close(first.week.goal, 0.0), "1 January is a holiday");
        assert_eq!(first.week.needed_per_working_day, None);
    }

    #[test]
    fn the_last_day_of_the_period() {
        let mut doc = document();
        leads(&mut doc, day(12, 31), "Website", 500);
        let s = status_on(&doc, day(12, 31));
        assert_eq!(s.working_days_left, 0);
        assert_eq!(s.period.needed_per_working_day, None);
        assert!(close(s.period.expected, 480.0) && close(s.period.projected.unwrap(), 500.0));
        assert_eq!(s.period.state, State::OnTrack, "500 is within 10 % of 480");
    }

    #[test]
    fn a_month_without_working_days_spreads_its_goal_over_calendar_days() {
        let mut doc = document();
        let february: Vec<NaiveDate> = day(2, 1).iter_days().take(28).collect();
        doc.scenarios[0].assumptions.holidays.extend(february);
        leads(&mut doc, day(2, 10), "Website", 20);
        let s = status_on(&doc, day(2, 14));
        assert_eq!(
            (s.working_days, s.working_days_elapsed, s.working_days_left),
            (0, 0, 0)
        );
        let m = &s.month_pace;
        assert!(close(m.expected, 20.0), "14 of 28 days of 40");
        assert!(close(m.projected.unwrap(), 40.0));
        assert_eq!(m.needed_per_working_day, None);
        assert_eq!(m.state, State::OnTrack);
    }

    #[test]
    fn a_date_outside_the_period_says_so_in_both_languages() {
        let doc = document();
        let scenario = &doc.scenarios[0];
        let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
        let error = status(&doc, scenario.id, &plan, day(1, 1).pred_opt().unwrap()).unwrap_err();
        assert_eq!(
            error.describe(Language::English),
            "2026-12-31 is outside the plan's period (2027-01-01 to 2027-12-31); choose a date inside it."
        );
        assert!(error.describe(Language::Dutch).contains("valt buiten"));
        assert!(
            status(
                &doc,
                scenario.id,
                &plan,
                NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()
            )
            .is_err()
        );
        assert_eq!(
            status(&doc, ScenarioId(99), &plan, day(1, 4)),
            Err(StatusError::NoScenario(ScenarioId(99)))
        );
    }

    /// Two sources of equal share: Website (4 % of €25,000: lead value €1,000) and Events
    /// (10 % of €20,000: €2,000). Blended lead value €1,500, so €600,000 needs 400 leads over
    /// ten months: 40 a month, 20 from each.
    fn sources_document() -> SlaDocument {
        let mut doc = document();
        let a = &mut doc.scenarios[0].assumptions;
        a.conversion = Conversion::LeadSources;
        a.period.months = 10;
        a.lead_sources = vec![
            LeadSource {
                name: "Website".into(),
                share_percent: 50.0,
                lead_to_customer_percent: 4.0,
                average_deal_size: 25_000.0,
                cost_per_lead: None,
                ..LeadSource::default()
            },
            LeadSource {
                name: "Events".into(),
                share_percent: 50.0,
                lead_to_customer_percent: 10.0,
                average_deal_size: 20_000.0,
                cost_per_lead: None,
                ..LeadSource::default()
            },
        ];
        leads(&mut doc, day(1, 11), "website ", 10);
        leads(&mut doc, day(1, 12), "EVENTS", 8);
        leads(&mut doc, day(1, 13), "Trade fair", 4);
        doc
    }

    #[test]
    fn lead_value_follows_each_source_and_unknown_sources_count_at_the_average() {
        let doc = sources_document();
        let s = status_on(&doc, day(1, 15));
        let m = &s.month_pace;
        assert!(close(m.goal, 40.0) && close(m.goal_value, 60_000.0));
        assert!(
            close(m.actual, 22.0),
            "the trade fair's leads are never dropped"
        );
        assert!(close(
            m.actual_value,
            10.0 * 1_000.0 + 8.0 * 2_000.0 + 4.0 * 1_500.0
        ));
    }

    #[test]
    fn one_source_against_its_share_of_the_goal() {
        let doc = sources_document();
        let scenario = &doc.scenarios[0];
        let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
        let of = |name| {
            status_for(
                &doc,
                scenario.id,
                &plan,
                day(1, 15),
                &SourceFilter::source(name),
            )
            .unwrap()
        };
        let web = of("WEBSITE").month_pace;
        assert!(close(web.goal, 20.0) && close(web.goal_value, 20_000.0));
        assert!(close(web.actual, 10.0) && close(web.actual_value, 10_000.0));
        assert!(close(web.expected, 10.0));
        assert_eq!(web.state, State::OnTrack);
        let fair = of("Trade fair").month_pace;
        assert!(close(fair.goal, 0.0) && close(fair.actual, 4.0));
        assert_eq!(
            fair.state,
            State::Ahead,
            "no goal, so any lead is ahead of it"
        );
    }

    #[test]
    fn sales_compliance_of_the_month_to_date() {
        let mut doc = document();
        let d = day(1, 12);
        leads(&mut doc, d, "Website", 20);
        doc.actuals
            .set(d, "Website", Measure::ContactedInTime, 17.0);
        doc.actuals
            .set(d, "Website", Measure::ContactAttempts, 60.0);
        doc.actuals
            .set(d, "Website", Measure::ReachedAttempts, 12.0);
        doc.actuals.set(d, "Website", Measure::Accepted, 10.0);
        let mut record = doc.actuals.get(d, "Website").unwrap().clone();
        record.rejected = 6;
        record.rejected_reasons = [("No budget".to_owned(), 2), ("Student".to_owned(), 3)].into();
        doc.actuals.replace_held(vec![record]);
        let sales = status_on(&doc, day(1, 15)).sales;
        assert_eq!(
            (sales.leads, sales.contacted_in_time, sales.reached_attempts),
            (20, 17, 12)
        );
        assert!(close(sales.contacted_share.unwrap(), 0.85));
        assert!(close(sales.attempts_per_lead.unwrap(), 3.0));
        assert_eq!((sales.accepted, sales.rejected), (10, 6));
        assert_eq!(
            sales.rejected_by_reason,
            [("Student".to_owned(), 3), ("No budget".to_owned(), 2)]
        );
        assert_eq!(sales.state, State::Behind, "85 % is below the 90 % target");
        doc.sales_commitments.compliance_target_percent = 85.0;
        assert_eq!(status_on(&doc, day(1, 15)).sales.state, State::OnTrack);
    }

    #[test]
    fn won_counts_the_month_up_to_the_date_against_its_plan() {
        let mut doc = document();
        doc.actuals.set(day(2, 3), "A", Measure::Customers, 2.0);
        doc.actuals.set(day(2, 3), "A", Measure::Revenue, 50_000.0);
        doc.actuals.set(day(2, 20), "B", Measure::Customers, 1.0);
        doc.actuals.set(day(1, 31), "A", Measure::Customers, 5.0);
        let plan = compute(&doc.scenarios[0].assumptions, &doc.sales_commitments)
            .unwrap_or_else(|_| unreachable!("the default plan computes"));
        let february = plan
            .months
            .iter()
            .find(|m| m.month == YearMonth::of(day(2, 1)));
        let won = won(&doc, &plan, day(2, 10)).unwrap_or_else(|| unreachable!("inside the period"));
        assert_eq!((won.customers, won.revenue), (2, 50_000.0));
        assert_eq!(Some(won.planned_customers), february.map(|m| m.customers));
        let before = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
        assert_eq!(super::won(&doc, &plan, before), None);
    }
}
