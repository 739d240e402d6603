//! Conversations between contacts and teammates.

use serde::Deserialize;

use crate::models::{CustomAttributes, null_as_default};

/// A conversation. (The full model and the endpoints are being added.)
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Conversation {
    /// The conversation id.
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// `open`, `closed` or `snoozed`.
    #[serde(default)]
    pub state: Option<String>,
    /// Custom attributes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_attributes: CustomAttributes,
}

/// The conversations endpoints. Get one from [`Client::conversations`](crate::Client::conversations).
#[derive(Debug)]
pub struct Conversations<'c, C> {
    #[allow(dead_code)]
    client: &'c C,
}

impl<'c, C> Conversations<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Conversations { client }
    }
}
