//! The ticket request bodies (create, update, change type) and the
//! functions that check them. Replies are in `reply.rs`, searches in
//! `search.rs`.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::conversations::ContactIdentifier;
use crate::error::Error;
use crate::models::CustomAttributes;
use crate::resources::common::{require_non_empty, require_numeric, truncate};
use crate::transport::Request;

/// The key of a ticket's title attribute.
pub const TITLE: &str = "_default_title_";
/// The key of a ticket's description attribute.
pub const DESCRIPTION: &str = "_default_description_";

/// Ticket attributes being set: names to values, and whether something
/// else than a JSON object was given.
#[derive(Debug, Clone, Default, PartialEq)]
struct Attributes {
    map: CustomAttributes,
    not_an_object: bool,
}

impl Attributes {
    fn set(&mut self, name: String, value: serde_json::Value) {
        self.map.insert(name, value);
    }

    fn extend(&mut self, attrs: serde_json::Value) {
        match attrs {
            serde_json::Value::Object(map) => self.map.extend(map),
            _ => self.not_an_object = true,
        }
    }

    fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Intercom takes text, numbers, booleans, lists and `null`.
    fn validate(&self) -> Result<(), Error> {
        if self.not_an_object {
            return Err(Error::invalid(
                "ticket_attributes",
                "must be a JSON object of attribute names to values",
            ));
        }
        for (name, value) in &self.map {
            if name.trim().is_empty() {
                return Err(Error::invalid(
                    "ticket_attributes",
                    "an attribute name is empty",
                ));
            }
            if value.is_object() {
                return Err(Error::invalid(
                    format!("ticket_attributes.{}", truncate(name, 40)),
                    "must be text, a number, a boolean, a list or null (a list attribute \
                     takes the id of its item)",
                ));
            }
        }
        Ok(())
    }
}

impl Serialize for Attributes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.map.serialize(s)
    }
}

/// A contact of a new ticket: `{"id"}`, `{"external_id"}` or `{"email"}`
/// (an unknown email creates the contact).
#[derive(Debug, Clone, PartialEq)]
struct TicketContact(ContactIdentifier);

impl TicketContact {
    fn key_and_value(&self) -> (&'static str, &str) {
        match &self.0 {
            ContactIdentifier::Id(v) => ("id", v),
            ContactIdentifier::ExternalId(v) => ("external_id", v),
            ContactIdentifier::Email(v) => ("email", v),
        }
    }
}

impl Serialize for TicketContact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (key, value) = self.key_and_value();
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(key, value)?;
        m.end()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
struct Assignment {
    #[serde(skip_serializing_if = "Option::is_none")]
    admin_assignee_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    team_assignee_id: Option<String>,
}

/// The body of `POST /tickets` and `POST /tickets/enqueue`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreateTicket {
    ticket_type_id: String,
    contacts: Vec<TicketContact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conversation_to_link_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<i64>,
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    ticket_attributes: Attributes,
    #[serde(skip_serializing_if = "Option::is_none")]
    assignment: Option<Assignment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skip_notifications: Option<bool>,
}

impl CreateTicket {
    /// A ticket of type `ticket_type_id` about `contact`: by Intercom id,
    /// external id, or email (an unknown email creates a contact). Intercom
    /// takes one contact per ticket.
    pub fn new(ticket_type_id: impl Into<String>, contact: ContactIdentifier) -> Self {
        CreateTicket {
            ticket_type_id: ticket_type_id.into(),
            contacts: vec![TicketContact(contact)],
            conversation_to_link_id: None,
            company_id: None,
            created_at: None,
            ticket_attributes: Attributes::default(),
            assignment: None,
            skip_notifications: None,
        }
    }

    /// The title (`_default_title_`).
    pub fn title(self, title: impl Into<String>) -> Self {
        self.attribute(TITLE, title.into())
    }

    /// The description (`_default_description_`).
    pub fn description(self, description: impl Into<String>) -> Self {
        self.attribute(DESCRIPTION, description.into())
    }

