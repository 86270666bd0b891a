//! Dates as people write them: "1 Jan 2027" in English (a month name leaves no doubt which
//! number is the day), "1-1-2027" in Dutch (day, month, year). Files and data exports keep ISO
//! dates (2027-01-01), which both languages also accept when typed. Months, days and weeks as
//! tables and sentences name them ("January 2027", "Mon 4 Jan", "week 3") are here too.

use chrono::{Datelike, NaiveDate};

use super::{Language, fill};
use crate::plan::calendar::{MAX_YEAR, MIN_YEAR};

impl Language {
    /// `date` in this language's convention.
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Self::English => date.format("%-d %b %Y").to_string(),
            Self::Dutch => date.format("%-d-%-m-%Y").to_string(),
        }
    }

    /// A date typed in this language's convention or as ISO (2027-01-01); `None` when the text
    /// is no date (31 February, words) or its year is outside what a document may hold (so
    /// "1-1-27" is not taken for the year 27).
    pub fn read_date(self, text: &str) -> Option<NaiveDate> {
        let text = text.trim();
        let formats: &[&str] = match self {
            // %B reads "February" and "Feb" alike.
            Self::English => &["%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%B %d %Y", "%B %d, %Y"],
            Self::Dutch => &["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"],
        };
        formats
            .iter()
            .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
            .filter(|date| (MIN_YEAR..=MAX_YEAR).contains(&date.year()))
    }

    /// A month by name: "January 2027".
    pub fn month(self, month: crate::plan::YearMonth) -> String {
        let t = self.text();
        let name = t.month_names[(month.month() as usize + 11) % 12];
        fill(
            t.month_and_year,
            &[("month", name), ("year", &month.year().to_string())],
        )
    }

    /// A month's short name under a chart bar: "Feb"; with the year where one starts (January,
    /// or the first bar): "Jan 2027".
    pub fn month_short(self, month: crate::plan::YearMonth, with_year: bool) -> String {
        let t = self.text();
        let name = t.month_short_names[(month.month() as usize + 11) % 12];
        if with_year || month.month() == 1 {
            fill(
                t.month_and_year,
                &[("month", name), ("year", &month.year().to_string())],
            )
        } else {
            name.to_owned()
        }
    }

    /// A day in a table: "Mon 4 Jan" / "ma 4 jan".
    pub fn day(self, date: NaiveDate) -> String {
        let t = self.text();
        fill(
            t.day_format,
            &[
                (
                    "weekday",
                    t.weekday_short_names[date.weekday().num_days_from_monday() as usize],
                ),
                ("day", &date.day().to_string()),
                ("month", t.month_short_names[date.month0() as usize]),
            ],
        )
    }

    /// A date in a sentence: "4 January 2027" / "4 januari 2027".
    pub fn long_date(self, date: NaiveDate) -> String {
        let t = self.text();
        fill(
            t.long_date_format,
            &[
                ("day", &date.day().to_string()),
                ("month", t.month_names[date.month0() as usize]),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// An ISO week: "week 3".
    pub fn week(self, week: u32) -> String {
        fill(self.text().week_number, &[("n", &week.to_string())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn each_language_writes_and_reads_its_own_convention_and_iso() {
        let date = day(2027, 2, 1);
        assert_eq!(Language::English.date(date), "1 Feb 2027");
        assert_eq!(Language::Dutch.date(date), "1-2-2027");
        for language in Language::ALL {
            assert_eq!(language.read_date(&language.date(date)), Some(date));
            assert_eq!(language.read_date(" 2027-02-01 "), Some(date));
        }
        assert_eq!(Language::English.read_date("1 February 2027"), Some(date));
        assert_eq!(Language::English.read_date("Feb 1, 2027"), Some(date));
        assert_eq!(Language::Dutch.read_date("01/02/2027"), Some(date));
    }

    #[test]
    fn impossible_and_ambiguous_dates_are_refused() {
        for text in ["31-2-2027", "1-1-27", "tomorrow", "", "2027-13-01"] {
            assert_eq!(Language::Dutch.read_date(text), None, "{text}");
        }
        assert_eq!(Language::English.read_date("1/2/2027"), None);
    }
}
