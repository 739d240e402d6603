//! When to retry (classification) and how long to wait (delay), kept apart.
//!
//! [`classify`] looks only at what happened and whether the call is
//! idempotent; [`RetryPolicy::backoff`] only computes a wait. The transport loop
//! in [`super`] combines them with the attempt and total-wait caps.

use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;

/// Chooses a wait in `[0, ceiling]` for one backoff step.
pub type Jitter = Arc<dyn Fn(Duration) -> Duration + Send + Sync>;

/// How a client retries.
///
/// The defaults: 3 retries; exponential backoff from 500 ms doubling up to
/// 8 s per wait, with full jitter; rate-limit waits of up to 60 s each; at most
/// 120 s of waiting in total for one call.
#[derive(Clone)]
pub struct RetryPolicy {
    pub(crate) max_retries: u32,
    pub(crate) base_delay: Duration,
    pub(crate) max_delay: Duration,
    pub(crate) max_rate_limit_wait: Duration,
    pub(crate) max_total_wait: Duration,
    pub(crate) jitter: Jitter,
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("max_retries", &self.max_retries)
            .field("base_delay", &self.base_delay)
            .field("max_delay", &self.max_delay)
            .field("max_rate_limit_wait", &self.max_rate_limit_wait)
            .field("max_total_wait", &self.max_total_wait)
            .finish_non_exhaustive()
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            max_rate_limit_wait: Duration::from_secs(60),
            max_total_wait: Duration::from_secs(120),
            jitter: Arc::new(full_jitter),
        }
    }
}

impl RetryPolicy {
    /// Never retry; every failure is returned as it happened.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// How many times a failed request may be sent again (default 3).
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// The first backoff ceiling; it doubles on every retry (default 500 ms).
    pub fn base_delay(mut self, d: Duration) -> Self {
        self.base_delay = d;
        self
    }

    /// The largest backoff ceiling (default 8 s).
    pub fn max_delay(mut self, d: Duration) -> Self {
        self.max_delay = d;
        self
    }

    /// The longest single wait for a rate-limit window to reset (default 60 s).
    /// A reset further away ends the call with
    /// [`Error::RateLimited`](crate::Error::RateLimited) carrying the reset time.
    pub fn max_rate_limit_wait(mut self, d: Duration) -> Self {
        self.max_rate_limit_wait = d;
        self
    }

    /// The most time one call may spend waiting between attempts (default 120 s).
    pub fn max_total_wait(mut self, d: Duration) -> Self {
        self.max_total_wait = d;
        self
    }

    /// Replace the jitter function, which picks the actual wait in
    /// `[0, ceiling]`. Tests pass `|d| d` for deterministic waits.
    pub fn jitter(mut self, f: impl Fn(Duration) -> Duration + Send + Sync + 'static) -> Self {
        self.jitter = Arc::new(f);
        self
    }

    /// The wait before retry number `retry` (0 for the first retry):
    /// jitter over `min(max_delay, base_delay * 2^retry)`.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 1u32.checked_shl(retry.min(31)).unwrap_or(u32::MAX);
        let ceiling = self
            .base_delay
            .checked_mul(factor)
            .unwrap_or(self.max_delay)
            .min(self.max_delay);
        (self.jitter)(ceiling).min(ceiling)
    }
}

/// Full jitter: uniform in `[0, ceiling]`.
fn full_jitter(ceiling: Duration) -> Duration {
    let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
    if nanos == 0 {
        return Duration::ZERO;
    }
    Duration::from_nanos(random_u64() % (nanos + 1))
}

/// A random number from the standard library's per-process random hash keys.
/// Good enough for spreading retries; not for secrets.
fn random_u64() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0x9E37_79B9_7F4A_7C15);
    h.finish()
}

/// What went wrong with one attempt, as far as retrying cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The server answered with this status.
    Status(StatusCode),
    /// No connection could be made: the request was never sent.
    ConnectFailed,
    /// The request timed out (it may have been applied).
    TimedOut,
    /// Another failure after the request may have been sent.
    OtherTransport,
}

/// Whether to try again, and for which reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Give up (or succeed): return what we have.
    Stop,
    /// 429: wait for the window to reset, then retry (any method).
    RateLimited,
    /// A transient failure: back off, then retry.
    Backoff,
}

/// Decide whether an outcome is worth another attempt.
///
/// - 429 is retried for every method: Intercom did not process the request.
/// - A failed connect is retried for every method: nothing was sent.
/// - 408, 500, 502, 503, 504 and timeouts are retried only for idempotent
///   calls, because the first attempt may have been applied.
pub(crate) fn classify(outcome: Outcome, idempotent: bool) -> Decision {
    match outcome {
        Outcome::Status(StatusCode::TOO_MANY_REQUESTS) => Decision::RateLimited,
        Outcome::ConnectFailed => Decision::Backoff,
        Outcome::Status(s) if idempotent && is_transient_status(s) => Decision::Backoff,
        Outcome::TimedOut | Outcome::OtherTransport if idempotent => Decision::Backoff,
        _ => Decision::Stop,
    }
}

fn is_transient_status(s: StatusCode) -> bool {
    matches!(
        s,
        StatusCode::REQUEST_TIMEOUT
            | StatusCode::INTERNAL_SERVER_ERROR
            | StatusCode::BAD_GATEWAY
            | StatusCode::SERVICE_UNAVAILABLE
            | StatusCode::GATEWAY_TIMEOUT
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_table() {
        use Decision::*;
        use Outcome::*;
        let rows = [
            (Status(StatusCode::TOO_MANY_REQUESTS), false, RateLimited),
            (Status(StatusCode::TOO_MANY_REQUESTS), true, RateLimited),
            (ConnectFailed, false, Backoff),
            (Status(StatusCode::INTERNAL_SERVER_ERROR), true, Backoff),
            (Status(StatusCode::INTERNAL_SERVER_ERROR), false, Stop),
            (Status(StatusCode::REQUEST_TIMEOUT), true, Backoff),
            (Status(StatusCode::BAD_GATEWAY), true, Backoff),
            (Status(StatusCode::NOT_IMPLEMENTED), true, Stop),
            (Status(StatusCode::NOT_FOUND), true, Stop),
            (Status(StatusCode::CONFLICT), false, Stop),
            (TimedOut, true, Backoff),
            (TimedOut, false, Stop),
            (OtherTransport, false, Stop),
        ];
        for (outcome, idempotent, want) in rows {
            assert_eq!(
                classify(outcome, idempotent),
                want,
                "{outcome:?} idempotent={idempotent}"
            );
        }
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let p = RetryPolicy::default().jitter(|d| d);
        let waits: Vec<_> = (0..6).map(|r| p.backoff(r).as_millis()).collect();
        assert_eq!(waits, vec![500, 1000, 2000, 4000, 8000, 8000]);
        assert_eq!(p.backoff(200), Duration::from_secs(8));
    }

    #[test]
    fn default_jitter_stays_within_the_ceiling() {
        let p = RetryPolicy::default();
        for r in 0..50 {
            assert!(p.backoff(r % 5) <= Duration::from_millis(500) * (1 << (r % 5)));
        }
    }

    #[test]
    fn jitter_cannot_exceed_the_ceiling() {
        let p = RetryPolicy::default().jitter(|d| d * 10);
        assert_eq!(p.backoff(0), Duration::from_millis(500));
    }
}
