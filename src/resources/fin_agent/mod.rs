//! Fin agent: run Intercom's AI agent Fin inside your own conversation
//! system (access by arrangement with Intercom).
//!
//! The three Fin Agent operations of Intercom API 2.16, on [`FinAgent`].
//! Start Fin with the user's message, then pass on each reply; Fin's later
//! statuses and answers arrive by webhook or Server-Sent Events
//! ([`FinResponse::sse_subscription_url`]) until it is `complete`. When Fin
//! asks for a rating, submit the user's choice with
//! [`submit_csat`](FinAgent::submit_csat).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::fin_agent::{FinMessage, FinUser, StartFin};
//! let fin = client.fin_agent();
//! let started = fin
//!     .start(StartFin::new(
//!         "conv-8812",
//!         FinMessage::user("Where is my parcel?", "2026-04-12T09:30:00Z"),
//!         FinUser::new("user-42").email("ada@example.com"),
//!     ))
//!     .await?;
//! println!("{:?}", started.status);
//! # Ok(()) }
//! ```

mod models;
mod rows;

pub use models::{
    CsatRating, CsatResult, FinAttachment, FinAttributeErrors, FinAuthor, FinCsat, FinMessage,
    FinResponse, FinStatus, FinUser, MAX_ATTACHMENTS, MAX_HISTORY, ReplyFin, StartFin,
};
pub use rows::{FinAgent, ops};
