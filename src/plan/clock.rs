//! How the hours of sales' promises are counted: working hours (the business day, on working
//! days) or calendar hours (day and night, every day).
//!
//! "Within 1 hour" of a lead that arrives on Friday at 16:30 means Friday 17:00 … Monday 9:30
//! in working hours from 9:00 to 17:00, and Friday 17:30 in calendar hours. The agreement
//! states which, and the CRM import judges "contacted in time" by the same rule, so the report
//! measures what the teams signed.

use chrono::{Datelike as _, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// The clock of "within N hours".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResponseClock {
    /// Every hour counts, nights and weekends too. Files written before the setting existed
    /// were measured this way, and read as it.
    Calendar,
    /// Only the hours from `start` to `end` of a working day (Monday to Friday, not a holiday
    /// of the plan) count.
    Working { start: NaiveTime, end: NaiveTime },
}

impl ResponseClock {
    /// The business day most teams keep: 9:00 to 17:00.
    pub const OFFICE_HOURS: Self = Self::Working {
        start: hour(9),
        end: hour(17),
    };

    /// Whether `to` lies within `limit_hours` of `from` on this clock. A time before `from`
    /// (a contact logged before the lead, a CRM clock off by a minute) is within any limit.
    ///
    /// Working hours: the sum over the days from `from` to `to` of the overlap of
    /// [`from`, `to`] with that day's business hours, if it is a working day; compared with the
    /// limit as soon as it passes it, so a lead contacted a year later costs no year of days.
    pub fn within(
        self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        limit_hours: f64,
        holidays: &[NaiveDate],
    ) -> bool {
        if to <= from {
            return true;
        }
        let limit = limit_hours * 3600.0;
        match self {
            Self::Calendar => (to - from).as_seconds_f64() <= limit,
            Self::Working { start, end } => {
                let mut seconds = 0.0;
                let mut day = from.date();
                while day <= to.date() {
                    if is_working_day(day, holidays) {
                        let open = day.and_time(start).max(from);
                        let close = day.and_time(end).min(to);
                        if close > open {
                            seconds += (close - open).as_seconds_f64();
                            if seconds > limit {
                                return false;
                            }
                        }
                    }
                    match day.succ_opt() {
                        Some(next) => day = next,
                        None => break,
                    }
                }
                seconds <= limit
            }
        }
    }

    /// The business day's length in hours; `None` for calendar hours.
    pub fn day_hours(self) -> Option<f64> {
        match self {
            Self::Calendar => None,
            Self::Working { start, end } => Some((end - start).as_seconds_f64() / 3600.0),
        }
    }
}

/// Monday to Friday, and not one of the plan's holidays.
fn is_working_day(day: NaiveDate, holidays: &[NaiveDate]) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&day)
}

/// A whole hour of the day; only called with 0..24.
const fn hour(h: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, 0, 0) {
        Some(time) => time,
        None => NaiveTime::MIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 1, day)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    #[test]
    fn a_friday_afternoon_lead_is_in_time_on_monday_morning_in_working_hours() {
        // Friday 8 January 2027, 16:30; Monday 11 January, 9:25: 30 + 25 minutes of work.
        let clock = ResponseClock::OFFICE_HOURS;
        assert!(clock.within(at(8, 16, 30), at(11, 9, 25), 1.0, &[]));
        assert!(!clock.within(at(8, 16, 30), at(11, 9, 35), 1.0, &[]));
        assert!(!ResponseClock::Calendar.within(at(8, 16, 30), at(11, 9, 25), 1.0, &[]));
        assert!(ResponseClock::Calendar.within(at(8, 16, 30), at(8, 17, 30), 1.0, &[]));
    }

    #[test]
    fn nights_and_holidays_do_not_count() {
        let clock = ResponseClock::OFFICE_HOURS;
        // A lead at 22:00 contacted at 9:45 the next morning: 45 minutes of work.
        assert!(clock.within(at(5, 22, 0), at(6, 9, 45), 1.0, &[]));
        // Thursday 7 January a holiday: Wednesday 16:30 to Friday 9:30 is one working hour.
        let holiday = [NaiveDate::from_ymd_opt(2027, 1, 7).unwrap_or_default()];
        assert!(clock.within(at(6, 16, 30), at(8, 9, 30), 1.0, &holiday));
        assert!(!clock.within(at(6, 16, 30), at(8, 9, 30), 1.0, &[]));
    }

    #[test]
    fn a_contact_before_the_lead_is_in_time_and_a_year_later_is_not() {
        let clock = ResponseClock::OFFICE_HOURS;
        assert!(clock.within(at(8, 10, 0), at(8, 9, 0), 1.0, &[]));
        let year_later = at(8, 10, 0) + TimeDelta::days(365);
        assert!(!clock.within(at(8, 10, 0), year_later, 48.0, &[]));
    }
}
