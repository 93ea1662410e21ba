//! How a sentence frames a claim: as a statement of fact, a forecast or plan,
//! or explicit history; and whether it speaks in the present or the past.
//!
//! - A forecast, target, plan or hypothetical ("expects … to fall to 1.5",
//!   "a target of", "could reach", "would") is not judged at all.
//! - Explicit history ("up from 261", the first value of "from A to B",
//!   "was first announced as", "the previous estimate of") is judged only for
//!   being a value the figure ever had: it is never stale.
//! - A claim with no year in the present tense ("the rate is 38") must match
//!   the current value; in the past tense ("the rate was 38") any year's does.
//!
//! Every cue is read in the number's own clause only.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::cues::Cues;
use crate::analysis::Sentence;
use crate::numbers::Number;

/// What kind of statement a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// A statement of fact, judged against the rules.
    Assertion,
    /// A forecast, target, plan or hypothetical: not judged.
    Forecast,
    /// A value the sentence itself frames as past: never stale.
    History,
    /// A figure for part of a year ("through July 2023", "so far this year")
    /// of a figure kept per year: not judged (see [`crate::date::period`]).
    PartOfYear,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Assertion => "assertion",
            Modality::Forecast => "forecast",
            Modality::History => "history",
            Modality::PartOfYear => "part-of-year",
        }
    }

    /// Whether a claim framed so is judged against the rules.
    pub fn is_judged(self) -> bool {
        matches!(self, Modality::Assertion | Modality::History)
    }
}

/// The tense of the clause that holds a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    Present,
    Past,
    Unknown,
}

/// A break between two clauses that each have their own subject.
pub(super) static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|,\s+(?:and|but|while|whereas|although|though|yet)\b|(?:,|[–—]| -)\s+(?:bringing|taking|pushing|raising|lifting)\b")
        .expect("clause pattern")
});

pub(super) static FORECAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:expect|expects|expected|expecting|project|projects|projected|projecting
           |forecast|forecasts|forecasted|forecasting|predict|predicts|predicted|predicting
           |anticipate|anticipates|anticipated|anticipating|aim|aims|aimed|aiming
           |plan|plans|planned|planning|intend|intends|intended|intending
           |hope|hopes|hoped|hoping|seek|seeks|seeking|want|wants|wanted
           |set|on\s+track|poised|likely)\s+(?:[\w'’-]+\s+){0,6}?to\b
        | \b(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+)?(?:target|goal|projection|forecast|ambition|aim)\s+(?:of|is|was)\b
        | \b(?:could|would|might|will|shall|should|'ll|’ll)\b
        | \bcan\s+(?:reach|rise|climb|exceed|top|surpass|hit)\b
        | \A\W*(?:if|unless|suppose|supposing)\s",
    )
    .expect("forecast pattern")
});

pub(super) static HISTORY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:previously|initially|originally|formerly|at\s+first
           |first\s+(?:announced|reported|estimated|put|counted|given|said|stated)
           |then\s+(?:just|only)|earlier\s+(?:reports?|counts?|estimates?|figures?)
           |(?:had|has|have)\s+earlier|earlier\s+(?:reported|said|put|announced|counted|estimated|gave)
           |(?:the|its|their|an|a)\s+(?:previous|prior|original|earlier|old|initial|first)
           |was\s+revised|were\s+revised|(?:up|down)\s+from|was\s+raised\s+from|was\s+lowered\s+from)\b
        | \bearlier\s*,",
    )
    .expect("history pattern")
});

/// A number that a sentence measures something against is a reference value
/// from the past: "an increase over the 64 deaths counted", "far greater than
/// the official number of 64".
pub(super) static COMPARED_WITH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:increase|rise|jump|drop|decrease|fall|higher|lower|greater|larger|smaller|bigger|double|triple|times)\s+(?:over|than|on|from|the)\s+(?:the\s+|its\s+|their\s+)?(?:[a-z-]+\s+){0,3}?(?:of\s+)?$",
    )
    .expect("comparison pattern")
});

/// "the toll had been at 64": the past perfect right before the number. Not
/// "it had been renewed 34 times", where it is only the tense of a verb.
pub(super) static HAD_BEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bhad\s+(?:been|stood)(?:\s+(?:at|as|only|just))?\s*$")
        .expect("had-been pattern")
});

