//! Bulk operations against the fake Intercom, in virtual time.
//!
//! The fake and the client share a [`VirtualClock`] that moves only when
//! every worker of the run is asleep on it, so "2,000 events at 50 per
//! second" is forty one-second quota windows of fake time, a fraction of a
//! second of real time, and the same run whatever the machine's load.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use intercom_api::bulk::{MAX_CONCURRENCY, Progress};
use intercom_api::contacts::CreateContact;
use intercom_api::mock::{FakeIntercom, Fault};
use intercom_api::resources::data_events::{CreateDataEvent, EventUser};
use intercom_api::{Client, Clock, Error, Sleep};
use serde_json::json;
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, ResponseTemplate};

/// Fake time starts on a whole second, so the first window is a full one.
const T0: u64 = 1_750_000_000;

/// A wall clock that moves only when every worker of a bulk run is asleep
/// on it (discrete-event time).
///
/// A worker is one of the run's `concurrency` calls; it is asleep when it
/// waits for quota or for a retry. When all the live workers sleep, no
/// request is in flight: every one sent has reached the fake, been counted
/// in the window it was sent in, and its answer has been read. Only then
/// does time jump to the earliest deadline, waking the sleepers due.
///
/// (An earlier version jumped after 25 ms of real time, assuming in-flight
/// requests would land by then. Under CPU load one sometimes did not: the
/// fake counted it in the next window, the client rightly saw that window
/// one short, and the run needed a 41st window.)
///
/// The run must report each finished item through [`VirtualClock::on_progress`],
/// so the clock knows how many workers are left at the end of the input.
#[derive(Debug, Clone)]
struct VirtualClock(Arc<Mutex<Timeline>>);

#[derive(Debug)]
struct Timeline {
    now: SystemTime,
    /// Deadline and waker of each sleeping worker, by sleep id.
    sleepers: BTreeMap<u64, (SystemTime, Waker)>,
    next_id: u64,
    /// The run's concurrency; `None` when no run was declared.
    concurrency: Option<usize>,
    /// Items of the run not finished yet.
    unfinished: usize,
}

impl Timeline {
    /// If every live worker sleeps, jump to the earliest deadline and return
    /// the wakers of the sleepers now due (their entries removed, so the
    /// next jump waits until they sleep again or finish).
    fn advance_if_idle(&mut self) -> Vec<Waker> {
        let Some(concurrency) = self.concurrency else {
            return Vec::new();
        };
        let live = concurrency.min(self.unfinished);
        let Some(next) = self.sleepers.values().map(|(d, _)| *d).min() else {
            return Vec::new();
        };
        if self.sleepers.len() < live {
            return Vec::new();
        }
        self.now = self.now.max(next);
        let now = self.now;
        let due: Vec<u64> = self
            .sleepers
            .iter()
            .filter(|(_, (d, _))| *d <= now)
            .map(|(id, _)| *id)
            .collect();
        due.iter()
            .filter_map(|id| self.sleepers.remove(id))
            .map(|(_, w)| w)
            .collect()
    }
}

impl VirtualClock {
    /// A clock for a run of `items` at `concurrency`; the run must be given
    /// [`on_progress`](Self::on_progress).
    fn for_run(items: usize, concurrency: usize) -> Self {
        VirtualClock::starting(Some(concurrency), items)
    }

    /// A clock for runs far below the quota: they never sleep, and a sleep
    /// fails the test.
    fn new() -> Self {
        VirtualClock::starting(None, 0)
    }

    fn starting(concurrency: Option<usize>, unfinished: usize) -> Self {
        VirtualClock(Arc::new(Mutex::new(Timeline {
            now: UNIX_EPOCH + Duration::from_secs(T0),
            sleepers: BTreeMap::new(),
            next_id: 0,
            concurrency,
            unfinished,
        })))
    }

