//! Rate-limit state shared by every clone of a [`Client`](crate::Client).
//!
//! Intercom counts requests per app in short windows (10 seconds for most
//! apps) and reports the count on every authenticated response:
//! `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (unix
//! seconds). The [`RateLimiter`] remembers the latest snapshot and, when the
//! window is used up, makes the next request wait for the reset instead of
//! sending it into a 429.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use tokio::sync::Notify;

use crate::error::Error;
use crate::transport::clock::Clock;
use crate::transport::quota::{Decision, Report, SharedQuota};
pub use crate::transport::rate_limit::RateLimit;

#[derive(Debug, Default)]
struct State {
    last: Option<RateLimit>,
    /// Requests this client started in the current window.
    sent: u32,
    /// Quota used in the current window by someone else (another process
    /// with the same app): the most the answers prove, see
    /// [`RateLimiter::observe`].
    others: u32,
    in_flight: u32,
    /// The known window has passed and a fresh one is assumed; no answer
    /// has described it yet.
    assumed: bool,
    /// Bumped at each assumption, so an answer can tell whether its request
    /// was sent before (a straggler of the old window) or after it.
    epoch: u64,
    /// `sent` of the old window when a fresh one was assumed, to restore it
    /// if the server turns out to be still in the old window.
    sent_before: u32,
    /// Our clock said the window ending here had passed, but the server was
    /// still in it (clock skew): do not assume a fresh window again until an
    /// answer describes a newer one.
    skewed_reset: Option<SystemTime>,
    stats: RateStats,
}

impl State {
    /// Requests we may still start in the current window.
    fn budget(&self, rl: &RateLimit) -> u32 {
        rl.limit
            .saturating_sub(self.others)
            .saturating_sub(self.sent)
    }
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
    /// A budget shared with other processes through a store, if configured.
    shared: Option<SharedQuota>,
}

