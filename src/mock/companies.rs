//! Companies: the fake's store and its `/companies` endpoints.
//!
//! - `POST /companies` creates the company with the body's `company_id`, or
//!   updates the one that has it (custom attributes merged key by key);
//! - `GET /companies/{id}` and `PUT /companies/{id}` by Intercom's id;
//! - `GET /companies?company_id=` and `GET /companies?name=` (exact name,
//!   any case) answer the company itself, or `404 company_not_found`;
//!   without either, `GET /companies` lists companies by page number
//!   (`page`, `per_page`, default 15);
//!   `POST /companies/list` does the same; `GET /companies?tag_id=` and
//!   `?segment_id=` list the companies with that tag (segment);
//! - `GET /companies/scroll` answers every company on its first page with a
//!   `scroll_param`, then an empty page, which ends the scroll;
//! - `DELETE /companies/{id}` forgets the company and detaches its contacts;
//! - contacts and companies are linked both ways: attaching a contact
//!   (`POST /contacts/{id}/companies`) lists the company in the contact's
//!   `companies` and `GET /contacts/{id}/companies`, and the contact in
//!   `GET /companies/{id}/contacts`; the company's `user_count` follows;
//! - notes made on a company are listed by `GET /companies/{id}/notes`.

use serde_json::{Map, Value, json};

use super::contacts::Contacts;
use super::paging::{numbered, numbered_page};
use super::reply::{Ctx, Reply, Rng};
use super::request::{Incoming, id_text, required};

type Answer = Result<Reply, Reply>;

/// Every company of the fake workspace, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Companies {
    records: Vec<Map<String, Value>>,
    /// Notes made on companies, oldest first.
    notes: Vec<Value>,
}

impl Companies {
    pub(crate) fn all(&self) -> Vec<Value> {
        self.records.iter().cloned().map(Value::Object).collect()
    }

    /// A note made on one of these records, by its id (`GET /notes/{id}`).
    pub(crate) fn note(&self, id: &str) -> Option<Value> {
        self.notes
            .iter()
            .find(|n| n.get("id").and_then(Value::as_str) == Some(id))
            .cloned()
    }

    pub(crate) fn len(&self) -> usize {
        self.records.len()
    }

    /// The stored JSON of a company, to change it.
    pub(crate) fn object_mut(&mut self, id: &str) -> Option<&mut Map<String, Value>> {
        let i = self.position(id)?;
        Some(&mut self.records[i])
    }

    /// Intercom's id of the company with this `company_id`.
    pub(crate) fn id_of(&self, company_id: &str) -> Option<String> {
        self.by("company_id", company_id)
            .and_then(|i| self.records[i].get("id").and_then(Value::as_str))
            .map(str::to_owned)
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.records
            .iter()
            .position(|m| m.get("id").and_then(Value::as_str) == Some(id))
    }

    fn by(&self, key: &str, value: &str) -> Option<usize> {
        self.records.iter().position(|m| {
            m.get(key)
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case(value))
        })
    }

    /// Store `fields` (the body `POST /companies` takes, `plan` as a name)
    /// as a new company, without checks; returns its Intercom id.
    pub(crate) fn seed(
        &mut self,
        fields: &Map<String, Value>,
        workspace: &str,
        now: i64,
        rng: &mut Rng,
    ) -> String {
        let id = rng.object_id(now);
        let mut c = blank(&id, workspace, now);
        // A seed cannot fail: bad fields are left at their defaults.
        let _ = apply(&mut c, fields, rng);
        self.records.push(c);
        id
    }
}

