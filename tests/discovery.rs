//! Which rules file checks each draft: the nearest rules.toml above it, in
//! the command line as in the editor, with `--rules` overriding.

mod common;

use common::{figcheck, figcheck_stdin, write, CUSTODY_RULES};

/// 376 is wrong by the top rules file (the count is 367) and right by the
/// story's own.
const DRAFT: &str = "Rights groups say 376 people have died in custody.\n";

/// Two trees: the desk's rules at the top, with a draft, and a story
/// folder with rules of its own, where 376 is the count.
fn two_trees() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", CUSTODY_RULES);
    write(dir.path(), "a.md", DRAFT);
    write(
        dir.path(),
        "story/rules.toml",
        &CUSTODY_RULES.replace("canonical = 367", "canonical = 376"),
    );
    write(dir.path(), "story/deep/b.md", DRAFT);
    write(dir.path(), "z.md", DRAFT);
    write(dir.path(), "other/.keep", "");
    dir
}

#[test]
fn one_run_checks_each_draft_with_its_nearest_rules() {
    let dir = two_trees();
    let run = figcheck(dir.path(), &["--format", "short"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    // The top's drafts are wrong by the top's rules, in path order; the
    // story's draft is right by its own, and no note is needed.
    let files: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|f| f.ends_with(".md"))
        .collect();
    assert_eq!(files, ["a.md", "z.md"], "{}", run.stdout);
    assert!(!run.stderr.contains("checked with"), "{}", run.stderr);
    assert!(run.stdout.contains("3 files"), "{}", run.stdout);
}

#[test]
fn a_draft_named_from_anywhere_takes_its_own_rules() {
    let dir = two_trees();
    for (cwd, draft) in [
        ("", "story/deep/b.md"),
        ("other", "../story/deep/b.md"),
        ("story/deep", "b.md"),
        // A glob's drafts, each its own.
        ("", "story/**/*.md"),
    ] {
        let run = figcheck(&dir.path().join(cwd), &["--format", "short", draft]);
        assert_eq!(run.code, 0, "{cwd} {draft}: {}{}", run.stdout, run.stderr);
    }
    // And the top's draft keeps the top's, whatever else is named with it.
    let run = figcheck(dir.path(), &["--format", "short", "story", "a.md"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("a.md:1:19"), "{}", run.stdout);
    assert_eq!(run.stdout.matches(".md:").count(), 1, "{}", run.stdout);
}

#[test]
fn rules_given_check_every_draft() {
    let dir = two_trees();
    let run = figcheck(dir.path(), &["--rules", "rules.toml", "--format", "short"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("story/deep/b.md:1:19"),
        "{}",
        run.stdout
    );
    let run = figcheck(
        dir.path(),
        &["--rules", "story/rules.toml", "--format", "short", "a.md"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn standard_input_takes_the_rules_of_the_name_it_is_given() {
    let dir = two_trees();
    let args = ["--format", "short", "--stdin-filename", "story/new.md", "-"];
    let run = figcheck_stdin(dir.path(), &args, DRAFT);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = figcheck_stdin(dir.path(), &["--format", "short", "-"], DRAFT);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
}

#[test]
fn story_folders_need_no_rules_file_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    for story in ["one", "two"] {
        write(dir.path(), &format!("{story}/rules.toml"), CUSTODY_RULES);
        write(dir.path(), &format!("{story}/a.md"), DRAFT);
    }
    let run = figcheck(dir.path(), &["--format", "short", "one", "two"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("one/a.md:1:19"), "{}", run.stdout);
    assert!(run.stdout.contains("two/a.md:1:19"), "{}", run.stdout);
    // A draft with no rules file above it fails the run, named, whether
    // it comes before or after a story's drafts; it never takes a story's
    // rules.
    write(dir.path(), "a-loose.md", DRAFT);
    write(dir.path(), "z-loose.md", DRAFT);
    let run = figcheck(
        dir.path(),
        &["--format", "short", "one", "a-loose.md", "z-loose.md"],
    );
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    for loose in ["a-loose.md", "z-loose.md"] {
        assert!(
            run.stderr
                .contains(&format!("{loose}: no rules.toml in its folder")),
            "{}",
            run.stderr
        );
        assert!(!run.stdout.contains(loose), "{}", run.stdout);
    }
    assert!(run.stdout.contains("one/a.md:1:19"), "{}", run.stdout);
    // Nor does standard input with no name, read beside drafts whose
    // common folder has no rules file: the run stops, as with no rules.
    let args = ["--format", "short", "one", "z-loose.md", "-"];
    let run = figcheck_stdin(dir.path(), &args, DRAFT);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("no rules.toml"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn a_story_s_globs_choose_its_drafts() {
    let dir = two_trees();
    write(
        dir.path(),
        "story/rules.toml",
        &format!(
            "[settings]\nexclude = [\"deep/**\"]\n{}",
            CUSTODY_RULES.replace("canonical = 367", "canonical = 376")
        ),
    );
    write(
        dir.path(),
        "story/c.md",
        "Rights groups say 367 people have died in custody.\n",
    );
    let run = figcheck(dir.path(), &["--format", "short", "story"]);
    assert!(!run.stdout.contains("b.md"), "{}", run.stdout);
    assert!(run.stdout.contains("story/c.md"), "{}", run.stdout);
    // Named, a draft is checked whatever the globs say.
    let run = figcheck(dir.path(), &["--format", "short", "story/deep/b.md"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("1 file"), "{}", run.stdout);
}

#[test]
fn sarif_names_each_rule_once_across_rules_files() {
    let dir = two_trees();
    let run = figcheck(dir.path(), &["--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&run.stdout).expect("one SARIF document");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    // Each result points at its own rule, by index and by id.
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "{result}");
    }
    assert!(
        ids.contains(&"story/rules.toml#deaths-in-custody"),
        "{ids:?}"
    );
}
