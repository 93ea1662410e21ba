//! `figcheck server`: a Language Server Protocol server over standard input
//! and output, for editors. It gives the command line's findings as
//! diagnostics while a draft is written, the figure and its accepted values
//! on hover over a claimed number, and code actions: the fix, and a
//! suppression comment. Rules are found as the command line finds them and
//! reloaded when they change; a broken rules file shows its errors in
//! rules.toml and the last good rules stay in use.
//!
//! Checks run on their own threads: typing in a large draft never waits for
//! one, and a result for a version the editor has moved past is dropped.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{self, Notification as _};
use lsp_types::request::{self, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, Hover, HoverContents, HoverParams,
    InitializeParams, Location, MarkupContent, MarkupKind, NumberOrString, Position,
    PublishDiagnosticsParams, Range as LspRange, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};

use crate::check::{describe, Finding};
use crate::markup::Format;
use crate::render::numbers::{how_sure, tier_name};
use crate::rules::{Rules, RulesDiagnostic, RULES_FILE_NAME};
use crate::{Checker, Severity};

/// How long the server waits after the last change to a large draft before
/// checking it, so that a burst of typing is checked once.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// Drafts up to this size are checked as soon as no other message waits:
/// a check of 10 KB takes a few milliseconds, less than a keystroke apart.
const CHECKED_AT_ONCE: usize = 64 * 1024;

/// Runs the server on standard input and output until the client exits.
pub fn run() -> Result<(), String> {
    let (connection, reader, writer) = stdio();
    let served = serve(&connection);
    drop(connection);
    // A reader that stopped at a bad message explains a closed connection.
    reader
        .join()
        .map_err(|_| "the reader thread panicked".to_string())??;
    served?;
    writer
        .join()
        .map_err(|_| "the writer thread panicked".to_string())?
        .map_err(|e| e.to_string())
}

/// The largest message the server reads, in bytes: a draft of 64 MiB, with
/// room to spare. `Content-Length: 99999999999` once aborted the server, which
/// allocated it before reading a byte.
pub const MAX_MESSAGE: usize = 96 << 20;

/// A connection over standard input and output, as `lsp-server` makes one,
/// but reading no message larger than [`MAX_MESSAGE`] and no header line
/// longer than a kilobyte: a client that sends one ends the session with an
/// error. Messages are parsed with `lsp-server`'s own types.
fn stdio() -> (
    Connection,
    std::thread::JoinHandle<Result<(), String>>,
    std::thread::JoinHandle<std::io::Result<()>>,
) {
    let (to_client, outgoing) = crossbeam_channel::bounded::<Message>(0);
    let writer = std::thread::spawn(move || {
        let stdout = std::io::stdout();
        let mut stdout = stdout.lock();
        outgoing.into_iter().try_for_each(|m| m.write(&mut stdout))
    });
    let (incoming, from_client) = crossbeam_channel::bounded::<Message>(0);
    let reader = std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut stdin = stdin.lock();
        while let Some(message) = read_message(&mut stdin)? {
            let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
            if incoming.send(message).is_err() || exit {
                break;
            }
        }
        Ok(())
    });
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    (connection, reader, writer)
}

/// The next message from `input`, `None` at its end.
fn read_message(input: &mut impl std::io::BufRead) -> Result<Option<Message>, String> {
    use std::io::Read as _;
    let mut length = None;
    loop {
        let mut line = Vec::new();
        let read = std::io::BufRead::read_until(&mut input.by_ref().take(1024), b'\n', &mut line)
            .map_err(|e| e.to_string())?;
        if read == 0 {
            return Ok(None);
        }
        if !line.ends_with(b"\r\n") {
            return Err("a header line of the client is malformed or over 1 KiB".into());
        }
        let line = String::from_utf8_lossy(&line[..line.len() - 2]).into_owned();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let length = length.ok_or("a message of the client has no valid Content-Length")?;
    if length > MAX_MESSAGE {
        return Err(format!(
            "a message of the client is {length} bytes long, over the {MAX_MESSAGE} the server reads"
        ));
    }
    let mut body = Vec::with_capacity(length);
    input
        .by_ref()
        .take(length as u64)
        .read_to_end(&mut body)
        .map_err(|e| e.to_string())?;
    if body.len() < length {
        return Ok(None);
    }
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|e| format!("a message of the client is not JSON-RPC: {e}"))
}

