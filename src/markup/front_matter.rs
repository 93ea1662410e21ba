//! Front matter: the YAML (`---`) or TOML (`+++`) block at the very start of a
//! Markdown or text draft, closed by its fence (`---` or `...`, `+++`). Its
//! top-level keys give the draft's date and language; the values of its
//! headline keys (`title`, `description` …) are prose, checked like the
//! body: a headline is where a figure is seen most.
//!
//! A YAML block is read by a YAML parser (yaml-rust2), so a headline in any
//! scalar style is found: plain, quoted, or a block (`title: >-` and its
//! indented lines); a TOML block by a TOML parser (toml_edit). A block
//! either parser refuses is read line by line, `key: value`, as a site
//! generator's lenient mode would, so a title with a stray colon is still
//! checked.

use std::borrow::Cow;
use std::ops::Range;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Keys whose value is a line of prose that readers see.
pub const PROSE_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "headline",
    "description",
    "summary",
    "excerpt",
    "dek",
    "deck",
    "standfirst",
];

/// One top-level key and its value, when the value is a scalar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    pub key: Cow<'a, str>,
    /// The value as the parser reads it (a block's lines folded or kept,
    /// quotes and escapes resolved).
    pub value: Cow<'a, str>,
    /// Where the value's text stands in the draft, without the white space,
    /// the quotes and a block's indicator line around it.
    pub text: Range<usize>,
}

/// A check asks for a draft's front matter several times (its prose, its
/// language, its date, a note on an ambiguous date), and a YAML parser is
/// not cheap: the last block parsed on this thread is kept, and the same
/// block is not parsed again.
struct Remembered {
    block: String,
    fields: Vec<(String, String, Range<usize>)>,
}

/// The largest block kept; a larger one is parsed each time it is asked for.
const REMEMBERED: usize = 64 * 1024;

thread_local! {
    static LAST: std::cell::RefCell<Option<Remembered>> = const { std::cell::RefCell::new(None) };
}

#[cfg(test)]
thread_local! {
    /// Blocks parsed on this thread, for a test that counts work.
    static PARSED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl Remembered {
    fn of(block: &str, fields: &[Field]) -> Remembered {
        Remembered {
            block: block.to_string(),
            fields: fields
                .iter()
                .map(|f| (f.key.to_string(), f.value.to_string(), f.text.clone()))
                .collect(),
        }
    }

    /// The fields, when `block` is the one kept.
    fn fields_of(&self, block: &str) -> Option<Vec<Field<'static>>> {
        (self.block == block).then(|| {
            self.fields
                .iter()
                .map(|(key, value, text)| Field {
                    key: Cow::Owned(key.clone()),
                    value: Cow::Owned(value.clone()),
                    text: text.clone(),
                })
                .collect()
        })
    }
}

/// The front matter at the start of `source`: the block's byte range (fences
/// included) and its top-level fields. `None` when the draft opens with no
/// fence, or the block is never closed.
pub fn parse(source: &str) -> Option<(Range<usize>, Vec<Field<'_>>)> {
    let first_end = source.find('\n').unwrap_or(source.len());
    let (yaml, closing): (bool, &[&str]) = match source[..first_end].trim_end() {
        "---" => (true, &["---", "..."]),
        "+++" => (false, &["+++"]),
        _ => return None,
    };
    let inner_start = (first_end + 1).min(source.len());
    let mut at = inner_start;
    while at < source.len() {
        let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
        if closing.contains(&source[at..end].trim_end()) {
            let inner = inner_start..at;
            let block = &source[..end];
            if let Some(fields) =
                LAST.with_borrow(|last| last.as_ref().and_then(|l| l.fields_of(block)))
            {
                return Some((0..end, fields));
            }
            #[cfg(test)]
            PARSED.set(PARSED.get() + 1);
            let fields = if yaml {
                yaml_fields(source, inner.clone())
            } else {
                toml_fields(source, inner.clone())
            };
            let fields =
                fields.unwrap_or_else(|| line_fields(source, inner, if yaml { ':' } else { '=' }));
            if block.len() <= REMEMBERED {
                LAST.set(Some(Remembered::of(block, &fields)));
            }
            return Some((0..end, fields));
        }
        at = end + 1;
    }
    None
}

/// The events of a YAML text, each with where it starts.
#[derive(Default)]
struct Events(Vec<(Event, Marker)>);

impl MarkedEventReceiver for Events {
    fn on_event(&mut self, event: Event, mark: Marker) {
        self.0.push((event, mark));
    }
}

