//! Replay tests for the smaller families of issue 10 (part b): segments,
//! teams, visitors, subscription types, away status reasons, jobs (and
//! waiting for one on the client's clock) and notes; the checks made before
//! sending; and the offline check of the requests against the spec.
//!
//! Replay tests are named after the SDK method they cover and carry the
//! spec's operationId on the line above `#[tokio::test]` (see
//! `tests/contacts.rs`).

mod support;

use std::time::Duration;

use intercom_api::away_status_reasons::AwayStatusReason;
use intercom_api::contacts::ContactRole;
use intercom_api::jobs::{Job, JobStatus, JobWait};
use intercom_api::models::List;
use intercom_api::notes::Note;
use intercom_api::segments::{Segment, SegmentPersonType};
use intercom_api::subscription_types::{ConsentType, SubscriptionState, SubscriptionType};
use intercom_api::teams::{DistributionMethod, Team, TeamList};
use intercom_api::visitors::{ConvertVisitor, Identifier, UpdateVisitor};
use intercom_api::{Client, Error, RetryPolicy};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, TOKEN, fixture, invalid_field, ok, spec, stub};

// ---------------------------------------------------------------------------
// The `list` and `get` rows of several families share a method name, and a
// replay test is named after its method: one test each, one replay per row.
// ---------------------------------------------------------------------------

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let segments = h
        .replay(
            expect("GET /segments").query(&[("include_count", "true")]),
            h.client.segments().list().include_count(),
        )
        .await;
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[0].id, "6643a31cb8c9d04e5a7f4a10");
    assert_eq!(segments[0].name.as_deref(), Some("Active trials"));
    assert_eq!(segments[0].person_type, Some(SegmentPersonType::User));
    assert_eq!(segments[0].count, Some(412));
    assert_eq!(segments[1].count, Some(37));

    let h = Harness::start().await;
    check_teams(
        h.replay(expect("GET /teams"), h.client.teams().list())
            .await,
    );

    let h = Harness::start().await;
    check_subscription_types(
        h.replay(
            expect("GET /subscription_types"),
            h.client.subscription_types().list(),
        )
        .await,
    );

    let h = Harness::start().await;
    check_away_status_reasons(
        h.replay(
            expect("GET /away_status_reasons"),
            h.client.away_status_reasons().list(),
        )
        .await,
    );
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    check_segment(
        h.replay(
            expect("GET /segments/6643a31cb8c9d04e5a7f4a11"),
            h.client.segments().get("6643a31cb8c9d04e5a7f4a11"),
        )
        .await,
    );

    let h = Harness::start().await;
    check_team(
        h.replay(
            expect("GET /teams/6011422"),
            h.client.teams().get("6011422"),
        )
        .await,
    );

    let h = Harness::start().await;
    check_job(
        h.replay(expect("GET /jobs/status/77120"), h.client.jobs().get(JOB))
            .await,
    );

    let h = Harness::start().await;
    check_note(
        h.replay(
            expect("GET /notes/31876452"),
            h.client.notes().get("31876452"),
        )
        .await,
    );
    let refused = h.client.notes().get("note-1").await.unwrap_err();
    assert_eq!(invalid_field(refused), "note_id");
}

// ---------------------------------------------------------------------------
// Segments
// ---------------------------------------------------------------------------

fn check_segment(segment: Segment) {
    assert_eq!(segment.name.as_deref(), Some("Churn risk (no login 30d)"));
    assert_eq!(segment.person_type, Some(SegmentPersonType::Contact));
    assert_eq!(segment.count, None);
    assert_eq!(segment.updated_at, Some(1_719_400_100));
}

// ---------------------------------------------------------------------------
// Teams
// ---------------------------------------------------------------------------

fn check_teams(teams: TeamList) {
    assert_eq!(teams.len(), 2);
    assert_eq!(teams[0].name.as_deref(), Some("Support EMEA"));
    assert_eq!(teams[0].admin_ids, [5_281_734, 5_281_790]);
    assert_eq!(
        teams[1].distribution_method,
        Some(DistributionMethod::RoundRobin)
    );
    assert!(teams[1].admin_priority_level.is_none());
    assert_eq!(teams[1].assignment_limit, None);
}

