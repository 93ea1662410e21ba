//! The examples in rules.toml, run as tests of the rules themselves: each text
//! is checked and must give the finding its `expect` names.

use crate::rules::{Example, Expect, Figure, RulesDiagnostic};
use crate::{Checker, Code};

/// What one example gave.
#[derive(Debug, Clone)]
pub struct ExampleOutcome<'a> {
    pub figure: &'a Figure,
    pub example: &'a Example,
    /// What the text gave for this figure.
    pub got: Expect,
    pub passed: bool,
    /// What figcheck read in the text: each number, its kind, and its figure.
    pub read: Vec<String>,
    /// The text claims a number for this figure, but below the tier
    /// reported: the sentence leaves too much doubt.
    pub unsure: bool,
}

fn expect_of(code: Code) -> Expect {
    match code {
        Code::Mismatch => Expect::Mismatch,
        Code::WrongYear => Expect::WrongYear,
        Code::WrongSource => Expect::WrongSource,
        Code::Stale => Expect::Stale,
        Code::Inconsistent => Expect::Inconsistent,
        Code::Arithmetic => Expect::Arithmetic,
        // Examples are single texts without suppressions: no unused ones either.
        Code::UnusedIgnore => Expect::Ok,
        // A number no reader sees as written is not accepted.
        Code::HiddenCharacters => Expect::Mismatch,
    }
}

/// Runs every example of every figure, in the order of the rules file.
pub fn run(checker: &Checker) -> Vec<ExampleOutcome<'_>> {
    let rules = checker.rules();
    // Each example is about its figure by the desk's word: its value casts
    // no doubt on that (a wrong value is what a `mismatch` example shows).
    let checker = &checker.clone().reading_examples();
    let mut outcomes = Vec::new();
    for (index, figure) in rules.figures.iter().enumerate() {
        for example in &figure.examples {
            let text = example.text.as_str();
            let analysis = checker.analyse_in(text, example.lang);
            // A claim below the tier reported is read, but not one the
            // desk hears of: for an example, it is not attributed.
            let ours = || {
                analysis
                    .claims
                    .iter()
                    .filter(|c| c.figure == index && c.tier >= checker.lowest_tier())
            };
            let claimed = ours().count() > 0;
            let unsure = !claimed && analysis.claims.iter().any(|c| c.figure == index);
            let judged = ours().any(|c| c.modality.is_judged());
            // A forecast, or a figure for part of a year: read, and set aside.
            let forecast = ours().any(|c| !c.modality.is_judged());
            let findings = checker.check_text(text, example.as_of, example.lang);
            let codes: Vec<Expect> = findings
                .into_iter()
                // A relation that names no figure belongs to every figure's examples.
                .filter(|f| {
                    f.figure == Some(index) || (f.code == Code::Arithmetic && f.figure.is_none())
                })
                .map(|f| expect_of(f.code))
                .collect();
            let got = match codes.first() {
                Some(code) => *code,
                None if judged => Expect::Ok,
                None if forecast => Expect::Forecast,
                None => Expect::Unattributed,
            };
            let passed = match example.expect {
                // A forecast alone is not a claim that was judged and accepted.
                Expect::Ok => judged && codes.is_empty(),
                Expect::Forecast => forecast && codes.is_empty(),
                Expect::Unattributed => !claimed,
                expected => codes.contains(&expected),
            };
            let read = analysis
                .numbers
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let figure = analysis.claims.iter().find(|c| c.number == i).map_or(
                        "not attributed".to_string(),
                        |c| {
                            let framing = match c.modality {
                                crate::attribute::Modality::Assertion => "",
                                crate::attribute::Modality::Forecast => " as a forecast",
                                crate::attribute::Modality::History => " as history",
                                crate::attribute::Modality::PartOfYear => {
                                    " as a figure for part of a year"
                                }
                            };
                            let id = &rules.figures[c.figure].id;
                            if c.tier < checker.lowest_tier() {
                                // Why it is not reported: its evidence.
                                let why = crate::render::numbers::how_sure(
                                    c,
                                    crate::locale::Locale::ENGLISH,
                                );
                                format!("attributed to {id}{framing}, not reported: {why}")
                            } else {
                                format!("attributed to {id}{framing}")
                            }
                        },
                    );
                    let qualifier = n
                        .qualifier
                        .map(|q| format!(", {}", q.phrase()))
                        .unwrap_or_default();
                    format!(
                        "{} ({}{qualifier}, {figure})",
                        &text[n.span.clone()],
                        n.kind.as_str()
                    )
                })
                .collect();
            outcomes.push(ExampleOutcome {
                figure,
                example,
                got,
                passed,
                read,
                unsure,
            });
        }
    }
    outcomes
}

impl ExampleOutcome<'_> {
    /// A failed example as a diagnostic that points at it in the rules file.
    pub fn diagnostic(&self, rules: &crate::Rules) -> RulesDiagnostic {
        let expected = self.example.expect.as_str();
        let got = self.got.as_str();
        let read = if self.read.is_empty() {
            "figcheck read no number in this text".to_string()
        } else {
            format!("figcheck read: {}", self.read.join("; "))
        };
        let hint = match (self.example.expect, self.got) {
            (_, Expect::Unattributed) if self.unsure => {
                "; the claim is read, but the sentence leaves too much doubt for it to be reported (above, what weighed against it): write the example as reporters state the figure, or lower `report_tier`"
            }
            (_, Expect::Unattributed) => {
                "; no number was attributed to this figure: check its subjects, its window and its unit"
            }
            (Expect::Unattributed, _) => "; make the subjects more specific, or expect what the text gives",
            _ => "; correct the allowed values, or the expectation",
        };
        rules.placed(
            RulesDiagnostic::new(
                rules.path.clone(),
                rules.source.clone(),
                "figcheck::example-failed",
                format!(
                    "an example of `{}` expected {expected}, got {got}",
                    self.figure.id
                ),
            )
            .label(
                self.example.expect_span.clone(),
                format!("expected {expected}, got {got}"),
            )
            .help(format!("{read}{hint}")),
        )
    }
}
