//! Which number is a claim about which figure.
//!
//! Precision comes first: a false alarm in CI costs more than a miss, so a
//! number is attributed only when the sentence leaves little doubt.
//!
//! - A subject phrase and a number must share a sentence and stand within the
//!   figure's window of words; the number's kind must fit the figure's unit.
//! - A subject occurrence claims its nearest fitting number; a further number only
//!   in a change construction (`from 38 to 1.9`, `fell to 1.9`).
//! - A number that counts another noun (`261 deportees`, `40,000 lost power`) is
//!   not about a subject elsewhere in the sentence, unless that noun is the one
//!   the subject phrase speaks of (`261 detainees have died in custody`).
//! - A number claimed by subjects of two figures goes to the nearest; a tie
//!   between figures attributes it to neither.
//! - A number and a subject in different clauses of a sentence (joined by `;`
//!   or by `, and`, `, but`, `, while` …) are not attributed to each other.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::numbers::{Kind, Number};
use crate::rules::{Figure, Unit};
use crate::text;

/// A number that the sentence around it ties to a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Index of the figure in the rules.
    pub figure: usize,
    /// Index of the number in the list the claims were made from.
    pub number: usize,
    /// The subject phrase that names the figure.
    pub subject: Range<usize>,
    /// The year the sentence ties the number to, if any.
    pub year: Option<TiedYear>,
}

/// A year tied to a number: `2.4 in 2023`, or `In 2023, … 2.4`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TiedYear {
    pub year: i32,
    pub start: usize,
    pub end: usize,
}

/// An occurrence of a figure's subject phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectHit {
    pub figure: usize,
    pub span: Range<usize>,
}

/// Finds the subject phrases of all figures in one pass.
#[derive(Debug, Clone)]
pub struct SubjectMatcher {
    regex: Option<Regex>,
    /// Normalised phrase → the figures that use it.
    figures: HashMap<String, Vec<usize>>,
}

fn normalise(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl SubjectMatcher {
    pub fn new(figures: &[Figure]) -> SubjectMatcher {
        let mut by_phrase: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, figure) in figures.iter().enumerate() {
            for subject in &figure.subjects {
                let list = by_phrase.entry(normalise(subject)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        let mut phrases: Vec<&String> = by_phrase.keys().collect();
        // Longest first, so that the longest phrase at a position wins.
        phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternatives: Vec<String> = phrases
            .iter()
            .map(|phrase| {
                let body = phrase
                    .split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+");
                // ASCII word boundaries keep the regex engine on its fast
                // automaton whatever the draft holds; `find` checks the
                // boundaries again with Unicode word characters.
                let ascii_edge =
                    |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                format!(
                    "{}{body}{}",
                    if ascii_edge(phrase.chars().next()) {
                        r"(?-u:\b)"
                    } else {
                        ""
                    },
                    if ascii_edge(phrase.chars().next_back()) {
                        r"(?-u:\b)"
                    } else {
                        ""
                    },
                )
            })
            .collect();
        let regex = (!alternatives.is_empty()).then(|| {
            Regex::new(&format!("(?i)(?:{})", alternatives.join("|")))
                .expect("escaped subject phrases always compile")
        });
        SubjectMatcher {
            regex,
            figures: by_phrase,
        }
    }

    /// Every subject occurrence in `text[range]`, in order.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<SubjectHit> {
        let Some(regex) = &self.regex else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        for m in regex.find_iter(&text[range.clone()]) {
            let span = range.start + m.start()..range.start + m.end();
            // Whole words only: a phrase that starts (ends) with a letter must
            // not follow (precede) another letter, in any script.
            let phrase = m.as_str();
            let starts_in_word =
                word(phrase.chars().next()) && word(text[..span.start].chars().next_back());
            let ends_in_word =
                word(phrase.chars().next_back()) && word(text[span.end..].chars().next());
            if starts_in_word || ends_in_word {
                continue;
            }
            if let Some(figures) = self.figures.get(&normalise(m.as_str())) {
                hits.extend(figures.iter().map(|&figure| SubjectHit {
                    figure,
                    span: span.clone(),
                }));
            }
        }
        hits
    }
}

/// Whether a number of this kind can be a value of a figure with this unit.
pub fn fits(unit: Unit, number: &Number) -> bool {
    match unit {
        Unit::Count => number.kind == Kind::Count,
        Unit::Percent => number.kind == Kind::Percent,
        Unit::Money => number.kind == Kind::Money,
        // A rate is written with its base or bare; a bare count in the hundreds
        // of thousands is a headcount, not a rate.
        Unit::Rate => {
            number.kind == Kind::Rate || (number.kind == Kind::Count && number.high < 100_000.0)
        }
    }
}

/// Words after a number that do not make it count something else.
const FREE_AFTER: &[&str] = &[
    // function words
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "since",
    "during",
    "as",
    "and",
    "or",
    "but",
    "than",
    "per",
    "with",
    "without",
    "between",
    "under",
    "over",
    "according",
    "so",
    "far",
    "this",
    "that",
    "last",
    "until",
    "before",
    "after",
    "while",
    "when",
    "whom",
    "who",
    "which",
    "in",
    // auxiliaries
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "be",
    "will",
    "would",
    "could",
    "may",
    "might",
    "remain",
    "remained",
    // generic heads that any count of people may take
    "people",
    "persons",
    "individuals",
    "inmates",
    "prisoners",
    "detainees",
    "defendants",
    "men",
    "women",
    "children",
    "minors",
    "suspects",
    "adults",
    "salvadorans",
    "citizens",
    "residents",
    "inhabitants",
    "others",
    "more",
    "times",
    "cases",
    "total",
    "in total",
];

/// Words that may stand between a counted noun and the subject phrase it is the
/// subject of: `261 detainees have reportedly died in custody`.
const AUXILIARIES: &[&str] = &[
    "have",
    "has",
    "had",
    "been",
    "were",
    "was",
    "are",
    "is",
    "who",
    "that",
    "which",
    "reportedly",
    "allegedly",
    "also",
    "already",
    "now",
    "since",
    "all",
    "later",
    "subsequently",
    "ever",
    "officially",
    "then",
    "to",
    "be",
    "being",
    "will",
    "would",
    "could",
    "may",
    "might",
];

fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '’'))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..len]
}

