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
    let created = check(
        c.conversation_attributes().create(
            NewConversationAttribute::new("api_test_attr", AttributeDataType::String)
                .description("Created via API test")
                .multiline(false),
        ),
    )
    .await;
    assert!(!created.id.is_empty());
    check(
        c.conversation_attributes()
            .create(NewConversationAttribute::list("Priority", ["Low", "High"])),
    )
    .await;
    check(
        c.conversation_attributes()
            .create(NewConversationAttribute::relationship(
                "Orders",
                Cardinality::Many,
                "Order",
            )),
    )
    .await;
}

#[tokio::test]
async fn get_update_delete_conversation_attribute() {
    let Some(c) = prism() else { return };
    check(c.conversation_attributes().get("3")).await;
    check(
        c.conversation_attributes().update(
            "8",
            UpdateConversationAttribute::new()
                .name("api_test_renamed")
                .description("Updated via API")
                .required(false),
        ),
    )
    .await;
    check(c.conversation_attributes().delete("8")).await;
}

#[tokio::test]
async fn conversation_attribute_options() {
    let Some(c) = prism() else { return };
    let option = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
    check(c.conversation_attributes().create_option("2", "High")).await;
    check(
        c.conversation_attributes()
            .update_option("2", option, "Renamed"),
    )
    .await;
    check(c.conversation_attributes().delete_option("2", option)).await;
}