/// Held while a request is in flight; releases its slot on drop.
pub(crate) struct Permit<'a> {
    limiter: &'a RateLimiter,
    /// The limiter's epoch when it was sent.
    epoch: u64,
    /// The shared store's epoch, when the store granted it.
    shared: Option<u64>,
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
            shared: None,
        }
    }

    /// Take permits from `shared` (with this process's own pacing as the
    /// fallback) instead of this process's pacing alone.
    pub(crate) fn with_shared(mut self, shared: Option<SharedQuota>) -> Self {
        self.shared = shared;
        self
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
        if let Some(shared) = self.shared.as_ref().filter(|_| self.pacing) {
            if let Some(granted) = self.acquire_shared(shared, clock, max_wait).await? {
                return Ok(granted);
            }
        }
        let mut waited = Duration::ZERO;
        let mut counted = false;
        loop {
            // Register for news before looking, so a response that lands
            // between the look and the wait is not missed.
            let news = self.news.notified();
            let blocked = self.try_take(clock.now(), self.pacing);
            let rl = match blocked {
                Ok((_, epoch)) => {
                    if counted {
                        self.lock().stats.waited += waited;
                    }
                    let permit = Permit {
                        limiter: self,
                        epoch,
                        shared: None,
                    };
                    return Ok((permit, waited));
                }
                Err(Blocked::ForNews) => {
                    if !counted {
                        counted = true;
                        self.lock().stats.waits += 1;
                    }
                    news.await;
                    continue;
                }
                Err(Blocked::UntilReset(rl)) => rl,
            };
            let until_reset = rl.reset_at.duration_since(clock.now()).unwrap_or_default();
            if waited + until_reset > max_wait {
                return Err(Error::RateLimited {
                    reset_at: Some(rl.reset_at),
                    rate_limit: Some(rl),
                    attempts: 0,
                    response: None,
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

    /// Take a permit from the shared store, waiting while its budget is
    /// used up. `None` when the store is down and pacing falls back to this
    /// process.
    async fn acquire_shared(
        &self,
        shared: &SharedQuota,
        clock: &dyn Clock,
        max_wait: Duration,
    ) -> Result<Option<(Permit<'_>, Duration)>, Error> {
        let mut waited = Duration::ZERO;
        loop {
            let now = clock.now();
            let until = match shared.take(now).await {
                Decision::Go(shared_epoch) => {
                    // Count it here too, unpaced, so this process's own
                    // pacing is up to date if the store fails.
                    let (_, epoch) = self.try_take(now, false).unwrap_or((0, 0));
                    let mut st = self.lock();
                    if waited > Duration::ZERO {
                        st.stats.waits += 1;
                        st.stats.waited += waited;
                    }
                    drop(st);
                    let permit = Permit {
                        limiter: self,
                        epoch,
                        shared: Some(shared_epoch),
                    };
                    return Ok(Some((permit, waited)));
                }
                Decision::Local => return Ok(None),
                Decision::Fail => {
                    return Err(Error::QuotaStore(
                        "the shared quota store is unavailable".into(),
                    ));
                }
                Decision::WaitUntil(until) => until,
            };
            // From the time now, not before the store's round trip.
            let d = until.duration_since(clock.now()).unwrap_or_default();
            if waited + d > max_wait {
                return Err(Error::RateLimited {
                    reset_at: Some(until),
                    rate_limit: self.snapshot(),
                    attempts: 0,
                    response: None,
                });
            }
            clock.sleep(d).await;
            waited += d;
        }
    }

    /// Take a slot and return its sequence number in the window and the
    /// epoch, or say what blocks us (only when `paced`).
    fn try_take(&self, now: SystemTime, paced: bool) -> Result<(u32, u64), Blocked> {
        let mut st = self.lock();
        if let Some(rl) = st.last {
            let skewed = st.skewed_reset == Some(rl.reset_at);
            if now >= rl.reset_at && !st.assumed && !skewed {
                // The known window is over. Assume a fresh one with the full
                // `limit` until an answer describes it: letting every task
                // through could send more than the window allows.
                st.assumed = true;
                st.epoch += 1;
                st.sent_before = st.sent;
                st.sent = 0;
                st.others = 0;
            }
            if paced && st.budget(&rl) == 0 {
                if !st.assumed && !skewed {
                    return Err(Blocked::UntilReset(rl));
                }
                // No room in a window whose end we cannot time (assumed, or
                // our clock is off): wait for an answer. With nothing in
                // flight no answer will come: try, and learn from it.
                if st.in_flight > 0 {
                    return Err(Blocked::ForNews);
                }
            }
        }
        st.sent = st.sent.saturating_add(1);
        st.in_flight += 1;
        Ok((st.sent, st.epoch))
    }

    /// Record the headers of the answer to the request holding `permit`.
    ///
    /// The budget is `limit - others - sent`, where `sent` counts this
    /// client's requests in the window and `others` is what someone else
    /// used. An answer saying `used = limit - remaining` proves `others >=
    /// used - sent`, with `sent` read when the answer arrives: the server
    /// cannot have counted more of ours than we had sent by then. (Not
    /// `sent` when the request left: over many connections the server may
    /// count requests sent after it before it, and that bound would blame
    /// them on someone else and leave quota unused.) Nothing is counted
    /// twice, so the quota is used fully with any concurrency, while answers
    /// arriving out of order cannot raise the budget. Windows are told apart by the server's reset time, never by
    /// our clock, so clock skew cannot make answers look stale.
    pub(crate) fn observe(&self, permit: &Permit<'_>, rl: RateLimit) {
        if let (Some(shared), Some(epoch)) = (&self.shared, permit.shared) {
            shared.note(Report {
                limit: rl.limit,
                remaining: rl.remaining,
                reset_ms: rl.reset_unix().saturating_mul(1000),
                epoch,
            });
        }
        let mut st = self.lock();
        let used = rl.limit.saturating_sub(rl.remaining);
        match st.last {
            None => {
                st.others = used.saturating_sub(st.sent);
                st.last = Some(rl);
            }
            // An older window than the latest: nothing about this one.
            Some(last) if rl.reset_at < last.reset_at => {}
            Some(last) if rl.reset_at == last.reset_at => {
                if st.assumed {
                    if permit.epoch != st.epoch {
                        // A straggler of the old window.
                        drop(st);
                        self.news.notify_waiters();
                        return;
                    }
                    // Sent after we assumed a fresh window, yet counted in
                    // the old one: our clock is ahead of the server's. Back
                    // to the old window's count, and stop assuming for it.
                    st.assumed = false;
                    st.sent = st.sent_before.saturating_add(st.sent);
                    st.skewed_reset = Some(rl.reset_at);
                    st.others = st.others.max(used.saturating_sub(st.sent));
                } else if permit.epoch == st.epoch {
                    st.others = st.others.max(used.saturating_sub(st.sent));
                }
                if rl.remaining < last.remaining {
                    st.last = Some(rl);
                }
            }
            // A newer window.
            Some(_) => {
                if st.assumed && permit.epoch == st.epoch {
                    st.others = used.saturating_sub(st.sent);
                } else {
                    // A new window we did not see coming (our clock is
                    // behind the server's, or we stopped assuming): count
                    // what is in flight as sent in it.
                    st.sent = st.in_flight;
                    st.others = used.saturating_sub(st.in_flight);
                    st.epoch += 1;
                }
                st.assumed = false;
                st.last = Some(rl);
            }
        }
        drop(st);
        self.news.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderMap;
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

    #[test]
    fn a_reset_past_what_the_clock_holds_is_ignored_not_a_panic() {
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit", HeaderValue::from_static("10"));
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("9"));
        for reset in ["9223372036854775808", "18446744073709551615"] {
            h.insert("x-ratelimit-reset", HeaderValue::from_static(reset));
            assert_eq!(RateLimit::from_headers(&h), None, "{reset}");
        }
    }
}

#[cfg(test)]
mod pacing_tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    const T0: u64 = 1_750_000_000;

    fn at(secs: u64, millis: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_millis(millis)
    }

    fn rl(limit: u32, remaining: u32, reset: u64) -> RateLimit {
        RateLimit::new(limit, remaining, UNIX_EPOCH + Duration::from_secs(reset))
    }

    /// Take up to `n` slots at `now`: the permits, and what blocked the next.
    fn take(l: &RateLimiter, now: SystemTime, n: u32) -> (Vec<Permit<'_>>, Option<Blocked>) {
        let mut permits = Vec::new();
        for _ in 0..n {
            match l.try_take(now, l.pacing) {
                Ok((_, epoch)) => permits.push(Permit {
                    limiter: l,
                    epoch,
                    shared: None,
                }),
                Err(b) => return (permits, Some(b)),
            }
        }
        (permits, None)
    }

    impl RateLimiter {
        fn try_take_paced(&self, now: SystemTime) -> Result<(u32, u64), Blocked> {
            self.try_take(now, self.pacing)
        }
    }

    fn budget(l: &RateLimiter) -> u32 {
        let st = l.lock();
        st.last.map_or(u32::MAX, |rl| st.budget(&rl))
    }

    #[test]
    fn unknown_window_lets_requests_through() {
        let l = RateLimiter::new(true);
        let (permits, blocked) = take(&l, at(T0, 0), 5);
        assert_eq!((permits.len(), blocked), (5, None));
        assert_eq!(l.lock().in_flight, 5);
        drop(permits);
        assert_eq!(l.lock().in_flight, 0);
    }

    #[test]
    fn budget_is_the_limit_less_what_was_sent_in_the_window() {
        let l = RateLimiter::new(true);
        let (mut permits, _) = take(&l, at(T0, 0), 3);
        // The first of three answers: 9 of 10 left; two others are out.
        let first = permits.remove(0);
        l.observe(&first, rl(10, 9, T0 + 1));
        drop(first);
        assert_eq!(budget(&l), 7);
        let (more, blocked) = take(&l, at(T0, 100), 20);
        assert_eq!(more.len(), 7);
        assert_eq!(blocked, Some(Blocked::UntilReset(rl(10, 9, T0 + 1))));
    }

    #[test]
    fn answers_out_of_order_neither_raise_nor_double_count() {
        let l = RateLimiter::new(true);
        let (mut permits, _) = take(&l, at(T0, 0), 2);
        let second = permits.pop().unwrap_or_else(|| unreachable!());
        let first = permits.pop().unwrap_or_else(|| unreachable!());
        // The server counted both; the second's answer (8 left) arrives
        // before the first's (9 left).
        l.observe(&second, rl(10, 8, T0 + 1));
        drop(second);
        assert_eq!(budget(&l), 8);
        l.observe(&first, rl(10, 9, T0 + 1));
        drop(first);
        assert_eq!(budget(&l), 8);
        assert_eq!(l.snapshot().map(|r| r.remaining), Some(8));
    }

    #[test]
    fn requests_counted_out_of_send_order_are_not_blamed_on_others() {
        let l = RateLimiter::new(true);
        let (mut permits, _) = take(&l, at(T0, 0), 3);
        // Over three connections the server counted the third request
        // first and the first last: the first's answer says 3 of 10 used.
        let first = permits.remove(0);
        l.observe(&first, rl(10, 7, T0 + 1));
        drop(first);
        // All three were ours: nobody else used any, 7 may still go.
        assert_eq!(l.lock().others, 0);
        assert_eq!(budget(&l), 7);
    }

    #[test]
    fn quota_used_by_someone_else_is_subtracted() {
        let l = RateLimiter::new(true);
        let (mut permits, _) = take(&l, at(T0, 0), 1);
        let p = permits.remove(0);
        // Our first request, and 7 of 10 are already used: 6 by others.
        l.observe(&p, rl(10, 3, T0 + 1));
        drop(p);
        assert_eq!(budget(&l), 3);
        // A 429 answer: nothing left until the reset.
        let (mut permits, _) = take(&l, at(T0, 10), 1);
        let p = permits.remove(0);
        l.observe(&p, rl(10, 0, T0 + 1));
        drop(p);
        assert_eq!(budget(&l), 0);
        assert!(matches!(
            l.try_take_paced(at(T0, 20)),
            Err(Blocked::UntilReset(_))
        ));
    }

    #[test]
    fn a_passed_window_starts_a_fresh_budget_of_limit() {
        let l = RateLimiter::new(true);
        let (mut permits, _) = take(&l, at(T0, 0), 1);
        let p = permits.remove(0);
        l.observe(&p, rl(10, 0, T0 + 1));
        drop(p);
        assert!(matches!(
            l.try_take_paced(at(T0, 500)),
            Err(Blocked::UntilReset(_))
        ));
        // Past the reset: 10 may go, not every task that asks.
        let (mut permits, blocked) = take(&l, at(T0 + 1, 50), 25);
        assert_eq!((permits.len(), blocked), (10, Some(Blocked::ForNews)));
        // An answer about the new window replaces the assumption.
        let p = permits.remove(0);
        l.observe(&p, rl(10, 9, T0 + 2));
        drop(p);
        assert!(!l.lock().assumed);
        assert_eq!(budget(&l), 0);
        assert!(matches!(
            l.try_take_paced(at(T0 + 1, 70)),
            Err(Blocked::UntilReset(_))
        ));
    }

    #[test]
    fn a_stale_answer_from_the_old_window_is_ignored() {
        let l = RateLimiter::new(true);
        let (mut old, _) = take(&l, at(T0, 0), 2);
        let p = old.remove(0);
        l.observe(&p, rl(10, 1, T0 + 1));
        drop(p);
        let (new, _) = take(&l, at(T0 + 1, 50), 3);
        assert_eq!(new.len(), 3);
        // The old window's straggler arrives after its reset.
        let p = old.remove(0);
        l.observe(&p, rl(10, 0, T0 + 1));
        drop(p);
        assert!(l.lock().assumed);
        assert_eq!(budget(&l), 7);
    }

    #[test]
    fn a_window_change_we_did_not_expect_counts_what_is_in_flight() {
        let l = RateLimiter::new(true);
        let (mut permits, _) = take(&l, at(T0, 0), 4);
        let p = permits.remove(0);
        l.observe(&p, rl(10, 9, T0 + 1));
        drop(p);
        // Our clock still says T0, but the server has moved on.
        let p = permits.remove(0);
        l.observe(&p, rl(10, 9, T0 + 2));
        drop(p);
        assert_eq!(l.snapshot().map(|r| r.reset_unix()), Some(T0 + 2));
        // The three in flight when the answer came count as sent.
        assert_eq!(budget(&l), 7);
    }

    #[test]
    fn a_clock_ahead_of_the_server_keeps_counting_the_servers_window() {
        let l = RateLimiter::new(true);
        // Our clock is a year ahead: every reset looks passed.
        let late = at(T0 + 31_536_000, 0);
        let (mut permits, _) = take(&l, late, 1);
        let p = permits.remove(0);
        l.observe(&p, rl(5, 4, T0 + 10));
        drop(p);
        // The next request assumes a fresh window; its answer shows the
        // server is still in the old one.
        let (mut permits, _) = take(&l, late, 1);
        let p = permits.remove(0);
        l.observe(&p, rl(5, 3, T0 + 10));
        drop(p);
        assert!(!l.lock().assumed);
        assert_eq!(l.snapshot().map(|r| r.remaining), Some(3));
        assert_eq!(budget(&l), 3);
        // No more assuming for that window: three go, the fourth goes only
        // when nothing is in flight (it cannot time the reset).
        let (permits, blocked) = take(&l, late, 4);
        assert_eq!((permits.len(), blocked), (3, Some(Blocked::ForNews)));
        drop(permits);
        assert!(l.try_take_paced(late).is_ok());
    }

    #[test]
    fn with_nothing_in_flight_an_assumed_window_does_not_block() {
        let l = RateLimiter::new(true);
        let (mut permits, _) = take(&l, at(T0, 0), 1);
        let p = permits.remove(0);
        l.observe(&p, rl(0, 0, T0 + 1));
        drop(p);
        // A limit of 0 would block forever; with nothing in flight to learn
        // from, the request goes and its answer decides.
        assert_eq!(l.try_take_paced(at(T0 + 2, 0)).map(|(seq, _)| seq), Ok(1));
    }

    #[test]
    fn pacing_off_never_blocks() {
        let l = RateLimiter::new(false);
        let (mut permits, _) = take(&l, at(T0, 0), 1);
        let p = permits.remove(0);
        l.observe(&p, rl(10, 0, T0 + 1));
        drop(p);
        let (permits, blocked) = take(&l, at(T0, 10), 50);
        assert_eq!((permits.len(), blocked), (50, None));
    }

    #[tokio::test(start_paused = true)]
    async fn acquire_waits_until_the_reset_and_counts_it() {
        let clock = crate::TokioClock::starting_at(at(T0, 0));
        let l = RateLimiter::new(true);
        let (mut permits, _) = take(&l, at(T0, 0), 1);
        let p = permits.remove(0);
        l.observe(&p, rl(10, 0, T0 + 10));
        drop(p);
        let (permit, waited) = l
            .acquire(&clock, Duration::from_secs(60))
            .await
            .expect("acquired");
        assert_eq!(waited, Duration::from_millis(10_050));
        let stats = l.stats();
        assert_eq!((stats.waits, stats.waited), (1, waited));
        // A wait past `max_wait` is refused.
        l.observe(&permit, rl(10, 0, T0 + 20));
        drop(permit);
        let err = l.acquire(&clock, Duration::from_secs(1)).await.err();
        assert!(matches!(err, Some(Error::RateLimited { .. })), "{err:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_waiting_for_news_wakes_on_an_answer() {
        let clock = crate::TokioClock::starting_at(at(T0, 0));
        let l = std::sync::Arc::new(RateLimiter::new(true));
        let (mut permits, _) = take(&l, at(T0, 0), 1);
        let p = permits.remove(0);
        l.observe(&p, rl(2, 0, T0 + 1));
        drop(p);
        tokio::time::advance(Duration::from_secs(2)).await;
        // Two of two assumed slots go; the third waits for news.
        let (a, _) = l.acquire(&clock, Duration::ZERO).await.expect("a");
        let (b, _) = l.acquire(&clock, Duration::ZERO).await.expect("b");
        let waiter = {
            let l = std::sync::Arc::clone(&l);
            tokio::spawn(async move {
                let clock = clock;
                l.acquire(&clock, Duration::ZERO)
                    .await
                    .map(|_| l.lock().sent)
            })
        };
        tokio::task::yield_now().await;
        assert!(!waiter.is_finished());
        // The answer says the window is bigger than assumed.
        l.observe(&a, rl(10, 9, T0 + 3));
        drop(a);
        drop(b);
        assert_eq!(waiter.await.expect("joined").ok(), Some(3));
    }
}
