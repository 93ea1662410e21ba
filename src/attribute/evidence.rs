//! The evidence about one number and one subject phrase in a sentence: how
//! far apart they stand and what stands between them, and whether the
//! number counts the figure's own quantity or something else (another noun,
//! an increment, a window of time, a part, another thing named, a
//! negation). Each test reads only the sentence, through
//! [`Sentence`], and the cues of the draft's language.

use std::ops::Range;

use super::cues::Cues;
use super::modality;
use crate::analysis::Sentence;
use crate::numbers::{Kind, Number};
use crate::rules::Figure;

/// Whether a subject phrase names a rate in so many words.
pub(super) fn says_rate(s: &Sentence, subject: &Range<usize>, cues: &Cues) -> bool {
    let phrase = s.slice(subject.clone());
    crate::phrase::tokens(phrase)
        .into_iter()
        .any(|w| phrase[w].eq_ignore_ascii_case(cues.rate_word))
}

/// Whether `subject` is the noun a rate counts, inside the rate as written:
/// `2.4 homicides per 100,000`.
pub(super) fn counted_by_rate(number: &Number, subject: &Range<usize>) -> bool {
    number.kind == Kind::Rate && number.span.start < subject.start && subject.end <= number.span.end
}

/// Whether the number and the subject stand in the same unit of meaning: both
/// outside any aside, or in the same one, or the aside opens with the number
/// right after the subject.
pub(super) fn same_unit(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> bool {
    let here = s.aside_at(number.qualifier_start);
    let there = s.aside_at(subject.start);
    if here == there {
        return true;
    }
    let Some(aside) = here else {
        return false;
    };
    let opens_with_number = s
        .slice(aside.start..number.qualifier_start)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| cues.apposition_words.contains(&w.to_lowercase().as_str()));
    let right_after_subject = subject.end <= aside.start
        && s.slice(subject.end..aside.start).trim().is_empty()
        && s.aside_at(subject.start) == s.aside_at(aside.start);
    opens_with_number && right_after_subject
}

/// Whether a negation stands between the number and the subject: "three
/// detainees have not died in custody" says nothing of the figure.
pub(super) fn negated(s: &Sentence, number: &Number, subject: &Range<usize>, cues: &Cues) -> bool {
    let between = if number.span.end <= subject.start {
        s.slice(number.span.end..subject.start)
    } else if subject.end <= number.qualifier_start {
        s.slice(subject.end..number.qualifier_start)
    } else {
        return false;
    };
    between
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| {
            let w = w.to_lowercase();
            cues.negations.contains(&w.as_str())
                || cues.negation_endings.iter().any(|e| w.ends_with(e))
        })
}

