//! Every output format, snapshot-tested over one shared set of findings, plus
//! the structural checks a consumer relies on: the SARIF output validates
//! against the SARIF 2.1.0 schema, JSON Lines parse line by line, and GitHub
//! annotations are well-formed, one per finding.

use std::path::Path;
use std::sync::Arc;

use figcheck::markup::Format;
use figcheck::render::{github, html, human, json, sarif, short, FileReport, Summary};
use figcheck::{Checker, Rules};

const SHARED: &[&str] = &[
    "mismatch.md",
    "sources-and-arithmetic.md",
    "stale-and-inconsistent.md",
    "suppressions.md",
    "unicode.md",
    "wrong-year.md",
];

fn checker() -> Checker {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml");
    // A fixed today, so that the date shown for undated drafts never changes.
    Checker::new(Rules::load(&path).expect("the project's rules.toml loads"))
        .today(figcheck::date::Date::parse("2026-01-01").unwrap())
}

fn report(checker: &Checker, path: &Path, shown: String) -> FileReport {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let findings = checker.check_document(Format::of_path(&shown), &text);
    FileReport {
        date: Some(checker.draft_date(Format::of_path(&shown), &text)),
        path: shown,
        source: Arc::new(text),
        findings,
    }
}

/// The shared findings: several fixture drafts, with every finding code and
/// two severities among them.
fn shared() -> (Checker, Vec<FileReport>) {
    let checker = checker();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafts");
    let reports = SHARED
        .iter()
        .map(|name| report(&checker, &dir.join(name), format!("drafts/{name}")))
        .collect();
    (checker, reports)
}

fn per_file(reports: &[FileReport], render: impl Fn(&FileReport) -> String) -> String {
    reports.iter().map(render).collect()
}

#[test]
fn the_shared_set_has_every_code() {
    let (_, reports) = shared();
    let mut codes: Vec<&str> = reports
        .iter()
        .flat_map(|r| &r.findings)
        .map(|f| f.code.as_str())
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(
        codes,
        [
            "figcheck::arithmetic",
            "figcheck::inconsistent",
            "figcheck::mismatch",
            "figcheck::stale",
            "figcheck::unused-ignore",
            "figcheck::wrong-source",
            "figcheck::wrong-year"
        ]
    );
}

#[test]
fn human() {
    let (_, reports) = shared();
    let summary = Summary::of(&reports, reports.len());
    let style = human::Style {
        color: false,
        width: 80,
    };
    insta::assert_snapshot!(human::render(&reports, &summary, style));
}

#[test]
fn short() {
    let (checker, reports) = shared();
    insta::assert_snapshot!(per_file(&reports, |r| short::render_file(
        r,
        checker.rules()
    )));
}

#[test]
fn json() {
    let (checker, reports) = shared();
    let summary = Summary::of(&reports, reports.len());
    insta::assert_snapshot!(json::render(&reports, &[], &summary, checker.rules()));
}

#[test]
fn jsonl() {
    let (checker, reports) = shared();
    let out = per_file(&reports, |r| json::render_lines(r, checker.rules()));
    let total: usize = reports.iter().map(|r| r.findings.len()).sum();
    assert_eq!(out.lines().count(), total, "one line per finding");
    let document: serde_json::Value = serde_json::from_str(&json::render(
        &reports,
        &[],
        &Summary::of(&reports, reports.len()),
        checker.rules(),
    ))
    .unwrap();
    for (line, finding) in out.lines().zip(document["findings"].as_array().unwrap()) {
        let parsed: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(
            &parsed, finding,
            "a line holds the same object as the JSON format"
        );
    }
    insta::assert_snapshot!(out);
}

#[test]
fn github() {
    let (checker, reports) = shared();
    let out = per_file(&reports, |r| github::render_file(r, checker.rules()));
    for line in out.lines() {
        assert_well_formed_annotation(line);
    }
    insta::assert_snapshot!(out);
}

#[test]
fn html_page() {
    let (checker, reports) = shared();
    let mut sections = Vec::new();
    let mut counted = Vec::new();
    for report in &reports {
        let (section, counts) = html::render_file(report, checker.rules());
        sections.push(section);
        counted.extend(counts);
    }
    let page = html::render_page(&sections, &counted, &Summary::of(&reports, reports.len()));
    let total: usize = reports.iter().map(|r| r.findings.len()).sum();
    assert_eq!(page.matches("<article class=\"finding").count(), total);
    assert_eq!(page.matches("<mark class=\"number\"").count(), total);
    assert!(
        !page.contains("<script") && !page.contains(" src="),
        "self-contained"
    );
    insta::assert_snapshot!(page);
}

