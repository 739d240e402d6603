//! The Fin agent request bodies and answers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::models::{CustomAttributes, opt_string_or_number, string_enum};
use crate::resources::common::{require_non_empty, truncate};
use crate::transport::Request;

/// Most attachments per message.
pub const MAX_ATTACHMENTS: usize = 10;
/// Most earlier messages in a start's history.
pub const MAX_HISTORY: usize = 10;

string_enum! {
    /// Where Fin is in a conversation.
    pub enum FinStatus {
        /// Working out an answer.
        Thinking = "thinking",
        /// Sending its answer.
        Replying = "replying",
        /// Waiting for the user.
        AwaitingUserReply = "awaiting_user_reply",
        /// Handing over to a human.
        Escalated = "escalated",
        /// The question is answered.
        Resolved = "resolved",
        /// Done: control returns to you.
        Complete = "complete",
    }
}

string_enum! {
    /// Who wrote a message.
    pub enum FinAuthor {
        /// The end user.
        User = "user",
        /// A human agent.
        Agent = "agent",
        /// Fin.
        Fin = "fin",
    }
}

string_enum! {
    /// A satisfaction rating, worst to best.
    pub enum CsatRating {
        /// 1 of 5.
        Terrible = "terrible",
        /// 2 of 5.
        Bad = "bad",
        /// 3 of 5.
        Ok = "ok",
        /// 4 of 5.
        Good = "good",
        /// 5 of 5.
        Amazing = "amazing",
    }
}

/// Attributes Intercom could not store, with why, by name.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct FinAttributeErrors {
    /// The user's attributes refused.
    #[serde(default, deserialize_with = "nested_attributes")]
    pub user: BTreeMap<String, String>,
    /// The conversation's attributes refused.
    #[serde(default, deserialize_with = "nested_attributes")]
    pub conversation: BTreeMap<String, String>,
}

/// `{"attributes": {name: why}}` (or null) to the map.
fn nested_attributes<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    #[derive(Deserialize)]
    struct Nested {
        #[serde(default)]
        attributes: Option<BTreeMap<String, String>>,
    }
    Ok(Option::<Nested>::deserialize(d)?
        .and_then(|n| n.attributes)
        .unwrap_or_default())
}

/// Fin's answer to a start or a reply.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct FinResponse {
    /// Your conversation id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub conversation_id: Option<String>,
    /// The user's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub user_id: Option<String>,
    /// Where Fin is.
    #[serde(default)]
    pub status: Option<FinStatus>,
    /// When Fin answered (ISO 8601, milliseconds).
    #[serde(default)]
    pub created_at_ms: Option<String>,
    /// Attributes Intercom could not store.
    #[serde(default)]
    pub errors: Option<FinAttributeErrors>,
    /// Where to follow the conversation by Server-Sent Events, when enabled
    /// (its token lives 3 minutes).
    #[serde(default)]
    pub sse_subscription_url: Option<String>,
}

/// The answer to a rating.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CsatResult {
    /// Your conversation id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub conversation_id: Option<String>,
    /// The rating now recorded.
    #[serde(default)]
    pub rating: Option<CsatRating>,
    /// `rated`.
    #[serde(default)]
    pub status: Option<String>,
}

/// A message in the conversation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FinMessage {
    author: FinAuthor,
    body: String,
    timestamp: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp_ms: Option<String>,
}

impl FinMessage {
    /// A message by `author` sent at `timestamp` (ISO 8601, e.g.
    /// `2026-04-12T09:30:00Z`).
    pub fn new(author: FinAuthor, body: impl Into<String>, timestamp: impl Into<String>) -> Self {
        FinMessage {
            author,
            body: body.into(),
            timestamp: timestamp.into(),
            timestamp_ms: None,
        }
    }

    /// A message by the end user.
    pub fn user(body: impl Into<String>, timestamp: impl Into<String>) -> Self {
        FinMessage::new(FinAuthor::User, body, timestamp)
    }

