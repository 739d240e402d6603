//! Replay tests for the 10 AI Content operations of Intercom API 2.16:
//! content import sources and external pages.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub
//! with the exact JSON body or none, answered with
//! `fixtures/ai_content/<operationId>.json`, and a catch-all that must not
//! be hit) and checks the decoded values; both lists also stream across two
//! pages. A replay test is named after the SDK method it covers and carries
//! the spec's operationId on the line directly above its `#[tokio::test]`
//! (see `tests/coverage.rs`).

mod support;

use intercom_api::Cursor;
use intercom_api::ai_content::{
    NewContentImportSource, NewExternalPage, SourceStatus, SyncBehavior, UpdateContentImportSource,
    UpdateExternalPage,
};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, fixture, invalid_field, ok, spec, stub};

/// The product docs source, written through the API.
const DOCS: &str = "4101";
/// The PDF export page of the docs source.
const PDF_PAGE: &str = "88201";

// operationId: listContentImportSources
#[tokio::test]
async fn list_import_sources() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /ai/content_import_sources"),
            h.client.ai_content().list_import_sources(),
        )
        .await;

    assert_eq!(page.items.len(), 3);
    let docs = &page.items[0];
    assert_eq!(docs.id, DOCS);
    assert_eq!(docs.sync_behavior, SyncBehavior::Api);
    assert_eq!(docs.status, SourceStatus::Active);
    assert_eq!(docs.audience_ids, [5678]);
    assert_eq!(page.items[1].sync_behavior, SyncBehavior::Automatic);
    let legacy = &page.items[2];
    assert_eq!(legacy.sync_behavior, SyncBehavior::Manual);
    assert_eq!(legacy.status, SourceStatus::Deactivated);
    assert!(legacy.audience_ids.is_empty());
    assert_eq!(legacy.last_synced_at, Some(1_759_276_800));
    assert!(page.is_last());
}

#[tokio::test]
async fn list_import_sources_streams_every_page() {
    let h = Harness::start().await;
    let mut page1 = fixture("ai_content/listContentImportSources");
    page1["pages"]["total_pages"] = json!(2);
    let mut page2 = page1.clone();
    page2["data"] = json!([page1["data"][0].clone()]);
    page2["data"][0]["id"] = json!(4104);
    page2["pages"]["page"] = json!(2);
    stub("GET", "/ai/content_import_sources", &[])
        .respond_with(ok(page1))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/ai/content_import_sources", &[("page", "2")])
        .respond_with(ok(page2))
        .expect(1)
        .mount(&h.server)
        .await;

    let all = h
        .client
        .ai_content()
        .list_import_sources()
        .collect_at_most(10)
        .await
        .expect("every page");
    let ids: Vec<_> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["4101", "4102", "4103", "4104"]);
    h.finish().await;
}

// operationId: createContentImportSource
#[tokio::test]
async fn create_import_source() {
    let h = Harness::start().await;
    let source = h
        .replay(
            expect("POST /ai/content_import_sources").json(json!({
                "sync_behavior": "api",
                "url": "https://partners.acme-analytics.io/kb",
                "audience_ids": [5678, 5679]
            })),
            h.client.ai_content().create_import_source(
                NewContentImportSource::new("https://partners.acme-analytics.io/kb")
                    .audience_ids([5678, 5679]),
            ),
        )
        .await;

    assert_eq!(source.id, "4110");
    assert_eq!(source.url, "https://partners.acme-analytics.io/kb");
    assert_eq!(source.sync_behavior, SyncBehavior::Api);
    assert_eq!(source.audience_ids, [5678, 5679]);
    assert_eq!(source.created_at, Some(1_769_990_400));
}

// operationId: getContentImportSource
#[tokio::test]
async fn get_import_source() {
    let h = Harness::start().await;
    let source = h
        .replay(
            expect(&format!("GET /ai/content_import_sources/{DOCS}")),
            h.client.ai_content().get_import_source(DOCS),
        )
        .await;

    assert_eq!(source.id, DOCS);
    assert_eq!(source.url, "https://docs.acme-analytics.io");
    assert_eq!(source.updated_at, Some(1_767_225_600));
}

