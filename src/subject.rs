//! Subject phrases: how a figure is named in prose, and finding those names
//! in a draft the way reporters write them.
//!
//! A subject is a pattern of words. Each word matches its inflections through
//! the Snowball stemmer of the draft's language (`arrested` matches `arrest`,
//! `arrests`, `arresting`; `died` matches `die`, `dies`, `dying`; in Spanish,
//! `detenidos` matches `detenidas` and `detenido`, and accents are ignored, so
//! `detención` matches `detencion`). Inside one subject:
//!
//! - `(died|deaths|dead)` is a choice between words or runs of words;
//! - `[state]` is an optional word or run of words (`[state|government]` too).
//!
//! A multi-word subject still matches when up to `gap` other words stand
//! inside it ("died while in state custody" for "died in custody"), but never
//! a negation ("have not arrested") and never across punctuation that ends a
//! clause.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};

use crate::lang::{fold_accents, Lang};
#[cfg(test)]
use crate::phrase::tokens;
use crate::phrase::{expand, next_word, normal, word_from};
use crate::rules::{Figure, Rules, RulesDiagnostic};

/// Maps keyed by words and stems, looked up for every word near a subject:
/// a fast hash, seeded for each run, since the words come from drafts.
type WordMap<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// How one language inflects the words of subject phrases.
struct Inflection {
    algorithm: Algorithm,
    /// Whether accents are ignored in stems: Spanish writers and headline
    /// styles drop them (`detencion`, `CARCEL`).
    fold_accents: bool,
    /// Words whose Snowball stem does not start as they do, with that stem.
    exceptional: &'static [(&'static str, &'static str)],
    /// Words that may never stand inside a subject: they turn its meaning round.
    negations: &'static [&'static str],
    /// Endings that make a word a negation: `didn't`.
    negation_endings: &'static [&'static str],
    /// Whether a number may stand inside a phrase. Spanish puts the number
    /// inside the words that would name the figure: "la tasa de 106,3
    /// homicidios" is a rate of homicides, not the phrase "tasa de
    /// homicidios" around a number.
    numbers_inside: bool,
}

const ENGLISH: Inflection = Inflection {
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
    negation_endings: &["n't", "n’t"],
    numbers_inside: true,
};

const SPANISH: Inflection = Inflection {
    algorithm: Algorithm::Spanish,
    fold_accents: true,
    exceptional: &[],
    negations: &[
        "no", "nunca", "jamás", "jamas", "ni", "tampoco", "ningún", "ninguna",
    ],
    negation_endings: &[],
    numbers_inside: false,
};

fn inflection(lang: Lang) -> &'static Inflection {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    }
}

