//! The data of the step 3 charts, without egui: the app draws it with `egui_plot`, the HTML
//! export as SVG. Nothing here is text; labels come from the i18n tables where drawn.
//!
//! **Hug the line** (Roberge fig. 12.3): per calendar day of a month the ideal cumulative goal
//! (see [`Ideal`](super::Ideal): 0 before the first working day, rising by goal ÷ working days
//! on each working day, the goal from the last working day on), the tolerance band
//! `ideal × (1 ∓ tolerance)`, and the actual cumulative count up to the date, with the day's
//! [`State`]. The same by ISO week and by month over the whole period, cumulative from its
//! start. Everything in leads or in lead value, for all sources or one.
//!
//! **Sales compliance**: per week or month, the [`SalesStatus`] of the leads that arrived in it.

use chrono::{Datelike as _, Days, NaiveDate};

use crate::document::{ScenarioId, SlaDocument};
use crate::plan::Plan;
use crate::plan::calendar::{YearMonth, iso_week_start};

use super::actual::SourceFilter;
use super::ideal::next_day;
use super::status::{SalesStatus, State, StatusError, Tracker};

/// What the charts count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Quantity {
    /// Leads that arrived.
    #[default]
    Leads,
    /// Their lead value: leads × the lead value of their source.
    LeadValue,
}

/// One point of a hug-the-line chart: a day, or the end of a week or month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinePoint {
    /// The day (the last day of a week or month inside the period).
    pub date: NaiveDate,
    /// The goal due by the end of the day, cumulative.
    pub ideal: f64,
    /// `ideal × (1 − tolerance)`.
    pub lower: f64,
    /// `ideal × (1 + tolerance)`.
    pub upper: f64,
    /// The actual count, cumulative; `None` after the date (the future).
    pub actual: Option<f64>,
    /// Actual against ideal; `None` after the date.
    pub state: Option<State>,
}

/// The hug-the-line chart of one month.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthLine {
    pub month: YearMonth,
    /// The month's goal (where the ideal line ends).
    pub goal: f64,
    /// One point per calendar day, the 1st first.
    pub days: Vec<LinePoint>,
    /// Whether each day is a working day (the line rises only on those).
    pub working: Vec<bool>,
}

/// The hug-the-line chart of `month` on `date` (actuals up to and including it; a month before
/// the date is complete, one after it has no actuals). The month must lie in the plan's period.
pub fn month_line(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    month: YearMonth,
    date: NaiveDate,
    quantity: Quantity,
    filter: &SourceFilter,
) -> Result<MonthLine, StatusError> {
    let tracker = Tracker::new(doc, scenario, plan, filter)?;
    let (first, last) = tracker.period;
    let start = month.first_day();
    if start < first || start > last {
        return Err(StatusError::OutsidePeriod {
            date: start,
            first,
            last,
        });
    }
    let scale = tracker.scale(quantity);
    let before = start.pred_opt().map_or(0.0, |d| tracker.ideal.to(d));
    let mut actuals = Cumulative::new(&tracker, quantity, start);
    let mut days = Vec::with_capacity(31);
    let mut working = Vec::with_capacity(31);
    for day in start.iter_days().take_while(|d| *d < month.end_exclusive()) {
        let ideal = (tracker.ideal.to(day) - before) * scale;
        let actual = (day <= date).then(|| actuals.to(day));
        days.push(tracker.point(day, ideal, actual));
        working.push(tracker.ideal.working_days(day, next_day(day)) == 1);
    }
    Ok(MonthLine {
        month,
        goal: tracker.ideal.month_goal(start) * scale,
        days,
        working,
    })
}

/// A week or a month of the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// An ISO week: its year and number, and the Monday that starts it.
    Week {
        iso_year: i32,
        week: u32,
        starts: NaiveDate,
    },
    Month(YearMonth),
}

impl Span {
    /// Its first day (a week may start before the period).
    pub fn first_day(self) -> NaiveDate {
        match self {
            Self::Week { starts, .. } => starts,
            Self::Month(month) => month.first_day(),
        }
    }

    /// The day after it.
    pub fn end_exclusive(self) -> NaiveDate {
        match self {
            Self::Week { starts, .. } => starts.checked_add_days(Days::new(7)).unwrap_or(starts),
            Self::Month(month) => month.end_exclusive(),
        }
    }
}

/// Weeks or months.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Granularity {
    Week,
    #[default]
    Month,
}

/// The spans of the plan's period, in order.
pub(super) fn spans(tracker: &Tracker<'_>, by: Granularity) -> Vec<Span> {
    let (first, last) = tracker.period;
    match by {
        Granularity::Month => {
            let end = YearMonth::of(last);
            std::iter::successors(Some(YearMonth::of(first)), |m| m.offset(1))
                .take_while(|m| *m <= end)
                .map(Span::Month)
                .collect()
        }
        Granularity::Week => std::iter::successors(Some(iso_week_start(first)), |d| {
            d.checked_add_days(Days::new(7))
        })
        .take_while(|d| *d <= last)
        .map(|starts| {
            let iso = starts.iso_week();
            Span::Week {
                iso_year: iso.year(),
                week: iso.week(),
                starts,
            }
        })
        .collect(),
    }
}

