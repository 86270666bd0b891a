//! Will we make it? The chance of reaching the goals of the month, the calendar quarter and the
//! period that contain a date, from the pace so far (issue 20). Exact: no sampling, the same
//! document gives the same numbers.
//!
//! **Leads: Gamma–Poisson.** Leads arrive as a Poisson process whose rate is uncertain. The
//! rate is measured per *planned lead* (exposure): a working day of a busy month carries more
//! planned leads than one of a quiet month, so one rate θ (1 = exactly the plan's pace) serves a
//! span whose months have different goals. For a span with goal *G* over *W* working days:
//!
//! ```text
//! prior        θ ~ Gamma(α₀, β₀'),  β₀' = β₀ × G ÷ W  (β₀ = prior strength in working days)
//!                                   α₀  = β₀'          (the prior's mean rate is the plan's)
//! elapsed      e = planned leads due up to the date (the plan's line), x = leads that arrived
//! left         r = G − e  (0 once no working day of the span is left)
//! posterior    θ ~ Gamma(α₀ + x, β₀' + e)
//! to come      Y ~ NB(α, q),  α = α₀ + x,  q = (β₀' + e) ÷ (β₀' + e + r)
//! chance       P(x + Y ≥ G)
//! ```
//!
//! Within one month the plan's line rises by G ÷ W per working day: with *d* working days
//! elapsed and *n* left, e = d·G ÷ W, r = n·G ÷ W and q = (β₀ + d) ÷ (β₀ + d + n), exactly the
//! per-working-day model with α₀ = β₀ × the plan's leads per working day. With β₀ = 0 there is no forecast before a
//! planned lead is due (nothing to learn the pace from).
//!
//! **Lead value.** The leads so far count at their own source's lead value (their actual
//! value *v*); each lead still to come is worth the plan's average lead value *v̄* of the scope
//! (the plan's source mix). The chance of the value goal *V* is P(v + v̄·Y ≥ V).
//!
//! **Customers: beta-binomial.** The lead-to-customer rate *p* is Beta with the plan's rate as
//! its mean and the prior strength in leads, n₀ = β₀ × the period's planned leads per working
//! day, updated by the cohorts that have had time to close (those closing in the months before
//! the current one, and the elapsed share *f* of the one closing in the current month, each
//! month's leads spread over its close months by the sales-cycle lag's shares, as
//! `Lag::closing` pushes them): Beta(n₀p̄ + s, n₀(1 − p̄) + n − s) for *n* such leads and the
//! *s* customers won in the period so far. Customers of the period = won so far + the open
//! cohorts' leads (the rest, 1 − *f*, of this month's and those closing later) beta-binomial
//! in the rate + the leads still to come that close inside the period
//! (negative binomial thinned by the posterior mean rate: NB(α, q ÷ (q + p(1 − q)))), added by
//! convolution. The open cohorts and the leads to come are treated as independent (the rate
//! they share is not): a slightly narrower range than the joint model, stated in the README.

use chrono::{Datelike as _, NaiveDate};
use serde::Serialize;

use crate::distribution::{Discrete, positive, whole};
use crate::document::{ScenarioId, SlaDocument, SourceDay};
use crate::plan::calendar::YearMonth;
use crate::plan::{Lag, Plan};

use super::actual::SourceFilter;
use super::ideal::next_day;
use super::series::{Granularity, Quantity, spans};
use super::status::{State, StatusError, Tracker};

/// The 10th, 50th and 90th percentile: the range the forecast shows.
const PERCENTILES: [f64; 3] = [0.1, 0.5, 0.9];

/// The prior strength is bounded here (a hundred million working days is the plan's pace for
/// certain); a hostile file's infinity cannot make a probability NaN.
pub const MAX_PRIOR_DAYS: f64 = 1.0e8;

/// The forecast of the spans that contain a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Forecast {
    pub month: Option<SpanForecast>,
    pub quarter: Option<SpanForecast>,
    pub period: Option<SpanForecast>,
    /// The customers of the period; all sources only (a source's own rate and won customers
    /// are not planned per source with every basis).
    pub customers: Option<CustomerForecast>,
}

/// The forecast of one span's leads at its end (see the module documentation).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpanForecast {
    /// The plan's leads for the span.
    pub goal: f64,
    /// P(total ≥ goal), a fraction.
    pub chance: f64,
    /// The smallest totals whose cumulative probability reaches 10 %, 50 % and 90 %.
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    /// P(lead value ≥ the value goal); `None` when a lead is worth nothing in the plan.
    pub chance_value: Option<f64>,
    /// P(total > goal × (1 + tolerance)): flooding the sales reps.
    pub chance_above_tolerance: f64,
    /// The model's inputs, for the explanation on hover.
    #[serde(skip)]
    pub model: Model,
}

