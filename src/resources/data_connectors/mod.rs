//! Data connectors: the HTTP requests to your own APIs that workflows and
//! Fin make, and the log of their executions.
//!
//! The seven Data Connectors operations of Intercom API 2.16, on
//! [`DataConnectors`]. A connector is created as a draft; set it
//! [`live`](ConnectorState::Live) with an update when its configuration is
//! done. Header values come back redacted (`"****"`).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::data_connectors::{
//!     ConnectorHttpMethod, ConnectorState, DataInput, ExecutionFilter, InputType,
//!     NewDataConnector, UpdateDataConnector,
//! };
//! let connectors = client.data_connectors();
//! let draft = connectors
//!     .create(
//!         NewDataConnector::new("Order status")
//!             .http_method(ConnectorHttpMethod::Get)
//!             .url("https://shop.example.com/api/orders/{{order_id}}")
//!             .data_input(DataInput::new("order_id", InputType::String).required(true)),
//!     )
//!     .await?;
//! connectors
//!     .update(&draft.id, UpdateDataConnector::new().state(ConnectorState::Live))
//!     .await?;
//! let failures = connectors
//!     .list_execution_results(&draft.id, ExecutionFilter::new().success(false))
//!     .collect_at_most(100)
//!     .await?;
//! # Ok(()) }
//! ```

mod models;
mod requests;
mod rows;

pub use models::{
    AudienceType, ConnectorHeader, ConnectorHttpMethod, ConnectorState, DataConnector,
    DataConnectorDeleted, DataConnectorDetail, DataInputSpec, ExecutionErrorType, ExecutionResult,
    ExecutionSource, InputType, ResponseField,
};
pub use requests::{DataInput, ExecutionFilter, NewDataConnector, UpdateDataConnector};
pub use rows::{DataConnectors, MAX_PER_PAGE, MAX_RESULTS_PER_PAGE, ops};
