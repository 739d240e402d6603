//! Where the transport reads the time and how it sleeps.
//!
//! Intercom's `X-RateLimit-Reset` is wall-clock time (unix seconds), so the
//! transport needs a wall clock as well as a way to sleep. Both come through
//! [`Clock`], so tests can run rate-limit and retry scenarios in zero real time
//! with `tokio::time::pause()` and [`TokioClock`].

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

/// A boxed future returned by [`Clock::sleep`].
pub type Sleep = Pin<Box<dyn Future<Output = ()> + Send>>;

/// The time source of a client.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current wall-clock time.
    fn now(&self) -> SystemTime;
    /// A future that completes after `duration`.
    fn sleep(&self, duration: Duration) -> Sleep;
}

/// The real clock: `SystemTime::now()` and `tokio::time::sleep`. The default.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
    fn sleep(&self, duration: Duration) -> Sleep {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// A wall clock that moves with tokio's clock, for tests.
///
/// It reads `start + (tokio::time::Instant::now() - created)`, so under
/// `tokio::time::pause()` the wall clock advances exactly as far as the
/// runtime's paused time does: a test can answer with
/// `X-RateLimit-Reset: <start + 10>` and check that the client waited ten
/// seconds without waiting at all.
#[derive(Debug, Clone, Copy)]
pub struct TokioClock {
    start: SystemTime,
    created: tokio::time::Instant,
}

impl TokioClock {
    /// A clock that reads `start` now. Create it inside the (paused) runtime.
    pub fn starting_at(start: SystemTime) -> Self {
        TokioClock {
            start,
            created: tokio::time::Instant::now(),
        }
    }
}

impl Clock for TokioClock {
    fn now(&self) -> SystemTime {
        self.start + self.created.elapsed()
    }
    fn sleep(&self, duration: Duration) -> Sleep {
        Box::pin(tokio::time::sleep(duration))
    }
}
