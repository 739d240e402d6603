//! Content: the Knowledge Hub as a whole (help center articles, snippets,
//! external pages, uploaded files and internal articles).
//!
//! The two Content operations of Intercom API 2.16, on [`Content`]: a
//! keyword search across every kind of content, and bulk actions (publish,
//! unpublish, delete, availability, audience, tags) on up to 1,000 items.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::content::{Availability, ContentBulkAction, ContentKind, ContentRef, ContentSearch};
//! let hits = client
//!     .content()
//!     .search(ContentSearch::new().query("refund").content_types([ContentKind::InternalArticle]))
//!     .collect_at_most(200)
//!     .await?;
//! let ids = hits.iter().filter_map(|h| h.id.clone()).map(ContentRef::internal_article);
//! client
//!     .content()
//!     .bulk_action(ContentBulkAction::set_availability(ids, Availability::new().copilot(true)))
//!     .await?;
//! # Ok(()) }
//! ```

mod models;
mod requests;
mod rows;

pub use models::{ArticleContentHit, ContentBulkActionQueued, ContentKind, ContentSearchHit};
pub use requests::{
    AudienceChange, Availability, BulkActionKind, ContentBulkAction, ContentRef, ContentSearch,
    MAX_BULK_ITEMS, MAX_BULK_TAGS, MAX_QUERY_CHARS, PublicationState, TagChange, TagOperator,
};
pub use rows::{Content, MAX_PER_PAGE, ops};
