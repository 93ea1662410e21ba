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
mod evidence;
pub mod list;
pub mod modality;
pub mod table;
pub mod tier;

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
use evidence::{
    after_an_addition, after_an_opening_whole, counted_by_rate, counts_a_difference,
    counts_a_subset, counts_a_window, counts_an_increment, counts_another_noun,
    counts_the_verb_s_subject, crosses_a_threshold, in_another_clause, is_taken_of, named_part,
    names_a_whole, names_another_thing, negated, part_figure, reduced_relative, same_unit,
    says_rate, small_word_counts,
};
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
    /// A year the clause names relative to the draft's date ("last year"),
    /// where it names no year itself.
    pub relative_year: Option<RelativeYear>,
    /// The time the claim's clause speaks of ("by March 2024", "in 2023"), if
    /// it names one: the claim is judged against the values known then.
    pub anchor: Option<Anchor>,
    /// A statement, a forecast (not judged) or history (never stale).
    pub modality: Modality,
    /// The tense of the claim's clause.
    pub tense: Tense,
    /// The clause that holds the claim, in the text attribution read.
    pub clause: Range<usize>,
    /// The sentence that holds the clause.
    pub sentence: Range<usize>,
    /// The part of the clause that speaks of the number: up to it, and on
    /// to the next mark after it ("49 people died in South Carolina", not
    /// "…, the governor of Georgia said").
    pub reach: Range<usize>,
    /// The declared source the clause attributes the claim to, if any
    /// (an index into the rules' sources); set by [`crate::source`].
    pub source: Option<usize>,
    /// What was weighed about the attribution, its score (the probability
    /// that a finding about the claim is right) and the tier that follows.
    pub evidence: tier::Evidence,
    pub score: f64,
    pub tier: tier::Tier,
}

/// A year named relative to the draft's date ("last year"): resolved, once
/// the draft's date is known, into the claim's [`TiedYear`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelativeYear {
    /// Years from the draft's: -1 for "last year".
    pub offset: i32,
    pub start: usize,
    pub end: usize,
}

impl RelativeYear {
    /// The year this is, in a draft written in `draft_year`.
    pub fn at(self, draft_year: i32) -> TiedYear {
        TiedYear {
            year: draft_year + self.offset,
            start: self.start,
            end: self.end,
        }
    }
}

/// A year tied to a number: `2.4 in 2023`, or `In 2023, … 2.4`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TiedYear {
    pub year: i32,
    pub start: usize,
    pub end: usize,
}

/// Whether a number of this kind can be a value of `figure`, given its unit.
/// `bare_rate` says whether a bare number may be a rate here: where the
/// subject itself says "rate", or the number continues a rate ("from 103 per
/// 100,000 to 2.4"). A count whose every value is whole is never written
/// with a fraction (`25,5` is a rate, not so many homicides) unless a scale
/// word makes it whole ("1.5 million").
pub fn fits(figure: &Figure, number: &Number, bare_rate: bool) -> bool {
    match figure.unit {
        Unit::Count => {
            let fraction = number.low.fract() != 0.0 || number.high.fract() != 0.0;
            number.kind == Kind::Count && !(fraction && !number.scaled && figure.counts_whole())
        }
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

/// A proposed attribution, before conflicts between figures are settled.
struct Proposal {
    number: usize,
    figure: usize,
    subject: Range<usize>,
    distance: (usize, usize),
    /// The first value of a change construction (`from 38 … to 1.9`): history.
    earlier: bool,
    /// The subject matched through a word family, not the desk's own words.
    family: bool,
    /// A value after the first of a series by year: the year that tags it.
    series_year: Option<TiedYear>,
}

/// The proposal for one number that wins among `group` (sorted nearest
/// first): the nearest, unless another figure's subject phrase runs over
/// the same words and further ("people died" and "died in South Carolina"
/// in "49 people died in South Carolina"): the longer phrase names the
/// narrower quantity, and the number is that one's.
fn narrowest(group: &[Proposal]) -> &Proposal {
    let nearest = &group[0];
    group
        .iter()
        .filter(|p| p.figure != nearest.figure)
        .filter(|p| overlaps(&p.subject, &nearest.subject))
        .max_by_key(|p| (p.subject.len(), std::cmp::Reverse(p.distance)))
        .filter(|p| p.subject.len() > nearest.subject.len())
        .unwrap_or(nearest)
}

/// Whether two byte ranges share a byte.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

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
    attribute_in(text, &sentences, &hits, numbers, figures, matcher, lang)
}

/// The subject hits that start in `range` (hits are in order).
pub fn hits_in<'h>(hits: &'h [SubjectHit], range: &Range<usize>) -> &'h [SubjectHit] {
    let first = hits.partition_point(|h| h.span.start < range.start);
    let last = hits.partition_point(|h| h.span.start < range.end);
    &hits[first..last]
}

/// Whether a sentence points back at a figure named before it ("The
/// figure …", "… puts the number at"), so that its numbers are worth reading
/// even though it names no figure itself.
pub fn points_back(sentence: &str, lang: Lang) -> bool {
    let cues = cues::of(lang);
    cues.back_reference.is_match(sentence)
        || cues.pointing.is_match(sentence)
        || cues.pronoun_back.is_match(sentence)
}

/// How many words a verb of change ("rose to", "aumentó a") may stand from
/// the subject it follows: a sentence's subject with its description ("El
/// número de fallecidos en los incendios que azotan la región de
/// Valparaíso, a 100 kilómetros de Santiago, aumentó a 99").
const LONG_SUBJECT: usize = 24;

/// The most sentences a reference back reaches over, in its paragraph.
pub const TOPIC_REACH: usize = 4;

