//! `figcheck server` as an editor drives it: the real binary over standard
//! input and output, spoken to in JSON-RPC with the messages an LSP client
//! sends (initialize, open, change, hover, code action, a rules change,
//! broken then fixed, shutdown and exit), every answer read back into its
//! `lsp-types` type, as a client would.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

mod common;

const RULES: &str = common::CUSTODY_RULES;

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: i64,
    /// Notifications that arrived while waiting for something else.
    seen: Vec<Value>,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .arg("server")
            .current_dir(dir)
            .env_clear()
            .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || read_messages(stdout, sender));
        Client {
            child,
            stdin,
            messages,
            next_id: 1,
            seen: Vec::new(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// A server started in `dir`, through its handshake with no options.
    fn initialized(dir: &Path) -> Client {
        let mut client = Client::start(dir);
        client.request("initialize", json!({"processId": null, "capabilities": {}}));
        client.notify("initialized", json!({}));
        client
    }

    /// Shuts the server down as an editor does; it must exit cleanly.
    fn shut_down(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        assert!(self.child.wait().unwrap().success());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) {
                assert!(message.get("error").is_none(), "{message}");
                return message["result"].clone();
            }
            self.seen.push(message);
        }
    }

    fn receive(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        if let Some(i) = self.seen.iter().position(|m| is_diagnostics_for(m, uri)) {
            let m = self.seen.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let message = self.receive();
            if is_diagnostics_for(&message, uri) {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.seen.push(message);
        }
    }
}

fn is_diagnostics_for(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

fn read_messages(stdout: ChildStdout, sender: mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
            return;
        }
    }
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn an_editor_session() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("rules.toml"), RULES).unwrap();
    let draft = root.join("draft.md");
    let draft_uri = uri_of(&draft);
    let mut client = Client::start(&root);

    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri_of(&root), "capabilities": {}}),
    );
    let init: lsp_types::InitializeResult = serde_json::from_value(init).unwrap();
    assert_eq!(
        init.capabilities.hover_provider,
        Some(lsp_types::HoverProviderCapability::Simple(true))
    );
    assert_eq!(
        init.capabilities.code_action_provider,
        Some(lsp_types::CodeActionProviderCapability::Simple(true))
    );
    client.notify("initialized", json!({}));

    // Open: the command line's finding, as a diagnostic on the number.
    let text = "# Custody\n\nRights groups say 376 people have died in custody.\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": draft_uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&draft_uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let typed: lsp_types::Diagnostic = serde_json::from_value(diagnostics[0].clone()).unwrap();
    assert_eq!(typed.severity, Some(lsp_types::DiagnosticSeverity::ERROR));
    assert_eq!(typed.source.as_deref(), Some("figcheck"));
    let d = &diagnostics[0];
    assert_eq!(d["code"], "figcheck::mismatch");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["range"]["start"], json!({"line": 2, "character": 18}));
    assert_eq!(d["range"]["end"], json!({"line": 2, "character": 21}));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("help: use 367 (Cristosal)"),
        "{d}"
    );

    // Hover on the number: the figure, the verdict and the accepted values.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft_uri}, "position": {"line": 2, "character": 19}}),
    );
    let typed: lsp_types::Hover = serde_json::from_value(hover.clone()).unwrap();
    assert!(matches!(
        typed.contents,
        lsp_types::HoverContents::Markup(_)
    ));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("**Deaths in custody** (`deaths-in-custody`)"),
        "{shown}"
    );
    assert!(shown.contains("figcheck::mismatch"), "{shown}");
    assert!(shown.contains("- 367 (Cristosal) (canonical)"), "{shown}");
    // And how sure figcheck is that the number is about the figure.
    assert!(shown.contains("How sure: firm "), "{shown}");
    // Hover on a word that is no claim says nothing.
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft_uri}, "position": {"line": 2, "character": 3}}),
    );
    assert_eq!(nothing, Value::Null);

    // Code actions: the fix, and a suppression comment.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": draft_uri},
               "range": {"start": {"line": 2, "character": 19}, "end": {"line": 2, "character": 19}},
               "context": {"diagnostics": []}}),
    );
    let typed: Vec<lsp_types::CodeActionOrCommand> =
        serde_json::from_value(actions.clone()).unwrap();
    assert!(typed
        .iter()
        .all(|a| matches!(a, lsp_types::CodeActionOrCommand::CodeAction(_))));
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Use 367", "Ignore deaths-in-custody here"]);
    let edit = &actions[0]["edit"]["changes"][&draft_uri][0];
    assert_eq!(edit["newText"], "367");
    assert_eq!(edit["range"]["start"], json!({"line": 2, "character": 18}));
    let ignore = &actions[1]["edit"]["changes"][&draft_uri][0];
    assert_eq!(
        ignore["newText"],
        "<!-- figcheck-ignore deaths-in-custody -->\n"
    );
    assert_eq!(ignore["range"]["start"], json!({"line": 2, "character": 0}));

    // Change: the draft corrected, the diagnostic gone.
    let fixed = text.replace("376", "367");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": draft_uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert_eq!(client.diagnostics(&draft_uri), Vec::<Value>::new());

    // The rules change in the editor: broken, its errors show in rules.toml
    // and the draft keeps the last good rules; then a new value, and the
    // draft is checked again with it.
    let rules_uri = uri_of(&root.join("rules.toml"));
    let broken = RULES.replace("canonical = 367", "canonical = \"367\"\nwindw = 3");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": rules_uri, "languageId": "toml", "version": 1, "text": broken}}),
    );
    let rules_errors = client.diagnostics(&rules_uri);
    let codes: Vec<&str> = rules_errors
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "figcheck::rules::wrong-type",
            "figcheck::rules::unknown-key"
        ]
    );
    let changed = RULES.replace("canonical = 367", "canonical = 376");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": rules_uri, "version": 2}, "contentChanges": [{"text": changed}]}),
    );
    assert_eq!(client.diagnostics(&rules_uri), Vec::<Value>::new());
    let diagnostics = client.diagnostics(&draft_uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("367 is below the accepted value"),
        "{diagnostics:?}"
    );

    // Shutdown and exit: the server ends cleanly.
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

