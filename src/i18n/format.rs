//! Number formatting for people: money, percentages, counts and decimals, with the
//! separators of the user's language. Non-finite numbers never reach the screen: they print
//! as "—".

use crate::plan::funnel::whole_up;

/// Shown instead of a number that does not exist (no working days, division by zero, …).
pub const NO_NUMBER: &str = "—";

/// From here on numbers are written with a power of ten.
const HUGE: f64 = 1e15;

/// Typed text that is not a number in the user's convention, or is one only by accident.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Misread {
    /// The number the text is in the other convention (`1,5` in English is 1.5 in Dutch), to
    /// offer as "Did you mean …?".
    pub suggestion: Option<f64>,
    /// For ambiguous text (`18.000` in English), what it means in the user's own convention:
    /// the message says how to type that unambiguously.
    pub as_typed: Option<f64>,
}

impl Misread {
    /// Text that reads in neither convention, or only in the user's own with too many
    /// decimals: `suggestion` is the other convention's reading, if any.
    pub fn suggesting(suggestion: Option<f64>) -> Self {
        Self {
            suggestion,
            as_typed: None,
        }
    }
}

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

    pub const DUTCH: Self = Self {
        thousands: '.',
        decimal: ',',
        space_after_symbol: true,
    };

    /// `value` with at most `decimals` decimals, trailing zeros dropped: 6.70 → "6.7". Numbers
    /// beyond any plan (10¹⁵ and up, which only a wrong input reaches) are written with a power
    /// of ten, "1×10^308", not as hundreds of digits.
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return NO_NUMBER.to_owned();
        }
        if value.abs() >= HUGE {
            let exponent = value.abs().log10().floor();
            let mantissa = value / 10f64.powf(exponent);
            return format!("{}×10^{exponent}", self.decimal(mantissa, 3));
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

    /// Reads a number exactly as a person of this language writes it, or says why not.
    ///
    /// Allowed around the number: spaces, one currency symbol (before or after), a leading
    /// sign (`-`, `+` or the Unicode minus `−`) and a trailing `%`. The number itself is
    /// strict, so nothing is read as a different magnitude than its writer meant: the decimal
    /// separator at most once, and a thousands separator (or a space) only between groups of
    /// exactly three digits before it. In English `1,500` and `1,500.5` read; `1,5`, `1,50` and
    /// `1.500.000` do not, and the refusal suggests the other convention's reading ("Did you
    /// mean 1.5?"). `max_decimals` refuses more decimals than the unit has: money has two, so
    /// `18.000` is not taken for €18.
    pub fn read(self, text: &str, max_decimals: Option<usize>) -> Result<f64, Misread> {
        let value = self.read_strict(text);
        let other = self
            .swapped()
            .read_strict(text)
            .filter(|other| Some(*other) != value);
        match value {
            Some(value) if self.is_ambiguous(text) && other.is_some() => Err(Misread {
                suggestion: other,
                as_typed: Some(value),
            }),
            Some(value) if max_decimals.is_none_or(|max| self.decimals_in(text) <= max) => {
                Ok(value)
            }
            _ => Err(Misread::suggesting(other)),
        }
    }

    /// One to three digits, the decimal separator and exactly three digits (`18.000` in
    /// English, `1,500` in Dutch): as likely a thousands separator of the other convention as
    /// a decimal one, so neither reading is taken without asking.
    fn is_ambiguous(self, text: &str) -> bool {
        let digits = |part: &str| part.chars().filter(char::is_ascii_digit).count();
        match text.split_once(self.decimal) {
            Some((whole, fraction)) => {
                !whole.contains(self.thousands)
                    && (1..=3).contains(&digits(whole))
                    && digits(fraction) == 3
            }
            None => false,
        }
    }

    /// `value` written so that [`Self::read`] takes it as it is: a trailing zero where three
    /// decimals would be ambiguous (4.125 → "4.1250").
    pub fn unambiguous(self, value: f64) -> String {
        let text = self.decimal(value, 6);
        if self.is_ambiguous(&text) {
            format!("{text}0")
        } else {
            text
        }
    }

    /// The other convention: English ↔ Dutch separators.
    fn swapped(self) -> Self {
        Self {
            thousands: self.decimal,
            decimal: self.thousands,
            ..self
        }
    }

    /// How many digits follow the decimal separator.
    fn decimals_in(self, text: &str) -> usize {
        text.split_once(self.decimal).map_or(0, |(_, fraction)| {
            fraction.chars().filter(char::is_ascii_digit).count()
        })
    }

    /// The grammar of [`Self::read`]; `None` for anything else.
    fn read_strict(self, text: &str) -> Option<f64> {
        let is_space = |c: char| c.is_whitespace() || c == '\u{202f}';
        let is_symbol = |c: char| matches!(c, '€' | '$' | '£' | '¥');
        let mut body = text.trim_matches(is_space);
        let mut negative = false;
        let (mut sign_seen, mut symbol_seen) = (false, false);
        // Peel sign, symbol and spaces off the front: "−€ 1.200", "€−2,500", "- 5".
        while let Some(c) = body.chars().next() {
            match c {
                '-' | '−' | '+' if !sign_seen => {
                    sign_seen = true;
                    negative = c != '+';
                }
                c if is_symbol(c) && !symbol_seen => symbol_seen = true,
                c if is_space(c) => {}
                _ => break,
            }
            body = &body[c.len_utf8()..];
        }
        // And a percent sign or symbol off the back: "4.5 %", "18.000 €".
        let mut percent_seen = false;
        while let Some(c) = body.chars().next_back() {
            match c {
                '%' if !percent_seen => percent_seen = true,
                c if is_symbol(c) && !symbol_seen => symbol_seen = true,
                c if is_space(c) => {}
                _ => break,
            }
            body = &body[..body.len() - c.len_utf8()];
        }
        let (whole, fraction) = match body.split_once(self.decimal) {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (body, None),
        };
        let fraction = fraction.unwrap_or("");
        if !fraction.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let whole = self.ungroup(whole)?;
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let plain = format!("{}{whole}.{fraction}", if negative { "-" } else { "" });
        let plain = plain.trim_end_matches('.');
        let value: f64 = plain.parse().ok()?;
        value.is_finite().then_some(value)
    }

    /// The digits of a whole part written with or without grouping: `1,500,000` (English),
    /// `1.500.000` (Dutch) or `1 500 000`. One kind of separator, groups of exactly three after
    /// a first group of one to three digits.
    fn ungroup(self, whole: &str) -> Option<String> {
        let separator = whole
            .chars()
            .find(|c| *c == self.thousands || c.is_whitespace() || *c == '\u{202f}');
        let Some(separator) = separator else {
            return whole
                .chars()
                .all(|c| c.is_ascii_digit())
                .then(|| whole.to_owned());
        };
        let mut groups = whole.split(separator);
        let first = groups.next()?;
        let first_ok = (1..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
        let mut digits = first.to_owned();
        for group in groups {
            if group.len() != 3 || !group.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            digits.push_str(group);
        }
        first_ok.then_some(digits)
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
        self.percent_to(percent, 2)
    }

    /// A percentage with at most `decimals` decimals.
    pub fn percent_to(self, percent: f64, decimals: usize) -> String {
        if !percent.is_finite() {
            return NO_NUMBER.to_owned();
        }
        format!("{}%", self.decimal(percent, decimals))
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
        let decimals = if value.abs() >= 100.0 { 0 } else { 2 };
        self.money_to(value, decimals, currency)
    }

    /// Money with at most `decimals` decimals: €29,111.11.
    pub fn money_to(self, value: f64, decimals: usize, currency: &str) -> String {
        if !value.is_finite() {
            return NO_NUMBER.to_owned();
        }
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

    const NL: NumberStyle = NumberStyle::DUTCH;

    fn read(style: NumberStyle, text: &str) -> Result<f64, Misread> {
        style.read(text, None)
    }

    fn suggests(style: NumberStyle, text: &str, meant: f64) {
        assert_eq!(
            read(style, text),
            Err(Misread::suggesting(Some(meant))),
            "{text}"
        );
    }

    fn ambiguous(style: NumberStyle, text: &str, meant: f64, as_typed: f64) {
        assert_eq!(
            read(style, text),
            Err(Misread {
                suggestion: Some(meant),
                as_typed: Some(as_typed)
            }),
            "{text}"
        );
    }

    #[test]
    fn reads_what_english_users_type() {
        assert_eq!(read(EN, "1,200,000"), Ok(1_200_000.0));
        assert_eq!(read(EN, "1,500"), Ok(1_500.0));
        assert_eq!(read(EN, "1,500.5"), Ok(1_500.5));
        assert_eq!(read(EN, " €25,000.50 "), Ok(25_000.5));
        assert_eq!(read(EN, "5%"), Ok(5.0));
        assert_eq!(read(EN, "4.5 %"), Ok(4.5));
        assert_eq!(read(EN, "−5"), Ok(-5.0));
        assert_eq!(read(EN, "€−2,500"), Ok(-2_500.0));
        assert_eq!(read(EN, ".5"), Ok(0.5));
        assert_eq!(read(EN, "5."), Ok(5.0));
        assert_eq!(read(EN, "1 500 000"), Ok(1_500_000.0));
        for text in [
            "abc", "", "-", "inf", "NaN", "1e400", "1e6", "5%%", "1,2,3", "€€5",
        ] {
            assert_eq!(read(EN, text).ok(), None, "{text}");
        }
    }

    #[test]
    fn refuses_misplaced_separators_and_suggests_the_other_reading() {
        suggests(EN, "1,5", 1.5);
        suggests(EN, "1,50", 1.5);
        suggests(EN, "1.500.000", 1_500_000.0);
        suggests(EN, "3.000.000", 3_000_000.0);
        suggests(EN, "1,5000", 1.5);
        assert_eq!(read(EN, "12,34,567"), Err(Misread::suggesting(None)));
        ambiguous(EN, "18.000", 18_000.0, 18.0);
        ambiguous(EN, "4.125", 4_125.0, 4.125);
        assert_eq!(read(EN, "4.1250"), Ok(4.125));
        assert_eq!(read(EN, "1,234.567"), Ok(1_234.567));
        assert_eq!(EN.unambiguous(4.125), "4.1250");
        assert_eq!(EN.unambiguous(18.0), "18");
    }

    #[test]
    fn money_takes_at_most_two_decimals() {
        assert_eq!(EN.read("18.5", Some(2)), Ok(18.5));
        assert_eq!(EN.read("18.0000", Some(2)), Err(Misread::suggesting(None)));
        assert_eq!(EN.read("18.0000", None), Ok(18.0));
    }

    #[test]
    fn reads_what_dutch_users_type() {
        assert_eq!(read(NL, "1,5"), Ok(1.5));
        assert_eq!(read(NL, "1.500"), Ok(1_500.0));
        assert_eq!(read(NL, "3.000.000"), Ok(3_000_000.0));
        assert_eq!(read(NL, "€ 18.000"), Ok(18_000.0));
        assert_eq!(read(NL, "1.200.000,5"), Ok(1_200_000.5));
        assert_eq!(read(NL, "4,5%"), Ok(4.5));
        suggests(NL, "1.5", 1.5);
        ambiguous(NL, "1,500", 1_500.0, 1.5);
        assert_eq!(read(NL, "1,5000"), Ok(1.5));
    }

    #[test]
    fn every_format_in_both_languages() {
        // Money: the currency's symbol and its place, whole units from 100 up, cents below.
        assert_eq!(NL.money(1_234_567.89, "EUR"), "€ 1.234.568");
        assert_eq!(NL.money_to(1_234_567.89, 2, "EUR"), "€ 1.234.567,89");
        assert_eq!(EN.money_to(1_234_567.89, 2, "EUR"), "€1,234,567.89");
        assert_eq!(NL.money(45.5, "EUR"), "€ 45,5");
        assert_eq!(NL.money(-2_500.0, "USD"), "$ −2.500");
        assert_eq!(NL.money(1_234.0, "PLN"), "PLN 1.234");
        assert_eq!(EN.money(1_234.0, "SEK"), "SEK 1,234");
        assert_eq!(EN.money(1_234.0, "GBP"), "£1,234");
        assert_eq!(NL.money(2e20, "EUR"), "€ 2×10^20");
        // Percentages and shares.
        assert_eq!(NL.percent(4.5), "4,5%");
        assert_eq!(EN.percent(4.5), "4.5%");
        assert_eq!(NL.share(0.79391), "79,4%");
        // Counts of people round up, in groups of the language.
        assert_eq!(NL.count_up(1_234.2), "1.235");
        assert_eq!(EN.count_up(1_234.2), "1,235");
        assert_eq!(NL.count_up(-3.0), "0");
        // Negative numbers with the Unicode minus; decimals with the language's separator.
        assert_eq!(NL.decimal(-12.0, 0), "−12");
        assert_eq!(NL.decimal(-1_234.56, 2), "−1.234,56");
        assert_eq!(NL.fixed(5.0, 1), "5,0");
        assert_eq!(NL.decimal(f64::NAN, 1), NO_NUMBER);
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
        assert_eq!(EN.decimal(1e308, 0), "1×10^308");
        assert_eq!(EN.money(-2.5e20, "EUR"), "€−2.5×10^20");
        assert_eq!(EN.decimal(999_999_999_999_999.0, 0), "999,999,999,999,999");
        assert_eq!(EN.fixed(5.0, 1), "5.0");
        assert_eq!(EN.fixed(4.56, 1), "4.6");
        assert_eq!(EN.fixed(1234.5, 2), "1,234.50");
    }
}
