//! One test per number form, trap and qualifier of the recogniser.

use super::*;

/// (text as written, kind, low, high) for every number in `text`.
fn read(text: &str) -> Vec<(String, Kind, f64, f64)> {
    recognise(text)
        .into_iter()
        .map(|n| (text[n.span.clone()].to_string(), n.kind, n.low, n.high))
        .collect()
}

/// The single number in `text`, which must have the given kind.
fn only(text: &str, kind: Kind) -> Number {
    let found = recognise(text);
    assert_eq!(
        found.len(),
        1,
        "expected one number in {text:?}, got {found:?}"
    );
    assert_eq!(found[0].kind, kind, "kind of the number in {text:?}");
    found[0].clone()
}

fn counts(text: &str) -> Vec<f64> {
    recognise(text)
        .into_iter()
        .filter(|n| n.kind == Kind::Count)
        .map(|n| n.low)
        .collect()
}

#[test]
fn thousands_separators() {
    for text in [
        "85,000 people",
        "85000 people",
        "85 000 people",
        "85\u{a0}000 people",
        "85\u{202f}000 people",
    ] {
        let n = only(text, Kind::Count);
        assert_eq!(n.low, 85_000.0, "{text:?}");
        assert_eq!(n.precision, 1_000.0, "{text:?}");
    }
}

#[test]
fn k_suffix() {
    assert_eq!(only("85k people", Kind::Count).low, 85_000.0);
    assert_eq!(only("85K people", Kind::Count).low, 85_000.0);
}

#[test]
fn scale_words() {
    let n = only("a population of 6 million", Kind::Count);
    assert_eq!((n.low, n.precision), (6e6, 1e6));
    let n = only("1.2 billion", Kind::Count);
    assert_eq!(n.low, 1.2e9);
    assert!((n.precision - 1e8).abs() < 1.0);
    let n = only("6.3 million people", Kind::Count);
    assert!((n.low - 6.3e6).abs() < 1e-3);
}

#[test]
fn money_forms() {
    for text in [
        "paid $6 million",
        "paid $6m",
        "paid US$6 million",
        "paid 6 million dollars",
        "paid $6 million.",
    ] {
        let n = only(text, Kind::Money);
        assert_eq!(n.low, 6e6, "{text:?}");
    }
    let n = only("a $2.3bn budget", Kind::Money);
    assert!((n.low - 2.3e9).abs() < 1.0);
    assert_eq!(&"a $2.3bn budget"[n.span], "$2.3bn");
}

#[test]
fn decimals_and_percent() {
    let n = only("the rate was 1.9", Kind::Count);
    assert_eq!(n.low, 1.9);
    assert!((n.precision - 0.1).abs() < 1e-12);
    for text in ["rose 1.6%", "rose 1.6 percent", "rose 1.6 per cent"] {
        assert_eq!(only(text, Kind::Percent).low, 1.6, "{text:?}");
    }
}

#[test]
fn rate_base_is_part_of_the_rate() {
    let text = "a rate of 1.9 per 100,000 residents";
    let n = only(text, Kind::Rate);
    assert_eq!(n.low, 1.9);
    assert_eq!(&text[n.span], "1.9 per 100,000 residents");
    let text = "2.4 homicides per 100 000 inhabitants";
    assert_eq!(only(text, Kind::Rate).low, 2.4);
    assert!(
        counts("1.9 per 100,000").is_empty(),
        "the base is never a count"
    );
}

#[test]
fn number_words() {
    assert_eq!(
        only("Eighty-five thousand people", Kind::Count).low,
        85_000.0
    );
    assert_eq!(
        only("twelve thousand four hundred", Kind::Count).low,
        12_400.0
    );
    assert_eq!(
        only("three hundred and fifty deaths", Kind::Count).low,
        350.0
    );
    assert_eq!(
        only("eight thousand people", Kind::Count).precision,
        1_000.0
    );
}

#[test]
fn ranges() {
    for (text, low, high) in [
        ("105,000-109,000 inmates", 105_000.0, 109_000.0),
        ("105,000–109,000 inmates", 105_000.0, 109_000.0),
        ("between 238 and 261 men", 238.0, 261.0),
        ("between 105,000 and 109,000", 105_000.0, 109_000.0),
    ] {
        let n = only(text, Kind::Count);
        assert!(n.is_range, "{text:?}");
        assert_eq!((n.low, n.high), (low, high), "{text:?}");
    }
    let n = only("27-30% of them", Kind::Percent);
    assert_eq!((n.low, n.high), (27.0, 30.0));
    let text = "between 238 and 261 men";
    assert_eq!(&text[only(text, Kind::Count).span], "between 238 and 261");
}

