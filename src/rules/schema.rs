//! What a rules file may say, as serde sees it, and its validation into [`Rules`].

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{AllowedValue, Figure, Rules, Settings, Tolerance};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRules {
    #[serde(default)]
    settings: Option<RawSettings>,
    #[serde(default)]
    figure: Vec<Spanned<RawFigure>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    window: Option<usize>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: Spanned<String>,
    name: String,
    subjects: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    unit: Unit,
    canonical: Spanned<RawValue>,
    source: Option<String>,
    as_of: Option<String>,
    url: Option<String>,
    note: Option<String>,
    #[serde(default)]
    allowed: Vec<Spanned<RawValue>>,
    tolerance: Option<Spanned<RawTolerance>>,
    #[serde(default)]
    severity: Severity,
    window: Option<usize>,
}

/// What a figure measures; decides which numbers in prose can be about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Count,
    Percent,
    Rate,
    Money,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Rate => "rate",
            Unit::Money => "money",
        }
    }
}

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
struct RawValue {
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    year: Option<i32>,
    source: Option<String>,
    as_of: Option<String>,
    url: Option<String>,
    note: Option<String>,
    stale: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValueTable {
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    year: Option<i32>,
    source: Option<String>,
    as_of: Option<String>,
    url: Option<String>,
    note: Option<String>,
    #[serde(default)]
    stale: bool,
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

/// `"5%"` (relative) or a number (absolute).
#[derive(Debug)]
struct RawTolerance(Result<Tolerance, String>);

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
                Ok(RawTolerance(if v >= 0.0 {
                    Ok(Tolerance::Absolute(v))
                } else {
                    Err("a tolerance cannot be negative".into())
                }))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTolerance, E> {
                let parsed = v
                    .trim()
                    .strip_suffix('%')
                    .and_then(|n| n.trim().parse::<f64>().ok())
                    .filter(|n| *n >= 0.0);
                Ok(RawTolerance(match parsed {
                    Some(p) => Ok(Tolerance::Relative(p / 100.0)),
                    None => Err(format!(
                        "tolerance \"{v}\" is not a percentage such as \"5%\"; write a percentage or a plain number"
                    )),
                }))
            }
        }
        deserializer.deserialize_any(TolVisitor)
    }
}

type ValidationError = (Option<Range<usize>>, String);

pub(super) fn validate(raw: RawRules, text: &str) -> Result<Rules, ValidationError> {
    let defaults = Settings::default();
    let settings = match raw.settings {
        None => defaults,
        Some(s) => Settings {
            window: s.window.unwrap_or(defaults.window),
            include: s.include.unwrap_or(defaults.include),
            exclude: s.exclude.unwrap_or(defaults.exclude),
        },
    };
    for pattern in settings.include.iter().chain(&settings.exclude) {
        glob::Pattern::new(pattern).map_err(|e| {
            (
                None,
                format!("invalid glob pattern `{pattern}` in [settings]: {e}"),
            )
        })?;
    }

    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    let mut figures = Vec::with_capacity(raw.figure.len());
    for spanned in raw.figure {
        let figure_span = spanned.span();
        let f = spanned.into_inner();
        let id_span = f.id.span();
        let id = f.id.into_inner();
        if !is_kebab_case(&id) {
            return Err((
                Some(id_span),
                format!("figure id `{id}` must be kebab-case (lowercase letters, digits and hyphens, such as `deaths-in-custody`)"),
            ));
        }
        if let Some(first) = seen.get(&id) {
            let (line, _) = super::line_col(text, first.start);
            return Err((
                Some(id_span),
                format!("duplicate figure id `{id}` (first used on line {line}); every figure needs its own id"),
            ));
        }
        seen.insert(id.clone(), id_span);

        let subjects_span = f.subjects.span();
        let subjects = f.subjects.into_inner();
        if subjects.is_empty() {
            return Err((
                Some(subjects_span),
                format!("figure `{id}` has no subjects; list at least one phrase that names it in prose"),
            ));
        }
        let mut subject_phrases = Vec::with_capacity(subjects.len());
        for subject in subjects {
            if !subject.get_ref().chars().any(char::is_alphanumeric) {
                return Err((
                    Some(subject.span()),
                    format!("figure `{id}` has a subject phrase with no words in it"),
                ));
            }
            subject_phrases.push(subject.into_inner());
        }

        let tolerance = match f.tolerance {
            None => None,
            Some(t) => {
                let span = t.span();
                Some(t.into_inner().0.map_err(|m| (Some(span), m))?)
            }
        };

        let canonical_span = f.canonical.span();
        let mut canonical = allowed_value(f.canonical.into_inner(), canonical_span)?;
        canonical.canonical = true;
        canonical.stale = false;
        canonical.source = canonical.source.or(f.source);
        canonical.as_of = canonical.as_of.or(f.as_of);
        canonical.url = canonical.url.or(f.url);
        canonical.note = canonical.note.or(f.note);
        let mut allowed = vec![canonical];
        for entry in f.allowed {
            let span = entry.span();
            allowed.push(allowed_value(entry.into_inner(), span)?);
        }

        let window = f.window.unwrap_or(settings.window);
        if window == 0 {
            return Err((
                Some(figure_span),
                format!("figure `{id}` has window = 0; use at least 1"),
            ));
        }
        figures.push(Figure {
            id,
            name: f.name,
            subjects: subject_phrases,
            unit: f.unit,
            allowed,
            tolerance,
            severity: f.severity,
            window,
        });
    }
    if settings.window == 0 {
        return Err((None, "[settings] window = 0; use at least 1".into()));
    }
    Ok(Rules { settings, figures })
}

fn allowed_value(raw: RawValue, span: Range<usize>) -> Result<AllowedValue, ValidationError> {
    let (min, max) = match (raw.value, raw.min, raw.max) {
        (Some(v), None, None) => (v, v),
        (None, min, max) if min.is_some() || max.is_some() => {
            let min = min.unwrap_or(f64::NEG_INFINITY);
            let max = max.unwrap_or(f64::INFINITY);
            if min > max {
                return Err((
                    Some(span),
                    format!("range has min = {min} greater than max = {max}; swap them"),
                ));
            }
            (min, max)
        }
        (Some(_), _, _) => {
            return Err((
                Some(span),
                "give either `value` or `min`/`max`, not both".into(),
            ))
        }
        (None, None, None) => {
            return Err((
                Some(span),
                "missing `value` (or `min` and `max` for a range)".into(),
            ))
        }
        _ => unreachable!("all combinations of value, min and max are covered"),
    };
    if let Some(year) = raw.year.filter(|y| !(1800..=2200).contains(y)) {
        return Err((
            Some(span),
            format!(
                "year {year} is outside 1800–2200; write the calendar year the value describes"
            ),
        ));
    }
    Ok(AllowedValue {
        min,
        max,
        year: raw.year,
        source: raw.source,
        as_of: raw.as_of,
        url: raw.url,
        note: raw.note,
        stale: raw.stale,
        canonical: false,
    })
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
