//! A word beside a subject phrase that makes it name another quantity: "the
//! *child* poverty rate", "*food* price inflation", "la tasa de pobreza
//! *infantil*". The desk's phrase names the whole; a modifier the desk did
//! not write narrows it to a part or a variant, which the rules do not hold.
//! A desk that means the modified phrase writes it among the subjects (the
//! longer phrase then matches, modifier and all).
//!
//! English puts the modifier before the phrase, and nearly any content word
//! there narrows it, so the rule is general: a lowercase word right before
//! a phrase that opens with a noun narrows it, unless it is a function word,
//! an adverb, a participle, a word that only qualifies the count (`official`,
//! `latest`, `annual`, listed below), or a word of the figure's own name or
//! phrases ("the hurricane death toll" for a figure named after the
//! hurricane). Spanish puts most modifiers after the noun, where verbs and
//! every other word follow too, so there only the adjectives listed below
//! narrow, before or after the phrase.

use std::collections::HashSet;
use std::ops::Range;

use crate::lang::Lang;

/// The words of a figure that a modifier may repeat without narrowing it:
/// those of its name and its subject phrases, lowercased, with a plural `s`
/// dropped; numerals too ("41" in "highest in 41 years").
pub(super) fn own_words<'a>(texts: impl Iterator<Item = &'a str>) -> HashSet<String> {
    texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect()
}

fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    match lower.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 => stem.to_string(),
        _ => lower,
    }
}

/// Whether a word beside the phrase at `span` in `text` narrows it to
/// another quantity than the figure whose own words are `own`.
pub(super) fn narrows(text: &str, span: &Range<usize>, own: &HashSet<String>, lang: Lang) -> bool {
    match lang {
        Lang::En => {
            // Past the figure's own words written before the phrase ("food
            // price inflation": "price" is the figure's, "food" narrows).
            let mut before = word_before(text, span.start);
            for _ in 0..MODIFIERS_OWN {
                match before {
                    Some((at, word))
                        if word.chars().all(char::is_alphabetic)
                            && own.contains(&singular(word)) =>
                    {
                        before = word_before(text, at);
                    }
                    _ => break,
                }
            }
            before.is_some_and(|(at, word)| {
                let opening = opens_a_noun_phrase(text, at);
                opening.is_some()
                    && narrows_before_en(word, opening == Some(Opening::Sentence), own)
                    && !opens_with_a_verb(&text[span.clone()])
            })
        }
        Lang::Es => {
            let listed = |w: &str| NARROWING_ES.contains(&w.to_lowercase().as_str());
            word_before(text, span.start).is_some_and(|(_, w)| listed(w))
                || word_after(text, span.end).is_some_and(listed)
        }
    }
}

/// How many of the figure's own words a modifier may stand before.
const MODIFIERS_OWN: usize = 3;

/// What stands before a modifier that makes it part of a noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// A determiner, a possessive or a number: "the", "Argentina's", "2024".
    Determiner,
    /// Nothing: the modifier opens a sentence, a line or a heading, and so
    /// may be capitalized.
    Sentence,
}

/// Whether the word that starts at `at` opens a noun phrase: after a
/// determiner, a possessive or a number, or at the start of a sentence.
/// After any other word it may be a verb ("allows mass trials", "raise
/// interest rates"), which narrows nothing.
fn opens_a_noun_phrase(text: &str, at: usize) -> Option<Opening> {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    if before.is_empty()
        || before.ends_with([
            '\n', '.', '!', '?', ':', ';', '"', '“', '(', '[', '#', '*', '_', '—', '–', '>',
        ])
    {
        return Some(Opening::Sentence);
    }
    let (_, word) = word_before(text, at)?;
    let lower = word.to_lowercase();
    let determiner = DETERMINERS_EN.contains(&lower.as_str())
        || is_possessive(&lower)
        || word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || crate::numbers::is_number_word(&lower, Lang::En);
    determiner.then_some(Opening::Determiner)
}

/// "Argentina's", "the storms'".
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'")
}

/// Words that open a noun phrase.
const DETERMINERS_EN: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these",
    "those", "whose",
];

/// The word right before `at`, and where it starts, joined to `at` by one
/// space or a hyphen (no line break, no punctuation, no run of spaces).
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text.get(..at)?;
    // One space or one hyphen: more is layout (a table's cells, blanked
    // markup), not a word joined to the next.
    let joined = before
        .strip_suffix(['-', ' ', '\u{a0}'])
        .filter(|j| j.ends_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '’'))?;
    let start = joined
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        .last()
        .map_or(joined.len(), |(i, _)| i);
    let word = &joined[start..];
    (!word.is_empty()).then_some((start, word))
}

/// The word right after `at`, joined to it by one space.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let trimmed = text.get(at..)?.strip_prefix([' ', '\u{a0}'])?;
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(trimmed.len(), |(i, _)| i);
    let word = &trimmed[..end];
    (!word.is_empty()).then_some(word)
}

/// An English phrase whose first word is a verb ("killed two people", "have
/// died") has its subject before it, not a modifier.
fn opens_with_a_verb(phrase: &str) -> bool {
    let first = phrase
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    first.ends_with("ed")
        || first.ends_with("ing")
        || Lang::En.auxiliaries().contains(&first.as_str())
        || VERBS_EN.contains(&first.as_str())
}

