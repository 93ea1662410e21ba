//! HTML drafts through a real HTML tokenizer (html5gum): the text of the body
//! only, with no `script`, `style`, `head` or `template` content, no comments
//! and no attribute values. Character references (`&nbsp;`, `&#8212;`) are
//! decoded, so the view can be shorter than the draft: an [`OffsetMap`] takes
//! its offsets back to the draft's bytes.

use std::borrow::Cow;
use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{trim_cell, Cell, OffsetMap, Prose, Segment};

/// Elements whose text is not prose.
const HIDDEN: &[&[u8]] = &[
    b"script",
    b"style",
    b"head",
    b"template",
    b"noscript",
    b"svg",
    b"math",
    b"code",
    b"pre",
    b"textarea",
];

/// Elements that start or end a block: a sentence never runs across them.
const BLOCKS: &[&[u8]] = &[
    b"p",
    b"div",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"li",
    b"ul",
    b"ol",
    b"td",
    b"th",
    b"tr",
    b"table",
    b"thead",
    b"tbody",
    b"blockquote",
    b"section",
    b"article",
    b"header",
    b"footer",
    b"aside",
    b"nav",
    b"figure",
    b"figcaption",
    b"br",
    b"hr",
    b"dl",
    b"dt",
    b"dd",
    b"main",
    b"body",
    b"caption",
    b"address",
    b"details",
    b"summary",
];

/// Builds the view as it goes: blanked markup copied 1:1, text with its
/// character references decoded.
struct View<'a> {
    source: &'a str,
    text: String,
    segments: Vec<Segment>,
    /// Source offset up to which the view is built.
    cursor: usize,
}

impl View<'_> {
    /// The view offset that a source offset at or after the cursor will have.
    fn view_at(&self, source_offset: usize) -> usize {
        self.text.len() + source_offset.saturating_sub(self.cursor)
    }

    /// Blanks source bytes up to `to` (newlines kept).
    fn blank_to(&mut self, to: usize) {
        if to <= self.cursor {
            return;
        }
        self.copy_segment(self.cursor, to, |c| {
            if c == '\n' || c == '\r' {
                c
            } else {
                ' '
            }
        });
        self.cursor = to;
    }

    fn copy_segment(&mut self, from: usize, to: usize, each: impl Fn(char) -> char) {
        self.segments.push(Segment {
            view: self.text.len(),
            source: from,
            view_len: to - from,
            source_len: to - from,
        });
        for c in self.source[from..to].chars() {
            let replaced = each(c);
            // Keep byte lengths: a wide character becomes as many spaces as it has bytes.
            if replaced == ' ' {
                self.text.extend(std::iter::repeat_n(' ', c.len_utf8()));
            } else {
                self.text.push(replaced);
            }
        }
    }

    /// Copies text up to `to`, decoding character references.
    fn text_to(&mut self, to: usize) {
        while self.cursor < to {
            let rest = &self.source[self.cursor..to];
            match rest.find('&') {
                None => {
                    self.copy_segment(self.cursor, to, |c| c);
                    self.cursor = to;
                }
                Some(0) => match decode_reference(rest) {
                    Some((decoded, len)) => {
                        let view = self.text.len();
                        self.text.push(decoded);
                        self.segments.push(Segment {
                            view,
                            source: self.cursor,
                            view_len: decoded.len_utf8(),
                            source_len: len,
                        });
                        self.cursor += len;
                    }
                    None => {
                        self.copy_segment(self.cursor, self.cursor + 1, |c| c);
                        self.cursor += 1;
                    }
                },
                Some(i) => {
                    self.copy_segment(self.cursor, self.cursor + i, |c| c);
                    self.cursor += i;
                }
            }
        }
    }
}

