//! The tag models: a tag, and what tagging many objects at once answers.

use serde::Deserialize;

use crate::models::{Reference, null_as_default, string_or_number};

/// A tag.
///
/// As a workspace tag ([`Tags::list`](super::Tags::list),
/// [`Tags::get`](super::Tags::get), [`Tags::create`](super::Tags::create)) it
/// has an id and a name. As the answer to tagging or untagging one object
/// (a contact, conversation, ticket, article, internal article or content
/// snippet) it
/// also says when and by whom it was applied; both are `None` after an
/// untag.
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

/// The answer to tagging or untagging companies, or tagging users, through
/// `POST /tags`: the tag, and what happened to each object named.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TaggingResult {
    /// The tag id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The tag name.
    #[serde(default)]
    pub name: Option<String>,
    /// The users (contacts) tagged or untagged.
    #[serde(default, deserialize_with = "null_as_default")]
    pub users: Vec<TaggedObject>,
    /// The companies tagged or untagged.
    #[serde(default, deserialize_with = "null_as_default")]
    pub companies: Vec<TaggedObject>,
}

/// One object of a [`TaggingResult`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TaggedObject {
    /// Intercom's id for the user or company.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// `true` when it now has the tag, `false` when the tag was removed.
    #[serde(default)]
    pub tagged: Option<bool>,
}
