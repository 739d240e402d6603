//! Content snippets (5 operations).

use intercom_api::content_snippets::{NewContentSnippet, UpdateContentSnippet};
use serde_json::json;

use crate::{check, prism};

#[tokio::test]
async fn list_content_snippets() {
    let Some(c) = prism() else { return };
    check(c.content_snippets().list().per_page(20)).await;
}

#[tokio::test]
async fn create_content_snippet() {
    let Some(c) = prism() else { return };
    let s = check(
        c.content_snippets().create(
            NewContentSnippet::markdown("Refund window", "Refunds within **30 days**.")
                .locale("en")
                .audience_ids([12])
                .ai_chatbot(true)
                .ai_copilot(true)
                .ai_sales_agent(false),
        ),
    )
    .await;
    assert!(!s.id.is_empty());
    check(c.content_snippets().create(NewContentSnippet::blocks(
        "Shipping",
        vec![json!({"type": "paragraph", "text": "5 to 7 days"})],
    )))
    .await;
}

#[tokio::test]
async fn get_content_snippet() {
    let Some(c) = prism() else { return };
    check(c.content_snippets().get("123")).await;
}

#[tokio::test]
async fn update_content_snippet() {
    let Some(c) = prism() else { return };
    check(
        c.content_snippets().update(
            "123",
            UpdateContentSnippet::new()
                .title("Refunds")
                .markdown("Refunds within **14 days**.")
                .audience_ids([])
                .ai_copilot(false),
        ),
    )
    .await;
}

#[tokio::test]
async fn delete_content_snippet() {
    let Some(c) = prism() else { return };
    check(c.content_snippets().delete("123")).await;
}
