//! The transport, one behaviour per test: headers, rate-limit pacing,
//! retries, timeouts, odd bodies and secrecy.
//!
//! Waits go through a [`RecordingClock`]: `sleep` returns at once and records
//! the duration, and `now` advances by what was slept. So a test can assert
//! "waited exactly until the reset" without waiting at all.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use intercom_api::contacts::{Contact, ContactRole};
use intercom_api::{ApiVersion, Client, Clock, Error, ErrorCode, RetryPolicy, Sleep};
use reqwest::Method;
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "dG9rOjEyMzQ1Njc4OnNlY3JldC10b2tlbg==";
/// The wall-clock time every test starts at.
const T0: u64 = 1_750_000_000;

#[derive(Debug, Clone)]
struct RecordingClock {
    state: Arc<Mutex<(SystemTime, Vec<Duration>)>>,
}

impl RecordingClock {
    fn new() -> Self {
        RecordingClock {
            state: Arc::new(Mutex::new((
                UNIX_EPOCH + Duration::from_secs(T0),
                Vec::new(),
            ))),
        }
    }
    fn sleeps(&self) -> Vec<Duration> {
        self.state.lock().unwrap().1.clone()
    }
}

impl Clock for RecordingClock {
    fn now(&self) -> SystemTime {
        self.state.lock().unwrap().0
    }
    fn sleep(&self, d: Duration) -> Sleep {
        let mut st = self.state.lock().unwrap();
        st.0 += d;
        st.1.push(d);
        Box::pin(std::future::ready(()))
    }
}

fn client(server: &MockServer, clock: &RecordingClock, retry: RetryPolicy) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(server.uri())
        .clock(clock.clone())
        .retry(retry.jitter(|d| d))
        .build()
        .unwrap()
}

fn rate_headers(t: ResponseTemplate, limit: u32, remaining: u32, reset: u64) -> ResponseTemplate {
    t.insert_header("x-ratelimit-limit", limit.to_string().as_str())
        .insert_header("x-ratelimit-remaining", remaining.to_string().as_str())
        .insert_header("x-ratelimit-reset", reset.to_string().as_str())
}

fn error_body(code: &str, message: &str) -> serde_json::Value {
    json!({"type": "error.list", "request_id": "b3a7c2d1-0000-4000-8000-000000000001",
           "errors": [{"code": code, "message": message}]})
}

fn me_body() -> serde_json::Value {
    json!({"type": "admin", "id": "991267", "email": "ops@example.com", "name": "Ops",
           "app": {"type": "app", "id_code": "abc123de", "name": "Acme"}})
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.map_or(0, |r| r.len())
}

#[tokio::test]
async fn every_request_sends_auth_accept_version_and_user_agent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("accept", "application/json"))
        .and(header("intercom-version", "2.16"))
        .and(header(
            "user-agent",
            format!(
                "intercom-api-rust/{} my-sync/1.2",
                env!("CARGO_PKG_VERSION")
            )
            .as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(me_body()))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(server.uri())
        .user_agent_suffix("my-sync/1.2")
        .build()
        .unwrap();
    let me = client.admins().me().await.unwrap();
    assert_eq!(me.id, "991267");
    assert_eq!(me.app.and_then(|a| a.id_code).as_deref(), Some("abc123de"));
}

#[tokio::test]
async fn version_can_be_overridden_per_client_and_per_call() {
    let server = MockServer::start().await;
    Mock::given(header("intercom-version", "2.11"))
        .respond_with(ResponseTemplate::new(200).set_body_json(me_body()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(header("intercom-version", "2.14"))
        .respond_with(ResponseTemplate::new(200).set_body_json(me_body()))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(server.uri())
        .version(ApiVersion::new("2.11").unwrap())
        .build()
        .unwrap();
    client.admins().me().await.unwrap();
    client
        .admins()
        .me()
        .version(ApiVersion::new("2.14").unwrap())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_base_url_with_a_path_prefix_is_kept() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/proxy/intercom/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(me_body()))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(format!("{}/proxy/intercom/", server.uri()))
        .build()
        .unwrap();
    client.admins().me().await.unwrap();
}

#[tokio::test]
async fn rate_limit_headers_are_read_on_every_response() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(rate_headers(
            ResponseTemplate::new(200).set_body_json(me_body()),
            167,
            166,
            T0 + 10,
        ))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let client = client(&server, &clock, RetryPolicy::default());
    assert_eq!(client.rate_limit(), None);
    client.admins().me().await.unwrap();
    let rl = client.rate_limit().unwrap();
    assert_eq!(
        (rl.limit, rl.remaining, rl.reset_unix()),
        (167, 166, T0 + 10)
    );
    // A clone shares the state.
    assert_eq!(client.clone().rate_limit(), Some(rl));
}

