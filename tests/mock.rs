//! The fake Intercom (`intercom_api::mock`), driven through the real client,
//! and through raw `reqwest` for what the client would never send.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures::TryStreamExt;
use intercom_api::contacts::{
    ContactRole, ContactSearch, CreateContact, MergeContacts, UpdateContact,
};
use intercom_api::mock::{FakeIntercom, Fault};
use intercom_api::search::{Query, SortOrder, field};
use intercom_api::{ApiVersion, Client, Clock, Error, ErrorCode, RetryPolicy, Sleep};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A wall clock that moves only when told to; `sleep` moves it and returns
/// at once, so rate-limit waits cost no real time.
#[derive(Debug, Clone)]
struct ManualClock(Arc<Mutex<SystemTime>>);

impl ManualClock {
    fn at(unix: u64) -> Self {
        ManualClock(Arc::new(Mutex::new(UNIX_EPOCH + Duration::from_secs(unix))))
    }

    fn advance(&self, d: Duration) {
        *self.0.lock().expect("clock") += d;
    }

    fn unix(&self) -> u64 {
        self.now()
            .duration_since(UNIX_EPOCH)
            .expect("after epoch")
            .as_secs()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().expect("clock")
    }
    fn sleep(&self, d: Duration) -> Sleep {
        self.advance(d);
        Box::pin(std::future::ready(()))
    }
}

/// A client that shows every failure as it happened: no retries, no pacing.
fn strict(fake: &FakeIntercom) -> Client {
    fake.client_builder()
        .retry(RetryPolicy::none())
        .pacing(false)
        .build()
        .expect("client")
}