    /// The time with milliseconds (`2026-04-12T09:30:00.123Z`), to order
    /// messages sent within a second.
    pub fn timestamp_ms(mut self, timestamp: impl Into<String>) -> Self {
        self.timestamp_ms = Some(timestamp.into());
        self
    }

    fn validate(&self, field: &str) -> Result<(), Error> {
        if self.body.trim().is_empty() {
            return Err(Error::invalid(format!("{field}.body"), "must not be empty"));
        }
        check_time(&format!("{field}.timestamp"), &self.timestamp)?;
        if let Some(ms) = &self.timestamp_ms {
            check_time(&format!("{field}.timestamp_ms"), ms)?;
        }
        Ok(())
    }
}

/// `YYYY-MM-DDTHH:MM:SS...`: the shape of an ISO 8601 date-time.
fn check_time(field: &str, value: &str) -> Result<(), Error> {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let ok = b.len() >= 19
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field.to_owned(),
            format!(
                "`{}` is not an ISO 8601 time such as 2026-04-12T09:30:00Z",
                truncate(value, 40)
            ),
        ))
    }
}

/// The end user Fin talks to.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FinUser {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "CustomAttributes::is_empty")]
    attributes: CustomAttributes,
}

impl FinUser {
    /// The user your system knows as `id`.
    pub fn new(id: impl Into<String>) -> Self {
        FinUser {
            id: id.into(),
            name: None,
            email: None,
            attributes: CustomAttributes::new(),
        }
    }

    /// Their name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Their email address.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// An attribute Fin may use (plan, order count...).
    pub fn attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.attributes.insert(name.into(), value.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if self.id.trim().is_empty() {
            return Err(Error::invalid("user.id", "must not be empty"));
        }
        if let Some(email) = &self.email {
            let ok = email
                .split_once('@')
                .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'));
            if !ok {
                return Err(Error::invalid(
                    "user.email",
                    format!("`{}` is not an email address", truncate(email, 60)),
                ));
            }
        }
        Ok(())
    }
}

/// A file or link sent with a message.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FinAttachment {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<String>,
}

impl FinAttachment {
    /// A link to a file (`http(s)://`).
    pub fn url(url: impl Into<String>) -> Self {
        FinAttachment {
            kind: "url",
            url: Some(url.into()),
            name: None,
            content_type: None,
            data: None,
        }
    }

    /// A file sent inline: its name, MIME type and content, base64-encoded.
    pub fn file(
        name: impl Into<String>,
        content_type: impl Into<String>,
        base64_data: impl Into<String>,
    ) -> Self {
        FinAttachment {
            kind: "file",
            url: None,
            name: Some(name.into()),
            content_type: Some(content_type.into()),
            data: Some(base64_data.into()),
        }
    }

    fn validate(&self, field: &str) -> Result<(), Error> {
        if let Some(url) = &self.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return Err(Error::invalid(
                format!("{field}.url"),
                format!("`{}` is not an http(s) URL", truncate(url, 60)),
            ));
        }
        if self.kind == "file" && self.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            return Err(Error::invalid(
                format!("{field}.name"),
                "a file needs a name",
            ));
        }
        if let Some(data) = &self.data {
            let ok = !data.is_empty()
                && data.len() % 4 == 0
                && data
                    .trim_end_matches('=')
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
            if !ok {
                return Err(Error::invalid(
                    format!("{field}.data"),
                    "must be the file's content in standard base64",
                ));
            }
        }
        Ok(())
    }
}

fn check_attachments(attachments: &[FinAttachment]) -> Result<(), Error> {
    if attachments.len() > MAX_ATTACHMENTS {
        return Err(Error::invalid(
            "attachments",
            format!(
                "{} attachments; Intercom takes at most {MAX_ATTACHMENTS}",
                attachments.len()
            ),
        ));
    }
    for (i, a) in attachments.iter().enumerate() {
        a.validate(&format!("attachments[{i}]"))?;
    }
    Ok(())
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct Metadata {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    history: Vec<FinMessage>,
    #[serde(skip_serializing_if = "CustomAttributes::is_empty")]
    attributes: CustomAttributes,
}

/// The body of `POST /fin/start`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StartFin {
    conversation_id: String,
    message: FinMessage,
    user: FinUser,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<FinAttachment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conversation_metadata: Option<Metadata>,
}

