//! Tables: a number in a cell takes the figure its row's label or its
//! column's heading names, tied to a year the other heading gives; a heading
//! that names anything else (a place, a part, a change) leaves it alone.
//! Markdown and HTML tables alike.

use std::path::Path;

use figcheck::markup::Format;
use figcheck::{Checker, Rules};

const RULES: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths in custody"
subjects = ["deaths in custody", "died in custody"]
canonical = 367

[[figure]]
id = "arrests"
name = "Arrests"
subjects = ["arrests"]
canonical = 85000

[[figure]]
id = "rate"
name = "Homicide rate"
subjects = ["homicide rate"]
unit = "rate"
canonical = { value = 1.9, year = 2024 }
allowed = [{ value = 2.4, year = 2023 }]
"#;

/// (code, number) of each finding in a draft of `format`.
fn findings(format: Format, text: &str) -> Vec<(String, String)> {
    let rules = Rules::parse(RULES, Path::new("rules.toml")).expect("rules parse");
    Checker::new(rules)
        .check_document(format, text)
        .into_iter()
        .map(|f| (f.code.as_str().to_string(), f.found_text))
        .collect()
}

fn mismatch(found: &str) -> (String, String) {
    ("figcheck::mismatch".to_string(), found.to_string())
}

fn wrong_year(found: &str) -> (String, String) {
    ("figcheck::wrong-year".to_string(), found.to_string())
}

#[test]
fn a_row_label_or_a_column_heading_names_the_figure() {
    let cases: &[(&str, Vec<(String, String)>)] = &[
        // The row's label names the figure; the column says "Value".
        (
            "| Measure | Value |\n|---|---|\n| Deaths in custody | 376 |\n| Arrests | 85,000 |\n",
            vec![mismatch("376")],
        ),
        // The column's heading names it; the row says "Total".
        (
            "| | Deaths in custody | Arrests |\n|---|---|---|\n| Total | 376 | 58,000 |\n",
            vec![mismatch("376"), mismatch("58,000")],
        ),
        // Words such as "Number of" and a rate's base say nothing more.
        (
            "| Measure | Value |\n|---|---|\n| Number of deaths in custody | 376 |\n| Arrests (total) | 58,000 |\n",
            vec![mismatch("376"), mismatch("58,000")],
        ),
        // A year in the other heading ties the claim to it.
        (
            "| | 2023 | 2024 |\n|---|---|---|\n| Homicide rate | 1.9 | 2.4 |\n",
            vec![wrong_year("1.9"), wrong_year("2.4")],
        ),
        (
            "| Year | Homicide rate (per 100,000) |\n|---|---|\n| 2023 | 2.4 |\n| 2024 | 2.4 |\n",
            vec![wrong_year("2.4")],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(&findings(Format::Markdown, text), expected, "{text}");
    }
}

#[test]
fn a_heading_that_names_anything_else_leaves_the_cell_alone() {
    for text in [
        // Parts: one row a prison, one column a group of people.
        "| Prison | Deaths in custody |\n|---|---|\n| Mariona | 120 |\n| Izalco | 98 |\n",
        "| Measure | Men | Women |\n|---|---|---|\n| Deaths in custody | 300 | 67 |\n",
        // A change, not the figure.
        "| Measure | Change |\n|---|---|\n| Arrests | 5,789 |\n",
        // The label names a part of the figure.
        "| Deaths in custody of women | 67 |\n|---|---|\n",
        // A date other than a year is not read as one.
        "| Measure | March 2022 |\n|---|---|\n| Arrests | 2,000 |\n",
        // Two numbers in one cell, or a sentence in it: not one value.
        "| Measure | Value |\n|---|---|\n| Arrests | 58,000 to 85,000 |\n",
        "| Measure | Value |\n|---|---|\n| Arrests | rose sharply from 2,000 in the first weeks of the year |\n",
        // Two figures in the two headings.
        "| | Arrests |\n|---|---|\n| Deaths in custody | 120 |\n",
        // Two years in the two headings.
        "| 2023 | 2024 |\n|---|---|\n| Homicide rate 2023 | 1.9 |\n",
        // A number in the heading row itself is no value under a heading.
        "| Deaths in custody | 376 |\n|---|---|\n| Source | Cristosal |\n",
    ] {
        assert_eq!(findings(Format::Markdown, text), vec![], "{text}");
    }
}

#[test]
fn a_claim_in_a_cell_s_own_prose_is_read_as_prose() {
    // A cell that is a sentence keeps the attribution of prose; the table
    // adds nothing to it.
    let text = "| Note |\n|---|\n| Rights groups say 376 people have died in custody. |\n";
    assert_eq!(findings(Format::Markdown, text), vec![mismatch("376")]);
}

#[test]
fn html_tables_read_the_same_way() {
    let page = "<table>\n<thead><tr><th>Measure</th><th>Value</th></tr></thead>\n<tbody>\n\
        <tr><th>Deaths in custody</th><td>376</td></tr>\n\
        <tr><td>Arrests<td>58,000\n</tbody></table>\n\
        <table><tr><th>Prison</th><th>Deaths in custody</th></tr>\n\
        <tr><td>Mariona</td><td>120</td></tr></table>\n";
    assert_eq!(
        findings(Format::Html, page),
        vec![mismatch("376"), mismatch("58,000")]
    );
}
