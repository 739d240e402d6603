//! SDK benchmarks: each figure is a ratio against a baseline measured in the
//! same run. See BENCHMARKS.md for results and how to read them.
//!
//! ```text
//! cargo bench --bench sdk --all-features            # everything, ~30 s
//! cargo bench --bench sdk --all-features -- calls   # one group: calls,
//!                                                   # decode, bulk, stream, webhook
//! ```
//!
//! `BENCH_QUICK=1` shrinks every group (a smoke run for CI).

#![recursion_limit = "256"]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use futures::TryStreamExt;
use intercom_api::contacts::{Contact, CreateContact};
use intercom_api::mock::FakeIntercom;
use intercom_api::models::List;
use intercom_api::resources::data_events::{CreateDataEvent, EventUser};
use intercom_api::webhooks::Verifier;
use intercom_api::{Client, Clock, Sleep};
use serde_json::{Value, json};

// ---------------------------------------------------------------- memory

/// Counts live heap bytes and their peak, for the streaming benchmark: only
/// allocations made on a thread that opted in with [`count_this_thread`],
/// so the in-process server's buffers do not count as the client's.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

fn count_this_thread() {
    COUNTED.with(|c| c.set(true));
}

fn counted() -> bool {
    COUNTED.try_with(Cell::get).unwrap_or(false)
}

fn to_isize(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters are only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && counted() {
            let size = to_isize(layout.size());
            let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        if counted() {
            LIVE.fetch_sub(to_isize(layout.size()), Ordering::Relaxed);
        }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

// ---------------------------------------------------------------- helpers

fn quick() -> bool {
    std::env::var_os("BENCH_QUICK").is_some()
}

/// CPU time of this process: the sum over its threads of the scheduler's
/// `se.sum_exec_runtime` (nanosecond resolution), else user + system time
/// from `/proc/self/stat` (10 ms ticks: too coarse for a 30 µs call).
fn cpu_time() -> Duration {
    if let Some(t) = sched_time() {
        return t;
    }
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses).
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    // utime and stime are fields 14 and 15 (1-based), 11 and 12 here.
    let clk = 100; // USER_HZ on Linux
    Duration::from_millis((ticks(11) + ticks(12)) * 1000 / clk)
}

fn sched_time() -> Option<Duration> {
    let mut total_ms = 0.0f64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let sched = std::fs::read_to_string(task.ok()?.path().join("sched")).ok()?;
        let line = sched
            .lines()
            .find(|l| l.starts_with("se.sum_exec_runtime"))?;
        total_ms += line.rsplit(':').next()?.trim().parse::<f64>().ok()?;
    }
    Some(Duration::from_secs_f64(total_ms / 1e3))
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// A contact as the fake Intercom serves it (the 2.16 `contact` shape),
/// with a few custom attributes, as real workspaces have.
fn contact_json(k: usize) -> Value {
    json!({
        "type": "contact",
        "id": format!("6762f0d01bb69f9f{k:08x}"),
        "workspace_id": "fakeapp1",
        "external_id": format!("user-{k}"),
        "role": "user",
        "email": format!("user{k}@example.com"),
        "email_domain": "example.com",
        "phone": "+15555550100",
        "name": format!("User {k}"),
        "avatar": null,
        "owner_id": 991267,
        "social_profiles": {"type": "list", "data": []},
        "has_hard_bounced": false,
        "marked_email_as_spam": false,
        "unsubscribed_from_emails": false,
        "created_at": 1_717_200_000 + k,
        "updated_at": 1_717_300_000 + k,
        "signed_up_at": 1_717_200_000 + k,
        "last_seen_at": 1_717_400_000,
        "last_replied_at": null,
        "last_contacted_at": 1_717_350_000,
        "last_email_opened_at": null,
        "last_email_clicked_at": null,
        "language_override": null,
        "browser": "chrome",
        "browser_version": "124.0.0.0",
        "browser_language": "en",
        "os": "OS X 14.4",
        "location": {"type": "location", "country": "Germany", "region": "Berlin", "city": "Berlin", "country_code": "DEU", "continent_code": "EU"},
        "android_app_name": null, "android_app_version": null, "android_device": null,
        "android_os_version": null, "android_sdk_version": null, "android_last_seen_at": null,
        "ios_app_name": null, "ios_app_version": null, "ios_device": null,
        "ios_os_version": null, "ios_sdk_version": null, "ios_last_seen_at": null,
        "custom_attributes": {"plan": "pro", "seats": 12, "mrr": 480.5, "churn_risk": "low", "signup_source": "ads"},
        "tags": {"type": "list", "data": [], "url": format!("/contacts/{k}/tags"), "total_count": 0, "has_more": false},
        "notes": {"type": "list", "data": [], "url": format!("/contacts/{k}/notes"), "total_count": 0, "has_more": false},
        "companies": {"type": "list", "data": [], "url": format!("/contacts/{k}/companies"), "total_count": 0, "has_more": false},
        "opted_out_subscription_types": {"type": "list", "data": [], "url": format!("/contacts/{k}/subscriptions"), "total_count": 0, "has_more": false},
        "opted_in_subscription_types": {"type": "list", "data": [], "url": format!("/contacts/{k}/subscriptions"), "total_count": 0, "has_more": false},
        "utm_campaign": null, "utm_content": null, "utm_medium": null, "utm_source": null, "utm_term": null,
        "referrer": null,
        "sms_consent": false,
        "unsubscribed_from_sms": false
    })
}

fn list_page(start: usize, n: usize, total: usize) -> Value {
    let end = (start + n).min(total);
    let data: Vec<Value> = (start..end).map(contact_json).collect();
    let mut page = json!({
        "type": "list",
        "data": data,
        "total_count": total,
        "pages": {"type": "pages", "page": start / n.max(1) + 1, "per_page": n,
                  "total_pages": total.div_ceil(n.max(1))}
    });
    if end < total {
        page["pages"]["next"] =
            json!({"page": start / n.max(1) + 2, "starting_after": end.to_string()});
    }
    page
}

fn rate_headers() -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert("x-ratelimit-limit", HeaderValue::from_static("1000000"));
    h.insert("x-ratelimit-remaining", HeaderValue::from_static("999999"));
    h.insert("x-ratelimit-reset", HeaderValue::from_static("4102444800"));
    h.insert(
        "x-request-id",
        HeaderValue::from_static("0a1b2c3d-0000-4000-8000-000000000000"),
    );
    h.insert("content-type", HeaderValue::from_static("application/json"));
    h
}

