//! `figcheck coverage`, as a table for people and as JSON.

use std::fmt::Write as _;

use serde::Serialize;

use super::Position;
use crate::coverage::{Coverage, NearMiss};
use crate::rules::Rules;
use crate::text::LineIndex;

/// The near-misses of one draft, with what is needed to show them.
pub struct DraftMisses<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub misses: &'a [NearMiss],
}

/// How many characters of a near-miss's sentence are shown.
const SENTENCE_SHOWN: usize = 200;

/// The sentence on one line, cut to [`SENTENCE_SHOWN`] characters around the
/// number.
fn sentence(source: &str, miss: &NearMiss) -> String {
    let text = &source[miss.sentence.clone()];
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= SENTENCE_SHOWN {
        return words;
    }
    // Cut around the number: the words before it, then after.
    let at = source[miss.sentence.start..miss.span.start]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .count();
    let from = at.saturating_sub(SENTENCE_SHOWN / 2);
    let cut: String = words.chars().skip(from).take(SENTENCE_SHOWN).collect();
    let before = if from > 0 { "…" } else { "" };
    format!("{before}{cut}…")
}

pub fn render_human(coverage: &Coverage, drafts: &[DraftMisses], rules: &Rules) -> String {
    let mut out = String::new();
    let width = rules
        .figures
        .iter()
        .map(|f| f.id.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let _ = writeln!(
        out,
        "{:<width$}  {:>6}  {:>6}  {:>8}",
        "figure", "drafts", "claims", "findings"
    );
    for (figure, counts) in rules.figures.iter().zip(&coverage.figures) {
        let _ = writeln!(
            out,
            "{:<width$}  {:>6}  {:>6}  {:>8}",
            figure.id, counts.drafts, counts.claims, counts.findings
        );
    }
    let unmentioned = coverage.unmentioned();
    let drafts_word = if coverage.drafts == 1 {
        "draft"
    } else {
        "drafts"
    };
    if unmentioned.is_empty() {
        let _ = writeln!(
            out,
            "\nevery figure is mentioned in the {} {drafts_word} read",
            coverage.drafts
        );
    } else {
        let ids: Vec<&str> = unmentioned
            .iter()
            .map(|&i| rules.figures[i].id.as_str())
            .collect();
        let _ = writeln!(
            out,
            "\nno draft of the {} read mentions: {}",
            coverage.drafts,
            ids.join(", ")
        );
    }
    let count: usize = drafts.iter().map(|d| d.misses.len()).sum();
    if count == 0 {
        let _ = writeln!(out, "no near-misses");
        return out;
    }
    let _ = writeln!(
        out,
        "\n{count} near-miss{}: numbers that are a figure's value but that no subject phrase claimed;\nif the sentence is about the figure, add the words it uses to the figure's subjects",
        if count == 1 { "" } else { "es" }
    );
    for draft in drafts {
        let index = LineIndex::new(draft.source);
        for miss in draft.misses {
            let position = Position::of(&index, draft.source, &miss.span);
            let _ = writeln!(
                out,
                "{}:{}:{}  {}  {}\n    {}",
                super::visible(draft.path),
                position.line,
                position.column,
                super::visible(&draft.source[miss.span.clone()]),
                rules.figures[miss.figure].id,
                super::visible(&sentence(draft.source, miss))
            );
        }
    }
    out
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    drafts: usize,
    figures: Vec<FigureRow<'a>>,
    unmentioned: Vec<&'a str>,
    near_misses: Vec<MissRow<'a>>,
}

#[derive(Serialize)]
struct FigureRow<'a> {
    id: &'a str,
    name: &'a str,
    drafts: usize,
    claims: usize,
    findings: usize,
}

#[derive(Serialize)]
struct MissRow<'a> {
    path: &'a str,
    #[serde(flatten)]
    position: Position,
    text: &'a str,
    figure: &'a str,
    sentence: String,
}

pub fn render_json(coverage: &Coverage, drafts: &[DraftMisses], rules: &Rules) -> String {
    let mut near_misses = Vec::new();
    for draft in drafts {
        let index = LineIndex::new(draft.source);
        for miss in draft.misses {
            near_misses.push(MissRow {
                path: draft.path,
                position: Position::of(&index, draft.source, &miss.span),
                text: &draft.source[miss.span.clone()],
                figure: &rules.figures[miss.figure].id,
                sentence: sentence(draft.source, miss),
            });
        }
    }
    let document = Document {
        version: 1,
        drafts: coverage.drafts,
        figures: rules
            .figures
            .iter()
            .zip(&coverage.figures)
            .map(|(f, c)| FigureRow {
                id: &f.id,
                name: &f.name,
                drafts: c.drafts,
                claims: c.claims,
                findings: c.findings,
            })
            .collect(),
        unmentioned: coverage
            .unmentioned()
            .into_iter()
            .map(|i| rules.figures[i].id.as_str())
            .collect(),
        near_misses,
    };
    let mut out = serde_json::to_string_pretty(&document).expect("coverage serialises to JSON");
    out.push('\n');
    out
}
