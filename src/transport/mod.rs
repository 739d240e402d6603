//! The one transport under every endpoint.
//!
//! [`Transport::send`] runs a [`RawRequest`]: it builds the URL, sends the
//! auth, version and user-agent headers, waits for rate-limit quota, reads
//! the rate-limit headers of every response, retries what [`retry::classify`]
//! allows with the waits [`RetryPolicy`] computes, and turns failures into
//! [`Error`]s. [`decode`] turns a success body into the caller's type.

mod body;
pub(crate) mod clock;
mod download;
pub(crate) mod origin;
pub mod quota;
pub(crate) mod rate;
pub(crate) mod rate_limit;
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
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, LOCATION, USER_AGENT,
};
use serde::de::{DeserializeOwned, DeserializeSeed};
use url::Url;

pub use clock::{Clock, Sleep, SystemClock, TokioClock};
pub use download::Download;
#[cfg_attr(not(feature = "blocking"), allow(unused_imports))]
pub(crate) use download::TextBody;
pub use rate::RateLimit;
pub use request::{CallOptions, Request};
pub use retry::{Jitter, RetryPolicy};

pub(crate) use rate::RateLimiter;
pub(crate) use request::RawRequest;
use retry::{Decision, Outcome, classify};

use crate::error::{ApiError, DecodeError, Error, X_REQUEST_ID, snippet};
pub use version::ApiVersion;

/// The span a call records into (nothing without the `tracing` feature).
#[cfg(feature = "tracing")]
type CallSpan = tracing::Span;
#[cfg(not(feature = "tracing"))]
type CallSpan = ();

/// A success response, read whole, up to the client's size limit.
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub(crate) status: StatusCode,
    pub(crate) body: Vec<u8>,
}

/// `Intercom-Version`.
const INTERCOM_VERSION: HeaderName = HeaderName::from_static("intercom-version");
const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");

/// How much of an error answer's body is read: enough for any `error.list`
/// Intercom sends (they are well under 1 KiB) and the 512-byte snippet, never
/// a 100 MiB error page.
pub(crate) const ERROR_BODY_LIMIT: u64 = 64 * 1024;

/// The default cap on a response body (see
/// [`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes)).
pub(crate) const DEFAULT_MAX_RESPONSE_BYTES: u64 = 32 * 1024 * 1024;

/// Everything needed to send requests; shared by all clones of a client.
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: Url,
    /// `Bearer <token>`, marked sensitive so it never shows in `Debug`.
    pub(crate) auth_header: HeaderValue,
    pub(crate) version: ApiVersion,
    /// `version` as a header value, built once.
    pub(crate) version_header: HeaderValue,
    pub(crate) user_agent: HeaderValue,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) rate: RateLimiter,
    pub(crate) clock: Arc<dyn Clock>,
    /// The largest body read from a success answer.
    pub(crate) max_response_bytes: u64,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.base_url.as_str())
            .field("version", &self.version)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

/// What a success answer is turned into: read whole (capped), or handed
/// back unread for a [`Download`] to stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Read,
    Stream,
}

/// A success answer, per [`Mode`].
enum Success {
    Read(RawResponse),
    /// The response, its body unread; or a redirect's `Location` (a
    /// download may be answered with a signed URL elsewhere).
    Stream(reqwest::Response),
    Redirect(String),
}

/// How one attempt ended, as the retry loop needs it.
enum Attempt {
    Success(Success),
    Failed {
        outcome: Outcome,
        error: Error,
        rate_limit: Option<RateLimit>,
    },
}

impl Transport {
    /// The full URL of a request: the base URL's origin and path prefix, the
    /// request path and query. An absolute URL (a `pages.next` link) must be
    /// on the base URL's origin, so the token is never sent elsewhere; one
    /// on another origin is the server's fault ([`Error::Protocol`]).
    pub(crate) fn url_for(&self, req: &RawRequest) -> Result<Url, Error> {
        if req.path.starts_with("https://") || req.path.starts_with("http://") {
            let mut url = Url::parse(&req.path)
                .map_err(|e| Error::Protocol(format!("invalid next-page URL: {e}")))?;
            if url.origin() != self.base_url.origin() {
                return Err(Error::Protocol(format!(
                    "refusing to follow a next-page URL on another origin ({}) with this client's token",
                    url.origin().ascii_serialization()
                )));
            }
            if !req.query.is_empty() {
                let mut pairs = url.query_pairs_mut();
                for (k, v) in &req.query {
                    pairs.append_pair(k, v);
                }
            }
            return Ok(url);
        }
        // One string, parsed once: the base URL (no query or fragment, see
        // `check_base_url`) without its trailing `/`, the path, the query.
        let base = self.base_url.as_str().trim_end_matches('/');
        let mut full = String::with_capacity(base.len() + req.path.len() + 16 * req.query.len());
        full.push_str(base);
        if req.path.contains(['?', '#']) {
            // Not a plain path: let `set_path` escape it as before.
            let mut url = self.base_url.clone();
            let prefix = url.path().trim_end_matches('/').to_owned();
            url.set_path(&format!("{prefix}{}", req.path));
            full = url.into();
        } else {
            full.push_str(&req.path);
        }
        if !req.query.is_empty() {
            full.push('?');
            let start = full.len();
            let mut ser = url::form_urlencoded::Serializer::for_suffix(full, start);
            for (k, v) in &req.query {
                ser.append_pair(k, v);
            }
            full = ser.finish();
        }
        Url::parse(&full).map_err(|e| Error::invalid("path", e.to_string()))
    }

