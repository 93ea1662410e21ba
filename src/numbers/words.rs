//! Numbers written in words: `eighty-five thousand`, `three hundred and fifty`;
//! in Spanish drafts, `ochenta y cinco mil` (see `spanish_words.rs`).

use std::sync::LazyLock;

use regex::Regex;

use crate::lang::Lang;

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const SCALES: [(&str, f64); 4] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Whether `word` (hyphens allowed: `twenty-four`) is English number words.
pub(crate) fn is_english(word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    word.split('-').all(|part| {
        UNITS.contains(&part)
            || TENS.contains(&part)
            || part == "hundred"
            || SCALES.iter().any(|(w, _)| *w == part)
    })
}

/// A run of number words, joined by spaces, hyphens or `and`.
static CHAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){}", chain_pattern())).expect("number-word pattern compiles")
});

/// The pattern of a run of number words, for other patterns to embed.
pub(crate) fn chain_pattern() -> String {
    let mut words: Vec<&str> = UNITS.iter().chain(TENS.iter()).copied().collect();
    words.push("hundred");
    words.extend(SCALES.iter().map(|(w, _)| *w));
    // Longest first, so that `seventeen` wins over `seven`.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let word = format!("(?:{})", words.join("|"));
    // Number words are ASCII, so ASCII word boundaries suffice, and they let the
    // regex engine keep its fast automaton on text with curly quotes and dashes.
    format!(
        r"(?-u:\b){word}(?:(?:[ \t\u{{a0}}]+and[ \t\u{{a0}}]+|[ \t\u{{a0}}]+|-){word})*(?-u:\b)"
    )
}

/// A number found in words: its byte span, value, and whether it used a scale word.
#[derive(Debug, Clone, PartialEq)]
pub struct WordNumber {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub scaled: bool,
    /// An ordinal in words: `trigésima cuarta`.
    pub ordinal: bool,
}

/// Every number in words in `text`, written in `lang`.
pub fn find(text: &str, lang: Lang) -> Vec<WordNumber> {
    match lang {
        Lang::En => find_english(text),
        Lang::Es => super::spanish_words::find(text),
    }
}

/// The value of a run of number words in `lang`, as [`parse`] reads English.
pub fn parse_in(words: &str, lang: Lang) -> Option<(f64, bool)> {
    match lang {
        Lang::En => parse(words),
        Lang::Es => super::spanish_words::parse(words),
    }
}

/// Every run of number words in `text` that reads as one well-formed number.
///
/// `one` and `zero` alone are left out: in prose they are far more often
/// pronouns or idioms ("no one", "one of them") than figures. The other small
/// numbers (`two` to `nine`) are found; attribution takes them only where they
/// directly count the subject.
fn find_english(text: &str) -> Vec<WordNumber> {
    CHAIN
        .find_iter(text)
        .filter_map(|m| {
            let (value, scaled) = parse(m.as_str())?;
            (value >= 2.0 || scaled).then_some(WordNumber {
                start: m.start(),
                end: m.end(),
                value,
                scaled,
                ordinal: false,
            })
        })
        .collect()
}

/// The value of a run of number words, or `None` when they do not form one number
/// (`one two`, `sixty and seventy`). The flag says whether a scale word appears.
pub fn parse(words: &str) -> Option<(f64, bool)> {
    let mut total = 0.0;
    let mut current = 0.0_f64;
    let mut scaled = false;
    let mut last_scale = f64::INFINITY;
    for token in words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
    {
        let token = token.to_ascii_lowercase();
        if token == "and" {
            continue;
        }
        if let Some(v) = UNITS.iter().position(|w| *w == token) {
            // A unit may start a group or follow a ten ("eighty-five"), nothing else.
            let rest = current % 100.0;
            let fits = rest == 0.0 || (v < 10 && rest >= 20.0 && rest % 10.0 == 0.0);
            if !fits {
                return None;
            }
            current += v as f64;
        } else if let Some(i) = TENS.iter().position(|w| *w == token) {
            if current % 100.0 != 0.0 {
                return None;
            }
            current += (i as f64 + 2.0) * 10.0;
        } else if token == "hundred" {
            if current == 0.0 || current >= 100.0 {
                return None;
            }
            current *= 100.0;
            scaled = true;
        } else if let Some((_, scale)) = SCALES.iter().find(|(w, _)| *w == token) {
            if current == 0.0 || *scale >= last_scale {
                return None;
            }
            total += current * scale;
            current = 0.0;
            last_scale = *scale;
            scaled = true;
        } else {
            return None;
        }
    }
    Some((total + current, scaled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compound_numbers() {
        assert_eq!(parse("eighty-five thousand"), Some((85_000.0, true)));
        assert_eq!(
            parse("twelve thousand four hundred"),
            Some((12_400.0, true))
        );
        assert_eq!(parse("three hundred and fifty"), Some((350.0, true)));
        assert_eq!(parse("Thirty-four"), Some((34.0, false)));
        assert_eq!(parse("six million"), Some((6e6, true)));
        assert_eq!(parse("one hundred thousand"), Some((100_000.0, true)));
    }

    #[test]
    fn rejects_runs_that_are_not_one_number() {
        assert_eq!(parse("one two"), None);
        assert_eq!(parse("sixty and seventy"), None);
        assert_eq!(parse("thousand"), None);
        assert_eq!(parse("eleven five"), None);
        assert_eq!(parse("five thousand six thousand"), None);
    }

    #[test]
    fn finds_numbers_in_prose_but_not_lone_small_words() {
        let found = find_english("Eighty-five thousand people, and one of them, were held.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 85_000.0);
        assert_eq!(
            &"Eighty-five thousand people"[found[0].start..found[0].end],
            "Eighty-five thousand"
        );
        assert!(find_english("No one was charged; one man left.").is_empty());
        let small = find_english("Three people died.");
        assert_eq!(small.len(), 1);
        assert_eq!(small[0].value, 3.0);
    }
}
