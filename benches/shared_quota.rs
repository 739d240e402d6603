//! Four OS processes, one client each, against one local server enforcing
//! a single quota: with the shared Redis store, and each alone. Then the
//! added latency of the store's round trip per call. See BENCHMARKS.md.
//!
//! ```text
//! cargo bench --bench shared_quota --features redis
//! ```
//!
//! Uses `INTERCOM_TEST_REDIS_URL`, or starts `redis-server` from PATH.
//! `BENCH_QUICK=1` runs 2,000 requests instead of 10,000.

use std::collections::{BTreeMap, HashSet};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::routing::get;
use intercom_api::Client;
use intercom_api::quota::{QuotaStore, RedisStore, SharedQuota};
use reqwest::Method;

const PROCESSES: usize = 4;
const TASKS: usize = 16;
/// Requests per 1-second window.
const LIMIT: u32 = 500;

#[derive(Default)]
struct Counts {
    accepted: BTreeMap<u64, u32>,
    throttled: u64,
    seen: HashSet<u64>,
}

type Shared = Arc<Mutex<Counts>>;

async fn quota_handler(
    State(counts): State<Shared>,
    Query(q): Query<BTreeMap<String, u64>>,
) -> (StatusCode, HeaderMap, &'static str) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let mut c = counts.lock().unwrap_or_else(|p| p.into_inner());
    let used = *c.accepted.get(&secs).unwrap_or(&0);
    let (status, remaining) = if used >= LIMIT {
        c.throttled += 1;
        (StatusCode::TOO_MANY_REQUESTS, 0)
    } else {
        c.accepted.insert(secs, used + 1);
        if let Some(n) = q.get("n") {
            c.seen.insert(*n);
        }
        (StatusCode::OK, LIMIT - used - 1)
    };
    let mut h = HeaderMap::new();
    let num =
        |n: u64| HeaderValue::from_str(&n.to_string()).unwrap_or(HeaderValue::from_static("0"));
    h.insert("x-ratelimit-limit", num(u64::from(LIMIT)));
    h.insert("x-ratelimit-remaining", num(u64::from(remaining)));
    h.insert("x-ratelimit-reset", num(secs + 1));
    h.insert("content-type", HeaderValue::from_static("application/json"));
    let body = if status == StatusCode::OK {
        r#"{"type":"admin","id":"1"}"#
    } else {
        r#"{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded"}]}"#
    };
    (status, h, body)
}

async fn free_handler() -> &'static str {
    r#"{"type":"admin","id":"1"}"#
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn quick() -> bool {
    std::env::var_os("BENCH_QUICK").is_some()
}

// ---------------------------------------------------------------- worker

async fn worker(args: &[String]) {
    let [mode, base, redis, start, count, app] = args else {
        panic!("worker args: {args:?}");
    };
    let (start, count): (usize, usize) = (
        start.parse().unwrap_or_default(),
        count.parse().unwrap_or_default(),
    );
    let mut b = Client::builder()
        .token("bench-token")
        .base_url(base.as_str());
    let quota = (mode == "shared").then(|| {
        let store = RedisStore::new(redis).unwrap_or_else(|e| panic!("{e}"));
        SharedQuota::new(store, app, "ws1")
    });
    if let Some(q) = &quota {
        b = b.shared_quota(q.clone());
    }
    let client = b.build().unwrap_or_else(|e| panic!("{e}"));
    let next = Arc::new(AtomicUsize::new(start));
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let (client, next) = (client.clone(), Arc::clone(&next));
            tokio::spawn(async move {
                let (mut ok, mut failed) = (0usize, 0usize);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= start + count {
                        return (ok, failed);
                    }
                    let r: Result<serde_json::Value, _> =
                        client.request(Method::GET, "/me").query("n", i).await;
                    if r.is_ok() {
                        ok += 1;
                    } else {
                        failed += 1;
                    }
                }
            })
        })
        .collect();
    let (mut ok, mut failed) = (0, 0);
    for t in tasks {
        let (o, f) = t.await.unwrap_or((0, 0));
        ok += o;
        failed += f;
    }
    let (fb, sf) = quota.map_or((0, 0), |q| {
        let s = q.stats();
        (s.fallback_permits, s.store_failures)
    });
    println!("RESULT {ok} {failed} {fb} {sf}");
}

// ---------------------------------------------------------------- coordinator

struct Redis {
    url: String,
    child: Option<Child>,
}

