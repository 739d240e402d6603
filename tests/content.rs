//! Replay tests for the 2 Content operations of Intercom API 2.16: search
//! across the Knowledge Hub and bulk actions.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub
//! with the exact JSON body or none, answered with
//! `fixtures/content/<operationId>.json`, and a catch-all that must not be
//! hit) and checks the decoded values; the search also streams across two
//! pages. A replay test is named after the SDK method it covers and carries
//! the spec's operationId on the line directly above its `#[tokio::test]`
//! (see `tests/coverage.rs`).

mod support;

use intercom_api::Cursor;
use intercom_api::content::{
    AudienceChange, Availability, ContentBulkAction, ContentKind, ContentRef, ContentSearch,
    PublicationState, TagChange, TagOperator,
};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, fixture, invalid_field, ok, spec, stub};

// operationId: bulkContentActions
#[tokio::test]
async fn bulk_action() {
    let h = Harness::start().await;
    let queued = h
        .replay(
            expect("POST /content/bulk_actions").json(json!({
                "action": "set_availability",
                "content_ids": [
                    {"type": "internal_article", "id": "7214001"},
                    {"type": "external_content", "id": "88204"}
                ],
                "availability": {"ai_agent": false, "copilot": true}
            })),
            h.client
                .content()
                .bulk_action(ContentBulkAction::set_availability(
                    [
                        ContentRef::internal_article("7214001"),
                        ContentRef::external_content("88204"),
                    ],
                    Availability::new().ai_agent(false).copilot(true),
                )),
        )
        .await;

    assert_eq!(queued.kind.as_deref(), Some("content_bulk_action"));
    assert_eq!(queued.status.as_deref(), Some("queued"));
}

// operationId: searchContent
#[tokio::test]
async fn search() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /content/search").query(&[
                ("query", "refund"),
                ("states", "published,draft"),
                (
                    "content_types",
                    "article,snippet,internal_article,external_content,file_source_content",
                ),
                ("tag_ids", "31,32"),
                ("tag_operator", "NIN"),
                ("fin_service_state", "on"),
                ("updated_at_after", "1767225600"),
                ("per_page", "5"),
            ]),
            h.client
                .content()
                .search(
                    ContentSearch::new()
                        .query("refund")
                        .states([PublicationState::Published, PublicationState::Draft])
                        .content_types([
                            ContentKind::Article,
                            ContentKind::ContentSnippet,
                            ContentKind::InternalArticle,
                            ContentKind::ExternalContent,
                            ContentKind::FileSourceContent,
                        ])
                        .tag_ids([31, 32], TagOperator::Nin)
                        .fin_service(true)
                        .updated_at_after(1_767_225_600),
                )
                .per_page(5),
        )
        .await;

    assert_eq!(page.items.len(), 5);
    let article = &page.items[0];
    assert_eq!(article.kind, ContentKind::Article);
    assert_eq!(article.id.as_deref(), Some("9120345"));
    assert_eq!(article.contents.len(), 2);
    assert_eq!(article.contents[1].locale.as_deref(), Some("fr"));
    assert_eq!(article.contents[1].id.as_deref(), Some("9120402"));
    let kinds: Vec<_> = page.items.iter().map(|h| h.kind.clone()).collect();
    assert_eq!(
        kinds[1..],
        [
            ContentKind::InternalArticle,
            ContentKind::ContentSnippet,
            ContentKind::ExternalContent,
            ContentKind::FileSourceContent
        ]
    );
    assert!(page.items[1].contents.is_empty());
    assert_eq!(page.total_count, Some(6));
    assert_eq!(page.next_cursor(), Some(&Cursor::Page(2)));
}