/// A local Intercom-shaped server: one contact, a 50-contact list page,
/// create, and a paged list of `total` contacts generated on the fly.
async fn start_server() -> String {
    let one = Arc::new(serde_json::to_vec(&contact_json(1)).unwrap_or_default());
    let page50 = Arc::new(serde_json::to_vec(&list_page(0, 50, 1_000_000)).unwrap_or_default());
    let app = axum::Router::new()
        .route(
            "/contacts/{id}",
            get({
                let one = Arc::clone(&one);
                move |Path(_id): Path<String>| async move { (rate_headers(), (*one).clone()) }
            }),
        )
        .route(
            "/contacts",
            get({
                let page50 = Arc::clone(&page50);
                move || async move { (rate_headers(), (*page50).clone()) }
            })
            .post({
                let one = Arc::clone(&one);
                move |_body: axum::body::Bytes| async move {
                    (StatusCode::OK, rate_headers(), (*one).clone()).into_response()
                }
            }),
        )
        .route(
            "/events",
            axum::routing::post(|_body: axum::body::Bytes| async move {
                (StatusCode::ACCEPTED, rate_headers()).into_response()
            }),
        );
    // `GET /{total}/contacts?starting_after=k`: a workspace of `total`
    // contacts in pages of 150. The server holds no contacts and builds no
    // JSON tree per page: it splices the cursor into one pre-serialized
    // array of 150 contacts, so its own allocations (the same in both
    // streaming runs) stay small next to the client's.
    let items150 = Arc::new(
        serde_json::to_vec(&(0..150).map(contact_json).collect::<Vec<_>>()).unwrap_or_default(),
    );
    let app = app.route(
        "/{total}/contacts",
        get(
            move |Path(total): Path<usize>,
                  Query(q): Query<std::collections::HashMap<String, String>>| {
                let items150 = Arc::clone(&items150);
                async move {
                    let start: usize = q
                        .get("starting_after")
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0);
                    let end = (start + 150).min(total);
                    let next = if end < total {
                        format!(r#","next":{{"page":{},"starting_after":"{end}"}}"#, end / 150 + 1)
                    } else {
                        String::new()
                    };
                    let mut body = Vec::with_capacity(items150.len() + 200);
                    body.extend_from_slice(br#"{"type":"list","data":"#);
                    if end - start == 150 {
                        body.extend_from_slice(&items150);
                    } else {
                        let part: Vec<Value> = (start..end).map(contact_json).collect();
                        body.extend_from_slice(&serde_json::to_vec(&part).unwrap_or_default());
                    }
                    body.extend_from_slice(
                        format!(
                            r#","total_count":{total},"pages":{{"type":"pages","per_page":150{next}}}}}"#
                        )
                        .as_bytes(),
                    );
                    (rate_headers(), body)
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("bind: {e}"));
    let addr = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("addr: {e}"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}")
}

// ---------------------------------------------------------------- calls

async fn bench_calls(base: &str) {
    println!("\n## CPU per call: SDK vs raw reqwest + serde_json::Value (same server, same run)\n");
    println!("| call | SDK µs/call | raw µs/call | wall ratio | CPU ratio | SDK − raw µs |");
    println!("|---|---|---|---|---|---|");
    let client = Client::builder()
        .token("bench-token")
        .base_url(base)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let raw = reqwest::Client::new();
    let n = if quick() { 200 } else { 2_000 };
    let rounds = if quick() { 3 } else { 5 };

    #[derive(Clone, Copy)]
    enum Op {
        Get,
        List,
        Create,
        Event,
    }
    for (name, op) in [
        ("get contact", Op::Get),
        ("list contacts (50)", Op::List),
        ("create contact", Op::Create),
        ("track event (202, no body)", Op::Event),
    ] {
        let sdk_once = || async {
            match op {
                Op::Get => {
                    let c = client
                        .contacts()
                        .get("6762f0d01bb69f9f00000001")
                        .await
                        .unwrap_or_else(|e| panic!("{e}"));
                    std::hint::black_box(c);
                }
                Op::List => {
                    let p = client
                        .contacts()
                        .list()
                        .per_page(50)
                        .await
                        .unwrap_or_else(|e| panic!("{e}"));
                    std::hint::black_box(p);
                }
                Op::Create => {
                    let c = client
                        .contacts()
                        .create(CreateContact::with_email("ada@example.com").name("Ada"))
                        .await
                        .unwrap_or_else(|e| panic!("{e}"));
                    std::hint::black_box(c);
                }
                Op::Event => {
                    client
                        .data_events()
                        .submit(
                            CreateDataEvent::new(
                                "invited-friend",
                                1_718_000_000,
                                EventUser::user_id("user-42"),
                            )
                            .metadata("invite_code", "ADDAFRIEND"),
                        )
                        .await
                        .unwrap_or_else(|e| panic!("{e}"));
                }
            }
        };
        let raw_once = || async {
            let req = match op {
                Op::Get => raw.get(format!("{base}/contacts/6762f0d01bb69f9f00000001")),
                Op::List => raw.get(format!("{base}/contacts?per_page=50")),
                Op::Create => raw
                    .post(format!("{base}/contacts"))
                    .header("content-type", "application/json")
                    .body(
                        serde_json::to_vec(&json!({"email": "ada@example.com", "name": "Ada"}))
                            .unwrap_or_default(),
                    ),
                Op::Event => raw
                    .post(format!("{base}/events"))
                    .header("content-type", "application/json")
                    .body(
                        serde_json::to_vec(&json!({
                            "event_name": "invited-friend",
                            "created_at": 1_718_000_000,
                            "user_id": "user-42",
                            "metadata": {"invite_code": "ADDAFRIEND"}
                        }))
                        .unwrap_or_default(),
                    ),
            };
            let resp = req
                .bearer_auth("bench-token")
                .header("accept", "application/json")
                .header("intercom-version", "2.16")
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(resp.status().is_success());
            let bytes = resp.bytes().await.unwrap_or_else(|e| panic!("{e}"));
            if !bytes.is_empty() {
                let v: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"));
                std::hint::black_box(v);
            }
        };
        // A list call costs ~5 get calls; keep each group about as long.
        let n = if matches!(op, Op::List) { n / 4 } else { n };
        // Warm up connections and caches.
        for _ in 0..50 {
            sdk_once().await;
            raw_once().await;
        }
        let (mut sdk_wall, mut raw_wall, mut sdk_cpu, mut raw_cpu) =
            (vec![], vec![], vec![], vec![]);
        for _ in 0..rounds {
            let (c0, t0) = (cpu_time(), Instant::now());
            for _ in 0..n {
                sdk_once().await;
            }
            sdk_wall.push(t0.elapsed().as_secs_f64() / n as f64);
            sdk_cpu.push((cpu_time() - c0).as_secs_f64() / n as f64);
            let (c0, t0) = (cpu_time(), Instant::now());
            for _ in 0..n {
                raw_once().await;
            }
            raw_wall.push(t0.elapsed().as_secs_f64() / n as f64);
            raw_cpu.push((cpu_time() - c0).as_secs_f64() / n as f64);
        }
        let (sw, rw) = (median(sdk_wall), median(raw_wall));
        let (sc, rc) = (median(sdk_cpu), median(raw_cpu));
        println!(
            "| {name} | {:.1} | {:.1} | {:.3}× | {:.3}× | {:+.1} |",
            sw * 1e6,
            rw * 1e6,
            sw / rw,
            sc / rc.max(f64::MIN_POSITIVE),
            (sw - rw) * 1e6
        );
    }
}

// ---------------------------------------------------------------- decode

fn bench_decode() {
    println!("\n## Decoding a 150-contact list page: typed vs serde_json::Value\n");
    let body = serde_json::to_vec(&list_page(0, 150, 1_000)).unwrap_or_default();
    let n = if quick() { 20 } else { 300 };
    let rounds = if quick() { 3 } else { 7 };
    let (mut typed, mut value) = (vec![], vec![]);
    for _ in 0..rounds {
        let t0 = Instant::now();
        for _ in 0..n {
            let page: List<Contact> =
                serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(page.data.len(), 150);
            std::hint::black_box(page);
        }
        typed.push(t0.elapsed().as_secs_f64() / n as f64);
        let t0 = Instant::now();
        for _ in 0..n {
            let v: Value = serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{e}"));
            std::hint::black_box(v);
        }
        value.push(t0.elapsed().as_secs_f64() / n as f64);
    }
    let (t, v) = (median(typed), median(value));
    println!("| page bytes | typed µs | Value µs | typed ÷ Value |");
    println!("|---|---|---|---|");
    println!(
        "| {} | {:.0} | {:.0} | {:.3}× |",
        body.len(),
        t * 1e6,
        v * 1e6,
        t / v
    );
}

// ---------------------------------------------------------------- bulk

/// Moves only when slept on; see tests/bulk.rs for why it settles first.
#[derive(Debug, Clone)]
struct VirtualClock(Arc<Mutex<SystemTime>>);

impl Clock for VirtualClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
    fn sleep(&self, d: Duration) -> Sleep {
        let deadline = self.now() + d;
        let now = Arc::clone(&self.0);
        Box::pin(async move {
            tokio::time::sleep(Duration::from_millis(25)).await;
            let mut now = now.lock().unwrap_or_else(|p| p.into_inner());
            *now = (*now).max(deadline);
        })
    }
}

async fn bench_bulk() {
    println!("\n## Bulk: events against the fake with a quota (virtual time)\n");
    let n: usize = if quick() { 1_000 } else { 10_000 };
    let quota = 50u32;
    let start = UNIX_EPOCH + Duration::from_secs(1_750_000_000);
    let clock = VirtualClock(Arc::new(Mutex::new(start)));
    let fake = FakeIntercom::builder()
        .quota(quota, Duration::from_secs(1))
        .clock(clock.clone())
        .start()
        .await;
    let client = fake
        .client_builder()
        .clock(clock.clone())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let events = (0..n).map(|i| {
        CreateDataEvent::new(
            "synced-order",
            1_717_200_000,
            EventUser::user_id(format!("user-{i}")),
        )
        .metadata("n", i as u64)
    });
    let t0 = Instant::now();
    let report = client
        .bulk()
        .concurrency(16)
        .track_events(events)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let real = t0.elapsed();
    let mut seen: Vec<u64> = fake
        .events()
        .iter()
        .filter_map(|e| e["metadata"]["n"].as_u64())
        .collect();
    seen.sort_unstable();
    seen.dedup();
    let lost = n - seen.len();
    let rate = report.stats.rate().unwrap_or(0.0);
    println!(
        "| events | quota | virtual time | achieved ÷ quota | 429s | items lost | failed | real time |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    println!(
        "| {n} | {quota}/s | {:.2} s | {:.3} | {} | {lost} | {} | {:.2} s |",
        report.stats.elapsed.as_secs_f64(),
        rate / f64::from(quota),
        report.stats.throttled,
        report.stats.failed,
        real.as_secs_f64()
    );
}

/// 64 tasks x 50 GETs through clones of one client against a 400-per-2 s
/// quota, on several threads so requests reach the fake over many
/// connections out of permit order (issue 13, "pacing under concurrency").
async fn bench_pacing() {
    println!("\n## Pacing: 64 tasks x 50 GETs, one client, 400 per 2 s (virtual time)\n");
    let (tasks, per_task, limit) = (64usize, 50usize, 400u32);
    let start = UNIX_EPOCH + Duration::from_secs(1_750_000_000);
    let clock = VirtualClock(Arc::new(Mutex::new(start)));
    let fake = FakeIntercom::builder()
        .quota(limit, Duration::from_secs(2))
        .clock(clock.clone())
        .start()
        .await;
    let client = fake
        .client_builder()
        .clock(clock.clone())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let t0 = Instant::now();
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut ok = 0usize;
                for _ in 0..per_task {
                    ok += usize::from(client.admins().me().await.is_ok());
                }
                ok
            })
        })
        .collect();
    let mut ok = 0;
    for h in handles {
        ok += h.await.unwrap_or(0);
    }
    let n = tasks * per_task;
    let elapsed = clock.now().duration_since(start).unwrap_or_default();
    // The last request went in window `elapsed / 2 s`; every window before
    // it is a full one.
    let windows = elapsed.as_secs() / 2 + 1;
    let refused = fake.received_requests().await.len().saturating_sub(ok);
    println!(
        "| requests | windows used (ideal) | quota used per window | 429s | lost | real time |"
    );
    println!("|---|---|---|---|---|---|");
    println!(
        "| {n} | {windows} ({}) | {:.1}% | {refused} | {} | {:.2} s |",
        n.div_ceil(limit as usize),
        100.0 * n as f64 / (windows as f64 * f64::from(limit)),
        n - ok,
        t0.elapsed().as_secs_f64()
    );
}

