//! Replay tests for the 5 Custom Object Instances operations of Intercom
//! API 2.16.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub,
//! answered with `fixtures/custom_object_instances/<operationId>.json`) and
//! checks the decoded values; the page-numbered list also streams across
//! both pages of its fixtures.

mod support;

use futures::TryStreamExt;
use intercom_api::Cursor;
use intercom_api::custom_object_instances::UpsertInstance;
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, fixture, invalid_field, ok, spec, stub};

// operationId: createCustomObjectInstances
#[tokio::test]
async fn create_or_update() {
    let h = Harness::start().await;
    let order = h
        .replay(
            expect("POST /custom_object_instances/Order").json(json!({
                "external_id": "ORD-2026-0412",
                "external_created_at": 1_775_980_800,
                "external_updated_at": 1_776_067_200,
                "custom_attributes": {
                    "status": "paid",
                    "total_amount": "129.50",
                    "item_count": "3",
                    "gift_wrapped": "false"
                }
            })),
            h.client.custom_object_instances().create_or_update(
                "Order",
                UpsertInstance::new("ORD-2026-0412")
                    .external_created_at(1_775_980_800)
                    .external_updated_at(1_776_067_200)
                    .attribute("status", "paid")
                    .attribute("total_amount", "129.50")
                    .attribute("item_count", "3")
                    .attribute("gift_wrapped", "false"),
            ),
        )
        .await;
    assert_eq!(order.id, "2041");
    assert_eq!(order.object_type.as_deref(), Some("Order"));
    assert_eq!(order.external_id.as_deref(), Some("ORD-2026-0412"));
    assert_eq!(order.external_created_at, Some(1_775_980_800));
    assert_eq!(order.created_at, Some(1_776_070_021));
    assert_eq!(order.attribute_str("status"), Some("paid"));
    assert_eq!(order.attribute_f64("total_amount"), Some(129.5));
    assert_eq!(order.attribute_i64("item_count"), Some(3));
    assert_eq!(order.attribute_bool("gift_wrapped"), Some(false));
    assert_eq!(order.attribute("missing"), None);
}

// operationId: listCustomObjectInstances
#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /custom_object_instances/Order").query(&[("per_page", "2")]),
            h.client.custom_object_instances().list("Order").per_page(2),
        )
        .await;
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[0].external_id.as_deref(), Some("ORD-2026-0412"));
    assert_eq!(page.items[1].attribute_str("status"), Some("refunded"));
    assert_eq!(page.items[1].external_created_at, None);
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.next, Some(Cursor::Page(2)));
}

#[tokio::test]
async fn list_streams_every_page() {
    let h = Harness::start().await;
    let at = "/custom_object_instances/Order";
    stub("GET", at, &[("per_page", "2")])
        .respond_with(ok(fixture(
            "custom_object_instances/listCustomObjectInstances",
        )))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", at, &[("per_page", "2"), ("page", "2")])
        .respond_with(ok(fixture(
            "custom_object_instances/listCustomObjectInstances.page2",
        )))
        .expect(1)
        .mount(&h.server)
        .await;
    let all: Vec<_> = h
        .client
        .custom_object_instances()
        .list("Order")
        .per_page(2)
        .items()
        .try_collect()
        .await
        .expect("instances");
    let ids: Vec<_> = all.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["2041", "2038", "1997"]);
    h.finish().await;
}

#[tokio::test]
async fn get_by_external_id() {
    let h = Harness::start().await;
    let order = h
        .replay(
            expect("GET /custom_object_instances/Order")
                .query(&[("external_id", "ORD-2026-0398")])
                .fixture("custom_object_instances/listCustomObjectInstances.by_external_id"),
            h.client
                .custom_object_instances()
                .get_by_external_id("Order", "ORD-2026-0398"),
        )
        .await;
    assert_eq!(order.id, "2038");
    assert_eq!(order.attribute_f64("total_amount"), Some(42.0));
}

#[tokio::test]
async fn list_for_contact_and_conversation() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /custom_object_instances/Order")
                .query(&[("references_contact_id", "6762f0d01bb69f9f2193bb7d")])
                .fixture("custom_object_instances/listCustomObjectInstances.page2"),
            h.client
                .custom_object_instances()
                .list_for_contact("Order", "6762f0d01bb69f9f2193bb7d"),
        )
        .await;
    assert_eq!(page.items[0].id, "1997");
    let page = h
        .replay(
            expect("GET /custom_object_instances/Order")
                .query(&[("references_conversation_id", "215468990231234")])
                .fixture("custom_object_instances/listCustomObjectInstances.page2"),
            h.client
                .custom_object_instances()
                .list_for_conversation("Order", "215468990231234"),
        )
        .await;
    assert!(page.is_last());
}

// operationId: deleteCustomObjectInstancesById
#[tokio::test]
async fn delete_by_external_id() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect("DELETE /custom_object_instances/Order")
                .query(&[("external_id", "ORD-2026-0398")]),
            h.client
                .custom_object_instances()
                .delete_by_external_id("Order", "ORD-2026-0398"),
        )
        .await;
    assert_eq!(gone.id.as_deref(), Some("2038"));
    assert_eq!(gone.object.as_deref(), Some("Order"));
    assert!(gone.deleted);
}

// operationId: getCustomObjectInstancesById
#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let order = h
        .replay(
            expect("GET /custom_object_instances/Order/2041"),
            h.client.custom_object_instances().get("Order", "2041"),
        )
        .await;
    assert_eq!(order.id, "2041");
    assert_eq!(order.attribute_str("carrier"), Some("An Post"));
    assert_eq!(order.updated_at, Some(1_776_153_600));
}