fn check_team(team: Team) {
    assert_eq!(team.id, "6011422");
    assert_eq!(
        team.distribution_method,
        Some(DistributionMethod::BalancedAssignment)
    );
    assert_eq!(team.assignment_limit, Some(12));
    let priority = team.admin_priority_level.expect("priority");
    assert_eq!(priority.primary_admin_ids, [5_281_734]);
    assert_eq!(priority.secondary_admin_ids, [5_281_790]);
}

#[tokio::test]
async fn metrics() {
    let h = Harness::start().await;
    let metrics = h
        .replay(
            expect("GET /teams/6011422/metrics").query(&[("idle_threshold", "900")]),
            h.client.teams().metrics("6011422").idle_threshold(900),
        )
        .await;
    assert_eq!(metrics.len(), 2);
    assert_eq!(metrics[0].admin_id.as_deref(), Some("5281734"));
    assert_eq!(
        (metrics[0].open, metrics[0].idle, metrics[0].snoozed),
        (Some(9), Some(3), Some(2))
    );
    assert_eq!(metrics[1].snoozed, Some(5));
}

// ---------------------------------------------------------------------------
// Visitors
// ---------------------------------------------------------------------------

const VISITOR: &str = "6671c2e4a9b8d7e6f5a4b301";
const VISITOR_USER_ID: &str = "8a88a590-e1c3-41e2-a502-e0649dbf721c";

#[tokio::test]
async fn get_by_user_id() {
    let h = Harness::start().await;
    let v = h
        .replay(
            expect("GET /visitors").query(&[("user_id", VISITOR_USER_ID)]),
            h.client.visitors().get_by_user_id(VISITOR_USER_ID),
        )
        .await;
    assert_eq!(v.id, VISITOR);
    assert_eq!(v.user_id.as_deref(), Some(VISITOR_USER_ID));
    assert_eq!(v.anonymous, Some(true));
    assert_eq!(v.name, None);
    assert_eq!(v.pseudonym.as_deref(), Some("Amber Lighthouse"));
    assert_eq!(v.last_request_at, Some(1_719_491_000));
    assert_eq!(v.session_count, Some(3));
    let location = v.location_data.expect("location");
    assert_eq!(location.city_name.as_deref(), Some("Lisbon"));
    assert_eq!(location.timezone.as_deref(), Some("Europe/Lisbon"));
    assert_eq!(
        v.tags.expect("tags").tags[0].name.as_deref(),
        Some("pricing-page")
    );
    assert!(v.companies.expect("companies").companies.is_empty());
    assert_eq!(v.utm_source.as_deref(), Some("newsletter"));
    assert_eq!(v.do_not_track, None);
    assert!(v.custom_attributes.is_empty());
}

#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let v = h
        .replay(
            expect("PUT /visitors").json(json!({
                "id": VISITOR,
                "name": "Lena Vogt",
                "custom_attributes": {"plan_interest": "growth"}
            })),
            h.client.visitors().update(
                UpdateVisitor::by_id(VISITOR)
                    .name("Lena Vogt")
                    .custom_attribute("plan_interest", "growth"),
            ),
        )
        .await;
    assert_eq!(v.name.as_deref(), Some("Lena Vogt"));
    assert_eq!(v.custom_attributes["plan_interest"], "growth");
    assert_eq!(v.updated_at, Some(1_719_493_757));
}

#[tokio::test]
async fn convert() {
    let h = Harness::start().await;
    let contact = h
        .replay(
            expect("POST /visitors/convert").json(json!({
                "type": "user",
                "user": {"user_id": "cus_7781", "email": "lena.vogt@example.com"},
                "visitor": {"user_id": VISITOR_USER_ID}
            })),
            h.client.visitors().convert(ConvertVisitor::to_user(
                Identifier::user_id(VISITOR_USER_ID),
                Identifier::user_id("cus_7781").and_email("lena.vogt@example.com"),
            )),
        )
        .await;
    assert_eq!(contact.id, VISITOR);
    assert_eq!(contact.role, Some(ContactRole::User));
    assert_eq!(contact.external_id.as_deref(), Some("cus_7781"));
    assert_eq!(contact.email.as_deref(), Some("lena.vogt@example.com"));
    assert_eq!(contact.custom_attributes["plan_interest"], "growth");
}

