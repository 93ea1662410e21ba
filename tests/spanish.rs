//! Spanish drafts: the examples of the Spanish issue sentence by sentence
//! against the project's own rules.toml, a must-not-fire test for each trap,
//! and drafts of both languages checked in one run.

mod common;

use std::path::Path;

use common::figcheck;
use figcheck::lang::Lang;
use figcheck::{Checker, Rules};

fn checker() -> Checker {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml");
    Checker::new(Rules::load(&path).expect("the project's rules.toml loads"))
        .today(figcheck::date::Date::parse("2025-05-01").unwrap())
}

/// (code, number as written) for each finding in a Spanish `text`.
fn findings(text: &str) -> Vec<(&'static str, String)> {
    checker()
        .check_text(text, None, Some(Lang::Es))
        .into_iter()
        .map(|f| (f.code.as_str(), f.found_text))
        .collect()
}

/// (figure id, number as written) for each claim in a Spanish `text`.
fn claims(text: &str) -> Vec<(String, String)> {
    let checker = checker();
    let analysis = checker.analyse_in(text, Some(Lang::Es));
    analysis
        .claims
        .iter()
        .map(|c| {
            let n = &analysis.numbers[c.number];
            (
                checker.rules().figures[c.figure].id.clone(),
                text[n.span.clone()].to_string(),
            )
        })
        .collect()
}

#[test]
fn the_examples_of_the_issue() {
    let table: [(&str, &[(&str, &str)]); 7] = [
        (
            "Según Cristosal, 367 personas han muerto bajo custodia del Estado.",
            &[],
        ),
        (
            "Al menos 376 personas han muerto bajo custodia.",
            &[("figcheck::mismatch", "376")],
        ),
        ("La policía ha detenido a más de 85.000 personas.", &[]),
        (
            "La policía ha detenido a 58.000 personas desde marzo de 2022.",
            &[("figcheck::mismatch", "58.000")],
        ),
        (
            "La tasa de homicidios bajó de 38 por cada 100.000 habitantes en 2019 a 2,4 en 2024.",
            &[("figcheck::wrong-year", "2,4")],
        ),
        (
            "La tasa de homicidios fue de 1,9 por cada 100.000 habitantes en 2024.",
            &[],
        ),
        (
            "Miembros de la MS-13 fueron detenidos en la 34.ª prórroga.",
            &[],
        ),
    ];
    for (text, expected) in table {
        let expected: Vec<(&str, String)> =
            expected.iter().map(|(c, n)| (*c, n.to_string())).collect();
        assert_eq!(findings(text), expected, "{text}");
    }
}

#[test]
fn the_clean_examples_are_claims_not_misses() {
    // Nothing found because the claim was read and accepted, not skipped.
    assert_eq!(
        claims("Según Cristosal, 367 personas han muerto bajo custodia del Estado."),
        vec![("deaths-in-custody".into(), "367".into())]
    );
    assert_eq!(
        claims("La policía ha detenido a más de 85.000 personas."),
        vec![("state-of-exception-arrests".into(), "85.000".into())]
    );
    assert_eq!(
        claims("La tasa de homicidios fue de 1,9 por cada 100.000 habitantes en 2024."),
        vec![(
            "homicide-rate".into(),
            "1,9 por cada 100.000 habitantes".into()
        )]
    );
}

#[test]
fn each_trap_is_no_claim() {
    for text in [
        // A gang's name, an ordinal, a duration.
        "Miembros de la MS-13 fueron detenidos en la 34.ª prórroga.",
        "Miembros del Barrio 18 fueron detenidos tras la trigésima cuarta prórroga.",
        "Los detenidos pasan 30 días incomunicados.",
        "Los detenidos llevan tres años sin juicio.",
        // A phone number and an emergency line.
        "Las familias de los detenidos pueden llamar al 2250-7890.",
        "Quien sepa de personas detenidas puede marcar al 911.",
        // Years and dates.
        "La policía ha detenido a sospechosos desde 2019.",
        "La policía ha detenido a sospechosos desde el 15 de marzo de 2025.",
        "En 2023 la policía ha detenido a sospechosos en todo el país.",
        // Articles and names with digits.
        "Según el artículo 29, las personas detenidas deben ver a un juez.",
        "El Decreto 333 regula a las personas detenidas.",
        // A forecast, a hypothetical and a negation.
        "El Gobierno prevé que la tasa de homicidios baje a 1,5 el próximo año.",
        "Se espera que la tasa de homicidios llegue a 1,2.",
        "La tasa de homicidios podría bajar a 1,1 en 2026.",
        "Ninguno de los 400 reos no ha muerto bajo custodia.",
        // An increment and a part: not the total.
        "Otras 12 personas han muerto bajo custodia este mes.",
        "Se conocen los nombres de 40 personas muertas bajo custodia.",
        // Another count in the same sentence.
        "La policía ha detenido a pandilleros en 14 departamentos.",
        // A day's arrests, not the total: a window of hours or days.
        "La policía capturó a 603 personas en las últimas 24 horas.",
        "Solo en las últimas 24 horas, la policía ha detenido a 471 personas.",
    ] {
        assert_eq!(findings(text), vec![], "{text}");
    }
}

