//! Fixes as data: the edit that replaces a wrong number by the right one,
//! written in the draft's own style ("58,000" → "85,000", "$5 million" →
//! "$6 million", "85k" → "58k"), and whether it is safe to apply unasked.
//! A fix is applied only on request (`figcheck --fix`); the library never
//! writes a draft.

use std::sync::LazyLock;

use regex::Regex;

use crate::finding::Code;
use crate::lang::Decimal;
use crate::locale::Locale;
use crate::numbers::Number;
use crate::rules::AllowedValue;
use crate::tr;
use crate::value::Unit;

pub use crate::finding::{Applicability, Edit, Fix};

/// The first numeral of a number as written: digits with thousands
/// separators and decimals.
static NUMERAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9](?:[0-9]|[,\u{a0}\u{202f} ][0-9]{3})*(?:\.[0-9]+)?").expect("numeral pattern")
});

/// The scale a word or suffix right after the numeral gives it.
fn scale_after(rest: &str) -> f64 {
    let word: String = rest
        .trim_start_matches([' ', '\u{a0}', '-'])
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let glued = !rest.starts_with([' ', '\u{a0}', '-']);
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
/// 100.000`) keeps that style: full stops group, commas mark decimals. A
/// number that shows neither (`367`) takes the draft's `decimal` style, so
/// a draft that writes `1,9` gets `85.000`.
pub fn restyle(written: &str, found: f64, value: f64, decimal: Decimal) -> Option<(String, bool)> {
    let swapped = || {
        let swapped = crate::value::swap_marks(written);
        restyle_grouped(&swapped, found, value)
            .map(|(text, exact)| (crate::value::swap_marks(&text), exact))
    };
    match decimal {
        Decimal::Point => restyle_grouped(written, found, value).or_else(swapped),
        Decimal::Comma => swapped().or_else(|| restyle_grouped(written, found, value)),
    }
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
        Some(s) => crate::value::group_digits(whole, s),
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

/// The fix for a finding of `code` about `number` (of a figure counted in
/// `unit`) in `text`, replacing it by `value` (the value the help line gives first).
pub fn for_claim(
    text: &str,
    number: &Number,
    unit: Unit,
    code: Code,
    value: &AllowedValue,
    locale: Locale,
) -> Option<Fix> {
    if number.is_range {
        return None;
    }
    let value = target(value)?;
    let written = &text[number.span.clone()];
    let (content, exact) = match restyle(written, number.low, value, locale.decimal) {
        Some(restyled) => restyled,
        // A number in words: the value in digits, if asked for. Digits
        // that cannot be restyled are left alone: replacing the whole
        // number would drop what is written around them.
        // At the start of a sentence, style books write a number in
        // words: digits there would make good copy wrong.
        None if !written.contains(|c: char| c.is_ascii_digit())
            && !starts_sentence(text, number.qualifier_start.min(number.span.start)) =>
        {
            (locale.value(value, unit), false)
        }
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
        message: tr!(locale, "fix-use", value = content),
        edits: vec![Edit {
            span: number.span.clone(),
            content,
        }],
    })
}

/// Whether `at` starts a sentence of `text`: nothing but white space, a
/// line's markup or a sentence's end stands before it.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before =
        text[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘(*_#>-".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
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
        restyle(written, found, value, Decimal::Point)
    }

    #[test]
    fn a_number_that_shows_no_mark_takes_the_drafts_decimal_style() {
        // `367` in a draft that writes `1,9`: thousands take full stops.
        let comma = restyle("367", 367.0, 85_000.0, Decimal::Comma);
        assert_eq!(comma, Some(("85.000".to_string(), true)));
        let point = restyle("367", 367.0, 85_000.0, Decimal::Point);
        assert_eq!(point, Some(("85,000".to_string(), true)));
        // A number that shows its marks keeps them, whatever the draft's style.
        let shown = restyle("58.000", 58_000.0, 85_000.0, Decimal::Point);
        assert_eq!(shown, Some(("85.000".to_string(), true)));
        let shown = restyle("58,000", 58_000.0, 85_000.0, Decimal::Comma);
        assert_eq!(shown, Some(("85,000".to_string(), true)));
        let decimal = restyle("2,4", 2.4, 1.9, Decimal::Comma);
        assert_eq!(decimal, Some(("1,9".to_string(), true)));
    }

    #[test]
    fn a_number_in_words_opening_a_sentence_is_never_rewritten_in_digits() {
        let value = AllowedValue::computed(85_000.0, 85_000.0);
        let fix = |text: &str| {
            let numbers = crate::numbers::recognise(text, crate::lang::Lang::En);
            for_claim(
                text,
                &numbers[0],
                Unit::Count,
                Code::Mismatch,
                &value,
                Locale::ENGLISH,
            )
        };
        for text in [
            "Fifty-eight thousand people were arrested.",
            "Arrests fell. Fifty-eight thousand people were arrested.",
            "- Fifty-eight thousand people were arrested.",
        ] {
            assert_eq!(fix(text), None, "{text}");
        }
        // Inside a sentence, digits are fine, though never a safe fix.
        let inside = fix("Police say fifty-eight thousand people were arrested.").unwrap();
        assert_eq!(inside.edits[0].content, "85,000");
        assert_eq!(inside.applicability, Applicability::Unsafe);
    }

    #[test]
    fn a_value_is_written_in_the_shape_of_the_number_it_replaces() {
        let cases = [
            ("58,000", 58_000.0, 85_000.0, "85,000"),
            ("58000", 58_000.0, 85_000.0, "85000"),
            ("58\u{202f}000", 58_000.0, 85_000.0, "85\u{202f}000"),
            ("376", 376.0, 367.0, "367"),
            ("$5 million", 5e6, 6e6, "$6 million"),
            ("$6-million", 6e6, 5e6, "$5-million"),
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
    /// it was read (or while the fixed text was being written), or it is
    /// not UTF-8 (it was checked as decoded).
    Changed,
    /// Writing it would change more than its text, so it is left alone: the
    /// reason, for the note.
    Refused(&'static str),
    Io(String),
}

/// Why the fixes of the draft at `path` cannot be written as text, if they
/// cannot: a Word or OpenDocument draft is checked as its text, which is not
/// what its file holds.
pub fn not_text(path: &std::path::Path) -> Option<&'static str> {
    crate::document::Kind::of_path(&path.to_string_lossy())
        .map(|_| "is a Word or OpenDocument file: make the change in the document itself")
}

/// Writes `fixed` over the draft at `path`, which was read as `checked`.
///
/// A draft is only replaced when that changes nothing but its text:
/// - it must be a regular file, not a link (a link is refused: its target
///   may lie outside the repository, and replacing the link would leave the
///   target unfixed), and not one of several hard links (replacing one would
///   split them);
/// - it must be writable by its owner: a read-only draft is left alone;
/// - the file must still hold exactly the text checked (a UTF-8 byte order
///   mark before it is kept), both before the fixed text is written and again
///   after it is on disk, just before it takes the draft's place.
///
/// The fixed text goes to a new file beside the draft with an unpredictable
/// name, created exclusively (`O_EXCL`: a link planted there is never
/// followed) and readable by its owner alone until it is complete; it then
/// gets the draft's owner and permissions, and is renamed over the draft. A
/// failure or a crash leaves the draft as it was.
pub fn write(path: &std::path::Path, checked: &str, fixed: &str) -> Result<(), NotWritten> {
    if let Some(why) = not_text(path) {
        return Err(NotWritten::Refused(why));
    }
    write_checking(path, checked, fixed, |_| {})
}

/// [`write`], with a step run when the fixed text is on disk, before the
/// draft is compared again, given the temporary file's path: so a test can
/// look at that file, or change the draft at the last moment.
fn write_checking(
    path: &std::path::Path,
    checked: &str,
    fixed: &str,
    before_rename: impl FnOnce(&std::path::Path),
) -> Result<(), NotWritten> {
    use std::io::Write as _;
    let io = |e: std::io::Error| NotWritten::Io(e.to_string());
    let (now, metadata) = read_in_place(path)?;
    let bom: &[u8] = if now.starts_with(b"\xef\xbb\xbf") {
        b"\xef\xbb\xbf"
    } else {
        b""
    };
    if &now[bom.len()..] != checked.as_bytes() {
        return Err(NotWritten::Changed);
    }
    let mut temporary = create_beside(path, Some(owner_only(&metadata))).map_err(io)?;
    temporary.write_all(bom).map_err(io)?;
    temporary.write_all(fixed.as_bytes()).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    before_rename(temporary.path());
    // An edit saved while the fixed text was being written wins.
    let (again, metadata_again) = read_in_place(path)?;
    if again != now || !same_file(&metadata, &metadata_again) {
        return Err(NotWritten::Changed);
    }
    keep_owner_and_mode(temporary.as_file(), &metadata)?;
    temporary.as_file().sync_all().map_err(io)?;
    temporary.persist(path).map_err(io)?;
    // The rename itself reaches the disk with its directory.
    if let Ok(dir) = std::fs::File::open(directory_of(path)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// The temporary files of writes under way, so that an interrupted run
/// (Ctrl-C, a CI job cancelled) can remove them: a dropped one removes
/// itself, but a signal ends the process without dropping anything.
static UNFINISHED: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

fn unfinished() -> std::sync::MutexGuard<'static, Vec<std::path::PathBuf>> {
    UNFINISHED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the temporary files of the writes under way, for a handler of
/// an interrupting signal (the binary installs one). The drafts themselves
/// are untouched: a write is a rename, whole or not at all.
pub fn remove_unfinished() {
    let mut list = unfinished();
    // Under the same lock as a creation: a file being made now is either
    // listed already or never made (see `create_beside`).
    STOPPING.store(true, std::sync::atomic::Ordering::SeqCst);
    for path in list.drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// Set once the temporary files are being removed for an interruption: no
/// new one is made after that.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A temporary file made by [`create_beside`]: written like a file, then
/// persisted over its target or, dropped, removed; meanwhile known to
/// [`remove_unfinished`].
pub struct Beside {
    file: Option<tempfile::NamedTempFile>,
    path: std::path::PathBuf,
}

impl Beside {
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    pub fn as_file(&self) -> &std::fs::File {
        self.file
            .as_ref()
            .expect("present until persisted")
            .as_file()
    }

    /// Renames the file over `target`.
    pub fn persist(mut self, target: &std::path::Path) -> std::io::Result<()> {
        let file = self.file.take().expect("persisted once");
        file.persist(target).map(drop).map_err(|e| e.error)
    }
}

impl std::io::Write for Beside {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file
            .as_mut()
            .expect("present until persisted")
            .write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("present until persisted").flush()
    }
}

impl Drop for Beside {
    fn drop(&mut self) {
        // Persisted, or removed by the temporary file's own drop just after.
        unfinished().retain(|p| *p != self.path);
    }
}

/// A new file beside `path`, for a text that is then renamed over it:
/// hidden, with a name no one can guess (`.a.md.Xy3k9Q.figcheck.tmp`),
/// created exclusively so a link planted there is never followed, with
/// `permissions` (less the umask; the owner's alone when `None`). It is
/// removed when dropped unless it is persisted, and by
/// [`remove_unfinished`].
pub fn create_beside(
    path: &std::path::Path,
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<Beside> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "does not name a file")
    })?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".figcheck.tmp");
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    // Made and listed under one lock, so an interruption between the two
    // cannot leave it behind unlisted.
    let mut list = unfinished();
    if STOPPING.load(std::sync::atomic::Ordering::SeqCst) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            "interrupted",
        ));
    }
    let file = builder.tempfile_in(directory_of(path))?;
    let path = file.path().to_path_buf();
    list.push(path.clone());
    drop(list);
    Ok(Beside {
        file: Some(file),
        path,
    })
}

