//! Problems in rules.toml, one fixture per case under tests/fixtures/rules/,
//! rendered as users see them: file, line, column, a label on the offending
//! value, and help. Files named `warning-*` load, with warnings; the others fail.

use std::path::Path;

use figcheck::render::human;
use figcheck::{Rules, RulesDiagnostic};

fn render(diagnostic: &RulesDiagnostic) -> String {
    human::render_diagnostic(
        diagnostic,
        human::Style {
            color: false,
            width: 80,
        },
    )
}

#[test]
fn every_problem_in_a_rules_file_points_at_its_value() {
    insta::glob!("fixtures/rules/*.toml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let shown = Path::new("rules").join(&name);
        let rendered = match Rules::parse(&text, &shown) {
            Ok(rules) => {
                assert!(name.starts_with("warning-"), "{name} should not load");
                assert!(!rules.warnings.is_empty(), "{name} should warn");
                rules.warnings.iter().map(render).collect::<String>()
            }
            Err(errors) => {
                assert!(
                    !name.starts_with("warning-"),
                    "{name} should load: {}",
                    errors.one_line()
                );
                // One error a fixture, except in those that gather several.
                assert!(
                    errors.0.len() == 1 || name.starts_with("many-"),
                    "{name}: {}",
                    errors.one_line()
                );
                for diagnostic in &errors.0 {
                    assert!(!diagnostic.labels.is_empty(), "{name}: no label");
                    assert!(diagnostic.help.is_some(), "{name}: no help");
                }
                errors.0.iter().map(render).collect::<Vec<_>>().join("\n")
            }
        };
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn the_project_rules_load_without_warnings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml");
    let rules = Rules::load(&path).unwrap();
    let warnings: Vec<String> = rules
        .warnings
        .iter()
        .chain(&figcheck::subject::unmatchable(&rules))
        .map(|w| w.one_line())
        .collect();
    assert_eq!(warnings, Vec::<String>::new());
}

#[test]
fn a_subject_phrase_that_can_never_match_is_never_silent() {
    let text = r#"
[[figure]]
id = "poverty-rate"
name = "Poverty rate"
subjects = ["poverty rate", "extreme poverty rate", "killings per 100,000"]
exclude = ["extreme poverty"]
unit = "percent"
canonical = 38.1
"#;
    let rules = Rules::parse(text, Path::new("rules.toml")).unwrap();
    let warnings = figcheck::subject::unmatchable(&rules);
    // The phrase its own `exclude` covers; a phrase with a grouped number
    // in it is read like any other.
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].code, "figcheck::rules::unmatchable-subject");
    insta::assert_snapshot!(render(&warnings[0]));
}

#[test]
fn brackets_round_whole_words_and_punctuation_in_phrases_still_read() {
    // Must not fire: the regular-expression check leaves the phrase syntax
    // alone, brackets next to a hyphen or an apostrophe, and a full stop.
    let text = r#"
[[figure]]
id = "deaths"
name = "Deaths"
subjects = ["(people|lives) (died|killed)", "deaths in [state|government] custody", "storm-(related|linked) deaths", "(Kerr County)'s death toll", "U.S. deaths"]
canonical = 135
"#;
    assert_eq!(errors_of(text), Vec::new());
    // Must fire, for each character a regular expression would use.
    for phrase in [
        "(flood )?deaths",
        "deaths*",
        "deaths+",
        "\\\\bdeaths",
        "^deaths",
        "deaths{2}",
        "muert(os|as)",
    ] {
        let text = format!(
            "[[figure]]\nid = \"deaths\"\nname = \"Deaths\"\nsubjects = [{phrase:?}]\ncanonical = 135\n"
        );
        let errors = errors_of(&text);
        assert_eq!(errors.len(), 1, "{phrase}: {errors:?}");
        assert_eq!(errors[0].0, "figcheck::rules::invalid-subject", "{phrase}");
    }
}

fn errors_of(text: &str) -> Vec<(String, String)> {
    match Rules::parse(text, Path::new("rules.toml")) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .0
            .iter()
            .map(|e| (e.code.to_string(), e.message.clone()))
            .collect(),
    }
}

#[test]
fn every_error_in_a_rules_file_is_reported_in_one_run() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/many-errors.toml");
    let codes: Vec<String> = errors_of(&std::fs::read_to_string(path).unwrap())
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(
        codes,
        [
            "figcheck::rules::wrong-type",
            "figcheck::rules::unknown-key",
            "figcheck::rules::missing-key",
            "figcheck::rules::wrong-type",
            "figcheck::rules::wrong-type",
            "figcheck::rules::invalid-id",
            "figcheck::rules::invalid-date",
            "figcheck::rules::unknown-key",
        ]
    );
}

