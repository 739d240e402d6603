//! The tags endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)),
//! and the other body forms of `POST /tags`.

use super::models::{Tag, TaggingResult};
use super::requests::{
    CompanyRef, TagsBody, admin_body, company_items, create_body, tag_as_body, tag_body,
    tag_by_body, user_items,
};
use crate::call::Call;
use crate::error::Error;
use crate::models::List;
use crate::resources::common::require_non_empty;
use crate::resources::endpoints::endpoints;
use crate::transport::Request;

endpoints! {
    /// The tags endpoints. Get one from [`Client::tags`](crate::Client::tags).
    family "tags" => Tags;

    /// Every tag of the workspace.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for tag in client.tags().list().await? {
    ///     println!("{} {:?}", tag.id, tag.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`, and any transport error.
    "listTags" GET "/tags"
    fn list() -> Call<List<Tag>>;

    /// One tag (id and name).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().get("7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "findTag" GET "/tags/{tag_id}"
    fn get(tag_id) -> Call<Tag>;

    /// Create the tag, or return the existing one with that name (names are
    /// case-insensitive).
    ///
    /// `POST /tags` is also behind [`rename`](Self::rename),
    /// [`tag_companies`](Self::tag_companies),
    /// [`untag_companies`](Self::untag_companies) and
    /// [`tag_users`](Self::tag_users), each a form of its body. Every form
    /// sets a state (a tag with this name exists, has this name, is or is not
    /// on these objects): sending it twice is the same as once, so it is
    /// retried after a 5xx or timeout.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().create("Churn risk").await?;
    /// println!("{}", tag.id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty name;
    /// `400 parameter_invalid`.
    "createTag" POST(idempotent) "/tags"
    fn create(name: &str) -> Call<Tag> = create_body;

    /// Delete a tag from the workspace.
    ///
    /// A tag still in use (by a segment, a rule, a message's audience, ...)
    /// cannot be deleted: Intercom answers `400` with code
    /// [`ErrorCode::TagHasDependentObjects`](crate::ErrorCode::TagHasDependentObjects)
    /// and a message naming what uses it.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ErrorCode;
    /// match client.tags().delete("7522907").await {
    ///     Ok(()) => println!("deleted"),
    ///     Err(e) if e.code() == Some(&ErrorCode::TagHasDependentObjects) => {
    ///         let why = e.as_api().and_then(|api| api.message()).unwrap_or_default();
    ///         println!("still in use: {why}");
    ///     }
    ///     Err(e) if e.is_not_found() => println!("already gone"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `400 tag_has_dependent_objects` (see above); `404 not_found`.
    "deleteTag" DELETE "/tags/{tag_id}"
    fn delete(tag_id) -> Call<()>;

    /// Put a tag on a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().tag_contact("6762f0d01bb69f9f2193bb7d", "7522907").await?;
    /// println!("applied at {:?}", tag.applied_at);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `tag_id`; `404 not_found` when the contact or the tag does not exist.
    "attachTagToContact" POST(idempotent) "/contacts/{contact_id}/tags"
    fn tag_contact(contact_id; tag_id: &str) -> Call<Tag> = tag_body;

    /// Take a tag off a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_contact("6762f0d01bb69f9f2193bb7d", "7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` when the contact or the tag does not exist.
    "detachTagFromContact" DELETE "/contacts/{contact_id}/tags/{tag_id}"
    fn untag_contact(contact_id, tag_id) -> Call<Tag>;

    /// Put a tag on a conversation, as the admin `admin_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().tag_conversation("147", "7522907", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `tag_id` or `admin_id`; `404 not_found` when the conversation or the
    /// tag does not exist.
    "attachTagToConversation" POST(idempotent) "/conversations/{conversation_id}/tags"
    fn tag_conversation(conversation_id; tag_id: &str, admin_id: &str) -> Call<Tag> = tag_as_body;

    /// Take a tag off a conversation, as the admin `admin_id` (sent as a
    /// JSON body).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_conversation("147", "7522907", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `admin_id`; `404 not_found` when the conversation does not exist,
    /// `404 tag_not_found` when the tag does not.
    "detachTagFromConversation" DELETE "/conversations/{conversation_id}/tags/{tag_id}"
    fn untag_conversation(conversation_id, tag_id; admin_id: &str) -> Call<Tag> = admin_body;

    /// Put a tag on a ticket, as the admin `admin_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().tag_ticket("2207", "7522907", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `tag_id` or `admin_id`; `404 ticket_not_found`, `404 not_found` for an
    /// unknown tag.
    "attachTagToTicket" POST(idempotent) "/tickets/{ticket_id}/tags"
    fn tag_ticket(ticket_id; tag_id: &str, admin_id: &str) -> Call<Tag> = tag_as_body;

    /// Take a tag off a ticket, as the admin `admin_id` (sent as a JSON
    /// body).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_ticket("2207", "7522907", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `admin_id`; `404 ticket_not_found`, `404 tag_not_found`.
    "detachTagFromTicket" DELETE "/tickets/{ticket_id}/tags/{tag_id}"
    fn untag_ticket(ticket_id, tag_id; admin_id: &str) -> Call<Tag> = admin_body;

    /// Put an existing tag on an internal article, optionally as the admin
    /// `admin_id`.
    ///
    /// Needs the `read_write_articles_scope` OAuth scope and a teammate
    /// allowed to manage knowledge base content.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().tag_internal_article("6871119", "7522907", Some("991267")).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `tag_id` or `admin_id`; `403 forbidden`; `404
    /// internal_article_not_found`, `404 tag_not_found`.
    "attachTagToInternalArticle" POST(idempotent) "/internal_articles/{internal_article_id}/tags"
    fn tag_internal_article(#[numeric] internal_article_id; tag_id: &str, admin_id: Option<&str>)
        -> Call<Tag> = tag_by_body;

    /// Take the tag `id` off an internal article. The returned tag has no
    /// `applied_at` or `applied_by`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_internal_article("6871119", "7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `403 forbidden`; `404 internal_article_not_found`, `404
    /// tag_not_found`.
    "detachTagFromInternalArticle" DELETE "/internal_articles/{internal_article_id}/tags/{id}"
    fn untag_internal_article(#[numeric] internal_article_id, id) -> Call<Tag>;

    /// Put an existing tag on a content snippet, optionally as the admin
    /// `admin_id`.
    ///
    /// Needs the `read_write_content_snippets` OAuth scope and a teammate
    /// allowed to manage knowledge base content.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().tag_content_snippet("123", "7522907", None).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `tag_id` or `admin_id`; `403 forbidden`; `404
    /// content_snippet_not_found`, `404 tag_not_found`.
    "attachTagToContentSnippet" POST(idempotent) "/content_snippets/{content_snippet_id}/tags"
    fn tag_content_snippet(content_snippet_id; tag_id: &str, admin_id: Option<&str>)
        -> Call<Tag> = tag_by_body;

    /// Take the tag `id` off a content snippet. The returned tag has no
    /// `applied_at` or `applied_by`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_content_snippet("123", "7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `403 forbidden`; `404 content_snippet_not_found`, `404 tag_not_found`.
    "detachTagFromContentSnippet" DELETE "/content_snippets/{content_snippet_id}/tags/{id}"
    fn untag_content_snippet(content_snippet_id, id) -> Call<Tag>;

    /// Put an existing tag on a help center article, optionally as the admin
    /// `admin_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().tag_article("6871119", "7522907", Some("991267")).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `tag_id` or `admin_id`; `403 forbidden` without the
    /// `manage_knowledge_base_content` permission; `404`
    /// (`article_not_found`, `tag_not_found`).
    "attachTagToArticle" POST(idempotent) "/articles/{article_id}/tags"
    fn tag_article(#[numeric] article_id; tag_id: &str, admin_id: Option<&str>)
        -> Call<Tag> = tag_by_body;

    /// Take the tag `id` off a help center article. The returned tag has no
    /// `applied_at` or `applied_by`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_article("6871119", "7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `403 forbidden`; `404` (`article_not_found`, `tag_not_found`).
    "detachTagFromArticle" DELETE "/articles/{article_id}/tags/{id}"
    fn untag_article(#[numeric] article_id, id) -> Call<Tag>;
}

/// The other body forms of `POST /tags` (operation `createTag`, whose row is
/// [`create`](Tags::create)).
impl<'c, C> Tags<'c, C> {
    fn post_tags<T>(&self, body: Result<TagsBody<'_>, Error>) -> Call<'c, C, T, ops::create> {
        let request =
            body.and_then(|body| Request::for_operation(&ops::create::OPERATION, &[])?.json(&body));
        Call::new(self.executor(), request)
    }

    /// `POST /tags` with an id and a name: rename a tag.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().rename("7522907", "Churn risk (Q3)").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or name; `400
    /// parameter_invalid`; `404 not_found`.
    pub fn rename(&self, tag_id: &str, new_name: &str) -> Call<'c, C, Tag, ops::create> {
        self.post_tags(
            require_non_empty("tag_id", tag_id)
                .and_then(|()| require_non_empty("name", new_name))
                .map(|()| TagsBody::CreateOrUpdate {
                    name: new_name,
                    id: Some(tag_id),
                }),
        )
    }

    /// `POST /tags` with `companies`: put the tag named `name` on companies,
    /// creating the tag if no tag has that name.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::tags::CompanyRef;
    /// let result = client
    ///     .tags()
    ///     .tag_companies(
    ///         "Enterprise",
    ///         [CompanyRef::company_id("acme-42"), CompanyRef::id("531ee472cce572a6ec000006")],
    ///     )
    ///     .await?;
    /// for company in &result.companies {
    ///     println!("{} tagged: {:?}", company.id, company.tagged);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name, no company, or an empty
    /// company id (field `companies[i].id` / `companies[i].company_id`);
    /// `400`/`404` when a company cannot be found.
    pub fn tag_companies(
        &self,
        name: &str,
        companies: impl IntoIterator<Item = CompanyRef>,
    ) -> Call<'c, C, TaggingResult, ops::create> {
        let companies: Vec<CompanyRef> = companies.into_iter().collect();
        self.post_tags(
            require_non_empty("name", name)
                .and_then(|()| company_items(&companies, false))
                .map(|companies| TagsBody::Companies { name, companies }),
        )
    }

    /// `POST /tags` with `companies` marked `untag`: remove the tag named
    /// `name` from companies.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::tags::CompanyRef;
    /// client
    ///     .tags()
    ///     .untag_companies("Enterprise", [CompanyRef::company_id("acme-42")])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name, no company, or an empty
    /// company id; `400`/`404` when the tag or a company cannot be found.
    pub fn untag_companies(
        &self,
        name: &str,
        companies: impl IntoIterator<Item = CompanyRef>,
    ) -> Call<'c, C, TaggingResult, ops::create> {
        let companies: Vec<CompanyRef> = companies.into_iter().collect();
        self.post_tags(
            require_non_empty("name", name)
                .and_then(|()| company_items(&companies, true))
                .map(|companies| TagsBody::Companies { name, companies }),
        )
    }

    /// `POST /tags` with `users`: put the tag named `name` on several
    /// contacts at once (by Intercom contact id), creating the tag if no tag
    /// has that name. Intercom has recommended batches of at most 50.
    ///
    /// To tag one contact by tag id, use [`tag_contact`](Self::tag_contact).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let result = client
    ///     .tags()
    ///     .tag_users("Beta", ["6762f0d01bb69f9f2193bb7d", "6762f0d01bb69f9f2193bb7e"])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name, no contact, or an empty
    /// contact id (field `users[i].id`); `400`/`404` when a contact cannot be
    /// found.
    pub fn tag_users<I>(
        &self,
        name: &str,
        contact_ids: I,
    ) -> Call<'c, C, TaggingResult, ops::create>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.post_tags(
            require_non_empty("name", name)
                .and_then(|()| user_items(contact_ids))
                .map(|users| TagsBody::Users { name, users }),
        )
    }
}
