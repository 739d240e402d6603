//! The blocking facade runs the same endpoint definitions as the async client.
#![cfg(feature = "blocking")]

use intercom_api::contacts::CreateContact;
use intercom_api::{Error, RetryPolicy, blocking};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A wiremock server started on a runtime of the test's own, so that the
/// blocking client is then called from plain (non-async) code.
fn server() -> (tokio::runtime::Runtime, MockServer) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(MockServer::start());
    (rt, server)
}

fn client(server: &MockServer) -> blocking::Client {
    blocking::Client::builder()
        .token("test-token")
        .base_url(server.uri())
        .retry(RetryPolicy::none())
        .build_blocking()
        .unwrap()
}

fn contact(id: &str, email: &str) -> serde_json::Value {
    json!({"type": "contact", "id": id, "role": "user", "email": email})
}

#[test]
fn a_call_sends_the_same_request_as_the_async_client() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/contacts"))
            .and(header("authorization", "Bearer test-token"))
            .and(header("intercom-version", "2.16"))
            .and(body_json(
                json!({"email": "ada@example.com", "name": "Ada"}),
            ))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(contact("c1", "ada@example.com")),
            )
            .expect(1)
            .mount(&server),
    );
    let created = client(&server)
        .contacts()
        .create(CreateContact::with_email("ada@example.com").name("Ada"))
        .send()
        .unwrap();
    assert_eq!(created.id, "c1");
    assert_eq!(created.email.as_deref(), Some("ada@example.com"));
}

#[test]
fn list_items_is_an_iterator_that_follows_the_cursor() {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(path("/contacts"))
            .and(query_param("starting_after", "cur-2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "type": "list", "data": [contact("c3", "c@example.com")], "total_count": 3,
                "pages": {"type": "pages", "page": 2, "per_page": 2, "total_pages": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(path("/contacts"))
            .and(query_param("per_page", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "type": "list", "data": [contact("c1", "a@example.com"), contact("c2", "b@example.com")],
                "total_count": 3,
                "pages": {"type": "pages", "page": 1, "per_page": 2, "total_pages": 2,
                          "next": {"per_page": 2, "starting_after": "cur-2"}}
            })))
            .up_to_n_times(1)
            .mount(&server)
            .await;
    });
    let ids: Vec<String> = client(&server)
        .contacts()
        .list()
        .per_page(2)
        .items()
        .map(|c| c.unwrap().id)
        .collect();
    assert_eq!(ids, ["c1", "c2", "c3"]);
}

#[test]
fn invalid_input_is_refused_before_sending() {
    let (rt, server) = server();
    let err = client(&server)
        .contacts()
        .create(CreateContact::with_email("ada@example.com").custom_attribute("x".repeat(191), 1))
        .send()
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field.starts_with("custom_attributes."))
    );
    let pages: Vec<_> = client(&server)
        .contacts()
        .list()
        .per_page(0)
        .pages()
        .collect();
    assert_eq!(pages.len(), 1);
    assert!(matches!(&pages[0], Err(Error::InvalidInput { field, .. }) if field == "per_page"));
    let received = rt.block_on(server.received_requests()).unwrap();
    assert!(received.is_empty());
}

#[test]
fn api_errors_are_the_same_typed_errors() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(path("/contacts/missing"))
            .respond_with(ResponseTemplate::new(404).set_body_json(json!({
                "type": "error.list", "request_id": "r-1",
                "errors": [{"code": "not_found", "message": "Contact Not Found"}]
            })))
            .mount(&server),
    );
    let err = client(&server)
        .contacts()
        .get("missing")
        .send()
        .unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(
        err.to_string(),
        "404 not_found: Contact Not Found (request_id=r-1)"
    );
}

#[tokio::test]
async fn inside_an_async_runtime_it_returns_an_error_instead_of_panicking() {
    let client = blocking::Client::builder()
        .token("test-token")
        .base_url("http://127.0.0.1:9")
        .build_blocking()
        .unwrap();
    let err = client.admins().me().send().unwrap_err();
    assert!(
        matches!(&err, Error::Config(m) if m.contains("inside an async runtime")),
        "{err}"
    );
    // Dropping it here must not panic either.
    drop(client);
}

