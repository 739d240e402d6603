//! Conversations between contacts and teammates.
//!
//! Every operation of the Conversations family in Intercom API 2.16, on
//! [`Conversations`]. Times are unix seconds, durations in
//! [`ConversationStatistics`] are seconds.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::resources::conversations::{ConversationAction, ConversationState, Reply};
//! use intercom_api::search::{Query, field};
//!
//! // Open conversations waiting on a teammate for more than a day.
//! let waiting = Query::and([
//!     field("state").eq("open"),
//!     field("waiting_since").lt(1_717_000_000),
//! ]);
//! let page = client.conversations().search(waiting).per_page(50).await?;
//! for conversation in page.items {
//!     client
//!         .conversations()
//!         .reply(&conversation.id, Reply::admin_note("991267", "Escalating: waiting > 24h"))
//!         .await?;
//! }
//!
//! let closed = client
//!     .conversations()
//!     .manage("1911149811", ConversationAction::close("991267").body("Resolved, thanks!"))
//!     .await?;
//! assert_eq!(closed.state, Some(ConversationState::Closed));
//! # Ok(()) }
//! ```

use serde::{Deserialize, Deserializer, Serialize};

use crate::call::Call;
use crate::error::Error;
use crate::models::{
    CustomAttributes, Reference, null_as_default, opt_string_or_number, string_enum,
    string_or_number,
};
use crate::pagination::{ListCall, Paging, Scheme};
use crate::resources::companies::Company;
use crate::resources::contacts::ContactRole;
use crate::resources::tags::Tag;
use crate::resources::tickets::Ticket;
use crate::search::{Query, SortOrder};
use crate::transport::Request;
use crate::transport::request::{path, require_id};

/// Most conversations per page of a list or search.
pub const MAX_PER_PAGE: u32 = 150;
/// Most side conversations per page.
pub const MAX_SIDE_CONVERSATIONS_PER_PAGE: u32 = 50;
/// Most deleted conversation ids per page.
pub const MAX_DELETED_PER_PAGE: u32 = 60;
/// Most attachment URLs one message or reply may carry.
pub const MAX_ATTACHMENT_URLS: usize = 10;
/// The conversation id that, in [`Conversations::reply`], means "the most
/// recent conversation of the contact who replies".
pub const LAST: &str = "last";

/// Above this, a "unix seconds" value is almost certainly milliseconds
/// (it would be after the year 5000).
const MAX_UNIX_SECONDS: i64 = 100_000_000_000;

string_enum! {
    /// Whether a conversation is open, closed or snoozed.
    pub enum ConversationState {
        /// Waiting for a teammate (or in progress).
        Open = "open",
        /// Closed.
        Closed = "closed",
        /// Snoozed until [`Conversation::snoozed_until`].
        Snoozed = "snoozed",
    }
}

/// The wire string, so code written when `state` was a string keeps working:
/// `conversation.state.as_deref() == Some("closed")`.
impl std::ops::Deref for ConversationState {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

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

string_enum! {
    /// How the AI agent's involvement ended.
    pub enum AiResolutionState {
        /// Assumed resolved (the contact did not come back).
        AssumedResolution = "assumed_resolution",
        /// The contact confirmed it was resolved.
        ConfirmedResolution = "confirmed_resolution",
        /// Handed to a teammate.
        Escalated = "escalated",
        /// The contact said the answer did not help.
        NegativeFeedback = "negative_feedback",
        /// Handed off to a procedure.
        ProcedureHandoff = "procedure_handoff",
    }
}

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

/// A conversation, with its statistics and (from [`Conversations::get`]) its
/// parts.
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
    #[serde(default, deserialize_with = "tag_list")]
    pub tags: Vec<Tag>,
    /// The contact's rating of the conversation.
    #[serde(default)]
    pub conversation_rating: Option<ConversationRating>,
    /// The message that started the conversation.
    #[serde(default)]
    pub source: Option<ConversationSource>,
    /// The contacts in the conversation.
    #[serde(default, deserialize_with = "contact_list")]
    pub contacts: Vec<ContactReference>,
    /// The teammates who took part.
    #[serde(default, deserialize_with = "teammate_list")]
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
    /// [`ConversationSearch::include_monitors`]).
    #[serde(default)]
    pub monitor_evaluations: Option<Vec<MonitorEvaluation>>,
    /// QA scorecard results (only from a search with
    /// [`ConversationSearch::include_scorecards`]).
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

/// Decodes `{"type": "...", "<key>": [...]}` (or `null`) into the list.
macro_rules! unwrap_list {
    ($name:ident, $key:ident, $item:ty) => {
        fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<$item>, D::Error> {
            #[derive(Deserialize)]
            struct Wrapper {
                #[serde(default, deserialize_with = "null_as_default")]
                $key: Vec<$item>,
            }
            Ok(Option::<Wrapper>::deserialize(d)?
                .map(|w| w.$key)
                .unwrap_or_default())
        }
    };
}
unwrap_list!(tag_list, tags, Tag);
unwrap_list!(contact_list, contacts, ContactReference);
unwrap_list!(teammate_list, teammates, Reference);

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
    pub total_count: Option<u64>,
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
    pub filesize: Option<u64>,
    /// Image width in pixels.
    #[serde(default)]
    pub width: Option<u32>,
    /// Image height in pixels.
    #[serde(default)]
    pub height: Option<u32>,
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
    pub total_count: Option<u64>,
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

/// What the AI agent (Fin) did in a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AiAgent {
    /// What started it: `workflow`, `profile`, ...
    #[serde(default)]
    pub source_type: Option<String>,
    /// The title of that source.
    #[serde(default)]
    pub source_title: Option<String>,
    /// `ai_answer` or `custom_answer`.
    #[serde(default)]
    pub last_answer_type: Option<String>,
    /// How its involvement ended.
    #[serde(default)]
    pub resolution_state: Option<AiResolutionState>,
    /// The contact's rating of the AI agent.
    #[serde(default)]
    pub rating: Option<i64>,
    /// The contact's remark.
    #[serde(default)]
    pub rating_remark: Option<String>,
    /// When it joined (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The content it answered from.
    #[serde(default)]
    pub content_sources: Option<ContentSources>,
}

