//! The monthly review (METHOD.md, step 3): what the actuals say about the plan's assumptions,
//! each with the number of data points behind it, and adopting the observed values as a new
//! revision of the agreed plan.
//!
//! Windows, for a review on date *d* in month *M* (the scenario's sales-cycle lag: a share wₖ
//! of a month's leads closes *k* months later, from the shortest delay *m* to the longest *K*;
//! a single shift of *L* months is m = K = L with all of it, 100 %, after *L* months):
//!
//! ```text
//! close window   = the three complete months before M: M−3, M−2, M−1
//! arrival window = the months whose leads close in it: M−3−K … M−1−m
//! lead-to-customer rate = customers closed in the close window ÷ the leads due to close in it,
//!                         Σ over its months j of Σₖ wₖ × leads(j − k) (the lag's one push,
//!                         `Lag::closing`; with a single shift: the arrival window's leads)
//! average deal size     = revenue ÷ customers, both in the close window
//! share of a source     = its leads ÷ all leads, arrived in the close window
//! contacted in time     = leads contacted in time ÷ leads, arrived in the close window
//! ```
//!
//! Too little data gives no number: a rate or share needs at least [`MIN_LEADS`] leads behind
//! it, a deal size at least [`MIN_CUSTOMERS`] customers (with fewer, one large deal or one slow
//! week decides the figure).

use chrono::NaiveDate;

use crate::document::{Revision, ScenarioId, SlaDocument, SourceDay, Totals, source_key};
use crate::plan::calendar::YearMonth;
use crate::plan::{Assumptions, Conversion, Plan};
use crate::whatif::{DocumentDiff, diff};

use super::actual::same_key;

/// Fewer leads than this behind a rate or share: too little data.
pub const MIN_LEADS: u64 = 30;
/// Fewer customers than this behind a deal size: too little data.
pub const MIN_CUSTOMERS: u64 = 3;

/// One observed figure next to what the plan assumes.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    /// What the plan assumes, in the unit of the figure (percent or money).
    pub assumed: f64,
    /// What the actuals show; `None` when there is too little data.
    pub observed: Option<f64>,
    /// The leads or customers behind it.
    pub data_points: u64,
}

impl Observation {
    /// `self`, or `self` without an observed value when `condition` holds.
    fn unless(self, condition: bool) -> Self {
        if condition {
            Self {
                observed: None,
                ..self
            }
        } else {
            self
        }
    }

    fn of(assumed: f64, numerator: f64, data_points: u64, minimum: u64) -> Self {
        Self {
            assumed,
            observed: (data_points >= minimum && data_points > 0)
                .then(|| numerator / data_points as f64),
            data_points,
        }
    }

    /// [`Self::of`] over a number of data points that need not be whole (leads due to close,
    /// a share of each month's leads with a lag spread over months); shown rounded.
    fn over(assumed: f64, numerator: f64, data_points: f64, minimum: u64) -> Self {
        Self {
            assumed,
            observed: (data_points >= minimum as f64 && data_points > 0.0)
                .then(|| numerator / data_points),
            data_points: data_points.round() as u64,
        }
    }
}

/// One lead source's observed share of the leads.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceShare {
    /// As the plan names it, or as the CRM does for a source the plan does not know.
    pub name: String,
    /// Percent; the plan's share, `None` for a source the plan does not know.
    pub assumed: Option<f64>,
    /// Percent of all leads in the window; `None` with too little data.
    pub observed: Option<f64>,
    /// This source's leads in the window.
    pub leads: u64,
}

