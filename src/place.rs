//! The places and named storms a draft speaks of, and claims about another
//! one than the draft's own.
//!
//! A figure in the rules belongs to one place or event: El Salvador's
//! homicide rate, the deaths Hurricane Maria caused. Drafts compare it with
//! others: "Honduras has a rate of 19 homicides per 100,000", "deaths blamed
//! on Hurricane Katrina range from 1,200 to 1,800". Those numbers are about
//! the same kind of thing, so the subject phrase matches, but they are not
//! claims about the figure. A claim whose clause names a country or a storm
//! that is not the draft's own, and names none that is, is dropped; a
//! clause that names no place is told of the countries its sentence named
//! before it.
//!
//! The draft's own places are the ones the figure's name or subject phrases
//! name ("Deaths in Puerto Rico attributed to Hurricane Maria"), the one the
//! draft names first, and the ones it names most: at least twice, and at
//! least half as often as the one it names most; but a figure that names a
//! country has no other country as its own. A territory's country is
//! its own too: a draft on Puerto Rico speaks of "U.S. history". A place
//! named inside a declared source's name or alias ("the US State
//! Department") does not count at all: the clause cites a source there.
//!
//! A clause that names a storm is judged by its storms alone, the narrower
//! place: "when Katrina crossed the U.S. Gulf Coast" speaks of Katrina in a
//! draft whose own country is the United States.
//!
//! The first-level parts of the countries news names most (US and Mexican
//! states, Chilean regions, the UK's nations, Canadian provinces, Spanish
//! communities) are places too, with their country as its own: "49 people
//! died in South Carolina" counts that state, not a storm's national toll.
//! A part counts only where it speaks of the number (before it in its
//! clause, or up to the next mark after it). So does a local unit that the
//! text names by its kind, known to no list: "Kerr County", "Orleans
//! Parish", "el estado de Shan", "la provincia de Valencia". A capitalised
//! name after `in`, `at` or `en` that no list holds ("31 people died in
//! Wajima") is a part too, but only after the number, and only for a
//! figure that names a place whose words do not include it: a town of
//! Ishikawa Prefecture, a city of Libya.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::attribute::Claim;
use crate::numbers::Number;
use crate::rules::{Figure, Rules};
use crate::text::tail_of;

/// Countries and territories, each with the names English and Spanish prose
/// give it; the first name is its key. Left out: names that are as often a
/// person's (Israel, Jordan) or a US state's (Georgia).
const COUNTRIES: &[&[&str]] = &[
    &["Afghanistan", "Afganistán"],
    &["Albania"],
    &["Algeria", "Argelia"],
    &["Angola"],
    &["Argentina"],
    &["Armenia"],
    &["Australia"],
    &["Austria"],
    &["Azerbaijan", "Azerbaiyán"],
    &["Bahamas"],
    &["Bangladesh"],
    &["Barbados"],
    &["Belarus", "Bielorrusia"],
    &["Belgium", "Bélgica"],
    &["Belize", "Belice"],
    &["Bolivia"],
    &["Bosnia"],
    &["Brazil", "Brasil"],
    &["Bulgaria"],
    &["Cambodia", "Camboya"],
    &["Cameroon", "Camerún"],
    &["Canada", "Canadá"],
    &["Chile"],
    &["China"],
    &["Colombia"],
    &["Costa Rica"],
    &["Croatia", "Croacia"],
    &["Cuba"],
    &["Czech Republic", "Czechia", "República Checa", "Chequia"],
    &["Denmark", "Dinamarca"],
    &["Dominican Republic", "República Dominicana"],
    &["Ecuador"],
    &["Egypt", "Egipto"],
    &["El Salvador"],
    &["Estonia"],
    &["Ethiopia", "Etiopía"],
    &["Finland", "Finlandia"],
    &["France", "Francia"],
    &["Germany", "Alemania"],
    &["Ghana"],
    &["Greece", "Grecia"],
    &["Guatemala"],
    &["Guyana"],
    &["Haiti", "Haití"],
    &["Honduras"],
    &["Hungary", "Hungría"],
    &["Iceland", "Islandia"],
    &["India"],
    &["Indonesia"],
    &["Iran", "Irán"],
    &["Iraq", "Irak"],
    &["Ireland", "Irlanda"],
    &["Italy", "Italia"],
    &["Jamaica"],
    &["Japan", "Japón"],
    &["Kazakhstan", "Kazajistán"],
    &["Kenya", "Kenia"],
    &["Latvia", "Letonia"],
    &["Lebanon", "Líbano"],
    &["Libya", "Libia"],
    &["Lithuania", "Lituania"],
    &["Malaysia", "Malasia"],
    &["Mali", "Malí"],
    &["Mexico", "México", "Méjico"],
    &["Morocco", "Marruecos"],
    &["Mozambique"],
    &["Myanmar"],
    &["Nepal"],
    &["Netherlands", "Países Bajos", "Holanda"],
    &["New Zealand", "Nueva Zelanda"],
    &["Nicaragua"],
    &["Niger", "Níger"],
    &["Nigeria"],
    &["North Korea", "Corea del Norte"],
    &["Norway", "Noruega"],
    &["Pakistan", "Pakistán"],
    &["Panama", "Panamá"],
    &["Paraguay"],
    &["Peru", "Perú"],
    &["Philippines", "Filipinas"],
    &["Poland", "Polonia"],
    &["Portugal"],
    &["Puerto Rico"],
    &["Romania", "Rumania", "Rumanía"],
    &["Russia", "Rusia"],
    &["Rwanda", "Ruanda"],
    &["Saudi Arabia", "Arabia Saudita", "Arabia Saudí"],
    &["Senegal"],
    &["Serbia"],
    &["Singapore", "Singapur"],
    &["Slovakia", "Eslovaquia"],
    &["Slovenia", "Eslovenia"],
    &["Somalia"],
    &["South Africa", "Sudáfrica"],
    &["South Korea", "Corea del Sur"],
    &["South Sudan", "Sudán del Sur"],
    &["Spain", "España"],
    &["Sri Lanka"],
    &["Sudan", "Sudán"],
    &["Sweden", "Suecia"],
    &["Switzerland", "Suiza"],
    &["Syria", "Siria"],
    &["Taiwan", "Taiwán"],
    &["Thailand", "Tailandia"],
    &["Trinidad and Tobago", "Trinidad y Tobago"],
    &["Tunisia", "Túnez"],
    &["Turkey", "Türkiye", "Turquía"],
    &["Uganda"],
    &["Ukraine", "Ucrania"],
    &["United Kingdom", "Britain", "Reino Unido", "Gran Bretaña"],
    &[
        "United States",
        // A state's name that holds another country's.
        "New Mexico",
        "Nuevo México",
        "U.S.",
        "USA",
        "US",
        "Estados Unidos",
        "EE.UU.",
        "EE. UU.",
        "EEUU",
    ],
    &["Uruguay"],
    &["Venezuela"],
    &["Vietnam"],
    &["Yemen"],
    &["Zambia"],
    &["Zimbabue", "Zimbabwe"],
];

