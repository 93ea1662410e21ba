//! Where a check's findings go: the format's writer for standard output,
//! and each `--output-file`, written beside its target and moved into place.

use std::io::Write;
use std::path::PathBuf;

use figcheck::render::{github, html, human, json, sarif, short, FileReport, Summary};
use figcheck::run::Problems;
use figcheck::Rules;

use crate::cli::{CheckArgs, Format};
use crate::Failure;

/// Where `--output-file` writes, and in which format. The findings go to a
/// new file beside it, with an unpredictable name and created exclusively
/// (a link planted there is never followed), that is renamed over it at the
/// end, so a reader never sees half a SARIF document. A run that stops early
/// removes it.
pub(crate) struct OutputFile {
    path: PathBuf,
    pub(crate) format: Format,
    file: std::io::BufWriter<figcheck::fix::Beside>,
}

impl OutputFile {
    pub(crate) fn create(args: &CheckArgs, path: &std::path::Path) -> Result<OutputFile, Failure> {
        let path = path.to_path_buf();
        // The extension first: with several files, --output-format is for
        // the ones whose extension does not say.
        let format = Format::of_extension(&path)
            .or(args.output_format)
            .ok_or_else(|| {
                format!(
                    "cannot tell the format of --output-file {} from its extension; add --output-format sarif (or json, jsonl, short, human, github)",
                    path.display()
                )
            })?;
        // A report is read by others, as any file a command writes: 0666
        // less the umask, as `File::create` would give it.
        #[cfg(unix)]
        let permissions = {
            use std::os::unix::fs::PermissionsExt;
            Some(std::fs::Permissions::from_mode(0o666))
        };
        #[cfg(not(unix))]
        let permissions = None;
        let file = figcheck::fix::create_beside(&path, permissions)
            .map_err(|e| format!("cannot write --output-file {}: {e}", path.display()))?;
        Ok(OutputFile {
            path,
            format,
            file: std::io::BufWriter::new(file),
        })
    }

    pub(crate) fn write(&mut self, text: &str) -> Result<(), String> {
        self.file
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write --output-file {}: {e}", self.path.display()))
    }

    /// Moves the finished file into place.
    pub(crate) fn finish(self) -> Result<(), Failure> {
        let path = self.path;
        let failed = |e: std::io::Error| -> Failure {
            format!("cannot write --output-file {}: {e}", path.display()).into()
        };
        let file = self.file.into_inner().map_err(|e| failed(e.into_error()))?;
        file.persist(&path).map_err(failed)?;
        Ok(())
    }
}

/// The rule sets a run checks with (one rules file each; a draft is checked
/// with the nearest), as the formats need them.
pub(crate) struct Sets<'a> {
    pub(crate) rules: Vec<&'a Rules>,
    /// SARIF's numbering of every set's figures.
    pub(crate) sarif: sarif::RuleTable,
}

impl<'a> Sets<'a> {
    pub(crate) fn new(rules: Vec<&'a Rules>) -> Sets<'a> {
        let sarif = sarif::RuleTable::new(&rules);
        Sets { rules, sarif }
    }
}

/// One file's findings rendered for one format, on the thread that checked
/// it: text for the line formats, or items of the document for json and sarif.
pub(crate) enum Rendering {
    Text(String),
    Items(figcheck::render::Items),
    /// A section of the HTML page, and what its summary counts.
    Html(String, html::Counted),
}

/// A format's writer: the json and sarif documents are written in pieces as
/// files finish, between a head and a tail.
pub(crate) enum Writer {
    Lines(Format),
    Json(json::JsonStream),
    Sarif(sarif::SarifStream),
    /// The page needs its counts first: sections wait (as HTML, not drafts).
    Html(Vec<String>, Vec<(String, String, String)>),
}

impl Writer {
    /// The writer and the text that opens its output.
    pub(crate) fn begin(format: Format, sets: &Sets) -> (Writer, String) {
        match format {
            Format::Json => {
                let (stream, head) = json::JsonStream::begin();
                (Writer::Json(stream), head)
            }
            Format::Sarif => {
                let (stream, head) = sarif::SarifStream::begin(&sets.rules, &sets.sarif);
                (Writer::Sarif(stream), head)
            }
            Format::Html => (Writer::Html(Vec::new(), Vec::new()), String::new()),
            other => (Writer::Lines(other), String::new()),
        }
    }

