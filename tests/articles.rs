//! Replay tests for the 13 Articles and 11 Help Center operations of
//! Intercom API 2.16.
//!
//! Each replay test mounts one exact wiremock stub (method, path, the whole
//! query string, bearer token, `Intercom-Version: 2.16`, JSON accept, this
//! crate's `User-Agent`, and the exact JSON body or no body at all)
//! answering with
//! `fixtures/{articles,help_center}/<operationId>.json`, plus a
//! lowest-priority catch-all that answers `500` and expects zero hits. It
//! then calls the SDK method and checks the decoded values. List operations
//! also stream across two pages.
//!
//! A replay test is named after the SDK method it covers and carries the
//! spec's operationId on the line directly above its `#[tokio::test]` (see
//! `tests/contacts.rs` and `openapi/coverage.yaml`). The request bodies the
//! SDK builds are also checked against the 2.16 schemas here, with the
//! shared `support::requests`; the fixtures are checked with every other
//! family's in `tests/fixtures_schema.rs`.

mod support;

use futures::TryStreamExt;
use intercom_api::articles::{
    ArticleSearch, ArticleState, ArticleTranslation, CreateArticle, HelpCenterAudience,
    HighlightKind, ParentType, SearchState, UpdateArticle,
};
use intercom_api::help_center::{
    CollectionContent, CreateCollection, CreateRedirect, RedirectTarget, UpdateCollection,
};
use intercom_api::{Cursor, Error, ErrorCode};
use serde_json::{Value, json};
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, operation_ids};
use support::{Harness, api_error, error_response, fixture, invalid_field, ok, stub, stub_json};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const ARTICLE: &str = "6871119";
const COLLECTION: &str = "6871118";
const HELP_CENTER: &str = "123";
const REDIRECT: &str = "42";
const TAG: &str = "7522907";
const ADMIN: &str = "991267497";
const ADMIN_ID: i64 = 991_267_497;

/// Page 2 (the last) of a page-numbered list fixture: its first item under
/// a new id.
fn last_page(list: &Value, new_id: &str) -> Value {
    let mut page = list.clone();
    let mut item = list["data"][0].clone();
    item["id"] = json!(new_id);
    page["data"] = json!([item]);
    page["pages"]["page"] = json!(2);
    page
}

// ---------------------------------------------------------------------------
// Articles: one replay test per operation
// ---------------------------------------------------------------------------

#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let req = CreateArticle::new("Exporting your data", ADMIN_ID)
        .description("Download everything as CSV")
        .body_markdown("Go to **Settings > Export** and pick a date range.\n")
        .state(ArticleState::Draft)
        .parent(ParentType::Collection, COLLECTION)
        .audience_ids(["3", "7"])
        .ai_chatbot_availability(true)
        .translation(
            "fr",
            ArticleTranslation::new("Exporter vos données")
                .body("<p>Allez dans <b>Réglages</b>.</p>")
                .author_id(991_267_502)
                .state(ArticleState::Draft),
        );
    let body = json!({
        "title": "Exporting your data",
        "description": "Download everything as CSV",
        "body_markdown": "Go to **Settings > Export** and pick a date range.\n",
        "author_id": 991267497,
        "state": "draft",
        "parent_type": "collection",
        "parent_id": 6871118,
        "audience_ids": [3, 7],
        "ai_chatbot_availability": true,
        "translated_content": {
            "fr": {
                "title": "Exporter vos données",
                "body": "<p>Allez dans <b>Réglages</b>.</p>",
                "author_id": 991267502,
                "state": "draft"
            }
        }
    });
    let article = h
        .replay(
            expect("POST /articles").json(body),
            h.client.articles().create(req),
        )
        .await;
    assert_eq!(article.id, "6871120");
    assert_eq!(article.title.as_deref(), Some("Exporting your data"));
    assert_eq!(article.state, Some(ArticleState::Draft));
    assert_eq!(article.url, None);
    assert_eq!(article.author_id.as_deref(), Some(ADMIN));
    assert_eq!(article.parent_ids, vec![COLLECTION.to_owned()]);
    assert!(article.tags.is_empty());
    let stats = article.statistics.as_ref().expect("statistics");
    assert_eq!(stats.views, Some(0));
    let en = article
        .translated_content
        .as_ref()
        .and_then(|t| t.get("en"))
        .expect("en content");
    assert_eq!(en.state, Some(ArticleState::Draft));
    assert_eq!(en.audience_ids, vec!["3".to_owned(), "7".to_owned()]);
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let a = h
        .replay(
            expect(&format!("GET /articles/{ARTICLE}")),
            h.client.articles().get(ARTICLE),
        )
        .await;
    assert_eq!(a.id, ARTICLE);
    assert_eq!(a.workspace_id.as_deref(), Some("hfi1bx4l"));
    assert_eq!(a.title.as_deref(), Some("Resetting your password"));
    assert_eq!(a.state, Some(ArticleState::Published));
    assert_eq!(a.author_id.as_deref(), Some(ADMIN));
    assert_eq!(a.updated_by_id.as_deref(), Some("991267502"));
    assert_eq!(a.created_at, Some(1_719_493_757));
    assert_eq!(a.parent_ids, vec![COLLECTION.to_owned()]);
    assert_eq!(a.help_center_audience, Some(HelpCenterAudience::Everyone));
    assert_eq!(a.default_locale.as_deref(), Some("en"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://help.example.com/en/articles/6871119-resetting-your-password")
    );
    let t = a.translated_content.as_ref().expect("translations");
    assert_eq!(t.locales().collect::<Vec<_>>(), vec!["en", "fr"]);
    assert_eq!(
        t.get("fr").and_then(|c| c.title.as_deref()),
        Some("Réinitialiser votre mot de passe")
    );
    assert_eq!(a.tags.len(), 1);
    assert_eq!(a.tags[0].id, TAG);
    assert_eq!(a.tags[0].name.as_deref(), Some("Billing"));
    let stats = a.statistics.as_ref().expect("statistics");
    assert_eq!(stats.views, Some(1843));
    assert_eq!(stats.happy_reaction_percentage, Some(81.25));
    assert_eq!(stats.fin_resolutions, Some(311));
}

