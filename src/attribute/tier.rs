//! How sure figcheck is that a number is a claim about the figure it was
//! attributed to, and what follows from it.
//!
//! Attribution first finds the number a subject phrase claims (the tests in
//! [`super::evidence`]); the claim's evidence is then weighed: framing cues
//! that speak of the number (a day, a part, a period bounded by an event, a
//! running total), and what is recorded but not weighed yet (how far the
//! number lies from the figure's values, how it stands to its subject). The
//! weights are data, fitted on labelled articles by `bench/fit_weights.py`
//! and kept in `weights.toml` beside this file; the score is the fitted
//! probability that a finding about the claim is right, and its tier
//! ([`Tier`]) decides what that finding may be (see [`crate::check`]).
//!
//! The tiers' thresholds are chosen on stories held out from the fit: firm
//! where held-out findings were at least 97% right, likely where at least
//! 80% were. The shipped weights meet neither yet; `weights.toml` records
//! what they did meet, and what the thresholds fell back to.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::numbers::Number;
use crate::rules::{meets, Figure};

pub use crate::confidence::Tier;

/// What is weighed about one claim.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Evidence {
    /// How far the number lies from the nearest value the rules accept for
    /// the figure (any year, stale ones too), as the natural logarithm of
    /// their ratio: 0 inside an accepted range, 0.69 at twice or half,
    /// capped at 3 (twenty times).
    pub value_off: f64,
    /// Whether the value meets one of the figure's values, is a slip of
    /// one, or meets none: not weighed, it caps the tier ([`ValueFit::cap`]).
    pub value: ValueFit,
    /// Words between the number and the subject phrase.
    pub words_between: usize,
    /// The claim's clause names a time shorter than figures are kept for
    /// (`yesterday`, `on Sunday`, `in a single day`, `ayer`), and the number
    /// is not where a total rose to: there the day dates the total ("rose
    /// to 223 on Friday") rather than bounding a count ("408 crossed on
    /// Friday").
    pub narrow_time: bool,
    /// Punctuation marks (`, ; : ( ) — –`) between the number and the
    /// subject phrase.
    pub marks_between: usize,
    /// The number stands before the subject phrase ("367 deaths in
    /// custody"), rather than after it ("deaths in custody rose to 367").
    pub number_first: bool,
    /// The clause takes a part out of a whole: `alone`, `including`, `of
    /// them`, `on average`; `solo en`, `de los cuales`.
    pub part: bool,
    /// The clause bounds a period by an event or a person: `since Starmer
    /// took office`, `under Sunak`, `between July 5 and December 31`.
    pub period: bool,
    /// The clause speaks of a running total: `so far`, `rose to`, `stands
    /// at`, `confirmed`; `hasta el momento`, `un total de`.
    pub running_total: bool,
    /// The subject is not in the sentence: it opens by pointing back at the
    /// figure the sentence before named ("The figure …").
    pub referred: bool,
    /// The subject matched with a word of the same family in place of one
    /// of the desk's ("deaths in custody" for "died in custody"): such a
    /// claim is at most likely.
    pub family: bool,
    /// The number is the earlier value of a change ("up from 261", "from 38 to").
    pub earlier: bool,
    /// The sentence ties the number to a year or its clause names a date.
    pub dated: bool,
    /// Other numbers in the clause that could be a value of the figure.
    pub rivals: usize,
}

/// The most `value_off` counts: beyond twenty times, farther says no more.
const VALUE_OFF_CAP: f64 = 3.0;

impl Evidence {
    /// The evidence of a claim that a row of a table or an item of a list
    /// makes: no framing cue, the number right beside its heading.
    pub fn in_a_row(number: &Number, figure: &Figure) -> Evidence {
        Evidence {
            value_off: Evidence::value_off(number, figure),
            value: ValueFit::of(number, figure),
            words_between: 0,
            narrow_time: false,
            marks_between: 0,
            number_first: false,
            part: false,
            period: false,
            running_total: false,
            referred: false,
            family: false,
            earlier: false,
            dated: false,
            rivals: 0,
        }
    }

    /// How far `number` lies from every value `figure` accepts.
    pub fn value_off(number: &Number, figure: &Figure) -> f64 {
        figure
            .allowed
            .iter()
            .map(|v| log_distance(number.low, number.high, v.min, v.max))
            .fold(VALUE_OFF_CAP, f64::min)
    }
}

