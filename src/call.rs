//! [`Call`]: a prepared request bound to an executor.
//!
//! Resource handles return a `Call`; per-call options go on it, then the async
//! client runs it with `.await` (and the blocking client, with `.send()`).
//! Arguments are checked when the call is built; a refused argument is
//! carried to the await point and returned there, before anything is sent.

use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;
use std::time::Duration;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::Error;
use crate::transport::ApiVersion;
use crate::transport::Request;

impl Client {
    /// A call to an endpoint this crate does not model yet, through the same
    /// transport (auth, version, pacing, retries, errors).
    ///
    /// `path` is percent-encoded and starts with `/`. `T` is any
    /// deserializable type; `serde_json::Value` takes anything.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use reqwest::Method;
    /// let teams: serde_json::Value = client.request(Method::GET, "/teams").await?;
    /// let job: serde_json::Value = client
    ///     .request(Method::POST, "/tags")
    ///     .json(&serde_json::json!({"name": "vip"}))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn request<T>(&self, method: Method, path: impl Into<String>) -> Call<'_, Client, T> {
        Call::new(self, Ok(Request::new(method, path)))
    }
}

/// A request ready to run on executor `C`, producing a `T`.
///
/// `O` names the operation (a marker such as
/// [`contacts::ops::get`](crate::contacts::ops::get)); the options an
/// operation accepts, like [`include_merge_history`](Call::include_merge_history),
/// exist only on its calls. Calls built with [`Client::request`] have `O = ()`.
///
/// ```no_run
/// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
/// use std::time::Duration;
/// let contact = client
///     .contacts()
///     .get("6762f0d01bb69f9f2193bb7d")
///     .timeout(Duration::from_secs(5))
///     .await?;
/// # Ok(()) }
/// ```
#[must_use = "a call does nothing until it is awaited"]
pub struct Call<'c, C, T, O = ()> {
    client: &'c C,
    request: Result<Request<T>, Error>,
    _operation: PhantomData<fn() -> O>,
}

impl<C, T, O> std::fmt::Debug for Call<'_, C, T, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call")
            .field("request", &self.request)
            .finish()
    }
}

impl<'c, C, T, O> Call<'c, C, T, O> {
    pub(crate) fn new(client: &'c C, request: Result<Request<T>, Error>) -> Self {
        Call {
            client,
            request,
            _operation: PhantomData,
        }
    }

    pub(crate) fn map_request(mut self, f: impl FnOnce(&mut Request<T>)) -> Self {
        if let Ok(r) = &mut self.request {
            f(r);
        }
        self
    }

    pub(crate) fn try_map_request(
        mut self,
        f: impl FnOnce(&mut Request<T>) -> Result<(), Error>,
    ) -> Self {
        if let Ok(r) = &mut self.request {
            if let Err(e) = f(r) {
                self.request = Err(e);
            }
        }
        self
    }

    /// Timeout for each attempt of this call, instead of the client's.
    pub fn timeout(self, timeout: Duration) -> Self {
        self.map_request(|r| r.raw.options.timeout = Some(timeout))
    }

    /// Send this `Intercom-Version` for this call only.
    pub fn version(self, version: ApiVersion) -> Self {
        self.map_request(|r| r.raw.options.version = Some(version))
    }

    /// Declare the call safe to repeat, so 5xx answers and timeouts are
    /// retried even for a `POST`.
    pub fn idempotent(self) -> Self {
        self.map_request(|r| r.raw.idempotent = true)
    }

    /// Add a query parameter, e.g. one Intercom documents but this crate does
    /// not model yet.
    pub fn query(self, key: &'static str, value: impl ToString) -> Self {
        let value = value.to_string();
        self.map_request(|r| r.raw.query.push((key.into(), value)))
    }

    /// Set a query parameter, replacing any earlier value of it.
    pub(crate) fn set_query(self, key: &'static str, value: &str) -> Self {
        let value = value.to_owned();
        self.map_request(|r| r.raw.set_query(key, value))
    }

    /// Replace the JSON body. Meant for [`Client::request`]; on a modelled
    /// endpoint it overrides the body the endpoint built.
    pub fn json(mut self, body: &impl Serialize) -> Self {
        self.request = self.request.and_then(|r| r.json(body));
        self
    }

    /// The operation this call runs (`None` for [`Client::request`] calls).
    pub fn operation(&self) -> Option<&'static crate::Operation> {
        self.request.as_ref().ok().and_then(Request::operation)
    }

    /// The request this call would send, without sending it.
    ///
    /// # Errors
    /// The [`Error::InvalidInput`] found while building it, if any.
    pub fn into_request(self) -> Result<Request<T>, Error> {
        self.request
    }

    /// The executor and the request, for executors.
    #[cfg_attr(not(feature = "blocking"), allow(dead_code))]
    pub(crate) fn into_parts(self) -> (&'c C, Result<Request<T>, Error>) {
        (self.client, self.request)
    }
}

impl<'c, T, O> IntoFuture for Call<'c, Client, T, O>
where
    T: DeserializeOwned + Send + 'c,
    O: 'c,
{
    type Output = Result<T, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'c>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move { self.client.execute(self.request?).await })
    }
}
