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
//! Calling it from inside an async runtime would block that runtime's thread;
//! it returns [`Error::Config`] instead.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use secrecy::SecretString;
use serde::de::DeserializeOwned;

use crate::call::Call;
use crate::client::ClientBuilder;
use crate::error::Error;
use crate::pagination::{ListCall, Page, Pager};
use crate::resources::contacts::{Contacts, CreateContact, Upserted};
use crate::transport::{RateLimit, Request};

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