/// What the number's value says of the claim. A number that meets one of
/// the figure's values (any year or source, stale ones too, within its
/// qualifier's reach), or that is a slip of one ([`is_slip_of`]), tells that
/// the figure is what it speaks of; one that meets none may as well count
/// another quantity under the figure's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueFit {
    /// It meets one of the figure's values.
    Meets,
    /// It is a typing slip of one.
    Slip,
    /// It meets none, and is qualified as running counts are ("at least
    /// 78", "más de 1.000").
    Qualified,
    /// It meets none, written bare.
    Bare,
}

impl ValueFit {
    pub fn of(number: &Number, figure: &Figure) -> ValueFit {
        let claim = number.qualified_interval(figure.qualifier_slack);
        let met = figure
            .allowed
            .iter()
            .any(|v| meets(claim, v.interval(figure.tolerance)));
        // A slip of a value, or of either end of a range ("over 85,000").
        let slip = || {
            !number.is_range
                && figure
                    .allowed
                    .iter()
                    .any(|v| is_slip_of(number.low, v.min) || is_slip_of(number.low, v.max))
        };
        if met {
            ValueFit::Meets
        } else if slip() {
            ValueFit::Slip
        } else if number.qualifier.is_some() {
            ValueFit::Qualified
        } else {
            ValueFit::Bare
        }
    }

    /// The highest tier the value allows: firm where it meets a value or is
    /// a slip of one, likely where it is qualified, weak where bare.
    pub fn cap(self) -> Tier {
        match self {
            ValueFit::Meets | ValueFit::Slip => Tier::Firm,
            ValueFit::Qualified => Tier::Likely,
            ValueFit::Bare => Tier::Weak,
        }
    }
}

/// Whether `found` is a typing slip of `value`, both whole numbers of at
/// least three digits: two neighbouring digits swapped (58,000 for 85,000),
/// a zero too many or too few (4,000 for 40,000), or, from four digits up,
/// one digit changed (1,833 for 1,883). (With three digits one changed digit
/// is no sign: 300 and 360 are one from 350, and a third of all three-digit
/// numbers are one digit from one of ten values.)
pub fn is_slip_of(found: f64, value: f64) -> bool {
    let whole = |x: f64| x.fract() == 0.0 && (100.0..1e15).contains(&x);
    if !whole(found) || !whole(value) || found == value {
        return false;
    }
    let (a, b) = (format!("{found:.0}"), format!("{value:.0}"));
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let ratio = found.max(value) / found.min(value);
    if [10.0, 100.0, 1000.0].contains(&ratio) {
        return true;
    }
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match differ[..] {
        [_] => a.len() >= 4,
        [i, j] => j == i + 1 && a[i] == b[j] && a[j] == b[i],
        _ => false,
    }
}

/// The distance between the intervals `[low, high]` and `[min, max]` as the
/// logarithm of the ratio of their nearest ends; 0 when they overlap.
fn log_distance(low: f64, high: f64, min: f64, max: f64) -> f64 {
    if meets((low, high), (min, max)) {
        return 0.0;
    }
    let (small, large) = if high < min { (high, min) } else { (max, low) };
    if small > 0.0 && large.is_finite() {
        (large / small).ln().min(VALUE_OFF_CAP)
    } else {
        VALUE_OFF_CAP
    }
}

/// The fitted weights and the tiers' thresholds, from `weights.toml`. A
/// piece of evidence the fit does not weigh is left out there: weight 0.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    #[serde(default)]
    pub bias: f64,
    #[serde(default)]
    pub value_off: f64,
    #[serde(default)]
    pub words_between: f64,
    #[serde(default)]
    pub narrow_time: f64,
    #[serde(default)]
    pub marks_between: f64,
    #[serde(default)]
    pub number_first: f64,
    #[serde(default)]
    pub part: f64,
    #[serde(default)]
    pub period: f64,
    #[serde(default)]
    pub running_total: f64,
    #[serde(default)]
    pub referred: f64,
    #[serde(default)]
    pub family: f64,
    #[serde(default)]
    pub earlier: f64,
    #[serde(default)]
    pub dated: f64,
    #[serde(default)]
    pub rivals: f64,
    /// The least probability of a firm claim.
    pub firm: f64,
    /// The least probability of a likely one.
    pub likely: f64,
}

/// The weights figcheck ships.
pub static WEIGHTS: LazyLock<Weights> =
    LazyLock::new(|| toml::from_str(include_str!("weights.toml")).expect("weights.toml is valid"));

/// One piece of evidence about a claim, by name (the fields of
/// [`Evidence`]): what [`Weights::weighed`] says moved a claim's score, and
/// what `figcheck numbers` and the editor's hover explain (`cue-…` in the
/// message files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    ValueOff,
    WordsBetween,
    NarrowTime,
    MarksBetween,
    NumberFirst,
    Part,
    Period,
    RunningTotal,
    Referred,
    Family,
    Earlier,
    Dated,
    Rivals,
}

