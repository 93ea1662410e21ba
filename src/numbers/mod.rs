//! Recognising numeric expressions in prose: where they are, what they are worth,
//! what kind of number they are, how precisely they are written, and any
//! qualifier ("at least", "about") in front of them.
//!
//! The recogniser is deliberately conservative about what it calls a count:
//! years, ordinals, dates, times, measures glued to a unit (`23.5-hour`) and
//! names with digits (`MS-13`, `Route 66`, `p.45`) get kinds of their own, so no
//! check ever compares them with a figure.

mod grammar;
mod number;
pub mod phrases;
mod spanish_phrases;
mod spanish_words;
pub mod words;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

pub use crate::lang::spanish_decimal;
use crate::lang::{Decimal, Lang};
use crate::text::tail_of;
use grammar::Grammar;
pub use grammar::{SPANISH_MONTHS, SPANISH_WEEKDAYS};
pub use number::{Direction, Kind, Number, Qualifier, DEFAULT_QUALIFIER_SLACK, WRITTEN_REACH};

/// Places whose digits are never numbers in prose: links, e-mail addresses,
/// handles and hashtags.
static MASK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        // ASCII word boundaries: links start with ASCII letters, and Unicode
        // boundaries would force a slow regex engine on every draft.
        r"(?ix)
        (?-u:\b)(?:https?|ftp)://\S+
        | (?-u:\b)www\.\S+
        | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
        | @\w+
        | \#\w+
        | (?-u:\b)[\w-]+(?:\.[a-z]{2,})+/\S*",
    )
    .expect("mask pattern compiles")
});

/// Month names and their abbreviations, lowercase.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Days of the week, lowercase.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A bracketed section letter after a number: `287(g)`.
static IDENTIFIER_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\([a-zA-Z0-9]{1,3}\))+").expect("section pattern"));

static RANGE_DASH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:-|–|[ \u{a0}]?–[ \u{a0}]?)").expect("dash pattern"));

/// Whether one word is a number written in words in `lang`: `two`,
/// `twenty-four`, `thousand`; `tres`, `mil`.
pub fn is_number_word(word: &str, lang: Lang) -> bool {
    !word.is_empty()
        && match lang {
            Lang::En => words::is_english(word),
            Lang::Es => spanish_words::parse(word).is_some(),
        }
}

/// Whether one word is part of a qualifier `lang` writes before a number
/// (`more`, `than`, `nearly`; `más`, `cerca`), whatever its case, and in
/// Spanish with or without its accent.
pub fn is_qualifier_word(word: &str, lang: Lang) -> bool {
    let word = crate::lang::fold_accents(&word.to_lowercase());
    grammar::of(lang).qualifiers.iter().any(|q| {
        q.phrase()
            .split(' ')
            .any(|part| crate::lang::fold_accents(part) == word)
    })
}

/// Every numeric expression in `text`, written in `lang`, in order of position.
pub fn recognise(text: &str, lang: Lang) -> Vec<Number> {
    let g = grammar::of(lang);
    recognise_with(text, lang, g, g.decimal)
}

/// [`recognise`] for a text that marks decimals with `decimal` (Spanish is
/// written both ways; see [`spanish_decimal`]).
pub fn recognise_as(text: &str, lang: Lang, decimal: Decimal) -> Vec<Number> {
    recognise_with(text, lang, grammar::of(lang), decimal)
}

