//! The one transport under every endpoint.
//!
//! [`Transport::send`] runs a [`RawRequest`]: it builds the URL, sends the
//! auth, version and user-agent headers, waits for rate-limit quota, reads
//! the rate-limit headers of every response, retries what [`retry::classify`]
//! allows with the waits [`RetryPolicy`] computes, and turns failures into
//! [`Error`]s. [`decode`] turns a success body into the caller's type.

pub(crate) mod clock;
pub mod quota;
pub(crate) mod rate;
pub(crate) mod request;
pub(crate) mod retry;
#[cfg(feature = "tracing")]
pub(crate) mod span;
#[cfg(any(feature = "tracing", test))]
pub(crate) mod template;
pub(crate) mod version;

use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
use serde::de::{DeserializeOwned, DeserializeSeed};
use url::Url;

pub use clock::{Clock, Sleep, SystemClock, TokioClock};
pub use rate::RateLimit;
pub use request::{CallOptions, Request};
pub use retry::{Jitter, RetryPolicy};

pub(crate) use rate::RateLimiter;
pub(crate) use request::RawRequest;
use retry::{Decision, Outcome, classify};

use crate::error::{ApiError, DecodeError, Error, snippet};
pub use version::ApiVersion;

/// The span a call records into (nothing without the `tracing` feature).
#[cfg(feature = "tracing")]
type CallSpan = tracing::Span;
#[cfg(not(feature = "tracing"))]
type CallSpan = ();

/// A success response, read whole (Intercom pages are small).
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub(crate) status: StatusCode,
    pub(crate) body: Vec<u8>,
}

/// Everything needed to send requests; shared by all clones of a client.
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: Url,
    /// `Bearer <token>`, marked sensitive so it never shows in `Debug`.
    pub(crate) auth_header: HeaderValue,
    pub(crate) version: ApiVersion,
    pub(crate) user_agent: HeaderValue,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) rate: RateLimiter,
    pub(crate) clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.base_url.as_str())
            .field("version", &self.version)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl Transport {
    /// The full URL of a request: the base URL's origin and path prefix, the
    /// request path and query. An absolute URL (a `pages.next` link) must be
    /// on the base URL's origin, so the token is never sent elsewhere.
    pub(crate) fn url_for(&self, req: &RawRequest) -> Result<Url, Error> {
        let mut url = if req.path.starts_with("https://") || req.path.starts_with("http://") {
            let url = Url::parse(&req.path)
                .map_err(|e| Error::Config(format!("invalid next-page URL: {e}")))?;
            if url.origin() != self.base_url.origin() {
                return Err(Error::Config(format!(
                    "refusing to follow a next-page URL on another origin ({}) with this client's token",
                    url.origin().ascii_serialization()
                )));
            }
            url
        } else {
            let mut url = self.base_url.clone();
            let prefix = url.path().trim_end_matches('/').to_owned();
            url.set_path(&format!("{prefix}{}", req.path));
            url
        };
        if !req.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in &req.query {
                pairs.append_pair(k, v);
            }
        }
        Ok(url)
    }

    fn headers(&self, req: &RawRequest) -> Result<HeaderMap, Error> {
        let version = req.options.version.as_ref().unwrap_or(&self.version);
        let mut h = HeaderMap::with_capacity(5);
        h.insert(AUTHORIZATION, self.auth_header.clone());
        h.insert(ACCEPT, HeaderValue::from_static("application/json"));
        h.insert(
            "intercom-version",
            HeaderValue::from_str(version.as_str())
                .map_err(|_| Error::Config("invalid Intercom-Version".into()))?,
        );
        h.insert(USER_AGENT, self.user_agent.clone());
        if req.body.is_some() {
            h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        Ok(h)
    }

    /// Send a request, pacing and retrying per the client's policy, and
    /// return the 2xx response or the error that ended the call.
    ///
    /// With the `tracing` feature, the call runs in an `intercom.request`
    /// span (see [`span`]).
    pub(crate) async fn send(&self, req: &RawRequest) -> Result<RawResponse, Error> {
        #[cfg(feature = "tracing")]
        {
            use tracing::Instrument;
            let span = span::for_request(req);
            self.send_inner(req, &span).instrument(span.clone()).await
        }
        #[cfg(not(feature = "tracing"))]
        self.send_inner(req, &()).await
    }

    async fn send_inner(&self, req: &RawRequest, span: &CallSpan) -> Result<RawResponse, Error> {
        #[cfg(not(feature = "tracing"))]
        let () = *span;
        let url = self.url_for(req)?;
        let headers = self.headers(req)?;
        let body = match &req.body {
            Some(v) => {
                Some(serde_json::to_vec(v).map_err(|e| Error::invalid("body", e.to_string()))?)
            }
            None => None,
        };
        let timeout = req.options.timeout.unwrap_or(self.timeout);
        let policy = &self.retry;
        let mut retries = 0u32;
        let mut waited = Duration::ZERO;
        #[cfg(feature = "tracing")]
        let mut paced_total = Duration::ZERO;

        loop {
            let (permit, paced) = self
                .rate
                .acquire(&*self.clock, policy.max_rate_limit_wait)
                .await?;
            #[cfg(feature = "tracing")]
            {
                paced_total += paced;
                span::record_attempt(span, retries + 1, waited + paced_total);
            }
            #[cfg(not(feature = "tracing"))]
            let _ = paced;
            let mut builder = self
                .http
                .request(req.method.clone(), url.clone())
                .headers(headers.clone())
                .timeout(timeout);
            if let Some(b) = &body {
                builder = builder.body(b.clone());
            }
            let attempts = retries + 1;
            let (outcome, failure, rate_limit) = match builder.send().await {
                Ok(resp) => {
                    let status = resp.status();
                    let rate_limit = RateLimit::from_headers(resp.headers());
                    if let Some(rl) = rate_limit {
                        self.rate.observe(&permit, rl);
                    }
                    if status == StatusCode::TOO_MANY_REQUESTS {
                        self.rate.note_throttled();
                    }
                    #[cfg(feature = "tracing")]
                    span::record_response(span, &status, resp.headers(), rate_limit);
                    // Only an error needs the headers after the body is read
                    // (for `Retry-After` and `X-Request-Id`).
                    let resp_headers = if status.is_success() {
                        HeaderMap::new()
                    } else {
                        resp.headers().clone()
                    };
                    match resp.bytes().await {
                        Ok(bytes) if status.is_success() => {
                            return Ok(RawResponse {
                                status,
                                body: Vec::from(bytes),
                            });
                        }
                        Ok(bytes) => {
                            let api =
                                ApiError::from_response(status, &resp_headers, &bytes, rate_limit);
                            (
                                Outcome::Status(status),
                                Error::Api(Box::new(api)),
                                rate_limit,
                            )
                        }
                        Err(e) => {
                            let outcome = outcome_of(&e);
                            (outcome, transport_error(e, req, attempts), rate_limit)
                        }
                    }
                }
                Err(e) => {
                    let outcome = outcome_of(&e);
                    (outcome, transport_error(e, req, attempts), None)
                }
            };
            drop(permit);

            let decision = classify(outcome, req.idempotent);
            if decision == Decision::Stop {
                return Err(failure);
            }
            let rate_limited = |attempts| Error::RateLimited {
                reset_at: rate_limit.map(|rl| rl.reset_at),
                rate_limit: rate_limit.or_else(|| self.rate.snapshot()),
                attempts,
            };
            let give_up = |failure: Error| match decision {
                Decision::RateLimited => rate_limited(attempts),
                _ => failure,
            };
            if retries >= policy.max_retries {
                return Err(give_up(failure));
            }
            let retry_after = failure.as_api().and_then(|a| a.retry_after);
            let wait = match decision {
                Decision::RateLimited => {
                    let until_reset = rate_limit.map(|rl| {
                        rl.reset_at
                            .duration_since(self.clock.now())
                            .unwrap_or_default()
                            + Duration::from_millis(50)
                    });
                    let wait = retry_after
                        .or(until_reset)
                        .unwrap_or_else(|| policy.backoff(retries));
                    if wait > policy.max_rate_limit_wait {
                        return Err(rate_limited(attempts));
                    }
                    wait
                }
                _ => retry_after
                    .map(|d| d.min(policy.max_delay))
                    .unwrap_or_else(|| policy.backoff(retries)),
            };
            if waited + wait > policy.max_total_wait {
                return Err(give_up(failure));
            }
            self.clock.sleep(wait).await;
            waited += wait;
            retries += 1;
        }
    }
}

