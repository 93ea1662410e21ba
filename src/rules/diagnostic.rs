//! Errors and warnings about a rules file, as diagnostics that point into it:
//! the file, the line and column, a label on the offending value, and help
//! that says how to fix it.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, SourceCode};

use super::Severity;
use crate::escape::{drawable, visible};
use crate::named_text::NamedText;

/// How many characters of a line a confined diagnostic shows either side of
/// its label.
pub const SHOWN_AROUND: usize = 60;

/// A problem in a rules file. Errors stop a run (exit status 2); warnings are
/// shown and the run goes on.
#[derive(Debug, Clone)]
pub struct RulesDiagnostic {
    pub path: PathBuf,
    /// The rules file's text (empty when it could not be read).
    pub source: Arc<String>,
    pub severity: Severity,
    /// A stable code: `figcheck::rules::unknown-key` and so on.
    pub code: &'static str,
    pub message: String,
    /// Labelled places in the file; the first is the primary one.
    pub labels: Vec<(Range<usize>, String)>,
    pub help: Option<String>,
    named: NamedText,
}

/// Every error found in a rules file, in file order; never empty.
#[derive(Debug, Clone)]
pub struct RulesErrors(pub Vec<RulesDiagnostic>);

impl From<RulesDiagnostic> for RulesErrors {
    fn from(diagnostic: RulesDiagnostic) -> RulesErrors {
        RulesErrors(vec![diagnostic])
    }
}

impl RulesErrors {
    /// The first error in the file.
    pub fn first(&self) -> &RulesDiagnostic {
        &self.0[0]
    }

    /// Every error on one line each, for logs and test messages.
    pub fn one_line(&self) -> String {
        self.0
            .iter()
            .map(RulesDiagnostic::one_line)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl RulesDiagnostic {
    pub fn new(
        path: PathBuf,
        source: Arc<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> RulesDiagnostic {
        let named = NamedText::new(path.display().to_string(), source.clone());
        RulesDiagnostic {
            path,
            source,
            severity: Severity::Error,
            code,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            named,
        }
    }

    /// Adds a label on `span` of the rules file, widened to whole
    /// characters: a span worked out in a string's decoded text lands
    /// elsewhere in its source when the string has escapes (`"\tééé("`).
    pub fn label(mut self, span: Range<usize>, text: impl Into<String>) -> RulesDiagnostic {
        let source = self.source.as_str();
        let mut start = span.start.min(source.len());
        while !source.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = span.end.clamp(start, source.len());
        while !source.is_char_boundary(end) {
            end += 1;
        }
        self.labels.push((start..end, text.into()));
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> RulesDiagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn warning(mut self) -> RulesDiagnostic {
        self.severity = Severity::Warning;
        self
    }

    /// The diagnostic with its source cut down to the primary label's line,
    /// and of that line at most [`SHOWN_AROUND`] characters either side of the
    /// label: for a file that may not be a rules file at all (a syntax error
    /// in `/etc/passwd` must not print the file), and for lines too long to
    /// draw. Line numbers stay right: the lines before are kept, empty.
    pub fn confined(mut self) -> RulesDiagnostic {
        let Some((span, text)) = self.labels.first().cloned() else {
            self.source = Arc::new(String::new());
            self.named = NamedText::new(self.path.display().to_string(), self.source.clone());
            return self;
        };
        let source = self.source.as_str();
        let at = span.start.min(source.len());
        let line = crate::text::line_around(source, at);
        let (line_start, line_end) = (line.start, line.end);
        let floor = |mut i: usize| {
            while !source.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let from = floor(at.saturating_sub(SHOWN_AROUND).max(line_start));
        // A label as long as a two-megabyte subject is shown by its start.
        let to = floor((span.end.max(at).min(at + SHOWN_AROUND) + SHOWN_AROUND).min(line_end));
        let lines_before = source[..line_start].matches('\n').count();
        let mut shown = "\n".repeat(lines_before);
        if from > line_start {
            shown.push('…');
        }
        let offset = shown.len();
        shown.push_str(&source[from..to]);
        if to < line_end {
            shown.push('…');
        } else if line_end < source.len() {
            // The line's end, where an error about a missing quote points.
            shown.push('\n');
        }
        let start = offset + (at - from);
        let end = (offset + span.end.min(to + 1).saturating_sub(from))
            .max(start)
            .min(shown.len());
        self.labels = vec![(start..end, text)];
        self.source = Arc::new(shown);
        self.named = NamedText::new(self.path.display().to_string(), self.source.clone());
        self
    }

    /// Whether a label lies on a line too long to draw.
    pub fn on_a_long_line(&self, longest: usize) -> bool {
        self.labels
            .iter()
            .any(|(span, _)| crate::text::line_around(&self.source, span.start).len() > longest)
    }

    /// 1-based line and column of the primary label, if any.
    pub fn location(&self) -> Option<(usize, usize)> {
        let (span, _) = self.labels.first()?;
        Some(crate::text::LineIndex::new(&self.source).line_col(&self.source, span.start))
    }
}

impl RulesDiagnostic {
    /// `rules.toml:12:6: message`, for logs and plain output, harmless.
    pub fn one_line(&self) -> String {
        let path = self.path.display().to_string();
        let (path, message) = (visible(&path), visible(&self.message));
        match self.location() {
            Some((line, col)) => format!("{path}:{line}:{col}: {message}"),
            None => format!("{path}: {message}"),
        }
    }

    /// The diagnostic with everything that comes from the rules file made
    /// harmless for a terminal or a CI log (see [`crate::escape`]): the
    /// message, labels and help escaped, the quoted source drawn with each
    /// control replaced by a character of the same length, so labels stay
    /// where they were.
    pub fn harmless(&self) -> RulesDiagnostic {
        let source = Arc::new(drawable(&self.source).into_owned());
        let path = self.path.display().to_string();
        RulesDiagnostic {
            named: NamedText::new(visible(&path).into_owned(), source.clone()),
            source,
            message: visible(&self.message).into_owned(),
            labels: self
                .labels
                .iter()
                .map(|(span, text)| (span.clone(), visible(text).into_owned()))
                .collect(),
            help: self.help.as_deref().map(|h| visible(h).into_owned()),
            ..self.clone()
        }
    }
}

/// The message alone: miette shows the place in its header.
impl fmt::Display for RulesDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RulesDiagnostic {}

impl Diagnostic for RulesDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        (!self.labels.is_empty()).then_some(&self.named as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().enumerate().map(
            |(i, (span, text))| {
                let at = (span.start, span.len());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(Some(text.clone()), at)
                } else {
                    LabeledSpan::new_with_span(Some(text.clone()), at)
                }
            },
        )))
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let keys = ["canonical", "subjects", "severity", "source"];
        assert_eq!(did_you_mean("canonicle", &keys), Some("canonical"));
        assert_eq!(did_you_mean("subject", &keys), Some("subjects"));
        assert_eq!(did_you_mean("colour", &keys), None);
    }
}
