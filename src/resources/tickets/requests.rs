//! The ticket request bodies and the functions that check them.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::conversations::ContactIdentifier;
use crate::error::Error;
use crate::models::CustomAttributes;
use crate::resources::common::{require_non_empty, require_numeric, truncate};
use crate::search::{Filter, Operator, Query, Value};
use crate::transport::Request;

/// Most attachments (URLs or files) one reply takes.
pub const MAX_ATTACHMENTS: usize = 10;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum ReplyType {
    Comment,
    Note,
    QuickReply,
}

/// A quick reply option: the text of a button and your uuid for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyOption {
    text: String,
    uuid: String,
}

impl ReplyOption {
    /// The option `text`, identified by `uuid` (a UUID you generate; it
    /// comes back in the metadata of the part the contact's click creates).
    pub fn new(text: impl Into<String>, uuid: impl Into<String>) -> Self {
        ReplyOption {
            text: text.into(),
            uuid: uuid.into(),
        }
    }

    fn validate(&self, at: &str) -> Result<(), Error> {
        if self.text.trim().is_empty() {
            return Err(Error::invalid(format!("{at}.text"), "must not be empty"));
        }
        if !is_uuid(&self.uuid) {
            return Err(Error::invalid(
                format!("{at}.uuid"),
                format!(
                    "`{}` is not a UUID (8-4-4-4-12 hex digits)",
                    truncate(&self.uuid, 40)
                ),
            ));
        }
        Ok(())
    }
}

/// A file sent inline with a reply (base64).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentFile {
    content_type: String,
    data: String,
    name: String,
}

impl AttachmentFile {
    /// A file `name` of MIME type `content_type`, its bytes base64-encoded.
    pub fn new(
        name: impl Into<String>,
        content_type: impl Into<String>,
        base64_data: impl Into<String>,
    ) -> Self {
        AttachmentFile {
            content_type: content_type.into(),
            data: base64_data.into(),
            name: name.into(),
        }
    }
}

/// The body of `POST /tickets/{ticket_id}/reply`: a comment, note or quick
/// reply from an admin, or a comment from a contact.
///
/// The same shape as a conversation reply
/// ([`conversations::Reply`](crate::conversations::Reply)) plus what only
/// tickets take (quick replies, inline files, cross-posted notes); kept as
/// its own type so each body says exactly what its endpoint accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketReply {
    message_type: ReplyType,
    admin_id: Option<String>,
    contact: Option<ContactIdentifier>,
    body: Option<String>,
    created_at: Option<i64>,
    reply_options: Vec<ReplyOption>,
    attachment_urls: Vec<String>,
    attachment_files: Vec<AttachmentFile>,
    cross_post: Option<bool>,
    skip_notifications: Option<bool>,
}

impl TicketReply {
    fn admin(message_type: ReplyType, admin_id: String, body: Option<String>) -> Self {
        TicketReply {
            message_type,
            admin_id: Some(admin_id),
            contact: None,
            body,
            created_at: None,
            reply_options: Vec::new(),
            attachment_urls: Vec::new(),
            attachment_files: Vec::new(),
            cross_post: None,
            skip_notifications: None,
        }
    }

    /// A message from admin `admin_id` that the contact sees (HTML allowed).
    pub fn admin_comment(admin_id: impl Into<String>, body: impl Into<String>) -> Self {
        Self::admin(ReplyType::Comment, admin_id.into(), Some(body.into()))
    }

    /// An internal note from admin `admin_id` (some HTML allowed).
    pub fn admin_note(admin_id: impl Into<String>, body: impl Into<String>) -> Self {
        Self::admin(ReplyType::Note, admin_id.into(), Some(body.into()))
    }

    /// Quick reply buttons from admin `admin_id` (at least one option).
    pub fn admin_quick_reply(
        admin_id: impl Into<String>,
        options: impl IntoIterator<Item = ReplyOption>,
    ) -> Self {
        let mut reply = Self::admin(ReplyType::QuickReply, admin_id.into(), None);
        reply.reply_options = options.into_iter().collect();
        reply
    }

    /// A message on behalf of a contact (not on back-office tickets).
    pub fn contact_comment(contact: ContactIdentifier, body: impl Into<String>) -> Self {
        TicketReply {
            contact: Some(contact),
            admin_id: None,
            ..Self::admin(ReplyType::Comment, String::new(), Some(body.into()))
        }
    }

    /// Attach an image by URL (at most ten attachments).
    pub fn attachment_url(mut self, url: impl Into<String>) -> Self {
        self.attachment_urls.push(url.into());
        self
    }

