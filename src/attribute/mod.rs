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
//! - An aside (`[TK: …]`, a parenthesis, a dash-set stretch) is a unit of its
//!   own: a subject inside it does not reach a number outside, nor the other way,
//!   unless the aside opens with the number right after the subject (an
//!   apposition: "deaths in custody—367 of them—").
//! - A number word under ten is a claim only where it directly counts the
//!   subject ("three people died in custody").
//! - A number in a sentence without a subject phrase is attributed only when
//!   the sentence opens by pointing back ("The figure", "That number") to the
//!   one figure the sentence before it named.
//! - [`modality`] says whether the claim is a forecast, history or a statement,
//!   and in which tense.

mod cues;
pub mod modality;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Sentence;
use crate::date::{self, Anchor, Date};
use crate::lang::Lang;
use crate::numbers::{Kind, Number};
use crate::rules::{Figure, Unit};
pub use crate::subject::{SubjectHit, SubjectMatcher};
use cues::Cues;
pub use modality::{Modality, Tense};

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
    /// The time the claim's clause speaks of ("by March 2024", "in 2023"), if
    /// it names one: the claim is judged against the values known then.
    pub anchor: Option<Anchor>,
    /// A statement, a forecast (not judged) or history (never stale).
    pub modality: Modality,
    /// The tense of the claim's clause.
    pub tense: Tense,
    /// The clause that holds the claim, in the text attribution read.
    pub clause: Range<usize>,
    /// The declared source the clause attributes the claim to, if any
    /// (an index into the rules' sources); set by [`crate::source`].
    pub source: Option<usize>,
}

/// A year tied to a number: `2.4 in 2023`, or `In 2023, … 2.4`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TiedYear {
    pub year: i32,
    pub start: usize,
    pub end: usize,
}

/// Whether a number of this kind can be a value of a figure with this unit.
/// `bare_rate` says whether a bare number may be a rate here: where the
/// subject itself says "rate", or the number continues a rate ("from 103 per
/// 100,000 to 2.4").
pub fn fits(unit: Unit, number: &Number, bare_rate: bool) -> bool {
    match unit {
        Unit::Count => number.kind == Kind::Count,
        Unit::Percent => matches!(number.kind, Kind::Percent | Kind::Points),
        // `the budget is 1.5 billion`: a scale word makes a bare number an amount.
        Unit::Money => number.kind == Kind::Money || (number.kind == Kind::Count && number.scaled),
        // A rate is written with its base or bare; a bare count in the hundreds
        // of thousands is a headcount, not a rate.
        Unit::Rate => {
            number.kind == Kind::Rate
                || (bare_rate && number.kind == Kind::Count && number.high < 100_000.0)
        }
    }
}

/// Whether a subject phrase names a rate in so many words.
fn says_rate(s: &Sentence, subject: &Range<usize>, cues: &Cues) -> bool {
    let phrase = s.slice(subject.clone());
    crate::phrase::tokens(phrase)
        .into_iter()
        .any(|w| phrase[w].eq_ignore_ascii_case(cues.rate_word))
}

/// Whether `subject` is the noun a rate counts, inside the rate as written:
/// `2.4 homicides per 100,000`.
fn counted_by_rate(number: &Number, subject: &Range<usize>) -> bool {
    number.kind == Kind::Rate && number.span.start < subject.start && subject.end <= number.span.end
}

/// Whether the number and the subject stand in the same unit of meaning: both
/// outside any aside, or in the same one, or the aside opens with the number
/// right after the subject.
fn same_unit(s: &Sentence, number: &Number, subject: &Range<usize>, cues: &Cues) -> bool {
    let here = s.aside_at(number.qualifier_start);
    let there = s.aside_at(subject.start);
    if here == there {
        return true;
    }
    let Some(aside) = here else {
        return false;
    };
    let opens_with_number = s
        .slice(aside.start..number.qualifier_start)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| cues.apposition_words.contains(&w.to_lowercase().as_str()));
    let right_after_subject = subject.end <= aside.start
        && s.slice(subject.end..aside.start).trim().is_empty()
        && s.aside_at(subject.start) == s.aside_at(aside.start);
    opens_with_number && right_after_subject
}

