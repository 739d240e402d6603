//! Articles (11 operations; tagging an article is in tags) and Help Center (11 operations).

use intercom_api::articles::{
    ArticleSearch, ArticleState, ArticleTranslation, CreateArticle, ParentType, SearchState,
    UpdateArticle,
};
use intercom_api::help_center::{
    CollectionContent, CreateCollection, CreateRedirect, RedirectTarget, UpdateCollection,
};

use crate::{check, prism};

/// Article, collection and help center ids are integers in the spec's paths.
const ARTICLE: &str = "6871119";
const COLLECTION: &str = "6871118";
const HELP_CENTER: &str = "123";

#[tokio::test]
async fn create_article() {
    let Some(c) = prism() else { return };
    let req = CreateArticle::new("Resetting your password", 991_267_497)
        .description("Three steps to a new password")
        .body("<p>Open <b>Settings</b>, then <b>Security</b>.</p>")
        .state(ArticleState::Published)
        .parent(ParentType::Collection, "145")
        .audience_ids(["1", "2"])
        .ai_chatbot_availability(true)
        .translation(
            "fr",
            ArticleTranslation::new("Réinitialiser votre mot de passe")
                .body("<p>Ouvrez les réglages.</p>")
                .author_id(991_267_497)
                .state(ArticleState::Published),
        );
    let article = check(c.articles().create(req)).await;
    assert!(!article.id.is_empty());
}

#[tokio::test]
async fn create_scheduled_article() {
    let Some(c) = prism() else { return };
    let req = CreateArticle::new("Holiday opening hours", 991_267_497)
        .body_markdown("# Opening hours\n\nWe are closed on **25 December**.")
        .state(ArticleState::Published)
        .scheduled_publish_at(1_798_707_600);
    check(c.articles().create(req)).await;
}

#[tokio::test]
async fn retrieve_update_delete_article() {
    let Some(c) = prism() else { return };
    check(c.articles().get(ARTICLE)).await;
    let update = UpdateArticle::new()
        .title("Reset your password")
        .author_id(991_267_497)
        .parent(ParentType::Section, "18")
        .ai_copilot_availability(false)
        .cancel_scheduled_publish();
    check(c.articles().update(ARTICLE, update)).await;
    check(c.articles().delete(ARTICLE)).await;
}

#[tokio::test]
async fn list_articles() {
    let Some(c) = prism() else { return };
    check(c.articles().list().per_page(25)).await;
}

#[tokio::test]
async fn search_articles() {
    let Some(c) = prism() else { return };
    let search = ArticleSearch::phrase("password")
        .state(SearchState::All)
        .help_center_id(HELP_CENTER);
    check(c.articles().search(search.clone())).await;
    check(c.articles().search_with_highlights(search)).await;
}

#[tokio::test]
async fn drafts() {
    let Some(c) = prism() else { return };
    check(c.articles().get_draft(ARTICLE)).await;
    let staged = UpdateArticle::new()
        .title("Reset your password (2026)")
        .body("<p>New steps</p>");
    check(c.articles().stage_draft(ARTICLE, staged)).await;
    check(c.articles().publish_draft(ARTICLE, &["en", "fr"])).await;
    check(c.articles().publish_draft(ARTICLE, &[])).await;
}

#[tokio::test]
async fn article_versions() {
    let Some(c) = prism() else { return };
    check(
        c.articles()
            .list_versions(ARTICLE)
            .locale("en")
            .per_page(25),
    )
    .await;
    check(c.articles().get_version(ARTICLE, "301").locale("en")).await;
}

#[tokio::test]
async fn collections() {
    let Some(c) = prism() else { return };
    check(c.help_center().list_collections().per_page(20)).await;
    let create = CreateCollection::new("Billing")
        .description("Invoices, plans and payment methods")
        .parent_id("6871117")
        .help_center_id(HELP_CENTER)
        .translation(
            "fr",
            CollectionContent::new("Facturation").description("Factures et paiements"),
        );
    check(c.help_center().create_collection(create)).await;
    check(c.help_center().get_collection(COLLECTION)).await;
    let update = UpdateCollection::new()
        .name("Billing & plans")
        .move_to_top_level();
    check(c.help_center().update_collection(COLLECTION, update)).await;
    check(c.help_center().delete_collection(COLLECTION)).await;
}

#[tokio::test]
async fn help_centers() {
    let Some(c) = prism() else { return };
    check(c.help_center().get_help_center(HELP_CENTER)).await;
    check(c.help_center().list_help_centers()).await;
}

#[tokio::test]
async fn redirects() {
    let Some(c) = prism() else { return };
    check(c.help_center().list_redirects(HELP_CENTER).per_page(250)).await;
    let create = CreateRedirect::new(
        "https://help.example.com/en/old-faq",
        "en",
        RedirectTarget::Article,
        ARTICLE,
    );
    check(c.help_center().create_redirect(HELP_CENTER, create)).await;
    check(c.help_center().get_redirect(HELP_CENTER, "42")).await;
    check(c.help_center().delete_redirect(HELP_CENTER, "42")).await;
}