#[tokio::test]
async fn a_429_waits_until_the_reset_then_succeeds() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(rate_headers(
            ResponseTemplate::new(429).set_body_json(error_body(
                "rate_limit_exceeded",
                "Exceeded rate limit of 167 in 10_seconds",
            )),
            167,
            0,
            T0 + 7,
        ))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path("/me"))
        .respond_with(rate_headers(
            ResponseTemplate::new(200).set_body_json(me_body()),
            167,
            166,
            T0 + 17,
        ))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let client = client(&server, &clock, RetryPolicy::default());
    let me = client.admins().me().await.unwrap();
    assert_eq!(me.id, "991267");
    // Seven seconds to the reset, plus the 50 ms margin for whole-second headers.
    assert_eq!(clock.sleeps(), vec![Duration::from_millis(7_050)]);
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn a_429_with_retry_after_waits_that_long() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "3")
                .set_body_json(error_body("rate_limit_exceeded", "slow down")),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path("/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(me_body()))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    client(&server, &clock, RetryPolicy::default())
        .admins()
        .me()
        .await
        .unwrap();
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(3)]);
}

#[tokio::test]
async fn a_429_is_retried_even_for_a_post() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let v: serde_json::Value = client(&server, &clock, RetryPolicy::default())
        .request(Method::POST, "/tags")
        .json(&json!({"name": "vip"}))
        .await
        .unwrap();
    assert_eq!(v, json!({"ok": true}));
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn remaining_zero_makes_the_next_request_wait_for_the_reset() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(rate_headers(
            ResponseTemplate::new(200).set_body_json(me_body()),
            100,
            0,
            T0 + 4,
        ))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let client = client(&server, &clock, RetryPolicy::default());
    client.admins().me().await.unwrap();
    assert!(
        clock.sleeps().is_empty(),
        "the first request has no reason to wait"
    );
    client.admins().me().await.unwrap();
    assert_eq!(clock.sleeps(), vec![Duration::from_millis(4_050)]);
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn pacing_can_be_turned_off() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(rate_headers(
            ResponseTemplate::new(200).set_body_json(me_body()),
            100,
            0,
            T0 + 4,
        ))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let client = Client::builder()
        .token(TOKEN)
        .base_url(server.uri())
        .clock(clock.clone())
        .pacing(false)
        .build()
        .unwrap();
    client.admins().me().await.unwrap();
    client.admins().me().await.unwrap();
    assert!(clock.sleeps().is_empty());
}

#[tokio::test]
async fn clones_share_the_pacing_state() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(rate_headers(
            ResponseTemplate::new(200).set_body_json(me_body()),
            100,
            0,
            T0 + 9,
        ))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let client = client(&server, &clock, RetryPolicy::default());
    let other = client.clone();
    tokio::spawn(async move { other.admins().me().await })
        .await
        .unwrap()
        .unwrap();
    client.admins().me().await.unwrap();
    assert_eq!(clock.sleeps(), vec![Duration::from_millis(9_050)]);
}

#[tokio::test]
async fn a_reset_beyond_the_cap_fails_fast_with_the_reset_time() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(rate_headers(
            ResponseTemplate::new(429).set_body_json(error_body("rate_limit_exceeded", "later")),
            100,
            0,
            T0 + 600,
        ))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::default())
        .admins()
        .me()
        .await
        .unwrap_err();
    match &err {
        Error::RateLimited {
            reset_at, attempts, ..
        } => {
            assert_eq!(*reset_at, Some(UNIX_EPOCH + Duration::from_secs(T0 + 600)));
            assert_eq!(*attempts, 1);
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    assert!(clock.sleeps().is_empty(), "it must not hang waiting");
    assert_eq!(err.code(), Some(&ErrorCode::RateLimitExceeded));
    assert!(err.is_retryable());
    assert!(
        err.to_string()
            .contains(&format!("resets at unix time {}", T0 + 600)),
        "{err}"
    );
}

#[tokio::test]
async fn repeated_429s_end_with_rate_limited_after_the_retry_limit() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(rate_headers(ResponseTemplate::new(429), 100, 0, T0 + 1))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::default().max_retries(2))
        .admins()
        .me()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { attempts: 3, .. }),
        "{err:?}"
    );
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn a_500_on_get_is_retried_with_backoff() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(ResponseTemplate::new(500).set_body_json(error_body("server_error", "oops")))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(path("/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(me_body()))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    client(&server, &clock, RetryPolicy::default())
        .admins()
        .me()
        .await
        .unwrap();
    assert_eq!(
        clock.sleeps(),
        vec![Duration::from_millis(500), Duration::from_millis(1_000)]
    );
}

#[tokio::test]
async fn a_500_on_post_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500).set_body_json(error_body("server_error", "oops")))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::default())
        .request::<serde_json::Value>(Method::POST, "/contacts")
        .json(&json!({"email": "a@example.com"}))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert_eq!(err.code(), Some(&ErrorCode::ServerError));
    assert_eq!(requests(&server).await, 1);
    assert!(clock.sleeps().is_empty());
}

