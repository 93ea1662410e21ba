//! Subject phrases: how a figure is named in prose, and finding those names
//! in a draft the way reporters write them.
//!
//! A subject is a pattern of words. Each word matches its inflections through
//! the Snowball English stemmer (`arrested` matches `arrest`, `arrests`,
//! `arresting`; `died` matches `die`, `dies`, `dying`). Inside one subject:
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

use rust_stemmers::{Algorithm, Stemmer};

use crate::rules::Figure;

/// How many word sequences one subject may stand for once its choices and
/// optional words are spelt out.
const MAX_EXPANSIONS: usize = 256;

/// Words that may never stand inside a subject: they turn its meaning round.
const NEGATIONS: &[&str] = &["not", "never", "no", "nor", "n't", "cannot", "neither"];

/// Why a subject pattern cannot be read, with the byte range in the pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub message: String,
    pub at: Range<usize>,
}

/// The word sequences a subject pattern stands for, each word lowercased.
pub fn expand(pattern: &str) -> Result<Vec<Vec<String>>, PatternError> {
    let mut parser = Parser {
        text: pattern,
        pos: 0,
    };
    let sequences = parser.sequence(None)?;
    if parser.pos < pattern.len() {
        let c = pattern[parser.pos..].chars().next().unwrap_or(' ');
        return Err(parser.error(format!("`{c}` closes nothing"), parser.pos..parser.pos + 1));
    }
    if sequences.iter().any(Vec::is_empty) {
        return Err(PatternError {
            message: "every word in this subject is optional, so it would match anywhere".into(),
            at: 0..pattern.len(),
        });
    }
    Ok(sequences)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: String, at: Range<usize>) -> PatternError {
        PatternError { message, at }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    /// Alternatives separated by `|` until `close` (or the end).
    fn sequence(&mut self, close: Option<char>) -> Result<Vec<Vec<String>>, PatternError> {
        let opened_at = self.pos.saturating_sub(1);
        let mut alternatives: Vec<Vec<String>> = Vec::new();
        let mut current: Vec<Vec<String>> = vec![Vec::new()];
        let mut words_in_alternative = 0;
        loop {
            match self.peek() {
                None => {
                    if let Some(c) = close {
                        return Err(self.error(
                            format!("this `{}` is never closed with `{c}`", opener(c)),
                            opened_at..opened_at + 1,
                        ));
                    }
                    break;
                }
                Some(c) if Some(c) == close => {
                    self.pos += 1;
                    break;
                }
                Some(c @ (')' | ']')) => {
                    return Err(self.error(format!("`{c}` closes nothing"), self.pos..self.pos + 1))
                }
                Some('|') => {
                    if close.is_none() {
                        return Err(self.error(
                            "`|` must stand inside ( ) or [ ], as in \"(died|deaths) in custody\""
                                .into(),
                            self.pos..self.pos + 1,
                        ));
                    }
                    if words_in_alternative == 0 {
                        return Err(self.error(
                            "an empty choice: write a word on each side of `|`".into(),
                            self.pos..self.pos + 1,
                        ));
                    }
                    self.pos += 1;
                    alternatives.append(&mut current);
                    current = vec![Vec::new()];
                    words_in_alternative = 0;
                }
                Some(c @ ('(' | '[')) => {
                    let start = self.pos;
                    self.pos += 1;
                    let inner = self.sequence(Some(if c == '(' { ')' } else { ']' }))?;
                    let mut options = inner;
                    if c == '[' {
                        options.push(Vec::new());
                    }
                    current = product(&current, &options);
                    if current.len() > MAX_EXPANSIONS {
                        return Err(self.error(
                            format!("this subject stands for more than {MAX_EXPANSIONS} phrases; split it into several subjects"),
                            start..self.pos,
                        ));
                    }
                    words_in_alternative += 1;
                }
                Some(c) if c.is_whitespace() => self.pos += c.len_utf8(),
                Some(_) => {
                    let start = self.pos;
                    let len = self.text[start..]
                        .find(|c: char| c.is_whitespace() || "()[]|".contains(c))
                        .unwrap_or(self.text.len() - start);
                    self.pos += len;
                    let words = words_of(&self.text[start..start + len]);
                    for sequence in &mut current {
                        sequence.extend(words.iter().cloned());
                    }
                    words_in_alternative += 1;
                }
            }
        }
        if close.is_some() && words_in_alternative == 0 {
            return Err(self.error(
                "an empty choice: write a word on each side of `|`".into(),
                opened_at..self.pos,
            ));
        }
        alternatives.append(&mut current);
        Ok(alternatives)
    }
}

fn opener(close: char) -> char {
    if close == ')' {
        '('
    } else {
        '['
    }
}

fn product(left: &[Vec<String>], right: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut out = Vec::with_capacity(left.len() * right.len());
    for l in left {
        for r in right {
            let mut joined = l.clone();
            joined.extend(r.iter().cloned());
            out.push(joined);
        }
    }
    out
}

/// The words of a piece of text, lowercased, as the matcher splits a draft.
fn words_of(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| normal(&text[t])).collect()
}

fn normal(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// Byte ranges of the words in `text`: runs of letters and digits, with an
/// apostrophe inside a word kept (`Salvador's`).
pub fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || c == '_' || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// An occurrence of a figure's subject phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectHit {
    pub figure: usize,
    pub span: Range<usize>,
}

