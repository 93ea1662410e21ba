//! Rules in several files: `[settings] extend` in the main rules file names
//! the files that hold each story's figures and the shared sources.

mod common;

use std::path::Path;

use common::{figcheck, write};
use figcheck::render::human;
use figcheck::Rules;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules/extend");

#[test]
fn figures_and_sources_in_three_files_are_one_set_of_rules() {
    let rules = Rules::load(&Path::new(FIXTURE).join("rules.toml")).unwrap();
    let ids: Vec<&str> = rules.figures.iter().map(|f| f.id.as_str()).collect();
    // The main file's figures, then each pattern's files in name order.
    assert_eq!(ids, ["homicide-rate", "arrests", "deaths-in-custody"]);
    assert_eq!(rules.sources.len(), 3);
    // A value in one file names a source of another.
    assert_eq!(
        rules.figures[2].canonical().source.as_deref(),
        Some("Cristosal")
    );
    let files: Vec<String> = (0..3)
        .map(|i| {
            rules
                .file_of(i)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(files, ["rules.toml", "arrests.toml", "custody.toml"]);

    // Checked as one: a slip about a figure of each file (the rate's meets
    // none of its values, qualified: a likely warning).
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "draft.md",
        "Rights groups say 376 people have died in custody.\nThe homicide rate was at least 2.4.\n",
    );
    let rules_path = format!("{FIXTURE}/rules.toml");
    let run = figcheck(
        dir.path(),
        &["--rules", &rules_path, "--format", "short", "draft.md"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("deaths-in-custody"), "{}", run.stdout);
    assert!(run.stdout.contains("homicide-rate"), "{}", run.stdout);
    // And `figcheck rules` says where each figure is written.
    let listed = figcheck(dir.path(), &["rules", "--rules", &rules_path]);
    let arrests = listed
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("file:") && l.ends_with("stories/arrests.toml"));
    assert!(arrests.is_some(), "{}", listed.stdout);
}

/// A rules tree in a fresh folder: `rules.toml` and the files it extends.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    dir
}

const MAIN: &str = "[settings]\nextend = [\"stories/*.toml\"]\n\n[[figure]]\nid = \"rate\"\nname = \"Rate\"\nsubjects = [\"rate\"]\ncanonical = 1.9\n";
const FIGURE_B: &str =
    "[[figure]]\nid = \"deaths\"\nname = \"Deaths\"\nsubjects = [\"died\"]\ncanonical = 367\n";

/// Each error rendered, as the command line shows it.
fn errors_in(dir: &tempfile::TempDir) -> Vec<String> {
    let errors = Rules::load(&dir.path().join("rules.toml")).expect_err("errors");
    errors
        .0
        .iter()
        .map(|d| {
            human::render_diagnostic(
                d,
                human::Style {
                    color: false,
                    width: 200,
                },
            )
        })
        .collect()
}

