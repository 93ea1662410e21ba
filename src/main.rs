//! The figcheck binary: arguments → rules → drafts → findings → output → exit code.

mod cli;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Arc;

use clap::Parser;

use cli::{CheckArgs, Cli, Command, ExplainArgs, FailOn, Format, InitArgs, RulesArgs};
use figcheck::date::DraftDate;
use figcheck::markup::Format as Markup;
use figcheck::render::coverage as render_coverage;
use figcheck::render::json::Problem;
use figcheck::render::numbers::NumbersReport;
use figcheck::render::{
    figures, github, human, json, numbers, sarif, short, visible, FileReport, Summary,
};
use figcheck::rules::{did_you_mean, STARTER};
use figcheck::walk::{self, Draft, Filter};
use figcheck::{examples, Code};
use figcheck::{Analysis, Checker, Rules, RulesErrors};

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Numbers(args)) => run_numbers(&args),
        Some(Command::Coverage(args)) => run_coverage(&args),
        Some(Command::TestRules(args)) => run_test_rules(&args),
        Some(Command::Rules(args)) => run_rules(&args),
        Some(Command::Explain(args)) => run_explain(&args),
        Some(Command::Init(args)) => run_init(&args),
        Some(Command::Completions(args)) => run_completions(args.shell),
        Some(Command::Man) => run_man(),
        None => run_check(&cli.check),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            match failure {
                Failure::Message(message) => write_stderr(&format!("figcheck: error: {message}\n")),
                Failure::Rules(errors) => {
                    for (i, diagnostic) in errors.0.iter().enumerate() {
                        if i > 0 {
                            write_stderr("\n");
                        }
                        write_stderr(&human::render_diagnostic(diagnostic, stderr_style()));
                    }
                    if errors.0.len() > 1 {
                        write_stderr(&format!(
                            "figcheck: {} errors in {}; nothing was checked\n",
                            errors.0.len(),
                            visible(&errors.first().path.display().to_string())
                        ));
                    }
                }
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Why a run could not be done at all (exit status 2).
enum Failure {
    Message(String),
    Rules(RulesErrors),
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Message(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure::Message(message.to_string())
    }
}

fn no_color_set() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// How to draw diagnostics written to standard error.
fn stderr_style() -> human::Style {
    human::Style {
        color: std::io::stderr().is_terminal() && !no_color_set(),
        width: 100,
    }
}

/// The rules named with `--rules`, or the nearest rules.toml; its warnings are
/// shown on standard error.
fn load_rules(path: Option<&PathBuf>) -> Result<Rules, Failure> {
    let path: PathBuf = match path {
        Some(path) => path.clone(),
        None => {
            let cwd = std::env::current_dir()
                .map_err(|e| format!("cannot read the current directory: {e}"))?;
            Rules::discover(&cwd).ok_or_else(|| {
                format!(
                    "no rules.toml in {} or any parent directory; pass --rules FILE, or run `figcheck init` to write one",
                    cwd.display()
                )
            })?
        }
    };
    let rules = Rules::load(&path).map_err(Failure::Rules)?;
    for warning in &rules.warnings {
        write_stderr(&human::render_diagnostic(warning, stderr_style()));
    }
    Ok(rules)
}

/// Files and paths that could not be checked; `failed` is set when one of them
/// must turn the exit status into 2 (a note, such as a skipped binary, does not).
#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
    failed: bool,
}

