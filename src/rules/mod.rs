//! The rules file: canonical figures, the values allowed for each, and settings.
//!
//! `schema.rs` is what the file may say (serde, with spans kept for error
//! messages); this module turns it into validated [`Rules`] that the checker
//! uses, and finds the file when the user did not name one.

mod schema;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use schema::{Severity, Unit};

/// The file name looked for in the current directory and its ancestors.
pub const RULES_FILE_NAME: &str = "rules.toml";

/// Default number of words allowed between a subject phrase and its number.
pub const DEFAULT_WINDOW: usize = 8;

/// Validated rules, ready to check drafts with.
#[derive(Debug, Clone)]
pub struct Rules {
    pub settings: Settings,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub window: usize,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            window: DEFAULT_WINDOW,
            include: ["**/*.md", "**/*.markdown", "**/*.txt"]
                .map(String::from)
                .to_vec(),
            exclude: Vec::new(),
        }
    }
}

/// One canonical figure: what it is called in prose and which values it may take.
#[derive(Debug, Clone)]
pub struct Figure {
    pub id: String,
    pub name: String,
    pub subjects: Vec<String>,
    pub unit: Unit,
    /// The values a draft may use; the first is the canonical one.
    pub allowed: Vec<AllowedValue>,
    pub tolerance: Option<Tolerance>,
    pub severity: Severity,
    pub window: usize,
}

impl Figure {
    pub fn canonical(&self) -> &AllowedValue {
        &self.allowed[0]
    }
}

/// One accepted value or range, with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct AllowedValue {
    /// Lowest accepted value (`-inf` for an open range).
    pub min: f64,
    /// Highest accepted value (`+inf` for an open range).
    pub max: f64,
    /// The year this value describes, when it is tied to one.
    pub year: Option<i32>,
    pub source: Option<String>,
    pub as_of: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
    pub stale: bool,
    pub canonical: bool,
}

impl AllowedValue {
    /// The interval a claim must meet, after the figure's tolerance.
    pub fn interval(&self, tolerance: Option<Tolerance>) -> (f64, f64) {
        match tolerance {
            None => (self.min, self.max),
            Some(Tolerance::Absolute(a)) => (self.min - a, self.max + a),
            Some(Tolerance::Relative(r)) => {
                (self.min - self.min.abs() * r, self.max + self.max.abs() * r)
            }
        }
    }
}

/// How far from an allowed value a claim may stray and still be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Tolerance {
    /// A fraction of the value: `"5%"` is `Relative(0.05)`.
    Relative(f64),
    /// A fixed amount in the figure's unit.
    Absolute(f64),
}

/// A rules file that could not be used: where and why.
#[derive(Debug, Clone)]
pub struct RulesError {
    pub path: PathBuf,
    /// 1-based line and column of the offending value, when known.
    pub location: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for RulesError {}

impl Rules {
    /// Reads and validates a rules file.
    pub fn load(path: &Path) -> Result<Rules, RulesError> {
        let text = std::fs::read_to_string(path).map_err(|e| RulesError {
            path: path.to_path_buf(),
            location: None,
            message: format!("cannot read the rules file: {e}"),
        })?;
        Rules::parse(&text, path)
    }

    /// Parses and validates rules from text; `path` is only used in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Rules, RulesError> {
        let error = |span: Option<Range<usize>>, message: String| RulesError {
            path: path.to_path_buf(),
            location: span.map(|s| line_col(text, s.start)),
            message,
        };
        let raw: schema::RawRules =
            toml::from_str(text).map_err(|e| error(e.span(), e.message().to_string()))?;
        schema::validate(raw, text).map_err(|(span, message)| error(span, message))
    }

    /// The nearest rules file in `start` or one of its ancestors.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(RULES_FILE_NAME))
            .find(|candidate| candidate.is_file())
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    crate::text::LineIndex::new(text).line_col(text, offset)
}
