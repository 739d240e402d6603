//! Ticket states: the states tickets move through, across all ticket types.
//!
//! The one operation of the "Ticket States" tag of Intercom API 2.16, on
//! [`TicketStates`]. A state is a label in one of four
//! [categories](TicketStateCategory); each ticket type uses some of them
//! (see [`TicketType::state`](crate::ticket_types::TicketType::state)).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::ticket_states::TicketStateCategory;
//! let states = client.ticket_states().list().await?;
//! let resolved: Vec<_> = states
//!     .iter()
//!     .filter(|s| s.category == Some(TicketStateCategory::Resolved))
//!     .collect();
//! # Ok(()) }
//! ```

pub use crate::ticket_types::{TicketState, TicketStateCategory};

use crate::models::List;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The ticket states endpoint. Get one from
    /// [`Client::ticket_states`](crate::Client::ticket_states).
    family "ticket_states" => TicketStates;

    /// Every ticket state of the workspace, with the ticket types using it.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for state in client.ticket_states().list().await? {
    ///     println!("{} {:?} {:?}", state.id, state.category, state.internal_label);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; transport errors.
    "listTicketStates" GET "/ticket_states"
    fn list() -> Call<List<TicketState>>;
}
