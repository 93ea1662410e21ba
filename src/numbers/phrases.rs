//! Numbers that are read as a whole phrase, before single numerals are: a
//! length of time (`30 minutes`, `six months`), a factor (`twice`, `eight
//! times more`), a fraction (`two-thirds`, `one in five`), an indefinite count
//! (`a dozen`, `half a million`), an age, a phone number and a vote tally. The
//! numerals inside them are never read again as counts. Spanish drafts have
//! phrases of their own (`30 días`, `tres veces más`, `uno de cada cinco`),
//! read in `spanish_phrases.rs` with the helpers here.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::{Captures, Regex};

use super::{grammar, group_precision, parse_numeral, words, Kind, Number};
use crate::lang::Lang;

/// A numeral in digits, as the phrases below embed it.
const DIGITS: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
/// A numeral in digits as Spanish drafts write it: `85.000`, `1,9`, `85,000`.
const DIGITS_ES: &str = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?";

/// A numeral in digits at the end of a stretch of text.
static NUMERAL_AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?:{DIGITS})$")).expect("numeral pattern"));
static NUMERAL_AT_END_ES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?:{DIGITS_ES})$")).expect("numeral pattern"));

/// Every phrase in `text`, written in `lang`, read as one number.
pub fn find(text: &str, lang: Lang) -> Vec<Number> {
    match lang {
        Lang::En => find_english(text),
        Lang::Es => super::spanish_phrases::find(text),
    }
}

/// The number that ends right before byte `at`, across white space: a numeral,
/// or a number in words ("six", "forty-eight"). Its start and value.
fn number_before(text: &str, at: usize) -> Option<(usize, f64)> {
    number_before_in(text, at, Lang::En)
}

/// [`number_before`] in a draft written in `lang`.
pub(super) fn number_before_in(text: &str, at: usize, lang: Lang) -> Option<(usize, f64)> {
    let (numeral_at_end, letter): (&Regex, fn(&char) -> bool) = match lang {
        Lang::En => (&NUMERAL_AT_END, char::is_ascii_alphabetic),
        Lang::Es => (&NUMERAL_AT_END_ES, |c| c.is_alphabetic()),
    };
    let before = &text[..at];
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == before.len() {
        return None;
    }
    let tail = super::tail_of(trimmed, 40);
    let offset = trimmed.len() - tail.len();
    if let Some(m) = numeral_at_end.find(tail) {
        let start = offset + m.start();
        // Not the end of a longer token: `MS-13 years`, `v2 days`.
        let glued = trimmed[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ',' | '/' | ':'));
        return if glued {
            None
        } else {
            grammar::of(lang).read(m.as_str()).map(|v| (start, v))
        };
    }
    // The last words (letters and hyphens, up to six), longest number first.
    let tail = super::tail_of(trimmed, 80);
    let offset = trimmed.len() - tail.len();
    let mut starts: Vec<usize> = Vec::new();
    let mut whole_tail = true;
    for (i, c) in tail.char_indices().rev() {
        if letter(&c) {
            continue;
        }
        starts.push(i + c.len_utf8());
        if !matches!(c, '-' | ' ' | '\t' | '\u{a0}') || starts.len() > 6 {
            whole_tail = false;
            break;
        }
    }
    if whole_tail {
        starts.push(0);
    }
    starts
        .into_iter()
        .rev()
        .filter(|&i| tail[i..].starts_with(|c: char| letter(&c)))
        .find_map(|i| words::parse_in(&tail[i..], lang).map(|(v, _)| (offset + i, v)))
}

/// A unit of time; the number before it makes a duration.
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:more[\s\u{a0}]+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century)(?-u:\b)",
    )
    .expect("duration pattern")
});

/// An age: `aged 65`, `over the age of 65`, `ages 5 to 17`.
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:aged?|ages)[\s\u{a0}]+(?:of[\s\u{a0}]+)?(\d{1,3})(?:[\s\u{a0}]*(?:to|-|–|and)[\s\u{a0}]*(\d{1,3}))?(?-u:\b)")
        .expect("age pattern")
});

