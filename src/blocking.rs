//! A synchronous client over the same endpoint definitions (feature `blocking`).
//!
//! [`blocking::Client`](Client) wraps the async [`Client`](crate::Client) and
//! a small tokio runtime of its own. Resource handles are the same types as
//! the async client's, parameterised by the executor: `client.contacts()`
//! returns `Contacts<'_, blocking::Client>`, whose methods build the very same
//! [`Request`] values. The only difference is how a
//! [`Call`] runs: `.send()` here, `.await` there. Lists return iterators
//! driven by the same paging state machine as the async streams.
//!
//! ```no_run
//! # fn run() -> Result<(), intercom_api::Error> {
//! use intercom_api::blocking::Client;
//! use intercom_api::contacts::CreateContact;
//!
//! let client = Client::new(std::env::var("INTERCOM_ACCESS_TOKEN").unwrap_or_default())?;
//! let me = client.admins().me().send()?;
//! let ada = client.contacts().create(CreateContact::with_email("ada@example.com")).send()?;
//! for contact in client.contacts().list().per_page(150).items() {
//!     println!("{:?}", contact?.email);
//! }
//! # Ok(()) }
//! ```
//!
//! Downloads (a data export, a reporting export) stream into any
//! [`std::io::Write`], or read as a [`std::io::Read`], one network chunk in
//! memory at a time:
//!
//! ```no_run
//! # fn run(client: intercom_api::blocking::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::jobs::JobWait;
//!
//! let job = client.data_export().wait("al9w983lwu88w1fd", JobWait::default())?;
//! if job.is_ready() {
//!     let mut file = std::fs::File::create("messages.csv.gz").map_err(intercom_api::Error::Write)?;
//!     let bytes = client.data_export().download(&job.job_identifier).to_writer(&mut file)?;
//! }
//! # Ok(()) }
//! ```
//!
//! Calling it from inside an async runtime would block that runtime's thread;
//! it returns [`Error::Config`] instead.

use std::fmt;
use std::future::Future;
use std::io::{self, Read, Write};
use std::sync::Arc;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use secrecy::SecretString;
use serde::de::DeserializeOwned;

use crate::call::Call;
use crate::client::ClientBuilder;
use crate::data_attributes::{CreateDataAttribute, DataAttributes, Ensured};
use crate::data_export::{DataExport, DataExports};
use crate::error::Error;
use crate::jobs::{Job, JobWait, Jobs};
use crate::pagination::{ListCall, Page, Pager};
use crate::reporting_data_export::{ReportingDataExports, ReportingExport};
use crate::resources::contacts::{Contacts, CreateContact, Upserted};
use crate::resources::download::DownloadCall;
use crate::transport::{RateLimit, Request, TextBody};

/// Owns the runtime; shuts it down without blocking wherever it is dropped.
struct Runtime(Option<tokio::runtime::Runtime>);

impl Drop for Runtime {
    fn drop(&mut self) {
        if let Some(rt) = self.0.take() {
            rt.shutdown_background();
        }
    }
}

/// A synchronous Intercom client. Cheap to clone; clones share the runtime,
/// the connection pool and the rate-limit state.
#[derive(Clone)]
pub struct Client {
    inner: crate::Client,
    runtime: Arc<Runtime>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("blocking::Client")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the US region with default settings.
    ///
    /// # Errors
    /// As [`crate::Client::new`], and [`Error::Config`] when the runtime
    /// cannot start.
    pub fn new(token: impl Into<SecretString>) -> Result<Self, Error> {
        Client::from_async(crate::Client::new(token)?)
    }

