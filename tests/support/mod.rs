//! Helpers shared by the integration tests (`mod support;` in each test crate).
//!
//! - [`Harness`]: a wiremock server on 127.0.0.1 with a catch-all stub, and a
//!   client pointed at it (no retries, so a failure shows up at once).
//! - [`stub`] / [`stub_json`]: an exact stub for one request — method, path,
//!   the *whole* query string, the standard headers, and the body (exact
//!   JSON, or none at all).
//! - [`fixture`]: a response body from `fixtures/`; [`starting_after`]: the
//!   next cursor of a paged one.
//! - [`ok`], [`error_response`] and [`api_error`]: answers for the stubs.
//! - [`invalid_field`]: the field an `Error::InvalidInput` names.
//! - [`spec`] and [`openapi`]: the OpenAPI document and a small validator,
//!   for the fixture-schema and coverage tests; [`requests`]: the requests
//!   the SDK builds, checked against the spec's operations.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

pub mod openapi;
pub mod replay;
pub mod requests;
pub mod spec;

use std::path::PathBuf;

use intercom_api::{Client, Error, RetryPolicy};
use serde_json::{Value, json};
use wiremock::matchers::{any, header, method, path};
use wiremock::{Match, Mock, MockBuilder, MockServer, Request, Respond, ResponseTemplate};

/// A blocking client against a wiremock server on 127.0.0.1, with the
/// runtime that serves the server (feature `blocking`). Fields drop in
/// order: the server (verifying its `expect`ations) before the runtime.
#[cfg(feature = "blocking")]
pub struct BlockingHarness {
    pub server: MockServer,
    pub client: intercom_api::blocking::Client,
    pub rt: tokio::runtime::Runtime,
}

#[cfg(feature = "blocking")]
impl BlockingHarness {
    /// A fresh server and a blocking client without retries pointed at it.
    pub fn start() -> Self {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let server = rt.block_on(MockServer::start());
        let client = intercom_api::blocking::Client::builder()
            .token(TOKEN)
            .base_url(server.uri())
            .retry(RetryPolicy::none())
            .build_blocking()
            .expect("blocking client");
        BlockingHarness { server, client, rt }
    }

    /// Mount `mock` on the server.
    pub fn mount(&self, mock: Mock) {
        self.rt.block_on(mock.mount(&self.server));
    }
}

/// A clock whose sleeps return at once, move its time and are recorded: the
/// waits of a job poller or pacer are virtual, and a test reads them back.
#[derive(Debug, Clone)]
pub struct InstantClock(
    std::sync::Arc<std::sync::Mutex<(std::time::SystemTime, Vec<std::time::Duration>)>>,
);

impl InstantClock {
    /// Starting at `unix_secs`.
    pub fn at(unix_secs: u64) -> Self {
        let start = std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix_secs);
        InstantClock(std::sync::Arc::new(std::sync::Mutex::new((
            start,
            Vec::new(),
        ))))
    }

    /// Every sleep asked for, in order.
    pub fn sleeps(&self) -> Vec<std::time::Duration> {
        self.0.lock().unwrap().1.clone()
    }

    /// The sleeps in whole seconds.
    pub fn sleep_secs(&self) -> Vec<u64> {
        self.sleeps()
            .iter()
            .map(std::time::Duration::as_secs)
            .collect()
    }
}

impl intercom_api::Clock for InstantClock {
    fn now(&self) -> std::time::SystemTime {
        self.0.lock().unwrap().0
    }
    fn sleep(&self, d: std::time::Duration) -> intercom_api::Sleep {
        let mut state = self.0.lock().unwrap();
        state.0 += d;
        state.1.push(d);
        Box::pin(std::future::ready(()))
    }
}

/// A header of a request the server received, as text.
pub fn header_of<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers.get(name).and_then(|v| v.to_str().ok())
}

/// The token every test client sends.
pub const TOKEN: &str = "test-token";
/// What every `User-Agent` of this crate starts with.
pub const USER_AGENT_PREFIX: &str = "intercom-api-rust/";

/// The crate root (where `Cargo.toml`, `fixtures/` and `tests/` live).
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture by its path under `fixtures/` without `.json`, e.g.
/// `contacts/ShowContact` or `errors/not_found`.
pub fn fixture(name: &str) -> Value {
    let file = manifest_dir().join("fixtures").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", file.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("fixture {} is not JSON: {e}", file.display()))
}

/// `pages.next.starting_after` of a cursor-paged fixture.
pub fn starting_after(fixture_name: &str) -> String {
    fixture(fixture_name)["pages"]["next"]["starting_after"]
        .as_str()
        .expect("the fixture has a next cursor")
        .to_owned()
}

/// The field of an `Error::InvalidInput`; panics on any other error.
pub fn invalid_field(err: Error) -> String {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected Error::InvalidInput, got {other:?}"),
    }
}

/// A wiremock server with a catch-all stub, and a client for it.
pub struct Harness {
    pub server: MockServer,
    pub client: Client,
}

impl Harness {
    /// Start the server, mount the catch-all and build the client.
    ///
    /// The catch-all has the lowest priority, so it only answers requests no
    /// exact stub matched: with a `500` whose `errors[0].message` describes
    /// the request (so the SDK's error says what was sent), and it expects to
    /// be hit zero times, so `finish` fails even if the SDK swallowed the 500.
    pub async fn start() -> Self {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(Unmatched)
            .with_priority(u8::MAX)
            .named("catch-all (a request matched no exact stub)")
            .expect(0)
            .mount(&server)
            .await;
        let client = Client::builder()
            .token(TOKEN)
            .base_url(server.uri())
            .retry(RetryPolicy::none())
            .build()
            .expect("client builds");
        Harness { server, client }
    }

