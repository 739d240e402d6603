//! Data export: message delivery and engagement data for outbound content
//! (emails, posts, custom bots, surveys, tours, series), exported by a job
//! and downloaded as a gzipped CSV.
//!
//! Create the job, [`wait`](DataExports::wait) until it is done (on the
//! client's clock), then stream the file to disk: it can be large, and it is
//! never held in memory whole (see [`Download`]).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::data_export::{ExportStatus, NewDataExport};
//! use intercom_api::jobs::JobWait;
//!
//! let job = client
//!     .data_export()
//!     .create(NewDataExport::new(1_734_519_776, 1_734_537_776))
//!     .await?;
//! let done = client.data_export().wait(&job.job_identifier, JobWait::default()).await?;
//! if done.status == Some(ExportStatus::Completed) {
//!     let mut file = tokio::fs::File::create("messages.csv.gz")
//!         .await
//!         .map_err(intercom_api::Error::Write)?;
//!     client.data_export().download(&done.job_identifier).await?.to_writer(&mut file).await?;
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Error;
use crate::jobs::{JobWait, Verdict, poll};
use crate::models::string_enum;
use crate::resources::download::DownloadCall;
use crate::resources::endpoints::endpoints;
use crate::transport::{Download, Request};

string_enum! {
    /// Where an export job is.
    pub enum ExportStatus {
        /// Queued, not started: not ready to download.
        Pending = "pending",
        /// Running: not ready to download.
        InProgress = "in_progress",
        /// Ended without a file.
        Failed = "failed",
        /// Done: the file can be downloaded (for two days).
        Completed = "completed" | "complete",
        /// Done, and there was nothing to export.
        NoData = "no_data",
        /// Cancelled before it finished.
        Canceled = "canceled" | "cancelled",
    }
}

impl ExportStatus {
    /// `true` once the job will not change any more (completed, no data,
    /// failed, cancelled); `false` while it runs or for a status this crate
    /// does not know.
    pub fn is_finished(&self) -> bool {
        matches!(
            self,
            ExportStatus::Completed
                | ExportStatus::NoData
                | ExportStatus::Failed
                | ExportStatus::Canceled
        )
    }
}

/// An export job.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataExport {
    /// The job's identifier, for status, cancel and download.
    #[serde(default)]
    pub job_identifier: String,
    /// Where the job is.
    #[serde(default)]
    pub status: Option<ExportStatus>,
    /// Where to download the file once completed (empty before).
    #[serde(default)]
    pub download_url: Option<String>,
    /// When the file stops being available (a Unix timestamp, as a string;
    /// empty before completion).
    #[serde(default)]
    pub download_expires_at: Option<String>,
}

impl DataExport {
    /// `true` when the file can be downloaded now.
    pub fn is_ready(&self) -> bool {
        self.status == Some(ExportStatus::Completed)
    }
}

/// The date range of a new export: messages *sent* between the two Unix
/// timestamps, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NewDataExport {
    /// Start of the range (Unix seconds).
    pub created_at_after: i64,
    /// End of the range (Unix seconds).
    pub created_at_before: i64,
}

impl NewDataExport {
    /// Messages sent from `created_at_after` to `created_at_before` (Unix
    /// seconds, inclusive).
    pub fn new(created_at_after: i64, created_at_before: i64) -> Self {
        NewDataExport {
            created_at_after,
            created_at_before,
        }
    }
}

/// Refuse a range Intercom would refuse or that exports nothing.
fn create_body(
    request: Request<DataExport>,
    export: NewDataExport,
) -> Result<Request<DataExport>, Error> {
    if export.created_at_after < 0 {
        return Err(Error::invalid(
            "created_at_after",
            "must be a Unix timestamp (not negative)",
        ));
    }
    if export.created_at_before < export.created_at_after {
        return Err(Error::invalid(
            "created_at_before",
            "must not be before created_at_after",
        ));
    }
    request.json(&export)
}

