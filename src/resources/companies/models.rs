//! The company models: what Intercom answers.

use serde::{Deserialize, Deserializer};

use crate::models::{CustomAttributes, null_as_default, opt_string_or_number};
use crate::resources::notes::Note;
use crate::resources::segments::Segment;
use crate::resources::tags::Tag;

/// A company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Company {
    /// Intercom's id for the company: the one every path takes.
    pub id: String,
    /// Your id for the company (set once, never changed).
    #[serde(default)]
    pub company_id: Option<String>,
    /// The company name.
    #[serde(default)]
    pub name: Option<String>,
    /// The workspace id.
    #[serde(default)]
    pub app_id: Option<String>,
    /// The plan the company is on.
    #[serde(default)]
    pub plan: Option<Plan>,
    /// When the company was created in your system (unix seconds).
    #[serde(default)]
    pub remote_created_at: Option<i64>,
    /// When Intercom created the record (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Last request from any of its contacts (unix seconds).
    #[serde(default)]
    pub last_request_at: Option<i64>,
    /// Number of employees.
    #[serde(default)]
    pub size: Option<i64>,
    /// Website URL (Intercom does not check it).
    #[serde(default)]
    pub website: Option<String>,
    /// Industry.
    #[serde(default)]
    pub industry: Option<String>,
    /// Monthly spend (Intercom stores whole numbers).
    #[serde(default)]
    pub monthly_spend: Option<f64>,
    /// Number of sessions.
    #[serde(default)]
    pub session_count: Option<i64>,
    /// Number of users.
    #[serde(default)]
    pub user_count: Option<i64>,
    /// Custom attributes, as JSON (strings, numbers, booleans).
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_attributes: CustomAttributes,
    /// Tags on the company.
    #[serde(default)]
    pub tags: Option<CompanyTags>,
    /// Segments the company is in.
    #[serde(default)]
    pub segments: Option<CompanySegments>,
    /// Notes on the company, when Intercom embeds them.
    #[serde(default)]
    pub notes: Option<CompanyNotes>,
}

/// A company's plan.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// The plan id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// The plan name.
    #[serde(default)]
    pub name: Option<String>,
}

/// The tags embedded in a company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CompanyTags {
    /// The tags.
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: Vec<Tag>,
}

/// The segments embedded in a company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CompanySegments {
    /// The segments.
    #[serde(default, deserialize_with = "null_as_default")]
    pub segments: Vec<Segment>,
}

/// The notes embedded in a company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CompanyNotes {
    /// The notes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub notes: Vec<Note>,
}

/// The answer to deleting a company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CompanyDeleted {
    /// The deleted company's Intercom id.
    pub id: String,
    /// What was deleted (`company`).
    #[serde(default)]
    pub object: Option<String>,
    /// Whether the deletion was accepted. Intercom archives the company and
    /// detaches its contacts asynchronously after answering.
    #[serde(default)]
    pub deleted: bool,
}

/// One company found by [`Companies::get_by_company_id`](super::Companies::get_by_company_id)
/// or [`Companies::find_by_name`](super::Companies::find_by_name).
///
/// Intercom answers these lookups with the company object itself, while the
/// 2.16 spec declares a `company_list` holding it; both shapes decode (see
/// [`LookupCall`](super::LookupCall): from a list, the first company is
/// taken, and an empty list is `404 company_not_found`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CompanyLookup {
    /// The company found.
    pub company: Company,
}

impl From<CompanyLookup> for Company {
    fn from(found: CompanyLookup) -> Company {
        found.company
    }
}

impl<'de> Deserialize<'de> for CompanyLookup {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Company::deserialize(d).map(|company| CompanyLookup { company })
    }
}
