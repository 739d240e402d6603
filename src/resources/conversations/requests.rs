//! The conversation request bodies (except replies and actions, in
//! `actions.rs`) and the functions that check them.

use serde::Serialize;

use crate::error::Error;
use crate::models::{CustomAttributes, string_enum};
use crate::resources::common::{require_non_empty, require_numeric};
use crate::search::Query;
use crate::transport::Request;

/// Most attachment URLs one message or reply may carry.
pub const MAX_ATTACHMENT_URLS: usize = 10;

/// Above this, a "unix seconds" value is almost certainly milliseconds
/// (it would be after the year 5000).
const MAX_UNIX_SECONDS: i64 = 100_000_000_000;

/// Refuse a time that is not positive or that looks like milliseconds.
pub(super) fn check_unix_seconds(field: &'static str, value: i64) -> Result<(), Error> {
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
pub(super) fn check_attachment_urls(urls: &[String]) -> Result<(), Error> {
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

    pub(super) fn validate(&self, prefix: &str) -> Result<(), Error> {
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
        require_non_empty("from.id", &self.from.id)?;
        require_non_empty("body", &self.body)?;
        check_attachment_urls(&self.attachment_urls)?;
        if let Some(t) = self.created_at {
            check_unix_seconds("created_at", t)?;
        }
        Ok(())
    }
}

/// The body of `PUT /conversations/{conversation_id}`: only the fields set are changed.
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
    /// Set when `custom_attributes` was given something else than an object.
    #[serde(skip)]
    custom_attributes_not_an_object: bool,
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

    /// Set several conversation attributes at once: a
    /// [`CustomAttributes`] map or a `json!({..})` object. Anything but an
    /// object is refused when the call is built.
    pub fn custom_attributes(mut self, attrs: impl Into<serde_json::Value>) -> Self {
        match attrs.into() {
            serde_json::Value::Object(map) => self
                .custom_attributes
                .get_or_insert_with(Default::default)
                .extend(map),
            _ => self.custom_attributes_not_an_object = true,
        }
        self
    }

    /// Associate the conversation with a company (Intercom's company id).
    pub fn company_id(mut self, id: impl Into<String>) -> Self {
        self.company_id = Some(id.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if self.custom_attributes_not_an_object {
            return Err(Error::invalid(
                "custom_attributes",
                "must be a JSON object of attribute names to values",
            ));
        }
        if let Some(attrs) = &self.custom_attributes {
            if attrs.keys().any(|k| k.trim().is_empty()) {
                return Err(Error::invalid(
                    "custom_attributes",
                    "an attribute name is empty",
                ));
            }
        }
        if let Some(id) = &self.company_id {
            require_non_empty("company_id", id)?;
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

    /// Include
    /// [`Conversation::monitor_evaluations`](super::Conversation::monitor_evaluations)
    /// in every result.
    pub fn include_monitors(mut self) -> Self {
        self.include_monitors = true;
        self
    }

    /// Include [`Conversation::scorecards`](super::Conversation::scorecards)
    /// in every result.
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
        /// The source message
        /// ([`ConversationSource::id`](super::ConversationSource::id)).
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
                require_non_empty("conversation_id", conversation_id)?;
                require_non_empty("conversation_part_id", conversation_part_id)
            }
            Redaction::Source {
                conversation_id,
                source_id,
            } => {
                require_non_empty("conversation_id", conversation_id)?;
                require_non_empty("source_id", source_id)
            }
        }
    }
}

/// The body of `POST /conversations/{conversation_id}/convert`.
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
        require_non_empty("ticket_type_id", &self.ticket_type_id)?;
        if let Some(id) = &self.ticket_state_id {
            require_non_empty("ticket_state_id", id)?;
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

// --- The bodies the rows send (see `rows.rs`).

pub(super) fn create_body<T>(
    req: Request<T>,
    conversation: CreateConversation,
) -> Result<Request<T>, Error> {
    conversation.validate()?;
    req.json(&conversation)
}

pub(super) fn update_body<T>(
    req: Request<T>,
    update: UpdateConversation,
) -> Result<Request<T>, Error> {
    update.validate()?;
    req.json(&update)
}

pub(super) fn search_body<T>(
    req: Request<T>,
    search: impl Into<ConversationSearch>,
) -> Result<Request<T>, Error> {
    let search = search.into();
    search.query.validate()?;
    let mut req = req;
    if search.include_monitors {
        req = req.query("include_monitors", true);
    }
    if search.include_scorecards {
        req = req.query("include_scorecards", true);
    }
    req.json(&search)
}

pub(super) fn attach_contact_body<T>(
    req: Request<T>,
    admin_id: &str,
    contact: ContactIdentifier,
) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        admin_id: &'a str,
        customer: &'a ContactIdentifier,
    }
    require_non_empty("admin_id", admin_id)?;
    contact.validate("customer.")?;
    req.json(&Body {
        admin_id,
        customer: &contact,
    })
}

/// A DELETE with a JSON body: the admin who removes the contact.
pub(super) fn detach_contact_body<T>(req: Request<T>, admin_id: &str) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        admin_id: &'a str,
    }
    require_non_empty("admin_id", admin_id)?;
    req.json(&Body { admin_id })
}

pub(super) fn redact_body<T>(req: Request<T>, redaction: Redaction) -> Result<Request<T>, Error> {
    redaction.validate()?;
    req.json(&redaction)
}

/// The target goes out as a JSON integer, as the spec says.
pub(super) fn merge_body<T>(req: Request<T>, id: &str, into_id: &str) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body {
        merge_into_conversation_id: u64,
    }
    require_numeric("merge_into_conversation_id", into_id)?;
    let into = into_id.parse::<u64>().map_err(|_| {
        Error::invalid(
            "merge_into_conversation_id",
            "must be a numeric conversation id",
        )
    })?;
    if into_id == id.trim() {
        return Err(Error::invalid(
            "merge_into_conversation_id",
            "a conversation cannot be merged into itself",
        ));
    }
    req.json(&Body {
        merge_into_conversation_id: into,
    })
}

pub(super) fn convert_body<T>(
    req: Request<T>,
    convert: ConvertToTicket,
) -> Result<Request<T>, Error> {
    convert.validate()?;
    req.json(&convert)
}
