//! Attribution rules, each with the cases where it must fire and must not.

use crate::lang::Lang;
use std::path::Path;

use super::*;
use crate::numbers::recognise;
use crate::rules::Rules;

const RULES: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths in custody"
subjects = ["died in custody", "deaths in custody"]
canonical = 367

[[figure]]
id = "rate"
name = "Homicide rate"
subjects = ["homicide rate"]
unit = "rate"
canonical = 1.9

[[figure]]
id = "arrests"
name = "Arrests"
subjects = ["were arrested", "have arrested"]
canonical = 85000

[[figure]]
id = "payment"
name = "Payment"
subjects = ["payment"]
unit = "money"
canonical = 6000000

[[figure]]
id = "share"
name = "Share"
subjects = ["share"]
unit = "percent"
canonical = 27
"#;

/// (figure id, number as written) for each claim in `text`.
fn claims(text: &str) -> Vec<(String, String)> {
    let rules = Rules::parse(RULES, Path::new("rules.toml")).expect("test rules parse");
    let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
    let numbers = recognise(text, Lang::En);
    attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En)
        .into_iter()
        .map(|c| {
            (
                rules.figures[c.figure].id.clone(),
                text[numbers[c.number].span.clone()].to_string(),
            )
        })
        .collect()
}

/// The numbers claimed in `text` under the rules file `rules`.
fn claimed_under(rules: &str, text: &str) -> Vec<String> {
    claimed_under_in(rules, text, Lang::En)
}

/// [`claimed_under`], for a draft in `lang`.
fn claimed_under_in(rules: &str, text: &str, lang: Lang) -> Vec<String> {
    let rules = Rules::parse(rules, Path::new("rules.toml")).expect("test rules parse");
    let matcher = SubjectMatcher::new(&rules.figures, lang);
    let numbers = recognise(text, lang);
    attribute(text, &[], &numbers, &rules.figures, &matcher, lang)
        .into_iter()
        .map(|c| text[numbers[c.number].span.clone()].to_string())
        .collect()
}

/// (figure id, number as written) for each claim in `text` under `rules`.
fn claims_under(rules: &str, text: &str) -> Vec<(String, String)> {
    let rules = Rules::parse(rules, Path::new("rules.toml")).expect("test rules parse");
    let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
    let numbers = recognise(text, Lang::En);
    attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En)
        .into_iter()
        .map(|c| {
            let id = rules.figures[c.figure].id.clone();
            (id, text[numbers[c.number].span.clone()].to_string())
        })
        .collect()
}

fn claim(id: &str, found: &str) -> (String, String) {
    (id.to_string(), found.to_string())
}

#[test]
fn subjects_match_case_insensitively_across_any_whitespace() {
    assert_eq!(
        claims("DEATHS  IN\nCUSTODY reached 367."),
        vec![claim("deaths", "367")]
    );
}

#[test]
fn subjects_match_whole_words_only() {
    assert_eq!(claims("The payments of 300 were late."), vec![]);
    assert_eq!(claims("Shareholders rose to 40%."), vec![]);
    // An inflection is the same word: `shares` for `share`.
    assert_eq!(claims("Shares rose to 40%."), vec![claim("share", "40%")]);
}

#[test]
fn a_number_beyond_the_window_is_not_attributed() {
    assert_eq!(
        claims("367 prisoners, according to several of the groups that keep such lists, died in custody."),
        vec![]
    );
}

#[test]
fn numbers_in_another_sentence_are_not_attributed() {
    assert_eq!(
        claims("Many died in custody. The report counted 367."),
        vec![]
    );
}

#[test]
fn the_nearest_number_is_claimed_and_only_one() {
    assert_eq!(
        claims("Of 900 detainees held in 2023, 367 died in custody."),
        vec![claim("deaths", "367")]
    );
}

#[test]
fn two_equally_near_numbers_are_unclear() {
    // 350 and 400 both stand right next to the subject, with no punctuation between.
    assert_eq!(
        claims("Some 350 died in custody 400 in all, the joke went."),
        vec![]
    );
    // Punctuation breaks the tie: the number in the same clause wins.
    assert_eq!(
        claims("350 died in custody, 367 in all."),
        vec![claim("deaths", "350")]
    );
}

#[test]
fn units_must_fit() {
    assert_eq!(claims("A payment of 6,000 people."), vec![]);
    assert_eq!(
        claims("A payment of $6 million."),
        vec![claim("payment", "$6 million")]
    );
    assert_eq!(claims("Their share was 27 people."), vec![]);
    assert_eq!(claims("Their share was 27%."), vec![claim("share", "27%")]);
    assert_eq!(claims("Deaths in custody rose 4% in 2023."), vec![]);
    assert_eq!(claims("Deaths in custody cost $6 million."), vec![]);
}

#[test]
fn a_count_of_whole_things_takes_no_fraction() {
    // Every value of `deaths` is whole: 25.5 is no number of deaths.
    assert_eq!(claims("Deaths in custody stood at 25.5 last year."), vec![]);
    assert_eq!(
        claims("Deaths in custody stood at 255 last year."),
        vec![claim("deaths", "255")]
    );
    // A scale word makes a written fraction whole.
    assert_eq!(
        claims("Police said 1.5 million were arrested."),
        vec![claim("arrests", "1.5 million")]
    );
    // A count whose own values have fractions (an average) takes one.
    let average = "[[figure]]\nid = \"per-boat\"\nname = \"People per boat\"\nsubjects = [\"people per boat\"]\ncanonical = 53.2\n";
    assert_eq!(
        claimed_under(average, "There were 53.2 people per boat on average."),
        ["53.2"]
    );
}

#[test]
fn a_rate_figure_takes_a_bare_number_but_not_a_headcount() {
    assert_eq!(
        claims("The homicide rate was 1.9."),
        vec![claim("rate", "1.9")]
    );
    assert_eq!(
        claims("The homicide rate fell as 105,000 were arrested."),
        vec![claim("arrests", "105,000")]
    );
}

#[test]
fn a_number_counting_another_noun_is_not_attributed() {
    assert_eq!(
        claims("After the storm, 40,000 lost power and deaths in custody went unreported."),
        vec![]
    );
    assert_eq!(
        claims("Of the 261 deportees, none has died in custody."),
        vec![]
    );
}

#[test]
fn a_counted_noun_that_is_the_subject_of_the_phrase_is_attributed() {
    assert_eq!(
        claims("261 detainees have died in custody."),
        vec![claim("deaths", "261")]
    );
    assert_eq!(
        claims("367 Salvadoran prisoners have reportedly died in custody."),
        vec![]
    );
    assert_eq!(
        claims("367 recorded deaths in custody."),
        vec![claim("deaths", "367")]
    );
}

#[test]
fn a_number_in_another_clause_is_not_attributed() {
    assert_eq!(
        claims("Remittances reached $6 million a week, and the payment was late."),
        vec![]
    );
    assert_eq!(
        claims("We counted 367 graves; deaths in custody are rising."),
        vec![]
    );
    assert_eq!(
        claims("Arrests slowed, but police have arrested 85,000 people."),
        vec![claim("arrests", "85,000")]
    );
}

#[test]
fn commas_and_dashes_alone_do_not_separate_clauses() {
    assert_eq!(
        claims("Deaths in custody—367 of them—went unexplained."),
        vec![claim("deaths", "367")]
    );
    assert_eq!(
        claims("The payment, $6 million, was made."),
        vec![claim("payment", "$6 million")]
    );
}

#[test]
fn a_change_construction_claims_both_numbers() {
    assert_eq!(
        claims("The homicide rate fell from 38 in 2019 to 1.9 in 2024."),
        vec![claim("rate", "38"), claim("rate", "1.9")]
    );
    assert_eq!(
        claims("The homicide rate, 38 in 2019, fell to 1.9 in 2024."),
        vec![claim("rate", "38"), claim("rate", "1.9")]
    );
}

#[test]
fn the_value_a_change_started_from_is_claimed_after_the_first_value_s_time() {
    // "X in <time>, up from Y": the earlier value, after the later one's
    // own time; a bare "from" after a verb of change; "compared with".
    for text in [
        "The share rose to 29% in October 2024, up from 27% in September.",
        "The share fell to 27% in the year to May, down from 29% a month before.",
        "The share increased to 29% in July, from 27% in June.",
        "The share was 29% in July, compared with 27% in June.",
    ] {
        let mut found = claims(text);
        found.sort();
        assert_eq!(
            found,
            vec![claim("share", "27%"), claim("share", "29%")],
            "{text}"
        );
    }
}

#[test]
fn a_verb_of_change_reaches_back_to_a_long_subject() {
    // Ten words between the subject and the number: beyond the window of 8,
    // but "rose to" takes the subject the sentence opened with.
    assert_eq!(
        claims("The deaths in custody recorded by the three largest rights groups in the country rose to 376."),
        vec![claim("deaths", "376")]
    );
    // Must not fire: no verb of change, or a clause break between.
    assert_eq!(
        claims("The deaths in custody recorded by the three largest rights groups in the country include 376."),
        vec![]
    );
    assert_eq!(
        claims("The deaths in custody recorded by the three largest rights groups went unreported; prices rose to 376."),
        vec![]
    );
}

