//! Word and OpenDocument drafts: read as their text, a paragraph a line;
//! never fixed; a damaged or oversized one refused, failing the run when it
//! was named and skipped when a walk found it.

mod common;

use std::path::Path;

use common::{archive, docx, figcheck, write, CUSTODY_RULES};

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", CUSTODY_RULES);
    dir
}

fn put(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn a_word_draft_is_checked_as_its_paragraphs() {
    let dir = workspace();
    put(
        dir.path(),
        "drafts/story.docx",
        &docx(&[
            "Deaths in custody",
            "Rights groups say 376 people have died in custody.",
        ]),
    );
    // Found by a walk of the folder, as a desk runs it.
    let run = figcheck(dir.path(), &["--format", "short", "drafts"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("drafts/story.docx:3:19: error[figcheck::mismatch]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("a Word document: checked as its text"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_opendocument_draft_is_checked_too() {
    let dir = workspace();
    let xml = "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text>\
        <text:p>Rights groups say 376 people have died in custody.</text:p></office:text></office:body></office:document-content>";
    put(dir.path(), "story.odt", &archive("content.xml", xml));
    let run = figcheck(dir.path(), &["--format", "short", "story.odt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.starts_with("story.odt:1:19:"), "{}", run.stdout);
}

#[test]
fn a_document_is_never_fixed() {
    let dir = workspace();
    let bytes = docx(&["Rights groups say 376 people have died in custody."]);
    put(dir.path(), "story.docx", &bytes);
    for flags in [&["--fix"][..], &["--fix", "--unsafe-fixes"], &["--diff"]] {
        let mut args = flags.to_vec();
        args.push("story.docx");
        let run = figcheck(dir.path(), &args);
        assert_eq!(std::fs::read(dir.path().join("story.docx")).unwrap(), bytes);
        assert!(
            run.stderr.contains(
                "is a Word or OpenDocument file: make the change in the document itself; not fixed"
            ),
            "{flags:?}: {}",
            run.stderr
        );
        assert!(
            !run.stdout.contains("+++"),
            "{flags:?}: no patch: {}",
            run.stdout
        );
    }
}

#[test]
fn a_damaged_or_oversized_document_is_refused() {
    let dir = workspace();
    put(dir.path(), "broken.docx", b"PK\x03\x04 not a document");
    // Named: the run fails.
    let run = figcheck(dir.path(), &["broken.docx"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("broken.docx: a Word document, but not a readable archive"),
        "{}",
        run.stderr
    );
    // Found by a walk: skipped with a note.
    put(
        dir.path(),
        "drafts/broken.docx",
        b"PK\x03\x04 not a document",
    );
    put(dir.path(), "drafts/ok.md", b"Nothing to check here.\n");
    let run = figcheck(dir.path(), &["drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("drafts/broken.docx: a Word document, but"),
        "{}",
        run.stderr
    );
    // A ZIP bomb: 40 MB of text compressed to a few kilobytes, against a
    // 1 MiB limit, is refused at the limit.
    write(
        dir.path(),
        "small.toml",
        &format!("[settings]\nmax_draft_size_mib = 1\n{CUSTODY_RULES}"),
    );
    let big = format!(
        "<w:document><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
        "376 ".repeat(10 << 20)
    );
    let bomb = archive("word/document.xml", &big);
    assert!(bomb.len() < 200_000, "{}", bomb.len());
    put(dir.path(), "bomb.docx", &bomb);
    let run = figcheck(dir.path(), &["--rules", "small.toml", "bomb.docx"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("draft size limit"), "{}", run.stderr);
}
