//! The conversations endpoints: one row each (see
//! [`endpoints!`](crate::resources::endpoints)), then the shortcuts
//! [`close`](Conversations::close), [`open`](Conversations::open),
//! [`snooze`](Conversations::snooze) and [`assign`](Conversations::assign).

use super::actions::{Assignee, ConversationAction, Reply, manage_body, reply_body};
use super::answers::{
    ConversationDeleted, DeletedConversationId, HandlingEvents, Message, Participants,
    SideConversation,
};
use super::conversation::Conversation;
use super::requests::{
    ContactIdentifier, ConversationSearch, ConvertToTicket, CreateConversation, Redaction,
    UpdateConversation, attach_contact_body, convert_body, create_body, detach_contact_body,
    merge_body, redact_body, search_body, update_body,
};
use crate::call::Call;
use crate::options::{DisplayAsPlaintext, IncludeTranslations, Order, RetainMetrics};
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;
use crate::tickets::Ticket;

/// Most conversations per page of a list or search.
pub const MAX_PER_PAGE: u32 = 150;
/// Most side conversations per page.
pub const MAX_SIDE_CONVERSATIONS_PER_PAGE: u32 = 50;
/// Most deleted conversation ids per page.
pub const MAX_DELETED_PER_PAGE: u32 = 60;

const LIST: Paging = Paging::new(Scheme::QueryCursor, "conversations").max_per_page(MAX_PER_PAGE);
const SEARCH: Paging = Paging::new(Scheme::BodyCursor, "conversations").max_per_page(MAX_PER_PAGE);
const SIDE_CONVERSATIONS: Paging = Paging::new(Scheme::PageNumber, "side_conversations")
    .max_per_page(MAX_SIDE_CONVERSATIONS_PER_PAGE);
const DELETED: Paging =
    Paging::new(Scheme::PageNumber, "conversations").max_per_page(MAX_DELETED_PER_PAGE);

