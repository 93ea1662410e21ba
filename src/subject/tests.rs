use super::inflection::{ENGLISH, KEPT_STEMS, SPANISH};
use super::*;
use crate::phrase::tokens;
use crate::rules::Rules;
use std::path::Path;

/// A function giving (figure index, phrase) for each subject found in an
/// English text under the rules file `toml`.
fn english_hits(toml: &str) -> impl Fn(&str) -> Vec<(usize, String)> {
    let rules = Rules::parse(toml, Path::new("rules.toml")).unwrap();
    let matcher = SubjectMatcher::new(&rules.figures, Lang::En);
    move |text: &str| {
        matcher
            .find(text, 0..text.len())
            .into_iter()
            .map(|h| (h.figure, text[h.span].to_string()))
            .collect()
    }
}

fn phrases(pattern: &str) -> Vec<String> {
    expand(pattern)
        .unwrap()
        .into_iter()
        .map(|words| words.join(" "))
        .collect()
}

#[test]
fn choices_and_optional_words_spell_out_every_phrase() {
    assert_eq!(
        phrases("(died|deaths) in [state] custody"),
        vec![
            "died in state custody",
            "died in custody",
            "deaths in state custody",
            "deaths in custody"
        ]
    );
    assert_eq!(
        phrases("[the] (homicide|murder) rate"),
        vec![
            "the homicide rate",
            "the murder rate",
            "homicide rate",
            "murder rate"
        ]
    );
    assert_eq!(phrases("people   behind bars"), vec!["people behind bars"]);
    assert_eq!(
        phrases("(were killed|died) [in the fire]"),
        vec![
            "were killed in the fire",
            "were killed",
            "died in the fire",
            "died"
        ]
    );
}

#[test]
fn malformed_patterns_say_where() {
    let error = |p: &str| expand(p).unwrap_err();
    assert_eq!(error("(died in custody").at, 0..1);
    assert_eq!(error("died) in custody").at, 4..5);
    assert_eq!(error("died|deaths").at, 4..5);
    assert_eq!(error("(died||deaths)").at, 6..7);
    assert_eq!(error("[state]").at, 0..7);
    assert!(error("(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)(o|p)(q|r)")
        .message
        .contains("256"));
}

const RULES: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths in custody"
subjects = ["(died|deaths|dead) in [state] custody"]
canonical = 367

[[figure]]
id = "arrests"
name = "Arrests"
subjects = ["have arrested", "arrests under the state of exception"]
canonical = 85000
gap = 1
"#;

fn found(text: &str) -> Vec<(&'static str, &str)> {
    let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
    let ids = ["deaths", "arrests"];
    SubjectMatcher::new(&rules.figures, Lang::En)
        .find(text, 0..text.len())
        .into_iter()
        .map(|h| (ids[h.figure], &text[h.span]))
        .collect()
}

/// (figure, words, through a family word) for each hit.
fn found_with_family(text: &str, lang: Lang) -> Vec<(&'static str, &str, bool)> {
    let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
    let ids = ["deaths", "arrests"];
    SubjectMatcher::new(&rules.figures, lang)
        .find(text, 0..text.len())
        .into_iter()
        .map(|h| (ids[h.figure], &text[h.span], h.family))
        .collect()
}

