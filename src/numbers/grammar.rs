//! What each language writes differently in its numbers: separators, scale
//! and unit words, qualifiers, the words that make a number a year, a date, a
//! name or a rate. The recogniser in `numbers/mod.rs` is one procedure; this
//! is its data, one [`Grammar`] per language.

use std::sync::LazyLock;

use regex::Regex;

use super::{Qualifier, MONTHS};
use crate::lang::{Decimal, Lang};

/// A numeral in digits once its separators are read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Numeral {
    pub value: f64,
    /// How many decimal places it is written with; `None` for a whole number.
    pub decimals: Option<usize>,
}

/// A pattern compiled on first use: a draft compiles only what it needs.
type Lazy = LazyLock<Regex>;

/// How one language writes numbers.
pub(super) struct Grammar {
    /// A numeral in digits, with its separators.
    pub numeral: Lazy,
    /// The decimal mark the language writes unless a draft shows another.
    pub decimal: Decimal,
    /// Reads a numeral the pattern above found, in a draft that marks
    /// decimals with the given mark (only Spanish is written both ways).
    pub read_numeral: fn(&str, Decimal) -> Option<Numeral>,
    /// Marks that, between digits, make a sequence rather than one number
    /// (`1.2.3`, `3/4`; in Spanish also `1,2,3`).
    pub sequence_marks: &'static [char],
    /// A qualifier ending a stretch of text: `more than `, `más de `.
    pub qualifier_before: Lazy,
    /// The qualifiers of the language, matched by their phrase.
    pub qualifiers: &'static [Qualifier],
    /// Verbs of movement after which `up to` is a direction, not a bound:
    /// "inched up to 227" reached 227; "holds up to 900" holds at most 900.
    pub moved_up: &'static [&'static str],
    /// Words that, capitalised before a number, make it a name: `Route 66`.
    pub name_words: &'static [&'static str],
    /// Page and reference abbreviations before a number: `p.45`, `núm. 5`.
    pub reference_before: Lazy,
    /// Month names and their abbreviations, lowercase.
    pub months: &'static [&'static str],
    /// Whether a month must be capitalised to date a day (`15 may have died`
    /// is a verb in English; Spanish writes months in lowercase).
    pub months_capitalised: bool,
    /// Whether a month may stand before its day (`March 15`).
    pub month_before_day: bool,
    /// The word that may join a day to its month: `15 of March`, `15 de marzo`.
    pub month_link: &'static str,
    /// Units that, hyphenated or glued to a number, make it a measure.
    pub measure_units: &'static [&'static str],
    /// Units commonly run into a number that are not in `measure_units`.
    pub glued_units: &'static [&'static str],
    /// Words before `911` that make it a phone number.
    pub call_before: Lazy,
    /// Words after `911` that make it a phone number.
    pub call_after: Lazy,
    /// Words after `2.5m` that make it a length, not millions.
    pub measure_after_m: Lazy,
    /// Letters glued after an integer that make it an ordinal: `34th`.
    pub ordinal_suffixes: &'static [&'static str],
    /// An ordinal indicator after an integer, with or without a full stop:
    /// `34.ª`, `1.er`.
    pub ordinal_after: Option<Lazy>,
    /// Whether a glued `s` makes a year a decade: `1990s`.
    pub decades: bool,
    /// A scale word after a numeral; the words and their factors.
    pub scale_after: Lazy,
    pub scale_words: &'static [(&'static str, f64)],
    /// The hundreds written after a thousands scale word: Mexico writes
    /// 33,550 as `33 mil 550`. Its first group is the remainder.
    pub thousands_rest: Option<Lazy>,
    /// `%`, `percent`, `percentage points`; `por ciento`.
    pub percent_after: Lazy,
    /// The word that makes a percentage a difference of percentages.
    pub points_word: &'static str,
    /// A currency written after the number: `dollars`, `de dólares`.
    pub money_after: Lazy,
    /// A rate base after the number: `per 100,000`, `por cada 100.000 habitantes`.
    pub rate_after: Lazy,
    /// `a.m.`, `GMT`: a time of day.
    pub time_after: Lazy,
    /// `$`, `US$`, `€` before the number.
    pub currency_before: Lazy,
    /// `between ` before the first end of a range.
    pub between_before: Lazy,
    /// `and` or `to` after the first end of a range that `between` opened.
    pub and_after: Lazy,
    /// A range written `de 238 a 261`: the word before its first end and
    /// the word after it, and the words before `de` that make it a change
    /// (`bajó de 38 a 2,4`) rather than a range.
    pub from_to: Option<(Lazy, Lazy, &'static [&'static str])>,
    /// Words before a four-digit number that make it a year: `in 2023`.
    pub year_prepositions: &'static [&'static str],
    /// Words before a four-digit number that make it a year used as an
    /// adjective (`the 2023 report`) even when a noun follows.
    pub year_determiners: &'static [&'static str],
    /// Words ending in `s` that are no plural noun.
    pub not_nouns: &'static [&'static str],
    /// Plural nouns without an `s`: `people`.
    pub irregular_plurals: &'static [&'static str],
}