#[tokio::test]
async fn a_post_marked_idempotent_is_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let _: serde_json::Value = client(&server, &clock, RetryPolicy::default())
        .request(Method::POST, "/contacts/search")
        .json(&json!({"query": {}}))
        .idempotent()
        .await
        .unwrap();
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn retries_stop_at_the_limit_and_return_the_last_error() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(
            ResponseTemplate::new(503).set_body_json(error_body("service_unavailable", "down")),
        )
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::default())
        .admins()
        .me()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(
        err.request_id(),
        Some("b3a7c2d1-0000-4000-8000-000000000001")
    );
    assert_eq!(requests(&server).await, 4, "1 attempt + 3 retries");
    assert_eq!(clock.sleeps().len(), 3);
}

#[tokio::test]
async fn the_total_wait_cap_ends_retries_early() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(ResponseTemplate::new(502))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let policy = RetryPolicy::default()
        .max_retries(10)
        .max_total_wait(Duration::from_millis(1_600));
    let err = client(&server, &clock, policy)
        .admins()
        .me()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    // 500 + 1000 fit in 1.6 s; the next 2000 would not.
    assert_eq!(
        clock.sleeps(),
        vec![Duration::from_millis(500), Duration::from_millis(1_000)]
    );
}

#[tokio::test]
async fn a_refused_connection_is_retried_even_for_a_post() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let clock = RecordingClock::new();
    let client = Client::builder()
        .token(TOKEN)
        .base_url(format!("http://127.0.0.1:{port}"))
        .clock(clock.clone())
        .retry(RetryPolicy::default().jitter(|d| d))
        .build()
        .unwrap();
    let err = client
        .request::<serde_json::Value>(Method::POST, "/contacts")
        .json(&json!({"email": "a@example.com"}))
        .await
        .unwrap_err();
    match &err {
        Error::Transport(e) => assert!(e.is_connect(), "{e:?}"),
        other => panic!("expected a transport error, got {other:?}"),
    }
    assert!(err.is_retryable());
    assert_eq!(clock.sleeps().len(), 3, "retried three times");
}

#[tokio::test]
async fn a_timeout_is_a_typed_error_and_retried_for_get() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(me_body())
                .set_delay(Duration::from_millis(400)),
        )
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let client = Client::builder()
        .token(TOKEN)
        .base_url(server.uri())
        .clock(clock.clone())
        .timeout(Duration::from_millis(40))
        .retry(RetryPolicy::default().max_retries(1).jitter(|d| d))
        .build()
        .unwrap();
    let err = client.admins().me().await.unwrap_err();
    match &err {
        Error::Timeout {
            method,
            path,
            attempts,
        } => {
            assert_eq!(method, Method::GET);
            assert_eq!(path, "/me");
            assert_eq!(*attempts, 2);
        }
        other => panic!("expected Timeout, got {other:?}"),
    }
    assert_eq!(clock.sleeps(), vec![Duration::from_millis(500)]);
    assert!(err.is_retryable());
}

#[tokio::test]
async fn a_per_call_timeout_overrides_the_clients() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(me_body())
                .set_delay(Duration::from_millis(300)),
        )
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::none())
        .admins()
        .me()
        .timeout(Duration::from_millis(30))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { attempts: 1, .. }), "{err:?}");
}

