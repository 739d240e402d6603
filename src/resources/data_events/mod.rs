//! Data events: things your users did, recorded against contacts.
//!
//! Every operation of the Data Events family in Intercom API 2.16, on
//! [`DataEvents`]. An event names its contact in exactly one way, an
//! [`EventUser`]; its metadata is checked against what Intercom documents
//! before anything is sent (see [`validate_metadata`]).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use futures::TryStreamExt;
//! use intercom_api::data_events::{CreateDataEvent, EventUser};
//!
//! let order = CreateDataEvent::new("placed-order", 1_717_200_000, EventUser::user_id("user-42"))
//!     .metadata("order_number", "3434-3434")
//!     .monetary_amount("price", 2_999, "eur");
//! client.data_events().submit(order).await?;
//!
//! let mut events = std::pin::pin!(client.data_events().list(EventUser::user_id("user-42")).items());
//! while let Some(event) = events.try_next().await? {
//!     println!("{} at {}", event.event_name, event.created_at);
//! }
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint), its
//! models and its request bodies.

mod models;
mod requests;
mod rows;

pub use models::{DataEvent, DataEventSummary, DataEventSummaryItem};
pub use requests::{
    CreateDataEvent, CreateEventSummary, EventMetadata, EventUser, MAX_METADATA_KEYS,
    MAX_METADATA_STRING, validate_metadata,
};
pub use rows::{DataEvents, ops};
