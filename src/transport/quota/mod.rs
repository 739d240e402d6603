//! One rate-limit quota shared by many processes (replicas, workers, cron
//! jobs) that use the same Intercom app.
//!
//! By default each [`Client`](crate::Client) paces itself from the
//! `X-RateLimit-*` headers it sees, which is right for one process. Several
//! processes with the same app token each think the whole window is theirs
//! and together send into `429`s. Give each of their clients the same
//! [`SharedQuota`] (a [`QuotaStore`] and the same key names) and they take
//! every request's permit from one budget in the store, and share what any
//! of them learns from the headers.
//!
//! - [`QuotaStore`] is one method: apply the latest report and take a
//!   permit, atomically, in one round trip. [`Window`] holds the rule, so a
//!   backend is storage plus atomicity: [`MemoryStore`] (one process, for
//!   tests), `RedisStore` (feature `redis`), or one file of your own.
//! - Every store call has a short timeout. When the store fails, the client
//!   paces on its own headers (or fails, see [`OnStoreFailure`]), counts it
//!   in [`SharedQuotaStats`], emits a `tracing` event (feature `tracing`),
//!   and asks the store again after [`SharedQuota::retry_after`].
//!
//! ```no_run
//! # #[cfg(feature = "redis")]
//! # fn run() -> Result<(), intercom_api::Error> {
//! use intercom_api::quota::{RedisStore, SharedQuota};
//!
//! let store = RedisStore::new("redis://127.0.0.1:6379/0")?;
//! let quota = SharedQuota::new(store, "billing-sync", "ws_abc123");
//! let client = intercom_api::Client::builder()
//!     .token(std::env::var("INTERCOM_ACCESS_TOKEN").unwrap_or_default())
//!     .shared_quota(quota.clone())
//!     .build()?;
//! println!("store failures so far: {}", quota.stats().store_failures);
//! # Ok(()) }
//! ```

mod memory;
#[cfg(feature = "redis")]
mod redis;
mod window;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub use memory::MemoryStore;
#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use redis::RedisStore;
pub use window::{DEFAULT_LEN_MS, EDGE_MS, Grant, Report, SKEW_HOLD_MS, Window};

/// The future a [`QuotaStore`] returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Where the shared budget lives.
///
/// An implementation loads the [`Window`] under `key` (or
/// `Window::default()` when there is none), applies `report` if given, then
/// [`Window::take`], stores the window back to expire after
/// [`Window::ttl_ms`], and returns the grant: **all as one atomic step**, so
/// two processes never take the same permit. The client bounds every call
/// with its own timeout.
pub trait QuotaStore: Send + Sync + fmt::Debug {
    /// Apply `report`, then take a permit from the window under `key`.
    ///
    /// # Errors
    /// A [`StoreError`] when the store cannot be reached or answers
    /// something unexpected; the client then paces per process.
    fn take<'a>(
        &'a self,
        key: &'a str,
        now_ms: u64,
        report: Option<Report>,
    ) -> StoreFuture<'a, Grant>;
}

/// A store call that failed. Its message never holds a password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(String);

impl StoreError {
    /// An error with this message (which must not hold secrets).
    pub fn new(message: impl Into<String>) -> Self {
        StoreError(message.into())
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// What the client does when the store fails or is too slow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum OnStoreFailure {
    /// Pace on this process's own headers until the store is back (the
    /// default): no request is refused, but replicas may together overrun
    /// the window and be answered `429` (which is retried).
    #[default]
    FallBack,
    /// Fail the call with [`Error::QuotaStore`](crate::Error::QuotaStore).
    Fail,
}

/// What the shared quota did, since it was created (all clients using it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SharedQuotaStats {
    /// Permits the store granted.
    pub shared_permits: u64,
    /// Store calls that failed or timed out.
    pub store_failures: u64,
    /// Permits taken from per-process pacing because the store was down.
    pub fallback_permits: u64,
    /// Times sharing resumed after a failure.
    pub resumed: u64,
}

