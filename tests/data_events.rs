//! Replay tests for the Data Events (3) operations of Intercom API 2.16.
//!
//! Each replay test sends one call through [`support::Harness::replay`] (or
//! mounts exact stubs for paged answers) and checks the decoded values;
//! other tests cover validation, retries, errors and paging edge cases. At
//! the end: every request the SDK builds against the 2.16 operations.

mod support;

use futures::TryStreamExt;
use intercom_api::data_events::{
    CreateDataEvent, CreateEventSummary, EventUser, MAX_METADATA_KEYS,
};
use intercom_api::{Cursor, Error, ErrorCode};
use serde_json::{Value, json};
use wiremock::ResponseTemplate;

use support::replay::expect;
use support::{Harness, error_response, fixture, invalid_field, ok, stub, stub_json};

const USER: &str = "user-42";
const INTERCOM_ID: &str = "6762f0d01bb69f9f2193bb7d";
const AT: i64 = 1_717_401_600;

/// A listing fixture whose `pages` URLs point at the test server.
fn on_server(name: &str, server: &wiremock::MockServer) -> Value {
    let text = fixture(name)
        .to_string()
        .replace("https://api.intercom.io", &server.uri());
    serde_json::from_str(&text).expect("still JSON")
}

#[tokio::test]
async fn submit() {
    let h = Harness::start().await;
    let order = CreateDataEvent::new("placed-order", AT, EventUser::user_id(USER))
        .metadata("order_number", "3434-3434")
        .metadata("items", 3)
        .metadata("shipped_date", 1_717_488_000)
        .rich_link(
            "invoice",
            "https://example.com/invoices/3434",
            "Invoice 3434",
        )
        .monetary_amount("price", 34_999, "eur");
    let body = json!({
        "event_name": "placed-order",
        "created_at": AT,
        "user_id": USER,
        "metadata": {
            "order_number": "3434-3434",
            "items": 3,
            "shipped_date": 1_717_488_000,
            "invoice": {"url": "https://example.com/invoices/3434", "value": "Invoice 3434"},
            "price": {"amount": 34_999, "currency": "eur"}
        }
    });
    let accepted: () = h
        .replay(
            expect("POST /events")
                .json(body)
                .answer(ResponseTemplate::new(202)),
            h.client.data_events().submit(order),
        )
        .await;
    assert_eq!(accepted, ());
}

/// An Intercom id goes out as `id`, an email as `email`.
#[tokio::test]
async fn submit_names_the_user_as_the_endpoint_does() {
    let h = Harness::start().await;
    for (user, key, value) in [
        (EventUser::intercom_id(INTERCOM_ID), "id", INTERCOM_ID),
        (
            EventUser::email("ada@example.com"),
            "email",
            "ada@example.com",
        ),
    ] {
        let body = json!({"event_name": "invited-friend", "created_at": AT, key: value});
        h.replay(
            expect("POST /events")
                .json(body)
                .answer(ResponseTemplate::new(202)),
            h.client
                .data_events()
                .submit(CreateDataEvent::new("invited-friend", AT, user)),
        )
        .await;
    }
}

/// A client that retries at once, without sleeping.
fn retrying_client(server: &wiremock::MockServer) -> intercom_api::Client {
    use std::time::Duration;
    intercom_api::Client::builder()
        .token("test-token")
        .base_url(server.uri())
        .retry(
            intercom_api::RetryPolicy::default()
                .max_retries(2)
                .base_delay(Duration::ZERO)
                .max_delay(Duration::ZERO)
                .jitter(|_| Duration::ZERO),
        )
        .build()
        .expect("client builds")
}

/// An event naming its user by `user_id` is safe to repeat (Intercom
/// de-duplicates it), so a `503` is retried, as `bulk().track_events` does.
#[tokio::test]
async fn submit_by_user_id_is_retried_after_a_503() {
    let h = Harness::start().await;
    let body = json!({"event_name": "placed-order", "created_at": AT, "user_id": USER});
    stub_json("POST", "/events", &[], body.clone())
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .with_priority(1)
        .mount(&h.server)
        .await;
    stub_json("POST", "/events", &[], body)
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&h.server)
        .await;
    let event = CreateDataEvent::new("placed-order", AT, EventUser::user_id(USER));
    let client = retrying_client(&h.server);
    client
        .data_events()
        .submit(event)
        .await
        .expect("retried, then accepted");
    h.finish().await;
}

