//! The data connectors endpoints: one row each (see
//! [`endpoints!`](crate::resources::endpoints)).

use super::requests::{create_body, draft_query, results_query, update_body};
use super::{
    DataConnector, DataConnectorDeleted, DataConnectorDetail, ExecutionFilter, ExecutionResult,
    NewDataConnector, UpdateDataConnector,
};
use crate::call::Call;
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;
use crate::transport::Request;

/// Most connectors per page.
pub const MAX_PER_PAGE: u32 = 50;
/// Most execution results per page.
pub const MAX_RESULTS_PER_PAGE: u32 = 30;

const CONNECTORS: Paging = Paging::new(Scheme::QueryCursor, "data").max_per_page(MAX_PER_PAGE);
const RESULTS: Paging = Paging::new(Scheme::QueryCursor, "data").max_per_page(MAX_RESULTS_PER_PAGE);

endpoints! {
    /// The data connectors endpoints. Get one from
    /// [`Client::data_connectors`](crate::Client::data_connectors).
    family "data_connectors" => DataConnectors;

    /// The workspace's connectors, most recently updated first,
    /// cursor-paged (20 per page unless [`per_page`](crate::ListCall::per_page)
    /// says otherwise, at most 50).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let all = client.data_connectors().list().per_page(50).collect_at_most(500).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// `per_page` outside 1..=50.
    "listDataConnectors" GET "/data_connectors"
    fn list() -> ListCall<DataConnector> paged CONNECTORS;

    /// Create a connector, as a draft. Not retried: a retry could create a
    /// second one.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_connectors::{ConnectorHttpMethod, NewDataConnector};
    /// let draft = client
    ///     .data_connectors()
    ///     .create(
    ///         NewDataConnector::new("Order status")
    ///             .http_method(ConnectorHttpMethod::Get)
    ///             .url("https://shop.example.com/api/orders/{{order_id}}")
    ///             .header("Authorization", "Bearer {{token}}"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name, a URL that is not `http(s)://`, an empty header or
    /// input name, a `mock_response` that is not an object or an empty
    /// token id; `422` for a configuration Intercom refuses.
    "createDataConnector" POST "/data_connectors"
    fn create(connector: NewDataConnector) -> Call<DataConnectorDetail> = create_body;

    /// One connector with its whole configuration, as live (see
    /// [`get_draft`](Self::get_draft) for the draft being edited).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let connector = client.data_connectors().get("12345").await?;
    /// println!("{:?} {:?}", connector.name, connector.url);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown connector.
    "RetrieveDataConnector" GET "/data_connectors/{id}"
    fn get(id) -> Call<DataConnectorDetail>;

    /// Change the fields set in `update`; lists are replaced whole. Retried
    /// after a 5xx or timeout: every field it sends is an absolute value (no
    /// increments, no appends), so applying it twice leaves the connector as
    /// applying it once.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_connectors::{ConnectorState, UpdateDataConnector};
    /// client
    ///     .data_connectors()
    ///     .update("12345", UpdateDataConnector::new().state(ConnectorState::Live))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an update that changes nothing, an empty name, an input without a
    /// description, and the create's checks; `404` for an unknown connector,
    /// `409` on a conflicting state change, `422` for a configuration
    /// Intercom refuses.
    "updateDataConnector" PATCH "/data_connectors/{id}"
    fn update(id; update: UpdateDataConnector) -> Call<DataConnectorDetail> = update_body;

    /// Delete a connector. Only a draft that no workflow or Fin uses can be
    /// deleted.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.data_connectors().delete("12345").await?;
    /// assert!(gone.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown connector; `409` when it is live or in use.
    "deleteDataConnector" DELETE "/data_connectors/{id}"
    fn delete(id) -> Call<DataConnectorDeleted>;

    /// A connector's calls to your API, newest first, cursor-paged (10 per
    /// page unless [`per_page`](crate::ListCall::per_page) says otherwise,
    /// at most 30). Without a time range Intercom returns the last hour's.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_connectors::ExecutionFilter;
    /// let failures = client
    ///     .data_connectors()
    ///     .list_execution_results("12345", ExecutionFilter::new().success(false).since(1_775_980_800))
    ///     .per_page(30)
    ///     .collect_at_most(300)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a negative or reversed time range, an unknown error type, or
    /// `per_page` outside 1..=30; `404` for an unknown connector.
    "listDataConnectorExecutionResults" GET "/data_connectors/{data_connector_id}/execution_results"
    fn list_execution_results(data_connector_id; filter: ExecutionFilter)
        -> ListCall<ExecutionResult> paged RESULTS = results_query;

    /// One execution result, with its request and response bodies.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let run = client.data_connectors().get_execution_result("12345", "99001").await?;
    /// println!("{:?} {:?}", run.http_status, run.response_body);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown connector or result.
    "showDataConnectorExecutionResult" GET "/data_connectors/{data_connector_id}/execution_results/{id}"
    fn get_execution_result(data_connector_id, id) -> Call<ExecutionResult>;
}

/// The other form of `GET /data_connectors/{id}` (operation
/// `RetrieveDataConnector`, whose row is [`get`](DataConnectors::get)).
impl<'c, C> DataConnectors<'c, C> {
    /// `GET /data_connectors/{id}?state_version=draft`: the draft being
    /// edited rather than the live version.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let draft = client.data_connectors().get_draft("12345").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty id; `404` for an unknown connector.
    pub fn get_draft(&self, id: &str) -> Call<'c, C, DataConnectorDetail, ops::get> {
        let request = crate::resources::common::require_non_empty("id", id)
            .and_then(|()| Request::for_operation(&ops::get::OPERATION, &[("id", id)]))
            .map(draft_query);
        Call::new(self.executor(), request)
    }
}