#[tokio::test]
async fn visitors_refuse_what_intercom_refuses() {
    let h = Harness::start().await;
    let v = h.client.visitors();
    assert_eq!(
        invalid_field(v.get_by_user_id(" ").await.unwrap_err()),
        "user_id"
    );
    assert_eq!(
        invalid_field(v.update(UpdateVisitor::by_id("")).await.unwrap_err()),
        "id"
    );
    let long = "x".repeat(191);
    let too_long = UpdateVisitor::by_user_id(VISITOR_USER_ID).custom_attribute(long, "a");
    assert!(invalid_field(v.update(too_long).await.unwrap_err()).starts_with("custom_attributes."));
    let no_target = ConvertVisitor::to_lead(Identifier::id(VISITOR), Identifier::email(" "));
    assert_eq!(
        invalid_field(v.convert(no_target).await.unwrap_err()),
        "user"
    );
    let no_visitor = ConvertVisitor::to_user(Identifier::id(""), Identifier::user_id("cus_1"));
    assert_eq!(
        invalid_field(v.convert(no_visitor).await.unwrap_err()),
        "visitor"
    );
    h.assert_no_requests().await;
}

// ---------------------------------------------------------------------------
// Subscription types, away status reasons, notes
// ---------------------------------------------------------------------------

fn check_subscription_types(types: List<SubscriptionType>) {
    assert_eq!(types.len(), 2);
    assert_eq!(types[0].id, "37846");
    assert_eq!(types[0].consent_type, Some(ConsentType::OptOut));
    assert_eq!(types[0].translations[1].locale.as_deref(), Some("de"));
    assert_eq!(types[1].state, Some(SubscriptionState::Draft));
    assert_eq!(types[1].content_types, ["sms_message"]);
}

fn check_away_status_reasons(reasons: List<AwayStatusReason>) {
    assert_eq!(reasons.len(), 3);
    assert_eq!(reasons[0].id, "4410");
    assert_eq!(reasons[0].label.as_deref(), Some("On a break"));
    assert_eq!(reasons[1].emoji.as_deref(), Some("📞"));
    assert_eq!(reasons[2].deleted, Some(true));
    assert_eq!(reasons[2].order, Some(3));
}

fn check_note(note: Note) {
    assert_eq!(note.id, "31876452");
    assert_eq!(
        note.contact.and_then(|c| c.id).as_deref(),
        Some("6643a1f2b8c9d04e5a7f3b21")
    );
    assert!(note.company.is_none());
    assert_eq!(
        note.author.and_then(|a| a.email).as_deref(),
        Some("ines.carvalho@northwind.example")
    );
}

// ---------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------

const JOB: &str = "77120";

fn check_job(job: Job) {
    assert_eq!(job.status, Some(JobStatus::Success));
    assert_eq!(job.resource_type.as_deref(), Some("ticket"));
    assert_eq!(job.resource_id.as_deref(), Some("1180"));
    assert_eq!(
        job.resource_url.as_deref(),
        Some("https://api.intercom.io/tickets/1180")
    );
}

fn client_on(h: &Harness, clock: &support::InstantClock) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(h.server.uri())
        .clock(clock.clone())
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}

async fn job_answers(h: &Harness, pending: u64, last: &str) {
    if pending > 0 {
        stub("GET", "/jobs/status/77120", &[])
            .respond_with(ok(fixture("jobs/jobsStatus.pending")))
            .up_to_n_times(pending)
            .expect(pending)
            .with_priority(1)
            .mount(&h.server)
            .await;
    }
    stub("GET", "/jobs/status/77120", &[])
        .respond_with(ok(fixture(last)))
        .mount(&h.server)
        .await;
}

#[tokio::test]
async fn wait_polls_with_backoff_until_the_job_succeeds() {
    let h = Harness::start().await;
    job_answers(&h, 4, "jobs/jobsStatus").await;
    let clock = support::InstantClock::at(1_719_493_757);
    let client = client_on(&h, &clock);
    let job = client
        .jobs()
        .wait(
            JOB,
            JobWait::default()
                .first_delay(Duration::from_secs(1))
                .max_delay(Duration::from_secs(5)),
        )
        .await
        .expect("job");
    assert_eq!(job.status, Some(JobStatus::Success));
    assert_eq!(job.resource_id.as_deref(), Some("1180"));
    let secs: Vec<u64> = clock.sleeps().iter().map(Duration::as_secs).collect();
    assert_eq!(secs, [1, 2, 4, 5]);
    assert_eq!(h.requests().await.len(), 5);
    h.finish().await;
}

