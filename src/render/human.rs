//! The human format: one rustc-style diagnostic per finding (miette's graphical
//! handler), then a summary line.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};
use textwrap::WordSeparator;

use super::{FileReport, Summary};
use crate::check::Finding;
use crate::named_text::NamedText;
use crate::rules::{RulesDiagnostic, Severity};
use crate::text::LineIndex;

/// How to draw diagnostics.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Columns to wrap messages at.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// All findings of all files, each as a diagnostic, followed by the summary.
pub fn render(reports: &[FileReport], summary: &Summary, style: Style) -> String {
    let mut out = String::new();
    for report in reports {
        out.push_str(&render_file(report, style));
    }
    out.push_str(&summary.line());
    out.push('\n');
    out
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_word_separator(WordSeparator::Custom(words))
}

/// The words miette wraps a message or help line at: where the Unicode line
/// breaking rules put them (textwrap's default, which miette uses), found
/// by splitting at spaces wherever that gives the same words. The rules
/// segmenter costs more than the rest of drawing a finding.
fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    if breaks_only_after_spaces(line) {
        WordSeparator::AsciiSpace.find_words(line)
    } else {
        WordSeparator::new().find_words(line)
    }
}

/// Whether the Unicode line breaking rules allow a break in `line` only
/// after each run of spaces, as splitting at spaces does (textwrap never
/// breaks after a hyphen itself). True only of lines in ASCII letters,
/// digits, spaces, hyphens, `( ) , . : ;` and apostrophes inside words,
/// where no space comes after `(` (no break after an opening bracket), none
/// before `) , . : ;` (no break before a closing mark), `(` follows no
/// `) , . : ;` (a break between the two), and the line does not end with a
/// hyphen (textwrap then drops the last break before it).
fn breaks_only_after_spaces(line: &str) -> bool {
    let bytes = line.as_bytes();
    if line.ends_with('-') {
        return false;
    }
    let closing = |b: u8| matches!(b, b')' | b',' | b'.' | b':' | b';');
    bytes.iter().enumerate().all(|(i, &b)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 1).copied();
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' => true,
            b' ' => before != Some(b'(') && !after.is_some_and(closing),
            b'(' => !before.is_some_and(closing),
            b')' | b',' | b'.' | b':' | b';' => true,
            b'\'' => {
                before.is_some_and(|c| c.is_ascii_alphabetic())
                    && after.is_some_and(|c| c.is_ascii_alphabetic())
            }
            _ => false,
        }
    })
}

/// Any diagnostic (a problem in the rules file, a failed example), drawn the
/// same way as findings.
pub fn render_diagnostic(diagnostic: &RulesDiagnostic, style: Style) -> String {
    let mut out = String::new();
    let harmless = diagnostic.harmless();
    let diagnostic = &harmless;
    // A label on a very long line is drawn with a window of the line.
    let confined;
    let diagnostic = if diagnostic.on_a_long_line(LONGEST_LINE_SHOWN) {
        confined = diagnostic.clone().confined();
        &confined
    } else {
        diagnostic
    };
    // Writing into a String cannot fail.
    let _ = handler(style).render_report(&mut out, diagnostic);
    out
}

/// Lines longer than this are not drawn under a finding: the graphical
/// handler cannot pad to columns that far (and a reader cannot read them).
pub const LONGEST_LINE_SHOWN: usize = 2_000;

/// A finding's line longer than this, in characters, is drawn as an excerpt
/// around its labels: a paragraph written on one line (as most CMS exports
/// and many text drafts are) would otherwise be drawn whole, with the
/// underline hundreds of columns to the right.
pub const WIDE_LINE: usize = 120;

/// Characters shown at least either side of the labels in an excerpt (half
/// the terminal's width, when that is more).
const EXCERPT_AROUND: usize = 40;

