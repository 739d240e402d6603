//! Replay tests for the 5 Audiences operations of Intercom API 2.16.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub
//! with the exact JSON body or none, answered with
//! `fixtures/audiences/<operationId>.json`, and a catch-all that must not be
//! hit) and checks the decoded values. A replay test is named after the SDK
//! method it covers and carries the spec's operationId on the line directly
//! above its `#[tokio::test]` (see `tests/coverage.rs`).

mod support;

use intercom_api::audiences::{NewAudience, Predicate, UpdateAudience};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, spec};
use wiremock::ResponseTemplate;

// operationId: listAudiences
#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /audiences").query(&[("per_page", "2")]),
            h.client.audiences().list().per_page(2),
        )
        .await;

    assert_eq!(page.items.len(), 2);
    assert_eq!(page.total_count, Some(3));
    // The page numbers sit at the top level of the answer, not in `pages`.
    assert_eq!(page.next, Some(intercom_api::Cursor::Page(2)));
    let ent = &page.items[0];
    assert_eq!(ent.id, "12");
    assert_eq!(ent.name.as_deref(), Some("Enterprise accounts"));
    assert_eq!(
        ent.predicates,
        [Predicate::new(
            "custom_attributes.plan",
            "string",
            "eq",
            "enterprise"
        )]
    );
    assert_eq!(ent.role_predicates, [Predicate::role("user")]);
    let trial = &page.items[1];
    assert_eq!(trial.predicates.len(), 2);
    assert_eq!(trial.predicates[1].comparison.as_deref(), Some("gt"));
    assert_eq!(trial.role_predicates, [Predicate::role("lead")]);
}

// operationId: createAudience
#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let audience = h
        .replay(
            expect("POST /audiences").json(json!({
                "name": "Acme people",
                "predicates": [
                    {"attribute": "company.name", "type": "string", "comparison": "contains", "value": "Acme"}
                ]
            })),
            h.client.audiences().create(
                NewAudience::new("Acme people")
                    .predicate(Predicate::new("company.name", "string", "contains", "Acme")),
            ),
        )
        .await;

    assert_eq!(audience.id, "17");
    assert_eq!(audience.name.as_deref(), Some("Acme people"));
    assert_eq!(audience.predicates[0].value, Some(json!("Acme")));
    assert!(audience.role_predicates.is_empty());
    assert_eq!(audience.created_at, Some(1_772_500_000));
}

// operationId: retrieveAudience
#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let audience = h
        .replay(expect("GET /audiences/12"), h.client.audiences().get("12"))
        .await;

    assert_eq!(audience.id, "12");
    assert_eq!(audience.predicates[0].kind.as_deref(), Some("string"));
    assert_eq!(audience.updated_at, Some(1_771_804_800));
}

// operationId: updateAudience
#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let audience = h
        .replay(
            expect("PUT /audiences/12").json(json!({
                "name": "Enterprise and scale accounts",
                "predicates": [
                    {"attribute": "custom_attributes.plan", "type": "string", "comparison": "in", "value": "enterprise,scale"}
                ]
            })),
            h.client.audiences().update(
                "12",
                UpdateAudience::new()
                    .name("Enterprise and scale accounts")
                    .predicate(Predicate::new(
                        "custom_attributes.plan",
                        "string",
                        "in",
                        "enterprise,scale",
                    )),
            ),
        )
        .await;

    assert_eq!(
        audience.name.as_deref(),
        Some("Enterprise and scale accounts")
    );
    assert_eq!(audience.role_predicates, [Predicate::role("user")]);
    assert_eq!(audience.updated_at, Some(1_772_600_000));
}

// operationId: deleteAudience
#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let () = h
        .replay(
            expect("DELETE /audiences/12").answer(ResponseTemplate::new(204)),
            h.client.audiences().delete("12"),
        )
        .await;
}

