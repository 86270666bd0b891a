//! The plan's cumulative goal on any day: the straight line of the "hug the line" chart within
//! a month, joined month after month over the period.
//!
//! Within month *m* with goal *Gₘ* and *Wₘ* working days, the goal due by the end of day *d* is
//! `Gₘ × (working days from the 1st up to and including d) ÷ Wₘ`: 0 before the first working
//! day, rising by `Gₘ ÷ Wₘ` on each working day, `Gₘ` from the last working day on. A month
//! without working days spreads its goal over its calendar days instead (as the plan's ISO
//! weeks do, so a week's goal is exactly the rise of this line over the week). Over the period
//! the line is the months' goals before *m* plus the part of *Gₘ* due.

use chrono::{Days, NaiveDate};

use crate::plan::calendar::{WorkingCalendar, YearMonth};
use crate::plan::{Assumptions, Plan};

/// The cumulative goal of a plan, in leads, from the first day of its period.
#[derive(Clone, Debug)]
pub struct Ideal {
    months: Vec<IdealMonth>,
    calendar: WorkingCalendar,
}

#[derive(Clone, Copy, Debug)]
struct IdealMonth {
    month: YearMonth,
    working_days: u32,
    leads: f64,
    /// The goals of the months before this one.
    before: f64,
}

impl Ideal {
    /// The line of `plan`, whose scenario has `assumptions` (for its holidays).
    pub fn new(plan: &Plan, assumptions: &Assumptions) -> Self {
        let mut before = 0.0;
        let months = plan
            .months
            .iter()
            .map(|m| {
                let month = IdealMonth {
                    month: m.month,
                    working_days: m.working_days,
                    leads: m.leads,
                    before,
                };
                before += m.leads;
                month
            })
            .collect();
        Self {
            months,
            calendar: WorkingCalendar::new(&assumptions.holidays),
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.months.first().map(|m| m.month.first_day())
    }

    /// The last day of the period.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.months
            .last()
            .and_then(|m| m.month.end_exclusive().pred_opt())
    }

    /// Whether `date` lies inside the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first_day().is_some_and(|first| date >= first)
            && self.last_day().is_some_and(|last| date <= last)
    }

    /// The working days in `[start, end)` (Monday to Friday minus the scenario's holidays).
    pub fn working_days(&self, start: NaiveDate, end: NaiveDate) -> u32 {
        self.calendar.working_days(start, end)
    }

    /// The whole period's goal.
    pub fn total(&self) -> f64 {
        self.months.last().map_or(0.0, |m| m.before + m.leads)
    }

    /// The goal of the month that contains `date` (0 outside the period).
    pub fn month_goal(&self, date: NaiveDate) -> f64 {
        self.month_of(date).map_or(0.0, |m| m.leads)
    }

    /// The share of its month's goal due by the end of `date`, 0 to 1 (see the module
    /// documentation); `None` outside the period.
    pub fn month_fraction(&self, date: NaiveDate) -> Option<f64> {
        let m = self.month_of(date)?;
        let first = m.month.first_day();
        Some(if m.working_days > 0 {
            f64::from(self.working_days(first, next_day(date))) / f64::from(m.working_days)
        } else {
            ((next_day(date) - first).num_days() as f64 / f64::from(m.month.days())).min(1.0)
        })
    }

    /// The goal due from the first day of the period up to and including `date`: 0 before the
    /// period, the whole goal after it.
    pub fn to(&self, date: NaiveDate) -> f64 {
        if self.first_day().is_none_or(|first| date < first) {
            return 0.0;
        }
        match (self.month_of(date), self.month_fraction(date)) {
            (Some(m), Some(fraction)) => m.before + m.leads * fraction,
            _ => self.total(),
        }
    }

    /// The goal due from `from` up to and including `to`.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> f64 {
        let before = from.pred_opt().map_or(0.0, |day| self.to(day));
        self.to(to) - before
    }

    fn month_of(&self, date: NaiveDate) -> Option<&IdealMonth> {
        let month = YearMonth::of(date);
        let i = self.months.partition_point(|m| m.month < month);
        self.months.get(i).filter(|m| m.month == month)
    }
}

/// The day after `date` (the exclusive end of a range that includes it).
pub(crate) fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}
