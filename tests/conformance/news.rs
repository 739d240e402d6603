//! News (8 operations).

use intercom_api::news::{NewsItemRequest, NewsItemState};

use crate::{check, prism};

fn item() -> NewsItemRequest {
    NewsItemRequest::new("Invoices in PDF", 991_267)
        .body("<p>Download any invoice as a PDF from Billing.</p>")
        .state(NewsItemState::Live)
        .deliver_silently(false)
        .labels(["Billing"])
        .reactions(["🎉", "👍"])
        .newsfeed(53, Some(1_672_531_200))
}

#[tokio::test]
async fn list_news_items() {
    let Some(c) = prism() else { return };
    check(c.news().list_items()).await;
}

#[tokio::test]
async fn create_news_item() {
    let Some(c) = prism() else { return };
    let created = check(c.news().create_item(item())).await;
    assert!(!created.id.is_empty());
    check(
        c.news()
            .create_item(NewsItemRequest::new("Minimal", 991_267)),
    )
    .await;
}

#[tokio::test]
async fn retrieve_news_item() {
    let Some(c) = prism() else { return };
    check(c.news().get_item("123")).await;
}

#[tokio::test]
async fn update_news_item() {
    let Some(c) = prism() else { return };
    check(c.news().update_item("123", item())).await;
}

#[tokio::test]
async fn delete_news_item() {
    let Some(c) = prism() else { return };
    check(c.news().delete_item("123")).await;
}

#[tokio::test]
async fn list_live_newsfeed_items() {
    let Some(c) = prism() else { return };
    check(c.news().list_live_items("123")).await;
}

#[tokio::test]
async fn list_newsfeeds() {
    let Some(c) = prism() else { return };
    check(c.news().list_newsfeeds()).await;
}

#[tokio::test]
async fn retrieve_newsfeed() {
    let Some(c) = prism() else { return };
    check(c.news().get_newsfeed("123")).await;
}