impl SpanForecast {
    /// The forecast by the Report tab's state rules: behind while reaching the goal is less
    /// likely than not, ahead (a miss too: it floods the sales reps) while ending above
    /// goal × (1 + tolerance) is more likely than not, on track otherwise.
    pub fn state(&self) -> State {
        if self.chance_above_tolerance > 0.5 {
            State::Ahead
        } else if self.chance < 0.5 {
            State::Behind
        } else {
            State::OnTrack
        }
    }
}

/// One day of the forecast's fan on the hug-the-line chart: the span's total by the end of the
/// day, its median and the ranges it falls in with 50 % (25th–75th percentile) and 90 %
/// (5th–95th) probability.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FanPoint {
    pub date: NaiveDate,
    pub median: f64,
    pub band50: (f64, f64),
    pub band90: (f64, f64),
}

/// The fan of the month that contains `date`, from the date to the month's last day, in
/// `quantity`: the leads to come by day *t* are NB(α, K ÷ (K + rₜ)) with K = β₀' + e of the
/// month's forecast and rₜ the planned leads after the date up to *t* (in lead value each
/// counts at the scope's average lead value). Empty when the month has no forecast.
pub fn month_fan(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    date: NaiveDate,
    quantity: Quantity,
    filter: &SourceFilter,
) -> Result<Vec<FanPoint>, StatusError> {
    let tracker = Tracker::new(doc, scenario, plan, filter)?;
    let (first, last) = tracker.period;
    if date < first || date > last {
        return Err(StatusError::OutsidePeriod { date, first, last });
    }
    let month = YearMonth::of(date);
    let end = month.end_exclusive().pred_opt().unwrap_or(last).min(last);
    let mut days = Vec::new();
    let mut day = date;
    while day <= end {
        days.push(day);
        let next = next_day(day);
        if next == day {
            break;
        }
        day = next;
    }
    Ok(fan(
        &tracker,
        quantity,
        month.first_day().max(first),
        date,
        end,
        &days,
    ))
}

/// The fan of the whole period on its hug-the-line chart by weeks or months (`by`): by the
/// rule of [`month_fan`] with the period's forecast, at the date (the chart's point of the week
/// or month so far) and at the last day of each later week or month, each with the index of its
/// point on that chart. Empty when the period has no forecast.
pub fn period_fan(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    date: NaiveDate,
    quantity: Quantity,
    filter: &SourceFilter,
    by: Granularity,
) -> Result<Vec<(usize, FanPoint)>, StatusError> {
    let tracker = Tracker::new(doc, scenario, plan, filter)?;
    let (first, last) = tracker.period;
    if date < first || date > last {
        return Err(StatusError::OutsidePeriod { date, first, last });
    }
    let points: Vec<(usize, NaiveDate)> = spans(&tracker, by)
        .into_iter()
        .enumerate()
        .filter_map(|(i, span)| {
            let end = span.end_exclusive().pred_opt().unwrap_or(last).min(last);
            if span.first_day() > date {
                Some((i, end))
            } else {
                (end >= date).then_some((i, date))
            }
        })
        .collect();
    let days: Vec<NaiveDate> = points.iter().map(|(_, day)| *day).collect();
    let fan = fan(&tracker, quantity, first, date, last, &days);
    Ok(points.into_iter().map(|(i, _)| i).zip(fan).collect())
}

/// The fan on `days` (from `date` on) of the span from `start` to `end`; empty without a
/// forecast of the span.
fn fan(
    tracker: &Tracker<'_>,
    quantity: Quantity,
    start: NaiveDate,
    date: NaiveDate,
    end: NaiveDate,
    days: &[NaiveDate],
) -> Vec<FanPoint> {
    let Some(span) = span_forecast(tracker, prior_days(tracker.doc), start, date, end) else {
        return Vec::new();
    };
    let m = span.model;
    let known = m.prior_leads + m.elapsed;
    let total = |y: u64| match quantity {
        Quantity::Leads => m.actual + y as f64,
        Quantity::LeadValue => m.actual_value + tracker.lead_value * y as f64,
    };
    days.iter()
        .map(|&day| {
            let planned = if day <= date || m.remaining == 0.0 {
                0.0
            } else {
                tracker.ideal.between(next_day(date), day) * tracker.share
            };
            let to_come = Discrete::negative_binomial(m.alpha, known / (known + planned));
            let [p5, p25, p50, p75, p95] =
                [0.05, 0.25, 0.5, 0.75, 0.95].map(|p| total(to_come.percentile(p)));
            FanPoint {
                date: day,
                median: p50,
                band50: (p25, p75),
                band90: (p5, p95),
            }
        })
        .collect()
}

/// The document's prior strength β₀ in working days, within 0 and [`MAX_PRIOR_DAYS`]; NaN (a
/// hostile file) reads as 0, which `clamp` would keep.
fn prior_days(doc: &SlaDocument) -> f64 {
    let days = doc.tracking.prior_strength_days;
    if days.is_nan() {
        0.0
    } else {
        days.clamp(0.0, MAX_PRIOR_DAYS)
    }
}

