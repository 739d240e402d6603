//! Content (2 operations): Knowledge Hub search and bulk actions.

use intercom_api::content::{
    AudienceChange, Availability, ContentBulkAction, ContentKind, ContentRef, ContentSearch,
    PublicationState, TagChange,
};

use crate::{check, prism};

#[tokio::test]
async fn bulk_actions() {
    let Some(c) = prism() else { return };
    let content = c.content();
    let queued = check(content.bulk_action(ContentBulkAction::publish([
        ContentRef::article_content("12345678"),
        ContentRef::article_content("12345679"),
    ])))
    .await;
    assert_eq!(queued.status.as_deref(), Some("queued"));
    check(content.bulk_action(ContentBulkAction::set_availability(
        [ContentRef::article_content("12345678")],
        Availability::new().ai_agent(true).copilot(false),
    )))
    .await;
    check(
        content.bulk_action(ContentBulkAction::set_audience(
            [ContentRef::article_content("12345678")],
            AudienceChange::new()
                .add_segments([100])
                .remove_segments([200]),
        )),
    )
    .await;
    check(content.bulk_action(ContentBulkAction::update_tags(
        [ContentRef::article("12345678")],
        TagChange::new().add_tags([100]).remove_tags([200]),
    )))
    .await;
}

#[tokio::test]
async fn search() {
    let Some(c) = prism() else { return };
    let page = check(
        c.content().search(
            ContentSearch::new()
                .query("billing")
                .states([PublicationState::Published, PublicationState::Draft])
                .content_types([ContentKind::Article, ContentKind::ContentSnippet]),
        ),
    )
    .await;
    assert!(!page.items.is_empty());
}
