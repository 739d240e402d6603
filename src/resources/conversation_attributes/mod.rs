//! Conversation attributes: the custom fields teammates fill in on
//! conversations (strings, numbers, lists, relationships, ...).
//!
//! The eight Conversations Attributes operations of Intercom API 2.16, on
//! [`ConversationAttributes`]. Attribute ids are integers (refused before
//! sending otherwise); a list attribute's options are managed by their own
//! endpoints and identified by UUID. Deleting archives: attributes and
//! options stay, with `archived: true`.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::conversation_attributes::NewConversationAttribute;
//! let attrs = client.conversation_attributes();
//! let priority = attrs
//!     .create(NewConversationAttribute::list("Priority", ["Low", "Normal"]).required(true))
//!     .await?;
//! let priority = attrs.create_option(&priority.id, "Urgent").await?;
//! for option in priority.active_options() {
//!     println!("{} {:?}", option.id, option.label);
//! }
//! # Ok(()) }
//! ```

mod models;
mod requests;
mod rows;

pub use models::{
    AttributeDataType, AttributeOption, AttributeReference, Cardinality, ConversationAttribute,
};
pub use requests::{MIN_LIST_OPTIONS, NewConversationAttribute, UpdateConversationAttribute};
pub use rows::{ConversationAttributes, ops};
