//! One quota shared by several clients ("processes") through a store:
//! the Lua script against the Rust rule, the atomic budget, expiry,
//! header sharing, and each fault of the store (unreachable, slow, killed
//! and restarted empty).
//!
//! Redis tests use `INTERCOM_TEST_REDIS_URL` when set (`.ci/run` starts a
//! server), else start their own `redis-server` on a free port; fault tests
//! always start their own, to kill it. Without `redis-server` on PATH they
//! say SKIPPED on the terminal (and fail under `CI`).
#![cfg(feature = "redis")]

#[path = "support/quota_server.rs"]
mod quota_server;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use intercom_api::quota::{
    Grant, MemoryStore, OnStoreFailure, QuotaStore, RedisStore, Report, SharedQuota,
};
use intercom_api::{Client, Clock, Error};
use quota_server::{QuotaServer, VirtualClock};
use reqwest::Method;

const TOKEN: &str = "dG9rOjEyMzQ1Njc4OnNlY3JldC10b2tlbg==";

// ------------------------------------------------------------ redis-server

/// A `redis-server` this test started, without persistence (a restart
/// comes back empty), stopped on drop.
struct RedisProcess {
    port: u16,
    child: Option<Child>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

fn skip(why: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{why}: CI must provide redis-server"
    );
    // Straight to the terminal: the harness would hide a passing test's
    // output, and a skip must be seen.
    let _ = writeln!(std::io::stderr(), "SKIPPED (shared_quota): {why}");
}

impl RedisProcess {
    /// Start one, or `None` (after saying SKIPPED) without the binary.
    fn start() -> Option<Self> {
        let mut p = RedisProcess {
            port: free_port(),
            child: None,
        };
        if !p.spawn() {
            skip("redis-server is not on PATH");
            return None;
        }
        Some(p)
    }