/// The monthly review on one date.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub date: NaiveDate,
    /// The scenario reviewed.
    pub scenario: ScenarioId,
    /// The first and last month of the close window.
    pub closes: (YearMonth, YearMonth),
    /// The first and last month of the arrival window.
    pub arrivals: (YearMonth, YearMonth),
    /// Lead-to-customer rate in percent (data points: leads that arrived).
    pub lead_to_customer: Observation,
    /// Average deal size (data points: customers).
    pub average_deal_size: Observation,
    /// Share of leads per source: the plan's sources first, then the unknown ones.
    pub sources: Vec<SourceShare>,
    /// Share of leads contacted in time, in percent, against the compliance target.
    pub contacted_in_time: Observation,
    /// When the arrival window begins before the first results: the month of the first
    /// results and the first review month whose arrival window lies wholly within them
    /// (first results' month + 3 + the longest lag). Until then the rate's leads were never recorded, and
    /// "too little data" would mislead.
    pub cohort_before_data: Option<(YearMonth, YearMonth)>,
}

/// The review of scenario `scenario` (planned as `plan`) on `date`; `None` when the document
/// has no such scenario.
pub fn review(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    date: NaiveDate,
) -> Option<Review> {
    let assumptions = &doc.scenario(scenario)?.assumptions;
    let month = YearMonth::of(date);
    let lag = assumptions.lag();
    let (shortest, longest) = (lag.shortest() as i64, lag.longest() as i64);
    let closes = (month.offset(-3)?, month.offset(-1)?);
    let arrivals = (closes.0.offset(-longest)?, closes.1.offset(-shortest)?);
    let records = move |(from, to): (YearMonth, YearMonth)| {
        let last = to.end_exclusive().pred_opt().unwrap_or(to.first_day());
        doc.actuals.between(from.first_day(), last)
    };
    let closed = Totals::of(records(closes));
    // Leads per arrival month, counted from the close window's first month.
    let arrived: Vec<f64> = (-longest..3 - shortest)
        .map(|a| {
            closes.0.offset(a).map_or(0.0, |m| {
                records((m, m))
                    .iter()
                    .map(|r| f64::from(r.leads))
                    .sum::<f64>()
            })
        })
        .collect();
    let arrived_in = |a: i64| {
        usize::try_from(a + longest)
            .ok()
            .and_then(|i| arrived.get(i))
            .copied()
            .unwrap_or(0.0)
    };
    let due: f64 = (0..3).map(|j| lag.closing(j, arrived_in)).sum();
    let cohort_before_data = doc.actuals.span().and_then(|(first, _)| {
        let first = YearMonth::of(first);
        (arrivals.0 < first).then(|| Some((first, first.offset(3 + longest)?)))?
    });

    Some(Review {
        date,
        scenario,
        closes,
        arrivals,
        // Leads of the arrival window that came before the first results were never recorded,
        // while the customers they became were: the quotient would overstate the rate, so
        // there is none until the window lies within the data.
        lead_to_customer: Observation::over(
            plan.lead_to_customer * 100.0,
            closed.customers as f64 * 100.0,
            due,
            MIN_LEADS,
        )
        .unless(cohort_before_data.is_some()),
        average_deal_size: Observation::of(
            plan.average_deal_size,
            closed.revenue,
            closed.customers,
            MIN_CUSTOMERS,
        ),
        sources: shares(assumptions, records(closes), closed.leads),
        contacted_in_time: Observation::of(
            doc.sales_commitments.compliance_target_percent,
            closed.contacted_in_time as f64 * 100.0,
            closed.leads,
            MIN_LEADS,
        ),
        cohort_before_data,
    })
}

/// Each source's share of `leads`: the scenario's sources in its order, then the sources it
/// does not know in the order of their names.
fn shares(assumptions: &Assumptions, records: &[SourceDay], leads: u64) -> Vec<SourceShare> {
    let enough = leads >= MIN_LEADS;
    let share = |n: u64| enough.then(|| n as f64 / leads as f64 * 100.0);
    let count = |key: &str| -> u64 {
        Totals::of(records.iter().filter(|r| same_key(&r.source, key))).leads
    };
    let mut out: Vec<SourceShare> = assumptions
        .lead_sources
        .iter()
        .map(|s| {
            let n = count(&source_key(&s.name));
            SourceShare {
                name: s.name.clone(),
                assumed: Some(s.share_percent),
                observed: share(n),
                leads: n,
            }
        })
        .collect();
    let mut unknown: Vec<(String, String)> = Vec::new();
    for record in records {
        let key = record.source_key();
        let known = assumptions
            .lead_sources
            .iter()
            .any(|s| source_key(&s.name) == key);
        if !known && record.leads > 0 && !unknown.iter().any(|(k, _)| *k == key) {
            unknown.push((key, record.source.trim().to_owned()));
        }
    }
    unknown.sort();
    out.extend(unknown.into_iter().map(|(key, name)| {
        let n = count(&key);
        SourceShare {
            name,
            assumed: None,
            observed: share(n),
            leads: n,
        }
    }));
    out
}

