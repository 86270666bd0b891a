//! The series of the charts (targets per month, funnel, lead mix): the numbers an exported SVG
//! draws and a screen reader hears, the same ones as the app's charts.

use crate::i18n::Language;
use crate::plan::Plan;
use crate::plan::funnel::whole_up;
use crate::tracking::State;

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
    /// An average with at most one decimal (attempts per lead).
    Average,
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
            Self::Average => n.decimal(value, 1),
        }
    }
}

/// One named series; `line` draws it as a line over the bars, on an axis of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: &'static str,
    pub kind: ChartKind,
    /// One value per label; NaN where there is none (a week without leads has no share).
    pub values: Vec<f64>,
    pub line: bool,
    /// The state of each value, which colours its bar (the promise kept or missed); empty when
    /// the values have none.
    pub states: Vec<State>,
    /// What a value is made of, shown with it on hover (the reasons for the rejections);
    /// empty, or one (possibly empty) note per value.
    pub notes: Vec<String>,
}

impl Series {
    /// A series of bars (or, with `line`, a line) without states.
    pub fn new(name: &'static str, kind: ChartKind, values: Vec<f64>, line: bool) -> Self {
        Self {
            name,
            kind,
            values,
            line,
            states: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// A level the bars are measured against (the promised share or number of attempts), drawn
/// as a dashed line across the chart on the bars' axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub name: &'static str,
    pub value: f64,
}

/// Which chart it is, so a screen can pick one (meeting mode shows only the leads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartId {
    LeadsPerMonth,
    CustomersPerMonth,
    Funnel,
    LeadMix,
    /// The share of leads contacted in time per week or month, against the promise.
    SalesCompliance,
    /// Contact attempts per lead per week or month, against the promised number.
    Attempts,
    /// Leads accepted and rejected by sales per week or month.
    Acceptance,
}

/// A chart: a title, one label per category (month, stage, source) and its series. The app's
/// charts and the exported SVG both draw from this one description.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub id: ChartId,
    pub title: &'static str,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    /// The promised level, when the chart measures against one.
    pub target: Option<Target>,
}

impl Chart {
    /// The chart in words, for a screen reader and the exported image's accessible name:
    /// "Leads per month. Leads: Jan 2027 101, Feb 92, …".
    /// Values that are not numbers (a week without leads) are left out; the target follows
    /// the series: "…; Promised: 90.0%".
    pub fn description(&self, language: Language, currency: &str) -> String {
        let mut series: Vec<String> = self
            .series
            .iter()
            .map(|s| {
                let values: Vec<String> = self
                    .labels
                    .iter()
                    .zip(&s.values)
                    .filter(|(_, v)| v.is_finite())
                    .map(|(name, v)| format!("{name} {}", s.kind.show(*v, language, currency)))
                    .collect();
                format!("{}: {}", s.name, values.join(", "))
            })
            .collect();
        if let Some(target) = &self.target {
            series.push(format!(
                "{}: {}",
                target.name,
                self.show_target(language, currency)
            ));
        }
        format!("{}. {}", self.title, series.join("; "))
    }

    /// The target as its axis shows it: in the kind of the bars.
    pub fn show_target(&self, language: Language, currency: &str) -> String {
        let kind = self
            .series
            .iter()
            .find(|s| !s.line)
            .map_or(ChartKind::Count, |s| s.kind);
        self.target
            .as_ref()
            .map_or_else(String::new, |t| kind.show(t.value, language, currency))
    }

    /// The name of a bar's state in the legend: the promise kept or missed on the sales
    /// charts, else on track, behind or far ahead.
    pub fn state_name(&self, state: State, language: Language) -> &'static str {
        let t = language.text();
        match (self.id, state) {
            (ChartId::SalesCompliance | ChartId::Attempts, State::Behind) => t.compliance_missed,
            (ChartId::SalesCompliance | ChartId::Attempts, _) => t.compliance_kept,
            (_, state) => state.name(language),
        }
    }

    /// The states the bars have, in the order a legend lists them.
    pub fn states(&self) -> Vec<State> {
        [State::OnTrack, State::Behind, State::Ahead]
            .into_iter()
            .filter(|state| self.series.iter().any(|s| s.states.contains(state)))
            .collect()
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
            series: vec![Series::new(
                t.leads,
                ChartKind::Count,
                monthly(|m| m.leads),
                false,
            )],
            target: None,
        },
        Chart {
            id: ChartId::CustomersPerMonth,
            title: t.chart_customers_per_month,
            labels: months,
            series: vec![
                Series::new(
                    t.customers,
                    ChartKind::Count,
                    monthly(|m| m.customers),
                    false,
                ),
                Series::new(
                    t.revenue,
                    ChartKind::Money,
                    plan.months.iter().map(|m| m.revenue).collect(),
                    true,
                ),
            ],
            target: None,
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
            series: vec![Series::new(
                t.volume,
                ChartKind::Count,
                plan.stages
                    .iter()
                    .map(|s| whole_up(s.volume))
                    .chain(std::iter::once(whole_up(plan.customers_needed)))
                    .collect(),
                false,
            )],
            target: None,
        });
    }
    if !plan.sources.is_empty() {
        let value: f64 = plan.sources.iter().map(|s| s.value).sum();
        charts.push(Chart {
            id: ChartId::LeadMix,
            title: t.chart_sources,
            labels: plan.sources.iter().map(|s| s.name.clone()).collect(),
            series: vec![
                Series::new(
                    t.share_of_leads,
                    ChartKind::Share,
                    plan.sources.iter().map(|s| s.share).collect(),
                    false,
                ),
                Series::new(
                    t.share_of_value,
                    ChartKind::Share,
                    plan.sources
                        .iter()
                        .map(|s| if value > 0.0 { s.value / value } else { 0.0 })
                        .collect(),
                    false,
                ),
            ],
            target: None,
        });
    }
    charts
}
