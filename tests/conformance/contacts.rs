//! Contacts (22 operations) and `/me`.

use intercom_api::contacts::{CreateContact, MergeContacts, UpdateContact};
use intercom_api::search::{Query, SortOrder, field};
use intercom_api::subscription_types::ConsentType;

use crate::{check, check_known_defect, prism};

const ID: &str = "6762f0dd1bb69f9f2193bb83";

#[tokio::test]
async fn identify_admin() {
    let Some(c) = prism() else { return };
    let me = check(c.admins().me()).await;
    assert!(!me.id.is_empty());
}

#[tokio::test]
async fn create_contact() {
    let Some(c) = prism() else { return };
    let req = CreateContact::with_email("ada@example.com")
        .external_id("user-42")
        .name("Ada Lovelace")
        .phone("+353871234567")
        .signed_up_at(1_700_000_000)
        .custom_attribute("plan", "pro");
    let contact = check(c.contacts().create(req)).await;
    assert!(!contact.id.is_empty());
}

#[tokio::test]
async fn show_contact() {
    let Some(c) = prism() else { return };
    check(c.contacts().get(ID).include_merge_history()).await;
}

#[tokio::test]
async fn show_contact_by_external_id() {
    let Some(c) = prism() else { return };
    check(c.contacts().get_by_external_id("user-42")).await;
}

#[tokio::test]
async fn update_contact() {
    let Some(c) = prism() else { return };
    let update = UpdateContact::new()
        .name("Ada King")
        .email("ada@example.com")
        .email_verified(true)
        .custom_attribute("seats", 12);
    check(c.contacts().update(ID, update)).await;
}

#[tokio::test]
async fn delete_contact() {
    let Some(c) = prism() else { return };
    check(c.contacts().delete(ID)).await;
}

#[tokio::test]
async fn archive_unarchive_block() {
    let Some(c) = prism() else { return };
    check(c.contacts().archive(ID)).await;
    check(c.contacts().unarchive(ID)).await;
    check(c.contacts().block(ID)).await;
}

#[tokio::test]
async fn merge_contact() {
    let Some(c) = prism() else { return };
    let merge = MergeContacts::new("5d70dd30de4efd54f42fd526", ID).skip_duplicate_validation(true);
    check(c.contacts().merge(merge)).await;
}

#[tokio::test]
async fn list_contacts() {
    let Some(c) = prism() else { return };
    check(c.contacts().list().per_page(50)).await;
}

#[tokio::test]
async fn search_contacts() {
    let Some(c) = prism() else { return };
    let query = Query::and([
        field("role").eq("user"),
        field("created_at").gt(1_700_000_000),
        Query::or([
            field("email").ends_with("@example.com"),
            field("custom_attributes.plan").is_in(vec!["pro", "enterprise"]),
        ]),
    ]);
    let search =
        intercom_api::contacts::ContactSearch::new(query).sort("created_at", SortOrder::Ascending);
    check(c.contacts().search(search).per_page(20)).await;
}

#[tokio::test]
async fn attached_objects() {
    let Some(c) = prism() else { return };
    check(c.contacts().list_companies(ID)).await;
    check(c.contacts().list_notes(ID)).await;
    check(c.contacts().list_segments(ID)).await;
    check(c.contacts().list_tags(ID)).await;
    check(c.contacts().list_banners(ID)).await;
    check(c.contacts().dismiss_banner(ID, "645719311")).await;
    check(
        c.contacts()
            .list_merge_history(ID)
            .order(SortOrder::Descending)
            .per_page(50),
    )
    .await;
}

#[tokio::test]
async fn subscriptions() {
    let Some(c) = prism() else { return };
    check(c.contacts().list_subscriptions(ID)).await;
    check(
        c.contacts()
            .attach_subscription(ID, "37846", ConsentType::OptIn),
    )
    .await;
    check(c.contacts().detach_subscription(ID, "37846")).await;
}

#[tokio::test]
async fn create_note() {
    let Some(c) = prism() else { return };
    // A string contact id, as the API really takes it.
    check_known_defect(
        c.contacts()
            .create_note(ID, "<p>Renewal call booked</p>", Some("991267")),
    )
    .await;
}
