//! The shape of a rules file, checked before its meaning: every unknown key,
//! missing key and value of the wrong type in the whole file, in one pass, and
//! in a desk's words ("`subjects` must be a list of phrases in square
//! brackets, like ["died in custody"]"), each with the section of
//! docs/rules.md that documents it. Validation (schema.rs) then reads the
//! tables that have the right shape, so one run reports every error.

use std::ops::Range;

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml_edit::{ImDocument, Item, TableLike, Value};

use super::schema::{RawTolerance, RawValue};
use super::{did_you_mean, Expect, Quotes, RulesDiagnostic, Severity, Unit};

/// What a key's value must be.
enum Shape {
    /// A value, checked by deserialising it into the type the schema reads.
    Value(fn(Value) -> Result<(), toml_edit::de::Error>),
    /// A table with these keys (`[settings]`).
    Table(&'static [Key]),
    /// A list of tables with these keys (`[[figure]]`, `[[figure.example]]`).
    Tables(&'static [Key]),
}

struct Key {
    name: &'static str,
    required: bool,
    /// What the value must be, in plain words, completing "`key` must be …".
    words: &'static str,
    shape: Shape,
}

/// The section of docs/rules.md that documents a table's keys.
struct Section {
    title: &'static str,
    keys: &'static [Key],
}

fn check<T: DeserializeOwned>(value: Value) -> Result<(), toml_edit::de::Error> {
    T::deserialize(value.into_deserializer()).map(drop)
}

const fn key(name: &'static str, required: bool, words: &'static str, shape: Shape) -> Key {
    Key {
        name,
        required,
        words,
        shape,
    }
}

const WHOLE_WORDS: &str = "a whole number of words, like 8";
const SLACK: &str = "a fraction from 0 to 1, like 0.2";
const DATE: &str = "a date in quotes, like \"2025-03\" or \"2025-03-27\"";
const TEXT: &str = "text in quotes";
const SEVERITY: &str = "\"error\", \"warning\" or \"advice\"";

const SETTINGS: &[Key] = &[
    key("window", false, WHOLE_WORDS, Shape::Value(check::<usize>)),
    key(
        "lang",
        false,
        "a language in quotes, like \"en\" or \"es\", or \"auto\"",
        Shape::Value(check::<String>),
    ),
    key(
        "gap",
        false,
        "a whole number of words, like 2",
        Shape::Value(check::<usize>),
    ),
    key("qualifier_slack", false, SLACK, Shape::Value(check::<f64>)),
    key(
        "quotes",
        false,
        "\"check\", \"warn\" or \"skip\"",
        Shape::Value(check::<Quotes>),
    ),
    key(
        "report_tier",
        false,
        "\"firm\", \"likely\" or \"weak\"",
        Shape::Value(check::<crate::confidence::Tier>),
    ),
    key(
        "arithmetic",
        false,
        SEVERITY,
        Shape::Value(check::<Severity>),
    ),
    key(
        "max_draft_size_mib",
        false,
        "a whole number of mebibytes, like 256",
        Shape::Value(check::<u64>),
    ),
    key(
        "include",
        false,
        "a list of patterns in square brackets, like [\"drafts/**/*.md\"]",
        Shape::Value(check::<Vec<String>>),
    ),
    key(
        "exclude",
        false,
        "a list of patterns in square brackets, like [\"drafts/archive/**\"]",
        Shape::Value(check::<Vec<String>>),
    ),
    key(
        "extend",
        false,
        "a list of rules files in square brackets, like [\"stories/*.toml\"]",
        Shape::Value(check::<Vec<String>>),
    ),
];

const SOURCE: &[Key] = &[
    key(
        "id",
        true,
        "an id in quotes, like \"cristosal\"",
        Shape::Value(check::<String>),
    ),
    key(
        "name",
        true,
        "a name in quotes, like \"Cristosal\"",
        Shape::Value(check::<String>),
    ),
    key(
        "aliases",
        false,
        "a list of names in square brackets, like [\"the rights group\"]",
        Shape::Value(check::<Vec<String>>),
    ),
    key("url", false, TEXT, Shape::Value(check::<String>)),
];

const EXAMPLE: &[Key] = &[
    key(
        "text",
        true,
        "a sentence in quotes",
        Shape::Value(check::<String>),
    ),
    key(
        "expect",
        true,
        "the finding the sentence must give, in quotes, like \"mismatch\" or \"ok\"",
        Shape::Value(check::<Expect>),
    ),
    key("as_of", false, DATE, Shape::Value(check::<String>)),
    key(
        "lang",
        false,
        "a language in quotes, like \"es\"",
        Shape::Value(check::<String>),
    ),
];

const FIGURE: &[Key] = &[
    key("id", true, "an id in quotes, like \"deaths-in-custody\"", Shape::Value(check::<String>)),
    key("name", true, "a name in quotes, like \"Deaths in custody\"", Shape::Value(check::<String>)),
    key("subjects", true, "a list of phrases in square brackets, like [\"died in custody\"]", Shape::Value(check::<Vec<String>>)),
    key("subjects_en", false, "a list of English phrases in square brackets, like [\"died in custody\"]", Shape::Value(check::<Vec<String>>)),
    key("subjects_es", false, "a list of Spanish phrases in square brackets, like [\"muertes bajo custodia\"]", Shape::Value(check::<Vec<String>>)),
    key("unit", false, "\"count\", \"percent\", \"rate\" or \"money\"", Shape::Value(check::<Unit>)),
    key("canonical", false, "a number, like 367, or a table, like { value = 367, as_of = \"2025-03\" } or { min = 85000 }", Shape::Value(check::<RawValue>)),
    key("formula", false, "a formula in quotes, like \"arrests / population * 100\"", Shape::Value(check::<String>)),
    key("source", false, "a [[source]] id or a name, in quotes, like \"cristosal\"", Shape::Value(check::<String>)),
    key("as_of", false, DATE, Shape::Value(check::<String>)),
    key("since", false, DATE, Shape::Value(check::<String>)),
    key("exclude", false, "a list of phrases in square brackets, like [\"extreme poverty\"]", Shape::Value(check::<Vec<String>>)),
    key("share_of", false, "a list of figure ids in square brackets, like [\"population\"]", Shape::Value(check::<Vec<String>>)),
    key("url", false, TEXT, Shape::Value(check::<String>)),
    key("note", false, TEXT, Shape::Value(check::<String>)),
    key("allowed", false, "a list of values in square brackets, like [350, { value = 261, stale = true }]", Shape::Value(check::<Vec<RawValue>>)),
    key("tolerance", false, "a percentage in quotes, like \"5%\", or a number, like 2", Shape::Value(check::<RawTolerance>)),
    key("severity", false, SEVERITY, Shape::Value(check::<Severity>)),
    key("window", false, WHOLE_WORDS, Shape::Value(check::<usize>)),
    key("gap", false, "a whole number of words, like 2", Shape::Value(check::<usize>)),
    key("qualifier_slack", false, SLACK, Shape::Value(check::<f64>)),
    key("example", false, "a list of examples, each a [[figure.example]] table with `text` and `expect`", Shape::Tables(EXAMPLE)),
];

const TOP: &[Key] = &[
    key(
        "settings",
        false,
        "a table, [settings]",
        Shape::Table(SETTINGS),
    ),
    key(
        "figure",
        false,
        "a list of [[figure]] tables",
        Shape::Tables(FIGURE),
    ),
    key(
        "source",
        false,
        "a list of [[source]] tables",
        Shape::Tables(SOURCE),
    ),
];

/// The docs/rules.md section that documents a table of these keys.
const SECTIONS: &[Section] = &[
    Section {
        title: "[settings]",
        keys: SETTINGS,
    },
    Section {
        title: "[[source]]",
        keys: SOURCE,
    },
    Section {
        title: "[[figure.example]]",
        keys: EXAMPLE,
    },
    Section {
        title: "[[figure]]",
        keys: FIGURE,
    },
    Section {
        title: "A complete file",
        keys: TOP,
    },
];

fn section(keys: &'static [Key]) -> &'static str {
    SECTIONS
        .iter()
        .find(|s| std::ptr::eq(s.keys, keys))
        .map_or("A complete file", |s| s.title)
}

/// Every problem with the shape of a parsed rules file, in file order.
pub(super) fn problems(
    document: &ImDocument<&str>,
    new: &dyn Fn(&'static str, String) -> RulesDiagnostic,
) -> Vec<RulesDiagnostic> {
    let mut reader = Reader {
        new,
        problems: Vec::new(),
    };
    reader.table(document.as_table(), 0..0, "the rules file", TOP);
    reader.problems
}

struct Reader<'a> {
    new: &'a dyn Fn(&'static str, String) -> RulesDiagnostic,
    problems: Vec<RulesDiagnostic>,
}

impl Reader<'_> {
    fn table(
        &mut self,
        table: &dyn TableLike,
        span: Range<usize>,
        what: &str,
        keys: &'static [Key],
    ) {
        let docs = format!("see docs/rules.md, \"{}\"", section(keys));
        for (name, item) in table.iter() {
            let key_span = table
                .key(name)
                .and_then(|k| k.span())
                .or_else(|| item.span())
                .unwrap_or(span.clone());
            match keys.iter().find(|k| k.name == name) {
                Some(key) => self.value(key, item, keys),
                None => {
                    let names: Vec<&str> = keys.iter().map(|k| k.name).collect();
                    let help = match did_you_mean(name, &names) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!("{what} takes: {}; {docs}", names.join(", ")),
                    };
                    self.problems.push(
                        (self.new)(
                            "figcheck::rules::unknown-key",
                            format!("unknown key `{name}` in {what}"),
                        )
                        .label(key_span, "unknown key")
                        .help(help),
                    );
                }
            }
        }
        for key in keys.iter().filter(|k| k.required) {
            if table.get(key.name).is_none() {
                self.problems.push(
                    (self.new)(
                        "figcheck::rules::missing-key",
                        format!("missing required key `{}`", key.name),
                    )
                    .label(span.clone(), format!("{what} has no `{}`", key.name))
                    .help(format!("add `{}`: {}; {docs}", key.name, key.words)),
                );
            }
        }
    }

