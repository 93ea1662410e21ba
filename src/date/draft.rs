//! The date a draft speaks from: the values current on that date are the ones
//! it must use. A draft written in 2024 that gives 2024's count is right, even
//! when the archive is checked in 2025.

use html5gum::{Token, Tokenizer};
use serde::Serialize;

use super::Date;
use crate::lang::Lang;
use crate::markup::Format;

/// The date a draft is checked at, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftDate {
    pub date: Date,
    pub origin: Origin,
}

/// Where a draft's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// `--as-of DATE` on the command line (or `as_of` on a rules example).
    Given,
    /// A key of the draft's YAML or TOML front matter.
    FrontMatter(&'static str),
    /// `<meta property="article:…_time">` in an HTML draft.
    HtmlMeta(&'static str),
    /// `<time datetime>` in the header of an HTML draft.
    HtmlTime,
    /// Nothing in the draft or on the command line gave a date.
    Today,
}

impl Origin {
    /// Where the date came from, as `figcheck numbers` says it.
    pub fn describe(self) -> String {
        match self {
            Origin::Given => "--as-of".into(),
            Origin::FrontMatter(key) => format!("front matter `{key}`"),
            Origin::HtmlMeta(property) => format!("<meta property=\"{property}\">"),
            Origin::HtmlTime => "<time datetime> in the article header".into(),
            Origin::Today => "today: the draft gives no date".into(),
        }
    }

    /// A short machine-readable name: `front-matter:updated`, `today`.
    pub fn key(self) -> String {
        match self {
            Origin::Given => "as-of".into(),
            Origin::FrontMatter(key) => format!("front-matter:{key}"),
            Origin::HtmlMeta(property) => format!("html-meta:{property}"),
            Origin::HtmlTime => "html-time".into(),
            Origin::Today => "today".into(),
        }
    }
}

/// Front matter keys that date a draft, the most recent kind first: a draft
/// updated in 2025 must be right as of its update.
const FRONT_MATTER_KEYS: &[&str] = &["updated", "lastmod", "published", "date"];

/// HTML meta properties that date a draft, the most recent kind first.
const META_PROPERTIES: &[&str] = &["article:modified_time", "article:published_time"];

/// The date the draft itself gives, if any, for a draft written in `lang`
/// (which decides whether `10/05/2024` is in May or October).
pub fn of_draft(format: Format, source: &str, lang: Option<Lang>) -> Option<DraftDate> {
    match format {
        Format::Html => of_html(source),
        Format::Markdown | Format::Text => of_front_matter(source, lang),
    }
}

/// A front matter date written with numbers only that could be read day
/// first or month first (`10/05/2024` in a draft not known to be Spanish),
/// when the draft gives no date that can be read: figcheck does not guess,
/// and says so. The front matter is read once; `lang`, the draft's
/// language, is asked for only when such a date is there.
pub fn ambiguous(
    format: Format,
    source: &str,
    lang: impl FnOnce() -> Option<Lang>,
) -> Option<String> {
    if format == Format::Html {
        return None;
    }
    let (_, fields) = crate::markup::front_matter::parse(source)?;
    let dates: Vec<_> = fields
        .iter()
        .filter(|f| FRONT_MATTER_KEYS.contains(&&*f.key))
        .collect();
    // A date that reads in any language: nothing to say.
    if dates.iter().any(|f| {
        Date::parse_timestamp(&f.value)
            .or_else(|| written(&f.value, None))
            .is_some()
    }) {
        return None;
    }
    let either = dates
        .iter()
        .find(|f| numeric(&f.value).is_some_and(|(a, b, _)| a <= 12 && b <= 12 && a != b))?;
    // A Spanish draft reads it day first.
    (lang() != Some(Lang::Es)).then(|| format!("{}: {}", either.key, either.value.trim()))
}

/// `a/b/y` or `a-b-y`, as three numbers.
fn numeric(value: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<u32> = value
        .trim()
        .split(['/', '-'])
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, y] = parts[..] else { return None };
    (y >= 1000).then_some((a, b, y))
}

/// The date in YAML (`---`) or TOML (`+++`) front matter at the very start.
fn of_front_matter(source: &str, lang: Option<Lang>) -> Option<DraftDate> {
    let (_, fields) = crate::markup::front_matter::parse(source)?;
    fields
        .iter()
        .filter_map(|f| {
            let rank = FRONT_MATTER_KEYS.iter().position(|k| *k == f.key)?;
            Some((
                rank,
                Date::parse_timestamp(&f.value).or_else(|| written(&f.value, lang))?,
            ))
        })
        .min_by_key(|(rank, _)| *rank)
        .map(|(rank, date)| DraftDate {
            date,
            origin: Origin::FrontMatter(FRONT_MATTER_KEYS[rank]),
        })
}