/// By email (or Intercom id) a repeat could record the event twice: a
/// `503` is returned, not retried.
#[tokio::test]
async fn submit_by_email_is_not_retried() {
    let h = Harness::start().await;
    let body = json!({"event_name": "placed-order", "created_at": AT, "email": "ada@example.com"});
    stub_json("POST", "/events", &[], body)
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&h.server)
        .await;
    let event = CreateDataEvent::new("placed-order", AT, EventUser::email("ada@example.com"));
    let err = retrying_client(&h.server)
        .data_events()
        .submit(event)
        .await
        .expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    h.finish().await;
}

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    stub(
        "GET",
        "/events",
        &[("type", "user"), ("user_id", USER), ("per_page", "2")],
    )
    .respond_with(ok(on_server("data_events/lisDataEvents.list", &h.server)))
    .expect(2)
    .mount(&h.server)
    .await;
    stub(
        "GET",
        "/events",
        &[
            ("type", "user"),
            ("user_id", USER),
            ("per_page", "2"),
            ("before", "1717315200"),
        ],
    )
    .respond_with(ok(on_server(
        "data_events/lisDataEvents.list.page2",
        &h.server,
    )))
    .expect(1)
    .mount(&h.server)
    .await;
    let events = h.client.data_events();

    let page = events
        .list(EventUser::user_id(USER))
        .per_page(2)
        .await
        .expect("page");
    assert_eq!(page.items.len(), 2);
    let order = &page.items[0];
    assert_eq!(order.event_name, "placed-order");
    assert_eq!(order.created_at, 1_717_401_600);
    assert_eq!(order.user_id.as_deref(), Some(USER));
    assert_eq!(
        order.id.as_deref(),
        Some("c1f0e7a2-3b5d-4e8f-9a60-1d2c3b4a5f60")
    );
    assert_eq!(order.intercom_user_id.as_deref(), Some(INTERCOM_ID));
    assert_eq!(order.email.as_deref(), Some("ada@example.com"));
    assert_eq!(order.metadata["order_number"], "3434-3434");
    assert_eq!(
        order.metadata["invoice_url"],
        "https://example.com/invoices/3434-3434"
    );
    assert_eq!(page.items[1].metadata["invitee_email"], "grace@example.com");
    let next = format!(
        "{}/events?type=user&user_id=user-42&per_page=2&before=1717315200",
        h.server.uri()
    );
    assert_eq!(page.next, Some(Cursor::NextUrl(next)));

    // The stream follows `pages.next` until a page has none.
    let names: Vec<String> = events
        .list(EventUser::user_id(USER))
        .per_page(2)
        .items()
        .map_ok(|e| e.event_name)
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(names, ["placed-order", "invited-friend", "updated-plan"]);
    h.finish().await;
}

#[tokio::test]
async fn submit_summaries() {
    let h = Harness::start().await;
    let summary = CreateEventSummary::new(USER, "placed-order")
        .count(12)
        .first(1_690_017_160)
        .last(1_717_401_600);
    let body = json!({
        "user_id": USER,
        "event_summaries": {
            "event_name": "placed-order",
            "count": 12,
            "first": 1_690_017_160,
            "last": 1_717_401_600
        }
    });
    let done: () = h
        .replay(
            expect("POST /events/summaries")
                .json(body)
                .answer(ResponseTemplate::new(200)),
            h.client.data_events().submit_summaries(summary),
        )
        .await;
    assert_eq!(done, ());
}

/// `summary=true` on `GET /events` (lisDataEvents): the answer the spec
/// declares for the operation.
#[tokio::test]
async fn summary() {
    let h = Harness::start().await;
    let query = [
        ("type", "user"),
        ("email", "ada@example.com"),
        ("summary", "true"),
    ];
    let s = h
        .replay(
            expect("GET /events").query(&query),
            h.client
                .data_events()
                .summary(EventUser::email("ada@example.com")),
        )
        .await;
    assert_eq!(s.email.as_deref(), Some("ada@example.com"));
    assert_eq!(s.intercom_user_id.as_deref(), Some(INTERCOM_ID));
    assert_eq!(s.user_id.as_deref(), Some(USER));
    assert_eq!(s.events.len(), 3);
    let orders = &s.events[0];
    assert_eq!(orders.name.as_deref(), Some("placed-order"));
    assert_eq!(orders.count, Some(12));
    assert_eq!(orders.first.as_deref(), Some("2023-07-22T09:12:40.000Z"));
    assert_eq!(orders.last.as_deref(), Some("2024-06-03T08:00:00.000Z"));
    assert_eq!(
        orders.description.as_deref(),
        Some("A checkout completed in the web app")
    );
    assert_eq!(s.events[1].description, None);
    assert_eq!(s.events[2].count, Some(1));
}

