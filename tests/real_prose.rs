//! The example table of the real-prose issue, sentence by sentence, against
//! the project's own rules.toml. Where a sentence must give no finding, the
//! test also checks that its number was read as a claim about the right
//! figure (or, for forecasts, read and set aside), so that a sentence nobody
//! attributed cannot pass as clean.

use std::path::Path;

use figcheck::attribute::Modality;
use figcheck::numbers::Kind;
use figcheck::{Checker, Rules};

fn checker() -> Checker {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml");
    Checker::new(Rules::load(&path).expect("the project's rules.toml loads"))
}

/// A checker of `rules` that reports claims of every tier: what these
/// sentences test is what figcheck reads and judges, and a value that meets
/// none of its figure's values is weak (reported only on request).
fn every_tier(rules: Rules) -> Checker {
    Checker::new(rules).report_tier(Some(figcheck::confidence::Tier::Weak))
}

/// (code, number as written) for each finding in `text`, at every tier:
/// what these sentences test is what figcheck reads and judges (a value that
/// meets none of its figure's values is weak, reported only on request).
fn findings(text: &str) -> Vec<(&'static str, String)> {
    checker()
        .report_tier(Some(figcheck::confidence::Tier::Weak))
        .check(text)
        .into_iter()
        .map(|f| (f.code.as_str(), f.found_text))
        .collect()
}

/// (figure id, number as written, modality) for each claim in `text`.
fn claims(text: &str) -> Vec<(String, String, Modality)> {
    claims_by(&checker(), text)
}

/// [`claims`], as `checker` reads them.
fn claims_by(checker: &Checker, text: &str) -> Vec<(String, String, Modality)> {
    let analysis = checker.analyse(text);
    analysis
        .claims
        .iter()
        .map(|c| {
            (
                checker.rules().figures[c.figure].id.clone(),
                text[analysis.numbers[c.number].span.clone()].to_string(),
                c.modality,
            )
        })
        .collect()
}

/// (figure id, number as written) for each claim in `text`.
fn ids_by(checker: &Checker, text: &str) -> Vec<(String, String)> {
    claims_by(checker, text)
        .into_iter()
        .map(|(id, number, _)| (id, number))
        .collect()
}

fn assert_one(text: &str, code: &str, found: &str) {
    assert_eq!(
        findings(text),
        vec![(code, found.to_string())],
        "in {text:?}"
    );
}

/// No finding, and `found` is a claim about `figure` framed as `modality`.
fn assert_accepted(text: &str, figure: &str, found: &str, modality: Modality) {
    assert_eq!(findings(text), vec![], "expected no finding in {text:?}");
    assert!(
        claims(text).contains(&(figure.to_string(), found.to_string(), modality)),
        "expected {found} to be a claim about {figure} in {text:?}, got {:?}",
        claims(text)
    );
}

#[test]
fn an_inserted_word_in_the_subject_still_matches() {
    assert_accepted(
        "At least 350 people have died in government custody since 2022.",
        "deaths-in-custody",
        "350",
        Modality::Assertion,
    );
    assert_one(
        "At least 376 people have died while in state custody.",
        "figcheck::mismatch",
        "376",
    );
}

#[test]
fn one_sided_qualifiers_are_bounded() {
    assert_one(
        "Authorities have arrested over 58,000 people.",
        "figcheck::mismatch",
        "58,000",
    );
    assert_one(
        "Over eight thousand people have been arrested since March 2022.",
        "figcheck::mismatch",
        "eight thousand",
    );
    assert_accepted(
        "More than 85,000 people have been arrested.",
        "state-of-exception-arrests",
        "85,000",
        Modality::Assertion,
    );
    assert_one(
        "Nearly 1,000 people have died in custody.",
        "figcheck::mismatch",
        "1,000",
    );
}

#[test]
fn a_change_with_words_between_and_a_counted_noun_as_subject() {
    assert_one(
        "Homicides fell from 103 per 100,000 in 2015 to a record-low 2.4 in 2024.",
        "figcheck::wrong-year",
        "2.4",
    );
    assert_accepted(
        "El Salvador recorded 2.4 homicides per 100,000 residents in 2023.",
        "homicide-rate",
        "2.4 homicides per 100,000 residents",
        Modality::Assertion,
    );
}

#[test]
fn tense_decides_which_year_a_claim_without_one_may_take() {
    assert_one(
        "The homicide rate is 38 per 100,000.",
        "figcheck::stale",
        "38 per 100,000",
    );
    let stale = checker().check("The homicide rate is 38 per 100,000.");
    assert!(
        stale[0].message.contains("the value for 2019"),
        "{}",
        stale[0].message
    );
    assert_accepted(
        "When Bukele took office the homicide rate was 38 per 100,000.",
        "homicide-rate",
        "38 per 100,000",
        Modality::Assertion,
    );
}

#[test]
fn a_forecast_is_not_judged() {
    assert_accepted(
        "The government expects the homicide rate to fall to 1.5 next year.",
        "homicide-rate",
        "1.5",
        Modality::Forecast,
    );
}

