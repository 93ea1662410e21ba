//! Which files a run checks: paths and globs as the user gave them, directories
//! walked with the include and exclude globs of the rules file.

use std::path::{Path, PathBuf};

use std::sync::Mutex;

use glob::{MatchOptions, Pattern};
use ignore::{WalkBuilder, WalkState};

use crate::repository::{self, Repository};
use crate::rules::Settings;

/// A draft to check: its path on disk and the path shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Draft {
    /// The path as shown: as the user named it, with `/` separators.
    pub display: String,
    pub path: PathBuf,
    /// Named on the command line, rather than found by a walk: a draft that
    /// cannot be read then fails the run.
    pub named: bool,
}

/// Something the user named that cannot be checked, or a file left unread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: String,
    pub message: String,
    /// Whether it fails the run (exit 2): true for what the user named,
    /// false for a file a walk found and skipped.
    pub fails: bool,
}

/// Directories never walked into, whatever the globs say.
const SKIPPED_DIRECTORIES: &[&str] = &["target", "node_modules"];

const MATCH: MatchOptions = MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: false,
};

/// Include and exclude globs, compiled once.
#[derive(Debug, Clone)]
pub struct Filter {
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
}

impl Filter {
    /// The settings' globs; they were validated when the rules were loaded.
    pub fn new(settings: &Settings) -> Filter {
        let compile =
            |globs: &[String]| globs.iter().filter_map(|g| Pattern::new(g).ok()).collect();
        Filter {
            include: compile(&settings.include),
            exclude: compile(&settings.exclude),
        }
    }

    /// Whether a file found by walking a directory is a draft to check. `relative`
    /// is its path below the directory walked, `display` the path as shown; a glob
    /// matching either counts.
    pub fn selects(&self, relative: &str, display: &str) -> bool {
        let matches = |p: &Pattern| {
            p.matches_with(relative, MATCH)
                || p.matches_with(display, MATCH)
                // `**/*.md` also means `*.md` at the top.
                || p.as_str().strip_prefix("**/").is_some_and(|rest| {
                    Pattern::new(rest).is_ok_and(|p| p.matches_with(relative, MATCH))
                })
        };
        self.include.iter().any(matches) && !self.exclude.iter().any(matches)
    }
}

/// The drafts named by `args` (paths, directories or glob patterns), sorted by
/// displayed path without duplicates, and an error for each argument that names
/// nothing. No argument means the current directory. Files named directly are
/// checked whatever their name, unless `force_exclude` applies the filter to them.
///
/// `jobs` threads walk each directory (0: one per core). A file reached
/// through a link that leads out of `repository` is not read: named, it is
/// an error; found by a walk, it is skipped with a note.
pub fn drafts(
    args: &[String],
    filter: &Filter,
    force_exclude: bool,
    jobs: usize,
    repository: &Repository,
) -> (Vec<Draft>, Vec<WalkError>) {
    let mut drafts = Vec::new();
    let mut errors = Vec::new();
    if args.is_empty() {
        let select = |relative: &str, shown: &str| filter.selects(relative, shown);
        walk_dir(Path::new("."), "", &select, jobs, &mut drafts, &mut errors);
    }
    for arg in args {
        let path = Path::new(arg);
        if path.exists() && !repository.lets_in(path) {
            errors.push(WalkError {
                path: display_of(path),
                message: repository::OUTSIDE.into(),
                fails: true,
            });
        } else if path.is_dir() {
            let select = |relative: &str, shown: &str| filter.selects(relative, shown);
            walk_dir(
                path,
                &display_of(path),
                &select,
                jobs,
                &mut drafts,
                &mut errors,
            );
        } else if path.exists() {
            let display = display_of(path);
            if !force_exclude || filter.selects(&display, &display) {
                drafts.push(Draft {
                    display,
                    path: path.to_path_buf(),
                    named: true,
                });
            }
        } else if arg.contains(['*', '?', '[']) {
            expand_glob(arg, filter, force_exclude, jobs, &mut drafts, &mut errors);
        } else {
            errors.push(WalkError {
                path: arg.clone(),
                message: "no such file or directory".into(),
                fails: true,
            });
        }
    }
    // A file a walk found as a link, or through a linked folder a glob
    // named: read only when the link stays in the repository.
    let mut folders = std::collections::HashMap::new();
    drafts.retain(|d| {
        let kept = repository.lets_in_remembering(&d.path, &mut folders);
        if !kept {
            errors.push(WalkError {
                path: d.display.clone(),
                message: repository::OUTSIDE.into(),
                fails: false,
            });
        }
        kept
    });
    drafts.sort();
    drafts.dedup_by(|a, b| a.display == b.display);
    (drafts, errors)
}

