//! SARIF 2.1.0, as GitHub code scanning reads it: one run, a rule per figure,
//! a result per finding.

use serde_json::{json, Value};

use super::{each_located, ArrayStream, FileReport, Items, Located};
use crate::check::Code;
use crate::fix::Fix;
use crate::rules::describe::{describe, use_instead};
use crate::rules::{Rules, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The whole run as one SARIF log, followed by a newline.
/// The SARIF log written as files finish: [`SarifStream::begin`] before the
/// first file, [`SarifStream::push`] with each file's [`results`] in order,
/// [`SarifStream::end`] after the last.
#[derive(Debug)]
pub struct SarifStream {
    array: ArrayStream,
    tail: String,
}

/// The SARIF rules of a run that checked drafts with one or more rule sets
/// (one rules file each): each set's figures in turn, then `unused-ignore`.
/// A figure id that two sets share is told apart by its rules file.
#[derive(Debug, Clone)]
pub struct RuleTable {
    /// The index of each set's first figure.
    first: Vec<usize>,
    /// Each set's figure ids as SARIF rule ids.
    ids: Vec<Vec<String>>,
}

impl RuleTable {
    pub fn new(sets: &[&Rules]) -> RuleTable {
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for rules in sets {
            for figure in &rules.figures {
                *seen.entry(figure.id.as_str()).or_default() += 1;
            }
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut first = Vec::with_capacity(sets.len());
        let mut count = 0;
        let ids = sets
            .iter()
            .map(|rules| {
                first.push(count);
                count += rules.figures.len();
                rules
                    .figures
                    .iter()
                    .map(|figure| match seen[figure.id.as_str()] {
                        1 => figure.id.clone(),
                        _ => format!(
                            "{}#{}",
                            rules
                                .path
                                .strip_prefix(&cwd)
                                .unwrap_or(&rules.path)
                                .display(),
                            figure.id
                        ),
                    })
                    .collect()
            })
            .collect();
        RuleTable { first, ids }
    }

    /// The rule index of a finding of `set` about `figure`; findings about
    /// no figure take the last rule.
    fn index(&self, set: usize, figure: Option<usize>) -> usize {
        match figure {
            Some(figure) => self.first[set] + figure,
            None => self.first.last().map_or(0, |&f| f) + self.ids.last().map_or(0, Vec::len),
        }
    }
}

impl SarifStream {
    /// The stream, and the text that opens the log (the tool and the rules
    /// of every set, as `table` numbers them).
    pub fn begin(sets: &[&Rules], table: &RuleTable) -> (SarifStream, String) {
        let (head, tail, array) = ArrayStream::split(&empty_log(sets, table), "results");
        (SarifStream { array, tail }, head)
    }

    /// The indentation [`results`] takes.
    pub fn item_indent(&self) -> usize {
        self.array.item_indent()
    }

    pub fn push(&mut self, results: Items) -> String {
        self.array.push(results)
    }

    pub fn end(self) -> String {
        format!("{}{}\n", self.array.close(), self.tail)
    }
}

/// The whole run, checked with one rule set, as one SARIF log.
pub fn render(reports: &[FileReport], rules: &Rules) -> String {
    let table = RuleTable::new(&[rules]);
    let (mut stream, mut out) = SarifStream::begin(&[rules], &table);
    for report in reports {
        out.push_str(&stream.push(results(report, rules, (&table, 0), stream.item_indent())));
    }
    out.push_str(&stream.end());
    out
}

/// The log with no result, pretty-printed.
fn empty_log(sets: &[&Rules], table: &RuleTable) -> String {
    let mut driver_rules: Vec<Value> = sets
        .iter()
        .zip(&table.ids)
        .flat_map(|(rules, ids)| rules.figures.iter().zip(ids))
        .map(|(figure, id)| {
            let canonical = describe(figure.canonical(), figure.unit, crate::locale::Locale::ENGLISH);
            json!({
                "id": id,
                "name": figure.id,
                "shortDescription": { "text": figure.name },
                "fullDescription": { "text": format!("{}: the canonical value is {canonical}.", figure.name) },
                "help": {
                    "text": format!("{}: {}.", figure.name, use_instead(figure, crate::check::When::ANY.draft, crate::locale::Locale::ENGLISH)),
                },
                "defaultConfiguration": { "level": level(figure.severity) },
                "properties": { "subjects": figure.subjects, "unit": figure.unit.as_str() },
            })
        })
        .collect();
    // Findings about the draft itself (unused suppressions) have one rule of their own, last.
    driver_rules.push(json!({
        "id": "unused-ignore",
        "name": "unused-ignore",
        "shortDescription": { "text": "A figcheck suppression comment that suppresses nothing" },
        "help": { "text": "Remove the comment, or correct the figure id it names." },
        "defaultConfiguration": { "level": "warning" },
    }));
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "figcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": driver_rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    });
    serde_json::to_string_pretty(&log).expect("SARIF serialises")
}

