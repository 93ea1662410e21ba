//! What a number read in prose is: its kind, its value or range as read,
//! how precisely it is written, and the qualifier in front of it.

use std::ops::Range;

use serde::Serialize;

/// What a number in prose is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A plain quantity: `85,000`, `6 million`, `eighty-five thousand`.
    Count,
    /// `1.6%`, `27-30 percent`.
    Percent,
    /// A value per population base: `1.9 per 100,000`.
    Rate,
    /// `$6 million`, `US$6m`, `6 million dollars`.
    Money,
    /// A calendar year or decade: `2023`, `the 1990s`.
    Year,
    /// `34th`, `3rd`.
    Ordinal,
    /// A day of the month: `March 15`, `15 March`.
    Date,
    /// A time of day: `10:30`, `3 p.m.`.
    Time,
    /// A number glued to a unit (`23.5-hour`, `10km`), an age (`aged 65`),
    /// or a rate's base written without its rate (`the rate per 100,000`).
    Measure,
    /// A name or reference with digits: `MS-13`, `G7`, `Route 66`, `p.45`,
    /// `287(g)`, `H.R. 4821`, a phone number, a version, a vote tally.
    Identifier,
    /// A share written as a fraction: `two-thirds`, `half`, `one in five`.
    Fraction,
    /// A factor: `twice`, `eight times more`, `doubled`. Never a count.
    Multiplier,
    /// A length of time: `30 minutes`, `12 months`, `six years`.
    Duration,
    /// A difference of percentages: `3.9 percentage points`.
    Points,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Rate => "rate",
            Kind::Money => "money",
            Kind::Year => "year",
            Kind::Ordinal => "ordinal",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Measure => "measure",
            Kind::Identifier => "identifier",
            Kind::Fraction => "fraction",
            Kind::Multiplier => "multiplier",
            Kind::Duration => "duration",
            Kind::Points => "points",
        }
    }
}

/// A word or phrase in front of a number that changes what it claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    AtLeast,
    MoreThan,
    Over,
    UpwardsOf,
    Nearly,
    Almost,
    UpTo,
    AsManyAs,
    AtMost,
    FewerThan,
    LessThan,
    Under,
    About,
    Around,
    Roughly,
    Some,
    Approximately,
    AnEstimated,
    Topped,
    Exceeded,
    JustOver,
    WellOver,
    JustUnder,
    CloseTo,
    // Spanish.
    MasDe,
    PocoMasDe,
    AlMenos,
    PorLoMenos,
    ComoMinimo,
    Casi,
    Hasta,
    MenosDe,
    PocoMenosDe,
    ComoMaximo,
    CercaDe,
    Unos,
    Unas,
    AlrededorDe,
    Aproximadamente,
    EnTornoA,
}

/// Which way a qualifier stretches the number it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The number is a lower bound: `at least 85,000`.
    AtLeast,
    /// The number is an upper bound: `nearly 400`, `up to 900`.
    AtMost,
    /// The number is approximate: `about 1,600`.
    Approximately,
}

impl Qualifier {
    pub(super) const ALL: [Qualifier; 24] = [
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::Over,
        Qualifier::UpwardsOf,
        Qualifier::Nearly,
        Qualifier::Almost,
        Qualifier::UpTo,
        Qualifier::AsManyAs,
        Qualifier::AtMost,
        Qualifier::FewerThan,
        Qualifier::LessThan,
        Qualifier::Under,
        Qualifier::About,
        Qualifier::Around,
        Qualifier::Roughly,
        Qualifier::Some,
        Qualifier::Approximately,
        Qualifier::AnEstimated,
        Qualifier::Topped,
        Qualifier::Exceeded,
        Qualifier::JustOver,
        Qualifier::WellOver,
        Qualifier::JustUnder,
        Qualifier::CloseTo,
    ];

    pub(super) const SPANISH: [Qualifier; 16] = [
        Qualifier::MasDe,
        Qualifier::PocoMasDe,
        Qualifier::AlMenos,
        Qualifier::PorLoMenos,
        Qualifier::ComoMinimo,
        Qualifier::Casi,
        Qualifier::Hasta,
        Qualifier::MenosDe,
        Qualifier::PocoMenosDe,
        Qualifier::ComoMaximo,
        Qualifier::CercaDe,
        Qualifier::Unos,
        Qualifier::Unas,
        Qualifier::AlrededorDe,
        Qualifier::Aproximadamente,
        Qualifier::EnTornoA,
    ];

