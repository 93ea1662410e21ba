//! Markdown drafts through pulldown-cmark: paragraphs, headings, list items,
//! block quotes and table cells are prose; code (fenced, indented, inline),
//! HTML, link and image destinations, autolinks, footnote labels and front
//! matter (YAML `---` or TOML `+++`) are not, but for the values of its
//! headline keys (`title`, `description` …).

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{blank_outside, trim_cell, Cell, Prose};

pub fn prose(source: &str) -> Prose<'_> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut keep: Vec<Range<usize>> = Vec::new();
    let mut breaks: Vec<usize> = Vec::new();
    // Depth of containers whose text is not prose: code blocks, metadata,
    // images, autolinks.
    let mut hidden = 0usize;
    let mut block_quotes: Vec<Range<usize>> = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    // The table being read: its number, the row and the column of the next
    // cell, and whether that row is the header.
    let mut tables = 0usize;
    let (mut row, mut column, mut in_head) = (0usize, 0usize, false);
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match &event {
            Event::Start(Tag::Table(_)) => {
                row = 0;
                column = 0;
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                column = 0;
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                row += 1;
            }
            Event::Start(Tag::TableRow) => column = 0,
            Event::End(TagEnd::TableRow) => row += 1,
            Event::End(TagEnd::TableCell) => {
                cells.push(Cell {
                    range: trim_cell(source, range.clone()),
                    table: tables,
                    row,
                    column,
                    header: in_head,
                });
                column += 1;
            }
            Event::End(TagEnd::Table) => tables += 1,
            _ => {}
        }
        match event {
            Event::Start(tag) => {
                if let Tag::BlockQuote(_) = tag {
                    block_quotes.push(range.clone());
                }
                let hides = match tag {
                    Tag::CodeBlock(_)
                    | Tag::MetadataBlock(_)
                    | Tag::Image { .. }
                    | Tag::HtmlBlock => true,
                    Tag::Link { link_type, .. } => {
                        matches!(link_type, LinkType::Autolink | LinkType::Email)
                    }
                    _ => false,
                };
                if hides {
                    hidden += 1;
                }
            }
            Event::End(end) => {
                let hides = matches!(
                    end,
                    TagEnd::CodeBlock
                        | TagEnd::MetadataBlock(_)
                        | TagEnd::Image
                        | TagEnd::HtmlBlock
                );
                if hides {
                    hidden = hidden.saturating_sub(1);
                }
                if let TagEnd::Link = end {
                    // An autolink's text is its destination: it was hidden at its start.
                    if autolink_at(source, &range) {
                        hidden = hidden.saturating_sub(1);
                    }
                }
                let block = matches!(
                    end,
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::BlockQuote(_)
                        | TagEnd::CodeBlock
                        | TagEnd::HtmlBlock
                        | TagEnd::List(_)
                        | TagEnd::Item
                        | TagEnd::FootnoteDefinition
                        | TagEnd::Table
                        | TagEnd::TableHead
                        | TagEnd::TableRow
                        | TagEnd::TableCell
                        | TagEnd::MetadataBlock(_)
                );
                if block {
                    breaks.push(range.end);
                }
            }
            Event::Text(_) if hidden == 0 => keep.push(range),
            // Inline code, HTML, footnote labels, math and rules are not prose.
            _ => {}
        }
    }
    // The headlines in the front matter are prose, each a block of its own.
    if let Some((_, values)) = super::front_matter::prose_values(source) {
        breaks.extend(values.iter().map(|v| v.end));
        keep.extend(values);
    }
    keep.sort_by_key(|r| r.start);
    breaks.sort_unstable();
    breaks.dedup();
    let text = blank_outside(source, &keep);
    // A cell's text as the view has it: markup inside it is blanked.
    for cell in &mut cells {
        cell.range = trim_cell(&text, cell.range.clone());
    }
    Prose {
        text: Cow::Owned(text),
        breaks,
        block_quotes,
        map: None,
        cells,
    }
}