#[test]
fn a_word_of_the_same_family_stands_in_for_the_desk_s_own() {
    let en = |t| found_with_family(t, Lang::En);
    // "killed" and "fatalities" are of the deaths family: the phrase
    // matches with either in the place of "died", and says so.
    assert_eq!(
        en("Eleven were killed in custody."),
        vec![("deaths", "killed in custody", true)]
    );
    assert_eq!(
        en("Police have detained 900 people."),
        vec![("arrests", "have detained", true)]
    );
    assert_eq!(
        en("Detentions under the state of exception passed 85,000."),
        vec![("arrests", "Detentions under the state of exception", true)]
    );
    // The desk's own words are no family match, whatever else matches.
    assert_eq!(
        en("Eleven died in custody."),
        vec![("deaths", "died in custody", false)]
    );
    // Must not fire: a family never adds or drops words, nor reaches a
    // word outside the list ("murdered", "lost").
    assert_eq!(en("Eleven were killed in the attack."), vec![]);
    assert_eq!(en("Eleven were murdered in custody."), vec![]);
    assert_eq!(en("Police have charged 900 people."), vec![]);
    // Spanish families are Spanish words, in Spanish drafts only.
    let rules = Rules::parse(
        "[[figure]]\nid = \"d\"\nname = \"Muertes\"\nsubjects = [\"deaths in custody\"]\nsubjects_es = [\"muertes bajo custodia\"]\ncanonical = 367\n",
        Path::new("rules.toml"),
    )
    .unwrap();
    let es = SubjectMatcher::new(&rules.figures, Lang::Es);
    let text = "Fallecieron bajo custodia 40 personas.";
    let hits = es.find(text, 0..text.len());
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].family);
    let text = "Killed bajo custodia.";
    assert!(es.find(text, 0..text.len()).is_empty());
}

#[test]
fn a_subject_inside_a_phrase_the_figure_excludes_names_nothing() {
    let found = english_hits(
        r#"
[[figure]]
id = "poverty"
name = "Poverty rate"
subjects = ["poverty rate", "homicide rate"]
exclude = ["extreme poverty", "clearance rate"]
canonical = 38.1
unit = "percent"

[[figure]]
id = "extreme"
name = "Extreme poverty rate"
subjects = ["extreme poverty rate"]
canonical = 6.9
unit = "percent"
"#,
    );
    // The excluded phrase takes the subject with it, for its own figure
    // only: the other figure still reads its phrase there.
    assert_eq!(
        found("The extreme poverty rate fell to 6.9%."),
        vec![(1, "extreme poverty rate".into())]
    );
    // With a word inside the subject ("homicide clearance rate"), too.
    assert_eq!(found("The homicide clearance rate is 30%."), vec![]);
    // Must not fire: the subject alone, and inflections of it.
    assert_eq!(
        found("The poverty rate fell to 38.1%."),
        vec![(0, "poverty rate".into())]
    );
    assert_eq!(
        found("Poverty rates fell; extreme hunger did not."),
        vec![(0, "Poverty rates".into())]
    );
}

#[test]
fn a_longer_phrase_a_figure_excludes_does_not_hide_another_figure_s_phrase() {
    let found = english_hits(
        r#"
[[figure]]
id = "bodies"
name = "Bodies recovered"
subjects = ["bodies recovered", "bodies"]
exclude = ["body parts"]
canonical = 40

[[figure]]
id = "parts"
name = "Body parts recovered"
subjects = ["body parts"]
canonical = 12
"#,
    );
    // "body [parts were] recovered" would be the bodies' phrase with a gap;
    // the bodies exclude "body parts", so the parts' own phrase stands.
    assert_eq!(
        found("Twelve body parts were recovered."),
        vec![(1, "body parts".into())]
    );
    // Must not fire: the bodies' phrase where no exclusion covers it.
    assert_eq!(
        found("Forty bodies were recovered."),
        vec![(0, "bodies were recovered".into())]
    );
}

