//! The whole path from bytes to findings and to every output format, and the
//! same bytes as a rules file, on any input: no panic, every span inside the
//! text on character boundaries, no escape character in any output.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use std::sync::Arc;

use figcheck::markup::Format;
use figcheck::render::{github, html, human, json, sarif, short, FileReport, Summary};
use figcheck::{Checker, Rules};
use libfuzzer_sys::fuzz_target;

static CHECKER: LazyLock<Checker> = LazyLock::new(|| {
    let rules = Rules::parse(include_str!("../../rules.toml"), Path::new("rules.toml"))
        .expect("the project's rules load");
    Checker::new(rules)
});

fn assert_span(text: &str, span: &std::ops::Range<usize>) {
    assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} outside {} bytes", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "span {span:?} splits a character");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The same bytes as a rules file: an error, never a panic, and its
    // rendering never a panic either.
    match Rules::parse(&text, Path::new("rules.toml")) {
        Ok(rules) => drop(Checker::new(rules)),
        Err(errors) => {
            for diagnostic in &errors.0 {
                drop(human::render_diagnostic(diagnostic, human::Style::default()));
            }
        }
    }
    for format in [Format::Text, Format::Markdown, Format::Html] {
        for finding in CHECKER.check_document(format, &text) {
            assert_span(&text, &finding.span);
            for label in &finding.labels {
                assert_span(&text, &label.span);
            }
        }
        let prose = figcheck::markup::prose(format, &text);
        if prose.map.is_none() {
            assert_eq!(prose.text.len(), text.len(), "a view without a map keeps every offset");
        }
        // Every output format renders the findings without a panic.
        let findings = CHECKER.check_document(format, &text);
        let report = FileReport {
            path: "fuzz\n::error draft.md".to_string(),
            source: Arc::new(text.to_string()),
            findings,
            date: Some(CHECKER.draft_date(format, &text)),
        };
        let rules = CHECKER.rules();
        let summary = Summary::of(std::slice::from_ref(&report), 1);
        let style = human::Style { color: false, width: 80 };
        let (section, counted) = html::render_file(&report, rules);
        let page = html::render_page(&[section], &counted, &summary);
        // A draft's text never becomes markup in the page.
        assert!(!page.contains("<script"), "draft text became markup in the HTML page");
        // Every fix applies inside the text, and its result is text again.
        let edits: Vec<&figcheck::fix::Edit> =
            report.findings.iter().filter_map(|f| f.fix.as_ref()).flat_map(|f| &f.edits).collect();
        for edit in &edits {
            assert_span(&text, &edit.span);
        }
        let (fixed, applied) = figcheck::fix::apply(&text, &edits);
        assert!(applied <= edits.len());
        drop(CHECKER.check_document(format, &fixed));
        for out in [
            page,
            human::render(std::slice::from_ref(&report), &summary, style),
            short::render_file(&report, rules),
            github::render_file(&report, rules),
            json::render_lines(&report, rules),
            json::render(std::slice::from_ref(&report), &[], &summary, rules),
            sarif::render(std::slice::from_ref(&report), rules),
        ] {
            assert!(!out.contains('\u{1b}'), "an escape character reached the output");
        }
        let analysis = CHECKER.analyse_document(format, &text);
        for number in &analysis.numbers {
            assert_span(&text, &number.span);
            assert_span(&text, &number.full_span());
        }
    }
});
