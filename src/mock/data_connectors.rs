//! Data connectors: `/data_connectors[/{id}]` and their execution results.
//!
//! A connector is created as a draft; an update changes only the fields it
//! sends (lists replaced whole); a live connector cannot be deleted
//! (`409`), as in Intercom. Lists are most recently updated first, cursor
//! paged (20 per page, at most 50). The fake never calls a connector, so
//! its execution results are only those a test records with
//! [`FakeIntercom::record_execution`]; they list newest first (10 per page,
//! at most 30), filtered by `success`, `error_type` and `start_ts`/`end_ts`
//! (by default the last hour), bodies only with `include_bodies=true`.

use serde_json::{Map, Value, json};

use super::events::iso;
use super::paging::{bad_cursor, cursor_page, decode_cursor, encode_cursor, per_page};
use super::reply::unix_secs;
use super::reply::{Ctx, Reply};
use super::request::{Incoming, required};

type Answer = Result<Reply, Reply>;

/// The fields a create or update may set, besides `name` and `state`.
const FIELDS: &[&str] = &[
    "description",
    "http_method",
    "url",
    "body",
    "direct_fin_usage",
    "audiences",
    "headers",
    "data_inputs",
    "customer_authentication",
    "bypass_authentication",
    "validate_missing_attributes",
    "token_ids",
];

/// The fields of a connector in a listing.
const SUMMARY: &[&str] = &[
    "type",
    "id",
    "name",
    "description",
    "state",
    "http_method",
    "direct_fin_usage",
    "created_by_admin_id",
    "updated_by_admin_id",
    "created_at",
    "updated_at",
    "execution_results_url",
];

#[derive(Debug)]
struct Connector {
    detail: Map<String, Value>,
    /// Order of the last change, for "most recently updated first".
    changed: u64,
}

/// Every connector and every recorded execution result.
#[derive(Debug, Default)]
pub(crate) struct DataConnectors {
    connectors: Vec<Connector>,
    /// `(unix time, result)`, in recording order.
    executions: Vec<(i64, Map<String, Value>)>,
    next_id: u64,
    clock: u64,
}

impl DataConnectors {
    fn position(&self, id: &str) -> Option<usize> {
        self.connectors
            .iter()
            .position(|c| c.detail.get("id").and_then(Value::as_str) == Some(id))
    }

    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }
}

/// Serve `/data_connectors...`, or `None` for another route.
pub(crate) fn route(
    store: &mut DataConnectors,
    admin_id: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["data_connectors"]) => list(store, ctx, req),
        ("POST", ["data_connectors"]) => create(store, admin_id, ctx, req),
        ("GET", ["data_connectors", id]) => store
            .position(id)
            .map(|i| Reply::ok(&Value::Object(store.connectors[i].detail.clone())))
            .ok_or_else(|| not_found(ctx)),
        ("PATCH", ["data_connectors", id]) => update(store, admin_id, ctx, req, id),
        ("DELETE", ["data_connectors", id]) => delete(store, ctx, id),
        ("GET", ["data_connectors", id, "execution_results"]) => executions(store, ctx, req, id),
        ("GET", ["data_connectors", id, "execution_results", result]) => {
            if store.position(id).is_none() {
                return Some(not_found(ctx));
            }
            store
                .executions
                .iter()
                .find(|(_, r)| {
                    r.get("id").and_then(Value::as_str) == Some(*result)
                        && r.get("data_connector_id").and_then(Value::as_str) == Some(*id)
                })
                .map(|(_, r)| Reply::ok(&Value::Object(r.clone())))
                .ok_or_else(|| not_found(ctx))
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Data connector not found")
}

fn set_fields(
    ctx: &Ctx,
    detail: &mut Map<String, Value>,
    body: &Map<String, Value>,
) -> Result<(), Reply> {
    if let Some(url) = body.get("url").and_then(Value::as_str)
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return Err(ctx.error(422, "parameter_invalid", "url must be an http(s) URL"));
    }
    for key in FIELDS {
        if let Some(v) = body.get(*key) {
            let mut v = v.clone();
            if *key == "headers"
                && let Value::Array(headers) = &mut v
            {
                for h in headers.iter_mut() {
                    h["value"] = json!("****");
                }
            }
            detail.insert((*key).to_owned(), v);
        }
    }
    if let Some(Value::Object(sample)) = body.get("mock_response") {
        let fields: Vec<Value> = sample
            .iter()
            .map(|(k, v)| json!({"path": k, "type": type_of(v), "example_value": v, "redacted": false}))
            .collect();
        detail.insert("response_fields".into(), Value::Array(fields));
        detail.insert(
            "configuration_response_type".into(),
            json!("mock_response_type"),
        );
    }
    Ok(())
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "string",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "decimal",
        _ => "unknown",
    }
}

