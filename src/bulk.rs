//! Many calls at the rate limit.
//!
//! Intercom has no batch endpoints for events, contacts or tags, so bulk work
//! is many single calls. [`Bulk`] runs them with bounded concurrency, paced by
//! the client's shared rate-limit state: requests go as fast as the window's
//! quota allows, then wait for the window to reset instead of being sent into
//! `429`s. Every item comes back, in input order: its result, or the error it
//! failed with and the item itself, ready to retry.
//!
//! ```no_run
//! use intercom_api::resources::data_events::{CreateDataEvent, EventUser};
//!
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let events = (0..10_000).map(|i| {
//!     CreateDataEvent::new("synced-order", 1_717_200_000 + i, EventUser::user_id(format!("user-{i}")))
//! });
//! let report = client
//!     .bulk()
//!     .concurrency(16)
//!     .on_progress(|p| eprintln!("{} done, {} failed, {} in flight", p.done, p.failed, p.in_flight))
//!     .track_events(events)
//!     .await?;
//! println!(
//!     "{} sent, {} failed, {} waits for quota, {} answers 429",
//!     report.stats.succeeded, report.stats.failed, report.stats.waits, report.stats.throttled
//! );
//! // Nothing is lost: the failures hold their items, to retry later.
//! let retry_later: Vec<CreateDataEvent> = report.into_failed_items();
//! # Ok(()) }
//! ```
//!
//! # Pacing
//!
//! Every call goes through the client's transport, so the bulk run shares
//! the rate-limit state with every other task using the client (or its
//! clones): the budget of the current window is what `X-RateLimit-Remaining`
//! said, less the requests in flight. When the budget is spent, calls wait
//! for `X-RateLimit-Reset`; when a window has passed, a fresh budget of
//! `X-RateLimit-Limit` starts until an answer tells how much is really left.
//! A `429` that still happens (another process using the same app's quota)
//! is waited out and retried by the client's [`RetryPolicy`](crate::RetryPolicy).
//!
//! Concurrency only bounds how many calls are in flight; set it so that
//! `concurrency / latency` is above the quota's rate (e.g. 8 at 150 ms per
//! call is about 50 calls per second), or the run is latency-bound.

use std::fmt;
use std::future::IntoFuture;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use futures::StreamExt;

use crate::client::Client;
use crate::contacts::{CreateContact, Upserted};
use crate::error::Error;
use crate::resources::data_events::CreateDataEvent;
use crate::resources::tags::Tag;

/// The concurrency a [`Bulk`] runs with unless told otherwise.
pub const DEFAULT_CONCURRENCY: usize = 8;
/// The highest concurrency a [`Bulk`] accepts.
pub const MAX_CONCURRENCY: usize = 256;

type ProgressFn = Arc<dyn Fn(&Progress) + Send + Sync>;

impl Client {
    /// Many calls at once, as fast as the rate limit allows and no faster.
    pub fn bulk(&self) -> Bulk<'_> {
        Bulk::new(self)
    }
}

/// Bulk operations over one client. Get one from [`Client::bulk`].
///
/// See the [module documentation](self) for an example and how pacing
/// works.
pub struct Bulk<'c> {
    client: &'c Client,
    concurrency: usize,
    progress: Option<ProgressFn>,
}

impl fmt::Debug for Bulk<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bulk")
            .field("concurrency", &self.concurrency)
            .field("progress", &self.progress.is_some())
            .finish_non_exhaustive()
    }
}

/// Where a bulk run stands, given to the [`Bulk::on_progress`] callback
/// after each item finishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Progress {
    /// Items that succeeded.
    pub done: usize,
    /// Items that failed (they come back in the report with their error).
    pub failed: usize,
    /// Items started and not finished.
    pub in_flight: usize,
    /// Times a call waited for rate-limit quota since the run started.
    pub waits: u64,
    /// `429` answers received since the run started (each was waited out
    /// and retried, within the client's retry policy).
    pub throttled: u64,
}

/// Totals of a bulk run.
///
/// `waits`, `waited` and `throttled` come from the client's shared
/// rate-limit state, so they include calls made by other tasks on the same
/// client during the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BulkStats {
    /// Items given.
    pub items: usize,
    /// Items that succeeded.
    pub succeeded: usize,
    /// Items that failed.
    pub failed: usize,
    /// Times a call waited for rate-limit quota.
    pub waits: u64,
    /// Total time calls waited for quota (summed over calls, so with
    /// concurrency it can exceed `elapsed`).
    pub waited: Duration,
    /// `429` answers received.
    pub throttled: u64,
    /// Wall time of the run, on the client's [`Clock`](crate::Clock).
    pub elapsed: Duration,
}

