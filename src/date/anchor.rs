//! The time a sentence speaks of: "as of March 2024", "by April 2025", "in
//! 2023", "two years into the state of exception". A claim with an anchor is
//! judged against the values known at that time, not at the draft's date:
//! "By March 2024, police had arrested 79,211 people" is right in a draft of
//! 2025, though the count has grown since. Spanish drafts say the same with
//! "a marzo de 2024", "hasta el 15 de marzo de 2025" and "en 2023".

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::Date;
use crate::lang::{spanish_regex, Lang};
use crate::numbers::words;

/// A time anchor in the clause of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub date: Date,
    /// Where the sentence says it: `by March 2024`.
    pub start: usize,
    pub end: usize,
    /// Whether the words say the count holds at that time ("as of", "by",
    /// "two years into"), rather than only naming a time ("in 2017"), which
    /// may be when the counted events happened: "4,645 people were killed
    /// when the storm hit in September 2017" was counted in 2018.
    pub firm: bool,
    /// Whether the date is counted from the figure's start ("two years
    /// into"), not written in the sentence.
    pub counted: bool,
}

const MONTH: &str = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?";

/// A date as prose writes it: `March 2024`, `27 March 2024`, `March 27, 2024`, `2024`.
fn date_pattern() -> String {
    format!(
        r"(?:(?:(?P<day1>\d{{1,2}})\s+)?{MONTH}\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<year>\d{{4}})|(?P<year_only>(?:18|19|20|21)\d\d))(?P<stop>[^\d,.]|[,.](?:\D|$)|$)"
    )
}

/// How one language names the time of a claim.
/// A pattern compiled on first use: most clauses need only some.
type Lazy = LazyLock<Regex>;

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("anchor pattern")
}

struct Cues {
    /// A cue that makes the date after it the time of the claim, anywhere
    /// in its clause: `as of March 2024`, `a marzo de 2024`.
    cued: Lazy,
    /// `in March 2024`, `en 2024`: the time of the claim, unless a verb of
    /// beginning governs it ("began in March 2022").
    in_date: Lazy,
    /// A verb of beginning just before a date: the date is when counting began.
    beginning: Lazy,
    /// `two years into`, `18 months into`: counted from the figure's `since`.
    into: Option<Lazy>,
    /// Month names (and their abbreviations' starts), January first.
    months: &'static [&'static str],
    /// A month after a preposition, with no year: `in July`, `to May`, `en
    /// julio` (see [`month_named`]).
    bare_month: Lazy,
    /// A year right after a month: `July 2024`, `julio de 2024`.
    year_after: Lazy,
}

fn cues(lang: Lang) -> &'static Cues {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    }
}

static ENGLISH: Cues = Cues {
    cued: LazyLock::new(|| {
        regex(&format!(
            r"(?i)\b(?:as\s+(?:of|at)|by(?:\s+the\s+end\s+of)?|(?:at\s+)?the\s+end\s+of|through|until|till|the\s+(?:12|twelve)\s+months\s+(?:to|through|ending(?:\s+in)?)|the\s+year\s+(?:to|through|ending(?:\s+in)?))\s+(?:(?:early|late|mid-?)\s*)?{}",
            date_pattern()
        ))
    }),
    in_date: LazyLock::new(|| {
        regex(&format!(
            r"(?i)\b(?:in|during)\s+(?:(?:early|late|mid-?)\s*)?{}",
            date_pattern()
        ))
    }),
    beginning: LazyLock::new(|| {
        regex(
            r"(?i)\b(?:since|began|begun|begin|begins|start|started|starts|declared|imposed|introduced|launched|enacted|approved|adopted|announced|took\s+effect|came\s+into\s+force|first)\b(?:\W+\w+){0,2}\W*$",
        )
    }),
    into: Some(LazyLock::new(|| {
        regex(r"(?i)\b(?P<count>a|an|one|\w+|\d{1,2})\s+(?P<unit>years?|months?)\s+into\b")
    })),
    months: &super::MONTH_NAMES,
    // The month capitalised, as English writes it: "prices may rise" is no
    // month.
    bare_month: LazyLock::new(|| {
        regex(
            r"(?-u:\b)(?i:in|on|for|to|of)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:\s+\d{1,2}(?:st|nd|rd|th)?(?-u:\b))?",
        )
    }),
    year_after: LazyLock::new(|| regex(r"^,?\s+\d{4}\b")),
};

const MONTH_ES: &str = r"(?P<month>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";