/// Whether a negation stands between the number and the subject: "three
/// detainees have not died in custody" says nothing of the figure.
fn negated(s: &Sentence, number: &Number, subject: &Range<usize>, cues: &Cues) -> bool {
    let between = if number.span.end <= subject.start {
        s.slice(number.span.end..subject.start)
    } else if subject.end <= number.qualifier_start {
        s.slice(subject.end..number.qualifier_start)
    } else {
        return false;
    };
    between
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| {
            let w = w.to_lowercase();
            cues.negations.contains(&w.as_str())
                || cues.negation_endings.iter().any(|e| w.ends_with(e))
        })
}

/// Words that may open an apposition before its number: `—then just 16—`.
const APPOSITION_WORDS: &[&str] = &[
    "then", "just", "only", "now", "still", "by", "at", "the", "time",
];

/// Whether a number word under ten directly counts the subject: the subject
/// follows it, with at most the counted noun and auxiliaries between.
fn small_word_counts(s: &Sentence, number: &Number, subject: &Range<usize>) -> bool {
    !number.small_word
        || (subject.start >= number.span.end
            && s.words_between(number.span.end..subject.start) <= 3
            && !s
                .slice(number.span.end..subject.start)
                .contains([',', ';', ':']))
}

/// Words after a number that make it an increment or a part, not the total:
/// `8 more victims`, `a further three`.
static INCREMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s\u{a0}]+(?:more|additional|further|new|other|extra)\b")
        .expect("increment pattern")
});
static INCREMENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a\s+further|another|an\s+additional|additional|other)\s+$")
        .expect("increment pattern")
});

/// Whether `number` counts an increment (`8 more victims`) or a remainder
/// (`another 40`) rather than the figure's total.
fn counts_an_increment(s: &Sentence, number: &Number, cues: &Cues) -> bool {
    cues.increment.is_match(s.after(number.span.end))
        || cues
            .increment_before
            .is_match(s.before(number.qualifier_start))
}

/// Whether the number's clause names a short window of time, so that the
/// number counts what happened in it: "603 capturas en las últimas 24
/// horas" is a day's arrests, not the total.
fn counts_a_window(s: &Sentence, number: &Number, cues: &Cues) -> bool {
    let Some(window) = cues.window else {
        return false;
    };
    let clause = modality::clause(s, &number.span, cues);
    // Before the number in its clause, or in the few words after it: a
    // window further on is about something else.
    let before = s.slice(clause.start..number.qualifier_start.max(clause.start));
    let after = s.slice(number.span.end.min(clause.end)..clause.end);
    let near_end = after
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(8)
        .map_or(after.len(), |(i, _)| i);
    window.is_match(before) || window.is_match(&after[..near_end])
}

/// Verbs that say what became of a subset of the people a figure counts:
/// `74 victims have been identified` counts the identified, not the victims.
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:identified|named|notified|located|recovered|found|released|rescued|treated|hospitali[sz]ed|injured|missing|unaccounted|buried|repatriated|evacuated)\b",
    )
    .expect("status pattern")
});

static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:names|identities|remains|bodies|families|relatives)\s+of\s+(?:the\s+)?$")
        .expect("part pattern")
});
static WHOLE_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bof\s+the\s+$").expect("whole pattern"));

/// Whether a status verb stands between the number and a subject after it,
/// or follows the subject in the same stretch of the clause.
fn counts_a_subset(s: &Sentence, number: &Number, subject: &Range<usize>, cues: &Cues) -> bool {
    let before = s.before(number.qualifier_start);
    // "the names of eight victims": what is told of them is a part.
    if cues.part_of.is_match(before) {
        return true;
    }
    if subject.start < number.span.end {
        return false;
    }
    // "46 individuals who were identified as victims": the status comes first.
    if cues
        .status
        .is_match(s.slice(number.span.end..subject.start))
    {
        return true;
    }
    // "three of the nearly 100 victims have been identified": the number
    // after `of the` is the whole the part is taken from.
    if cues.whole_of.is_match(before) {
        return false;
    }
    let stretch = rest_of_stretch(s, subject);
    let near: String = stretch
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    cues.status.is_match(&near)
}

