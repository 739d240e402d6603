//! Replay tests for the 6 Internal Articles operations of Intercom API
//! 2.16 (tagging one is in `tests/tags.rs`).
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub
//! with the exact JSON body or none, answered with
//! `fixtures/internal_articles/<operationId>.json`, and a catch-all that
//! must not be hit) and checks the decoded values; the list and the search
//! also stream across two pages. A replay test is named after the SDK
//! method it covers and carries the spec's operationId on the line directly
//! above its `#[tokio::test]` (see `tests/coverage.rs`).

mod support;

use intercom_api::internal_articles::{
    InternalArticleSearch, NewInternalArticle, UpdateInternalArticle,
};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, fixture, invalid_field, ok, spec, stub};

/// The refund SOP, the article most fixtures are about.
const REFUND: &str = "7214001";

// operationId: listInternalArticles
#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /internal_articles").query(&[("per_page", "2")]),
            h.client.internal_articles().list().per_page(2),
        )
        .await;

    assert_eq!(page.items.len(), 2);
    let refund = &page.items[0];
    assert_eq!(refund.id, REFUND);
    assert_eq!(refund.title.as_deref(), Some("Refund SOP"));
    assert_eq!(refund.owner_id.as_deref(), Some("5017691"));
    assert_eq!(refund.author_id.as_deref(), Some("5017702"));
    assert_eq!(refund.audience_ids, [311, 312]);
    assert_eq!(refund.ai_copilot_availability, Some(true));
    assert!(
        refund
            .body_markdown
            .as_deref()
            .is_some_and(|md| md.starts_with("# Refunds"))
    );
    assert_eq!(page.items[1].ai_sales_agent_availability, Some(true));
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.total_pages, Some(2));
    assert_eq!(page.next_cursor(), Some(&intercom_api::Cursor::Page(2)));
}

#[tokio::test]
async fn list_streams_every_page() {
    let h = Harness::start().await;
    stub("GET", "/internal_articles", &[("per_page", "2")])
        .respond_with(ok(fixture("internal_articles/listInternalArticles")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        "/internal_articles",
        &[("per_page", "2"), ("page", "2")],
    )
    .respond_with(ok(fixture("internal_articles/listInternalArticles.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let all = h
        .client
        .internal_articles()
        .list()
        .per_page(2)
        .collect_at_most(10)
        .await
        .expect("every page");
    let ids: Vec<_> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["7214001", "7214002", "7214003"]);
    // `audience_ids: null` reads as none.
    assert!(all[2].audience_ids.is_empty());
    h.finish().await;
}

// operationId: createInternalArticle
#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let md = "## Chargebacks\n\nReply within 7 days with the signed order form.\n";
    let article = h
        .replay(
            expect("POST /internal_articles").json(json!({
                "title": "Chargeback playbook",
                "owner_id": 5017691,
                "author_id": 5017702,
                "body_markdown": md,
                "audience_ids": [311],
                "ai_chatbot_availability": true
            })),
            h.client.internal_articles().create(
                NewInternalArticle::new("Chargeback playbook", 5_017_691, 5_017_702)
                    .body_markdown(md)
                    .audience_ids([311])
                    .ai_chatbot_availability(true),
            ),
        )
        .await;

    assert_eq!(article.id, "7214010");
    assert_eq!(article.body_markdown.as_deref(), Some(md));
    assert!(article.body.as_deref().is_some_and(|b| b.contains("<h2>")));
    assert_eq!(article.ai_chatbot_availability, Some(true));
    assert_eq!(article.ai_copilot_availability, Some(false));
    assert_eq!(article.created_at, Some(1_769_990_400));
}

// operationId: retrieveInternalArticle
#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let article = h
        .replay(
            expect(&format!("GET /internal_articles/{REFUND}")),
            h.client.internal_articles().get(REFUND),
        )
        .await;

    assert_eq!(article.id, REFUND);
    assert_eq!(article.locale.as_deref(), Some("en"));
    assert_eq!(article.updated_at, Some(1_769_904_000));
    assert_eq!(article.ai_chatbot_availability, Some(false));
}

// operationId: updateInternalArticle
#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let article = h
        .replay(
            expect(&format!("PUT /internal_articles/{REFUND}")).json(json!({
                "title": "Refund SOP (2026)",
                "audience_ids": [],
                "ai_sales_agent_availability": true
            })),
            h.client.internal_articles().update(
                REFUND,
                UpdateInternalArticle::new()
                    .title("Refund SOP (2026)")
                    .audience_ids([])
                    .ai_sales_agent_availability(true),
            ),
        )
        .await;

    assert_eq!(article.title.as_deref(), Some("Refund SOP (2026)"));
    assert!(article.audience_ids.is_empty());
    assert_eq!(article.ai_sales_agent_availability, Some(true));
    assert_eq!(article.updated_at, Some(1_770_076_800));
}

// operationId: deleteInternalArticle
#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect("DELETE /internal_articles/7214002"),
            h.client.internal_articles().delete("7214002"),
        )
        .await;

    assert_eq!(gone.id.as_deref(), Some("7214002"));
    assert_eq!(gone.object.as_deref(), Some("internal_article"));
    assert!(gone.deleted);
}

// operationId: searchInternalArticles
#[tokio::test]
async fn search() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /internal_articles/search").query(&[("folder_id", "88")]),
            h.client
                .internal_articles()
                .search(InternalArticleSearch::new().folder_id("88")),
        )
        .await;

    let ids: Vec<_> = page.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, [REFUND, "7214003"]);
    assert_eq!(
        page.items[1].title.as_deref(),
        Some("VAT exemptions for EU customers")
    );
    assert_eq!(page.total_count, Some(2));
    assert!(page.is_last());
}

