//! Replay tests for the 2 Macros operations of Intercom API 2.16.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub,
//! answered with `fixtures/macros/<operationId>.json`, and a catch-all that
//! must not be hit) and checks the decoded values; the cursor-paged list
//! also streams across both pages of its fixtures. A replay test is named
//! after the SDK method it covers and carries the spec's operationId on the
//! line directly above its `#[tokio::test]` (see `tests/coverage.rs`).

mod support;

use futures::TryStreamExt;
use intercom_api::Cursor;
use intercom_api::macros::{MacroChannel, MacroVisibility};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, fixture, invalid_field, ok, spec, starting_after, stub};

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let cursor = starting_after("macros/listMacros");
    let page = h
        .replay(
            expect("GET /macros").query(&[("per_page", "2"), ("updated_since", "1735689600")]),
            h.client
                .macros()
                .list()
                .per_page(2)
                .updated_since(1_735_689_600),
        )
        .await;

    assert_eq!(page.items.len(), 2);
    let invoice = &page.items[0];
    assert_eq!(invoice.id, "31042");
    assert_eq!(invoice.name.as_deref(), Some("Invoice copy"));
    assert_eq!(invoice.visible_to, Some(MacroVisibility::SpecificTeams));
    assert_eq!(invoice.visible_to_team_ids, ["5017793", "5017801"]);
    assert_eq!(invoice.available_on, [MacroChannel::Inbox]);
    assert_eq!(
        invoice.created_at.as_deref(),
        Some("2026-03-02T09:14:51.000Z")
    );
    assert!(
        invoice
            .body
            .as_deref()
            .is_some_and(|b| b.contains(r#"<attribute key="user.first_name" default="there"/>"#))
    );
    let reset = &page.items[1];
    assert_eq!(reset.visible_to, Some(MacroVisibility::Everyone));
    assert!(reset.visible_to_team_ids.is_empty());
    assert_eq!(
        reset.available_on,
        [MacroChannel::Inbox, MacroChannel::Messenger]
    );
    assert_eq!(page.per_page, Some(2));
    assert_eq!(page.next_cursor(), Some(&Cursor::StartingAfter(cursor)));
}

#[tokio::test]
async fn list_streams_every_page() {
    let h = Harness::start().await;
    let cursor = starting_after("macros/listMacros");
    stub("GET", "/macros", &[("per_page", "2")])
        .respond_with(ok(fixture("macros/listMacros")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        "/macros",
        &[("per_page", "2"), ("starting_after", &cursor)],
    )
    .respond_with(ok(fixture("macros/listMacros.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let all: Vec<_> = h
        .client
        .macros()
        .list()
        .per_page(2)
        .items()
        .try_collect()
        .await
        .expect("every page");
    let ids: Vec<&str> = all.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["31042", "30977", "30412"]);
    assert_eq!(all[2].name.as_deref(), Some("Closing: no reply"));
    h.finish().await;
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let m = h
        .replay(expect("GET /macros/31042"), h.client.macros().get("31042"))
        .await;

    assert_eq!(m.id, "31042");
    assert_eq!(m.name.as_deref(), Some("Invoice copy"));
    assert_eq!(
        m.body_text.as_deref(),
        Some(
            "Hi {{user.first_name|fallback:\"there\"}}, I've attached a copy of invoice \
             {{conversation.custom_attributes.invoice_number}}."
        )
    );
    assert_eq!(m.updated_at.as_deref(), Some("2026-06-18T16:02:07.000Z"));
    assert_eq!(m.visible_to, Some(MacroVisibility::SpecificTeams));
}

#[tokio::test]
async fn a_long_list_without_bodies_and_new_channels_decodes() {
    // Intercom skips rendering bodies on long lists (`body: null`, as in the
    // spec's own example, though its schema says string) and may add
    // channels and visibilities.
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /macros").answer(ok(json!({
                "type": "list",
                "data": [{
                    "type": "macro", "id": "1001", "name": "Quick 1",
                    "body": null, "body_text": null,
                    "visible_to": "admins_only", "visible_to_team_ids": null,
                    "available_on": ["inbox", "voice"]
                }],
                "pages": {"type": "pages", "per_page": 50, "next": null}
            }))),
            h.client.macros().list(),
        )
        .await;
    let m = &page.items[0];
    assert_eq!(m.body, None);
    assert_eq!(
        m.visible_to,
        Some(MacroVisibility::Unknown("admins_only".into()))
    );
    assert!(m.visible_to_team_ids.is_empty());
    assert_eq!(
        m.available_on,
        [MacroChannel::Inbox, MacroChannel::Unknown("voice".into())]
    );
    assert!(page.is_last());
}

#[tokio::test]
async fn bad_arguments_are_refused_before_sending() {
    let h = Harness::start().await;
    let macros = h.client.macros();
    let err = macros.list().per_page(151).await.expect_err("151 per page");
    assert_eq!(invalid_field(err), "per_page");
    let err = macros.list().updated_since(-1).await.expect_err("negative");
    assert_eq!(invalid_field(err), "updated_since");
    let err = macros.get(" ").await.expect_err("blank id");
    assert_eq!(invalid_field(err), "id");
    h.assert_no_requests().await;
}

#[test]
fn the_list_is_a_retried_paged_get() {
    let list = intercom_api::macros::ops::list::OPERATION;
    assert!(list.paged && list.idempotent);
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.macros();
    let requests = [
        built(
            c.list()
                .per_page(150)
                .updated_since(1_719_474_966)
                .into_request(),
        ),
        built(
            c.list()
                .starting_from(Cursor::StartingAfter(
                    "WzE3NDg1MTA1MDQuMCwgIjMwOTc3Il0=".into(),
                ))
                .into_request(),
        ),
        built(c.get("31042")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Macros"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}
