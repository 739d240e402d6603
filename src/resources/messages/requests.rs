//! The message request bodies and the functions that check them.

use serde::{Serialize, Serializer};

use crate::error::Error;
use crate::models::string_enum;
use crate::resources::common::{require_non_empty, require_numeric};
use crate::transport::Request;

string_enum! {
    /// The style of an outgoing message.
    pub enum Template {
        /// Plain text, like a personal email client's.
        Plain = "plain",
        /// With the sender's name and avatar.
        Personal = "personal",
    }
}

string_enum! {
    /// Whether a recipient is a user or a lead.
    pub enum RecipientRole {
        /// An identified user.
        User = "user",
        /// A lead.
        Lead = "lead",
    }
}

/// Who a message goes to: a contact by Intercom id, by your `user_id`, or by
/// email.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    #[serde(rename = "type")]
    role: RecipientRole,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
}

impl Recipient {
    fn new(role: RecipientRole) -> Self {
        Recipient {
            role,
            id: None,
            user_id: None,
            email: None,
        }
    }

    /// The user with this Intercom contact id.
    pub fn user(id: impl Into<String>) -> Self {
        Recipient {
            id: Some(id.into()),
            ..Recipient::new(RecipientRole::User)
        }
    }

    /// The lead with this Intercom contact id.
    pub fn lead(id: impl Into<String>) -> Self {
        Recipient {
            id: Some(id.into()),
            ..Recipient::new(RecipientRole::Lead)
        }
    }

    /// The user with your `user_id` (the contact's `external_id`).
    pub fn user_with_user_id(user_id: impl Into<String>) -> Self {
        Recipient {
            user_id: Some(user_id.into()),
            ..Recipient::new(RecipientRole::User)
        }
    }

    /// The contact with this email, as a user or a lead.
    pub fn with_email(role: RecipientRole, email: impl Into<String>) -> Self {
        Recipient {
            email: Some(email.into()),
            ..Recipient::new(role)
        }
    }

    fn validate(&self, field: &'static str) -> Result<(), Error> {
        let given = [&self.id, &self.user_id, &self.email];
        if given.iter().all(|v| v.is_none()) {
            return Err(Error::invalid(field, "needs an id, a user_id or an email"));
        }
        for value in given.into_iter().flatten() {
            require_non_empty(field, value)?;
        }
        Ok(())
    }
}

/// One recipient is sent as an object, several as an array.
fn one_or_many<S: Serializer>(recipients: &[Recipient], s: S) -> Result<S::Ok, S::Error> {
    match recipients {
        [one] => one.serialize(s),
        many => many.serialize(s),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct Sender {
    #[serde(rename = "type")]
    kind: &'static str,
    /// The spec types the admin id as an integer; sent as one.
    #[serde(serialize_with = "as_integer")]
    id: String,
}

fn as_integer<S: Serializer>(id: &str, s: S) -> Result<S::Ok, S::Error> {
    match id.parse::<u64>() {
        Ok(n) => s.serialize_u64(n),
        // Refused before sending (see `validate`); never serialized.
        Err(_) => s.serialize_str(id),
    }
}

/// The body of `POST /messages`: an in-app message or an email from an
/// admin to a contact.
///
/// ```
/// use intercom_api::messages::{CreateMessage, Recipient, Template};
/// let welcome = CreateMessage::email(
///     "991267",
///     Recipient::user("6762f0d01bb69f9f2193bb7d"),
///     "Welcome aboard",
///     "<p>Hi Ada, your workspace is ready.</p>",
/// )
/// .template(Template::Personal)
/// .create_conversation_without_contact_reply(true);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreateMessage {
    message_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    template: Option<Template>,
    from: Sender,
    #[serde(serialize_with = "one_or_many")]
    to: Vec<Recipient>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    cc: Vec<Recipient>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    bcc: Vec<Recipient>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    create_conversation_without_contact_reply: Option<bool>,
}

impl CreateMessage {
    fn new(message_type: &'static str, admin_id: String, to: Recipient, body: String) -> Self {
        CreateMessage {
            message_type,
            subject: None,
            body,
            template: None,
            from: Sender {
                kind: "admin",
                id: admin_id,
            },
            to: vec![to],
            cc: Vec::new(),
            bcc: Vec::new(),
            created_at: None,
            create_conversation_without_contact_reply: None,
        }
    }

    /// An in-app message (shown in the Messenger) from the admin
    /// `admin_id` to `to`. Sent as `message_type: "inapp"`, the value
    /// Intercom answers with (the spec's request enum says `in_app`).
    pub fn in_app(admin_id: impl Into<String>, to: Recipient, body: impl Into<String>) -> Self {
        CreateMessage::new("inapp", admin_id.into(), to, body.into())
    }

    /// An email from the admin `admin_id` to `to`. Intercom requires a
    /// template for emails: this one starts `plain` (see
    /// [`template`](Self::template)).
    pub fn email(
        admin_id: impl Into<String>,
        to: Recipient,
        subject: impl Into<String>,
        body: impl Into<String>,
    ) -> Self {
        CreateMessage {
            subject: Some(subject.into()),
            template: Some(Template::Plain),
            ..CreateMessage::new("email", admin_id.into(), to, body.into())
        }
    }

    /// The style: plain or personal.
    pub fn template(mut self, template: Template) -> Self {
        self.template = Some(template);
        self
    }

    /// The title (emails; an in-app message shows it too).
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Another recipient.
    pub fn also_to(mut self, to: Recipient) -> Self {
        self.to.push(to);
        self
    }

    /// A copy to this contact.
    pub fn cc(mut self, cc: Recipient) -> Self {
        self.cc.push(cc);
        self
    }

    /// A blind copy to this contact.
    pub fn bcc(mut self, bcc: Recipient) -> Self {
        self.bcc.push(bcc);
        self
    }

    /// When it was sent (unix seconds; default now).
    pub fn created_at(mut self, unix: i64) -> Self {
        self.created_at = Some(unix);
        self
    }

    /// Open a conversation in the inbox at once, without waiting for the
    /// contact to reply (Intercom's default: `false`).
    pub fn create_conversation_without_contact_reply(mut self, yes: bool) -> Self {
        self.create_conversation_without_contact_reply = Some(yes);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_numeric("from.id", &self.from.id)?;
        require_non_empty("body", &self.body)?;
        if self.message_type == "email"
            && self.subject.as_deref().is_none_or(|s| s.trim().is_empty())
        {
            return Err(Error::invalid("subject", "an email needs a subject"));
        }
        for r in &self.to {
            r.validate("to")?;
        }
        for r in &self.cc {
            r.validate("cc")?;
        }
        for r in &self.bcc {
            r.validate("bcc")?;
        }
        Ok(())
    }
}

// --- The bodies and queries the rows send.

pub(super) fn create_body<T>(req: Request<T>, message: CreateMessage) -> Result<Request<T>, Error> {
    message.validate()?;
    req.json(&message)
}

pub(super) fn message_id_query<T>(req: Request<T>, message_id: &str) -> Result<Request<T>, Error> {
    require_non_empty("message_id", message_id)?;
    Ok(req.query("message_id", message_id))
}

pub(super) fn ruleset_id_query<T>(req: Request<T>, ruleset_id: &str) -> Result<Request<T>, Error> {
    require_non_empty("ruleset_id", ruleset_id)?;
    Ok(req.query("ruleset_id", ruleset_id))
}