/// The top-level scalar fields of the YAML block `inner` of `source`;
/// `None` when it is not YAML, or not a mapping.
fn yaml_fields(source: &str, inner: Range<usize>) -> Option<Vec<Field<'_>>> {
    let text = &source[inner.clone()];
    let mut events = Events::default();
    Parser::new_from_str(text).load(&mut events, false).ok()?;
    // The parser counts characters; the draft's offsets are bytes. Events
    // come in order, so one walk through the text converts them all.
    let mut chars = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let mut walked = 0;
    let mut byte = 0;
    let events: Vec<(Event, usize)> = events
        .0
        .into_iter()
        .map(|(event, mark)| {
            if mark.index() >= walked {
                byte = chars.nth(mark.index() - walked).unwrap_or(text.len());
                walked = mark.index() + 1;
            }
            (event, byte)
        })
        .collect();
    let opening = events
        .iter()
        .position(|(e, _)| matches!(e, Event::MappingStart(..)))?;
    let mut fields = Vec::new();
    let mut depth = 0usize;
    let mut key: Option<String> = None;
    for (i, (event, at)) in events.iter().enumerate().skip(opening) {
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                depth += 1;
                // A key whose value is a table or a list: no field.
                if depth == 2 {
                    key = None;
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            Event::Scalar(value, style, ..) if depth == 1 => match key.take() {
                None => key = Some(value.clone()),
                Some(name) => {
                    let next = events.get(i + 1).map_or(text.len(), |(_, at)| *at);
                    let range = value_range(text, *at, next, value, *style);
                    fields.push(Field {
                        key: Cow::Owned(name),
                        value: Cow::Owned(value.clone()),
                        text: inner.start + range.start..inner.start + range.end,
                    });
                }
            },
            _ => {}
        }
    }
    Some(fields)
}

/// Where a scalar's text stands in `text`: it starts at `start` and ends
/// before `next` (the next event's start).
fn value_range(
    text: &str,
    start: usize,
    next: usize,
    value: &str,
    style: TScalarStyle,
) -> Range<usize> {
    let start = start.min(text.len());
    let next = next.clamp(start, text.len());
    let end = start + text[start..next].trim_end().len();
    match style {
        // A plain scalar on one line is its text exactly (a comment after it
        // is not part of it).
        TScalarStyle::Plain if text[start..].starts_with(value) => start..start + value.len(),
        TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted if end >= start + 2 => {
            start + 1..end - 1
        }
        // A block's text starts on the line after its indicator.
        TScalarStyle::Literal | TScalarStyle::Folded if text[start..].starts_with(['|', '>']) => {
            let body = text[start..end].find('\n').map_or(end, |i| start + i + 1);
            let body = body + (text[body..end].len() - text[body..end].trim_start().len());
            body..end
        }
        _ => start..end,
    }
}

/// The top-level fields of the TOML block `inner` of `source`; `None` when
/// it is not TOML.
fn toml_fields(source: &str, inner: Range<usize>) -> Option<Vec<Field<'_>>> {
    let document = toml_edit::ImDocument::parse(&source[inner.clone()]).ok()?;
    let mut fields = Vec::new();
    for (key, item) in document.as_table().iter() {
        let Some(value) = item.as_value() else {
            continue;
        };
        let Some(span) = value.span() else { continue };
        let (start, end) = (inner.start + span.start, inner.start + span.end);
        let written = &source[start..end];
        let (text, read) = match value.as_str() {
            Some(read) => {
                let quotes = if written.starts_with("\"\"\"") || written.starts_with("'''") {
                    3
                } else {
                    1
                };
                let from = (start + quotes).min(end);
                (from..end.saturating_sub(quotes).max(from), read.to_string())
            }
            None => (start..end, written.trim().to_string()),
        };
        fields.push(Field {
            key: Cow::Owned(key.to_string()),
            value: Cow::Owned(read),
            text,
        });
    }
    Some(fields)
}

/// Top-level `key: value` (`key = value`) lines of the block `inner`: the
/// reading of a block that its parser refuses.
fn line_fields(source: &str, inner: Range<usize>, separator: char) -> Vec<Field<'_>> {
    let mut fields = Vec::new();
    let mut at = inner.start;
    while at < inner.end {
        let end = source[at..inner.end]
            .find('\n')
            .map_or(inner.end, |i| at + i);
        let line = &source[at..end];
        // Top-level keys only: an indented key belongs to a nested table.
        if !line.starts_with(char::is_whitespace) {
            if let Some((key, _)) = line.split_once(separator) {
                let value_start = at + key.len() + separator.len_utf8();
                let text = unquoted(source, value_start..end);
                fields.push(Field {
                    key: Cow::Borrowed(key.trim_end()),
                    value: Cow::Borrowed(&source[text.clone()]),
                    text,
                });
            }
        }
        at = end + 1;
    }
    fields
}

/// `range` of `source` without the white space and the matching quotes
/// around it.
fn unquoted(source: &str, range: Range<usize>) -> Range<usize> {
    let value = &source[range.clone()];
    let start = range.start + (value.len() - value.trim_start().len());
    let end = range.start + value.trim_end().len();
    let inner = &source[start..end.max(start)];
    for quote in ['"', '\''] {
        if inner.len() >= 2 && inner.starts_with(quote) && inner.ends_with(quote) {
            return start + 1..end - 1;
        }
    }
    start..end.max(start)
}