impl Weights {
    /// Each piece of evidence with its term in the score's log-odds: its
    /// weight times how much of it the claim has.
    fn terms(&self, e: &Evidence) -> [(Cue, f64); 13] {
        let flag = |b: bool| f64::from(u8::from(b));
        [
            (Cue::ValueOff, self.value_off * e.value_off),
            (
                Cue::WordsBetween,
                self.words_between * e.words_between as f64,
            ),
            (Cue::NarrowTime, self.narrow_time * flag(e.narrow_time)),
            (
                Cue::MarksBetween,
                self.marks_between * e.marks_between as f64,
            ),
            (Cue::NumberFirst, self.number_first * flag(e.number_first)),
            (Cue::Part, self.part * flag(e.part)),
            (Cue::Period, self.period * flag(e.period)),
            (
                Cue::RunningTotal,
                self.running_total * flag(e.running_total),
            ),
            (Cue::Referred, self.referred * flag(e.referred)),
            (Cue::Family, self.family * flag(e.family)),
            (Cue::Earlier, self.earlier * flag(e.earlier)),
            (Cue::Dated, self.dated * flag(e.dated)),
            (Cue::Rivals, self.rivals * e.rivals as f64),
        ]
    }

    /// The probability that a claim with this evidence is right.
    pub fn score(&self, e: &Evidence) -> f64 {
        let x = self.bias + self.terms(e).iter().map(|(_, t)| t).sum::<f64>();
        1.0 / (1.0 + (-x).exp())
    }

    /// What moved this claim's score away from that of a claim with no
    /// evidence: each piece the claim has and the weights weigh, with its
    /// term, the largest first (ties in the order of [`Evidence`]'s fields).
    pub fn weighed(&self, e: &Evidence) -> Vec<(Cue, f64)> {
        let mut weighed: Vec<(Cue, f64)> = self
            .terms(e)
            .into_iter()
            .filter(|(_, t)| *t != 0.0)
            .collect();
        weighed.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        weighed
    }

    /// The claim's tier as its words give it: the one its score reaches, at
    /// most likely where its subject is a word of the same family rather
    /// than the desk's own. (Its value then caps it: [`ValueFit::cap`].)
    pub fn tier_of(&self, e: &Evidence) -> Tier {
        let mut tier = self.tier(self.score(e));
        if e.family {
            tier = tier.min(Tier::Likely);
        }
        tier
    }

