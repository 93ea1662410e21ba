//! A run over many drafts: reading each one (size limit, binary files,
//! encodings), checking them in parallel, and handing each outcome back in
//! the order of the inputs, so that output is the same whatever the thread
//! timing. The command line and an editor integration both drive it; it
//! never prints.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};

use crate::markup::Format as Markup;
use crate::render::json::Problem;
use crate::render::{FileReport, Summary};
use crate::walk::Draft;
use crate::Checker;

/// Files and paths that could not be checked; `failed` is set when one of them
/// must turn the exit status into 2 (a note, such as a skipped binary, does not).
#[derive(Debug, Default)]
pub struct Problems {
    pub list: Vec<Problem>,
    pub failed: bool,
}

impl Problems {
    pub fn note(&mut self, path: &str, message: impl Into<String>) {
        self.list.push(Problem {
            path: path.to_string(),
            message: message.into(),
        });
    }

    pub fn fail(&mut self, path: &str, message: impl Into<String>) {
        self.failed = true;
        self.note(path, message);
    }

    /// Adds another input's problems after these.
    pub fn extend(&mut self, other: Problems) {
        self.list.extend(other.list);
        self.failed |= other.failed;
    }
}

/// Standard input as a draft's text.
pub fn read_stdin(name: &str, limit: u64, problems: &mut Problems) -> Option<String> {
    match read_limited(std::io::stdin().lock(), limit, 0) {
        Ok(read) => accept(name, read, limit, problems),
        Err(e) => {
            problems.fail(name, format!("cannot read standard input: {e}"));
            None
        }
    }
}

/// What reading a draft with a limit gave.
enum Read {
    Bytes(Vec<u8>),
    /// A NUL byte in the first 8 KiB (and no UTF-16 byte order mark).
    Binary,
    /// More than the limit.
    TooLarge,
}

/// Reads at most `limit` bytes. The first 8 KiB are looked at for binary
/// content before the rest is read, so a large binary file costs 8 KiB.
/// `size` is how long the file says it is (0 if unknown): the buffer is made
/// that long, and a byte more, so a draft is read in a few system calls and
/// never copied to a larger buffer.
fn read_limited(reader: impl std::io::Read, limit: u64, size: u64) -> std::io::Result<Read> {
    use std::io::Read as _;
    let mut reader = reader.take(limit.saturating_add(1));
    let capacity = usize::try_from(size.min(limit).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    (&mut reader).take(8192).read_to_end(&mut bytes)?;
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && bytes.contains(&0) {
        return Ok(Read::Binary);
    }
    reader.read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Read::TooLarge);
    }
    Ok(Read::Bytes(bytes))
}

/// The text of what was read, or `None` with the reason recorded.
fn accept(name: &str, read: Read, limit: u64, problems: &mut Problems) -> Option<String> {
    match read {
        Read::Bytes(bytes) => decode(name, bytes, problems),
        Read::Binary => {
            problems.note(name, "binary file, not checked");
            None
        }
        Read::TooLarge => {
            problems.note(
                name,
                format!(
                    "larger than {} MiB (max_draft_size_mib in rules.toml), not checked",
                    limit >> 20
                ),
            );
            None
        }
    }
}

/// A draft's text, or `None` with the reason recorded. Binary files are skipped;
/// text that is not UTF-8 is decoded from its legacy encoding.
pub fn read_draft(draft: &Draft, limit: u64, problems: &mut Problems) -> Option<String> {
    read_draft_with(draft, std::fs::metadata(&draft.path), limit, problems)
}

/// [`read_draft`], with the draft's metadata already read.
fn read_draft_with(
    draft: &Draft,
    metadata: std::io::Result<std::fs::Metadata>,
    limit: u64,
    problems: &mut Problems,
) -> Option<String> {
    // A FIFO or a device named on the command line would block or never end.
    let size = match metadata {
        Ok(meta) if !meta.is_file() => {
            problems.note(&draft.display, "not a regular file, not checked");
            return None;
        }
        Err(e) => {
            problems.fail(&draft.display, format!("cannot read: {e}"));
            return None;
        }
        Ok(meta) => meta.len(),
    };
    if let Some(kind) = crate::document::Kind::of_path(&draft.display) {
        return read_document(draft, kind, limit, size, problems);
    }
    match std::fs::File::open(&draft.path).and_then(|file| read_limited(file, limit, size)) {
        Ok(read) => accept(&draft.display, read, limit, problems),
        Err(e) => {
            problems.fail(&draft.display, format!("cannot read: {e}"));
            None
        }
    }
}