#[tokio::test]
async fn an_html_502_page_keeps_status_and_snippet() {
    let server = MockServer::start().await;
    let page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    Mock::given(path("/me"))
        .respond_with(
            ResponseTemplate::new(502)
                .insert_header("content-type", "text/html")
                .set_body_string(page),
        )
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::none())
        .admins()
        .me()
        .await
        .unwrap_err();
    let api = err.as_api().expect("an API error");
    assert_eq!(api.status.as_u16(), 502);
    assert!(api.errors.is_empty());
    assert_eq!(api.body_snippet, page);
    assert_eq!(err.code(), None);
    assert!(
        err.to_string().starts_with("502 Bad Gateway: <html>"),
        "{err}"
    );
}

#[tokio::test]
async fn an_empty_error_body_still_yields_the_status() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::none())
        .admins()
        .me()
        .await
        .unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.to_string(), "404 Not Found");
}

#[tokio::test]
async fn truncated_json_is_a_decode_error_with_path_and_snippet() {
    let server = MockServer::start().await;
    let body = r#"{"type":"contact","id":"6762f0d01bb69f9f2193bb7d","email":"ada@exa"#;
    Mock::given(path("/contacts/6762f0d01bb69f9f2193bb7d"))
        .respond_with(ResponseTemplate::new(200).set_body_string(body))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::none())
        .contacts()
        .get("6762f0d01bb69f9f2193bb7d")
        .await
        .unwrap_err();
    match &err {
        Error::Decode(d) => {
            assert_eq!(d.status.as_u16(), 200);
            assert_eq!(d.body_snippet, body);
            assert_eq!(d.path, "email");
            assert!(d.source.is_eof(), "{:?}", d.source);
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn a_wrong_type_names_the_json_path() {
    let server = MockServer::start().await;
    Mock::given(path("/contacts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "list",
            "data": [{"id": "a"}, {"id": "b", "created_at": "yesterday"}]
        })))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let err = client(&server, &clock, RetryPolicy::none())
        .contacts()
        .list()
        .await
        .unwrap_err();
    match &err {
        Error::Decode(d) => assert_eq!(d.path, "data[1].created_at"),
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn unknown_enum_values_and_unknown_fields_decode() {
    let server = MockServer::start().await;
    Mock::given(path("/contacts/c1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "contact",
            "id": "c1",
            "role": "visitor_from_the_future",
            "brand_new_field": {"nested": [1, 2, 3]},
            "custom_attributes": {"plan": "pro", "seats": 12, "beta": true},
            "owner_id": 991267
        })))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let c: Contact = client(&server, &clock, RetryPolicy::none())
        .contacts()
        .get("c1")
        .await
        .unwrap();
    assert_eq!(
        c.role,
        Some(ContactRole::Unknown("visitor_from_the_future".into()))
    );
    assert_eq!(c.custom_attributes["seats"], json!(12));
    assert_eq!(c.owner_id.as_deref(), Some("991267"));
}

#[tokio::test]
async fn the_token_never_appears_in_debug_or_errors() {
    let server = MockServer::start().await;
    Mock::given(path("/me"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(error_body("unauthorized", "Access Token Invalid")),
        )
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let client = client(&server, &clock, RetryPolicy::none());
    let err = client.admins().me().await.unwrap_err();
    let call = client.contacts().get("x");
    let texts = [
        format!("{client:?}"),
        format!("{err}"),
        format!("{err:?}"),
        format!("{call:?}"),
        format!("{:?}", Client::builder().token(TOKEN)),
    ];
    for t in &texts {
        assert!(!t.contains(TOKEN), "token leaked: {t}");
        assert!(!t.contains("c2VjcmV0"), "token part leaked: {t}");
    }
    assert_eq!(
        err.to_string(),
        "401 unauthorized: Access Token Invalid (request_id=b3a7c2d1-0000-4000-8000-000000000001)"
    );
}

#[tokio::test]
async fn the_escape_hatch_goes_through_the_same_transport() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/teams"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("intercom-version", "2.16"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"type": "team.list", "teams": []})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let teams: serde_json::Value = client(&server, &clock, RetryPolicy::none())
        .request(Method::GET, "/teams")
        .await
        .unwrap();
    assert_eq!(teams["type"], "team.list");
}

#[tokio::test]
async fn an_empty_success_body_decodes_as_unit() {
    let server = MockServer::start().await;
    Mock::given(path("/events"))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    let clock = RecordingClock::new();
    let () = client(&server, &clock, RetryPolicy::none())
        .request(Method::POST, "/events")
        .json(&json!({"event_name": "x"}))
        .await
        .unwrap();
}

#[tokio::test]
async fn plain_http_is_refused_off_loopback() {
    let err = Client::builder()
        .token(TOKEN)
        .base_url("http://intercom-proxy.internal")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)));
}
