//! A call to Intercom as a value.
//!
//! Resource modules build [`Request`]s; nothing else about an endpoint exists.
//! An executor (the async [`Client`](crate::Client), later the blocking one)
//! runs them through the single transport.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use reqwest::Method;
use serde::Serialize;

use crate::error::Error;
use crate::operation::Operation;
use crate::transport::version::ApiVersion;

/// Per-call settings that override the client's.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct CallOptions {
    /// Timeout for each attempt of this call.
    pub timeout: Option<Duration>,
    /// `Intercom-Version` for this call.
    pub version: Option<ApiVersion>,
}

/// The untyped part of a request: everything the transport needs.
#[derive(Clone)]
pub(crate) struct RawRequest {
    pub(crate) method: Method,
    /// Percent-encoded path starting with `/`, or an absolute URL on the
    /// client's own origin (a `pages.next` link).
    pub(crate) path: String,
    pub(crate) query: Vec<(Cow<'static, str>, String)>,
    pub(crate) body: Option<serde_json::Value>,
    pub(crate) idempotent: bool,
    pub(crate) options: CallOptions,
    /// The row this request was built from; `None` for [`Request::new`].
    pub(crate) operation: Option<&'static Operation>,
}

impl fmt::Debug for RawRequest {
    // Bodies and query values may hold personal data: show their shape only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field(
                "query_keys",
                &self
                    .query
                    .iter()
                    .map(|(k, _)| k.as_ref())
                    .collect::<Vec<_>>(),
            )
            .field("has_body", &self.body.is_some())
            .field("idempotent", &self.idempotent)
            .finish()
    }
}

impl RawRequest {
    pub(crate) fn set_query(&mut self, key: &'static str, value: String) {
        self.query.retain(|(k, _)| k != key);
        self.query.push((Cow::Borrowed(key), value));
    }
}

/// One call to Intercom, returning a `T`: method, path, query, JSON body,
/// whether it is safe to retry, and per-call options.
///
/// Build one for an endpoint this crate does not model yet with
/// [`Request::new`], or through [`Client::request`](crate::Client::request).
pub struct Request<T> {
    pub(crate) raw: RawRequest,
    _out: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for Request<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.raw.fmt(f)
    }
}

impl<T> Clone for Request<T> {
    fn clone(&self) -> Self {
        Request {
            raw: self.raw.clone(),
            _out: PhantomData,
        }
    }
}

impl<T> Request<T> {
    /// A request for `method` on `path` (e.g. `/contacts/123`; already
    /// percent-encoded). GET, HEAD, PUT and DELETE are treated as idempotent.
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        let idempotent = matches!(
            method,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        );
        Request {
            raw: RawRequest {
                method,
                path: path.into(),
                query: Vec::new(),
                body: None,
                idempotent,
                options: CallOptions::default(),
                operation: None,
            },
            _out: PhantomData,
        }
    }

    /// A request for one of this crate's operations, with the path's
    /// `{placeholders}` filled from `values`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the parameter when a value is empty.
    pub(crate) fn for_operation(
        operation: &'static Operation,
        values: &[(&'static str, &str)],
    ) -> Result<Self, Error> {
        let mut request = Self::new(operation.http_method(), operation.fill(values)?);
        request.raw.idempotent = operation.idempotent;
        request.raw.operation = Some(operation);
        Ok(request)
    }

    /// The operation this request calls, when it was built by one of the
    /// crate's endpoint methods.
    pub fn operation(&self) -> Option<&'static Operation> {
        self.raw.operation
    }

    pub(crate) fn get(path: impl Into<String>) -> Self {
        Self::new(Method::GET, path)
    }
    pub(crate) fn post(path: impl Into<String>) -> Self {
        Self::new(Method::POST, path)
    }
    pub(crate) fn put(path: impl Into<String>) -> Self {
        Self::new(Method::PUT, path)
    }
    pub(crate) fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path)
    }

    /// Add a query parameter.
    pub fn query(mut self, key: &'static str, value: impl ToString) -> Self {
        self.raw.query.push((Cow::Borrowed(key), value.to_string()));
        self
    }

    /// Set the JSON body.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `body` cannot be represented as JSON (a map
    /// with non-string keys, a float that is NaN).
    pub fn json(mut self, body: &impl Serialize) -> Result<Self, Error> {
        let value =
            serde_json::to_value(body).map_err(|e| Error::invalid("body", e.to_string()))?;
        self.raw.body = Some(value);
        Ok(self)
    }

    /// Mark the request as safe to send twice, so 5xx answers and timeouts
    /// are retried even for a `POST`.
    pub fn idempotent(mut self, yes: bool) -> Self {
        self.raw.idempotent = yes;
        self
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.raw.method
    }

    /// The path, percent-encoded.
    pub fn path(&self) -> &str {
        &self.raw.path
    }

    /// The JSON body, if any.
    pub fn body(&self) -> Option<&serde_json::Value> {
        self.raw.body.as_ref()
    }

    /// Whether the transport may retry it after a 5xx or a timeout.
    pub fn is_idempotent(&self) -> bool {
        self.raw.idempotent
    }
}

/// Percent-encode one path segment: everything but RFC 3986 unreserved
/// characters, so an id like `a/b?c` stays one segment.
pub(crate) fn encode_segment(segment: &str) -> Cow<'_, str> {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if segment.bytes().all(unreserved) {
        return Cow::Borrowed(segment);
    }
    let mut out = String::with_capacity(segment.len() * 3);
    for b in segment.bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Cow::Owned(out)
}

/// Build a path from segments, encoding each: `path(&["contacts", id])`.
pub(crate) fn path(segments: &[&str]) -> String {
    let mut out = String::new();
    for s in segments {
        out.push('/');
        out.push_str(&encode_segment(s));
    }
    out
}

/// Refuse an empty id before it turns `/contacts/{id}` into `/contacts/`.
pub(crate) fn require_id(field: &'static str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(path(&["contacts", "abc123"]), "/contacts/abc123");
        assert_eq!(
            path(&["contacts", "find_by_external_id", "a/b c?d"]),
            "/contacts/find_by_external_id/a%2Fb%20c%3Fd"
        );
        assert_eq!(encode_segment("é"), "%C3%A9");
    }

    #[test]
    fn methods_default_idempotency() {
        assert!(Request::<()>::get("/x").is_idempotent());
        assert!(Request::<()>::put("/x").is_idempotent());
        assert!(Request::<()>::delete("/x").is_idempotent());
        assert!(!Request::<()>::post("/x").is_idempotent());
        assert!(Request::<()>::post("/x").idempotent(true).is_idempotent());
    }

    #[test]
    fn debug_hides_query_values_and_bodies() {
        let r = Request::<()>::post("/contacts/search")
            .query("email", "secret@example.com")
            .json(&serde_json::json!({"email": "secret@example.com"}))
            .expect("json");
        let dbg = format!("{r:?}");
        assert!(!dbg.contains("secret@example.com"), "{dbg}");
        assert!(dbg.contains("/contacts/search"));
    }
}
