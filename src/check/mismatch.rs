//! `figcheck::mismatch`: a claim that no allowed value of its figure fits.

use super::{describe_bare, use_instead, Code, Context, Finding};
use crate::date::Date;
use crate::rules::history::Standing;
use crate::tr;

pub const EXPLANATION: &str = "\
figcheck::mismatch

What it means
  A number in the draft is a claim about a figure in rules.toml, and no value
  the rules accept for that figure fits it, not even once its rounding and
  qualifiers (\"at least\", \"about\") are taken into account. The message
  says whether it is below or above every value current at the claim's
  date, or between two of them.
  A one-sided qualifier reaches only so far (qualifier_slack, 0.2 unless
  rules.toml says otherwise): \"over 58,000\" means 58,000 to 69,600, so it
  is a mismatch when the figure is 85,000. A forecast (\"expects the rate to
  fall to 1.5\") is never judged.
  A value dated after the draft (as_of in rules.toml) is not accepted: a
  draft of June 2023 that says more than 85,000 people have been arrested
  gives a count first reported in March 2025. A claim about a time before
  any value of its figure was reported is not judged.
  How sure figcheck is depends on the number itself. A typing slip of one of
  the figure's values (376 for 367, 58,000 for 85,000, 4,000 for 40,000) is
  reported at the figure's severity where its sentence leaves no doubt. A
  number that meets none of its values may count something else under the
  same words (a state's toll, another storm's deaths), so it is a warning
  with no fix when qualified (\"at least 300\"), and is reported only with
  --report-tier weak when written bare; `figcheck numbers` lists it either
  way.

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
  Severity: the figure's own (`severity` in rules.toml, error by default),
  a warning at most where figcheck is unsure of the claim (see above).
  Fixable: `figcheck --fix` replaces a plain number by the value the help
  line gives, written as the draft writes numbers (58,000 → 85,000, $5
  million → $6 million). A number with a qualifier or in words is fixed only
  with --unsafe-fixes; a range is not fixed. --diff shows the fixes first.
";

pub fn finding(context: &Context) -> Finding {
    let figure = context.figure;
    let locale = context.locale;
    // Why, where the qualifier is what puts the claim out of reach: "over
    // 58,000" means 58,000 to 69,600, and no accepted value lies there.
    let reach = context.number.qualifier.map_or_else(String::new, |q| {
        let (low, high) = context.number.qualified_interval(figure.qualifier_slack);
        // From the number as written, not from its rounding: "over 58,000"
        // starts at 58,000.
        let n = context.number;
        let (low, high) = match q.direction() {
            crate::numbers::Direction::AtLeast => (n.low, high),
            crate::numbers::Direction::AtMost => (low, n.high),
            crate::numbers::Direction::Approximately => (low, high),
        };
        let value = |v: f64| locale.value(v, figure.unit);
        // Said only where no value the rules know lies in that reach (one
        // that does is an outdated count, recognised only as written).
        // A count's reach is whole: "at least 376" means 376 to 451.
        let (low, high) = if figure.unit == crate::value::Unit::Count {
            (low.ceil(), high.floor())
        } else {
            (low, high)
        };
        let reached = figure.allowed.iter().any(|v| v.min <= high && low <= v.max);
        if reached {
            return String::new();
        }
        let span = if low == high {
            value(low)
        } else {
            tr!(
                locale,
                "mismatch-span",
                low = value(low),
                high = value(high)
            )
        };
        // The qualifier as the draft writes it: "more than 58,000".
        let written = &context.text[n.full_span()];
        tr!(locale, "mismatch-reach", written = written, span = span)
    });
    context.finding(
        Code::Mismatch,
        figure.severity,
        tr!(
            locale,
            "mismatch",
            figure = figure.name,
            found = context.found_text(),
            why = why(context),
            reach = reach
        ),
        use_instead(figure, context.when.day_of(figure), locale),
    )
}

/// Why the claim is no accepted value, in a few words: it lies below every
/// value current at its date, above every one, or between them (the key of
/// the message's variant).
fn why(context: &Context) -> &'static str {
    let figure = context.figure;
    let (low, high) = context.number.qualified_interval(figure.qualifier_slack);
    let current: Vec<(f64, f64)> = (0..figure.allowed.len())
        .filter(|&i| context.when.standing(figure, i) == Standing::Current)
        .map(|i| figure.allowed[i].interval(figure.tolerance))
        .collect();
    let one = current.len() == 1;
    if current.is_empty() {
        "other"
    } else if current.iter().all(|&(min, _)| high < min) {
        if one {
            "below-one"
        } else {
            "below-every"
        }
    } else if current.iter().all(|&(_, max)| low > max) {
        if one {
            "above-one"
        } else {
            "above-every"
        }
    } else {
        "other"
    }
}

/// A value that was reported only after the date of the claim: a draft of
/// 2023 cannot know the count of 2025.
pub fn too_early(context: &Context, index: usize) -> Finding {
    let figure = context.figure;
    let locale = context.locale;
    let value = &figure.allowed[index];
    let day = context.when.day_for(value);
    let date = locale.date(Date::of_day(day));
    let whose = if context.when.anchor == Some(day) {
        "sentence"
    } else {
        "draft"
    };
    let bare = describe_bare(value, figure.unit, locale);
    let instead = use_instead(figure, context.when.day_of(figure), locale);
    let found = context.found_text();
    let (message, help) = match value.as_of {
        Some(reported) => {
            let reported = locale.date(reported);
            (
                tr!(
                    locale,
                    "too-early",
                    figure = figure.name,
                    found = found,
                    reported = reported
                ),
                tr!(
                    locale,
                    "too-early-help",
                    value = bare,
                    reported = reported,
                    whose = whose,
                    date = date,
                    instead = instead
                ),
            )
        }
        None => (
            tr!(
                locale,
                "too-early-later",
                figure = figure.name,
                found = found
            ),
            tr!(
                locale,
                "too-early-help-later",
                value = bare,
                whose = whose,
                date = date,
                instead = instead
            ),
        ),
    };
    context.finding(Code::Mismatch, figure.severity, message, help)
}
