//! Replay tests for the 14 Tags operations of Intercom API 2.16, and the two
//! that tag help center articles (`attachTagToArticle`,
//! `detachTagFromArticle`, listed under Articles by the spec).
//!
//! Each replay test runs one call through [`Harness::replay`]: one exact
//! stub (method, path, the whole query string, the standard headers, and
//! the exact JSON body or no body at all) answering with
//! `fixtures/tags/<operationId>.json`, next to the harness's catch-all; then
//! it checks the decoded values. Replay tests are named after the method.
//! `POST /tags` (`createTag`) has five methods, one per body form, each with
//! its own test; its row (and `openapi/coverage.yaml`) is `create`.
//!
//! No operation of this family is paginated (`GET /tags` answers the whole
//! list), so there is no paging test here.

mod support;

use intercom_api::tags::CompanyRef;
use intercom_api::{Error, ErrorCode};
use reqwest::Method;
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, operation_ids, uncovered};
use support::{Harness, api_error_with_id, fixture, invalid_field, ok, spec, stub, stub_json};
use wiremock::ResponseTemplate;

const CONTACT: &str = "6762f0d01bb69f9f2193bb7d";
const CONVERSATION: &str = "147253";
const TICKET: &str = "2207";
const INTERNAL_ARTICLE: &str = "6871119";
const SNIPPET: &str = "4021";
const ADMIN: &str = "5281734";
/// The help center article, tag and admin of `fixtures/tags/*TagToArticle`.
const ARTICLE: &str = "6871119";
const ARTICLE_TAG: &str = "7522907";
const ARTICLE_ADMIN: &str = "991267497";

// ---------------------------------------------------------------------------
// One replay test per operation (and per body form of POST /tags)
// ---------------------------------------------------------------------------

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let tags = h.replay(expect("GET /tags"), h.client.tags().list()).await;

    let names: Vec<(&str, Option<&str>)> = tags
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("8127403", Some("VIP")),
            ("8127419", Some("Renewal Q3")),
            ("8127455", Some("Churn risk")),
        ]
    );
    assert!(
        tags.iter()
            .all(|t| t.applied_at.is_none() && t.applied_by.is_none())
    );
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let tag = h
        .replay(expect("GET /tags/8127403"), h.client.tags().get("8127403"))
        .await;

    assert_eq!(tag.id, "8127403");
    assert_eq!(tag.name.as_deref(), Some("VIP"));
    assert_eq!(tag.applied_at, None);
}

#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect("POST /tags").json(json!({"name": "Enterprise"})),
            h.client.tags().create("Enterprise"),
        )
        .await;

    assert_eq!(tag.id, "8127460");
    assert_eq!(tag.name.as_deref(), Some("Enterprise"));
}

#[tokio::test]
async fn rename() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect("POST /tags").json(json!({"name": "Enterprise", "id": "8127460"})),
            h.client.tags().rename("8127460", "Enterprise"),
        )
        .await;

    assert_eq!(tag.id, "8127460");
    assert_eq!(tag.name.as_deref(), Some("Enterprise"));
}

#[tokio::test]
async fn tag_companies() {
    let h = Harness::start().await;
    let result = h
        .replay(
            expect("POST /tags")
                .json(json!({"name": "Enterprise", "companies": [
                    {"id": "6657a1c2e4b0f21a9c3d4e51"},
                    {"company_id": "acme-42"}
                ]}))
                .fixture("tags/createTag.tag_companies"),
            h.client.tags().tag_companies(
                "Enterprise",
                [
                    CompanyRef::id("6657a1c2e4b0f21a9c3d4e51"),
                    CompanyRef::company_id("acme-42"),
                ],
            ),
        )
        .await;

    assert_eq!(result.id, "8127460");
    assert_eq!(result.name.as_deref(), Some("Enterprise"));
    assert!(result.users.is_empty());
    let companies: Vec<(&str, Option<bool>)> = result
        .companies
        .iter()
        .map(|c| (c.id.as_str(), c.tagged))
        .collect();
    assert_eq!(
        companies,
        [
            ("6657a1c2e4b0f21a9c3d4e51", Some(true)),
            ("6657a1c2e4b0f21a9c3d4e52", Some(true)),
        ]
    );
}

