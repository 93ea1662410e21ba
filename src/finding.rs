//! What a check reports: a finding with its code, severity, labels and
//! message, and the fix it may carry as data (ruff's way: edits and how safe
//! they are, never an action). The ground floor that the checks, the
//! suppressions, the arithmetic, the fixes and every renderer share; it
//! depends on nothing of figcheck's but the rules' severities.

use std::ops::Range;

use serde::Serialize;

use crate::rules::Severity;

/// A stable finding code, shown as `figcheck::mismatch` and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Code {
    Mismatch,
    WrongYear,
    WrongSource,
    Stale,
    Inconsistent,
    Arithmetic,
    UnusedIgnore,
    HiddenCharacters,
}

impl Code {
    pub const ALL: [Code; 8] = [
        Code::Mismatch,
        Code::WrongYear,
        Code::WrongSource,
        Code::Stale,
        Code::Inconsistent,
        Code::Arithmetic,
        Code::UnusedIgnore,
        Code::HiddenCharacters,
    ];

    /// The code as users see it and as JSON carries it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Mismatch => "figcheck::mismatch",
            Code::WrongYear => "figcheck::wrong-year",
            Code::WrongSource => "figcheck::wrong-source",
            Code::Stale => "figcheck::stale",
            Code::Inconsistent => "figcheck::inconsistent",
            Code::Arithmetic => "figcheck::arithmetic",
            Code::UnusedIgnore => "figcheck::unused-ignore",
            Code::HiddenCharacters => "figcheck::hidden-characters",
        }
    }

    /// Accepts `figcheck::mismatch` and `mismatch`.
    pub fn parse(name: &str) -> Option<Code> {
        let bare = name.strip_prefix("figcheck::").unwrap_or(name);
        Code::ALL
            .into_iter()
            .find(|c| c.as_str().strip_prefix("figcheck::") == Some(bare))
    }
}

/// A labelled place in the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Range<usize>,
    pub text: String,
}

/// A claim in a draft that disagrees with the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// Index of the figure in the rules; `None` for a finding about the draft
    /// itself (an unused suppression).
    pub figure: Option<usize>,
    /// The number the finding is about, as written (without its qualifier).
    pub span: Range<usize>,
    pub found_text: String,
    /// The number as read: low and high (equal unless a range).
    pub found: Option<(f64, f64)>,
    /// The canonical value of the figure, for reports.
    pub canonical: Option<(f64, f64)>,
    /// The first line of the diagnostic.
    pub message: String,
    /// What to use instead, with sources.
    pub help: String,
    /// Labels in the order they are shown; the first is on the number.
    pub labels: Vec<Label>,
    /// The edit that corrects the number, if there is one (`--fix`).
    pub fix: Option<Fix>,
}

impl Finding {
    /// Sorts `findings` by position, then code, figure and message: an
    /// order with no ties between findings that differ, so a sort in place
    /// (no scratch copy of a draft's findings, which may be hundreds of
    /// thousands) gives the same output every run.
    pub fn sort(findings: &mut [Finding]) {
        findings.sort_unstable_by(|a, b| {
            (a.span.start, a.code, a.figure, a.span.end)
                .cmp(&(b.span.start, b.code, b.figure, b.span.end))
                .then_with(|| a.message.cmp(&b.message))
                .then_with(|| a.help.cmp(&b.help))
        });
    }
}

/// Whether a fix may be applied by `--fix` alone, or needs `--unsafe-fixes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Replaces a plain number by the value the help line gives, in the
    /// same shape: the sentence says what it said, with the right figure.
    Safe,
    /// May change what the sentence means, or is one of two fixes: the
    /// number has a qualifier or is written in words, or the finding is a
    /// wrong year or a wrong source (the year or the source may be the slip).
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement in a draft: the bytes of `span` become `content`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub content: String,
}

/// What a finding's fix does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// In a few words, for a menu or a list: `Use 367`.
    pub message: String,
    pub edits: Vec<Edit>,
}