/// A date written as people write it in front matter: `May 10, 2024`,
/// `10 May 2024`, `10 de mayo de 2024`, `May 2024`, and `10/05/2024` or
/// `05/10/2024` where the order is beyond doubt: one number above 12, or a
/// Spanish draft, which always writes the day first. Otherwise a date whose
/// day and month could be either way (English is written both ways) is not
/// read.
fn written(value: &str, lang: Option<Lang>) -> Option<Date> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "jan", "enero"],
        &["february", "feb", "febrero"],
        &["march", "mar", "marzo"],
        &["april", "apr", "abril"],
        &["may", "mayo"],
        &["june", "jun", "junio"],
        &["july", "jul", "julio"],
        &["august", "aug", "agosto"],
        &["september", "sep", "sept", "septiembre", "setiembre"],
        &["october", "oct", "octubre"],
        &["november", "nov", "noviembre"],
        &["december", "dec", "diciembre"],
    ];
    let text = value
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim()
        .to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty() && *w != "de")
        .collect();
    let month_of = |w: &str| {
        MONTHS
            .iter()
            .position(|names| names.contains(&w))
            .map(|m| m as u8 + 1)
    };
    let number = |w: &str| w.parse::<u32>().ok();
    let (year, month, day) = match words[..] {
        // May 10 2024, 10 May 2024, 10 de mayo de 2024
        [a, b, y] => match (month_of(a), month_of(b)) {
            (Some(m), None) => (number(y)?, m, Some(number(b)?)),
            (None, Some(m)) => (number(y)?, m, Some(number(a)?)),
            _ => return None,
        },
        // May 2024
        [a, y] => (number(y)?, month_of(a)?, None),
        // 10/05/2024 or 05/10/2024
        [written] => {
            let (a, b, y) = numeric(written)?;
            let (day, month) = match (a > 12, b > 12) {
                (true, false) => (a, b),
                (false, true) => (b, a),
                (false, false) if a == b || lang == Some(Lang::Es) => (a, b),
                _ => return None,
            };
            (y, u8::try_from(month).ok()?, Some(day))
        }
        _ => return None,
    };
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let iso = match day {
        Some(day) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{year:04}-{month:02}"),
    };
    Date::parse(&iso).ok()
}