/// Characters from a line's start to an offset in it, counted on from the
/// last offset asked for when it is on the same line and not before it:
/// findings come in order, so a long line with thousands of them is counted
/// through once, not once a finding.
#[derive(Default)]
struct Columns {
    line_start: usize,
    at: usize,
    chars: usize,
}

impl Columns {
    fn of(&mut self, text: &str, line_start: usize, at: usize) -> usize {
        if line_start != self.line_start || at < self.at {
            *self = Columns {
                line_start,
                at: line_start,
                chars: 0,
            };
        }
        self.chars += text[self.at..at].chars().count();
        self.at = at;
        self.chars
    }
}

/// The excerpt a finding is drawn with when all its labels lie on one line
/// longer than [`WIDE_LINE`]: the sentence around them, or `around`
/// characters either side, cut at words and marked with `…`; and the finding
/// with its labels moved into it. Line and column stay the draft's.
fn excerpt(
    source: &NamedText,
    text: &str,
    finding: &Finding,
    around: usize,
    columns: &mut Columns,
) -> Option<(NamedText, Finding)> {
    let first = finding.labels.iter().map(|l| l.span.start).min()?;
    let last = finding.labels.iter().map(|l| l.span.end).max()?;
    let mut line = source.line_range(first);
    // A line that ends with a carriage return (CRLF) ends before it.
    if text[..line.end].ends_with('\r') {
        line.end -= 1;
    }
    if last > line.end || text[line.clone()].chars().nth(WIDE_LINE).is_none() {
        return None;
    }
    // `around` characters either side, as byte offsets within the line.
    let back = text[line.start..first]
        .char_indices()
        .rev()
        .nth(around.saturating_sub(1))
        .map_or(line.start, |(i, _)| line.start + i);
    let ahead = text[last..line.end]
        .char_indices()
        .nth(around)
        .map_or(line.end, |(i, _)| last + i);
    // The sentence's own start and end, when they lie within that reach;
    // else the nearest word boundary inside it.
    let before = &text[back..first];
    let from = match before.rfind(['.', '!', '?']) {
        Some(i) if before[i + 1..].starts_with(' ') => back + i + 2,
        _ if back == line.start => back,
        _ => before.find(' ').map_or(back, |i| back + i + 1),
    };
    let after = &text[last..ahead];
    let to = match after.find(['.', '!', '?']) {
        Some(i) => last + i + 1,
        None if ahead == line.end => ahead,
        None => after.rfind(' ').map_or(ahead, |i| last + i),
    };
    // No run of blanks after the `…`; blanks that open the line are no cut.
    let cut = from != line.start;
    let from = from + text[from..first].len() - text[from..first].trim_start().len();
    // A cut between sentences is set off by a space; one inside a sentence
    // is not.
    let at_sentence = |c: Option<char>| c.is_some_and(|c| matches!(c, '.' | '!' | '?'));
    let prefix = if !cut {
        ""
    } else if at_sentence(
        // The last mark before the cut, looking back over a few blanks only.
        text[line.start..from]
            .chars()
            .rev()
            .take(4)
            .find(|c| !c.is_whitespace()),
    ) {
        "… "
    } else {
        "…"
    };
    // A cut that leaves out fewer characters than its mark takes is no cut
    // (the columns would run back past the line's start).
    let (from, prefix) = if text[line.start..from].chars().take(2).count() < prefix.chars().count()
    {
        (line.start, "")
    } else {
        (from, prefix)
    };
    let suffix = if to >= line.end || text[to..line.end].trim().is_empty() {
        ""
    } else if at_sentence(text[..to].chars().next_back()) {
        " …"
    } else {
        "…"
    };
    let shown = format!("{prefix}{}{suffix}", &text[from..to]);
    let shift = |at: usize| at - from + prefix.len();
    let mut moved = finding.clone();
    for label in &mut moved.labels {
        label.span = shift(label.span.start)..shift(label.span.end);
    }
    moved.span =
        shift(finding.span.start.max(from).min(to))..shift(finding.span.end.max(from).min(to));
    let line_number = source.line_of(first) - 1;
    let column_shift = columns.of(text, line.start, from) - prefix.chars().count();
    let named = NamedText::excerpt(
        source.name().to_string(),
        std::sync::Arc::new(shown),
        line_number,
        column_shift,
    );
    Some((named, moved))
}