/// The text of a Word or OpenDocument draft (see [`crate::document`]): its
/// file is read up to the size limit, and so is the text inside it. One that
/// cannot be read fails the run when it was named, and is skipped with a note
/// when a walk found it.
fn read_document(
    draft: &Draft,
    kind: crate::document::Kind,
    limit: u64,
    size: u64,
    problems: &mut Problems,
) -> Option<String> {
    use std::io::Read as _;
    let name = &draft.display;
    if size > limit {
        problems.note(
            name,
            format!(
                "larger than {} MiB (max_draft_size_mib in rules.toml), not checked",
                limit >> 20
            ),
        );
        return None;
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(&draft.path)
        .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes));
    if let Err(e) = read {
        problems.fail(name, format!("cannot read: {e}"));
        return None;
    }
    match crate::document::text(&bytes, kind, limit) {
        Ok(text) => {
            problems.note(
                name,
                format!(
                    "{}: checked as its text, a paragraph a line (positions are in that text; --fix leaves it alone)",
                    kind.name()
                ),
            );
            Some(text)
        }
        Err(e) => {
            let message = format!("{}, but {e}; not checked", kind.name());
            if draft.named {
                problems.fail(name, message);
            } else {
                problems.note(name, message);
            }
            None
        }
    }
}

/// A draft that is not UTF-8, decoded from the legacy encoding its bytes
/// most likely are (chardetng, as Firefox guesses a page's): a draft saved
/// as Windows-1252 reads "Más de 300", where replacing its bytes read "M?s"
/// and lost the qualifier. Its positions are in the decoded text, and `--fix`
/// leaves it alone (its file is not the text checked).
fn legacy(name: &str, bytes: &[u8], problems: &mut Problems) -> String {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    // figcheck reads English and Spanish: where the bytes could be any of
    // the Latin encodings (a short draft often could), they are Windows-1252's.
    use encoding_rs::{
        ISO_8859_13, ISO_8859_15, ISO_8859_2, ISO_8859_4, WINDOWS_1250, WINDOWS_1252, WINDOWS_1254,
        WINDOWS_1257,
    };
    let latin = [
        WINDOWS_1250,
        WINDOWS_1254,
        WINDOWS_1257,
        ISO_8859_2,
        ISO_8859_4,
        ISO_8859_13,
        ISO_8859_15,
    ];
    let encoding = if latin.contains(&guess) {
        WINDOWS_1252
    } else {
        guess
    };
    let (text, _, replaced) = encoding.decode(bytes);
    let how = if replaced {
        format!(
            "not valid UTF-8; read as {} with the bytes it cannot read replaced",
            encoding.name()
        )
    } else {
        format!("not UTF-8; read as {}", encoding.name())
    };
    problems.note(
        name,
        format!("{how} (positions are in the decoded text; --fix leaves it alone)"),
    );
    text.into_owned()
}

/// Text from bytes: binary files are skipped, text that is not UTF-8 is checked
/// as decoded from its legacy encoding, and a byte order mark is dropped.
fn decode(name: &str, bytes: Vec<u8>, problems: &mut Problems) -> Option<String> {
    // UTF-16 with a byte order mark, as some word processors save text.
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        let units = bytes[2..]
            .chunks_exact(2)
            .map(|pair| unit([pair[0], pair[1]]));
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        problems.note(
            name,
            "UTF-16; checked as decoded (positions are in the decoded text)",
        );
        return Some(text);
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        problems.note(name, "binary file, not checked");
        return None;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => legacy(name, e.as_bytes(), problems),
    };
    let mut text = text;
    if text.starts_with('\u{feff}') {
        // In place: a large draft is never held twice.
        text.drain(..'\u{feff}'.len_utf8());
    }
    // Old Mac line ends: a carriage return alone ends each line. Read as
    // line feeds, byte for byte, so lines and columns are right everywhere
    // (every finding was on line 1); `--fix` then leaves the draft alone.
    if text.contains('\r') && !text.contains('\n') {
        problems.note(
            name,
            "lines end with a carriage return alone (old Mac); checked with each read as a line end, and not fixed",
        );
        text = text.replace('\r', "\n");
    }
    Some(text)
}

/// What checking one input gave, in the order of the inputs.
#[derive(Debug)]
pub struct Outcome<R> {
    /// The input's name as shown.
    pub name: String,
    pub problems: Problems,
    /// Whether the input was read and checked (`summary.files` is 1).
    pub read: bool,
    /// Its findings counted by severity.
    pub summary: Summary,
    /// What `render` made of its findings; `None` when it has none.
    pub rendered: Option<R>,
}

/// How many drafts may be checked ahead of the one the caller waits for:
/// what bounds memory when one large draft holds up the output.
const AHEAD_PER_THREAD: usize = 4;