fn outcome_of(e: &reqwest::Error) -> Outcome {
    if e.is_connect() {
        Outcome::ConnectFailed
    } else if e.is_timeout() {
        Outcome::TimedOut
    } else {
        Outcome::OtherTransport
    }
}

fn transport_error(mut e: reqwest::Error, req: &RawRequest, attempts: u32) -> Error {
    if e.is_timeout() {
        return Error::Timeout {
            method: req.method.clone(),
            path: path_only(&req.path),
            attempts,
        };
    }
    // Query strings may carry emails or cursors; keep them out of error text.
    if let Some(url) = e.url_mut() {
        url.set_query(None);
    }
    Error::Transport(e)
}

fn path_only(path: &str) -> String {
    match Url::parse(path) {
        Ok(u) => u.path().to_owned(),
        Err(_) => path.split('?').next().unwrap_or(path).to_owned(),
    }
}

/// Decode a success body into `T`. An empty body decodes as JSON `null`, so
/// endpoints that answer `202` with no body return `()`.
pub(crate) fn decode<T: DeserializeOwned>(resp: &RawResponse) -> Result<T, Error> {
    decode_seed(resp, std::marker::PhantomData::<T>)
}

/// Decode with a seed (used by pages, whose items key varies by endpoint).
/// On failure, decode once more while tracking the path, so the error says
/// where the document did not match; the success path pays nothing for it.
pub(crate) fn decode_seed<'de, S>(resp: &'de RawResponse, seed: S) -> Result<S::Value, Error>
where
    S: DeserializeSeed<'de> + Clone,
{
    let body: &[u8] = if resp.body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        &resp.body
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let first = seed
        .clone()
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    match first {
        Ok(v) => Ok(v),
        Err(source) => {
            let mut track = serde_path_to_error::Track::new();
            let mut de = serde_json::Deserializer::from_slice(body);
            let _ = seed.deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track));
            Err(Error::Decode(Box::new(DecodeError {
                status: resp.status,
                path: track.path().to_string(),
                source,
                body_snippet: snippet(&resp.body),
            })))
        }
    }
}