#[tokio::test]
async fn untag_companies() {
    let h = Harness::start().await;
    let result = h
        .replay(
            expect("POST /tags")
                .json(json!({"name": "Enterprise", "companies": [
                    {"id": "6657a1c2e4b0f21a9c3d4e51", "untag": true}
                ]}))
                .fixture("tags/createTag.untag_companies"),
            h.client
                .tags()
                .untag_companies("Enterprise", [CompanyRef::id("6657a1c2e4b0f21a9c3d4e51")]),
        )
        .await;

    assert_eq!(result.id, "8127460");
    assert_eq!(result.companies.len(), 1);
    assert_eq!(result.companies[0].id, "6657a1c2e4b0f21a9c3d4e51");
    assert_eq!(result.companies[0].tagged, Some(false));
}

#[tokio::test]
async fn tag_users() {
    let h = Harness::start().await;
    let ids = vec![
        "6762f0d01bb69f9f2193bb7d".to_owned(),
        "6762f0d01bb69f9f2193bb7e".to_owned(),
        "6762f0d01bb69f9f2193bb7f".to_owned(),
    ];
    let result = h
        .replay(
            expect("POST /tags")
                .json(json!({"name": "Beta", "users": [
                    {"id": "6762f0d01bb69f9f2193bb7d"},
                    {"id": "6762f0d01bb69f9f2193bb7e"},
                    {"id": "6762f0d01bb69f9f2193bb7f"}
                ]}))
                .fixture("tags/createTag.tag_users"),
            h.client.tags().tag_users("Beta", &ids),
        )
        .await;

    assert_eq!(result.id, "8127482");
    assert_eq!(result.name.as_deref(), Some("Beta"));
    assert!(result.companies.is_empty());
    assert_eq!(
        result
            .users
            .iter()
            .map(|u| u.id.as_str())
            .collect::<Vec<_>>(),
        ids
    );
    assert!(result.users.iter().all(|u| u.tagged == Some(true)));
}

#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    // A 200 without a body decodes to `()`.
    let () = h
        .replay(
            expect("DELETE /tags/8127455").answer(ResponseTemplate::new(200)),
            h.client.tags().delete("8127455"),
        )
        .await;
}

#[tokio::test]
async fn tag_contact() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("POST /contacts/{CONTACT}/tags")).json(json!({"id": "8127403"})),
            h.client.tags().tag_contact(CONTACT, "8127403"),
        )
        .await;

    assert_eq!(tag.id, "8127403");
    assert_eq!(tag.name.as_deref(), Some("VIP"));
    assert_eq!(tag.applied_at, Some(1_716_900_021));
    let by = tag.applied_by.expect("applied_by");
    assert_eq!(by.kind.as_deref(), Some("admin"));
    assert_eq!(by.id.as_deref(), Some(ADMIN));
}

#[tokio::test]
async fn untag_contact() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("DELETE /contacts/{CONTACT}/tags/8127403")),
            h.client.tags().untag_contact(CONTACT, "8127403"),
        )
        .await;

    assert_eq!(tag.id, "8127403");
    assert_eq!(tag.name.as_deref(), Some("VIP"));
    assert_eq!(tag.applied_at, Some(1_716_900_021));
}

#[tokio::test]
async fn tag_conversation() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("POST /conversations/{CONVERSATION}/tags"))
                .json(json!({"id": "8127419", "admin_id": ADMIN})),
            h.client
                .tags()
                .tag_conversation(CONVERSATION, "8127419", ADMIN),
        )
        .await;

    assert_eq!(tag.id, "8127419");
    assert_eq!(tag.name.as_deref(), Some("Renewal Q3"));
    assert_eq!(tag.applied_at, Some(1_717_003_344));
    assert_eq!(tag.applied_by.and_then(|r| r.id).as_deref(), Some(ADMIN));
}

