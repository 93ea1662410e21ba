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

/// Whether a character must never reach a terminal or a CI log raw: control
/// characters (an escape sequence, a carriage return, a line break in a file
/// name) and the bidirectional controls that reorder what a reader sees.
fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a hostile character other than a line end, read
/// from its UTF-8 bytes (a draft of megabytes is scanned once per rendering,
/// and a byte loop is several times faster than decoding characters): a C0
/// control but tab and line ends, DEL, a C1 control (`C2 80`–`C2 9F`), or a
/// bidi control (`E2 80 8E`/`8F`, `E2 80 AA`–`AE`, `E2 81 A6`–`A9`).
fn has_hostile_bytes(text: &[u8]) -> bool {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let hostile_at = |i: usize| match text[i] {
        b'\t' | b'\n' => false,
        b'\r' => at(i + 1) != b'\n',
        0x00..=0x1f | 0x7f => true,
        0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
        0xe2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x8e | 0x8f | 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
        ),
        _ => false,
    };
    // Only a byte that may start a hostile character needs a closer look;
    // finding one in 32 bytes at a time, without branches, is vectorised.
    let may_start =
        |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7f) | (b == 0xc2) | (b == 0xe2);
    const CHUNK: usize = 32;
    (0..text.len()).step_by(CHUNK).any(|start| {
        let chunk = &text[start..text.len().min(start + CHUNK)];
        chunk.iter().fold(false, |any, &b| any | may_start(b))
            && (start..start + chunk.len()).any(hostile_at)
    })
}

/// Text from a draft or a file name as it may be shown in a line of output:
/// every hostile character written as `\u{1b}`.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hostile(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A draft's text to draw source lines from, with every hostile character
/// but the line breaks replaced by one of the same length in bytes (`?`,
/// `·` or `�`), so that the findings' byte offsets stay right. A carriage
/// return before a line feed is kept: that is a Windows line end.
pub fn drawable(text: &str) -> std::borrow::Cow<'_, str> {
    let keep = |c: char, next: Option<char>| c == '\n' || (c == '\r' && next == Some('\n'));
    if !has_hostile_bytes(text.as_bytes()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_hostile(c) || keep(c, chars.peek().copied()) {
            out.push(c);
            continue;
        }
        out.push(match c.len_utf8() {
            1 => '?',
            2 => '·',
            _ => '\u{fffd}',
        });
    }
    debug_assert_eq!(out.len(), text.len());
    std::borrow::Cow::Owned(out)
}

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

    /// One item, pretty-printed and indented for its place in the array.
    pub fn item(value: &impl Serialize, indent: usize) -> String {
        let pretty = serde_json::to_string_pretty(value).expect("an item serialises to JSON");
        let pad = " ".repeat(indent);
        let mut out = String::with_capacity(pretty.len() + pretty.len() / 8);
        for (i, line) in pretty.lines().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&pad);
            out.push_str(line);
        }
        out
    }

    /// The text for items made by [`ArrayStream::item`], after those before.
    pub fn push(&mut self, items: &[String]) -> String {
        let mut out = String::with_capacity(items.iter().map(|i| i.len() + 2).sum());
        for item in items {
            if self.items > 0 {
                out.push(',');
            }
            out.push('\n');
            out.push_str(item);
            self.items += 1;
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, character by character.
    fn has_hostile_chars(text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        chars.iter().enumerate().any(|(i, &c)| {
            is_hostile(c) && c != '\n' && !(c == '\r' && chars.get(i + 1) == Some(&'\n'))
        })
    }

    #[test]
    fn the_byte_scan_finds_every_hostile_character() {
        for c in (0..=0x2100u32).filter_map(char::from_u32) {
            for text in [format!("a{c}b"), format!("{c}"), format!("x{c}\n")] {
                assert_eq!(
                    has_hostile_bytes(text.as_bytes()),
                    has_hostile_chars(&text),
                    "{:x}",
                    c as u32
                );
            }
        }
        // The scan looks at 32 bytes at a time: a character across the
        // boundary of two, and a line end split over it.
        for c in (0..=0x2100u32).filter_map(char::from_u32) {
            for pad in 29..=32 {
                let text = format!("{}{c}\n", "a".repeat(pad));
                assert_eq!(
                    has_hostile_bytes(text.as_bytes()),
                    has_hostile_chars(&text),
                    "{:x} after {pad} bytes",
                    c as u32
                );
            }
        }
        assert!(!has_hostile_bytes(
            format!("{}\r\n", "a".repeat(31)).as_bytes()
        ));
        assert!(has_hostile_bytes(
            format!("{}\r", "a".repeat(31)).as_bytes()
        ));
        assert!(!has_hostile_bytes("line\r\nend “quoted” — dash".as_bytes()));
        assert!(has_hostile_bytes("a\rb".as_bytes()));
        assert!(has_hostile_bytes("end\r".as_bytes()));
    }

    proptest! {
        #[test]
        fn the_byte_scan_agrees_with_the_characters(
            text in "[a-z \\n\\r\\t\\u{0}-\\u{1f}\\u{7f}-\\u{a0}\\u{2000}-\\u{2070}\\u{1f600}]{0,40}"
        ) {
            prop_assert_eq!(has_hostile_bytes(text.as_bytes()), has_hostile_chars(&text));
        }
    }
}
