//! Word (`.docx`) and OpenDocument (`.odt`) drafts: the text a reader sees,
//! a paragraph a line with a blank line between paragraphs, so that each is
//! a block of its own and findings point at a line and column of it.
//!
//! Read: paragraphs, headings, list items and table cells (each a paragraph
//! of its own). Left out: footnotes, endnotes, comments, text deleted under
//! tracked changes, and field codes. A document is a ZIP archive: only its
//! main part is read, and no more of it than the draft size limit allows,
//! however large its entry says it is or its compression would make it, so
//! a ZIP bomb costs no more than a draft of that size.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

/// A document format figcheck reads the text of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML, as Word and Google Docs save it.
    Docx,
    /// OpenDocument text, as LibreOffice saves it.
    Odt,
}

impl Kind {
    /// The kind a file's name says, if it says one.
    pub fn of_path(path: &str) -> Option<Kind> {
        let extension = std::path::Path::new(path)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match extension.as_str() {
            "docx" => Some(Kind::Docx),
            "odt" => Some(Kind::Odt),
            _ => None,
        }
    }

    /// How a note names the kind: "a Word document".
    pub fn name(self) -> &'static str {
        match self {
            Kind::Docx => "a Word document",
            Kind::Odt => "an OpenDocument text",
        }
    }

    /// The archive entry that holds the text.
    fn main_part(self) -> &'static str {
        match self {
            Kind::Docx => "word/document.xml",
            Kind::Odt => "content.xml",
        }
    }
}

/// The text of a document of `kind`, from the bytes of its file; at most
/// `limit` bytes of XML are read, and the text is at most that long.
pub fn text(bytes: &[u8], kind: Kind, limit: u64) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable archive: {e}"))?;
    let entry = archive
        .by_name(kind.main_part())
        .map_err(|_| format!("no {} in it", kind.main_part()))?;
    if entry.size() > limit {
        return Err(format!(
            "its text part is {} bytes, more than the draft size limit",
            entry.size()
        ));
    }
    let mut xml = Vec::new();
    entry
        .take(limit.saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|e| format!("its text part cannot be read: {e}"))?;
    if xml.len() as u64 > limit {
        return Err("its text part is larger than the draft size limit".into());
    }
    paragraphs(&xml, kind, limit)
}

/// What the XML of a document's main part says, paragraph by paragraph: at
/// most `limit` bytes of text (runs of spaces are written short in XML).
fn paragraphs(xml: &[u8], kind: Kind, limit: u64) -> Result<String, String> {
    let names = Names::of(kind);
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    // Depth inside elements whose text is left out (footnotes, comments,
    // deleted text, field codes); and whether a text element is open.
    let mut hidden = 0usize;
    let mut in_text = false;
    let mut buffer = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|e| format!("its text part is not well-formed XML: {e}"))?;
        match event {
            Event::Start(e) => {
                let name = e.name();
                let name = name.as_ref();
                if names.hidden.contains(&name) {
                    hidden += 1;
                } else if names.text.contains(&name) {
                    in_text = true;
                }
            }
            Event::Empty(e) if hidden == 0 => {
                let name = e.name();
                let name = name.as_ref();
                if names.tab.contains(&name) {
                    paragraph.push('\t');
                } else if names.space.contains(&name) {
                    // OpenDocument writes runs of spaces as <text:s text:c="3"/>.
                    let count = e
                        .try_get_attribute("text:c")
                        .ok()
                        .flatten()
                        .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(1_000);
                    paragraph.extend(std::iter::repeat_n(' ', count));
                } else if names.line_break.contains(&name) {
                    paragraph.push(' ');
                } else if names.paragraph.contains(&name) {
                    end_paragraph(&mut out, &mut paragraph);
                }
            }
            Event::End(e) => {
                let name = e.name();
                let name = name.as_ref();
                if names.hidden.contains(&name) {
                    hidden = hidden.saturating_sub(1);
                } else if names.text.contains(&name) {
                    in_text = false;
                } else if hidden == 0 && names.paragraph.contains(&name) {
                    end_paragraph(&mut out, &mut paragraph);
                }
            }
            Event::Text(t) if hidden == 0 && (in_text || kind == Kind::Odt) => {
                let text = t
                    .unescape()
                    .map_err(|e| format!("its text part has a bad character reference: {e}"))?;
                // Line ends inside the XML are its layout, not the text's.
                paragraph.extend(
                    text.chars()
                        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                );
            }
            Event::CData(t) if hidden == 0 && in_text => {
                paragraph.push_str(&String::from_utf8_lossy(&t));
            }
            Event::Eof => break,
            _ => {}
        }
        if (out.len() + paragraph.len()) as u64 > limit {
            return Err("its text is larger than the draft size limit".into());
        }
        buffer.clear();
    }
    end_paragraph(&mut out, &mut paragraph);
    Ok(out)
}