fn create(store: &mut DataConnectors, admin_id: &str, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let name = required(ctx, &body, "name")?.to_owned();
    store.next_id += 1;
    let id = (48_000 + store.next_id).to_string();
    let now = iso(ctx.now);
    let mut detail = json!({
        "type": "data_connector",
        "id": id,
        "name": name,
        "description": null,
        "state": "draft",
        "url": null,
        "body": "",
        "headers": [],
        "http_method": "get",
        "direct_fin_usage": false,
        "audiences": [],
        "execution_type": "server_side",
        "configuration_response_type": null,
        "data_transformation_type": null,
        "client_function_name": null,
        "client_function_timeout_ms": null,
        "data_inputs": [],
        "response_fields": [],
        "object_mappings": [],
        "token_ids": [],
        "customer_authentication": false,
        "bypass_authentication": false,
        "validate_missing_attributes": null,
        "created_by_admin_id": admin_id,
        "updated_by_admin_id": admin_id,
        "created_at": now,
        "updated_at": now,
        "execution_results_url": format!("/data_connectors/{id}/execution_results"),
    });
    let Value::Object(detail) = &mut detail else {
        unreachable!("a JSON object literal")
    };
    set_fields(ctx, detail, &body)?;
    let changed = store.tick();
    store.connectors.push(Connector {
        detail: detail.clone(),
        changed,
    });
    Ok(Reply::json(201, &Value::Object(detail.clone())))
}

fn update(
    store: &mut DataConnectors,
    admin_id: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let body = req.object(ctx)?;
    let mut detail = store.connectors[i].detail.clone();
    if let Some(name) = body.get("name") {
        let name = name.as_str().filter(|n| !n.trim().is_empty());
        let name = name.ok_or_else(|| ctx.error(422, "parameter_invalid", "name is invalid"))?;
        detail.insert("name".into(), json!(name));
    }
    if let Some(state) = body.get("state") {
        match state.as_str() {
            Some("draft" | "live") => detail.insert("state".into(), state.clone()),
            _ => return Err(ctx.error(422, "parameter_invalid", "state must be draft or live")),
        };
    }
    set_fields(ctx, &mut detail, &body)?;
    detail.insert("updated_by_admin_id".into(), json!(admin_id));
    detail.insert("updated_at".into(), json!(iso(ctx.now)));
    let changed = store.tick();
    store.connectors[i] = Connector {
        detail: detail.clone(),
        changed,
    };
    Ok(Reply::ok(&Value::Object(detail)))
}

fn delete(store: &mut DataConnectors, ctx: &Ctx, id: &str) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    if store.connectors[i]
        .detail
        .get("state")
        .and_then(Value::as_str)
        == Some("live")
    {
        return Err(ctx.error(
            409,
            "conflict",
            "A live data connector cannot be deleted: set it to draft first",
        ));
    }
    store.connectors.remove(i);
    store
        .executions
        .retain(|(_, r)| r.get("data_connector_id").and_then(Value::as_str) != Some(id));
    Ok(Reply::ok(
        &json!({"id": id, "object": "data_connector", "deleted": true}),
    ))
}

/// `items` after the cursor `starting_after` of `kind`, cursor-paged.
fn page(
    ctx: &Ctx,
    req: &Incoming<'_>,
    kind: &'static str,
    items: &[Value],
    default: usize,
    max: usize,
) -> Answer {
    let per_page = per_page(ctx, req.query("per_page").map(|s| json!(s)), default, max)?;
    let start = match req.query("starting_after") {
        None => 0,
        Some(c) => {
            let n = decode_cursor(c, kind).ok_or_else(|| bad_cursor(ctx))?;
            usize::try_from(n).unwrap_or(usize::MAX).saturating_add(1)
        }
    };
    let body = cursor_page("list", "data", items, start, per_page, |i| {
        encode_cursor(kind, i as u64)
    });
    Ok(Reply::ok(&body))
}

