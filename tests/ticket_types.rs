//! Replay tests for the Ticket Types (4) and Ticket Type Attributes (2)
//! operations of Intercom API 2.16: both are rows of the `ticket_types`
//! family, so their fixtures are in `fixtures/ticket_types/`. What these
//! calls refuse before sending is tested here too; the offline check of the
//! requests against the spec is in `tests/tickets.rs`.

mod support;

use intercom_api::Error;
use intercom_api::Request;
use intercom_api::ticket_types::{
    CreateTicketType, CreateTicketTypeAttribute, TicketAttributeType, TicketCategory,
    TicketStateCategory, UpdateTicketType, UpdateTicketTypeAttribute,
};
use serde_json::json;
use support::replay::expect;
use support::requests::offline_client;
use support::{Harness, invalid_field};

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let types = h
        .replay(expect("GET /ticket_types"), h.client.ticket_types().list())
        .await;
    assert_eq!(
        types.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["53", "54"]
    );
    let refund = &types[0];
    assert_eq!(refund.category, Some(TicketCategory::Customer));
    assert_eq!(refund.icon.as_deref(), Some("💸"));
    // The schema's `{"ticket_type_attributes": [...]}`...
    assert_eq!(refund.ticket_type_attributes.len(), 3);
    let order = refund.attribute("Order number").expect("attribute");
    assert_eq!(order.required_to_create, Some(true));
    assert_eq!(order.ticket_type_id.as_deref(), Some("53"));
    // ... and the `{"data": [...]}` Intercom's examples show.
    let bug = &types[1];
    assert_eq!(bug.category, Some(TicketCategory::BackOffice));
    assert_eq!(bug.ticket_type_attributes.len(), 2);
    assert_eq!(bug.ticket_type_attributes[1].default, Some(true));
    assert_eq!(
        bug.state(&TicketStateCategory::Resolved)
            .map(|s| s.id.as_str()),
        Some("7497")
    );
    assert_eq!(
        bug.state(&TicketStateCategory::WaitingOnCustomer)
            .map(|s| s.id.as_str()),
        None
    );
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let t = h
        .replay(
            expect("GET /ticket_types/53"),
            h.client.ticket_types().get("53"),
        )
        .await;
    assert_eq!(t.id, "53");
    assert_eq!(t.name.as_deref(), Some("Refund request"));
    assert_eq!(t.workspace_id.as_deref(), Some("ecahpwf5"));
    assert_eq!(t.archived, Some(false));
    assert_eq!(t.is_internal, Some(false));
    assert_eq!(t.created_at, Some(1_716_201_600));
    let title = t.attribute("_default_title_").expect("title");
    assert_eq!(title.data_type, Some(TicketAttributeType::String));
    assert_eq!(title.input_options, Some(json!({"multiline": false})));
    assert_eq!(title.order, Some(0));
    assert_eq!(
        t.ticket_states
            .iter()
            .map(|s| s.category.clone().expect("category"))
            .collect::<Vec<_>>(),
        [
            TicketStateCategory::Submitted,
            TicketStateCategory::InProgress,
            TicketStateCategory::WaitingOnCustomer,
            TicketStateCategory::Resolved,
        ]
    );
    let resolved = t.state(&TicketStateCategory::Resolved).expect("resolved");
    assert_eq!(resolved.id, "7494");
    assert_eq!(resolved.internal_label.as_deref(), Some("Refunded"));
    assert_eq!(resolved.external_label.as_deref(), Some("Resolved"));
}

#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let t = h
        .replay(
            expect("POST /ticket_types").json(json!({
                "name": "Bug report",
                "description": "Something in the app is broken",
                "category": "Back-office",
                "icon": "🐞"
            })),
            h.client.ticket_types().create(
                CreateTicketType::new("Bug report")
                    .description("Something in the app is broken")
                    .category(TicketCategory::BackOffice)
                    .icon("🐞"),
            ),
        )
        .await;
    assert_eq!(t.id, "54");
    assert_eq!(t.category, Some(TicketCategory::BackOffice));
    assert_eq!(
        t.ticket_type_attributes
            .iter()
            .filter_map(|a| a.name.as_deref())
            .collect::<Vec<_>>(),
        ["_default_title_", "_default_description_"]
    );
    assert_eq!(t.ticket_states.len(), 3);
}

#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let t = h
        .replay(
            expect("PUT /ticket_types/53").json(json!({
                "name": "Refund or credit",
                "description": "Money back or account credit",
                "archived": false
            })),
            h.client.ticket_types().update(
                "53",
                UpdateTicketType::new()
                    .name("Refund or credit")
                    .description("Money back or account credit")
                    .archived(false),
            ),
        )
        .await;
    assert_eq!(t.name.as_deref(), Some("Refund or credit"));
    assert_eq!(t.updated_at, Some(1_719_500_000));
}

