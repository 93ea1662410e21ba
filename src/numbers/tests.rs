//! One test per number form, trap and qualifier of the recogniser.

use super::*;
use crate::lang::Lang;

/// (text as written, kind, low, high) for every number in `text`.
fn read(text: &str) -> Vec<(String, Kind, f64, f64)> {
    recognise(text, Lang::En)
        .into_iter()
        .map(|n| (text[n.span.clone()].to_string(), n.kind, n.low, n.high))
        .collect()
}

/// The single number in `text`, which must have the given kind.
fn only(text: &str, kind: Kind) -> Number {
    let found = recognise(text, Lang::En);
    assert_eq!(
        found.len(),
        1,
        "expected one number in {text:?}, got {found:?}"
    );
    assert_eq!(found[0].kind, kind, "kind of the number in {text:?}");
    found[0].clone()
}

fn counts(text: &str) -> Vec<f64> {
    recognise(text, Lang::En)
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
fn a_space_groups_thousands_only_where_the_digits_end() {
    // "October 1 2024": a day and a year, not 1,202 and a stray 4.
    let found = read("Deaths rose on October 1 2024.");
    assert_eq!(
        found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["1", "2024"]
    );
    let found: Vec<String> = recognise("el 1 2024 y 12 500 personas", Lang::Es)
        .into_iter()
        .map(|n| n.low.to_string())
        .collect();
    assert_eq!(found, ["1", "2024", "12500"]);
    // Must still group: three digits after each space.
    assert_eq!(counts("It holds 1 000 000 people."), [1_000_000.0]);
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
        "paid a $6-million fee",
    ] {
        let n = only(text, Kind::Money);
        assert_eq!(n.low, 6e6, "{text:?}");
    }
    // A hyphenated unit is still a measure, not a scale.
    assert_eq!(only("a 6-mile walk", Kind::Measure).low, 6.0);
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
    assert_eq!(
        only("2.4 violent deaths per 100,000 people", Kind::Rate).low,
        2.4
    );
    assert!(
        counts("the rate per 100,000 residents rose").is_empty(),
        "a base without its rate is never a count"
    );
    assert_eq!(counts("lost by 100 votes"), vec![100.0], "no `per`");
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
            recognise(text, Lang::En)
                .iter()
                .any(|n| n.kind == Kind::Year),
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
    // One-sided qualifiers reach as far as the slack, not to infinity.
    let n = only("at least 367", Kind::Count);
    assert_eq!(n.qualified_interval(0.2), (367.0, 367.0 * 1.2));
    let n = only("nearly 400", Kind::Count);
    assert_eq!(n.qualified_interval(0.2), (320.0, 400.0));
    let n = only("more than 85,000", Kind::Count);
    assert_eq!(n.qualified_interval(0.1), (84_500.0, 93_500.0));
    let n = only("topped 1,000", Kind::Count);
    assert_eq!(n.qualifier, Some(Qualifier::Topped));
    assert_eq!(n.qualified_interval(0.2), (500.0, 1_500.0));
    let n = only("just under 400", Kind::Count);
    assert_eq!(n.qualified_interval(0.2), (320.0, 400.0));
    let n = only("about 1,600", Kind::Count);
    assert_eq!(n.written_interval(), (1_520.0, 1_680.0));
}

#[test]
fn spans_lie_on_character_boundaries_in_unicode_text() {
    let text = "“Más de 85\u{202f}000 personas” — dijo — 1.9 per 100\u{a0}000.";
    for n in recognise(text, Lang::En) {
        assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
        assert!(text.is_char_boundary(n.qualifier_start));
    }
    assert_eq!(counts(text), vec![85_000.0]);
}

#[test]
fn a_word_run_into_a_number_is_its_counted_noun() {
    let n = only("79,211people were held", Kind::Count);
    assert_eq!(n.low, 79_211.0);
    assert_eq!(n.span, 0..6);
    // Must not fire: units and suffixes glued to a number stay what they are.
    assert_eq!(only("a 10km march", Kind::Measure).low, 10.0);
    assert_eq!(only("the 34th renewal", Kind::Ordinal).low, 34.0);
    assert_eq!(only("in the 1990s", Kind::Year).low, 1990.0);
    assert_eq!(only("a 5kg bag", Kind::Measure).low, 5.0);
    assert_eq!(only("a 100mph wind", Kind::Measure).low, 100.0);
}

