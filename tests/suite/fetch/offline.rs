//! The cache: conditional requests, the copy when the network fails or
//! with `--offline`, and a bad body never replacing a good copy.

use super::{error, hearing, load, net, noon, panel_3_later, two_pm};
use crate::support::server::{Reply, Server};
use std::sync::{Arc, Mutex};

/// A server whose answer the test can change as it goes.
fn serving(first: Reply) -> (Server, Arc<Mutex<Reply>>) {
    let reply = Arc::new(Mutex::new(first));
    let shared = Arc::clone(&reply);
    let server = Server::start(move |seen| {
        let reply = shared.lock().unwrap().clone();
        // A server with an ETag answers a request that names it with 304.
        let etag = reply.headers.iter().find(|(n, _)| n == "ETag");
        match (etag, seen.header("if-none-match")) {
            (Some((_, e)), Some(asked)) if e == asked => Reply::status(304),
            _ => reply,
        }
    });
    (server, reply)
}

#[test]
fn the_second_fetch_is_conditional_and_a_304_serves_the_copy() {
    let (server, _) = serving(
        Reply::ok(hearing())
            .with("ETag", "\"v1\"")
            .with("Last-Modified", "Wed, 10 Jun 2026 09:00:00 GMT"),
    );
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/s.json");
    load(&url, &net(dir.path(), noon)).unwrap();
    let opened = load(&url, &net(dir.path(), two_pm)).unwrap();
    assert_eq!(opened.loaded.agenda.sessions.len(), 7);
    assert_eq!(opened.offline, None);
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].header("if-none-match"), Some("\"v1\""));
    assert_eq!(
        seen[1].header("if-modified-since"),
        Some("Wed, 10 Jun 2026 09:00:00 GMT")
    );
}

#[test]
fn a_server_gone_away_leaves_the_copy_and_says_how_old_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|_| Reply::ok(hearing()));
    let url = server.url("/s.json");
    load(&url, &net(dir.path(), noon)).unwrap();
    drop(server);
    let opened = load(&url, &net(dir.path(), two_pm)).unwrap();
    assert_eq!(opened.loaded.agenda.sessions.len(), 7);
    assert_eq!(
        opened.offline.as_deref(),
        Some(
            "offline: showing the copy from 2 h ago · connection refused (is the server running?)"
        )
    );
}

#[test]
fn a_server_error_also_leaves_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (server, reply) = serving(Reply::ok(hearing()));
    let url = server.url("/s.json");
    load(&url, &net(dir.path(), noon)).unwrap();
    *reply.lock().unwrap() = Reply::status(503);
    let opened = load(&url, &net(dir.path(), two_pm)).unwrap();
    assert_eq!(
        opened.offline.as_deref(),
        Some("offline: showing the copy from 2 h ago · HTTP 503 (service unavailable)")
    );
}

#[test]
fn an_invalid_programme_after_a_good_one_is_an_error_and_the_copy_stays() {
    let dir = tempfile::tempdir().unwrap();
    let (server, reply) = serving(Reply::ok(hearing()));
    let url = server.url("/s.json");
    load(&url, &net(dir.path(), noon)).unwrap();
    *reply.lock().unwrap() = Reply::ok("{\"format\": \"dais/1\"");
    let message = error(&url, &net(dir.path(), two_pm));
    assert!(
        message.starts_with(&format!("{url}:1:19: malformed JSON")),
        "{message}"
    );
    // The good copy is still the one kept.
    let mut offline = net(dir.path(), two_pm);
    offline.offline = true;
    let opened = load(&url, &offline).unwrap();
    assert_eq!(opened.loaded.agenda.sessions.len(), 7);
}

#[test]
fn offline_never_touches_the_network() {
    let dir = tempfile::tempdir().unwrap();
    let (server, _) = serving(Reply::ok(panel_3_later()));
    let url = server.url("/s.json");
    let mut offline = net(dir.path(), noon);
    offline.offline = true;
    assert_eq!(
        error(&url, &offline),
        format!("{url}: --offline, and there is no cached copy (fetch it once without --offline)")
    );
    load(&url, &net(dir.path(), noon)).unwrap();
    let opened = load(&url, &offline).unwrap();
    assert_eq!(
        opened.offline.as_deref(),
        Some("offline: showing the copy from just now · --offline")
    );
    assert_eq!(server.seen().len(), 1, "only the fetch without --offline");
}

#[test]
fn with_nothing_cached_a_failure_is_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|_| Reply::status(404));
    let url = server.url("/s.json");
    assert_eq!(
        error(&url, &net(dir.path(), noon)),
        format!("{url}: HTTP 404 (not found)")
    );
}