/// The ways a prefix of folded letters may be written with one accent: a
/// Spanish word carries at most one (`víctima`, `detención`), or a diaeresis.
fn accented_variants(prefix: &str) -> Vec<String> {
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
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectHit {
    pub figure: usize,
    pub span: Range<usize>,
    /// The phrase matched with a word of the same family in place of one of
    /// the desk's words ("deaths in custody" for "died in custody").
    pub family: bool,
}

/// A trie of the spelt-out subjects by stem: phrases that share their first
/// words are walked once.
#[derive(Debug, Clone, Default)]
struct Node {
    next: WordMap<Node>,
    /// The stems of `next`, in order, each with the byte length of its
    /// [`prefix`]: tried on every word that may continue a phrase here.
    beginnings: Vec<(String, usize)>,
    /// The figures whose phrase ends here, with the gap each allows and
    /// whether the phrase is a family variant of the desk's own.
    ends: Vec<(usize, usize, bool)>,
}

impl Node {
    /// Fills in `beginnings` here and below, once the trie is built.
    fn list_beginnings(&mut self) {
        self.beginnings = self
            .next
            .keys()
            .map(|stem| (stem.clone(), prefix(stem).len()))
            .collect();
        self.beginnings.sort();
        for child in self.next.values_mut() {
            child.list_beginnings();
        }
    }
}

/// Finds the subject phrases of all figures in one pass over a text.
#[derive(Debug, Clone)]
pub struct SubjectMatcher {
    /// The phrases, by the stem of their first word.
    root: Node,
    /// The largest gap any figure allows.
    max_gap: usize,
    /// The language whose phrases these are, and whose drafts it reads.
    lang: Lang,
    /// Where a phrase can start: a word that begins as words with a phrase's
    /// first stem do (see [`prefix`]; the forms in [`EXCEPTIONAL`] are listed
    /// too, and in Spanish the same beginnings with an accent), so no other
    /// word is ever lowercased or stemmed, and a draft without a subject
    /// costs one literal scan.
    starts: Option<Starts>,
    /// The figures' `exclude` phrases: a subject found inside one of its
    /// figure's names nothing.
    exclusions: Option<Box<SubjectMatcher>>,
}

/// The beginnings of phrases' first words, found as literals: one
/// Aho-Corasick automaton, ASCII case-insensitive, whatever the number of
/// phrases (a regex alternation of thousands leaves the fast engine, and
/// from a few thousand does not compile). The rare beginning with a letter
/// outside ASCII goes to a small regex, for Unicode case.
#[derive(Debug, Clone)]
struct Starts {
    ascii: Option<AhoCorasick>,
    other: Option<Regex>,
}

impl Starts {
    fn new(prefixes: &[String]) -> Option<Starts> {
        let (ascii, other): (Vec<&String>, Vec<&String>) =
            prefixes.iter().partition(|p| p.is_ascii());
        let ascii = (!ascii.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostFirst)
                .build(&ascii)
                .expect("literal prefixes always build")
        });
        let other = (!other.is_empty()).then(|| {
            let alternatives: Vec<String> = other.iter().map(|p| regex::escape(p)).collect();
            Regex::new(&format!("(?i)(?:{})", alternatives.join("|")))
                .expect("escaped prefixes always compile")
        });
        (ascii.is_some() || other.is_some()).then_some(Starts { ascii, other })
    }

    /// Every byte offset in `text` where a beginning is found, in order.
    fn find(&self, text: &str) -> Vec<usize> {
        let mut at: Vec<usize> = Vec::new();
        if let Some(ascii) = &self.ascii {
            // Every position where a beginning starts: the leftmost match,
            // then again from the byte after its start (a non-overlapping
            // search would skip a beginning inside another; an overlapping
            // one cannot use the SIMD prefilter).
            let mut from = 0;
            while let Some(m) = ascii.find(Input::new(text).span(from..text.len())) {
                at.push(m.start());
                from = m.start() + 1;
            }
        }
        if let Some(other) = &self.other {
            at.extend(other.find_iter(text).map(|m| m.start()));
            at.sort_unstable();
        }
        at.dedup();
        at
    }
}

/// What every word with this stem starts with: the stem less its last two
/// characters, but at least three (or the whole stem, if shorter). Snowball
/// rewrites only the end of a word ("custody" → "custodi", "relational" →
/// "relat"), so a word whose stem this is begins with it, unless it is one of
/// the language's exceptional forms (or, in Spanish, has an accent in it).
fn prefix(stem: &str) -> &str {
    let count = stem.chars().count();
    let keep = count.saturating_sub(2).max(3).min(count);
    let end = stem.char_indices().nth(keep).map_or(stem.len(), |(i, _)| i);
    &stem[..end]
}

/// Stems words of one language.
struct Stemming {
    stemmer: Stemmer,
    inflection: &'static Inflection,
}

impl Stemming {
    fn new(lang: Lang) -> Stemming {
        let inflection = inflection(lang);
        Stemming {
            stemmer: Stemmer::create(inflection.algorithm),
            inflection,
        }
    }