/// Whether the subject is said of something the figure is not: the subject
/// stands in a relative clause whose antecedent is a proper name that the
/// figure's name and subjects do not hold ("Hurricane Katrina, which killed
/// about 1,800" in a story about Hurricane Maria).
///
/// A proper name elsewhere in the sentence is no such sign: "the death toll
/// from the Maui wildfire" and "the death toll from Hurricane Katrina" look
/// alike, and only one is about a Lahaina figure.
fn names_another_thing(s: &Sentence, subject: &Range<usize>, figure: &Figure, cues: &Cues) -> bool {
    let before = s.before(subject.start);
    let Some(relative) = cues.relative_end.find(before) else {
        return false;
    };
    let antecedent = &before[..relative.start()];
    let Some(word) = crate::phrase::tokens(antecedent).pop() else {
        return false;
    };
    if word.start == 0 || word.end != antecedent.trim_end().len() {
        return false;
    }
    let word = &antecedent[word];
    let mut chars = word.chars();
    let lower = word.to_lowercase();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
        && !cues.months.contains(&lower.as_str())
        && !cues.weekdays.contains(&lower.as_str())
        && !figure.name.to_lowercase().contains(&lower)
        && !figure
            .subjects_by_lang
            .iter()
            .flatten()
            .any(|s| s.to_lowercase().contains(&lower))
}

static RELATIVE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),?\s*\b(?:which|who|that)\s+$").expect("relative pattern"));

/// The words after the subject up to the next comma, colon, semicolon,
/// bracket or dash: what the clause goes on to say of it.
fn rest_of_stretch<'t>(s: &Sentence<'t>, subject: &Range<usize>) -> &'t str {
    let after = s.after(subject.end);
    after
        .find([',', ';', ':', '(', '—', '–'])
        .map_or(after, |i| &after[..i])
}

/// Whether the subject phrase is a participle that only describes the noun
/// the number counts, while another verb says what happened to them: in
/// "115 people killed in the fire have been identified", 115 counts the
/// people identified, not the people killed.
fn reduced_relative(s: &Sentence, number: &Number, subject: &Range<usize>, cues: &Cues) -> bool {
    let Some((ending, exception)) = cues.participle else {
        return false;
    };
    if subject.start < number.span.end {
        return false;
    }
    let first = leading_word(s.after(subject.start)).to_lowercase();
    if !first.ends_with(ending) || first == exception {
        return false;
    }
    let stretch = rest_of_stretch(s, subject);
    stretch.split_whitespace().take(8).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "have" | "has" | "had" | "were" | "was" | "are" | "is"
        )
    })
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
    "suspects",
    "salvadorans",
    "citizens",
    "residents",
    "inhabitants",
    "others",
    "times",
    "next",
    "a",
    "an",
    "each",
    "every",
    // when: "reached 106 Tuesday night" (and the days of the week)
    "today",
    "yesterday",
    "tonight",
    "night",
    "morning",
    "afternoon",
    "evening",
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

/// The word `rest` starts with.
fn leading_word(rest: &str) -> &str {
    let len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '’'))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..len]
}

/// Whether `number` counts some other noun than the one `subject` speaks of.
fn counts_another_noun(s: &Sentence, number: &Number, subject: &Range<usize>, cues: &Cues) -> bool {
    // An amount can be the price of something else too: `£5,500 minimum payment`.
    if !matches!(number.kind, Kind::Count | Kind::Money) {
        return false;
    }
    let after = s.after(number.span.end);
    let skipped = after.len() - after.trim_start_matches([' ', '\u{a0}', '-', '‑']).len();
    let w_start = number.span.end + skipped;
    let w = leading_word(&after[skipped..]);
    // The subject starts at (or inside) the word after the number: it is what
    // the number counts.
    if w.is_empty() || (w_start..=w_start + w.len()).contains(&subject.start) {
        return false;
    }
    let lower = w.to_lowercase();
    if cues.free_after.contains(&lower.as_str()) || cues.weekdays.contains(&lower.as_str()) {
        return false;
    }
    if subject.start > number.span.end {
        // Bound: the counted noun is the subject of the subject phrase's verb.
        let gap = s.slice(w_start + w.len()..subject.start);
        let only_auxiliaries = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
            .all(|t| cues.auxiliaries.contains(&t.to_lowercase().as_str()));
        if only_auxiliaries {
            return false;
        }
    }
    true
}

/// Whether a clause break stands between a number and a subject phrase.
fn in_another_clause(s: &Sentence, number: &Number, subject: &Range<usize>, cues: &Cues) -> bool {
    let gap = if number.span.end <= subject.start {
        number.span.end..subject.start
    } else {
        subject.end..number.qualifier_start.max(subject.end)
    };
    cues.clause_break.is_match(s.slice(gap))
}

