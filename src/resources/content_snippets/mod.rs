//! Content snippets: reusable pieces of knowledge for Fin (the AI agent)
//! and Copilot.
//!
//! The five Content Snippets operations of Intercom API 2.16, on
//! [`ContentSnippets`]. A snippet's content is either Markdown or Intercom's
//! JSON blocks, never both; which AI features may use it is set per
//! snippet ([`NewContentSnippet::ai_chatbot`] and its siblings), and Fin
//! can be limited to contacts of some [audiences](crate::audiences).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::content_snippets::NewContentSnippet;
//! let snippet = client
//!     .content_snippets()
//!     .create(
//!         NewContentSnippet::markdown("Refund window", "Refunds are possible **30 days** after purchase.")
//!             .ai_chatbot(true)
//!             .ai_copilot(true),
//!     )
//!     .await?;
//! println!("{}", snippet.id);
//! # Ok(()) }
//! ```

mod requests;
mod rows;

pub use requests::{MAX_TITLE_CHARS, NewContentSnippet, UpdateContentSnippet};
pub use rows::{ContentSnippets, MAX_PER_PAGE, ops};

use serde::Deserialize;

use crate::models::{null_as_default, string_or_number};

/// A content snippet.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContentSnippet {
    /// The snippet id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// Its locale, e.g. `en`.
    #[serde(default)]
    pub locale: Option<String>,
    /// The content as Intercom's JSON blocks (paragraphs, lists, ...).
    #[serde(default, deserialize_with = "null_as_default")]
    pub json_blocks: Vec<serde_json::Value>,
    /// The content as Markdown, when it was written so.
    #[serde(default)]
    pub body_markdown: Option<String>,
    /// Deprecated: 1 when Fin may use it; see
    /// [`ai_chatbot_availability`](Self::ai_chatbot_availability).
    #[serde(default)]
    pub chatbot_availability: Option<i64>,
    /// Deprecated: 1 when Copilot may use it; see
    /// [`ai_copilot_availability`](Self::ai_copilot_availability).
    #[serde(default)]
    pub copilot_availability: Option<i64>,
    /// Whether Fin (the AI agent) may use it.
    #[serde(default)]
    pub ai_chatbot_availability: Option<bool>,
    /// Whether Copilot may use it.
    #[serde(default)]
    pub ai_copilot_availability: Option<bool>,
    /// Whether the AI sales agent may use it.
    #[serde(default)]
    pub ai_sales_agent_availability: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The audiences Fin uses it for; empty when it is not targeted.
    #[serde(default, deserialize_with = "null_as_default")]
    pub audience_ids: Vec<i64>,
}
