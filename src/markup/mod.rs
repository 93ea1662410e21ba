//! Drafts as their authors wrote them: which bytes of a draft are prose.
//!
//! A draft becomes a [`Prose`] view: the same text, byte for byte the same
//! length, with everything that is not prose (code, link targets, front matter
//! but for its headlines, markup) blanked out to spaces, newlines kept. Offsets in the view are
//! offsets in the draft, so every diagnostic points at the bytes the author
//! wrote, with no mapping to get wrong. Block boundaries (a heading and the
//! paragraph below it, two table cells) are kept as explicit sentence breaks.

pub mod front_matter;
mod html;
mod markdown;

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

/// How a draft is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Text,
}

impl Format {
    /// The format a file's name suggests: `.md`, `.markdown` … are Markdown;
    /// anything else is read as plain text.
    pub fn of_path(path: &str) -> Format {
        let extension = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdx") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// The prose of a draft, at the draft's own offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Prose<'a> {
    /// The draft with everything but prose replaced by spaces (newlines kept);
    /// exactly as long as the draft.
    pub text: Cow<'a, str>,
    /// Offsets, ascending, at which a sentence must end: the ends of blocks.
    pub breaks: Vec<usize>,
    /// Block quotes, as byte ranges.
    pub block_quotes: Vec<std::ops::Range<usize>>,
    /// How offsets in `text` map to the draft, when they differ (HTML, where
    /// character references are decoded); `None` when they are the same.
    pub map: Option<OffsetMap>,
    /// The cells of the draft's tables, table by table and row by row.
    pub cells: Vec<Cell>,
}

/// A cell of a table: where its text stands in the view (trimmed), and its
/// place in its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub range: std::ops::Range<usize>,
    /// Which table of the draft, counted from 0.
    pub table: usize,
    /// The row, counted from 0 (the header row, when there is one, is 0).
    pub row: usize,
    pub column: usize,
    /// A heading cell: in the header row (`thead`, a Markdown table's first
    /// row), or a `th` anywhere.
    pub header: bool,
}

/// `range` of `text` less the white space and the pipes at its ends.
pub(crate) fn trim_cell(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let part = &text[range.clone()];
    let trimmed = part.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
    let start = range.start + (part.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    start..start + trimmed.len()
}

/// A piece of the view and the piece of the draft it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub view: usize,
    pub source: usize,
    pub view_len: usize,
    pub source_len: usize,
}

/// Offsets in a view, back to offsets in the draft. Segments cover the view in
/// order; a segment of equal lengths maps byte for byte, any other (a decoded
/// character reference) maps as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    pub segments: Vec<Segment>,
}

impl OffsetMap {
    fn segment(&self, index: usize) -> Option<&Segment> {
        self.segments.get(index)
    }

    /// The draft offset where something starting at view offset `at` starts.
    pub fn start(&self, at: usize) -> usize {
        let i = self
            .segments
            .partition_point(|s| s.view <= at)
            .saturating_sub(1);
        match self.segment(i) {
            Some(s) if s.view_len == s.source_len => s.source + (at - s.view).min(s.source_len),
            Some(s) if at >= s.view + s.view_len => s.source + s.source_len,
            Some(s) => s.source,
            None => at,
        }
    }

    /// The draft offset where something ending at view offset `at` (exclusive) ends.
    pub fn end(&self, at: usize) -> usize {
        if at == 0 {
            return 0;
        }
        let i = self
            .segments
            .partition_point(|s| s.view < at)
            .saturating_sub(1);
        match self.segment(i) {
            Some(s) if s.view_len == s.source_len => s.source + (at - s.view).min(s.source_len),
            Some(s) => s.source + s.source_len,
            None => at,
        }
    }

    pub fn range(&self, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.start(range.start);
        start..self.end(range.end).max(start)
    }
}

impl Prose<'_> {
    /// Everything in quotation marks or in a block quote: block quotes, and
    /// text between straight (`"…"`) or curly (`“…”`) double quotes within a
    /// paragraph. Single quotes are left out: they are also apostrophes.
    pub fn quoted(&self) -> Vec<std::ops::Range<usize>> {
        static INLINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r#""(?:[^"\n]|\n[^\n"])*"|“(?:[^”\n]|\n[^\n”])*”"#)
                .expect("quote pattern")
        });
        let mut quoted: Vec<std::ops::Range<usize>> = self.block_quotes.clone();
        quoted.extend(INLINE.find_iter(&self.text).map(|m| m.range()));
        quoted
    }
}

