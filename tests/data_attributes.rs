//! Replay tests for the 3 Data Attributes operations of Intercom API 2.16,
//! `ensure` (exists, created, type mismatch, archived, a create that races
//! another writer), the checks made before sending, and the offline check of
//! the requests against the spec.
//!
//! Replay tests are named after the SDK method they cover and carry the
//! spec's operationId on the line above `#[tokio::test]` (see
//! `tests/contacts.rs`).

mod support;

use intercom_api::Error;
use intercom_api::data_attributes::{
    CreateDataAttribute, DataAttributeModel, DataType, UpdateDataAttribute,
};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, api_error, fixture, invalid_field, ok, spec, stub, stub_json};

const LIST_CONTACT: &[(&str, &str)] = &[("model", "contact"), ("include_archived", "true")];

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let attributes = h
        .replay(
            expect("GET /data_attributes").query(LIST_CONTACT),
            h.client
                .data_attributes()
                .list()
                .model(DataAttributeModel::Contact)
                .include_archived(true),
        )
        .await;

    assert_eq!(attributes.len(), 4);
    let email = &attributes[0];
    assert_eq!(email.id, None);
    assert_eq!(email.custom, Some(false));
    assert_eq!(email.full_name.as_deref(), Some("email"));
    let plan = &attributes[1];
    assert_eq!(plan.id.as_deref(), Some("118204"));
    assert_eq!(plan.model, Some(DataAttributeModel::Contact));
    assert_eq!(plan.data_type, Some(DataType::String));
    assert_eq!(plan.options, ["free", "growth", "enterprise"]);
    assert_eq!(plan.admin_id.as_deref(), Some("5281734"));
    assert_eq!(attributes[2].data_type, Some(DataType::Integer));
    assert_eq!(attributes[3].archived, Some(true));
}

#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let created = h
        .replay(
            expect("POST /data_attributes").json(json!({
                "name": "renewal_date",
                "model": "company",
                "data_type": "datetime",
                "description": "Next contract renewal",
                "messenger_writable": false
            })),
            h.client.data_attributes().create(
                CreateDataAttribute::new(
                    "renewal_date",
                    DataAttributeModel::Company,
                    DataType::Datetime,
                )
                .description("Next contract renewal")
                .messenger_writable(false),
            ),
        )
        .await;

    assert_eq!(created.id.as_deref(), Some("118420"));
    assert_eq!(created.model, Some(DataAttributeModel::Company));
    assert_eq!(created.data_type, Some(DataType::Date));
    assert_eq!(
        created.full_name.as_deref(),
        Some("custom_attributes.renewal_date")
    );
    assert_eq!(created.created_at, Some(1_719_493_757));
}

#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let updated = h
        .replay(
            expect("PUT /data_attributes/118204").json(json!({
                "description": "Billing plan (2024 price book)",
                "messenger_writable": true,
                "options": [
                    {"value": "free"}, {"value": "growth"}, {"value": "scale"}, {"value": "enterprise"}
                ]
            })),
            h.client.data_attributes().update(
                "118204",
                UpdateDataAttribute::new()
                    .description("Billing plan (2024 price book)")
                    .messenger_writable(true)
                    .options(["free", "growth", "scale", "enterprise"]),
            ),
        )
        .await;

    assert_eq!(updated.options, ["free", "growth", "scale", "enterprise"]);
    assert_eq!(updated.messenger_writable, Some(true));
    assert_eq!(updated.updated_at, Some(1_719_493_800));
}

