//! The story of the time-and-sources issue as a rules file: arrests and
//! deaths in custody with their dated counts and sources, and the homicide
//! rate by year. Shared by the tests of history and of sources.

use std::path::Path;

use figcheck::date::Date;
use figcheck::{Checker, Rules};

pub const RULES: &str = r#"
[[source]]
id = "cristosal"
name = "Cristosal"
aliases = ["the rights group Cristosal"]

[[source]]
id = "wola"
name = "WOLA"
aliases = ["Washington Office on Latin America"]

[[source]]
id = "government"
name = "Government of El Salvador"

[[figure]]
id = "arrests"
name = "People arrested under the state of exception"
subjects = ["(have|had|were|been) arrested", "arrests"]
since = "2022-03-27"
canonical = { min = 85000, as_of = "2025-03", source = "government" }
allowed = [
  { value = 65000, as_of = "2023-03", source = "government" },
  { value = 79211, as_of = "2024-03", source = "government" },
]

[[figure]]
id = "deaths"
name = "Deaths in custody"
subjects = ["(died|deaths) in custody"]
canonical = { value = 367, source = "cristosal", as_of = "2025-03" }
allowed = [
  { value = 261, source = "cristosal", as_of = "2024-04" },
  { value = 350, source = "wola", as_of = "2025-03" },
]

[[figure]]
id = "homicide-rate"
name = "Homicide rate"
subjects = ["homicide rate"]
unit = "rate"
canonical = { value = 1.9, year = 2024, as_of = "2025-01" }
allowed = [
  { value = 2.4, year = 2023, as_of = "2024-01" },
  { value = 103, year = 2015 },
]
"#;

pub fn checker() -> Checker {
    Checker::new(Rules::parse(RULES, Path::new("rules.toml")).expect("rules parse"))
}

/// (code, number as written) for each finding in `text`, in a draft of `date`.
pub fn findings_as_of(date: &str, text: &str) -> Vec<(&'static str, String)> {
    checker()
        .check_as_of(text, Date::parse(date).unwrap())
        .into_iter()
        .map(|f| (f.code.as_str(), f.found_text))
        .collect()
}

/// [`findings_as_of`], reporting every claim: a value that meets none of its
/// figure's values is weak, so judged but not reported by default.
#[allow(dead_code)]
pub fn weak_findings_as_of(date: &str, text: &str) -> Vec<(&'static str, String)> {
    checker()
        .report_tier(Some(figcheck::confidence::Tier::Weak))
        .check_as_of(text, Date::parse(date).unwrap())
        .into_iter()
        .map(|f| (f.code.as_str(), f.found_text))
        .collect()
}

/// What a text gives: (code, number as written) for each finding.
pub type Found = Vec<(&'static str, String)>;

pub fn one(code: &'static str, found: &str) -> Found {
    vec![(code, found.to_string())]
}

/// The ids of the sources the claims in `text` are attributed to.
pub fn sources(text: &str) -> Vec<Option<String>> {
    let checker = checker();
    checker
        .analyse(text)
        .claims
        .iter()
        .map(|c| c.source.map(|s| checker.rules().sources[s].id.clone()))
        .collect()
}
