//! Numbers that are read as a whole phrase, before single numerals are: a
//! length of time (`30 minutes`, `six months`), a factor (`twice`, `eight
//! times more`), a fraction (`two-thirds`, `one in five`), an indefinite count
//! (`a dozen`, `half a million`), an age, a phone number and a vote tally. The
//! numerals inside them are never read again as counts.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{group_precision, parse_numeral, words, Kind, Number};

/// A numeral in digits, as the phrases below embed it.
const DIGITS: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

fn number_pattern() -> String {
    format!("(?:{DIGITS}|{})", words::chain_pattern())
}

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({})[\s\u{{a0}}]+(?:more[\s\u{{a0}}]+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century)(?-u:\b)",
        number_pattern()
    ))
    .expect("duration pattern")
});

/// An age: `aged 65`, `over the age of 65`, `ages 5 to 17`.
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:aged?|ages)[\s\u{a0}]+(?:of[\s\u{a0}]+)?(\d{1,3})(?:[\s\u{a0}]*(?:to|-|–|and)[\s\u{a0}]*(\d{1,3}))?(?-u:\b)")
        .expect("age pattern")
});

/// A distance, weight, speed or temperature written with its unit: `74 kilometres`.
static MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({DIGITS})[\s\u{{a0}}]+(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|feet|foot|inch(?:es)?|yards?|kilo(?:gram)?s?|kg|tonnes?|tons?|mph|kph|km/h|degrees?)(?-u:\b)"
    ))
    .expect("measure pattern")
});

static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    let n = number_pattern();
    Regex::new(&format!(
        r"(?i)(?-u:\b)({n})(?:[\s\u{{a0}}]*(?:to|or|-|–)[\s\u{{a0}}]*({n}))?[\s\u{{a0}}]+times[\s\u{{a0}}]+([a-z]+)(?:[\s\u{{a0}}]+(than))?"
    ))
    .expect("times pattern")
});

static FACTOR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:twice|thrice|doubled|doubling|tripled|tripling|trebled|quadrupled|halved|halving|(two|three|four|five|six|seven|eight|nine|ten|\d+)-?fold)(?-u:\b)",
    )
    .expect("factor pattern")
});

static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(one|two|three|four|five|six|seven|eight|nine|a)[-\s\u{a0}](half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)|(half)(?:[\s\u{a0}]+(?:a|an)[\s\u{a0}]+(dozen|hundred|thousand|million|billion))?)(?-u:\b)",
    )
    .expect("fraction pattern")
});

static ONE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(one|two|three|four|five|six|seven|eight|nine|\d{1,2})[\s\u{a0}]+in[\s\u{a0}]+(two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a[\s\u{a0}]+hundred|a[\s\u{a0}]+thousand|\d{1,3})(?-u:\b)",
    )
    .expect("one-in pattern")
});

static INDEFINITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)an?[\s\u{a0}]+(dozen|hundred|thousand|million|billion)(?-u:\b)")
        .expect("indefinite pattern")
});

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?-u:\b)1[-.\s])?(?:\(\d{3}\)[\s\u{a0}]?|(?-u:\b)\d{3}[-.])\d{3}[-.]\d{4}(?-u:\b)|(?-u:\b)\d{3}-\d{4}(?-u:\b)",
    )
    .expect("phone pattern")
});

static TALLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:vote|votes|voted|tally|margin|score|scored|won|lost|beat|defeated|passed|approved|rejected|ruled|split)(?:[\s\u{a0}]+(?:a|an|the|of|in|was|were|is|by|final|with|margin|vote|votes|tally|its|their|narrow|unanimous|to))*[\s\u{a0}]+(\d{1,3}[\s\u{a0}]*(?:-|–|to)[\s\u{a0}]*\d{1,3})(?-u:\b)",
    )
    .expect("tally pattern")
});

/// Words after `N times` that make it a factor (`three times more`, `70 times
/// the official count`) rather than a number of occurrences (`renewed 34 times`).
const COMPARING: &[&str] = &[
    "more", "less", "fewer", "higher", "lower", "greater", "larger", "smaller", "bigger", "as",
    "the", "that", "what", "over", "above", "below", "its", "their", "his", "her", "a", "an",
    "faster", "slower", "likelier", "likely", "worse", "better", "deadlier", "costlier",
];

fn value_of(number: &str) -> Option<f64> {
    if number.starts_with(|c: char| c.is_ascii_digit()) {
        parse_numeral(number)
    } else {
        words::parse(number).map(|(v, _)| v)
    }
}

fn small_word(word: &str) -> Option<f64> {
    const SMALL: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let lower = word.to_ascii_lowercase();
    if let Some(i) = SMALL.iter().position(|w| *w == lower) {
        return Some(i as f64 + 1.0);
    }
    match lower.as_str() {
        "a" => Some(1.0),
        "twenty" => Some(20.0),
        "fifty" => Some(50.0),
        _ if lower.starts_with("a") && lower.ends_with("hundred") => Some(100.0),
        _ if lower.starts_with("a") && lower.ends_with("thousand") => Some(1000.0),
        _ => lower.parse().ok(),
    }
}