/// The assumptions with the review's observed values (those with enough data) in place of the
/// assumed ones:
///
/// - one lead-to-customer rate: the observed rate and deal size;
/// - funnel stages: the observed deal size (a single observed rate does not say which stage
///   changed, so the stage rates stay);
/// - lead sources: the observed shares of the plan's sources, scaled to sum to 100 % (leads
///   of unknown sources say nothing about the plan's mix); each source's rate and deal size
///   stay.
///
/// The sales compliance is a commitment, not an assumption: it is reviewed, never adopted.
pub fn observed_assumptions(assumptions: &Assumptions, review: &Review) -> Assumptions {
    let mut after = assumptions.clone();
    let rate = review.lead_to_customer.observed;
    let deal_size = review.average_deal_size.observed;
    match assumptions.conversion {
        Conversion::SingleRate => {
            if let Some(rate) = rate.filter(|r| *r > 0.0) {
                after.lead_to_customer_percent = rate;
            }
            if let Some(size) = deal_size.filter(|s| *s > 0.0) {
                after.average_deal_size = size;
            }
        }
        Conversion::Stages => {
            if let Some(size) = deal_size.filter(|s| *s > 0.0) {
                after.average_deal_size = size;
            }
        }
        Conversion::LeadSources => {
            let known: Vec<f64> = review
                .sources
                .iter()
                .filter(|s| s.assumed.is_some())
                .filter_map(|s| s.observed)
                .collect();
            let sum: f64 = known.iter().sum();
            if known.len() == after.lead_sources.len() && sum > 0.0 {
                for (source, share) in after.lead_sources.iter_mut().zip(known) {
                    source.share_percent = share / sum * 100.0;
                }
            }
        }
    }
    after
}

/// "Adopt observed values": makes the review's observed values the agreed plan's assumptions
/// and records the change as a [`Revision`] (date, author, note, before and after). One change
/// of the document, so the app undoes it in one step. `None`, and no change, when the review is
/// not of the agreed plan or nothing observed differs from what is agreed.
pub fn adopt(
    doc: &mut SlaDocument,
    review: &Review,
    date: NaiveDate,
    author: &str,
    note: &str,
) -> Option<Revision> {
    if review.scenario != doc.agreed_plan {
        return None;
    }
    let scenario = doc.scenario_mut(review.scenario)?;
    let before = scenario.assumptions.clone();
    let after = observed_assumptions(&before, review);
    if after == before {
        return None;
    }
    scenario.assumptions = after.clone();
    let revision = Revision {
        date: Some(date),
        author: author.trim().to_owned(),
        note: note.trim().to_owned(),
        plan: review.scenario,
        before,
        after,
    };
    doc.revisions.push(revision.clone());
    Some(revision)
}