fn recognise_with(text: &str, lang: Lang, g: &Grammar, decimal: Decimal) -> Vec<Number> {
    // Every masked place has an `@`, a `#`, a `/` or `www.`: a text without
    // one never compiles the mask's large Unicode pattern.
    let maskable = text.bytes().any(|b| matches!(b, b'@' | b'#' | b'/'))
        || text
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"www."));
    let masked: Vec<Range<usize>> = if maskable {
        MASK.find_iter(text).map(|m| m.range()).collect()
    } else {
        Vec::new()
    };
    // Mask matches are sorted and do not overlap.
    let is_masked = |pos: usize| {
        let i = masked.partition_point(|r| r.end <= pos);
        masked.get(i).is_some_and(|r| r.start <= pos)
    };
    // Phrases read as a whole (`30 minutes`, `twice`, `one in five`) come
    // first; no numeral inside one is read again.
    let phrases: Vec<Number> = phrases::find(text, lang)
        .into_iter()
        .filter(|n| !is_masked(n.span.start))
        .collect();
    let in_phrase = |range: &Range<usize>| {
        let i = phrases.partition_point(|n| n.span.end <= range.start);
        phrases.get(i).is_some_and(|n| n.span.start < range.end)
    };
    let mut found = Vec::new();
    let mut resume = 0;
    for m in g.numeral.find_iter(text) {
        if m.start() < resume || is_masked(m.start()) || in_phrase(&m.range()) {
            continue;
        }
        if let Some(number) = read_digits(text, m.range(), g, decimal) {
            if in_phrase(&number.span) {
                continue;
            }
            resume = number.span.end;
            found.push(number);
        }
    }
    // Numbers in digits come in order and do not overlap, so the one a number
    // in words could overlap is found by binary search.
    let digits = found.len();
    for w in words::find(text, lang) {
        let next = found[..digits].partition_point(|n: &Number| n.span.end <= w.start);
        let overlaps = found[..digits]
            .get(next)
            .is_some_and(|n| n.span.start < w.end);
        if !overlaps && !is_masked(w.start) && !in_phrase(&(w.start..w.end)) && w.ordinal {
            found.push(Number {
                span: w.start..w.end,
                low: w.value,
                high: w.value,
                is_range: false,
                kind: Kind::Ordinal,
                qualifier: None,
                qualifier_start: w.start,
                precision: 0.0,
                scaled: false,
                small_word: false,
            });
        } else if !overlaps && !is_masked(w.start) && !in_phrase(&(w.start..w.end)) {
            let atom = Atom {
                start: w.start,
                end: w.end,
                value: w.value,
                precision: group_precision(w.value),
                money: false,
                scaled: w.scaled,
            };
            let mut number = finish(text, atom, None, g);
            number.small_word = w.value < 10.0 && !w.scaled;
            found.push(number);
        }
    }
    found.extend(phrases);
    found.sort_by_key(|n| n.span.start);
    for number in &mut found {
        attach_qualifier(text, number, g);
    }
    found
}

/// A numeral with the scale and currency written with it.
struct Atom {
    start: usize,
    end: usize,
    value: f64,
    precision: f64,
    money: bool,
    scaled: bool,
}

