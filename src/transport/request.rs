//! A call to Intercom as a value.
//!
//! Resource modules build [`Request`]s; nothing else about an endpoint exists.
//! An executor (the async [`Client`](crate::Client), later the blocking one)
//! runs them through the single transport.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use bytes::Bytes;
use reqwest::Method;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::error::Error;
use crate::operation::Operation;
#[cfg(test)]
use crate::operation::encode_segment;
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
    /// The JSON body, serialized once (fields in the order they were
    /// written); sending it again only bumps a reference count.
    pub(crate) body: Option<Bytes>,
    pub(crate) idempotent: bool,
    pub(crate) options: CallOptions,
    /// The row this request was built from; `None` for [`Request::new`].
    pub(crate) operation: Option<&'static Operation>,
    /// The `Accept` header when the endpoint answers with another media
    /// type than the transport's default for its mode (a call transcript
    /// is `text/plain`).
    pub(crate) accept: Option<&'static str>,
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

    /// The body parsed as JSON (for tests and inspection).
    pub(crate) fn body_json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(self.body.as_ref()?).ok()
    }

    /// Set `value` at `path` (a chain of object keys) in the JSON body,
    /// creating the body and the objects on the way when absent, and
    /// replacing an intermediate value that is not an object. Every other
    /// key keeps its place and its bytes.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the body is not a JSON object.
    pub(crate) fn set_body_field(
        &mut self,
        path: &[&str],
        value: &impl Serialize,
    ) -> Result<(), Error> {
        let top = match &self.body {
            None => OrderedObject::default(),
            Some(b) => serde_json::from_slice(b)
                .map_err(|_| Error::invalid("body", "a search body must be a JSON object"))?,
        };
        let top = set_in(top, path, value)?;
        let bytes = serde_json::to_vec(&top).map_err(|e| Error::invalid("body", e.to_string()))?;
        self.body = Some(Bytes::from(bytes));
        Ok(())
    }
}

fn set_in(
    mut obj: OrderedObject,
    path: &[&str],
    value: &impl Serialize,
) -> Result<OrderedObject, Error> {
    let Some((key, rest)) = path.split_first() else {
        return Ok(obj);
    };
    let invalid = |e: serde_json::Error| Error::invalid(*key, e.to_string());
    let raw = if rest.is_empty() {
        serde_json::value::to_raw_value(value).map_err(invalid)?
    } else {
        let inner = obj
            .get(key)
            .and_then(|raw| serde_json::from_str::<OrderedObject>(raw.get()).ok())
            .unwrap_or_default();
        serde_json::value::to_raw_value(&set_in(inner, rest, value)?).map_err(invalid)?
    };
    obj.set(key, raw);
    Ok(obj)
}

/// A JSON object in its written order, values kept verbatim.
#[derive(Default)]
struct OrderedObject(Vec<(String, Box<RawValue>)>);

impl OrderedObject {
    fn get(&self, key: &str) -> Option<&RawValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| &**v)
    }

    fn set(&mut self, key: &str, value: Box<RawValue>) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key.to_owned(), value)),
        }
    }
}

impl<'de> Deserialize<'de> for OrderedObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OrderedObject;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedObject, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                    entries.push(entry);
                }
                Ok(OrderedObject(entries))
            }
        }
        d.deserialize_map(V)
    }
}

