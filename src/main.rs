//! The figcheck binary: arguments → rules → drafts → findings → output → exit code.

mod cli;
mod output;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use cli::{CheckArgs, Cli, Command, ExplainArgs, FailOn, Format, InitArgs, RulesArgs};
use figcheck::fix::Applicability;
use figcheck::markup::Format as Markup;
use figcheck::render::coverage as render_coverage;
use figcheck::render::numbers::NumbersReport;
use figcheck::render::{figures, github, human, numbers, visible, FileReport, Summary};
use figcheck::repository::Repository;
use figcheck::rules::{did_you_mean, STARTER};
use figcheck::run::{read_draft, read_stdin, Problems};
use figcheck::walk::{self, Draft, Filter};
use figcheck::{examples, Code};
use figcheck::{Analysis, Checker, Rules, RulesErrors};
use output::{render, OutputFile, Rendering, Writer};

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// glibc's malloc raises its threshold for serving allocations from fresh
/// memory maps each time a large block is freed, and then keeps later large
/// blocks (a draft's text, its numbers, its rendered findings) in its heaps
/// after they are freed. Over an archive with a few multi-megabyte drafts
/// that put the peak at 38 MiB instead of 27 MiB (BENCHMARKS.md). A fixed
/// threshold returns every block of 1 MiB or more to the system when freed.
///
/// The threshold is not lower because compiling a regular expression with a
/// Unicode class allocates and frees a block of about 400 KiB: served from
/// fresh maps, the first patterns a draft needs cost twice the page faults,
/// and a one-draft run (a pre-commit hook) 5 ms more. The heap's top is kept
/// up to the same size, so that those blocks are not handed back and faulted
/// in again one pattern later.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn bound_large_allocations() {
    const LARGE: i32 = 1024 * 1024;
    // SAFETY: mallopt only sets tuning parameters of the allocator, before
    // any thread is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, LARGE);
        libc::mallopt(libc::M_TRIM_THRESHOLD, LARGE);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn bound_large_allocations() {}

