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

pub const EXPLANATION: &str = "\
figcheck::hidden-characters

What it means
  A number the draft claims for a figure stands under a bidirectional
  control character (a right-to-left override, an embedding or an isolate:
  U+202A-U+202E, U+2066-U+2069). Such a character changes the order in which
  the digits are shown: the bytes say 367, a reader sees 763.

Why it matters
  figcheck checks the bytes; the reader trusts what is shown. A wrong figure
  can pass the check and reach readers, or a right one be flagged. Real copy
  never needs these characters inside a figure; they arrive by pasting from
  right-to-left text, or on purpose.

Example
  Rights groups say <U+202E>763<U+202C> people have died in custody.
  (shown as 367; the draft holds 763)

How to fix it
  Delete the control characters around the number and type it again as
  readers should see it. figcheck does not judge the number until then.
";

/// Sets aside the claims whose number stands under a bidirectional control
/// (see [`bidi_regions`]): they are not judged, and each gives a
/// `figcheck::hidden-characters` finding instead.
pub fn set_aside_reordered(
    text: &str,
    numbers: &[crate::numbers::Number],
    claims: &mut Vec<crate::attribute::Claim>,
    figures: &[crate::rules::Figure],
    locale: crate::locale::Locale,
) -> Vec<crate::finding::Finding> {
    let regions = bidi_regions(text);
    if regions.is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    claims.retain(|claim| {
        let number = &numbers[claim.number];
        let Some((_, name)) = regions
            .iter()
            .find(|(r, _)| r.start < number.span.end && number.span.start < r.end)
        else {
            return true;
        };
        let figure = &figures[claim.figure];
        let written = &text[number.span.clone()];
        let shown: String = if name.contains("RIGHT-TO-LEFT") {
            written.chars().rev().collect()
        } else {
            written.to_string()
        };
        findings.push(crate::finding::Finding {
            code: crate::finding::Code::HiddenCharacters,
            severity: crate::rules::Severity::Error,
            figure: Some(claim.figure),
            span: number.span.clone(),
            found_text: written.to_string(),
            found: Some((number.low, number.high)),
            canonical: Some((figure.canonical().min, figure.canonical().max)),
            message: crate::tr!(
                locale,
                "hidden",
                figure = figure.name,
                name = name,
                written = written,
                shown = shown
            ),
            help: crate::tr!(locale, "hidden-help"),
            labels: vec![crate::finding::Label {
                span: number.span.clone(),
                text: crate::tr!(locale, "hidden-label", written = written),
            }],
            fix: None,
        });
        false
    });
    findings
}

/// The stretches of `text` that bidirectional controls reorder: from an
/// opening control to the one that closes it (U+202C, U+2069) or to the end
/// of its line, with the name of the first control.
pub fn bidi_regions(text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let mut regions = Vec::new();
    // Every such control is E2 80 AA-AE or E2 81 A6-A9 in UTF-8: a byte
    // search, not a walk over every character, rules most drafts out.
    let bytes = text.as_bytes();
    let holds_one = memchr::memchr_iter(0xe2, bytes).any(|at| {
        matches!(
            (bytes.get(at + 1), bytes.get(at + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        )
    });
    if !holds_one {
        return regions;
    }
    let mut open: Option<(usize, &'static str)> = None;
    for (at, c) in text.char_indices() {
        match c {
            '\u{202a}' => open = open.or(Some((at, "U+202A LEFT-TO-RIGHT EMBEDDING"))),
            '\u{202b}' => open = open.or(Some((at, "U+202B RIGHT-TO-LEFT EMBEDDING"))),
            '\u{202d}' => open = open.or(Some((at, "U+202D LEFT-TO-RIGHT OVERRIDE"))),
            '\u{202e}' => open = open.or(Some((at, "U+202E RIGHT-TO-LEFT OVERRIDE"))),
            '\u{2066}' => open = open.or(Some((at, "U+2066 LEFT-TO-RIGHT ISOLATE"))),
            '\u{2067}' => open = open.or(Some((at, "U+2067 RIGHT-TO-LEFT ISOLATE"))),
            '\u{2068}' => open = open.or(Some((at, "U+2068 FIRST STRONG ISOLATE"))),
            '\u{202c}' | '\u{2069}' | '\n' => {
                if let Some((start, name)) = open.take() {
                    regions.push((start..at + c.len_utf8(), name));
                }
            }
            _ => {}
        }
    }
    if let Some((start, name)) = open {
        regions.push((start..text.len(), name));
    }
    regions
}

#[cfg(test)]
mod bidi_tests {
    use super::*;

    #[test]
    fn a_control_reorders_up_to_its_closer_or_the_line_s_end() {
        let text = "a \u{202e}763\u{202c} b \u{2067}12\nc";
        let regions = bidi_regions(text);
        assert_eq!(regions.len(), 2, "{regions:?}");
        assert_eq!(&text[regions[0].0.clone()], "\u{202e}763\u{202c}");
        assert!(regions[0].1.contains("RIGHT-TO-LEFT OVERRIDE"));
        assert_eq!(&text[regions[1].0.clone()], "\u{2067}12\n");
        // Must not fire: no control, or a mark that orders nothing (U+200E).
        assert!(bidi_regions("367 people, \u{200e}367").is_empty());
    }
}