/// A quota shared through a [`QuotaStore`], keyed by app and workspace.
///
/// Cheap to clone; clones share counters. Give the same one to every clone
/// of a client via [`ClientBuilder::shared_quota`](crate::ClientBuilder::shared_quota),
/// and the same store and names to every process of the app.
#[derive(Clone)]
pub struct SharedQuota {
    store: Arc<dyn QuotaStore>,
    key: String,
    timeout: Duration,
    retry_after: Duration,
    on_failure: OnStoreFailure,
    state: Arc<State>,
}

#[derive(Debug, Default)]
struct State {
    health: Mutex<Health>,
    shared_permits: AtomicU64,
    store_failures: AtomicU64,
    fallback_permits: AtomicU64,
    resumed: AtomicU64,
}

#[derive(Debug, Default)]
struct Health {
    /// The store failed; do not ask it again before this time.
    down_until: Option<SystemTime>,
    /// The most telling answer not yet sent to the store.
    pending: Option<Report>,
}

impl fmt::Debug for SharedQuota {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedQuota")
            .field("store", &self.store)
            .field("key", &self.key)
            .field("timeout", &self.timeout)
            .field("retry_after", &self.retry_after)
            .field("on_failure", &self.on_failure)
            .finish_non_exhaustive()
    }
}

/// What the limiter should do for one permit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// The store granted it; report the answer with this epoch.
    Go(u64),
    /// The shared budget is used up until this time.
    WaitUntil(SystemTime),
    /// The store is down: pace per process.
    Local,
    /// The store is down and the caller asked to fail.
    Fail,
}