/// The hug-the-line chart over the whole period, by week or month: one point at the end of
/// each span (inside the period), cumulative from the period's start.
pub fn period_line(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    by: Granularity,
    date: NaiveDate,
    quantity: Quantity,
    filter: &SourceFilter,
) -> Result<Vec<(Span, LinePoint)>, StatusError> {
    let tracker = Tracker::new(doc, scenario, plan, filter)?;
    let (first, last) = tracker.period;
    let scale = tracker.scale(quantity);
    let mut actuals = Cumulative::new(&tracker, quantity, first);
    Ok(spans(&tracker, by)
        .into_iter()
        .map(|span| {
            let end = span.end_exclusive().pred_opt().unwrap_or(last).min(last);
            // A span the date has reached counts up to the date (the week or month so far).
            let actual = (span.first_day() <= date).then(|| actuals.to(end.min(date)));
            (
                span,
                tracker.point(end, tracker.ideal.to(end) * scale, actual),
            )
        })
        .collect())
}

/// Sales compliance per week or month of the period, for the leads that arrived in each up
/// to and including `date`; spans after the date are left out.
pub fn compliance(
    doc: &SlaDocument,
    scenario: ScenarioId,
    plan: &Plan,
    by: Granularity,
    date: NaiveDate,
    filter: &SourceFilter,
) -> Result<Vec<(Span, SalesStatus)>, StatusError> {
    let tracker = Tracker::new(doc, scenario, plan, filter)?;
    let (first, last) = tracker.period;
    let target = tracker.compliance_target();
    Ok(spans(&tracker, by)
        .into_iter()
        .filter(|span| span.first_day() <= date)
        .map(|span| {
            let from = span.first_day().max(first);
            let to = span
                .end_exclusive()
                .pred_opt()
                .unwrap_or(last)
                .min(last)
                .min(date);
            (
                span,
                SalesStatus::of(doc.actuals.between(from, to), filter, target),
            )
        })
        .collect())
}

impl Tracker<'_> {
    /// What one lead of the goal counts in `quantity`.
    fn scale(&self, quantity: Quantity) -> f64 {
        match quantity {
            Quantity::Leads => self.share,
            Quantity::LeadValue => self.share * self.lead_value,
        }
    }

    fn point(&self, date: NaiveDate, ideal: f64, actual: Option<f64>) -> LinePoint {
        LinePoint {
            date,
            ideal,
            lower: ideal * (1.0 - self.tolerance),
            upper: ideal * (1.0 + self.tolerance),
            actual,
            state: actual.map(|a| State::of(a, ideal, self.tolerance)),
        }
    }
}

/// A running total of the actuals from a start day, advanced day by day without reading a
/// record twice.
struct Cumulative<'t, 'd> {
    tracker: &'t Tracker<'d>,
    quantity: Quantity,
    /// The day after the last one counted.
    next: NaiveDate,
    total: f64,
}

impl<'t, 'd> Cumulative<'t, 'd> {
    fn new(tracker: &'t Tracker<'d>, quantity: Quantity, start: NaiveDate) -> Self {
        Self {
            tracker,
            quantity,
            next: start,
            total: 0.0,
        }
    }

