//! The values of derived figures (`formula = "…"`), computed from the values
//! their inputs accept on a given day.

use super::history::Standing;
use std::collections::HashSet;
use std::ops::Range;

use super::{did_you_mean, AllowedValue, Figure, RulesDiagnostic};
use crate::date::{Date, Day};
use crate::formula::{Dimension, Expr, FormulaError, Interval};
use crate::numbers::WRITTEN_REACH;
use crate::value::Unit;

/// A figure's formula, as written and as parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub text: String,
    pub expr: Expr,
}

/// Why a figure's value cannot be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum DeriveError {
    /// The formula names no figure of the rules.
    Unknown(String, std::ops::Range<usize>),
    /// The formula leads back to the figure itself, by these ids.
    Cycle(Vec<String>),
    /// A division by an interval that holds zero, or another arithmetic fault.
    Arithmetic(FormulaError),
    /// An input has no current value on the day.
    NoValue(String),
}

/// The interval figure `index` stands for on `day`: the hull of its current
/// values, widened by its tolerance, or what its formula computes from its
/// inputs. An open end (`{ min = 85000 }`) reaches as far as "more than
/// 85,000" does in the draft's own arithmetic ([`WRITTEN_REACH`]): a share
/// computed from "at least 85,000 arrests" is a share of a little above
/// 85,000, not of anything up to the 20% a claim of the count may reach.
pub fn interval_at(figures: &[Figure], index: usize, day: Day) -> Result<Interval, DeriveError> {
    let mut path = Vec::new();
    interval_in(figures, index, day, &mut path)
}

fn interval_in(
    figures: &[Figure],
    index: usize,
    day: Day,
    path: &mut Vec<usize>,
) -> Result<Interval, DeriveError> {
    let figure = &figures[index];
    if let Some(start) = path.iter().position(|&i| i == index) {
        let mut ids: Vec<String> = path[start..]
            .iter()
            .map(|&i| figures[i].id.clone())
            .collect();
        ids.push(figure.id.clone());
        return Err(DeriveError::Cycle(ids));
    }
    let Some(formula) = &figure.formula else {
        return stated(figure, day);
    };
    path.push(index);
    let mut inputs = Vec::new();
    for (id, span) in formula.expr.figures() {
        let Some(i) = figures.iter().position(|f| f.id == id) else {
            return Err(DeriveError::Unknown(id.to_string(), span));
        };
        inputs.push((id.to_string(), interval_in(figures, i, day, path)?));
    }
    path.pop();
    let value = |id: &str| {
        inputs
            .iter()
            .find(|(name, _)| name == id)
            .map_or(Interval::point(f64::NAN), |(_, v)| *v)
    };
    let computed = formula
        .expr
        .evaluate(&value)
        .map_err(DeriveError::Arithmetic)?;
    Ok(widen(computed, figure))
}

/// The hull of a figure's current values on `day`.
fn stated(figure: &Figure, day: Day) -> Result<Interval, DeriveError> {
    let slack = WRITTEN_REACH;
    let mut hull: Option<Interval> = None;
    for (i, value) in figure.allowed.iter().enumerate() {
        if figure.standing(i, day) != Standing::Current {
            continue;
        }
        let (mut low, mut high) = value.interval(figure.tolerance);
        if !high.is_finite() {
            high = low * (1.0 + slack);
        }
        if !low.is_finite() {
            low = high * (1.0 - slack);
        }
        hull = Some(match hull {
            None => Interval::new(low, high),
            Some(h) => Interval::new(h.low.min(low), h.high.max(high)),
        });
    }
    hull.ok_or_else(|| DeriveError::NoValue(figure.id.clone()))
}

fn widen(i: Interval, figure: &Figure) -> Interval {
    match figure.tolerance {
        None => i,
        Some(t) => {
            let (low, high) = AllowedValue::computed(i.low, i.high).interval(Some(t));
            Interval::new(low, high)
        }
    }
}

