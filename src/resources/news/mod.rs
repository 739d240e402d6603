//! News: news items (product updates, announcements) and the newsfeeds of
//! the Messenger that show them.
//!
//! The eight News operations of Intercom API 2.16, on [`News`]. A news item
//! is written as a [`NewsItemRequest`] (title and sender required; the same
//! body creates and replaces one), stays invisible while
//! [`NewsItemState::Draft`], and shows in the newsfeeds it is assigned to
//! once [`NewsItemState::Live`]. Newsfeeds are set up in Intercom's app:
//! the API only reads them.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::news::{NewsItemRequest, NewsItemState};
//! let item = client
//!     .news()
//!     .create_item(
//!         NewsItemRequest::new("Invoices in PDF", 991_267)
//!             .body("<p>Download any invoice as a PDF from Billing.</p>")
//!             .state(NewsItemState::Live)
//!             .newsfeed(53, None),
//!     )
//!     .await?;
//! println!("{}", item.id);
//! # Ok(()) }
//! ```

mod requests;
mod rows;

pub use requests::NewsItemRequest;
pub use rows::{News, ops};

use serde::{Deserialize, Serialize};

use crate::models::{null_as_default, string_enum, string_or_number};

string_enum! {
    /// Whether a news item shows in its newsfeeds.
    pub enum NewsItemState {
        /// Not visible to users yet.
        Draft = "draft",
        /// Visible in its newsfeeds.
        Live = "live",
    }
}

/// Where a news item is shown: a newsfeed, and when it was published there.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct NewsfeedAssignment {
    /// The newsfeed's id (an integer in news item bodies).
    pub newsfeed_id: i64,
    /// Publish time on that newsfeed (unix seconds); ignored by Intercom
    /// while the item is a draft, and never in the future.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<i64>,
}

impl NewsfeedAssignment {
    /// Show on newsfeed `newsfeed_id`, published now or at `published_at`
    /// (unix seconds, in the past).
    pub fn new(newsfeed_id: i64, published_at: Option<i64>) -> Self {
        NewsfeedAssignment {
            newsfeed_id,
            published_at,
        }
    }
}

/// A news item.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct NewsItem {
    /// The news item id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The workspace it belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// Its body, possibly HTML.
    #[serde(default)]
    pub body: Option<String>,
    /// The teammate shown as its sender.
    #[serde(default)]
    pub sender_id: Option<i64>,
    /// Draft or live.
    #[serde(default)]
    pub state: Option<NewsItemState>,
    /// The newsfeeds it is assigned to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub newsfeed_assignments: Vec<NewsfeedAssignment>,
    /// Label names shown to users.
    #[serde(default, deserialize_with = "null_as_default")]
    pub labels: Vec<Option<String>>,
    /// The cover image (`.jpg` or `.png`).
    #[serde(default)]
    pub cover_image_url: Option<String>,
    /// The emoji reactions offered, in order; empty when reactions are off.
    #[serde(default, deserialize_with = "null_as_default")]
    pub reactions: Vec<Option<String>>,
    /// Shown in the newsfeed without a notification badge.
    #[serde(default)]
    pub deliver_silently: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// A newsfeed: a collection of news items for one audience.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Newsfeed {
    /// The newsfeed id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Its name (never shown to users).
    #[serde(default)]
    pub name: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// The answer to deleting a news item.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct NewsItemDeleted {
    /// The deleted item's id.
    #[serde(default, deserialize_with = "crate::models::opt_string_or_number")]
    pub id: Option<String>,
    /// `news-item`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it was deleted.
    #[serde(default)]
    pub deleted: Option<bool>,
}
