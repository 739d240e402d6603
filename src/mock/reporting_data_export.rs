//! Reporting data export jobs.
//!
//! `GET /export/reporting_data/get_datasets` lists two datasets;
//! `POST /export/reporting_data/enqueue` checks the dataset and its
//! attributes (`400 bad_request` as Intercom words it) and starts a job
//! (`pending`); reading its status (which needs `app_id` and `client_id`)
//! completes it. The download of a completed job is a CSV of the chosen
//! attributes (`404` before, and for an unknown job).

use serde_json::{Value, json};

use super::reply::{Ctx, Reply};
use super::request::Incoming;

type Answer = Result<Reply, Reply>;

/// Every reporting export job.
#[derive(Debug, Default)]
pub(crate) struct ReportingExports {
    jobs: Vec<(String, &'static str, Vec<String>)>,
    next: u64,
}

const DATASETS: &[(&str, &str, &[&str])] = &[
    (
        "conversation",
        "Conversation",
        &["conversation_id", "conversation_started_at", "channel"],
    ),
    ("ticket", "Ticket", &["ticket_id", "ticket_created_at"]),
];

fn datasets() -> Value {
    let data: Vec<Value> = DATASETS
        .iter()
        .map(|(id, name, attrs)| {
            json!({
                "id": id,
                "name": name,
                "description": format!("{name}-level details"),
                "default_time_attribute_id": attrs[1],
                "attributes": attrs.iter().map(|a| json!({
                    "id": a,
                    "qualified_id": format!("{id}.{a}"),
                    "name": a.replace('_', " "),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"type": "list", "data": data})
}

fn view(id: &str, status: &str) -> Value {
    let done = status == "complete";
    json!({
        "job_identifier": id,
        "status": status,
        "download_url": if done { format!("https://api.intercom.io/download/reporting_data/{id}") } else { String::new() },
        "download_expires_at": "",
    })
}

/// Serve `/export/reporting_data/…` and `/download/reporting_data/…`.
pub(crate) fn route(store: &mut ReportingExports, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["export", "reporting_data", "get_datasets"]) => Ok(Reply::ok(&datasets())),
        ("POST", ["export", "reporting_data", "enqueue"]) => enqueue(store, ctx, req),
        ("GET", ["export", "reporting_data", id]) => {
            required_query(ctx, req, &["app_id", "client_id"]).and_then(|()| {
                let job = find(store, ctx, id)?;
                job.1 = "complete";
                Ok(Reply::ok(&view(&job.0, job.1)))
            })
        }
        ("GET", ["download", "reporting_data", id]) => required_query(ctx, req, &["app_id"])
            .and_then(|()| {
                let job = find(store, ctx, id)?;
                if job.1 != "complete" {
                    return Err(ctx.error(404, "not_found", "Export job is not complete"));
                }
                let mut csv = job.2.join(",");
                csv.push('\n');
                csv.push_str(&vec!["1"; job.2.len()].join(","));
                csv.push('\n');
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

fn required_query(ctx: &Ctx, req: &Incoming<'_>, keys: &[&str]) -> Result<(), Reply> {
    match keys.iter().find(|k| req.query(k).is_none_or(str::is_empty)) {
        Some(k) => Err(ctx.error(400, "bad_request", format!("'{k}' is a required parameter"))),
        None => Ok(()),
    }
}

fn find<'a>(
    store: &'a mut ReportingExports,
    ctx: &Ctx,
    id: &str,
) -> Result<&'a mut (String, &'static str, Vec<String>), Reply> {
    store.jobs.iter_mut().find(|j| j.0 == id).ok_or_else(|| {
        ctx.error(
            404,
            "not_found",
            format!("Export job not found for identifier: {id}"),
        )
    })
}

fn enqueue(store: &mut ReportingExports, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let bad = |m: String| ctx.error(400, "bad_request", m);
    let dataset = body
        .get("dataset_id")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("'dataset_id' is a required parameter".into()))?;
    let Some((_, _, known)) = DATASETS.iter().find(|d| d.0 == dataset) else {
        return Err(bad(format!("{dataset} is not a valid dataset_id")));
    };
    let attrs: Vec<String> = body
        .get("attribute_ids")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("'attribute_ids' is a required parameter".into()))?
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    if attrs.is_empty() {
        return Err(bad(
            "attribute_ids must contain at least one attribute_id".into()
        ));
    }
    for a in &attrs {
        let simple = a.strip_prefix(&format!("{dataset}.")).unwrap_or(a);
        if !known.contains(&simple) {
            return Err(bad(format!(
                "{a} is not a valid attribute_id for {dataset}"
            )));
        }
    }
    for k in ["start_time", "end_time"] {
        if body.get(k).and_then(Value::as_i64).is_none() {
            return Err(bad(format!("'{k}' is a required parameter")));
        }
    }
    store.next += 1;
    let id = format!("fakereport{:04}", store.next);
    store.jobs.push((id.clone(), "pending", attrs));
    Ok(Reply::ok(&view(&id, "pending")))
}
