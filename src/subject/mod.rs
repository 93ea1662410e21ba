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

use crate::lang::Lang;
use crate::phrase::{expand, next_word, normal, word_from};
use crate::rules::Figure;

/// Maps keyed by words and stems, looked up for every word near a subject:
/// a fast hash, seeded for each run, since the words come from drafts.
type WordMap<V> = HashMap<String, V, foldhash::fast::RandomState>;

mod inflection;
mod modifier;
#[cfg(test)]
mod tests;
mod unmatchable;

use inflection::{
    accented_variants, is_auxiliary, is_compound, is_coordinator, is_negation, prefix, starts_like,
    Stemming, Stems,
};
pub use unmatchable::unmatchable;

#[derive(Debug, Clone, PartialEq)]
pub struct SubjectHit {
    pub figure: usize,
    pub span: Range<usize>,
    /// The phrase matched with a word of the same family in place of one of
    /// the desk's words ("deaths in custody" for "died in custody").
    pub family: bool,
    /// The phrase written the other way round about its number: the desk's
    /// "structures destroyed" in "destroyed nearly 10,000 structures". The
    /// number stands inside the span, and the phrase claims it only.
    pub around: bool,
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
    /// Each figure's own words (see [`modifier`]): a word beside a phrase
    /// that narrows it to another quantity drops it, unless it is one of
    /// these. Empty for the matcher of `exclude` phrases.
    own: Vec<std::collections::HashSet<String>>,
    /// Two-word phrases of a noun and a participle ("structures destroyed",
    /// "personas detenidas"), by the participle's stem: the noun's stem and
    /// the figure, for the active voice around a number ("destroyed 10,000
    /// structures").
    turned: WordMap<Vec<(String, usize)>>,
    /// Each figure's family words by stem: every word of each word family
    /// that one of its phrases draws on ("died" puts "deaths", "killed",
    /// "fatalities" … here). Empty for the matcher of `exclude` phrases.
    family_words: Vec<std::collections::HashSet<String>>,
    /// The word families' own words, lowercased: a draft's word with a
    /// short stem belongs to a family only as one of these.
    family_surfaces: std::collections::HashSet<String>,
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

    /// Every byte offset in `text` where a beginning is found, in order,
    /// one at a time: a text where a beginning is found at almost every byte
    /// (fifty million letters `a`) is never listed whole.
    fn find<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        // Every position where a beginning starts: the leftmost match, then
        // again from the byte after its start (a non-overlapping search
        // would skip a beginning inside another; an overlapping one cannot
        // use the SIMD prefilter).
        let mut from = 0;
        let ascii = self.ascii.as_ref().map(move |ascii| {
            std::iter::from_fn(move || {
                let m = ascii.find(Input::new(text).span(from..text.len()))?;
                from = m.start() + 1;
                Some(m.start())
            })
        });
        let other = self
            .other
            .as_ref()
            .map(|other| other.find_iter(text).map(|m| m.start()));
        let mut ascii = ascii.into_iter().flatten().peekable();
        let mut other = other.into_iter().flatten().peekable();
        let mut last = None;
        // The two ordered streams merged, each offset once.
        std::iter::from_fn(move || loop {
            let next = match (ascii.peek(), other.peek()) {
                (Some(&a), Some(&o)) if a <= o => ascii.next(),
                (Some(_), Some(_)) | (None, Some(_)) => other.next(),
                (Some(_), None) => ascii.next(),
                (None, None) => return None,
            };
            if next != last {
                last = next;
                return next;
            }
        })
    }
}

/// Whether a draft's word is one of `words` (family stems): by its stem, but
/// a stem of three letters or fewer only where the word is one of a
/// family's own ("casos", not "casas").
fn is_family_word(
    word: &str,
    stems: &mut Stems,
    words: &std::collections::HashSet<String>,
    own_words: &std::collections::HashSet<String>,
) -> bool {
    let stem = stems.of(word);
    words.contains(stem) && (stem.chars().count() > 3 || own_words.contains(&normal(word)))
}

/// Each figure's family words by stem (see [`SubjectMatcher::family_word`]):
/// every stem of each family one of its phrase words belongs to. A word
/// belongs by its stem, but a stem of three letters or fewer only for the
/// family's own words: Spanish "casas" and "casos" share the stem `cas`.
fn family_words(
    phrase_words: &[Vec<(String, String)>],
    families: &[Vec<String>],
    surfaces: &[Vec<String>],
) -> Vec<std::collections::HashSet<String>> {
    phrase_words
        .iter()
        .map(|words| {
            let mut out = std::collections::HashSet::new();
            for (word, stem) in words {
                for (family, surface) in families.iter().zip(surfaces) {
                    if family.contains(stem) && (stem.chars().count() > 3 || surface.contains(word))
                    {
                        out.extend(family.iter().cloned());
                    }
                }
            }
            out
        })
        .collect()
}