    fn value(&mut self, key: &Key, item: &Item, parent: &'static [Key]) {
        let span = item.span().unwrap_or(0..0);
        match &key.shape {
            Shape::Value(check) => {
                let Ok(value) = item.clone().into_value() else {
                    return self.wrong_type(key, parent, span, "a table");
                };
                let found = value_in_words(&value);
                let hint = quick_fix(key, &value);
                if let Err(e) = check(value) {
                    let before = self.problems.len();
                    self.serde_error(key, parent, &e, span, found);
                    if let (Some(hint), Some(problem)) = (hint, self.problems.get_mut(before)) {
                        if problem.code == "figcheck::rules::wrong-type" {
                            problem.help = Some(hint);
                        }
                    }
                }
            }
            Shape::Table(keys) => match item.as_table_like() {
                Some(table) => self.table(table, span, &format!("[{}]", key.name), keys),
                None => self.wrong_type(key, parent, span, found_in_words(item)),
            },
            Shape::Tables(keys) => {
                let what = if std::ptr::eq(*keys, EXAMPLE) {
                    "this [[figure.example]]"
                } else {
                    match key.name {
                        "figure" => "this [[figure]]",
                        _ => "this [[source]]",
                    }
                };
                match item {
                    Item::ArrayOfTables(tables) => {
                        for table in tables.iter() {
                            let header = table.span().unwrap_or(span.clone());
                            self.table(table, header, what, keys);
                        }
                    }
                    Item::Value(Value::Array(array)) => {
                        for element in array.iter() {
                            let element_span = element.span().unwrap_or(span.clone());
                            match element.as_inline_table() {
                                Some(table) => self.table(table, element_span, what, keys),
                                None => self.wrong_type(
                                    key,
                                    parent,
                                    element_span,
                                    value_in_words(element),
                                ),
                            }
                        }
                    }
                    _ => self.wrong_type(key, parent, span, found_in_words(item)),
                }
            }
        }
    }