    fn timeline(&self) -> MutexGuard<'_, Timeline> {
        self.0.lock().unwrap()
    }

    fn elapsed(&self) -> Duration {
        self.now()
            .duration_since(UNIX_EPOCH + Duration::from_secs(T0))
            .unwrap()
    }

    /// The run's progress callback: one worker fewer at the end of the
    /// input, which may leave all the others asleep.
    fn on_progress(&self) -> impl Fn(&Progress) + Send + Sync + 'static {
        let clock = self.clone();
        move |_| {
            let due = {
                let mut t = clock.timeline();
                t.unfinished = t.unfinished.saturating_sub(1);
                t.advance_if_idle()
            };
            due.into_iter().for_each(Waker::wake);
        }
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> SystemTime {
        self.timeline().now
    }
    fn sleep(&self, d: Duration) -> Sleep {
        let mut t = self.timeline();
        assert!(
            t.concurrency.is_some(),
            "a sleep of {d:?} on a clock with no run declared: use VirtualClock::for_run"
        );
        let id = t.next_id;
        t.next_id += 1;
        let deadline = t.now + d;
        Box::pin(Nap {
            clock: self.clone(),
            id,
            deadline,
        })
    }
}

/// One worker's sleep on a [`VirtualClock`].
struct Nap {
    clock: VirtualClock,
    id: u64,
    deadline: SystemTime,
}

