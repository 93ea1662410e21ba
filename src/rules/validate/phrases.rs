//! The words a rules file writes: subject and excluded phrases, ids, and
//! what a share may be taken of.

use std::ops::Range;

use crate::phrase::expand;
use crate::rules::{RulesDiagnostic, Unit};

/// Common English words: as a whole subject phrase, each matches far too much prose.
pub(super) const COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "but",
    "by",
    "can",
    "case",
    "cases",
    "could",
    "day",
    "did",
    "do",
    "each",
    "even",
    "first",
    "for",
    "from",
    "get",
    "good",
    "government",
    "group",
    "had",
    "has",
    "have",
    "he",
    "her",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "life",
    "like",
    "made",
    "make",
    "man",
    "many",
    "may",
    "men",
    "more",
    "most",
    "much",
    "new",
    "no",
    "not",
    "now",
    "number",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "part",
    "people",
    "per",
    "percent",
    "place",
    "rate",
    "report",
    "said",
    "same",
    "say",
    "says",
    "she",
    "so",
    "some",
    "state",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "time",
    "times",
    "to",
    "total",
    "two",
    "up",
    "us",
    "use",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "which",
    "who",
    "will",
    "with",
    "women",
    "work",
    "world",
    "would",
    "year",
    "years",
    "you",
];

/// The most characters of a rules file's own text a message quotes.
const QUOTED: usize = 60;

/// `text` as a message quotes it: its first [`QUOTED`] characters, with `…`
/// when there is more. A rules file's subject of two megabytes is named, not
/// printed.
pub(super) fn cut(text: &str) -> String {
    match text.char_indices().nth(QUOTED) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Which list of a figure's phrases one is in, for its messages.
#[derive(Clone, Copy)]
pub(super) enum PhraseList {
    Subjects,
    Excluded,
}

/// What is wrong with one phrase of a figure's `subjects` or `exclude`, if
/// anything: no words in it, or a pattern that cannot be read. `span` is
/// the phrase's TOML string, quotes included.
pub(super) fn phrase_problem(
    phrase: &str,
    span: &Range<usize>,
    id: &str,
    list: PhraseList,
    new: &dyn Fn(&'static str, String) -> RulesDiagnostic,
) -> Option<RulesDiagnostic> {
    if !phrase.chars().any(char::is_alphanumeric) {
        let (message, help) = match list {
            PhraseList::Subjects => (
                format!("figure `{id}` has a subject phrase with no words in it"),
                "remove it, or write the words that name the figure in prose",
            ),
            PhraseList::Excluded => (
                format!("figure `{id}` excludes a phrase with no words in it"),
                "remove it, or write the words of the other quantity",
            ),
        };
        return Some(
            new("figcheck::rules::empty-subject", message)
                .label(span.clone(), "no letters or digits")
                .help(help),
        );
    }
    let e = crate::phrase::expand(phrase).err()?;
    let (message, help) = match list {
        PhraseList::Subjects => (
            format!("the subject \"{}\" of `{id}` cannot be read", cut(phrase)),
            "write choices as (died|deaths) and optional words as [state]; see docs/rules.md, \"Subject phrases\"",
        ),
        PhraseList::Excluded => (
            format!("the excluded phrase \"{}\" of `{id}` cannot be read", cut(phrase)),
            "write choices as (extreme|absolute) and optional words as [rate]; see docs/rules.md, \"Subject phrases\"",
        ),
    };
    // The phrase is a TOML string: its text starts after the quote.
    let at = span.start + 1 + e.at.start..span.start + 1 + e.at.end;
    Some(
        new("figcheck::rules::invalid-subject", message)
            .label(at, e.message)
            .help(help),
    )
}

pub(super) fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A kebab-case suggestion for an id: `Deaths_in custody` → `deaths-in-custody`.
pub(super) fn kebab(id: &str) -> String {
    let lowered: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lowered
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// What a share may be taken of: the figure's `share_of` phrases and, for a
/// count, its own (English) subject phrases, with and without `the`: "1.6%
/// of the prison population" is a share of the figure "prison population"
/// names. A rate or a percentage is no whole a share is taken of.
pub(super) fn wholes(share_of: Vec<String>, subjects: &[String], unit: Unit) -> Vec<String> {
    let mut out = share_of;
    if unit != Unit::Count {
        return out;
    }
    for subject in subjects {
        for words in expand(subject).unwrap_or_default() {
            let phrase = words.join(" ");
            let determined = matches!(words.first().map(String::as_str), Some("the" | "a" | "an"));
            let the = (!determined).then(|| format!("the {phrase}"));
            for p in std::iter::once(phrase).chain(the) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&p)) {
                    out.push(p);
                }
            }
        }
    }
    out
}
