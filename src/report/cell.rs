//! A table cell keeps its typed value, so each renderer can show it its own way: in words and
//! the user's number format on screen, compactly in a terminal, as a plain number in a CSV file.

use chrono::NaiveDate;

use crate::i18n::{Language, NO_NUMBER, fill};
use crate::plan::YearMonth;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text as it is shown (a name, a composed sentence part).
    Text(String),
    Month(YearMonth),
    /// An ISO week of an ISO year.
    Week {
        iso_year: i32,
        week: u32,
    },
    Date(NaiveDate),
    /// A whole number that is exact (working days, reps).
    Whole(u32),
    /// A count of leads or customers: `exact` is the plan's number, `whole` its whole target
    /// (`funnel::whole_parts`: the parts add up to the rounded-up total).
    Count {
        exact: f64,
        whole: f64,
    },
    Money(f64),
    /// An amount in whole units, however small (a pace's lead value: €46, not €45.50).
    Amount(f64),
    /// A rate as a fraction (0.05), shown as a percentage with up to two decimals.
    Rate(f64),
    /// A share as a fraction (0.794), shown as a percentage with one decimal.
    Share(f64),
    /// A number shown with exactly `decimals` decimals, so a column lines up (leads per day).
    Decimal {
        value: f64,
        decimals: usize,
    },
    /// An average shown with at most one decimal: 40, 91.6.
    Average(f64),
    /// A multiple shown with one decimal and "×": a return on spend of 12.5×.
    Times(f64),
    /// A lower bound: the value is this or more ("at least €8,000"), such as a budget of
    /// sources of which some lack a cost per lead. Every renderer says so; a data file keeps
    /// the number.
    AtLeast(Box<Cell>),
    /// An upper bound: the value is this or less ("at most 12.5×"), such as a return on a
    /// budget that is itself a lower bound.
    AtMost(Box<Cell>),
    /// No number: a month without working days, a source without a cost.
    Missing,
}

impl Cell {
    /// The cell for people, in `language`: "January 2027", "week 3", "€1,200", "5%".
    pub fn show(&self, language: Language, currency: &str) -> String {
        let n = language.numbers();
        match self {
            Self::Text(text) => text.clone(),
            Self::Month(month) => language.month(*month),
            Self::Week { week, .. } => language.week(*week),
            Self::Date(date) => date.to_string(),
            Self::Whole(value) => value.to_string(),
            Self::Count { whole, .. } => n.decimal(*whole, 0),
            Self::Money(value) => n.money(*value, currency),
            Self::Amount(value) => n.money_to(*value, 0, currency),
            Self::Rate(fraction) => n.fraction_as_percent(*fraction),
            Self::Share(fraction) => n.share(*fraction),
            Self::Decimal { value, decimals } => n.fixed(*value, *decimals),
            Self::Average(value) => n.decimal(*value, 1),
            Self::Times(value) => format!("{}×", n.decimal(*value, 1)),
            Self::AtLeast(value) => {
                bound(language.text().at_least, &value.show(language, currency))
            }
            Self::AtMost(value) => bound(language.text().at_most, &value.show(language, currency)),
            Self::Missing => NO_NUMBER.to_owned(),
        }
    }

    /// The cell for a terminal: as [`Self::show`], but months by their short name with the
    /// year ("Jan 2027", "jan 2027") so a row fits a line.
    pub fn compact(&self, language: Language, currency: &str) -> String {
        match self {
            Self::Month(month) => language.month_short(*month, true),
            Self::AtLeast(value) => {
                bound(language.text().at_least, &value.compact(language, currency))
            }
            Self::AtMost(value) => {
                bound(language.text().at_most, &value.compact(language, currency))
            }
            other => other.show(language, currency),
        }
    }

    /// Months and weeks in ISO 8601 (2027-01, 2027-W03), for data files.
    fn iso(&self) -> Option<String> {
        match self {
            Self::Month(month) => Some(month.to_string()),
            Self::Week { iso_year, week } => Some(format!("{iso_year:04}-W{week:02}")),
            _ => None,
        }
    }

    /// The cell for a data file: numbers plain and with full precision (counts exact, rates
    /// and shares as fractions), months, weeks and dates in ISO 8601, nothing for a missing
    /// number. `decimal` is the decimal separator (`,` for a Dutch spreadsheet).
    pub fn raw(&self, decimal: char) -> String {
        let number = |value: f64| {
            if !value.is_finite() {
                return String::new();
            }
            let text = value.to_string();
            if decimal == '.' {
                text
            } else {
                text.replace('.', &decimal.to_string())
            }
        };
        match self {
            Self::Text(text) => text.clone(),
            Self::Month(_) | Self::Week { .. } => self.iso().unwrap_or_default(),
            Self::Date(date) => date.to_string(),
            Self::Whole(value) => value.to_string(),
            Self::Count { exact: value, .. }
            | Self::Money(value)
            | Self::Amount(value)
            | Self::Rate(value)
            | Self::Share(value)
            | Self::Decimal { value, .. }
            | Self::Average(value)
            | Self::Times(value) => number(*value),
            Self::AtLeast(value) | Self::AtMost(value) => value.raw(decimal),
            Self::Missing => String::new(),
        }
    }
}

/// "at least €8,000": a bound's words around the value shown, unless there is no value.
fn bound(words: &str, value: &str) -> String {
    if value == NO_NUMBER {
        value.to_owned()
    } else {
        fill(words, &[("value", value)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_renderer_sees_the_same_value_its_own_way() {
        let month = Cell::Month(YearMonth::new(2027, 3).unwrap_or(YearMonth::of(NaiveDate::MIN)));
        assert_eq!(month.show(Language::Dutch, "EUR"), "maart 2027");
        assert_eq!(month.compact(Language::Dutch, "EUR"), "mrt 2027");
        assert_eq!(month.raw(','), "2027-03");
        let count = Cell::Count {
            exact: 100.25,
            whole: 101.0,
        };
        assert_eq!(count.show(Language::English, "EUR"), "101");
        assert_eq!(count.raw('.'), "100.25");
        assert_eq!(count.raw(','), "100,25");
        let week = Cell::Week {
            iso_year: 2026,
            week: 53,
        };
        assert_eq!(week.raw('.'), "2026-W53");
        assert_eq!(Cell::Money(f64::NAN).raw('.'), "");
        assert_eq!(
            Cell::Money(f64::INFINITY).show(Language::English, "EUR"),
            "—"
        );
        let budget = Cell::AtLeast(Box::new(Cell::Money(8000.0)));
        assert_eq!(budget.show(Language::English, "EUR"), "at least €8,000");
        assert_eq!(budget.compact(Language::Dutch, "EUR"), "minstens € 8.000");
        assert_eq!(budget.raw('.'), "8000");
        let roms = Cell::AtMost(Box::new(Cell::Times(12.5)));
        assert_eq!(roms.show(Language::English, "EUR"), "at most 12.5×");
        assert_eq!(roms.raw(','), "12,5");
        let nothing = Cell::AtLeast(Box::new(Cell::Money(f64::NAN)));
        assert_eq!(nothing.show(Language::English, "EUR"), "—");
    }
}
