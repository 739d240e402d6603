//! Office Hours (10 operations): schedules and their exceptions.

use intercom_api::office_hours::{
    Interval, NewException, NewSchedule, UpdateException, UpdateSchedule, Weekday::*,
};

use crate::{check, prism};

const SCHEDULE: &str = "123";

#[tokio::test]
async fn schedules() {
    let Some(c) = prism() else { return };
    let all = check(c.office_hours().list_schedules()).await;
    assert!(!all.is_empty());
    let created = check(c.office_hours().create_schedule(
        NewSchedule::new("Standard Support Hours", "America/New_York").daily(
            [Monday, Tuesday, Wednesday, Thursday, Friday],
            9 * 60,
            17 * 60,
        ),
    ))
    .await;
    assert!(!created.id.is_empty());
    check(c.office_hours().get_schedule(SCHEDULE)).await;
    check(
        c.office_hours().update_schedule(
            SCHEDULE,
            UpdateSchedule::new()
                .name("Extended Support Hours")
                .time_zone_name("America/Chicago")
                .time_intervals([Interval::weekly(Monday, 8 * 60, 18 * 60)]),
        ),
    )
    .await;
    let gone = check(c.office_hours().delete_schedule(SCHEDULE)).await;
    assert!(gone.deleted);
}

#[tokio::test]
async fn exceptions() {
    let Some(c) = prism() else { return };
    check(c.office_hours().list_exceptions(SCHEDULE)).await;
    check(
        c.office_hours().create_exception(
            SCHEDULE,
            NewException::closed("2026-12-25")
                .name("Christmas Day")
                .recurring_annually(true),
        ),
    )
    .await;
    check(c.office_hours().create_exception(
        SCHEDULE,
        NewException::custom_hours("2026-12-24", [Interval::new(540, 780)]),
    ))
    .await;
    check(c.office_hours().get_exception(SCHEDULE, "456")).await;
    check(
        c.office_hours().update_exception(
            SCHEDULE,
            "456",
            UpdateException::new()
                .custom_hours([Interval::new(540, 780)])
                .name("Christmas Day (reduced hours)"),
        ),
    )
    .await;
    let gone = check(c.office_hours().delete_exception(SCHEDULE, "456")).await;
    assert!(gone.deleted);
}
