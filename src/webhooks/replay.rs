//! [`ReplayGuard`]: refuses replayed and stale notifications with bounded
//! memory.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use super::notification::Notification;
use crate::transport::Clock;

/// Why [`ReplayGuard`] refused a notification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// This notification id was already accepted within the window. Intercom
    /// itself re-sends a notification (same id) when your endpoint failed or
    /// timed out; answer `2xx` to duplicates so it stops.
    #[error("notification {id} was already received")]
    Replayed {
        /// The repeated id.
        id: String,
    },
    /// The notification is older than the guard's `max_age`.
    #[error("notification is {}s old (max {}s)", age.as_secs(), max_age.as_secs())]
    TooOld {
        /// How old it is.
        age: Duration,
        /// The limit.
        max_age: Duration,
    },
    /// The notification claims to be from the future by more than the
    /// allowed clock skew.
    #[error("notification is dated {}s in the future", ahead.as_secs())]
    FromTheFuture {
        /// How far ahead.
        ahead: Duration,
    },
    /// The notification has neither `created_at` nor `first_sent_at`, so its
    /// age cannot be checked.
    #[error("notification has no created_at or first_sent_at")]
    NoTimestamp,
}

/// The remembered ids, each with the time it may be forgotten.
#[derive(Debug, Default)]
struct Seen {
    by_id: HashMap<Arc<str>, SystemTime>,
    /// The same ids by expiry, soonest first. An entry whose time no longer
    /// matches `by_id` (forgotten, or accepted again later) is stale and
    /// skipped; stale entries are swept when they outnumber live ones.
    by_expiry: BinaryHeap<Reverse<(SystemTime, Arc<str>)>>,
}

impl Seen {
    /// Forget the id expiring soonest; `false` when nothing is left.
    fn pop_soonest(&mut self) -> bool {
        while let Some(Reverse((at, id))) = self.by_expiry.pop() {
            if self.by_id.get(&id) == Some(&at) {
                self.by_id.remove(&id);
                return true;
            }
        }
        false
    }
}

/// Refuses replayed and stale notifications, with bounded memory.
///
/// - A notification whose `id` was accepted before is
///   [`Replayed`](ReplayError::Replayed) for as long as the id is remembered:
///   at least `window` after it was accepted, **and** until the notification
///   is older than `max_age` by its own date, so a replay is refused by id
///   right up to the moment the age check takes over (an early-dated
///   notification is remembered longer, not shorter).
/// - One dated (`created_at`, else `first_sent_at`) more than `max_age` ago is
///   [`TooOld`](ReplayError::TooOld); more than the clock skew (default five
///   minutes) ahead is [`FromTheFuture`](ReplayError::FromTheFuture).
/// - Pings have no id: they are only age-checked.
///
/// At most `capacity` ids are remembered (default 100 000); past that the
/// one that would be forgotten soonest goes first. With a capacity above the
/// notifications you receive in `max_age`, every replay is caught, either by
/// id or by age, whatever `window` is. Intercom may hold back throttled
/// notifications for up to two hours, so a `max_age` below that can refuse
/// genuine ones.
///
/// The guard is `Sync`: share one behind an `Arc` across request handlers.
/// Time is passed in ([`check`](Self::check)) or read from a
/// [`Clock`], so tests need no sleeping.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use intercom_api::webhooks::{parse, ReplayGuard, ReplayError};
///
/// let guard = ReplayGuard::new(Duration::from_secs(3 * 3600), Duration::from_secs(3 * 3600));
/// let n = parse(br#"{"topic":"ping","id":"notif_1","created_at":1000,"data":{}}"#)?;
/// let now = UNIX_EPOCH + Duration::from_secs(1060);
/// assert!(guard.check(&n, now).is_ok());
/// assert!(matches!(guard.check(&n, now), Err(ReplayError::Replayed { .. })));
/// # Ok::<(), intercom_api::webhooks::ParseError>(())
/// ```
#[derive(Debug)]
pub struct ReplayGuard {
    window: Duration,
    max_age: Duration,
    max_skew: Duration,
    capacity: usize,
    seen: Mutex<Seen>,
}

