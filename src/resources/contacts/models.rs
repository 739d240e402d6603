//! The contact models: what the contacts endpoints answer. [`Contact`]
//! itself lives in [`shared`](crate::resources::shared), below the families
//! that list contacts.

use serde::Deserialize;

use crate::resources::shared::Contact;

/// The answer to deleting a contact.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContactDeleted {
    /// The deleted contact's id.
    pub id: String,
    /// Its external id.
    #[serde(default)]
    pub external_id: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// The answer to archiving or unarchiving a contact.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContactArchived {
    /// The contact's id.
    pub id: String,
    /// Its external id.
    #[serde(default)]
    pub external_id: Option<String>,
    /// Whether it is now archived.
    #[serde(default)]
    pub archived: bool,
}

/// The answer to blocking a contact.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContactBlocked {
    /// The contact's id.
    pub id: String,
    /// Its external id.
    #[serde(default)]
    pub external_id: Option<String>,
    /// Always `true`.
    #[serde(default)]
    pub blocked: bool,
}

/// What [`Contacts::upsert_by_external_id`](super::Contacts::upsert_by_external_id) did.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Upserted {
    /// The contact as it is now.
    pub contact: Contact,
    /// `true` when it was created, `false` when an existing one was updated.
    pub created: bool,
}
