//! Help center articles: content, drafts, versions and search.
//!
//! Every operation of the Articles family in Intercom API 2.16, on
//! [`Articles`] (tagging an article is on [`Tags`](crate::tags::Tags)). An
//! article has default-language fields ([`Article::content`], which
//! `Article` dereferences to: `article.title`, `article.body`, ...) and, on
//! a multilingual help center, one [`ArticleContent`] per locale in
//! [`Article::translated_content`]. Times are unix seconds; ids are strings
//! (Intercom sends some as numbers).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::articles::{ArticleState, CreateArticle, ParentType, UpdateArticle};
//!
//! let article = client
//!     .articles()
//!     .create(
//!         CreateArticle::new("Resetting your password", 991267)
//!             .body("<p>Open <b>Settings</b>, then <b>Security</b>.</p>")
//!             .parent(ParentType::Collection, "145")
//!             .state(ArticleState::Published),
//!     )
//!     .await?;
//! // Stage an edit without touching the live article, then publish it.
//! client
//!     .articles()
//!     .stage_draft(&article.id, UpdateArticle::new().title("Reset your password"))
//!     .await?;
//! client.articles().publish_draft(&article.id, &[]).await?;
//! # Ok(()) }
//! ```
//!
//! Only the version endpoints take a `locale`; on any other article call it
//! does not compile:
//!
//! ```compile_fail
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! client.articles().get("6871119").locale("fr").await?;
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint), its
//! models and its request bodies.

mod models;
mod requests;
mod rows;

pub use models::{
    Article, ArticleContent, ArticleDeleted, ArticleSearchHighlight, ArticleSearchResults,
    ArticleState, ArticleStatistics, ArticleVersion, HelpCenterAudience, HighlightKind,
    HighlightedText, ParentType, SearchState, Translations,
};
pub use requests::{ArticleSearch, ArticleTranslation, CreateArticle, UpdateArticle};
pub use rows::{Articles, ops};
