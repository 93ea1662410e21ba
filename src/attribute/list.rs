//! Lists of values under a lead-in that names a figure:
//!
//! ```text
//! Inflation has been falling steadily from its peak:
//!
//! • Oct 2022: 11.1%
//! • July 2025: 3.6%
//! ```
//!
//! Each item, one a line, is a time, a colon and a value: the value is a
//! claim about the figure the lead-in names, at that time (a month holds
//! the value as of that month; a year ties it to that year). The lead-in is
//! the text of its line after the line's last full stop, it ends with a
//! colon, it names one figure only, and that figure's phrase opens it (at
//! most three words before it). An item whose label is anything but
//! a time ("Women: 37", "Deaths in custody: 367") is left to the rest of
//! attribution: a label that is not a time may name a part, and one that
//! names a figure makes an ordinary sentence.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{fits, tier, Claim, Modality, Tense, TiedYear};
use crate::date::{self, Anchor};
use crate::lang::Lang;
use crate::numbers::Number;
use crate::rules::Figure;
use crate::subject::SubjectHit;

/// A list item: an optional bullet or number, a short label, a colon, and
/// the value right after it.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]*(?:[•·▪◦‣*+\-–—]|\d{1,2}[.)])?[ \t]*(?P<label>[^:\n]{1,40}?)[ \t]*:[ \t]+(?P<value>\S)",
    )
    .expect("list item pattern")
});

/// The most words that may stand before the figure's phrase in a lead-in
/// ("Here is the homicide rate by year:").
const LEAD_IN_OPENING: usize = 3;

/// The most items one lead-in reaches.
const MOST_ITEMS: usize = 60;

/// One item of a list whose lead-in names a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The figure the lead-in names.
    pub figure: usize,
    /// The item's line, without its line break.
    pub line: Range<usize>,
    /// Its label: the time the value holds at.
    pub label: Range<usize>,
    pub date: date::Date,
    /// Where its value starts.
    pub value: usize,
}

/// The items of every list in `text` whose lead-in names one figure (by the
/// subject `hits`, in order), written in `lang`.
pub fn items(text: &str, hits: &[SubjectHit], lang: Lang) -> Vec<Item> {
    let mut items = Vec::new();
    let mut after = 0;
    for hit in hits {
        if hit.span.start < after {
            continue;
        }
        let line_end = text[hit.span.end..]
            .find('\n')
            .map_or(text.len(), |i| hit.span.end + i);
        after = line_end;
        if !text[..line_end].trim_end().ends_with(':') {
            continue;
        }
        // The lead-in: the line after its last full stop.
        let line_start = text[..hit.span.start].rfind('\n').map_or(0, |i| i + 1);
        let lead_start = text[line_start..line_end]
            .rfind(['.', '!', '?'])
            .map_or(line_start, |i| line_start + i + 1);
        let named = super::hits_in(hits, &(lead_start..line_end));
        let Some(first) = named.first() else {
            continue;
        };
        // The lead-in's subject opens it: in "Inflation has fallen from its
        // 40-year high:", the high is not what the list counts.
        let opening = text[lead_start..first.span.start]
            .split_whitespace()
            .count();
        if opening > LEAD_IN_OPENING || named.iter().any(|h| h.figure != first.figure) {
            continue;
        }
        let mut at = line_end;
        for _ in 0..MOST_ITEMS {
            // Blank lines may stand between items; any other text ends the list.
            let rest = &text[at..];
            let start = at + rest.len() - rest.trim_start().len();
            if start == text.len() {
                break;
            }
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let Some(caps) = ITEM.captures(&text[start..end]) else {
                break;
            };
            let label = caps.name("label").expect("label");
            let label = start + label.start()..start + label.end();
            if let Some(date) = date::anchor::label_date(&text[label.clone()], lang) {
                let value = start + caps.name("value").expect("value").start();
                items.push(Item {
                    figure: first.figure,
                    line: start..end,
                    label,
                    date,
                    value,
                });
            }
            at = end;
        }
    }
    items
}

/// The claims the `items` make about `numbers` (of the whole text, in
/// order), but for numbers `claimed` already.
pub fn claims(
    items: &[Item],
    numbers: &[Number],
    figures: &[Figure],
    claimed: &dyn Fn(usize) -> bool,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for item in items {
        let first = numbers.partition_point(|n| n.qualifier_start < item.value);
        let Some(number) = numbers
            .get(first)
            .filter(|n| n.qualifier_start == item.value)
        else {
            continue;
        };
        let figure = &figures[item.figure];
        if claimed(first) || number.span.end > item.line.end || !fits(figure, number, true) {
            continue;
        }
        let label = item.label.clone();
        // A month says when the value held; a year alone, which year's it is.
        let (year, anchor) = match item.date.month {
            Some(_) => (
                None,
                Some(Anchor {
                    date: item.date,
                    start: label.start,
                    end: label.end,
                    firm: true,
                    counted: false,
                }),
            ),
            None => (
                Some(TiedYear {
                    year: item.date.year,
                    start: label.start,
                    end: label.end,
                }),
                None,
            ),
        };
        // The label and a colon stand between the number and the figure's
        // phrase, on the line above.
        let evidence = tier::Evidence {
            marks_between: 1,
            referred: true,
            dated: true,
            ..tier::Evidence::in_a_row(number, figure)
        };
        let weights = &*tier::WEIGHTS;
        let score = weights.score(&evidence);
        claims.push(Claim {
            figure: item.figure,
            number: first,
            subject: label,
            year,
            relative_year: None,
            anchor,
            modality: Modality::Assertion,
            tense: Tense::Unknown,
            clause: item.line.clone(),
            sentence: item.line.clone(),
            reach: item.line.clone(),
            source: None,
            evidence,
            score,
            tier: weights.tier_of(&evidence),
        });
    }
    claims
}
