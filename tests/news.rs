//! Replay tests for the 8 News operations of Intercom API 2.16: news items
//! and newsfeeds.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub
//! with the exact JSON body or none, answered with
//! `fixtures/news/<operationId>.json`, and a catch-all that must not be hit)
//! and checks the decoded values. A replay test is named after the SDK
//! method it covers and carries the spec's operationId on the line directly
//! above its `#[tokio::test]` (see `tests/coverage.rs`).

mod support;

use intercom_api::news::{NewsItemRequest, NewsItemState};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, spec};

// operationId: listNewsItems
#[tokio::test]
async fn list_items() {
    let h = Harness::start().await;
    let items = h
        .replay(expect("GET /news/news_items"), h.client.news().list_items())
        .await;

    assert_eq!(items.total_count, Some(2));
    let pdf = &items[0];
    assert_eq!(pdf.id, "29");
    assert_eq!(pdf.state, Some(NewsItemState::Live));
    assert_eq!(pdf.sender_id, Some(991_267));
    assert_eq!(pdf.newsfeed_assignments[0].newsfeed_id, 53);
    assert_eq!(
        pdf.newsfeed_assignments[0].published_at,
        Some(1_772_438_400)
    );
    assert_eq!(
        pdf.cover_image_url.as_deref(),
        Some("https://downloads.example.com/news/pdf-invoices.png")
    );
    let draft = &items[1];
    assert_eq!(draft.state, Some(NewsItemState::Draft));
    assert_eq!(draft.newsfeed_assignments.len(), 2);
    assert_eq!(draft.newsfeed_assignments[1].published_at, None);
    assert!(draft.reactions.is_empty());
    assert_eq!(draft.cover_image_url, None);
    assert_eq!(draft.deliver_silently, Some(true));
}

// operationId: createNewsItem
#[tokio::test]
async fn create_item() {
    let h = Harness::start().await;
    let item = h
        .replay(
            expect("POST /news/news_items").json(json!({
                "title": "Status page moved",
                "sender_id": 991267,
                "body": "<p>Our status page now lives at status.example.com.</p>",
                "state": "draft",
                "deliver_silently": true,
                "labels": ["Announcement"],
                "reactions": ["👀"],
                "newsfeed_assignments": [{"newsfeed_id": 53}]
            })),
            h.client.news().create_item(
                NewsItemRequest::new("Status page moved", 991_267)
                    .body("<p>Our status page now lives at status.example.com.</p>")
                    .state(NewsItemState::Draft)
                    .deliver_silently(true)
                    .labels(["Announcement"])
                    .reactions(["👀"])
                    .newsfeed(53, None),
            ),
        )
        .await;

    assert_eq!(item.id, "32");
    assert_eq!(item.title.as_deref(), Some("Status page moved"));
    assert_eq!(item.state, Some(NewsItemState::Draft));
    assert_eq!(item.labels, [Some("Announcement".to_owned())]);
    assert_eq!(item.reactions, [Some("👀".to_owned())]);
    assert_eq!(item.workspace_id.as_deref(), Some("q7xk2m1v"));
    assert_eq!(item.created_at, Some(1_773_200_000));
}

// operationId: retrieveNewsItem
#[tokio::test]
async fn get_item() {
    let h = Harness::start().await;
    let item = h
        .replay(
            expect("GET /news/news_items/29"),
            h.client.news().get_item("29"),
        )
        .await;

    assert_eq!(item.id, "29");
    assert_eq!(item.title.as_deref(), Some("Invoices in PDF"));
    assert_eq!(
        item.labels,
        [Some("Billing".to_owned()), Some("New".to_owned())]
    );
    assert_eq!(item.deliver_silently, Some(false));
    assert_eq!(item.updated_at, Some(1_772_438_400));
}

// operationId: updateNewsItem
#[tokio::test]
async fn update_item() {
    let h = Harness::start().await;
    let item = h
        .replay(
            expect("PUT /news/news_items/29").json(json!({
                "title": "Invoices in PDF",
                "sender_id": 991267,
                "body": "<p>Download any invoice or credit note as a PDF from <b>Billing</b>.</p>",
                "state": "live",
                "labels": ["Billing"],
                "newsfeed_assignments": [{"newsfeed_id": 53, "published_at": 1772438400}]
            })),
            h.client.news().update_item(
                "29",
                NewsItemRequest::new("Invoices in PDF", 991_267)
                    .body(
                        "<p>Download any invoice or credit note as a PDF from <b>Billing</b>.</p>",
                    )
                    .state(NewsItemState::Live)
                    .labels(["Billing"])
                    .newsfeed(53, Some(1_772_438_400)),
            ),
        )
        .await;

    assert_eq!(item.id, "29");
    assert!(
        item.body
            .as_deref()
            .is_some_and(|b| b.contains("credit note"))
    );
    assert_eq!(item.labels, [Some("Billing".to_owned())]);
    assert_eq!(item.updated_at, Some(1_773_300_000));
}