/// What a revision changed, field by field with the values before and after, and what that
/// does to the leads and customers needed: the same comparison as `sla-planner diff`, so
/// [`crate::whatif::describe_diff`] puts it in words.
pub fn revision_changes(doc: &SlaDocument, revision: &Revision) -> DocumentDiff {
    let name = doc
        .scenario(revision.plan)
        .map_or_else(|| format!("#{}", revision.plan.0), |s| s.name.clone());
    let with = |assumptions: &Assumptions| {
        let mut one = SlaDocument {
            sales_commitments: doc.sales_commitments,
            ..SlaDocument::default()
        };
        if let Some(scenario) = one.scenarios.first_mut() {
            scenario.name.clone_from(&name);
            scenario.assumptions = assumptions.clone();
        }
        one
    };
    diff(&with(&revision.before), &with(&revision.after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Measure;
    use crate::plan::{LeadSource, compute};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    /// 100 leads in each of February, March and April 2027, and 15 customers worth €450,000
    /// closed in those months: 5 % and €30,000 (the plan assumes 5 % and €25,000).
    fn document() -> SlaDocument {
        let mut doc = SlaDocument::default();
        for m in 2..=4 {
            doc.actuals
                .set(day(m, 10), "Website", Measure::Leads, 100.0);
            doc.actuals
                .set(day(m, 10), "Website", Measure::ContactedInTime, 95.0);
            doc.actuals
                .set(day(m, 20), "Website", Measure::Customers, 5.0);
            doc.actuals
                .set(day(m, 20), "Website", Measure::Revenue, 150_000.0);
        }
        doc
    }

    fn review_on(doc: &SlaDocument, date: NaiveDate) -> Review {
        let scenario = doc.agreed().unwrap();
        let plan = compute(&scenario.assumptions, &doc.sales_commitments).unwrap();
        review(doc, scenario.id, &plan, date).unwrap()
    }

    #[test]
    fn observed_against_assumed_over_the_last_three_complete_months() {
        let r = review_on(&document(), day(5, 15));
        assert_eq!(r.closes.0.to_string(), "2027-02");
        assert_eq!(r.closes.1.to_string(), "2027-04");
        assert_eq!(r.arrivals, r.closes, "no sales-cycle lag");
        assert_eq!(r.lead_to_customer.data_points, 300);
        assert!((r.lead_to_customer.observed.unwrap() - 5.0).abs() < 1e-9);
        assert!((r.lead_to_customer.assumed - 5.0).abs() < 1e-9);
        assert_eq!(r.average_deal_size.data_points, 15);
        assert_eq!(r.average_deal_size.observed, Some(30_000.0));
        assert_eq!(r.contacted_in_time.observed, Some(95.0));
        assert_eq!(r.contacted_in_time.assumed, 90.0);
    }

    #[test]
    fn the_lag_moves_the_arrival_window() {
        let mut doc = document();
        doc.scenarios[0].assumptions.sales_cycle_lag_months = 1;
        let r = review_on(&doc, day(5, 15));
        assert_eq!(r.arrivals.0.to_string(), "2027-01");
        assert_eq!(r.arrivals.1.to_string(), "2027-03");
        assert_eq!(r.lead_to_customer.data_points, 200, "no leads in January");
        // 15 ÷ 200 = 7.5 % would count customers of January's leads without those leads: the
        // results start in February, so the rate waits for the review in June (February + 3
        // months of window + 1 month of lag).
        assert_eq!(r.lead_to_customer.observed, None);
        let (first, measurable) = r.cohort_before_data.unwrap();
        assert_eq!(
            (first.to_string(), measurable.to_string()),
            ("2027-02".to_owned(), "2027-06".to_owned())
        );
        let june = review_on(&doc, day(6, 15));
        assert_eq!(june.cohort_before_data, None);
        assert!(june.lead_to_customer.observed.is_some());
    }

    #[test]
    fn a_lag_spread_over_months_counts_the_leads_due_to_close() {
        // Half of a month's leads close in the same month, half a month later. Leads 60, 100,
        // 100, 140 from January to April; the close window February–April is due
        // ½ × (100 + 100 + 140) + ½ × (60 + 100 + 100) = 300 leads, and its 15 customers are
        // 5 % (340 arrived in the window, 260 a month earlier: 4.4 % or 5.8 %).
        let mut doc = document();
        for (m, n) in [(1, 60.0), (2, 100.0), (3, 100.0), (4, 140.0)] {
            doc.actuals.set(day(m, 10), "Website", Measure::Leads, n);
        }
        doc.scenarios[0].assumptions.sales_cycle_lag_spread_percent = vec![50.0, 50.0];
        let r = review_on(&doc, day(5, 15));
        assert_eq!(r.arrivals.0.to_string(), "2027-01");
        assert_eq!(r.arrivals.1.to_string(), "2027-04");
        assert_eq!(r.cohort_before_data, None);
        assert_eq!(r.lead_to_customer.data_points, 300);
        assert!((r.lead_to_customer.observed.unwrap() - 5.0).abs() < 1e-9);
    }

    #[test]
    fn too_little_data_gives_no_number() {
        let mut doc = SlaDocument::default();
        doc.actuals.set(day(3, 10), "Website", Measure::Leads, 29.0);
        doc.actuals
            .set(day(3, 20), "Website", Measure::Customers, 2.0);
        doc.actuals
            .set(day(3, 20), "Website", Measure::Revenue, 60_000.0);
        let r = review_on(&doc, day(4, 1));
        assert_eq!(
            (r.lead_to_customer.observed, r.lead_to_customer.data_points),
            (None, 29)
        );
        assert_eq!(
            (
                r.average_deal_size.observed,
                r.average_deal_size.data_points
            ),
            (None, 2)
        );
        assert_eq!(r.contacted_in_time.observed, None);
        let mut unchanged = doc.clone();
        assert_eq!(adopt(&mut unchanged, &r, day(4, 1), "Eva", ""), None);
        assert_eq!(unchanged, doc, "nothing to adopt, nothing changed");
    }

    #[test]
    fn adopting_records_a_revision_and_lists_what_changed() {
        let mut doc = document();
        let r = review_on(&doc, day(5, 15));
        let revision = adopt(&mut doc, &r, day(5, 15), " Eva ", "Bigger deals").unwrap();
        assert_eq!(doc.revisions, std::slice::from_ref(&revision));
        assert_eq!(
            (revision.author.as_str(), revision.note.as_str()),
            ("Eva", "Bigger deals")
        );
        assert_eq!(revision.before.average_deal_size, 25_000.0);
        assert_eq!(
            doc.agreed().unwrap().assumptions.average_deal_size,
            30_000.0
        );
        let changes = revision_changes(&doc, &revision);
        assert_eq!(changes.changes.len(), 1);
        assert!(
            changes.changes[0].path.ends_with("average_deal_size"),
            "{:?}",
            changes.changes
        );
        assert_eq!(changes.scenarios.len(), 1, "the effect on leads needed");
        assert_eq!(
            adopt(&mut doc, &r, day(5, 15), "Eva", ""),
            None,
            "already adopted"
        );
    }

    #[test]
    fn source_shares_and_unknown_sources() {
        let mut doc = document();
        let a = &mut doc.scenarios[0].assumptions;
        a.conversion = Conversion::LeadSources;
        a.lead_sources = vec![
            LeadSource {
                name: "Website".into(),
                share_percent: 50.0,
                ..LeadSource::default()
            },
            LeadSource {
                name: "Events".into(),
                share_percent: 50.0,
                ..LeadSource::default()
            },
        ];
        doc.actuals
            .set(day(3, 11), "events ", Measure::Leads, 100.0);
        doc.actuals.set(day(3, 12), "Fair", Measure::Leads, 100.0);
        let r = review_on(&doc, day(5, 15));
        let shares: Vec<(&str, Option<f64>, u64)> = r
            .sources
            .iter()
            .map(|s| (s.name.as_str(), s.observed, s.leads))
            .collect();
        assert_eq!(
            shares,
            [
                ("Website", Some(60.0), 300),
                ("Events", Some(20.0), 100),
                ("Fair", Some(20.0), 100)
            ]
        );
        let after = observed_assumptions(&doc.scenarios[0].assumptions, &r);
        assert_eq!(
            after.lead_sources[0].share_percent, 75.0,
            "60 of the 80 known"
        );
        assert_eq!(after.lead_sources[1].share_percent, 25.0);
    }
}
