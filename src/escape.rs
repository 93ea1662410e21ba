//! The one place text from outside reaches the output: drafts, rules files,
//! file names and command-line arguments. Nothing of theirs may reach a
//! terminal or a CI log raw: no escape sequence, no carriage return that
//! starts a new log line, no bidirectional control that reorders what a
//! reader sees, no CI log command (`::warning::`, `##[error]`).

/// Whether a character must never reach a terminal or a CI log raw: control
/// characters (an escape sequence, a carriage return, a line break in a file
/// name) and the bidirectional controls that reorder what a reader sees.
pub fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a hostile character other than a line end, read
/// from its UTF-8 bytes (a draft of megabytes is scanned once per rendering,
/// and a byte loop is several times faster than decoding characters): a C0
/// control but tab and line ends, DEL, a C1 control (`C2 80`–`C2 9F`), or a
/// bidi control (`D8 9C`, `E2 80 8E`/`8F`, `E2 80 AA`–`AE`, `E2 81 A6`–`A9`).
fn has_hostile_bytes(text: &[u8]) -> bool {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let hostile_at = |i: usize| match text[i] {
        b'\t' | b'\n' => false,
        b'\r' => at(i + 1) != b'\n',
        0x00..=0x1f | 0x7f => true,
        0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
        0xd8 => at(i + 1) == 0x9c,
        0xe2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x8e | 0x8f | 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
        ),
        _ => false,
    };
    // Only a byte that may start a hostile character needs a closer look;
    // finding one in 32 bytes at a time, without branches, is vectorised.
    let may_start = |b: u8| {
        (b < 0x20 && b != b'\t' && b != b'\n')
            | (b == 0x7f)
            | (b == 0xc2)
            | (b == 0xd8)
            | (b == 0xe2)
    };
    const CHUNK: usize = 32;
    (0..text.len()).step_by(CHUNK).any(|start| {
        let chunk = &text[start..text.len().min(start + CHUNK)];
        chunk.iter().fold(false, |any, &b| any | may_start(b))
            && (start..start + chunk.len()).any(hostile_at)
    })
}

/// Whether `text` holds a hostile character other than a line end (a
/// carriage return before a line feed is one).
pub fn holds_hostile(text: &str) -> bool {
    has_hostile_bytes(text.as_bytes())
}

/// Text from a draft, a rules file or a file name as it may be shown in a
/// line of output: every hostile character written as `\u{1b}`, and the
/// two syntaxes of CI log commands broken: `##[` anywhere (GitHub's and
/// Azure's older commands: `##[error]`, `##[add-mask]`) and `::` at the
/// start, where a line of output begins (`::warning::`), each with its first
/// character written as `\u{23}` or `\u{3a}`.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hostile) && !text.contains("##[") && !text.starts_with("::") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let command =
            (c == '#' && text[i..].starts_with("##[")) || (i == 0 && text.starts_with("::"));
        if is_hostile(c) || command {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Each line of `text` made [`visible`]: for output whose line breaks are
/// its own, such as a listing of the rules.
pub fn visible_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| visible(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A draft's text to draw source lines from, with every hostile character
/// but the line breaks replaced by one of the same length in bytes (`?`,
/// `·` or `�`), so that the findings' byte offsets stay right. A carriage
/// return before a line feed is kept: that is a Windows line end.
pub fn drawable(text: &str) -> std::borrow::Cow<'_, str> {
    let keep = |c: char, next: Option<char>| c == '\n' || (c == '\r' && next == Some('\n'));
    if !has_hostile_bytes(text.as_bytes()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_hostile(c) || keep(c, chars.peek().copied()) {
            out.push(c);
            continue;
        }
        out.push(match c.len_utf8() {
            1 => '?',
            2 => '·',
            _ => '\u{fffd}',
        });
    }
    debug_assert_eq!(out.len(), text.len());
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, character by character.
    fn has_hostile_chars(text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        chars.iter().enumerate().any(|(i, &c)| {
            is_hostile(c) && c != '\n' && !(c == '\r' && chars.get(i + 1) == Some(&'\n'))
        })
    }

    #[test]
    fn the_byte_scan_finds_every_hostile_character() {
        for c in (0..=0x2100u32).filter_map(char::from_u32) {
            for text in [format!("a{c}b"), format!("{c}"), format!("x{c}\n")] {
                assert_eq!(
                    has_hostile_bytes(text.as_bytes()),
                    has_hostile_chars(&text),
                    "{:x}",
                    c as u32
                );
            }
        }
        // The scan looks at 32 bytes at a time: a character across the
        // boundary of two, and a line end split over it.
        for c in (0..=0x2100u32).filter_map(char::from_u32) {
            for pad in 29..=32 {
                let text = format!("{}{c}\n", "a".repeat(pad));
                assert_eq!(
                    has_hostile_bytes(text.as_bytes()),
                    has_hostile_chars(&text),
                    "{:x} after {pad} bytes",
                    c as u32
                );
            }
        }
        assert!(!has_hostile_bytes(
            format!("{}\r\n", "a".repeat(31)).as_bytes()
        ));
        assert!(has_hostile_bytes(
            format!("{}\r", "a".repeat(31)).as_bytes()
        ));
        assert!(!has_hostile_bytes("line\r\nend “quoted” — dash".as_bytes()));
        assert!(has_hostile_bytes("a\rb".as_bytes()));
        assert!(has_hostile_bytes("end\r".as_bytes()));
    }

    #[test]
    fn log_commands_and_the_arabic_letter_mark_are_broken() {
        assert_eq!(
            visible("##[warning]forged.md"),
            "\\u{23}#[warning]forged.md"
        );
        assert_eq!(visible("a ##[add-mask]x"), "a \\u{23}#[add-mask]x");
        assert_eq!(
            visible("::warning file=x::forged"),
            "\\u{3a}:warning file=x::forged"
        );
        assert_eq!(visible("a\u{61c}b"), "a\\u{61c}b");
        assert!(has_hostile_bytes("a\u{61c}b".as_bytes()));
        // Must not fire: a heading mark, a colon pair inside a line, a
        // number sign, Arabic letters.
        for plain in ["## Deaths", "a::b", "#3 in the list", "وفيات", "C# [beta]"] {
            assert_eq!(visible(plain), plain);
        }
    }

    proptest! {
        #[test]
        fn the_byte_scan_agrees_with_the_characters(
            text in "[a-z \\n\\r\\t\\u{0}-\\u{1f}\\u{7f}-\\u{a0}\\u{2000}-\\u{2070}\\u{1f600}]{0,40}"
        ) {
            prop_assert_eq!(has_hostile_bytes(text.as_bytes()), has_hostile_chars(&text));
        }
    }
}
