//! The language a draft is written in, and how figcheck knows it.
//!
//! Numbers, qualifiers, sentences, subject inflections and the cues that say
//! who counted a figure or when are written differently in each language, so
//! every draft is read in one language: `--lang`, else what the draft says
//! (front matter `lang` or `language`, `<html lang>`), else `lang` in the
//! rules' `[settings]` (`"en"` by default; `"auto"` detects it from the text).
//!
//! What each language writes differently lives as data beside the code that
//! reads it (`numbers::grammar`, `text::Stops`, …), chosen by [`Lang`].

mod draft;

use regex::Regex;
use serde::Serialize;

pub use draft::{of_draft, Declared};

/// A language figcheck reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The ISO 639-1 code: `en`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's name in English, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Spanish",
        }
    }

    /// Auxiliaries of the perfect and the passive, lowercase: "structures
    /// have been destroyed", "viviendas han sido afectadas". Subject phrases
    /// let them stand inside their gap for free, and attribution lets them
    /// stand between a counted noun and its verb.
    pub const fn auxiliaries(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "have", "has", "had", "been", "be", "being", "was", "were", "is", "are",
            ],
            Lang::Es => &[
                "ha", "han", "había", "habían", "haya", "hayan", "sido", "fue", "fueron", "es",
                "son", "era", "eran", "siendo",
            ],
        }
    }

    /// The index of the language in [`Lang::ALL`], for per-language tables.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Reads a language tag as drafts and people write it: `es`, `es-SV`,
    /// `es_MX`, `spa`, `Spanish`, `español`; `None` for a language figcheck
    /// does not read.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().trim_matches(['"', '\'']).to_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" | "eng" | "english" | "inglés" | "ingles" => Some(Lang::En),
            "es" | "spa" | "spanish" | "español" | "espanol" | "castellano" => Some(Lang::Es),
            _ => None,
        }
    }
}

/// A word without its accents, as Spanish writers and headline styles often
/// leave them out (`ñ` is a letter of its own and stays).
pub fn fold_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            c => c,
        })
        .collect()
}

/// A pattern of Spanish words, for every Spanish cue (attribution, sources,
/// dates). Word boundaries are ASCII ones (`\b` is read
/// as `(?-u:\b)`): a Unicode boundary sends the regex engine to its slow
/// path on any text with an accent, and Spanish has accents everywhere
/// (a check of Spanish drafts took eleven times as long as of English
/// ones). Where a word may end in an accented letter (`está`, `llegó`), the
/// pattern ends it with `{END}`: a character that is no letter or digit, or
/// the end of the text. Those patterns are only tested, or compared by
/// where their matches start.
pub fn spanish_regex(pattern: &str) -> Regex {
    let pattern = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace("{END}", r"(?:[^\p{L}\p{N}_]|$)");
    Regex::new(&pattern).expect("Spanish patterns compile")
}

/// `lang` in the rules' `[settings]`: one language for every draft that does
/// not name its own, or `auto` to detect it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LangSetting {
    Fixed(Lang),
    Auto,
}

impl Default for LangSetting {
    fn default() -> Self {
        LangSetting::Fixed(Lang::En)
    }
}

impl LangSetting {
    /// Reads the setting: a language tag or `auto`.
    pub fn parse(value: &str) -> Option<LangSetting> {
        if value.trim().eq_ignore_ascii_case("auto") {
            return Some(LangSetting::Auto);
        }
        Lang::parse(value).map(LangSetting::Fixed)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LangSetting::Fixed(lang) => lang.code(),
            LangSetting::Auto => "auto",
        }
    }
}

/// How a draft marks decimals. Spanish is written both ways: Spain and most
/// of South America write `1,9` and `85.000`, Mexico and Central America
/// `1.9` and `85,000`. English always writes `1.9`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Decimal {
    Comma,
    Point,
}

impl Decimal {
    pub fn as_str(self) -> &'static str {
        match self {
            Decimal::Comma => "comma",
            Decimal::Point => "point",
        }
    }

    /// The decimal mark a language tag's region writes (`es-SV`: a point,
    /// `es-ES`: a comma); `None` without a region.
    pub fn of_tag(tag: &str) -> Option<Decimal> {
        let tag = tag.trim().trim_matches(['"', '\'']);
        let region = tag.split(['-', '_']).nth(1)?.to_ascii_uppercase();
        const POINT: &[&str] = &["MX", "GT", "SV", "HN", "NI", "PA", "DO", "PR", "US", "419"];
        Some(if POINT.contains(&region.as_str()) {
            Decimal::Point
        } else {
            Decimal::Comma
        })
    }
}

/// The language a draft is read in, where that came from, and how the
/// draft marks decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftLang {
    pub lang: Lang,
    pub origin: Origin,
    pub decimal: Decimal,
}

