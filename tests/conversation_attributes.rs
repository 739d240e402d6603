//! Replay tests for the 8 Conversations Attributes operations of Intercom
//! API 2.16: attributes and the options of list attributes.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub
//! with the exact JSON body or none, answered with
//! `fixtures/conversation_attributes/<operationId>.json`, and a catch-all
//! that must not be hit) and checks the decoded values. A replay test is
//! named after the SDK method it covers and carries the spec's operationId on
//! the line directly above its `#[tokio::test]` (see `tests/coverage.rs`).

mod support;

use intercom_api::conversation_attributes::{
    AttributeDataType, Cardinality, NewConversationAttribute, UpdateConversationAttribute,
};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, api_error, invalid_field, ok, spec, stub};

/// Priority: the list attribute most fixtures are about.
const PRIORITY: &str = "15";
/// Its "Low" option.
const LOW: &str = "5f0c3a2e-8d41-4b7a-9e36-1c2f7a9b4d10";
/// Its "Urgent" option.
const URGENT: &str = "c2e4f6a8-1b3d-4e5f-8a7b-9c0d1e2f3a4b";

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let attrs = h
        .replay(
            expect("GET /conversations/attributes").query(&[("include_archived", "true")]),
            h.client
                .conversation_attributes()
                .list()
                .include_archived(true),
        )
        .await;

    assert_eq!(attrs.len(), 4);
    let reason = &attrs[0];
    assert_eq!(reason.id, "14");
    assert_eq!(reason.data_type, Some(AttributeDataType::String));
    assert_eq!(reason.multiline, Some(true));
    assert!(reason.options.is_empty());
    let priority = &attrs[1];
    assert_eq!(priority.data_type, Some(AttributeDataType::List));
    assert_eq!(priority.required, Some(true));
    assert_eq!(priority.visible_to_team_ids, ["5017793"]);
    assert_eq!(
        priority
            .options
            .iter()
            .filter_map(|o| o.label.as_deref())
            .collect::<Vec<_>>(),
        ["Low", "Normal", "Urgent"]
    );
    let order = &attrs[2];
    assert_eq!(order.data_type, Some(AttributeDataType::Relationship));
    let reference = order.reference.as_ref().expect("reference");
    assert_eq!(reference.cardinality, Some(Cardinality::One));
    assert_eq!(reference.object_type_id.as_deref(), Some("Order"));
    assert_eq!(attrs[3].data_type, Some(AttributeDataType::Integer));
    assert_eq!(attrs[3].admin_id.as_deref(), Some("5281734"));
}

#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let created = h
        .replay(
            expect("POST /conversations/attributes").json(json!({
                "name": "Refund amount",
                "data_type": "decimal",
                "description": "In the customer's currency",
                "required": false
            })),
            h.client.conversation_attributes().create(
                NewConversationAttribute::new("Refund amount", AttributeDataType::Decimal)
                    .description("In the customer's currency")
                    .required(false),
            ),
        )
        .await;

    assert_eq!(created.id, "21");
    assert_eq!(created.name.as_deref(), Some("Refund amount"));
    assert_eq!(created.data_type, Some(AttributeDataType::Decimal));
    assert_eq!(created.archived, Some(false));
    assert_eq!(created.created_at, Some(1_719_493_757));
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let priority = h
        .replay(
            expect(&format!("GET /conversations/attributes/{PRIORITY}")),
            h.client.conversation_attributes().get(PRIORITY),
        )
        .await;

    assert_eq!(priority.id, PRIORITY);
    assert_eq!(priority.name.as_deref(), Some("Priority"));
    assert_eq!(
        priority.description.as_deref(),
        Some("How soon the customer needs an answer")
    );
    assert_eq!(priority.options[0].id, LOW);
    assert_eq!(priority.active_options().count(), 3);
    assert_eq!(priority.updated_at, Some(1_716_300_000));
}

#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let reason = h
        .replay(
            expect("PUT /conversations/attributes/14")
                .json(json!({"name": "Tier 2 reason", "required": true})),
            h.client.conversation_attributes().update(
                "14",
                UpdateConversationAttribute::new()
                    .name("Tier 2 reason")
                    .required(true),
            ),
        )
        .await;

    assert_eq!(reason.name.as_deref(), Some("Tier 2 reason"));
    assert_eq!(reason.required, Some(true));
    assert_eq!(reason.multiline, Some(true));
    assert_eq!(reason.updated_at, Some(1_719_500_100));
}

