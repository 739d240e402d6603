//! Messages: an admin writes to contacts, in the Messenger or by email; and
//! the delivery status of WhatsApp messages.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::messages::{CreateMessage, Recipient};
//!
//! let message = client
//!     .messages()
//!     .create(
//!         CreateMessage::in_app("991267", Recipient::user("6762f0d01bb69f9f2193bb7d"), "Your export is ready")
//!             .create_conversation_without_contact_reply(true),
//!     )
//!     .await?;
//! println!("message {} in conversation {:?}", message.id, message.conversation_id);
//! # Ok(()) }
//! ```
//!
//! Sending WhatsApp templates (`message_type: whatsapp`) is not modelled
//! yet; [`Client::request`](crate::Client::request) can send one.

mod models;
mod requests;

pub use models::{
    Message, MessageStatusEvent, MessageType, WhatsAppError, WhatsAppMessageStatus, WhatsAppStatus,
};
pub use requests::{CreateMessage, Recipient, RecipientRole, Template};

use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;
use requests::{create_body, message_id_query, ruleset_id_query};

/// Most status events per page.
pub const MAX_STATUSES_PER_PAGE: u32 = 100;

const STATUSES: Paging =
    Paging::new(Scheme::QueryCursor, "events").max_per_page(MAX_STATUSES_PER_PAGE);

endpoints! {
    /// The messages endpoints. Get one from [`Client::messages`](crate::Client::messages).
    family "messages" => Messages;

    /// Send a message from an admin: in-app or by email. Not retried after
    /// a 5xx or a timeout, since it may have been sent.
    ///
    /// A message has no conversation until the contact replies, unless
    /// [`create_conversation_without_contact_reply`](CreateMessage::create_conversation_without_contact_reply)
    /// is set.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::messages::{CreateMessage, Recipient, RecipientRole};
    /// let email = CreateMessage::email(
    ///     "991267",
    ///     Recipient::with_email(RecipientRole::User, "ada@example.com"),
    ///     "Your invoice",
    ///     "<p>Hi Ada, your invoice is attached.</p>",
    /// );
    /// let sent = client.messages().create(email).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty body, an email without a subject, an admin id that is not a
    /// number or a recipient without an identifier; `404` for a contact
    /// created a moment ago (Intercom needs a short while before it can be
    /// messaged).
    "createMessage" POST "/messages"
    fn create(message: CreateMessage) -> Call<Message> = create_body;

    /// The delivery status of one WhatsApp message.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::messages::WhatsAppStatus;
    /// let status = client.messages().get_whatsapp_status("wamid.HBgLMzE2").await?;
    /// if status.status == Some(WhatsAppStatus::Failed) {
    ///     println!("{:?}", status.error.and_then(|e| e.details));
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `message_id`; `404 whatsapp_message_not_found`.
    "RetrieveWhatsAppMessageStatus" GET "/messages/whatsapp/status"
    fn get_whatsapp_status(message_id: &str) -> Call<WhatsAppMessageStatus> = message_id_query;

    /// The status events of the messages an outbound (a ruleset) sent,
    /// cursor-paged (up to 100 per page). Intercom serves WhatsApp messages
    /// only, for now.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::messages::WhatsAppStatus;
    /// let events = client.messages().list_statuses("12345").per_page(100).collect_at_most(1_000).await?;
    /// let failed = events.iter().filter(|e| e.status == Some(WhatsAppStatus::Failed)).count();
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `ruleset_id` or `per_page` outside 1..=100.
    "getWhatsAppMessageStatus" GET "/messages/status"
    fn list_statuses(ruleset_id: &str) -> ListCall<MessageStatusEvent> paged STATUSES
        = ruleset_id_query;
}
