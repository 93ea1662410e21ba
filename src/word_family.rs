//! Word families: words news prose uses for the same counted quantity
//! ("died", "deaths", "killed"; "detenidos", "capturas"), from the reviewed
//! list in `word_families.toml`. A subject phrase matches with one of its
//! words replaced by another of the same family (see [`crate::subject`]);
//! such a match weighs less than the desk's own words.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::lang::Lang;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Families {
    family: Vec<Family>,
}

/// One family: its language, what it counts, and its words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub lang: String,
    pub quantity: String,
    pub words: Vec<String>,
}

static FAMILIES: LazyLock<Families> = LazyLock::new(|| {
    toml::from_str(include_str!("word_families.toml")).expect("word_families.toml is valid")
});

/// The families of `lang`.
pub fn of(lang: Lang) -> impl Iterator<Item = &'static Family> {
    FAMILIES
        .family
        .iter()
        .filter(move |f| f.lang == lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_is_in_a_known_language_and_no_word_is_in_two() {
        let mut seen = std::collections::HashSet::new();
        for family in &FAMILIES.family {
            assert!(Lang::parse(&family.lang).is_some(), "{family:?}");
            assert!(family.words.len() >= 2, "{family:?}");
            for word in &family.words {
                assert!(!word.contains(' '), "one word at a time: {word:?}");
                assert!(seen.insert((family.lang.clone(), word.clone())), "{word}");
            }
        }
        assert!(of(Lang::En).count() > 0 && of(Lang::Es).count() > 0);
    }
}
