//! The values of one cell: dates and date-times as CRMs write them, amounts with either decimal
//! mark, and counts. Hand-written rather than through chrono's format strings: one pass over a
//! few bytes per cell keeps a 100,000-row import well inside its second, and the forms are many
//! (`2027-01-15`, `15-01-2027`, `1/15/2027 9:30 AM`, `2027-01-15T09:30:00+01:00`).

use chrono::{Datelike as _, NaiveDate, NaiveDateTime, NaiveTime};

use crate::document::{DateOrder, MAX_YEAR, MIN_YEAR};

/// A moment as the file wrote it: the day is the date as written (never moved by the time
/// zone), the time and offset are there when the file gave them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// Seconds east of UTC, when the value carried a zone (`Z`, `+01:00`).
    pub offset: Option<i32>,
}

impl When {
    /// `self` and `later` as wall-clock times in `self`'s zone, for counting working hours:
    /// with both zones known, `later` is moved into `self`'s; otherwise both as written (a date
    /// without a time is its midnight).
    pub fn wall_clocks(&self, later: &Self) -> (NaiveDateTime, NaiveDateTime) {
        let local = |w: &Self| NaiveDateTime::new(w.date, w.time.unwrap_or(NaiveTime::MIN));
        let shift = match (self.offset, later.offset) {
            (Some(from), Some(to)) => i64::from(from) - i64::from(to),
            _ => 0,
        };
        (
            local(self),
            local(later) + chrono::TimeDelta::seconds(shift),
        )
    }
}

/// The numbers of a date written with the year last (`15/01/2027`), before the order of day
/// and month is known.
fn year_last(date: &str) -> Option<(u32, u32, i32)> {
    let (a, b, c) = split_date(date)?;
    (c.len() == 4 && a.len() <= 2 && b.len() <= 2)
        .then(|| Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)))?
}

/// The three numbers of a date part, split by one separator used twice (`-`, `/` or `.`).
fn split_date(date: &str) -> Option<(&str, &str, &str)> {
    let separator = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = date.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && digits(a) && digits(b) && digits(c)).then_some((a, b, c))
}

/// Splits a value into its date and the rest (a time, a zone): the date is the leading run of
/// digits and separators.
fn date_and_rest(value: &str) -> (&str, &str) {
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.')))
        .unwrap_or(value.len());
    let (date, rest) = value.split_at(end);
    // A trailing separator belongs to neither (`15.01.2027.` is not a date).
    (date, rest)
}

/// What a date-only value says about the order of day and month: `(first > 12, second > 12)`
/// for a year-last date, `None` for any other value.
pub fn order_evidence(value: &str) -> Option<(bool, bool)> {
    let (date, _) = date_and_rest(value.trim());
    let (a, b, _) = year_last(date)?;
    Some((a > 12, b > 12))
}

/// Reads a date or date-time. Year first is always year-month-day; year last follows `order`
/// (a year-last date with `YearMonthDay` is not read: the caller settles the order first).
/// Years outside 1900–2200 (what a document holds) are not read either; see
/// [`year_outside_range`] to tell the user why.
pub fn parse_when(value: &str, order: DateOrder) -> Option<When> {
    parse_any_year(value, order).filter(|w| (MIN_YEAR..=MAX_YEAR).contains(&w.date.year()))
}

/// The year of a value that would be a date in `order` but for its year, which lies outside
/// 1900–2200 (`9999-12-31`, `31-12-1899`): the reason to give instead of "not a date".
pub fn year_outside_range(value: &str, order: DateOrder) -> Option<i32> {
    let year = parse_any_year(value, order)?.date.year();
    (!(MIN_YEAR..=MAX_YEAR).contains(&year)).then_some(year)
}

