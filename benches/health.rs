//! Health-score throughput: batch scoring of a 1M-contact workspace and
//! `HealthTracker` updates per second.
//!
//! Run with `cargo bench --features health --bench health`. Every figure is
//! reported next to a baseline measured in the same run over the same data,
//! so the ratios mean something on any machine:
//!
//! - batch scoring vs. summing the raw `Signals` fields (a pass over the
//!   same memory that does no scoring);
//! - tracker updates vs. one `HashMap` lookup by contact id per update (the
//!   least any per-contact store must do).
//!
//! A counting allocator reports the allocations made while scoring the batch.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use intercom_api::health::{HealthScorer, HealthTracker, Rating, Signals};
use intercom_api::webhooks::{self, Notification};
use intercom_api::{Clock, Sleep};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const T0: i64 = 1_750_000_000;
const DAY: i64 = 86_400;
const CONTACTS: usize = 1_000_000;
const RUNS: usize = 7;

/// xorshift64*: deterministic synthetic data without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn workspace(n: usize) -> Vec<Signals> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|_| {
            let mut s = Signals::default();
            // One contact in ten has no conversation (no score).
            if rng.below(10) == 0 {
                s.last_seen_at = Some(T0 - rng.below(90) as i64 * DAY);
                return s;
            }
            s.conversations = 1 + rng.below(20) as u32;
            s.open_conversations = rng.below(u64::from(s.conversations).min(6)) as u32;
            s.recent_conversations = rng.below(u64::from(s.conversations) + 1) as u32;
            s.last_seen_at = (rng.below(20) != 0).then(|| T0 - rng.below(120 * DAY as u64) as i64);
            s.last_conversation_at = Some(T0 - rng.below(60 * DAY as u64) as i64);
            s.last_replied_at = (rng.below(4) != 0).then(|| T0 - rng.below(90 * DAY as u64) as i64);
            s.avg_resolution_secs = (s.recent_conversations > 0).then(|| rng.below(96 * 3600));
            s.recent_reopens = rng.below(5) as u32;
            s
        })
        .collect()
}

/// The baseline: read every field once and add it up.
fn sum_raw(signals: &[Signals]) -> f64 {
    let mut total = 0.0;
    for s in signals {
        total += f64::from(s.conversations)
            + f64::from(s.open_conversations)
            + f64::from(s.recent_conversations)
            + f64::from(s.recent_reopens)
            + s.last_seen_at.unwrap_or(0) as f64
            + s.last_conversation_at.unwrap_or(0) as f64
            + s.last_replied_at.unwrap_or(0) as f64
            + s.avg_resolution_secs.unwrap_or(0) as f64;
    }
    total
}

/// Median of `RUNS` timings of `f`.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn per_sec(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

#[derive(Debug)]
struct FixedClock(SystemTime);

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0
    }
    fn sleep(&self, _: Duration) -> Sleep {
        Box::pin(std::future::ready(()))
    }
}

fn bench_batch() {
    let now = UNIX_EPOCH + Duration::from_secs(T0 as u64);
    let signals = workspace(CONTACTS);
    let scorer = HealthScorer::default();
    let mut out: Vec<Option<Rating>> = vec![None; signals.len()];

    let baseline = median(|| {
        black_box(sum_raw(black_box(&signals)));
    });
    let mut summary = None;
    let batch = median(|| {
        summary = Some(scorer.score_batch(black_box(&signals), now, &mut out));
        black_box(&out);
    });
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let _ = black_box(scorer.score_batch(black_box(&signals), now, &mut out));
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
    let breakdown = median(|| {
        for s in &signals {
            black_box(scorer.score(black_box(s), now));
        }
    });

    println!("batch scoring, {CONTACTS} synthetic contacts (median of {RUNS} runs)");
    println!(
        "  baseline: sum raw inputs   {:>9.2} ms  {:>12.0} contacts/s",
        baseline.as_secs_f64() * 1e3,
        per_sec(CONTACTS, baseline)
    );
    println!(
        "  score_batch (score, band)  {:>9.2} ms  {:>12.0} contacts/s  {:>5.1}x baseline",
        batch.as_secs_f64() * 1e3,
        per_sec(CONTACTS, batch),
        batch.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "  score (with breakdown)     {:>9.2} ms  {:>12.0} contacts/s  {:>5.1}x baseline",
        breakdown.as_secs_f64() * 1e3,
        per_sec(CONTACTS, breakdown),
        breakdown.as_secs_f64() / baseline.as_secs_f64()
    );
    println!("  allocations while scoring {CONTACTS} contacts: {allocations}");
    if let Some(Ok(s)) = summary {
        println!(
            "  bands: {} healthy, {} at risk, {} critical, {} without score",
            s.healthy, s.at_risk, s.critical, s.unscored
        );
    }
}