fn unix_ms(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Keep key parts to `[A-Za-z0-9._-]`, escaping the rest as `%XX`, so no
/// name can reach into another's key.
fn escape(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for b in part.bytes() {
        if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl SharedQuota {
    /// Share the quota of app `app` in workspace `workspace` through
    /// `store`. Both are names you choose (the app's name, the workspace
    /// id): never the token. Every process of the app must use the same.
    ///
    /// Defaults: 250 ms timeout per store call, fall back to per-process
    /// pacing on failure, ask the store again 1 s after a failure.
    pub fn new(store: impl QuotaStore + 'static, app: &str, workspace: &str) -> Self {
        SharedQuota::from_arc(Arc::new(store), app, workspace)
    }

    /// As [`new`](Self::new), with a store already behind an `Arc` (to share
    /// one store, and its connections, between several quotas).
    pub fn from_arc(store: Arc<dyn QuotaStore>, app: &str, workspace: &str) -> Self {
        SharedQuota {
            store,
            key: format!("intercom-api:quota:{}:{}", escape(app), escape(workspace)),
            timeout: Duration::from_millis(250),
            retry_after: Duration::from_secs(1),
            on_failure: OnStoreFailure::FallBack,
            state: Arc::default(),
        }
    }

    /// The longest one store call may take before it counts as failed
    /// (default 250 ms). Real time, not the client's [`Clock`](crate::Clock).
    /// It includes the wait for a busy runtime to poll the call: 50 ms
    /// failed calls on a loaded 2-core machine while Redis answered in
    /// 60 µs. A failure costs at most one such wait per
    /// [`retry_after`](Self::retry_after); the calls in between pace per
    /// process at once.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long after a failure to ask the store again (default 1 s, on the
    /// client's clock). Meanwhile the client paces per process.
    pub fn retry_after(mut self, wait: Duration) -> Self {
        self.retry_after = wait;
        self
    }

    /// Fall back to per-process pacing (default) or fail calls while the
    /// store is down.
    pub fn on_failure(mut self, on_failure: OnStoreFailure) -> Self {
        self.on_failure = on_failure;
        self
    }

    /// The store key: `intercom-api:quota:<app>:<workspace>`, each name
    /// kept to `[A-Za-z0-9._-]` and the rest escaped as `%XX`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// What the shared quota did so far.
    pub fn stats(&self) -> SharedQuotaStats {
        let i = &self.state;
        SharedQuotaStats {
            shared_permits: i.shared_permits.load(Ordering::Relaxed),
            store_failures: i.store_failures.load(Ordering::Relaxed),
            fallback_permits: i.fallback_permits.load(Ordering::Relaxed),
            resumed: i.resumed.load(Ordering::Relaxed),
        }
    }

    fn health(&self) -> std::sync::MutexGuard<'_, Health> {
        // Plain data: a panic elsewhere cannot leave it worse than stale.
        self.state.health.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Remember what an answer said, for the next store call.
    pub(crate) fn note(&self, report: Report) {
        let mut h = self.health();
        h.pending = Some(h.pending.map_or(report, |p| p.merge(report)));
    }

    fn down(&self) -> Decision {
        match self.on_failure {
            OnStoreFailure::FallBack => {
                self.state.fallback_permits.fetch_add(1, Ordering::Relaxed);
                Decision::Local
            }
            OnStoreFailure::Fail => Decision::Fail,
        }
    }

    /// Ask the store for a permit at `now`.
    pub(crate) async fn take(&self, now: SystemTime) -> Decision {
        let (pending, was_down) = {
            let mut h = self.health();
            let was_down = h.down_until.is_some();
            if let Some(until) = h.down_until {
                if now < until && self.on_failure == OnStoreFailure::FallBack {
                    drop(h);
                    return self.down();
                }
                // This task asks; the others keep pacing per process.
                h.down_until = Some(now + self.retry_after);
            }
            (h.pending.take(), was_down)
        };
        let (i, st) = (self, &*self.state);
        let call = i.store.take(&i.key, unix_ms(now), pending);
        let result = match tokio::time::timeout(i.timeout, call).await {
            Ok(Ok(Grant::WaitUntil { at_ms }))
                if UNIX_EPOCH
                    .checked_add(Duration::from_millis(at_ms))
                    .is_none() =>
            {
                Err(StoreError::new(
                    "the store answered a time past what the clock holds",
                ))
            }
            Ok(r) => r,
            Err(_) => Err(StoreError::new(format!(
                "no answer within {} ms",
                i.timeout.as_millis()
            ))),
        };
        match result {
            Ok(grant) => {
                if was_down {
                    self.health().down_until = None;
                    st.resumed.fetch_add(1, Ordering::Relaxed);
                    #[cfg(feature = "tracing")]
                    tracing::info!(target: "intercom_api::quota", key = %i.key, "quota store is back: pacing is shared again");
                }
                match grant {
                    Grant::Go { epoch } => {
                        st.shared_permits.fetch_add(1, Ordering::Relaxed);
                        Decision::Go(epoch)
                    }
                    Grant::WaitUntil { at_ms } => Decision::WaitUntil(
                        UNIX_EPOCH
                            .checked_add(Duration::from_millis(at_ms))
                            .unwrap_or(now),
                    ),
                }
            }
            Err(e) => {
                {
                    let mut h = self.health();
                    h.down_until = Some(now + i.retry_after);
                    if let Some(p) = pending {
                        h.pending = Some(h.pending.map_or(p, |q| q.merge(p)));
                    }
                }
                st.store_failures.fetch_add(1, Ordering::Relaxed);
                #[cfg(feature = "tracing")]
                tracing::warn!(target: "intercom_api::quota", key = %i.key, error = %e, fail = i.on_failure == OnStoreFailure::Fail, "quota store failed: pacing per process");
                #[cfg(not(feature = "tracing"))]
                let _ = e;
                self.down()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_into_the_key() {
        let q = SharedQuota::new(MemoryStore::new(), "billing sync", "ws:1/2");
        assert_eq!(q.key(), "intercom-api:quota:billing%20sync:ws%3A1%2F2");
        let q = SharedQuota::new(MemoryStore::new(), "a.b-c_d", "W9");
        assert_eq!(q.key(), "intercom-api:quota:a.b-c_d:W9");
    }
}