/// A piece of an HTML draft as its reader sees it: tags and hidden
/// elements left out, character references decoded, each run of white space
/// one space (a piece cut inside a tag shows what follows the tag).
pub fn html_text(fragment: &str) -> String {
    let view = html::prose(fragment);
    let mut out = String::with_capacity(view.text.len());
    let mut blank = false;
    for c in view.text.chars() {
        if c.is_whitespace() && c != '\n' {
            if !blank {
                out.push(' ');
            }
            blank = true;
        } else {
            out.push(c);
            blank = c == '\n';
        }
    }
    out
}

/// The prose view of a draft written in `format`.
pub fn prose(format: Format, source: &str) -> Prose<'_> {
    without_addresses(match format {
        Format::Markdown => markdown::prose(source),
        Format::Html => html::prose(source),
        Format::Text => text_prose(source),
    })
}

/// A web address written out in the text ("https://…", "www.…"), without
/// the marks that may end its sentence.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”]"#)
        .expect("address pattern")
});

/// The view with every web address written out in it blanked: an address
/// is no prose, its words name no figure ("…/how-uk-inflation-is-measured")
/// and its digits are no claims.
fn without_addresses(mut prose: Prose<'_>) -> Prose<'_> {
    if !prose.text.contains("://") && !prose.text.contains("www.") {
        return prose;
    }
    let found: Vec<std::ops::Range<usize>> =
        ADDRESS.find_iter(&prose.text).map(|m| m.range()).collect();
    if found.is_empty() {
        return prose;
    }
    let mut bytes = prose.text.into_owned().into_bytes();
    for range in found {
        bytes[range].fill(b' ');
    }
    // Whole characters (an address holds no newline) became ASCII spaces.
    prose.text = Cow::Owned(String::from_utf8(bytes).expect("blanking keeps UTF-8 valid"));
    prose
}

/// A text draft is prose throughout, but for its front matter, where only
/// the headline values are (see [`front_matter`]).
fn text_prose(source: &str) -> Prose<'_> {
    let Some((block, values)) = front_matter::prose_values(source) else {
        return Prose {
            text: Cow::Borrowed(source),
            breaks: Vec::new(),
            block_quotes: Vec::new(),
            map: None,
            cells: Vec::new(),
        };
    };
    let mut breaks: Vec<usize> = values.iter().map(|v| v.end).collect();
    breaks.push(block.end);
    let mut keep = values;
    keep.push(block.end..source.len());
    Prose {
        text: Cow::Owned(blank_outside(source, &keep)),
        breaks,
        block_quotes: Vec::new(),
        map: None,
        cells: Vec::new(),
    }
}

/// Blanks out every byte outside `keep` (sorted, non-overlapping ranges),
/// keeping newlines, so the result is valid UTF-8 of the same length.
pub(crate) fn blank_outside(source: &str, keep: &[std::ops::Range<usize>]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    let mut position = 0;
    let blank = |from: usize, to: usize, bytes: &mut Vec<u8>| {
        for b in &mut bytes[from..to] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    };
    for range in keep {
        if range.start > position {
            blank(position, range.start, &mut bytes);
        }
        position = position.max(range.end);
    }
    blank(position, source.len(), &mut bytes);
    // Only whole characters were replaced, by ASCII spaces: still UTF-8.
    String::from_utf8(bytes).expect("blanking whole characters keeps UTF-8 valid")
}

/// Each cell of `prose` as (text, table, row, column, heading), for tests.
#[cfg(test)]
pub(crate) fn cells_of<'p>(prose: &'p Prose) -> Vec<(&'p str, usize, usize, usize, bool)> {
    prose
        .cells
        .iter()
        .map(|c| {
            (
                &prose.text[c.range.clone()],
                c.table,
                c.row,
                c.column,
                c.header,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_no_prose() {
        let source = "See https://example.org/2024/how-uk-inflation-hit-376. Inflation (www.ons.gov.uk/cpi) is 3.8%.\n";
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let view = prose(format, source);
            let text = view.text.trim_end();
            assert_eq!(
                text.split_whitespace().collect::<Vec<_>>(),
                ["See", ".", "Inflation", "(", ")", "is", "3.8%."],
                "{format:?}"
            );
            assert_eq!(view.text.len(), source.len());
        }
        // Must not: words that only look like one, a sentence's last mark.
        for text in [
            "The www team counted 376.",
            "Deaths rose to 376 at 9 a.m. today.",
            "Write to desk@example.org for 376.",
        ] {
            assert_eq!(prose(Format::Text, text).text, text);
        }
    }
}