    /// Configure a client with the same builder as the async one, then call
    /// [`ClientBuilder::build_blocking`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Wrap an async client (sharing its pool and rate-limit state).
    ///
    /// # Errors
    /// [`Error::Config`] when the runtime cannot start.
    pub fn from_async(inner: crate::Client) -> Result<Self, Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("intercom-api-blocking")
            .enable_all()
            .build()
            .map_err(|e| {
                Error::Config(format!("cannot start the blocking client's runtime: {e}"))
            })?;
        Ok(Client {
            inner,
            runtime: Arc::new(Runtime(Some(runtime))),
        })
    }

    /// The async client underneath.
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    /// Run a future to completion on this client's runtime.
    fn block_on<F: Future>(&self, fut: F) -> Result<F::Output, Error> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::Config(
                "the blocking client was called from inside an async runtime, which it would \
                 block; use the async `intercom_api::Client` there"
                    .into(),
            ));
        }
        match &self.runtime.0 {
            Some(rt) => Ok(rt.block_on(fut)),
            None => Err(Error::Config(
                "the blocking client's runtime is gone".into(),
            )),
        }
    }

    crate::resources::resource_handles!(Client);

    /// The rate-limit headers of the latest response.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.inner.rate_limit()
    }

    /// A call to an endpoint this crate does not model yet; see
    /// [`crate::Client::request`].
    pub fn request<T>(
        &self,
        method: reqwest::Method,
        path: impl Into<String>,
    ) -> Call<'_, Client, T> {
        Call::new(self, Ok(Request::new(method, path)))
    }

    /// A download from an endpoint this crate does not model yet; see
    /// [`crate::Client::download`]. Run it with [`DownloadCall::send`] or
    /// [`DownloadCall::to_writer`].
    pub fn download(
        &self,
        method: reqwest::Method,
        path: impl Into<String>,
    ) -> DownloadCall<'_, Client> {
        DownloadCall::new(self, Ok(Request::new(method, path)))
    }

    /// Run a request value.
    ///
    /// # Errors
    /// Any [`Error`], as [`crate::Client::execute`]; [`Error::Config`] when
    /// called inside an async runtime.
    pub fn execute<T: DeserializeOwned>(&self, request: Request<T>) -> Result<T, Error> {
        self.block_on(self.inner.execute(request))?
    }
}

impl ClientBuilder {
    /// Build a [`blocking::Client`](Client).
    ///
    /// # Errors
    /// As [`ClientBuilder::build`], and [`Error::Config`] when the runtime
    /// cannot start.
    pub fn build_blocking(self) -> Result<Client, Error> {
        Client::from_async(self.build()?)
    }
}

impl<T: DeserializeOwned, O> Call<'_, Client, T, O> {
    /// Send the request and wait for the answer.
    ///
    /// # Errors
    /// Any [`Error`]; see the endpoint's documentation.
    pub fn send(self) -> Result<T, Error> {
        let (client, request) = self.into_parts();
        client.execute(request?)
    }
}

impl<'c, T: DeserializeOwned, O> ListCall<'c, Client, T, O> {
    /// Fetch the first page (or the one [`starting_from`](Self::starting_from) names).
    ///
    /// # Errors
    /// Any [`Error`] of the fetch.
    pub fn send(self) -> Result<Page<T>, Error> {
        self.pages()
            .next()
            .unwrap_or_else(|| Err(Error::invalid("cursor", "nothing to fetch")))
    }

    /// Every page, fetched lazily one at a time. Ends after the last page or
    /// the first error.
    pub fn pages(self) -> Pages<'c, T> {
        let (client, pager) = self.into_pager();
        Pages {
            client,
            pager: Some(pager),
            _t: std::marker::PhantomData,
        }
    }

    /// Every item of every page, one page in memory at a time.
    pub fn items(self) -> impl Iterator<Item = Result<T, Error>> + 'c
    where
        T: 'c,
    {
        self.pages()
            .flat_map(|page| -> Box<dyn Iterator<Item = Result<T, Error>>> {
                match page {
                    Ok(p) => Box::new(p.items.into_iter().map(Ok)),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            })
    }

    /// Collect items until `limit` of them are gathered or the list ends.
    ///
    /// # Errors
    /// The first error of any page fetch.
    pub fn collect_at_most(self, limit: usize) -> Result<Vec<T>, Error>
    where
        T: 'c,
    {
        self.items().take(limit).collect()
    }
}