endpoints! {
    /// Content data exports: create, status, cancel, download, and
    /// [`wait`](DataExports::wait). Get one from
    /// [`Client::data_export`](crate::Client::data_export).
    family "data_export" => DataExports;

    /// Start an export of the messages sent in a date range. Only one job
    /// may run per workspace at a time.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_export::NewDataExport;
    /// let job = client
    ///     .data_export()
    ///     .create(NewDataExport::new(1_734_519_776, 1_734_537_776))
    ///     .await?;
    /// println!("{} is {:?}", job.job_identifier, job.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for a negative start or an end
    /// before the start; `429` when another export job is already running
    /// (not retried: the job is not a rate-limit window).
    "createDataExport" POST "/export/content/data"
    fn create(export: NewDataExport) -> Call<DataExport> = create_body;

    /// A job's status, once. See [`wait`](DataExports::wait) to poll until
    /// it is done.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let job = client.data_export().get("al9w983lwu88w1fd").await?;
    /// if job.is_ready() {
    ///     println!("download from {:?}", job.download_url);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown or expired job.
    "getDataExport" GET "/export/content/data/{job_identifier}"
    fn get(job_identifier) -> Call<DataExport>;

    /// Cancel a job (safe to repeat: it is retried after a 5xx or timeout).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let job = client.data_export().cancel("al9w983lwu88w1fd").await?;
    /// assert_eq!(job.status, Some(intercom_api::data_export::ExportStatus::Canceled));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown job.
    "cancelDataExport" POST(idempotent) "/export/cancel/{job_identifier}"
    fn cancel(job_identifier) -> Call<DataExport>;

    /// The file of a completed job, a gzipped CSV, streamed: write it with
    /// [`Download::to_writer`] or read it with [`Download::bytes_stream`];
    /// it is never read into memory whole. Sent with
    /// `Accept: application/octet-stream`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let mut file = tokio::fs::File::create("messages.csv.gz")
    ///     .await
    ///     .map_err(intercom_api::Error::Write)?;
    /// let bytes = client
    ///     .data_export()
    ///     .download("al9w983lwu88w1fd")
    ///     .await?
    ///     .to_writer(&mut file)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown, unfinished or expired job; while reading the
    /// body, the errors of [`Download::to_writer`] (a cut connection is
    /// [`Error::DownloadTruncated`]).
    "downloadDataExport" GET "/download/content/data/{job_identifier}"
    fn download(job_identifier) -> DownloadCall<Download>;
}

impl DataExports<'_, Client> {
    /// Poll the job until it is finished, waiting longer between polls each
    /// time (see [`JobWait`]; the same backoff as
    /// [`jobs().wait`](crate::jobs::Jobs::wait)), on the client's clock. A
    /// job that completed, or had no data, is returned; check
    /// [`DataExport::is_ready`] before downloading.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::jobs::JobWait;
    /// use std::time::Duration;
    /// let job = client
    ///     .data_export()
    ///     .wait("al9w983lwu88w1fd", JobWait::default().max_wait(Duration::from_secs(600)))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::JobFailed`] when the job failed or was cancelled;
    /// [`Error::JobTimedOut`] when it is still running after
    /// [`JobWait::max_wait`]; [`Error::InvalidInput`] for an empty
    /// `job_identifier` or a zero `first_delay`; any error of
    /// `GET /export/content/data/{job_identifier}`.
    pub async fn wait(&self, job_identifier: &str, policy: JobWait) -> Result<DataExport, Error> {
        poll(self.executor(), policy, job_identifier, || async {
            let job = self.get(job_identifier).await?;
            let verdict = match &job.status {
                Some(ExportStatus::Completed | ExportStatus::NoData) => Verdict::Done,
                Some(ExportStatus::Failed | ExportStatus::Canceled) => Verdict::Failed,
                other => Verdict::Running(
                    other
                        .as_ref()
                        .map_or("(none)", ExportStatus::as_str)
                        .to_owned(),
                ),
            };
            Ok((job, verdict))
        })
        .await
    }
}