impl Problems {
    fn note(&mut self, path: &str, message: impl Into<String>) {
        self.list.push(Problem {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn fail(&mut self, path: &str, message: impl Into<String>) {
        self.failed = true;
        self.note(path, message);
    }

    fn print(&self) {
        for p in &self.list {
            write_stderr(&format!(
                "figcheck: {}: {}\n",
                visible(&p.path),
                visible(&p.message)
            ));
        }
    }
}

/// What a run checks: the drafts the arguments name, and standard input when
/// one of them is `-`.
struct Inputs {
    drafts: Vec<Draft>,
    /// The name shown for standard input, when it is read.
    stdin: Option<String>,
}

/// A first argument that is no file and no glob but close to a subcommand
/// (`figcheck explian stale`) is a typo, not two missing drafts.
fn misspelt_subcommand(args: &CheckArgs) -> Result<(), Failure> {
    let Some(first) = args.paths.first() else {
        return Ok(());
    };
    if std::path::Path::new(first).exists() || first.contains(['*', '?', '[', '/', '.']) {
        return Ok(());
    }
    let command = <Cli as clap::CommandFactory>::command();
    let subcommands: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
    match did_you_mean(first, &subcommands) {
        Some(command) => Err(format!(
            "`{first}` is neither a file nor a command; did you mean `figcheck {command}`?"
        )
        .into()),
        None => Ok(()),
    }
}

/// Rules, the inputs the arguments name, and the problems found on the way.
fn prepare(args: &CheckArgs) -> Result<(Checker, Inputs, Problems), Failure> {
    misspelt_subcommand(args)?;
    let checker = Checker::new(load_rules(args.rules.as_ref())?)
        .honour_suppressions(!args.no_ignores)
        .as_of(args.as_of);
    let filter = Filter::new(&checker.rules().settings);
    let (stdin_args, paths): (Vec<String>, Vec<String>) =
        args.paths.iter().cloned().partition(|p| p == "-");
    if stdin_args.len() > 1 {
        return Err("`-` (standard input) can be given only once".into());
    }
    let stdin = (!stdin_args.is_empty())
        .then(|| {
            args.stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".into())
        })
        .filter(|name| !args.force_exclude || filter.selects(name, name));
    let (drafts, walk_errors) = if paths.is_empty() && !stdin_args.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        walk::drafts(&paths, &filter, args.force_exclude, args.jobs())
    };
    let mut problems = Problems::default();
    for e in walk_errors {
        problems.fail(&e.path, e.message);
    }
    Ok((checker, Inputs { drafts, stdin }, problems))
}

/// Standard input as a draft's text.
fn read_stdin(name: &str, limit: u64, problems: &mut Problems) -> Option<String> {
    match read_limited(std::io::stdin().lock(), limit) {
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
fn read_limited(reader: impl std::io::Read, limit: u64) -> std::io::Result<Read> {
    use std::io::Read as _;
    let mut reader = reader.take(limit.saturating_add(1));
    let mut bytes = Vec::new();
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
/// text that is not UTF-8 is checked with the invalid bytes replaced.
fn read_draft(draft: &Draft, limit: u64, problems: &mut Problems) -> Option<String> {
    // A FIFO or a device named on the command line would block or never end.
    match std::fs::metadata(&draft.path) {
        Ok(meta) if !meta.is_file() => {
            problems.note(&draft.display, "not a regular file, not checked");
            return None;
        }
        Err(e) => {
            problems.fail(&draft.display, format!("cannot read: {e}"));
            return None;
        }
        Ok(_) => {}
    }
    match std::fs::File::open(&draft.path).and_then(|file| read_limited(file, limit)) {
        Ok(read) => accept(&draft.display, read, limit, problems),
        Err(e) => {
            problems.fail(&draft.display, format!("cannot read: {e}"));
            None
        }
    }
}

/// Text from bytes: binary files are skipped, text that is not UTF-8 is checked
/// with the invalid bytes replaced, and a byte order mark is dropped.
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
    if bytes.iter().take(8192).any(|&b| b == 0) {
        problems.note(name, "binary file, not checked");
        return None;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.note(
                name,
                "not valid UTF-8; checked with the invalid bytes replaced",
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let mut text = text;
    if text.starts_with('\u{feff}') {
        // In place: a large draft is never held twice.
        text.drain(..'\u{feff}'.len_utf8());
    }
    Some(text)
}

/// What checking one input gave.
struct Checked {
    name: String,
    problems: Problems,
    /// `None` when the input could not be read; the date only with findings.
    findings: Option<(String, Vec<figcheck::Finding>, Option<DraftDate>)>,
}

fn check_one(
    checker: &Checker,
    name: String,
    draft: Option<&Draft>,
    stdin: Option<String>,
) -> Checked {
    let mut problems = Problems::default();
    let text = match (draft, stdin) {
        (Some(draft), _) => read_draft(
            draft,
            checker.rules().settings.max_draft_bytes(),
            &mut problems,
        ),
        (None, text) => text,
    };
    let findings = text.map(|text| {
        let format = Markup::of_path(&name);
        let findings = checker.check_document(format, &text);
        let date = (!findings.is_empty()).then(|| checker.draft_date(format, &text));
        (text, findings, date)
    });
    Checked {
        name,
        problems,
        findings,
    }
}

/// Where `--output-file` writes, and in which format. The findings go to a
/// temporary file beside it that is renamed over it at the end, so a reader
/// never sees half a SARIF document.
struct OutputFile {
    path: PathBuf,
    temporary: PathBuf,
    format: Format,
    file: std::io::BufWriter<std::fs::File>,
}

impl OutputFile {
    fn create(args: &CheckArgs) -> Result<Option<OutputFile>, Failure> {
        let Some(path) = args.output_file.clone() else {
            return Ok(None);
        };
        let format = args
            .output_format
            .or_else(|| Format::of_extension(&path))
            .ok_or_else(|| {
                format!(
                    "cannot tell the format of --output-file {} from its extension; add --output-format sarif (or json, jsonl, short, human, github)",
                    path.display()
                )
            })?;
        let name = path
            .file_name()
            .ok_or_else(|| format!("--output-file {} does not name a file", path.display()))?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".figcheck-{}.tmp", std::process::id()));
        let temporary = path.with_file_name(temporary_name);
        let file = std::fs::File::create(&temporary)
            .map_err(|e| format!("cannot write --output-file {}: {e}", path.display()))?;
        Ok(Some(OutputFile {
            path,
            temporary,
            format,
            file: std::io::BufWriter::new(file),
        }))
    }

    fn write(&mut self, text: &str) -> Result<(), Failure> {
        self.file
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write --output-file {}: {e}", self.path.display()).into())
    }

    /// Moves the finished file into place.
    fn finish(mut self) -> Result<(), Failure> {
        let done = self
            .file
            .flush()
            .and_then(|()| std::fs::rename(&self.temporary, &self.path));
        done.map_err(|e| {
            let _ = std::fs::remove_file(&self.temporary);
            format!("cannot write --output-file {}: {e}", self.path.display()).into()
        })
    }
}

impl Drop for OutputFile {
    /// A run that stops early leaves no temporary file behind.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.temporary);
    }
}

/// One file's findings in a format that is written as files finish, or
/// `None` for the formats written whole at the end (json, sarif).
fn stream(
    format: Format,
    report: &FileReport,
    rules: &Rules,
    style: human::Style,
) -> Option<String> {
    Some(match format {
        Format::Human => human::render_file(report, style),
        Format::Short => short::render_file(report, rules),
        Format::Jsonl => json::render_lines(report, rules),
        Format::Github => github::render_file(report, rules),
        Format::Json | Format::Sarif => return None,
    })
}

/// What a format writes after the last file: statistics and the summary
/// line, or the whole document.
fn ending(
    format: Format,
    args: &CheckArgs,
    statistics: &str,
    reports: &[FileReport],
    problems: &Problems,
    summary: &Summary,
    rules: &Rules,
) -> String {
    match format {
        Format::Human | Format::Short if !args.quiet => {
            format!("{statistics}{}\n", summary.line())
        }
        Format::Human | Format::Short => statistics.to_string(),
        Format::Json => json::render(reports, &problems.list, summary, rules),
        Format::Sarif => sarif::render(reports, rules),
        Format::Jsonl | Format::Github => String::new(),
    }
}

fn run_check(args: &CheckArgs) -> Result<u8, Failure> {
    let (checker, inputs, mut problems) = prepare(args)?;
    let rules = checker.rules();
    let style = human::Style {
        color: args
            .color
            .enabled(std::io::stdout().is_terminal(), no_color_set()),
        width: 100,
    };
    let mut output_file = OutputFile::create(args)?;
    let file_style = human::Style {
        color: false,
        width: 100,
    };
    // Whole-document formats need every report until the end.
    let keep = [Some(args.format), output_file.as_ref().map(|o| o.format)]
        .into_iter()
        .flatten()
        .any(|format| matches!(format, Format::Json | Format::Sarif));
    let mut summary = Summary::default();
    // Streamed formats write each file's findings as soon as it and every
    // file before it are checked, so the output is in sorted order whatever
    // the thread timing.
    let mut kept: Vec<FileReport> = Vec::new();
    // In GitHub Actions, a job summary with every finding.
    let step_summary = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty());
    let mut summary_rows: Vec<String> = Vec::new();
    // `--statistics`: findings counted by code and figure.
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut emit = |checked: Checked, problems: &mut Problems| -> Result<(), Failure> {
        problems.list.extend(checked.problems.list);
        problems.failed |= checked.problems.failed;
        let Some((text, findings, date)) = checked.findings else {
            return Ok(());
        };
        summary.files += 1;
        if findings.is_empty() {
            return Ok(());
        }
        summary.add(&findings);
        let report = FileReport {
            path: checked.name,
            source: Arc::new(text),
            findings,
            date,
        };
        if step_summary.is_some() {
            summary_rows.extend(github::summary_rows(&report, rules));
        }
        if args.statistics {
            for f in &report.findings {
                let figure = f.figure.map_or("-", |i| rules.figures[i].id.as_str());
                *counts
                    .entry((f.code.as_str().to_string(), figure.to_string()))
                    .or_default() += 1;
            }
        }
        if let Some(output) = output_file.as_mut() {
            if let Some(text) = stream(output.format, &report, rules, file_style) {
                output.write(&text)?;
            }
        }
        if let Some(text) = stream(args.format, &report, rules, style) {
            write_stdout(&text)?;
        }
        if keep {
            kept.push(report);
        }
        Ok(())
    };

    if let Some(name) = &inputs.stdin {
        let mut stdin_problems = Problems::default();
        let text = read_stdin(
            name,
            checker.rules().settings.max_draft_bytes(),
            &mut stdin_problems,
        );
        let mut checked = check_one(&checker, name.clone(), None, text);
        checked.problems.list.splice(0..0, stdin_problems.list);
        checked.problems.failed |= stdin_problems.failed;
        emit(checked, &mut problems)?;
    }
    let drafts = &inputs.drafts;
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, Checked)>();
    let result = std::thread::scope(|scope| -> Result<(), Failure> {
        for _ in 0..args.jobs().min(drafts.len().max(1)) {
            let sender = sender.clone();
            let (next, checker) = (&next, &checker);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(draft) = drafts.get(i) else { break };
                let checked = check_one(checker, draft.display.clone(), Some(draft), None);
                if sender.send((i, checked)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut pending: BTreeMap<usize, Checked> = BTreeMap::new();
        let mut expected = 0;
        for (i, checked) in receiver {
            pending.insert(i, checked);
            while let Some(checked) = pending.remove(&expected) {
                emit(checked, &mut problems)?;
                expected += 1;
            }
        }
        Ok(())
    });
    result?;
    let mut statistics = String::new();
    if args.statistics {
        let mut rows: Vec<_> = counts.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for ((code, figure), n) in rows {
            statistics.push_str(&format!("{n:>6}  {code}  {figure}\n"));
        }
    }
    if let Some(mut output) = output_file.take() {
        let last = ending(
            output.format,
            args,
            &statistics,
            &kept,
            &problems,
            &summary,
            rules,
        );
        output.write(&last)?;
        output.finish()?;
    }
    let last = ending(
        args.format,
        args,
        &statistics,
        &kept,
        &problems,
        &summary,
        rules,
    );
    if args.format != Format::Json {
        problems.print();
    }
    write_stdout(&last)?;
    if let Some(path) = &step_summary {
        let markdown = github::step_summary(&summary_rows, &summary.line());
        let appended = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .and_then(|mut file| file.write_all(markdown.as_bytes()));
        if let Err(e) = appended {
            write_stderr(&format!("figcheck: cannot write the job summary: {e}\n"));
        }
    }
    let failing = match args.fail_on {
        FailOn::Error => summary.errors,
        FailOn::Warning => summary.errors + summary.warnings,
        FailOn::Never => 0,
    };
    Ok(if problems.failed {
        EXIT_ERROR
    } else if failing > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn run_numbers(args: &CheckArgs) -> Result<u8, Failure> {
    let (checker, inputs, mut problems) = prepare(args)?;
    let mut files: Vec<(String, String, Analysis)> = Vec::new();
    if let Some(name) = &inputs.stdin {
        if let Some(text) = read_stdin(
            name,
            checker.rules().settings.max_draft_bytes(),
            &mut problems,
        ) {
            let analysis = checker.analyse_document(Markup::of_path(name), &text);
            files.push((name.clone(), text, analysis));
        }
    }
    for draft in &inputs.drafts {
        if let Some(text) = read_draft(
            draft,
            checker.rules().settings.max_draft_bytes(),
            &mut problems,
        ) {
            let analysis = checker.analyse_document(Markup::of_path(&draft.display), &text);
            files.push((draft.display.clone(), text, analysis));
        }
    }
    problems.print();
    let reports: Vec<NumbersReport> = files
        .iter()
        .map(|(path, source, analysis)| NumbersReport {
            path,
            source,
            analysis,
        })
        .collect();
    let output = match args.format {
        Format::Json => numbers::render_json(&reports, checker.rules()),
        _ => numbers::render_human(&reports, checker.rules()),
    };
    write_stdout(&output)?;
    Ok(if problems.failed {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    })
}

fn run_coverage(args: &CheckArgs) -> Result<u8, Failure> {
    let (checker, inputs, mut problems) = prepare(args)?;
    let rules = checker.rules();
    let limit = rules.settings.max_draft_bytes();
    let mut texts: Vec<(String, String)> = Vec::new();
    if let Some(name) = &inputs.stdin {
        if let Some(text) = read_stdin(name, limit, &mut problems) {
            texts.push((name.clone(), text));
        }
    }
    for draft in &inputs.drafts {
        if let Some(text) = read_draft(draft, limit, &mut problems) {
            texts.push((draft.display.clone(), text));
        }
    }
    problems.print();
    let mut coverage = figcheck::coverage::Coverage::new(rules);
    let mut misses = Vec::with_capacity(texts.len());
    for (path, text) in &texts {
        let format = Markup::of_path(path);
        let analysis = checker.analyse_document(format, text);
        coverage.add(&analysis, &checker.check_document(format, text));
        misses.push(figcheck::coverage::near_misses(rules, &analysis, text));
    }
    let drafts: Vec<render_coverage::DraftMisses> = texts
        .iter()
        .zip(&misses)
        .map(|((path, source), misses)| render_coverage::DraftMisses {
            path,
            source,
            misses,
        })
        .collect();
    let output = match args.format {
        Format::Json => render_coverage::render_json(&coverage, &drafts, rules),
        _ => render_coverage::render_human(&coverage, &drafts, rules),
    };
    write_stdout(&output)?;
    Ok(if problems.failed {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    })
}

fn run_test_rules(args: &RulesArgs) -> Result<u8, Failure> {
    let checker = Checker::new(load_rules(args.rules.as_ref())?);
    let rules = checker.rules();
    let outcomes = examples::run(&checker);
    let style = human::Style {
        color: std::io::stdout().is_terminal() && !no_color_set(),
        width: 100,
    };
    let mut out = String::new();
    for outcome in outcomes.iter().filter(|o| !o.passed) {
        out.push_str(&human::render_diagnostic(&outcome.diagnostic(rules), style));
        out.push('\n');
    }
    let untested: Vec<&str> = rules
        .figures
        .iter()
        .filter(|f| f.examples.is_empty())
        .map(|f| f.id.as_str())
        .collect();
    if !untested.is_empty() {
        out.push_str(&format!("note: no examples for {}\n", untested.join(", ")));
    }
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    out.push_str(&format!(
        "test-rules: {} passed, {failed} failed\n",
        outcomes.len() - failed
    ));
    write_stdout(&out)?;
    Ok(if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn run_rules(args: &RulesArgs) -> Result<u8, Failure> {
    let rules = load_rules(args.rules.as_ref())?;
    write_stdout(&figures::list(&rules))?;
    Ok(EXIT_CLEAN)
}

fn run_explain(args: &ExplainArgs) -> Result<u8, Failure> {
    if let Some(code) = Code::parse(&args.topic) {
        write_stdout(code.explanation())?;
        return Ok(EXIT_CLEAN);
    }
    let rules = load_rules(args.rules.as_ref())?;
    if let Some(figure) = rules.figure(&args.topic) {
        write_stdout(&figures::explain(figure, &rules))?;
        return Ok(EXIT_CLEAN);
    }
    let codes = Code::ALL.map(Code::as_str);
    let mut known: Vec<&str> = rules.figures.iter().map(|f| f.id.as_str()).collect();
    known.extend(codes);
    let hint = match did_you_mean(&args.topic, &known) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!(
            "figures: {}; codes: {}",
            known[..rules.figures.len()].join(", "),
            codes.join(", ")
        ),
    };
    Err(format!(
        "`{}` is neither a figure in {} nor a finding code; {hint}",
        args.topic,
        rules.path.display()
    )
    .into())
}

fn run_completions(shell: clap_complete::Shell) -> Result<u8, Failure> {
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "figcheck", &mut script);
    write_stdout(&String::from_utf8_lossy(&script))?;
    Ok(EXIT_CLEAN)
}

fn run_man() -> Result<u8, Failure> {
    let command = <Cli as clap::CommandFactory>::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut page)
        .map_err(|e| format!("cannot render the manual page: {e}"))?;
    write_stdout(&String::from_utf8_lossy(&page))?;
    Ok(EXIT_CLEAN)
}

fn run_init(args: &InitArgs) -> Result<u8, Failure> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.path);
    let mut file = match file {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(format!(
                "{} already exists; figcheck init never overwrites a file",
                args.path.display()
            )
            .into())
        }
        Err(e) => return Err(format!("cannot create {}: {e}", args.path.display()).into()),
    };
    file.write_all(STARTER.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", args.path.display()))?;
    write_stdout(&format!(
        "wrote {}: replace its two sample figures with your own, then run `figcheck test-rules`\n",
        args.path.display()
    ))?;
    Ok(EXIT_CLEAN)
}

/// Writes to standard error, ignoring failure: a full disk or a closed
/// stream must not turn a run's result into a panic.
fn write_stderr(output: &str) {
    let _ = std::io::stderr().lock().write_all(output.as_bytes());
}

fn write_stdout(output: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`figcheck … | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("cannot write output: {e}")),
    }
}
