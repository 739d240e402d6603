//! # intercom-api
//!
//! A typed client for the [Intercom REST API](https://developers.intercom.com/docs/references/rest-api/api.intercom.io/),
//! written against API version **2.16**.
//!
//! - **Typed resources**: `client.contacts().get(id).await?`, with models
//!   that tolerate API growth (unknown fields are ignored, unknown enum values
//!   kept in `Unknown(String)`, `custom_attributes` as a JSON map).
//! - **One transport** under every call: bearer auth, a pinned
//!   `Intercom-Version`, rate-limit pacing from `X-RateLimit-*` headers, and
//!   retries with capped, jittered backoff (only idempotent calls on 5xx and
//!   timeouts).
//! - **Pagination** as pages or lazy streams, for every paging scheme
//!   Intercom uses, resumable from a saved [`Cursor`].
//! - **Errors** that keep everything: status, `request_id`, every
//!   `errors[]` entry, the rate-limit snapshot and a body snippet.
//! - **A fake Intercom** (feature `mock`) for tests and examples.
//!
//! ```no_run
//! use intercom_api::{Client, contacts::CreateContact, search::field};
//! use futures::TryStreamExt;
//!
//! # async fn run() -> Result<(), intercom_api::Error> {
//! let client = Client::new(std::env::var("INTERCOM_ACCESS_TOKEN").unwrap_or_default())?;
//!
//! let me = client.admins().me().await?;
//! let ada = client
//!     .contacts()
//!     .create(CreateContact::with_external_id("user-42").email("ada@example.com"))
//!     .await?;
//! let found = client.contacts().search(field("email").eq("ada@example.com")).await?;
//!
//! let mut all = std::pin::pin!(client.contacts().list().per_page(150).items());
//! while let Some(contact) = all.try_next().await? {
//!     println!("{} {:?}", contact.id, contact.email);
//! }
//! println!("quota left: {:?}", client.rate_limit().map(|r| r.remaining));
//! # Ok(()) }
//! ```
//!
//! ## Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `rustls` | yes | TLS through rustls |
//! | `native-tls` | no | TLS through the platform library |
//! | `mock` | no | [`mock::FakeIntercom`], an in-process fake Intercom on 127.0.0.1 |
//! | `blocking` | no | [`blocking::Client`], a synchronous client over the same endpoints |
//! | `health` | no | [`health`]: customer health scores with per-factor breakdowns, batch scoring and a webhook-driven tracker |
//! | `redis` | no | [`quota::RedisStore`]: one rate-limit quota shared by many processes through Redis ([`quota`]) |
//! | `tracing` | no | an `intercom.request` span per call: method, path template (ids replaced by `{id}`), attempt, waits, status, rate-limit remaining, request_id; never tokens or bodies |
//!
//! Always available: [`bulk`] (many calls at the rate limit, per-item results),
//! [`sync`] (full and incremental sync, identity resolution), [`webhooks`],
//! [`oauth`] and [`messenger`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "blocking")]
#[cfg_attr(docsrs, doc(cfg(feature = "blocking")))]
pub mod blocking;
pub mod bulk;
mod call;
mod client;
mod error;
mod json_path;
pub mod messenger;
pub mod models;
pub mod oauth;
mod operation;
pub mod options;
mod pagination;
pub mod resources;
pub mod search;
mod transport;
pub mod webhooks;

#[cfg(feature = "mock")]
#[cfg_attr(docsrs, doc(cfg(feature = "mock")))]
pub mod mock;

#[cfg(feature = "health")]
#[cfg_attr(docsrs, doc(cfg(feature = "health")))]
pub mod health;
pub mod sync;

pub use call::Call;
pub use client::{ApiVersion, Client, ClientBuilder, Region};
pub use error::{ApiError, DecodeError, Error, ErrorCode, ErrorEntry};
pub use operation::Operation;
pub use pagination::{Cursor, ListCall, Page};
/// The HTTP client crate, at the version this crate uses, for
/// [`ClientBuilder::http_client`] without a version-matched dependency.
pub use reqwest;
/// The HTTP method type of [`Client::request`] and [`Request::new`].
pub use reqwest::Method;
pub use resources::download::DownloadCall;
pub use resources::operations;
pub use resources::{
    admins, ai_content, articles, audiences, away_status_reasons, banners, brands, calls,
    companies, contacts, content, content_snippets, conversation_attributes, conversations,
    custom_object_instances, data_attributes, data_connectors, data_events, data_export, emails,
    fin_agent, help_center, internal_articles, ip_allowlist, jobs, macros, messages, news, notes,
    office_hours, phone_call_redirects, reporting_data_export, segments, subscription_types, tags,
    teams, ticket_states, ticket_types, tickets, visitors, workflows,
};
pub use transport::Download;
pub use transport::quota;
pub use transport::{
    CallOptions, Clock, Jitter, RateLimit, Request, RetryPolicy, Sleep, SystemClock, TokioClock,
};

/// The README's examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// `Result<T, intercom_api::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
