//! The office hours request bodies and the functions that check them.

use serde::Serialize;

use super::models::{ExceptionType, MINUTES_PER_DAY, MINUTES_PER_WEEK, Weekday};
use crate::error::Error;
use crate::resources::common::{require_non_empty, shared_methods, truncate};
use crate::transport::Request;

/// The granularity Intercom requires of a schedule's minutes.
pub const SCHEDULE_MINUTE_STEP: u32 = 15;

/// An open interval to send: `start_minute..end_minute`.
///
/// In a schedule the minutes count from Monday 00:00 (up to 10080) and must
/// be multiples of 15; [`Interval::weekly`] computes them from a day and
/// minutes into that day. In an exception they count from midnight of its
/// date (up to 1440). Checked when the call is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Interval {
    start_minute: u32,
    end_minute: u32,
    /// The weekday form's minutes into the day, when one was over a day.
    #[serde(skip)]
    day_overflow: Option<u32>,
}

impl Interval {
    /// `start_minute..end_minute`, as Intercom counts them.
    pub fn new(start_minute: u32, end_minute: u32) -> Self {
        Interval {
            start_minute,
            end_minute,
            day_overflow: None,
        }
    }

    /// Open on `day` from `start` to `end`, both minutes into that day
    /// (`9 * 60` is 09:00; `end` may be 1440, midnight), for a schedule.
    ///
    /// ```
    /// use intercom_api::office_hours::{Interval, Weekday};
    /// // Tuesday 09:00 to 17:30.
    /// assert_eq!(Interval::weekly(Weekday::Tuesday, 9 * 60, 17 * 60 + 30).minutes(), (1980, 2490));
    /// ```
    pub fn weekly(day: Weekday, start: u32, end: u32) -> Self {
        let base = day.index() * MINUTES_PER_DAY;
        Interval {
            start_minute: base + start.min(MINUTES_PER_DAY),
            end_minute: base + end.min(MINUTES_PER_DAY),
            day_overflow: [start, end].into_iter().find(|m| *m > MINUTES_PER_DAY),
        }
    }

    /// `(start_minute, end_minute)` as sent.
    pub fn minutes(&self) -> (u32, u32) {
        (self.start_minute, self.end_minute)
    }

    /// Refuse an interval Intercom would refuse: empty or reversed, past
    /// `max`, or (`step`) off the minute grid.
    fn check(&self, field: &str, max: u32, step: Option<u32>) -> Result<(), Error> {
        let (start, end) = (self.start_minute, self.end_minute);
        if let Some(m) = self.day_overflow {
            return Err(Error::invalid(
                field.to_owned(),
                format!("{m} minutes is past the end of a day (at most {MINUTES_PER_DAY})"),
            ));
        }
        if start >= end {
            return Err(Error::invalid(
                field.to_owned(),
                format!("start_minute {start} must be before end_minute {end}"),
            ));
        }
        if end > max {
            return Err(Error::invalid(
                field.to_owned(),
                format!("end_minute {end} is past {max}"),
            ));
        }
        if let Some(step) = step
            && (start % step != 0 || end % step != 0)
        {
            return Err(Error::invalid(
                field.to_owned(),
                format!("{start}..{end}: Intercom takes only multiples of {step} minutes"),
            ));
        }
        Ok(())
    }
}

fn check_schedule_intervals(intervals: &[Interval]) -> Result<(), Error> {
    for (i, interval) in intervals.iter().enumerate() {
        interval.check(
            &format!("time_intervals[{i}]"),
            MINUTES_PER_WEEK,
            Some(SCHEDULE_MINUTE_STEP),
        )?;
    }
    Ok(())
}

fn check_exception_intervals(intervals: &[Interval]) -> Result<(), Error> {
    for (i, interval) in intervals.iter().enumerate() {
        interval.check(&format!("time_intervals[{i}]"), MINUTES_PER_DAY, None)?;
    }
    Ok(())
}

/// An IANA time zone name: `UTC`, `Europe/Dublin`,
/// `America/Argentina/Buenos_Aires`, `Etc/GMT+5`. Intercom resolves the
/// name; this only refuses what cannot be one (blank, spaces, an offset
/// such as `+01:00`).
fn check_time_zone(name: &str) -> Result<(), Error> {
    require_non_empty("time_zone_name", name)?;
    let plausible = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && !name.ends_with('/')
        && !name.contains("//")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'));
    if !plausible {
        return Err(Error::invalid(
            "time_zone_name",
            format!(
                "`{}` is not an IANA time zone name such as `Europe/Dublin`",
                truncate(name, 40)
            ),
        ));
    }
    Ok(())
}