/// Expands a glob with the walker's rules, as a directory walk would: from
/// the literal directories before its first wildcard, skipping hidden files,
/// `target`, `node_modules` and what `.gitignore` ignores, and never following
/// a link to a directory (so a link loop cannot make it hang or repeat). A
/// file counts when the pattern matches its path, or a directory above it
/// and the include and exclude globs select it, as for a directory named.
fn expand_glob(
    pattern: &str,
    filter: &Filter,
    force_exclude: bool,
    jobs: usize,
    drafts: &mut Vec<Draft>,
    errors: &mut Vec<WalkError>,
) {
    let compiled = match Pattern::new(pattern) {
        Ok(p) => p,
        Err(e) => {
            errors.push(WalkError {
                path: pattern.to_string(),
                message: format!("invalid glob pattern: {e}"),
                fails: true,
            });
            return;
        }
    };
    // The directories before the first component with a wildcard.
    let literal: Vec<&str> = pattern
        .split('/')
        .take_while(|c| !c.contains(['*', '?', '[']))
        .collect();
    let base = literal.join("/");
    let (root, display) = if base.is_empty() {
        (PathBuf::from("."), String::new())
    } else {
        (PathBuf::from(&base), base.clone())
    };
    let before = drafts.len();
    if root.is_dir() {
        let select = |relative: &str, shown: &str| {
            let matched_itself = compiled.matches_with(shown, MATCH);
            // A directory the pattern names: its files as a directory walk takes them.
            let in_matched_directory = shown
                .match_indices('/')
                .any(|(i, _)| compiled.matches_with(&shown[..i], MATCH));
            (matched_itself && (!force_exclude || filter.selects(shown, shown)))
                || (in_matched_directory && filter.selects(relative, shown))
        };
        walk_dir(&root, &display, &select, jobs, drafts, errors);
    }
    if drafts.len() == before {
        errors.push(WalkError {
            path: pattern.to_string(),
            message: "no file matches this pattern".into(),
            fails: true,
        });
    }
}

/// Walks `dir` in parallel with the `ignore` crate, the walker of ripgrep: it
/// respects `.gitignore` (in a git repository), `.ignore` and hidden files as
/// ripgrep does, skips `target` and `node_modules`, and does not follow links
/// to directories (so a link loop cannot trap it). The caller sorts.
fn walk_dir(
    dir: &Path,
    display: &str,
    select: &(dyn Fn(&str, &str) -> bool + Sync),
    jobs: usize,
    drafts: &mut Vec<Draft>,
    errors: &mut Vec<WalkError>,
) {
    let found: Mutex<(Vec<Draft>, Vec<WalkError>)> = Mutex::new((Vec::new(), Vec::new()));
    let mut builder = WalkBuilder::new(dir);
    builder
        .hidden(true)
        .follow_links(false)
        .threads(jobs)
        .filter_entry(|entry| {
            let skipped = entry.depth() > 0
                && entry.file_type().is_some_and(|t| t.is_dir())
                && SKIPPED_DIRECTORIES.contains(&entry.file_name().to_string_lossy().as_ref());
            !skipped
        });
    builder.build_parallel().run(|| {
        let found = &found;
        Box::new(move |entry| {
            match entry {
                Ok(entry) => {
                    let is_file = entry
                        .file_type()
                        .is_some_and(|t| t.is_file() || (t.is_symlink() && entry.path().is_file()));
                    if is_file {
                        let relative = entry
                            .path()
                            .strip_prefix(dir)
                            .unwrap_or(entry.path())
                            .to_string_lossy()
                            .replace('\\', "/");
                        let shown = join_display(display, &relative);
                        if select(&relative, &shown) {
                            let draft = Draft {
                                display: shown,
                                path: entry.into_path(),
                                named: false,
                            };
                            found.lock().expect("no walker thread panics").0.push(draft);
                        }
                    }
                }
                Err(e) => {
                    let error = WalkError {
                        path: display.to_string(),
                        message: e.to_string(),
                        fails: true,
                    };
                    found.lock().expect("no walker thread panics").1.push(error);
                }
            }
            WalkState::Continue
        })
    });
    let (mut new_drafts, mut new_errors) = found.into_inner().expect("no walker thread panics");
    drafts.append(&mut new_drafts);
    errors.append(&mut new_errors);
}

