//! Reporting data export: the datasets behind Intercom's reports
//! (conversations, tickets, calls, …), exported by a job for a time range
//! and a chosen set of attributes, then downloaded as a file.
//!
//! The spec names none of these four operations (no `operationId`); the
//! coverage manifest and [`operations()`](crate::operations) key them by
//! `METHOD /path`.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::jobs::JobWait;
//! use intercom_api::reporting_data_export::NewReportingExport;
//!
//! let reports = client.reporting_data_export();
//! let datasets = reports.datasets().await?;
//! let conversation = datasets.iter().find(|d| d.id == "conversation").expect("dataset");
//! let attributes = conversation.attributes.iter().filter_map(|a| a.qualified_id.clone());
//! let job = reports
//!     .enqueue(NewReportingExport::new("conversation", attributes, 1_717_490_000, 1_717_510_000))
//!     .await?;
//! let done = reports
//!     .wait(&job.job_identifier, "fakeapp1", "client-1", JobWait::default())
//!     .await?;
//! if done.is_ready() {
//!     let mut file = tokio::fs::File::create("conversations.csv")
//!         .await
//!         .map_err(intercom_api::Error::Write)?;
//!     reports.download(&done.job_identifier, "fakeapp1").await?.to_writer(&mut file).await?;
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::data_export::ExportStatus;
use crate::error::Error;
use crate::jobs::{JobWait, Verdict, poll};
use crate::models::{List, null_as_default};
use crate::resources::common::require_non_empty;
use crate::resources::download::DownloadCall;
use crate::resources::endpoints::endpoints;
use crate::transport::{Download, Request};

/// A reporting export job: the same shape as a content export's (its
/// status is `pending`, then `complete` or `failed`, read as
/// [`ExportStatus`]).
pub type ReportingExport = crate::data_export::DataExport;

/// A dataset that can be exported, with its attributes.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Dataset {
    /// The dataset's id, for [`NewReportingExport`], e.g. `conversation`.
    #[serde(default)]
    pub id: String,
    /// Its display name.
    #[serde(default)]
    pub name: Option<String>,
    /// What it holds.
    #[serde(default)]
    pub description: Option<String>,
    /// The attribute the export's time range applies to.
    #[serde(default)]
    pub default_time_attribute_id: Option<String>,
    /// The attributes that can be exported.
    #[serde(default, deserialize_with = "null_as_default")]
    pub attributes: Vec<DatasetAttribute>,
}

/// One attribute of a [`Dataset`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DatasetAttribute {
    /// The simple id; may be ambiguous across attribute types.
    #[serde(default)]
    pub id: Option<String>,
    /// The namespaced id (`conversation.conversation_id`): the one to send
    /// to [`enqueue`](ReportingDataExports::enqueue).
    #[serde(default)]
    pub qualified_id: Option<String>,
    /// Its display name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A new reporting export: a dataset, the attributes to export (at least
/// one) and a time range (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NewReportingExport {
    /// The dataset, e.g. `conversation` (see
    /// [`datasets`](ReportingDataExports::datasets)).
    pub dataset_id: String,
    /// The attributes' qualified ids.
    pub attribute_ids: Vec<String>,
    /// Start of the range.
    pub start_time: i64,
    /// End of the range.
    pub end_time: i64,
}

impl NewReportingExport {
    /// Export these attributes of `dataset_id` from `start_time` to
    /// `end_time` (Unix seconds).
    pub fn new(
        dataset_id: impl Into<String>,
        attribute_ids: impl IntoIterator<Item = impl Into<String>>,
        start_time: i64,
        end_time: i64,
    ) -> Self {
        NewReportingExport {
            dataset_id: dataset_id.into(),
            attribute_ids: attribute_ids.into_iter().map(Into::into).collect(),
            start_time,
            end_time,
        }
    }
}

/// Refuse what Intercom documents as a `400`: no dataset, no attributes,
/// a blank attribute, a range that ends before it starts.
fn enqueue_body(
    request: Request<ReportingExport>,
    export: NewReportingExport,
) -> Result<Request<ReportingExport>, Error> {
    require_non_empty("dataset_id", &export.dataset_id)?;
    if export.attribute_ids.is_empty() {
        return Err(Error::invalid(
            "attribute_ids",
            "must contain at least one attribute id",
        ));
    }
    if export.attribute_ids.iter().any(|a| a.trim().is_empty()) {
        return Err(Error::invalid("attribute_ids", "an attribute id is empty"));
    }
    if export.start_time < 0 {
        return Err(Error::invalid("start_time", "must be a Unix timestamp"));
    }
    if export.end_time < export.start_time {
        return Err(Error::invalid("end_time", "must not be before start_time"));
    }
    request.json(&export)
}

