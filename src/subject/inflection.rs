//! How the words of subject phrases inflect: each language's stemmer, its
//! exceptions and negations, and the stems of a draft's words kept per thread.

use rust_stemmers::{Algorithm, Stemmer};

use super::WordMap;
use crate::lang::{fold_accents, Lang};
use crate::phrase::normal;

/// How one language inflects the words of subject phrases.
pub(super) struct Inflection {
    pub(super) algorithm: Algorithm,
    /// Whether accents are ignored in stems: Spanish writers and headline
    /// styles drop them (`detencion`, `CARCEL`).
    pub(super) fold_accents: bool,
    /// Words whose Snowball stem does not start as they do, with that stem.
    pub(super) exceptional: &'static [(&'static str, &'static str)],
    /// Words that may never stand inside a subject: they turn its meaning round.
    pub(super) negations: &'static [&'static str],
    /// Endings that make a word a negation: `didn't`.
    pub(super) negation_endings: &'static [&'static str],
    /// Words that join another noun to the phrase's: inserted into a phrase
    /// they make it name a list ("deaths in the Palisades and Eaton fires"
    /// is not "deaths in the Eaton Fire").
    pub(super) coordinators: &'static [&'static str],
    /// Words that join the nouns of a phrase rather than make one: a
    /// preposition, an article, an auxiliary ("deaths in custody", "were
    /// arrested"). A phrase with none is a compound noun ("homicide rate"),
    /// and a word inside one makes another quantity ("homicide clearance
    /// rate"): no gap is allowed in it. `None` where modifiers follow the
    /// noun and participles do not show (Spanish: "viviendas [fueron]
    /// afectadas", "homicidios [dolosos] disminuyeron" need their gap).
    pub(super) function_words: Option<&'static [&'static str]>,
    /// Whether a number may stand inside a phrase as a word of its gap.
    /// Spanish puts the number inside the words that would name the figure:
    /// "la tasa de 106,3 homicidios" is a rate of homicides, so there a
    /// phrase runs across a numeral only right after `de`, when its next
    /// word follows the numeral at once, and then claims that number only.
    pub(super) numbers_inside: bool,
    /// The language's auxiliaries ([`Lang::auxiliaries`]): inside a phrase
    /// they take no part of its gap ("viviendas han sido directamente
    /// afectadas").
    pub(super) auxiliaries: &'static [&'static str],
}

pub(super) const ENGLISH: Inflection = Inflection {
    algorithm: Algorithm::English,
    fold_accents: false,
    // Porter2's exceptional forms whose stem is no prefix of the word.
    exceptional: &[
        ("dying", "die"),
        ("lying", "lie"),
        ("tying", "tie"),
        ("skies", "sky"),
    ],
    negations: &["not", "never", "no", "nor", "n't", "cannot", "neither"],
    auxiliaries: Lang::En.auxiliaries(),
    negation_endings: &["n't", "n’t"],
    coordinators: &["and", "or"],
    function_words: Some(&[
        "of", "in", "at", "on", "by", "for", "to", "from", "with", "per", "under", "into", "and",
        "or", "the", "a", "an", "has", "have", "had", "was", "were", "is", "are", "been", "be",
        "being", "who", "that", "as", "since", "while",
        // Verbs whose past does not end in -ed: "homicides fell".
        "fell", "falls", "fall", "rose", "rises", "rise", "grew", "grows", "grow", "hit", "hits",
        "stood", "stands", "stand", "remain", "remains", "went", "came", "took", "left", "lost",
        "made", "paid", "held", "kept", "got", "saw",
    ]),
    numbers_inside: true,
};

pub(super) const SPANISH: Inflection = Inflection {
    algorithm: Algorithm::Spanish,
    fold_accents: true,
    exceptional: &[],
    negations: &[
        "no", "nunca", "jamás", "jamas", "ni", "tampoco", "ningún", "ninguna",
    ],
    auxiliaries: Lang::Es.auxiliaries(),
    negation_endings: &[],
    coordinators: &["y", "e", "o", "u"],
    function_words: None,
    numbers_inside: false,
};

pub(super) fn inflection(lang: Lang) -> &'static Inflection {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    }
}

/// The ways a prefix of folded letters may be written with one accent: a
/// Spanish word carries at most one (`víctima`, `detención`), or a diaeresis.
pub(super) fn accented_variants(prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in prefix.char_indices() {
        let accented: &[char] = match c {
            'a' => &['á'],
            'e' => &['é'],
            'i' => &['í'],
            'o' => &['ó'],
            'u' => &['ú', 'ü'],
            _ => &[],
        };
        for a in accented {
            out.push(format!("{}{a}{}", &prefix[..i], &prefix[i + 1..]));
        }
    }
    out
}

/// An occurrence of a figure's subject phrase.
/// What every word with this stem starts with: the stem less its last two
/// characters, but at least three (or the whole stem, if shorter). Snowball
/// rewrites only the end of a word ("custody" → "custodi", "relational" →
/// "relat"), so a word whose stem this is begins with it, unless it is one of
/// the language's exceptional forms (or, in Spanish, has an accent in it).
pub(super) fn prefix(stem: &str) -> &str {
    let count = stem.chars().count();
    let keep = count.saturating_sub(2).max(3).min(count);
    let end = stem.char_indices().nth(keep).map_or(stem.len(), |(i, _)| i);
    &stem[..end]
}