static CHANGE_VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:rose|risen|rising|fell|fallen|falling|dropped|dropping|declined|decreased|increased|climbed|jumped|grew|grown|surged|plunged|plummeted|soared|sank|slid|went|came|reached|down|up)(?:\s+\w+)?\s+to\s+$",
    )
    .expect("change verb pattern")
});
/// `to` ending a stretch of text, with the few words that may stand between
/// it and the number it leads to: `to a record-low 2.4`.
static TO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bto(?:\s+(?:a|an|the|just|only|about|around|roughly|nearly|almost|some|record|record-low|record-high|new|all-time|historic|low|high|lows?|highs?|of|its|lowest|highest)){0,4}\s*$",
    )
    .expect("to pattern")
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
    /// The first value of a change construction (`from 38 … to 1.9`): history.
    earlier: bool,
}

/// A sentence that opens by pointing back at a figure the sentence before it
/// named: "The figure", "That number", "The prior high, 55,654, …".
static BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:(?:but|and|yet|so|still)\s+)?(?:the|that|this|its|their)\s+(?:(?:new|latest|current|official|final|revised|updated|prior|previous|earlier|old|overall|same)\s+)?(?:figure|number|toll|count|tally|total|estimate|high|low|record)\b",
    )
    .expect("back-reference pattern")
});

/// "puts that number at", "raised the toll to": a verb that points back anywhere in a sentence.
static POINTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:puts?|placed?|places|raised?|raises|lowered|lowers?|revised?|revises)\s+(?:that|this|the)\s+(?:number|figure|toll|count|tally|total|estimate)\b",
    )
    .expect("pointing pattern")
});
static OF_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+of\b").expect("of pattern"));

/// Attributes the numbers of `text` (as returned by the recogniser) to
/// figures; no sentence runs across one of `breaks`.
pub fn attribute(
    text: &str,
    breaks: &[usize],
    numbers: &[Number],
    figures: &[Figure],
    matcher: &SubjectMatcher,
    lang: Lang,
) -> Vec<Claim> {
    let sentences = crate::text::sentences_within(text, breaks, lang);
    let hits = matcher.find(text, 0..text.len());
    attribute_in(text, &sentences, &hits, numbers, figures, lang)
}

/// The subject hits that start in `range` (hits are in order).
fn hits_in<'h>(hits: &'h [SubjectHit], range: &Range<usize>) -> &'h [SubjectHit] {
    let first = hits.partition_point(|h| h.span.start < range.start);
    let last = hits.partition_point(|h| h.span.start < range.end);
    &hits[first..last]
}

/// Whether a sentence points back at a figure named before it ("The
/// figure …", "… puts the number at"), so that its numbers are worth reading
/// even though it names no figure itself.
pub fn points_back(sentence: &str, lang: Lang) -> bool {
    let cues = cues::of(lang);
    cues.back_reference.is_match(sentence) || cues.pointing.is_match(sentence)
}

/// The one figure the sentence `previous` names, if `sentence` opens by
/// pointing back at it and nothing but white space on one line stands
/// between them: the pointing phrase stands in for the subject.
fn back_reference(
    text: &str,
    hits: &[SubjectHit],
    previous: Option<&Range<usize>>,
    sentence: &Range<usize>,
    cues: &Cues,
) -> Option<SubjectHit> {
    let previous = previous?;
    let between = text.get(previous.end..sentence.start)?;
    if between.matches('\n').count() > 1 || !between.trim().is_empty() {
        return None;
    }
    let named = hits_in(hits, previous);
    let figure = named.first()?.figure;
    if named.iter().any(|h| h.figure != figure) {
        return None;
    }
    let m = cues
        .back_reference
        .find(&text[sentence.clone()])
        .or_else(|| cues.pointing.find(&text[sentence.clone()]))?;
    // "The number of missing people" names another quantity.
    if cues
        .of_after
        .is_match(&text[sentence.start + m.end()..sentence.end])
    {
        return None;
    }
    Some(SubjectHit {
        figure,
        span: sentence.start + m.end() - word_before_end(m.as_str())..sentence.start + m.end(),
    })
}

/// The length in bytes of the last word of `s`.
fn word_before_end(s: &str) -> usize {
    s.len() - s.trim_end_matches(|c: char| c.is_alphanumeric()).len()
}