// ---------------------------------------------------------------- stream

async fn bench_stream(base: &str) {
    println!("\n## Streaming contacts: peak heap, 100,000 vs 1,000\n");
    let big = if quick() { 10_000 } else { 100_000 };
    let base = base.to_owned();
    // The client runs alone on a thread with a current-thread runtime, so
    // every allocation of the SDK, reqwest and hyper for it happens on that
    // thread and is counted there; the server (on the main runtime) is not.
    let peaks = std::thread::spawn(move || {
        count_this_thread();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("runtime: {e}"));
        rt.block_on(stream_peaks(&base, big))
    })
    .join()
    .unwrap_or_else(|_| panic!("the streaming thread panicked"));
    println!(
        "\n| peak({big}) ÷ peak(1,000) | peak({big}) ÷ peak({}) |\n|---|---|\n| {:.3}× | {:.3}× |",
        big / 10,
        peaks[2] as f64 / peaks[0].max(1) as f64,
        peaks[2] as f64 / peaks[1].max(1) as f64
    );
}

/// Peak client heap while streaming 1,000, `big / 10` and `big` contacts.
async fn stream_peaks(base: &str, big: usize) -> Vec<isize> {
    let mut peaks = vec![];
    // The first stream (not counted) warms what is set up once per process:
    // lazy statics, tracing call sites, the allocator's arenas.
    for (i, total) in [1_000usize, 1_000, big / 10, big].into_iter().enumerate() {
        let client = Client::builder()
            .token("bench-token")
            .base_url(format!("{base}/{total}"))
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let mut items = std::pin::pin!(client.contacts().list().per_page(150).items());
        let base_live = LIVE.load(Ordering::Relaxed);
        PEAK.store(base_live, Ordering::Relaxed);
        let t0 = Instant::now();
        let mut count = 0usize;
        while let Some(c) = items.try_next().await.unwrap_or_else(|e| panic!("{e}")) {
            std::hint::black_box(&c);
            count += 1;
        }
        assert_eq!(count, total);
        let peak = PEAK.load(Ordering::Relaxed) - base_live;
        if i == 0 {
            continue;
        }
        peaks.push(peak);
        println!(
            "- {total} contacts: client peak heap above start {:.2} MiB, {:.2} s",
            peak as f64 / (1024.0 * 1024.0),
            t0.elapsed().as_secs_f64()
        );
    }
    peaks
}

