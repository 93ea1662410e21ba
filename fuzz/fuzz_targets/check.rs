//! The whole path from bytes to findings, on any input: no panic, and every
//! span lies inside the text on character boundaries.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use figcheck::markup::Format;
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
        let analysis = CHECKER.analyse_document(format, &text);
        for number in &analysis.numbers {
            assert_span(&text, &number.span);
            assert_span(&text, &number.full_span());
        }
    }
});