/// Whether a number word under ten directly counts the subject: the subject
/// follows it, with at most the counted noun and auxiliaries between.
pub(super) fn small_word_counts(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> bool {
    // After the subject, a verb that leads to the number makes it the
    // subject's value: "the toll rose to eight", "stands at three".
    let led_to = || {
        subject.end <= number.qualifier_start && {
            let before = super::verb_stretch(s, number, subject.end);
            cues.change_verb_before.is_match(before) || cues.standing_before.is_match(before)
        }
    };
    !number.small_word
        || (subject.start < number.qualifier_start && number.span.end < subject.end)
        || (subject.start >= number.span.end
            && s.words_between(number.span.end..subject.start) <= 3
            && !s
                .slice(number.span.end..subject.start)
                .contains([',', ';', ':']))
        || led_to()
}

/// Whether `number` counts an increment (`8 more victims`) or a remainder
/// (`another 40`) rather than the figure's total.
pub(super) fn counts_an_increment(
    s: &Sentence,
    number: &Number,
    counted_before: bool,
    cues: &Cues,
) -> bool {
    let after = cues.increment.find(s.after(number.span.end));
    let before = cues.increment_before.find(s.before(number.qualifier_start));
    let Some(word) = after.or(before).map(|m| m.as_str().trim().to_lowercase()) else {
        return false;
    };
    // "Other" sets one group beside another ("2,946 people were killed and
    // 2,562 other people injured", "y otras 139 desaparecidas"): it adds to
    // the figure's count only where the sentence named the figure before
    // (`counted_before`: "12 deaths on Friday and 3 other deaths") or the
    // word opens the sentence.
    let other = matches!(word.as_str(), "other" | "otros" | "otras" | "otro" | "otra");
    // Opening the sentence, it points back at what the sentence before
    // counted: "Otras 12 personas han muerto bajo custodia este mes."
    let opens = before.is_some_and(|m| {
        !s.before(number.qualifier_start)[..m.start()].contains(char::is_alphanumeric)
    });
    !other || counted_before || opens
}

/// Whether `number` is a threshold crossed rather than a count: a lower
/// bound a few words after an ordinal ("the first quake to kill more than
/// 100 people", "the 1st quake killing over 100").
pub(super) fn crosses_a_threshold(s: &Sentence, number: &Number, cues: &Cues) -> bool {
    use crate::numbers::Qualifier::{
        Exceeded, JustOver, MasDe, MoreThan, Over, PocoMasDe, Topped, UpwardsOf, WellOver,
    };
    if !matches!(
        number.qualifier,
        Some(
            MoreThan
                | Over
                | UpwardsOf
                | Topped
                | Exceeded
                | JustOver
                | WellOver
                | MasDe
                | PocoMasDe
        )
    ) {
        return false;
    }
    let at = number.qualifier_start;
    // "In the first week more than 300 died": the ordinal dates the count.
    cues.threshold_before
        .captures(s.slice(at.saturating_sub(THRESHOLD_REACH)..at))
        .is_some_and(|c| c.name("time").is_none())
}

/// How far before a lower bound [`crosses_a_threshold`] reads: an ordinal
/// and six words.
const THRESHOLD_REACH: usize = 80;

/// Whether `number` is a difference rather than a level: a count, an amount
/// or a rate right after a verb of change and its `by` ("rose by 23,000",
/// "aumentó en 23.000"), unless that verb is part of the subject phrase, whose
/// figure is then the change itself ("arrests rose by").
pub(super) fn counts_a_difference(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> bool {
    if !matches!(number.kind, Kind::Count | Kind::Money | Kind::Rate) {
        return false;
    }
    let before = s.before(number.qualifier_start);
    cues.difference_before.find(before).is_some_and(|m| {
        let verb = s.range.start + m.start();
        !(subject.start <= verb && verb < subject.end)
    })
}

/// Whether the number's clause names a short window of time, so that the
/// number counts what happened in it: "603 capturas en las últimas 24
/// horas" is a day's arrests, not the total.
pub(super) fn counts_a_window(s: &Sentence, number: &Number, cues: &Cues) -> bool {
    let Some(window) = cues.window else {
        return false;
    };
    let clause = modality::clause(s, &number.span, cues);
    // Before the number in its clause, or in the few words after it: a
    // window further on is about something else.
    let before = s.slice(clause.start..number.qualifier_start.max(clause.start));
    let after = s.slice(number.span.end.min(clause.end)..clause.end);
    let near_end = after
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(8)
        .map_or(after.len(), |(i, _)| i);
    // A window right before a change from one value to the number dates the
    // change: "aumentó en las últimas horas de 133 a 134" gives a total.
    let dates_a_change = |m: regex::Match| FROM_TO_BEFORE.is_match(&before[m.end()..]);
    window.find_iter(before).any(|m| !dates_a_change(m)) || window.is_match(&after[..near_end])
}

/// What stands between a change's window and its second value: "de 133 a ",
/// "from 133 to ".
static FROM_TO_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^\W*(?:de|from)\s+\d[\d.,\s]*\s(?:a|to)\s+$").expect("from-to pattern")
});