/// Ends a paragraph: its text on a line of its own, and a blank line after.
fn end_paragraph(out: &mut String, paragraph: &mut String) {
    let text = paragraph.trim();
    if !text.is_empty() {
        out.push_str(text);
        out.push_str("\n\n");
    }
    paragraph.clear();
}

/// The element names that matter in a document's XML.
struct Names {
    /// Elements that end a paragraph.
    paragraph: &'static [&'static [u8]],
    /// Elements whose text is the document's text (Word keeps it in runs).
    text: &'static [&'static [u8]],
    hidden: &'static [&'static [u8]],
    tab: &'static [&'static [u8]],
    space: &'static [&'static [u8]],
    line_break: &'static [&'static [u8]],
}

impl Names {
    fn of(kind: Kind) -> Names {
        match kind {
            Kind::Docx => Names {
                paragraph: &[b"w:p"],
                text: &[b"w:t"],
                // Deleted text and field codes; footnotes and comments live
                // in other parts, which are not read.
                hidden: &[b"w:del", b"w:instrText", b"w:delText"],
                tab: &[b"w:tab"],
                space: &[],
                line_break: &[b"w:br", b"w:cr"],
            },
            Kind::Odt => Names {
                paragraph: &[b"text:p", b"text:h"],
                text: &[],
                hidden: &[
                    b"text:note",
                    b"office:annotation",
                    b"text:tracked-changes",
                    b"office:meta",
                    b"office:font-face-decls",
                    b"office:automatic-styles",
                ],
                tab: &[b"text:tab"],
                space: &[b"text:s"],
                line_break: &[b"text:line-break"],
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A document of `kind` whose main part is `xml`.
    pub(crate) fn archive(kind: Kind, xml: &str) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(kind.main_part(), options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_word_document_reads_as_its_paragraphs_and_cells() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>Deaths in custody</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Rights groups say </w:t></w:r><w:r><w:t>376 people have died in custody &amp; more.</w:t></w:r></w:p>
<w:p><w:r><w:del><w:delText>Deleted 999.</w:delText></w:del><w:instrText>PAGE 5</w:instrText><w:t>Kept.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Arrests</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>58,000</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p/>
</w:body></w:document>"#;
        let text = text(&archive(Kind::Docx, xml), Kind::Docx, 1 << 20).unwrap();
        assert_eq!(
            text,
            "Deaths in custody\n\nRights groups say 376 people have died in custody & more.\n\nKept.\n\nArrests\n\n58,000\n\n"
        );
    }

    #[test]
    fn an_opendocument_text_leaves_out_notes_and_comments() {
        let xml = r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
<text:h>Deaths  in custody</text:h>
<text:p>Rights<text:s text:c="2"/>groups say 376<text:note><text:note-body><text:p>A note: 999.</text:p></text:note-body></text:note> people died.<office:annotation><text:p>Comment 888</text:p></office:annotation></text:p>
</office:text></office:body></office:document-content>"#;
        let text = text(&archive(Kind::Odt, xml), Kind::Odt, 1 << 20).unwrap();
        assert_eq!(
            text,
            "Deaths  in custody\n\nRights  groups say 376 people died.\n\n"
        );
    }

    #[test]
    fn damaged_or_oversized_documents_are_refused() {
        assert!(text(b"not a zip", Kind::Docx, 1 << 20).is_err());
        // The wrong part: an OpenDocument read as Word.
        let odt = archive(Kind::Odt, "<x/>");
        assert!(text(&odt, Kind::Docx, 1 << 20)
            .unwrap_err()
            .contains("word/document.xml"));
        // A part that expands past the limit: ten megabytes of one letter
        // compress to a few kilobytes, and are refused at the limit.
        let big = format!(
            "<w:document><w:p><w:t>{}</w:t></w:p></w:document>",
            "a".repeat(10 << 20)
        );
        let bomb = archive(Kind::Docx, &big);
        assert!(bomb.len() < 100_000);
        assert!(text(&bomb, Kind::Docx, 1 << 20)
            .unwrap_err()
            .contains("limit"));
        // Runs of spaces written short expand to no more than the limit.
        let spaces = format!(
            "<office:document-content xmlns:text=\"t\"><text:p>{}</text:p></office:document-content>",
            "<text:s text:c=\"1000\"/>".repeat(2_000)
        );
        let short = archive(Kind::Odt, &spaces);
        assert!(text(&short, Kind::Odt, 1 << 20)
            .unwrap_err()
            .contains("limit"));
        // Broken XML.
        let broken = archive(Kind::Docx, "<w:document><w:p><w:t>a</w:p>");
        assert!(text(&broken, Kind::Docx, 1 << 20).is_err());
    }

    #[test]
    fn only_docx_and_odt_names_are_documents() {
        assert_eq!(Kind::of_path("a/Draft.DOCX"), Some(Kind::Docx));
        assert_eq!(Kind::of_path("a.odt"), Some(Kind::Odt));
        assert_eq!(Kind::of_path("a.doc"), None);
        assert_eq!(Kind::of_path("a.md"), None);
    }
}