#[test]
fn without_a_change_construction_a_second_number_is_not_claimed() {
    assert_eq!(
        claims("The homicide rate was 1.9, and 40 officers were promoted."),
        vec![claim("rate", "1.9")]
    );
    // A bare "from" with no verb of change names where, not what before;
    // a clause break ends the reach.
    for text in [
        "The share was 29% in 2024, from 27 regions polled.",
        "The share was 29% in July; from 27% more was expected.",
    ] {
        assert_eq!(claims(text), vec![claim("share", "29%")], "{text}");
    }
}

#[test]
fn a_number_goes_to_the_figure_whose_subject_is_nearest() {
    assert_eq!(
        claims("As deaths in custody mounted, police have arrested 85,000 people."),
        vec![claim("arrests", "85,000")]
    );
}

#[test]
fn a_tie_between_figures_attributes_to_neither() {
    let rules = r#"
[[figure]]
id = "a"
name = "A"
subjects = ["detainees"]
canonical = 1
[[figure]]
id = "b"
name = "B"
subjects = ["inmates"]
canonical = 2
"#;
    let rules = Rules::parse(rules, Path::new("rules.toml")).unwrap();
    let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
    let text = "Inmates 400 detainees.";
    let numbers = recognise(text, Lang::En);
    assert_eq!(
        attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En),
        vec![]
    );
}

#[test]
fn a_year_is_tied_when_it_follows_or_opens_the_sentence() {
    let year_of = |text: &str, needle: &str| {
        let numbers = recognise(text, Lang::En);
        let n = numbers
            .iter()
            .find(|n| &text[n.span.clone()] == needle)
            .unwrap();
        tied_year(text, &(0..text.len()), n).map(|y| y.year)
    };
    assert_eq!(year_of("The rate was 2.4 in 2023.", "2.4"), Some(2023));
    assert_eq!(year_of("The rate was 2.4 (2023).", "2.4"), Some(2023));
    assert_eq!(year_of("In 2023, the rate was 2.4.", "2.4"), Some(2023));
    assert_eq!(
        year_of("In March 2025, 238 men were flown out.", "238"),
        Some(2025)
    );
    assert_eq!(year_of("367 have died since 2022.", "367"), None);
    assert_eq!(year_of("The rate was 2.4, as it was in 2023.", "2.4"), None);
    assert_eq!(year_of("By 2024 the rate was 1.9.", "1.9"), None);
}

#[test]
fn a_year_that_names_the_figure_with_its_subject_ties_the_claim() {
    let year_of = |text: &str| {
        let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
        let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
        let numbers = recognise(text, Lang::En);
        let claims = attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En);
        assert_eq!(claims.len(), 1, "{text}: {claims:?}");
        claims[0].year.map(|y| y.year)
    };
    assert_eq!(year_of("The 2024 homicide rate was 2.4."), Some(2024));
    assert_eq!(year_of("2023's homicide rate was 1.9."), Some(2023));
    assert_eq!(year_of("The homicide rate for 2024 was 2.4."), Some(2024));
    assert_eq!(
        year_of("Its 2023 annual homicide rate was 1.9."),
        Some(2023)
    );
    // Must not fire: a year a preposition makes a time, or one an article
    // parts from the phrase.
    assert_eq!(year_of("Since 2022 the homicide rate fell to 1.9."), None);
    assert_eq!(year_of("Since 2022 homicide rate figures show 1.9."), None);
    assert_eq!(
        year_of("After a long decline that began well before 2015 the homicide rate was 1.9."),
        None
    );
}

#[test]
fn last_year_is_kept_to_be_read_against_the_draft_s_date() {
    let relative = |text: &str| {
        let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
        let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
        let numbers = recognise(text, Lang::En);
        let claims = attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En);
        assert_eq!(claims.len(), 1, "{text}: {claims:?}");
        claims[0]
            .relative_year
            .map(|r| (r.offset, text[r.start..r.end].to_string()))
    };
    assert_eq!(
        relative("Last year 367 people died in custody."),
        Some((-1, "Last year".into()))
    );
    assert_eq!(
        relative("Police have arrested 85,000 people last year."),
        Some((-1, "last year".into()))
    );
    // Must not fire: a year of its own wins; "this year" is mostly the year
    // so far; past a mark, "last year" speaks of something else.
    assert_eq!(
        relative("Last year, in 2023, 367 people died in custody."),
        None
    );
    assert_eq!(relative("This year 367 people died in custody."), None);
    assert_eq!(
        relative("Police have arrested 85,000 people, more than last year."),
        None
    );
}

#[test]
fn a_subject_inside_the_word_after_a_number_does_not_panic() {
    // Found by the property tests: `𐹵` is a numeral, so `𐹵died` reads as one word.
    // `𐹵` is a numeral, a word character: `died` is not a whole word here.
    assert_eq!(claims("/4𐹵died in custody"), vec![]);
    let _ = claims("4𐹵died in custody, 367 died in custody.");
}

#[test]
fn whole_words_hold_in_any_script() {
    assert_eq!(claims("Las deaths in custodyé reached 367."), vec![]);
    assert_eq!(claims("Ñdeaths in custody reached 367."), vec![]);
    assert_eq!(
        claims("“Deaths in custody” reached 367."),
        vec![claim("deaths", "367")]
    );
}

#[test]
fn an_aside_lends_its_subject_to_nothing_outside() {
    // Must not fire: the subject is in a bracketed note, a parenthesis or a
    // dash-set aside, and the number outside it.
    assert_eq!(
        claims("The report [which says police have arrested gang members] lists 58,000."),
        vec![]
    );
    assert_eq!(
        claims("The report (police have arrested dozens) lists 58,000."),
        vec![]
    );
    assert_eq!(
        claims("The report — police have arrested dozens — lists 58,000."),
        vec![]
    );
    // Nor the other way: a number inside an aside, the subject outside.
    assert_eq!(
        claims("Police have arrested many (the ministry met 58,000 times) this year."),
        vec![]
    );
    // Must fire: both inside the same aside, or an apposition that opens with the number.
    assert_eq!(
        claims("The report (police have arrested 58,000) was late."),
        vec![claim("arrests", "58,000")]
    );
    assert_eq!(
        claims("Deaths in custody (367 by March) went unexplained."),
        vec![claim("deaths", "367")]
    );
    assert_eq!(
        claims("Deaths in custody — then just 261 — went unexplained."),
        vec![claim("deaths", "261")]
    );
}

#[test]
fn a_small_number_word_must_count_the_subject() {
    assert_eq!(
        claims("Three people died in custody."),
        vec![claim("deaths", "Three")]
    );
    // Must not fire: a small number word elsewhere in the sentence.
    assert_eq!(
        claims("Three guards said 367 died in custody."),
        vec![claim("deaths", "367")]
    );
    assert_eq!(
        claims("Deaths in custody were discussed by five ministers."),
        vec![]
    );
}

#[test]
fn a_difference_after_a_verb_of_change_is_not_the_level() {
    // Must not fire: the number is by how much the count changed.
    assert_eq!(
        claims("Deaths in custody rose by 23 between 2022 and 2023."),
        vec![]
    );
    assert_eq!(
        claims("The number of people who were arrested went up by 5,000."),
        vec![]
    );
    assert_eq!(
        claimed_under_in(
            "[settings]\nlang = \"es\"\n[[figure]]\nid = \"d\"\nname = \"Muertes\"\nsubjects = [\"muertes bajo custodia\"]\ncanonical = 367\n",
            "Las muertes bajo custodia aumentaron en 23 el año pasado.",
            Lang::Es
        ),
        Vec::<String>::new()
    );
    // Must fire: the level the count reached, and a change that is the figure.
    assert_eq!(
        claims("Deaths in custody rose to 367."),
        vec![claim("deaths", "367")]
    );
    let change = "[[figure]]\nid = \"change\"\nname = \"Change in arrests\"\nsubjects = [\"arrests rose by\"]\ncanonical = 5000\n";
    assert_eq!(
        claimed_under(change, "Arrests rose by 5,000 last year."),
        ["5,000"]
    );
}

#[test]
fn a_part_or_an_increment_is_not_the_total() {
    // Must not fire.
    assert_eq!(claims("Eight more detainees died in custody."), vec![]);
    assert_eq!(claims("A further 12 detainees died in custody."), vec![]);
    assert_eq!(
        claims("The remains of 74 people who died in custody have been identified."),
        vec![]
    );
    assert_eq!(
        claims("Officials released the names of 40 people who died in custody."),
        vec![]
    );
    assert_eq!(
        claims("Of 300 people identified, none died in custody."),
        vec![]
    );
    assert_eq!(claims("Police have arrested 1,190 children."), vec![]);
    assert_eq!(claims("Three detainees have not died in custody."), vec![]);
    assert_eq!(claims("367 detainees never died in custody."), vec![]);
    // Must fire: the whole a part is taken from, and the count itself.
    assert_eq!(
        claims("Only three of the 367 who died in custody have been identified."),
        vec![claim("deaths", "367")]
    );
    assert_eq!(
        claims("Police have arrested 85,000 people."),
        vec![claim("arrests", "85,000")]
    );
}

