//! Banners: in-app banners a contact currently matches.

use serde::Deserialize;

/// A banner a contact matches.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Banner {
    /// The banner id.
    pub id: String,
    /// The view id, used to dismiss the banner for a contact.
    #[serde(default)]
    pub view_id: Option<String>,
    /// The title.
    #[serde(default)]
    pub title: Option<String>,
    /// The body, as HTML.
    #[serde(default)]
    pub body: Option<String>,
    /// The display style, e.g. `inline`, `floating`.
    #[serde(default)]
    pub style: Option<String>,
    /// Where it shows: `top` or `bottom`.
    #[serde(default)]
    pub position: Option<String>,
    /// Whether the contact can dismiss it.
    #[serde(default)]
    pub show_dismiss_button: Option<bool>,
    /// The call to action, kept as JSON (its shape depends on its `type`).
    #[serde(default)]
    pub action: Option<serde_json::Value>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// The answer to dismissing a banner.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct BannerDismiss {
    /// The dismissed banner view.
    #[serde(default)]
    pub view_id: Option<String>,
    /// Whether it is now dismissed.
    #[serde(default)]
    pub dismissed: Option<bool>,
}
