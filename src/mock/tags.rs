//! Tags, and tagging the objects they label.
//!
//! A tag applied to a contact, conversation or company is written into that
//! object (`tags.data` of a contact, `tags.tags` of a conversation or
//! company), as Intercom shows it, so reading the object shows its tags;
//! a tag's usage is found from the objects: `GET /contacts/{id}/tags`,
//! the contacts and conversations searches on `tag_id`, and
//! `GET /companies?tag_id=`. Tickets, internal articles and content snippets
//! are not stored by the fake: tagging one is kept as a link only.
//! `DELETE /tags/{id}` refuses a tag still in use, as Intercom does.

use serde_json::{Map, Value, json};

use super::companies::Companies;
use super::contacts::Contacts;
use super::conversations::Conversations;
use super::reply::{Ctx, Reply};
use super::request::{Incoming, id_text, required};

type Answer = Result<Reply, Reply>;

/// Every tag, and the links to objects the fake does not store.
#[derive(Debug, Default)]
pub(crate) struct Tags {
    tags: Vec<Map<String, Value>>,
    next_id: u64,
    /// `(kind, object id, tag id)` for tickets, internal articles, snippets.
    links: Vec<(String, String, String)>,
}

impl Tags {
    fn position(&self, id: &str) -> Option<usize> {
        self.tags
            .iter()
            .position(|t| t.get("id").and_then(Value::as_str) == Some(id))
    }

    /// The tag with this id, as the API shows it.
    pub(crate) fn get(&self, id: &str) -> Option<Value> {
        self.position(id)
            .map(|i| Value::Object(self.tags[i].clone()))
    }

    /// The tag named `name` (case-insensitive), created when missing.
    fn find_or_create(&mut self, name: &str) -> usize {
        let found = self.tags.iter().position(|t| {
            t.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        });
        found.unwrap_or_else(|| {
            self.next_id += 1;
            let mut t = Map::new();
            t.insert("type".into(), json!("tag"));
            t.insert("id".into(), json!((8_000_000 + self.next_id).to_string()));
            t.insert("name".into(), json!(name));
            self.tags.push(t);
            self.tags.len() - 1
        })
    }
}

/// The stored objects a tag can be applied to.
#[derive(Debug)]
pub(crate) struct Linked<'a> {
    pub(crate) contacts: &'a mut Contacts,
    pub(crate) conversations: &'a mut Conversations,
    pub(crate) companies: &'a mut Companies,
}

/// Serve `/tags...` and `/{object}/{id}/tags...`, or `None` for a route the
/// fake does not know.
pub(crate) fn route(
    store: &mut Tags,
    linked: &mut Linked<'_>,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["tags"]) => Ok(Reply::ok(&json!({
            "type": "list",
            "data": store.tags.clone(),
        }))),
        ("POST", ["tags"]) => create(store, linked, ctx, req),
        ("GET", ["tags", id]) => store
            .get(id)
            .map(|t| Reply::ok(&t))
            .ok_or_else(|| not_found(ctx)),
        ("DELETE", ["tags", id]) => delete(store, linked, ctx, id),
        ("GET", ["contacts", id, "tags"]) => contact_tags(store, linked, ctx, id),
        ("POST", [kind, id, "tags"]) => {
            let body = req.object(ctx).map_err(Some);
            body.and_then(|body| {
                let tag_id = id_text(body.get("id")).ok_or_else(|| {
                    Some(ctx.field_error(400, "parameter_not_found", "id", "id is required"))
                })?;
                apply(
                    store,
                    linked,
                    ctx,
                    &Target {
                        kind,
                        id,
                        tag_id: &tag_id,
                    },
                    &body,
                    true,
                )
            })
            .map_err(|e| e.unwrap_or_else(|| not_found(ctx)))
        }
        ("DELETE", [kind, id, "tags", tag_id]) => {
            let body = req.object(ctx).unwrap_or_default();
            apply(
                store,
                linked,
                ctx,
                &Target { kind, id, tag_id },
                &body,
                false,
            )
            .map_err(|e| e.unwrap_or_else(|| not_found(ctx)))
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Resource Not Found")
}

/// `POST /tags`: create (or find) by name, rename with `id`, or tag and
/// untag `companies` / `users` in bulk.
fn create(store: &mut Tags, linked: &mut Linked<'_>, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let name = required(ctx, &body, "name")?.to_owned();
    if let Some(id) = id_text(body.get("id")) {
        let i = store.position(&id).ok_or_else(|| not_found(ctx))?;
        store.tags[i].insert("name".into(), json!(name));
        return Ok(Reply::ok(&Value::Object(store.tags[i].clone())));
    }
    let i = store.find_or_create(&name);
    let tag = store.tags[i].clone();
    if let Some(companies) = body.get("companies").and_then(Value::as_array) {
        for c in companies {
            let untag = c.get("untag").and_then(Value::as_bool).unwrap_or(false);
            let found = id_text(c.get("id"))
                .and_then(|id| linked.companies.object_mut(&id).map(|_| id))
                .or_else(|| {
                    id_text(c.get("company_id")).and_then(|cid| linked.companies.id_of(&cid))
                });
            if let Some(obj) = found.and_then(|id| linked.companies.object_mut(&id)) {
                set_tag(obj, "tags", &tag, ctx, !untag);
            }
        }
    }
    if let Some(users) = body.get("users").and_then(Value::as_array) {
        for u in users {
            if let Some(obj) = id_text(u.get("id")).and_then(|id| linked.contacts.object_mut(&id)) {
                set_tag(obj, "data", &tag, ctx, true);
            }
        }
    }
    Ok(Reply::ok(&Value::Object(tag)))
}