/// A draft larger than this is checked while no other such draft is: the
/// structures a check builds are a few times the draft's size, and two
/// compilations of several megabytes at once would double the peak.
const LARGE_DRAFT: usize = 1 << 20;

/// Checks one input and renders its findings where it was checked, so that
/// its text is dropped before the outcome travels.
fn check_one<R>(
    checkers: &[Checker],
    set: usize,
    name: String,
    text: Option<String>,
    problems: Problems,
    render: &(dyn Fn(usize, &FileReport) -> R + Sync),
) -> Outcome<R> {
    let checker = &checkers[set];
    let Some(text) = text else {
        return Outcome {
            name,
            problems,
            read: false,
            summary: Summary::default(),
            rendered: None,
        };
    };
    let format = Markup::of_path(&name);
    let mut problems = problems;
    if let Some(written) = checker.ambiguous_date(format, &text) {
        problems.note(
            &name,
            format!(
                "front matter `{written}` could be day/month or month/day, so the draft is checked as of today; write the date as 2024-05-10"
            ),
        );
    }
    let findings = checker.check_document(format, &text);
    let mut summary = Summary {
        files: 1,
        ..Summary::default()
    };
    if findings.is_empty() {
        return Outcome {
            name,
            problems,
            read: true,
            summary,
            rendered: None,
        };
    }
    summary.add(&findings);
    let date = Some(checker.draft_date(format, &text));
    let report = FileReport {
        path: name,
        source: Arc::new(text),
        findings,
        date,
    };
    let rendered = render(set, &report);
    Outcome {
        name: report.path,
        problems,
        read: true,
        summary,
        rendered: Some(rendered),
    }
}

/// Checks standard input (already read, as `stdin`: the rule set it is
/// checked with, its name, its text if it could be read, and the problems
/// reading it raised) and then `drafts`, each with the checker of its rule
/// set (an index into `checkers`), with `jobs` threads; renders each draft's
/// findings with `render` (given the rule set) on the thread that checked
/// it; and calls `sink` with every outcome in input order. A sink that fails
/// stops the run, and its error is returned.
pub fn check_all<R: Send>(
    checkers: &[Checker],
    stdin: Option<(usize, String, Option<String>, Problems)>,
    drafts: &[(usize, Draft)],
    jobs: usize,
    render: &(dyn Fn(usize, &FileReport) -> R + Sync),
    sink: &mut dyn FnMut(Outcome<R>) -> Result<(), String>,
) -> Result<(), String> {
    if let Some((set, name, text, problems)) = stdin {
        sink(check_one(checkers, set, name, text, problems, render))?;
    }
    let threads = jobs.max(1).min(drafts.len().max(1));
    let ahead = threads * AHEAD_PER_THREAD;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many outcomes the sink has taken; a thread waits before taking a
    // draft further than `ahead` past it.
    let written = (Mutex::new(0usize), Condvar::new());
    let large = Mutex::new(());
    let (sender, receiver) = mpsc::channel::<(usize, Outcome<R>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, stop, written, large) = (&next, &stop, &written, &large);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((set, draft)) = drafts.get(i) else {
                    break;
                };
                let limit = checkers[*set].rules().settings.max_draft_bytes();
                {
                    let (count, moved) = written;
                    let mut count = count.lock().expect("no thread panics holding it");
                    while i >= *count + ahead && !stop.load(Ordering::Relaxed) {
                        count = moved.wait(count).expect("no thread panics holding it");
                    }
                }
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let mut problems = Problems::default();
                let metadata = std::fs::metadata(&draft.path);
                let _one_large = metadata
                    .as_ref()
                    .is_ok_and(|m| m.len() > LARGE_DRAFT as u64)
                    .then(|| large.lock().unwrap_or_else(|e| e.into_inner()));
                let text = read_draft_with(draft, metadata, limit, &mut problems);
                let outcome = check_one(
                    checkers,
                    *set,
                    draft.display.clone(),
                    text,
                    problems,
                    render,
                );
                if sender.send((i, outcome)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut pending: BTreeMap<usize, Outcome<R>> = BTreeMap::new();
        let mut expected = 0;
        let mut result = Ok(());
        for (i, outcome) in receiver {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&expected) {
                if result.is_ok() {
                    result = sink(outcome);
                }
                expected += 1;
                let (count, moved) = &written;
                *count.lock().expect("no thread panics holding it") = expected;
                moved.notify_all();
            }
            if result.is_err() && !stop.load(Ordering::Relaxed) {
                stop.store(true, Ordering::Relaxed);
                written.1.notify_all();
            }
        }
        result
    })
}
