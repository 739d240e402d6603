//! Visitors, and notes by id.
//!
//! Visitors are found by `user_id` (`GET /visitors?user_id=`) and updated by
//! `id` or `user_id`. Converting one turns it into a contact (a new user, or
//! merged into the existing contact the `user` names) and deletes the
//! visitor. `GET /notes/{id}` reads the notes contacts and companies hold.

use serde_json::{Map, Value, json};

use super::companies::Companies;
use super::contacts::Contacts;
use super::conversation_writes::find_contact;
use super::reply::{Ctx, Reply, Rng};
use super::request::{Incoming, id_text, object};

type Answer = Result<Reply, Reply>;

/// The visitors of the workspace.
#[derive(Debug, Default)]
pub(crate) struct Visitors {
    visitors: Vec<Map<String, Value>>,
}

impl Visitors {
    /// One seeded visitor, `user_id` `visitor-1`.
    pub(crate) fn new(workspace_id: &str, now: i64) -> Visitors {
        let v = json!({
            "type": "visitor", "id": "5d1f0b3c7a1e2f0001a1b2c3", "user_id": "visitor-1",
            "app_id": workspace_id, "name": "Curious visitor", "email": null,
            "anonymous": true, "created_at": now, "updated_at": now, "signed_up_at": null,
            "last_request_at": now, "custom_attributes": {},
            "tags": {"type": "tag.list", "tags": []}, "segments": {"type": "segment.list", "segments": []},
        });
        Visitors {
            visitors: vec![object(v)],
        }
    }

    /// The visitor an identifier (`id`, `user_id` or `email`) names.
    fn position(&self, who: &Map<String, Value>) -> Option<usize> {
        ["id", "user_id", "email"].iter().find_map(|key| {
            let want = id_text(who.get(*key))?;
            self.visitors
                .iter()
                .position(|v| v[*key].as_str() == Some(want.as_str()))
        })
    }
}

/// What visitor and note routes read and write besides visitors.
#[derive(Debug)]
pub(crate) struct Linked<'a> {
    pub(crate) contacts: &'a mut Contacts,
    pub(crate) companies: &'a Companies,
    pub(crate) rng: &'a mut Rng,
}

/// Serve `/visitors...` and `/notes/{id}`, or `None`.
pub(crate) fn route(
    store: &mut Visitors,
    linked: &mut Linked<'_>,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let not_found = || ctx.error(404, "not_found", "Visitor Not Found");
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["visitors"]) => {
            let mut who = Map::new();
            who.insert(
                "user_id".into(),
                json!(req.query("user_id").unwrap_or_default()),
            );
            store
                .position(&who)
                .map(|i| Reply::ok(&Value::Object(store.visitors[i].clone())))
                .ok_or_else(not_found)
        }
        ("PUT", ["visitors"]) => req.object(ctx).and_then(|body| {
            let i = store.position(&body).ok_or_else(not_found)?;
            let v = &mut store.visitors[i];
            if let Some(name) = body.get("name") {
                v.insert("name".into(), name.clone());
            }
            if let Some(Value::Object(attrs)) = body.get("custom_attributes") {
                for (k, val) in attrs {
                    v["custom_attributes"][k] = val.clone();
                }
            }
            v.insert("updated_at".into(), json!(ctx.now));
            Ok(Reply::ok(&Value::Object(v.clone())))
        }),
        ("POST", ["visitors", "convert"]) => convert(store, linked, ctx, req),
        ("GET", ["notes", id]) => linked
            .contacts
            .note(id)
            .or_else(|| linked.companies.note(id))
            .map(|n| Reply::ok(&n))
            .ok_or_else(|| ctx.error(404, "not_found", "Note Not Found")),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn convert(store: &mut Visitors, linked: &mut Linked<'_>, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let who = body
        .get("visitor")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let user = body
        .get("user")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let i = store
        .position(&who)
        .ok_or_else(|| ctx.error(404, "not_found", "Visitor Not Found"))?;
    let visitor = store.visitors.remove(i);
    let existing = find_contact(linked.contacts, &user);
    let id = match existing.as_ref().and_then(|c| c["id"].as_str()) {
        Some(id) => id.to_owned(),
        None => {
            let fields = json!({
                "role": "user", "name": visitor.get("name"),
                "email": user.get("email").or(visitor.get("email")),
                "external_id": user.get("user_id"),
                "custom_attributes": visitor.get("custom_attributes"),
            });
            linked.contacts.seed(fields, ctx.now, linked.rng)
        }
    };
    if let Some(c) = linked.contacts.object_mut(&id) {
        // Merging keeps the contact's values and adds the visitor's attributes.
        if let Some(Value::Object(attrs)) = visitor.get("custom_attributes") {
            for (k, v) in attrs {
                if c.get("custom_attributes").is_none_or(|ca| !ca.is_object()) {
                    c.insert("custom_attributes".into(), json!({}));
                }
                if c["custom_attributes"].get(k).is_none() {
                    c["custom_attributes"][k] = v.clone();
                }
            }
        }
    }
    linked
        .contacts
        .get(&id)
        .map(|c| Reply::ok(&c))
        .ok_or_else(|| ctx.error(404, "not_found", "Contact Not Found"))
}
