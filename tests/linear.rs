//! The work figcheck does grows with its input, never with its square.
//!
//! Each case checks a draft and the same draft four times longer, and counts
//! the bytes of sentence text handed to the steps that weigh a number's
//! context (`figcheck::analysis::bytes_read`): the longer draft may cost at
//! most five times the work. A scan that reaches back to the start of the
//! draft, or a sentence that grows with the draft, fails here first. The
//! last test runs the binary on the worst of the cases that once took
//! minutes, under a timeout no quadratic path meets.

mod common;

use std::path::Path;
use std::time::Duration;

use figcheck::markup::Format;
use figcheck::{Checker, Rules};

const RULES: &str = r#"
[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody", "muertes bajo custodia"]
canonical = 367
"#;

fn checker() -> Checker {
    Checker::new(Rules::parse(RULES, Path::new("rules.toml")).unwrap())
}

/// Bytes handed to the context scans, and findings, for one check of `text`.
fn work(checker: &Checker, text: &str) -> (u64, usize) {
    let before = figcheck::analysis::bytes_read();
    let findings = checker.check_document(Format::Markdown, text);
    (figcheck::analysis::bytes_read() - before, findings.len())
}

/// The work on `unit` repeated `n` and `4 * n` times: the second may cost
/// at most five times the first, and both find something.
fn grows_linearly(name: &str, unit: &str, n: usize) {
    let checker = checker();
    let (small, found_small) = work(&checker, &unit.repeat(n));
    let (large, found_large) = work(&checker, &unit.repeat(4 * n));
    assert!(
        found_small > 0 && found_large > found_small,
        "{name}: {found_small}, {found_large}"
    );
    assert!(small > 0, "{name}: no work counted");
    assert!(
        large <= 5 * small,
        "{name}: four times the draft cost {:.1} times the work ({small} bytes, then {large})",
        large as f64 / small as f64
    );
}

#[test]
fn a_cue_before_a_number_is_looked_for_in_its_sentence_only() {
    // A dash right before the cue word once sent the cue pattern over
    // everything before the number: 15 s for half a megabyte.
    grows_linearly(
        "cue after a dash",
        "In the prisons—another 376 people have died in custody. Officials said 376 people died in custody.\n\n",
        200,
    );
}

#[test]
fn a_sentence_without_stops_is_read_in_bounded_pieces() {
    // One sentence as long as the draft: every subject was weighed against
    // every number in it.
    let checker = checker();
    let clause = "rights groups say 376 people have died in custody, and ";
    let small = format!("Start {}end.", clause.repeat(200));
    let large = format!("Start {}end.", clause.repeat(800));
    let (a, found_a) = work(&checker, &small);
    let (b, found_b) = work(&checker, &large);
    assert!(found_a > 0 && found_b > found_a, "{found_a}, {found_b}");
    assert!(b <= 5 * a, "{a} bytes, then {b}");
}

#[test]
fn many_numbers_and_subjects_in_one_sentence() {
    // Numbers and subject phrases packed into lines with no stop. (No
    // "of them" here: in a clause with no mark, it would take every later
    // number for a part, and nothing would be reported to count.)
    grows_linearly(
        "dense line",
        "376 died in custody 12 died in custody 2024 died in custody 5 people died in custody ",
        100,
    );
}

#[test]
fn spanish_drafts_too() {
    grows_linearly(
        "Spanish",
        "Según la ONG—otras 376 muertes bajo custodia. Hubo 376 muertes bajo custodia en 2024.\n\n",
        200,
    );
}

#[test]
fn the_worst_cases_finish_in_seconds_not_minutes() {
    // 2 MB of each: before, the first took over four minutes at 1.9 MB and
    // the second over a minute and a half at 110 KB.
    let dir = tempfile::tempdir().unwrap();
    common::write(dir.path(), "rules.toml", RULES);
    let cue = "In the prisons—another 376 people have died in custody. ";
    common::write(dir.path(), "cue.md", &cue.repeat(2_000_000 / cue.len()));
    let clause = "rights groups say 376 people have died in custody, and ";
    common::write(
        dir.path(),
        "sentence.md",
        &format!("Start {}end.\n", clause.repeat(2_000_000 / clause.len())),
    );
    for draft in ["cue.md", "sentence.md"] {
        let run = common::figcheck_timeout(
            dir.path(),
            &["--format", "short", "-q", draft],
            Duration::from_secs(60),
        )
        .unwrap_or_else(|| panic!("{draft}: still running after 60 s"));
        assert!(run.code <= 1, "{draft}: {}", run.stderr);
    }
    // A paragraph on one line of 8 MB with 160,000 findings, drawn in the
    // human format: each excerpt once looked for its line's start and
    // counted its column from there (an estimated 100 s; a few now).
    let line = "Rights groups say 376 people have died in custody. ";
    common::write(dir.path(), "line.md", &line.repeat(8_000_000 / line.len()));
    let run = common::figcheck_timeout(
        dir.path(),
        &["--format", "human", "-q", "line.md"],
        Duration::from_secs(60),
    )
    .unwrap_or_else(|| panic!("line.md: still running after 60 s"));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("╭─[line.md:1:7999"),
        "the last finding is drawn"
    );
}
