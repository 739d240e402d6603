//! [`RateLimit`]: one reading of Intercom's `X-RateLimit-*` headers.
//!
//! A leaf: errors, the limiter and spans read it; it reads nothing of the
//! crate.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderName};

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

// Looked up by constant, not by string, on every response.
const LIMIT: HeaderName = HeaderName::from_static("x-ratelimit-limit");
const REMAINING: HeaderName = HeaderName::from_static("x-ratelimit-remaining");
const RESET: HeaderName = HeaderName::from_static("x-ratelimit-reset");

impl RateLimit {
    /// Build a snapshot, e.g. for tests of code that reads one.
    pub fn new(limit: u32, remaining: u32, reset_at: SystemTime) -> Self {
        RateLimit {
            limit,
            remaining,
            reset_at,
        }
    }

    /// Read the three headers; `None` unless all three are present and
    /// numeric, and the reset is a time the system clock can hold.
    pub fn from_headers(headers: &HeaderMap) -> Option<Self> {
        let num = |name: &HeaderName| -> Option<u64> {
            headers.get(name)?.to_str().ok()?.trim().parse().ok()
        };
        let limit = u32::try_from(num(&LIMIT)?).ok()?;
        let remaining = u32::try_from(num(&REMAINING)?).ok()?;
        let reset = num(&RESET)?;
        // Checked: a reset near u64::MAX seconds overflows `SystemTime`, and
        // no header may panic the caller.
        let reset_at = UNIX_EPOCH.checked_add(Duration::from_secs(reset))?;
        Some(RateLimit {
            limit,
            remaining,
            reset_at,
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