pub fn prose(source: &str) -> Prose<'_> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut view = View {
        source,
        text: String::with_capacity(source.len()),
        segments: Vec::new(),
        cursor: 0,
    };
    let mut breaks = Vec::new();
    let mut block_quotes: Vec<Range<usize>> = Vec::new();
    let mut quote_starts: Vec<usize> = Vec::new();
    let mut hidden = 0usize;
    let mut cells: Vec<Cell> = Vec::new();
    let mut tables = Tables::default();
    let tokens = Tokenizer::new_with_emitter(source, emitter);
    for token in tokens {
        let token: Token<usize> = match token {
            Ok(token) => token,
            Err(never) => match never {},
        };
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice().to_ascii_lowercase();
                if HIDDEN.contains(&name.as_slice()) && !tag.self_closing {
                    hidden += 1;
                }
                if BLOCKS.contains(&name.as_slice()) {
                    breaks.push(view.view_at(tag.span.start));
                }
                if name == b"blockquote" {
                    quote_starts.push(view.view_at(tag.span.start));
                }
                let (at, after) = (view.view_at(tag.span.start), view.view_at(tag.span.end));
                cells.extend(tables.start(&name, at, after));
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice().to_ascii_lowercase();
                if HIDDEN.contains(&name.as_slice()) {
                    hidden = hidden.saturating_sub(1);
                }
                if BLOCKS.contains(&name.as_slice()) {
                    breaks.push(view.view_at(tag.span.start));
                }
                if name == b"blockquote" {
                    if let Some(start) = quote_starts.pop() {
                        block_quotes.push(start..view.view_at(tag.span.end));
                    }
                }
                if let Some(cell) = tables.end(&name, view.view_at(tag.span.start)) {
                    cells.push(cell);
                }
            }
            Token::String(text) if hidden == 0 => {
                let span = text.span;
                if span.start >= view.cursor && span.end <= source.len() && span.start <= span.end {
                    view.blank_to(span.start);
                    view.text_to(span.end);
                }
            }
            _ => {}
        }
    }
    view.blank_to(source.len());
    breaks.sort_unstable();
    breaks.dedup();
    for cell in &mut cells {
        cell.range = trim_cell(&view.text, cell.range.clone());
    }
    cells.sort_by_key(|c| (c.table, c.row, c.column));
    Prose {
        text: Cow::Owned(view.text),
        breaks,
        block_quotes,
        map: Some(OffsetMap {
            segments: view.segments,
        }),
        cells,
    }
}

/// The tables being read, innermost last, and how many have begun.
#[derive(Default)]
struct Tables {
    open: Vec<Table>,
    begun: usize,
}

/// One table being read: its number, the row and column of the next cell,
/// whether the rows are in `thead`, and the cell open now.
struct Table {
    number: usize,
    /// The row being read; `None` before the first `tr`.
    row: Option<usize>,
    column: usize,
    in_head: bool,
    /// Where the open cell's text starts, whether it is a `th`, and whether
    /// a table is nested in it (then it is no cell of one value: left out).
    cell: Option<(usize, bool, bool)>,
}

impl Tables {
    /// A start tag `name`, from view offset `at` to `after`: the cell it
    /// closes, if it closes one (`<td>a<td>b`, with no end tags).
    fn start(&mut self, name: &[u8], at: usize, after: usize) -> Option<Cell> {
        let closed = match name {
            b"td" | b"th" | b"tr" | b"thead" | b"tbody" | b"tfoot" => self.close_cell(at),
            _ => None,
        };
        if name == b"table" {
            if let Some((_, _, nested)) = self.open.last_mut().and_then(|t| t.cell.as_mut()) {
                *nested = true;
            }
            self.open.push(Table {
                number: self.begun,
                row: None,
                column: 0,
                in_head: false,
                cell: None,
            });
            self.begun += 1;
            return closed;
        }
        let Some(table) = self.open.last_mut() else {
            return closed;
        };
        match name {
            b"thead" => table.in_head = true,
            b"tbody" | b"tfoot" => table.in_head = false,
            b"tr" => {
                table.row = Some(table.row.map_or(0, |r| r + 1));
                table.column = 0;
            }
            b"td" | b"th" => {
                // A cell before any `tr` opens the first row.
                table.row.get_or_insert(0);
                table.cell = Some((after, name == b"th", false));
            }
            _ => {}
        }
        closed
    }

