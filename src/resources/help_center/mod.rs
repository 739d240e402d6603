//! Help centers, their collections and their URL redirects.
//!
//! Every operation of the Help Center family in Intercom API 2.16, on
//! [`HelpCenter`]. A workspace can have several help centers
//! ([`HelpCenterSite`]); articles are filed in [`Collection`]s (a collection
//! with a `parent_id` is a section); a [`Redirect`] sends an old URL to an
//! article or collection.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::help_center::{CreateCollection, CreateRedirect, RedirectTarget};
//!
//! let Some(site) = client.help_center().list_help_centers().await?.items.into_iter().next() else {
//!     return Ok(());
//! };
//! let billing = client
//!     .help_center()
//!     .create_collection(CreateCollection::new("Billing").help_center_id(&site.id))
//!     .await?;
//! client
//!     .help_center()
//!     .create_redirect(
//!         &site.id,
//!         CreateRedirect::new(
//!             "https://help.example.com/old/billing",
//!             "en",
//!             RedirectTarget::Collection,
//!             &billing.id,
//!         ),
//!     )
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint), its
//! models and its request bodies.

mod models;
mod requests;
mod rows;

pub use models::{
    Collection, CollectionContent, CollectionDeleted, HelpCenterSite, Redirect, RedirectDeleted,
    RedirectTarget,
};
pub use requests::{CreateCollection, CreateRedirect, UpdateCollection};
pub use rows::{HelpCenter, MAX_REDIRECTS_PER_PAGE, ops};
