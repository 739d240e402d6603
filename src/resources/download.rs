//! [`DownloadCall`]: a call whose answer is a file, streamed (see
//! [`Download`]).

use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;
use std::time::Duration;

use crate::client::Client;
use crate::error::Error;
use crate::transport::{ApiVersion, Download, Request};

/// A prepared download on executor `C`: awaiting it sends the request and
/// returns a [`Download`] once the answer's headers arrived (retries and
/// errors as for any call); the body is then streamed by the caller.
///
/// `T` is always [`Download`]; `O` names the operation.
#[must_use = "a call does nothing until it is awaited"]
pub struct DownloadCall<'c, C, T = Download, O = ()> {
    client: &'c C,
    request: Result<Request<T>, Error>,
    _operation: PhantomData<fn() -> O>,
}

impl<C, T, O> std::fmt::Debug for DownloadCall<'_, C, T, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DownloadCall")
            .field("request", &self.request)
            .finish()
    }
}

impl<'c, C, T, O> DownloadCall<'c, C, T, O> {
    pub(crate) fn new(client: &'c C, request: Result<Request<T>, Error>) -> Self {
        DownloadCall {
            client,
            request,
            _operation: PhantomData,
        }
    }

    fn map_request(mut self, f: impl FnOnce(&mut Request<T>)) -> Self {
        if let Ok(r) = &mut self.request {
            f(r);
        }
        self
    }

    /// Timeout for each attempt until the answer's headers arrive, and then
    /// for each chunk of the body, instead of the client's.
    pub fn timeout(self, timeout: Duration) -> Self {
        self.map_request(|r| r.raw.options.timeout = Some(timeout))
    }

    /// Send this `Intercom-Version` for this call only.
    pub fn version(self, version: ApiVersion) -> Self {
        self.map_request(|r| r.raw.options.version = Some(version))
    }

    /// Add a query parameter.
    pub fn query(self, key: &'static str, value: impl ToString) -> Self {
        let value = value.to_string();
        self.map_request(|r| r.raw.query.push((key.into(), value)))
    }

    /// The operation this call runs (`None` for [`Client::download`] calls).
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

impl<'c, T: Send + 'c, O: 'c> IntoFuture for DownloadCall<'c, Client, T, O> {
    type Output = Result<Download, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<Download, Error>> + Send + 'c>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let request = self.request?;
            self.client.transport.download(&request.raw).await
        })
    }
}

impl Client {
    /// A download from an endpoint this crate does not model, through the
    /// same transport (auth, version, pacing, retries, errors), with
    /// `Accept: application/octet-stream`; the body is streamed (see
    /// [`Download`]), never capped by
    /// [`max_response_bytes`](crate::ClientBuilder::max_response_bytes).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::Method;
    /// let download = client.download(Method::GET, "/download/content/data/xyz1234").await?;
    /// let bytes = download.to_writer(&mut tokio::io::sink()).await?;
    /// # Ok(()) }
    /// ```
    pub fn download(
        &self,
        method: reqwest::Method,
        path: impl Into<String>,
    ) -> DownloadCall<'_, Client> {
        DownloadCall::new(self, Ok(Request::new(method, path)))
    }
}