#[test]
fn a_word_that_narrows_the_phrase_to_another_quantity_drops_it() {
    let rules = Rules::parse(
        r#"
[[figure]]
id = "poverty"
name = "Poverty rate in Argentina"
subjects = ["poverty rate", "inflation rose"]
subjects_es = ["tasa de pobreza", "pobreza"]
canonical = 38.1
unit = "percent"

[[figure]]
id = "deaths"
name = "Deaths from Hurricane Helene"
subjects = ["death toll", "people died", "killed [N] people"]
canonical = 248
"#,
        Path::new("rules.toml"),
    )
    .unwrap();
    let en = SubjectMatcher::new(&rules.figures, Lang::En);
    let es = SubjectMatcher::new(&rules.figures, Lang::Es);
    let found = |m: &SubjectMatcher, text: &str| -> Vec<String> {
        m.find(text, 0..text.len())
            .into_iter()
            .map(|h| text[h.span].to_string())
            .collect()
    };
    let none: Vec<String> = Vec::new();
    // Must fire: a modifier the desk did not write, after a determiner, a
    // possessive or a number, or opening the sentence.
    for text in [
        "The child poverty rate is 52%.",
        "Argentina's extreme poverty rate fell to 10%.",
        "The 2024 youth poverty rate was 60%.",
        "Child poverty rate hits 52%.",
        "The core inflation rose to 3%.",
        "The state death toll rose to 105.",
        "Young people died in the floods.",
    ] {
        assert_eq!(found(&en, text), none, "{text}");
    }
    for text in [
        "La tasa de pobreza infantil llegó al 52%.",
        "La pobreza extrema bajó al 10%.",
        "La extrema pobreza bajó al 10%.",
    ] {
        assert_eq!(found(&es, text), none, "{text}");
    }
    // Must not: words that qualify the count, names, years, possessives,
    // the figure's own words, event nouns, participles, and a word after
    // which the next may be a verb ("raised poverty rate targets").
    for (text, phrase) in [
        ("The official poverty rate is 38.1%.", "poverty rate"),
        ("The poverty rate is 38.1%.", "poverty rate"),
        ("Argentina's poverty rate is 38.1%.", "poverty rate"),
        ("The Argentina poverty rate is 38.1%.", "poverty rate"),
        ("The 2024 poverty rate was 38.1%.", "poverty rate"),
        ("The annual poverty rate was 38.1%.", "poverty rate"),
        ("A decree raised poverty rate targets.", "poverty rate"),
        ("The hurricane death toll rose to 248.", "death toll"),
        ("The storm death toll rose to 248.", "death toll"),
        ("The storm-related death toll rose to 248.", "death toll"),
        ("The confirmed death toll rose to 248.", "death toll"),
        ("The storm killed 248 people.", "killed 248 people"),
        ("Since then 248 people died.", "people died"),
        ("Fifty people died in the floods.", "people died"),
        ("Some people died in the floods.", "people died"),
    ] {
        assert_eq!(found(&en, text), [phrase], "{text}");
    }
    for (text, phrase) in [
        ("La tasa de pobreza bajó al 38,1%.", "tasa de pobreza"),
        (
            "La tasa de pobreza nacional fue de 38,1%.",
            "tasa de pobreza",
        ),
    ] {
        assert_eq!(found(&es, text), [phrase], "{text}");
    }
}

#[test]
fn a_narrowing_word_counts_past_the_figure_s_own_words_before_the_phrase() {
    let rules = Rules::parse(
        "[[figure]]\nid = \"cpi\"\nname = \"Consumer price inflation in the UK\"\nsubjects = [\"inflation rose\"]\nunit = \"percent\"\ncanonical = 3.8\n",
        Path::new("rules.toml"),
    )
    .unwrap();
    let en = SubjectMatcher::new(&rules.figures, Lang::En);
    let found = |text: &str| -> Vec<String> {
        en.find(text, 0..text.len())
            .into_iter()
            .map(|h| text[h.span].to_string())
            .collect()
    };
    // Must: "food" narrows "price inflation", "price" being the figure's.
    assert_eq!(
        found("Food price inflation rose to 16.2%."),
        Vec::<String>::new()
    );
    assert_eq!(
        found("The core consumer price inflation rose to 3%."),
        Vec::<String>::new()
    );
    // Must not: only the figure's own words, or a name, before the phrase.
    for text in [
        "Consumer price inflation rose to 3.8%.",
        "UK consumer price inflation rose to 3.8%.",
        "The consumer price inflation rose to 3.8%.",
    ] {
        assert_eq!(found(text), ["inflation rose"], "{text}");
    }
}