/// Whether `number` counts some other noun than the one `subject` speaks of.
fn counts_another_noun(text: &str, number: &Number, subject: &Range<usize>) -> bool {
    if number.kind != Kind::Count {
        return false;
    }
    let after = &text[number.span.end..];
    let skipped = after.len() - after.trim_start_matches([' ', '\u{a0}', '-', '‑']).len();
    let w_start = number.span.end + skipped;
    let w = word_at(text, w_start);
    // The subject starts at (or inside) the word after the number: it is what
    // the number counts.
    if w.is_empty() || (w_start..=w_start + w.len()).contains(&subject.start) {
        return false;
    }
    let lower = w.to_lowercase();
    if FREE_AFTER.contains(&lower.as_str()) {
        return false;
    }
    if subject.start > number.span.end {
        // Bound: the counted noun is the subject of the subject phrase's verb.
        let gap = &text[w_start + w.len()..subject.start];
        let only_auxiliaries = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
            .all(|t| AUXILIARIES.contains(&t.to_lowercase().as_str()));
        if only_auxiliaries {
            return false;
        }
    }
    true
}

/// A break between two clauses that each have their own subject.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|,\s+(?:and|but|while|whereas|although|though|yet)\b")
        .expect("clause pattern")
});

/// Whether a clause break stands between a number and a subject phrase.
fn in_another_clause(text: &str, number: &Number, subject: &Range<usize>) -> bool {
    let gap = if number.span.end <= subject.start {
        number.span.end..subject.start
    } else {
        subject.end..number.qualifier_start.max(subject.end)
    };
    CLAUSE_BREAK.is_match(&text[gap])
}

static CHANGE_VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:rose|risen|rising|fell|fallen|falling|dropped|dropping|declined|decreased|increased|climbed|jumped|grew|grown|surged|plunged|plummeted|soared|sank|slid|went|came|reached|down|up)(?:\s+\w+)?\s+to\s+$",
    )
    .expect("change verb pattern")
});
static FOLLOWING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:\(|(?:in|for|during|in\s+the\s+year)\s+)(\d{4})\b")
        .expect("year pattern")
});
static OPENING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^\w]*(?:In|During|For|Throughout)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(\d{4})\b",
    )
    .expect("opening year pattern")
});