/// The first-level parts of the countries news names most, each with the
/// names prose gives it, under its country's key in [`COUNTRIES`]. A part
/// is a place like a country: a claim whose clause names a part that is
/// not the draft's own ("49 people died in South Carolina", in a draft
/// about a storm's toll across six states) counts that part, not the
/// figure. Left out: names as often a city or a person's (Washington, New
/// York).
const REGIONS: &[(&str, &[&[&str]])] = &[
    (
        "United States",
        &[
            &["Alabama"],
            &["Alaska"],
            &["Arizona"],
            &["Arkansas"],
            &["California"],
            &["Colorado"],
            &["Connecticut"],
            &["Delaware"],
            &["Florida"],
            &["Georgia"],
            &["Hawaii"],
            &["Idaho"],
            &["Illinois"],
            &["Indiana"],
            &["Iowa"],
            &["Kansas"],
            &["Kentucky"],
            &["Louisiana"],
            &["Maine"],
            &["Maryland"],
            &["Massachusetts"],
            &["Michigan"],
            &["Minnesota"],
            &["Mississippi"],
            &["Missouri"],
            &["Montana"],
            &["Nebraska"],
            &["Nevada"],
            &["New Hampshire"],
            &["New Jersey"],
            &["North Carolina"],
            &["North Dakota"],
            &["Ohio"],
            &["Oklahoma"],
            &["Oregon"],
            &["Pennsylvania"],
            &["Rhode Island"],
            &["South Carolina"],
            &["South Dakota"],
            &["Tennessee"],
            &["Texas"],
            &["Utah"],
            &["Vermont"],
            &["Virginia"],
            &["West Virginia"],
            &["Wisconsin"],
            &["Wyoming"],
        ],
    ),
    (
        "Mexico",
        &[
            &["Aguascalientes"],
            &["Baja California"],
            &["Baja California Sur"],
            &["Campeche"],
            &["Chiapas"],
            &["Chihuahua"],
            &["Coahuila"],
            &["Colima"],
            &["Durango"],
            &["Guanajuato"],
            &["Guerrero"],
            &["Jalisco"],
            &["Michoacán", "Michoacan"],
            &["Morelos"],
            &["Nayarit"],
            &["Nuevo León", "Nuevo Leon"],
            &["Oaxaca"],
            &["Puebla"],
            &["Querétaro", "Queretaro"],
            &["Quintana Roo"],
            &["San Luis Potosí", "San Luis Potosi"],
            &["Sinaloa"],
            &["Sonora"],
            &["Tabasco"],
            &["Tamaulipas"],
            &["Tlaxcala"],
            &["Veracruz"],
            &["Yucatán", "Yucatan"],
            &["Zacatecas"],
        ],
    ),
    (
        "Chile",
        &[
            &["Arica y Parinacota"],
            &["Tarapacá", "Tarapaca"],
            &["Antofagasta"],
            &["Atacama"],
            &["Coquimbo"],
            &["Valparaíso", "Valparaiso"],
            &["Ñuble", "Nuble"],
            &["Biobío", "Biobio", "Bío Bío"],
            &["La Araucanía", "Araucanía", "Araucania"],
            &["Los Ríos", "Los Rios"],
            &["Los Lagos"],
            &["Aysén", "Aysen"],
            &["Magallanes"],
        ],
    ),
    (
        "United Kingdom",
        &[
            &["England", "Inglaterra"],
            &["Scotland", "Escocia"],
            &["Wales", "Gales"],
            &["Northern Ireland", "Irlanda del Norte"],
        ],
    ),
    (
        "Canada",
        &[
            &["Alberta"],
            &["British Columbia"],
            &["Manitoba"],
            &["New Brunswick"],
            &["Newfoundland and Labrador"],
            &["Nova Scotia"],
            &["Ontario"],
            &["Quebec", "Québec"],
            &["Saskatchewan"],
        ],
    ),
    (
        "Spain",
        &[
            &["Andalucía", "Andalusia", "Andalucia"],
            &["Aragón", "Aragon"],
            &["Asturias"],
            &["Cantabria"],
            &["Castilla y León", "Castilla y Leon"],
            &["Castilla-La Mancha"],
            &["Cataluña", "Catalonia", "Catalunya"],
            &["Extremadura"],
            &["Galicia"],
            &["Islas Baleares", "Balearic Islands", "Baleares"],
            &["Islas Canarias", "Canary Islands", "Canarias"],
            &["La Rioja"],
            &["Navarra", "Navarre"],
            &["País Vasco", "Basque Country", "Euskadi"],
            &["Región de Murcia", "Murcia"],
        ],
    ),
];

