//! `figcheck::wrong-source`: a value that is right, but another source's.

use super::{describe_bare, Code, Context, Finding};
use crate::rules::history::Standing;
use crate::rules::AllowedValue;
use crate::tr;

pub const EXPLANATION: &str = "\
figcheck::wrong-source

What it means
  The sentence attributes the number to a source that rules.toml declares
  (according to Cristosal; WOLA puts the number at; Cristosal's count), and
  the number is none of that source's values, but it is another source's.
  Only sources declared in [[source]] and named with such a cue count: a
  claim attributed to nobody, or to a source the rules do not know, is
  judged against every accepted value.

Why it matters
  Sources disagree on purpose: they count differently. Putting one group's
  count in another's mouth is a misattribution that needs a correction.

Example
  Cristosal reports 350 deaths in custody.
  (rules.toml: 350 is WOLA's count; Cristosal counts 367)

How to fix it
  Use the named source's own value from the help line, or name the source the
  number comes from. Severity: the figure's own.
  Fixable only with --unsafe-fixes, which writes the named source's value:
  the source may be what is wrong, so figcheck does not choose unasked.
";

pub fn finding(context: &Context, value: &AllowedValue) -> Finding {
    let figure = context.figure;
    let locale = context.locale;
    let named = context.claim.source;
    // The source the sentence names, as the rules show it, and its values.
    let own: Vec<&AllowedValue> = figure
        .allowed
        .iter()
        .filter(|v| v.source_id.is_some() && v.source_id == named)
        .collect();
    let named_name = own
        .first()
        .and_then(|v| v.source.clone())
        .unwrap_or_else(|| tr!(locale, "wrong-source-named"));
    let owner = value
        .source
        .clone()
        .unwrap_or_else(|| tr!(locale, "wrong-source-another"));
    let current: Vec<String> = figure
        .allowed
        .iter()
        .enumerate()
        .filter(|(_, v)| v.source_id.is_some() && v.source_id == named)
        .filter(|(i, _)| context.when.standing(figure, *i) == Standing::Current)
        .map(|(_, v)| {
            let text = describe_bare(v, figure.unit, locale);
            match &v.as_of {
                Some(as_of) => tr!(
                    locale,
                    "value-as-of",
                    value = text,
                    date = locale.date(*as_of)
                ),
                None => text,
            }
        })
        .collect();
    let current: Vec<&str> = current.iter().map(String::as_str).collect();
    let help = tr!(
        locale,
        "wrong-source-help",
        value = describe_bare(value, figure.unit, locale),
        owner = owner,
        named = named_name,
        current = if current.is_empty() {
            tr!(locale, "wrong-source-outdated")
        } else {
            crate::locale::or_list(locale, &current)
        }
    );
    context.finding(
        Code::WrongSource,
        figure.severity,
        tr!(
            locale,
            "wrong-source",
            figure = figure.name,
            found = context.found_text(),
            owner = owner,
            named = named_name
        ),
        help,
    )
}