/// Whether a status verb stands between the number and a subject after it,
/// or follows the subject in the same stretch of the clause. A status the
/// figure itself counts ("Body parts recovered", subjects `discharged`) is
/// what the figure is, not a part of it.
pub(super) fn counts_a_subset(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    figure: &Figure,
    cues: &Cues,
) -> bool {
    let other_status = |text: &str| {
        cues.status
            .find_iter(text)
            .any(|m| !names_the_status(figure, m.as_str(), cues))
    };
    let before = s.before(number.qualifier_start);
    // "the names of eight victims": what is told of them is a part.
    if cues.part_of.is_match(before) {
        return true;
    }
    if subject.start < number.span.end {
        return false;
    }
    // "46 individuals who were identified as victims": the status comes first.
    if other_status(s.slice(number.span.end..subject.start)) {
        return true;
    }
    // "three of the nearly 100 victims have been identified": the number
    // after `of the` is the whole the part is taken from.
    if cues.whole_of.is_match(before) {
        return false;
    }
    // A status after another number speaks of that one: "95 are confirmed
    // dead and 26 remain missing"; one after a coordinator, of another
    // quantity: "221 personas fallecidas y decenas de heridos".
    let stretch = rest_of_stretch(s, subject);
    let near: String = stretch
        .split_whitespace()
        .take(5)
        .take_while(|w| !w.contains(|c: char| c.is_ascii_digit()))
        .take_while(|w| !cues.coordinators.contains(&w.to_lowercase().as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    other_status(&near)
}

/// Whether the figure counts the status itself: its name or one of its
/// subjects holds the status word, and none of them turns it round ("Bodies
/// not yet identified", "unidentified" count the others).
fn names_the_status(figure: &Figure, status: &str, cues: &Cues) -> bool {
    let status = status.to_lowercase();
    let mut holds = false;
    for text in figure.texts() {
        for word in text.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
            if cues.negations.contains(&word)
                || cues.pending.contains(&word)
                || word.strip_prefix("un").is_some_and(|w| w == status)
            {
                return false;
            }
            holds |= word == status;
        }
    }
    holds
}

/// Whether the sentence opens with the whole its parts are taken from, the
/// subject in that opening, and the number after it: "Of the 367 who died in
/// custody, 330 were men" makes 330 a part (367, inside the opening, is the
/// whole, and its claim stands).
pub(super) fn after_an_opening_whole(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> bool {
    opening_before(s, number).is_some_and(|opening| {
        subject.end <= s.range.start + opening.len() && cues.opening_whole.is_match(opening)
    })
}

/// The sentence's opening, up to its first comma, where `number` stands
/// after it: what a sentence sets its numbers against ("Of the 367 who
/// died,", "In addition to the deaths,").
fn opening_before<'t>(s: &Sentence<'t>, number: &Number) -> Option<&'t str> {
    let sentence = s.all();
    let opening = &sentence[..sentence.find(',')?];
    (number.qualifier_start > s.range.start + opening.len()).then_some(opening)
}

/// Whether the sentence opens with what its numbers come in addition to,
/// named by a word of what `figure` counts, and `number` stands after that
/// opening: "In addition to the deaths, the storm left three people dead
/// from unknown causes" counts no deaths of the toll.
pub(super) fn after_an_addition(
    s: &Sentence,
    number: &Number,
    figure: &Figure,
    cues: &Cues,
) -> bool {
    let Some(opening) = opening_before(s, number).filter(|o| cues.opening_addition.is_match(o))
    else {
        return false;
    };
    let Some(last) = opening
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
    else {
        return false;
    };
    let last = last.to_lowercase();
    let last = last.strip_suffix('s').unwrap_or(&last);
    figure.quantity_words().iter().any(|w| w == last)
}

/// Whether the subject names the whole that a share in the sentence is
/// taken of ("4,000 women, 3% of the prison population"): then the figure
/// is no claim of any number beside it, whose counts are parts of it.
pub(super) fn names_a_whole(s: &Sentence, subject: &Range<usize>, cues: &Cues) -> bool {
    cues.share_before.is_match(s.before(subject.start))
}

/// Whether the subject is said of something the figure is not: the subject
/// stands in a relative clause whose antecedent is a proper name that the
/// figure's name and subjects do not hold ("Hurricane Katrina, which killed
/// about 1,800" in a story about Hurricane Maria).
///
/// A proper name elsewhere in the sentence is no such sign: "the death toll
/// from the Maui wildfire" and "the death toll from Hurricane Katrina" look
/// alike, and only one is about a Lahaina figure.
pub(super) fn names_another_thing(
    s: &Sentence,
    subject: &Range<usize>,
    figure: &Figure,
    cues: &Cues,
) -> bool {
    let before = s.before(subject.start);
    let Some(relative) = cues.relative_end.find(before) else {
        return false;
    };
    let antecedent = &before[..relative.start()];
    let Some(word) = crate::phrase::tokens(antecedent).pop() else {
        return false;
    };
    if word.start == 0 || word.end != antecedent.trim_end().len() {
        return false;
    }
    let word = &antecedent[word];
    let mut chars = word.chars();
    let lower = word.to_lowercase();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
        && !cues.months.contains(&lower.as_str())
        && !cues.weekdays.contains(&lower.as_str())
        && !figure.name.to_lowercase().contains(&lower)
        && !figure
            .subjects_by_lang
            .iter()
            .flatten()
            .any(|s| s.to_lowercase().contains(&lower))
}

