//! Deciding which claims are wrong. Each finding code has its own module with
//! the text that explains it (`figcheck explain CODE` prints that text).

pub mod inconsistent;
pub mod mismatch;
pub mod stale;
pub mod wrong_source;
pub mod wrong_year;

use crate::attribute::{Claim, Modality, Tense, TiedYear};
use crate::confidence::Tier;
use crate::date::Day;
use crate::locale::Locale;
use crate::numbers::{Direction, Number};
pub use crate::rules::describe::{describe, describe_bare, use_instead};
use crate::rules::history::Standing;
use crate::rules::{meets, AllowedValue, Figure, Severity};
use crate::tr;
pub use crate::value::format_value;

pub use crate::finding::{Code, Finding, Label};

/// Each code's explanation lives beside the check that emits it.
impl Code {
    /// What the code means, why it matters, an example and how to fix it.
    pub fn explanation(self) -> &'static str {
        match self {
            Code::Mismatch => mismatch::EXPLANATION,
            Code::WrongYear => wrong_year::EXPLANATION,
            Code::WrongSource => wrong_source::EXPLANATION,
            Code::Stale => stale::EXPLANATION,
            Code::Inconsistent => inconsistent::EXPLANATION,
            Code::Arithmetic => crate::arithmetic::EXPLANATION,
            Code::UnusedIgnore => crate::suppress::EXPLANATION,
            Code::HiddenCharacters => crate::invisible::EXPLANATION,
        }
    }
}

/// What the rules say about one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Consistent,
    /// Fits only an outdated value (its index): one marked stale, or one that
    /// a later value has superseded by the claim's date.
    Stale(usize),
    /// Fits an allowed value (its index) only for another year than the one tied.
    WrongYear(usize),
    /// Fits none of the values of the source the sentence names, but this
    /// value (its index) of another source.
    WrongSource(usize),
    /// Fits only a value (its index) reported after the claim's date.
    TooEarly(usize),
    /// A count for part of a year that has ended, the count for the whole of
    /// it being known (its index): "35,898 so far in 2024", read in 2025.
    PartOfEndedYear(usize),
    Mismatch,
}

/// The days a claim is judged at: the draft's date, and the date its own
/// sentence names ("by March 2024"), if any. The sentence's date moves only
/// values that are counts as of a date; a value tied to a year (the rate for
/// 2023) is judged by its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub draft: Day,
    pub anchor: Option<Day>,
}

impl When {
    /// No date in particular: every value reported, the latest of each
    /// timeline current (the rules can hold no value from the future).
    pub const ANY: When = When {
        draft: Day(i64::MAX),
        anchor: None,
    };

    /// A claim in a draft dated `draft`. A sentence cannot speak of a time
    /// after its draft was written.
    pub fn of(draft: Day, claim: &Claim) -> When {
        When {
            draft,
            anchor: claim.anchor.map(|a| a.date.last_day().min(draft)),
        }
    }

    /// The day a value is judged at.
    pub fn day_for(&self, value: &AllowedValue) -> Day {
        match self.anchor {
            Some(day) if value.year.is_none() => day,
            _ => self.draft,
        }
    }

    /// Where the figure's value at `index` stands on the day it is judged at.
    pub fn standing(&self, figure: &Figure, index: usize) -> Standing {
        figure.standing(index, self.day_for(&figure.allowed[index]))
    }

    /// The day the figure's suggestions are made for.
    pub fn day_of(&self, figure: &Figure) -> Day {
        self.day_for(figure.canonical())
    }
}

/// Judges one number, tied to `year` or not, against a figure's allowed values.
///
/// A current value that the number meets as written (widened by its precision,
/// and by `about`) or within its qualifier's bounded reach makes it consistent;
/// failing that, an outdated value it meets makes it stale.
pub fn judge(figure: &Figure, number: &Number, year: Option<i32>) -> Verdict {
    judge_in(figure, number, year, false, None, When::ANY).unwrap_or(Verdict::Mismatch)
}