/// One spelt-out subject: its stems, and the figures (with their gaps) it names.
#[derive(Debug, Clone)]
struct Phrase {
    stems: Vec<String>,
    figures: Vec<(usize, usize)>,
}

/// Finds the subject phrases of all figures in one pass over a text.
#[derive(Debug, Clone)]
pub struct SubjectMatcher {
    /// First stem → the phrases that start with it.
    by_first: HashMap<String, Vec<Phrase>>,
    /// The first letter of every stem a phrase uses: a word that starts with
    /// another letter is never stemmed. (Stems keep their word's first letter;
    /// the second may change: `dying` → `die`.)
    prefixes: std::collections::HashSet<String>,
}

fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

fn prefix(word: &str) -> String {
    word.chars().take(1).collect()
}

impl SubjectMatcher {
    pub fn new(figures: &[Figure]) -> SubjectMatcher {
        let stemmer = stemmer();
        // Stems of one spelt-out phrase → (figure, gap) for each figure it names.
        let mut phrases: HashMap<Vec<String>, Vec<(usize, usize)>> = HashMap::new();
        for (i, figure) in figures.iter().enumerate() {
            for subject in &figure.subjects {
                // Validation has read every pattern; one that does not parse
                // here (rules built in code) names nothing.
                for words in expand(subject).unwrap_or_default() {
                    let stems: Vec<String> =
                        words.iter().map(|w| stemmer.stem(w).into_owned()).collect();
                    let list = phrases.entry(stems).or_default();
                    if !list.iter().any(|(f, _)| *f == i) {
                        list.push((i, figure.gap));
                    }
                }
            }
        }
        let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::new();
        let mut prefixes = std::collections::HashSet::new();
        let mut sorted: Vec<_> = phrases.into_iter().collect();
        sorted.sort();
        for (stems, figures) in sorted {
            for stem in &stems {
                prefixes.insert(prefix(stem));
            }
            by_first
                .entry(stems[0].clone())
                .or_default()
                .push(Phrase { stems, figures });
        }
        SubjectMatcher { by_first, prefixes }
    }

    /// Every subject occurrence in `text[range]`, in order. Where phrases
    /// overlap, the one that starts first wins, and then the longest.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<SubjectHit> {
        if self.by_first.is_empty() {
            return Vec::new();
        }
        let stemmer = stemmer();
        let slice = &text[range.clone()];
        let words = tokens(slice);
        let mut stems: Vec<Option<String>> = vec![None; words.len()];
        let mut stem_at = |i: usize| -> String {
            if let Some(s) = &stems[i] {
                return s.clone();
            }
            let word = normal(&slice[words[i].clone()]);
            let stem = if self.prefixes.contains(&prefix(&word)) {
                stemmer.stem(&word).into_owned()
            } else {
                // Not stemmed: it cannot equal any stem of ours.
                String::from("\u{0}")
            };
            stems[i] = Some(stem.clone());
            stem
        };
        let mut hits = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let first = stem_at(i);
            let Some(phrases) = self.by_first.get(&first) else {
                i += 1;
                continue;
            };
            // The longest phrase that matches here, and every figure it names.
            let mut best: Option<(usize, Vec<usize>)> = None;
            for phrase in phrases {
                for &(figure, gap) in &phrase.figures {
                    let Some(last) = self.match_from(slice, &words, &mut stem_at, i, phrase, gap)
                    else {
                        continue;
                    };
                    match &mut best {
                        Some((end, figs)) if *end == last => {
                            if !figs.contains(&figure) {
                                figs.push(figure);
                            }
                        }
                        Some((end, _)) if *end > last => {}
                        _ => best = Some((last, vec![figure])),
                    }
                }
            }
            match best {
                Some((last, mut figures)) => {
                    figures.sort_unstable();
                    let span = range.start + words[i].start..range.start + words[last].end;
                    hits.extend(figures.into_iter().map(|figure| SubjectHit {
                        figure,
                        span: span.clone(),
                    }));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The index of the last word of `phrase` matched from word `start`, with
    /// at most `gap` other words inside it.
    fn match_from(
        &self,
        text: &str,
        words: &[Range<usize>],
        stem_at: &mut impl FnMut(usize) -> String,
        start: usize,
        phrase: &Phrase,
        gap: usize,
    ) -> Option<usize> {
        let mut at = start;
        let mut gaps_left = gap;
        for stem in &phrase.stems[1..] {
            let mut next = at + 1;
            loop {
                if next >= words.len() || !joined(text, &words[next - 1], &words[next]) {
                    return None;
                }
                if stem_at(next) == *stem {
                    break;
                }
                let word = normal(&text[words[next].clone()]);
                if gaps_left == 0 || NEGATIONS.contains(&word.as_str()) || word.ends_with("n't") {
                    return None;
                }
                gaps_left -= 1;
                next += 1;
            }
            at = next;
        }
        Some(at)
    }
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
        SubjectMatcher::new(&rules.figures)
            .find(text, 0..text.len())
            .into_iter()
            .map(|h| (ids[h.figure], &text[h.span]))
            .collect()
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
        assert_eq!(found("died, in custody"), vec![]);
        assert_eq!(found("They died. In custody"), vec![]);
        assert_eq!(
            found("died in custody—367"),
            vec![("deaths", "died in custody")]
        );
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
    fn tokens_keep_apostrophes_inside_words() {
        let text = "El Salvador's 85,000 ’";
        let words: Vec<&str> = tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, vec!["El", "Salvador's", "85", "000"]);
    }
}
