//! The documentation cannot fall behind the code: every TOML block in
//! docs/rules.md and README.md is a rules file that loads without warnings,
//! and whose examples pass.

use std::path::Path;

use figcheck::{examples, Checker, Rules};

/// The ```toml blocks of a Markdown file, with the line each starts on.
fn toml_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (&mut current, line.trim_end()) {
            (None, "```toml") => current = Some((i + 1, String::new())),
            (Some(_), "```") => blocks.push(current.take().unwrap()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

fn check_file(name: &str, minimum: usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let markdown = std::fs::read_to_string(&path).unwrap();
    let blocks = toml_blocks(&markdown);
    assert!(
        blocks.len() >= minimum,
        "{name}: expected at least {minimum} TOML blocks"
    );
    for (line, text) in blocks {
        let place = format!("{name}, block at line {line}");
        let rules = Rules::parse(&text, Path::new(&place))
            .unwrap_or_else(|e| panic!("{place} does not load: {}", e.one_line()));
        let warnings: Vec<String> = rules.warnings.iter().map(|w| w.one_line()).collect();
        assert!(warnings.is_empty(), "{place} warns: {warnings:?}");
        let checker = Checker::new(rules);
        for outcome in examples::run(&checker) {
            assert!(
                outcome.passed,
                "{place}: example {:?} expected {}, got {}",
                outcome.example.text,
                outcome.example.expect.as_str(),
                outcome.got.as_str()
            );
        }
    }
}

#[test]
fn every_toml_block_in_the_rules_reference_loads_and_passes() {
    check_file("docs/rules.md", 5);
}

#[test]
fn every_toml_block_in_the_readme_loads_and_passes() {
    check_file("README.md", 1);
}

#[test]
fn a_broken_block_would_be_caught() {
    let blocks = toml_blocks("text\n```toml\n[[figure]]\nid = \"a\"\n```\nmore\n");
    assert_eq!(blocks, vec![(2, "[[figure]]\nid = \"a\"\n".to_string())]);
    assert!(Rules::parse(&blocks[0].1, Path::new("x")).is_err());
}
