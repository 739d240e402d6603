//! Pacing under concurrency, in virtual time: many tasks sharing one
//! client against a server with one quota use each window fully and are
//! never refused.

#[path = "support/quota_server.rs"]
mod quota_server;

use std::sync::Arc;

use intercom_api::Client;
use quota_server::{QuotaServer, VirtualClock};
use reqwest::Method;

const TOKEN: &str = "dG9rOjEyMzQ1Njc4OnNlY3JldC10b2tlbg==";

// Several worker threads, so requests reach the server over many
// connections in an order other than the one their permits were taken in
// (on one thread the limiter's old bound happened to hold and used 100%).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_tasks_use_each_window_fully_without_a_429() {
    let clock = VirtualClock::new();
    let quota = QuotaServer::start(400, 2, Arc::new(clock.clone())).await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(quota.server.uri())
        .clock(clock.clone())
        .build()
        .unwrap();
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut ok = 0;
                for _ in 0..50 {
                    let r: Result<serde_json::Value, _> = client.request(Method::GET, "/me").await;
                    ok += usize::from(r.is_ok());
                }
                ok
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        ok += t.await.unwrap();
    }
    let windows = quota.per_window();
    assert_eq!(ok, 3200, "every call succeeds; windows {windows:?}");
    assert_eq!(quota.accepted(), 3200);
    assert_eq!(quota.throttled(), 0, "no 429; windows {windows:?}");
    // 3,200 requests at 400 per window: 8 windows, each used at >= 95%.
    assert!(
        quota.worst_full_window() >= 0.95,
        "windows {windows:?} in {:?}",
        clock.elapsed()
    );
    assert!(windows.len() <= 9, "windows {windows:?}");
}
