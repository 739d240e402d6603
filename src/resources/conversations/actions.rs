//! What a teammate or contact does in a conversation: [`Reply`] and
//! [`ConversationAction`] (close, open, snooze, assign), and the functions
//! that check them.

use serde::Serialize;

use super::requests::{ContactIdentifier, check_attachment_urls, check_unix_seconds};
use crate::error::Error;
use crate::resources::common::require_non_empty;
use crate::transport::Request;

/// The conversation id that, in [`Conversations::reply`](super::Conversations::reply),
/// means "the most recent conversation of the contact who replies".
pub const LAST: &str = "last";

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
            require_non_empty("admin_id", admin_id)?;
        }
        if let Some(contact) = &self.contact {
            contact.validate("")?;
        }
        require_non_empty("body", &self.body)?;
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

/// Who a conversation is assigned to, in [`ConversationAction::assign`] and
/// [`Conversations::assign`](super::Conversations::assign).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Assignee {
    /// An admin (teammate), by id.
    Admin(String),
    /// A team, by id.
    Team(String),
    /// No admin: removes the admin assignee (sent as admin `0`).
    NoAdmin,
    /// No team: removes the team assignee (sent as team `0`).
    NoTeam,
}

impl Assignee {
    /// The admin (teammate) `id`.
    pub fn admin(id: impl Into<String>) -> Self {
        Assignee::Admin(id.into())
    }

    /// The team `id`.
    pub fn team(id: impl Into<String>) -> Self {
        Assignee::Team(id.into())
    }
}

/// The body of `POST /conversations/{conversation_id}/parts`: close, open,
/// snooze or assign a conversation, on behalf of an admin.
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

    /// Assign the conversation to `assignee`: an admin or a team, or no
    /// admin or no team to remove one.
    pub fn assign(admin_id: impl Into<String>, assignee: Assignee) -> Self {
        let (kind, assignee_id) = match assignee {
            Assignee::Admin(id) => (AssigneeType::Admin, id),
            Assignee::Team(id) => (AssigneeType::Team, id),
            Assignee::NoAdmin => (AssigneeType::Admin, "0".to_owned()),
            Assignee::NoTeam => (AssigneeType::Team, "0".to_owned()),
        };
        let mut a = Self::new(ActionType::Assignment, admin_id.into());
        a.assignee_type = Some(kind);
        a.assignee_id = Some(assignee_id);
        a
    }

    /// Assign the conversation to admin `assignee_admin_id`.
    pub fn assign_to_admin(
        admin_id: impl Into<String>,
        assignee_admin_id: impl Into<String>,
    ) -> Self {
        Self::assign(admin_id, Assignee::admin(assignee_admin_id))
    }

    /// Assign the conversation to team `team_id`.
    pub fn assign_to_team(admin_id: impl Into<String>, team_id: impl Into<String>) -> Self {
        Self::assign(admin_id, Assignee::team(team_id))
    }

    /// Remove the admin assignee (assign to `0`).
    pub fn unassign_admin(admin_id: impl Into<String>) -> Self {
        Self::assign(admin_id, Assignee::NoAdmin)
    }

    /// Remove the team assignee (assign to `0`).
    pub fn unassign_team(admin_id: impl Into<String>) -> Self {
        Self::assign(admin_id, Assignee::NoTeam)
    }

    /// A message posted with a close or an assignment.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_non_empty("admin_id", &self.admin_id)?;
        if let Some(id) = &self.assignee_id {
            require_non_empty("assignee_id", id)?;
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
            require_non_empty("body", body)?;
        }
        Ok(())
    }
}

// --- The bodies the rows send (see `rows.rs`).

pub(super) fn reply_body<T>(
    req: Request<T>,
    conversation_id: &str,
    reply: Reply,
) -> Result<Request<T>, Error> {
    if conversation_id == LAST && !reply.is_from_contact() {
        return Err(Error::invalid(
            "conversation_id",
            "`last` names the replying contact's latest conversation, \
             so it needs a contact reply",
        ));
    }
    reply.validate()?;
    req.json(&reply)
}

pub(super) fn manage_body<T>(
    req: Request<T>,
    action: ConversationAction,
) -> Result<Request<T>, Error> {
    action.validate()?;
    // Setting a state is safe to repeat; posting a message is not.
    req.idempotent(action.body.is_none()).json(&action)
}
