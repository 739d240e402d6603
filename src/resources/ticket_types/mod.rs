//! Ticket types: the kinds of ticket a workspace tracks, their attributes
//! (the fields a ticket of the type carries) and their states.
//!
//! Every operation of the "Ticket Types" and "Ticket Type Attributes" tags of
//! Intercom API 2.16, on [`TicketTypes`]. The states of all types are listed
//! by [`ticket_states`](crate::ticket_states).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::ticket_types::{
//!     CreateTicketType, CreateTicketTypeAttribute, TicketAttributeType, TicketCategory,
//! };
//!
//! let refund = client
//!     .ticket_types()
//!     .create(CreateTicketType::new("Refund request").category(TicketCategory::Customer))
//!     .await?;
//! client
//!     .ticket_types()
//!     .create_attribute(
//!         &refund.id,
//!         CreateTicketTypeAttribute::new("Order number", TicketAttributeType::String, "From the receipt")
//!             .required_to_create(true),
//!     )
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint), its
//! models and its request bodies.

mod models;
mod requests;
mod rows;

pub use models::{
    TicketAttributeType, TicketCategory, TicketState, TicketStateCategory, TicketType,
    TicketTypeAttribute,
};
pub use requests::{
    CreateTicketType, CreateTicketTypeAttribute, UpdateTicketType, UpdateTicketTypeAttribute,
};
pub use rows::{TicketTypes, ops};