/// The figure that is the topic where `sentence` stands: the one figure the
/// nearest sentence before it that names any figure names, in the same
/// paragraph (or, for an explicit pointer, the one before) and at most
/// [`TOPIC_REACH`] sentences back; and the pointing phrase that stands in
/// for its subject, if `sentence` opens by pointing back ("The figure …",
/// "Previously, it stood at …") or points back anywhere ("…, bringing the
/// year's total to …").
fn back_reference(
    text: &str,
    hits: &[SubjectHit],
    before: &[Range<usize>],
    sentence: &Range<usize>,
    matcher: &SubjectMatcher,
    cues: &Cues,
) -> Option<(SubjectHit, bool)> {
    let sentence_text = &text[sentence.clone()];
    let pointing = cues.pointing.find(sentence_text);
    let pointer = cues.back_reference.find(sentence_text).or(pointing);
    // A word of the topic's own family names it, as a verb that points
    // back does, even from the paragraph after.
    let says_family_word = || matcher.says_a_family_word(text, sentence.clone());
    let mut after = sentence.start;
    let mut figure = None;
    let mut far = false;
    // Paragraph breaks passed: a verb that points back ("bringing the
    // year's total to …") reaches over one, to the paragraph before; a bare
    // "The figure" opening a paragraph may be about anything.
    let mut breaks = 0;
    for (back, previous) in before.iter().rev().take(TOPIC_REACH).enumerate() {
        let between = text.get(previous.end..after)?;
        if !between.trim().is_empty() {
            return None;
        }
        if between.matches('\n').count() > 1 {
            if breaks > 0 || (pointing.is_none() && !says_family_word()) {
                return None;
            }
            breaks += 1;
        }
        let named = hits_in(hits, previous);
        if let Some(first) = named.first() {
            if named.iter().any(|h| h.figure != first.figure) {
                return None;
            }
            figure = Some(first.figure);
            far = back > 0 || breaks > 0;
            break;
        }
        after = previous.start;
    }
    let figure = figure?;
    if let Some(m) = cues
        .pronoun_back
        .find(sentence_text)
        .filter(|_| breaks == 0)
    {
        // "it" or the verb stands in for the subject; always weaker.
        let span = sentence.start + m.end() - word_before_end(m.as_str())..sentence.start + m.end();
        return Some((
            SubjectHit {
                family: false,
                figure,
                span,
                around: false,
            },
            true,
        ));
    }
    // The topic's own noun, through its word family: "The number of deaths
    // stood at 225", "The storm's fatalities … is 233". Always weaker.
    let family_word = || {
        let span = matcher.family_word(text, sentence.clone(), figure)?;
        Some((
            SubjectHit {
                family: true,
                figure,
                span,
                around: false,
            },
            true,
        ))
    };
    let Some(m) = pointer.filter(|_| breaks == 0 || pointing.is_some()) else {
        return family_word();
    };
    // "The number of missing people" names another quantity.
    if cues
        .of_after
        .is_match(&text[sentence.start + m.end()..sentence.end])
    {
        return family_word();
    }
    Some((
        SubjectHit {
            family: false,
            figure,
            span: sentence.start + m.end() - word_before_end(m.as_str())..sentence.start + m.end(),
            around: false,
        },
        far,
    ))
}

