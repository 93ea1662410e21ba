//! Where a run may read through a link: the repository.
//!
//! In CI on a pull request, the contributor controls the files and the links
//! among them. A draft, or the rules file, that is a link to
//! `~/.netrc` or `~/.cargo/credentials.toml` would have figcheck read it and
//! quote it in its findings and errors. So a file reached through a link is
//! read only when the link resolves inside the repository: the directory
//! holding the rules file, or the work tree the run started in (the nearest
//! folder above it with a `.git`, else the current directory). A plain path
//! the user typed is read wherever it points; only links are held to this.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The folders a link may lead into.
#[derive(Debug, Clone, Default)]
pub struct Repository {
    /// Each folder as the run names it (absolute) and as it resolves.
    roots: Vec<(PathBuf, PathBuf)>,
    /// Links are followed anywhere (`--follow-outside-links`).
    anywhere: bool,
}

impl Repository {
    /// The repository of a run started in `cwd` with the rules file at
    /// `rules` (if any).
    pub fn new(cwd: &Path, rules: Option<&Path>) -> Repository {
        let mut roots = Vec::new();
        let work_tree = cwd
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(cwd);
        let mut add = |dir: &Path| {
            if let (Ok(named), Ok(resolved)) =
                (std::path::absolute(dir), std::fs::canonicalize(dir))
            {
                roots.push((named, resolved));
            }
        };
        add(work_tree);
        if let Some(dir) = rules.and_then(Path::parent) {
            add(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            });
        }
        Repository {
            roots,
            anywhere: false,
        }
    }

    /// A repository that lets links lead anywhere.
    pub fn anywhere() -> Repository {
        Repository {
            roots: Vec::new(),
            anywhere: true,
        }
    }

    /// Whether `path`, once every link on its way is followed, lies inside
    /// the repository: for files a rules file names, which are read only
    /// there (a rules file in a pull request could name a secret).
    pub fn holds(&self, path: &Path) -> bool {
        self.anywhere
            || std::fs::canonicalize(path)
                .is_ok_and(|target| self.roots.iter().any(|(_, r)| target.starts_with(r)))
    }

    /// Whether `path` may be read: it lies outside the repository as named
    /// (a path the user typed, through whatever links the system has), or
    /// no link stands on its way inside the repository, or it resolves
    /// inside the repository.
    pub fn lets_in(&self, path: &Path) -> bool {
        self.lets_in_remembering(path, &mut HashMap::new())
    }

    /// [`Repository::lets_in`], remembering in `folders` which folders are
    /// reached through a link: a walk of 100,000 drafts asks once a folder.
    pub fn lets_in_remembering(&self, path: &Path, folders: &mut HashMap<PathBuf, bool>) -> bool {
        if self.anywhere {
            return true;
        }
        let Ok(named) = std::path::absolute(path) else {
            return true;
        };
        let Some(root) = self
            .roots
            .iter()
            .find(|(n, r)| named.starts_with(n) || named.starts_with(r))
        else {
            return true;
        };
        let inside = |p: &Path| p != root.0 && p != root.1;
        if !through_a_link(&named, &inside, folders) {
            return true;
        }
        std::fs::canonicalize(path)
            .is_ok_and(|target| self.roots.iter().any(|(_, r)| target.starts_with(r)))
    }
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether `path`, or a folder on the way to it while `inside` holds, is a link.
fn through_a_link(
    path: &Path,
    inside: &dyn Fn(&Path) -> bool,
    folders: &mut HashMap<PathBuf, bool>,
) -> bool {
    is_link(path)
        || path
            .parent()
            .is_some_and(|p| folder_through_a_link(p, inside, folders))
}

fn folder_through_a_link(
    folder: &Path,
    inside: &dyn Fn(&Path) -> bool,
    folders: &mut HashMap<PathBuf, bool>,
) -> bool {
    if folder.as_os_str().is_empty() || !inside(folder) {
        return false;
    }
    if let Some(&known) = folders.get(folder) {
        return known;
    }
    let linked = is_link(folder)
        || folder
            .parent()
            .is_some_and(|p| folder_through_a_link(p, inside, folders));
    folders.insert(folder.to_path_buf(), linked);
    linked
}

/// The note for a file left unread.
pub const OUTSIDE: &str =
    "is a link to a file outside the repository; not read (--follow-outside-links reads it)";

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_inside_are_read_and_links_outside_are_not() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "TOKEN").unwrap();
        let repo = tempfile::tempdir().unwrap();
        let root = repo.path();
        std::fs::create_dir(root.join(".git")).unwrap();
        std::fs::create_dir(root.join("drafts")).unwrap();
        std::fs::write(root.join("drafts/a.md"), "text").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), root.join("drafts/s.md"))
            .unwrap();
        std::os::unix::fs::symlink(root.join("drafts/a.md"), root.join("drafts/b.md")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("away")).unwrap();
        let here = Repository::new(&root.join("drafts"), None);
        assert!(here.lets_in(&root.join("drafts/a.md")), "a plain file");
        assert!(here.lets_in(&root.join("drafts/b.md")), "a link inside");
        assert!(!here.lets_in(&root.join("drafts/s.md")), "a link outside");
        assert!(
            !here.lets_in(&root.join("away/secret")),
            "through a linked folder"
        );
        // A plain path outside the repository, typed by the user, is read.
        assert!(here.lets_in(&outside.path().join("secret")));
        // The rules file's folder counts too, and the flag lets anything in.
        let with_rules = Repository::new(root, Some(&outside.path().join("rules.toml")));
        assert!(with_rules.lets_in(&root.join("drafts/s.md")));
        assert!(Repository::anywhere().lets_in(&root.join("drafts/s.md")));
    }
}
