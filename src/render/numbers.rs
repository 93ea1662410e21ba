//! `figcheck numbers`: every numeric expression figcheck reads in a draft, and
//! the figure it attributed each one to, for rule authors.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::{json_number, Position};
use crate::attribute::tier::{Cue, ValueFit, WEIGHTS};
use crate::attribute::Claim;
use crate::confidence::Tier;
use crate::lang::Lang;
use crate::locale::Locale;
use crate::numbers::Number;
use crate::rules::Rules;
use crate::text::LineIndex;
use crate::Analysis;

/// One file's numbers, as the recogniser and attribution saw them.
pub struct NumbersReport<'a> {
    pub path: &'a str,
    /// The rules the draft was read with.
    pub rules: &'a Rules,
    pub source: &'a str,
    pub analysis: &'a Analysis,
}

#[derive(Serialize)]
struct Row<'a> {
    path: &'a str,
    #[serde(flatten)]
    position: Position,
    text: &'a str,
    value: Value,
    low: Value,
    high: Value,
    kind: &'static str,
    qualifier: Option<&'static str>,
    figure: Option<&'a str>,
    /// The words that named the figure, as the draft has them.
    subject: Option<&'a str>,
    /// For a claim: `assertion`, `forecast` (not judged) or `history` (never stale).
    modality: Option<&'static str>,
    /// For a claim whose clause names its own time: that date (`2024-03`) …
    anchor: Option<String>,
    /// … and the words that name it (`by March 2024`).
    anchor_text: Option<&'a str>,
    /// For a claim: the tier its weighed evidence puts it in (`firm`,
    /// `likely`, `weak`; see `src/attribute/tier.rs`), …
    tier: Option<&'static str>,
    /// … the probability, from the weighed evidence, that a finding about it
    /// is right …
    #[serde(serialize_with = "rounded")]
    score: Option<f64>,
    /// … and that evidence.
    evidence: Option<crate::attribute::tier::Evidence>,
}

/// A score to three decimals: enough to read, and the same on every machine.
fn rounded<S: serde::Serializer>(score: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match score {
        Some(v) => s.serialize_f64((v * 1000.0).round() / 1000.0),
        None => s.serialize_none(),
    }
}

/// The date a draft is checked at, and the language it is read in.
#[derive(Serialize)]
struct DraftRow<'a> {
    path: &'a str,
    date: Option<String>,
    /// Where the date came from: `front-matter:date`, `html-meta:…`, `as-of`, `today`.
    from: Option<String>,
    /// The language the draft is read in: `en`, `es`.
    lang: Option<&'static str>,
    /// Where the language came from: `settings`, `front-matter:lang`,
    /// `html-lang`, `lang-flag`, `detected`, `default`.
    lang_from: Option<String>,
    /// How the draft marks decimals: `point` (`1.9`) or `comma` (`1,9`).
    decimal: Option<&'static str>,
}

/// A relation a sentence states between its numbers, recomputed.
#[derive(Serialize)]
struct RelationRow<'a> {
    path: &'a str,
    #[serde(flatten)]
    position: Position,
    /// `share`, `change`, `factor`, `difference` or `parts`.
    relation: &'static str,
    /// The number (or word) that states the result, as written.
    text: &'a str,
    /// The computation: `85,000 ÷ 6,300,000 = 1.35%`.
    computation: &'a str,
    holds: bool,
    /// The figure of the rules the relation takes a value from, if any.
    figure: Option<&'a str>,
}