/// The pages of a list, fetched on demand. Made by [`ListCall::pages`].
pub struct Pages<'c, T> {
    client: &'c Client,
    /// `Err` holds an argument error to return on the first `next`.
    pager: Option<Result<Pager, Error>>,
    _t: std::marker::PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for Pages<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages").field("pager", &self.pager).finish()
    }
}

impl<T: DeserializeOwned> Iterator for Pages<'_, T> {
    type Item = Result<Page<T>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let pager = match self.pager.as_mut()? {
            Ok(p) => p,
            Err(_) => {
                return self.pager.take().and_then(|p| p.err()).map(Err);
            }
        };
        let request = match pager.next_request()? {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        let paging = pager.paging();
        let fetched = self
            .client
            .block_on(self.client.inner.fetch_page::<T>(&request, paging))
            .and_then(|r| r);
        match &fetched {
            Ok(page) => pager.advance(page),
            Err(_) => pager.fail(),
        }
        Some(fetched)
    }
}

impl Contacts<'_, Client> {
    /// Create the contact, or update the one with the same external id. This
    /// runs the async client's `upsert_by_external_id`, so the two cannot
    /// drift apart.
    ///
    /// # Errors
    /// As the async version.
    pub fn upsert_by_external_id(&self, contact: CreateContact) -> Result<Upserted, Error> {
        let client = self.executor();
        client.block_on(client.inner.contacts().upsert_by_external_id(contact))?
    }
}

impl DataAttributes<'_, Client> {
    /// The attribute named `attribute.name()` of its model, created when
    /// missing. This runs the async client's `ensure`, so the two cannot
    /// drift apart.
    ///
    /// ```no_run
    /// # fn run(client: intercom_api::blocking::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_attributes::{CreateDataAttribute, DataAttributeModel, DataType};
    /// let ltv = client
    ///     .data_attributes()
    ///     .ensure(CreateDataAttribute::new("lifetime_value", DataAttributeModel::Contact, DataType::Float))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As the async version.
    pub fn ensure(&self, attribute: CreateDataAttribute) -> Result<Ensured, Error> {
        let client = self.executor();
        client.block_on(client.inner.data_attributes().ensure(attribute))?
    }
}

impl Jobs<'_, Client> {
    /// Poll the job until it succeeds or fails, with the backoff of
    /// [`JobWait`] on the client's clock. This runs the async client's
    /// `wait`.
    ///
    /// ```no_run
    /// # fn run(client: intercom_api::blocking::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::jobs::JobWait;
    /// let job = client.jobs().wait("2", JobWait::default())?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As the async version.
    pub fn wait(&self, job_id: &str, policy: JobWait) -> Result<Job, Error> {
        let client = self.executor();
        client.block_on(client.inner.jobs().wait(job_id, policy))?
    }
}

impl DataExports<'_, Client> {
    /// Poll the export until it is finished, with the backoff of
    /// [`JobWait`] on the client's clock. This runs the async client's
    /// `wait`; check [`DataExport::is_ready`] before downloading.
    ///
    /// ```no_run
    /// # fn run(client: intercom_api::blocking::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::jobs::JobWait;
    /// let job = client.data_export().wait("al9w983lwu88w1fd", JobWait::default())?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As the async version.
    pub fn wait(&self, job_identifier: &str, policy: JobWait) -> Result<DataExport, Error> {
        let client = self.executor();
        client.block_on(client.inner.data_export().wait(job_identifier, policy))?
    }
}

impl ReportingDataExports<'_, Client> {
    /// Poll the export until it is finished, with the backoff of
    /// [`JobWait`] on the client's clock. This runs the async client's
    /// `wait`.
    ///
    /// ```no_run
    /// # fn run(client: intercom_api::blocking::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::jobs::JobWait;
    /// let job = client
    ///     .reporting_data_export()
    ///     .wait("job1", "fakeapp1", "client-1", JobWait::default())?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As the async version.
    pub fn wait(
        &self,
        job_identifier: &str,
        app_id: &str,
        client_id: &str,
        policy: JobWait,
    ) -> Result<ReportingExport, Error> {
        let client = self.executor();
        let exports = client.inner.reporting_data_export();
        client.block_on(exports.wait(job_identifier, app_id, client_id, policy))?
    }
}