/// A date as Spanish prose writes it: `marzo de 2024`, `15 de marzo de 2025`, `2024`.
fn date_pattern_es() -> String {
    format!(
        r"(?:(?:(?P<day1>\d{{1,2}})\s+de\s+)?{MONTH_ES}(?:\s+del?)?\s+(?P<year>\d{{4}})|(?P<year_only>(?:18|19|20|21)\d\d))(?P<stop>[^\d,.]|[,.](?:\D|$)|$)"
    )
}

/// The parts of a period before a Spanish date: `a finales de`, `el`.
const PART_ES: &str = r"(?:(?:(?:a\s+)?(?:principios|finales|fines|mediados)\s+de\s+)?(?:el\s+)?)";

static SPANISH: Cues = Cues {
    cued: LazyLock::new(|| {
        spanish_regex(&format!(
            r"(?i)\b(?:a|al|hasta(?:\s+el)?|para|a\s+fecha\s+de|al\s+cierre\s+de|a\s+(?:finales|fines)\s+de)\s+{PART_ES}{}",
            date_pattern_es()
        ))
    }),
    in_date: LazyLock::new(|| {
        spanish_regex(&format!(
            r"(?i)\b(?:en|durante)\s+(?:el\s+año\s+)?{PART_ES}{}",
            date_pattern_es()
        ))
    }),
    beginning: LazyLock::new(|| {
        spanish_regex(
            // `Desde que la Asamblea aprobó el régimen en marzo de 2022`:
            // Spanish puts the object between the verb and the date.
            // What follows the verb is non-word characters, which ends it.
            r"(?i)(?:\b(?:desde|comenzó|comenzo|empezó|empezo|inició|inicio|iniciado|declarado|declaró|declaro|decretado|decretó|decreto|impuesto|impuso|aprobado|aprobó|aprobo|anunciado|anunció|entró\s+en\s+vigor|vigente|primer[oa]?)(?:\W+\w+){0,4}|\bdesde\s+que(?:\W+\w+){0,10})\W*$",
        )
    }),
    into: None,
    months: &super::MONTH_NAMES_ES,
    bare_month: LazyLock::new(|| {
        spanish_regex(&format!(
            r"(?i)\b(?:en|de|a|para)\s+(?:el\s+mes\s+de\s+)?{MONTH_ES}\b"
        ))
    }),
    year_after: LazyLock::new(|| spanish_regex(r"(?i)^,?\s+(?:del?\s+)?\d{4}\b")),
};

/// The date a clause's time anchor names, and where; the one nearest the
/// number when there are several. `since` is when the figure's count began,
/// for "two years into …".
pub fn find(
    text: &str,
    clause: &Range<usize>,
    number: &Range<usize>,
    since: Option<Date>,
    lang: Lang,
) -> Option<Anchor> {
    let cues = cues(lang);
    let body = &text[clause.clone()];
    let mut found: Vec<Anchor> = Vec::new();
    let at = |m: &regex::Match, date: Date| Anchor {
        date,
        start: clause.start + m.start(),
        end: clause.start + m.end(),
        firm: true,
        counted: false,
    };
    for caps in cues.cued.captures_iter(body) {
        if let Some(date) = date_of(&caps, cues.months) {
            let whole = caps.get(0).expect("match");
            let end = caps.name("stop").map_or(whole.end(), |m| m.start());
            found.push(Anchor {
                end: clause.start + end,
                ..at(&whole, date)
            });
        }
    }
    for caps in cues.in_date.captures_iter(body) {
        let whole = caps.get(0).expect("match");
        if cues.beginning.is_match(&body[..whole.start()]) {
            continue;
        }
        if let Some(date) = date_of(&caps, cues.months) {
            let end = caps.name("stop").map_or(whole.end(), |m| m.start());
            found.push(Anchor {
                end: clause.start + end,
                firm: false,
                ..at(&whole, date)
            });
        }
    }
    if let (Some(since), Some(into)) = (since, &cues.into) {
        for caps in into.captures_iter(body) {
            let count = &caps["count"];
            let n = match count.to_ascii_lowercase().as_str() {
                "a" | "an" => Some(1),
                lower => lower
                    .parse::<i32>()
                    .ok()
                    .or_else(|| words::parse(lower).map(|(n, _)| n as i32)),
            };
            let Some(n) = n.filter(|n| (1..=100).contains(n)) else {
                continue;
            };
            let date = if caps["unit"].to_ascii_lowercase().starts_with("year") {
                since.plus(n, 0)
            } else {
                since.plus(0, n)
            };
            found.push(Anchor {
                counted: true,
                ..at(&caps.get(0).expect("match"), date)
            });
        }
    }
    let distance = |a: &Anchor| {
        if a.end <= number.start {
            number.start - a.end
        } else {
            a.start.saturating_sub(number.end)
        }
    };
    found.into_iter().min_by_key(|a| (distance(a), a.start))
}