/// The diagnostics of one file.
pub fn render_file(report: &FileReport, style: Style) -> String {
    let handler = handler(style);
    // Escape sequences and bidi controls in a draft are drawn harmless, at
    // the same byte offsets.
    let drawn = match super::drawable(&report.source) {
        std::borrow::Cow::Borrowed(_) => report.source.clone(),
        std::borrow::Cow::Owned(text) => std::sync::Arc::new(text),
    };
    let source = NamedText::new(super::visible(&report.path).into_owned(), drawn.clone());
    // Needed only for a finding on a line too long to draw.
    let index = std::cell::OnceCell::new();
    let mut out = String::new();
    let shown_around = (style.width / 2).max(EXCERPT_AROUND);
    let mut columns = Columns::default();
    for finding in &report.findings {
        if let Some((excerpt, shifted)) =
            excerpt(&source, &drawn, finding, shown_around, &mut columns)
        {
            let diagnostic = FindingDiagnostic {
                finding: &shifted,
                source: &excerpt,
            };
            let _ = handler.render_report(&mut out, &diagnostic);
            out.push('\n');
            continue;
        }
        if let Some(long) = longest_labelled_line(&report.source, finding) {
            let index = index.get_or_init(|| LineIndex::new(&report.source));
            out.push_str(&render_without_source(report, index, finding, long));
            continue;
        }
        let diagnostic = FindingDiagnostic {
            finding,
            source: &source,
        };
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &diagnostic);
        out.push('\n');
    }
    out
}

/// The length in characters of the longest line a label of the finding
/// touches, if it is too long to draw.
fn longest_labelled_line(source: &str, finding: &Finding) -> Option<usize> {
    finding
        .labels
        .iter()
        .map(|label| {
            let line = crate::text::line_around(source, label.span.start);
            // Bytes first: most lines are short, and need no counting.
            if line.len() <= LONGEST_LINE_SHOWN {
                0
            } else {
                source[line].chars().count()
            }
        })
        .max()
        .filter(|&n| n > LONGEST_LINE_SHOWN)
}

/// A finding on a line too long to draw: the message, where it is, and the help.
fn render_without_source(
    report: &FileReport,
    index: &LineIndex,
    finding: &Finding,
    long: usize,
) -> String {
    let (line, column) = index.line_col(&report.source, finding.span.start);
    let mark = match finding.severity {
        Severity::Error => '×',
        Severity::Warning => '⚠',
        Severity::Advice => '☞',
    };
    format!(
        "{}\n\n  {mark} {}\n   ╭─[{}:{line}:{column}]\n   │ (the line is {long} characters long: too long to show)\n   ╰────\n  help: {}\n\n",
        finding.code.as_str(),
        super::visible(&finding.message),
        super::visible(&report.path),
        super::visible(&finding.help)
    )
}

/// A finding seen through miette's eyes.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: &'a NamedText,
}

/// How far, in lines, a label may stand from a finding's first and still be
/// drawn with it: miette draws every line between a finding's labels, so an
/// inconsistency labelled at each of 300 places in a long compilation drew
/// the whole file (and read it once a label: four seconds for 4 MB).
const LABEL_LINES_DRAWN: usize = 12;
/// Labels drawn at the most; the others are listed by line in the help.
const LABELS_DRAWN: usize = 6;
/// Lines of far labels listed in the help at the most.
const FAR_LINES_LISTED: usize = 10;

