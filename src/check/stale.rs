//! `figcheck::stale`: a claim that fits only an allowed value marked stale.

use super::{describe, describe_bare, Code, Context, Finding};
use crate::rules::{AllowedValue, Severity};

pub const EXPLANATION: &str = "\
figcheck::stale

What it means
  The number fits a value that rules.toml still recognises but marks as
  `stale = true`: an early count, a superseded estimate, last year's total.
  A claim in the present tense with no year (the homicide rate is 38) that
  fits only a value bound to an earlier year is stale too. A sentence that
  frames the number as history (up from 261 a year earlier; the previous
  estimate of 115; the first value of from 38 to 1.9) is never stale.

Why it matters
  Old figures live on in drafts that copy from earlier stories. They are not
  wrong the way a typo is, but a reader gets an out-of-date picture.

Example
  At least 261 detainees have died in custody.
  (rules.toml: 261 is an early count; the current figure is 367)

How to fix it
  Use the current value from the help line, or say explicitly that the number
  is an earlier count and when it was made. Severity: warning (or the figure's
  own severity, if that is lower).
";

pub fn finding(context: &Context, value: &AllowedValue) -> Finding {
    let figure = context.figure;
    let mut reasons: Vec<String> = Vec::new();
    if let Some(year) = value.year {
        reasons.push(format!("the value for {year}"));
    }
    reasons.extend(value.note.iter().cloned());
    let why = if reasons.is_empty() {
        String::new()
    } else {
        format!(" ({})", reasons.join("; "))
    };
    context.finding(
        Code::Stale,
        figure.severity.min(Severity::Warning),
        format!(
            "{}: {} is an outdated value{why}",
            figure.name,
            context.found_text()
        ),
        format!(
            "use {} instead of {}",
            describe(figure.canonical(), figure.unit),
            describe_bare(value, figure.unit)
        ),
    )
}