#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let update = UpdateArticle::new()
        .title("Reset your password")
        .author_id(ADMIN_ID)
        .parent(ParentType::Section, "18")
        .ai_copilot_availability(false)
        .scheduled_unpublish_at(1_798_736_400);
    let body = json!({
        "title": "Reset your password",
        "author_id": 991267497,
        "parent_type": "section",
        "parent_id": "18",
        "ai_copilot_availability": false,
        "scheduled_unpublish_at": "2026-12-31T17:00:00Z"
    });
    let a = h
        .replay(
            expect(&format!("PUT /articles/{ARTICLE}")).json(body),
            h.client.articles().update(ARTICLE, update),
        )
        .await;
    assert_eq!(a.title.as_deref(), Some("Reset your password"));
    assert_eq!(a.updated_at, Some(1_719_590_000));
}

#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect(&format!("DELETE /articles/{ARTICLE}")),
            h.client.articles().delete(ARTICLE),
        )
        .await;
    assert_eq!(gone.id, ARTICLE);
    assert_eq!(gone.object.as_deref(), Some("article"));
    assert!(gone.deleted);
}

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let page1 = fixture("articles/listArticles");
    stub("GET", "/articles", &[("per_page", "2")])
        .respond_with(ok(page1.clone()))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/articles", &[("per_page", "2"), ("page", "2")])
        .respond_with(ok(last_page(&page1, "6871122")))
        .expect(1)
        .mount(&h.server)
        .await;

    let first = h
        .client
        .articles()
        .list()
        .per_page(2)
        .pages()
        .try_collect::<Vec<_>>()
        .await
        .expect("pages");
    assert_eq!(first.len(), 2);
    assert_eq!(first[0].total_count, Some(3));
    assert_eq!(first[0].total_pages, Some(2));
    assert_eq!(first[0].next, Some(Cursor::Page(2)));
    assert!(first[1].is_last());
    let ids: Vec<_> = first
        .into_iter()
        .flat_map(|p| p.items)
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, ["6871119", "6871121", "6871122"]);
    h.finish().await;
}

#[tokio::test]
async fn search() {
    let h = Harness::start().await;
    let search = ArticleSearch::phrase("password")
        .state(SearchState::All)
        .help_center_id(HELP_CENTER);
    let query = [
        ("phrase", "password"),
        ("state", "all"),
        ("help_center_id", "123"),
    ];
    let page = h
        .replay(
            expect("GET /articles/search").query(&query),
            h.client.articles().search(search),
        )
        .await;
    assert_eq!(page.total_count, Some(2));
    assert_eq!((page.page, page.total_pages), (Some(1), Some(1)));
    assert!(page.is_last());
    let ids: Vec<_> = page.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["6871119", "6871121"]);
    assert_eq!(
        page.items[0].title.as_deref(),
        Some("Resetting your password")
    );
}

/// The same operation with `highlight=true`: one page, articles and highlights.
#[tokio::test]
async fn search_with_highlights() {
    let h = Harness::start().await;
    let query = [
        ("phrase", "password"),
        ("state", "all"),
        ("highlight", "true"),
    ];
    let found = h
        .replay(
            expect("GET /articles/search").query(&query),
            h.client
                .articles()
                .search_with_highlights(ArticleSearch::phrase("password").state(SearchState::All)),
        )
        .await;
    assert_eq!(found.total_count, Some(2));
    assert_eq!(found.total_pages, Some(1));
    assert_eq!(found.page, Some(1));
    let ids: Vec<_> = found.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["6871119", "6871121"]);
    assert_eq!(found.highlights.len(), 2);
    let first = &found.highlights[0];
    assert_eq!(first.article_id.as_deref(), Some(ARTICLE));
    assert_eq!(
        first.highlighted_title[1].kind,
        Some(HighlightKind::Highlight)
    );
    assert_eq!(first.highlighted_title[1].text.as_deref(), Some("password"));
    assert_eq!(first.highlighted_summary.len(), 2);
    assert_eq!(
        first.highlighted_summary[0][0].kind,
        Some(HighlightKind::Plain)
    );
}

/// A search streams every page of `data.articles`, by page number.
#[tokio::test]
async fn search_streams_across_pages() {
    let h = Harness::start().await;
    let mut page1 = fixture("articles/searchArticles");
    page1["pages"]["total_pages"] = json!(2);
    let mut page2 = page1.clone();
    page2["data"]["articles"] = json!([page1["data"]["articles"][0].clone()]);
    page2["data"]["articles"][0]["id"] = json!("6871122");
    page2["pages"]["page"] = json!(2);
    stub("GET", "/articles/search", &[("phrase", "billing")])
        .respond_with(ok(page1))
        .expect(1)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        "/articles/search",
        &[("phrase", "billing"), ("page", "2")],
    )
    .respond_with(ok(page2))
    .expect(1)
    .mount(&h.server)
    .await;

    let all = h
        .client
        .articles()
        .search("billing")
        .collect_at_most(10)
        .await
        .expect("every page");
    let ids: Vec<_> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["6871119", "6871121", "6871122"]);
    h.finish().await;
}

