//! Articles: create, get, update, delete, list (page-numbered), search by
//! phrase, drafts (stage, get, publish), versions and tags.
//!
//! Every write to the published article keeps a version. A staged draft is
//! kept apart (`has_unpublished_changes` turns true) until published. The
//! search matches the phrase in the title, description or body, ignoring
//! case; `state` and `help_center_id` filter it.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::paging::{numbered, numbered_page, per_page};
use super::reply::{Ctx, Reply, Rng};
use super::request::{Incoming, id_text, required};
use super::tags::Tags;

type Answer = Result<Reply, Reply>;

/// Every article, its staged draft and its versions.
#[derive(Debug, Default)]
pub(crate) struct Articles {
    articles: Vec<Map<String, Value>>,
    drafts: HashMap<String, Map<String, Value>>,
    versions: HashMap<String, Vec<Value>>,
    next_id: u64,
}

impl Articles {
    fn position(&self, id: &str) -> Option<usize> {
        self.articles
            .iter()
            .position(|a| a.get("id").and_then(Value::as_str) == Some(id))
    }

    fn version(&mut self, rng: &mut Rng, ctx: &Ctx, a: &Map<String, Value>) {
        let id = a
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let list = self.versions.entry(id.clone()).or_default();
        let from = list.last().and_then(|v| v.get("id")).cloned();
        list.push(json!({
            "type": "article_version",
            "id": (rng.next_u64() % 900_000_000 + 100_000_000).to_string(),
            "article_id": id,
            "title": a.get("title"),
            "description": a.get("description"),
            "body": a.get("body"),
            "author_id": a.get("author_id"),
            "created_by_id": a.get("author_id"),
            "created_via": "api",
            "from_version_id": from,
            "state": a.get("state"),
            "created_at": ctx.now,
            "updated_at": ctx.now,
        }));
    }
}

/// Serve `/articles...`, or `None` for a route the fake does not know.
pub(crate) fn route(
    store: &mut Articles,
    tags: &Tags,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["articles"]) => {
            let items = store.articles.iter().cloned().map(Value::Object).collect();
            numbered_page(ctx, req, "list", "data", items, 10, 150)
        }
        ("POST", ["articles"]) => create(store, rng, ctx, req),
        ("GET", ["articles", "search"]) => search(store, ctx, req),
        ("GET", ["articles", id]) => get(store, ctx, id).map(|a| Reply::ok(&Value::Object(a))),
        ("PUT", ["articles", id]) => update(store, rng, ctx, req, id),
        ("DELETE", ["articles", id]) => delete(store, ctx, id),
        ("GET", ["articles", id, "draft"]) => get(store, ctx, id)
            .map(|a| Reply::ok(&Value::Object(store.drafts.get(*id).cloned().unwrap_or(a)))),
        ("PUT", ["articles", id, "draft"]) => stage(store, ctx, req, id),
        ("POST", ["articles", id, "draft", "publish"]) => publish(store, rng, ctx, id),
        ("POST", ["articles", id, "tags"]) => req.object(ctx).and_then(|body| {
            let tag_id = id_text(body.get("id")).ok_or_else(|| {
                ctx.field_error(400, "parameter_not_found", "id", "id is required")
            })?;
            tag(store, tags, ctx, id, &tag_id, true)
        }),
        ("DELETE", ["articles", id, "tags", tag_id]) => tag(store, tags, ctx, id, tag_id, false),
        ("GET", ["articles", id, "versions"]) => get(store, ctx, id).and_then(|_| {
            let mut items = store.versions.get(*id).cloned().unwrap_or_default();
            items.reverse();
            numbered_page(ctx, req, "list", "data", items, 10, 150)
        }),
        ("GET", ["articles", id, "versions", version]) => get(store, ctx, id).and_then(|_| {
            store
                .versions
                .get(*id)
                .and_then(|vs| vs.iter().find(|v| v["id"].as_str() == Some(*version)))
                .map(Reply::ok)
                .ok_or_else(|| not_found(ctx))
        }),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Resource Not Found")
}

fn delete(store: &mut Articles, ctx: &Ctx, id: &str) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    store.articles.remove(i);
    store.drafts.remove(id);
    Ok(Reply::ok(
        &json!({"id": id, "object": "article", "deleted": true}),
    ))
}

fn get(store: &Articles, ctx: &Ctx, id: &str) -> Result<Map<String, Value>, Reply> {
    store
        .position(id)
        .map(|i| store.articles[i].clone())
        .ok_or_else(|| not_found(ctx))
}