    fn headers(&self, req: &RawRequest, mode: Mode) -> Result<HeaderMap, Error> {
        let version = match &req.options.version {
            Some(v) => HeaderValue::from_str(v.as_str())
                .map_err(|_| Error::Config("invalid Intercom-Version".into()))?,
            None => self.version_header.clone(),
        };
        let mut h = HeaderMap::with_capacity(8);
        h.insert(AUTHORIZATION, self.auth_header.clone());
        h.insert(
            ACCEPT,
            match (req.accept, mode) {
                (Some(media), _) => HeaderValue::from_static(media),
                (None, Mode::Read) => APPLICATION_JSON,
                // Intercom's download endpoints require it.
                (None, Mode::Stream) => HeaderValue::from_static("application/octet-stream"),
            },
        );
        h.insert(INTERCOM_VERSION, version);
        h.insert(USER_AGENT, self.user_agent.clone());
        if req.body.is_some() {
            h.insert(CONTENT_TYPE, APPLICATION_JSON);
        }
        Ok(h)
    }

    /// The `reqwest` request for one attempt. Built afresh for each attempt
    /// (a retry is rare), so the first one clones nothing but the body handle.
    fn build(&self, req: &RawRequest, mode: Mode) -> Result<reqwest::Request, Error> {
        let mut request = reqwest::Request::new(req.method.clone(), self.url_for(req)?);
        *request.headers_mut() = self.headers(req, mode)?;
        if let Some(b) = &req.body {
            *request.body_mut() = Some(reqwest::Body::from(b.clone()));
        }
        Ok(request)
    }

    /// Send a request, pacing and retrying per the client's policy, and
    /// return the 2xx response or the error that ended the call.
    ///
    /// With the `tracing` feature, the call runs in an `intercom.request`
    /// span (see [`span`]).
    pub(crate) async fn send(&self, req: &RawRequest) -> Result<RawResponse, Error> {
        match self.send_mode(req, Mode::Read).await? {
            Success::Read(resp) => Ok(resp),
            Success::Stream(_) | Success::Redirect(_) => {
                unreachable!("Mode::Read answers are read whole")
            }
        }
    }

    async fn send_mode(&self, req: &RawRequest, mode: Mode) -> Result<Success, Error> {
        #[cfg(feature = "tracing")]
        {
            use tracing::Instrument;
            let span = span::for_request(req);
            self.send_inner(req, &span, mode)
                .instrument(span.clone())
                .await
        }
        #[cfg(not(feature = "tracing"))]
        self.send_inner(req, &(), mode).await
    }

