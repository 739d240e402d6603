//! The ticket types endpoints, with their attributes: one row each (see
//! [`endpoints!`](crate::resources::endpoints)).

use super::models::{TicketType, TicketTypeAttribute};
use super::requests::{
    CreateTicketType, CreateTicketTypeAttribute, UpdateTicketType, UpdateTicketTypeAttribute,
    create_attribute_body, create_body, update_attribute_body, update_body,
};
use crate::models::List;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The ticket types endpoints (spec tags "Ticket Types" and "Ticket Type
    /// Attributes"). Get one from [`Client::ticket_types`](crate::Client::ticket_types).
    family "ticket_types" => TicketTypes;

    /// Every ticket type of the workspace, archived ones included, with
    /// their attributes and states.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for ticket_type in client.ticket_types().list().await? {
    ///     println!("{} {:?}", ticket_type.id, ticket_type.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; transport errors.
    "listTicketTypes" GET "/ticket_types"
    fn list() -> Call<List<TicketType>>;

    /// Create a ticket type. Intercom adds the `_default_title_` and
    /// `_default_description_` attributes.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ticket_types::{CreateTicketType, TicketCategory};
    /// let bug = client
    ///     .ticket_types()
    ///     .create(
    ///         CreateTicketType::new("Bug report")
    ///             .description("Something in the app is broken")
    ///             .category(TicketCategory::BackOffice)
    ///             .icon("🐞"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name or icon or an unknown category; `400` when the name is
    /// taken.
    "createTicketType" POST "/ticket_types"
    fn create(ticket_type: CreateTicketType) -> Call<TicketType> = create_body;

    /// One ticket type, with its attributes and states.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ticket_types::TicketStateCategory;
    /// let ticket_type = client.ticket_types().get("53").await?;
    /// let resolved = ticket_type.state(&TicketStateCategory::Resolved);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "getTicketType" GET "/ticket_types/{ticket_type_id}"
    fn get(ticket_type_id) -> Call<TicketType>;

    /// Change the fields set in `update` (rename, archive, ...).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ticket_types::UpdateTicketType;
    /// client
    ///     .ticket_types()
    ///     .update("53", UpdateTicketType::new().name("Refund request").archived(false))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name or icon or an unknown category; `404 not_found`.
    "updateTicketType" PUT "/ticket_types/{ticket_type_id}"
    fn update(ticket_type_id; update: UpdateTicketType) -> Call<TicketType> = update_body;

    /// Add an attribute to a ticket type.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ticket_types::{CreateTicketTypeAttribute, TicketAttributeType};
    /// let priority = client
    ///     .ticket_types()
    ///     .create_attribute(
    ///         "53",
    ///         CreateTicketTypeAttribute::new("Priority", TicketAttributeType::List, "How urgent")
    ///             .list_items(["Low", "Normal", "High"])
    ///             .required_to_create(true),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name, a list attribute without items (or an item with a
    /// comma), or an option of another data type (`multiline` on a list,
    /// ...); `404 not_found` for an unknown ticket type.
    "createTicketTypeAttribute" POST "/ticket_types/{ticket_type_id}/attributes"
    fn create_attribute(ticket_type_id; attribute: CreateTicketTypeAttribute)
        -> Call<TicketTypeAttribute> = create_attribute_body;

    /// Change the fields set in `update` of one attribute of a ticket type.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ticket_types::UpdateTicketTypeAttribute;
    /// client
    ///     .ticket_types()
    ///     .update_attribute("53", "182", UpdateTicketTypeAttribute::new().archived(true))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name or bad list items; `404 not_found`.
    "updateTicketTypeAttribute" PUT "/ticket_types/{ticket_type_id}/attributes/{attribute_id}"
    fn update_attribute(ticket_type_id, attribute_id; update: UpdateTicketTypeAttribute)
        -> Call<TicketTypeAttribute> = update_attribute_body;
}
