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
            Err(diagnostic) => {
                assert!(
                    !name.starts_with("warning-"),
                    "{name} should load: {}",
                    diagnostic.one_line()
                );
                assert!(!diagnostic.labels.is_empty(), "{name}: no label");
                assert!(diagnostic.help.is_some(), "{name}: no help");
                render(&diagnostic)
            }
        };
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn the_project_rules_load_without_warnings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml");
    let rules = Rules::load(&path).unwrap();
    let warnings: Vec<String> = rules.warnings.iter().map(|w| w.one_line()).collect();
    assert_eq!(warnings, Vec::<String>::new());
}