/// Serves one client over `connection` until it exits or goes away: the
/// initialisation, then every message. The fuzz target drives it in memory.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp_types::CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let capabilities = serde_json::to_value(capabilities).map_err(|e| e.to_string())?;
    let init = initialize(connection, capabilities)?;
    let params: InitializeParams = serde_json::from_value(init).unwrap_or_default();
    let rules_option = params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("rules"))
        .and_then(|r| r.as_str())
        .map(PathBuf::from);
    let mut server = Server {
        connection,
        rules_option,
        documents: HashMap::new(),
        rules: HashMap::new(),
        published: Arc::new(Mutex::new(HashMap::new())),
        latest: Arc::new(Mutex::new(HashMap::new())),
        workers: Workers::new(REQUEST_WORKERS),
        checks: Workers::new(CHECK_WORKERS),
        dirty: Vec::new(),
    };
    server.serve()
}

/// The client went away: the session ends.
const GONE: &str = "the client closed the connection";

/// The handshake that opens a session, as `lsp-server`'s own but never
/// panicking when the client has gone (the fuzz target found that one): the
/// `initialize` request's parameters, once answered with `capabilities` and
/// acknowledged with `initialized`. A request before it is answered with
/// ServerNotInitialized, as the protocol says.
fn initialize(
    connection: &Connection,
    capabilities: serde_json::Value,
) -> Result<serde_json::Value, String> {
    let (id, params) = loop {
        match connection.receiver.recv().map_err(|_| GONE)? {
            Message::Request(r) if r.method == "initialize" => break (r.id, r.params),
            Message::Request(r) => {
                let refused = Response::new_err(
                    r.id,
                    lsp_server::ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialised yet".into(),
                );
                connection.sender.send(refused.into()).map_err(|_| GONE)?;
            }
            Message::Notification(n) if n.method == "exit" => return Err(GONE.into()),
            _ => {}
        }
    };
    let answer = Response::new_ok(id, serde_json::json!({ "capabilities": capabilities }));
    connection.sender.send(answer.into()).map_err(|_| GONE)?;
    loop {
        match connection.receiver.recv().map_err(|_| GONE)? {
            Message::Notification(n) if n.method == "initialized" => return Ok(params),
            Message::Notification(n) if n.method == "exit" => return Err(GONE.into()),
            // Anything else before `initialized` is left unanswered.
            _ => {}
        }
    }
}