// operationId: updateContentImportSource
#[tokio::test]
async fn update_import_source() {
    let h = Harness::start().await;
    let source = h
        .replay(
            expect(&format!("PUT /ai/content_import_sources/{DOCS}")).json(json!({
                "sync_behavior": "api",
                "url": "https://docs.acme-analytics.io",
                "status": "deactivated",
                "audience_ids": [],
                "apply_audience_to_existing_content": true
            })),
            h.client.ai_content().update_import_source(
                DOCS,
                UpdateContentImportSource::new(SyncBehavior::Api, "https://docs.acme-analytics.io")
                    .status(SourceStatus::Deactivated)
                    .audience_ids([])
                    .apply_audience_to_existing_content(true),
            ),
        )
        .await;

    assert_eq!(source.status, SourceStatus::Deactivated);
    assert!(source.audience_ids.is_empty());
    assert_eq!(source.updated_at, Some(1_770_076_800));
}

// operationId: deleteContentImportSource
#[tokio::test]
async fn delete_import_source() {
    let h = Harness::start().await;
    stub("DELETE", &format!("/ai/content_import_sources/{DOCS}"), &[])
        .respond_with(wiremock::ResponseTemplate::new(204))
        .expect(1)
        .mount(&h.server)
        .await;
    h.client
        .ai_content()
        .delete_import_source(DOCS)
        .await
        .expect("204 with no body");
    h.finish().await;
}

// operationId: listExternalPages
#[tokio::test]
async fn list_external_pages() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /ai/external_pages").query(&[("per_page", "2")]),
            h.client.ai_content().list_external_pages().per_page(2),
        )
        .await;

    assert_eq!(page.items.len(), 2);
    let pdf = &page.items[0];
    assert_eq!(pdf.id, PDF_PAGE);
    assert_eq!(pdf.title, "Exporting a dashboard as PDF");
    assert_eq!(pdf.source_id, DOCS);
    assert_eq!(pdf.external_id, "kb-1042");
    assert!(pdf.ai_agent_availability);
    assert!(pdf.ai_copilot_availability);
    assert_eq!(pdf.ai_sales_agent_availability, Some(false));
    assert!(!page.items[1].ai_copilot_availability);
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.next_cursor(), Some(&Cursor::Page(2)));
}

#[tokio::test]
async fn list_external_pages_streams_every_page() {
    let h = Harness::start().await;
    stub("GET", "/ai/external_pages", &[("per_page", "2")])
        .respond_with(ok(fixture("ai_content/listExternalPages")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        "/ai/external_pages",
        &[("per_page", "2"), ("page", "2")],
    )
    .respond_with(ok(fixture("ai_content/listExternalPages.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let all = h
        .client
        .ai_content()
        .list_external_pages()
        .per_page(2)
        .collect_at_most(10)
        .await
        .expect("every page");
    let ids: Vec<_> = all.iter().map(|p| p.external_id.as_str()).collect();
    assert_eq!(ids, ["kb-1042", "kb-1043", "kb-1044"]);
    h.finish().await;
}

// operationId: createExternalPage
#[tokio::test]
async fn create_external_page() {
    let h = Harness::start().await;
    let html = "<p>Open Settings, then Security, then Reset password.</p>";
    let page = h
        .replay(
            expect("POST /ai/external_pages").json(json!({
                "title": "Resetting a password",
                "html": html,
                "url": "https://docs.acme-analytics.io/kb/reset-password",
                "ai_agent_availability": true,
                "ai_copilot_availability": true,
                "locale": "en",
                "source_id": 4101,
                "external_id": "kb-1050"
            })),
            h.client.ai_content().create_external_page(
                NewExternalPage::new(4101, "kb-1050", "Resetting a password", html)
                    .url("https://docs.acme-analytics.io/kb/reset-password")
                    .ai_agent_availability(true)
                    .ai_copilot_availability(true),
            ),
        )
        .await;

    assert_eq!(page.id, "88210");
    assert_eq!(page.html, html);
    assert_eq!(page.locale, "en");
    assert_eq!(page.last_ingested_at, Some(1_769_990_400));
}

// operationId: getExternalPage
#[tokio::test]
async fn get_external_page() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect(&format!("GET /ai/external_pages/{PDF_PAGE}")),
            h.client.ai_content().get_external_page(PDF_PAGE),
        )
        .await;

    assert_eq!(page.id, PDF_PAGE);
    assert_eq!(
        page.url.as_deref(),
        Some("https://docs.acme-analytics.io/kb/export-pdf")
    );
    assert_eq!(page.fin_availability, Some(true));
    assert_eq!(page.updated_at, Some(1_767_312_000));
}

// operationId: updateExternalPage
#[tokio::test]
async fn update_external_page() {
    let h = Harness::start().await;
    let html = "<p>Open Settings, then Security. Reset links last 24 hours.</p>";
    let page = h
        .replay(
            expect("PUT /ai/external_pages/88210").json(json!({
                "title": "Resetting a password",
                "html": html,
                "url": "https://docs.acme-analytics.io/kb/reset-password",
                "locale": "en",
                "source_id": 4101,
                "fin_availability": true
            })),
            h.client.ai_content().update_external_page(
                "88210",
                UpdateExternalPage::new(
                    4101,
                    "Resetting a password",
                    html,
                    "https://docs.acme-analytics.io/kb/reset-password",
                )
                .fin_availability(true),
            ),
        )
        .await;

    assert_eq!(page.html, html);
    assert_eq!(page.updated_at, Some(1_770_076_800));
}

// operationId: deleteExternalPage
#[tokio::test]
async fn delete_external_page() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect("DELETE /ai/external_pages/88202"),
            h.client.ai_content().delete_external_page("88202"),
        )
        .await;

    assert_eq!(gone.id, "88202");
    assert_eq!(gone.external_id, "kb-1043");
    assert!(gone.html.is_empty());
}

