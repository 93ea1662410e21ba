//! The rules file: canonical figures, the values allowed for each, and settings.
//!
//! `schema.rs` is what the file may say (serde, with spans kept for error
//! messages) and its validation into the [`Rules`] the checker uses;
//! `diagnostic.rs` is how a problem in the file is reported. This module loads
//! the file and finds it when the user did not name one.

// A rules file is loaded once per run, and its one error is rendered and ends
// the run: the size of the error type costs nothing worth boxing for.
#![allow(clippy::result_large_err)]

pub mod derived;
pub mod describe;
mod diagnostic;
pub mod extend;
pub mod history;
pub mod nearest;
mod read;
mod schema;
mod validate;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::date::Date;
use crate::lang::{Lang, LangSetting};

pub use diagnostic::{did_you_mean, RulesDiagnostic, RulesErrors};
pub use schema::{Expect, Quotes, Severity, Unit};

/// The largest rules file figcheck reads: 4 MiB, far beyond any desk's.
pub const MAX_RULES_BYTES: u64 = 4 << 20;

/// The file name looked for in the current directory and its ancestors.
pub const RULES_FILE_NAME: &str = "rules.toml";

/// A commented starter rules file, as `figcheck init` writes it.
pub const STARTER: &str = include_str!("starter.toml");

/// Default number of words allowed between a subject phrase and its number.
pub const DEFAULT_WINDOW: usize = 8;

/// Default number of other words that may stand inside a multi-word subject
/// phrase: "died in government custody" for "died in custody".
pub const DEFAULT_GAP: usize = 2;

/// Validated rules, ready to check drafts with.
#[derive(Debug, Clone)]
pub struct Rules {
    pub settings: Settings,
    pub figures: Vec<Figure>,
    /// The sources a value may name, and that a draft may attribute a claim to.
    pub sources: Vec<Source>,
    /// Where the rules came from, and their text, for diagnostics that point into them.
    pub path: PathBuf,
    pub source: Arc<String>,
    /// Things in the file that will probably misbehave; the rules still work.
    pub warnings: Vec<RulesDiagnostic>,
    /// Every file the rules were read from, when the main one extends
    /// others (`[settings] extend`); empty when it does not.
    pub files: Vec<extend::RulesFile>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub window: usize,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// What to do with numbers inside quotation marks and block quotes.
    pub quotes: Quotes,
    pub gap: usize,
    /// How far `more than N` reaches above N and `nearly N` below it, as a fraction of N.
    pub qualifier_slack: f64,
    /// The severity of `figcheck::arithmetic` findings.
    pub arithmetic: Severity,
    /// The largest draft read, in MiB; a larger one is reported and skipped.
    pub max_draft_size_mib: u64,
    /// The language of drafts that do not name their own, or `auto`.
    pub lang: LangSetting,
    /// The lowest confidence tier of a claim that findings are reported
    /// for (see `attribute::tier`).
    pub report_tier: crate::confidence::Tier,
}

/// The default largest draft: 256 MiB, far beyond any article, and a bound
/// on the memory a run can take.
pub const DEFAULT_MAX_DRAFT_SIZE_MIB: u64 = 256;

impl Settings {
    pub fn max_draft_bytes(&self) -> u64 {
        self.max_draft_size_mib.saturating_mul(1 << 20)
    }

    /// The language a figure's `subjects` are written in: the `lang`
    /// setting, or English where it is `auto`.
    pub fn default_lang(&self) -> Lang {
        match self.lang {
            LangSetting::Fixed(lang) => lang,
            LangSetting::Auto => Lang::En,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            window: DEFAULT_WINDOW,
            include: [
                "**/*.md",
                "**/*.markdown",
                "**/*.txt",
                "**/*.docx",
                "**/*.odt",
            ]
            .map(String::from)
            .to_vec(),
            exclude: Vec::new(),
            quotes: Quotes::Warn,
            gap: DEFAULT_GAP,
            qualifier_slack: crate::numbers::DEFAULT_QUALIFIER_SLACK,
            arithmetic: Severity::Error,
            max_draft_size_mib: DEFAULT_MAX_DRAFT_SIZE_MIB,
            lang: LangSetting::default(),
            report_tier: crate::confidence::Tier::default(),
        }
    }
}

