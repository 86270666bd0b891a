//! The series of the charts (targets per month, funnel, lead mix): the numbers an exported SVG
//! draws and a screen reader hears, the same ones as the app's charts.

use crate::i18n::Language;
use crate::plan::Plan;
use crate::plan::funnel::whole_up;

/// A round axis step for values up to `max`: 1, 2 or 5 × 10ⁿ, about four steps. The window's
/// charts and the SVG export both put their ticks at multiples of it.
pub fn axis_step(max: f64) -> f64 {
    let rough = max / 4.0;
    if !(rough.is_finite() && rough > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(power * 10.0)
}

/// What a series' numbers are, for its axis labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Whole counts (leads, customers, stage volumes).
    Count,
    /// Amounts in the report's currency.
    Money,
    /// Fractions shown as percentages.
    Share,
}

impl ChartKind {
    /// `value` as an axis, a hover text and a description show it: a whole count, an amount
    /// in `currency`, a share as a percentage.
    pub fn show(self, value: f64, language: Language, currency: &str) -> String {
        let n = language.numbers();
        match self {
            Self::Count => n.decimal(value, 0),
            Self::Money => n.money(value, currency),
            Self::Share => n.share(value),
        }
    }
}

/// One named series; `line` draws it as a line over the bars, on an axis of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: &'static str,
    pub kind: ChartKind,
    pub values: Vec<f64>,
    pub line: bool,
}

/// Which chart it is, so a screen can pick one (meeting mode shows only the leads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartId {
    LeadsPerMonth,
    CustomersPerMonth,
    Funnel,
    LeadMix,
    /// Sales' follow-up per month (tracking).
    SalesCompliance,
}

/// A chart: a title, one label per category (month, stage, source) and its series. The app's
/// charts and the exported SVG both draw from this one description.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub id: ChartId,
    pub title: &'static str,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
}

impl Chart {
    /// The chart in words, for a screen reader and the exported image's accessible name:
    /// "Leads per month. Leads: Jan 2027 101, Feb 92, …".
    pub fn description(&self, language: Language, currency: &str) -> String {
        let series: Vec<String> = self
            .series
            .iter()
            .map(|s| {
                let values: Vec<String> = self
                    .labels
                    .iter()
                    .zip(&s.values)
                    .map(|(name, v)| format!("{name} {}", s.kind.show(*v, language, currency)))
                    .collect();
                format!("{}: {}", s.name, values.join(", "))
            })
            .collect();
        format!("{}. {}", self.title, series.join("; "))
    }
}

/// The charts of `plan`: leads per month; customers and revenue per month; the funnel (each
/// stage's volume, then the customers), when stages are in force; the lead mix (each source's
/// share of the leads and of the lead value), when sources are.
pub fn charts(plan: &Plan, language: Language) -> Vec<Chart> {
    let t = language.text();
    let months: Vec<String> = plan
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| language.month_short(m.month, i == 0))
        .collect();
    let monthly = |f: fn(&crate::plan::MonthPlan) -> f64| plan.whole_per_month(f);
    let mut charts = vec![
        Chart {
            id: ChartId::LeadsPerMonth,
            title: t.chart_leads_per_month,
            labels: months.clone(),
            series: vec![Series {
                name: t.leads,
                kind: ChartKind::Count,
                values: monthly(|m| m.leads),
                line: false,
            }],
        },
        Chart {
            id: ChartId::CustomersPerMonth,
            title: t.chart_customers_per_month,
            labels: months,
            series: vec![
                Series {
                    name: t.customers,
                    kind: ChartKind::Count,
                    values: monthly(|m| m.customers),
                    line: false,
                },
                Series {
                    name: t.revenue,
                    kind: ChartKind::Money,
                    values: plan.months.iter().map(|m| m.revenue).collect(),
                    line: true,
                },
            ],
        },
    ];
    if !plan.stages.is_empty() {
        charts.push(Chart {
            id: ChartId::Funnel,
            title: t.chart_funnel,
            labels: plan
                .stages
                .iter()
                .map(|s| s.name.clone())
                .chain(std::iter::once(t.customers.to_owned()))
                .collect(),
            series: vec![Series {
                name: t.volume,
                kind: ChartKind::Count,
                values: plan
                    .stages
                    .iter()
                    .map(|s| whole_up(s.volume))
                    .chain(std::iter::once(whole_up(plan.customers_needed)))
                    .collect(),
                line: false,
            }],
        });
    }
    if !plan.sources.is_empty() {
        let value: f64 = plan.sources.iter().map(|s| s.value).sum();
        charts.push(Chart {
            id: ChartId::LeadMix,
            title: t.chart_sources,
            labels: plan.sources.iter().map(|s| s.name.clone()).collect(),
            series: vec![
                Series {
                    name: t.share_of_leads,
                    kind: ChartKind::Share,
                    values: plan.sources.iter().map(|s| s.share).collect(),
                    line: false,
                },
                Series {
                    name: t.share_of_value,
                    kind: ChartKind::Share,
                    values: plan
                        .sources
                        .iter()
                        .map(|s| if value > 0.0 { s.value / value } else { 0.0 })
                        .collect(),
                    line: false,
                },
            ],
        });
    }
    charts
}