#[tokio::test]
async fn get_draft() {
    let h = Harness::start().await;
    let draft = h
        .replay(
            expect(&format!("GET /articles/{ARTICLE}/draft")),
            h.client.articles().get_draft(ARTICLE),
        )
        .await;
    assert_eq!(draft.has_unpublished_changes, Some(true));
    assert_eq!(draft.draft_updated_at, Some(1_719_600_000));
    assert_eq!(
        draft.body_markdown.as_deref(),
        Some("Open **Settings** and choose **Security > Reset password**.\n")
    );
}

#[tokio::test]
async fn stage_draft() {
    let h = Harness::start().await;
    let staged = UpdateArticle::new()
        .title("Reset your password (2026)")
        .body("<p>Open <b>Settings</b> and choose <b>Security &gt; Reset password</b>.</p>")
        .translation(
            "fr",
            ArticleTranslation::new("Réinitialiser le mot de passe (2026)"),
        );
    let body = json!({
        "title": "Reset your password (2026)",
        "body": "<p>Open <b>Settings</b> and choose <b>Security &gt; Reset password</b>.</p>",
        "translated_content": {"fr": {"title": "Réinitialiser le mot de passe (2026)"}}
    });
    let a = h
        .replay(
            expect(&format!("PUT /articles/{ARTICLE}/draft")).json(body),
            h.client.articles().stage_draft(ARTICLE, staged),
        )
        .await;
    assert_eq!(a.title.as_deref(), Some("Reset your password (2026)"));
    assert_eq!(a.has_unpublished_changes, Some(true));
}

#[tokio::test]
async fn publish_draft() {
    let h = Harness::start().await;
    let a = h
        .replay(
            expect(&format!("POST /articles/{ARTICLE}/draft/publish"))
                .json(json!({"locales": ["en", "fr"]})),
            h.client.articles().publish_draft(ARTICLE, &["en", "fr"]),
        )
        .await;
    assert_eq!(a.has_unpublished_changes, Some(false));
    assert_eq!(a.draft_updated_at, None);
    assert_eq!(a.updated_at, Some(1_719_603_600));
}

#[tokio::test]
async fn list_versions() {
    let h = Harness::start().await;
    let page1 = fixture("articles/listArticleVersions");
    stub(
        "GET",
        "/articles/6871119/versions",
        &[("locale", "en"), ("per_page", "2")],
    )
    .respond_with(ok(page1.clone()))
    .expect(1)
    .mount(&h.server)
    .await;
    stub(
        "GET",
        "/articles/6871119/versions",
        &[("locale", "en"), ("per_page", "2"), ("page", "2")],
    )
    .respond_with(ok(last_page(&page1, "299")))
    .expect(1)
    .mount(&h.server)
    .await;

    let versions = h
        .client
        .articles()
        .list_versions(ARTICLE)
        .locale("en")
        .per_page(2)
        .collect_at_most(10)
        .await
        .expect("versions");
    let ids: Vec<_> = versions.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["301", "300", "299"]);
    let newest = &versions[0];
    assert_eq!(newest.article_id.as_deref(), Some(ARTICLE));
    assert_eq!(newest.state, Some(ArticleState::Published));
    assert_eq!(newest.from_version_id.as_deref(), Some("300"));
    assert_eq!(newest.created_via.as_deref(), Some("web"));
    assert_eq!(newest.body, None);
    assert_eq!(versions[1].from_version_id, None);
    assert_eq!(versions[1].state, Some(ArticleState::Draft));
    h.finish().await;
}

#[tokio::test]
async fn get_version() {
    let h = Harness::start().await;
    let v = h
        .replay(
            expect(&format!("GET /articles/{ARTICLE}/versions/301")).query(&[("locale", "en")]),
            h.client.articles().get_version(ARTICLE, "301").locale("en"),
        )
        .await;
    assert_eq!(v.id, "301");
    assert_eq!(v.author_id.as_deref(), Some(ADMIN));
    assert_eq!(
        v.body_markdown.as_deref(),
        Some("Open **Settings**, then **Security**, then choose **Reset password**.\n")
    );
    assert_eq!(v.updated_at, Some(1_719_493_757));
}

// ---------------------------------------------------------------------------
// Help Center: one replay test per operation
// ---------------------------------------------------------------------------

#[tokio::test]
async fn list_collections() {
    let h = Harness::start().await;
    let page1 = fixture("help_center/listAllCollections");
    stub("GET", "/help_center/collections", &[])
        .respond_with(ok(page1.clone()))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/help_center/collections", &[("page", "2")])
        .respond_with(ok(last_page(&page1, "6871116")))
        .expect(1)
        .mount(&h.server)
        .await;

    let all = h
        .client
        .help_center()
        .list_collections()
        .collect_at_most(100)
        .await
        .expect("collections");
    let ids: Vec<_> = all.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["6871118", "6871117", "6871116"]);
    let billing = &all[0];
    assert_eq!(billing.name.as_deref(), Some("Billing"));
    assert_eq!(billing.order, Some(1));
    assert_eq!(billing.parent_id, None);
    assert_eq!(billing.help_center_id.as_deref(), Some(HELP_CENTER));
    assert_eq!(
        billing
            .translated_content
            .as_ref()
            .and_then(|t| t.get("fr"))
            .and_then(|c| c.name.as_deref()),
        Some("Facturation")
    );
    h.finish().await;
}

