//! Brands: the branding configurations of a workspace (name, help center,
//! default sender address).
//!
//! Both Brands operations of Intercom API 2.16, on [`Brands`]. The default
//! brand's id is the workspace id; other brands have numeric ids.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let brands = client.brands().list().await?;
//! let default = brands.iter().find(|b| b.is_default == Some(true));
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{Brands, ops};

use serde::Deserialize;

use crate::models::{opt_string_or_number, string_or_number};

/// A brand: a name, a help center and a default sender address.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Brand {
    /// The brand id; for the default brand, the workspace id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Whether this is the workspace's default brand.
    #[serde(default)]
    pub is_default: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The help center of the brand.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub help_center_id: Option<String>,
    /// The brand's default sender address: an
    /// [`EmailSetting`](crate::emails::EmailSetting) id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub default_address_settings_id: Option<String>,
}