#[test]
fn a_status_the_figure_itself_counts_is_no_subset_of_it() {
    let rules = r#"
[[figure]]
id = "recovered"
name = "Bodies recovered from the mine"
subjects = ["bodies"]
canonical = 31

[[figure]]
id = "unidentified"
name = "Miners not yet identified"
subjects = ["miners", "yet to be identified"]
canonical = 9
"#;
    // Must fire: the figure's name says "recovered".
    assert_eq!(
        claims_under(rules, "31 bodies were recovered on Sunday."),
        vec![claim("recovered", "31")]
    );
    // Must not fire: a status the figure does not name is a subset, and
    // one the figure turns round ("not yet identified") counts the others.
    assert_eq!(
        claims_under(rules, "31 bodies were identified on Sunday."),
        vec![]
    );
    assert_eq!(
        claims_under(rules, "22 miners have been identified."),
        vec![]
    );
}

#[test]
fn a_participle_that_only_describes_the_counted_noun() {
    // Must not fire: "people arrested … are held" counts those held.
    let rules = r#"
[[figure]]
id = "killed"
name = "Killed"
subjects = ["killed"]
canonical = 72
"#;
    let rules = Rules::parse(rules, Path::new("rules.toml")).unwrap();
    let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
    let attributed = |text: &str| {
        let numbers = recognise(text, Lang::En);
        attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En).len()
    };
    assert_eq!(
        attributed("115 people killed in the fire have been identified."),
        0
    );
    // Must fire: the participle is the verb of the clause.
    assert_eq!(attributed("The fire killed 72 people."), 1);
    assert_eq!(attributed("72 people were killed in the fire."), 1);
    // Must not fire: the subject is said of another, named event.
    assert_eq!(
        attributed("It surpassed Katrina, which killed about 1,800 people."),
        0
    );
    // Must fire: a relative clause about the figure's own subject.
    assert_eq!(attributed("It was a fire that killed 72 people."), 1);
    // Must fire: a participle right after the number, before the phrase's
    // noun, describes the noun counted ("67 confirmed human cases").
    let cases = r#"
[[figure]]
id = "cases"
name = "Human cases"
subjects = ["confirmed cases", "human cases"]
canonical = 70
"#;
    assert_eq!(
        claimed_under(cases, "67 confirmed human cases were reported."),
        ["67"]
    );
    // Must not: one right after the number with a preposition after it.
    assert_eq!(
        attributed("115 killed in the fire have been identified."),
        0
    );
}

#[test]
fn a_rate_takes_a_bare_number_only_where_the_subject_says_rate() {
    let rules = r#"
[[figure]]
id = "rate"
name = "Homicide rate"
subjects = ["homicide rate", "homicides"]
unit = "rate"
canonical = 1.9
"#;
    let found = |text: &str| claimed_under(rules, text);
    assert_eq!(found("The homicide rate was 1.9."), vec!["1.9"]);
    assert_eq!(
        found("There were 1.9 homicides per 100,000 people."),
        vec!["1.9 homicides per 100,000 people"]
    );
    // Must not fire: a count of homicides is no rate.
    assert_eq!(
        found("Police recorded 114 homicides."),
        Vec::<String>::new()
    );
}

#[test]
fn a_sentence_that_points_back_takes_the_previous_figure() {
    assert_eq!(
        claims("Many have died in custody. The figure stands at 376."),
        vec![claim("deaths", "376")]
    );
    assert_eq!(
        claims("Many have died in custody. Cristosal puts the number at 367."),
        vec![claim("deaths", "367")]
    );
    // Must not fire: no pointing phrase, another quantity, a blank line
    // between, or two figures named before.
    assert_eq!(
        claims("Many have died in custody. Officials counted 376."),
        vec![]
    );
    assert_eq!(
        claims("Many have died in custody. The number of guards is 376."),
        vec![]
    );
    assert_eq!(
        claims("Many have died in custody.\n\nThe figure stands at 376."),
        vec![]
    );
    assert_eq!(
        claims("Many have died in custody and police have arrested many. The figure is 376."),
        vec![]
    );
}

/// (figure, number, tier) of each claim in `text`, written in `lang`, under
/// the rules `toml`.
fn tiers_under(toml: &str, text: &str, lang: Lang) -> Vec<(String, String, tier::Tier)> {
    let rules = Rules::parse(toml, Path::new("rules.toml")).unwrap();
    let matcher = SubjectMatcher::new(&rules.figures, lang);
    let numbers = recognise(text, lang);
    attribute(text, &[], &numbers, &rules.figures, &matcher, lang)
        .into_iter()
        .map(|c| {
            let n = &text[numbers[c.number].span.clone()];
            (rules.figures[c.figure].id.clone(), n.to_string(), c.tier)
        })
        .collect()
}

#[test]
fn the_paragraph_s_topic_reaches_a_few_sentences_and_a_pronoun_weakly() {
    let tiers = |text: &str| tiers_under(RULES, text, Lang::En);
    // The sentence before names no figure: the one before that does.
    let found =
        tiers("Many have died in custody. Families wait for news. The figure stands at 376.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("deaths", "376")
    );
    assert!(found[0].2 <= tier::Tier::Likely, "{found:?}");
    // A pronoun for the topic, right after it, with or without an adverb.
    let found = tiers("Deaths in custody keep rising. It currently stands at 376.");
    assert_eq!(found.len(), 1, "{found:?}");
    let found = tiers("The toll of deaths in custody rose to 376. Previously, it stood at 367.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1, "367");
    assert!(found[1].2 <= tier::Tier::Likely, "{found:?}");
    // Must not fire: past the reach, past a blank line, or a pronoun with
    // no verb of standing or change.
    let far = "Many have died in custody. One. Two. Three. Four. The figure stands at 376.";
    assert_eq!(tiers(far), vec![]);
    assert_eq!(
        tiers("Many have died in custody. Families wait.\n\nThe figure stands at 376."),
        vec![]
    );
    assert_eq!(
        tiers("Many have died in custody. Previously, it took 376 days."),
        vec![]
    );
}

/// The evidence of the one claim in `text`.
fn evidence(text: &str) -> tier::Evidence {
    evidence_under(RULES, text, Lang::En)
}

/// The evidence of the one claim in `text`, written in `lang`, under the
/// rules `toml`.
fn evidence_under(toml: &str, text: &str, lang: Lang) -> tier::Evidence {
    let rules = Rules::parse(toml, Path::new("rules.toml")).expect("test rules parse");
    let matcher = SubjectMatcher::new(&rules.figures, lang);
    let numbers = recognise(text, lang);
    let claims = attribute(text, &[], &numbers, &rules.figures, &matcher, lang);
    assert_eq!(claims.len(), 1, "{text}: {claims:?}");
    claims[0].evidence
}

#[test]
fn a_day_or_a_part_is_evidence_only_where_it_speaks_of_the_number() {
    // Before the number in its clause, or right after it: the number counts
    // a day's events, or a part.
    for text in [
        "Yesterday, 40 people were arrested in the capital.",
        "Police say 40 people were arrested yesterday.",
        "On Sunday alone, 40 people were arrested.",
    ] {
        assert!(evidence(text).narrow_time, "{text}");
    }
    for text in [
        "In April alone, 12 people died in custody.",
        "Of them, 12 people died in custody.",
        "Some 12 of these deaths in custody were in April.",
        "The total includes 12 people who died in custody in the west.",
    ] {
        let e = evidence(text);
        assert!(e.part, "{text}: {e:?}");
    }
    // Past a mark, the cue speaks of something else: when a source spoke,
    // or the whole the number is.
    for text in [
        "Police have arrested 58,000 people since March 2022, the minister told lawmakers on Tuesday.",
        "In all, 367 people have died in custody, of whom 40 were women.",
        "In all, 367 people have died in custody - an average of 10 a day.",
        "Since March 2022, 367 people have died in custody, many of them in the west.",
    ] {
        let e = evidence(text);
        assert!(!e.narrow_time && !e.part, "{text}: {e:?}");
    }
}

#[test]
fn a_day_beside_a_total_that_rose_to_the_number_dates_it() {
    // Must: the day says when the total rose; it bounds no count.
    for text in [
        "Deaths in custody rose to 367 on Friday.",
        "On Friday, deaths in custody had risen to at least 367.",
    ] {
        let e = evidence(text);
        assert!(!e.narrow_time, "{text}: {e:?}");
    }
    // Must not: a count of the day's events, with or without "a total of".
    for text in [
        "On Friday, 40 people were arrested.",
        "A total of 40 people were arrested on Friday.",
        "Police said on Friday that 40 people were arrested.",
    ] {
        let e = evidence(text);
        assert!(e.narrow_time, "{text}: {e:?}");
    }
}

#[test]
fn a_place_the_figure_names_is_no_part_of_it() {
    const REGION: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths in the fires of the Valparaíso region"
subjects = ["deaths"]
subjects_es = ["fallecidos"]
canonical = 138
"#;
    // Must: the place is the figure's own, in either language.
    for (text, lang) in [
        (
            "Deaths counted in the region of Valparaíso rose to 131.",
            Lang::En,
        ),
        (
            "Ascienden a 131 los fallecidos en la región de Valparaíso.",
            Lang::Es,
        ),
        (
            "Ascienden a 131 los fallecidos en la región chilena de Valparaíso.",
            Lang::Es,
        ),
    ] {
        let e = evidence_under(REGION, text, lang);
        assert!(!e.part, "{text}: {e:?}");
    }
    // Must not: another place, or a part that is not a place ("each").
    for (text, lang) in [
        (
            "Deaths counted in the region of Biobío rose to 12.",
            Lang::En,
        ),
        (
            "Ascienden a 12 los fallecidos en la región de Biobío.",
            Lang::Es,
        ),
        ("Each town in Valparaíso counted 12 deaths.", Lang::En),
    ] {
        let e = evidence_under(REGION, text, lang);
        assert!(e.part, "{text}: {e:?}");
    }
}

#[test]
fn a_running_total_speaks_of_its_own_number_only() {
    // "bringing the total to …" speaks of the total after the comma, not
    // of the day's count before it; the day's word, of the day's count.
    let text = "Yesterday, 40 people were arrested, bringing the total to 85,000.";
    let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
    let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
    let numbers = recognise(text, Lang::En);
    let found = attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En);
    assert_eq!(found.len(), 2, "{found:?}");
    let day = &found[0].evidence;
    assert!(day.narrow_time && !day.running_total, "{day:?}");
    assert_eq!(&text[numbers[found[1].number].span.clone()], "85,000");
    let total = &found[1].evidence;
    assert!(!total.narrow_time && total.running_total, "{total:?}");
    assert_eq!(found[1].tier, tier::Tier::Firm);
}

