//! AI content: the sources and pages Fin, Copilot and the AI sales agent
//! answer from, beyond the Help Center.
//!
//! The ten AI Content operations of Intercom API 2.16, on [`AiContent`]:
//! content import sources (where external pages come from) and external
//! pages. Pages are written through the API only into a source whose
//! [`sync_behavior`](ContentImportSource::sync_behavior) is
//! [`SyncBehavior::Api`]; creating a page whose `(source_id, external_id)`
//! exists updates it, so [`create_external_page`](AiContent::create_external_page)
//! is safe to retry.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::ai_content::{NewContentImportSource, NewExternalPage};
//! let ai = client.ai_content();
//! let source = ai
//!     .create_import_source(NewContentImportSource::new("https://docs.example.com"))
//!     .await?;
//! let source_id: i64 = source.id.parse().expect("numeric");
//! ai.create_external_page(
//!     NewExternalPage::new(source_id, "kb-1042", "Resetting a password", "<p>Open Settings…</p>")
//!         .url("https://docs.example.com/kb/1042")
//!         .ai_agent_availability(true),
//! )
//! .await?;
//! # Ok(()) }
//! ```

mod models;
mod requests;
mod rows;

pub use models::{ContentImportSource, ExternalPage, SourceStatus, SyncBehavior};
pub use requests::{
    NewContentImportSource, NewExternalPage, UpdateContentImportSource, UpdateExternalPage,
};
pub use rows::{AiContent, ops};
