//! What a rules file may say, as serde sees it, and its validation into [`Rules`].
//! Every error names the offending value with a label and says how to fix it.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use regex::Regex;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::date::Date;
use crate::formula::Dimension;
use crate::lang::{Lang, LangSetting};

use super::derived::{self, DeriveError, Formula};

use super::{
    did_you_mean, AllowedValue, Example, Figure, Rules, RulesDiagnostic, Settings, Source,
    Tolerance,
};

/// What the rules file holds, read leniently: a table that cannot be read is
/// `Broken` and left out, so that the others are still validated. What was
/// wrong with it, and every unknown key (which the structs below ignore), is
/// reported by `read::problems`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct RawRules {
    #[serde(default)]
    settings: Option<Lenient<RawSettings>>,
    #[serde(default)]
    figure: Lenient<Vec<Lenient<Spanned<RawFigure>>>>,
    #[serde(default)]
    source: Lenient<Vec<Lenient<RawSource>>>,
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
    fn read(self) -> Option<T> {
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
struct RawSource {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    url: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawSettings {
    window: Option<Spanned<usize>>,
    gap: Option<usize>,
    qualifier_slack: Option<Spanned<f64>>,
    quotes: Option<Quotes>,
    arithmetic: Option<Severity>,
    max_draft_size_mib: Option<u64>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    lang: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
struct RawFigure {
    id: Spanned<String>,
    name: String,
    subjects: Spanned<Vec<Spanned<String>>>,
    subjects_en: Option<Vec<Spanned<String>>>,
    subjects_es: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    unit: Unit,
    canonical: Option<Spanned<RawValue>>,
    formula: Option<Spanned<String>>,
    source: Option<String>,
    as_of: Option<Spanned<String>>,
    since: Option<Spanned<String>>,
    #[serde(default)]
    share_of: Vec<String>,
    url: Option<String>,
    note: Option<String>,
    #[serde(default)]
    allowed: Vec<Spanned<RawValue>>,
    tolerance: Option<Spanned<RawTolerance>>,
    #[serde(default)]
    severity: Severity,
    window: Option<Spanned<usize>>,
    gap: Option<usize>,
    qualifier_slack: Option<Spanned<f64>>,
    #[serde(default)]
    example: Vec<RawExample>,
}

#[derive(Debug, Deserialize)]
struct RawExample {
    text: String,
    expect: Spanned<Expect>,
    as_of: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
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
    /// Check it like any other number.
    #[default]
    Check,
    /// Check it, but report what it finds as a warning at most.
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
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    year: Option<i32>,
    source: Option<String>,
    as_of: Option<Spanned<String>>,
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
    as_of: Option<Spanned<String>>,
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

/// `"5%"` (relative) or a number (absolute); a string that does not parse is
/// kept, so that validation can point at it.
#[derive(Debug)]
pub(super) struct RawTolerance(Result<Tolerance, String>);

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

static UNKNOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"unknown (field|variant) `([^`]*)`, expected (?:one of )?(.*)").expect("pattern")
});
static MISSING: LazyLock<Regex> =
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

/// Common English words: as a whole subject phrase, each matches far too much prose.
const COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "but",
    "by",
    "can",
    "case",
    "cases",
    "could",
    "day",
    "did",
    "do",
    "each",
    "even",
    "first",
    "for",
    "from",
    "get",
    "good",
    "government",
    "group",
    "had",
    "has",
    "have",
    "he",
    "her",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "life",
    "like",
    "made",
    "make",
    "man",
    "many",
    "may",
    "men",
    "more",
    "most",
    "much",
    "new",
    "no",
    "not",
    "now",
    "number",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "part",
    "people",
    "per",
    "percent",
    "place",
    "rate",
    "report",
    "said",
    "same",
    "say",
    "says",
    "she",
    "so",
    "some",
    "state",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "time",
    "times",
    "to",
    "total",
    "two",
    "up",
    "us",
    "use",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "which",
    "who",
    "will",
    "with",
    "women",
    "work",
    "world",
    "would",
    "year",
    "years",
    "you",
];

