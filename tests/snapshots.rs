//! Snapshot tests of what users see: the human diagnostics (no colour, no
//! links, 80 columns) and the JSON document, for every fixture draft and every
//! seed draft. Add a draft, get its snapshots; review them with `cargo insta review`.

use std::path::Path;
use std::sync::Arc;

use figcheck::confidence::Tier;
use figcheck::markup::Format;
use figcheck::render::{human, json, FileReport, Summary};
use figcheck::{Checker, Rules};

fn checker() -> Checker {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml");
    // A fixed today, so that the date shown for undated drafts never changes.
    Checker::new(Rules::load(&path).expect("the project's rules.toml loads"))
        .today(figcheck::date::Date::parse("2026-01-01").unwrap())
}

/// Reads a draft as figcheck does (a leading byte order mark is dropped),
/// reporting claims down to `tier` (default: the settings').
fn report(path: &Path, shown: &str, tier: Option<Tier>) -> FileReport {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let checker = checker().report_tier(tier);
    let findings = checker.check_document(Format::of_path(shown), &text);
    FileReport {
        path: shown.to_string(),
        date: Some(checker.draft_date(Format::of_path(shown), &text)),
        source: Arc::new(text),
        findings,
    }
}

fn snapshot_both(set: &str, path: &Path, shown: &str, tier: Option<Tier>) {
    let report = report(path, shown, tier);
    let summary = Summary::of(std::slice::from_ref(&report), 1);
    let style = human::Style {
        color: false,
        width: 80,
    };
    insta::assert_snapshot!(
        format!("{set}-human"),
        human::render(std::slice::from_ref(&report), &summary, style)
    );
    insta::assert_snapshot!(
        format!("{set}-json"),
        json::render(&[report], &[], &summary, checker().rules())
    );
}

#[test]
fn fixture_drafts() {
    insta::glob!("fixtures/drafts/*", |path| {
        let name = path.file_name().unwrap().to_string_lossy();
        // Every tier: the fixtures show how each kind of number and finding
        // is told, a weak claim's too.
        snapshot_both("fixture", path, &format!("drafts/{name}"), Some(Tier::Weak));
    });
}

#[test]
fn seed_drafts() {
    insta::glob!("../seeds", "*.*", |path| {
        let name = path.file_name().unwrap().to_string_lossy();
        // As a desk sees them, at the tier the settings report.
        snapshot_both("seed", path, &format!("seeds/{name}"), None);
    });
}