fn denominator(word: &str) -> f64 {
    let lower = word.to_ascii_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    match singular {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        _ => 10.0,
    }
}

fn scale(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "dozen" => 12.0,
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        _ => 1e9,
    }
}

fn phrase(start: usize, end: usize, kind: Kind, low: f64, high: f64) -> Number {
    Number {
        span: start..end,
        low,
        high,
        is_range: high != low,
        kind,
        qualifier: None,
        qualifier_start: start,
        precision: 0.0,
        scaled: false,
        small_word: false,
    }
}

/// Every phrase in `text` read as one number, in order, without overlaps.
pub fn find(text: &str) -> Vec<Number> {
    let mut found: Vec<Number> = Vec::new();
    let whole = |c: &Captures| c.get(0).expect("group 0").range();
    // An identifier's value is its first numeral, as `figcheck numbers` shows it.
    let first_numeral = |s: &str| {
        let digits: String = s
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().unwrap_or(0.0)
    };
    for c in PHONE.captures_iter(text) {
        let r = whole(&c);
        let value = first_numeral(&text[r.clone()]);
        found.push(phrase(r.start, r.end, Kind::Identifier, value, value));
    }
    for c in TALLY.captures_iter(text) {
        let r = c.get(1).expect("tally").range();
        let value = first_numeral(&text[r.clone()]);
        found.push(phrase(r.start, r.end, Kind::Identifier, value, value));
    }
    for c in AGE.captures_iter(text) {
        let low = value_of(&c[1]).unwrap_or(0.0);
        let high = c.get(2).and_then(|m| value_of(m.as_str())).unwrap_or(low);
        let start = c.get(1).expect("age").start();
        found.push(phrase(start, whole(&c).end, Kind::Measure, low, high));
    }
    for c in MEASURE.captures_iter(text) {
        let value = value_of(&c[1]).unwrap_or(0.0);
        let r = whole(&c);
        found.push(phrase(r.start, r.end, Kind::Measure, value, value));
    }
    for c in DURATION.captures_iter(text) {
        let value = value_of(&c[1]).unwrap_or(0.0);
        let r = whole(&c);
        found.push(phrase(r.start, r.end, Kind::Duration, value, value));
    }
    for c in TIMES.captures_iter(text) {
        let next = c[3].to_ascii_lowercase();
        let comparing =
            COMPARING.contains(&next.as_str()) || (next.ends_with("er") && c.get(4).is_some());
        if !comparing {
            continue;
        }
        let low = value_of(&c[1]).unwrap_or(0.0);
        let high = c.get(2).and_then(|m| value_of(m.as_str())).unwrap_or(low);
        // The span ends at `times`: the word after it is not part of the number.
        let end = c.get(3).expect("next word").start();
        let end = text[..end].trim_end().len();
        found.push(phrase(whole(&c).start, end, Kind::Multiplier, low, high));
    }
    for c in FACTOR_WORD.captures_iter(text) {
        let word = c[0].to_ascii_lowercase();
        let value = if let Some(n) = c.get(1) {
            small_word(n.as_str()).unwrap_or(0.0)
        } else if word.starts_with("twice") || word.starts_with("doubl") {
            2.0
        } else if word.starts_with("half") {
            0.5
        } else if word.starts_with("quadr") {
            4.0
        } else {
            3.0
        };
        let r = whole(&c);
        found.push(phrase(r.start, r.end, Kind::Multiplier, value, value));
    }
    for c in FRACTION.captures_iter(text) {
        let r = whole(&c);
        if let Some(scale_word) = c.get(4) {
            // `half a million` is a count.
            let value = 0.5 * scale(scale_word.as_str());
            let mut n = phrase(r.start, r.end, Kind::Count, value, value);
            n.precision = value / 10.0;
            n.scaled = true;
            found.push(n);
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
        let (Some(part), Some(whole_of)) = (small_word(&c[1]), small_word(&c[2])) else {
            continue;
        };
        if part < whole_of {
            let r = whole(&c);
            found.push(phrase(
                r.start,
                r.end,
                Kind::Fraction,
                part / whole_of,
                part / whole_of,
            ));
        }
    }
    for c in INDEFINITE.captures_iter(text) {
        let value = scale(&c[1]);
        let r = whole(&c);
        let mut n = phrase(r.start, r.end, Kind::Count, value, value);
        // `a hundred` is a round figure: it stands for 95 to 105.
        n.precision = value / 10.0;
        n.scaled = value >= 1e3;
        if group_precision(value) > n.precision {
            n.precision = group_precision(value);
        }
        found.push(n);
    }
    // The first phrase at a place wins, then the longest; the rest are dropped.
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut kept: Vec<Number> = Vec::with_capacity(found.len());
    for n in found {
        if kept.last().is_none_or(|k| k.span.end <= n.span.start) {
            kept.push(n);
        }
    }
    kept
}
