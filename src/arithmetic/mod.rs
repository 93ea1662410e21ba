//! `figcheck::arithmetic`: the draft's own arithmetic. A sentence that gives a
//! share ("85,000 people, roughly 1.6% of the population"), a change ("from 38
//! to 1.9, a 95% drop", "doubled from 40,000 to 85,000") or parts of a whole
//! ("of the 367 deaths, 244 were men and 137 women") is recomputed from its own
//! numbers, or from a figure of the rules it names ("of the population").
//!
//! Precision first: a relation is read only in the few shapes below, where the
//! numbers it relates are beyond doubt; a percentage of something else, a
//! change with no base, or percentage points are left alone. Each relation is
//! judged with the precision its numbers are written with, so rounding never
//! makes a finding.

mod change;
mod parts;
mod share;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::date::Day;
use crate::finding::{Code, Finding, Label};
use crate::formula::Interval;
use crate::lang::Lang;
use crate::locale::Locale;
use crate::numbers::{self, Kind, Number};
use crate::rules::{Figure, Severity};
use crate::text;
use crate::tr;

pub const EXPLANATION: &str = "\
figcheck::arithmetic

What it means
  A sentence relates its numbers, and the relation does not hold when it is
  recomputed: a share that is not the count over the whole (85,000 people,
  roughly 1.6% of a population of 6.3 million: 85,000 ÷ 6,300,000 = 1.35%),
  a change whose percentage does not follow from its two values (from 38 to
  1.9, a drop of 80%: it is 95.0%), a \"doubled\" or \"tripled\" that the
  values do not bear out, or parts that add up to more than their whole (of
  the 367 deaths, 244 were men and 137 women: 381).
  The whole of a share may be a figure of rules.toml that the sentence names
  after \"of\" (the figure's share_of phrases, such as \"the population\", or
  a count's own subjects).
  Each number counts with the precision it is written with and its qualifier
  (\"roughly 1.6%\" is anything that rounds to 1.6, widened 5%; \"more than
  85,000\" is 85,000 up to 5% more); \"doubled\" means 1.7 to 2.3 times, and
  every factor 15% either way.

  Not judged: a percentage of something other than the number beside it
  (1.6% of the budget), a change with no base in the sentence (grew 5% last
  year), percentage points, and a share whose whole is not clear.

Why it matters
  Every number in such a sentence can be right on its own, so a check of
  each value passes it; only the arithmetic is wrong, and readers do the sum.

Example
  Police have arrested 85,000 people, roughly 1.6% of the population.
  (rules.toml: the population is 6.3 million; 85,000 ÷ 6,300,000 = 1.35%)

How to fix it
  Redo the computation the help line shows, and correct whichever number is
  wrong. Severity: error, or `arithmetic` in [settings].
  Not fixable automatically: any of the numbers may be the wrong one.
";

/// What kind of relation a sentence states between its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// A part as a share of a whole: `85,000 people, 1.35% of 6.3 million`.
    Share,
    /// A change in percent: `from 38 to 1.9, a 95% drop`.
    Change,
    /// A change as a factor: `doubled from 40,000 to 85,000`.
    Factor,
    /// A change as a difference: `85,000, up 5,789 from 79,211`.
    Difference,
    /// Parts of a whole: `of the 367 deaths, 244 … and 137 …`.
    Parts,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Share => "share",
            RelationKind::Change => "change",
            RelationKind::Factor => "factor",
            RelationKind::Difference => "difference",
            RelationKind::Parts => "parts",
        }
    }
}

/// A relation a sentence states, recomputed.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub kind: RelationKind,
    /// The number that states the result (the share, the change, the whole).
    pub claimed: Range<usize>,
    /// Its value as read, when it is a number (not "doubled").
    pub value: Option<(f64, f64)>,
    /// Every place the relation reads: numbers, and the words naming a figure.
    pub involved: Vec<Range<usize>>,
    /// A figure of the rules the relation takes a value from, if any.
    pub figure: Option<usize>,
    /// Whether the relation holds.
    pub holds: bool,
    /// The computation in plain words: `85,000 ÷ 6,300,000 = 1.35%`.
    pub computation: String,
    /// What the draft says instead, when it does not hold: `not 1.6%`.
    pub verdict: String,
    /// For parts: whether they fall short of their whole (rather than
    /// exceed it).
    pub short: bool,
}

/// What a sentence must hold for one of the shapes to be in it: a share
/// followed by `of`, a value after `from`, `up … from`, or `of the` and a
/// number opening a clause or after a number (`244 of the 367`). Only such
/// sentences have their numbers read.
/// (ASCII word boundaries keep the search in the fast DFA on any text.)
const CUE_PATTERN: &str = r"(?i)(?:%|(?-u:\b)per\s?cent|(?-u:\b)half|(?-u:\b)thirds?|(?-u:\b)quarters?|(?-u:\b)fifths?|(?-u:\b)one\s+in\s+\w+),?\s+of(?-u:\b)|(?-u:\b)from\s+\$?\d|(?-u:\b)(?:up|down)\s+\$?\d[\d,.]*\s*\w*\s+from(?-u:\b)|(?:^|[,\n]|\d\s)\W*of\s+(?:the|these|those|its|their)\s+\d|(?-u:\b)(?:times|twice|thrice)\s+(?:more|as|higher|greater|larger|bigger)(?-u:\b)";