/// Shapes met in real Spanish articles, in sentences of our own.
#[test]
fn what_real_spanish_prose_taught() {
    // A hypothetical with an irregular conditional, and a projection.
    for text in [
        "De mantenerse el ritmo, la tasa de homicidios habría sido de 0,5 por cada 100.000 habitantes.",
        "Las cifras llevan al Gabinete a proyectar una tasa de homicidios de 1,5 por cada 100.000 habitantes.",
        // People described as detained are not the count of arrests.
        "Entre ellos hay 459 personas detenidas con antecedentes y 60 sin ellos.",
    ] {
        assert_eq!(findings(text), vec![], "{text}");
    }
    // A number inside the subject's words: a rate of homicides.
    assert_eq!(
        claims("En 2019 la tasa de 38 homicidios por cada 100.000 habitantes alarmaba al país."),
        vec![(
            "homicide-rate".into(),
            "38 homicidios por cada 100.000 habitantes".into()
        )]
    );
    // The simple past names the arrests as well as the perfect does.
    assert_eq!(
        findings("Las autoridades capturaron a más de 85.000 personas."),
        vec![]
    );
    assert_eq!(
        findings("Las autoridades capturaron a 58.000 personas."),
        vec![("figcheck::mismatch", "58.000".to_string())]
    );
}

#[test]
fn a_qualifier_bounds_the_claim_as_in_english() {
    // `más de 85.000` admits the canonical lower bound; `más de 50.000` is
    // too far below it to be a rounding.
    assert_eq!(
        findings("La policía ha detenido a más de 85.000 personas."),
        vec![]
    );
    assert_eq!(
        findings("La policía ha detenido a más de 50.000 personas."),
        vec![("figcheck::mismatch", "50.000".to_string())]
    );
    // `casi 370` reaches down to 367.
    assert_eq!(
        findings("Casi 370 personas han muerto bajo custodia."),
        vec![]
    );
}

#[test]
fn history_and_sources_read_in_spanish() {
    // The first value of a change is history: right for its year.
    assert_eq!(
        findings(
            "La tasa de homicidios pasó de 38 por cada 100.000 habitantes en 2019 a 1,9 en 2024."
        ),
        vec![]
    );
    // A count attributed to the source whose value it is not.
    assert_eq!(
        findings("Según WOLA, 367 personas han muerto bajo custodia."),
        vec![("figcheck::wrong-source", "367".to_string())]
    );
    assert_eq!(
        findings("WOLA contabiliza 350 muertes bajo custodia."),
        vec![]
    );
    // An early count, dated: right then.
    assert_eq!(
        findings("Hasta abril de 2024, Cristosal había documentado 261 muertes bajo custodia."),
        vec![]
    );
}