fn list(store: &DataConnectors, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let mut connectors: Vec<&Connector> = store.connectors.iter().collect();
    connectors.sort_by_key(|c| std::cmp::Reverse(c.changed));
    let items: Vec<Value> = connectors
        .into_iter()
        .map(|c| {
            let summary: Map<String, Value> = SUMMARY
                .iter()
                .filter_map(|k| c.detail.get(*k).map(|v| ((*k).to_owned(), v.clone())))
                .collect();
            Value::Object(summary)
        })
        .collect();
    page(ctx, req, "dconn", &items, 20, 50)
}

fn executions(store: &DataConnectors, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    if store.position(id).is_none() {
        return Err(not_found(ctx));
    }
    let ts = |key: &str, default: i64| -> Result<i64, Reply> {
        req.query(key).map_or(Ok(default), |v| {
            v.trim()
                .parse()
                .map_err(|_| ctx.invalid(key, format!("{key} must be a unix timestamp")))
        })
    };
    let (start, end) = (ts("start_ts", ctx.now - 3_600)?, ts("end_ts", ctx.now)?);
    let success = req.query("success").map(|s| s == "true");
    let error_type = req.query("error_type");
    let bodies = req.query("include_bodies") == Some("true");
    let mut items: Vec<(i64, Value)> = store
        .executions
        .iter()
        .filter(|(at, r)| {
            r.get("data_connector_id").and_then(Value::as_str) == Some(id)
                && (start..=end).contains(at)
                && success.is_none_or(|s| r.get("success").and_then(Value::as_bool) == Some(s))
                && error_type.is_none_or(|e| r.get("error_type").and_then(Value::as_str) == Some(e))
        })
        .map(|(at, r)| {
            let mut r = r.clone();
            if !bodies {
                for key in ["request_body", "response_body", "raw_response_body"] {
                    r.remove(key);
                }
            }
            (*at, Value::Object(r))
        })
        .collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.0));
    let items: Vec<Value> = items.into_iter().map(|(_, r)| r).collect();
    page(ctx, req, "dexec", &items, 10, 30)
}

impl super::FakeIntercom {
    /// Record that the data connector `data_connector_id` ran, as Intercom
    /// would after a workflow or Fin called it: `result` holds the fields
    /// of a `data_connector.execution` (`success`, `http_status`,
    /// `error_type`, bodies, ...); `id`, `type`, `data_connector_id` and
    /// `created_at` (now, on the fake's clock) are filled in. Returns the
    /// result's id, or `None` when there is no such connector.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use intercom_api::data_connectors::{ExecutionFilter, NewDataConnector};
    /// use intercom_api::mock::FakeIntercom;
    /// let fake = FakeIntercom::start().await;
    /// let client = fake.client()?;
    /// let connector = client.data_connectors().create(NewDataConnector::new("Orders")).await?;
    /// fake.record_execution(&connector.id, serde_json::json!({"success": false, "http_status": 503}));
    /// let failed = client
    ///     .data_connectors()
    ///     .list_execution_results(&connector.id, ExecutionFilter::new().success(false))
    ///     .await?;
    /// assert_eq!(failed.items.len(), 1);
    /// # Ok(()) }
    /// ```
    pub fn record_execution(&self, data_connector_id: &str, result: Value) -> Option<String> {
        let now = unix_secs(self.shared.clock.now());
        let mut st = self.shared.lock();
        let store = &mut st.data_connectors;
        let i = store.position(data_connector_id)?;
        let method = store.connectors[i].detail.get("http_method").cloned();
        store.next_id += 1;
        let id = (770_000 + store.next_id).to_string();
        let mut r = match result {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let defaults = [
            ("type", json!("data_connector.execution")),
            ("id", json!(id)),
            ("data_connector_id", json!(data_connector_id)),
            ("created_at", json!(iso(now))),
        ];
        for (k, v) in defaults {
            r.insert(k.into(), v);
        }
        r.entry("success").or_insert(json!(true));
        r.entry("http_method")
            .or_insert(method.unwrap_or(json!("get")));
        store.executions.push((now, r));
        Some(id)
    }
}