impl<T, O> DownloadCall<'_, Client, T, O> {
    /// Send the request and wait for the answer's headers (retries and
    /// errors as for any call); the body is then read from the returned
    /// [`Download`].
    ///
    /// ```no_run
    /// # fn run(client: intercom_api::blocking::Client) -> Result<(), intercom_api::Error> {
    /// let download = client.data_export().download("al9w983lwu88w1fd").send()?;
    /// let name = download.filename().unwrap_or("export.csv.gz").to_owned();
    /// let mut file = std::fs::File::create(name).map_err(intercom_api::Error::Write)?;
    /// let bytes = download.to_writer(&mut file)?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`] of the request, as for the async download (e.g. a `404`
    /// for an unknown job); [`Error::InvalidInput`] before sending;
    /// [`Error::Config`] when called inside an async runtime.
    pub fn send(self) -> Result<Download, Error> {
        let (client, request) = self.into_parts();
        let request = request?;
        let download = client.block_on(client.inner.transport.download(&request.raw))??;
        Ok(Download::new(client.clone(), download))
    }

    /// Send the request, then write the whole body to `writer` chunk by
    /// chunk (never the whole body in memory) and flush it; returns how
    /// many bytes were written. Shorthand for
    /// [`send`](DownloadCall::send) then [`Download::to_writer`].
    ///
    /// ```no_run
    /// # fn run(client: intercom_api::blocking::Client) -> Result<(), intercom_api::Error> {
    /// let mut file = std::fs::File::create("messages.csv.gz").map_err(intercom_api::Error::Write)?;
    /// let bytes = client.data_export().download("al9w983lwu88w1fd").to_writer(&mut file)?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Those of [`send`](DownloadCall::send), then those of
    /// [`Download::to_writer`].
    pub fn to_writer<W: Write + ?Sized>(self, writer: &mut W) -> Result<u64, Error> {
        self.send()?.to_writer(writer)
    }
}

/// A file Intercom is sending, on the blocking client: the answer's headers
/// have arrived, its body has not been read yet. Write the body somewhere
/// with [`to_writer`](Download::to_writer), or read it as a
/// [`std::io::Read`] (e.g. through a gzip decoder). Either way memory stays
/// bounded (one network chunk at a time), however large the file.
///
/// It holds a clone of the client (its runtime reads the body), so it may
/// outlive the call that made it.
///
/// ```no_run
/// # fn run(client: intercom_api::blocking::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use std::io::Read;
/// let mut download = client.data_export().download("al9w983lwu88w1fd").send()?;
/// // A data export is a gzipped CSV: a decoder such as
/// // `flate2::read::GzDecoder::new(download)` reads the CSV inside.
/// let mut magic = [0u8; 2];
/// download.read_exact(&mut magic)?;
/// assert_eq!(magic, [0x1f, 0x8b]);
/// # Ok(()) }
/// ```
#[must_use = "a download does nothing until its body is read"]
pub struct Download {
    client: Client,
    status: reqwest::StatusCode,
    content_length: Option<u64>,
    content_type: Option<String>,
    filename: Option<String>,
    /// The body's chunks, fused: polled again after its end, it stays ended.
    body: Box<dyn Stream<Item = Result<Bytes, Error>> + Send + Unpin>,
    /// The rest of a chunk a `read` did not take yet.
    pending: Bytes,
}

impl fmt::Debug for Download {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("blocking::Download")
            .field("status", &self.status)
            .field("content_length", &self.content_length)
            .field("content_type", &self.content_type)
            .field("filename", &self.filename)
            .finish_non_exhaustive()
    }
}

