//! Changes between two values that a sentence gives both of:
//!
//! - in percent: `fell from 38 to 1.9, a 95% drop`, `a drop of 95%`, `rose
//!   12% from 79,211 to 85,000`;
//! - as a factor: `doubled from 40,000 to 85,000`, `halved from 38 to 19`;
//! - as a difference: `85,000, up 5,789 from 79,211`;
//! - as a multiple of another value: `1,600 per 100,000, five times more than
//!   the world average of 140` (`times more than` is read as N or N + 1
//!   times, since writers mean both).
//!
//! A percentage whose base the sentence does not give ("grew 5% last year")
//! is not judged, nor are percentage points, nor a change between two
//! percentages (a change of points or of percent is ambiguous there).

use std::sync::LazyLock;

use regex::Regex;

use super::{as_written, claimed, meets, show, written, Relation, RelationKind, Sentence};
use crate::formula::Interval;
use crate::numbers::{Kind, Number};
use crate::tr;

const DROP: &str = "drop|decline|fall|decrease|reduction|cut|plunge|slide";
const RISE: &str = "increase|rise|jump|gain|growth|climb|surge";

/// After B: `, a 95% drop` (the number comes next) or `, a drop of 95%`.
static NOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s+[\p{{L}}\d]+){{0,3}}\s*,\s*(?:an?\s+(?:(?P<noun>{DROP}|{RISE})\s+of\s+)?)$"
    ))
    .expect("change pattern")
});
static NOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*(?P<noun>{DROP}|{RISE})\b")).expect("change noun pattern")
});
/// Before P: `rose 12%`, `fell by 95%`.
static VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<verb>rose|fell|dropped|declined|decreased|increased|grew|climbed|jumped|plunged|slid|rising|falling|dropping)\s+(?:by\s+)?$")
        .expect("change verb pattern")
});
static FACTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?P<bound>more\s+than|over|nearly|almost)\s+)?\b(?P<verb>doubled|tripled|trebled|quadrupled|halved)\s+from\s+$")
        .expect("factor pattern")
});
/// After `N times`: `more than the world average of`, `as many as`.
static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?P<how>more\s+than|as\s+(?:many|much|high|large)\s+as|(?:higher|greater|larger|bigger)\s+than)(?:\s+[\p{L}'’-]+){0,5}\s+$")
        .expect("times pattern")
});
/// Between a value and `N times`: a few words and perhaps a comma or a verb.
static BEFORE_TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,)?(?:\s+[\p{L}\d,'’-]+){0,4}?\s*,?\s*$").expect("before-times pattern")
});

/// `, up 5,789 from` between B, D and A.
static UP_DOWN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*,\s*(?P<way>up|down)\s+$").expect("up-down pattern"));

fn is_value(n: &Number) -> bool {
    matches!(n.kind, Kind::Count | Kind::Rate | Kind::Money) && !n.is_range && n.low > 0.0
}

fn is_drop(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    DROP.split('|').any(|d| d == w)
        || [
            "fell",
            "dropped",
            "declined",
            "decreased",
            "plunged",
            "slid",
            "falling",
            "dropping",
        ]
        .contains(&w.as_str())
}

pub(super) fn find(s: &Sentence) -> Vec<Relation> {
    let mut out = Vec::new();
    for (i, a) in s.numbers.iter().enumerate() {
        if !is_value(a) || last_word(s.between(s.range.start, a.qualifier_start)) != "from" {
            continue;
        }
        let Some(j) = to_value(s, i) else { continue };
        let b = &s.numbers[j];
        let before_a = s.between(s.range.start, a.qualifier_start);
        // `doubled from A to B`.
        if let Some(caps) = FACTOR.captures(before_a) {
            let verb = caps.name("verb").expect("verb");
            let bound = caps.name("bound").map(|m| m.as_str().to_ascii_lowercase());
            out.push(factor(
                s,
                a,
                b,
                verb.as_str(),
                verb.start(),
                bound.as_deref(),
            ));
            continue;
        }
        // `rose 12% from A to B`.
        if let Some(p) = i.checked_sub(1).map(|k| &s.numbers[k]) {
            let before_p = s.between(s.range.start, p.qualifier_start);
            let p_to_a = s.between(p.span.end, a.qualifier_start);
            if p.kind == Kind::Percent && p_to_a.trim() == "from" {
                if let Some(caps) = VERB_BEFORE.captures(before_p) {
                    out.push(percent(s, a, b, p, is_drop(&caps["verb"])));
                    continue;
                }
            }
        }
        // `from A to B, a 95% drop` / `, a drop of 95%`.
        let next = s.numbers[j + 1..]
            .iter()
            .find(|n| !matches!(n.kind, Kind::Year | Kind::Date));
        if let Some(p) = next.filter(|p| p.kind == Kind::Percent) {
            let Some(caps) = NOUN_BEFORE.captures(s.between(b.span.end, p.qualifier_start)) else {
                continue;
            };
            let noun = caps
                .name("noun")
                .map(|m| m.as_str().to_string())
                .or_else(|| {
                    NOUN_AFTER
                        .captures(&s.text[p.span.end..s.range.end])
                        .map(|c| c["noun"].to_string())
                });
            if let Some(noun) = noun {
                out.push(percent(s, a, b, p, is_drop(&noun)));
            }
        }
    }
    out.extend(differences(s));
    out.extend(multiples(s));
    out
}