// operationId: deleteNewsItem
#[tokio::test]
async fn delete_item() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect("DELETE /news/news_items/29"),
            h.client.news().delete_item("29"),
        )
        .await;

    assert_eq!(gone.id.as_deref(), Some("29"));
    assert_eq!(gone.object.as_deref(), Some("news-item"));
    assert_eq!(gone.deleted, Some(true));
}

// operationId: listLiveNewsfeedItems
#[tokio::test]
async fn list_live_items() {
    let h = Harness::start().await;
    let items = h
        .replay(
            expect("GET /news/newsfeeds/53/items"),
            h.client.news().list_live_items("53"),
        )
        .await;

    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id, "29");
    assert_eq!(items[0].state, Some(NewsItemState::Live));
}

// operationId: listNewsfeeds
#[tokio::test]
async fn list_newsfeeds() {
    let h = Harness::start().await;
    let feeds = h
        .replay(
            expect("GET /news/newsfeeds"),
            h.client.news().list_newsfeeds(),
        )
        .await;

    assert_eq!(feeds.total_count, Some(2));
    assert_eq!(feeds[0].id, "53");
    assert_eq!(feeds[0].name.as_deref(), Some("Customers"));
    assert_eq!(feeds[1].name.as_deref(), Some("Trial users"));
    assert_eq!(feeds[1].created_at, Some(1_720_000_000));
}

// operationId: retrieveNewsfeed
#[tokio::test]
async fn get_newsfeed() {
    let h = Harness::start().await;
    let feed = h
        .replay(
            expect("GET /news/newsfeeds/54"),
            h.client.news().get_newsfeed("54"),
        )
        .await;

    assert_eq!(feed.id, "54");
    assert_eq!(feed.name.as_deref(), Some("Trial users"));
    assert_eq!(feed.updated_at, Some(1_720_000_000));
}

#[tokio::test]
async fn bad_arguments_are_refused_before_sending() {
    let h = Harness::start().await;
    let news = h.client.news();
    let err = news
        .create_item(NewsItemRequest::new(" ", 991_267))
        .await
        .expect_err("blank title");
    assert_eq!(invalid_field(err), "title");
    let err = news
        .create_item(NewsItemRequest::new("Hello", 0))
        .await
        .expect_err("no sender");
    assert_eq!(invalid_field(err), "sender_id");
    let err = news
        .create_item(NewsItemRequest::new("Hello", 1).newsfeed(0, None))
        .await
        .expect_err("newsfeed 0");
    assert_eq!(invalid_field(err), "newsfeed_assignments.newsfeed_id");
    let err = news
        .create_item(NewsItemRequest::new("Hello", 1).newsfeed(53, Some(-5)))
        .await
        .expect_err("negative time");
    assert_eq!(invalid_field(err), "newsfeed_assignments.published_at");
    let err = news
        .update_item("29", NewsItemRequest::new("Hello", 1).labels(["", "x"]))
        .await
        .expect_err("empty label");
    assert_eq!(invalid_field(err), "labels");
    let err = news.get_item("abc").await.expect_err("not numeric");
    assert_eq!(invalid_field(err), "news_item_id");
    let err = news.delete_item("").await.expect_err("empty");
    assert_eq!(invalid_field(err), "news_item_id");
    let err = news.get_newsfeed("").await.expect_err("empty");
    assert_eq!(invalid_field(err), "newsfeed_id");
    h.assert_no_requests().await;
}

#[test]
fn only_the_create_is_not_retried() {
    use intercom_api::news::ops;
    let create = ops::create_item::OPERATION;
    assert!(!create.idempotent);
    for op in [
        ops::list_items::OPERATION,
        ops::get_item::OPERATION,
        ops::update_item::OPERATION,
        ops::delete_item::OPERATION,
        ops::list_live_items::OPERATION,
        ops::list_newsfeeds::OPERATION,
        ops::get_newsfeed::OPERATION,
    ] {
        assert!(op.idempotent, "{}", op.id);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.news();
    let full = || {
        NewsItemRequest::new("Spring release", 991_267)
            .body("<p>Dark mode is here.</p>")
            .state(NewsItemState::Live)
            .deliver_silently(false)
            .labels(["Product", "New"])
            .reactions(["🎉"])
            .newsfeed(53, Some(1_772_438_400))
            .newsfeed(54, None)
    };
    let requests = [
        built(c.list_items()),
        built(c.create_item(full())),
        built(c.create_item(NewsItemRequest::new("Minimal", 1))),
        built(c.get_item("29")),
        built(c.update_item("29", full())),
        built(c.delete_item("29")),
        built(c.list_live_items("53")),
        built(c.list_newsfeeds()),
        built(c.get_newsfeed("53")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["News"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}