/// Each country and each region, with its names, the key first.
fn places() -> impl Iterator<Item = &'static &'static [&'static str]> {
    COUNTRIES
        .iter()
        .chain(REGIONS.iter().flat_map(|(_, parts)| parts.iter()))
}

/// Every country and region name, for one search; the second list holds
/// the key of the name the search reports as pattern `i`.
static COUNTRY_SEARCH: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let mut names = Vec::new();
    let mut keys = Vec::new();
    for names_of in places() {
        for name in names_of.iter() {
            names.push(*name);
            keys.push(names_of[0]);
        }
    }
    let search = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("country names");
    (search, keys)
});

/// A piece of every word for a storm that [`STORM`] reads, as it is
/// written: English capitalises the title, Spanish may or may not (hence
/// `uracán` for "Huracán" and "huracán").
const STORM_TITLES: &[&str] = &[
    "Hurricane",
    "Typhoon",
    "Cyclone",
    "Storm",
    "uracán",
    "uracan",
    "ormenta",
    "ifón",
    "ifon",
    "iclón",
    "iclon",
];

/// Every country name, every word for a storm and every local unit's kind,
/// for a quick test of whether a clause can name a place at all.
static ANY_PLACE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let names = places().flat_map(|names| names.iter().copied());
    let names = names.chain(STORM_TITLES.iter().copied()).map(String::from);
    AhoCorasick::new(names.chain(local_kind_words())).expect("place words")
});

/// The words for a storm, in any case, for a quick test of a whole draft
/// before [`STORM`].
static STORM_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(STORM_TITLES)
        .expect("storm words")
});

/// A storm's name after the word for a storm: `Hurricane Katrina`, `huracán Mitch`.
static STORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:Hurricane|Typhoon|Cyclone|(?:Tropical\s+|Winter\s+)?Storm|[Hh]urac[áa]n|[Tt]ormenta(?:\s+[Tt]ropical)?|[Tt]if[óo]n|[Cc]icl[óo]n)\s+(\p{Lu}\p{Ll}+)\b",
    )
    .expect("storm pattern")
});

/// One place named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    /// The country's first name in [`COUNTRIES`], or the storm's own name.
    pub key: String,
    /// A storm, not a country.
    pub storm: bool,
    /// A local unit the text names by its kind ("Kerr County", "el estado
    /// de Shan"): a part of some country, like a region.
    pub local: bool,
    /// A place no list holds, known only by the capitalised name after
    /// `in`, `at` or `en` ("31 people died in Wajima"): a part of some
    /// place, read only for a figure that names a place of its own.
    pub unlisted: bool,
}

impl Mention {
    /// Whether the place is a part of a country: a region of [`REGIONS`] or
    /// a local unit.
    fn is_part(&self) -> bool {
        self.local || self.unlisted || is_region(&self.key)
    }
}

/// Whether a name found at `span` stands as a word of its own, and not as a
/// currency's mark (`US$6 million` is an amount, not a place).
fn at_word_edges(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let name_ends_in_stop = text[span.clone()].ends_with('.');
    !before.is_some_and(|c| c.is_alphanumeric())
        && (name_ends_in_stop || !after.is_some_and(|c| c.is_alphanumeric()))
        && after != Some('$')
}

/// The names `search` finds in `text` as whole words, each with its key.
fn names_in<'k>(
    text: &'k str,
    search: &'k AhoCorasick,
    key: impl Fn(usize) -> &'k str + 'k,
    storm: bool,
) -> impl Iterator<Item = Mention> + 'k {
    search
        .find_iter(text)
        .map(|m| (m.span().range(), m.pattern().as_usize()))
        .filter(|(span, _)| at_word_edges(text, span))
        .map(move |(span, i)| Mention {
            span,
            key: key(i).to_string(),
            storm,
            local: false,
            unlisted: false,
        })
}

