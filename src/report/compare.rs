//! The Compare tab (`whatif::Comparison`) in words and numbers, egui-free: the table of every
//! input and result per scenario with its difference to the agreed plan, and the monthly bars
//! with their hover texts and their description for a screen reader. The window only draws
//! these, so a value or a difference is worded in one place.

use crate::i18n::{Language, NO_NUMBER, fill};
use crate::plan::Unit;
use crate::whatif::{Comparison, Difference, Monthly, Row};

/// The table: a header per scenario and a row per input or result.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareTable {
    /// The scenarios' names, the agreed plan's starred ("★ Plan 2027").
    pub headers: Vec<String>,
    pub rows: Vec<CompareRow>,
    /// The sentence naming the scenarios that have no valid plan, when there are any.
    pub invalid: Option<String>,
}

/// One input or result across the scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub name: &'static str,
    /// One cell per scenario, in the order of the headers.
    pub cells: Vec<CompareCell>,
}

/// A scenario's value and, where it differs from the agreed plan's, the difference.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareCell {
    pub value: String,
    /// "+12.5 (+4.2%)"; a percentage's change in points ("−10 pts (−16.7%)"); `None` for the
    /// agreed plan itself and for a value equal to the agreed plan's.
    pub difference: Option<String>,
}

/// The table of `comparison`: every row of [`Row::ALL`], each scenario's value in the row's
/// unit, and its difference to the agreed plan.
pub fn compare_table(comparison: &Comparison, currency: &str, language: Language) -> CompareTable {
    let t = language.text();
    let headers = comparison
        .columns
        .iter()
        .map(|c| {
            if c.id == comparison.agreed.id {
                format!("★ {}", c.name)
            } else {
                c.name.clone()
            }
        })
        .collect();
    let rows = Row::ALL
        .into_iter()
        .map(|row| CompareRow {
            name: row_name(language, row),
            cells: comparison
                .columns
                .iter()
                .map(|column| CompareCell {
                    value: value_text(row, column.value(row), currency, language),
                    difference: comparison
                        .difference(column, row)
                        .filter(|d| column.id != comparison.agreed.id && d.is_change())
                        .map(|d| difference_text(row, d, currency, language)),
                })
                .collect(),
        })
        .collect();
    let invalid: Vec<&str> = comparison
        .columns
        .iter()
        .filter(|c| c.plan.is_none())
        .map(|c| c.name.as_str())
        .collect();
    CompareTable {
        headers,
        rows,
        invalid: (!invalid.is_empty())
            .then(|| fill(t.whatif_compare_invalid, &[("names", &invalid.join(", "))])),
    }
}

/// A row's name, as the Marketing tab and the results name the same thing.
fn row_name(language: Language, row: Row) -> &'static str {
    let t = language.text();
    match row {
        Row::RevenueGoal => t.revenue_goal,
        Row::MarketingShare => t.marketing_share,
        Row::AverageDealSize => t.average_deal_size,
        Row::LeadToCustomer => t.lead_to_customer_rate,
        Row::CustomersNeeded => t.customers_needed,
        Row::LeadsNeeded => t.leads_needed,
        Row::LeadsPerMonth => t.leads_per_month,
        Row::Budget => t.marketing_budget,
        Row::PeakUtilisation => t.whatif_peak_utilisation,
    }
}

/// A value in its row's unit: whole counts, one decimal for other plain numbers, money and
/// percentages with their unit; a dash where the scenario has none.
fn value_text(row: Row, value: Option<f64>, currency: &str, language: Language) -> String {
    let n = language.numbers();
    value.map_or(NO_NUMBER.to_owned(), |v| match row.unit() {
        Unit::Plain if row.is_count() => n.decimal(v, 0),
        Unit::Plain => n.decimal(v, 1),
        unit => language.with_unit(v, unit, currency),
    })
}

/// A difference with its sign, and the relative change where the agreed value is not zero.
fn difference_text(row: Row, d: Difference, currency: &str, language: Language) -> String {
    let n = language.numbers();
    let sign = |v: f64| if v > 0.0 { "+" } else { "" };
    // A change of a percentage is in points, so "−10 pts (−16.7%)" cannot be misread.
    let amount = match row.unit() {
        Unit::Percent => fill(
            language.text().whatif_points,
            &[("n", &n.decimal(d.absolute, 2))],
        ),
        _ => value_text(row, Some(d.absolute), currency, language),
    };
    let absolute = format!("{}{amount}", sign(d.absolute));
    match d.relative {
        Some(r) => format!("{absolute} ({}{})", sign(r), n.share(r)),
        None => absolute,
    }
}

/// The monthly bars: per scenario with a plan its values, side by side within each month.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyBars {
    pub series: Monthly,
    /// The months under the bars ("Jan 2027", "Feb", …).
    pub months: Vec<String>,
    /// Each scenario's name and its value per month.
    pub scenarios: Vec<(String, Vec<f64>)>,
    /// What hovering a month says: the month, then each scenario's value, one per line.
    pub hover: Vec<String>,
    /// The chart for a screen reader: what it shows, and per scenario its total and its
    /// busiest month.
    pub description: String,
}

