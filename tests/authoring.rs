//! Commands for the people who write rules.toml: test-rules, rules, explain, init.

mod common;

use std::path::PathBuf;

use common::figcheck;

use figcheck::{Code, Rules};

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_project_rules_pass_their_own_examples() {
    let run = figcheck(&project(), &["test-rules"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("test-rules: "), "{}", run.stdout);
    assert!(run.stdout.ends_with(" passed, 0 failed\n"));
}

#[test]
fn every_project_figure_has_examples_that_must_fire_and_must_not() {
    let rules = Rules::load(&project().join("rules.toml")).unwrap();
    for figure in &rules.figures {
        let expects: Vec<&str> = figure.examples.iter().map(|e| e.expect.as_str()).collect();
        assert!(expects.contains(&"ok"), "{} has no `ok` example", figure.id);
        assert!(
            expects.contains(&"mismatch"),
            "{} has no `mismatch` example",
            figure.id
        );
    }
}

#[test]
fn a_wrong_example_fails_and_points_at_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rules.toml"),
        r#"[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
canonical = 367

[[figure.example]]
text = "At least 376 people have died in custody."
expect = "mismatch"

[[figure.example]]
text = "At least 367 people have died in custody."
expect = "mismatch"
"#,
    )
    .unwrap();
    let run = figcheck(dir.path(), &["test-rules"]);
    assert_eq!(run.code, 1);
    let shown = run
        .stdout
        .replace(&dir.path().display().to_string(), "[DIR]");
    insta::assert_snapshot!(shown);
}

/// An example whose claim is read but left unreported says so, and why,
/// rather than that nothing was attributed.
#[test]
fn an_example_too_doubtful_to_report_says_what_weighed_against_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rules.toml"),
        r#"[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
canonical = 367

[[figure.example]]
text = "On Sunday alone, 376 people died in custody."
expect = "mismatch"

[[figure.example]]
text = "The rights group counted 376 people who died in custody."
expect = "mismatch"
"#,
    )
    .unwrap();
    let run = figcheck(dir.path(), &["test-rules"]);
    assert_eq!(run.code, 1);
    let shown = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.contains("376 (count, attributed to deaths-in-custody, not reported: weak"),
        "{shown}"
    );
    assert!(
        shown.contains("− a day or other short time bounds the count"),
        "{shown}"
    );
    assert!(
        shown.contains("leaves too much doubt for it to be reported"),
        "{shown}"
    );
    assert!(!shown.contains("no number was attributed"), "{shown}");
    assert!(shown.ends_with("test-rules: 1 passed, 1 failed"), "{shown}");
}

#[test]
fn rules_lists_every_figure() {
    let run = figcheck(&project(), &["rules"]);
    assert_eq!(run.code, 0);
    let rules = Rules::load(&project().join("rules.toml")).unwrap();
    for figure in &rules.figures {
        assert!(
            run.stdout
                .contains(&format!("{}  {}", figure.id, figure.name)),
            "{}",
            figure.id
        );
    }
    assert!(run.stdout.contains("canonical: 367 (Cristosal, 2025-03)"));
    assert!(run
        .stdout
        .contains("allowed:   261 (early count, Cristosal, 2024-04)"));
    assert!(run.stdout.contains("allowed:   2.4 for 2023"));
    // Each dated figure's timeline, and where each value stands today.
    assert!(
        run.stdout.contains(
            "    history:   2024-04    261 (Cristosal)  until 2025-03\n\
             \x20              2025-03    367 (Cristosal)  current\n\
             \x20              2025-03    350 (WOLA)       current\n"
        ),
        "{}",
        run.stdout
    );
    // The sources, with their aliases.
    assert!(run.stdout.contains(
        "sources:\n    cristosal            Cristosal (also \"the rights group Cristosal\""
    ));
}

#[test]
fn explain_shows_a_figures_history_and_sources() {
    let run = figcheck(&project(), &["explain", "state-of-exception-arrests"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn explain_works_for_every_figure() {
    let rules = Rules::load(&project().join("rules.toml")).unwrap();
    for figure in &rules.figures {
        let run = figcheck(&project(), &["explain", &figure.id]);
        assert_eq!(run.code, 0, "{}: {}", figure.id, run.stderr);
        assert!(run
            .stdout
            .starts_with(&format!("{}: {}\n", figure.id, figure.name)));
        for example in &figure.examples {
            assert!(
                run.stdout.contains(&example.text),
                "{} lacks an example",
                figure.id
            );
        }
    }
    let run = figcheck(&project(), &["explain", "homicide-rate"]);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn explain_works_for_every_code_without_rules() {
    let dir = tempfile::tempdir().unwrap();
    for code in Code::ALL {
        for name in [
            code.as_str(),
            code.as_str().trim_start_matches("figcheck::"),
        ] {
            let run = figcheck(dir.path(), &["explain", name]);
            assert_eq!(run.code, 0, "{name}: {}", run.stderr);
            assert_eq!(run.stdout, code.explanation());
        }
    }
}

#[test]
fn explain_suggests_a_close_name() {
    let run = figcheck(&project(), &["explain", "homicide-rates"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `homicide-rate`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn init_writes_a_starter_that_passes_test_rules_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let run = figcheck(dir.path(), &["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("rules.toml")).unwrap();
    assert_eq!(written, figcheck::rules::STARTER);
    let run = figcheck(dir.path(), &["test-rules"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "test-rules: 6 passed, 0 failed\n");

    std::fs::write(dir.path().join("rules.toml"), "# mine\n").unwrap();
    let run = figcheck(dir.path(), &["init"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rules.toml")).unwrap(),
        "# mine\n"
    );
}
