//! Spanish numbers in words: `doce`, `trescientos cincuenta`, `ochenta y
//! cinco mil`, `dos millones`, and ordinals such as `trigésima cuarta`.

use std::sync::LazyLock;

use regex::Regex;

use super::words::WordNumber;

/// Units and the numbers Spanish writes as one word up to 29.
const UNITS: &[(&str, f64)] = &[
    ("cero", 0.0),
    ("un", 1.0),
    ("uno", 1.0),
    ("una", 1.0),
    ("dos", 2.0),
    ("tres", 3.0),
    ("cuatro", 4.0),
    ("cinco", 5.0),
    ("seis", 6.0),
    ("siete", 7.0),
    ("ocho", 8.0),
    ("nueve", 9.0),
    ("diez", 10.0),
    ("once", 11.0),
    ("doce", 12.0),
    ("trece", 13.0),
    ("catorce", 14.0),
    ("quince", 15.0),
    ("dieciséis", 16.0),
    ("dieciseis", 16.0),
    ("diecisiete", 17.0),
    ("dieciocho", 18.0),
    ("diecinueve", 19.0),
    ("veinte", 20.0),
    ("veintiún", 21.0),
    ("veintiun", 21.0),
    ("veintiuno", 21.0),
    ("veintiuna", 21.0),
    ("veintidós", 22.0),
    ("veintidos", 22.0),
    ("veintitrés", 23.0),
    ("veintitres", 23.0),
    ("veinticuatro", 24.0),
    ("veinticinco", 25.0),
    ("veintiséis", 26.0),
    ("veintiseis", 26.0),
    ("veintisiete", 27.0),
    ("veintiocho", 28.0),
    ("veintinueve", 29.0),
];

const TENS: &[(&str, f64)] = &[
    ("treinta", 30.0),
    ("cuarenta", 40.0),
    ("cincuenta", 50.0),
    ("sesenta", 60.0),
    ("setenta", 70.0),
    ("ochenta", 80.0),
    ("noventa", 90.0),
];

const HUNDREDS: &[(&str, f64)] = &[
    ("cien", 100.0),
    ("ciento", 100.0),
    ("doscientos", 200.0),
    ("doscientas", 200.0),
    ("trescientos", 300.0),
    ("trescientas", 300.0),
    ("cuatrocientos", 400.0),
    ("cuatrocientas", 400.0),
    ("quinientos", 500.0),
    ("quinientas", 500.0),
    ("seiscientos", 600.0),
    ("seiscientas", 600.0),
    ("setecientos", 700.0),
    ("setecientas", 700.0),
    ("ochocientos", 800.0),
    ("ochocientas", 800.0),
    ("novecientos", 900.0),
    ("novecientas", 900.0),
];

/// Scales above the thousand; `mil millones` is a thousand millions.
const SCALES: &[(&str, f64)] = &[
    ("millón", 1e6),
    ("millon", 1e6),
    ("millones", 1e6),
    ("billón", 1e12),
    ("billon", 1e12),
    ("billones", 1e12),
];

/// Ordinal tens (and the hundredth), without their gender ending.
const ORDINAL_TENS: &[(&str, f64)] = &[
    ("décim", 10.0),
    ("decim", 10.0),
    ("vigésim", 20.0),
    ("vigesim", 20.0),
    ("trigésim", 30.0),
    ("trigesim", 30.0),
    ("cuadragésim", 40.0),
    ("cuadragesim", 40.0),
    ("quincuagésim", 50.0),
    ("quincuagesim", 50.0),
    ("sexagésim", 60.0),
    ("sexagesim", 60.0),
    ("septuagésim", 70.0),
    ("septuagesim", 70.0),
    ("octogésim", 80.0),
    ("octogesim", 80.0),
    ("nonagésim", 90.0),
    ("nonagesim", 90.0),
    ("centésim", 100.0),
    ("centesim", 100.0),
];

/// Ordinal units, without their gender ending; they follow an ordinal ten.
const ORDINAL_UNITS: &[(&str, f64)] = &[
    ("primer", 1.0),
    ("segund", 2.0),
    ("tercer", 3.0),
    ("cuart", 4.0),
    ("quint", 5.0),
    ("sext", 6.0),
    ("séptim", 7.0),
    ("septim", 7.0),
    ("octav", 8.0),
    ("noven", 9.0),
];

fn words() -> Vec<&'static str> {
    let mut words: Vec<&str> = UNITS
        .iter()
        .chain(TENS)
        .chain(HUNDREDS)
        .chain(SCALES)
        .map(|(w, _)| *w)
        .collect();
    words.push("mil");
    // Longest first, so that `seiscientos` wins over `seis`.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// A run of number words joined by spaces or `y`. Boundaries are checked