/// Apply the writable fields of a create, update or draft body.
fn apply(ctx: &Ctx, a: &mut Map<String, Value>, body: &Map<String, Value>) -> Result<(), Reply> {
    if body.get("body").is_some_and(|v| !v.is_null())
        && body.get("body_markdown").is_some_and(|v| !v.is_null())
    {
        return Err(ctx.invalid(
            "body_markdown",
            "body and body_markdown are mutually exclusive",
        ));
    }
    for (key, value) in body {
        match key.as_str() {
            "title" | "description" | "body" | "body_markdown" => {
                if !(value.is_string() || value.is_null()) {
                    return Err(ctx.invalid(key, format!("{key} must be a string")));
                }
                a.insert(key.clone(), value.clone());
            }
            "state" => match value.as_str() {
                Some("published" | "draft") => {
                    a.insert(key.clone(), value.clone());
                }
                _ => return Err(ctx.invalid("state", "state must be published or draft")),
            },
            "author_id" => {
                let id = id_text(Some(value))
                    .ok_or_else(|| ctx.invalid("author_id", "author_id must be an admin id"))?;
                a.insert("author_id".into(), json!(id));
            }
            "parent_id" => {
                a.insert("parent_id".into(), value.clone());
                a.insert(
                    "parent_ids".into(),
                    json!(id_text(Some(value)).into_iter().collect::<Vec<_>>()),
                );
            }
            "parent_type"
            | "translated_content"
            | "ai_chatbot_availability"
            | "ai_copilot_availability"
            | "ai_sales_agent_availability" => {
                a.insert(key.clone(), value.clone());
            }
            _ => {}
        }
    }
    if let Some(md) = body.get("body_markdown").and_then(Value::as_str) {
        a.insert("body".into(), json!(format!("<p>{md}</p>")));
    }
    a.insert("updated_at".into(), json!(ctx.now));
    Ok(())
}

fn create(store: &mut Articles, rng: &mut Rng, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    required(ctx, &body, "title")?;
    if id_text(body.get("author_id")).is_none() {
        return Err(ctx.field_error(
            400,
            "parameter_not_found",
            "author_id",
            "author_id is required",
        ));
    }
    store.next_id += 1;
    let id = (9_000_000 + store.next_id).to_string();
    let mut a = match json!({
        "type": "article", "id": id, "workspace_id": super::reply::WORKSPACE_ID,
        "title": null, "description": null, "body": null, "author_id": null,
        "state": "draft", "created_at": ctx.now, "updated_at": ctx.now,
        "url": format!("https://help.example.com/en/articles/{id}"),
        "parent_id": null, "parent_ids": [], "parent_type": null,
        "default_locale": "en", "has_unpublished_changes": false,
        "tags": {"type": "tag.list", "tags": []},
        "statistics": {"type": "article_statistics", "views": 0, "conversions": 0, "reactions": 0,
            "happy_reaction_percentage": 0, "neutral_reaction_percentage": 0, "sad_reaction_percentage": 0},
    }) {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    apply(ctx, &mut a, &body)?;
    store.version(rng, ctx, &a);
    store.articles.push(a.clone());
    Ok(Reply::ok(&Value::Object(a)))
}

fn update(store: &mut Articles, rng: &mut Rng, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let body = req.object(ctx)?;
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let mut a = store.articles[i].clone();
    apply(ctx, &mut a, &body)?;
    store.version(rng, ctx, &a);
    store.articles[i] = a.clone();
    Ok(Reply::ok(&Value::Object(a)))
}

fn stage(store: &mut Articles, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let body = req.object(ctx)?;
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let mut draft = store
        .drafts
        .get(id)
        .cloned()
        .unwrap_or_else(|| store.articles[i].clone());
    apply(ctx, &mut draft, &body)?;
    draft.insert("has_unpublished_changes".into(), json!(true));
    store.articles[i].insert("has_unpublished_changes".into(), json!(true));
    store.drafts.insert(id.to_owned(), draft.clone());
    Ok(Reply::ok(&Value::Object(draft)))
}

fn publish(store: &mut Articles, rng: &mut Rng, ctx: &Ctx, id: &str) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let mut a = store
        .drafts
        .remove(id)
        .unwrap_or_else(|| store.articles[i].clone());
    a.insert("state".into(), json!("published"));
    a.insert("has_unpublished_changes".into(), json!(false));
    a.insert("updated_at".into(), json!(ctx.now));
    store.version(rng, ctx, &a);
    store.articles[i] = a.clone();
    Ok(Reply::ok(&Value::Object(a)))
}

fn search(store: &Articles, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let phrase = req.query("phrase").unwrap_or_default().to_lowercase();
    let state = req.query("state").filter(|s| *s != "all");
    if let Some(s) = state {
        if s != "published" && s != "draft" {
            return Err(ctx.invalid("state", "state must be published, draft or all"));
        }
    }
    let per_page = per_page(ctx, req.query("per_page").map(|s| json!(s)), 10, 150)?;
    let hits: Vec<Value> = store
        .articles
        .iter()
        .filter(|a| state.is_none_or(|s| a.get("state").and_then(Value::as_str) == Some(s)))
        .filter(|a| {
            ["title", "description", "body"].iter().any(|k| {
                a.get(*k)
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.to_lowercase().contains(&phrase))
            })
        })
        .cloned()
        .map(Value::Object)
        .collect();
    let page = numbered("list", "articles", hits, 1, per_page);
    Ok(Reply::ok(&json!({
        "type": "list",
        "total_count": page["total_count"],
        "data": {"articles": page["articles"], "highlights": []},
        "pages": page["pages"],
    })))
}

fn tag(store: &mut Articles, tags: &Tags, ctx: &Ctx, id: &str, tag_id: &str, on: bool) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let tag = tags.get(tag_id).ok_or_else(|| not_found(ctx))?;
    let a = &mut store.articles[i];
    let list = &mut a
        .entry("tags")
        .or_insert_with(|| json!({"type": "tag.list", "tags": []}))["tags"];
    if let Some(list) = list.as_array_mut() {
        list.retain(|t| t["id"] != tag["id"]);
        if on {
            list.push(tag.clone());
        }
    }
    Ok(Reply::ok(&tag))
}
