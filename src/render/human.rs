//! The human format: one rustc-style diagnostic per finding (miette's graphical
//! handler), then a summary line.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::source::NamedText;
use super::{FileReport, Summary};
use crate::check::Finding;
use crate::rules::Severity;

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
}

/// Any diagnostic (a problem in the rules file, a failed example), drawn the
/// same way as findings.
pub fn render_diagnostic(diagnostic: &dyn Diagnostic, style: Style) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = handler(style).render_report(&mut out, diagnostic);
    out
}

/// The diagnostics of one file.
pub fn render_file(report: &FileReport, style: Style) -> String {
    let handler = handler(style);
    let source = NamedText::new(report.path.clone(), report.source.clone());
    let mut out = String::new();
    for finding in &report.findings {
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

/// A finding seen through miette's eyes.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: &'a NamedText,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
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
        Some(Box::new(&self.finding.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.finding.labels.iter().enumerate().map(
            |(i, label)| {
                let span = (label.span.start, label.span.len());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(Some(label.text.clone()), span)
                } else {
                    LabeledSpan::new_with_span(Some(label.text.clone()), span)
                }
            },
        )))
    }
}
