//! Calendar arithmetic for planning: calendar months, working days and ISO weeks.
//!
//! A *working day* is Monday to Friday, minus the holidays a scenario lists. Counting is done
//! arithmetically per range (no loop over days), so a 36-month plan stays in microseconds.

use std::fmt;

use chrono::{Datelike as _, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Dates and months must lie in these years: the calendar's, and so the file's, the CRM
/// import's and every typed date's limits.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

/// A calendar month such as 2027-01. In files and on the command line it is written `"2027-01"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    first_day: NaiveDate,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`; `None` outside chrono's date range or for a bad month.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|first_day| Self { first_day })
    }

    /// The month containing `date`.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            first_day: date.with_day(1).unwrap_or(date),
        }
    }

    pub fn year(self) -> i32 {
        self.first_day.year()
    }

    /// 1 = January … 12 = December.
    pub fn month(self) -> u32 {
        self.first_day.month()
    }

    pub fn first_day(self) -> NaiveDate {
        self.first_day
    }

    /// The month `n` months later (negative: earlier). `None` only at the ends of chrono's range.
    pub fn offset(self, n: i64) -> Option<Self> {
        let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
        let first_day = if n >= 0 {
            self.first_day.checked_add_months(months)
        } else {
            self.first_day.checked_sub_months(months)
        }?;
        Some(Self { first_day })
    }

    /// Whole months from `earlier` to this month (negative when `earlier` is later).
    pub fn months_since(self, earlier: Self) -> i64 {
        let index = |m: Self| i64::from(m.year()) * 12 + i64::from(m.month());
        index(self) - index(earlier)
    }

    /// The first day of the next month (the exclusive end of this month).
    pub fn end_exclusive(self) -> NaiveDate {
        self.offset(1).map_or(NaiveDate::MAX, Self::first_day)
    }

    /// Number of calendar days in the month (28–31).
    pub fn days(self) -> u32 {
        days_between(self.first_day, self.end_exclusive())
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

/// Why a text is not a month.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a month; write it as year-month, e.g. 2027-01")]
pub struct ParseYearMonthError(pub String);

impl std::str::FromStr for YearMonth {
    type Err = ParseYearMonthError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || ParseYearMonthError(text.to_owned());
        let (year, month) = text.trim().split_once('-').ok_or_else(error)?;
        let year: i32 = year.parse().map_err(|_| error())?;
        let month: u32 = month.parse().map_err(|_| error())?;
        if !(1..=9999).contains(&year) {
            return Err(error());
        }
        Self::new(year, month).ok_or_else(error)
    }
}

impl TryFrom<String> for YearMonth {
    type Error = ParseYearMonthError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<YearMonth> for String {
    fn from(month: YearMonth) -> Self {
        month.to_string()
    }
}

/// Whole days from `start` to `end` (0 when `end` is not after `start`).
fn days_between(start: NaiveDate, end: NaiveDate) -> u32 {
    u32::try_from((end - start).num_days()).unwrap_or(0)
}

/// Counts Monday–Friday days in `[start, end)` without visiting each day:
/// whole weeks contribute 5 each, the remaining 0–6 days are checked one by one.
pub fn weekdays_between(start: NaiveDate, end: NaiveDate) -> u32 {
    let days = days_between(start, end);
    let full_weeks = days / 7;
    let first = start.weekday().num_days_from_monday();
    let rest = (0..days % 7)
        .filter(|offset| (first + offset) % 7 < 5)
        .count();
    full_weeks * 5 + u32::try_from(rest).unwrap_or(0)
}

/// The holidays of a scenario: sorted, de-duplicated and restricted to weekdays, so that a
/// range count is `weekdays − holidays in range` with two binary searches.
#[derive(Clone, Debug, Default)]
pub struct WorkingCalendar {
    weekday_holidays: Vec<NaiveDate>,
}

impl WorkingCalendar {
    pub fn new(holidays: &[NaiveDate]) -> Self {
        let mut weekday_holidays: Vec<NaiveDate> = holidays
            .iter()
            .copied()
            .filter(|day| !matches!(day.weekday(), Weekday::Sat | Weekday::Sun))
            .collect();
        weekday_holidays.sort_unstable();
        weekday_holidays.dedup();
        Self { weekday_holidays }
    }

