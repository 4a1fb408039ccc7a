//! One fetch against a real server: what is sent, and every kind of
//! answer in a person's words.

use super::{error, hearing, load, net, net_with, noon};
use crate::support::server::{Reply, Server};
use dais::fetch::Settings;
use std::io::Write;
use std::time::{Duration, Instant};

#[test]
fn a_programme_at_a_url_loads_and_names_dais() {
    let server = Server::start(|_| Reply::ok(hearing()));
    let dir = tempfile::tempdir().unwrap();
    let opened = load(&server.url("/s.json"), &net(dir.path(), noon)).unwrap();
    assert_eq!(opened.loaded.agenda.sessions.len(), 7);
    assert_eq!(opened.offline, None);
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        seen[0].header("user-agent"),
        Some(concat!("dais/", env!("CARGO_PKG_VERSION")))
    );
    assert!(
        seen[0]
            .header("accept-encoding")
            .unwrap_or("")
            .contains("gzip"),
        "{seen:?}"
    );
    assert_eq!(seen[0].header("if-none-match"), None, "nothing cached yet");
}

#[test]
fn statuses_are_named() {
    let server = Server::start(|seen| match seen.path.as_str() {
        "/gone" => Reply::status(404),
        _ => Reply::status(500),
    });
    let dir = tempfile::tempdir().unwrap();
    let net = net(dir.path(), noon);
    let url = server.url("/gone");
    assert_eq!(error(&url, &net), format!("{url}: HTTP 404 (not found)"));
    let url = server.url("/broken");
    assert_eq!(error(&url, &net), format!("{url}: HTTP 500 (server error)"));
}

#[test]
fn redirects_are_followed_up_to_five_and_a_loop_is_named() {
    let server = Server::start(|seen| match seen.path.as_str() {
        "/old" => Reply::status(301).with("Location", "/new"),
        "/new" => Reply::ok(hearing()),
        "/loop" => Reply::status(302).with("Location", "/loop"),
        p => {
            // /hop/N sends on to /hop/N-1, and /hop/0 to the programme.
            let n: u32 = p.trim_start_matches("/hop/").parse().unwrap();
            let to = if n == 0 {
                "/new".to_owned()
            } else {
                format!("/hop/{}", n - 1)
            };
            Reply::status(302).with("Location", &to)
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let net = net(dir.path(), noon);
    assert!(load(&server.url("/old"), &net).is_ok());
    // Five redirects: /hop/4 to 3, 2, 1, 0, and /new.
    assert!(load(&server.url("/hop/4"), &net).is_ok());
    let url = server.url("/hop/5");
    assert_eq!(
        error(&url, &net),
        format!("{url}: more than 5 redirects (a redirect loop?)")
    );
    let url = server.url("/loop");
    assert_eq!(
        error(&url, &net),
        format!("{url}: more than 5 redirects (a redirect loop?)")
    );
}

#[test]
fn a_gzipped_body_is_unpacked() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(hearing().as_bytes()).unwrap();
    let packed = gz.finish().unwrap();
    assert!(packed.len() < hearing().len() / 2);
    let server = Server::start(move |_| Reply::ok(packed.clone()).with("Content-Encoding", "gzip"));
    let dir = tempfile::tempdir().unwrap();
    let opened = load(&server.url("/s.json"), &net(dir.path(), noon)).unwrap();
    assert_eq!(opened.loaded.agenda.sessions.len(), 7);
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start(|_| Reply {
        delay: Duration::from_secs(4),
        ..Reply::ok(hearing())
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/slow");
    let began = Instant::now();
    assert_eq!(
        error(&url, &net(dir.path(), noon)),
        format!("{url}: timed out (no whole answer within 2 s)")
    );
    assert!(
        began.elapsed() < Duration::from_secs(4),
        "{:?}",
        began.elapsed()
    );
}

#[test]
fn a_body_over_the_limit_is_cut_off_not_read() {
    // 8 MB of one JSON string, against a limit of 64 KiB.
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(8_000_000));
    let server = Server::start(move |_| Reply::ok(big.clone()));
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        max_bytes: 64 * 1024,
        ..Settings::default()
    };
    let url = server.url("/big");
    assert_eq!(
        error(&url, &net_with(dir.path(), noon, settings)),
        format!(
            "{url}: the server sent more than the limit of 65536 bytes; stopped reading (raise it with --max-size)"
        )
    );
}

#[test]
fn a_body_cut_off_half_way_is_named() {
    let server = Server::start(|_| Reply {
        cut_at: Some(hearing().len() / 2),
        ..Reply::ok(hearing())
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/half");
    assert_eq!(
        error(&url, &net(dir.path(), noon)),
        format!("{url}: the connection ended before the whole programme came")
    );
}

#[test]
fn nothing_listening_and_no_such_host_are_named() {
    // A port that was free a moment ago.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let net = net(dir.path(), noon);
    let url = format!("http://127.0.0.1:{port}/s.json");
    assert_eq!(
        error(&url, &net),
        format!("{url}: connection refused (is the server running?)")
    );
    // `.invalid` never resolves (RFC 6761); no network is reached.
    let url = "http://dais-test.invalid/s.json";
    assert_eq!(error(url, &net), format!("{url}: host not found"));
}

#[test]
fn a_page_that_is_not_a_programme_says_what_it_is() {
    let server = Server::start(|_| Reply {
        headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
        ..Reply::ok("<!doctype html><title>Login</title>")
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/login");
    let message = error(&url, &net(dir.path(), noon));
    assert!(
        message.starts_with(&format!(
            "{url}: not a programme: the server sent text/html\n"
        )),
        "{message}"
    );
}

#[test]
fn credentials_in_the_url_are_never_shown() {
    let server = Server::start(|_| Reply::status(403));
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "http://ana:hunter2@127.0.0.1:{}/s.json?token=sekrit&day=2",
        server.port()
    );
    let message = error(&url, &net(dir.path(), noon));
    assert_eq!(
        message,
        format!(
            "http://ana:***@127.0.0.1:{}/s.json?token=***&day=2: HTTP 403 (forbidden)",
            server.port()
        )
    );
    // The server was asked (the credentials are sent, not shown).
    assert_eq!(server.seen().len(), 1);
}
