//! Contacts: the fake's store and its `/contacts` endpoints.
//!
//! Contacts are kept as JSON objects shaped like the 2.16 `contact` schema,
//! in creation order. Cursors are opaque strings (hex of `list:<seq>` for
//! `GET /contacts`, `search:<offset>` for searches), so a cursor of one kind
//! is refused by the other endpoint, as Intercom would refuse a foreign one.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::paging::{
    MAX_PER_PAGE, bad_cursor, cursor_page, decode_cursor, encode_cursor, numbered,
};
use super::reply::{Ctx, Reply, Rng};
use super::request::Incoming;
use super::search::{Query, lookup, order};

/// Items per page unless asked otherwise.
const DEFAULT_PER_PAGE: usize = 50;
type Answer = Result<Reply, Reply>;

/// Every contact of the fake workspace.
#[derive(Debug)]
pub(crate) struct Contacts {
    /// In creation order (`seq` ascending).
    records: Vec<Record>,
    next_seq: u64,
    /// Ids merged away, and the contact each was merged into.
    merged: HashMap<String, String>,
    workspace_id: String,
    /// Notes made on contacts, oldest first.
    notes: Vec<Value>,
}

#[derive(Debug)]
struct Record {
    seq: u64,
    json: Map<String, Value>,
}

impl Contacts {
    pub(crate) fn new(workspace_id: &str) -> Contacts {
        Contacts {
            records: Vec::new(),
            next_seq: 1,
            merged: HashMap::new(),
            workspace_id: workspace_id.to_owned(),
            notes: Vec::new(),
        }
    }

    pub(crate) fn all(&self) -> Vec<Value> {
        self.records
            .iter()
            .map(|r| Value::Object(r.json.clone()))
            .collect()
    }

    pub(crate) fn get(&self, id: &str) -> Option<Value> {
        self.position(id)
            .map(|i| Value::Object(self.records[i].json.clone()))
    }