/// The inputs of one span's forecast.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Model {
    /// The first and last day of the span.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// β₀: the prior strength in working days.
    pub prior_days: f64,
    /// The plan's leads per working day over the span (G ÷ W).
    pub planned_per_working_day: f64,
    /// Leads so far (x) and their value.
    pub actual: f64,
    pub actual_value: f64,
    /// Working days elapsed and left.
    pub days_elapsed: u32,
    pub days_left: u32,
    /// Planned leads due so far (e) and still to come (r).
    pub elapsed: f64,
    pub remaining: f64,
    /// The posterior's shape α = α₀ + x and the negative binomial's q.
    pub alpha: f64,
    pub q: f64,
    /// The prior in leads, β₀' = β₀ × G ÷ W.
    pub prior_leads: f64,
    /// The document's tolerance as a fraction: flooding is above goal × (1 + tolerance).
    pub tolerance: f64,
}

/// The forecast of the period's customers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CustomerForecast {
    /// The plan's customers of the period.
    pub goal: f64,
    /// Customers won from the first day of the period up to and including the date.
    pub won: u64,
    pub chance: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    /// The posterior rate's mean a ÷ (a + b), for the explanation.
    #[serde(skip)]
    pub rate: f64,
}

/// The forecast on `date` of the sources `filter` admits against `plan`, the plan of
/// `scenario`. A span without a goal, or (prior strength 0) without a planned lead due yet, has
/// no forecast.
pub fn forecast(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    date: NaiveDate,
    filter: &SourceFilter,
) -> Result<Forecast, StatusError> {
    let tracker = Tracker::new(doc, scenario, plan, filter)?;
    let (first, last) = tracker.period;
    if date < first || date > last {
        return Err(StatusError::OutsidePeriod { date, first, last });
    }
    let month = YearMonth::of(date);
    let quarter = YearMonth::new(date.year(), (date.month() - 1) / 3 * 3 + 1).unwrap_or(month);
    let quarter_end = quarter
        .offset(3)
        .map_or(last, |next| next.first_day().pred_opt().unwrap_or(last));
    let prior_days = prior_days(doc);
    let span = |start: NaiveDate, end: NaiveDate| {
        span_forecast(&tracker, prior_days, start.max(first), date, end.min(last))
    };
    let month_end = month.end_exclusive().pred_opt().unwrap_or(last);
    let period = span(first, last);
    let customers = if filter.key().is_none() {
        period
            .as_ref()
            .and_then(|p| customers(&tracker, plan, prior_days, date, &p.model))
    } else {
        None
    };
    Ok(Forecast {
        month: span(month.first_day(), month_end),
        quarter: span(quarter.first_day(), quarter_end),
        period,
        customers,
    })
}

/// The forecast of the span from `start` to `end` (both included) on `date` inside it.
fn span_forecast(
    tracker: &Tracker<'_>,
    prior_days: f64,
    start: NaiveDate,
    date: NaiveDate,
    end: NaiveDate,
) -> Option<SpanForecast> {
    let ideal = &tracker.ideal;
    let goal = ideal.between(start, end) * tracker.share;
    if !positive(goal) {
        return None;
    }
    let after = next_day(end);
    let days = ideal.working_days(start, after);
    let days_elapsed = ideal.working_days(start, next_day(date));
    let days_left = ideal.working_days(next_day(date), after);
    let elapsed = (ideal.between(start, date) * tracker.share).clamp(0.0, goal);
    let remaining = if days > 0 && days_left == 0 {
        0.0
    } else {
        goal - elapsed
    };
    let unit_days = if days > 0 {
        f64::from(days)
    } else {
        (after - start).num_days().max(1) as f64
    };
    let prior_leads = prior_days * goal / unit_days;
    let (actual, actual_value) = tracker
        .values
        .count(tracker.doc.actuals.between(start, date), tracker.filter);
    let alpha = prior_leads + actual;
    let known = prior_leads + elapsed;
    if !positive(known) {
        return None;
    }
    let q = known / (known + remaining);
    let to_come = Discrete::negative_binomial(alpha, q);
    let x = whole(actual.round());
    let total = |k: u64| (x + k) as f64;
    let reach = |target: f64| {
        let needed = target - actual;
        if needed <= 0.0 {
            1.0
        } else {
            to_come.at_least(whole((needed - 1e-9).ceil()))
        }
    };
    let lead_value = tracker.lead_value;
    let chance_value = (lead_value > 0.0).then(|| {
        let needed = (goal * lead_value - actual_value) / lead_value;
        if needed <= 0.0 {
            1.0
        } else {
            to_come.at_least(whole((needed - 1e-9).ceil()))
        }
    });
    let flood = goal * (1.0 + tracker.tolerance) - actual;
    let chance_above_tolerance = if flood < 0.0 {
        1.0
    } else {
        to_come.at_least(whole(flood.floor()) + 1)
    };
    let [p10, p50, p90] = PERCENTILES.map(|p| total(to_come.percentile(p)));
    Some(SpanForecast {
        goal,
        chance: reach(goal),
        p10,
        p50,
        p90,
        chance_value,
        chance_above_tolerance,
        model: Model {
            start,
            end,
            prior_days,
            planned_per_working_day: goal / unit_days,
            actual,
            actual_value,
            days_elapsed,
            days_left,
            elapsed,
            remaining,
            alpha,
            q,
            prior_leads,
            tolerance: tracker.tolerance,
        },
    })
}