#[tokio::test]
async fn untag_conversation() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!(
                "DELETE /conversations/{CONVERSATION}/tags/8127419"
            ))
            .json(json!({"admin_id": ADMIN})),
            h.client
                .tags()
                .untag_conversation(CONVERSATION, "8127419", ADMIN),
        )
        .await;

    assert_eq!(tag.id, "8127419");
    assert_eq!(tag.name.as_deref(), Some("Renewal Q3"));
}

#[tokio::test]
async fn tag_ticket() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("POST /tickets/{TICKET}/tags"))
                .json(json!({"id": "8127455", "admin_id": ADMIN})),
            h.client.tags().tag_ticket(TICKET, "8127455", ADMIN),
        )
        .await;

    assert_eq!(tag.id, "8127455");
    assert_eq!(tag.name.as_deref(), Some("Churn risk"));
    assert_eq!(tag.applied_at, Some(1_717_120_987));
}

#[tokio::test]
async fn untag_ticket() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("DELETE /tickets/{TICKET}/tags/8127455"))
                .json(json!({"admin_id": ADMIN})),
            h.client.tags().untag_ticket(TICKET, "8127455", ADMIN),
        )
        .await;

    assert_eq!(tag.id, "8127455");
    assert_eq!(tag.name.as_deref(), Some("Churn risk"));
}

#[tokio::test]
async fn tag_internal_article() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("POST /internal_articles/{INTERNAL_ARTICLE}/tags"))
                .json(json!({"id": "8127470", "admin_id": ADMIN})),
            h.client
                .tags()
                .tag_internal_article(INTERNAL_ARTICLE, "8127470", Some(ADMIN)),
        )
        .await;

    assert_eq!(tag.id, "8127470");
    assert_eq!(tag.name.as_deref(), Some("Billing"));
    assert_eq!(tag.applied_at, Some(1_717_224_410));
    assert_eq!(tag.applied_by.and_then(|r| r.id).as_deref(), Some(ADMIN));
}

#[tokio::test]
async fn untag_internal_article() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!(
                "DELETE /internal_articles/{INTERNAL_ARTICLE}/tags/8127470"
            )),
            h.client
                .tags()
                .untag_internal_article(INTERNAL_ARTICLE, "8127470"),
        )
        .await;

    assert_eq!(tag.id, "8127470");
    assert_eq!(tag.name.as_deref(), Some("Billing"));
    assert_eq!(tag.applied_at, None);
    assert_eq!(tag.applied_by, None);
}

#[tokio::test]
async fn tag_content_snippet() {
    let h = Harness::start().await;
    // Without an admin, the body carries the tag id only.
    let tag = h
        .replay(
            expect(&format!("POST /content_snippets/{SNIPPET}/tags"))
                .json(json!({"id": "8127471"})),
            h.client
                .tags()
                .tag_content_snippet(SNIPPET, "8127471", None),
        )
        .await;

    assert_eq!(tag.id, "8127471");
    assert_eq!(tag.name.as_deref(), Some("Refunds"));
    assert_eq!(tag.applied_at, Some(1_717_230_075));
}

#[tokio::test]
async fn untag_content_snippet() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("DELETE /content_snippets/{SNIPPET}/tags/8127471")),
            h.client.tags().untag_content_snippet(SNIPPET, "8127471"),
        )
        .await;

    assert_eq!(tag.id, "8127471");
    assert_eq!(tag.applied_at, None);
    assert_eq!(tag.applied_by, None);
}

#[tokio::test]
async fn tag_article() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("POST /articles/{ARTICLE}/tags"))
                .json(json!({"id": ARTICLE_TAG, "admin_id": ARTICLE_ADMIN})),
            h.client
                .tags()
                .tag_article(ARTICLE, ARTICLE_TAG, Some(ARTICLE_ADMIN)),
        )
        .await;

    assert_eq!(tag.id, ARTICLE_TAG);
    assert_eq!(tag.name.as_deref(), Some("Billing"));
    assert_eq!(tag.applied_at, Some(1_719_493_817));
    assert_eq!(
        tag.applied_by.and_then(|r| r.id).as_deref(),
        Some(ARTICLE_ADMIN)
    );
}