// operationId: deleteCustomObjectInstancesByExternalId
#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect("DELETE /custom_object_instances/Order/2041"),
            h.client.custom_object_instances().delete("Order", "2041"),
        )
        .await;
    assert_eq!(gone.id.as_deref(), Some("2041"));
    assert!(gone.deleted);
}

#[tokio::test]
async fn documented_limits_are_checked_before_sending() {
    let h = Harness::start().await;
    let c = h.client.custom_object_instances();
    let long = "x".repeat(256);
    let cases: Vec<(UpsertInstance, &str)> = vec![
        (UpsertInstance::new(" "), "external_id"),
        (
            UpsertInstance::new("ORD-1").external_created_at(-1),
            "external_created_at",
        ),
        (
            UpsertInstance::new("ORD-1").external_updated_at(-5),
            "external_updated_at",
        ),
        (
            UpsertInstance::new("ORD-1").attribute("note", long.as_str()),
            "custom_attributes.note",
        ),
    ];
    for (body, field) in cases {
        let err = c
            .create_or_update("Order", body.clone())
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    let err = c
        .create_or_update("", UpsertInstance::new("ORD-1"))
        .await
        .expect_err("no type");
    assert_eq!(invalid_field(err), "custom_object_type_identifier");
    let err = c
        .delete_by_external_id("Order", "")
        .await
        .expect_err("empty");
    assert_eq!(invalid_field(err), "external_id");
    let err = c.get_by_external_id("Order", " ").await.expect_err("blank");
    assert_eq!(invalid_field(err), "external_id");
    let err = c.list_for_contact("Order", "").await.expect_err("empty");
    assert_eq!(invalid_field(err), "references_contact_id");
    let err = c.get("Order", "").await.expect_err("empty id");
    assert_eq!(invalid_field(err), "custom_object_instance_id");
    let err = c.list("Order").per_page(151).await.expect_err("too many");
    assert_eq!(invalid_field(err), "per_page");
    h.assert_no_requests().await;
}

#[test]
fn upserts_and_reads_are_retried_not_deletes_by_accident() {
    for op in intercom_api::custom_object_instances::ops::ALL {
        // The upsert is keyed by the required external_id, with absolute
        // values: sending it twice leaves the same instance.
        assert!(op.idempotent, "{}", op.id);
        assert_eq!(op.paged, op.id == "listCustomObjectInstances", "{}", op.id);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.custom_object_instances();
    let requests = [
        built(
            c.create_or_update(
                "Order",
                UpsertInstance::new("ORD-1")
                    .external_created_at(1_775_980_800)
                    .attribute("status", "paid"),
            ),
        ),
        built(c.create_or_update("Order", UpsertInstance::new("ORD-2"))),
        built(c.list("Order").into_request()),
        built(c.get_by_external_id("Order", "ORD-1")),
        built(
            c.list_for_contact("Order", "6762f0d01bb69f9f2193bb7d")
                .into_request(),
        ),
        built(
            c.list_for_conversation("Order", "215468990231234")
                .into_request(),
        ),
        built(c.delete_by_external_id("Order", "ORD-1")),
        built(c.get("Order", "2041")),
        built(c.delete("Order", "2041")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Custom Object Instances"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_has_the_custom_object_instances_handle() {
    let h = support::BlockingHarness::start();
    h.mount(
        support::stub("GET", "/custom_object_instances/Order/2041", &[])
            .respond_with(support::ok(support::fixture(
                "custom_object_instances/getCustomObjectInstancesById",
            )))
            .expect(1),
    );
    let client = &h.client;
    let order = client
        .custom_object_instances()
        .get("Order", "2041")
        .send()
        .expect("sent");
    assert_eq!(order.id, "2041");
}

/// The fake keeps instances per type, keyed by external id.
#[cfg(feature = "mock")]
#[tokio::test]
async fn the_fake_keeps_instances() {
    let fake = intercom_api::mock::FakeIntercom::start().await;
    let client = fake.client().expect("client");
    let c = client.custom_object_instances();
    let first = c
        .create_or_update(
            "Order",
            UpsertInstance::new("ORD-1")
                .attribute("status", "paid")
                .attribute("total", "10.00"),
        )
        .await
        .expect("created");
    let again = c
        .create_or_update(
            "Order",
            UpsertInstance::new("ORD-1").attribute("status", "shipped"),
        )
        .await
        .expect("updated");
    assert_eq!(
        again.id, first.id,
        "the same external id is the same instance"
    );
    assert_eq!(again.attribute_str("status"), Some("shipped"));
    assert_eq!(again.attribute_str("total"), Some("10.00"));
    c.create_or_update("Order", UpsertInstance::new("ORD-2"))
        .await
        .expect("second");
    c.create_or_update("Booking", UpsertInstance::new("ORD-1"))
        .await
        .expect("another type");
    let orders = c.list("Order").collect_at_most(10).await.expect("list");
    assert_eq!(orders.len(), 2);
    let by_ext = c
        .get_by_external_id("Order", "ORD-2")
        .await
        .expect("by ext");
    assert_eq!(
        c.get("Order", &by_ext.id).await.expect("by id").id,
        by_ext.id
    );
    assert!(
        c.delete_by_external_id("Order", "ORD-2")
            .await
            .expect("deleted")
            .deleted
    );
    assert!(c.delete("Order", &first.id).await.expect("deleted").deleted);
    let err = c.get("Order", &first.id).await.expect_err("gone");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(
        c.list("Booking")
            .collect_at_most(10)
            .await
            .expect("list")
            .len(),
        1
    );
}
