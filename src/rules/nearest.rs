//! Which rules file checks a draft: the nearest `rules.toml` in its folder
//! or one above it, the rule the command line, the language server and
//! `figcheck serve` share. A desk keeps one rules file per story folder, and
//! a run over the whole archive checks each story's drafts with its own.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Rules;

/// The nearest rules file of each folder asked about, remembered: a walk of
/// 100,000 drafts looks at each folder once, not once a draft.
#[derive(Debug)]
pub struct Nearest {
    /// Absolute folder → the nearest rules file in it or above it.
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// The current directory, which relative paths start from.
    cwd: PathBuf,
}

impl Default for Nearest {
    fn default() -> Nearest {
        Nearest::new()
    }
}

impl Nearest {
    pub fn new() -> Nearest {
        Nearest {
            found: HashMap::new(),
            cwd: std::env::current_dir().unwrap_or_default(),
        }
    }

    /// The rules file nearest to the draft at `draft` (a relative path is
    /// taken from the current directory), if there is one.
    pub fn of_draft(&mut self, draft: &Path) -> Option<PathBuf> {
        let folder = draft.parent().unwrap_or(Path::new(""));
        let folder = std::path::absolute(self.cwd.join(folder)).ok()?;
        self.of_folder(&folder)
    }

    /// The rules file in `folder` (absolute) or the nearest one above it.
    fn of_folder(&mut self, folder: &Path) -> Option<PathBuf> {
        // The folders not yet asked about, nearest first, up to one that was
        // or one that holds a rules file.
        let mut unknown: Vec<&Path> = Vec::new();
        let mut answer = None;
        for dir in folder.ancestors() {
            if let Some(known) = self.found.get(dir) {
                answer = known.clone();
                break;
            }
            unknown.push(dir);
            if let Some(here) = Rules::discover_here(dir) {
                answer = Some(here);
                break;
            }
        }
        for dir in unknown {
            self.found.insert(dir.to_path_buf(), answer.clone());
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for file in files {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
            std::fs::write(path, "").expect("a file");
        }
        dir
    }

    #[test]
    fn each_draft_takes_the_rules_file_nearest_above_it() {
        let dir = tree(&[
            "rules.toml",
            "a.md",
            "story/rules.toml",
            "story/b.md",
            "story/deep/c.md",
            "other/d.md",
        ]);
        let root = dir.path();
        let mut nearest = Nearest::new();
        let of = |nearest: &mut Nearest, draft: &str| nearest.of_draft(&root.join(draft));
        assert_eq!(of(&mut nearest, "a.md"), Some(root.join("rules.toml")));
        assert_eq!(
            of(&mut nearest, "story/b.md"),
            Some(root.join("story/rules.toml"))
        );
        assert_eq!(
            of(&mut nearest, "story/deep/c.md"),
            Some(root.join("story/rules.toml"))
        );
        assert_eq!(
            of(&mut nearest, "other/d.md"),
            Some(root.join("rules.toml"))
        );
    }

    #[test]
    fn a_folder_is_looked_at_once() {
        let dir = tree(&["story/rules.toml", "story/a/b/c.md"]);
        let root = dir.path();
        let mut nearest = Nearest::new();
        nearest.of_draft(&root.join("story/a/b/c.md"));
        let asked = nearest.found.len();
        // b, a, story: three folders, the last holding the rules file.
        assert_eq!(asked, 3);
        nearest.of_draft(&root.join("story/a/b/other.md"));
        nearest.of_draft(&root.join("story/a/x.md"));
        assert_eq!(nearest.found.len(), asked, "no folder asked about twice");
    }

    #[test]
    fn no_rules_file_above_is_none() {
        // A temporary folder may lie under one with a rules file on some
        // machines; the answer must then be that one, never a nearer one.
        let dir = tree(&["a/b.md"]);
        let found = Nearest::new().of_draft(&dir.path().join("a/b.md"));
        assert!(
            found.as_ref().is_none_or(|f| !f.starts_with(dir.path())),
            "{found:?}"
        );
    }
}
