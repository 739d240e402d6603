//! The body of a ticket reply and the function that checks it.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::requests::check_unix;
use crate::conversations::ContactIdentifier;
use crate::error::Error;
use crate::resources::common::{require_non_empty, truncate};
use crate::transport::Request;

/// Most attachments (URLs or files) one reply takes.
pub const MAX_ATTACHMENTS: usize = 10;

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

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

// --- The body the row sends (see `rows.rs`).

pub(super) fn reply_body<T>(req: Request<T>, reply: TicketReply) -> Result<Request<T>, Error> {
    reply.validate()?;
    req.json(&reply)
}
