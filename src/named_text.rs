//! A named text for miette, with columns counted in characters.

use std::sync::{Arc, OnceLock};

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::text::LineIndex;

/// A text as miette reads it: named, and with the header's column counted in
/// characters (miette counts bytes), so it agrees with JSON and with editors.
///
/// miette finds a span's lines by reading the text from its start, so a file
/// with thousands of findings took seconds to draw: the lines around each
/// span are found with an index instead, and miette reads only those.
#[derive(Debug, Clone)]
pub struct NamedText {
    name: String,
    text: Arc<String>,
    /// The text's lines; `None` when it has a carriage return that ends a
    /// line by itself (miette counts those as lines too).
    lines: Arc<OnceLock<Option<LineIndex>>>,
    /// For an excerpt of a draft's line (see [`NamedText::excerpt`]): the
    /// line's 0-based number in the draft, and the characters of the line
    /// before the excerpt less the `…` that opens it.
    base_line: usize,
    column_shift: usize,
}

impl NamedText {
    pub fn new(name: String, text: Arc<String>) -> NamedText {
        NamedText {
            name,
            text,
            lines: Arc::new(OnceLock::new()),
            base_line: 0,
            column_shift: 0,
        }
    }

    /// An excerpt of one line of a draft, as `text` (one line), standing for
    /// the draft's line `line` (0-based): lines and columns are the draft's,
    /// with `column_shift` characters of the line before the excerpt's own.
    pub fn excerpt(name: String, text: Arc<String>, line: usize, column_shift: usize) -> NamedText {
        NamedText {
            base_line: line,
            column_shift,
            ..NamedText::new(name, text)
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The bytes of the line that holds byte `offset`, without its line
    /// end; found in the line index, so a long line is not scanned again.
    pub fn line_range(&self, offset: usize) -> std::ops::Range<usize> {
        let text = self.text.as_str();
        match self.starts() {
            Some(starts) => {
                let offset = offset.min(text.len());
                let line = starts.partition_point(|&s| s <= offset) - 1;
                let start = starts[line];
                let end = starts.get(line + 1).map_or(text.len(), |&next| next - 1);
                start..end.max(start)
            }
            None => crate::text::line_around(text, offset),
        }
    }

    /// The 1-based line that holds byte `offset`, counting line feeds.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts() {
            Some(starts) => starts.partition_point(|&s| s <= offset),
            None => {
                self.text[..offset.min(self.text.len())]
                    .matches('\n')
                    .count()
                    + 1
            }
        }
    }

    fn starts(&self) -> Option<&[usize]> {
        self.lines
            .get_or_init(|| {
                let text = self.text.as_str();
                let lone_cr = text
                    .match_indices('\r')
                    .any(|(i, _)| !text[i + 1..].starts_with('\n'));
                (!lone_cr).then(|| LineIndex::new(text))
            })
            .as_ref()
            .map(LineIndex::line_starts)
    }
}

impl SourceCode for NamedText {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_str();
        // A window of whole lines around the span, wide enough for the context.
        let (window, base_offset, base_line) = match self.starts() {
            Some(starts) => {
                let offset = span.offset().min(text.len());
                let end = (span.offset() + span.len()).min(text.len());
                let first = starts.partition_point(|&s| s <= offset) - 1;
                let last = starts.partition_point(|&s| s <= end) - 1;
                let from_line = first.saturating_sub(context_lines_before + 1);
                let to_line = last + context_lines_after + 2;
                let from = starts[from_line];
                let to = starts.get(to_line).copied().unwrap_or(text.len());
                (&text[from..to], from, from_line)
            }
            None => (text, 0, 0),
        };
        let shifted = SourceSpan::new((span.offset() - base_offset).into(), span.len());
        let inner = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let column = if context_lines_before == 0 {
            let offset = span.offset().min(text.len());
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            text[line_start..offset].chars().count() + self.column_shift
        } else {
            inner.column()
        };
        let inner_span = inner.span();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new((inner_span.offset() + base_offset).into(), inner_span.len()),
            inner.line() + base_line + self.base_line,
            column,
            inner.line_count() + base_line + self.base_line,
        )))
    }
}