#[test]
fn a_subject_with_a_grouped_number_in_it_matches() {
    let rules = Rules::parse(
        "[[figure]]\nid = \"k\"\nname = \"Killings\"\nsubjects = [\"killings per 100,000\"]\nsubjects_es = [\"homicidios por cada 100.000\"]\nunit = \"rate\"\ncanonical = 1.9\n",
        Path::new("rules.toml"),
    )
    .unwrap();
    let en = SubjectMatcher::new(&rules.figures, Lang::En);
    let es = SubjectMatcher::new(&rules.figures, Lang::Es);
    let spans = |m: &SubjectMatcher, text: &str| -> Vec<String> {
        m.find(text, 0..text.len())
            .into_iter()
            .map(|h| text[h.span].to_string())
            .collect()
    };
    assert_eq!(
        spans(&en, "It had 2.4 killings per 100,000 last year."),
        ["killings per 100,000"]
    );
    assert_eq!(
        spans(&es, "Hubo 2,4 homicidios por cada 100.000 habitantes."),
        ["homicidios por cada 100.000"]
    );
    // Must not fire: another number, or two numbers a comma separates.
    assert!(spans(&en, "It had 2.4 killings per 10,000 last year.").is_empty());
    assert!(spans(&en, "It had 2.4 killings per 100, 000 more.").is_empty());
    // Nor does a gap run across a grouped number: "destroyed 6,837
    // structures" is a number and its noun, not the phrase around it.
    let rules = Rules::parse(
        "[[figure]]\nid = \"s\"\nname = \"Structures\"\nsubjects = [\"destroyed structures\"]\ncanonical = 16000\n",
        Path::new("rules.toml"),
    )
    .unwrap();
    let m = SubjectMatcher::new(&rules.figures, Lang::En);
    assert!(spans(&m, "It destroyed 6,837 structures.").is_empty());
}

#[test]
fn stems_kept_from_one_draft_to_the_next_change_nothing() {
    let text = "Eleven people died in custody last year.";
    let first = found(text);
    assert!(KEPT_STEMS.with(|kept| !kept.borrow()[Lang::En.index()].is_empty()));
    assert_eq!(found(text), first);
    // A Spanish draft on the same thread keeps its own stems: "murieron"
    // is not stemmed as an English word.
    let rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
    SubjectMatcher::new(&rules.figures, Lang::Es).find("murieron", 0..8);
    assert_eq!(found(text), first);
    assert_eq!(first, vec![("deaths", "died in custody")]);
}

#[test]
fn words_match_their_inflections() {
    assert_eq!(
        found("He dies in custody."),
        vec![("deaths", "dies in custody")]
    );
    assert_eq!(
        found("Dying in custody."),
        vec![("deaths", "Dying in custody")]
    );
    assert_eq!(
        found("Police have arrested"),
        vec![("arrests", "have arrested")]
    );
    assert_eq!(
        found("one arrested under the state of exception"),
        vec![("arrests", "arrested under the state of exception")]
    );
}

#[test]
fn inserted_words_up_to_the_gap() {
    assert_eq!(
        found("died in government custody"),
        vec![("deaths", "died in government custody")]
    );
    assert_eq!(
        found("died while in state custody"),
        vec![("deaths", "died while in state custody")]
    );
    // The default gap is 2: three inserted words are too many.
    assert_eq!(found("died in the care of custody"), vec![]);
    // This figure's gap is 1.
    assert_eq!(
        found("have already arrested"),
        vec![("arrests", "have already arrested")]
    );
    assert_eq!(found("have since then arrested"), vec![]);
}

#[test]
fn never_across_a_negation_or_clause_punctuation() {
    assert_eq!(found("have not arrested"), vec![]);
    assert_eq!(found("have never arrested"), vec![]);
    assert_eq!(found("have NEVER arrested"), vec![]);
    assert_eq!(found("died, in custody"), vec![]);
    assert_eq!(found("They died. In custody"), vec![]);
    assert_eq!(
        found("died in custody—367"),
        vec![("deaths", "died in custody")]
    );
}

#[test]
fn never_across_a_word_that_joins_another_noun() {
    // Must not: "and" or "or" inserted makes the phrase name a list.
    assert_eq!(found("deaths in police and state custody"), vec![]);
    assert_eq!(found("deaths in police or state custody"), vec![]);
    // Must: the same phrase with an inserted word that joins nothing, and
    // a coordinator outside the phrase.
    assert_eq!(
        found("deaths in police custody"),
        vec![("deaths", "deaths in police custody")]
    );
    assert_eq!(
        found("injuries and deaths in state custody"),
        vec![("deaths", "deaths in state custody")]
    );
}

