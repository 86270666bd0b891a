//! "Will we make it?" in words: per span the chance of its goal, the 80 % range, the chance of
//! flooding the reps and the model behind it, and the period's customers
//! (`crate::tracking::forecast`). The Report tab's table and the text outputs' lines are made
//! here from the same figures, so a chance cannot read differently in two places.

use chrono::NaiveDate;

use super::tracking::TextBlock;
use crate::i18n::{Language, NO_NUMBER, fill};
use crate::tracking::{CustomerForecast, Forecast, Quantity, SpanForecast, State};

/// The forecast as the Report tab shows it: a row per span, then the period's customers.
#[derive(Clone, Debug, PartialEq)]
pub struct ForecastTable {
    /// "Will we make it?"
    pub heading: &'static str,
    /// The headings over the chance, the 80 % range and the flooding; the names' column has
    /// none.
    pub columns: [&'static str; 3],
    pub rows: Vec<ForecastRow>,
    /// What a chance means, under the table.
    pub explain: &'static str,
}

/// One span of the forecast, or the period's customers.
#[derive(Clone, Debug, PartialEq)]
pub struct ForecastRow {
    /// "February 2027", "Q1 2027", "The period", "Customers in the period".
    pub name: String,
    /// "77% (likely)"; for a span without a forecast, the sentence saying so.
    pub chance: String,
    /// The chance's colour: the span's state (`SpanForecast::state`); the customers are behind
    /// below an even chance, else on track. `None` for a span without a forecast, which has
    /// only `chance`.
    pub state: Option<State>,
    /// "87–109 of 92": the 80 % range (10th to 90th percentile) against the goal.
    pub range: String,
    /// The chance of flooding the reps ("3%"); for the customers, "12 won so far".
    pub flood: String,
    /// `Some(State::Ahead)` when flooding is the likelier miss (the span is ahead), so the
    /// flood chance takes the ahead colour; else it is plain text.
    pub flood_state: Option<State>,
    /// The model and its inputs, shown on hovering the name.
    pub model: Option<String>,
    /// The row as one sentence for the text outputs, in leads whatever `quantity` the table
    /// is in.
    pub line: String,
}

/// The [`ForecastTable`] of `forecast` on `date`; in lead value a span's chance is the value
/// goal's (the leads' where a lead is worth nothing).
pub fn forecast_table(
    forecast: &Forecast,
    date: NaiveDate,
    quantity: Quantity,
    language: Language,
) -> ForecastTable {
    let t = language.text();
    let mut rows: Vec<ForecastRow> = forecast_spans(forecast, date, language)
        .into_iter()
        .map(|(name, span)| match span {
            Some(f) => span_row(name, f, quantity, language),
            None => ForecastRow {
                chance: fill(t.forecast_none, &[("span", &name)]),
                line: forecast_line(&name, None, language),
                name,
                state: None,
                range: String::new(),
                flood: String::new(),
                flood_state: None,
                model: None,
            },
        })
        .collect();
    rows.extend(
        forecast
            .customers
            .as_ref()
            .map(|c| customers_row(c, language)),
    );
    ForecastTable {
        heading: t.forecast_heading,
        columns: [
            t.forecast_col_chance,
            t.forecast_col_range,
            t.forecast_col_flood,
        ],
        rows,
        explain: t.forecast_explain,
    }
}

/// "77% (likely)".
fn chance_text(chance: f64, language: Language) -> String {
    format!(
        "{} ({})",
        chance_percent(chance, language),
        chance_words(chance, language)
    )
}

/// "87–109 of 92": the 80 % range of a total and its goal, counts rounded up.
fn range_text(goal: f64, p10: f64, p90: f64, language: Language) -> String {
    let n = language.numbers();
    fill(
        language.text().forecast_range,
        &[
            ("goal", &n.count_up(goal)),
            ("p10", &n.decimal(p10, 0)),
            ("p90", &n.decimal(p90, 0)),
        ],
    )
}

fn span_row(name: String, f: &SpanForecast, quantity: Quantity, language: Language) -> ForecastRow {
    let chance = match quantity {
        Quantity::Leads => f.chance,
        Quantity::LeadValue => f.chance_value.unwrap_or(f.chance),
    };
    let state = f.state();
    ForecastRow {
        chance: chance_text(chance, language),
        state: Some(state),
        range: range_text(f.goal, f.p10, f.p90, language),
        flood: chance_percent(f.chance_above_tolerance, language),
        flood_state: (state == State::Ahead).then_some(State::Ahead),
        model: Some(model_text(f, language)),
        line: forecast_line(&name, Some(f), language),
        name,
    }
}

/// The period's customers: behind below an even chance, else on track (winning more
/// customers than planned floods nobody).
fn customers_row(c: &CustomerForecast, language: Language) -> ForecastRow {
    let t = language.text();
    let n = language.numbers();
    ForecastRow {
        name: t.forecast_customers.to_owned(),
        chance: chance_text(c.chance, language),
        state: Some(if c.chance < 0.5 {
            State::Behind
        } else {
            State::OnTrack
        }),
        range: range_text(c.goal, c.p10, c.p90, language),
        flood: fill(t.forecast_won, &[("won", &c.won.to_string())]),
        flood_state: None,
        model: Some(fill(
            t.forecast_customers_model,
            &[("rate", &n.share(c.rate))],
        )),
        line: fill(
            t.forecast_customers_line,
            &[
                ("words", chance_words(c.chance, language)),
                ("chance", &chance_percent(c.chance, language)),
                ("goal", &n.count_up(c.goal)),
                ("won", &c.won.to_string()),
                ("p10", &n.decimal(c.p10, 0)),
                ("p50", &n.decimal(c.p50, 0)),
                ("p90", &n.decimal(c.p90, 0)),
            ],
        ),
    }
}

/// The model of a span's forecast and its inputs, for the hover text.
fn model_text(f: &SpanForecast, language: Language) -> String {
    let n = language.numbers();
    let m = &f.model;
    fill(
        language.text().forecast_model,
        &[
            ("pace", &n.decimal(m.planned_per_working_day, 1)),
            ("prior", &n.decimal(m.prior_days, 1)),
            ("actual", &n.decimal(m.actual, 0)),
            ("elapsed", &m.days_elapsed.to_string()),
            ("due", &n.decimal(m.elapsed, 1)),
            ("left", &m.days_left.to_string()),
            ("remaining", &n.decimal(m.remaining, 1)),
            ("alpha", &n.decimal(m.alpha, 1)),
            ("q", &n.decimal(m.q, 3)),
        ],
    )
}

/// The name of each span of a forecast on `date`: "January 2027", "Q1 2027", "The period".
fn forecast_spans(
    forecast: &Forecast,
    date: NaiveDate,
    language: Language,
) -> [(String, Option<&SpanForecast>); 3] {
    use chrono::Datelike as _;
    let t = language.text();
    let quarter = fill(
        t.forecast_quarter,
        &[
            ("n", &((date.month() - 1) / 3 + 1).to_string()),
            ("year", &date.year().to_string()),
        ],
    );
    [
        (
            language.month(crate::plan::calendar::YearMonth::of(date)),
            forecast.month.as_ref(),
        ),
        (quarter, forecast.quarter.as_ref()),
        (t.forecast_period.to_owned(), forecast.period.as_ref()),
    ]
}

/// A chance as a whole percentage that never rounds an open outcome to certain: "31%", "<1%",
/// ">99%", and "0%" or "100%" only when it is so.
fn chance_percent(chance: f64, language: Language) -> String {
    let n = language.numbers();
    if chance > 0.0 && chance < 0.005 {
        format!("<{}", n.percent_to(1.0, 0))
    } else if (0.995..1.0).contains(&chance) {
        format!(">{}", n.percent_to(99.0, 0))
    } else {
        n.percent_to(chance * 100.0, 0)
    }
}

/// A chance in words: very likely from 90 %, likely from 65 %, a toss-up from 35 %, unlikely
/// from 10 %, very unlikely below.
fn chance_words(chance: f64, language: Language) -> &'static str {
    let t = language.text();
    if chance >= 0.9 {
        t.forecast_very_likely
    } else if chance >= 0.65 {
        t.forecast_likely
    } else if chance >= 0.35 {
        t.forecast_even
    } else if chance >= 0.1 {
        t.forecast_unlikely
    } else {
        t.forecast_very_unlikely
    }
}