#[test]
fn a_four_digit_count_is_not_a_year() {
    let text = "Police made 2000 arrests in the first week.";
    let numbers = checker().analyse(text).numbers;
    assert_eq!(numbers.len(), 1);
    assert_eq!((numbers[0].kind, numbers[0].low), (Kind::Count, 2000.0));
}

#[test]
fn an_editors_note_lends_nothing_and_a_tally_is_no_count() {
    let text = "[TK: confirm the arrests figure] The vote was 5-12.";
    assert_eq!(findings(text), vec![]);
    assert_eq!(claims(text), vec![]);
    let numbers = checker().analyse(text).numbers;
    assert!(numbers.iter().all(|n| n.kind != Kind::Count), "{numbers:?}");
}

#[test]
fn an_identifier_is_no_count() {
    let text = "The agency's 287(g) agreements now cover 5 counties.";
    let numbers = checker().analyse(text).numbers;
    let first = &numbers[0];
    assert_eq!(&text[first.span.clone()], "287(g)");
    assert_eq!(first.kind, Kind::Identifier);
    assert!(numbers
        .iter()
        .all(|n| n.low != 287.0 || n.kind != Kind::Count));
}

#[test]
fn a_duration_is_its_own_kind() {
    let text = "Visitors get 30 minutes each; 367 people have died in custody.";
    let numbers = checker().analyse(text).numbers;
    assert_eq!(numbers[0].kind, Kind::Duration);
    assert_accepted(text, "deaths-in-custody", "367", Modality::Assertion);
}

#[test]
fn history_is_not_stale_and_not_inconsistent() {
    assert_accepted(
        "Deaths in custody reached 367, up from 261 a year earlier.",
        "deaths-in-custody",
        "261",
        Modality::History,
    );
    assert_accepted(
        "The count of deaths in custody was first announced as 261 and later revised.",
        "deaths-in-custody",
        "261",
        Modality::History,
    );
    // "Earlier," opening the sentence, "had earlier reported": an earlier
    // count, whoever the sentence credits with it (WOLA never gave 261).
    for text in [
        "Earlier, WOLA said 261 people had died in custody.",
        "The rights group Cristosal had earlier reported 261 deaths in custody.",
    ] {
        assert_accepted(text, "deaths-in-custody", "261", Modality::History);
    }
    // A value listed after one framed as history is history too.
    assert_accepted(
        "A previous report said 261 died in custody and 65,000 were arrested.",
        "state-of-exception-arrests",
        "65,000",
        Modality::History,
    );
    // A forecast: "can reach", "pueda superar".
    assert_eq!(
        findings("The mayor said deaths in custody can reach 500."),
        vec![]
    );
    // A count the sentence denies is no claim that it holds.
    assert_eq!(
        findings("The government denied that 261 people had died in custody."),
        vec![]
    );
    // Must still fire: a value the figure never had is wrong, history or not,
    // and an earlier count given as current is outdated.
    assert_one(
        "Deaths in custody reached 367, up from 216 a year earlier.",
        "figcheck::mismatch",
        "216",
    );
    assert_one(
        "Earlier, WOLA said 216 people had died in custody.",
        "figcheck::mismatch",
        "216",
    );
    assert_one(
        "WOLA says 261 people have died in custody.",
        "figcheck::wrong-source",
        "261",
    );
    // Must still fire: a list that history does not open, and a value of
    // its own after a mark.
    assert_eq!(
        findings("At least 261 people have died in custody and 65,000 were arrested."),
        vec![
            ("figcheck::stale", "261".to_string()),
            ("figcheck::stale", "65,000".to_string())
        ]
    );
    assert_eq!(
        findings("A previous report said 261 people had died in custody; 376 have died in custody since."),
        vec![("figcheck::mismatch", "376".to_string())]
    );
}

#[test]
fn the_figure_named_one_sentence_before() {
    assert_one(
        "Rights groups have tracked deaths in custody since 2022. The figure now stands at 376.",
        "figcheck::mismatch",
        "376",
    );
    // Must not fire: without a pointing phrase, or when it names another quantity.
    assert_eq!(
        claims("Rights groups have tracked deaths in custody since 2022. Officials counted 376."),
        vec![]
    );
    assert_eq!(
        claims("Rights groups have tracked deaths in custody. The number of guards is 376."),
        vec![]
    );
}

#[test]
fn a_money_figure_takes_a_scale_word_and_a_percent_figure_takes_points() {
    let rules = r#"
[[figure]]
id = "budget"
name = "Prison budget"
subjects = ["budget"]
unit = "money"
canonical = 1500000000

[[figure]]
id = "turnout-gap"
name = "Turnout gap"
subjects = ["turnout gap"]
unit = "percent"
canonical = 3.9
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let found = |text: &str| -> Vec<String> {
        checker
            .check(text)
            .into_iter()
            .map(|f| f.found_text)
            .collect()
    };
    assert_eq!(
        checker.analyse("The budget is 1.5 billion.").claims.len(),
        1
    );
    assert_eq!(found("The budget is 1.5 billion."), Vec::<String>::new());
    assert_eq!(found("The budget is 2.5 billion."), vec!["2.5 billion"]);
    // Must not fire: a bare number without a scale word is no amount of money.
    assert!(checker
        .analyse("The budget has 15 lines.")
        .claims
        .is_empty());
    assert_eq!(
        checker
            .analyse("The turnout gap was 3.9 percentage points.")
            .claims
            .len(),
        1
    );
    assert_eq!(
        found("The turnout gap was 4.9 percentage points."),
        vec!["4.9 percentage points"]
    );
}

