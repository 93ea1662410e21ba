//! Suppressions: an editor's way to say "this number is right here" without
//! touching rules.toml, in the style of Vale and linters.
//!
//! - `<!-- figcheck-ignore -->` on the line before a block: the block is not
//!   checked; `<!-- figcheck-ignore deaths-in-custody -->` only for that figure.
//! - `<!-- figcheck-disable -->` … `<!-- figcheck-enable -->`: a region.
//! - In plain text, the same words after `#` or `//` on a line of their own.
//!
//! A suppression that suppressed nothing is reported as
//! `figcheck::unused-ignore`, so stale ones do not pile up.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::finding::{Code, Finding, Label};
use crate::locale::Locale;
use crate::markup::Format;
use crate::rules::{Figure, Severity};
use crate::tr;

pub const EXPLANATION: &str = "\
figcheck::unused-ignore

What it means
  A figcheck-ignore or figcheck-disable comment in the draft suppressed no
  finding: the block or region it covers has no wrong figure (any more), or the
  figure id it names does not exist.

Why it matters
  Suppressions outlive the sentences they were written for. A stale one hides
  the next slip in its block without anyone noticing.

Example
  <!-- figcheck-ignore deaths-in-custody -->
  Rights groups say 367 people have died in custody.

How to fix it
  Remove the comment, or correct the figure id it names. Run with
  --no-ignores to see everything the suppressions hide. Severity: warning.
  Not fixable automatically.
";

/// One suppression comment in a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    /// The comment itself.
    pub directive: Range<usize>,
    /// The text it covers.
    pub scope: Range<usize>,
    /// The figure ids it names; empty for all figures.
    pub figures: Vec<String>,
    /// Whether it suppressed a finding.
    pub used: bool,
}

static HTML_DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--[ \t]*figcheck-(ignore|disable|enable)((?:[ \t]+[A-Za-z0-9_-]+)*)[ \t]*-->")
        .expect("directive pattern")
});
static TEXT_DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:#|//)[ \t]*figcheck-(ignore|disable|enable)((?:[ \t]+[A-Za-z0-9_-]+)*)[ \t]*\r?$")
        .expect("directive pattern")
});
static BLANK_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\n[ \t]*\r?\n").expect("blank line pattern"));

/// The suppressions in a draft.
pub fn find(format: Format, source: &str) -> Vec<Suppression> {
    let pattern = match format {
        Format::Markdown | Format::Html => &*HTML_DIRECTIVE,
        Format::Text => &*TEXT_DIRECTIVE,
    };
    let mut found = Vec::new();
    // Open `disable` regions: where they start, the comment, the ids.
    let mut open: Vec<(Range<usize>, Vec<String>)> = Vec::new();
    for caps in pattern.captures_iter(source) {
        let whole = caps.get(0).expect("group 0").range();
        let figures: Vec<String> = caps[2].split_whitespace().map(str::to_string).collect();
        match &caps[1] {
            "ignore" => found.push(Suppression {
                scope: whole.end..next_block_end(source, whole.end),
                directive: whole,
                figures,
                used: false,
            }),
            "disable" => open.push((whole, figures)),
            _ => {
                // `enable` closes the regions it names, or all of them.
                let mut still_open = Vec::new();
                for (directive, ids) in open.drain(..) {
                    if figures.is_empty() || figures.iter().any(|f| ids.contains(f)) {
                        found.push(Suppression {
                            scope: directive.end..whole.start,
                            directive,
                            figures: ids,
                            used: false,
                        });
                    } else {
                        still_open.push((directive, ids));
                    }
                }
                open = still_open;
            }
        }
    }
    for (directive, ids) in open {
        found.push(Suppression {
            scope: directive.end..source.len(),
            directive,
            figures: ids,
            used: false,
        });
    }
    found.sort_by_key(|s| s.directive.start);
    found
}

/// The end of the block that starts after `from`: the first blank line after
/// some text, or the end of the draft.
fn next_block_end(source: &str, from: usize) -> usize {
    let rest = &source[from..];
    let content = rest.len() - rest.trim_start().len();
    BLANK_LINE
        .find(&rest[content..])
        .map_or(source.len(), |m| from + content + m.start())
}

