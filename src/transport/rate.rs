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
use tokio::sync::Notify;

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
    /// The known window has passed and `budget` was assumed to be a fresh
    /// `limit`; no response has described the new window yet.
    assumed: bool,
    stats: RateStats,
}

/// Counters of what pacing did, since the client was built.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RateStats {
    /// Requests that had to wait before being sent.
    pub(crate) waits: u64,
    /// The total time they waited.
    pub(crate) waited: Duration,
    /// `429` answers received.
    pub(crate) throttled: u64,
}

/// Shared pacing state. One per client; clones of the client share it.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    state: Mutex<State>,
    /// Wakes requests waiting for news of a new window (a response or a
    /// released slot).
    news: Notify,
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
        drop(st);
        self.limiter.news.notify_waiters();
    }
}

/// Why a request may not start yet.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Blocked {
    /// The window's budget is used up: wait for its reset.
    UntilReset(RateLimit),
    /// A fresh window's assumed budget is used up: wait for a response that
    /// tells how much of it is really left.
    ForNews,
}

impl RateLimiter {
    pub(crate) fn new(pacing: bool) -> Self {
        RateLimiter {
            state: Mutex::new(State::default()),
            news: Notify::new(),
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

    /// What pacing has done so far.
    pub(crate) fn stats(&self) -> RateStats {
        self.lock().stats
    }

    /// Count a `429` answer.
    pub(crate) fn note_throttled(&self) {
        self.lock().stats.throttled += 1;
    }

    /// Wait, if pacing is on and the window is used up, until it resets; then
    /// take a slot. Refuses (instead of hanging) a wait longer than `max_wait`.
    /// Returns the slot and how long it waited.
    pub(crate) async fn acquire(
        &self,
        clock: &dyn Clock,
        max_wait: Duration,
    ) -> Result<(Permit<'_>, Duration), Error> {
        let mut waited = Duration::ZERO;
        let mut counted = false;
        loop {
            // Register for news before looking, so a response that lands
            // between the look and the wait is not missed.
            let news = self.news.notified();
            let blocked = self.try_take(clock.now());
            let rl = match blocked {
                None => {
                    if counted {
                        self.lock().stats.waited += waited;
                    }
                    return Ok((Permit { limiter: self }, waited));
                }
                Some(Blocked::ForNews) => {
                    if !counted {
                        counted = true;
                        self.lock().stats.waits += 1;
                    }
                    news.await;
                    continue;
                }
                Some(Blocked::UntilReset(rl)) => rl,
            };
            let until_reset = rl.reset_at.duration_since(clock.now()).unwrap_or_default();
            if waited + until_reset > max_wait {
                return Err(Error::RateLimited {
                    reset_at: Some(rl.reset_at),
                    rate_limit: Some(rl),
                    attempts: 0,
                });
            }
            if !counted {
                counted = true;
                self.lock().stats.waits += 1;
            }
            // Sleep a little past the reset second: the header has whole-second
            // precision.
            let d = until_reset + Duration::from_millis(50);
            clock.sleep(d).await;
            waited += d;
        }
    }

    /// Take a slot and return `None`, or say what blocks us.
    fn try_take(&self, now: SystemTime) -> Option<Blocked> {
        let mut st = self.lock();
        if let (true, Some(rl)) = (self.pacing, st.last) {
            if now >= rl.reset_at && !st.assumed {
                // The known window is over. Assume the new one holds a full
                // `limit`, less what is in flight, until a response says how
                // much is left: letting every task through could send more
                // than the window allows.
                st.assumed = true;
                st.budget = rl.limit.saturating_sub(st.in_flight);
            }
            if st.budget == 0 {
                if !st.assumed {
                    return Some(Blocked::UntilReset(rl));
                }
                // Nothing in flight will bring news: try, and learn from the
                // answer.
                if st.in_flight > 0 {
                    return Some(Blocked::ForNews);
                }
            } else {
                st.budget -= 1;
            }
        }
        st.in_flight += 1;
        None
    }

    /// Record the headers of a response read at `now`.
    pub(crate) fn observe(&self, rl: RateLimit, now: SystemTime) {
        let mut st = self.lock();
        // The request that carried this response still holds its permit, so
        // `in_flight` counts it; it no longer uses the window's budget.
        let others = st.in_flight.saturating_sub(1);
        let fresh = rl.remaining.saturating_sub(others);
        match st.last {
            // An answer about a window that is already over (it was slow to
            // arrive): it says nothing about the current one.
            Some(last) if now >= rl.reset_at && last.reset_at >= rl.reset_at => {}
            // The same window as the latest: responses can arrive out of
            // order, so never raise the budget within a window.
            Some(last) if last.reset_at == rl.reset_at && !st.assumed => {
                st.budget = st.budget.min(fresh);
                if rl.remaining < last.remaining {
                    st.last = Some(rl);
                }
            }
            // An older window than the latest one.
            Some(last) if rl.reset_at < last.reset_at => {}
            _ => {
                st.budget = fresh;
                st.last = Some(rl);
                st.assumed = false;
            }
        }
        drop(st);
        self.news.notify_waiters();
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

#[cfg(test)]
mod pacing_tests {
    use super::*;

    const T0: u64 = 1_750_000_000;

    fn at(secs: u64, millis: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_millis(millis)
    }

    fn rl(limit: u32, remaining: u32, reset: u64) -> RateLimit {
        RateLimit::new(limit, remaining, UNIX_EPOCH + Duration::from_secs(reset))
    }

    /// Take `n` slots at `now`, counting how many were granted.
    fn take(l: &RateLimiter, now: SystemTime, n: u32) -> (u32, Option<Blocked>) {
        let mut granted = 0;
        for _ in 0..n {
            match l.try_take(now) {
                None => granted += 1,
                Some(b) => return (granted, Some(b)),
            }
        }
        (granted, None)
    }

    fn release(l: &RateLimiter, n: u32) {
        let mut st = l.lock();
        st.in_flight = st.in_flight.saturating_sub(n);
    }

    #[test]
    fn unknown_window_lets_requests_through() {
        let l = RateLimiter::new(true);
        assert_eq!(take(&l, at(T0, 0), 5), (5, None));
        assert_eq!(l.lock().in_flight, 5);
    }

    #[test]
    fn budget_is_remaining_less_what_is_in_flight() {
        let l = RateLimiter::new(true);
        take(&l, at(T0, 0), 3);
        // The first of three answers: 10 left, two others still out.
        l.observe(rl(10, 10, T0 + 1), at(T0, 0));
        release(&l, 1);
        assert_eq!(l.lock().budget, 8);
        let (granted, blocked) = take(&l, at(T0, 100), 20);
        assert_eq!(granted, 8);
        assert_eq!(blocked, Some(Blocked::UntilReset(rl(10, 10, T0 + 1))));
    }

    #[test]
    fn late_answers_never_raise_the_budget_within_a_window() {
        let l = RateLimiter::new(true);
        take(&l, at(T0, 0), 2);
        // The second request's answer (5 left) arrives before the first's (6).
        l.observe(rl(10, 5, T0 + 1), at(T0, 0));
        release(&l, 1);
        assert_eq!(l.lock().budget, 4);
        l.observe(rl(10, 6, T0 + 1), at(T0, 0));
        release(&l, 1);
        assert_eq!(l.lock().budget, 4);
        assert_eq!(l.snapshot().map(|r| r.remaining), Some(5));
    }

    #[test]
    fn a_passed_window_starts_a_fresh_budget_of_limit() {
        let l = RateLimiter::new(true);
        take(&l, at(T0, 0), 1);
        l.observe(rl(10, 0, T0 + 1), at(T0, 0));
        release(&l, 1);
        assert!(matches!(
            l.try_take(at(T0, 500)),
            Some(Blocked::UntilReset(_))
        ));
        // Past the reset: 10 may go, not every task that asks.
        let (granted, blocked) = take(&l, at(T0 + 1, 50), 25);
        assert_eq!((granted, blocked), (10, Some(Blocked::ForNews)));
        // An answer about the new window replaces the assumption.
        l.observe(rl(10, 9, T0 + 2), at(T0 + 1, 60));
        release(&l, 1);
        // 9 left, 9 others in flight.
        assert_eq!(l.lock().budget, 0);
        assert!(matches!(
            l.try_take(at(T0 + 1, 70)),
            Some(Blocked::UntilReset(_))
        ));
    }

    #[test]
    fn a_stale_answer_from_the_old_window_is_ignored() {
        let l = RateLimiter::new(true);
        take(&l, at(T0, 0), 2);
        l.observe(rl(10, 1, T0 + 1), at(T0, 0));
        release(&l, 1);
        let (granted, _) = take(&l, at(T0 + 1, 50), 3);
        assert_eq!(granted, 3);
        // The old window's straggler arrives after its reset.
        l.observe(rl(10, 0, T0 + 1), at(T0 + 1, 60));
        release(&l, 1);
        assert!(l.lock().assumed);
        assert_eq!(l.lock().budget, 10 - 1 - 3);
    }

    #[test]
    fn with_nothing_in_flight_an_assumed_window_does_not_block() {
        let l = RateLimiter::new(true);
        take(&l, at(T0, 0), 1);
        l.observe(rl(0, 0, T0 + 1), at(T0, 0));
        release(&l, 1);
        // A limit of 0 would block forever; with nothing in flight to learn
        // from, the request goes and its answer decides.
        assert_eq!(l.try_take(at(T0 + 2, 0)), None);
    }

    #[test]
    fn pacing_off_never_blocks() {
        let l = RateLimiter::new(false);
        take(&l, at(T0, 0), 1);
        l.observe(rl(10, 0, T0 + 1), at(T0, 0));
        assert_eq!(take(&l, at(T0, 10), 50), (50, None));
    }

    #[tokio::test(start_paused = true)]
    async fn acquire_waits_until_the_reset_and_counts_it() {
        let clock = crate::TokioClock::starting_at(at(T0, 0));
        let l = RateLimiter::new(true);
        take(&l, at(T0, 0), 1);
        l.observe(rl(10, 0, T0 + 10), at(T0, 0));
        release(&l, 1);
        let (permit, waited) = l
            .acquire(&clock, Duration::from_secs(60))
            .await
            .expect("acquired");
        drop(permit);
        assert_eq!(waited, Duration::from_millis(10_050));
        let stats = l.stats();
        assert_eq!((stats.waits, stats.waited), (1, waited));
        // A wait past `max_wait` is refused.
        l.observe(rl(10, 0, T0 + 20), clock.now());
        let err = l.acquire(&clock, Duration::from_secs(1)).await.err();
        assert!(matches!(err, Some(Error::RateLimited { .. })), "{err:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_waiting_for_news_wakes_on_an_answer() {
        let clock = crate::TokioClock::starting_at(at(T0, 0));
        let l = std::sync::Arc::new(RateLimiter::new(true));
        take(&l, at(T0, 0), 1);
        l.observe(rl(2, 0, T0 + 1), at(T0, 0));
        release(&l, 1);
        tokio::time::advance(Duration::from_secs(2)).await;
        // Two of two assumed slots go; the third waits for news.
        let (a, _) = l.acquire(&clock, Duration::ZERO).await.expect("a");
        let (b, _) = l.acquire(&clock, Duration::ZERO).await.expect("b");
        let waiter = {
            let l = std::sync::Arc::clone(&l);
            tokio::spawn(async move {
                let clock = clock;
                l.acquire(&clock, Duration::ZERO).await.map(|(p, _)| {
                    drop(p);
                })
            })
        };
        tokio::task::yield_now().await;
        assert!(!waiter.is_finished());
        // The answer says the new window has room for more.
        l.observe(rl(10, 8, T0 + 3), clock.now());
        drop(a);
        drop(b);
        assert!(waiter.await.expect("joined").is_ok());
    }
}
