//! Hostile input, as a contributor to a pull request could commit it: rules
//! files that point at secrets, control characters that would forge CI log
//! commands, lines too long to draw, values that are not numbers. Each test
//! is a row of the robustness issue's table that failed before its fix.

mod common;

use std::process::Command;

use common::{figcheck, write};

const RULES: &str = r#"
[[figure]]
id = "deaths-in-custody"
name = "Deaths in custody"
subjects = ["died in custody"]
canonical = 367
"#;
const BAD: &str = "Rights groups say 376 people have died in custody.\n";

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    dir
}

#[test]
fn a_rules_link_out_of_its_directory_is_not_followed() {
    let secrets = tempfile::tempdir().unwrap();
    let secret = write(secrets.path(), "environ", "TOKEN=hunter2-do-not-print\n");
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("rules.toml")).unwrap();
    write(dir.path(), "a.md", BAD);
    let run = figcheck(dir.path(), &["a.md"]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);
    assert!(!run.stdout.contains("hunter2"), "{}", run.stdout);
    // A link that stays in its directory is followed as before.
    let inside = tempfile::tempdir().unwrap();
    write(inside.path(), "desk-rules.toml", RULES);
    std::os::unix::fs::symlink(
        inside.path().join("desk-rules.toml"),
        inside.path().join("rules.toml"),
    )
    .unwrap();
    write(inside.path(), "a.md", BAD);
    assert_eq!(figcheck(inside.path(), &["a.md"]).code, 1);
}