/// [`judge`], where `present` says the claim has no year and speaks in the
/// present tense ("the rate is 38"): then only a value bound to no year, or
/// the current one, is current, and a value of another year is stale.
///
/// With `only`, the values of that source alone are accepted. `None` when no
/// value of the figure was known at the claim's date: the rules cannot say.
fn judge_in(
    figure: &Figure,
    number: &Number,
    year: Option<i32>,
    present: bool,
    only: Option<usize>,
    when: When,
) -> Option<Verdict> {
    let standing: Vec<Standing> = (0..figure.allowed.len())
        .map(|i| when.standing(figure, i))
        .collect();
    if standing.iter().all(|s| *s == Standing::NotYet) {
        return None;
    }
    let intervals = [
        number.written_interval(),
        number.qualified_interval(figure.qualifier_slack),
    ];
    let fitting = |claim: (f64, f64)| {
        figure
            .allowed
            .iter()
            .enumerate()
            .filter(move |(_, v)| only.is_none() || v.source_id == only)
            .filter(move |(_, v)| meets(claim, v.interval(figure.tolerance)))
    };
    let known = |i: usize| standing[i] != Standing::NotYet;
    let current = |i: usize| standing[i] == Standing::Current;
    // In the present tense, the value for the latest year is the current one:
    // the canonical value when it is current, else the latest year known.
    let latest_year = if current(0) {
        None
    } else {
        (0..standing.len())
            .filter(|&i| current(i))
            .filter_map(|i| figure.allowed[i].year)
            .max()
    };
    let year_fits = |v: &AllowedValue| match year {
        None if present => {
            v.year.is_none()
                || if latest_year.is_none() {
                    v.canonical
                } else {
                    v.year == latest_year
                }
        }
        None => true,
        Some(_) => v.year.is_none() || v.year == year,
    };
    // A current value met as written, or within the qualifier's reach, wins:
    // "more than 100" is right when the toll is 102, even if 100 was once a
    // count. Only then does an outdated value count: "at least 261" is stale
    // when the toll is 367, since 367 lies beyond the qualifier's reach.
    for claim in intervals {
        if fitting(claim).any(|(i, v)| year_fits(v) && current(i)) {
            return Some(Verdict::Consistent);
        }
    }
    // A superseded count is recognised only as written: "over 58,000" is not
    // the count of 2023 (65,000) just because the qualifier reaches it.
    let written = intervals[0];
    let outdated = |claim, i: usize| {
        known(i) && (claim == written || !matches!(standing[i], Standing::Superseded(_)))
    };
    for claim in intervals {
        if let Some((i, _)) = fitting(claim).find(|(i, v)| year_fits(v) && outdated(claim, *i)) {
            return Some(Verdict::Stale(i));
        }
    }
    for claim in intervals {
        if let Some((i, _)) = fitting(claim).find(|(i, _)| outdated(claim, *i)) {
            // With no year tied, a value of another year is an outdated one.
            return Some(if year.is_none() {
                Verdict::Stale(i)
            } else {
                Verdict::WrongYear(i)
            });
        }
    }
    for claim in intervals {
        if let Some((i, _)) = fitting(claim).find(|(i, _)| !known(*i)) {
            return Some(Verdict::TooEarly(i));
        }
    }
    Some(Verdict::Mismatch)
}

/// What the rules say about one claim in a draft dated `draft`, given how its
/// sentence frames it: `None` for a forecast, which is not judged, and for a
/// claim about a time before any value of the figure was reported; explicit
/// history is judged only for being a value the figure ever had.
///
/// A claim attributed to a source that has values for the figure is judged
/// against those values only; a number that fits another source's value is
/// a wrong source. A claim attributed to nobody, or to a source without values
/// here, is judged against every value.
pub fn judge_claim(
    figure: &Figure,
    number: &Number,
    claim: &Claim,
    draft: Day,
) -> Option<(Verdict, When)> {
    let when = When::of(draft, claim);
    let verdict = judge_claim_at(figure, number, claim, when);
    // A time the sentence only names ("in September 2017") may be when the
    // counted events happened rather than when the count holds: it can make
    // an older value right, but not rule out a later one.
    let named_only = claim.anchor.is_some_and(|a| !a.firm);
    if named_only && matches!(verdict, None | Some(Verdict::TooEarly(_))) {
        let undated = When {
            draft,
            anchor: None,
        };
        return judge_claim_at(figure, number, claim, undated).map(|v| (v, undated));
    }
    verdict.map(|v| (v, when))
}

