//! The short format: one line per finding, for editors' quick-fix lists and grep.
//!
//! `path:line:column: severity[code] figure: message`

use std::fmt::Write as _;

use super::{each_located, visible, FileReport};
use crate::rules::Rules;

pub fn render_file(report: &FileReport, rules: &Rules) -> String {
    let mut out = String::new();
    each_located(report, rules, |l| {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}: {}",
            visible(l.path),
            l.position.line,
            l.position.column,
            l.finding.severity.as_str(),
            l.finding.code.as_str(),
            l.subject(),
            visible(&one_line(&l.finding.message)),
        );
    });
    out
}

/// Messages never hold line breaks today; make sure a line stays one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