/// A clause that disputes its number ("the official count of 64 is a
/// substantial underestimate") does not assert it.
pub(super) static DISPUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:underestimat\w*|overestimat\w*|undercount\w*|overcount\w*|far\s+too\s+(?:low|high)|discredited|superseded|outdated|denied|denies|deny|denying)\b",
    )
    .expect("disputed pattern")
});

pub(super) static HISTORY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\s,]*(?:a\s+year\s+(?:earlier|before)|earlier|previously|at\s+the\s+time|at\s+first|initially)\b",
    )
    .expect("history pattern")
});

pub(super) static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:is|are|has|have|remains|remain|stands|stand|now|currently|today|so\s+far|to\s+date)\b")
        .expect("present pattern")
});

pub(super) static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|had|did|stood|took|when|fell|rose|grew|reached|recorded|dropped|declined|died|killed)\b")
        .expect("past pattern")
});

/// The clause of `sentence` that holds `at`.
pub(super) fn clause(s: &Sentence, at: &Range<usize>, cues: &Cues) -> Range<usize> {
    let sentence = &s.range;
    let before = s.before(at.start);
    let start = cues
        .clause_break
        .find_iter(before)
        .last()
        .map_or(sentence.start, |m| sentence.start + m.end());
    let after_start = at.end.min(sentence.end);
    let end = cues
        .clause_break
        .find(s.after(after_start))
        .map_or(sentence.end, |m| after_start + m.start());
    start..end
}

/// How the clause frames `number`.
pub(super) fn modality(
    s: &Sentence,
    clause: &Range<usize>,
    number: &Number,
    cues: &Cues,
) -> Modality {
    let before = s.slice(clause.start..number.qualifier_start.max(clause.start));
    let after = s.slice(number.span.end.min(clause.end)..clause.end);
    if cues.forecasts(before) {
        return Modality::Forecast;
    }
    // A history cue speaks of the number after it, not of one further on:
    // in "raised from 64 to 2,975", `from` is about 64 only.
    let before = before
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(before, |i| &before[i + 1..]);
    if cues.opens_change(before)
        || cues.history_before.is_match(before)
        || cues.compared_with.is_match(before)
        || cues.had_been.is_match(before)
        || cues.disputes(s.slice(clause.clone()))
        || cues.history_after.is_match(after)
    {
        return Modality::History;
    }
    Modality::Assertion
}

/// Where the words a source is reported with end before `number` in its
/// clause: right after the last `that` of a verb of saying ("the ministry
/// said on Sunday that 367 …"), if there is one. The number's own clause
/// starts there: its tense and its cues are its own, not the reporting's.
pub(super) fn reported(
    s: &Sentence,
    clause: &Range<usize>,
    number: &Number,
    cues: &Cues,
) -> Option<usize> {
    let start = clause.start.min(number.qualifier_start);
    cues.reported_that
        .find_iter(s.slice(start..number.qualifier_start))
        .last()
        .map(|m| start + m.end())
}