/// `figcheck numbers` on the project's seeds reads no duration, phone number,
/// version, vote tally or name with digits as a count. The patterns here are
/// the test's own, written apart from the recogniser's.
#[test]
fn the_seeds_show_no_duration_identifier_phone_or_version_as_a_count() {
    let not_a_count = regex::Regex::new(
        r"(?ix)
        ^\S+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b   # a duration
        | ^\d{3}-\d{4}\b | ^\d-\d{3}-\d{3}-\d{4}\b                          # a phone number
        | ^\d+\.\d+(?:\.\d+)+\b                                             # a version
        | ^\d+\s*(?:-|to)\s*\d+$                                            # a tally or score
        | ^\d+\(",
    )
    .unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let checker = checker();
    let mut read = 0;
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let format = figcheck::markup::Format::of_path(&path.to_string_lossy());
        let analysis = checker.analyse_document(format, &source);
        for n in &analysis.numbers {
            let written = &source[n.span.clone()];
            // The words after the number too: "Eleven months", "30 days".
            let with_next: String = source[n.span.start..]
                .split_inclusive(char::is_whitespace)
                .take(2)
                .collect();
            read += 1;
            if n.kind == Kind::Count {
                assert!(
                    !not_a_count.is_match(written) && !not_a_count.is_match(with_next.trim()),
                    "{}: {written:?} read as a count",
                    path.display()
                );
            }
        }
    }
    assert!(read > 50, "the seeds hold numbers: read {read}");
}

/// "code number" for each finding `checker` reports in `text`.
fn codes_by(checker: &Checker, text: &str) -> Vec<String> {
    checker
        .check(text)
        .into_iter()
        .map(|f| format!("{} {}", f.code.as_str(), f.found_text))
        .collect()
}

#[test]
fn a_place_outside_which_the_count_was_taken_is_not_the_figure_s() {
    let rules = r#"
[[figure]]
id = "us-cases"
name = "Human cases in the United States"
subjects = ["human cases"]
canonical = 66
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    for draft in [
        "More than 950 human cases were reported outside the United States.",
        "There were 66 human cases in the United States. Outside the United States, \
         more than 950 human cases have been reported.",
        "Más de 950 human cases se registraron fuera de Estados Unidos.",
        "Besides the United States, the virus reached Mexico, where more than 950 human cases were reported.",
    ] {
        assert!(
            !ids_by(&checker, draft).iter().any(|(_, n)| n == "950"),
            "{draft}"
        );
    }
    // Must not: in the country, or a count with no place.
    for draft in [
        "More than 950 human cases were reported in the United States.",
        "In the United States, the virus reached Texas, where more than 950 human cases were reported.",
        "More than 950 human cases were reported.",
    ] {
        assert_eq!(
            ids_by(&checker, draft),
            [("us-cases".to_string(), "950".to_string())],
            "{draft}"
        );
    }
}

