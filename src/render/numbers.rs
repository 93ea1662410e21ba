//! `figcheck numbers`: every numeric expression figcheck reads in a draft, and
//! the figure it attributed each one to, for rule authors.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::{json_number, Position};
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
        // Each number's claim, found once: a long draft has many of both.
        let mut claim_of = vec![None; report.analysis.numbers.len()];
        for claim in report.analysis.claims.iter().rev() {
            if let Some(slot) = claim_of.get_mut(claim.number) {
                *slot = Some(claim);
            }
        }
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
/// [-> figure (subject: "words")  [forecast|history]  [at DATE ("words")]]`.
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
        for row in rows(std::slice::from_ref(report)) {
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
