//! AI Content (10 operations): content import sources and external pages.

use intercom_api::ai_content::{
    NewContentImportSource, NewExternalPage, SourceStatus, SyncBehavior, UpdateContentImportSource,
    UpdateExternalPage,
};

use crate::{check, prism};

#[tokio::test]
async fn content_import_sources() {
    let Some(c) = prism() else { return };
    let ai = c.ai_content();
    check(ai.list_import_sources()).await;
    let created = check(ai.create_import_source(
        NewContentImportSource::new("https://www.example.com").audience_ids([5678]),
    ))
    .await;
    assert!(!created.id.is_empty());
    check(ai.get_import_source("38")).await;
    check(
        ai.update_import_source(
            "39",
            UpdateContentImportSource::new(SyncBehavior::Api, "https://www.example.com")
                .status(SourceStatus::Active),
        ),
    )
    .await;
    check(ai.delete_import_source("40")).await;
}

#[tokio::test]
async fn external_pages() {
    let Some(c) = prism() else { return };
    let ai = c.ai_content();
    check(ai.list_external_pages()).await;
    check(
        ai.create_external_page(
            NewExternalPage::new(
                44,
                "abc1234",
                "Test",
                "<html><body><h1>Test</h1></body></html>",
            )
            .url("https://www.example.com"),
        ),
    )
    .await;
    check(ai.get_external_page("23")).await;
    check(
        ai.update_external_page(
            "24",
            UpdateExternalPage::new(
                47,
                "Test",
                "<html><body><h1>Test</h1></body></html>",
                "https://www.example.com",
            )
            .external_id("5678"),
        ),
    )
    .await;
    check(ai.delete_external_page("22")).await;
}