    /// The stored JSON of a contact, to change it.
    pub(crate) fn object_mut(&mut self, id: &str) -> Option<&mut Map<String, Value>> {
        let i = self.position(id)?;
        Some(&mut self.records[i].json)
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

    /// The number the next contact gets; used to name seeded contacts.
    pub(crate) fn next_number(&self) -> u64 {
        self.next_seq
    }

    /// Store `fields` verbatim over a default contact, without validation.
    /// An `id` that is missing or already taken is replaced by a fresh one.
    pub(crate) fn seed(&mut self, fields: Value, now: i64, rng: &mut Rng) -> String {
        let given = match fields {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let id = given
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty() && self.position(id).is_none())
            .map_or_else(|| rng.object_id(now), str::to_owned);
        let mut contact = blank(&id, &self.workspace_id, now);
        let derive_domain = !given.contains_key("email_domain");
        for (k, v) in given {
            if k != "id" {
                contact.insert(k, v);
            }
        }
        if derive_domain {
            let domain = contact
                .get("email")
                .and_then(Value::as_str)
                .map(email_domain)
                .unwrap_or(Value::Null);
            contact.insert("email_domain".into(), domain);
        }
        self.push(contact);
        id
    }

    fn push(&mut self, json: Map<String, Value>) {
        self.records.push(Record {
            seq: self.next_seq,
            json,
        });
        self.next_seq += 1;
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.records
            .iter()
            .position(|r| r.json.get("id").and_then(Value::as_str) == Some(id))
    }

    /// The contact `id`, or the 404 / 410 Intercom answers.
    fn find(&self, ctx: &Ctx, id: &str) -> Result<usize, Reply> {
        if let Some(i) = self.position(id) {
            return Ok(i);
        }
        match self.merged.get(id) {
            Some(into) => Err(ctx
                .error(
                    410,
                    "contact_merged",
                    "This contact has been merged. See the 'Link' header",
                )
                .header("link", format!("</contacts/{into}>; rel=\"canonical\""))),
            None => Err(ctx.error(404, "not_found", "Contact Not Found")),
        }
    }

    /// The id of another contact with this email (any case) or external id.
    fn conflict(&self, fields: &Map<String, Value>, except: Option<&str>) -> Option<String> {
        let email = fields.get("email").and_then(Value::as_str);
        let external_id = external_id_of(fields);
        self.records.iter().find_map(|r| {
            let id = r.json.get("id").and_then(Value::as_str)?;
            if Some(id) == except {
                return None;
            }
            let same_email = email.is_some_and(|e| {
                r.json
                    .get("email")
                    .and_then(Value::as_str)
                    .is_some_and(|theirs| theirs.eq_ignore_ascii_case(e))
            });
            let same_external = external_id.is_some()
                && r.json.get("external_id").and_then(Value::as_str) == external_id.as_deref();
            (same_email || same_external).then(|| id.to_owned())
        })
    }
}

/// Serve `/contacts...`, or `None` for a route the fake does not know.
pub(crate) fn route(
    store: &mut Contacts,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let segs = req.segs();
    let answer = match (req.method, segs.as_slice()) {
        ("GET", ["contacts"]) => list(store, ctx, req),
        ("POST", ["contacts"]) => create(store, rng, ctx, req),
        ("POST", ["contacts", "search"]) => search(store, ctx, req),
        ("POST", ["contacts", "merge"]) => merge(store, ctx, req),
        ("GET", ["contacts", "find_by_external_id", external_id]) => {
            find_by_external_id(store, ctx, external_id)
        }
        ("GET", ["contacts", id]) => store
            .find(ctx, id)
            .map(|i| Reply::ok(&Value::Object(store.records[i].json.clone()))),
        ("PUT", ["contacts", id]) => update(store, ctx, req, id),
        ("DELETE", ["contacts", id]) => delete(store, ctx, id),
        ("POST", ["contacts", id, action @ ("archive" | "unarchive" | "block")]) => {
            store.find(ctx, id).map(|i| {
                let mut body = reference(&store.records[i].json);
                match *action {
                    "archive" => body["archived"] = json!(true),
                    "unarchive" => body["archived"] = json!(false),
                    _ => body["blocked"] = json!(true),
                }
                Reply::ok(&body)
            })
        }
        ("POST", ["contacts", id, "notes"]) => store.find(ctx, id).and_then(|_| {
            let body = req.object(ctx)?;
            let text = body.get("body").and_then(Value::as_str).unwrap_or_default();
            if text.trim().is_empty() {
                return Err(ctx.invalid("body", "A note needs a body"));
            }
            let note = json!({
                "type": "note",
                "id": (rng.next_u64() % 900_000_000 + 100_000_000).to_string(),
                "created_at": ctx.now,
                "contact": {"type": "contact", "id": id},
                "author": body.get("admin_id").map(|a| json!({"type": "admin", "id": a})),
                "body": super::request::as_html(text),
            });
            store.notes.push(note.clone());
            Ok(Reply::ok(&note))
        }),
        ("POST", ["contacts", id, "subscriptions"]) => store.find(ctx, id).and_then(|_| {
            let body = req.object(ctx)?;
            let sub = body.get("id").and_then(Value::as_str).unwrap_or_default();
            let consent = body
                .get("consent_type")
                .and_then(Value::as_str)
                .unwrap_or("opt_in");
            if sub.trim().is_empty() {
                return Err(ctx.invalid("id", "A subscription type id is required"));
            }
            Ok(Reply::ok(&subscription_type(sub, consent)))
        }),
        ("DELETE", ["contacts", id, "subscriptions", sub]) => store
            .find(ctx, id)
            .map(|_| Reply::ok(&subscription_type(sub, "opt_in"))),
        ("POST", ["contacts", id, "banners", view_id, "dismiss"]) => {
            store.find(ctx, id).map(|_| {
                Reply::ok(&json!({"type": "banner_dismiss", "view_id": view_id, "dismissed": true}))
            })
        }
        ("GET", ["contacts", id, what]) => {
            let body = match *what {
                "segments" | "subscriptions" | "banners" => {
                    json!({"type": "list", "data": []})
                }
                "merge_history" => json!({"type": "list", "data": [], "has_more": false}),
                "notes" => {
                    let mine: Vec<Value> = store
                        .notes
                        .iter()
                        .filter(|n| n["contact"]["id"].as_str() == Some(*id))
                        .rev()
                        .cloned()
                        .collect();
                    numbered("list", "data", mine, 1, MAX_PER_PAGE)
                }
                _ => return None,
            };
            store.find(ctx, id).map(|_| Reply::ok(&body))
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

/// A subscription type as attached to or detached from a contact.
fn subscription_type(id: &str, consent_type: &str) -> Value {
    json!({
        "type": "subscription",
        "id": id,
        "state": "live",
        "consent_type": consent_type,
        "default_translation": {"name": "Newsletter", "description": "Product news", "locale": "en"},
        "translations": [{"name": "Newsletter", "description": "Product news", "locale": "en"}],
        "content_types": ["email"],
    })
}

fn create(store: &mut Contacts, rng: &mut Rng, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let has = |key: &str| {
        body.get(key)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    };
    let is_lead = body.get("role").and_then(Value::as_str) == Some("lead");
    if !has("email") && external_id_of(&body).is_none() && !is_lead {
        return Err(ctx.invalid(
            "email",
            "A contact needs an email, an external_id, or the role lead",
        ));
    }
    if let Some(id) = store.conflict(&body, None) {
        return Err(conflict(ctx, &id));
    }
    let id = rng.object_id(ctx.now);
    let mut contact = blank(&id, &store.workspace_id, ctx.now);
    apply(&mut contact, &body).map_err(|(field, msg)| ctx.invalid(field, msg))?;
    let reply = Reply::ok(&Value::Object(contact.clone()));
    store.push(contact);
    Ok(reply)
}

fn update(store: &mut Contacts, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let i = store.find(ctx, id)?;
    let body = req.object(ctx)?;
    if let Some(other) = store.conflict(&body, Some(id)) {
        return Err(conflict(ctx, &other));
    }
    let mut contact = store.records[i].json.clone();
    apply(&mut contact, &body).map_err(|(field, msg)| ctx.invalid(field, msg))?;
    contact.insert("updated_at".into(), ctx.now.into());
    store.records[i].json = contact.clone();
    Ok(Reply::ok(&Value::Object(contact)))
}

fn delete(store: &mut Contacts, ctx: &Ctx, id: &str) -> Answer {
    let i = store.find(ctx, id)?;
    let removed = store.records.remove(i);
    let mut body = reference(&removed.json);
    body["deleted"] = json!(true);
    Ok(Reply::ok(&body))
}

fn find_by_external_id(store: &Contacts, ctx: &Ctx, external_id: &str) -> Answer {
    store
        .records
        .iter()
        .find(|r| r.json.get("external_id").and_then(Value::as_str) == Some(external_id))
        .map(|r| Reply::ok(&Value::Object(r.json.clone())))
        .ok_or_else(|| ctx.error(404, "not_found", "Contact Not Found"))
}

/// `POST /contacts/merge`: a lead `from` into a user `into`. The user keeps
/// its fields and gains the lead's email, phone, name and custom attributes
/// where it has none; the lead is gone (its id answers `410`).
fn merge(store: &mut Contacts, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let id_of = |key: &str| -> Result<String, Reply> {
        body.get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| {
                ctx.field_error(
                    400,
                    "parameter_not_found",
                    key,
                    format!("{key} is required"),
                )
            })
    };
    let (from, into) = (id_of("from")?, id_of("into")?);
    if from == into {
        return Err(ctx.invalid("into", "A contact cannot be merged into itself"));
    }
    let from_i = store.find(ctx, &from)?;
    let into_i = store.find(ctx, &into)?;
    let role = |i: usize| store.records[i].json.get("role").and_then(Value::as_str);
    if role(from_i) != Some("lead") || role(into_i) != Some("user") {
        return Err(ctx.invalid(
            "from",
            "Only a contact with role lead can be merged, into a contact with role user",
        ));
    }
    let lead = store.records[from_i].json.clone();
    let user = &mut store.records[into_i].json;
    for key in ["email", "email_domain", "phone", "name"] {
        if user.get(key).is_none_or(Value::is_null) {
            if let Some(v) = lead.get(key) {
                user.insert(key.into(), v.clone());
            }
        }
    }
    if let (Some(Value::Object(theirs)), Some(Value::Object(ours))) = (
        lead.get("custom_attributes"),
        user.get_mut("custom_attributes"),
    ) {
        for (k, v) in theirs {
            ours.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    user.insert("updated_at".into(), ctx.now.into());
    let merged = Value::Object(user.clone());
    store.records.remove(from_i);
    store.merged.insert(from, into);
    Ok(Reply::ok(&merged))
}

fn list(store: &Contacts, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let per_page = per_page(ctx, req.query("per_page").map(|s| json!(s)))?;
    let start = match req.query("starting_after") {
        Some(c) => {
            let seq = decode_cursor(c, "list").ok_or_else(|| bad_cursor(ctx))?;
            store.records.partition_point(|r| r.seq <= seq)
        }
        None => 0,
    };
    let items: Vec<&Map<String, Value>> = store.records.iter().map(|r| &r.json).collect();
    Ok(Reply::ok(&page(&items, start, per_page, |last| {
        encode_cursor("list", store.records[last].seq)
    })))
}

fn search(store: &Contacts, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let query = body
        .get("query")
        .ok_or_else(|| ctx.field_error(400, "parameter_not_found", "query", "query is required"))?;
    let query = Query::parse(query).map_err(|m| ctx.invalid("query", m))?;
    let pagination = match body.get("pagination") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(p)) => p.clone(),
        Some(_) => return Err(ctx.invalid("pagination", "pagination must be an object")),
    };
    let per_page = per_page(ctx, pagination.get("per_page").cloned())?;
    let after = match pagination.get("starting_after") {
        None | Some(Value::Null) => None,
        Some(c) => Some(
            c.as_str()
                .and_then(decode_search_cursor)
                .ok_or_else(|| bad_cursor(ctx))?,
        ),
    };
    let sort = match body.get("sort") {
        None | Some(Value::Null) => None,
        Some(s) => Some(sort_of(ctx, s)?),
    };

    // Each hit's position in the order: (sort field value, creation order).
    let key = |r: &Record| -> (Value, u64) {
        let value = sort
            .as_ref()
            .map_or(Value::Null, |(f, _)| lookup(&r.json, f));
        (value, r.seq)
    };
    let descending = sort.as_ref().is_some_and(|(_, d)| *d);
    let compare = |a: &(Value, u64), b: &(Value, u64)| {
        let by_field = match (a.0.is_null(), b.0.is_null()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => {
                let o = order(&a.0, &b.0).unwrap_or(Ordering::Equal);
                if descending { o.reverse() } else { o }
            }
        };
        by_field.then(a.1.cmp(&b.1))
    };
    let mut hits: Vec<(&Record, (Value, u64))> = store
        .records
        .iter()
        .filter(|r| query.matches(&r.json))
        .map(|r| (r, key(r)))
        .collect();
    hits.sort_by(|a, b| compare(&a.1, &b.1));
    // Like Intercom's, the cursor names the last record served (its place in
    // the order), not an offset: records that change or vanish between two
    // pages cannot make the next page skip one.
    let start = match &after {
        None => 0,
        Some(last) => hits.partition_point(|(_, k)| compare(k, last) != Ordering::Greater),
    };
    let items: Vec<&Map<String, Value>> = hits.iter().map(|(r, _)| &r.json).collect();
    Ok(Reply::ok(&page(&items, start, per_page, |last| {
        encode_search_cursor(&hits[last].1)
    })))
}

/// `sort: {field, order}`: the field and whether it is descending (the
/// default, as on Intercom).
fn sort_of(ctx: &Ctx, sort: &Value) -> Result<(String, bool), Reply> {
    let field = sort
        .get("field")
        .and_then(Value::as_str)
        .filter(|f| !f.is_empty())
        .ok_or_else(|| ctx.invalid("sort", "sort.field must be a non-empty string"))?;
    let descending = match sort.get("order") {
        None | Some(Value::Null) => true,
        Some(o) => match o.as_str() {
            Some("ascending") => false,
            Some("descending") => true,
            _ => {
                return Err(ctx.field_error(
                    400,
                    "invalid_sort_order",
                    "sort.order",
                    "Sort order must be either ascending or descending",
                ));
            }
        },
    };
    Ok((field.to_owned(), descending))
}

/// A `contact_list` page of `items[start..]`. `cursor(i)` is the
/// `starting_after` that continues after item `i`.
fn page(
    items: &[&Map<String, Value>],
    start: usize,
    per_page: usize,
    cursor: impl Fn(usize) -> String,
) -> Value {
    let items: Vec<Value> = items.iter().map(|m| Value::Object((*m).clone())).collect();
    cursor_page("list", "data", &items, start, per_page, cursor)
}

/// `per_page` from a query string or JSON: 1 or more (default 50), clamped
/// to 150.
fn per_page(ctx: &Ctx, raw: Option<Value>) -> Result<usize, Reply> {
    super::paging::per_page(ctx, raw, DEFAULT_PER_PAGE, MAX_PER_PAGE)
}

/// A search cursor: the sort value and creation order of the last record served.
fn encode_search_cursor(last: &(Value, u64)) -> String {
    hex::encode(json!(["search", last.0, last.1]).to_string())
}

fn decode_search_cursor(cursor: &str) -> Option<(Value, u64)> {
    let raw = String::from_utf8(hex::decode(cursor).ok()?).ok()?;
    let v: Value = serde_json::from_str(&raw).ok()?;
    match v.as_array()?.as_slice() {
        [Value::String(kind), value, seq] if kind == "search" => {
            Some((value.clone(), seq.as_u64()?))
        }
        _ => None,
    }
}

fn conflict(ctx: &Ctx, id: &str) -> Reply {
    ctx.error(
        409,
        "conflict",
        format!("A contact matching those details already exists with id={id}"),
    )
}

/// `{type, id, external_id}`: the body of delete, archive and block answers.
fn reference(contact: &Map<String, Value>) -> Value {
    json!({
        "type": "contact",
        "id": contact.get("id").cloned().unwrap_or(Value::Null),
        "external_id": contact.get("external_id").cloned().unwrap_or(Value::Null),
    })
}

/// A non-empty external id from a request body; numbers are accepted as text.
fn external_id_of(body: &Map<String, Value>) -> Option<String> {
    match body.get("external_id")? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn email_domain(email: &str) -> Value {
    match email.rsplit_once('@') {
        Some((_, domain)) if !domain.is_empty() => json!(domain.to_ascii_lowercase()),
        _ => Value::Null,
    }
}

/// Apply the writable fields of a create or update body; other keys are
/// ignored, as Intercom ignores them. Nothing changes on error.
fn apply(
    contact: &mut Map<String, Value>,
    body: &Map<String, Value>,
) -> Result<(), (&'static str, String)> {
    let mut c = contact.clone();
    for (key, value) in body {
        let bad = |field: &'static str, want: &str| Err((field, format!("{field} must be {want}")));
        match (key.as_str(), value) {
            ("role", Value::String(r)) if r == "user" || r == "lead" => {
                c.insert("role".into(), value.clone());
            }
            ("role", _) => return bad("role", "either user or lead"),
            ("email", Value::String(e)) => {
                c.insert("email".into(), value.clone());
                c.insert("email_domain".into(), email_domain(e));
            }
            ("email", Value::Null) => {
                c.insert("email".into(), Value::Null);
                c.insert("email_domain".into(), Value::Null);
            }
            ("email", _) => return bad("email", "a string"),
            ("external_id", Value::String(_) | Value::Null) => {
                c.insert("external_id".into(), value.clone());
            }
            ("external_id", Value::Number(n)) => {
                c.insert("external_id".into(), json!(n.to_string()));
            }
            ("external_id", _) => return bad("external_id", "a string"),
            ("name", Value::String(_) | Value::Null) => {
                c.insert("name".into(), value.clone());
            }
            ("name", _) => return bad("name", "a string"),
            ("phone", Value::String(_) | Value::Null) => {
                c.insert("phone".into(), value.clone());
            }
            ("phone", _) => return bad("phone", "a string"),
            ("language_override", Value::String(_) | Value::Null) => {
                c.insert("language_override".into(), value.clone());
            }
            ("language_override", _) => return bad("language_override", "a string"),
            ("avatar", Value::String(url)) => {
                c.insert("avatar".into(), json!({"type": "avatar", "image_url": url}));
            }
            ("avatar", Value::Null) => {
                c.insert("avatar".into(), Value::Null);
            }
            ("avatar", _) => return bad("avatar", "an image URL"),
            ("signed_up_at", v) if v.is_i64() || v.is_null() => {
                c.insert("signed_up_at".into(), v.clone());
            }
            ("signed_up_at", _) => return bad("signed_up_at", "a unix timestamp"),
            ("last_seen_at", v) if v.is_i64() || v.is_null() => {
                c.insert("last_seen_at".into(), v.clone());
            }
            ("last_seen_at", _) => return bad("last_seen_at", "a unix timestamp"),
            ("owner_id", Value::Number(_) | Value::String(_) | Value::Null) => {
                c.insert("owner_id".into(), value.clone());
            }
            ("owner_id", _) => return bad("owner_id", "an admin id"),
            ("unsubscribed_from_emails", Value::Bool(_)) => {
                c.insert("unsubscribed_from_emails".into(), value.clone());
            }
            ("unsubscribed_from_emails", _) => {
                return bad("unsubscribed_from_emails", "a boolean");
            }
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
    *contact = c;
    Ok(())
}

/// A new contact with every field of the 2.16 `contact` schema at its
/// default, as Intercom returns a freshly created one.
fn blank(id: &str, workspace_id: &str, now: i64) -> Map<String, Value> {
    let list = |what: &str| {
        json!({
            "type": "list",
            "data": [],
            "url": format!("/contacts/{id}/{what}"),
            "total_count": 0,
            "has_more": false,
        })
    };
    let mut c = Map::new();
    for key in UNSET_FIELDS {
        c.insert((*key).to_owned(), Value::Null);
    }
    let fields = [
        ("type", json!("contact")),
        ("id", json!(id)),
        ("workspace_id", json!(workspace_id)),
        ("role", json!("user")),
        ("social_profiles", json!({"type": "list", "data": []})),
        ("has_hard_bounced", json!(false)),
        ("marked_email_as_spam", json!(false)),
        ("unsubscribed_from_emails", json!(false)),
        ("created_at", json!(now)),
        ("updated_at", json!(now)),
        (
            "location",
            json!({
                "type": "location", "country": null, "region": null, "city": null,
                "country_code": null, "continent_code": null,
            }),
        ),
        ("custom_attributes", json!({})),
        ("tags", list("tags")),
        ("notes", list("notes")),
        ("companies", list("companies")),
        ("opted_out_subscription_types", list("subscriptions")),
        ("opted_in_subscription_types", list("subscriptions")),
    ];
    for (key, value) in fields {
        c.insert(key.into(), value);
    }
    c
}

/// The fields of a new contact that start out `null`.
const UNSET_FIELDS: &[&str] = &[
    "external_id",
    "email",
    "email_domain",
    "phone",
    "name",
    "avatar",
    "owner_id",
    "signed_up_at",
    "last_seen_at",
    "last_replied_at",
    "last_contacted_at",
    "last_email_opened_at",
    "last_email_clicked_at",
    "language_override",
    "browser",
    "browser_version",
    "browser_language",
    "os",
    "android_app_name",
    "android_app_version",
    "android_device",
    "android_os_version",
    "android_sdk_version",
    "android_last_seen_at",
    "ios_app_name",
    "ios_app_version",
    "ios_device",
    "ios_os_version",
    "ios_sdk_version",
    "ios_last_seen_at",
    "utm_campaign",
    "utm_content",
    "utm_medium",
    "utm_source",
    "utm_term",
    "referrer",
    "enabled_push_messaging",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_keep_their_kind() {
        let c = encode_cursor("list", 42);
        assert_eq!(decode_cursor(&c, "list"), Some(42));
        assert_eq!(decode_cursor(&c, "search"), None);
        assert_eq!(decode_cursor("not hex", "list"), None);
    }

    #[test]
    fn pages_report_position_and_next() {
        let contacts: Vec<Map<String, Value>> = (0..5)
            .map(|i| match json!({"id": i}) {
                Value::Object(m) => m,
                _ => unreachable!(),
            })
            .collect();
        let items: Vec<_> = contacts.iter().collect();
        let p = page(&items, 2, 2, |i| format!("c{i}"));
        assert_eq!(p["data"], json!([{"id": 2}, {"id": 3}]));
        assert_eq!(p["pages"]["page"], 2);
        assert_eq!(p["pages"]["total_pages"], 3);
        assert_eq!(p["pages"]["next"]["starting_after"], "c3");
        let last = page(&items, 4, 2, |i| format!("c{i}"));
        assert!(last["pages"].get("next").is_none());
        assert_eq!(last["total_count"], 5);
    }

    #[test]
    fn apply_validates_before_changing_anything() {
        let mut c = blank("x", "w", 1);
        let body = match json!({"name": "Ada", "signed_up_at": "yesterday"}) {
            Value::Object(m) => m,
            _ => unreachable!(),
        };
        let err = apply(&mut c, &body).expect_err("bad timestamp");
        assert_eq!(err.0, "signed_up_at");
        assert_eq!(c["name"], Value::Null);
    }
}