#[test]
fn every_contacts_operation_runs_against_the_fake() {
    use intercom_api::contacts::{ContactRole, MergeContacts, UpdateContact};
    use intercom_api::mock::FakeIntercom;
    use intercom_api::search::field;
    use intercom_api::subscription_types::ConsentType;

    let rt = tokio::runtime::Runtime::new().unwrap();
    let fake = rt.block_on(FakeIntercom::start());
    fake.seed_contacts(4);
    let client = fake.client_builder().build_blocking().unwrap();
    let contacts = client.contacts();

    let ada = contacts
        .create(CreateContact::with_external_id("ada-1").email("ada@example.com"))
        .send()
        .unwrap();
    assert_eq!(
        contacts.get(&ada.id).send().unwrap().email.as_deref(),
        Some("ada@example.com")
    );
    assert_eq!(
        contacts.get_by_external_id("ada-1").send().unwrap().id,
        ada.id
    );
    let updated = contacts
        .update(
            &ada.id,
            UpdateContact::new().custom_attribute("plan", "pro"),
        )
        .send()
        .unwrap();
    assert_eq!(updated.custom_attributes["plan"], "pro");
    let found = contacts
        .search(field("email").eq("ada@example.com"))
        .send()
        .unwrap();
    assert_eq!(found.items.len(), 1);
    let all: Vec<_> = contacts
        .list()
        .per_page(2)
        .items()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(all.len(), 5, "4 seeded + Ada, across three pages");

    assert!(contacts.archive(&ada.id).send().unwrap().archived);
    assert!(!contacts.unarchive(&ada.id).send().unwrap().archived);
    assert!(
        contacts
            .list_companies(&ada.id)
            .send()
            .unwrap()
            .items
            .is_empty()
    );
    assert!(
        contacts
            .list_notes(&ada.id)
            .send()
            .unwrap()
            .items
            .is_empty()
    );
    let note = contacts
        .create_note(&ada.id, "<p>Renewal call</p>", None)
        .send()
        .unwrap();
    assert_eq!(note.body.as_deref(), Some("<p>Renewal call</p>"));
    assert!(contacts.list_segments(&ada.id).send().unwrap().is_empty());
    assert!(
        contacts
            .list_subscriptions(&ada.id)
            .send()
            .unwrap()
            .is_empty()
    );
    let sub = contacts
        .attach_subscription(&ada.id, "37846", ConsentType::OptIn)
        .send()
        .unwrap();
    assert_eq!(
        (sub.id.as_str(), sub.consent_type),
        ("37846", Some(ConsentType::OptIn))
    );
    assert_eq!(
        contacts
            .detach_subscription(&ada.id, "37846")
            .send()
            .unwrap()
            .id,
        "37846"
    );
    assert!(contacts.list_tags(&ada.id).send().unwrap().is_empty());
    assert!(contacts.list_banners(&ada.id).send().unwrap().is_empty());
    assert_eq!(
        contacts
            .dismiss_banner(&ada.id, "645719311")
            .send()
            .unwrap()
            .dismissed,
        Some(true)
    );
    assert!(
        contacts
            .list_merge_history(&ada.id)
            .send()
            .unwrap()
            .items
            .is_empty()
    );

    let lead = contacts
        .create(CreateContact::lead().name("Visitor"))
        .send()
        .unwrap();
    assert_eq!(lead.role, Some(ContactRole::Lead));
    let merged = contacts
        .merge(MergeContacts::new(&lead.id, &ada.id))
        .send()
        .unwrap();
    assert_eq!(merged.id, ada.id);
    assert!(
        contacts.get(&lead.id).send().is_err(),
        "the lead is gone after the merge"
    );

    let up = contacts
        .upsert_by_external_id(CreateContact::with_external_id("ada-1").name("Ada Lovelace"))
        .unwrap();
    assert!(!up.created);
    assert_eq!(up.contact.name.as_deref(), Some("Ada Lovelace"));

    assert!(contacts.block(&ada.id).send().unwrap().blocked);
    assert!(contacts.delete(&ada.id).send().unwrap().deleted);
    assert!(contacts.get(&ada.id).send().unwrap_err().is_not_found());
    drop(rt);
}
