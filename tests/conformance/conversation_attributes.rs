//! Conversation attributes (8 operations).

use intercom_api::conversation_attributes::{
    AttributeDataType, Cardinality, NewConversationAttribute, UpdateConversationAttribute,
};

use crate::{check, prism};

#[tokio::test]
async fn list_conversation_attributes() {
    let Some(c) = prism() else { return };
    let attrs = check(c.conversation_attributes().list().include_archived(true)).await;
    assert!(!attrs.is_empty());
}

#[tokio::test]
async fn create_conversation_attribute() {
    let Some(c) = prism() else { return };
    let attrs = c.conversation_attributes();
    let created = check(
        attrs.create(
            NewConversationAttribute::new("api_test_attr", AttributeDataType::String)
                .description("Created via API test")
                .multiline(false),
        ),
    )
    .await;
    assert!(!created.id.is_empty());
    check(attrs.create(NewConversationAttribute::list("Priority", ["Low", "High"]))).await;
    check(attrs.create(NewConversationAttribute::relationship(
        "Orders",
        Cardinality::Many,
        "Order",
    )))
    .await;
}

#[tokio::test]
async fn get_update_delete_conversation_attribute() {
    let Some(c) = prism() else { return };
    let attrs = c.conversation_attributes();
    check(attrs.get("3")).await;
    check(
        attrs.update(
            "8",
            UpdateConversationAttribute::new()
                .name("api_test_renamed")
                .description("Updated via API")
                .required(false),
        ),
    )
    .await;
    check(attrs.delete("8")).await;
}

#[tokio::test]
async fn conversation_attribute_options() {
    let Some(c) = prism() else { return };
    let attrs = c.conversation_attributes();
    let option = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
    check(attrs.create_option("2", "High")).await;
    check(attrs.update_option("2", option, "Renamed")).await;
    check(attrs.delete_option("2", option)).await;
}