/// Content the AI agent answered from.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContentSources {
    /// The sources.
    #[serde(default, deserialize_with = "null_as_default")]
    pub content_sources: Vec<ContentSource>,
    /// How many there are.
    #[serde(default)]
    pub total_count: Option<u64>,
}

/// One piece of content the AI agent used.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContentSource {
    /// `article`, `file`, `external_content`, ...
    #[serde(default)]
    pub content_type: Option<String>,
    /// Where it lives.
    #[serde(default)]
    pub url: Option<String>,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// Its locale.
    #[serde(default)]
    pub locale: Option<String>,
}

/// What the sales agent did in a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SalesAgent {
    /// `qualified`, `disqualified`, ...
    #[serde(default)]
    pub outcome: Option<String>,
    /// Where the lead was routed.
    #[serde(default)]
    pub routing_outcome: Option<String>,
    /// Data it collected, as JSON.
    #[serde(default)]
    pub collected_data: Option<serde_json::Map<String, serde_json::Value>>,
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

/// A QA monitor that flagged a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct MonitorEvaluation {
    /// The monitor id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub monitor_id: Option<String>,
    /// The monitor's name.
    #[serde(default)]
    pub monitor_name: Option<String>,
    /// The monitor's type.
    #[serde(default)]
    pub monitor_type: Option<String>,
    /// The result.
    #[serde(default)]
    pub result: Option<String>,
    /// Why.
    #[serde(default)]
    pub explanation: Option<String>,
    /// When (unix seconds).
    #[serde(default)]
    pub evaluated_at: Option<i64>,
}

/// A QA scorecard result.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Scorecard {
    /// The scorecard id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub scorecard_id: Option<String>,
    /// The scorecard version id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub scorecard_version_id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its type.
    #[serde(default)]
    pub scorecard_type: Option<String>,
    /// Whether the conversation passed.
    #[serde(default)]
    pub passed: Option<bool>,
    /// The score.
    #[serde(default)]
    pub score: Option<f64>,
    /// The AI-computed score.
    #[serde(default)]
    pub ai_score: Option<f64>,
    /// When (unix seconds).
    #[serde(default)]
    pub evaluated_at: Option<i64>,
    /// The teammate (or AI) reviewed.
    #[serde(default)]
    pub reviewed_teammate: Option<ReviewedTeammate>,
    /// Per-criterion results.
    #[serde(default, deserialize_with = "null_as_default")]
    pub evaluators: Vec<ScorecardEvaluator>,
}

/// Who a scorecard reviewed.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ReviewedTeammate {
    /// `admin` or `ai`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The admin id, for an admin.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub admin_id: Option<String>,
}

/// One criterion of a scorecard.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ScorecardEvaluator {
    /// The criterion id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub evaluator_id: Option<String>,
    /// Its result.
    #[serde(default)]
    pub result: Option<EvaluatorResult>,
}

/// The result of one scorecard criterion.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct EvaluatorResult {
    /// The value given.
    #[serde(default)]
    pub value: Option<String>,
    /// Who gave it.
    #[serde(default)]
    pub source: Option<String>,
    /// Why.
    #[serde(default)]
    pub reasoning: Option<String>,
    /// Reason ids.
    #[serde(default, deserialize_with = "null_as_default")]
    pub reason_ids: Vec<String>,
    /// Free text.
    #[serde(default)]
    pub other_text: Option<String>,
}

/// The answer to adding or removing a contact.
///
/// Intercom answers with the conversation's contacts (`{"customers": [...]}`,
/// as its documentation and the spec's own example show), while the 2.16
/// schema declares the whole conversation. Both decode; use
/// [`contact_ids`](Self::contact_ids) to read either.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Participants {
    /// The contacts of the conversation after the change.
    Customers {
        /// The contacts.
        #[serde(deserialize_with = "null_as_default")]
        customers: Vec<Participant>,
    },
    /// The whole conversation after the change.
    Conversation(Box<Conversation>),
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

/// The message `POST /conversations` creates (not the conversation: fetch it
/// with [`Conversations::get`] and [`conversation_id`](Self::conversation_id)).
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

/// A deleted conversation, from [`Conversations::list_deleted`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DeletedConversation {
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
    pub total_count: Option<u64>,
}

// ---------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------

