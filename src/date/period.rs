//! Figures for part of a year. A rate or a count kept per year (the homicide
//! rate of 2023) cannot be compared with a figure for some months of it: "a
//! rate of 2.2 through July 2023", "18 homicides so far this year", "una tasa
//! de 2.2 hasta julio de 2023", "en lo que va del año". Such a claim is read
//! and set aside, not judged (see [`crate::attribute::Modality::PartOfYear`]).
//!
//! What marks part of a year, in the number's clause:
//! - its time anchor (see [`super::anchor`]) when it is a month, but for a
//!   time up to December: `through July 2023`, `as of June 2024`, `by the end
//!   of March 2024`, `in July 2023`, `hasta julio de 2023`, `en julio de
//!   2023`; not `through December 2023`, nor a month after a verb of
//!   beginning ("since the state of exception began in March 2022"), which
//!   the anchor already leaves out, nor a month counted from the figure's
//!   start ("two years into");
//! - the words for a stretch of a year: `so far this year`, `year to date`,
//!   `in the first half of`, `from January to May`, `en lo que va del año`,
//!   `en el primer semestre`, `de enero a mayo`.
//!
//! A year the sentence ties the number to that is not the period's, or one
//! before the number in its clause ("in July 2024 the ministry put the rate
//! for 2023 at 2.4"), makes the month a time of report, not a part of a year.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Anchor, MONTH_NAMES, MONTH_NAMES_ES};
use crate::lang::{spanish_regex, Lang};

/// The words for a stretch of a year in English; a stretch that names its
/// year has it in the `year` group.
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    let but_december = MONTH_NAMES[..11].join("|");
    Regex::new(&format!(
        r"(?i)\b(?:so\s+far\s+(?:this\s+year|in\s+(?P<year>\d{{4}}))|this\s+year\s+so\s+far|year[\s-]to[\s-]date|(?:in|during|over)\s+the\s+first\s+(?:half|quarter|(?:[a-z]+|\d+)\s+(?:months|weeks|days))\s+of|(?:from|between)\s+January\s+(?:to|and|through)\s+(?:{but_december}))(?:\b|$)"
    ))
    .expect("part-of-year pattern")
});

