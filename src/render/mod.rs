//! Turning findings into text. One module per output format; every renderer
//! returns a `String` and never prints, so the binary decides where output goes.

pub mod coverage;
pub mod figures;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod numbers;
pub mod sarif;
pub mod short;

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::check::Finding;
use crate::date::DraftDate;
use crate::rules::{Figure, Rules, Severity};
use crate::text::LineIndex;

/// The findings for one checked file, with its text for rendering.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as the user named it, with `/` separators.
    pub path: String,
    pub source: Arc<String>,
    pub findings: Vec<Finding>,
    /// The date the draft was checked at, and where it came from.
    pub date: Option<DraftDate>,
}

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub advice: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport], files: usize) -> Summary {
        let mut summary = Summary {
            files,
            ..Summary::default()
        };
        for report in reports {
            summary.add(&report.findings);
        }
        summary
    }

    /// Counts findings by severity.
    pub fn add(&mut self, findings: &[Finding]) {
        for finding in findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Advice => self.advice += 1,
            }
        }
    }

    /// `checked 5 files: 1 error, 2 warnings, 0 advice`
    pub fn line(&self) -> String {
        if self.files == 0 {
            // A run that checked nothing must not look like a clean one.
            return "checked 0 files: no draft was found; check the paths, and the include globs of rules.toml".into();
        }
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "checked {}: {}, {}, {} advice",
            plural(self.files, "file"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            self.advice
        )
    }
}

/// Where a span lies, in every unit a consumer may want (lines and character
/// columns 1-based; the end is exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Position {
    pub fn of(index: &LineIndex, text: &str, span: &Range<usize>) -> Position {
        let (line, column) = index.line_col(text, span.start);
        let (end_line, end_column) = index.line_col(text, span.end);
        Position {
            line,
            column,
            end_line,
            end_column,
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

/// A finding with everything a line-oriented renderer needs: where it is and
/// which figure it is about.
pub struct Located<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub finding: &'a Finding,
    /// The figure the finding is about, if it is about one.
    pub figure: Option<&'a Figure>,
    pub position: Position,
    pub date: Option<DraftDate>,
    index: &'a LineIndex,
}

impl Located<'_> {
    /// The figure's id, or for a finding about the draft itself the code's
    /// short name (`unused-ignore`).
    pub fn subject(&self) -> &str {
        match self.figure {
            Some(figure) => &figure.id,
            None => self.finding.code.as_str().trim_start_matches("figcheck::"),
        }
    }

    /// The position of another span of the same file.
    pub fn position_of(&self, span: &Range<usize>) -> Position {
        Position::of(self.index, self.source, span)
    }
}

/// Calls `f` with each finding of a file, located.
pub fn each_located(report: &FileReport, rules: &Rules, mut f: impl FnMut(&Located)) {
    let index = LineIndex::new(&report.source);
    for finding in &report.findings {
        f(&Located {
            path: &report.path,
            source: &report.source,
            finding,
            figure: finding.figure.map(|i| &rules.figures[i]),
            position: Position::of(&index, &report.source, &finding.span),
            date: report.date,
            index: &index,
        });
    }
}

pub use crate::escape::{drawable, visible};

/// A value for JSON: whole numbers as integers, others as floats.
pub(crate) fn json_number(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serde_json::Value::from(value as i64)
    } else if value.is_finite() {
        serde_json::Value::from(value)
    } else {
        serde_json::Value::Null
    }
}

/// One file's items of a JSON array, pretty-printed for their place in it,
/// written one after another into one text: each opens a line, and they are
/// separated by commas.
#[derive(Debug, Default)]
pub struct Items {
    text: String,
    count: usize,
    indent: usize,
}

impl Items {
    /// Items indented by `indent` (see [`ArrayStream::item_indent`]).
    pub fn new(indent: usize) -> Items {
        Items {
            // One more byte, for the comma [`ArrayStream::push`] may put first.
            text: String::with_capacity(1),
            count: 0,
            indent,
        }
    }

    /// One more item.
    pub fn add(&mut self, value: &impl Serialize) {
        let pretty = serde_json::to_string_pretty(value).expect("an item serialises to JSON");
        if self.count > 0 {
            self.text.push(',');
        }
        self.text.reserve(pretty.len() + pretty.len() / 8 + 2);
        for line in pretty.lines() {
            self.text.push('\n');
            self.text.extend(std::iter::repeat_n(' ', self.indent));
            self.text.push_str(line);
        }
        self.count += 1;
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

/// A pretty-printed JSON document written in pieces, byte for byte as
/// serde_json writes it whole: the text before one array's items, the items
/// as they are ready (rendered where the draft was checked, so no draft's
/// text waits for the end), and the text after. Memory stays bounded by the
/// drafts in flight, whatever the number of findings.
#[derive(Debug)]
pub struct ArrayStream {
    /// The indentation of the line that opens the array.
    indent: usize,
    items: usize,
}

impl ArrayStream {
    /// Splits `document`, pretty-printed with the array under `key` empty
    /// (`"key": []`, its last occurrence), into the text up to and with `[`
    /// and the text from `]` on; and the stream for the items in between.
    pub fn split(document: &str, key: &str) -> (String, String, ArrayStream) {
        let empty = format!("\"{key}\": []");
        let at = document
            .rfind(&empty)
            .expect("the document holds the empty array");
        let line_start = document[..at].rfind('\n').map_or(0, |i| i + 1);
        let open = at + empty.len() - 1;
        let stream = ArrayStream {
            indent: at - line_start,
            items: 0,
        };
        (
            document[..open].to_string(),
            document[open..].to_string(),
            stream,
        )
    }

    /// The indentation of an item of the array.
    pub fn item_indent(&self) -> usize {
        self.indent + 2
    }

    /// The text for `items`, after those before: the items' own text, with
    /// the comma that separates them from earlier ones put in place (no copy
    /// of a file's items, however many).
    pub fn push(&mut self, items: Items) -> String {
        let mut text = items.text;
        if self.items > 0 && items.count > 0 {
            text.insert(0, ',');
        }
        self.items += items.count;
        text
    }

    /// The text that closes the array, before the document's tail (which
    /// starts with `]`).
    pub fn close(&self) -> String {
        if self.items == 0 {
            String::new()
        } else {
            format!("\n{}", " ".repeat(self.indent))
        }
    }
}