/// The tense of the verb nearest before `number` in its clause, or else the
/// first after it. The clause's own words start at `from`: after the words
/// that report it, if there are any ([`reported`]).
pub(super) fn tense(
    s: &Sentence,
    clause: &Range<usize>,
    number: &Number,
    from: usize,
    cues: &Cues,
) -> Tense {
    let before = s.slice(from..number.qualifier_start.max(from));
    let after = s.slice(number.span.end.min(clause.end)..clause.end);
    let last = |re: &Regex| re.find_iter(before).last().map(|m| m.start());
    match (last(cues.present), last(cues.past)) {
        (Some(p), Some(q)) => return if p > q { Tense::Present } else { Tense::Past },
        (Some(_), None) => return Tense::Present,
        (None, Some(_)) => return Tense::Past,
        (None, None) => {}
    }
    match (cues.present.find(after), cues.past.find(after)) {
        (Some(p), Some(q)) if p.start() < q.start() => Tense::Present,
        (Some(_), None) => Tense::Present,
        (_, Some(_)) => Tense::Past,
        (None, None) => Tense::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::numbers::recognise;

    fn framed(text: &str, needle: &str) -> (Modality, Tense) {
        let numbers = recognise(text, Lang::En);
        let n = numbers
            .iter()
            .find(|n| &text[n.span.clone()] == needle)
            .unwrap_or_else(|| panic!("{needle} in {numbers:?}"));
        let cues = super::super::cues::of(Lang::En);
        let s = Sentence::read(text, 0..text.len());
        let c = clause(&s, &n.span, cues);
        let from = reported(&s, &c, n, cues).unwrap_or(c.start);
        (modality(&s, &c, n, cues), tense(&s, &c, n, from, cues))
    }

    #[test]
    fn forecasts_targets_and_hypotheticals() {
        for (text, n) in [
            (
                "The government expects the homicide rate to fall to 1.5 next year.",
                "1.5",
            ),
            ("Arrests are projected to reach 100,000.", "100,000"),
            ("The ministry aims to cut the rate to 1.2.", "1.2"),
            ("It set a target of 1.5 per 100,000.", "1.5 per 100,000"),
            ("The toll could reach 500.", "500"),
            ("A new prison would hold 40,000.", "40,000"),
        ] {
            assert_eq!(framed(text, n).0, Modality::Forecast, "{text}");
        }
        // Must not fire: statements of fact, and a modal in another clause.
        for (text, n) in [
            ("The homicide rate fell to 1.9 in 2024.", "1.9"),
            ("An estimated 2,975 people died.", "2,975"),
            (
                "Police have arrested 85,000 people; more arrests will follow.",
                "85,000",
            ),
            (
                "Officials expected little, but 367 people have died in custody.",
                "367",
            ),
        ] {
            assert_eq!(framed(text, n).0, Modality::Assertion, "{text}");
        }
    }

    #[test]
    fn explicit_history() {
        for (text, n) in [
            ("The toll rose to 367, up from 261 a year earlier.", "261"),
            ("The count was 261 a year earlier.", "261"),
            (
                "The count was first announced as 20,000 and later doubled.",
                "20,000",
            ),
            ("The toll was raised from 64 to 2,975.", "64"),
            (
                "It was previously thought that at least 115 people had died.",
                "115",
            ),
            ("The previous estimate of 115 deaths was revised.", "115"),
            ("The official toll had been 64.", "64"),
            ("The toll stood at 64 at the time.", "64"),
            (
                "That is a sharp increase over the 64 deaths counted before.",
                "64",
            ),
            (
                "The toll is far greater than the official number of 64.",
                "64",
            ),
            (
                "The estimate is more than double the 1,427 deaths counted.",
                "1,427",
            ),
            (
                "The official count of 64 is a substantial underestimate.",
                "64",
            ),
            ("The official toll of 64 was greatly underestimated.", "64"),
        ] {
            assert_eq!(framed(text, n).0, Modality::History, "{text}");
        }
        // Must not fire: the second value of a change, and a plain past tense.
        for (text, n) in [
            ("The toll was raised from 64 to 2,975.", "2,975"),
            ("The toll rose to 367, up from 261 a year earlier.", "367"),
            ("The toll rose by more than 300 in a year.", "300"),
            ("The storm killed 64 people.", "64"),
            ("At least 261 detainees have died in custody.", "261"),
            (
                "Earlier, the committee met; 367 people have died in custody.",
                "367",
            ),
            // "had been" is only the tense of a verb here.
            ("By April 2025 it had been renewed 34 times.", "34"),
            // The dispute is in another clause.
            (
                "Critics call it an undercount; 367 people have died in custody.",
                "367",
            ),
        ] {
            assert_eq!(framed(text, n).0, Modality::Assertion, "{text}");
        }
    }

    #[test]
    fn a_reported_clause_has_its_own_tense() {
        // The verb of saying is the reporter's; the count's tense is its own.
        assert_eq!(
            framed(
                "The ministry said that 261 people have died in custody.",
                "261"
            )
            .1,
            Tense::Present
        );
        assert_eq!(
            framed("The ministry said that 261 people died in custody.", "261").1,
            Tense::Past
        );
    }

    #[test]
    fn tense_of_the_clause() {
        assert_eq!(
            framed("The homicide rate is 38 per 100,000.", "38 per 100,000").1,
            Tense::Present
        );
        assert_eq!(
            framed(
                "When Bukele took office the homicide rate was 38 per 100,000.",
                "38 per 100,000"
            )
            .1,
            Tense::Past
        );
        assert_eq!(
            framed("The rate has fallen to 1.9.", "1.9").1,
            Tense::Present
        );
        assert_eq!(framed("Homicide rate: 38.", "38").1, Tense::Unknown);
        assert_eq!(framed("38, the rate was then.", "38").1, Tense::Past);
    }
}
