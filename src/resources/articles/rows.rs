//! The articles endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::models::{Article, ArticleDeleted, ArticleSearchResults, ArticleVersion};
use super::requests::{
    ArticleSearch, CreateArticle, UpdateArticle, create_body, publish_body, search_query,
    update_body,
};
use crate::call::Call;
use crate::options::Locale;
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;
use crate::transport::Request;

const LIST: Paging = Paging::new(Scheme::PageNumber, "data");
const VERSIONS: Paging = Paging::new(Scheme::PageNumber, "data");
/// The matches are nested (`data.articles`, next to `data.highlights`);
/// `pages` counts pages as for the listing.
const SEARCH: Paging = Paging::new(Scheme::PageNumber, "data.articles");

endpoints! {
    /// The articles endpoints. Get one from [`Client::articles`](crate::Client::articles).
    family "articles" => Articles;

    /// Every article, most recently updated first, by page number.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let mut all = std::pin::pin!(client.articles().list().per_page(50).items());
    /// while let Some(article) = all.try_next().await? {
    ///     println!("{} {:?}", article.id, article.title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page` 0;
    /// API errors.
    "listArticles" GET "/articles"
    fn list() -> ListCall<Article> paged LIST;

    /// Create an article (a draft unless the state says published).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::articles::{ArticleTranslation, CreateArticle, ParentType};
    /// let article = client
    ///     .articles()
    ///     .create(
    ///         CreateArticle::new("Exporting your data", 991267)
    ///             .body_markdown("Go to **Settings > Export**.")
    ///             .parent(ParentType::Collection, "145")
    ///             .translation("fr", ArticleTranslation::new("Exporter vos données").body("<p>…</p>")),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty title, a negative author id, a non-numeric `parent_id` or
    /// audience id, both `body` and `body_markdown`, a scheduled publish on a
    /// draft, both schedules, or a scheduled unpublish of a draft;
    /// `400 parameter_not_found` when no author is given.
    "createArticle" POST "/articles"
    fn create(article: CreateArticle) -> Call<Article> = create_body;

    /// One article.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let article = client.articles().get("6871119").await?;
    /// let views = article.statistics.as_ref().and_then(|s| s.views);
    /// println!("{:?} {views:?}", article.title);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveArticle" GET "/articles/{article_id}"
    fn get(article_id) -> Call<Article>;

    /// Change the fields set in `update`. On a published article the change
    /// goes live at once (use [`stage_draft`](Self::stage_draft) to prepare
    /// it first).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::articles::UpdateArticle;
    /// client
    ///     .articles()
    ///     .update("6871119", UpdateArticle::new().description("Updated for 2026"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// the checks of [`create`](Self::create) (both schedules at once
    /// included); `404 not_found`.
    "updateArticle" PUT "/articles/{article_id}"
    fn update(article_id; update: UpdateArticle) -> Call<Article> = update_body;

    /// Delete an article.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.articles().delete("6871119").await?;
    /// assert!(gone.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "deleteArticle" DELETE "/articles/{article_id}"
    fn delete(article_id) -> Call<ArticleDeleted>;

    /// The article as its staged draft would make it; the live article is
    /// untouched.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let draft = client.articles().get_draft("6871119").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` when the article has no staged draft.
    "retrieveArticleDraft" GET "/articles/{id}/draft"
    fn get_draft(id) -> Call<Article>;

    /// Stage changes to a published article without making them live. Only
    /// versioned text (title, description, body) is staged; state and AI
    /// availability are ignored.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::articles::UpdateArticle;
    /// client
    ///     .articles()
    ///     .stage_draft("6871119", UpdateArticle::new().body("<p>New steps</p>"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) as for
    /// [`update`](Self::update); `422 parameter_invalid` when the article was
    /// never published.
    "stageArticleDraft" PUT "/articles/{id}/draft"
    fn stage_draft(id; update: UpdateArticle) -> Call<Article> = update_body;

    /// Make the staged draft live. On a single-language workspace pass no
    /// locales (no body is sent); on a multilingual one, name the locales to
    /// publish.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.articles().publish_draft("6871119", &["en", "fr"]).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// locale; `422` when there is no staged draft, a locale has no pending
    /// changes, or a multilingual workspace got no locales.
    "publishArticleDraft" POST "/articles/{id}/draft/publish"
    fn publish_draft(id; locales: &[&str]) -> Call<Article> = publish_body;

    /// The article's versions, newest first, without their bodies. Narrow to
    /// one locale with [`locale`](crate::ListCall#method.locale).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let versions = client
    ///     .articles()
    ///     .list_versions("6871119")
    ///     .locale("fr")
    ///     .collect_at_most(100)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// locale; `400 parameter_invalid` for a locale the workspace does not
    /// have; `404 not_found`.
    "listArticleVersions" GET "/articles/{article_id}/versions"
    fn list_versions(article_id) -> ListCall<ArticleVersion> paged VERSIONS [Locale];

    /// One version with its body, in the default language or the one given
    /// to [`locale`](crate::Call#method.locale).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let v = client.articles().get_version("6871119", "301").locale("en").await?;
    /// println!("{:?}", v.body);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// locale; `400 parameter_invalid` for an unknown locale; `404 not_found`.
    "retrieveArticleVersion" GET "/articles/{article_id}/versions/{id}"
    fn get_version(article_id, id) -> Call<ArticleVersion> [Locale];

    /// Articles matching a phrase, page by page. A `&str` is a search for
    /// that phrase. For the matching text highlighted, see
    /// [`search_with_highlights`](Self::search_with_highlights).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::articles::{ArticleSearch, SearchState};
    /// let first_page = client
    ///     .articles()
    ///     .search(ArticleSearch::phrase("password reset").state(SearchState::All))
    ///     .await?;
    /// println!("{:?} matches", first_page.total_count);
    /// let all = client.articles().search("billing").collect_at_most(200).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a non-numeric
    /// `help_center_id`.
    "searchArticles" GET "/articles/search"
    fn search(search: impl Into<ArticleSearch>) -> ListCall<Article> paged SEARCH = search_query;
}

impl<'c, C> Articles<'c, C> {
    /// `GET /articles/search` with `highlight=true`: one page of matching
    /// articles and, for each, its title and summary with the matching text
    /// marked. The highlights belong with the articles, so this is one
    /// [`ArticleSearchResults`] rather than a stream; ask for further pages
    /// with [`query("page", n)`](Call::query).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::articles::{ArticleSearch, SearchState};
    /// let found = client
    ///     .articles()
    ///     .search_with_highlights(ArticleSearch::phrase("password reset").state(SearchState::All))
    ///     .await?;
    /// for h in &found.highlights {
    ///     println!("{:?}: {:?}", h.article_id, h.highlighted_title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a non-numeric
    /// `help_center_id`.
    pub fn search_with_highlights(
        &self,
        search: impl Into<ArticleSearch>,
    ) -> Call<'c, C, ArticleSearchResults, ops::search> {
        let request = Request::for_operation(&ops::search::OPERATION, &[])
            .and_then(|r| search_query(r, search))
            .map(|r| r.query("highlight", true));
        Call::new(self.executor(), request)
    }
}
