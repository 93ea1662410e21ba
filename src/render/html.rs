//! `--format html`: one self-contained page for editors and fact-checkers who
//! never open a terminal: the counts by figure and by code, then each finding
//! with its draft, line, the sentence with the number and the subject
//! highlighted, and what to use instead. No script, no external asset;
//! readable on a phone.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{each_located, FileReport, Summary};
use crate::rules::Rules;

/// How many characters of a finding's line are shown either side of its
/// labels.
const CONTEXT: usize = 240;

/// Text as HTML: the five characters that matter escaped, and controls shown
/// as `\u{1b}` (a draft's text must not be read as markup).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in super::visible(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Draft text across lines: each line escaped, the breaks kept as `<br>`.
fn escape_lines(text: &str) -> String {
    text.split('\n')
        .map(|line| escape(line.strip_suffix('\r').unwrap_or(line)))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// What the page's summary counts of one file's findings: (figure id or
/// `-`, code, severity) per finding.
pub type Counted = Vec<(String, String, String)>;

/// One file's findings as a section of the page, and what the summary counts.
pub fn render_file(report: &FileReport, rules: &Rules) -> (String, Counted) {
    // An HTML draft is shown as its reader sees it, not as its markup.
    let html_draft = crate::markup::Format::of_path(&report.path) == crate::markup::Format::Html;
    let mut out = String::new();
    let mut counted = Vec::with_capacity(report.findings.len());
    let _ = writeln!(
        out,
        "<section class=\"draft\"><h2>{}</h2>",
        escape(&report.path)
    );
    each_located(report, rules, |l| {
        let f = l.finding;
        counted.push((
            l.figure.map_or("-".to_string(), |fig| fig.id.clone()),
            f.code.as_str().to_string(),
            f.severity.as_str().to_string(),
        ));
        let _ = write!(
            out,
            "<article class=\"finding {severity}\"><p class=\"where\"><span class=\"severity\">{severity}</span> <code>{code}</code> <a class=\"place\">{path}:{line}:{column}</a>{figure}</p>\n<p class=\"message\">{message}</p>\n<blockquote>{sentence}</blockquote>\n<p class=\"help\">{help}</p>\n",
            severity = f.severity.as_str(),
            code = f.code.as_str(),
            path = escape(l.path),
            line = l.position.line,
            column = l.position.column,
            figure = l.figure.map_or(String::new(), |fig| format!(
                " <span class=\"figure\">{}</span>",
                escape(&fig.id)
            )),
            message = escape(&f.message),
            sentence = highlighted(&report.source, f, html_draft),
            help = escape(&f.help),
        );
        if let Some(fix) = &f.fix {
            let _ = writeln!(
                out,
                "<p class=\"fix\">{} fix: {}</p>",
                fix.applicability.as_str(),
                escape(&fix.message)
            );
        }
        out.push_str("</article>\n");
    });
    out.push_str("</section>\n");
    (out, counted)
}

/// The line (or lines) the finding's labels are on, cut to [`CONTEXT`]
/// characters around them, with the number and the other labels marked.
/// In an HTML draft (`html_draft`), the text between the labels is shown
/// without its tags and with its character references decoded.
fn highlighted(source: &str, finding: &crate::check::Finding, html_draft: bool) -> String {
    let shown = |part: &str| -> String {
        if html_draft {
            escape_lines(&crate::markup::html_text(part))
        } else {
            escape_lines(part)
        }
    };
    let mut labels: Vec<&crate::check::Label> = finding.labels.iter().collect();
    labels.sort_by_key(|l| (l.span.start, l.span.end));
    let first = labels.first().map_or(finding.span.start, |l| l.span.start);
    let last = labels
        .iter()
        .map(|l| l.span.end)
        .max()
        .unwrap_or(finding.span.end);
    let start = crate::text::line_around(source, first).start;
    let end = crate::text::line_around(source, last.saturating_sub(1).max(first)).end;
    let floor = |mut i: usize| {
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = floor(first.saturating_sub(CONTEXT).max(start));
    let to = floor((last + CONTEXT).min(end));
    // Within that reach, the sentence's own edges: a paragraph on one line
    // is quoted from the sentence that holds the number.
    let from = match source[from..first].rfind(". ") {
        Some(i) if from > start || i > 0 => from + i + 2,
        _ => from,
    };
    let to = source[last..to].find(". ").map_or(to, |i| last + i + 1);
    let mut out = String::new();
    // A cut between sentences is set off by a space, as in the terminal.
    if from > start {
        out.push_str(if source[..from].ends_with(". ") {
            "… "
        } else {
            "…"
        });
    }
    let mut at = from;
    for label in labels {
        if label.span.start < at || label.span.end > to {
            continue;
        }
        out.push_str(&shown(&source[at..label.span.start]));
        let class = if label.span == finding.span {
            "number"
        } else {
            "label"
        };
        let _ = write!(
            out,
            "<mark class=\"{class}\" title=\"{}\">{}</mark>",
            escape(&label.text),
            shown(&source[label.span.clone()])
        );
        at = label.span.end;
    }
    out.push_str(&shown(&source[at..to]));
    if to < end {
        out.push_str(if source[..to].ends_with('.') {
            " …"
        } else {
            "…"
        });
    }
    out
}

const STYLE: &str = "\
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#5d5d5d;--line:#d9d9d9;--err:#b3261e;--warn:#8a5a00;--note:#0b57d0;--mark:#ffe08a}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--muted:#a8a8a8;--line:#3a3a3a;--err:#f2b8b5;--warn:#f5c16c;--note:#a8c7fa;--mark:#6b5300}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%;font-size:.9rem}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line)}th{overflow-wrap:normal}td.n,th.n{text-align:right}
.summary{color:var(--muted)}
.finding{border:1px solid var(--line);border-left:4px solid var(--note);border-radius:6px;padding:.5rem .75rem;margin:.75rem 0}
.finding.error{border-left-color:var(--err)}.finding.warning{border-left-color:var(--warn)}
.where{margin:0;color:var(--muted);font-size:.9rem}.severity{font-weight:600;text-transform:uppercase;font-size:.75rem}
.error .severity{color:var(--err)}.warning .severity{color:var(--warn)}.advice .severity{color:var(--note)}
.figure{font-family:ui-monospace,monospace;font-size:.85rem}
.message{margin:.25rem 0;font-weight:600}
blockquote{margin:.5rem 0;padding:.5rem .75rem;background:color-mix(in srgb,var(--line) 30%,transparent);border-radius:4px}
mark{background:var(--mark);color:inherit;border-radius:2px;padding:0 .1em}mark.number{font-weight:700;outline:2px solid var(--err)}
.help,.fix{margin:.25rem 0}.fix{color:var(--muted);font-size:.9rem}
";

/// The page: title, summary counts, counts by figure and by code, then the
/// findings of every file (`sections`, in order).
pub fn render_page(
    sections: &[String],
    counted: &[(String, String, String)],
    summary: &Summary,
) -> String {
    let mut by_figure: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut by_code: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for (figure, code, severity) in counted {
        let column = match severity.as_str() {
            "error" => 0,
            "warning" => 1,
            _ => 2,
        };
        by_figure.entry(figure).or_default()[column] += 1;
        by_code.entry(code).or_default()[column] += 1;
    }
    let table = |title: &str, rows: &BTreeMap<&str, [usize; 3]>| {
        let mut rows: Vec<(&&str, &[usize; 3])> = rows.iter().collect();
        rows.sort_by(|a, b| {
            b.1.iter()
                .sum::<usize>()
                .cmp(&a.1.iter().sum())
                .then(a.0.cmp(b.0))
        });
        let mut out = format!(
            "<table class=\"{}\"><thead><tr><th>{title}</th><th class=\"n\">errors</th><th class=\"n\">warnings</th><th class=\"n\">advice</th></tr></thead><tbody>\n",
            title.replace(' ', "-")
        );
        for (name, n) in rows {
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(name),
                n[0],
                n[1],
                n[2]
            );
        }
        out.push_str("</tbody></table>\n");
        out
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>figcheck: {line}</title><style>\n{STYLE}</style></head>\n<body>\n<h1>figcheck report</h1>\n<p class=\"summary\" id=\"summary\">{line}</p>\n",
        line = escape(&summary.line()),
    );
    if !counted.is_empty() {
        out.push_str("<h2>By figure</h2>\n");
        out.push_str(&table("figure", &by_figure));
        out.push_str("<h2>By code</h2>\n");
        out.push_str(&table("code", &by_code));
    }
    for section in sections {
        out.push_str(section);
    }
    out.push_str("</body></html>\n");
    out
}
