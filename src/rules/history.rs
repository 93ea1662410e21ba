//! A figure's values over time. A value with `as_of` is current from the day
//! it was reported until a later value supersedes it: a later value of the
//! same source (a value without a source belongs to every source's timeline)
//! describing the same year. Values without `as_of` are current at any date,
//! unless marked `stale = true`, as they always were.

use super::{AllowedValue, Figure, SourceKey};
use crate::date::Day;

/// Where a value stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Current,
    /// Marked `stale = true` in the rules.
    Stale,
    /// Reported, then superseded by this later value (its index).
    Superseded(usize),
    /// Not reported until after that day.
    NotYet,
}

fn same_timeline(a: &AllowedValue, b: &AllowedValue) -> bool {
    a.year == b.year
        && (a.source_key() == b.source_key()
            || a.source_key() == SourceKey::Unnamed
            || b.source_key() == SourceKey::Unnamed)
}

impl Figure {
    /// Where the value at `index` stands on `day`.
    pub fn standing(&self, index: usize, day: Day) -> Standing {
        let value = &self.allowed[index];
        let Some(reported) = value.as_of.map(|d| d.first_day()) else {
            return if value.stale {
                Standing::Stale
            } else {
                Standing::Current
            };
        };
        if reported > day {
            return Standing::NotYet;
        }
        // The latest value that came after this one on its timeline, by that day;
        // among values of one date, the first in the file (the canonical first).
        let successor = self
            .allowed
            .iter()
            .enumerate()
            .filter_map(|(i, other)| {
                let when = other.as_of?.first_day();
                (when > reported && when <= day && same_timeline(value, other)).then_some((i, when))
            })
            .max_by_key(|&(i, when)| (when, std::cmp::Reverse(i)));
        match successor {
            Some((i, _)) => Standing::Superseded(i),
            None if value.stale => Standing::Stale,
            None => Standing::Current,
        }
    }

    /// The value that first came after the one at `index` on its timeline.
    pub fn next_after(&self, index: usize) -> Option<usize> {
        let value = &self.allowed[index];
        let reported = value.as_of?.first_day();
        self.allowed
            .iter()
            .enumerate()
            .filter_map(|(i, other)| {
                let when = other.as_of?.first_day();
                (when > reported && same_timeline(value, other)).then_some((i, when))
            })
            .min_by_key(|&(i, when)| (when, i))
            .map(|(i, _)| i)
    }

    /// The value to suggest on `day`: the canonical one if it is current, else
    /// the latest current value, preferring the canonical value's source.
    pub fn current_at(&self, day: Day) -> Option<usize> {
        if self.standing(0, day) == Standing::Current {
            return Some(0);
        }
        let source = self.allowed[0].source_key();
        (0..self.allowed.len())
            .filter(|&i| self.standing(i, day) == Standing::Current)
            .max_by_key(|&i| {
                let v = &self.allowed[i];
                (
                    v.source_key() == source,
                    v.as_of.map(|d| d.first_day()),
                    std::cmp::Reverse(i),
                )
            })
    }

    /// Whether any value of the figure is known on `day`.
    pub fn known_at(&self, day: Day) -> bool {
        (0..self.allowed.len()).any(|i| self.standing(i, day) != Standing::NotYet)
    }

    /// Whether the figure's values are dated at all.
    pub fn has_history(&self) -> bool {
        self.allowed.iter().any(|v| v.as_of.is_some())
    }

    /// The dated values, oldest first (ties in file order), for a timeline.
    pub fn timeline(&self) -> Vec<usize> {
        let mut dated: Vec<usize> = (0..self.allowed.len())
            .filter(|&i| self.allowed[i].as_of.is_some())
            .collect();
        dated.sort_by_key(|&i| (self.allowed[i].as_of.map(|d| d.first_day()), i));
        dated
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::rules::Rules;

    const RULES: &str = r#"
[[source]]
id = "cristosal"
name = "Cristosal"

[[source]]
id = "wola"
name = "WOLA"

[[figure]]
id = "deaths"
name = "Deaths in custody"
subjects = ["died in custody"]
canonical = { value = 367, source = "cristosal", as_of = "2025-03" }
allowed = [
  { value = 350, source = "wola", as_of = "2025-03" },
  { value = 261, source = "cristosal", as_of = "2024-04" },
  { value = 100, note = "undated" },
]

[[figure]]
id = "arrests"
name = "Arrests"
subjects = ["arrested"]
canonical = { min = 85000, as_of = "2025-03" }
allowed = [
  { value = 65000, as_of = "2023-03" },
  { value = 79211, as_of = "2024-03" },
]
"#;

    fn day(iso: &str) -> Day {
        Date::parse(iso).unwrap().last_day()
    }

    fn rules() -> Rules {
        Rules::parse(RULES, std::path::Path::new("rules.toml")).unwrap()
    }

    #[test]
    fn a_later_value_of_the_same_source_supersedes() {
        let rules = rules();
        let deaths = &rules.figures[0];
        assert_eq!(deaths.standing(2, day("2024-05-01")), Standing::Current);
        assert_eq!(
            deaths.standing(2, day("2025-05-01")),
            Standing::Superseded(0)
        );
        // Another source's value of the same date does not supersede it.
        assert_eq!(deaths.standing(1, day("2025-05-01")), Standing::Current);
        assert_eq!(deaths.standing(0, day("2025-05-01")), Standing::Current);
        // Not yet reported.
        assert_eq!(deaths.standing(0, day("2024-05-01")), Standing::NotYet);
        assert_eq!(deaths.standing(0, day("2025-02-28")), Standing::NotYet);
        assert_eq!(deaths.standing(0, day("2025-03-01")), Standing::Current);
        // An undated value is current at any date.
        assert_eq!(deaths.standing(3, day("1990")), Standing::Current);
    }

    #[test]
    fn the_current_value_moves_with_the_date() {
        let rules = rules();
        let arrests = &rules.figures[1];
        assert_eq!(arrests.current_at(day("2023-06-01")), Some(1));
        assert_eq!(arrests.current_at(day("2024-05-01")), Some(2));
        assert_eq!(arrests.current_at(day("2025-05-01")), Some(0));
        assert_eq!(arrests.current_at(day("2022-05-01")), None);
        assert!(!arrests.known_at(day("2022-05-01")));
        assert_eq!(
            arrests.standing(1, day("2025-05-01")),
            Standing::Superseded(0)
        );
        assert_eq!(arrests.timeline(), vec![1, 2, 0]);
        assert_eq!(arrests.next_after(1), Some(2));
        assert_eq!(arrests.next_after(2), Some(0));
        assert_eq!(arrests.next_after(0), None);
        // Deaths: before Cristosal's 2025 count, its 2024 count is the one to use.
        let deaths = &rules.figures[0];
        assert_eq!(deaths.current_at(day("2024-05-01")), Some(2));
    }
}