fn read_digits(text: &str, numeral: Range<usize>, g: &Grammar, decimal: Decimal) -> Option<Number> {
    let raw = &text[numeral.clone()];
    let before = &text[..numeral.start];
    let after = &text[numeral.end..];
    let prev = before.chars().next_back();
    let mut next = after.chars();
    let (next1, next2) = (next.next(), next.next());
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());

    let simple = |kind: Kind, end: usize| {
        let value = (g.read_numeral)(raw, decimal).map_or(0.0, |n| n.value);
        Some(Number {
            span: numeral.start..end,
            low: value,
            high: value,
            is_range: false,
            kind,
            qualifier: None,
            qualifier_start: numeral.start,
            precision: 0.0,
            scaled: false,
            small_word: false,
        })
    };

    // A grouped numeral run straight into more digits ("1,2345") is not one we can read.
    if digit(next1) {
        return None;
    }
    // Dotted or slashed sequences: versions, IP addresses, dates, fractions.
    let mark = |c: Option<char>| c.is_some_and(|c| g.sequence_marks.contains(&c));
    if mark(next1) && digit(next2)
        || (mark(prev) || prev == Some(':'))
            && digit(before[..before.len() - 1].chars().next_back())
    {
        return simple(Kind::Identifier, numeral.end);
    }
    if next1 == Some(':') && digit(next2) {
        let minutes = after[1..].chars().take_while(char::is_ascii_digit).count();
        return simple(Kind::Time, numeral.end + 1 + minutes);
    }
    // Digits glued to letters before them: G7, H1N1; or joined by a hyphen: MS-13, COVID-19.
    if prev.is_some_and(|c| c.is_alphabetic() || c == '_' || c == '#') {
        let rest: usize = after
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .map(char::len_utf8)
            .sum();
        return simple(Kind::Identifier, numeral.end + rest);
    }
    if matches!(prev, Some('-') | Some('‑'))
        && before[..before.len() - prev.map_or(0, char::len_utf8)]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    {
        let kind = if is_year_numeral(raw) {
            Kind::Year
        } else {
            Kind::Identifier
        };
        return simple(kind, numeral.end);
    }
    let tail = tail_of(before, 40);
    if g.reference_before.is_match(tail)
        || preceding_word(before).is_some_and(|w| g.name_words.contains(&w))
    {
        return simple(Kind::Identifier, numeral.end);
    }

    // A section letter in brackets: `287(g)`, `501(c)(3)`.
    if IDENTIFIER_SUFFIX.is_match(after) {
        let len = IDENTIFIER_SUFFIX.find(after).map_or(0, |m| m.end());
        return simple(Kind::Identifier, numeral.end + len);
    }
    // `911` is a phone number where it is called or dialled.
    if raw == "911" && (g.call_before.is_match(tail_of(before, 24)) || g.call_after.is_match(after))
    {
        return simple(Kind::Identifier, numeral.end);
    }
    // Letters glued after the digits: ordinals, decades, k/m/bn, units.
    let glued: &str = {
        let len = after
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(after.len(), |(i, _)| i);
        // A word run into the number by a missing space (`79,211people`) is
        // the counted noun, not a unit.
        let word = &after[..len];
        if is_glued_noun(word, g) {
            ""
        } else {
            word
        }
    };
    let currency = g.currency_before.find(tail_of(before, 8));
    let money = currency.is_some();
    let start = currency.map_or(numeral.start, |c| numeral.start - (c.end() - c.start()));
    let read = (g.read_numeral)(raw, decimal)?;
    let is_integer = read.decimals.is_none();
    // `34.ª`, `1.er`: an ordinal with its indicator after a full stop.
    if is_integer {
        if let Some(m) = g.ordinal_after.as_ref().and_then(|o| o.find(after)) {
            return simple(Kind::Ordinal, numeral.end + m.end());
        }
    }
    let mut value = read.value;
    let mut precision = precision_of(read);
    let mut scale = 1.0;
    let mut end = numeral.end;
    if !glued.is_empty() {
        let lower = glued.to_ascii_lowercase();
        // `6.3m people` and `1.1m` are millions; `10m` alone may be metres.
        // (`after[1..]` is taken only after a one-byte `m`: a glued letter
        // outside ASCII, `0.0𞟰`, must not be cut inside.)
        let millions = money
            || lower == "mn"
            || (lower == "m" && !is_integer && !g.measure_after_m.is_match(&after[1..]));
        let glued_scale = match lower.as_str() {
            "k" => Some(1e3),
            "bn" | "b" if money || lower == "bn" => Some(1e9),
            "mn" | "m" if millions => Some(1e6),
            _ => None,
        };
        match glued_scale {
            Some(s) => {
                scale = s;
                end += glued.len();
            }
            None => {
                let kind = if is_integer && g.ordinal_suffixes.contains(&lower.as_str()) {
                    Kind::Ordinal
                } else if g.decades && lower == "s" && is_year_numeral(raw) {
                    Kind::Year
                } else if matches!(lower.as_str(), "am" | "pm" | "h") {
                    Kind::Time
                } else if glued.chars().all(char::is_uppercase) {
                    Kind::Identifier
                } else {
                    Kind::Measure
                };
                return simple(kind, end + glued.len());
            }
        }
    } else if let Some((s, len)) = scale_after(after, g) {
        scale = s;
        end += len;
    }
    if scale != 1.0 {
        value *= scale;
        precision = scaled_precision(precision, scale);
    }
    // `33 mil 550`: the hundreds after the thousands, written to the unit.
    if scale == 1e3 && is_integer {
        if let Some((rest, len)) = thousands_rest(&text[end..], g) {
            value += rest;
            precision = 0.0;
            end += len;
        }
    }

    // A hyphenated unit makes a measure; a hyphenated noun ("40,000-inmate") stays a count.
    if end == numeral.end && matches!(next1, Some('-') | Some('‑')) {
        let word: String = after[next1.map_or(0, char::len_utf8)..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let lower = word.to_lowercase();
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        if !word.is_empty()
            && (g.measure_units.contains(&singular) || g.measure_units.contains(&lower.as_str()))
        {
            let unit_end = numeral.end + next1.map_or(0, char::len_utf8) + word.len();
            return simple(Kind::Measure, unit_end);
        }
    }
    if g.time_after.is_match(&text[end..]) {
        return simple(Kind::Time, numeral.end);
    }

    let atom = Atom {
        start,
        end,
        value,
        precision,
        money,
        scaled: scale != 1.0,
    };
    // Ranges: `100,000-109,000`, `27–30%`, `between 238 and 261`.
    let rest = &text[end..];
    let opening = tail_of(&text[..start], 16);
    let between = g.between_before.find(opening).map(|m| m.len());
    // `de 238 a 261`, unless a change verb stands before `de`.
    let from = g.from_to.as_ref().and_then(|(before, after, changes)| {
        let de = before.captures(opening)?.get(1)?;
        let de_start = start - (opening.len() - de.start());
        let change = changed_before(&text[..de_start], changes);
        (!change && after.is_match(rest)).then_some(start - de_start)
    });
    let second = match (between, from) {
        (Some(_), _) => g.and_after.find(rest).map(|m| end + m.end()),
        (None, Some(_)) => g
            .from_to
            .as_ref()
            .and_then(|(_, after, _)| after.find(rest))
            .map(|m| end + m.end()),
        (None, None) => RANGE_DASH_AFTER.find(rest).map(|m| end + m.end()),
    };
    let second = second.and_then(|at| {
        let m = g.numeral.find(&text[at..]).filter(|m| m.start() == 0)?;
        let raw2 = m.as_str();
        let after2 = &text[at + m.end()..];
        if after2.starts_with(|c: char| c.is_alphanumeric()) && !after2.starts_with(['k', 'K']) {
            return None;
        }
        Some((at..at + m.end(), raw2))
    });
    if let Some((range2, raw2)) = second {
        // A scale written once applies to both ends: `$2-3 million`, `85k-90k`.
        let read2 = (g.read_numeral)(raw2, decimal)?;
        let mut high = read2.value * scale;
        let mut high_precision = precision_of(read2);
        if scale != 1.0 {
            high_precision = scaled_precision(high_precision, scale);
        }
        let mut range_end = range2.end;
        if let (1.0, Some((s, len))) = (scale, scale_after(&text[range_end..], g)) {
            high *= s;
            high_precision = scaled_precision(high_precision, s);
            value *= s;
            precision = scaled_precision(precision, s);
            range_end += len;
        }
        if high > value {
            let both_years = is_year_numeral(raw) && (is_year_numeral(raw2) || raw2.len() == 2);
            let low_atom = Atom {
                end: range_end,
                precision: precision.max(high_precision),
                value,
                ..atom
            };
            let mut number = finish(text, low_atom, Some(high), g);
            if both_years && number.kind == Kind::Count {
                number.kind = Kind::Year;
            }
            if let Some(between) = between.or(from) {
                number.span.start = start - between;
                number.qualifier_start = number.span.start;
            }
            return Some(number);
        }
        // `2250-1234`, `57-3`: a phone number, a score or a code, not a range.
        if text[end..range2.start].trim().len() == 1 && scale == 1.0 {
            return simple(Kind::Identifier, range2.end);
        }
    }
    // `in 2023 per 100,000`: after `in` or `since`, a year stays a year even
    // when a rate base follows.
    if is_year_numeral(raw)
        && !money
        && preceding_word(before)
            .is_some_and(|w| g.year_prepositions.contains(&w.to_lowercase().as_str()))
    {
        return simple(Kind::Year, numeral.end);
    }
    let mut number = finish(text, atom, None, g);
    // `1,644 los muertos` in a draft that marks decimals with a comma (wire
    // copy mixes the two ways): a count of things has no thousandths, so a
    // lone comma before three digits groups them where a plural noun, not a
    // unit, follows.
    if decimal == Decimal::Comma
        && number.kind == Kind::Count
        && read.decimals == Some(3)
        && scale == 1.0
        && raw.bytes().filter(|&b| b == b',').count() == 1
        && !raw.contains('.')
        && counts_things(after, g)
    {
        number.low *= 1e3;
        number.high = number.low;
        number.precision = group_precision(number.low);
    }
    if number.kind == Kind::Count && is_lone_rate_base(before, number.low) {
        number.kind = Kind::Measure;
    }
    // A bare integer, with nothing written around it, may be a year or a day.
    if number.kind == Kind::Count && is_integer && number.span == numeral {
        if is_year_numeral(raw) && !counts_a_noun(before, after, g) {
            number.kind = Kind::Year;
            number.precision = 0.0;
        } else if (1.0..=31.0).contains(&number.low) && is_day_of_month(before, after, g) {
            number.kind = Kind::Date;
        }
    }
    Some(number)
}