#[tokio::test]
async fn bad_arguments_are_refused_before_sending() {
    let h = Harness::start().await;
    let a = h.client.audiences();
    let err = a.list().per_page(51).await.expect_err("51 per page");
    assert_eq!(invalid_field(err), "per_page");
    let err = a.create(NewAudience::new("")).await.expect_err("no name");
    assert_eq!(invalid_field(err), "name");
    let err = a
        .create(NewAudience::new("Acme").predicate(Predicate::new(" ", "string", "eq", "x")))
        .await
        .expect_err("no attribute");
    assert_eq!(invalid_field(err), "predicates.attribute");
    let err = a
        .update(
            "12",
            UpdateAudience::new().role_predicate(Predicate::new("role", "role", "", "user")),
        )
        .await
        .expect_err("no comparison");
    assert_eq!(invalid_field(err), "predicates.comparison");
    let err = a
        .update("12", UpdateAudience::new().name(" "))
        .await
        .expect_err("blank");
    assert_eq!(invalid_field(err), "name");
    let err = a.delete("").await.expect_err("empty id");
    assert_eq!(invalid_field(err), "id");
    h.assert_no_requests().await;
}

#[test]
fn only_the_create_is_not_retried() {
    use intercom_api::audiences::ops;
    let create = ops::create::OPERATION;
    assert!(!create.idempotent);
    for op in [
        ops::list::OPERATION,
        ops::get::OPERATION,
        ops::update::OPERATION,
        ops::delete::OPERATION,
    ] {
        assert!(op.idempotent, "{}", op.id);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.audiences();
    let requests = [
        built(c.list().per_page(50).into_request()),
        built(
            c.create(
                NewAudience::new("VIP")
                    .predicate(Predicate::new("company.name", "string", "contains", "Acme"))
                    .role_predicate(Predicate::role("user")),
            ),
        ),
        built(c.create(NewAudience::new("Everyone"))),
        built(c.get("12")),
        built(
            c.update(
                "12",
                UpdateAudience::new()
                    .name("VIP 2")
                    .predicate(Predicate::new(
                        "custom_attributes.plan",
                        "string",
                        "eq",
                        "pro",
                    )),
            ),
        ),
        built(c.delete("12")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Audiences"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

/// The fake keeps audiences, and content snippets may only target those
/// that exist (Intercom answers `404` for an unknown one, writing nothing).
#[tokio::test]
async fn the_fake_keeps_audiences_that_snippets_target() {
    use intercom_api::content_snippets::NewContentSnippet;
    use intercom_api::mock::FakeIntercom;
    let fake = FakeIntercom::start().await;
    let client = fake.client().expect("client");
    let vip = client
        .audiences()
        .create(NewAudience::new("VIP").role_predicate(Predicate::role("user")))
        .await
        .expect("created");
    let id: i64 = vip.id.parse().expect("numeric id");
    let snippet = client
        .content_snippets()
        .create(NewContentSnippet::markdown("Perks", "Free shipping").audience_ids([id]))
        .await
        .expect("targets an audience that exists");
    assert_eq!(snippet.audience_ids, [id]);
    let page = client.audiences().list().per_page(50).await.expect("list");
    assert_eq!(page.total_count, Some(1));
    assert_eq!(page.next, None);
    client.audiences().delete(&vip.id).await.expect("deleted");
    let err = client.audiences().get(&vip.id).await.expect_err("gone");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    let err = client
        .content_snippets()
        .create(NewContentSnippet::markdown("Perks 2", "x").audience_ids([id]))
        .await
        .expect_err("unknown audience");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    let snippets = client.content_snippets().list().await.expect("list");
    assert_eq!(snippets.items.len(), 1);
}

/// Audiences and content snippets put their page numbers at the top level
/// of the answer; their lists still stream every page, and end.
#[tokio::test]
async fn audiences_and_snippets_stream_across_pages() {
    use futures::TryStreamExt;
    let fake = intercom_api::mock::FakeIntercom::start().await;
    let client = fake.client().expect("client");
    for name in ["A", "B", "C"] {
        client
            .audiences()
            .create(NewAudience::new(name).role_predicate(Predicate::role("user")))
            .await
            .expect("created");
        client
            .content_snippets()
            .create(intercom_api::content_snippets::NewContentSnippet::markdown(
                format!("Snippet {name}"),
                "text",
            ))
            .await
            .expect("created");
    }
    let names: Vec<_> = client
        .audiences()
        .list()
        .per_page(2)
        .items()
        .map_ok(|a| a.name.unwrap_or_default())
        .try_collect()
        .await
        .expect("audiences");
    assert_eq!(names, ["A", "B", "C"]);
    let pages: Vec<_> = client
        .content_snippets()
        .list()
        .per_page(2)
        .pages()
        .map_ok(|p| (p.page, p.items.len()))
        .try_collect()
        .await
        .expect("snippets");
    assert_eq!(pages, [(Some(1), 2), (Some(2), 1)]);
}
