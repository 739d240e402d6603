//! The conversation itself: its state, statistics, source message and links.

use serde::{Deserialize, Deserializer};

use super::insights::{AiAgent, MonitorEvaluation, SalesAgent, Scorecard};
use super::parts::{Attachment, Author, ConversationParts, EmailMessageMetadata};
pub use super::state::ConversationState;
use crate::companies::Company;
use crate::models::{
    CustomAttributes, Reference, null_as_default, opt_string_or_number, string_enum,
    string_or_number,
};
use crate::tags::Tag;

string_enum! {
    /// A conversation's priority.
    pub enum ConversationPriority {
        /// No priority.
        None = "none",
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
        /// Urgent.
        Urgent = "urgent",
    }
}

string_enum! {
    /// Whether an SLA was met.
    pub enum SlaStatus {
        /// The SLA was met.
        Hit = "hit",
        /// The SLA was missed.
        Missed = "missed",
        /// The SLA was cancelled.
        Cancelled = "cancelled",
        /// The SLA is running.
        Active = "active",
    }
}

/// A conversation, with its statistics and (from
/// [`Conversations::get`](super::Conversations::get)) its parts.
///
/// Lists and searches return conversations without `conversation_parts`.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Conversation {
    /// The conversation id.
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// The title, if one was given.
    #[serde(default)]
    pub title: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Since when the contact has been waiting for a reply (unix seconds);
    /// `None` when the last reply came from a teammate.
    #[serde(default)]
    pub waiting_since: Option<i64>,
    /// When a snoozed conversation reopens (unix seconds).
    #[serde(default)]
    pub snoozed_until: Option<i64>,
    /// `true` when open, `false` when closed.
    #[serde(default)]
    pub open: Option<bool>,
    /// Open, closed or snoozed.
    #[serde(default)]
    pub state: Option<ConversationState>,
    /// Whether a teammate has read it.
    #[serde(default)]
    pub read: Option<bool>,
    /// Priority.
    #[serde(default)]
    pub priority: Option<ConversationPriority>,
    /// The assigned admin; Intercom sends `0` when no admin is assigned (see
    /// [`assigned_admin_id`](Self::assigned_admin_id)).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub admin_assignee_id: Option<String>,
    /// The assigned team; Intercom sends `0` when no team is assigned (see
    /// [`assigned_team_id`](Self::assigned_team_id)).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub team_assignee_id: Option<String>,
    /// The company the conversation is about, if any.
    #[serde(default)]
    pub company: Option<Company>,
    /// Tags on the conversation.
    #[serde(default, deserialize_with = "wrapped_list")]
    pub tags: Vec<Tag>,
    /// The contact's rating of the conversation.
    #[serde(default)]
    pub conversation_rating: Option<ConversationRating>,
    /// The message that started the conversation.
    #[serde(default)]
    pub source: Option<ConversationSource>,
    /// The contacts in the conversation.
    #[serde(default, deserialize_with = "wrapped_list")]
    pub contacts: Vec<ContactReference>,
    /// The teammates who took part.
    #[serde(default, deserialize_with = "wrapped_list")]
    pub teammates: Vec<Reference>,
    /// Conversation data attributes, as JSON.
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_attributes: CustomAttributes,
    /// The first reply of the contact, for conversations a teammate started.
    #[serde(default)]
    pub first_contact_reply: Option<FirstContactReply>,
    /// The SLA applied, if any.
    #[serde(default)]
    pub sla_applied: Option<SlaApplied>,
    /// Response and resolution times, reopen and assignment counts.
    #[serde(default)]
    pub statistics: Option<ConversationStatistics>,
    /// The parts (messages, notes, actions), at most the 500 most recent.
    /// Empty in lists and searches.
    #[serde(default, deserialize_with = "null_as_default")]
    pub conversation_parts: ConversationParts,
    /// Tickets and conversations linked to this one.
    #[serde(default)]
    pub linked_objects: Option<LinkedObjects>,
    /// Whether the AI agent (Fin) took part.
    #[serde(default)]
    pub ai_agent_participated: Option<bool>,
    /// What the AI agent did, when it took part.
    #[serde(default)]
    pub ai_agent: Option<AiAgent>,
    /// Whether the sales agent took part.
    #[serde(default)]
    pub sales_agent_participated: Option<bool>,
    /// What the sales agent did, when it took part.
    #[serde(default)]
    pub sales_agent: Option<SalesAgent>,
    /// The channel the conversation started on and the current one.
    #[serde(default)]
    pub channel: Option<ConversationChannel>,
    /// Records in an external helpdesk or CRM this conversation maps to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub external_references: Vec<ExternalReference>,
    /// QA monitor results (only from a search with
    /// [`ConversationSearch::include_monitors`](super::ConversationSearch::include_monitors)).
    #[serde(default)]
    pub monitor_evaluations: Option<Vec<MonitorEvaluation>>,
    /// QA scorecard results (only from a search with
    /// [`ConversationSearch::include_scorecards`](super::ConversationSearch::include_scorecards)).
    #[serde(default)]
    pub scorecards: Option<Vec<Scorecard>>,
}

