//! Away status reasons: why an admin is away ("On a break", "In a meeting").
//!
//! An admin is set away with one of them through
//! [`admins().set_away`](crate::admins); this family lists them.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let reasons = client.away_status_reasons().list().await?;
//! let live: Vec<_> = reasons.iter().filter(|r| r.deleted != Some(true)).collect();
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::models::List;
use crate::resources::endpoints::endpoints;

/// A reason an admin can give for being away.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AwayStatusReason {
    /// The reason's id (what `away_status_reason_id` takes).
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// The text shown, e.g. `On a break`.
    #[serde(default)]
    pub label: Option<String>,
    /// Its emoji, e.g. `☕`.
    #[serde(default)]
    pub emoji: Option<String>,
    /// Its position in the list shown to admins.
    #[serde(default)]
    pub order: Option<i64>,
    /// Whether it was deleted (deleted reasons are listed too).
    #[serde(default)]
    pub deleted: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

endpoints! {
    /// The away status reasons endpoint. Get one from
    /// [`Client::away_status_reasons`](crate::Client::away_status_reasons).
    family "away_status_reasons" => AwayStatusReasons;

    /// Every away status reason of the workspace, deleted ones included.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for reason in client.away_status_reasons().list().await? {
    ///     println!("{} {:?}", reason.id, reason.label);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized` and other API errors.
    "listAwayStatusReasons" GET "/away_status_reasons"
    fn list() -> Call<List<AwayStatusReason>>;
}