    /// The total from the start up to and including `day` (not before the last day asked).
    fn to(&mut self, day: NaiveDate) -> f64 {
        if day >= self.next {
            let records = self.tracker.doc.actuals.between(self.next, day);
            let (leads, value) = self.tracker.values.count(records, self.tracker.filter);
            self.total += match self.quantity {
                Quantity::Leads => leads,
                Quantity::LeadValue => value,
            };
            self.next = next_day(day);
        }
        self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Measure;
    use crate::plan::compute;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    /// The default plan over 2027 (40 leads a month, lead value €1,250) with New Year's Day
    /// off, and 10 leads on 4 January and 8 on 5 January.
    fn setup() -> (SlaDocument, Plan) {
        let mut doc = SlaDocument::default();
        doc.scenarios[0].assumptions.holidays = vec![day(1, 1)];
        doc.actuals.set(day(1, 4), "Website", Measure::Leads, 10.0);
        doc.actuals.set(day(1, 5), "Website", Measure::Leads, 8.0);
        let plan = compute(&doc.scenarios[0].assumptions, &doc.sales_commitments).unwrap();
        (doc, plan)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn the_month_line_rises_on_working_days_only() {
        let (doc, plan) = setup();
        let id = doc.scenarios[0].id;
        let january = YearMonth::of(day(1, 1));
        let line = month_line(
            &doc,
            id,
            &plan,
            january,
            day(1, 5),
            Quantity::Leads,
            &SourceFilter::all(),
        )
        .unwrap();
        assert_eq!(line.days.len(), 31);
        assert!(close(line.goal, 40.0));
        // 1 January is a holiday, 2 and 3 a weekend: nothing due yet.
        assert!(line.days[..3].iter().all(|p| close(p.ideal, 0.0)));
        assert_eq!(&line.working[..5], &[false, false, false, true, true]);
        let (mon, tue, wed) = (line.days[3], line.days[4], line.days[5]);
        assert!(close(mon.ideal, 2.0) && close(mon.lower, 1.8) && close(mon.upper, 2.2));
        assert_eq!((mon.actual, mon.state), (Some(10.0), Some(State::Ahead)));
        assert!(close(tue.ideal, 4.0) && tue.actual == Some(18.0));
        assert_eq!(wed.actual, None, "after the date");
        assert!(
            close(line.days[30].ideal, 40.0),
            "the goal on the last working day"
        );
        assert!(
            close(line.days[28].ideal, 40.0),
            "Friday 29 January is the last"
        );
        assert!(close(line.days[27].ideal, 38.0));
    }

    #[test]
    fn the_month_line_in_lead_value_and_for_one_source() {
        let (doc, plan) = setup();
        let id = doc.scenarios[0].id;
        let january = YearMonth::of(day(1, 1));
        let value = month_line(
            &doc,
            id,
            &plan,
            january,
            day(1, 31),
            Quantity::LeadValue,
            &SourceFilter::all(),
        )
        .unwrap();
        assert!(close(value.goal, 50_000.0));
        assert_eq!(value.days[30].actual, Some(18.0 * 1_250.0));
        let other = month_line(
            &doc,
            id,
            &plan,
            january,
            day(1, 31),
            Quantity::Leads,
            &SourceFilter::source("Events"),
        )
        .unwrap();
        assert_eq!(other.days[30].actual, Some(0.0));
        assert!(
            close(other.goal, 0.0),
            "a single-rate plan without sources gives no source a goal"
        );
        assert!(
            month_line(
                &doc,
                id,
                &plan,
                YearMonth::of(day(1, 1)).offset(12).unwrap(),
                day(1, 5),
                Quantity::Leads,
                &SourceFilter::all()
            )
            .is_err()
        );
    }

    #[test]
    fn the_period_line_by_month_and_by_week() {
        let (mut doc, plan) = setup();
        doc.actuals.set(day(2, 1), "Website", Measure::Leads, 30.0);
        let id = doc.scenarios[0].id;
        let all = SourceFilter::all();
        let months = period_line(
            &doc,
            id,
            &plan,
            Granularity::Month,
            day(2, 1),
            Quantity::Leads,
            &all,
        )
        .unwrap();
        assert_eq!(months.len(), 12);
        let (span, jan) = months[0];
        assert_eq!(span, Span::Month(YearMonth::of(day(1, 1))));
        assert_eq!(
            (jan.date, jan.ideal, jan.actual),
            (day(1, 31), 40.0, Some(18.0))
        );
        assert_eq!(jan.state, Some(State::Behind));
        let feb = months[1].1;
        assert!(close(feb.ideal, 80.0));
        assert_eq!(feb.actual, Some(48.0), "February so far");
        assert_eq!(months[2].1.actual, None);
        assert!(close(months[11].1.ideal, 480.0));

        let weeks = period_line(
            &doc,
            id,
            &plan,
            Granularity::Week,
            day(2, 1),
            Quantity::Leads,
            &all,
        )
        .unwrap();
        let (first, point) = weeks[0];
        assert_eq!(
            first.first_day(),
            NaiveDate::from_ymd_opt(2026, 12, 28).unwrap()
        );
        assert_eq!((point.date, point.ideal), (day(1, 3), 0.0));
        assert!(close(weeks[1].1.ideal, 10.0), "5 of 20 working days of 40");
        assert_eq!(
            weeks.last().unwrap().1.date,
            day(12, 31),
            "the last week ends with the period"
        );
        assert!(close(weeks.last().unwrap().1.ideal, 480.0));
    }

    #[test]
    fn compliance_per_month_up_to_the_date() {
        let (mut doc, plan) = setup();
        doc.actuals
            .set(day(1, 4), "Website", Measure::ContactedInTime, 9.0);
        doc.actuals
            .set(day(1, 5), "Website", Measure::ContactedInTime, 8.0);
        doc.actuals.set(day(2, 2), "Website", Measure::Leads, 5.0);
        let id = doc.scenarios[0].id;
        let months = compliance(
            &doc,
            id,
            &plan,
            Granularity::Month,
            day(2, 1),
            &SourceFilter::all(),
        )
        .unwrap();
        assert_eq!(months.len(), 2, "spans after the date are left out");
        assert_eq!(months[0].1.leads, 18);
        assert!(close(months[0].1.contacted_share.unwrap(), 17.0 / 18.0));
        assert_eq!(months[0].1.state, State::OnTrack);
        assert_eq!(months[1].1.leads, 0, "2 February is after the date");
    }
}
