//! Spanish numbers read as a whole phrase: a length of time (`30 días`,
//! `tres años`), a measure (`74 kilómetros`), a factor (`tres veces más`,
//! `se duplicó`), a fraction (`dos tercios`, `la mitad`, `uno de cada cinco`),
//! an indefinite count (`un centenar`, `medio millón`) and a phone number
//! (`2250-1234`). As in English, no numeral inside one is read again.

use std::sync::LazyLock;

use regex::Regex;

use super::phrases::{identifier, number_before_in, phrase, without_overlaps, PHONE};
use super::{Kind, Number};
use crate::lang::Lang;

/// A unit of time. Boundaries are checked in code, so that accented words
/// keep the fast regex engine.
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:segundos?|minutos?|horas?|d[ií]as?|noches?|semanas?|quincenas?|meses|mes|a[ñn]os?|d[ée]cadas?|siglos?)")
        .expect("duration pattern")
});

/// A distance, weight or temperature written with its unit.
static MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:kil[óo]metros?|km|metros?|millas?|kilogramos?|kilos?|kg|toneladas?|grados?|hect[áa]reas?|manzanas?)")
        .expect("measure pattern")
});

/// `veces` and the word after it; the number before makes a factor when the
/// word compares (`tres veces más`), not when it counts (`34 veces`).
static TIMES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)veces[\s\u{a0}]+(\p{L}+)").expect("times pattern"));

/// Words after `N veces` that make it a factor.
const COMPARING: &[&str] = &[
    "más", "mas", "menos", "mayor", "mayores", "menor", "menores", "superior", "inferior", "el",
    "la", "lo", "los", "las", "que", "su", "sus",
];

static FACTOR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(duplic|triplic|cuadruplic)\p{L}*|el[\s\u{a0}]+(doble|triple))")
        .expect("factor pattern")
});

static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)[\s\u{a0}]+(tercios?|cuartos?|quintos?|sextos?|s[ée]ptimos?|octavos?|novenos?|d[ée]cimos?)|la[\s\u{a0}]+(mitad))")
        .expect("fraction pattern")
});

/// `de cada cinco` of `uno de cada cinco`; the part before it is read in code.
static ONE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)de[\s\u{a0}]+cada[\s\u{a0}]+(dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte|cincuenta|cien|mil|\d{1,3})(?-u:\b)")
        .expect("one-in pattern")
});

static INDEFINITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:una?[\s\u{a0}]+(docena|centenar|millar)|medio[\s\u{a0}]+(mill)(?:ón|on))",
    )
    .expect("indefinite pattern")
});

/// Two groups of four digits joined by a hyphen: a Central American phone
/// number (`2250-1234`), unless both are years.
static PHONE_FOUR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\(\d{3}\)[\s\u{a0}]?|\+\d{3}[\s\u{a0}]?)?(?-u:\b)(\d{4})-(\d{4})(?-u:\b)")
        .expect("phone pattern")
});

/// Whether a word ends at `end`: no letter follows.
fn ends_word(text: &str, end: usize) -> bool {
    !text[end..].starts_with(char::is_alphanumeric)
}

fn small_word(word: &str) -> Option<f64> {
    let lower = word.to_lowercase();
    match lower.as_str() {
        "un" | "una" | "uno" => Some(1.0),
        "cien" => Some(100.0),
        "mil" => Some(1000.0),
        _ => super::words::parse_in(&lower, Lang::Es)
            .map(|(v, _)| v)
            .or_else(|| lower.parse().ok()),
    }
}

fn denominator(word: &str) -> f64 {
    let lower = word.to_lowercase();
    match lower.trim_end_matches('s') {
        "tercio" => 3.0,
        "cuarto" => 4.0,
        "quinto" => 5.0,
        "sexto" => 6.0,
        "séptimo" | "septimo" => 7.0,
        "octavo" => 8.0,
        "noveno" => 9.0,
        _ => 10.0,
    }
}

fn is_year(digits: &str) -> bool {
    digits
        .parse::<u32>()
        .is_ok_and(|y| (1700..=2100).contains(&y))
}

