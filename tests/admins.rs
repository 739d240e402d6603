//! Replay tests for the 7 Admins operations of Intercom API 2.16.
//!
//! Each replay test runs one call through [`support::Harness::replay`]:
//! one exact stub (method, path, the whole query string, the standard
//! headers, and the exact JSON body or none) answering with
//! `fixtures/admins/<operationId>.json`, behind the harness's catch-all;
//! then it checks the decoded values. Paged listings mount one exact stub
//! per page. Tests not named after a method cover validation, errors and
//! paging edge cases.
//!
//! At the end: every request the SDK builds for them against the 2.16
//! operations (method, path template, request-body schema). Their fixtures
//! are checked against the 2.16 response schemas, with every other
//! family's, in `tests/fixtures_schema.rs`.

mod support;

use futures::TryStreamExt;
use intercom_api::admins::{ActivityLogSearch, ActivityType, SetAway};
use intercom_api::{Cursor, ErrorCode};
use serde_json::json;

use support::replay::expect;
use support::{
    ERROR_REQUEST_ID, Harness, api_error, error_response, fixture, invalid_field, ok, stub,
    stub_json,
};

/// Ada Lovelace, the admin the token belongs to.
const ADA: &str = "991267460";
/// Grace Hopper, the admin set away.
const GRACE: &str = "991267461";
/// The week the activity logs cover.
const AFTER: i64 = 1_717_372_800;
const BEFORE: i64 = 1_717_977_600;

#[tokio::test]
async fn me() {
    let h = Harness::start().await;
    let me = h.replay(expect("GET /me"), h.client.admins().me()).await;

    assert_eq!(me.id, ADA);
    assert_eq!(me.name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(me.email.as_deref(), Some("ada.lovelace@example.com"));
    assert_eq!(me.email_verified, Some(true));
    assert_eq!(me.job_title.as_deref(), Some("Head of Support"));
    assert_eq!(me.away_mode_enabled, Some(false));
    assert_eq!(me.away_mode_reassign, Some(false));
    assert_eq!(me.has_inbox_seat, Some(true));
    assert_eq!(me.team_ids, [814_865, 493_881]);
    assert_eq!(
        me.avatar.and_then(|a| a.image_url).as_deref(),
        Some("https://static.example.com/avatars/991267460.png")
    );
    let app = me.app.expect("app");
    assert_eq!(app.id_code.as_deref(), Some("x7k2m9qp"));
    assert_eq!(app.name.as_deref(), Some("Acme Support"));
    assert_eq!(app.region.as_deref(), Some("EU"));
    assert_eq!(app.timezone.as_deref(), Some("Europe/Dublin"));
    assert_eq!(app.created_at, Some(1_690_212_345));
    assert_eq!(app.identity_verification, Some(true));
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let a = h
        .replay(
            expect(&format!("GET /admins/{GRACE}")),
            h.client.admins().get(GRACE),
        )
        .await;

    assert_eq!(a.id, GRACE);
    assert_eq!(a.name.as_deref(), Some("Grace Hopper"));
    assert_eq!(a.email.as_deref(), Some("grace.hopper@example.com"));
    assert_eq!(a.job_title.as_deref(), Some("Support Engineer"));
    assert_eq!(a.away_mode_enabled, Some(true));
    assert_eq!(a.away_mode_reassign, Some(true));
    assert_eq!(a.away_status_reason_id.as_deref(), Some("40217"));
    assert_eq!(a.has_inbox_seat, Some(true));
    assert_eq!(a.team_ids, [814_865]);
    // The admin schema sends the avatar as a bare URL.
    assert_eq!(
        a.avatar.and_then(|a| a.image_url).as_deref(),
        Some("https://static.example.com/avatars/991267461.png")
    );
    let levels = a.team_priority_level.expect("team priority level");
    assert_eq!(levels.primary_team_ids, [814_865]);
    assert!(levels.secondary_team_ids.is_empty());
    let role = a.role.expect("role");
    assert_eq!(role.id.as_deref(), Some("5521"));
    assert_eq!(role.name.as_deref(), Some("Support agent"));
}

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let admins = h
        .replay(
            expect("GET /admins").query(&[("display_avatar", "true")]),
            h.client.admins().list().display_avatar(true),
        )
        .await;

    assert_eq!(
        admins.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        [ADA, GRACE, "991267462"]
    );
    assert_eq!(admins[0].team_ids, [814_865, 493_881]);
    assert_eq!(admins[0].away_status_reason_id, None);
    assert_eq!(
        admins[0]
            .team_priority_level
            .as_ref()
            .expect("levels")
            .secondary_team_ids,
        [493_881]
    );
    assert_eq!(admins[1].away_status_reason_id.as_deref(), Some("40217"));
    assert!(admins[1].avatar.is_none());
    assert_eq!(
        admins[1].role.as_ref().and_then(|r| r.name.as_deref()),
        Some("Support agent")
    );
    assert_eq!(admins[2].name.as_deref(), Some("Fin"));
    assert_eq!(admins[2].has_inbox_seat, Some(false));
    assert!(admins[2].team_ids.is_empty());
    assert!(admins[2].job_title.is_none());

    // Without `display_avatar`, no query at all.
    let names: Vec<String> = h
        .replay(expect("GET /admins"), h.client.admins().list())
        .await
        .into_iter()
        .filter_map(|a| a.name)
        .collect();
    assert_eq!(names, ["Ada Lovelace", "Grace Hopper", "Fin"]);
}