    fn spawn(&mut self) -> bool {
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            .args(["--port", &self.port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(child) = child else { return false };
        self.child = Some(child);
        // A bounded wait for a real process to listen.
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if ping(self.port) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("redis-server did not start on port {}", self.port);
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    fn restart(&mut self) {
        self.kill();
        assert!(self.spawn(), "redis-server restarts");
    }
}

impl Drop for RedisProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One raw command (inline protocol), for what the store does not expose.
fn raw(port: u16, cmd: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(format!("{cmd}\r\n").as_bytes()).unwrap();
    let mut buf = [0u8; 256];
    let n = s.read(&mut buf).unwrap();
    String::from_utf8_lossy(&buf[..n]).trim().to_owned()
}

fn ping(port: u16) -> bool {
    TcpStream::connect(("127.0.0.1", port)).is_ok() && raw(port, "PING") == "+PONG"
}

/// A Redis to use: the one CI started, or our own.
enum Redis {
    External(String),
    Own(RedisProcess),
}

impl Redis {
    fn get() -> Option<Redis> {
        match std::env::var("INTERCOM_TEST_REDIS_URL") {
            Ok(url) => Some(Redis::External(url)),
            Err(_) => RedisProcess::start().map(Redis::Own),
        }
    }
    fn url(&self) -> String {
        match self {
            Redis::External(u) => u.clone(),
            Redis::Own(p) => p.url(),
        }
    }
    fn store(&self) -> RedisStore {
        RedisStore::new(&self.url()).unwrap()
    }
}

/// A key no other test (or earlier run against the same server) uses.
fn unique(name: &str) -> String {
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{name}-{n}")
}

// ------------------------------------------------------------ the rule

/// A deterministic pseudo-random sequence.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[tokio::test]
async fn the_lua_script_and_the_rust_rule_agree() {
    let Some(redis) = Redis::get() else { return };
    let store = redis.store();
    let memory = MemoryStore::new();
    for seed in 1..=20u64 {
        let key = unique(&format!("agree-{seed}"));
        let mut rng = Lcg(seed);
        let mut now = 1_750_000_000_000u64;
        let mut epoch = 0u64;
        for step in 0..200 {
            now += rng.next(400);
            let report = (rng.next(3) == 0).then(|| {
                let window = 1_000 * (1 + rng.next(3));
                let reset = (now / window + rng.next(2)) * window;
                Report {
                    limit: 20,
                    remaining: u32::try_from(rng.next(21)).unwrap(),
                    reset_ms: reset,
                    epoch: epoch.saturating_sub(rng.next(2)),
                }
            });
            let a = memory.take_now(&key, now, report);
            let b = store.take(&key, now, report).await.unwrap();
            assert_eq!(a, b, "seed {seed} step {step}");
            assert_eq!(
                memory.window(&key, now),
                store.window(&key).await.unwrap(),
                "seed {seed} step {step}"
            );
            if let Grant::Go { epoch: e } = a {
                epoch = e;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_budget_is_taken_atomically_by_many_processes() {
    let Some(redis) = Redis::get() else { return };
    let key = unique("atomic");
    let now = 1_750_000_000_000u64;
    let first = Report {
        limit: 100,
        remaining: 100,
        reset_ms: now + 10_000,
        epoch: 0,
    };
    redis.store().take(&key, now, Some(first)).await.unwrap();
    // Four "processes" (own connections), 16 tasks each, 10 takes a task.
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let store = Arc::new(redis.store());
        for _ in 0..16 {
            let (store, key) = (Arc::clone(&store), key.clone());
            tasks.push(tokio::spawn(async move {
                let mut go = 0;
                for _ in 0..10 {
                    match store.take(&key, now + 1, None).await.unwrap() {
                        Grant::Go { .. } => go += 1,
                        Grant::WaitUntil { at_ms } => assert_eq!(at_ms, now + 10_050),
                    }
                }
                go
            }));
        }
    }
    let mut go = 0;
    for t in tasks {
        go += t.await.unwrap();
    }
    // 100 in the window, one taken with the first report.
    assert_eq!(go, 99);
}

#[tokio::test]
async fn keys_expire_on_their_own() {
    let Some(mut redis) = RedisProcess::start() else {
        return;
    };
    let store = RedisStore::new(&redis.url()).unwrap();
    let key = "intercom-api:quota:expiry:w";
    let now = 1_750_000_000_000u64;
    let at = |reset_ms| Report {
        limit: 10,
        remaining: 9,
        reset_ms,
        epoch: 0,
    };
    // The first window is unknown: kept 2 x 10 s.
    store.take(key, now, None).await.unwrap();
    let ttl: i64 = raw(redis.port, &format!("PTTL {key}"))[1..]
        .parse()
        .unwrap();
    assert!((19_000..=20_000).contains(&ttl), "{ttl}");
    // Two resets 100 ms apart: windows of 100 ms, kept until 200 ms past
    // the window's end.
    store.take(key, now, Some(at(now + 100))).await.unwrap();
    store
        .take(key, now + 100, Some(at(now + 200)))
        .await
        .unwrap();
    let ttl: i64 = raw(redis.port, &format!("PTTL {key}"))[1..]
        .parse()
        .unwrap();
    assert!((1..=300).contains(&ttl), "{ttl}");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(store.window(key).await.unwrap(), None);
    redis.kill();
}

// ------------------------------------------------------------ clients

/// A store whose calls take no virtual time: the clock holds still during
/// each call, which reads the time inside it. (Otherwise another task's
/// sleep could move the virtual clock a whole window during one local
/// round trip, something a real clock never does.)
#[derive(Debug)]
struct Instant0<S> {
    store: S,
    clock: VirtualClock,
}

impl<S: QuotaStore> QuotaStore for Instant0<S> {
    fn take<'a>(
        &'a self,
        key: &'a str,
        _now_ms: u64,
        report: Option<Report>,
    ) -> intercom_api::quota::StoreFuture<'a, Grant> {
        Box::pin(async move {
            let _gate = self.clock.gate();
            let now = self.clock.now().duration_since(UNIX_EPOCH).unwrap();
            let now_ms = u64::try_from(now.as_millis()).unwrap();
            self.store.take(key, now_ms, report).await
        })
    }
}

fn shared(redis: &Redis, clock: &VirtualClock, app: &str) -> SharedQuota {
    let store = Instant0 {
        store: redis.store(),
        clock: clock.clone(),
    };
    // Generous: these tests are about sharing, and a loaded machine can
    // take more than the default 50 ms for a local round trip.
    SharedQuota::new(store, app, "ws1").timeout(Duration::from_secs(2))
}

fn client_with(server: &QuotaServer, clock: &VirtualClock, quota: Option<SharedQuota>) -> Client {
    let mut b = Client::builder()
        .token(TOKEN)
        .base_url(server.server.uri())
        .clock(clock.clone());
    if let Some(q) = quota {
        b = b.shared_quota(q);
    }
    b.build().unwrap()
}

/// `tasks` tasks each making `calls` GETs through `client`; the successes.
async fn run(client: &Client, tasks: usize, calls: usize) -> usize {
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut ok = 0;
                for _ in 0..calls {
                    let r: Result<serde_json::Value, _> = client.request(Method::GET, "/me").await;
                    ok += usize::from(r.is_ok());
                }
                ok
            })
        })
        .collect();
    let mut ok = 0;
    for h in handles {
        ok += h.await.unwrap();
    }
    ok
}

