//! Figures that change over time: the examples of the time-and-sources issue,
//! the draft's own date (front matter, HTML, --as-of), a sentence's own time,
//! and the claims about another time that must not be judged at the draft's.

mod common;

use std::path::Path;

use common::story::{checker, findings_as_of as findings, one, weak_findings_as_of, Found, RULES};
use common::{figcheck, write};
use figcheck::date::Date;
use figcheck::markup::Format;
use figcheck::{Checker, Rules};

#[test]
fn the_issue_examples() {
    let cases: &[(&str, &str, Found)] = &[
        ("2024-05-01", "Police have arrested 79,211 people.", vec![]),
        (
            "2025-05-01",
            "Police have arrested 79,211 people.",
            one("figcheck::stale", "79,211"),
        ),
        (
            "2025-05-01",
            "By March 2024, police had arrested 79,211 people.",
            vec![],
        ),
        (
            "2023-06-01",
            "Police have arrested more than 85,000 people.",
            one("figcheck::mismatch", "85,000"),
        ),
        (
            "2025-05-01",
            "Cristosal reports 367 deaths in custody.",
            vec![],
        ),
        (
            "2025-05-01",
            "Cristosal reports 350 deaths in custody.",
            one("figcheck::wrong-source", "350"),
        ),
        (
            "2025-05-01",
            "According to WOLA, 350 people have died in custody.",
            vec![],
        ),
        (
            "2025-05-01",
            "Cristosal counts 367 deaths in custody; WOLA puts the number at 350.",
            vec![],
        ),
    ];
    for (date, text, expected) in cases {
        assert_eq!(&findings(date, text), expected, "{date}: {text}");
    }
    // A count that meets none of the figure's values may be another
    // quantity's: judged, but weak, so reported only from the weak tier.
    let other = "A local group says 340 people have died in custody.";
    assert_eq!(findings("2025-05-01", other), vec![]);
    assert_eq!(
        weak_findings_as_of("2025-05-01", other),
        one("figcheck::mismatch", "340")
    );
}

