//! The budget of one quota window, as every store keeps it.
//!
//! [`Window`] is the whole coordination rule, as plain data and two
//! functions. A store applies [`Window::report`] and [`Window::take`] in one
//! atomic step per permit: [`MemoryStore`](super::MemoryStore) under a
//! mutex, the Redis store in a Lua script that mirrors this file line by
//! line (a test runs both on the same sequences), a database in a
//! transaction.
//!
//! The rule: the window is told apart by the reset time Intercom reports.
//! Its budget is `limit - taken - others`, where `taken` counts the permits
//! every replica took in it and `others` is use nobody took a permit for
//! (a process not using the store): an answer saying `used = limit -
//! remaining` proves `others >= used - taken`, with `taken` read when the
//! answer is applied (the server cannot have counted more permits than were
//! taken by then). When the reset passes, a fresh window of `limit` is
//! assumed until an answer describes it.

/// How long past a reset a fresh window is assumed: the header has
/// whole-second precision and clocks differ by a few milliseconds.
pub const EDGE_MS: u64 = 50;
/// The window length assumed until two resets have been seen (Intercom's).
pub const DEFAULT_LEN_MS: u64 = 10_000;
/// The longest window length believed (longer gaps are idle periods).
const MAX_LEN_MS: u64 = 3_600_000;
/// After an answer shows the replicas' clocks ahead of the server's (a
/// permit taken in an assumed fresh window was counted in the old one),
/// how long to keep pacing on the old window before assuming again.
pub const SKEW_HOLD_MS: u64 = 250;

/// What one response's `X-RateLimit-*` headers said, for the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// `X-RateLimit-Limit`.
    pub limit: u32,
    /// `X-RateLimit-Remaining`.
    pub remaining: u32,
    /// `X-RateLimit-Reset`, in unix milliseconds.
    pub reset_ms: u64,
    /// The [`Grant::Go`] epoch of the permit the request was sent with.
    pub epoch: u64,
}

impl Report {
    /// Keep the more telling of two reports: the newer window, or in the
    /// same window the one with less remaining.
    pub fn merge(self, other: Report) -> Report {
        match self.reset_ms.cmp(&other.reset_ms) {
            std::cmp::Ordering::Less => other,
            std::cmp::Ordering::Greater => self,
            std::cmp::Ordering::Equal if other.remaining < self.remaining => other,
            std::cmp::Ordering::Equal => self,
        }
    }
}

/// A store's answer to a request for a permit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// Send now. `epoch` goes back to the store with the answer's report.
    Go {
        /// Bumped each time the window changes.
        epoch: u64,
    },
    /// The window's budget is used up: ask again at this unix millisecond.
    WaitUntil {
        /// When to ask again.
        at_ms: u64,
    },
}

/// One window's state. `Default` is a key the store does not have (new,
/// expired, or lost in a restart): an unknown window that lets requests
/// through until an answer describes it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    /// When the window being paced ends, unix ms (0: unknown).
    pub reset: u64,
    /// The latest reset the server reported, unix ms (0: none yet).
    pub kreset: u64,
    /// Whether `reset` is the server's word (else an assumed fresh window).
    pub known: bool,
    /// `X-RateLimit-Limit`.
    pub limit: u64,
    /// Permits taken in this window, by every replica.
    pub taken: u64,
    /// Use in this window that no permit accounts for.
    pub others: u64,
    /// Bumped each time the window changes.
    pub epoch: u64,
    /// The window length learned from consecutive resets, ms (0: unknown).
    pub len: u64,
}