impl ReplayGuard {
    /// Remember ids for `window`; refuse notifications older than `max_age`.
    pub fn new(window: Duration, max_age: Duration) -> Self {
        ReplayGuard {
            window,
            max_age,
            max_skew: Duration::from_secs(300),
            capacity: 100_000,
            seen: Mutex::new(Seen::default()),
        }
    }

    /// Remember at most this many ids (at least 1).
    pub fn capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity.max(1);
        self
    }

    /// How far in the future a notification may be dated (default 5 minutes).
    pub fn clock_skew(mut self, skew: Duration) -> Self {
        self.max_skew = skew;
        self
    }

    /// Check a notification at time `now` and, if accepted, remember its id.
    ///
    /// If you then fail to process it, call [`forget`](Self::forget) so that
    /// Intercom's retry is accepted.
    ///
    /// # Errors
    /// A [`ReplayError`] when the notification must be refused.
    pub fn check(&self, notification: &Notification, now: SystemTime) -> Result<(), ReplayError> {
        let sent = notification.sent_at().ok_or(ReplayError::NoTimestamp)?;
        match now.duration_since(sent) {
            Ok(age) if age > self.max_age => {
                return Err(ReplayError::TooOld {
                    age,
                    max_age: self.max_age,
                });
            }
            Ok(_) => {}
            Err(ahead) => {
                let ahead = ahead.duration();
                if ahead > self.max_skew {
                    return Err(ReplayError::FromTheFuture { ahead });
                }
            }
        }
        let Some(id) = &notification.id else {
            return Ok(());
        };
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        self.prune(&mut seen, now);
        if seen.by_id.contains_key(id.as_str()) {
            return Err(ReplayError::Replayed { id: id.clone() });
        }
        // Remembered while a replay could pass the age check, and at least
        // `window` after arrival. A time past `SystemTime`'s range (a huge
        // `max_age` or `window`) means until capacity pushes it out.
        let by_age = sent.checked_add(self.max_age).unwrap_or_else(far_future);
        let by_window = now.checked_add(self.window).unwrap_or_else(far_future);
        let expiry = by_age.max(by_window);
        let id: Arc<str> = Arc::from(id.as_str());
        seen.by_id.insert(Arc::clone(&id), expiry);
        seen.by_expiry.push(Reverse((expiry, id)));
        while seen.by_id.len() > self.capacity {
            if !seen.pop_soonest() {
                break;
            }
        }
        if seen.by_expiry.len() > self.capacity.saturating_mul(2) {
            let Seen { by_id, by_expiry } = &mut *seen;
            by_expiry.retain(|Reverse((at, id))| by_id.get(id) == Some(at));
        }
        Ok(())
    }

    /// [`check`](Self::check) at `SystemTime::now()`.
    ///
    /// # Errors
    /// As [`check`](Self::check).
    pub fn check_now(&self, notification: &Notification) -> Result<(), ReplayError> {
        self.check(notification, SystemTime::now())
    }

    /// [`check`](Self::check) at the clock's time.
    ///
    /// # Errors
    /// As [`check`](Self::check).
    pub fn check_with_clock(
        &self,
        notification: &Notification,
        clock: &dyn Clock,
    ) -> Result<(), ReplayError> {
        self.check(notification, clock.now())
    }

    /// Forget an id, so the next delivery with it is accepted (call this when
    /// processing a checked notification failed).
    pub fn forget(&self, id: &str) {
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        seen.by_id.remove(id);
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_id
            .len()
    }

    /// `true` when no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forget every id whose expiry is before `now` (an id is still
    /// remembered at its expiry itself: the age check accepts that instant).
    fn prune(&self, seen: &mut Seen, now: SystemTime) {
        while let Some(Reverse((at, _))) = seen.by_expiry.peek() {
            if *at >= now {
                break;
            }
            let Some(Reverse((at, id))) = seen.by_expiry.pop() else {
                break;
            };
            if seen.by_id.get(&id) == Some(&at) {
                seen.by_id.remove(&id);
            }
        }
    }
}