/// Applies what may follow a numeral or a number in words: percent, dollars, a rate base.
fn finish(text: &str, atom: Atom, high: Option<f64>, g: &Grammar) -> Number {
    let after = &text[atom.end..];
    let mut end = atom.end;
    let mut kind = if atom.money { Kind::Money } else { Kind::Count };
    if let Some(m) = g.percent_after.find(after) {
        kind = if m.as_str().to_lowercase().contains(g.points_word) {
            Kind::Points
        } else {
            Kind::Percent
        };
        end += m.end();
    } else if let Some(m) = g.money_after.find(after) {
        kind = Kind::Money;
        end += m.end();
    } else if let (Kind::Count, Some(m)) = (kind, g.rate_after.find(after)) {
        kind = Kind::Rate;
        end += m.end();
    }
    Number {
        span: atom.start..end,
        low: atom.value,
        high: high.unwrap_or(atom.value),
        is_range: high.is_some(),
        kind,
        qualifier: None,
        qualifier_start: atom.start,
        precision: atom.precision,
        scaled: atom.scaled,
        small_word: false,
    }
}

/// A scale word or abbreviation after a numeral: its factor and length in bytes.
fn scale_after(after: &str, g: &Grammar) -> Option<(f64, usize)> {
    let caps = g.scale_after.captures(after)?;
    let word = caps.get(1).or(caps.get(2))?.as_str();
    let word = word
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let scale = g
        .scale_words
        .iter()
        .find(|(w, _)| *w == word)
        .map_or(1e12, |(_, s)| *s);
    Some((scale, caps.get(0)?.end()))
}