/// The period's customers (all sources; see the module documentation). `None` without a rate
/// to go by (prior strength 0 and no cohort closed yet) or without customers to win.
fn customers(
    tracker: &Tracker<'_>,
    plan: &Plan,
    prior_days: f64,
    date: NaiveDate,
    leads: &Model,
) -> Option<CustomerForecast> {
    let goal: f64 = plan.months.iter().map(|m| m.customers).sum();
    let months = (plan.months.first()?.month, plan.months.last()?.month);
    if !positive(goal) {
        return None;
    }
    let cohorts = Cohorts::of(tracker, plan, months, date)?;
    let won = sum(
        tracker.doc.actuals.between(months.0.first_day(), date),
        |r| r.customers,
    );
    let cohort_customers = (won as f64).min(cohorts.closed);
    let rate = plan.lead_to_customer.clamp(0.0, 1.0);
    let prior_leads = if plan.working_days > 0 {
        prior_days * plan.leads_needed / f64::from(plan.working_days)
    } else {
        0.0
    };
    let a = prior_leads * rate + cohort_customers;
    let b = prior_leads * (1.0 - rate) + (cohorts.closed - cohort_customers);
    if !positive(a + b) {
        return None;
    }
    let mean_rate = a / (a + b);

    let open = Discrete::beta_binomial(whole(cohorts.open.round()), a, b);
    // The leads still to come that close inside the period, each converting at the posterior
    // mean rate.
    let planned = planned_to_close(tracker, &plan.lag, months.1, date)?;
    let to_come = if planned > 0.0 {
        let known = leads.prior_leads + leads.elapsed;
        let q = known / (known + planned);
        let thinned = q / (q + mean_rate * (1.0 - q));
        Discrete::negative_binomial(leads.alpha, thinned)
    } else {
        Discrete::point(0)
    };
    let more = open.plus(&to_come);
    let needed = goal - won as f64;
    let chance = if needed <= 0.0 {
        1.0
    } else {
        more.at_least(whole((needed - 1e-9).ceil()))
    };
    let [p10, p50, p90] = PERCENTILES.map(|p| (won + more.percentile(p)) as f64);
    Some(CustomerForecast {
        goal,
        won,
        chance,
        p10,
        p50,
        p90,
        rate: mean_rate,
    })
}

/// The leads so far, split by the lag into the shares that have had time to close and those
/// still open (see the module documentation).
struct Cohorts {
    /// Leads whose close falls from the period's first month up to the date.
    closed: f64,
    /// Leads whose close falls after the date, up to the period's last month.
    open: f64,
}

impl Cohorts {
    /// Each month's leads so far, pushed through the lag (`Lag`: a share wₖ closes k months
    /// later): the shares closing from the first month of the period (`first`) up to the month
    /// before, and of the share closing this month the part of the month elapsed, have had time
    /// to close (their customers won so far are this period's); the rest up to the last month
    /// of the period (`last`) is still open.
    fn of(
        tracker: &Tracker<'_>,
        plan: &Plan,
        (first, last): (YearMonth, YearMonth),
        date: NaiveDate,
    ) -> Option<Self> {
        let lag = &plan.lag;
        let current = YearMonth::of(date);
        let elapsed = tracker.ideal.month_fraction(date).unwrap_or(0.0);
        let mut cohorts = Self {
            closed: 0.0,
            open: 0.0,
        };
        let mut arrived = first.offset(-(lag.longest() as i64))?;
        while arrived <= current {
            let leads = leads_in(tracker, plan, (arrived, first), date) as f64;
            let now = current.months_since(arrived);
            let closed =
                lag.share_between(first.months_since(arrived), now - 1) + lag.share(now) * elapsed;
            let open = lag.share(now) * (1.0 - elapsed)
                + lag.share_between(now + 1, last.months_since(arrived));
            cohorts.closed += leads * closed;
            cohorts.open += leads * open;
            arrived = arrived.offset(1)?;
        }
        Some(cohorts)
    }
}