/// Refuse a time that is not positive or that looks like milliseconds.
fn check_unix_seconds(field: &'static str, value: i64) -> Result<(), Error> {
    if value <= 0 {
        return Err(Error::invalid(
            field,
            format!("{value} is not a unix time in seconds"),
        ));
    }
    if value > MAX_UNIX_SECONDS {
        return Err(Error::invalid(
            field,
            format!("{value} looks like milliseconds; Intercom takes unix seconds"),
        ));
    }
    Ok(())
}

/// Refuse more than ten attachment URLs, or one that is not an absolute
/// http(s) URL.
fn check_attachment_urls(urls: &[String]) -> Result<(), Error> {
    if urls.len() > MAX_ATTACHMENT_URLS {
        return Err(Error::invalid(
            "attachment_urls",
            format!(
                "{} URLs; Intercom accepts at most {MAX_ATTACHMENT_URLS}",
                urls.len()
            ),
        ));
    }
    for (i, u) in urls.iter().enumerate() {
        let ok = url::Url::parse(u).is_ok_and(|p| matches!(p.scheme(), "http" | "https"));
        if !ok {
            return Err(Error::invalid(
                format!("attachment_urls[{i}]"),
                "must be an absolute http(s) URL",
            ));
        }
    }
    Ok(())
}

fn require_text(field: &'static str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// How a contact is identified in a reply or when added to a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum ContactIdentifier {
    /// Intercom's id for the contact (sent as `intercom_user_id`).
    #[serde(rename = "intercom_user_id")]
    Id(String),
    /// Your id for the contact (sent as `user_id`).
    #[serde(rename = "user_id")]
    ExternalId(String),
    /// The contact's email address (sent as `email`).
    #[serde(rename = "email")]
    Email(String),
}

impl ContactIdentifier {
    /// By Intercom's contact id.
    pub fn id(id: impl Into<String>) -> Self {
        ContactIdentifier::Id(id.into())
    }

    /// By your external id.
    pub fn external_id(id: impl Into<String>) -> Self {
        ContactIdentifier::ExternalId(id.into())
    }

    /// By email address.
    pub fn email(email: impl Into<String>) -> Self {
        ContactIdentifier::Email(email.into())
    }

    fn validate(&self, prefix: &str) -> Result<(), Error> {
        let (key, value) = match self {
            ContactIdentifier::Id(v) => ("intercom_user_id", v),
            ContactIdentifier::ExternalId(v) => ("user_id", v),
            ContactIdentifier::Email(v) => ("email", v),
        };
        if value.trim().is_empty() {
            return Err(Error::invalid(
                format!("{prefix}{key}"),
                "must not be empty",
            ));
        }
        Ok(())
    }
}

string_enum! {
    /// The kind of contact a conversation is created for.
    pub enum SenderType {
        /// An identified user.
        User = "user",
        /// A lead.
        Lead = "lead",
        /// A visitor (converted to a lead when the conversation is created).
        Contact = "contact",
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
struct Sender {
    #[serde(rename = "type")]
    kind: SenderType,
    id: String,
}

/// The body of `POST /conversations`: a message from a contact.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateConversation {
    from: Sender,
    body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachment_urls: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    brand_id: Option<String>,
}

impl CreateConversation {
    /// A message from the contact `id` of kind `kind`.
    pub fn new(kind: SenderType, id: impl Into<String>, body: impl Into<String>) -> Self {
        CreateConversation {
            from: Sender {
                kind,
                id: id.into(),
            },
            body: body.into(),
            subject: None,
            attachment_urls: Vec::new(),
            created_at: None,
            brand_id: None,
        }
    }

    /// A message from the user with Intercom id `contact_id`.
    pub fn from_user(contact_id: impl Into<String>, body: impl Into<String>) -> Self {
        Self::new(SenderType::User, contact_id, body)
    }

    /// A message from the lead with Intercom id `contact_id`.
    pub fn from_lead(contact_id: impl Into<String>, body: impl Into<String>) -> Self {
        Self::new(SenderType::Lead, contact_id, body)
    }

    /// The subject (not shown for in-app messages).
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Attach a file by URL (at most ten).
    pub fn attachment_url(mut self, url: impl Into<String>) -> Self {
        self.attachment_urls.push(url.into());
        self
    }

    /// Back-date the message (unix seconds), e.g. when importing history.
    pub fn created_at(mut self, unix: i64) -> Self {
        self.created_at = Some(unix);
        self
    }

    /// The brand the conversation belongs to (multi-brand workspaces).
    pub fn brand_id(mut self, id: impl Into<String>) -> Self {
        self.brand_id = Some(id.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_text("from.id", &self.from.id)?;
        require_text("body", &self.body)?;
        check_attachment_urls(&self.attachment_urls)?;
        if let Some(t) = self.created_at {
            check_unix_seconds("created_at", t)?;
        }
        Ok(())
    }
}

/// The body of `PUT /conversations/{id}`: only the fields set are changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateConversation {
    #[serde(skip_serializing_if = "Option::is_none")]
    read: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    custom_attributes: Option<CustomAttributes>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_id: Option<String>,
}

impl UpdateConversation {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Mark read or unread.
    pub fn read(mut self, read: bool) -> Self {
        self.read = Some(read);
        self
    }

    /// Set the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Set one conversation attribute. For a custom object association, the
    /// value is a list of instance ids, e.g. `json!(["21"])`.
    pub fn custom_attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.custom_attributes
            .get_or_insert_with(Default::default)
            .insert(name.into(), value.into());
        self
    }

    /// Set several conversation attributes at once.
    pub fn custom_attributes(mut self, attrs: CustomAttributes) -> Self {
        self.custom_attributes
            .get_or_insert_with(Default::default)
            .extend(attrs);
        self
    }

    /// Associate the conversation with a company (Intercom's company id).
    pub fn company_id(mut self, id: impl Into<String>) -> Self {
        self.company_id = Some(id.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(attrs) = &self.custom_attributes {
            if attrs.keys().any(|k| k.trim().is_empty()) {
                return Err(Error::invalid(
                    "custom_attributes",
                    "an attribute name is empty",
                ));
            }
        }
        if let Some(id) = &self.company_id {
            require_text("company_id", id)?;
        }
        Ok(())
    }
}

/// The body of `POST /conversations/search`: a query, plus whether to
/// include QA results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConversationSearch {
    query: Query,
    #[serde(skip)]
    include_monitors: bool,
    #[serde(skip)]
    include_scorecards: bool,
}