type Fault = RulesDiagnostic;

/// Validates what was read, pushing every error onto `errors`; the rules,
/// when there was none. A figure or source with an error is left out of what
/// follows, so that one slip does not raise others (a formula naming a figure
/// whose own table was wrong is not reported as naming no figure).
pub(super) fn validate(
    raw: RawRules,
    path: &Path,
    source: &Arc<String>,
    errors: &mut Vec<Fault>,
) -> Option<Rules> {
    let new = |code, message: String| {
        RulesDiagnostic::new(path.to_path_buf(), source.clone(), code, message)
    };
    let defaults = Settings::default();
    let mut settings = defaults.clone();
    if let Some(s) = raw.settings.and_then(Lenient::read) {
        settings.quotes = s.quotes.unwrap_or_default();
        settings.arithmetic = s.arithmetic.unwrap_or(Severity::Error);
        if let Some(mib) = s.max_draft_size_mib {
            settings.max_draft_size_mib = mib;
        }
        if let Some(window) = s.window {
            if *window.get_ref() == 0 {
                errors.push(
                    new(
                        "figcheck::rules::invalid-value",
                        "window = 0 lets no word stand between a subject and its number".into(),
                    )
                    .label(window.span(), "must be at least 1")
                    .help("use the default, 8, or a small number such as 5"),
                );
            } else {
                settings.window = window.into_inner();
            }
        }
        if let Some(gap) = s.gap {
            settings.gap = gap;
        }
        if let Some(lang) = s.lang {
            match lang_value(&lang, true, &new) {
                Ok(Some(setting)) => settings.lang = setting,
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        if let Some(slack) = s.qualifier_slack {
            match slack_value(slack, &new) {
                Ok(slack) => settings.qualifier_slack = slack,
                Err(e) => errors.push(e),
            }
        }
        for (globs, target) in [
            (s.include, &mut settings.include),
            (s.exclude, &mut settings.exclude),
        ] {
            if let Some(globs) = globs {
                *target = Vec::with_capacity(globs.len());
                for glob in globs {
                    if let Err(e) = glob::Pattern::new(glob.get_ref()) {
                        errors.push(
                            new(
                                "figcheck::rules::invalid-value",
                                format!("`{}` is not a valid glob pattern", glob.get_ref()),
                            )
                            .label(glob.span(), e.msg.to_string())
                            .help("write patterns such as \"**/*.md\" or \"drafts/archive/**\""),
                        );
                        continue;
                    }
                    target.push(glob.into_inner());
                }
            }
        }
    }

    let mut warnings: Vec<Fault> = Vec::new();
    let raw_sources: Vec<RawSource> = raw
        .source
        .read()
        .into_iter()
        .flatten()
        .filter_map(Lenient::read)
        .collect();
    let mut sources: Vec<Source> = Vec::with_capacity(raw_sources.len());
    let mut source_spans: Vec<Range<usize>> = Vec::new();
    for raw_source in raw_sources {
        let span = raw_source.id.span();
        let id = raw_source.id.into_inner();
        if !is_kebab_case(&id) {
            errors.push(
                new(
                    "figcheck::rules::invalid-id",
                    format!("source id `{id}` is not kebab-case"),
                )
                .label(span.clone(), "not kebab-case")
                .help(format!(
                    "use lowercase letters, digits and hyphens, such as `{}`",
                    kebab(&id)
                )),
            );
        }
        if let Some(first) = sources.iter().position(|s| s.id == id) {
            errors.push(
                new(
                    "figcheck::rules::duplicate-id",
                    format!("two sources have the id `{id}`"),
                )
                .label(span, "used again here")
                .label(source_spans[first].clone(), "first used here")
                .help("give every source its own id"),
            );
            continue;
        }
        source_spans.push(span);
        sources.push(Source {
            id,
            name: raw_source.name,
            aliases: raw_source.aliases,
            url: raw_source.url,
        });
    }
    // A value's `source` that names a source id links the value to it; free
    // text (with spaces or capitals) stays provenance. A word that looks like
    // an id but names none is a typo.
    let link = |value: &mut AllowedValue, span: &Range<usize>| -> Result<(), Fault> {
        let Some(written) = value.source.clone() else {
            return Ok(());
        };
        if let Some(i) = sources.iter().position(|s| s.id == written) {
            value.source_id = Some(i);
            value.source = Some(sources[i].name.clone());
            return Ok(());
        }
        if !sources.is_empty() && is_kebab_case(&written) {
            let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
            let help = match did_you_mean(&written, &ids) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the [[source]] ids are: {}", ids.join(", ")),
            };
            return Err(new(
                "figcheck::rules::unknown-source",
                format!("no [[source]] has the id `{written}`"),
            )
            .label(span.clone(), format!("source = \"{written}\""))
            .help(help));
        }
        Ok(())
    };
    let mut seen_ids: HashMap<String, Range<usize>> = HashMap::new();
    let mut seen_subjects: HashMap<String, (String, Range<usize>)> = HashMap::new();
    let raw_figures: Vec<Spanned<RawFigure>> = raw
        .figure
        .read()
        .into_iter()
        .flatten()
        .filter_map(Lenient::read)
        .collect();
    let mut figures = Vec::with_capacity(raw_figures.len());
    let mut formula_spans: Vec<(usize, Range<usize>)> = Vec::new();
    for spanned in raw_figures {
        let errors_before = errors.len();
        let figure_span = spanned.span();
        let f = spanned.into_inner();
        let id_span = f.id.span();
        let id = f.id.into_inner();
        if !is_kebab_case(&id) {
            errors.push(
                new(
                    "figcheck::rules::invalid-id",
                    format!("figure id `{id}` is not kebab-case"),
                )
                .label(id_span.clone(), "not kebab-case")
                .help(format!(
                    "use lowercase letters, digits and hyphens, such as `{}`",
                    kebab(&id)
                )),
            );
        }
        if let Some(first) = seen_ids.get(&id) {
            errors.push(
                new(
                    "figcheck::rules::duplicate-id",
                    format!("two figures have the id `{id}`"),
                )
                .label(id_span, "used again here")
                .label(first.clone(), "first used here")
                .help("give every figure its own id"),
            );
            continue;
        }
        seen_ids.insert(id.clone(), id_span.clone());

        let subjects_span = f.subjects.span();
        let subjects = f.subjects.into_inner();
        if subjects.is_empty() {
            errors.push(new("figcheck::rules::no-subjects", format!("figure `{id}` has no subject phrases"))
                .label(subjects_span, "empty list")
                .help("list the phrases that name the figure in prose, such as [\"died in custody\", \"deaths in custody\"]"));
        }
        // The phrases in each language: `subjects` are in the rules' default
        // language, `subjects_es` (and `subjects_en`) in that language only.
        let default_lang = settings.default_lang();
        let mut subjects_by_lang: [Vec<String>; Lang::ALL.len()] = Default::default();
        let lists = [
            (default_lang, Some(subjects)),
            (Lang::En, f.subjects_en),
            (Lang::Es, f.subjects_es),
        ];
        for (lang, subject) in lists
            .into_iter()
            .flat_map(|(lang, list)| list.into_iter().flatten().map(move |s| (lang, s)))
        {
            let span = subject.span();
            let phrase = subject.into_inner();
            if !phrase.chars().any(char::is_alphanumeric) {
                errors.push(
                    new(
                        "figcheck::rules::empty-subject",
                        format!("figure `{id}` has a subject phrase with no words in it"),
                    )
                    .label(span, "no letters or digits")
                    .help("remove it, or write the words that name the figure in prose"),
                );
                continue;
            }
            if let Err(e) = crate::phrase::expand(&phrase) {
                // The phrase is a TOML string: its text starts after the quote.
                let at = span.start + 1 + e.at.start..span.start + 1 + e.at.end;
                errors.push(new(
                    "figcheck::rules::invalid-subject",
                    format!("the subject \"{phrase}\" of `{id}` cannot be read"),
                )
                .label(at, e.message)
                .help("write choices as (died|deaths) and optional words as [state]; see docs/rules.md, \"Subject phrases\""));
                continue;
            }
            let normal = phrase
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            // The same words may name different figures in two languages.
            let seen_key = format!("{}:{normal}", lang.code());
            if let Some((other, other_span)) = seen_subjects.get(&seen_key) {
                if *other != id {
                    warnings.push(
                        new("figcheck::rules::shared-subject", format!("figures `{other}` and `{id}` share the subject phrase \"{phrase}\""))
                            .warning()
                            .label(span.clone(), format!("in `{id}`"))
                            .label(other_span.clone(), format!("in `{other}`"))
                            .help("a number next to this phrase is attributed to neither figure; make each phrase specific to one figure"),
                    );
                }
            } else {
                seen_subjects.insert(seen_key, (id.clone(), span.clone()));
            }
            if !normal.contains(' ') && COMMON_WORDS.contains(&normal.as_str()) {
                warnings.push(
                    new("figcheck::rules::common-subject", format!("the subject phrase \"{phrase}\" of `{id}` is a very common word"))
                        .warning()
                        .label(span, "matches far too much prose")
                        .help("use a phrase that names this figure only, such as \"died in custody\" rather than \"people\""),
                );
            }
            subjects_by_lang[lang.index()].push(phrase);
        }

        let tolerance = match f.tolerance {
            None => None,
            Some(t) => {
                let span = t.span();
                match t.into_inner().0 {
                    Ok(tolerance) => Some(tolerance),
                    Err(written) => {
                        errors.push(
                            new(
                                "figcheck::rules::invalid-tolerance",
                                format!("tolerance `{written}` is not a percentage or a number"),
                            )
                            .label(span, "cannot be read")
                            .help("write a percentage such as \"5%\" or a non-negative number such as 2"),
                        );
                        None
                    }
                }
            }
        };

        let (canonical_span, canonical, formula) = match (f.canonical, f.formula) {
            (Some(written), None) => {
                let span = written.span();
                let mut raw_canonical = written.into_inner();
                raw_canonical.as_of = raw_canonical.as_of.or(f.as_of);
                match allowed_value(raw_canonical, span.clone(), &new) {
                    Ok(value) => (span, value, None),
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                }
            }
            (None, Some(written)) => {
                let span = written.span();
                let text = written.into_inner();
                let expr = match crate::formula::parse(&text) {
                    Ok(expr) => expr,
                    Err(e) => {
                        errors.push(new(
                            "figcheck::rules::invalid-formula",
                            format!("the formula of `{id}` cannot be read"),
                        )
                        .label(span.start + 1 + e.at.start..span.start + 1 + e.at.end, e.message)
                        .help("write figure ids and numbers with + - * / and parentheses, such as \"state-of-exception-arrests / population * 100\"; put spaces around a minus"));
                        continue;
                    }
                };
                if let Some(first) = f.allowed.first() {
                    errors.push(new(
                        "figcheck::rules::formula-and-values",
                        format!("`{id}` has a formula and allowed values"),
                    )
                    .label(first.span(), "an allowed value")
                    .label(span, "the formula")
                    .help("a derived figure takes its values from its formula: remove `allowed`, or the formula"));
                    continue;
                }
                formula_spans.push((figures.len(), span.clone()));
                // Computed once every figure is read (`derive_all`).
                let value = AllowedValue {
                    source: Some(format!("computed: {expr}")),
                    ..AllowedValue::computed(f64::NAN, f64::NAN)
                };
                (span, value, Some(Formula { text, expr }))
            }
            (Some(written), Some(formula)) => {
                errors.push(new(
                    "figcheck::rules::formula-and-values",
                    format!("`{id}` has both a canonical value and a formula"),
                )
                .label(written.span(), "a canonical value")
                .label(formula.span(), "a formula")
                .help("keep `canonical` for a figure the desk states, or `formula` for one computed from other figures"));
                continue;
            }
            (None, None) => {
                errors.push(new(
                    "figcheck::rules::missing-key",
                    "missing required key `canonical`".into(),
                )
                .label(figure_span.start..figure_span.start, format!("the figure `{id}` has no `canonical`"))
                .help("add `canonical = 367`, or `formula = \"…\"` for a figure computed from others"));
                continue;
            }
        };
        let mut canonical = canonical;
        canonical.canonical = true;
        canonical.stale = false;
        canonical.source = canonical.source.or(f.source);
        canonical.url = canonical.url.or(f.url);
        canonical.note = canonical.note.or(f.note);
        if let Err(e) = link(&mut canonical, &canonical_span) {
            errors.push(e);
        }
        let mut allowed = vec![canonical];
        let mut spans = vec![canonical_span.clone()];
        let mut all_ranges = true;
        for entry in f.allowed {
            let span = entry.span();
            let mut value = match allowed_value(entry.into_inner(), span.clone(), &new) {
                Ok(value) => value,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if let Err(e) = link(&mut value, &span) {
                errors.push(e);
            }
            spans.push(span.clone());
            all_ranges &= value.min != value.max;
            if value.stale && value.min == allowed[0].min && value.max == allowed[0].max {
                warnings.push(
                    new("figcheck::rules::stale-canonical", format!("figure `{id}` marks its canonical value as stale"))
                        .warning()
                        .label(span.clone(), "stale")
                        .label(canonical_span.clone(), "canonical")
                        .help("the canonical value is always accepted as current; remove the stale entry, or change the canonical value"),
                );
            }
            allowed.push(value);
        }
        if let Err(e) = same_date_and_source(&allowed, &spans, &id, &new) {
            errors.push(e);
        }
        if allowed.len() > 1 && all_ranges {
            let canonical = &allowed[0];
            let inside = allowed[1..].iter().any(|v| {
                let (low, high) = v.interval(tolerance);
                low <= canonical.min && canonical.max <= high
            });
            if !inside {
                errors.push(
                    new(
                        "figcheck::rules::canonical-outside",
                        format!("the canonical value of `{id}` lies outside every allowed range"),
                    )
                    .label(canonical_span, "outside the allowed ranges")
                    .help("widen a range or the tolerance, or correct the canonical value"),
                );
            }
        }

        let window = match f.window {
            Some(w) if *w.get_ref() == 0 => {
                errors.push(
                    new(
                        "figcheck::rules::invalid-value",
                        "window = 0 lets no word stand between a subject and its number".into(),
                    )
                    .label(w.span(), "must be at least 1")
                    .help("leave it out to use [settings] window, or use a small number such as 5"),
                );
                settings.window
            }
            Some(w) => w.into_inner(),
            None => settings.window,
        };
        let qualifier_slack = match f.qualifier_slack.map(|slack| slack_value(slack, &new)) {
            Some(Ok(slack)) => slack,
            Some(Err(e)) => {
                errors.push(e);
                settings.qualifier_slack
            }
            None => settings.qualifier_slack,
        };

        let since = f.since.and_then(|since| {
            date_value(since, "since", true, &new)
                .map_err(|e| errors.push(e))
                .ok()
        });
        let mut examples = Vec::with_capacity(f.example.len());
        for e in f.example {
            examples.push(Example {
                text: e.text,
                expect: *e.expect.get_ref(),
                expect_span: e.expect.span(),
                // An example's date is a draft's date: any date will do.
                as_of: e.as_of.and_then(|d| {
                    date_value(d, "as_of", false, &new)
                        .map_err(|e| errors.push(e))
                        .ok()
                }),
                lang: e.lang.and_then(|l| match lang_value(&l, false, &new) {
                    Ok(Some(LangSetting::Fixed(lang))) => Some(lang),
                    Ok(_) => None,
                    Err(e) => {
                        errors.push(e);
                        None
                    }
                }),
            });
        }
        if errors.len() > errors_before {
            // Left out; a formula that came with it no longer points at it.
            if formula.is_some() {
                formula_spans.pop();
            }
            continue;
        }

        figures.push(Figure {
            id,
            name: f.name,
            subjects: subjects_by_lang[default_lang.index()].clone(),
            subjects_by_lang,
            unit: f.unit,
            allowed,
            tolerance,
            severity: f.severity,
            window,
            gap: f.gap.unwrap_or(settings.gap),
            qualifier_slack,
            since,
            formula,
            share_of: f.share_of,
            examples,
        });
    }
    if !errors.is_empty() {
        // Formulas and the file as a whole are judged only once every figure
        // reads well: an error above could otherwise raise false ones here.
        return None;
    }
    if let Err(e) = derive_all(&mut figures, &formula_spans, &new) {
        errors.push(e);
        return None;
    }
    if figures.is_empty() {
        // A rules file that names no figure would pass every draft.
        errors.push(new(
            "figcheck::rules::no-figures",
            "this rules file has no [[figure]]: every draft would pass".into(),
        )
        .help("add a [[figure]] table for each figure to check, or run `figcheck init` for a starter rules.toml"));
        return None;
    }
    Some(Rules {
        settings,
        figures,
        sources,
        path: path.to_path_buf(),
        source: source.clone(),
        warnings,
    })
}

/// Checks every formula (ids, cycles, units, division) and computes each
/// derived figure's value as of today. Errors are labelled on the formula.
fn derive_all(
    figures: &mut [Figure],
    spans: &[(usize, Range<usize>)],
    new: &dyn Fn(&'static str, String) -> Fault,
) -> Result<(), Fault> {
    // Inside the formula's quotes.
    let at = |span: &Range<usize>, part: &Range<usize>| {
        span.start + 1 + part.start..span.start + 1 + part.end
    };
    for (index, span) in spans {
        let figure = &figures[*index];
        let formula = figure.formula.as_ref().expect("a formula figure");
        let ids: Vec<&str> = figures.iter().map(|f| f.id.as_str()).collect();
        for (id, part) in formula.expr.figures() {
            if !ids.contains(&id) {
                let help = match did_you_mean(id, &ids) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => "a formula names figures by their id".to_string(),
                };
                return Err(new(
                    "figcheck::rules::unknown-figure",
                    format!(
                        "the formula of `{}` names `{id}`, which is no figure",
                        figure.id
                    ),
                )
                .label(at(span, &part), "no figure has this id")
                .help(help));
            }
        }
        let unit = |id: &str| {
            figures
                .iter()
                .find(|f| f.id == id)
                .map_or(Unit::Count, |f| f.unit)
        };
        let dimension = formula.expr.dimension(&unit).map_err(|e| {
            new(
                "figcheck::rules::formula-unit",
                format!("the formula of `{}` {}", figure.id, e.message),
            )
            .label(at(span, &e.at), "here")
            .help("only like quantities add up; a count over a count is a percent or a rate")
        })?;
        if !dimension.gives(figure.unit) {
            return Err(new(
                "figcheck::rules::formula-unit",
                format!(
                    "the formula of `{}` cannot give a {}",
                    figure.id,
                    figure.unit.as_str()
                ),
            )
            .label(
                span.clone(),
                format!("this gives {}", dimension_name(dimension)),
            )
            .help(format!(
                "a {} figure needs {}",
                figure.unit.as_str(),
                Dimension::needed(figure.unit)
            )));
        }
    }
    let today = Date::today().last_day();
    for (index, span) in spans {
        match derived::interval_at(figures, *index, today) {
            Ok(interval) => {
                let interval = derived::outward(interval);
                figures[*index].allowed[0].min = interval.low;
                figures[*index].allowed[0].max = interval.high;
            }
            Err(DeriveError::Cycle(ids)) => {
                return Err(new(
                    "figcheck::rules::formula-cycle",
                    format!(
                        "the formula of `{}` depends on itself: {}",
                        figures[*index].id,
                        ids.join(" → ")
                    ),
                )
                .label(span.clone(), "leads back to this figure")
                .help("a derived figure may use other derived figures, but never itself"))
            }
            Err(DeriveError::Arithmetic(e)) => return Err(new(
                "figcheck::rules::formula-division",
                format!("the formula of `{}` {}", figures[*index].id, e.message),
            )
            .label(at(span, &e.at), "divides by an interval that holds zero")
            .help(
                "divide only by a figure whose accepted values are all above (or all below) zero",
            )),
            Err(DeriveError::NoValue(input)) => {
                return Err(new(
                    "figcheck::rules::formula-value",
                    format!(
                        "the formula of `{}` uses `{input}`, which has no current value",
                        figures[*index].id
                    ),
                )
                .label(span.clone(), "cannot be computed today")
                .help(format!("give `{input}` a value that is not stale")))
            }
            Err(DeriveError::Unknown(id, _)) => {
                unreachable!("`{id}` was checked above to name a figure")
            }
        }
    }
    Ok(())
}

fn dimension_name(d: Dimension) -> &'static str {
    match d {
        Dimension::Scalar => "a bare number",
        Dimension::Count => "a count",
        Dimension::Money => "an amount of money",
        Dimension::Ratio => "a ratio (a percent or a rate)",
    }
}

/// A `qualifier_slack`: a fraction from 0 to 1.
fn slack_value(
    slack: Spanned<f64>,
    new: &dyn Fn(&'static str, String) -> Fault,
) -> Result<f64, Fault> {
    let value = *slack.get_ref();
    if (0.0..=1.0).contains(&value) {
        return Ok(value);
    }
    Err(new(
        "figcheck::rules::invalid-value",
        format!("qualifier_slack = {value} is not a fraction from 0 to 1"),
    )
    .label(slack.span(), "must be from 0 to 1")
    .help("use the default, 0.2 (\"more than 100\" accepts up to 120), or a fraction such as 0.1"))
}

/// A date in the rules file: `2025`, `2025-03` or `2025-03-27`. A value's
/// `as_of` and a figure's `since` say when something was reported or began, and
/// so cannot lie in the future.
fn date_value(
    written: Spanned<String>,
    key: &str,
    past: bool,
    new: &dyn Fn(&'static str, String) -> Fault,
) -> Result<Date, Fault> {
    let span = written.span();
    let text = written.into_inner();
    let date = Date::parse(&text).map_err(|e| {
        new(
            "figcheck::rules::invalid-date",
            format!("{key} = \"{text}\" is not a date"),
        )
        .label(span.clone(), e.0)
        .help("write a year, a month or a day: \"2025\", \"2025-03\" or \"2025-03-27\"")
    })?;
    let today = Date::today();
    if past && date.first_day() > today.last_day() {
        return Err(new(
            "figcheck::rules::future-date",
            format!("{key} = \"{text}\" is in the future"),
        )
        .label(span, "after today")
        .help(format!(
            "{key} says when a value was reported or a count began, which cannot be later than today"
        )));
    }
    Ok(date)
}

/// Two values of one figure reported on the same date by the same source (for
/// the same year) leave no way to say which was current.
fn same_date_and_source(
    values: &[AllowedValue],
    spans: &[Range<usize>],
    id: &str,
    new: &dyn Fn(&'static str, String) -> Fault,
) -> Result<(), Fault> {
    for (j, later) in values.iter().enumerate() {
        let Some(date) = later.as_of else { continue };
        let clash = values[..j].iter().position(|earlier| {
            earlier.as_of == Some(date)
                && earlier.year == later.year
                && earlier.source_key() == later.source_key()
        });
        if let Some(i) = clash {
            let who = later
                .source
                .as_ref()
                .map_or_else(|| "no source".to_string(), |s| format!("source {s}"));
            return Err(new(
                "figcheck::rules::duplicate-date",
                format!("two values of `{id}` have the date {date} and {who}"),
            )
            .label(spans[j].clone(), "this value")
            .label(spans[i].clone(), "has the same date and source as this one")
            .help("give each its own as_of, or its own source; a range { min = …, max = … } holds two counts at once"));
        }
    }
    Ok(())
}

fn allowed_value(
    raw: RawValue,
    span: Range<usize>,
    new: &dyn Fn(&'static str, String) -> Fault,
) -> Result<AllowedValue, Fault> {
    // `nan` would reject every claim and `inf` accept any: neither is a figure.
    if let Some(bad) = [raw.value, raw.min, raw.max]
        .into_iter()
        .flatten()
        .find(|v| !v.is_finite())
    {
        return Err(new(
            "figcheck::rules::invalid-value",
            format!("{bad} is not a number a figure can have"),
        )
        .label(span, "not a finite number")
        .help("write a number such as 367; leave out min or max for an open range"));
    }
    let (min, max) = match (raw.value, raw.min, raw.max) {
        (Some(v), None, None) => (v, v),
        (None, min, max) if min.is_some() || max.is_some() => {
            let min = min.unwrap_or(f64::NEG_INFINITY);
            let max = max.unwrap_or(f64::INFINITY);
            if min > max {
                return Err(new(
                    "figcheck::rules::min-above-max",
                    format!("this range has min = {min} above max = {max}"),
                )
                .label(span, "min is above max")
                .help("swap min and max"));
            }
            (min, max)
        }
        (Some(_), _, _) => {
            return Err(new(
                "figcheck::rules::value-and-range",
                "a value cannot have both `value` and `min`/`max`".into(),
            )
            .label(span, "both a value and a range")
            .help("keep `value` for a single number, or `min` and `max` for a range"))
        }
        (None, None, None) => {
            return Err(new(
                "figcheck::rules::missing-key",
                "this value has no number".into(),
            )
            .label(span, "no `value`, `min` or `max`")
            .help("add `value = ...`, or `min = ...` and `max = ...` for a range"))
        }
        _ => unreachable!("all combinations of value, min and max are covered"),
    };
    if let Some(year) = raw.year.filter(|y| !(1800..=2200).contains(y)) {
        return Err(new(
            "figcheck::rules::invalid-year",
            format!("year {year} is outside 1800–2200"),
        )
        .label(span, format!("year = {year}"))
        .help("write the calendar year the value describes, such as 2024"));
    }
    let as_of = raw
        .as_of
        .map(|d| date_value(d, "as_of", true, new))
        .transpose()?;
    Ok(AllowedValue {
        source_id: None,
        min,
        max,
        year: raw.year,
        source: raw.source,
        as_of,
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

/// A kebab-case suggestion for an id: `Deaths_in custody` → `deaths-in-custody`.
fn kebab(id: &str) -> String {
    let lowered: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lowered
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A `lang` value: a language figcheck reads (or, in `[settings]`, `auto`).
fn lang_value(
    value: &Spanned<String>,
    auto: bool,
    new: &impl Fn(&'static str, String) -> RulesDiagnostic,
) -> Result<Option<LangSetting>, RulesDiagnostic> {
    let written = value.get_ref();
    match LangSetting::parse(written) {
        Some(LangSetting::Auto) if !auto => Err(new(
            "figcheck::rules::invalid-value",
            "an example's `lang` must name one language, not \"auto\"".into(),
        )
        .label(value.span(), "not one language")
        .help("write lang = \"es\" or lang = \"en\"")),
        Some(setting) => Ok(Some(setting)),
        None => {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            Err(new(
                "figcheck::rules::invalid-value",
                format!("figcheck does not read the language `{written}`"),
            )
            .label(value.span(), "not a language figcheck reads")
            .help(format!(
                "use {}{}",
                known
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(" or "),
                if auto {
                    ", or \"auto\" to detect each draft's language"
                } else {
                    ""
                }
            )))
        }
    }
}
