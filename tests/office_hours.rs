//! Replay tests for the 10 Office Hours operations of Intercom API 2.16:
//! schedules and their exceptions.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub
//! with the exact JSON body or none, answered with
//! `fixtures/office_hours/<operationId>.json`, and a catch-all that must not
//! be hit) and checks the decoded values. A replay test is named after the
//! SDK method it covers and carries the spec's operationId on the line
//! directly above its `#[tokio::test]` (see `tests/coverage.rs`). The other
//! tests cover the interval arithmetic and the limits checked before sending.

mod support;

use intercom_api::office_hours::{
    ExceptionType, Interval, NewException, NewSchedule, UpdateException, UpdateSchedule, Weekday,
};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, spec};

/// EMEA support, the schedule most fixtures are about.
const EMEA: &str = "6021";

#[tokio::test]
async fn list_schedules() {
    let h = Harness::start().await;
    let schedules = h
        .replay(
            expect("GET /office_hours_schedules"),
            h.client.office_hours().list_schedules(),
        )
        .await;

    assert_eq!(schedules.len(), 3);
    let emea = &schedules[0];
    assert_eq!(emea.id, EMEA);
    assert_eq!(emea.time_zone_name.as_deref(), Some("Europe/Dublin"));
    assert_eq!(emea.time_intervals.len(), 5);
    let friday = &emea.time_intervals[4];
    assert_eq!(friday.weekday(), Some(Weekday::Friday));
    assert_eq!(
        (friday.start_minute, friday.end_minute),
        (Some(6240), Some(6720))
    );
    assert_eq!(schedules[1].name.as_deref(), Some("APAC support"));
    let hotline = &schedules[2];
    assert_eq!(hotline.twenty_four_seven, Some(true));
    assert_eq!(hotline.time_intervals[0].end_minute, Some(10_080));
}

#[tokio::test]
async fn create_schedule() {
    use Weekday::*;
    let h = Harness::start().await;
    let weekdays = (0..5)
        .map(|d| json!({"start_minute": d * 1440 + 510, "end_minute": d * 1440 + 1020}))
        .collect::<Vec<_>>();
    let schedule = h
        .replay(
            expect("POST /office_hours_schedules").json(json!({
                "name": "Billing desk",
                "time_zone_name": "America/Chicago",
                "time_intervals": weekdays
            })),
            h.client.office_hours().create_schedule(
                NewSchedule::new("Billing desk", "America/Chicago").daily(
                    [Monday, Tuesday, Wednesday, Thursday, Friday],
                    8 * 60 + 30,
                    17 * 60,
                ),
            ),
        )
        .await;

    assert_eq!(schedule.id, "6052");
    assert_eq!(schedule.name.as_deref(), Some("Billing desk"));
    assert_eq!(schedule.time_intervals[1].start_minute, Some(1950));
    assert_eq!(schedule.time_intervals[1].weekday(), Some(Tuesday));
    assert_eq!(schedule.twenty_four_seven, Some(false));
    assert_eq!(schedule.created_at, Some(1_719_493_757));
}

#[tokio::test]
async fn get_schedule() {
    let h = Harness::start().await;
    let s = h
        .replay(
            expect(&format!("GET /office_hours_schedules/{EMEA}")),
            h.client.office_hours().get_schedule(EMEA),
        )
        .await;

    assert_eq!(s.id, EMEA);
    assert_eq!(s.name.as_deref(), Some("EMEA support"));
    let days: Vec<_> = s
        .time_intervals
        .iter()
        .filter_map(|i| i.weekday())
        .collect();
    assert_eq!(
        days,
        [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday
        ]
    );
    assert_eq!(s.time_intervals[0].start_minute, Some(480));
    assert_eq!(s.updated_at, Some(1_716_890_400));
}

#[tokio::test]
async fn update_schedule() {
    let h = Harness::start().await;
    let weekdays = Weekday::ALL[..5]
        .iter()
        .map(|d| Interval::weekly(*d, 7 * 60, 19 * 60));
    let s = h
        .replay(
            expect(&format!("PUT /office_hours_schedules/{EMEA}")).json(json!({
                "name": "EMEA support (summer)",
                "time_intervals": [
                    {"start_minute": 420, "end_minute": 1140},
                    {"start_minute": 1860, "end_minute": 2580},
                    {"start_minute": 3300, "end_minute": 4020},
                    {"start_minute": 4740, "end_minute": 5460},
                    {"start_minute": 6180, "end_minute": 6900}
                ]
            })),
            h.client.office_hours().update_schedule(
                EMEA,
                UpdateSchedule::new()
                    .name("EMEA support (summer)")
                    .time_intervals(weekdays),
            ),
        )
        .await;

    assert_eq!(s.name.as_deref(), Some("EMEA support (summer)"));
    assert_eq!(s.time_intervals[4].end_minute, Some(6900));
    assert_eq!(s.updated_at, Some(1_719_500_000));
}