    /// Every request the server received, in order.
    pub async fn requests(&self) -> Vec<Request> {
        self.server
            .received_requests()
            .await
            .expect("request recording is on")
    }

    /// Assert nothing at all reached the server.
    pub async fn assert_no_requests(&self) {
        let got = self.requests().await;
        assert!(
            got.is_empty(),
            "expected zero requests, the server received {}: {:?}",
            got.len(),
            got.iter().map(describe).collect::<Vec<_>>()
        );
    }

    /// Check every stub's `expect(..)` and that every request carried this
    /// crate's `User-Agent`.
    pub async fn finish(&self) {
        for req in self.requests().await {
            let ua = req
                .headers
                .get("user-agent")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            assert!(
                ua.starts_with(USER_AGENT_PREFIX),
                "User-Agent `{ua}` does not start with `{USER_AGENT_PREFIX}` ({})",
                describe(&req)
            );
        }
        self.server.verify().await;
    }
}

/// `METHOD /path?query body`, for failure messages.
pub fn describe(req: &Request) -> String {
    let body = String::from_utf8_lossy(&req.body);
    let mut s = format!("{} {}", req.method, req.url.path());
    if let Some(q) = req.url.query() {
        s.push('?');
        s.push_str(q);
    }
    if !body.is_empty() {
        s.push(' ');
        s.push_str(&body);
    }
    s
}

struct Unmatched;

impl Respond for Unmatched {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let headers: Vec<String> = req
            .headers
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.to_str().unwrap_or("<binary>")))
            .collect();
        ResponseTemplate::new(500).set_body_json(json!({
            "type": "error.list",
            "request_id": null,
            "errors": [{
                "code": "unmatched_request",
                "message": format!("no exact stub matched {} [{}]", describe(req), headers.join("; ")),
            }],
        }))
    }
}

/// The matchers every request of the SDK must satisfy: method, path, exact
/// query, bearer token, pinned version, JSON accept, and the crate's UA.
fn base(http_method: &str, exact_path: &str, query: &[(&str, &str)]) -> MockBuilder {
    Mock::given(method(http_method))
        .and(path(exact_path))
        .and(ExactQuery::new(query))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("intercom-version", "2.16"))
        .and(header("accept", accept_for(exact_path)))
        .and(UserAgentPrefix)
}

/// The `Accept` the SDK sends: JSON, except for the download endpoints,
/// which require `application/octet-stream`, and call transcripts (plain
/// text).
fn accept_for(exact_path: &str) -> &'static str {
    if exact_path.starts_with("/download/") || exact_path.ends_with("/recording") {
        "application/octet-stream"
    } else if exact_path.starts_with("/calls/") && exact_path.ends_with("/transcript") {
        "text/plain"
    } else {
        "application/json"
    }
}

/// An exact stub for a request without a body (no body bytes, no
/// `Content-Type`).
pub fn stub(http_method: &str, exact_path: &str, query: &[(&str, &str)]) -> MockBuilder {
    base(http_method, exact_path, query).and(NoBody)
}

/// An exact stub for a request with a JSON body equal to `body`.
pub fn stub_json(
    http_method: &str,
    exact_path: &str,
    query: &[(&str, &str)],
    body: Value,
) -> MockBuilder {
    base(http_method, exact_path, query)
        .and(header("content-type", "application/json"))
        .and(wiremock::matchers::body_json(body))
}

/// A `200` answering with `body`.
pub fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("content-type", "application/json")
        .set_body_json(body)
}

/// An error answer with an `errors/` fixture as body.
pub fn error_response(status: u16, error_fixture: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .insert_header("content-type", "application/json")
        .set_body_json(fixture(&format!("errors/{error_fixture}")))
}

/// The `request_id` of every [`api_error`] answer.
pub const ERROR_REQUEST_ID: &str = "b3c1d2e4-5f60-4a7b-8c9d-0e1f2a3b4c5d";

/// An Intercom `error.list` answer with one `errors[]` entry and
/// [`ERROR_REQUEST_ID`], for codes without a shared `fixtures/errors/` file.
pub fn api_error(status: u16, code: &str, message: &str) -> ResponseTemplate {
    api_error_with_id(status, code, message, ERROR_REQUEST_ID)
}

/// [`api_error`] with its own `request_id`.
pub fn api_error_with_id(
    status: u16,
    code: &str,
    message: &str,
    request_id: &str,
) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .insert_header("content-type", "application/json")
        .set_body_json(json!({
            "type": "error.list",
            "request_id": request_id,
            "errors": [{"code": code, "message": message}],
        }))
}

/// Matches when the request's query pairs are exactly `expected` (in any
/// order): stricter than `query_param`, which ignores extra parameters.
#[derive(Debug)]
pub struct ExactQuery(Vec<(String, String)>);

impl ExactQuery {
    pub fn new(expected: &[(&str, &str)]) -> Self {
        let mut pairs: Vec<(String, String)> = expected
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        pairs.sort();
        ExactQuery(pairs)
    }
}

impl Match for ExactQuery {
    fn matches(&self, request: &Request) -> bool {
        let mut got: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        got.sort();
        got == self.0
    }
}

/// Matches a request with an empty body and no `Content-Type`.
#[derive(Debug)]
pub struct NoBody;

impl Match for NoBody {
    fn matches(&self, request: &Request) -> bool {
        request.body.is_empty() && !request.headers.contains_key("content-type")
    }
}

/// Matches a `User-Agent` starting with [`USER_AGENT_PREFIX`].
#[derive(Debug)]
pub struct UserAgentPrefix;

impl Match for UserAgentPrefix {
    fn matches(&self, request: &Request) -> bool {
        request
            .headers
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ua| ua.starts_with(USER_AGENT_PREFIX))
    }
}