impl Drop for Redis {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn redis() -> Option<Redis> {
    if let Ok(url) = std::env::var("INTERCOM_TEST_REDIS_URL") {
        return Some(Redis { url, child: None });
    }
    let port = free_port();
    let child = Command::new("redis-server")
        .args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        .args(["--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let r = Redis {
        url: format!("redis://127.0.0.1:{port}"),
        child: Some(child),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(r)
}

fn run_mode(mode: &str, base: &str, redis: &str, total: usize, counts: &Shared) {
    *counts.lock().unwrap_or_else(|p| p.into_inner()) = Counts::default();
    let app = format!(
        "bench-{}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos()
    );
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let per = total / PROCESSES;
    let t0 = Instant::now();
    let children: Vec<_> = (0..PROCESSES)
        .map(|p| {
            Command::new(&exe)
                .args(["--worker", mode, base, redis])
                .arg((p * per).to_string())
                .arg(per.to_string())
                .arg(&app)
                .stdout(Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    let (mut ok, mut failed, mut fallback, mut store_failures) = (0usize, 0usize, 0usize, 0usize);
    for c in children {
        let out = c.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8_lossy(&out.stdout);
        let nums: Vec<usize> = text
            .lines()
            .find_map(|l| l.strip_prefix("RESULT "))
            .unwrap_or("")
            .split(' ')
            .filter_map(|n| n.parse().ok())
            .collect();
        if let [o, f, b, s] = nums[..] {
            ok += o;
            failed += f;
            fallback += b;
            store_failures += s;
        }
    }
    let wall = t0.elapsed();
    let c = counts.lock().unwrap_or_else(|p| p.into_inner());
    let windows: Vec<u32> = c.accepted.values().copied().collect();
    // The first and last windows are partial (the run starts and ends
    // within them); every one between is full.
    let full = &windows[1.min(windows.len())..windows.len().saturating_sub(1)];
    let min = full.iter().copied().min().unwrap_or(0);
    let mean = full.iter().map(|&w| f64::from(w)).sum::<f64>() / full.len().max(1) as f64;
    let lost = total - c.seen.len();
    println!(
        "| {mode} | {total} | {} | {:.1}% | {:.1}% | {} | {lost} | {failed} | {store_failures} / {fallback} | {:.1} s |",
        full.len(),
        100.0 * f64::from(min) / f64::from(LIMIT),
        100.0 * mean / f64::from(LIMIT),
        c.throttled,
        wall.as_secs_f64()
    );
    assert_eq!(ok + failed, total, "every worker reported");
}

async fn latency(base: &str, redis: &str) {
    let n = if quick() { 500 } else { 3_000 };
    let plain = Client::builder()
        .token("bench-token")
        .base_url(base)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let store = RedisStore::new(redis).unwrap_or_else(|e| panic!("{e}"));
    let shared = Client::builder()
        .token("bench-token")
        .base_url(base)
        .shared_quota(SharedQuota::new(
            RedisStore::new(redis).unwrap_or_else(|e| panic!("{e}")),
            "latency",
            "ws1",
        ))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let per_call = |c: Client| async move {
        let t = Instant::now();
        for _ in 0..n {
            let _: Result<serde_json::Value, _> = c.request(Method::GET, "/free").await;
        }
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    };
    // Warm both, then alternate rounds and keep the medians.
    per_call(plain.clone()).await;
    per_call(shared.clone()).await;
    let (mut a, mut b, mut s) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        a.push(per_call(plain.clone()).await);
        b.push(per_call(shared.clone()).await);
        let t = Instant::now();
        for _ in 0..n {
            let _ = store.take("intercom-api:quota:raw:ws1", 0, None).await;
        }
        s.push(t.elapsed().as_secs_f64() * 1e6 / n as f64);
    }
    let med = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (a, b, s) = (med(a), med(b), med(s));
    println!("\n## Added latency per call (sequential, {n} calls x 5 rounds, medians)\n");
    println!(
        "| in-process limiter µs/call | shared store µs/call | ratio | added µs | one store round trip µs |"
    );
    println!("|---|---|---|---|---|");
    println!(
        "| {a:.1} | {b:.1} | {:.2}× | {:.1} | {s:.1} |",
        b / a,
        b - a
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    if args.first().map(String::as_str) == Some("--worker") {
        rt.block_on(worker(&args[1..]));
        return;
    }
    let Some(redis) = redis() else {
        println!("SKIPPED: no INTERCOM_TEST_REDIS_URL and no redis-server on PATH");
        return;
    };
    let counts: Shared = Arc::default();
    let base = rt.block_on(async {
        let app = axum::Router::new()
            .route("/me", get(quota_handler))
            .route("/free", get(free_handler))
            .with_state(Arc::clone(&counts));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{addr}")
    });
    let total = if quick() { 2_000 } else { 10_000 };
    println!(
        "# Shared quota: {PROCESSES} processes x {TASKS} tasks, one quota of {LIMIT} per 1 s window\n"
    );
    println!(
        "| store | requests | full windows | least-used full window | mean full window | 429s | lost | failed calls | store failures / fallback permits | wall |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    run_mode("shared", &base, &redis.url, total, &counts);
    run_mode("alone", &base, &redis.url, total, &counts);
    rt.block_on(latency(&base, &redis.url));
}
