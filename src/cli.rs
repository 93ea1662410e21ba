//! Command-line arguments. Each flag's documentation is its `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use figcheck::confidence::Tier;
use figcheck::date::Date;
use figcheck::lang::Lang;

fn parse_tier(text: &str) -> Result<Tier, String> {
    Tier::parse(text).ok_or_else(|| "expected firm, likely or weak".to_string())
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!("figcheck reads {}", known.join(" and "))
    })
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| format!("{}: write 2025, 2025-03 or 2025-03-27", e.0))
}

const AFTER_HELP: &str = "\
Exit status:
  0  no finding at the --fail-on level (error by default)
  1  at least one finding at the --fail-on level
  2  bad usage, a missing, unreadable or invalid rules file, a path that does
     not exist, or a draft that could not be read
  130  interrupted before the run finished (drafts are whole, old or new)

Finding codes: figcheck::mismatch, figcheck::wrong-year, figcheck::wrong-source,
figcheck::stale, figcheck::inconsistent, figcheck::arithmetic,
figcheck::unused-ignore, figcheck::hidden-characters. `figcheck explain CODE`
says what each means.";

/// Check the figures in draft articles against the canonical figures in rules.toml.
#[derive(Debug, Parser)]
#[command(
    name = "figcheck",
    version,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every number figcheck reads in the drafts, with its kind and the
    /// figure it is attributed to, if any (for people writing rules).
    Numbers(CheckArgs),
    /// For each figure, how many drafts and claims mention it and its
    /// findings; the figures no draft mentions; and the near-misses: numbers
    /// that are a figure's value but that no subject phrase claimed, with
    /// their sentence, so that the rules can learn the phrasing they missed.
    Coverage(CheckArgs),
    /// Run the examples in the rules file ([[figure.example]]) and report each
    /// one that does not give the finding it expects. Exit 1 when any fails.
    TestRules(RulesArgs),
    /// List the figures of the rules file: id, name, unit, canonical value with
    /// its source, and the other accepted values.
    Rules(RulesArgs),
    /// Explain a figure (by id) in full, with its examples, or a finding code
    /// (such as figcheck::wrong-year): what it means, why it matters, an
    /// example, and how to fix it.
    Explain(ExplainArgs),
    /// Write a commented starter rules file that passes `figcheck test-rules`.
    /// Never overwrites an existing file.
    Init(InitArgs),
    /// Print a shell completion script: `figcheck completions bash >
    /// ~/.local/share/bash-completion/completions/figcheck`.
    Completions(CompletionsArgs),
    /// Print figcheck's manual page (roff): `figcheck man > figcheck.1`.
    Man,
    /// Run the language server on standard input and output, for editors:
    /// diagnostics as you write, hover on a number, fixes as code actions.
    Server,
    /// Serve the desk over HTTP: a page for editors, and LanguageTool's API.
    ///
    /// The page, at /, shows each finding of a draft pasted or opened as the
    /// editor types; /v2/check speaks LanguageTool's API, for the clients
    /// that let their user name a LanguageTool server. Listens on
    /// 127.0.0.1:8081 unless told otherwise.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// The rules file. Default: the nearest rules.toml in the current directory
    /// or one of its parents.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A figure id (deaths-in-custody) or a finding code (figcheck::mismatch).
    #[arg(value_name = "ID|CODE")]
    pub topic: String,

    /// The rules file, for figure ids. Default: the nearest rules.toml.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the rules file.
    #[arg(value_name = "FILE", default_value = "rules.toml")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The rules file, read again whenever it changes. Default: the nearest
    /// rules.toml in the current directory or one of its parents.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// The address to listen on. Anything but a loopback address lets other
    /// machines send drafts to this one.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub host: std::net::IpAddr,

    /// The port to listen on (LanguageTool's clients expect 8081; 0 picks a
    /// free one, which figcheck prints).
    #[arg(long, default_value_t = 8081)]
    pub port: u16,

    /// How many requests are served at once; the others wait their turn.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub workers: u16,

    /// The largest text a request may send, in KiB.
    #[arg(long, default_value_t = 2048, value_parser = clap::value_parser!(u32).range(1..=262_144))]
    pub max_request_kib: u32,

    /// How long one check may take, in seconds, before its request is
    /// answered with an error.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub time_limit: u32,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Drafts to check: files (any extension), directories (walked; the include
    /// and exclude globs of the rules file apply; hidden directories and
    /// `target` are skipped), glob patterns such as 'drafts/**/*.md', or `-` for
    /// standard input. Default: the current directory.
    #[arg(value_name = "PATH|GLOB")]
    pub paths: Vec<String>,

    /// The path to show for a draft read from standard input (`-`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Apply the include and exclude globs of the rules file to files named on
    /// the command line too, as the pre-commit hook does.
    #[arg(long)]
    pub force_exclude: bool,

    /// Read drafts and the rules file through links that lead out of the
    /// repository (the work tree, or the rules file's folder). Off by
    /// default: in CI a pull request could link a draft to a secret.
    #[arg(long, env = "FIGCHECK_FOLLOW_OUTSIDE_LINKS")]
    pub follow_outside_links: bool,

    /// The rules file. Default: the nearest rules.toml in the current directory
    /// or one of its parents.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Also write the findings to FILE, in the format its extension names
    /// (.sarif, .json, .jsonl, .html, .txt) or --output-format gives, while
    /// standard output keeps --format: one run gives annotations, a SARIF
    /// file and an HTML report. May be given more than once. Each file is
    /// written whole or not at all.
    #[arg(long, value_name = "FILE")]
    pub output_file: Vec<PathBuf>,

    /// The format of an --output-file whose extension does not say.
    #[arg(long, value_enum, value_name = "FORMAT", requires = "output_file")]
    pub output_format: Option<Format>,

    /// Apply the safe fixes (a wrong or outdated number replaced by the
    /// accepted value, in the draft's own style), then report what remains.
    /// Each draft is rewritten whole or not at all, and a draft that changed
    /// since it was read is left alone. Without --fix, figcheck never writes.
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff, also apply the unsafe fixes: a number with a
    /// qualifier or in words, a wrong year or a wrong source (where the year
    /// or the source may be what is wrong).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff and write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// The lowest severity that makes figcheck exit with status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    pub fail_on: FailOn,

    /// Ignore the suppression comments in drafts (figcheck-ignore,
    /// figcheck-disable): show every finding, for audits.
    #[arg(long)]
    pub no_ignores: bool,

    /// Threads that walk and check drafts. Default: one per core; at most four
    /// per core. Output is the same, in the same order, whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Check every draft as of this date (YYYY, YYYY-MM or YYYY-MM-DD): the
    /// values current then are the ones accepted. Default: the date the draft
    /// gives in its front matter (updated, published or date) or HTML metadata,
    /// else today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,

    /// Read every draft in this language (en or es): its numbers, sentences
    /// and subject phrases. Default: the language the draft gives (front
    /// matter lang or language, <html lang>), else `lang` in the rules'
    /// [settings] (en unless set; auto detects each draft's language).
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// The lowest confidence tier reported: firm (only claims whose wording
    /// leaves no doubt), likely (also claims figcheck is fairly sure of, as
    /// warnings) or weak (every claim, for review). Default: `report_tier`
    /// in the rules' [settings], else likely.
    #[arg(long, value_name = "TIER", value_parser = parse_tier)]
    pub report_tier: Option<Tier>,

    /// Print findings only: no summary line.
    #[arg(long, short)]
    pub quiet: bool,

    /// After the findings (human and short formats), count them by code and
    /// figure, most frequent first.
    #[arg(long)]
    pub statistics: bool,

    /// When to use colour in human output. `auto` uses colour only on a
    /// terminal, and never when NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics with the source line and the number underlined, then a summary.
    Human,
    /// One line per finding: `path:line:column: severity[code] figure: message`.
    Short,
    /// One JSON document (version 1; see README.md for the fields).
    Json,
    /// One JSON object per finding and line, written as each file finishes.
    Jsonl,
    /// GitHub Actions workflow commands: annotations on pull requests.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// One self-contained HTML page to read and forward: counts by figure
    /// and by code, and each finding with its sentence highlighted.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when there is a finding at error level.
    Error,
    /// Exit 1 when there is a finding at error or warning level.
    Warning,
    /// Exit 0 whatever was found (errors of use still exit 2).
    Never,
}

impl Format {
    /// The format a file's extension names, for --output-file.
    pub fn of_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "sarif" => Format::Sarif,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "txt" | "log" => Format::Short,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

impl CheckArgs {
    /// The number of threads to use: `--jobs`, at most four per core (more
    /// only costs memory and start-up), or one per core.
    pub fn jobs(&self) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.jobs
            .filter(|&j| j > 0)
            .map_or(cores, |j| j.min(cores * 4))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output written to a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool, no_color_set: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color_set,
        }
    }
}
