//! How figcheck writes a value for an editor: `85,000`, `1.9`, `6.3 million`,
//! `1.6%`, `$6 million`; and the units values come in. The ground floor of
//! every message: the rules, the checks, the fixes and the formulas all
//! write values this way, and it depends on nothing of figcheck's.

use serde::{Deserialize, Serialize};

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

/// A value as an editor would write it: `85,000`, `1.9`, `6.3 million`, `1.6%`, `$6 million`.
pub fn format_value(value: f64, unit: Unit) -> String {
    let body = if value.abs() >= 1e6 && (value / 1e5).fract() == 0.0 {
        let (scaled, word) = if value.abs() >= 1e9 && (value / 1e8).fract() == 0.0 {
            (value / 1e9, "billion")
        } else {
            (value / 1e6, "million")
        };
        format!("{} {word}", trim_float(scaled))
    } else {
        group_thousands(value)
    };
    match unit {
        Unit::Percent => format!("{body}%"),
        Unit::Money => format!("${body}"),
        Unit::Count | Unit::Rate => body,
    }
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
}