#[tokio::test]
async fn delete_schedule() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect("DELETE /office_hours_schedules/6052"),
            h.client.office_hours().delete_schedule("6052"),
        )
        .await;
    assert_eq!(gone.id.as_deref(), Some("6052"));
    assert_eq!(gone.object.as_deref(), Some("office_hours_schedule"));
    assert!(gone.deleted);
}

#[tokio::test]
async fn list_exceptions() {
    let h = Harness::start().await;
    let days = h
        .replay(
            expect(&format!(
                "GET /office_hours_schedules/{EMEA}/office_hours_exceptions"
            )),
            h.client.office_hours().list_exceptions(EMEA),
        )
        .await;

    assert_eq!(days.len(), 2);
    let christmas = &days[0];
    assert_eq!(christmas.exception_date.as_deref(), Some("2026-12-25"));
    assert_eq!(christmas.exception_type, Some(ExceptionType::Closed));
    assert!(christmas.time_intervals.is_empty(), "null intervals");
    assert_eq!(christmas.recurring_annually, Some(true));
    assert_eq!(christmas.office_hours_schedule_id.as_deref(), Some(EMEA));
    let eve = &days[1];
    assert_eq!(eve.exception_type, Some(ExceptionType::CustomHours));
    assert_eq!(eve.time_intervals[0].start_minute, Some(540));
    assert_eq!(eve.time_intervals[0].weekday(), Some(Weekday::Thursday));
}

#[tokio::test]
async fn create_exception() {
    let h = Harness::start().await;
    let nye = h
        .replay(
            expect(&format!(
                "POST /office_hours_schedules/{EMEA}/office_hours_exceptions"
            ))
            .json(json!({
                "exception_date": "2026-12-31",
                "exception_type": "custom_hours",
                "name": "New Year's Eve",
                "time_intervals": [
                    {"start_minute": 480, "end_minute": 720},
                    {"start_minute": 780, "end_minute": 900}
                ],
                "recurring_annually": false
            })),
            h.client.office_hours().create_exception(
                EMEA,
                NewException::custom_hours(
                    "2026-12-31",
                    [
                        Interval::new(8 * 60, 12 * 60),
                        Interval::new(13 * 60, 15 * 60),
                    ],
                )
                .name("New Year's Eve")
                .recurring_annually(false),
            ),
        )
        .await;

    assert_eq!(nye.id, "97");
    assert_eq!(nye.exception_type, Some(ExceptionType::CustomHours));
    assert_eq!(nye.time_intervals.len(), 2);
    assert_eq!(nye.time_intervals[1].end_minute, Some(900));
    assert_eq!(nye.recurring_annually, Some(false));
}

#[tokio::test]
async fn get_exception() {
    let h = Harness::start().await;
    let eve = h
        .replay(
            expect(&format!(
                "GET /office_hours_schedules/{EMEA}/office_hours_exceptions/92"
            )),
            h.client.office_hours().get_exception(EMEA, "92"),
        )
        .await;

    assert_eq!(eve.id, "92");
    assert_eq!(eve.name.as_deref(), Some("Christmas Eve"));
    assert_eq!(eve.exception_date.as_deref(), Some("2026-12-24"));
    assert_eq!(eve.time_intervals[0].end_minute, Some(780));
    assert_eq!(eve.created_at, Some(1_717_000_100));
}

#[tokio::test]
async fn update_exception() {
    let h = Harness::start().await;
    let eve = h
        .replay(
            expect(&format!(
                "PUT /office_hours_schedules/{EMEA}/office_hours_exceptions/92"
            ))
            .json(json!({"exception_type": "closed", "name": "Christmas Eve (closed)"})),
            h.client.office_hours().update_exception(
                EMEA,
                "92",
                UpdateException::new()
                    .closed()
                    .name("Christmas Eve (closed)"),
            ),
        )
        .await;

    assert_eq!(eve.exception_type, Some(ExceptionType::Closed));
    assert!(eve.time_intervals.is_empty());
    assert_eq!(eve.updated_at, Some(1_719_501_234));
}

#[tokio::test]
async fn delete_exception() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect(&format!(
                "DELETE /office_hours_schedules/{EMEA}/office_hours_exceptions/92"
            )),
            h.client.office_hours().delete_exception(EMEA, "92"),
        )
        .await;
    assert_eq!(gone.id.as_deref(), Some("92"));
    assert_eq!(gone.object.as_deref(), Some("office_hours_exception"));
    assert!(gone.deleted);
}