#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let seats = h
        .replay(
            expect("DELETE /conversations/attributes/18"),
            h.client.conversation_attributes().delete("18"),
        )
        .await;

    assert_eq!(seats.id, "18");
    assert_eq!(seats.archived, Some(true));
    assert_eq!(seats.name.as_deref(), Some("Seats affected"));
}

#[tokio::test]
async fn create_option() {
    let h = Harness::start().await;
    let priority = h
        .replay(
            expect(&format!(
                "POST /conversations/attributes/{PRIORITY}/options"
            ))
            .json(json!({"label": "Critical"})),
            h.client
                .conversation_attributes()
                .create_option(PRIORITY, "Critical"),
        )
        .await;

    assert_eq!(priority.options.len(), 4);
    let critical = &priority.options[3];
    assert_eq!(critical.id, "e8b1c0d2-7f3a-4c59-a6e4-2d8f0b1c3e5a");
    assert_eq!(critical.label.as_deref(), Some("Critical"));
    assert_eq!(critical.archived, Some(false));
}

#[tokio::test]
async fn update_option() {
    let h = Harness::start().await;
    let priority = h
        .replay(
            expect(&format!(
                "PUT /conversations/attributes/{PRIORITY}/options/{URGENT}"
            ))
            .json(json!({"label": "Urgent (same day)"})),
            h.client
                .conversation_attributes()
                .update_option(PRIORITY, URGENT, "Urgent (same day)"),
        )
        .await;

    let urgent = priority
        .options
        .iter()
        .find(|o| o.id == URGENT)
        .expect("option");
    assert_eq!(urgent.label.as_deref(), Some("Urgent (same day)"));
}

#[tokio::test]
async fn delete_option() {
    let h = Harness::start().await;
    let priority = h
        .replay(
            expect(&format!(
                "DELETE /conversations/attributes/{PRIORITY}/options/{LOW}"
            )),
            h.client
                .conversation_attributes()
                .delete_option(PRIORITY, LOW),
        )
        .await;

    assert_eq!(priority.options.len(), 3, "archived options stay listed");
    assert_eq!(priority.options[0].archived, Some(true));
    let active: Vec<_> = priority
        .active_options()
        .filter_map(|o| o.label.as_deref())
        .collect();
    assert_eq!(active, ["Normal", "Urgent"]);
}

#[tokio::test]
async fn list_create_and_relationship_bodies() {
    let h = Harness::start().await;
    let attrs = h.client.conversation_attributes();
    h.replay(
        expect("POST /conversations/attributes").json(json!({
            "name": "Priority",
            "data_type": "list",
            "required": true,
            "visible_to_team_ids": ["5017793"],
            "options": [{"label": "Low"}, {"label": "Normal"}, {"label": "Urgent"}]
        })),
        attrs.create(
            NewConversationAttribute::list("Priority", ["Low", "Normal"])
                .option("Urgent")
                .required(true)
                .visible_to_team_ids(["5017793"]),
        ),
    )
    .await;

    let h = Harness::start().await;
    let attrs = h.client.conversation_attributes();
    h.replay(
        expect("POST /conversations/attributes").json(json!({
            "name": "Order",
            "data_type": "relationship",
            "reference": {"type": "one", "object_type_id": "Order"}
        })),
        attrs.create(NewConversationAttribute::relationship(
            "Order",
            Cardinality::One,
            "Order",
        )),
    )
    .await;
}