/// Where a draft's language came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--lang` on the command line (or `lang` on a rules example).
    Given,
    /// A key of the draft's front matter: `lang` or `language`.
    FrontMatter(&'static str),
    /// The `lang` attribute of an HTML draft's `<html>` element.
    HtmlLang,
    /// `lang` in the rules' `[settings]`.
    Settings,
    /// `lang = "auto"`: detected from the draft's text.
    Detected,
    /// `lang = "auto"`, but the text was too short or too mixed to tell:
    /// the default, English.
    Undetected,
}

impl Origin {
    /// Where the language came from, as `figcheck numbers` says it.
    pub fn describe(self) -> String {
        match self {
            Origin::Given => "--lang".into(),
            Origin::FrontMatter(key) => format!("front matter `{key}`"),
            Origin::HtmlLang => "<html lang>".into(),
            Origin::Settings => "[settings] lang in rules.toml".into(),
            Origin::Detected => "detected from the text (lang = \"auto\")".into(),
            Origin::Undetected => {
                "default: lang = \"auto\" could not tell the language from the text".into()
            }
        }
    }

    /// A short machine-readable name: `front-matter:lang`, `detected`.
    pub fn key(self) -> String {
        match self {
            Origin::Given => "lang-flag".into(),
            Origin::FrontMatter(key) => format!("front-matter:{key}"),
            Origin::HtmlLang => "html-lang".into(),
            Origin::Settings => "settings".into(),
            Origin::Detected => "detected".into(),
            Origin::Undetected => "default".into(),
        }
    }
}

/// How sure the detector must be before its guess is taken; below it, a
/// draft is read as English. Short, mixed or list-like texts fall below.
const DETECTION_CONFIDENCE: f64 = 0.5;

/// How much of a draft the detector reads: the opening is enough to tell a
/// language, and a whole archive stays cheap.
const DETECTION_BYTES: usize = 8 * 1024;

/// The language `text` is written in, if the detector is sure of it and
/// figcheck reads it.
pub fn detect(text: &str) -> Option<Lang> {
    let mut end = text.len().min(DETECTION_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let detector =
        whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, whatlang::Lang::Spa]);
    let info = detector.detect(&text[..end])?;
    if info.confidence() < DETECTION_CONFIDENCE {
        return None;
    }
    match info.lang() {
        whatlang::Lang::Eng => Some(Lang::En),
        whatlang::Lang::Spa => Some(Lang::Es),
        _ => None,
    }
}

/// The language a draft is read in: `given` (`--lang`), else what the draft
/// says, else the setting, detecting from `prose` for `auto`. A Spanish
/// draft's decimal mark is its tag's region's (`es-SV`), else the one its
/// numerals show.
pub fn choose<'a>(
    given: Option<Lang>,
    declared: Option<Declared>,
    setting: LangSetting,
    prose: impl Fn() -> &'a str,
) -> DraftLang {
    let (lang, origin, decimal) = match (given, declared) {
        (Some(lang), _) => (lang, Origin::Given, None),
        (None, Some(declared)) => (declared.lang, declared.origin, declared.decimal),
        (None, None) => match setting {
            LangSetting::Fixed(lang) => (lang, Origin::Settings, None),
            LangSetting::Auto => match detect(prose()) {
                Some(lang) => (lang, Origin::Detected, None),
                None => (Lang::En, Origin::Undetected, None),
            },
        },
    };
    let decimal = match lang {
        Lang::En => Decimal::Point,
        Lang::Es => decimal.unwrap_or_else(|| spanish_decimal(prose())),
    };
    DraftLang {
        lang,
        origin,
        decimal,
    }
}