/// Listing by Intercom id uses `intercom_user_id` (the only way to list
/// a lead's events).
#[tokio::test]
async fn list_by_intercom_id_sends_intercom_user_id() {
    let h = Harness::start().await;
    stub(
        "GET",
        "/events",
        &[("type", "user"), ("intercom_user_id", INTERCOM_ID)],
    )
    .respond_with(ok(json!({"type": "event.list", "events": [], "pages": {}})))
    .expect(1)
    .mount(&h.server)
    .await;

    let page = h
        .client
        .data_events()
        .list(EventUser::intercom_id(INTERCOM_ID))
        .await
        .expect("page");
    assert!(page.items.is_empty());
    assert!(page.is_last());
    h.finish().await;
}

// ---- validation: refused before anything is sent ----

#[tokio::test]
async fn empty_names_and_identifiers_are_refused_before_sending() {
    let h = Harness::start().await;
    let events = h.client.data_events();
    let cases = [
        (
            CreateDataEvent::new("", AT, EventUser::user_id(USER)),
            "event_name",
        ),
        (
            CreateDataEvent::new("  ", AT, EventUser::user_id(USER)),
            "event_name",
        ),
        (
            CreateDataEvent::new("x", AT, EventUser::user_id(" ")),
            "user_id",
        ),
        (
            CreateDataEvent::new("x", AT, EventUser::intercom_id("")),
            "id",
        ),
        (CreateDataEvent::new("x", AT, EventUser::email("")), "email"),
    ];
    for (event, field) in cases {
        let err = events.submit(event).await.expect_err("refused");
        assert_eq!(invalid_field(err), field);
    }
    for (user, field) in [
        (EventUser::user_id(""), "user_id"),
        (EventUser::intercom_id(""), "intercom_user_id"),
        (EventUser::email(" "), "email"),
    ] {
        let err = events.list(user.clone()).await.expect_err("refused");
        assert_eq!(invalid_field(err), field);
        let err = events.summary(user).await.expect_err("refused");
        assert_eq!(invalid_field(err), field);
    }
    let err = events
        .submit_summaries(CreateEventSummary::new("", "placed-order"))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "user_id");
    let err = events
        .submit_summaries(CreateEventSummary::new(USER, ""))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "event_summaries.event_name");
    let err = events
        .submit_summaries(CreateEventSummary::new(USER, "x").first(20).last(10))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "event_summaries.last");
    let err = events
        .list(EventUser::user_id(USER))
        .per_page(0)
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "per_page");
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn metadata_intercom_would_drop_or_refuse_is_refused_before_sending() {
    let h = Harness::start().await;
    let events = h.client.data_events();
    let event = || CreateDataEvent::new("placed-order", AT, EventUser::user_id(USER));

    // Intercom keeps the first 10 keys and silently drops the rest.
    let mut eleven = event();
    for i in 0..=MAX_METADATA_KEYS {
        eleven = eleven.metadata(format!("key_{i}"), i);
    }
    let err = events.submit(eleven).await.expect_err("refused");
    assert_eq!(invalid_field(err), "metadata");

    let cases: [(CreateDataEvent, &str); 9] = [
        (event().metadata("gift", true), "metadata.gift"),
        (event().metadata("note", Value::Null), "metadata.note"),
        (event().metadata("skus", json!(["a", "b"])), "metadata.skus"),
        (
            event().metadata("cart", json!({"lines": {"a": 1}})),
            "metadata.cart",
        ),
        (event().metadata("order.id", "1"), "metadata.order.id"),
        (
            event().metadata("comment", "x".repeat(256)),
            "metadata.comment",
        ),
        (
            event().metadata("paid_date", "2024-06-03"),
            "metadata.paid_date",
        ),
        (event().monetary_amount("price", 0, "eur"), "metadata.price"),
        (
            event().rich_link("invoice", "javascript:alert(1)", "Invoice"),
            "metadata.invoice",
        ),
    ];
    for (e, field) in cases {
        let err = events.submit(e).await.expect_err("refused");
        assert_eq!(invalid_field(err), field);
    }

    // Exactly ten keys, each of a documented type, is fine.
    let mut ten = event()
        .rich_link("invoice", "https://example.com/i/1", "Invoice 1")
        .monetary_amount("price", 1, "usd")
        .metadata("paid_date", AT)
        .metadata("ratio", 0.25)
        .metadata("comment", "x".repeat(255));
    for i in 5..MAX_METADATA_KEYS {
        ten = ten.metadata(format!("key_{i}"), format!("value {i}"));
    }
    assert!(events.submit(ten).into_request().is_ok());
    h.assert_no_requests().await;
    h.finish().await;
}

