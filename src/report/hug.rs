//! The hug-the-line charts as every output draws them: the plan's pace as a line, the
//! tolerance band around it, the actual running total coloured by its state, and the
//! forecast's fan; each point with its place along the axis and its words on hover. The window
//! maps a [`HugChart`] to its plot, the HTML export to SVG and the Markdown export to a table,
//! so a figure on hover is the figure in the file.

use chrono::Datelike as _;

use super::{Cell, Column, Table};
use crate::i18n::{Language, fill};
use crate::tracking::{FanPoint, Granularity, LinePoint, MonthLine, Quantity, Span, State};

/// One hug-the-line chart, its figures already in words.
#[derive(Clone, Debug, PartialEq)]
pub struct HugChart {
    pub points: Vec<HugPoint>,
    /// The forecast's fan from the date on; empty without a forecast.
    pub fan: Vec<HugFan>,
    /// A grid line and an axis label at every multiple of this along x: 5 days on a month's
    /// chart, 4 weeks or 1 month on the period's.
    pub step: f64,
    pub axis: Axis,
    pub values: Values,
    /// The chart in one sentence for screen readers: the last actual against the plan.
    pub description: String,
    /// The states of the dots the chart has, for the legend: on track, behind, ahead.
    pub states: Vec<State>,
}

/// A day, week or month of a [`HugChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct HugPoint {
    /// Where it stands along the axis: the day of the month, or the week's or month's index.
    pub x: f64,
    /// "Friday 12 February 2027", "wk 6", "Feb".
    pub name: String,
    /// The plan's running total and the tolerance band around it.
    pub ideal: f64,
    pub lower: f64,
    pub upper: f64,
    /// The actual running total and its state; `None` after the date.
    pub actual: Option<f64>,
    pub state: Option<State>,
    /// "12 (on track)"; `None` after the date.
    pub actual_text: Option<String>,
    /// "14".
    pub ideal_text: String,
    /// "13–15".
    pub band_text: String,
}

/// One day (week, month) of the forecast's fan: the median and the ranges the running total
/// falls in with 50 % and 90 % probability.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HugFan {
    pub x: f64,
    pub median: f64,
    pub band50: (f64, f64),
    pub band90: (f64, f64),
}

/// What the axis under a chart says at a whole position.
#[derive(Clone, Debug, PartialEq)]
pub enum Axis {
    /// The days of a month: the position is the day.
    Days,
    /// The weeks or months of the period: the position is the index of the name.
    Spans(Vec<String>),
}