#[test]
fn indefinite_numbers_in_words() {
    assert_eq!(only("a dozen people", Kind::Count).low, 12.0);
    assert_eq!(only("a hundred people", Kind::Count).low, 100.0);
    assert_eq!(only("about a million people", Kind::Count).low, 1e6);
    assert_eq!(only("half a million people", Kind::Count).low, 500_000.0);
    // "A hundred" is a round figure, not exactly 100.
    let n = only("a hundred people", Kind::Count);
    assert_eq!(n.written_interval(), (95.0, 105.0));
    // Must not fire: `a` before any other word is no number.
    assert!(recognise("a man and a woman", Lang::En).is_empty());
}

#[test]
fn small_number_words_are_read_and_flagged() {
    let n = only("three people died", Kind::Count);
    assert_eq!(n.low, 3.0);
    assert!(n.small_word);
    assert!(!only("thirty people died", Kind::Count).small_word);
    assert!(!only("3 people died", Kind::Count).small_word);
    // Must not fire: `one` alone is a pronoun far more often than a figure.
    assert!(recognise("one of them died", Lang::En).is_empty());
}

#[test]
fn fractions_are_their_own_kind() {
    for (text, value) in [
        ("two-thirds of inmates", 2.0 / 3.0),
        ("two thirds of inmates", 2.0 / 3.0),
        ("half of the detainees", 0.5),
        ("a third of them", 1.0 / 3.0),
        ("one in five Salvadorans", 0.2),
        ("1 in 4 adults", 0.25),
    ] {
        let n = only(text, Kind::Fraction);
        assert!((n.low - value).abs() < 1e-9, "{text}: {}", n.low);
    }
    // Must not fire: a count before `in` and a year is no fraction.
    assert_eq!(
        read("85,000 in 2025"),
        vec![
            ("85,000".into(), Kind::Count, 85_000.0, 85_000.0),
            ("2025".into(), Kind::Year, 2025.0, 2025.0)
        ]
    );
    assert_eq!(read("5 in 3")[0].1, Kind::Count);
}

#[test]
fn multipliers_are_their_own_kind_never_counts() {
    for (text, low) in [
        ("twice as many", 2.0),
        ("eight times more", 8.0),
        ("more than 70 times the official count", 70.0),
        ("2.5 to 3 times higher", 2.5),
        ("arrests doubled", 2.0),
        ("a tenfold rise", 10.0),
        ("two times the risk", 2.0),
    ] {
        let found = recognise(text, Lang::En);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].kind, Kind::Multiplier, "{text}");
        assert_eq!(found[0].low, low, "{text}");
    }
    let n = only("2.5 to 3 times higher", Kind::Multiplier);
    assert_eq!((n.low, n.high), (2.5, 3.0));
    // Must not fire: `N times` counting occurrences stays a count.
    assert_eq!(read("renewed 34 times since 2022")[0].1, Kind::Count);
    assert_eq!(only("renewed 34 times.", Kind::Count).low, 34.0);
}

#[test]
fn durations_are_their_own_kind() {
    for (text, value) in [
        ("30 minutes each", 30.0),
        ("12 months", 12.0),
        ("15 days", 15.0),
        ("20 years in prison", 20.0),
        ("the six months that followed", 6.0),
        ("Forty-eight hours later", 48.0),
    ] {
        assert_eq!(only(text, Kind::Duration).low, value, "{text}");
    }
    // Must not fire: a count before other nouns, and a year.
    assert_eq!(only("85,000 people", Kind::Count).low, 85_000.0);
    assert_eq!(only("in 2020", Kind::Year).low, 2020.0);
}

#[test]
fn measures_written_with_a_spaced_unit() {
    assert_eq!(
        only("about 74 kilometres from the capital", Kind::Measure).low,
        74.0
    );
    assert_eq!(only("winds of 155 mph", Kind::Measure).low, 155.0);
    // Must not fire: a count of acres is left to the rules (a desk may track it).
    assert_eq!(only("2,170 acres", Kind::Count).low, 2170.0);
}

