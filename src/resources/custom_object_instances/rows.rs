//! The custom object instances endpoints: one row each (see
//! [`endpoints!`](crate::resources::endpoints)).

use super::models::{external_id_query, upsert_body};
use super::{CustomObjectInstance, CustomObjectInstanceDeleted, UpsertInstance};
use crate::call::Call;
use crate::pagination::{ListCall, Paging, Scheme};
use crate::resources::common::require_non_empty;
use crate::resources::endpoints::endpoints;
use crate::transport::Request;

/// Most instances per page.
pub const MAX_PER_PAGE: u32 = 150;

const PAGES: Paging = Paging::new(Scheme::PageNumber, "data").max_per_page(MAX_PER_PAGE);

endpoints! {
    /// The custom object instances endpoints. Get one from
    /// [`Client::custom_object_instances`](crate::Client::custom_object_instances).
    family "custom_object_instances" => CustomObjectInstances;

    /// Create the instance of `custom_object_type_identifier` (e.g. `Order`)
    /// with the body's external id, or update it when it exists: the
    /// attributes sent replace theirs, the others are kept. Retried after a
    /// 5xx or timeout, since sending the same body twice leaves the same
    /// instance.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::custom_object_instances::UpsertInstance;
    /// let order = client
    ///     .custom_object_instances()
    ///     .create_or_update("Order", UpsertInstance::new("ORD-2026-0412").attribute("status", "paid"))
    ///     .await?;
    /// println!("{}", order.id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `external_id`, a negative timestamp, or an attribute name
    /// over 190 or string value over 255 characters; `404` for an unknown
    /// object type.
    "createCustomObjectInstances" POST(idempotent) "/custom_object_instances/{custom_object_type_identifier}"
    fn create_or_update(custom_object_type_identifier; instance: UpsertInstance)
        -> Call<CustomObjectInstance> = upsert_body;

    /// The instances of `custom_object_type_identifier`, page by page
    /// (page numbers; at most 150 per page). See also
    /// [`get_by_external_id`](Self::get_by_external_id),
    /// [`list_for_contact`](Self::list_for_contact) and
    /// [`list_for_conversation`](Self::list_for_conversation), the other
    /// forms of this endpoint.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let orders = client.custom_object_instances().list("Order").per_page(150).collect_at_most(1_000).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// `per_page` outside 1..=150; `404` for an unknown object type.
    "listCustomObjectInstances" GET "/custom_object_instances/{custom_object_type_identifier}"
    fn list(custom_object_type_identifier) -> ListCall<CustomObjectInstance> paged PAGES;

    /// Delete the instance your system knows as `external_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client
    ///     .custom_object_instances()
    ///     .delete_by_external_id("Order", "ORD-2026-0412")
    ///     .await?;
    /// assert!(gone.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `external_id`; `404` when no instance has it.
    "deleteCustomObjectInstancesById" DELETE "/custom_object_instances/{custom_object_type_identifier}"
    fn delete_by_external_id(custom_object_type_identifier; external_id: &str)
        -> Call<CustomObjectInstanceDeleted> = external_id_query;

    /// One instance, by Intercom's id (Intercom also accepts the external
    /// id here).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let order = client.custom_object_instances().get("Order", "2041").await?;
    /// println!("{:?}", order.attribute_str("status"));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown type or instance.
    "getCustomObjectInstancesById" GET "/custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}"
    fn get(custom_object_type_identifier, custom_object_instance_id) -> Call<CustomObjectInstance>;

    /// Delete one instance, by Intercom's id. (The spec's operationIds of
    /// the two deletes are swapped: this one is
    /// `deleteCustomObjectInstancesByExternalId`.)
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.custom_object_instances().delete("Order", "2041").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown type or instance.
    "deleteCustomObjectInstancesByExternalId" DELETE "/custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}"
    fn delete(custom_object_type_identifier, custom_object_instance_id)
        -> Call<CustomObjectInstanceDeleted>;
}

/// The other forms of `GET /custom_object_instances/{custom_object_type_identifier}`
/// (operation `listCustomObjectInstances`, whose row is [`list`](CustomObjectInstances::list)).
impl<'c, C> CustomObjectInstances<'c, C> {
    fn filtered<T>(
        &self,
        object_type: &str,
        key: &'static str,
        value: &str,
    ) -> Result<Request<T>, crate::Error> {
        require_non_empty(key, value)?;
        Request::for_operation(
            &ops::list::OPERATION,
            &[("custom_object_type_identifier", object_type)],
        )
        .map(|request| request.query(key, value))
    }

    /// `GET /custom_object_instances/{custom_object_type_identifier}?external_id=`:
    /// the one instance your system knows as `external_id` (Intercom
    /// answers the instance itself, not a list).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let order = client
    ///     .custom_object_instances()
    ///     .get_by_external_id("Order", "ORD-2026-0412")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty type or external id; `404` when no instance has it.
    pub fn get_by_external_id(
        &self,
        custom_object_type_identifier: &str,
        external_id: &str,
    ) -> Call<'c, C, CustomObjectInstance, ops::list> {
        Call::new(
            self.executor(),
            self.filtered(custom_object_type_identifier, "external_id", external_id),
        )
    }

    /// `GET ...?references_contact_id=`: the instances associated with a
    /// contact, page by page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let orders = client
    ///     .custom_object_instances()
    ///     .list_for_contact("Order", "6762f0d01bb69f9f2193bb7d")
    ///     .collect_at_most(100)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty type or contact id; `404` for an unknown type.
    pub fn list_for_contact(
        &self,
        custom_object_type_identifier: &str,
        contact_id: &str,
    ) -> ListCall<'c, C, CustomObjectInstance, ops::list> {
        let request = self.filtered(
            custom_object_type_identifier,
            "references_contact_id",
            contact_id,
        );
        ListCall::new(self.executor(), request, PAGES)
    }

    /// `GET ...?references_conversation_id=`: the instances associated with
    /// a conversation, page by page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let orders = client
    ///     .custom_object_instances()
    ///     .list_for_conversation("Order", "215468990231234")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty type or conversation id; `404` for an unknown type.
    pub fn list_for_conversation(
        &self,
        custom_object_type_identifier: &str,
        conversation_id: &str,
    ) -> ListCall<'c, C, CustomObjectInstance, ops::list> {
        let request = self.filtered(
            custom_object_type_identifier,
            "references_conversation_id",
            conversation_id,
        );
        ListCall::new(self.executor(), request, PAGES)
    }
}
