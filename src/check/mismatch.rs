//! `figcheck::mismatch`: a claim that no allowed value of its figure fits.

use super::{use_instead, Code, Context, Finding};

pub const EXPLANATION: &str = "\
figcheck::mismatch

What it means
  A number in the draft is a claim about a figure in rules.toml, and no value
  the rules accept for that figure fits it, not even once its rounding and
  qualifiers (\"at least\", \"about\") are taken into account.
  A one-sided qualifier reaches only so far (qualifier_slack, 0.2 unless
  rules.toml says otherwise): \"over 58,000\" means 58,000 to 69,600, so it
  is a mismatch when the figure is 85,000. A forecast (\"expects the rate to
  fall to 1.5\") is never judged.

Why it matters
  It is the slip this tool exists for: 376 typed for 367, 58,000 for 85,000,
  a figure from a source the desk does not use. Once published, a wrong figure
  is quoted and repeated.

Example
  Rights groups say 376 people have died in custody since 2022.
  (rules.toml: deaths-in-custody is 367, also accepted 350 and 261)

How to fix it
  Use the value the help line gives, with its source. If the draft is right
  and the rules are out of date, ask the research desk to update rules.toml.
  Severity: the figure's own (`severity` in rules.toml, error by default).
";

pub fn finding(context: &Context) -> Finding {
    let figure = context.figure;
    context.finding(
        Code::Mismatch,
        figure.severity,
        format!(
            "{}: {} is not an accepted value",
            figure.name,
            context.found_text()
        ),
        use_instead(figure),
    )
}
