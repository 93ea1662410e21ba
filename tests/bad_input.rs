//! Input that must never break a run: huge files, huge lines, many files,
//! unreadable files, link loops, FIFOs. (Encodings, binary files, empty files,
//! byte order marks and Windows line endings are in tests/cli.rs.)

mod common;

use std::process::Command;

use common::figcheck;

const RULES: &str = r#"
[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
canonical = 367
"#;
const GOOD: &str = "Rights groups say 367 people have died in custody.\n";
const BAD: &str = "Rights groups say 376 people have died in custody.\n";

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    dir
}

#[test]
fn a_100_mb_draft_is_checked_whole() {
    let dir = workspace();
    // 100 MiB of paragraphs; every 1,000th paragraph has a slip.
    let paragraph = "The ministry published its figures on Tuesday, and the numbers were discussed at length in parliament. ";
    let mut text = String::with_capacity(100 * 1024 * 1024 + 4096);
    let mut slips = 0;
    let mut i = 0;
    while text.len() < 100 * 1024 * 1024 {
        text.push_str(paragraph);
        text.push_str(if i % 1000 == 0 { BAD } else { GOOD });
        slips += usize::from(i % 1000 == 0);
        text.push('\n');
        i += 1;
    }
    std::fs::write(dir.path().join("archive.txt"), &text).unwrap();
    drop(text);
    let run = figcheck(dir.path(), &["--format", "short", "-q", "archive.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), slips);
    assert!(
        run.stdout
            .starts_with("archive.txt:1:122: error[figcheck::mismatch]"),
        "{}",
        &run.stdout[..200]
    );
}

#[test]
fn a_line_of_1_mb_without_a_newline() {
    let dir = workspace();
    let mut line = "word ".repeat(200_000);
    line.push_str(BAD.trim_end());
    std::fs::write(dir.path().join("one-line.txt"), &line).unwrap();
    let run = figcheck(dir.path(), &["--format", "short", "-q", "one-line.txt"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, format!("one-line.txt:1:{}: error[figcheck::mismatch] deaths-in-custody: Deaths in custody: 376 is above the accepted value\n", 1_000_000 + 19));
}

#[test]
fn a_directory_of_10000_files() {
    let dir = workspace();
    let drafts = dir.path().join("drafts");
    for i in 0..10_000 {
        let sub = drafts.join(format!("{:02}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        let text = if i == 4_321 { BAD } else { GOOD };
        std::fs::write(sub.join(format!("draft-{i:05}.md")), text).unwrap();
    }
    let run = figcheck(dir.path(), &["--format", "short", "drafts"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "drafts/21/draft-04321.md:1:19: error[figcheck::mismatch] deaths-in-custody: Deaths in custody: 376 is above the accepted value\n\
         checked 10000 files: 1 error, 0 warnings, 0 advice\n"
    );
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_are_checked() {
    let dir = workspace();
    std::fs::write(dir.path().join("a.md"), BAD).unwrap();
    // Reading /proc/self/mem from its start fails with an I/O error, even for root.
    let run = figcheck(dir.path(), &["--format", "short", "/proc/self/mem", "a.md"]);
    assert_eq!(run.code, 2, "a file that cannot be read exits 2 at the end");
    assert!(
        run.stderr.contains("/proc/self/mem: cannot read"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("a.md:1:19: error"), "{}", run.stdout);
}

#[test]
fn a_symlink_loop_does_not_trap_the_walk() {
    let dir = workspace();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    std::fs::write(drafts.join("a.md"), BAD).unwrap();
    std::os::unix::fs::symlink(&drafts, drafts.join("loop")).unwrap();
    std::os::unix::fs::symlink(drafts.join("b-link.md"), drafts.join("b-link.md")).unwrap();
    let run = figcheck(dir.path(), &["--format", "short", "drafts"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .ends_with("checked 1 file: 1 error, 0 warnings, 0 advice\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_fifo_named_on_the_command_line_is_skipped_not_read() {
    let dir = workspace();
    let status = Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::write(dir.path().join("a.md"), GOOD).unwrap();
    let run = figcheck(dir.path(), &["pipe.md", "a.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("pipe.md: not a regular file, not checked"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("checked 1 file"));
}

#[test]
fn a_file_that_disappears_is_reported() {
    let dir = workspace();
    std::fs::write(dir.path().join("a.md"), BAD).unwrap();
    // A link whose target is gone: the file was there when named, not when read.
    std::os::unix::fs::symlink(dir.path().join("deleted.md"), dir.path().join("gone.md")).unwrap();
    let run = figcheck(dir.path(), &["--format", "short", "gone.md", "a.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("gone.md: no such file or directory"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("a.md:1:19: error"));
}

#[test]
fn a_folder_mixing_every_kind_of_draft_and_broken_files() {
    let dir = workspace();
    let rules = format!(
        "[settings]\ninclude = [\"**/*.md\", \"**/*.txt\", \"**/*.html\", \"**/*.bin\"]\n{RULES}"
    );
    std::fs::write(dir.path().join("rules.toml"), rules).unwrap();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    std::fs::write(
        drafts.join("a.md"),
        format!("# Draft\n\n{BAD}\n```\n{BAD}```\n"),
    )
    .unwrap();
    std::fs::write(
        drafts.join("b.html"),
        format!(
            "<p>{}</p><script>{BAD}</script>",
            BAD.replace(' ', "&nbsp;")
        ),
    )
    .unwrap();
    std::fs::write(drafts.join("c.txt"), BAD).unwrap();
    std::fs::write(drafts.join("d.bin"), b"\x00\x01\x02 376 died in custody").unwrap();
    std::fs::write(
        drafts.join("e.txt"),
        b"Rights groups say 376 people have died in custody. \xff\xfe\n",
    )
    .unwrap();
    std::fs::write(drafts.join("f.md"), "").unwrap();
    std::os::unix::fs::symlink(drafts.join("missing.md"), drafts.join("g.md")).unwrap();
    let run = figcheck(dir.path(), &["--format", "short", "drafts"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let places: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        places,
        vec![
            "drafts/a.md:3:19",
            "drafts/b.html:1:37",
            "drafts/c.txt:1:19",
            "drafts/e.txt:1:19",
            "checked 5 files"
        ]
    );
    assert!(
        run.stderr
            .contains("drafts/d.bin: binary file, not checked"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("drafts/e.txt: not UTF-8; read as windows-1252"),
        "{}",
        run.stderr
    );
    // What a user sees, in full, in the human format.
    let human = figcheck(dir.path(), &["drafts"]);
    insta::assert_snapshot!(format!(
        "exit status: {}\n--- stdout\n{}--- stderr\n{}",
        human.code, human.stdout, human.stderr
    ));
}