#[test]
fn a_verb_pointing_at_the_total_names_the_sentence_s_figure() {
    // Must fire: the figure its sentence names, or the paragraph before's.
    for (text, number) in [
        ("Police have arrested 40 people, bringing the total to 85,000.", "85,000"),
        ("Police have arrested 40 people – taking the provisional total for the year to 85,000.", "85,000"),
        (
            "In all, 84,960 people were arrested last year.\n\nOn Sunday police held 40 more, taking the total to 85,000.",
            "85,000",
        ),
    ] {
        assert!(claims(text).contains(&claim("arrests", number)), "{text}: {:?}", claims(text));
    }
    // Must not fire: the total of something else, two figures named, a
    // pointer two paragraphs from its figure, or no pointing verb across a
    // paragraph break.
    for text in [
        "Police have arrested 40 people, bringing the total number of guards to 85,000.",
        "Police have arrested 40 people and 3 died in custody, bringing the total to 85,000.",
        "In all, 84,960 people were arrested.\n\nFamilies waited.\n\nThat took the total to 85,000.",
        "In all, 84,960 people were arrested.\n\nThe total stands at 85,000.",
    ] {
        assert!(
            !claims(text).iter().any(|c| c.1 == "85,000"),
            "{text}: {:?}",
            claims(text)
        );
    }
}

#[test]
fn a_word_of_time_after_the_number_counts_nothing_else() {
    let rules = r#"
[[figure]]
id = "muertes"
name = "Muertes por el terremoto"
subjects = ["death toll"]
subjects_es = ["número de muertos"]
canonical = 1700
"#;
    let found = |text: &str| claimed_under_in(rules, text, Lang::Es);
    // "después de", "antes de", "luego de" after the number start a phrase
    // of time, as "tras" does: the number still counts the dead.
    for text in [
        "El número de muertos aumentó a 1.700 después de que se hallaran más cuerpos.",
        "El número de muertos llegó a 1.700 antes de la noche.",
        "El número de muertos subió a 1.700 luego de nuevas búsquedas.",
    ] {
        assert_eq!(found(text), ["1.700"], "{text}");
    }
    // Must not fire: a noun right after the number is what it counts.
    assert_eq!(
        found("El número de muertos aumentó tras hallarse 1.700 cuerpos más."),
        Vec::<String>::new()
    );
}

#[test]
fn a_spanish_verb_pointing_at_the_figure_names_the_sentence_s_figure() {
    let rules = r#"
[[figure]]
id = "muertes"
name = "Muertes bajo custodia"
subjects = ["died in custody"]
subjects_es = ["murieron bajo custodia"]
canonical = 376
"#;
    let found = |text: &str| claimed_under_in(rules, text, Lang::Es);
    assert_eq!(
        found("Ayer murieron bajo custodia 4 personas, elevando la cifra a 376."),
        ["4", "376"]
    );
    // A verb of change in the present, two words before `a`: the subject
    // the sentence opened with, however long.
    assert_eq!(
        found("La cifra de los que murieron bajo custodia en las cárceles del país se eleva por ahora a 376."),
        ["376"]
    );
    // Must not fire: "la cifra de" names another quantity.
    assert_eq!(
        found("Ayer murieron bajo custodia 4 personas, elevando la cifra de guardias a 376."),
        ["4"]
    );
}

#[test]
fn a_phrase_written_round_its_number_claims_that_number_only() {
    const DESTROYED: &str = r#"
[[figure]]
id = "destroyed"
name = "Structures destroyed in the Palisades and Eaton fires"
subjects = ["structures destroyed"]
canonical = 16251
"#;
    let found = |text: &str| claimed_under(DESTROYED, text);
    assert_eq!(
        found("The fires destroyed nearly 16,000 structures."),
        ["16,000"]
    );
    assert_eq!(
        found("The fires destroyed a total of 16,000 structures."),
        ["16,000"]
    );
    assert_eq!(
        found("The two fires killed 29 people and destroyed 16,251 structures."),
        ["16,251"]
    );
    // Must not fire: one of the parts the figure's name joins (either way
    // round).
    assert_eq!(
        found("The Palisades fire destroyed 6,837 structures."),
        Vec::<String>::new()
    );
    assert_eq!(
        found("In the Eaton fire, 9,418 structures destroyed were homes."),
        Vec::<String>::new()
    );
    assert_eq!(
        found("The Palisades and Eaton fires destroyed 16,251 structures."),
        ["16,251"]
    );
}

#[test]
fn a_spaced_dash_ends_what_a_number_counts() {
    // Must fire: the number after "to" is the total, whatever follows the dash.
    for dash in ["-", "\u{2011}"] {
        let text = format!("Deaths in custody rose to 367 {dash} some 12 in a week.");
        assert!(claims(&text).contains(&claim("deaths", "367")), "{text}");
    }
    // Must not fire: a hyphen joined to the number makes a compound.
    assert_eq!(claims("Deaths in custody rose at 367-bed prisons."), vec![]);
}

#[test]
fn an_aside_between_number_and_subject_adds_no_distance() {
    // Must fire: the aside's words are not counted.
    assert_eq!(
        claims("In all, 367 people – as many as live in a small village near the coast – have died in custody."),
        vec![claim("deaths", "367")]
    );
    // Must not fire: the same words outside an aside are too many.
    assert_eq!(
        claims("In all, 367 people who lived in a small village near the old coast road have since died in custody."),
        vec![]
    );
}

#[test]
fn a_number_binds_to_the_verb_its_counted_noun_is_the_subject_of() {
    const CONFIRMED: &str = r#"
[[figure]]
id = "dead"
name = "Storm deaths"
subjects = ["confirmed dead"]
canonical = 95
"#;
    let found = |text: &str| claimed_under(CONFIRMED, text);
    // Must fire: the counted noun is the verb's subject, whatever follows
    // (another number's clause, a verb of that number's, a place phrase).
    for text in [
        "Officials said 95 people are confirmed dead and 26 remain missing.",
        "95 people are confirmed dead and 26 were hurt.",
        "More than 95 people across six states have been confirmed dead.",
    ] {
        assert_eq!(found(text), ["95"], "{text}");
    }
    assert_eq!(
        claims("Officials said 95 people were arrested and 26 were released."),
        vec![claim("arrests", "95")]
    );
    // Must not fire: a number inside a phrase of its own, a participle
    // that only describes the counted noun, a status of a subset.
    assert_eq!(
        found("In six states, many are confirmed dead."),
        Vec::<String>::new()
    );
    assert_eq!(
        found("95 people confirmed dead have been identified."),
        Vec::<String>::new()
    );
    assert_eq!(
        claims("Officials said 26 were released and 95 people were arrested."),
        vec![claim("arrests", "95")]
    );
}

#[test]
fn a_condition_is_no_claim_to_judge() {
    let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
    let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
    for (text, judged) in [
        ("If the homicide rate is 3, more will leave.", false),
        ("Unless the homicide rate is 3, nothing changes.", false),
        ("The homicide rate is 3, officials said.", true),
    ] {
        let numbers = recognise(text, Lang::En);
        let claims = attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En);
        assert_eq!(claims.len(), 1, "{text}");
        assert_eq!(claims[0].modality.is_judged(), judged, "{text}");
    }
}

#[test]
fn a_running_total_and_a_bounded_period_are_read_in_the_clause() {
    for text in [
        "The toll of deaths in custody rose to 367 on Sunday.",
        "So far, 367 people have died in custody.",
        "Officials have confirmed 367 deaths in custody.",
    ] {
        assert!(evidence(text).running_total, "{text}");
    }
    for text in [
        "Since Bukele took office, 367 people have died in custody.",
        "Since the Labour Government took power, 367 people have died in custody.",
        "Since President Bukele, 367 people have died in custody.",
        "Under President Bukele, 367 people have died in custody.",
        "Between March 5 and June 30, 367 people died in custody.",
        "In the first months, 367 people died in custody.",
    ] {
        assert!(evidence(text).period, "{text}");
    }
    // Spanish: a term of office bounds a period; the figure's own start does not.
    let es = cues::of(Lang::Es).period;
    assert!(es.is_match("desde que el presidente asumió el cargo"));
    assert!(es.is_match("entre enero y marzo"));
    assert!(!es.is_match("desde que comenzó el régimen de excepción"));
    assert!(!es.is_match("se cumple un año desde que el fuego arrasó la ciudad"));
    // The figure's own years, and a year or a month, bound no other period;
    // nor does a state of affairs ("under the state of exception").
    for text in [
        "Under the state of exception, 367 people have died in custody.",
        "Since 2022, 367 people have died in custody.",
        "In 2024, 367 people died in custody.",
        "367 people have died in custody since March 2022.",
    ] {
        let e = evidence(text);
        assert!(!e.period && !e.narrow_time, "{text}: {e:?}");
    }
}

