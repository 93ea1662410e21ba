use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use super::*;

/// Each message of a file, with the variables it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let start = Regex::new(r"^([a-z][a-z-]*) =").unwrap();
    let variable = Regex::new(r"\$([a-z]+)").unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if let Some(c) = start.captures(line) {
            current = Some(c[1].to_string());
            assert!(
                out.insert(c[1].to_string(), BTreeSet::new()).is_none(),
                "{line}"
            );
        } else if !line.starts_with(' ') {
            current = None;
        }
        if let Some(id) = &current {
            let vars = out.get_mut(id).unwrap();
            vars.extend(variable.captures_iter(line).map(|c| c[1].to_string()));
        }
    }
    out
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let en = messages(SOURCES[Lang::En.index()]);
    let es = messages(SOURCES[Lang::Es.index()]);
    assert!(en.len() > 40, "{}", en.len());
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        es.keys().collect::<Vec<_>>(),
        "en.ftl and es.ftl name different messages"
    );
    for (id, vars) in &en {
        assert_eq!(vars, &es[id], "{id} uses different variables");
    }
}

#[test]
fn every_message_the_code_asks_for_is_written() {
    let en = messages(SOURCES[Lang::En.index()]);
    // The id as `tr!` and `text` take it (second) and as `joined` does (third).
    let asked = Regex::new(
        r#"(?s)(?:tr!|locale::text|\btext)\(\s*[^,()]+,\s*"([a-z][a-z-]*)"|\bjoined\([^;"{]*"([a-z][a-z-]*)""#,
    )
    .unwrap();
    let mut seen = BTreeSet::new();
    let mut files = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            for c in asked.captures_iter(&source) {
                let id = c.get(1).or(c.get(2)).unwrap().as_str();
                assert!(en.contains_key(id), "{}: no message {id}", path.display());
                seen.insert(id.to_string());
            }
        }
    }
    // And no message is written that nothing asks for.
    let unused: Vec<&String> = en.keys().filter(|id| !seen.contains(*id)).collect();
    assert!(unused.is_empty(), "messages nothing uses: {unused:?}");
}

#[test]
fn every_message_formats_without_error_in_every_language() {
    for lang in Lang::ALL {
        let bundle = &BUNDLES[lang.index()];
        for (id, vars) in messages(SOURCES[lang.index()]) {
            let mut args = FluentArgs::new();
            for v in &vars {
                args.set(v.as_str(), FluentValue::from("X"));
            }
            let pattern = bundle.get_message(&id).unwrap().value().unwrap();
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{} {id}: {errors:?}", lang.code());
            assert!(
                !out.contains(['\u{2068}', '\u{2069}']),
                "{id}: isolation marks"
            );
        }
    }
}

#[test]
fn a_message_reads_in_the_language_asked_for() {
    let en = tr!(Lang::En, "value-or-more", value = "85,000");
    let es = tr!(Lang::Es, "value-or-more", value = "85.000");
    assert_eq!(en, "85,000 or more");
    assert_eq!(es, "85.000 o más");
    // A selector picks its variant; an unknown key takes the default.
    let above = tr!(
        Lang::Es,
        "mismatch",
        figure = "F",
        found = "9",
        why = "above-one",
        reach = ""
    );
    assert_eq!(above, "F: 9 está por encima del valor aceptado");
    let other = tr!(
        Lang::En,
        "mismatch",
        figure = "F",
        found = "9",
        why = "?",
        reach = ""
    );
    assert_eq!(other, "F: 9 is not an accepted value");
}

#[test]
fn lists_are_joined_as_each_language_joins_them() {
    assert_eq!(and_list(Lang::En, &["a", "b", "c"]), "a, b and c");
    assert_eq!(and_list(Lang::Es, &["a", "b", "c"]), "a, b y c");
    assert_eq!(or_list(Lang::Es, &["a", "b"]), "a o b");
    assert_eq!(or_list(Lang::En, &["a"]), "a");
    assert_eq!(and_list(Lang::En, &[]), "");
}