#[test]
fn an_id_used_in_two_files_is_an_error_that_names_both() {
    let dir = tree(&[
        ("rules.toml", MAIN),
        ("stories/a.toml", FIGURE_B),
        (
            "stories/b.toml",
            &format!("# the same figure again\n{FIGURE_B}"),
        ),
    ]);
    let errors = errors_in(&dir);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    // Shown in the second file, at its line; the first named in the message.
    assert!(
        errors[0].contains("two figures have the id `deaths`"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("stories/b.toml:3:"), "{}", errors[0]);
    assert!(
        errors[0].contains("stories/a.toml, line 2"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_source_defined_in_two_files_is_an_error_that_names_both() {
    let source = "[[source]]\nid = \"wola\"\nname = \"WOLA\"\n";
    let dir = tree(&[
        ("rules.toml", &format!("{MAIN}\n{source}")),
        ("stories/a.toml", &format!("{FIGURE_B}\n[[source]]\nid = \"wola\"\nname = \"Washington Office on Latin America\"\n")),
    ]);
    let errors = errors_in(&dir);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("two sources have the id `wola`"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("stories/a.toml:"), "{}", errors[0]);
    assert!(errors[0].contains("rules.toml, line"), "{}", errors[0]);
}

#[test]
fn an_extending_file_holds_figures_and_sources_only() {
    let dir = tree(&[
        ("rules.toml", MAIN),
        (
            "stories/a.toml",
            &format!("[settings]\nwindow = 3\n\n{FIGURE_B}"),
        ),
    ]);
    let errors = errors_in(&dir);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("`settings` in a file that extends"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("stories/a.toml:1:"), "{}", errors[0]);
}

#[test]
fn an_error_in_an_extending_file_is_shown_in_that_file() {
    // A syntax error, and a value of the wrong kind.
    let dir = tree(&[
        ("rules.toml", MAIN),
        ("stories/a.toml", "[[figure]\nid = \"x\"\n"),
    ]);
    let errors = errors_in(&dir);
    assert!(
        errors.iter().any(|e| e.contains("stories/a.toml:1:")),
        "{errors:#?}"
    );
    let dir = tree(&[
        ("rules.toml", MAIN),
        ("stories/a.toml", &FIGURE_B.replace("367", "\"many\"")),
    ]);
    let errors = errors_in(&dir);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("stories/a.toml:5:"), "{}", errors[0]);
    assert!(!errors[0].contains("rules.toml:"), "{}", errors[0]);
}

#[test]
fn a_pattern_that_names_nothing_or_leaves_the_repository_is_an_error() {
    let dir = tree(&[("rules.toml", &MAIN.replace("stories/*.toml", "story.toml"))]);
    let errors = errors_in(&dir);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("`story.toml` names no file"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("rules.toml:2:"), "{}", errors[0]);

    // A file outside the folder (no git work tree here) is not read.
    let outer = tempfile::tempdir().unwrap();
    write(outer.path(), "secret.toml", "token = \"hunter2\"\n");
    write(
        outer.path(),
        "desk/rules.toml",
        &MAIN.replace("stories/*.toml", "../secret.toml"),
    );
    let errors = Rules::load(&outer.path().join("desk/rules.toml")).expect_err("refused");
    let shown = errors.one_line();
    assert!(shown.contains("outside the repository"), "{shown}");
    assert!(!format!("{:?}", errors.0).contains("hunter2"), "{shown}");
}

#[test]
fn a_rules_file_that_extends_nothing_reads_as_before() {
    let dir = tree(&[(
        "rules.toml",
        &MAIN.replace("[settings]\nextend = [\"stories/*.toml\"]\n", ""),
    )]);
    let rules = Rules::load(&dir.path().join("rules.toml")).unwrap();
    assert!(rules.files.is_empty());
    assert_eq!(rules.file_of(0), dir.path().join("rules.toml"));
}

#[test]
fn an_example_or_a_warning_about_an_extending_file_is_shown_in_it() {
    let story = format!(
        "{FIGURE_B}\n[[figure.example]]\ntext = \"Rights groups say 376 people died.\"\nexpect = \"ok\"\n"
    );
    let dir = tree(&[("rules.toml", MAIN), ("stories/a.toml", &story)]);
    let run = figcheck(dir.path(), &["test-rules"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let shown = format!("{}{}", run.stdout, run.stderr);
    assert!(
        shown.contains("an example of `deaths` expected ok"),
        "{shown}"
    );
    assert!(shown.contains("stories/a.toml:9:"), "{shown}");

    // A subject its own `exclude` covers, in an extending file: warned there.
    let odd = FIGURE_B.replace(
        "subjects = [\"died\"]",
        "subjects = [\"died\", \"extreme deaths\"]\nexclude = [\"extreme\"]",
    );
    let dir = tree(&[("rules.toml", MAIN), ("stories/a.toml", &odd)]);
    let rules = Rules::load(&dir.path().join("rules.toml")).unwrap();
    let warnings = figcheck::subject::unmatchable(&rules);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].path.ends_with("stories/a.toml"),
        "{:?}",
        warnings[0].path
    );
    assert_eq!(warnings[0].labels.len(), 1);
}