#[tokio::test]
async fn create_attribute() {
    let h = Harness::start().await;
    let a = h
        .replay(
            expect("POST /ticket_types/53/attributes").json(json!({
                "name": "Priority",
                "description": "How urgent the refund is",
                "data_type": "list",
                "required_to_create": true,
                "visible_to_contacts": true,
                "list_items": "Low,Normal,High"
            })),
            h.client.ticket_types().create_attribute(
                "53",
                CreateTicketTypeAttribute::new(
                    "Priority",
                    TicketAttributeType::List,
                    "How urgent the refund is",
                )
                .required_to_create(true)
                .visible_to_contacts(true)
                .list_items(["Low", "Normal", "High"]),
            ),
        )
        .await;
    assert_eq!(a.id, "184");
    assert_eq!(a.name.as_deref(), Some("Priority"));
    assert_eq!(a.data_type, Some(TicketAttributeType::List));
    assert_eq!(a.order, Some(3));
    assert_eq!(a.default, Some(false));
    assert_eq!(a.ticket_type_id.as_deref(), Some("53"));
    let options = a.input_options.expect("options");
    assert_eq!(options["list_options"][2]["label"], "High");
}

#[tokio::test]
async fn update_attribute() {
    let h = Harness::start().await;
    let a = h
        .replay(
            expect("PUT /ticket_types/53/attributes/173").json(json!({
                "description": "Starts with ORD-, from the receipt e-mail",
                "required_to_create": false
            })),
            h.client.ticket_types().update_attribute(
                "53",
                "173",
                UpdateTicketTypeAttribute::new()
                    .description("Starts with ORD-, from the receipt e-mail")
                    .required_to_create(false),
            ),
        )
        .await;
    assert_eq!(a.id, "173");
    assert_eq!(a.required_to_create, Some(false));
    assert_eq!(a.updated_at, Some(1_719_510_000));
    assert_eq!(a.archived, Some(false));
}

// ---------------------------------------------------------------------------
// What is refused before sending
// ---------------------------------------------------------------------------

fn refused<T>(r: Result<Request<T>, Error>) -> String {
    invalid_field(r.expect_err("refused before sending"))
}

#[test]
fn types_need_a_name_and_a_known_category() {
    let client = offline_client();
    let tt = client.ticket_types();
    assert_eq!(
        refused(tt.create(CreateTicketType::new(" ")).into_request()),
        "name"
    );
    assert_eq!(
        refused(
            tt.create(CreateTicketType::new("Bug").category(TicketCategory::from("Internal")))
                .into_request()
        ),
        "category"
    );
    assert_eq!(
        refused(
            tt.update("53", UpdateTicketType::new().icon(""))
                .into_request()
        ),
        "icon"
    );
    assert_eq!(
        refused(
            tt.update("", UpdateTicketType::new().name("X"))
                .into_request()
        ),
        "ticket_type_id"
    );
}

#[test]
fn attribute_options_must_fit_the_data_type() {
    let client = offline_client();
    let tt = client.ticket_types();
    let create =
        |a: CreateTicketTypeAttribute| refused(tt.create_attribute("53", a).into_request());
    let list =
        || CreateTicketTypeAttribute::new("Priority", TicketAttributeType::List, "How urgent");
    assert_eq!(create(list()), "list_items");
    assert_eq!(
        create(list().list_items(Vec::<String>::new())),
        "list_items"
    );
    assert_eq!(
        create(list().list_items(["Low", "Very, very high"])),
        "list_items"
    );
    assert_eq!(create(list().list_items(["Low", " "])), "list_items");
    assert_eq!(
        create(list().list_items(["Low"]).multiline(true)),
        "multiline"
    );
    assert_eq!(
        create(
            CreateTicketTypeAttribute::new("Notes", TicketAttributeType::String, "")
                .allow_multiple_values(true)
        ),
        "allow_multiple_values"
    );
    assert_eq!(
        create(CreateTicketTypeAttribute::new(
            "Rating",
            TicketAttributeType::from("stars"),
            ""
        )),
        "data_type"
    );
    assert_eq!(
        create(CreateTicketTypeAttribute::new(
            "",
            TicketAttributeType::Boolean,
            ""
        )),
        "name"
    );
    assert!(
        tt.create_attribute(
            "53",
            CreateTicketTypeAttribute::new("Screenshots", TicketAttributeType::Files, "")
                .allow_multiple_values(true)
        )
        .into_request()
        .is_ok()
    );
    assert_eq!(
        refused(
            tt.update_attribute("53", "173", UpdateTicketTypeAttribute::new().name(""))
                .into_request()
        ),
        "name"
    );
    assert_eq!(
        refused(
            tt.update_attribute("53", "", UpdateTicketTypeAttribute::new().archived(true))
                .into_request()
        ),
        "attribute_id"
    );
}
