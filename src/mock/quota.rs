//! The fake's rate limit: a quota of requests per window aligned on its
//! clock, reported in `X-RateLimit-*` headers on every authenticated answer.

use std::time::Duration;

use super::reply::Reply;

/// Requests allowed per aligned window of the fake's clock.
#[derive(Debug)]
pub(crate) struct Quota {
    limit: u32,
    window_secs: u64,
    /// The index `k` of the current window `[k * window, (k + 1) * window)`.
    window: u64,
    used: u32,
}

/// The three rate-limit headers of one answer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RateHeaders {
    pub(crate) limit: u32,
    pub(crate) remaining: u32,
    pub(crate) reset: u64,
}

impl RateHeaders {
    pub(crate) fn apply(self, reply: Reply) -> Reply {
        reply
            .header("x-ratelimit-limit", self.limit.to_string())
            .header("x-ratelimit-remaining", self.remaining.to_string())
            .header("x-ratelimit-reset", self.reset.to_string())
    }
}

impl Quota {
    pub(crate) fn new(limit: u32, window: Duration) -> Quota {
        let secs = window.as_secs() + u64::from(window.subsec_nanos() > 0);
        Quota {
            limit,
            window_secs: secs.max(1),
            window: 0,
            used: 0,
        }
    }

    /// Move to the window holding `now`, then read the headers.
    pub(crate) fn peek(&mut self, now: i64) -> RateHeaders {
        let k = u64::try_from(now).unwrap_or(0) / self.window_secs;
        if k != self.window {
            self.window = k;
            self.used = 0;
        }
        RateHeaders {
            limit: self.limit,
            remaining: self.limit.saturating_sub(self.used),
            reset: (k + 1).saturating_mul(self.window_secs),
        }
    }

    /// Count a request; `false` when the window's quota is used up.
    pub(crate) fn take(&mut self, now: i64) -> (bool, RateHeaders) {
        let rl = self.peek(now);
        if rl.remaining == 0 {
            return (false, rl);
        }
        self.used += 1;
        (
            true,
            RateHeaders {
                remaining: rl.remaining - 1,
                ..rl
            },
        )
    }

    pub(crate) fn exceeded_message(&self) -> String {
        format!(
            "Exceeded rate limit of {} in {}_seconds",
            self.limit, self.window_secs
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_windows_are_aligned() {
        let mut q = Quota::new(2, Duration::from_secs(10));
        let t = 1_700_000_005;
        assert!(q.take(t).0);
        let (ok, rl) = q.take(t + 4);
        assert!(ok);
        assert_eq!((rl.remaining, rl.reset), (0, 1_700_000_010));
        assert!(!q.take(t + 4).0);
        let (ok, rl) = q.take(t + 5);
        assert!(ok);
        assert_eq!((rl.remaining, rl.reset), (1, 1_700_000_020));
        assert_eq!(Quota::new(1, Duration::from_millis(10)).window_secs, 1);
        assert_eq!(Quota::new(1, Duration::from_millis(1500)).window_secs, 2);
    }
}