/// Send a request the client would never send.
async fn raw(
    fake: &FakeIntercom,
    method: Method,
    path: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (StatusCode, HeaderMap, Value) {
    static HTTP: OnceLock<reqwest::Client> = OnceLock::new();
    let http = HTTP.get_or_init(reqwest::Client::new);
    let mut req = http.request(method, format!("{}{path}", fake.uri()));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(b) = body {
        req = req
            .header("content-type", "application/json")
            .body(b.to_owned());
    }
    let resp = req.send().await.expect("sent");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.bytes().await.expect("body");
    (
        status,
        headers,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn header<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

fn api_message(err: &Error) -> Option<&str> {
    err.as_api().and_then(|a| a.message())
}

fn is_uuid_like(s: &str) -> bool {
    let parts: Vec<_> = s.split('-').map(str::len).collect();
    parts == [8, 4, 4, 4, 12] && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

#[tokio::test]
async fn create_get_update_round_trip() -> TestResult {
    let clock = ManualClock::at(1_734_537_437);
    let fake = FakeIntercom::builder().clock(clock.clone()).start().await;
    let client = fake.client()?;

    let created = client
        .contacts()
        .create(
            CreateContact::with_external_id("user-42")
                .email("Ada@Example.com")
                .name("Ada")
                .custom_attribute("plan", "pro"),
        )
        .await?;
    assert_eq!(created.id.len(), 24);
    assert!(created.id.starts_with("6762f0dd"), "{}", created.id);
    assert!(created.id.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(created.email.as_deref(), Some("Ada@Example.com"));
    assert_eq!(created.email_domain.as_deref(), Some("example.com"));
    assert_eq!(created.external_id.as_deref(), Some("user-42"));
    assert_eq!(created.name.as_deref(), Some("Ada"));
    assert_eq!(created.role, Some(ContactRole::User));
    assert_eq!(created.workspace_id.as_deref(), Some("fakeapp1"));
    assert_eq!(created.created_at, Some(1_734_537_437));
    assert_eq!(created.has_hard_bounced, Some(false));
    assert_eq!(created.custom_attributes.get("plan"), Some(&json!("pro")));
    let tags = created.tags.as_ref().expect("tags");
    assert_eq!(tags.url, Some(format!("/contacts/{}/tags", created.id)));
    assert_eq!(tags.total_count, Some(0));

    let fetched = client.contacts().get(&created.id).await?;
    assert_eq!(fetched.id, created.id);
    assert_eq!(fetched.email.as_deref(), Some("Ada@Example.com"));

    clock.advance(Duration::from_secs(60));
    let updated = client
        .contacts()
        .update(
            &created.id,
            UpdateContact::new().custom_attribute("seats", 5),
        )
        .await?;
    assert_eq!(updated.custom_attributes.get("plan"), Some(&json!("pro")));
    assert_eq!(updated.custom_attributes.get("seats"), Some(&json!(5)));
    assert_eq!(updated.created_at, Some(1_734_537_437));
    assert_eq!(updated.updated_at, Some(1_734_537_497));

    let by_external = client.contacts().get_by_external_id("user-42").await?;
    assert_eq!(by_external.id, created.id);

    let stored = fake.contact(&created.id).expect("stored");
    assert_eq!(stored["type"], "contact");
    assert_eq!(stored["location"]["type"], "location");
    assert_eq!(
        stored["custom_attributes"],
        json!({"plan": "pro", "seats": 5})
    );
    assert_eq!(fake.contact_count(), 1);
    Ok(())
}

#[tokio::test]
async fn external_ids_are_percent_decoded() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = fake.client()?;
    let odd = "team/ä b?x";
    let created = client
        .contacts()
        .create(CreateContact::with_external_id(odd))
        .await?;
    let found = client.contacts().get_by_external_id(odd).await?;
    assert_eq!(found.id, created.id);
    assert_eq!(found.external_id.as_deref(), Some(odd));
    let err = client
        .contacts()
        .get_by_external_id("nobody")
        .await
        .expect_err("absent");
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
    Ok(())
}

#[tokio::test]
async fn duplicates_conflict_and_bad_bodies_are_refused() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = fake.client()?;
    let ada = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com").external_id("u-1"))
        .await?;

    let err = client
        .contacts()
        .create(CreateContact::with_email("ADA@example.com"))
        .await
        .expect_err("duplicate email");
    assert!(err.is_conflict());
    assert_eq!(err.code(), Some(&ErrorCode::Conflict));
    let expected = format!(
        "A contact matching those details already exists with id={}",
        ada.id
    );
    assert_eq!(api_message(&err), Some(expected.as_str()));

    let err = client
        .contacts()
        .create(CreateContact::with_external_id("u-1"))
        .await
        .expect_err("duplicate external id");
    assert_eq!(err.status(), Some(StatusCode::CONFLICT));

    let other = client
        .contacts()
        .create(CreateContact::with_email("bob@example.com"))
        .await?;
    let err = client
        .contacts()
        .update(&other.id, UpdateContact::new().email("ada@example.com"))
        .await
        .expect_err("update into a duplicate");
    assert!(err.is_conflict());
    assert_eq!(fake.contact_count(), 2);

    // What the client refuses before sending, the fake refuses too.
    let token = Some(fake.token());
    let (status, _, body) = raw(
        &fake,
        Method::POST,
        "/contacts",
        token,
        &[],
        Some(r#"{"name":"x"}"#),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["code"], "parameter_invalid");
    assert_eq!(body["errors"][0]["field"], "email");

    let (status, _, body) = raw(
        &fake,
        Method::POST,
        "/contacts",
        token,
        &[],
        Some(r#"{"email": "a@b.c""#),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["type"], "error.list");
    assert_eq!(body["errors"][0]["code"], "parameter_invalid");
    assert!(is_uuid_like(
        body["request_id"].as_str().unwrap_or_default()
    ));

    let (status, _, body) = raw(
        &fake,
        Method::POST,
        "/contacts",
        token,
        &[],
        Some(r#"{"email": "c@d.e", "signed_up_at": "yesterday"}"#),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["field"], "signed_up_at");
    assert_eq!(fake.contact_count(), 2);
    Ok(())
}

#[tokio::test]
async fn archive_block_merge_and_delete() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = fake.client()?;
    let user = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com").external_id("u-1"))
        .await?;
    let lead = client
        .contacts()
        .create(
            CreateContact::lead()
                .phone("+353 1 555 0100")
                .custom_attribute("source", "ads"),
        )
        .await?;
    assert_eq!(lead.role, Some(ContactRole::Lead));

    let archived = client.contacts().archive(&user.id).await?;
    assert_eq!(
        (
            archived.id.as_str(),
            archived.external_id.as_deref(),
            archived.archived
        ),
        (user.id.as_str(), Some("u-1"), true)
    );
    assert!(!client.contacts().unarchive(&user.id).await?.archived);
    assert!(client.contacts().block(&user.id).await?.blocked);

    let merged = client
        .contacts()
        .merge(MergeContacts::new(&lead.id, &user.id))
        .await?;
    assert_eq!(merged.id, user.id);
    assert_eq!(merged.phone.as_deref(), Some("+353 1 555 0100"));
    assert_eq!(merged.custom_attributes.get("source"), Some(&json!("ads")));
    let err = client
        .contacts()
        .get(&lead.id)
        .await
        .expect_err("merged away");
    assert_eq!(err.status(), Some(StatusCode::GONE));
    assert_eq!(err.code(), Some(&ErrorCode::ContactMerged));
    assert_eq!(
        err.as_api().and_then(|a| a.merged_into()),
        Some(user.id.as_str())
    );

    let err = client
        .contacts()
        .merge(MergeContacts::new(&user.id, &user.id))
        .await
        .expect_err("into itself");
    assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));

    let deleted = client.contacts().delete(&user.id).await?;
    assert!(deleted.deleted);
    assert_eq!(deleted.external_id.as_deref(), Some("u-1"));
    let err = client.contacts().get(&user.id).await.expect_err("deleted");
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    assert_eq!(api_message(&err), Some("Contact Not Found"));
    assert_eq!(fake.contact_count(), 0);
    Ok(())
}

#[tokio::test]
async fn contact_sub_lists_start_empty_and_well_shaped() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = fake.client()?;
    let id = fake.insert_contact(json!({"email": "ada@example.com"}));
    assert!(client.contacts().list_tags(&id).await?.data.is_empty());
    assert!(client.contacts().list_segments(&id).await?.data.is_empty());
    assert!(
        client
            .contacts()
            .list_subscriptions(&id)
            .await?
            .data
            .is_empty()
    );
    let notes = client.contacts().list_notes(&id).await?;
    assert!(notes.items.is_empty() && notes.is_last());
    let companies = client.contacts().list_companies(&id).await?;
    assert!(companies.items.is_empty() && companies.is_last());
    let err = client
        .contacts()
        .list_tags("nope")
        .await
        .expect_err("absent");
    assert!(err.is_not_found());
    Ok(())
}

#[tokio::test]
async fn list_yields_every_contact_once_across_pages() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = fake.client()?;
    let seeded = fake.seed_contacts(5);
    assert_eq!(fake.contact_count(), 5);

    let ids: Vec<String> = client
        .contacts()
        .list()
        .per_page(2)
        .items()
        .map_ok(|c| c.id)
        .try_collect()
        .await?;
    assert_eq!(ids, seeded);

    let pages: Vec<_> = client
        .contacts()
        .list()
        .per_page(2)
        .pages()
        .try_collect()
        .await?;
    let shape: Vec<_> = pages
        .iter()
        .map(|p| {
            (
                p.items.len(),
                p.page,
                p.total_pages,
                p.total_count,
                p.is_last(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (2, Some(1), Some(3), Some(5), false),
            (2, Some(2), Some(3), Some(5), false),
            (1, Some(3), Some(3), Some(5), true),
        ]
    );
    let list_requests = fake
        .received_requests()
        .await
        .iter()
        .filter(|r| r.method.as_str() == "GET" && r.url.path() == "/contacts")
        .count();
    assert_eq!(list_requests, 6);

    // A cursor stays valid when the contact it points after is deleted.
    let first = client.contacts().list().per_page(2).await?;
    let next = first.next_cursor().expect("more").clone();
    client.contacts().delete(&seeded[1]).await?;
    let second = client
        .contacts()
        .list()
        .per_page(2)
        .starting_from(next)
        .await?;
    let ids: Vec<_> = second.items.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec![seeded[2].as_str(), seeded[3].as_str()]);

    // Default and clamped page sizes.
    fake.seed_contacts(200);
    assert_eq!(client.contacts().list().await?.items.len(), 50);
    let (status, _, body) = raw(
        &fake,
        Method::GET,
        "/contacts?per_page=500",
        Some(fake.token()),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"].as_array().map(Vec::len), Some(150));
    assert_eq!(body["pages"]["per_page"], 150);
    let (status, _, body) = raw(
        &fake,
        Method::GET,
        "/contacts?starting_after=bogus",
        Some(fake.token()),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["field"], "starting_after");
    Ok(())
}

fn seed_people(fake: &FakeIntercom) {
    for (email, role, plan, seats) in [
        ("ada@example.com", "user", "pro", 5),
        ("bob@example.org", "user", "free", 1),
        ("cy@example.com", "lead", "free", 2),
        ("dee@corp.io", "user", "pro", 20),
    ] {
        fake.insert_contact(json!({
            "email": email,
            "role": role,
            "custom_attributes": {"plan": plan, "seats": seats},
        }));
    }
}

async fn emails(client: &Client, search: impl Into<ContactSearch>) -> Vec<String> {
    client
        .contacts()
        .search(search)
        .items()
        .map_ok(|c| c.email.unwrap_or_default())
        .try_collect()
        .await
        .expect("search")
}

#[tokio::test]
async fn search_evaluates_intercoms_query_language() -> TestResult {
    let fake = FakeIntercom::start().await;
    seed_people(&fake);
    let client = fake.client()?;

    assert_eq!(
        emails(&client, field("email").contains("EXAMPLE")).await,
        ["ada@example.com", "bob@example.org", "cy@example.com"]
    );
    assert_eq!(
        emails(
            &client,
            Query::and([
                field("custom_attributes.plan").eq("pro"),
                field("custom_attributes.seats").gt(10),
            ])
        )
        .await,
        ["dee@corp.io"]
    );
    assert_eq!(
        emails(
            &client,
            Query::or([field("role").eq("lead"), field("email").ends_with(".org")])
        )
        .await,
        ["bob@example.org", "cy@example.com"]
    );
    assert_eq!(
        emails(
            &client,
            field("custom_attributes.plan").is_in(vec!["pro", "enterprise"])
        )
        .await,
        ["ada@example.com", "dee@corp.io"]
    );
    assert_eq!(
        emails(&client, field("role").not_in(vec!["user"])).await,
        ["cy@example.com"]
    );
    assert_eq!(
        emails(
            &client,
            Query::and([
                field("email").contains("example"),
                Query::or([
                    field("custom_attributes.plan").eq("pro"),
                    field("role").eq("lead"),
                ]),
            ])
        )
        .await,
        ["ada@example.com", "cy@example.com"]
    );
    assert_eq!(
        emails(
            &client,
            ContactSearch::new(field("custom_attributes.seats").ge(2))
                .sort("custom_attributes.seats", SortOrder::Descending)
        )
        .await,
        ["dee@corp.io", "ada@example.com", "cy@example.com"]
    );
    assert!(
        emails(&client, field("email").starts_with("zed"))
            .await
            .is_empty()
    );

    // Search pages with the body cursor.
    let first = client
        .contacts()
        .search(field("email").contains("example"))
        .per_page(2)
        .await?;
    assert_eq!(first.items.len(), 2);
    assert_eq!(first.total_count, Some(3));
    assert_eq!((first.page, first.total_pages), (Some(1), Some(2)));
    let all: Vec<_> = client
        .contacts()
        .search(field("email").contains("example"))
        .per_page(2)
        .pages()
        .try_collect()
        .await?;
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].items.len(), 1);
    assert!(all[1].is_last());
    Ok(())
}

#[tokio::test]
async fn search_refuses_what_intercom_refuses() -> TestResult {
    let fake = FakeIntercom::start().await;
    let token = Some(fake.token());
    let leaf = json!({"field": "role", "operator": "=", "value": "user"});
    let cases = [
        (
            json!({"query": {"operator": "AND", "value": [
                {"operator": "OR", "value": [{"operator": "AND", "value": [leaf]}]}
            ]}}),
            "parameter_invalid",
            "2 levels",
        ),
        (
            json!({"query": {"operator": "OR", "value": vec![leaf.clone(); 16]}}),
            "parameter_invalid",
            "at most 15",
        ),
        (
            json!({"query": {"field": "role", "operator": "IN", "value": "user"}}),
            "parameter_invalid",
            "array",
        ),
        (
            json!({"query": leaf, "sort": {"field": "created_at", "order": "sideways"}}),
            "invalid_sort_order",
            "ascending or descending",
        ),
        (
            json!({"pagination": {"per_page": 5}}),
            "parameter_not_found",
            "query",
        ),
    ];
    for (body, code, needle) in cases {
        let body = body.to_string();
        let (status, _, answer) = raw(
            &fake,
            Method::POST,
            "/contacts/search",
            token,
            &[],
            Some(&body),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer["errors"][0]["code"], code, "{body}");
        let message = answer["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains(needle), "{message}");
    }
    // Fifteen filters in a group and two levels are fine.
    let ok = json!({"query": {"operator": "AND", "value": [
        {"operator": "OR", "value": vec![leaf; 15]}
    ]}})
    .to_string();
    let (status, _, answer) = raw(
        &fake,
        Method::POST,
        "/contacts/search",
        token,
        &[],
        Some(&ok),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["total_count"], 0);
    Ok(())
}

#[tokio::test]
async fn bad_token_is_401_with_a_request_id() -> TestResult {
    let fake = FakeIntercom::builder().token("s3cret").start().await;
    assert_eq!(fake.token(), "s3cret");
    let client = fake.client_builder().token("wrong").build()?;
    let err = client.admins().me().await.expect_err("unauthorized");
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(err.code(), Some(&ErrorCode::Unauthorized));
    assert_eq!(api_message(&err), Some("Access Token Invalid"));
    let request_id = err.request_id().expect("request id");
    assert!(is_uuid_like(request_id), "{request_id}");
    assert!(client.rate_limit().is_none(), "no quota headers on a 401");

    let (status, headers, body) = raw(&fake, Method::GET, "/me", None, &[], None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["errors"][0]["code"], "unauthorized");
    assert_eq!(
        header(&headers, "x-request-id"),
        body["request_id"].as_str()
    );

    assert!(fake.client()?.admins().me().await.is_ok());
    Ok(())
}

#[tokio::test]
async fn unknown_version_header_is_400() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = fake
        .client_builder()
        .version(ApiVersion::new("2.99")?)
        .build()?;
    let err = client.admins().me().await.expect_err("no such version");
    assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));
    assert_eq!(err.code(), Some(&ErrorCode::IntercomVersionInvalid));
    assert!(err.request_id().is_some());

    let token = Some(fake.token());
    for (version, want) in [
        ("latest", StatusCode::BAD_REQUEST),
        ("1.5", StatusCode::BAD_REQUEST),
        ("2.016", StatusCode::BAD_REQUEST),
        ("1.0", StatusCode::OK),
        ("1.4", StatusCode::OK),
        ("2.11", StatusCode::OK),
        ("2.16", StatusCode::OK),
        ("Unstable", StatusCode::OK),
        ("Preview", StatusCode::OK),
    ] {
        let (status, _, _) = raw(
            &fake,
            Method::GET,
            "/me",
            token,
            &[("Intercom-Version", version)],
            None,
        )
        .await;
        assert_eq!(status, want, "{version}");
    }
    let (status, _, _) = raw(&fake, Method::GET, "/me", token, &[], None).await;
    assert_eq!(status, StatusCode::OK, "the header is optional");
    Ok(())
}

#[tokio::test]
async fn me_describes_admin_and_workspace() -> TestResult {
    let clock = ManualClock::at(1_671_465_577);
    let fake = FakeIntercom::builder().clock(clock).start().await;
    let me = fake.client()?.admins().me().await?;
    assert_eq!(me.id, "991267");
    assert_eq!(me.email.as_deref(), Some("admin@example.com"));
    let app = me.app.expect("app");
    assert_eq!(app.id_code.as_deref(), Some("fakeapp1"));
    assert_eq!(app.name.as_deref(), Some("Fake Intercom"));
    assert_eq!(app.region.as_deref(), Some("US"));
    assert_eq!(app.created_at, Some(1_671_465_577));
    assert_eq!(app.identity_verification, Some(false));
    Ok(())
}

#[tokio::test]
async fn rate_limit_headers_reach_the_client() -> TestResult {
    let clock = ManualClock::at(1_700_000_003);
    let fake = FakeIntercom::builder().clock(clock).start().await;
    let client = fake.client()?;
    assert!(client.rate_limit().is_none());
    client.admins().me().await?;
    let rl = client.rate_limit().expect("headers seen");
    assert_eq!(
        (rl.limit, rl.remaining, rl.reset_unix()),
        (10_000, 9_999, 1_700_000_010)
    );
    client.contacts().list().await?;
    assert_eq!(client.rate_limit().map(|r| r.remaining), Some(9_998));
    Ok(())
}

#[tokio::test]
async fn quota_is_enforced_per_aligned_window() -> TestResult {
    let clock = ManualClock::at(1_700_000_005);
    let fake = FakeIntercom::builder()
        .clock(clock.clone())
        .quota(3, Duration::from_secs(10))
        .start()
        .await;
    let client = strict(&fake);

    for left in [2, 1, 0] {
        client.admins().me().await?;
        let rl = client.rate_limit().expect("headers");
        assert_eq!(
            (rl.limit, rl.remaining, rl.reset_unix()),
            (3, left, 1_700_000_010)
        );
    }
    let err = client.admins().me().await.expect_err("over quota");
    assert_eq!(err.status(), Some(StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(err.code(), Some(&ErrorCode::RateLimitExceeded));
    match &err {
        Error::RateLimited {
            reset_at, attempts, ..
        } => {
            assert_eq!(
                *reset_at,
                Some(UNIX_EPOCH + Duration::from_secs(1_700_000_010))
            );
            assert_eq!(*attempts, 1);
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }

    let (status, headers, body) =
        raw(&fake, Method::GET, "/me", Some(fake.token()), &[], None).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["errors"][0]["code"], "rate_limit_exceeded");
    assert_eq!(
        body["errors"][0]["message"],
        "Exceeded rate limit of 3 in 10_seconds"
    );
    assert_eq!(header(&headers, "x-ratelimit-remaining"), Some("0"));
    assert_eq!(header(&headers, "x-ratelimit-reset"), Some("1700000010"));

    // Still inside the window one second before its end; the next one is fresh.
    clock.advance(Duration::from_secs(4));
    assert!(client.admins().me().await.is_err());
    clock.advance(Duration::from_secs(1));
    client.admins().me().await?;
    let rl = client.rate_limit().expect("headers");
    assert_eq!((rl.remaining, rl.reset_unix()), (2, 1_700_000_020));
    Ok(())
}

#[tokio::test]
async fn a_pacing_client_waits_out_the_quota_in_zero_real_time() -> TestResult {
    let clock = ManualClock::at(1_700_000_000);
    let fake = FakeIntercom::builder()
        .clock(clock.clone())
        .quota(2, Duration::from_secs(10))
        .start()
        .await;
    // The client sleeps on the same hand-moved clock the fake reads.
    let client = fake.client_builder().clock(clock.clone()).build()?;
    let started = Instant::now();
    for _ in 0..5 {
        client.admins().me().await?;
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(clock.unix() >= 1_700_000_020, "waited two windows");
    assert_eq!(
        fake.received_requests().await.len(),
        5,
        "no request hit a 429"
    );
    Ok(())
}

#[tokio::test]
async fn status_faults_carry_fitting_error_codes() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = strict(&fake);
    for (status, code) in [
        (500, ErrorCode::ServerError),
        (503, ErrorCode::ServiceUnavailable),
        (504, ErrorCode::RequestTimeout),
        (404, ErrorCode::NotFound),
        (429, ErrorCode::RateLimitExceeded),
    ] {
        fake.inject(Fault::Status(status), 1);
        let err = client.admins().me().await.expect_err("fault");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(err.code(), Some(&code), "{status}");
        if status != 429 {
            assert!(err.request_id().is_some(), "{status}");
        }
    }
    // A 429 fault says no quota is left.
    fake.inject(Fault::Status(429), 1);
    client.admins().me().await.expect_err("fault");
    assert_eq!(client.rate_limit().map(|r| r.remaining), Some(0));
    // Faults are used up; the next request is served.
    assert_eq!(client.admins().me().await?.id, "991267");
    Ok(())
}

#[tokio::test]
async fn retries_ride_out_injected_5xx() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = fake
        .client_builder()
        .retry(
            RetryPolicy::default()
                .base_delay(Duration::from_millis(1))
                .max_delay(Duration::from_millis(2)),
        )
        .build()?;
    fake.inject(Fault::Status(503), 2);
    let me = client.admins().me().await?;
    assert_eq!(me.id, "991267");
    assert_eq!(fake.received_requests().await.len(), 3);
    Ok(())
}

#[tokio::test]
async fn faults_apply_in_order_to_unauthenticated_requests_too() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = strict(&fake);
    let stranger = fake
        .client_builder()
        .token("wrong")
        .retry(RetryPolicy::none())
        .build()?;
    fake.inject(Fault::Status(500), 1);
    fake.inject(Fault::Html(502), 1);

    let first = stranger.admins().me().await.expect_err("fault");
    assert_eq!(first.status(), Some(StatusCode::INTERNAL_SERVER_ERROR));
    let second = client.admins().me().await.expect_err("fault");
    assert_eq!(second.status(), Some(StatusCode::BAD_GATEWAY));
    let third = stranger.admins().me().await.expect_err("401 again");
    assert_eq!(third.status(), Some(StatusCode::UNAUTHORIZED));
    Ok(())
}

#[tokio::test]
async fn html_fault_is_an_api_error_without_entries() -> TestResult {
    let fake = FakeIntercom::start().await;
    fake.inject(Fault::Html(502), 1);
    let err = strict(&fake).admins().me().await.expect_err("proxy page");
    let api = err.as_api().expect("api error");
    assert_eq!(api.status, StatusCode::BAD_GATEWAY);
    assert!(api.errors.is_empty());
    assert_eq!(err.code(), None);
    assert!(
        api.body_snippet.contains("<title>502 Bad Gateway</title>"),
        "{}",
        api.body_snippet
    );
    Ok(())
}

#[tokio::test]
async fn truncated_body_is_a_decode_error_and_the_write_happened() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = strict(&fake);
    fake.inject(Fault::TruncatedBody, 2);

    let err = client.admins().me().await.expect_err("cut off");
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::OK));

    let err = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await
        .expect_err("cut off");
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(
        fake.contact_count(),
        1,
        "the contact was created all the same"
    );
    Ok(())
}

