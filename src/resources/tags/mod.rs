//! Tags: labels on contacts, companies, conversations, tickets, articles,
//! internal articles and content snippets.
//!
//! Every operation of the Tags family in Intercom API 2.16, and tagging help
//! center articles, on [`Tags`]. Tag names are case-insensitive, and
//! creating a tag whose name already exists returns the existing one, so
//! [`Tags::create`] doubles as "find or create by name".
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::tags::CompanyRef;
//!
//! let vip = client.tags().create("VIP").await?;
//! client.tags().tag_contact("6762f0d01bb69f9f2193bb7d", &vip.id).await?;
//! client
//!     .tags()
//!     .tag_conversation("147", &vip.id, "991267")
//!     .await?;
//! let result = client
//!     .tags()
//!     .tag_companies("VIP", [CompanyRef::company_id("acme-42")])
//!     .await?;
//! assert!(result.companies.iter().all(|c| c.tagged == Some(true)));
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint, and the
//! other body forms of `POST /tags`), its models and its request bodies.

mod models;
mod requests;
mod rows;

pub use models::{Tag, TaggedObject, TaggingResult};
pub use requests::CompanyRef;
pub use rows::{Tags, ops};