/// in code: accented letters would force the regex engine off its fast
/// automaton for Unicode word boundaries.
static CHAIN: LazyLock<Regex> = LazyLock::new(|| {
    let word = format!("(?:{})", words().join("|"));
    Regex::new(&format!(
        r"(?i){word}(?:(?:[ \t\u{{a0}}]+y[ \t\u{{a0}}]+|[ \t\u{{a0}}]+){word})*"
    ))
    .expect("Spanish number-word pattern compiles")
});

/// An ordinal in words: a ten (`trigésima`, or `décimo` run into its unit)
/// and an optional unit (`cuarta`), each with its gender ending.
static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives = |list: &[(&str, f64)]| {
        let mut words: Vec<&str> = list.iter().map(|(w, _)| *w).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.join("|")
    };
    Regex::new(&format!(
        r"(?i)(?:{tens})(?:[oa](?:{units})(?:[oa]s?)?|[oa]s?)(?:[ \u{{a0}}]+(?:{units})(?:[oa]s?)?)?",
        tens = alternatives(ORDINAL_TENS),
        units = alternatives(ORDINAL_UNITS),
    ))
    .expect("Spanish ordinal pattern compiles")
});

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whether `text[start..end]` is whole words.
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    !is_letter(text[..start].chars().next_back()) && !is_letter(text[end..].chars().next())
}

/// Every run of number words in `text` that reads as one well-formed number,
/// and every ordinal in words. `un`, `uno`, `una` and `cero` alone are left
/// out: they are articles and pronouns far more often than figures.
pub fn find(text: &str) -> Vec<WordNumber> {
    let mut found: Vec<WordNumber> = Vec::new();
    for m in CHAIN.find_iter(text) {
        // The words of the run; a number may start at any of them (`millones
        // y ochenta y cinco mil` holds one from its third word) and ends at
        // the last word that keeps it well formed. `dos` in `dosis` is no
        // number: each end must be a whole word.
        let words: Vec<(usize, usize)> = m
            .as_str()
            .split_whitespace()
            .map(|w| {
                let at = w.as_ptr() as usize - text.as_ptr() as usize;
                (at, at + w.len())
            })
            .collect();
        let mut first = 0;
        while first < words.len() {
            let start = words[first].0;
            let number = (!is_letter(text[..start].chars().next_back()))
                .then(|| {
                    words[first..].iter().rev().find_map(|&(_, end)| {
                        if !whole_words(text, start, end) {
                            return None;
                        }
                        let (value, scaled) = parse(&text[start..end])?;
                        (value >= 2.0 || scaled).then_some((end, value, scaled))
                    })
                })
                .flatten();
            match number {
                Some((end, value, scaled)) => {
                    found.push(WordNumber {
                        start,
                        end,
                        value,
                        scaled,
                        ordinal: false,
                    });
                    first = words.partition_point(|&(s, _)| s < end);
                }
                None => first += 1,
            }
        }
    }
    for m in ORDINAL.find_iter(text) {
        if !whole_words(text, m.start(), m.end()) {
            continue;
        }
        if let Some(value) = ordinal_value(m.as_str()) {
            found.push(WordNumber {
                start: m.start(),
                end: m.end(),
                value,
                scaled: false,
                ordinal: true,
            });
        }
    }
    found.sort_by_key(|w| w.start);
    found
}

/// The value of an ordinal the pattern found: its ten plus its unit.
fn ordinal_value(words: &str) -> Option<f64> {
    let lower = words.to_lowercase();
    let (ten_word, ten) = ORDINAL_TENS
        .iter()
        .filter(|(w, _)| lower.starts_with(w))
        .max_by_key(|(w, _)| w.len())?;
    // The ten's gender ending, then the unit run into it or after a space.
    let rest = &lower[ten_word.len()..];
    let rest = rest.strip_prefix(['o', 'a']).unwrap_or(rest);
    let rest = rest
        .strip_prefix('s')
        .filter(|r| r.is_empty() || r.starts_with(char::is_whitespace))
        .unwrap_or(rest)
        .trim_start();
    let unit = ORDINAL_UNITS
        .iter()
        .filter(|(w, _)| rest.starts_with(w))
        .map(|(_, v)| *v)
        .next()
        .unwrap_or(0.0);
    Some(ten + unit)
}

