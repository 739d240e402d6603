//! The audiences endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::{
    Audience, AudienceList, NewAudience, UpdateAudience, create_body, page_query, update_body,
};
use crate::resources::endpoints::endpoints;

/// Most audiences per page.
pub const MAX_PER_PAGE: u32 = 50;

endpoints! {
    /// The audiences endpoints. Get one from
    /// [`Client::audiences`](crate::Client::audiences).
    family "audiences" => Audiences;

    /// One page of the workspace's audiences: page `page` (from 1) of
    /// `per_page` each (at most 50). The list puts its page numbers at the
    /// top level (not in `pages`), so it is read page by page:
    /// [`AudienceList::next_page`] says what to ask for next.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let mut page = Some(1);
    /// while let Some(n) = page {
    ///     let list = client.audiences().list(n, 50).await?;
    ///     for a in &list.data {
    ///         println!("{} {:?}", a.id, a.name);
    ///     }
    ///     page = list.next_page();
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// `page` 0 or `per_page` outside 1..=50; `401`.
    "listAudiences" GET "/audiences"
    fn list(page: u32, per_page: u32) -> Call<AudienceList> = page_query;

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
