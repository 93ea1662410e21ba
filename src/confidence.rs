//! How sure figcheck is that a number is a claim about a figure: the tiers
//! that decide what a finding about the claim may be. The evidence and its
//! weighing are in `attribute::tier`; the settings and the checks need only
//! the tiers, so they live down here.

use serde::{Deserialize, Serialize};

/// How sure an attribution is: a firm claim's finding has the figure's
/// severity and may carry a fix; a likely one's is a warning that says so,
/// with no fix; a weak one is not reported unless asked for.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Weak,
    /// The lowest tier reported unless the settings or `--report-tier` say
    /// otherwise.
    #[default]
    Likely,
    Firm,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Firm, Tier::Likely, Tier::Weak];

    pub fn parse(text: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Weak => "weak",
            Tier::Likely => "likely",
            Tier::Firm => "firm",
        }
    }
}
