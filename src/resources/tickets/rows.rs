//! The tickets endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::Job;
use super::models::{Ticket, TicketDeleted, TicketPart};
use super::reply::{TicketReply, reply_body};
use super::requests::{
    ChangeTicketType, CreateTicket, UpdateTicket, change_type_body, create_body, link_body,
    update_body,
};
use super::search::{TicketSearch, search_body};
use crate::conversations::Conversation;
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

/// Most tickets per page of a search.
pub const MAX_PER_PAGE: u32 = 150;

const SEARCH: Paging = Paging::new(Scheme::BodyCursor, "tickets").max_per_page(MAX_PER_PAGE);

endpoints! {
    /// The tickets endpoints. Get one from [`Client::tickets`](crate::Client::tickets).
    family "tickets" => Tickets;

    /// Create a ticket of a type, about one contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::ContactIdentifier;
    /// use intercom_api::tickets::CreateTicket;
    /// let ticket = client
    ///     .tickets()
    ///     .create(
    ///         CreateTicket::new("53", ContactIdentifier::email("ada@example.com"))
    ///             .title("Refund for order 1234")
    ///             .description("Charged twice on 3 June.")
    ///             .attribute("Order number", "1234"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty id, an attribute that is an object, or a negative
    /// `created_at`; `400` for missing required attributes; `404` for an
    /// unknown ticket type or contact.
    "createTicket" POST "/tickets"
    fn create(ticket: CreateTicket) -> Call<Ticket> = create_body;

    /// Create a ticket asynchronously: Intercom checks the arguments,
    /// queues the creation and answers with the [`Job`] (its
    /// `resource_id` is the ticket's id once done).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::conversations::ContactIdentifier;
    /// use intercom_api::tickets::CreateTicket;
    /// let job = client
    ///     .tickets()
    ///     .enqueue(CreateTicket::new("53", ContactIdentifier::external_id("user-42")).title("Export stuck"))
    ///     .await?;
    /// println!("job {} is {:?}", job.id, job.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`create`](Self::create); `400 parameter_invalid` when Intercom's
    /// checks fail (nothing is queued then).
    "enqueueCreateTicket" POST "/tickets/enqueue"
    fn enqueue(ticket: CreateTicket) -> Call<Job> = create_body;

    /// One ticket, with its parts. `ticket_id` is the ticket's `id`, not the
    /// number shown in the Inbox.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let ticket = client.tickets().get("41084212001").await?;
    /// println!("{:?} is {:?}", ticket.title(), ticket.state_category());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 ticket_not_found`.
    "getTicket" GET "/tickets/{ticket_id}"
    fn get(ticket_id) -> Call<Ticket>;

    /// Change the fields set in `update`: state, assignment, attributes,
    /// open/closed, snooze, sharing, company.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::tickets::UpdateTicket;
    /// client
    ///     .tickets()
    ///     .update(
    ///         "41084212001",
    ///         UpdateTicket::new().state("7492").assign_to("991267").as_admin("991267"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a non-numeric `admin_id`, an empty id, closing and snoozing at once,
    /// or a bad attribute; `400 ticket_state_id_invalid` for a state of
    /// another type; `404 assignee_not_found`.
    "updateTicket" PUT "/tickets/{ticket_id}"
    fn update(ticket_id; update: UpdateTicket) -> Call<Ticket> = update_body;

    /// Delete a ticket, for good: replies, attributes and uploads are
    /// removed (it stays in reporting).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let deleted = client.tickets().delete("41084212001").await?;
    /// assert!(deleted.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 ticket_not_found`; `403 api_plan_restricted`.
    "deleteTicket" DELETE "/tickets/{ticket_id}"
    fn delete(ticket_id) -> Call<TicketDeleted>;

    /// Reply: a comment, note or quick reply from an admin, or a comment on
    /// behalf of a contact. Answers with the new part.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::tickets::TicketReply;
    /// client
    ///     .tickets()
    ///     .reply("41084212001", TicketReply::admin_note("991267", "Refund issued in Stripe"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty body (comments and notes), a quick reply without options or
    /// with a bad uuid, more than 10 attachments, an attachment URL that is
    /// not http(s), inline files from a contact, or `cross_post` on
    /// anything but a note; `400 parameter_mismatch` for a contact reply on
    /// a back-office ticket; `404 not_found`.
    "replyTicket" POST "/tickets/{ticket_id}/reply"
    fn reply(ticket_id; reply: TicketReply) -> Call<TicketPart> = reply_body;

    /// Tickets matching a query, cursor-paged (20 per page unless
    /// [`per_page`](crate::ListCall::per_page) says up to 150). A search
    /// only reads, so it is retried after a 5xx or timeout like a `GET`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::search::{field, Query};
    /// let open_requests = Query::and([
    ///     field("open").eq(true),
    ///     field("category").eq("request"),
    ///     field("created_at").gt(1_717_000_000),
    /// ]);
    /// let tickets = client.tickets().search(open_requests).per_page(50).collect_at_most(500).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a query Intercom would refuse (see [`TicketSearch`](crate::tickets::TicketSearch))
    /// or `per_page` outside 1..=150.
    "searchTickets" POST(idempotent) "/tickets/search"
    fn search(search: impl Into<TicketSearch>) -> ListCall<Ticket> paged SEARCH = search_body;

    /// Move a ticket to another type of the same category, in one of the
    /// new type's states. Attributes with the same name and type carry over.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::tickets::ChangeTicketType;
    /// client
    ///     .tickets()
    ///     .change_type("41084212001", ChangeTicketType::new("54", "7501").attribute("Order number", "1234"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty id or a bad attribute; `400 parameter_invalid` for the same
    /// type, a state of another type or an attribute the new type lacks;
    /// `404 not_found`.
    "changeTicketType" POST "/tickets/{ticket_id}/change_type"
    fn change_type(ticket_id; change: ChangeTicketType) -> Call<Ticket> = change_type_body;

    /// Link a conversation (or customer ticket) to a tracker ticket; answers
    /// with the linked conversation. A tracker takes up to 2,500.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tickets().link_conversation("41084212077", "41084199342").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `conversation_id`; `400` when the ticket is not a tracker or
    /// `linked_conversation_limit_exceeded`; `404 not_found`.
    "linkConversationToTicket" POST "/tickets/{ticket_id}/linked_conversations"
    fn link_conversation(ticket_id; conversation_id: &str) -> Call<Conversation> = link_body;

    /// Unlink a conversation (or customer ticket) from a tracker ticket;
    /// answers with the conversation.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tickets().unlink_conversation("41084212077", "41084199342").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `400` when the ticket is not a tracker or the conversation is not
    /// linked; `404 not_found`.
    "unlinkConversationFromTicket" DELETE "/tickets/{ticket_id}/linked_conversations/{id}"
    fn unlink_conversation(ticket_id, id) -> Call<Conversation>;
}
