//! [`LookupCall`]: a `GET /companies?…` lookup, whose empty answer is a
//! not-found error rather than a decode error.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};

use crate::call::Call;
use crate::client::Client;
use crate::error::{ApiError, Error, ErrorCode, ErrorEntry};
use crate::transport::{ApiVersion, Request};

/// What a lookup answered: the one object, or nothing.
///
/// Intercom answers `GET /companies?company_id=` with the company itself;
/// the 2.16 spec declares a `company_list` holding it. Both decode: from a
/// list, the first item is taken, and an empty list is "nothing".
#[derive(Debug, Clone)]
pub struct Found<T>(Option<T>);

impl<'de, T: DeserializeOwned> Deserialize<'de> for Found<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut value = serde_json::Value::deserialize(d)?;
        let is_list = value.get("type").and_then(|t| t.as_str()) == Some("list")
            || (value.get("id").is_none() && value.get("data").is_some());
        if is_list {
            match value.get_mut("data").map(serde_json::Value::take) {
                Some(serde_json::Value::Array(items)) => match items.into_iter().next() {
                    Some(first) => value = first,
                    None => return Ok(Found(None)),
                },
                _ => {
                    return Err(D::Error::custom(
                        "the lookup answered with a list without a `data` array",
                    ));
                }
            }
        }
        T::deserialize(value)
            .map(|t| Found(Some(t)))
            .map_err(D::Error::custom)
    }
}

impl<T> Found<T> {
    /// The object, or `404 company_not_found` for an empty answer: the error
    /// Intercom itself gives for an unknown `company_id`.
    fn into_result(self) -> Result<T, Error> {
        self.0.ok_or_else(|| {
            Error::Api(Box::new(ApiError {
                status: reqwest::StatusCode::NOT_FOUND,
                request_id: None,
                errors: vec![ErrorEntry {
                    code: ErrorCode::CompanyNotFound,
                    message: Some("Company Not Found (the lookup answered an empty list)".into()),
                    field: None,
                }],
                rate_limit: None,
                retry_after: None,
                link: None,
                body_snippet: String::new(),
            }))
        })
    }
}

/// A lookup of one company ([`get_by_company_id`](super::Companies::get_by_company_id),
/// [`find_by_name`](super::Companies::find_by_name)), run like a
/// [`Call`]: `.await` it (or `.send()` it on the blocking client).
///
/// An answer with no company (`{"type": "list", "data": []}`, the shape
/// the spec declares) is `404 company_not_found`, the same error Intercom
/// gives for an unknown id, so [`Error::is_not_found`] covers both.
#[must_use = "a call does nothing until it is awaited"]
pub struct LookupCall<'c, C, T, O> {
    call: Call<'c, C, Found<T>, O>,
}

impl<C, T, O> std::fmt::Debug for LookupCall<'_, C, T, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.call.fmt(f)
    }
}

impl<'c, C, T, O> LookupCall<'c, C, T, O> {
    pub(crate) fn new(client: &'c C, request: Result<Request<Found<T>>, Error>) -> Self {
        LookupCall {
            call: Call::new(client, request),
        }
    }

    /// Timeout for each attempt of this call, instead of the client's.
    pub fn timeout(self, timeout: Duration) -> Self {
        LookupCall {
            call: self.call.timeout(timeout),
        }
    }

    /// Send this `Intercom-Version` for this call only.
    pub fn version(self, version: ApiVersion) -> Self {
        LookupCall {
            call: self.call.version(version),
        }
    }

    /// The operation this call runs.
    pub fn operation(&self) -> Option<&'static crate::Operation> {
        self.call.operation()
    }

    /// The request this call would send, without sending it.
    ///
    /// # Errors
    /// The [`Error::InvalidInput`] found while building it, if any.
    pub fn into_request(self) -> Result<Request<Found<T>>, Error> {
        self.call.into_request()
    }
}

impl<'c, T, O> IntoFuture for LookupCall<'c, Client, T, O>
where
    T: DeserializeOwned + Send + 'c,
    O: 'c,
{
    type Output = Result<T, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'c>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move { self.call.await.and_then(Found::into_result) })
    }
}

#[cfg(feature = "blocking")]
impl<T: DeserializeOwned, O> LookupCall<'_, crate::blocking::Client, T, O> {
    /// Send the request and wait for the answer.
    ///
    /// # Errors
    /// Any [`Error`]; an empty answer is `404 company_not_found`.
    pub fn send(self) -> Result<T, Error> {
        self.call.send().and_then(Found::into_result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Item {
        id: String,
    }

    #[test]
    fn both_shapes_decode_and_an_empty_list_is_not_found() {
        let found: Found<Item> =
            serde_json::from_str(r#"{"type":"company","id":"c1"}"#).expect("object");
        assert_eq!(found.into_result().expect("found").id, "c1");
        let found: Found<Item> =
            serde_json::from_str(r#"{"type":"list","data":[{"id":"c2"},{"id":"c3"}]}"#)
                .expect("list");
        assert_eq!(found.into_result().expect("found").id, "c2");
        let empty: Found<Item> =
            serde_json::from_str(r#"{"type":"list","data":[]}"#).expect("empty");
        let err = empty.into_result().expect_err("not found");
        assert!(err.is_not_found(), "{err}");
        assert_eq!(err.code(), Some(&ErrorCode::CompanyNotFound));
        assert!(serde_json::from_str::<Found<Item>>(r#"{"type":"list","data":{}}"#).is_err());
    }
}