#[test]
fn millions_written_with_m() {
    assert_eq!(only("1.1m", Kind::Count).low, 1_100_000.0);
    assert_eq!(only("6.3m people", Kind::Count).low, 6_300_000.0);
    assert_eq!(only("$6m", Kind::Money).low, 6e6);
    // Must not fire: a length.
    assert_eq!(only("a 2.5m-high wall", Kind::Measure).low, 2.5);
    assert_eq!(only("a wall 2.5m high", Kind::Measure).low, 2.5);
    assert_eq!(only("a 10m pole", Kind::Measure).low, 10.0);
}

#[test]
fn a_four_digit_number_counting_a_noun_is_a_count() {
    assert_eq!(only("Police made 2000 arrests", Kind::Count).low, 2000.0);
    assert_eq!(only("at least 1500 people", Kind::Count).low, 1500.0);
    // Must not fire: a year before a noun it qualifies, or after a preposition.
    assert_eq!(only("the 2023 elections", Kind::Year).low, 2023.0);
    assert_eq!(only("its 2024 budgets", Kind::Year).low, 2024.0);
    assert_eq!(only("in 2000 arrests rose", Kind::Year).low, 2000.0);
    assert_eq!(only("In 2019 homicides fell", Kind::Year).low, 2019.0);
    assert_eq!(only("the country's 2024 elections", Kind::Year).low, 2024.0);
    assert_eq!(read("reached 1857 this year")[0].1, Kind::Year);
    assert_eq!(read("founded 1857 across the river")[0].1, Kind::Year);
}

#[test]
fn a_year_before_a_rate_base_stays_a_year() {
    assert_eq!(
        read("103 in 2015 per 100,000"),
        vec![
            ("103".into(), Kind::Count, 103.0, 103.0),
            ("2015".into(), Kind::Year, 2015.0, 2015.0),
            // the base of the rate written before the year: it counts nothing
            ("100,000".into(), Kind::Measure, 100_000.0, 100_000.0)
        ]
    );
    // Must not fire: a real rate keeps its base.
    assert_eq!(only("38 per 100,000", Kind::Rate).low, 38.0);
}

#[test]
fn identifiers_tallies_phones_and_versions_are_never_counts() {
    for text in [
        "287(g) agreements",
        "Proposition 47",
        "H.R. 4821",
        "HB 1521",
        "call 911",
        "911 dispatchers",
        "1-800-555-0199",
        "(800) 555-0199",
        "555-0199",
        "version 2.0",
        "Web 2.0",
        "The vote was 5-12.",
        "passed 61-38",
        "in a vote of 57 to 3",
    ] {
        assert!(
            recognise(text, Lang::En)
                .iter()
                .all(|n| n.kind != Kind::Count),
            "{text}: {:?}",
            recognise(text, Lang::En)
        );
    }
    // Must not fire: a real range, and a count after a voting verb.
    assert_eq!(read("27-30 people")[0].1, Kind::Count);
    assert_eq!(
        read("voted to raise it from 40,000 to 85,000")
            .iter()
            .filter(|n| n.1 == Kind::Count)
            .count(),
        2
    );
}

#[test]
fn percentage_points_are_points() {
    let n = only("3.9 percentage points", Kind::Points);
    assert_eq!(n.low, 3.9);
    assert_eq!(only("3.9 percent", Kind::Percent).low, 3.9);
}

#[test]
fn new_one_sided_qualifiers() {
    for (text, q) in [
        ("topped 1,000", Qualifier::Topped),
        ("exceeded 5,000", Qualifier::Exceeded),
        ("just over 200", Qualifier::JustOver),
        ("well over 200", Qualifier::WellOver),
        ("just under 400", Qualifier::JustUnder),
        ("close to 400", Qualifier::CloseTo),
    ] {
        assert_eq!(only(text, Kind::Count).qualifier, Some(q), "{text}");
    }
}

#[test]
fn a_letter_outside_ascii_glued_to_a_decimal_is_read_without_panic() {
    // Found by the property test: the check for `6.3m` once cut this text
    // inside its last character.
    assert_eq!(counts("0.0\u{1e7f0}"), Vec::<f64>::new());
    assert_eq!(counts("6.3m people"), [6_300_000.0]);
}

// ---------------------------------------------------------------- Spanish

