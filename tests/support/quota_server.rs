//! A server that enforces one quota, in windows aligned on a shared clock,
//! and counts what it accepted in each window: the yardstick for pacing
//! tests. Included with `#[path]` by the test files that need it.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use intercom_api::{Clock, Sleep};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Virtual time starts on a whole second, so the first window is a full one.
pub const T0: u64 = 1_750_000_000;

/// Real time for in-flight requests to land before a virtual sleep ends.
pub const SETTLE: Duration = Duration::from_millis(25);

/// A wall clock that only moves when someone sleeps on it (as in
/// tests/bulk.rs): a sleep ends at `now + d` as read when it starts, after
/// [`SETTLE`] of real time, so requests in flight reach the server in the
/// window they were sent in.
///
/// It also never moves while a "gate" is held (see [`VirtualClock::gate`]):
/// a call that takes real time but should take none in virtual time (a
/// store round trip) holds it, and reads the time inside it.
#[derive(Debug, Clone)]
pub struct VirtualClock {
    now: Arc<Mutex<SystemTime>>,
    gate: Arc<AtomicUsize>,
}

impl VirtualClock {
    pub fn new() -> Self {
        VirtualClock {
            now: Arc::new(Mutex::new(UNIX_EPOCH + Duration::from_secs(T0))),
            gate: Arc::new(AtomicUsize::new(0)),
        }
    }
    /// Virtual time since [`T0`].
    pub fn elapsed(&self) -> Duration {
        self.now()
            .duration_since(UNIX_EPOCH + Duration::from_secs(T0))
            .unwrap_or_default()
    }
    /// Move the clock forward by hand.
    pub fn advance(&self, d: Duration) {
        *self.now.lock().unwrap() += d;
    }
    /// Hold the clock still until the guard drops.
    pub fn gate(&self) -> Gate {
        self.gate.fetch_add(1, Ordering::SeqCst);
        Gate(Arc::clone(&self.gate))
    }
}

/// See [`VirtualClock::gate`].
pub struct Gate(Arc<AtomicUsize>);

impl Drop for Gate {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> SystemTime {
        *self.now.lock().unwrap()
    }
    fn sleep(&self, d: Duration) -> Sleep {
        let deadline = self.now() + d;
        let (now, gate) = (Arc::clone(&self.now), Arc::clone(&self.gate));
        Box::pin(async move {
            tokio::time::sleep(SETTLE).await;
            loop {
                {
                    let mut now = now.lock().unwrap();
                    if gate.load(Ordering::SeqCst) == 0 {
                        *now = (*now).max(deadline);
                        return;
                    }
                }
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        })
    }
}

#[derive(Debug, Default)]
struct Counts {
    /// Requests accepted in window `k` (`[k * window, (k + 1) * window)`).
    accepted: BTreeMap<u64, u32>,
    throttled: u64,
}

/// The quota: `limit` requests per aligned window of `window_secs`.
#[derive(Clone)]
struct Quota {
    limit: u32,
    window_secs: u64,
    clock: Arc<dyn Clock>,
    counts: Arc<Mutex<Counts>>,
}

impl Respond for Quota {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let secs = self
            .clock
            .now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs();
        let k = secs / self.window_secs;
        let mut counts = self.counts.lock().unwrap();
        let used = counts.accepted.entry(k).or_default();
        let reset = ((k + 1) * self.window_secs).to_string();
        let (status, remaining) = if *used >= self.limit {
            counts.throttled += 1;
            (429, 0)
        } else {
            *used += 1;
            (200, self.limit - *used)
        };
        let body = if status == 200 {
            serde_json::json!({"type": "admin", "id": "1"})
        } else {
            serde_json::json!({"type": "error.list",
                "errors": [{"code": "rate_limit_exceeded", "message": "Exceeded rate limit"}]})
        };
        ResponseTemplate::new(status)
            .set_body_json(body)
            .insert_header("x-ratelimit-limit", self.limit.to_string().as_str())
            .insert_header("x-ratelimit-remaining", remaining.to_string().as_str())
            .insert_header("x-ratelimit-reset", reset.as_str())
    }
}

/// A server on 127.0.0.1 answering every GET under one quota.
pub struct QuotaServer {
    pub server: MockServer,
    limit: u32,
    counts: Arc<Mutex<Counts>>,
}

impl QuotaServer {
    pub async fn start(limit: u32, window_secs: u64, clock: Arc<dyn Clock>) -> Self {
        let server = MockServer::start().await;
        let counts = Arc::new(Mutex::new(Counts::default()));
        Mock::given(method("GET"))
            .respond_with(Quota {
                limit,
                window_secs,
                clock,
                counts: Arc::clone(&counts),
            })
            .mount(&server)
            .await;
        QuotaServer {
            server,
            limit,
            counts,
        }
    }

    /// Requests accepted in each window that saw any, in order.
    pub fn per_window(&self) -> Vec<u32> {
        self.counts
            .lock()
            .unwrap()
            .accepted
            .values()
            .copied()
            .collect()
    }

    pub fn accepted(&self) -> u32 {
        self.per_window().iter().sum()
    }

    pub fn throttled(&self) -> u64 {
        self.counts.lock().unwrap().throttled
    }

    /// The share of the quota used in the least-used full window (every
    /// window but the last, which may be only partly needed).
    pub fn worst_full_window(&self) -> f64 {
        let w = self.per_window();
        let full = &w[..w.len().saturating_sub(1)];
        full.iter()
            .copied()
            .min()
            .map_or(0.0, |m| f64::from(m) / f64::from(self.limit))
    }
}