/// After `shutdown` has been answered: every further request is answered
/// InvalidRequest, as the protocol says, until `exit` (or the client goes).
fn shut_down(connection: &Connection) -> Result<(), String> {
    loop {
        match connection.receiver.recv() {
            Ok(Message::Notification(n)) if n.method == "exit" => return Ok(()),
            Ok(Message::Request(r)) => {
                let refused = Response::new_err(
                    r.id,
                    lsp_server::ErrorCode::InvalidRequest as i32,
                    "the server is shutting down".into(),
                );
                let _ = connection.sender.send(refused.into());
            }
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
}

/// Threads answering hovers and code actions.
const REQUEST_WORKERS: usize = 2;
/// Threads checking drafts.
const CHECK_WORKERS: usize = 2;

type Job = Box<dyn FnOnce() + Send>;

/// A fixed number of threads that run jobs in the order they come. A
/// thread a request once let 100 hovers on a 5 MB draft start 104 threads
/// and take 1.3 GB. The threads end when the server does: dropping the
/// workers closes their queue and waits for the job each is running (the
/// server fuzz target found threads outliving the session they served).
struct Workers {
    jobs: Option<crossbeam_channel::Sender<Job>>,
    threads: Vec<std::thread::JoinHandle<()>>,
    /// Set when the server ends: jobs still queued are dropped, not run.
    stopping: Arc<std::sync::atomic::AtomicBool>,
}

impl Workers {
    fn new(threads: usize) -> Workers {
        let (jobs, queue) = crossbeam_channel::unbounded::<Job>();
        let stopping = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let threads = (0..threads)
            .map(|_| {
                let queue = queue.clone();
                let stopping = Arc::clone(&stopping);
                std::thread::spawn(move || {
                    for job in queue {
                        if stopping.load(std::sync::atomic::Ordering::Relaxed) {
                            continue;
                        }
                        // A job that panics takes no thread with it.
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                    }
                })
            })
            .collect();
        Workers {
            jobs: Some(jobs),
            threads,
            stopping,
        }
    }

    fn run(&self, job: impl FnOnce() + Send + 'static) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Box::new(job));
        }
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        // No more jobs, and none of those queued: each thread ends once
        // the job it is running does.
        self.stopping
            .store(true, std::sync::atomic::Ordering::Relaxed);
        self.jobs.take();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

struct Document {
    text: Arc<String>,
    version: i32,
}

/// The rules for drafts under one rules file: the last good ones, and when
/// the file was read.
struct LoadedRules {
    checker: Option<Arc<Checker>>,
    modified: Option<SystemTime>,
    /// Whether errors read from disk are shown in the file (to clear them).
    showing_errors: bool,
}

struct Server<'a> {
    connection: &'a Connection,
    /// `initializationOptions.rules`: one rules file for every draft.
    rules_option: Option<PathBuf>,
    documents: HashMap<Uri, Document>,
    rules: HashMap<PathBuf, LoadedRules>,
    /// The version each document's published diagnostics are for.
    published: Arc<Mutex<HashMap<Uri, i32>>>,
    /// The latest version the editor sent of each document.
    latest: Arc<Mutex<HashMap<Uri, i32>>>,
    /// Threads that answer hovers and code actions, and threads that check
    /// drafts: a fixed few, however many requests and edits arrive.
    workers: Workers,
    checks: Workers,
    dirty: Vec<Uri>,
}

impl Server<'_> {
    fn serve(&mut self) -> Result<(), String> {
        loop {
            let message = if self.dirty.is_empty() {
                match self.connection.receiver.recv() {
                    Ok(message) => message,
                    Err(_) => return Ok(()),
                }
            } else if self.all_dirty_small() {
                // Messages already waiting first (a burst of edits is
                // checked once), then the check at once.
                match self.connection.receiver.try_recv() {
                    Ok(message) => message,
                    Err(crossbeam_channel::TryRecvError::Empty) => {
                        self.check_dirty();
                        continue;
                    }
                    Err(_) => return Ok(()),
                }
            } else {
                match self.connection.receiver.recv_timeout(DEBOUNCE) {
                    Ok(message) => message,
                    Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => {
                        self.check_dirty();
                        continue;
                    }
                    Err(_) => return Ok(()),
                }
            };
            match message {
                Message::Request(request) => {
                    if request.method == "shutdown" {
                        self.send(Message::Response(Response::new_ok(request.id, ())));
                        return shut_down(self.connection);
                    }
                    self.request(request);
                }
                Message::Notification(notification) => self.notification(notification),
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    /// Answers hover and code actions on the request workers, from the
    /// document as it is now: a large draft never holds up the next message.
    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let sender = self.connection.sender.clone();
        let answer = move |value: Option<serde_json::Value>| {
            let response = match value {
                Some(value) => Response::new_ok(id.clone(), value),
                None => Response::new_err(
                    id.clone(),
                    lsp_server::ErrorCode::InvalidParams as i32,
                    "invalid parameters".into(),
                ),
            };
            let _ = sender.send(Message::Response(response));
        };
        match request.method.as_str() {
            request::HoverRequest::METHOD => {
                let Ok(params) = serde_json::from_value::<HoverParams>(request.params) else {
                    return answer(None);
                };
                let uri = params
                    .text_document_position_params
                    .text_document
                    .uri
                    .clone();
                let Some((checker, text)) = self.document(&uri) else {
                    return answer(Some(serde_json::Value::Null));
                };
                self.workers.run(move || {
                    let hover = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        hover(&checker, &text, &uri, &params)
                    }));
                    answer(Some(
                        serde_json::to_value(hover.ok().flatten()).unwrap_or_default(),
                    ));
                });
            }
            request::CodeActionRequest::METHOD => {
                let Ok(params) = serde_json::from_value::<CodeActionParams>(request.params) else {
                    return answer(None);
                };
                let uri = params.text_document.uri.clone();
                let Some((checker, text)) = self.document(&uri) else {
                    return answer(Some(serde_json::json!([])));
                };
                self.workers.run(move || {
                    let actions = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        code_actions(&checker, &text, &uri, &params)
                    }));
                    answer(Some(
                        serde_json::to_value(actions.unwrap_or_default()).unwrap_or_default(),
                    ));
                });
            }
            _ => {
                self.send(Message::Response(Response::new_err(
                    request.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("figcheck does not answer {}", request.method),
                )));
            }
        }
    }

    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(
                    notification.params,
                ) {
                    let document = p.text_document;
                    self.changed(document.uri, document.text, document.version);
                }
            }
            notification::DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(
                    notification.params,
                ) {
                    // Full synchronisation: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        self.changed(p.text_document.uri, change.text, p.text_document.version);
                    }
                }
            }
            notification::DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(
                    notification.params,
                ) {
                    self.mark(p.text_document.uri);
                }
            }
            notification::DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(
                    notification.params,
                ) {
                    let uri = p.text_document.uri;
                    self.documents.remove(&uri);
                    self.publish(uri, Vec::new(), None);
                }
            }
            _ => {}
        }
    }

    fn changed(&mut self, uri: Uri, text: String, version: i32) {
        self.latest
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(uri.clone(), version);
        self.documents.insert(
            uri.clone(),
            Document {
                text: Arc::new(text),
                version,
            },
        );
        self.mark(uri);
    }

    /// Whether every document waiting for a check is small enough to check
    /// without waiting for more edits.
    fn all_dirty_small(&self) -> bool {
        self.dirty.iter().all(|uri| {
            self.documents
                .get(uri)
                .is_none_or(|d| d.text.len() <= CHECKED_AT_ONCE)
        })
    }

    fn mark(&mut self, uri: Uri) {
        if !self.dirty.contains(&uri) {
            self.dirty.push(uri);
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        publish(&self.connection.sender, uri, diagnostics, version);
    }

    /// Checks every document changed since the last check: rules files
    /// first, so that drafts are checked with the rules as they now are.
    fn check_dirty(&mut self) {
        let mut dirty = std::mem::take(&mut self.dirty);
        dirty.sort_by_key(|uri| !is_rules_file(uri));
        for uri in dirty {
            if is_rules_file(&uri) {
                self.check_rules_document(&uri);
            } else {
                self.check_draft(&uri);
            }
        }
    }

    /// A rules file open in the editor: its errors as diagnostics, and its
    /// rules, when they load, for every draft under it.
    fn check_rules_document(&mut self, uri: &Uri) {
        let Some(document) = self.documents.get(uri) else {
            return;
        };
        let Some(path) = path_of(uri) else { return };
        match Rules::parse(&document.text, &path) {
            Ok(rules) => {
                let diagnostics = rules
                    .warnings
                    .iter()
                    .map(|w| rules_diagnostic(&document.text, w))
                    .collect();
                self.publish(uri.clone(), diagnostics, Some(document.version));
                self.rules.insert(
                    path,
                    LoadedRules {
                        checker: Some(Arc::new(Checker::new(rules))),
                        modified: None,
                        showing_errors: false,
                    },
                );
                // Every open draft may read differently now.
                let drafts: Vec<Uri> = self
                    .documents
                    .keys()
                    .filter(|u| !is_rules_file(u))
                    .cloned()
                    .collect();
                for draft in drafts {
                    self.check_draft(&draft);
                }
            }
            Err(errors) => {
                let diagnostics = errors
                    .0
                    .iter()
                    .map(|e| rules_diagnostic(&document.text, e))
                    .collect();
                self.publish(uri.clone(), diagnostics, Some(document.version));
            }
        }
    }

    /// The checker for a draft: the rules named in the initialization
    /// options, or the nearest rules.toml above the draft; reloaded from disk
    /// when the file changed, unless the editor has it open.
    fn checker_for(&mut self, uri: &Uri) -> Option<Arc<Checker>> {
        let path = match &self.rules_option {
            Some(path) => path.clone(),
            None => {
                let draft = path_of(uri)?;
                Rules::discover(draft.parent()?)?
            }
        };
        let open = self
            .documents
            .keys()
            .any(|u| path_of(u).as_deref() == Some(path.as_path()));
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        let loaded = self.rules.entry(path.clone()).or_insert(LoadedRules {
            checker: None,
            modified: None,
            showing_errors: false,
        });
        // An open rules file is read from the editor (`check_rules_document`);
        // from disk only until it first loads there.
        if loaded.checker.is_none() || (!open && loaded.modified != modified) {
            loaded.modified = modified;
            // A rules file that does not load keeps the last good rules, and
            // shows its errors in itself.
            let (diagnostics, checker) = match Rules::load(&path) {
                Ok(rules) => (Vec::new(), Some(Arc::new(Checker::new(rules)))),
                Err(errors) => {
                    // Only a regular file of a rules file's size is read
                    // again to show its errors: a FIFO would block the loop.
                    let readable = std::fs::metadata(&path)
                        .is_ok_and(|m| m.is_file() && m.len() <= crate::rules::MAX_RULES_BYTES);
                    let text = if readable {
                        std::fs::read_to_string(&path).unwrap_or_default()
                    } else {
                        String::new()
                    };
                    let shown = errors
                        .0
                        .iter()
                        .map(|e| rules_diagnostic(&text, e))
                        .collect();
                    (shown, None)
                }
            };
            if checker.is_some() {
                loaded.checker = checker;
            }
            let checker = loaded.checker.clone();
            let shown = !diagnostics.is_empty();
            if shown || loaded.showing_errors {
                loaded.showing_errors = shown;
                if let Some(rules_uri) = uri_of(&path) {
                    self.publish(rules_uri, diagnostics, None);
                }
            }
            return checker;
        }
        loaded.checker.clone()
    }

    fn check_draft(&mut self, uri: &Uri) {
        let Some(checker) = self.checker_for(uri) else {
            self.publish(uri.clone(), Vec::new(), None);
            return;
        };
        let Some(document) = self.documents.get(uri) else {
            return;
        };
        let (text, version) = (document.text.clone(), document.version);
        let uri = uri.clone();
        let sender = self.connection.sender.clone();
        let published = self.published.clone();
        let latest = self.latest.clone();
        let superseded = move |uri: &Uri| {
            latest
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(uri)
                .is_some_and(|&v| v > version)
        };
        self.checks.run(move || {
            // The editor has moved on while this check waited: skip it.
            if superseded(&uri) {
                return;
            }
            let format = Format::of_path(uri.path().as_str());
            let findings = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                checker.check_document(format, &text)
            }))
            .unwrap_or_default();
            let diagnostics = findings
                .iter()
                .map(|f| diagnostic(&uri, &text, f, &checker))
                .collect();
            let mut published = published.lock().unwrap_or_else(|e| e.into_inner());
            // A newer version was checked first, or is waiting: keep the
            // editor's diagnostics for the version it has.
            if published.get(&uri).is_some_and(|&v| v > version) || superseded(&uri) {
                return;
            }
            published.insert(uri.clone(), version);
            publish(&sender, uri, diagnostics, Some(version));
        });
    }

    /// The checker and the analysis of a document, for hover and actions.
    fn document(&mut self, uri: &Uri) -> Option<(Arc<Checker>, Arc<String>)> {
        let text = self.documents.get(uri)?.text.clone();
        Some((self.checker_for(uri)?, text))
    }
}

