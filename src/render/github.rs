//! The GitHub format: workflow commands that GitHub Actions turns into
//! annotations on the lines of a pull request.
//!
//! `::error file=drafts/a.md,line=3,col=19,endLine=3,endColumn=21,title=figcheck (deaths-in-custody)::message`

use std::fmt::Write as _;

use super::{each_located, visible, FileReport};
use crate::escape::visible_lines;
use crate::rules::{Rules, Severity};

pub fn render_file(report: &FileReport, rules: &Rules) -> String {
    let mut out = String::new();
    each_located(report, rules, |l| {
        let command = match l.finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "notice",
        };
        let p = l.position;
        // GitHub's end column is the last column of the annotation, inclusive.
        let end_column = if p.end_line == p.line {
            (p.end_column - 1).max(p.column)
        } else {
            p.end_column
        };
        let title = format!("figcheck ({})", l.subject());
        let message = format!(
            "{}\nhelp: {}\n{}",
            l.finding.message,
            l.finding.help,
            l.finding.code.as_str()
        );
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={end_column},title={}::{}",
            // GitHub attaches an annotation to the diff only by a path from
            // the repository root: `./drafts/a.md` must be `drafts/a.md`.
            escape_property(&visible(l.path.trim_start_matches("./"))),
            p.line,
            p.column,
            p.end_line,
            escape_property(&title),
            escape_data(&visible_lines(&message)),
        );
    });
    out
}

/// Rows of the job summary's table for one file's findings.
pub fn summary_rows(report: &FileReport, rules: &Rules) -> Vec<String> {
    let cell = |text: &str| markdown_cell(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut rows = Vec::new();
    each_located(report, rules, |l| {
        rows.push(format!(
            "| {} | {} | {} | `{}` | {} | {} | {} |",
            cell(l.path.trim_start_matches("./")),
            l.position.line,
            l.finding.severity.as_str(),
            l.finding.code.as_str(),
            cell(l.subject()),
            cell(&l.finding.message),
            cell(&l.finding.help),
        ));
    });
    rows
}

/// Text from a draft or a file name as a cell of the job summary's Markdown
/// table: made [`visible`], then every character Markdown or HTML would
/// read as markup written as an HTML character reference, so a file named
/// `f<script>x</script>.md` or `[x](https://…)` shows as its name.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        match c {
            '|' | '<' | '>' | '&' | '[' | ']' | '*' | '_' | '`' | '\\' | '~' => {
                out.push_str(&format!("&#{};", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// The most rows the job summary lists: GitHub takes at most 1 MiB of it.
pub const SUMMARY_ROWS: usize = 1_000;

/// The Markdown job summary (`$GITHUB_STEP_SUMMARY`): the counts, then a
/// table of every finding, since GitHub shows only ten annotations of each
/// kind per step.
pub fn step_summary(rows: &[String], summary_line: &str) -> String {
    let mut out = format!("### figcheck\n\n{summary_line}\n");
    if rows.is_empty() {
        return out;
    }
    out.push_str(
        "\n| file | line | severity | code | figure | message | use instead |\n|---|---|---|---|---|---|---|\n",
    );
    for row in rows.iter().take(SUMMARY_ROWS) {
        out.push_str(row);
        out.push('\n');
    }
    if rows.len() > SUMMARY_ROWS {
        let _ = writeln!(
            out,
            "\n… and {} more findings: see the log.",
            rows.len() - SUMMARY_ROWS
        );
    }
    out
}

/// Escapes the message of a workflow command, as the Actions toolkit does.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, which also may not hold `:` or `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(
            escape_data("50% of\r\nthem: a, b"),
            "50%25 of%0D%0Athem: a, b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
