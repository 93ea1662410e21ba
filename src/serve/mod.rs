//! `figcheck serve`: a small HTTP server for the desk, started with its
//! rules. It speaks LanguageTool's `/v2/check` API, so a client that lets
//! its user name a LanguageTool server (LTeX, the Obsidian plugin,
//! LanguageTool's own browser add-on) shows figcheck's findings with no
//! plugin of ours; and it serves a page where an editor pastes or opens a
//! draft and sees each finding highlighted as they type.
//!
//! Bounded everywhere: it listens on localhost unless told otherwise, a
//! fixed pool of workers takes the requests (the rest wait in the queue),
//! a request body larger than the limit is refused unread, a check that
//! outlasts the time limit is answered with an error (its worker is free
//! again only when the check ends, so the pool stays the pool), and the
//! rules are read again when their file changes.

mod languagetool;

use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{mpsc, Arc, RwLock};
use std::time::{Duration, SystemTime};

use tiny_http::{Header, Method, Request, Response, Server};

use crate::{Checker, Rules};

pub use languagetool::{check_request, CheckRequest};

/// The page for editors, with its style and script inline: nothing is
/// loaded from elsewhere, and it works offline.
const PAGE: &str = include_str!("page.html");

/// How the server is started.
#[derive(Debug, Clone)]
pub struct Options {
    /// The rules file; read again whenever it changes.
    pub rules: PathBuf,
    /// Where to listen: `127.0.0.1:8081` unless told otherwise.
    pub address: SocketAddr,
    /// How many requests are served at once.
    pub workers: usize,
    /// The largest request body taken, in bytes.
    pub max_body: usize,
    /// How long a check may take before its request is answered with an error.
    pub time_limit: Duration,
}

/// The rules in force, and the state of their files when they were read.
struct Desk {
    path: PathBuf,
    modified: Vec<Option<SystemTime>>,
    checker: Arc<Checker>,
}

/// A server bound to its address, not yet serving.
pub struct Serving {
    server: Arc<Server>,
    options: Options,
    desk: RwLock<Desk>,
}

/// When each file of the rules was last changed: the main file's, and
/// those it extends (a change to a story's file is a change to the rules).
fn modified(main: &std::path::Path, rules: Option<&Rules>) -> Vec<Option<SystemTime>> {
    let stamp = |path: &std::path::Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut stamps = vec![stamp(main)];
    if let Some(rules) = rules {
        stamps.extend(rules.files.iter().skip(1).map(|f| stamp(&f.path)));
    }
    stamps
}

/// Binds the address and reads the rules; the errors say what failed.
pub fn bind(options: Options, rules: Rules) -> Result<Serving, String> {
    let server = Server::http(options.address)
        .map_err(|e| format!("cannot listen on {}: {e}", options.address))?;
    let desk = Desk {
        path: options.rules.clone(),
        modified: modified(&options.rules, Some(&rules)),
        checker: Arc::new(Checker::new(rules)),
    };
    Ok(Serving {
        server: Arc::new(server),
        options,
        desk: RwLock::new(desk),
    })
}

impl Serving {
    /// The address it listens on (the port chosen, for port 0).
    pub fn address(&self) -> Option<SocketAddr> {
        self.server.server_addr().to_ip()
    }

    /// Serves until the process ends; `log` hears of rules read again or
    /// refused.
    pub fn run(&self, log: &(dyn Fn(&str) + Sync)) {
        std::thread::scope(|scope| {
            for _ in 0..self.options.workers.max(1) {
                scope.spawn(|| {
                    while let Ok(request) = self.server.recv() {
                        self.answer(request, log);
                    }
                });
            }
        });
    }

    /// The checker for the rules as their file now stands: read again when
    /// the file changed; the rules in force are kept when it does not load.
    fn checker(&self, log: &(dyn Fn(&str) + Sync)) -> Arc<Checker> {
        let desk = self.desk.read().unwrap_or_else(|e| e.into_inner());
        let now = modified(&desk.path, Some(desk.checker.rules()));
        if now == desk.modified {
            return Arc::clone(&desk.checker);
        }
        drop(desk);
        let mut desk = self.desk.write().unwrap_or_else(|e| e.into_inner());
        if now != desk.modified {
            desk.modified = now;
            match Rules::load(&desk.path) {
                Ok(rules) => {
                    // The files it extends may have changed too.
                    desk.modified = modified(&desk.path, Some(&rules));
                    desk.checker = Arc::new(Checker::new(rules));
                    log(&format!("rules read again from {}", desk.path.display()));
                }
                Err(errors) => log(&format!(
                    "{} changed but does not load ({} errors, the first: {}); the rules read before stay in force",
                    desk.path.display(),
                    errors.0.len(),
                    errors.first().message
                )),
            }
        }
        Arc::clone(&desk.checker)
    }