#[test]
fn words_are_letters_digits_and_inner_apostrophes_in_any_script() {
    let words = |text: &str| -> Vec<String> {
        tokens(text)
            .into_iter()
            .map(|w| text[w].to_string())
            .collect()
    };
    assert_eq!(words("Salvador's toll"), ["Salvador's", "toll"]);
    assert_eq!(words("'quoted' words"), ["quoted", "words"]);
    assert_eq!(words("l’État, naïve café"), ["l’État", "naïve", "café"]);
    assert_eq!(words("x_y 42b—end’"), ["x_y", "42b", "end"]);
    assert_eq!(
        words("“deaths”\u{a0}in custody"),
        ["deaths", "in", "custody"]
    );
    assert_eq!(words("..."), Vec::<String>::new());
}

#[test]
fn negations_are_listed_in_lowercase() {
    // `is_negation` compares a word in ASCII without lowercasing it.
    for inflection in [&ENGLISH, &SPANISH] {
        for n in inflection.negations {
            assert_eq!(*n, n.to_lowercase());
        }
    }
    assert!(is_negation(&ENGLISH, "Never"));
    assert!(is_negation(&SPANISH, "NUNCA"));
    assert!(is_negation(&SPANISH, "Tampoco"));
    assert!(!is_negation(&ENGLISH, "nothing"));
}

#[test]
fn whole_words_only_in_any_script() {
    assert_eq!(found("rearrested under the state of exception"), vec![]);
    assert_eq!(found("died in custodyé"), vec![]);
    assert_eq!(found("predied in custody"), vec![]);
    // A possessive is the same word.
    assert_eq!(
        found("deaths in custody’s toll"),
        vec![("deaths", "deaths in custody’s")]
    );
}

#[test]
fn every_inflection_starts_with_its_stems_prefix() {
    let stemming = Stemming::new(Lang::En);
    for word in [
        "died",
        "dies",
        "dying",
        "death",
        "deaths",
        "custody",
        "custodial",
        "arrested",
        "arrests",
        "arresting",
        "detained",
        "detainees",
        "homicides",
        "relational",
        "conflated",
        "hopping",
        "skies",
        "lying",
        "studies",
        "cried",
        "generalization",
        "happily",
        "officials",
        "Salvador's",
        "extensions",
        "renewed",
    ] {
        let lower = normal(word);
        let stem = stemming.stem(&lower);
        assert!(
            starts_like(&ENGLISH, word, &stem, prefix(&stem)),
            "{word}: stem {stem}, prefix {}",
            prefix(&stem)
        );
    }
    assert_eq!(prefix("custodi"), "custo");
    assert_eq!(prefix("die"), "die");
    assert_eq!(prefix("in"), "in");
}

#[test]
fn spanish_words_match_their_inflections_with_or_without_accents() {
    let rules = Rules::parse(
        r#"
[[figure]]
id = "deaths"
name = "Muertes"
subjects = ["died in custody"]
subjects_es = ["(muertes|murieron) bajo custodia"]
canonical = 367

[[figure]]
id = "arrests"
name = "Detenciones"
subjects = ["arrested"]
subjects_es = ["detenidos", "detención"]
canonical = 85000
"#,
        std::path::Path::new("rules.toml"),
    )
    .unwrap();
    let matcher = SubjectMatcher::new(&rules.figures, Lang::Es);
    let found = |text: &str| -> Vec<String> {
        matcher
            .find(text, 0..text.len())
            .into_iter()
            .map(|h| text[h.span].to_string())
            .collect()
    };
    for text in [
        "una muerte bajo custodia",
        "murió bajo custodia",
        "murieron bajo la custodia",
        "MUERTES BAJO CUSTODIA",
    ] {
        assert_eq!(found(text).len(), 1, "{text}");
    }
    for text in [
        "los detenidos",
        "las detenidas",
        "un detenido",
        "la detencion",
        "las detenciones",
    ] {
        assert_eq!(found(text).len(), 1, "{text}");
    }
    // A negation inside the phrase, or another word: no match.
    assert!(found("muertes no bajo custodia").is_empty());
    assert!(found("los detectives").is_empty());
    // English phrases do not match Spanish drafts, nor Spanish ones English.
    assert!(found("died in custody").is_empty());
    let english = SubjectMatcher::new(&rules.figures, Lang::En);
    assert!(english.find("los detenidos", 0..13).is_empty());
}

