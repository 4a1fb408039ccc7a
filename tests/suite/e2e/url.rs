//! A programme at a URL in the real binary: fetched from a server the
//! test starts, `r` fetches again, `c` lists what changed, and a server
//! gone away leaves the copy with a banner saying so.

#![cfg(unix)]

use crate::support::pty::{Dais, Spawn};
use crate::support::server::{Reply, Server};
use std::sync::{Arc, Mutex};

const HEARING: &str = include_str!("../../../data/hearing-2017-06-23.json");

#[test]
fn r_fetches_again_c_lists_the_move_and_a_dead_server_leaves_the_copy() {
    let body = Arc::new(Mutex::new(HEARING.to_owned()));
    let served = Arc::clone(&body);
    let server = Server::start(move |_| Reply::ok(served.lock().unwrap().clone()));
    let cache = tempfile::tempdir().unwrap();
    let url = server.url("/schedule.json");
    let mut how = Spawn::dais(&[&url]);
    let cache_dir = cache.path().to_str().unwrap().to_owned();
    how.env.push(("XDG_CACHE_HOME".into(), cache_dir));
    let mut d = Dais::start(&how);
    d.wait_for("┏ Programme · 7 sessions");
    d.wait_for(" 15:00-16:25 ");
    *body.lock().unwrap() = HEARING.replacen("\"start\": \"15:00\"", "\"start\": \"15:15\"", 1);
    d.send("r");
    d.wait_for("Updated: Panel 3 moved from 15:00 to 15:15");
    d.wait_for(" 15:15-16:25 ");
    d.send("c");
    d.wait_for("Changes since you last looked · 1 moved");
    d.wait_for("~ Panel 3 moved from 15:00 to 15:15");
    drop(server);
    d.send("r");
    d.wait_for("offline: showing the copy from just now · connection refused");
    d.send("q");
    d.wait_exit().unwrap();
}