/// The part the number is said of, if the number's clause, or (where values
/// follow one another, each with its part) what the clause says right after
/// the number, names one, not both, of the parts the figure's name joins: its
/// word in that name. In a figure named "Structures destroyed in the
/// Palisades and Eaton fires", "the Palisades fire destroyed 6,837
/// structures" counts one fire's ([`Figure::parts`]).
pub(super) fn named_part<'f>(
    s: &Sentence,
    number: &Number,
    figure: &'f Figure,
    cues: &Cues,
) -> Option<&'f str> {
    let [first, second] = figure.parts.as_ref()?;
    let word = |first_one: bool| {
        if first_one {
            first.as_str()
        } else {
            second.as_str()
        }
    };
    // Which part a stretch names, if one and not both: `Some(true)` for
    // the first.
    let part_in = |text: &str| -> Option<bool> {
        let words: Vec<&str> = crate::phrase::tokens(text)
            .into_iter()
            .map(|w| &text[w])
            .collect();
        let (a, b) = (
            words.contains(&first.as_str()),
            words.contains(&second.as_str()),
        );
        (a != b).then_some(a)
    };
    let clause = super::modality::clause(s, &number.span, cues);
    if let Some(one) = part_in(s.slice(clause.clone())) {
        return Some(word(one));
    }
    // Values given one after the other, each with its part after it:
    // "5,316 structures were destroyed in the Palisades Fire and more than
    // 5,000 in the Eaton Fire". What the clause says after each value, up
    // to the next, names one part; the number's names one, another value's
    // the other; and the number is no whole a part is taken of ("16 of the
    // 24 deaths are attributed to the Eaton Fire and 8 to the Palisades").
    let base = clause.start.min(number.qualifier_start);
    if is_taken_of(s, number, cues) {
        return None;
    }
    // The stretch after a value, up to the next digit, names its part.
    let digit = |c: char| c.is_ascii_digit();
    let after = s.slice(number.span.end..clause.end.max(number.span.end));
    let own = after.split(digit).next().and_then(part_in)?;
    // Another value's stretch (every value's in the clause, from the first)
    // names the other part.
    let clause_on = s.slice(base..clause.end.max(base));
    clause_on
        .split(digit)
        .skip(1)
        .any(|text| part_in(text) == Some(!own))
        .then(|| word(own))
}

/// Whether `of the` right before the number makes it the whole a part is
/// taken of: "16 of the 24 deaths".
pub(super) fn is_taken_of(s: &Sentence, number: &Number, cues: &Cues) -> bool {
    let clause = super::modality::clause(s, &number.span, cues);
    let base = clause.start.min(number.qualifier_start);
    cues.whole_of
        .is_match(s.slice(base..number.qualifier_start))
}

/// The one other figure of the same unit whose subject phrases name `part`
/// (a word of `figure`'s name, "Eaton") and share a word of what `figure`
/// counts: where the desk keeps the part's own count ("deaths in the Eaton
/// Fire"), a number said of that part is its.
pub(super) fn part_figure(figures: &[Figure], figure: usize, part: &str) -> Option<usize> {
    let whole = figures[figure].quantity_words();
    let names = |f: &Figure| {
        f.subjects_by_lang.iter().flatten().any(|phrase| {
            phrase
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == part)
        })
    };
    let mut found = (0..figures.len()).filter(|&g| {
        g != figure
            && figures[g].unit == figures[figure].unit
            && names(&figures[g])
            && figures[g]
                .quantity_words()
                .iter()
                .any(|w| whole.contains(w))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The words after the subject up to the next comma, colon, semicolon,
/// bracket or dash: what the clause goes on to say of it.
pub(super) fn rest_of_stretch<'t>(s: &Sentence<'t>, subject: &Range<usize>) -> &'t str {
    let after = s.after(subject.end);
    after
        .find([',', ';', ':', '(', '—', '–'])
        .map_or(after, |i| &after[..i])
}