fn main() -> ExitCode {
    bound_large_allocations();
    // Interrupted (Ctrl-C, a cancelled CI job), a --fix or --output-file
    // under way leaves no temporary file: the draft or report is whole,
    // old or new, and exit status 130 says the run did not finish.
    let _ = ctrlc::set_handler(|| {
        figcheck::fix::remove_unfinished();
        std::process::exit(130);
    });
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                e.exit();
            }
            // A usage error quotes the arguments: made harmless, uncoloured.
            write_stderr(&figcheck::escape::visible_lines(&e.render().to_string()));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let result = match cli.command {
        Some(Command::Numbers(args)) => run_numbers(&args),
        Some(Command::Coverage(args)) => run_coverage(&args),
        Some(Command::TestRules(args)) => run_test_rules(&args),
        Some(Command::Rules(args)) => run_rules(&args),
        Some(Command::Explain(args)) => run_explain(&args),
        Some(Command::Init(args)) => run_init(&args),
        Some(Command::Completions(args)) => run_completions(args.shell),
        Some(Command::Man) => run_man(),
        Some(Command::Server) => figcheck::server::run()
            .map(|()| EXIT_CLEAN)
            .map_err(Failure::from),
        Some(Command::Serve(args)) => run_serve(&args),
        None => run_check(&cli.check),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            match failure {
                Failure::Message(message) => write_stderr(&format!(
                    "figcheck: error: {}\n",
                    figcheck::escape::visible_lines(&message)
                )),
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

/// `figcheck serve`: binds, says where, and serves until stopped.
fn run_serve(args: &cli::ServeArgs) -> Result<u8, Failure> {
    let rules = load_rules(args.rules.as_ref())?;
    let options = figcheck::serve::Options {
        rules: rules.path.clone(),
        address: std::net::SocketAddr::new(args.host, args.port),
        workers: usize::from(args.workers),
        max_body: args.max_request_kib as usize * 1024,
        time_limit: std::time::Duration::from_secs(u64::from(args.time_limit)),
    };
    let serving = figcheck::serve::bind(options, rules)?;
    let address = serving
        .address()
        .ok_or("figcheck serve: the server has no IP address")?;
    write_stderr(&format!(
        "figcheck serve: listening on http://{address}/ (the page), http://{address}/v2 (LanguageTool's API); Ctrl-C stops it\n"
    ));
    serving.run(&|message| write_stderr(&format!("figcheck serve: {}\n", visible(message))));
    Ok(EXIT_CLEAN)
}

/// The rules named with `--rules`, or the nearest rules.toml; its warnings are
/// shown on standard error.
fn load_rules(path: Option<&PathBuf>) -> Result<Rules, Failure> {
    load_rules_at(path, &[], false)?
        .0
        .ok_or_else(|| no_rules_file(&[]))
}

/// The rules, and the repository a run with them may read links into (see
/// `figcheck::repository`). A `--rules` path that is itself a link leading
/// out of the repository is not read, unless `follow_outside_links`.
/// Where the nearest rules file is looked for: from the directory that holds
/// every draft named (a file's own folder, a folder itself, a glob's fixed
/// part), as the editor looks beside its draft; from the current directory
/// when none is named (and, by the caller, when none is found there). `figcheck sub/dir/draft.md` run from anywhere finds
/// `sub/dir/rules.toml` first, then its parents'.
fn discovery_start(paths: &[String], cwd: &std::path::Path) -> PathBuf {
    let mut start: Option<PathBuf> = None;
    for arg in paths.iter().filter(|p| *p != "-") {
        // A glob's fixed part: the folders before its first wildcard.
        let fixed = match arg.find(['*', '?', '[']) {
            Some(at) => arg[..at].rsplit_once('/').map_or("", |(dir, _)| dir),
            None => arg.as_str(),
        };
        let path = cwd.join(fixed);
        let dir = if path.is_dir() {
            path
        } else {
            path.parent()
                .map_or_else(|| cwd.to_path_buf(), std::path::Path::to_path_buf)
        };
        start = Some(match start {
            None => dir,
            // The folder both lie in.
            Some(so_far) => so_far
                .ancestors()
                .find(|a| dir.starts_with(a))
                .map_or_else(|| cwd.to_path_buf(), std::path::Path::to_path_buf),
        });
    }
    start.unwrap_or_else(|| cwd.to_path_buf())
}

/// The rules a run starts from, and the repository it may read links into
/// (see `figcheck::repository`): the file `--rules` names, or the nearest
/// rules.toml to the drafts named, or else to the current directory. `None`
/// when there is none and no `--rules`: the drafts may still have their own.
/// A `--rules` path that is itself a link leading out of the repository is
/// not read, unless `follow_outside_links`.
fn load_rules_at(
    path: Option<&PathBuf>,
    drafts: &[String],
    follow_outside_links: bool,
) -> Result<(Option<Rules>, Repository), Failure> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let given = path;
    // Beside the drafts first, then from the current directory (drafts
    // named from unrelated places share no folder with one).
    let path = given.cloned().or_else(|| {
        Rules::discover(&discovery_start(drafts, &cwd)).or_else(|| Rules::discover(&cwd))
    });
    let repository = if follow_outside_links {
        Repository::anywhere()
    } else {
        Repository::new(&cwd, path.as_deref())
    };
    let Some(path) = path else {
        return Ok((None, repository));
    };
    // Discovery refuses such a link itself; a path given is checked here.
    if given.is_some() && !repository.lets_in(&path) {
        return Err(format!(
            "--rules {} {}",
            figcheck::render::visible(&path.display().to_string()),
            figcheck::repository::OUTSIDE
        )
        .into());
    }
    Ok((Some(load_rules_file(&path)?), repository))
}

/// The rules file at `path`; its warnings are shown on standard error.
fn load_rules_file(path: &std::path::Path) -> Result<Rules, Failure> {
    let mut rules = Rules::load(path).map_err(Failure::Rules)?;
    let unmatchable = figcheck::subject::unmatchable(&rules);
    rules.warnings.extend(unmatchable);
    for warning in &rules.warnings {
        write_stderr(&human::render_diagnostic(warning, stderr_style()));
    }
    Ok(rules)
}

/// The message for a run that finds no rules file at all.
fn no_rules_file(drafts: &[String]) -> Failure {
    let start = std::env::current_dir()
        .map(|cwd| discovery_start(drafts, &cwd))
        .unwrap_or_default();
    format!(
        "no rules.toml in {} or any parent directory; pass --rules FILE, or run `figcheck init` to write one",
        start.display()
    )
    .into()
}

/// Writes the problems found on the way to standard error.
fn print_problems(problems: &Problems) {
    for p in &problems.list {
        write_stderr(&format!(
            "figcheck: {}: {}\n",
            visible(&p.path),
            visible(&p.message)
        ));
    }
}

/// What a run checks: the drafts the arguments name, and standard input when
/// one of them is `-`, each with the rule set that checks it.
struct Inputs {
    /// A checker for each rules file the run uses: without `--rules`, each
    /// draft is checked with the nearest rules.toml above it.
    checkers: Vec<Checker>,
    drafts: Vec<(usize, Draft)>,
    /// The rule set and the name shown for standard input, when it is read.
    stdin: Option<(usize, String)>,
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

/// The inputs the arguments name, the rules that check them, and the
/// problems found on the way.
fn prepare(args: &CheckArgs) -> Result<(Inputs, Problems), Failure> {
    misspelt_subcommand(args)?;
    let (rules, repository) =
        load_rules_at(args.rules.as_ref(), &args.paths, args.follow_outside_links)?;
    let mut sets = RuleSets::new(args, rules);
    let default_settings = figcheck::rules::Settings::default();
    let filter = Filter::new(
        sets.first()
            .map_or(&default_settings, |c| &c.rules().settings),
    );
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
        walk::drafts(
            &paths,
            &filter,
            args.force_exclude,
            args.jobs(),
            &repository,
        )
    };
    let mut problems = Problems::default();
    for e in walk_errors {
        if e.fails {
            problems.fail(&e.path, e.message);
        } else {
            problems.note(&e.path, e.message);
        }
    }
    let mut checked = Vec::with_capacity(drafts.len());
    for draft in drafts {
        match sets.of(&draft.path)? {
            Some(set) if (draft.named && !args.force_exclude) || sets.selects(set, &draft) => {
                checked.push((set, draft));
            }
            Some(_) => {}
            None => problems.fail(
                &draft.display,
                "no rules.toml in its folder or any above it; pass --rules FILE",
            ),
        }
    }
    let stdin = match stdin {
        Some(name) => {
            // Named with --stdin-filename, it takes that file's rules.
            let set = match &args.stdin_filename {
                Some(name) => sets.of(std::path::Path::new(name))?,
                None => sets.started.then_some(0),
            };
            Some((set.ok_or_else(|| no_rules_file(&args.paths))?, name))
        }
        None => None,
    };
    if sets.checkers.is_empty() {
        return Err(no_rules_file(&args.paths));
    }
    Ok((
        Inputs {
            checkers: sets.checkers,
            drafts: checked,
            stdin,
        },
        problems,
    ))
}

/// The rule sets of a run, loaded as drafts ask for them.
struct RuleSets<'a> {
    args: &'a CheckArgs,
    checkers: Vec<Checker>,
    /// Each set's include and exclude globs, and the folder they are
    /// matched from (`None` for the set the run starts from, whose globs
    /// the walk applied).
    filters: Vec<Option<(Filter, PathBuf)>>,
    /// Each rules file (resolved) → its set.
    index: std::collections::HashMap<PathBuf, usize>,
    /// Each rules file as found → its set: resolved once, not once a draft.
    found: std::collections::HashMap<PathBuf, usize>,
    nearest: figcheck::rules::nearest::Nearest,
    /// Whether set 0 is the rules the run starts from (found from the
    /// drafts named or the current directory), which a draft with no rules
    /// file above it takes.
    started: bool,
}

