//! Replay tests for the 2 Emails operations of Intercom API 2.16.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub,
//! answered with `fixtures/emails/<operationId>.json`, and a catch-all that
//! must not be hit) and checks the decoded values. A replay test is named
//! after the SDK method it covers and carries the spec's operationId on the
//! line directly above its `#[tokio::test]` (see `tests/coverage.rs`).

mod support;

use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, spec};

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let senders = h
        .replay(expect("GET /emails"), h.client.emails().list())
        .await;

    assert_eq!(senders.len(), 2);
    let help = &senders[0];
    assert_eq!(help.id, "88");
    assert_eq!(help.email.as_deref(), Some("help@lumen-analytics.example"));
    assert_eq!(help.verified, Some(true));
    assert_eq!(help.brand_id.as_deref(), Some("ecahpwf5"));
    assert_eq!(help.forwarding_enabled, Some(true));
    assert_eq!(help.forwarded_email_last_received_at, Some(1_719_489_310));
    let nordics = &senders[1];
    assert_eq!(nordics.domain.as_deref(), Some("lumen.example.se"));
    assert_eq!(nordics.verified, Some(false));
    assert_eq!(nordics.forwarded_email_last_received_at, None);
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let sender = h
        .replay(expect("GET /emails/88"), h.client.emails().get("88"))
        .await;

    assert_eq!(sender.id, "88");
    assert_eq!(
        sender.email.as_deref(),
        Some("help@lumen-analytics.example")
    );
    assert_eq!(sender.domain.as_deref(), Some("lumen-analytics.example"));
    assert_eq!(sender.brand_id.as_deref(), Some("ecahpwf5"));
    assert_eq!(sender.created_at, Some(1_651_500_190));
    assert_eq!(sender.updated_at, Some(1_719_489_310));
}

#[tokio::test]
async fn an_empty_id_is_refused_before_sending() {
    let h = Harness::start().await;
    let err = h.client.emails().get("").await.expect_err("empty id");
    assert_eq!(invalid_field(err), "id");
    h.assert_no_requests().await;
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.emails();
    let requests = [built(c.list()), built(c.get("88"))];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Emails"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}
