//! The macros endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::Macro;
use crate::options::UpdatedSince;
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

/// Most macros per page.
pub const MAX_PER_PAGE: u32 = 150;

const LIST: Paging = Paging::new(Scheme::QueryCursor, "data").max_per_page(MAX_PER_PAGE);

endpoints! {
    /// The macros endpoints. Get one from [`Client::macros`](crate::Client::macros).
    family "macros" => Macros;

    /// The macros the token's admin can see, most recently updated first,
    /// cursor-paged (50 per page unless [`per_page`](crate::ListCall::per_page)
    /// says otherwise, at most 150).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let recent = client
    ///     .macros()
    ///     .list()
    ///     .updated_since(1_719_474_966)
    ///     .per_page(150)
    ///     .collect_at_most(1_000)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// `per_page` outside 1..=150 or a negative `updated_since`; `403` when
    /// the token lacks the `read_conversations` scope.
    "listMacros" GET "/macros"
    fn list() -> ListCall<Macro> paged LIST [UpdatedSince];

    /// One macro, when the token's admin can see it.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let reply = client.macros().get("789").await?;
    /// println!("{}", reply.body_text.unwrap_or_default());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for a macro that does not exist or that the admin
    /// cannot see (`visible_to` another team).
    "getMacro" GET "/macros/{id}"
    fn get(id) -> Call<Macro>;
}
