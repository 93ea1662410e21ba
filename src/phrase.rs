//! The syntax of subject phrases, as a desk writes them in `rules.toml`:
//! words, `(a|b)` for a choice, `[a]` for an optional word; and what a word
//! is. The rules check a phrase's syntax with it, and the subject matcher
//! spells each phrase out into the word sequences it looks for.

use std::ops::Range;

/// How many word sequences one subject may stand for once its choices and
/// optional words are spelt out.
const MAX_EXPANSIONS: usize = 256;
/// How deep brackets may nest in a subject: the parser recurses once a
/// level, and 20,000 levels once overflowed the stack.
const MAX_NESTING: usize = 8;
/// The most words one spelt-out subject may have: the matcher keeps a trie
/// level a word, and a subject of 100,000 words once overflowed the stack.
pub const MAX_SUBJECT_WORDS: usize = 32;

/// Characters of regular expressions that a desk may write out of habit
/// (`(flood )?deaths`). Read as words they would vanish or match nothing,
/// silently, so a phrase that holds one cannot be read.
const REGEX_ONLY: &[char] = &['?', '*', '+', '\\', '^', '{', '}'];

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
        depth: 0,
    };
    if let Some((at, c)) = pattern.char_indices().find(|(_, c)| REGEX_ONLY.contains(c)) {
        return Err(parser.error(
            format!(
                "`{c}` is regular-expression syntax: write an optional word in [ ], as in \
                 \"[flood] deaths\""
            ),
            at..at + c.len_utf8(),
        ));
    }
    let sequences = parser.sequence(None)?;
    if parser.pos < pattern.len() {
        let c = pattern[parser.pos..].chars().next().unwrap_or(' ');
        return Err(parser.error(format!("`{c}` closes nothing"), parser.pos..parser.pos + 1));
    }
    if sequences.iter().any(|s| s.len() > MAX_SUBJECT_WORDS) {
        return Err(PatternError {
            message: format!(
                "this subject has more than {MAX_SUBJECT_WORDS} words; a subject names a figure in a few"
            ),
            at: 0..pattern.len(),
        });
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
    /// How many brackets are open.
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: String, at: Range<usize>) -> PatternError {
        PatternError { message, at }
    }

    fn too_many(&self, at: Range<usize>) -> PatternError {
        self.error(
            format!("this subject stands for more than {MAX_EXPANSIONS} phrases; split it into several subjects"),
            at,
        )
    }

    /// A bracket opened or closed against a word's letters, as in the
    /// regular expression `rescatad[ao]s`: it would silently ask for the
    /// word pieces `rescatad`, `ao` and `s`, which no draft holds.
    fn inside_a_word(&self, at: usize) -> PatternError {
        self.error(
            "a bracket inside a word: brackets hold whole words, and \"deaths\" already \
             finds \"death\""
                .into(),
            at..at + 1,
        )
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
                    if alternatives.len() > MAX_EXPANSIONS {
                        return Err(self.too_many(opened_at..self.pos));
                    }
                    current = vec![Vec::new()];
                    words_in_alternative = 0;
                }
                Some(c @ ('(' | '[')) => {
                    let start = self.pos;
                    if self.text[..start].ends_with(char::is_alphanumeric) {
                        return Err(self.inside_a_word(start));
                    }
                    if self.depth == MAX_NESTING {
                        return Err(self.error(
                            format!("brackets nested more than {MAX_NESTING} deep; write the subject out in several"),
                            start..start + 1,
                        ));
                    }
                    self.pos += 1;
                    self.depth += 1;
                    let inner = self.sequence(Some(if c == '(' { ')' } else { ']' }));
                    self.depth -= 1;
                    let mut options = inner?;
                    if self.peek().is_some_and(char::is_alphanumeric) {
                        return Err(self.inside_a_word(self.pos - 1));
                    }
                    if c == '[' {
                        options.push(Vec::new());
                    }
                    // Counted before it is built: 8 optional words and a
                    // 300,000-way choice once took 4 GB.
                    if current.len().saturating_mul(options.len()) > MAX_EXPANSIONS {
                        return Err(self.too_many(start..self.pos));
                    }
                    current = product(&current, &options);
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
pub(crate) fn words_of(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| normal(&text[t])).collect()
}

pub(crate) fn normal(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// Byte ranges of the words in `text`: runs of letters and digits, with an
/// apostrophe inside a word kept (`Salvador's`).
pub fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(word) = next_word(text, from) {
        from = word.end;
        out.push(word);
    }
    out
}

/// The word of `text` that starts at `at`, if one does.
pub(crate) fn word_from(text: &str, at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut end = at;
    loop {
        // Letters, digits and underscores in ASCII a byte at a time; any
        // other character by the rule for all of them.
        while bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            end += 1;
        }
        let mut chars = text[end..].chars();
        let Some(c) = chars.next() else { break };
        let inner_apostrophe =
            matches!(c, '\'' | '’') && end > at && chars.next().is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner_apostrophe {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    (end > at).then_some(at..end)
}

/// The next word of `text` after byte `from`.
pub(crate) fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let width = if b.is_ascii() {
            if b.is_ascii_alphanumeric() || b == b'_' {
                return word_from(text, i);
            }
            1
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            if c.is_alphanumeric() {
                return word_from(text, i);
            }
            c.len_utf8()
        };
        i += width;
    }
    None
}