/// The countries and storms `text` names, in order. A storm is found by the
/// word before its name (`Hurricane Maria`); once found, its bare name
/// counts too (`when Maria struck`).
pub fn mentions(text: &str) -> Vec<Mention> {
    let (search, keys) = &*COUNTRY_SEARCH;
    let mut found: Vec<Mention> = names_in(text, search, |i| keys[i], false).collect();
    let mut storms: Vec<&str> = STORM
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str())
        .collect();
    storms.sort_unstable();
    storms.dedup();
    if !storms.is_empty() {
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&storms)
            .expect("storm names");
        found.extend(names_in(text, &names, |i| storms[i], true));
        found.sort_by_key(|m| m.span.start);
    }
    if LOCAL_WORDS.is_match(text) {
        let local = LOCAL
            .captures_iter(text)
            .filter_map(|c| c.name("en").or_else(|| c.name("es")));
        add_named(&mut found, local, Named::Local);
    }
    let unlisted = UNLISTED
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter(|m| !is_time_word(m.as_str()));
    add_named(&mut found, unlisted, Named::Unlisted);
    found
}

/// How a place found by a pattern rather than a list is known.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Named {
    /// By the word for its kind: a local unit.
    Local,
    /// Only by its capitalised name after a preposition.
    Unlisted,
}

/// Adds to `found` the places `names` hold, each as the `kind` of place
/// it is, where no place found before overlaps it; keeps `found` in order.
fn add_named<'t>(
    found: &mut Vec<Mention>,
    names: impl Iterator<Item = regex::Match<'t>>,
    kind: Named,
) {
    let added: Vec<Mention> = names
        .filter(|m| {
            !found
                .iter()
                .any(|f| f.span.start < m.end() && m.start() < f.span.end)
        })
        .map(|m| Mention {
            span: m.range(),
            key: m.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
            storm: false,
            local: kind == Named::Local,
            unlisted: kind == Named::Unlisted,
        })
        .collect();
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.span.start);
    }
}

/// A capitalised name after `in`, `at` or `en`, up to three words: a place
/// no list holds ("in Wajima", "at Camp Mystic", "en Petit-Goâve", "en San
/// Cristóbal").
static UNLISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:in|at|en)\s+(\p{Lu}[\p{L}'’-]*(?:\s+(?:de\s+|del\s+)?\p{Lu}[\p{L}'’-]*){0,2})",
    )
    .expect("unlisted place pattern")
});

/// Whether a capitalised name is a month or a day of the week, in English
/// or Spanish ("in March", "en Enero"), not a place.
fn is_time_word(name: &str) -> bool {
    let first = name
        .split_whitespace()
        .next()
        .unwrap_or(name)
        .to_lowercase();
    crate::numbers::MONTHS
        .iter()
        .chain(crate::numbers::WEEKDAYS)
        .chain(crate::numbers::SPANISH_MONTHS)
        .chain(crate::numbers::SPANISH_WEEKDAYS)
        .any(|w| *w == first)
}

/// The words that name a local unit by its kind, for a quick test.
static LOCAL_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(local_kind_words()).expect("local unit words"));

/// The kinds of local unit English names after the name ("Kerr County").
const LOCAL_KINDS_EN: &[&str] = &[
    "County",
    "Parish",
    "Province",
    "District",
    "Prefecture",
    "Municipality",
];

/// The kinds of local unit Spanish names before `de` and the name ("el
/// estado de Shan"), with and without their accent.
const LOCAL_KINDS_ES: &[&str] = &[
    "estado",
    "región",
    "region",
    "provincia",
    "municipio",
    "departamento",
    "comuna",
    "condado",
    "distrito",
    "cantón",
    "canton",
];

/// The literal words [`LOCAL`] needs one of: each English kind, and each
/// Spanish kind with its `de`.
fn local_kind_words() -> impl Iterator<Item = String> {
    let en = LOCAL_KINDS_EN.iter().map(|k| k.to_string());
    en.chain(LOCAL_KINDS_ES.iter().map(|k| format!("{k} de")))
}

/// A local unit named by its kind: "Kerr County", "Orleans Parish", "el
/// estado de Shan", "la provincia de Valencia". The name is capitalised.
static LOCAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?-u:\b)(?P<en>(?:\p{{Lu}}[\p{{L}}'’.-]*\s+){{1,3}}(?:{en}))(?-u:\b)
        | (?-u:\b)(?:{es})\s+de\s+
          (?P<es>\p{{Lu}}\p{{L}}+(?:\s+(?:de\s+)?\p{{Lu}}\p{{L}}+){{0,2}})",
        en = LOCAL_KINDS_EN.join("|"),
        es = LOCAL_KINDS_ES.join("|"),
    ))
    .expect("local unit pattern")
});

/// Territories and the country they belong to.
const TERRITORIES: &[(&str, &str)] = &[("Puerto Rico", "United States")];

/// The country `key` is a part of, if it is one of [`REGIONS`].
fn region_country(key: &str) -> Option<&'static str> {
    REGIONS
        .iter()
        .find(|(_, parts)| parts.iter().any(|p| p[0] == key))
        .map(|(country, _)| *country)
}