/// The figure, the verdict and the accepted values of the claim under the
/// cursor; nothing where the cursor is on no claim.
fn hover(checker: &Checker, text: &str, uri: &Uri, params: &HoverParams) -> Option<Hover> {
    let at = offset(text, params.text_document_position_params.position);
    let format = Format::of_path(uri.path().as_str());
    let analysis = checker.analyse_document(format, text);
    let claim = analysis.claims.iter().find(|c| {
        let span = &analysis.numbers[c.number].span;
        span.start <= at && at <= span.end
    })?;
    let number = &analysis.numbers[claim.number];
    let locale = analysis
        .lang
        .as_ref()
        .map_or(crate::locale::Locale::ENGLISH, crate::locale::Locale::of);
    let rules = checker.rules();
    let figure = &rules.figures[claim.figure];
    let findings = checker.check_document(format, text);
    let verdict = findings
        .iter()
        .filter(|f| f.span == number.span && f.figure == Some(claim.figure))
        .map(|f| format!("**{}**: {}\n\nhelp: {}", f.code.as_str(), f.message, f.help))
        .collect::<Vec<_>>();
    let lowest = checker.lowest_tier();
    let verdict = if claim.tier < lowest {
        crate::tr!(
            locale,
            "hover-unjudged",
            tier = tier_name(claim.tier, locale),
            lowest = tier_name(lowest, locale)
        )
    } else if verdict.is_empty() {
        match claim.modality {
            crate::attribute::Modality::Forecast => crate::tr!(locale, "hover-forecast"),
            crate::attribute::Modality::PartOfYear => crate::tr!(locale, "hover-part-of-year"),
            _ => crate::tr!(locale, "hover-accepted", found = &text[number.span.clone()]),
        }
    } else {
        verdict.join("\n\n")
    };
    let values: Vec<String> = figure
        .allowed
        .iter()
        .map(|v| {
            let value = describe(v, figure.unit, locale);
            if v.canonical {
                format!("- {}", crate::tr!(locale, "hover-canonical", value = value))
            } else {
                format!("- {value}")
            }
        })
        .collect();
    let markdown = format!(
        "**{}** (`{}`)\n\n{verdict}\n\n{}\n\n{}\n{}",
        figure.name,
        figure.id,
        crate::tr!(locale, "hover-tier", why = how_sure(claim, locale)),
        crate::tr!(locale, "hover-values"),
        values.join("\n")
    );
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(range(text, &number.span)),
    })
}

