//! The one error type of the crate.
//!
//! Every fallible call returns [`Result<T>`](crate::Result). An [`Error`] keeps
//! everything that was known when the call failed: the HTTP status, Intercom's
//! `request_id`, every entry of the `errors[]` list, the rate-limit snapshot
//! and the first bytes of the raw body. Nothing is dropped on the way, and
//! nothing in this crate panics on a malformed response.

use std::fmt;
use std::time::{Duration, SystemTime};

use reqwest::StatusCode;
use reqwest::header::{HeaderName, LINK, RETRY_AFTER};
use serde::Deserialize;

use crate::transport::rate_limit::RateLimit;

/// How many bytes of a response body an error keeps.
pub(crate) const SNIPPET_BYTES: usize = 512;

/// `X-Request-Id`, Intercom's id of a request.
pub(crate) const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Everything that can go wrong when talking to Intercom.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Intercom answered with a non-success status (4xx or 5xx).
    #[error("{0}")]
    Api(Box<ApiError>),

    /// Still rate limited after the retry policy gave up, or the next window
    /// opens later than the policy is willing to wait.
    #[error("{}", rate_limited_message(*.reset_at, *.attempts, .response.as_deref()))]
    #[non_exhaustive]
    RateLimited {
        /// When Intercom says the quota resets (`X-RateLimit-Reset`), if it said.
        reset_at: Option<SystemTime>,
        /// The last rate-limit headers seen.
        rate_limit: Option<RateLimit>,
        /// How many requests were sent for this call (0 when the wait was
        /// refused before sending).
        attempts: u32,
        /// The last `429` answer, with its `request_id`, `errors[]` and body
        /// snippet; `None` when no request was sent.
        response: Option<Box<ApiError>>,
    },

    /// The request did not complete within its timeout (after any retries).
    #[error("request timed out after {attempts} attempt(s): {method} {path}")]
    Timeout {
        /// HTTP method of the request.
        method: reqwest::Method,
        /// Path of the request, without the query string.
        path: String,
        /// How many requests were sent.
        attempts: u32,
    },

    /// The HTTP request failed below the API level (DNS, connect, TLS, I/O,
    /// a body cut short). The message includes every cause, e.g.
    /// `transport error: error sending request for url (…): … Connection refused`.
    #[error("transport error: {}", with_causes(.0))]
    Transport(#[source] reqwest::Error),

    /// The answer's body is larger than the client accepts
    /// ([`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes)),
    /// or than the limit given to [`Download::text`](crate::Download::text).
    /// Refused from `Content-Length` before reading when the server declares
    /// it; otherwise reading stops at the limit.
    #[error("{status} response larger than the {limit}-byte limit{}", declared_suffix(*.content_length))]
    #[non_exhaustive]
    ResponseTooLarge {
        /// HTTP status of the answer.
        status: StatusCode,
        /// The limit, in bytes.
        limit: u64,
        /// The `Content-Length` the server declared, if it did.
        content_length: Option<u64>,
    },

    /// The server answered with a redirect (3xx). Intercom's API does not
    /// redirect, so the client follows none: a redirect would send the
    /// request body, and perhaps the token, somewhere else.
    #[error("{status} redirect refused (Location: {})", .location.as_deref().unwrap_or("none"))]
    #[non_exhaustive]
    Redirect {
        /// HTTP status of the answer (301, 302, 303, 307, 308, ...).
        status: StatusCode,
        /// The `Location` it pointed to, if any (at most 512 bytes kept).
        location: Option<String>,
        /// Intercom's request id (`X-Request-Id`), if sent.
        request_id: Option<String>,
    },

    /// The server's answer breaks the API's rules in a way the client refuses
    /// to act on, e.g. a `pages.next` link to another origin (following it
    /// would send the token there). The server is at fault, not the caller.
    #[error("invalid response from the server: {0}")]
    Protocol(String),

    /// A background task of this crate (a prefetched page fetch) panicked or
    /// was cancelled before it could answer.
    #[error("a background task failed: {0}")]
    TaskFailed(String),

    /// A success response whose body does not match the expected type.
    #[error("{0}")]
    Decode(Box<DecodeError>),

    /// An argument was refused before any request was sent.
    #[error("invalid input for `{field}`: {reason}")]
    InvalidInput {
        /// The argument or JSON field that is wrong, e.g. `custom_attributes.plan`.
        field: String,
        /// Why it was refused.
        reason: String,
    },

    /// The client is configured in a way that cannot work (bad base URL, bad
    /// header value, a blocking call inside an async runtime, ...).
    #[error("configuration error: {0}")]
    Config(String),

    /// The shared quota store (see [`quota`](crate::quota)) failed, and the
    /// client was told to fail rather than pace per process
    /// ([`OnStoreFailure::Fail`](crate::quota::OnStoreFailure::Fail)).
    /// Nothing was sent.
    #[error("shared quota store: {0}")]
    QuotaStore(String),
    /// An Intercom job (see [`jobs()`](crate::jobs)) ended with status
    /// `failed`.
    #[error("Intercom job {job_id} failed")]
    JobFailed {
        /// The job's id.
        job_id: String,
    },

    /// An Intercom job was still running when the wait for it ran out.
    #[error("Intercom job {job_id} is still `{status}` after {}s", .waited.as_secs())]
    JobTimedOut {
        /// The job's id.
        job_id: String,
        /// The last status Intercom reported, e.g. `pending`.
        status: String,
        /// How long the caller waited, on the client's clock.
        waited: Duration,
    },

    /// A download (see [`Download`](crate::Download)) ended before the
    /// whole body arrived: the connection was cut. Start it again.
    #[error("download cut short after {received} bytes{}", .expected.map(|n| format!(" of {n}")).unwrap_or_default())]
    DownloadTruncated {
        /// Bytes received before the body ended.
        received: u64,
        /// The size the server declared, if it did.
        expected: Option<u64>,
    },

    /// Writing a download to the caller's writer failed.
    #[error("writing the download failed: {0}")]
    Write(#[source] std::io::Error),

    /// A data attribute with that name exists, with another data type (see
    /// [`data_attributes().ensure`](crate::data_attributes)).
    #[error("data attribute `{name}` ({model}) exists as {existing}, not {wanted}")]
    DataTypeMismatch {
        /// The attribute's name.
        name: String,
        /// Its model: `contact` or `company`.
        model: String,
        /// The data type it has.
        existing: String,
        /// The data type asked for.
        wanted: String,
    },
}

impl From<crate::quota::StoreError> for Error {
    fn from(e: crate::quota::StoreError) -> Self {
        Error::QuotaStore(e.to_string())
    }
}

fn rate_limited_message(
    reset_at: Option<SystemTime>,
    attempts: u32,
    response: Option<&ApiError>,
) -> String {
    let mut out = match reset_at.and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok()) {
        Some(reset) => format!(
            "rate limited after {attempts} attempt(s); quota resets at unix time {}",
            reset.as_secs()
        ),
        None => format!("rate limited after {attempts} attempt(s)"),
    };
    if let Some(id) = response.and_then(|r| r.request_id.as_deref()) {
        out.push_str(&format!(" (request_id={id})"));
    }
    out
}

