use std::path::Path;

use serde_json::Value;

use super::languagetool::answer;
use super::*;
use crate::lang::Lang;

const RULES: &str = r#"
[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
subjects_es = ["murieron bajo custodia"]
canonical = 367
"#;

fn checker() -> Checker {
    Checker::new(Rules::parse(RULES, Path::new("rules.toml")).unwrap())
}

fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

#[test]
fn a_form_gives_its_text_and_language() {
    let asked = check_request(&form(&[("text", "376 died."), ("language", "es-ES")])).unwrap();
    assert_eq!(asked.text, "376 died.");
    assert_eq!(asked.lang, Some(Lang::Es));
    // `auto`, or a language figcheck does not read, leaves it to the draft.
    let auto = check_request(&form(&[("text", "x"), ("language", "auto")])).unwrap();
    assert_eq!(auto.lang, None);
    let german = check_request(&form(&[("text", "x"), ("language", "de-DE")])).unwrap();
    assert_eq!(german.lang, None);
    // Neither text nor data: a plain error, no panic.
    assert!(check_request(&form(&[("language", "en")])).is_err());
    assert!(check_request(&form(&[("data", "not json")])).is_err());
    assert!(check_request(&form(&[("data", r#"{"annotation": [{}]}"#)])).is_err());
}

#[test]
fn findings_are_placed_in_utf16_units_of_the_clients_text() {
    // An emoji is two UTF-16 units and four bytes: the offset counts units.
    let text = "🙂 Rights groups say 376 people died in custody.";
    let asked = check_request(&form(&[("text", text), ("language", "en")])).unwrap();
    let answer = answer(&checker(), &asked);
    let matches = answer["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 1, "{answer}");
    let m = &matches[0];
    let offset = m["offset"].as_u64().unwrap() as usize;
    let length = m["length"].as_u64().unwrap() as usize;
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[offset..offset + length]).unwrap(),
        "376"
    );
    assert_eq!(m["rule"]["id"], "FIGCHECK_MISMATCH");
    assert!(m["message"].as_str().unwrap().contains(". Use 367"), "{m}");
    // The one fix the check is sure of is offered as the replacement.
    assert_eq!(m["replacements"][0]["value"], "367");
    let context = &m["context"];
    let c: Vec<u16> = context["text"].as_str().unwrap().encode_utf16().collect();
    let at = context["offset"].as_u64().unwrap() as usize;
    assert_eq!(String::from_utf16(&c[at..at + 3]).unwrap(), "376");
}

#[test]
fn annotated_data_is_read_as_its_text_and_placed_in_the_whole() {
    // Markup is read as what it is interpreted as; offsets count it all.
    let data = serde_json::json!({"annotation": [
        {"markup": "<p>", "interpretAs": ""},
        {"text": "Rights groups say "},
        {"markup": "<b>"},
        {"text": "376"},
        {"markup": "</b>"},
        {"text": " people died in custody."},
        {"markup": "</p>", "interpretAs": "\n\n"},
    ]});
    let asked = check_request(&form(&[("data", &data.to_string())])).unwrap();
    assert_eq!(
        asked.text,
        "Rights groups say 376 people died in custody.\n\n"
    );
    let answer = answer(&checker(), &asked);
    let m = &answer["matches"][0];
    let whole = "<p>Rights groups say <b>376</b> people died in custody.</p>";
    let offset = m["offset"].as_u64().unwrap() as usize;
    assert_eq!(&whole[offset..offset + 3], "376", "{m}");
    assert_eq!(m["length"], 3);
}

#[test]
fn a_correct_or_unrelated_text_gives_no_match() {
    for text in [
        "Rights groups say 367 people died in custody.",
        "The museum has 376 paintings.",
        "",
    ] {
        let asked = check_request(&form(&[("text", text)])).unwrap();
        let answer = answer(&checker(), &asked);
        assert_eq!(answer["matches"], serde_json::json!([]), "{text}");
    }
}

#[test]
fn language_auto_detects_the_language_whatever_the_rules_default() {
    // The rules read drafts in English unless told; `auto` is LanguageTool's
    // "detect it", so a Spanish text is read in Spanish.
    let text = "Según Cristosal, 376 personas murieron bajo custodia desde que comenzó el régimen.";
    let auto = check_request(&form(&[("text", text), ("language", "auto")])).unwrap();
    let answer_auto = answer(&checker(), &auto);
    assert_eq!(answer_auto["language"]["code"], "es", "{answer_auto}");
    assert_eq!(answer_auto["matches"].as_array().unwrap().len(), 1);
    // No language given: the rules' default, English, and no match.
    let unsaid = check_request(&form(&[("text", text)])).unwrap();
    let answer_unsaid = answer(&checker(), &unsaid);
    assert_eq!(answer_unsaid["language"]["code"], "en");
    assert_eq!(answer_unsaid["matches"], serde_json::json!([]));
}

#[test]
fn a_spanish_text_is_answered_in_spanish() {
    let text = "Según Cristosal, 376 personas murieron bajo custodia.";
    let asked = check_request(&form(&[("text", text), ("language", "auto")])).unwrap();
    let mut rules = Rules::parse(RULES, Path::new("rules.toml")).unwrap();
    rules.settings.lang = crate::lang::LangSetting::Auto;
    let answer = answer(&Checker::new(rules), &asked);
    assert_eq!(answer["language"]["code"], "es", "{answer}");
    let message = answer["matches"][0]["message"].as_str().unwrap();
    assert!(message.contains("está por encima"), "{message}");
}

/// Every key of `shape` is in `value`, with a value of the same JSON type;
/// an array's items take the shape of the shape's first item.
fn same_shape(shape: &Value, value: &Value, path: &str) {
    match (shape, value) {
        (Value::Object(s), Value::Object(v)) => {
            for (key, inner) in s {
                let here = format!("{path}.{key}");
                let got = v.get(key).unwrap_or_else(|| panic!("{here} is missing"));
                same_shape(inner, got, &here);
            }
        }
        (Value::Array(s), Value::Array(v)) => {
            if let (Some(first), false) = (s.first(), v.is_empty()) {
                for item in v {
                    same_shape(first, item, &format!("{path}[]"));
                }
            }
        }
        (Value::Number(_), Value::Number(_))
        | (Value::String(_), Value::String(_))
        | (Value::Bool(_), Value::Bool(_))
        | (Value::Null, Value::Null) => {}
        _ => panic!("{path}: {value} is not shaped like {shape}"),
    }
}

#[test]
fn the_answer_has_the_shape_of_languagetools() {
    let recorded: Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/serve/languagetool-response.json"
    )))
    .unwrap();
    let asked = check_request(&form(&[(
        "text",
        "Rights groups say 376 people died in custody.",
    )]))
    .unwrap();
    let answer = answer(&checker(), &asked);
    assert_eq!(answer["matches"].as_array().unwrap().len(), 1);
    same_shape(&recorded, &answer, "");
    // And a shape that differs is caught.
    let mut broken = answer.clone();
    broken["matches"][0]["offset"] = Value::from("31");
    let caught = std::panic::catch_unwind(|| same_shape(&recorded, &broken, ""));
    assert!(caught.is_err());
}

#[test]
fn a_word_document_opened_on_the_page_gives_its_text() {
    let text = extract("notes.txt", b"376 died.", 1 << 20).unwrap();
    assert_eq!(text, "376 died.");
    let html = extract("a.HTML", b"<p>376 <b>died</b>.</p>", 1 << 20).unwrap();
    assert!(html.contains("376") && !html.contains('<'), "{html}");
    let broken = extract("a.docx", b"not a zip", 1 << 20).unwrap_err();
    assert!(broken.contains("a.docx"), "{broken}");
}

#[test]
fn a_finding_on_a_long_line_carries_only_the_text_around_it() {
    // Two hundred slips on one line: each match quotes its own stretch of
    // it, never the whole line (which would make the answer grow with the
    // square of the line).
    let text = "Rights groups say 376 people died in custody. ".repeat(200);
    let asked = check_request(&form(&[("text", &text), ("language", "en")])).unwrap();
    let answer = answer(&checker(), &asked);
    let matches = answer["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 200);
    for m in matches {
        let sentence = m["sentence"].as_str().unwrap();
        assert!(
            sentence.len() <= 2 * super::languagetool::SENTENCE_REACH + 8,
            "{}",
            sentence.len()
        );
        assert!(sentence.contains("376"), "{sentence}");
    }
}

proptest::proptest! {
    /// Any form a client sends is an answer or an error, never a panic; and
    /// every match lies inside the client's text, counted in UTF-16 units.
    #[test]
    fn any_request_is_answered_inside_its_text(
        text in "[a-z .,\n“😀é\u{0}0-9]{0,80}",
        markup in "[<>/a-z\n]{0,6}",
        slip in proptest::bool::ANY,
    ) {
        let text = if slip { format!("{text} 376 people died in custody.") } else { text };
        for asked in [
            check_request(&form(&[("text", &text), ("language", "auto")])),
            check_request(&form(&[(
                "data",
                &serde_json::json!({"annotation": [
                    {"markup": markup, "interpretAs": "\n"},
                    {"text": text},
                    {"markup": "</p>"},
                ]})
                .to_string(),
            )])),
        ] {
            let asked = asked.unwrap();
            let whole = asked.text.encode_utf16().count() + markup.len() + 4;
            let answer = answer(&checker(), &asked);
            for m in answer["matches"].as_array().unwrap() {
                let offset = m["offset"].as_u64().unwrap() as usize;
                let length = m["length"].as_u64().unwrap() as usize;
                proptest::prop_assert!(offset + length <= whole, "{m}");
            }
        }
        // And a form of any bytes.
        let _ = check_request(&format!("{text}&data={markup}"));
    }
}
