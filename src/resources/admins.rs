//! Admins: the teammates of a workspace, and `/me`, the identity of the token.

use serde::Deserialize;

use crate::call::Call;
use crate::models::{Avatar, string_or_number};
use crate::transport::Request;

/// An admin (teammate).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Admin {
    /// The admin's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Job title.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Whether the admin is away.
    #[serde(default)]
    pub away_mode_enabled: Option<bool>,
    /// Whether new conversations are reassigned while away.
    #[serde(default)]
    pub away_mode_reassign: Option<bool>,
    /// The away-status reason, if set.
    #[serde(default)]
    pub away_status_reason_id: Option<i64>,
    /// Whether the admin has a paid inbox seat.
    #[serde(default)]
    pub has_inbox_seat: Option<bool>,
    /// The teams the admin belongs to.
    #[serde(default)]
    pub team_ids: Vec<i64>,
    /// The admin's avatar.
    #[serde(default)]
    pub avatar: Option<Avatar>,
}

/// The admin a token belongs to, with the workspace (`GET /me`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AdminWithApp {
    /// The admin's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Whether the email address is verified.
    #[serde(default)]
    pub email_verified: Option<bool>,
    /// Job title.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Whether the admin is away.
    #[serde(default)]
    pub away_mode_enabled: Option<bool>,
    /// Whether the admin has a paid inbox seat.
    #[serde(default)]
    pub has_inbox_seat: Option<bool>,
    /// The teams the admin belongs to.
    #[serde(default)]
    pub team_ids: Vec<i64>,
    /// The admin's avatar.
    #[serde(default)]
    pub avatar: Option<Avatar>,
    /// The workspace the token gives access to.
    #[serde(default)]
    pub app: Option<App>,
}

/// A workspace ("app").
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct App {
    /// The workspace id (the Messenger's `app_id`).
    #[serde(default)]
    pub id_code: Option<String>,
    /// The workspace name.
    #[serde(default)]
    pub name: Option<String>,
    /// Where the workspace is hosted, e.g. `US`.
    #[serde(default)]
    pub region: Option<String>,
    /// The workspace time zone, e.g. `Europe/Dublin`.
    #[serde(default)]
    pub timezone: Option<String>,
    /// When the workspace was created (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Whether Messenger identity verification is enforced.
    #[serde(default)]
    pub identity_verification: Option<bool>,
}

/// The admins endpoints. Get one from [`Client::admins`](crate::Client::admins).
#[derive(Debug)]
pub struct Admins<'c, C> {
    client: &'c C,
}

impl<'c, C> Admins<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Admins { client }
    }

    /// `GET /me`: who the token belongs to and which workspace it opens.
    /// The cheapest "test connection" call.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let me = client.admins().me().await?;
    /// println!("{:?} in {:?}", me.email, me.app.and_then(|a| a.name));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized` for a bad token, and any transport error.
    pub fn me(&self) -> Call<'c, C, AdminWithApp> {
        Call::new(self.client, Ok(Request::get("/me")))
    }
}