endpoints! {
    /// The conversations endpoints. Get one from
    /// [`Client::conversations`](crate::Client::conversations).
    family "conversations" => Conversations;

    /// Every conversation, newest first, cursor-paged (up to 150 per page).
    /// Items have no `conversation_parts`.
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page`
    /// outside 1..=150; API errors.
    "listConversations" GET "/conversations"
    fn list() -> ListCall<Conversation> paged LIST;

    /// Start a conversation as a contact. Returns the message; its
    /// `conversation_id` names the new conversation.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::CreateConversation;
    /// let message = client
    ///     .conversations()
    ///     .create(CreateConversation::from_user("6762f0d01bb69f9f2193bb7d", "My export is stuck"))
    ///     .await?;
    /// println!("{:?}", message.conversation_id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty contact id or body, more than ten or non-http(s) attachment
    /// URLs, or a `created_at` that is not unix seconds; `404 not_found` for
    /// an unknown contact.
    "createConversation" POST "/conversations"
    fn create(conversation: CreateConversation) -> Call<Message> = create_body;

    /// A conversation with its parts (at most the 500 most recent).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let conversation = client
    ///     .conversations()
    ///     .get("1911149811")
    ///     .display_as_plaintext()
    ///     .include_translations()
    ///     .await?;
    /// for part in conversation.conversation_parts.iter() {
    ///     println!("{:?}: {:?}", part.part_type, part.body);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveConversation" GET "/conversations/{conversation_id}"
    fn get(conversation_id) -> Call<Conversation> [DisplayAsPlaintext, IncludeTranslations];

    /// Change read state, title, attributes or company. To reply, close,
    /// snooze or assign, see [`reply`](Self::reply) and
    /// [`manage`](Self::manage).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::UpdateConversation;
    /// client
    ///     .conversations()
    ///     .update(
    ///         "1911149811",
    ///         UpdateConversation::new().read(true).custom_attribute("issue_type", "Billing"),
    ///     )
    ///     .display_as_plaintext()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// attribute name or company id, or attributes that are not a JSON
    /// object; `404 not_found`; `400 parameter_invalid` when the workspace
    /// has two attributes of the same name.
    "updateConversation" PUT "/conversations/{conversation_id}"
    fn update(conversation_id; update: UpdateConversation) -> Call<Conversation> = update_body
        [DisplayAsPlaintext];

    /// Delete a conversation for good. Reporting data is kept unless
    /// [`retain_metrics(false)`](crate::Call::retain_metrics).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let deleted = client.conversations().delete("1911149811").retain_metrics(false).await?;
    /// assert!(deleted.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`; `403` for `retain_metrics(false)` without the
    /// `delete_conversations_and_metrics` scope.
    "deleteConversation" DELETE "/conversations/{conversation_id}"
    fn delete(conversation_id) -> Call<ConversationDeleted> [RetainMetrics];

    /// Conversations matching a query, cursor-paged (up to 150 per page). A
    /// search only reads, so it is retried after a 5xx or timeout like a
    /// `GET`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::ConversationSearch;
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a query Intercom would refuse (see
    /// [`Query::validate`](crate::search::Query::validate)) or `per_page`
    /// outside 1..=150.
    "searchConversations" POST(idempotent) "/conversations/search"
    fn search(search: impl Into<ConversationSearch>) -> ListCall<Conversation> paged SEARCH
        = search_body;

    /// Reply as an admin (comment or note) or on behalf of a contact.
    ///
    /// Pass [`LAST`](super::LAST) as the id to reply to the most recent
    /// conversation of the contact the reply is from (contact replies only).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::{ContactIdentifier, LAST, Reply};
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty body, more than ten or non-http(s) attachment URLs, a contact
    /// reply that skips notifications, or an admin reply to
    /// [`LAST`](super::LAST); `404 not_found`.
    "replyConversation" POST "/conversations/{conversation_id}/reply"
    fn reply(conversation_id; reply: Reply) -> Call<Conversation> = reply_body(conversation_id);

    /// Close, open, snooze or assign. Setting a state is retried after a 5xx
    /// or timeout; an action that posts a message (a `body`) is not. The
    /// shortcuts [`close`](Self::close), [`open`](Self::open),
    /// [`snooze`](Self::snooze) and [`assign`](Self::assign) send the same
    /// request.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::ConversationAction;
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty admin id or assignee id, a snooze time that is not unix
    /// seconds, or a body on an open or snooze; `404 not_found`.
    "manageConversation" POST "/conversations/{conversation_id}/parts"
    fn manage(conversation_id; action: ConversationAction) -> Call<Conversation> = manage_body;

    /// Add a contact to the conversation, on behalf of admin `admin_id`. A
    /// contact added by an email Intercom does not know is created as a
    /// lead. Returns the conversation's contacts.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::ContactIdentifier;
    /// let now = client
    ///     .conversations()
    ///     .attach_contact("1911149811", "991267", ContactIdentifier::id("6762f0d01bb69f9f2193bb7d"))
    ///     .await?;
    /// assert!(now.contact_ids().contains(&"6762f0d01bb69f9f2193bb7d"));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty admin
    /// id or contact identifier; `404 not_found`.
    "attachContactToConversation" POST "/conversations/{conversation_id}/customers"
    fn attach_contact(conversation_id; admin_id: &str, contact: ContactIdentifier)
        -> Call<Participants> = attach_contact_body;

    /// Remove a contact from a group conversation, on behalf of admin
    /// `admin_id` (sent as a JSON body). Returns the conversation's
    /// remaining contacts.
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty admin
    /// id; `404 not_found`; `422 parameter_invalid` when it is the last
    /// contact of the conversation.
    "detachContactFromConversation" DELETE "/conversations/{conversation_id}/customers/{contact_id}"
    fn detach_contact(conversation_id, contact_id; admin_id: &str) -> Call<Participants>
        = detach_contact_body;

    /// When teammates paused and resumed handling the conversation.
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
    "listHandlingEvents" GET "/conversations/{id}/handling_events"
    fn list_handling_events(id) -> Call<HandlingEvents>;

    /// Internal threads started from the conversation, page-numbered (up to
    /// 50 per page).
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
    /// `404 not_found`; [`Error::InvalidInput`](crate::Error::InvalidInput)
    /// for `per_page` outside 1..=50.
    "listSideConversations" GET "/conversations/{id}/side_conversations"
    fn list_side_conversations(id) -> ListCall<SideConversation> paged SIDE_CONVERSATIONS;

    /// Redact a part (it must have a body) or the source message (it must
    /// come from a contact). Redacting twice leaves the same result, so it
    /// is retried after a 5xx or timeout.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::Redaction;
    /// client
    ///     .conversations()
    ///     .redact(Redaction::part("1911149811", "27561203462"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty id;
    /// `404 conversation_part_or_message_not_found`;
    /// `conversation_part_not_redactable`.
    "redactConversation" POST(idempotent) "/conversations/redact"
    fn redact(redaction: Redaction) -> Call<Conversation> = redact_body;

    /// Merge conversation `id` (closed and linked) into `into_id`, which
    /// survives and is returned.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let primary = client.conversations().merge("1911149822", "1911149811").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an `into_id` that is not a numeric conversation id, or a conversation
    /// merged into itself; `422 merge_failed` (already merged, primary not
    /// found).
    "mergeConversation" POST "/conversations/{id}/merge"
    fn merge(id; into_id: &str) -> Call<Conversation> = merge_body(id);

    /// Turn the conversation into a ticket.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::ConvertToTicket;
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// ticket type or state id or an object attribute value; `400
    /// parameter_invalid` when the type is not a customer ticket type.
    "convertConversationToTicket" POST "/conversations/{conversation_id}/convert"
    fn convert_to_ticket(conversation_id; convert: ConvertToTicket) -> Call<Ticket>
        = convert_body;

    /// The ids of deleted conversations, page-numbered (up to 60 per page),
    /// newest first unless [`order`](crate::ListCall::order) says otherwise.
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page`
    /// outside 1..=60; API errors.
    "listDeletedConversationIds" GET "/conversations/deleted"
    fn list_deleted() -> ListCall<DeletedConversationId> paged DELETED [Order];
}

/// Shortcuts for the common [`manage`](Conversations::manage) actions, as
/// Intercom's Node SDK users know them. Each sends exactly the request
/// `manage` sends for the same [`ConversationAction`], with the same checks.
impl<'c, C> Conversations<'c, C> {
    /// Close the conversation, on behalf of admin `admin_id`: `manage` with
    /// [`ConversationAction::close`]. To post a closing message too, use
    /// `manage(id, ConversationAction::close(admin_id).body(..))`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let closed = client.conversations().close("1911149811", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `conversation_id` or `admin_id`; `404 not_found`.
    pub fn close(
        &self,
        conversation_id: &str,
        admin_id: &str,
    ) -> Call<'c, C, Conversation, ops::manage> {
        self.manage(conversation_id, ConversationAction::close(admin_id))
    }

    /// Open a closed or snoozed conversation, on behalf of admin
    /// `admin_id`: `manage` with [`ConversationAction::open`].
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let reopened = client.conversations().open("1911149811", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `conversation_id` or `admin_id`; `404 not_found`.
    pub fn open(
        &self,
        conversation_id: &str,
        admin_id: &str,
    ) -> Call<'c, C, Conversation, ops::manage> {
        self.manage(conversation_id, ConversationAction::open(admin_id))
    }

    /// Snooze the conversation until `until_unix` (unix seconds, in the
    /// future), on behalf of admin `admin_id`: `manage` with
    /// [`ConversationAction::snooze`].
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let snoozed = client
    ///     .conversations()
    ///     .snooze("1911149811", "991267", 1_767_225_600)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `conversation_id` or `admin_id`, or an `until_unix` that is
    /// not positive or looks like milliseconds; `404 not_found`.
    pub fn snooze(
        &self,
        conversation_id: &str,
        admin_id: &str,
        until_unix: i64,
    ) -> Call<'c, C, Conversation, ops::manage> {
        self.manage(
            conversation_id,
            ConversationAction::snooze(admin_id, until_unix),
        )
    }

    /// Assign the conversation to an admin or a team (or remove the admin or
    /// team assignee), on behalf of admin `admin_id`: `manage` with
    /// [`ConversationAction::assign`].
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::Assignee;
    /// let conversations = client.conversations();
    /// conversations.assign("1911149811", "991267", Assignee::team("5017691")).await?;
    /// conversations.assign("1911149811", "991267", Assignee::admin("991268")).await?;
    /// conversations.assign("1911149811", "991267", Assignee::NoAdmin).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `conversation_id`, `admin_id` or assignee id; `404
    /// not_found`.
    pub fn assign(
        &self,
        conversation_id: &str,
        admin_id: &str,
        assignee: Assignee,
    ) -> Call<'c, C, Conversation, ops::manage> {
        self.manage(
            conversation_id,
            ConversationAction::assign(admin_id, assignee),
        )
    }
}