    fn wrong_type(&mut self, key: &Key, parent: &'static [Key], span: Range<usize>, found: &str) {
        self.problems.push(
            (self.new)(
                "figcheck::rules::wrong-type",
                format!("`{}` must be {}", key.name, key.words),
            )
            .label(span, format!("this is {found}"))
            .help(format!("see docs/rules.md, \"{}\"", section(parent))),
        );
    }

    /// A value that serde could not read as its key's type: an unknown key or
    /// choice inside it, or a value of the wrong type.
    /// `found` names the whole value, for an error about the whole of it.
    fn serde_error(
        &mut self,
        key: &Key,
        parent: &'static [Key],
        e: &toml_edit::de::Error,
        whole: Range<usize>,
        found: &'static str,
    ) {
        let span = e.span().unwrap_or(whole.clone());
        let message = e.message().trim();
        if let Some(problem) = super::schema::unknown_or_missing(message, span.clone(), self.new) {
            return self.problems.push(problem);
        }
        if let Some(caps) = super::schema::INVALID_TYPE.captures(message) {
            let found = if span == whole {
                found
            } else {
                serde_found_in_words(&caps[1])
            };
            return self.wrong_type(key, parent, span, found);
        }
        // "invalid value: integer `-1`, expected usize" and the like: the
        // right type, but a value the key cannot take.
        self.problems.push(
            (self.new)(
                "figcheck::rules::invalid-value",
                format!("`{}` must be {}", key.name, key.words),
            )
            .label(span, "not a value this key can take")
            .help(format!("see docs/rules.md, \"{}\"", section(parent))),
        );
    }
}