/// [`attribute`], for callers that already have the sentences and the subject
/// hits of the whole text (both in order).
pub fn attribute_in(
    text: &str,
    sentences: &[Range<usize>],
    hits: &[SubjectHit],
    numbers: &[Number],
    figures: &[Figure],
    lang: Lang,
) -> Vec<Claim> {
    let cues = cues::of(lang);
    let mut claims = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let sentence = sentence.clone();
        let own = hits_in(hits, &sentence);
        let pointed;
        let subjects = if own.is_empty() {
            match back_reference(
                text,
                hits,
                index.checked_sub(1).map(|i| &sentences[i]),
                &sentence,
                cues,
            ) {
                Some(hit) => {
                    pointed = [hit];
                    &pointed[..]
                }
                None => continue,
            }
        } else {
            own
        };
        let first = numbers.partition_point(|n| n.span.start < sentence.start);
        let last = numbers.partition_point(|n| n.span.start < sentence.end);
        if first == last {
            continue;
        }
        let in_sentence: Vec<usize> = (first..last).collect();
        let s = Sentence::read(text, sentence.clone());
        // How far a number stands from a subject, in words and then in
        // punctuation marks, when it is within `window` words of it.
        let distance = |n: &Number, subject: &Range<usize>, window: usize| {
            let gap = if n.span.end <= subject.start {
                n.span.end..subject.start
            } else if subject.end <= n.qualifier_start {
                subject.end..n.qualifier_start
            } else {
                // The subject is the noun a rate counts, inside the number.
                subject.end..subject.end
            };
            let words = s.words_between(gap.clone());
            (words <= window).then(|| {
                let punctuation = s
                    .slice(gap)
                    .chars()
                    .filter(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–'))
                    .count();
                (words, punctuation)
            })
        };

        let mut proposals: Vec<Proposal> = Vec::new();
        for hit in subjects {
            // A phrase that runs on past the end of the sentence (a gap that
            // reached across a block break) names nothing in it.
            if hit.span.end > sentence.end && hit.span.start >= sentence.start {
                continue;
            }
            let figure = &figures[hit.figure];
            let bare_rate = says_rate(&s, &hit.span, cues);
            // Nearness first: it is cheap, and in a long sentence most
            // numbers stand too far from the subject to count.
            let candidates: Vec<(usize, (usize, usize))> = in_sentence
                .iter()
                .filter_map(|&i| Some((i, distance(&numbers[i], &hit.span, figure.window)?)))
                .filter(|&(i, _)| {
                    let n = &numbers[i];
                    let inside = counted_by_rate(n, &hit.span);
                    let overlaps = !inside
                        && n.full_span().start < hit.span.end
                        && hit.span.start < n.span.end;
                    !overlaps
                        && fits(figure.unit, n, bare_rate)
                        && same_unit(&s, n, &hit.span, cues)
                        && !in_another_clause(&s, n, &hit.span, cues)
                        && !counts_another_noun(&s, n, &hit.span, cues)
                        && small_word_counts(&s, n, &hit.span)
                        && !reduced_relative(&s, n, &hit.span, cues)
                        && !counts_an_increment(&s, n, cues)
                        && !counts_a_window(&s, n, cues)
                        && !counts_a_subset(&s, n, &hit.span, cues)
                        && !names_another_thing(&s, &hit.span, figure, cues)
                        && !negated(&s, n, &hit.span, cues)
                })
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
                earlier: false,
            });
            // The other end of a change shares the primary's unit: `from 103
            // per 100,000 … to 2.4` makes 2.4 a rate too.
            let partner_rate = bare_rate || numbers[primary].kind == Kind::Rate;
            let fitting: Vec<usize> = in_sentence
                .iter()
                .copied()
                .filter(|&i| {
                    fits(figure.unit, &numbers[i], partner_rate)
                        && same_unit(&s, &numbers[i], &hit.span, cues)
                })
                .collect();
            if let Some((other, partner_is_earlier)) =
                change_partner(&s, numbers, &fitting, primary, figure.window, cues)
            {
                proposals.last_mut().expect("just pushed").earlier = !partner_is_earlier;
                proposals.push(Proposal {
                    number: other,
                    figure: hit.figure,
                    subject: hit.span.clone(),
                    distance: best,
                    earlier: partner_is_earlier,
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
                let number = &numbers[best.number];
                let clause = modality::clause(&s, &number.span, cues);
                let mut framing = modality::modality(&s, &clause, number, cues);
                if best.earlier && framing == Modality::Assertion {
                    framing = Modality::History;
                }
                let year = tied_year_in(&s, number, cues);
                let figure = &figures[best.figure];
                let anchor = anchor(text, &clause, number, year, figure.since, lang);
                let per_year = figure.canonical().year.is_some();
                if framing == Modality::Assertion
                    && per_year
                    && date::period::part_of_year(
                        text,
                        &clause,
                        &number.span,
                        anchor.as_ref(),
                        year.map(|y| y.year),
                        lang,
                    )
                {
                    framing = Modality::PartOfYear;
                }
                claims.push(Claim {
                    figure: best.figure,
                    number: best.number,
                    subject: best.subject.clone(),
                    year,
                    anchor,
                    modality: framing,
                    tense: modality::tense(&s, &clause, number, cues),
                    clause,
                    source: None,
                });
            }
            i = group_end;
        }
    }
    claims
}

