//! The ticket type models: types, their attributes and their states.

use serde::{Deserialize, Deserializer};

use crate::models::{null_as_default, opt_string_or_number, string_enum, string_or_number};

string_enum! {
    /// What a ticket (or ticket type) is for.
    pub enum TicketCategory {
        /// A customer request, shared with the customer.
        Customer = "Customer",
        /// Internal work on behalf of a customer.
        BackOffice = "Back-office",
        /// A tracker: one issue many conversations are linked to.
        Tracker = "Tracker",
    }
}

string_enum! {
    /// The category of a ticket state; every state belongs to one.
    pub enum TicketStateCategory {
        /// Submitted, not yet worked on.
        Submitted = "submitted",
        /// Being worked on.
        InProgress = "in_progress",
        /// Waiting for the customer.
        WaitingOnCustomer = "waiting_on_customer",
        /// Resolved.
        Resolved = "resolved",
    }
}

impl TicketStateCategory {
    /// `true` for [`Resolved`](Self::Resolved): no work is left.
    pub fn is_resolved(&self) -> bool {
        *self == TicketStateCategory::Resolved
    }
}

string_enum! {
    /// The data type of a ticket type attribute.
    pub enum TicketAttributeType {
        /// Text (single or multi-line).
        String = "string",
        /// One item of a fixed list.
        List = "list",
        /// A whole number.
        Integer = "integer",
        /// A decimal number.
        Decimal = "decimal",
        /// True or false.
        Boolean = "boolean",
        /// A date and time.
        Datetime = "datetime",
        /// Uploaded files.
        Files = "files",
    }
}

/// A ticket type: the fields (attributes) and states of a kind of ticket.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TicketType {
    /// Intercom's id for the ticket type.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Customer, back-office or tracker.
    #[serde(default)]
    pub category: Option<TicketCategory>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// An emoji.
    #[serde(default)]
    pub icon: Option<String>,
    /// The workspace the type belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Its attributes, the two defaults (`_default_title_`,
    /// `_default_description_`) included. Read from the schema's
    /// `{"ticket_type_attributes": [...]}` and from the `{"data": [...]}`
    /// Intercom's examples show.
    #[serde(default, deserialize_with = "attribute_list")]
    pub ticket_type_attributes: Vec<TicketTypeAttribute>,
    /// The states a ticket of this type can be in.
    #[serde(default, deserialize_with = "data_list")]
    pub ticket_states: Vec<TicketState>,
    /// Whether it is archived.
    #[serde(default)]
    pub archived: Option<bool>,
    /// Whether its tickets are internal only (not shown in the spec's schema,
    /// but sent).
    #[serde(default)]
    pub is_internal: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

impl TicketType {
    /// The attribute named `name` (`_default_title_`, `priority`, ...).
    pub fn attribute(&self, name: &str) -> Option<&TicketTypeAttribute> {
        self.ticket_type_attributes
            .iter()
            .find(|a| a.name.as_deref() == Some(name))
    }

    /// The first state of `category`, e.g. the state to move a ticket to
    /// when it is resolved.
    pub fn state(&self, category: &TicketStateCategory) -> Option<&TicketState> {
        self.ticket_states
            .iter()
            .find(|s| s.category.as_ref() == Some(category))
    }
}

/// A field captured in the tickets of a type.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TicketTypeAttribute {
    /// Intercom's id for the attribute.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The workspace it belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Name; the key in a ticket's `ticket_attributes`.
    #[serde(default)]
    pub name: Option<String>,
    /// Description shown to teammates and contacts.
    #[serde(default)]
    pub description: Option<String>,
    /// The data type.
    #[serde(default)]
    pub data_type: Option<TicketAttributeType>,
    /// Input options as Intercom sends them (`multiline`, `list_options`,
    /// `allow_multiple_values`, ...), as JSON.
    #[serde(default)]
    pub input_options: Option<serde_json::Value>,
    /// Position among the type's attributes.
    #[serde(default)]
    pub order: Option<i64>,
    /// Required when a teammate creates a ticket.
    #[serde(default)]
    pub required_to_create: Option<bool>,
    /// Required when a contact creates a ticket.
    #[serde(default)]
    pub required_to_create_for_contacts: Option<bool>,
    /// Shown to teammates when creating a ticket.
    #[serde(default)]
    pub visible_on_create: Option<bool>,
    /// Shown to contacts.
    #[serde(default)]
    pub visible_to_contacts: Option<bool>,
    /// Built in (`_default_title_`, `_default_description_`).
    #[serde(default)]
    pub default: Option<bool>,
    /// The ticket type it belongs to (an integer in the spec, kept as text).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub ticket_type_id: Option<String>,
    /// Whether it is archived.
    #[serde(default)]
    pub archived: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// A ticket state: a label in one of the four [categories](TicketStateCategory).
///
/// In a ticket or ticket type it carries id, category and labels; listed by
/// [`TicketStates::list`](crate::ticket_states::TicketStates::list) it also
/// says whether it is archived and which types use it.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TicketState {
    /// Intercom's id for the state.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Submitted, in progress, waiting on customer or resolved.
    #[serde(default)]
    pub category: Option<TicketStateCategory>,
    /// The label teammates see.
    #[serde(default)]
    pub internal_label: Option<String>,
    /// The label customers see (Messenger, email, tickets portal).
    #[serde(default)]
    pub external_label: Option<String>,
    /// Whether it is archived (listing only).
    #[serde(default)]
    pub archived: Option<bool>,
    /// The ticket types using it (listing only).
    #[serde(default, deserialize_with = "data_list")]
    pub ticket_types: Vec<TicketType>,
}

impl TicketState {
    /// A state known only by its category (no id or labels).
    pub(crate) fn from_category(category: TicketStateCategory) -> Self {
        TicketState {
            id: String::new(),
            category: Some(category),
            internal_label: None,
            external_label: None,
            archived: None,
            ticket_types: Vec::new(),
        }
    }
}

/// `{"type": "list", "data": [...]}` (or `null`) as its items.
pub(crate) fn data_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(bound(deserialize = "T: Deserialize<'de>"))]
    struct Wrapper<T> {
        #[serde(default = "Vec::new", deserialize_with = "null_as_default")]
        data: Vec<T>,
    }
    Ok(Option::<Wrapper<T>>::deserialize(d)?
        .map(|w| w.data)
        .unwrap_or_default())
}

fn attribute_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<TicketTypeAttribute>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapper {
        #[serde(default, alias = "data", deserialize_with = "null_as_default")]
        ticket_type_attributes: Vec<TicketTypeAttribute>,
    }
    Ok(Option::<Wrapper>::deserialize(d)?
        .map(|w| w.ticket_type_attributes)
        .unwrap_or_default())
}