#[test]
fn a_stale_finding_says_when_each_value_was_current() {
    let found = checker().check_as_of(
        "Police have arrested 79,211 people.",
        Date::parse("2025-05-01").unwrap(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "People arrested under the state of exception: 79,211 is outdated: it was the count as of March 2024"
    );
    assert_eq!(
        found[0].help,
        "79,211 was the count as of March 2024; as of March 2025 it is 85,000 or more (Government of El Salvador)"
    );
}

#[test]
fn a_value_reported_after_the_draft_is_not_accepted() {
    let found = checker().check_as_of(
        "Police have arrested more than 85,000 people.",
        Date::parse("2023-06-01").unwrap(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "People arrested under the state of exception: 85,000 was not reported until March 2025"
    );
    assert_eq!(
        found[0].help,
        "85,000 or more was first reported in March 2025, after this draft's date (1 June 2023); \
         use 65,000 (Government of El Salvador, 2023-03)"
    );
    // And the count current at the draft's date is accepted.
    assert_eq!(
        findings("2023-06-01", "Police have arrested 65,000 people."),
        vec![]
    );
    // In a draft of 2024, Cristosal's count was still 261.
    assert_eq!(
        findings("2024-05-01", "Cristosal reports 261 deaths in custody."),
        vec![]
    );
    assert_eq!(
        findings("2024-05-01", "Cristosal reports 367 deaths in custody."),
        one("figcheck::mismatch", "367")
    );
}

#[test]
fn a_sentence_that_names_its_time_is_judged_at_that_time() {
    for text in [
        "As of March 2024, police had arrested 79,211 people.",
        "Police had arrested 79,211 people by March 2024.",
        "In March 2024, police had arrested 79,211 people.",
        "Police had arrested 79,211 people in 2024.",
        "Two years into the state of exception, police had arrested 79,211 people.",
        "By the end of 2023, 65,000 people had been arrested.",
        "Police had arrested 79,211 people by March 2024 and more than 85,000 by March 2025.",
    ] {
        assert_eq!(findings("2025-05-01", text), vec![], "{text}");
    }
    // A count from after the time named is wrong for that time.
    assert_eq!(
        findings(
            "2025-05-01",
            "By March 2024, police had arrested more than 85,000 people."
        ),
        one("figcheck::mismatch", "85,000")
    );
    // And a count superseded by then is stale at that time.
    assert_eq!(
        findings(
            "2025-05-01",
            "By April 2024, police had arrested 65,000 people."
        ),
        one("figcheck::stale", "65,000")
    );
}

#[test]
fn a_date_that_counting_began_is_not_the_time_of_the_claim() {
    // The slip is still caught: "in March 2022" says when arrests began.
    for text in [
        "Since the state of exception began in March 2022, police have arrested 58,000 people.",
        "Police have arrested 58,000 people since it was declared in March 2022.",
    ] {
        assert_eq!(
            findings("2025-05-01", text),
            one("figcheck::mismatch", "58,000"),
            "{text}"
        );
    }
}

#[test]
fn a_time_before_any_value_is_not_judged() {
    // The rules know nothing of arrests before March 2023.
    assert_eq!(
        findings("2022-06-01", "Police have arrested 20,000 people."),
        vec![]
    );
    assert_eq!(
        findings(
            "2025-05-01",
            "By June 2022, police had arrested 20,000 people."
        ),
        vec![]
    );
}

#[test]
fn a_value_of_a_year_is_judged_by_its_year() {
    // Reported in January 2025, the rate for 2024 is right in a draft of 2025 …
    assert_eq!(
        findings("2025-05-01", "The homicide rate was 1.9 in 2024."),
        vec![]
    );
    // … and the anchor "in 2023" does not hide 2023's rate, reported in 2024.
    assert_eq!(
        findings("2025-05-01", "The homicide rate was 2.4 in 2023."),
        vec![]
    );
    // A draft of mid-2024 could not know 2024's rate.
    assert_eq!(
        findings("2024-06-01", "The homicide rate is 1.9."),
        one("figcheck::mismatch", "1.9")
    );
    // In mid-2024, 2.4 was the current rate; in 2025 it is stale in the present tense.
    assert_eq!(findings("2024-06-01", "The homicide rate is 2.4."), vec![]);
    assert_eq!(
        findings("2025-05-01", "The homicide rate is 2.4."),
        one("figcheck::stale", "2.4")
    );
}

#[test]
fn each_value_of_a_series_by_year_is_judged_by_its_own_year() {
    // Both values right for their years: nothing to say.
    assert_eq!(
        findings(
            "2025-05-01",
            "The homicide rate was 1.9 in 2024, 2.4 in 2023 and 103 in 2015."
        ),
        vec![]
    );
    // Two values swapped between their years: each is the other year's.
    let swapped = findings(
        "2025-05-01",
        "The homicide rate was 2.4 in 2024, 1.9 in 2023 and 103 in 2015.",
    );
    assert_eq!(
        swapped,
        [
            one("figcheck::wrong-year", "2.4"),
            one("figcheck::wrong-year", "1.9")
        ]
        .concat()
    );
    // Must not: a number with no year of its own after the series' first
    // value is no value of the series.
    assert_eq!(
        findings(
            "2025-05-01",
            "The homicide rate was 1.9 in 2024, 40 in one town."
        ),
        vec![]
    );
}

#[test]
fn inconsistent_respects_time_and_source() {
    for text in [
        // Two times, each right for its own anchor.
        "By March 2024, police had arrested 79,211 people. Now more than 85,000 have been arrested.",
        // Two years, each right for its year.
        "The homicide rate was 2.4 in 2023. In 2015 the homicide rate was 103.",
        // Two sources, each attributed to its own.
        "Cristosal counts 367 deaths in custody. WOLA puts deaths in custody at 350.",
    ] {
        assert_eq!(findings("2025-05-01", text), vec![], "{text}");
    }
    // Unanchored claims of different values still disagree.
    let found = findings(
        "2025-05-01",
        "Police have arrested 79,211 people. Police have arrested 90,000 people.",
    );
    assert!(
        found
            .iter()
            .any(|(code, _)| *code == "figcheck::inconsistent"),
        "{found:?}"
    );
}

#[test]
fn undated_rules_keep_their_meaning_at_any_date() {
    let rules = r#"
[[figure]]
id = "deaths"
name = "Deaths in custody"
subjects = ["died in custody"]
canonical = 367
allowed = [{ value = 261, stale = true }]
"#;
    let checker = Checker::new(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    for date in ["1990-01-01", "2024-05-01", "2100-01-01"] {
        let date = Date::parse(date).unwrap();
        let codes = |text: &str| -> Vec<&str> {
            checker
                .check_as_of(text, date)
                .iter()
                .map(|f| f.code.as_str())
                .collect()
        };
        assert_eq!(
            codes("At least 367 people have died in custody."),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes("At least 261 people have died in custody."),
            vec!["figcheck::stale"]
        );
        assert_eq!(
            codes("At least 376 people have died in custody."),
            vec!["figcheck::mismatch"]
        );
    }
}

#[test]
fn the_draft_gives_its_own_date() {
    let checker = checker().today(Date::parse("2026-01-01").unwrap());
    let text = "Police have arrested 79,211 people.\n";
    let dated = |front: &str| format!("{front}{text}");
    let codes = |format: Format, source: &str| -> Vec<&str> {
        checker
            .check_document(format, source)
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    };
    // Undated: today, when 79,211 is stale.
    assert_eq!(codes(Format::Markdown, text), vec!["figcheck::stale"]);
    // YAML and TOML front matter.
    assert_eq!(
        codes(Format::Markdown, &dated("---\ndate: 2024-05-01\n---\n")),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes(
            Format::Markdown,
            &dated("+++\npublished = 2024-05-01\n+++\n")
        ),
        Vec::<&str>::new()
    );
    // An update in 2025 makes the draft answer for 2025's count.
    assert_eq!(
        codes(
            Format::Markdown,
            &dated("---\ndate: 2024-05-01\nupdated: 2025-05-01\n---\n")
        ),
        vec!["figcheck::stale"]
    );
    // HTML metadata and the header's <time>.
    let html = |head: &str, header: &str| {
        format!("<html><head>{head}</head><body><article><header>{header}</header><p>{text}</p></article></body></html>")
    };
    let meta = html(
        r#"<meta property="article:published_time" content="2024-05-01T08:00:00Z">"#,
        "",
    );
    assert_eq!(codes(Format::Html, &meta), Vec::<&str>::new());
    let time = html("", r#"<time datetime="2024-05-01">1 May 2024</time>"#);
    assert_eq!(codes(Format::Html, &time), Vec::<&str>::new());
    assert_eq!(codes(Format::Html, &html("", "")), vec!["figcheck::stale"]);
    // --as-of wins over the draft's own date.
    let given = checker
        .clone()
        .as_of(Some(Date::parse("2025-05-01").unwrap()));
    let draft = dated("---\ndate: 2024-05-01\n---\n");
    assert_eq!(given.check_document(Format::Markdown, &draft).len(), 1);
    assert_eq!(
        given.draft_date(Format::Markdown, &draft).origin.key(),
        "as-of"
    );
}

#[test]
fn the_command_line_shows_and_takes_the_date() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2024-05-01\n---\nPolice have arrested 79,211 people.\n",
    );
    // The draft's date: clean.
    let run = figcheck(dir.path(), &["a.md"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // --as-of a later date: stale, and JSON says which date was used.
    let run = figcheck(
        dir.path(),
        &["--as-of", "2025-05", "--format", "json", "a.md"],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["findings"][0]["code"], "figcheck::stale");
    assert_eq!(
        json["findings"][0]["draft_date"],
        serde_json::json!({"date": "2025-05", "from": "as-of"})
    );
    // `numbers` shows the date and where it came from.
    let run = figcheck(dir.path(), &["numbers", "a.md"]);
    assert!(
        run.stdout
            .starts_with("a.md: checked as of 2024-05-01 (front matter `date`)\n"),
        "{}",
        run.stdout
    );
    // A date that cannot be read is a usage error.
    let run = figcheck(dir.path(), &["--as-of", "May 2025", "a.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--as-of"), "{}", run.stderr);
}

#[test]
fn a_superseded_count_is_stale_only_as_written() {
    // 79,000 rounds to 79,211: the count of March 2024, stale in 2025.
    assert_eq!(
        findings("2025-05-01", "Police have arrested about 79,000 people."),
        one("figcheck::stale", "79,000")
    );
    // "Over 58,000" reaches 65,000 only through its qualifier: a slip for
    // 85,000, reported as a mismatch and not as an old count.
    let found = checker().check_as_of(
        "Authorities have arrested over 58,000 people.",
        Date::parse("2025-05-01").unwrap(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code.as_str(), "figcheck::mismatch");
    assert_eq!(
        found[0].message,
        "People arrested under the state of exception: 58,000 is below the accepted value"
    );
}

#[test]
fn a_time_only_named_can_make_an_old_value_right_but_not_rule_out_a_new_one() {
    // "In 2023" names when the sweeps happened; the count of 2025 is still right.
    assert_eq!(
        findings(
            "2025-05-01",
            "Police have arrested more than 85,000 people in sweeps of poor neighbourhoods in 2023 and 2024."
        ),
        vec![]
    );
    // It still makes 2023's count right for 2023 …
    assert_eq!(
        findings("2025-05-01", "Police had arrested 65,000 people in 2023."),
        vec![]
    );
    // … while "by" says the count held then, and so rules out a later one.
    assert_eq!(
        findings(
            "2025-05-01",
            "By 2023, police had arrested more than 85,000 people."
        ),
        one("figcheck::mismatch", "85,000")
    );
}

#[test]
fn another_sources_count_as_a_bound_is_a_comparison() {
    // WOLA's 350 is more than Cristosal's early 261: a comparison, not a
    // misattribution.
    assert_eq!(
        findings(
            "2025-05-01",
            "WOLA says more than 261 people have died in custody."
        ),
        vec![]
    );
    // A bound the named source's count breaks is still another source's value.
    assert_eq!(
        findings(
            "2025-05-01",
            "Cristosal says fewer than 350 people have died in custody."
        ),
        one("figcheck::wrong-source", "350")
    );
}

#[test]
fn last_year_is_the_year_before_the_draft_s() {
    // Written in May 2025, "last year" is 2024: 2.4 was 2023's rate.
    assert_eq!(
        findings(
            "2025-05-01",
            "Last year the homicide rate was 2.4 per 100,000."
        ),
        one("figcheck::wrong-year", "2.4 per 100,000")
    );
    assert_eq!(
        findings(
            "2025-05-01",
            "Last year the homicide rate was 1.9 per 100,000."
        ),
        vec![]
    );
    // Written in June 2024, last year is 2023, whose rate 2.4 was.
    assert_eq!(
        findings(
            "2024-06-01",
            "Last year the homicide rate was 2.4 per 100,000."
        ),
        vec![]
    );
    // A year the sentence gives itself wins.
    assert_eq!(
        findings(
            "2025-05-01",
            "Last year's report gave the homicide rate as 2.4 per 100,000 in 2023."
        ),
        vec![]
    );
}

/// A figure reported month by month, as a statistics office does.
const MONTHLY: &str = r#"
[[figure]]
id = "cpi"
name = "Consumer price inflation, 12-month rate"
subjects = ["inflation"]
unit = "percent"
canonical = { value = 3.2, as_of = "2025-11" }
allowed = [
  { value = 2.2, as_of = "2024-07" },
  { value = 3.6, as_of = "2025-06" },
  { value = 3.8, as_of = "2025-07" },
  { value = 3.6, as_of = "2025-10" },
]
"#;

fn monthly(text: &str) -> Found {
    // Every tier: a month's value that meets none of the figure's is weak.
    Checker::new(Rules::parse(MONTHLY, Path::new("rules.toml")).expect("rules parse"))
        .report_tier(Some(figcheck::confidence::Tier::Weak))
        .check_as_of(text, Date::parse("2025-12-19").unwrap())
        .into_iter()
        .map(|f| (f.code.as_str(), f.found_text))
        .collect()
}

#[test]
fn a_month_named_without_its_year_is_the_month_whose_value_the_number_meets() {
    // Must not fire: the value of a month of that name, the latest or an
    // earlier year's, after the number or before it.
    for text in [
        "Inflation rose to 3.8% in July.",
        "Inflation rose to 3.8% in July, from 3.6% in June.",
        "Inflation was 2.2% in July.",
        "In the year to July, inflation was 3.8%.",
    ] {
        assert_eq!(monthly(text), vec![], "{text}");
    }
    // Must fire: no month named, a month whose value is another, or "may"
    // that is no month.
    assert_eq!(
        monthly("Inflation rose to 3.8%."),
        one("figcheck::stale", "3.8%")
    );
    assert_eq!(
        monthly("Inflation rose to 3.6% in July."),
        one("figcheck::stale", "3.6%")
    );
    assert_eq!(
        monthly("Prices may climb further; inflation stands at 3.8%."),
        one("figcheck::stale", "3.8%")
    );
}

#[test]
fn a_list_of_times_under_a_lead_in_claims_each_value_at_its_time() {
    // Must fire: each item's value is judged at its label's month.
    let text = "Inflation, month by month:\n\n• July 2025: 3.6%\n\n• July 2024: 2.2%\n\n• June 2025: 3.9%\n";
    assert_eq!(
        monthly(text),
        vec![
            ("figcheck::stale", "3.6%".to_string()),
            ("figcheck::mismatch", "3.9%".to_string())
        ]
    );
    // The same in Markdown, with no blank lines and a numbered list.
    let rules = Rules::parse(MONTHLY, Path::new("rules.toml")).expect("rules parse");
    let markdown = "Inflation by month:\n\n1. July 2025: 3.8%\n2. June 2025: 3.9%\n";
    let checker = Checker::new(rules).report_tier(Some(figcheck::confidence::Tier::Weak));
    let found: Found = checker
        .check_document(Format::Markdown, markdown)
        .into_iter()
        .map(|f| (f.code.as_str(), f.found_text))
        .collect();
    assert_eq!(found, one("figcheck::mismatch", "3.9%"));
    // `figcheck numbers` and the editor's hover read the same claims.
    let analysis = checker.analyse_document(Format::Markdown, markdown);
    let claimed: Vec<&str> = analysis
        .claims
        .iter()
        .map(|c| &markdown[analysis.numbers[c.number].span.clone()])
        .collect();
    assert_eq!(claimed, ["3.8%", "3.9%"]);
    // Must not: a label that is no time (a part), a lead-in whose subject
    // comes late or that ends with no colon, an item after other text.
    for text in [
        "Inflation by region:\n\n• London: 3.9%\n\n• Wales: 3.1%\n",
        "Prices have kept rising since inflation peaked:\n\n• July 2025: 3.9%\n",
        "Inflation by month.\n\n• July 2025: 3.9%\n",
        "Inflation by month:\n\nThe office publishes a table.\n\n• July 2025: 3.9%\n",
    ] {
        assert_eq!(monthly(text), vec![], "{text}");
    }
}

#[test]
fn a_count_for_part_of_a_year_that_has_ended_is_stale_without_a_fix() {
    let so_far = "So far in 2024 the homicide rate is 1.2 per 100,000 residents.";
    // Must not: while the year runs, or told as history once it is over
    // (read at every tier: a part-year value meets none of the figure's, so
    // is weak).
    assert_eq!(weak_findings_as_of("2024-08-01", so_far), vec![]);
    assert_eq!(
        weak_findings_as_of(
            "2025-05-01",
            "In the first half of 2024 the homicide rate was 0.9 per 100,000 residents."
        ),
        vec![]
    );
    // Must: given as it stands after the year ended; the help gives the
    // whole year's value, and nothing rewrites the part-year count.
    let found = checker()
        .report_tier(Some(figcheck::confidence::Tier::Weak))
        .check_as_of(so_far, Date::parse("2025-05-01").unwrap());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code.as_str(), "figcheck::stale");
    assert!(
        found[0]
            .message
            .ends_with("1.2 per 100,000 residents covers only part of 2024, which has ended"),
        "{}",
        found[0].message
    );
    assert!(
        found[0]
            .help
            .starts_with("the value for all of 2024 is 1.9"),
        "{}",
        found[0].help
    );
    assert!(found[0].fix.is_none());
}
