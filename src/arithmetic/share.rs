//! Shares: a count and its share of a whole, in apposition.
//!
//! - `85,000 people, roughly 1.6% of the population` (the whole is a figure
//!   of the rules, named by one of its `share_of` phrases);
//! - `85,000 people, about 1.35% of the country's 6.3 million people` (the
//!   whole is written);
//! - `244 of the 367 deaths, or 66%` (part, whole, then the share).

use std::sync::LazyLock;

use regex::Regex;

use super::{
    as_written, claimed, is_share, meets, show_percent, written, Relation, RelationKind, Sentence,
};
use crate::date::Day;
use crate::formula::Interval;
use crate::locale::Locale;
use crate::numbers::{Kind, Number};
use crate::rules::derived;
use crate::rules::Figure;
use crate::tr;

/// Between a count and its share: a few words (the counted noun), a comma
/// or a dash, and perhaps `or`: `85,000 people, roughly 1.6%`, `85,000
/// people—roughly 1.6%`.
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s+[\p{L}'’-]+){0,3}(?:\s*[,—–]|\s+-)\s*(?:or\s+)?$")
        .expect("apposition pattern")
});

/// After a share, `of` and the words before a written whole: `of the
/// country's 6.3 million`, `of a population of 6.3 million`.
static OF_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+of\s+(?:(?:the|its|their|a|an|some|[\p{Lu}][\p{L}]*'s|[\p{L}]+’s|country's|nation's|population\s+of)\s+){0,3}$")
        .expect("of-whole pattern")
});

/// Between a part and its whole: `244 of the 367`.
static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+of\s+(?:the|these|those|its|their)\s+$").expect("part-of pattern")
});

pub(super) fn find(s: &Sentence, figures: &[Figure], day: &dyn Fn() -> Day) -> Vec<Relation> {
    let mut out = Vec::new();
    for (i, p) in s.numbers.iter().enumerate() {
        if !is_share(p) {
            continue;
        }
        if let Some(r) = count_then_share(s, i, p, figures, day) {
            out.push(r);
        } else if let Some(r) = part_of_whole_then_share(s, i, p) {
            out.push(r);
        }
    }
    out
}

/// Whether a number can be a count of people or things in a share.
fn is_count(n: &Number) -> bool {
    n.kind == Kind::Count && !n.is_range && n.low > 0.0
}

/// `85,000 people, roughly 1.6% of <whole>`.
fn count_then_share(
    s: &Sentence,
    i: usize,
    p: &Number,
    figures: &[Figure],
    day: &dyn Fn() -> Day,
) -> Option<Relation> {
    let x = s.numbers[..i].last().filter(|x| is_count(x))?;
    if !APPOSITION.is_match(s.between(x.span.end, p.qualifier_start)) {
        return None;
    }
    let after = &s.text[p.span.end..s.range.end];
    let (whole, whole_text, whole_span, figure) = whole_after(s, p, after, figures, day)?;
    let computed = Interval::new(
        written(x).low / whole.high * 100.0,
        written(x).high / whole.low * 100.0,
    );
    let center = x.low / ((whole.low + whole.high) / 2.0) * 100.0;
    Some(relation(
        s,
        p,
        computed,
        format!(
            "{} ÷ {whole_text} = {}",
            as_written(s.text, x),
            show_percent(center, s.locale)
        ),
        vec![p.span.clone(), x.span.clone(), whole_span],
        figure,
    ))
}

/// The whole after `P of`: a written count, or a figure's `share_of` phrase.
fn whole_after(
    s: &Sentence,
    p: &Number,
    after: &str,
    figures: &[Figure],
    day: &dyn Fn() -> Day,
) -> Option<(Interval, String, std::ops::Range<usize>, Option<usize>)> {
    // A written whole: the next number, with only `of the country's` before it.
    if let Some((_, y)) = s.number_from(p.span.end) {
        if is_count(y) && OF_WHOLE.is_match(s.between(p.span.end, y.qualifier_start)) {
            return Some((written(y), group(y.low, s.locale), y.span.clone(), None));
        }
    }
    // A figure named by one of its share_of phrases, right after `of`.
    let rest = after
        .strip_prefix(|c: char| c.is_whitespace())?
        .trim_start();
    let rest = rest.strip_prefix("of")?;
    let gap = after.len() - rest.len();
    let rest_trimmed = rest.trim_start();
    let start = p.span.end + gap + (rest.len() - rest_trimmed.len());
    for (index, figure) in figures.iter().enumerate() {
        for phrase in &figure.share_of {
            let n = phrase.len();
            let Some(head) = rest_trimmed.get(..n) else {
                continue;
            };
            let ends_word = rest_trimmed[n..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            // "the population of San Salvador", "the population under 30":
            // a narrower whole than the figure, so the base is not clear.
            let next_word = rest_trimmed[n..]
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_ascii_lowercase();
            let narrowed = rest_trimmed[n..].starts_with(char::is_whitespace)
                && [
                    "of", "in", "at", "under", "over", "aged", "who", "that", "living", "between",
                ]
                .contains(&next_word.as_str());
            if head.eq_ignore_ascii_case(phrase) && ends_word && !narrowed {
                let whole = derived::interval_at(figures, index, day()).ok()?;
                let text = group((whole.low + whole.high) / 2.0, s.locale);
                return Some((whole, text, start..start + n, Some(index)));
            }
        }
    }
    None
}

/// `244 of the 367 deaths, or 66%`.
fn part_of_whole_then_share(s: &Sentence, i: usize, p: &Number) -> Option<Relation> {
    if i < 2 {
        return None;
    }
    let (x, y) = (&s.numbers[i - 2], &s.numbers[i - 1]);
    if !is_count(x) || !is_count(y) || !PART_OF.is_match(s.between(x.span.end, y.qualifier_start)) {
        return None;
    }
    if !APPOSITION.is_match(s.between(y.span.end, p.qualifier_start)) {
        return None;
    }
    let (a, b) = (written(x), written(y));
    let computed = Interval::new(a.low / b.high * 100.0, a.high / b.low * 100.0);
    Some(relation(
        s,
        p,
        computed,
        format!(
            "{} ÷ {} = {}",
            as_written(s.text, x),
            as_written(s.text, y),
            show_percent(x.low / y.low * 100.0, s.locale)
        ),
        vec![p.span.clone(), x.span.clone(), y.span.clone()],
        None,
    ))
}

fn relation(
    s: &Sentence,
    p: &Number,
    computed: Interval,
    computation: String,
    involved: Vec<std::ops::Range<usize>>,
    figure: Option<usize>,
) -> Relation {
    let holds = meets(computed, claimed(s.text, p));
    Relation {
        kind: RelationKind::Share,
        claimed: p.span.clone(),
        value: Some((p.low, p.high)),
        involved,
        figure,
        holds,
        computation,
        verdict: tr!(s.locale, "arithmetic-not", written = &s.text[p.full_span()]),
        short: false,
    }
}

/// A whole number with thousands separators: `6,300,000`.
fn group(v: f64, locale: Locale) -> String {
    locale.marks(crate::value::group_thousands(v.round()))
}