impl BulkStats {
    /// Items per second over the run; `None` when no time passed.
    pub fn rate(&self) -> Option<f64> {
        let secs = self.elapsed.as_secs_f64();
        // Counts far below 2^52 are exact as f64.
        #[allow(clippy::cast_precision_loss)]
        let items = self.items as f64;
        (secs > 0.0).then(|| items / secs)
    }
}

/// An item that failed, with its position in the input and the error.
#[derive(Debug)]
#[non_exhaustive]
pub struct Failed<I> {
    /// The item's position in the input, from 0.
    pub index: usize,
    /// The item, to retry or to record.
    pub item: I,
    /// Why it failed.
    pub error: Error,
}

/// What a bulk run did: one result per item, in input order, and totals.
#[derive(Debug)]
#[non_exhaustive]
pub struct BulkReport<I, T> {
    /// The result of each item, in input order: `results[i]` is item `i`'s.
    pub results: Vec<Result<T, Failed<I>>>,
    /// Totals.
    pub stats: BulkStats,
}

impl<I, T> BulkReport<I, T> {
    /// Whether every item succeeded.
    pub fn is_complete(&self) -> bool {
        self.stats.failed == 0
    }

    /// The successes, with their input positions.
    pub fn successes(&self) -> impl Iterator<Item = (usize, &T)> {
        self.results
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().ok().map(|t| (i, t)))
    }

    /// The failures, in input order.
    pub fn failures(&self) -> impl Iterator<Item = &Failed<I>> {
        self.results.iter().filter_map(|r| r.as_ref().err())
    }

    /// The failures, owned, in input order.
    pub fn into_failures(self) -> Vec<Failed<I>> {
        self.results.into_iter().filter_map(Result::err).collect()
    }

    /// The items that failed, in input order, e.g. to run them again.
    pub fn into_failed_items(self) -> Vec<I> {
        self.results
            .into_iter()
            .filter_map(|r| r.err().map(|f| f.item))
            .collect()
    }
}