impl Window {
    /// Apply what an answer's headers said.
    pub fn report(&mut self, r: &Report, now_ms: u64) {
        let used = u64::from(r.limit.saturating_sub(r.remaining));
        let rr = r.reset_ms;
        if self.kreset == 0 {
            // First news of this key: what the server counted beyond the
            // permits taken so far is someone else's.
            self.reset = rr;
            self.kreset = rr;
            self.known = true;
            self.limit = u64::from(r.limit);
            self.others = used.saturating_sub(self.taken);
            return;
        }
        if rr < self.kreset {
            return; // an older window: nothing about this one
        }
        if rr == self.kreset {
            if r.epoch == self.epoch {
                self.others = self.others.max(used.saturating_sub(self.taken));
                if !self.known {
                    // Taken after a fresh window was assumed, yet counted in
                    // the old one: the clocks are ahead of the server's. Pace
                    // on the old window a little longer.
                    self.reset = now_ms.saturating_add(SKEW_HOLD_MS);
                }
            }
            return;
        }
        // A newer window.
        let gap = rr - self.kreset;
        if gap <= MAX_LEN_MS {
            self.len = if self.len == 0 {
                gap
            } else {
                self.len.min(gap)
            };
        }
        if self.known {
            // An edge nobody assumed (clocks behind the server's): count
            // all it has seen as taken.
            self.epoch += 1;
            self.taken = used;
            self.others = 0;
        } else {
            self.others = used.saturating_sub(self.taken);
        }
        self.reset = rr;
        self.kreset = rr;
        self.known = true;
        self.limit = u64::from(r.limit);
    }

    /// Take a permit, or say when to ask again.
    pub fn take(&mut self, now_ms: u64) -> Grant {
        if self.reset == 0 {
            self.taken += 1;
            return Grant::Go { epoch: self.epoch };
        }
        if now_ms >= self.reset.saturating_add(EDGE_MS) {
            // The window is over: assume a fresh one of `limit`, ending one
            // window length after the last edge passed.
            let len = if self.len == 0 {
                DEFAULT_LEN_MS
            } else {
                self.len
            };
            let k = (now_ms - self.reset) / len + 1;
            self.reset = self.reset.saturating_add(k.saturating_mul(len));
            self.known = false;
            self.taken = 0;
            self.others = 0;
            self.epoch += 1;
        }
        let budget = self
            .limit
            .saturating_sub(self.taken)
            .saturating_sub(self.others);
        // A limit of 0 in an assumed window would block for good: one
        // request goes and its answer decides.
        if budget > 0 || (!self.known && self.taken == 0) {
            self.taken += 1;
            Grant::Go { epoch: self.epoch }
        } else {
            Grant::WaitUntil {
                at_ms: self.reset.saturating_add(EDGE_MS),
            }
        }
    }