/// The date an HTML draft's `<meta property="article:…_time">` gives, or else
/// the first `<time datetime>` inside a `<header>`.
fn of_html(source: &str) -> Option<DraftDate> {
    let mut meta: Option<(usize, Date)> = None;
    let mut header_time: Option<Date> = None;
    let mut in_header = 0usize;
    for token in Tokenizer::new(source).flatten() {
        match token {
            Token::StartTag(tag) => {
                let attribute = |name: &str| {
                    tag.attributes
                        .get(name.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                match tag.name.as_slice() {
                    b"meta" => {
                        let property = attribute("property").or_else(|| attribute("name"));
                        let rank = property
                            .and_then(|p| META_PROPERTIES.iter().position(|m| *m == p.trim()));
                        let date = attribute("content").and_then(|c| Date::parse_timestamp(&c));
                        if let (Some(rank), Some(date)) = (rank, date) {
                            if meta.is_none_or(|(best, _)| rank < best) {
                                meta = Some((rank, date));
                            }
                        }
                    }
                    b"header" if !tag.self_closing => in_header += 1,
                    b"time" if in_header > 0 && header_time.is_none() => {
                        header_time = attribute("datetime").and_then(|d| Date::parse_timestamp(&d));
                    }
                    _ => {}
                }
            }
            Token::EndTag(tag) if tag.name.as_slice() == b"header" => {
                in_header = in_header.saturating_sub(1);
                // Metadata lives in the head and the header; the body of the
                // article has no date to add.
                if in_header == 0 && (meta.is_some() || header_time.is_some()) {
                    break;
                }
            }
            _ => {}
        }
    }
    if let Some((rank, date)) = meta {
        return Some(DraftDate {
            date,
            origin: Origin::HtmlMeta(META_PROPERTIES[rank]),
        });
    }
    header_time.map(|date| DraftDate {
        date,
        origin: Origin::HtmlTime,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(format: Format, source: &str) -> Option<(String, String)> {
        of_draft(format, source, None).map(|d| (d.date.to_string(), d.origin.key()))
    }

    #[test]
    fn reads_yaml_front_matter() {
        let draft = "---\ntitle: Arrests\ndate: 2024-05-01\n---\n\nText.\n";
        assert_eq!(
            dated(Format::Markdown, draft),
            Some(("2024-05-01".into(), "front-matter:date".into()))
        );
        let quoted = "---\ndate: \"2024-05-01T08:00:00Z\"\n---\nText.\n";
        assert_eq!(dated(Format::Markdown, quoted).unwrap().0, "2024-05-01");
    }

    #[test]
    fn reads_dates_as_people_write_them() {
        let date = |value: &str| {
            dated(
                Format::Markdown,
                &format!("---\ndate: {value}\n---\nText.\n"),
            )
            .map(|d| d.0)
        };
        assert_eq!(date("May 10, 2024").as_deref(), Some("2024-05-10"));
        assert_eq!(date("10 May 2024").as_deref(), Some("2024-05-10"));
        assert_eq!(
            date("\"10 de mayo de 2024\"").as_deref(),
            Some("2024-05-10")
        );
        assert_eq!(date("Sept. 3, 2024").as_deref(), Some("2024-09-03"));
        assert_eq!(date("March 2025").as_deref(), Some("2025-03"));
        assert_eq!(date("25/05/2024").as_deref(), Some("2024-05-25"));
        assert_eq!(date("05/25/2024").as_deref(), Some("2024-05-25"));
        // Day and month either way, or no date at all: not read.
        assert_eq!(date("10/05/2024"), None);
        assert_eq!(date("05/05/2024").as_deref(), Some("2024-05-05"));
        assert_eq!(date("May 40, 2024"), None);
        assert_eq!(date("soon"), None);
        assert_eq!(date("10 May"), None);
    }

    #[test]
    fn a_numeric_date_is_read_day_first_only_where_the_language_says_so() {
        let draft = "---\ndate: 10/05/2024\n---\nText.\n";
        let read = |lang| of_draft(Format::Markdown, draft, lang).map(|d| d.date.to_string());
        // Spanish writes the day first, always.
        assert_eq!(read(Some(Lang::Es)).as_deref(), Some("2024-05-10"));
        // English is written both ways: not read, and said so.
        assert_eq!(read(Some(Lang::En)), None);
        assert_eq!(read(None), None);
        assert_eq!(
            ambiguous(Format::Markdown, draft, || Some(Lang::En)).as_deref(),
            Some("date: 10/05/2024")
        );
        assert_eq!(ambiguous(Format::Markdown, draft, || Some(Lang::Es)), None);
        // Nothing to say where the date can be read, or where it is plain.
        for clear in [
            "---\ndate: 25/05/2024\n---\n",
            "---\ndate: 2024-05-10\n---\n",
            "---\ndate: 10/05/2024\nupdated: 2024-06-01\n---\n",
            "---\ntitle: 10/05/2024\n---\n",
        ] {
            assert_eq!(
                ambiguous(Format::Markdown, clear, || Some(Lang::En)),
                None,
                "{clear}"
            );
        }
    }

    #[test]
    fn an_update_wins_over_the_first_date() {
        let draft =
            "---\ndate: 2024-05-01\nupdated: 2025-04-02\npublished: 2024-05-02\n---\nText.\n";
        assert_eq!(
            dated(Format::Markdown, draft),
            Some(("2025-04-02".into(), "front-matter:updated".into()))
        );
    }

    #[test]
    fn reads_toml_front_matter() {
        let draft = "+++\ntitle = \"Arrests\"\npublished = 2025-05-01\n+++\nText.\n";
        assert_eq!(
            dated(Format::Markdown, draft),
            Some(("2025-05-01".into(), "front-matter:published".into()))
        );
    }

    #[test]
    fn front_matter_must_open_the_draft_and_close() {
        // Not at the start: a thematic break and a line of prose.
        assert_eq!(
            dated(Format::Markdown, "Text.\n---\ndate: 2024-05-01\n---\n"),
            None
        );
        // Never closed.
        assert_eq!(
            dated(Format::Markdown, "---\ndate: 2024-05-01\nText.\n"),
            None
        );
        // Nested keys and unreadable values do not date the draft.
        let nested = "---\nevent:\n  date: 2022-03-27\nupdated: soon\n---\nText.\n";
        assert_eq!(dated(Format::Markdown, nested), None);
        // Prose that merely mentions a date.
        assert_eq!(
            dated(Format::Markdown, "On 2024-05-01 police said…\n"),
            None
        );
    }

    #[test]
    fn reads_html_meta_and_header_time() {
        let meta = r#"<html><head><meta property="article:published_time" content="2025-05-01T10:00:00Z"></head><body><p>Text.</p></body></html>"#;
        assert_eq!(
            dated(Format::Html, meta),
            Some((
                "2025-05-01".into(),
                "html-meta:article:published_time".into()
            ))
        );
        let both = r#"<head><meta property="article:published_time" content="2024-05-01"><meta property="article:modified_time" content="2025-01-09"></head>"#;
        assert_eq!(dated(Format::Html, both).unwrap().0, "2025-01-09");
        let time = r#"<article><header><h1>Arrests</h1><time datetime="2024-06-02">June 2</time></header><p>On <time datetime="2022-03-27">27 March</time> …</p></article>"#;
        assert_eq!(
            dated(Format::Html, time),
            Some(("2024-06-02".into(), "html-time".into()))
        );
    }

    #[test]
    fn a_time_outside_the_header_does_not_date_an_html_draft() {
        let body = r#"<p>The state of exception began on <time datetime="2022-03-27">27 March 2022</time>.</p>"#;
        assert_eq!(dated(Format::Html, body), None);
    }
}
