//! Rules in several files. A desk that covers many stories keeps each
//! story's figures, and its shared sources, in files of their own, and names
//! them from `rules.toml`:
//!
//! ```toml
//! [settings]
//! extend = ["stories/*.toml", "../shared/sources.toml"]
//! ```
//!
//! An extending file holds `[[figure]]` and `[[source]]` tables only; its
//! figures and sources join the main file's, in the order the patterns and
//! then the file names give. The files are read as one text, so every check
//! of the rules (an id used twice, a source no value names, a formula's
//! figures) works across them; each diagnostic is then placed back in the
//! file it is about, and one that concerns two files names the other.
//! Paths are relative to the main file; a file is read only inside the
//! repository that holds the main file (its work tree), links included.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::diagnostic::{RulesDiagnostic, RulesErrors};
use super::Rules;

/// One file of the rules, and where its text starts in the text read.
#[derive(Debug, Clone)]
pub struct RulesFile {
    pub path: PathBuf,
    pub source: Arc<String>,
    /// Where this file's text starts in the rules' whole text.
    pub start: usize,
    /// How many figures it holds.
    pub figures: usize,
}

/// The `extend` patterns of a main rules file, each with its span; none
/// when the file has none or is not TOML (its parse reports that).
fn patterns(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let Ok(document) = toml_edit::ImDocument::parse(text) else {
        return Vec::new();
    };
    let Some(list) = document
        .get("settings")
        .and_then(|s| s.get("extend"))
        .and_then(|e| e.as_array())
    else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|v| Some((v.as_str()?.to_string(), v.span()?)))
        .collect()
}

/// The number of `[[figure]]` tables in a rules text.
fn figure_count(text: &str) -> usize {
    toml_edit::ImDocument::parse(text)
        .ok()
        .and_then(|d| {
            d.get("figure")
                .and_then(|f| f.as_array_of_tables())
                .map(|a| a.len())
        })
        .unwrap_or(0)
}