#[tokio::test]
async fn refuses_what_intercom_would_refuse_before_sending() {
    let h = Harness::start().await;
    let ai = h.client.ai_content();
    for url in ["", "docs.example.com", "https://"] {
        let err = ai
            .create_import_source(NewContentImportSource::new(url))
            .await
            .expect_err("bad url");
        assert_eq!(invalid_field(err), "url", "{url:?}");
    }
    let err = ai
        .update_import_source(
            DOCS,
            UpdateContentImportSource::new(SyncBehavior::Api, "https://x.io").audience_ids([0]),
        )
        .await
        .expect_err("audience 0");
    assert_eq!(invalid_field(err), "audience_ids");
    let pages = [
        (NewExternalPage::new(0, "e", "t", "<p>h</p>"), "source_id"),
        (NewExternalPage::new(1, " ", "t", "<p>h</p>"), "external_id"),
        (NewExternalPage::new(1, "e", "", "<p>h</p>"), "title"),
        (NewExternalPage::new(1, "e", "t", ""), "html"),
        (
            NewExternalPage::new(1, "e", "t", "<p>h</p>").url("kb/1"),
            "url",
        ),
    ];
    for (page, field) in pages {
        let err = ai
            .create_external_page(page.clone())
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), field, "{page:?}");
    }
    let err = ai
        .update_external_page("1", UpdateExternalPage::new(1, "t", "<p>h</p>", "nope"))
        .await
        .expect_err("bad url");
    assert_eq!(invalid_field(err), "url");
    let err = ai.get_external_page("").await.expect_err("empty id");
    assert_eq!(invalid_field(err), "page_id");
    let err = ai.delete_import_source(" ").await.expect_err("blank id");
    assert_eq!(invalid_field(err), "source_id");
    h.assert_no_requests().await;
}

