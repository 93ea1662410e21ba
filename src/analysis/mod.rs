//! A sentence read once, for every step that weighs what a number in it says.
//!
//! Attribution, framing (forecast, history, part, increment), tied years and
//! change constructions all look at the words around a number. They read
//! them through a [`Sentence`], which holds the sentence's word starts and
//! asides, worked out once, and hands out only the sentence's own text: a
//! scan asked to reach before the sentence's start or past its end gets the
//! part inside it. So no step can reach past the sentence it serves, and the
//! work on a draft grows with its length, never with its square (a cue
//! pattern run over everything before a number once made a 1 MB draft take
//! minutes).
//!
//! Sentences are at most [`crate::text::LONGEST_SENTENCE`] bytes long, so the
//! work on each number is bounded too.

use std::cell::Cell;
use std::ops::Range;

use crate::text;

/// One sentence of a draft's prose, as the steps that judge its numbers see it.
#[derive(Debug, Clone)]
pub struct Sentence<'t> {
    /// The whole prose the sentence stands in: offsets are into it.
    text: &'t str,
    /// The sentence, as a byte range of `text`.
    pub range: Range<usize>,
    /// Start offsets of its words, ascending (see [`text::word_starts`]).
    pub words: Vec<usize>,
    /// Its asides: parentheses, brackets, paired dashes (see [`text::asides`]).
    pub asides: Vec<Range<usize>>,
}

thread_local! {
    /// Bytes of sentence text handed out on this thread, for tests that count work.
    static READ: Cell<u64> = const { Cell::new(0) };
}

/// How many bytes of sentence text this thread's steps have been handed to
/// scan so far. Tests compare it across inputs of different sizes: work that
/// grows faster than the input shows here first.
pub fn bytes_read() -> u64 {
    READ.with(Cell::get)
}

impl<'t> Sentence<'t> {
    /// Reads the sentence at `range` of `text`: its words and asides.
    pub fn read(text: &'t str, range: Range<usize>) -> Sentence<'t> {
        let words = text::word_starts(text, range.clone());
        let asides = text::asides(text, &range);
        Sentence {
            text,
            range,
            words,
            asides,
        }
    }

    /// The text of `range`, cut to the sentence and to whole characters:
    /// the part of it that lies inside the sentence (empty when none does).
    pub fn slice(&self, range: Range<usize>) -> &'t str {
        let mut start = range.start.clamp(self.range.start, self.range.end);
        // A window counted in bytes may end inside a character: the slice
        // keeps to whole characters inside it.
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = range.end.clamp(start, self.range.end);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let end = end.max(start);
        READ.with(|r| r.set(r.get() + (end - start) as u64));
        &self.text[start..end]
    }

    /// The whole sentence.
    pub fn all(&self) -> &'t str {
        self.slice(self.range.clone())
    }

    /// The sentence from its start up to `at`.
    pub fn before(&self, at: usize) -> &'t str {
        self.slice(self.range.start..at)
    }

    /// The sentence from `at` to its end.
    pub fn after(&self, at: usize) -> &'t str {
        self.slice(at..self.range.end)
    }

    /// The number of words that start in `gap`.
    pub fn words_between(&self, gap: Range<usize>) -> usize {
        text::words_between(&self.words, gap)
    }

    /// The number of words that start in `gap` outside the asides that lie
    /// wholly inside it: "135,385 people – a town's worth – crossed" puts
    /// one word between the number and "crossed", not five.
    pub fn words_between_outside_asides(&self, gap: Range<usize>) -> usize {
        let inside: usize = self
            .asides
            .iter()
            .filter(|a| gap.start <= a.start && a.end <= gap.end)
            // Nested asides lie inside an outer one, counted once.
            .filter(|a| {
                !self
                    .asides
                    .iter()
                    .any(|o| o != *a && o.start <= a.start && a.end <= o.end)
            })
            .map(|a| self.words_between(a.clone()))
            .sum();
        self.words_between(gap) - inside
    }

    /// The innermost aside that holds byte `at`, if any.
    pub fn aside_at(&self, at: usize) -> Option<&Range<usize>> {
        text::aside_at(&self.asides, at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_outside_the_sentence_is_handed_out() {
        let text = "Before it. The toll—then 64—rose to 367. After it.";
        let start = text.find("The").unwrap();
        let end = text.find(" After").unwrap();
        let s = Sentence::read(text, start..end);
        assert_eq!(s.all(), "The toll—then 64—rose to 367.");
        assert_eq!(s.before(text.find("64").unwrap()), "The toll—then ");
        // Reaching back to the draft's start or on to its end stops at the
        // sentence's edges.
        assert_eq!(s.slice(0..start + 3), "The");
        assert_eq!(s.after(end - 4), "367.");
        assert_eq!(s.slice(end..text.len()), "");
        assert_eq!(s.slice(0..2), "");
        assert_eq!(s.words.len(), 7, "{:?}", s.words);
        assert_eq!(s.asides.len(), 1);
        let aside = &text[s.asides[0].clone()];
        assert_eq!(aside, "—then 64—");
        assert_eq!(s.aside_at(text.find("64").unwrap()), Some(&s.asides[0]));
    }

    #[test]
    fn what_is_handed_out_is_counted() {
        let text = "One two. Three four five.";
        let s = Sentence::read(text, 9..text.len());
        let before = bytes_read();
        s.all();
        s.slice(0..text.len());
        assert_eq!(bytes_read() - before, 2 * 16);
    }
}