/// An expiry standing for "never": about 35,000 years after 1970.
fn far_future() -> SystemTime {
    SystemTime::UNIX_EPOCH
        .checked_add(Duration::from_secs(1 << 40))
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replay_memory_is_bounded() {
        let guard =
            ReplayGuard::new(Duration::from_secs(3600), Duration::from_secs(3600)).capacity(3);
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(10_000);
        for i in 0..10 {
            let n = Notification::from_value(serde_json::json!({
                "topic": "ping", "id": format!("n{i}"), "created_at": 10_000
            }))
            .expect("parse");
            guard.check(&n, now).expect("fresh");
        }
        assert_eq!(guard.len(), 3);
        let seen = guard.seen.lock().expect("lock");
        assert!(seen.by_expiry.len() <= 6);
    }

    fn notification(id: &str, created_at: u64) -> Notification {
        Notification::from_value(serde_json::json!({
            "topic": "conversation.admin.closed", "id": id, "created_at": created_at
        }))
        .expect("parse")
    }

    const T: u64 = 1_750_000_000;

    fn at(secs: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn an_early_dated_notification_is_remembered_until_its_age_runs_out() {
        // Dated 200 s ahead (within the 300 s skew), replayed when it is
        // just under max_age old: 3,700 s after it first arrived.
        let hour = Duration::from_secs(3600);
        let guard = ReplayGuard::new(hour, hour);
        let n = notification("notif_early", T + 200);
        guard.check(&n, at(T)).expect("fresh");
        assert_eq!(
            guard.check(&n, at(T + 3_700)),
            Err(ReplayError::Replayed {
                id: "notif_early".into()
            })
        );
        assert!(matches!(
            guard.check(&n, at(T + 3_801)),
            Err(ReplayError::TooOld { .. })
        ));
    }

    #[test]
    fn the_exact_max_age_boundary_is_refused_by_id() {
        let hour = Duration::from_secs(3600);
        let guard = ReplayGuard::new(hour, hour);
        let n = notification("notif_edge", T);
        guard.check(&n, at(T)).expect("fresh");
        // Age exactly max_age passes the age check; the id must still be known.
        assert!(matches!(
            guard.check(&n, at(T + 3_600)),
            Err(ReplayError::Replayed { .. })
        ));
        assert!(matches!(
            guard.check(&n, at(T + 3_601)),
            Err(ReplayError::TooOld { .. })
        ));
    }

    #[test]
    fn a_short_window_still_catches_every_replay_the_age_check_lets_through() {
        let guard = ReplayGuard::new(Duration::from_secs(60), Duration::from_secs(3600));
        let n = notification("notif_w", T);
        guard.check(&n, at(T + 10)).expect("fresh");
        for later in [T + 100, T + 1_000, T + 3_600] {
            assert!(
                matches!(
                    guard.check(&n, at(later)),
                    Err(ReplayError::Replayed { .. })
                ),
                "{later}"
            );
        }
        // Past its age the id is forgotten (memory freed), and refused by age.
        assert!(matches!(
            guard.check(&notification("other", T + 3_700), at(T + 3_700)),
            Ok(())
        ));
        assert_eq!(guard.len(), 1);
    }

    #[test]
    fn forget_lets_the_retry_in() {
        let guard = ReplayGuard::new(Duration::from_secs(60), Duration::from_secs(3600));
        let n = notification("notif_f", T);
        guard.check(&n, at(T)).expect("fresh");
        guard.forget("notif_f");
        guard.check(&n, at(T + 1)).expect("accepted again");
        assert!(guard.check(&n, at(T + 2)).is_err());
    }
}
