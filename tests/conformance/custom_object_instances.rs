//! Custom Object Instances (5 operations).

use intercom_api::custom_object_instances::UpsertInstance;

use crate::{check, prism};

#[tokio::test]
async fn instances() {
    let Some(c) = prism() else { return };
    let orders = c.custom_object_instances();
    // String attributes only: the spec types every attribute as a string.
    let order = check(
        orders.create_or_update(
            "Order",
            UpsertInstance::new("ORD-2026-0412")
                .external_created_at(1_775_980_800)
                .attribute("status", "paid"),
        ),
    )
    .await;
    assert!(!order.id.is_empty());
    check(orders.list("Order").per_page(20)).await;
    check(orders.list_for_contact("Order", "6762f0d01bb69f9f2193bb7d")).await;
    check(orders.get("Order", "25")).await;
    let gone = check(orders.delete_by_external_id("Order", "ORD-2026-0412")).await;
    assert!(gone.deleted);
    check(orders.delete("Order", "26")).await;
}