#[tokio::test]
async fn documented_limits_are_checked_before_sending() {
    use Weekday::*;
    let h = Harness::start().await;
    let office = h.client.office_hours();
    let schedule =
        |tz: &str, interval: Interval| NewSchedule::new("Support", tz).interval(interval);
    let cases: Vec<(_, &str)> = vec![
        (
            schedule("Europe/Dublin", Interval::new(540, 540)),
            "time_intervals[0]",
        ),
        (
            schedule("Europe/Dublin", Interval::new(1020, 540)),
            "time_intervals[0]",
        ),
        (
            schedule("Europe/Dublin", Interval::new(540, 1021)),
            "time_intervals[0]",
        ),
        (
            schedule("Europe/Dublin", Interval::new(9_000, 10_095)),
            "time_intervals[0]",
        ),
        (
            schedule("Europe/Dublin", Interval::weekly(Monday, 540, 1_500)),
            "time_intervals[0]",
        ),
        (
            schedule("+01:00", Interval::new(540, 1020)),
            "time_zone_name",
        ),
        (
            schedule("Europe/ Dublin", Interval::new(540, 1020)),
            "time_zone_name",
        ),
        (NewSchedule::new(" ", "UTC"), "name"),
    ];
    for (body, field) in cases {
        let err = office
            .create_schedule(body.clone())
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    let err = office
        .update_schedule(
            EMEA,
            UpdateSchedule::new().time_intervals([Interval::new(0, 7)]),
        )
        .await
        .expect_err("off the 15-minute grid");
    assert_eq!(invalid_field(err), "time_intervals[0]");

    let exceptions: Vec<(_, &str)> = vec![
        (NewException::closed("25/12/2026"), "exception_date"),
        (NewException::closed("2026-02-29"), "exception_date"),
        (
            NewException::custom_hours("2026-12-24", []),
            "time_intervals",
        ),
        (
            NewException::custom_hours("2026-12-24", [Interval::new(1_200, 1_500)]),
            "time_intervals[0]",
        ),
        (NewException::closed("2026-12-25").name(""), "name"),
    ];
    for (body, field) in exceptions {
        let err = office
            .create_exception(EMEA, body.clone())
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    let err = office
        .update_exception(EMEA, "92", UpdateException::new().custom_hours([]))
        .await
        .expect_err("custom hours without intervals");
    assert_eq!(invalid_field(err), "time_intervals");
    let err = office.get_exception(EMEA, "").await.expect_err("empty id");
    assert_eq!(invalid_field(err), "id");
    let err = office
        .list_exceptions(" ")
        .await
        .expect_err("blank schedule");
    assert_eq!(invalid_field(err), "office_hours_schedule_id");
    h.assert_no_requests().await;
}

#[test]
fn weekdays_and_intervals() {
    assert_eq!(Weekday::from_name("fri"), Some(Weekday::Friday));
    assert_eq!(Weekday::from_name("Saturday"), Some(Weekday::Saturday));
    assert_eq!(Weekday::from_name("Someday"), None);
    assert_eq!(Weekday::Sunday.index(), 6);
    assert_eq!(Weekday::Wednesday.to_string(), "Wednesday");
    assert_eq!(
        Interval::weekly(Weekday::Sunday, 22 * 60, 24 * 60).minutes(),
        (9_960, 10_080)
    );
}

#[test]
fn creates_are_not_retried_and_the_rest_is() {
    for op in intercom_api::office_hours::ops::ALL {
        assert_eq!(op.idempotent, op.method != "POST", "{}", op.id);
        assert!(!op.paged, "{}: Intercom does not page office hours", op.id);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    use Weekday::*;
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.office_hours();
    let requests = [
        built(c.list_schedules()),
        built(
            c.create_schedule(NewSchedule::new("Support", "Europe/Dublin").daily(
                [Monday, Friday],
                540,
                1020,
            )),
        ),
        built(c.create_schedule(NewSchedule::new("Closed", "UTC"))),
        built(c.get_schedule(EMEA)),
        built(c.update_schedule(EMEA, UpdateSchedule::new().time_zone_name("Europe/London"))),
        built(
            c.update_schedule(
                EMEA,
                UpdateSchedule::new()
                    .name("All week")
                    .time_intervals([Interval::new(0, 10_080)]),
            ),
        ),
        built(c.delete_schedule(EMEA)),
        built(c.list_exceptions(EMEA)),
        built(c.create_exception(
            EMEA,
            NewException::closed("2026-12-25").recurring_annually(true),
        )),
        built(c.create_exception(
            EMEA,
            NewException::custom_hours("2026-12-24", [Interval::new(540, 780)]).name("Eve"),
        )),
        built(c.get_exception(EMEA, "92")),
        built(c.update_exception(
            EMEA,
            "92",
            UpdateException::new().date("2026-12-23").closed(),
        )),
        built(c.update_exception(
            EMEA,
            "92",
            UpdateException::new().custom_hours([Interval::new(0, 1440)]),
        )),
        built(c.delete_exception(EMEA, "92")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Office Hours"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_has_the_office_hours_handle() {
    let h = support::BlockingHarness::start();
    h.mount(
        support::stub("GET", "/office_hours_schedules", &[])
            .respond_with(support::ok(support::fixture(
                "office_hours/listOfficeHoursSchedules",
            )))
            .expect(1),
    );
    let client = &h.client;
    let schedules = client.office_hours().list_schedules().send().expect("sent");
    assert_eq!(schedules.len(), 3);
    let err = client
        .office_hours()
        .create_schedule(NewSchedule::new("Support", "GMT +1"))
        .send()
        .expect_err("not a time zone name");
    assert_eq!(invalid_field(err), "time_zone_name");
}
