//! `/content/search` and `/content/bulk_actions`, over what the fake
//! stores: internal articles and external pages (`external_content`).
//!
//! A bulk action is applied at once (Intercom queues it) to the items of
//! the kinds the action takes; other items are dropped, as Intercom does.

use serde_json::{Map, Value, json};

use super::{Answer, Knowledge, position};
use crate::mock::paging::{numbered, per_page};
use crate::mock::reply::{Ctx, Reply};
use crate::mock::request::{Incoming, id_text};

const ACTIONS: [&str; 6] = [
    "publish",
    "unpublish",
    "delete",
    "set_availability",
    "set_audience",
    "update_tags",
];

pub(super) fn route(store: &mut Knowledge, ctx: &Ctx, req: &Incoming<'_>) -> Option<Answer> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["content", "search"]) => search(store, ctx, req),
        ("POST", ["content", "bulk_actions"]) => bulk(store, ctx, req),
        _ => return None,
    };
    Some(answer)
}

fn search(store: &Knowledge, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let query = req.query("query").map(str::to_lowercase);
    if query.as_ref().is_some_and(|q| q.chars().count() > 500) {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            "query is longer than 500 characters",
        ));
    }
    let types: Option<Vec<&str>> = req.query("content_types").map(|t| t.split(',').collect());
    let wanted = |kind: &str| types.as_ref().is_none_or(|t| t.contains(&kind));
    let matches = |m: &Map<String, Value>, body: &str| {
        query.as_ref().is_none_or(|q| {
            [m.get("title"), m.get(body)]
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .any(|s| s.to_lowercase().contains(q.as_str()))
        })
    };
    let hit = |kind: &str, m: &Map<String, Value>| json!({"type": kind, "id": id_text(m.get("id")), "title": m.get("title")});
    let mut hits = Vec::new();
    if wanted("internal_article") {
        let found = store
            .internal_articles
            .iter()
            .filter(|a| matches(a, "body"));
        hits.extend(found.map(|a| hit("internal_article", a)));
    }
    if wanted("external_content") {
        let found = store.pages.iter().filter(|p| matches(p, "html"));
        hits.extend(found.map(|p| hit("external_content", p)));
    }
    let per_page = per_page(ctx, req.query("per_page").map(|s| json!(s)), 10, 50)?;
    let page = req
        .query("page")
        .map_or(Some(1), |p| p.trim().parse::<usize>().ok())
        .map(|p| p.max(1))
        .ok_or_else(|| ctx.invalid("page", "page must be an integer"))?;
    let mut body = numbered("list", "data", hits, page, per_page);
    body["pages"]["prev"] = Value::Null;
    Ok(Reply::ok(&body))
}

fn bulk(store: &mut Knowledge, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let action = body
        .get("action")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !ACTIONS.contains(&action) {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            format!("Invalid action: `{action}`"),
        ));
    }
    let items = body.get("content_ids").and_then(Value::as_array);
    let items = items
        .filter(|i| (1..=1000).contains(&i.len()))
        .ok_or_else(|| {
            ctx.error(
                422,
                "parameter_invalid",
                "content_ids must hold 1 to 1000 items",
            )
        })?;
    let flags = body.get("availability").and_then(Value::as_object);
    if action == "set_availability" && flags.is_none() {
        return Err(ctx.error(422, "parameter_invalid", "availability is required"));
    }
    for item in items {
        let kind = item.get("type").and_then(Value::as_str).unwrap_or_default();
        let Some(id) = id_text(item.get("id")) else {
            continue;
        };
        let (list, names) = match kind {
            "internal_article" => (
                &mut store.internal_articles,
                [
                    "ai_chatbot_availability",
                    "ai_copilot_availability",
                    "ai_sales_agent_availability",
                ],
            ),
            "external_content" => (
                &mut store.pages,
                [
                    "ai_agent_availability",
                    "ai_copilot_availability",
                    "ai_sales_agent_availability",
                ],
            ),
            _ => continue,
        };
        let Some(i) = position(list, &id) else {
            continue;
        };
        match (action, flags) {
            // External pages are not deleted in bulk (as in Intercom).
            ("delete", _) if kind == "internal_article" => {
                list.remove(i);
            }
            ("set_availability", Some(flags)) => {
                for (flag, name) in ["ai_agent", "copilot", "sales_agent"]
                    .into_iter()
                    .zip(names)
                {
                    if let Some(on) = flags.get(flag).filter(|v| v.is_boolean()) {
                        list[i].insert(name.into(), on.clone());
                    }
                }
                list[i].insert("updated_at".into(), json!(ctx.now));
            }
            _ => {}
        }
    }
    Ok(Reply::json(
        202,
        &json!({"type": "content_bulk_action", "status": "queued"}),
    ))
}