impl Future for Nap {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let (ready, due) = {
            let mut t = self.clock.timeline();
            if t.now >= self.deadline {
                t.sleepers.remove(&self.id);
                (true, Vec::new())
            } else {
                t.sleepers
                    .insert(self.id, (self.deadline, cx.waker().clone()));
                let due = t.advance_if_idle();
                (t.now >= self.deadline, due)
            }
        };
        due.into_iter().for_each(Waker::wake);
        if ready {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

impl Drop for Nap {
    fn drop(&mut self) {
        if let Ok(mut t) = self.clock.0.lock() {
            t.sleepers.remove(&self.id);
        }
    }
}

/// Real time a run may take before it counts as hung: far more than the
/// fraction of a second it needs, even under load. Never waited out by a
/// passing test.
const HANG: Duration = Duration::from_secs(120);

/// `fut`, or a failure naming the clock's state if it hangs (a worker
/// waiting for something other than the clock, with nothing in flight).
async fn unless_hung<F: Future>(clock: &VirtualClock, fut: F) -> F::Output {
    match tokio::time::timeout(HANG, fut).await {
        Ok(out) => out,
        Err(_) => panic!("the run hung: {:?}", clock.timeline()),
    }
}

async fn fake_with_quota(limit: u32, clock: &VirtualClock) -> (FakeIntercom, Client) {
    let fake = FakeIntercom::builder()
        .quota(limit, Duration::from_secs(1))
        .clock(clock.clone())
        .start()
        .await;
    let client = fake.client_builder().clock(clock.clone()).build().unwrap();
    (fake, client)
}

fn event(i: usize) -> CreateDataEvent {
    CreateDataEvent::new(
        "synced-order",
        1_717_200_000,
        EventUser::user_id(format!("user-{i}")),
    )
    .metadata("n", i as u64)
}

/// The `n` metadata of every event the fake accepted, sorted.
fn accepted(fake: &FakeIntercom) -> Vec<u64> {
    let mut ns: Vec<u64> = fake
        .events()
        .iter()
        .map(|e| e["metadata"]["n"].as_u64().unwrap())
        .collect();
    ns.sort_unstable();
    ns
}

#[tokio::test]
async fn events_at_the_quota_use_it_fully_without_429s_or_losses() {
    const N: usize = 2_000;
    const QUOTA: u32 = 50;
    let clock = VirtualClock::for_run(N, 16);
    let (fake, client) = fake_with_quota(QUOTA, &clock).await;

    let bulk = client
        .bulk()
        .concurrency(16)
        .on_progress(clock.on_progress());
    let report = unless_hung(&clock, bulk.track_events((0..N).map(event)))
        .await
        .unwrap();

    // Every event arrived exactly once, and every result is there in order.
    assert_eq!(accepted(&fake), (0..N as u64).collect::<Vec<_>>());
    assert_eq!(report.results.len(), N);
    assert!(report.is_complete(), "{:?}", report.failures().next());
    assert_eq!((report.stats.succeeded, report.stats.failed), (N, 0));

    // Forty windows of 50: the run ends early in the 40th window, 39.05 s
    // after the start (each wait ends 50 ms past a reset).
    let windows = N as u64 / u64::from(QUOTA);
    assert_eq!(report.stats.elapsed, clock.elapsed());
    let achieved = report.stats.rate().unwrap() / f64::from(QUOTA);
    assert!(
        achieved >= 0.95,
        "achieved {achieved:.3} of the quota: {:?}",
        report.stats
    );
    assert!(
        report.stats.elapsed < Duration::from_secs(windows),
        "{:?}",
        report.stats
    );
    // No 429 at all: the client knows the window and waits for its reset.
    assert_eq!(report.stats.throttled, 0);
    // One wait per window edge for each task that found the budget spent.
    assert!(report.stats.waits >= windows - 1, "{:?}", report.stats);
    let sent = fake
        .received_requests()
        .await
        .iter()
        .filter(|r| r.url.path() == "/events")
        .count();
    assert_eq!(sent, N, "no request was sent twice");
}

#[tokio::test]
async fn quota_taken_by_someone_else_costs_a_429_per_edge_and_no_item() {
    const N: usize = 300;
    let clock = VirtualClock::for_run(N, 4);
    let (fake, client) = fake_with_quota(50, &clock).await;
    // Another process took part of the first windows' quota: the next
    // answers are 429s as Intercom would send them.
    fake.inject(Fault::Status(429), 3);

    let bulk = client
        .bulk()
        .concurrency(4)
        .on_progress(clock.on_progress());
    let report = unless_hung(&clock, bulk.track_events((0..N).map(event)))
        .await
        .unwrap();

    assert!(report.is_complete(), "{:?}", report.failures().next());
    assert_eq!(accepted(&fake), (0..N as u64).collect::<Vec<_>>());
    assert_eq!(report.stats.throttled, 3);
    let windows = report.stats.elapsed.as_secs() + 1;
    assert!(report.stats.throttled <= windows);
}

#[tokio::test]
async fn failures_come_back_in_input_order_with_their_items() {
    let clock = VirtualClock::new();
    let (fake, client) = fake_with_quota(1_000, &clock).await;
    let events = vec![
        event(0),
        // Refused before sending: an empty email.
        CreateDataEvent::new("synced-order", 1_717_200_000, EventUser::email("")),
        event(2),
        // Refused by the fake: no user at all is not possible through the
        // builder, so an event with an empty name.
        CreateDataEvent::new("", 1_717_200_000, EventUser::user_id("user-3")),
        event(4),
    ];
    let report = client.bulk().track_events(events.clone()).await.unwrap();

    assert_eq!(report.results.len(), 5);
    let ok: Vec<usize> = report.successes().map(|(i, _)| i).collect();
    assert_eq!(ok, vec![0, 2, 4]);
    let failed: Vec<(usize, &CreateDataEvent)> =
        report.failures().map(|f| (f.index, &f.item)).collect();
    assert_eq!(failed, vec![(1, &events[1]), (3, &events[3])]);
    for f in report.failures() {
        assert!(
            matches!(f.error, Error::InvalidInput { .. }),
            "{:?}",
            f.error
        );
    }
    assert_eq!((report.stats.succeeded, report.stats.failed), (3, 2));
    assert_eq!(accepted(&fake), vec![0, 2, 4]);
    let retry = report.into_failed_items();
    assert_eq!(retry, vec![events[1].clone(), events[3].clone()]);
}

#[tokio::test]
async fn concurrency_out_of_range_is_refused_naming_the_field() {
    let clock = VirtualClock::new();
    let (fake, client) = fake_with_quota(1_000, &clock).await;
    for n in [0, MAX_CONCURRENCY + 1] {
        let err = client
            .bulk()
            .concurrency(n)
            .track_events((0..3).map(event))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput { field, .. } if field == "concurrency"),
            "{err:?}"
        );
    }
    assert!(fake.received_requests().await.is_empty());
}

