//! Tags: labels on contacts, companies, conversations and tickets.

use serde::Deserialize;

use crate::models::{Reference, string_or_number};

/// A tag, as attached to an object.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Tag {
    /// The tag id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The tag name.
    #[serde(default)]
    pub name: Option<String>,
    /// When the tag was applied (unix seconds), where it applies.
    #[serde(default)]
    pub applied_at: Option<i64>,
    /// Who applied it, where it applies.
    #[serde(default)]
    pub applied_by: Option<Reference>,
}

/// The tags endpoints. Get one from [`Client::tags`](crate::Client::tags).
#[derive(Debug)]
pub struct Tags<'c, C> {
    #[allow(dead_code)]
    client: &'c C,
}

impl<'c, C> Tags<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Tags { client }
    }
}