/// Which decimal mark a Spanish text's numerals show: a comma before other
/// than three digits (`1,9`) or a full stop grouping thousands (`85.000`)
/// for a comma; a full stop before one or two digits (`1.9`), commas
/// grouping thousands (`1,234,567`) or a comma before `000` (`85,000`) for
/// a point. More of the second kind make it a point; a text that shows
/// neither more, a comma, as Spain writes.
pub fn spanish_decimal(text: &str) -> Decimal {
    static NUMERAL: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)+").expect("numeral pattern"));
    let (mut comma, mut point) = (0usize, 0usize);
    for m in NUMERAL.find_iter(text) {
        let raw = m.as_str();
        let groups: Vec<&str> = raw.split([',', '.']).skip(1).collect();
        let marks: Vec<char> = raw.chars().filter(|c| matches!(c, ',' | '.')).collect();
        let last = *marks.last().expect("a mark in every match");
        let same = marks.iter().all(|&c| c == last);
        let last_len = groups.last().map_or(0, |g| g.len());
        match (same, last, marks.len(), last_len) {
            // `1.234,5` or `1,234.5`: the last mark is the decimal one.
            (false, ',', ..) => comma += 1,
            (false, ..) => point += 1,
            (true, ',', 1, n) if n != 3 => comma += 1,
            (true, ',', 1, _) if raw.ends_with('0') => point += 1,
            (true, ',', 1, _) => {}
            (true, ',', _, _) if groups.iter().all(|g| g.len() == 3) => point += 1,
            (true, '.', 1, 1 | 2) => point += 1,
            (true, '.', _, _) if groups.iter().all(|g| g.len() == 3) => comma += 1,
            // Dates and versions: `15.03.2025`, `2.1.3`.
            _ => {}
        }
    }
    if point > comma {
        Decimal::Point
    } else {
        Decimal::Comma
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_as_people_write_them() {
        for tag in [
            "es", "es-SV", "es_MX", "ES", "spa", "Spanish", "español", " \"es\" ",
        ] {
            assert_eq!(Lang::parse(tag), Some(Lang::Es), "{tag}");
        }
        for tag in ["en", "en-GB", "eng", "English"] {
            assert_eq!(Lang::parse(tag), Some(Lang::En), "{tag}");
        }
        for tag in ["fr", "pt-BR", "", "esperanto", "e"] {
            assert_eq!(Lang::parse(tag), None, "{tag}");
        }
        assert_eq!(LangSetting::parse("Auto"), Some(LangSetting::Auto));
        assert_eq!(LangSetting::parse("es"), Some(LangSetting::Fixed(Lang::Es)));
        assert_eq!(LangSetting::parse("klingon"), None);
    }

    #[test]
    fn detection_tells_english_from_spanish_prose() {
        assert_eq!(
            detect("La policía ha detenido a miles de personas desde que el Congreso aprobó el régimen de excepción."),
            Some(Lang::Es)
        );
        assert_eq!(
            detect("Police have detained thousands of people since the legislature approved the emergency measures."),
            Some(Lang::En)
        );
    }

    #[test]
    fn detection_declines_text_it_cannot_tell() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("85,000 — 367 — 2024"), None);
    }

    #[test]
    fn a_region_names_its_decimal_mark() {
        assert_eq!(Decimal::of_tag("es-SV"), Some(Decimal::Point));
        assert_eq!(Decimal::of_tag("es_MX"), Some(Decimal::Point));
        assert_eq!(Decimal::of_tag("es-ES"), Some(Decimal::Comma));
        assert_eq!(Decimal::of_tag("es-AR"), Some(Decimal::Comma));
        assert_eq!(Decimal::of_tag("es"), None);
    }

    #[test]
    fn a_spanish_draft_without_a_region_shows_its_decimal_mark() {
        let salvadoran = "La tasa fue de 1.9 por cada 100,000 habitantes.";
        assert_eq!(
            choose(Some(Lang::Es), None, LangSetting::Auto, || salvadoran).decimal,
            Decimal::Point
        );
        let spanish = "La tasa fue de 1,9 por cada 100.000 habitantes.";
        assert_eq!(
            choose(Some(Lang::Es), None, LangSetting::Auto, || spanish).decimal,
            Decimal::Comma
        );
        // The region a draft declares wins over what its numerals show.
        let declared = Some(Declared {
            lang: Lang::Es,
            origin: Origin::HtmlLang,
            decimal: Some(Decimal::Comma),
        });
        assert_eq!(
            choose(None, declared, LangSetting::Auto, || salvadoran).decimal,
            Decimal::Comma
        );
    }

    #[test]
    fn the_flag_beats_the_draft_which_beats_the_setting() {
        let declared = Some(Declared {
            lang: Lang::Es,
            origin: Origin::FrontMatter("lang"),
            decimal: None,
        });
        // An English draft needs no reading of its text at all; a Spanish
        // one only for its decimal mark.
        let never = || panic!("no detection needed");
        assert_eq!(
            choose(Some(Lang::En), declared, LangSetting::Auto, never).origin,
            Origin::Given
        );
        assert_eq!(
            choose(None, declared, LangSetting::Fixed(Lang::En), || "").lang,
            Lang::Es
        );
        assert_eq!(
            choose(None, None, LangSetting::Fixed(Lang::Es), || "").origin,
            Origin::Settings
        );
        let detected = choose(None, None, LangSetting::Auto, || {
            "Según las organizaciones, cientos de personas han muerto en las cárceles del país."
        });
        assert_eq!(
            (detected.lang, detected.origin),
            (Lang::Es, Origin::Detected)
        );
        let undetected = choose(None, None, LangSetting::Auto, || "367");
        assert_eq!(
            (undetected.lang, undetected.origin),
            (Lang::En, Origin::Undetected)
        );
    }
}
