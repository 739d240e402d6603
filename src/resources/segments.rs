//! Segments: saved filters over contacts or companies.

use serde::Deserialize;

use crate::models::string_enum;

string_enum! {
    /// What a segment holds.
    pub enum SegmentPersonType {
        /// Contacts (users and leads).
        Contact = "contact",
        /// Users only (older segments).
        User = "user",
    }
}

/// A segment.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Segment {
    /// The segment id.
    pub id: String,
    /// The segment name.
    #[serde(default)]
    pub name: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// What kind of records the segment holds.
    #[serde(default)]
    pub person_type: Option<SegmentPersonType>,
    /// How many records match, when counted.
    #[serde(default)]
    pub count: Option<u64>,
}