    pub fn tier(&self, score: f64) -> Tier {
        if score >= self.firm {
            Tier::Firm
        } else if score >= self.likely {
            Tier::Likely
        } else {
            Tier::Weak
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_between_intervals_is_the_ratio_of_their_nearest_ends() {
        assert_eq!(log_distance(367.0, 367.0, 367.0, 367.0), 0.0);
        assert_eq!(
            log_distance(90_000.0, 90_000.0, 85_000.0, f64::INFINITY),
            0.0
        );
        assert!((log_distance(734.0, 734.0, 367.0, 367.0) - 2f64.ln()).abs() < 1e-9);
        assert!((log_distance(183.5, 183.5, 367.0, 367.0) - 2f64.ln()).abs() < 1e-9);
        // Below an open range: the ratio to its lower end.
        assert!(
            (log_distance(58_000.0, 58_000.0, 85_000.0, f64::INFINITY) - (85.0f64 / 58.0).ln())
                .abs()
                < 1e-9
        );
        // Zero, or a thousand times off: the cap.
        assert_eq!(log_distance(0.0, 0.0, 367.0, 367.0), VALUE_OFF_CAP);
        assert_eq!(
            log_distance(367_000.0, 367_000.0, 367.0, 367.0),
            VALUE_OFF_CAP
        );
    }

    #[test]
    fn a_slip_is_a_swap_a_changed_digit_or_a_power_of_ten() {
        assert!(is_slip_of(58_000.0, 85_000.0));
        assert!(is_slip_of(1_833.0, 1_883.0));
        assert!(is_slip_of(4_000.0, 40_000.0));
        assert!(is_slip_of(367.0, 36_700.0));
        // Must not fire: small numbers, the value itself, two digits apart,
        // a swap of digits that are not neighbours, other lengths.
        assert!(!is_slip_of(29.0, 92.0));
        assert!(!is_slip_of(367.0, 367.0));
        assert!(!is_slip_of(350.0, 367.0));
        assert!(!is_slip_of(360.0, 367.0));
        assert!(!is_slip_of(300.0, 350.0));
        assert!(!is_slip_of(763.0, 367.0));
        assert!(!is_slip_of(3_670.0, 367_000.5));
        assert!(!is_slip_of(1_000.0, 367.0));
        assert!(!is_slip_of(2.4, 4.2));
    }

    #[test]
    fn the_value_caps_the_tier() {
        let rules = crate::rules::Rules::parse(
            r#"
[[figure]]
id = "deaths"
name = "Deaths"
subjects = ["deaths"]
canonical = 367
allowed = [{ value = 261, stale = true }]
"#,
            std::path::Path::new("rules.toml"),
        )
        .unwrap();
        let figure = &rules.figures[0];
        let fit = |text: &str| {
            let numbers = crate::numbers::recognise(text, crate::lang::Lang::En);
            ValueFit::of(&numbers[0], figure)
        };
        assert_eq!(fit("261 deaths"), ValueFit::Meets);
        assert_eq!(fit("at least 360 deaths"), ValueFit::Meets);
        assert_eq!(fit("376 deaths"), ValueFit::Slip);
        assert_eq!(fit("at least 300 deaths"), ValueFit::Qualified);
        assert_eq!(fit("300 deaths"), ValueFit::Bare);
        assert_eq!(ValueFit::Slip.cap(), Tier::Firm);
        assert_eq!(ValueFit::Qualified.cap(), Tier::Likely);
        assert_eq!(ValueFit::Bare.cap(), Tier::Weak);
    }

    #[test]
    fn the_shipped_weights_load_and_order_the_tiers() {
        let w = &*WEIGHTS;
        // The likely tier may be empty (firm == likely), never inverted.
        assert!(
            w.firm >= w.likely && w.likely > 0.0 && w.firm <= 1.0,
            "{w:?}"
        );
        let near = Evidence {
            value_off: 0.0,
            value: ValueFit::Meets,
            words_between: 0,
            narrow_time: false,
            marks_between: 0,
            number_first: true,
            part: false,
            period: false,
            running_total: false,
            referred: false,
            family: false,
            earlier: false,
            dated: false,
            rivals: 0,
        };
        let far = Evidence {
            value_off: VALUE_OFF_CAP,
            words_between: 8,
            narrow_time: true,
            marks_between: 2,
            part: true,
            period: true,
            ..near
        };
        assert!(w.score(&near) > w.score(&far));
        assert!(w.tier(w.score(&near)) >= w.tier(w.score(&far)));
        // Each cue the fit weighs moves the score its way: a count of a day,
        // a part or a bounded period lowers it; a running total raises it.
        for lowered in [
            Evidence {
                narrow_time: true,
                ..near
            },
            Evidence { part: true, ..near },
            Evidence {
                period: true,
                ..near
            },
        ] {
            assert!(w.score(&lowered) < w.score(&near), "{lowered:?}");
        }
        let total = Evidence {
            running_total: true,
            narrow_time: true,
            ..near
        };
        assert!(
            w.score(&total)
                > w.score(&Evidence {
                    narrow_time: true,
                    ..near
                })
        );
        assert_eq!(w.tier(1.0), Tier::Firm);
        assert_eq!(w.tier(0.0), Tier::Weak);
    }

    #[test]
    fn weighed_names_what_moved_the_score_largest_first() {
        let w = Weights {
            bias: 1.0,
            value_off: 0.0,
            words_between: -0.5,
            narrow_time: -2.0,
            marks_between: 0.0,
            number_first: 0.0,
            part: -1.0,
            period: -3.0,
            running_total: 0.25,
            referred: 0.0,
            family: 0.0,
            earlier: 0.0,
            dated: 0.0,
            rivals: 0.0,
            firm: 0.9,
            likely: 0.5,
        };
        let e = Evidence {
            value_off: 1.0,
            value: ValueFit::Bare,
            words_between: 3,
            narrow_time: false,
            marks_between: 2,
            number_first: true,
            part: true,
            period: false,
            running_total: true,
            referred: false,
            family: false,
            earlier: false,
            dated: false,
            rivals: 0,
        };
        // Evidence the weights do not weigh (value_off, marks, number_first)
        // and weighed cues the claim lacks (narrow_time, period) are left out.
        assert_eq!(
            w.weighed(&e),
            vec![
                (Cue::WordsBetween, -1.5),
                (Cue::Part, -1.0),
                (Cue::RunningTotal, 0.25)
            ]
        );
        // The score is the bias and the same terms.
        let x: f64 = 1.0 - 1.5 - 1.0 + 0.25;
        assert!((w.score(&e) - 1.0 / (1.0 + (-x).exp())).abs() < 1e-12);
        let plain = Evidence {
            words_between: 0,
            part: false,
            running_total: false,
            ..e
        };
        assert!(w.weighed(&plain).is_empty());
    }
}
