//! Tags (14 operations), and tagging articles (2 Articles operations).

use intercom_api::tags::CompanyRef;

use crate::{conforms, prism, still_a_known_defect};

const TAG: &str = "7522907";
const ADMIN: &str = "991267";

#[tokio::test]
async fn list_and_find_tags() {
    let Some(c) = prism() else { return };
    let tags = conforms("listTags", c.tags().list().await);
    assert!(tags.iter().all(|t| !t.id.is_empty()));
    let tag = conforms("findTag", c.tags().get(TAG).await);
    assert!(!tag.id.is_empty());
}

#[tokio::test]
async fn create_and_rename_tag() {
    let Some(c) = prism() else { return };
    let tag = conforms("createTag", c.tags().create("Enterprise").await);
    assert!(!tag.id.is_empty());
    conforms("createTag", c.tags().rename(TAG, "Enterprise (EMEA)").await);
}

/// The body forms the spec's `oneOf` cannot tell apart (see `KNOWN_DEFECTS`).
#[tokio::test]
async fn tag_companies_and_users() {
    let Some(c) = prism() else { return };
    still_a_known_defect(
        "createTag",
        c.tags()
            .tag_companies(
                "Enterprise",
                [
                    CompanyRef::id("531ee472cce572a6ec000006"),
                    CompanyRef::company_id("acme-42"),
                ],
            )
            .await,
    );
    still_a_known_defect(
        "createTag",
        c.tags()
            .untag_companies("Enterprise", [CompanyRef::company_id("acme-42")])
            .await,
    );
    still_a_known_defect(
        "createTag",
        c.tags()
            .tag_users(
                "Beta",
                ["6762f0d01bb69f9f2193bb7d", "6762f0d01bb69f9f2193bb7e"],
            )
            .await,
    );
}

#[tokio::test]
async fn delete_tag() {
    let Some(c) = prism() else { return };
    conforms("deleteTag", c.tags().delete(TAG).await);
}

#[tokio::test]
async fn tag_and_untag_a_contact() {
    let Some(c) = prism() else { return };
    let contact = "6762f0dd1bb69f9f2193bb83";
    conforms(
        "attachTagToContact",
        c.tags().tag_contact(contact, TAG).await,
    );
    conforms(
        "detachTagFromContact",
        c.tags().untag_contact(contact, TAG).await,
    );
}

#[tokio::test]
async fn tag_and_untag_a_conversation() {
    let Some(c) = prism() else { return };
    conforms(
        "attachTagToConversation",
        c.tags().tag_conversation("147", TAG, ADMIN).await,
    );
    conforms(
        "detachTagFromConversation",
        c.tags().untag_conversation("147", TAG, ADMIN).await,
    );
}

#[tokio::test]
async fn tag_and_untag_a_ticket() {
    let Some(c) = prism() else { return };
    conforms(
        "attachTagToTicket",
        c.tags().tag_ticket("2207", TAG, ADMIN).await,
    );
    conforms(
        "detachTagFromTicket",
        c.tags().untag_ticket("2207", TAG, ADMIN).await,
    );
}

#[tokio::test]
async fn tag_and_untag_an_internal_article() {
    let Some(c) = prism() else { return };
    conforms(
        "attachTagToInternalArticle",
        c.tags()
            .tag_internal_article("6871119", TAG, Some(ADMIN))
            .await,
    );
    conforms(
        "attachTagToInternalArticle",
        c.tags().tag_internal_article("6871119", TAG, None).await,
    );
    conforms(
        "detachTagFromInternalArticle",
        c.tags().untag_internal_article("6871119", TAG).await,
    );
}

#[tokio::test]
async fn tag_and_untag_a_content_snippet() {
    let Some(c) = prism() else { return };
    conforms(
        "attachTagToContentSnippet",
        c.tags().tag_content_snippet("123", TAG, Some(ADMIN)).await,
    );
    conforms(
        "attachTagToContentSnippet",
        c.tags().tag_content_snippet("123", TAG, None).await,
    );
    conforms(
        "detachTagFromContentSnippet",
        c.tags().untag_content_snippet("123", TAG).await,
    );
}

#[tokio::test]
async fn tag_and_untag_an_article() {
    let Some(c) = prism() else { return };
    conforms(
        "attachTagToArticle",
        c.tags().tag_article("6871119", TAG, Some(ADMIN)).await,
    );
    conforms(
        "attachTagToArticle",
        c.tags().tag_article("6871119", TAG, None).await,
    );
    conforms(
        "detachTagFromArticle",
        c.tags().untag_article("6871119", TAG).await,
    );
}
