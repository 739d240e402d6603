//! Tickets: tracked customer requests, back-office tasks and trackers, each
//! with a [type](crate::ticket_types), a [state](crate::ticket_states) and
//! attributes.
//!
//! Every operation of the "Tickets" tag of Intercom API 2.16, on [`Tickets`].
//! Times are unix seconds; a ticket's `id` (not the `ticket_id` shown in the
//! Inbox) is what every endpoint takes.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::conversations::ContactIdentifier;
//! use intercom_api::search::field;
//! use intercom_api::tickets::{CreateTicket, TicketReply, UpdateTicket};
//!
//! let ticket = client
//!     .tickets()
//!     .create(CreateTicket::new("53", ContactIdentifier::email("ada@example.com")).title("Refund"))
//!     .await?;
//! client
//!     .tickets()
//!     .reply(&ticket.id, TicketReply::admin_comment("991267", "On it!"))
//!     .await?;
//! client.tickets().update(&ticket.id, UpdateTicket::new().open(false)).await?;
//! let open = client.tickets().search(field("open").eq(true)).await?;
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint), its
//! models and its request bodies (create/update, reply, search).

mod models;
mod reply;
mod requests;
mod rows;
mod search;

/// The job `POST /tickets/enqueue` answers: the same `Job` that
/// [`Jobs`](crate::jobs::Jobs) polls.
pub use crate::jobs::{Job, JobStatus};
pub use models::{
    AttributeLabel, Ticket, TicketDeleted, TicketPart, TicketPartAuthor, TicketPartType,
    UpdatedAttributeData,
};
pub use reply::{AttachmentFile, MAX_ATTACHMENTS, ReplyOption, TicketReply};
pub use requests::{ChangeTicketType, CreateTicket, DESCRIPTION, TITLE, UpdateTicket};
pub use rows::{MAX_PER_PAGE, Tickets, ops};
pub use search::TicketSearch;

pub use crate::ticket_types::{TicketCategory, TicketState, TicketStateCategory, TicketType};