    /// The stem of a lowercased word.
    fn stem(&self, word: &str) -> String {
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
struct Stems {
    stemming: Stemming,
    lang: Lang,
    cache: WordMap<String>,
}

/// The most words a thread keeps the stems of between drafts (only words
/// that may begin or continue a phrase are stemmed); past it the cache
/// starts again, so an archive of any size holds about a megabyte.
const STEMS_KEPT: usize = 10_000;

thread_local! {
    /// Each language's cache of stems, between two drafts read on this thread.
    static KEPT_STEMS: std::cell::RefCell<[WordMap<String>; 2]> = Default::default();
}

impl Stems {
    fn new(lang: Lang) -> Stems {
        let cache = KEPT_STEMS.with(|kept| std::mem::take(&mut kept.borrow_mut()[lang.index()]));
        Stems {
            stemming: Stemming::new(lang),
            lang,
            cache,
        }
    }

    /// The stem of a word as the draft writes it.
    fn of(&mut self, raw: &str) -> &str {
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
fn starts_like(inflection: &Inflection, word: &str, stem: &str, prefix: &str) -> bool {
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

fn is_negation(inflection: &Inflection, word: &str) -> bool {
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

/// Whether `at` starts a word: no letter, digit or inner apostrophe before it.
fn starts_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('\'' | '’') => !before.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

impl SubjectMatcher {
    /// The matcher for the subject phrases of drafts in `lang`.
    pub fn new(figures: &[Figure], lang: Lang) -> SubjectMatcher {
        let subjects = figures
            .iter()
            .map(|f| (&f.subjects_by_lang[lang.index()][..], f.gap));
        let mut matcher = SubjectMatcher::of_phrases(subjects, lang, true);
        if figures.iter().any(|f| !f.exclude.is_empty()) {
            let excluded = figures.iter().map(|f| (&f.exclude[..], f.gap));
            matcher.exclusions = Some(Box::new(SubjectMatcher::of_phrases(excluded, lang, false)));
        }
        matcher
    }

    /// The matcher for each figure's `phrases` (by the figure's index),
    /// with the `gap` it allows; with their word families' variants if
    /// `families`.
    fn of_phrases<'p>(
        phrase_lists: impl Iterator<Item = (&'p [String], usize)>,
        lang: Lang,
        families: bool,
    ) -> SubjectMatcher {
        let stemming = Stemming::new(lang);
        let inflection = stemming.inflection;
        // Stems of one spelt-out phrase → (figure, gap, family variant) for
        // each figure it names.
        let mut phrases: HashMap<Vec<String>, Vec<(usize, usize, bool)>> = HashMap::new();
        for (i, (subjects, gap)) in phrase_lists.enumerate() {
            for subject in subjects {
                // Validation has read every pattern; one that does not parse
                // here (rules built in code) names nothing.
                for words in expand(subject).unwrap_or_default() {
                    let stems: Vec<String> = words.iter().map(|w| stemming.stem(w)).collect();
                    let list = phrases.entry(stems).or_default();
                    if !list.iter().any(|(f, _, _)| *f == i) {
                        list.push((i, gap, false));
                    }
                }
            }
        }
        // Each phrase with one word of a family replaced by another, where
        // the desk did not write that phrase for the figure itself.
        let families: Vec<Vec<String>> = crate::word_family::of(lang)
            .filter(|_| families)
            .map(|f| f.words.iter().map(|w| stemming.stem(&normal(w))).collect())
            .collect();
        let mut variants: Vec<(Vec<String>, (usize, usize, bool))> = Vec::new();
        for (stems, named) in &phrases {
            for (at, stem) in stems.iter().enumerate() {
                for family in families.iter().filter(|f| f.contains(stem)) {
                    for other in family.iter().filter(|o| *o != stem) {
                        let mut variant = stems.clone();
                        variant[at] = other.clone();
                        for &(figure, gap, _) in named.iter().filter(|n| !n.2) {
                            variants.push((variant.clone(), (figure, gap, true)));
                        }
                    }
                }
            }
        }
        for (stems, (figure, gap, family)) in variants {
            let list = phrases.entry(stems).or_default();
            if !list.iter().any(|(f, _, _)| *f == figure) {
                list.push((figure, gap, family));
            }
        }
        let mut root = Node::default();
        let mut max_gap = 0;
        let mut first_prefixes: Vec<String> = Vec::new();
        let mut sorted: Vec<_> = phrases.into_iter().collect();
        sorted.sort();
        for (stems, figures) in sorted {
            for (word, stem) in inflection.exceptional {
                if stems[0] == *stem {
                    first_prefixes.push((*word).to_string());
                }
            }
            let first = prefix(&stems[0]);
            if inflection.fold_accents {
                first_prefixes.extend(accented_variants(first));
            }
            first_prefixes.push(first.to_string());
            let node = stems
                .into_iter()
                .fold(&mut root, |node, stem| node.next.entry(stem).or_default());
            max_gap = figures.iter().map(|f| f.1).fold(max_gap, usize::max);
            node.ends.extend(figures);
        }
        root.list_beginnings();
        first_prefixes.sort();
        first_prefixes.dedup();
        let starts = Starts::new(&first_prefixes);
        SubjectMatcher {
            root,
            max_gap,
            lang,
            starts,
            exclusions: None,
        }
    }

    /// Every subject occurrence in `text[range]`, in order. Where phrases
    /// overlap, the one that starts first wins, and then the longest.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<SubjectHit> {
        let Some(starts) = &self.starts else {
            return Vec::new();
        };
        let mut stems = Stems::new(self.lang);
        let slice = &text[range.clone()];
        let mut hits = Vec::new();
        let mut resume = 0;
        for start in starts.find(slice) {
            // A phrase starts only where a word does, in any script.
            if start < resume || !starts_word(slice, start) {
                continue;
            }
            let Some(first) = word_from(slice, start) else {
                continue;
            };
            let Some(node) = self.root.next.get(stems.of(&slice[first.clone()])) else {
                continue;
            };
            // The longest phrase that matches here, and every figure it names.
            let mut best: Option<(usize, Vec<(usize, bool)>)> = None;
            self.walk(slice, &mut stems, node, &first, 0, &mut best);
            if let Some((end, mut figures)) = best {
                figures.sort_unstable();
                let span = range.start + first.start..range.start + end;
                hits.extend(figures.into_iter().map(|(figure, family)| SubjectHit {
                    figure,
                    span: span.clone(),
                    family,
                }));
                resume = end;
            }
        }
        if let Some(exclusions) = self.exclusions.as_deref().filter(|_| !hits.is_empty()) {
            let excluded = exclusions.find(text, range);
            hits.retain(|h| {
                !excluded.iter().any(|e| {
                    e.figure == h.figure && e.span.start < h.span.end && h.span.start < e.span.end
                })
            });
        }
        hits
    }

    /// Follows the trie from `node`, whose word ends at `at`, having let
    /// `used` other words stand inside the phrase so far; records in `best`
    /// the longest phrase that ends, and the figures that allow its gaps. Each
    /// next stem is taken at its first word within the gap, as a reader would.
    fn walk(
        &self,
        text: &str,
        stems: &mut Stems,
        node: &Node,
        at: &Range<usize>,
        used: usize,
        best: &mut Option<(usize, Vec<(usize, bool)>)>,
    ) {
        for &(figure, gap, family) in &node.ends {
            if used > gap {
                continue;
            }
            match best {
                Some((end, figures)) if *end == at.end => {
                    // The desk's own phrase wins over a family variant.
                    match figures.iter_mut().find(|(f, _)| *f == figure) {
                        Some(known) => known.1 &= family,
                        None => figures.push((figure, family)),
                    }
                }
                Some((end, _)) if *end > at.end => {}
                _ => *best = Some((at.end, vec![(figure, family)])),
            }
        }
        if node.next.is_empty() {
            return;
        }
        let mut followed: Vec<&str> = Vec::new();
        let mut previous = at.clone();
        for skipped in 0..=self.max_gap.saturating_sub(used) {
            let Some(word) = next_word(text, previous.end) else {
                return;
            };
            // The digit groups of one number join only as words the phrase
            // itself holds ("per 100,000"); a gap never runs across them.
            let grouped = digit_groups(text, &previous, &word);
            if !grouped && !joined(text, &previous, &word) {
                return;
            }
            let raw = &text[word.clone()];
            // Where few phrases continue, a word that cannot have one of their
            // stems is not stemmed at all.
            let inflection = stems.stemming.inflection;
            let may_continue = node.next.len() > 8
                || node
                    .beginnings
                    .iter()
                    .any(|(stem, len)| starts_like(inflection, raw, stem, &stem[..*len]));
            let child = may_continue
                .then(|| node.next.get_key_value(stems.of(raw)))
                .flatten();
            if let Some((stem, child)) = child {
                if !followed.contains(&stem.as_str()) {
                    followed.push(stem);
                    self.walk(text, stems, child, &word, used + skipped, best);
                }
            }
            if grouped
                || is_negation(inflection, raw)
                || (!inflection.numbers_inside && raw.starts_with(|c: char| c.is_ascii_digit()))
            {
                return;
            }
            previous = word;
        }
    }
}

/// Warnings for subject phrases that can never match: a phrase is read back
/// by its own figure's matcher, in its own language, and must find itself
/// (one that a phrase of the figure's `exclude` covers never does).
pub fn unmatchable(rules: &Rules) -> Vec<RulesDiagnostic> {
    let mut warnings = Vec::new();
    for lang in Lang::ALL {
        let lists = || {
            rules
                .figures
                .iter()
                .map(|f| &f.subjects_by_lang[lang.index()])
        };
        if lists().all(|l| l.is_empty()) {
            continue;
        }
        let matcher = SubjectMatcher::new(&rules.figures, lang);
        for (i, subjects) in lists().enumerate() {
            for subject in subjects {
                let never = expand(subject)
                    .unwrap_or_default()
                    .into_iter()
                    .find(|words| {
                        let text = words.join(" ");
                        !matcher
                            .find(&text, 0..text.len())
                            .iter()
                            .any(|h| h.figure == i && h.span == (0..text.len()))
                    });
                let Some(words) = never else { continue };
                let quoted = format!("\"{subject}\"");
                let mut warning = RulesDiagnostic::new(
                    rules.path.clone(),
                    rules.source.clone(),
                    "figcheck::rules::unmatchable-subject",
                    format!(
                        "the subject phrase \"{}\" of `{}` can never match \"{}\" in a draft",
                        crate::escape::visible(subject),
                        rules.figures[i].id,
                        crate::escape::visible(&words.join(" ")),
                    ),
                )
                .warning()
                .help(if rules.figures[i].exclude.is_empty() {
                    "write it as prose does: words joined by spaces or hyphens"
                } else {
                    "a phrase of the figure's `exclude` may cover it: remove one of the two"
                });
                if let Some(at) = rules.source.find(&quoted) {
                    warning = warning.label(at..at + quoted.len(), "never found in prose");
                }
                warnings.push(warning);
            }
        }
    }
    warnings
}

/// Whether two neighbouring words are the digit groups of one number
/// ("100,000", "100.000", "100 000" with a no-break space).
fn digit_groups(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let digits = |r: &Range<usize>| text[r.clone()].bytes().all(|c| c.is_ascii_digit());
    matches!(&text[a.end..b.start], "," | "." | "\u{a0}" | "\u{202f}") && digits(a) && digits(b)
}

/// Whether two neighbouring words belong to one stretch of prose: only white
/// space, hyphens, or the full stop of an abbreviation stand between them.
fn joined(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let between = &text[a.end..b.start];
    between
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '‑' | '.'))
        && (!between.contains('.') || a.len() == 1 || !between.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;
    use std::path::Path;

    fn phrases(pattern: &str) -> Vec<String> {
        expand(pattern)
            .unwrap()
            .into_iter()
            .map(|words| words.join(" "))
            .collect()
    }

    #[test]
    fn choices_and_optional_words_spell_out_every_phrase() {
        assert_eq!(
            phrases("(died|deaths) in [state] custody"),
            vec![
                "died in state custody",
                "died in custody",
                "deaths in state custody",
                "deaths in custody"
            ]
        );
        assert_eq!(
            phrases("[the] (homicide|murder) rate"),
            vec![
                "the homicide rate",
                "the murder rate",
                "homicide rate",
                "murder rate"
            ]
        );
        assert_eq!(phrases("people   behind bars"), vec!["people behind bars"]);
        assert_eq!(
            phrases("(were killed|died) [in the fire]"),
            vec![
                "were killed in the fire",
                "were killed",
                "died in the fire",
                "died"
            ]
        );
    }

    #[test]
    fn malformed_patterns_say_where() {
        let error = |p: &str| expand(p).unwrap_err();
        assert_eq!(error("(died in custody").at, 0..1);
        assert_eq!(error("died) in custody").at, 4..5);
        assert_eq!(error("died|deaths").at, 4..5);
        assert_eq!(error("(died||deaths)").at, 6..7);
        assert_eq!(error("[state]").at, 0..7);
        assert!(error("(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)(o|p)(q|r)")
            .message
            .contains("256"));
    }

    const RULES: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths in custody"
subjects = ["(died|deaths|dead) in [state] custody"]
canonical = 367

[[figure]]
id = "arrests"
name = "Arrests"
subjects = ["have arrested", "arrests under the state of exception"]
canonical = 85000
gap = 1
"#;

    fn found(text: &str) -> Vec<(&'static str, &str)> {
        let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
        let ids = ["deaths", "arrests"];
        SubjectMatcher::new(&rules.figures, Lang::En)
            .find(text, 0..text.len())
            .into_iter()
            .map(|h| (ids[h.figure], &text[h.span]))
            .collect()
    }

    /// (figure, words, through a family word) for each hit.
    fn found_with_family(text: &str, lang: Lang) -> Vec<(&'static str, &str, bool)> {
        let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
        let ids = ["deaths", "arrests"];
        SubjectMatcher::new(&rules.figures, lang)
            .find(text, 0..text.len())
            .into_iter()
            .map(|h| (ids[h.figure], &text[h.span], h.family))
            .collect()
    }

    #[test]
    fn a_word_of_the_same_family_stands_in_for_the_desk_s_own() {
        let en = |t| found_with_family(t, Lang::En);
        // "killed" and "fatalities" are of the deaths family: the phrase
        // matches with either in the place of "died", and says so.
        assert_eq!(
            en("Eleven were killed in custody."),
            vec![("deaths", "killed in custody", true)]
        );
        assert_eq!(
            en("Police have detained 900 people."),
            vec![("arrests", "have detained", true)]
        );
        assert_eq!(
            en("Detentions under the state of exception passed 85,000."),
            vec![("arrests", "Detentions under the state of exception", true)]
        );
        // The desk's own words are no family match, whatever else matches.
        assert_eq!(
            en("Eleven died in custody."),
            vec![("deaths", "died in custody", false)]
        );
        // Must not fire: a family never adds or drops words, nor reaches a
        // word outside the list ("murdered", "lost").
        assert_eq!(en("Eleven were killed in the attack."), vec![]);
        assert_eq!(en("Eleven were murdered in custody."), vec![]);
        assert_eq!(en("Police have charged 900 people."), vec![]);
        // Spanish families are Spanish words, in Spanish drafts only.
        let rules = Rules::parse(
            "[[figure]]\nid = \"d\"\nname = \"Muertes\"\nsubjects = [\"deaths in custody\"]\nsubjects_es = [\"muertes bajo custodia\"]\ncanonical = 367\n",
            Path::new("rules.toml"),
        )
        .unwrap();
        let es = SubjectMatcher::new(&rules.figures, Lang::Es);
        let text = "Fallecieron bajo custodia 40 personas.";
        let hits = es.find(text, 0..text.len());
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(hits[0].family);
        let text = "Killed bajo custodia.";
        assert!(es.find(text, 0..text.len()).is_empty());
    }

    #[test]
    fn a_subject_inside_a_phrase_the_figure_excludes_names_nothing() {
        let rules = Rules::parse(
            r#"
[[figure]]
id = "poverty"
name = "Poverty rate"
subjects = ["poverty rate", "homicide rate"]
exclude = ["extreme poverty", "clearance rate"]
canonical = 38.1
unit = "percent"

[[figure]]
id = "extreme"
name = "Extreme poverty rate"
subjects = ["extreme poverty rate"]
canonical = 6.9
unit = "percent"
"#,
            Path::new("rules.toml"),
        )
        .unwrap();
        let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
        let found = |text: &str| -> Vec<(usize, String)> {
            matcher
                .find(text, 0..text.len())
                .into_iter()
                .map(|h| (h.figure, text[h.span].to_string()))
                .collect()
        };
        // The excluded phrase takes the subject with it, for its own figure
        // only: the other figure still reads its phrase there.
        assert_eq!(
            found("The extreme poverty rate fell to 6.9%."),
            vec![(1, "extreme poverty rate".into())]
        );
        // With a word inside the subject ("homicide clearance rate"), too.
        assert_eq!(found("The homicide clearance rate is 30%."), vec![]);
        // Must not fire: the subject alone, and inflections of it.
        assert_eq!(
            found("The poverty rate fell to 38.1%."),
            vec![(0, "poverty rate".into())]
        );
        assert_eq!(
            found("Poverty rates fell; extreme hunger did not."),
            vec![(0, "Poverty rates".into())]
        );
    }

    #[test]
    fn a_subject_with_a_grouped_number_in_it_matches() {
        let rules = Rules::parse(
            "[[figure]]\nid = \"k\"\nname = \"Killings\"\nsubjects = [\"killings per 100,000\"]\nsubjects_es = [\"homicidios por cada 100.000\"]\nunit = \"rate\"\ncanonical = 1.9\n",
            Path::new("rules.toml"),
        )
        .unwrap();
        let en = SubjectMatcher::new(&rules.figures, Lang::En);
        let es = SubjectMatcher::new(&rules.figures, Lang::Es);
        let spans = |m: &SubjectMatcher, text: &str| -> Vec<String> {
            m.find(text, 0..text.len())
                .into_iter()
                .map(|h| text[h.span].to_string())
                .collect()
        };
        assert_eq!(
            spans(&en, "It had 2.4 killings per 100,000 last year."),
            ["killings per 100,000"]
        );
        assert_eq!(
            spans(&es, "Hubo 2,4 homicidios por cada 100.000 habitantes."),
            ["homicidios por cada 100.000"]
        );
        // Must not fire: another number, or two numbers a comma separates.
        assert!(spans(&en, "It had 2.4 killings per 10,000 last year.").is_empty());
        assert!(spans(&en, "It had 2.4 killings per 100, 000 more.").is_empty());
        // Nor does a gap run across a grouped number: "destroyed 6,837
        // structures" is a number and its noun, not the phrase around it.
        let rules = Rules::parse(
            "[[figure]]\nid = \"s\"\nname = \"Structures\"\nsubjects = [\"destroyed structures\"]\ncanonical = 16000\n",
            Path::new("rules.toml"),
        )
        .unwrap();
        let m = SubjectMatcher::new(&rules.figures, Lang::En);
        assert!(spans(&m, "It destroyed 6,837 structures.").is_empty());
    }

    #[test]
    fn stems_kept_from_one_draft_to_the_next_change_nothing() {
        let text = "Eleven people died in custody last year.";
        let first = found(text);
        assert!(KEPT_STEMS.with(|kept| !kept.borrow()[Lang::En.index()].is_empty()));
        assert_eq!(found(text), first);
        // A Spanish draft on the same thread keeps its own stems: "murieron"
        // is not stemmed as an English word.
        let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
        SubjectMatcher::new(&rules.figures, Lang::Es).find("murieron", 0..8);
        assert_eq!(found(text), first);
        assert_eq!(first, vec![("deaths", "died in custody")]);
    }

    #[test]
    fn words_match_their_inflections() {
        assert_eq!(
            found("He dies in custody."),
            vec![("deaths", "dies in custody")]
        );
        assert_eq!(
            found("Dying in custody."),
            vec![("deaths", "Dying in custody")]
        );
        assert_eq!(
            found("Police have arrested"),
            vec![("arrests", "have arrested")]
        );
        assert_eq!(
            found("one arrested under the state of exception"),
            vec![("arrests", "arrested under the state of exception")]
        );
    }

    #[test]
    fn inserted_words_up_to_the_gap() {
        assert_eq!(
            found("died in government custody"),
            vec![("deaths", "died in government custody")]
        );
        assert_eq!(
            found("died while in state custody"),
            vec![("deaths", "died while in state custody")]
        );
        // The default gap is 2: three inserted words are too many.
        assert_eq!(found("died in the care of custody"), vec![]);
        // This figure's gap is 1.
        assert_eq!(
            found("have already arrested"),
            vec![("arrests", "have already arrested")]
        );
        assert_eq!(found("have since then arrested"), vec![]);
    }

    #[test]
    fn never_across_a_negation_or_clause_punctuation() {
        assert_eq!(found("have not arrested"), vec![]);
        assert_eq!(found("have never arrested"), vec![]);
        assert_eq!(found("have NEVER arrested"), vec![]);
        assert_eq!(found("died, in custody"), vec![]);
        assert_eq!(found("They died. In custody"), vec![]);
        assert_eq!(
            found("died in custody—367"),
            vec![("deaths", "died in custody")]
        );
    }

    #[test]
    fn words_are_letters_digits_and_inner_apostrophes_in_any_script() {
        let words = |text: &str| -> Vec<String> {
            tokens(text)
                .into_iter()
                .map(|w| text[w].to_string())
                .collect()
        };
        assert_eq!(words("Salvador's toll"), ["Salvador's", "toll"]);
        assert_eq!(words("'quoted' words"), ["quoted", "words"]);
        assert_eq!(words("l’État, naïve café"), ["l’État", "naïve", "café"]);
        assert_eq!(words("x_y 42b—end’"), ["x_y", "42b", "end"]);
        assert_eq!(
            words("“deaths”\u{a0}in custody"),
            ["deaths", "in", "custody"]
        );
        assert_eq!(words("..."), Vec::<String>::new());
    }

    #[test]
    fn negations_are_listed_in_lowercase() {
        // `is_negation` compares a word in ASCII without lowercasing it.
        for inflection in [&ENGLISH, &SPANISH] {
            for n in inflection.negations {
                assert_eq!(*n, n.to_lowercase());
            }
        }
        assert!(is_negation(&ENGLISH, "Never"));
        assert!(is_negation(&SPANISH, "NUNCA"));
        assert!(is_negation(&SPANISH, "Tampoco"));
        assert!(!is_negation(&ENGLISH, "nothing"));
    }

    #[test]
    fn whole_words_only_in_any_script() {
        assert_eq!(found("rearrested under the state of exception"), vec![]);
        assert_eq!(found("died in custodyé"), vec![]);
        assert_eq!(found("predied in custody"), vec![]);
        // A possessive is the same word.
        assert_eq!(
            found("deaths in custody’s toll"),
            vec![("deaths", "deaths in custody’s")]
        );
    }

    #[test]
    fn every_inflection_starts_with_its_stems_prefix() {
        let stemming = Stemming::new(Lang::En);
        for word in [
            "died",
            "dies",
            "dying",
            "death",
            "deaths",
            "custody",
            "custodial",
            "arrested",
            "arrests",
            "arresting",
            "detained",
            "detainees",
            "homicides",
            "relational",
            "conflated",
            "hopping",
            "skies",
            "lying",
            "studies",
            "cried",
            "generalization",
            "happily",
            "officials",
            "Salvador's",
            "extensions",
            "renewed",
        ] {
            let lower = normal(word);
            let stem = stemming.stem(&lower);
            assert!(
                starts_like(&ENGLISH, word, &stem, prefix(&stem)),
                "{word}: stem {stem}, prefix {}",
                prefix(&stem)
            );
        }
        assert_eq!(prefix("custodi"), "custo");
        assert_eq!(prefix("die"), "die");
        assert_eq!(prefix("in"), "in");
    }

    #[test]
    fn spanish_words_match_their_inflections_with_or_without_accents() {
        let rules = Rules::parse(
            r#"
[[figure]]
id = "deaths"
name = "Muertes"
subjects = ["died in custody"]
subjects_es = ["(muertes|murieron) bajo custodia"]
canonical = 367

[[figure]]
id = "arrests"
name = "Detenciones"
subjects = ["arrested"]
subjects_es = ["detenidos", "detención"]
canonical = 85000
"#,
            std::path::Path::new("rules.toml"),
        )
        .unwrap();
        let matcher = SubjectMatcher::new(&rules.figures, Lang::Es);
        let found = |text: &str| -> Vec<String> {
            matcher
                .find(text, 0..text.len())
                .into_iter()
                .map(|h| text[h.span].to_string())
                .collect()
        };
        for text in [
            "una muerte bajo custodia",
            "murió bajo custodia",
            "murieron bajo la custodia",
            "MUERTES BAJO CUSTODIA",
        ] {
            assert_eq!(found(text).len(), 1, "{text}");
        }
        for text in [
            "los detenidos",
            "las detenidas",
            "un detenido",
            "la detencion",
            "las detenciones",
        ] {
            assert_eq!(found(text).len(), 1, "{text}");
        }
        // A negation inside the phrase, or another word: no match.
        assert!(found("muertes no bajo custodia").is_empty());
        assert!(found("los detectives").is_empty());
        // English phrases do not match Spanish drafts, nor Spanish ones English.
        assert!(found("died in custody").is_empty());
        let english = SubjectMatcher::new(&rules.figures, Lang::En);
        assert!(english.find("los detenidos", 0..13).is_empty());
    }

    #[test]
    fn tokens_keep_apostrophes_inside_words() {
        let text = "El Salvador's 85,000 ’";
        let words: Vec<&str> = tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, vec!["El", "Salvador's", "85", "000"]);
    }
}