fn conversation_body(
    topic: &str,
    conversation: usize,
    contact: usize,
    state: &str,
    at: i64,
) -> String {
    format!(
        r#"{{"type":"notification_event","id":"n{conversation}-{at}","topic":"{topic}","created_at":{at},
        "data":{{"type":"notification_event_data","item":{{"type":"conversation","id":"conv{conversation}",
        "state":"{state}","created_at":{created},"updated_at":{at},
        "contacts":{{"type":"contact.list","contacts":[{{"type":"contact","id":"contact{contact}"}}]}},
        "statistics":{{"time_to_last_close":{ttlc},"count_reopens":{reopens}}}}}}}}}"#,
        created = at - 3 * DAY,
        ttlc = (conversation % 72) * 3600,
        reopens = conversation % 3,
    )
}

fn bench_tracker() {
    const TRACKED: usize = 100_000;
    const UPDATES: usize = 200_000;
    let now = UNIX_EPOCH + Duration::from_secs(T0 as u64);
    let clock: Arc<dyn Clock> = Arc::new(FixedClock(now));
    let mut rng = Rng(42);

    // Three conversations per contact to start with.
    let mut tracker = HealthTracker::new(HealthScorer::default()).with_clock(clock);
    for contact in 0..TRACKED {
        for k in 0..3 {
            let conversation = contact * 3 + k;
            let body = conversation_body(
                "conversation.user.created",
                conversation,
                contact,
                "open",
                T0 - 10 * DAY,
            );
            if let Ok(n) = webhooks::parse(body.as_bytes()) {
                tracker.apply(&n);
            }
        }
    }

    // A stream of closes, reopens, assignments and replies on random conversations.
    let topics = [
        ("conversation.admin.closed", "closed"),
        ("conversation.admin.opened", "open"),
        ("conversation.admin.assigned", "open"),
        ("conversation.user.replied", "open"),
    ];
    let bodies: Vec<String> = (0..UPDATES)
        .map(|i| {
            let conversation = rng.below((TRACKED * 3) as u64) as usize;
            let (topic, state) = topics[rng.below(4) as usize];
            conversation_body(
                topic,
                conversation,
                conversation / 3,
                state,
                T0 - 5 * DAY + i as i64,
            )
        })
        .collect();
    let parse_start = Instant::now();
    let notifications: Vec<Notification> = bodies
        .iter()
        .filter_map(|b| webhooks::parse(b.as_bytes()).ok())
        .collect();
    let parse = parse_start.elapsed();

    let mut index: HashMap<String, u64> =
        (0..TRACKED).map(|c| (format!("contact{c}"), 0)).collect();
    let baseline_start = Instant::now();
    for n in &notifications {
        if let Some(c) = n.item.as_conversation().and_then(|c| c.contacts.first()) {
            if let Some(v) = index.get_mut(&c.id) {
                *v += 1;
            }
        }
    }
    let baseline = baseline_start.elapsed();
    black_box(&index);

    let start = Instant::now();
    let mut changes = 0usize;
    let mut band_changes = 0usize;
    for n in &notifications {
        for change in tracker.apply(n) {
            changes += 1;
            band_changes += usize::from(change.band_changed());
        }
    }
    let apply = start.elapsed();

    println!("tracker, {TRACKED} contacts x 3 conversations, {UPDATES} notifications");
    println!(
        "  baseline: HashMap lookup   {:>9.2} ms  {:>12.0} updates/s",
        baseline.as_secs_f64() * 1e3,
        per_sec(notifications.len(), baseline)
    );
    println!(
        "  HealthTracker::apply       {:>9.2} ms  {:>12.0} updates/s  {:>5.1}x baseline",
        apply.as_secs_f64() * 1e3,
        per_sec(notifications.len(), apply),
        apply.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "  (webhooks::parse, for scale: {:>9.2} ms  {:>12.0} notifications/s  {:>5.1}x baseline)",
        parse.as_secs_f64() * 1e3,
        per_sec(notifications.len(), parse),
        parse.as_secs_f64() / baseline.as_secs_f64()
    );
    println!("  {changes} score changes, {band_changes} band changes");
}

fn main() {
    bench_batch();
    bench_tracker();
}