impl<'a> RuleSets<'a> {
    /// The sets, starting with the run's rules when there are some.
    fn new(args: &'a CheckArgs, rules: Option<Rules>) -> RuleSets<'a> {
        let mut sets = RuleSets {
            args,
            checkers: Vec::new(),
            filters: Vec::new(),
            index: std::collections::HashMap::new(),
            found: std::collections::HashMap::new(),
            nearest: figcheck::rules::nearest::Nearest::new(),
            started: rules.is_some(),
        };
        if let Some(rules) = rules {
            let key = std::fs::canonicalize(&rules.path).unwrap_or_else(|_| rules.path.clone());
            sets.index.insert(key, 0);
            sets.push(rules, None);
        }
        sets
    }

    fn first(&self) -> Option<&Checker> {
        self.checkers.first()
    }

    fn push(&mut self, rules: Rules, filter: Option<(Filter, PathBuf)>) {
        let args = self.args;
        self.checkers.push(
            Checker::new(rules)
                .honour_suppressions(!args.no_ignores)
                .as_of(args.as_of)
                .lang(args.lang)
                .report_tier(args.report_tier),
        );
        self.filters.push(filter);
    }

    /// The set that checks the draft at `path`: with `--rules`, that file;
    /// else the nearest rules.toml above the draft, loaded the first time a
    /// draft asks for it; else the run's rules, if any.
    fn of(&mut self, path: &std::path::Path) -> Result<Option<usize>, Failure> {
        if self.args.rules.is_some() {
            return Ok(Some(0));
        }
        let Some(found) = self.nearest.of_draft(path) else {
            return Ok(self.started.then_some(0));
        };
        if let Some(&set) = self.found.get(&found) {
            return Ok(Some(set));
        }
        let key = std::fs::canonicalize(&found).unwrap_or_else(|_| found.clone());
        let set = match self.index.get(&key) {
            Some(&set) => set,
            None => {
                let rules = load_rules_file(&found)?;
                let folder = found
                    .parent()
                    .map(std::path::Path::to_path_buf)
                    .unwrap_or_default();
                let filter = Filter::new(&rules.settings);
                self.index.insert(key, self.checkers.len());
                self.push(rules, Some((filter, folder)));
                self.checkers.len() - 1
            }
        };
        self.found.insert(found, set);
        Ok(Some(set))
    }

    /// Whether set `set`'s include and exclude globs, matched against the
    /// draft's path below that rules file's folder, select a draft a walk
    /// found.
    fn selects(&self, set: usize, draft: &Draft) -> bool {
        let Some((filter, folder)) = &self.filters[set] else {
            return true;
        };
        let path = std::path::absolute(&draft.path).unwrap_or_else(|_| draft.path.clone());
        let below = path.strip_prefix(folder).unwrap_or(&path);
        filter.selects(&below.to_string_lossy().replace('\\', "/"), &draft.display)
    }
}

/// Everything the writer needs of one file's findings.
struct Rendered {
    /// With --fix, the findings counted again after the fixes were written.
    remaining: Option<Summary>,
    /// Findings fixed (--fix) or that would be (--diff).
    fixed: usize,
    /// A draft that could not be fixed, and why; `true` when that must
    /// turn the exit status into 2.
    not_fixed: Option<(String, bool)>,
    stdout: Rendering,
    /// One rendering for each --output-file.
    files: Vec<Rendering>,
    /// Rows of the GitHub job summary.
    summary_rows: Vec<String>,
    /// (code, figure) of each finding, for --statistics.
    counts: Vec<(String, String)>,
}

fn run_check(args: &CheckArgs) -> Result<u8, Failure> {
    let (inputs, mut problems) = prepare(args)?;
    let checkers = &inputs.checkers;
    let sets = output::Sets::new(checkers.iter().map(Checker::rules).collect());
    let sets = &sets;
    let style = human::Style {
        color: args
            .color
            .enabled(std::io::stdout().is_terminal(), no_color_set()),
        width: 100,
    };
    let file_style = human::Style {
        color: false,
        width: 100,
    };
    let mut output_files: Vec<(OutputFile, Writer)> = Vec::new();
    for path in &args.output_file {
        let mut output = OutputFile::create(args, path)?;
        let (writer, head) = Writer::begin(output.format, sets);
        output.write(&head)?;
        output_files.push((output, writer));
    }
    let (mut writer, head) = Writer::begin(args.format, sets);
    write_stdout(&head)?;
    // In GitHub Actions, a job summary with every finding.
    let step_summary = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty());
    let (stdout_format, stdout_indent) = (writer.format(), writer.item_indent());
    let file_formats: Vec<(Format, usize)> = output_files
        .iter()
        .map(|(_, w)| (w.format(), w.item_indent()))
        .collect();
    let stdin_name = inputs.stdin.as_ref().map(|(_, name)| name.clone());
    let render_report = |set: usize, report: &FileReport| Rendered {
        remaining: None,
        fixed: 0,
        not_fixed: None,
        stdout: render(stdout_format, report, (sets, set), style, stdout_indent),
        files: file_formats
            .iter()
            .map(|&(format, indent)| render(format, report, (sets, set), file_style, indent))
            .collect(),
        summary_rows: if step_summary.is_some() {
            github::summary_rows(&output::from_repository_root(report), sets.rules[set])
        } else {
            Vec::new()
        },
        counts: if args.statistics {
            report
                .findings
                .iter()
                .map(|f| {
                    let figure = f
                        .figure
                        .map_or("-", |i| sets.rules[set].figures[i].id.as_str());
                    (f.code.as_str().to_string(), figure.to_string())
                })
                .collect()
        } else {
            Vec::new()
        },
    };

