//! The parts of a conversation (messages, notes, actions) and their authors
//! and attachments.

use serde::Deserialize;

use super::state::ConversationState;
use crate::models::{
    Reference, null_as_default, opt_string_or_number, string_enum, string_or_number,
};
use crate::tags::Tag;

string_enum! {
    /// What a conversation part records.
    pub enum PartType {
        /// A message visible to the contact.
        Comment = "comment",
        /// An internal note.
        Note = "note",
        /// An assignment to an admin or team.
        Assignment = "assignment",
        /// The conversation was (re)opened.
        Open = "open",
        /// The conversation was closed.
        Close = "close",
        /// The conversation was snoozed.
        Snoozed = "snoozed",
        /// A snooze ran out.
        TimerUnsnooze = "timer_unsnooze",
        /// Reassigned because the assignee is away.
        AwayModeAssignment = "away_mode_assignment",
        /// A contact was added to the conversation.
        ParticipantAdded = "participant_added",
        /// A contact was removed from the conversation.
        ParticipantRemoved = "participant_removed",
        /// Quick reply options, or the option a contact picked.
        QuickReply = "quick_reply",
        /// A teammate changed a conversation attribute.
        ConversationAttributeUpdatedByAdmin = "conversation_attribute_updated_by_admin",
        /// A workflow changed a conversation attribute.
        ConversationAttributeUpdatedByWorkflow = "conversation_attribute_updated_by_workflow",
        /// The contact changed a conversation attribute.
        ConversationAttributeUpdatedByUser = "conversation_attribute_updated_by_user",
        /// A custom action started.
        CustomActionStarted = "custom_action_started",
        /// A custom action finished.
        CustomActionFinished = "custom_action_finished",
        /// A workflow event.
        OperatorWorkflowEvent = "operator_workflow_event",
    }
}

string_enum! {
    /// Who wrote a message or performed an action.
    pub enum AuthorType {
        /// A teammate.
        Admin = "admin",
        /// A bot (Fin, Operator, workflows).
        Bot = "bot",
        /// A team.
        Team = "team",
        /// An identified contact.
        User = "user",
        /// A lead.
        Lead = "lead",
    }
}

/// The parts of a conversation.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct ConversationParts {
    /// The parts, oldest first.
    #[serde(
        default,
        rename = "conversation_parts",
        deserialize_with = "null_as_default"
    )]
    pub parts: Vec<ConversationPart>,
    /// The total number of parts (may exceed `parts.len()`: Intercom
    /// returns at most 500).
    #[serde(default)]
    pub total_count: Option<i64>,
}

impl std::ops::Deref for ConversationParts {
    type Target = [ConversationPart];
    fn deref(&self) -> &[ConversationPart] {
        &self.parts
    }
}

impl IntoIterator for ConversationParts {
    type Item = ConversationPart;
    type IntoIter = std::vec::IntoIter<ConversationPart>;
    fn into_iter(self) -> Self::IntoIter {
        self.parts.into_iter()
    }
}

/// One element of a conversation: a message, note or action.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ConversationPart {
    /// The part id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// What the part records.
    #[serde(default)]
    pub part_type: Option<PartType>,
    /// The body (HTML, or plain text with `display_as_plaintext`).
    #[serde(default)]
    pub body: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// When the contact was notified (unix seconds).
    #[serde(default)]
    pub notified_at: Option<i64>,
    /// Who the conversation was assigned to by this part, if it changed.
    #[serde(default)]
    pub assigned_to: Option<Reference>,
    /// Who wrote it.
    #[serde(default)]
    pub author: Option<Author>,
    /// Attached files.
    #[serde(default, deserialize_with = "null_as_default")]
    pub attachments: Vec<Attachment>,
    /// The id you gave the part, if any.
    #[serde(default)]
    pub external_id: Option<String>,
    /// Whether the part was redacted.
    #[serde(default)]
    pub redacted: Option<bool>,
    /// Email headers, for parts that came by email.
    #[serde(default)]
    pub email_message_metadata: Option<EmailMessageMetadata>,
    /// Quick reply data.
    #[serde(default)]
    pub metadata: Option<PartMetadata>,
    /// The conversation's state when the part was created.
    #[serde(default)]
    pub state: Option<ConversationState>,
    /// Tags on the part.
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: Vec<Tag>,
    /// Details of workflow and action events.
    #[serde(default)]
    pub event_details: Option<EventDetails>,
    /// The app that created the part through the API, if any.
    #[serde(default)]
    pub app_package_code: Option<String>,
}