/// Four clients with their own store connections, 16 tasks x 25 GETs each,
/// against one quota of 400 per 2 s; with `shared`, through the store.
async fn four_processes(redis: Option<&Redis>) -> (usize, QuotaServer, Vec<SharedQuota>) {
    let clock = VirtualClock::new();
    let server = QuotaServer::start(400, 2, Arc::new(clock.clone())).await;
    let app = unique("four");
    let quotas: Vec<SharedQuota> = redis
        .map(|r| (0..4).map(|_| shared(r, &clock, &app)).collect())
        .unwrap_or_default();
    let clients: Vec<Client> = (0..4)
        .map(|i| client_with(&server, &clock, quotas.get(i).cloned()))
        .collect();
    let runs: Vec<_> = clients
        .iter()
        .map(|c| {
            let c = c.clone();
            tokio::spawn(async move { run(&c, 16, 25).await })
        })
        .collect();
    let mut ok = 0;
    for r in runs {
        ok += r.await.unwrap();
    }
    (ok, server, quotas)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_processes_share_one_quota_without_a_429() {
    let Some(redis) = Redis::get() else { return };
    let (ok, server, quotas) = four_processes(Some(&redis)).await;
    let windows = server.per_window();
    for q in quotas {
        assert_eq!(q.stats().store_failures, 0);
    }
    assert_eq!(ok, 1600, "{windows:?}");
    assert_eq!(server.throttled(), 0, "{windows:?}");
    assert!(server.worst_full_window() >= 0.95, "{windows:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_store_four_processes_run_into_429s() {
    let (_, server, _) = four_processes(None).await;
    assert!(server.throttled() > 0, "{:?}", server.per_window());
}

#[tokio::test]
async fn what_one_process_learns_from_headers_paces_the_others() {
    let Some(redis) = Redis::get() else { return };
    let clock = VirtualClock::new();
    let server = QuotaServer::start(400, 2, Arc::new(clock.clone())).await;
    let app = unique("headers");
    // Someone outside the store used 300 of this window.
    let outsider = client_with(&server, &clock, None);
    assert_eq!(run(&outsider, 1, 300).await, 300);
    let a = shared(&redis, &clock, &app);
    let b = shared(&redis, &clock, &app);
    let client_a = client_with(&server, &clock, Some(a.clone()));
    let client_b = client_with(&server, &clock, Some(b.clone()));
    // A's one answer says 299 left... of which 300 are gone: 99 remain.
    assert_eq!(run(&client_a, 1, 1).await, 1);
    // B never saw a header of this window, yet stops at what is left.
    assert_eq!(run(&client_b, 1, 2).await, 2);
    let w = redis.store().window(a.key()).await.unwrap().unwrap();
    assert_eq!((w.limit, w.others, w.taken), (400, 300, 3));
    let before = clock.elapsed();
    assert_eq!(run(&client_b, 4, 25).await, 100);
    assert_eq!(server.throttled(), 0, "{:?}", server.per_window());
    // 97 fitted in this window, the last 3 waited for the next one.
    assert_eq!(server.per_window(), vec![400, 3]);
    assert!(clock.elapsed() >= before + Duration::from_secs(2));
    assert_eq!(b.stats().store_failures, 0);
}

// ------------------------------------------------------------ faults

#[tokio::test]
async fn an_unreachable_store_falls_back_and_loses_nothing() {
    let clock = VirtualClock::new();
    let server = QuotaServer::start(400, 2, Arc::new(clock.clone())).await;
    let closed = format!("redis://127.0.0.1:{}", free_port());
    let quota = SharedQuota::new(RedisStore::new(&closed).unwrap(), "down", "ws1");
    let client = client_with(&server, &clock, Some(quota.clone()));
    assert_eq!(run(&client, 8, 10).await, 80);
    let s = quota.stats();
    assert_eq!(s.shared_permits, 0);
    assert!(s.store_failures >= 1, "{s:?}");
    // Asked once; the rest paced per process until `retry_after`.
    assert!(s.fallback_permits >= 79, "{s:?}");
    assert_eq!(server.throttled(), 0);
}

#[tokio::test]
async fn an_unreachable_store_can_fail_calls_instead() {
    let clock = VirtualClock::new();
    let server = QuotaServer::start(400, 2, Arc::new(clock.clone())).await;
    let closed = format!("redis://127.0.0.1:{}", free_port());
    let quota = SharedQuota::new(RedisStore::new(&closed).unwrap(), "down", "ws1")
        .on_failure(OnStoreFailure::Fail);
    let client = client_with(&server, &clock, Some(quota));
    let err = client
        .request::<serde_json::Value>(Method::GET, "/me")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::QuotaStore(_)), "{err:?}");
    assert_eq!(server.accepted(), 0);
}

