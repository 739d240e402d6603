//! Replay tests for the 2 Brands operations of Intercom API 2.16.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub,
//! answered with `fixtures/brands/<operationId>.json`, and a catch-all that
//! must not be hit) and checks the decoded values. A replay test is named
//! after the SDK method it covers and carries the spec's operationId on the
//! line directly above its `#[tokio::test]` (see `tests/coverage.rs`).

mod support;

use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, ok, spec};

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let brands = h
        .replay(expect("GET /brands"), h.client.brands().list())
        .await;

    assert_eq!(brands.len(), 2);
    let default = &brands[0];
    assert_eq!(default.id, "ecahpwf5");
    assert_eq!(default.name.as_deref(), Some("Lumen Analytics"));
    assert_eq!(default.is_default, Some(true));
    assert_eq!(default.help_center_id.as_deref(), Some("204"));
    assert_eq!(default.default_address_settings_id.as_deref(), Some("88"));
    assert_eq!(default.created_at, Some(1_651_500_180));
    assert_eq!(brands[1].id, "4127");
    assert_eq!(brands[1].is_default, Some(false));
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let brand = h
        .replay(expect("GET /brands/4127"), h.client.brands().get("4127"))
        .await;

    assert_eq!(brand.id, "4127");
    assert_eq!(brand.name.as_deref(), Some("Lumen Nordics"));
    assert_eq!(brand.is_default, Some(false));
    assert_eq!(brand.help_center_id.as_deref(), Some("219"));
    assert_eq!(brand.default_address_settings_id.as_deref(), Some("93"));
    assert_eq!(brand.created_at, Some(1_702_384_051));
    assert_eq!(brand.updated_at, Some(1_716_203_917));
}

#[tokio::test]
async fn ids_are_checked_and_encoded_and_numbers_tolerated() {
    let h = Harness::start().await;
    let err = h.client.brands().get(" ").await.expect_err("blank id");
    assert_eq!(invalid_field(err), "id");
    h.assert_no_requests().await;

    // Ids arrive as numbers in some workspaces; a bare brand decodes.
    let brand = h
        .replay(
            expect("GET /brands/a%2Fb").answer(ok(json!({"type": "brand", "id": 7}))),
            h.client.brands().get("a/b"),
        )
        .await;
    assert_eq!(brand.id, "7");
    assert_eq!(brand.name, None);
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.brands();
    let requests = [built(c.list()), built(c.get("4127"))];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Brands"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}
