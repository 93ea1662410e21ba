//! `figcheck rules` and `figcheck explain ID`: the figures of a rules file, for
//! people.

use std::fmt::Write as _;

use crate::check::describe;
use crate::rules::{Figure, Rules, Tolerance};

/// One block per figure: id, name and unit, then what to use.
pub fn list(rules: &Rules) -> String {
    let mut out = String::new();
    for figure in &rules.figures {
        let _ = writeln!(
            out,
            "{}  {} ({})",
            figure.id,
            figure.name,
            figure.unit.as_str()
        );
        let _ = writeln!(
            out,
            "    canonical: {}",
            describe(figure.canonical(), figure.unit)
        );
        for value in &figure.allowed[1..] {
            let _ = writeln!(out, "    allowed:   {}", describe(value, figure.unit));
        }
    }
    let _ = writeln!(
        out,
        "{} figures in {}",
        rules.figures.len(),
        rules.path.display()
    );
    out
}

/// Everything about one figure, with its examples.
pub fn explain(figure: &Figure) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", figure.id, figure.name);
    let _ = writeln!(out);
    let _ = writeln!(out, "unit:      {}", figure.unit.as_str());
    let _ = writeln!(
        out,
        "severity:  {} (stale values and inconsistencies: warning)",
        figure.severity.as_str()
    );
    let _ = writeln!(out, "window:    {} words", figure.window);
    if let Some(tolerance) = figure.tolerance {
        let text = match tolerance {
            Tolerance::Relative(r) => format!("{}%", r * 100.0),
            Tolerance::Absolute(a) => a.to_string(),
        };
        let _ = writeln!(out, "tolerance: {text}");
    }
    let _ = writeln!(
        out,
        "subjects:  {}",
        figure
            .subjects
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(out);
    let canonical = figure.canonical();
    let _ = writeln!(out, "canonical: {}", describe(canonical, figure.unit));
    if let Some(url) = &canonical.url {
        let _ = writeln!(out, "           {url}");
    }
    if let Some(note) = &canonical.note {
        let _ = writeln!(out, "           note: {note}");
    }
    for value in &figure.allowed[1..] {
        let _ = writeln!(out, "allowed:   {}", describe(value, figure.unit));
        if let Some(url) = &value.url {
            let _ = writeln!(out, "           {url}");
        }
    }
    if figure.examples.is_empty() {
        let _ = writeln!(out, "\nno examples: add [[figure.example]] tables so `figcheck test-rules` can check this figure");
    } else {
        let _ = writeln!(out, "\nexamples:");
        for example in &figure.examples {
            let _ = writeln!(out, "  {:<13} {}", example.expect.as_str(), example.text);
        }
    }
    out
}