impl Grammar {
    /// The value of a numeral as this language writes it, with its usual
    /// decimal mark.
    pub fn read(&self, raw: &str) -> Option<f64> {
        (self.read_numeral)(raw, self.decimal).map(|n| n.value)
    }
}

/// The grammar of `lang`.
pub(super) fn of(lang: Lang) -> &'static Grammar {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    }
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("number grammar patterns compile")
}

/// The pattern of a qualifier ending a stretch of text, longest phrase first.
fn qualifier_pattern(qualifiers: &[Qualifier]) -> Regex {
    let mut phrases: Vec<&str> = qualifiers.iter().map(|q| q.phrase()).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alternatives: Vec<String> = phrases.iter().map(|p| p.replace(' ', r"\s+")).collect();
    regex(&format!(r"(?i)\b({})\s+$", alternatives.join("|")))
}

/// The Spanish qualifier pattern: accents optional (`mas de`), `de` joined
/// to the article (`más del 1,6 %`), and an article before the number
/// (`casi el 1,6 %`, `más de la mitad`) outside the phrase.
fn spanish_qualifier_pattern(qualifiers: &[Qualifier]) -> Regex {
    let mut phrases: Vec<&str> = qualifiers.iter().map(|q| q.phrase()).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alternatives: Vec<String> = phrases
        .iter()
        .map(|p| {
            let mut out = String::new();
            for c in p.chars() {
                match c {
                    ' ' => out.push_str(r"\s+"),
                    'á' => out.push_str("[aá]"),
                    'é' => out.push_str("[eé]"),
                    'í' => out.push_str("[ií]"),
                    'ó' => out.push_str("[oó]"),
                    'ú' => out.push_str("[uú]"),
                    c => out.push(c),
                }
            }
            match out.strip_suffix("de") {
                Some(stem) => format!("{stem}del?"),
                None => out,
            }
        })
        .collect();
    regex(&format!(
        r"(?i)\b({})(?:\s+(?:el|la|los|las))?\s+$",
        alternatives.join("|")
    ))
}

/// A qualifier as written, in the form its phrase has: lowercase, single
/// spaces, accents as the phrase writes them, `del` as `de`.
pub(super) fn qualifier_of(written: &str, qualifiers: &[Qualifier]) -> Option<Qualifier> {
    let fold = crate::lang::fold_accents;
    let normal = written
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let normal = fold(&normal);
    let normal = match normal.strip_suffix(" del") {
        Some(stem) => format!("{stem} de"),
        None => normal,
    };
    qualifiers
        .iter()
        .copied()
        .find(|q| fold(q.phrase()) == normal)
}

// ---------------------------------------------------------------- English