/// The directory that holds `path`, `.` for a bare name.
fn directory_of(path: &std::path::Path) -> &std::path::Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    }
}

/// The bytes of the draft at `path` and its metadata, when it is a file
/// figcheck may replace: a regular file, not a link, with no other hard
/// link, writable by its owner. The file opened is checked to be the one
/// looked at, so a link swapped in between is never read.
fn read_in_place(path: &std::path::Path) -> Result<(Vec<u8>, std::fs::Metadata), NotWritten> {
    use std::io::Read as _;
    let io = |e: std::io::Error| NotWritten::Io(e.to_string());
    let looked = std::fs::symlink_metadata(path).map_err(io)?;
    if looked.file_type().is_symlink() {
        return Err(NotWritten::Refused(
            "is a link; run --fix on the file it points to",
        ));
    }
    if !looked.is_file() {
        return Err(NotWritten::Refused("is not a regular file"));
    }
    if looked.permissions().readonly() {
        return Err(NotWritten::Refused("is read-only"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if looked.nlink() > 1 {
            return Err(NotWritten::Refused(
                "has other hard links, which a fix would split",
            ));
        }
    }
    let mut file = std::fs::File::open(path).map_err(io)?;
    let opened = file.metadata().map_err(io)?;
    if !same_file(&looked, &opened) {
        return Err(NotWritten::Changed);
    }
    let mut bytes = Vec::with_capacity(opened.len() as usize);
    file.read_to_end(&mut bytes).map_err(io)?;
    Ok((bytes, opened))
}

/// Whether two looks at a path saw the same file, unchanged.
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev()
            && a.ino() == b.ino()
            && a.len() == b.len()
            && (a.mtime(), a.mtime_nsec()) == (b.mtime(), b.mtime_nsec())
    }
    #[cfg(not(unix))]
    {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

/// The permissions a temporary file is created with: the draft's, less
/// anything beyond its owner's, so no one else reads it half written.
fn owner_only(metadata: &std::fs::Metadata) -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(metadata.permissions().mode() & 0o600)
    }
    #[cfg(not(unix))]
    {
        metadata.permissions()
    }
}