/// Whether `key` is a country's key in [`COUNTRIES`].
fn is_country(key: &str) -> bool {
    COUNTRIES.iter().any(|names| names[0] == key)
}

/// Whether `key` is a part of a country (see [`REGIONS`]).
fn is_region(key: &str) -> bool {
    region_country(key).is_some()
}

/// The countries of the territories and regions among `keys`.
fn countries_of<'k>(keys: impl IntoIterator<Item = &'k str>) -> Vec<&'static str> {
    keys.into_iter()
        .filter_map(|key| {
            TERRITORIES
                .iter()
                .find(|(t, _)| *t == key)
                .map(|(_, country)| *country)
                .or_else(|| region_country(key))
        })
        .collect()
}

/// The places a draft speaks of as its own, going by which it names first
/// and how often it names each: see the module's documentation.
fn draft_places(mentions: &[Mention]) -> Vec<&str> {
    // A place no list holds is never the draft's: only a figure's own.
    let listed = || mentions.iter().filter(|m| !m.unlisted);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in listed() {
        *counts.entry(m.key.as_str()).or_default() += 1;
    }
    let most = counts.values().copied().max().unwrap_or(0);
    let mut own: Vec<&str> = counts
        .into_iter()
        .filter(|&(_, n)| n >= 2 && 2 * n >= most)
        .map(|(key, _)| key)
        .chain(listed().next().map(|m| m.key.as_str()))
        .collect();
    let countries = countries_of(own.iter().copied());
    own.extend(countries);
    own.sort_unstable();
    own.dedup();
    own
}

/// The places and storms a figure's own name and subject phrases (in every
/// language; `subjects` is one of those lists) name.
fn figure_mentions(figure: &Figure) -> Vec<Mention> {
    figure.texts().flat_map(|text| mentions(text)).collect()
}

/// The keys of a figure's own places ([`figure_mentions`]), with the
/// country of each part of a country among them.
fn figure_places(mentioned: &[Mention]) -> Vec<String> {
    let mut keys: Vec<String> = mentioned.iter().map(|m| m.key.clone()).collect();
    let countries = countries_of(keys.iter().map(String::as_str));
    keys.extend(countries.into_iter().map(String::from));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The names and aliases of the rules' sources that name a place ("US State
/// Department"): a place named inside one is a source's, not a claim's.
fn source_names_with_places(rules: &Rules) -> Vec<String> {
    rules
        .sources
        .iter()
        .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
        .filter(|name| !mentions(name).is_empty())
        .cloned()
        .collect()
}

/// `mentions` less those inside an occurrence of one of `source_names`.
fn outside_sources(text: &str, mentions: Vec<Mention>, source_names: &[String]) -> Vec<Mention> {
    if source_names.is_empty() {
        return mentions;
    }
    let cited: Vec<Range<usize>> = source_names
        .iter()
        .flat_map(|name| text.match_indices(name.as_str()))
        .map(|(at, name)| at..at + name.len())
        .collect();
    mentions
        .into_iter()
        .filter(|m| {
            !cited
                .iter()
                .any(|c| c.start <= m.span.start && m.span.end <= c.end)
        })
        .collect()
}

/// What the rules say of places, worked out once, on the first draft whose
/// claims name one: the places of each figure, and the sources' names that
/// hold a place.
#[derive(Debug, Clone, Default)]
pub struct RulePlaces(OnceLock<Known>);

#[derive(Debug, Clone)]
struct Known {
    /// By figure index: [`figure_places`].
    figures: Vec<Vec<String>>,
    /// By figure index: [`Figure::quantity_words`].
    quantities: Vec<Vec<String>>,
    /// By figure index: whether its places hold a country.
    has_country: Vec<bool>,
    /// By figure index: whether its name or phrases name a storm.
    has_storm: Vec<bool>,
    /// By figure index: the capitalised words of its name and phrases,
    /// which name its places whether a list holds them or not.
    proper_words: Vec<Vec<String>>,
    source_names: Vec<String>,
}

/// The capitalised words of a figure's name and subject phrases.
fn proper_words(figure: &Figure) -> Vec<String> {
    let mut words: Vec<String> = figure
        .texts()
        .flat_map(|text| text.split(|c: char| !(c.is_alphanumeric() || c == '-')))
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(String::from)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Whether every word of the place `key` is one of `words`.
fn names_all(words: &[String], key: &str) -> bool {
    key.split_whitespace()
        .all(|w| words.binary_search_by(|x| x.as_str().cmp(w)).is_ok())
}

impl RulePlaces {
    fn known(&self, rules: &Rules) -> &Known {
        self.0.get_or_init(|| {
            let mentioned: Vec<Vec<Mention>> = rules.figures.iter().map(figure_mentions).collect();
            let figures: Vec<Vec<String>> = mentioned.iter().map(|m| figure_places(m)).collect();
            Known {
                has_country: figures
                    .iter()
                    .map(|f| f.iter().any(|k| is_country(k)))
                    .collect(),
                figures,
                has_storm: mentioned
                    .iter()
                    .map(|m| m.iter().any(|m| m.storm))
                    .collect(),
                quantities: rules.figures.iter().map(Figure::quantity_words).collect(),
                proper_words: rules.figures.iter().map(proper_words).collect(),
                source_names: source_names_with_places(rules),
            }
        })
    }

    /// Drops the claims whose clause names a place that is not the draft's
    /// or the figure's own, and none that is, and hands a claim whose clause
    /// names a part of the country that another figure of the same quantity
    /// keeps to that figure, and one whose clause joins the figure's place
    /// to another ("en Turquía y Siria") to a figure that names both.
    /// `rules` are the ones these places were, or are to be, worked out
    /// from.
    pub fn drop_other_places(
        &self,
        text: &str,
        numbers: &[Number],
        claims: &mut Vec<Claim>,
        rules: &Rules,
    ) {
        // Most clauses of claims name no country and no storm: the whole
        // draft is searched only when one does.
        // A storm, once named with its title, is named again by its bare
        // name ("attributed to Katrina"), which the quick test cannot see.
        // The clause, and the sentence before it (see `fate`).
        let names_a_place = |c: &Claim| {
            let opening = c.sentence.start.min(c.clause.start);
            ANY_PLACE.is_match(&text[opening..c.clause.end])
                || UNLISTED.is_match(&text[c.reach.clone()])
        };
        let names_a_storm = || STORM_WORDS.is_match(text) && STORM.is_match(text);
        if !claims.iter().any(names_a_place) && !names_a_storm() {
            return;
        }
        let known = self.known(rules);
        let mentions = outside_sources(text, mentions(text), &known.source_names);
        if mentions.is_empty() {
            return;
        }
        let draft = draft_places(&mentions);
        let context = Context {
            text,
            numbers,
            mentions: &mentions,
            draft: &draft,
            known,
            rules,
        };
        let fates: Vec<Fate> = claims.iter().map(|c| context.fate(c)).collect();
        let taken: Vec<(usize, usize)> = claims.iter().map(|c| (c.number, c.figure)).collect();
        let mut fates = fates.into_iter();
        claims.retain_mut(|claim| match fates.next() {
            Some(Fate::Handed(other)) => {
                // Unless that figure's own phrase already claims the number.
                if taken.contains(&(claim.number, other)) {
                    return false;
                }
                claim.figure = other;
                // The desk's phrase named another figure than this one: at
                // most likely.
                claim.tier = claim.tier.min(crate::confidence::Tier::Likely);
                true
            }
            Some(Fate::Drop) => false,
            _ => true,
        });
    }
}

/// What [`RulePlaces::drop_other_places`] reads a claim against.
struct Context<'a> {
    text: &'a str,
    numbers: &'a [Number],
    /// The places the draft names, outside sources' names, in order.
    mentions: &'a [Mention],
    /// The draft's own places ([`draft_places`]).
    draft: &'a [&'a str],
    known: &'a Known,
    rules: &'a Rules,
}

