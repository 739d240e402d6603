//! The message models: what Intercom answers.

use serde::Deserialize;

use crate::admins::Admin;
use crate::models::{opt_string_or_number, string_enum};

string_enum! {
    /// How a message was delivered.
    pub enum MessageType {
        /// In the Messenger (in-app).
        InApp = "inapp" | "in_app",
        /// By email.
        Email = "email",
        /// Through Facebook.
        Facebook = "facebook",
        /// Through Twitter.
        Twitter = "twitter",
    }
}

/// A message an admin sent (`admin_message`), or one a contact started
/// (`user_message`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// `admin_message` or `user_message`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The message id.
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// When it was created (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// The email subject (emails only).
    #[serde(default)]
    pub subject: Option<String>,
    /// The body, which may contain HTML.
    #[serde(default)]
    pub body: Option<String>,
    /// In-app or email.
    #[serde(default)]
    pub message_type: Option<MessageType>,
    /// The conversation the message started, when there is one yet (an
    /// admin message has one once the contact replies, or at once with
    /// `create_conversation_without_contact_reply`).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub conversation_id: Option<String>,
    /// The admin who sent it (admin messages).
    #[serde(default)]
    pub owner: Option<Admin>,
}

string_enum! {
    /// Where a WhatsApp message is.
    pub enum WhatsAppStatus {
        /// Handed to WhatsApp.
        Sent = "sent",
        /// On the recipient's phone.
        Delivered = "delivered",
        /// Read by the recipient.
        Read = "read",
        /// Not delivered (see the error).
        Failed = "failed",
    }
}

/// The delivery status of one WhatsApp message.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct WhatsAppMessageStatus {
    /// WhatsApp's id for the message.
    #[serde(default)]
    pub message_id: Option<String>,
    /// The conversation it belongs to.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub conversation_id: Option<String>,
    /// Sent, delivered, read or failed.
    #[serde(default)]
    pub status: Option<WhatsAppStatus>,
    /// The kind of send, e.g. `broadcast_outbound`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// When it was sent (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the status last changed (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The WhatsApp template used.
    #[serde(default)]
    pub template_name: Option<String>,
    /// Why delivery failed (status `failed` only).
    #[serde(default)]
    pub error: Option<WhatsAppError>,
}

/// Why a WhatsApp message was not delivered.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct WhatsAppError {
    /// The error.
    #[serde(default)]
    pub message: Option<String>,
    /// More detail, e.g. `Recipient phone number not on WhatsApp`.
    #[serde(default)]
    pub details: Option<String>,
}

/// One status event of a message sent by an outbound (a ruleset).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct MessageStatusEvent {
    /// The event id.
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// The conversation the message belongs to.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub conversation_id: Option<String>,
    /// The recipient.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub user_id: Option<String>,
    /// Sent, delivered, read or failed.
    #[serde(default)]
    pub status: Option<WhatsAppStatus>,
    /// The kind of send, e.g. `broadcast_outbound`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// When it was sent (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the status last changed (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// WhatsApp's id for the message.
    #[serde(default)]
    pub whatsapp_message_id: Option<String>,
    /// The WhatsApp template used.
    #[serde(default)]
    pub template_name: Option<String>,
}
