//! What a rules file may say, as serde sees it: the raw tables, read
//! leniently, and the TOML errors as labelled diagnostics. `validate.rs`
//! turns what was read into [`Rules`].

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use regex::Regex;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{did_you_mean, RulesDiagnostic, Tolerance};

/// What the rules file holds, read leniently: a table that cannot be read is
/// `Broken` and left out, so that the others are still validated. What was
/// wrong with it, and every unknown key (which the structs below ignore), is
/// reported by `read::problems`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct RawRules {
    #[serde(default)]
    pub(super) settings: Option<Lenient<RawSettings>>,
    #[serde(default)]
    pub(super) figure: Lenient<Vec<Lenient<Spanned<RawFigure>>>>,
    #[serde(default)]
    pub(super) source: Lenient<Vec<Lenient<RawSource>>>,
}

/// A part of the rules file that was read, or that could not be.
#[derive(Debug)]
pub(super) enum Lenient<T> {
    Read(T),
    Broken,
}

impl<T: Default> Default for Lenient<T> {
    fn default() -> Self {
        Lenient::Read(T::default())
    }
}

impl<T> Lenient<T> {
    /// A required key that is not there (`read::problems` reports it).
    pub(super) fn missing() -> Self {
        Lenient::Broken
    }

    pub(super) fn is_broken(&self) -> bool {
        matches!(self, Lenient::Broken)
    }

    pub(super) fn read(self) -> Option<T> {
        match self {
            Lenient::Read(value) => Some(value),
            Lenient::Broken => None,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The TOML deserializer reads from a parsed tree: an error inside one
        // table leaves the rest of the file readable.
        Ok(T::deserialize(deserializer).map_or(Lenient::Broken, Lenient::Read))
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct RawSource {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    pub(super) url: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct RawSettings {
    pub(super) window: Option<Spanned<usize>>,
    pub(super) gap: Option<usize>,
    pub(super) qualifier_slack: Option<Spanned<f64>>,
    pub(super) quotes: Option<Quotes>,
    pub(super) arithmetic: Option<Severity>,
    pub(super) max_draft_size_mib: Option<Spanned<u64>>,
    pub(super) include: Option<Vec<Spanned<String>>>,
    /// Rules files whose figures and sources join these (see `extend.rs`,
    /// which reads them before the rules are parsed).
    #[allow(dead_code)]
    pub(super) extend: Option<Vec<Spanned<String>>>,
    pub(super) exclude: Option<Vec<Spanned<String>>>,
    pub(super) lang: Option<Spanned<String>>,
    pub(super) report_tier: Option<crate::confidence::Tier>,
}

/// A `[[figure]]` table. Each key is read on its own, so that a value of
/// the wrong type (which `read::problems` reports) leaves the others to be
/// validated: a required key that is missing or broken is `Broken`.
#[derive(Debug, Deserialize)]
pub(super) struct RawFigure {
    #[serde(default = "Lenient::missing")]
    pub(super) id: Lenient<Spanned<String>>,
    #[serde(default = "Lenient::missing")]
    pub(super) name: Lenient<String>,
    #[serde(default = "Lenient::missing")]
    pub(super) subjects: Lenient<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub(super) subjects_en: Lenient<Option<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub(super) subjects_es: Lenient<Option<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub(super) unit: Lenient<Unit>,
    #[serde(default)]
    pub(super) canonical: Lenient<Option<Spanned<RawValue>>>,
    #[serde(default)]
    pub(super) formula: Lenient<Option<Spanned<String>>>,
    #[serde(default)]
    pub(super) source: Lenient<Option<String>>,
    #[serde(default)]
    pub(super) as_of: Lenient<Option<Spanned<String>>>,
    #[serde(default)]
    pub(super) since: Lenient<Option<Spanned<String>>>,
    #[serde(default)]
    pub(super) share_of: Lenient<Vec<String>>,
    #[serde(default)]
    pub(super) exclude: Lenient<Vec<Spanned<String>>>,
    #[serde(default)]
    pub(super) url: Lenient<Option<String>>,
    #[serde(default)]
    pub(super) note: Lenient<Option<String>>,
    #[serde(default)]
    pub(super) allowed: Lenient<Vec<Spanned<RawValue>>>,
    #[serde(default)]
    pub(super) tolerance: Lenient<Option<Spanned<RawTolerance>>>,
    #[serde(default)]
    pub(super) severity: Lenient<Severity>,
    #[serde(default)]
    pub(super) window: Lenient<Option<Spanned<usize>>>,
    #[serde(default)]
    pub(super) gap: Lenient<Option<usize>>,
    #[serde(default)]
    pub(super) qualifier_slack: Lenient<Option<Spanned<f64>>>,
    #[serde(default)]
    pub(super) example: Lenient<Vec<Lenient<RawExample>>>,
}

impl RawFigure {
    /// Whether a key was there but could not be read.
    pub(super) fn has_broken_key(&self) -> bool {
        [
            self.name.is_broken(),
            self.subjects.is_broken(),
            self.subjects_en.is_broken(),
            self.subjects_es.is_broken(),
            self.unit.is_broken(),
            self.canonical.is_broken(),
            self.formula.is_broken(),
            self.source.is_broken(),
            self.as_of.is_broken(),
            self.since.is_broken(),
            self.share_of.is_broken(),
            self.exclude.is_broken(),
            self.url.is_broken(),
            self.note.is_broken(),
            self.allowed.is_broken(),
            self.tolerance.is_broken(),
            self.severity.is_broken(),
            self.window.is_broken(),
            self.gap.is_broken(),
            self.qualifier_slack.is_broken(),
            self.example.is_broken(),
        ]
        .contains(&true)
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct RawExample {
    pub(super) text: String,
    pub(super) expect: Spanned<Expect>,
    pub(super) as_of: Option<Spanned<String>>,
    pub(super) lang: Option<Spanned<String>>,
}

/// What an example in the rules file must give when checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expect {
    /// A number is attributed to the figure and accepted.
    Ok,
    Mismatch,
    Stale,
    WrongYear,
    WrongSource,
    Inconsistent,
    /// The text's own arithmetic (a share, a change, parts of a whole) does
    /// not hold.
    Arithmetic,
    /// No number in the text is attributed to the figure.
    Unattributed,
    /// A number is attributed to the figure as a forecast, target or plan, and
    /// so not judged.
    Forecast,
}

impl Expect {
    pub fn as_str(self) -> &'static str {
        match self {
            Expect::Ok => "ok",
            Expect::Mismatch => "mismatch",
            Expect::Stale => "stale",
            Expect::WrongYear => "wrong-year",
            Expect::WrongSource => "wrong-source",
            Expect::Inconsistent => "inconsistent",
            Expect::Arithmetic => "arithmetic",
            Expect::Unattributed => "unattributed",
            Expect::Forecast => "forecast",
        }
    }
}

/// What to do with a number inside quotation marks or a block quote: a draft
/// may quote an official who gave a wrong figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Quotes {
    /// Check it like any other number (but never fix it).
    Check,
    /// Check it, but report what it finds as a warning at most, that says
    /// the number is a source's words.
    #[default]
    Warn,
    /// Do not check it.
    Skip,
}

pub use crate::value::Unit;

/// How serious a finding about a figure is; also decides the exit code.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Advice,
    Warning,
    #[default]
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        }
    }
}

