//! `figcheck::inconsistent`: one draft gives one figure values that no single
//! allowed value covers.

use super::{describe, meets, Code, Finding, Label, Verdict, When};
use crate::attribute::Claim;
use crate::date::Day;
use crate::locale::Locale;
use crate::numbers::Number;
use crate::rules::history::Standing;
use crate::rules::{Figure, Severity};
use crate::tr;

pub const EXPLANATION: &str = "\
figcheck::inconsistent

What it means
  One draft states the same figure more than once, with values that no single
  accepted value covers: 261 deaths in custody in one paragraph, 367 in
  another. Claims tied to different years (38 in 2019, 1.9 in 2024) are
  compared only with claims about the same year, claims attributed to
  different sources (Cristosal counts 367; WOLA puts it at 350) only with
  claims of the same source, claims that name their own time (by March
  2024) only with claims about that time, and history (up from 261) not at
  all.

Why it matters
  Even when each number has a source, a reader who meets two of them in one
  story does not know which to believe.

Example
  At least 261 people have died in custody. [...] In all, 367 people have
  died in custody since 2022.

How to fix it
  Use one value throughout, or say in the text why the numbers differ (an
  earlier count, another source). Severity: warning.
  Not fixable automatically: which claim to change is the writer's call.
";

/// The figure, year, source and date whose claims are compared with each other.
type GroupKey = (usize, Option<i32>, Option<usize>, Option<Day>);

/// One finding per figure and year for which a draft's claims disagree.
pub fn findings(
    text: &str,
    numbers: &[Number],
    claims: &[&Claim],
    verdicts: &[Verdict],
    figures: &[Figure],
    draft: Day,
    locale: Locale,
) -> Vec<Finding> {
    // Claims are compared within one figure, one year and one source: two
    // sources' counts, each attributed to its own source, do not disagree.
    let mut groups: Vec<(GroupKey, Vec<&Claim>)> = Vec::new();
    for (&claim, verdict) in claims.iter().zip(verdicts) {
        // A claim that is wrong on its own is reported as such; repeating it here is noise.
        if matches!(
            verdict,
            Verdict::Mismatch
                | Verdict::WrongYear(_)
                | Verdict::WrongSource(_)
                | Verdict::TooEarly(_)
        ) {
            continue;
        }
        let year = claim.year.map(|y| y.year);
        // A claim that names its own time (by March 2024) is compared only with
        // claims about that time.
        let key = (
            claim.figure,
            year,
            claim.source,
            When::of(draft, claim).anchor,
        );
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(group) => group.1.push(claim),
            None => groups.push((key, vec![claim])),
        }
    }
    let mut out = Vec::new();
    for ((figure_index, year, _, anchor), mut group) in groups {
        let figure = &figures[figure_index];
        let when = When { draft, anchor };
        group.sort_by_key(|c| numbers[c.number].span.start);
        // Values reported only after the claims' date cover nothing.
        let year_fits = |i: usize| {
            let v = &figure.allowed[i];
            when.standing(figure, i) != Standing::NotYet
                && (v.year.is_none() || year.is_none() || v.year == year)
        };
        // Each claim is read as `judge` reads it: as written when that fits some
        // value, so `at least 261` stands for 261, not for anything above it.
        let claimed: Vec<(f64, f64)> = group
            .iter()
            .map(|c| {
                let n = &numbers[c.number];
                let written = n.written_interval();
                let fits_as_written = (0..figure.allowed.len()).any(|i| {
                    year_fits(i) && meets(written, figure.allowed[i].interval(figure.tolerance))
                });
                if fits_as_written {
                    written
                } else {
                    n.qualified_interval(figure.qualifier_slack)
                }
            })
            .collect();
        let covers = |i: usize| {
            let interval = figure.allowed[i].interval(figure.tolerance);
            year_fits(i) && claimed.iter().all(|c| meets(*c, interval))
        };
        let distinct: Vec<&str> = {
            let mut seen: Vec<&str> = Vec::new();
            for c in &group {
                let t = &text[numbers[c.number].span.clone()];
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
            seen
        };
        if distinct.len() < 2 || (0..figure.allowed.len()).any(covers) {
            continue;
        }
        let first = &numbers[group[0].number];
        let labels = group
            .iter()
            .map(|c| Label {
                span: numbers[c.number].span.clone(),
                text: tr!(
                    locale,
                    "label-here",
                    found = &text[numbers[c.number].span.clone()]
                ),
            })
            .collect();
        out.push(Finding {
            code: Code::Inconsistent,
            severity: figure.severity.min(Severity::Warning),
            figure: Some(figure_index),
            span: first.span.clone(),
            found_text: text[first.span.clone()].to_string(),
            found: Some((first.low, first.high)),
            canonical: Some((figure.canonical().min, figure.canonical().max)),
            message: tr!(
                locale,
                "inconsistent",
                figure = figure.name,
                values = crate::locale::and_list(locale, &distinct)
            ),
            help: tr!(
                locale,
                "inconsistent-help",
                value = describe(
                    &figure.allowed[figure.current_at(when.day_of(figure)).unwrap_or(0)],
                    figure.unit,
                    locale
                )
            ),
            labels,
            fix: None,
        });
    }
    out
}
