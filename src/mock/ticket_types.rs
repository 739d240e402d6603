//! Ticket types, their attributes and the ticket states they use.
//!
//! Seeded with a Customer, a Back-office and a Tracker type. Every type has
//! the default attributes `_default_title_` and `_default_description_` and
//! one state per category its category uses (Back-office and Tracker types
//! have no `waiting_on_customer` state); a created type gets the same.
//! Attributes are created and updated inside a type; list items become
//! options with ids. `GET /ticket_states` is the union over all types, each
//! state listing the types that use it.

use serde_json::{Map, Value, json};

use super::reply::{Ctx, Reply};
use super::request::{Incoming, object, required};

type Answer = Result<Reply, Reply>;

/// The states: `(id, category, internal label, external label)`.
const STATES: [(&str, &str, &str, &str); 4] = [
    ("1", "submitted", "Submitted", "Submitted"),
    ("2", "in_progress", "In progress", "In progress"),
    (
        "3",
        "waiting_on_customer",
        "Waiting on customer",
        "Waiting on you",
    ),
    ("4", "resolved", "Resolved", "Resolved"),
];

const CATEGORIES: [&str; 3] = ["Customer", "Back-office", "Tracker"];

/// Every ticket type, with its attributes.
#[derive(Debug)]
pub(crate) struct TicketTypes {
    types: Vec<Map<String, Value>>,
    next_type: u64,
    next_attribute: u64,
}

impl TicketTypes {
    pub(crate) fn new(workspace_id: &str, now: i64) -> TicketTypes {
        let mut store = TicketTypes {
            types: Vec::new(),
            next_type: 0,
            next_attribute: 100,
        };
        for (name, category, icon) in [
            ("Bug report", "Customer", "🐞"),
            ("Refund review", "Back-office", "💸"),
            ("Outage", "Tracker", "🚨"),
        ] {
            store.add(workspace_id, name, category, icon, now);
        }
        store
    }

    fn add(
        &mut self,
        workspace_id: &str,
        name: &str,
        category: &str,
        icon: &str,
        now: i64,
    ) -> usize {
        self.next_type += 1;
        let id = self.next_type.to_string();
        let mut attributes = Vec::new();
        for (order, (attr, label)) in [
            ("_default_title_", "Title"),
            ("_default_description_", "Description"),
        ]
        .into_iter()
        .enumerate()
        {
            self.next_attribute += 1;
            attributes.push(json!({
                "type": "ticket_type_attribute", "id": self.next_attribute.to_string(),
                "workspace_id": workspace_id, "name": attr, "description": label,
                "data_type": "string", "input_options": {"multiline": order == 1},
                "order": order, "required_to_create": false,
                "required_to_create_for_contacts": false, "visible_on_create": true,
                "visible_to_contacts": true, "default": true, "ticket_type_id": id,
                "archived": false, "created_at": now, "updated_at": now,
            }));
        }
        let t = json!({
            "type": "ticket_type", "id": id, "category": category, "name": name,
            "description": "", "icon": icon, "workspace_id": workspace_id,
            "ticket_type_attributes": {"type": "list", "ticket_type_attributes": attributes},
            "archived": false, "is_internal": category == "Back-office",
            "created_at": now, "updated_at": now,
        });
        self.types.push(object(t));
        self.types.len() - 1
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.types
            .iter()
            .position(|t| t.get("id").and_then(Value::as_str) == Some(id))
    }

    /// The type with its states, as the API shows it.
    pub(crate) fn get(&self, id: &str) -> Option<Value> {
        self.position(id).map(|i| self.shown(i))
    }

    fn shown(&self, i: usize) -> Value {
        let mut t = self.types[i].clone();
        let category = t
            .get("category")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let states: Vec<Value> = state_ids(category)
            .iter()
            .filter_map(|s| state(s))
            .collect();
        t.insert(
            "ticket_states".into(),
            json!({"type": "list", "data": states}),
        );
        Value::Object(t)
    }

