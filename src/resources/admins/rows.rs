//! The admins endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::activity_logs::{ActivityLog, ActivityLogEventTypes};
use super::models::{Admin, AdminList, AdminWithApp};
use super::requests::{ActivityLogSearch, SetAway, activity_logs_query, away_body, search_body};
use crate::options::DisplayAvatar;
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;

/// Most activity log entries per page, for listing and for searching.
pub const MAX_ACTIVITY_LOGS_PER_PAGE: u32 = 250;

// Activity logs page by number: `page`/`per_page` (1..=250) in the query
// for the listing, in the body for the search; `pages.next` is a URL when
// `page`/`total_pages` are missing (Intercom's 2.17 reference documents
// both; the 2.16 spec names the pages object `cursor_pages` but its fields
// are page numbers).
const ACTIVITY_LOGS: Paging =
    Paging::new(Scheme::PageNumber, "activity_logs").max_per_page(MAX_ACTIVITY_LOGS_PER_PAGE);
const ACTIVITY_LOG_SEARCH: Paging =
    Paging::new(Scheme::BodyPage, "activity_logs").max_per_page(MAX_ACTIVITY_LOGS_PER_PAGE);

endpoints! {
    /// The admins endpoints. Get one from [`Client::admins`](crate::Client::admins).
    family "admins" => Admins;

    /// Who the token belongs to and which workspace it opens. The cheapest
    /// "test connection" call.
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
    "identifyAdmin" GET "/me"
    fn me() -> Call<AdminWithApp>;

    /// One admin.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let admin = client.admins().get("991267460").await?;
    /// println!("{:?} away: {:?}", admin.name, admin.away_mode_enabled);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` when no admin has that id.
    "retrieveAdmin" GET "/admins/{admin_id}"
    fn get(#[numeric] admin_id) -> Call<Admin>;

    /// Every admin of the workspace, in one answer. Avatars are left out
    /// unless asked for with [`display_avatar`](crate::Call::display_avatar).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let admins = client.admins().list().display_avatar(true).await?;
    /// for admin in admins {
    ///     println!("{} {:?}", admin.id, admin.avatar.and_then(|a| a.image_url));
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`, and any transport error.
    "listAdmins" GET "/admins"
    fn list() -> Call<AdminList> [DisplayAvatar];

    /// Set an admin away or back.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::admins::SetAway;
    /// let admin = client
    ///     .admins()
    ///     .set_away("991267460", SetAway::new(true, true).reason("12345"))
    ///     .await?;
    /// assert_eq!(admin.away_mode_enabled, Some(true));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a non-numeric
    /// reason id; `404 admin_not_found`; `400 away_status_reason_mandatory`
    /// when the workspace requires a reason and none was given; `400
    /// parameter_invalid` for a deleted reason.
    "setAwayAdmin" PUT "/admins/{admin_id}/away"
    fn set_away(#[numeric] admin_id; away: SetAway) -> Call<Admin> = away_body;

    /// What the admins did after `created_at_after` (and, if given, before
    /// `created_at_before`), unix seconds. Paged by number, up to 250 per
    /// page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let week = client
    ///     .admins()
    ///     .list_activity_logs(1_717_200_000, Some(1_717_804_800))
    ///     .per_page(250)
    ///     .collect_at_most(5_000)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) when
    /// `created_at_before` is not after `created_at_after`, or for `per_page`
    /// outside 1..=250.
    "listActivityLogs" GET "/admins/activity_logs"
    fn list_activity_logs(created_at_after: i64, created_at_before: Option<i64>)
        -> ListCall<ActivityLog> paged ACTIVITY_LOGS = activity_logs_query;

    /// Activity log entries in a time range, optionally of some types only.
    /// Paged by number (in the body), up to 250 per page. A search only
    /// reads, so it is retried after a 5xx or timeout like a `GET`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::admins::{ActivityLogSearch, ActivityType};
    /// let logins = ActivityLogSearch::new(1_717_200_000)
    ///     .created_at_before(1_717_804_800)
    ///     .event_types([ActivityType::AdminLoginFailure, ActivityType::AdminLoginSuccess]);
    /// let page = client.admins().search_activity_logs(logins).per_page(100).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) when
    /// `created_at_before` is not after `created_at_after`, an event type is
    /// empty, or `per_page` is outside 1..=250.
    "searchActivityLogs" POST(idempotent) "/admins/activity_logs/search"
    fn search_activity_logs(search: ActivityLogSearch)
        -> ListCall<ActivityLog> paged ACTIVITY_LOG_SEARCH = search_body;

    /// The activity types there are, for
    /// [`ActivityLogSearch::event_types`](super::ActivityLogSearch::event_types).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let types = client.admins().list_activity_log_event_types().await?;
    /// println!("{} types", types.event_types.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`, and any transport error.
    "listActivityLogEventTypes" GET "/admins/activity_log_event_types"
    fn list_activity_log_event_types() -> Call<ActivityLogEventTypes>;
}