static CUE: LazyLock<Regex> = LazyLock::new(|| Regex::new(CUE_PATTERN).expect("cue pattern"));

/// [`CUE`] with its word classes in ASCII, for a draft whose letters and
/// digits are all ASCII: there the two find the same cues, and this one
/// compiles in a fraction of the time (each Unicode `\w` costs about a
/// quarter of a millisecond, and every draft needs the cue, so a pre-commit
/// run on one draft pays for it).
static CUE_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = CUE_PATTERN
        .replace(r"\w", "[0-9A-Za-z_]")
        .replace(r"\W", "[^0-9A-Za-z_]");
    Regex::new(&pattern).expect("cue pattern")
});

/// The cue pattern for `text`: [`CUE_ASCII`] unless a character beyond
/// ASCII may be a letter or digit (`\w`). Spaces, dashes, quotes, bullets
/// and the ellipsis of news prose are known not to be.
fn cue_for(text: &str) -> &'static Regex {
    let not_word = |c: char| {
        c.is_ascii()
            || matches!(c,
                '\u{a0}' | '\u{ab}' | '\u{bb}'
                | '\u{2000}'..='\u{200a}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2018}'..='\u{201f}'
                | '\u{2020}'..='\u{2022}'
                | '\u{2026}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
    };
    if text.is_ascii() || text.chars().all(not_word) {
        &CUE_ASCII
    } else {
        &CUE
    }
}

/// Every relation in the prose `text`, in order. `breaks` are the block ends
/// of the draft; `figures` give the wholes a share may be taken of, at the
/// draft's date, which `day` gives (asked for only when a figure is a whole).
/// Sentences and numbers are read as `locale` writes them, and so are the
/// computations; the shapes themselves are read in English only, so a
/// Spanish draft's arithmetic is not checked yet.
pub fn find(
    text: &str,
    breaks: &[usize],
    figures: &[Figure],
    day: &dyn Fn() -> Day,
    locale: Locale,
) -> Vec<Relation> {
    let lang = locale.lang;
    let mut relations = Vec::new();
    let mut done = 0;
    let cues = cue_for(text);
    for cue in cues.find_iter(text) {
        if cue.start() < done {
            continue;
        }
        let paragraph = text::paragraph_around(text, breaks, cue.start());
        for sentence in text::sentences(&text[paragraph.clone()], lang) {
            let sentence = sentence.start + paragraph.start..sentence.end + paragraph.start;
            if sentence.end <= cue.start() || sentence.start < done {
                continue;
            }
            if !cues.is_match(&text[sentence.clone()]) {
                continue;
            }
            relations.extend(in_sentence(text, &sentence, figures, day, locale));
        }
        done = paragraph.end.max(cue.end());
    }
    relations
}

/// The relations of one sentence.
fn in_sentence(
    text: &str,
    sentence: &Range<usize>,
    figures: &[Figure],
    day: &dyn Fn() -> Day,
    locale: Locale,
) -> Vec<Relation> {
    let numbers: Vec<Number> =
        numbers::recognise_as(&text[sentence.clone()], locale.lang, locale.decimal)
            .into_iter()
            .map(|n| n.shifted(sentence.start))
            .collect();
    if numbers.len() < 2 && !numbers.iter().any(is_share) {
        return Vec::new();
    }
    let s = Sentence {
        text,
        range: sentence.clone(),
        numbers: &numbers,
        locale,
    };
    let mut out = Vec::new();
    out.extend(share::find(&s, figures, day));
    out.extend(change::find(&s));
    out.extend(parts::find(&s));
    out.sort_by_key(|r| r.claimed.start);
    out.dedup_by_key(|r| r.claimed.clone());
    out
}

/// One sentence and its numbers, for the relation finders.
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub numbers: &'a [Number],
    /// How the draft writes: its computations are written so.
    pub locale: Locale,
}

impl Sentence<'_> {
    /// The text between two offsets.
    fn between(&self, from: usize, to: usize) -> &str {
        if from >= to {
            ""
        } else {
            &self.text[from..to]
        }
    }

    /// The first number starting at or after `at`, with its index.
    fn number_from(&self, at: usize) -> Option<(usize, &Number)> {
        self.numbers
            .iter()
            .enumerate()
            .find(|(_, n)| n.qualifier_start >= at)
    }
}

/// Whether a number states a share: a percent or a fraction.
fn is_share(n: &Number) -> bool {
    matches!(n.kind, Kind::Percent | Kind::Fraction)
}