const RULES: &str = r#"
[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
subjects_es = ["(muertes|murieron) bajo custodia"]
canonical = 367
"#;

#[test]
fn drafts_in_two_languages_are_each_read_in_their_own() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    std::fs::write(
        dir.path().join("en.md"),
        "At least 376 people died in custody.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("es.md"),
        "---\nlang: es\n---\nAl menos 3.760 personas murieron bajo custodia.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("es.html"),
        "<html lang=\"es-SV\"><body><p>Unas 367 personas murieron bajo custodia.</p></body></html>",
    )
    .unwrap();
    let run = figcheck(
        dir.path(),
        &["--format", "short", "en.md", "es.md", "es.html"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().filter(|l| l.contains("::")).collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    // The English draft read 376; the Spanish one 3.760 as three thousand,
    // and each is told so in its own language.
    assert!(lines[0].starts_with("en.md:1:10:"), "{}", lines[0]);
    assert!(lines[0].contains("376 is above"), "{}", lines[0]);
    assert!(lines[1].starts_with("es.md:4:10:"), "{}", lines[1]);
    assert!(lines[1].contains("3.760 está por encima"), "{}", lines[1]);

    let numbers = figcheck(
        dir.path(),
        &["numbers", "--format", "json", "en.md", "es.md", "es.html"],
    );
    let json: serde_json::Value = serde_json::from_str(&numbers.stdout).unwrap();
    let langs: Vec<(String, String)> = json["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["lang"].as_str().unwrap().to_string(),
                d["lang_from"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        langs,
        vec![
            ("en".into(), "settings".into()),
            ("es".into(), "html-lang".into()),
            ("es".into(), "front-matter:lang".into()),
        ]
    );
    // --lang overrides what the draft says.
    let forced = figcheck(dir.path(), &["--format", "short", "--lang", "en", "es.md"]);
    assert!(!forced.stdout.contains("3.760 is not"), "{}", forced.stdout);
    assert!(!forced.stdout.contains("está"), "{}", forced.stdout);
}

#[test]
fn auto_detects_a_draft_language_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rules.toml"),
        format!("[settings]\nlang = \"auto\"\n{RULES}"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("nota.md"),
        "Las organizaciones de derechos humanos documentan los casos uno por uno. \
         Según sus registros, 376 personas murieron bajo custodia desde que comenzó el régimen.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("note.md"),
        "Rights groups document the cases one by one, and their records show that \
         376 people died in custody since the crackdown began.\n",
    )
    .unwrap();
    let run = figcheck(dir.path(), &["--format", "short", "."]);
    // Each draft is told of its slip in its own language.
    assert_eq!(
        run.stdout.matches("376 is above").count(),
        1,
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("376 está por encima").count(),
        1,
        "{}",
        run.stdout
    );
    let numbers = figcheck(dir.path(), &["numbers", "nota.md", "note.md"]);
    assert!(
        numbers
            .stdout
            .contains("nota.md: checked as of 2026-01-01 (today: the draft gives no date), read in Spanish (detected from the text (lang = \"auto\"))"),
        "{}",
        numbers.stdout
    );
    assert!(
        numbers.stdout.contains("note.md: checked as of 2026-01-01 (today: the draft gives no date), read in English (detected"),
        "{}",
        numbers.stdout
    );
}

#[test]
fn a_language_figcheck_does_not_read_is_a_configuration_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rules.toml"),
        format!("[settings]\nlang = \"fr\"\n{RULES}"),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), "Text.\n").unwrap();
    let run = figcheck(dir.path(), &["a.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("figcheck does not read the language `fr`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("use \"en\" or \"es\""),
        "{}",
        run.stderr
    );
    let flag = figcheck(dir.path(), &["--lang", "fr", "a.md"]);
    assert_eq!(flag.code, 2);
    assert!(
        flag.stderr.contains("figcheck reads en and es"),
        "{}",
        flag.stderr
    );
}

#[test]
fn numbers_shows_a_spanish_draft_as_spanish_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    std::fs::write(
        dir.path().join("cifras.md"),
        "---\nlang: es\ndate: 2025-05-01\n---\n\
         Más de 85.000 detenidos; al menos 376 personas murieron bajo custodia, \
         casi el 1,6 % de la población, y la 34.ª prórroga dura 30 días. \
         La tasa fue de 1,9 por cada 100.000 habitantes en 2024, entre 105.000 y 109.000 presos, \
         un pago de US$6 millones y ochenta y cinco mil capturas.\n",
    )
    .unwrap();
    let run = figcheck(dir.path(), &["numbers", "cifras.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

/// The message, help and fix of the one finding in a Markdown `draft`.
fn said(draft: &str) -> (String, String, String) {
    let found = checker().check_document(figcheck::markup::Format::Markdown, draft);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    let fix = f.fix.as_ref().map_or(String::new(), |x| x.message.clone());
    (f.message.clone(), f.help.clone(), fix)
}

#[test]
fn a_spanish_draft_is_told_in_spanish_with_its_own_decimal_marks() {
    // Spain and most of South America: full stops group, commas mark decimals.
    let (message, help, fix) = said("---\nlang: es\n---\nLa policía detuvo a 58.000 personas.\n");
    assert!(
        message.ends_with("58.000 está por debajo del valor aceptado"),
        "{message}"
    );
    assert!(help.starts_with("use 85.000 o más ("), "{help}");
    assert_eq!(fix, "Usar 85.000");
    // Mexico and Central America: as English writes numbers, in Spanish words.
    let (message, help, fix) =
        said("---\nlang: es-SV\n---\nLa policía detuvo a 58,000 personas.\n");
    assert!(
        message.ends_with("58,000 está por debajo del valor aceptado"),
        "{message}"
    );
    assert!(help.starts_with("use 85,000 o más ("), "{help}");
    assert_eq!(fix, "Usar 85,000");
    // An English draft is told in English, whatever the rules' language.
    let (message, help, fix) = said("Police have arrested 58,000 people.\n");
    assert!(
        message.ends_with("58,000 is below the accepted value"),
        "{message}"
    );
    assert!(help.starts_with("use 85,000 or more ("), "{help}");
    assert_eq!(fix, "Use 85,000");
    for text in [&message, &help, &fix] {
        assert!(!text.contains(" o más") && !text.contains("está"), "{text}");
    }
}