/// A distance, weight, speed or temperature written with its unit: `74 kilometres`.
static MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|feet|foot|inch(?:es)?|yards?|kilo(?:gram)?s?|kg|tonnes?|tons?|mph|kph|km/h|degrees?)(?-u:\b)",
    )
    .expect("measure pattern")
});

/// `times` and the word after it; the number before it makes a factor.
static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)times[\s\u{a0}]+([a-z]+)(?:[\s\u{a0}]+(than))?")
        .expect("times pattern")
});

/// The join of a range of factors: `to` in `2.5 to 3 times`.
static RANGE_JOIN_AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\s\u{a0}]*(?:to|or|-|–)[\s\u{a0}]*$").expect("range pattern"));

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

/// `in five` of `one in five`; the part before it is read in code.
static ONE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)in[\s\u{a0}]+(two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a[\s\u{a0}]+hundred|a[\s\u{a0}]+thousand|\d{1,3})(?-u:\b)",
    )
    .expect("one-in pattern")
});

static INDEFINITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)an?[\s\u{a0}]+(dozen|hundred|thousand|million|billion)(?-u:\b)")
        .expect("indefinite pattern")
});

pub(super) static PHONE: LazyLock<Regex> = LazyLock::new(|| {
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

/// Which phrases a text may hold, found by one pass over it: each phrase
/// needs one of its anchor words, and the regexes of absent ones never run.
#[derive(Default)]
struct Present {
    duration: bool,
    measure: bool,
    age: bool,
    times: bool,
    factor: bool,
    fraction: bool,
    indefinite: bool,
    tally: bool,
}

/// (anchor word, which phrase it announces), matched ASCII case-insensitively
/// anywhere in a word.
const ANCHORS: &[(&str, u8)] = &[
    ("second", 0),
    ("minute", 0),
    ("hour", 0),
    ("day", 0),
    ("night", 0),
    ("week", 0),
    ("fortnight", 0),
    ("month", 0),
    ("year", 0),
    ("decade", 0),
    ("centur", 0),
    ("kilo", 1),
    ("km", 1),
    ("mile", 1),
    ("metre", 1),
    ("meter", 1),
    ("feet", 1),
    ("foot", 1),
    ("inch", 1),
    ("yard", 1),
    ("kg", 1),
    ("ton", 1),
    ("mph", 1),
    ("kph", 1),
    ("degree", 1),
    ("age", 2),
    ("times", 3),
    ("twice", 4),
    ("thrice", 4),
    ("doubl", 4),
    ("tripl", 4),
    ("trebl", 4),
    ("quadrupl", 4),
    ("halv", 4),
    ("fold", 4),
    ("half", 5),
    ("third", 5),
    ("quarter", 5),
    ("fourth", 5),
    ("fifth", 5),
    ("sixth", 5),
    ("seventh", 5),
    ("eighth", 5),
    ("ninth", 5),
    ("tenth", 5),
    ("dozen", 6),
    ("hundred", 6),
    ("thousand", 6),
    ("million", 6),
    ("billion", 6),
    ("vote", 7),
    ("tally", 7),
    ("margin", 7),
    ("score", 7),
    ("won", 7),
    ("lost", 7),
    ("beat", 7),
    ("defeat", 7),
    ("passed", 7),
    ("approved", 7),
    ("rejected", 7),
    ("ruled", 7),
    ("split", 7),
];

static ANCHOR_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(ANCHORS.iter().map(|(word, _)| word))
        .expect("anchor words build an automaton")
});

fn present(text: &str) -> Present {
    let mut p = Present::default();
    for m in ANCHOR_SEARCH.find_iter(text) {
        match ANCHORS[m.pattern().as_usize()].1 {
            0 => p.duration = true,
            1 => p.measure = true,
            2 => p.age = true,
            3 => p.times = true,
            4 => p.factor = true,
            5 => p.fraction = true,
            6 => p.indefinite = true,
            _ => p.tally = true,
        }
    }
    p
}

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

/// `text[range]` as an identifier (a phone number, a tally), worth its first
/// numeral, as `figcheck numbers` shows it.
pub(super) fn identifier(text: &str, range: std::ops::Range<usize>) -> Number {
    let digits: String = text[range.clone()]
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let value = digits.parse().unwrap_or(0.0);
    phrase(range.start, range.end, Kind::Identifier, value, value)
}