/// Whether a word of a subject phrase is a past participle: the verb of a
/// phrase like "structures destroyed" or "personas detenidas".
fn is_participle(lang: Lang, word: &str) -> bool {
    let word = word.to_lowercase();
    match lang {
        Lang::En => {
            word.len() > 4 && word.ends_with("ed")
                || ["lost", "burnt", "held"].contains(&word.as_str())
        }
        Lang::Es => ["ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"]
            .iter()
            .any(|e| word.len() > e.len() + 2 && word.ends_with(e)),
    }
}

/// Words beside the qualifiers (`numbers::is_qualifier_word`) that may stand
/// before a number inside a phrase written the other way round: "claimed a
/// total of 18 lives", "as many as", "un total de".
const TOTAL_OF: &[&str] = &["a", "an", "total", "of", "un"];

/// After a participle at `verb` that opens a phrase written the other way
/// round ("destroyed nearly 10,000 structures"): a number with its
/// qualifier, then a noun whose stem is one of `nouns`. The end of the noun
/// and the figures its phrase names, if so. Words stand apart by spaces
/// only: a mark ends the phrase.
fn turned_around(
    text: &str,
    stems: &mut Stems,
    verb: &Range<usize>,
    nouns: &[(String, usize)],
) -> Option<(usize, Vec<usize>)> {
    let lang = stems.lang;
    let mut at = verb.end;
    let mut number = false;
    for _ in 0..6 {
        let rest = &text[at..];
        let token_start = rest.trim_start_matches([' ', '\u{a0}', '\t']);
        if token_start.len() == rest.len() {
            return None;
        }
        let start = at + rest.len() - token_start.len();
        let token = &token_start[..token_start
            .find(char::is_whitespace)
            .unwrap_or(token_start.len())];
        let word = token.trim_end_matches(|c: char| !c.is_alphanumeric());
        let marked = word.len() < token.len();
        if word.starts_with(|c: char| c.is_ascii_digit())
            || crate::numbers::is_number_word(word, lang)
        {
            if marked {
                return None;
            }
            number = true;
        } else if !number {
            if marked
                || !(crate::numbers::is_qualifier_word(word, lang)
                    || TOTAL_OF.contains(&word.to_lowercase().as_str()))
            {
                return None;
            }
        } else {
            let stem = stems.of(word);
            let figures: Vec<usize> = nouns
                .iter()
                .filter(|(noun, _)| noun == stem)
                .map(|&(_, figure)| figure)
                .collect();
            return (!figures.is_empty()).then_some((start + word.len(), figures));
        }
        at = start + token.len();
    }
    None
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
        matcher.own = figures
            .iter()
            .map(|f| {
                let subjects = f.subjects_by_lang.iter().flatten().map(String::as_str);
                modifier::own_words(std::iter::once(f.name.as_str()).chain(subjects))
            })
            .collect();
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
        let mut turned: WordMap<Vec<(String, usize)>> = WordMap::default();
        // Each figure's phrase words, with their stems.
        let mut phrase_words: Vec<Vec<(String, String)>> = Vec::new();
        for (i, (subjects, gap)) in phrase_lists.enumerate() {
            for subject in subjects {
                // Validation has read every pattern; one that does not parse
                // here (rules built in code) names nothing.
                for words in expand(subject).unwrap_or_default() {
                    let stems: Vec<String> = words.iter().map(|w| stemming.stem(w)).collect();
                    if phrase_words.len() <= i {
                        phrase_words.resize_with(i + 1, Vec::new);
                    }
                    phrase_words[i].extend(words.iter().cloned().zip(stems.iter().cloned()));
                    if let [noun, participle] = &words[..] {
                        if is_participle(lang, participle) && !is_participle(lang, noun) {
                            let list = turned.entry(stems[1].clone()).or_default();
                            let entry = (stems[0].clone(), i);
                            if !list.contains(&entry) {
                                list.push(entry);
                            }
                        }
                    }
                    let gap = if is_compound(inflection, &words) {
                        0
                    } else {
                        gap
                    };
                    let list = phrases.entry(stems).or_default();
                    if !list.iter().any(|(f, _, _)| *f == i) {
                        list.push((i, gap, false));
                    }
                }
            }
        }
        // Each phrase with one word of a family replaced by another, where
        // the desk did not write that phrase for the figure itself.
        // The families' own words as written, lowercased, and their stems.
        let surfaces: Vec<Vec<String>> = crate::word_family::of(lang)
            .filter(|_| families)
            .map(|f| f.words.iter().map(|w| normal(w)).collect())
            .collect();
        let families: Vec<Vec<String>> = surfaces
            .iter()
            .map(|f| f.iter().map(|w| stemming.stem(w)).collect())
            .collect();
        let family_words = family_words(&phrase_words, &families, &surfaces);
        let family_surfaces = surfaces.into_iter().flatten().collect();
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
        for stem in turned.keys() {
            first_prefixes.push(prefix(stem).to_string());
            if inflection.fold_accents {
                first_prefixes.extend(accented_variants(prefix(stem)));
            }
        }
        for (word, stem) in inflection.exceptional {
            if turned.contains_key(*stem) {
                first_prefixes.push((*word).to_string());
            }
        }
        first_prefixes.sort();
        first_prefixes.dedup();
        let starts = Starts::new(&first_prefixes);
        SubjectMatcher {
            root,
            max_gap,
            lang,
            starts,
            exclusions: None,
            own: Vec::new(),
            turned,
            family_words,
            family_surfaces,
        }
    }

    /// The first word in `text[range]` of a word family that `figure`'s
    /// phrases draw on, where no word beside it narrows it to another
    /// quantity: a sentence that names no figure may still say the topic's
    /// own noun ("The number of deaths stood at 225", "The storm's
    /// fatalities … is 233").
    pub fn family_word(
        &self,
        text: &str,
        range: Range<usize>,
        figure: usize,
    ) -> Option<Range<usize>> {
        let words = self.family_words.get(figure).filter(|w| !w.is_empty())?;
        let mut stems = Stems::new(self.lang);
        crate::phrase::tokens(&text[range.clone()])
            .into_iter()
            .map(|w| range.start + w.start..range.start + w.end)
            .find(|w| {
                is_family_word(&text[w.clone()], &mut stems, words, &self.family_surfaces)
                    && self
                        .own
                        .get(figure)
                        .is_none_or(|own| !modifier::narrows(text, w, own, self.lang))
            })
    }

    /// Whether `text[range]` says a word of any figure's word families.
    pub fn says_a_family_word(&self, text: &str, range: Range<usize>) -> bool {
        if self.family_words.iter().all(|w| w.is_empty()) {
            return false;
        }
        let mut stems = Stems::new(self.lang);
        crate::phrase::tokens(&text[range.clone()])
            .into_iter()
            .any(|w| {
                let word = &text[range.start + w.start..range.start + w.end];
                self.family_words
                    .iter()
                    .any(|f| is_family_word(word, &mut stems, f, &self.family_surfaces))
            })
    }

    /// Every subject occurrence in `text[range]`, in order. Where phrases
    /// start at the same word the longest wins; a phrase starting inside
    /// another is kept only where it runs further.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<SubjectHit> {
        let Some(starts) = &self.starts else {
            return Vec::new();
        };
        let mut stems = Stems::new(self.lang);
        let slice = &text[range.clone()];
        let mut hits = Vec::new();
        let mut resume = 0;
        // The figures the phrases found up to `resume` name.
        let mut covered: Vec<usize> = Vec::new();
        // The phrases a figure excludes, known first: a longer phrase that
        // one of them covers must not hide a shorter one of another figure
        // ("body parts were recovered" is no "bodies recovered").
        let excluded = match self.exclusions.as_deref() {
            Some(exclusions) => exclusions.find(text, range.clone()),
            None => Vec::new(),
        };
        for start in starts.find(slice) {
            // A phrase starts only where a word does, in any script.
            if !starts_word(slice, start) {
                continue;
            }
            // Inside a phrase already found, only one that runs past it and
            // names another figure counts ("people died" and "died in South
            // Carolina"): attribution lets the longer name the narrower
            // quantity.
            let inside = start < resume;
            if !inside {
                covered.clear();
            }
            let Some(first) = word_from(slice, start) else {
                continue;
            };
            let stem = stems.of(&slice[first.clone()]);
            let (node, turned) = (self.root.next.get(stem), self.turned.get(stem));
            // The longest phrase that matches here, and every figure it names.
            let mut best: Option<(usize, Vec<(usize, bool)>)> = None;
            if let Some(node) = node {
                let at = range.start + first.start;
                let skip = |figure: usize, end: usize| {
                    excluded.iter().any(|e| {
                        e.figure == figure && e.span.start < range.start + end && at < e.span.end
                    })
                };
                self.walk(slice, &mut stems, node, &first, 0, &skip, &mut best);
            }
            if inside {
                if let Some((end, figures)) = &mut best {
                    figures.retain(|(f, _)| !covered.contains(f));
                    if *end <= resume || figures.is_empty() {
                        continue;
                    }
                }
            }
            if let Some((end, mut figures)) = best {
                figures.sort_unstable();
                covered.extend(figures.iter().map(|&(f, _)| f));
                let span = range.start + first.start..range.start + end;
                // Where numbers stand outside phrases, one that runs across
                // a numeral is written round it ("tasa de 25,6 homicidios");
                // elsewhere, one whose last word the numeral counts ("herds
                // in 17 states").
                let phrase = &slice[first.start..end];
                let written_round = !stems.stemming.inflection.numbers_inside
                    && phrase.bytes().any(|b| b.is_ascii_digit());
                let counted = counted_last_word(phrase);
                hits.extend(figures.into_iter().map(|(figure, family)| SubjectHit {
                    figure,
                    span: span.clone(),
                    family,
                    // A numeral the desk wrote ("highest in 41 years") is
                    // a word of the phrase, not its number.
                    around: written_round
                        || counted.is_some_and(|n| {
                            self.own.get(figure).is_none_or(|own| !own.contains(n))
                        }),
                }));
                resume = end;
            } else if let Some((end, figures)) = turned
                .filter(|_| !inside)
                .and_then(|nouns| turned_around(slice, &mut stems, &first, nouns))
            {
                covered.extend(figures.iter().copied());
                let span = range.start + first.start..range.start + end;
                hits.extend(figures.into_iter().map(|figure| SubjectHit {
                    figure,
                    span: span.clone(),
                    family: false,
                    around: true,
                }));
                resume = end;
            }
        }
        if !excluded.is_empty() {
            hits.retain(|h| {
                !excluded.iter().any(|e| {
                    e.figure == h.figure && e.span.start < h.span.end && h.span.start < e.span.end
                })
            });
        }
        if !self.own.is_empty() {
            hits.retain(|h| !modifier::narrows(text, &h.span, &self.own[h.figure], self.lang));
        }
        hits
    }

    /// Follows the trie from `node`, whose word ends at `at`, having let
    /// `used` other words stand inside the phrase so far; records in `best`
    /// the longest phrase that ends, and the figures that allow its gaps and
    /// do not `skip` it (by figure and end). Each next stem is taken at its
    /// first word within the gap, as a reader would.
    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        text: &str,
        stems: &mut Stems,
        node: &Node,
        at: &Range<usize>,
        used: usize,
        skip: &dyn Fn(usize, usize) -> bool,
        best: &mut Option<(usize, Vec<(usize, bool)>)>,
    ) {
        for &(figure, gap, family) in &node.ends {
            if used > gap || skip(figure, at.end) {
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
        // Words skipped so far that count against the gap: auxiliaries do not.
        let mut skipped = 0;
        let allowed = self.max_gap.saturating_sub(used);
        for _ in 0..=allowed + FREE_AUXILIARIES {
            if skipped > allowed {
                return;
            }
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
                    self.walk(text, stems, child, &word, used + skipped, skip, best);
                }
            }
            if !inflection.numbers_inside && raw.starts_with(|c: char| c.is_ascii_digit()) {
                // "la tasa de 25,6 homicidios": Spanish writes a rate round
                // its number, so after "de" the phrase runs on across the
                // numeral to its next word, which must follow at once. The
                // phrase then claims that number only (`SubjectHit::around`).
                let after_de = text[previous.clone()].eq_ignore_ascii_case("de");
                if !after_de {
                    return;
                }
                let mut numeral = word;
                while let Some(next) = next_word(text, numeral.end) {
                    if !digit_groups(text, &numeral, &next) {
                        break;
                    }
                    numeral = next;
                }
                let Some(next) = next_word(text, numeral.end).filter(|next| {
                    text[numeral.end..next.start]
                        .chars()
                        .all(char::is_whitespace)
                }) else {
                    return;
                };
                if let Some((stem, child)) = node.next.get_key_value(stems.of(&text[next.clone()]))
                {
                    if !followed.contains(&stem.as_str()) {
                        self.walk(text, stems, child, &next, used + skipped, skip, best);
                    }
                }
                return;
            }
            if grouped || is_negation(inflection, raw) || is_coordinator(inflection, raw) {
                return;
            }
            if !is_auxiliary(inflection, raw) {
                skipped += 1;
            }
            previous = word;
        }
    }
}

/// The numeral, not a year, that stands right before the last word of a
/// phrase that runs across it, if one does: the phrase counts that word with
/// it ("herds in 17 states" is a count of states), not the number before the
/// phrase.
fn counted_last_word(phrase: &str) -> Option<&str> {
    // The last word, the numeral before it, and at least one word before.
    let mut words = phrase.split_whitespace().rev();
    let numeral = words.nth(1)?;
    words.next()?;
    let digits = |c: char| c.is_ascii_digit() || c == ',' || c == '.';
    let year = numeral.len() == 4
        && numeral
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y));
    (numeral.starts_with(|c: char| c.is_ascii_digit()) && numeral.chars().all(digits) && !year)
        .then_some(numeral)
}

/// How many auxiliaries a phrase may hold beyond its gap.
const FREE_AUXILIARIES: usize = 3;

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