impl Download {
    fn new(client: Client, download: crate::Download) -> Self {
        Download {
            client,
            status: download.status(),
            content_length: download.content_length(),
            content_type: download.content_type().map(str::to_owned),
            filename: download.filename().map(str::to_owned),
            body: Box::new(download.bytes_stream().fuse()),
            pending: Bytes::new(),
        }
    }

    /// The HTTP status of the answer (a 2xx).
    pub fn status(&self) -> reqwest::StatusCode {
        self.status
    }

    /// The size the server declared (`Content-Length`), if it did.
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// The `Content-Type` the server declared, e.g. `application/octet-stream`.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The file name the server suggested (`Content-Disposition: attachment;
    /// filename=…`), if any.
    pub fn filename(&self) -> Option<&str> {
        self.filename.as_deref()
    }

    /// Write the rest of the body to `writer`, chunk by chunk, then flush
    /// it; returns how many bytes were written.
    ///
    /// # Errors
    /// As [`crate::Download::to_writer`]: [`Error::DownloadTruncated`] when
    /// the body ends before its declared length (the connection was cut;
    /// what arrived before was written); [`Error::Timeout`] when no chunk
    /// arrives within the call's timeout; [`Error::Write`] when the writer
    /// fails; [`Error::Transport`] for another failure while reading; and
    /// [`Error::Config`] when called inside an async runtime.
    pub fn to_writer<W: Write + ?Sized>(mut self, writer: &mut W) -> Result<u64, Error> {
        let client = self.client.clone();
        client.block_on(async move {
            let mut written = 0u64;
            let mut chunk = std::mem::take(&mut self.pending);
            loop {
                if !chunk.is_empty() {
                    writer.write_all(&chunk).map_err(Error::Write)?;
                    written += chunk.len() as u64;
                }
                chunk = match self.body.next().await {
                    Some(next) => next?,
                    None => break,
                };
            }
            writer.flush().map_err(Error::Write)?;
            Ok(written)
        })?
    }
}

impl Download {
    /// The rest of the body as text, for a small text answer such as a
    /// call transcript; refused once it passes `limit` bytes.
    ///
    /// ```no_run
    /// # fn run(client: intercom_api::blocking::Client) -> Result<(), intercom_api::Error> {
    /// let text = client.calls().transcript("123").send()?.text(1 << 20)?;
    /// println!("{} lines", text.lines().count());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`crate::Download::text`]: [`Error::ResponseTooLarge`] past
    /// `limit`, [`Error::Protocol`] for a body that is not UTF-8, the
    /// reading errors of [`to_writer`](Download::to_writer); and
    /// [`Error::Config`] when called inside an async runtime.
    pub fn text(mut self, limit: u64) -> Result<String, Error> {
        let mut text = TextBody::start(self.status, self.content_length, limit)?;
        text.push(&std::mem::take(&mut self.pending))?;
        let client = self.client.clone();
        client.block_on(async move {
            while let Some(chunk) = self.body.next().await {
                text.push(&chunk?)?;
            }
            text.finish()
        })?
    }
}

/// Reads the body. A failure is an [`io::Error`] wrapping the [`Error`]
/// (get it back with `into_inner` and `downcast`), of kind
/// [`UnexpectedEof`](io::ErrorKind::UnexpectedEof) for
/// [`Error::DownloadTruncated`] and [`TimedOut`](io::ErrorKind::TimedOut)
/// for [`Error::Timeout`].
impl Read for Download {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        while self.pending.is_empty() {
            match self.client.block_on(self.body.next()).map_err(io_error)? {
                Some(chunk) => self.pending = chunk.map_err(io_error)?,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending.split_to(n));
        Ok(n)
    }
}

/// An [`Error`] met while reading a download, as an [`io::Error`].
fn io_error(e: Error) -> io::Error {
    let kind = match &e {
        Error::DownloadTruncated { .. } => io::ErrorKind::UnexpectedEof,
        Error::Timeout { .. } => io::ErrorKind::TimedOut,
        _ => io::ErrorKind::Other,
    };
    io::Error::new(kind, e)
}
