//! The language server's message loop on any sequence of messages: the
//! fuzzer's bytes read as JSON-RPC messages (one JSON value a line), sent
//! after a well-formed initialisation over an in-memory connection. The
//! server answers or ignores each and returns when the client goes away;
//! it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message, Notification, Request, RequestId};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let messages: Vec<Message> = text
        .lines()
        .filter_map(|line| serde_json::from_str::<Message>(line).ok())
        .collect();
    let (server, client) = Connection::memory();
    let serving = std::thread::spawn(move || figcheck::server::serve(&server));
    let initialize = Request::new(
        RequestId::from(0),
        "initialize".into(),
        serde_json::json!({ "capabilities": {} }),
    );
    let sent = client.sender.send(initialize.into()).is_ok()
        && client
            .sender
            .send(Notification::new("initialized".into(), serde_json::json!({})).into())
            .is_ok();
    if sent {
        for message in messages {
            if client.sender.send(message).is_err() {
                break;
            }
        }
    }
    // The client goes away: the loop ends. Its answers are left unread.
    drop(client);
    let _ = serving.join().expect("the server's loop does not panic");
});
