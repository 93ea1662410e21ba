//! How a figure's accepted values are described in messages and listings:
//! `367 (Cristosal, 2025-03)`, `105,000–109,000`, `85,000 or more`.

use std::fmt::Write as _;

use super::history::Standing;
use super::{AllowedValue, Figure, Unit};
use crate::date::Day;
use crate::value::format_value;

/// `use 367 (Cristosal, 2025-03); also accepted: 350 (WOLA), 261 (stale: early count)`:
/// the value current on `day` first, then the others known then, leaving out
/// values superseded by that day and values not yet reported.
pub fn use_instead(figure: &Figure, day: Day) -> String {
    let first = figure.current_at(day).unwrap_or(0);
    // The value to use with its note, the canonical one's too: "a lower
    // bound: arrests continue" is what a reporter needs to write it.
    let mut help = format!("use {}", noted(&figure.allowed[first], figure.unit, true));
    let others: Vec<String> = (0..figure.allowed.len())
        .filter(|&i| i != first)
        .filter(|&i| matches!(figure.standing(i, day), Standing::Current | Standing::Stale))
        .map(|i| describe(&figure.allowed[i], figure.unit))
        .collect();
    if !others.is_empty() {
        let _ = write!(help, "; also accepted: {}", others.join(", "));
    }
    help
}

/// One allowed value with its year and provenance: `1.9 for 2024 (Ministry, 2025-03)`.
/// A canonical value's note is left out (`figcheck explain` shows it apart).
pub fn describe(value: &AllowedValue, unit: Unit) -> String {
    noted(value, unit, false)
}

/// [`describe`], with the canonical value's note too when `canonical_note`.
fn noted(value: &AllowedValue, unit: Unit, canonical_note: bool) -> String {
    let mut out = describe_bare(value, unit);
    if let Some(year) = value.year {
        let _ = write!(out, " for {year}");
    }
    let mut notes: Vec<String> = Vec::new();
    if value.stale {
        notes.push(match &value.note {
            Some(note) => format!("stale: {note}"),
            None => "stale".into(),
        });
    } else if let Some(note) = value
        .note
        .as_ref()
        .filter(|_| canonical_note || !value.canonical)
    {
        notes.push(note.clone());
    }
    notes.extend(value.source.iter().cloned());
    notes.extend(value.as_of.map(|d| d.to_string()));
    if !notes.is_empty() {
        let _ = write!(out, " ({})", notes.join(", "));
    }
    out
}

/// The value or range alone: `367`, `105,000–109,000`, `85,000 or more`.
pub fn describe_bare(value: &AllowedValue, unit: Unit) -> String {
    let f = |v: f64| format_value(v, unit);
    match (value.min.is_finite(), value.max.is_finite()) {
        _ if value.min == value.max => f(value.min),
        (true, true) => format!("{}–{}", f(value.min), f(value.max)),
        (true, false) => format!("{} or more", f(value.min)),
        (false, true) => format!("up to {}", f(value.max)),
        (false, false) => "any value".into(),
    }
}