#[test]
fn html_escapes_what_a_draft_says() {
    let checker = checker();
    let text =
        "<script>alert(1)</script> Rights groups say 376 people have died in custody & more.\n";
    let findings = checker.check_document(Format::Text, text);
    assert_eq!(findings.len(), 1);
    let report = FileReport {
        path: "<b>draft</b>.txt".into(),
        source: Arc::new(text.to_string()),
        findings,
        date: None,
    };
    let (section, _) = html::render_file(&report, checker.rules());
    assert!(
        !section.contains("<script") && !section.contains("<b>"),
        "{section}"
    );
    assert!(
        section.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{section}"
    );
    assert!(
        section.contains("&lt;b&gt;draft&lt;/b&gt;.txt"),
        "{section}"
    );
    assert!(section.contains(" &amp; more."), "{section}");
}

/// The issue on trust: an HTML draft's finding quotes the sentence as its
/// reader sees it, not its markup; what the draft says is still escaped.
/// The quotation of the one finding in `text`, as the HTML report shows it.
fn quoted_in_html_report(path: &str, format: Format, text: &str) -> String {
    let checker = checker();
    let findings = checker.check_document(format, text);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let report = FileReport {
        path: path.into(),
        source: Arc::new(text.to_string()),
        findings,
        date: None,
    };
    let (section, _) = html::render_file(&report, checker.rules());
    section
        .split("<blockquote>")
        .nth(1)
        .and_then(|q| q.split("</blockquote>").next())
        .expect("a quotation")
        .to_string()
}

#[test]
fn html_report_shows_an_html_draft_s_text_not_its_markup() {
    let text = "<p class=\"lead\">Rights <b>groups</b> say 376 people have died in custody &amp; <script>x</script>more.</p>\n";
    let quote = quoted_in_html_report("story.html", Format::Html, text);
    assert!(
        quote.starts_with(" Rights groups say <mark class=\"number\""),
        "{quote}"
    );
    assert!(quote.contains("</mark> &amp; more."), "{quote}");
    assert!(
        !quote.contains("&lt;") && !quote.contains("lead"),
        "{quote}"
    );
}

/// A paragraph on one line is quoted from the sentence that holds the
/// number, with the cuts marked.
#[test]
fn html_report_quotes_the_sentence_of_a_long_line() {
    let text = format!(
        "{}Rights groups say 376 people have died in custody since 2022. {}\n",
        "The government kept the measures in place for another month. ".repeat(3),
        "Officials did not comment. ".repeat(3)
    );
    let quote = quoted_in_html_report("story.txt", Format::Text, &text);
    assert!(quote.starts_with("… Rights groups say <mark"), "{quote}");
    assert!(quote.ends_with("since 2022. …"), "{quote}");
}

#[test]
fn sarif() {
    let (checker, reports) = shared();
    let out = sarif::render(&reports, checker.rules());
    assert_valid_sarif(&out);
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_without_findings_is_valid_too() {
    let checker = checker();
    assert_valid_sarif(&sarif::render(&[], checker.rules()));
}

/// The JSON output's schema, `docs/output.schema.json`, rooted at `pointer`
/// ("" for the document, "/$defs/finding" for a JSON Lines line).
fn output_schema(pointer: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/output.schema.json");
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    if !pointer.is_empty() {
        schema["$ref"] = format!("#{pointer}").into();
        for key in ["type", "required", "additionalProperties", "properties"] {
            schema.as_object_mut().unwrap().remove(key);
        }
    }
    jsonschema::draft202012::new(&schema).expect("docs/output.schema.json compiles")
}

fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(text).expect("the output is JSON");
    validator
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

#[test]
fn json_output_follows_its_published_schema() {
    let checker = checker();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut reports = Vec::new();
    for dir in ["tests/fixtures/drafts", "seeds"] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        names.sort();
        for path in names {
            let Ok(text) = std::fs::read(&path) else {
                continue;
            };
            if String::from_utf8(text).is_err() {
                continue;
            }
            let shown = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            reports.push(report(&checker, &path, shown));
        }
    }
    let reports: Vec<FileReport> = reports
        .into_iter()
        .filter(|r| !r.findings.is_empty())
        .collect();
    assert!(reports.len() > 10, "the drafts give findings to validate");
    let problems = [json::Problem {
        path: "drafts/scan.pdf".into(),
        message: "binary file, not checked".into(),
    }];
    let document = json::render(
        &reports,
        &problems,
        &Summary::of(&reports, 40),
        checker.rules(),
    );
    let errors = schema_errors(&output_schema(""), &document);
    assert!(
        errors.is_empty(),
        "JSON output breaks its schema: {errors:#?}"
    );
    let line_schema = output_schema("/$defs/finding");
    for report in &reports {
        for line in json::render_lines(report, checker.rules()).lines() {
            let errors = schema_errors(&line_schema, line);
            assert!(
                errors.is_empty(),
                "a JSON line breaks the schema: {errors:#?}\n{line}"
            );
        }
    }
    // The schema is strict enough to catch a field that changed or went missing.
    let mut broken: serde_json::Value = serde_json::from_str(&document).unwrap();
    broken["findings"][0]["severity"] = "fatal".into();
    broken["findings"][1]
        .as_object_mut()
        .unwrap()
        .remove("help");
    broken["findings"][2]["undocumented"] = 1.into();
    broken["summary"]["files"] = (-1).into();
    let errors = schema_errors(&output_schema(""), &broken.to_string());
    for place in [
        "/findings/0/severity",
        "is a required property at /findings/1",
        "'undocumented' was unexpected) at /findings/2",
        "/summary/files",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(place)),
            "{place}: {errors:#?}"
        );
    }
}

