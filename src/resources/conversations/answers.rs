//! The answers of the operations that do not return a conversation:
//! created messages, participants, deletions, handling events, side
//! conversations.

use serde::Deserialize;

use super::conversation::Conversation;
use super::parts::{AuthorType, ConversationPart};
use crate::contacts::ContactRole;
use crate::json_path::from_value_named;
use crate::models::{null_as_default, opt_string_or_number, string_enum, string_or_number};

string_enum! {
    /// The channel a message was sent on.
    pub enum MessageType {
        /// Email.
        Email = "email",
        /// In-app (Messenger).
        InApp = "inapp",
        /// Facebook.
        Facebook = "facebook",
        /// Twitter.
        Twitter = "twitter",
    }
}

string_enum! {
    /// Whether a teammate paused or resumed handling a conversation.
    pub enum HandlingEventType {
        /// Handling paused.
        Paused = "paused",
        /// Handling resumed.
        Resumed = "resumed",
    }
}

/// The answer to adding or removing a contact.
///
/// Intercom answers with the conversation's contacts (`{"customers": [...]}`,
/// as its documentation and the spec's own example show), while the 2.16
/// schema declares the whole conversation. Both decode; use
/// [`contact_ids`](Self::contact_ids) to read either. The shape is chosen
/// by its keys (`customers`, else a conversation), so a decode error names
/// the field that failed (`customers[0].id: …`), not just "no variant".
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Participants {
    /// The contacts of the conversation after the change.
    Customers {
        /// The contacts.
        customers: Vec<Participant>,
    },
    /// The whole conversation after the change.
    Conversation(Box<Conversation>),
}

impl<'de> Deserialize<'de> for Participants {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        #[derive(Deserialize)]
        struct Customers {
            #[serde(default, deserialize_with = "null_as_default")]
            customers: Vec<Participant>,
        }
        let value = serde_json::Value::deserialize(d)?;
        let named = D::Error::custom;
        if value.get("customers").is_some() {
            let c: Customers = from_value_named(&value).map_err(named)?;
            Ok(Participants::Customers {
                customers: c.customers,
            })
        } else {
            let c: Conversation = from_value_named(&value).map_err(named)?;
            Ok(Participants::Conversation(Box::new(c)))
        }
    }
}

impl Participants {
    /// The ids of the conversation's contacts after the change.
    pub fn contact_ids(&self) -> Vec<&str> {
        match self {
            Participants::Customers { customers } => {
                customers.iter().map(|c| c.id.as_str()).collect()
            }
            Participants::Conversation(c) => c.contacts.iter().map(|c| c.id.as_str()).collect(),
        }
    }
}

/// A contact taking part in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Participant {
    /// User or lead.
    #[serde(rename = "type", default)]
    pub role: Option<ContactRole>,
    /// Intercom's id for the contact.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
}

/// The message `POST /conversations` creates (not the conversation: fetch
/// it with [`Conversations::get`](super::Conversations::get) and
/// [`conversation_id`](Self::conversation_id)).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// The message id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The message kind, e.g. `user_message`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Subject (email messages).
    #[serde(default)]
    pub subject: Option<String>,
    /// Body (HTML).
    #[serde(default)]
    pub body: Option<String>,
    /// The channel.
    #[serde(default)]
    pub message_type: Option<MessageType>,
    /// The conversation the message started.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub conversation_id: Option<String>,
}

/// The answer to deleting a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ConversationDeleted {
    /// The deleted conversation's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// One item of [`Conversations::list_deleted`](super::Conversations::list_deleted):
/// the id of a deleted conversation, when it was deleted and whether its
/// reporting data was kept. (Deleting a conversation answers with a
/// [`ConversationDeleted`].)
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DeletedConversationId {
    /// The conversation id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Whether its reporting data was kept.
    #[serde(default)]
    pub metrics_retained: Option<bool>,
    /// When it was deleted (unix seconds).
    #[serde(default)]
    pub deleted_at: Option<i64>,
}

/// The pause and resume events of a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct HandlingEvents {
    /// The events, oldest first.
    #[serde(default, deserialize_with = "null_as_default")]
    pub handling_events: Vec<HandlingEvent>,
}

impl IntoIterator for HandlingEvents {
    type Item = HandlingEvent;
    type IntoIter = std::vec::IntoIter<HandlingEvent>;
    fn into_iter(self) -> Self::IntoIter {
        self.handling_events.into_iter()
    }
}

/// A teammate paused or resumed handling a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct HandlingEvent {
    /// Who.
    pub teammate: TeammateReference,
    /// Paused or resumed.
    #[serde(rename = "type")]
    pub kind: HandlingEventType,
    /// When, as an ISO 8601 date-time (e.g. `2026-01-09T09:00:00Z`): unlike
    /// most Intercom times, this one is not unix seconds.
    #[serde(deserialize_with = "string_or_number")]
    pub timestamp: String,
    /// Why, e.g. `Away`.
    #[serde(default)]
    pub reason: Option<String>,
}

/// An admin, team or bot.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TeammateReference {
    /// `admin`, `team` or `bot`.
    #[serde(rename = "type", default)]
    pub kind: Option<AuthorType>,
    /// The id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The name.
    #[serde(default)]
    pub name: Option<String>,
    /// The email address.
    #[serde(default)]
    pub email: Option<String>,
}

/// An internal thread teammates started from a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SideConversation {
    /// The side conversation's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub side_conversation_id: Option<String>,
    /// Its messages.
    #[serde(default, deserialize_with = "null_as_default")]
    pub conversation_parts: Vec<ConversationPart>,
    /// The number of messages.
    #[serde(default)]
    pub total_count: Option<i64>,
}

#[cfg(test)]
mod participants_tests {
    use super::*;

    #[test]
    fn a_bad_field_is_named_in_either_shape() {
        let ok: Participants = serde_json::from_str(r#"{"customers":[{"type":"user","id":"a1"}]}"#)
            .expect("customers");
        assert_eq!(ok.contact_ids(), ["a1"]);
        let err =
            serde_json::from_str::<Participants>(r#"{"customers":[{"type":"user","id":[]}]}"#)
                .expect_err("bad id");
        assert!(err.to_string().contains("customers[0].id"), "{err}");
        let err = serde_json::from_str::<Participants>(r#"{"type":"conversation","id":{}}"#)
            .expect_err("bad conversation");
        assert!(err.to_string().starts_with("id:"), "{err}");
    }
}