impl Context<'_> {
    /// What becomes of `claim`.
    fn fate(&self, claim: &Claim) -> Fate {
        let Context {
            text,
            numbers,
            mentions,
            draft,
            known,
            rules,
        } = *self;
        let first = mentions.partition_point(|m| m.span.start < claim.clause.start);
        let last = mentions.partition_point(|m| m.span.start < claim.clause.end);
        // A country or a storm anywhere in the clause; a part of a
        // country only where it speaks of the number ("49 died in
        // South Carolina", not "33,241 nationwide, the most in
        // Guanajuato").
        // A place no list holds only for a figure that names a place, and
        // only after the number: it is a part of that place ("31 people
        // died in Wajima" under Ishikawa's toll), unless the figure's name
        // or phrases name it ("in Ishikawa", "in Noto Peninsula").
        let own = &known.figures[claim.figure];
        let number_end = numbers[claim.number].span.end;
        // Where the place speaks of the number.
        let reaches =
            |m: &Mention| claim.reach.start <= m.span.start && m.span.end <= claim.reach.end;
        let within = |m: &&Mention| {
            (!m.is_part() || reaches(m))
                && (!m.unlisted
                    || (!own.is_empty()
                        && m.span.start >= number_end
                        && !names_all(&known.proper_words[claim.figure], &m.key)))
        };
        let mut named: Vec<&Mention> = mentions[first..last].iter().filter(within).collect();
        if named.is_empty() {
            // A clause that names no place is told of the countries its
            // sentence named before it: "Bangkok, la capital de Tailandia,
            // también sufrió daños, aunque … entre los 80 desaparecidos".
            let opening = mentions.partition_point(|m| m.span.start < claim.sentence.start);
            named = mentions[opening..first]
                .iter()
                .filter(|m| !m.is_part() && !m.storm)
                .collect();
            if named.is_empty() {
                return Fate::Keep;
            }
        }
        // A part of a country that the name of another figure of the
        // same quantity (one that shares a word of its subject
        // phrases) holds, and this one's does not, makes the number
        // that figure's, whatever the draft's own places: "the toll
        // rose to 33 in South Carolina" is South Carolina's toll
        // where the rules keep South Carolina's deaths apart.
        let quantity = &known.quantities[claim.figure];
        let same_unit = |g: usize| rules.figures[g].unit == rules.figures[claim.figure].unit;
        // So does a country where it speaks of the number, for a figure
        // that names no country (a storm's total): "31 muertos en Haití"
        // is Haiti's where the rules keep Haiti's deaths apart.
        // One country only: a count named with several ("64 people in
        // Haiti and Jamaica") is a total of theirs.
        let a_country = |m: &Mention| !m.storm && is_country(&m.key) && reaches(m);
        let one_country = named.iter().filter(|m| a_country(m)).count() == 1;
        let handable = |m: &Mention| {
            m.is_part() || (one_country && a_country(m) && !known.has_country[claim.figure])
        };
        // A country's figure must say its quantity in this one's words
        // only ("muertos en Haití" beside "muertos"): countries are named
        // far more often than states, by figures of other quantities too
        // ("the Bank of England's rate" beside "the inflation rate").
        let same_quantity = |g: usize, m: &Mention| {
            if m.is_part() {
                known.quantities[g].iter().any(|w| quantity.contains(w))
            } else {
                !known.quantities[g].is_empty()
                    && known.quantities[g].iter().all(|w| quantity.contains(w))
            }
        };
        let parts: Vec<usize> = named
            .iter()
            .filter(|m| handable(m) && !own.contains(&m.key))
            .flat_map(|m| {
                (0..known.figures.len()).filter(move |&g| {
                    g != claim.figure
                        && known.figures[g].contains(&m.key)
                        && same_quantity(g, m)
                        && same_unit(g)
                })
            })
            .collect();
        if let Some(&part) = parts.first() {
            // The number goes to that part's figure only where the
            // part is named soon after it, in the same stretch ("rose to
            // 33 in South Carolina", "68 people were killed by the
            // flooding in Kerr County"), and no other part is named;
            // elsewhere ("surpasses 160 as search … in North Carolina
            // continues", a clause of its own) the national figure only
            // loses it.
            let end = numbers[claim.number].span.end;
            // A country counts wherever it speaks of the number: "En
            // Jamaica, las autoridades confirmaron 19 fallecidos".
            let right_after = named.iter().any(|m| {
                handable(m)
                    && known.figures[part].contains(&m.key)
                    && (!m.is_part()
                        || (m.span.start >= end
                            && words_in(&text[end..m.span.start]) <= HANDED_WITHIN
                            && !SUBORDINATE.is_match(&text[end..m.span.start])))
            });
            let regions: Vec<&str> = named
                .iter()
                .filter(|m| handable(m))
                .map(|m| m.key.as_str())
                .collect();
            let one_region = regions.iter().all(|&k| k == regions[0]);
            return if right_after && one_region && parts.iter().all(|&g| g == part) {
                Fate::Handed(part)
            } else {
                Fate::Drop
            };
        }
        // A place of the figure's own joined to one that is not names both
        // ("33.179 muertos en Turquía y Siria"): the count is not this
        // figure's, whose phrase named only one of them.
        // A figure of the same quantity that names both takes it.
        let coordinated = named.windows(2).find_map(|pair| {
            let [a, b] = pair else { return None };
            (own.contains(&a.key) != own.contains(&b.key)
                && a.span.end <= b.span.start
                && JOINED.is_match(&text[a.span.end..b.span.start]))
            .then_some((&a.key, &b.key))
        });
        if let Some((a, b)) = coordinated {
            // Failing that, a figure that names no country and says this
            // one's quantity in its words: the storm's or the story's total.
            let both = (0..known.figures.len()).find(|&g| {
                g != claim.figure
                    && known.figures[g].contains(a)
                    && known.figures[g].contains(b)
                    && known.quantities[g].iter().any(|w| quantity.contains(w))
                    && same_unit(g)
            });
            let total = || {
                (0..known.figures.len()).find(|&g| {
                    g != claim.figure
                        && !known.has_country[g]
                        && !quantity.is_empty()
                        && quantity.iter().all(|w| known.quantities[g].contains(w))
                        && same_unit(g)
                })
            };
            return both.or_else(total).map_or(Fate::Drop, Fate::Handed);
        }
        // A figure whose name or phrases name a country has that country:
        // another one is not its own, however often the draft names it
        // ("the quake was felt in Thailand" in a draft on Myanmar's toll).
        // So does a figure named after a storm: "259 deaths are attributed
        // to Camille" in a draft on Helene that names Camille twice.
        let own_country = known.has_country[claim.figure];
        let own_storm = known.has_storm[claim.figure];
        let is_own = |m: &Mention| {
            !OUTSIDE.is_match(tail_of(&text[..m.span.start], OUTSIDE_REACH))
                && (own.contains(&m.key)
                    || (!m.unlisted
                        && draft.contains(&m.key.as_str())
                        && !(own_country && !m.storm && is_country(&m.key))
                        && !(own_storm && m.storm)))
        };
        // A storm is the narrower place: "when Katrina crossed the U.S.
        // Gulf Coast" is about Katrina, whichever countries are the
        // draft's own.
        let kept = if named.iter().any(|m| m.storm) {
            named.iter().filter(|m| m.storm).any(|m| is_own(m))
        } else {
            named.iter().any(|m| is_own(m))
        };
        if kept {
            Fate::Keep
        } else {
            Fate::Drop
        }
    }
}