fn narrows_before_en(word: &str, opens_sentence: bool, own: &HashSet<String>) -> bool {
    let lower = word.to_lowercase();
    // A name or an abbreviation ("Helene", "UK", "CPI"; a capital opening a
    // sentence says nothing, but an abbreviation still does), a year or any
    // word with a digit ("2024", "12-month"), a possessive ("the storm's").
    let capital = |c: char| !c.is_lowercase();
    let name = if opens_sentence {
        word.chars()
            .filter(|c| c.is_alphabetic())
            .skip(1)
            .any(capital)
    } else {
        word.chars().next().is_some_and(capital)
    };
    if name || word.chars().any(|c| c.is_ascii_digit()) || is_possessive(&lower) {
        return false;
    }
    // A hyphenated word narrows where its last part would: "storm-related"
    // and "year-on-year" qualify, "food-price" narrows.
    let last = lower.rsplit('-').next().unwrap_or(&lower);
    if FUNCTION_EN.contains(&last)
        || crate::numbers::is_number_word(&lower, Lang::En)
        || crate::numbers::is_qualifier_word(&lower, Lang::En)
        || QUALIFYING_EN.contains(&last)
        || QUALIFYING_EN.contains(&lower.as_str())
        || Lang::En.auxiliaries().contains(&last)
        || last.ends_with("ly")
        || (last.ends_with("ed") && !NARROWING_PARTICIPLES_EN.contains(&last))
        || last.ends_with("ing")
        || last.chars().count() < 3
    {
        return false;
    }
    !lower.split('-').any(|part| own.contains(&singular(part)))
}

/// Function words: they join, point or count, and narrow nothing.
const FUNCTION_EN: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "it",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "to",
    "from",
    "with",
    "as",
    "and",
    "or",
    "but",
    "than",
    "nor",
    "so",
    "if",
    "when",
    "while",
    "since",
    "after",
    "before",
    "who",
    "which",
    "whose",
    "whom",
    "where",
    "what",
    "all",
    "some",
    "any",
    "no",
    "each",
    "every",
    "both",
    "more",
    "most",
    "less",
    "fewer",
    "many",
    "much",
    "other",
    "another",
    "such",
    "same",
    "own",
    "not",
    "about",
    "around",
    "over",
    "under",
    "up",
    "down",
    "into",
    "per",
    "via",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "now",
    "still",
    "already",
    "again",
    "also",
    "just",
    "even",
    "only",
    "yet",
    "then",
    "here",
    "there",
    "almost",
    "nearly",
    "say",
    "says",
    "said",
    "show",
    "shows",
    "put",
    "puts",
    "we",
    "they",
    "he",
    "she",
    "you",
    "i",
    "them",
    "us",
    "whole",
    "entire",
    "full",
];

/// Words that qualify a count or a rate without changing what it counts,
/// and the events news counts for (a synonym of the figure's own event:
/// "the storm death toll" for a figure named after a hurricane).
const QUALIFYING_EN: &[&str] = &[
    "official",
    "overall",
    "total",
    "latest",
    "current",
    "national",
    "nationwide",
    "countrywide",
    "annual",
    "yearly",
    "year-on-year",
    "year-over-year",
    "provisional",
    "preliminary",
    "final",
    "new",
    "revised",
    "updated",
    "estimated",
    "cumulative",
    "combined",
    "record",
    "grim",
    "known",
    "true",
    "real",
    "actual",
    "headline",
    "human",
    "tragic",
    "staggering",
    "previous",
    "earlier",
    "prior",
    "initial",
    "first",
    "last",
    "highest",
    "lowest",
    "present",
    "related",
    "linked",
    "driven",
    "high",
    "low",
    "big",
    "biggest",
    "large",
    "largest",
    "small",
    "smallest",
    "average",
    "rate",
    "toll",
    "figure",
    "count",
    "tally",
    "number",
    "level",
    "peak",
    "public",
    "daily",
    "late",
    "early",
    "recent",
    "reported",
    "registered",
    "recorded",
    "storm",
    "hurricane",
    "cyclone",
    "typhoon",
    "tornado",
    "fire",
    "wildfire",
    "blaze",
    "flood",
    "quake",
    "earthquake",
    "disaster",
    "outbreak",
    "epidemic",
    "pandemic",
    "war",
    "conflict",
    "crackdown",
    "attack",
    "crisis",
    "tragedy",
    "shooting",
    "massacre",
    // the generic heads any count of people takes: "45 persons dead"
    "people",
    "persons",
    "individuals",
];

/// Participles that do narrow a count: "suspected cases" are no confirmed
/// ones.
const NARROWING_PARTICIPLES_EN: &[&str] = &[
    "suspected",
    "unconfirmed",
    "vaccinated",
    "unvaccinated",
    "hospitalized",
    "hospitalised",
    "documented",
    "undocumented",
    "detained",
    "accompanied",
    "unaccompanied",
];

/// Irregular English verbs a subject phrase may open with.
const VERBS_EN: &[&str] = &[
    "rose", "fell", "hit", "stood", "stands", "made", "took", "came", "went", "lost", "left",
    "die", "dies", "kill", "kills", "cross", "crosses", "reach", "reaches", "grew", "spent",
];

/// Spanish adjectives that narrow a phrase to a part or a variant, before
/// or after it: "la pobreza extrema", "la extrema pobreza", "la tasa de
/// pobreza infantil", "casos sospechosos".
const NARROWING_ES: &[&str] = &[
    "infantil",
    "infantiles",
    "juvenil",
    "juveniles",
    "extrema",
    "extremo",
    "extremas",
    "extremos",
    "urbana",
    "urbano",
    "urbanas",
    "urbanos",
    "rural",
    "rurales",
    "femenina",
    "femenino",
    "masculina",
    "masculino",
    "mensual",
    "mensuales",
    "trimestral",
    "semanal",
    "diaria",
    "diario",
    "estatal",
    "estatales",
    "municipal",
    "municipales",
    "regional",
    "regionales",
    "subyacente",
    "núcleo",
    "alimentaria",
    "alimentario",
    "indirecta",
    "indirectas",
    "indirecto",
    "indirectos",
    "sospechosos",
    "sospechosas",
    "probables",
];
