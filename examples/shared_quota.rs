//! Several processes, one Intercom quota: each replica gives its client the
//! same shared quota (Redis URL, app name, workspace id), so together they
//! pace on one budget instead of each thinking the window is its own.
//!
//! ```text
//! REDIS_URL=redis://127.0.0.1:6379 cargo run --example shared_quota --features redis
//! ```
//!
//! Without `INTERCOM_ACCESS_TOKEN` it runs against the built-in fake
//! Intercom (with a small quota, so pacing shows). Without a reachable
//! Redis it still runs: the client falls back to per-process pacing, and
//! the counters below say so.

use std::time::Duration;

use intercom_api::mock::FakeIntercom;
use intercom_api::quota::{OnStoreFailure, RedisStore, SharedQuota};
use intercom_api::{Client, ClientBuilder};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    let store = RedisStore::new(&redis_url)?;
    // The same two names in every replica of the app: never the token.
    let quota = SharedQuota::new(store, "billing-sync", "ws_abc123")
        .timeout(Duration::from_millis(250)) // per store call
        .retry_after(Duration::from_secs(1)) // after a failure
        .on_failure(OnStoreFailure::FallBack); // or Fail
    println!("store key: {}", quota.key());

    let _fake; // keeps the fake alive when there is no token
    let builder: ClientBuilder = match std::env::var("INTERCOM_ACCESS_TOKEN") {
        Ok(token) => Client::builder().token(token),
        Err(_) => {
            let fake = FakeIntercom::builder()
                .quota(20, Duration::from_secs(1))
                .start()
                .await;
            let b = fake.client_builder();
            _fake = fake;
            b
        }
    };
    let client = builder.shared_quota(quota.clone()).build()?;

    // Two "replicas" in one process for the demo: clones share the budget
    // like separate processes with the same quota would.
    let tasks: Vec<_> = (0..2)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                for _ in 0..15 {
                    client.admins().me().await?;
                }
                Ok::<_, intercom_api::Error>(())
            })
        })
        .collect();
    for t in tasks {
        t.await??;
    }
    let s = quota.stats();
    println!(
        "permits from the store: {}, store failures: {}, paced per process: {}, resumed: {}",
        s.shared_permits, s.store_failures, s.fallback_permits, s.resumed
    );
    println!("quota left: {:?}", client.rate_limit().map(|r| r.remaining));
    Ok(())
}