/// `YYYY-MM-DD`, a date that exists.
fn check_date(field: &'static str, date: &str) -> Result<(), Error> {
    let bad = || {
        Error::invalid(
            field,
            format!("`{}` is not a date as YYYY-MM-DD", truncate(date, 40)),
        )
    };
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |s: &str| -> Result<u32, Error> {
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let (year, month, day) = (num(&date[..4])?, num(&date[5..7])?, num(&date[8..])?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if day == 0 || day > days {
        return Err(bad());
    }
    Ok(())
}

/// The body of `POST /office_hours_schedules`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NewSchedule {
    name: String,
    time_zone_name: String,
    time_intervals: Vec<Interval>,
}

impl NewSchedule {
    /// A schedule named `name` in the IANA time zone `time_zone_name`,
    /// closed until intervals are added.
    pub fn new(name: impl Into<String>, time_zone_name: impl Into<String>) -> Self {
        NewSchedule {
            name: name.into(),
            time_zone_name: time_zone_name.into(),
            time_intervals: Vec::new(),
        }
    }

    /// Open during `interval` too.
    pub fn interval(mut self, interval: Interval) -> Self {
        self.time_intervals.push(interval);
        self
    }

    /// Open on each of `days` from `start` to `end` (minutes into the day).
    ///
    /// ```
    /// use intercom_api::office_hours::{NewSchedule, Weekday};
    /// use Weekday::*;
    /// let support = NewSchedule::new("Support", "Europe/Dublin")
    ///     .daily([Monday, Tuesday, Wednesday, Thursday, Friday], 9 * 60, 17 * 60);
    /// ```
    pub fn daily(mut self, days: impl IntoIterator<Item = Weekday>, start: u32, end: u32) -> Self {
        self.time_intervals
            .extend(days.into_iter().map(|d| Interval::weekly(d, start, end)));
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_non_empty("name", &self.name)?;
        check_time_zone(&self.time_zone_name)?;
        check_schedule_intervals(&self.time_intervals)
    }
}

/// The body of `PUT /office_hours_schedules/{id}`: only the fields set
/// are changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateSchedule {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_intervals: Option<Vec<Interval>>,
}

impl UpdateSchedule {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rename the schedule.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Move it to another IANA time zone.
    pub fn time_zone_name(mut self, time_zone_name: impl Into<String>) -> Self {
        self.time_zone_name = Some(time_zone_name.into());
        self
    }

    /// Replace its intervals with these (an empty list closes it).
    pub fn time_intervals(mut self, intervals: impl IntoIterator<Item = Interval>) -> Self {
        self.time_intervals = Some(intervals.into_iter().collect());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(name) = &self.name {
            require_non_empty("name", name)?;
        }
        if let Some(tz) = &self.time_zone_name {
            check_time_zone(tz)?;
        }
        if let Some(intervals) = &self.time_intervals {
            check_schedule_intervals(intervals)?;
        }
        Ok(())
    }
}

/// The body of `POST /office_hours_schedules/{id}/office_hours_exceptions`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NewException {
    exception_date: String,
    exception_type: ExceptionType,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_intervals: Option<Vec<Interval>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recurring_annually: Option<bool>,
}

impl NewException {
    /// Closed all day on `date` (`YYYY-MM-DD`).
    pub fn closed(date: impl Into<String>) -> Self {
        NewException {
            exception_date: date.into(),
            exception_type: ExceptionType::Closed,
            name: None,
            time_intervals: None,
            recurring_annually: None,
        }
    }

    /// Open on `date` (`YYYY-MM-DD`) during `intervals` only (minutes from
    /// midnight, up to 1440), instead of the usual hours.
    pub fn custom_hours(
        date: impl Into<String>,
        intervals: impl IntoIterator<Item = Interval>,
    ) -> Self {
        NewException {
            exception_type: ExceptionType::CustomHours,
            time_intervals: Some(intervals.into_iter().collect()),
            ..NewException::closed(date)
        }
    }

    fn validate(&self) -> Result<(), Error> {
        check_date("exception_date", &self.exception_date)?;
        check_exception(&self.exception_type, self.time_intervals.as_deref())?;
        if let Some(name) = &self.name {
            require_non_empty("name", name)?;
        }
        Ok(())
    }
}

/// The body of `PUT /office_hours_schedules/{id}/office_hours_exceptions/{id}`:
/// only the fields set are changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateException {
    #[serde(skip_serializing_if = "Option::is_none")]
    exception_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exception_type: Option<ExceptionType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_intervals: Option<Vec<Interval>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recurring_annually: Option<bool>,
}

