//! The data events endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::models::{DataEvent, DataEventSummary};
use super::requests::{
    CreateDataEvent, CreateEventSummary, EventUser, list_query, submit_body, summaries_body,
};
use crate::call::Call;
use crate::pagination::{Paging, Scheme};
use crate::resources::endpoints::endpoints;
use crate::transport::Request;

// `GET /events` pages by following `pages.next`, a full URL (with `before=`).
// The 2.16 spec declares the answer as `data_event_summary`, but a listing
// answers `event.list` (the spec's `data_event_list`): items under `events`.
const LIST: Paging = Paging::new(Scheme::NextUrl, "events");

endpoints! {
    /// The data events endpoints. Get one from [`Client::data_events`](crate::Client::data_events).
    family "data_events" => DataEvents;

    /// Record that a user did something. Intercom answers `202 Accepted`
    /// with no body.
    ///
    /// Intercom ignores an event it already has (same user, name and
    /// `created_at` second), so an event that names its user by
    /// [`EventUser::UserId`] is retried after a 5xx or a timeout, as
    /// [`bulk().track_events`](crate::bulk::Bulk::track_events) does; one
    /// named by email or Intercom id is sent once (see
    /// [`CreateDataEvent::is_idempotent`]).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_events::{CreateDataEvent, EventUser};
    /// let event = CreateDataEvent::new("invited-friend", 1_717_200_000, EventUser::user_id("user-42"))
    ///     .metadata("invitee_email", "grace@example.com")
    ///     .rich_link("invite", "https://example.com/invites/7", "Invite #7");
    /// client.data_events().submit(event).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty event name or user identifier, or metadata Intercom would
    /// drop or refuse (see [`validate_metadata`](super::validate_metadata));
    /// `404` when the user cannot be found.
    "createDataEvent" POST "/events"
    fn submit(event: CreateDataEvent) -> Call<()> = submit_body;

    /// A user's events of the last 90 days, newest first (`type=user`),
    /// following `pages.next` from page to page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_events::EventUser;
    /// let recent = client
    ///     .data_events()
    ///     .list(EventUser::email("ada@example.com"))
    ///     .per_page(50)
    ///     .collect_at_most(200)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// identifier or `per_page` of 0; `404` when the user cannot be found.
    "lisDataEvents" GET "/events"
    fn list(user: EventUser) -> ListCall<DataEvent> paged LIST = list_query;

    /// Record an event's count and first and last times for a user at once
    /// (e.g. history imported from another tool). Intercom answers `200`
    /// with no body.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_events::CreateEventSummary;
    /// let summary = CreateEventSummary::new("user-42", "placed-order")
    ///     .count(12)
    ///     .first(1_690_000_000)
    ///     .last(1_717_200_000);
    /// client.data_events().submit_summaries(summary).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty user
    /// id or event name, a negative count, or a `last` time before `first`.
    "dataEventSummaries" POST "/events/summaries"
    fn submit_summaries(summary: CreateEventSummary) -> Call<()> = summaries_body;
}

impl<'c, C> DataEvents<'c, C> {
    /// `GET /events?type=user&summary=true` (the listing's operation with
    /// `summary=true`): for each event name, how often and when first and
    /// last the user did it (older than 90 days included).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_events::EventUser;
    /// let summary = client.data_events().summary(EventUser::user_id("user-42")).await?;
    /// for item in summary.events {
    ///     println!("{:?}: {:?}", item.name, item.count);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// identifier; `404` when the user cannot be found.
    pub fn summary(&self, user: EventUser) -> Call<'c, C, DataEventSummary, ops::list> {
        let request = Request::for_operation(&ops::list::OPERATION, &[])
            .and_then(|r| list_query(r, user))
            .map(|r| r.query("summary", true));
        Call::new(self.executor(), request)
    }
}