pub(super) fn phrase(start: usize, end: usize, kind: Kind, low: f64, high: f64) -> Number {
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

/// Every phrase in an English `text` read as one number, in order, without overlaps.
fn find_english(text: &str) -> Vec<Number> {
    let mut found: Vec<Number> = Vec::new();
    let present = present(text);
    // An iterator over a regex's matches only where its anchor is present.
    let iter = |on: bool, re: &'static LazyLock<Regex>| {
        on.then(|| re.captures_iter(text)).into_iter().flatten()
    };
    let whole = |c: &Captures| c.get(0).expect("group 0").range();
    // Every phone number we read has a hyphen (dotted ones read as dotted identifiers).
    for c in iter(text.contains('-'), &PHONE) {
        found.push(identifier(text, whole(&c)));
    }
    for c in iter(present.tally, &TALLY) {
        found.push(identifier(text, c.get(1).expect("tally").range()));
    }
    for c in iter(present.age, &AGE) {
        let low = value_of(&c[1]).unwrap_or(0.0);
        let high = c.get(2).and_then(|m| value_of(m.as_str())).unwrap_or(low);
        let start = c.get(1).expect("age").start();
        found.push(phrase(start, whole(&c).end, Kind::Measure, low, high));
    }
    for c in iter(present.measure, &MEASURE) {
        let r = whole(&c);
        // Only a numeral in digits: "a few feet", "two miles" are left alone.
        let Some((start, value)) = number_before(text, r.start) else {
            continue;
        };
        if text[start..].starts_with(|c: char| c.is_ascii_digit()) {
            found.push(phrase(start, r.end, Kind::Measure, value, value));
        }
    }
    for c in iter(present.duration, &DURATION) {
        let r = whole(&c);
        let Some((start, value)) = number_before(text, r.start) else {
            continue;
        };
        found.push(phrase(start, r.end, Kind::Duration, value, value));
    }
    for c in iter(present.times, &TIMES) {
        let next = c[1].to_ascii_lowercase();
        let comparing =
            COMPARING.contains(&next.as_str()) || (next.ends_with("er") && c.get(2).is_some());
        let times = whole(&c).start;
        let Some((mut start, high)) = number_before(text, times).filter(|_| comparing) else {
            continue;
        };
        // `2.5 to 3 times`: a range of factors.
        let mut low = high;
        if let Some(join) = RANGE_JOIN_AT_END.find(&text[..start]) {
            if let Some((range_start, range_low)) = number_before(text, join.start() + 1)
                .filter(|_| text[join.range()].starts_with(char::is_whitespace))
                .or_else(|| {
                    let bare = join.start();
                    text[..bare]
                        .ends_with(|c: char| c.is_ascii_digit())
                        .then(|| NUMERAL_AT_END.find(&text[..bare]))
                        .flatten()
                        .and_then(|m| parse_numeral(m.as_str()).map(|v| (m.start(), v)))
                })
            {
                if range_low < high {
                    (start, low) = (range_start, range_low);
                }
            }
        }
        // The span ends at `times`: the word after it is not part of the number.
        let end = times + "times".len();
        found.push(phrase(start, end, Kind::Multiplier, low, high));
    }
    for c in iter(present.factor, &FACTOR_WORD) {
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
    for c in iter(present.fraction, &FRACTION) {
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
        let r = whole(&c);
        let (Some((start, part)), Some(whole_of)) =
            (number_before(text, r.start), small_word(&c[1]))
        else {
            continue;
        };
        // `one in five`, `2 in 10`: a small part of a small whole.
        let short = text[start..r.start].trim_end().len() <= 5;
        if short && part >= 1.0 && part < whole_of {
            let share = part / whole_of;
            found.push(phrase(start, r.end, Kind::Fraction, share, share));
        }
    }
    for c in iter(present.indefinite, &INDEFINITE) {
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
    without_overlaps(found)
}

/// The phrases found, in order: the first phrase at a place wins, then the
/// longest; the rest are dropped.
pub(super) fn without_overlaps(mut found: Vec<Number>) -> Vec<Number> {
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
