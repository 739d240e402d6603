//! Office hours: weekly schedules of open hours, and their exceptions
//! (holidays, short days).
//!
//! The ten Office Hours operations of Intercom API 2.16, on [`OfficeHours`].
//! Intercom counts a schedule's intervals in minutes from Monday 00:00
//! (0..=10080, on 15-minute boundaries) in the schedule's IANA time zone,
//! and an exception's in minutes from midnight of its date (0..=1440);
//! [`Interval::weekly`] and [`NewSchedule::daily`] do the arithmetic from a
//! [`Weekday`].
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::office_hours::{NewException, NewSchedule, Weekday::*};
//! let office = client.office_hours();
//! let schedule = office
//!     .create_schedule(
//!         NewSchedule::new("EMEA support", "Europe/Dublin")
//!             .daily([Monday, Tuesday, Wednesday, Thursday, Friday], 9 * 60, 17 * 60),
//!     )
//!     .await?;
//! office
//!     .create_exception(&schedule.id, NewException::closed("2026-12-25").recurring_annually(true))
//!     .await?;
//! # Ok(()) }
//! ```

mod models;
mod requests;
mod rows;

pub use models::{
    ExceptionType, MINUTES_PER_DAY, MINUTES_PER_WEEK, OfficeHoursDeleted, OfficeHoursException,
    OfficeHoursSchedule, TimeInterval, Weekday,
};
pub use requests::{
    Interval, NewException, NewSchedule, SCHEDULE_MINUTE_STEP, UpdateException, UpdateSchedule,
};
pub use rows::{OfficeHours, ops};
