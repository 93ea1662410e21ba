//! The words attribution reads around a number, in each language: what makes
//! it an increment, a subset, another noun's count, history or a forecast,
//! the other end of a change, or a pointer back to the sentence before.
//!
//! Each language's words are in its own file (`english.rs`, `spanish.rs`;
//! the modal verbs are in `modality.rs`). [`Cues`] gathers them, so the
//! procedure is one and only its words differ.

use std::sync::LazyLock;

use regex::Regex;

use crate::lang::Lang;
use english::ENGLISH;
use spanish::SPANISH;

mod english;
mod spanish;
#[cfg(test)]
mod tests;

type Pattern = LazyLock<Regex>;

/// The words one language uses for what attribution needs to know.
pub(super) struct Cues {
    /// The words that join one item of a list to the next: `and`; `y`, `e`.
    pub coordinators: &'static [&'static str],
    /// Words that may open an apposition before its number: `—then just 16—`.
    pub apposition_words: &'static [&'static str],
    /// Words after a number that make it an increment: `8 more victims`.
    pub increment: &'static Pattern,
    /// Words before a number that make it a remainder: `another 40`.
    pub increment_before: &'static Pattern,
    /// A verb of change and its `by` before a number: the number is the
    /// difference (`rose by 23,000`, `aumentó en 23.000`), not the level.
    pub difference_before: &'static Pattern,
    /// A short window of time in the number's clause: the number counts what
    /// happened in it (`en las últimas 24 horas`), not the figure's total.
    pub window: Option<&'static Pattern>,
    /// A time shorter than the figures news keeps (a day, a night, a week):
    /// `yesterday`, `on Sunday`, `in a single day`, `ayer`. Evidence that
    /// the number counts part of a figure, weighed, not a veto.
    pub narrow_time: &'static Pattern,
    /// Words that take a part out of a whole, anywhere in a clause: `alone`,
    /// `including`, `of them`, `on average`; `solo en`, `de los cuales`.
    /// Evidence that the number is a part, weighed.
    pub part: &'static Pattern,
    /// A period bounded by an event or a person rather than the figure's
    /// own years: `since Starmer took office`, `under Sunak`, `between July
    /// 5 and December 31`; `desde que`, `entre enero y marzo`. Weighed.
    pub period: &'static Pattern,
    /// Words of a running total: `so far`, `in total`, `rose to`, `stands
    /// at`, `confirmed`; `hasta el momento`, `un total de`, `ascendió a`. A
    /// total reported on a day is no count of that day's events. Weighed.
    pub running_total: &'static Pattern,
    /// Verbs that say what became of a subset: `identified`, `liberados`.
    pub status: &'static Pattern,
    /// `the names of` before a number: a part.
    pub part_of: &'static Pattern,
    /// `of the` before a number: the whole a part is taken from.
    pub whole_of: &'static Pattern,
    /// A share and `of` right before a subject: "3% of the prison
    /// population", "la mitad de los detenidos". The figure is then the
    /// whole a part is taken of, and the counts beside it are parts.
    pub share_before: &'static Pattern,
    /// A sentence opening with the whole its parts are taken from: "Of the
    /// 367 who died in custody, 330 were men", "De los 367 muertos, …".
    pub opening_whole: &'static Pattern,
    /// A sentence opening with what its numbers come in addition to: "In
    /// addition to the deaths, …", "Además de los muertos, …".
    pub opening_addition: &'static Pattern,
    /// A relative pronoun ending a stretch: `, which`.
    pub relative_end: &'static Pattern,
    /// A comma and a relative pronoun opening a clause set off in the
    /// sentence: ", which", ", que", ", donde".
    pub relative_open: &'static Pattern,
    /// Words after a number that do not make it count something else.
    pub free_after: &'static [&'static str],
    /// The language's auxiliaries ([`Lang::auxiliaries`]) and the other
    /// words that may stand between a counted noun and its subject phrase
    /// (see [`Cues::links`]).
    pub auxiliaries: &'static [&'static str],
    pub linking: &'static [&'static str],
    /// Words right before a day that make it the day a total stands at, not
    /// a day's count: "by Friday", "hasta este sábado".
    pub up_to_day: &'static [&'static str],
    /// Groups of people a number may count right after it: a part of the
    /// figure's count, unless the figure is named for that group ("28
    /// children", "141 mujeres").
    pub groups: &'static [&'static str],
    /// Verbs of an event happening, right before a day: the day dates the
    /// event, not a count ("the quake that struck on Friday has killed",
    /// "el terremoto ocurrido el viernes ha causado").
    pub event_verbs: &'static [&'static str],
    /// Words that open a relative clause: `that`, `which`; `que`. One whose
    /// verb is an event verb dates the event with a time inside it ("the
    /// landslides that hit the district a day ago have killed 167").
    pub relative_words: &'static [&'static str],
    /// Prepositions that put a number in a phrase of its own ("across six
    /// states", "en 20 comunas"): it counts that phrase's noun, never the
    /// subject of the clause's verb.
    pub place_prepositions: &'static [&'static str],
    /// Month and weekday names, lowercase.
    pub months: &'static [&'static str],
    pub weekdays: &'static [&'static str],
    /// The word that makes a subject name a rate: `rate`, `tasa`.
    pub rate_word: &'static str,
    /// The ending of a participle that may only describe the counted noun
    /// (`115 people killed … have been identified`), and the one participle
    /// that never does; `None` where the language has no such reading.
    pub participle: Option<(&'static str, &'static str)>,
    /// Words that turn a claim round between a number and its subject.
    pub negations: &'static [&'static str],
    pub negation_endings: &'static [&'static str],
    /// Words that, in a figure's own name or phrases, say a status is still
    /// to come: `yet` in "not yet identified", `sin` in "sin identificar".
    pub pending: &'static [&'static str],
    /// A verb of change before `to`: `fell to`, `bajó a`.
    pub change_verb_before: &'static Pattern,
    /// A verb of reaching or standing that takes the number as its object,
    /// right before it: `has reached`, `stands at`; `alcanza ya las`, `es de`.
    pub standing_before: &'static Pattern,
    /// `to` and the few words before the later value of a change.
    pub to_before: &'static Pattern,
    /// What ends the text before the first value of a change: `from` in
    /// "fell from 38 to 1.9", `bajó de` in "bajó de 38 a 2,4" (where `de`
    /// alone means "of").
    pub change_from: &'static Pattern,
    /// `, up from` before the earlier value of a change that names it second.
    pub up_from: &'static Pattern,
    /// A bare `from` there: only after a verb of change before the later value.
    pub from_after: &'static Pattern,
    /// The year before the draft's: `last year`, `el año pasado`.
    pub last_year: &'static Pattern,
    /// A verb of saying and the `that` it reports with: "the ministry said
    /// on Sunday that", "indicó en la noche de este domingo que". What
    /// stands before it tells when and how a source spoke, not of the
    /// number after it.
    pub reported_that: &'static Pattern,
    /// A year after the number: `2.4 in 2023`, `2,4 en 2023`.
    pub following_year: &'static Pattern,
    /// A year opening the sentence: `In 2023, …`, `En 2023, …`.
    pub opening_year: &'static Pattern,
    /// An ordinal a few words before a lower bound: the bound is a
    /// threshold crossed, not a count ("the first quake to kill more than
    /// 100", "el primer sismo en superar los 100 muertos"). Its group
    /// `time` holds a time right after the ordinal ("the first week"): then
    /// the ordinal dates the count instead.
    pub threshold_before: &'static Pattern,
    /// Right after a year, an event it names: `2016 Kumamoto quakes`,
    /// `2023's flood`. Spanish names it before the year only.
    pub event_after_year: Option<&'static Pattern>,
    /// Right before a year, an event it names: `the earthquake of 1999`,
    /// `el terremoto de Izmit de 1999`.
    pub event_before_year: &'static Pattern,
    /// The time that tags one value of a series right after it: a year
    /// (`year_only`) or a month (`month`) with or without its `year`: `in
    /// 2021`, `(2021)`, `in July 2025`, `in July`; `en 2021`, `de 2021`,
    /// `en julio de 2025`.
    pub series_year: &'static Pattern,
    /// All that may join one tagged value of a series to the next: a comma
    /// or a conjunction, and an article or the words a list repeats: `, `,
    /// `and a record `; `, a los `, `y al de `.
    pub series_link: &'static Pattern,
    /// A sentence opening by pointing back: "The figure", "La cifra".
    pub back_reference: &'static Pattern,
    /// A sentence opening with a pronoun for the topic and a verb of
    /// standing or change: "Previously, it stood at", "Antes se situaba en".
    pub pronoun_back: &'static Pattern,
    /// A verb pointing back anywhere: "puts that number at", "eleva la cifra".
    pub pointing: &'static Pattern,
    /// `of` after the pointing words: "The number of missing people".
    pub of_after: &'static Pattern,
    /// A break between two clauses that each have their own subject.
    pub clause_break: &'static Pattern,
    pub forecast: &'static Pattern,
    /// Words one of which every forecast cue holds (`None`: no such list).
    /// A clause without any never runs, nor compiles, the large pattern.
    pub forecast_words: Option<&'static [&'static str]>,
    pub history_before: &'static Pattern,
    pub compared_with: &'static Pattern,
    pub had_been: &'static Pattern,
    pub disputed: &'static Pattern,
    /// Pieces of words one of which every disputed-figure cue holds.
    pub disputed_pieces: Option<&'static [&'static str]>,
    pub history_after: &'static Pattern,
    pub present: &'static Pattern,
    pub past: &'static Pattern,
}

