//! Data attributes (`/data_attributes`): the standard attributes of contacts
//! and companies, seeded, and custom ones.
//!
//! Ids are numbers. A custom attribute's name is unique across both models
//! (`400` "You already have '`<name>`' in your `<model>` data…"); `archived`
//! attributes are listed only with `include_archived=true`;
//! `model=conversation` is `422` (conversation attributes have their own
//! endpoints).

use serde_json::{Map, Value, json};

use super::reply::{Ctx, Reply};
use super::request::{Incoming, id_text, object, required};

type Answer = Result<Reply, Reply>;

const DATA_TYPES: [&str; 6] = ["string", "integer", "float", "boolean", "datetime", "date"];

/// The standard attributes: `(model, name, data type)`.
const STANDARD: [(&str, &str, &str); 9] = [
    ("contact", "name", "string"),
    ("contact", "email", "string"),
    ("contact", "phone", "string"),
    ("contact", "external_id", "string"),
    ("contact", "last_seen_at", "date"),
    ("contact", "signed_up_at", "date"),
    ("company", "name", "string"),
    ("company", "company_id", "string"),
    ("company", "plan", "string"),
];

/// Every data attribute, standard and custom.
#[derive(Debug)]
pub(crate) struct DataAttributes {
    attributes: Vec<Map<String, Value>>,
    next_id: u64,
}

impl DataAttributes {
    pub(crate) fn new(now: i64) -> DataAttributes {
        let mut store = DataAttributes {
            attributes: Vec::new(),
            next_id: 0,
        };
        for (model, name, data_type) in STANDARD {
            store.next_id += 1;
            store.attributes.push(object(json!({
                "type": "data_attribute", "id": store.next_id, "model": model, "name": name,
                "full_name": name, "label": name, "description": "", "data_type": data_type,
                "api_writable": true, "ui_writable": true, "custom": false, "archived": false,
                "created_at": now, "updated_at": now,
            })));
        }
        store
    }
}

/// Serve `/data_attributes...`, or `None`.
pub(crate) fn route(store: &mut DataAttributes, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["data_attributes"]) => list(store, ctx, req),
        ("POST", ["data_attributes"]) => create(store, ctx, req),
        ("PUT", ["data_attributes", id]) => update(store, ctx, req, id),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn list(store: &DataAttributes, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let model = req.query("model");
    if model == Some("conversation") {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            "Conversation attributes are listed by GET /conversations/attributes",
        ));
    }
    let archived = req.query("include_archived") == Some("true");
    let data: Vec<&Map<String, Value>> = store
        .attributes
        .iter()
        .filter(|a| model.is_none_or(|m| a["model"].as_str() == Some(m)))
        .filter(|a| archived || a["archived"] != json!(true))
        .collect();
    Ok(Reply::ok(&json!({"type": "list", "data": data})))
}

fn create(store: &mut DataAttributes, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let name = required(ctx, &body, "name")?.to_owned();
    let model = body
        .get("model")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if model == "conversation" {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            "Conversation attributes cannot be created here",
        ));
    }
    if !matches!(model, "contact" | "company") {
        return Err(ctx.invalid("model", "model must be contact or company"));
    }
    let data_type = body
        .get("data_type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !DATA_TYPES.contains(&data_type) {
        return Err(ctx.invalid(
            "data_type",
            format!("data_type must be one of {}", DATA_TYPES.join(", ")),
        ));
    }
    let taken = store.attributes.iter().find(|a| {
        a["custom"] == json!(true)
            && a["name"]
                .as_str()
                .is_some_and(|n| n.eq_ignore_ascii_case(&name))
    });
    if let Some(a) = taken {
        let model = a["model"].as_str().unwrap_or(model);
        return Err(ctx.field_error(
            400,
            "parameter_invalid",
            "name",
            format!("You already have '{name}' in your {model} data. To save this as new people data, use a different name."),
        ));
    }
    store.next_id += 1;
    let attr = json!({
        "type": "data_attribute", "id": store.next_id, "model": model, "name": name,
        "full_name": format!("custom_attributes.{name}"), "label": name,
        "description": body.get("description").cloned().unwrap_or(json!("")),
        "data_type": data_type, "options": body.get("options").cloned().unwrap_or(Value::Null),
        "messenger_writable": body.get("messenger_writable").cloned().unwrap_or(json!(false)),
        "api_writable": true, "ui_writable": true, "custom": true, "archived": false,
        "created_at": ctx.now, "updated_at": ctx.now,
    });
    store.attributes.push(object(attr.clone()));
    Ok(Reply::ok(&attr))
}

fn update(store: &mut DataAttributes, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let body = req.object(ctx)?;
    let a = store
        .attributes
        .iter_mut()
        .find(|a| id_text(a.get("id")).as_deref() == Some(id))
        .ok_or_else(|| {
            ctx.error(
                404,
                "field_not_found",
                "We couldn't find that data attribute",
            )
        })?;
    for key in ["archived", "description", "options", "messenger_writable"] {
        if let Some(v) = body.get(key) {
            a.insert(key.into(), v.clone());
        }
    }
    a.insert("updated_at".into(), json!(ctx.now));
    Ok(Reply::ok(&Value::Object(a.clone())))
}