/// A month named without its year ("3.8% in July", "the year to May", "en
/// julio"), in `reach`, the stretch that speaks of the number: the first
/// after the number, else the last before it. The month (1–12) and where
/// its words stand. Which year it means is for the figure's values to say
/// (see `attribute`); a month with its year is [`find`]'s.
pub fn month_named(
    text: &str,
    reach: &Range<usize>,
    number: &Range<usize>,
    lang: Lang,
) -> Option<(u8, Range<usize>)> {
    let cues = cues(lang);
    let body = &text[reach.clone()];
    let mut before = None;
    for caps in cues.bare_month.captures_iter(body) {
        let whole = caps.get(0).expect("match");
        let rest = &body[whole.end()..];
        // A year after it makes a date, the anchors' business.
        if cues.year_after.is_match(rest) {
            continue;
        }
        let Some(month) = month_number(&caps["month"], cues.months) else {
            continue;
        };
        let found = (
            month,
            reach.start + whole.start()..reach.start + whole.end(),
        );
        if found.1.start >= number.end {
            return Some(found);
        }
        if found.1.end <= number.start {
            before = Some(found);
        }
    }
    before
}

/// A label that is a time and nothing else, as a list writes it before its
/// value ("Oct 2022: 11.1%", "enero de 2025: 3,0 %", "2023: 29,437"): the
/// month and year, or the year.
pub fn label_date(label: &str, lang: Lang) -> Option<Date> {
    static ENGLISH_LABEL: Lazy =
        LazyLock::new(|| regex(&format!(r"(?i)^\s*(?:{MONTH}\s+)?(?P<year>\d{{4}})\s*$")));
    static SPANISH_LABEL: Lazy = LazyLock::new(|| {
        spanish_regex(&format!(
            r"(?i)^\s*(?:{MONTH_ES}(?:\s+del?)?\s+)?(?P<year>\d{{4}})\s*$"
        ))
    });
    let pattern = match lang {
        Lang::En => &ENGLISH_LABEL,
        Lang::Es => &SPANISH_LABEL,
    };
    date_of(&pattern.captures(label)?, cues(lang).months)
}

/// The month (1–12) a name or its abbreviation (`Jan.`) stands for.
fn month_number(name: &str, months: &[&str]) -> Option<u8> {
    let name = name.trim_end_matches('.').to_lowercase();
    let index = months
        .iter()
        .position(|m| m.to_lowercase().starts_with(&name))
        // `setiembre` is September.
        .or_else(|| (name == "setiembre").then_some(8))?;
    Some(index as u8 + 1)
}

