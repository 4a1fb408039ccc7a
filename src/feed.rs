//! A worker's line to the event loop. Each worker (the file watcher, the
//! fetcher) sends its own message type; the loop says, when it starts the
//! worker, how each message becomes one of its events. So the loop depends
//! on its workers and never the reverse.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

/// Sends a worker's messages of type `T` to whoever listens.
pub struct Feed<T> {
    send: Arc<dyn Fn(T) -> Result<(), Gone> + Send + Sync>,
}

/// The listener has gone: the worker can stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gone;

impl<T: 'static> Feed<T> {
    /// A feed into `tx`, each message made into the listener's type by
    /// `map`.
    pub fn new<E: Send + 'static>(tx: Sender<E>, map: fn(T) -> E) -> Self {
        Feed {
            send: Arc::new(move |msg| tx.send(map(msg)).map_err(|_| Gone)),
        }
    }

    /// A feed and the receiver its messages arrive on as they are.
    pub fn channel() -> (Self, Receiver<T>)
    where
        T: Send,
    {
        let (tx, rx) = mpsc::channel();
        (Feed::new(tx, |msg| msg), rx)
    }

    /// Sends `msg`; [`Gone`] if nobody listens any more.
    pub fn send(&self, msg: T) -> Result<(), Gone> {
        (self.send)(msg)
    }
}

impl<T> Clone for Feed<T> {
    fn clone(&self) -> Self {
        Feed {
            send: Arc::clone(&self.send),
        }
    }
}

impl<T> std::fmt::Debug for Feed<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Feed")
    }
}

#[cfg(test)]
mod tests {
    use super::{Feed, Gone};
    use std::sync::mpsc;

    #[test]
    fn messages_arrive_mapped_and_a_gone_listener_is_told() {
        let (tx, rx) = mpsc::channel::<String>();
        let feed: Feed<u32> = Feed::new(tx, |n| format!("#{n}"));
        feed.clone().send(7).unwrap();
        assert_eq!(rx.recv().unwrap(), "#7");
        drop(rx);
        assert_eq!(feed.send(8), Err(Gone));
    }
}
