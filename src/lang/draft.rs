//! The language a draft declares: front matter `lang` or `language`, or the
//! `lang` attribute of an HTML draft's `<html>` element.

use html5gum::{Token, Tokenizer};

use super::{Decimal, Lang, Origin};

/// What a draft says of its language: the language, where it says so, and
/// the decimal mark its tag's region writes, if it names one (`es-SV`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    pub lang: Lang,
    pub origin: Origin,
    pub decimal: Option<Decimal>,
}
use crate::markup::Format;

/// Front matter keys that name a draft's language.
const FRONT_MATTER_KEYS: &[&str] = &["lang", "language"];

/// The language the draft says it is written in, if it says one figcheck reads.
pub fn of_draft(format: Format, source: &str) -> Option<Declared> {
    match format {
        Format::Html => of_html(source),
        Format::Markdown | Format::Text => of_front_matter(source),
    }
}

/// `lang:` or `language:` in YAML (`---`) or TOML (`+++`) front matter at the
/// very start, at the top level.
fn of_front_matter(source: &str) -> Option<Declared> {
    let (_, fields) = crate::markup::front_matter::parse(source)?;
    fields.iter().find_map(|f| {
        let key = FRONT_MATTER_KEYS.iter().find(|k| **k == f.key)?;
        Lang::parse(&f.value).map(|lang| Declared {
            lang,
            origin: Origin::FrontMatter(key),
            decimal: Decimal::of_tag(&f.value),
        })
    })
}

/// The `lang` attribute of the `<html>` element; only the start of the
/// document is read.
fn of_html(source: &str) -> Option<Declared> {
    for token in Tokenizer::new(source).flatten() {
        if let Token::StartTag(tag) = token {
            if tag.name.as_slice() != b"html" {
                // `<html>` comes first or not at all.
                return None;
            }
            let value = tag.attributes.get(b"lang".as_slice())?;
            let tag = String::from_utf8_lossy(&value.value);
            return Lang::parse(&tag).map(|lang| Declared {
                lang,
                origin: Origin::HtmlLang,
                decimal: Decimal::of_tag(&tag),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_names_the_language() {
        let yaml = "---\ntitle: Cárceles\nlang: es-SV\n---\nTexto.\n";
        assert_eq!(
            of_draft(Format::Markdown, yaml),
            Some(Declared {
                lang: Lang::Es,
                origin: Origin::FrontMatter("lang"),
                decimal: Some(Decimal::Point),
            })
        );
        let toml = "+++\nlanguage = \"en\"\n+++\nText.\n";
        assert_eq!(
            of_draft(Format::Markdown, toml).map(|d| d.lang),
            Some(Lang::En)
        );
    }

    #[test]
    fn unclosed_nested_or_unknown_front_matter_says_nothing() {
        assert_eq!(of_draft(Format::Markdown, "---\nlang: es\nText.\n"), None);
        assert_eq!(
            of_draft(Format::Markdown, "---\nmeta:\n  lang: es\n---\n"),
            None
        );
        assert_eq!(of_draft(Format::Markdown, "---\nlang: fr\n---\n"), None);
        assert_eq!(of_draft(Format::Text, "lang: es\n"), None);
    }

    #[test]
    fn the_html_element_names_the_language() {
        let html = "<!doctype html><html lang=\"es\"><body><p>Texto.</p></body></html>";
        assert_eq!(
            of_draft(Format::Html, html),
            Some(Declared {
                lang: Lang::Es,
                origin: Origin::HtmlLang,
                decimal: None,
            })
        );
        assert_eq!(
            of_draft(Format::Html, "<html><p lang=\"es\">Texto.</p></html>"),
            None
        );
        assert_eq!(
            of_draft(Format::Html, "<p>Text.</p><html lang=\"es\">"),
            None
        );
    }
}
