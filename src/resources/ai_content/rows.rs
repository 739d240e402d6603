//! The AI content endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::models::{ContentImportSource, ExternalPage};
use super::requests::{
    NewContentImportSource, NewExternalPage, UpdateContentImportSource, UpdateExternalPage,
    create_page_body, create_source_body, update_page_body, update_source_body,
};
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

const SOURCES: Paging = Paging::new(Scheme::PageNumber, "data");
const PAGES: Paging = Paging::new(Scheme::PageNumber, "data");

endpoints! {
    /// The AI content endpoints. Get one from
    /// [`Client::ai_content`](crate::Client::ai_content).
    family "ai_content" => AiContent;

    /// Every content import source of the workspace, paged by page number.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let sources = client.ai_content().list_import_sources().collect_at_most(100).await?;
    /// for s in sources {
    ///     println!("{} {} {}", s.id, s.url, s.sync_behavior);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; API errors.
    "listContentImportSources" GET "/ai/content_import_sources"
    fn list_import_sources() -> ListCall<ContentImportSource> paged SOURCES;

    /// Create a content import source whose pages are written through the
    /// API.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ai_content::NewContentImportSource;
    /// let source = client
    ///     .ai_content()
    ///     .create_import_source(NewContentImportSource::new("https://docs.example.com").audience_ids([5678]))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a URL that is not `http(s)://…` or an audience id that is not
    /// positive; `422` for what Intercom refuses.
    "createContentImportSource" POST "/ai/content_import_sources"
    fn create_import_source(source: NewContentImportSource)
        -> Call<ContentImportSource> = create_source_body;

    /// One content import source.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let source = client.ai_content().get_import_source("1234").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "getContentImportSource" GET "/ai/content_import_sources/{source_id}"
    fn get_import_source(source_id) -> Call<ContentImportSource>;

    /// Change a content import source. Intercom takes the sync behavior and
    /// URL every time.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ai_content::{SourceStatus, SyncBehavior, UpdateContentImportSource};
    /// client
    ///     .ai_content()
    ///     .update_import_source(
    ///         "1234",
    ///         UpdateContentImportSource::new(SyncBehavior::Api, "https://docs.example.com")
    ///             .status(SourceStatus::Deactivated),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending, as
    /// for [`create_import_source`](Self::create_import_source); `404
    /// not_found`; `422` when the sync behavior changes to or from `api`.
    "updateContentImportSource" PUT "/ai/content_import_sources/{source_id}"
    fn update_import_source(source_id; update: UpdateContentImportSource)
        -> Call<ContentImportSource> = update_source_body;

    /// Delete a content import source and every external page imported
    /// from it (`204`, no body).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.ai_content().delete_import_source("1234").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "deleteContentImportSource" DELETE "/ai/content_import_sources/{source_id}"
    fn delete_import_source(source_id) -> Call<()>;

    /// Every external page of the workspace, paged by page number.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let mut pages = std::pin::pin!(client.ai_content().list_external_pages().items());
    /// while let Some(page) = pages.try_next().await? {
    ///     println!("{} {} {}", page.source_id, page.external_id, page.title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; API errors.
    "listExternalPages" GET "/ai/external_pages"
    fn list_external_pages() -> ListCall<ExternalPage> paged PAGES;

    /// Create an external page, or update the page with the same
    /// `(source_id, external_id)`: safe to retry.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ai_content::NewExternalPage;
    /// let page = client
    ///     .ai_content()
    ///     .create_external_page(
    ///         NewExternalPage::new(1234, "kb-1042", "Resetting a password", "<p>Open Settings…</p>")
    ///             .url("https://docs.example.com/kb/1042")
    ///             .ai_agent_availability(true)
    ///             .ai_copilot_availability(true),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a blank title, body or external id, a source id that is not
    /// positive, or a URL that is not `http(s)://…`; `404` for an unknown
    /// source; `422`.
    "createExternalPage" POST(idempotent) "/ai/external_pages"
    fn create_external_page(page: NewExternalPage) -> Call<ExternalPage> = create_page_body;

    /// One external page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let page = client.ai_content().get_external_page("42").await?;
    /// println!("{}", page.html);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "getExternalPage" GET "/ai/external_pages/{page_id}"
    fn get_external_page(page_id) -> Call<ExternalPage>;

    /// Replace an external page created through the API.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ai_content::UpdateExternalPage;
    /// client
    ///     .ai_content()
    ///     .update_external_page(
    ///         "42",
    ///         UpdateExternalPage::new(
    ///             1234,
    ///             "Resetting a password",
    ///             "<p>Open Settings, then Security.</p>",
    ///             "https://docs.example.com/kb/1042",
    ///         )
    ///         .fin_availability(true),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending, as
    /// for [`create_external_page`](Self::create_external_page); `404
    /// not_found`; `422` for a page not created through the API.
    "updateExternalPage" PUT "/ai/external_pages/{page_id}"
    fn update_external_page(page_id; update: UpdateExternalPage)
        -> Call<ExternalPage> = update_page_body;

    /// Delete an external page: Fin stops answering from it. Intercom
    /// answers with the page as it was.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.ai_content().delete_external_page("42").await?;
    /// println!("deleted {}", gone.external_id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "deleteExternalPage" DELETE "/ai/external_pages/{page_id}"
    fn delete_external_page(page_id) -> Call<ExternalPage>;
}
