//! Public holidays by country, computed by rule (fixed dates, "nth weekday of the month" and the
//! days that follow Easter), so a plan's working days are right for any year without a table
//! to keep up to date. One-off holidays a government declares (a coronation, a jubilee) are not
//! rules: add them by hand.

use chrono::{Datelike as _, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A country whose public holidays are known by rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    Netherlands,
    Belgium,
    Germany,
    /// England and Wales (Scotland and Northern Ireland have other bank holidays).
    UnitedKingdom,
    /// Federal holidays.
    UnitedStates,
}

/// A day off with its name in the country's own language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
    /// A public holiday that is not a common day off: added only when the user asks.
    pub optional: Option<OptionalDay>,
}

/// A Dutch public holiday that most employers do not give off, so a plan leaves it a working
/// day unless the user adds it (the collective agreement decides).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionalDay {
    /// Goede Vrijdag: a day off only where the cao or employer says so.
    GoodFriday,
    /// Bevrijdingsdag, 5 May: in most cao's a day off once every five years (2025, 2030, …).
    LiberationDay,
}

impl OptionalDay {
    pub const ALL: [Self; 2] = [Self::GoodFriday, Self::LiberationDay];
}

impl Country {
    pub const ALL: [Self; 5] = [
        Self::Netherlands,
        Self::Belgium,
        Self::Germany,
        Self::UnitedKingdom,
        Self::UnitedStates,
    ];

