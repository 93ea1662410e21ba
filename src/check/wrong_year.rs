//! `figcheck::wrong-year`: a value that is right, but for another year.

use super::{describe, Code, Context, Finding};
use crate::rules::AllowedValue;

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
    let tied = context.claim.year.map(|y| y.year);
    let belongs = value
        .year
        .map(|y| format!("the value for {y}"))
        .unwrap_or_else(|| "accepted only for another year".into());
    let for_tied: Vec<String> = figure
        .allowed
        .iter()
        .filter(|v| v.year.is_some() && v.year == tied)
        .map(|v| describe(v, figure.unit))
        .collect();
    let tied_text = tied.map_or_else(|| "the year named".into(), |y| y.to_string());
    let help = if for_tied.is_empty() {
        format!(
            "no value is recorded for {tied_text}; use {}",
            describe(figure.canonical(), figure.unit)
        )
    } else {
        format!("use {}", for_tied.join(", "))
    };
    context.finding(
        Code::WrongYear,
        figure.severity,
        format!(
            "{}: {} is {belongs}, not for {tied_text}",
            figure.name,
            context.found_text()
        ),
        help,
    )
}