/// `app_id` and `client_id` in the query, and the job id again: the spec
/// declares `job_identifier` a required query parameter of this path.
fn status_query(
    request: Request<ReportingExport>,
    job_identifier: &str,
    app_id: &str,
    client_id: &str,
) -> Result<Request<ReportingExport>, Error> {
    require_non_empty("app_id", app_id)?;
    require_non_empty("client_id", client_id)?;
    Ok(request
        .query("app_id", app_id)
        .query("client_id", client_id)
        .query("job_identifier", job_identifier))
}

/// `app_id` and the job id in the query, as the spec requires.
fn download_query(
    request: Request<Download>,
    job_identifier: &str,
    app_id: &str,
) -> Result<Request<Download>, Error> {
    require_non_empty("app_id", app_id)?;
    Ok(request
        .query("app_id", app_id)
        .query("job_identifier", job_identifier))
}

endpoints! {
    /// Reporting data exports: datasets, enqueue, status, download, and
    /// [`wait`](ReportingDataExports::wait). Get one from
    /// [`Client::reporting_data_export`](crate::Client::reporting_data_export).
    family "reporting_data_export" => ReportingDataExports;

    /// Start exporting a dataset's attributes for a time range. For the
    /// conversation dataset, 2.16 exports every conversation, including
    /// those that never got a user reply.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::reporting_data_export::NewReportingExport;
    /// let job = client
    ///     .reporting_data_export()
    ///     .enqueue(NewReportingExport::new(
    ///         "conversation",
    ///         ["conversation.conversation_id", "conversation.conversation_started_at"],
    ///         1_717_490_000,
    ///         1_717_510_000,
    ///     ))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty `dataset_id`, no
    /// or a blank attribute id, a negative start or an end before the start;
    /// `400 bad_request` for an unknown dataset or attribute.
    "POST /export/reporting_data/enqueue" POST "/export/reporting_data/enqueue"
    fn enqueue(export: NewReportingExport) -> Call<ReportingExport> = enqueue_body;

    /// A job's status, once (see [`wait`](ReportingDataExports::wait)).
    /// `app_id` is the workspace's id code, `client_id` your app's client
    /// id; both are required by the spec.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let job = client
    ///     .reporting_data_export()
    ///     .status("job1", "fakeapp1", "client-1")
    ///     .await?;
    /// println!("{:?}", job.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty `app_id` or
    /// `client_id`; `404 not_found` for an unknown job.
    "GET /export/reporting_data/{job_identifier}" GET "/export/reporting_data/{job_identifier}"
    fn status(job_identifier; app_id: &str, client_id: &str) -> Call<ReportingExport>
        = status_query(job_identifier);

    /// The datasets that can be exported and their attributes.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for dataset in client.reporting_data_export().datasets().await? {
    ///     println!("{}: {} attributes", dataset.id, dataset.attributes.len());
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Only transport and API errors.
    "GET /export/reporting_data/get_datasets" GET "/export/reporting_data/get_datasets"
    fn datasets() -> Call<List<Dataset>>;

    /// The file of a completed job, streamed (see [`Download`]); sent with
    /// `Accept: application/octet-stream`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let dl = client.reporting_data_export().download("job1", "fakeapp1").await?;
    /// let bytes = dl.to_writer(&mut tokio::io::sink()).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty `app_id`;
    /// `404 not_found` for an unknown or unfinished job; while reading,
    /// the errors of [`Download::to_writer`].
    "GET /download/reporting_data/{job_identifier}" GET "/download/reporting_data/{job_identifier}"
    fn download(job_identifier; app_id: &str) -> DownloadCall<Download>
        = download_query(job_identifier);
}

impl ReportingDataExports<'_, Client> {
    /// Poll the job's [`status`](ReportingDataExports::status) until it is
    /// finished, with the backoff of [`JobWait`] on the client's clock.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::jobs::JobWait;
    /// let job = client
    ///     .reporting_data_export()
    ///     .wait("job1", "fakeapp1", "client-1", JobWait::default())
    ///     .await?;
    /// assert!(job.is_ready());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::JobFailed`] when the job failed or was cancelled;
    /// [`Error::JobTimedOut`] when it is still pending after
    /// [`JobWait::max_wait`]; [`Error::InvalidInput`] for an empty argument
    /// or a zero `first_delay`; any error of the status call.
    pub async fn wait(
        &self,
        job_identifier: &str,
        app_id: &str,
        client_id: &str,
        policy: JobWait,
    ) -> Result<ReportingExport, Error> {
        poll(self.executor(), policy, job_identifier, || async {
            let job = self.status(job_identifier, app_id, client_id).await?;
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
