//! Tickets: tracked customer requests with a type, state and attributes.

use serde::Deserialize;

use crate::models::{CustomAttributes, null_as_default};

/// A ticket. (The full model and the endpoints are being added.)
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Ticket {
    /// The ticket id.
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// The id shown to customers.
    #[serde(default)]
    pub ticket_id: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The ticket's attributes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub ticket_attributes: CustomAttributes,
}