#[test]
fn a_paragraph_after_the_figure_is_read_where_it_points_back() {
    let rules = r#"
[[figure]]
id = "toll"
name = "Deaths in the storm"
subjects = ["death toll"]
canonical = 248
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let codes = |text: &str| codes_by(&checker, text);
    // `figcheck` judges what `figcheck numbers` shows: a verb that points at
    // the total, or the figure's own noun, in the paragraph after.
    assert_eq!(
        codes("The death toll stands at 248.\n\nBy Friday, that brought the total to 300."),
        ["figcheck::mismatch 300"]
    );
    assert_eq!(
        codes("The death toll stands at 248.\n\nThe number of deaths stood at 300."),
        ["figcheck::mismatch 300"]
    );
    // Must not: two paragraphs on, or a paragraph that does not point back.
    assert_eq!(
        codes(
            "The death toll stands at 248.\n\nCrews kept on.\n\nThe number of deaths stood at 300."
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        codes("The death toll stands at 248.\n\nCrews rescued 300 people."),
        Vec::<String>::new()
    );
}

#[test]
fn another_country_s_figure_is_no_claim_about_the_draft_s_own() {
    let checker = checker();
    // El Salvador is named first and most; Honduras once, in a comparison.
    let draft = "El Salvador's homicide rate fell to 1.9 in 2024. Officials in El Salvador \
                 credit the state of exception. Honduras, by contrast, reports a homicide \
                 rate of 25 per 100,000 residents.";
    assert_eq!(findings(draft), vec![]);
    assert_eq!(
        ids_by(&checker, draft),
        [("homicide-rate".to_string(), "1.9".to_string())]
    );
    // The United States is named twice, once inside a source's name, which
    // does not count: its rate is another country's.
    let draft = "El Salvador's prisons are full, and El Salvador's murders are few. The US \
                 State Department says 367 people have died in custody. The homicide rate in \
                 the United States is 5.8 per 100,000 residents, while El Salvador's homicide \
                 rate was 1.9 per 100,000 residents in 2024.";
    assert_eq!(findings(draft), vec![]);
    assert_eq!(
        ids_by(&checker, draft)
            .into_iter()
            .map(|(_, n)| n)
            .collect::<Vec<_>>(),
        ["367", "1.9 per 100,000 residents"]
    );
    // Spanish names the other country the same way.
    let borrador = "---\nlang: es\n---\nLa tasa de homicidios de El Salvador bajó a 1.9 en 2024, \
                    según el Gobierno de El Salvador. Guatemala, en cambio, tiene una tasa de \
                    homicidios de 16 por cada 100,000 habitantes.";
    assert_eq!(findings(borrador), vec![]);
}

#[test]
fn a_clause_that_names_the_draft_s_own_country_is_still_judged() {
    // Honduras stands in the clause, but so does El Salvador: still a claim.
    assert_one(
        "El Salvador reports few murders. In El Salvador the homicide rate was 1.6 per \
         100,000 residents in 2024, below Honduras.",
        "figcheck::mismatch",
        "1.6 per 100,000 residents",
    );
    // A draft that names only one country speaks of it, even once.
    assert_one(
        "In Honduras, the homicide rate was 1.6 per 100,000 residents in 2024.",
        "figcheck::mismatch",
        "1.6 per 100,000 residents",
    );
    // A country in a source's name is a source, not the figure's place: the
    // rules cite the US State Department.
    assert_one(
        "El Salvador's prisons are full. El Salvador says so, and so does the US State \
         Department, which counts 376 deaths in custody.",
        "figcheck::mismatch",
        "376",
    );
}

/// Deaths a storm caused, as a desk covering Hurricane Maria keeps them.
const STORM_RULES: &str = r#"
[[figure]]
id = "maria-deaths"
name = "Deaths in Puerto Rico attributed to Hurricane Maria"
subjects = ["deaths", "death toll", "died"]
unit = "count"
canonical = 2975
"#;

#[test]
fn another_storm_s_toll_is_no_claim_about_the_figure_s_storm() {
    let rules = Rules::parse(STORM_RULES, Path::new("rules.toml")).expect("rules parse");
    let checker = every_tier(rules);
    let codes = |text: &str| codes_by(&checker, text);
    // Maria, the figure's own storm, is named most; Katrina in comparison.
    let draft = "Hurricane Maria left 2,975 deaths in its wake. Maria was the costliest \
                 storm to hit the island, and recovery from Maria took years. Hurricane \
                 Katrina's death toll is 1,833.";
    assert_eq!(codes(draft), Vec::<String>::new());
    assert_eq!(
        ids_by(&checker, draft),
        [("maria-deaths".to_string(), "2,975".to_string())]
    );
    // The figure's own storm, by its bare name, is still judged, and a slip
    // in it still found.
    assert_eq!(
        codes("Hurricane Katrina is remembered. When Maria struck, 2,795 deaths followed."),
        ["figcheck::mismatch 2,795"]
    );
    // A clause that names another storm is about that storm, though it
    // names the draft's own country too.
    let draft = "Hurricane Maria struck Puerto Rico, and Maria's death toll is 2,975. \
                 Recovery from Maria took years. More than 1,800 people died when \
                 Hurricane Katrina crossed the U.S. Gulf Coast.";
    assert_eq!(codes(draft), Vec::<String>::new());
    assert_eq!(
        ids_by(&checker, draft),
        [("maria-deaths".to_string(), "2,975".to_string())]
    );
    // A figure named after its storm has no other storm as its own, however
    // often the draft names it: Katrina, named twice here as often as Maria.
    let draft = "Hurricane Maria struck Puerto Rico. Hurricane Katrina struck New \
                 Orleans, and 1,833 deaths are attributed to Katrina.";
    assert_eq!(codes(draft), Vec::<String>::new());
    // The storm's territory's country is its own too: "U.S. history".
    assert_eq!(
        codes("Hurricane Maria hit Puerto Rico. The death toll of 2,795 is the worst in U.S. history."),
        ["figcheck::mismatch 2,795"]
    );
}

/// A storm's toll across several states, and one state's toll.
const STATES_RULES: &str = r#"
[[figure]]
id = "storm-deaths"
name = "Deaths caused by Hurricane Helene"
subjects = ["people died", "death toll"]
canonical = 250

[[figure]]
id = "nc-deaths"
name = "Deaths in North Carolina caused by Hurricane Helene"
subjects = ["died in North Carolina", "North Carolina's death toll"]
canonical = 108
"#;

#[test]
fn a_state_s_count_is_no_claim_about_the_national_figure() {
    let rules = Rules::parse(STATES_RULES, Path::new("rules.toml")).expect("rules parse");
    let checker = every_tier(rules);
    let codes = |text: &str| codes_by(&checker, text);
    // A part of the country, not the draft's own, where it speaks of the
    // number: that state's count.
    assert_eq!(
        codes("Hurricane Helene struck six states. In all, 250 people died. Forty-nine people died in South Carolina."),
        Vec::<String>::new()
    );
    // Must not drop: the figure's own state, a state past a mark, and the
    // draft's own state (named first and most).
    assert_eq!(
        codes("Helene hit hard. Officials said 105 people died in North Carolina."),
        ["figcheck::mismatch 105"]
    );
    assert_eq!(
        codes("Hurricane Helene struck six states. The death toll stands at 205, the most in Georgia since 1900."),
        ["figcheck::mismatch 205"]
    );
    assert_eq!(
        codes("Valparaíso burned for days. Valparaíso's hills are bare. In Valparaíso 205 people died."),
        ["figcheck::mismatch 205"]
    );
}

#[test]
fn a_figure_for_part_of_a_year_is_read_and_set_aside() {
    // The rules keep the homicide rate per year (2.4 for 2023, 1.9 for 2024):
    // a rate up to July, or so far this year, is not one of them.
    for (text, number) in [
        (
            "Through July 2023, the homicide rate stood at 2.2 per 100,000 residents.",
            "2.2",
        ),
        (
            "So far this year the homicide rate is 1.2 per 100,000 residents.",
            "1.2",
        ),
        (
            "In the first half of 2024 the homicide rate was 0.9 per 100,000 residents.",
            "0.9",
        ),
    ] {
        let found = format!("{number} per 100,000 residents");
        assert_accepted(text, "homicide-rate", &found, Modality::PartOfYear);
    }
    let borrador = "---\nlang: es\n---\nHasta julio de 2023, la tasa de homicidios era de 2.2 \
                    por cada 100,000 habitantes.";
    assert_eq!(findings(borrador), vec![]);
}

#[test]
fn a_whole_year_or_a_count_up_to_a_date_is_still_judged() {
    // A whole year, however it is written, is judged against its value.
    assert_one(
        "In 2023 the homicide rate was 2.2 per 100,000 residents.",
        "figcheck::mismatch",
        "2.2 per 100,000 residents",
    );
    assert_one(
        "Through December 2023, the homicide rate stood at 2.2 per 100,000 residents.",
        "figcheck::mismatch",
        "2.2 per 100,000 residents",
    );
    // A month names when a whole year's rate was reported, not a part of it.
    assert_one(
        "In July 2024 the ministry said the homicide rate for 2023 was 2.2.",
        "figcheck::mismatch",
        "2.2",
    );
    // A month after a verb of beginning is when counting began.
    assert_one(
        "Since the state of exception began in March 2022, the homicide rate has \
         fallen to 1.6 per 100,000 residents.",
        "figcheck::mismatch",
        "1.6 per 100,000 residents",
    );
    // A count kept as of dates, not per year, is judged at the month.
    assert_one(
        "By June 2024, police had arrested 58,000 people under the state of exception.",
        "figcheck::mismatch",
        "58,000",
    );
}

/// (code, byte offset) of each finding in `draft`, read as `format`.
fn codes_at(
    checker: &figcheck::Checker,
    format: figcheck::markup::Format,
    draft: &str,
) -> Vec<(&'static str, usize)> {
    checker
        .check_document(format, draft)
        .iter()
        .map(|f| (f.code.as_str(), f.span.start))
        .collect()
}

#[test]
fn a_headline_in_front_matter_is_checked_and_its_data_keys_are_not() {
    use figcheck::markup::Format;
    let checker = checker();
    let draft = "---\ntitle: \"376 people have died in custody\"\ndeaths: 376\n\
                 summary: Rights groups count 367 deaths in custody\ndate: 2025-04-01\n---\n\
                 Body text with no figure.\n";
    for format in [Format::Markdown, Format::Text] {
        let found = codes_at(&checker, format, draft);
        // The title's 376 only: not the data key's, not the summary's right 367.
        assert_eq!(
            found,
            [("figcheck::mismatch", draft.find("376").unwrap())],
            "{format:?}"
        );
    }
    // Each headline is a sentence of its own: the title's subject does not
    // reach the number in the summary below it.
    let split = "---\ntitle: Deaths in custody\nsummary: 376 since 2022, by one count\n---\n";
    assert_eq!(checker.check_document(Format::Markdown, split), vec![]);
}

#[test]
fn a_headline_in_a_yaml_block_or_with_a_colon_is_checked_where_it_stands() {
    use figcheck::markup::Format;
    let checker = checker();
    for draft in [
        // A folded block: the figure is on the block's second line.
        "---\ntitle: >-\n  Three years on,\n  376 people have died in custody\ndate: 2025-04-01\n---\nBody.\n",
        // A literal block, and a data key holding the same number.
        "---\ndeaths: 376\nsummary: |\n  By the latest count,\n  376 people have died in custody\n---\nBody.\n",
        // A quoted title with a colon, and a multi-line double-quoted one.
        "---\ntitle: 'Custody: 376 people have died in custody'\n---\nBody.\n",
        "---\ntitle: \"Three years on,\n  376 people have died in custody\"\n---\nBody.\n",
    ] {
        for format in [Format::Markdown, Format::Text] {
            let found = codes_at(&checker, format, draft);
            let at = draft.rfind("376").unwrap();
            assert_eq!(found, [("figcheck::mismatch", at)], "{format:?}: {draft}");
        }
    }
    // A block whose value is right, or a nested key's, is never a finding.
    for draft in [
        "---\ntitle: >\n  367 people have died in custody\n---\nBody.\n",
        "---\nauthor:\n  title: 376 people have died in custody\n---\nBody.\n",
    ] {
        assert_eq!(
            checker.check_document(Format::Markdown, draft),
            vec![],
            "{draft}"
        );
    }
}

#[test]
fn a_place_another_figure_of_the_same_quantity_names_is_that_figure_s() {
    let rules = r#"
[[figure]]
id = "deaths"
name = "Deaths from the storm in the United States"
subjects = ["death toll", "people died"]
canonical = 250

[[figure]]
id = "sc-deaths"
name = "Storm deaths in South Carolina"
subjects = ["South Carolina's death toll"]
canonical = 50

[[figure]]
id = "missing"
name = "People still missing after the storm"
subjects = ["remain missing"]
canonical = 20
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let ids = |text: &str| ids_by(&checker, text);
    // Must: a state the state's figure names, in a draft that names it
    // often, takes the number from the national toll, and gives it to the
    // state's figure where it is named right after the number.
    let draft = "South Carolina was hit hard. In South Carolina, roads closed. The storm's death toll rose to 33 in South Carolina.";
    assert_eq!(ids(draft), [("sc-deaths".to_string(), "33".to_string())]);
    // As a warning that says figcheck is unsure, with no fix: the desk's
    // words named the national toll.
    let findings = checker.check_document(figcheck::markup::Format::Markdown, draft);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, figcheck::Severity::Warning);
    assert!(findings[0].fix.is_none());
    // Must not hand it over: the state named further on, in a clause of
    // its own ("as … continues"), or as a label before the number, or two
    // states at once. The national toll loses the number all the same.
    for draft in [
        "The storm's death toll surpassed 160 as the search for the missing in South Carolina goes on.",
        "South Carolina: the storm's death toll rose to 2 in one county.",
        "The storm's death toll rose to 33 in South Carolina and North Carolina.",
    ] {
        assert_eq!(ids(draft), vec![], "{draft}");
    }
    // Must not: another quantity in that state, or the national toll with
    // no state named.
    let draft = "South Carolina was hit hard. In South Carolina, 12 people remain missing in South Carolina.";
    assert_eq!(ids(draft), [("missing".to_string(), "12".to_string())]);
    assert_eq!(
        ids("South Carolina was hit hard. The storm's death toll rose to 230."),
        [("deaths".to_string(), "230".to_string())]
    );
}