    /// The phrase as it is written (lowercase).
    pub fn phrase(self) -> &'static str {
        match self {
            Qualifier::AtLeast => "at least",
            Qualifier::MoreThan => "more than",
            Qualifier::Over => "over",
            Qualifier::UpwardsOf => "upwards of",
            Qualifier::Nearly => "nearly",
            Qualifier::Almost => "almost",
            Qualifier::UpTo => "up to",
            Qualifier::AsManyAs => "as many as",
            Qualifier::AtMost => "at most",
            Qualifier::FewerThan => "fewer than",
            Qualifier::LessThan => "less than",
            Qualifier::Under => "under",
            Qualifier::About => "about",
            Qualifier::Around => "around",
            Qualifier::Roughly => "roughly",
            Qualifier::Some => "some",
            Qualifier::Approximately => "approximately",
            Qualifier::AnEstimated => "an estimated",
            Qualifier::Topped => "topped",
            Qualifier::Exceeded => "exceeded",
            Qualifier::JustOver => "just over",
            Qualifier::WellOver => "well over",
            Qualifier::JustUnder => "just under",
            Qualifier::CloseTo => "close to",
            Qualifier::MasDe => "más de",
            Qualifier::PocoMasDe => "poco más de",
            Qualifier::AlMenos => "al menos",
            Qualifier::PorLoMenos => "por lo menos",
            Qualifier::ComoMinimo => "como mínimo",
            Qualifier::Casi => "casi",
            Qualifier::Hasta => "hasta",
            Qualifier::MenosDe => "menos de",
            Qualifier::PocoMenosDe => "poco menos de",
            Qualifier::ComoMaximo => "como máximo",
            Qualifier::CercaDe => "cerca de",
            Qualifier::Unos => "unos",
            Qualifier::Unas => "unas",
            Qualifier::AlrededorDe => "alrededor de",
            Qualifier::Aproximadamente => "aproximadamente",
            Qualifier::EnTornoA => "en torno a",
        }
    }

    pub fn direction(self) -> Direction {
        use Qualifier::*;
        match self {
            AtLeast | MoreThan | Over | UpwardsOf | Topped | Exceeded | JustOver | WellOver
            | MasDe | PocoMasDe | AlMenos | PorLoMenos | ComoMinimo => Direction::AtLeast,
            Nearly | Almost | UpTo | AsManyAs | AtMost | FewerThan | LessThan | Under
            | JustUnder | Casi | Hasta | MenosDe | PocoMenosDe | ComoMaximo => Direction::AtMost,
            About | Around | Roughly | Some | Approximately | AnEstimated | CloseTo | CercaDe
            | Unos | Unas | AlrededorDe | Aproximadamente | EnTornoA => Direction::Approximately,
        }
    }
}

impl Serialize for Qualifier {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.phrase())
    }
}

/// How much an approximate qualifier (`about`, `roughly`) widens a number.
pub const APPROXIMATE_WIDENING: f64 = 0.05;

/// How far a one-sided qualifier reaches by default: `more than N` means N up
/// to N × 1.2, `nearly N` means N × 0.8 up to N. Reporters round down to a
/// round number under the true count ("more than 85,000" for 87,500), rarely
/// by a fifth or more; a claim that far off is a slip. The rules file can
/// change it (`qualifier_slack`, in `[settings]` or per figure).
pub const DEFAULT_QUALIFIER_SLACK: f64 = 0.2;

/// How far a one-sided qualifier reaches inside the draft's own arithmetic:
/// `more than 85,000` is 85,000 up to 5% more. A share, change or sum is
/// recomputed from the numbers as the draft writes them, so "over 85,000,
/// roughly 1.6% of 6.3 million" is judged from a little above 85,000, not
/// from anything up to 102,000. A derived figure whose input is open-ended
/// (`{ min = 85000 }`) reaches no further either.
pub const WRITTEN_REACH: f64 = 0.05;

/// A numeric expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The expression as written, without its qualifier: `85,000`, `$6 million`,
    /// `1.9 per 100,000`, `between 238 and 261`.
    pub span: Range<usize>,
    /// The value; for a range, its low end.
    pub low: f64,
    /// Equal to `low` except for a range.
    pub high: f64,
    pub is_range: bool,
    pub kind: Kind,
    pub qualifier: Option<Qualifier>,
    /// Where the qualifier starts; `span.start` when there is none.
    pub qualifier_start: usize,
    /// The rounding step the number is written to (`85,000`: 1,000; `1.9`: 0.1);
    /// zero when it reads as exact (`367`).
    pub precision: f64,
    /// Written with a scale word or suffix: `1.5 billion`, `6.3m`, `85k`.
    pub scaled: bool,
    /// A number word under ten (`three`): a claim only where it directly
    /// counts the subject ("three people died in custody").
    pub small_word: bool,
}

impl Number {
    /// The number read in a piece of a text that starts at `offset`, with
    /// its spans moved to the whole text's offsets.
    pub fn shifted(mut self, offset: usize) -> Number {
        self.span = self.span.start + offset..self.span.end + offset;
        self.qualifier_start += offset;
        self
    }

    /// The expression with its qualifier, as a byte range.
    pub fn full_span(&self) -> Range<usize> {
        self.qualifier_start..self.span.end
    }

    /// The values the number stands for as written: widened by its precision and,
    /// for `about`/`roughly`/`some`, by [`APPROXIMATE_WIDENING`].
    pub fn written_interval(&self) -> (f64, f64) {
        let half = self.precision / 2.0;
        let (mut low, mut high) = (self.low - half, self.high + half);
        if self.qualifier.map(Qualifier::direction) == Some(Direction::Approximately) {
            low -= self.low.abs() * APPROXIMATE_WIDENING;
            high += self.high.abs() * APPROXIMATE_WIDENING;
        }
        (low, high)
    }

    /// The values the claim admits once its qualifier's direction is taken into
    /// account, bounded by `slack`: `at least N` reaches up to N × (1 + slack),
    /// `nearly N` down to N × (1 − slack).
    pub fn qualified_interval(&self, slack: f64) -> (f64, f64) {
        let (low, high) = self.written_interval();
        match self.qualifier.map(Qualifier::direction) {
            Some(Direction::AtLeast) => (low, high.max(self.high + self.high.abs() * slack)),
            Some(Direction::AtMost) => (low.min(self.low - self.low.abs() * slack), high),
            _ => (low, high),
        }
    }

    /// The year this number is, if it is one.
    pub fn as_year(&self) -> Option<i32> {
        (self.kind == Kind::Year && !self.is_range).then_some(self.low as i32)
    }
}
