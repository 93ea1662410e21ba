//! `figcheck::stale`: a claim that fits only an allowed value marked stale.

use super::{describe, describe_bare, Code, Context, Finding};
use crate::date::Date;
use crate::locale::Locale;
use crate::rules::history::Standing;
use crate::rules::{AllowedValue, Severity, Unit};
use crate::tr;

pub const EXPLANATION: &str = "\
figcheck::stale

What it means
  The number fits a value that rules.toml still recognises but marks as
  `stale = true`: an early count, a superseded estimate, last year's total.
  A claim in the present tense with no year (the homicide rate is 38) that
  fits only a value bound to an earlier year is stale too. A sentence that
  frames the number as history (up from 261 a year earlier; the previous
  estimate of 115; the first value of from 38 to 1.9) is never stale.

  A count for part of a year given as it stands (35,898 have crossed so
  far in 2024) is not judged while that year runs. Once it has ended and
  the rules hold the count for the whole of it, the part-year count is
  stale: the help gives the whole year's count, and there is no automatic
  fix, since that count in its place would make the sentence wrong. A
  part-year count told as history (in the first half of 2024 the rate was
  0.9) is never stale.

  A value with a date (as_of in rules.toml) is current from that date until
  a later value of the same source replaces it. A draft is judged at its own
  date (front matter, HTML metadata, or --as-of), and a sentence that names
  its own time (by March 2024; two years into the state of exception) at
  that time: 79,211 arrests is right in a draft of May 2024, and stale in a
  draft of May 2025, unless the sentence says \"by March 2024\".

Why it matters
  Old figures live on in drafts that copy from earlier stories. They are not
  wrong the way a typo is, but a reader gets an out-of-date picture.

Example
  At least 261 detainees have died in custody.
  (rules.toml: 261 is an early count; the current figure is 367)

  Police have arrested 79,211 people.
  (a draft of May 2025; rules.toml: 79,211 as of 2024-03, 85,000 or more
  as of 2025-03)

How to fix it
  Use the current value from the help line, or say explicitly that the number
  is an earlier count and when it was made. Severity: warning (or the figure's
  own severity, if that is lower).
  Fixable: `figcheck --fix` replaces a plain number by the current value; a
  number with a qualifier or in words only with --unsafe-fixes.
";

pub fn finding(context: &Context, index: usize) -> Finding {
    let figure = context.figure;
    let locale = context.locale;
    let value = &figure.allowed[index];
    if let (Standing::Superseded(later), Some(reported)) =
        (context.when.standing(figure, index), value.as_of)
    {
        return superseded(context, value, reported, &figure.allowed[later]);
    }
    let mut reasons: Vec<String> = Vec::new();
    if let Some(year) = value.year {
        reasons.push(tr!(locale, "stale-year", year = year));
    }
    reasons.extend(value.note.iter().cloned());
    let found = context.found_text();
    let message = if reasons.is_empty() {
        tr!(locale, "stale", figure = figure.name, found = found)
    } else {
        tr!(
            locale,
            "stale-because",
            figure = figure.name,
            found = found,
            why = reasons.join("; ")
        )
    };
    let current = figure.current_at(context.when.day_of(figure)).unwrap_or(0);
    context.finding(
        Code::Stale,
        figure.severity.min(Severity::Warning),
        message,
        tr!(
            locale,
            "stale-help",
            current = describe(&figure.allowed[current], figure.unit, locale),
            old = describe_bare(value, figure.unit, locale)
        ),
    )
}

/// A count for part of a year that has ended ("so far in 2024", read in
/// 2025), the whole year's count (`index`) being known. No fix: the whole
/// year's count in its place would make the sentence wrong.
pub fn part_of_ended_year(context: &Context, index: usize) -> Finding {
    let figure = context.figure;
    let locale = context.locale;
    let whole = &figure.allowed[index];
    let year = whole.year.unwrap_or_default();
    context.finding(
        Code::Stale,
        figure.severity.min(Severity::Warning),
        tr!(
            locale,
            "stale-part-of-year",
            figure = figure.name,
            found = context.found_text(),
            year = year
        ),
        tr!(
            locale,
            "stale-part-of-year-help",
            what = what(figure.unit),
            year = year,
            whole = with_source(whole, figure.unit, locale)
        ),
    )
}

/// What the messages call a value of a figure with `unit`: a count, or a
/// value.
fn what(unit: Unit) -> &'static str {
    if unit == Unit::Count {
        "count"
    } else {
        "value"
    }
}

/// A value as the messages give it, with its source in brackets: "36,816
/// (Home Office)".
fn with_source(value: &AllowedValue, unit: Unit, locale: Locale) -> String {
    let mut text = describe_bare(value, unit, locale);
    if let Some(source) = &value.source {
        text.push_str(&format!(" ({source})"));
    }
    text
}

/// A dated value that a later one has replaced: says when each was current.
fn superseded(
    context: &Context,
    value: &AllowedValue,
    reported: Date,
    later: &AllowedValue,
) -> Finding {
    let figure = context.figure;
    let locale = context.locale;
    let what = what(figure.unit);
    let now = with_source(later, figure.unit, locale);
    let date = locale.date(reported);
    let old = describe_bare(value, figure.unit, locale);
    let help = match later.as_of {
        Some(since) => tr!(
            locale,
            "superseded-help-since",
            old = old,
            what = what,
            date = date,
            since = locale.date(since),
            now = now
        ),
        None => tr!(
            locale,
            "superseded-help",
            old = old,
            what = what,
            date = date,
            now = now
        ),
    };
    context.finding(
        Code::Stale,
        figure.severity.min(Severity::Warning),
        tr!(
            locale,
            "superseded",
            figure = figure.name,
            found = context.found_text(),
            what = what,
            date = date
        ),
        help,
    )
}