#[tokio::test]
async fn untag_article() {
    let h = Harness::start().await;
    let tag = h
        .replay(
            expect(&format!("DELETE /articles/{ARTICLE}/tags/{ARTICLE_TAG}")),
            h.client.tags().untag_article(ARTICLE, ARTICLE_TAG),
        )
        .await;

    assert_eq!(tag.id, ARTICLE_TAG);
    assert_eq!(tag.applied_at, None);
    assert!(tag.applied_by.is_none());
}

// ---------------------------------------------------------------------------
// Request details
// ---------------------------------------------------------------------------

#[tokio::test]
async fn optional_admin_ids_are_sent_only_when_given() {
    let h = Harness::start().await;
    stub_json(
        "POST",
        &format!("/internal_articles/{INTERNAL_ARTICLE}/tags"),
        &[],
        json!({"id": "8127470"}),
    )
    .respond_with(ok(fixture("tags/attachTagToInternalArticle")))
    .expect(1)
    .mount(&h.server)
    .await;
    stub_json(
        "POST",
        &format!("/content_snippets/{SNIPPET}/tags"),
        &[],
        json!({"id": "8127471", "admin_id": ADMIN}),
    )
    .respond_with(ok(fixture("tags/attachTagToContentSnippet")))
    .expect(1)
    .mount(&h.server)
    .await;

    let tags = h.client.tags();
    tags.tag_internal_article(INTERNAL_ARTICLE, "8127470", None)
        .await
        .expect("tag");
    tags.tag_content_snippet(SNIPPET, "8127471", Some(ADMIN))
        .await
        .expect("tag");
    h.finish().await;
}

#[tokio::test]
async fn ids_stay_one_path_segment() {
    let h = Harness::start().await;
    stub("DELETE", "/contacts/a%2Fb%20c/tags/x%3Fy", &[])
        .respond_with(ok(fixture("tags/detachTagFromContact")))
        .expect(1)
        .mount(&h.server)
        .await;

    h.client
        .tags()
        .untag_contact("a/b c", "x?y")
        .await
        .expect("tag");
    h.finish().await;
}

#[test]
fn tagging_is_safe_to_retry_and_deletes_carry_their_body() {
    let client = intercom_api::Client::new("test-token").expect("client");
    let tags = client.tags();
    let retryable = [
        tags.create("VIP").into_request().map(|r| r.is_idempotent()),
        tags.rename("1", "VIP")
            .into_request()
            .map(|r| r.is_idempotent()),
        tags.tag_users("VIP", ["1"])
            .into_request()
            .map(|r| r.is_idempotent()),
        tags.tag_contact(CONTACT, "1")
            .into_request()
            .map(|r| r.is_idempotent()),
        tags.tag_conversation(CONVERSATION, "1", ADMIN)
            .into_request()
            .map(|r| r.is_idempotent()),
        tags.tag_ticket(TICKET, "1", ADMIN)
            .into_request()
            .map(|r| r.is_idempotent()),
        tags.tag_article(ARTICLE, "1", None)
            .into_request()
            .map(|r| r.is_idempotent()),
    ];
    for r in retryable {
        assert!(r.expect("valid"), "tagging requests are idempotent");
    }

    let untag = tags
        .untag_ticket(TICKET, "8127455", ADMIN)
        .into_request()
        .expect("valid");
    assert_eq!(untag.method(), &Method::DELETE);
    assert_eq!(untag.path(), "/tickets/2207/tags/8127455");
    assert_eq!(untag.body(), Some(json!({"admin_id": ADMIN})));
}