fn declared_suffix(content_length: Option<u64>) -> String {
    content_length
        .map(|n| format!(" (Content-Length: {n})"))
        .unwrap_or_default()
}

/// An error's message followed by each of its causes, `: `-separated, so a
/// `reqwest` error says *why* sending failed, not only that it did.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        cause = c.source();
    }
    out
}

impl Error {
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The HTTP status, when Intercom answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::RateLimited { attempts, .. } if *attempts > 0 => {
                Some(StatusCode::TOO_MANY_REQUESTS)
            }
            Error::ResponseTooLarge { status, .. } | Error::Redirect { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }

    /// Intercom's `request_id`, to quote when contacting Intercom support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::RateLimited {
                response: Some(r), ..
            } => r.request_id.as_deref(),
            Error::Redirect { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The code of the first `errors[]` entry (e.g. [`ErrorCode::NotFound`]).
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            Error::Api(e) => e.code(),
            Error::RateLimited { .. } => Some(&ErrorCode::RateLimitExceeded),
            _ => None,
        }
    }

    /// The API error, when this is one; for [`Error::RateLimited`], the last
    /// `429` answer (its `errors[]`, `request_id` and body snippet).
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            Error::RateLimited {
                response: Some(r), ..
            } => Some(r),
            _ => None,
        }
    }

    /// `true` for a 404 answer.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND)
    }

    /// `true` for a 409 answer (for example, a contact that already exists).
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(StatusCode::CONFLICT)
    }

    /// `true` when sending the same request again later may succeed:
    /// rate limits, timeouts, connection failures, 408 and 5xx answers.
    ///
    /// This says nothing about whether a retry is *safe*; a non-idempotent
    /// `POST` that timed out may have been applied.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(e) => {
                e.status == StatusCode::TOO_MANY_REQUESTS
                    || e.status == StatusCode::REQUEST_TIMEOUT
                    || e.status.is_server_error()
            }
            Error::RateLimited { .. } | Error::Timeout { .. } => true,
            Error::Transport(e) => e.is_connect() || e.is_timeout(),
            _ => false,
        }
    }
}