/// One file's findings, checked with `rules` (set `set` of `table`), as
/// SARIF results, each indented by `indent` (see [`SarifStream::item_indent`]).
pub fn results(
    report: &FileReport,
    rules: &Rules,
    (table, set): (&RuleTable, usize),
    indent: usize,
) -> Items {
    let mut results = Items::new(indent);
    each_located(report, rules, |l| {
        let p = l.position;
        let rule_index = table.index(set, l.finding.figure);
        let rule_id = match l.finding.figure {
            Some(figure) => table.ids[set][figure].as_str(),
            None => l.subject(),
        };
        // Every claim of an inconsistency, not only the first.
        let related: Vec<Value> = if l.finding.code == Code::Inconsistent {
            l.finding
                .labels
                .iter()
                .enumerate()
                .map(|(id, label)| {
                    let at = l.position_of(&label.span);
                    json!({
                        "id": id,
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(l.path) },
                            "region": {
                                "startLine": at.line,
                                "startColumn": at.column,
                                "endLine": at.end_line,
                                "endColumn": at.end_column,
                            },
                        },
                        "message": { "text": label.text },
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut result = json!({
            "ruleId": rule_id,
            "ruleIndex": rule_index,
            "level": level(l.finding.severity),
            "message": { "text": format!("{}\nhelp: {}", l.finding.message, l.finding.help) },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(l.path) },
                    "region": {
                        "startLine": p.line,
                        "startColumn": p.column,
                        "endLine": p.end_line,
                        "endColumn": p.end_column,
                        "snippet": { "text": l.finding.found_text },
                    },
                },
            }],
            "properties": { "code": l.finding.code.as_str() },
        });
        if !related.is_empty() {
            result["relatedLocations"] = Value::Array(related);
        }
        if let Some(fix) = &l.finding.fix {
            result["fixes"] = fixes(l, fix);
        }
        results.add(&result);
    });
    results
}

/// A finding's fix as SARIF `fixes`: the replaced region and the new text.
fn fixes(l: &Located, fix: &Fix) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|edit| {
            let at = l.position_of(&edit.span);
            json!({
                "deletedRegion": {
                    "startLine": at.line,
                    "startColumn": at.column,
                    "endLine": at.end_line,
                    "endColumn": at.end_column,
                },
                "insertedContent": { "text": edit.content },
            })
        })
        .collect();
    json!([{
        "description": {
            "text": format!("{} ({} fix)", fix.message, fix.applicability.as_str()),
        },
        "artifactChanges": [{
            "artifactLocation": { "uri": uri(l.path) },
            "replacements": replacements,
        }],
    }])
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

/// A relative URI reference for a path: `/` separators, no leading `./`, and
/// the characters a URI may not hold percent-encoded.
fn uri(path: &str) -> String {
    uri_path(path.trim_start_matches("./"))
}

/// A path as the path of a URI: every byte but unreserved characters and `/`
/// percent-encoded (`año 2025` → `a%C3%B1o%202025`).
pub(crate) fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(uri("./drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(uri("drafts/año.md"), "drafts/a%C3%B1o.md");
    }
}
