//! The validation of what a rules file says into [`Rules`]. Every error
//! names the offending value with a label and says how to fix it, and one
//! slip raises no others.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::Spanned;

use crate::date::Date;
use crate::lang::{Lang, LangSetting};
use crate::phrase::expand;

use super::derived::{self, Formula};

use super::{
    did_you_mean, AllowedValue, Example, Figure, Rules, RulesDiagnostic, Settings, Source,
};

use super::schema::*;

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

/// The most characters of a rules file's own text a message quotes.
const QUOTED: usize = 60;

/// `text` as a message quotes it: its first [`QUOTED`] characters, with `…`
/// when there is more. A rules file's subject of two megabytes is named, not
/// printed.
fn cut(text: &str) -> String {
    match text.char_indices().nth(QUOTED) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Validates what was read, pushing every error onto `errors`; the rules,
/// when there was none. A figure or source with an error is left out of what
/// follows, so that one slip does not raise others (a formula naming a figure
/// whose own table was wrong is not reported as naming no figure).
/// Which list of a figure's phrases one is in, for its messages.
#[derive(Clone, Copy)]
enum PhraseList {
    Subjects,
    Excluded,
}

/// What is wrong with one phrase of a figure's `subjects` or `exclude`, if
/// anything: no words in it, or a pattern that cannot be read. `span` is
/// the phrase's TOML string, quotes included.
fn phrase_problem(
    phrase: &str,
    span: &Range<usize>,
    id: &str,
    list: PhraseList,
    new: &dyn Fn(&'static str, String) -> RulesDiagnostic,
) -> Option<RulesDiagnostic> {
    if !phrase.chars().any(char::is_alphanumeric) {
        let (message, help) = match list {
            PhraseList::Subjects => (
                format!("figure `{id}` has a subject phrase with no words in it"),
                "remove it, or write the words that name the figure in prose",
            ),
            PhraseList::Excluded => (
                format!("figure `{id}` excludes a phrase with no words in it"),
                "remove it, or write the words of the other quantity",
            ),
        };
        return Some(
            new("figcheck::rules::empty-subject", message)
                .label(span.clone(), "no letters or digits")
                .help(help),
        );
    }
    let e = crate::phrase::expand(phrase).err()?;
    let (message, help) = match list {
        PhraseList::Subjects => (
            format!("the subject \"{}\" of `{id}` cannot be read", cut(phrase)),
            "write choices as (died|deaths) and optional words as [state]; see docs/rules.md, \"Subject phrases\"",
        ),
        PhraseList::Excluded => (
            format!("the excluded phrase \"{}\" of `{id}` cannot be read", cut(phrase)),
            "write choices as (extreme|absolute) and optional words as [rate]; see docs/rules.md, \"Subject phrases\"",
        ),
    };
    // The phrase is a TOML string: its text starts after the quote.
    let at = span.start + 1 + e.at.start..span.start + 1 + e.at.end;
    Some(
        new("figcheck::rules::invalid-subject", message)
            .label(at, e.message)
            .help(help),
    )
}

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
        settings.report_tier = s.report_tier.unwrap_or_default();
        settings.arithmetic = s.arithmetic.unwrap_or(Severity::Error);
        if let Some(mib) = s.max_draft_size_mib {
            if *mib.get_ref() == 0 {
                errors.push(
                    new(
                        "figcheck::rules::invalid-value",
                        "max_draft_size_mib = 0 would skip every draft".into(),
                    )
                    .label(mib.span(), "must be at least 1")
                    .help("leave it out for the default, 256, or give the size in MiB of the largest draft to check"),
                );
            } else {
                settings.max_draft_size_mib = mib.into_inner();
            }
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
        // A key of the wrong type was reported by `read::problems`: the
        // figure is left out, but its other keys are still checked.
        let mut broken = f.has_broken_key();
        let RawFigure {
            id,
            name,
            subjects,
            subjects_en,
            subjects_es,
            unit,
            canonical,
            formula,
            source,
            as_of,
            since,
            share_of,
            exclude: raw_exclude,
            url,
            note,
            allowed: raw_allowed,
            tolerance,
            severity,
            window,
            gap,
            qualifier_slack,
            example,
        } = f;
        let Some(id) = id.read() else {
            continue;
        };
        let id_span = id.span();
        let id = id.into_inner();
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

        let (subjects_span, subjects) = match subjects.read() {
            Some(list) => (list.span(), list.into_inner()),
            None => (figure_span.clone(), Vec::new()),
        };
        if subjects.is_empty() && !broken {
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
            (Lang::En, subjects_en.read().flatten()),
            (Lang::Es, subjects_es.read().flatten()),
        ];
        for (lang, subject) in lists
            .into_iter()
            .flat_map(|(lang, list)| list.into_iter().flatten().map(move |s| (lang, s)))
        {
            let span = subject.span();
            let phrase = subject.into_inner();
            if let Some(problem) = phrase_problem(&phrase, &span, &id, PhraseList::Subjects, &new) {
                errors.push(problem);
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
                    new("figcheck::rules::common-subject", format!("the subject phrase \"{}\" of `{id}` is a very common word", cut(&phrase)))
                        .warning()
                        .label(span, "matches far too much prose")
                        .help("use a phrase that names this figure only, such as \"died in custody\" rather than \"people\""),
                );
            }
            subjects_by_lang[lang.index()].push(phrase);
        }

        let mut exclude = Vec::new();
        for phrase in raw_exclude.read().unwrap_or_default() {
            let span = phrase.span();
            let phrase = phrase.into_inner();
            match phrase_problem(&phrase, &span, &id, PhraseList::Excluded, &new) {
                Some(problem) => errors.push(problem),
                None => exclude.push(phrase),
            }
        }

        let tolerance = match tolerance.read().flatten() {
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

        let raw_allowed = raw_allowed.read().unwrap_or_default();
        let as_of = as_of.read().flatten();
        let value_broken = canonical.is_broken() || formula.is_broken();
        let canonical_read = canonical.read().flatten();
        let formula_read = formula.read().flatten();
        let (canonical_span, canonical, formula) = 'value: {
            match (canonical_read, formula_read) {
                (Some(written), None) => {
                    let span = written.span();
                    let mut raw_canonical = written.into_inner();
                    raw_canonical.as_of = raw_canonical.as_of.or(as_of);
                    match allowed_value(raw_canonical, span.clone(), &new) {
                        Ok(value) => (span, value, None),
                        Err(e) => {
                            errors.push(e);
                            break 'value placeholder(&mut broken, &figure_span);
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
                            break 'value placeholder(&mut broken, &figure_span);
                        }
                    };
                    if let Some(first) = raw_allowed.first() {
                        errors.push(new(
                        "figcheck::rules::formula-and-values",
                        format!("`{id}` has a formula and allowed values"),
                    )
                    .label(first.span(), "an allowed value")
                    .label(span, "the formula")
                    .help("a derived figure takes its values from its formula: remove `allowed`, or the formula"));
                        break 'value placeholder(&mut broken, &figure_span);
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
                    break 'value placeholder(&mut broken, &figure_span);
                }
                (None, None) if value_broken => {
                    break 'value placeholder(&mut broken, &figure_span)
                }
                (None, None) => {
                    errors.push(new(
                    "figcheck::rules::missing-key",
                    "missing required key `canonical`".into(),
                )
                .label(figure_span.start..figure_span.start, format!("the figure `{id}` has no `canonical`"))
                .help("add `canonical = 367`, or `formula = \"…\"` for a figure computed from others"));
                    break 'value placeholder(&mut broken, &figure_span);
                }
            }
        };
        let mut canonical = canonical;
        canonical.canonical = true;
        canonical.stale = false;
        canonical.source = canonical.source.or(source.read().flatten());
        canonical.url = canonical.url.or(url.read().flatten());
        canonical.note = canonical.note.or(note.read().flatten());
        if let Err(e) = link(&mut canonical, &canonical_span) {
            errors.push(e);
        }
        let mut allowed = vec![canonical];
        let mut spans = vec![canonical_span.clone()];
        let mut all_ranges = true;
        for entry in raw_allowed {
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
        if allowed.len() > 1 && all_ranges && !broken {
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

        let window = match window.read().flatten() {
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
        let qualifier_slack = match qualifier_slack
            .read()
            .flatten()
            .map(|slack| slack_value(slack, &new))
        {
            Some(Ok(slack)) => slack,
            Some(Err(e)) => {
                errors.push(e);
                settings.qualifier_slack
            }
            None => settings.qualifier_slack,
        };

        let since = since.read().flatten().and_then(|since| {
            date_value(since, "since", true, &new)
                .map_err(|e| errors.push(e))
                .ok()
        });
        let example = example.read().unwrap_or_default();
        let mut examples = Vec::with_capacity(example.len());
        for e in example {
            let Some(e) = e.read() else {
                broken = true;
                continue;
            };
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

        if broken {
            // Left out: a key of the wrong type was reported.
            if formula.is_some() {
                formula_spans.pop();
            }
            continue;
        }
        let unit = unit.read().unwrap_or_default();
        let share_of = wholes(
            share_of.read().unwrap_or_default(),
            &subjects_by_lang[Lang::En.index()],
            unit,
        );
        figures.push(Figure {
            id,
            name: name.read().unwrap_or_default(),
            subjects: subjects_by_lang[default_lang.index()].clone(),
            subjects_by_lang,
            unit,
            allowed,
            tolerance,
            severity: severity.read().unwrap_or_default(),
            window,
            gap: gap.read().flatten().unwrap_or(settings.gap),
            qualifier_slack,
            since,
            formula,
            share_of,
            exclude,
            examples,
        });
    }
    // Formulas are judged with the figures that read well; one that uses a
    // figure left out above is that figure's error, not its own.
    let read_well: HashSet<&str> = figures.iter().map(|f| f.id.as_str()).collect();
    let left_out: HashSet<String> = seen_ids
        .keys()
        .filter(|id| !read_well.contains(id.as_str()))
        .cloned()
        .collect();
    errors.extend(derived::derive_all(
        &mut figures,
        &formula_spans,
        &left_out,
        &new,
    ));
    if !errors.is_empty() {
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

/// What a share may be taken of: the figure's `share_of` phrases and, for a
/// count, its own (English) subject phrases, with and without `the`: "1.6%
/// of the prison population" is a share of the figure "prison population"
/// names. A rate or a percentage is no whole a share is taken of.
fn wholes(share_of: Vec<String>, subjects: &[String], unit: Unit) -> Vec<String> {
    let mut out = share_of;
    if unit != Unit::Count {
        return out;
    }
    for subject in subjects {
        for words in expand(subject).unwrap_or_default() {
            let phrase = words.join(" ");
            let determined = matches!(words.first().map(String::as_str), Some("the" | "a" | "an"));
            let the = (!determined).then(|| format!("the {phrase}"));
            for p in std::iter::once(phrase).chain(the) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&p)) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// What stands for a figure's value when it could not be read, so that the
/// figure's other keys are still checked; the figure is then left out.
fn placeholder(
    broken: &mut bool,
    figure_span: &Range<usize>,
) -> (Range<usize>, AllowedValue, Option<Formula>) {
    *broken = true;
    (
        figure_span.start..figure_span.start,
        AllowedValue::computed(f64::NAN, f64::NAN),
        None,
    )
}