/// `X …, five times more than … Y`.
fn multiples(s: &Sentence) -> Vec<Relation> {
    let mut out = Vec::new();
    for (i, m) in s.numbers.iter().enumerate() {
        if m.kind != Kind::Multiplier || i == 0 {
            continue;
        }
        let (x, y) = (&s.numbers[i - 1], s.numbers.get(i + 1));
        let Some(y) = y else { continue };
        if !is_value(x)
            || !is_value(y)
            || x.kind != y.kind && !(x.kind == Kind::Rate || y.kind == Kind::Rate)
        {
            continue;
        }
        let Some(caps) = TIMES.captures(s.between(m.span.end, y.qualifier_start)) else {
            continue;
        };
        if !BEFORE_TIMES.is_match(s.between(x.span.end, m.qualifier_start)) {
            continue;
        }
        let more_than = caps["how"].to_ascii_lowercase().starts_with("more");
        let (a, b) = (written(x), written(y));
        let ratio = Interval::new(a.low / b.high, a.high / b.low);
        let n = m.low;
        // "Five times more than" is read as 5 or 6 times; every factor 15% either way.
        let band = Interval::new(n * 0.85, (if more_than { n + 1.0 } else { n }) * 1.15);
        out.push(Relation {
            kind: RelationKind::Factor,
            claimed: m.span.clone(),
            value: Some((m.low, m.high)),
            involved: vec![m.span.clone(), x.span.clone(), y.span.clone()],
            figure: None,
            holds: meets(ratio, band),
            computation: times(s, x, y),
            verdict: tr!(s.locale, "arithmetic-not", written = &s.text[m.full_span()]),
            short: false,
        });
    }
    out
}

/// `x ÷ y = r times`, as the draft writes its numbers.
fn times(s: &Sentence, x: &Number, y: &Number) -> String {
    tr!(
        s.locale,
        "arithmetic-times",
        x = as_written(s.text, x),
        y = as_written(s.text, y),
        result = show(x.low / y.low, s.locale)
    )
}

/// The value after A that `to` introduces, with only words (and years) between.
fn to_value(s: &Sentence, i: usize) -> Option<usize> {
    let a = &s.numbers[i];
    let (j, b) = s
        .numbers
        .iter()
        .enumerate()
        .skip(i + 1)
        .find(|(_, n)| !matches!(n.kind, Kind::Year | Kind::Date))?;
    let between = s.between(a.span.end, b.qualifier_start);
    let words = between.split_whitespace().count();
    (is_value(b) && last_word(between) == "to" && words <= 6 && !between.contains([';', ':']))
        .then_some(j)
}

