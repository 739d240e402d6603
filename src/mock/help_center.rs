//! Help Center: one help center (id `1`), collections (create, get,
//! update, delete, list) and redirects (create, get, delete, list).

use serde_json::{Map, Value, json};

use super::paging::numbered_page;
use super::reply::{Ctx, Reply};
use super::request::{Incoming, id_text, required};

type Answer = Result<Reply, Reply>;

/// The help center's id.
const HELP_CENTER_ID: &str = "1";

/// The help center, its collections and redirects.
#[derive(Debug)]
pub(crate) struct HelpCenter {
    site: Value,
    collections: Vec<Map<String, Value>>,
    redirects: Vec<Map<String, Value>>,
    next_id: u64,
    workspace_id: String,
}

impl HelpCenter {
    pub(crate) fn new(workspace_id: &str, now: i64) -> HelpCenter {
        HelpCenter {
            site: json!({
                "type": "help_center", "id": HELP_CENTER_ID, "workspace_id": workspace_id,
                "created_at": now, "updated_at": now, "identifier": "fake-help",
                "website_turned_on": true, "display_name": "Fake Help",
                "url": "https://help.example.com", "custom_domain": null,
                "default": true, "locales": ["en"],
            }),
            collections: Vec::new(),
            redirects: Vec::new(),
            next_id: 0,
            workspace_id: workspace_id.to_owned(),
        }
    }

    fn next(&mut self) -> String {
        self.next_id += 1;
        (5_000 + self.next_id).to_string()
    }
}

fn position(list: &[Map<String, Value>], id: &str) -> Option<usize> {
    list.iter()
        .position(|c| c.get("id").and_then(Value::as_str) == Some(id))
}

/// Serve `/help_center...`, or `None` for a route the fake does not know.
pub(crate) fn route(store: &mut HelpCenter, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["help_center", "help_centers"]) => {
            numbered_page(ctx, req, "list", "data", vec![store.site.clone()], 20, 150)
        }
        ("GET", ["help_center", "help_centers", id]) => site(store, ctx, id).map(|s| Reply::ok(&s)),
        ("GET", ["help_center", "help_centers", id, "redirects"]) => {
            site(store, ctx, id).and_then(|_| {
                let items = store.redirects.iter().cloned().map(Value::Object).collect();
                numbered_page(ctx, req, "list", "data", items, 20, 250)
            })
        }
        ("POST", ["help_center", "help_centers", id, "redirects"]) => {
            site(store, ctx, id).and_then(|_| create_redirect(store, ctx, req))
        }
        ("GET", ["help_center", "help_centers", id, "redirects", rid]) => site(store, ctx, id)
            .and_then(|_| {
                position(&store.redirects, rid)
                    .map(|i| Reply::ok(&Value::Object(store.redirects[i].clone())))
                    .ok_or_else(|| not_found(ctx))
            }),
        ("DELETE", ["help_center", "help_centers", id, "redirects", rid]) => site(store, ctx, id)
            .and_then(|_| {
                let i = position(&store.redirects, rid).ok_or_else(|| not_found(ctx))?;
                store.redirects.remove(i);
                Ok(Reply::ok(
                    &json!({"id": rid, "object": "help_center_redirect", "deleted": true}),
                ))
            }),
        ("GET", ["help_center", "collections"]) => {
            let items = store
                .collections
                .iter()
                .cloned()
                .map(Value::Object)
                .collect();
            numbered_page(ctx, req, "list", "data", items, 20, 150)
        }
        ("POST", ["help_center", "collections"]) => write_collection(store, ctx, req, None),
        ("GET", ["help_center", "collections", id]) => position(&store.collections, id)
            .map(|i| Reply::ok(&Value::Object(store.collections[i].clone())))
            .ok_or_else(|| not_found(ctx)),
        ("PUT", ["help_center", "collections", id]) => write_collection(store, ctx, req, Some(id)),
        ("DELETE", ["help_center", "collections", id]) => position(&store.collections, id)
            .map(|i| {
                store.collections.remove(i);
                Reply::ok(&json!({"id": id, "object": "collection", "deleted": true}))
            })
            .ok_or_else(|| not_found(ctx)),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Resource Not Found")
}

fn site(store: &HelpCenter, ctx: &Ctx, id: &str) -> Result<Value, Reply> {
    if id == HELP_CENTER_ID {
        Ok(store.site.clone())
    } else {
        Err(not_found(ctx))
    }
}

/// Create (`id` `None`) or update a collection.
fn write_collection(
    store: &mut HelpCenter,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: Option<&str>,
) -> Answer {
    let body = req.object(ctx)?;
    let (i, mut c) = match id {
        Some(id) => {
            let i = position(&store.collections, id).ok_or_else(|| not_found(ctx))?;
            (Some(i), store.collections[i].clone())
        }
        None => {
            required(ctx, &body, "name")?;
            let id = store.next();
            let c = json!({
                "type": "collection", "id": id, "workspace_id": store.workspace_id,
                "name": null, "description": null, "created_at": ctx.now, "updated_at": ctx.now,
                "url": format!("https://help.example.com/en/collections/{id}"),
                "icon": "book-bookmark", "order": store.collections.len(),
                "default_locale": "en", "translated_content": null,
                "parent_id": null, "help_center_id": HELP_CENTER_ID.parse::<i64>().unwrap_or(1),
            });
            (None, c.as_object().cloned().unwrap_or_default())
        }
    };
    if let Some(parent) = body.get("parent_id").filter(|p| !p.is_null()) {
        let parent = id_text(Some(parent)).unwrap_or_default();
        if position(&store.collections, &parent).is_none() {
            return Err(ctx.invalid("parent_id", "parent_id is not a collection"));
        }
    }
    for key in ["name", "description", "translated_content", "parent_id"] {
        if let Some(v) = body.get(key) {
            c.insert(key.into(), v.clone());
        }
    }
    c.insert("updated_at".into(), json!(ctx.now));
    match i {
        Some(i) => store.collections[i] = c.clone(),
        None => store.collections.push(c.clone()),
    }
    Ok(Reply::ok(&Value::Object(c)))
}

fn create_redirect(store: &mut HelpCenter, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let from = required(ctx, &body, "from_url")?.to_owned();
    let target_type = body.get("target_type").and_then(Value::as_str);
    if !matches!(target_type, Some("article" | "collection")) {
        return Err(ctx.invalid("target_type", "target_type must be article or collection"));
    }
    let target = id_text(body.get("target_id")).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "target_id",
            "target_id is required",
        )
    })?;
    if store
        .redirects
        .iter()
        .any(|r| r["from_url"].as_str() == Some(from.as_str()))
    {
        return Err(ctx.error(409, "conflict", "A redirect from this URL already exists"));
    }
    let id = store.next();
    let r = json!({
        "type": "help_center_redirect", "id": id, "from_url": from,
        "locale": body.get("locale").cloned().unwrap_or(json!("en")),
        "help_center_id": HELP_CENTER_ID, "target_type": target_type,
        "target_id": target, "created_at": ctx.now, "updated_at": ctx.now,
    });
    store
        .redirects
        .push(r.as_object().cloned().unwrap_or_default());
    Ok(Reply::ok(&r))
}