    /// How long the store should keep this key: past the window's end by
    /// two window lengths, so the learned length survives a quiet window.
    pub fn ttl_ms(&self, now_ms: u64) -> u64 {
        let len = if self.len == 0 {
            DEFAULT_LEN_MS
        } else {
            self.len
        };
        self.reset
            .saturating_sub(now_ms)
            .saturating_add(len.saturating_mul(2))
            .max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: u64 = 1_750_000_000_000;

    fn rep(limit: u32, remaining: u32, reset_ms: u64, epoch: u64) -> Report {
        Report {
            limit,
            remaining,
            reset_ms,
            epoch,
        }
    }

    fn go(w: &mut Window, now: u64, n: usize) -> usize {
        (0..n)
            .take_while(|_| matches!(w.take(now), Grant::Go { .. }))
            .count()
    }

    #[test]
    fn an_unknown_window_lets_requests_through_until_news() {
        let mut w = Window::default();
        assert_eq!(go(&mut w, T, 50), 50);
        // 60 of 100 used: the 50 permits, and 10 by someone else.
        w.report(&rep(100, 40, T + 10_000, 0), T);
        assert_eq!((w.taken, w.others), (50, 10));
        assert_eq!(go(&mut w, T + 1, 100), 40);
        assert_eq!(
            w.take(T + 2),
            Grant::WaitUntil {
                at_ms: T + 10_000 + EDGE_MS
            }
        );
    }

    #[test]
    fn answers_never_raise_the_budget_nor_count_twice() {
        let mut w = Window::default();
        w.report(&rep(10, 10, T + 10_000, 0), T);
        assert_eq!(go(&mut w, T, 4), 4);
        // Answers in any order, each after all four were taken.
        for remaining in [7, 9, 6, 8] {
            w.report(&rep(10, remaining, T + 10_000, 0), T);
        }
        assert_eq!(w.others, 0);
        assert_eq!(go(&mut w, T, 10), 6);
    }

    #[test]
    fn a_passed_window_assumes_a_fresh_one_then_adopts_the_servers_word() {
        let mut w = Window::default();
        w.report(&rep(10, 0, T + 2_000, 0), T);
        w.report(&rep(10, 0, T + 4_000, 0), T + 2_100);
        assert_eq!(w.len, 2_000);
        assert_eq!(go(&mut w, T + 3_000, 5), 0);
        // Past the edge: a fresh window of 10, assumed to end 2 s later.
        assert_eq!(go(&mut w, T + 4_060, 20), 10);
        assert_eq!((w.known, w.reset, w.epoch), (false, T + 6_000, 2));
        // Its first answer: 10 used, all ours.
        w.report(&rep(10, 0, T + 6_000, 2), T + 4_070);
        assert_eq!((w.known, w.others), (true, 0));
    }

    #[test]
    fn a_straggler_of_the_old_window_changes_nothing() {
        let mut w = Window::default();
        w.report(&rep(10, 5, T + 1_000, 0), T);
        assert_eq!(go(&mut w, T + 1_100, 3), 3);
        let before = w;
        w.report(&rep(10, 0, T + 1_000, 0), T + 1_100);
        assert_eq!(w, before);
    }

    #[test]
    fn clocks_ahead_of_the_server_hold_the_old_window() {
        let mut w = Window::default();
        w.report(&rep(10, 6, T + 1_000, 0), T);
        // Our clock says the window passed; 3 go in the assumed one…
        assert_eq!(go(&mut w, T + 1_060, 3), 3);
        // …but the server counted them in the old one: 7 of 10 used.
        w.report(&rep(10, 3, T + 1_000, w.epoch), T + 1_070);
        assert_eq!(w.others, 4);
        assert_eq!(w.reset, T + 1_070 + SKEW_HOLD_MS);
        assert_eq!(go(&mut w, T + 1_080, 10), 3);
    }

    #[test]
    fn an_edge_nobody_assumed_counts_what_the_server_saw() {
        let mut w = Window::default();
        w.report(&rep(10, 8, T + 1_000, 0), T);
        w.report(&rep(10, 7, T + 2_000, 0), T + 900);
        assert_eq!((w.taken, w.others, w.known), (3, 0, true));
        assert_eq!(go(&mut w, T + 950, 20), 7);
    }

    #[test]
    fn a_zero_limit_lets_one_probe_through_per_window() {
        let mut w = Window::default();
        w.report(&rep(0, 0, T + 1_000, 0), T);
        assert_eq!(go(&mut w, T, 3), 0);
        assert_eq!(go(&mut w, T + 1_100, 3), 1);
    }

    #[test]
    fn keys_live_past_the_window_by_two_lengths() {
        let mut w = Window::default();
        assert_eq!(w.ttl_ms(T), 2 * DEFAULT_LEN_MS);
        w.report(&rep(10, 5, T + 1_000, 0), T);
        assert_eq!(w.ttl_ms(T), 1_000 + 2 * DEFAULT_LEN_MS);
        assert_eq!(w.ttl_ms(T + 5_000_000), 2 * DEFAULT_LEN_MS);
    }

    #[test]
    fn merge_keeps_the_newest_and_lowest() {
        let a = rep(10, 5, T, 1);
        let b = rep(10, 3, T, 1);
        let c = rep(10, 9, T + 1, 2);
        assert_eq!(a.merge(b), b);
        assert_eq!(b.merge(a), b);
        assert_eq!(a.merge(c), c);
        assert_eq!(c.merge(b), c);
    }
}