#[tokio::test]
async fn wait_reports_a_failed_job() {
    let h = Harness::start().await;
    job_answers(&h, 1, "jobs/jobsStatus.failed").await;
    let clock = support::InstantClock::at(1_719_493_757);
    let err = client_on(&h, &clock)
        .jobs()
        .wait(JOB, JobWait::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::JobFailed { job_id } if job_id == JOB),
        "{err:?}"
    );
    assert_eq!(clock.sleeps(), [Duration::from_secs(1)]);
}

#[tokio::test]
async fn wait_gives_up_after_max_wait() {
    let h = Harness::start().await;
    job_answers(&h, 0, "jobs/jobsStatus.pending").await;
    let clock = support::InstantClock::at(1_719_493_757);
    let err = client_on(&h, &clock)
        .jobs()
        .wait(JOB, JobWait::default().max_wait(Duration::from_secs(10)))
        .await
        .unwrap_err();
    match err {
        Error::JobTimedOut {
            job_id,
            status,
            waited,
        } => {
            assert_eq!((job_id.as_str(), status.as_str()), (JOB, "pending"));
            assert_eq!(waited, Duration::from_secs(10));
        }
        other => panic!("expected JobTimedOut, got {other:?}"),
    }
    // 1 + 2 + 4, then the 3 s left: never past the deadline.
    let secs: Vec<u64> = clock.sleeps().iter().map(Duration::as_secs).collect();
    assert_eq!(secs, [1, 2, 4, 3]);
    assert_eq!(h.requests().await.len(), 5);
    let zero = client_on(&h, &clock)
        .jobs()
        .wait(JOB, JobWait::default().first_delay(Duration::ZERO))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(zero), "first_delay");
}

#[tokio::test]
async fn small_families_refuse_what_intercom_refuses() {
    let h = Harness::start().await;
    let zero = h.client.teams().metrics("6011422").idle_threshold(0).await;
    assert_eq!(invalid_field(zero.unwrap_err()), "idle_threshold");
    let day = h
        .client
        .teams()
        .metrics("6011422")
        .idle_threshold(86_401)
        .await;
    assert_eq!(invalid_field(day.unwrap_err()), "idle_threshold");
    assert_eq!(
        invalid_field(h.client.jobs().get("").await.unwrap_err()),
        "job_id"
    );
    assert_eq!(
        invalid_field(h.client.segments().get(" ").await.unwrap_err()),
        "segment_id"
    );
    h.assert_no_requests().await;
}

#[test]
fn sdk_requests_match_the_spec_operations() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let requests = [
        built(client.segments().list().include_count()),
        built(client.segments().get("6643a31cb8c9d04e5a7f4a11")),
        built(client.teams().list()),
        built(client.teams().get("6011422")),
        built(client.teams().metrics("6011422").idle_threshold(1800)),
        built(client.visitors().get_by_user_id(VISITOR_USER_ID)),
        built(
            client
                .visitors()
                .update(UpdateVisitor::by_user_id(VISITOR_USER_ID).name("Lena")),
        ),
        built(client.visitors().convert(ConvertVisitor::to_lead(
            Identifier::email("lena.vogt@example.com"),
            Identifier::id(VISITOR),
        ))),
        built(client.subscription_types().list()),
        built(client.away_status_reasons().list()),
        built(client.jobs().get(JOB)),
        built(client.notes().get("31876452")),
    ];
    let problems = check_requests(spec, &requests);
    let ops = spec::operations(spec);
    let families = [
        "Segments",
        "Teams",
        "Visitors",
        "Subscription Types",
        "Away Status Reasons",
        "Jobs",
        "Notes",
    ];
    let missing = uncovered(&ops, &families, &requests);
    assert!(missing.is_empty(), "not checked: {missing:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n  "));
}
