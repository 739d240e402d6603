//! Audiences: create, get, update (only the fields sent; a predicate list
//! sent replaces the old one), delete (`204`), and a page-numbered list
//! (at most 50 per page) with its page numbers at the top level. Content
//! snippets may only target audiences that exist here.

use serde_json::{Map, Value, json};

use super::content_snippets::top_level_page;
use super::reply::{Ctx, Reply};
use super::request::{Incoming, required};

type Answer = Result<Reply, Reply>;

/// Every audience, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Audiences {
    audiences: Vec<Map<String, Value>>,
    next_id: u64,
}

impl Audiences {
    fn position(&self, id: &str) -> Option<usize> {
        self.audiences
            .iter()
            .position(|a| a.get("id").and_then(Value::as_str) == Some(id))
    }

    /// Whether an audience with this id exists.
    pub(crate) fn exists(&self, id: &str) -> bool {
        self.position(id.trim_matches('"')).is_some()
    }
}

/// Serve `/audiences...`, or `None` for a route the fake does not know.
pub(crate) fn route(store: &mut Audiences, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["audiences"]) => {
            let items = store.audiences.iter().cloned().map(Value::Object).collect();
            top_level_page(ctx, req, items, 50, 50)
        }
        ("POST", ["audiences"]) => write(store, ctx, req, None),
        ("GET", ["audiences", id]) => store
            .position(id)
            .map(|i| Reply::ok(&Value::Object(store.audiences[i].clone())))
            .ok_or_else(|| not_found(ctx)),
        ("PUT", ["audiences", id]) => match store.position(id) {
            Some(i) => write(store, ctx, req, Some(i)),
            None => Err(not_found(ctx)),
        },
        ("DELETE", ["audiences", id]) => match store.position(id) {
            Some(i) => {
                store.audiences.remove(i);
                Ok(Reply::no_content())
            }
            None => Err(not_found(ctx)),
        },
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn write(store: &mut Audiences, ctx: &Ctx, req: &Incoming<'_>, at: Option<usize>) -> Answer {
    let body = req.object(ctx)?;
    if at.is_none() || body.contains_key("name") {
        required(ctx, &body, "name")?;
    }
    for key in ["predicates", "role_predicates"] {
        match body.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(ps)) if ps.iter().all(Value::is_object) => {}
            Some(_) => {
                return Err(ctx.error(
                    422,
                    "parameter_invalid",
                    format!("{key} must be a list of predicates"),
                ));
            }
        }
    }
    let mut audience = match at {
        Some(i) => store.audiences[i].clone(),
        None => {
            store.next_id += 1;
            let Value::Object(m) = json!({
                "type": "audience",
                "id": store.next_id.to_string(),
                "predicates": [],
                "role_predicates": [],
                "created_at": ctx.now,
            }) else {
                unreachable!("a JSON object literal")
            };
            m
        }
    };
    for key in ["name", "predicates", "role_predicates"] {
        if let Some(v) = body.get(key).filter(|v| !v.is_null()) {
            audience.insert(key.into(), v.clone());
        }
    }
    audience.insert("updated_at".into(), json!(ctx.now));
    let status = if at.is_none() { 201 } else { 200 };
    let reply = Reply::json(status, &Value::Object(audience.clone()));
    match at {
        Some(i) => store.audiences[i] = audience,
        None => store.audiences.push(audience),
    }
    Ok(reply)
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Audience Not Found")
}