#[tokio::test]
async fn set_away() {
    let h = Harness::start().await;
    let a = h
        .replay(
            expect(&format!("PUT /admins/{GRACE}/away")).json(json!({
                "away_mode_enabled": true, "away_mode_reassign": true,
                "away_status_reason_id": 40217
            })),
            h.client
                .admins()
                .set_away(GRACE, SetAway::new(true, true).reason("40217")),
        )
        .await;

    assert_eq!(a.id, GRACE);
    assert_eq!(a.away_mode_enabled, Some(true));
    assert_eq!(a.away_mode_reassign, Some(true));
    assert_eq!(a.away_status_reason_id.as_deref(), Some("40217"));
    assert!(a.avatar.is_none());
}

#[tokio::test]
async fn list_activity_logs() {
    let h = Harness::start().await;
    let after = AFTER.to_string();
    let before = BEFORE.to_string();
    let first = [
        ("created_at_after", after.as_str()),
        ("created_at_before", before.as_str()),
        ("per_page", "3"),
    ];
    stub("GET", "/admins/activity_logs", &first)
        .respond_with(ok(fixture("admins/listActivityLogs")))
        .expect(2)
        .mount(&h.server)
        .await;
    let mut second = first.to_vec();
    second.push(("page", "2"));
    stub("GET", "/admins/activity_logs", &second)
        .respond_with(ok(fixture("admins/listActivityLogs.page2")))
        .expect(1)
        .mount(&h.server)
        .await;
    let admins = h.client.admins();

    let page = admins
        .list_activity_logs(AFTER, Some(BEFORE))
        .per_page(3)
        .await
        .expect("page");
    assert_eq!(page.items.len(), 3);
    assert_eq!(
        (page.page, page.per_page, page.total_pages),
        (Some(1), Some(3), Some(2))
    );
    assert_eq!(page.next, Some(Cursor::Page(2)));
    let login = &page.items[0];
    assert_eq!(
        login.id.as_deref(),
        Some("3f0c9a1e-5b2d-4c7e-9a61-0d8e2b7f4c10")
    );
    assert_eq!(login.activity_type, Some(ActivityType::AdminLoginSuccess));
    assert_eq!(login.created_at, Some(1_717_401_600));
    let by = login.performed_by.as_ref().expect("performed_by");
    assert_eq!(by.id.as_deref(), Some(ADA));
    assert_eq!(by.email.as_deref(), Some("ada.lovelace@example.com"));
    assert_eq!(by.ip.as_deref(), Some("203.0.113.24"));
    assert_eq!(
        login
            .metadata
            .as_ref()
            .and_then(|m| m.sign_in_method.as_deref()),
        Some("email_password")
    );
    let away = page.items[1].metadata.as_ref().expect("metadata");
    assert_eq!(away.away_mode, Some(true));
    assert_eq!(away.away_status_reason.as_deref(), Some("On a break"));
    assert_eq!(away.reassign_conversations, Some(true));
    assert_eq!(away.auto_changed.as_deref(), Some("false"));
    assert_eq!(away.update_by.as_deref(), Some(GRACE));
    assert_eq!(away.update_by_name.as_deref(), Some("Grace Hopper"));
    let setting = &page.items[2];
    assert_eq!(
        setting.activity_type,
        Some(ActivityType::AutomaticAwayModeSettingChange)
    );
    let meta = setting.metadata.as_ref().expect("metadata");
    assert_eq!(meta.setting_type.as_deref(), Some("automatic_away_mode"));
    let changes = meta.changes.as_ref().expect("changes");
    assert_eq!(changes["enabled"].before, Some(json!(false)));
    assert_eq!(changes["mode"].after, Some(json!("when_away_and_reassign")));
    assert_eq!(meta.enabled, Some(true));
    assert_eq!(meta.raw["mode"], "when_away_and_reassign");

    // The stream follows the page numbers to the last page.
    let all = admins
        .list_activity_logs(AFTER, Some(BEFORE))
        .per_page(3)
        .collect_at_most(100)
        .await
        .expect("every page");
    assert_eq!(all.len(), 5);
    let app_name = &all[3];
    assert_eq!(app_name.activity_type, Some(ActivityType::AppNameChange));
    let meta = app_name.metadata.as_ref().expect("metadata");
    assert_eq!(meta.before, Some(json!({"name": "Acme"})));
    assert_eq!(meta.after, Some(json!({"name": "Acme Support"})));
    let team = all[4]
        .metadata
        .as_ref()
        .and_then(|m| m.team.as_ref())
        .expect("team");
    assert_eq!(team.id.as_deref(), Some("814865"));
    assert_eq!(team.name.as_deref(), Some("Tier 1"));
    assert_eq!(
        all[4]
            .metadata
            .as_ref()
            .and_then(|m| m.team_assignment_limit),
        Some(25)
    );
    h.finish().await;
}