#[test]
fn a_county_is_a_part_of_the_storm_s_toll_unless_the_desk_keeps_its_count() {
    let rules = r#"
[[figure]]
id = "deaths"
name = "Deaths in the floods"
subjects = ["people died", "death toll"]
canonical = 135

[[figure]]
id = "kerr-deaths"
name = "Flood deaths in Kerr County"
subjects = ["Kerr County's death toll"]
canonical = 107
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let ids = |text: &str| ids_by(&checker, text);
    // Must: another county's count, where it speaks of the number, is no
    // claim about the whole toll; one the desk keeps goes to its figure.
    assert_eq!(
        ids("The floods hit Kerr County hardest. Nine people died in Travis County."),
        vec![]
    );
    assert_eq!(
        ids("The floods hit the region. The death toll rose to 68 in Kerr County."),
        [("kerr-deaths".to_string(), "68".to_string())]
    );
    assert_eq!(
        ids("The floods hit the region. The death toll reached 68 after the flooding in Kerr County."),
        vec![]
    );
    assert_eq!(
        ids("The floods hit the region. The death toll reached 68 in the flooded parts of Kerr County."),
        [("kerr-deaths".to_string(), "68".to_string())]
    );
    // Must not: the whole toll, with a county named in another clause.
    assert_eq!(
        ids("The death toll rose to 120, and Travis County closed its lake."),
        [("deaths".to_string(), "120".to_string())]
    );
}