/// (text as written, kind, low, high, qualifier) for every number in a Spanish `text`.
fn es(text: &str) -> Vec<(String, Kind, f64, f64, Option<&'static str>)> {
    recognise(text, Lang::Es)
        .into_iter()
        .map(|n| {
            (
                text[n.span.clone()].to_string(),
                n.kind,
                n.low,
                n.high,
                n.qualifier.map(Qualifier::phrase),
            )
        })
        .collect()
}

#[test]
fn the_hundreds_after_mil_stop_where_another_number_starts() {
    // A year, a group that goes on, a decimal: another number, not the rest
    // of the thousands; nor do hundreds follow millions.
    for (text, first) in [
        ("unos 85 mil 2024", "85 mil"),
        ("unos 85 mil 1.500 más", "85 mil"),
        ("unos 85 mil 15,5 más", "85 mil"),
        ("2,5 millones 300 personas", "2,5 millones"),
    ] {
        let found = es(text);
        assert_eq!(found.len(), 2, "{text:?}: {found:?}");
        assert_eq!(found[0].0, first, "{text:?}");
    }
}

/// The one number of a Spanish `text`: as written, kind and value.
fn es_one(text: &str) -> (String, Kind, f64) {
    let found = es(text);
    assert_eq!(
        found.len(),
        1,
        "expected one number in {text:?}, got {found:?}"
    );
    (found[0].0.clone(), found[0].1, found[0].2)
}

#[test]
fn spanish_numerals_group_with_full_stops_and_mark_decimals_with_commas() {
    for (text, written, kind, value) in [
        (
            "detuvieron a 85.000 personas",
            "85.000",
            Kind::Count,
            85_000.0,
        ),
        (
            "detuvieron a 85 000 personas",
            "85 000",
            Kind::Count,
            85_000.0,
        ),
        (
            "detuvieron a 85\u{a0}000 personas",
            "85\u{a0}000",
            Kind::Count,
            85_000.0,
        ),
        ("una tasa de 1,9", "1,9", Kind::Count, 1.9),
        ("el 1,6 % de la población", "1,6 %", Kind::Percent, 1.6),
        ("el 1,6% de la población", "1,6%", Kind::Percent, 1.6),
        ("un 27 por ciento", "27 por ciento", Kind::Percent, 27.0),
        (
            "un país de 6,3 millones de habitantes",
            "6,3 millones",
            Kind::Count,
            6.3e6,
        ),
        (
            "costó 2.300 millones de euros",
            "2.300 millones de euros",
            Kind::Money,
            2.3e9,
        ),
        (
            "un pago de US$6 millones",
            "US$6 millones",
            Kind::Money,
            6e6,
        ),
        (
            "un pago de 6 millones de dólares",
            "6 millones de dólares",
            Kind::Money,
            6e6,
        ),
        ("unos 85 mil detenidos", "85 mil", Kind::Count, 85_000.0),
        // Mexico writes the hundreds after `mil`.
        (
            "se registraron 33 mil 550 homicidios",
            "33 mil 550",
            Kind::Count,
            33_550.0,
        ),
        (
            "un total de 206 mil 724",
            "206 mil 724",
            Kind::Count,
            206_724.0,
        ),
        (
            "mil millones de dólares",
            "mil millones de dólares",
            Kind::Money,
            1e9,
        ),
        (
            "1.234,5 kilos de droga",
            "1.234,5 kilos",
            Kind::Measure,
            1_234.5,
        ),
        // Mexico and Central America write 85,000 and 1.9: both read.
        (
            "detuvieron a 85,000 personas",
            "85,000",
            Kind::Count,
            85_000.0,
        ),
        ("una tasa de 1.9", "1.9", Kind::Count, 1.9),
    ] {
        assert_eq!(es_one(text), (written.to_string(), kind, value), "{text}");
    }
}

#[test]
fn spanish_precision_follows_the_decimal_comma() {
    let n = &recognise("una tasa de 2,4", Lang::Es)[0];
    assert!((n.precision - 0.1).abs() < 1e-12, "{n:?}");
    let n = &recognise("unas 85.000 personas", Lang::Es)[0];
    assert_eq!(n.precision, 1_000.0);
    let n = &recognise("6,3 millones", Lang::Es)[0];
    assert!((n.precision - 100_000.0).abs() < 1e-6, "{n:?}");
}