/// The fixes and suppressions for the findings in the requested range.
fn code_actions(
    checker: &Checker,
    text: &str,
    uri: &Uri,
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let format = Format::of_path(uri.path().as_str());
    let wanted = offset(text, params.range.start)..offset(text, params.range.end);
    let mut actions = Vec::new();
    for finding in checker.check_document(format, text) {
        let span = &finding.span;
        if span.end < wanted.start || span.start > wanted.end {
            continue;
        }
        let diagnostic = diagnostic(uri, text, &finding, checker);
        if let Some(fix) = &finding.fix {
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: range(text, &e.span),
                    new_text: e.content.clone(),
                })
                .collect();
            let safe = fix.applicability == crate::fix::Applicability::Safe;
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: if safe {
                    fix.message.clone()
                } else {
                    format!("{} (unsafe: check the sentence)", fix.message)
                },
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(workspace_edit(uri, edits)),
                is_preferred: Some(safe),
                ..CodeAction::default()
            }));
        }
        if let Some(figure) = finding.figure {
            let id = &checker.rules().figures[figure].id;
            let at = block_start(text, span.start);
            let comment = match format {
                Format::Text => format!("# figcheck-ignore {id}\n"),
                Format::Markdown | Format::Html => format!("<!-- figcheck-ignore {id} -->\n"),
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Ignore {id} here"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(workspace_edit(
                    uri,
                    vec![TextEdit {
                        range: range(text, &(at..at)),
                        new_text: comment,
                    }],
                )),
                ..CodeAction::default()
            }));
        }
    }
    actions
}