#[tokio::test]
async fn bad_arguments_are_refused_before_sending() {
    let h = Harness::start().await;
    let attrs = h.client.conversation_attributes();
    let creates: Vec<(NewConversationAttribute, &str)> = vec![
        (
            NewConversationAttribute::new(" ", AttributeDataType::String),
            "name",
        ),
        (
            NewConversationAttribute::new("Seats", AttributeDataType::Integer).multiline(true),
            "multiline",
        ),
        (
            NewConversationAttribute::new("Seats", AttributeDataType::Integer).option("1"),
            "options",
        ),
        (
            NewConversationAttribute::list("Priority", ["Only one"]),
            "options",
        ),
        (
            NewConversationAttribute::list("Priority", ["Low", ""]),
            "options.label",
        ),
        (
            NewConversationAttribute::new("Order", AttributeDataType::Relationship),
            "reference",
        ),
        (
            NewConversationAttribute::relationship("Order", Cardinality::Many, " "),
            "reference.object_type_id",
        ),
    ];
    for (body, field) in creates {
        let err = attrs.create(body.clone()).await.expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    for err in [
        attrs.get("abc").await.expect_err("not numeric"),
        attrs.delete("-1").await.expect_err("not numeric"),
        attrs
            .update("x", UpdateConversationAttribute::new())
            .await
            .expect_err("not numeric"),
        attrs
            .create_option("1.5", "High")
            .await
            .expect_err("not numeric"),
        attrs
            .update_option("two", LOW, "High")
            .await
            .expect_err("not numeric"),
        attrs
            .delete_option("2a", LOW)
            .await
            .expect_err("not numeric"),
    ] {
        assert_eq!(invalid_field(err), "id");
    }
    let err = attrs.create_option(PRIORITY, " ").await.expect_err("blank");
    assert_eq!(invalid_field(err), "label");
    let err = attrs.delete_option(PRIORITY, "").await.expect_err("empty");
    assert_eq!(invalid_field(err), "option_id");
    let err = attrs
        .update(PRIORITY, UpdateConversationAttribute::new().name(""))
        .await
        .expect_err("empty name");
    assert_eq!(invalid_field(err), "name");
    h.assert_no_requests().await;
}

#[tokio::test]
async fn the_last_two_options_cannot_be_archived() {
    let h = Harness::start().await;
    stub(
        "DELETE",
        &format!("/conversations/attributes/{PRIORITY}/options/{LOW}"),
        &[],
    )
    .respond_with(api_error(
        422,
        "parameter_invalid",
        "A list attribute must have at least 2 active options",
    ))
    .expect(1)
    .mount(&h.server)
    .await;
    let err = h
        .client
        .conversation_attributes()
        .delete_option(PRIORITY, LOW)
        .await
        .expect_err("422");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(422));
    let api = err.as_api().expect("an API error");
    assert!(
        api.errors.iter().any(|e| e
            .message
            .as_deref()
            .is_some_and(|m| m.contains("at least 2 active options"))),
        "{api:?}"
    );
    h.finish().await;
}

#[tokio::test]
async fn unknown_data_types_and_numeric_ids_decode() {
    let h = Harness::start().await;
    let attrs = h
        .replay(
            expect("GET /conversations/attributes").answer(ok(json!({
                "type": "list",
                "data": [{
                    "type": "conversation_attribute", "id": 99, "name": "Signature",
                    "data_type": "signature", "admin_id": 16, "visible_to_team_ids": null,
                    "reference": {"type": "several"}
                }]
            }))),
            h.client.conversation_attributes().list(),
        )
        .await;
    let a = &attrs[0];
    assert_eq!(a.id, "99");
    assert_eq!(
        a.data_type,
        Some(AttributeDataType::Unknown("signature".into()))
    );
    assert_eq!(a.admin_id.as_deref(), Some("16"));
    assert_eq!(
        a.reference.as_ref().and_then(|r| r.cardinality.clone()),
        Some(Cardinality::Unknown("several".into()))
    );
}

#[test]
fn only_creates_are_not_retried() {
    for op in intercom_api::conversation_attributes::ops::ALL {
        assert_eq!(op.idempotent, op.method != "POST", "{}", op.id);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.conversation_attributes();
    let requests = [
        built(c.list()),
        built(c.list().include_archived(false)),
        built(
            c.create(
                NewConversationAttribute::new("Notes", AttributeDataType::String)
                    .multiline(true)
                    .description("Free text")
                    .required(false)
                    .visible_to_team_ids(Vec::<String>::new()),
            ),
        ),
        built(c.create(NewConversationAttribute::list("Priority", ["Low", "High"]))),
        built(c.create(NewConversationAttribute::relationship(
            "Orders",
            Cardinality::Many,
            "Order",
        ))),
        built(c.create(NewConversationAttribute::new(
            "Proof",
            AttributeDataType::Files,
        ))),
        built(c.get(PRIORITY)),
        built(
            c.update(
                PRIORITY,
                UpdateConversationAttribute::new()
                    .name("Urgency")
                    .description("How soon")
                    .required(true)
                    .visible_to_team_ids(["5017793"]),
            ),
        ),
        built(c.update(
            "17",
            UpdateConversationAttribute::new().reference(Cardinality::Many, "Order"),
        )),
        built(c.update("14", UpdateConversationAttribute::new().multiline(false))),
        built(c.delete(PRIORITY)),
        built(c.create_option(PRIORITY, "Critical")),
        built(c.update_option(PRIORITY, URGENT, "Urgent (same day)")),
        built(c.delete_option(PRIORITY, LOW)),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Conversations Attributes"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}
