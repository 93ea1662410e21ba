//! The figcheck binary: arguments → rules → drafts → findings → output → exit code.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use cli::{CheckArgs, Cli, Command, Format};
use figcheck::render::json::Problem;
use figcheck::render::numbers::NumbersReport;
use figcheck::render::{human, json, numbers, FileReport, Summary};
use figcheck::walk::{self, Draft, Filter};
use figcheck::{Analysis, Checker, Rules};

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Numbers(args)) => run_numbers(&args),
        None => run_check(&cli.check),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("figcheck: error: {message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The rules named with `--rules`, or the nearest rules.toml.
fn load_rules(args: &CheckArgs) -> Result<Rules, String> {
    let path: PathBuf = match &args.rules {
        Some(path) => path.clone(),
        None => {
            let cwd = std::env::current_dir()
                .map_err(|e| format!("cannot read the current directory: {e}"))?;
            Rules::discover(&cwd).ok_or_else(|| {
                format!(
                    "no rules.toml in {} or any parent directory; pass --rules FILE or create a rules.toml (see README.md)",
                    cwd.display()
                )
            })?
        }
    };
    Rules::load(&path).map_err(|e| e.to_string())
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
            eprintln!("figcheck: {}: {}", p.path, p.message);
        }
    }
}

/// Rules, the drafts the arguments name, and the problems found on the way.
fn prepare(args: &CheckArgs) -> Result<(Checker, Vec<Draft>, Problems), String> {
    let checker = Checker::new(load_rules(args)?);
    let (drafts, walk_errors) = walk::drafts(&args.paths, &Filter::new(&checker.rules().settings));
    let mut problems = Problems::default();
    for e in walk_errors {
        problems.fail(&e.path, e.message);
    }
    Ok((checker, drafts, problems))
}

/// A draft's text, or `None` with the reason recorded. Binary files are skipped;
/// text that is not UTF-8 is checked with the invalid bytes replaced.
fn read_draft(draft: &Draft, problems: &mut Problems) -> Option<String> {
    let bytes = match std::fs::read(&draft.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            problems.fail(&draft.display, format!("cannot read: {e}"));
            return None;
        }
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        problems.note(&draft.display, "binary file, not checked");
        return None;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.note(
                &draft.display,
                "not valid UTF-8; checked with the invalid bytes replaced",
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    Some(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

fn run_check(args: &CheckArgs) -> Result<u8, String> {
    let (checker, drafts, mut problems) = prepare(args)?;
    let mut reports = Vec::new();
    let mut checked = 0;
    for draft in &drafts {
        let Some(text) = read_draft(draft, &mut problems) else {
            continue;
        };
        checked += 1;
        let findings = checker.check(&text);
        if !findings.is_empty() {
            reports.push(FileReport {
                path: draft.display.clone(),
                source: Arc::from(text),
                findings,
            });
        }
    }
    let summary = Summary::of(&reports, checked);
    let output = match args.format {
        Format::Human => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let color = args
                .color
                .enabled(std::io::stdout().is_terminal(), no_color);
            problems.print();
            human::render(&reports, &summary, human::Style { color, width: 100 })
        }
        Format::Json => json::render(&reports, &problems.list, &summary, checker.rules()),
    };
    write_stdout(&output)?;
    Ok(if problems.failed {
        EXIT_ERROR
    } else if summary.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn run_numbers(args: &CheckArgs) -> Result<u8, String> {
    let (checker, drafts, mut problems) = prepare(args)?;
    let files: Vec<(String, String, Analysis)> = drafts
        .iter()
        .filter_map(|draft| {
            let text = read_draft(draft, &mut problems)?;
            let analysis = checker.analyse(&text);
            Some((draft.display.clone(), text, analysis))
        })
        .collect();
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
        Format::Human => numbers::render_human(&reports, checker.rules()),
        Format::Json => numbers::render_json(&reports, checker.rules()),
    };
    write_stdout(&output)?;
    Ok(if problems.failed {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    })
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