#[tokio::test]
async fn run_keeps_at_most_concurrency_calls_in_flight_and_reports_progress() {
    let clock = VirtualClock::new();
    let (fake, client) = fake_with_quota(1_000, &clock).await;
    let ids = fake.seed_contacts(40);

    let active = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let seen: Arc<Mutex<Vec<Progress>>> = Arc::default();
    let report = client
        .bulk()
        .concurrency(5)
        .on_progress({
            let seen = Arc::clone(&seen);
            move |p| seen.lock().unwrap().push(*p)
        })
        .run(ids.clone(), |client, id| {
            let now = active.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            let active = Arc::clone(&active);
            async move {
                let contact = client.contacts().get(&id).await;
                active.fetch_sub(1, Ordering::SeqCst);
                contact.map(|c| c.email)
            }
        })
        .await
        .unwrap();

    assert_eq!(peak.load(Ordering::SeqCst), 5);
    let emails: Vec<Option<String>> = report.results.into_iter().map(|r| r.unwrap()).collect();
    let expected: Vec<Option<String>> = (1..=40)
        .map(|k| Some(format!("user{k}@example.com")))
        .collect();
    assert_eq!(emails, expected, "results are in input order");

    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 40);
    assert!(seen.iter().all(|p| p.in_flight <= 5));
    assert_eq!(
        seen.iter().map(|p| p.done).collect::<Vec<_>>(),
        (1..=40).collect::<Vec<_>>()
    );
    let last = seen.last().unwrap();
    assert_eq!((last.done, last.failed, last.in_flight), (40, 0, 0));
}

#[tokio::test]
async fn upsert_contacts_creates_new_and_updates_existing_in_order() {
    let clock = VirtualClock::new();
    let (fake, client) = fake_with_quota(1_000, &clock).await;
    fake.seed_contacts(2); // user-1, user-2
    let contacts = vec![
        CreateContact::with_external_id("user-1").custom_attribute("plan", "pro"),
        CreateContact::with_external_id("user-9").email("nine@example.com"),
        CreateContact::with_email("no-external-id@example.com"),
        CreateContact::with_external_id("user-2").name("Two"),
    ];
    let report = client.bulk().upsert_contacts(contacts).await.unwrap();

    let created: Vec<Option<bool>> = report
        .results
        .iter()
        .map(|r| r.as_ref().ok().map(|u| u.created))
        .collect();
    assert_eq!(created, vec![Some(false), Some(true), None, Some(false)]);
    let failure = report.failures().next().unwrap();
    assert_eq!(failure.index, 2);
    assert!(
        matches!(&failure.error, Error::InvalidInput { field, .. } if field == "external_id"),
        "{:?}",
        failure.error
    );
    assert_eq!(fake.contact_count(), 3);
    let one = report.results[0].as_ref().unwrap();
    assert_eq!(
        one.contact.custom_attributes.get("plan"),
        Some(&json!("pro"))
    );
    assert_eq!(
        report.results[3].as_ref().unwrap().contact.name.as_deref(),
        Some("Two")
    );
}

#[tokio::test]
async fn tag_puts_the_tag_on_every_contact_and_returns_the_misses() {
    let clock = VirtualClock::new();
    let (fake, client) = fake_with_quota(1_000, &clock).await;
    Mock::given(method("POST"))
        .and(path_regex(r"^/contacts/c[0-9]+/tags$"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "tag", "id": "7522907", "name": "vip"
        })))
        .mount(fake.server())
        .await;
    let report = client
        .bulk()
        .tag("7522907", ["c1", "c2", "missing", "c3"])
        .await
        .unwrap();

    let tagged: Vec<usize> = report.successes().map(|(i, _)| i).collect();
    assert_eq!(tagged, vec![0, 1, 3]);
    assert!(report.successes().all(|(_, t)| t.id == "7522907"));
    let miss = report.failures().next().unwrap();
    assert_eq!((miss.index, miss.item.as_str()), (2, "missing"));
    assert_eq!(miss.error.status().map(|s| s.as_u16()), Some(404));

    let bodies: Vec<serde_json::Value> = fake
        .received_requests()
        .await
        .iter()
        .filter(|r| r.url.path() != "/contacts/missing/tags")
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert_eq!(bodies, vec![json!({"id": "7522907"}); 3]);

    let err = client.bulk().tag(" ", ["c1"]).await.unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "tag_id"),
        "{err:?}"
    );
}