impl Conversation {
    /// The assigned admin's id; `None` when unassigned (Intercom sends `0`
    /// or nothing).
    pub fn assigned_admin_id(&self) -> Option<&str> {
        assigned(self.admin_assignee_id.as_deref())
    }

    /// The assigned team's id; `None` when unassigned (Intercom sends `0`
    /// or nothing).
    pub fn assigned_team_id(&self) -> Option<&str> {
        assigned(self.team_assignee_id.as_deref())
    }
}

fn assigned(id: Option<&str>) -> Option<&str> {
    id.filter(|id| !id.is_empty() && *id != "0")
}

/// Decodes one of Intercom's wrapped lists, `{"type": "tag.list", "tags":
/// [...]}` (the key is `tags`, `contacts` or `teammates`), or `null`, into
/// the list.
fn wrapped_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(bound = "T: Deserialize<'de>")]
    struct Wrapper<T> {
        #[serde(
            default = "Vec::new",
            rename = "tags",
            alias = "contacts",
            alias = "teammates",
            deserialize_with = "null_as_default"
        )]
        items: Vec<T>,
    }
    Ok(Option::<Wrapper<T>>::deserialize(d)?
        .map(|w| w.items)
        .unwrap_or_default())
}

/// A contact in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ContactReference {
    /// Intercom's id for the contact.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Your id for the contact.
    #[serde(default)]
    pub external_id: Option<String>,
}

/// Response and resolution times of a conversation. Durations are in
/// seconds (business hours only, where Intercom says so); `*_at` fields
/// are unix seconds.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct ConversationStatistics {
    /// Seconds until the last assignment before the first admin reply.
    #[serde(default)]
    pub time_to_assignment: Option<i64>,
    /// Seconds until the first admin reply (outside business hours excluded).
    #[serde(default)]
    pub time_to_admin_reply: Option<i64>,
    /// Seconds until the first close (outside business hours excluded).
    #[serde(default)]
    pub time_to_first_close: Option<i64>,
    /// Seconds until the last close (outside business hours excluded).
    #[serde(default)]
    pub time_to_last_close: Option<i64>,
    /// Median seconds of admin replies after a contact reply.
    #[serde(default)]
    pub median_time_to_reply: Option<i64>,
    /// First text part from the contact.
    #[serde(default)]
    pub first_contact_reply_at: Option<i64>,
    /// First assignment after the first contact reply.
    #[serde(default)]
    pub first_assignment_at: Option<i64>,
    /// First admin reply after the first contact reply.
    #[serde(default)]
    pub first_admin_reply_at: Option<i64>,
    /// First close after the first contact reply.
    #[serde(default)]
    pub first_close_at: Option<i64>,
    /// Last assignment after the first contact reply.
    #[serde(default)]
    pub last_assignment_at: Option<i64>,
    /// First admin reply since the most recent assignment.
    #[serde(default)]
    pub last_assignment_admin_reply_at: Option<i64>,
    /// Last part from the contact.
    #[serde(default)]
    pub last_contact_reply_at: Option<i64>,
    /// Last part from an admin.
    #[serde(default)]
    pub last_admin_reply_at: Option<i64>,
    /// Last close.
    #[serde(default)]
    pub last_close_at: Option<i64>,
    /// The admin who last closed the conversation.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub last_closed_by_id: Option<String>,
    /// Reopens after the first contact reply.
    #[serde(default)]
    pub count_reopens: Option<i64>,
    /// Assignments after the first contact reply.
    #[serde(default)]
    pub count_assignments: Option<i64>,
    /// Parts in the conversation.
    #[serde(default)]
    pub count_conversation_parts: Option<i64>,
    /// First response time of each team the conversation was assigned to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub assigned_team_first_response_time: Vec<TeamResponseTime>,
    /// The same, counting office hours only.
    #[serde(default, deserialize_with = "null_as_default")]
    pub assigned_team_first_response_time_in_office_hours: Vec<TeamResponseTime>,
    /// Seconds from assignment to close.
    #[serde(default)]
    pub handling_time: Option<i64>,
    /// Handling seconds excluding idle periods.
    #[serde(default)]
    pub adjusted_handling_time: Option<i64>,
}