fn judge_claim_at(figure: &Figure, number: &Number, claim: &Claim, when: When) -> Option<Verdict> {
    let year = claim.year.map(|y| y.year);
    // A year before any the rules know of the figure: they cannot say ("the
    // 2016 quake claimed 276 lives" in a draft on this year's quake; "in
    // 2015 the rate was 103" where the rates start in 2019).
    if year.is_some_and(|y| figure.first_year().is_some_and(|first| y < first)) {
        return None;
    }
    let present = year.is_none() && when.anchor.is_none() && claim.tense == Tense::Present;
    let own = claim
        .source
        .filter(|s| figure.allowed.iter().any(|v| v.source_id == Some(*s)));
    let history = match claim.modality {
        Modality::Forecast => return None,
        Modality::PartOfYear => {
            // Only a count the sentence gives as it stands ("so far in 2024,
            // 35,898 have crossed"); "in the first half of 2024 the rate was
            // 0.9" is history. The year counted: tied to the number, or named
            // as its time.
            if claim.tense != Tense::Present {
                return None;
            }
            let counted = year.or_else(|| {
                claim
                    .anchor
                    .filter(|a| a.date.month.is_none())
                    .map(|a| a.date.year)
            })?;
            return whole_year(figure, counted, when).map(Verdict::PartOfEndedYear);
        }
        Modality::History => true,
        Modality::Assertion => false,
    };
    let mut verdict = judge_in(figure, number, year, present && !history, own, when)?;
    if own.is_some() && verdict == Verdict::Mismatch {
        if let Some(i) = first_fitting(figure, number, when) {
            // "Earlier, OCHA said at least 11,300": an earlier count the
            // desk knows, framed as history, whoever the sentence credits.
            verdict = if history || bound_kept_by(figure, number, own, when) {
                // "The Times reported that deaths exceeded 64": another
                // source's count used as a bound that the named source's own
                // count keeps is a comparison, not a misattribution.
                Verdict::Consistent
            } else {
                Verdict::WrongSource(i)
            };
        }
    }
    if history && matches!(verdict, Verdict::Stale(_) | Verdict::WrongYear(_)) {
        verdict = Verdict::Consistent;
    }
    Some(verdict)
}

/// For a count of part of `year` given as it stands: the value for the
/// whole year that is current when the claim is judged, once the year has
/// ended. A count for part of a year is not judged while the year runs;
/// after it, the whole year's count makes it outdated.
fn whole_year(figure: &Figure, year: i32, when: When) -> Option<usize> {
    if when.draft <= crate::date::Date::year(year).last_day() {
        return None;
    }
    (0..figure.allowed.len()).find(|&i| {
        figure.allowed[i].year == Some(year) && when.standing(figure, i) == Standing::Current
    })
}

/// Whether the number is a one-sided bound ("more than 64", "fewer than
/// 400") that a current value of the source `own` keeps, however far beyond it.
fn bound_kept_by(figure: &Figure, number: &Number, own: Option<usize>, when: When) -> bool {
    let Some(direction) = number.qualifier.map(|q| q.direction()) else {
        return false;
    };
    figure
        .allowed
        .iter()
        .enumerate()
        .filter(|(i, v)| {
            own.is_some() && v.source_id == own && when.standing(figure, *i) == Standing::Current
        })
        .any(|(_, v)| match direction {
            Direction::AtLeast => v.max >= number.low,
            Direction::AtMost => v.min <= number.high,
            Direction::Approximately => false,
        })
}

/// The first allowed value, of any source or year, known at the claim's date,
/// that the number meets as written or within its qualifier's reach.
fn first_fitting(figure: &Figure, number: &Number, when: When) -> Option<usize> {
    let intervals = [
        number.written_interval(),
        number.qualified_interval(figure.qualifier_slack),
    ];
    intervals.into_iter().find_map(|claim| {
        figure.allowed.iter().enumerate().position(|(i, v)| {
            when.standing(figure, i) != Standing::NotYet
                && meets(claim, v.interval(figure.tolerance))
        })
    })
}

/// Findings for all claims in one text, sorted by position.
/// `draft` is the day the draft speaks from (see [`crate::date::draft`]).
///
/// Only claims of tier `lowest` or above are judged. A firm claim's finding
/// has the figure's severity and may carry a fix; a likely or weak one's is
/// a warning at most that says figcheck is not sure, with no fix.
pub fn check(
    text: &str,
    numbers: &[Number],
    claims: &[Claim],
    figures: &[Figure],
    draft: Day,
    lowest: Tier,
    locale: Locale,
) -> Vec<Finding> {
    // Derived figures take the values their inputs have at the draft's date;
    // the figures are copied for that only when a claim is about one.
    let dated = claims
        .iter()
        .any(|c| figures[c.figure].formula.is_some())
        .then(|| crate::rules::derived::figures_at(figures, draft))
        .flatten();
    let figures = dated.as_deref().unwrap_or(figures);
    let mut findings = Vec::new();
    let mut judged = Vec::with_capacity(claims.len());
    let mut statements = Vec::with_capacity(claims.len());
    for claim in claims.iter().filter(|c| c.tier >= lowest) {
        let figure = &figures[claim.figure];
        let number = &numbers[claim.number];
        let Some((verdict, when)) = judge_claim(figure, number, claim, draft) else {
            continue;
        };
        let context = Context {
            text,
            figure,
            figure_index: claim.figure,
            number,
            claim,
            when,
            locale,
        };
        let found = match verdict {
            Verdict::Consistent => None,
            Verdict::Mismatch => Some(mismatch::finding(&context)),
            Verdict::TooEarly(i) => Some(mismatch::too_early(&context, i)),
            Verdict::Stale(i) => Some(stale::finding(&context, i)),
            Verdict::PartOfEndedYear(i) => Some(stale::part_of_ended_year(&context, i)),
            Verdict::WrongYear(i) => Some(wrong_year::finding(&context, &figure.allowed[i])),
            Verdict::WrongSource(i) => Some(wrong_source::finding(&context, &figure.allowed[i])),
        };
        if let Some(mut finding) = found {
            if claim.tier == Tier::Firm {
                finding.fix = fix_for(&context, finding.code, verdict);
            } else {
                unsure(&mut finding, figure, claim, locale);
            }
            findings.push(finding);
        }
        // Only statements of the figure as it stands are compared with each
        // other: a value the sentence frames as history is meant to differ.
        if claim.modality == Modality::Assertion {
            judged.push(verdict);
            statements.push(claim);
        }
    }
    findings.extend(inconsistent::findings(
        text,
        numbers,
        &statements,
        &judged,
        figures,
        draft,
        locale,
    ));
    Finding::sort(&mut findings);
    findings
}