/// The figures as they stand on `day`: each derived figure's canonical value
/// recomputed from its inputs' values of that day. `None` when no figure is
/// derived; a derived figure that cannot be computed that day keeps no value
/// (and so judges nothing).
pub fn figures_at(figures: &[Figure], day: Day) -> Option<Vec<Figure>> {
    if figures.iter().all(|f| f.formula.is_none()) {
        return None;
    }
    let mut out = figures.to_vec();
    for (i, figure) in out.iter_mut().enumerate() {
        if figure.formula.is_none() {
            continue;
        }
        match interval_at(figures, i, day) {
            Ok(interval) => {
                let interval = outward(interval);
                figure.allowed[0].min = interval.low;
                figure.allowed[0].max = interval.high;
            }
            // Nothing is known of the figure that day: its value is "not yet
            // reported", so claims about it are not judged.
            Err(_) => figure.allowed[0].as_of = Some(crate::date::Date::year(9999)),
        }
    }
    Some(out)
}

/// How a derived figure's value was computed, for `figcheck rules` and
/// `explain`: `state-of-exception-arrests (85,000–102,000) ÷ population (6.3 million) × 100`.
pub fn explain(figures: &[Figure], index: usize, day: Day) -> Option<String> {
    let formula = figures[index].formula.as_ref()?;
    Some(formula.expr.written_with(&|id| {
        let value = match figures.iter().position(|f| f.id == id) {
            Some(i) => match interval_at(figures, i, day) {
                Ok(v) if figures[i].formula.is_some() => describe(outward(v), &figures[i]),
                Ok(v) => describe(v, &figures[i]),
                Err(_) => "no current value".into(),
            },
            None => "no such figure".into(),
        };
        format!("{id} ({value})")
    }))
}

/// An interval as the figure's unit writes it: `6.3 million`, `1.28%–1.42%`.
pub fn describe(i: Interval, figure: &Figure) -> String {
    super::describe::describe_bare(
        &AllowedValue::computed(i.low, i.high),
        figure.unit,
        crate::locale::Locale::ENGLISH,
    )
}