#[test]
fn only_the_source_create_is_not_retried() {
    for op in intercom_api::ai_content::ops::ALL {
        // A page create upserts by (source_id, external_id): safe to retry.
        let once = op.id == "createContentImportSource";
        assert_eq!(op.idempotent, !once, "{}", op.id);
        assert_eq!(op.paged, op.id.starts_with("list"), "{}", op.id);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.ai_content();
    let requests = [
        built(c.list_import_sources().into_request()),
        built(c.create_import_source(NewContentImportSource::new("https://help.example.com"))),
        built(
            c.create_import_source(
                NewContentImportSource::new("https://help.example.com")
                    .status(SourceStatus::Deactivated)
                    .audience_ids([5678]),
            ),
        ),
        built(c.get_import_source(DOCS)),
        built(
            c.update_import_source(
                DOCS,
                UpdateContentImportSource::new(SyncBehavior::Api, "https://help.example.com")
                    .status(SourceStatus::Active)
                    .audience_ids([1, 2])
                    .apply_audience_to_existing_content(false),
            ),
        ),
        built(c.delete_import_source(DOCS)),
        built(c.list_external_pages().into_request()),
        built(c.create_external_page(NewExternalPage::new(44, "abc1234", "Test", "<p>x</p>"))),
        built(
            c.create_external_page(
                NewExternalPage::new(44, "abc1234", "Test", "<p>x</p>")
                    .url("https://www.example.com")
                    .ai_agent_availability(true)
                    .ai_copilot_availability(false),
            ),
        ),
        built(c.get_external_page(PDF_PAGE)),
        built(
            c.update_external_page(
                PDF_PAGE,
                UpdateExternalPage::new(47, "Test", "<p>x</p>", "https://www.example.com")
                    .external_id("5678")
                    .fin_availability(true),
            ),
        ),
        built(c.delete_external_page(PDF_PAGE)),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["AI Content"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_has_the_ai_content_handle() {
    let h = support::BlockingHarness::start();
    h.mount(
        support::stub("GET", &format!("/ai/external_pages/{PDF_PAGE}"), &[])
            .respond_with(support::ok(support::fixture("ai_content/getExternalPage")))
            .expect(1),
    );
    let client = &h.client;
    let page = client
        .ai_content()
        .get_external_page(PDF_PAGE)
        .send()
        .expect("sent");
    assert_eq!(page.external_id, "kb-1042");
}

/// The fake keeps sources and pages: a page needs its source, a create with
/// the same `(source_id, external_id)` updates the page, and deleting the
/// source deletes its pages.
#[tokio::test]
async fn the_fake_keeps_sources_and_their_pages() {
    let fake = intercom_api::mock::FakeIntercom::start().await;
    let client = fake.client().expect("client");
    let ai = client.ai_content();
    let source = ai
        .create_import_source(NewContentImportSource::new("https://docs.example.com"))
        .await
        .expect("source");
    assert_eq!(source.sync_behavior, SyncBehavior::Api);
    let source_id: i64 = source.id.parse().expect("numeric id");
    let first = ai
        .create_external_page(NewExternalPage::new(
            source_id,
            "kb-1",
            "Export",
            "<p>v1</p>",
        ))
        .await
        .expect("page");
    let again = ai
        .create_external_page(NewExternalPage::new(
            source_id,
            "kb-1",
            "Export",
            "<p>v2</p>",
        ))
        .await
        .expect("upsert");
    assert_eq!(again.id, first.id);
    assert_eq!(
        ai.get_external_page(&first.id).await.expect("get").html,
        "<p>v2</p>"
    );
    let listed = ai
        .list_external_pages()
        .collect_at_most(10)
        .await
        .expect("list");
    assert_eq!(listed.len(), 1);
    let orphan = ai
        .create_external_page(NewExternalPage::new(999_999, "kb-9", "Lost", "<p>x</p>"))
        .await
        .expect_err("unknown source");
    assert_eq!(orphan.status().map(|s| s.as_u16()), Some(404));
    let updated = ai
        .update_import_source(
            &source.id,
            UpdateContentImportSource::new(SyncBehavior::Api, "https://docs.example.com")
                .status(SourceStatus::Deactivated),
        )
        .await
        .expect("update");
    assert_eq!(updated.status, SourceStatus::Deactivated);
    ai.delete_import_source(&source.id).await.expect("delete");
    let gone = ai
        .get_external_page(&first.id)
        .await
        .expect_err("page went with its source");
    assert_eq!(gone.status().map(|s| s.as_u16()), Some(404));
    assert!(
        ai.list_import_sources()
            .await
            .expect("list")
            .items
            .is_empty()
    );
}