#[test]
fn a_count_named_as_the_whole_of_a_share_takes_no_number_beside_it() {
    // "66% of the deaths in custody": the figure is the whole, and 244 a
    // part of it.
    assert_eq!(
        claims("Police counted 244 men, 66% of the deaths in custody."),
        vec![]
    );
    assert_eq!(
        claims("Some 183, half of all deaths in custody, were never tried."),
        vec![]
    );
    // Not a share before the subject: the count is its claim.
    assert_eq!(
        claims("Police counted 367 deaths in custody, 66% of them men."),
        vec![("deaths".to_string(), "367".to_string())]
    );
    // A percentage is named after its share: still the share's claim.
    assert_eq!(
        claims("About 27% of the share went abroad."),
        vec![("share".to_string(), "27%".to_string())]
    );
    let es = cues::of(Lang::Es).share_before;
    assert!(es.is_match("unas 4.000 mujeres, el 3% de la "));
    assert!(es.is_match("la mitad de los "));
    assert!(!es.is_match("unas 4.000 mujeres de la "));
    let en = cues::of(Lang::En).share_before;
    assert!(en.is_match("3 per cent of the "));
    assert!(!en.is_match("4,000 of the "));
}

#[test]
fn a_sentence_opening_with_its_whole_makes_the_numbers_after_it_parts() {
    // 367 is the whole, named in the opening; 330 is a part of it.
    assert_eq!(
        claims("Of the 367 who died in custody, 330 were men."),
        vec![("deaths".to_string(), "367".to_string())]
    );
    assert_eq!(
        claims("Among those who were arrested, 3,000 were later released."),
        vec![]
    );
    // Not an opening whole: "of course", or the subject after the comma.
    assert_eq!(
        claims("Of course, 367 people have died in custody."),
        vec![("deaths".to_string(), "367".to_string())]
    );
    assert_eq!(
        claims("Of the prisons, Izalco is the largest, and 367 people have died in custody."),
        vec![("deaths".to_string(), "367".to_string())]
    );
    let es = cues::of(Lang::Es).opening_whole;
    assert!(es.is_match("De los 367 muertos"));
    assert!(!es.is_match("Desde 2022"));
}

#[test]
fn a_longer_phrase_over_the_same_words_names_the_narrower_figure() {
    const STATES: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths from the storm"
subjects = ["people died"]
canonical = 250

[[figure]]
id = "sc-deaths"
name = "Deaths from the storm in South Carolina"
subjects = ["died in South Carolina"]
canonical = 50
"#;
    // Must: the phrase that runs on names the state's count.
    assert_eq!(
        claims_under(STATES, "Forty-nine people died in South Carolina."),
        [claim("sc-deaths", "Forty-nine")]
    );
    // Must not: the shorter phrase alone, or the longer one apart from it.
    assert_eq!(
        claims_under(STATES, "In all, 248 people died in the storm."),
        [claim("deaths", "248")]
    );
    assert_eq!(
        claims_under(STATES, "Some 248 people died; 49 died in South Carolina."),
        [claim("deaths", "248"), claim("sc-deaths", "49")]
    );
}

#[test]
fn a_day_after_a_word_of_the_figure_s_name_still_bounds_the_count() {
    const CROSSINGS: &str = r#"
[[figure]]
id = "crossings"
name = "People who crossed the Channel in small boats"
subjects = ["crossed the Channel"]
canonical = 36816
"#;
    // Must: the day counts the crossings, though "Channel" is in the name.
    let e = evidence_under(
        CROSSINGS,
        "Some 424 people crossed the Channel yesterday.",
        Lang::En,
    );
    assert!(e.narrow_time, "{e:?}");
    // Must not: a part word after the name still qualifies the name itself.
    let e = evidence_under(
        CROSSINGS,
        "Some 36,816 people crossed the Channel alone.",
        Lang::En,
    );
    assert!(!e.part, "{e:?}");
}

#[test]
fn a_place_after_a_number_counts_nothing_else() {
    // Must: "across", "nationwide" after the number say where, not what.
    for text in [
        "Deaths in custody rose to 367 across 20 prisons.",
        "Deaths in custody rose to 367 nationwide.",
        "Deaths in custody rose to 367 among men held without charge.",
    ] {
        assert_eq!(claims(text), [claim("deaths", "367")], "{text}");
    }
    // Must not: the number inside the place's own phrase.
    assert_eq!(
        claims("Deaths in custody across 20 prisons were counted."),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn a_verb_of_reaching_takes_a_subject_that_ran_long() {
    // Must: "has reached", "stands at" right before the number reach back
    // over a long subject, as a verb of change does.
    for text in [
        "Deaths in custody, according to the figures that the rights group published on Monday in its latest report, have now reached 367.",
        "Deaths in custody, according to the figures that the rights group published on Monday in its latest report, now stand at 367.",
    ] {
        assert_eq!(claims(text), [claim("deaths", "367")], "{text}");
    }
    let es = "Las muertes bajo custodia, según las cifras que la organización publicó el lunes en su último informe, alcanzan ya las 367.";
    assert_eq!(
        claimed_under_in(SPANISH_DEATHS, es, Lang::Es),
        ["367"],
        "{es}"
    );
    // Must not: a clause of its own in between, with its own subject.
    assert_eq!(
        claims("Deaths in custody were counted across the whole country in the years of the crackdown, when the prison population reached 40,000."),
        Vec::<(String, String)>::new()
    );
}

const SPANISH_DEATHS: &str = r#"
[settings]
lang = "es"

[[figure]]
id = "deaths"
name = "Muertes bajo custodia"
subjects = ["muertes bajo custodia"]
canonical = 367
"#;

/// (number as written, the year its claim is tied to) for each claim in
/// `text` under `rules`, read in `lang`.
fn claimed_years(rules: &str, text: &str, lang: Lang) -> Vec<(String, Option<i32>)> {
    let rules = Rules::parse(rules, Path::new("rules.toml")).expect("test rules parse");
    let matcher = SubjectMatcher::new(&rules.figures, lang);
    let numbers = recognise(text, lang);
    attribute(text, &[], &numbers, &rules.figures, &matcher, lang)
        .into_iter()
        .map(|c| {
            (
                text[numbers[c.number].span.clone()].to_string(),
                c.year.map(|y| y.year),
            )
        })
        .collect()
}

#[test]
fn a_series_of_values_by_year_gives_each_the_figure_and_its_own_year() {
    let tagged = |pairs: &[(&str, i32)]| -> Vec<(String, Option<i32>)> {
        pairs
            .iter()
            .map(|(n, y)| (n.to_string(), Some(*y)))
            .collect()
    };
    for text in [
        "Deaths in custody numbered 120 in 2021, 245 in 2022 and a record 367 in 2023.",
        "Deaths in custody numbered 120 in 2021, 245 in 2022, 367 in 2023.",
        "Deaths in custody rose to 120 in 2021, 245 in 2022 and then 367 in 2023.",
    ] {
        assert_eq!(
            claimed_years(RULES, text, Lang::En),
            tagged(&[("120", 2021), ("245", 2022), ("367", 2023)]),
            "{text}"
        );
    }
    // The first value tagged after the subject phrase that follows it, the
    // later ones after the words a Spanish list repeats.
    let es = "Las cifras son menores a las 367 muertes bajo custodia de 2023, a las 245 de 2022 y a las 120 de 2021.";
    assert_eq!(
        claimed_years(SPANISH_DEATHS, es, Lang::Es),
        tagged(&[("367", 2023), ("245", 2022), ("120", 2021)])
    );
    let es = "Hubo 367 muertes bajo custodia en 2023, 245 en 2022 y 120 en 2021.";
    assert_eq!(
        claimed_years(SPANISH_DEATHS, es, Lang::Es),
        tagged(&[("367", 2023), ("245", 2022), ("120", 2021)])
    );
}

#[test]
fn a_series_stops_where_the_pattern_breaks() {
    let only_367 = vec![("367".to_string(), Some(2023))];
    for text in [
        // Another noun counted, or a verb of its own: another quantity.
        "Deaths in custody reached 367 in 2023, and 12 prisons opened in 2024.",
        "Deaths in custody were 367 in 2023, while 85,000 people were released in 2024.",
        // No year of its own: a part, not the next value.
        "Deaths in custody reached 367 in 2023, 40 in a single month.",
        // An aside, or the same year again: not a series by year.
        "Deaths in custody were 367 in 2023 (245 in 2022).",
        "Deaths in custody were 367 in 2023, 40 in 2023 alone in one prison.",
    ] {
        assert_eq!(claimed_years(RULES, text, Lang::En), only_367, "{text}");
    }
    // A first value with no year right after it starts no series.
    assert_eq!(
        claimed_years(
            RULES,
            "Deaths in custody reached 367 since 2022, 120 in 2021.",
            Lang::En
        ),
        vec![("367".to_string(), None)]
    );
    let es = "Hubo 367 muertes bajo custodia en 2023, y 12 cárceles nuevas en 2024.";
    assert_eq!(claimed_under_in(SPANISH_DEATHS, es, Lang::Es), ["367"]);
}

#[test]
fn a_series_by_month_dates_each_value_at_its_own_month() {
    const CPI: &str = r#"
[[figure]]
id = "cpi"
name = "CPI inflation"
subjects = ["inflation rate"]
unit = "percent"
canonical = { value = 3.2, as_of = "2025-11" }
allowed = [{ value = 10.7, as_of = "2022-11" }, { value = 10.5, as_of = "2022-12" }]
"#;
    let anchored = |text: &str| -> Vec<(String, Option<String>)> {
        let rules = Rules::parse(CPI, Path::new("rules.toml")).expect("test rules parse");
        let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
        let numbers = recognise(text, Lang::En);
        attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En)
            .into_iter()
            .map(|c| {
                (
                    text[numbers[c.number].span.clone()].to_string(),
                    c.anchor.map(|a| a.date.to_string()),
                )
            })
            .collect()
    };
    let at = |pairs: &[(&str, &str)]| -> Vec<(String, Option<String>)> {
        pairs
            .iter()
            .map(|(n, d)| (n.to_string(), Some(d.to_string())))
            .collect()
    };
    assert_eq!(
        anchored("The inflation rate was 11.1% in October 2022, 10.7% in November 2022 and 10.5% in December 2022."),
        at(&[("11.1%", "2022-10"), ("10.7%", "2022-11"), ("10.5%", "2022-12")])
    );
    // Must not: a year after a month-tagged value is another kind of time,
    // and a month without the capital English writes it with is no month.
    assert_eq!(
        anchored("The inflation rate was 10.7% in November 2022, 4% in 2023."),
        at(&[("10.7%", "2022-11")])
    );
    assert_eq!(
        anchored("The inflation rate was 10.7% in November 2022, 4% in may be."),
        at(&[("10.7%", "2022-11")])
    );
}

#[test]
fn a_time_that_opens_the_sentence_dates_every_clause() {
    const TOLLS: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths"
subjects = ["people had died"]
canonical = { value = 52, as_of = "2024-01-10" }
allowed = [{ value = 45, as_of = "2023-10-30" }]

[[figure]]
id = "missing"
name = "Missing"
subjects = ["were missing"]
canonical = { value = 32, as_of = "2024-01-10" }
allowed = [{ value = 47, as_of = "2023-10-30" }]
"#;
    let anchored = |text: &str| -> Vec<(String, Option<String>)> {
        let rules = Rules::parse(TOLLS, Path::new("rules.toml")).expect("test rules parse");
        let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
        let numbers = recognise(text, Lang::En);
        attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::En)
            .into_iter()
            .map(|c| {
                let date = c.anchor.map(|a| a.date.to_string());
                (text[numbers[c.number].span.clone()].to_string(), date)
            })
            .collect()
    };
    let october = Some("2023-10-30".to_string());
    // Must: the clause after `while` names no time; the opening one is its.
    assert_eq!(
        anchored("On October 31, officials said 45 people had died, while 47 were missing."),
        [("45".into(), october.clone()), ("47".into(), october)]
    );
    // Must not: a clause after a semicolon, or one with its own opening
    // time, no opening time, or an opening too long to be one.
    assert_eq!(
        anchored("On October 31, officials said 45 people had died; 47 were missing."),
        [
            ("45".into(), Some("2023-10-30".to_string())),
            ("47".into(), None)
        ]
    );
    assert_eq!(
        anchored("On October 31, officials said 45 people had died, while a month later, 47 were missing."),
        [("45".into(), Some("2023-10-30".to_string())), ("47".into(), None)]
    );
    assert_eq!(
        anchored("Officials said 45 people had died, while 47 were missing."),
        [("45".into(), None), ("47".into(), None)]
    );
    assert_eq!(
        anchored("When the governor visited the coast again in October, officials said 45 people had died, while 47 were missing."),
        [("45".into(), Some("2023-10-30".to_string())), ("47".into(), None)]
    );
}