/// Gives the finished temporary file the draft's owner, group and mode,
/// through its handle (no path, so no link, is followed). A draft whose
/// owner figcheck cannot give it is left alone.
fn keep_owner_and_mode(file: &std::fs::File, draft: &std::fs::Metadata) -> Result<(), NotWritten> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ours = file.metadata().map_err(|e| NotWritten::Io(e.to_string()))?;
        if (ours.uid(), ours.gid()) != (draft.uid(), draft.gid())
            && std::os::unix::fs::fchown(file, Some(draft.uid()), Some(draft.gid())).is_err()
        {
            return Err(NotWritten::Refused(
                "belongs to another user or group, which a fix would change",
            ));
        }
    }
    file.set_permissions(draft.permissions())
        .map_err(|e| NotWritten::Io(e.to_string()))
}

/// A unified diff of a draft before and after its fixes, as `git diff`
/// prints one.
/// Whether the file at `path` starts with a UTF-8 byte-order mark, which
/// reading drops from the text checked.
pub fn starts_with_bom(path: &std::path::Path) -> bool {
    let mut head = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && head == *b"\xef\xbb\xbf"
}

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

    /// A draft and a file elsewhere that a planted link points at.
    fn draft_and_target(text: &str) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, text).unwrap();
        let target = dir.path().join("target");
        std::fs::write(&target, "the target's own text\n").unwrap();
        (dir, path, target)
    }

    fn entries(dir: &std::path::Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_where_the_temporary_file_once_went_is_never_followed() {
        // The name figcheck used to write to was `.a.md.figcheck-<pid>.tmp`:
        // a repository could plant it as a link to `.git/hooks/pre-commit`.
        let (dir, path, target) = draft_and_target("58,000 people\n");
        let planted = dir
            .path()
            .join(format!(".a.md.figcheck-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&target, &planted).unwrap();
        write(&path, "58,000 people\n", "85,000 people\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "85,000 people\n");
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "the target's own text\n"
        );
        assert!(std::fs::symlink_metadata(&planted)
            .unwrap()
            .file_type()
            .is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn the_temporary_file_is_new_and_readable_by_its_owner_alone() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, path, _) = draft_and_target("58,000 people\n");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mut seen = None;
        write_checking(&path, "58,000 people\n", "85,000 people\n", |temporary| {
            let metadata = std::fs::symlink_metadata(temporary).unwrap();
            seen = Some((
                temporary
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                metadata.file_type().is_file(),
                metadata.permissions().mode() & 0o777,
            ));
        })
        .unwrap();
        let (name, regular, mode) = seen.unwrap();
        assert!(
            name.starts_with(".a.md.") && name.ends_with(".figcheck.tmp"),
            "{name}"
        );
        assert_ne!(name, format!(".a.md.figcheck-{}.tmp", std::process::id()));
        assert!(regular);
        assert_eq!(
            mode, 0o600,
            "no one but the owner reads a half-written draft"
        );
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "the draft keeps its own mode");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_draft_is_left_alone_and_its_target_unchanged() {
        let (dir, _, target) = draft_and_target("58,000 people\n");
        std::fs::write(&target, "58,000 people\n").unwrap();
        let link = dir.path().join("l.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let result = write(&link, "58,000 people\n", "85,000 people\n");
        assert!(matches!(result, Err(NotWritten::Refused(why)) if why.contains("link")));
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "58,000 people\n");
        assert_eq!(entries(dir.path()), ["a.md", "l.md", "target"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_draft_with_other_hard_links_is_left_alone() {
        let (dir, path, _) = draft_and_target("58,000 people\n");
        std::fs::hard_link(&path, dir.path().join("b.md")).unwrap();
        let result = write(&path, "58,000 people\n", "85,000 people\n");
        assert!(matches!(result, Err(NotWritten::Refused(why)) if why.contains("hard links")));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "58,000 people\n");
        assert_eq!(entries(dir.path()), ["a.md", "b.md", "target"]);
    }

    #[test]
    fn a_read_only_draft_is_left_alone() {
        let (dir, path, _) = draft_and_target("58,000 people\n");
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        let result = write(&path, "58,000 people\n", "85,000 people\n");
        assert_eq!(result, Err(NotWritten::Refused("is read-only")));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "58,000 people\n");
        assert_eq!(entries(dir.path()), ["a.md", "target"]);
    }

    #[test]
    fn an_edit_saved_while_the_fix_is_written_is_kept() {
        let (dir, path, _) = draft_and_target("58,000 people\n");
        let result = write_checking(&path, "58,000 people\n", "85,000 people\n", |_| {
            std::fs::write(&path, "an editor's last-second change: 58,000 people\n").unwrap();
        });
        assert_eq!(result, Err(NotWritten::Changed));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "an editor's last-second change: 58,000 people\n"
        );
        assert_eq!(entries(dir.path()), ["a.md", "target"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_fixed_draft_keeps_its_owner_and_group() {
        use std::os::unix::fs::MetadataExt;
        let (_dir, path, _) = draft_and_target("58,000 people\n");
        // Only root can give a file to another user; elsewhere the draft is
        // the runner's own and this is the plain case.
        let owner = match std::os::unix::fs::chown(&path, Some(65534), Some(65534)) {
            Ok(()) => (65534, 65534),
            Err(_) => {
                let m = std::fs::metadata(&path).unwrap();
                (m.uid(), m.gid())
            }
        };
        write(&path, "58,000 people\n", "85,000 people\n").unwrap();
        let m = std::fs::metadata(&path).unwrap();
        assert_eq!((m.uid(), m.gid()), owner);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "85,000 people\n");
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