#[tokio::test]
async fn search_activity_logs() {
    let h = Harness::start().await;
    let body = json!({
        "created_at_after": AFTER,
        "created_at_before": BEFORE,
        "event_types": ["admin_login_failure", "admin_login_success"],
        "per_page": 2
    });
    stub_json("POST", "/admins/activity_logs/search", &[], body.clone())
        .respond_with(ok(fixture("admins/searchActivityLogs")))
        .expect(2)
        .mount(&h.server)
        .await;
    let mut page2 = body;
    page2["page"] = json!(2);
    stub_json("POST", "/admins/activity_logs/search", &[], page2)
        .respond_with(ok(fixture("admins/searchActivityLogs.page2")))
        .expect(2)
        .mount(&h.server)
        .await;
    let search = || {
        ActivityLogSearch::new(AFTER)
            .created_at_before(BEFORE)
            .event_types([ActivityType::AdminLoginFailure])
            .event_types(["admin_login_success"])
    };
    let admins = h.client.admins();

    let page = admins
        .search_activity_logs(search())
        .per_page(2)
        .await
        .expect("page");
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.next, Some(Cursor::Page(2)));
    let failure = &page.items[0];
    assert_eq!(failure.activity_type, Some(ActivityType::AdminLoginFailure));
    assert_eq!(
        failure.performed_by.as_ref().and_then(|p| p.ip.as_deref()),
        Some("192.0.2.55")
    );
    assert_eq!(
        failure
            .metadata
            .as_ref()
            .and_then(|m| m.sign_in_method.as_deref()),
        Some("google_sso")
    );
    assert_eq!(
        failure.activity_description.as_deref(),
        Some("A sign-in as operator+x7k2m9qp@example.com failed.")
    );

    // The stream sends the same body with `page` set, until the last page.
    let ids: Vec<String> = admins
        .search_activity_logs(search())
        .per_page(2)
        .items()
        .map_ok(|l| l.id.unwrap_or_default())
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(
        ids,
        [
            "5a8e2f14-7c3b-4e90-a1d6-4f0b9c2e8d73",
            "b6d0c4a2-3e1f-4a57-9c82-e7f5a1b3d046",
            "e2c7a9f0-4b6d-4c18-8f3e-1a5d7b9c0e62"
        ]
    );

    // A saved page cursor resumes there.
    let resumed = admins
        .search_activity_logs(search())
        .per_page(2)
        .starting_from(Cursor::Page(2))
        .await
        .expect("page 2");
    assert_eq!(resumed.page, Some(2));
    assert_eq!(resumed.next, None);
    h.finish().await;
}

#[tokio::test]
async fn list_activity_log_event_types() {
    let h = Harness::start().await;
    let types = h
        .replay(
            expect("GET /admins/activity_log_event_types"),
            h.client.admins().list_activity_log_event_types(),
        )
        .await;

    assert_eq!(types.event_types.len(), 9);
    assert_eq!(types.event_types[0], ActivityType::AdminAwayModeChange);
    assert!(types.event_types.contains(&ActivityType::SeatChange));
    assert_eq!(types.event_types[8].as_str(), "seat_change");
}