    /// ISO 3166 code: "NL", "BE", "DE", "GB", "US".
    pub fn code(self) -> &'static str {
        match self {
            Self::Netherlands => "NL",
            Self::Belgium => "BE",
            Self::Germany => "DE",
            Self::UnitedKingdom => "GB",
            Self::UnitedStates => "US",
        }
    }

    /// The country of an ISO 3166 code, any case ("nl", "GB"; "UK" too).
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.to_ascii_uppercase();
        let code = if code == "UK" { "GB" } else { code.as_str() };
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The country of a locale such as `nl-NL`, `en_GB.UTF-8` or `de_DE@euro`.
    pub fn from_locale(locale: &str) -> Option<Self> {
        let region = locale.split(['.', '@']).next()?.split(['-', '_']).nth(1)?;
        Self::from_code(region)
    }

    /// The public holidays that fall in `year` (observed dates where a holiday on a weekend
    /// moves to a weekday).
    pub fn holidays(self, year: i32) -> Vec<Holiday> {
        let mut days = match self {
            Self::Netherlands => netherlands(year),
            Self::Belgium => belgium(year),
            Self::Germany => germany(year),
            Self::UnitedKingdom => united_kingdom(year),
            // A Saturday 1 January is observed on the Friday before, in the previous year.
            Self::UnitedStates => [united_states(year), united_states(year + 1)].concat(),
        };
        days.retain(|h| h.date.year() == year);
        days.sort_by_key(|h| h.date);
        days
    }

    /// The name of this country's holiday on `date`; `None` for a day off of one's own (a
    /// bridge day, a company day: another country's holiday on that date says nothing).
    pub fn name_of(self, date: NaiveDate) -> Option<&'static str> {
        self.holidays(date.year())
            .into_iter()
            .find(|h| h.date == date)
            .map(|h| h.name)
    }

    /// The public holidays from `first` to `last`, both included.
    pub fn holidays_between(self, first: NaiveDate, last: NaiveDate) -> Vec<Holiday> {
        (first.year()..=last.year())
            .flat_map(|year| self.holidays(year))
            .filter(|h| (first..=last).contains(&h.date))
            .collect()
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and
/// Butcher, 1876), from which Good Friday, Ascension and Whitsun follow.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

/// A valid date; the rules only ask for real ones, so the fallback is never used.
fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// Easter Sunday plus `days` (negative: before).
fn easter(year: i32, days: i64) -> NaiveDate {
    let sunday = easter_sunday(year);
    if days >= 0 {
        sunday + Days::new(days.unsigned_abs())
    } else {
        sunday - Days::new(days.unsigned_abs())
    }
}

/// The `n`th `weekday` of a month (n = 1 for the first); `n = 0` for the last.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> NaiveDate {
    if n == 0 {
        let next = if month == 12 {
            date(year + 1, 1, 1)
        } else {
            date(year, month + 1, 1)
        };
        let last = next.pred_opt().unwrap_or(next);
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        return last - Days::new(u64::from(back));
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n).unwrap_or(NaiveDate::MIN)
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

fn holiday(date: NaiveDate, name: &'static str) -> Holiday {
    Holiday {
        date,
        name,
        optional: None,
    }
}

/// Rijksoverheid's official holidays. Goede Vrijdag and Bevrijdingsdag are among them but are
/// no common day off ([`OptionalDay`]): they are marked, and added only on request.
fn netherlands(year: i32) -> Vec<Holiday> {
    // Koningsdag moves to the Saturday before when 27 April is a Sunday.
    let kings_day = match date(year, 4, 27) {
        day if day.weekday() == Weekday::Sun => date(year, 4, 26),
        day => day,
    };
    vec![
        holiday(date(year, 1, 1), "Nieuwjaarsdag"),
        Holiday {
            optional: Some(OptionalDay::GoodFriday),
            ..holiday(easter(year, -2), "Goede Vrijdag")
        },
        holiday(easter(year, 0), "Eerste Paasdag"),
        holiday(easter(year, 1), "Tweede Paasdag"),
        holiday(kings_day, "Koningsdag"),
        Holiday {
            optional: Some(OptionalDay::LiberationDay),
            ..holiday(date(year, 5, 5), "Bevrijdingsdag")
        },
        holiday(easter(year, 39), "Hemelvaartsdag"),
        holiday(easter(year, 49), "Eerste Pinksterdag"),
        holiday(easter(year, 50), "Tweede Pinksterdag"),
        holiday(date(year, 12, 25), "Eerste Kerstdag"),
        holiday(date(year, 12, 26), "Tweede Kerstdag"),
    ]
}

/// The ten legal public holidays of Belgium.
fn belgium(year: i32) -> Vec<Holiday> {
    vec![
        holiday(date(year, 1, 1), "Nieuwjaar"),
        holiday(easter(year, 1), "Paasmaandag"),
        holiday(date(year, 5, 1), "Dag van de Arbeid"),
        holiday(easter(year, 39), "O.L.H. Hemelvaart"),
        holiday(easter(year, 50), "Pinkstermaandag"),
        holiday(date(year, 7, 21), "Nationale feestdag"),
        holiday(date(year, 8, 15), "O.L.V. Hemelvaart"),
        holiday(date(year, 11, 1), "Allerheiligen"),
        holiday(date(year, 11, 11), "Wapenstilstand"),
        holiday(date(year, 12, 25), "Kerstmis"),
    ]
}

/// The holidays of every German state (each state adds its own).
fn germany(year: i32) -> Vec<Holiday> {
    vec![
        holiday(date(year, 1, 1), "Neujahr"),
        holiday(easter(year, -2), "Karfreitag"),
        holiday(easter(year, 1), "Ostermontag"),
        holiday(date(year, 5, 1), "Tag der Arbeit"),
        holiday(easter(year, 39), "Christi Himmelfahrt"),
        holiday(easter(year, 50), "Pfingstmontag"),
        holiday(date(year, 10, 3), "Tag der Deutschen Einheit"),
        holiday(date(year, 12, 25), "1. Weihnachtstag"),
        holiday(date(year, 12, 26), "2. Weihnachtstag"),
    ]
}

/// Bank holidays of England and Wales. A fixed one on a weekend gets the next free weekday
/// (a "substitute day"), after the fixed ones that fall on weekdays have taken theirs.
fn united_kingdom(year: i32) -> Vec<Holiday> {
    let mut days = vec![
        holiday(easter(year, -2), "Good Friday"),
        holiday(easter(year, 1), "Easter Monday"),
        holiday(
            nth_weekday(year, 5, Weekday::Mon, 1),
            "Early May bank holiday",
        ),
        holiday(nth_weekday(year, 5, Weekday::Mon, 0), "Spring bank holiday"),
        holiday(nth_weekday(year, 8, Weekday::Mon, 0), "Summer bank holiday"),
    ];
    let fixed = [
        (date(year, 1, 1), "New Year's Day"),
        (date(year, 12, 25), "Christmas Day"),
        (date(year, 12, 26), "Boxing Day"),
    ];
    let (weekdays, weekends): (Vec<_>, Vec<_>) =
        fixed.into_iter().partition(|(d, _)| !is_weekend(*d));
    days.extend(weekdays.into_iter().map(|(d, name)| holiday(d, name)));
    for (day, name) in weekends {
        let mut substitute = day;
        while is_weekend(substitute) || days.iter().any(|h| h.date == substitute) {
            substitute = substitute.succ_opt().unwrap_or(substitute);
        }
        days.push(holiday(substitute, name));
    }
    days
}

/// Federal holidays as observed (5 U.S.C. 6103): one on a Saturday is observed on the Friday
/// before, one on a Sunday on the Monday after.
fn united_states(year: i32) -> Vec<Holiday> {
    let observed = |day: NaiveDate| match day.weekday() {
        Weekday::Sat => day.pred_opt().unwrap_or(day),
        Weekday::Sun => day.succ_opt().unwrap_or(day),
        _ => day,
    };
    vec![
        holiday(observed(date(year, 1, 1)), "New Year's Day"),
        holiday(
            nth_weekday(year, 1, Weekday::Mon, 3),
            "Martin Luther King Jr. Day",
        ),
        holiday(
            nth_weekday(year, 2, Weekday::Mon, 3),
            "Washington's Birthday",
        ),
        holiday(nth_weekday(year, 5, Weekday::Mon, 0), "Memorial Day"),
        holiday(observed(date(year, 6, 19)), "Juneteenth"),
        holiday(observed(date(year, 7, 4)), "Independence Day"),
        holiday(nth_weekday(year, 9, Weekday::Mon, 1), "Labor Day"),
        holiday(nth_weekday(year, 10, Weekday::Mon, 2), "Columbus Day"),
        holiday(observed(date(year, 11, 11)), "Veterans Day"),
        holiday(nth_weekday(year, 11, Weekday::Thu, 4), "Thanksgiving Day"),
        holiday(observed(date(year, 12, 25)), "Christmas Day"),
    ]
}