/// One line for a span's forecast (the command line's text prints one per span).
fn forecast_line(name: &str, span: Option<&SpanForecast>, language: Language) -> String {
    let t = language.text();
    let n = language.numbers();
    let Some(f) = span else {
        return fill(t.forecast_none, &[("span", name)]);
    };
    let tolerance = 1.0 + f.model.tolerance;
    fill(
        t.forecast_line,
        &[
            ("span", name),
            ("words", chance_words(f.chance, language)),
            ("chance", &chance_percent(f.chance, language)),
            ("goal", &n.count_up(f.goal)),
            ("p10", &n.decimal(f.p10, 0)),
            ("p50", &n.decimal(f.p50, 0)),
            ("p90", &n.decimal(f.p90, 0)),
            (
                "value",
                &f.chance_value
                    .map_or(NO_NUMBER.to_owned(), |c| chance_percent(c, language)),
            ),
            ("flood", &chance_percent(f.chance_above_tolerance, language)),
            ("ceiling", &n.decimal((f.goal * tolerance).floor(), 0)),
        ],
    )
}

/// "Will we make it?" for the text outputs: the lines of the table's rows, in leads.
pub(super) fn forecast_block(
    forecast: &Forecast,
    date: NaiveDate,
    language: Language,
) -> TextBlock {
    let table = forecast_table(forecast, date, Quantity::Leads, language);
    TextBlock {
        title: table.heading.to_owned(),
        lines: table.rows.into_iter().map(|row| row.line).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customers(chance: f64) -> CustomerForecast {
        CustomerForecast {
            goal: 12.0,
            won: 3,
            chance,
            p10: 8.0,
            p50: 11.0,
            p90: 14.0,
            rate: 0.125,
        }
    }

    /// The customers are behind below an even chance and on track from it; their last column
    /// says what was won, and hovering the name gives the rate.
    #[test]
    fn the_customers_row_is_behind_below_an_even_chance() {
        let behind = customers_row(&customers(0.49), Language::English);
        assert_eq!(behind.state, Some(State::Behind));
        assert_eq!(behind.chance, "49% (a toss-up)");
        assert_eq!(behind.range, "8–14 of 12");
        assert_eq!(behind.flood, "3 won so far");
        assert_eq!(behind.flood_state, None);
        assert!(behind.model.is_some_and(|m| m.contains("12.5%")));
        assert_eq!(
            behind.line,
            "Customers in the period: a toss-up: 49% chance to win 12 (3 won so far; 80% likely \
             between 8 and 14, median 11)"
        );
        let even = customers_row(&customers(0.5), Language::English);
        assert_eq!(even.state, Some(State::OnTrack));
    }

    #[test]
    fn a_span_without_a_forecast_says_so_in_its_chance() {
        let forecast = Forecast {
            month: None,
            quarter: None,
            period: None,
            customers: None,
        };
        let date = NaiveDate::from_ymd_opt(2027, 2, 12).unwrap_or_default();
        let table = forecast_table(&forecast, date, Quantity::Leads, Language::English);
        let names: Vec<&str> = table.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["February 2027", "Q1 2027", "The period"]);
        assert_eq!(table.rows[1].state, None);
        assert_eq!(table.rows[1].chance, table.rows[1].line);
        assert!(table.rows[1].chance.starts_with("Q1 2027: no forecast yet"));
    }
}
