//! Conversation attributes (`/conversations/attributes...`).
//!
//! Integer ids; listings are `type: "list"`, archived attributes only with
//! `include_archived=true`. `DELETE` archives the attribute and answers it.
//! A list attribute's options get UUIDs; deleting an option archives it and
//! leaves it in `options`. Managing options of a non-list attribute, or
//! archiving below two active options, is `422`; an unknown attribute is
//! `404 conversation_attribute_not_found`.

use serde_json::{Map, Value, json};

use super::reply::{Ctx, Reply, Rng};
use super::request::{Incoming, id_text, object, required};

type Answer = Result<Reply, Reply>;

/// Every conversation attribute, archived ones too.
#[derive(Debug, Default)]
pub(crate) struct ConversationAttributes {
    attributes: Vec<Map<String, Value>>,
    next_id: u64,
}

impl ConversationAttributes {
    fn find(&self, ctx: &Ctx, id: &str) -> Result<usize, Reply> {
        self.attributes
            .iter()
            .position(|a| id_text(a.get("id")).as_deref() == Some(id))
            .ok_or_else(|| {
                ctx.error(
                    404,
                    "conversation_attribute_not_found",
                    "Conversation attribute not found",
                )
            })
    }
}

fn label_of(v: &Value) -> Option<&str> {
    v.as_str()
        .or_else(|| v["label"].as_str())
        .filter(|s| !s.trim().is_empty())
}

/// Serve `/conversations/attributes...`, or `None`.
pub(crate) fn route(
    store: &mut ConversationAttributes,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["conversations", "attributes"]) => {
            let archived = req.query("include_archived") == Some("true");
            let data: Vec<&Map<String, Value>> = store
                .attributes
                .iter()
                .filter(|a| archived || a["archived"] != json!(true))
                .collect();
            Ok(Reply::ok(&json!({"type": "list", "data": data})))
        }
        ("POST", ["conversations", "attributes"]) => create(store, rng, ctx, req),
        ("GET", ["conversations", "attributes", id]) => store
            .find(ctx, id)
            .map(|i| Reply::ok(&Value::Object(store.attributes[i].clone()))),
        ("PUT", ["conversations", "attributes", id]) => req.object(ctx).and_then(|body| {
            let i = store.find(ctx, id)?;
            let a = &mut store.attributes[i];
            for key in [
                "name",
                "description",
                "required",
                "visible_to_team_ids",
                "multiline",
                "reference",
                "archived",
            ] {
                if let Some(v) = body.get(key) {
                    a.insert(key.into(), v.clone());
                }
            }
            a.insert("updated_at".into(), json!(ctx.now));
            Ok(Reply::ok(&Value::Object(a.clone())))
        }),
        ("DELETE", ["conversations", "attributes", id]) => store.find(ctx, id).map(|i| {
            let a = &mut store.attributes[i];
            a.insert("archived".into(), json!(true));
            a.insert("updated_at".into(), json!(ctx.now));
            Reply::ok(&Value::Object(a.clone()))
        }),
        ("POST", ["conversations", "attributes", id, "options"]) => {
            option(store, rng, ctx, req, id, None)
        }
        ("PUT", ["conversations", "attributes", id, "options", oid]) => {
            option(store, rng, ctx, req, id, Some(oid))
        }
        ("DELETE", ["conversations", "attributes", id, "options", oid]) => {
            archive_option(store, ctx, id, oid)
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn create(
    store: &mut ConversationAttributes,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Answer {
    let body = req.object(ctx)?;
    let name = required(ctx, &body, "name")?.to_owned();
    let data_type = required(ctx, &body, "data_type")?.to_owned();
    let taken = store.attributes.iter().any(|a| {
        a["name"]
            .as_str()
            .is_some_and(|n| n.eq_ignore_ascii_case(&name))
    });
    if taken {
        return Err(ctx.invalid(
            "name",
            format!("A conversation attribute named '{name}' already exists"),
        ));
    }
    let options: Vec<Value> = match body.get("options").and_then(Value::as_array) {
        Some(list) if data_type == "list" => list
            .iter()
            .filter_map(label_of)
            .map(|l| json!({"id": rng.uuid(), "label": l, "archived": false}))
            .collect(),
        Some(_) => {
            return Err(ctx.error(
                422,
                "parameter_invalid",
                "Options can only be managed on list attributes",
            ));
        }
        None => Vec::new(),
    };
    store.next_id += 1;
    let a = json!({
        "type": "conversation_attribute", "id": store.next_id, "name": name,
        "description": body.get("description").cloned().unwrap_or(json!("")),
        "data_type": data_type, "required": body.get("required").cloned().unwrap_or(json!(false)),
        "visible_to_team_ids": body.get("visible_to_team_ids").cloned().unwrap_or(json!([])),
        "archived": false, "created_at": ctx.now, "updated_at": ctx.now, "admin_id": null,
        "multiline": body.get("multiline").cloned().unwrap_or(json!(false)),
        "options": options, "reference": body.get("reference").cloned().unwrap_or(Value::Null),
    });
    store.attributes.push(object(a.clone()));
    Ok(Reply::ok(&a))
}

fn list_options<'a>(ctx: &Ctx, a: &'a mut Map<String, Value>) -> Result<&'a mut Vec<Value>, Reply> {
    if a["data_type"] != json!("list") {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            "Options can only be managed on list attributes",
        ));
    }
    let options = a.entry("options").or_insert_with(|| json!([]));
    if !options.is_array() {
        *options = json!([]);
    }
    options.as_array_mut().ok_or_else(|| {
        ctx.error(
            422,
            "parameter_invalid",
            "Options can only be managed on list attributes",
        )
    })
}

/// Add an option, or relabel `oid`.
fn option(
    store: &mut ConversationAttributes,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
    oid: Option<&str>,
) -> Answer {
    let body = req.object(ctx)?;
    let label = required(ctx, &body, "label")?.to_owned();
    let i = store.find(ctx, id)?;
    let a = &mut store.attributes[i];
    let options = list_options(ctx, a)?;
    match oid {
        None => options.push(json!({"id": rng.uuid(), "label": label, "archived": false})),
        Some(oid) => {
            let o = options
                .iter_mut()
                .find(|o| o["id"].as_str() == Some(oid))
                .ok_or_else(|| ctx.error(404, "not_found", "Option not found"))?;
            o["label"] = json!(label);
        }
    }
    a.insert("updated_at".into(), json!(ctx.now));
    Ok(Reply::ok(&Value::Object(a.clone())))
}

fn archive_option(store: &mut ConversationAttributes, ctx: &Ctx, id: &str, oid: &str) -> Answer {
    let i = store.find(ctx, id)?;
    let a = &mut store.attributes[i];
    let options = list_options(ctx, a)?;
    let active = options
        .iter()
        .filter(|o| o["archived"] != json!(true))
        .count();
    let o = options
        .iter_mut()
        .find(|o| o["id"].as_str() == Some(oid))
        .ok_or_else(|| ctx.error(404, "not_found", "Option not found"))?;
    if o["archived"] != json!(true) {
        if active <= 2 {
            return Err(ctx.error(
                422,
                "parameter_invalid",
                "A list attribute needs at least two active options",
            ));
        }
        o["archived"] = json!(true);
    }
    a.insert("updated_at".into(), json!(ctx.now));
    Ok(Reply::ok(&Value::Object(a.clone())))
}
