//! Rate-limit state shared by every clone of a [`Client`](crate::Client).
//!
//! Intercom counts requests per app in short windows (10 seconds for most
//! apps) and reports the count on every authenticated response:
//! `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (unix
//! seconds). The [`RateLimiter`] remembers the latest snapshot and, when the
//! window is used up, makes the next request wait for the reset instead of
//! sending it into a 429.

use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

use crate::error::Error;
use crate::transport::clock::Clock;

/// One reading of Intercom's rate-limit headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests allowed in the current window (`X-RateLimit-Limit`).
    pub limit: u32,
    /// Requests left in the current window (`X-RateLimit-Remaining`).
    pub remaining: u32,
    /// When the window resets (`X-RateLimit-Reset`, unix seconds).
    pub reset_at: SystemTime,
}

impl RateLimit {
    /// Build a snapshot, e.g. for tests of code that reads one.
    pub fn new(limit: u32, remaining: u32, reset_at: SystemTime) -> Self {
        RateLimit {
            limit,
            remaining,
            reset_at,
        }
    }

    /// Read the three headers; `None` unless all three are present and numeric.
    pub fn from_headers(headers: &HeaderMap) -> Option<Self> {
        let num =
            |name: &str| -> Option<u64> { headers.get(name)?.to_str().ok()?.trim().parse().ok() };
        let limit = u32::try_from(num("x-ratelimit-limit")?).ok()?;
        let remaining = u32::try_from(num("x-ratelimit-remaining")?).ok()?;
        let reset = num("x-ratelimit-reset")?;
        Some(RateLimit {
            limit,
            remaining,
            reset_at: UNIX_EPOCH + Duration::from_secs(reset),
        })
    }

    /// The reset time as unix seconds.
    pub fn reset_unix(&self) -> u64 {
        self.reset_at
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }
}

#[derive(Debug, Default)]
struct State {
    last: Option<RateLimit>,
    /// Requests we may still start in the current window: the server's
    /// `remaining` less the requests in flight when it was read.
    budget: u32,
    in_flight: u32,
}

/// Shared pacing state. One per client; clones of the client share it.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    state: Mutex<State>,
    pacing: bool,
}

/// Held while a request is in flight; releases its slot on drop.
pub(crate) struct Permit<'a> {
    limiter: &'a RateLimiter,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut st = self.limiter.lock();
        st.in_flight = st.in_flight.saturating_sub(1);
    }
}

impl RateLimiter {
    pub(crate) fn new(pacing: bool) -> Self {
        RateLimiter {
            state: Mutex::new(State::default()),
            pacing,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding this lock cannot leave the counters in a state
        // worse than stale, so a poisoned lock is simply taken over.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The latest snapshot seen on any response.
    pub(crate) fn snapshot(&self) -> Option<RateLimit> {
        self.lock().last
    }

    /// Wait, if pacing is on and the window is used up, until it resets; then
    /// take a slot. Refuses (instead of hanging) a wait longer than `max_wait`.
    pub(crate) async fn acquire(
        &self,
        clock: &dyn Clock,
        max_wait: Duration,
    ) -> Result<(Permit<'_>, Duration), Error> {
        let mut waited = Duration::ZERO;
        loop {
            let blocked = self.try_take(clock.now());
            let Some(rl) = blocked else {
                return Ok((Permit { limiter: self }, waited));
            };
            let until_reset = rl.reset_at.duration_since(clock.now()).unwrap_or_default();
            if waited + until_reset > max_wait {
                return Err(Error::RateLimited {
                    reset_at: Some(rl.reset_at),
                    rate_limit: Some(rl),
                    attempts: 0,
                });
            }
            // Sleep a little past the reset second: the header has whole-second
            // precision.
            let d = until_reset + Duration::from_millis(50);
            clock.sleep(d).await;
            waited += d;
        }
    }

    /// Take a slot and return `None`, or return the snapshot that blocks us.
    fn try_take(&self, now: SystemTime) -> Option<RateLimit> {
        let mut st = self.lock();
        if let Some(rl) = st.last {
            // Once the known window is over, the next response tells us about
            // the new one.
            let window_open = now >= rl.reset_at;
            if self.pacing && !window_open {
                if st.budget == 0 {
                    return Some(rl);
                }
                st.budget -= 1;
            }
        }
        st.in_flight += 1;
        None
    }

    /// Record the headers of a response.
    pub(crate) fn observe(&self, rl: RateLimit) {
        let mut st = self.lock();
        // The request that carried this response still holds its permit, so
        // `in_flight` counts it; it no longer uses the window's budget.
        let others = st.in_flight.saturating_sub(1);
        st.budget = rl.remaining.saturating_sub(others);
        st.last = Some(rl);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn parses_all_three_headers_or_nothing() {
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit", HeaderValue::from_static("167"));
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("166"));
        assert_eq!(RateLimit::from_headers(&h), None);
        h.insert("x-ratelimit-reset", HeaderValue::from_static("1487332510"));
        let rl = RateLimit::from_headers(&h).expect("parsed");
        assert_eq!(
            (rl.limit, rl.remaining, rl.reset_unix()),
            (167, 166, 1487332510)
        );
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("lots"));
        assert_eq!(RateLimit::from_headers(&h), None);
    }
}
