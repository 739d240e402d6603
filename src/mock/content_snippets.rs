//! Content snippets: create, get, update (only the fields sent), delete
//! (`204`), and a page-numbered list with its page numbers at the top level,
//! as Intercom's `content_snippet_list` has them. Audience ids are checked
//! against the fake's audiences (`404` for an unknown one, nothing written).

use serde_json::{Map, Value, json};

use super::paging;
use super::reply::{Ctx, Reply};
use super::request::{Incoming, required};

type Answer = Result<Reply, Reply>;

/// Every content snippet, in creation order.
#[derive(Debug, Default)]
pub(crate) struct ContentSnippets {
    snippets: Vec<Map<String, Value>>,
    next_id: u64,
}

impl ContentSnippets {
    fn position(&self, id: &str) -> Option<usize> {
        self.snippets
            .iter()
            .position(|s| s.get("id").and_then(Value::as_str) == Some(id))
    }
}

/// Serve `/content_snippets...` (tagging is the tags module's), or `None`.
/// `audience_exists` says whether an audience id is known.
pub(crate) fn route(
    store: &mut ContentSnippets,
    audience_exists: &dyn Fn(&str) -> bool,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["content_snippets"]) => list(store, ctx, req),
        ("POST", ["content_snippets"]) => write(store, audience_exists, ctx, req, None),
        ("GET", ["content_snippets", id]) => store
            .position(id)
            .map(|i| Reply::ok(&Value::Object(store.snippets[i].clone())))
            .ok_or_else(|| not_found(ctx)),
        ("PUT", ["content_snippets", id]) => match store.position(id) {
            Some(i) => write(store, audience_exists, ctx, req, Some(i)),
            None => Err(not_found(ctx)),
        },
        ("DELETE", ["content_snippets", id]) => match store.position(id) {
            Some(i) => {
                store.snippets.remove(i);
                Ok(Reply::no_content())
            }
            None => Err(not_found(ctx)),
        },
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

/// `?page=&per_page=` (default 20, at most 50), numbers at the top level.
fn list(store: &ContentSnippets, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let items: Vec<Value> = store.snippets.iter().cloned().map(Value::Object).collect();
    top_level_page(ctx, req, items, 20, 50)
}

/// A page-numbered list whose `page`, `per_page` and `total_pages` are at
/// the top level (content snippets, audiences).
pub(crate) fn top_level_page(
    ctx: &Ctx,
    req: &Incoming<'_>,
    items: Vec<Value>,
    default: usize,
    max: usize,
) -> Answer {
    let reply = paging::numbered_page(ctx, req, "list", "data", items, default, max)?;
    let mut body: Value = serde_json::from_slice(&reply.body).unwrap_or_default();
    if let Some(pages) = body.as_object_mut().and_then(|b| b.remove("pages")) {
        for k in ["page", "per_page", "total_pages"] {
            body[k] = pages[k].clone();
        }
    }
    Ok(Reply::ok(&body))
}

fn write(
    store: &mut ContentSnippets,
    audience_exists: &dyn Fn(&str) -> bool,
    ctx: &Ctx,
    req: &Incoming<'_>,
    at: Option<usize>,
) -> Answer {
    let body = req.object(ctx)?;
    if at.is_none() || body.contains_key("title") {
        let title = required(ctx, &body, "title")?;
        if title.chars().count() > 255 {
            return Err(ctx.error(422, "parameter_invalid", "title is too long (255 at most)"));
        }
    }
    let blocks = body.get("json_blocks").filter(|v| !v.is_null());
    let markdown = body.get("body_markdown").filter(|v| !v.is_null());
    if blocks.is_some() && markdown.is_some() {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            "json_blocks and body_markdown are mutually exclusive",
        ));
    }
    if at.is_none() && blocks.is_none() && markdown.is_none() {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            "Either json_blocks or body_markdown is required",
        ));
    }
    if let Some(ids) = body.get("audience_ids").and_then(Value::as_array) {
        if ids.iter().any(|id| !audience_exists(&id.to_string())) {
            return Err(ctx.error(404, "not_found", "Audience Not Found"));
        }
    }
    let mut snippet = match at {
        Some(i) => store.snippets[i].clone(),
        None => {
            store.next_id += 1;
            let Value::Object(m) = json!({
                "type": "content_snippet",
                "id": store.next_id.to_string(),
                "title": null,
                "locale": "en",
                "json_blocks": [],
                "body_markdown": null,
                "chatbot_availability": 0,
                "copilot_availability": 0,
                "ai_chatbot_availability": false,
                "ai_copilot_availability": false,
                "ai_sales_agent_availability": false,
                "created_at": ctx.now,
                "audience_ids": [],
            }) else {
                unreachable!("a JSON object literal")
            };
            m
        }
    };
    for key in [
        "title",
        "locale",
        "audience_ids",
        "ai_chatbot_availability",
        "ai_copilot_availability",
        "ai_sales_agent_availability",
    ] {
        if let Some(v) = body.get(key).filter(|v| !v.is_null()) {
            snippet.insert(key.into(), v.clone());
        }
    }
    if let Some(md) = markdown {
        let text = md.as_str().unwrap_or_default();
        snippet.insert("body_markdown".into(), md.clone());
        snippet.insert(
            "json_blocks".into(),
            json!([{"type": "paragraph", "text": text}]),
        );
    } else if let Some(b) = blocks {
        snippet.insert("json_blocks".into(), b.clone());
        snippet.insert("body_markdown".into(), Value::Null);
    }
    for (old, new) in [
        ("chatbot_availability", "ai_chatbot_availability"),
        ("copilot_availability", "ai_copilot_availability"),
    ] {
        let on = snippet.get(new).and_then(Value::as_bool) == Some(true);
        snippet.insert(old.into(), json!(i64::from(on)));
    }
    snippet.insert("updated_at".into(), json!(ctx.now));
    let reply = Reply::json(
        if at.is_none() { 201 } else { 200 },
        &Value::Object(snippet.clone()),
    );
    match at {
        Some(i) => store.snippets[i] = snippet,
        None => store.snippets.push(snippet),
    }
    Ok(reply)
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Content Snippet Not Found")
}