#[tokio::test]
async fn a_slow_store_times_out_and_falls_back() {
    // Accepts connections and never answers.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = silent.local_addr().unwrap().port();
    let hold = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = silent.accept().await {
            held.push(s);
        }
    });
    let clock = VirtualClock::new();
    let server = QuotaServer::start(400, 2, Arc::new(clock.clone())).await;
    let store = RedisStore::new(&format!("redis://127.0.0.1:{port}")).unwrap();
    let quota = SharedQuota::new(store, "slow", "ws1").timeout(Duration::from_millis(30));
    let client = client_with(&server, &clock, Some(quota.clone()));
    let t0 = Instant::now();
    assert_eq!(run(&client, 4, 5).await, 20);
    assert!(t0.elapsed() < Duration::from_secs(2), "{:?}", t0.elapsed());
    let s = quota.stats();
    assert!(s.store_failures >= 1 && s.fallback_permits >= 19, "{s:?}");
    hold.abort();
}

#[tokio::test]
async fn a_store_killed_mid_run_then_restarted_empty_is_used_again() {
    let Some(mut redis) = RedisProcess::start() else {
        return;
    };
    let clock = VirtualClock::new();
    let server = QuotaServer::start(400, 2, Arc::new(clock.clone())).await;
    let quota = SharedQuota::new(RedisStore::new(&redis.url()).unwrap(), "restart", "ws1")
        .timeout(Duration::from_secs(2));
    let client = client_with(&server, &clock, Some(quota.clone()));
    assert_eq!(run(&client, 4, 10).await, 40);
    assert_eq!(quota.stats().shared_permits, 40, "{:?}", quota.stats());

    redis.kill();
    assert_eq!(
        run(&client, 4, 10).await,
        40,
        "nothing lost while it is down"
    );
    let down = quota.stats();
    assert!(
        down.store_failures >= 1 && down.fallback_permits >= 39,
        "{down:?}"
    );

    redis.restart();
    assert_eq!(raw(redis.port, "DBSIZE"), ":0", "restarted empty");
    // Past `retry_after` (1 s of the client's clock), the store is asked
    // again and sharing resumes.
    clock.advance(Duration::from_millis(1_100));
    assert_eq!(run(&client, 4, 10).await, 40);
    let s = quota.stats();
    assert_eq!(s.resumed, 1, "{s:?} after {down:?}");
    assert_eq!(s.store_failures, down.store_failures, "{s:?}");
    // Tasks paced per process only while the first one asked; from then
    // on every permit comes from the store again.
    assert!(s.shared_permits > down.shared_permits, "{s:?}");
    assert_eq!(run(&client, 4, 10).await, 40);
    let after = quota.stats();
    assert_eq!(after.shared_permits, s.shared_permits + 40, "{after:?}");
    assert_eq!(after.fallback_permits, s.fallback_permits, "{after:?}");
    assert_eq!(server.throttled(), 0, "{:?}", server.per_window());
    // The empty key was rebuilt from the answers: the server's count of
    // this window is what the store now paces on.
    let w = RedisStore::new(&redis.url())
        .unwrap()
        .window(quota.key())
        .await
        .unwrap()
        .unwrap();
    let windows = server.per_window();
    let used_now = u64::from(*windows.last().unwrap());
    assert!(
        w.known && w.taken + w.others >= used_now - 1,
        "{w:?} {windows:?}"
    );
}
