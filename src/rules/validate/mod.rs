//! The validation of what a rules file says into [`Rules`]. Every error
//! names the offending value with a label and says how to fix it, and one
//! slip raises no others.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::Spanned;

use crate::lang::{Lang, LangSetting};

use super::derived::{self, Formula};

use super::{
    did_you_mean, AllowedValue, Example, Figure, Rules, RulesDiagnostic, Settings, Source,
};

use super::schema::*;

mod phrases;
mod values;

use phrases::{cut, is_kebab_case, kebab, phrase_problem, wholes, PhraseList, COMMON_WORDS};
use values::{
    allowed_value, date_value, lang_value, placeholder, same_date_and_source, slack_value,
};

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
            // Where to read it: the value's own link, or else its source's.
            if value.url.is_none() {
                value.url = sources[i].url.clone();
            }
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
        let name = name.read().unwrap_or_default();
        figures.push(Figure {
            id,
            parts: Figure::joined_parts(&name),
            name,
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
        files: Vec::new(),
    })
}
