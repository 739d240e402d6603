//! [`ConversationState`]: open, closed or snoozed. A leaf that the
//! conversation and its parts both read.

use crate::models::string_enum;

string_enum! {
    /// Whether a conversation is open, closed or snoozed.
    pub enum ConversationState {
        /// Waiting for a teammate (or in progress).
        Open = "open",
        /// Closed.
        Closed = "closed",
        /// Snoozed until [`Conversation::snoozed_until`](super::Conversation::snoozed_until).
        Snoozed = "snoozed",
    }
}

/// The wire string, so code written when `state` was a string keeps working:
/// `conversation.state.as_deref() == Some("closed")`.
impl std::ops::Deref for ConversationState {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}