// ---- errors ----

#[tokio::test]
async fn an_event_for_an_unknown_user_is_not_found() {
    let h = Harness::start().await;
    stub_json(
        "POST",
        "/events",
        &[],
        json!({"event_name": "placed-order", "created_at": AT, "user_id": "nobody"}),
    )
    .respond_with(error_response(404, "not_found"))
    .expect(1)
    .mount(&h.server)
    .await;

    let err = h
        .client
        .data_events()
        .submit(CreateDataEvent::new(
            "placed-order",
            AT,
            EventUser::user_id("nobody"),
        ))
        .await
        .expect_err("404");

    assert!(err.is_not_found(), "{err}");
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    assert!(!err.is_retryable());
    h.finish().await;
}

#[tokio::test]
async fn listing_with_a_bad_token_is_unauthorized_and_ends_the_stream() {
    let h = Harness::start().await;
    stub("GET", "/events", &[("type", "user"), ("user_id", USER)])
        .respond_with(error_response(401, "unauthorized"))
        .expect(1)
        .mount(&h.server)
        .await;

    let mut items = std::pin::pin!(
        h.client
            .data_events()
            .list(EventUser::user_id(USER))
            .items()
    );
    let err = items.try_next().await.expect_err("401");
    assert_eq!(err.code(), Some(&ErrorCode::Unauthorized));
    assert!(items.try_next().await.expect("ended").is_none());
    h.finish().await;
}

/// A `pages.next` on another host is not followed: the token stays home.
#[tokio::test]
async fn a_next_url_on_another_origin_is_refused() {
    let h = Harness::start().await;
    stub("GET", "/events", &[("type", "user"), ("user_id", USER)])
        .respond_with(ok(fixture("data_events/lisDataEvents.list")))
        .expect(1)
        .mount(&h.server)
        .await;

    let mut items = std::pin::pin!(
        h.client
            .data_events()
            .list(EventUser::user_id(USER))
            .items()
    );
    assert_eq!(
        items.try_next().await.expect("first").map(|e| e.event_name),
        Some("placed-order".to_owned())
    );
    items.try_next().await.expect("second");
    let err = items.try_next().await.expect_err("refused");
    assert!(
        matches!(err, Error::Protocol(ref m) if m.contains("another origin")),
        "{err}"
    );
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Requests against the spec
// ---------------------------------------------------------------------------

/// Every request the SDK builds for these families has the spec's method
/// and path, and a body conforming to the operation's request schema. (The
/// fixtures of both families are checked in `tests/fixtures_schema.rs`.)
#[test]
fn requests_match_the_2_16_operations() {
    use intercom_api::data_events::{CreateDataEvent, CreateEventSummary, EventUser};
    use support::requests::{built, check_requests, offline_client, uncovered};

    let Some(spec) = support::spec::load() else {
        return;
    };
    // Building requests sends nothing.
    let client = offline_client();
    let e = client.data_events();
    let requests = [
        built(
            e.submit(
                CreateDataEvent::new("placed-order", 1, EventUser::email("a@example.com"))
                    .metadata("order_number", "1"),
            ),
        ),
        built(e.list(EventUser::user_id("u")).into_request()),
        built(e.summary(EventUser::user_id("u"))),
        built(e.submit_summaries(CreateEventSummary::new("u", "x").count(1).first(1).last(2))),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every operation of the family was built.
    let ops = support::spec::operations(spec);
    let missing = uncovered(&ops, &["Data Events"], &requests);
    assert!(missing.is_empty(), "not built: {missing:?}");
}
