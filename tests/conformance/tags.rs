//! Tags (14 operations).

use intercom_api::Error;
use intercom_api::tags::CompanyRef;

use crate::{KNOWN_DEFECTS, conforms, prism};

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

/// Like [`still_a_known_defect`](crate::still_a_known_defect), for a request
/// Prism refuses with the operation's declared `400` (it uses that instead
/// of `422` when the operation has one).
#[track_caller]
fn still_refused_by_the_one_of<T: std::fmt::Debug>(result: Result<T, Error>) {
    assert!(
        KNOWN_DEFECTS.iter().any(|(op, _)| *op == "createTag"),
        "createTag is not listed in KNOWN_DEFECTS"
    );
    match result {
        Err(e) if e.status().map(|s| s.as_u16()) == Some(400) => {}
        other => panic!(
            "createTag is listed as a known spec defect but Prism did not refuse it \
             (the spec may be fixed: use `conforms` again): {other:?}"
        ),
    }
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
    still_refused_by_the_one_of(
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
    still_refused_by_the_one_of(
        c.tags()
            .untag_companies("Enterprise", [CompanyRef::company_id("acme-42")])
            .await,
    );
    still_refused_by_the_one_of(
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