/// [`parse_when`] for any four-digit year.
fn parse_any_year(value: &str, order: DateOrder) -> Option<When> {
    let value = value.trim();
    let (date_text, rest) = date_and_rest(value);
    let (a, b, c) = split_date(date_text)?;
    let (year, month, day) = if a.len() == 4 {
        (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
    } else {
        let (first, second, year) = year_last(date_text)?;
        match order {
            DateOrder::DayMonthYear => (year, second, first),
            DateOrder::MonthDayYear => (year, first, second),
            DateOrder::YearMonthDay => return None,
        }
    };
    if b.len() > 2 || (a.len() == 4 && c.len() > 2) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let (time, offset) = parse_time_and_zone(rest)?;
    Some(When { date, time, offset })
}

/// The rest after a date: nothing, or a time (`09:30`, `9:30:15.250`, `9:30 PM`) with an
/// optional zone (`Z`, `UTC`, `+01:00`, `+0100`, `-05`), after `T` or spaces.
fn parse_time_and_zone(rest: &str) -> Option<(Option<NaiveTime>, Option<i32>)> {
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest).trim();
    if rest.is_empty() {
        return Some((None, None));
    }
    let clock_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (clock, mut zone) = rest.split_at(clock_end);
    let mut numbers = clock.split(':');
    let mut hour: u32 = numbers.next()?.parse().ok()?;
    let minute: u32 = numbers.next()?.parse().ok()?;
    let second: u32 = match numbers.next() {
        Some(s) => s.split(['.', ',']).next()?.parse().ok()?,
        None => 0,
    };
    if numbers.next().is_some() {
        return None;
    }
    zone = zone.trim_start();
    let meridiem = [("am", 0), ("pm", 12)]
        .into_iter()
        .find(|(m, _)| zone.get(..2).is_some_and(|z| z.eq_ignore_ascii_case(m)));
    if let Some((_, add)) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + add;
        zone = zone.get(2..).unwrap_or_default().trim_start();
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    Some((Some(time), parse_zone(zone)?))
}

/// `""` (none), `Z`/`UTC`/`GMT` (0) or `±HH`, `±HHMM`, `±HH:MM` as seconds east of UTC.
fn parse_zone(zone: &str) -> Option<Option<i32>> {
    let zone = zone.trim();
    if zone.is_empty() {
        return Some(None);
    }
    if ["z", "utc", "gmt"]
        .iter()
        .any(|z| zone.eq_ignore_ascii_case(z))
    {
        return Some(Some(0));
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone.get(1..)?.chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Some(0), |m| m.parse().ok())?;
    (hours <= 14 && minutes < 60).then_some(Some(sign * (hours * 3600 + minutes * 60)))
}

/// Reads an amount: a currency sign or code before or after (`€ 1.234,50`, `$1,234.50`,
/// `1234.5 EUR`), `.` or `,` as the decimal mark, the other as an optional thousands separator.
/// A single mark followed by exactly three digits (`1.234`, `1,234`) is a thousands separator:
/// deal amounts with three decimals do not occur, thousands do. Negative amounts are refused.
pub fn parse_amount(value: &str) -> Option<f64> {
    let mut text = value.trim();
    for _ in 0..2 {
        text = text
            .trim_start_matches(['€', '$', '£', '¥'])
            .trim_end_matches(['€', '$', '£', '¥'])
            .trim_matches(|c: char| c.is_whitespace());
        let code = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic());
        if text.get(..3).is_some_and(code) {
            text = text.get(3..).unwrap_or_default();
        }
        let tail = text.len().saturating_sub(3);
        if text.len() > 3 && text.get(tail..).is_some_and(code) {
            text = text.get(..tail).unwrap_or_default();
        }
    }
    let text: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'')
        .collect();
    if text.is_empty()
        || !text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let last_dot = text.rfind('.');
    let last_comma = text.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(i), None) | (None, Some(i)) => {
            let mark = text.as_bytes().get(i).copied().unwrap_or(b'.');
            let once = text.bytes().filter(|b| *b == mark).count() == 1;
            let three_after = text.len() - i - 1 == 3;
            (once && !three_after).then_some(i)
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal {
        Some(i) => (text.get(..i)?, text.get(i + 1..)?),
        None => (text.as_str(), ""),
    };
    if fraction.bytes().any(|b| !b.is_ascii_digit()) {
        return None;
    }
    let digits = grouped_digits(whole)?;
    let number: f64 = format!("{digits}.{fraction}0").parse().ok()?;
    number.is_finite().then_some(number)
}

