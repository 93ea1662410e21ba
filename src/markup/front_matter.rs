//! Front matter: the YAML (`---`) or TOML (`+++`) block at the very start of a
//! Markdown or text draft, closed by its fence (`---` or `...`, `+++`). Its
//! top-level keys give the draft's date and language; the values of its
//! headline keys (`title`, `description` …) are prose, checked like the
//! body: a headline is where a figure is seen most.

use std::ops::Range;

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

/// One top-level `key: value` (`key = value` in TOML) line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    pub key: &'a str,
    /// Everything after the separator, as written.
    pub value: &'a str,
    /// Where the value's text stands in the draft, without the white space
    /// and the quotes around it.
    pub text: Range<usize>,
}

/// The front matter at the start of `source`: the block's byte range (fences
/// included) and its top-level fields. `None` when the draft opens with no
/// fence, or the block is never closed.
pub fn parse(source: &str) -> Option<(Range<usize>, Vec<Field<'_>>)> {
    let first_end = source.find('\n').unwrap_or(source.len());
    let (separator, closing): (char, &[&str]) = match source[..first_end].trim_end() {
        "---" => (':', &["---", "..."]),
        "+++" => ('=', &["+++"]),
        _ => return None,
    };
    let mut fields = Vec::new();
    let mut at = (first_end + 1).min(source.len());
    while at < source.len() {
        let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
        let line = &source[at..end];
        if closing.contains(&line.trim_end()) {
            return Some((0..end, fields));
        }
        // Top-level keys only: an indented key belongs to a nested table.
        if !line.starts_with(char::is_whitespace) {
            if let Some((key, value)) = line.split_once(separator) {
                let value_start = at + key.len() + separator.len_utf8();
                fields.push(Field {
                    key: key.trim_end(),
                    value,
                    text: unquoted(source, value_start..end),
                });
            }
        }
        at = end + 1;
    }
    None
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
    fn only_a_closed_block_at_the_very_start_is_front_matter() {
        assert!(prose_values("---\ntitle: never closed\n").is_none());
        assert!(prose_values("Body first.\n---\ntitle: late\n---\n").is_none());
        let (block, _) = prose_values("---\ntitle: x\n...\nBody.").unwrap();
        assert_eq!(block, 0..16);
    }

    #[test]
    fn fields_keep_their_values_as_written() {
        let (_, fields) = parse("---\nlang: es\nupdated: 2025-04-01\n---\n").unwrap();
        let pairs: Vec<(&str, &str)> = fields.iter().map(|f| (f.key, f.value)).collect();
        assert_eq!(pairs, [("lang", " es"), ("updated", " 2025-04-01")]);
    }
}
