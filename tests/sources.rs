//! Figures that belong to a source: the source examples of the time-and-sources
//! issue, with the cues that must not attribute a claim.

mod common;

use std::path::Path;

use common::story::{checker, findings_as_of, sources, weak_findings_as_of};
use figcheck::{Checker, Rules};

/// (code, number as written) for each finding in `text`, in a draft of May 2025.
fn findings(text: &str) -> Vec<(&'static str, String)> {
    findings_as_of("2025-05-01", text)
}

#[test]
fn a_claim_is_checked_against_its_sources_values() {
    let text = "Cristosal reports 367 deaths in custody.";
    assert_eq!(findings(text), vec![]);
    assert_eq!(sources(text), vec![Some("cristosal".to_string())]);
    let text = "According to WOLA, 350 people have died in custody.";
    assert_eq!(findings(text), vec![]);
    assert_eq!(sources(text), vec![Some("wola".to_string())]);
}

#[test]
fn another_sources_value_is_a_wrong_source() {
    let found = checker().check("Cristosal reports 350 deaths in custody.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code.as_str(), "figcheck::wrong-source");
    assert_eq!(found[0].found_text, "350");
    assert_eq!(
        found[0].help,
        "350 is WOLA's value; Cristosal reports 367 (as of March 2025)"
    );
    assert_eq!(
        found[0].message,
        "Deaths in custody: 350 is WOLA's value, not Cristosal's"
    );
    // A number no source has is still a plain mismatch.
    assert_eq!(
        findings("Cristosal reports 376 deaths in custody."),
        vec![("figcheck::mismatch", "376".to_string())]
    );
    // The source's own outdated value is stale, not a wrong source.
    assert_eq!(
        findings("Cristosal reports 261 deaths in custody."),
        vec![("figcheck::stale", "261".to_string())]
    );
}

#[test]
fn two_sources_each_with_its_own_count_are_not_inconsistent() {
    assert_eq!(
        findings("Cristosal counts 367 deaths in custody; WOLA puts the number at 350."),
        vec![]
    );
    let text = "Cristosal counts 367 deaths in custody, while WOLA counts 350 deaths in custody.";
    assert_eq!(findings(text), vec![]);
    assert_eq!(
        sources(text),
        vec![Some("cristosal".to_string()), Some("wola".to_string())]
    );
    // Must still fire: the same two counts with no source given.
    assert_eq!(
        findings(
            "At least 367 people have died in custody. Elsewhere, 350 people have died in custody."
        ),
        vec![("figcheck::inconsistent", "367".to_string())]
    );
}

#[test]
fn an_unknown_source_is_judged_as_any_claim() {
    // 340 meets none of the figure's values: weak, judged all the same.
    assert_eq!(
        weak_findings_as_of(
            "2025-05-01",
            "A local group says 340 people have died in custody."
        ),
        vec![("figcheck::mismatch", "340".to_string())]
    );
    // And a slip of one (376 for 367) is firm whatever the source.
    assert_eq!(
        findings("A local group says 376 people have died in custody."),
        vec![("figcheck::mismatch", "376".to_string())]
    );
}

#[test]
fn cues_that_name_no_known_source_attribute_nothing() {
    for text in [
        "Officials say 350 people have died in custody.",
        "It is said that 350 people have died in custody.",
        // The source is named in another clause.
        "Cristosal has campaigned for years, and 350 people have died in custody.",
    ] {
        assert_eq!(findings(text), vec![], "{text}");
        assert_eq!(sources(text), vec![None], "{text}");
    }
}

#[test]
fn figures_without_sourced_values_are_judged_as_today() {
    let rules = r#"
[[source]]
id = "cristosal"
name = "Cristosal"

[[figure]]
id = "arrests"
name = "Arrests"
subjects = ["have arrested"]
canonical = 85000
source = "Government of El Salvador"
"#;
    let checker = Checker::new(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let found = checker.check("Cristosal says police have arrested 85,000 people.");
    assert_eq!(found, vec![]);
    let found = checker.check("Cristosal says police have arrested 58,000 people.");
    assert_eq!(found[0].code.as_str(), "figcheck::mismatch");
}

/// The issue on trust: the help names where to read the value (the value's
/// `url`, else its figure's, else its source's) and the value's note, the
/// canonical one's too.
#[test]
fn the_help_gives_the_value_s_note_and_where_to_read_it() {
    let help = |rules: &str, text: &str| -> String {
        let rules = Rules::parse(rules, Path::new("rules.toml")).unwrap();
        let found = Checker::new(rules).check(text);
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].help.clone()
    };
    let source = r#"
[[source]]
id = "government"
name = "Government of El Salvador"
url = "https://example.org/gov"
"#;
    let figure = |canonical: &str, url: &str| {
        format!(
            "{source}\n[[figure]]\nid = \"arrests\"\nname = \"Arrests\"\nsubjects = [\"have been arrested\"]\n{url}\ncanonical = {canonical}\n"
        )
    };
    let text = "Police say 58,000 people have been arrested.";
    assert_eq!(
        help(
            &figure(
                r#"{ min = 85000, source = "government", note = "a lower bound: arrests continue" }"#,
                ""
            ),
            text
        ),
        "use 85,000 or more (a lower bound: arrests continue, Government of El Salvador); see https://example.org/gov"
    );
    // The figure's own link before its source's.
    assert_eq!(
        help(
            &figure(
                r#"{ value = 85000, source = "government" }"#,
                r#"url = "https://example.org/arrests""#
            ),
            text
        ),
        "use 85,000 (Government of El Salvador); see https://example.org/arrests"
    );
    // No link anywhere: none is made up.
    assert_eq!(help(&figure("85000", ""), text), "use 85,000");
}