impl UpdateException {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Move it to another date (`YYYY-MM-DD`).
    pub fn date(mut self, date: impl Into<String>) -> Self {
        self.exception_date = Some(date.into());
        self
    }

    /// Make the day closed all day.
    pub fn closed(mut self) -> Self {
        self.exception_type = Some(ExceptionType::Closed);
        self.time_intervals = None;
        self
    }

    /// Make the day open during `intervals` only (minutes from midnight).
    pub fn custom_hours(mut self, intervals: impl IntoIterator<Item = Interval>) -> Self {
        self.exception_type = Some(ExceptionType::CustomHours);
        self.time_intervals = Some(intervals.into_iter().collect());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(date) = &self.exception_date {
            check_date("exception_date", date)?;
        }
        if let Some(kind) = &self.exception_type {
            check_exception(kind, self.time_intervals.as_deref())?;
        }
        if let Some(name) = &self.name {
            require_non_empty("name", name)?;
        }
        Ok(())
    }
}

shared_methods!([NewException, UpdateException] {
    /// Name it, e.g. `Christmas Day`.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Repeat it on the same date every year.
    pub fn recurring_annually(mut self, yes: bool) -> Self {
        self.recurring_annually = Some(yes);
        self
    }
});

/// A closed day has no intervals; a custom-hours day has at least one.
fn check_exception(kind: &ExceptionType, intervals: Option<&[Interval]>) -> Result<(), Error> {
    match (kind, intervals) {
        (ExceptionType::CustomHours, Some(intervals)) if !intervals.is_empty() => {
            check_exception_intervals(intervals)
        }
        (ExceptionType::CustomHours, _) => Err(Error::invalid(
            "time_intervals",
            "a custom_hours exception needs at least one interval",
        )),
        (_, Some(_)) => Err(Error::invalid(
            "time_intervals",
            "only a custom_hours exception has intervals",
        )),
        _ => Ok(()),
    }
}

pub(super) fn create_schedule_body<T>(
    req: Request<T>,
    schedule: NewSchedule,
) -> Result<Request<T>, Error> {
    schedule.validate()?;
    req.json(&schedule)
}

pub(super) fn update_schedule_body<T>(
    req: Request<T>,
    update: UpdateSchedule,
) -> Result<Request<T>, Error> {
    update.validate()?;
    req.json(&update)
}

pub(super) fn create_exception_body<T>(
    req: Request<T>,
    exception: NewException,
) -> Result<Request<T>, Error> {
    exception.validate()?;
    req.json(&exception)
}

pub(super) fn update_exception_body<T>(
    req: Request<T>,
    update: UpdateException,
) -> Result<Request<T>, Error> {
    update.validate()?;
    req.json(&update)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for good in ["2026-12-25", "2028-02-29", "2000-02-29"] {
            assert!(check_date("d", good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "2026-2-5",
            "2026-13-01",
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026/12/25",
            "2026-12-00",
            "+026-12-25",
        ] {
            assert!(check_date("d", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn time_zones() {
        for good in [
            "UTC",
            "Europe/Dublin",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
            "America/Port-au-Prince",
        ] {
            assert!(check_time_zone(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            " ",
            "+01:00",
            "Europe/ Dublin",
            "Europe/",
            "/UTC",
            "New York",
        ] {
            assert!(check_time_zone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn weekday_intervals() {
        assert_eq!(
            Interval::weekly(Weekday::Monday, 540, 1020).minutes(),
            (540, 1020)
        );
        assert_eq!(
            Interval::weekly(Weekday::Sunday, 0, 1440).minutes(),
            (8640, 10080)
        );
        assert!(
            Interval::weekly(Weekday::Sunday, 0, 1440)
                .check("i", MINUTES_PER_WEEK, Some(15))
                .is_ok()
        );
        assert!(
            Interval::weekly(Weekday::Monday, 540, 1500)
                .check("i", MINUTES_PER_WEEK, Some(15))
                .is_err()
        );
        assert!(
            Interval::new(540, 545)
                .check("i", MINUTES_PER_WEEK, Some(15))
                .is_err()
        );
        assert!(
            Interval::new(600, 540)
                .check("i", MINUTES_PER_WEEK, None)
                .is_err()
        );
        assert!(
            Interval::new(0, 10095)
                .check("i", MINUTES_PER_WEEK, Some(15))
                .is_err()
        );
        assert_eq!(Weekday::from_name("tue"), Some(Weekday::Tuesday));
        assert_eq!(Weekday::from_name("SUNDAY"), Some(Weekday::Sunday));
        assert_eq!(Weekday::from_name("tu"), None);
        assert_eq!(Weekday::from_index(6), Some(Weekday::Sunday));
        assert_eq!(Weekday::from_index(7), None);
    }
}
