//! The content endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::models::{ContentBulkActionQueued, ContentSearchHit};
use super::requests::{ContentBulkAction, ContentSearch, bulk_body, search_query};
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

/// Most search results per page.
pub const MAX_PER_PAGE: u32 = 50;

const SEARCH: Paging = Paging::new(Scheme::PageNumber, "data").max_per_page(MAX_PER_PAGE);

endpoints! {
    /// The content endpoints. Get one from
    /// [`Client::content`](crate::Client::content).
    family "content" => Content;

    /// Queue one action over up to 1,000 Knowledge Hub items (`202`): the
    /// answer says only that the work is queued. Needs the
    /// `write_content` scope.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::content::{ContentBulkAction, ContentRef, TagChange};
    /// let content = client.content();
    /// content
    ///     .bulk_action(ContentBulkAction::publish([
    ///         ContentRef::article_content("12345678"),
    ///         ContentRef::article_content("12345679"),
    ///     ]))
    ///     .await?;
    /// content
    ///     .bulk_action(ContentBulkAction::update_tags(
    ///         [ContentRef::article("345"), ContentRef::internal_article("12")],
    ///         TagChange::new().add_tags([100]).remove_tags([200]),
    ///     ))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// no items or more than 1,000, an item of a kind the action does not
    /// apply to (Intercom would drop it silently), an empty id, an
    /// availability or audience change that changes nothing, no tags or
    /// more than 100 distinct tags, or an id that is not positive; `403`
    /// without the `write_content` scope; `422`.
    "bulkContentActions" POST "/content/bulk_actions"
    fn bulk_action(action: ContentBulkAction) -> Call<ContentBulkActionQueued> = bulk_body;

    /// Search every kind of Knowledge Hub content by keywords and filters,
    /// paged by page number (10 per page unless
    /// [`per_page`](crate::ListCall::per_page) says otherwise, at most 50).
    /// A string is a keyword search. Needs the `read_content` scope.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::content::{ContentKind, ContentSearch, PublicationState};
    /// let page = client
    ///     .content()
    ///     .search(
    ///         ContentSearch::new()
    ///             .query("billing")
    ///             .states([PublicationState::Published])
    ///             .content_types([ContentKind::Article, ContentKind::ContentSnippet])
    ///             .fin_service(true),
    ///     )
    ///     .per_page(50)
    ///     .await?;
    /// for hit in page.items {
    ///     println!("{} {:?} {:?}", hit.kind, hit.id, hit.title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a blank query or one over 500 characters, an empty filter list, a
    /// tag, folder or admin id that is not numeric, a negative time or an
    /// `after` later than its `before`, `per_page` outside 1..=50; `422`.
    "searchContent" GET "/content/search"
    fn search(search: impl Into<ContentSearch>) -> ListCall<ContentSearchHit> paged SEARCH = search_query;
}