/// Whether the subject phrase is a participle that only describes the noun
/// the number counts, while another verb says what happened to them: in
/// "115 people killed in the fire have been identified", 115 counts the
/// people identified, not the people killed.
pub(super) fn reduced_relative(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> bool {
    let Some((ending, exception)) = cues.participle else {
        return false;
    };
    if subject.start < number.span.end {
        return false;
    }
    let first = leading_word(s.after(subject.start)).to_lowercase();
    if !first.ends_with(ending) || first == exception {
        return false;
    }
    // Right after the number and before the subject's noun, the participle
    // describes that noun, as an adjective: "67 confirmed human cases were
    // reported" counts the cases. A reduced relative follows its noun ("115
    // people killed in the fire") or a preposition follows it.
    let gap = s.slice(number.span.end..subject.start);
    let next = s
        .slice(subject.clone())
        .split_whitespace()
        .nth(1)
        .map(str::to_lowercase);
    if gap.trim().is_empty()
        && next.is_some_and(|w| {
            w.chars().all(char::is_alphabetic)
                && !cues.links(&w)
                && !PREPOSITIONS.contains(&w.as_str())
        })
    {
        return false;
    }
    // "95 people are confirmed dead": after an auxiliary the participle is
    // the clause's own verb.
    if s.slice(number.span.end..subject.start)
        .split_whitespace()
        .any(|w| cues.links(w))
    {
        return false;
    }
    // A verb after another number is that number's: "… and 26 were hurt".
    let stretch = rest_of_stretch(s, subject);
    let mut words = stretch
        .split_whitespace()
        .take(8)
        .take_while(|w| !w.contains(|c: char| c.is_ascii_digit()));
    words.any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "have" | "has" | "had" | "were" | "was" | "are" | "is"
        )
    })
}

/// Prepositions that may follow a participle in a reduced relative ("killed
/// in the fire", "muertos en el incendio").
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "by", "for", "from", "with", "during", "after", "since", "to", "en", "por",
    "durante", "tras", "desde", "con", "a",
];

/// The word `rest` starts with.
pub(super) fn leading_word(rest: &str) -> &str {
    let len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '’'))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..len]
}

/// Whether `number` counts some other noun than the one `subject` speaks of.
pub(super) fn counts_another_noun(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> bool {
    // An amount can be the price of something else too: `£5,500 minimum payment`.
    if !matches!(number.kind, Kind::Count | Kind::Money) {
        return false;
    }
    let after = s.after(number.span.end);
    // A spaced dash ends what the number counts: "21,063 - some 1,758 …".
    let spaced = after.trim_start_matches([' ', '\u{a0}']);
    if spaced.len() < after.len()
        && spaced
            .strip_prefix(['-', '‑'])
            .is_some_and(|rest| rest.starts_with(' '))
    {
        return false;
    }
    let skipped = after.len() - after.trim_start_matches([' ', '\u{a0}', '-', '‑']).len();
    let w_start = number.span.end + skipped;
    let w = leading_word(&after[skipped..]);
    // The subject starts at (or inside) the word after the number: it is what
    // the number counts.
    // Or the subject ends with it: "destroyed 10,000 structures".
    if w.is_empty()
        || (w_start..=w_start + w.len()).contains(&subject.start)
        || subject.end == w_start + w.len()
    {
        return false;
    }
    let lower = w.to_lowercase();
    if cues.free_after.contains(&lower.as_str()) || cues.weekdays.contains(&lower.as_str()) {
        return false;
    }
    if subject.start > number.span.end {
        // Bound: the counted noun is the subject of the subject phrase's verb.
        let gap = s.slice(w_start + w.len()..subject.start);
        let only_auxiliaries = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
            .all(|t| cues.links(t));
        // "130 people across six states have died": six, inside a phrase
        // of its own, is not what the verb speaks of.
        let in_a_phrase = s
            .before(number.qualifier_start)
            .split_whitespace()
            .next_back()
            .is_some_and(|w| cues.place_prepositions.contains(&w.to_lowercase().as_str()));
        if only_auxiliaries && !in_a_phrase {
            return false;
        }
    }
    true
}

/// Whether the number counts the noun that is the subject of the subject
/// phrase's verb: "95 people are confirmed dead", only the counted noun and
/// auxiliaries between. Nothing binds a number more closely, so it is the
/// nearest whatever stands after the phrase ("… and 26 remain missing").
pub(super) fn counts_the_verb_s_subject(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> bool {
    if subject.start < number.span.end {
        return false;
    }
    let mut words = s.slice(number.span.end..subject.start).split_whitespace();
    let Some(noun) = words.next() else {
        return false;
    };
    noun.chars().all(char::is_alphabetic) && words.all(|w| cues.links(w))
}

/// Whether a clause break stands between a number and a subject phrase.
pub(super) fn in_another_clause(
    s: &Sentence,
    number: &Number,
    subject: &Range<usize>,
    cues: &Cues,
) -> bool {
    let gap = if number.span.end <= subject.start {
        number.span.end..subject.start
    } else {
        subject.end..number.qualifier_start.max(subject.end)
    };
    cues.clause_break.is_match(s.slice(gap))
}
