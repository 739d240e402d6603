//! Teams: groups of admins that conversations are assigned to.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! for team in client.teams().list().await? {
//!     let metrics = client.teams().metrics(&team.id).idle_threshold(900).await?;
//!     let open: i64 = metrics.iter().filter_map(|m| m.open).sum();
//!     println!("{:?}: {open} open conversations", team.name);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::models::{List, null_as_default, opt_string_or_number, string_enum, string_or_number};
use crate::options::IdleThreshold;
use crate::resources::endpoints::endpoints;

string_enum! {
    /// How a team hands out conversations.
    pub enum DistributionMethod {
        /// In turn, to each available admin.
        RoundRobin = "round_robin",
        /// To the admin with the fewest open conversations.
        BalancedAssignment = "balanced_assignment",
    }
}

/// A team.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Team {
    /// The team id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The team name.
    #[serde(default)]
    pub name: Option<String>,
    /// The admins in the team.
    #[serde(default, deserialize_with = "null_as_default")]
    pub admin_ids: Vec<i64>,
    /// Primary and secondary admins, for balanced assignment.
    #[serde(default)]
    pub admin_priority_level: Option<AdminPriorityLevel>,
    /// Most open conversations an admin of the team is assigned.
    #[serde(default)]
    pub assignment_limit: Option<i64>,
    /// How the team hands out conversations.
    #[serde(default)]
    pub distribution_method: Option<DistributionMethod>,
}

/// A team's primary and secondary admins.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct AdminPriorityLevel {
    /// Admins assigned first.
    #[serde(default, deserialize_with = "null_as_default")]
    pub primary_admin_ids: Vec<i64>,
    /// Admins assigned when the primary ones are busy.
    #[serde(default, deserialize_with = "null_as_default")]
    pub secondary_admin_ids: Vec<i64>,
}

/// The answer of `GET /teams`: every team, in one list.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TeamList {
    /// The teams.
    #[serde(default, deserialize_with = "null_as_default")]
    pub teams: Vec<Team>,
}

impl IntoIterator for TeamList {
    type Item = Team;
    type IntoIter = std::vec::IntoIter<Team>;
    fn into_iter(self) -> Self::IntoIter {
        self.teams.into_iter()
    }
}

impl std::ops::Deref for TeamList {
    type Target = [Team];
    fn deref(&self) -> &[Team] {
        &self.teams
    }
}

/// One admin's live workload in a team.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TeamMetric {
    /// The admin.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub admin_id: Option<String>,
    /// Open conversations assigned to the admin.
    #[serde(default)]
    pub open: Option<i64>,
    /// Open conversations waiting for the admin's reply longer than the
    /// idle threshold.
    #[serde(default)]
    pub idle: Option<i64>,
    /// Snoozed conversations assigned to the admin.
    #[serde(default)]
    pub snoozed: Option<i64>,
}

endpoints! {
    /// The teams endpoints. Get one from [`Client::teams`](crate::Client::teams).
    family "teams" => Teams;

    /// Every team of the workspace.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let teams = client.teams().list().await?;
    /// let support = teams.iter().find(|t| t.name.as_deref() == Some("Support"));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized` and other API errors.
    "listTeams" GET "/teams"
    fn list() -> Call<TeamList>;

    /// One team, with its admins.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let team = client.teams().get("5017691").await?;
    /// println!("{} admins", team.admin_ids.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 team_not_found`.
    "retrieveTeam" GET "/teams/{team_id}"
    fn get(team_id) -> Call<Team>;

    /// Each admin's open, idle and snoozed conversations in a team, right
    /// now. Needs the workspace's real-time monitoring feature.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let metrics = client.teams().metrics("5017691").idle_threshold(600).await?;
    /// for m in metrics {
    ///     println!("{:?}: {:?} idle", m.admin_id, m.idle);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an `idle_threshold` outside 1..=86400; `403` when the feature is not
    /// enabled; `404 team_not_found`.
    "getTeamMetrics" GET "/teams/{team_id}/metrics"
    fn metrics(team_id) -> Call<List<TeamMetric>> [IdleThreshold];
}