/// Every phrase in a Spanish `text` read as one number, in order, without overlaps.
pub fn find(text: &str) -> Vec<Number> {
    let mut found: Vec<Number> = Vec::new();
    let whole = |m: &regex::Captures| m.get(0).expect("group 0").range();
    if text.contains('-') {
        for c in PHONE.captures_iter(text) {
            found.push(identifier(text, whole(&c)));
        }
        for c in PHONE_FOUR.captures_iter(text) {
            if !(is_year(&c[1]) && is_year(&c[2])) {
                found.push(identifier(text, whole(&c)));
            }
        }
    }
    for m in MEASURE.find_iter(text) {
        if !ends_word(text, m.end()) {
            continue;
        }
        // Only a numeral in digits: "unos pocos metros" is left alone.
        let Some((start, value)) = number_before_in(text, m.start(), Lang::Es) else {
            continue;
        };
        if text[start..].starts_with(|c: char| c.is_ascii_digit()) {
            found.push(phrase(start, m.end(), Kind::Measure, value, value));
        }
    }
    for m in DURATION.find_iter(text) {
        if !ends_word(text, m.end()) {
            continue;
        }
        let Some((start, value)) = number_before_in(text, m.start(), Lang::Es) else {
            continue;
        };
        found.push(phrase(start, m.end(), Kind::Duration, value, value));
    }
    for c in TIMES.captures_iter(text) {
        let next = c[1].to_lowercase();
        let times = whole(&c).start;
        if !COMPARING.contains(&next.as_str()) {
            continue;
        }
        let Some((start, value)) = number_before_in(text, times, Lang::Es) else {
            continue;
        };
        found.push(phrase(
            start,
            times + "veces".len(),
            Kind::Multiplier,
            value,
            value,
        ));
    }
    for c in FACTOR_WORD.captures_iter(text) {
        let r = whole(&c);
        if !ends_word(text, r.end) {
            continue;
        }
        let word = c
            .get(1)
            .or(c.get(2))
            .map_or("", |m| m.as_str())
            .to_lowercase();
        let value = match word.as_str() {
            "duplic" | "doble" => 2.0,
            "cuadruplic" => 4.0,
            _ => 3.0,
        };
        found.push(phrase(r.start, r.end, Kind::Multiplier, value, value));
    }
    for c in FRACTION.captures_iter(text) {
        let r = whole(&c);
        if !ends_word(text, r.end) {
            continue;
        }
        let value = match (c.get(1), c.get(2)) {
            (Some(count), Some(part)) => {
                small_word(count.as_str()).unwrap_or(1.0) / denominator(part.as_str())
            }
            _ => 0.5,
        };
        found.push(phrase(r.start, r.end, Kind::Fraction, value, value));
    }
    for c in ONE_IN.captures_iter(text) {
        let r = whole(&c);
        let (Some((start, part)), Some(whole_of)) =
            (number_before_in(text, r.start, Lang::Es), small_word(&c[1]))
        else {
            continue;
        };
        // `uno de cada cinco`, `2 de cada 10`: a small part of a small whole.
        let short = text[start..r.start].trim_end().len() <= 6;
        if short && part >= 1.0 && part < whole_of {
            let share = part / whole_of;
            found.push(phrase(start, r.end, Kind::Fraction, share, share));
        }
    }
    for c in INDEFINITE.captures_iter(text) {
        let r = whole(&c);
        if !ends_word(text, r.end) {
            continue;
        }
        let value = match c.get(1).map(|m| m.as_str().to_lowercase()).as_deref() {
            Some("docena") => 12.0,
            Some("centenar") => 100.0,
            Some("millar") => 1000.0,
            _ => 5e5,
        };
        let mut n = phrase(r.start, r.end, Kind::Count, value, value);
        // `un centenar` is a round figure: it stands for 95 to 105.
        n.precision = value / 10.0;
        n.scaled = value >= 1e3;
        found.push(n);
    }
    without_overlaps(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind, f64)> {
        find(text)
            .into_iter()
            .map(|n| (text[n.span.clone()].to_string(), n.kind, n.low))
            .collect()
    }

    #[test]
    fn durations_in_digits_and_words() {
        assert_eq!(
            kinds("una prórroga de 30 días y tres años después, 12 meses"),
            vec![
                ("30 días".into(), Kind::Duration, 30.0),
                ("tres años".into(), Kind::Duration, 3.0),
                ("12 meses".into(), Kind::Duration, 12.0),
            ]
        );
        // A word that only starts like a unit is no unit.
        assert!(kinds("30 mesas").is_empty());
    }

    #[test]
    fn factors_fractions_and_indefinite_counts() {
        assert_eq!(
            kinds("tres veces más que antes")[0],
            ("tres veces".into(), Kind::Multiplier, 3.0)
        );
        // `34 veces` counts occurrences: no factor.
        assert!(kinds("se prorrogó 34 veces en total").is_empty());
        assert_eq!(kinds("la población se duplicó")[0].1, Kind::Multiplier);
        assert_eq!(kinds("dos tercios de los presos")[0].2, 2.0 / 3.0);
        assert_eq!(kinds("uno de cada cinco presos")[0].2, 0.2);
        assert_eq!(kinds("medio millón de personas")[0].2, 5e5);
        assert_eq!(kinds("un centenar de casos")[0].2, 100.0);
    }

    #[test]
    fn phone_numbers_but_not_year_ranges() {
        assert_eq!(kinds("llame al 2250-7890")[0].1, Kind::Identifier);
        assert_eq!(kinds("(503) 2250-7890")[0].1, Kind::Identifier);
        assert!(kinds("entre 2019-2022").is_empty());
    }
}