/// An allowed value as written: `350`, `{ value = 261, stale = true }` or `{ min = 105000, max = 109000 }`.
#[derive(Debug, Default)]
pub(super) struct RawValue {
    pub(super) value: Option<f64>,
    pub(super) min: Option<f64>,
    pub(super) max: Option<f64>,
    pub(super) year: Option<i32>,
    pub(super) source: Option<String>,
    pub(super) as_of: Option<Spanned<String>>,
    pub(super) url: Option<String>,
    pub(super) note: Option<String>,
    pub(super) stale: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawValueTable {
    pub(super) value: Option<f64>,
    pub(super) min: Option<f64>,
    pub(super) max: Option<f64>,
    pub(super) year: Option<i32>,
    pub(super) source: Option<String>,
    pub(super) as_of: Option<Spanned<String>>,
    pub(super) url: Option<String>,
    pub(super) note: Option<String>,
    #[serde(default)]
    pub(super) stale: bool,
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = RawValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, a table { value = ... } or a range { min = ..., max = ... }")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
                Ok(RawValue {
                    value: Some(v),
                    ..RawValue::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawValue, A::Error> {
                let t = RawValueTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawValue {
                    value: t.value,
                    min: t.min,
                    max: t.max,
                    year: t.year,
                    source: t.source,
                    as_of: t.as_of,
                    url: t.url,
                    note: t.note,
                    stale: t.stale,
                })
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// `"5%"` (relative) or a number (absolute); a string that does not parse is
/// kept, so that validation can point at it.
#[derive(Debug)]
pub(super) struct RawTolerance(pub(super) Result<Tolerance, String>);

impl<'de> Deserialize<'de> for RawTolerance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TolVisitor;
        impl<'de> Visitor<'de> for TolVisitor {
            type Value = RawTolerance;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a percentage such as \"5%\" or a number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawTolerance, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawTolerance, E> {
                Ok(RawTolerance(if v >= 0.0 && v.is_finite() {
                    Ok(Tolerance::Absolute(v))
                } else {
                    Err(v.to_string())
                }))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTolerance, E> {
                let parsed = v
                    .trim()
                    .strip_suffix('%')
                    .and_then(|n| n.trim().parse::<f64>().ok())
                    .filter(|n| *n >= 0.0 && n.is_finite());
                Ok(RawTolerance(
                    parsed
                        .map(|p| Tolerance::Relative(p / 100.0))
                        .ok_or_else(|| v.to_string()),
                ))
            }
        }
        deserializer.deserialize_any(TolVisitor)
    }
}

pub(super) static UNKNOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"unknown (field|variant) `([^`]*)`, expected (?:one of )?(.*)").expect("pattern")
});
pub(super) static MISSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"missing field `([^`]*)`").expect("pattern"));
pub(super) static INVALID_TYPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"invalid type: (.*), expected (.*)").expect("pattern"));