#[test]
fn years_are_not_counts() {
    for text in [
        "in 2023",
        "since 2019",
        "the 1798 Alien Enemies Act",
        "during the 1990s",
        "from 2019-2024",
    ] {
        assert!(
            counts(text).is_empty(),
            "{text:?} read as a count: {:?}",
            read(text)
        );
        assert!(
            recognise(text).iter().any(|n| n.kind == Kind::Year),
            "{text:?}"
        );
    }
}

#[test]
fn ordinals_are_not_counts() {
    only("the 34th renewal", Kind::Ordinal);
    only("the 3rd time", Kind::Ordinal);
    only("its 21st extension", Kind::Ordinal);
}

#[test]
fn names_with_digits_are_identifiers() {
    for text in [
        "members of MS-13",
        "during COVID-19",
        "the G7 summit",
        "along Route 66",
        "under Section 230",
        "see p.45",
        "see p. 45",
        "Decree No. 5",
        "Barrio 18 members",
    ] {
        assert!(
            counts(text).is_empty(),
            "{text:?} read as a count: {:?}",
            read(text)
        );
    }
    only("the H1N1 strain", Kind::Identifier);
}

#[test]
fn measures_glued_by_hyphen_are_not_counts() {
    only("a 23.5-hour lockdown", Kind::Measure);
    only("a 24-hour curfew", Kind::Measure);
    only("a 10-year sentence", Kind::Measure);
}

#[test]
fn a_descending_pair_is_an_identifier_not_a_range() {
    only("tel. 2250-1234", Kind::Identifier);
    only("won 57-3", Kind::Identifier);
}

#[test]
fn a_hyphenated_noun_keeps_the_count() {
    let n = only("the 40,000-inmate prison", Kind::Count);
    assert_eq!(n.low, 40_000.0);
}

#[test]
fn links_addresses_and_handles_are_skipped() {
    for text in [
        "see https://example.org/reports/2023/367-deaths",
        "write to desk367@example.org today",
        "follow @count367 for updates",
        "tagged #367",
        "example.org/367",
    ] {
        assert!(
            counts(text).is_empty(),
            "{text:?} read as a count: {:?}",
            read(text)
        );
    }
}

#[test]
fn a_lowercase_month_word_is_a_verb_not_a_date() {
    assert_eq!(counts("officials said 15 may have died"), vec![15.0]);
    assert_eq!(counts("then 20 march in protest"), vec![20.0]);
    only("on 15 May", Kind::Date);
    only("on Sept. 3", Kind::Date);
}

#[test]
fn dates_and_times_are_not_counts() {
    only("on March 15", Kind::Date);
    only("on 15 March", Kind::Date);
    only("at 10:30", Kind::Time);
    only("at 3 p.m.", Kind::Time);
    assert!(counts("on 15/03/2025").is_empty());
    assert!(counts("version 1.2.3").is_empty());
}

#[test]
fn each_qualifier_is_read() {
    for q in Qualifier::ALL {
        let text = format!("they counted {} 400 cases", q.phrase());
        let n = only(&text, Kind::Count);
        assert_eq!(n.qualifier, Some(q), "{text:?}");
        assert_eq!(&text[n.full_span()], format!("{} 400", q.phrase()));
    }
    assert_eq!(
        only("More than 85,000 people", Kind::Count).qualifier,
        Some(Qualifier::MoreThan)
    );
}

#[test]
fn a_qualifier_must_be_a_whole_word() {
    assert_eq!(only("the handover 400 times", Kind::Count).qualifier, None);
    assert_eq!(only("lovers 400", Kind::Count).qualifier, None);
}

#[test]
fn intervals_follow_precision_and_qualifier() {
    let n = only("85,000", Kind::Count);
    assert_eq!(n.written_interval(), (84_500.0, 85_500.0));
    let n = only("367", Kind::Count);
    assert_eq!(n.written_interval(), (367.0, 367.0));
    let n = only("at least 367", Kind::Count);
    assert_eq!(n.qualified_interval(), (367.0, f64::INFINITY));
    let n = only("nearly 400", Kind::Count);
    assert_eq!(n.qualified_interval(), (f64::NEG_INFINITY, 400.0));
    let n = only("about 1,600", Kind::Count);
    assert_eq!(n.written_interval(), (1_520.0, 1_680.0));
}

#[test]
fn spans_lie_on_character_boundaries_in_unicode_text() {
    let text = "“Más de 85\u{202f}000 personas” — dijo — 1.9 per 100\u{a0}000.";
    for n in recognise(text) {
        assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
        assert!(text.is_char_boundary(n.qualifier_start));
    }
    assert_eq!(counts(text), vec![85_000.0]);
}