#[test]
fn a_country_the_figure_names_is_its_own_however_often_the_draft_names_another() {
    let rules = r#"
[[figure]]
id = "deaths"
name = "Deaths from the earthquake in Myanmar"
subjects = ["people died"]
canonical = 3706
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let ids = |text: &str| ids_by(&checker, text);
    let draft = "The quake shook Thailand. Thailand declared an emergency. In Thailand, 10 people died. In Myanmar, 3,706 people died.";
    // Must: Thailand's count is no claim about Myanmar's toll, though the
    // draft names Thailand most; Myanmar's is.
    assert_eq!(ids(draft), [("deaths".to_string(), "3,706".to_string())]);
}

/// A running toll kept from this January, in English and in Spanish.
const TOLL_SINCE_JANUARY: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths from the earthquake"
subjects = ["deaths", "claimed [more than] lives", "killed", "kill", "muertos"]
canonical = { value = 202, as_of = "2024-01-10" }
allowed = [{ value = 126, as_of = "2024-01-06", stale = true }]
"#;

/// A checker of [`TOLL_SINCE_JANUARY`] for drafts in English and one for
/// drafts in Spanish.
fn toll_checkers() -> [Checker; 2] {
    let parse = |text: &str| every_tier(Rules::parse(text, Path::new("rules.toml")).unwrap());
    [
        parse(TOLL_SINCE_JANUARY),
        parse(&format!("[settings]\nlang = \"es\"\n{TOLL_SINCE_JANUARY}")),
    ]
}