fn last_word(text: &str) -> String {
    text.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// A proposed attribution, before conflicts between figures are settled.
struct Proposal {
    number: usize,
    figure: usize,
    subject: Range<usize>,
    distance: (usize, usize),
}

/// Attributes the numbers of `text` (as returned by the recogniser) to
/// figures; no sentence runs across one of `breaks`.
pub fn attribute(
    text: &str,
    breaks: &[usize],
    numbers: &[Number],
    figures: &[Figure],
    matcher: &SubjectMatcher,
) -> Vec<Claim> {
    let sentences = text::sentences_within(text, breaks);
    let hits = matcher.find(text, 0..text.len());
    attribute_in(text, &sentences, &hits, numbers, figures)
}

/// [`attribute`], for callers that already have the sentences and the subject
/// hits of the whole text (both in order).
pub fn attribute_in(
    text: &str,
    sentences: &[Range<usize>],
    hits: &[SubjectHit],
    numbers: &[Number],
    figures: &[Figure],
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for sentence in sentences {
        let sentence = sentence.clone();
        let first_hit = hits.partition_point(|h| h.span.start < sentence.start);
        let last_hit = hits.partition_point(|h| h.span.start < sentence.end);
        let subjects = &hits[first_hit..last_hit];
        if subjects.is_empty() {
            continue;
        }
        let first = numbers.partition_point(|n| n.span.start < sentence.start);
        let last = numbers.partition_point(|n| n.span.start < sentence.end);
        if first == last {
            continue;
        }
        let in_sentence: Vec<usize> = (first..last).collect();
        let words = text::word_starts(text, sentence.clone());
        let distance = |n: &Number, s: &Range<usize>| -> (usize, usize) {
            let gap = if n.span.end <= s.start {
                n.span.end..s.start
            } else {
                s.end..n.qualifier_start
            };
            let punctuation = text[gap.clone()]
                .chars()
                .filter(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–'))
                .count();
            (text::words_between(&words, gap), punctuation)
        };

        let mut proposals: Vec<Proposal> = Vec::new();
        for hit in subjects {
            let figure = &figures[hit.figure];
            let candidates: Vec<(usize, (usize, usize))> = in_sentence
                .iter()
                .copied()
                .filter(|&i| {
                    let n = &numbers[i];
                    let overlaps =
                        n.full_span().start < hit.span.end && hit.span.start < n.span.end;
                    !overlaps
                        && fits(figure.unit, n)
                        && !in_another_clause(text, n, &hit.span)
                        && !counts_another_noun(text, n, &hit.span)
                })
                .map(|i| (i, distance(&numbers[i], &hit.span)))
                .filter(|(_, d)| d.0 <= figure.window)
                .collect();
            let Some(best) = candidates.iter().map(|c| c.1).min() else {
                continue;
            };
            let nearest: Vec<usize> = candidates
                .iter()
                .filter(|c| c.1 == best)
                .map(|c| c.0)
                .collect();
            if nearest.len() != 1 {
                continue; // two numbers equally near: unclear, so neither
            }
            let primary = nearest[0];
            proposals.push(Proposal {
                number: primary,
                figure: hit.figure,
                subject: hit.span.clone(),
                distance: best,
            });
            let fitting: Vec<usize> = in_sentence
                .iter()
                .copied()
                .filter(|&i| fits(figure.unit, &numbers[i]))
                .collect();
            if let Some(other) =
                change_partner(text, numbers, &fitting, primary, &words, figure.window)
            {
                proposals.push(Proposal {
                    number: other,
                    figure: hit.figure,
                    subject: hit.span.clone(),
                    distance: best,
                });
            }
        }

        // One figure per number: the nearest subject wins; a tie between figures is unclear.
        proposals.sort_by_key(|p| (p.number, p.distance, p.figure));
        let mut i = 0;
        while i < proposals.len() {
            let group_end = proposals[i..]
                .iter()
                .position(|p| p.number != proposals[i].number)
                .map_or(proposals.len(), |k| i + k);
            let best = &proposals[i];
            let contested = proposals[i + 1..group_end]
                .iter()
                .any(|p| p.distance == best.distance && p.figure != best.figure);
            if !contested {
                claims.push(Claim {
                    figure: best.figure,
                    number: best.number,
                    subject: best.subject.clone(),
                    year: tied_year(text, &sentence, &numbers[best.number]),
                });
            }
            i = group_end;
        }
    }
    claims
}

/// The other number of a change construction around `primary`, if any:
/// `from 38 … to 1.9`, or `… fell to 1.9` after it.
fn change_partner(
    text: &str,
    numbers: &[Number],
    fitting: &[usize],
    primary: usize,
    words: &[usize],
    window: usize,
) -> Option<usize> {
    let position = fitting.iter().position(|&i| i == primary)?;
    let p = &numbers[primary];
    let sentence_start = words.first().copied().unwrap_or(0);
    let before_p = &text[sentence_start.min(p.qualifier_start)..p.qualifier_start];
    let near = |a: &Number, b: &Number| {
        text::words_between(words, a.span.end..b.qualifier_start) <= window
    };
    if let Some(&next) = fitting.get(position + 1) {
        let q = &numbers[next];
        let between = &text[p.span.end..q.qualifier_start];
        let from_to = last_word(before_p) == "from" && last_word(between) == "to";
        if (from_to || CHANGE_VERB_BEFORE.is_match(between)) && near(p, q) {
            return Some(next);
        }
    }
    if position > 0 && last_word(before_p) == "to" {
        let previous = fitting[position - 1];
        let o = &numbers[previous];
        let before_o = &text[sentence_start.min(o.qualifier_start)..o.qualifier_start];
        if last_word(before_o) == "from" && near(o, p) {
            return Some(previous);
        }
    }
    None
}

/// The year a sentence ties a number to: one that follows it in the same clause
/// (`2.4 in 2023`, `2.4 (2023)`), or one that opens the sentence (`In 2023, …`).
pub fn tied_year(text: &str, sentence: &Range<usize>, number: &Number) -> Option<TiedYear> {
    let end = number.span.end.min(sentence.end);
    let year_at = |caps: regex::Captures, offset: usize| {
        let m = caps.get(1)?;
        let year: i32 = m.as_str().parse().ok()?;
        (1700..=2100).contains(&year).then_some(TiedYear {
            year,
            start: offset + m.start(),
            end: offset + m.end(),
        })
    };
    FOLLOWING_YEAR
        .captures(&text[end..sentence.end])
        .and_then(|caps| year_at(caps, end))
        .or_else(|| {
            OPENING_YEAR
                .captures(&text[sentence.clone()])
                .and_then(|caps| year_at(caps, sentence.start))
                .filter(|y| y.end <= number.qualifier_start)
        })
}

#[cfg(test)]
mod tests;
