//! How a figure's accepted values are described in messages and listings:
//! `367 (Cristosal, 2025-03)`, `105,000–109,000`, `85,000 or more`, in the
//! language of the draft a message is about (English in listings).

use super::history::Standing;
use super::{AllowedValue, Figure, Unit};
use crate::date::Day;
use crate::locale::Locale;
use crate::tr;

/// `use 367 (Cristosal, 2025-03); also accepted: 350 (WOLA), 261 (stale: early count)`:
/// the value current on `day` first, then the others known then, leaving out
/// values superseded by that day and values not yet reported.
pub fn use_instead(figure: &Figure, day: Day, locale: Locale) -> String {
    let first = figure.current_at(day).unwrap_or(0);
    // The value to use with its note, the canonical one's too: "a lower
    // bound: arrests continue" is what a reporter needs to write it.
    let help = tr!(
        locale,
        "use",
        value = noted(&figure.allowed[first], figure.unit, true, locale)
    );
    let others: Vec<String> = (0..figure.allowed.len())
        .filter(|&i| i != first)
        .filter(|&i| matches!(figure.standing(i, day), Standing::Current | Standing::Stale))
        .map(|i| describe(&figure.allowed[i], figure.unit, locale))
        .collect();
    if others.is_empty() {
        help
    } else {
        tr!(
            locale,
            "use-also",
            instead = help,
            values = others.join(", ")
        )
    }
}

/// One allowed value with its year and provenance: `1.9 for 2024 (Ministry, 2025-03)`.
/// A canonical value's note is left out (`figcheck explain` shows it apart).
pub fn describe(value: &AllowedValue, unit: Unit, locale: Locale) -> String {
    noted(value, unit, false, locale)
}

/// [`describe`], with the canonical value's note too when `canonical_note`.
fn noted(value: &AllowedValue, unit: Unit, canonical_note: bool, locale: Locale) -> String {
    let mut out = describe_bare(value, unit, locale);
    if let Some(year) = value.year {
        out = tr!(locale, "value-for-year", value = out, year = year);
    }
    let mut notes: Vec<String> = Vec::new();
    if value.stale {
        notes.push(match &value.note {
            Some(note) => tr!(locale, "note-stale-because", note = note),
            None => tr!(locale, "note-stale"),
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
        out = tr!(locale, "value-notes", value = out, notes = notes.join(", "));
    }
    out
}

/// The value or range alone: `367`, `105,000–109,000`, `85,000 or more`.
pub fn describe_bare(value: &AllowedValue, unit: Unit, locale: Locale) -> String {
    let f = |v: f64| locale.value(v, unit);
    match (value.min.is_finite(), value.max.is_finite()) {
        _ if value.min == value.max => f(value.min),
        (true, true) => tr!(
            locale,
            "value-range",
            low = f(value.min),
            high = f(value.max)
        ),
        (true, false) => tr!(locale, "value-or-more", value = f(value.min)),
        (false, true) => tr!(locale, "value-up-to", value = f(value.max)),
        (false, false) => tr!(locale, "value-any"),
    }
}