/// Loads the rules of `path`, whose text is `text`, with every file it
/// extends. `read` reads one rules file (with the same limits as the main
/// one).
pub(super) fn load(
    path: &Path,
    text: String,
    read: &dyn Fn(&Path) -> Result<String, RulesErrors>,
) -> Result<Rules, RulesErrors> {
    let patterns = patterns(&text);
    if patterns.is_empty() {
        return Rules::parse(&text, path);
    }
    let main_source = Arc::new(text.clone());
    let on_pattern = |span: std::ops::Range<usize>, message: String, help: &str| {
        RulesDiagnostic::new(
            path.to_path_buf(),
            main_source.clone(),
            "figcheck::rules::extend",
            message,
        )
        .label(span, "here")
        .help(help)
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let repository = crate::repository::Repository::new(folder, Some(path));
    let main_real = std::fs::canonicalize(path).ok();
    let mut errors = Vec::new();
    let mut paths: Vec<PathBuf> = Vec::new();
    for (pattern, span) in &patterns {
        let full = folder.join(pattern);
        let matched: Vec<PathBuf> = match glob::glob(&full.to_string_lossy()) {
            Ok(found) => {
                let mut found: Vec<PathBuf> = found.filter_map(Result::ok).collect();
                found.sort();
                found
            }
            Err(e) => {
                errors.push(on_pattern(
                    span.clone(),
                    format!("`{pattern}` is not a glob pattern: {e}"),
                    "write a path relative to this file, with * and ** where needed",
                ));
                continue;
            }
        };
        if matched.is_empty() {
            errors.push(on_pattern(
                span.clone(),
                format!("`{pattern}` names no file"),
                "write a path relative to this file",
            ));
        }
        for file in matched {
            let real = std::fs::canonicalize(&file).ok();
            if real.is_some() && real == main_real {
                continue;
            }
            if !repository.holds(&file) {
                errors.push(on_pattern(
                    span.clone(),
                    format!(
                        "{} lies outside the repository that holds this file, and is not read",
                        file.display()
                    ),
                    "keep the files a rules file extends in its repository",
                ));
                continue;
            }
            if !paths.iter().any(|p| std::fs::canonicalize(p).ok() == real) {
                paths.push(file);
            }
        }
    }
    // The whole text, and where each file's part of it starts.
    let mut whole = text;
    whole.push('\n');
    let mut files = vec![RulesFile {
        path: path.to_path_buf(),
        source: main_source.clone(),
        start: 0,
        figures: figure_count(&main_source),
    }];
    for file in paths {
        let extra = match read(&file) {
            Ok(extra) => extra,
            Err(e) => {
                errors.extend(e.0);
                continue;
            }
        };
        let source = Arc::new(extra);
        let own = |message: String| {
            RulesDiagnostic::new(
                file.clone(),
                source.clone(),
                "figcheck::rules::extend",
                message,
            )
        };
        match toml_edit::ImDocument::parse(source.as_str()) {
            Err(_) => {
                // Its own syntax error, in its own file.
                if let Err(e) = Rules::parse(&source, &file) {
                    errors.extend(e.0);
                }
                continue;
            }
            Ok(document) => {
                let mut wrong = false;
                for (key, item) in document.as_table().iter() {
                    if !matches!(key, "figure" | "source") || !item.is_array_of_tables() {
                        let span = item.span().unwrap_or(0..0);
                        errors.push(
                            own(format!("`{key}` in a file that extends {}", path.display()))
                                .label(span, "not a [[figure]] or [[source]] table")
                                .help("a file named in `extend` holds [[figure]] and [[source]] tables only; settings belong in the main rules file"),
                        );
                        wrong = true;
                    }
                }
                if wrong {
                    continue;
                }
            }
        }
        files.push(RulesFile {
            path: file,
            source: source.clone(),
            start: whole.len(),
            figures: figure_count(&source),
        });
        whole.push_str(&source);
        whole.push('\n');
    }
    let parsed = Rules::parse(&whole, path);
    let place = |e: RulesDiagnostic| place(e, &files);
    match parsed {
        Ok(mut rules) if errors.is_empty() => {
            rules.warnings = rules.warnings.into_iter().map(place).collect();
            // `source` stays the whole text: the spans the rules keep (an
            // example's, say) are in it; `Rules::placed` moves a
            // diagnostic about them into its file.
            rules.files = files;
            Ok(rules)
        }
        Ok(_) => Err(RulesErrors(errors)),
        Err(found) => {
            errors.extend(found.0.into_iter().map(place));
            Err(RulesErrors(errors))
        }
    }
}

/// `diagnostic`, about the whole text of `files`, placed in the file its
/// first label lies in; labels in other files are named in its message.
pub fn place(diagnostic: RulesDiagnostic, files: &[RulesFile]) -> RulesDiagnostic {
    if files.len() < 2 {
        return diagnostic;
    }
    let file_of = |at: usize| files.iter().rposition(|f| f.start <= at).unwrap_or(0);
    let home = diagnostic
        .labels
        .first()
        .map_or(0, |(span, _)| file_of(span.start));
    let file = &files[home];
    let mut elsewhere = Vec::new();
    let mut labels = Vec::new();
    for (span, text) in &diagnostic.labels {
        let i = file_of(span.start);
        if i == home {
            labels.push((
                span.start - file.start..span.end.saturating_sub(file.start),
                text.clone(),
            ));
        } else {
            let other = &files[i];
            let line = other.source[..(span.start - other.start).min(other.source.len())]
                .matches('\n')
                .count()
                + 1;
            elsewhere.push(format!("{text}: {}, line {line}", other.path.display()));
        }
    }
    let mut message = diagnostic.message.clone();
    if !elsewhere.is_empty() {
        message.push_str(&format!(" ({})", elsewhere.join("; ")));
    }
    let mut placed = RulesDiagnostic::new(
        file.path.clone(),
        file.source.clone(),
        diagnostic.code,
        message,
    );
    for (span, text) in labels {
        placed = placed.label(span, text);
    }
    if let Some(help) = &diagnostic.help {
        placed = placed.help(help.clone());
    }
    if diagnostic.severity == super::Severity::Warning {
        placed = placed.warning();
    }
    placed
}

impl Rules {
    /// `diagnostic`, made with this rules' `path` and `source`, placed in
    /// the file it is about when the rules are in several files.
    pub fn placed(&self, diagnostic: RulesDiagnostic) -> RulesDiagnostic {
        place(diagnostic, &self.files)
    }

    /// The file a figure comes from (the main rules file unless it extends
    /// others).
    pub fn file_of(&self, figure: usize) -> &Path {
        let mut seen = 0;
        for file in &self.files {
            seen += file.figures;
            if figure < seen {
                return &file.path;
            }
        }
        &self.path
    }
}