impl ConversationSearch {
    /// Search with `query`.
    pub fn new(query: Query) -> Self {
        ConversationSearch {
            query,
            include_monitors: false,
            include_scorecards: false,
        }
    }

    /// Include [`Conversation::monitor_evaluations`] in every result.
    pub fn include_monitors(mut self) -> Self {
        self.include_monitors = true;
        self
    }

    /// Include [`Conversation::scorecards`] in every result.
    pub fn include_scorecards(mut self) -> Self {
        self.include_scorecards = true;
        self
    }
}

impl From<Query> for ConversationSearch {
    fn from(query: Query) -> Self {
        ConversationSearch::new(query)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum ReplyType {
    Comment,
    Note,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum ReplyAuthor {
    Admin,
    User,
}

/// The body of `POST /conversations/{id}/reply`: a comment or note from an
/// admin, or a comment from a contact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    message_type: ReplyType,
    #[serde(rename = "type")]
    author: ReplyAuthor,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin_id: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    contact: Option<ContactIdentifier>,
    body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachment_urls: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skip_notifications: Option<bool>,
}

impl Reply {
    fn new(
        message_type: ReplyType,
        author: ReplyAuthor,
        admin_id: Option<String>,
        contact: Option<ContactIdentifier>,
        body: String,
    ) -> Self {
        Reply {
            message_type,
            author,
            admin_id,
            contact,
            body,
            created_at: None,
            attachment_urls: Vec::new(),
            skip_notifications: None,
        }
    }

    /// A message from admin `admin_id` that the contact sees (HTML allowed).
    pub fn admin_comment(admin_id: impl Into<String>, body: impl Into<String>) -> Self {
        Self::new(
            ReplyType::Comment,
            ReplyAuthor::Admin,
            Some(admin_id.into()),
            None,
            body.into(),
        )
    }

    /// An internal note from admin `admin_id` (some HTML allowed).
    pub fn admin_note(admin_id: impl Into<String>, body: impl Into<String>) -> Self {
        Self::new(
            ReplyType::Note,
            ReplyAuthor::Admin,
            Some(admin_id.into()),
            None,
            body.into(),
        )
    }

    /// A message on behalf of a contact.
    pub fn contact_comment(contact: ContactIdentifier, body: impl Into<String>) -> Self {
        Self::new(
            ReplyType::Comment,
            ReplyAuthor::User,
            None,
            Some(contact),
            body.into(),
        )
    }

    /// Attach a file by URL (at most ten).
    pub fn attachment_url(mut self, url: impl Into<String>) -> Self {
        self.attachment_urls.push(url.into());
        self
    }

    /// Back-date the reply (unix seconds).
    pub fn created_at(mut self, unix: i64) -> Self {
        self.created_at = Some(unix);
        self
    }

    /// Do not notify the contact (admin replies only).
    pub fn skip_notifications(mut self, skip: bool) -> Self {
        self.skip_notifications = Some(skip);
        self
    }

    fn is_from_contact(&self) -> bool {
        self.author == ReplyAuthor::User
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(admin_id) = &self.admin_id {
            require_text("admin_id", admin_id)?;
        }
        if let Some(contact) = &self.contact {
            contact.validate("")?;
        }
        require_text("body", &self.body)?;
        check_attachment_urls(&self.attachment_urls)?;
        if let Some(t) = self.created_at {
            check_unix_seconds("created_at", t)?;
        }
        if self.skip_notifications.is_some() && self.is_from_contact() {
            return Err(Error::invalid(
                "skip_notifications",
                "only an admin reply can skip notifications",
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum ActionType {
    Close,
    Open,
    Snoozed,
    Assignment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum AssigneeType {
    Admin,
    Team,
}

/// The body of `POST /conversations/{id}/parts`: close, open, snooze or
/// assign a conversation, on behalf of an admin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConversationAction {
    message_type: ActionType,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    assignee_type: Option<AssigneeType>,
    admin_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    assignee_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snoozed_until: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
}

impl ConversationAction {
    fn new(message_type: ActionType, admin_id: String) -> Self {
        ConversationAction {
            message_type,
            assignee_type: None,
            admin_id,
            assignee_id: None,
            snoozed_until: None,
            body: None,
        }
    }

    /// Close the conversation (optionally with a closing message, see
    /// [`body`](Self::body)).
    pub fn close(admin_id: impl Into<String>) -> Self {
        let mut a = Self::new(ActionType::Close, admin_id.into());
        a.assignee_type = Some(AssigneeType::Admin);
        a
    }

    /// Open a closed or snoozed conversation.
    pub fn open(admin_id: impl Into<String>) -> Self {
        Self::new(ActionType::Open, admin_id.into())
    }

    /// Snooze the conversation until `until` (unix seconds, in the future).
    pub fn snooze(admin_id: impl Into<String>, until: i64) -> Self {
        let mut a = Self::new(ActionType::Snoozed, admin_id.into());
        a.snoozed_until = Some(until);
        a
    }

    /// Assign the conversation to admin `assignee_admin_id`.
    pub fn assign_to_admin(
        admin_id: impl Into<String>,
        assignee_admin_id: impl Into<String>,
    ) -> Self {
        Self::assign(
            admin_id.into(),
            AssigneeType::Admin,
            assignee_admin_id.into(),
        )
    }

    /// Assign the conversation to team `team_id`.
    pub fn assign_to_team(admin_id: impl Into<String>, team_id: impl Into<String>) -> Self {
        Self::assign(admin_id.into(), AssigneeType::Team, team_id.into())
    }

    /// Remove the admin assignee (assign to `0`).
    pub fn unassign_admin(admin_id: impl Into<String>) -> Self {
        Self::assign(admin_id.into(), AssigneeType::Admin, "0".into())
    }

    /// Remove the team assignee (assign to `0`).
    pub fn unassign_team(admin_id: impl Into<String>) -> Self {
        Self::assign(admin_id.into(), AssigneeType::Team, "0".into())
    }

    fn assign(admin_id: String, kind: AssigneeType, assignee_id: String) -> Self {
        let mut a = Self::new(ActionType::Assignment, admin_id);
        a.assignee_type = Some(kind);
        a.assignee_id = Some(assignee_id);
        a
    }

    /// A message posted with a close or an assignment.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_text("admin_id", &self.admin_id)?;
        if let Some(id) = &self.assignee_id {
            require_text("assignee_id", id)?;
        }
        if let Some(t) = self.snoozed_until {
            check_unix_seconds("snoozed_until", t)?;
        }
        if let Some(body) = &self.body {
            if matches!(self.message_type, ActionType::Open | ActionType::Snoozed) {
                return Err(Error::invalid(
                    "body",
                    "only closing or assigning a conversation carries a message",
                ));
            }
            require_text("body", body)?;
        }
        Ok(())
    }
}

/// The body of `POST /conversations/redact`: what to redact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Redaction {
    /// A conversation part (it must have a body).
    ConversationPart {
        /// The conversation.
        conversation_id: String,
        /// The part.
        conversation_part_id: String,
    },
    /// The source message of a conversation (it must come from a contact).
    Source {
        /// The conversation.
        conversation_id: String,
        /// The source message ([`ConversationSource::id`]).
        source_id: String,
    },
}

impl Redaction {
    /// Redact part `part_id` of conversation `conversation_id`.
    pub fn part(conversation_id: impl Into<String>, part_id: impl Into<String>) -> Self {
        Redaction::ConversationPart {
            conversation_id: conversation_id.into(),
            conversation_part_id: part_id.into(),
        }
    }

    /// Redact the source message `source_id` of conversation `conversation_id`.
    pub fn source(conversation_id: impl Into<String>, source_id: impl Into<String>) -> Self {
        Redaction::Source {
            conversation_id: conversation_id.into(),
            source_id: source_id.into(),
        }
    }

    fn validate(&self) -> Result<(), Error> {
        match self {
            Redaction::ConversationPart {
                conversation_id,
                conversation_part_id,
            } => {
                require_id("conversation_id", conversation_id)?;
                require_id("conversation_part_id", conversation_part_id)
            }
            Redaction::Source {
                conversation_id,
                source_id,
            } => {
                require_id("conversation_id", conversation_id)?;
                require_id("source_id", source_id)
            }
        }
    }
}

/// The body of `POST /conversations/{id}/convert`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConvertToTicket {
    ticket_type_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    ticket_state_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attributes: Option<CustomAttributes>,
}

impl ConvertToTicket {
    /// Convert into a ticket of type `ticket_type_id` (a customer ticket type).
    pub fn new(ticket_type_id: impl Into<String>) -> Self {
        ConvertToTicket {
            ticket_type_id: ticket_type_id.into(),
            ticket_state_id: None,
            attributes: None,
        }
    }

    /// The state the ticket starts in (default: the type's first state).
    pub fn ticket_state_id(mut self, id: impl Into<String>) -> Self {
        self.ticket_state_id = Some(id.into());
        self
    }

    /// Set a ticket attribute: a string, number, boolean, `null` or list.
    pub fn attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.attributes
            .get_or_insert_with(Default::default)
            .insert(name.into(), value.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_id("ticket_type_id", &self.ticket_type_id)?;
        if let Some(id) = &self.ticket_state_id {
            require_id("ticket_state_id", id)?;
        }
        for (name, value) in self.attributes.iter().flatten() {
            if name.trim().is_empty() {
                return Err(Error::invalid("attributes", "an attribute name is empty"));
            }
            if value.is_object() {
                return Err(Error::invalid(
                    format!("attributes.{name}"),
                    "must be a string, number, boolean, null or list, not an object",
                ));
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------

const LIST: Paging = Paging::new(Scheme::QueryCursor, "conversations").max_per_page(MAX_PER_PAGE);
const SEARCH: Paging = Paging::new(Scheme::BodyCursor, "conversations").max_per_page(MAX_PER_PAGE);
const SIDE_CONVERSATIONS: Paging = Paging::new(Scheme::PageNumber, "side_conversations")
    .max_per_page(MAX_SIDE_CONVERSATIONS_PER_PAGE);
const DELETED: Paging =
    Paging::new(Scheme::PageNumber, "conversations").max_per_page(MAX_DELETED_PER_PAGE);

/// The conversations endpoints. Get one from [`Client::conversations`](crate::Client::conversations).
#[derive(Debug)]
pub struct Conversations<'c, C> {
    client: &'c C,
}

impl<'c, C> Conversations<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Conversations { client }
    }

    fn call<T>(&self, request: Result<Request<T>, Error>) -> Call<'c, C, T> {
        Call::new(self.client, request)
    }

    /// `POST /conversations`: start a conversation as a contact. Returns the
    /// message; its `conversation_id` names the new conversation.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::conversations::CreateConversation;
    /// let message = client
    ///     .conversations()
    ///     .create(CreateConversation::from_user("6762f0d01bb69f9f2193bb7d", "My export is stuck"))
    ///     .await?;
    /// println!("{:?}", message.conversation_id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty contact id or body,
    /// more than ten or non-http(s) attachment URLs, or a `created_at` that
    /// is not unix seconds; `404 not_found` for an unknown contact.
    pub fn create(&self, conversation: CreateConversation) -> Call<'c, C, Message> {
        self.call(
            conversation
                .validate()
                .and_then(|()| Request::post("/conversations").json(&conversation)),
        )
    }

    /// `GET /conversations/{id}`: a conversation with its parts (at most the
    /// 500 most recent).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let conversation = client
    ///     .conversations()
    ///     .get("1911149811")
    ///     .display_as_plaintext()
    ///     .await?;
    /// for part in conversation.conversation_parts.iter() {
    ///     println!("{:?}: {:?}", part.part_type, part.body);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    pub fn get(&self, id: &str) -> Call<'c, C, Conversation> {
        self.call(require_id("id", id).map(|()| Request::get(path(&["conversations", id]))))
    }

    /// `PUT /conversations/{id}`: change read state, title, attributes or
    /// company. To reply, close, snooze or assign, see [`reply`](Self::reply)
    /// and [`manage`](Self::manage).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::conversations::UpdateConversation;
    /// client
    ///     .conversations()
    ///     .update(
    ///         "1911149811",
    ///         UpdateConversation::new().read(true).custom_attribute("issue_type", "Billing"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id, attribute name or company id;
    /// `404 not_found`; `400 parameter_invalid` when the workspace has two
    /// attributes of the same name.
    pub fn update(&self, id: &str, update: UpdateConversation) -> Call<'c, C, Conversation> {
        self.call(
            require_id("id", id)
                .and_then(|()| update.validate())
                .and_then(|()| Request::put(path(&["conversations", id])).json(&update)),
        )
    }

    /// `DELETE /conversations/{id}`: delete a conversation for good. Reporting
    /// data is kept unless [`retain_metrics(false)`](Call::retain_metrics).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let deleted = client.conversations().delete("1911149811").await?;
    /// assert!(deleted.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`; `403` for `retain_metrics(false)` without the
    /// `delete_conversations_and_metrics` scope.
    pub fn delete(&self, id: &str) -> Call<'c, C, ConversationDeleted> {
        self.call(require_id("id", id).map(|()| Request::delete(path(&["conversations", id]))))
    }