    /// The attributes of a type: `(name, required_to_create)`, archived ones left out.
    pub(crate) fn attributes(&self, id: &str) -> Vec<(String, bool)> {
        let Some(i) = self.position(id) else {
            return Vec::new();
        };
        self.types[i]["ticket_type_attributes"]["ticket_type_attributes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|a| a["archived"] != json!(true))
            .map(|a| {
                let name = a["name"].as_str().unwrap_or_default().to_owned();
                (name, a["required_to_create"] == json!(true))
            })
            .collect()
    }
}

/// The state ids a type of `category` uses.
pub(crate) fn state_ids(category: &str) -> &'static [&'static str] {
    if category == "Customer" {
        &["1", "2", "3", "4"]
    } else {
        &["1", "2", "4"]
    }
}

/// A state as a ticket shows it.
pub(crate) fn state(id: &str) -> Option<Value> {
    STATES
        .iter()
        .find(|s| s.0 == id)
        .map(|(id, category, internal, external)| {
            json!({"type": "ticket_state", "id": id, "category": category,
               "internal_label": internal, "external_label": external})
        })
}

/// The state of `category` (e.g. `submitted`) a type uses.
pub(crate) fn state_of_category(category: &str) -> Option<Value> {
    STATES
        .iter()
        .find(|s| s.1 == category)
        .and_then(|s| state(s.0))
}

/// Serve `/ticket_types...` and `/ticket_states`, or `None`.
pub(crate) fn route(
    store: &mut TicketTypes,
    workspace_id: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["ticket_types"]) => {
            let data: Vec<Value> = (0..store.types.len()).map(|i| store.shown(i)).collect();
            Ok(Reply::ok(&json!({"type": "list", "data": data})))
        }
        ("POST", ["ticket_types"]) => create(store, workspace_id, ctx, req),
        ("GET", ["ticket_types", id]) => store
            .get(id)
            .map(|t| Reply::ok(&t))
            .ok_or_else(|| not_found(ctx)),
        ("PUT", ["ticket_types", id]) => update(store, ctx, req, id),
        ("POST", ["ticket_types", id, "attributes"]) => {
            create_attribute(store, workspace_id, ctx, req, id)
        }
        ("PUT", ["ticket_types", id, "attributes", attr]) => {
            update_attribute(store, ctx, req, id, attr)
        }
        ("GET", ["ticket_states"]) => {
            Ok(Reply::ok(&json!({"type": "list", "data": states(store)})))
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Ticket type not found")
}

/// Every state, each with the types that use it.
fn states(store: &TicketTypes) -> Vec<Value> {
    STATES
        .iter()
        .filter_map(|(id, ..)| {
            let mut s = state(id)?;
            let types: Vec<Value> = store
                .types
                .iter()
                .filter(|t| state_ids(t["category"].as_str().unwrap_or_default()).contains(id))
                .map(|t| json!({"type": "ticket_type", "id": t["id"], "name": t["name"], "category": t["category"]}))
                .collect();
            s["archived"] = json!(false);
            s["ticket_types"] = json!({"type": "list", "data": types});
            Some(s)
        })
        .collect()
}

fn create(store: &mut TicketTypes, workspace_id: &str, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let name = required(ctx, &body, "name")?.to_owned();
    let category = body
        .get("category")
        .and_then(Value::as_str)
        .unwrap_or("Customer");
    if !CATEGORIES.contains(&category) {
        return Err(ctx.invalid(
            "category",
            "category must be Customer, Back-office or Tracker",
        ));
    }
    let icon = body
        .get("icon")
        .and_then(Value::as_str)
        .unwrap_or("🎟️")
        .to_owned();
    let i = store.add(workspace_id, &name, category, &icon, ctx.now);
    for key in ["description", "is_internal"] {
        if let Some(v) = body.get(key) {
            store.types[i].insert(key.into(), v.clone());
        }
    }
    Ok(Reply::ok(&store.shown(i)))
}