/// A pointing phrase in a sentence that names one figure, standing in for
/// that figure: "408 people arrived yesterday, bringing the year's total to
/// 21,063" makes 21,063 the figure's total, as its own subject makes 408 a
/// count of arrivals.
fn pointer_to_own(
    text: &str,
    own: &[SubjectHit],
    sentence: &Range<usize>,
    cues: &Cues,
) -> Option<SubjectHit> {
    let first = own.first()?;
    if own.iter().any(|h| h.figure != first.figure) {
        return None;
    }
    let m = cues.pointing.find(&text[sentence.clone()])?;
    let span = sentence.start + m.end() - word_before_end(m.as_str())..sentence.start + m.end();
    if own.iter().any(|h| overlaps(&h.span, &span))
        || cues.of_after.is_match(&text[span.end..sentence.end])
    {
        return None;
    }
    Some(SubjectHit {
        family: first.family,
        figure: first.figure,
        span,
        around: false,
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
    matcher: &SubjectMatcher,
    lang: Lang,
) -> Vec<Claim> {
    let cues = cues::of(lang);
    let mut claims = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let sentence = sentence.clone();
        // A sentence without a number claims nothing: none of the readings
        // below is needed.
        let first = numbers.partition_point(|n| n.span.start < sentence.start);
        let last = numbers.partition_point(|n| n.span.start < sentence.end);
        if first == last {
            continue;
        }
        let own = hits_in(hits, &sentence);
        let pointed;
        let with_pointer: Vec<SubjectHit>;
        let referred = own.is_empty();
        // A topic reached over other sentences, or by a pronoun: weaker.
        let mut weak_reference = false;
        let subjects = if own.is_empty() {
            match back_reference(text, hits, &sentences[..index], &sentence, matcher, cues) {
                Some((hit, weaker)) => {
                    weak_reference = weaker;
                    pointed = [hit];
                    &pointed[..]
                }
                None => continue,
            }
        } else {
            match pointer_to_own(text, own, &sentence, cues) {
                Some(hit) => {
                    with_pointer = own.iter().cloned().chain([hit]).collect();
                    &with_pointer[..]
                }
                None => own,
            }
        };
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
            let words = if counts_the_verb_s_subject(&s, n, subject, cues) {
                0
            } else {
                s.words_between_outside_asides(gap.clone())
            };
            // A verb of change or standing right before the number ("…, rose
            // to 99", "aumentó a 99") takes the subject its sentence opened
            // with, however long that subject's words ran.
            let changed_to = subject.end <= n.qualifier_start
                && (changed_to(&s, n, cues, subject.end) || stands_at(&s, n, cues, subject.end));
            let reach = if changed_to {
                window.max(LONG_SUBJECT)
            } else {
                window
            };
            (words <= reach).then(|| {
                let punctuation = s
                    .slice(gap)
                    .chars()
                    .filter(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–'))
                    .count();
                (words, punctuation)
            })
        };

        let mut proposals: Vec<Proposal> = Vec::new();
        // The numbers of the sentence framed as history so far.
        let mut history: Vec<usize> = Vec::new();
        for hit in subjects {
            // A phrase that runs on past the end of the sentence (a gap that
            // reached across a block break) names nothing in it.
            if hit.span.end > sentence.end && hit.span.start >= sentence.start {
                continue;
            }
            let figure = &figures[hit.figure];
            // "3% of the prison population": a count is then the whole of a
            // share, and the numbers beside it are parts or the share. (A
            // percentage's subject is named so: "27% of households".)
            if figure.unit == Unit::Count && names_a_whole(&s, &hit.span, cues) {
                continue;
            }
            let bare_rate = says_rate(&s, &hit.span, cues);
            // Whether the sentence named this figure before a number.
            let named_before = |n: &Number| {
                subjects.iter().any(|h| {
                    h.figure == hit.figure
                        && h.span.start >= sentence.start
                        && h.span.end <= n.qualifier_start
                        && h.span != hit.span
                })
            };
            // Nearness first: it is cheap, and in a long sentence most
            // numbers stand too far from the subject to count.
            let mut candidates: Vec<(usize, (usize, usize))> = in_sentence
                .iter()
                .filter_map(|&i| Some((i, distance(&numbers[i], &hit.span, figure.window)?)))
                .filter(|&(i, _)| {
                    let n = &numbers[i];
                    // A phrase written round its number claims that one only.
                    let within = hit.span.start < n.qualifier_start && n.span.start < hit.span.end;
                    if hit.around && !within {
                        return false;
                    }
                    let inside = counted_by_rate(n, &hit.span) || hit.around;
                    let overlaps = !inside
                        && n.full_span().start < hit.span.end
                        && hit.span.start < n.span.end;
                    !overlaps
                        && fits(figure, n, bare_rate)
                        && same_unit(&s, n, &hit.span, cues)
                        && !in_another_clause(&s, n, &hit.span, cues)
                        && !counts_another_noun(&s, n, &hit.span, cues)
                        && small_word_counts(&s, n, &hit.span, cues)
                        && !reduced_relative(&s, n, &hit.span, cues)
                        && !counts_an_increment(&s, n, named_before(n), cues)
                        && !counts_a_difference(&s, n, &hit.span, cues)
                        && !crosses_a_threshold(&s, n, cues)
                        && !counts_a_window(&s, n, cues)
                        && !counts_a_subset(&s, n, &hit.span, figure, cues)
                        && !after_an_opening_whole(&s, n, &hit.span, cues)
                        && !after_an_addition(&s, n, figure, cues)
                        && !names_another_thing(&s, &hit.span, figure, cues)
                        && !negated(&s, n, &hit.span, cues)
                })
                .collect();
            // A number said of one part of what the figure's name joins is
            // not the whole's; where the desk keeps that part's own count,
            // it is that count's, in the words of the whole's phrase.
            let mut of_parts = Vec::new();
            candidates.retain(
                |&(i, distance)| match named_part(&s, &numbers[i], figure, cues) {
                    Some(part) => {
                        of_parts.push((i, distance, part));
                        false
                    }
                    None => true,
                },
            );
            for (i, distance, part) in of_parts {
                // Not the whole a part is taken of: "16 of the 31 deaths".
                if is_taken_of(&s, &numbers[i], cues) {
                    continue;
                }
                if let Some(g) = part_figure(figures, hit.figure, part) {
                    proposals.push(Proposal {
                        number: i,
                        figure: g,
                        subject: hit.span.clone(),
                        distance,
                        earlier: false,
                        family: true,
                        series_year: None,
                    });
                }
            }
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
                family: hit.family,
                series_year: None,
            });
            // The other end of a change shares the primary's unit: `from 103
            // per 100,000 … to 2.4` makes 2.4 a rate too.
            let partner_rate = bare_rate || numbers[primary].kind == Kind::Rate;
            let fitting: Vec<usize> = in_sentence
                .iter()
                .copied()
                .filter(|&i| {
                    fits(figure, &numbers[i], partner_rate)
                        && same_unit(&s, &numbers[i], &hit.span, cues)
                })
                .collect();
            let mut last = primary;
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
                    family: hit.family,
                    series_year: None,
                });
                last = last.max(other);
            }
            // A series of values by year after the last ("…, 245 in 2022
            // and 367 in 2023"): each takes the figure, tied to its own year.
            let (tag, values) = series(&s, numbers, &fitting, last, &hit.span, cues);
            if !values.is_empty() {
                // The year that starts the series is the first value's own.
                if let Some(p) = proposals.iter_mut().rev().find(|p| p.number == last) {
                    p.series_year = tag;
                }
            }
            for (number, year) in values {
                proposals.push(Proposal {
                    number,
                    figure: hit.figure,
                    subject: hit.span.clone(),
                    distance: best,
                    earlier: false,
                    family: hit.family,
                    series_year: year,
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
            let group = &proposals[i..group_end];
            let best = narrowest(group);
            let contested = group.iter().any(|p| {
                p.distance == group[0].distance
                    && p.figure != best.figure
                    && !overlaps(&p.subject, &best.subject)
            });
            if !contested {
                let number = &numbers[best.number];
                let clause = modality::clause(&s, &number.span, cues);
                let mut framing = modality::modality(&s, &clause, number, cues);
                // A value listed after one framed as history is history too:
                // "a previous report that said 11,300 were dead and over
                // 10,100 missing".
                let after_history = || {
                    listed_after(&s, numbers, &in_sentence, number, cues)
                        .is_some_and(|b| history.contains(&b))
                };
                if framing == Modality::Assertion && (best.earlier || after_history()) {
                    framing = Modality::History;
                }
                if framing == Modality::History {
                    history.push(best.number);
                }
                let year = best
                    .series_year
                    .or_else(|| subject_year(&s, &best.subject))
                    .or_else(|| {
                        tied_year_in(&s, number, cues, &|time| {
                            dates_the_next(&s, numbers, &in_sentence, number, time)
                        })
                    })
                    .or_else(|| {
                        earlier_event(
                            &s,
                            numbers,
                            &in_sentence,
                            number,
                            &figures[best.figure],
                            cues,
                        )
                    });
                let figure = &figures[best.figure];
                // The part of the clause that speaks of the number: read once,
                // by every cue below.
                // The verb the number's clause is told in, and where the words
                // that report it end: read once, for the reach and the claim.
                let said = modality::reported(&s, &clause, number, cues);
                let from = said.unwrap_or(clause.start);
                let tense = modality::tense(&s, &clause, number, from, cues);
                let reported = said.filter(|_| tense != modality::Tense::Past);
                let reach = reach(&s, &clause, number, reported);
                let anchor = anchor(text, &clause, number, year, figure, lang)
                    .filter(|a| !dates_the_next(&s, numbers, &in_sentence, number, a.start..a.end))
                    .or_else(|| month_anchor(text, &reach, number, figure, lang))
                    .or_else(|| {
                        // A time that opens the sentence ("On 31 October, …")
                        // dates every clause that names none of its own.
                        let opening = opening_time(&s, &clause)?;
                        anchor(text, &opening, number, None, figure, lang)
                            .or_else(|| month_anchor(text, &opening, number, figure, lang))
                    });
                let relative_year = if year.is_none() && anchor.is_none() {
                    relative_year(&s, &reach, number, &best.subject, cues)
                } else {
                    None
                };
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
                // Four letters at least: "the", "and", "los" name nothing.
                let names = |word: &str| {
                    word.chars().count() >= 4
                        && figure
                            .name
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|n| n.eq_ignore_ascii_case(word))
                };
                let own = Own {
                    subject: best.subject.clone(),
                    names: &names,
                    places: cues.place_prepositions,
                    relative_open: Some(cues.relative_open),
                };
                // A day after a word of the figure's name ("crossed the
                // Channel yesterday") still bounds the count: only a part
                // ("CECOT alone") qualifies the name it follows.
                let own_words = Own {
                    subject: best.subject.clone(),
                    relative_open: Some(cues.relative_open),
                    ..Own::NONE
                };
                let outside = Own {
                    relative_open: Some(cues.relative_open),
                    ..Own::NONE
                };
                let rivals = in_sentence
                    .iter()
                    .filter(|&&i| i != best.number)
                    .map(|&i| &numbers[i])
                    .filter(|n| clause.start <= n.span.start && n.span.end <= clause.end)
                    .filter(|n| fits(figure, n, true))
                    .count();
                let evidence = tier::Evidence {
                    value_off: tier::Evidence::value_off(number, figure),
                    value: tier::ValueFit::of(number, figure),
                    words_between: best.distance.0,
                    // A day bounds the count unless it is the day a total
                    // stands at or an event happened ("hasta este sábado",
                    // "ocurrido el viernes"), the number is a total a verb
                    // leads to ("rose to 223 on Friday", "stood at 225 on
                    // Friday", or a list after one), or the figure itself
                    // is a day's ("Promedio diario de homicidios").
                    narrow_time: in_reach(&s, &reach, number, &own_words, cues.narrow_time)
                        .is_some_and(|m| !up_to_day(&s, &m, cues))
                        && !to_a_total(&s, numbers, &in_sentence, best.number, cues)
                        && !names_a_day(figure, cues),
                    marks_between: best.distance.1,
                    number_first: number.span.end <= best.subject.start,
                    part: in_reach(&s, &reach, number, &own, cues.part).is_some()
                        || counts_a_group(&s, number, figure, cues),
                    period: in_reach(&s, &reach, number, &own, cues.period).is_some(),
                    // The subject itself may say it: "the death toll rose to".
                    running_total: in_reach(&s, &reach, number, &outside, cues.running_total)
                        .is_some(),
                    referred,
                    family: best.family,
                    earlier: best.earlier,
                    dated: year.is_some() || anchor.is_some(),
                    rivals,
                };
                let weights = &*tier::WEIGHTS;
                let score = weights.score(&evidence);
                // A topic named sentences back or only by a pronoun weighs
                // less: at most likely.
                let mut tier = weights.tier_of(&evidence);
                if weak_reference {
                    tier = tier.min(tier::Tier::Likely);
                }
                claims.push(Claim {
                    evidence,
                    score,
                    tier,
                    figure: best.figure,
                    number: best.number,
                    subject: best.subject.clone(),
                    year,
                    relative_year,
                    anchor,
                    modality: framing,
                    tense,
                    reach,
                    clause,
                    sentence: s.range.clone(),
                    source: None,
                });
            }
            i = group_end;
        }
    }
    claims
}

