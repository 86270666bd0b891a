//! The monthly review as a table: each figure the plan assumes beside what the results show
//! and the data behind it (`crate::tracking::review`), in the words every output uses.

use super::Cell;
use crate::i18n::{Language, fill};
use crate::tracking::review::{MIN_CUSTOMERS, MIN_LEADS};
use crate::tracking::{Observation, Review};

/// One figure of the review.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub figure: String,
    /// What the plan assumes; a text where it assumes nothing ("not in the plan").
    pub assumed: Cell,
    /// What the results show; `Err` with why there is no value ("too little data: at least
    /// 30 leads", "not measurable yet").
    pub observed: Result<Cell, String>,
    /// "120 leads": the data behind the observed value; empty where there is none.
    pub based_on: String,
}

/// The review's table: its column headings and a row per figure.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewTable {
    pub columns: [&'static str; 4],
    pub rows: Vec<ReviewRow>,
}

/// The table of `review`: the lead-to-customer rate (not measurable while its cohort arrived
/// before the first results), the average deal size, each source's share of the leads and the
/// share contacted in time against `target_percent`. Percentages are shares with one decimal,
/// amounts whole.
pub fn review_table(review: &Review, target_percent: f64, language: Language) -> ReviewTable {
    let t = language.text();
    let percent = |v: f64| Cell::Share(v / 100.0);
    let too_little = |minimum: u64, unit: &str| {
        fill(
            t.review_too_little,
            &[("minimum", &minimum.to_string()), ("unit", unit)],
        )
    };
    let points = |count: u64, unit: &str| {
        fill(
            t.review_points,
            &[("count", &count.to_string()), ("unit", unit)],
        )
    };
    let row =
        |figure: &str, o: &Observation, show: &dyn Fn(f64) -> Cell, unit, minimum| ReviewRow {
            figure: figure.to_owned(),
            assumed: show(o.assumed),
            observed: o
                .observed
                .map(show)
                .ok_or_else(|| too_little(minimum, unit)),
            based_on: points(o.data_points, unit),
        };
    let mut rows = Vec::new();
    if review.cohort_before_data.is_some() {
        // The cohort's leads were never recorded: "too little data" would mislead.
        rows.push(ReviewRow {
            figure: t.lead_to_customer_rate.to_owned(),
            assumed: percent(review.lead_to_customer.assumed),
            observed: Err(t.review_not_measurable.to_owned()),
            based_on: String::new(),
        });
    } else {
        rows.push(row(
            t.lead_to_customer_rate,
            &review.lead_to_customer,
            &percent,
            t.review_unit_leads,
            MIN_LEADS,
        ));
    }
    rows.push(row(
        t.average_deal_size,
        &review.average_deal_size,
        &Cell::Amount,
        t.review_unit_customers,
        MIN_CUSTOMERS,
    ));
    rows.extend(review.sources.iter().map(|source| {
        ReviewRow {
            figure: fill(t.review_source_share, &[("source", &source.name)]),
            assumed: source
                .assumed
                .map_or_else(|| Cell::Text(t.review_not_in_plan.to_owned()), percent),
            observed: source
                .observed
                .map(percent)
                .ok_or_else(|| too_little(MIN_LEADS, t.review_unit_leads)),
            based_on: points(source.leads, t.review_unit_leads),
        }
    }));
    let compliance = Observation {
        assumed: target_percent,
        ..review.contacted_in_time.clone()
    };
    rows.push(row(
        t.review_contacted,
        &compliance,
        &percent,
        t.review_unit_leads,
        MIN_LEADS,
    ));
    ReviewTable {
        columns: [
            t.review_figure,
            t.review_assumed,
            t.review_observed,
            t.review_based_on,
        ],
        rows,
    }
}
