//! Companies: the organisations contacts belong to.

use serde::Deserialize;

use crate::models::{CustomAttributes, null_as_default};
use crate::resources::segments::Segment;
use crate::resources::tags::Tag;

/// A company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Company {
    /// Intercom's id for the company.
    pub id: String,
    /// Your id for the company.
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
    /// Website URL.
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
    /// Custom attributes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_attributes: CustomAttributes,
    /// Tags on the company.
    #[serde(default)]
    pub tags: Option<CompanyTags>,
    /// Segments the company is in.
    #[serde(default)]
    pub segments: Option<CompanySegments>,
}

/// A company's plan.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// The plan id.
    #[serde(default)]
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

/// The companies endpoints. Get one from [`Client::companies`](crate::Client::companies).
#[derive(Debug)]
pub struct Companies<'c, C> {
    #[allow(dead_code)]
    client: &'c C,
}

impl<'c, C> Companies<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Companies { client }
    }
}