    fn answer(&self, mut request: Request, log: &(dyn Fn(&str) + Sync)) {
        let url = request.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let method = request.method().clone();
        let response = match (&method, path) {
            (Method::Get, "/" | "/index.html") => page(),
            (Method::Get, "/v2/languages") => json(200, &languagetool::languages()),
            (Method::Options, _) => Reply::empty(204),
            (Method::Get | Method::Post, "/v2/check") => match self.body(&mut request) {
                Err(reply) => reply,
                Ok(body) => {
                    let form: String = if method == Method::Get {
                        query.to_string()
                    } else {
                        String::from_utf8_lossy(&body).into_owned()
                    };
                    match check_request(&form) {
                        Err(message) => error(400, &message),
                        Ok(asked) => {
                            let (reply, running) = self.check(asked, log);
                            let _ = request.respond(reply.into_response());
                            // This worker takes no other request until a
                            // check past its time limit is over.
                            if let Some(running) = running {
                                let _ = running.join();
                            }
                            return;
                        }
                    }
                }
            },
            (Method::Post, "/extract") => match self.body(&mut request) {
                Err(reply) => reply,
                Ok(body) => {
                    let name = form_value(query, "name").unwrap_or_default();
                    match extract(&name, &body, self.options.max_body as u64) {
                        Ok(text) => json(200, &serde_json::json!({ "text": text })),
                        Err(message) => error(400, &message),
                    }
                }
            },
            _ => error(
                404,
                "no such page: figcheck serves /, /v2/check and /v2/languages",
            ),
        };
        let _ = request.respond(response.into_response());
    }

    /// The request's body, refused unread when it says it is larger than
    /// the limit, and cut off when it proves larger.
    fn body(&self, request: &mut Request) -> Result<Vec<u8>, Reply> {
        let limit = self.options.max_body;
        let too_large = || {
            error(
                413,
                &format!("the text is larger than figcheck serve takes ({limit} bytes)"),
            )
        };
        if request.body_length().is_some_and(|n| n > limit) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        request
            .as_reader()
            .take(limit as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| error(400, &format!("the request could not be read: {e}")))?;
        if body.len() > limit {
            return Err(too_large());
        }
        Ok(body)
    }

    /// Checks on a thread of its own, waiting at most the time limit for
    /// it: the reply, and the check still running when the limit passed.
    fn check(
        &self,
        asked: CheckRequest,
        log: &(dyn Fn(&str) + Sync),
    ) -> (Reply, Option<std::thread::JoinHandle<()>>) {
        let checker = self.checker(log);
        let (sender, receiver) = mpsc::channel();
        let worker = std::thread::spawn(move || {
            let _ = sender.send(languagetool::answer(&checker, &asked));
        });
        match receiver.recv_timeout(self.options.time_limit) {
            Ok(answer) => {
                let _ = worker.join();
                (json(200, &answer), None)
            }
            Err(_) => (
                error(
                    503,
                    &format!(
                        "the check took longer than {} s; try a shorter text",
                        self.options.time_limit.as_secs_f64()
                    ),
                ),
                Some(worker),
            ),
        }
    }
}

/// A reply before it is sent.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: String,
}

impl Reply {
    fn empty(status: u16) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: String::new(),
        }
    }

    fn into_response(self) -> Response<std::io::Cursor<Vec<u8>>> {
        let header = |name: &str, value: &str| {
            Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
        };
        Response::from_string(self.body)
            .with_status_code(self.status)
            .with_header(header("Content-Type", self.content_type))
            // LanguageTool's clients call from a browser add-on's origin.
            .with_header(header("Access-Control-Allow-Origin", "*"))
            .with_header(header("Access-Control-Allow-Headers", "Content-Type"))
            .with_header(header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
            ))
            .with_header(header("X-Content-Type-Options", "nosniff"))
    }
}

fn page() -> Reply {
    Reply {
        status: 200,
        content_type: "text/html; charset=utf-8",
        body: PAGE.to_string(),
    }
}

fn json(status: u16, value: &impl serde::Serialize) -> Reply {
    Reply {
        status,
        content_type: "application/json",
        body: serde_json::to_string(value).expect("a reply serialises"),
    }
}

fn error(status: u16, message: &str) -> Reply {
    Reply {
        status,
        content_type: "text/plain; charset=utf-8",
        body: format!("{message}\n"),
    }
}

/// The value of `key` in a form-encoded `query`.
fn form_value(query: &str, key: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// The text of a draft opened on the page, named `name`: a Word or
/// OpenDocument file's paragraphs, an HTML page's prose, any other file's
/// text as it is.
pub fn extract(name: &str, bytes: &[u8], limit: u64) -> Result<String, String> {
    let lower = name.to_lowercase();
    if let Some(kind) = crate::document::Kind::of_path(&lower) {
        return crate::document::text(bytes, kind, limit)
            .map_err(|e| format!("{name} cannot be read: {e}"));
    }
    let text = String::from_utf8_lossy(bytes);
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return Ok(crate::markup::prose(crate::markup::Format::Html, &text)
            .text
            .into_owned());
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests;