    async fn send_inner(
        &self,
        req: &RawRequest,
        span: &CallSpan,
        mode: Mode,
    ) -> Result<Success, Error> {
        #[cfg(not(feature = "tracing"))]
        let () = *span;
        // Checked before any wait, so a bad URL fails at once.
        let mut first = Some(self.build(req, mode)?);
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
            let request = match first.take() {
                Some(r) => r,
                None => self.build(req, mode)?,
            };
            let attempts = retries + 1;
            // One timer bounds the whole attempt: connect, headers and body.
            let attempt = tokio::time::timeout(
                timeout,
                self.attempt(request, &permit, req, attempts, span, mode),
            )
            .await;
            let (outcome, failure, rate_limit) = match attempt {
                Ok(Attempt::Success(resp)) => return Ok(resp),
                Ok(Attempt::Failed {
                    outcome,
                    error,
                    rate_limit,
                }) => (outcome, error, rate_limit),
                Err(_elapsed) => (
                    Outcome::TimedOut,
                    Error::Timeout {
                        method: req.method.clone(),
                        path: path_only(&req.path),
                        attempts,
                    },
                    None,
                ),
            };
            drop(permit);

            let decision = classify(outcome, req.idempotent);
            if decision == Decision::Stop {
                return Err(failure);
            }
            let retry_after = failure.as_api().and_then(|a| a.retry_after);
            let rate_limited = |attempts, failure: Error| Error::RateLimited {
                reset_at: rate_limit.map(|rl| rl.reset_at),
                rate_limit: rate_limit.or_else(|| self.rate.snapshot()),
                attempts,
                response: match failure {
                    Error::Api(api) => Some(api),
                    _ => None,
                },
            };
            let give_up = |failure: Error| match decision {
                Decision::RateLimited => rate_limited(attempts, failure),
                _ => failure,
            };
            if retries >= policy.max_retries {
                return Err(give_up(failure));
            }
            let wait = match decision {
                Decision::RateLimited => {
                    let until_reset = rate_limit.map(|rl| {
                        rl.reset_at
                            .duration_since(self.clock.now())
                            .unwrap_or_default()
                            .saturating_add(Duration::from_millis(50))
                    });
                    let wait = retry_after
                        .or(until_reset)
                        .unwrap_or_else(|| policy.backoff(retries));
                    if wait > policy.max_rate_limit_wait {
                        return Err(rate_limited(attempts, failure));
                    }
                    wait
                }
                _ => retry_after
                    .map(|d| d.min(policy.max_delay))
                    .unwrap_or_else(|| policy.backoff(retries)),
            };
            if waited.saturating_add(wait) > policy.max_total_wait {
                return Err(give_up(failure));
            }
            self.clock.sleep(wait).await;
            waited = waited.saturating_add(wait);
            retries += 1;
        }
    }

    /// One attempt: send, read the rate-limit headers, read the body (no
    /// more than the limits allow), and say how it ended.
    async fn attempt(
        &self,
        request: reqwest::Request,
        permit: &rate::Permit<'_>,
        req: &RawRequest,
        attempts: u32,
        span: &CallSpan,
        mode: Mode,
    ) -> Attempt {
        #[cfg(not(feature = "tracing"))]
        let () = *span;
        let mut resp = match self.http.execute(request).await {
            Ok(resp) => resp,
            Err(e) => {
                return Attempt::Failed {
                    outcome: outcome_of(&e),
                    error: transport_error(e, req, attempts),
                    rate_limit: None,
                };
            }
        };
        let status = resp.status();
        let rate_limit = RateLimit::from_headers(resp.headers());
        if let Some(rl) = rate_limit {
            self.rate.observe(permit, rl);
        }
        if status == StatusCode::TOO_MANY_REQUESTS {
            self.rate.note_throttled();
        }
        #[cfg(feature = "tracing")]
        span::record_response(span, &status, resp.headers(), rate_limit);
        let failed = |error| Attempt::Failed {
            outcome: Outcome::Status(status),
            error,
            rate_limit,
        };
        if mode == Mode::Stream && status.is_redirection() && self.same_origin(resp.url()) {
            if let Some(location) = download::location(&resp) {
                return Attempt::Success(Success::Redirect(location));
            }
        }
        if status.is_redirection() || !self.same_origin(resp.url()) {
            return failed(redirect_error(&resp));
        }
        if status.is_success() && mode == Mode::Stream {
            // The body is the caller's to stream: no size cap, no buffering.
            return Attempt::Success(Success::Stream(resp));
        }
        if status.is_success() {
            return match body::read_capped(&mut resp, self.max_response_bytes).await {
                Ok(body) => Attempt::Success(Success::Read(RawResponse { status, body })),
                Err(body::ReadError::TooLarge { content_length }) => {
                    failed(Error::ResponseTooLarge {
                        status,
                        limit: self.max_response_bytes,
                        content_length,
                    })
                }
                Err(body::ReadError::Transport(e)) => Attempt::Failed {
                    outcome: outcome_of(&e),
                    error: transport_error(e, req, attempts),
                    rate_limit,
                },
            };
        }
        // An error answer: read only as much as an `error.list` needs; a
        // body cut short still leaves the status and what arrived.
        let limit = ERROR_BODY_LIMIT.min(self.max_response_bytes);
        let body = body::read_prefix(&mut resp, limit).await;
        let api = ApiError::from_response(status, resp.headers(), &body, rate_limit);
        failed(Error::Api(Box::new(api)))
    }

    /// Whether an answer came from the base URL's scheme, host and port (a
    /// caller-supplied `reqwest::Client` may follow redirects elsewhere).
    fn same_origin(&self, url: &Url) -> bool {
        url.scheme() == self.base_url.scheme()
            && url.host_str() == self.base_url.host_str()
            && url.port_or_known_default() == self.base_url.port_or_known_default()
    }
}

/// A 3xx answer (or one a supplied client reached by following a redirect).
fn redirect_error(resp: &reqwest::Response) -> Error {
    let header = |name: &HeaderName| {
        resp.headers()
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
    let location = if resp.status().is_redirection() {
        header(&LOCATION)
    } else {
        let mut url = resp.url().clone();
        url.set_query(None);
        Some(url.into())
    };
    Error::Redirect {
        status: resp.status(),
        location: location.map(|l| snippet(l.as_bytes())),
        request_id: header(&X_REQUEST_ID),
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
/// On failure, the error says where the document did not match (the path is
/// read off the document at the error's position; see `json_path`).
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
        Err(source) => Err(Error::Decode(Box::new(DecodeError {
            status: resp.status,
            path: crate::json_path::error_path(body, &source),
            source,
            body_snippet: snippet(&resp.body),
        }))),
    }
}
