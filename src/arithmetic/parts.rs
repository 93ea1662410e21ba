//! Parts of a whole: `Of the 367 deaths, 244 were men and 137 were women.`
//! The parts may not add up to more than the whole, and with `all` or `every
//! one` before them (`Of the 261 deportees, all were men: 238 … and 23 …`)
//! they must add up to it.
//!
//! Only the counts that follow the whole's clause and are joined by `and` or
//! commas are parts; a count after a preposition ("in 12 prisons", "since
//! 2022") or of a unit is not, and a sentence with one makes no relation.

use std::sync::LazyLock;

use regex::Regex;

use super::{as_written, written, Relation, RelationKind, Sentence};
use crate::numbers::Kind;
use crate::tr;

/// `Of the 367` at the start of a sentence or after a comma.
static OF_THE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|,)\W*of\s+(?:the|these|those)\s+$").expect("of-the pattern")
});

/// A preposition right before a number: it is not a part.
static PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:in|at|on|by|since|from|to|for|over|under|after|before|during|of|than|about|per|aged|age)\s+$",
    )
    .expect("preposition pattern")
});

pub(super) fn find(s: &Sentence) -> Vec<Relation> {
    // The whole: the first number, opening its clause with `of the`.
    let Some(whole) = s.numbers.first() else {
        return Vec::new();
    };
    if whole.kind != Kind::Count
        || whole.is_range
        || !OF_THE.is_match(s.between(s.range.start, whole.qualifier_start))
    {
        return Vec::new();
    }
    // The parts come after the whole's clause: `Of the 367 deaths, …`.
    let rest_start = match s.text[whole.span.end..s.range.end].find(',') {
        Some(i) => whole.span.end + i + 1,
        None => return Vec::new(),
    };
    let parts: Vec<_> = s
        .numbers
        .iter()
        .filter(|n| n.qualifier_start >= rest_start)
        .collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    for (k, part) in parts.iter().enumerate() {
        let before = s.between(
            if k == 0 {
                rest_start
            } else {
                parts[k - 1].span.end
            },
            part.qualifier_start,
        );
        let joined =
            k == 0 || before.contains(',') || before.split_whitespace().any(|w| w == "and");
        if part.kind != Kind::Count
            || part.is_range
            || !joined
            || PREPOSITION.is_match(s.between(s.range.start, part.qualifier_start))
        {
            return Vec::new();
        }
    }
    // "All" or "every one" before the parts says they make the whole.
    let rest = s
        .between(rest_start, parts[0].qualifier_start)
        .to_ascii_lowercase();
    let whole_made = rest
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "all")
        || rest.contains("every one");
    let low: f64 = parts.iter().map(|p| written(p).low).sum();
    let high: f64 = parts.iter().map(|p| written(p).high).sum();
    let exact: f64 = parts.iter().map(|p| p.low).sum();
    let sum = parts
        .iter()
        .map(|p| as_written(s.text, p))
        .collect::<Vec<_>>()
        .join(" + ");
    let mut involved = vec![whole.span.clone()];
    involved.extend(parts.iter().map(|p| p.span.clone()));
    let over = exact > whole.high || !whole_made;
    vec![Relation {
        kind: RelationKind::Parts,
        claimed: whole.span.clone(),
        value: Some((whole.low, whole.high)),
        involved,
        figure: None,
        holds: low <= written(whole).high && (!whole_made || high >= written(whole).low),
        computation: format!("{sum} = {}", super::show(exact, s.locale)),
        verdict: if over {
            tr!(
                s.locale,
                "arithmetic-not-parts-over",
                whole = as_written(s.text, whole)
            )
        } else {
            tr!(
                s.locale,
                "arithmetic-not-parts-short",
                whole = as_written(s.text, whole)
            )
        },
        short: !over,
    }]
}