#[test]
fn spanish_numbers_in_words() {
    for (text, written, value) in [
        (
            "murieron ochenta y cinco mil personas",
            "ochenta y cinco mil",
            85_000.0,
        ),
        ("doce detenidos", "doce", 12.0),
        (
            "trescientos cincuenta muertos",
            "trescientos cincuenta",
            350.0,
        ),
        ("dos millones de personas", "dos millones", 2e6),
    ] {
        assert_eq!(
            es_one(text),
            (written.to_string(), Kind::Count, value),
            "{text}"
        );
    }
    // Articles are no numbers: `una persona`, `un guardia`.
    assert!(es("una persona y un guardia").is_empty());
}

#[test]
fn spanish_ranges_and_rates() {
    assert_eq!(
        es("entre 100.000 y 109.000 personas"),
        vec![(
            "entre 100.000 y 109.000".into(),
            Kind::Count,
            100_000.0,
            109_000.0,
            None
        )]
    );
    assert_eq!(
        es("de 238 a 261 venezolanos"),
        vec![("de 238 a 261".into(), Kind::Count, 238.0, 261.0, None)]
    );
    assert_eq!(
        es_one("1,9 por cada 100.000 habitantes"),
        ("1,9 por cada 100.000 habitantes".into(), Kind::Rate, 1.9)
    );
    assert_eq!(
        es_one("2,4 homicidios por cada 100 000 habitantes").1,
        Kind::Rate
    );
    // Mexico writes the base with `mil`: a rate, not 25.6 homicides.
    assert_eq!(
        es_one("una tasa de 25.6 homicidios por cada 100 mil habitantes"),
        (
            "25.6 homicidios por cada 100 mil habitantes".into(),
            Kind::Rate,
            25.6
        )
    );
    // Two words may stand between the rate and its base.
    assert_eq!(
        es_one("una tasa de 6 homicidios intencionales por cada 100.000 habitantes").1,
        Kind::Rate
    );
    // A base written without its rate counts nothing: never a count.
    let base = es("la tasa por cada 100 mil habitantes quedó en 25,5");
    assert_eq!(base[0].1, Kind::Measure, "{base:?}");
    assert_eq!(base[1].1, Kind::Count, "{base:?}");
    // Not a base: a count after `por`, or a number that is no power of ten.
    assert_eq!(es_one("ganó por 100 votos").1, Kind::Count);
    // A change is no range: `bajó de 38 a 2,4` is two values.
    let change = es("la tasa bajó de 38 a 2,4");
    assert_eq!(change.len(), 2, "{change:?}");
    assert!(change.iter().all(|n| n.2 == n.3));
    // Also with a few words between the verb and `de`, none of them `de`.
    let change = es("la cifra aumentó en las últimas horas de 133 a 134");
    assert_eq!(change.len(), 2, "{change:?}");
    // Must not: a `de` between opens another phrase, whose range it is.
    let range = es("aumentó el número de víctimas de entre 20 y 30 personas");
    assert_eq!(range.len(), 1, "{range:?}");
    let range = es("aumentó el número de víctimas de 20 a 30 personas");
    assert_eq!(range.len(), 1, "{range:?}");
    assert_eq!((range[0].2, range[0].3), (20.0, 30.0), "{range:?}");
}

