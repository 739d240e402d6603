//! The internal articles endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::{
    InternalArticle, InternalArticleDeleted, InternalArticleSearch, NewInternalArticle,
    UpdateInternalArticle, create_body, search_query, update_body,
};
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

const LIST: Paging = Paging::new(Scheme::PageNumber, "data");
/// The matches are nested (`data.internal_articles`); `pages` counts pages
/// as for the listing.
const SEARCH: Paging = Paging::new(Scheme::PageNumber, "data.internal_articles");

endpoints! {
    /// The internal articles endpoints. Get one from
    /// [`Client::internal_articles`](crate::Client::internal_articles).
    family "internal_articles" => InternalArticles;

    /// Every internal article, paged by page number.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let mut all = std::pin::pin!(client.internal_articles().list().items());
    /// while let Some(article) = all.try_next().await? {
    ///     println!("{} {:?}", article.id, article.title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; API errors.
    "listInternalArticles" GET "/internal_articles"
    fn list() -> ListCall<InternalArticle> paged LIST;

    /// Create an internal article: a title, its owner and author (admin
    /// ids), and a body in HTML or in Markdown.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::internal_articles::NewInternalArticle;
    /// let sop = client
    ///     .internal_articles()
    ///     .create(
    ///         NewInternalArticle::new("Refund SOP", 991_266_252, 991_266_252)
    ///             .body("<p>Up to 30 days, no questions asked.</p>")
    ///             .ai_chatbot_availability(true),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a blank title, both `body` and `body_markdown`, or an admin or
    /// audience id that is not positive; `400 parameter_not_found`; `404`
    /// for an unknown audience.
    "createInternalArticle" POST "/internal_articles"
    fn create(article: NewInternalArticle) -> Call<InternalArticle> = create_body;

    /// One internal article.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let sop = client.internal_articles().get("6871119").await?;
    /// println!("{}", sop.body.unwrap_or_default());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveInternalArticle" GET "/internal_articles/{internal_article_id}"
    fn get(#[numeric] internal_article_id) -> Call<InternalArticle>;

    /// Change the fields set in `update`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::internal_articles::UpdateInternalArticle;
    /// client
    ///     .internal_articles()
    ///     .update("6871119", UpdateInternalArticle::new().title("Refund SOP (2026)").audience_ids([]))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending, as
    /// for [`create`](Self::create); `404 not_found`.
    "updateInternalArticle" PUT "/internal_articles/{internal_article_id}"
    fn update(#[numeric] internal_article_id; update: UpdateInternalArticle)
        -> Call<InternalArticle> = update_body;

    /// Delete an internal article.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.internal_articles().delete("6871119").await?;
    /// assert!(gone.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "deleteInternalArticle" DELETE "/internal_articles/{internal_article_id}"
    fn delete(#[numeric] internal_article_id) -> Call<InternalArticleDeleted>;

    /// The internal articles, all of them or those of one folder, paged by
    /// page number.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::internal_articles::InternalArticleSearch;
    /// let billing = client
    ///     .internal_articles()
    ///     .search(InternalArticleSearch::new().folder_id("123"))
    ///     .collect_at_most(500)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a `folder_id` that is not numeric; `401 unauthorized`.
    "searchInternalArticles" GET "/internal_articles/search"
    fn search(search: InternalArticleSearch) -> ListCall<InternalArticle> paged SEARCH = search_query;
}
