//! The ticket models: what Intercom answers.

use serde::{Deserialize, Deserializer};

use crate::conversations::{Attachment, AuthorType, ContactReference, LinkedObjects};
use crate::models::{
    CustomAttributes, Reference, null_as_default, opt_string_or_number, string_enum,
    string_or_number,
};
use crate::ticket_types::{TicketCategory, TicketState, TicketStateCategory, TicketType};

/// A ticket: a tracked customer request (or back-office task, or tracker),
/// with a type, a state and attributes.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Ticket {
    /// Intercom's id for the ticket: the id every ticket endpoint takes.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The number shown in the Inbox and Messenger (`#184`); not for API calls.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub ticket_id: Option<String>,
    /// Customer, back-office or tracker.
    #[serde(default)]
    pub category: Option<TicketCategory>,
    /// The ticket's attributes by name; the title and description are
    /// `_default_title_` and `_default_description_`. File attributes are
    /// objects (`{name, url, content_type, ...}`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub ticket_attributes: CustomAttributes,
    /// Its current state. Older answers (and the spec's own
    /// `changeTicketType` example) send a bare category string instead of
    /// the object: it is read into `category`, with an empty `id`.
    #[serde(default, deserialize_with = "state_or_category")]
    pub ticket_state: Option<TicketState>,
    /// Its type.
    #[serde(default)]
    pub ticket_type: Option<TicketType>,
    /// The contacts the ticket is about.
    #[serde(default, deserialize_with = "contact_list")]
    pub contacts: Vec<ContactReference>,
    /// The assigned admin; `"0"` when none (see [`Ticket::assigned_admin_id`]).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub admin_assignee_id: Option<String>,
    /// The assigned team; `"0"` when none (see [`Ticket::assigned_team_id`]).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub team_assignee_id: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// `false` once the ticket is closed.
    #[serde(default)]
    pub open: Option<bool>,
    /// Snoozed until (unix seconds); `None` when not snoozed.
    #[serde(default)]
    pub snoozed_until: Option<i64>,
    /// Linked conversations and tickets (up to 1000).
    #[serde(default)]
    pub linked_objects: Option<LinkedObjects>,
    /// Its parts: notes, comments, state changes, ... (up to 500).
    #[serde(default, deserialize_with = "part_list")]
    pub ticket_parts: Vec<TicketPart>,
    /// Whether the customer can see it.
    #[serde(default)]
    pub is_shared: Option<bool>,
    /// The state before the latest state change; `None` without one.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub previous_ticket_state_id: Option<String>,
}

impl Ticket {
    /// The assigned admin's id, `None` when unassigned (`0`).
    pub fn assigned_admin_id(&self) -> Option<&str> {
        assigned(self.admin_assignee_id.as_deref())
    }

    /// The assigned team's id, `None` when unassigned (`0`).
    pub fn assigned_team_id(&self) -> Option<&str> {
        assigned(self.team_assignee_id.as_deref())
    }

    /// The `_default_title_` attribute, when it is text.
    pub fn title(&self) -> Option<&str> {
        self.ticket_attributes
            .get("_default_title_")
            .and_then(|v| v.as_str())
    }

    /// The category of its current state.
    pub fn state_category(&self) -> Option<&TicketStateCategory> {
        self.ticket_state.as_ref()?.category.as_ref()
    }
}

fn assigned(id: Option<&str>) -> Option<&str> {
    id.filter(|id| !id.is_empty() && *id != "0")
}

string_enum! {
    /// What a ticket part records.
    pub enum TicketPartType {
        /// A message the contact sees.
        Comment = "comment",
        /// An internal note.
        Note = "note",
        /// Quick reply options.
        QuickReply = "quick_reply",
        /// An assignment.
        Assignment = "assignment",
        /// Snoozed.
        Snoozed = "snoozed",
        /// A teammate changed the state.
        TicketStateUpdatedByAdmin = "ticket_state_updated_by_admin",
        /// A teammate changed an attribute.
        TicketAttributeUpdatedByAdmin = "ticket_attribute_updated_by_admin",
    }
}

/// One part of a ticket: a message, note or event; also the answer to a
/// reply (`POST /tickets/{ticket_id}/reply`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TicketPart {
    /// Intercom's id for the part.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// What it records.
    #[serde(default)]
    pub part_type: Option<TicketPartType>,
    /// The message (HTML allowed), when it has one.
    #[serde(default)]
    pub body: Option<String>,
    /// For a state change: the state before.
    #[serde(default)]
    pub previous_ticket_state: Option<TicketStateCategory>,
    /// For a state change: the state after.
    #[serde(default)]
    pub ticket_state: Option<TicketStateCategory>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// For an assignment: the new assignee.
    #[serde(default)]
    pub assigned_to: Option<Reference>,
    /// Who wrote or triggered it.
    #[serde(default)]
    pub author: Option<TicketPartAuthor>,
    /// Attached files.
    #[serde(default, deserialize_with = "null_as_default")]
    pub attachments: Vec<Attachment>,
    /// Your id for the part.
    #[serde(default)]
    pub external_id: Option<String>,
    /// Whether it was redacted.
    #[serde(default)]
    pub redacted: Option<bool>,
    /// The app that created it through the API.
    #[serde(default)]
    pub app_package_code: Option<String>,
    /// For an attribute change: which attribute and its new value.
    #[serde(default)]
    pub updated_attribute_data: Option<UpdatedAttributeData>,
}

/// Who wrote or triggered a ticket part.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TicketPartAuthor {
    /// Admin, bot, team or user.
    #[serde(rename = "type", default)]
    pub kind: Option<AuthorType>,
    /// Their id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// Their name.
    #[serde(default)]
    pub name: Option<String>,
    /// Their email.
    #[serde(default)]
    pub email: Option<String>,
}

/// The attribute a part changed, and its new value.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct UpdatedAttributeData {
    /// The attribute.
    #[serde(default)]
    pub attribute: Option<AttributeLabel>,
    /// Its new value.
    #[serde(default)]
    pub value: Option<AttributeLabel>,
}

/// An id and a human-readable label. For a value the id is the raw value
/// (or list option id) and may be a list of file ids, so both are JSON.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AttributeLabel {
    /// The id, as sent.
    #[serde(default)]
    pub id: serde_json::Value,
    /// The label, as sent (a list of file names for files).
    #[serde(default)]
    pub label: serde_json::Value,
}

/// The answer to deleting a ticket.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TicketDeleted {
    /// The deleted ticket's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

fn contact_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ContactReference>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapper {
        #[serde(default, deserialize_with = "null_as_default")]
        contacts: Vec<ContactReference>,
    }
    Ok(Option::<Wrapper>::deserialize(d)?
        .map(|w| w.contacts)
        .unwrap_or_default())
}

fn state_or_category<'de, D: Deserializer<'de>>(d: D) -> Result<Option<TicketState>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wire {
        State(Box<TicketState>),
        Category(String),
    }
    Ok(match Option::<Wire>::deserialize(d)? {
        None => None,
        Some(Wire::State(state)) => Some(*state),
        Some(Wire::Category(category)) => Some(TicketState::from_category(
            TicketStateCategory::from(category.as_str()),
        )),
    })
}

fn part_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<TicketPart>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapper {
        #[serde(default, deserialize_with = "null_as_default")]
        ticket_parts: Vec<TicketPart>,
    }
    Ok(Option::<Wrapper>::deserialize(d)?
        .map(|w| w.ticket_parts)
        .unwrap_or_default())
}
