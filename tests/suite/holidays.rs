//! Public holidays by rule, checked against the published calendars (Rijksoverheid, the Belgian
//! FOD WASO, the German federal government, gov.uk and the U.S. OPM) for several years.

use chrono::NaiveDate;
use sla_planner::plan::holidays::{Country, easter_sunday};

fn dates(country: Country, year: i32) -> Vec<String> {
    country
        .holidays(year)
        .iter()
        .map(|h| h.date.format("%m-%d").to_string())
        .collect()
}

#[test]
fn easter_sunday_matches_the_church_calendar() {
    for (year, month, day) in [
        (1818, 3, 22),
        (2000, 4, 23),
        (2019, 4, 21),
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2028, 4, 16),
        (2038, 4, 25),
    ] {
        assert_eq!(
            easter_sunday(year),
            NaiveDate::from_ymd_opt(year, month, day).unwrap(),
            "{year}"
        );
    }
}

#[test]
fn the_netherlands() {
    assert_eq!(
        dates(Country::Netherlands, 2026),
        [
            "01-01", "04-03", "04-05", "04-06", "04-27", "05-05", "05-14", "05-24", "05-25",
            "12-25", "12-26"
        ]
    );
    assert_eq!(
        dates(Country::Netherlands, 2027),
        [
            "01-01", "03-26", "03-28", "03-29", "04-27", "05-05", "05-06", "05-16", "05-17",
            "12-25", "12-26"
        ]
    );
    // 27 April 2025 was a Sunday: Koningsdag moved to Saturday the 26th.
    assert!(dates(Country::Netherlands, 2025).contains(&"04-26".to_owned()));
    let names: Vec<&str> = Country::Netherlands
        .holidays(2027)
        .iter()
        .map(|h| h.name)
        .collect();
    assert_eq!(names[4], "Koningsdag");
}

#[test]
fn belgium() {
    assert_eq!(
        dates(Country::Belgium, 2027),
        [
            "01-01", "03-29", "05-01", "05-06", "05-17", "07-21", "08-15", "11-01", "11-11",
            "12-25"
        ]
    );
}

#[test]
fn germany() {
    assert_eq!(
        dates(Country::Germany, 2027),
        [
            "01-01", "03-26", "03-29", "05-01", "05-06", "05-17", "10-03", "12-25", "12-26"
        ]
    );
    assert_eq!(
        dates(Country::Germany, 2026),
        [
            "01-01", "04-03", "04-06", "05-01", "05-14", "05-25", "10-03", "12-25", "12-26"
        ]
    );
}

#[test]
fn england_and_wales_with_substitute_days() {
    assert_eq!(
        dates(Country::UnitedKingdom, 2025),
        [
            "01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"
        ]
    );
    // Boxing Day on a Saturday: substitute Monday 28 December.
    assert_eq!(
        dates(Country::UnitedKingdom, 2026),
        [
            "01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"
        ]
    );
    // Christmas on a Saturday and Boxing Day on a Sunday: Monday 27 and Tuesday 28.
    assert_eq!(
        dates(Country::UnitedKingdom, 2027),
        [
            "01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"
        ]
    );
    // New Year's Day on a Saturday: substitute Monday 3 January.
    assert_eq!(
        dates(Country::UnitedKingdom, 2028),
        [
            "01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"
        ]
    );
}

#[test]
fn united_states_federal_holidays_as_observed() {
    assert_eq!(
        dates(Country::UnitedStates, 2026),
        [
            "01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "09-07", "10-12", "11-11",
            "11-26", "12-25"
        ]
    );
    // 1 January 2028 is a Saturday: observed on Friday 31 December 2027.
    assert_eq!(
        dates(Country::UnitedStates, 2027),
        [
            "01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11",
            "11-25", "12-24", "12-31"
        ]
    );
    assert_eq!(dates(Country::UnitedStates, 2028)[0], "01-17");
}

#[test]
fn holidays_of_a_period_and_countries_of_locales() {
    let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
    let days: Vec<String> = Country::Netherlands
        .holidays_between(first, last)
        .iter()
        .map(|h| h.date.to_string())
        .collect();
    assert_eq!(days, ["2026-12-25", "2026-12-26", "2027-01-01"]);
    assert_eq!(
        Country::from_locale("nl_NL.UTF-8"),
        Some(Country::Netherlands)
    );
    assert_eq!(Country::from_locale("en-GB"), Some(Country::UnitedKingdom));
    assert_eq!(Country::from_locale("de_DE@euro"), Some(Country::Germany));
    assert_eq!(Country::from_locale("fr_BE"), Some(Country::Belgium));
    assert_eq!(Country::from_locale("en_US"), Some(Country::UnitedStates));
    assert_eq!(Country::from_locale("C"), None);
    assert_eq!(Country::from_locale("fr_FR"), None);
}