    /// Attach a file inline (admin replies; at most ten). Intercom uses
    /// these rather than URLs when both are given.
    pub fn attachment_file(mut self, file: AttachmentFile) -> Self {
        self.attachment_files.push(file);
        self
    }

    /// Back-date the reply (unix seconds).
    pub fn created_at(mut self, unix: i64) -> Self {
        self.created_at = Some(unix);
        self
    }

    /// Post the note to every linked conversation too (notes on
    /// back-office tickets).
    pub fn cross_post(mut self, yes: bool) -> Self {
        self.cross_post = Some(yes);
        self
    }

    /// Do not notify about the reply.
    pub fn skip_notifications(mut self, skip: bool) -> Self {
        self.skip_notifications = Some(skip);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(admin_id) = &self.admin_id {
            require_non_empty("admin_id", admin_id)?;
        }
        if let Some(contact) = &self.contact {
            let (key, value) = match contact {
                ContactIdentifier::Id(v) => ("intercom_user_id", v),
                ContactIdentifier::ExternalId(v) => ("user_id", v),
                ContactIdentifier::Email(v) => ("email", v),
            };
            require_non_empty(key, value)?;
        }
        match (&self.message_type, &self.body) {
            (ReplyType::QuickReply, _) => {
                if self.reply_options.is_empty() {
                    return Err(Error::invalid(
                        "reply_options",
                        "a quick reply needs at least one option",
                    ));
                }
            }
            (_, Some(body)) => require_non_empty("body", body)?,
            (_, None) => return Err(Error::invalid("body", "must not be empty")),
        }
        for (i, option) in self.reply_options.iter().enumerate() {
            option.validate(&format!("reply_options[{i}]"))?;
        }
        if self.contact.is_some() && !self.attachment_files.is_empty() {
            return Err(Error::invalid(
                "attachment_files",
                "only an admin reply takes inline files; attach by URL instead",
            ));
        }
        if self.cross_post.is_some() && self.message_type != ReplyType::Note {
            return Err(Error::invalid(
                "cross_post",
                "only a note can be cross-posted to linked conversations",
            ));
        }
        for (field, n) in [
            ("attachment_urls", self.attachment_urls.len()),
            ("attachment_files", self.attachment_files.len()),
        ] {
            if n > MAX_ATTACHMENTS {
                return Err(Error::invalid(
                    field,
                    format!("{n} attachments; Intercom takes at most {MAX_ATTACHMENTS}"),
                ));
            }
        }
        for (i, url) in self.attachment_urls.iter().enumerate() {
            let ok = url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            if !ok {
                return Err(Error::invalid(
                    format!("attachment_urls[{i}]"),
                    format!("`{}` is not an http(s) URL", truncate(url, 60)),
                ));
            }
        }
        for (i, f) in self.attachment_files.iter().enumerate() {
            for (key, value) in [
                ("name", &f.name),
                ("content_type", &f.content_type),
                ("data", &f.data),
            ] {
                if value.trim().is_empty() {
                    return Err(Error::invalid(
                        format!("attachment_files[{i}].{key}"),
                        "must not be empty",
                    ));
                }
            }
        }
        check_unix("created_at", self.created_at)
    }
}

impl Serialize for TicketReply {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("message_type", &self.message_type)?;
        match &self.contact {
            Some(contact) => {
                m.serialize_entry("type", "user")?;
                let (key, value) = match contact {
                    ContactIdentifier::Id(v) => ("intercom_user_id", v),
                    ContactIdentifier::ExternalId(v) => ("user_id", v),
                    ContactIdentifier::Email(v) => ("email", v),
                };
                m.serialize_entry(key, value)?;
            }
            None => {
                m.serialize_entry("type", "admin")?;
                m.serialize_entry("admin_id", &self.admin_id)?;
            }
        }
        if let Some(body) = &self.body {
            m.serialize_entry("body", body)?;
        }
        if let Some(t) = self.created_at {
            m.serialize_entry("created_at", &t)?;
        }
        if !self.reply_options.is_empty() {
            m.serialize_entry("reply_options", &self.reply_options)?;
        }
        if !self.attachment_urls.is_empty() {
            m.serialize_entry("attachment_urls", &self.attachment_urls)?;
        }
        if !self.attachment_files.is_empty() {
            m.serialize_entry("attachment_files", &self.attachment_files)?;
        }
        if let Some(c) = self.cross_post {
            m.serialize_entry("cross_post", &c)?;
        }
        if let Some(skip) = self.skip_notifications {
            m.serialize_entry("skip_notifications", &skip)?;
        }
        m.end()
    }
}