/// Leads that arrived in `month` up to `until`; before the period (its first month `first`), a
/// month without any record counts the plan's leads before the period (they were planned, not
/// tracked).
fn leads_in(
    tracker: &Tracker<'_>,
    plan: &Plan,
    (month, first): (YearMonth, YearMonth),
    until: NaiveDate,
) -> u64 {
    let records = tracker
        .doc
        .actuals
        .between(month.first_day(), until.min(last_day(month, until)));
    if month < first && records.is_empty() {
        plan.leads_before_period
            .iter()
            .find(|m| m.month == month)
            .map_or(0, |m| whole(m.arriving.ceil()))
    } else {
        sum(records, |r| r.leads)
    }
}

/// Leads still to come that close inside the period (ending in month `last`): each month's
/// planned leads after `date` times the share of them the lag closes by the last month.
fn planned_to_close(
    tracker: &Tracker<'_>,
    lag: &Lag,
    last: YearMonth,
    date: NaiveDate,
) -> Option<f64> {
    let mut planned = 0.0;
    let mut arriving = YearMonth::of(date);
    while arriving <= last {
        let inside = lag.share_between(0, last.months_since(arriving));
        let from = next_day(date).max(arriving.first_day());
        let to = last_day(arriving, date);
        if inside > 0.0 && from <= to && to > date {
            planned += tracker.ideal.between(from, to) * tracker.share * inside;
        }
        arriving = arriving.offset(1)?;
    }
    Some(planned)
}

/// The last day of `month`; `fallback` for the last month chrono can hold.
fn last_day(month: YearMonth, fallback: NaiveDate) -> NaiveDate {
    month.end_exclusive().pred_opt().unwrap_or(fallback)
}