/// The other number of a change construction around `primary`, if any, and
/// whether it is the earlier value: `from 38 … to 1.9`, `… fell to 1.9` after
/// it, or `367, up from 261`.
fn change_partner(
    s: &Sentence,
    numbers: &[Number],
    fitting: &[usize],
    primary: usize,
    window: usize,
    cues: &Cues,
) -> Option<(usize, bool)> {
    let position = fitting.iter().position(|&i| i == primary)?;
    let p = &numbers[primary];
    // From the sentence's first word: what comes before it is no part of
    // a change.
    let sentence_start = s.words.first().copied().unwrap_or(s.range.start);
    let before_p = s.slice(sentence_start.min(p.qualifier_start)..p.qualifier_start);
    let near = |a: &Number, b: &Number| s.words_between(a.span.end..b.qualifier_start) <= window;
    if let Some(&next) = fitting.get(position + 1) {
        let q = &numbers[next];
        let between = s.slice(p.span.end..q.qualifier_start);
        let from_to = cues.opens_change(before_p) && cues.to_before.is_match(between);
        if (from_to || cues.change_verb_before.is_match(between)) && near(p, q) {
            return Some((next, false));
        }
        if cues.up_from.is_match(between) && near(p, q) {
            return Some((next, true));
        }
    }
    if position > 0 && cues.to_before.is_match(before_p) {
        let previous = fitting[position - 1];
        let o = &numbers[previous];
        let before_o = s.slice(sentence_start.min(o.qualifier_start)..o.qualifier_start);
        if cues.opens_change(before_o) && near(o, p) {
            return Some((previous, true));
        }
    }
    None
}

/// The time a claim's clause speaks of: a cued date ("by March 2024"), a
/// month ("in March 2024"), a count from the figure's start ("two years into"),
/// or else the year tied to the number, when it stands in the same clause.
fn anchor(
    text: &str,
    clause: &Range<usize>,
    number: &Number,
    year: Option<TiedYear>,
    since: Option<Date>,
    lang: Lang,
) -> Option<Anchor> {
    date::anchor::find(text, clause, &number.span, since, lang).or_else(|| {
        let year = year?;
        (clause.start <= year.start && year.end <= clause.end).then(|| Anchor {
            date: Date::year(year.year),
            start: year.start,
            end: year.end,
            firm: false,
            counted: false,
        })
    })
}

/// `, up from` before the earlier value of a change that names it second.
static UP_FROM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^,?\s*(?:up|down)\s+from\s+$").expect("up-from pattern"));

/// The year a sentence ties a number to: one that follows it in the same clause
/// (`2.4 in 2023`, `2.4 (2023)`), or one that opens the sentence (`In 2023, …`).
pub fn tied_year(text: &str, sentence: &Range<usize>, number: &Number) -> Option<TiedYear> {
    tied_year_in(
        &Sentence::read(text, sentence.clone()),
        number,
        cues::of(Lang::En),
    )
}

/// [`tied_year`] in a sentence written in the language of `cues`.
fn tied_year_in(s: &Sentence, number: &Number, cues: &Cues) -> Option<TiedYear> {
    let sentence = &s.range;
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
    cues.following_year
        .captures(s.after(end))
        .and_then(|caps| year_at(caps, end))
        .or_else(|| {
            cues.opening_year
                .captures(s.all())
                .and_then(|caps| year_at(caps, sentence.start))
                .filter(|y| y.end <= number.qualifier_start)
        })
}

#[cfg(test)]
mod tests;