fn publish(
    sender: &crossbeam_channel::Sender<Message>,
    uri: Uri,
    diagnostics: Vec<Diagnostic>,
    version: Option<i32>,
) {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    let _ = sender.send(Message::Notification(Notification::new(
        notification::PublishDiagnostics::METHOD.to_string(),
        params,
    )));
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn is_rules_file(uri: &Uri) -> bool {
    uri.path()
        .as_str()
        .ends_with(&format!("/{RULES_FILE_NAME}"))
}

/// The file a `file:` URI names.
fn path_of(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().is_none_or(|s| s.as_str() != "file") {
        return None;
    }
    let path = uri.path().as_str();
    let mut bytes = Vec::with_capacity(path.len());
    let mut rest = path.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' && tail.len() >= 2 {
            if let Ok(byte) = u8::from_str_radix(std::str::from_utf8(&tail[..2]).ok()?, 16) {
                bytes.push(byte);
                rest = &tail[2..];
                continue;
            }
        }
        bytes.push(b);
        rest = tail;
    }
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

/// The `file:` URI of a path.
fn uri_of(path: &std::path::Path) -> Option<Uri> {
    format!("file://{}", crate::render::sarif::uri_path(path.to_str()?))
        .parse()
        .ok()
}

/// The start of the block (paragraph) holding `at`: after the last blank
/// line before it, or the start of the text.
fn block_start(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let mut line_start = before.rfind('\n').map_or(0, |i| i + 1);
    while line_start > 0 {
        let previous_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        if text[previous_start..line_start - 1].trim().is_empty() {
            break;
        }
        line_start = previous_start;
    }
    line_start
}