/// Whether a verb of change or standing stands right before the number, after
/// `from`: "…, rose to 99", "aumentó a 99".
fn changed_to(s: &Sentence, number: &Number, cues: &Cues, from: usize) -> bool {
    cues.change_verb_before
        .is_match(verb_stretch(s, number, from))
}

/// The few words right before the number (its qualifier) where a verb that
/// leads to it stands, and not before `from`.
fn verb_stretch<'t>(s: &Sentence<'t>, number: &Number, from: usize) -> &'t str {
    let start = number.qualifier_start.saturating_sub(40).max(from);
    s.slice(start..number.qualifier_start)
}

/// Whether a verb of reaching or standing takes the number as its object
/// right before it, after `from`: "…, has reached 129", "alcanza ya las 112".
/// A clause of time or place in between ("…, when growth of consumer
/// prices reached 11.2%") has a subject of its own.
fn stands_at(s: &Sentence, number: &Number, cues: &Cues, from: usize) -> bool {
    cues.standing_before.is_match(verb_stretch(s, number, from))
        && !s
            .slice(from..number.qualifier_start)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ["when", "where", "cuando", "donde"].contains(&w.to_lowercase().as_str()))
}

/// What names the figure in a sentence: its subject phrase there, and the
/// words of its name.
struct Own<'a> {
    subject: Range<usize>,
    names: &'a dyn Fn(&str) -> bool,
    /// The prepositions that put a place after them (`in`, `en`): a place
    /// the figure's name names, after one of them, is the figure's own.
    places: &'a [&'a str],
    /// A comma and a relative pronoun: a cue in the clause it opens, closed
    /// before the number, is not about the number ([`in_closed_relative`]).
    relative_open: Option<&'a Regex>,
}