/// How far back from a place's name [`OUTSIDE`] reads: its words and a
/// little space, never the draft before them.
const OUTSIDE_REACH: usize = 64;

/// Words that put a place outside the count, right before its name:
/// "Outside the United States, more than 950 cases …", "fuera de España",
/// "Besides Myanmar, the quake was felt in Thailand, where …", "Además de
/// en Myanmar, …".
static OUTSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:outside(?:\s+of)?|beyond|excluding|besides|apart\s+from|aside\s+from|fuera\s+de|excepto|salvo|aparte\s+de|además\s+de(?:\s+en)?)(?:\s+(?:the|el|la|los|las))?\s+$",
    )
    .expect("outside pattern")
});

/// What joins two places named together: "Turkey and Syria", "Jamaica,
/// Haiti", "Turquía y Siria".
static JOINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*(?:(?:and|y|e)\s+)?|(?:and|y|e|&)\s+)(?:(?:the|el|la|los|las)\s+)?$")
        .expect("joined pattern")
});

/// The most words between a number and the part of the country named after
/// it, in the same stretch, that makes the number that part's figure's.
const HANDED_WITHIN: usize = 7;

/// A word that opens a clause of its own between a number and a place:
/// the place is that clause's.
static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,;:(—–]|\b(?:as|while|when|whereas|after|before|because|since|although|mientras|cuando|tras|después|porque|aunque)\b")
        .expect("subordinate pattern")
});