/// One canonical figure: what it is called in prose and which values it may take.
#[derive(Debug, Clone)]
pub struct Figure {
    pub id: String,
    pub name: String,
    /// The subject phrases in the rules' default language, as `subjects` gives them.
    pub subjects: Vec<String>,
    /// The subject phrases that name the figure in a draft of each language
    /// (by [`Lang::index`]): `subjects` in the default language, and
    /// `subjects_es` or `subjects_en` in theirs.
    pub subjects_by_lang: [Vec<String>; Lang::ALL.len()],
    pub unit: Unit,
    /// The values a draft may use; the first is the canonical one.
    pub allowed: Vec<AllowedValue>,
    pub tolerance: Option<Tolerance>,
    pub severity: Severity,
    pub window: usize,
    /// Other words that may stand inside one of its subject phrases.
    pub gap: usize,
    /// How far a one-sided qualifier reaches, as a fraction of the number.
    pub qualifier_slack: f64,
    /// When the figure's count began, for "two years into …".
    pub since: Option<Date>,
    /// For a derived figure, the formula its value is computed by; its
    /// canonical value is then the computed interval, as of today.
    pub formula: Option<derived::Formula>,
    /// Phrases that name a different quantity with the figure's words
    /// ("extreme poverty" for a poverty rate): a subject phrase inside one
    /// names nothing.
    pub exclude: Vec<String>,
    /// Phrases that name the figure as a whole that a share is taken of:
    /// "the population" in "1.6% of the population". Its `share_of` phrases
    /// and, for a count, its own English subjects (with and without "the").
    pub share_of: Vec<String>,
    /// The two capitalised parts the figure's name joins with `and` or `y`
    /// ("Palisades" and "Eaton" in "Structures destroyed in the Palisades
    /// and Eaton fires"): a clause that names only one of them counts a part.
    pub parts: Option<[String; 2]>,
    /// Sentences that show what the figure must catch and must not.
    pub examples: Vec<Example>,
}

/// An example in the rules file: a text and the finding it must give.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub text: String,
    pub expect: Expect,
    /// The `expect` value in the rules file.
    pub expect_span: Range<usize>,
    /// The date of the draft the text stands for (today when not given).
    pub as_of: Option<Date>,
    /// The language the text is written in (the rules' default when not given).
    pub lang: Option<Lang>,
}

impl Figure {
    /// Whether the figure counts whole things: a count, not derived, whose
    /// every value is a whole number.
    pub fn counts_whole(&self) -> bool {
        let whole = |x: f64| x.is_finite() && x.fract() == 0.0;
        self.unit == Unit::Count
            && self.formula.is_none()
            && !self.allowed.is_empty()
            && self.allowed.iter().all(|v| whole(v.min) && whole(v.max))
    }

    /// The figure's own words: its name, then every subject phrase in every
    /// language.
    pub fn texts(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(self.subjects_by_lang.iter().flatten())
    }

    /// The words of the subject phrases that say what the figure counts:
    /// those of four letters or more written in lowercase, without a plural
    /// `s`: "death" and "toll" in "death toll" and in "South Carolina's death
    /// toll", not the state's name.
    pub fn quantity_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self
            .subjects_by_lang
            .iter()
            .flatten()
            .flat_map(|phrase| phrase.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_lowercase))
            .map(|w| w.strip_suffix('s').unwrap_or(w).to_string())
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    /// The two parts a figure's `name` joins (see [`Figure::parts`]).
    pub fn joined_parts(name: &str) -> Option<[String; 2]> {
        let words: Vec<&str> = name
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        let capital = |w: &str| w.starts_with(char::is_uppercase);
        words
            .windows(3)
            .find(|w| ["and", "y"].contains(&w[1]) && capital(w[0]) && capital(w[2]))
            .map(|w| [w[0].to_string(), w[2].to_string()])
    }

    pub fn canonical(&self) -> &AllowedValue {
        &self.allowed[0]
    }

    /// The first year the figure's values speak of (a value's year, or the
    /// year of its date), when every value says one: before it the rules
    /// know nothing of the figure.
    pub fn first_year(&self) -> Option<i32> {
        self.allowed
            .iter()
            .map(|v| v.year.or(v.as_of.map(|d| d.year)))
            .min()
            .flatten()
    }
}