fn date_of(caps: &Captures, months: &[&str]) -> Option<Date> {
    let year_text = caps.name("year").or_else(|| caps.name("year_only"))?;
    let year: i32 = year_text.as_str().parse().ok()?;
    if !(1800..=2200).contains(&year) {
        return None;
    }
    let Some(month) = caps.name("month") else {
        return Some(Date::year(year));
    };
    let month = month_number(month.as_str(), months)?;
    let day = caps
        .name("day1")
        .or_else(|| caps.name("day2"))
        .and_then(|d| d.as_str().parse::<u8>().ok());
    let iso = match day {
        Some(day) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{year:04}-{month:02}"),
    };
    Date::parse(&iso).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The anchor of the number `number` in a one-clause sentence, as ISO text.
    fn anchor_of(sentence: &str, number: &str, since: Option<&str>) -> Option<String> {
        let at = sentence.find(number).expect("number in sentence");
        let since = since.map(|s| Date::parse(s).unwrap());
        find(
            sentence,
            &(0..sentence.len()),
            &(at..at + number.len()),
            since,
            Lang::En,
        )
        .map(|a| format!("{} @ {}", a.date, &sentence[a.start..a.end]))
    }

    /// The month named without its year in `sentence` for the number
    /// `number`, with its words.
    fn month_of(sentence: &str, number: &str, lang: Lang) -> Option<(u8, String)> {
        let at = sentence.find(number).expect("number in sentence");
        month_named(
            sentence,
            &(0..sentence.len()),
            &(at..at + number.len()),
            lang,
        )
        .map(|(m, words)| (m, sentence[words].to_string()))
    }

    #[test]
    fn reads_labels_that_are_times() {
        let date = |label: &str, lang| label_date(label, lang).map(|d| d.to_string());
        assert_eq!(date("Oct 2022", Lang::En).as_deref(), Some("2022-10"));
        assert_eq!(date(" January 2025 ", Lang::En).as_deref(), Some("2025-01"));
        assert_eq!(date("2023", Lang::En).as_deref(), Some("2023"));
        assert_eq!(date("enero de 2025", Lang::Es).as_deref(), Some("2025-01"));
        // Must not: anything beside the time, or no year.
        for label in ["Women", "July", "Deaths in 2023", "Q4 2025", "2023 total"] {
            assert_eq!(date(label, Lang::En), None, "{label}");
        }
    }

    #[test]
    fn reads_months_named_without_their_year() {
        let some = |m: u8, words: &str| Some((m, words.to_string()));
        assert_eq!(
            month_of("Inflation rose to 3.8% in July.", "3.8%", Lang::En),
            some(7, "in July")
        );
        assert_eq!(
            month_of("It was 2% in the year to May.", "2%", Lang::En),
            some(5, "to May")
        );
        assert_eq!(
            month_of(
                "On Tuesday, Jan. 14, it confirmed 25 deaths.",
                "25",
                Lang::En
            ),
            some(1, "On Tuesday, Jan. 14")
        );
        // The first after the number, else the last before it.
        let pair = "It rose to 3.8% in July, from 3.6% in June.";
        assert_eq!(month_of(pair, "3.6%", Lang::En), some(6, "in June"));
        assert_eq!(
            month_of("In July it rose to 3.8%.", "3.8%", Lang::En),
            some(7, "In July")
        );
        assert_eq!(
            month_of("La inflación fue de 3,8 % en julio.", "3,8", Lang::Es),
            some(7, "en julio")
        );
        // Must not: a month with its year (an anchor's), "may", no preposition.
        assert_eq!(
            month_of("Inflation rose to 3.8% in July 2025.", "3.8%", Lang::En),
            None
        );
        assert_eq!(
            month_of("Inflation may rise to 3.8% in may.", "3.8%", Lang::En),
            None
        );
        assert_eq!(month_of("Prices may rise to 3.8%.", "3.8%", Lang::En), None);
        assert_eq!(
            month_of("It rose to 3.8% in Mayor Diaz's city.", "3.8%", Lang::En),
            None
        );
        assert_eq!(month_of("July saw 3.8%.", "3.8%", Lang::En), None);
        assert_eq!(
            month_of(
                "La inflación fue de 3,8 % en julio de 2025.",
                "3,8",
                Lang::Es
            ),
            None
        );
    }

    #[test]
    fn reads_cued_dates() {
        for (sentence, expected) in [
            (
                "As of March 2024, police had arrested 79,211 people.",
                "2024-03 @ As of March 2024",
            ),
            (
                "Police had arrested 79,211 people by March 2024.",
                "2024-03 @ by March 2024",
            ),
            (
                "By April 2025 more than 85,000 had been arrested.",
                "2025-04 @ By April 2025",
            ),
            (
                "By the end of 2023, 65,000 had been detained.",
                "2023 @ By the end of 2023",
            ),
            (
                "Through 27 March 2025, 85,000 were arrested.",
                "2025-03-27 @ Through 27 March 2025",
            ),
            (
                "By March 27, 2025, 85,000 were arrested.",
                "2025-03-27 @ By March 27, 2025",
            ),
            (
                "As of early 2025, 85,000 were arrested.",
                "2025 @ As of early 2025",
            ),
            // A rolling count names the month it runs to; nearer the number
            // than the month of the value it changed from.
            (
                "Prices rose by 11.1% in the 12 months to October 2022, up from 10.1% in September 2022.",
                "2022-10 @ the 12 months to October 2022",
            ),
            (
                "Inflation dropped to 10.5% in the year to November 2023.",
                "2023-11 @ the year to November 2023",
            ),
            (
                "In March 2024, police had arrested 79,211 people.",
                "2024-03 @ In March 2024",
            ),
            (
                "Police had arrested 79,211 people in 2024.",
                "2024 @ in 2024",
            ),
            (
                "In 2023, 65,000 people had been detained.",
                "2023 @ In 2023",
            ),
        ] {
            let number = sentence
                .split_whitespace()
                .find(|w| {
                    w.chars().next().is_some_and(|c| c.is_ascii_digit())
                        && w.len() > 4
                        && !w.starts_with("20")
                })
                .unwrap_or("85,000");
            assert_eq!(
                anchor_of(sentence, number, None).as_deref(),
                Some(expected),
                "{sentence}"
            );
        }
    }

    #[test]
    fn counts_from_the_figures_start() {
        let sentence = "Two years into the state of exception, police had arrested 79,211 people.";
        assert_eq!(
            anchor_of(sentence, "79,211", Some("2022-03-27")).as_deref(),
            Some("2024-03-27 @ Two years into")
        );
        let months = "Eighteen months into the crackdown, 70,000 had been arrested.";
        assert_eq!(
            anchor_of(months, "70,000", Some("2022-03-27")).as_deref(),
            Some("2023-09-27 @ Eighteen months into")
        );
        // Without `since`, "two years into" names no date.
        assert_eq!(anchor_of(sentence, "79,211", None), None);
    }

    #[test]
    fn does_not_anchor_where_no_time_of_the_claim_is_named() {
        for (sentence, number) in [
            // The date counting began is not the time of the count.
            ("Since the state of exception began in March 2022, police have arrested 85,000 people.", "85,000"),
            ("Police have arrested 85,000 people since it was declared in March 2022.", "85,000"),
            ("Police have arrested 85,000 people since March 2022.", "85,000"),
            // `by` before an agent, an amount or a number that is no year.
            ("Some 85,000 people were arrested by police.", "85,000"),
            ("Arrests rose by 2,000 to 85,000.", "85,000"),
            ("The count grew by 1,500 people to 85,000.", "85,000"),
            // A year of the rate, not a cue.
            ("Police have arrested 85,000 people since the crackdown began in 2022.", "85,000"),
            ("Some 85,000 people have been arrested since it was imposed in 2022.", "85,000"),
        ] {
            assert_eq!(anchor_of(sentence, number, None), None, "{sentence}");
        }
    }

    #[test]
    fn takes_the_anchor_nearest_the_number() {
        let sentence = "Police had arrested 79,211 people by March 2024 and 85,000 by March 2025.";
        assert_eq!(
            anchor_of(sentence, "85,000", None).as_deref(),
            Some("2025-03 @ by March 2025")
        );
        assert_eq!(
            anchor_of(sentence, "79,211", None).as_deref(),
            Some("2024-03 @ by March 2024")
        );
    }
}

