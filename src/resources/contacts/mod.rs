//! Contacts: the users and leads of a workspace.
//!
//! Every operation of the Contacts family in Intercom API 2.16, on
//! [`Contacts`]. Contacts carry `custom_attributes` as a JSON map; times are
//! unix seconds.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::contacts::{CreateContact, UpdateContact};
//! use intercom_api::search::field;
//!
//! let created = client
//!     .contacts()
//!     .create(CreateContact::with_external_id("user-42").email("ada@example.com").name("Ada"))
//!     .await?;
//! client
//!     .contacts()
//!     .update(&created.id, UpdateContact::new().custom_attribute("plan", "pro"))
//!     .await?;
//! let page = client.contacts().search(field("email").eq("ada@example.com")).await?;
//! assert_eq!(page.items.len(), 1);
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint), its
//! models and its request bodies.

mod models;
mod requests;
mod rows;

pub use crate::resources::common::{
    MAX_CUSTOM_ATTRIBUTE_NAME, MAX_CUSTOM_ATTRIBUTE_STRING, validate_custom_attributes,
};
pub use crate::resources::shared::{
    Contact, ContactRole, Location, MergeHistoryItem, SocialProfile, SocialProfiles,
};
pub use models::{ContactArchived, ContactBlocked, ContactDeleted, Upserted};
pub use requests::{ContactSearch, CreateContact, MergeContacts, UpdateContact};
pub use rows::{Contacts, MAX_PER_PAGE, ops};

use crate::client::Client;
use crate::error::Error;
use crate::search::field;

impl<'c> Contacts<'c, Client> {
    /// Create the contact, or update the one with the same external id.
    ///
    /// Sends `POST /contacts`; on `409 conflict` it finds the contact by
    /// `external_id` (`POST /contacts/search`) and sends `PUT /contacts/{id}`
    /// with the same fields. This is the sync pattern Intercom's own guides
    /// recommend: your `external_id` is the stable key, Intercom ids can
    /// change when contacts merge.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::contacts::CreateContact;
    /// let up = client
    ///     .contacts()
    ///     .upsert_by_external_id(CreateContact::with_external_id("user-42").email("ada@example.com"))
    ///     .await?;
    /// println!("{} {}", up.contact.id, if up.created { "created" } else { "updated" });
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `contact` has no external id; the
    /// conflict itself when no contact with that external id can be found
    /// (the conflict was on email); any error of the calls made.
    pub async fn upsert_by_external_id(&self, contact: CreateContact) -> Result<Upserted, Error> {
        let Some(external_id) = contact.get_external_id().map(str::to_owned) else {
            return Err(Error::invalid(
                "external_id",
                "an upsert by external_id needs an external_id",
            ));
        };
        let conflict = match self.create(contact.clone()).await {
            Ok(contact) => {
                return Ok(Upserted {
                    contact,
                    created: true,
                });
            }
            Err(e) if e.is_conflict() => e,
            Err(e) => return Err(e),
        };
        let found = self
            .search(field("external_id").eq(external_id))
            .per_page(1)
            .await?;
        let Some(existing) = found.items.into_iter().next() else {
            return Err(conflict);
        };
        let contact = self.update(&existing.id, contact.into()).await?;
        Ok(Upserted {
            contact,
            created: false,
        })
    }
}