#[test]
fn a_spanish_draft_is_read_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("rules.toml"), RULES).unwrap();
    let draft_uri = uri_of(&root.join("nota.md"));
    let mut client = Client::start(&root);
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri_of(&root), "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    // The draft names its language: 3.760 is three thousand seven hundred
    // and sixty, and the Spanish phrase names the figure.
    let text = "---\nlang: es\n---\nAl menos 3.760 personas murieron bajo custodia.\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": draft_uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&draft_uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "figcheck::mismatch");
    assert_eq!(d["range"]["start"], json!({"line": 3, "character": 9}));
    assert_eq!(d["range"]["end"], json!({"line": 3, "character": 14}));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("3.760 está por encima del valor aceptado"),
        "{d}"
    );
    // The hover speaks Spanish too, values written as the draft writes them.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft_uri}, "position": {"line": 3, "character": 10}}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("Valores aceptados:"), "{shown}");
    assert!(shown.contains("(canónico)"), "{shown}");
    // "Al menos 3.760" meets none of the figure's values: probable at most.
    assert!(shown.contains("Grado de certeza: probable "), "{shown}");
    assert!(
        shown.contains("no coincide con ninguno de los valores"),
        "{shown}"
    );
    assert!(!shown.contains("Accepted values"), "{shown}");
    client.shut_down();
}

/// A claim below the tier reported is shown with the evidence that put it
/// there, and not called accepted: it was never judged.
#[test]
fn the_hover_on_a_weak_claim_says_it_is_not_judged_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("rules.toml"), RULES).unwrap();
    let uri = uri_of(&root.join("a.md"));
    let mut client = Client::initialized(&root);
    // A count of one day, and a part: 376 is no statement of the total.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
            "text": "On Sunday alone, 376 people died in custody.\n"}}),
    );
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 18}}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("Not judged: this claim is weak, and likely claims and above are reported."),
        "{shown}"
    );
    assert!(shown.contains("How sure: weak "), "{shown}");
    assert!(
        shown.contains("− a day or other short time bounds the count"),
        "{shown}"
    );
    assert!(!shown.contains("is accepted"), "{shown}");
    client.shut_down();
}

#[test]
fn bad_input_never_crashes_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("rules.toml"), RULES).unwrap();
    let mut client = Client::initialized(&root);
    // Hover on a document never opened, params of the wrong shape, an
    // unknown method, a position far past the end.
    let uri = uri_of(&root.join("x.md"));
    assert_eq!(
        client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
        ),
        Value::Null
    );
    client.send(json!({"jsonrpc": "2.0", "id": 90, "method": "textDocument/hover", "params": {"nonsense": true}}));
    client.send(json!({"jsonrpc": "2.0", "id": 91, "method": "figcheck/unknown", "params": {}}));
    let mut answered = 0;
    while answered < 2 {
        let message = client.receive();
        if message.get("id").is_some() {
            assert!(message.get("error").is_some(), "{message}");
            answered += 1;
        }
    }
    let text = "\u{0}\u{feff}<!-- 376 died in custody 𞟰 0.0𞟰\r\n".repeat(50);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    client.diagnostics(&uri);
    let far = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4000, "character": 99}}),
    );
    assert_eq!(far, Value::Null);
    client.shut_down();
}

#[test]
fn a_broken_rules_file_on_disk_shows_its_errors_in_itself() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(
        root.join("rules.toml"),
        RULES.replace("canonical = 367", "canonical = \"367\""),
    )
    .unwrap();
    let mut client = Client::initialized(&root);
    let draft_uri = uri_of(&root.join("draft.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": draft_uri, "languageId": "markdown", "version": 1,
               "text": "Rights groups say 376 people have died in custody.\n"}}),
    );
    let rules = client.diagnostics(&uri_of(&root.join("rules.toml")));
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert_eq!(rules[0]["code"], "figcheck::rules::wrong-type");
    // No good rules yet: the draft gets no diagnostics rather than wrong ones.
    assert_eq!(client.diagnostics(&draft_uri), Vec::<Value>::new());
    // Fixed on disk: the next change of the draft is checked with it.
    std::fs::write(root.join("rules.toml"), RULES).unwrap();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": draft_uri, "version": 2},
               "contentChanges": [{"text": "Rights groups say 376 people have died in custody.\n\n"}]}),
    );
    assert_eq!(
        client.diagnostics(&uri_of(&root.join("rules.toml"))),
        Vec::<Value>::new()
    );
    let draft = client.diagnostics(&draft_uri);
    assert_eq!(draft.len(), 1, "{draft:?}");
    client.shut_down();
}

