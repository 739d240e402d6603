//! Ticket Types (4 operations), Ticket Type Attributes (2) and Ticket
//! States (1).

use intercom_api::ticket_types::{
    CreateTicketType, CreateTicketTypeAttribute, TicketAttributeType, TicketCategory,
    UpdateTicketType, UpdateTicketTypeAttribute,
};

use crate::{check, prism};

#[tokio::test]
async fn list_and_get_ticket_types() {
    let Some(c) = prism() else { return };
    check(c.ticket_types().list()).await;
    check(c.ticket_types().get("53")).await;
}

#[tokio::test]
async fn create_and_update_ticket_type() {
    let Some(c) = prism() else { return };
    check(
        c.ticket_types().create(
            CreateTicketType::new("Bug report")
                .description("Something in the app is broken")
                .category(TicketCategory::BackOffice)
                .icon("🐞"),
        ),
    )
    .await;
    check(
        c.ticket_types().update(
            "53",
            UpdateTicketType::new()
                .name("Refund or credit")
                .archived(false),
        ),
    )
    .await;
}

#[tokio::test]
async fn create_and_update_ticket_type_attribute() {
    let Some(c) = prism() else { return };
    check(
        c.ticket_types().create_attribute(
            "53",
            CreateTicketTypeAttribute::new("Priority", TicketAttributeType::List, "How urgent")
                .list_items(["Low", "Normal", "High"])
                .required_to_create(true),
        ),
    )
    .await;
    check(
        c.ticket_types().update_attribute(
            "53",
            "173",
            UpdateTicketTypeAttribute::new()
                .description("From the receipt")
                .archived(false),
        ),
    )
    .await;
}

#[tokio::test]
async fn list_ticket_states() {
    let Some(c) = prism() else { return };
    check(c.ticket_states().list()).await;
}