#[test]
fn a_threshold_crossed_is_no_count() {
    let [en, es] = toll_checkers();
    for (checker, draft) in [
        (
            &en,
            "It is the first quake to kill more than 100 people in a decade.",
        ),
        (&en, "Noto Quake the 1st Killing Over 100 in Years"),
        (
            &es,
            "Es el primer sismo con más de 100 muertos en una década.",
        ),
    ] {
        assert!(
            !ids_by(checker, draft).iter().any(|(_, n)| n == "100"),
            "{draft}"
        );
        assert_eq!(codes_by(checker, draft), Vec::<String>::new(), "{draft}");
    }
    // Must not: a lower bound with no ordinal, or after an ordinal that
    // dates it.
    for (checker, draft) in [
        (&en, "The quake has killed more than 100 people."),
        (
            &en,
            "In the first week the quake killed more than 100 people.",
        ),
        (&es, "La primera semana hubo más de 100 muertos."),
    ] {
        assert_eq!(
            codes_by(checker, draft),
            ["figcheck::mismatch 100"],
            "{draft}"
        );
    }
}

#[test]
fn an_earlier_event_named_by_its_year_is_not_the_figure_s() {
    let [en, es] = toll_checkers();
    for (checker, draft) in [
        (
            &en,
            "It is the worst since the 2016 quakes in the south, which claimed 276 lives.",
        ),
        (
            &es,
            "Es el peor desde el terremoto del 17 de agosto de 1999, que dejó 17.000 muertos.",
        ),
        (&en, "The earthquake of 1999 killed 17,000."),
        (&en, "In 2016, an earthquake killed 276 people."),
    ] {
        assert_eq!(codes_by(checker, draft), Vec::<String>::new(), "{draft}");
    }
    // Must not: the year the rules know, an earlier event named after the
    // number, or a year that only starts a period.
    for (checker, draft) in [
        (&en, "The 2024 earthquake has killed 250 people."),
        (
            &en,
            "The quake has killed 250 people, the most since the 2016 quakes.",
        ),
        (&en, "Since 2016, quakes have killed 250 people."),
        (&es, "El terremoto de 2024 ha dejado 250 muertos."),
    ] {
        assert_eq!(
            codes_by(checker, draft),
            ["figcheck::mismatch 250"],
            "{draft}"
        );
    }
}

#[test]
fn a_year_before_any_the_rules_know_is_not_judged() {
    let rules = r#"
[[figure]]
id = "rate"
name = "Homicide rate"
subjects = ["homicide rate"]
unit = "rate"
canonical = { value = 1.9, year = 2024 }
allowed = [{ value = 2.4, year = 2023 }, { value = 7.8, year = 2019 }]
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    // The rules start in 2019: they cannot say what the rate was in 2015.
    assert_eq!(
        codes_by(&checker, "In 2015, the homicide rate was 103 per 100,000."),
        Vec::<String>::new()
    );
    assert_eq!(
        ids_by(&checker, "In 2015, the homicide rate was 103 per 100,000."),
        [("rate".to_string(), "103 per 100,000".to_string())]
    );
    // Must not: a year the rules know, or one between two they know.
    assert_eq!(
        codes_by(&checker, "In 2019, the homicide rate was 103 per 100,000."),
        ["figcheck::mismatch 103 per 100,000"]
    );
    assert_eq!(
        codes_by(&checker, "In 2021, the homicide rate was 103 per 100,000."),
        ["figcheck::mismatch 103 per 100,000"]
    );
}

#[test]
fn places_joined_together_are_not_one_of_them() {
    let rules = r#"
[[figure]]
id = "total"
name = "Deaths from the earthquakes in Turkey and Syria"
subjects = ["deaths"]
canonical = 33179

[[figure]]
id = "turkey"
name = "Deaths from the earthquakes in Turkey"
subjects = ["deaths in Turkey"]
canonical = 29605
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let ids = |text: &str| ids_by(&checker, text);
    // Must: the count of both countries is the total's, not Turkey's.
    assert_eq!(
        ids("There are more than 33,000 deaths in Turkey and Syria."),
        [("total".to_string(), "33,000".to_string())]
    );
    assert_eq!(
        ids("There are more than 33,000 deaths in Turkey, Syria."),
        [("total".to_string(), "33,000".to_string())]
    );
    // Must not: Turkey alone, or Turkey's count beside Syria's.
    assert_eq!(
        ids("There are 29,605 deaths in Turkey."),
        [("turkey".to_string(), "29,605".to_string())]
    );
    assert_eq!(
        ids("There are 29,605 deaths in Turkey and 3,574 in Syria."),
        [("turkey".to_string(), "29,605".to_string())]
    );
    // With no figure that names both, the count is nobody's.
    let storm = r#"
[[figure]]
id = "jamaica"
name = "Deaths from the hurricane in Jamaica"
subjects = ["deaths in Jamaica"]
canonical = 28
"#;
    let checker = every_tier(Rules::parse(storm, Path::new("rules.toml")).unwrap());
    assert_eq!(
        ids_by(
            &checker,
            "The hurricane left 50 deaths in Jamaica and Haiti."
        ),
        vec![]
    );
}