/// A computed interval rounded outward to three significant digits, as the
/// rules show it and claims are judged against it: 1.3492–1.6190 → 1.34–1.62.
pub fn outward(i: Interval) -> Interval {
    let at = |v: f64, up: bool| {
        if v == 0.0 || !v.is_finite() {
            return v;
        }
        let digits = 3 - (v.abs().log10().floor() as i32) - 1;
        let scale = 10f64.powi(digits);
        let scaled = v * scale;
        // Guard against 1.35 * 100 = 134.99999…
        let scaled = if (scaled - scaled.round()).abs() < 1e-9 {
            scaled.round()
        } else {
            scaled
        };
        (if up { scaled.ceil() } else { scaled.floor() }) / scale
    };
    Interval::new(at(i.low, false), at(i.high, true))
}
/// Checks every formula (ids, cycles, units, division) and computes each
/// derived figure's value as of today; returns every error, each labelled on
/// its formula. `broken` are the ids of figures the rules name but that could
/// not be read: a formula that uses one is left alone (its error is that
/// figure's own), and so is a formula that uses a figure with an error here.
pub(super) fn derive_all(
    figures: &mut [Figure],
    spans: &[(usize, Range<usize>)],
    broken: &HashSet<String>,
    new: &dyn Fn(&'static str, String) -> RulesDiagnostic,
) -> Vec<RulesDiagnostic> {
    // Inside the formula's quotes.
    let at = |span: &Range<usize>, part: &Range<usize>| {
        span.start + 1 + part.start..span.start + 1 + part.end
    };
    let mut errors = Vec::new();
    // Figures whose value cannot be computed: their dependents are left alone.
    let mut failed: HashSet<String> = broken.clone();
    let ids: Vec<String> = figures.iter().map(|f| f.id.clone()).collect();
    let mut checked = Vec::new();
    for (index, span) in spans {
        let figure = &figures[*index];
        let formula = figure.formula.as_ref().expect("a formula figure");
        let mut readable = true;
        for (id, part) in formula.expr.figures() {
            if broken.contains(id) {
                readable = false;
            } else if !ids.iter().any(|known| known == id) {
                let names: Vec<&str> = ids.iter().map(String::as_str).collect();
                let help = match did_you_mean(id, &names) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => "a formula names figures by their id".to_string(),
                };
                errors.push(
                    new(
                        "figcheck::rules::unknown-figure",
                        format!(
                            "the formula of `{}` names `{id}`, which is no figure",
                            figure.id
                        ),
                    )
                    .label(at(span, &part), "no figure has this id")
                    .help(help),
                );
                readable = false;
            }
        }
        if !readable {
            failed.insert(figure.id.clone());
            continue;
        }
        let unit = |id: &str| {
            figures
                .iter()
                .find(|f| f.id == id)
                .map_or(Unit::Count, |f| f.unit)
        };
        let error = match formula.expr.dimension(&unit) {
            Err(e) => Some(
                new(
                    "figcheck::rules::formula-unit",
                    format!("the formula of `{}` {}", figure.id, e.message),
                )
                .label(at(span, &e.at), "here")
                .help("only like quantities add up; a count over a count is a percent or a rate"),
            ),
            Ok(dimension) if !dimension.gives(figure.unit) => Some(
                new(
                    "figcheck::rules::formula-unit",
                    format!(
                        "the formula of `{}` cannot give a {}",
                        figure.id,
                        figure.unit.as_str()
                    ),
                )
                .label(
                    span.clone(),
                    format!("this gives {}", dimension_name(dimension)),
                )
                .help(format!(
                    "a {} figure needs {}",
                    figure.unit.as_str(),
                    Dimension::needed(figure.unit)
                )),
            ),
            Ok(_) => None,
        };
        match error {
            Some(e) => {
                errors.push(e);
                failed.insert(figure.id.clone());
            }
            None => checked.push((*index, span.clone())),
        }
    }
    let today = Date::today().last_day();
    let mut cycles: Vec<Vec<String>> = Vec::new();
    for (index, span) in checked {
        let uses_failed = figures[index]
            .formula
            .as_ref()
            .is_some_and(|f| depends_on(figures, f, &failed));
        if uses_failed {
            continue;
        }
        match interval_at(figures, index, today) {
            Ok(interval) => {
                let interval = outward(interval);
                figures[index].allowed[0].min = interval.low;
                figures[index].allowed[0].max = interval.high;
            }
            Err(DeriveError::Cycle(ids)) => {
                // One error for each cycle, on the first figure in it.
                let mut members = ids.clone();
                members.sort();
                members.dedup();
                if !cycles.contains(&members) {
                    cycles.push(members);
                    errors.push(
                        new(
                            "figcheck::rules::formula-cycle",
                            format!(
                                "the formula of `{}` depends on itself: {}",
                                figures[index].id,
                                ids.join(" → ")
                            ),
                        )
                        .label(span.clone(), "leads back to this figure")
                        .help("a derived figure may use other derived figures, but never itself"),
                    );
                }
            }
            Err(DeriveError::Arithmetic(e)) => errors.push(
                new(
                    "figcheck::rules::formula-division",
                    format!("the formula of `{}` {}", figures[index].id, e.message),
                )
                .label(at(&span, &e.at), "divides by an interval that holds zero")
                .help(
                    "divide only by a figure whose accepted values are all above (or all below) zero",
                ),
            ),
            Err(DeriveError::NoValue(input)) => errors.push(
                new(
                    "figcheck::rules::formula-value",
                    format!(
                        "the formula of `{}` uses `{input}`, which has no current value",
                        figures[index].id
                    ),
                )
                .label(span.clone(), "cannot be computed today")
                .help(format!("give `{input}` a value that is not stale")),
            ),
            Err(DeriveError::Unknown(id, _)) => {
                unreachable!("`{id}` was checked above to name a figure")
            }
        }
    }
    errors
}

/// Whether `formula` uses, directly or through other derived figures, a
/// figure in `failed`.
fn depends_on(figures: &[Figure], formula: &Formula, failed: &HashSet<String>) -> bool {
    let mut stack: Vec<&Formula> = vec![formula];
    let mut seen: HashSet<&str> = HashSet::new();
    while let Some(f) = stack.pop() {
        for (id, _) in f.expr.figures() {
            if failed.contains(id) {
                return true;
            }
            if !seen.insert(id) {
                continue;
            }
            if let Some(inner) = figures
                .iter()
                .find(|g| g.id == id)
                .and_then(|g| g.formula.as_ref())
            {
                stack.push(inner);
            }
        }
    }
    false
}

fn dimension_name(d: Dimension) -> &'static str {
    match d {
        Dimension::Scalar => "a bare number",
        Dimension::Count => "a count",
        Dimension::Money => "an amount of money",
        Dimension::Ratio => "a ratio (a percent or a rate)",
    }
}