#[tokio::test]
async fn create_collection() {
    let h = Harness::start().await;
    let req = CreateCollection::new("Getting started")
        .description("Your first steps")
        .help_center_id(HELP_CENTER)
        .translation(
            "fr",
            CollectionContent::new("Premiers pas").description("Vos premiers pas"),
        );
    let body = json!({
        "name": "Getting started",
        "description": "Your first steps",
        "help_center_id": 123,
        "translated_content": {"fr": {"name": "Premiers pas", "description": "Vos premiers pas"}}
    });
    let c = h
        .replay(
            expect("POST /help_center/collections").json(body),
            h.client.help_center().create_collection(req),
        )
        .await;
    assert_eq!(c.id, "6871130");
    assert_eq!(c.name.as_deref(), Some("Getting started"));
    assert_eq!(c.icon.as_deref(), Some("book-bookmark"));
    assert_eq!(c.created_at, Some(1_719_700_000));
}

#[tokio::test]
async fn get_collection() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect(&format!("GET /help_center/collections/{COLLECTION}")),
            h.client.help_center().get_collection(COLLECTION),
        )
        .await;
    assert_eq!(c.id, COLLECTION);
    assert_eq!(
        c.description.as_deref(),
        Some("Invoices, plans and payment methods")
    );
    assert_eq!(
        c.url.as_deref(),
        Some("https://help.example.com/en/collections/6871118-billing")
    );
    assert_eq!(c.default_locale.as_deref(), Some("en"));
    assert_eq!(c.translated_content.map(|t| t.len()), Some(2));
}

#[tokio::test]
async fn update_collection() {
    let h = Harness::start().await;
    let update = UpdateCollection::new()
        .name("Billing & plans")
        .move_to_top_level();
    let c = h
        .replay(
            expect(&format!("PUT /help_center/collections/{COLLECTION}"))
                .json(json!({"name": "Billing & plans", "parent_id": null})),
            h.client.help_center().update_collection(COLLECTION, update),
        )
        .await;
    assert_eq!(c.name.as_deref(), Some("Billing & plans"));
    assert_eq!(c.updated_at, Some(1_719_800_000));
}

#[tokio::test]
async fn delete_collection() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect(&format!("DELETE /help_center/collections/{COLLECTION}")),
            h.client.help_center().delete_collection(COLLECTION),
        )
        .await;
    assert_eq!(gone.id, COLLECTION);
    assert_eq!(gone.object.as_deref(), Some("collection"));
    assert!(gone.deleted);
}

#[tokio::test]
async fn get_help_center() {
    let h = Harness::start().await;
    let site = h
        .replay(
            expect(&format!("GET /help_center/help_centers/{HELP_CENTER}")),
            h.client.help_center().get_help_center(HELP_CENTER),
        )
        .await;
    assert_eq!(site.id, HELP_CENTER);
    assert_eq!(site.identifier.as_deref(), Some("acme"));
    assert_eq!(site.display_name.as_deref(), Some("Acme Help Center"));
    assert_eq!(site.custom_domain.as_deref(), Some("help.example.com"));
    assert_eq!(site.website_turned_on, Some(true));
    assert_eq!(site.default, Some(true));
    assert_eq!(site.locales, ["en", "fr"]);
}

#[tokio::test]
async fn list_help_centers() {
    let h = Harness::start().await;
    // The answer has no `pages`: it is the last page.
    let page = h
        .replay(
            expect("GET /help_center/help_centers"),
            h.client.help_center().list_help_centers(),
        )
        .await;
    assert!(page.is_last());
    let ids: Vec<_> = page.items.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["123", "124"]);
    assert_eq!(page.items[1].custom_domain, None);
    assert_eq!(page.items[1].website_turned_on, Some(false));
}

#[tokio::test]
async fn list_redirects() {
    let h = Harness::start().await;
    let page1 = fixture("help_center/listHelpCenterRedirects");
    stub(
        "GET",
        "/help_center/help_centers/123/redirects",
        &[("per_page", "2")],
    )
    .respond_with(ok(page1.clone()))
    .expect(1)
    .mount(&h.server)
    .await;
    stub(
        "GET",
        "/help_center/help_centers/123/redirects",
        &[("per_page", "2"), ("page", "2")],
    )
    .respond_with(ok(last_page(&page1, "40")))
    .expect(1)
    .mount(&h.server)
    .await;

    let all = h
        .client
        .help_center()
        .list_redirects(HELP_CENTER)
        .per_page(2)
        .collect_at_most(100)
        .await
        .expect("redirects");
    let ids: Vec<_> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["42", "41", "40"]);
    assert_eq!(all[1].target_type, Some(RedirectTarget::Collection));
    assert_eq!(all[1].locale.as_deref(), Some("fr"));
    assert_eq!(all[1].target_id.as_deref(), Some(COLLECTION));
    h.finish().await;
}

#[tokio::test]
async fn create_redirect() {
    let h = Harness::start().await;
    let from = "https://help.example.com/en/old-faq";
    let redirect = CreateRedirect::new(from, "en", RedirectTarget::Article, ARTICLE);
    let body =
        json!({"from_url": from, "locale": "en", "target_type": "article", "target_id": ARTICLE});
    let r = h
        .replay(
            expect(&format!(
                "POST /help_center/help_centers/{HELP_CENTER}/redirects"
            ))
            .json(body),
            h.client
                .help_center()
                .create_redirect(HELP_CENTER, redirect),
        )
        .await;
    assert_eq!(r.id, REDIRECT);
    assert_eq!(r.from_url.as_deref(), Some(from));
    assert_eq!(r.target_type, Some(RedirectTarget::Article));
    assert_eq!(r.help_center_id.as_deref(), Some(HELP_CENTER));
}