// ---------------------------------------------------------------- webhook

fn bench_webhook() {
    use hmac::{Hmac, KeyInit, Mac};
    println!("\n## Webhook: verify + parse of a 4 KB body vs bare HMAC-SHA1\n");
    let secret = "bench-client-secret";
    let verifier = Verifier::new(secret.to_owned()).unwrap_or_else(|e| panic!("{e}"));
    let mut item = contact_json(7);
    let mut k = 0;
    let mut body = Vec::new();
    while body.len() < 4096 {
        item["custom_attributes"][format!("attr_{k}")] = json!("x".repeat(40));
        k += 1;
        body = serde_json::to_vec(&json!({
            "type": "notification_event", "app_id": "fakeapp1", "id": "notif_8a2c", "topic": "contact.user.created",
            "created_at": 1_718_004_600, "delivery_attempts": 1, "first_sent_at": 1_718_004_600,
            "data": {"type": "notification_event_data", "item": item}
        }))
        .unwrap_or_default();
    }
    let sig = verifier.sign(&body);
    let n = if quick() { 2_000 } else { 50_000 };
    let rounds = if quick() { 3 } else { 7 };
    let (mut bare, mut verify, mut full, mut bare_value) = (vec![], vec![], vec![], vec![]);
    let hmac_once = || {
        let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(secret.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        mac.update(&body);
        std::hint::black_box(mac.finalize().into_bytes());
    };
    for _ in 0..rounds {
        let t0 = Instant::now();
        for _ in 0..n {
            hmac_once();
        }
        bare.push(t0.elapsed().as_secs_f64() / n as f64);
        let t0 = Instant::now();
        for _ in 0..n {
            verifier
                .verify(&body, Some(&sig))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        verify.push(t0.elapsed().as_secs_f64() / n as f64);
        let t0 = Instant::now();
        for _ in 0..n / 10 {
            let notif = verifier
                .verify_and_parse(&body, Some(&sig))
                .unwrap_or_else(|e| panic!("{e}"));
            std::hint::black_box(notif);
        }
        full.push(t0.elapsed().as_secs_f64() / (n / 10) as f64);
        let t0 = Instant::now();
        for _ in 0..n / 10 {
            hmac_once();
            let v: Value = serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{e}"));
            std::hint::black_box(v);
        }
        bare_value.push(t0.elapsed().as_secs_f64() / (n / 10) as f64);
    }
    let (b, v, f, bv) = (
        median(bare),
        median(verify),
        median(full),
        median(bare_value),
    );
    println!("| body | bare HMAC µs | verify µs | verify+parse µs | HMAC + Value parse µs |");
    println!("|---|---|---|---|---|");
    println!(
        "| {} B | {:.2} | {:.2} | {:.2} | {:.2} |",
        body.len(),
        b * 1e6,
        v * 1e6,
        f * 1e6,
        bv * 1e6
    );
    println!("\n| throughput ratio | value |\n|---|---|");
    println!("| verify ÷ bare HMAC | {:.3}× |", b / v);
    println!("| verify+parse ÷ bare HMAC | {:.3}× |", b / f);
    println!("| verify+parse ÷ (HMAC + Value parse) | {:.3}× |", bv / f);
}

// ---------------------------------------------------------------- main

fn main() {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let on = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    println!(
        "# intercom-api benchmarks ({} build)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    if on("bulk") {
        // One thread, as in tests/bulk.rs: a task reads the virtual clock and
        // starts its sleep with no other task running in between, as a real
        // clock allows. On several threads another task could move the
        // virtual clock a whole second in that gap (a real clock cannot),
        // and the sleep would overshoot into the next window.
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("runtime: {e}"))
            .block_on(bench_bulk());
        rt.block_on(bench_pacing());
    }
    rt.block_on(async {
        let base = start_server().await;
        if on("calls") {
            bench_calls(&base).await;
        }
        if on("decode") {
            bench_decode();
        }
        if on("stream") {
            bench_stream(&base).await;
        }
        if on("webhook") {
            bench_webhook();
        }
    });
}