static ENGLISH: Grammar = Grammar {
    // Thousands separators (comma, space, no-break space, narrow no-break
    // space) or none, and an optional decimal part after a full stop. Groups
    // joined by a space end where the digits do: "October 1 2024" is a day
    // and a year, not 1,202 and a 4.
    numeral: LazyLock::new(|| {
        regex(
            r"\d{1,3}(?:[,\u{a0}\u{202f}]\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?-u:\b)|\d+(?:\.\d+)?",
        )
    }),
    decimal: Decimal::Point,
    read_numeral: read_english,
    sequence_marks: &['.', '/'],
    qualifier_before: LazyLock::new(|| qualifier_pattern(&Qualifier::ALL)),
    qualifiers: &Qualifier::ALL,
    moved_up: &[
        "inched", "inches", "inching", "ticked", "ticks", "ticking", "crept", "creeps", "creeping",
        "edged", "edges", "edging", "moved", "moves", "moving", "went", "goes", "going", "gone",
        "shot", "shoots", "shooting", "climbed", "climbs", "climbing", "rose", "rises", "rising",
        "risen", "jumped", "jumps", "jumping", "crawled", "crawls", "crawling", "revised",
        "bumped", "pushed",
    ],
    name_words: EN_NAME_WORDS,
    reference_before: LazyLock::new(|| {
        regex(
            r"(?:\b(?i:p|pp|pg|page|pages|para|paras|vol|fig|art|sec|ch|version|ver|v|prop)\.?|\bNos?\.|\bno\.|\b(?:H\.\s?R|S|H\.\s?B|S\.\s?B|A\.\s?B|H\.\s?J\.\s?Res|S\.\s?Res)\.|\b(?:HR|HB|SB|AB|LD|SF|HF))\s*$",
        )
    }),
    months: MONTHS,
    months_capitalised: true,
    month_before_day: true,
    month_link: "of ",
    measure_units: EN_MEASURE_UNITS,
    glued_units: EN_GLUED_UNITS,
    call_before: LazyLock::new(|| {
        regex(r"(?i)\b(?:call|calls|called|calling|dial|dials|dialed|dialled|dialing|dialling)\s+$")
    }),
    call_after: LazyLock::new(|| {
        regex(
            r"(?i)^\s+(?:call|calls|operators?|dispatch|dispatchers?|cent(?:er|re)s?|lines?|system|emergency)\b",
        )
    }),
    measure_after_m: LazyLock::new(|| {
        regex(
            r"(?i)^(?:-|\s+(?:high|tall|long|wide|deep|thick|away|apart|above|below|metres?|meters?)\b)",
        )
    }),
    ordinal_suffixes: &["st", "nd", "rd", "th"],
    ordinal_after: None,
    decades: true,
    scale_after: LazyLock::new(|| {
        // `$6-million`, as some papers write it: the hyphen joins the scale.
        regex(
            r"^(?:(?:[ \u{a0}]+|-)(?i:(thousand|million|billion|trillion))\b|[ \u{a0}]?(bn|mn)\b)",
        )
    }),
    scale_words: &[
        ("thousand", 1e3),
        ("million", 1e6),
        ("mn", 1e6),
        ("billion", 1e9),
        ("bn", 1e9),
        ("trillion", 1e12),
    ],
    thousands_rest: None,
    percent_after: LazyLock::new(|| {
        regex(r"^(?:[ \u{a0}]?%|[ \u{a0}]+(?i:percent(?:age points?)?|per[ \u{a0}]+cent|pct)\b)")
    }),
    points_word: "point",
    money_after: LazyLock::new(|| {
        regex(r"^[ \u{a0}]+(?:(?:US|U\.S\.)[ \u{a0}]+)?(?:dollars\b|USD\b)")
    }),
    rate_after: LazyLock::new(|| {
        regex(
            r"(?ix)^
            (?:[\x20\u{a0}]+[a-z]+){0,2}               # homicides, violent deaths …
            [\x20\u{a0}]+per[\x20\u{a0}]+
            (?:100[,\u{a0}\u{202f}\x20]?000|100k|10[,\u{a0}\u{202f}\x20]?000|1[,\u{a0}\u{202f}\x20]?000
              |hundred\x20thousand|(?:1\x20)?million)\b
            (?:[\x20\u{a0}]+(?:people|residents|inhabitants|persons|population|citizens|adults)\b)?",
        )
    }),
    time_after: LazyLock::new(|| {
        regex(r"^[ \u{a0}]?(?:[ap]\.m\.|(?i:[ap]m)\b|GMT\b|UTC\b|o'clock\b|o’clock\b)")
    }),
    currency_before: LazyLock::new(|| regex(r"(?:US ?\$|U\.S\. ?\$|\$|€|£|USD ?)$")),
    between_before: LazyLock::new(|| regex(r"(?i)\bbetween[ \u{a0}]+$")),
    // `between 238 and 261`, and the looser `between 793 to 8,498`.
    and_after: LazyLock::new(|| regex(r"^[ \u{a0}]+(?:and|to)[ \u{a0}]+")),
    from_to: None,
    year_prepositions: EN_YEAR_PREPOSITIONS,
    year_determiners: EN_YEAR_DETERMINERS,
    not_nouns: EN_NOT_NOUNS,
    irregular_plurals: &["people", "men", "women", "children"],
};