/// The hundreds that follow a thousands scale word (`mil 550`): their value
/// and length in bytes. Not a group that goes on (`mil 550,3`, `mil 5.000`).
fn thousands_rest(after: &str, g: &Grammar) -> Option<(f64, usize)> {
    let caps = g.thousands_rest.as_ref()?.captures(after)?;
    let digits = caps.get(1)?;
    let mut next = after[digits.end()..].chars();
    let goes_on = match next.next() {
        Some('.' | ',') => next.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    if goes_on {
        return None;
    }
    Some((digits.as_str().parse().ok()?, digits.end()))
}

fn attach_qualifier(text: &str, number: &mut Number, g: &Grammar) {
    let before = tail_of(&text[..number.span.start], 24);
    if let Some(caps) = g.qualifier_before.captures(before) {
        let phrase = caps.get(1).expect("group 1 always takes part");
        let qualifier = grammar::qualifier_of(phrase.as_str(), g.qualifiers);
        // "The toll inched up to 227": a movement that reached the number.
        let start = number.span.start - (before.len() - phrase.start());
        if qualifier == Some(Qualifier::UpTo) && moved_before(&text[..start], g) {
            return;
        }
        number.qualifier = qualifier;
        number.qualifier_start = start;
    }
}

/// Whether `before` ends with a verb of movement (see `Grammar::moved_up`).
fn moved_before(before: &str, g: &Grammar) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    g.moved_up.contains(&word.to_lowercase().as_str())
}

/// The value of an English numeral in digits, without its separators.
fn parse_numeral(raw: &str) -> Option<f64> {
    grammar::of(Lang::En).read(raw)
}

/// The rounding step a numeral is written to: its last decimal place, or for
/// an integer the last whole group of three trailing zeros (`85,000` is written
/// to the thousand); zero when it reads as exact.
fn precision_of(numeral: grammar::Numeral) -> f64 {
    match numeral.decimals {
        Some(decimals) => 10f64.powi(-(decimals as i32)),
        None => group_precision(numeral.value),
    }
}

/// The precision of a numeral once a scale multiplies it: `6 million` is written
/// to the million, `6.3 million` to the hundred thousand.
fn scaled_precision(numeral_precision: f64, scale: f64) -> f64 {
    let step = if numeral_precision == 0.0 {
        1.0
    } else {
        numeral_precision
    };
    step * scale
}

/// For a whole number: 10^(3k) where k counts whole groups of trailing zeros, or zero.
fn group_precision(value: f64) -> f64 {
    if value == 0.0 || value.fract() != 0.0 {
        return 0.0;
    }
    let mut step = 1.0;
    while value % (step * 1000.0) == 0.0 {
        step *= 1000.0;
    }
    if step == 1.0 {
        0.0
    } else {
        step
    }
}

/// Nouns that a bare four-digit number can count: `2000 arrests`, `1500 people`.
fn counts_a_noun(before: &str, after: &str, g: &Grammar) -> bool {
    let Some(rest) = after.strip_prefix([' ', '\u{a0}']) else {
        return false;
    };
    let noun: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let plural = is_plural_noun(&noun, g);
    let possessive = before.trim_end().ends_with("'s") || before.trim_end().ends_with("’s");
    let determiner = possessive
        || preceding_word(before)
            .is_some_and(|w| g.year_determiners.contains(&w.to_lowercase().as_str()));
    plural && !determiner && !before.trim_end().ends_with(',')
}