/// The issue on trust: a file with an error at every stage (shape, values,
/// subjects, dates, formulas) shows all of them in one run, not four.
#[test]
fn errors_at_every_stage_are_reported_in_one_run() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/many-stages.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let planted = text
        .lines()
        .filter(|l| l.starts_with("# ") && l[2..].starts_with(|c: char| c.is_ascii_digit()))
        .count();
    let codes: Vec<String> = errors_of(&text).into_iter().map(|(code, _)| code).collect();
    assert_eq!(
        codes,
        [
            "wrong-type",
            "unknown-key",
            "missing-key",
            "wrong-type",
            "wrong-type",
            "invalid-id",
            "invalid-date",
            "unknown-key",
            "duplicate-id",
            "invalid-subject",
            "min-above-max",
            "no-subjects",
            "invalid-tolerance",
            "unknown-value",
            "unknown-value",
            "unknown-figure",
            "invalid-formula",
            "formula-and-values",
            "invalid-date",
            "unknown-value",
            "formula-cycle",
        ]
        .map(|c| format!("figcheck::rules::{c}"))
    );
    assert_eq!(codes.len(), planted);
}

/// Found by fuzzing the rules parser: a subject with an escape before
/// multibyte characters put a label inside a character, and drawing the
/// error panicked. Every error of such a file is drawn.
#[test]
fn a_label_never_falls_inside_a_character() {
    let text = r#"
[[figure]]
id = "deaths"
name = "Deaths"
subjects = ["\tééé("]
canonical = 367
"#;
    let errors = Rules::parse(text, Path::new("rules.toml")).unwrap_err();
    assert_eq!(errors.0[0].code, "figcheck::rules::invalid-subject");
    for diagnostic in &errors.0 {
        for (span, _) in &diagnostic.labels {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        let drawn = render(diagnostic);
        assert!(drawn.contains("cannot be read"), "{drawn}");
    }
}

const GOOD_FIGURE: &str = r#"
[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
canonical = 367
"#;

#[test]
fn a_broken_table_raises_no_errors_in_the_tables_that_use_it() {
    // The formula names a figure whose own table is wrong: only that is reported.
    let text = format!(
        "{GOOD_FIGURE}
[[figure]]
id = \"population\"
name = \"Population\"
subjects = [\"residents\"]
canonical = \"6,300,000\"

[[figure]]
id = \"custody-death-rate\"
name = \"Deaths in custody per 100,000 residents\"
subjects = [\"custody death rate\"]
unit = \"rate\"
formula = \"deaths-in-custody / population * 100000\"
"
    );
    let errors = errors_of(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].0, "figcheck::rules::wrong-type");
}

#[test]
fn every_way_toml_writes_a_table_reads_without_false_errors() {
    // Inline tables, [[figure.allowed]] tables, inline examples, dotted keys
    // and a value table in every place one may stand.
    let text = r#"
settings.window = 6
figure = [{ id = "homicide-rate", name = "Homicide rate", subjects = ["homicide rate"], unit = "rate", canonical = { value = 1.9, year = 2024, source = "Ministry of Justice" }, example = [{ text = "The homicide rate was 1.9 per 100,000 in 2024.", expect = "ok" }] }]

[[source]]
id = "cristosal"
name = "Cristosal"
aliases = ["the rights group"]
"#;
    assert_eq!(errors_of(text), Vec::new());
    let text = format!(
        "{GOOD_FIGURE}source = \"cristosal\"

[[figure.allowed]]
value = 261
stale = true

[[figure.example]]
text = \"Cristosal says 367 people have died in custody.\"
expect = \"ok\"

[[source]]
id = \"cristosal\"
name = \"Cristosal\"
"
    );
    assert_eq!(errors_of(&text), Vec::new());
}

#[test]
fn type_errors_say_what_to_write() {
    let cases = [
        (
            "canonical = 367",
            "canonical = \"85,000\"",
            "write the number without quotes or commas: canonical = 85000",
        ),
        (
            "subjects = [\"died in custody\"]",
            "subjects = \"died in custody\"",
            "put it in square brackets, as a list of one: subjects = [\"died in custody\"]",
        ),
        (
            "canonical = 367",
            "canonical = 367\nas_of = 2025-03-27",
            "put the date in quotes: as_of = \"2025-03-27\"",
        ),
    ];
    for (from, to, help) in cases {
        let text = GOOD_FIGURE.replace(from, to);
        let errors = Rules::parse(&text, Path::new("rules.toml")).unwrap_err();
        assert_eq!(errors.0.len(), 1, "{}", errors.one_line());
        assert_eq!(errors.first().code, "figcheck::rules::wrong-type");
        assert_eq!(errors.first().help.as_deref(), Some(help));
    }
    // A word where a number belongs gets the type in words, not a guess.
    let text = GOOD_FIGURE.replace("canonical = 367", "canonical = \"many\"");
    let errors = Rules::parse(&text, Path::new("rules.toml")).unwrap_err();
    assert_eq!(
        errors.first().help.as_deref(),
        Some("see docs/rules.md, \"[[figure]]\"")
    );
}