    /// Working days in `[start, end)`: Monday–Friday minus holidays.
    pub fn working_days(&self, start: NaiveDate, end: NaiveDate) -> u32 {
        let from = self.weekday_holidays.partition_point(|day| *day < start);
        let to = self.weekday_holidays.partition_point(|day| *day < end);
        let holidays = u32::try_from(to.saturating_sub(from)).unwrap_or(0);
        weekdays_between(start, end).saturating_sub(holidays)
    }

    /// Monday to Friday and not a holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        date.succ_opt()
            .is_some_and(|next| self.working_days(date, next) == 1)
    }

    /// Working days in a calendar month.
    pub fn working_days_in(&self, month: YearMonth) -> u32 {
        self.working_days(month.first_day(), month.end_exclusive())
    }
}

/// The Monday that starts the ISO week containing `date`.
pub fn iso_week_start(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(chrono::Days::new(back))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_and_prints_months() {
        let month: YearMonth = "2027-01".parse().unwrap();
        assert_eq!(month.to_string(), "2027-01");
        assert_eq!(month.days(), 31);
        assert_eq!("2028-2".parse::<YearMonth>().unwrap().days(), 29);
        assert!("2027-13".parse::<YearMonth>().is_err());
        assert!("januari".parse::<YearMonth>().is_err());
        assert!("0-01".parse::<YearMonth>().is_err());
    }

    #[test]
    fn offsets_cross_years() {
        let jan: YearMonth = "2027-01".parse().unwrap();
        assert_eq!(jan.offset(-2).unwrap().to_string(), "2026-11");
        assert_eq!(jan.offset(12).unwrap().to_string(), "2028-01");
    }

    #[test]
    fn counts_weekdays_by_hand_checked_months() {
        // January 2027: starts on a Friday, 31 days → 21 weekdays.
        let jan: YearMonth = "2027-01".parse().unwrap();
        assert_eq!(weekdays_between(jan.first_day(), jan.end_exclusive()), 21);
        // February 2027: starts on a Monday, 28 days → exactly 4 weeks → 20.
        let feb: YearMonth = "2027-02".parse().unwrap();
        assert_eq!(weekdays_between(feb.first_day(), feb.end_exclusive()), 20);
        // A Saturday-to-Monday range holds no weekday.
        assert_eq!(weekdays_between(date(2027, 1, 2), date(2027, 1, 4)), 0);
        assert_eq!(weekdays_between(date(2027, 1, 4), date(2027, 1, 2)), 0);
    }

    #[test]
    fn matches_a_day_by_day_count() {
        let cal = WorkingCalendar::new(&[date(2027, 4, 27), date(2027, 4, 24)]);
        let start = date(2026, 12, 28);
        for len in 0..120 {
            let end = start + chrono::Days::new(len);
            let slow = start
                .iter_days()
                .take_while(|d| *d < end)
                .filter(|d| d.weekday().num_days_from_monday() < 5 && *d != date(2027, 4, 27))
                .count() as u32;
            assert_eq!(cal.working_days(start, end), slow, "range of {len} days");
        }
    }

    #[test]
    fn holidays_on_weekdays_count_once() {
        // King's Day 2027 (Tuesday 27 April) listed twice, plus a Saturday holiday.
        let cal = WorkingCalendar::new(&[date(2027, 4, 27), date(2027, 4, 27), date(2027, 4, 24)]);
        let april: YearMonth = "2027-04".parse().unwrap();
        assert_eq!(cal.working_days_in(april), 22 - 1);
    }

    #[test]
    fn iso_weeks_start_on_monday() {
        assert_eq!(iso_week_start(date(2027, 1, 1)), date(2026, 12, 28));
        assert_eq!(iso_week_start(date(2027, 1, 4)), date(2027, 1, 4));
    }
}