#[tokio::test]
async fn refuses_what_intercom_refuses() {
    let h = Harness::start().await;
    let d = h.client.data_attributes();
    let field = |e: Error| invalid_field(e);
    let contact = DataAttributeModel::Contact;
    for bad in ["", "plan.tier", "$plan", "plan!", &"x".repeat(191)] {
        let attr = CreateDataAttribute::new(bad, contact.clone(), DataType::String);
        assert_eq!(field(d.create(attr).await.unwrap_err()), "name", "{bad:?}");
    }
    let one_option = CreateDataAttribute::list("tier", contact.clone(), ["gold"]);
    assert_eq!(field(d.create(one_option).await.unwrap_err()), "options");
    let no_options = CreateDataAttribute::new("tier", contact.clone(), DataType::Options);
    assert_eq!(field(d.create(no_options).await.unwrap_err()), "options");
    let conversation =
        CreateDataAttribute::new("tier", DataAttributeModel::Conversation, DataType::String);
    assert_eq!(field(d.create(conversation).await.unwrap_err()), "model");
    let list = d.list().model(DataAttributeModel::Conversation).await;
    assert_eq!(field(list.unwrap_err()), "model");
    let not_numeric = d.update("plan", UpdateDataAttribute::new().archived(true));
    assert_eq!(field(not_numeric.await.unwrap_err()), "data_attribute_id");
    let empty_option = d.update("118204", UpdateDataAttribute::new().options(["a", " "]));
    assert_eq!(field(empty_option.await.unwrap_err()), "options");
    // Spaces, hyphens, underscores and currency symbols are fine.
    let ok_name = CreateDataAttribute::new("Plan tier – €/seat_2", contact, DataType::String);
    assert!(
        d.create(ok_name).into_request().is_ok(),
        "a plain name is refused"
    );
    h.assert_no_requests().await;
}

// ---------------------------------------------------------------------------
// ensure
// ---------------------------------------------------------------------------

async fn mount_list(h: &Harness, times: u64) {
    stub("GET", "/data_attributes", LIST_CONTACT)
        .respond_with(ok(fixture("data_attributes/lisDataAttributes")))
        .expect(times)
        .mount(&h.server)
        .await;
}

#[tokio::test]
async fn ensure_returns_the_existing_attribute() {
    let h = Harness::start().await;
    mount_list(&h, 1).await;
    let ensured = h
        .client
        .data_attributes()
        .ensure(CreateDataAttribute::new(
            "seats",
            DataAttributeModel::Contact,
            DataType::Integer,
        ))
        .await
        .expect("ensure");
    assert!(!ensured.created);
    assert_eq!(ensured.attribute.id.as_deref(), Some("118233"));
    h.finish().await;
}

#[tokio::test]
async fn ensure_matches_a_list_reported_as_string_with_options() {
    let h = Harness::start().await;
    mount_list(&h, 1).await;
    let ensured = h
        .client
        .data_attributes()
        .ensure(CreateDataAttribute::list(
            "plan",
            DataAttributeModel::Contact,
            ["free", "growth"],
        ))
        .await
        .expect("ensure");
    assert!(!ensured.created);
    assert_eq!(ensured.attribute.id.as_deref(), Some("118204"));
    h.finish().await;
}

#[tokio::test]
async fn ensure_creates_a_missing_attribute() {
    let h = Harness::start().await;
    mount_list(&h, 1).await;
    stub_json(
        "POST",
        "/data_attributes",
        &[],
        json!({"name": "lifetime_value", "model": "contact", "data_type": "float"}),
    )
    .respond_with(ok(json!({
        "type": "data_attribute", "id": 118501, "model": "contact", "name": "lifetime_value",
        "full_name": "custom_attributes.lifetime_value", "data_type": "float", "custom": true,
        "archived": false
    })))
    .expect(1)
    .mount(&h.server)
    .await;

    let ensured = h
        .client
        .data_attributes()
        .ensure(CreateDataAttribute::new(
            "lifetime_value",
            DataAttributeModel::Contact,
            DataType::Float,
        ))
        .await
        .expect("ensure");
    assert!(ensured.created);
    assert_eq!(ensured.attribute.id.as_deref(), Some("118501"));
    h.finish().await;
}

#[tokio::test]
async fn ensure_refuses_another_data_type() {
    let h = Harness::start().await;
    mount_list(&h, 1).await;
    let err = h
        .client
        .data_attributes()
        .ensure(CreateDataAttribute::new(
            "seats",
            DataAttributeModel::Contact,
            DataType::String,
        ))
        .await
        .unwrap_err();
    match err {
        Error::DataTypeMismatch {
            name,
            model,
            existing,
            wanted,
        } => {
            assert_eq!(
                (
                    name.as_str(),
                    model.as_str(),
                    existing.as_str(),
                    wanted.as_str()
                ),
                ("seats", "contact", "integer", "string")
            );
        }
        other => panic!("expected DataTypeMismatch, got {other:?}"),
    }
    h.finish().await;
}