fn join_display(base: &str, relative: &str) -> String {
    match (base.is_empty(), relative.is_empty()) {
        (true, _) => relative.to_string(),
        (false, true) => base.to_string(),
        (false, false) => format!("{}/{relative}", base.trim_end_matches('/')),
    }
}

/// A path as the user wrote it, with `/` separators.
fn display_of(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(include: &[&str], exclude: &[&str]) -> Filter {
        Filter::new(&Settings {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
            ..Settings::default()
        })
    }

    #[test]
    fn include_globs_match_at_any_depth() {
        let f = filter(&["**/*.md"], &[]);
        assert!(f.selects("a.md", "drafts/a.md"));
        assert!(f.selects("x/y/a.md", "drafts/x/y/a.md"));
        assert!(!f.selects("a.html", "drafts/a.html"));
    }

    #[test]
    fn exclude_globs_win() {
        let f = filter(&["**/*.md"], &["archive/**"]);
        assert!(!f.selects("archive/old.md", "drafts/archive/old.md"));
        assert!(f.selects("new.md", "drafts/new.md"));
        let f = filter(&["**/*.md"], &["drafts/archive/**"]);
        assert!(!f.selects("archive/old.md", "drafts/archive/old.md"));
    }

    #[test]
    fn walks_sorted_skipping_hidden_and_build_directories() {
        let dir = tempfile::tempdir().unwrap();
        for file in [
            "b.md",
            "a.md",
            "notes.html",
            "sub/c.txt",
            ".hidden/d.md",
            "target/e.md",
            ".f.md",
        ] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let root = dir.path().to_string_lossy().into_owned();
        let (drafts, errors) = drafts(
            std::slice::from_ref(&root),
            &Filter::new(&Settings::default()),
            false,
            2,
            &Repository::default(),
        );
        assert!(errors.is_empty());
        let shown: Vec<String> = drafts
            .iter()
            .map(|d| d.display.strip_prefix(&root).unwrap().to_string())
            .collect();
        assert_eq!(shown, vec!["/a.md", "/b.md", "/sub/c.txt"]);
    }

    #[test]
    fn ignore_files_are_respected_as_ripgrep_does() {
        let dir = tempfile::tempdir().unwrap();
        for file in ["kept.md", "ignored.md", "build/out.md", "drafts/old.md"] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        std::fs::write(dir.path().join(".ignore"), "ignored.md\nbuild/\n").unwrap();
        std::fs::write(dir.path().join("drafts/.ignore"), "old.md\n").unwrap();
        let root = dir.path().to_string_lossy().into_owned();
        let (drafts, _) = drafts(
            std::slice::from_ref(&root),
            &Filter::new(&Settings::default()),
            false,
            2,
            &Repository::default(),
        );
        let shown: Vec<String> = drafts
            .iter()
            .map(|d| d.display.strip_prefix(&root).unwrap().to_string())
            .collect();
        assert_eq!(shown, vec!["/kept.md"]);
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let (drafts, errors) = drafts(
            &["no/such/draft.md".to_string()],
            &filter(&["**/*"], &[]),
            false,
            1,
            &Repository::default(),
        );
        assert!(drafts.is_empty());
        assert_eq!(errors[0].path, "no/such/draft.md");
    }
}