/// An English numeral: commas and spaces group thousands, a full stop marks
/// decimals.
fn read_english(raw: &str, _: Decimal) -> Option<Numeral> {
    let digits: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    Some(Numeral {
        value: digits.parse().ok()?,
        decimals: raw.split_once('.').map(|(_, d)| d.len()),
    })
}

/// Words that, capitalised before a number, make it a name: `Route 66`.
const EN_NAME_WORDS: &[&str] = &[
    "Act",
    "Amendment",
    "Annex",
    "Appendix",
    "Apartment",
    "Article",
    "Barrio",
    "Bill",
    "Block",
    "Box",
    "Building",
    "Case",
    "Cell",
    "Channel",
    "Chapter",
    "Clause",
    "Code",
    "Decree",
    "District",
    "Episode",
    "Figure",
    "Flight",
    "Floor",
    "Gate",
    "Highway",
    "Interstate",
    "Item",
    "Law",
    "Level",
    "Line",
    "Lot",
    "Module",
    "Number",
    "Order",
    "Paragraph",
    "Part",
    "Pavilion",
    "Phase",
    "Platform",
    "Proclamation",
    "Proposition",
    "Measure",
    "Question",
    "Initiative",
    "Precinct",
    "Docket",
    "Exhibit",
    "Form",
    "Local",
    "Version",
    "Release",
    "Web",
    "Resolution",
    "Room",
    "Route",
    "Rule",
    "Schedule",
    "Season",
    "Section",
    "Sector",
    "Stage",
    "Station",
    "Suite",
    "Table",
    "Terminal",
    "Title",
    "Unit",
    "Volume",
    "Ward",
    "Zone",
];

/// Units that, hyphenated to a number, make it a measure: `23.5-hour`, `10-year`.
const EN_MEASURE_UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "mile",
    "kilometre",
    "kilometer",
    "km",
    "metre",
    "meter",
    "foot",
    "feet",
    "inch",
    "acre",
    "hectare",
    "pound",
    "kilo",
    "kilogram",
    "ton",
    "tonne",
    "storey",
    "story",
    "page",
    "point",
    "percent",
    "degree",
    "man",
    "person",
    "member",
    "seat",
    "bed",
    "cell",
];

/// Words before a four-digit number that make it a year: `in 2023`.
const EN_YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "during",
    "until",
    "through",
    "throughout",
    "before",
    "after",
];

/// Words before a four-digit number that make it a year used as an adjective
/// (`the 2023 report`, `its 2024 budget`) even when a noun follows.
const EN_YEAR_DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "of",
    "in", "since", "by", "from", "to", "until", "during", "for", "each", "every", "last", "next",
    "between", "and", "or", "through", "after", "before",
];

/// Words ending in `s` that are no plural noun: "reached 1857 this year".
const EN_NOT_NOUNS: &[&str] = &[
    "this",
    "thus",
    "was",
    "has",
    "his",
    "hers",
    "its",
    "ours",
    "yours",
    "theirs",
    "less",
    "unless",
    "plus",
    "minus",
    "always",
    "perhaps",
    "besides",
    "across",
    "versus",
    "whereas",
    "towards",
    "afterwards",
    "sometimes",
];

/// Units commonly run into a number that are not in [`EN_MEASURE_UNITS`].
const EN_GLUED_UNITS: &[&str] = &[
    "kmph", "mins", "secs", "hours", "hrs", "years", "yrs", "days", "kilos", "grams", "litres",
    "liters", "metres", "meters", "miles", "inches", "acres", "tonnes", "pounds", "ounces", "feet",
];

// ---------------------------------------------------------------- Spanish

