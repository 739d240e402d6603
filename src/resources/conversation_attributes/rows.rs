//! The conversation attributes endpoints: one row each (see
//! [`endpoints!`](crate::resources::endpoints)).

use super::models::ConversationAttribute;
use super::requests::{
    NewConversationAttribute, UpdateConversationAttribute, create_body, label_body, numeric_id,
    update_body,
};
use crate::models::List;
use crate::options::IncludeArchived;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The conversation attributes endpoints. Get one from
    /// [`Client::conversation_attributes`](crate::Client::conversation_attributes).
    family "conversation_attributes" => ConversationAttributes;

    /// Every conversation attribute of the workspace (not paged); archived
    /// ones only with [`include_archived`](crate::Call::include_archived).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let all = client.conversation_attributes().list().include_archived(true).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; API errors.
    "listConversationAttributes" GET "/conversations/attributes"
    fn list() -> Call<List<ConversationAttribute>> [IncludeArchived];

    /// Create a conversation attribute.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversation_attributes::NewConversationAttribute;
    /// let priority = client
    ///     .conversation_attributes()
    ///     .create(NewConversationAttribute::list("Priority", ["Low", "Normal", "Urgent"]))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name, a list with fewer than two options or an empty label,
    /// `multiline` on a non-string, options on a non-list, or a reference
    /// missing from (or given to anything but) a relationship; `422` for
    /// what Intercom refuses (e.g. a name in use).
    "createConversationAttribute" POST "/conversations/attributes"
    fn create(attribute: NewConversationAttribute) -> Call<ConversationAttribute> = create_body;

    /// One conversation attribute.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let attribute = client.conversation_attributes().get("3").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an id that is not numeric; `404 conversation_attribute_not_found`.
    "getConversationAttribute" GET "/conversations/attributes/{id}"
    fn get(id) -> Call<ConversationAttribute> = numeric_id(id);

    /// Change the fields set in `update`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversation_attributes::UpdateConversationAttribute;
    /// client
    ///     .conversation_attributes()
    ///     .update("8", UpdateConversationAttribute::new().name("Escalation reason").required(true))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an id that is not numeric or an empty name;
    /// `404 conversation_attribute_not_found`.
    "updateConversationAttribute" PUT "/conversations/attributes/{id}"
    fn update(id; update: UpdateConversationAttribute) -> Call<ConversationAttribute> = update_body(id);

    /// Archive a conversation attribute (Intercom keeps it, with
    /// `archived: true`); returns it.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let archived = client.conversation_attributes().delete("8").await?;
    /// assert_eq!(archived.archived, Some(true));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an id that is not numeric; `404 conversation_attribute_not_found`.
    "deleteConversationAttribute" DELETE "/conversations/attributes/{id}"
    fn delete(id) -> Call<ConversationAttribute> = numeric_id(id);

    /// Add an option to a list attribute; returns the attribute with all
    /// its options.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let priority = client.conversation_attributes().create_option("2", "Critical").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an id that is not numeric or an empty label; `404`; `422` when the
    /// attribute is not a list.
    "createConversationAttributeOption" POST "/conversations/attributes/{id}/options"
    fn create_option(id; label: &str) -> Call<ConversationAttribute> = label_body(id);

    /// Relabel an option of a list attribute; returns the attribute.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .conversation_attributes()
    ///     .update_option("2", "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "Urgent")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an id that is not numeric or an empty label; `404` for an unknown
    /// attribute or option; `422` when the attribute is not a list.
    "updateConversationAttributeOption" PUT "/conversations/attributes/{id}/options/{option_id}"
    fn update_option(id, option_id; label: &str) -> Call<ConversationAttribute> = label_body(id);

    /// Archive an option of a list attribute (it stays in `options` with
    /// `archived: true`); returns the attribute.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .conversation_attributes()
    ///     .delete_option("2", "a1b2c3d4-e5f6-7890-abcd-ef1234567890")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an id that is not numeric; `404`; `422` when the attribute is not a
    /// list or would keep fewer than two active options.
    "deleteConversationAttributeOption" DELETE "/conversations/attributes/{id}/options/{option_id}"
    fn delete_option(id, option_id) -> Call<ConversationAttribute> = numeric_id(id);
}