/// A non-success answer from Intercom, with everything it said.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Intercom's request id (from the body, else the `X-Request-Id` header).
    pub request_id: Option<String>,
    /// Every entry of the body's `errors[]`, in order. Empty when the body was
    /// not Intercom-shaped (an HTML error page, an empty body).
    pub errors: Vec<ErrorEntry>,
    /// The rate-limit headers of this response, if it had them.
    pub rate_limit: Option<RateLimit>,
    /// How long Intercom asked us to wait (`Retry-After`), if it did.
    pub retry_after: Option<Duration>,
    /// The `Link` header, present on `410 contact_merged` answers: it names the
    /// contact the requested one was merged into.
    pub link: Option<String>,
    /// The first bytes (at most 512) of the raw body, lossily decoded as UTF-8.
    pub body_snippet: String,
}

impl ApiError {
    /// The code of the first `errors[]` entry.
    pub fn code(&self) -> Option<&ErrorCode> {
        self.errors.first().map(|e| &e.code)
    }

    /// The message of the first `errors[]` entry.
    pub fn message(&self) -> Option<&str> {
        self.errors.first().and_then(|e| e.message.as_deref())
    }

    /// For a `410 contact_merged` answer: the id of the contact it was merged into,
    /// read from `Link: </contacts/{id}>; rel="canonical"`.
    pub fn merged_into(&self) -> Option<&str> {
        let link = self.link.as_deref()?;
        let start = link.find("</contacts/")? + "</contacts/".len();
        let rest = &link[start..];
        let end = rest.find('>')?;
        Some(&rest[..end])
    }

    /// The error the client builds from an answer's status, headers and
    /// (the first bytes of its) body, for tests of code that handles errors
    /// and for fuzzing. Never fails: a body that is not Intercom's
    /// `error.list` keeps only the status and a snippet.
    pub fn from_parts(
        status: StatusCode,
        headers: &reqwest::header::HeaderMap,
        body: &[u8],
    ) -> Self {
        let rate_limit = RateLimit::from_headers(headers);
        ApiError::from_response(status, headers, body, rate_limit)
    }

    /// Build an error from a status, headers and raw body. Never fails: a body
    /// that is not Intercom's `error.list` keeps only status and snippet.
    pub(crate) fn from_response(
        status: StatusCode,
        headers: &reqwest::header::HeaderMap,
        body: &[u8],
        rate_limit: Option<RateLimit>,
    ) -> Self {
        #[derive(Deserialize)]
        struct Body {
            request_id: Option<String>,
            #[serde(default)]
            errors: Vec<ErrorEntry>,
        }
        let parsed: Option<Body> = serde_json::from_slice(body).ok();
        let header_str = |name: &HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let (request_id, errors) = match parsed {
            Some(b) => (b.request_id, b.errors),
            None => (None, Vec::new()),
        };
        ApiError {
            status,
            request_id: request_id.or_else(|| header_str(&X_REQUEST_ID)),
            errors,
            rate_limit,
            retry_after: header_str(&RETRY_AFTER)
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs),
            link: header_str(&LINK),
            body_snippet: snippet(body),
        }
    }
}

impl fmt::Display for ApiError {
    /// `404 not_found: Contact Not Found (request_id=…)`; further entries are
    /// appended after `;`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status.as_u16())?;
        if self.errors.is_empty() {
            let reason = self.status.canonical_reason().unwrap_or("error");
            write!(f, " {reason}")?;
            let trimmed = self.body_snippet.trim();
            if !trimmed.is_empty() {
                let short: String = trimmed.chars().take(120).collect();
                write!(f, ": {short}")?;
            }
        }
        for (i, e) in self.errors.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { "; " })?;
            write!(f, "{}", e.code)?;
            if let Some(m) = &e.message {
                write!(f, ": {m}")?;
            }
            if let Some(field) = &e.field {
                write!(f, " (field {field})")?;
            }
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request_id={id})")?;
        }
        Ok(())
    }
}