impl Serialize for OrderedObject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
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
                accept: None,
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

    /// Ask for `media` in the `Accept` header instead of the default
    /// (`application/json`, or `application/octet-stream` for a download),
    /// for an endpoint that answers with another type.
    pub(crate) fn accept(mut self, media: &'static str) -> Self {
        self.raw.accept = Some(media);
        self
    }

    /// Add a query parameter.
    pub fn query(mut self, key: &'static str, value: impl ToString) -> Self {
        self.raw.query.push((Cow::Borrowed(key), value.to_string()));
        self
    }

    /// Set the JSON body. It is serialized once, here, with fields in the
    /// order `body` writes them; retries send the same bytes.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `body` cannot be represented as JSON (a
    /// map with non-string keys, a `Serialize` impl that fails).
    pub fn json(mut self, body: &impl Serialize) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::invalid("body", e.to_string()))?;
        self.raw.body = Some(Bytes::from(bytes));
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

    /// The JSON body, parsed from the bytes that will be sent (for tests and
    /// inspection: each call parses again). See [`body_bytes`](Self::body_bytes)
    /// for the bytes themselves.
    pub fn body(&self) -> Option<serde_json::Value> {
        self.raw.body_json()
    }

    /// The JSON body exactly as it will be sent.
    pub fn body_bytes(&self) -> Option<&[u8]> {
        self.raw.body.as_deref()
    }

    /// Whether the transport may retry it after a 5xx or a timeout.
    pub fn is_idempotent(&self) -> bool {
        self.raw.idempotent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(encode_segment("abc123"), "abc123");
        assert_eq!(encode_segment("a/b c?d"), "a%2Fb%20c%3Fd");
        assert_eq!(encode_segment("é"), "%C3%A9");
    }

    #[test]
    fn methods_default_idempotency() {
        assert!(Request::<()>::new(Method::GET, "/x").is_idempotent());
        assert!(Request::<()>::new(Method::PUT, "/x").is_idempotent());
        assert!(Request::<()>::new(Method::DELETE, "/x").is_idempotent());
        assert!(!Request::<()>::new(Method::POST, "/x").is_idempotent());
        assert!(
            Request::<()>::new(Method::POST, "/x")
                .idempotent(true)
                .is_idempotent()
        );
    }

    #[test]
    fn body_is_serialized_once_in_written_order() {
        #[derive(Serialize)]
        struct Event<'a> {
            event_name: &'a str,
            created_at: i64,
            user_id: &'a str,
        }
        let r = Request::<()>::new(Method::POST, "/events")
            .json(&Event {
                event_name: "invited-friend",
                created_at: 1_718_000_000,
                user_id: "u1",
            })
            .expect("json");
        assert_eq!(
            r.body_bytes(),
            Some(&br#"{"event_name":"invited-friend","created_at":1718000000,"user_id":"u1"}"#[..])
        );
        assert_eq!(
            r.body(),
            Some(
                serde_json::json!({"event_name": "invited-friend", "created_at": 1_718_000_000, "user_id": "u1"})
            )
        );
    }

    #[test]
    fn set_body_field_keeps_other_keys_in_place() {
        let mut raw = Request::<()>::new(Method::POST, "/contacts/search")
            .json(&serde_json::json!({"query": {"field": "email", "operator": "=", "value": "a"}}))
            .expect("json")
            .raw;
        // `json!` sorts keys; what matters is that editing keeps them as they are.
        raw.body = Some(Bytes::from_static(
            br#"{"query":{"value":"a","field":"email"},"pagination":{"per_page":5}}"#,
        ));
        raw.set_body_field(&["pagination", "starting_after"], &"c2")
            .expect("set");
        assert_eq!(
            raw.body.as_deref(),
            Some(
                &br#"{"query":{"value":"a","field":"email"},"pagination":{"per_page":5,"starting_after":"c2"}}"#[..]
            )
        );
        raw.set_body_field(&["page"], &3).expect("set");
        raw.set_body_field(&["page"], &4).expect("replace");
        assert_eq!(raw.body_json().expect("json")["page"], 4);
        raw.body = Some(Bytes::from_static(b"[1]"));
        assert!(matches!(
            raw.set_body_field(&["page"], &1),
            Err(Error::InvalidInput { .. })
        ));
        let mut empty = Request::<()>::new(Method::POST, "/x").raw;
        empty
            .set_body_field(&["pagination", "per_page"], &50)
            .expect("created");
        assert_eq!(
            empty.body.as_deref(),
            Some(&br#"{"pagination":{"per_page":50}}"#[..])
        );
    }

    #[test]
    fn debug_hides_query_values_and_bodies() {
        let r = Request::<()>::new(Method::POST, "/contacts/search")
            .query("email", "secret@example.com")
            .json(&serde_json::json!({"email": "secret@example.com"}))
            .expect("json");
        let dbg = format!("{r:?}");
        assert!(!dbg.contains("secret@example.com"), "{dbg}");
        assert!(dbg.contains("/contacts/search"));
    }
}
