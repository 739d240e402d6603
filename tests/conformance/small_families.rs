//! Subscription types, away status reasons, jobs and notes (1 operation each).

use crate::{check, prism};

#[tokio::test]
async fn subscription_types_and_away_reasons() {
    let Some(c) = prism() else { return };
    check(c.subscription_types().list()).await;
    check(c.away_status_reasons().list()).await;
}

#[tokio::test]
async fn job_status_and_note() {
    let Some(c) = prism() else { return };
    check(c.jobs().get("2")).await;
    check(c.notes().get("34")).await;
}