/// One entry of Intercom's `errors[]` list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ErrorEntry {
    /// What kind of error this is.
    pub code: ErrorCode,
    /// A human-readable description.
    #[serde(default)]
    pub message: Option<String>,
    /// The field or query parameter in error, when Intercom names one.
    #[serde(default)]
    pub field: Option<String>,
}

crate::models::string_enum! {
    /// Intercom's error codes, as sent in `errors[].code`.
    ///
    /// Codes this crate does not know yet arrive as [`ErrorCode::Unknown`].
    pub enum ErrorCode {
        /// The access token is missing, invalid or revoked.
        Unauthorized = "unauthorized",
        /// The token lacks the scope this call needs.
        TokenUnauthorized = "token_unauthorized",
        /// The resource does not exist.
        NotFound = "not_found",
        /// The tag does not exist.
        TagNotFound = "tag_not_found",
        /// The ticket does not exist.
        TicketNotFound = "ticket_not_found",
        /// The internal article does not exist.
        InternalArticleNotFound = "internal_article_not_found",
        /// The content snippet does not exist.
        ContentSnippetNotFound = "content_snippet_not_found",
        /// The admin does not exist.
        AdminNotFound = "admin_not_found",
        /// The article does not exist.
        ArticleNotFound = "article_not_found",
        /// Setting an admin away needs a reason in this workspace.
        AwayStatusReasonMandatory = "away_status_reason_mandatory",
        /// The request conflicts with the resource's current state.
        ResourceConflict = "resource_conflict",
        /// The data sent is invalid.
        DataInvalid = "data_invalid",
        /// The conversation part or message does not exist.
        ConversationPartOrMessageNotFound = "conversation_part_or_message_not_found",
        /// The conversation part cannot be redacted.
        ConversationPartNotRedactable = "conversation_part_not_redactable",
        /// The workspace's plan does not include this API.
        ApiPlanRestricted = "api_plan_restricted",
        /// The request is malformed.
        ParameterInvalid = "parameter_invalid",
        /// A required parameter is missing.
        ParameterNotFound = "parameter_not_found",
        /// A parameter conflicts with existing data (e.g. duplicate email).
        Conflict = "conflict",
        /// The rate limit was exceeded.
        RateLimitExceeded = "rate_limit_exceeded",
        /// The `Intercom-Version` header names a version that does not exist.
        IntercomVersionInvalid = "intercom_version_invalid",
        /// The contact was merged into another; see [`ApiError::merged_into`].
        ContactMerged = "contact_merged",
        /// Intercom could not process the request.
        ServerError = "server_error",
        /// Intercom is temporarily unavailable.
        ServiceUnavailable = "service_unavailable",
        /// The request took too long on Intercom's side.
        RequestTimeout = "request_timeout",
        /// The request body was not valid.
        InvalidDocument = "invalid_document",
        /// A custom attribute name or value was refused.
        InvalidCustomAttribute = "invalid_custom_attribute",
        /// A search sort order other than `ascending` or `descending`.
        InvalidSortOrder = "invalid_sort_order",
        /// A companies scroll is already open for this app.
        ScrollExists = "scroll_exists",
        /// The tag is still in use and cannot be deleted.
        TagHasDependentObjects = "tag_has_dependent_objects",
        /// An action not allowed for this resource in its current state.
        ActionForbidden = "action_forbidden",
        /// The request was refused; Intercom's generic 403.
        Forbidden = "forbidden",
        /// The contact could not be found (legacy code used by some endpoints).
        UserNotFound = "user_not_found",
        /// Lead and user cannot be merged as asked.
        MergeFailed = "merge_failed",
        /// The company does not exist (companies endpoints answer this instead of `not_found`).
        CompanyNotFound = "company_not_found",
        /// The contact already has the most companies Intercom allows (1,000).
        ContactCompanyLimitExceeded = "contact_company_limit_exceeded",
    }
}