    /// Closes the open cell of the innermost table at view offset `at`.
    fn close_cell(&mut self, at: usize) -> Option<Cell> {
        let table = self.open.last_mut()?;
        let (start, th, nested) = table.cell.take()?;
        if nested {
            table.column += 1;
            return None;
        }
        let cell = Cell {
            range: start..at.max(start),
            table: table.number,
            row: table.row.unwrap_or(0),
            column: table.column,
            header: table.in_head || th,
        };
        table.column += 1;
        Some(cell)
    }

    /// An end tag `name`, which starts at view offset `at`: the cell it
    /// closes, if it closes one.
    fn end(&mut self, name: &[u8], at: usize) -> Option<Cell> {
        if name == b"table" {
            let cell = self.close_cell(at);
            self.open.pop();
            return cell;
        }
        let table = self.open.last_mut()?;
        match name {
            b"thead" => table.in_head = false,
            b"td" | b"th" => return self.close_cell(at),
            _ => {}
        }
        None
    }
}

/// A character reference at the start of `text`: the character and the
/// reference's length in bytes. Named references cover what drafts use.
fn decode_reference(text: &str) -> Option<(char, usize)> {
    let end = text[1..].find(';').map(|i| i + 1)?;
    if end > 12 {
        return None;
    }
    let body = &text[1..end];
    let c = if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        match body {
            "nbsp" => '\u{a0}',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "laquo" => '«',
            "raquo" => '»',
            "thinsp" => '\u{2009}',
            "ensp" => '\u{2002}',
            "emsp" => '\u{2003}',
            "shy" => '\u{ad}',
            "euro" => '€',
            "pound" => '£',
            "dollar" => '$',
            "percnt" => '%',
            "comma" => ',',
            "period" => '.',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(source: &str) -> String {
        let view = prose(source);
        view.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn body_text_only() {
        let source = "<html><head><title>376 died</title><style>p{x:376}</style></head>\
                      <body><p class=\"376\">Some 367 died.</p><script>var x = 376;</script>\
                      <!-- 376 --><p>More <a href=\"/376\">here</a>.</p></body></html>";
        assert_eq!(kept(source), "Some 367 died. More here .");
    }

    #[test]
    fn table_cells_are_listed_with_their_row_column_and_heading() {
        let source = "<table><thead><tr><th>Measure<th>Value</thead>\
                      <tr><th>Deaths</th><td> 376 </td></tr>\
                      <tr><td>Arrests<td>85&#44;000<td><table><tr><td>inner</td></tr></table></td></tr>\
                      </table><p>After.</p>";
        let prose = prose(source);
        let cells = super::super::cells_of(&prose);
        assert_eq!(
            cells,
            [
                ("Measure", 0, 0, 0, true),
                ("Value", 0, 0, 1, true),
                ("Deaths", 0, 1, 0, true),
                ("376", 0, 1, 1, false),
                ("Arrests", 0, 2, 0, false),
                ("85,000", 0, 2, 1, false),
                ("inner", 1, 0, 0, false),
            ]
        );
    }

    #[test]
    fn references_are_decoded_and_map_back() {
        let source = "<p>Police arrested 85&nbsp;000 people&#8212;and more.</p>";
        let view = prose(source);
        assert!(
            view.text.contains("85\u{a0}000 people—and"),
            "{:?}",
            view.text
        );
        let map = view.map.as_ref().unwrap();
        let at = view.text.find("000").unwrap();
        assert_eq!(&source[map.start(at)..map.end(at + 3)], "000");
        let nbsp = view.text.find('\u{a0}').unwrap();
        assert_eq!(&source[map.start(nbsp)..map.end(nbsp + 2)], "&nbsp;");
    }

    #[test]
    fn blocks_break_sentences() {
        let source = "<h1>Deaths in custody</h1><p>367 people</p>";
        let view = prose(source);
        let heading_end = view.text.find("custody").unwrap() + 7;
        let paragraph = view.text.find("367").unwrap();
        assert!(
            view.breaks
                .iter()
                .any(|&b| heading_end <= b && b <= paragraph),
            "{:?}",
            view.breaks
        );
    }

    #[test]
    fn unknown_references_stay_as_written() {
        assert_eq!(kept("<p>A &bogus; B &#xZZ; C</p>"), "A &bogus; B &#xZZ; C");
    }
}