// ---- validation: refused before anything is sent ----

#[tokio::test]
async fn non_numeric_admin_ids_are_refused_before_sending() {
    let h = Harness::start().await;
    let admins = h.client.admins();
    for id in ["", "  ", "ada", "99/1", "991267460?x=1"] {
        let err = admins.get(id).await.expect_err("refused");
        assert_eq!(invalid_field(err), "admin_id", "{id:?}");
        let err = admins
            .set_away(id, SetAway::new(false, false))
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), "admin_id", "{id:?}");
    }
    let err = admins
        .set_away(GRACE, SetAway::new(true, false).reason("on-break"))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "away_status_reason_id");
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn reversed_time_ranges_and_page_sizes_are_refused_before_sending() {
    let h = Harness::start().await;
    let admins = h.client.admins();
    let err = admins
        .list_activity_logs(BEFORE, Some(AFTER))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "created_at_before");
    let err = admins
        .search_activity_logs(ActivityLogSearch::new(AFTER).created_at_before(AFTER))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "created_at_before");
    let err = admins
        .search_activity_logs(ActivityLogSearch::new(AFTER).event_types([""]))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "event_types");
    for n in [0, 251] {
        let err = admins
            .list_activity_logs(AFTER, None)
            .per_page(n)
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), "per_page");
        let err = admins
            .search_activity_logs(ActivityLogSearch::new(AFTER))
            .per_page(n)
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), "per_page");
    }
    // 250 is the limit, not past it.
    let at_limit = admins
        .search_activity_logs(ActivityLogSearch::new(AFTER))
        .per_page(250)
        .into_request()
        .expect("accepted");
    assert_eq!(
        at_limit.body(),
        Some(json!({"created_at_after": AFTER, "per_page": 250}))
    );
    h.assert_no_requests().await;
    h.finish().await;
}

// ---- errors and leniency ----

#[tokio::test]
async fn set_away_for_an_unknown_admin_is_not_found() {
    let h = Harness::start().await;
    stub_json(
        "PUT",
        "/admins/1/away",
        &[],
        json!({"away_mode_enabled": true, "away_mode_reassign": false}),
    )
    .respond_with(api_error(
        404,
        "admin_not_found",
        "Admin for admin_id not found",
    ))
    .expect(1)
    .mount(&h.server)
    .await;

    let err = h
        .client
        .admins()
        .set_away("1", SetAway::new(true, false))
        .await
        .expect_err("404");

    assert!(err.is_not_found(), "{err}");
    assert_eq!(err.code().map(ErrorCode::as_str), Some("admin_not_found"));
    assert_eq!(
        err.as_api().and_then(|a| a.message()),
        Some("Admin for admin_id not found")
    );
    assert_eq!(err.request_id(), Some(ERROR_REQUEST_ID));
    h.finish().await;
}

#[tokio::test]
async fn set_away_without_a_mandatory_reason_is_a_400() {
    let h = Harness::start().await;
    stub_json(
        "PUT",
        &format!("/admins/{GRACE}/away"),
        &[],
        json!({"away_mode_enabled": true, "away_mode_reassign": true}),
    )
    .respond_with(api_error(
        400,
        "away_status_reason_mandatory",
        "Away status reason is mandatory",
    ))
    .expect(1)
    .mount(&h.server)
    .await;

    let err = h
        .client
        .admins()
        .set_away(GRACE, SetAway::new(true, true))
        .await
        .expect_err("400");

    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(
        err.code().map(ErrorCode::as_str),
        Some("away_status_reason_mandatory")
    );
    assert!(!err.is_retryable());
    h.finish().await;
}

#[tokio::test]
async fn me_with_a_bad_token_is_unauthorized() {
    let h = Harness::start().await;
    stub("GET", "/me", &[])
        .respond_with(error_response(401, "unauthorized"))
        .expect(1)
        .mount(&h.server)
        .await;

    let err = h.client.admins().me().await.expect_err("401");

    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(err.code(), Some(&ErrorCode::Unauthorized));
    h.finish().await;
}