fn update(store: &mut TicketTypes, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let body = req.object(ctx)?;
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    for key in ["name", "description", "icon", "archived", "is_internal"] {
        if let Some(v) = body.get(key) {
            store.types[i].insert(key.into(), v.clone());
        }
    }
    store.types[i].insert("updated_at".into(), json!(ctx.now));
    Ok(Reply::ok(&store.shown(i)))
}

/// `list_items` (comma or newline separated) as options with ids.
fn options(raw: &Value, next: &mut u64) -> Value {
    let items: Vec<Value> = raw
        .as_str()
        .unwrap_or_default()
        .split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|label| {
            *next += 1;
            json!({"id": next.to_string(), "label": label, "archived": false})
        })
        .collect();
    json!({"list": items})
}

fn attrs_mut(t: &mut Map<String, Value>) -> Option<&mut Vec<Value>> {
    t.get_mut("ticket_type_attributes")?
        .get_mut("ticket_type_attributes")?
        .as_array_mut()
}

fn create_attribute(
    store: &mut TicketTypes,
    workspace_id: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    let name = required(ctx, &body, "name")?.to_owned();
    let description = required(ctx, &body, "description")?.to_owned();
    let data_type = required(ctx, &body, "data_type")?.to_owned();
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let mut next = store.next_attribute;
    next += 1;
    let attr_id = next.to_string();
    let input_options = match body.get("list_items") {
        Some(items) if data_type == "list" => options(items, &mut next),
        _ => json!({"multiline": body.get("multiline").cloned().unwrap_or(json!(false))}),
    };
    store.next_attribute = next;
    let t = &mut store.types[i];
    let list = attrs_mut(t).ok_or_else(|| not_found(ctx))?;
    if list
        .iter()
        .any(|a| a["name"].as_str() == Some(name.as_str()))
    {
        return Err(ctx.invalid(
            "name",
            format!("An attribute named '{name}' already exists"),
        ));
    }
    let flag = |k: &str, d: bool| body.get(k).cloned().unwrap_or(json!(d));
    let attr = json!({
        "type": "ticket_type_attribute", "id": attr_id, "workspace_id": workspace_id,
        "name": name, "description": description, "data_type": data_type,
        "input_options": input_options, "order": list.len(),
        "required_to_create": flag("required_to_create", false),
        "required_to_create_for_contacts": flag("required_to_create_for_contacts", false),
        "visible_on_create": flag("visible_on_create", true),
        "visible_to_contacts": flag("visible_to_contacts", true),
        "default": false, "ticket_type_id": id, "archived": false,
        "created_at": ctx.now, "updated_at": ctx.now,
    });
    list.push(attr.clone());
    Ok(Reply::ok(&attr))
}

fn update_attribute(
    store: &mut TicketTypes,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
    attr_id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let mut next = store.next_attribute;
    let list = attrs_mut(&mut store.types[i]).ok_or_else(|| not_found(ctx))?;
    let a = list
        .iter_mut()
        .find(|a| a["id"].as_str() == Some(attr_id))
        .ok_or_else(|| ctx.error(404, "not_found", "Ticket type attribute not found"))?;
    for key in [
        "name",
        "description",
        "required_to_create",
        "required_to_create_for_contacts",
        "visible_on_create",
        "visible_to_contacts",
        "archived",
    ] {
        if let Some(v) = body.get(key) {
            a[key] = v.clone();
        }
    }
    if let Some(items) = body.get("list_items") {
        a["input_options"] = options(items, &mut next);
    }
    if let Some(m) = body.get("multiline") {
        a["input_options"]["multiline"] = m.clone();
    }
    a["updated_at"] = json!(ctx.now);
    let out = a.clone();
    store.next_attribute = next;
    Ok(Reply::ok(&out))
}