/// A success response whose body did not decode into the expected type.
#[derive(Debug)]
#[non_exhaustive]
pub struct DecodeError {
    /// HTTP status of the response.
    pub status: StatusCode,
    /// Where in the JSON document decoding failed, e.g. `data[3].created_at`.
    pub path: String,
    /// The underlying serde error.
    pub source: serde_json::Error,
    /// The first bytes (at most 512) of the raw body.
    pub body_snippet: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode {} response at `{}`: {}",
            self.status.as_u16(),
            self.path,
            self.source
        )
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The first [`SNIPPET_BYTES`] of a body, cut at a character boundary. The
/// snippet itself is at most [`SNIPPET_BYTES`] long too: an invalid byte
/// becomes U+FFFD (three bytes), so the lossy text is cut again.
pub(crate) fn snippet(body: &[u8]) -> String {
    let cut = body.len().min(SNIPPET_BYTES);
    let mut out = String::with_capacity(cut);
    let mut chunks = body[..cut].utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        out.push_str(chunk.valid());
        // Invalid bytes show as U+FFFD, except a character the cut split in
        // half at the very end, which is dropped.
        let split_by_cut = chunks.peek().is_none() && cut < body.len();
        if !chunk.invalid().is_empty() && !split_by_cut {
            out.push('\u{FFFD}');
        }
    }
    if out.len() > SNIPPET_BYTES {
        let mut end = SNIPPET_BYTES;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    #[test]
    fn display_reads_like_status_code_message_request_id() {
        let body = br#"{"type":"error.list","request_id":"req-1","errors":[{"code":"not_found","message":"Contact Not Found"}]}"#;
        let e = ApiError::from_response(StatusCode::NOT_FOUND, &HeaderMap::new(), body, None);
        assert_eq!(
            e.to_string(),
            "404 not_found: Contact Not Found (request_id=req-1)"
        );
        assert_eq!(e.code(), Some(&ErrorCode::NotFound));
    }

    #[test]
    fn every_entry_is_kept_and_unknown_codes_survive() {
        let body = br#"{"type":"error.list","request_id":null,"errors":[{"code":"parameter_invalid","message":"bad","field":"email"},{"code":"brand_new_code"}]}"#;
        let e = ApiError::from_response(StatusCode::BAD_REQUEST, &HeaderMap::new(), body, None);
        assert_eq!(e.errors.len(), 2);
        assert_eq!(e.errors[0].field.as_deref(), Some("email"));
        assert_eq!(
            e.errors[1].code,
            ErrorCode::Unknown("brand_new_code".into())
        );
        assert_eq!(
            e.to_string(),
            "400 parameter_invalid: bad (field email); brand_new_code"
        );
    }

    #[test]
    fn html_body_keeps_status_and_snippet() {
        let body = b"<html><body>502 Bad Gateway</body></html>";
        let e = ApiError::from_response(StatusCode::BAD_GATEWAY, &HeaderMap::new(), body, None);
        assert!(e.errors.is_empty());
        assert_eq!(e.body_snippet, "<html><body>502 Bad Gateway</body></html>");
        assert!(e.to_string().starts_with("502 Bad Gateway: <html>"));
    }

    #[test]
    fn snippet_is_bounded_and_utf8_safe() {
        let body = "é".repeat(400); // 800 bytes
        let s = snippet(body.as_bytes());
        assert!(s.len() <= SNIPPET_BYTES);
        assert!(s.chars().all(|c| c == 'é'));
        // Found by the api_answer fuzz target: invalid bytes grow threefold.
        let s = snippet(&[0xff; 600]);
        assert!(s.len() <= SNIPPET_BYTES, "{}", s.len());
        assert!(s.starts_with('\u{FFFD}'));
    }

    #[test]
    fn merged_into_reads_the_link_header() {
        let mut h = HeaderMap::new();
        h.insert(
            "link",
            HeaderValue::from_static("</contacts/6762f0d01bb69f9f2193bb7d>; rel=\"canonical\""),
        );
        let body = br#"{"type":"error.list","errors":[{"code":"contact_merged"}]}"#;
        let e = ApiError::from_response(StatusCode::GONE, &h, body, None);
        assert_eq!(e.merged_into(), Some("6762f0d01bb69f9f2193bb7d"));
        assert_eq!(e.code(), Some(&ErrorCode::ContactMerged));
    }
}
