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

/// A draft read from disk, or why it was not.
enum Read {
    Text(String),
    /// Not checked, with a note for the user; not an error.
    Skipped(String),
    Failed(String),
}

fn read_draft(draft: &Draft, problems: &mut Vec<Problem>) -> Option<String> {
    let outcome = match std::fs::read(&draft.path) {
        Err(e) => Read::Failed(format!("cannot read: {e}")),
        Ok(bytes) if bytes.iter().take(8192).any(|&b| b == 0) => {
            Read::Skipped("binary file, not checked".into())
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Read::Text(text),
            Err(e) => {
                problems.push(Problem {
                    path: draft.display.clone(),
                    message: "not valid UTF-8; checked with the invalid bytes replaced".into(),
                });
                Read::Text(String::from_utf8_lossy(e.as_bytes()).into_owned())
            }
        },
    };
    match outcome {
        Read::Text(text) => Some(
            text.strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text),
        ),
        Read::Skipped(note) | Read::Failed(note) => {
            problems.push(Problem {
                path: draft.display.clone(),
                message: note,
            });
            None
        }
    }
}

fn run_check(args: &CheckArgs) -> Result<u8, String> {
    let checker = Checker::new(load_rules(args)?);
    let (drafts, walk_errors) = walk::drafts(&args.paths, &Filter::new(&checker.rules().settings));
    let mut problems: Vec<Problem> = Vec::new();
    let mut failed = !walk_errors.is_empty();
    for e in walk_errors {
        problems.push(Problem {
            path: e.path,
            message: e.message,
        });
    }
    let mut reports = Vec::new();
    let mut checked = 0;
    for draft in &drafts {
        let before = problems.len();
        let Some(text) = read_draft(draft, &mut problems) else {
            failed |= problems[before..]
                .iter()
                .any(|p| p.message.starts_with("cannot read"));
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
            let color = args.color.enabled(
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            );
            for p in &problems {
                eprintln!("figcheck: {}: {}", p.path, p.message);
            }
            human::render(&reports, &summary, human::Style { color, width: 100 })
        }
        Format::Json => json::render(&reports, &problems, &summary, checker.rules()),
    };
    write_stdout(&output)?;
    Ok(if failed {
        EXIT_ERROR
    } else if summary.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn run_numbers(args: &CheckArgs) -> Result<u8, String> {
    let checker = Checker::new(load_rules(args)?);
    let (drafts, walk_errors) = walk::drafts(&args.paths, &Filter::new(&checker.rules().settings));
    let mut problems: Vec<Problem> = Vec::new();
    let mut failed = !walk_errors.is_empty();
    for e in walk_errors {
        eprintln!("figcheck: {}: {}", e.path, e.message);
    }
    let mut files: Vec<(String, String, Analysis)> = Vec::new();
    for draft in &drafts {
        if let Some(text) = read_draft(draft, &mut problems) {
            let analysis = checker.analyse(&text);
            files.push((draft.display.clone(), text, analysis));
        }
    }
    for p in &problems {
        failed |= p.message.starts_with("cannot read");
        eprintln!("figcheck: {}: {}", p.path, p.message);
    }
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
    Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN })
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