fn relations<'a>(reports: &'a [NumbersReport<'a>]) -> Vec<RelationRow<'a>> {
    let mut out = Vec::new();
    for report in reports {
        let index = LineIndex::new(report.source);
        for r in &report.analysis.relations {
            out.push(RelationRow {
                path: report.path,
                position: Position::of(&index, report.source, &r.claimed),
                relation: r.kind.as_str(),
                text: &report.source[r.claimed.clone()],
                computation: &r.computation,
                holds: r.holds,
                figure: r.figure.map(|i| report.rules.figures[i].id.as_str()),
            });
        }
    }
    out
}

fn drafts<'a>(reports: &'a [NumbersReport<'a>]) -> Vec<DraftRow<'a>> {
    reports
        .iter()
        .map(|r| DraftRow {
            path: r.path,
            date: r.analysis.date.map(|d| d.date.to_string()),
            from: r.analysis.date.map(|d| d.origin.key()),
            lang: r.analysis.lang.map(|l| l.lang.code()),
            lang_from: r.analysis.lang.map(|l| l.origin.key()),
            decimal: r.analysis.lang.map(|l| l.decimal.as_str()),
        })
        .collect()
}

fn rows<'a>(reports: &'a [NumbersReport<'a>]) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for report in reports {
        let index = LineIndex::new(report.source);
        let claim_of = claim_of(report);
        for (i, n) in report.analysis.numbers.iter().enumerate() {
            let claim = claim_of[i];
            let mut row = row(
                report,
                &index,
                n,
                claim.map(|c| report.rules.figures[c.figure].id.as_str()),
            );
            if let Some(claim) = claim {
                row.subject = report.source.get(claim.subject.clone());
                row.modality = Some(claim.modality.as_str());
                row.tier = Some(claim.tier.as_str());
                row.score = Some(claim.score);
                row.evidence = Some(claim.evidence);
                if let Some(anchor) = claim.anchor {
                    row.anchor = Some(anchor.date.to_string());
                    row.anchor_text = report.source.get(anchor.start..anchor.end);
                }
            }
            rows.push(row);
        }
    }
    rows
}

fn row<'a>(
    report: &NumbersReport<'a>,
    index: &LineIndex,
    n: &Number,
    figure: Option<&'a str>,
) -> Row<'a> {
    let (value, low, high) = if n.is_range {
        (Value::Null, json_number(n.low), json_number(n.high))
    } else {
        (json_number(n.low), Value::Null, Value::Null)
    };
    Row {
        path: report.path,
        position: Position::of(index, report.source, &n.span),
        text: &report.source[n.span.clone()],
        value,
        low,
        high,
        kind: n.kind.as_str(),
        qualifier: n.qualifier.map(|q| q.phrase()),
        figure,
        subject: None,
        modality: None,
        anchor: None,
        anchor_text: None,
        tier: None,
        score: None,
        evidence: None,
    }
}

/// Each number's claim, found once (a long draft has many of both); where a
/// number has more than one, the first.
fn claim_of<'a>(report: &NumbersReport<'a>) -> Vec<Option<&'a Claim>> {
    let mut claim_of = vec![None; report.analysis.numbers.len()];
    for claim in report.analysis.claims.iter().rev() {
        if let Some(slot) = claim_of.get_mut(claim.number) {
            *slot = Some(claim);
        }
    }
    claim_of
}

/// How sure figcheck is that a claim is about its figure, and why, as
/// `locale` writes it: its tier and score, then each piece of evidence the
/// weights weigh that moved the score, most first, with the way it moved
/// it: `firm 0.79 (+ a running total)`.
pub fn how_sure(claim: &Claim, locale: Locale) -> String {
    let tier = tier_name(claim.tier, locale);
    let score = locale.marks(format!("{:.2}", claim.score));
    let mut why: Vec<String> = WEIGHTS
        .weighed(&claim.evidence)
        .into_iter()
        .map(|(cue, term)| {
            let sign = if term > 0.0 { '+' } else { '−' };
            format!("{sign} {}", cue_words(cue, locale.lang))
        })
        .collect();
    // The value, where it took the claim below the tier its words reach.
    let value = claim.evidence.value;
    if value.cap() < WEIGHTS.tier_of(&claim.evidence) {
        let words = match value {
            ValueFit::Qualified => crate::locale::text(locale.lang, "cue-value-qualified", &[]),
            _ => crate::locale::text(locale.lang, "cue-value-bare", &[]),
        };
        why.insert(0, format!("− {words}"));
    }
    if why.is_empty() {
        format!("{tier} {score}")
    } else {
        format!("{tier} {score} ({})", why.join("; "))
    }
}

/// A tier's name as `locale` writes it.
pub fn tier_name(tier: Tier, locale: Locale) -> String {
    let lang = locale.lang;
    match tier {
        Tier::Firm => crate::locale::text(lang, "tier-firm", &[]),
        Tier::Likely => crate::locale::text(lang, "tier-likely", &[]),
        Tier::Weak => crate::locale::text(lang, "tier-weak", &[]),
    }
}

