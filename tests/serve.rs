//! `figcheck serve` end to end: the process started as a desk would start
//! it, spoken to over HTTP as LanguageTool's clients and the page do.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use common::{write, CUSTODY_RULES as RULES};

/// A running `figcheck serve`, stopped when dropped.
struct Serve {
    child: Child,
    address: String,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(dir: &std::path::Path, args: &[&str]) -> Serve {
    let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .arg("serve")
        .args(["--port", "0"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("figcheck serve starts");
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let address = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    Serve { child, address }
}

/// One HTTP request: the status, the headers (lowercase names) and the body.
fn http(address: &str, method: &str, path: &str, body: &[u8]) -> (u16, String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    // A server that refuses a body unread may close before taking it all.
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase(), body.to_string())
}

fn form(pairs: &[(&str, &str)]) -> Vec<u8> {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        for b in v.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(b as char),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
    }
    out.into_bytes()
}

const SLIP: &str = "Rights groups say 376 people have died in custody.";

fn matches(address: &str, text: &str) -> Vec<serde_json::Value> {
    let (status, _, body) = http(
        address,
        "POST",
        "/v2/check",
        &form(&[("text", text), ("language", "en-US")]),
    );
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    json["matches"].as_array().unwrap().clone()
}

#[test]
fn the_api_answers_as_languagetool_does_on_localhost() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    let server = serve(dir.path(), &[]);
    // Bound to the loopback address unless told otherwise.
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
    let found = matches(&server.address, SLIP);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["offset"], 18);
    assert_eq!(found[0]["length"], 3);
    assert_eq!(found[0]["rule"]["id"], "FIGCHECK_MISMATCH");
    assert_eq!(found[0]["replacements"][0]["value"], "367");
    // GET with a query, as some clients send it.
    let (status, _, body) = http(
        &server.address,
        "GET",
        "/v2/check?text=376%20died%20in%20custody",
        b"",
    );
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("FIGCHECK_MISMATCH"), "{body}");
    // No match for a right figure, nor for other numbers.
    assert!(matches(
        &server.address,
        "Rights groups say 367 people have died in custody."
    )
    .is_empty());
    assert!(matches(&server.address, "The museum has 376 paintings.").is_empty());
    // A request without text is an error, not a crash; the server goes on.
    let (status, _, _) = http(&server.address, "POST", "/v2/check", b"language=en");
    assert_eq!(status, 400);
    let (status, _, _) = http(&server.address, "GET", "/nothing", b"");
    assert_eq!(status, 404);
    let (status, _, body) = http(&server.address, "GET", "/v2/languages", b"");
    assert_eq!(status, 200);
    assert!(body.contains("\"es\""), "{body}");
    assert_eq!(matches(&server.address, SLIP).len(), 1);
}

#[test]
fn the_page_loads_nothing_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    let server = serve(dir.path(), &[]);
    let (status, head, page) = http(&server.address, "GET", "/", b"");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(
        head.contains("content-security-policy: default-src 'self'"),
        "{head}"
    );
    assert!(page.contains("<textarea"), "{page}");
    for external in ["<script src", "<link", "http://", "https://", "@import"] {
        assert!(!page.contains(external), "the page loads {external}");
    }
}

#[test]
fn a_request_larger_than_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    let server = serve(dir.path(), &["--max-request-kib", "1"]);
    let long = format!("{SLIP} {}", "word ".repeat(400));
    let (status, _, body) = http(
        &server.address,
        "POST",
        "/v2/check",
        &form(&[("text", &long)]),
    );
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("larger than"), "{body}");
    // One under the limit is checked.
    assert_eq!(matches(&server.address, SLIP).len(), 1);
}

#[test]
fn the_rules_are_read_again_when_their_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    let server = serve(dir.path(), &[]);
    assert_eq!(matches(&server.address, SLIP).len(), 1);
    // The desk corrects the figure: 376 is now right.
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(dir.path(), "rules.toml", &RULES.replace("367", "376"));
    assert!(matches(&server.address, SLIP).is_empty());
    // A change that breaks the file keeps the rules read before.
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(dir.path(), "rules.toml", "[[figure]\nid = ");
    assert!(matches(&server.address, SLIP).is_empty());
    assert_eq!(
        matches(
            &server.address,
            "Rights groups say 367 people have died in custody."
        )
        .len(),
        1
    );
}

#[test]
fn a_change_to_a_file_the_rules_extend_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules.toml",
        "[settings]\nextend = [\"stories/*.toml\"]\n\n[[figure]]\nid = \"rate\"\nname = \"Rate\"\nsubjects = [\"homicide rate\"]\ncanonical = 1.9\n",
    );
    write(dir.path(), "stories/custody.toml", RULES);
    let server = serve(dir.path(), &[]);
    assert_eq!(matches(&server.address, SLIP).len(), 1);
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(
        dir.path(),
        "stories/custody.toml",
        &RULES.replace("367", "376"),
    );
    assert!(matches(&server.address, SLIP).is_empty());
}

#[test]
fn a_word_draft_opened_on_the_page_gives_its_text_to_check() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    let server = serve(dir.path(), &[]);
    let document = common::docx(&["The count", SLIP]);
    let (status, _, body) = http(
        &server.address,
        "POST",
        "/extract?name=draft.docx",
        &document,
    );
    assert_eq!(status, 200, "{body}");
    let text = serde_json::from_str::<serde_json::Value>(&body).unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string();
    // A paragraph a block, as figcheck reads a Word draft.
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(paragraphs, ["The count", SLIP]);
    assert_eq!(matches(&server.address, &text).len(), 1);
    // A file that only calls itself a Word document is refused, plainly.
    let (status, _, body) = http(
        &server.address,
        "POST",
        "/extract?name=draft.docx",
        b"not a zip",
    );
    assert_eq!(status, 400);
    assert!(body.contains("draft.docx cannot be read"), "{body}");
}

#[test]
fn a_check_past_the_time_limit_is_answered_with_an_error_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.toml", RULES);
    let server = serve(
        dir.path(),
        &["--time-limit", "1", "--max-request-kib", "16384"],
    );
    // Eight megabytes dense with slips: seconds of work, past one second.
    let long = format!("{SLIP} ").repeat(160_000);
    let started = std::time::Instant::now();
    let (status, _, body) = http(
        &server.address,
        "POST",
        "/v2/check",
        &form(&[("text", &long)]),
    );
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("longer than 1 s"), "{body}");
    // The answer came at the limit, not when the check ended.
    let answered = started.elapsed();
    // The other worker still answers.
    assert_eq!(matches(&server.address, SLIP).len(), 1);
    assert!(
        answered < std::time::Duration::from_secs(30),
        "{answered:?}"
    );
}