/// A search streams every page of `data.internal_articles`, by page number.
#[tokio::test]
async fn search_streams_across_pages() {
    let h = Harness::start().await;
    let mut page1 = fixture("internal_articles/searchInternalArticles");
    page1["pages"]["total_pages"] = json!(2);
    let mut page2 = page1.clone();
    page2["data"]["internal_articles"] = json!([page1["data"]["internal_articles"][0].clone()]);
    page2["data"]["internal_articles"][0]["id"] = json!("7214004");
    page2["pages"]["page"] = json!(2);
    stub("GET", "/internal_articles/search", &[])
        .respond_with(ok(page1))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/internal_articles/search", &[("page", "2")])
        .respond_with(ok(page2))
        .expect(1)
        .mount(&h.server)
        .await;

    let all = h
        .client
        .internal_articles()
        .search(InternalArticleSearch::new())
        .collect_at_most(10)
        .await
        .expect("every page");
    let ids: Vec<_> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["7214001", "7214003", "7214004"]);
    h.finish().await;
}

#[tokio::test]
async fn refuses_what_intercom_would_refuse_before_sending() {
    let h = Harness::start().await;
    let kb = h.client.internal_articles();
    let cases = [
        (NewInternalArticle::new(" ", 1, 2), "title"),
        (NewInternalArticle::new("SOP", 0, 2), "owner_id"),
        (
            NewInternalArticle::new("SOP", 1, 2)
                .body("<p>a</p>")
                .body_markdown("a"),
            "body_markdown",
        ),
        (
            NewInternalArticle::new("SOP", 1, 2).audience_ids([5, -5]),
            "audience_ids",
        ),
    ];
    for (body, field) in cases {
        let err = kb.create(body.clone()).await.expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    let err = kb
        .update(REFUND, UpdateInternalArticle::new().owner_id(-3))
        .await
        .expect_err("negative owner");
    assert_eq!(invalid_field(err), "owner_id");
    let err = kb.get("sop-1").await.expect_err("not numeric");
    assert_eq!(invalid_field(err), "internal_article_id");
    let err = kb.delete("").await.expect_err("empty");
    assert_eq!(invalid_field(err), "internal_article_id");
    let err = kb
        .search(InternalArticleSearch::new().folder_id("billing"))
        .await
        .expect_err("folder not numeric");
    assert_eq!(invalid_field(err), "folder_id");
    h.assert_no_requests().await;
}

#[test]
fn writes_are_not_retried_unless_idempotent() {
    for op in intercom_api::internal_articles::ops::ALL {
        assert_eq!(op.idempotent, op.method != "POST", "{}", op.id);
        assert_eq!(
            op.paged,
            op.method == "GET" && !op.path.contains('{'),
            "{}",
            op.id
        );
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.internal_articles();
    let requests = [
        built(c.list().into_request()),
        built(c.create(NewInternalArticle::new("SOP", 1295, 1295).body("<p>x</p>"))),
        built(
            c.create(
                NewInternalArticle::new("SOP", 1295, 1295)
                    .body_markdown("# x")
                    .audience_ids([1, 2])
                    .ai_chatbot_availability(true)
                    .ai_copilot_availability(false)
                    .ai_sales_agent_availability(true),
            ),
        ),
        built(c.get(REFUND)),
        built(
            c.update(
                REFUND,
                UpdateInternalArticle::new()
                    .title("x")
                    .author_id(7)
                    .owner_id(8),
            ),
        ),
        built(c.update(REFUND, UpdateInternalArticle::new().audience_ids([]))),
        built(c.delete(REFUND)),
        built(
            c.search(InternalArticleSearch::new().folder_id("123"))
                .into_request(),
        ),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Internal Articles"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_has_the_internal_articles_handle() {
    let h = support::BlockingHarness::start();
    h.mount(
        support::stub("GET", &format!("/internal_articles/{REFUND}"), &[])
            .respond_with(support::ok(support::fixture(
                "internal_articles/retrieveInternalArticle",
            )))
            .expect(1),
    );
    let client = &h.client;
    let article = client.internal_articles().get(REFUND).send().expect("sent");
    assert_eq!(article.id, REFUND);
}

/// The fake keeps internal articles: what is created is listed, found,
/// updated and deleted.
#[tokio::test]
async fn the_fake_keeps_internal_articles() {
    let fake = intercom_api::mock::FakeIntercom::start().await;
    let client = fake.client().expect("client");
    let kb = client.internal_articles();
    let sop = kb
        .create(NewInternalArticle::new("Refund SOP", 1, 2).body("<p>30 days</p>"))
        .await
        .expect("create");
    assert_eq!(sop.owner_id.as_deref(), Some("1"));
    kb.update(
        &sop.id,
        UpdateInternalArticle::new().title("Refund SOP (2026)"),
    )
    .await
    .expect("update");
    let found = kb.get(&sop.id).await.expect("get");
    assert_eq!(found.title.as_deref(), Some("Refund SOP (2026)"));
    assert_eq!(found.body.as_deref(), Some("<p>30 days</p>"));
    let searched = kb
        .search(InternalArticleSearch::new())
        .collect_at_most(10)
        .await
        .expect("search");
    assert_eq!(searched.len(), 1);
    assert!(kb.delete(&sop.id).await.expect("delete").deleted);
    let err = kb.get(&sop.id).await.expect_err("deleted");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert!(kb.list().await.expect("list").items.is_empty());
}