/// What a piece of evidence is, in a few words of `lang`.
fn cue_words(cue: Cue, lang: Lang) -> String {
    match cue {
        Cue::ValueOff => crate::locale::text(lang, "cue-value-off", &[]),
        Cue::WordsBetween => crate::locale::text(lang, "cue-words-between", &[]),
        Cue::NarrowTime => crate::locale::text(lang, "cue-narrow-time", &[]),
        Cue::MarksBetween => crate::locale::text(lang, "cue-marks-between", &[]),
        Cue::NumberFirst => crate::locale::text(lang, "cue-number-first", &[]),
        Cue::Part => crate::locale::text(lang, "cue-part", &[]),
        Cue::Period => crate::locale::text(lang, "cue-period", &[]),
        Cue::RunningTotal => crate::locale::text(lang, "cue-running-total", &[]),
        Cue::Referred => crate::locale::text(lang, "cue-referred", &[]),
        Cue::Family => crate::locale::text(lang, "cue-family", &[]),
        Cue::Earlier => crate::locale::text(lang, "cue-earlier", &[]),
        Cue::Dated => crate::locale::text(lang, "cue-dated", &[]),
        Cue::Rivals => crate::locale::text(lang, "cue-rivals", &[]),
    }
}

/// `{"version": 1, "drafts": [...], "numbers": [...]}`
pub fn render_json(reports: &[NumbersReport]) -> String {
    #[derive(Serialize)]
    struct Document<'a> {
        version: u32,
        drafts: Vec<DraftRow<'a>>,
        numbers: Vec<Row<'a>>,
        relations: Vec<RelationRow<'a>>,
    }
    let document = Document {
        version: 1,
        drafts: drafts(reports),
        numbers: rows(reports),
        relations: relations(reports),
    };
    let mut out = serde_json::to_string_pretty(&document).expect("numbers serialise to JSON");
    out.push('\n');
    out
}

/// A line per draft with the date it is checked at, then one line per number:
/// `path:line:column  text  kind  value  [qualifier]
/// [-> figure (subject: "words")  TIER SCORE [(± cue; …)]  [forecast|history]
/// [at DATE ("words")]]`, the cues being the weighed evidence behind the
/// tier ([`how_sure`]).
pub fn render_human(reports: &[NumbersReport]) -> String {
    let mut out = String::new();
    for report in reports {
        if let Some(date) = report.analysis.date {
            let _ = write!(
                out,
                "{}: checked as of {} ({})",
                super::visible(report.path),
                date.date,
                date.origin.describe()
            );
            // English from the settings is the default, and goes unsaid.
            if let Some(lang) = report.analysis.lang.filter(|l| {
                l.lang != crate::lang::Lang::En || l.origin != crate::lang::Origin::Settings
            }) {
                let _ = write!(
                    out,
                    ", read in {} ({})",
                    lang.lang.name(),
                    lang.origin.describe()
                );
                if lang.lang != crate::lang::Lang::En {
                    let _ = write!(out, " with a decimal {}", lang.decimal.as_str());
                }
            }
            out.push('\n');
        }
        let claim_of = claim_of(report);
        for (row, claim) in rows(std::slice::from_ref(report)).into_iter().zip(claim_of) {
            let value = match (&row.value, &row.low, &row.high) {
                (Value::Null, low, high) => format!("{low}–{high}"),
                (value, _, _) => value.to_string(),
            };
            let _ = write!(
                out,
                "{}:{}:{}  {:?}  {}  {}",
                super::visible(row.path),
                row.position.line,
                row.position.column,
                row.text,
                row.kind,
                value
            );
            if let Some(q) = row.qualifier {
                let _ = write!(out, "  qualifier: {q}");
            }
            if let Some(f) = row.figure {
                let _ = write!(out, "  -> {f}");
                if let Some(subject) = row.subject {
                    let _ = write!(out, " (subject: {subject:?})");
                }
                if let Some(claim) = claim {
                    let _ = write!(out, "  {}", how_sure(claim, Locale::ENGLISH));
                }
                if let Some(modality) = row.modality.filter(|m| *m != "assertion") {
                    let _ = write!(out, "  {modality}");
                }
                if let (Some(date), Some(words)) = (&row.anchor, row.anchor_text) {
                    let _ = write!(out, "  at {date} ({words:?})");
                }
            }
            out.push('\n');
        }
        for r in relations(std::slice::from_ref(report)) {
            let _ = writeln!(
                out,
                "{}:{}:{}  {:?}  {}: {}  {}",
                super::visible(r.path),
                r.position.line,
                r.position.column,
                r.text,
                r.relation,
                r.computation,
                if r.holds { "holds" } else { "does not hold" }
            );
        }
    }
    out
}
