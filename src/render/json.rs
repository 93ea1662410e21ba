//! The JSON format (one document) and JSON Lines (one finding per line).
//! Both are stable (version 1); later versions only add fields.

use serde::Serialize;
use serde_json::Value;

use super::{
    each_located, json_number, ArrayStream, FileReport, Items, Located, Position, Summary,
};
use crate::date::DraftDate;
use crate::rules::Rules;

/// A file that could not be checked, reported next to the findings.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: [(); 0],
    problems: &'a [Problem],
    summary: &'a Summary,
}

fn empty_document(problems: &[Problem], summary: &Summary) -> String {
    let document = Document {
        version: 1,
        findings: [],
        problems,
        summary,
    };
    serde_json::to_string_pretty(&document).expect("findings serialise to JSON")
}

/// The JSON document written as files finish: [`JsonStream::begin`] before
/// the first file, [`JsonStream::push`] with each file's [`findings`] in
/// order, [`JsonStream::end`] after the last.
#[derive(Debug)]
pub struct JsonStream(ArrayStream);

impl JsonStream {
    /// The stream, and the text that opens the document.
    pub fn begin() -> (JsonStream, String) {
        let (head, _, stream) =
            ArrayStream::split(&empty_document(&[], &Summary::default()), "findings");
        (JsonStream(stream), head)
    }

    /// The indentation [`findings`] takes.
    pub fn item_indent(&self) -> usize {
        self.0.item_indent()
    }

    pub fn push(&mut self, findings: Items) -> String {
        self.0.push(findings)
    }

    /// The text that ends the document: the problems and the summary.
    pub fn end(self, problems: &[Problem], summary: &Summary) -> String {
        let (_, tail, _) = ArrayStream::split(&empty_document(problems, summary), "findings");
        format!("{}{tail}\n", self.0.close())
    }
}

/// One file's findings as items of the document's `findings`, each
/// indented by `indent` (see [`JsonStream::item_indent`]).
pub fn findings(report: &FileReport, rules: &Rules, indent: usize) -> Items {
    let mut out = Items::new(indent);
    each_located(report, rules, |l| out.add(&json_finding(l)));
    out
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    #[serde(flatten)]
    position: Position,
    code: &'static str,
    severity: &'static str,
    /// The figure's id; `null` for a finding about the draft itself.
    figure: Option<&'a str>,
    /// The value found; `null` for a range (see `found_low`, `found_high`).
    found: Value,
    found_low: Value,
    found_high: Value,
    found_text: &'a str,
    /// The canonical value; `null` when it is a range (see `canonical_low`, `canonical_high`).
    canonical: Value,
    canonical_low: Value,
    canonical_high: Value,
    message: &'a str,
    help: &'a str,
    labels: Vec<JsonLabel<'a>>,
    /// The date the draft was checked at, and where that date came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    draft_date: Option<JsonDate>,
    /// The edit that corrects the number, if there is one.
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    /// `safe` (applied by --fix) or `unsafe` (only with --unsafe-fixes).
    applicability: &'static str,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    #[serde(flatten)]
    position: Position,
    content: &'a str,
}

/// `{"date": "2025-05-01", "from": "front-matter:date"}`
#[derive(Serialize)]
pub(crate) struct JsonDate {
    pub date: String,
    pub from: String,
}

impl JsonDate {
    pub(crate) fn of(date: DraftDate) -> JsonDate {
        JsonDate {
            date: date.date.to_string(),
            from: date.origin.key(),
        }
    }
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    #[serde(flatten)]
    position: Position,
    text: &'a str,
}

fn value_or_null(value: Option<(f64, f64)>) -> Value {
    match value {
        Some((low, high)) if low == high => json_number(low),
        _ => Value::Null,
    }
}

fn end(value: Option<(f64, f64)>, high: bool) -> Value {
    value.map_or(Value::Null, |(l, h)| json_number(if high { h } else { l }))
}

fn json_finding<'a>(l: &Located<'a>) -> JsonFinding<'a> {
    let f = l.finding;
    JsonFinding {
        path: l.path,
        position: l.position,
        code: f.code.as_str(),
        severity: f.severity.as_str(),
        figure: l.figure.map(|f| f.id.as_str()),
        found: value_or_null(f.found),
        found_low: end(f.found, false),
        found_high: end(f.found, true),
        found_text: &f.found_text,
        canonical: value_or_null(f.canonical),
        canonical_low: end(f.canonical, false),
        canonical_high: end(f.canonical, true),
        message: &f.message,
        help: &f.help,
        labels: f
            .labels
            .iter()
            .map(|label| JsonLabel {
                position: l.position_of(&label.span),
                text: &label.text,
            })
            .collect(),
        draft_date: l.date.map(JsonDate::of),
        fix: f.fix.as_ref().map(|fix| JsonFix {
            applicability: fix.applicability.as_str(),
            message: &fix.message,
            edits: fix
                .edits
                .iter()
                .map(|edit| JsonEdit {
                    position: l.position_of(&edit.span),
                    content: &edit.content,
                })
                .collect(),
        }),
    }
}

/// The whole run as one JSON document, followed by a newline.
pub fn render(
    reports: &[FileReport],
    problems: &[Problem],
    summary: &Summary,
    rules: &Rules,
) -> String {
    let (mut stream, mut out) = JsonStream::begin();
    for report in reports {
        out.push_str(&stream.push(findings(report, rules, stream.item_indent())));
    }
    out.push_str(&stream.end(problems, summary));
    out
}

/// JSON Lines: one finding per line, with the fields of the JSON format. Written
/// as each file finishes, so a large run can be read while it goes on.
pub fn render_lines(report: &FileReport, rules: &Rules) -> String {
    let mut out = String::new();
    each_located(report, rules, |l| {
        out.push_str(
            &serde_json::to_string(&json_finding(l)).expect("a finding serialises to JSON"),
        );
        out.push('\n');
    });
    out
}
