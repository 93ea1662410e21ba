//! The values a rules file writes: accepted values, dates, slack and
//! languages, each read with its error.

use std::ops::Range;

use toml::Spanned;

use super::Fault;
use crate::date::Date;
use crate::lang::{Lang, LangSetting};
use crate::rules::derived::Formula;
use crate::rules::schema::RawValue;
use crate::rules::{AllowedValue, RulesDiagnostic};

/// A `qualifier_slack`: a fraction from 0 to 1.
pub(super) fn slack_value(
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
pub(super) fn date_value(
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
pub(super) fn same_date_and_source(
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

pub(super) fn allowed_value(
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

/// A `lang` value: a language figcheck reads (or, in `[settings]`, `auto`).
pub(super) fn lang_value(
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

/// What stands for a figure's value when it could not be read, so that the
/// figure's other keys are still checked; the figure is then left out.
pub(super) fn placeholder(
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