#[test]
fn rules_that_are_not_a_regular_text_file_are_refused_unquoted() {
    let dir = workspace();
    write(dir.path(), "a.md", BAD);
    // A device and a FIFO: refused at once, not read (a FIFO would hang).
    for path in ["/dev/zero", "/dev/null"] {
        let run = figcheck(dir.path(), &["--rules", path, "a.md"]);
        assert_eq!(run.code, 2, "{path}");
        assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    }
    let fifo = dir.path().join("rules.fifo");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let run = figcheck(dir.path(), &["--rules", fifo.to_str().unwrap(), "a.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    // An environment block, NUL-separated as /proc/self/environ is.
    write(
        dir.path(),
        "environ",
        "HOME=/root\0TOKEN=hunter2-do-not-print\0",
    );
    let run = figcheck(dir.path(), &["--rules", "environ", "a.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not text"), "{}", run.stderr);
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);
}

#[test]
fn a_text_file_that_is_not_toml_is_quoted_no_further_than_its_error() {
    let dir = workspace();
    write(dir.path(), "a.md", BAD);
    let line1 = format!("root:x:0:0:{}:/root:/bin/bash", "r".repeat(200));
    let passwd = format!("{line1}\nsecond-line-secret-hunter2:x:1:1\n");
    write(dir.path(), "passwd", &passwd);
    let run = figcheck(dir.path(), &["--rules", "passwd", "a.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("figcheck::rules::syntax"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);
    // At most a window of the offending line.
    assert!(!run.stderr.contains(&"r".repeat(120)), "{}", run.stderr);
}

#[test]
fn a_finding_far_along_a_line_is_reported_without_a_panic() {
    let dir = workspace();
    write(dir.path(), "a.txt", &format!("{}{BAD}", " ".repeat(70_000)));
    let run = figcheck(dir.path(), &["a.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("╭─[a.txt:1:70019]"), "{}", run.stdout);
    // Drawn as an excerpt of its line: the sentence, not 70,000 columns.
    assert!(
        run.stdout
            .contains(" 1 │ …Rights groups say 376 people have died in custody.\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("checked 1 file: 1 error"),
        "{}",
        run.stdout
    );
    // And in a rules file: an error at column 70,000.
    let rules = format!("{}\n[[figure]]\nid = \"x\"\nname = \"X\"\nsubjects = [\"x\"]\ncanonical = 1\n{}severity = \"fatal\"\n", RULES, " ".repeat(70_000));
    write(dir.path(), "long.toml", &rules);
    let run = figcheck(dir.path(), &["--rules", "long.toml", "a.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown value `fatal`"),
        "{}",
        run.stderr
    );
}

#[test]
fn control_characters_never_reach_the_output_raw() {
    let dir = workspace();
    // An escape sequence, a bell and a right-to-left override in a draft.
    write(
        dir.path(),
        "a.md",
        "Rights groups \u{202e}say 376 people have died in custody.\u{1b}]0;owned\u{7}\n",
    );
    // A file name with a line break that would start a workflow command.
    write(dir.path(), "b\n::error file=x::forged.md", BAD);
    for format in ["human", "short", "github"] {
        let run = figcheck(dir.path(), &["--format", format, "."]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(
                !run.stdout.contains(bad),
                "{format}: {bad:?} in {}",
                run.stdout
            );
        }
        assert!(
            !run.stdout.lines().any(|l| l.starts_with("::error file=x")),
            "{format}: {}",
            run.stdout
        );
    }
}

#[test]
fn values_that_are_not_numbers_are_rules_errors() {
    let dir = workspace();
    write(dir.path(), "a.md", BAD);
    for (key, value, code) in [
        ("canonical", "nan", "figcheck::rules::invalid-value"),
        ("canonical", "inf", "figcheck::rules::invalid-value"),
        (
            "allowed",
            "[{ min = 300, max = inf }]",
            "figcheck::rules::invalid-value",
        ),
        ("tolerance", "inf", "figcheck::rules::invalid-tolerance"),
        (
            "tolerance",
            "\"inf%\"",
            "figcheck::rules::invalid-tolerance",
        ),
        ("tolerance", "nan", "figcheck::rules::invalid-tolerance"),
    ] {
        let rules = if key == "canonical" {
            RULES.replace("canonical = 367", &format!("canonical = {value}"))
        } else {
            format!("{RULES}{key} = {value}\n")
        };
        write(dir.path(), "rules.toml", &rules);
        let run = figcheck(dir.path(), &["a.md"]);
        assert_eq!(run.code, 2, "{key} = {value}: {}", run.stderr);
        assert!(run.stderr.contains(code), "{key} = {value}: {}", run.stderr);
    }
}

#[test]
fn ten_thousand_jobs_do_not_hang() {
    let dir = workspace();
    write(dir.path(), "a.md", BAD);
    let run = figcheck(dir.path(), &["--jobs", "10000", "a.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn a_full_standard_error_does_not_panic() {
    let dir = workspace();
    for args in [
        &["missing.md"][..],
        &["--rules", "missing.toml", "a.md"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let status = Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .args(args)
            .current_dir(dir.path())
            .env_clear()
            .stdout(std::process::Stdio::null())
            .stderr(full)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn every_cell_and_item_is_its_own_unit() {
    let dir = workspace();
    write(
        dir.path(),
        "t.md",
        "| a | b |\n|---|---|\n| 376 people died in custody | 376 people died in custody |\n| 376 people died in custody | x |\n\n- 376 people died in custody\n- 376 people died in custody\n",
    );
    write(
        dir.path(),
        "t.html",
        "<table><tr><td>376 people died in custody</td><td>376 people died in custody</td></tr></table><ol><li>376 people died in custody<li>376 people died in custody</ol>",
    );
    let run = figcheck(dir.path(), &["--format", "short", "t.md", "t.html"]);
    let mismatches = run
        .stdout
        .lines()
        .filter(|l| l.contains("[figcheck::mismatch]"))
        .count();
    assert_eq!(mismatches, 9, "{}", run.stdout);
}

#[test]
fn endless_or_huge_input_is_read_no_further_than_it_must() {
    let dir = workspace();
    // Standard input that never ends: its first 8 KiB are NUL bytes.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .arg("-")
        .current_dir(dir.path())
        .env_clear()
        .stdin(zero)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("binary file, not checked"));
    // A 2 GiB sparse file: skipped after its first 8 KiB.
    let sparse = std::fs::File::create(dir.path().join("sparse.md")).unwrap();
    sparse.set_len(2 << 30).unwrap();
    let run = figcheck(dir.path(), &["sparse.md"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("sparse.md: binary file, not checked"),
        "{}",
        run.stderr
    );
    // A draft over the limit is reported and skipped; the run goes on.
    write(
        dir.path(),
        "rules.toml",
        &format!("[settings]\nmax_draft_size_mib = 1\n{RULES}"),
    );
    write(dir.path(), "big.md", &BAD.repeat(30_000));
    write(dir.path(), "a.md", BAD);
    let run = figcheck(dir.path(), &["--format", "short", "big.md", "a.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("big.md: larger than 1 MiB"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("a.md:1:19"), "{}", run.stdout);
}

#[test]
fn utf16_drafts_with_a_byte_order_mark_are_read() {
    let dir = workspace();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(BAD.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(BAD.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    std::fs::write(dir.path().join("le.txt"), le).unwrap();
    std::fs::write(dir.path().join("be.txt"), be).unwrap();
    let run = figcheck(dir.path(), &["--format", "short", "le.txt", "be.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("le.txt:1:19: error[figcheck::mismatch]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("be.txt:1:19: error[figcheck::mismatch]"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_glob_never_follows_directory_links_and_skips_what_a_walk_skips() {
    let dir = workspace();
    write(dir.path(), "d/a.md", BAD);
    std::os::unix::fs::symlink("..", dir.path().join("d/up")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("d/self")).unwrap();
    write(dir.path(), "d/.hidden/b.md", BAD);
    write(dir.path(), "d/node_modules/c.md", BAD);
    write(dir.path(), "d/target/e.md", BAD);
    let run = figcheck(dir.path(), &["--format", "short", "d/**/*.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let findings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("error["))
        .collect();
    assert_eq!(findings, vec!["d/a.md:1:19: error[figcheck::mismatch] deaths-in-custody: Deaths in custody: 376 is above the accepted value"], "{}", run.stdout);
    // A pattern that names directories takes their files as a walk does.
    write(dir.path(), "drafts/x/a.md", BAD);
    write(dir.path(), "drafts/x/notes.rst", BAD);
    let run = figcheck(dir.path(), &["--format", "short", "drafts/*"]);
    assert!(run.stdout.contains("checked 1 file"), "{}", run.stdout);
}

#[test]
fn two_thousand_subject_dense_lines_without_a_stop() {
    // One "sentence" of 2,000 lines took minutes: attribution weighs every
    // subject of a sentence against every number in it. Such text is now
    // split at its line breaks, and every line is judged.
    let dir = workspace();
    let text: String = (0..2_000)
        .map(|i| format!("376 people died in custody in region {}\n", i % 9 + 1))
        .collect();
    write(dir.path(), "dense.txt", &text);
    let run = figcheck(dir.path(), &["--format", "short", "-q", "dense.txt"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout.lines().count(),
        2_000,
        "{}",
        &run.stdout[..200.min(run.stdout.len())]
    );
}

#[test]
fn four_thousand_subject_phrases_load_and_match() {
    let dir = tempfile::tempdir().unwrap();
    let mut rules = String::new();
    for i in 0..2_000 {
        rules.push_str(&format!(
            "[[figure]]\nid = \"f{i}\"\nname = \"F{i}\"\nsubjects = [\"word{i} tally\", \"count{i} of [the] (men|women)\"]\ncanonical = {}\n",
            i + 100
        ));
    }
    write(dir.path(), "rules.toml", &rules);
    // 2,909 for 2,099: a slip, so firm.
    write(dir.path(), "a.md", "The word1999 tally is 2,909.\n");
    let run = figcheck(dir.path(), &["--format", "short", "a.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("error[figcheck::mismatch] f1999"),
        "{}",
        run.stdout
    );
}

#[test]
fn many_findings_and_megabyte_lines_are_placed_right() {
    let dir = workspace();
    // 10,000 findings in one file, human format.
    write(dir.path(), "many.txt", &BAD.repeat(10_000));
    let run = figcheck(dir.path(), &["many.txt"]);
    assert!(
        run.stdout.contains("╭─[many.txt:10000:19]"),
        "{}",
        &run.stdout[run.stdout.len().saturating_sub(600)..]
    );
    assert!(run
        .stdout
        .ends_with("checked 1 file: 10000 errors, 0 warnings, 0 advice\n"));
    // A 2 MB line of 40,000 findings: columns counted right to its end.
    let sentence = "Rights groups say 376 people have died in custody. ";
    write(
        dir.path(),
        "line.txt",
        &format!("é{}", sentence.repeat(40_000)),
    );
    let run = figcheck(dir.path(), &["--format", "short", "-q", "line.txt"]);
    let last = run.stdout.lines().last().unwrap();
    let column = 2 + 39_999 * sentence.len() + 18;
    assert_eq!(run.stdout.lines().count(), 40_000);
    assert!(
        last.starts_with(&format!("line.txt:1:{column}: ")),
        "{last}"
    );
    // And `numbers` on that line.
    let run = figcheck(dir.path(), &["numbers", "--format", "json", "line.txt"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let numbers = json["numbers"].as_array().unwrap();
    assert_eq!(numbers.len(), 40_000);
    assert_eq!(numbers[39_999]["column"], column);
}

/// Links planted at every name the temporary file of the next `count`
/// processes could once have had (`.<name>.figcheck-<pid>.tmp`), pointing
/// at `target`. The pids are read from the kernel's last one given out, so
/// the run that follows lands among them unless many processes start first.
#[cfg(target_os = "linux")]
fn plant_links(dir: &std::path::Path, name: &str, target: &std::path::Path, count: u32) {
    let last: u32 = std::fs::read_to_string("/proc/sys/kernel/ns_last_pid")
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    for pid in last + 1..=last + count {
        let link = dir.join(format!(".{name}.figcheck-{pid}.tmp"));
        std::os::unix::fs::symlink(target, link).unwrap();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn fix_and_output_file_never_write_through_a_planted_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    let hooks = dir.path().join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let hook = write(&hooks, "pre-commit", "#!/bin/sh\nexit 0\n");
    let draft = write(dir.path(), "a.md", BAD);
    std::fs::set_permissions(&draft, std::fs::Permissions::from_mode(0o755)).unwrap();
    plant_links(dir.path(), "a.md", &hook, 200);
    plant_links(dir.path(), "report.sarif", &hook, 200);
    let run = figcheck(
        dir.path(),
        &["--fix", "--output-file", "report.sarif", "a.md"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\nexit 0\n",
        "the hook was written through a planted link"
    );
    assert!(std::fs::read_to_string(&draft).unwrap().contains("367"));
    let report = dir.path().join("report.sarif");
    assert!(!std::fs::symlink_metadata(&report)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(report)
        .unwrap()
        .contains("\"runs\""));
}

#[cfg(unix)]
#[test]
fn fix_leaves_linked_hard_linked_and_read_only_drafts_alone_with_a_note() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    // A link inside the repository: read, but not fixed through.
    let target = write(dir.path(), "real/t.txt", BAD);
    std::os::unix::fs::symlink(&target, dir.path().join("linked.md")).unwrap();
    let hard = write(dir.path(), "hard.md", BAD);
    std::fs::hard_link(&hard, dir.path().join("hard-too.txt")).unwrap();
    let read_only = write(dir.path(), "read-only.md", BAD);
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = figcheck(
        dir.path(),
        &["--fix", "linked.md", "hard.md", "read-only.md"],
    );
    for (name, why) in [
        (
            "linked.md",
            "is a link; run --fix on the file it points to; not fixed",
        ),
        (
            "hard.md",
            "has other hard links, which a fix would split; not fixed",
        ),
        ("read-only.md", "is read-only; not fixed"),
    ] {
        assert!(
            run.stderr.contains(&format!("{name}: {why}")),
            "{}",
            run.stderr
        );
        assert_eq!(std::fs::read_to_string(dir.path().join(name)).unwrap(), BAD);
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), BAD);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

/// A figure whose subject phrase is `subject`, and a second with a formula.
fn rules_with(subject: &str, formula: &str) -> String {
    format!(
        "[[figure]]\nid = \"a\"\nname = \"A\"\nsubjects = [\"{subject}\"]\ncanonical = 367\n\n\
         [[figure]]\nid = \"b\"\nname = \"B\"\nsubjects = [\"quarzel\"]\nformula = \"{formula}\"\n"
    )
}

#[test]
fn rules_nested_or_long_enough_to_overflow_the_stack_are_labelled_errors() {
    // Each aborted the run with a stack overflow before.
    let dir = workspace();
    write(dir.path(), "a.md", BAD);
    let nested = format!("{}died{}", "(".repeat(20_000), ")".repeat(20_000));
    let words: Vec<String> = (0..100_000).map(|i| format!("w{i}")).collect();
    let terms = vec!["a"; 50_000].join(" + ");
    for (name, rules, says) in [
        (
            "nested",
            rules_with(&nested, "a"),
            "nested more than 8 deep",
        ),
        (
            "words",
            rules_with(&words.join(" "), "a"),
            "more than 32 words",
        ),
        (
            "formula",
            rules_with("died in custody", &terms),
            "more than the 200 figcheck reads",
        ),
    ] {
        write(dir.path(), "r.toml", &rules);
        let run = common::figcheck_timeout(
            dir.path(),
            &["--rules", "r.toml", "a.md"],
            std::time::Duration::from_secs(60),
        )
        .unwrap_or_else(|| panic!("{name}: still running after 60 s"));
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{name}: {}", run.stderr);
        // The error quotes a window of the rules file, not the whole line.
        assert!(
            run.stderr.len() < 4_000,
            "{name}: {} bytes of errors",
            run.stderr.len()
        );
    }
}

#[test]
fn a_subject_with_too_many_spellings_is_refused_before_it_is_spelt_out() {
    // Eight optional words and a 300,000-way choice took 16 GB before.
    let dir = workspace();
    write(dir.path(), "a.md", BAD);
    let optional: Vec<String> = (0..8).map(|i| format!("[o{i}]")).collect();
    let choice: Vec<String> = (0..300_000).map(|i| format!("c{i}")).collect();
    let subject = format!("{} ({})", optional.join(" "), choice.join("|"));
    write(dir.path(), "r.toml", &rules_with(&subject, "a"));
    let run = common::figcheck_timeout(
        dir.path(),
        &["--rules", "r.toml", "a.md"],
        std::time::Duration::from_secs(60),
    )
    .expect("refused in seconds");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("more than 256 phrases"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.len() < 4_000,
        "{} bytes of errors",
        run.stderr.len()
    );
    // Must not fire: a subject with a few choices and optional words loads.
    write(
        dir.path(),
        "r.toml",
        &rules_with(
            "(people|detainees) [have] died [while] in [state] custody",
            "a",
        ),
    );
    assert_eq!(figcheck(dir.path(), &["--rules", "r.toml", "a.md"]).code, 1);
}

#[test]
fn a_draft_size_limit_of_zero_is_a_rules_error() {
    let dir = workspace();
    write(dir.path(), "a.md", BAD);
    write(
        dir.path(),
        "r.toml",
        &format!("[settings]\nmax_draft_size_mib = 0\n\n{RULES}"),
    );
    let run = figcheck(dir.path(), &["--rules", "r.toml", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("max_draft_size_mib = 0 would skip every draft"),
        "{}",
        run.stderr
    );
    write(
        dir.path(),
        "r.toml",
        &format!("[settings]\nmax_draft_size_mib = 1\n\n{RULES}"),
    );
    assert_eq!(figcheck(dir.path(), &["--rules", "r.toml", "a.md"]).code, 1);
}

#[cfg(unix)]
#[test]
fn a_rules_flag_naming_a_link_out_of_the_repository_is_not_read() {
    let secrets = tempfile::tempdir().unwrap();
    let secret = write(
        secrets.path(),
        "credentials.toml",
        "[registry]\ntoken = \"hunter2-do-not-print\"\n",
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", BAD);
    std::os::unix::fs::symlink(&secret, dir.path().join("desk.toml")).unwrap();
    let run = figcheck(dir.path(), &["--rules", "desk.toml", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("outside the repository"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("hunter2") && !run.stdout.contains("hunter2"));
    // Must not fire: a link that stays in the repository, and a plain path
    // outside it that the user typed.
    write(dir.path(), "rules/desk.toml", RULES);
    std::os::unix::fs::symlink(
        dir.path().join("rules/desk.toml"),
        dir.path().join("r.toml"),
    )
    .unwrap();
    assert_eq!(figcheck(dir.path(), &["--rules", "r.toml", "a.md"]).code, 1);
    let elsewhere = write(secrets.path(), "rules.toml", RULES);
    let elsewhere = elsewhere.to_str().unwrap();
    assert_eq!(
        figcheck(dir.path(), &["--rules", elsewhere, "a.md"]).code,
        1
    );
    // Asked for, the link is followed.
    let run = figcheck(
        dir.path(),
        &["--follow-outside-links", "--rules", "desk.toml", "a.md"],
    );
    assert!(
        !run.stderr.contains("outside the repository"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_draft_linked_to_a_file_out_of_the_repository_is_not_read() {
    let secrets = tempfile::tempdir().unwrap();
    let netrc = write(
        secrets.path(),
        "netrc",
        "machine example.org password hunter2-do-not-print\n",
    );
    let dir = tempfile::tempdir().unwrap();
    // Rules a hostile pull request wrote, to have the secret quoted.
    write(
        dir.path(),
        "rules.toml",
        "[[figure]]\nid = \"p\"\nname = \"P\"\nsubjects = [\"password\"]\ncanonical = 100\n",
    );
    write(dir.path(), "drafts/a.md", "The password count is 1000.\n");
    std::os::unix::fs::symlink(&netrc, dir.path().join("drafts/n.md")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("drafts/a.md"),
        dir.path().join("drafts/inside.md"),
    )
    .unwrap();
    // Walked: skipped with a note; the draft inside and the link inside are read.
    let run = figcheck(dir.path(), &["--format", "short", "drafts"]);
    assert!(!run.stdout.contains("hunter2") && !run.stderr.contains("hunter2"));
    assert!(
        run.stderr
            .contains("drafts/n.md: is a link to a file outside the repository"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("drafts/a.md:1"), "{}", run.stdout);
    assert!(run.stdout.contains("drafts/inside.md:1"), "{}", run.stdout);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Named: an error, exit 2, and still not read.
    let run = figcheck(dir.path(), &["--format", "short", "drafts/n.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stdout.contains("hunter2") && !run.stderr.contains("hunter2"));
    // In the HTML report too.
    let run = figcheck(dir.path(), &["--format", "html", "drafts"]);
    assert!(!run.stdout.contains("hunter2"));
}

/// Whether a line of output would be read by a CI runner as a command
/// other than figcheck's own annotations, or holds a character that must
/// never reach a log raw.
fn forged(output: &str) -> Option<String> {
    let own = |part: &str| {
        ["::error file=", "::warning file=", "::notice file="]
            .iter()
            .any(|c| part.starts_with(c))
    };
    for line in output.split(['\n']) {
        // A lone carriage return starts a new log line too.
        for part in line.split('\r') {
            let part = part.trim_start();
            if (part.starts_with("::") && !own(part)) || part.starts_with("##[") {
                return Some(part.to_string());
            }
        }
        if line.contains(['\u{1b}', '\u{7}', '\u{61c}', '\u{202e}'])
            || line.trim_end_matches('\r').contains('\r')
        {
            return Some(line.to_string());
        }
    }
    None
}

#[test]
fn a_rules_file_cannot_forge_a_log_command_or_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", BAD);
    // A syntax error on a line with an OSC sequence, a bell and a lone CR
    // before a workflow command.
    write(
        dir.path(),
        "r.toml",
        "x = 1\n# \u{1b}]0;T\u{7} \r::warning title=forged::x\nbroken = = 1\n",
    );
    let run = figcheck(dir.path(), &["--rules", "r.toml", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(forged(&run.stderr), None, "{}", run.stderr);
    // Names and notes of a rules file that loads, in `rules` and `explain`.
    write(
        dir.path(),
        "r.toml",
        "[[figure]]\nid = \"d\"\nname = \"Deaths \\u001b]0;T\\u0007 \\r::warning::forged\"\nsubjects = [\"died in custody\"]\ncanonical = { value = 367, note = \"##[add-mask]x \\u061c\" }\n",
    );
    for args in [
        &["rules", "--rules", "r.toml"][..],
        &["explain", "--rules", "r.toml", "d"][..],
    ] {
        let run = figcheck(dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(forged(&run.stdout), None, "{args:?}: {}", run.stdout);
        assert!(run.stdout.contains("Deaths"), "{}", run.stdout);
    }
}

#[test]
fn a_file_name_cannot_forge_an_older_log_command() {
    let dir = workspace();
    write(dir.path(), "##[warning]forged.md", BAD);
    write(dir.path(), "\u{61c}b.md", BAD);
    for format in ["human", "short", "github"] {
        let run = figcheck(dir.path(), &["--format", format, "."]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert_eq!(forged(&run.stdout), None, "{format}: {}", run.stdout);
        assert_eq!(forged(&run.stderr), None, "{format}: {}", run.stderr);
    }
}

#[test]
fn a_diff_that_would_print_control_characters_is_not_shown() {
    let dir = workspace();
    write(
        dir.path(),
        "a.md",
        "Rights groups say 376 people have died in custody. \u{1b}[31m \r::warning::x\n",
    );
    write(dir.path(), "b.md", BAD);
    let run = figcheck(dir.path(), &["--diff", "a.md", "b.md"]);
    assert_eq!(forged(&run.stdout), None, "{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'));
    assert!(
        run.stderr
            .contains("a.md: the diff holds control characters and is not shown"),
        "{}",
        run.stderr
    );
    // Must not fire: the other draft's diff is shown, and nothing is written.
    assert!(
        run.stdout.contains("+Rights groups say 367 people"),
        "{}",
        run.stdout
    );
    assert!(std::fs::read_to_string(dir.path().join("a.md"))
        .unwrap()
        .contains("376"));
}

#[test]
fn a_file_name_is_plain_text_in_the_job_summary() {
    let cell = figcheck::render::github::markdown_cell("f<script>x</script>_[a](b)|c.md");
    assert_eq!(
        cell,
        "f&#60;script&#62;x&#60;/script&#62;&#95;&#91;a&#93;(b)&#124;c.md"
    );
    assert_eq!(
        figcheck::render::github::markdown_cell("drafts/a-b.md"),
        "drafts/a-b.md"
    );
}

#[test]
fn a_number_is_read_as_readers_see_it() {
    // Each of these passed unseen: 3<ZWSP>76 was read as 3 and 76, and
    // full-width digits as no number.
    let dir = workspace();
    for (name, draft, written) in [
        (
            "zwsp.md",
            "Rights groups say 3\u{200b}76 people have died in custody.\n",
            "3\u{200b}76",
        ),
        (
            "joiner.md",
            "Rights groups say 3\u{2060}7\u{feff}6 people have died in custody.\n",
            "3\u{2060}7\u{feff}6",
        ),
        (
            "soft.md",
            "Rights groups say 3\u{ad}76 people have died in custody.\n",
            "3\u{ad}76",
        ),
        (
            "wide.md",
            "Rights groups say ３７６ people have died in custody.\n",
            "３７６",
        ),
    ] {
        write(dir.path(), name, draft);
        let run = figcheck(dir.path(), &["--format", "json", name]);
        assert_eq!(run.code, 1, "{name}: {}", run.stdout);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let finding = &json["findings"][0];
        assert_eq!(finding["found"], 376, "{name}");
        // The finding points at the draft's own bytes, hidden ones included.
        let (start, end) = (
            finding["byte_start"].as_u64().unwrap() as usize,
            finding["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&draft[start..end], written, "{name}");
        // --fix does not rewrite it unasked: the bytes are not the number read.
        let run = figcheck(dir.path(), &["--fix", name]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            draft,
            "{name}: {}",
            run.stderr
        );
    }
    // Must not fire: a right figure written the same way, and a zero-width
    // space that is not inside a number.
    write(
        dir.path(),
        "right.md",
        "Rights groups say 3\u{200b}67 people have died in custody.\n",
    );
    write(
        dir.path(),
        "word.md",
        "Rights\u{200b}groups say 367 people have died in custody.\n",
    );
    assert_eq!(figcheck(dir.path(), &["right.md", "word.md"]).code, 0);
}

#[test]
fn a_number_a_bidirectional_control_reorders_is_reported_not_judged() {
    // The bytes say 367, the canonical value, so the claim passed; readers
    // see 763. The other way round, a right figure was flagged.
    let dir = workspace();
    for (name, draft) in [
        (
            "rlo.md",
            "Rights groups say \u{202e}763\u{202c} people have died in custody.\n",
        ),
        (
            "shown-right.md",
            "Rights groups say \u{202e}367\u{202c} people have died in custody.\n",
        ),
        (
            "isolate.md",
            "Rights groups say \u{2067}367 people have died in custody.\n",
        ),
    ] {
        write(dir.path(), name, draft);
        let run = figcheck(dir.path(), &["--format", "json", name]);
        assert_eq!(run.code, 1, "{name}: {}", run.stdout);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let findings = json["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{name}: {findings:?}");
        assert_eq!(findings[0]["code"], "figcheck::hidden-characters", "{name}");
        assert!(findings[0]["fix"].is_null(), "{name}");
    }
    // Must not fire: a left-to-right mark orders nothing, and a control on
    // another line reaches no number here.
    write(
        dir.path(),
        "mark.md",
        "Rights groups say \u{200e}367 people have died in custody.\n\nA \u{202e}note.\n",
    );
    let run = figcheck(dir.path(), &["--format", "short", "mark.md"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn arguments_are_never_echoed_raw() {
    let dir = workspace();
    for args in [
        &["--format", "a\r::warning::forged\u{1b}[31m", "a.md"][..],
        &["--output-file", "r\u{1b}]0;T\u{7}\r::error::x", "a.md"][..],
        &["--jobs", "1\r::warning::x", "a.md"][..],
    ] {
        let run = figcheck(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(forged(&run.stderr), None, "{args:?}: {}", run.stderr);
    }
}

#[test]
fn lines_ended_by_a_carriage_return_alone_are_lines() {
    let dir = workspace();
    write(
        dir.path(),
        "mac.md",
        "# Custody\r\rRights groups say 376 people have died in custody.\r",
    );
    let run = figcheck(dir.path(), &["--format", "short", "mac.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Line 3, not line 1.
    assert!(
        run.stdout.starts_with("mac.md:3:19: error"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("carriage return alone"),
        "{}",
        run.stderr
    );
    // --fix leaves it alone rather than turn its line ends into others.
    figcheck(dir.path(), &["--fix", "mac.md"]);
    assert!(std::fs::read_to_string(dir.path().join("mac.md"))
        .unwrap()
        .contains("376 people have died in custody.\r"));
    // Must not fire: Windows line ends are not old Mac ones.
    write(
        dir.path(),
        "win.md",
        "# Custody\r\n\r\nRights groups say 376 people have died in custody.\r\n",
    );
    let run = figcheck(dir.path(), &["--format", "short", "win.md"]);
    assert!(
        run.stdout.starts_with("win.md:3:19: error"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stderr.contains("carriage return alone"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_interrupted_fix_leaves_no_temporary_file_behind() {
    // Interrupts at three moments of a --fix over large drafts: wherever
    // one lands (reading, checking, or writing a draft), no hidden
    // temporary file may remain, each draft is whole, old or new, and the
    // exit status says whether the run finished (130: interrupted).
    let dir = workspace();
    let draft = BAD.repeat(2_000_000 / BAD.len());
    for i in 0..12 {
        write(dir.path(), &format!("d{i}.md"), &draft);
    }
    let fixed_draft = draft.replace("376", "367");
    for delay in [150, 400, 800] {
        for i in 0..12 {
            write(dir.path(), &format!("d{i}.md"), &draft);
        }
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .args(["--fix", "-q", "-j", "1", "."])
            .current_dir(dir.path())
            .env_clear()
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let output = child.wait_with_output().unwrap();
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".figcheck.tmp"))
            .collect();
        assert!(left.is_empty(), "{delay} ms: left behind {left:?}");
        // Finished, or interrupted and saying so.
        let code = output.status.code();
        assert!(matches!(code, Some(0 | 1 | 130)), "{delay} ms: {code:?}");
        for i in 0..12 {
            let now = std::fs::read_to_string(dir.path().join(format!("d{i}.md"))).unwrap();
            assert!(
                now == draft || now == fixed_draft,
                "{delay} ms: d{i}.md is neither"
            );
        }
    }
}

#[test]
fn a_long_line_that_opens_with_a_blank_after_a_sentence_is_drawn_whole_from_its_start() {
    // Found by fuzzing: the line before ends a sentence, this one opens
    // with a blank, and the excerpt's mark took more columns than the cut.
    let dir = workspace();
    let long = format!(
        "An earlier line ends here.\n {} {}\n",
        BAD.trim_end(),
        "And the paragraph goes on for a long while with words that say nothing much. ".repeat(3)
    );
    write(dir.path(), "a.txt", &long);
    let run = figcheck(dir.path(), &["a.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("╭─[a.txt:2:20]"), "{}", run.stdout);
    // The line's opening blank is no cut: no `…` before the sentence.
    assert!(
        run.stdout
            .contains(" 2 │ Rights groups say 376 people have died in custody. …\n"),
        "{}",
        run.stdout
    );
}

/// Memory stays within a fixed multiple of the draft, plus the output being
/// written. Before: 50 MB of one letter took 11 times its size (every byte
/// where a subject could begin was listed first), and a draft dense with
/// findings in JSON held every item twice over beside the findings (2 GB for
/// 11 MB).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn memory_stays_within_a_multiple_of_the_draft_and_its_output() {
    const MIB: u64 = 1 << 20;
    let dir = tempfile::tempdir().unwrap();
    // The project's own rules: some subject begins with a single letter's
    // worth of text, as many do.
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/rules.toml"),
        dir.path().join("rules.toml"),
    )
    .unwrap();
    let size = 20 * MIB;
    write(dir.path(), "letters.txt", &"a".repeat(size as usize));
    let (code, peak, _) = common::figcheck_peak_memory(dir.path(), &["letters.txt"]);
    assert_eq!(code, 0);
    assert!(
        peak < 3 * size + 40 * MIB,
        "{} MiB for 20 MiB of letters",
        peak / MIB
    );

    // One finding every 28 bytes, in every format that writes findings.
    let dense = "376 people died in custody. ".repeat(40_000);
    let input = dense.len() as u64;
    write(dir.path(), "dense.md", &dense);
    for format in ["human", "json", "sarif", "jsonl"] {
        let (code, peak, written) =
            common::figcheck_peak_memory(dir.path(), &["--format", format, "dense.md"]);
        assert_eq!(code, 1, "{format}");
        assert!(
            peak < written + 40 * input + 40 * MIB,
            "{format}: {} MiB for a {} KiB draft and {} MiB of output",
            peak / MIB,
            input / 1024,
            written / MIB
        );
    }
}
