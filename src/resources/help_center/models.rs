//! The help center models: help centers, collections and redirects.

use serde::{Deserialize, Serialize};

use crate::articles::Translations;
use crate::models::{opt_string_or_number, string_enum, string_or_number};

string_enum! {
    /// What a redirect points to.
    pub enum RedirectTarget {
        /// An article.
        Article = "article",
        /// A collection.
        Collection = "collection",
    }
}

/// A collection of articles. A collection with a
/// [`parent_id`](Self::parent_id) is a section of its parent.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Collection {
    /// Intercom's id for the collection.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The workspace it belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Name (of the default language).
    #[serde(default)]
    pub name: Option<String>,
    /// Description (of the default language).
    #[serde(default)]
    pub description: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Public URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Icon name, e.g. `book-bookmark`.
    #[serde(default)]
    pub icon: Option<String>,
    /// Position among its siblings, from 0.
    #[serde(default)]
    pub order: Option<i64>,
    /// The help center's default locale (multilingual help centers only).
    #[serde(default)]
    pub default_locale: Option<String>,
    /// Name and description per locale.
    #[serde(default)]
    pub translated_content: Option<Translations<CollectionContent>>,
    /// The parent collection; `None` for a top-level collection.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub parent_id: Option<String>,
    /// The help center it is in.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub help_center_id: Option<String>,
}

/// A collection's name and description in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[non_exhaustive]
pub struct CollectionContent {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CollectionContent {
    /// A locale's content, with its name.
    pub fn new(name: impl Into<String>) -> Self {
        CollectionContent {
            name: Some(name.into()),
            description: None,
        }
    }

    /// Description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

/// A help center (named `HelpCenterSite` here because
/// [`HelpCenter`](super::HelpCenter) is the endpoints handle).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct HelpCenterSite {
    /// Intercom's id for the help center.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The workspace it belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The identifier used in its URL.
    #[serde(default)]
    pub identifier: Option<String>,
    /// Whether the help center website is turned on.
    #[serde(default)]
    pub website_turned_on: Option<bool>,
    /// Name shown to teammates.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Public URL (on the custom domain when there is one).
    #[serde(default)]
    pub url: Option<String>,
    /// Custom domain, if configured.
    #[serde(default)]
    pub custom_domain: Option<String>,
    /// Whether it is the workspace's default help center.
    #[serde(default)]
    pub default: Option<bool>,
    /// The locales it is available in.
    #[serde(default, deserialize_with = "crate::models::null_as_default")]
    pub locales: Vec<String>,
}

/// A redirect from an old URL to an article or collection.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Redirect {
    /// Intercom's id for the redirect.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The URL that is redirected (absolute, within the help center).
    #[serde(default)]
    pub from_url: Option<String>,
    /// The locale of the target content.
    #[serde(default)]
    pub locale: Option<String>,
    /// The help center it belongs to.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub help_center_id: Option<String>,
    /// Article or collection.
    #[serde(default)]
    pub target_type: Option<RedirectTarget>,
    /// The article or collection id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub target_id: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// The answer to `DELETE /help_center/collections/{collection_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CollectionDeleted {
    /// The deleted collection's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// `collection`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// The answer to `DELETE /help_center/help_centers/{help_center_id}/redirects/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RedirectDeleted {
    /// The deleted redirect's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// `help_center_redirect`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}
