//! Replay tests for the 5 Content Snippets operations of Intercom API 2.16.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub
//! with the exact JSON body or none, answered with
//! `fixtures/content_snippets/<operationId>.json`, and a catch-all that must
//! not be hit) and checks the decoded values. A replay test is named after
//! the SDK method it covers and carries the spec's operationId on the line
//! directly above its `#[tokio::test]` (see `tests/coverage.rs`).

mod support;

use intercom_api::content_snippets::{NewContentSnippet, UpdateContentSnippet};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, spec};
use wiremock::ResponseTemplate;

// operationId: listContentSnippets
#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /content_snippets").query(&[("per_page", "2")]),
            h.client.content_snippets().list().per_page(2),
        )
        .await;

    assert_eq!(page.items.len(), 2);
    assert_eq!(page.total_count, Some(5));
    // The page numbers sit at the top level of the answer, not in `pages`.
    assert_eq!((page.page, page.total_pages), (Some(1), Some(3)));
    assert_eq!(page.next, Some(intercom_api::Cursor::Page(2)));
    let refund = &page.items[0];
    assert_eq!(refund.id, "4217");
    assert_eq!(
        refund.body_markdown.as_deref(),
        Some("Refunds are possible **30 days** after purchase.")
    );
    assert_eq!(refund.ai_chatbot_availability, Some(true));
    assert_eq!(refund.chatbot_availability, Some(1));
    assert!(refund.audience_ids.is_empty());
    let canada = &page.items[1];
    assert_eq!(canada.body_markdown, None);
    assert_eq!(canada.json_blocks.len(), 2);
    assert_eq!(canada.json_blocks[1]["type"], "unorderedList");
    assert_eq!(canada.audience_ids, [12]);
}

// operationId: createContentSnippet
#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let blocks = vec![
        json!({"type": "paragraph", "text": "We ship to Canada in 5 to 7 business days."}),
        json!({"type": "unorderedList", "items": ["Duties are included", "Tracking by email"]}),
    ];
    let snippet = h
        .replay(
            expect("POST /content_snippets").json(json!({
                "title": "Shipping to Canada",
                "json_blocks": blocks.clone(),
                "locale": "en",
                "audience_ids": [12],
                "ai_chatbot_availability": true,
                "ai_copilot_availability": false
            })),
            h.client.content_snippets().create(
                NewContentSnippet::blocks("Shipping to Canada", blocks)
                    .locale("en")
                    .audience_ids([12])
                    .ai_chatbot(true)
                    .ai_copilot(false),
            ),
        )
        .await;

    assert_eq!(snippet.id, "4230");
    assert_eq!(snippet.title.as_deref(), Some("Shipping to Canada"));
    assert_eq!(snippet.ai_copilot_availability, Some(false));
    assert_eq!(snippet.audience_ids, [12]);
    assert_eq!(snippet.created_at, Some(1_772_100_000));
}

// operationId: getContentSnippet
#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let snippet = h
        .replay(
            expect("GET /content_snippets/4217"),
            h.client.content_snippets().get("4217"),
        )
        .await;

    assert_eq!(snippet.id, "4217");
    assert_eq!(snippet.locale.as_deref(), Some("en"));
    assert_eq!(snippet.ai_sales_agent_availability, Some(false));
    assert_eq!(snippet.updated_at, Some(1_772_006_400));
}

// operationId: updateContentSnippet
#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let snippet = h
        .replay(
            expect("PUT /content_snippets/4217").json(json!({
                "title": "Refund window (EU)",
                "locale": "fr",
                "audience_ids": [],
                "ai_copilot_availability": false
            })),
            h.client.content_snippets().update(
                "4217",
                UpdateContentSnippet::new()
                    .title("Refund window (EU)")
                    .locale("fr")
                    .audience_ids([])
                    .ai_copilot(false),
            ),
        )
        .await;

    assert_eq!(snippet.title.as_deref(), Some("Refund window (EU)"));
    assert_eq!(snippet.locale.as_deref(), Some("fr"));
    assert!(snippet.audience_ids.is_empty());
    assert_eq!(snippet.updated_at, Some(1_772_200_000));
}

// operationId: deleteContentSnippet
#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let () = h
        .replay(
            expect("DELETE /content_snippets/4217").answer(ResponseTemplate::new(204)),
            h.client.content_snippets().delete("4217"),
        )
        .await;
}

#[tokio::test]
async fn bad_arguments_are_refused_before_sending() {
    let h = Harness::start().await;
    let c = h.client.content_snippets();
    let err = c.list().per_page(0).await.expect_err("per_page 0");
    assert_eq!(invalid_field(err), "per_page");
    let err = c.list().per_page(51).await.expect_err("per_page 51");
    assert_eq!(invalid_field(err), "per_page");
    let err = c
        .create(NewContentSnippet::markdown(" ", "text"))
        .await
        .expect_err("blank title");
    assert_eq!(invalid_field(err), "title");
    let err = c
        .create(NewContentSnippet::markdown("x".repeat(256), "text"))
        .await
        .expect_err("long title");
    assert_eq!(invalid_field(err), "title");
    let err = c
        .create(NewContentSnippet::markdown("Refunds", ""))
        .await
        .expect_err("no content");
    assert_eq!(invalid_field(err), "body_markdown");
    let err = c
        .create(NewContentSnippet::blocks("Refunds", vec![json!("text")]))
        .await
        .expect_err("block not an object");
    assert_eq!(invalid_field(err), "json_blocks");
    let err = c
        .create(NewContentSnippet::markdown("Refunds", "30 days").audience_ids([0]))
        .await
        .expect_err("audience 0");
    assert_eq!(invalid_field(err), "audience_ids");
    let err = c
        .update(
            "4217",
            UpdateContentSnippet::new()
                .markdown("30 days")
                .blocks(vec![json!({"type": "paragraph", "text": "30 days"})]),
        )
        .await
        .expect_err("both contents");
    assert_eq!(invalid_field(err), "body_markdown");
    let err = c.get("").await.expect_err("empty id");
    assert_eq!(invalid_field(err), "id");
    h.assert_no_requests().await;
}

#[test]
fn only_the_create_is_not_retried() {
    use intercom_api::content_snippets::ops;
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
    let c = client.content_snippets();
    let requests = [
        built(
            c.list()
                .per_page(50)
                .starting_from(intercom_api::Cursor::Page(2))
                .into_request(),
        ),
        built(
            c.create(
                NewContentSnippet::markdown("Refund window", "**30 days**")
                    .locale("en")
                    .audience_ids([12, 14])
                    .ai_chatbot(true)
                    .ai_copilot(true)
                    .ai_sales_agent(false),
            ),
        ),
        built(c.create(NewContentSnippet::blocks(
            "Shipping",
            vec![json!({"type": "paragraph", "text": "5 to 7 days"})],
        ))),
        built(c.get("4217")),
        built(
            c.update(
                "4217",
                UpdateContentSnippet::new()
                    .title("Refunds")
                    .markdown("**30 days**")
                    .audience_ids([]),
            ),
        ),
        built(c.delete("4217")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Content Snippets"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}