/// The ranges of the front matter's headline values, in order, and the
/// front matter block's range; `None` when there is no front matter.
pub fn prose_values(source: &str) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    let (block, fields) = parse(source)?;
    let prose = fields
        .into_iter()
        .filter(|f| PROSE_KEYS.contains(&f.key.to_ascii_lowercase().as_str()))
        .map(|f| f.text)
        .filter(|r| !r.is_empty())
        .collect();
    Some((block, prose))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(source: &str) -> Vec<&str> {
        let (_, ranges) = prose_values(source).expect("front matter");
        ranges.into_iter().map(|r| &source[r]).collect()
    }

    #[test]
    fn a_block_asked_for_again_is_not_parsed_again() {
        let draft = "---\ntitle: 376 deaths\ndate: 2025-04-01\n---\nBody.\n";
        let other = "---\ntitle: 367 deaths\ndate: 2025-04-01\n---\nBody.\n";
        let before = PARSED.get();
        let first = parse(draft);
        assert_eq!(parse(draft), first);
        assert_eq!(PARSED.get(), before + 1);
        // Another block is parsed, and gives its own fields.
        let (_, fields) = parse(other).unwrap();
        assert_eq!(PARSED.get(), before + 2);
        assert_eq!(fields[0].value, "367 deaths");
        assert_eq!(parse(draft), first);
        assert_eq!(PARSED.get(), before + 3);
    }

    #[test]
    fn headline_values_are_prose_and_other_keys_are_not() {
        let source = "---\ntitle: \"376 deaths in custody\"\ndeaths: 376\ndate: 2025-04-01\n\
                      description: The count keeps rising\n  title: nested\n---\nBody.\n";
        assert_eq!(
            values(source),
            ["376 deaths in custody", "The count keeps rising"]
        );
        let toml = "+++\ntitle = 'Arrests pass 85,000'\ndraft = true\n+++\nBody.\n";
        assert_eq!(values(toml), ["Arrests pass 85,000"]);
    }

    #[test]
    fn headlines_are_found_in_every_yaml_scalar_style() {
        let source = "---\n\
            title: >-\n  Three years on,\n  376 people have died in custody\n\
            subtitle: |\n  Arrests: 85,000\n  and counting\n\
            dek: 'Arrests: it''s 85,000'\n\
            summary: \"Más de 85.000\n  detenidos\"\n\
            description: plain 1.6% # not the headline\n\
            tags: [a, b]\n\
            author:\n  name: title\n  title: nested, never prose\n\
            ---\nBody.\n";
        assert_eq!(
            values(source),
            [
                "Three years on,\n  376 people have died in custody",
                "Arrests: 85,000\n  and counting",
                "Arrests: it''s 85,000",
                "Más de 85.000\n  detenidos",
                "plain 1.6%",
            ]
        );
        // The parser's values, as a reader sees them: folded, unescaped.
        let (_, fields) = parse(source).unwrap();
        assert_eq!(
            fields[0].value,
            "Three years on, 376 people have died in custody"
        );
        assert_eq!(fields[2].value, "Arrests: it's 85,000");
        assert!(!fields
            .iter()
            .any(|f| f.key == "name" || f.value.contains("nested")));
    }

    #[test]
    fn toml_headlines_in_every_string_style() {
        let source = "+++\ntitle = \"\"\"\n376 died\"\"\"\nsubtitle = 'Arrests: 85,000'\n\
                      date = 2025-04-01\n[extra]\ntitle = 'nested'\n+++\nBody.\n";
        assert_eq!(values(source), ["\n376 died", "Arrests: 85,000"]);
        let (_, fields) = parse(source).unwrap();
        let date = fields.iter().find(|f| f.key == "date").unwrap();
        assert_eq!(date.value, "2025-04-01");
    }

    #[test]
    fn a_block_its_parser_refuses_is_read_line_by_line() {
        // `: ` inside a plain scalar is not YAML; the title is still checked.
        let source = "---\ntitle: Arrests: 85,000 and counting\ndate: 2025-04-01\n---\nBody.\n";
        assert_eq!(values(source), ["Arrests: 85,000 and counting"]);
        let toml = "+++\ntitle = 'unclosed\n+++\n";
        assert_eq!(values(toml), ["'unclosed"]);
    }

    #[test]
    fn a_value_after_letters_beyond_ascii_is_placed_in_bytes() {
        let source = "---\nautor: José Núñez\ntítulo_extra: sí\ntitle: 376 muertes\n---\n";
        assert_eq!(values(source), ["376 muertes"]);
    }

    #[test]
    fn only_a_closed_block_at_the_very_start_is_front_matter() {
        assert!(prose_values("---\ntitle: never closed\n").is_none());
        assert!(prose_values("Body first.\n---\ntitle: late\n---\n").is_none());
        let (block, _) = prose_values("---\ntitle: x\n...\nBody.").unwrap();
        assert_eq!(block, 0..16);
    }

    #[test]
    fn fields_keep_their_values_as_written() {
        let (_, fields) = parse("---\nlang: es\nupdated: 2025-04-01\n---\n").unwrap();
        let pairs: Vec<(&str, &str)> = fields.iter().map(|f| (&*f.key, &*f.value)).collect();
        assert_eq!(pairs, [("lang", "es"), ("updated", "2025-04-01")]);
    }
}