    /// `GET /conversations`: every conversation, newest first, cursor-paged
    /// (up to 150 per page). Items have no `conversation_parts`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let mut all = std::pin::pin!(client.conversations().list().per_page(150).items());
    /// while let Some(conversation) = all.try_next().await? {
    ///     println!("{} {:?}", conversation.id, conversation.state);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for `per_page` outside 1..=150; API errors.
    pub fn list(&self) -> ListCall<'c, C, Conversation> {
        ListCall::new(self.client, Ok(Request::get("/conversations")), LIST)
    }

    /// `POST /conversations/search`: conversations matching a query,
    /// cursor-paged (up to 150 per page).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::conversations::ConversationSearch;
    /// use intercom_api::search::{Query, field};
    /// let recent_open = ConversationSearch::new(Query::and([
    ///     field("state").eq("open"),
    ///     field("updated_at").gt(1_717_000_000),
    /// ]))
    /// .include_scorecards();
    /// let first_100 = client.conversations().search(recent_open).collect_at_most(100).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for a query Intercom would refuse
    /// (see [`Query::validate`]) or `per_page` outside 1..=150.
    pub fn search(&self, search: impl Into<ConversationSearch>) -> ListCall<'c, C, Conversation> {
        let search = search.into();
        let request = search.query.validate().and_then(|()| {
            let mut r = Request::post("/conversations/search");
            if search.include_monitors {
                r = r.query("include_monitors", true);
            }
            if search.include_scorecards {
                r = r.query("include_scorecards", true);
            }
            // A search reads only: safe to retry after a 5xx or timeout.
            r.idempotent(true).json(&search)
        });
        ListCall::new(self.client, request, SEARCH)
    }

    /// `POST /conversations/{id}/reply`: reply as an admin (comment or note)
    /// or on behalf of a contact.
    ///
    /// Pass [`LAST`] as the id to reply to the most recent conversation of
    /// the contact the reply is from (contact replies only).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::conversations::{ContactIdentifier, LAST, Reply};
    /// client
    ///     .conversations()
    ///     .reply(
    ///         "1911149811",
    ///         Reply::admin_comment("991267", "<p>Here is the invoice.</p>")
    ///             .attachment_url("https://example.com/invoices/1187.pdf"),
    ///     )
    ///     .await?;
    /// client
    ///     .conversations()
    ///     .reply(LAST, Reply::contact_comment(ContactIdentifier::email("ada@example.com"), "Thanks!"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty id or body, more
    /// than ten or non-http(s) attachment URLs, a contact reply that skips
    /// notifications, or an admin reply to [`LAST`]; `404 not_found`.
    pub fn reply(&self, id: &str, reply: Reply) -> Call<'c, C, Conversation> {
        self.call(
            require_id("id", id)
                .and_then(|()| {
                    if id == LAST && !reply.is_from_contact() {
                        return Err(Error::invalid(
                            "id",
                            "`last` names the replying contact's latest conversation, \
                             so it needs a contact reply",
                        ));
                    }
                    reply.validate()
                })
                .and_then(|()| Request::post(path(&["conversations", id, "reply"])).json(&reply)),
        )
    }

    /// `POST /conversations/{id}/parts`: close, open, snooze or assign.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::conversations::ConversationAction;
    /// let conversations = client.conversations();
    /// conversations.manage("1911149811", ConversationAction::assign_to_team("991267", "5017691")).await?;
    /// conversations.manage("1911149811", ConversationAction::snooze("991267", 1_767_225_600)).await?;
    /// conversations.manage("1911149811", ConversationAction::open("991267")).await?;
    /// conversations
    ///     .manage("1911149811", ConversationAction::close("991267").body("Resolved, thanks!"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty id, admin id or
    /// assignee id, a snooze time that is not unix seconds, or a body on an
    /// open or snooze; `404 not_found`.
    pub fn manage(&self, id: &str, action: ConversationAction) -> Call<'c, C, Conversation> {
        self.call(
            require_id("id", id)
                .and_then(|()| action.validate())
                .and_then(|()| {
                    // Setting a state is safe to repeat; posting a message is not.
                    Request::post(path(&["conversations", id, "parts"]))
                        .idempotent(action.body.is_none())
                        .json(&action)
                }),
        )
    }

    /// `POST /conversations/{id}/customers`: add a contact to the
    /// conversation, on behalf of admin `admin_id`. A contact added by an
    /// email Intercom does not know is created as a lead. Returns the
    /// conversation's contacts.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::conversations::ContactIdentifier;
    /// let now = client
    ///     .conversations()
    ///     .attach_contact("1911149811", "991267", ContactIdentifier::id("6762f0d01bb69f9f2193bb7d"))
    ///     .await?;
    /// assert!(now.contact_ids().contains(&"6762f0d01bb69f9f2193bb7d"));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id, admin id or contact
    /// identifier; `404 not_found`.
    pub fn attach_contact(
        &self,
        id: &str,
        admin_id: &str,
        contact: ContactIdentifier,
    ) -> Call<'c, C, Participants> {
        #[derive(Serialize)]
        struct Body<'a> {
            admin_id: &'a str,
            customer: &'a ContactIdentifier,
        }
        self.call(
            require_id("id", id)
                .and_then(|()| require_id("admin_id", admin_id))
                .and_then(|()| contact.validate("customer."))
                .and_then(|()| {
                    Request::post(path(&["conversations", id, "customers"])).json(&Body {
                        admin_id,
                        customer: &contact,
                    })
                }),
        )
    }

    /// `DELETE /conversations/{id}/customers/{contact_id}`: remove a contact
    /// from a group conversation, on behalf of admin `admin_id` (sent as a
    /// JSON body). Returns the conversation's remaining contacts.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .conversations()
    ///     .detach_contact("1911149811", "6762f0d01bb69f9f2193bb7d", "991267")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`; `422
    /// parameter_invalid` when it is the last contact of the conversation.
    pub fn detach_contact(
        &self,
        id: &str,
        contact_id: &str,
        admin_id: &str,
    ) -> Call<'c, C, Participants> {
        #[derive(Serialize)]
        struct Body<'a> {
            admin_id: &'a str,
        }
        self.call(
            require_id("id", id)
                .and_then(|()| require_id("contact_id", contact_id))
                .and_then(|()| require_id("admin_id", admin_id))
                .and_then(|()| {
                    Request::delete(path(&["conversations", id, "customers", contact_id]))
                        .json(&Body { admin_id })
                }),
        )
    }

    /// `GET /conversations/{id}/handling_events`: when teammates paused and
    /// resumed handling the conversation.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for event in client.conversations().list_handling_events("1911149811").await? {
    ///     println!("{} {} at {}", event.teammate.id, event.kind, event.timestamp);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    pub fn list_handling_events(&self, id: &str) -> Call<'c, C, HandlingEvents> {
        self.call(
            require_id("id", id)
                .map(|()| Request::get(path(&["conversations", id, "handling_events"]))),
        )
    }

    /// `GET /conversations/{id}/side_conversations`: internal threads started
    /// from the conversation, page-numbered (up to 50 per page).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let threads = client
    ///     .conversations()
    ///     .list_side_conversations("1911149811")
    ///     .per_page(50)
    ///     .collect_at_most(200)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`; [`Error::InvalidInput`] for `per_page` outside 1..=50.
    pub fn list_side_conversations(&self, id: &str) -> ListCall<'c, C, SideConversation> {
        let request = require_id("id", id)
            .map(|()| Request::get(path(&["conversations", id, "side_conversations"])));
        ListCall::new(self.client, request, SIDE_CONVERSATIONS)
    }

    /// `POST /conversations/redact`: redact a part (it must have a body) or
    /// the source message (it must come from a contact).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::conversations::Redaction;
    /// client
    ///     .conversations()
    ///     .redact(Redaction::part("1911149811", "27561203462"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404
    /// conversation_part_or_message_not_found`; `conversation_part_not_redactable`.
    pub fn redact(&self, redaction: Redaction) -> Call<'c, C, Conversation> {
        self.call(redaction.validate().and_then(|()| {
            // Redacting twice leaves the same result.
            Request::post("/conversations/redact")
                .idempotent(true)
                .json(&redaction)
        }))
    }

    /// `POST /conversations/{id}/merge`: merge conversation `id` (closed and
    /// linked) into `into_id`, which survives and is returned.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let primary = client.conversations().merge("1911149822", "1911149811").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty id, an `into_id`
    /// that is not a numeric conversation id, or a conversation merged into
    /// itself; `422 merge_failed` (already merged, primary not found).
    pub fn merge(&self, id: &str, into_id: &str) -> Call<'c, C, Conversation> {
        #[derive(Serialize)]
        struct Body {
            merge_into_conversation_id: u64,
        }
        let into = require_id("id", id).and_then(|()| {
            let into = into_id.trim().parse::<u64>().map_err(|_| {
                Error::invalid(
                    "merge_into_conversation_id",
                    "must be a numeric conversation id",
                )
            })?;
            if into_id.trim() == id.trim() {
                return Err(Error::invalid(
                    "merge_into_conversation_id",
                    "a conversation cannot be merged into itself",
                ));
            }
            Ok(into)
        });
        self.call(into.and_then(|into| {
            Request::post(path(&["conversations", id, "merge"])).json(&Body {
                merge_into_conversation_id: into,
            })
        }))
    }

    /// `POST /conversations/{id}/convert`: turn the conversation into a
    /// ticket.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::conversations::ConvertToTicket;
    /// let ticket = client
    ///     .conversations()
    ///     .convert_to_ticket(
    ///         "1911149811",
    ///         ConvertToTicket::new("53").attribute("_default_title_", "Export stuck"),
    ///     )
    ///     .await?;
    /// println!("{:?}", ticket.ticket_id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or an object attribute value;
    /// `400 parameter_invalid` when the type is not a customer ticket type.
    pub fn convert_to_ticket(&self, id: &str, convert: ConvertToTicket) -> Call<'c, C, Ticket> {
        self.call(
            require_id("id", id)
                .and_then(|()| convert.validate())
                .and_then(|()| {
                    Request::post(path(&["conversations", id, "convert"])).json(&convert)
                }),
        )
    }

    /// `GET /conversations/deleted`: the ids of deleted conversations,
    /// page-numbered (up to 60 per page), newest first by default.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::search::SortOrder;
    /// let deleted = client
    ///     .conversations()
    ///     .list_deleted()
    ///     .order(SortOrder::Ascending)
    ///     .per_page(60)
    ///     .collect_at_most(1_000)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for `per_page` outside 1..=60; API errors.
    pub fn list_deleted(&self) -> ListCall<'c, C, DeletedConversation> {
        ListCall::new(
            self.client,
            Ok(Request::get("/conversations/deleted")),
            DELETED,
        )
    }
}

impl<C> Call<'_, C, Conversation> {
    /// Return message bodies and subjects as plain text (`display_as=plaintext`;
    /// honoured by [`Conversations::get`] and [`Conversations::update`]).
    pub fn display_as_plaintext(self) -> Self {
        self.set_query("display_as", "plaintext")
    }

    /// Translate the parts into the conversation's detected language
    /// (`include_translations=true`; honoured by [`Conversations::get`]).
    pub fn include_translations(self) -> Self {
        self.set_query("include_translations", "true")
    }
}

impl<C> Call<'_, C, ConversationDeleted> {
    /// `true` (Intercom's default): keep reporting data. `false`: delete it
    /// too (needs the `delete_conversations_and_metrics` scope).
    pub fn retain_metrics(self, retain: bool) -> Self {
        self.set_query("retain_metrics", if retain { "true" } else { "false" })
    }
}

impl<C> ListCall<'_, C, DeletedConversation> {
    /// Oldest or newest deletion first.
    pub fn order(self, order: SortOrder) -> Self {
        let value = match order {
            SortOrder::Ascending => "asc",
            SortOrder::Descending => "desc",
        };
        self.map_request(|mut r| {
            r.raw.set_query("order", value.into());
            Ok(r)
        })
    }
}
