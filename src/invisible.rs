//! Numbers as readers see them.
//!
//! A reader sees `376` where a draft holds `3`, a zero-width space and `76`,
//! and `376` in full-width digits (`３７６`); figcheck read the first as two
//! numbers and the second as none, so a wrong figure written either way
//! passed unseen. Before a draft is read, characters no one sees (zero-width
//! space, non-joiner and joiner, word joiner, byte order mark, soft hyphen)
//! are dropped where they stand inside a number, and full-width digits,
//! commas and full stops are read as ASCII ones. Findings point back at the
//! draft's own bytes, and a fix of such a number is never applied unasked
//! (the bytes it replaces are not the number as read).

use std::borrow::Cow;

use crate::markup::{OffsetMap, Segment};

/// A draft as read, and how its offsets map back to the draft's.
pub struct AsRead<'a> {
    pub text: Cow<'a, str>,
    /// `None` when the draft is read as it is.
    pub map: Option<OffsetMap>,
}

/// How many characters on either side are looked at for the number an
/// invisible character may stand in.
const LOOK: usize = 8;

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// The ASCII character a full-width digit, comma or full stop reads as.
fn fullwidth(c: char) -> Option<char> {
    match c {
        '\u{ff10}'..='\u{ff19}' => char::from_digit(c as u32 - 0xff10, 10),
        '\u{ff0c}' => Some(','),
        '\u{ff0e}' => Some('.'),
        _ => None,
    }
}

/// Whether `source` may hold a character this module changes: their UTF-8
/// forms start with `C2`, `E2` or `EF`, which plain ASCII prose never has.
fn may_change(source: &str) -> bool {
    let bytes = source.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr3(0xc2, 0xe2, 0xef, &bytes[from..]) {
        let at = from + i;
        let c = source[at..]
            .chars()
            .next()
            .expect("a character starts here");
        if is_invisible(c) || fullwidth(c).is_some() {
            return true;
        }
        from = at + 1;
    }
    false
}

/// `source` as a reader sees its numbers.
pub fn as_read(source: &str) -> AsRead<'_> {
    if !may_change(source) {
        return AsRead {
            text: Cow::Borrowed(source),
            map: None,
        };
    }
    let mut text = String::with_capacity(source.len());
    let mut segments: Vec<Segment> = Vec::new();
    // The start of the current run copied as it is, in the draft and as read.
    let (mut run_source, mut run_view) = (0, 0);
    let mut changed = false;
    // The characters around one are read from the text itself: a draft of
    // megabytes with one soft hyphen is not copied into a list of characters.
    for (at, c) in source.char_indices() {
        let replacement = fullwidth(c).map(Some).or_else(|| {
            if !is_invisible(c) {
                return None;
            }
            // Dropped inside a number: a digit (or a separator after one)
            // before it, past any other invisible characters, and a digit after.
            // At most a few invisible characters in a row are looked past:
            // a run of a million would otherwise be walked once for each.
            let mut behind = source[..at].chars().rev();
            let before = behind.clone().take(LOOK).find(|c| !is_invisible(*c));
            let two_back = behind.nth(1);
            let after = source[at + c.len_utf8()..]
                .chars()
                .take(LOOK)
                .find(|c| !is_invisible(*c));
            let inside = before.is_some_and(|b| {
                digit(b) || (matches!(b, ',' | '.') && two_back.is_some_and(digit))
            }) && after.is_some_and(digit);
            inside.then_some(None)
        });
        let Some(replacement) = replacement else {
            text.push(c);
            continue;
        };
        if at > run_source {
            segments.push(Segment {
                view: run_view,
                source: run_source,
                view_len: at - run_source,
                source_len: at - run_source,
            });
        }
        let view = text.len();
        if let Some(r) = replacement {
            text.push(r);
        }
        segments.push(Segment {
            view,
            source: at,
            view_len: text.len() - view,
            source_len: c.len_utf8(),
        });
        run_source = at + c.len_utf8();
        run_view = text.len();
        changed = true;
    }
    if !changed {
        return AsRead {
            text: Cow::Borrowed(source),
            map: None,
        };
    }
    if source.len() > run_source {
        segments.push(Segment {
            view: run_view,
            source: run_source,
            view_len: source.len() - run_source,
            source_len: source.len() - run_source,
        });
    }
    AsRead {
        text: Cow::Owned(text),
        map: Some(OffsetMap { segments }),
    }
}

fn digit(c: char) -> bool {
    c.is_ascii_digit() || fullwidth(c).is_some_and(|d| d.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        as_read(text).text.into_owned()
    }

    #[test]
    fn invisible_characters_inside_a_number_are_dropped() {
        assert_eq!(read("By 2025, 3\u{200b}76 died."), "By 2025, 376 died.");
        assert_eq!(read("85,\u{2060}000 and 1\u{ad}9"), "85,000 and 19");
        assert_eq!(read("3\u{200b}\u{feff}76"), "376");
        assert_eq!(
            read("３７６ people, ８５，０００ arrests, １．９"),
            "376 people, 85,000 arrests, 1.9"
        );
    }

    #[test]
    fn invisible_characters_elsewhere_stay() {
        // Between words, at a number's edge, and where nothing changes.
        for text in [
            "co\u{ad}operation",
            "376\u{200b} people",
            "a\u{200b}3",
            "plain ASCII 376 — and “quotes”",
        ] {
            assert_eq!(read(text), text);
            assert!(as_read(text).map.is_none(), "{text:?}");
        }
    }

    #[test]
    fn offsets_map_back_to_the_drafts_bytes() {
        let source = "Deaths: 3\u{200b}76 and ３７６ here.";
        let read = as_read(source);
        let map = read.map.as_ref().unwrap();
        let text = &read.text;
        let first = text.find("376").unwrap();
        assert_eq!(&source[map.range(&(first..first + 3))], "3\u{200b}76");
        let second = text.rfind("376").unwrap();
        assert_eq!(&source[map.range(&(second..second + 3))], "３７６");
        let here = text.find("here").unwrap();
        assert_eq!(&source[map.range(&(here..here + 4))], "here");
    }
}