fn assert_valid_sarif(out: &str) {
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-2.1.0-rtm.5.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("the SARIF schema compiles");
    let log: serde_json::Value = serde_json::from_str(out).expect("SARIF output is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF output breaks the schema: {errors:#?}"
    );
    // What GitHub code scanning needs beyond the schema.
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    let rule_ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for result in run["results"].as_array().unwrap() {
        let rule = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rule_ids[index], rule, "ruleIndex points at ruleId");
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            !uri.starts_with('/') && !uri.contains('\\'),
            "relative URI with /: {uri}"
        );
    }
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, with no
/// raw line break and no unescaped `,` or `:` inside a property.
fn assert_well_formed_annotation(line: &str) {
    let rest = ["::error ", "::warning ", "::notice "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or_else(|| panic!("not an annotation: {line}"));
    let (properties, message) = rest.split_once("::").expect("properties and message");
    assert!(!message.is_empty() && !message.contains(['\r', '\n']));
    let keys: Vec<&str> = properties
        .split(',')
        .map(|p| {
            let (key, value) = p
                .split_once('=')
                .unwrap_or_else(|| panic!("bad property {p:?} in {line}"));
            assert!(!value.contains(':'), "unescaped ':' in {p:?}");
            key
        })
        .collect();
    assert_eq!(
        keys,
        ["file", "line", "col", "endLine", "endColumn", "title"]
    );
}

#[test]
fn github_on_the_seeds_gives_one_annotation_per_finding() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(["--format", "github", "seeds/"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let json = std::process::Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(["--format", "json", "seeds/"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .output()
        .unwrap();
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let findings = document["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert_eq!(stdout.lines().count(), findings.len());
    for (line, finding) in stdout.lines().zip(findings) {
        assert_well_formed_annotation(line);
        let place = format!(
            "file={},line={},col={},",
            finding["path"].as_str().unwrap(),
            finding["line"],
            finding["column"]
        );
        assert!(line.contains(&place), "{line} lacks {place}");
    }
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn the_schema_check_rejects_a_broken_log() {
    let (checker, reports) = shared();
    let mut log: serde_json::Value =
        serde_json::from_str(&sarif::render(&reports, checker.rules())).unwrap();
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    let result = std::panic::catch_unwind(|| assert_valid_sarif(&log.to_string()));
    assert!(
        result.is_err(),
        "a level outside the schema's enum must fail validation"
    );
}

/// The human rendering of `text` as a Markdown draft checked with the
/// project's rules.
fn human_of(text: &str) -> String {
    let checker = checker();
    let findings = checker.check_document(Format::Markdown, text);
    let report = FileReport {
        date: None,
        path: "draft.md".into(),
        source: Arc::new(text.to_string()),
        findings,
    };
    let style = human::Style {
        color: false,
        width: 200,
    };
    human::render_file(&report, style)
}

#[test]
fn labels_far_from_a_finding_are_listed_by_line_not_drawn() {
    // An inconsistency between a number at the top and two far below: the
    // lines between are not drawn, the far places are named in the help.
    let far = format!(
        "Rights groups say at least 261 people have died in custody.\n\n{}Later the tally grew: 367 people have died in custody since 2022.\n\n{}Rights groups say at least 261 people have died in custody.\n",
        "A line of filler.\n\n".repeat(30),
        "More filler.\n\n".repeat(5)
    );
    let out = human_of(&far);
    let inconsistent = out
        .split("figcheck::")
        .find(|f| f.starts_with("inconsistent"))
        .unwrap_or_else(|| panic!("no inconsistency in {out}"));
    assert!(!inconsistent.contains("filler"), "{inconsistent}");
    assert!(
        inconsistent.contains("also at lines 63, 75"),
        "{inconsistent}"
    );

    // Must not fire: labels a few lines apart are drawn together, as before.
    let near = "Rights groups say at least 261 people have died in custody.\n\nLater the tally grew: 367 people have died in custody since 2022.\n";
    let out = human_of(near);
    let inconsistent = out
        .split("figcheck::")
        .find(|f| f.starts_with("inconsistent"))
        .unwrap_or_else(|| panic!("no inconsistency in {out}"));
    assert!(!inconsistent.contains("also at"), "{inconsistent}");
    assert!(inconsistent.contains("261 here"), "{inconsistent}");
    assert!(inconsistent.contains("367 here"), "{inconsistent}");
}