impl Own<'_> {
    /// Nothing of the figure's own: every cue in reach counts.
    const NONE: Own<'static> = Own {
        subject: 0..0,
        names: &|_| false,
        places: &[],
        relative_open: None,
    };
}

/// Whether a framing cue speaks of the number: one in its clause before it
/// ("In April alone, 12", "Yesterday, 408 people") or in the stretch right
/// after it, up to the next mark ("5,300 of these structures", "424 people
/// crossed yesterday"). Past a mark, a cue speaks of something else: the
/// whole the number is ("131 people, of whom 35 …") or when a source spoke
/// ("…, the minister told lawmakers on Tuesday").
/// `reach` is the claim's (see [`reach`]); the answer is where the cue that
/// speaks stands, if one does.
fn in_reach(
    s: &Sentence,
    reach: &Range<usize>,
    number: &Number,
    own: &Own,
    cue: &Regex,
) -> Option<Range<usize>> {
    let relative_open = own.relative_open;
    // One search over the whole reach; a match inside the number itself
    // (its qualifier, its rate base) is none of these cues.
    let base = reach.start.max(s.range.start);
    cue.find_iter(s.slice(reach.clone()))
        .map(|m| base + m.start()..base + m.end())
        .find(|m| {
            if m.start < number.span.end && number.qualifier_start < m.end {
                return false;
            }
            // A cue that qualifies the figure itself ("CECOT alone was
            // built to hold", "deaths in custody alone") takes no part of it,
            // nor a place that the figure's name names ("in the region of
            // Valparaíso" for a figure of that region).
            let inside = own.subject.start <= m.start && m.end <= own.subject.end;
            // A cue in a clause set off before the number speaks of that
            // clause's noun: "the fire, which started on Friday, has killed
            // 112" is not a day's count.
            if in_closed_relative(s, base, m, number, relative_open) {
                return false;
            }
            let before = s.slice(base.min(m.start)..m.start).trim_end();
            let word = &before[before.len() - word_before_end(before)..];
            let cue_word = s.slice(m.clone()).split_whitespace().next().unwrap_or("");
            let own_place = own.places.contains(&cue_word.to_lowercase().as_str())
                && s.slice(m.end..reach.end.max(m.end))
                    .split_whitespace()
                    .take(3)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .any(|w| w.starts_with(char::is_uppercase) && (own.names)(w));
            // A name ("CECOT alone"), not a common word of the figure's
            // name ("homicidios en hombres" narrows the homicides).
            let names_it = word.starts_with(char::is_uppercase) && (own.names)(word);
            // A cue that says what the figure itself is ("on average" of a
            // figure named as an average) takes no part of it; a place
            // ("in the region") is read as a place, above.
            let own_kind = !own.places.contains(&cue_word.to_lowercase().as_str())
                && s.slice(m.clone())
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| (own.names)(w));
            !inside && !names_it && !own_place && !own_kind
        })
}

/// Whether the cue at `m` lies in a relative clause that a comma opens after
/// `base` and another closes before the number: ", que se inició el
/// viernes, …". A relative clause that runs on to the number may be about it.
fn in_closed_relative(
    s: &Sentence,
    base: usize,
    m: &Range<usize>,
    number: &Number,
    relative_open: Option<&Regex>,
) -> bool {
    let Some(relative_open) = relative_open else {
        return false;
    };
    if m.end > number.qualifier_start {
        return false;
    }
    // Opened before the cue and not closed yet; closed before the number
    // (the cue's own match may take the closing mark).
    let before = s.slice(base.min(m.start)..m.start);
    let open = relative_open
        .find_iter(before)
        .last()
        .is_some_and(|r| !before[r.end()..].contains(','));
    open && s.slice(m.start..number.qualifier_start).contains(',')
}