#[test]
fn spanish_qualifiers_are_read_as_written() {
    for (text, phrase, value) in [
        ("más de 85.000 personas", "más de", 85_000.0),
        ("al menos 376 personas", "al menos", 376.0),
        ("casi 400 muertes", "casi", 400.0),
        ("cerca de 400 muertes", "cerca de", 400.0),
        ("unos 400 presos", "unos", 400.0),
        ("unas 400 personas", "unas", 400.0),
        ("alrededor de 1.600 casos", "alrededor de", 1_600.0),
        ("hasta 900 acusados", "hasta", 900.0),
        ("menos de 300 casos", "menos de", 300.0),
        ("por lo menos 350 muertes", "por lo menos", 350.0),
        ("Más de 85.000 personas", "más de", 85_000.0),
        ("aproximadamente 40.000 reos", "aproximadamente", 40_000.0),
        // An article between, `de` joined to it, an accent left out.
        ("casi el 1,6 % de la población", "casi", 1.6),
        ("alrededor del 27 % de los presos", "alrededor de", 27.0),
        ("mas de 85.000 personas", "más de", 85_000.0),
    ] {
        let found = es(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!((found[0].2, found[0].4), (value, Some(phrase)), "{text}");
    }
    // Directions as in English: `más de` a lower bound, `casi` an upper one.
    let n = &recognise("más de 85.000", Lang::Es)[0];
    assert_eq!(
        n.qualifier.map(Qualifier::direction),
        Some(Direction::AtLeast)
    );
    let n = &recognise("casi 400", Lang::Es)[0];
    assert_eq!(
        n.qualifier.map(Qualifier::direction),
        Some(Direction::AtMost)
    );
    // `de` alone, or a word that only ends like one, is no qualifier.
    assert_eq!(es("la cifra de 85.000")[0].4, None);
    assert_eq!(es("los presos 400")[0].4, None);
}

#[test]
fn spanish_years_dates_and_ordinals_are_not_counts() {
    for (text, written, kind) in [
        ("en 2023", "2023", Kind::Year),
        ("desde 2019", "2019", Kind::Year),
        ("el 15 de marzo de 2025", "15", Kind::Date),
        ("la 34.ª prórroga", "34.ª", Kind::Ordinal),
        ("el 34.º decreto", "34.º", Kind::Ordinal),
        ("la 34ª prórroga", "34ª", Kind::Ordinal),
        ("el 1.er informe", "1.er", Kind::Ordinal),
        (
            "la trigésima cuarta prórroga",
            "trigésima cuarta",
            Kind::Ordinal,
        ),
    ] {
        let found = es(text);
        let first = found
            .first()
            .unwrap_or_else(|| panic!("a number in {text}"));
        assert_eq!((first.0.as_str(), first.1), (written, kind), "{text}");
    }
    assert!(es("el 15 de marzo de 2025")
        .iter()
        .all(|n| n.1 != Kind::Count));
    // A month in lowercase dates the day: Spanish writes months that way.
    assert_eq!(es("el 3 de mayo")[0].1, Kind::Date);
}

#[test]
fn spanish_traps_are_never_counts() {
    for text in [
        "miembros de la MS-13",
        "la pandilla Barrio 18",
        "el Decreto 333",
        "el artículo 29 de la Constitución",
        "prórrogas de 30 días",
        "durante 12 meses",
        "tres años después",
        "una condena de 20 años",
        "llame al 2250-7890",
        "llame al (503) 2250-7890",
        "marque al 911",
        "un muro de 10 metros",
        "74 kilómetros al norte",
        "la versión 2.1.3",
        "núm. 45",
        "pág. 12",
        "a las 10:30",
        "a las 9 p. m.",
        "tres veces más que antes",
        "uno de cada cinco presos",
        "dos tercios de los presos",
        "la mitad de los detenidos",
        "de 2019 a 2024",
    ] {
        let counts: Vec<_> = es(text)
            .into_iter()
            .filter(|n| n.1 == Kind::Count)
            .collect();
        assert!(counts.is_empty(), "{text}: {counts:?}");
    }
}

#[test]
fn english_rules_do_not_read_spanish_numerals_and_the_other_way_round() {
    // The same text reads differently in each language: the language matters.
    assert_eq!(counts("85.000"), vec![85.0]);
    assert_eq!(es_one("85.000").2, 85_000.0);
    assert_eq!(recognise("1,9", Lang::En).len(), 2);
    assert_eq!(es_one("1,9").2, 1.9);
}

#[test]
fn spanish_drafts_are_read_with_the_decimal_mark_they_use() {
    use crate::lang::Decimal;
    let value = |text: &str, decimal: Decimal| -> Vec<f64> {
        recognise_as(text, Lang::Es, decimal)
            .into_iter()
            .map(|n| n.low)
            .collect()
    };
    // As Mexico and Central America write: 3,496 complaints, a rate of 1.9.
    assert_eq!(value("3,496 denuncias", Decimal::Point), vec![3_496.0]);
    assert_eq!(value("una tasa de 1.9", Decimal::Point), vec![1.9]);
    assert_eq!(
        value("unas 85.000 personas", Decimal::Point),
        vec![85_000.0]
    );
    // As Spain writes: 3,496 is three point four nine six.
    assert_eq!(value("3,496 toneladas", Decimal::Comma), vec![3.496]);
    assert_eq!(value("una tasa de 1,9", Decimal::Comma), vec![1.9]);
    // What both agree on.
    for decimal in [Decimal::Comma, Decimal::Point] {
        assert_eq!(value("85.000 y 85,000", decimal), vec![85_000.0, 85_000.0]);
    }
}

#[test]
fn a_spanish_texts_numerals_show_its_decimal_mark() {
    use crate::lang::Decimal;
    for (text, expected) in [
        (
            "una tasa de 1.9 por cada 100,000 habitantes",
            Decimal::Point,
        ),
        ("3,496 denuncias y 72,000 detenciones", Decimal::Point),
        ("1,234,567 personas", Decimal::Point),
        (
            "una tasa de 1,9 por cada 100.000 habitantes",
            Decimal::Comma,
        ),
        ("85.000 detenidos", Decimal::Comma),
        ("1.234,5 kilos", Decimal::Comma),
        // Nothing to tell by: dates, versions, whole numbers. A comma, as Spain writes.
        ("el 15.03.2025, versión 2.1.3, 367 personas", Decimal::Comma),
        ("", Decimal::Comma),
    ] {
        assert_eq!(spanish_decimal(text), expected, "{text}");
    }
}

#[test]
fn qualifier_words_are_the_words_of_the_languages_qualifiers() {
    for word in ["nearly", "More", "than", "least", "estimated"] {
        assert!(is_qualifier_word(word, Lang::En), "{word}");
    }
    for word in ["más", "mas", "cerca", "Casi", "alrededor"] {
        assert!(is_qualifier_word(word, Lang::Es), "{word}");
    }
    // Not a qualifier's word, or another language's.
    for (word, lang) in [
        ("people", Lang::En),
        ("total", Lang::En),
        ("casi", Lang::En),
        ("nearly", Lang::Es),
        ("viviendas", Lang::Es),
    ] {
        assert!(!is_qualifier_word(word, lang), "{word}");
    }
}

#[test]
fn up_to_after_a_verb_of_movement_is_no_bound() {
    // The toll moved up to the number: it reached it.
    for text in [
        "The death toll inched up to 227 on Saturday.",
        "Inflation ticked up to 3.8% in July.",
        "The count went up to 40,000.",
    ] {
        let n = &recognise(text, Lang::En)[0];
        assert_eq!(n.qualifier, None, "{text}");
        assert_eq!(n.qualifier_start, n.span.start, "{text}");
    }
    // Must not: after any other word, `up to` bounds the number.
    for text in [
        "The prison holds up to 40,000 inmates.",
        "A reform allows mass trials of up to 900 defendants.",
        "Up to 900 defendants may be tried at once.",
        "The prison housed up to 40,000 inmates.",
    ] {
        let n = recognise(text, Lang::En)
            .into_iter()
            .find(|n| n.kind == Kind::Count)
            .unwrap();
        assert_eq!(n.qualifier, Some(Qualifier::UpTo), "{text}");
    }
}

#[test]
fn a_count_of_things_has_no_thousandths_in_a_decimal_comma_draft() {
    use crate::lang::Decimal;
    let value = |text: &str| -> Vec<f64> {
        recognise_as(text, Lang::Es, Decimal::Comma)
            .into_iter()
            .map(|n| n.low)
            .collect()
    };
    // Wire copy that marks decimals with a comma ("magnitud 7,7") and still
    // groups a count's thousands with one.
    assert_eq!(value("elevó a 1,644 los muertos"), vec![1_644.0]);
    assert_eq!(value("3,408 heridos y 7,7 de magnitud"), vec![3_408.0, 7.7]);
    // Must not: a unit, a scale word, no noun, two or one decimals, both
    // marks, or a draft that marks decimals with a full stop.
    assert_eq!(value("3,496 toneladas"), vec![3.496]);
    assert_eq!(value("2,345 kilómetros"), vec![2.345]);
    assert_eq!(value("una tasa de 1,375."), vec![1.375]);
    assert_eq!(value("1,64 muertos"), vec![1.64]);
    assert_eq!(value("1.234,567 muertos"), vec![1_234.567]);
    assert_eq!(
        recognise_as("1,644 muertos", Lang::Es, Decimal::Point)[0].low,
        1_644.0
    );
}