fn last_word(text: &str) -> String {
    text.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The change from A to B in percent, as an interval.
fn change(a: &Number, b: &Number) -> Interval {
    let (a, b) = (written(a), written(b));
    Interval::new(
        (b.low / a.high - 1.0) * 100.0,
        (b.high / a.low - 1.0) * 100.0,
    )
}

fn percent(s: &Sentence, a: &Number, b: &Number, p: &Number, drop: bool) -> Relation {
    let c = change(a, b);
    // A drop of 95% is a change of −95%.
    let magnitude = if drop {
        Interval::new(-c.high, -c.low)
    } else {
        c
    };
    let exact = (b.low / a.low - 1.0) * 100.0;
    let said = if exact < 0.0 { "drop" } else { "rise" };
    Relation {
        kind: RelationKind::Change,
        claimed: p.span.clone(),
        value: Some((p.low, p.high)),
        involved: vec![p.span.clone(), a.span.clone(), b.span.clone()],
        figure: None,
        holds: meets(magnitude, claimed(s.text, p)),
        computation: tr!(
            s.locale,
            "arithmetic-change",
            from = as_written(s.text, a),
            to = as_written(s.text, b),
            way = said,
            result = show(exact.abs(), s.locale)
        ),
        verdict: tr!(
            s.locale,
            "arithmetic-not-change",
            way = if drop { "drop" } else { "rise" },
            written = &s.text[p.full_span()]
        ),
        short: false,
    }
}

fn factor(
    s: &Sentence,
    a: &Number,
    b: &Number,
    verb: &str,
    verb_at: usize,
    bound: Option<&str>,
) -> Relation {
    let k = match verb.to_ascii_lowercase().as_str() {
        "doubled" => 2.0,
        "tripled" | "trebled" => 3.0,
        "quadrupled" => 4.0,
        _ => 0.5,
    };
    let (x, y) = (written(a), written(b));
    let ratio = Interval::new(y.low / x.high, y.high / x.low);
    // Reporters round: "doubled" is 1.7 to 2.3 times, every factor 15% either
    // way; "more than doubled" has no upper end, "nearly doubled" reaches down
    // to 0.7 of the factor.
    let band = match bound {
        Some("nearly" | "almost") => Interval::new(k * 0.7, k * 1.15),
        Some(_) => Interval::new(k * 0.85, f64::INFINITY),
        None => Interval::new(k * 0.85, k * 1.15),
    };
    let start = s.range.start + verb_at;
    let verb_span = start..start + verb.len();
    Relation {
        kind: RelationKind::Factor,
        claimed: verb_span.clone(),
        value: None,
        involved: vec![verb_span, a.span.clone(), b.span.clone()],
        figure: None,
        holds: meets(ratio, band),
        computation: times(s, b, a),
        verdict: if band.high.is_finite() {
            tr!(
                s.locale,
                "arithmetic-not-factor",
                verb = verb.to_ascii_lowercase(),
                low = show(band.low, s.locale),
                high = show(band.high, s.locale)
            )
        } else {
            tr!(
                s.locale,
                "arithmetic-not-factor-open",
                verb = verb.to_ascii_lowercase(),
                low = show(band.low, s.locale)
            )
        },
        short: false,
    }
}

/// `85,000, up 5,789 from 79,211`.
fn differences(s: &Sentence) -> Vec<Relation> {
    let mut out = Vec::new();
    for w in s.numbers.windows(3) {
        let (b, d, a) = (&w[0], &w[1], &w[2]);
        if !(is_value(a) && is_value(b) && is_value(d)) {
            continue;
        }
        let Some(caps) = UP_DOWN.captures(s.between(b.span.end, d.qualifier_start)) else {
            continue;
        };
        if s.between(d.span.end, a.qualifier_start).trim() != "from" {
            continue;
        }
        let up = caps["way"].eq_ignore_ascii_case("up");
        let (x, y) = (written(a), written(b));
        let diff = if up {
            Interval::new(y.low - x.high, y.high - x.low)
        } else {
            Interval::new(x.low - y.high, x.high - y.low)
        };
        let exact = if up { b.low - a.low } else { a.low - b.low };
        out.push(Relation {
            kind: RelationKind::Difference,
            claimed: d.span.clone(),
            value: Some((d.low, d.high)),
            involved: vec![d.span.clone(), b.span.clone(), a.span.clone()],
            figure: None,
            holds: meets(diff, claimed(s.text, d)),
            computation: format!(
                "{} {} {} = {}",
                as_written(s.text, b),
                '−',
                as_written(s.text, a),
                show(if up { exact } else { -exact }, s.locale)
            ),
            verdict: tr!(
                s.locale,
                "arithmetic-not",
                written = format!("{} {}", &caps["way"], &s.text[d.full_span()])
            ),
            short: false,
        });
    }
    out
}
