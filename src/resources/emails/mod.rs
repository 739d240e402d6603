//! Emails: the sender email addresses of a workspace and their settings.
//!
//! Both Emails operations of Intercom API 2.16, on [`Emails`].
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let senders = client.emails().list().await?;
//! let unverified: Vec<_> = senders.iter().filter(|e| e.verified == Some(false)).collect();
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{Emails, ops};

use serde::Deserialize;

use crate::models::{opt_string_or_number, string_or_number};

/// A sender email address and its settings.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct EmailSetting {
    /// The email setting id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The full sender address.
    #[serde(default)]
    pub email: Option<String>,
    /// Whether the address is verified.
    #[serde(default)]
    pub verified: Option<bool>,
    /// The domain part of the address.
    #[serde(default)]
    pub domain: Option<String>,
    /// The [`Brand`](crate::brands::Brand) the address belongs to.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub brand_id: Option<String>,
    /// Whether forwarding to Intercom is active.
    #[serde(default)]
    pub forwarding_enabled: Option<bool>,
    /// When a forwarded email last arrived (unix seconds); `None` if never.
    #[serde(default)]
    pub forwarded_email_last_received_at: Option<i64>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}
