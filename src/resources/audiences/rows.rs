//! The audiences endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::{Audience, NewAudience, UpdateAudience, create_body, update_body};
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

/// Most audiences per page.
pub const MAX_PER_PAGE: u32 = 50;

/// Page numbers at the top level of the answer, not in `pages`.
const LIST: Paging = Paging::new(Scheme::PageNumber, "data").max_per_page(MAX_PER_PAGE);

endpoints! {
    /// The audiences endpoints. Get one from
    /// [`Client::audiences`](crate::Client::audiences).
    family "audiences" => Audiences;

    /// The workspace's audiences, in numbered pages of at most 50: await
    /// it for the first page, or stream every audience with `.items()`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let mut all = std::pin::pin!(client.audiences().list().per_page(50).items());
    /// while let Some(a) = all.try_next().await? {
    ///     println!("{} {:?}", a.id, a.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// `per_page` outside 1..=50; `401`.
    "listAudiences" GET "/audiences"
    fn list() -> ListCall<Audience> paged LIST;

    /// Create an audience. Not retried: a retry could create it twice.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::audiences::{NewAudience, Predicate};
    /// let audience = client
    ///     .audiences()
    ///     .create(
    ///         NewAudience::new("Acme people")
    ///             .predicate(Predicate::new("company.name", "string", "contains", "Acme")),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name, or a predicate without attribute or comparison; `422`
    /// for what Intercom refuses.
    "createAudience" POST "/audiences"
    fn create(audience: NewAudience) -> Call<Audience> = create_body;

    /// One audience.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let audience = client.audiences().get("12").await?;
    /// println!("{:?} {}", audience.name, audience.predicates.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown id.
    "retrieveAudience" GET "/audiences/{id}"
    fn get(id) -> Call<Audience>;

    /// Change an audience: only the fields set are changed; a predicate
    /// list that is set replaces the old one.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::audiences::UpdateAudience;
    /// client.audiences().update("12", UpdateAudience::new().name("Acme staff")).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending, as
    /// for [`create`](Self::create); `404 not_found`; `422`.
    "updateAudience" PUT "/audiences/{id}"
    fn update(id; update: UpdateAudience) -> Call<Audience> = update_body;

    /// Delete an audience (answered `204 No Content`).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.audiences().delete("12").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown id.
    "deleteAudience" DELETE "/audiences/{id}"
    fn delete(id) -> Call<()>;
}
