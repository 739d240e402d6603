//! The news endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::requests::{NewsItemRequest, news_item_body};
use super::{NewsItem, NewsItemDeleted, Newsfeed};
use crate::models::List;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The news endpoints. Get one from [`Client::news`](crate::Client::news).
    family "news" => News;

    /// Every news item of the workspace, drafts included, in one list.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::news::NewsItemState;
    /// let items = client.news().list_items().await?;
    /// let drafts = items.iter().filter(|i| i.state == Some(NewsItemState::Draft)).count();
    /// println!("{drafts} drafts of {}", items.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401` for a token Intercom refuses.
    "listNewsItems" GET "/news/news_items"
    fn list_items() -> Call<List<NewsItem>>;

    /// Create a news item (a draft unless the request says
    /// [`Live`](super::NewsItemState::Live)). Not retried: a retry could
    /// publish it twice.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::news::NewsItemRequest;
    /// let item = client
    ///     .news()
    ///     .create_item(
    ///         NewsItemRequest::new("Spring release", 991_267)
    ///             .body("<p>Dark mode is here.</p>")
    ///             .labels(["Product"])
    ///             .reactions(["🎉", "👍"])
    ///             .newsfeed(53, None),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty title or label, a `sender_id` or newsfeed id that is not
    /// positive, or a negative `published_at`; `401`; what Intercom refuses
    /// (a sender who is not a teammate).
    "createNewsItem" POST "/news/news_items"
    fn create_item(item: NewsItemRequest) -> Call<NewsItem> = news_item_body;

    /// One news item.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let item = client.news().get_item("29").await?;
    /// println!("{:?} {:?}", item.title, item.state);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown id.
    "retrieveNewsItem" GET "/news/news_items/{news_item_id}"
    fn get_item(#[numeric] news_item_id) -> Call<NewsItem>;

    /// Replace a news item: the whole body is sent, title and sender
    /// included, as on creation.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::news::{NewsItemRequest, NewsItemState};
    /// client
    ///     .news()
    ///     .update_item(
    ///         "29",
    ///         NewsItemRequest::new("Spring release", 991_267)
    ///             .body("<p>Dark mode and PDF invoices are here.</p>")
    ///             .state(NewsItemState::Live),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending, as
    /// for [`create_item`](Self::create_item); `404 not_found`.
    "updateNewsItem" PUT "/news/news_items/{news_item_id}"
    fn update_item(#[numeric] news_item_id; item: NewsItemRequest) -> Call<NewsItem> = news_item_body;

    /// Delete a news item.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.news().delete_item("29").await?;
    /// assert_eq!(gone.deleted, Some(true));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown (or already deleted) id.
    "deleteNewsItem" DELETE "/news/news_items/{news_item_id}"
    fn delete_item(#[numeric] news_item_id) -> Call<NewsItemDeleted>;

    /// The live news items of one newsfeed, as the Messenger shows them.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for item in client.news().list_live_items("53").await? {
    ///     println!("{:?}", item.title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401`; `404 not_found` for an unknown newsfeed.
    "listLiveNewsfeedItems" GET "/news/newsfeeds/{newsfeed_id}/items"
    fn list_live_items(newsfeed_id) -> Call<List<NewsItem>>;

    /// Every newsfeed of the workspace.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for feed in client.news().list_newsfeeds().await? {
    ///     println!("{} {:?}", feed.id, feed.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401` for a token Intercom refuses.
    "listNewsfeeds" GET "/news/newsfeeds"
    fn list_newsfeeds() -> Call<List<Newsfeed>>;

    /// One newsfeed.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let feed = client.news().get_newsfeed("53").await?;
    /// println!("{:?}", feed.name);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown newsfeed.
    "retrieveNewsfeed" GET "/news/newsfeeds/{newsfeed_id}"
    fn get_newsfeed(newsfeed_id) -> Call<Newsfeed>;
}