/// Stems words of one language.
pub(super) struct Stemming {
    pub(super) stemmer: Stemmer,
    pub(super) inflection: &'static Inflection,
}

impl Stemming {
    pub(super) fn new(lang: Lang) -> Stemming {
        let inflection = inflection(lang);
        Stemming {
            stemmer: Stemmer::create(inflection.algorithm),
            inflection,
        }
    }

    /// The stem of a lowercased word.
    pub(super) fn stem(&self, word: &str) -> String {
        if let Some((_, stem)) = self.inflection.exceptional.iter().find(|(w, _)| *w == word) {
            return (*stem).to_string();
        }
        if self.inflection.fold_accents {
            // Stemmed first: the accent tells the stemmer the ending
            // (`murió` → `mur`, as `murieron`), then the stem drops it.
            fold_accents(&self.stemmer.stem(word))
        } else {
            self.stemmer.stem(word).into_owned()
        }
    }
}

/// Stems of the words of drafts, each word stemmed once per thread: the
/// words of one draft are mostly those of the last, and stemming is dear.
pub(super) struct Stems {
    pub(super) stemming: Stemming,
    pub(super) lang: Lang,
    pub(super) cache: WordMap<String>,
}

/// The most words a thread keeps the stems of between drafts (only words
/// that may begin or continue a phrase are stemmed); past it the cache
/// starts again, so an archive of any size holds about a megabyte.
pub(super) const STEMS_KEPT: usize = 10_000;

thread_local! {
    /// Each language's cache of stems, between two drafts read on this thread.
    pub(super) static KEPT_STEMS: std::cell::RefCell<[WordMap<String>; 2]> = Default::default();
}

impl Stems {
    pub(super) fn new(lang: Lang) -> Stems {
        let cache = KEPT_STEMS.with(|kept| std::mem::take(&mut kept.borrow_mut()[lang.index()]));
        Stems {
            stemming: Stemming::new(lang),
            lang,
            cache,
        }
    }

    /// The stem of a word as the draft writes it.
    pub(super) fn of(&mut self, raw: &str) -> &str {
        if !self.cache.contains_key(raw) {
            let stem = self.stemming.stem(&normal(raw));
            self.cache.insert(raw.to_string(), stem);
        }
        &self.cache[raw]
    }
}

impl Drop for Stems {
    fn drop(&mut self) {
        let mut cache = std::mem::take(&mut self.cache);
        if cache.len() > STEMS_KEPT {
            cache = WordMap::default();
        }
        // A thread that is ending has no cache to keep it in.
        let _ = KEPT_STEMS.try_with(|kept| kept.borrow_mut()[self.lang.index()] = cache);
    }
}

/// Whether `word` begins, case-insensitively, as words with `stem` do (or is
/// an exceptional form of it): a cheap test before stemming.
/// `prefix` is the stem's [`prefix`], worked out beforehand.
pub(super) fn starts_like(inflection: &Inflection, word: &str, stem: &str, prefix: &str) -> bool {
    let same_start = if inflection.fold_accents {
        let folded = fold_accents(&word.to_lowercase());
        folded.starts_with(prefix)
    } else {
        let mut word_chars = word.chars().flat_map(char::to_lowercase);
        prefix.chars().all(|c| word_chars.next() == Some(c))
    };
    same_start
        || inflection
            .exceptional
            .iter()
            .any(|(w, s)| *s == stem && w.eq_ignore_ascii_case(word))
}

/// Whether `word` is one of the language's auxiliaries (see
/// [`Inflection::auxiliaries`]).
pub(super) fn is_auxiliary(inflection: &Inflection, word: &str) -> bool {
    if word.is_ascii() {
        inflection
            .auxiliaries
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        inflection.auxiliaries.contains(&lower.as_str())
    }
}

pub(super) fn is_coordinator(inflection: &Inflection, word: &str) -> bool {
    inflection
        .coordinators
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word))
}

pub(super) fn is_negation(inflection: &Inflection, word: &str) -> bool {
    let ends_with = |suffix: &str| {
        word.len() >= suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    // The negations are lowercase, so a word in ASCII needs no lowercasing.
    let negation = if word.is_ascii() {
        inflection
            .negations
            .iter()
            .any(|n| n.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        inflection.negations.iter().any(|n| *n == lower)
    };
    negation || inflection.negation_endings.iter().any(|e| ends_with(e))
}

/// Whether the words of a phrase make a compound noun: two or more words,
/// none of them a function word or a past participle (`arrested`, `died`).
pub(super) fn is_compound(inflection: &Inflection, words: &[String]) -> bool {
    let Some(function_words) = inflection.function_words else {
        return false;
    };
    words.len() >= 2
        && words.iter().all(|w| {
            let w = w.to_lowercase();
            !function_words.contains(&w.as_str()) && !w.ends_with("ed")
        })
}