/// A TOML or schema error from the toml crate, as a labelled diagnostic.
pub(super) fn toml_error(
    message: &str,
    span: Option<std::ops::Range<usize>>,
    path: &Path,
    source: &Arc<String>,
) -> RulesDiagnostic {
    let message = message.trim().to_string();
    let span = span.unwrap_or(0..0);
    let new = |code, message: String| {
        RulesDiagnostic::new(path.to_path_buf(), source.clone(), code, message)
    };
    if let Some(problem) = unknown_or_missing(&message, span.clone(), &new) {
        return problem;
    }
    if let Some(caps) = INVALID_TYPE.captures(&message) {
        return new(
            "figcheck::rules::wrong-type",
            format!("expected {}, found {}", &caps[2], &caps[1]),
        )
        .label(span, format!("expected {}", &caps[2]))
        .help("see docs/rules.md for the type of each key");
    }
    // A file that is not TOML may not be a rules file at all: show only the
    // offending stretch of the offending line.
    new(
        "figcheck::rules::syntax",
        format!(
            "this is not valid TOML: {}",
            message.lines().next().unwrap_or("")
        ),
    )
    .label(span, "not valid TOML here")
    .help("see docs/rules.md for the syntax of the rules file")
    .confined()
}

/// serde's "unknown field", "unknown variant" and "missing field", with a
/// suggestion for a misspelt key or choice.
pub(super) fn unknown_or_missing(
    message: &str,
    span: Range<usize>,
    new: &dyn Fn(&'static str, String) -> RulesDiagnostic,
) -> Option<RulesDiagnostic> {
    if let Some(caps) = UNKNOWN.captures(message) {
        let (kind, word, expected) = (&caps[1], &caps[2], &caps[3]);
        let choices: Vec<&str> = expected
            .split(", ")
            .map(|c| c.trim_matches(|c| c == '`' || c == ' '))
            .collect();
        let suggestion = did_you_mean(word, &choices);
        let (code, what) = if kind == "field" {
            ("figcheck::rules::unknown-key", "key")
        } else {
            ("figcheck::rules::unknown-value", "value")
        };
        let help = match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("use one of: {}", choices.join(", ")),
        };
        return Some(
            new(code, format!("unknown {what} `{word}`"))
                .label(span, format!("unknown {what}"))
                .help(help),
        );
    }
    if let Some(caps) = MISSING.captures(message) {
        let key = &caps[1];
        let example = match key {
            "id" => "id = \"deaths-in-custody\"",
            "name" => "name = \"Deaths in custody\"",
            "subjects" => "subjects = [\"died in custody\"]",
            "canonical" => "canonical = 367",
            "text" => "text = \"At least 376 people have died in custody.\"",
            "expect" => "expect = \"mismatch\"",
            _ => "",
        };
        return Some(
            new(
                "figcheck::rules::missing-key",
                format!("missing required key `{key}`"),
            )
            .label(span, format!("this table has no `{key}`"))
            .help(if example.is_empty() {
                format!("add `{key}` to this table")
            } else {
                format!("add `{example}` to this table")
            }),
        );
    }
    None
}