impl<'c> Bulk<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Bulk {
            client,
            concurrency: DEFAULT_CONCURRENCY,
            progress: None,
        }
    }

    /// At most `n` calls in flight (default [`DEFAULT_CONCURRENCY`]); `n`
    /// must be between 1 and [`MAX_CONCURRENCY`], else the run returns
    /// [`Error::InvalidInput`] naming `concurrency` before sending anything.
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n;
        self
    }

    /// Call `f` after each item finishes. Keep it quick: it runs on the task
    /// driving the run.
    pub fn on_progress(mut self, f: impl Fn(&Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(f));
        self
    }

    /// `POST /events` for each event.
    ///
    /// Events naming their user by `user_id` are sent as idempotent
    /// (Intercom ignores a repeat of the same user, name and second), so a
    /// `5xx` or a timeout is retried; others are not retried, since a
    /// repeat could count twice.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::data_events::{CreateDataEvent, EventUser};
    /// let events = vec![CreateDataEvent::new("paid-invoice", 1_717_200_000, EventUser::user_id("user-42"))];
    /// let report = client.bulk().track_events(events).await?;
    /// assert!(report.is_complete());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a concurrency out of range. Failures of
    /// single events are in the report.
    pub async fn track_events<E>(&self, events: E) -> Result<BulkReport<CreateDataEvent, ()>, Error>
    where
        E: IntoIterator<Item = CreateDataEvent>,
    {
        self.run(events, |client, event| async move {
            let safe_to_repeat = event.is_idempotent();
            let request = client.data_events().submit(event).into_request()?;
            client.execute(request.idempotent(safe_to_repeat)).await
        })
        .await
    }

    /// Create or update each contact by its external id, as
    /// [`Contacts::upsert_by_external_id`](crate::contacts::Contacts::upsert_by_external_id)
    /// does (one to three calls per contact).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::contacts::CreateContact;
    /// let users = (0..500).map(|i| CreateContact::with_external_id(format!("user-{i}")));
    /// let report = client.bulk().upsert_contacts(users).await?;
    /// let created = report.successes().filter(|(_, up)| up.created).count();
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a concurrency out of range. Failures of
    /// single contacts (including one without an external id) are in the
    /// report.
    pub async fn upsert_contacts<E>(
        &self,
        contacts: E,
    ) -> Result<BulkReport<CreateContact, Upserted>, Error>
    where
        E: IntoIterator<Item = CreateContact>,
    {
        self.run(contacts, |client, contact| async move {
            client.contacts().upsert_by_external_id(contact).await
        })
        .await
    }

    /// `POST /contacts/{id}/tags` for each contact id: put the tag `tag_id`
    /// on every contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let ids = ["6762f0d01bb69f9f2193bb7d", "6762f0d01bb69f9f2193bb7e"];
    /// let report = client.bulk().tag("7522907", ids).await?;
    /// for failed in report.failures() {
    ///     eprintln!("{}: {}", failed.item, failed.error);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming `tag_id` when it is empty, or for a
    /// concurrency out of range. Failures of single contacts are in the
    /// report.
    pub async fn tag<E>(
        &self,
        tag_id: &str,
        contact_ids: E,
    ) -> Result<BulkReport<String, Tag>, Error>
    where
        E: IntoIterator,
        E::Item: Into<String>,
    {
        if tag_id.trim().is_empty() {
            return Err(Error::invalid("tag_id", "must not be empty"));
        }
        let tag_id: Arc<str> = Arc::from(tag_id);
        let ids = contact_ids.into_iter().map(Into::into);
        self.run(ids, move |client, contact_id: String| {
            let tag_id = Arc::clone(&tag_id);
            async move { client.tags().tag_contact(&contact_id, &tag_id).await }
        })
        .await
    }

    /// Run `f` on each item, at most [`concurrency`](Self::concurrency) at a
    /// time, and collect one result per item in input order. `f` gets the
    /// client and the item; each item is cloned once so a failure can hand
    /// it back. The input is read lazily, as slots free up.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::contacts::UpdateContact;
    /// let ids = vec!["6762f0d01bb69f9f2193bb7d".to_owned(), "6762f0d01bb69f9f2193bb7e".to_owned()];
    /// let report = client
    ///     .bulk()
    ///     .run(ids, |client, id| async move {
    ///         let update = UpdateContact::new().custom_attribute("churn_risk", "high");
    ///         client.contacts().update(&id, update).await
    ///     })
    ///     .await?;
    /// for (i, contact) in report.successes() {
    ///     println!("{i}: {}", contact.id);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming `concurrency` when it is 0 or above
    /// [`MAX_CONCURRENCY`]; nothing is run then. Errors of single items are
    /// in the report, never returned here.
    pub async fn run<E, I, T, F, Fut>(&self, items: E, mut f: F) -> Result<BulkReport<I, T>, Error>
    where
        E: IntoIterator<Item = I>,
        I: Clone,
        F: FnMut(&'c Client, I) -> Fut,
        Fut: IntoFuture<Output = Result<T, Error>>,
    {
        if !(1..=MAX_CONCURRENCY).contains(&self.concurrency) {
            return Err(Error::invalid(
                "concurrency",
                format!(
                    "must be between 1 and {MAX_CONCURRENCY}, got {}",
                    self.concurrency
                ),
            ));
        }
        let client = self.client;
        let start_stats = client.pacing_stats();
        let started_at = client.now();

        let started = AtomicUsize::new(0);
        let calls = futures::stream::iter(items.into_iter().enumerate())
            .map(|(index, item)| {
                started.fetch_add(1, Ordering::Relaxed);
                let keep = item.clone();
                let call = f(client, item).into_future();
                async move { (index, keep, call.await) }
            })
            .buffer_unordered(self.concurrency);
        let mut calls = std::pin::pin!(calls);

        let mut finished: Vec<(usize, Result<T, Failed<I>>)> = Vec::new();
        let mut progress = Progress::default();
        while let Some((index, item, result)) = calls.next().await {
            let result = match result {
                Ok(t) => {
                    progress.done += 1;
                    Ok(t)
                }
                Err(error) => {
                    progress.failed += 1;
                    Err(Failed { index, item, error })
                }
            };
            finished.push((index, result));
            if let Some(report) = &self.progress {
                let now = client.pacing_stats();
                progress.in_flight = started
                    .load(Ordering::Relaxed)
                    .saturating_sub(progress.done + progress.failed);
                progress.waits = now.waits.saturating_sub(start_stats.waits);
                progress.throttled = now.throttled.saturating_sub(start_stats.throttled);
                report(&progress);
            }
        }
        // Completion order to input order; every index is there once.
        finished.sort_unstable_by_key(|(index, _)| *index);
        let end_stats = client.pacing_stats();
        let stats = BulkStats {
            items: finished.len(),
            succeeded: progress.done,
            failed: progress.failed,
            waits: end_stats.waits.saturating_sub(start_stats.waits),
            waited: end_stats.waited.saturating_sub(start_stats.waited),
            throttled: end_stats.throttled.saturating_sub(start_stats.throttled),
            elapsed: elapsed_since(client.now(), started_at),
        };
        Ok(BulkReport {
            results: finished.into_iter().map(|(_, r)| r).collect(),
            stats,
        })
    }
}

fn elapsed_since(now: SystemTime, start: SystemTime) -> Duration {
    now.duration_since(start).unwrap_or_default()
}
