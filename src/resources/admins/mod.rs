//! Admins: the teammates of a workspace, `/me` (the identity of the token),
//! away mode, and the workspace's activity logs.
//!
//! Every operation of the Admins family in Intercom API 2.16, on [`Admins`].
//! Admin ids are numeric; they are kept as text, like every id of this crate.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use futures::TryStreamExt;
//! use intercom_api::admins::SetAway;
//!
//! let me = client.admins().me().await?;
//! client.admins().set_away(&me.id, SetAway::new(true, true)).await?;
//!
//! // Everything the teammates did in a week, 250 entries per request.
//! let mut logs = std::pin::pin!(client
//!     .admins()
//!     .list_activity_logs(1_717_200_000, Some(1_717_804_800))
//!     .per_page(250)
//!     .items());
//! while let Some(log) = logs.try_next().await? {
//!     println!("{:?} {:?}", log.activity_type, log.activity_description);
//! }
//! # Ok(()) }
//! ```
//!
//! The module holds the family's [rows](rows.rs) (one per endpoint), the
//! admin models, the activity log models and the request bodies.

mod activity_logs;
mod models;
mod requests;
mod rows;

pub use activity_logs::{
    ActivityLog, ActivityLogActor, ActivityLogEventTypes, ActivityLogMetadata, ActivityLogTeam,
    ActivityType, SettingChange,
};
pub use models::{Admin, AdminList, AdminRole, AdminWithApp, App, TeamPriorityLevel};
pub use requests::{ActivityLogSearch, SetAway};
pub use rows::{Admins, MAX_ACTIVITY_LOGS_PER_PAGE, ops};