/// Who a value comes from: a rights group, a ministry, a study. A draft that
/// attributes a claim to it ("according to Cristosal") is checked against its
/// values only.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub name: String,
    /// Other ways drafts name it ("the rights group Cristosal").
    pub aliases: Vec<String>,
    pub url: Option<String>,
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
    /// Where the value comes from, as shown: a source's name, or free text.
    pub source: Option<String>,
    /// The index of the `[[source]]` the value names, if it names one.
    pub source_id: Option<usize>,
    /// When the value was reported: from then on it is current, until a later
    /// value of the same source (and year) supersedes it.
    pub as_of: Option<Date>,
    pub url: Option<String>,
    pub note: Option<String>,
    pub stale: bool,
    pub canonical: bool,
}

/// Who reported a value, for telling which later value supersedes it: a
/// declared source, a free-text source, or nobody in particular.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKey<'a> {
    Declared(usize),
    Named(&'a str),
    Unnamed,
}

impl AllowedValue {
    /// A canonical value computed rather than stated: a derived figure's.
    pub fn computed(min: f64, max: f64) -> AllowedValue {
        AllowedValue {
            min,
            max,
            year: None,
            source: None,
            source_id: None,
            as_of: None,
            url: None,
            note: None,
            stale: false,
            canonical: true,
        }
    }

    pub fn source_key(&self) -> SourceKey<'_> {
        match (self.source_id, &self.source) {
            (Some(i), _) => SourceKey::Declared(i),
            (None, Some(name)) => SourceKey::Named(name),
            (None, None) => SourceKey::Unnamed,
        }
    }

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

/// Whether two closed intervals share a value: a claim's `(low, high)` and
/// an allowed value's [`AllowedValue::interval`].
pub fn meets(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// How far from an allowed value a claim may stray and still be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Tolerance {
    /// A fraction of the value: `"5%"` is `Relative(0.05)`.
    Relative(f64),
    /// A fixed amount in the figure's unit.
    Absolute(f64),
}

impl Rules {
    /// Reads and validates a rules file. Only a regular file of text, no
    /// larger than [`MAX_RULES_BYTES`], is read; anything else (a FIFO, a
    /// device, `/proc/self/environ` with its NUL bytes) is refused without
    /// quoting a byte of it.
    pub fn load(path: &Path) -> Result<Rules, RulesErrors> {
        let text = Rules::read_text(path)?;
        extend::load(path, text, &Rules::read_text)
    }

