//! News: news items (create, get, replace, delete, list) and the
//! workspace's newsfeeds, which the API only reads. A live item assigned to
//! a newsfeed shows in that newsfeed's `items`.

use serde_json::{Map, Value, json};

use super::reply::{Ctx, Reply};
use super::request::{Incoming, required};

type Answer = Result<Reply, Reply>;

/// The news items, and the newsfeeds they can be assigned to.
#[derive(Debug)]
pub(crate) struct News {
    items: Vec<Map<String, Value>>,
    feeds: Vec<Value>,
    next_id: u64,
}

impl News {
    /// Two newsfeeds, `1` (Customers) and `2` (Trial users), no items.
    pub(crate) fn new(now: i64) -> News {
        let feed = |id: &str, name: &str| json!({"type": "newsfeed", "id": id, "name": name, "created_at": now, "updated_at": now});
        News {
            items: Vec::new(),
            feeds: vec![feed("1", "Customers"), feed("2", "Trial users")],
            next_id: 0,
        }
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.items
            .iter()
            .position(|i| i.get("id").and_then(Value::as_str) == Some(id))
    }
}

/// Serve `/news/...`, or `None` for a route the fake does not know.
pub(crate) fn route(
    store: &mut News,
    workspace_id: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["news", "news_items"]) => Ok(list(store.items.iter().cloned().map(Value::Object))),
        ("POST", ["news", "news_items"]) => write(store, workspace_id, ctx, req, None),
        ("GET", ["news", "news_items", id]) => store
            .position(id)
            .map(|i| Reply::ok(&Value::Object(store.items[i].clone())))
            .ok_or_else(|| not_found(ctx, "News item")),
        ("PUT", ["news", "news_items", id]) => match store.position(id) {
            Some(i) => write(store, workspace_id, ctx, req, Some(i)),
            None => Err(not_found(ctx, "News item")),
        },
        ("DELETE", ["news", "news_items", id]) => match store.position(id) {
            Some(i) => {
                store.items.remove(i);
                Ok(Reply::ok(
                    &json!({"id": id, "object": "news-item", "deleted": true}),
                ))
            }
            None => Err(not_found(ctx, "News item")),
        },
        ("GET", ["news", "newsfeeds"]) => Ok(list(store.feeds.iter().cloned())),
        ("GET", ["news", "newsfeeds", id]) => feed(store, id)
            .cloned()
            .map(|f| Reply::ok(&f))
            .ok_or_else(|| not_found(ctx, "Newsfeed")),
        ("GET", ["news", "newsfeeds", id, "items"]) => {
            if feed(store, id).is_none() {
                Err(not_found(ctx, "Newsfeed"))
            } else {
                let live = store.items.iter().filter(|i| {
                    i.get("state").and_then(Value::as_str) == Some("live") && assigned_to(i, id)
                });
                Ok(list(live.cloned().map(Value::Object)))
            }
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn feed<'a>(store: &'a News, id: &str) -> Option<&'a Value> {
    store
        .feeds
        .iter()
        .find(|f| f.get("id").and_then(Value::as_str) == Some(id))
}

fn assigned_to(item: &Map<String, Value>, feed_id: &str) -> bool {
    item.get("newsfeed_assignments")
        .and_then(Value::as_array)
        .is_some_and(|a| {
            a.iter()
                .any(|x| x.get("newsfeed_id").map(|v| v.to_string()).as_deref() == Some(feed_id))
        })
}

fn list(items: impl Iterator<Item = Value>) -> Reply {
    let data: Vec<Value> = items.collect();
    Reply::ok(&json!({
        "type": "list",
        "pages": {"type": "pages", "page": 1, "per_page": data.len().max(1), "total_pages": 1},
        "total_count": data.len(),
        "data": data,
    }))
}

/// `POST` (at `None`) or `PUT` (replacing item `at`): title and sender
/// required, state `draft` or `live`, newsfeeds that exist.
fn write(
    store: &mut News,
    workspace_id: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
    at: Option<usize>,
) -> Answer {
    let body = req.object(ctx)?;
    let title = required(ctx, &body, "title")?.to_owned();
    let sender = match body.get("sender_id") {
        Some(v) if v.is_i64() => v.clone(),
        None | Some(Value::Null) => {
            return Err(ctx.field_error(
                400,
                "parameter_not_found",
                "sender_id",
                "sender_id is required",
            ));
        }
        Some(_) => return Err(ctx.invalid("sender_id", "sender_id must be an integer")),
    };
    let state = match body.get("state").and_then(Value::as_str) {
        None => "draft",
        Some(s @ ("draft" | "live")) => s,
        Some(_) => return Err(ctx.invalid("state", "state must be draft or live")),
    };
    let mut assignments = Vec::new();
    for a in body
        .get("newsfeed_assignments")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = a
            .get("newsfeed_id")
            .map(Value::to_string)
            .unwrap_or_default();
        if feed(store, &id).is_none() {
            return Err(not_found(ctx, "Newsfeed"));
        }
        let published = a.get("published_at").cloned().filter(|v| !v.is_null());
        // A draft has no publish time yet (the key is left out).
        let mut assignment = json!({"newsfeed_id": a["newsfeed_id"]});
        if state == "live" {
            assignment["published_at"] = published.unwrap_or(json!(ctx.now));
        }
        assignments.push(assignment);
    }
    let created_at = at
        .and_then(|i| store.items[i].get("created_at").cloned())
        .unwrap_or(json!(ctx.now));
    let id = match at {
        Some(i) => store.items[i]["id"].clone(),
        None => {
            store.next_id += 1;
            json!(store.next_id.to_string())
        }
    };
    let field = |k: &str, default: Value| body.get(k).cloned().unwrap_or(default);
    let item = json!({
        "type": "news-item",
        "id": id,
        "workspace_id": workspace_id,
        "title": title,
        "body": field("body", json!("")),
        "sender_id": sender,
        "state": state,
        "newsfeed_assignments": assignments,
        "labels": field("labels", json!([])),
        "cover_image_url": null,
        "reactions": field("reactions", json!([])),
        "deliver_silently": field("deliver_silently", json!(false)),
        "created_at": created_at,
        "updated_at": ctx.now,
    });
    let Value::Object(item) = item else {
        unreachable!("a JSON object literal")
    };
    let reply = Reply::ok(&Value::Object(item.clone()));
    match at {
        Some(i) => store.items[i] = item,
        None => store.items.push(item),
    }
    Ok(reply)
}

fn not_found(ctx: &Ctx, what: &str) -> Reply {
    ctx.error(404, "not_found", format!("{what} Not Found"))
}