/// The part of a clause that speaks of its number: from the clause's start
/// (or, for a total reported with "said … that", from the `that`) to the
/// next mark after the number (see [`in_reach`]).
///
/// `reported` is where the words that report a total as it stands end, if
/// they do ([`modality::reported`]): what came before speaks of the source,
/// "the ministry said on Sunday that 367 people have died", "indicó este
/// domingo que la cifra alcanza las 112". (A count in the past, "police said
/// on Friday that 40 people were arrested", may be that day's: the caller
/// passes none.)
fn reach(
    s: &Sentence,
    clause: &Range<usize>,
    number: &Number,
    reported: Option<usize>,
) -> Range<usize> {
    let start = reported.unwrap_or(clause.start.min(number.qualifier_start));
    let after = s.slice(number.span.end..clause.end.max(number.span.end));
    // A hyphen between spaces is a dash too: "crossed - an average of 52".
    let end = [
        after.find([',', ';', ':', '(', ')', '—', '–']),
        after.find(" - "),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(after.len());
    start..number.span.end + end
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
        let changed_to = cues.change_verb_before.is_match(before_p);
        if (cues.up_from.is_match(between) || (changed_to && cues.from_after.is_match(between)))
            && near(p, q)
        {
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

/// The values that continue a series by time after `head`, a value of the
/// figure `subject` names: "120 in 2021, 245 in 2022 and a record 367 in
/// 2023", "33.287 homicidios de 2022, a los 35.700 de 2021 y a los 36.773 de
/// 2020", "3.8% in July, 3.6% in June". The head is tagged with a time right
/// after it (or right after the subject phrase that follows it): a year, or
/// a month with or without its year ([`Cues::series_year`]); each later
/// value stands after nothing but a comma or a conjunction and the words a
/// list repeats ([`Cues::series_link`]), and a time of the same kind tags
/// it. Each is returned with its tag's year, if the tag is a year (a month,
/// with its year or not, dates the claim through its anchor, which
/// [`anchor`] finds as the date nearest the number); the series ends at the
/// first value that breaks the pattern or repeats a time. The head's own
/// year comes first.
fn series(
    s: &Sentence,
    numbers: &[Number],
    fitting: &[usize],
    head: usize,
    subject: &Range<usize>,
    cues: &Cues,
) -> (Option<TiedYear>, Vec<(usize, Option<TiedYear>)>) {
    /// One value's time: where it ends, the words that name it, whether it
    /// is a month, and its year if it is a year.
    struct Tag {
        end: usize,
        key: String,
        month: bool,
        year: Option<TiedYear>,
    }
    let tag = |from: usize| {
        let caps = cues.series_year.captures(s.after(from))?;
        let whole = caps.get(0)?;
        let month = caps.name("month").map(|m| m.as_str().to_lowercase());
        Some(Tag {
            end: from + whole.end(),
            key: format!(
                "{month:?} {:?}",
                caps.name("year")
                    .or_else(|| caps.name("year_only"))
                    .map(|m| m.as_str())
            ),
            month: month.is_some(),
            // A month's year dates the claim through its anchor, as a date.
            year: caps.name("year_only").and_then(|m| year_in(m, from)),
        })
    };
    let mut values = Vec::new();
    let Some(mut at) = fitting.iter().position(|&i| i == head) else {
        return (None, values);
    };
    let first = &numbers[head];
    let mut end = first.span.end;
    if end <= subject.start && s.slice(end..subject.start).trim().is_empty() {
        end = subject.end.min(s.range.end);
    }
    let Some(head_tag) = tag(end) else {
        return (None, values);
    };
    let mut last_end = head_tag.end;
    let mut seen = vec![head_tag.key.clone()];
    while let Some(&next) = fitting.get(at + 1) {
        let value = &numbers[next];
        if value.qualifier_start < last_end
            || !cues
                .series_link
                .is_match(s.slice(last_end..value.qualifier_start))
        {
            break;
        }
        let Some(t) =
            tag(value.span.end).filter(|t| t.month == head_tag.month && !seen.contains(&t.key))
        else {
            break;
        };
        seen.push(t.key);
        last_end = t.end;
        values.push((next, t.year));
        at += 1;
    }
    (head_tag.year, values)
}

/// The time a claim's clause speaks of: a cued date ("by March 2024"), a
/// month ("in March 2024"), a count from the figure's start ("two years into"),
/// or else the year tied to the number, when it stands in the same clause.
fn anchor(
    text: &str,
    clause: &Range<usize>,
    number: &Number,
    year: Option<TiedYear>,
    figure: &Figure,
    lang: Lang,
) -> Option<Anchor> {
    date::anchor::find(text, clause, &number.span, figure.since, lang).or_else(|| {
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

/// Whether the number is a total a verb of change or standing leads to
/// ("rose to 223", "stood at 225"), or continues a list such a verb leads
/// to ("elevó este sábado a 1.644 los muertos, 3.408 los heridos y 139 los
/// desaparecidos"): a day beside it dates the total and bounds no count.
fn to_a_total(
    s: &Sentence,
    numbers: &[Number],
    in_sentence: &[usize],
    at: usize,
    cues: &Cues,
) -> bool {
    let mut at = at;
    loop {
        let number = &numbers[at];
        if changed_to(s, number, cues, s.range.start) || stands_at(s, number, cues, s.range.start) {
            return true;
        }
        let Some(before) = listed_after(s, numbers, in_sentence, number, cues) else {
            return false;
        };
        let between = s.slice(numbers[before].span.end..number.qualifier_start);
        if cues.narrow_time.is_match(between) {
            return false;
        }
        at = before;
    }
}

/// The value `number` follows in a list, if it does: the number before it
/// in the sentence, with a few words, a comma or `and` between, and no
/// other mark ("1.644 los muertos, 3.408 los heridos y 139 …", "11,300
/// were dead and over 10,100 missing").
fn listed_after(
    s: &Sentence,
    numbers: &[Number],
    in_sentence: &[usize],
    number: &Number,
    cues: &Cues,
) -> Option<usize> {
    let &before = in_sentence
        .iter()
        .rev()
        .find(|&&i| numbers[i].span.end <= number.qualifier_start)?;
    let between = s.slice(numbers[before].span.end..number.qualifier_start);
    let linked = between.contains(',')
        || between
            .split_whitespace()
            .any(|w| cues.coordinators.contains(&w.to_lowercase().as_str()));
    (linked
        && !between.contains([';', ':', '(', ')', '.'])
        && s.words_between(numbers[before].span.end..number.qualifier_start) <= 4)
        .then_some(before)
}

/// Whether the word before the day at `m` makes it the day a total stands
/// at ("by this Friday", "hasta este sábado"), or the day an event happened
/// ("the quake that struck on Friday", "el terremoto ocurrido el viernes").
fn up_to_day(s: &Sentence, m: &Range<usize>, cues: &Cues) -> bool {
    let before = s.slice(s.range.start..m.start).trim_end();
    let word = before[before.len() - word_before_end(before)..].to_lowercase();
    cues.up_to_day.contains(&word.as_str())
        || cues.event_verbs.contains(&word.as_str())
        || dates_an_event(before, cues)
}

/// Whether a time right after `before` stands in a relative clause whose
/// verb is an event verb: the time dates the event ("the landslides that hit
/// the district a day ago", "el sismo que sacudió el país el viernes"). The
/// clause opens at most eight words back, with no number or mark inside.
fn dates_an_event(before: &str, cues: &Cues) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let Some(opener) = words
        .iter()
        .rev()
        .take(8)
        .position(|w| cues.relative_words.contains(&w.to_lowercase().as_str()))
        .map(|back| words.len() - 1 - back)
    else {
        return false;
    };
    let clause = &words[opener + 1..];
    let plain = clause.iter().all(|w| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
    });
    let verb = clause
        .iter()
        .map(|w| w.to_lowercase())
        .find(|w| !cues.auxiliaries.contains(&w.as_str()));
    plain && verb.is_some_and(|v| cues.event_verbs.contains(&v.as_str()))
}

/// Whether the number counts a group of people right after it ("28
/// children and 30 adults", "murieron 141 mujeres") that the figure's name
/// does not name: a part of the figure's count.
fn counts_a_group(s: &Sentence, number: &Number, figure: &Figure, cues: &Cues) -> bool {
    let word: String = s
        .after(number.span.end)
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    cues.groups.contains(&word.as_str())
        && !figure
            .name
            .split(|c: char| !c.is_alphabetic())
            .any(|n| cues.groups.contains(&n.to_lowercase().as_str()))
}

/// Whether the figure's own name or phrases say a day ("Promedio diario de
/// homicidios", "deaths per day"): a day beside its number is its kind.
fn names_a_day(figure: &Figure, cues: &Cues) -> bool {
    figure.texts().any(|t| cues.narrow_time.is_match(t))
}

/// Whether a time after the number, past a mark, opens the next value of a
/// series instead: "la tasa era de 14 por cada 100.000, en 2022 fue de 28,3"
/// (2022 is the time of 28,3, not of 14). The next number follows within a
/// few words and no mark; "rose to 227 on Saturday, 12 more than" keeps
/// Saturday.
fn dates_the_next(
    s: &Sentence,
    numbers: &[Number],
    in_sentence: &[usize],
    number: &Number,
    time: Range<usize>,
) -> bool {
    let marked = |range: Range<usize>| s.slice(range).contains([',', ';', ':', '(', ')']);
    time.start >= number.span.end
        && marked(number.span.end..time.start)
        && in_sentence
            .iter()
            .map(|&i| &numbers[i])
            .find(|n| n.span.start >= time.end)
            .is_some_and(|next| {
                !marked(time.end..next.qualifier_start)
                    && s.words_between(time.end..next.qualifier_start) <= 4
            })
}

/// The stretch that opens a sentence before its first comma, when it is a
/// few words only and stands before `clause`: where a sentence puts the time
/// all its clauses speak of ("El pasado 31 de octubre, …").
fn opening_time(s: &Sentence, clause: &Range<usize>) -> Option<Range<usize>> {
    if clause.start <= s.range.start {
        return None;
    }
    let before = s.before(clause.start);
    // A semicolon ends what the opening governs; a clause that opens with
    // its own stretch before a comma ("un año después, …") has its own time.
    let own = s.slice(clause.clone()).trim_start();
    let own_opening = own
        .find(',')
        .is_some_and(|c| own[..c].split_whitespace().count() <= 4);
    if before.contains(';') || own_opening {
        return None;
    }
    let comma = before.find(',')?;
    let opening = s.range.start..s.range.start + comma;
    let words = s.slice(opening.clone()).split_whitespace().count();
    (words <= 6).then_some(opening)
}

/// The time a month named without its year speaks of ("3.8% in July", "in
/// the year to May"): the latest value of the figure reported in a month of
/// that name that the number meets, as a time only named. A month none of
/// them meets anchors nothing: the claim is judged as if undated.
fn month_anchor(
    text: &str,
    reach: &Range<usize>,
    number: &Number,
    figure: &Figure,
    lang: Lang,
) -> Option<Anchor> {
    let (month, words) = date::anchor::month_named(text, reach, &number.span, lang)?;
    let intervals = [
        number.written_interval(),
        number.qualified_interval(figure.qualifier_slack),
    ];
    let date = figure
        .allowed
        .iter()
        .filter(|v| v.year.is_none())
        .filter(|v| {
            intervals
                .iter()
                .any(|&(low, high)| low <= v.max && v.min <= high)
        })
        .filter_map(|v| v.as_of)
        .filter(|d| d.month == Some(month))
        .max_by_key(|d| d.first_day())?;
    Some(Anchor {
        date,
        start: words.start,
        end: words.end,
        firm: false,
        counted: false,
    })
}

/// The year a sentence ties a number to: one that follows it in the same clause
/// (`2.4 in 2023`, `2.4 (2023)`), or one that opens the sentence (`In 2023, …`).
pub fn tied_year(text: &str, sentence: &Range<usize>, number: &Number) -> Option<TiedYear> {
    tied_year_in(
        &Sentence::read(text, sentence.clone()),
        number,
        cues::of(Lang::En),
        &|_| false,
    )
}

/// "Last year" where it speaks of the number (see [`in_reach`]).
fn relative_year(
    s: &Sentence,
    reach: &Range<usize>,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> Option<RelativeYear> {
    let own = Own {
        subject: subject.clone(),
        ..Own::NONE
    };
    let at = in_reach(s, reach, number, &own, cues.last_year)?;
    Some(RelativeYear {
        offset: -1,
        start: at.start,
        end: at.end,
    })
}

/// A year that names the figure with its subject: "the 2024 homicide rate",
/// "2023's death toll", "the homicide rate for 2024", "la tasa de homicidios
/// de 2024". It ties the claim more closely than any year near the number.
fn subject_year(s: &Sentence, subject: &Range<usize>) -> Option<TiedYear> {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\w])(?:(\w+)\s+)?((?:1[7-9]|20)\d{2})(?:['’]s)?\s+(?:(\w+)\s+)?$")
            .expect("year before")
    });
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+(?:for|of|de|del)\s+((?:1[7-9]|20)\d{2})\b").expect("year after")
    });
    // A few words either side only: the year stands right by the phrase.
    let start = s.range.start.max(subject.start.saturating_sub(40));
    let mut before = s.slice(start..subject.start);
    if start > s.range.start {
        // From a whole word: the cut may fall inside one.
        before = before
            .find(char::is_whitespace)
            .map_or("", |i| &before[i..]);
    }
    let before_start = subject.start - before.len();
    if let Some(caps) = BEFORE.captures(before) {
        // "the 2024 homicide rate", or with one word between ("2023's
        // annual homicide rate"); not a year that a preposition makes a
        // time ("since 2022 homicide rates …"), nor one an article parts
        // from the phrase ("In 2023 the homicide rate": the sentence's).
        let word = |i: usize| caps.get(i).map(|m| m.as_str().to_lowercase());
        const TIME: &[&str] = &[
            "since", "by", "until", "till", "before", "after", "from", "through", "desde", "hasta",
            "antes", "después", "despues", "tras",
        ];
        const ARTICLE: &[&str] = &["the", "a", "an", "la", "el", "los", "las", "su", "sus"];
        let timed = word(1).is_some_and(|w| TIME.contains(&w.as_str()));
        let parted = word(3).is_some_and(|w| ARTICLE.contains(&w.as_str()));
        if !timed && !parted {
            return caps.get(2).and_then(|m| year_in(m, before_start));
        }
    }
    let end = subject.end.min(s.range.end);
    let after = s.slice(end..(end + 16).min(s.range.end));
    AFTER
        .captures(after)
        .and_then(|c| c.get(1))
        .and_then(|m| year_in(m, end))
}

/// An earlier event that the sentence names by its year before the number:
/// "the 2016 Kumamoto quakes, which claimed 276 lives", "el terremoto de
/// 1999, que causó 17.000 muertos". Only the nearest year before the number
/// is read, and only one before any the figure knows: the number is that
/// event's, which the rules cannot judge.
fn earlier_event(
    s: &Sentence,
    numbers: &[Number],
    in_sentence: &[usize],
    number: &Number,
    figure: &Figure,
    cues: &Cues,
) -> Option<TiedYear> {
    let first = figure.first_year()?;
    let nearest = in_sentence
        .iter()
        .map(|&i| &numbers[i])
        .filter(|n| n.span.end <= number.span.start)
        .rfind(|n| n.as_year().is_some())?;
    let year = nearest.as_year()?;
    if year >= first {
        return None;
    }
    let at = &nearest.span;
    let after = s.slice(at.end..number.span.start.min(at.end + EVENT_REACH));
    let before = s.slice(at.start.saturating_sub(EVENT_REACH)..at.start);
    let named = cues.event_after_year.is_some_and(|p| p.is_match(after))
        || cues.event_before_year.is_match(before);
    named.then_some(TiedYear {
        year,
        start: at.start,
        end: at.end,
    })
}

/// How far either side of a year [`earlier_event`] reads for the event it
/// names: the event's noun and a name of a few words.
const EVENT_REACH: usize = 64;

/// The year `m` holds, in text that starts at `offset`, if it is one.
fn year_in(m: regex::Match, offset: usize) -> Option<TiedYear> {
    let year: i32 = m.as_str().parse().ok()?;
    (1700..=2100).contains(&year).then_some(TiedYear {
        year,
        start: offset + m.start(),
        end: offset + m.end(),
    })
}

/// [`tied_year`] in a sentence written in the language of `cues`.
/// `opens_next` says whether a year at a range after the number is the time
/// of the next value instead (see [`dates_the_next`]).
fn tied_year_in(
    s: &Sentence,
    number: &Number,
    cues: &Cues,
    opens_next: &dyn Fn(Range<usize>) -> bool,
) -> Option<TiedYear> {
    let sentence = &s.range;
    let end = number.span.end.min(sentence.end);
    cues.following_year
        .captures(s.after(end))
        .and_then(|caps| year_in(caps.get(1)?, end))
        .filter(|y| !opens_next(y.start..y.end))
        .or_else(|| {
            cues.opening_year
                .captures(s.all())
                .and_then(|caps| year_in(caps.get(1)?, sentence.start))
                .filter(|y| y.end <= number.qualifier_start)
        })
}

#[cfg(test)]
mod tests;