#[test]
fn tokens_keep_apostrophes_inside_words() {
    let text = "El Salvador's 85,000 ’";
    let words: Vec<&str> = tokens(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(words, vec!["El", "Salvador's", "85", "000"]);
}

#[test]
fn a_compound_noun_takes_no_inserted_word() {
    let rules = r#"
[[figure]]
id = "rate"
name = "Homicide rate"
subjects = ["homicide rate"]
unit = "rate"
canonical = 1.9

[[figure]]
id = "tasa"
name = "Tasa de homicidios"
subjects = ["killings fell"]
subjects_es = ["homicidios disminuyeron"]
unit = "percent"
canonical = 5
"#;
    let find = |text: &str, lang: Lang| phrases_under(rules, text, lang);
    // "homicide clearance rate" is another quantity than the homicide rate.
    assert_eq!(
        find("the homicide clearance rate", Lang::En),
        Vec::<String>::new()
    );
    assert_eq!(find("the homicide rate fell", Lang::En), ["homicide rate"]);
    assert_eq!(
        find("the homicide rates fell", Lang::En),
        ["homicide rates"]
    );
    // A phrase with a function word or a participle keeps its gap (above:
    // "died in government custody"); Spanish puts modifiers after the noun,
    // so its phrases keep theirs: "homicidios dolosos disminuyeron".
    assert_eq!(
        find("los homicidios dolosos disminuyeron", Lang::Es),
        ["homicidios dolosos disminuyeron"]
    );
    let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let english = super::inflection::ENGLISH;
    assert!(super::inflection::is_compound(
        &english,
        &words(&["prison", "population"])
    ));
    assert!(!super::inflection::is_compound(
        &english,
        &words(&["deaths", "in", "custody"])
    ));
    assert!(!super::inflection::is_compound(
        &english,
        &words(&["people", "arrested"])
    ));
    assert!(!super::inflection::is_compound(&english, &words(&["toll"])));
    assert!(!super::inflection::is_compound(
        &english,
        &words(&["killings", "fell"])
    ));
}

#[test]
fn a_noun_and_participle_phrase_matches_the_active_voice_round_its_number() {
    let rules = r#"
[[figure]]
id = "destroyed"
name = "Structures destroyed"
subjects = ["structures destroyed"]
subjects_es = ["viviendas destruidas"]
canonical = 16000
"#;
    let found = |text: &str, lang: Lang| -> Vec<(String, bool)> {
        hits_under(rules, text, lang)
            .into_iter()
            .map(|h| (text[h.span].to_string(), h.around))
            .collect()
    };
    // Must fire: a number with its qualifier between verb and noun.
    for (text, lang, phrase) in [
        (
            "The fires destroyed nearly 10,000 structures.",
            Lang::En,
            "destroyed nearly 10,000 structures",
        ),
        (
            "It destroys two structures a day.",
            Lang::En,
            "destroys two structures",
        ),
        (
            "El fuego destruyó más de 8 mil viviendas.",
            Lang::Es,
            "destruyó más de 8 mil viviendas",
        ),
    ] {
        assert_eq!(found(text, lang), [(phrase.to_string(), true)], "{text}");
    }
    // The desk's own order is no turned phrase.
    assert_eq!(
        found("16,000 structures destroyed", Lang::En),
        [("structures destroyed".to_string(), false)]
    );
    // Must not fire: no number between, a mark after it, another noun, a
    // word that is no qualifier, or a number's own noun with another verb.
    for text in [
        "The fires destroyed structures.",
        "The fires destroyed 10,000, officials said, of the structures.",
        "The fires destroyed 10,000 homes.",
        "The fires destroyed the old 10,000 structures.",
        "The fires damaged 10,000 structures.",
    ] {
        assert_eq!(found(text, Lang::En), [], "{text}");
    }
}

#[test]
fn auxiliaries_inside_a_phrase_take_no_part_of_its_gap() {
    let rules = r#"
[[figure]]
id = "destroyed"
name = "Structures destroyed"
subjects = ["structures destroyed"]
subjects_es = ["viviendas afectadas"]
canonical = 16000
"#;
    let found = |text: &str, lang: Lang| phrases_under(rules, text, lang);
    // Must fire: the perfect and the passive, with a gap's words besides.
    assert_eq!(
        found("16,000 structures have since been destroyed.", Lang::En),
        ["structures have since been destroyed"]
    );
    assert_eq!(
        found("6.000 viviendas han sido directamente afectadas.", Lang::Es),
        ["viviendas han sido directamente afectadas"]
    );
    // Must not fire: more than the gap's other words, or a negation.
    assert_eq!(
        found(
            "16,000 structures in the old town were later destroyed.",
            Lang::En
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        found("16,000 structures have not been destroyed.", Lang::En),
        Vec::<String>::new()
    );
}

/// The subject hits in `text` under the rules file `rules`.
fn hits_under(rules: &str, text: &str, lang: Lang) -> Vec<SubjectHit> {
    let rules = Rules::parse(rules, Path::new("rules.toml")).expect("test rules parse");
    SubjectMatcher::new(&rules.figures, lang).find(text, 0..text.len())
}

/// The phrases found in `text` under the rules file `rules`, as written.
fn phrases_under(rules: &str, text: &str, lang: Lang) -> Vec<String> {
    hits_under(rules, text, lang)
        .into_iter()
        .map(|h| text[h.span].to_string())
        .collect()
}

#[test]
fn a_phrase_inside_another_counts_only_where_it_runs_on_and_names_another_figure() {
    const RULES: &str = r#"
[[figure]]
id = "deaths"
name = "Deaths"
subjects = ["people died"]
canonical = 250

[[figure]]
id = "sc-deaths"
name = "Deaths in South Carolina"
subjects = ["died in South Carolina"]
canonical = 50

[[figure]]
id = "payment"
name = "Payment"
subjects = ["agreed to pay", "pay El Salvador"]
canonical = 6000000
"#;
    // Must: another figure's phrase running past the first.
    assert_eq!(
        phrases_under(RULES, "49 people died in South Carolina", Lang::En),
        ["people died", "died in South Carolina"]
    );
    // Must not: the same figure's phrase over the same words, once is enough.
    assert_eq!(
        phrases_under(RULES, "It agreed to pay El Salvador $6 million", Lang::En),
        ["agreed to pay"]
    );
}

#[test]
fn a_spanish_phrase_runs_across_the_rate_written_inside_it() {
    const RATE: &str = r#"
[settings]
lang = "es"

[[figure]]
id = "tasa"
name = "Tasa de homicidios"
subjects = ["tasa de homicidios"]
unit = "rate"
canonical = 25.8
"#;
    // Must: the numeral right after "de", the phrase's next word right after it.
    for (text, phrase) in [
        (
            "una tasa de 25,6 homicidios por cada 100.000",
            "tasa de 25,6 homicidios",
        ),
        (
            "una tasa de 25.6 homicidios por cada 100 mil",
            "tasa de 25.6 homicidios",
        ),
        (
            "la tasa de 1.234,5 homicidios",
            "tasa de 1.234,5 homicidios",
        ),
    ] {
        let hits = hits_under(RATE, text, Lang::Es);
        assert_eq!(hits.len(), 1, "{text}: {hits:?}");
        assert_eq!(&text[hits[0].span.clone()], phrase);
        assert!(hits[0].around, "{text}: claims the number inside only");
    }
    // Must not: no "de" before it, a word between numeral and noun, another noun.
    for text in [
        "una tasa 25,6 homicidios",
        "una tasa de 25,6 por cada 100.000 homicidios",
        "una tasa de 25,6 robos",
    ] {
        assert_eq!(
            phrases_under(RATE, text, Lang::Es),
            Vec::<String>::new(),
            "{text}"
        );
    }
    // A phrase with no number inside is no phrase written round one.
    let plain = hits_under(RATE, "la tasa de homicidios fue de 25,6", Lang::Es);
    assert!(plain.len() == 1 && !plain[0].around, "{plain:?}");
}
