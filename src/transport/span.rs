//! The `intercom.request` span (feature `tracing`).
//!
//! One span per call to [`Transport::send`](super::Transport::send), at
//! `INFO` level, target `intercom_api::transport::span`, with these fields:
//!
//! | field | value |
//! |---|---|
//! | `method` | `GET`, `POST`, ... |
//! | `path` | the path template: ids replaced by `{id}`, no query |
//! | `attempt` | the attempt number of the last try, from 1 |
//! | `wait_ms` | time spent waiting for quota and between retries |
//! | `status` | the HTTP status of the last answer |
//! | `rate_limit_remaining` | `X-RateLimit-Remaining` of the last answer |
//! | `request_id` | `X-Request-Id` of the last answer |
//!
//! Never the token, headers other than those two, query values or bodies.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use tracing::Span;
use tracing::field::Empty;

use super::RawRequest;
use super::rate_limit::RateLimit;
use super::template::path_template;

/// The span of one call, with the fields known before sending.
pub(crate) fn for_request(req: &RawRequest) -> Span {
    tracing::info_span!(
        "intercom.request",
        method = %req.method,
        path = %path_template(&req.path),
        attempt = Empty,
        wait_ms = Empty,
        status = Empty,
        rate_limit_remaining = Empty,
        request_id = Empty,
    )
}

/// An attempt is about to be sent, after `waited` in total.
pub(crate) fn record_attempt(span: &Span, attempt: u32, waited: Duration) {
    span.record("attempt", attempt);
    span.record(
        "wait_ms",
        u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
    );
}

/// An answer arrived.
pub(crate) fn record_response(
    span: &Span,
    status: &StatusCode,
    headers: &HeaderMap,
    rl: Option<RateLimit>,
) {
    span.record("status", status.as_u16());
    if let Some(rl) = rl {
        span.record("rate_limit_remaining", rl.remaining);
    }
    if let Some(id) = headers.get("x-request-id").and_then(|v| v.to_str().ok()) {
        span.record("request_id", id);
    }
}