/// A byte offset as an LSP position: a line and a column in UTF-16 code units.
fn position(text: &str, at: usize) -> Position {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count();
    let column: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    Position::new(line as u32, column as u32)
}

fn range(text: &str, span: &Range<usize>) -> LspRange {
    LspRange::new(position(text, span.start), position(text, span.end))
}

/// An LSP position as a byte offset (clamped to the line and the text).
fn offset(text: &str, position: Position) -> usize {
    let mut line_start = 0;
    for _ in 0..position.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let mut units = 0;
    for (i, c) in text[line_start..line_end].char_indices() {
        if units >= position.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_end
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Advice => DiagnosticSeverity::INFORMATION,
    }
}

/// A finding as the editor shows it: the command line's code and message,
/// the help on its own line, and for an inconsistency the other claims.
fn diagnostic(uri: &Uri, text: &str, finding: &Finding, checker: &Checker) -> Diagnostic {
    let related = (finding.code == crate::Code::Inconsistent).then(|| {
        finding
            .labels
            .iter()
            .map(|label| DiagnosticRelatedInformation {
                location: Location::new(uri.clone(), range(text, &label.span)),
                message: label.text.clone(),
            })
            .collect()
    });
    let figure = finding
        .figure
        .map(|i| format!(" ({})", checker.rules().figures[i].id))
        .unwrap_or_default();
    Diagnostic {
        range: range(text, &finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.as_str().to_string())),
        source: Some("figcheck".into()),
        message: format!("{}{figure}\nhelp: {}", finding.message, finding.help),
        related_information: related,
        ..Diagnostic::default()
    }
}

/// An error or warning about a rules file, in the rules file.
fn rules_diagnostic(text: &str, problem: &RulesDiagnostic) -> Diagnostic {
    let span = problem.labels.first().map_or(0..0, |l| l.0.clone());
    let span = span.start.min(text.len())..span.end.min(text.len());
    let mut message = problem.message.clone();
    if let Some(help) = &problem.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    Diagnostic {
        range: range(text, &span),
        severity: Some(severity(problem.severity)),
        code: Some(NumberOrString::String(problem.code.to_string())),
        source: Some("figcheck".into()),
        message,
        ..Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_come_back() {
        let text = "a “quoted” 😀 376\nsecond line";
        let at = text.find("376").unwrap();
        let p = position(text, at);
        assert_eq!(p, Position::new(0, 14));
        assert_eq!(offset(text, p), at);
        assert_eq!(offset(text, Position::new(1, 3)), text.find("ond").unwrap());
        assert_eq!(offset(text, Position::new(9, 0)), text.len());
    }

    proptest::proptest! {
        /// Every character boundary of any text survives the trip through
        /// an LSP position, and no position, however far out, panics.
        #[test]
        fn positions_round_trip(text in "[a-z \n\r“😀é\u{0}]{0,60}", line in 0u32..8, character in 0u32..90) {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(offset(&text, position(&text, at)), at);
            }
            let far = offset(&text, Position::new(line, character));
            proptest::prop_assert!(text.is_char_boundary(far));
        }
    }

    #[test]
    fn file_uris_and_paths_match() {
        let path = PathBuf::from("/drafts/año 2025/rules.toml");
        let uri = uri_of(&path).unwrap();
        assert_eq!(uri.as_str(), "file:///drafts/a%C3%B1o%202025/rules.toml");
        assert_eq!(path_of(&uri), Some(path));
    }

    #[test]
    fn the_block_start_is_after_the_last_blank_line() {
        let text = "# Title\n\nFirst line\nsecond 376 line\n\nNext";
        assert_eq!(
            block_start(text, text.find("376").unwrap()),
            text.find("First").unwrap()
        );
        assert_eq!(block_start("376 at once", 0), 0);
    }
}