static SPANISH: Grammar = Grammar {
    // Groups of three joined by a full stop, a comma or a space (`85.000`,
    // `85,000`, `85 000`), and decimals after a comma or a full stop
    // (`1,9`, `1.9`): Spain and much of South America write the first,
    // Mexico and Central America the second.
    numeral: LazyLock::new(|| {
        regex(
            r"\d{1,3}(?:[.,\u{a0}\u{202f}]\d{3})+(?:[.,]\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?(?-u:\b)|\d+(?:[.,]\d+)?",
        )
    }),
    decimal: Decimal::Comma,
    read_numeral: read_spanish,
    sequence_marks: &['.', '/', ','],
    qualifier_before: LazyLock::new(|| spanish_qualifier_pattern(&Qualifier::SPANISH)),
    qualifiers: &Qualifier::SPANISH,
    // "subió hasta 227" reads well as a bound either way.
    moved_up: &[],
    name_words: ES_NAME_WORDS,
    reference_before: LazyLock::new(|| {
        regex(
            r"(?:\b(?i:p|pp|pág|págs|pag|art|arts|núm|núms|num|vol|fig|cap|sec|inc|exp|ver|v)\.?|\b(?i:artículos?|articulos?|incisos?|decretos?|numerales?|literal|capítulos?|capitulos?|párrafos?|parrafos?|apartados?|expedientes?|páginas?|paginas?|versión|version)|\b[Nn]\.?[ \u{a0}]?[º°]|\bNo\.|\bn\.)\s*$",
        )
    }),
    months: SPANISH_MONTHS,
    months_capitalised: false,
    month_before_day: false,
    month_link: "de ",
    measure_units: ES_MEASURE_UNITS,
    glued_units: ES_GLUED_UNITS,
    call_before: LazyLock::new(|| {
        regex(
            r"(?i)\b(?:llam[a-záéíóú]*|marc[a-záéíóú]*|marqu[a-záéíóú]*|comun[ií]quese|comunicarse)(?:\s+al?)?\s+$",
        )
    }),
    call_after: LazyLock::new(|| {
        regex(r"(?i)^\s+(?:l[ií]neas?|sistema|emergencias?|operador(?:es|as?)?|centrales?)\b")
    }),
    // `10m` is ten metres; Spanish writes millions as `millones`.
    measure_after_m: LazyLock::new(|| regex(r"^")),
    ordinal_suffixes: &["º", "ª", "°", "er", "ro", "do", "to", "vo", "mo", "no"],
    ordinal_after: Some(LazyLock::new(|| regex(r"^\.(?:[ºª°]|er\b)"))),
    decades: false,
    scale_after: LazyLock::new(|| {
        regex(
            r"^[ \u{a0}]+(?i:(mil[ \u{a0}]+millones|millones|millón|millon|millardos?|billones|billón|billon|mil))\b",
        )
    }),
    scale_words: &[
        ("mil millones", 1e9),
        ("millones", 1e6),
        ("millón", 1e6),
        ("millon", 1e6),
        ("millardo", 1e9),
        ("millardos", 1e9),
        ("billones", 1e12),
        ("billón", 1e12),
        ("billon", 1e12),
        ("mil", 1e3),
    ],
    thousands_rest: Some(LazyLock::new(|| regex(r"^[ \u{a0}]+(\d{1,3})\b"))),
    percent_after: LazyLock::new(|| {
        regex(
            r"^(?:[ \u{a0}]?%|[ \u{a0}]+(?i:por[ \u{a0}]+ciento|puntos?[ \u{a0}]+porcentuales?)\b)",
        )
    }),
    points_word: "punto",
    money_after: LazyLock::new(|| {
        regex(
            r"^[ \u{a0}]+(?:de[ \u{a0}]+)?(?i:dólares|dolares|euros|USD)\b(?:[ \u{a0}]+(?i:estadounidenses))?",
        )
    }),
    rate_after: LazyLock::new(|| {
        regex(
            r"(?ix)^
            (?:[\x20\u{a0}]+[a-záéíóúñü]+){0,2}        # homicidios, muertes violentas …
            [\x20\u{a0}]+por[\x20\u{a0}]+(?:cada[\x20\u{a0}]+)?
            (?:100[.,\u{a0}\u{202f}\x20]?000|100k|10[.,\u{a0}\u{202f}\x20]?000|1[.,\u{a0}\u{202f}\x20]?000
              |100[\x20\u{a0}]mil|cien\x20mil|(?:un\x20)?mill[oó]n|mil)\b
            (?:[\x20\u{a0}]+(?:habitantes|personas|residentes|pobladores|ciudadanos|adultos)\b)?",
        )
    }),
    time_after: LazyLock::new(|| {
        regex(r"^[ \u{a0}]?(?:[ap]\.[ \u{a0}]?m\.|(?i:[ap]m)\b|GMT\b|UTC\b|h\b|hrs\b)")
    }),
    currency_before: LazyLock::new(|| regex(r"(?:US ?\$|U\.S\. ?\$|\$|€|£|USD ?)$")),
    between_before: LazyLock::new(|| regex(r"(?i)\bentre[ \u{a0}]+$")),
    // `entre 100.000 y 109.000`, `entre 238 e 261` is rare but read.
    and_after: LazyLock::new(|| regex(r"^[ \u{a0}]+(?:y|e|a)[ \u{a0}]+")),
    from_to: Some((
        LazyLock::new(|| regex(r"(?i)(?:^|[^\p{L}])(de[ \u{a0}]+)$")),
        LazyLock::new(|| regex(r"^[ \u{a0}]+a[ \u{a0}]+")),
        ES_CHANGE_WORDS,
    )),
    year_prepositions: &["en", "desde", "durante", "hasta", "tras"],
    year_determiners: &[
        "el", "la", "los", "las", "del", "al", "en", "desde", "hasta", "entre", "y", "o", "su",
        "sus", "este", "esta", "ese", "esa", "cada", "durante", "para", "tras",
    ],
    not_nouns: &[
        "más", "mas", "menos", "pues", "después", "despues", "además", "ademas", "antes",
        "entonces", "mientras", "tras", "los", "las", "sus", "unos", "unas", "otros", "otras",
        "estos", "estas", "esos", "esas", "nos", "les", "ellos", "ellas", "todos", "todas",
    ],
    irregular_plurals: &[],
};