    /// The text of a rules file, read as [`Rules::load`] says.
    fn read_text(path: &Path) -> Result<String, RulesErrors> {
        let fail = |message: String| -> RulesErrors {
            RulesDiagnostic::new(path.to_path_buf(), Arc::new(String::new()), "figcheck::rules::io", message)
                .help("check the path given with --rules, or run `figcheck init` to write a starter rules.toml")
                .into()
        };
        let meta = std::fs::metadata(path).map_err(|e| {
            fail(format!(
                "cannot read the rules file {}: {e}",
                path.display()
            ))
        })?;
        if !meta.is_file() {
            return Err(fail(format!(
                "the rules file {} is not a regular file",
                path.display()
            )));
        }
        let mut bytes = Vec::new();
        let file = std::fs::File::open(path).map_err(|e| {
            fail(format!(
                "cannot read the rules file {}: {e}",
                path.display()
            ))
        })?;
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, MAX_RULES_BYTES + 1),
            &mut bytes,
        )
        .map_err(|e| {
            fail(format!(
                "cannot read the rules file {}: {e}",
                path.display()
            ))
        })?;
        if bytes.len() as u64 > MAX_RULES_BYTES {
            return Err(fail(format!(
                "the rules file {} is larger than {} MiB",
                path.display(),
                MAX_RULES_BYTES >> 20
            )));
        }
        match String::from_utf8(bytes) {
            Ok(text) if !text.contains('\0') => Ok(text),
            _ => Err(fail(format!(
                "the rules file {} is not text (it is not UTF-8, or holds NUL bytes)",
                path.display()
            ))),
        }
    }

    /// Parses and validates rules from text; `path` names the file in
    /// diagnostics. A file that is not TOML gives one error, where the parser
    /// stopped; otherwise every error in the file is reported, in file order.
    pub fn parse(text: &str, path: &Path) -> Result<Rules, RulesErrors> {
        let source: Arc<String> = Arc::new(text.to_string());
        let new = |code, message: String| {
            RulesDiagnostic::new(path.to_path_buf(), source.clone(), code, message)
        };
        let document = match toml_edit::ImDocument::parse(text) {
            Ok(document) => document,
            Err(_) => {
                let e = toml::from_str::<toml::Table>(text)
                    .expect_err("toml and toml_edit read TOML alike");
                return Err(schema::toml_error(e.message(), e.span(), path, &source).into());
            }
        };
        let mut errors = read::problems(&document, &new);
        // Read into the schema from the document parsed above, as
        // `toml::from_str` would after parsing the text again.
        let raw: Result<schema::RawRules, _> =
            serde::Deserialize::deserialize(toml_edit::de::Deserializer::from(document));
        let raw = match raw {
            Ok(raw) => raw,
            // Only a top level of the wrong shape gets here, which
            // `read::problems` reports.
            Err(e) if errors.is_empty() => {
                return Err(schema::toml_error(e.message(), e.span(), path, &source).into())
            }
            Err(_) => schema::RawRules::default(),
        };
        let rules = validate::validate(raw, path, &source, &mut errors);
        match rules {
            Some(rules) if errors.is_empty() => Ok(rules),
            _ => {
                errors.sort_by_key(|e| e.labels.first().map_or(usize::MAX, |l| l.0.start));
                Err(RulesErrors(errors))
            }
        }
    }

    /// The nearest rules file in `start` or one of its ancestors. A
    /// `rules.toml` that is a link to a file outside its own directory is
    /// not followed: in a pull request it could point at a secret.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start.ancestors().find_map(Rules::discover_here)
    }

    /// The rules file in `dir` itself, on the terms of [`Rules::discover`].
    pub fn discover_here(dir: &Path) -> Option<PathBuf> {
        let candidate = dir.join(RULES_FILE_NAME);
        (candidate.is_file() && stays_home(&candidate)).then_some(candidate)
    }

    /// The figure with this id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }
}

/// Whether a file, if it is a link, resolves to a place inside the directory
/// it stands in.
fn stays_home(path: &Path) -> bool {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return true;
    }
    let (Some(dir), Ok(target)) = (path.parent(), std::fs::canonicalize(path)) else {
        return false;
    };
    std::fs::canonicalize(dir).is_ok_and(|dir| target.starts_with(dir))
}

#[cfg(test)]
mod tests {
    use super::Figure;

    #[test]
    fn a_name_joins_two_parts_only_when_both_are_capitalised() {
        assert_eq!(
            Figure::joined_parts("Structures destroyed in the Palisades and Eaton fires"),
            Some(["Palisades".to_string(), "Eaton".to_string()])
        );
        assert_eq!(
            Figure::joined_parts("Hectáreas quemadas en Viña y Quilpué"),
            Some(["Viña".to_string(), "Quilpué".to_string()])
        );
        // Must not: common nouns joined, a name with one capital, no name.
        assert_eq!(
            Figure::joined_parts("Deaths and injuries in the fires"),
            None
        );
        assert_eq!(
            Figure::joined_parts("Deaths in Florida and elsewhere"),
            None
        );
        assert_eq!(Figure::joined_parts(""), None);
    }
}