/// The words in `text`.
fn words_in(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// What becomes of a claim whose clause names a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Drop,
    /// The number is that figure's: a part of the country it names, or
    /// the places joined together of which this figure's phrase named one.
    Handed(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.key).collect()
    }

    #[test]
    fn countries_are_found_in_both_languages_and_as_whole_words() {
        assert_eq!(
            keys("Honduras and México, unlike the U.S., the US or Estados Unidos."),
            [
                "Honduras",
                "Mexico",
                "United States",
                "United States",
                "United States"
            ]
        );
        // Inside a longer word, or lowercase, a name is not a country.
        assert!(keys("Chilean wine, chile peppers, a Peruvian and us.").is_empty());
        // A US state whose name holds another country's is the United States.
        assert_eq!(keys("Albuquerque, New Mexico"), ["United States"]);
        // A currency's mark is no place.
        assert!(keys("The prison cost US$100 million, or U.S.$100 million.").is_empty());
    }

    #[test]
    fn a_local_unit_is_found_by_the_word_for_its_kind() {
        // Must: a capitalised name with its kind, in either language.
        assert_eq!(
            keys("Officials in Kerr County and Orleans Parish said so."),
            ["Kerr County", "Orleans Parish"]
        );
        assert_eq!(
            keys("Hubo 39 muertos en el estado de Shan y en la provincia de Valencia."),
            ["Shan", "Valencia"]
        );
        // Must not: the kind without a name, a lowercase word, or a state of
        // affairs ("estado de emergencia").
        assert!(keys("The county said the district was closed.").is_empty());
        assert!(keys("Se declaró el estado de emergencia en la región.").is_empty());
        // A name the gazetteer knows is found once, as itself.
        assert_eq!(keys("la región de Valparaíso"), ["Valparaíso"]);
    }

    #[test]
    fn the_quick_test_lets_through_every_storm_title_the_pattern_reads() {
        for title in [
            "Hurricane Ida",
            "Typhoon Haiyan",
            "Cyclone Idai",
            "Tropical Storm Agatha",
            "Winter Storm Uri",
            "Storm Ciara",
            "huracán Mitch",
            "Huracán Mitch",
            "huracan Mitch",
            "tormenta tropical Amanda",
            "Tormenta Julia",
            "tifón Haiyan",
            "tifon Haiyan",
            "ciclón Idai",
            "Ciclon Idai",
        ] {
            assert!(STORM.is_match(title), "{title}");
            assert!(ANY_PLACE.is_match(title), "{title}");
        }
    }

    #[test]
    fn a_storm_is_found_by_its_title_and_then_by_its_bare_name() {
        assert_eq!(
            keys("Hurricane Katrina struck in 2005. When Katrina hit, Maria was years away."),
            ["Katrina", "Katrina"]
        );
        assert_eq!(keys("el huracán Mitch dejó a Mitch"), ["Mitch", "Mitch"]);
    }

    #[test]
    fn the_draft_s_own_places_are_the_ones_it_names_most() {
        let m = mentions(
            "Honduras. El Salvador, El Salvador, El Salvador. Guatemala. Colombia and Colombia.",
        );
        // Named first, named most, named at least half as often as that.
        assert_eq!(draft_places(&m), ["Colombia", "El Salvador", "Honduras"]);
        // Named once each: the first is the draft's own.
        assert_eq!(
            draft_places(&mentions("Honduras and Guatemala.")),
            ["Honduras"]
        );
        // A territory's country is its own too.
        assert_eq!(
            draft_places(&mentions("Puerto Rico and Puerto Rico, not Haiti.")),
            ["Puerto Rico", "United States"]
        );
    }
}