/// The same in Spanish.
static SPANISH: LazyLock<Regex> = LazyLock::new(|| {
    let but_december = MONTH_NAMES_ES[..11].join("|");
    spanish_regex(&format!(
        r"(?i)\b(?:en\s+lo\s+que\s+va\s+(?:del\s+año|de\s+este\s+año|de\s+(?P<year>\d{{4}}))|(?:en|durante)\s+(?:el|los)\s+(?:primer|primeros)\s+(?:semestre|trimestre|(?:[a-záéíóúñ]+|\d+)\s+(?:meses|días|dias|semanas))|(?:de|entre|desde)\s+enero\s+(?:a|y|hasta)\s+(?:{but_december}|setiembre))(?:\b|$)"
    ))
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:18|19|20|21)\d\d\b").expect("year pattern"));

/// Whether the `clause` of `text` speaks of part of a year at the `number`,
/// given its time `anchor` and the year the sentence ties the number to, if
/// any. A period that names its year ("through July 2023") is a whole
/// year's time of report when the number is tied to another year, or another
/// year stands in the clause before it ("in July 2024 the ministry put the
/// rate for 2023 at 2.4").
pub fn part_of_year(
    text: &str,
    clause: &Range<usize>,
    number: &Range<usize>,
    anchor: Option<&Anchor>,
    tied_year: Option<i32>,
    lang: Lang,
) -> bool {
    let before_number = clause.start..number.end.clamp(clause.start, clause.end);
    // A period of `year` said at `span` is part of a year unless another
    // year is the number's.
    let of_its_year = |span: Range<usize>, year: Option<i32>| {
        let Some(year) = year else {
            return true;
        };
        let years_before = YEAR
            .find_iter(&text[before_number.clone()])
            .map(|y| before_number.start + y.start()..before_number.start + y.end())
            .filter(|y| y.end <= span.start || y.start >= span.end)
            .any(|y| text[y] != *year.to_string());
        !years_before && tied_year.is_none_or(|t| t == year)
    };
    let a_month = |a: &&Anchor| !a.counted && a.date.month.is_some_and(|m| m != 12 || !a.firm);
    if let Some(a) = anchor.filter(a_month) {
        if of_its_year(a.start..a.end, Some(a.date.year)) {
            return true;
        }
    }
    let stretch = match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    };
    stretch.captures_iter(&text[clause.clone()]).any(|caps| {
        let whole = caps.get(0).expect("match");
        let year = caps.name("year").and_then(|y| y.as_str().parse().ok());
        of_its_year(
            clause.start + whole.start()..clause.start + whole.end(),
            year,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `text` speaks of part of a year at `number`, its anchor
    /// found as attribution finds it.
    fn partial_at(text: &str, number: Range<usize>, tied: Option<i32>, lang: Lang) -> bool {
        let clause = 0..text.len();
        let anchor = super::super::anchor::find(text, &clause, &number, None, lang);
        part_of_year(text, &clause, &number, anchor.as_ref(), tied, lang)
    }

    /// [`partial_at`] the last number of `text`.
    fn partial(text: &str, tied: Option<i32>, lang: Lang) -> bool {
        let at = text.rfind(|c: char| c.is_ascii_digit()).expect("a number") + 1;
        partial_at(text, at - 1..at, tied, lang)
    }

    #[test]
    fn a_time_up_to_a_month_or_a_single_month_is_part_of_a_year() {
        for text in [
            "the homicide rate through July 2023 was 2.2",
            "as of June 2024, the rate stood at 1.2",
            "by the end of March 2024 the rate was 0.4",
            "in July 2023 the rate was 0.2",
            "18 homicides so far this year",
            "the year-to-date rate is 1.1",
            "in the first half of 2024 the rate was 0.9",
            "between January and May the rate was 1.0",
        ] {
            assert!(partial(text, None, Lang::En), "{text}");
        }
        for text in [
            "una tasa de 2.2 hasta julio 2023",
            "una tasa de 2.2 hasta julio de 2023",
            "al 15 de mayo de 2024 la tasa era de 0.8",
            "en julio de 2023 la tasa fue de 0.2",
            "en lo que va del año la tasa es de 1.1",
            "en el primer semestre la tasa fue de 0.9",
            "de enero a mayo la tasa fue de 1.0",
        ] {
            assert!(partial(text, None, Lang::Es), "{text}");
        }
    }

    #[test]
    fn a_whole_year_is_not_part_of_one() {
        for text in [
            "the homicide rate in 2023 was 2.4",
            "through December 2023 the rate was 2.4",
            "by the end of 2023 the rate was 2.4",
            "the rate was 2.4 last year",
            "two years into the state of exception, the rate was 2.4",
            "in the first year of the measure the rate fell to 7.8",
        ] {
            assert!(!partial(text, None, Lang::En), "{text}");
        }
        for text in [
            "la tasa de 2023 fue de 2.4",
            "hasta diciembre de 2023 la tasa fue de 2.4",
            "a finales de 2023 la tasa era de 2.4",
        ] {
            assert!(!partial(text, None, Lang::Es), "{text}");
        }
        // The sentence ties the number to another year than the period's:
        // the month is when it was reported.
        assert!(!partial(
            "in July 2023 the ministry put the rate at 7.8",
            Some(2022),
            Lang::En
        ));
        assert!(partial(
            "through July 2023 the rate was 2.2",
            Some(2023),
            Lang::En
        ));
        // A month after a verb of beginning is when counting began.
        assert!(!partial(
            "since the state of exception began in March 2022, the rate has fallen to 1.6",
            None,
            Lang::En
        ));
        assert!(!partial(
            "desde que se aprobó el régimen en marzo de 2022, la tasa bajó a 1.6",
            None,
            Lang::Es
        ));
        // A month counted from the figure's start is not written as one.
        let text = "two years into the state of exception, the rate was 2.4";
        let (clause, number) = (0..text.len(), text.len() - 3..text.len());
        let since = super::super::Date::parse("2022-03-27").ok();
        let anchor = super::super::anchor::find(text, &clause, &number, since, Lang::En);
        assert_eq!(anchor.map(|a| a.date.month), Some(Some(3)));
        assert!(!part_of_year(
            text,
            &clause,
            &number,
            anchor.as_ref(),
            None,
            Lang::En
        ));
        // Or another year stands before the number in its clause.
        assert!(!partial(
            "in July 2024 the ministry said the rate for 2023 was 2.4",
            None,
            Lang::En
        ));
        // A year after the number does not count: it is another value's.
        let text = "through July 2023 the rate was 2.2, against 7.8 in 2022";
        let at = text.find("2.2").unwrap();
        assert!(partial_at(text, at..at + 3, None, Lang::En));
    }
}