#[tokio::test]
async fn delay_fault_slows_one_answer() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = strict(&fake);

    fake.inject(Fault::Delay(Duration::from_millis(50)), 1);
    let started = Instant::now();
    client.admins().me().await?;
    assert!(started.elapsed() >= Duration::from_millis(50));

    fake.inject(Fault::Delay(Duration::from_millis(500)), 1);
    let err = client
        .admins()
        .me()
        .timeout(Duration::from_millis(20))
        .await
        .expect_err("timed out");
    assert!(matches!(err, Error::Timeout { attempts: 1, .. }), "{err:?}");

    let started = Instant::now();
    client.admins().me().await?;
    assert!(started.elapsed() < Duration::from_millis(500));
    Ok(())
}

#[tokio::test]
async fn unknown_routes_are_loud_and_mountable() -> TestResult {
    let fake = FakeIntercom::start().await;
    let client = strict(&fake);

    let err = client
        .request::<Value>(Method::GET, "/foo")
        .await
        .expect_err("not served");
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
    // Its own code, so a missing route is not mistaken for a missing record.
    assert_eq!(
        err.code().map(ErrorCode::as_str),
        Some(intercom_api::mock::ROUTE_NOT_FOUND)
    );
    assert_eq!(
        api_message(&err),
        Some("FakeIntercom does not serve GET /foo")
    );

    let err = client
        .request::<Value>(Method::PATCH, "/contacts")
        .await
        .expect_err("not served");
    assert_eq!(
        api_message(&err),
        Some("FakeIntercom does not serve PATCH /contacts")
    );

    // A mock mounted on the server takes precedence over the fake.
    wiremock::Mock::given(wiremock::matchers::path("/teams"))
        .respond_with(
            wiremock::ResponseTemplate::new(200)
                .set_body_json(json!({"type": "team.list", "teams": []})),
        )
        .mount(fake.server())
        .await;
    let teams: Value = client.request(Method::GET, "/teams").await?;
    assert_eq!(teams["type"], "team.list");
    Ok(())
}

/// The search cursor names the last contact served, as Intercom's does: a
/// contact of the first page that disappears before the second page is asked
/// for must not make the second page skip one.
#[tokio::test]
async fn a_search_cursor_survives_changes_between_pages() -> TestResult {
    let fake = FakeIntercom::start().await;
    fake.seed_contacts(5);
    let client = fake.client()?;
    let search = || {
        client
            .contacts()
            .search(
                intercom_api::contacts::ContactSearch::new(field("email").contains("@example.com"))
                    .sort("email", SortOrder::Ascending),
            )
            .per_page(2)
    };
    let first = search().await?;
    let emails = |p: &intercom_api::Page<intercom_api::contacts::Contact>| -> Vec<String> {
        p.items.iter().filter_map(|c| c.email.clone()).collect()
    };
    assert_eq!(emails(&first), ["user1@example.com", "user2@example.com"]);
    client.contacts().delete(&first.items[0].id).await?;
    let second = search()
        .starting_from(first.next.clone().ok_or("a next cursor")?)
        .await?;
    assert_eq!(emails(&second), ["user3@example.com", "user4@example.com"]);
    Ok(())
}