#[tokio::test]
async fn ensure_unarchives_an_archived_attribute() {
    let h = Harness::start().await;
    mount_list(&h, 1).await;
    stub_json(
        "PUT",
        "/data_attributes/117950",
        &[],
        json!({"archived": false}),
    )
    .respond_with(ok(json!({
        "type": "data_attribute", "id": 117950, "model": "contact", "name": "legacy_score",
        "data_type": "float", "custom": true, "archived": false
    })))
    .expect(1)
    .mount(&h.server)
    .await;
    let ensured = h
        .client
        .data_attributes()
        .ensure(CreateDataAttribute::new(
            "legacy_score",
            DataAttributeModel::Contact,
            DataType::Float,
        ))
        .await
        .expect("ensure");
    assert!(!ensured.created);
    assert_eq!(ensured.attribute.archived, Some(false));
    h.finish().await;
}

/// Another writer creates the attribute between our list and our create:
/// Intercom answers 400 "already have", and the second list has it.
#[tokio::test]
async fn ensure_recovers_from_a_create_race() {
    let h = Harness::start().await;
    stub("GET", "/data_attributes", LIST_CONTACT)
        .respond_with(ok(json!({"type": "list", "data": []})))
        .up_to_n_times(1)
        .expect(1)
        .with_priority(1)
        .mount(&h.server)
        .await;
    stub("GET", "/data_attributes", LIST_CONTACT)
        .respond_with(ok(json!({"type": "list", "data": [{
            "type": "data_attribute", "id": 118502, "model": "contact", "name": "nps",
            "data_type": "integer", "custom": true, "archived": false
        }]})))
        .expect(1)
        .mount(&h.server)
        .await;
    stub_json(
        "POST",
        "/data_attributes",
        &[],
        json!({"name": "nps", "model": "contact", "data_type": "integer"}),
    )
    .respond_with(api_error(
            400,
            "parameter_invalid",
            "You already have 'nps' in your people data. To save this as new people data, use a different name.",
        ))
        .expect(1)
        .mount(&h.server)
        .await;

    let ensured = h
        .client
        .data_attributes()
        .ensure(CreateDataAttribute::new(
            "nps",
            DataAttributeModel::Contact,
            DataType::Integer,
        ))
        .await
        .expect("ensure");
    assert!(!ensured.created);
    assert_eq!(ensured.attribute.id.as_deref(), Some("118502"));
    h.finish().await;
}

/// The name is taken by the other model: the 400 is the answer.
#[tokio::test]
async fn ensure_reports_a_name_taken_by_the_other_model() {
    let h = Harness::start().await;
    stub("GET", "/data_attributes", LIST_CONTACT)
        .respond_with(ok(json!({"type": "list", "data": []})))
        .expect(2)
        .mount(&h.server)
        .await;
    stub_json(
        "POST",
        "/data_attributes",
        &[],
        json!({"name": "region", "model": "contact", "data_type": "string"}),
    )
    .respond_with(api_error(
            400,
            "parameter_invalid",
            "You already have 'region' in your company data. To save this as new people data, use a different name.",
        ))
        .expect(1)
        .mount(&h.server)
        .await;
    let err = h
        .client
        .data_attributes()
        .ensure(CreateDataAttribute::new(
            "region",
            DataAttributeModel::Contact,
            DataType::String,
        ))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    h.finish().await;
}

#[test]
fn sdk_requests_match_the_spec_operations() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let d = client.data_attributes();
    let requests = [
        built(
            d.list()
                .model(DataAttributeModel::Company)
                .include_archived(false),
        ),
        built(
            d.create(
                CreateDataAttribute::new("seats", DataAttributeModel::Company, DataType::Integer)
                    .description("Paid seats")
                    .messenger_writable(true),
            ),
        ),
        built(d.create(CreateDataAttribute::list(
            "tier",
            DataAttributeModel::Contact,
            ["gold", "silver"],
        ))),
        built(
            d.update(
                "118204",
                UpdateDataAttribute::new()
                    .archived(true)
                    .description("Retired"),
            ),
        ),
    ];
    let problems = check_requests(spec, &requests);
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Data Attributes"], &requests);
    assert!(missing.is_empty(), "not checked: {missing:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n  "));
}