    /// Set one attribute of the ticket type: text, a number, a boolean, a
    /// list or `null`; for a list attribute, the id of the item.
    pub fn attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.ticket_attributes.set(name.into(), value.into());
        self
    }

    /// Set several attributes: a `json!({..})` object (anything else is
    /// refused when the call is built).
    pub fn attributes(mut self, attrs: impl Into<serde_json::Value>) -> Self {
        self.ticket_attributes.extend(attrs.into());
        self
    }

    /// Link a conversation: a conversation to a back-office or tracker
    /// ticket, or a customer ticket to a non-shared back-office or tracker
    /// ticket.
    pub fn conversation_to_link_id(mut self, conversation_id: impl Into<String>) -> Self {
        self.conversation_to_link_id = Some(conversation_id.into());
        self
    }

    /// The company the ticket is about (Intercom's company id).
    pub fn company_id(mut self, company_id: impl Into<String>) -> Self {
        self.company_id = Some(company_id.into());
        self
    }

    /// Back-date the ticket (unix seconds; default now).
    pub fn created_at(mut self, unix: i64) -> Self {
        self.created_at = Some(unix);
        self
    }

    /// Assign it to an admin.
    pub fn assign_to_admin(mut self, admin_id: impl Into<String>) -> Self {
        self.assignment
            .get_or_insert_with(Default::default)
            .admin_assignee_id = Some(admin_id.into());
        self
    }

    /// Assign it to a team.
    pub fn assign_to_team(mut self, team_id: impl Into<String>) -> Self {
        self.assignment
            .get_or_insert_with(Default::default)
            .team_assignee_id = Some(team_id.into());
        self
    }

    /// Do not notify about the new ticket.
    pub fn skip_notifications(mut self, skip: bool) -> Self {
        self.skip_notifications = Some(skip);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_non_empty("ticket_type_id", &self.ticket_type_id)?;
        for contact in &self.contacts {
            let (key, value) = contact.key_and_value();
            if value.trim().is_empty() {
                return Err(Error::invalid(
                    format!("contacts[0].{key}"),
                    "must not be empty",
                ));
            }
        }
        for (field, value) in [
            ("conversation_to_link_id", &self.conversation_to_link_id),
            ("company_id", &self.company_id),
        ] {
            if let Some(v) = value {
                require_non_empty(field, v)?;
            }
        }
        if let Some(a) = &self.assignment {
            if let Some(id) = &a.admin_assignee_id {
                require_non_empty("assignment.admin_assignee_id", id)?;
            }
            if let Some(id) = &a.team_assignee_id {
                require_non_empty("assignment.team_assignee_id", id)?;
            }
        }
        check_unix("created_at", self.created_at)?;
        self.ticket_attributes.validate()
    }
}

/// The body of `PUT /tickets/{ticket_id}`: only the fields set are changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UpdateTicket {
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    ticket_attributes: Attributes,
    #[serde(skip_serializing_if = "Option::is_none")]
    ticket_state_id: Option<String>,
    /// `Some(None)` sends `null`, which removes the company.
    #[serde(skip_serializing_if = "Option::is_none")]
    company_id: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    open: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_shared: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snoozed_until: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_integer")]
    admin_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assignee_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skip_notifications: Option<bool>,
}