#[test]
fn a_day_a_source_spoke_on_is_no_day_of_a_total_it_reports() {
    // Must: "said on Sunday that" dates the report; the total as it stands
    // after it is no count of that day.
    for text in [
        "The ministry said on Sunday that 367 people have died in custody.",
        "The ministry told reporters on Sunday that deaths in custody now stand at 367.",
    ] {
        let e = evidence(text);
        assert!(!e.narrow_time, "{text}: {e:?}");
    }
    let es = "El ministro indicó en la noche de este domingo que las muertes bajo custodia alcanzan ya las 367.";
    let e = evidence_under(SPANISH_DEATHS, es, Lang::Es);
    assert!(!e.narrow_time, "{es}: {e:?}");
    // Must not: a count in the past may be that day's ("were arrested"),
    // and a day after the `that` is the number's own.
    for text in [
        "Police said on Friday that 40 people were arrested.",
        "Police said that on Friday alone 40 people were arrested.",
    ] {
        let e = evidence(text);
        assert!(e.narrow_time, "{text}: {e:?}");
    }
}

#[test]
fn values_each_followed_by_its_part_are_parts() {
    const FIRES: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths in the Palisades and Eaton fires"
subjects = ["deaths"]
canonical = 31
"#;
    let found = |text: &str| claimed_under(FIRES, text);
    // Must: each value with its own fire after it.
    assert_eq!(
        found("Officials counted deaths: 12 in the Palisades Fire and 19 in the Eaton Fire."),
        Vec::<String>::new()
    );
    // Must not: both fires after one value, or a whole a part is taken of.
    assert_eq!(
        found("There were 31 deaths in the Palisades and Eaton fires."),
        ["31"]
    );
    assert_eq!(
        found("Officials said 16 of the 31 deaths were in the Eaton Fire and 12 in the Palisades Fire."),
        ["31"]
    );
}

#[test]
fn a_group_of_people_the_count_is_taken_among_is_a_part() {
    // Must: men, women or children among whom the figure is counted.
    for text in [
        "The homicide rate among women was 1.2 per 100,000.",
        "Deaths in custody among children rose to 12.",
    ] {
        let e = evidence(text);
        assert!(e.part, "{text}: {e:?}");
    }
    let es = "Las muertes bajo custodia en mujeres llegaron a 12.";
    assert!(evidence_under(SPANISH_DEATHS, es, Lang::Es).part, "{es}");
    // Must not: other groups, or none.
    for text in [
        "Deaths in custody among inmates rose to 367.",
        "The homicide rate was 1.9 per 100,000.",
    ] {
        let e = evidence(text);
        assert!(!e.part, "{text}: {e:?}");
    }
}

#[test]
fn a_cue_that_says_what_the_figure_is_takes_no_part_of_it() {
    const PER_BOAT: &str = r#"
[[figure]]
id = "per-boat"
name = "Average number of people per small boat"
subjects = ["people per boat"]
canonical = 53
"#;
    // Must not: "on average" of a figure that is an average.
    let e = evidence_under(
        PER_BOAT,
        "In 2024 there were on average 53 people per boat.",
        Lang::En,
    );
    assert!(!e.part, "{e:?}");
    // Must: of any other figure, an average is a part.
    let e = evidence("On average, 12 people died in custody each month.");
    assert!(e.part, "{e:?}");
}

#[test]
fn a_cue_in_a_relative_clause_closed_before_the_number_is_not_about_it() {
    // Must: the day says when the unrest began, not what the count covers.
    let e = evidence("The unrest, which began on Friday, means 367 people have died in custody.");
    assert!(!e.narrow_time, "{e:?}");
    let es = r#"
[[figure]]
id = "fallecidos"
name = "Fallecidos"
subjects = ["deaths"]
subjects_es = ["fallecidos"]
canonical = 138
"#;
    let text =
        "La cadena de incendios, que comenzó el viernes, ha dejado 112 fallecidos hasta ahora.";
    let e = evidence_under(es, text, Lang::Es);
    assert!(!e.narrow_time, "{text}: {e:?}");
    // Must not: a relative clause that holds the number, a day after a plain
    // "that" of reported speech, or a day outside any relative clause.
    for text in [
        "The raids, which ended on Friday after 40 people were arrested, go on.",
        "Police said that on Friday, 40 people were arrested.",
        "The unrest, which began in March, flared on Friday, when 40 people were arrested.",
    ] {
        let e = evidence(text);
        assert!(e.narrow_time, "{text}: {e:?}");
    }
}