fn lookup(list: &[(&str, f64)], word: &str) -> Option<f64> {
    list.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// The value of a run of Spanish number words, or `None` when they do not
/// form one number (`dos tres`, `cinco y seis`). The flag says whether a
/// scale word (`cien`, `mil`, `millones`) appears.
pub fn parse(words: &str) -> Option<(f64, bool)> {
    // Millions and above; the thousands; what is below a thousand.
    let (mut total, mut thousands, mut current) = (0.0_f64, 0.0_f64, 0.0_f64);
    let mut scaled = false;
    let mut last_scale = f64::INFINITY;
    let mut after_ten = false;
    let mut after_y = false;
    for token in words.split_whitespace() {
        let token = token.to_lowercase();
        if token == "y" {
            // `y` joins a ten and a unit only: `ochenta y cinco`.
            if !after_ten {
                return None;
            }
            after_y = true;
            continue;
        }
        let joined = std::mem::take(&mut after_y);
        let was_ten = std::mem::take(&mut after_ten);
        if let Some(v) = lookup(UNITS, &token) {
            let fits = if joined {
                was_ten && v < 10.0 && v > 0.0
            } else {
                current % 100.0 == 0.0 && !was_ten
            };
            if !fits {
                return None;
            }
            current += v;
        } else if let Some(v) = lookup(TENS, &token) {
            if current % 100.0 != 0.0 || joined {
                return None;
            }
            current += v;
            after_ten = true;
        } else if let Some(v) = lookup(HUNDREDS, &token) {
            if current != 0.0 || joined {
                return None;
            }
            current = v;
            scaled = true;
        } else if token == "mil" {
            if thousands != 0.0 || last_scale <= 1e3 || joined {
                return None;
            }
            thousands = current.max(1.0) * 1e3;
            current = 0.0;
            scaled = true;
        } else if let Some(scale) = lookup(SCALES, &token) {
            let chunk = thousands + current;
            if chunk == 0.0 || scale >= last_scale || joined {
                return None;
            }
            total += chunk * scale;
            thousands = 0.0;
            current = 0.0;
            last_scale = scale;
            scaled = true;
        } else {
            return None;
        }
    }
    if after_y {
        return None;
    }
    Some((total + thousands + current, scaled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compound_numbers() {
        assert_eq!(parse("ochenta y cinco mil"), Some((85_000.0, true)));
        assert_eq!(parse("trescientos cincuenta"), Some((350.0, true)));
        assert_eq!(parse("Doce"), Some((12.0, false)));
        assert_eq!(parse("treinta y cuatro"), Some((34.0, false)));
        assert_eq!(parse("dos millones"), Some((2e6, true)));
        assert_eq!(parse("un millón"), Some((1e6, true)));
        assert_eq!(parse("mil"), Some((1e3, true)));
        assert_eq!(parse("mil millones"), Some((1e9, true)));
        assert_eq!(
            parse("dos millones trescientos mil"),
            Some((2_300_000.0, true))
        );
        assert_eq!(parse("ciento veintiséis"), Some((126.0, true)));
        assert_eq!(parse("trescientos sesenta y siete"), Some((367.0, true)));
    }

    #[test]
    fn rejects_runs_that_are_not_one_number() {
        assert_eq!(parse("dos tres"), None);
        assert_eq!(parse("cinco y seis"), None);
        assert_eq!(parse("treinta y"), None);
        assert_eq!(parse("millones"), None);
        assert_eq!(parse("mil mil"), None);
        assert_eq!(parse("doce cuarenta"), None);
    }

    #[test]
    fn finds_numbers_in_prose_but_not_articles_or_parts_of_words() {
        let text = "Ochenta y cinco mil personas, una de ellas menor, en dosis y todos.";
        let run = "US$6 millones y ochenta y cinco mil capturas";
        let inside = find(run);
        assert_eq!(inside.len(), 1, "{inside:?}");
        assert_eq!(&run[inside[0].start..inside[0].end], "ochenta y cinco mil");
        let found = find(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].start..found[0].end], "Ochenta y cinco mil");
        assert_eq!(found[0].value, 85_000.0);
        assert!(find("Una persona y un guardia; uno de ellos.").is_empty());
        let small = find("Murieron tres personas.");
        assert_eq!((small.len(), small[0].value), (1, 3.0));
    }

    #[test]
    fn ordinals_in_words_are_read_as_ordinals() {
        let text = "la trigésima cuarta prórroga y la vigésima";
        let found = find(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|w| w.ordinal));
        assert_eq!(&text[found[0].start..found[0].end], "trigésima cuarta");
        assert_eq!(found[0].value, 34.0);
        assert_eq!(found[1].value, 20.0);
        assert_eq!(find("decimotercera")[0].value, 13.0);
        // A unit ordinal alone stays a word: `segundo`, `cuarto`.
        assert!(find("un segundo informe y el cuarto piso").is_empty());
    }
}
