//! `figcheck rules` and `figcheck explain ID`: the figures of a rules file, for
//! people.

use std::fmt::Write as _;

use crate::date::{Date, Day};
use crate::locale::Locale;
use crate::rules::derived;
use crate::rules::describe::{describe, describe_bare};
use crate::rules::history::Standing;
use crate::rules::{Figure, Rules, Source, Tolerance};

/// One block per figure: id, name and unit, then what to use.
pub fn list(rules: &Rules) -> String {
    crate::escape::visible_lines(&list_raw(rules))
}

fn list_raw(rules: &Rules) -> String {
    let mut out = String::new();
    let today = Date::today().last_day();
    for (index, figure) in rules.figures.iter().enumerate() {
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
            describe(figure.canonical(), figure.unit, Locale::ENGLISH)
        );
        for value in &figure.allowed[1..] {
            let _ = writeln!(
                out,
                "    allowed:   {}",
                describe(value, figure.unit, Locale::ENGLISH)
            );
        }
        if let Some(how) = derived::explain(&rules.figures, index, today) {
            let _ = writeln!(out, "    formula:   {how}");
        }
        // Where the figure is written, when the rules are in several files.
        if !rules.files.is_empty() {
            let _ = writeln!(out, "    file:      {}", rules.file_of(index).display());
        }
        for (i, line) in timeline(figure, Date::today().last_day())
            .iter()
            .enumerate()
        {
            let head = if i == 0 { "history:" } else { "" };
            let _ = writeln!(out, "    {head:<10} {line}");
        }
    }
    if !rules.sources.is_empty() {
        let _ = writeln!(out, "sources:");
        let width = rules.sources.iter().map(|s| s.id.len()).max().unwrap_or(0);
        for source in &rules.sources {
            let _ = writeln!(out, "    {}", describe_source(source, width));
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

/// The dated values of a figure, oldest first, with where each stands on
/// `day`: `2024-04  261 (Cristosal)  until 2025-03`.
pub fn timeline(figure: &Figure, day: Day) -> Vec<String> {
    let rows: Vec<(String, String, String)> = figure
        .timeline()
        .into_iter()
        .map(|i| {
            let value = &figure.allowed[i];
            let mut what = describe_bare(value, figure.unit, Locale::ENGLISH);
            if let Some(year) = value.year {
                let _ = write!(what, " for {year}");
            }
            if let Some(source) = &value.source {
                let _ = write!(what, " ({source})");
            }
            let standing = match figure.standing(i, day) {
                Standing::Current => "current".to_string(),
                Standing::Stale => "stale".to_string(),
                Standing::Superseded(later) => match figure
                    .next_after(i)
                    .and_then(|next| figure.allowed[next].as_of)
                    .or(figure.allowed[later].as_of)
                {
                    Some(date) => format!("until {date}"),
                    None => "superseded".to_string(),
                },
                Standing::NotYet => "not yet reported".to_string(),
            };
            let date = value.as_of.map(|d| d.to_string()).unwrap_or_default();
            (date, what, standing)
        })
        .collect();
    let width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    rows.into_iter()
        .map(|(date, what, standing)| {
            let pad = width - what.chars().count();
            format!("{date:<10} {what}{}  {standing}", " ".repeat(pad))
        })
        .collect()
}

/// `cristosal  Cristosal (also "the rights group Cristosal")  https://…`
fn describe_source(source: &Source, width: usize) -> String {
    let mut out = format!("{:<width$}  {}", source.id, source.name);
    if !source.aliases.is_empty() {
        let aliases: Vec<String> = source.aliases.iter().map(|a| format!("\"{a}\"")).collect();
        let _ = write!(out, " (also {})", aliases.join(", "));
    }
    if let Some(url) = &source.url {
        let _ = write!(out, "  {url}");
    }
    out
}

/// Everything about one figure, with its examples.
pub fn explain(figure: &Figure, rules: &Rules) -> String {
    crate::escape::visible_lines(&explain_raw(figure, rules))
}

fn explain_raw(figure: &Figure, rules: &Rules) -> String {
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
    let quoted = |phrases: &[String]| {
        phrases
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "subjects:  {}", quoted(&figure.subjects));
    // The phrases of drafts in the other languages, each under its code.
    let default = rules.settings.default_lang();
    for lang in crate::lang::Lang::ALL.into_iter().filter(|&l| l != default) {
        let phrases = &figure.subjects_by_lang[lang.index()];
        if !phrases.is_empty() {
            let _ = writeln!(out, "  in {}: {}", lang.code(), quoted(phrases));
        }
    }
    let _ = writeln!(out);
    let canonical = figure.canonical();
    let _ = writeln!(
        out,
        "canonical: {}",
        describe(canonical, figure.unit, Locale::ENGLISH)
    );
    if let Some(url) = &canonical.url {
        let _ = writeln!(out, "           {url}");
    }
    if let Some(note) = &canonical.note {
        let _ = writeln!(out, "           note: {note}");
    }
    for value in &figure.allowed[1..] {
        let _ = writeln!(
            out,
            "allowed:   {}",
            describe(value, figure.unit, Locale::ENGLISH)
        );
        if let Some(url) = &value.url {
            let _ = writeln!(out, "           {url}");
        }
    }
    if let Some(how) = rules
        .figures
        .iter()
        .position(|f| f.id == figure.id)
        .and_then(|i| derived::explain(&rules.figures, i, Date::today().last_day()))
    {
        let _ = writeln!(
            out,
            "formula:   {}",
            figure.formula.as_ref().map_or("", |f| f.text.as_str())
        );
        let _ = writeln!(out, "           = {how}");
    }
    if let Some(since) = figure.since {
        let _ = writeln!(out, "since:     {since} (for \"two years into …\")");
    }
    let lines = timeline(figure, Date::today().last_day());
    if !lines.is_empty() {
        let _ = writeln!(out, "\nhistory (as of today):");
        for line in lines {
            let _ = writeln!(out, "  {line}");
        }
    }
    let mut sources: Vec<usize> = figure.allowed.iter().filter_map(|v| v.source_id).collect();
    sources.sort_unstable();
    sources.dedup();
    if !sources.is_empty() {
        let _ = writeln!(out, "\nsources:");
        let width = sources
            .iter()
            .map(|&i| rules.sources[i].id.len())
            .max()
            .unwrap_or(0);
        for i in sources {
            let _ = writeln!(out, "  {}", describe_source(&rules.sources[i], width));
        }
    }
    if figure.examples.is_empty() {
        let _ = writeln!(out, "\nno examples: add [[figure.example]] tables so `figcheck test-rules` can check this figure");
    } else {
        let _ = writeln!(out, "\nexamples:");
        for example in &figure.examples {
            let dated = example
                .as_of
                .map(|d| format!("  (a draft of {d})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<13} {}{dated}",
                example.expect.as_str(),
                example.text
            );
        }
    }
    out
}