#[test]
fn a_number_said_of_one_part_goes_to_that_part_s_own_figure() {
    const FIRES: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths in the Palisades and Eaton fires"
subjects = ["deaths"]
canonical = 31

[[figure]]
id = "eaton-deaths"
name = "Deaths in the Eaton Fire"
subjects = ["(deaths|died) in the Eaton Fire"]
canonical = 19

[[figure]]
id = "eaton-structures"
name = "Structures destroyed in the Eaton Fire"
subjects = ["structures destroyed in the Eaton Fire"]
canonical = 9418
"#;
    // Must: the part the desk keeps a count of, in the whole's words.
    assert_eq!(
        claims_under(FIRES, "The Eaton Fire has been blamed for 16 deaths."),
        [claim("eaton-deaths", "16")]
    );
    assert_eq!(
        claims_under(
            FIRES,
            "Officials counted 16 deaths, all of them in the Eaton Fire."
        ),
        [claim("eaton-deaths", "16")]
    );
    // Must not: a part the desk keeps no count of, a whole a part is taken
    // of, or both parts named.
    assert_eq!(
        claims_under(FIRES, "The Palisades Fire has been blamed for 12 deaths."),
        []
    );
    let found = claims_under(FIRES, "The Eaton Fire accounts for 16 of the 31 deaths.");
    assert!(!found.contains(&claim("eaton-deaths", "31")), "{found:?}");
    assert_eq!(
        claims_under(
            FIRES,
            "There were 31 deaths in the Palisades and Eaton fires."
        ),
        [claim("deaths", "31")]
    );
    // Must not: a part's count of another quantity (structures are not
    // deaths), even where the desk keeps one.
    const STRUCTURES: &str = r#"
[[figure]]
id = "destroyed"
name = "Structures destroyed in the Palisades and Eaton fires"
subjects = ["structures destroyed", "destroyed structures"]
canonical = 16251

[[figure]]
id = "eaton-deaths"
name = "Deaths in the Eaton Fire"
subjects = ["(deaths|died) in the Eaton Fire"]
canonical = 19
"#;
    assert_eq!(
        claims_under(STRUCTURES, "The Eaton Fire destroyed 9,418 structures."),
        []
    );
}

#[test]
fn a_phrase_across_a_numeral_before_its_last_word_counts_that_word() {
    const STATES: &str = r#"
[[figure]]
id = "states"
name = "States with infected dairy herds"
subjects = ["herds in states"]
canonical = 17

[[figure]]
id = "peak"
name = "Peak of inflation"
unit = "percent"
subjects = ["highest in 41 years"]
canonical = 11.1

[[figure]]
id = "arrests"
name = "Arrests under the state of exception"
subjects = ["arrests under the state of exception"]
canonical = 85000
"#;
    // Must: the numeral inside the phrase is the count, not the one before.
    assert_eq!(
        claims_under(
            STATES,
            "The virus spread across more than 1,000 herds in 17 states."
        ),
        [claim("states", "17")]
    );
    // Must not: a numeral the desk wrote into the phrase, or a year inside it.
    assert_eq!(
        claims_under(
            STATES,
            "Inflation rose to its highest in 41 years at 11.1%."
        ),
        [claim("peak", "11.1%")]
    );
    assert_eq!(
        claims_under(
            STATES,
            "Police made 85,000 arrests under the 2022 state of exception."
        ),
        [claim("arrests", "85,000")]
    );
}

#[test]
fn numbers_after_what_they_come_in_addition_to_are_not_that_figure_s() {
    const STORM: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths from the storm"
subjects = ["people dead", "death toll"]
subjects_es = ["personas muertas", "muertos"]
canonical = 248

[[figure]]
id = "missing"
name = "People missing after the storm"
subjects = ["people missing"]
subjects_es = ["desaparecidos"]
canonical = 6
"#;
    // Must: the deaths come in addition to the toll named before the comma.
    assert_eq!(
        claims_under(
            STORM,
            "In addition to the deaths, the storm left three people dead from unknown causes."
        ),
        []
    );
    assert_eq!(
        claimed_under_in(
            STORM,
            "Además de los muertos, la tormenta dejó 12 muertos más por causas desconocidas.",
            Lang::Es
        ),
        Vec::<String>::new()
    );
    // Must not: another quantity after the opening, or no such opening.
    assert_eq!(
        claims_under(
            STORM,
            "In addition to the deaths, officials listed 41 people missing."
        ),
        [claim("missing", "41")]
    );
    assert_eq!(
        claims_under(STORM, "After the storm, the death toll rose to 248."),
        [claim("deaths", "248")]
    );
}

#[test]
fn a_window_before_a_change_dates_the_change() {
    let es = r#"
[[figure]]
id = "fallecidos"
name = "Fallecidos"
subjects = ["deaths"]
subjects_es = ["muertos"]
canonical = 138
"#;
    // Must: the total the count changed to, in the last hours.
    assert_eq!(
        claimed_under_in(
            es,
            "El balance aumentó en las últimas horas de 133 a 134 muertos.",
            Lang::Es
        ),
        ["134"]
    );
    // Must not: a count of the last hours themselves.
    assert_eq!(
        claimed_under_in(es, "En las últimas 24 horas hubo 12 muertos.", Lang::Es),
        Vec::<String>::new()
    );
}

#[test]
fn other_adds_to_a_count_only_where_the_sentence_named_it_before() {
    const QUAKE: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths from the earthquake"
subjects = ["deaths", "people were killed"]
subjects_es = ["muertos"]
canonical = 2946

[[figure]]
id = "injured"
name = "People injured in the earthquake"
subjects = ["people were injured"]
subjects_es = ["desaparecidas"]
canonical = 5674
"#;
    // Must: another group beside a count of something else is a count.
    assert_eq!(
        claims_under(
            QUAKE,
            "After 2,946 people were killed, 2,562 other people were injured."
        ),
        [claim("deaths", "2,946"), claim("injured", "2,562")]
    );
    assert_eq!(
        claimed_under_in(
            QUAKE,
            "Hubo 3.408 heridos y otras 139 desaparecidas.",
            Lang::Es
        ),
        ["139"]
    );
    // Must not: more of what the sentence counted already.
    assert_eq!(
        claims_under(
            QUAKE,
            "Officials counted 12 deaths in the city and 3 other deaths in the valley."
        ),
        [claim("deaths", "12")]
    );
}

#[test]
fn a_word_of_the_topic_s_family_stands_in_for_its_subject() {
    let toll = r#"
[[figure]]
id = "toll"
name = "Deaths in the storm"
subjects = ["death toll", "people died"]
canonical = 248
"#;
    let en = |text| tiers_under(toll, text, Lang::En);
    // "deaths", "fatalities": the figure's own noun, through its family,
    // in the sentence after it, or in the paragraph after; always weaker.
    for text in [
        "The death toll rose to 227 on Saturday. The number of deaths stood at 225 on Friday.",
        "The death toll rose to 227 on Saturday.\n\nThe number of deaths stood at 225 on Friday.",
        "The death toll rose to 227.\n\nThe storm's fatalities across seven states is 233.",
    ] {
        let found = en(text);
        assert_eq!(found.len(), 2, "{text}: {found:?}");
        assert!(found[1].2 <= tier::Tier::Likely, "{text}: {found:?}");
    }
    // Must not fire: no topic before it, a topic two paragraphs back, a
    // word that narrows the noun, a word of another family, a number the
    // framing cues already keep apart (a part).
    for text in [
        "The number of deaths stood at 225 on Friday.",
        "The death toll rose to 227.\n\nRescuers kept on.\n\nThe number of deaths stood at 225.",
        "The death toll rose to 227. Child deaths stood at 12.",
        "The death toll rose to 227. The number of arrests stood at 40.",
        "The death toll rose to 227. The dead include 40 children.",
    ] {
        let found = en(text);
        let reported = |(_, n, tier): &(String, String, tier::Tier)| {
            ["225", "12", "40"].contains(&n.as_str()) && *tier > tier::Tier::Weak
        };
        assert!(!found.iter().any(reported), "{text}: {found:?}");
    }
    // Spanish: "casas" shares the stem `cas` with the cases family's
    // "casos", but is no word of it.
    let casos = r#"
[settings]
lang = "es"

[[figure]]
id = "casos"
name = "Casos de dengue"
subjects = ["casos confirmados"]
canonical = 5000
"#;
    let es = |text| tiers_under(casos, text, Lang::Es);
    assert_eq!(
        es("Hay 4.000 casos confirmados. La cifra de contagios llegó a 4.200.").len(),
        2
    );
    assert_eq!(
        es("Hay 4.000 casos confirmados. Se entregaron 53 casas definitivas.").len(),
        1
    );
}

#[test]
fn a_day_beside_a_total_that_stands_at_the_number_dates_it() {
    // Must fire: a day counts a day's deaths, or a day's deaths are told.
    for text in [
        "12 died in custody on Friday.",
        "On Friday, 12 died in custody.",
    ] {
        assert!(evidence(text).narrow_time, "{text}");
    }
    // Must not: the total stood at or reached the number on that day.
    for text in [
        "Deaths in custody stood at 376 on Friday.",
        "Deaths in custody reached 376 on Friday.",
    ] {
        assert!(!evidence(text).narrow_time, "{text}");
    }
}

