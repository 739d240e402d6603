//! Content data export jobs.
//!
//! `POST /export/content/data` starts a job (`pending`); only one job may be
//! active at a time (`429`, as Intercom answers). Like a real job it takes a
//! moment: reading its status completes it, with a `download_url`. Cancel
//! ends an active job as `canceled`. The download of a completed job is a
//! small CSV of the messages sent in the job's range (`404` before).

use serde_json::{Value, json};

use super::reply::{Ctx, Reply};
use super::request::Incoming;

type Answer = Result<Reply, Reply>;

/// One export job.
#[derive(Debug, Clone)]
struct Job {
    id: String,
    status: &'static str,
    after: i64,
    before: i64,
    finished_at: i64,
}

/// Every export job of the workspace.
#[derive(Debug, Default)]
pub(crate) struct DataExports {
    jobs: Vec<Job>,
    next: u64,
}

impl Job {
    fn view(&self) -> Value {
        let done = self.status == "completed";
        json!({
            "job_identifier": self.id,
            "status": self.status,
            "download_url": if done { format!("https://api.intercom.io/download/content/data/{}", self.id) } else { String::new() },
            "download_expires_at": if done { (self.finished_at + 2 * 86_400).to_string() } else { String::new() },
        })
    }
}

/// Serve `/export/content/data…`, `/export/cancel/…` and
/// `/download/content/data/…`, or `None` for another route.
pub(crate) fn route(store: &mut DataExports, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("POST", ["export", "content", "data"]) => create(store, ctx, req),
        ("GET", ["export", "content", "data", id]) => find(store, ctx, id).map(|job| {
            if job.status == "pending" || job.status == "in_progress" {
                job.status = "completed";
                job.finished_at = ctx.now;
            }
            Reply::ok(&job.view())
        }),
        ("POST", ["export", "cancel", id]) => find(store, ctx, id).map(|job| {
            if job.status == "pending" || job.status == "in_progress" {
                job.status = "canceled";
            }
            Reply::ok(&job.view())
        }),
        ("GET", ["download", "content", "data", id]) => find(store, ctx, id).and_then(|job| {
            if job.status != "completed" {
                return Err(ctx.error(404, "not_found", "Export job is not complete"));
            }
            let mut csv = String::from("message_id,user_id,received_at,opened_at\n");
            csv.push_str(&format!("m-1,u-1,{},{}\n", job.after, job.after + 60));
            csv.push_str(&format!("m-2,u-2,{},\n", job.before));
            Ok(Reply::bytes(
                200,
                "application/octet-stream",
                csv.into_bytes(),
            ))
        }),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn find<'a>(store: &'a mut DataExports, ctx: &Ctx, id: &str) -> Result<&'a mut Job, Reply> {
    store.jobs.iter_mut().find(|j| j.id == id).ok_or_else(|| {
        ctx.error(
            404,
            "not_found",
            format!("Export job not found for identifier: {id}"),
        )
    })
}

fn create(store: &mut DataExports, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let int = |k: &str| {
        body.get(k).and_then(Value::as_i64).ok_or_else(|| {
            ctx.field_error(400, "parameter_not_found", k, format!("{k} is required"))
        })
    };
    let (after, before) = (int("created_at_after")?, int("created_at_before")?);
    if store
        .jobs
        .iter()
        .any(|j| j.status == "pending" || j.status == "in_progress")
    {
        return Err(ctx.error(
            429,
            "rate_limit_exceeded",
            "Exceeded rate limit of 1 pending message data export jobs",
        ));
    }
    store.next += 1;
    let job = Job {
        id: format!("fakeexport{:06}", store.next),
        status: "pending",
        after,
        before,
        finished_at: 0,
    };
    let view = job.view();
    store.jobs.push(job);
    Ok(Reply::ok(&view))
}
