//! The verdict logic and the text of findings.

use crate::lang::Lang;
use std::path::Path;

use super::*;
use crate::numbers::recognise;
use crate::rules::Rules;

fn figure(toml: &str) -> Figure {
    let text = format!("[[figure]]\nid = \"f\"\nname = \"F\"\nsubjects = [\"f\"]\n{toml}");
    Rules::parse(&text, Path::new("rules.toml"))
        .unwrap()
        .figures
        .remove(0)
}

fn verdict(figure: &Figure, number: &str, year: Option<i32>) -> Verdict {
    let numbers = recognise(number, Lang::En);
    assert_eq!(numbers.len(), 1, "{number:?}");
    judge(figure, &numbers[0], year)
}

#[test]
fn exact_numbers_must_match_exactly() {
    let f = figure("canonical = 367\nallowed = [350]");
    assert_eq!(verdict(&f, "367", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "350", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "366", None), Verdict::Mismatch);
}

#[test]
fn rounded_numbers_stand_for_what_rounds_to_them() {
    let f = figure("canonical = 85300");
    assert_eq!(verdict(&f, "85,000", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "85k", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "86,000", None), Verdict::Mismatch);
    let f = figure("canonical = 1.94");
    assert_eq!(verdict(&f, "1.9", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "1.8", None), Verdict::Mismatch);
}

#[test]
fn qualifiers_widen_the_claim_in_their_direction() {
    let f = figure("canonical = 367");
    assert_eq!(verdict(&f, "at least 320", None), Verdict::Consistent);
    // Bounded: "at least 300" reaches 360 with the default slack, not 367.
    assert_eq!(verdict(&f, "at least 300", None), Verdict::Mismatch);
    assert_eq!(verdict(&f, "at least 376", None), Verdict::Mismatch);
    assert_eq!(verdict(&f, "more than 350", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "nearly 1,000", None), Verdict::Mismatch);
    assert_eq!(verdict(&f, "nearly 400", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "fewer than 300", None), Verdict::Mismatch);
    assert_eq!(verdict(&f, "about 355", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "about 340", None), Verdict::Mismatch);
}

#[test]
fn tolerance_widens_every_allowed_value() {
    let f = figure("canonical = 1600\ntolerance = \"5%\"");
    assert_eq!(verdict(&f, "1,680", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "1,700", None), Verdict::Mismatch);
    let f = figure("canonical = 100\ntolerance = 3");
    assert_eq!(verdict(&f, "103", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "104", None), Verdict::Mismatch);
}

#[test]
fn ranges_and_open_ranges() {
    let f = figure("canonical = { min = 105000, max = 109000 }");
    assert_eq!(verdict(&f, "107,500", None), Verdict::Consistent);
    assert_eq!(
        verdict(&f, "between 105,000 and 109,000", None),
        Verdict::Consistent
    );
    assert_eq!(verdict(&f, "120,000", None), Verdict::Mismatch);
    let f = figure("canonical = 85000\nallowed = [{ min = 85000 }]");
    assert_eq!(verdict(&f, "90,000", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "58,000", None), Verdict::Mismatch);
}

#[test]
fn stale_only_when_nothing_current_fits() {
    let f = figure("canonical = 367\nallowed = [{ value = 261, stale = true }]");
    assert_eq!(verdict(&f, "261", None), Verdict::Stale(1));
    assert_eq!(verdict(&f, "at least 261", None), Verdict::Stale(1));
    assert_eq!(verdict(&f, "at least 320", None), Verdict::Consistent);
}

#[test]
fn years_are_checked_only_when_tied() {
    let f = figure(
        "canonical = { value = 1.9, year = 2024 }\nallowed = [{ value = 2.4, year = 2023 }]",
    );
    assert_eq!(verdict(&f, "2.4", None), Verdict::Consistent);
    assert_eq!(verdict(&f, "2.4", Some(2023)), Verdict::Consistent);
    assert_eq!(verdict(&f, "2.4", Some(2024)), Verdict::WrongYear(1));
    assert_eq!(verdict(&f, "1.9", Some(2023)), Verdict::WrongYear(0));
    assert_eq!(verdict(&f, "3.1", Some(2024)), Verdict::Mismatch);
}

#[test]
fn help_gives_the_canonical_value_its_source_and_the_others() {
    let f = figure(
        "canonical = 367\nsource = \"Cristosal\"\nas_of = \"2025-03\"\n\
         allowed = [{ value = 350, source = \"WOLA\" }, { value = 261, stale = true, note = \"early count\" }]",
    );
    assert_eq!(
        use_instead(&f, When::ANY.draft, crate::locale::Locale::ENGLISH),
        "use 367 (Cristosal, 2025-03); also accepted: 350 (WOLA), 261 (stale: early count)"
    );
}

#[test]
fn codes_parse_with_or_without_prefix() {
    assert_eq!(Code::parse("figcheck::wrong-year"), Some(Code::WrongYear));
    assert_eq!(Code::parse("stale"), Some(Code::Stale));
    assert_eq!(Code::parse("figcheck::nothing"), None);
    for code in Code::ALL {
        assert!(code.explanation().starts_with(code.as_str()));
        for section in [
            "What it means",
            "Why it matters",
            "Example",
            "How to fix it",
        ] {
            assert!(
                code.explanation().contains(section),
                "{code:?} lacks {section}"
            );
        }
    }
}
