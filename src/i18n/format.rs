//! Number formatting for people: money, percentages, counts and decimals, with the
//! separators of the user's language. Non-finite numbers never reach the screen: they print
//! as "—".

use crate::plan::funnel::whole_up;

/// Shown instead of a number that does not exist (no working days, division by zero, …).
pub const NO_NUMBER: &str = "—";

/// Thousands and decimal separators of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    pub thousands: char,
    pub decimal: char,
    /// Dutch writes "€ 1.200", English "€1,200".
    pub space_after_symbol: bool,
}

impl NumberStyle {
    pub const ENGLISH: Self = Self {
        thousands: ',',
        decimal: '.',
        space_after_symbol: false,
    };

    /// `value` with at most `decimals` decimals, trailing zeros dropped: 6.70 → "6.7".
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return NO_NUMBER.to_owned();
        }
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let fraction = fraction.trim_end_matches('0');
        let mut out = String::with_capacity(text.len() + 4);
        let negative = value < 0.0 && (whole.bytes().any(|b| b != b'0') || !fraction.is_empty());
        if negative {
            out.push('−');
        }
        out.push_str(&self.group(whole));
        if !fraction.is_empty() {
            out.push(self.decimal);
            out.push_str(fraction);
        }
        out
    }

    /// Reads a number as a user types it in this style: thousands separators, spaces, a
    /// currency symbol, a trailing % and a Unicode minus are allowed. `None` for anything that
    /// is not a finite number.
    pub fn parse(self, text: &str) -> Option<f64> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| {
                *c != self.thousands
                    && !c.is_whitespace()
                    && !matches!(c, '€' | '$' | '£' | '¥' | '%')
            })
            .map(|c| match c {
                '−' => '-',
                c if c == self.decimal => '.',
                c => c,
            })
            .collect();
        let is_plain = cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
        if !is_plain {
            return None;
        }
        cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// Inserts the thousands separator into a string of digits.
    fn group(self, digits: &str) -> String {
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.thousands);
            }
            out.push(digit);
        }
        out
    }

    /// `value` with exactly `decimals` decimals, for table columns that line up: 5 → "5.0".
    pub fn fixed(self, value: f64, decimals: usize) -> String {
        let text = self.decimal(value, decimals);
        if decimals == 0 || text == NO_NUMBER {
            return text;
        }
        let present = text.split_once(self.decimal).map_or(0, |(_, f)| f.len());
        let mut text = text;
        if present == 0 {
            text.push(self.decimal);
        }
        text.extend(std::iter::repeat_n('0', decimals - present));
        text
    }

    /// A count of people, leads or deals, rounded **up** (METHOD.md): 88.2 → "89".
    pub fn count_up(self, value: f64) -> String {
        self.decimal(whole_up(value), 0)
    }

    /// A percentage given in percent: 50 → "50%", 5.25 → "5.25%".
    pub fn percent(self, percent: f64) -> String {
        if !percent.is_finite() {
            return NO_NUMBER.to_owned();
        }
        format!("{}%", self.decimal(percent, 2))
    }

    /// A fraction as a percentage: 0.05 → "5%".
    pub fn fraction_as_percent(self, fraction: f64) -> String {
        self.percent(fraction * 100.0)
    }

    /// A fraction as a percentage with one decimal, for shares and utilisation: 0.7939 → "79.4%".
    pub fn share(self, fraction: f64) -> String {
        if !fraction.is_finite() {
            return NO_NUMBER.to_owned();
        }
        format!("{}%", self.decimal(fraction * 100.0, 1))
    }

    /// Money: whole units from 100 up (planning figures), cents below: €1,200,000, €45.5.
    pub fn money(self, value: f64, currency: &str) -> String {
        if !value.is_finite() {
            return NO_NUMBER.to_owned();
        }
        let decimals = if value.abs() >= 100.0 { 0 } else { 2 };
        let amount = self.decimal(value, decimals);
        match currency_symbol(currency) {
            Some(symbol) if self.space_after_symbol => format!("{symbol} {amount}"),
            Some(symbol) => format!("{symbol}{amount}"),
            None if currency.is_empty() => amount,
            None => format!("{currency} {amount}"),
        }
    }
}

/// The symbol of the common currencies; other ISO codes are written out.
pub fn currency_symbol(code: &str) -> Option<&'static str> {
    match code {
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: NumberStyle = NumberStyle::ENGLISH;

    #[test]
    fn money_has_symbol_and_thousands() {
        assert_eq!(EN.money(1_200_000.0, "EUR"), "€1,200,000");
        assert_eq!(EN.money(600.0, "USD"), "$600");
        assert_eq!(EN.money(45.5, "EUR"), "€45.5");
        assert_eq!(EN.money(1_600.0, "CHF"), "CHF 1,600");
        assert_eq!(EN.money(-2_500.0, "EUR"), "€−2,500");
        assert_eq!(EN.money(f64::NAN, "EUR"), "—");
    }

    #[test]
    fn dutch_style_separators() {
        let nl = NumberStyle {
            thousands: '.',
            decimal: ',',
            space_after_symbol: true,
        };
        assert_eq!(nl.money(1_200_000.0, "EUR"), "€ 1.200.000");
        assert_eq!(nl.decimal(6.666, 1), "6,7");
    }

    #[test]
    fn parses_what_users_type() {
        assert_eq!(EN.parse("1,200,000"), Some(1_200_000.0));
        assert_eq!(EN.parse(" €25,000.50 "), Some(25_000.5));
        assert_eq!(EN.parse("5%"), Some(5.0));
        assert_eq!(EN.parse("−5"), Some(-5.0));
        assert_eq!(EN.parse("abc"), None);
        assert_eq!(EN.parse(""), None);
        assert_eq!(EN.parse("inf"), None);
        assert_eq!(EN.parse("NaN"), None);
        assert_eq!(EN.parse("1e400"), None);
        let nl = NumberStyle {
            thousands: '.',
            decimal: ',',
            space_after_symbol: true,
        };
        assert_eq!(nl.parse("1.200.000,5"), Some(1_200_000.5));
    }

    #[test]
    fn counts_round_up() {
        assert_eq!(EN.count_up(88.235), "89");
        assert_eq!(EN.count_up(24.0 / 0.05), "480");
        assert_eq!(EN.count_up(1234.2), "1,235");
    }

    #[test]
    fn percent_and_decimals() {
        assert_eq!(EN.percent(50.0), "50%");
        assert_eq!(EN.percent(5.25), "5.25%");
        assert_eq!(EN.fraction_as_percent(0.05), "5%");
        assert_eq!(EN.share(0.79391), "79.4%");
        assert_eq!(EN.decimal(140.0 / 21.0, 1), "6.7");
        assert_eq!(EN.decimal(-0.001, 1), "0");
        assert_eq!(EN.decimal(f64::INFINITY, 1), "—");
        assert_eq!(EN.decimal(123_456.0, 0), "123,456");
        assert_eq!(EN.fixed(5.0, 1), "5.0");
        assert_eq!(EN.fixed(4.56, 1), "4.6");
        assert_eq!(EN.fixed(1234.5, 2), "1,234.50");
    }
}
