//! The fuzz targets as plain functions: `fuzz/fuzz_targets/*.rs` hand them
//! libFuzzer's bytes, and `tests/fuzz_targets.rs` runs them under proptest
//! so `cargo test` exercises them where cargo-fuzz is not installed.
//!
//! Each one feeds arbitrary bytes to a parser that takes input from outside
//! (a webhook request, an OAuth callback, an API answer, rate-limit
//! headers) and checks what must hold whatever the input: no panic, and the
//! few invariants noted inline.

use intercom_api::webhooks::{self, ReplayGuard};
use intercom_api::{ApiError, RateLimit, oauth};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use secrecy::SecretString;
use std::time::{Duration, UNIX_EPOCH};

const SECRET: &str = "fuzz-client-secret";

/// Split `data` at its first byte's value: (head, rest).
fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.split_first() {
        Some((&n, rest)) => rest.split_at(usize::from(n).min(rest.len())),
        None => (&[], &[]),
    }
}

/// A webhook request: the signature header and the body.
pub fn webhook(data: &[u8]) {
    let secret = SecretString::from(SECRET);
    let (header, body) = split(data);
    let header = String::from_utf8_lossy(header);
    // Whatever the header, a wrong one never verifies... unless it is the
    // right signature, which the fuzzer will not forge.
    let _ = webhooks::verify(&secret, body, &header);
    let _ = webhooks::verify_and_parse(&secret, body, Some(&header));
    // The right signature always verifies, and then parsing never panics.
    let good = webhooks::sign(&secret, body);
    assert_eq!(webhooks::verify(&secret, body, &good), Ok(()));
    if let Ok(n) = webhooks::verify_and_parse(&secret, body, Some(&good)) {
        let _ = n.item_json();
        let _ = n.decode_item::<serde_json::Value>();
        let _ = n.sent_at();
        let guard = ReplayGuard::new(Duration::from_secs(3600), Duration::from_secs(3600));
        let now = UNIX_EPOCH + Duration::from_secs(1_750_000_000);
        if guard.check(&n, now).is_ok() && n.id.is_some() {
            assert!(guard.check(&n, now).is_err(), "a replay was accepted");
        }
    }
}

/// An OAuth redirect: the callback URL (or query) and the stored state.
pub fn oauth_callback(data: &[u8]) {
    let (state, callback) = split(data);
    let state = oauth::State::from_stored(String::from_utf8_lossy(state).into_owned());
    let callback = String::from_utf8_lossy(callback);
    if let Ok(code) = oauth::parse_callback(&callback, &state) {
        // A code is only ever returned with the state it was sent with.
        assert!(!format!("{code:?}").is_empty());
    }
}

/// An API answer: decoded into every kind of model, and as an error body.
pub fn api_answer(data: &[u8]) {
    use intercom_api::{admins, companies, contacts, segments, tags};
    let _ = serde_json::from_slice::<contacts::Contact>(data);
    let _ = serde_json::from_slice::<companies::Company>(data);
    let _ = serde_json::from_slice::<admins::Admin>(data);
    let _ = serde_json::from_slice::<tags::Tag>(data);
    let _ = serde_json::from_slice::<segments::Segment>(data);
    let _ = serde_json::from_slice::<intercom_api::resources::conversations::Conversation>(data);
    let _ = serde_json::from_slice::<intercom_api::resources::tickets::Ticket>(data);
    let _ = serde_json::from_slice::<intercom_api::models::List<contacts::Contact>>(data);
    let _ = serde_json::from_slice::<intercom_api::calls::VoiceCall>(data);
    let _ = serde_json::from_slice::<intercom_api::calls::FinVoiceCall>(data);
    if let Ok(t) = serde_json::from_slice::<intercom_api::models::DateTime>(data) {
        let _ = t.unix_seconds();
    }
    // Any text as an ISO 8601 time: read or refused, never a panic.
    let text = String::from_utf8_lossy(data).into_owned();
    let _ = intercom_api::models::DateTime::Iso8601(text).unix_seconds();
    for status in [400u16, 404, 429, 500] {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
        let e = ApiError::from_parts(status, &HeaderMap::new(), data);
        // The snippet is bounded, whatever the body.
        assert!(e.body_snippet.len() <= 512);
        let _ = e.to_string();
    }
}

/// Rate-limit headers: three values taken from the input.
pub fn rate_limit_headers(data: &[u8]) {
    let (limit, rest) = split(data);
    let (remaining, reset) = split(rest);
    let mut headers = HeaderMap::new();
    for (name, value) in [
        ("x-ratelimit-limit", limit),
        ("x-ratelimit-remaining", remaining),
        ("x-ratelimit-reset", reset),
    ] {
        if let Ok(v) = HeaderValue::from_bytes(value) {
            headers.insert(HeaderName::from_static(name), v);
        }
    }
    if let Some(rl) = RateLimit::from_headers(&headers) {
        // A reading exists only for a reset `SystemTime` can hold.
        assert!(rl.reset_at >= UNIX_EPOCH);
        let _ = rl.reset_unix();
    }
    let e = ApiError::from_parts(StatusCode::TOO_MANY_REQUESTS, &headers, b"");
    let _ = e.to_string();
}
