//! Teams (3 operations).

use crate::{check, prism};

#[tokio::test]
async fn list_get_and_metrics() {
    let Some(c) = prism() else { return };
    check(c.teams().list()).await;
    check(c.teams().get("991267902")).await;
    check(c.teams().metrics("42").idle_threshold(1800)).await;
}