/// Ticket fields whose values are unix timestamps.
const DATE_FIELDS: &[&str] = &["created_at", "updated_at", "snoozed_until"];
/// What `category` takes in a search, for Customer, Back-office, Tracker.
const SEARCH_CATEGORIES: &[&str] = &["request", "task", "tracker"];

/// The body of `POST /tickets/search`: a query.
///
/// Besides Intercom's limits on every search (at most two levels of nested
/// groups, at most 15 conditions per group, `IN`/`NIN` with a list; see
/// [`Query::validate`]) the ticket search refuses, before sending:
/// - `created_at`, `updated_at`, `snoozed_until` with anything but an
///   integer (unix seconds) or `null`;
/// - `open` with anything but a boolean;
/// - `>`, `>=`, `<`, `<=` with anything but an integer, and `~`, `!~`, `^`,
///   `$` with anything but text;
/// - `category` with anything but `request` (Customer), `task`
///   (Back-office) or `tracker` (Tracker): Intercom does not match the
///   category names in a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TicketSearch {
    query: Query,
}

impl TicketSearch {
    /// Search with `query` (fields: `id`, `created_at`, `updated_at`,
    /// `title`, `description`, `category`, `ticket_type_id`, `contact_ids`,
    /// `teammate_ids`, `admin_assignee_id`, `team_assignee_id`, `open`,
    /// `state`, `snoozed_until`, `ticket_attribute.{id}`).
    pub fn new(query: Query) -> Self {
        TicketSearch { query }
    }

    fn validate(&self) -> Result<(), Error> {
        self.query.validate()?;
        check_ticket_query(&self.query, "query")
    }
}

impl From<Query> for TicketSearch {
    fn from(query: Query) -> Self {
        TicketSearch::new(query)
    }
}

fn check_ticket_query(query: &Query, at: &str) -> Result<(), Error> {
    match query {
        Query::Filter(f) => check_ticket_filter(f, at),
        Query::And(qs) | Query::Or(qs) => qs
            .iter()
            .enumerate()
            .try_for_each(|(i, q)| check_ticket_query(q, &format!("{at}.value[{i}]"))),
    }
}

fn check_ticket_filter(f: &Filter, at: &str) -> Result<(), Error> {
    let values: Vec<&Value> = match &f.value {
        Value::List(vs) => vs.iter().collect(),
        v => vec![v],
    };
    let field = f.field.as_str();
    let bad = |why: String| Err(Error::invalid(format!("{at}.value"), why));
    for v in values {
        let is_int = matches!(v, Value::Int(_));
        let is_null = matches!(v, Value::Null);
        if DATE_FIELDS.contains(&field) && !(is_int || is_null) {
            return bad(format!("`{field}` takes unix seconds (an integer)"));
        }
        if field == "open" && !matches!(v, Value::Bool(_)) {
            return bad("`open` takes true or false".to_owned());
        }
        if field == "category" {
            let ok = matches!(v, Value::Str(s) if SEARCH_CATEGORIES.contains(&s.as_str()));
            if !ok {
                return bad(
                    "a ticket search matches `category` against `request` (Customer), `task` \
                     (Back-office) or `tracker` (Tracker)"
                        .to_owned(),
                );
            }
        }
        match f.operator {
            Operator::Gt | Operator::Ge | Operator::Lt | Operator::Le if !is_int => {
                return bad(format!(
                    "`{}` compares integers and dates (unix seconds)",
                    f.operator.as_str()
                ));
            }
            Operator::Contains
            | Operator::NotContains
            | Operator::StartsWith
            | Operator::EndsWith
                if !matches!(v, Value::Str(_)) =>
            {
                return bad(format!("`{}` compares text", f.operator.as_str()));
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_unix(field: &'static str, value: Option<i64>) -> Result<(), Error> {
    match value {
        Some(t) if t < 0 => Err(Error::invalid(field, "must be unix seconds (not negative)")),
        _ => Ok(()),
    }
}

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
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

pub(super) fn reply_body<T>(req: Request<T>, reply: TicketReply) -> Result<Request<T>, Error> {
    reply.validate()?;
    req.json(&reply)
}

pub(super) fn search_body<T>(
    req: Request<T>,
    search: impl Into<TicketSearch>,
) -> Result<Request<T>, Error> {
    let search = search.into();
    search.validate()?;
    req.json(&search)
}

pub(super) fn link_body<T>(req: Request<T>, conversation_id: &str) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        conversation_id: &'a str,
    }
    require_non_empty("conversation_id", conversation_id)?;
    req.json(&Body { conversation_id })
}
