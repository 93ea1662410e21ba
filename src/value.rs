//! How figcheck writes a value for an editor: `85,000`, `1.9`, `6.3 million`,
//! `1.6%`, `$6 million` in English, `85.000`, `1,9`, `6,3 millones`, `1,6 %`
//! in Spanish; and the units values come in. The ground floor of every
//! message: the rules, the checks, the fixes and the formulas all write
//! values this way, and it depends on nothing of figcheck's but the list of
//! languages.

use serde::{Deserialize, Serialize};

use crate::lang::{Decimal, Lang};

/// What a figure measures; decides which numbers in prose can be about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Count,
    Percent,
    Rate,
    Money,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Rate => "rate",
            Unit::Money => "money",
        }
    }
}

/// A value as an editor would write it in English: `85,000`, `1.9`,
/// `6.3 million`, `1.6%`, `$6 million`.
pub fn format_value(value: f64, unit: Unit) -> String {
    format_value_in(value, unit, Lang::En, Decimal::Point)
}

/// A value as an editor writing in `lang` with `decimal` marks would write
/// it. Spanish counts billions in thousands of millions and spaces the
/// percent sign, as its style books ask; where it marks decimals with a
/// comma (Spain, most of South America) it groups thousands with full
/// stops: `85.000`, `1,9`, `6,3 millones`, `1.500 millones`, `1,6 %`; where
/// with a point (Mexico, Central America), as English does: `85,000`, `1.9`.
/// English always writes a decimal point.
pub fn format_value_in(value: f64, unit: Unit, lang: Lang, decimal: Decimal) -> String {
    let marks = |text: String| match decimal {
        Decimal::Comma => swap_marks(&text),
        Decimal::Point => text,
    };
    let round = value.abs() >= 1e6 && (value / 1e5).fract() == 0.0;
    let body = match lang {
        Lang::En if round => {
            let (scaled, word) = if value.abs() >= 1e9 && (value / 1e8).fract() == 0.0 {
                (value / 1e9, "billion")
            } else {
                (value / 1e6, "million")
            };
            format!("{} {word}", trim_float(scaled))
        }
        Lang::En => group_thousands(value),
        Lang::Es if round => {
            let scaled = value / 1e6;
            let word = if scaled == 1.0 { "millón" } else { "millones" };
            format!("{} {word}", marks(group_thousands(scaled)))
        }
        Lang::Es => marks(group_thousands(value)),
    };
    match (unit, lang) {
        (Unit::Percent, Lang::En) => format!("{body}%"),
        (Unit::Percent, Lang::Es) => format!("{body} %"),
        (Unit::Money, _) => format!("${body}"),
        (Unit::Count | Unit::Rate, _) => body,
    }
}

/// `text` with its full stops and commas exchanged.
pub fn swap_marks(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ',' => '.',
            '.' => ',',
            c => c,
        })
        .collect()
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// ASCII digits in groups of three from the right, joined by `separator`.
pub fn group_digits(digits: &str, separator: char) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    grouped
}

pub fn group_thousands(value: f64) -> String {
    let text = trim_float(value);
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let grouped = group_digits(digits, ',');
    match frac {
        Some(frac) => format!("{sign}{grouped}.{frac}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_editors_write_them() {
        assert_eq!(format_value(85_000.0, Unit::Count), "85,000");
        assert_eq!(format_value(1.9, Unit::Rate), "1.9");
        assert_eq!(format_value(6_300_000.0, Unit::Count), "6.3 million");
        assert_eq!(format_value(6_000_000.0, Unit::Money), "$6 million");
        assert_eq!(format_value(27.5, Unit::Percent), "27.5%");
        assert_eq!(format_value(1_234_567.0, Unit::Count), "1,234,567");
    }

    #[test]
    fn spanish_values_are_written_as_spanish_style_books_ask() {
        let es = |v, unit| format_value_in(v, unit, Lang::Es, Decimal::Comma);
        assert_eq!(es(85_000.0, Unit::Count), "85.000");
        assert_eq!(es(1.9, Unit::Rate), "1,9");
        assert_eq!(es(6_300_000.0, Unit::Count), "6,3 millones");
        assert_eq!(es(1_000_000.0, Unit::Count), "1 millón");
        assert_eq!(es(1_500_000_000.0, Unit::Count), "1.500 millones");
        assert_eq!(es(6_000_000.0, Unit::Money), "$6 millones");
        assert_eq!(es(27.5, Unit::Percent), "27,5 %");
        assert_eq!(es(1_234_567.0, Unit::Count), "1.234.567");
        assert_eq!(es(-1_234.5, Unit::Count), "-1.234,5");
        // Where Spanish marks decimals with a point, thousands take commas.
        let point = |v, unit| format_value_in(v, unit, Lang::Es, Decimal::Point);
        assert_eq!(point(85_000.0, Unit::Count), "85,000");
        assert_eq!(point(1.9, Unit::Rate), "1.9");
        assert_eq!(point(6_300_000.0, Unit::Count), "6.3 millones");
        // English has one style, whatever it is asked.
        let en = format_value_in(1_234.5, Unit::Count, Lang::En, Decimal::Comma);
        assert_eq!(en, "1,234.5");
    }
}