/// The suppression that covers `finding`, if one does.
fn covering<'s>(
    finding: &Finding,
    suppressions: &'s mut [Suppression],
    figures: &[Figure],
) -> Option<&'s mut Suppression> {
    let id = finding.figure.map(|i| figures[i].id.as_str());
    suppressions.iter_mut().find(|s| {
        s.scope.contains(&finding.span.start)
            && (s.figures.is_empty() || id.is_some_and(|id| s.figures.iter().any(|f| f == id)))
    })
}

/// Marks used the suppressions that cover one of `findings` that is not
/// reported: about a claim below the tier reported. Such a suppression still
/// does its work (it hides the finding where a run reports every tier), so it
/// is no `figcheck::unused-ignore`.
pub fn mark_used(findings: &[Finding], suppressions: &mut [Suppression], figures: &[Figure]) {
    for finding in findings {
        if let Some(s) = covering(finding, suppressions, figures) {
            s.used = true;
        }
    }
}

/// Removes the findings that a suppression covers, marks those suppressions
/// used, and adds a `figcheck::unused-ignore` finding for each that was not.
pub fn apply(
    findings: Vec<Finding>,
    suppressions: &mut [Suppression],
    figures: &[Figure],
    locale: Locale,
) -> Vec<Finding> {
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        match covering(&finding, suppressions, figures) {
            Some(s) => s.used = true,
            None => kept.push(finding),
        }
    }
    for s in suppressions.iter().filter(|s| !s.used) {
        let unknown: Vec<&str> = s
            .figures
            .iter()
            .filter(|f| !figures.iter().any(|fig| &fig.id == *f))
            .map(String::as_str)
            .collect();
        let message = if unknown.is_empty() {
            tr!(locale, "unused-ignore")
        } else {
            tr!(
                locale,
                "unused-ignore-unknown",
                figures = unknown.join(", ")
            )
        };
        kept.push(Finding {
            code: Code::UnusedIgnore,
            severity: Severity::Warning,
            figure: None,
            span: s.directive.clone(),
            found_text: String::new(),
            found: None,
            canonical: None,
            message,
            help: tr!(locale, "unused-ignore-help"),
            labels: vec![Label {
                span: s.directive.clone(),
                text: tr!(locale, "unused-ignore-label"),
            }],
            fix: None,
        });
    }
    Finding::sort(&mut kept);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes(format: Format, source: &str) -> Vec<(&str, Vec<String>)> {
        find(format, source)
            .into_iter()
            .map(|s| (source[s.scope].trim(), s.figures))
            .collect()
    }

    #[test]
    fn ignore_covers_the_next_block_only() {
        let source = "<!-- figcheck-ignore -->\nFirst block\nstill first.\n\nSecond block.";
        assert_eq!(
            scopes(Format::Markdown, source),
            vec![("First block\nstill first.", vec![])]
        );
    }

    #[test]
    fn ignore_can_name_figures() {
        let source = "<!-- figcheck-ignore deaths-in-custody homicide-rate -->\nText.";
        let ids = vec!["deaths-in-custody".to_string(), "homicide-rate".to_string()];
        assert_eq!(scopes(Format::Markdown, source), vec![("Text.", ids)]);
    }

    #[test]
    fn disable_and_enable_make_a_region() {
        let source = "A.\n\n<!-- figcheck-disable -->\nB.\n\nC.\n<!-- figcheck-enable -->\nD.";
        assert_eq!(scopes(Format::Markdown, source), vec![("B.\n\nC.", vec![])]);
        let open = "A.\n<!-- figcheck-disable -->\nB.\n\nC.";
        assert_eq!(scopes(Format::Markdown, open), vec![("B.\n\nC.", vec![])]);
    }

    #[test]
    fn plain_text_uses_comment_lines() {
        let source = "# figcheck-ignore\nA.\n\n// figcheck-disable deaths-in-custody\nB.\n// figcheck-enable\nC.";
        assert_eq!(
            scopes(Format::Text, source),
            vec![
                ("A.", vec![]),
                ("B.", vec!["deaths-in-custody".to_string()])
            ]
        );
    }

    #[test]
    fn directives_must_stand_alone_and_match_their_format() {
        assert!(find(Format::Text, "See figcheck-ignore # figcheck-ignore\nA.").is_empty());
        assert!(find(Format::Markdown, "# figcheck-ignore\nA.").is_empty());
        assert!(find(Format::Markdown, "<!-- figcheck-ignored -->\nA.").is_empty());
    }
}