    /// The indentation the items of its document take.
    pub(crate) fn item_indent(&self) -> usize {
        match self {
            Writer::Json(stream) => stream.item_indent(),
            Writer::Sarif(stream) => stream.item_indent(),
            Writer::Lines(_) | Writer::Html(..) => 0,
        }
    }

    pub(crate) fn format(&self) -> Format {
        match self {
            Writer::Lines(format) => *format,
            Writer::Json(_) => Format::Json,
            Writer::Sarif(_) => Format::Sarif,
            Writer::Html(..) => Format::Html,
        }
    }

    pub(crate) fn push(&mut self, rendering: Rendering) -> String {
        match (self, rendering) {
            (Writer::Json(stream), Rendering::Items(items)) => stream.push(items),
            (Writer::Sarif(stream), Rendering::Items(items)) => stream.push(items),
            (Writer::Html(sections, counts), Rendering::Html(section, counted)) => {
                sections.push(section);
                counts.extend(counted);
                String::new()
            }
            (_, Rendering::Text(text)) => text,
            (_, Rendering::Items(_) | Rendering::Html(..)) => {
                unreachable!("each format renders its own kind")
            }
        }
    }

    /// What the format writes after the last file: statistics and the
    /// summary line, or the end of the document.
    pub(crate) fn end(
        self,
        quiet: bool,
        statistics: &str,
        problems: &Problems,
        summary: &Summary,
    ) -> String {
        match self {
            Writer::Lines(Format::Human | Format::Short) if !quiet => {
                format!("{statistics}{}\n", summary.line())
            }
            Writer::Lines(Format::Human | Format::Short) => statistics.to_string(),
            Writer::Lines(_) => String::new(),
            Writer::Json(stream) => stream.end(&problems.list, summary),
            Writer::Sarif(stream) => stream.end(),
            Writer::Html(sections, counts) => html::render_page(&sections, &counts, summary),
        }
    }
}

/// One file's findings in `format`, checked with rule set `set`.
pub(crate) fn render(
    format: Format,
    report: &FileReport,
    (sets, set): (&Sets, usize),
    style: human::Style,
    indent: usize,
) -> Rendering {
    let rules = sets.rules[set];
    Rendering::Text(match format {
        Format::Human => human::render_file(report, style),
        Format::Short => short::render_file(report, rules),
        Format::Jsonl => json::render_lines(report, rules),
        Format::Github => github::render_file(&from_repository_root(report), rules),
        Format::Json => return Rendering::Items(json::findings(report, rules, indent)),
        Format::Sarif => {
            return Rendering::Items(sarif::results(report, rules, (&sets.sarif, set), indent))
        }
        Format::Html => {
            let (section, counted) = html::render_file(report, rules);
            return Rendering::Html(section, counted);
        }
    })
}

/// The folder the run started in, from the root of the repository GitHub
/// Actions checked out (`GITHUB_WORKSPACE`), when it is inside it and not
/// the root: a step with `working-directory: site` names `drafts/a.md`,
/// which GitHub attaches to the diff only as `site/drafts/a.md`.
fn workspace_prefix() -> Option<&'static std::path::Path> {
    static PREFIX: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    PREFIX
        .get_or_init(|| {
            let workspace = std::env::var_os("GITHUB_WORKSPACE")?;
            let cwd = std::env::current_dir().ok()?;
            let workspace = std::fs::canonicalize(workspace).ok()?;
            let cwd = std::fs::canonicalize(cwd).ok()?;
            let inside = cwd.strip_prefix(&workspace).ok()?;
            (!inside.as_os_str().is_empty()).then(|| inside.to_path_buf())
        })
        .as_deref()
}

/// `report` with its path from the repository's root, for annotations.
pub(crate) fn from_repository_root(report: &FileReport) -> std::borrow::Cow<'_, FileReport> {
    let Some(prefix) = workspace_prefix() else {
        return std::borrow::Cow::Borrowed(report);
    };
    if std::path::Path::new(&report.path).is_absolute() || report.path.starts_with('<') {
        return std::borrow::Cow::Borrowed(report);
    }
    // `..` steps back out of the prefix, as a path from the root would.
    let mut parts: Vec<String> = prefix
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    for part in report.path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part.to_string()),
        }
    }
    std::borrow::Cow::Owned(FileReport {
        path: parts.join("/"),
        ..report.clone()
    })
}
