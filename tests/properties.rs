//! Properties that must hold for every input, checked with proptest.

use std::path::Path;
use std::sync::LazyLock;

use figcheck::lang::Lang;
use figcheck::markup::Format;
use figcheck::numbers::{recognise, Kind};
use figcheck::{Checker, Rules};
use proptest::prelude::*;

static CHECKER: LazyLock<Checker> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules.toml");
    Checker::new(Rules::load(&path).unwrap())
});

/// [`CHECKER`], reporting claims of every tier.
static WEAK: LazyLock<Checker> = LazyLock::new(|| {
    CHECKER
        .clone()
        .report_tier(Some(figcheck::confidence::Tier::Weak))
});

fn span_ok(text: &str, span: &std::ops::Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Text that looks like a draft: words, numbers, punctuation, Markdown and
/// non-ASCII characters, so the recogniser and the parser have work to do.
fn drafty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,8}",
        "[0-9]{1,7}",
        Just(",".to_string()),
        Just(".".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("died in custody".to_string()),
        Just("homicide rate".to_string()),
        Just("have arrested".to_string()),
        Just("$".to_string()),
        Just("%".to_string()),
        Just("—".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just("-".to_string()),
        Just("# ".to_string()),
        Just("```".to_string()),
        Just("<!-- figcheck-ignore -->".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("&nbsp;".to_string()),
        Just("&#8212;".to_string()),
        Just("&amp".to_string()),
        Just("<script>".to_string()),
        Just("per 100,000".to_string()),
        Just("million".to_string()),
        Just("at least".to_string()),
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_checks_without_panic_and_spans_stay_inside(text in drafty()) {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            for finding in CHECKER.check_document(format, &text) {
                prop_assert!(span_ok(&text, &finding.span));
                for label in &finding.labels {
                    prop_assert!(span_ok(&text, &label.span));
                }
            }
        }
        for lang in Lang::ALL {
            for number in recognise(&text, lang) {
                prop_assert!(span_ok(&text, &number.span));
                prop_assert!(span_ok(&text, &number.full_span()));
            }
        }
        for number in CHECKER.analyse_document(Format::Html, &text).numbers {
            prop_assert!(span_ok(&text, &number.span));
            prop_assert!(span_ok(&text, &number.full_span()));
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            for finding in CHECKER.check_document(format, &text) {
                prop_assert!(span_ok(&text, &finding.span));
            }
        }
    }

    #[test]
    fn a_number_written_in_any_form_reads_back(n in 10_000u64..5_000_000, form in 0usize..7) {
        let (written, value) = written_in(n, form);
        let text = format!("The archive lists {written} entries.");
        let counts: Vec<f64> = recognise(&text, Lang::En).into_iter().filter(|x| x.kind == Kind::Count).map(|x| x.low).collect();
        prop_assert_eq!(counts, vec![value as f64], "{}", text);
    }

    #[test]
    fn a_spanish_number_written_in_any_form_reads_back(n in 10_000u64..5_000_000, form in 0usize..4) {
        let (written, value) = match form {
            0 => (group(n, "."), n),
            1 => (group(n, " "), n),
            2 => (group(n, "\u{a0}"), n),
            // Mexico and Central America group with commas; a group that
            // ends in zero reads as thousands.
            _ => (group(n / 10 * 10, ","), n / 10 * 10),
        };
        let text = format!("El archivo registra {written} entradas.");
        let counts: Vec<f64> = recognise(&text, Lang::Es).into_iter().filter(|x| x.kind == Kind::Count).map(|x| x.low).collect();
        prop_assert_eq!(counts, vec![value as f64], "{}", text);
    }

    #[test]
    fn a_value_inside_an_allowed_range_gives_no_finding(v in 105_000u64..=109_000) {
        let text = format!("The prison population is {}.", group(v, ","));
        prop_assert_eq!(CHECKER.check(&text), vec![]);
    }

    #[test]
    fn a_value_outside_every_allowed_range_is_a_mismatch(v in 110_000u64..900_000) {
        // Judged at every tier (a value that meets none of the figure's is
        // weak unless it is a slip of one).
        let text = format!("The prison population is {}.", group(v, ","));
        let codes: Vec<&str> = WEAK.check(&text).iter().map(|f| f.code.as_str()).collect();
        prop_assert_eq!(codes, vec!["figcheck::mismatch"]);
    }
}

/// `n` written in one of the supported forms, and the value it stands for.
fn written_in(n: u64, form: usize) -> (String, u64) {
    let thousands = n / 1000 * 1000;
    match form {
        0 => (group(n, ","), n),
        1 => (n.to_string(), n),
        2 => (group(n, "\u{a0}"), n),
        3 => (group(n, "\u{202f}"), n),
        4 => (group(n, " "), n),
        5 => (format!("{}k", n / 1000), thousands),
        _ => (words(thousands), thousands),
    }
}

fn group(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// English words for n < 1,000,000,000.
fn words(n: u64) -> String {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64) -> String {
        let mut parts = Vec::new();
        if n >= 100 {
            parts.push(format!("{} hundred", SMALL[(n / 100) as usize]));
        }
        let rest = n % 100;
        if rest >= 20 {
            let tens = TENS[(rest / 10) as usize];
            parts.push(if rest % 10 == 0 {
                tens.to_string()
            } else {
                format!("{tens}-{}", SMALL[(rest % 10) as usize])
            });
        } else if rest > 0 {
            parts.push(SMALL[rest as usize].to_string());
        }
        parts.join(" ")
    }
    let mut parts = Vec::new();
    for (scale, word) in [(1_000_000, "million"), (1_000, "thousand")] {
        if n / scale % 1000 > 0 {
            parts.push(format!("{} {word}", below_thousand(n / scale % 1000)));
        }
    }
    if n % 1000 > 0 {
        parts.push(below_thousand(n % 1000));
    }
    parts.join(" ")
}