/// Whether `text` may hold a cue made of these words (`whole`) or pieces of
/// words, compared without ASCII case. `ſ` and `K` fold to ASCII letters
/// under a case-insensitive pattern, so text with them may hold one too.
fn may_hold(text: &str, words: Option<&[&str]>, whole: bool) -> bool {
    let Some(words) = words else {
        return true;
    };
    if text.contains(['ſ', '\u{212a}']) {
        return true;
    }
    if whole {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    } else {
        let lower = text.to_ascii_lowercase();
        words.iter().any(|x| lower.contains(x))
    }
}

impl Cues {
    /// Whether the text before a number frames it as a forecast.
    pub fn forecasts(&self, before: &str) -> bool {
        may_hold(before, self.forecast_words, true) && self.forecast.is_match(before)
    }

    /// Whether a clause disputes its figure.
    pub fn disputes(&self, clause: &str) -> bool {
        may_hold(clause, self.disputed_pieces, false) && self.disputed.is_match(clause)
    }

    /// Whether `before` ends with what opens a change before its first value.
    pub fn opens_change(&self, before: &str) -> bool {
        // The pattern ends the text: its last few words are all it reads.
        self.change_from.is_match(crate::text::tail_of(before, 80))
    }

    /// Whether `word` may stand between a counted noun and its verb: an
    /// auxiliary or one of the linking words (`who`, `reportedly`, `que`).
    pub fn links(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let lower = lower.as_str();
        self.auxiliaries.contains(&lower) || self.linking.contains(&lower)
    }
}

/// The cues of `lang`.
pub(super) fn of(lang: Lang) -> &'static Cues {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    }
}