/// The monthly bars of `series` for the scenarios of `comparison` that have a valid plan.
pub fn monthly_bars(
    comparison: &Comparison,
    series: Monthly,
    currency: &str,
    language: Language,
) -> MonthlyBars {
    let with_values: Vec<(&crate::plan::Plan, &str, Vec<f64>)> = comparison
        .columns
        .iter()
        .filter_map(|c| {
            let plan = c.plan.as_ref()?;
            Some((plan, c.name.as_str(), series.of(plan)?))
        })
        .collect();
    // The months of the first scenario shown; a scenario of another period is drawn by
    // position against them.
    let months: Vec<String> = with_values
        .first()
        .map(|(plan, _, _)| {
            plan.months
                .iter()
                .enumerate()
                .map(|(i, m)| language.month_short(m.month, i == 0))
                .collect()
        })
        .unwrap_or_default();
    let scenarios: Vec<(String, Vec<f64>)> = with_values
        .into_iter()
        .map(|(_, name, values)| (name.to_owned(), values))
        .collect();
    let show = |v: f64| show_value(series, v, currency, language);
    let hover =
        months
            .iter()
            .enumerate()
            .map(|(i, month)| {
                let mut lines = vec![month.clone()];
                lines.extend(scenarios.iter().filter_map(|(name, values)| {
                    Some(format!("{name}: {}", show(*values.get(i)?)))
                }));
                lines.join("\n")
            })
            .collect();
    let description = describe(series, &scenarios, &months, &show, language);
    MonthlyBars {
        series,
        months,
        scenarios,
        hover,
        description,
    }
}

/// The name of a monthly series, as its radio button and the chart's description say it.
pub fn series_name(series: Monthly, language: Language) -> &'static str {
    let t = language.text();
    match series {
        Monthly::Leads => t.leads,
        Monthly::Customers => t.customers,
        Monthly::Budget => t.marketing_budget,
    }
}

/// A value of `series` as the axis and the hover text show it: money for the budget, one
/// decimal for leads and customers (a month's share of a whole number need not be whole).
pub fn show_value(series: Monthly, value: f64, currency: &str, language: Language) -> String {
    let n = language.numbers();
    match series {
        Monthly::Budget => n.money(value, currency),
        Monthly::Leads | Monthly::Customers => n.decimal(value, 1),
    }
}

/// "Leads per month of 2 scenarios. Plan 2027: 1,100 in all, most in March (120.0)."
fn describe(
    series: Monthly,
    scenarios: &[(String, Vec<f64>)],
    months: &[String],
    show: &dyn Fn(f64) -> String,
    language: Language,
) -> String {
    let t = language.text();
    let mut parts = vec![fill(
        t.compare_chart_description,
        &[
            ("series", series_name(series, language)),
            ("count", &scenarios.len().to_string()),
        ],
    )];
    for (name, values) in scenarios {
        // The first of equal peaks: the earliest month is where the load first tops out.
        let peak = values
            .iter()
            .enumerate()
            .fold(None, |best: Option<(usize, f64)>, (i, &v)| match best {
                Some((_, b)) if b >= v => best,
                _ => Some((i, v)),
            });
        let Some((peak_month, peak)) = peak else {
            continue;
        };
        parts.push(fill(
            t.compare_chart_scenario,
            &[
                ("scenario", name),
                ("total", &show(values.iter().sum())),
                ("month", months.get(peak_month).map_or("", String::as_str)),
                ("peak", &show(peak)),
            ],
        ));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ScenarioId, SlaDocument};

    fn example() -> (SlaDocument, Comparison) {
        let doc = SlaDocument::example().unwrap();
        let ids: Vec<ScenarioId> = doc.scenarios.iter().map(|s| s.id).collect();
        let comparison = Comparison::of(&doc, &ids).unwrap();
        (doc, comparison)
    }

    #[test]
    fn the_table_words_values_and_differences_to_the_agreed_plan() {
        let (doc, comparison) = example();
        let table = compare_table(&comparison, &doc.currency, Language::English);
        assert_eq!(table.headers[0], "★ Plan 2027");
        let customers = table
            .rows
            .iter()
            .find(|r| r.name == "Customers needed")
            .unwrap();
        // The agreed plan needs 50 customers, the cautious scenario 48: −2, i.e. −4% of 50 (with a
        // true minus sign, and no decimal a whole percentage does not need).
        assert_eq!(customers.cells[0].value, "50");
        assert_eq!(customers.cells[0].difference, None);
        assert_eq!(customers.cells[1].value, "48");
        assert_eq!(customers.cells[1].difference.as_deref(), Some("−2 (−4%)"));
        assert_eq!(table.invalid, None);
    }

    #[test]
    fn the_monthly_bars_add_up_and_say_so() {
        let (doc, comparison) = example();
        let bars = monthly_bars(
            &comparison,
            Monthly::Leads,
            &doc.currency,
            Language::English,
        );
        assert_eq!(bars.scenarios.len(), comparison.columns.len());
        assert_eq!(bars.months.len(), bars.hover.len());
        let (name, values) = &bars.scenarios[0];
        assert!(bars.hover[0].starts_with(&bars.months[0]));
        assert!(bars.hover[0].contains(&format!("{name}: ")));
        let total = show_value(
            Monthly::Leads,
            values.iter().sum(),
            &doc.currency,
            Language::English,
        );
        assert!(
            bars.description
                .contains(&format!("{name}: {total} in all")),
            "{}",
            bars.description
        );
    }
}
