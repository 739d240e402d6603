//! Segments (2 operations).

use crate::{check, prism};

#[tokio::test]
async fn list_and_get_segments() {
    let Some(c) = prism() else { return };
    check(c.segments().list().include_count()).await;
    check(c.segments().get("6762f25c1bb69f9f2193bc22")).await;
}