/// The fix for the two commonest slips in a value's type: a number in quotes
/// ("367", "85,000") and a single phrase where a list belongs.
fn quick_fix(key: &Key, value: &Value) -> Option<String> {
    if let Value::Datetime(date) = value {
        return Some(format!(
            "put the date in quotes: {} = \"{}\"",
            key.name,
            date.value()
        ));
    }
    let text = value.as_str()?;
    let number = text.trim().replace(',', "");
    if key.words.contains("number") && number.parse::<f64>().is_ok_and(f64::is_finite) {
        return Some(format!(
            "write the number without quotes or commas: {} = {number}",
            key.name
        ));
    }
    if key.words.starts_with("a list") {
        return Some(format!(
            "put it in square brackets, as a list of one: {} = [{}]",
            key.name,
            value.to_string().trim()
        ));
    }
    None
}

fn found_in_words(item: &Item) -> &'static str {
    match item {
        Item::None => "nothing",
        Item::Value(value) => value_in_words(value),
        Item::Table(_) => "a table",
        Item::ArrayOfTables(_) => "a list of tables",
    }
}

fn value_in_words(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "text in quotes",
        Value::Integer(_) => "a whole number",
        Value::Float(_) => "a decimal number",
        Value::Boolean(_) => "true or false",
        Value::Datetime(_) => "a date without quotes",
        Value::Array(_) => "a list",
        Value::InlineTable(_) => "a table",
    }
}

/// serde's name for what it found ("string \"367\"", "integer `5`",
/// "sequence"), in the words of `value_in_words`.
fn serde_found_in_words(found: &str) -> &'static str {
    let kind = found.split([' ', '`']).next().unwrap_or("");
    match kind {
        "string" | "char" => "text in quotes",
        "integer" => "a whole number",
        "floating" => "a decimal number",
        "boolean" => "true or false",
        "sequence" => "a list",
        "map" => "a table",
        _ => "something else",
    }
}