#[test]
fn a_time_that_opens_the_next_value_of_a_series_is_not_this_one_s() {
    let rules = r#"
[settings]
lang = "es"

[[figure]]
id = "tasa"
name = "Tasa de homicidios por año"
subjects = ["tasa de homicidios"]
unit = "rate"
canonical = { value = 38.8, year = 2024 }
allowed = [{ value = 25.9, year = 2022 }, { value = 13.9, year = 2021 }]
"#;
    let years = |text: &str| -> Vec<(String, Option<i32>)> {
        let rules = Rules::parse(rules, Path::new("rules.toml")).unwrap();
        let matcher = SubjectMatcher::new(&rules.figures, Lang::Es);
        let numbers = recognise(text, Lang::Es);
        attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::Es)
            .into_iter()
            .map(|c| {
                let n = &text[numbers[c.number].span.clone()];
                (n.to_string(), c.year.map(|y| y.year))
            })
            .collect()
    };
    // "en 2022" after the comma is the time of 28,3, not of 14: 14 takes the
    // year that opens the sentence.
    let found =
        years("En 2021 la tasa de homicidios era de 14 por cada 100.000, en 2022 fue de 28,3.");
    assert_eq!(
        found[0],
        ("14 por cada 100.000".to_string(), Some(2021)),
        "{found:?}"
    );
    // Must not: a year right after the number, or after a mark with no
    // value after it, is the number's.
    let found = years("La tasa de homicidios fue de 25,9 en 2022.");
    assert_eq!(found[0].1, Some(2022), "{found:?}");
    let found = years("La tasa de homicidios fue de 25,9 por cada 100.000, en 2022.");
    assert_eq!(found[0].1, Some(2022), "{found:?}");
}

/// A Spanish desk's running toll: deaths, injured and missing.
const SPANISH_TOLL: &str = r#"
[settings]
lang = "es"

[[figure]]
id = "muertos"
name = "Muertos"
subjects = ["muertos"]
canonical = 3700

[[figure]]
id = "heridos"
name = "Heridos"
subjects = ["heridos"]
canonical = 5000

[[figure]]
id = "desaparecidos"
name = "Desaparecidos"
subjects = ["desaparecidos"]
canonical = 100
"#;

#[test]
fn a_list_a_verb_of_change_leads_to_is_a_list_of_totals() {
    let rules = SPANISH_TOLL;
    // The day dates the verb that raised all three: none is a day's count.
    let text = "La junta elevó este sábado a 1.644 los muertos, 3.408 los heridos y 139 los desaparecidos.";
    for (_, n, tier) in tiers_under(rules, text, Lang::Es) {
        assert!(tier > tier::Tier::Weak, "{n}");
    }
    // Must not: a clause of its own after the total, with its own day.
    let toll = r#"
[[figure]]
id = "toll"
name = "Deaths"
subjects = ["death toll", "died"]
canonical = 248
"#;
    let found = tiers_under(
        toll,
        "The death toll rose to 227 on Saturday, and 12 died on Sunday.",
        Lang::En,
    );
    assert!(
        !found
            .iter()
            .any(|(_, n, tier)| n == "12" && *tier > tier::Tier::Weak),
        "{found:?}"
    );
}

#[test]
fn a_day_a_total_stands_at_or_a_figure_of_days_bounds_no_count() {
    let es = r#"
[settings]
lang = "es"

[[figure]]
id = "heridos"
name = "Heridos"
subjects = ["heridos"]
canonical = 5000

[[figure]]
id = "promedio"
name = "Promedio diario de homicidios"
subjects = ["muertes por día"]
canonical = 21
"#;
    // "Hasta este sábado": the day the total stands at.
    let e = evidence_under(
        es,
        "Hasta este sábado se han registrado 4.840 heridos.",
        Lang::Es,
    );
    assert!(!e.narrow_time, "{e:?}");
    // A figure that is a day's own: "por día" is its kind, not a bound.
    let e = evidence_under(
        es,
        "El país registró un promedio de 21 muertes por día.",
        Lang::Es,
    );
    assert!(!e.narrow_time, "{e:?}");
    // Must not: a day's count, and a count since a day.
    for text in [
        "Este sábado se registraron 40 heridos.",
        "Desde el sábado se registraron 40 heridos.",
    ] {
        assert!(evidence_under(es, text, Lang::Es).narrow_time, "{text}");
    }
}

#[test]
fn a_day_an_event_happened_on_dates_the_event_not_the_count() {
    let es = SPANISH_TOLL;
    let e = evidence_under(
        es,
        "El terremoto ocurrido el viernes ha causado 1.000 muertos.",
        Lang::Es,
    );
    assert!(!e.narrow_time, "{e:?}");
    let e = evidence("In the riot that began on Friday, 40 died in custody.");
    assert!(!e.narrow_time, "{e:?}");
    // Must not: the day of the count itself.
    let e = evidence_under(es, "El viernes se contaron 40 muertos.", Lang::Es);
    assert!(e.narrow_time, "{e:?}");
    assert!(evidence("40 died in custody on Friday.").narrow_time);
}

#[test]
fn a_count_said_of_the_rest_of_the_country_is_a_part() {
    let toll = r#"
[[figure]]
id = "toll"
name = "Deaths in the floods"
subjects = ["killed", "death toll"]
canonical = 3958
"#;
    for text in [
        "The storm also killed about 170 people elsewhere in the country.",
        "The storm killed 170 people in the rest of the country.",
    ] {
        let e = evidence_under(toll, text, Lang::En);
        assert!(e.part, "{text}: {e:?}");
    }
    let es = SPANISH_TOLL;
    let e = evidence_under(es, "Hubo 170 muertos en el resto del país.", Lang::Es);
    assert!(e.part, "{e:?}");
    // Must not: the toll itself, in the country.
    let e = evidence_under(
        toll,
        "The storm killed 3,958 people in the country.",
        Lang::En,
    );
    assert!(!e.part, "{e:?}");
}

#[test]
fn a_group_of_people_counted_right_after_the_number_is_a_part() {
    // Must: a group the figure's name does not name.
    assert!(evidence("Among them, 28 children died in custody.").part);
    let e = evidence_under(
        SPANISH_DEATHS,
        "En el hecho murieron bajo custodia 141 mujeres y 94 hombres.",
        Lang::Es,
    );
    assert!(e.part, "{e:?}");
    // Must not: people, or a figure named for the group itself.
    assert!(!evidence("In all, 367 people died in custody.").part);
    let children = r#"
[[figure]]
id = "children"
name = "Children who died in the war"
subjects = ["died"]
canonical = 40
"#;
    let e = evidence_under(children, "In all, 40 children died.", Lang::En);
    assert!(!e.part, "{e:?}");
}

#[test]
fn a_status_after_a_coordinator_is_another_quantity_s() {
    let rules = Rules::parse(SPANISH_TOLL, Path::new("rules.toml")).expect("test rules parse");
    let matcher = SubjectMatcher::new(&rules.figures, Lang::Es);
    let claims = |text: &str| -> Vec<(String, String)> {
        let numbers = recognise(text, Lang::Es);
        attribute(text, &[], &numbers, &rules.figures, &matcher, Lang::Es)
            .into_iter()
            .map(|c| {
                (
                    rules.figures[c.figure].id.clone(),
                    text[numbers[c.number].span.clone()].to_string(),
                )
            })
            .collect()
    };
    // "heridos" after `y` counts another quantity, not a status of the dead.
    assert_eq!(
        claims("La misión terminó con 221 muertos y decenas de heridos."),
        [("muertos".to_string(), "221".to_string())]
    );
    // Must not: a status right after the subject still makes a part.
    assert_eq!(
        claims("La misión terminó con 221 muertos identificados."),
        vec![]
    );
}

const LANDSLIDE: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths in the landslides"
subjects = ["death toll", "toll", "[people] (killed|died|dead)"]
canonical = 404
"#;

#[test]
fn a_day_in_a_clause_about_the_event_dates_the_event_not_the_count() {
    let tier = |text: &str| {
        tiers_under(LANDSLIDE, text, Lang::En)
            .into_iter()
            .map(|(_, n, t)| (n, t))
            .collect::<Vec<_>>()
    };
    use tier::Tier::{Firm, Weak};
    // Must: the day (or "a day ago") dates the landslides the relative
    // clause speaks of.
    for text in [
        "The landslides that hit the district on Tuesday killed 167 people.",
        "As many as 167 people have died in the landslides that hit the district a day ago.",
    ] {
        assert_eq!(tier(text), [("167".to_string(), Firm)], "{text}");
    }
    // Must not: a day of the main clause, or one in a clause whose verb is
    // no event ("that arrived"), still bounds the count.
    for text in [
        "The landslides killed 167 people on Tuesday.",
        "The rescuers that arrived on Tuesday found 167 people dead.",
    ] {
        assert_eq!(tier(text), [("167".to_string(), Weak)], "{text}");
    }
    // A verb of reaching dates the total it leads to: "touched", "mounted".
    for text in [
        "The death toll touched 334 on Friday.",
        "The death toll mounted to 385 after more bodies were recovered on Sunday.",
    ] {
        assert_eq!(tier(text).len(), 1, "{text}");
        assert_eq!(tier(text)[0].1, Firm, "{text}");
    }
}

#[test]
fn a_number_word_a_verb_leads_to_is_the_subject_s_value() {
    let claimed = |text: &str| claimed_under(LANDSLIDE, text);
    // Must: "rose to eight" after the subject; a generic head between the
    // number and "dead" is what the number counts, no modifier.
    assert_eq!(
        claimed("The toll rose to eight, officials said."),
        ["eight"]
    );
    assert_eq!(claimed("The rains left at least 45 persons dead."), ["45"]);
    // Must not: a number word with no verb leading to it, away from the
    // subject.
    assert_eq!(
        claimed("The toll was revised, and eight officers were hurt."),
        Vec::<String>::new()
    );
}