/// The values a number stands for, as written and with its qualifier. A
/// percentage is rounded at its last digit ("a 94% drop" is 93.5–94.5), and a
/// fraction word ("one in five", "half") is read to 10% either way.
fn claimed(text: &str, n: &Number) -> Interval {
    if n.kind == Kind::Fraction {
        let v = n.low * 100.0;
        return Interval::new(v * 0.9, v * 1.1);
    }
    let Interval { mut low, mut high } = written(n);
    if n.kind == Kind::Percent {
        let written = &text[n.span.clone()];
        let decimals = written.split_once('.').map_or(0, |(_, d)| {
            d.chars().take_while(char::is_ascii_digit).count()
        });
        let half = 0.5 * 10f64.powi(-(decimals as i32));
        low = low.min(n.low - half);
        high = high.max(n.high + half);
    }
    Interval::new(low, high)
}

/// The values a number stands for as written: its precision, `about`, and
/// a one-sided qualifier reaching [`numbers::WRITTEN_REACH`] (`more than
/// 85,000` is 85,000 up to 89,250).
fn written(n: &Number) -> Interval {
    let (low, high) = n.qualified_interval(numbers::WRITTEN_REACH);
    Interval::new(low, high)
}

fn meets(a: Interval, b: Interval) -> bool {
    a.low <= b.high + 1e-9 && b.low <= a.high + 1e-9
}

/// A computed value as a reader of `locale` writes it: `1.35`, `95.0`,
/// `2.1`, `85,000` (`1,35`, `85.000` where decimals take a comma).
fn show(v: f64, locale: Locale) -> String {
    let a = v.abs();
    let text = if a >= 1000.0 || (v.fract() == 0.0 && a >= 10.0) {
        return locale.value(v.round(), crate::value::Unit::Count);
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    locale.marks(text)
}

/// A computed share as a reader of `locale` writes it: `1.35%`, `1,35 %`.
fn show_percent(v: f64, locale: Locale) -> String {
    match locale.lang {
        Lang::En => format!("{}%", show(v, locale)),
        Lang::Es => format!("{} %", show(v, locale)),
    }
}

/// A number as the draft wrote it.
fn as_written<'t>(text: &'t str, n: &Number) -> &'t str {
    &text[n.span.clone()]
}

/// `figcheck::arithmetic` findings for the relations that do not hold.
pub fn findings(
    text: &str,
    relations: &[Relation],
    severity: Severity,
    locale: Locale,
) -> Vec<Finding> {
    relations
        .iter()
        .filter(|r| !r.holds)
        .map(|r| {
            let found = &text[r.claimed.clone()];
            let what = match r.kind {
                RelationKind::Share => "share",
                RelationKind::Change => "change",
                RelationKind::Factor => "factor",
                RelationKind::Difference => "difference",
                RelationKind::Parts if r.short => "parts-short",
                RelationKind::Parts => "parts-over",
            };
            let labels = r
                .involved
                .iter()
                .map(|span| Label {
                    span: span.clone(),
                    text: if *span == r.claimed {
                        tr!(locale, "label-here", found = &text[span.clone()])
                    } else {
                        text[span.clone()].to_string()
                    },
                })
                .collect();
            Finding {
                code: Code::Arithmetic,
                severity,
                figure: r.figure,
                span: r.claimed.clone(),
                found_text: found.to_string(),
                found: r.value,
                canonical: None,
                message: tr!(
                    locale,
                    "arithmetic",
                    what = what,
                    computation = r.computation
                ),
                help: tr!(
                    locale,
                    "arithmetic-help",
                    computation = r.computation,
                    verdict = r.verdict
                ),
                labels,
                fix: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_cue_is_taken_only_where_no_letter_is_beyond_ascii() {
        // Every character let through is no word character to the regex
        // engine, so the two patterns cannot differ on such a text.
        let word = Regex::new(r"\w").unwrap();
        let through: String = (0x80..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|&c| std::ptr::eq(cue_for(&c.to_string()), &*CUE_ASCII))
            .collect();
        assert!(!through.is_empty());
        assert!(!word.is_match(&through), "{through}");
        for text in ["44% of the 85,000", "“half” of the 367 — …", "a\u{202f}b"] {
            assert!(std::ptr::eq(cue_for(text), &*CUE_ASCII), "{text}");
        }
        for text in [
            "según Cristosal, 40% of them",
            "Fiscalía: 40% of them",
            "e\u{301}",
        ] {
            assert!(std::ptr::eq(cue_for(text), &*CUE), "{text}");
        }
    }

    #[test]
    fn both_cues_find_the_same_on_text_in_ascii() {
        let text = "About 40% of the 85,000 detainees were released, up 12 percent from 2023.\n\
                    Of the 367 deaths, 244 were counted by Cristosal; one in five of them, \
                    three times more than in 2022 — and twice as high as the “official” count.\n\
                    (Of these 30 cases, half of them were reviewed.) The rate fell from 7.8 to 2.4, down 5 points from";
        let spans = |re: &Regex| re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
        assert!(spans(&CUE).len() >= 6);
        assert_eq!(spans(&CUE), spans(&CUE_ASCII));
    }
}
