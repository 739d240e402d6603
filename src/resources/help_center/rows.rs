//! The help center endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::models::{Collection, CollectionDeleted, HelpCenterSite, Redirect, RedirectDeleted};
use super::requests::{
    CreateCollection, CreateRedirect, UpdateCollection, create_collection_body, redirect_body,
    update_collection_body,
};
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

/// Most redirects per page.
pub const MAX_REDIRECTS_PER_PAGE: u32 = 250;

const COLLECTIONS: Paging = Paging::new(Scheme::PageNumber, "data");
const HELP_CENTERS: Paging = Paging::new(Scheme::PageNumber, "data");
const REDIRECTS: Paging =
    Paging::new(Scheme::PageNumber, "data").max_per_page(MAX_REDIRECTS_PER_PAGE);

endpoints! {
    /// The help center (collections, help centers, redirects) endpoints. Get
    /// one from [`Client::help_center`](crate::Client::help_center).
    family "help_center" => HelpCenter;

    /// The help center's redirects, most recently updated first (up to 250
    /// per page).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let redirects = client
    ///     .help_center()
    ///     .list_redirects("123")
    ///     .per_page(250)
    ///     .collect_at_most(10_000)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page`
    /// outside 1..=250; `404 not_found`.
    "listHelpCenterRedirects" GET "/help_center/help_centers/{help_center_id}/redirects"
    fn list_redirects(help_center_id) -> ListCall<Redirect> paged REDIRECTS;

    /// Redirect an old URL to an article or collection.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::help_center::{CreateRedirect, RedirectTarget};
    /// client
    ///     .help_center()
    ///     .create_redirect(
    ///         "123",
    ///         CreateRedirect::new("https://help.example.com/en/old-faq", "en", RedirectTarget::Article, "6871119"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending
    /// when `from_url` is not an absolute http(s) URL, or the locale or
    /// target id is empty; `409 resource_conflict` when the URL is already
    /// redirected; `422 data_invalid` when it is outside the help center's
    /// URL space.
    "createHelpCenterRedirect" POST "/help_center/help_centers/{help_center_id}/redirects"
    fn create_redirect(help_center_id; redirect: CreateRedirect) -> Call<Redirect> = redirect_body;

    /// One redirect.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let r = client.help_center().get_redirect("123", "42").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveHelpCenterRedirect" GET "/help_center/help_centers/{help_center_id}/redirects/{id}"
    fn get_redirect(help_center_id, id) -> Call<Redirect>;

    /// Delete a redirect.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.help_center().delete_redirect("123", "42").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "deleteHelpCenterRedirect" DELETE "/help_center/help_centers/{help_center_id}/redirects/{id}"
    fn delete_redirect(help_center_id, id) -> Call<RedirectDeleted>;

    /// Every collection, most recently updated first, by page number.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let collections = client.help_center().list_collections().collect_at_most(500).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page` 0;
    /// API errors.
    "listAllCollections" GET "/help_center/collections"
    fn list_collections() -> ListCall<Collection> paged COLLECTIONS;

    /// Create a collection (or, with a parent, a section).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::help_center::{CollectionContent, CreateCollection};
    /// let c = client
    ///     .help_center()
    ///     .create_collection(
    ///         CreateCollection::new("Getting started")
    ///             .description("Your first steps")
    ///             .translation("fr", CollectionContent::new("Premiers pas")),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name or a non-numeric `help_center_id`;
    /// `400 parameter_not_found`.
    "createCollection" POST "/help_center/collections"
    fn create_collection(collection: CreateCollection) -> Call<Collection> = create_collection_body;

    /// One collection.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let c = client.help_center().get_collection("6871118").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveCollection" GET "/help_center/collections/{collection_id}"
    fn get_collection(collection_id) -> Call<Collection>;

    /// Change the fields set in `update`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::help_center::UpdateCollection;
    /// client
    ///     .help_center()
    ///     .update_collection("6871118", UpdateCollection::new().name("Billing & plans").move_to_top_level())
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// name; `404 not_found`.
    "updateCollection" PUT "/help_center/collections/{collection_id}"
    fn update_collection(collection_id; update: UpdateCollection) -> Call<Collection>
        = update_collection_body;

    /// Delete a collection.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.help_center().delete_collection("6871118").await?;
    /// assert!(gone.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "deleteCollection" DELETE "/help_center/collections/{collection_id}"
    fn delete_collection(collection_id) -> Call<CollectionDeleted>;

    /// One help center.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let site = client.help_center().get_help_center("123").await?;
    /// println!("{:?}", site.url);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveHelpCenter" GET "/help_center/help_centers/{help_center_id}"
    fn get_help_center(help_center_id) -> Call<HelpCenterSite>;

    /// The workspace's help centers. Intercom usually answers in one page;
    /// further pages are followed if it reports them.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for site in client.help_center().list_help_centers().await? {
    ///     println!("{} {:?}", site.id, site.display_name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page` 0;
    /// API errors.
    "listHelpCenters" GET "/help_center/help_centers"
    fn list_help_centers() -> ListCall<HelpCenterSite> paged HELP_CENTERS;
}
