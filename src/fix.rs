//! Fixes as data: the edit that replaces a wrong number by the right one,
//! written in the draft's own style ("58,000" → "85,000", "$5 million" →
//! "$6 million", "85k" → "58k"), and whether it is safe to apply unasked.
//! A fix is applied only on request (`figcheck --fix`); the library never
//! writes a draft.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::check::{Code, Context};
use crate::rules::AllowedValue;

/// Whether a fix may be applied by `--fix` alone, or needs `--unsafe-fixes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Replaces a plain number by the value the help line gives, in the
    /// same shape: the sentence says what it said, with the right figure.
    Safe,
    /// May change what the sentence means, or is one of two fixes: the
    /// number has a qualifier or is written in words, or the finding is a
    /// wrong year or a wrong source (the year or the source may be the slip).
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement in a draft: the bytes of `span` become `content`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub content: String,
}

/// What a finding's fix does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// In a few words, for a menu or a list: `Use 367`.
    pub message: String,
    pub edits: Vec<Edit>,
}

/// The first numeral of a number as written: digits with thousands
/// separators and decimals.
static NUMERAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9](?:[0-9]|[,\u{a0}\u{202f} ][0-9]{3})*(?:\.[0-9]+)?").expect("numeral pattern")
});

/// The scale a word or suffix right after the numeral gives it.
fn scale_after(rest: &str) -> f64 {
    let word: String = rest
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let glued = !rest.starts_with([' ', '\u{a0}']);
    match word.as_str() {
        "k" if glued => 1e3,
        "m" | "mn" if glued => 1e6,
        "b" | "bn" if glued => 1e9,
        "thousand" | "mil" => 1e3,
        "million" | "millones" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

/// `value` written in the shape of `written`, a number the draft reads as
/// `found`: its prefix and suffix kept (`$`, ` million`, `%`, ` per 100,000`),
/// its thousands separator and its count of decimals. `None` when `written`
/// has no digits or does not read as `found`; otherwise the text, and whether
/// the value fits the shape exactly (no decimal added). A number written as
/// much of Europe and South America write it (`58.000`, `2,4 por cada
/// 100.000`) keeps that style: full stops group, commas mark decimals.
pub fn restyle(written: &str, found: f64, value: f64) -> Option<(String, bool)> {
    restyle_grouped(written, found, value).or_else(|| {
        let swapped = swap_marks(written);
        restyle_grouped(&swapped, found, value).map(|(text, exact)| (swap_marks(&text), exact))
    })
}

/// `text` with its full stops and commas exchanged.
fn swap_marks(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

/// [`restyle`] for a number grouped with commas or spaces and with a
/// decimal point.
fn restyle_grouped(written: &str, found: f64, value: f64) -> Option<(String, bool)> {
    let numeral = NUMERAL.find(written)?;
    let digits = numeral.as_str();
    let separator = digits
        .chars()
        .find(|c| matches!(c, ',' | '\u{a0}' | '\u{202f}' | ' '));
    let plain: String = digits
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let scale = scale_after(&written[numeral.end()..]);
    let read: f64 = plain.parse().ok()?;
    if ((read * scale) - found).abs() > found.abs() * 1e-9 + 1e-9 {
        return None;
    }
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    let scaled = value / scale;
    let factor = 10f64.powi(decimals as i32);
    let exact = ((scaled * factor).round() - scaled * factor).abs() < 1e-6;
    let decimals = if exact {
        decimals
    } else {
        // The fewest decimals that write the value, up to six.
        (decimals..=6)
            .find(|&d| {
                let f = 10f64.powi(d as i32);
                ((scaled * f).round() - scaled * f).abs() < 1e-6
            })
            .unwrap_or(6)
    };
    let text = format!("{scaled:.decimals$}");
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let separator = separator.or((whole.len() > 3 && scale == 1.0 && read < 1000.0).then_some(','));
    let mut grouped = match separator {
        Some(s) => crate::check::group_digits(whole, s),
        None => whole.to_string(),
    };
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    Some((
        format!(
            "{}{grouped}{}",
            &written[..numeral.start()],
            &written[numeral.end()..]
        ),
        exact,
    ))
}

/// The value a fix writes: a single value, or the finite end of an open
/// range ("85,000 or more" gives 85,000). A closed range has no one value.
fn target(value: &AllowedValue) -> Option<f64> {
    match (value.min.is_finite(), value.max.is_finite()) {
        (true, true) if value.min == value.max => Some(value.min),
        (true, false) => Some(value.min),
        (false, true) => Some(value.max),
        _ => None,
    }
}

/// The fix for a finding of `code` about the claim in `context`, replacing
/// its number by `value` (the value the help line gives first).
pub fn for_claim(context: &Context, code: Code, value: &AllowedValue) -> Option<Fix> {
    let number = context.number;
    if number.is_range {
        return None;
    }
    let value = target(value)?;
    let written = &context.text[number.span.clone()];
    let (content, exact) = match restyle(written, number.low, value) {
        Some(restyled) => restyled,
        // A number in words: the value in digits, if asked for. Digits
        // that cannot be restyled are left alone: replacing the whole
        // number would drop what is written around them.
        None if !written.contains(|c: char| c.is_ascii_digit()) => (
            crate::check::format_value(value, context.figure.unit),
            false,
        ),
        None => return None,
    };
    if content == written {
        return None;
    }
    let safe = matches!(code, Code::Mismatch | Code::Stale)
        && exact
        && number.qualifier.is_none()
        && NUMERAL.is_match(written);
    Some(Fix {
        applicability: if safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        },
        message: format!("Use {content}"),
        edits: vec![Edit {
            span: number.span.clone(),
            content,
        }],
    })
}

/// `text` with the edits applied: sorted by position, and an edit that
/// overlaps one before it left out. Returns the new text and how many
/// edits were applied.
pub fn apply(text: &str, edits: &[&Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for edit in sorted {
        if edit.span.start < at || edit.span.end > text.len() {
            continue;
        }
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.content);
        at = edit.span.end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(written: &str, found: f64, value: f64) -> Option<(String, bool)> {
        restyle(written, found, value)
    }

    #[test]
    fn a_value_is_written_in_the_shape_of_the_number_it_replaces() {
        let cases = [
            ("58,000", 58_000.0, 85_000.0, "85,000"),
            ("58000", 58_000.0, 85_000.0, "85000"),
            ("58\u{202f}000", 58_000.0, 85_000.0, "85\u{202f}000"),
            ("376", 376.0, 367.0, "367"),
            ("$5 million", 5e6, 6e6, "$6 million"),
            ("US$5.5 million", 5.5e6, 6.2e6, "US$6.2 million"),
            ("85k", 85_000.0, 58_000.0, "58k"),
            ("2.4 per 100,000", 2.4, 1.9, "1.9 per 100,000"),
            ("1.6%", 1.6, 1.3, "1.3%"),
            ("376", 376.0, 1_234.0, "1,234"),
            ("58.000", 58_000.0, 85_000.0, "85.000"),
            (
                "2,4 por cada 100.000 habitantes",
                2.4,
                1.9,
                "1,9 por cada 100.000 habitantes",
            ),
            ("1,6 %", 1.6, 1.3, "1,3 %"),
            ("85 mil", 85_000.0, 58_000.0, "58 mil"),
            ("US$5 millones", 5e6, 6e6, "US$6 millones"),
        ];
        for (written, found, value, expected) in cases {
            assert_eq!(
                style(written, found, value),
                Some((expected.to_string(), true)),
                "{written}"
            );
        }
    }

    #[test]
    fn a_value_that_needs_more_decimals_is_not_an_exact_fit() {
        assert_eq!(
            style("85k", 85_000.0, 85_500.0),
            Some(("85.5k".into(), false))
        );
        assert_eq!(style("2", 2.0, 1.9), Some(("1.9".into(), false)));
    }

    #[test]
    fn numbers_without_digits_or_read_otherwise_are_not_restyled() {
        assert_eq!(style("eighty-five thousand", 85_000.0, 58_000.0), None);
        // The text does not read as the number found, in either style: do
        // not guess.
        assert_eq!(style("58,000", 580.0, 85.0), None);
        assert_eq!(style("58.000", 5_800.0, 85.0), None);
        // Read with a decimal comma, it keeps one.
        assert_eq!(style("58,000", 58.0, 85.0), Some(("85,000".into(), true)));
    }

    #[test]
    fn edits_apply_in_order_and_overlaps_are_left_out() {
        let text = "a 58,000 b 376 c";
        let e1 = Edit {
            span: 2..8,
            content: "85,000".into(),
        };
        let e2 = Edit {
            span: 11..14,
            content: "367".into(),
        };
        let overlap = Edit {
            span: 4..9,
            content: "x".into(),
        };
        assert_eq!(
            apply(text, &[&e2, &e1, &overlap]),
            ("a 85,000 b 367 c".into(), 2)
        );
    }
}

/// Why a fixed draft was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotWritten {
    /// The file on disk is not the text that was checked: it changed since
    /// it was read, or it is not UTF-8 (it was checked as decoded).
    Changed,
    Io(String),
}

/// Writes `fixed` over the draft at `path`, which was read as `checked`:
/// only if the file still holds exactly that text (a UTF-8 byte order mark
/// before it is kept), through a temporary file beside it that is renamed
/// over it, with the file's permissions. A crash leaves the draft as it was.
pub fn write(path: &std::path::Path, checked: &str, fixed: &str) -> Result<(), NotWritten> {
    use std::io::Write as _;
    let io = |e: std::io::Error| NotWritten::Io(e.to_string());
    let now = std::fs::read(path).map_err(io)?;
    let bom: &[u8] = if now.starts_with(b"\xef\xbb\xbf") {
        b"\xef\xbb\xbf"
    } else {
        b""
    };
    if &now[bom.len()..] != checked.as_bytes() {
        return Err(NotWritten::Changed);
    }
    let permissions = std::fs::metadata(path).map_err(io)?.permissions();
    let temporary =
        temporary_beside(path).ok_or_else(|| NotWritten::Io("not a file name".into()))?;
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bom)?;
        file.write_all(fixed.as_bytes())?;
        file.sync_all()?;
        std::fs::set_permissions(&temporary, permissions)?;
        std::fs::rename(&temporary, path)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        io(e)
    })
}

/// Where to write a file whole before it is renamed over `path`: a hidden
/// file beside it, named for this process (`.a.md.figcheck-4242.tmp`), so the
/// rename stays on one file system. `None` when `path` names no file.
pub fn temporary_beside(path: &std::path::Path) -> Option<std::path::PathBuf> {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name()?);
    name.push(format!(".figcheck-{}.tmp", std::process::id()));
    Some(path.with_file_name(name))
}

/// A unified diff of a draft before and after its fixes, as `git diff`
/// prints one.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(1)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod write_tests {
    use super::*;

    #[test]
    fn a_fixed_draft_keeps_its_byte_order_mark_line_ends_and_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, b"\xef\xbb\xbfline one\r\n58,000 people\r\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write(
            &path,
            "line one\r\n58,000 people\r\n",
            "line one\r\n85,000 people\r\n",
        )
        .unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"\xef\xbb\xbfline one\r\n85,000 people\r\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        // Nothing is left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_draft_that_changed_since_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "an editor's newer text with 58,000\n").unwrap();
        let result = write(&path, "58,000 people\n", "85,000 people\n");
        assert_eq!(result, Err(NotWritten::Changed));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "an editor's newer text with 58,000\n"
        );
    }
}
