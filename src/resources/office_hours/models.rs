//! The office hours models: what Intercom answers.

use serde::Deserialize;

use crate::models::{null_as_default, opt_string_or_number, string_enum, string_or_number};

/// Minutes in a day: the end of an exception's day.
pub const MINUTES_PER_DAY: u32 = 1_440;
/// Minutes in a week: the end of a schedule's week.
pub const MINUTES_PER_WEEK: u32 = 7 * MINUTES_PER_DAY;

/// A day of the week, numbered as Intercom numbers them (Monday = 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    /// Day 0: a schedule's week starts Monday 00:00.
    Monday,
    /// Day 1.
    Tuesday,
    /// Day 2.
    Wednesday,
    /// Day 3.
    Thursday,
    /// Day 4.
    Friday,
    /// Day 5.
    Saturday,
    /// Day 6.
    Sunday,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Intercom's `day_of_week`: 0 for Monday to 6 for Sunday.
    pub fn index(self) -> u32 {
        self as u32
    }

    /// The day with Intercom's `day_of_week` number, if it is one (0..=6).
    pub fn from_index(day_of_week: i64) -> Option<Weekday> {
        usize::try_from(day_of_week)
            .ok()
            .and_then(|i| Weekday::ALL.get(i).copied())
    }

    /// The day named `name`, in English, full (`"Tuesday"`) or three
    /// letters (`"tue"`), in any case.
    pub fn from_name(name: &str) -> Option<Weekday> {
        let lower = name.trim().to_ascii_lowercase();
        Weekday::ALL.into_iter().find(|d| {
            let full = d.name().to_ascii_lowercase();
            lower == full || (lower.len() == 3 && full.starts_with(&lower))
        })
    }

    /// The English name, e.g. `"Monday"`.
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

impl std::fmt::Display for Weekday {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An open interval, as Intercom returns it. In a schedule the minutes count
/// from Monday 00:00 (0..=10080); in an exception, from midnight of its date
/// (0..=1440).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TimeInterval {
    /// The minute the interval opens.
    #[serde(default)]
    pub start_minute: Option<i64>,
    /// The minute it closes.
    #[serde(default)]
    pub end_minute: Option<i64>,
    /// The day it falls on (0 = Monday … 6 = Sunday), derived by Intercom.
    #[serde(default)]
    pub day_of_week: Option<i64>,
}

impl TimeInterval {
    /// [`day_of_week`](Self::day_of_week) as a [`Weekday`].
    pub fn weekday(&self) -> Option<Weekday> {
        self.day_of_week.and_then(Weekday::from_index)
    }
}

/// A weekly schedule of open hours in one time zone.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct OfficeHoursSchedule {
    /// The schedule id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The schedule's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The IANA time zone the hours are in, e.g. `Europe/Dublin`.
    #[serde(default)]
    pub time_zone_name: Option<String>,
    /// The open intervals of the week.
    #[serde(default, deserialize_with = "null_as_default")]
    pub time_intervals: Vec<TimeInterval>,
    /// Whether the schedule is open around the clock.
    #[serde(default)]
    pub twenty_four_seven: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

string_enum! {
    /// What an exception does to its date.
    pub enum ExceptionType {
        /// Closed all day.
        Closed = "closed",
        /// Open during the exception's own intervals instead of the usual hours.
        CustomHours = "custom_hours",
    }
}

/// A date on which a schedule's usual hours do not apply (a holiday, a
/// short day).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct OfficeHoursException {
    /// The exception id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The schedule it belongs to.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub office_hours_schedule_id: Option<String>,
    /// The date, `YYYY-MM-DD`.
    #[serde(default)]
    pub exception_date: Option<String>,
    /// Closed, or open on custom hours.
    #[serde(default)]
    pub exception_type: Option<ExceptionType>,
    /// Its name, e.g. `Christmas Day`.
    #[serde(default)]
    pub name: Option<String>,
    /// The open intervals of a [`CustomHours`](ExceptionType::CustomHours)
    /// day (minutes from midnight); empty when closed.
    #[serde(default, deserialize_with = "null_as_default")]
    pub time_intervals: Vec<TimeInterval>,
    /// Whether it repeats on the same date every year.
    #[serde(default)]
    pub recurring_annually: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// The answer to deleting a schedule or an exception.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct OfficeHoursDeleted {
    /// The deleted object's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// Its type: `office_hours_schedule` or `office_hours_exception`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}
