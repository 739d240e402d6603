//! The admin models: teammates, the token's identity and its workspace.

use serde::Deserialize;

use crate::models::{Avatar, null_as_default, opt_string_or_number, string_or_number};

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
    /// Whether new conversation replies go to the default inbox while away.
    #[serde(default)]
    pub away_mode_reassign: Option<bool>,
    /// The away-status reason, if set. The spec types it as an integer; some
    /// answers send it as a string, so it is kept as text.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub away_status_reason_id: Option<String>,
    /// Whether the admin has a paid inbox seat.
    #[serde(default)]
    pub has_inbox_seat: Option<bool>,
    /// The teams the admin belongs to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub team_ids: Vec<i64>,
    /// The admin's avatar (only when asked for, see
    /// [`display_avatar`](crate::Call::display_avatar)).
    #[serde(default)]
    pub avatar: Option<Avatar>,
    /// The admin's primary and secondary teams.
    #[serde(default)]
    pub team_priority_level: Option<TeamPriorityLevel>,
    /// The admin's role, when one is assigned.
    #[serde(default)]
    pub role: Option<AdminRole>,
}

/// Which of an admin's teams come first when assigning.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct TeamPriorityLevel {
    /// The primary teams.
    #[serde(default, deserialize_with = "null_as_default")]
    pub primary_team_ids: Vec<i64>,
    /// The secondary teams.
    #[serde(default, deserialize_with = "null_as_default")]
    pub secondary_team_ids: Vec<i64>,
}

/// The role assigned to an admin.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AdminRole {
    /// The role id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// The role name.
    #[serde(default)]
    pub name: Option<String>,
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
    /// Whether the email address is verified. Do not accept a sign-in
    /// ("Log in with Intercom") from an admin whose email is unverified.
    #[serde(default)]
    pub email_verified: Option<bool>,
    /// Job title.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Whether the admin is away.
    #[serde(default)]
    pub away_mode_enabled: Option<bool>,
    /// Whether new conversation replies go to the default inbox while away.
    #[serde(default)]
    pub away_mode_reassign: Option<bool>,
    /// Whether the admin has a paid inbox seat.
    #[serde(default)]
    pub has_inbox_seat: Option<bool>,
    /// The teams the admin belongs to.
    #[serde(default, deserialize_with = "null_as_default")]
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

/// The admins of a workspace (`GET /admins`). Not paged: every admin at once.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AdminList {
    /// The admins.
    #[serde(default, deserialize_with = "null_as_default")]
    pub admins: Vec<Admin>,
}

impl IntoIterator for AdminList {
    type Item = Admin;
    type IntoIter = std::vec::IntoIter<Admin>;
    fn into_iter(self) -> Self::IntoIter {
        self.admins.into_iter()
    }
}

impl std::ops::Deref for AdminList {
    type Target = [Admin];
    fn deref(&self) -> &[Admin] {
        &self.admins
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_where_the_spec_examples_are_loose() {
        let admin: Admin = serde_json::from_str(
            r#"{"type":"admin","id":991267460,"away_status_reason_id":"12345","team_ids":null,"avatar":null}"#,
        )
        .expect("admin");
        assert_eq!(admin.id, "991267460");
        assert_eq!(admin.away_status_reason_id.as_deref(), Some("12345"));
        assert!(admin.team_ids.is_empty());
    }
}