/// Every Tags request the SDK builds has the spec's method and path, and a
/// body that conforms to the operation's request schema (or none when the
/// operation takes none), the two article tagging operations included. The
/// `POST /tags` forms are each checked against their own branch of the operation's `oneOf`, which cannot tell them apart
/// (see `KNOWN_DEFECTS` in `tests/conformance/main.rs`).
#[test]
fn sdk_requests_match_the_spec_operations() {
    let Some(spec) = spec::load() else { return };
    // Building requests sends nothing; the client is never awaited.
    let client = offline_client();
    let t = client.tags();
    let companies = || {
        [
            CompanyRef::id("6657a1c2e4b0f21a9c3d4e51"),
            CompanyRef::company_id("acme-42"),
        ]
    };
    let requests = [
        built(t.list()),
        built(t.get("8127403")),
        built(t.create("Enterprise")),
        built(t.rename("8127460", "Enterprise")),
        built(t.tag_companies("Enterprise", companies())).branch("tag_company_request"),
        built(t.untag_companies("Enterprise", companies())).branch("untag_company_request"),
        built(t.tag_users("Beta", [CONTACT])).branch("tag_multiple_users_request"),
        built(t.delete("8127455")),
        built(t.tag_contact(CONTACT, "1")),
        built(t.untag_contact(CONTACT, "1")),
        built(t.tag_conversation(CONVERSATION, "1", ADMIN)),
        built(t.untag_conversation(CONVERSATION, "1", ADMIN)),
        built(t.tag_ticket(TICKET, "1", ADMIN)),
        built(t.untag_ticket(TICKET, "1", ADMIN)),
        built(t.tag_internal_article(INTERNAL_ARTICLE, "1", Some(ADMIN))),
        built(t.tag_internal_article(INTERNAL_ARTICLE, "1", None)),
        built(t.untag_internal_article(INTERNAL_ARTICLE, "1")),
        built(t.tag_content_snippet(SNIPPET, "1", Some(ADMIN))),
        built(t.tag_content_snippet(SNIPPET, "1", None)),
        built(t.untag_content_snippet(SNIPPET, "1")),
        built(t.tag_article(ARTICLE, "1", Some(ADMIN))),
        built(t.tag_article(ARTICLE, "1", None)),
        built(t.untag_article(ARTICLE, "1")),
    ];

    let problems = check_requests(spec, &requests);
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Tags"], &requests);
    assert!(
        missing.is_empty(),
        "operations without a checked request: {missing:?}"
    );
    let built_ids = operation_ids(&requests);
    for article_op in ["attachTagToArticle", "detachTagFromArticle"] {
        assert!(built_ids.contains(article_op), "{article_op} was not built");
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------
// Validation: refused before anything is sent
// ---------------------------------------------------------------------------

#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let h = Harness::start().await;
    let tags = h.client.tags();
    let cases: Vec<(&str, Result<(), Error>)> = vec![
        ("name", tags.create("  ").await.map(drop)),
        ("tag_id", tags.rename("", "VIP").await.map(drop)),
        ("name", tags.rename("8127460", "").await.map(drop)),
        ("tag_id", tags.get("").await.map(drop)),
        ("tag_id", tags.delete(" ").await),
        (
            "companies",
            tags.tag_companies("VIP", Vec::new()).await.map(drop),
        ),
        (
            "companies[1].company_id",
            tags.tag_companies(
                "VIP",
                [CompanyRef::id("6657a1c2"), CompanyRef::company_id("")],
            )
            .await
            .map(drop),
        ),
        (
            "companies[0].id",
            tags.untag_companies("VIP", [CompanyRef::id(" ")])
                .await
                .map(drop),
        ),
        (
            "name",
            tags.untag_companies("", [CompanyRef::id("6657a1c2")])
                .await
                .map(drop),
        ),
        ("users", tags.tag_users("VIP", [""; 0]).await.map(drop)),
        (
            "users[1].id",
            tags.tag_users("VIP", [CONTACT, ""]).await.map(drop),
        ),
        ("contact_id", tags.tag_contact("", "1").await.map(drop)),
        ("tag_id", tags.untag_contact(CONTACT, "").await.map(drop)),
        (
            "admin_id",
            tags.tag_conversation(CONVERSATION, "1", "").await.map(drop),
        ),
        (
            "conversation_id",
            tags.untag_conversation("", "1", ADMIN).await.map(drop),
        ),
        (
            "ticket_id",
            tags.tag_ticket(" ", "1", ADMIN).await.map(drop),
        ),
        (
            "admin_id",
            tags.untag_ticket(TICKET, "1", " ").await.map(drop),
        ),
        (
            "internal_article_id",
            tags.tag_internal_article("ia-6871119", "1", None)
                .await
                .map(drop),
        ),
        (
            "admin_id",
            tags.tag_internal_article(INTERNAL_ARTICLE, "1", Some(""))
                .await
                .map(drop),
        ),
        (
            "internal_article_id",
            tags.untag_internal_article("", "1").await.map(drop),
        ),
        (
            "content_snippet_id",
            tags.tag_content_snippet("", "1", None).await.map(drop),
        ),
        (
            "id",
            tags.untag_content_snippet(SNIPPET, "").await.map(drop),
        ),
        (
            "article_id",
            tags.tag_article("art-6871119", "1", None).await.map(drop),
        ),
        (
            "tag_id",
            tags.tag_article(ARTICLE, " ", None).await.map(drop),
        ),
        (
            "admin_id",
            tags.tag_article(ARTICLE, "1", Some("")).await.map(drop),
        ),
        ("article_id", tags.untag_article("", "1").await.map(drop)),
        ("id", tags.untag_article(ARTICLE, "").await.map(drop)),
    ];
    for (expected, result) in cases {
        let err = result.expect_err(expected);
        assert_eq!(invalid_field(err), expected);
    }
    h.assert_no_requests().await;
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Typed errors
// ---------------------------------------------------------------------------

#[tokio::test]
async fn deleting_a_tag_in_use_is_a_typed_error() {
    let h = Harness::start().await;
    stub("DELETE", "/tags/8127403", &[])
        .respond_with(api_error_with_id(
            400,
            "tag_has_dependent_objects",
            "Unable to delete Tag with dependent objects. Segments: VIP customers.",
            "5b9e1f0a-77c4-4d1e-9f3a-2c8d6e4b1a90",
        ))
        .expect(1)
        .mount(&h.server)
        .await;

    let err = h.client.tags().delete("8127403").await.expect_err("in use");

    assert_eq!(err.code(), Some(&ErrorCode::TagHasDependentObjects));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(
        err.request_id(),
        Some("5b9e1f0a-77c4-4d1e-9f3a-2c8d6e4b1a90")
    );
    let api = err.as_api().expect("an API error");
    assert_eq!(
        api.message(),
        Some("Unable to delete Tag with dependent objects. Segments: VIP customers.")
    );
    assert!(!err.is_retryable());
    h.finish().await;
}

#[tokio::test]
async fn unknown_tag_or_object_is_not_found() {
    let h = Harness::start().await;
    stub_json(
        "DELETE",
        &format!("/conversations/{CONVERSATION}/tags/999"),
        &[],
        json!({"admin_id": ADMIN}),
    )
    .respond_with(api_error_with_id(
        404,
        "tag_not_found",
        "Tag not found",
        "1d2c3b4a-0000-4000-8000-00000000a404",
    ))
    .expect(1)
    .mount(&h.server)
    .await;
    stub_json(
        "POST",
        &format!("/contacts/{CONTACT}/tags"),
        &[],
        json!({"id": "999"}),
    )
    .respond_with(api_error_with_id(
        404,
        "not_found",
        "Resource Not Found",
        "1d2c3b4a-0000-4000-8000-00000000b404",
    ))
    .expect(1)
    .mount(&h.server)
    .await;

    let tags = h.client.tags();
    let err = tags
        .untag_conversation(CONVERSATION, "999", ADMIN)
        .await
        .expect_err("no such tag");
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some(&ErrorCode::TagNotFound));

    let err = tags
        .tag_contact(CONTACT, "999")
        .await
        .expect_err("no such tag");
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    h.finish().await;
}
