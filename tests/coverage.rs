//! `figcheck coverage`: counts per figure, the figures no draft mentions, and
//! the near-misses, with the numbers that must not be called near-misses.

mod common;

use std::path::Path;

use common::{figcheck, write};
use figcheck::coverage::{near_misses, Coverage};
use figcheck::markup::Format;
use figcheck::{Checker, Rules};

const RULES: &str = r#"
[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
canonical = 367
allowed = [{ value = 261, stale = true }]

[[figure]]
id = "arrests"
name = "People arrested"
subjects = ["people arrested"]
canonical = { min = 85000 }

[[figure]]
id = "deportees"
name = "Deportees on the March 2025 flights"
subjects = ["deportees"]
canonical = { min = 238, max = 261 }

[[figure]]
id = "homicide-rate"
name = "Homicide rate"
subjects = ["homicide rate"]
unit = "rate"
canonical = 1.9
"#;

fn checker() -> Checker {
    Checker::new(Rules::parse(RULES, Path::new("rules.toml")).unwrap())
}

/// The near-misses of a text, as (number, figure id).
fn misses(text: &str) -> Vec<(String, String)> {
    let checker = checker();
    let analysis = checker.analyse_document(Format::Text, text);
    near_misses(checker.rules(), &analysis, text)
        .into_iter()
        .map(|m| {
            (
                text[m.span].to_string(),
                checker.rules().figures[m.figure].id.clone(),
            )
        })
        .collect()
}

fn pair(number: &str, figure: &str) -> Vec<(String, String)> {
    vec![(number.to_string(), figure.to_string())]
}

#[test]
fn a_figures_value_that_no_subject_claimed_is_a_near_miss() {
    assert_eq!(
        misses("Rights groups have counted 367 deaths of detainees held by the state."),
        pair("367", "deaths-in-custody")
    );
    // A superseded value is a value too: the sentence may be out of date.
    // A number that is the value of two figures is listed for each.
    assert_eq!(
        misses("An early tally found 261 detainees had perished."),
        [pair("261", "deaths-in-custody"), pair("261", "deportees")].concat()
    );
    // The end of a range, and the bound of an open one.
    assert_eq!(
        misses("Officials put the number of men flown in at 238."),
        pair("238", "deportees")
    );
    assert_eq!(
        misses("The police have detained 85,000 suspects."),
        pair("85,000", "arrests")
    );
}

#[test]
fn numbers_that_are_not_near_misses() {
    for text in [
        // Claimed by its subject phrase: a claim, not a near-miss.
        "At least 367 people have died in custody.",
        // Inside a wide range, or above an open one: too many numbers there.
        "Officials said 244 men were on the flights.",
        "The city has 90,000 registered voters.",
        // Another kind: a percent, a year, a count where a rate belongs.
        "Turnout reached 36.7% in the capital.",
        "The prison opened in 2023 and holds 40,000.",
        // A small number word.
        "Two officers were suspended.",
        // A count equal to the rate's value is not a rate.
        "The farm lost 2 cows.",
    ] {
        assert_eq!(misses(text), Vec::new(), "{text}");
    }
}

#[test]
fn coverage_counts_drafts_claims_and_findings_per_figure() {
    let checker = checker();
    let mut coverage = Coverage::new(checker.rules());
    for text in [
        "At least 376 people have died in custody. Since then 367 people died in custody.",
        "More than 85,000 people arrested, the police said.",
        "The weather was fine.",
    ] {
        let analysis = checker.analyse_document(Format::Text, text);
        coverage.add(&analysis, &checker.check_document(Format::Text, text));
    }
    assert_eq!(coverage.drafts, 3);
    let counts: Vec<(usize, usize, usize)> = coverage
        .figures
        .iter()
        .map(|f| (f.drafts, f.claims, f.findings))
        .collect();
    assert_eq!(counts, [(1, 2, 1), (1, 1, 0), (0, 0, 0), (0, 0, 0)]);
    assert_eq!(coverage.unmentioned(), [2, 3]);
}

#[test]
fn the_coverage_command_reports_as_a_table_and_as_json() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    write(
        dir.path(),
        "drafts/a.md",
        "# Custody\n\nAt least 367 people have died in custody.\n\nThe police have detained 85,000 suspects.\n",
    );
    let run = figcheck(dir.path(), &["coverage", "drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("figure             drafts  claims  findings\ndeaths-in-custody       1       1         0\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("no draft of the 1 read mentions: arrests, deportees, homicide-rate"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "drafts/a.md:5:26  85,000  arrests\n    The police have detained 85,000 suspects.\n"
        ),
        "{}",
        run.stdout
    );
    let run = figcheck(dir.path(), &["coverage", "--format", "json", "drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["drafts"], 1);
    assert_eq!(json["figures"][0]["claims"], 1);
    assert_eq!(json["unmentioned"][0], "arrests");
    assert_eq!(json["near_misses"][0]["text"], "85,000");
    assert_eq!(json["near_misses"][0]["line"], 5);
    assert_eq!(
        json["near_misses"][0]["sentence"],
        "The police have detained 85,000 suspects."
    );
    // A path that does not exist is an error, as in a check.
    let run = figcheck(dir.path(), &["coverage", "nowhere"]);
    assert_eq!(run.code, 2);
}
