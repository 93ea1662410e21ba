//! Any bytes as a rules file: an error or rules, never a panic, a stack
//! overflow or gigabytes; every error rendered within a bounded size with no
//! escape character; loaded rules that check a draft without a panic.
#![no_main]

use std::path::Path;

use figcheck::render::human;
use figcheck::{Checker, Rules};
use libfuzzer_sys::fuzz_target;

const DRAFT: &str = "Rights groups say 376 people have died in custody since 2022, \
    and police have arrested 58,000 people; the homicide rate fell to 2.4 in 2023.\n";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Rules::parse(&text, Path::new("rules.toml")) {
        Ok(rules) => {
            drop(figcheck::render::figures::list(&rules));
            let checker = Checker::new(rules);
            for finding in checker.check(DRAFT) {
                assert!(finding.span.end <= DRAFT.len());
            }
        }
        Err(errors) => {
            for diagnostic in &errors.0 {
                let out = human::render_diagnostic(diagnostic, human::Style::default());
                assert!(
                    !out.contains('\u{1b}'),
                    "an escape character reached a rules error"
                );
                assert!(
                    out.len() < 64 * 1024,
                    "a rules error of {} bytes",
                    out.len()
                );
                let line = diagnostic.one_line();
                assert!(!line.contains(['\u{1b}', '\r']), "{line:?}");
            }
        }
    }
});
