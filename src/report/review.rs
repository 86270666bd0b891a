//! The monthly review as a table: each figure the plan assumes beside what the results show
//! and the data behind it (`crate::tracking::review`), in the words every output uses; and the
//! history of revisions in sentences: what each one changed and what that did to the plan.

use chrono::NaiveDate;

use super::{Cell, Column, Table};
use crate::document::{Revision, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::{Unit, YearMonth, compute};
use crate::tracking::review::{MIN_CUSTOMERS, MIN_LEADS};
use crate::tracking::{Observation, Review, revision_changes};

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

/// The review's table: its title, what it compares, its column headings and a row per figure.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewTable {
    /// "Monthly review, March 2027: customers closed December 2026 – February 2027".
    pub title: String,
    /// Which months' closes and arrivals the figures come from.
    pub note: String,
    pub columns: [&'static str; 4],
    pub rows: Vec<ReviewRow>,
    /// Why the lead-to-customer rate is not measurable yet, under the table: its cohort
    /// arrived before the first results.
    pub cohort: Option<String>,
}

impl ReviewTable {
    /// The rows as a table of the report, for the exports: what the results show, or why
    /// they show nothing, in the observed column.
    pub fn table(&self) -> Table {
        let numeric = [false, true, true, false];
        Table {
            title: "",
            note: "",
            columns: self
                .columns
                .iter()
                .zip(numeric)
                .map(|(label, numeric)| Column { label, numeric })
                .collect(),
            rows: self
                .rows
                .iter()
                .map(|row| {
                    vec![
                        Cell::Text(row.figure.clone()),
                        row.assumed.clone(),
                        row.observed
                            .clone()
                            .unwrap_or_else(|why| Cell::Text(why.clone())),
                        Cell::Text(row.based_on.clone()),
                    ]
                })
                .collect(),
        }
    }
}

/// The table of `review` on `date` against the promises of `doc`: the lead-to-customer rate (not measurable while its cohort arrived
/// before the first results), the average deal size, each source's share of the leads and the
/// share contacted in time against `target_percent`. Percentages are shares with one decimal,
/// amounts whole.
pub fn review_table(
    doc: &SlaDocument,
    review: &Review,
    date: NaiveDate,
    language: Language,
) -> ReviewTable {
    let t = language.text();
    let target_percent = doc.sales_commitments.compliance_target_percent;
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
    let (title, note) = heading(review, date, language);
    ReviewTable {
        title,
        note,
        columns: [
            t.review_figure,
            t.review_assumed,
            t.review_observed,
            t.review_based_on,
        ],
        rows,
        cohort: cohort_note(doc, review, language),
    }
}

/// The review's title and what it compares: the closes of the three months before `date`'s
/// against the leads that arrived a sales cycle earlier.
fn heading(review: &Review, date: NaiveDate, language: Language) -> (String, String) {
    let t = language.text();
    let month = |m| language.month(m);
    (
        fill(
            t.review_title,
            &[
                ("month", &month(YearMonth::of(date))),
                ("from", &month(review.closes.0)),
                ("to", &month(review.closes.1)),
            ],
        ),
        fill(
            t.review_note,
            &[
                ("from", &month(review.closes.0)),
                ("to", &month(review.closes.1)),
                ("arrived_from", &month(review.arrivals.0)),
                ("arrived_to", &month(review.arrivals.1)),
            ],
        ),
    )
}

/// Why the lead-to-customer rate cannot be measured yet: the leads of the customers closed in
/// the review's months arrived (one sales cycle earlier) before the first results.
fn cohort_note(doc: &SlaDocument, review: &Review, language: Language) -> Option<String> {
    let t = language.text();
    let (first, measurable) = review.cohort_before_data?;
    let lag = doc.scenario(review.scenario)?.assumptions.lag();
    let longest = language.with_unit(lag.longest() as f64, Unit::Months, "");
    let lag = if lag.single().is_some() {
        longest
    } else {
        fill(t.lag_up_to, &[("months", &longest)])
    };
    let month = |m| language.month(m);
    Some(fill(
        t.review_cohort_before_data,
        &[
            ("from", &month(review.closes.0)),
            ("to", &month(review.closes.1)),
            ("arrived_from", &month(review.arrivals.0)),
            ("arrived_to", &month(review.arrivals.1)),
            ("lag", &lag),
            ("first", &month(first)),
            ("measurable", &month(measurable)),
        ],
    ))
}

/// What a revision changed, a line per assumption named as the form names it ("Average deal
/// size: was €25,000, now €30,000"), then what that did to the leads and customers needed.
pub fn revision_lines(doc: &SlaDocument, revision: &Revision, language: Language) -> Vec<String> {
    let t = language.text();
    let n = language.numbers();
    let diff = revision_changes(doc, revision);
    let mut lines: Vec<String> = diff
        .changes
        .iter()
        .map(|change| {
            let path = change
                .path
                .split_once(".assumptions.")
                .map_or(change.path.as_str(), |(_, field)| field);
            let named = language.assumption_field(path);
            let value = |v: Option<&serde_json::Value>| match (v, &named) {
                (Some(serde_json::Value::Number(number)), Some((_, unit))) => number
                    .as_f64()
                    .map_or_else(String::new, |v| language.with_unit(v, *unit, &doc.currency)),
                (Some(serde_json::Value::Number(number)), None) => number
                    .as_f64()
                    .map_or_else(String::new, |v| n.decimal(v, 2)),
                (Some(serde_json::Value::String(text)), _) => text.clone(),
                (Some(other), _) => other.to_string(),
                (None, _) => t.whatif_none.to_owned(),
            };
            let field = named.as_ref().map_or(path, |(name, _)| name.as_str());
            let was_now = fill(
                t.diff_was_now,
                &[
                    ("before", &value(change.before.as_ref())),
                    ("after", &value(change.after.as_ref())),
                ],
            );
            format!("{field}: {was_now}")
        })
        .collect();
    let planned = |a| compute(a, &doc.sales_commitments).ok();
    if let (Some(before), Some(after)) = (planned(&revision.before), planned(&revision.after)) {
        for (label, was, now) in [
            (t.leads_needed, before.leads_needed, after.leads_needed),
            (
                t.customers_needed,
                before.customers_needed,
                after.customers_needed,
            ),
        ] {
            let was_now = fill(
                t.diff_was_now,
                &[("before", &n.count_up(was)), ("after", &n.count_up(now))],
            );
            lines.push(format!("{label}: {was_now}"));
        }
    }
    lines
}

/// "Plan 2027 as agreed until 4 March 2027": the revision's title in the history and its window.
pub fn revision_name(doc: &SlaDocument, revision: &Revision, language: Language) -> String {
    let name = doc.scenario(revision.plan).map_or("", |s| s.name.as_str());
    fill(
        language.text().history_as_agreed,
        &[
            ("name", name),
            (
                "date",
                &revision
                    .date
                    .map_or_else(String::new, |d| language.long_date(d)),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A revision that raised the deal size by a fifth: its line names the field as the form
    /// does, with both amounts, then the leads and customers the plan needed before and after.
    #[test]
    fn a_revision_says_what_it_changed_and_what_that_did() {
        let doc = SlaDocument::default();
        let scenario = &doc.scenarios[0];
        let before = scenario.assumptions.clone();
        let mut after = before.clone();
        after.average_deal_size = before.average_deal_size * 1.2;
        let revision = Revision {
            date: NaiveDate::from_ymd_opt(2027, 3, 4),
            author: "Sam".to_owned(),
            note: String::new(),
            plan: scenario.id,
            before: before.clone(),
            after: after.clone(),
        };
        let lines = revision_lines(&doc, &revision, Language::English);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0], "Average deal size: was €25,000, now €30,000");
        let planned = |a| compute(a, &doc.sales_commitments).unwrap_or_else(|_| unreachable!());
        let n = Language::English.numbers();
        assert_eq!(
            lines[1],
            format!(
                "Leads needed: was {}, now {}",
                n.count_up(planned(&before).leads_needed),
                n.count_up(planned(&after).leads_needed)
            )
        );
        assert_eq!(
            revision_name(&doc, &revision, Language::English),
            format!("{} as agreed until 4 March 2027", scenario.name)
        );
    }
}