/// Makes the finding about a claim that is not firm a warning at most, and
/// says why: its value, where that meets none of the figure's values (it may
/// count something else), or else its sentence.
fn unsure(finding: &mut Finding, figure: &Figure, claim: &Claim, locale: Locale) {
    use crate::attribute::tier::ValueFit;
    finding.severity = finding.severity.min(Severity::Warning);
    let (help, figure) = (finding.help.clone(), &figure.id);
    finding.help = match claim.evidence.value {
        ValueFit::Qualified | ValueFit::Bare => {
            tr!(locale, "help-unsure-value", help = help, figure = figure)
        }
        ValueFit::Meets | ValueFit::Slip => {
            tr!(locale, "help-unsure", help = help, figure = figure)
        }
    };
}

/// The fix for a finding: the number replaced by the value its help line
/// gives first (the value current at the claim's date; for a wrong year, the
/// value of the year the sentence names; for a wrong source, that source's
/// current value).
fn fix_for(context: &Context, code: Code, verdict: Verdict) -> Option<crate::fix::Fix> {
    let figure = context.figure;
    let day = context.when.day_of(figure);
    let index = match verdict {
        // The sentence counts part of the year: the whole year's count in its
        // place would make it wrong.
        Verdict::PartOfEndedYear(_) => return None,
        Verdict::WrongYear(_) => {
            let year = context.claim.year?.year;
            figure.allowed.iter().position(|v| v.year == Some(year))?
        }
        Verdict::WrongSource(_) => {
            let source = context.claim.source?;
            (0..figure.allowed.len()).find(|&i| {
                figure.allowed[i].source_id == Some(source)
                    && figure.standing(i, day) == Standing::Current
            })?
        }
        _ => figure.current_at(day)?,
    };
    crate::fix::for_claim(
        context.text,
        context.number,
        figure.unit,
        code,
        &figure.allowed[index],
        context.locale,
    )
}

/// What a finding about one claim is built from.
pub struct Context<'a> {
    pub text: &'a str,
    pub figure: &'a Figure,
    pub figure_index: usize,
    pub number: &'a Number,
    pub claim: &'a Claim,
    pub when: When,
    /// How the draft is written: its findings are written so.
    pub locale: Locale,
}

impl Context<'_> {
    fn found_text(&self) -> &str {
        &self.text[self.number.span.clone()]
    }

    /// A finding with the usual labels: the number, the subject, and the tied year.
    fn finding(&self, code: Code, severity: Severity, message: String, help: String) -> Finding {
        let mut labels = vec![
            Label {
                span: self.number.span.clone(),
                text: tr!(self.locale, "label-found", found = self.found_text()),
            },
            Label {
                span: self.claim.subject.clone(),
                text: self.figure.id.clone(),
            },
        ];
        if let Some(TiedYear { year, start, end }) = self.claim.year {
            labels.push(Label {
                span: start..end,
                text: tr!(self.locale, "label-tied", year = year),
            });
        }
        // Where the value to use is published, when the rules say.
        let current = self
            .figure
            .current_at(self.when.day_of(self.figure))
            .unwrap_or(0);
        let help = match self.figure.allowed[current].url.as_ref().or(self
            .figure
            .canonical()
            .url
            .as_ref())
        {
            Some(url) => tr!(self.locale, "help-see", help = help, url = url),
            None => help,
        };
        Finding {
            code,
            severity,
            figure: Some(self.figure_index),
            span: self.number.span.clone(),
            found_text: self.found_text().to_string(),
            found: Some((self.number.low, self.number.high)),
            canonical: Some((self.figure.canonical().min, self.figure.canonical().max)),
            message,
            help,
            labels,
            fix: None,
        }
    }
}

#[cfg(test)]
mod tests;