#[test]
fn a_town_no_list_holds_is_a_part_of_the_figure_s_place() {
    let rules = r#"
[[figure]]
id = "deaths"
name = "Deaths in Ishikawa Prefecture from the Noto Peninsula earthquake"
subjects = ["people died", "death toll"]
canonical = 202
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let ids = |text: &str| ids_by(&checker, text);
    let deaths = |n: &str| vec![("deaths".to_string(), n.to_string())];
    // Must: a town named after the number counts that town only.
    assert_eq!(ids("Officials said 31 people died in Wajima."), vec![]);
    assert_eq!(
        ids("Officials said 31 people died at Wajima Hospital."),
        vec![]
    );
    // Must not: the figure's own place, in part or in full; a town named
    // before the number; a month.
    assert_eq!(
        ids("Officials said 202 people died in Ishikawa."),
        deaths("202")
    );
    assert_eq!(
        ids("The death toll rose to 72 in Noto Peninsula."),
        deaths("72")
    );
    assert_eq!(
        ids("Officials in Wajima said 202 people died."),
        deaths("202")
    );
    assert_eq!(
        ids("Officials said 202 people died in January."),
        deaths("202")
    );
    // Must not: a figure that names no place has no parts to tell.
    let crash = r#"
[[figure]]
id = "deaths"
name = "Deaths in the train crash"
subjects = ["people died"]
canonical = 278
"#;
    let checker = every_tier(Rules::parse(crash, Path::new("rules.toml")).unwrap());
    assert_eq!(
        ids_by(&checker, "Officials said 278 people died in Balasore."),
        deaths("278")
    );
}

#[test]
fn a_clause_with_no_place_is_told_of_the_country_its_sentence_named() {
    let rules = r#"
[[figure]]
id = "missing"
name = "People missing after the earthquake in Myanmar"
subjects = ["missing"]
canonical = 300
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let ids = |text: &str| ids_by(&checker, text);
    let missing = |n: &str| vec![("missing".to_string(), n.to_string())];
    // Must: Thailand's count, its country named before the clause.
    assert_eq!(
        ids("The quake shook Myanmar. Thailand's capital was also hit, although no survivors have been found among the 80 missing."),
        vec![]
    );
    // Must not: the figure's country named there, or no country at all.
    assert_eq!(
        ids("The quake shook Myanmar. In Myanmar, roads were cut, although 300 remain missing."),
        missing("300")
    );
    assert_eq!(
        ids("The quake shook Myanmar. Roads were cut, although 300 remain missing."),
        missing("300")
    );
}

#[test]
fn a_country_another_figure_keeps_is_that_figure_s() {
    let rules = r#"
[[figure]]
id = "total"
name = "Deaths from Hurricane Melissa"
subjects = ["deaths"]
canonical = 64

[[figure]]
id = "haiti"
name = "Deaths from Hurricane Melissa in Haiti"
subjects = ["deaths in Haiti"]
canonical = 31
"#;
    let checker = every_tier(Rules::parse(rules, Path::new("rules.toml")).unwrap());
    let ids = |text: &str| ids_by(&checker, text);
    let of = |id: &str, n: &str| vec![(id.to_string(), n.to_string())];
    // Must: one country's count, named before or after the number, is its
    // figure's, not the storm's total.
    assert_eq!(
        ids("Hurricane Melissa hit Haiti hard. In Haiti, officials reported 31 deaths."),
        of("haiti", "31")
    );
    // Must not: the total with several countries, or with none.
    assert_eq!(
        ids("Hurricane Melissa hit Haiti hard. The storm caused 64 deaths in Haiti and Jamaica."),
        of("total", "64")
    );
    assert_eq!(
        ids("Hurricane Melissa hit Haiti hard. The storm caused 64 deaths."),
        of("total", "64")
    );
    // Must not: a figure of another quantity that names the country.
    let rates = r#"
[[figure]]
id = "inflation"
name = "Annual inflation rate"
subjects = ["inflation rate"]
unit = "percent"
canonical = 10.1

[[figure]]
id = "bank-rate"
name = "Bank rate in the United Kingdom"
subjects = ["bank rate", "interest rate"]
unit = "percent"
canonical = 5.25
"#;
    let checker = every_tier(Rules::parse(rates, Path::new("rules.toml")).unwrap());
    assert_eq!(
        ids_by(
            &checker,
            "The inflation rate in the United Kingdom reached 11.1%."
        ),
        of("inflation", "11.1%")
    );
}
