//! figcheck checks the figures in draft articles against a shared list of
//! canonical figures kept in `rules.toml`.
//!
//! The library does the work and never prints: [`Checker::check`] turns a
//! draft's text into [`Finding`]s, and the renderers in [`render`] turn
//! findings into text for people and machines.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod attribute;
pub mod check;
pub mod examples;
pub mod numbers;
pub mod render;
pub mod rules;
pub mod text;
pub mod walk;

pub use attribute::Claim;
pub use check::{Code, Finding};
pub use numbers::Number;
pub use rules::{Rules, RulesDiagnostic, Severity};

use attribute::SubjectMatcher;

/// Checks drafts against one set of rules.
#[derive(Debug, Clone)]
pub struct Checker {
    rules: Rules,
    matcher: SubjectMatcher,
}

/// What figcheck reads in a text: its numbers, and which of them are claims.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub numbers: Vec<Number>,
    pub claims: Vec<Claim>,
}

impl Checker {
    pub fn new(rules: Rules) -> Checker {
        let matcher = SubjectMatcher::new(&rules.figures);
        Checker { rules, matcher }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Every number in `text`, and the claims among them.
    pub fn analyse(&self, text: &str) -> Analysis {
        let numbers = numbers::recognise(text);
        let claims = attribute::attribute(text, &numbers, &self.rules.figures, &self.matcher);
        Analysis { numbers, claims }
    }

    /// The findings for one draft, sorted by position.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        let analysis = self.analyse(text);
        check::check(
            text,
            &analysis.numbers,
            &analysis.claims,
            &self.rules.figures,
        )
    }
}