#[tokio::test]
async fn get_redirect() {
    let h = Harness::start().await;
    let r = h
        .replay(
            expect(&format!(
                "GET /help_center/help_centers/{HELP_CENTER}/redirects/{REDIRECT}"
            )),
            h.client.help_center().get_redirect(HELP_CENTER, REDIRECT),
        )
        .await;
    assert_eq!(r.id, REDIRECT);
    assert_eq!(r.target_id.as_deref(), Some(ARTICLE));
    assert_eq!(r.created_at, Some(1_719_200_000));
}

#[tokio::test]
async fn delete_redirect() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect(&format!(
                "DELETE /help_center/help_centers/{HELP_CENTER}/redirects/{REDIRECT}"
            )),
            h.client
                .help_center()
                .delete_redirect(HELP_CENTER, REDIRECT),
        )
        .await;
    assert_eq!(gone.id, REDIRECT);
    assert_eq!(gone.object.as_deref(), Some("help_center_redirect"));
    assert!(gone.deleted);
}

// ---------------------------------------------------------------------------
// Request shapes beyond the replay tests
// ---------------------------------------------------------------------------

#[tokio::test]
async fn publish_draft_without_locales_sends_no_body() {
    let h = Harness::start().await;
    stub("POST", "/articles/6871119/draft/publish", &[])
        .respond_with(ok(fixture("articles/publishArticleDraft")))
        .expect(1)
        .mount(&h.server)
        .await;
    h.client
        .articles()
        .publish_draft(ARTICLE, &[])
        .await
        .expect("published");
    h.finish().await;
}

