//! What figcheck says about a draft, in the draft's language.
//!
//! Every finding's message, help, labels and fix title is written from a
//! message of a per-language [Fluent](https://projectfluent.org) file
//! (`en.ftl`, `es.ftl` beside this module), with the values written as that
//! language writes numbers and dates ([`crate::value::format_value_in`],
//! [`crate::date::Date::describe_in`]). A message missing from one
//! language's file falls back to English; the tests below keep the files in
//! step with each other and with the code.
//!
//! Messages about the rules file and the command line stay in English: they
//! speak to the desk that keeps the rules, not about a draft.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::date::Date;
use crate::lang::{Decimal, DraftLang, Lang};
use crate::value::{format_value_in, Unit};

/// How a draft writes: its language, and the decimal mark its numbers use
/// (Spanish is written both ways). Every message about the draft is written
/// so, its values included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    pub decimal: Decimal,
}

impl Locale {
    /// English, as listings and the rules' own messages are written.
    pub const ENGLISH: Locale = Locale {
        lang: Lang::En,
        decimal: Decimal::Point,
    };

    /// How the draft read as `draft` writes.
    pub fn of(draft: &DraftLang) -> Locale {
        Locale {
            lang: draft.lang,
            decimal: draft.decimal,
        }
    }

    /// A value as this draft would write it: `85,000`, `85.000`, `1,6 %`.
    pub fn value(self, value: f64, unit: Unit) -> String {
        format_value_in(value, unit, self.lang, self.decimal)
    }

    /// Digits written with English marks (`1.35`, `6,300,000`) as this
    /// draft marks them: exchanged where Spanish decimals take a comma
    /// (`1,35`, `6.300.000`).
    pub fn marks(self, text: String) -> String {
        match (self.lang, self.decimal) {
            (Lang::Es, Decimal::Comma) => crate::value::swap_marks(&text),
            _ => text,
        }
    }

    /// A date as this draft would write it: `March 2025`, `marzo de 2025`.
    pub fn date(self, date: Date) -> String {
        date.describe_in(self.lang)
    }
}

impl From<Locale> for Lang {
    fn from(locale: Locale) -> Lang {
        locale.lang
    }
}

/// The messages of each language, as the files are written.
const SOURCES: [&str; 2] = [include_str!("en.ftl"), include_str!("es.ftl")];

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|lang| {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language tag");
            let resource = FluentResource::try_new(SOURCES[lang.index()].to_string())
                .expect("the message file parses (tested)");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Values go into terminals, logs and patches as they are: no
            // invisible isolation marks around them.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .expect("no message is defined twice (tested)");
            bundle
        })
        .collect()
});

/// The message `id` in `lang`, its variables set from `args`; the English
/// message where `lang` has none, and the id itself where neither has
/// (a test keeps that from happening).
pub fn text(lang: impl Into<Lang>, id: &str, args: &[(&str, &str)]) -> String {
    let lang = lang.into();
    let bundle = [lang, Lang::En]
        .into_iter()
        .map(|l| &BUNDLES[l.index()])
        .find(|b| b.has_message(id));
    let Some(bundle) = bundle else {
        debug_assert!(false, "no message {id}");
        return id.to_string();
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut values = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        values.set(*name, FluentValue::from(*value));
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&values), &mut errors)
        .into_owned()
}

/// `a`, `a and b`, `a, b and c`, joined as `lang` joins a list.
pub fn and_list(lang: impl Into<Lang>, items: &[&str]) -> String {
    joined(lang.into(), items, "list-and")
}

/// `a`, `a or b`, `a, b or c`, joined as `lang` joins a choice.
pub fn or_list(lang: impl Into<Lang>, items: &[&str]) -> String {
    joined(lang.into(), items, "list-or")
}

/// `items` joined by commas, and the last by the message `last`.
fn joined(lang: Lang, items: &[&str], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., end] => text(lang, last, &[("init", &init.join(", ")), ("last", end)]),
    }
}

/// [`text`], with the variables written `name = value` (any `Display` value).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::locale::text(
            $lang,
            $id,
            &[$((stringify!($name), &*$value.to_string())),*],
        )
    };
}

#[cfg(test)]
mod tests;