    // --fix and --diff: the draft's fixes applied, written (or shown as a
    // diff), and the draft checked again.
    let render_file = |set: usize, report: &FileReport| -> Rendered {
        if !(args.fix || args.diff) || Some(&report.path) == stdin_name.as_ref() {
            return render_report(set, report);
        }
        let edits: Vec<&figcheck::fix::Edit> = report
            .findings
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .filter(|f| f.applicability == Applicability::Safe || args.unsafe_fixes)
            .flat_map(|f| &f.edits)
            .collect();
        if edits.is_empty() {
            return if args.diff {
                Rendered::nothing()
            } else {
                render_report(set, report)
            };
        }
        if let Some(why) = figcheck::fix::not_text(std::path::Path::new(&report.path)) {
            let not_fixed = Some((format!("{why}; not fixed"), false));
            return if args.diff {
                Rendered {
                    not_fixed,
                    ..Rendered::nothing()
                }
            } else {
                Rendered {
                    not_fixed,
                    ..render_report(set, report)
                }
            };
        }
        let (fixed_text, applied) = figcheck::fix::apply(&report.source, &edits);
        if args.diff {
            // The byte-order mark the draft was read without goes back in,
            // so the patch's first line is the draft's (as --fix keeps it).
            let path = std::path::Path::new(&report.path);
            let (before, after) = if figcheck::fix::starts_with_bom(path) {
                (
                    format!("\u{feff}{}", report.source),
                    format!("\u{feff}{fixed_text}"),
                )
            } else {
                (report.source.to_string(), fixed_text.clone())
            };
            let diff = figcheck::fix::diff(
                visible(&report.path).trim_start_matches("./"),
                &before,
                &after,
            );
            // A patch must hold the draft's bytes, and those would reach
            // the terminal raw: such a diff is not shown.
            if figcheck::escape::holds_hostile(&diff) {
                return Rendered {
                    not_fixed: Some((
                        "the diff holds control characters and is not shown; --fix writes it"
                            .into(),
                        false,
                    )),
                    ..Rendered::nothing()
                };
            }
            return Rendered {
                fixed: applied,
                stdout: Rendering::Text(diff),
                ..Rendered::nothing()
            };
        }
        match figcheck::fix::write(
            std::path::Path::new(&report.path),
            &report.source,
            &fixed_text,
        ) {
            Ok(()) => {
                let checker = &checkers[set];
                let format = Markup::of_path(&report.path);
                let findings = checker.check_document(format, &fixed_text);
                let mut remaining = Summary {
                    files: 1,
                    ..Summary::default()
                };
                remaining.add(&findings);
                let date = Some(checker.draft_date(format, &fixed_text));
                let again = FileReport {
                    path: report.path.clone(),
                    source: Arc::new(fixed_text),
                    findings,
                    date,
                };
                Rendered {
                    remaining: Some(remaining),
                    fixed: applied,
                    ..render_report(set, &again)
                }
            }
            Err(figcheck::fix::NotWritten::Changed) => Rendered {
                not_fixed: Some((
                    "changed since it was read, or is not UTF-8; not fixed".into(),
                    false,
                )),
                ..render_report(set, report)
            },
            Err(figcheck::fix::NotWritten::Refused(why)) => Rendered {
                not_fixed: Some((format!("{why}; not fixed"), false)),
                ..render_report(set, report)
            },
            Err(figcheck::fix::NotWritten::Io(e)) => Rendered {
                not_fixed: Some((format!("cannot write the fixes: {e}"), true)),
                ..render_report(set, report)
            },
        }
    };