impl Axis {
    /// The label at `x`: "12" on a month's chart, "wk 6" or "Feb" on the period's (nothing
    /// beyond its spans).
    pub fn label(&self, x: f64) -> String {
        match self {
            Self::Days => format!("{}", x.round()),
            Self::Spans(names) => names
                .get(x.round().max(0.0) as usize)
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// How the values of a chart read: whole leads, or whole amounts of lead value.
#[derive(Clone, Debug, PartialEq)]
pub struct Values {
    pub language: Language,
    /// The currency of lead value; `None` for leads.
    pub currency: Option<String>,
}

impl Values {
    fn of(quantity: Quantity, currency: &str, language: Language) -> Self {
        Self {
            language,
            currency: (quantity == Quantity::LeadValue).then(|| currency.to_owned()),
        }
    }

    /// An axis label: "40", "€40,000".
    pub fn axis(&self, value: f64) -> String {
        let n = self.language.numbers();
        match &self.currency {
            None => n.decimal(value, 0),
            Some(currency) => n.money_to(value, 0, currency),
        }
    }

    /// A figure on hover and in tables: leads are counts, rounded up.
    fn figure(&self, value: f64) -> String {
        let n = self.language.numbers();
        match &self.currency {
            None => n.count_up(value),
            Some(currency) => n.money_to(value, 0, currency),
        }
    }
}

impl HugChart {
    /// The points with results as a table of the report, for the outputs without charts: the
    /// name, the actual with its state, the plan and the band.
    pub fn table(&self) -> Table {
        let t = self.values.language.text();
        let column = |label, numeric| Column { label, numeric };
        Table {
            title: "",
            note: "",
            columns: vec![
                column(t.grid_day, false),
                column(t.tracking_actual, true),
                column(t.tracking_ideal, true),
                column(t.tracking_band, true),
            ],
            rows: self
                .points
                .iter()
                .filter_map(|p| {
                    Some(vec![
                        Cell::Text(p.name.clone()),
                        Cell::Text(p.actual_text.clone()?),
                        Cell::Text(p.ideal_text.clone()),
                        Cell::Text(p.band_text.clone()),
                    ])
                })
                .collect(),
        }
    }
}

impl HugPoint {
    /// The hover text's lines: the name, "Actual: 12 (on track)", "Plan: 14", "Tolerance:
    /// 13–15".
    pub fn hover(&self, language: Language) -> Vec<String> {
        let t = language.text();
        let mut lines = vec![self.name.clone()];
        if let Some(actual) = &self.actual_text {
            lines.push(format!("{}: {actual}", t.tracking_actual));
        }
        lines.push(format!("{}: {}", t.tracking_ideal, self.ideal_text));
        lines.push(format!("{}: {}", t.tracking_band, self.band_text));
        lines
    }
}

/// The hug-the-line chart of a month in `quantity`: a point per day, with the forecast's
/// `fan` from the date on.
pub fn month_chart(
    line: &MonthLine,
    fan: &[FanPoint],
    quantity: Quantity,
    currency: &str,
    language: Language,
) -> HugChart {
    let values = Values::of(quantity, currency, language);
    let points = line
        .days
        .iter()
        .map(|p| {
            point(
                f64::from(p.date.day()),
                language.long_date(p.date),
                p,
                &values,
            )
        })
        .collect();
    let fan = fan
        .iter()
        .map(|f| fan_point(f64::from(f.date.day()), f))
        .collect();
    chart(points, fan, 5.0, Axis::Days, values, &line.days)
}

/// The hug-the-line chart of the period by week or month (`by`), with the forecast's `fan`,
/// each fan point with its span's index.
pub fn period_chart(
    spans: &[(Span, LinePoint)],
    fan: &[(usize, FanPoint)],
    by: Granularity,
    quantity: Quantity,
    currency: &str,
    language: Language,
) -> HugChart {
    let values = Values::of(quantity, currency, language);
    let names: Vec<String> = spans
        .iter()
        .map(|(span, _)| span_label(*span, language))
        .collect();
    let points = spans
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(i, ((_, p), name))| point(i as f64, name.clone(), p, &values))
        .collect();
    let fan = fan.iter().map(|(i, f)| fan_point(*i as f64, f)).collect();
    let step = if by == Granularity::Week { 4.0 } else { 1.0 };
    let line: Vec<LinePoint> = spans.iter().map(|(_, p)| *p).collect();
    chart(points, fan, step, Axis::Spans(names), values, &line)
}

fn chart(
    points: Vec<HugPoint>,
    fan: Vec<HugFan>,
    step: f64,
    axis: Axis,
    values: Values,
    line: &[LinePoint],
) -> HugChart {
    let states = [State::OnTrack, State::Behind, State::Ahead]
        .into_iter()
        .filter(|state| {
            points
                .iter()
                .any(|p: &HugPoint| p.actual.is_some() && p.state == Some(*state))
        })
        .collect();
    HugChart {
        description: describe(line, &values),
        points,
        fan,
        step,
        axis,
        values,
        states,
    }
}

fn point(x: f64, name: String, p: &LinePoint, values: &Values) -> HugPoint {
    let language = values.language;
    HugPoint {
        x,
        name,
        ideal: p.ideal,
        lower: p.lower,
        upper: p.upper,
        actual: p.actual,
        state: p.state,
        actual_text: p.actual.map(|actual| {
            let state = p
                .state
                .map_or_else(String::new, |s| format!(" ({})", s.name(language)));
            format!("{}{state}", values.figure(actual))
        }),
        ideal_text: values.figure(p.ideal),
        band_text: format!("{}–{}", values.figure(p.lower), values.figure(p.upper)),
    }
}

fn fan_point(x: f64, f: &FanPoint) -> HugFan {
    HugFan {
        x,
        median: f.median,
        band50: f.band50,
        band90: f.band90,
    }
}

/// A week or month under the period chart: "wk 3" / "Jan".
fn span_label(span: Span, language: Language) -> String {
    match span {
        Span::Week { week, .. } => language.week(week),
        Span::Month(month) => language.month_short(month, false),
    }
}

/// The chart in words: the last actual against the plan's line on its day.
fn describe(points: &[LinePoint], values: &Values) -> String {
    let language = values.language;
    let t = language.text();
    match points.iter().rev().find(|p| p.actual.is_some()) {
        Some(p) => fill(
            t.hug_description,
            &[
                ("date", &language.long_date(p.date)),
                ("actual", &values.figure(p.actual.unwrap_or(0.0))),
                ("ideal", &values.figure(p.ideal)),
                ("state", p.state.map_or("", |s| s.name(language))),
            ],
        ),
        None => t.hug_no_results.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::YearMonth;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 2, d).unwrap_or_default()
    }

    /// Three days of February at 10 % tolerance: on track on the 1st, behind on the 2nd, the
    /// 3rd still to come.
    fn february() -> MonthLine {
        let point = |d, ideal: f64, actual, state| LinePoint {
            date: day(d),
            ideal,
            lower: ideal * 0.9,
            upper: ideal * 1.1,
            actual,
            state,
        };
        MonthLine {
            month: YearMonth::of(day(1)),
            goal: 30.0,
            days: vec![
                point(1, 10.0, Some(10.0), Some(State::OnTrack)),
                point(2, 20.0, Some(12.0), Some(State::Behind)),
                point(3, 30.0, None, None),
            ],
            working: vec![true; 3],
        }
    }

    #[test]
    fn a_point_has_its_day_and_its_figures_on_hover() {
        let chart = month_chart(&february(), &[], Quantity::Leads, "EUR", Language::English);
        let xs: Vec<f64> = chart.points.iter().map(|p| p.x).collect();
        assert_eq!(xs, [1.0, 2.0, 3.0], "the day of the month");
        assert_eq!(
            chart.points[1].hover(Language::English),
            [
                "2 February 2027",
                "Actual: 12 (Behind)",
                "Plan: 20",
                // 20 × 0.9 = 18 and 20 × 1.1 = 22, rounded up as counts.
                "Tolerance: 18–22",
            ]
        );
        assert_eq!(
            chart.points[2].hover(Language::English),
            ["3 February 2027", "Plan: 30", "Tolerance: 27–33"],
            "no actual after the date"
        );
        assert_eq!(
            chart.description,
            "On 2 February 2027: 12 against 20 by the plan's pace (Behind)."
        );
        assert_eq!(
            chart.states,
            [State::OnTrack, State::Behind],
            "no dot far ahead"
        );
        assert_eq!((chart.axis.label(2.0), chart.step), ("2".to_owned(), 5.0));
        assert_eq!(chart.table().rows.len(), 2, "the days with results");
    }

    #[test]
    fn lead_value_reads_as_money_and_the_period_axis_names_its_spans() {
        let line = february();
        let chart = month_chart(&line, &[], Quantity::LeadValue, "EUR", Language::English);
        assert_eq!(chart.points[0].ideal_text, "€10");
        assert_eq!(chart.values.axis(1000.0), "€1,000");
        let spans: Vec<(Span, LinePoint)> = line
            .days
            .iter()
            .map(|p| (Span::Month(YearMonth::of(p.date)), *p))
            .collect();
        let period = period_chart(
            &spans,
            &[],
            Granularity::Month,
            Quantity::Leads,
            "EUR",
            Language::English,
        );
        assert_eq!(period.axis.label(1.0), "Feb");
        assert_eq!(period.axis.label(7.0), "", "beyond the spans");
        assert_eq!(period.step, 1.0);
    }
}
