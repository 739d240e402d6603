//! Jobs: work Intercom does after answering, such as a ticket created with
//! `POST /tickets/enqueue`.
//!
//! [`Jobs::get`] reads a job's status once; [`Jobs::wait`] polls it until it
//! succeeds, fails or the wait runs out, sleeping on the client's clock.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::jobs::JobWait;
//! use std::time::Duration;
//!
//! let job = client
//!     .jobs()
//!     .wait("2", JobWait::default().max_wait(Duration::from_secs(60)))
//!     .await?;
//! println!("created {:?} {:?}", job.resource_type, job.resource_id);
//! # Ok(()) }
//! ```

use std::time::Duration;

use serde::Deserialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::string_enum;
use crate::resources::endpoints::endpoints;

string_enum! {
    /// Where a job is.
    pub enum JobStatus {
        /// Not finished yet.
        Pending = "pending",
        /// Done; the resource exists.
        Success = "success",
        /// Done, without creating the resource.
        Failed = "failed",
    }
}

/// A job and, once it succeeded, the resource it created.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Job {
    /// The job id.
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// Where to read the job's status.
    #[serde(default)]
    pub url: Option<String>,
    /// Pending, success or failed.
    #[serde(default)]
    pub status: Option<JobStatus>,
    /// The kind of resource the job creates, e.g. `ticket`.
    #[serde(default)]
    pub resource_type: Option<String>,
    /// The created resource's id, once the job succeeded.
    #[serde(default, deserialize_with = "crate::models::opt_string_or_number")]
    pub resource_id: Option<String>,
    /// Where to read the created resource.
    #[serde(default)]
    pub resource_url: Option<String>,
}

endpoints! {
    /// The jobs endpoint and a helper that waits for a job. Get one from
    /// [`Client::jobs`](crate::Client::jobs).
    family "jobs" => Jobs;

    /// A job's status, once. See [`wait`](Jobs::wait) to poll until it is done.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::jobs::JobStatus;
    /// let job = client.jobs().get("2").await?;
    /// if job.status == Some(JobStatus::Success) {
    ///     println!("{:?}", job.resource_url);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 job_not_found`.
    "jobsStatus" GET "/jobs/status/{job_id}"
    fn get(job_id) -> Call<Job>;
}

/// How long and how often [`Jobs::wait`] polls: the first wait, doubling up
/// to a longest wait, until a total.
///
/// The default waits 1 s, then 2, 4, 8, 15, 15, ... seconds, for at most
/// 5 minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobWait {
    first_delay: Duration,
    max_delay: Duration,
    max_wait: Duration,
}

impl Default for JobWait {
    fn default() -> Self {
        JobWait {
            first_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(15),
            max_wait: Duration::from_secs(300),
        }
    }
}

impl JobWait {
    /// Give up after this long in total.
    pub fn max_wait(mut self, total: Duration) -> Self {
        self.max_wait = total;
        self
    }

    /// Wait this long before the second poll (then twice as long each time).
    pub fn first_delay(mut self, delay: Duration) -> Self {
        self.first_delay = delay;
        self
    }

    /// Never wait longer than this between two polls.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }
}

impl Jobs<'_, Client> {
    /// Poll the job until it succeeds or fails, waiting longer between polls
    /// each time (see [`JobWait`]), on the client's clock (a test clock makes
    /// the waits virtual). A status this crate does not know is treated as
    /// not finished.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::jobs::JobWait;
    /// let job = client.jobs().wait("2", JobWait::default()).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::JobFailed`] when the job failed; [`Error::JobTimedOut`] when
    /// it is still pending after [`JobWait::max_wait`];
    /// [`Error::InvalidInput`] for an empty `job_id` or a zero
    /// `first_delay`; any error of `GET /jobs/status/{job_id}`.
    pub async fn wait(&self, job_id: &str, policy: JobWait) -> Result<Job, Error> {
        poll(self.executor(), policy, job_id, || async {
            let job = self.get(job_id).await?;
            let verdict = match &job.status {
                Some(JobStatus::Success) => Verdict::Done,
                Some(JobStatus::Failed) => Verdict::Failed,
                other => Verdict::Running(
                    other
                        .as_ref()
                        .map_or("(none)", JobStatus::as_str)
                        .to_owned(),
                ),
            };
            Ok((job, verdict))
        })
        .await
    }
}

/// What one poll of a job said.
pub(crate) enum Verdict {
    /// Finished well: return it.
    Done,
    /// Finished badly: [`Error::JobFailed`].
    Failed,
    /// Not finished; its status, for [`Error::JobTimedOut`].
    Running(String),
}

/// Poll with `policy`'s backoff on the client's clock until `fetch` says
/// the job is done or failed, or the wait runs out (shared by
/// [`Jobs::wait`] and the export families' waits).
pub(crate) async fn poll<T, F, Fut>(
    client: &Client,
    policy: JobWait,
    job_id: &str,
    mut fetch: F,
) -> Result<T, Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(T, Verdict), Error>>,
{
    if policy.first_delay.is_zero() {
        return Err(Error::invalid(
            "first_delay",
            "must be more than zero, or the job would be polled in a tight loop",
        ));
    }
    let start = client.now();
    let mut delay = policy.first_delay;
    loop {
        let status = match fetch().await? {
            (job, Verdict::Done) => return Ok(job),
            (_, Verdict::Failed) => {
                return Err(Error::JobFailed {
                    job_id: job_id.to_owned(),
                });
            }
            (_, Verdict::Running(status)) => status,
        };
        let waited = client.now().duration_since(start).unwrap_or_default();
        if waited >= policy.max_wait {
            return Err(Error::JobTimedOut {
                job_id: job_id.to_owned(),
                status,
                waited,
            });
        }
        client.sleep(delay.min(policy.max_wait - waited)).await;
        delay = (delay * 2).min(policy.max_delay.max(policy.first_delay));
    }
}
