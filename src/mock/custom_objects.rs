//! Custom object instances: `/custom_object_instances/{type}[/{id}]`.
//!
//! Instances are kept per object type and keyed by `external_id`: a create
//! with a known external id updates that instance (attributes merged key
//! by key, as Intercom does), so the list, the get by id or external id
//! and both deletes see what was written. The fake has no object type
//! definitions: any type name is served. Associations with contacts and
//! conversations are not modelled: the `references_*` filters answer an
//! empty list.

use serde_json::{Map, Value, json};

use super::paging::{MAX_PER_PAGE, numbered_page};
use super::reply::{Ctx, Reply};
use super::request::{Incoming, required};

type Answer = Result<Reply, Reply>;

/// Every instance, in creation order.
#[derive(Debug, Default)]
pub(crate) struct CustomObjects {
    instances: Vec<Map<String, Value>>,
    next_id: u64,
}

impl CustomObjects {
    fn position(&self, kind: &str, key: &str, value: &str) -> Option<usize> {
        self.instances.iter().position(|i| {
            i.get("type").and_then(Value::as_str) == Some(kind)
                && i.get(key).and_then(Value::as_str) == Some(value)
        })
    }

    fn of_type(&self, kind: &str) -> Vec<Value> {
        self.instances
            .iter()
            .filter(|i| i.get("type").and_then(Value::as_str) == Some(kind))
            .map(|i| Value::Object(i.clone()))
            .collect()
    }
}

/// Serve `/custom_object_instances/...`, or `None` for another route.
pub(crate) fn route(store: &mut CustomObjects, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("POST", ["custom_object_instances", kind]) => upsert(store, ctx, req, kind),
        ("GET", ["custom_object_instances", kind]) => list(store, ctx, req, kind),
        ("DELETE", ["custom_object_instances", kind]) => match req.query("external_id") {
            Some(ext) if !ext.trim().is_empty() => delete(store, ctx, kind, "external_id", ext),
            _ => Err(ctx.field_error(
                400,
                "parameter_not_found",
                "external_id",
                "external_id is required",
            )),
        },
        ("GET", ["custom_object_instances", kind, id]) => store
            .position(kind, "id", id)
            .or_else(|| store.position(kind, "external_id", id))
            .map(|i| Reply::ok(&Value::Object(store.instances[i].clone())))
            .ok_or_else(|| not_found(ctx)),
        ("DELETE", ["custom_object_instances", kind, id]) => delete(store, ctx, kind, "id", id),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Custom object instance not found")
}

/// `POST`: create, or update the instance with this `external_id`.
fn upsert(store: &mut CustomObjects, ctx: &Ctx, req: &Incoming<'_>, kind: &str) -> Answer {
    let body = req.object(ctx)?;
    let external_id = required(ctx, &body, "external_id")?.to_owned();
    let attrs = match body.get("custom_attributes") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(_) => {
            return Err(ctx.invalid("custom_attributes", "custom_attributes must be an object"));
        }
    };
    let i = match store.position(kind, "external_id", &external_id) {
        Some(i) => i,
        None => {
            store.next_id += 1;
            let mut m = Map::new();
            m.insert("id".into(), json!((3_000 + store.next_id).to_string()));
            m.insert("type".into(), json!(kind));
            m.insert("external_id".into(), json!(external_id));
            m.insert("external_created_at".into(), Value::Null);
            m.insert("external_updated_at".into(), Value::Null);
            m.insert("created_at".into(), json!(ctx.now));
            m.insert("custom_attributes".into(), json!({}));
            store.instances.push(m);
            store.instances.len() - 1
        }
    };
    let instance = &mut store.instances[i];
    for key in ["external_created_at", "external_updated_at"] {
        if let Some(v) = body.get(key) {
            instance.insert(key.into(), v.clone());
        }
    }
    if let Some(Value::Object(current)) = instance.get_mut("custom_attributes") {
        current.extend(attrs);
    }
    instance.insert("updated_at".into(), json!(ctx.now));
    Ok(Reply::ok(&Value::Object(instance.clone())))
}

/// `GET`: one instance by `external_id`, or the type's instances by page.
fn list(store: &CustomObjects, ctx: &Ctx, req: &Incoming<'_>, kind: &str) -> Answer {
    if let Some(ext) = req.query("external_id") {
        return store
            .position(kind, "external_id", ext)
            .map(|i| Reply::ok(&Value::Object(store.instances[i].clone())))
            .ok_or_else(|| not_found(ctx));
    }
    let filtered = req.query("references_contact_id").is_some()
        || req.query("references_conversation_id").is_some();
    let items = if filtered {
        Vec::new()
    } else {
        store.of_type(kind)
    };
    numbered_page(ctx, req, "list", "data", items, 20, MAX_PER_PAGE)
}

fn delete(store: &mut CustomObjects, ctx: &Ctx, kind: &str, key: &str, value: &str) -> Answer {
    let i = store
        .position(kind, key, value)
        .ok_or_else(|| not_found(ctx))?;
    let gone = store.instances.remove(i);
    Ok(Reply::ok(&json!({
        "id": gone.get("id").cloned().unwrap_or(Value::Null),
        "object": kind,
        "deleted": true,
    })))
}
