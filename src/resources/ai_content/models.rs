//! The AI content models: what Intercom answers.

use serde::Deserialize;

use crate::models::{null_as_default, string_enum, string_or_number};

string_enum! {
    /// How a content import source gets its pages.
    pub enum SyncBehavior {
        /// Pages are written through the API (the only kind the API creates).
        Api = "api",
        /// Intercom crawls the source on its own (the update schema spells
        /// it `automated`).
        Automatic = "automatic" | "automated",
        /// Synced when a teammate asks.
        Manual = "manual",
    }
}

string_enum! {
    /// Whether a content import source is in use.
    pub enum SourceStatus {
        /// In use.
        Active = "active",
        /// Switched off.
        Deactivated = "deactivated",
    }
}

/// A content import source: where external pages come from.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContentImportSource {
    /// The source id (an integer; the `source_id` of its pages).
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The URL of the source's root.
    #[serde(default)]
    pub url: String,
    /// How it gets its pages.
    pub sync_behavior: SyncBehavior,
    /// Whether it is in use.
    pub status: SourceStatus,
    /// Last sync (unix seconds).
    #[serde(default)]
    pub last_synced_at: Option<i64>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The audiences its pages are shown to; empty for none.
    #[serde(default, deserialize_with = "null_as_default")]
    pub audience_ids: Vec<i64>,
}

/// An external page of the Fin content library.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ExternalPage {
    /// The page id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// Its body in HTML (empty on a deleted page).
    #[serde(default)]
    pub html: String,
    /// The URL Fin links end users to; `None` when Fin does not cite it.
    #[serde(default)]
    pub url: Option<String>,
    /// Whether the AI agent (Fin) answers from it.
    #[serde(default)]
    pub ai_agent_availability: bool,
    /// Whether Copilot answers from it.
    #[serde(default)]
    pub ai_copilot_availability: bool,
    /// Whether the AI sales agent answers from it.
    #[serde(default)]
    pub ai_sales_agent_availability: Option<bool>,
    /// Deprecated by Intercom: see the two flags above.
    #[serde(default)]
    pub fin_availability: Option<bool>,
    /// Always `en` in API 2.16.
    #[serde(default)]
    pub locale: String,
    /// The content import source it belongs to.
    #[serde(deserialize_with = "string_or_number")]
    pub source_id: String,
    /// Its id in the source, unique within the source.
    #[serde(default)]
    pub external_id: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// When Fin last ingested it (unix seconds).
    #[serde(default)]
    pub last_ingested_at: Option<i64>,
}