/// Whether the link spanning `range` is an autolink (`<https://…>`).
fn autolink_at(source: &str, range: &Range<usize>) -> bool {
    source[range.clone()].starts_with('<')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prose of `source`, with runs of blanks squeezed for readability.
    fn kept(source: &str) -> String {
        let view = prose(source);
        assert_eq!(view.text.len(), source.len(), "the view keeps every offset");
        view.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn keeps_paragraphs_headings_items_quotes_and_cells() {
        let source = "# Deaths: 367\n\nSome 85,000 arrests.\n\n- item 40,000\n\n> quoted 261\n\n| a | b |\n|---|---|\n| 1.9 | 2.4 |\n";
        assert_eq!(
            kept(source),
            "Deaths: 367 Some 85,000 arrests. item 40,000 quoted 261 a b 1.9 2.4"
        );
    }

    #[test]
    fn table_cells_are_listed_with_their_row_column_and_heading() {
        let source = "Intro.\n\n| Measure | **Value** |\n|---|---|\n| Deaths | 376 |\n| Arrests |  |\n\n| x |\n|---|\n| 1 |\n";
        let prose = prose(source);
        let cells = super::super::cells_of(&prose);
        assert_eq!(
            cells,
            [
                ("Measure", 0, 0, 0, true),
                ("Value", 0, 0, 1, true),
                ("Deaths", 0, 1, 0, false),
                ("376", 0, 1, 1, false),
                ("Arrests", 0, 2, 0, false),
                ("", 0, 2, 1, false),
                ("x", 1, 0, 0, true),
                ("1", 1, 1, 0, false),
            ]
        );
    }

    #[test]
    fn drops_code_html_links_targets_and_front_matter() {
        let source = "---\ncount: 376\n---\n\nSee [the 367 report](https://example.org/376) and `376` and <https://example.org/376>.\n\n```\n376 died in custody\n```\n\n    376 indented\n\n<div>376</div>\n\n![chart 376](img/376.png) text[^376]\n\n[^376]: A note with 350.\n";
        let text = kept(source);
        assert!(!text.contains("376"), "{text}");
        assert!(
            text.contains("the 367 report"),
            "link text is prose: {text}"
        );
        assert!(
            text.contains("A note with 350."),
            "footnote text is prose: {text}"
        );
    }

    #[test]
    fn toml_front_matter_is_not_prose() {
        assert_eq!(kept("+++\ndeaths = 376\n+++\n\nText.\n"), "Text.");
    }

    #[test]
    fn blocks_end_sentences() {
        let source = "# Deaths in custody\n367 people\n\n| deaths in custody | 376 |\n|---|---|\n";
        let view = prose(source);
        let between = |a: usize, b: usize| view.breaks.iter().any(|&x| a <= x && x <= b);
        let heading_text_end = source.find('\n').unwrap();
        let paragraph = source.find("367").unwrap();
        assert!(
            between(heading_text_end, paragraph),
            "heading | paragraph: {:?}",
            view.breaks
        );
        let first_cell_end = source.find(" | 376").unwrap();
        let second_cell = source.find("376").unwrap();
        assert!(
            between(first_cell_end, second_cell),
            "cell | cell: {:?}",
            view.breaks
        );
    }

    #[test]
    fn quotations_and_block_quotes_are_quoted() {
        let source =
            "He said “376 died” and \"58,000\" too.\n\n> 261 in a quote.\n\nIt's 85,000 'or so'.\n";
        let view = prose(source);
        let quoted: Vec<&str> = view
            .quoted()
            .into_iter()
            .map(|r| source[r].trim())
            .collect();
        assert!(quoted.contains(&"“376 died”"), "{quoted:?}");
        assert!(quoted.contains(&"\"58,000\""), "{quoted:?}");
        assert!(quoted.contains(&"> 261 in a quote."), "{quoted:?}");
        assert!(
            !quoted.iter().any(|q| q.contains("85,000")),
            "single quotes are not quotations: {quoted:?}"
        );
    }

    #[test]
    fn a_quotation_does_not_run_across_paragraphs() {
        let source = "An \"open quote.\n\nThen 376 and a close\" mark.\n";
        let view = prose(source);
        assert!(view
            .quoted()
            .iter()
            .all(|r| !source[r.clone()].contains("376")));
    }

    #[test]
    fn multibyte_text_outside_prose_stays_valid() {
        let source = "```\n“376” — ñ\n```\n\nMás.\n";
        assert_eq!(kept(source), "Más.");
    }
}
