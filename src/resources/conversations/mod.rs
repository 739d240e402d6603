//! Conversations between contacts and teammates.
//!
//! Every operation of the Conversations family in Intercom API 2.16, on
//! [`Conversations`]. Times are unix seconds, durations in
//! [`ConversationStatistics`] are seconds.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::conversations::{ConversationState, Reply};
//! use intercom_api::search::{Query, field};
//!
//! // Open conversations waiting on a teammate for more than a day.
//! let waiting = Query::and([
//!     field("state").eq("open"),
//!     field("waiting_since").lt(1_717_000_000),
//! ]);
//! let page = client.conversations().search(waiting).per_page(50).await?;
//! for conversation in page.items {
//!     client
//!         .conversations()
//!         .reply(&conversation.id, Reply::admin_note("991267", "Escalating: waiting > 24h"))
//!         .await?;
//! }
//!
//! let closed = client.conversations().close("1911149811", "991267").await?;
//! assert_eq!(closed.state, Some(ConversationState::Closed));
//! # Ok(()) }
//! ```
//!
//! Query options exist only on the operations Intercom documents them for:
//! `display_as_plaintext` on [`get`](Conversations::get) and
//! [`update`](Conversations::update), `include_translations` on `get`,
//! `retain_metrics` on [`delete`](Conversations::delete), `order` on
//! [`list_deleted`](Conversations::list_deleted). Asking a reply for plain
//! text does not compile:
//!
//! ```compile_fail
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::conversations::Reply;
//! // `POST /conversations/{conversation_id}/reply` has no `display_as`.
//! client
//!     .conversations()
//!     .reply("1911149811", Reply::admin_comment("991267", "Hi"))
//!     .display_as_plaintext()
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! ```compile_fail
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! // Only `get` translates its parts.
//! use intercom_api::conversations::UpdateConversation;
//! client
//!     .conversations()
//!     .update("1911149811", UpdateConversation::new().read(true))
//!     .include_translations()
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint) and
//! shortcuts, its models (the conversation, its parts, AI and QA insights,
//! the other answers) and its request bodies.

mod actions;
mod answers;
mod conversation;
mod insights;
mod parts;
mod requests;
mod rows;
mod state;

pub use actions::{Assignee, ConversationAction, LAST, Reply};
pub use answers::{
    ConversationDeleted, DeletedConversationId, HandlingEvent, HandlingEventType, HandlingEvents,
    Message, MessageType, Participant, Participants, SideConversation, TeammateReference,
};
pub use conversation::{
    ContactReference, Conversation, ConversationChannel, ConversationPriority, ConversationRating,
    ConversationSource, ConversationState, ConversationStatistics, ExternalReference,
    FirstContactReply, LinkedObject, LinkedObjects, Recipient, ReplyToAddress, SlaApplied,
    SlaStatus, TeamResponseTime,
};
pub use insights::{
    AiAgent, AiResolutionState, ContentSource, ContentSources, EvaluatorResult, MonitorEvaluation,
    ReviewedTeammate, SalesAgent, Scorecard, ScorecardEvaluator,
};
pub use parts::{
    Attachment, AttributeChange, Author, AuthorType, ConversationPart, ConversationParts,
    CustomAction, EmailAddressHeader, EmailMessageMetadata, EventDetails, Named, PartMetadata,
    PartType, QuickReplyOption, WorkflowEvent,
};
pub use requests::{
    ContactIdentifier, ConversationSearch, ConvertToTicket, CreateConversation,
    MAX_ATTACHMENT_URLS, Redaction, SenderType, UpdateConversation,
};
pub use rows::{
    Conversations, MAX_DELETED_PER_PAGE, MAX_PER_PAGE, MAX_SIDE_CONVERSATIONS_PER_PAGE, ops,
};
