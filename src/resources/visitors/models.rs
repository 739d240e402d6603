//! The visitor models: what Intercom answers.

use serde::Deserialize;

use crate::companies::Company;
use crate::models::{Avatar, CustomAttributes, null_as_default};
use crate::tags::Tag;

/// A visitor: an anonymous person on your website, not yet a lead or user.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Visitor {
    /// Intercom's id for the visitor.
    pub id: String,
    /// The visitor's generated `user_id` (what
    /// [`get_by_user_id`](super::Visitors::get_by_user_id) takes).
    #[serde(default)]
    pub user_id: Option<String>,
    /// Whether the visitor is anonymous.
    #[serde(default)]
    pub anonymous: Option<bool>,
    /// Email address (often empty for a visitor).
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// The name Intercom made up for the visitor, e.g. `Violet Suitcase`.
    #[serde(default)]
    pub pseudonym: Option<String>,
    /// Avatar.
    #[serde(default)]
    pub avatar: Option<Avatar>,
    /// The workspace id.
    #[serde(default)]
    pub app_id: Option<String>,
    /// Companies the visitor belongs to.
    #[serde(default)]
    pub companies: Option<VisitorCompanies>,
    /// Where the visitor is, from their IP address.
    #[serde(default)]
    pub location_data: Option<VisitorLocation>,
    /// Last request from the visitor (unix seconds). The spec spells it
    /// `las_request_at`; both spellings are read.
    #[serde(default, alias = "las_request_at")]
    pub last_request_at: Option<i64>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Creation time you reported (unix seconds).
    #[serde(default)]
    pub remote_created_at: Option<i64>,
    /// Sign-up time (unix seconds).
    #[serde(default)]
    pub signed_up_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// How many sessions the visitor had.
    #[serde(default)]
    pub session_count: Option<i64>,
    /// Social profiles, as Intercom sends them.
    #[serde(default)]
    pub social_profiles: Option<VisitorSocialProfiles>,
    /// The admin who owns the visitor.
    #[serde(default, deserialize_with = "crate::models::opt_string_or_number")]
    pub owner_id: Option<String>,
    /// Whether the visitor unsubscribed from emails.
    #[serde(default)]
    pub unsubscribed_from_emails: Option<bool>,
    /// Whether the visitor marked an email as spam.
    #[serde(default)]
    pub marked_email_as_spam: Option<bool>,
    /// Whether an email to the visitor hard-bounced.
    #[serde(default)]
    pub has_hard_bounced: Option<bool>,
    /// Tags on the visitor.
    #[serde(default)]
    pub tags: Option<VisitorTags>,
    /// Segments the visitor is in, as Intercom sends them.
    #[serde(default)]
    pub segments: Option<VisitorSegments>,
    /// Custom attributes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_attributes: CustomAttributes,
    /// The page the visitor came from.
    #[serde(default)]
    pub referrer: Option<String>,
    /// `utm_campaign` of the visit.
    #[serde(default)]
    pub utm_campaign: Option<String>,
    /// `utm_content` of the visit.
    #[serde(default)]
    pub utm_content: Option<String>,
    /// `utm_medium` of the visit.
    #[serde(default)]
    pub utm_medium: Option<String>,
    /// `utm_source` of the visit.
    #[serde(default)]
    pub utm_source: Option<String>,
    /// `utm_term` of the visit.
    #[serde(default)]
    pub utm_term: Option<String>,
    /// Whether the visitor's browser asks not to be tracked.
    #[serde(default)]
    pub do_not_track: Option<bool>,
}

/// A visitor's companies (`company.list`).
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct VisitorCompanies {
    /// The companies.
    #[serde(default, deserialize_with = "null_as_default")]
    pub companies: Vec<Company>,
}

/// A visitor's tags (`tag.list`).
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct VisitorTags {
    /// The tags.
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: Vec<Tag>,
}

/// A visitor's segments (`segment.list`). The spec types the items as
/// strings; they are kept as JSON values, whatever their shape.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct VisitorSegments {
    /// The segments.
    #[serde(default, deserialize_with = "null_as_default")]
    pub segments: Vec<serde_json::Value>,
}

/// A visitor's social profiles (`social_profile.list`). The spec types the
/// items as strings; they are kept as JSON values, whatever their shape.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct VisitorSocialProfiles {
    /// The profiles.
    #[serde(default, deserialize_with = "null_as_default")]
    pub social_profiles: Vec<serde_json::Value>,
}

/// Where a visitor is, from their IP address.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct VisitorLocation {
    /// City.
    #[serde(default)]
    pub city_name: Option<String>,
    /// Continent code, e.g. `EU`.
    #[serde(default)]
    pub continent_code: Option<String>,
    /// Country code, e.g. `DEU`.
    #[serde(default)]
    pub country_code: Option<String>,
    /// Country.
    #[serde(default)]
    pub country_name: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// Region.
    #[serde(default)]
    pub region_name: Option<String>,
    /// Time zone, e.g. `Europe/Berlin`.
    #[serde(default)]
    pub timezone: Option<String>,
}