    let mut summary = Summary::default();
    let mut fixed = (0usize, 0usize);
    let mut summary_rows: Vec<String> = Vec::new();
    // `--statistics`: findings counted by code and figure.
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut sink = |outcome: figcheck::run::Outcome<Rendered>| -> Result<(), String> {
        problems.extend(outcome.problems);
        let counted = outcome
            .rendered
            .as_ref()
            .and_then(|r| r.remaining)
            .unwrap_or(outcome.summary);
        summary.files += counted.files;
        summary.errors += counted.errors;
        summary.warnings += counted.warnings;
        summary.advice += counted.advice;
        let Some(rendered) = outcome.rendered else {
            return Ok(());
        };
        if rendered.fixed > 0 {
            fixed.0 += rendered.fixed;
            fixed.1 += 1;
        }
        if let Some((message, fails)) = rendered.not_fixed {
            if fails {
                problems.fail(&outcome.name, message);
            } else {
                problems.note(&outcome.name, message);
            }
        }
        summary_rows.extend(rendered.summary_rows);
        for key in rendered.counts {
            *counts.entry(key).or_default() += 1;
        }
        for ((output, writer), text) in output_files.iter_mut().zip(rendered.files) {
            let text = writer.push(text);
            output.write(&text)?;
        }
        write_stdout(&writer.push(rendered.stdout))
    };
    let stdin = inputs.stdin.as_ref().map(|(set, name)| {
        let mut stdin_problems = Problems::default();
        let limit = checkers[*set].rules().settings.max_draft_bytes();
        let text = read_stdin(name, limit, &mut stdin_problems);
        (*set, name.clone(), text, stdin_problems)
    });
    figcheck::run::check_all(
        checkers,
        stdin,
        &inputs.drafts,
        args.jobs(),
        &render_file,
        &mut sink,
    )?;
    let mut statistics = String::new();
    if args.statistics {
        let mut rows: Vec<_> = counts.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for ((code, figure), n) in rows {
            statistics.push_str(&format!("{n:>6}  {code}  {figure}\n"));
        }
    }
    for (mut output, writer) in output_files {
        output.write(&writer.end(args.quiet, &statistics, &problems, &summary))?;
        output.finish()?;
    }
    let format = writer.format();
    if args.diff {
        // Only the diff, and what applying it would do.
        print_problems(&problems);
        if !args.quiet {
            write_stdout(&format!(
                "would fix {} in {}; run with --fix to write them\n",
                plural(fixed.0, "finding"),
                plural(fixed.1, "file")
            ))?;
        }
        return Ok(if problems.failed {
            EXIT_ERROR
        } else if fixed.0 > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        });
    }
    if args.fix && matches!(format, Format::Human | Format::Short) && !args.quiet {
        statistics.push_str(&format!(
            "fixed {} in {}\n",
            plural(fixed.0, "finding"),
            plural(fixed.1, "file")
        ));
    }
    let last = writer.end(args.quiet, &statistics, &problems, &summary);
    if format != Format::Json {
        print_problems(&problems);
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl Rendered {
    /// Nothing to write: a draft with no fix under --diff.
    fn nothing() -> Rendered {
        Rendered {
            remaining: None,
            fixed: 0,
            not_fixed: None,
            stdout: Rendering::Text(String::new()),
            files: Vec::new(),
            summary_rows: Vec::new(),
            counts: Vec::new(),
        }
    }
}

fn run_numbers(args: &CheckArgs) -> Result<u8, Failure> {
    let (inputs, mut problems) = prepare(args)?;
    let checkers = &inputs.checkers;
    let mut files: Vec<(usize, String, String, Analysis)> = Vec::new();
    if let Some((set, name)) = &inputs.stdin {
        let limit = checkers[*set].rules().settings.max_draft_bytes();
        if let Some(text) = read_stdin(name, limit, &mut problems) {
            let analysis = checkers[*set].analyse_document(Markup::of_path(name), &text);
            files.push((*set, name.clone(), text, analysis));
        }
    }
    for (set, draft) in &inputs.drafts {
        let limit = checkers[*set].rules().settings.max_draft_bytes();
        if let Some(text) = read_draft(draft, limit, &mut problems) {
            let analysis = checkers[*set].analyse_document(Markup::of_path(&draft.display), &text);
            files.push((*set, draft.display.clone(), text, analysis));
        }
    }
    print_problems(&problems);
    let reports: Vec<NumbersReport> = files
        .iter()
        .map(|(set, path, source, analysis)| NumbersReport {
            path,
            rules: checkers[*set].rules(),
            source,
            analysis,
        })
        .collect();
    let output = match args.format {
        Format::Json => numbers::render_json(&reports),
        _ => numbers::render_human(&reports),
    };
    write_stdout(&output)?;
    Ok(if problems.failed {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    })
}

/// `figcheck coverage`: how the drafts cover one rules file's figures, that
/// of the first draft (the one the run starts from). Drafts checked with
/// another rules file are left out, with a note.
fn run_coverage(args: &CheckArgs) -> Result<u8, Failure> {
    let (inputs, mut problems) = prepare(args)?;
    let checker = &inputs.checkers[0];
    let rules = checker.rules();
    let limit = rules.settings.max_draft_bytes();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut elsewhere: BTreeMap<usize, usize> = BTreeMap::new();
    if let Some((set, name)) = &inputs.stdin {
        if *set != 0 {
            *elsewhere.entry(*set).or_default() += 1;
        } else if let Some(text) = read_stdin(name, limit, &mut problems) {
            texts.push((name.clone(), text));
        }
    }
    for (set, draft) in &inputs.drafts {
        if *set != 0 {
            *elsewhere.entry(*set).or_default() += 1;
        } else if let Some(text) = read_draft(draft, limit, &mut problems) {
            texts.push((draft.display.clone(), text));
        }
    }
    for (set, count) in elsewhere {
        let other = &inputs.checkers[set].rules().path;
        let folder = other.parent().unwrap_or(other);
        problems.note(
            &other.display().to_string(),
            format!(
                "{} checked with these rules, not with {}, and left out; run `figcheck coverage {}` for them",
                plural(count, "draft"),
                rules.path.display(),
                folder.display()
            ),
        );
    }
    print_problems(&problems);
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