/// The number of threads process `pid` runs now.
fn threads_of(pid: u32) -> usize {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn a_hundred_hovers_use_a_fixed_few_threads_and_old_versions_are_not_published() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("rules.toml"), RULES).unwrap();
    let mut client = Client::initialized(&root);
    let uri = uri_of(&root.join("big.md"));
    let text = "Rights groups say 376 people have died in custody. ".repeat(4_000);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    client.diagnostics(&uri);
    // A hundred hovers at once: each used to start a thread of its own.
    let first = client.next_id;
    for i in 0..100 {
        client.send(json!({"jsonrpc": "2.0", "id": first + i, "method": "textDocument/hover",
            "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 19 + 52 * (i % 50)}}}));
    }
    client.next_id += 100;
    let most = (0..20).map(|_| {
        std::thread::sleep(Duration::from_millis(5));
        threads_of(client.child.id())
    });
    let most = most.max().unwrap();
    let mut answered = 0;
    while answered < 100 {
        if client.receive().get("id").is_some() {
            answered += 1;
        }
    }
    assert!(most <= 12, "{most} threads for 100 hovers");
    // Ten edits in a row: the diagnostics published last are for the last.
    for version in 2..12 {
        let edited = text.replacen("376", &format!("3{version:02}"), 1);
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}),
        );
    }
    let mut last_version = None;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while last_version != Some(11) && std::time::Instant::now() < deadline {
        let message = client.receive();
        if is_diagnostics_for(&message, &uri) {
            let version = message["params"]["version"].as_i64();
            // Never one for a version older than the last published.
            assert!(
                version >= last_version,
                "{version:?} after {last_version:?}"
            );
            last_version = version;
        }
    }
    assert_eq!(last_version, Some(11));
    client.shut_down();
}

#[test]
fn a_message_too_large_to_read_ends_the_session_with_an_error_not_a_crash() {
    // Each once aborted or panicked the server: it allocated the length
    // before reading a byte.
    for length in ["99999999999", "18446744073709551615", "1000000000"] {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .arg("server")
            .current_dir(dir.path())
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        write!(stdin, "Content-Length: {length}\r\n\r\n{{").unwrap();
        stdin.flush().unwrap();
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{length}: {:?}",
            output.status
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("the server reads") || stderr.contains("Content-Length"),
            "{length}: {stderr}"
        );
    }
}

#[test]
fn a_request_after_shutdown_is_answered_as_the_protocol_says() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("rules.toml"), RULES).unwrap();
    let mut client = Client::start(&root);
    // A request before initialisation is refused, not a reason to exit.
    client.send(json!({"jsonrpc": "2.0", "id": 70, "method": "textDocument/hover", "params": {}}));
    let refused = client.receive();
    assert_eq!(refused["id"], 70);
    assert_eq!(refused["error"]["code"], -32002, "{refused}");
    client.request("initialize", json!({"processId": null, "capabilities": {}}));
    client.notify("initialized", json!({}));
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    // Before, the server exited here; now it answers InvalidRequest.
    client.send(json!({"jsonrpc": "2.0", "id": 71, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}}}));
    let answer = client.receive();
    assert_eq!(answer["id"], 71);
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}

#[cfg(unix)]
#[test]
fn rules_that_are_a_fifo_never_block_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let fifo = root.join("rules.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut client = Client::start(&root);
    client.request(
        "initialize",
        json!({"processId": null, "capabilities": {}, "initializationOptions": {"rules": fifo.to_str().unwrap()}}),
    );
    client.notify("initialized", json!({}));
    let uri = uri_of(&root.join("a.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
            "text": "Rights groups say 376 people have died in custody.\n"}}),
    );
    // Before, reading the FIFO to show its errors blocked the loop, and
    // nothing more was ever answered.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 19}}),
    );
    assert_eq!(hover, Value::Null);
    client.shut_down();
}

/// The editor's rules are the command line's: the nearest rules.toml above
/// each draft (tests/discovery.rs runs the same trees through the CLI).
#[test]
fn each_draft_takes_the_nearest_rules_as_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    common::write(&root, "rules.toml", RULES);
    common::write(
        &root,
        "story/rules.toml",
        &RULES.replace("canonical = 367", "canonical = 376"),
    );
    let text = "Rights groups say 376 people have died in custody.\n";
    let mut client = Client::initialized(&root);
    for (draft, expected) in [("a.md", 1), ("story/deep/b.md", 0)] {
        let uri = uri_of(&root.join(draft));
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
        let diagnostics = client.diagnostics(&uri);
        assert_eq!(diagnostics.len(), expected, "{draft}: {diagnostics:?}");
    }
    client.shut_down();
}
