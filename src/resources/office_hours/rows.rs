//! The office hours endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::models::{OfficeHoursDeleted, OfficeHoursException, OfficeHoursSchedule};
use super::requests::{
    NewException, NewSchedule, UpdateException, UpdateSchedule, create_exception_body,
    create_schedule_body, update_exception_body, update_schedule_body,
};
use crate::models::List;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The office hours endpoints. Get one from
    /// [`Client::office_hours`](crate::Client::office_hours).
    family "office_hours" => OfficeHours;

    /// Every office hours schedule of the workspace (not paged).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for schedule in client.office_hours().list_schedules().await? {
    ///     println!("{:?} in {:?}", schedule.name, schedule.time_zone_name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; API errors.
    "listOfficeHoursSchedules" GET "/office_hours_schedules"
    fn list_schedules() -> Call<List<OfficeHoursSchedule>>;

    /// Create a schedule: a name, an IANA time zone and the open intervals
    /// of the week.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::office_hours::{Interval, NewSchedule, Weekday::*};
    /// let schedule = client
    ///     .office_hours()
    ///     .create_schedule(
    ///         NewSchedule::new("EMEA support", "Europe/Dublin")
    ///             .daily([Monday, Tuesday, Wednesday, Thursday], 8 * 60, 18 * 60)
    ///             .interval(Interval::weekly(Friday, 8 * 60, 16 * 60)),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty name, a time zone that is not an IANA name, or an interval
    /// that is empty, reversed, past the end of the week (10080) or not on
    /// a 15-minute boundary; `422` for what Intercom refuses.
    "createOfficeHoursSchedule" POST "/office_hours_schedules"
    fn create_schedule(schedule: NewSchedule) -> Call<OfficeHoursSchedule> = create_schedule_body;

    /// One schedule.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let schedule = client.office_hours().get_schedule("123").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "getOfficeHoursSchedule" GET "/office_hours_schedules/{id}"
    fn get_schedule(id) -> Call<OfficeHoursSchedule>;

    /// Change the fields set in `update`; intervals are replaced as a whole.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::office_hours::{UpdateSchedule, Weekday::*};
    /// use intercom_api::office_hours::Interval;
    /// let weekdays = [Monday, Tuesday, Wednesday, Thursday, Friday];
    /// client
    ///     .office_hours()
    ///     .update_schedule(
    ///         "123",
    ///         UpdateSchedule::new().time_intervals(weekdays.map(|d| Interval::weekly(d, 7 * 60, 19 * 60))),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending, as
    /// for [`create_schedule`](Self::create_schedule); `404 not_found`;
    /// `422`.
    "updateOfficeHoursSchedule" PUT "/office_hours_schedules/{id}"
    fn update_schedule(id; update: UpdateSchedule) -> Call<OfficeHoursSchedule> = update_schedule_body;

    /// Delete a schedule.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.office_hours().delete_schedule("123").await?;
    /// assert!(gone.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "deleteOfficeHoursSchedule" DELETE "/office_hours_schedules/{id}"
    fn delete_schedule(id) -> Call<OfficeHoursDeleted>;

    /// The exceptions (holidays, short days) of a schedule (not paged).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for day in client.office_hours().list_exceptions("123").await? {
    ///     println!("{:?} {:?}", day.exception_date, day.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown schedule.
    "listOfficeHoursExceptions" GET "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions"
    fn list_exceptions(office_hours_schedule_id) -> Call<List<OfficeHoursException>>;

    /// Add an exception to a schedule: a closed day, or a day on custom hours.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::office_hours::{Interval, NewException};
    /// let office = client.office_hours();
    /// office
    ///     .create_exception("123", NewException::closed("2026-12-25").name("Christmas Day").recurring_annually(true))
    ///     .await?;
    /// office
    ///     .create_exception("123", NewException::custom_hours("2026-12-24", [Interval::new(9 * 60, 13 * 60)]))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a date that is not `YYYY-MM-DD`, a custom-hours day without
    /// intervals, or an interval that is empty, reversed or past midnight
    /// (1440); `404 not_found` for an unknown schedule; `422`.
    "createOfficeHoursException" POST "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions"
    fn create_exception(office_hours_schedule_id; exception: NewException)
        -> Call<OfficeHoursException> = create_exception_body;

    /// One exception of a schedule.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let christmas = client.office_hours().get_exception("123", "456").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "getOfficeHoursException" GET "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"
    fn get_exception(office_hours_schedule_id, id) -> Call<OfficeHoursException>;

    /// Change the fields set in `update`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::office_hours::{Interval, UpdateException};
    /// client
    ///     .office_hours()
    ///     .update_exception(
    ///         "123",
    ///         "456",
    ///         UpdateException::new().custom_hours([Interval::new(9 * 60, 13 * 60)]).name("Christmas Day (short)"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending, as
    /// for [`create_exception`](Self::create_exception); `404 not_found`;
    /// `422`.
    "updateOfficeHoursException" PUT "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"
    fn update_exception(office_hours_schedule_id, id; update: UpdateException)
        -> Call<OfficeHoursException> = update_exception_body;

    /// Delete an exception: the date follows the usual hours again.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.office_hours().delete_exception("123", "456").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "deleteOfficeHoursException" DELETE "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"
    fn delete_exception(office_hours_schedule_id, id) -> Call<OfficeHoursDeleted>;
}