/// The author of a part or of the source message.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Author {
    /// Admin, bot, team, user or lead.
    #[serde(rename = "type", default)]
    pub kind: Option<AuthorType>,
    /// The author's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Whether the AI agent sent it.
    #[serde(default)]
    pub from_ai_agent: Option<bool>,
    /// Whether the AI agent generated the body.
    #[serde(default)]
    pub is_ai_answer: Option<bool>,
}

/// A file attached to a part or message.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// File name.
    #[serde(default)]
    pub name: Option<String>,
    /// Where to download it.
    #[serde(default)]
    pub url: Option<String>,
    /// MIME type.
    #[serde(default)]
    pub content_type: Option<String>,
    /// Size in bytes.
    #[serde(default)]
    pub filesize: Option<i64>,
    /// Image width in pixels.
    #[serde(default)]
    pub width: Option<i64>,
    /// Image height in pixels.
    #[serde(default)]
    pub height: Option<i64>,
}

/// Email headers of a message that came by email.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct EmailMessageMetadata {
    /// Subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// From, To, Cc, ... addresses.
    #[serde(default, deserialize_with = "null_as_default")]
    pub email_address_headers: Vec<EmailAddressHeader>,
    /// The `Message-ID` header.
    #[serde(default)]
    pub message_id: Option<String>,
    /// Earlier messages quoted in the email (source messages only).
    #[serde(default)]
    pub history: Option<String>,
}

/// One address of an email header.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct EmailAddressHeader {
    /// The header: `from`, `to`, `cc`, ...
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The address.
    #[serde(default)]
    pub email_address: Option<String>,
    /// The display name.
    #[serde(default)]
    pub name: Option<String>,
}

/// Quick reply data of a part.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct PartMetadata {
    /// The options offered.
    #[serde(default, deserialize_with = "null_as_default")]
    pub quick_reply_options: Vec<QuickReplyOption>,
    /// The option the contact picked.
    #[serde(default)]
    pub quick_reply_uuid: Option<String>,
}

/// A quick reply option.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct QuickReplyOption {
    /// The label.
    #[serde(default)]
    pub text: Option<String>,
    /// The option id.
    #[serde(default)]
    pub uuid: Option<String>,
    /// Translated labels by locale, when any.
    #[serde(default)]
    pub translations: Option<serde_json::Map<String, serde_json::Value>>,
}

/// Details of a workflow, attribute or custom action event. Which fields
/// are set depends on [`ConversationPart::part_type`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct EventDetails {
    /// The workflow involved.
    #[serde(default)]
    pub workflow: Option<Named>,
    /// The attribute changed.
    #[serde(default)]
    pub attribute: Option<Named>,
    /// The attribute's new (and previous) value.
    #[serde(default)]
    pub value: Option<AttributeChange>,
    /// The custom action.
    #[serde(default)]
    pub action: Option<CustomAction>,
    /// The workflow event.
    #[serde(default)]
    pub event: Option<WorkflowEvent>,
}

/// Something with a name.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Named {
    /// The name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A conversation attribute's new value.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AttributeChange {
    /// The new value, as JSON.
    #[serde(default)]
    pub name: Option<serde_json::Value>,
    /// The previous value, as JSON.
    #[serde(default)]
    pub previous: Option<serde_json::Value>,
}

/// A custom action in a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CustomAction {
    /// The action's name.
    #[serde(default)]
    pub name: Option<String>,
    /// `success` or `failed`, once finished.
    #[serde(default)]
    pub result: Option<String>,
}

/// A workflow event in a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct WorkflowEvent {
    /// The event type.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Its result.
    #[serde(default)]
    pub result: Option<String>,
}