impl UpdateTicket {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateTicket::default()
    }

    /// Move the ticket to a state of its type (see
    /// [`TicketType::state`](crate::ticket_types::TicketType::state)).
    pub fn state(mut self, ticket_state_id: impl Into<String>) -> Self {
        self.ticket_state_id = Some(ticket_state_id.into());
        self
    }

    /// The title (`_default_title_`).
    pub fn title(self, title: impl Into<String>) -> Self {
        self.attribute(TITLE, title.into())
    }

    /// The description (`_default_description_`).
    pub fn description(self, description: impl Into<String>) -> Self {
        self.attribute(DESCRIPTION, description.into())
    }

    /// Set one attribute (see [`CreateTicket::attribute`]).
    pub fn attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.ticket_attributes.set(name.into(), value.into());
        self
    }

    /// Set several attributes: a `json!({..})` object.
    pub fn attributes(mut self, attrs: impl Into<serde_json::Value>) -> Self {
        self.ticket_attributes.extend(attrs.into());
        self
    }

    /// The company the ticket is about.
    pub fn company_id(mut self, company_id: impl Into<String>) -> Self {
        self.company_id = Some(Some(company_id.into()));
        self
    }

    /// Remove the company (sends `"company_id": null`).
    pub fn remove_company(mut self) -> Self {
        self.company_id = Some(None);
        self
    }

    /// Reopen (`true`) or close (`false`) the ticket. Closing also unsnoozes.
    pub fn open(mut self, open: bool) -> Self {
        self.open = Some(open);
        self
    }

    /// Share the ticket with the customer, or stop.
    pub fn shared(mut self, shared: bool) -> Self {
        self.is_shared = Some(shared);
        self
    }

    /// Snooze until (unix seconds).
    pub fn snooze_until(mut self, unix: i64) -> Self {
        self.snoozed_until = Some(unix);
        self
    }

    /// The admin making the change (numeric id): workflows run and the
    /// change is attributed to them.
    pub fn as_admin(mut self, admin_id: impl Into<String>) -> Self {
        self.admin_id = Some(admin_id.into());
        self
    }

    /// Assign to an admin or a team.
    pub fn assign_to(mut self, assignee_id: impl Into<String>) -> Self {
        self.assignee_id = Some(assignee_id.into());
        self
    }

    /// Unassign (sends `"assignee_id": "0"`).
    pub fn unassign(mut self) -> Self {
        self.assignee_id = Some("0".to_owned());
        self
    }

    /// Do not notify about the change.
    pub fn skip_notifications(mut self, skip: bool) -> Self {
        self.skip_notifications = Some(skip);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(id) = &self.ticket_state_id {
            require_non_empty("ticket_state_id", id)?;
        }
        if let Some(Some(id)) = &self.company_id {
            require_non_empty("company_id", id)?;
        }
        if let Some(id) = &self.admin_id {
            require_numeric("admin_id", id)?;
        }
        if let Some(id) = &self.assignee_id {
            require_non_empty("assignee_id", id)?;
        }
        check_unix("snoozed_until", self.snoozed_until)?;
        if self.open == Some(false) && self.snoozed_until.is_some() {
            return Err(Error::invalid(
                "snoozed_until",
                "closing a ticket unsnoozes it; snooze an open ticket instead",
            ));
        }
        self.ticket_attributes.validate()
    }
}

/// The body of `POST /tickets/{ticket_id}/change_type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeTicketType {
    ticket_type_id: String,
    ticket_state_id: String,
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    ticket_attributes: Attributes,
}

impl ChangeTicketType {
    /// Move the ticket to type `ticket_type_id` (of the same category) in
    /// its state `ticket_state_id`. Attributes with the same name and type
    /// carry over.
    pub fn new(ticket_type_id: impl Into<String>, ticket_state_id: impl Into<String>) -> Self {
        ChangeTicketType {
            ticket_type_id: ticket_type_id.into(),
            ticket_state_id: ticket_state_id.into(),
            ticket_attributes: Attributes::default(),
        }
    }

    /// Set an attribute of the new type (overrides a carried-over value).
    pub fn attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.ticket_attributes.set(name.into(), value.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_non_empty("ticket_type_id", &self.ticket_type_id)?;
        require_non_empty("ticket_state_id", &self.ticket_state_id)?;
        self.ticket_attributes.validate()
    }
}

pub(super) fn check_unix(field: &'static str, value: Option<i64>) -> Result<(), Error> {
    match value {
        Some(t) if t < 0 => Err(Error::invalid(field, "must be unix seconds (not negative)")),
        _ => Ok(()),
    }
}

/// A numeric id sent as a JSON integer (validated before).
fn as_integer<S: Serializer>(id: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match id.as_deref().map(str::parse::<u64>) {
        Some(Ok(n)) => s.serialize_u64(n),
        _ => s.serialize_none(),
    }
}

// --- The bodies the rows send (see `rows.rs`).

pub(super) fn create_body<T>(req: Request<T>, ticket: CreateTicket) -> Result<Request<T>, Error> {
    ticket.validate()?;
    req.json(&ticket)
}

pub(super) fn update_body<T>(req: Request<T>, update: UpdateTicket) -> Result<Request<T>, Error> {
    update.validate()?;
    req.json(&update)
}

pub(super) fn change_type_body<T>(
    req: Request<T>,
    change: ChangeTicketType,
) -> Result<Request<T>, Error> {
    change.validate()?;
    req.json(&change)
}

pub(super) fn link_body<T>(req: Request<T>, conversation_id: &str) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        conversation_id: &'a str,
    }
    require_non_empty("conversation_id", conversation_id)?;
    req.json(&Body { conversation_id })
}