/// The shapes of the spec's own examples, which break its schemas
/// (ENDPOINTS.md gotcha 8), decode.
#[tokio::test]
async fn the_spec_s_loose_examples_decode() {
    let h = Harness::start().await;
    stub_json(
        "PUT",
        &format!("/admins/{GRACE}/away"),
        &[],
        json!({"away_mode_enabled": true, "away_mode_reassign": true}),
    )
    .respond_with(ok(json!({
        "type": "admin", "id": GRACE, "away_mode_enabled": true,
        "away_mode_reassign": true, "away_status_reason_id": "12345", "team_ids": []
    })))
    .expect(1)
    .mount(&h.server)
    .await;
    let after = AFTER.to_string();
    stub("GET", "/admins/activity_logs", &[("created_at_after", after.as_str())])
        .respond_with(ok(json!({
            "type": "activity_log.list",
            "pages": {"type": "pages", "next": null, "page": 1, "per_page": 20, "total_pages": 1},
            "activity_logs": [{
                "id": "f48c653b", "performed_by": {"type": "admin", "id": ADA},
                "metadata": {"message": {"id": 123, "title": "Welcome"}, "before": "Welcome", "after": "Hello"},
                "created_at": 1_717_401_600, "activity_type": "message_state_change"
            }]
        })))
        .expect(1)
        .mount(&h.server)
        .await;

    let a = h
        .client
        .admins()
        .set_away(GRACE, SetAway::new(true, true))
        .await
        .expect("admin");
    assert_eq!(a.away_status_reason_id.as_deref(), Some("12345"));

    let page = h
        .client
        .admins()
        .list_activity_logs(AFTER, None)
        .await
        .expect("page");
    let meta = page.items[0].metadata.as_ref().expect("metadata");
    assert_eq!(meta.before, Some(json!("Welcome")));
    assert_eq!(meta.after, Some(json!("Hello")));
    assert_eq!(meta.raw["message"]["title"], "Welcome");
    assert_eq!(page.next, None);
    h.finish().await;
}

/// Without page numbers, the listing follows a `pages.next` URL.
#[tokio::test]
async fn activity_logs_follow_a_next_url_without_page_numbers() {
    let h = Harness::start().await;
    let after = AFTER.to_string();
    let next = format!(
        "{}/admins/activity_logs?created_at_after={AFTER}&page=2&per_page=1",
        h.server.uri()
    );
    let log = |id: &str| json!({"id": id, "activity_type": "admin_logout"});
    stub(
        "GET",
        "/admins/activity_logs",
        &[("created_at_after", after.as_str())],
    )
    .respond_with(ok(json!({
        "type": "activity_log.list",
        "pages": {"type": "pages", "next": next},
        "activity_logs": [log("l1")]
    })))
    .expect(1)
    .mount(&h.server)
    .await;
    stub(
        "GET",
        "/admins/activity_logs",
        &[
            ("created_at_after", after.as_str()),
            ("page", "2"),
            ("per_page", "1"),
        ],
    )
    .respond_with(ok(json!({
        "type": "activity_log.list",
        "pages": {"type": "pages", "next": null},
        "activity_logs": [log("l2")]
    })))
    .expect(1)
    .mount(&h.server)
    .await;

    let all = h
        .client
        .admins()
        .list_activity_logs(AFTER, None)
        .collect_at_most(10)
        .await
        .expect("both pages");
    assert_eq!(
        all.iter()
            .filter_map(|l| l.id.as_deref())
            .collect::<Vec<_>>(),
        ["l1", "l2"]
    );
    assert_eq!(all[1].activity_type, Some(ActivityType::AdminLogout));
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Requests against the spec
// ---------------------------------------------------------------------------

/// Every request the SDK builds for the admins has the spec's method and
/// path, and a body conforming to the operation's request schema.
#[test]
fn requests_match_the_2_16_operations() {
    use support::requests::{built, check_requests, offline_client, uncovered};

    let Some(spec) = support::spec::load() else {
        return;
    };
    // Building requests sends nothing.
    let client = offline_client();
    let a = client.admins();
    let requests = [
        built(a.me()),
        built(a.get("991267460")),
        built(a.list().display_avatar(true)),
        built(a.set_away("991267460", SetAway::new(true, false).reason("40217"))),
        built(
            a.list_activity_logs(1, Some(2))
                .per_page(250)
                .into_request(),
        ),
        built(
            a.search_activity_logs(
                ActivityLogSearch::new(1)
                    .created_at_before(2)
                    .event_types([ActivityType::AppNameChange]),
            )
            .per_page(250)
            .starting_from(intercom_api::Cursor::Page(3))
            .into_request(),
        ),
        built(a.list_activity_log_event_types()),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every operation of the family was built.
    let ops = support::spec::operations(spec);
    let missing = uncovered(&ops, &["Admins"], &requests);
    assert!(missing.is_empty(), "not built: {missing:?}");
}
