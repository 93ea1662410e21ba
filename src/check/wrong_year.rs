//! `figcheck::wrong-year`: a value that is right, but for another year.

use super::{describe, Code, Context, Finding};
use crate::rules::AllowedValue;
use crate::tr;

pub const EXPLANATION: &str = "\
figcheck::wrong-year

What it means
  The number is an accepted value of the figure, but for a different year than
  the one the sentence ties it to. A year is tied to a number when it follows
  it in the same clause (\"2.4 in 2024\", \"2.4 (2024)\") or opens the sentence
  (\"In 2024, the rate was 2.4\"). When no year is tied, years are not checked.

Why it matters
  Figures that change every year are easy to mix up: the right number attached
  to the wrong year misstates the trend the story is about.

Example
  The homicide rate fell from 38 per 100,000 in 2019 to 2.4 in 2024.
  (rules.toml: 2.4 is the rate for 2023; for 2024 it is 1.9)

How to fix it
  Use the value for the year the sentence names, or name the year the value
  belongs to. Severity: the figure's own.
  Fixable only with --unsafe-fixes, which writes the value for the year the
  sentence names: the year may be what is wrong.
";

pub fn finding(context: &Context, value: &AllowedValue) -> Finding {
    let figure = context.figure;
    let locale = context.locale;
    let tied = context.claim.year.map(|y| y.year);
    let for_tied: Vec<String> = figure
        .allowed
        .iter()
        .filter(|v| v.year.is_some() && v.year == tied)
        .map(|v| describe(v, figure.unit, locale))
        .collect();
    let tied_text = tied.map_or_else(|| tr!(locale, "wrong-year-named"), |y| y.to_string());
    let help = if for_tied.is_empty() {
        tr!(
            locale,
            "wrong-year-none",
            tied = tied_text,
            value = describe(figure.canonical(), figure.unit, locale)
        )
    } else {
        tr!(locale, "use", value = for_tied.join(", "))
    };
    let found = context.found_text();
    let message = match value.year {
        Some(year) => tr!(
            locale,
            "wrong-year",
            figure = figure.name,
            found = found,
            year = year,
            tied = tied_text
        ),
        None => tr!(
            locale,
            "wrong-year-other",
            figure = figure.name,
            found = found,
            tied = tied_text
        ),
    };
    context.finding(Code::WrongYear, figure.severity, message, help)
}