impl StartFin {
    /// Start Fin on your conversation `conversation_id` with the user's
    /// `message`.
    pub fn new(conversation_id: impl Into<String>, message: FinMessage, user: FinUser) -> Self {
        StartFin {
            conversation_id: conversation_id.into(),
            message,
            user,
            attachments: Vec::new(),
            conversation_metadata: None,
        }
    }

    /// Attach a file or link to the message.
    pub fn attachment(mut self, attachment: FinAttachment) -> Self {
        self.attachments.push(attachment);
        self
    }

    /// An earlier message of the conversation, for context (at most 10).
    pub fn history(mut self, message: FinMessage) -> Self {
        self.conversation_metadata
            .get_or_insert_with(Metadata::default)
            .history
            .push(message);
        self
    }

    /// A conversation attribute Fin may use.
    pub fn conversation_attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.conversation_metadata
            .get_or_insert_with(Metadata::default)
            .attributes
            .insert(name.into(), value.into());
        self
    }
}

/// The body of `POST /fin/reply`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReplyFin {
    conversation_id: String,
    message: FinMessage,
    user: FinUser,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<FinAttachment>,
}

impl ReplyFin {
    /// The user's reply `message` in `conversation_id`.
    pub fn new(conversation_id: impl Into<String>, message: FinMessage, user: FinUser) -> Self {
        ReplyFin {
            conversation_id: conversation_id.into(),
            message,
            user,
            attachments: Vec::new(),
        }
    }

    /// Attach a file or link to the message.
    pub fn attachment(mut self, attachment: FinAttachment) -> Self {
        self.attachments.push(attachment);
        self
    }
}

/// The body of `POST /fin/csat`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FinCsat {
    conversation_id: String,
    rating: CsatRating,
    #[serde(skip_serializing_if = "Option::is_none")]
    remark: Option<String>,
}

impl FinCsat {
    /// The user rated `conversation_id` `rating`.
    pub fn new(conversation_id: impl Into<String>, rating: CsatRating) -> Self {
        FinCsat {
            conversation_id: conversation_id.into(),
            rating,
            remark: None,
        }
    }

    /// The user's comment (once recorded, the rating is locked).
    pub fn remark(mut self, remark: impl Into<String>) -> Self {
        self.remark = Some(remark.into());
        self
    }
}

pub(super) fn start_body<T>(request: Request<T>, body: StartFin) -> Result<Request<T>, Error> {
    require_non_empty("conversation_id", &body.conversation_id)?;
    body.message.validate("message")?;
    body.user.validate()?;
    check_attachments(&body.attachments)?;
    if let Some(meta) = &body.conversation_metadata {
        if meta.history.len() > MAX_HISTORY {
            return Err(Error::invalid(
                "conversation_metadata.history",
                format!(
                    "{} messages; Intercom takes at most {MAX_HISTORY}",
                    meta.history.len()
                ),
            ));
        }
        for (i, m) in meta.history.iter().enumerate() {
            m.validate(&format!("conversation_metadata.history[{i}]"))?;
        }
    }
    request.json(&body)
}

pub(super) fn reply_body<T>(request: Request<T>, body: ReplyFin) -> Result<Request<T>, Error> {
    require_non_empty("conversation_id", &body.conversation_id)?;
    body.message.validate("message")?;
    body.user.validate()?;
    check_attachments(&body.attachments)?;
    request.json(&body)
}

pub(super) fn csat_body<T>(request: Request<T>, body: FinCsat) -> Result<Request<T>, Error> {
    require_non_empty("conversation_id", &body.conversation_id)?;
    if let CsatRating::Unknown(raw) = &body.rating {
        return Err(Error::invalid(
            "rating",
            format!(
                "`{}` is not one of terrible, bad, ok, good, amazing",
                truncate(raw, 40)
            ),
        ));
    }
    if let Some(remark) = &body.remark {
        require_non_empty("remark", remark)?;
    }
    request.json(&body)
}