/// Whether any object carries the tag.
fn in_use(store: &Tags, linked: &Linked<'_>, id: &str) -> bool {
    let carries = |v: &Value| {
        super::search::lookup(v.as_object().unwrap_or(&Map::new()), "tag_id")
            .as_array()
            .is_some_and(|ids| ids.iter().any(|t| t.as_str() == Some(id)))
    };
    store.links.iter().any(|(_, _, t)| t == id)
        || linked.contacts.all().iter().any(carries)
        || linked.conversations.all().iter().any(carries)
        || linked.companies.all().iter().any(carries)
}

fn delete(store: &mut Tags, linked: &Linked<'_>, ctx: &Ctx, id: &str) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    if in_use(store, linked, id) {
        return Err(ctx.error(
            400,
            "tag_has_dependent_objects",
            "Unable to delete Tag with dependent objects",
        ));
    }
    store.tags.remove(i);
    let mut reply = Reply::json(200, &Value::Null);
    reply.body.clear();
    Ok(reply)
}

fn contact_tags(store: &Tags, linked: &mut Linked<'_>, ctx: &Ctx, id: &str) -> Answer {
    let contact = linked
        .contacts
        .object_mut(id)
        .ok_or_else(|| ctx.error(404, "not_found", "Contact Not Found"))?;
    let ids = super::search::lookup(contact, "tag_id");
    let data: Vec<Value> = ids
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_str().and_then(|t| store.get(t)))
        .collect();
    Ok(Reply::ok(&json!({"type": "list", "data": data})))
}

/// Add (or remove) `tag` in an object's tag list under `tags.<key>`.
fn set_tag(obj: &mut Map<String, Value>, key: &str, tag: &Map<String, Value>, ctx: &Ctx, on: bool) {
    let id = tag.get("id").cloned().unwrap_or(Value::Null);
    let tags = obj.entry("tags").or_insert_with(|| json!({}));
    if !tags.is_object() {
        *tags = json!({});
    }
    let list = &mut tags[key];
    if !list.is_array() {
        *list = json!([]);
    }
    if let Some(list) = list.as_array_mut() {
        list.retain(|t| t.get("id") != Some(&id));
        if on {
            let entry = if key == "data" {
                json!({"type": "tag", "id": id, "url": format!("/tags/{}", id.as_str().unwrap_or_default())})
            } else {
                json!({"type": "tag", "id": id, "name": tag.get("name"), "applied_at": ctx.now})
            };
            list.push(entry);
        }
    }
    if key == "data" {
        let n = tags["data"].as_array().map_or(0, Vec::len);
        tags["total_count"] = json!(n);
    }
}

/// What a tagging names: the object's kind (`contacts`, `conversations`,
/// `tickets`, ...), its id and the tag's id.
struct Target<'a> {
    kind: &'a str,
    id: &'a str,
    tag_id: &'a str,
}

/// Tag (`on`) or untag an object. `Err(None)` is a plain `404 not_found`.
fn apply(
    store: &mut Tags,
    linked: &mut Linked<'_>,
    ctx: &Ctx,
    target: &Target<'_>,
    body: &Map<String, Value>,
    on: bool,
) -> Result<Reply, Option<Reply>> {
    let Target { kind, id, tag_id } = *target;
    let i = store.position(tag_id).ok_or(None)?;
    let tag = store.tags[i].clone();
    // Conversations and tickets are tagged by an admin.
    if matches!(kind, "conversations" | "tickets") {
        required(ctx, body, "admin_id").map_err(Some)?;
    }
    match kind {
        "contacts" => {
            let obj = linked
                .contacts
                .object_mut(id)
                .ok_or_else(|| Some(ctx.error(404, "not_found", "Contact Not Found")))?;
            set_tag(obj, "data", &tag, ctx, on);
        }
        "conversations" => {
            let obj = linked
                .conversations
                .object_mut(id)
                .ok_or_else(|| Some(ctx.error(404, "not_found", "Conversation Not Found")))?;
            set_tag(obj, "tags", &tag, ctx, on);
        }
        _ => {
            let link = (kind.to_owned(), id.to_owned(), tag_id.to_owned());
            store.links.retain(|l| *l != link);
            if on {
                store.links.push(link);
            }
        }
    }
    let mut out = tag;
    if on && kind != "contacts" {
        out.insert("applied_at".into(), json!(ctx.now));
        if let Some(admin) = body.get("admin_id") {
            out.insert("applied_by".into(), json!({"type": "admin", "id": admin}));
        }
    }
    Ok(Reply::ok(&Value::Object(out)))
}