#[cfg(test)]
mod spanish_tests {
    use super::*;

    fn anchor_of(sentence: &str, number: &str) -> Option<String> {
        let at = sentence.find(number).expect("number in sentence");
        find(
            sentence,
            &(0..sentence.len()),
            &(at..at + number.len()),
            None,
            Lang::Es,
        )
        .map(|a| format!("{} {} @ {}", a.date, a.firm, &sentence[a.start..a.end]))
    }

    #[test]
    fn reads_spanish_dates() {
        for (sentence, number, expected) in [
            (
                "A marzo de 2024, la policía había detenido a 79.211 personas.",
                "79.211",
                "2024-03 true @ A marzo de 2024",
            ),
            (
                "Hasta el 15 de marzo de 2025, 85.000 personas habían sido detenidas.",
                "85.000",
                "2025-03-15 true @ Hasta el 15 de marzo de 2025",
            ),
            (
                "En 2023 la tasa fue de 2,4 por cada 100.000 habitantes.",
                "2,4",
                "2023 false @ En 2023",
            ),
            (
                "A finales de 2023, 65.000 personas seguían detenidas.",
                "65.000",
                "2023 true @ A finales de 2023",
            ),
            (
                "En septiembre de 2024 había 80.000 detenidos.",
                "80.000",
                "2024-09 false @ En septiembre de 2024",
            ),
        ] {
            assert_eq!(
                anchor_of(sentence, number).as_deref(),
                Some(expected),
                "{sentence}"
            );
        }
    }

    #[test]
    fn the_start_of_a_count_is_no_anchor() {
        for sentence in [
            "Desde marzo de 2022, la policía ha detenido a 85.000 personas.",
            "La policía ha detenido a 85.000 personas desde marzo de 2022.",
            "Desde que se decretó en marzo de 2022, la policía ha detenido a 85.000 personas.",
            "Desde que la Asamblea aprobó el régimen de excepción en marzo de 2022, la policía ha detenido a 85.000 personas.",
        ] {
            assert_eq!(anchor_of(sentence, "85.000"), None, "{sentence}");
        }
    }
}