fn blank(id: &str, workspace: &str, now: i64) -> Map<String, Value> {
    match json!({
        "type": "company",
        "id": id,
        "company_id": null,
        "name": null,
        "app_id": workspace,
        "plan": {},
        "remote_created_at": null,
        "created_at": now,
        "updated_at": now,
        "last_request_at": null,
        "size": 0,
        "website": null,
        "industry": null,
        "monthly_spend": 0,
        "session_count": 0,
        "user_count": 0,
        "custom_attributes": {},
        "tags": {"type": "tag.list", "tags": []},
        "segments": {"type": "segment.list", "segments": []},
    }) {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// Apply the writable fields of a body; nothing changes on error.
fn apply(
    company: &mut Map<String, Value>,
    body: &Map<String, Value>,
    rng: &mut Rng,
) -> Result<(), (&'static str, String)> {
    let mut c = company.clone();
    for (key, value) in body {
        let bad = |field: &'static str, want: &str| Err((field, format!("{field} must be {want}")));
        match (key.as_str(), value) {
            ("company_id" | "name" | "website" | "industry", Value::String(_) | Value::Null) => {
                c.insert(key.clone(), value.clone());
            }
            ("company_id", _) => return bad("company_id", "a string"),
            ("name", _) => return bad("name", "a string"),
            ("website", _) => return bad("website", "a string"),
            ("industry", _) => return bad("industry", "a string"),
            ("plan", Value::String(p)) => {
                let id = (rng.next_u64() % 1_000_000).to_string();
                c.insert("plan".into(), json!({"type": "plan", "id": id, "name": p}));
            }
            ("plan", _) => return bad("plan", "a string"),
            ("size" | "monthly_spend" | "remote_created_at", v) if v.is_i64() || v.is_null() => {
                c.insert(key.clone(), v.clone());
            }
            ("size", _) => return bad("size", "an integer"),
            ("monthly_spend", _) => return bad("monthly_spend", "an integer"),
            ("remote_created_at", _) => return bad("remote_created_at", "a unix timestamp"),
            ("custom_attributes", Value::Object(new)) => {
                let attrs = c.entry("custom_attributes").or_insert_with(|| json!({}));
                if !attrs.is_object() {
                    *attrs = json!({});
                }
                if let Some(attrs) = attrs.as_object_mut() {
                    for (k, v) in new {
                        attrs.insert(k.clone(), v.clone());
                    }
                }
            }
            ("custom_attributes", _) => return bad("custom_attributes", "an object"),
            _ => {}
        }
    }
    *company = c;
    Ok(())
}

/// Serve `/companies...`, or `None` for a route the fake does not know.
pub(crate) fn route(
    store: &mut Companies,
    contacts: &mut Contacts,
    rng: &mut Rng,
    workspace: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let segs = req.segs();
    let answer = match (req.method, segs.as_slice()) {
        ("POST", ["companies"]) => create_or_update(store, rng, workspace, ctx, req),
        ("GET", ["companies"]) => lookup_or_list(store, ctx, req),
        ("POST", ["companies", "list"]) => lookup_or_list(store, ctx, req),
        ("DELETE", ["companies", id]) => delete(store, contacts, ctx, id),
        ("GET", ["companies", id, "contacts"]) => store
            .position(id)
            .ok_or_else(|| not_found(ctx))
            .and_then(|_| {
                let attached = contacts
                    .all()
                    .into_iter()
                    .filter(|c| company_ids(c).iter().any(|c| c == id))
                    .collect();
                numbered_page(ctx, req, "list", "data", attached, 10, 50)
            }),
        ("GET", ["companies", id, "segments"]) => store
            .position(id)
            .map(|_| Reply::ok(&json!({"type": "list", "data": []})))
            .ok_or_else(|| not_found(ctx)),
        ("GET", ["companies", id, "notes"]) => store
            .position(id)
            .ok_or_else(|| not_found(ctx))
            .and_then(|_| {
                let mine: Vec<Value> = store
                    .notes
                    .iter()
                    .filter(|n| n["company"]["id"].as_str() == Some(*id))
                    .rev()
                    .cloned()
                    .collect();
                numbered_page(ctx, req, "list", "data", mine, 10, 50)
            }),
        ("POST", ["companies", id, "notes"]) => create_note(store, rng, ctx, req, id),
        ("GET", ["companies", "scroll"]) => Ok(scroll(store, req)),
        ("GET", ["companies", id]) => store
            .position(id)
            .map(|i| Reply::ok(&Value::Object(store.records[i].clone())))
            .ok_or_else(|| not_found(ctx)),
        ("PUT", ["companies", id]) => update(store, rng, ctx, req, id),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "company_not_found", "Company Not Found")
}

fn create_or_update(
    store: &mut Companies,
    rng: &mut Rng,
    workspace: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Answer {
    let body = req.object(ctx)?;
    let company_id = body
        .get("company_id")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ctx.invalid("company_id", "company_id is required"))?;
    let (i, mut c) = match store.by("company_id", company_id) {
        Some(i) => (Some(i), store.records[i].clone()),
        None => (None, blank(&rng.object_id(ctx.now), workspace, ctx.now)),
    };
    apply(&mut c, &body, rng).map_err(|(field, msg)| ctx.invalid(field, msg))?;
    c.insert("updated_at".into(), ctx.now.into());
    let reply = Reply::ok(&Value::Object(c.clone()));
    match i {
        Some(i) => store.records[i] = c,
        None => store.records.push(c),
    }
    Ok(reply)
}

fn update(store: &mut Companies, rng: &mut Rng, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let mut body = req.object(ctx)?;
    // The company_id cannot change once set.
    body.remove("company_id");
    let mut c = store.records[i].clone();
    apply(&mut c, &body, rng).map_err(|(field, msg)| ctx.invalid(field, msg))?;
    c.insert("updated_at".into(), ctx.now.into());
    store.records[i] = c.clone();
    Ok(Reply::ok(&Value::Object(c)))
}

fn lookup_or_list(store: &Companies, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    for (key, inside) in [("tag_id", "tags"), ("segment_id", "segments")] {
        if let Some(v) = req.query(key) {
            let hits = store
                .records
                .iter()
                .filter(|c| {
                    c.get(inside)
                        .and_then(|l| l.get(inside))
                        .and_then(Value::as_array)
                        .is_some_and(|l| {
                            l.iter().any(|t| id_text(t.get("id")).as_deref() == Some(v))
                        })
                })
                .cloned()
                .map(Value::Object)
                .collect();
            return numbered_page(ctx, req, "list", "data", hits, 15, 60);
        }
    }
    for key in ["company_id", "name"] {
        if let Some(v) = req.query(key) {
            return store
                .by(key, v)
                .map(|i| Reply::ok(&Value::Object(store.records[i].clone())))
                .ok_or_else(|| not_found(ctx));
        }
    }
    let all = store.records.iter().cloned().map(Value::Object).collect();
    numbered_page(ctx, req, "list", "data", all, 15, 60)
}

fn scroll(store: &Companies, req: &Incoming<'_>) -> Reply {
    let data = if req.query("scroll_param").is_some() {
        Vec::new()
    } else {
        store.records.clone()
    };
    Reply::ok(&json!({
        "type": "list",
        "data": data,
        "scroll_param": "fake-scroll-1",
    }))
}

/// The Intercom ids of the companies a contact is attached to.
fn company_ids(contact: &Value) -> Vec<String> {
    contact["companies"]["data"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| id_text(c.get("id")))
        .collect()
}

fn delete(store: &mut Companies, contacts: &mut Contacts, ctx: &Ctx, id: &str) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    store.records.remove(i);
    let ids: Vec<String> = contacts
        .all()
        .iter()
        .filter(|c| company_ids(c).iter().any(|c| c == id))
        .filter_map(|c| id_text(c.get("id")))
        .collect();
    for contact in ids {
        if let Some(c) = contacts.object_mut(&contact) {
            link(c, id, false);
        }
    }
    Ok(Reply::ok(
        &json!({"id": id, "object": "company", "deleted": true}),
    ))
}

fn create_note(
    store: &mut Companies,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    store.position(id).ok_or_else(|| not_found(ctx))?;
    let body = req.object(ctx)?;
    let text = required(ctx, &body, "body")?;
    let note = json!({
        "type": "note",
        "id": (rng.next_u64() % 900_000_000 + 100_000_000).to_string(),
        "created_at": ctx.now,
        "company": {"type": "company", "id": id},
        "author": body.get("admin_id").map(|a| json!({"type": "admin", "id": a})),
        "body": super::request::as_html(text),
    });
    store.notes.push(note.clone());
    Ok(Reply::ok(&note))
}

/// Add (or remove) company `id` in a contact's `companies.data`.
fn link(contact: &mut Map<String, Value>, id: &str, on: bool) {
    let list = contact
        .entry("companies")
        .or_insert_with(|| json!({"type": "list", "data": []}));
    if !list.is_object() {
        *list = json!({"type": "list", "data": []});
    }
    if let Some(data) = list["data"].as_array_mut() {
        data.retain(|c| c["id"].as_str() != Some(id));
        if on {
            data.push(json!({"type": "company", "id": id, "url": format!("/companies/{id}")}));
        }
    }
    let n = list["data"].as_array().map_or(0, Vec::len);
    list["total_count"] = json!(n);
    list["has_more"] = json!(false);
}

/// Serve `/contacts/{id}/companies...`: the contact side of the link.
pub(crate) fn route_contact(
    store: &mut Companies,
    contacts: &mut Contacts,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let contact_missing = || ctx.error(404, "not_found", "Contact Not Found");
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["contacts", contact, "companies"]) => {
            contacts.get(contact).ok_or_else(contact_missing).map(|c| {
                let linked: Vec<Value> = company_ids(&c)
                    .iter()
                    .filter_map(|id| {
                        store
                            .position(id)
                            .map(|i| Value::Object(store.records[i].clone()))
                    })
                    .collect();
                Reply::ok(&numbered("list", "companies", linked, 1, 50))
            })
        }
        ("POST", ["contacts", contact, "companies"]) => req.object(ctx).and_then(|body| {
            let id = id_text(body.get("id")).ok_or_else(|| {
                ctx.field_error(400, "parameter_not_found", "id", "id is required")
            })?;
            attach(store, contacts, ctx, contact, &id, true)
        }),
        ("DELETE", ["contacts", contact, "companies", id]) => {
            attach(store, contacts, ctx, contact, id, false)
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn attach(
    store: &mut Companies,
    contacts: &mut Contacts,
    ctx: &Ctx,
    contact: &str,
    id: &str,
    on: bool,
) -> Answer {
    let i = store.position(id).ok_or_else(|| not_found(ctx))?;
    let c = contacts
        .object_mut(contact)
        .ok_or_else(|| ctx.error(404, "not_found", "Contact Not Found"))?;
    let was = company_ids(&Value::Object(c.clone()))
        .iter()
        .any(|c| c == id);
    if !on && !was {
        return Err(ctx.error(404, "company_not_found", "Company Not Found"));
    }
    link(c, id, on);
    let count = store.records[i]
        .get("user_count")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    let count = match (on, was) {
        (true, false) => count + 1,
        (false, true) => (count - 1).max(0),
        _ => count,
    };
    store.records[i].insert("user_count".into(), json!(count));
    Ok(Reply::ok(&Value::Object(store.records[i].clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_validates_before_changing_anything() {
        let mut rng = Rng::new();
        let mut c = blank("x", "w", 1);
        let body = match json!({"name": "Acme", "size": "big"}) {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let err = apply(&mut c, &body, &mut rng).expect_err("bad size");
        assert_eq!(err.0, "size");
        assert_eq!(c["name"], Value::Null);
    }
}