impl FindingDiagnostic<'_> {
    fn line_of_label(&self, i: usize) -> usize {
        self.source.line_of(self.finding.labels[i].span.start)
    }

    /// The labels drawn (the first, and others within [`LABEL_LINES_DRAWN`]
    /// lines of it, up to [`LABELS_DRAWN`]) and those only listed, by index.
    fn drawn_and_far(&self) -> (Vec<usize>, Vec<usize>) {
        let labels = &self.finding.labels;
        if labels.len() <= 1 {
            return ((0..labels.len()).collect(), Vec::new());
        }
        let first = self.line_of_label(0);
        let (mut drawn, mut far) = (vec![0], Vec::new());
        for i in 1..labels.len() {
            if drawn.len() < LABELS_DRAWN
                && self.line_of_label(i).abs_diff(first) <= LABEL_LINES_DRAWN
            {
                drawn.push(i);
            } else {
                far.push(i);
            }
        }
        (drawn, far)
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::visible(&self.finding.message))
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.finding.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let help = super::visible(&self.finding.help).into_owned();
        let (_, far) = self.drawn_and_far();
        if far.is_empty() {
            return Some(Box::new(help));
        }
        let mut lines: Vec<usize> = far.iter().map(|&i| self.line_of_label(i)).collect();
        lines.dedup();
        let shown: Vec<String> = lines
            .iter()
            .take(FAR_LINES_LISTED)
            .map(usize::to_string)
            .collect();
        let more = match lines.len().saturating_sub(FAR_LINES_LISTED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let which = if lines.len() == 1 { "line" } else { "lines" };
        Some(Box::new(format!(
            "{help}\nalso at {which} {}{more}",
            shown.join(", ")
        )))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (drawn, _) = self.drawn_and_far();
        Some(Box::new(
            drawn
                .into_iter()
                .map(|i| (i, &self.finding.labels[i]))
                .map(|(i, label)| {
                    let span = (label.span.start, label.span.len());
                    let text = super::visible(&label.text).into_owned();
                    if i == 0 {
                        LabeledSpan::new_primary_with_span(Some(text), span)
                    } else {
                        LabeledSpan::new_with_span(Some(text), span)
                    }
                }),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(separator: &WordSeparator, line: &str) -> Vec<(String, String)> {
        separator
            .find_words(line)
            .map(|w| (w.word.to_string(), w.whitespace.to_string()))
            .collect()
    }

    #[test]
    fn messages_and_help_as_figcheck_writes_them_are_split_at_spaces() {
        for line in [
            "the draft says 58,000 for people arrested; the rules allow 85,000 or more",
            "use 1.9 (Ministry of Justice and Public Security, 2025-01-03) for 2024",
            "Salvador's count: 367 deaths in custody, up from 261 (an early count).",
            "  indented after a line break",
        ] {
            assert!(breaks_only_after_spaces(line), "{line}");
            assert_eq!(
                split(&WordSeparator::Custom(words), line),
                split(&WordSeparator::new(), line)
            );
        }
        for line in [
            "a ( b",
            "a (b) , c",
            "say 'quoted' words",
            "and/or",
            "a),(b",
            "“curly” quotes",
            "what? no",
            "tab\there",
        ] {
            assert!(!breaks_only_after_spaces(line), "{line}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn the_words_are_those_of_the_unicode_rules(
            line in "[a-zA-Z0-9 ,.:;()'\"/!?%$+\\-\\[\\]…’“”—\u{a0}]{0,30}"
        ) {
            prop_assert_eq!(
                split(&WordSeparator::Custom(words), &line),
                split(&WordSeparator::new(), &line)
            );
        }

        #[test]
        fn where_spaces_are_the_only_breaks_the_two_agree(
            line in "(word|Word|42|1,000|2.4|-|'s|x'y| |  |\\(|\\)|,|\\.|:|;){0,25}"
        ) {
            if breaks_only_after_spaces(&line) {
                prop_assert_eq!(
                    split(&WordSeparator::AsciiSpace, &line),
                    split(&WordSeparator::new(), &line)
                );
            }
        }
    }
}