/// Whether `after` a number opens with a plural noun of things counted
/// (after an article, in Spanish `los`, `las`), not a unit: `1,644 los
/// muertos`, `3,408 heridos`; not `3,496 toneladas`.
fn counts_things(after: &str, g: &Grammar) -> bool {
    let mut words = after
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    let Some(mut noun) = words.next() else {
        return false;
    };
    if ["los", "las", "the"].contains(&noun) {
        let Some(next) = words.next() else {
            return false;
        };
        noun = next;
    }
    let singular = noun
        .strip_suffix("es")
        .filter(|s| s.ends_with(['r', 'l', 'n', 'd']));
    let singular = singular.or_else(|| noun.strip_suffix('s')).unwrap_or(noun);
    !after.starts_with(|c: char| c.is_alphanumeric())
        && is_plural_noun(noun, g)
        && !g.measure_units.contains(&singular)
        && !g.glued_units.contains(&noun)
}

/// Whether `noun` is a plural noun of prose: lowercase, four letters or
/// more, ending in a plural `s` or one of the grammar's irregular plurals,
/// and not one of its words that only look like nouns.
fn is_plural_noun(noun: &str, g: &Grammar) -> bool {
    noun.len() > 3
        && noun.chars().all(|c| c.is_lowercase())
        && !g.not_nouns.contains(&noun)
        && (noun.ends_with('s') && !noun.ends_with("ss") || g.irregular_plurals.contains(&noun))
}

/// Whether letters run straight after a numeral are a word of prose that lost
/// its space (`79,211people`), rather than a unit, suffix or code (`10km`, `34th`).
fn is_glued_noun(word: &str, g: &Grammar) -> bool {
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    word.chars().count() >= 4
        && word.chars().all(char::is_lowercase)
        && !g.measure_units.contains(&singular)
        && !g.measure_units.contains(&lower.as_str())
        && !g.glued_units.contains(&lower.as_str())
}

fn is_year_numeral(raw: &str) -> bool {
    raw.len() == 4
        && raw.chars().all(|c| c.is_ascii_digit())
        && raw.parse::<u32>().is_ok_and(|y| (1700..=2100).contains(&y))
}

fn is_day_of_month(before: &str, after: &str, g: &Grammar) -> bool {
    // In English a month is written with a capital: "15 may have died" and
    // "20 march" are verbs, not dates.
    let month = |word: &str| {
        let word = word.trim_end_matches('.');
        (!g.months_capitalised || word.starts_with(char::is_uppercase))
            && g.months.contains(&word.to_lowercase().as_str())
    };
    let next_word: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .trim_start_matches(g.month_link)
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    g.month_before_day && preceding_word(before).is_some_and(month)
        || (!next_word.is_empty() && month(&next_word))
}

/// The word right before `before`'s end, across spaces only.
/// Whether a number is a rate's base written without its rate: `the rate
/// per 100,000 residents`, `la tasa por cada 100 mil habitantes`. It counts
/// nothing; the rate is elsewhere in the sentence.
fn is_lone_rate_base(before: &str, value: f64) -> bool {
    let base = [100.0, 1_000.0, 10_000.0, 100_000.0, 1_000_000.0].contains(&value);
    base && preceding_word(before)
        .is_some_and(|w| ["per", "cada", "every"].contains(&w.to_lowercase().as_str()))
}

/// Whether a verb of change stands before `de 133 a 134`, right before it
/// or a few words back with no other `de` between ("aumentó en las últimas
/// horas de 133 a 134"; not "aumentó el número de víctimas de 20 a 30").
fn changed_before(before: &str, changes: &[&str]) -> bool {
    let mut rest = before;
    for _ in 0..CHANGE_WORDS_BACK {
        let Some(word) = preceding_word(rest) else {
            return false;
        };
        let lower = word.to_lowercase();
        if changes.contains(&lower.as_str()) {
            return true;
        }
        if matches!(lower.as_str(), "de" | "del") {
            return false;
        }
        rest = &rest[..rest.trim_end_matches([' ', '\u{a0}']).len() - word.len()];
    }
    false
}

/// How many words back from `de` a verb of change still makes a change.
const CHANGE_WORDS_BACK: usize = 5;

fn preceding_word(before: &str) -> Option<&str> {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &trimmed[start..];
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
mod tests;
