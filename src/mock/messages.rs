//! Operations the SDK does not type yet, served so the seed flows run:
//! admin-initiated messages (`POST /messages`) and data attributes
//! (`GET`/`POST /data_attributes`, `PUT /data_attributes/{id}`).

use serde_json::{Map, Value, json};

use super::contacts::Contacts;
use super::reply::{Ctx, Reply, Rng};
use super::request::{Incoming, id_text, required};

type Answer = Result<Reply, Reply>;

/// Messages sent and data attributes defined.
#[derive(Debug, Default)]
pub(crate) struct Messages {
    pub(crate) sent: Vec<Value>,
    attributes: Vec<Map<String, Value>>,
    next_id: u64,
}

/// Serve `/messages` and `/data_attributes...`, or `None`.
pub(crate) fn route(
    store: &mut Messages,
    contacts: &Contacts,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("POST", ["messages"]) => send(store, contacts, rng, ctx, req),
        ("GET", ["data_attributes"]) => {
            let model = req.query("model");
            let data: Vec<Value> = store
                .attributes
                .iter()
                .filter(|a| model.is_none_or(|m| a.get("model").and_then(Value::as_str) == Some(m)))
                .cloned()
                .map(Value::Object)
                .collect();
            Ok(Reply::ok(&json!({"type": "list", "data": data})))
        }
        ("POST", ["data_attributes"]) => create_attribute(store, ctx, req),
        ("PUT", ["data_attributes", id]) => update_attribute(store, ctx, req, id),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn send(
    store: &mut Messages,
    contacts: &Contacts,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Answer {
    let body = req.object(ctx)?;
    let message_type = body.get("message_type").and_then(Value::as_str);
    if !matches!(message_type, Some("inapp" | "email")) {
        return Err(ctx.invalid("message_type", "message_type must be inapp or email"));
    }
    let text = required(ctx, &body, "body")?;
    if message_type == Some("email") {
        required(ctx, &body, "subject")?;
    }
    let from = body.get("from").and_then(Value::as_object);
    if from.and_then(|f| id_text(f.get("id"))).is_none() {
        return Err(ctx.field_error(
            400,
            "parameter_not_found",
            "from",
            "from.id (an admin) is required",
        ));
    }
    let to = body.get("to").and_then(Value::as_object);
    let to_id = to.and_then(|t| id_text(t.get("id")));
    let known = to_id
        .as_deref()
        .is_some_and(|id| contacts.get(id).is_some());
    if !known {
        return Err(ctx.error(404, "not_found", "User Not Found"));
    }
    let message = json!({
        "type": "admin_message",
        "id": (rng.next_u64() % 900_000_000 + 100_000_000).to_string(),
        "created_at": ctx.now,
        "subject": body.get("subject"),
        "body": text,
        "message_type": message_type,
        "conversation_id": null,
        "owner": from,
        "to": to,
    });
    store.sent.push(message.clone());
    Ok(Reply::ok(&message))
}

const DATA_TYPES: [&str; 6] = ["string", "integer", "float", "boolean", "datetime", "date"];

fn create_attribute(store: &mut Messages, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let name = required(ctx, &body, "name")?.to_owned();
    let model = body.get("model").and_then(Value::as_str);
    if !matches!(model, Some("contact" | "company")) {
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
    let taken = store.attributes.iter().any(|a| {
        a.get("model").and_then(Value::as_str) == model
            && a.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.eq_ignore_ascii_case(&name))
    });
    if taken {
        return Err(ctx.field_error(
            400,
            "parameter_invalid",
            "name",
            format!("You already have '{name}' in your data. Please use a different name."),
        ));
    }
    store.next_id += 1;
    let attr = json!({
        "type": "data_attribute", "id": store.next_id, "model": model, "name": name,
        "full_name": format!("custom_attributes.{name}"), "label": name,
        "description": body.get("description").cloned().unwrap_or(json!("")),
        "data_type": data_type, "options": body.get("options").cloned().unwrap_or(Value::Null),
        "api_writable": true, "ui_writable": true, "custom": true, "archived": false,
        "created_at": ctx.now, "updated_at": ctx.now,
    });
    store
        .attributes
        .push(attr.as_object().cloned().unwrap_or_default());
    Ok(Reply::ok(&attr))
}

fn update_attribute(store: &mut Messages, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
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
