//! `/ai/content_import_sources` and `/ai/external_pages`.
//!
//! A page belongs to a source (`source_id`, which must exist), is unique by
//! `(source_id, external_id)` (a create with both updates the page), and
//! goes with its source when the source is deleted. Pages are written only
//! into sources whose `sync_behavior` is `api`.

use serde_json::{Map, Value, json};

use super::{Answer, Knowledge, not_found, position};
use crate::mock::paging::numbered_page;
use crate::mock::reply::{Ctx, Reply};
use crate::mock::request::{Incoming, id_text, required};

pub(super) fn route(store: &mut Knowledge, ctx: &Ctx, req: &Incoming<'_>) -> Option<Answer> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["ai", "content_import_sources"]) => {
            numbered_page(ctx, req, "list", "data", values(&store.sources), 50, 150)
        }
        ("POST", ["ai", "content_import_sources"]) => write_source(store, ctx, req, None),
        ("GET", ["ai", "content_import_sources", id]) => position(&store.sources, id)
            .map(|i| Reply::ok(&Value::Object(store.sources[i].clone())))
            .ok_or_else(|| not_found(ctx)),
        ("PUT", ["ai", "content_import_sources", id]) => write_source(store, ctx, req, Some(id)),
        ("DELETE", ["ai", "content_import_sources", id]) => position(&store.sources, id)
            .map_or_else(
                || Err(not_found(ctx)),
                |i| {
                    store.sources.remove(i);
                    store
                        .pages
                        .retain(|p| id_text(p.get("source_id")).as_deref() != Some(id));
                    let mut reply = Reply::json(204, &Value::Null);
                    reply.body.clear();
                    Ok(reply)
                },
            ),
        ("GET", ["ai", "external_pages"]) => {
            numbered_page(ctx, req, "list", "data", values(&store.pages), 50, 150)
        }
        ("POST", ["ai", "external_pages"]) => write_page(store, ctx, req, None),
        ("GET", ["ai", "external_pages", id]) => position(&store.pages, id)
            .map(|i| Reply::ok(&Value::Object(store.pages[i].clone())))
            .ok_or_else(|| not_found(ctx)),
        ("PUT", ["ai", "external_pages", id]) => write_page(store, ctx, req, Some(id)),
        ("DELETE", ["ai", "external_pages", id]) => position(&store.pages, id).map_or_else(
            || Err(not_found(ctx)),
            |i| {
                let mut page = store.pages.remove(i);
                page.insert("html".into(), json!(""));
                Ok(Reply::ok(&Value::Object(page)))
            },
        ),
        _ => return None,
    };
    Some(answer)
}

fn values(list: &[Map<String, Value>]) -> Vec<Value> {
    list.iter().cloned().map(Value::Object).collect()
}

/// `audience_ids` as Intercom takes them: one integer or a list.
fn audience_ids(v: &Value) -> Value {
    match v {
        Value::Number(_) => json!([v]),
        Value::Null => json!([]),
        other => other.clone(),
    }
}

/// Create (`id` `None`) or update a content import source.
fn write_source(store: &mut Knowledge, ctx: &Ctx, req: &Incoming<'_>, id: Option<&str>) -> Answer {
    let body = req.object(ctx)?;
    let url = required(ctx, &body, "url")?.to_owned();
    let behavior = required(ctx, &body, "sync_behavior")?.to_owned();
    let (i, mut s) = match id {
        Some(id) => {
            let i = position(&store.sources, id).ok_or_else(|| not_found(ctx))?;
            let s = store.sources[i].clone();
            let was_api = s.get("sync_behavior").and_then(Value::as_str) == Some("api");
            if was_api != (behavior == "api") {
                return Err(ctx.invalid(
                    "sync_behavior",
                    "sync_behavior cannot change to or from api",
                ));
            }
            (Some(i), s)
        }
        None => {
            if behavior != "api" {
                return Err(ctx.invalid("sync_behavior", "sync_behavior must be api"));
            }
            let id: i64 = store.next().parse().unwrap_or_default();
            let s = json!({
                "type": "content_import_source", "id": id, "status": "active",
                "created_at": ctx.now, "last_synced_at": ctx.now, "audience_ids": [],
            });
            (None, s.as_object().cloned().unwrap_or_default())
        }
    };
    s.insert("url".into(), json!(url));
    s.insert("sync_behavior".into(), json!(behavior));
    if let Some(status) = body.get("status") {
        if !matches!(status.as_str(), Some("active" | "deactivated")) {
            return Err(ctx.invalid("status", "status must be active or deactivated"));
        }
        s.insert("status".into(), status.clone());
    }
    if let Some(a) = body.get("audience_ids") {
        s.insert("audience_ids".into(), audience_ids(a));
    }
    s.insert("updated_at".into(), json!(ctx.now));
    match i {
        Some(i) => store.sources[i] = s.clone(),
        None => store.sources.push(s.clone()),
    }
    Ok(Reply::ok(&Value::Object(s)))
}

/// Create or upsert (`id` `None`) or update an external page.
fn write_page(store: &mut Knowledge, ctx: &Ctx, req: &Incoming<'_>, id: Option<&str>) -> Answer {
    let body = req.object(ctx)?;
    required(ctx, &body, "title")?;
    required(ctx, &body, "html")?;
    let source_id = id_text(body.get("source_id")).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "source_id",
            "source_id is required",
        )
    })?;
    let source = position(&store.sources, &source_id)
        .ok_or_else(|| ctx.error(404, "not_found", "Content import source not found"))?;
    if store.sources[source]
        .get("sync_behavior")
        .and_then(Value::as_str)
        != Some("api")
    {
        return Err(ctx.invalid(
            "source_id",
            "External pages can only be written into a source whose sync_behavior is api",
        ));
    }
    let external = match id {
        None => Some(required(ctx, &body, "external_id")?.to_owned()),
        Some(_) => id_text(body.get("external_id")),
    };
    let existing = match id {
        Some(id) => Some(position(&store.pages, id).ok_or_else(|| not_found(ctx))?),
        None => store.pages.iter().position(|p| {
            id_text(p.get("source_id")).as_deref() == Some(source_id.as_str())
                && p.get("external_id").and_then(Value::as_str) == external.as_deref()
        }),
    };
    let mut p = match existing {
        Some(i) => store.pages[i].clone(),
        None => {
            let p = json!({
                "type": "external_page", "id": store.next(), "url": null,
                "ai_agent_availability": false, "ai_copilot_availability": false,
                "ai_sales_agent_availability": false, "fin_availability": false,
                "locale": "en", "created_at": ctx.now,
            });
            p.as_object().cloned().unwrap_or_default()
        }
    };
    for key in [
        "title",
        "html",
        "url",
        "ai_agent_availability",
        "ai_copilot_availability",
        "fin_availability",
    ] {
        if let Some(v) = body.get(key) {
            p.insert(key.into(), v.clone());
        }
    }
    if let Some(on) = body.get("fin_availability") {
        p.insert("ai_agent_availability".into(), on.clone());
    }
    let source_num: i64 = source_id.parse().unwrap_or_default();
    p.insert("source_id".into(), json!(source_num));
    if let Some(e) = external {
        p.insert("external_id".into(), json!(e));
    }
    p.insert("updated_at".into(), json!(ctx.now));
    p.insert("last_ingested_at".into(), json!(ctx.now));
    match existing {
        Some(i) => store.pages[i] = p.clone(),
        None => store.pages.push(p.clone()),
    }
    Ok(Reply::ok(&Value::Object(p)))
}
