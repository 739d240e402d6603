//! Notes: admin annotations on contacts and companies.

use serde::Deserialize;

use crate::models::Reference;
use crate::resources::admins::Admin;

/// A note on a contact or a company (never both).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Note {
    /// The note id.
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// The contact the note is about.
    #[serde(default)]
    pub contact: Option<Reference>,
    /// The company the note is about.
    #[serde(default)]
    pub company: Option<Reference>,
    /// The admin who wrote it.
    #[serde(default)]
    pub author: Option<Admin>,
    /// The note text, as HTML.
    #[serde(default)]
    pub body: Option<String>,
}