/// A Spanish numeral in a draft that marks decimals with a full stop, as
/// Mexico and Central America write: `1.9`, `85,000`, `3,496`. A single
/// full stop before three digits still groups them when they end in zero
/// (`85.000`).
fn read_spanish_point(raw: &str) -> Option<Numeral> {
    read_with(raw, b',')
}

/// A Spanish numeral, read as a draft with `decimal` marks writes it.
fn read_spanish(raw: &str, decimal: Decimal) -> Option<Numeral> {
    match decimal {
        Decimal::Comma => read_spanish_comma(raw),
        Decimal::Point => read_spanish_point(raw),
    }
}

/// A Spanish numeral. A space always groups thousands. With both a full
/// stop and a comma, the last one marks decimals (`1.234,5`, `1,234.5`).
/// With only one kind, several group thousands (`1.234.567`); a single one
/// before three digits groups them (`85.000`, `85,000`) unless it is a comma
/// and the last digit is not zero (`1,375`: decimals, as Spain writes them);
/// a single one before any other number of digits marks decimals (`1,9`,
/// `2.4`).
fn read_spanish_comma(raw: &str) -> Option<Numeral> {
    read_with(raw, b'.')
}

/// A numeral whose usual grouping mark is `group` (the other mark marks
/// decimals): with both marks, the last one marks decimals; several of one
/// mark group thousands; a single one before three digits groups them if it
/// is `group`, or if the digits end in zero; any other single mark marks
/// decimals.
fn read_with(raw: &str, group: u8) -> Option<Numeral> {
    let last_dot = raw.rfind('.');
    let last_comma = raw.rfind(',');
    let decimal_at = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(at), None) | (None, Some(at)) => {
            let mark = raw.as_bytes()[at];
            let several = raw.bytes().filter(|&b| b == mark).count() > 1;
            let after = &raw[at + 1..];
            let grouped = after.len() == 3 && (mark == group || after.ends_with('0'));
            (!several && !grouped).then_some(at)
        }
        (None, None) => None,
    };
    let (whole, decimals) = match decimal_at {
        Some(at) => (&raw[..at], Some(&raw[at + 1..])),
        None => (raw, None),
    };
    let mut digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    if let Some(decimals) = decimals {
        digits.push('.');
        digits.push_str(decimals);
    }
    Some(Numeral {
        value: digits.parse().ok()?,
        decimals: decimals.map(str::len),
    })
}

