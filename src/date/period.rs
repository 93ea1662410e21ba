//! Figures for part of a year. A rate or a count kept per year (the homicide
//! rate of 2023) cannot be compared with a figure for some months of it: "a
//! rate of 2.2 through July 2023", "18 homicides so far this year", "una tasa
//! de 2.2 hasta julio de 2023", "en lo que va del año". Such a claim is read
//! and set aside, not judged (see [`crate::attribute::Modality::PartOfYear`]).
//!
//! What marks part of a year, in the number's clause:
//! - a time up to a month other than December: `through July 2023`, `as of
//!   June 2024`, `by the end of March 2024`, `hasta julio de 2023`;
//! - a single month: `in July 2023`, `en julio de 2023`;
//! - the words for a stretch of a year: `so far this year`, `year to date`,
//!   `in the first half of`, `from January to May`, `en lo que va del año`,
//!   `en el primer semestre`, `de enero a mayo`.
//!
//! A month right after a verb of beginning ("since the state of exception
//! began in March 2022") is when counting began, not a part of a year.
//! A year the sentence ties the number to that is not the period's, or one
//! before the number in its clause ("in July 2024 the ministry put the rate
//! for 2023 at 2.4"), makes the month a time of report, not a part of a year.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::lang::{spanish_regex, Lang};

const MONTHS_BUT_DECEMBER: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov)\.?";
const MONTHS: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?";
const MESES_MENOS_DICIEMBRE: &str =
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre)";
const MESES: &str = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";

/// Part of a year in English; a period that names its year has it in the
/// `year`, `year2` or `year3` group.
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    let day = r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?";
    let part = r"(?:(?:early|mid-?|late)\s*)?";
    Regex::new(&format!(
        r"(?i)\b(?:(?:through|until|till|as\s+of|by|up\s+to)\s+(?:the\s+end\s+of\s+)?{part}{day}{MONTHS_BUT_DECEMBER}\s+{day}(?:of\s+)?(?P<year>\d{{4}})|in\s+{part}{MONTHS}\s+(?:of\s+)?(?P<year2>\d{{4}})|so\s+far\s+(?:this\s+year|in\s+(?P<year3>\d{{4}}))|this\s+year\s+so\s+far|year[\s-]to[\s-]date|(?:in|during|over)\s+the\s+first\s+(?:half|quarter|(?:[a-z]+|\d+)\s+(?:months|weeks|days))\s+of|(?:from|between)\s+January\s+(?:to|and|through)\s+{MONTHS_BUT_DECEMBER})(?:\b|$)"
    ))
    .expect("part-of-year pattern")
});

/// Part of a year in Spanish, with the same groups.
static SPANISH: LazyLock<Regex> = LazyLock::new(|| {
    let day = r"(?:(?:el\s+)?\d{1,2}\s+de\s+)?";
    let part = r"(?:(?:principios|mediados|finales|fines)\s+de\s+)?";
    spanish_regex(&format!(
        r"(?i)\b(?:(?:hasta|a|al)\s+{day}{part}{MESES_MENOS_DICIEMBRE}(?:\s+del?)?\s+(?P<year>\d{{4}})|en\s+(?:el\s+mes\s+de\s+)?{MESES}(?:\s+del?)?\s+(?P<year2>\d{{4}})|en\s+lo\s+que\s+va\s+(?:del\s+año|de\s+este\s+año|de\s+(?P<year3>\d{{4}}))|(?:en|durante)\s+(?:el|los)\s+(?:primer|primeros)\s+(?:semestre|trimestre|(?:[a-záéíóúñ]+|\d+)\s+(?:meses|días|dias|semanas))|(?:de|entre|desde)\s+enero\s+(?:a|y|hasta)\s+{MESES_MENOS_DICIEMBRE})(?:\b|$)"
    ))
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:18|19|20|21)\d\d\b").expect("year pattern"));

/// Whether the `clause` of `text` speaks of part of a year at the `number`,
/// given the year the sentence ties the number to, if any. A period that
/// names its year ("through July 2023") is a whole year's time of report when
/// the number is tied to another year, or another year stands in the clause
/// before it ("in July 2024 the ministry put the rate for 2023 at 2.4").
pub fn part_of_year(
    text: &str,
    clause: &Range<usize>,
    number: &Range<usize>,
    tied_year: Option<i32>,
    lang: Lang,
) -> bool {
    let pattern = match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    };
    let body = &text[clause.clone()];
    let before_number = number.end.clamp(clause.start, clause.end) - clause.start;
    pattern.captures_iter(body).any(|caps| {
        let Some(period) = ["year", "year2", "year3"].iter().find_map(|g| caps.name(g)) else {
            return true;
        };
        let whole = caps.get(0).expect("match");
        // "began in March 2022": when counting began, not a part of a year.
        if super::anchor::begins(&body[..whole.start()], lang) {
            return false;
        }
        let other_year = |y: &str| y != period.as_str();
        let years_before = YEAR
            .find_iter(&body[..before_number])
            .filter(|y| y.end() <= whole.start() || y.start() >= whole.end())
            .any(|y| other_year(y.as_str()));
        let tied_elsewhere = tied_year.is_some_and(|t| other_year(&t.to_string()));
        !years_before && !tied_elsewhere
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `text` speaks of part of a year at its last number.
    fn partial(text: &str, tied: Option<i32>, lang: Lang) -> bool {
        let at = text.rfind(|c: char| c.is_ascii_digit()).expect("a number") + 1;
        part_of_year(text, &(0..text.len()), &(at - 1..at), tied, lang)
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
        // Or another year stands before the number in its clause.
        assert!(!partial(
            "in July 2024 the ministry said the rate for 2023 was 2.4",
            None,
            Lang::En
        ));
        // A year after the number does not count: it is another value's.
        let text = "through July 2023 the rate was 2.2, against 7.8 in 2022";
        let at = text.find("2.2").unwrap();
        assert!(part_of_year(
            text,
            &(0..text.len()),
            &(at..at + 3),
            None,
            Lang::En
        ));
    }
}
