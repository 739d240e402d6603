//! `/internal_articles`: create, get, update, delete, list, search.

use serde_json::{Value, json};

use super::{Answer, Knowledge, not_found, position};
use crate::mock::paging::{numbered, numbered_page, per_page};
use crate::mock::reply::{Ctx, Reply};
use crate::mock::request::{Incoming, required};

/// The fields a create or an update may set.
const WRITABLE: [&str; 9] = [
    "title",
    "body",
    "body_markdown",
    "owner_id",
    "author_id",
    "audience_ids",
    "ai_chatbot_availability",
    "ai_copilot_availability",
    "ai_sales_agent_availability",
];

pub(super) fn route(store: &mut Knowledge, ctx: &Ctx, req: &Incoming<'_>) -> Option<Answer> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["internal_articles"]) => {
            numbered_page(ctx, req, "list", "data", all(store), 25, 150)
        }
        ("POST", ["internal_articles"]) => write(store, ctx, req, None),
        ("GET", ["internal_articles", "search"]) => search(store, ctx, req),
        ("GET", ["internal_articles", id]) => position(&store.internal_articles, id)
            .map(|i| Reply::ok(&Value::Object(store.internal_articles[i].clone())))
            .ok_or_else(|| not_found(ctx)),
        ("PUT", ["internal_articles", id]) => write(store, ctx, req, Some(id)),
        ("DELETE", ["internal_articles", id]) => position(&store.internal_articles, id)
            .map(|i| {
                store.internal_articles.remove(i);
                Reply::ok(&json!({"id": id, "object": "internal_article", "deleted": true}))
            })
            .ok_or_else(|| not_found(ctx)),
        _ => return None,
    };
    Some(answer)
}

fn all(store: &Knowledge) -> Vec<Value> {
    store
        .internal_articles
        .iter()
        .cloned()
        .map(Value::Object)
        .collect()
}

/// Create (`id` `None`) or update an internal article.
fn write(store: &mut Knowledge, ctx: &Ctx, req: &Incoming<'_>, id: Option<&str>) -> Answer {
    let body = req.object(ctx)?;
    let (i, mut a) = match id {
        Some(id) => {
            let i = position(&store.internal_articles, id).ok_or_else(|| not_found(ctx))?;
            (Some(i), store.internal_articles[i].clone())
        }
        None => {
            required(ctx, &body, "title")?;
            for key in ["owner_id", "author_id"] {
                if body.get(key).is_none_or(Value::is_null) {
                    return Err(ctx.field_error(
                        400,
                        "parameter_not_found",
                        key,
                        format!("{key} must be in the main body"),
                    ));
                }
            }
            let a = json!({
                "type": "internal_article", "id": store.next(), "title": null,
                "body": null, "body_markdown": null, "created_at": ctx.now,
                "locale": "en", "audience_ids": [],
                "ai_chatbot_availability": false, "ai_copilot_availability": false,
                "ai_sales_agent_availability": false,
            });
            (None, a.as_object().cloned().unwrap_or_default())
        }
    };
    if body.contains_key("body") && body.contains_key("body_markdown") {
        return Err(ctx.invalid(
            "body_markdown",
            "body and body_markdown are mutually exclusive",
        ));
    }
    for key in WRITABLE {
        if let Some(v) = body.get(key) {
            a.insert(key.into(), v.clone());
        }
    }
    if let Some(md) = body.get("body_markdown").and_then(Value::as_str) {
        a.insert("body".into(), json!(format!("<p>{}</p>", md.trim())));
    }
    a.insert("updated_at".into(), json!(ctx.now));
    match i {
        Some(i) => store.internal_articles[i] = a.clone(),
        None => store.internal_articles.push(a.clone()),
    }
    Ok(Reply::ok(&Value::Object(a)))
}

/// `GET /internal_articles/search`: the matches nested in
/// `data.internal_articles`.
fn search(store: &Knowledge, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let folder = req.query("folder_id");
    let items: Vec<Value> = all(store)
        .into_iter()
        .filter(|a| folder.is_none_or(|f| a.get("folder_id").and_then(Value::as_str) == Some(f)))
        .collect();
    let per_page = per_page(ctx, req.query("per_page").map(|s| json!(s)), 10, 150)?;
    let page = req
        .query("page")
        .map_or(Some(1), |p| {
            p.trim().parse::<usize>().ok().filter(|p| *p >= 1)
        })
        .ok_or_else(|| ctx.invalid("page", "page must be a positive integer"))?;
    let mut body = numbered("list", "data", items, page, per_page);
    let data = body["data"].take();
    body["data"] = json!({ "internal_articles": data });
    Ok(Reply::ok(&body))
}
