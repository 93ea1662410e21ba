//! `figcheck coverage`: which figures the drafts mention, and which numbers
//! look like a figure's value although no subject phrase claimed them. A
//! figure no draft mentions may have subject phrases that miss how reporters
//! write about it; a near-miss shows the sentence that did.

use std::ops::Range;

use crate::attribute::fits;
use crate::finding::Finding;
use crate::numbers::Number;
use crate::rules::{Figure, Rules};
use crate::Analysis;

/// What the drafts say about one figure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FigureCoverage {
    /// Drafts with at least one claim about the figure.
    pub drafts: usize,
    pub claims: usize,
    pub findings: usize,
}

/// A number no subject phrase claimed, whose kind fits a figure's unit and
/// whose value is one of the figure's values as written.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    /// Index of the figure in the rules.
    pub figure: usize,
    /// The number as written, a byte range of the draft.
    pub span: Range<usize>,
    /// The sentence around it, a byte range of the draft.
    pub sentence: Range<usize>,
}

/// Coverage over a run: one entry per figure, in the rules' order.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub figures: Vec<FigureCoverage>,
    /// Drafts read.
    pub drafts: usize,
}

impl Coverage {
    pub fn new(rules: &Rules) -> Coverage {
        Coverage {
            figures: vec![FigureCoverage::default(); rules.figures.len()],
            drafts: 0,
        }
    }

    /// Counts one draft's claims and findings.
    pub fn add(&mut self, analysis: &Analysis, findings: &[Finding]) {
        self.drafts += 1;
        let mut mentioned = vec![false; self.figures.len()];
        for claim in &analysis.claims {
            self.figures[claim.figure].claims += 1;
            mentioned[claim.figure] = true;
        }
        for (figure, seen) in self.figures.iter_mut().zip(mentioned) {
            figure.drafts += usize::from(seen);
        }
        for finding in findings {
            if let Some(figure) = finding.figure {
                self.figures[figure].findings += 1;
            }
        }
    }

    /// The figures no draft mentions, by index.
    pub fn unmentioned(&self) -> Vec<usize> {
        (0..self.figures.len())
            .filter(|&i| self.figures[i].claims == 0)
            .collect()
    }
}

/// The near-misses in one draft, in the order of the text: each unclaimed
/// number that matches a value of a figure, once per figure.
pub fn near_misses(rules: &Rules, analysis: &Analysis, text: &str) -> Vec<NearMiss> {
    let claimed: Vec<usize> = analysis.claims.iter().map(|c| c.number).collect();
    let mut misses = Vec::new();
    let mut sentences: Option<Vec<Range<usize>>> = None;
    for (i, number) in analysis.numbers.iter().enumerate() {
        if claimed.contains(&i) || number.small_word {
            continue;
        }
        for (f, figure) in rules.figures.iter().enumerate() {
            if !fits(figure, number, false) || !matches_a_value(figure, number) {
                continue;
            }
            let lang = analysis.lang.map_or(crate::lang::Lang::En, |l| l.lang);
            let sentences = sentences.get_or_insert_with(|| crate::text::sentences(text, lang));
            let sentence = sentences
                .iter()
                .find(|s| s.start <= number.span.start && number.span.end <= s.end)
                .cloned()
                .unwrap_or_else(|| crate::text::line_around(text, number.span.start));
            misses.push(NearMiss {
                figure: f,
                span: number.span.clone(),
                sentence,
            });
        }
    }
    misses
}

/// Ranges narrower than this share of their upper end (a computed share,
/// a rounding interval) match any number inside them; wider ones only at
/// their ends.
const NARROW_RANGE: f64 = 0.05;

/// Whether the number, as written, is one of the figure's values: a point
/// value (with the figure's tolerance), a number inside a narrow range, or
/// an end of a wide or open one. Inside a wide range (`238` to `261`) or
/// above an open one (`{ min = 85000 }`) lie too many numbers about other
/// things to call each a near-miss.
fn matches_a_value(figure: &Figure, number: &Number) -> bool {
    let (low, high) = number.written_interval();
    let touches = |bound: f64| bound.is_finite() && low <= bound && bound <= high;
    figure.allowed.iter().any(|value| {
        let (min, max) = value.interval(figure.tolerance);
        if !min.is_finite() && !max.is_finite() {
            return false;
        }
        let narrow = min.is_finite()
            && max.is_finite()
            && value.max - value.min <= value.max.abs() * NARROW_RANGE;
        if narrow {
            return low <= max && min <= high;
        }
        touches(value.min) || touches(value.max)
    })
}