#[tokio::test]
async fn search_streams_every_page() {
    let h = Harness::start().await;
    stub(
        "GET",
        "/content/search",
        &[("query", "refund"), ("per_page", "5")],
    )
    .respond_with(ok(fixture("content/searchContent")))
    .expect(1)
    .mount(&h.server)
    .await;
    stub(
        "GET",
        "/content/search",
        &[("query", "refund"), ("per_page", "5"), ("page", "2")],
    )
    .respond_with(ok(fixture("content/searchContent.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let all = h
        .client
        .content()
        .search("refund")
        .per_page(5)
        .collect_at_most(20)
        .await
        .expect("every page");
    assert_eq!(all.len(), 6);
    assert_eq!(all[5].id.as_deref(), Some("7214005"));
    h.finish().await;
}

#[tokio::test]
async fn refuses_what_intercom_would_refuse_before_sending() {
    let h = Harness::start().await;
    let content = h.client.content();
    let snippet = || ContentRef::content_snippet("30551");
    let cases = [
        (ContentBulkAction::delete([]), "content_ids"),
        (
            ContentBulkAction::delete(
                (0..1001).map(|i| ContentRef::content_snippet(i.to_string())),
            ),
            "content_ids",
        ),
        (
            ContentBulkAction::publish([ContentRef::internal_article("1")]),
            "content_ids[0].type",
        ),
        (
            ContentBulkAction::delete([ContentRef::external_content("1")]),
            "content_ids[0].type",
        ),
        (
            ContentBulkAction::update_tags(
                [ContentRef::article_content("1")],
                TagChange::new().add_tags([1]),
            ),
            "content_ids[0].type",
        ),
        (
            ContentBulkAction::delete([ContentRef::content_snippet(" ")]),
            "content_ids[0].id",
        ),
        (
            ContentBulkAction::set_availability([snippet()], Availability::new()),
            "availability",
        ),
        (
            ContentBulkAction::set_audience([snippet()], AudienceChange::new()),
            "audience",
        ),
        (
            ContentBulkAction::set_audience([snippet()], AudienceChange::new().add_segments([0])),
            "audience.add_segment_ids",
        ),
        (
            ContentBulkAction::update_tags([snippet()], TagChange::new()),
            "tags",
        ),
        (
            ContentBulkAction::update_tags(
                [snippet()],
                TagChange::new().add_tags(1..=70).remove_tags(71..=101),
            ),
            "tags",
        ),
    ];
    for (action, field) in cases {
        let err = content
            .bulk_action(action.clone())
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), field, "{:?}", action.action());
    }
    let searches = [
        (ContentSearch::new().query(" "), "query"),
        (ContentSearch::new().query("x".repeat(501)), "query"),
        (ContentSearch::new().states([]), "states"),
        (ContentSearch::new().any_tag_ids([-1]), "any_tag_ids"),
        (
            ContentSearch::new().created_at_before(-5),
            "created_at_before",
        ),
        (
            ContentSearch::new()
                .updated_at_after(20)
                .updated_at_before(10),
            "updated_at_after",
        ),
    ];
    for (search, field) in searches {
        let err = content.search(search.clone()).await.expect_err("refused");
        assert_eq!(invalid_field(err), field, "{search:?}");
    }
    let err = content
        .search("billing")
        .per_page(51)
        .await
        .expect_err("per_page");
    assert_eq!(invalid_field(err), "per_page");
    h.assert_no_requests().await;
}

#[test]
fn the_search_is_paged_and_the_bulk_action_not_retried() {
    for op in intercom_api::content::ops::ALL {
        assert_eq!(op.idempotent, op.method == "GET", "{}", op.id);
        assert_eq!(op.paged, op.method == "GET", "{}", op.id);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.content();
    let items = || {
        [
            ContentRef::article_content("12345678"),
            ContentRef::internal_article("12345679"),
        ]
    };
    let requests = [
        built(
            c.bulk_action(ContentBulkAction::publish([ContentRef::article_content(
                "1",
            )])),
        ),
        built(
            c.bulk_action(ContentBulkAction::unpublish([ContentRef::article_content(
                "1",
            )])),
        ),
        built(c.bulk_action(ContentBulkAction::delete(items()))),
        built(
            c.bulk_action(ContentBulkAction::set_availability(
                items(),
                Availability::new()
                    .ai_agent(true)
                    .copilot(false)
                    .sales_agent(true),
            )),
        ),
        built(
            c.bulk_action(ContentBulkAction::set_audience(
                items(),
                AudienceChange::new()
                    .add_segments([100])
                    .remove_segments([200])
                    .remove_all(),
            )),
        ),
        built(c.bulk_action(ContentBulkAction::update_tags(
            [
                ContentRef::article("1"),
                ContentRef::file_source_content("2"),
            ],
            TagChange::new().add_tags([100]).remove_tags([200]),
        ))),
        built(
            c.search(
                ContentSearch::new()
                    .query("billing")
                    .locales(["en", "fr"])
                    .any_tag_ids([1, 2])
                    .tag_ids([3], TagOperator::In)
                    .folder_ids([10, 20])
                    .copilot(false)
                    .fin_sales(true)
                    .created_by_ids([991_267_464])
                    .last_updated_by_ids([991_267_465])
                    .created_at_after(1_677_253_093)
                    .created_at_before(1_677_861_493)
                    .updated_at_before(1_677_861_493),
            )
            .into_request(),
        ),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Content"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

/// The fake searches and bulk-edits what it stores: internal articles and
/// external pages.
#[tokio::test]
async fn the_fake_searches_and_bulk_edits_stored_content() {
    use intercom_api::internal_articles::NewInternalArticle;
    let fake = intercom_api::mock::FakeIntercom::start().await;
    let client = fake.client().expect("client");
    let kb = client.internal_articles();
    let sop = kb
        .create(NewInternalArticle::new("Refund SOP", 1, 1).body("<p>30 days</p>"))
        .await
        .expect("create");
    kb.create(NewInternalArticle::new("Escalations", 1, 1))
        .await
        .expect("create");
    let hits = client
        .content()
        .search(ContentSearch::new().query("refund"))
        .await
        .expect("search");
    assert_eq!(hits.items.len(), 1);
    assert_eq!(hits.items[0].kind, ContentKind::InternalArticle);
    assert_eq!(hits.items[0].id.as_deref(), Some(sop.id.as_str()));
    client
        .content()
        .bulk_action(ContentBulkAction::set_availability(
            [ContentRef::internal_article(&sop.id)],
            Availability::new().copilot(true),
        ))
        .await
        .expect("queued");
    assert_eq!(
        kb.get(&sop.id).await.expect("get").ai_copilot_availability,
        Some(true)
    );
    client
        .content()
        .bulk_action(ContentBulkAction::delete([ContentRef::internal_article(
            &sop.id,
        )]))
        .await
        .expect("queued");
    assert_eq!(
        kb.get(&sop.id)
            .await
            .expect_err("deleted")
            .status()
            .map(|s| s.as_u16()),
        Some(404)
    );
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_has_the_content_handle() {
    let h = support::BlockingHarness::start();
    h.mount(
        support::stub("GET", "/content/search", &[("query", "refund")])
            .respond_with(support::ok(support::fixture("content/searchContent")))
            .expect(1),
    );
    let client = &h.client;
    let page = client.content().search("refund").send().expect("sent");
    assert_eq!(page.items.len(), 5);
}