/// The digits of a whole part with optional thousands separators (one kind, groups of three).
fn grouped_digits(whole: &str) -> Option<String> {
    let separator = whole.bytes().find(|b| !b.is_ascii_digit());
    let Some(separator) = separator else {
        return (!whole.is_empty()).then(|| whole.to_owned());
    };
    let mut groups = whole.split(char::from(separator));
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

/// Reads a count of attempts: a whole number, `3`, `3.0` or `3,0` (spreadsheets write counts
/// as decimals).
pub fn parse_count(value: &str) -> Option<u32> {
    let value = value.trim();
    let whole = match value.find(['.', ',']) {
        Some(i) => {
            let fraction = value.get(i + 1..)?;
            if !fraction.bytes().all(|b| b == b'0') {
                return None;
            }
            value.get(..i)?
        }
        None => value,
    };
    whole.parse().ok()
}

/// The date as ISO text, for messages.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn every_date_form_reads_as_written() {
        let dmy = DateOrder::DayMonthYear;
        let mdy = DateOrder::MonthDayYear;
        for (text, order) in [
            ("2027-01-15", dmy),
            ("2027/01/15", mdy),
            ("15-01-2027", dmy),
            ("15/01/2027", dmy),
            ("15.01.2027", dmy),
            ("01/15/2027", mdy),
            ("1/15/2027", mdy),
            ("2027-01-15T09:30:00Z", dmy),
            ("2027-01-15 09:30", dmy),
            ("2027-01-15T23:30:00-05:00", dmy),
            ("15-01-2027 09:30:15.250 +01:00", dmy),
            ("1/15/2027 9:30 PM", mdy),
        ] {
            let when = parse_when(text, order);
            assert_eq!(when.map(|w| w.date), Some(ymd(2027, 1, 15)), "{text}");
        }
        assert_eq!(
            parse_when("2027-01-15", DateOrder::YearMonthDay).map(|w| w.date),
            Some(ymd(2027, 1, 15))
        );
        assert_eq!(parse_when("15/01/2027", DateOrder::MonthDayYear), None);
        assert_eq!(parse_when("15/01/2027", DateOrder::YearMonthDay), None);
        for bad in [
            "",
            "2027-13-01",
            "2027-02-30",
            "15-01-27",
            "yesterday",
            "2027-01-15 25:00",
            "2027-01-15 09:30 CET",
            "2027-01-15x",
        ] {
            assert_eq!(parse_when(bad, dmy), None, "{bad}");
        }
    }

    #[test]
    fn a_year_outside_1900_to_2200_is_no_date_and_says_its_year() {
        let dmy = DateOrder::DayMonthYear;
        assert_eq!(parse_when("9999-12-31", dmy), None);
        assert_eq!(year_outside_range("9999-12-31", dmy), Some(9999));
        assert_eq!(year_outside_range("31-12-1899 09:30", dmy), Some(1899));
        assert_eq!(year_outside_range("2200-12-31", dmy), None);
        assert_eq!(
            parse_when("2200-12-31", dmy).map(|w| w.date),
            Some(ymd(2200, 12, 31))
        );
        // Not a date in any year: no year to blame.
        assert_eq!(year_outside_range("9999-02-30", dmy), None);
        assert_eq!(
            year_outside_range("31-12-1899", DateOrder::MonthDayYear),
            None
        );
    }

    #[test]
    fn hours_between_moments_use_the_zone_when_both_have_one() {
        let created = parse_when("2027-01-15T09:00:00+01:00", DateOrder::YearMonthDay);
        let contact = parse_when("2027-01-15T08:30:00Z", DateOrder::YearMonthDay);
        let hours = |a: When, b: When| {
            let (from, to) = a.wall_clocks(&b);
            (to - from).as_seconds_f64() / 3600.0
        };
        assert_eq!(created.zip(contact).map(|(a, b)| hours(a, b)), Some(0.5));
        let pm = parse_when("1/15/2027 12:15 PM", DateOrder::MonthDayYear);
        let am = parse_when("1/15/2027 12:15 AM", DateOrder::MonthDayYear);
        assert_eq!(am.zip(pm).map(|(a, b)| hours(a, b)), Some(12.0));
    }

    #[test]
    fn amounts_read_with_either_decimal_mark() {
        for (text, value) in [
            ("€ 1.234,50", 1234.5),
            ("$1,234.50", 1234.5),
            ("1234.5", 1234.5),
            ("1234,5", 1234.5),
            ("1.234", 1234.0),
            ("1,234", 1234.0),
            ("1.234.567", 1_234_567.0),
            ("25000 EUR", 25_000.0),
            ("EUR 25.000,00", 25_000.0),
            ("0", 0.0),
        ] {
            assert_eq!(parse_amount(text), Some(value), "{text}");
        }
        for bad in ["", "-5", "abc", "1,23,4", "12.34.5", "1.2,3,4", "€", "1e5"] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_are_whole_numbers() {
        assert_eq!(parse_count("3"), Some(3));
        assert_eq!(parse_count("3,0"), Some(3));
        assert_eq!(parse_count("3.5"), None);
        assert_eq!(parse_count("-1"), None);
        assert_eq!(parse_count("many"), None);
    }
}