/// The sum of one count over `records`, saturating (without `Totals`' per-reason map, which
/// would cost a string per rejection over three years of records).
fn sum(records: &[SourceDay], count: fn(&SourceDay) -> u32) -> u64 {
    records
        .iter()
        .fold(0_u64, |total, r| total.saturating_add(u64::from(count(r))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distribution::ln_gamma;
    use crate::document::{Measure, Tracking};
    use crate::plan::compute;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    /// The default plan (480 leads over 2027, 40 a month, 24 customers at 5 %) with New Year's
    /// Day off: January has 20 working days, so its pace is 2 leads a working day.
    fn document() -> SlaDocument {
        let mut doc = SlaDocument::default();
        doc.scenarios[0].assumptions.holidays = vec![day(1, 1)];
        doc
    }

    fn leads(doc: &mut SlaDocument, date: NaiveDate, n: u32) {
        doc.actuals
            .set(date, "Website", Measure::Leads, f64::from(n));
    }

    fn forecast_on(doc: &SlaDocument, date: NaiveDate) -> Forecast {
        let scenario = &doc.scenarios[0];
        let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
        forecast(doc, scenario.id, &plan, date, &SourceFilter::all()).unwrap()
    }

    /// P(Y ≥ k) for Y ~ NB(α, q), by summing the formula's terms below k through ln Γ.
    fn nb_at_least(alpha: f64, q: f64, k: u64) -> f64 {
        let below: f64 = (0..k)
            .map(|y| {
                let y = y as f64;
                (ln_gamma(y + alpha) - ln_gamma(alpha) - ln_gamma(y + 1.0)
                    + alpha * q.ln()
                    + y * (1.0 - q).ln())
                .exp()
            })
            .sum();
        1.0 - below
    }

    /// P(Y ≥ k) for Y ~ Poisson(m), summed from the formula.
    fn poisson_at_least(m: f64, k: u64) -> f64 {
        let below: f64 = (0..k)
            .map(|y| (-m + y as f64 * m.ln() - ln_gamma(y as f64 + 1.0)).exp())
            .sum();
        1.0 - below
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn mid_month_chance_by_direct_summation() {
        let mut doc = document();
        leads(&mut doc, day(1, 4), 8);
        leads(&mut doc, day(1, 14), 10);
        let month = forecast_on(&doc, day(1, 15)).month.unwrap();
        // β₀ = 10 days × 2 leads = 20 leads; 18 leads in 10 of 20 days: α = 38,
        // q = (10 + 10) ÷ (10 + 10 + 10) = 2/3; 22 more are needed.
        assert!(close(month.model.alpha, 38.0, 1e-9));
        assert!(close(month.model.q, 2.0 / 3.0, 1e-12));
        assert!(close(month.chance, nb_at_least(38.0, 2.0 / 3.0, 22), 1e-12));
        assert!(month.chance > 0.3 && month.chance < 0.5, "{}", month.chance);
        assert!(month.p10 <= month.p50 && month.p50 <= month.p90);
        assert!(month.p10 >= 18.0);
        // Flooding: above 40 × 1.1 = 44, so 27 or more to come.
        assert!(close(
            month.chance_above_tolerance,
            nb_at_least(38.0, 2.0 / 3.0, 27),
            1e-12
        ));
    }

    #[test]
    fn the_percentiles_are_the_smallest_totals_reaching_their_share() {
        let mut doc = document();
        leads(&mut doc, day(1, 14), 18);
        let month = forecast_on(&doc, day(1, 15)).month.unwrap();
        let cdf = |total: f64| 1.0 - nb_at_least(38.0, 2.0 / 3.0, (total - 18.0) as u64 + 1);
        for (p, share) in [(month.p10, 0.1), (month.p50, 0.5), (month.p90, 0.9)] {
            assert!(cdf(p) >= share - 1e-12, "{p}");
            assert!(cdf(p - 1.0) < share, "{p}");
        }
    }

    #[test]
    fn the_prior_alone_when_nothing_has_elapsed() {
        let f = forecast_on(&document(), day(1, 1));
        let month = f.month.unwrap();
        // α = α₀ = 20, q = 10 ÷ (10 + 20).
        assert!(close(month.chance, nb_at_least(20.0, 1.0 / 3.0, 40), 1e-12));
        assert_eq!(month.model.days_elapsed, 0);
        // Prior strength 0: no forecast before any lead is due.
        let mut doc = document();
        doc.tracking.prior_strength_days = 0.0;
        assert_eq!(forecast_on(&doc, day(1, 1)).month, None);
        assert!(forecast_on(&doc, day(1, 4)).month.is_some());
    }

    #[test]
    fn an_infinite_prior_is_the_poisson_forecast_of_the_plans_pace() {
        let mut doc = document();
        leads(&mut doc, day(1, 14), 18);
        doc.tracking.prior_strength_days = MAX_PRIOR_DAYS;
        let month = forecast_on(&doc, day(1, 15)).month.unwrap();
        // 20 planned leads to come: P(Poisson(20) ≥ 22).
        assert!(
            close(month.chance, poisson_at_least(20.0, 22), 1e-5),
            "{}",
            month.chance
        );
    }

    #[test]
    fn more_leads_raise_the_chance_and_a_higher_goal_lowers_it() {
        let mut previous = -1.0;
        for x in [0, 5, 10, 18, 25, 35, 40] {
            let mut doc = document();
            leads(&mut doc, day(1, 14), x);
            let chance = forecast_on(&doc, day(1, 15)).month.unwrap().chance;
            assert!(chance > previous, "{x}: {chance} after {previous}");
            previous = chance;
        }
        assert!(close(previous, 1.0, 0.0), "40 of 40 is made");
        let mut previous = 2.0;
        for revenue in [1.0e6, 1.2e6, 1.5e6, 2.0e6] {
            let mut doc = document();
            doc.scenarios[0].assumptions.revenue_goal = revenue;
            leads(&mut doc, day(1, 14), 18);
            let chance = forecast_on(&doc, day(1, 15)).month.unwrap().chance;
            assert!(chance < previous, "{revenue}: {chance} after {previous}");
            previous = chance;
        }
    }

    #[test]
    fn with_no_working_day_left_the_chance_is_certain() {
        let mut doc = document();
        leads(&mut doc, day(1, 29), 40);
        let made = forecast_on(&doc, day(1, 31)).month.unwrap();
        assert_eq!((made.chance, made.p10, made.p90), (1.0, 40.0, 40.0));
        assert_eq!(made.chance_above_tolerance, 0.0);
        leads(&mut doc, day(1, 29), 39);
        assert_eq!(forecast_on(&doc, day(1, 31)).month.unwrap().chance, 0.0);
    }

    #[test]
    fn quarter_and_period_measure_exposure_in_planned_leads() {
        let mut doc = document();
        // A busy February: its working days carry more planned leads than January's.
        doc.scenarios[0].assumptions.seasonality =
            vec![1.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        leads(&mut doc, day(1, 14), 10);
        let f = forecast_on(&doc, day(1, 15));
        let scenario = &doc.scenarios[0];
        let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
        let quarter = f.quarter.unwrap();
        let goal: f64 = plan.months[..3].iter().map(|m| m.leads).sum();
        assert!(close(quarter.goal, goal, 1e-9));
        let january = plan.months[0].leads;
        assert!(close(quarter.model.elapsed, january / 2.0, 1e-9));
        assert!(close(quarter.model.remaining, goal - january / 2.0, 1e-9));
        let working_days: u32 = plan.months[..3].iter().map(|m| m.working_days).sum();
        let prior = 10.0 * goal / f64::from(working_days);
        assert!(close(quarter.model.prior_leads, prior, 1e-9));
        let q = (prior + january / 2.0) / (prior + goal);
        let needed = (goal - 10.0 - 1e-9).ceil() as u64;
        assert!(close(
            quarter.chance,
            nb_at_least(prior + 10.0, q, needed),
            1e-10
        ));
        let period = f.period.unwrap();
        assert!(close(period.goal, plan.leads_needed, 1e-9));
        assert!(period.p50 > 10.0);
    }

    #[test]
    fn value_counts_the_leads_so_far_at_their_value_and_the_rest_at_the_average() {
        let mut doc = document();
        leads(&mut doc, day(1, 14), 18);
        let month = forecast_on(&doc, day(1, 15)).month.unwrap();
        // Every lead is worth the plan's lead value: the value goal is the lead goal.
        assert_eq!(month.chance_value, Some(month.chance));
        // Two sources of equal share worth €1,000 and €2,000 a lead (blended €1,500):
        // 40 leads and €60,000 a month. 18 Events leads so far are worth €36,000, so the
        // €24,000 still needed is 16 leads at the average, fewer than the 22 leads needed.
        let mut doc = document();
        let a = &mut doc.scenarios[0].assumptions;
        a.conversion = crate::plan::Conversion::LeadSources;
        a.period.months = 10;
        a.lead_sources = [("Website", 4.0, 25_000.0), ("Events", 10.0, 20_000.0)]
            .map(|(name, rate, deal)| crate::plan::LeadSource {
                name: name.into(),
                share_percent: 50.0,
                lead_to_customer_percent: rate,
                average_deal_size: deal,
                ..crate::plan::LeadSource::default()
            })
            .to_vec();
        doc.actuals.set(day(1, 14), "Events", Measure::Leads, 18.0);
        let month = forecast_on(&doc, day(1, 15)).month.unwrap();
        assert!(close(month.model.actual_value, 36_000.0, 1e-9));
        let (alpha, q) = (month.model.alpha, month.model.q);
        assert!(close(month.chance, nb_at_least(alpha, q, 22), 1e-12));
        assert!(close(
            month.chance_value.unwrap(),
            nb_at_least(alpha, q, 16),
            1e-12
        ));
        assert!(month.chance_value.unwrap() > month.chance);
    }

    #[test]
    fn goals_of_a_million_leads_do_not_overflow() {
        let mut doc = document();
        doc.scenarios[0].assumptions.revenue_goal = 1.2e6 * 2_500.0;
        leads(&mut doc, day(1, 14), 50_000);
        let f = forecast_on(&doc, day(1, 15));
        let period = f.period.unwrap();
        assert!(period.goal >= 1.0e6, "{}", period.goal);
        for chance in [period.chance, period.chance_above_tolerance] {
            assert!((0.0..=1.0).contains(&chance));
        }
        assert!(period.p10 <= period.p50 && period.p50 <= period.p90);
        assert!(period.p90.is_finite());
    }

    #[test]
    fn customers_start_from_the_plans_rate_and_count_what_was_won() {
        let f = forecast_on(&document(), day(1, 15));
        let customers = f.customers.unwrap();
        assert!(close(customers.goal, 24.0, 1e-9));
        assert_eq!(customers.won, 0);
        assert!(close(customers.rate, 0.05, 1e-12));
        assert!(customers.chance > 0.0 && customers.chance < 1.0);
        let mut doc = document();
        doc.actuals
            .set(day(1, 12), "Website", Measure::Customers, 24.0);
        doc.actuals.set(day(1, 12), "Website", Measure::Leads, 30.0);
        let customers = forecast_on(&doc, day(1, 15)).customers.unwrap();
        assert_eq!((customers.won, customers.chance), (24, 1.0));
    }

    #[test]
    fn closed_cohorts_update_the_rate() {
        let mut doc = document();
        // January: 40 leads, 8 customers (20 %, four times the plan's 5 %).
        doc.actuals.set(day(1, 12), "Website", Measure::Leads, 40.0);
        doc.actuals
            .set(day(1, 20), "Website", Measure::Customers, 8.0);
        let customers = forecast_on(&doc, day(2, 10)).customers.unwrap();
        // Prior in leads: 10 days × 480 ÷ 260 working days; Beta(n₀·5 % + 8, n₀·95 % + 32).
        let n0 = 10.0 * 480.0 / 260.0;
        assert!(close(customers.rate, (n0 * 0.05 + 8.0) / (n0 + 40.0), 1e-9));
        assert_eq!(customers.won, 8);
        let without = forecast_on(&document(), day(2, 10)).customers.unwrap();
        assert!(customers.chance > without.chance);
    }

    #[test]
    fn a_lag_spread_over_months_counts_each_share_once_it_has_had_time_to_close() {
        // Half of a month's leads close in the same month, half a month later. On 31 January
        // the half of January's 40 leads and the half of December's 40 planned leads (before
        // the period, without records) that close in January have had time: 40 leads; at the
        // end of February all of January's too: 60.
        let mut doc = document();
        doc.scenarios[0].assumptions.sales_cycle_lag_spread_percent = vec![50.0, 50.0];
        doc.actuals.set(day(1, 12), "Website", Measure::Leads, 40.0);
        doc.actuals
            .set(day(1, 20), "Website", Measure::Customers, 8.0);
        let n0 = 10.0 * 480.0 / 260.0;
        let rate = |date| forecast_on(&doc, date).customers.unwrap().rate;
        assert!(close(
            rate(day(1, 31)),
            (n0 * 0.05 + 8.0) / (n0 + 40.0),
            1e-9
        ));
        assert!(close(
            rate(day(2, 28)),
            (n0 * 0.05 + 8.0) / (n0 + 60.0),
            1e-9
        ));
        // The same spread as one shift of a month forecasts as the shift does.
        let mut shift = doc.clone();
        shift.scenarios[0]
            .assumptions
            .sales_cycle_lag_spread_percent = Vec::new();
        shift.scenarios[0].assumptions.sales_cycle_lag_months = 1;
        doc.scenarios[0].assumptions.sales_cycle_lag_spread_percent = vec![0.0, 100.0];
        assert_eq!(
            forecast_on(&doc, day(3, 10)).customers,
            forecast_on(&shift, day(3, 10)).customers
        );
    }

    #[test]
    fn the_period_fan_runs_from_the_date_to_the_periods_range() {
        let mut doc = document();
        leads(&mut doc, day(1, 14), 18);
        let scenario = &doc.scenarios[0];
        let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
        let all = SourceFilter::all();
        let fan = period_fan(
            &doc,
            scenario.id,
            &plan,
            day(1, 15),
            Quantity::Leads,
            &all,
            Granularity::Month,
        )
        .unwrap();
        let months: Vec<usize> = fan.iter().map(|(i, _)| *i).collect();
        assert_eq!(months, (0..12).collect::<Vec<_>>());
        assert_eq!(fan[0].1.date, day(1, 15));
        assert_eq!(fan[0].1.band90, (18.0, 18.0), "today is known");
        assert_eq!(fan[1].1.date, day(2, 28));
        let period = forecast_on(&doc, day(1, 15)).period.unwrap();
        let last = fan[11].1;
        assert_eq!(last.date, day(12, 31));
        assert_eq!(last.median, period.p50);
        assert!(last.band90.0 <= period.p10 && period.p90 <= last.band90.1);
        for pair in fan.windows(2) {
            assert!(pair[0].1.median <= pair[1].1.median);
            assert!(pair[0].1.band90.1 <= pair[1].1.band90.1);
        }
    }

    #[test]
    fn the_fan_starts_at_the_actuals_and_ends_at_the_months_range() {
        let mut doc = document();
        leads(&mut doc, day(1, 14), 18);
        let scenario = &doc.scenarios[0];
        let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
        let all = SourceFilter::all();
        let fan = month_fan(&doc, scenario.id, &plan, day(1, 15), Quantity::Leads, &all).unwrap();
        assert_eq!(fan.len(), 17, "15 to 31 January");
        assert_eq!(fan[0].band90, (18.0, 18.0), "today is known");
        let last = fan[16];
        let month = forecast_on(&doc, day(1, 15)).month.unwrap();
        assert_eq!(last.median, month.p50);
        assert!(last.band90.0 <= month.p10 && month.p90 <= last.band90.1);
        assert!(last.band90.0 <= last.band50.0 && last.band50.1 <= last.band90.1);
        for pair in fan.windows(2) {
            assert!(pair[0].median <= pair[1].median && pair[0].band90.1 <= pair[1].band90.1);
        }
        let value = month_fan(
            &doc,
            scenario.id,
            &plan,
            day(1, 15),
            Quantity::LeadValue,
            &all,
        )
        .unwrap();
        assert_eq!(value[16].median, last.median * 1_250.0);
    }

    #[test]
    fn the_state_follows_the_tabs_rules() {
        let mut doc = document();
        leads(&mut doc, day(1, 14), 18);
        assert_eq!(
            forecast_on(&doc, day(1, 15)).month.unwrap().state(),
            State::Behind
        );
        leads(&mut doc, day(1, 14), 21);
        assert_eq!(
            forecast_on(&doc, day(1, 15)).month.unwrap().state(),
            State::OnTrack
        );
        leads(&mut doc, day(1, 14), 30);
        assert_eq!(
            forecast_on(&doc, day(1, 15)).month.unwrap().state(),
            State::Ahead
        );
    }

    #[test]
    fn older_files_read_the_default_prior_strength() {
        let tracking: Tracking = ron::from_str("(tolerance_percent: 5.0)").unwrap();
        assert_eq!(tracking.prior_strength_days, 10.0);
        assert_eq!(tracking.tolerance_percent, 5.0);
    }

    #[test]
    fn the_same_document_gives_the_same_numbers() {
        let mut doc = document();
        leads(&mut doc, day(3, 3), 70);
        assert_eq!(forecast_on(&doc, day(3, 10)), forecast_on(&doc, day(3, 10)));
    }
}