/// Words before `de 38 a 2,4` that make it a change, not a range.
const ES_CHANGE_WORDS: &[&str] = &[
    "pasó",
    "paso",
    "pasaron",
    "pasar",
    "bajó",
    "bajo",
    "bajaron",
    "bajar",
    "subió",
    "subio",
    "subieron",
    "subir",
    "cayó",
    "cayo",
    "cayeron",
    "caer",
    "aumentó",
    "aumento",
    "aumentaron",
    "aumentar",
    "disminuyó",
    "disminuyo",
    "disminuyeron",
    "disminuir",
    "creció",
    "crecio",
    "crecieron",
    "crecer",
    "descendió",
    "descendio",
    "descendieron",
    "descender",
    "redujo",
    "redujeron",
    "reducir",
    "reducción",
    "reduccion",
    "incremento",
    "incrementó",
    "incremento",
    "caída",
    "caida",
    "baja",
    "alza",
    "saltó",
    "salto",
    "saltaron",
    "elevó",
    "elevo",
    "elevaron",
    "varió",
    "vario",
    "osciló",
    "oscilo",
    "más",
    "mas",
    "menos",
];

/// Words that, capitalised before a number, make it a name: `Barrio 18`,
/// `Decreto 333`.
const ES_NAME_WORDS: &[&str] = &[
    "Acuerdo",
    "Anexo",
    "Apartado",
    "Artículo",
    "Avenida",
    "Barrio",
    "Batallón",
    "Bloque",
    "Brigada",
    "Calle",
    "Canal",
    "Capítulo",
    "Carretera",
    "Caso",
    "Celda",
    "Centro",
    "Colonia",
    "Decreto",
    "Departamento",
    "Distrito",
    "Edificio",
    "Episodio",
    "Escuadrón",
    "Etapa",
    "Expediente",
    "Fase",
    "Figura",
    "Gráfico",
    "Grupo",
    "Inciso",
    "Juzgado",
    "Kilómetro",
    "Legislatura",
    "Ley",
    "Línea",
    "Módulo",
    "Nivel",
    "Número",
    "Pabellón",
    "Párrafo",
    "Piso",
    "Planta",
    "Puerta",
    "Resolución",
    "Ruta",
    "Sala",
    "Sección",
    "Sector",
    "Tabla",
    "Temporada",
    "Título",
    "Tribunal",
    "Unidad",
    "Versión",
    "Volumen",
    "Vuelo",
    "Zona",
];

/// Spanish days of the week, lowercase, with and without their accent.
pub const SPANISH_WEEKDAYS: &[&str] = &[
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo",
];

/// Spanish months and their abbreviations, lowercase.
pub const SPANISH_MONTHS: &[&str] = &[
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "ene",
    "feb",
    "abr",
    "jun",
    "jul",
    "ago",
    "sep",
    "sept",
    "oct",
    "nov",
    "dic",
];

/// Units that, hyphenated or glued to a number, make it a measure.
const ES_MEASURE_UNITS: &[&str] = &[
    "segundo",
    "minuto",
    "hora",
    "día",
    "dia",
    "noche",
    "semana",
    "mes",
    "meses",
    "año",
    "ano",
    "década",
    "siglo",
    "kilómetro",
    "kilometro",
    "km",
    "metro",
    "kilo",
    "kilogramo",
    "tonelada",
    "hectárea",
    "manzana",
    "grado",
    "piso",
    "punto",
    "cama",
    "celda",
];

/// Units commonly run into a number that are not in [`ES_MEASURE_UNITS`].
const ES_GLUED_UNITS: &[&str] = &[
    "kmh", "mins", "segs", "horas", "hrs", "años", "días", "dias", "kilos", "gramos", "litros",
    "metros",
];