/// A team's first response time on a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TeamResponseTime {
    /// The team id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub team_id: Option<String>,
    /// The team name.
    #[serde(default)]
    pub team_name: Option<String>,
    /// Seconds to the team's first response.
    #[serde(default)]
    pub response_time: Option<i64>,
}

/// The message that started a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ConversationSource {
    /// The origin: `conversation`, `email`, `push`, ...
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The source message id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// How it was started: `customer_initiated`, `admin_initiated`, ...
    #[serde(default)]
    pub delivered_as: Option<String>,
    /// Recipients (email conversations only).
    #[serde(default, deserialize_with = "null_as_default")]
    pub recipients: Vec<Recipient>,
    /// Reply-To addresses (email conversations only).
    #[serde(default, deserialize_with = "null_as_default")]
    pub reply_to: Vec<ReplyToAddress>,
    /// Subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Body (HTML, or plain text with `display_as_plaintext`).
    #[serde(default)]
    pub body: Option<String>,
    /// Who wrote it.
    #[serde(default)]
    pub author: Option<Author>,
    /// Attached files.
    #[serde(default, deserialize_with = "null_as_default")]
    pub attachments: Vec<Attachment>,
    /// The page the conversation started on.
    #[serde(default)]
    pub url: Option<String>,
    /// Whether it was redacted.
    #[serde(default)]
    pub redacted: Option<bool>,
    /// Email headers.
    #[serde(default)]
    pub email_message_metadata: Option<EmailMessageMetadata>,
}

/// A recipient of an email source message.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Recipient {
    /// `to`, `cc`, `bcc`, ...
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The address.
    #[serde(default)]
    pub email: Option<String>,
    /// Why the address was dropped, if it was.
    #[serde(default)]
    pub drop_reason: Option<String>,
}

/// A Reply-To address of an email source message.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ReplyToAddress {
    /// The address.
    #[serde(default)]
    pub email: Option<String>,
    /// The display name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A contact's rating of a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ConversationRating {
    /// The rating, 1 to 5.
    #[serde(default)]
    pub rating: Option<i64>,
    /// The contact's remark.
    #[serde(default)]
    pub remark: Option<String>,
    /// When it was rated (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The contact who rated.
    #[serde(default)]
    pub contact: Option<ContactReference>,
    /// The teammate rated.
    #[serde(default)]
    pub teammate: Option<Reference>,
}

/// The first reply of a contact.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct FirstContactReply {
    /// When (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// The channel, e.g. `conversation` or `email`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The page it was sent from.
    #[serde(default)]
    pub url: Option<String>,
}

/// The SLA applied to a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SlaApplied {
    /// The SLA's name.
    #[serde(default)]
    pub sla_name: Option<String>,
    /// Hit, missed, cancelled or active.
    #[serde(default)]
    pub sla_status: Option<SlaStatus>,
}

/// Tickets and conversations linked to a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct LinkedObjects {
    /// The links.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Vec<LinkedObject>,
    /// Total number of links.
    #[serde(default)]
    pub total_count: Option<i64>,
    /// Whether there are more than `data` holds.
    #[serde(default)]
    pub has_more: Option<bool>,
}

/// A ticket or conversation linked to another.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct LinkedObject {
    /// `ticket` or `conversation`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Its id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// For tickets: `Customer`, `Back-office` or `Tracker`.
    #[serde(default)]
    pub category: Option<String>,
}

/// The channel a conversation started on, and the current one.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ConversationChannel {
    /// Where it started.
    #[serde(default)]
    pub initial: Option<String>,
    /// Where it is now.
    #[serde(default)]
    pub current: Option<String>,
}

/// A record in an external system a conversation maps to.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ExternalReference {
    /// The kind of record, e.g. `zendesk_ticket`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Its id there.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
}
