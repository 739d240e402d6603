//! The content snippets endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::ContentSnippet;
use super::requests::{NewContentSnippet, UpdateContentSnippet, create_body, update_body};
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

/// Most content snippets per page.
pub const MAX_PER_PAGE: u32 = 50;

/// Page numbers at the top level of the answer, not in `pages`.
const LIST: Paging = Paging::new(Scheme::PageNumber, "data").max_per_page(MAX_PER_PAGE);

endpoints! {
    /// The content snippets endpoints. Get one from
    /// [`Client::content_snippets`](crate::Client::content_snippets).
    family "content_snippets" => ContentSnippets;

    /// The workspace's content snippets, in numbered pages of at most 50:
    /// await it for the first page, or stream every snippet with `.items()`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let snippets: Vec<_> = client.content_snippets().list().items().try_collect().await?;
    /// for s in &snippets {
    ///     println!("{} {:?}", s.id, s.title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// `per_page` outside 1..=50; `401`.
    "listContentSnippets" GET "/content_snippets"
    fn list() -> ListCall<ContentSnippet> paged LIST;

    /// Create a content snippet. Not retried: a retry could create it twice.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::content_snippets::NewContentSnippet;
    /// use serde_json::json;
    /// let snippet = client
    ///     .content_snippets()
    ///     .create(
    ///         NewContentSnippet::blocks(
    ///             "Shipping to Canada",
    ///             vec![json!({"type": "paragraph", "text": "We ship to Canada in 5 to 7 days."})],
    ///         )
    ///         .locale("en")
    ///         .audience_ids([12])
    ///         .ai_chatbot(true),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty title or one over 255 characters, both or neither of
    /// Markdown and JSON blocks, a block that is not an object, or an
    /// audience id that is not positive; `404` for an unknown audience (and
    /// nothing is created); `422` for what else Intercom refuses.
    "createContentSnippet" POST "/content_snippets"
    fn create(snippet: NewContentSnippet) -> Call<ContentSnippet> = create_body;

    /// One content snippet.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let snippet = client.content_snippets().get("4217").await?;
    /// println!("{:?}", snippet.body_markdown);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown id.
    "getContentSnippet" GET "/content_snippets/{id}"
    fn get(id) -> Call<ContentSnippet>;

    /// Change a content snippet: only the fields set are changed.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::content_snippets::UpdateContentSnippet;
    /// client
    ///     .content_snippets()
    ///     .update("4217", UpdateContentSnippet::new().audience_ids([]).ai_copilot(false))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending, as
    /// for [`create`](Self::create) (content is optional here); `404` for an
    /// unknown snippet or audience; `422`.
    "updateContentSnippet" PUT "/content_snippets/{id}"
    fn update(id; update: UpdateContentSnippet) -> Call<ContentSnippet> = update_body;

    /// Delete a content snippet (answered `204 No Content`).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.content_snippets().delete("4217").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown id.
    "deleteContentSnippet" DELETE "/content_snippets/{id}"
    fn delete(id) -> Call<()>;
}