#[tokio::test]
async fn search_with_a_bare_phrase_and_a_scheduled_create() {
    let h = Harness::start().await;
    stub("GET", "/articles/search", &[("phrase", "billing")])
        .respond_with(ok(fixture("articles/searchArticles")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub_json(
        "POST",
        "/articles",
        &[],
        json!({
            "title": "Holiday opening hours",
            "author_id": 991267497,
            "state": "published",
            "scheduled_publish_at": "2026-12-31T09:00:00Z"
        }),
    )
    .respond_with(ok(fixture("articles/createArticle")))
    .expect(1)
    .mount(&h.server)
    .await;

    let found = h.client.articles().search("billing").await.expect("found");
    assert_eq!(found.items.len(), 2);
    h.client
        .articles()
        .create(
            CreateArticle::new("Holiday opening hours", ADMIN_ID)
                .state(ArticleState::Published)
                .scheduled_publish_at(1_798_707_600),
        )
        .await
        .expect("scheduled");
    h.finish().await;
}

#[tokio::test]
async fn cancelling_a_schedule_sends_null() {
    let h = Harness::start().await;
    stub_json(
        "PUT",
        "/articles/6871119",
        &[],
        json!({"scheduled_publish_at": null}),
    )
    .respond_with(ok(fixture("articles/updateArticle")))
    .expect(1)
    .mount(&h.server)
    .await;
    h.client
        .articles()
        .update(ARTICLE, UpdateArticle::new().cancel_scheduled_publish())
        .await
        .expect("updated");
    h.finish().await;
}

#[tokio::test]
async fn locale_set_twice_is_sent_once() {
    let h = Harness::start().await;
    stub("GET", "/articles/6871119/versions/301", &[("locale", "fr")])
        .respond_with(ok(fixture("articles/retrieveArticleVersion")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/articles/6871119/versions", &[("locale", "fr")])
        .respond_with(ok(json!({"type": "list", "data": []})))
        .expect(1)
        .mount(&h.server)
        .await;
    let a = h.client.articles();
    a.get_version(ARTICLE, "301")
        .locale("en")
        .locale("fr")
        .await
        .expect("version");
    let page = a
        .list_versions(ARTICLE)
        .locale("en")
        .locale("fr")
        .await
        .expect("versions");
    assert!(page.items.is_empty() && page.is_last());
    h.finish().await;
}

#[tokio::test]
async fn a_published_create_may_schedule_its_unpublish() {
    let h = Harness::start().await;
    stub_json(
        "POST",
        "/articles",
        &[],
        json!({
            "title": "Black Friday offers",
            "author_id": 991267497,
            "state": "published",
            "scheduled_unpublish_at": "2026-12-31T17:00:00Z"
        }),
    )
    .respond_with(ok(fixture("articles/createArticle")))
    .expect(1)
    .mount(&h.server)
    .await;
    h.client
        .articles()
        .create(
            CreateArticle::new("Black Friday offers", ADMIN_ID)
                .state(ArticleState::Published)
                .scheduled_unpublish_at(1_798_736_400),
        )
        .await
        .expect("created");
    h.finish().await;
}

#[tokio::test]
async fn list_resumes_from_a_saved_page() {
    let h = Harness::start().await;
    let last = last_page(&fixture("articles/listArticles"), "6871122");
    stub("GET", "/articles", &[("page", "2")])
        .respond_with(ok(last))
        .expect(1)
        .mount(&h.server)
        .await;
    let page = h
        .client
        .articles()
        .list()
        .starting_from(Cursor::Page(2))
        .await
        .expect("page 2");
    assert_eq!(page.page, Some(2));
    assert_eq!(page.items[0].id, "6871122");
    assert!(page.is_last());
    h.finish().await;
}

#[tokio::test]
async fn ids_are_one_encoded_path_segment() {
    let h = Harness::start().await;
    stub("GET", "/articles/68%2F71", &[])
        .respond_with(ok(fixture("articles/retrieveArticle")))
        .expect(1)
        .mount(&h.server)
        .await;
    h.client.articles().get("68/71").await.expect("article");
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Validation: refused before anything is sent
// ---------------------------------------------------------------------------

#[tokio::test]
async fn article_bodies_are_validated_before_sending() {
    let h = Harness::start().await;
    let a = h.client.articles();
    let create = |req: CreateArticle| a.create(req);
    let cases: Vec<(CreateArticle, &str)> = vec![
        (CreateArticle::new("  ", ADMIN_ID), "title"),
        (CreateArticle::new("T", -1), "author_id"),
        (
            CreateArticle::new("T", ADMIN_ID)
                .body("<p>x</p>")
                .body_markdown("x"),
            "body_markdown",
        ),
        (
            CreateArticle::new("T", ADMIN_ID).translation(
                "fr",
                ArticleTranslation::new("T")
                    .body("<p>x</p>")
                    .body_markdown("x"),
            ),
            "translated_content.fr.body_markdown",
        ),
        (
            CreateArticle::new("T", ADMIN_ID)
                .translation("fr", ArticleTranslation::new("T").author_id(-7)),
            "translated_content.fr.author_id",
        ),
        (
            CreateArticle::new("T", ADMIN_ID).translation("", ArticleTranslation::new("T")),
            "translated_content",
        ),
        (
            CreateArticle::new("T", ADMIN_ID).parent(ParentType::Collection, "billing"),
            "parent_id",
        ),
        (
            CreateArticle::new("T", ADMIN_ID).audience_ids(["1", "vip"]),
            "audience_ids",
        ),
        (
            CreateArticle::new("T", ADMIN_ID)
                .state(ArticleState::Draft)
                .scheduled_publish_at(1_798_707_600),
            "scheduled_publish_at",
        ),
        (
            CreateArticle::new("T", ADMIN_ID).scheduled_publish_at(-5),
            "scheduled_publish_at",
        ),
        (
            CreateArticle::new("T", ADMIN_ID).scheduled_unpublish_at(1_798_707_600),
            "scheduled_unpublish_at",
        ),
    ];
    for (req, field) in cases {
        let err = create(req).await.expect_err(field);
        assert_eq!(invalid_field(err), field);
    }

    let both = UpdateArticle::new()
        .scheduled_publish_at(1_798_707_600)
        .scheduled_unpublish_at(1_798_736_400);
    assert_eq!(
        invalid_field(a.update(ARTICLE, both).await.expect_err("two schedules")),
        "scheduled_unpublish_at"
    );
    assert_eq!(
        invalid_field(
            a.stage_draft(ARTICLE, UpdateArticle::new().title(""))
                .await
                .expect_err("empty title")
        ),
        "title"
    );
    assert_eq!(
        invalid_field(
            a.update(ARTICLE, UpdateArticle::new().author_id(-1))
                .await
                .expect_err("author")
        ),
        "author_id"
    );
    h.assert_no_requests().await;
}

#[tokio::test]
async fn article_ids_and_arguments_are_validated_before_sending() {
    let h = Harness::start().await;
    let a = h.client.articles();
    let field = |r: Result<(), Error>| invalid_field(r.expect_err("invalid"));
    assert_eq!(field(a.get("").await.map(drop)), "article_id");
    assert_eq!(field(a.get_draft(" ").await.map(drop)), "id");
    assert_eq!(field(a.delete("").await.map(drop)), "article_id");
    assert_eq!(
        field(a.update("", UpdateArticle::new()).await.map(drop)),
        "article_id"
    );
    assert_eq!(
        field(a.stage_draft("", UpdateArticle::new()).await.map(drop)),
        "id"
    );
    assert_eq!(field(a.publish_draft("", &[]).await.map(drop)), "id");
    assert_eq!(field(a.get_version(ARTICLE, "").await.map(drop)), "id");
    assert_eq!(
        field(a.get_version("", "301").await.map(drop)),
        "article_id"
    );
    assert_eq!(
        field(a.get_version(ARTICLE, "301").locale("").await.map(drop)),
        "locale"
    );
    assert_eq!(field(a.list_versions("").await.map(drop)), "article_id");
    assert_eq!(
        field(a.list_versions(ARTICLE).locale(" ").await.map(drop)),
        "locale"
    );
    assert_eq!(field(a.list().per_page(0).await.map(drop)), "per_page");
    assert_eq!(
        field(a.publish_draft(ARTICLE, &["en", ""]).await.map(drop)),
        "locales"
    );
    assert_eq!(
        field(
            a.search(ArticleSearch::phrase("x").help_center_id("main"))
                .await
                .map(drop)
        ),
        "help_center_id"
    );
    h.assert_no_requests().await;
}

#[tokio::test]
async fn help_center_arguments_are_validated_before_sending() {
    let h = Harness::start().await;
    let hc = h.client.help_center();
    let field = |r: Result<(), Error>| invalid_field(r.expect_err("invalid"));
    assert_eq!(
        field(
            hc.create_collection(CreateCollection::new(" "))
                .await
                .map(drop)
        ),
        "name"
    );
    assert_eq!(
        field(
            hc.create_collection(CreateCollection::new("Billing").help_center_id("main"))
                .await
                .map(drop)
        ),
        "help_center_id"
    );
    assert_eq!(
        field(
            hc.create_collection(
                CreateCollection::new("Billing").translation("fr", CollectionContent::new(""))
            )
            .await
            .map(drop)
        ),
        "translated_content.fr.name"
    );
    assert_eq!(
        field(
            hc.update_collection(COLLECTION, UpdateCollection::new().parent_id(""))
                .await
                .map(drop)
        ),
        "parent_id"
    );
    assert_eq!(
        field(
            hc.update_collection(COLLECTION, UpdateCollection::new().name(""))
                .await
                .map(drop)
        ),
        "name"
    );
    assert_eq!(
        field(hc.get_collection("").await.map(drop)),
        "collection_id"
    );
    assert_eq!(
        field(hc.delete_collection("").await.map(drop)),
        "collection_id"
    );
    assert_eq!(
        field(hc.get_help_center("").await.map(drop)),
        "help_center_id"
    );
    assert_eq!(
        field(hc.list_redirects("").await.map(drop)),
        "help_center_id"
    );
    assert_eq!(
        field(hc.list_redirects(HELP_CENTER).per_page(251).await.map(drop)),
        "per_page"
    );
    assert_eq!(
        field(hc.get_redirect(HELP_CENTER, "").await.map(drop)),
        "id"
    );
    assert_eq!(
        field(hc.delete_redirect("", REDIRECT).await.map(drop)),
        "help_center_id"
    );
    let redirect = |from: &str, locale: &str, target: RedirectTarget, id: &str| {
        hc.create_redirect(HELP_CENTER, CreateRedirect::new(from, locale, target, id))
    };
    let url = "https://help.example.com/en/old";
    assert_eq!(
        field(
            redirect("/en/old", "en", RedirectTarget::Article, ARTICLE)
                .await
                .map(drop)
        ),
        "from_url"
    );
    assert_eq!(
        field(
            redirect(
                "mailto:help@example.com",
                "en",
                RedirectTarget::Article,
                ARTICLE
            )
            .await
            .map(drop)
        ),
        "from_url"
    );
    assert_eq!(
        field(
            redirect(url, " ", RedirectTarget::Article, ARTICLE)
                .await
                .map(drop)
        ),
        "locale"
    );
    assert_eq!(
        field(
            redirect(url, "en", RedirectTarget::from("section"), ARTICLE)
                .await
                .map(drop)
        ),
        "target_type"
    );
    assert_eq!(
        field(
            redirect(url, "en", RedirectTarget::Collection, "")
                .await
                .map(drop)
        ),
        "target_id"
    );
    h.assert_no_requests().await;
}

// ---------------------------------------------------------------------------
// Typed errors
// ---------------------------------------------------------------------------

#[tokio::test]
async fn missing_article_is_not_found() {
    let h = Harness::start().await;
    stub("GET", "/articles/404404", &[])
        .respond_with(error_response(404, "not_found"))
        .expect(1)
        .mount(&h.server)
        .await;
    let err = h.client.articles().get("404404").await.expect_err("404");
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    assert_eq!(
        err.request_id(),
        Some("8f0c2b9e-3d4a-4e51-9a7b-1c2d3e4f5a6b")
    );
    h.finish().await;
}

#[tokio::test]
async fn staging_on_an_unpublished_article_is_refused() {
    let h = Harness::start().await;
    stub_json(
        "PUT",
        "/articles/6871120/draft",
        &[],
        json!({"title": "Exporting data"}),
    )
    .respond_with(api_error(
        422,
        "parameter_invalid",
        "Article must be published before a draft can be staged",
    ))
    .expect(1)
    .mount(&h.server)
    .await;
    let err = h
        .client
        .articles()
        .stage_draft("6871120", UpdateArticle::new().title("Exporting data"))
        .await
        .expect_err("422");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(422));
    assert_eq!(err.code(), Some(&ErrorCode::ParameterInvalid));
    assert!(!err.is_retryable());
    h.finish().await;
}

#[tokio::test]
async fn unknown_version_locale_is_a_bad_request() {
    let h = Harness::start().await;
    stub("GET", "/articles/6871119/versions", &[("locale", "tlh")])
        .respond_with(api_error(400, "parameter_invalid", "Unknown locale"))
        .expect(1)
        .mount(&h.server)
        .await;
    let err = h
        .client
        .articles()
        .list_versions(ARTICLE)
        .locale("tlh")
        .await
        .expect_err("400");
    assert_eq!(err.code(), Some(&ErrorCode::ParameterInvalid));
    assert_eq!(
        err.as_api().and_then(|e| e.message()),
        Some("Unknown locale")
    );
    h.finish().await;
}

#[tokio::test]
async fn duplicate_redirect_is_a_conflict_and_foreign_url_is_invalid() {
    let h = Harness::start().await;
    let body = |from: &str| json!({"from_url": from, "locale": "en", "target_type": "article", "target_id": ARTICLE});
    stub_json(
        "POST",
        "/help_center/help_centers/123/redirects",
        &[],
        body("https://help.example.com/en/old-faq"),
    )
    .respond_with(api_error(
        409,
        "resource_conflict",
        "A redirect with that URL already exists",
    ))
    .expect(1)
    .mount(&h.server)
    .await;
    stub_json(
        "POST",
        "/help_center/help_centers/123/redirects",
        &[],
        body("https://elsewhere.example.org/faq"),
    )
    .respond_with(api_error(
        422,
        "data_invalid",
        "from_url must be an absolute URL within this help center's URL space",
    ))
    .expect(1)
    .mount(&h.server)
    .await;

    let create = |from: &str| {
        h.client.help_center().create_redirect(
            HELP_CENTER,
            CreateRedirect::new(from, "en", RedirectTarget::Article, ARTICLE),
        )
    };
    let err = create("https://help.example.com/en/old-faq")
        .await
        .expect_err("409");
    assert!(err.is_conflict());
    assert_eq!(err.code().map(ErrorCode::as_str), Some("resource_conflict"));
    let err = create("https://elsewhere.example.org/faq")
        .await
        .expect_err("422");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(422));
    assert_eq!(err.code().map(ErrorCode::as_str), Some("data_invalid"));
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Fixtures and request bodies against the 2.16 spec
// ---------------------------------------------------------------------------

/// What `tests/fixtures_schema.rs` leaves to each family: the size of these
/// two, and that every one of their operations answers with JSON, so each
/// must have a fixture there (which is checked against its schema).
#[test]
fn every_operation_of_both_families_answers_with_json() {
    let Some(spec) = support::spec::load() else {
        return;
    };
    let ops = support::spec::operations(spec);
    for (family, expected) in [("Articles", 13), ("Help Center", 11)] {
        let ids: Vec<&str> = ops
            .iter()
            .filter(|o| o.family == family)
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(ids.len(), expected, "{family}: {ids:?}");
        let without_json: Vec<&str> = ops
            .iter()
            .filter(|o| o.family == family && support::spec::ok_schema(o).is_none())
            .map(|o| o.id.as_str())
            .collect();
        assert!(
            without_json.is_empty(),
            "{family}: no 200 application/json schema (so no fixture required): {without_json:?}"
        );
    }
}

/// Every request of the two families has the spec's method and path, and a
/// body that conforms to the operation's request schema (Prism does not
/// check bodies whose schema references `*_translated_content`, so this is
/// where those are checked), or no body when the operation takes none.
#[test]
fn sdk_requests_match_the_spec_operations() {
    let Some(spec) = support::spec::load() else {
        return;
    };
    // Requests are only built, never sent.
    let client = offline_client();
    let a = client.articles();
    let hc = client.help_center();
    let create = CreateArticle::new("Exporting your data", ADMIN_ID)
        .description("Download everything as CSV")
        .body("<p>Go to <b>Settings</b>.</p>")
        .state(ArticleState::Published)
        .parent(ParentType::Collection, COLLECTION)
        .audience_ids(["3", "7"])
        .ai_chatbot_availability(true)
        .ai_copilot_availability(true)
        .ai_sales_agent_availability(false)
        .scheduled_publish_at(1_798_707_600)
        .translation(
            "pt-BR",
            ArticleTranslation::new("Exportar seus dados")
                .description("Baixe tudo em CSV")
                .body_markdown("Vá em **Configurações**.")
                .author_id(991_267_502)
                .state(ArticleState::Published)
                .audience_ids(["3"])
                .ai_chatbot_availability(true)
                .ai_copilot_availability(false)
                .ai_sales_agent_availability(false),
        );
    let update = UpdateArticle::new()
        .title("Reset your password")
        .author_id(ADMIN_ID)
        .parent(ParentType::Section, "18")
        .audience_ids(Vec::<String>::new())
        .scheduled_unpublish_at(1_798_736_400);
    let requests = [
        built(a.create(create)),
        built(a.get(ARTICLE)),
        built(a.update(ARTICLE, update.clone())),
        built(a.update(ARTICLE, UpdateArticle::new().cancel_scheduled_unpublish())),
        built(a.delete(ARTICLE)),
        built(a.list().per_page(50).into_request()),
        built(a.search_with_highlights("x").into_request()),
        built(
            a.search(ArticleSearch::phrase("x").state(SearchState::Draft))
                .into_request(),
        ),
        built(a.get_draft(ARTICLE)),
        built(a.stage_draft(ARTICLE, update)),
        built(a.publish_draft(ARTICLE, &["en"])),
        // Publishing every locale sends no body: the spec's is optional.
        built(a.publish_draft(ARTICLE, &[])).body_optional(),
        built(a.list_versions(ARTICLE).locale("en").into_request()),
        built(a.get_version(ARTICLE, "301")),
        built(hc.list_collections().into_request()),
        built(
            hc.create_collection(
                CreateCollection::new("Billing")
                    .description("Invoices")
                    .parent_id("6871117")
                    .help_center_id(HELP_CENTER)
                    .translation(
                        "fr",
                        CollectionContent::new("Facturation").description("Factures"),
                    ),
            ),
        ),
        built(hc.get_collection(COLLECTION)),
        built(
            hc.update_collection(
                COLLECTION,
                UpdateCollection::new()
                    .name("Billing & plans")
                    .description("All about invoices")
                    .parent_id("6871117")
                    .translation("de", CollectionContent::new("Abrechnung")),
            ),
        ),
        built(hc.update_collection(COLLECTION, UpdateCollection::new().move_to_top_level())),
        built(hc.delete_collection(COLLECTION)),
        built(hc.get_help_center(HELP_CENTER)),
        built(hc.list_help_centers().into_request()),
        built(hc.list_redirects(HELP_CENTER).per_page(250).into_request()),
        built(hc.create_redirect(
            HELP_CENTER,
            CreateRedirect::new(
                "https://help.example.com/en/old",
                "en",
                RedirectTarget::Collection,
                COLLECTION,
            ),
        )),
        built(hc.get_redirect(HELP_CENTER, REDIRECT)),
        built(hc.delete_redirect(HELP_CENTER, REDIRECT)),
    ];
    let problems = check_requests(spec, &requests);
    let covered = operation_ids(&requests);
    assert_eq!(covered.len(), 22, "every operation is built at least once");
    assert!(
        problems.is_empty(),
        "{} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}
