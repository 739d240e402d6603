//! Conversation writes: create, update, delete, reply, manage (close,
//! open, snooze, assign), customers, redact, merge, convert to a ticket,
//! and the lists derived from them (handling events, side conversations,
//! deleted ids).
//!
//! Each reply or action adds a part and moves `state`, `open`,
//! `snoozed_until`, the assignees and `statistics` as Intercom does: a
//! close sets `last_close_at` (and `first_close_at` once), reopening a
//! closed conversation counts in `count_reopens`, an assignment in
//! `count_assignments`, and replies set the first/last reply times.

use serde_json::{Map, Value, json};

use super::contacts::Contacts;
use super::conversations::Conversations;
use super::paging::numbered_page;
use super::reply::{Ctx, Reply, Rng};
use super::request::{Incoming, id_text, required};

type Answer = Result<Reply, Reply>;

/// Serve the writes of `/conversations...`, or `None` to let the reads
/// ([`super::conversations::route`]) answer.
pub(crate) fn route(
    store: &mut Conversations,
    contacts: &Contacts,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("POST", ["conversations"]) => create(store, contacts, rng, ctx, req),
        ("GET", ["conversations", "deleted"]) => {
            let mut items: Vec<Value> = store
                .deleted
                .iter()
                .map(|(id, at)| json!({"id": id, "deleted_at": at, "metrics_retained": false}))
                .collect();
            if req.query("order") != Some("asc") {
                items.reverse();
            }
            numbered_page(
                ctx,
                req,
                "conversations.deleted",
                "conversations",
                items,
                20,
                60,
            )
        }
        ("POST", ["conversations", "redact"]) => redact(store, ctx, req),
        ("PUT", ["conversations", id]) => update(store, ctx, req, id),
        ("DELETE", ["conversations", id]) => {
            if store.remove(id, ctx.now) {
                Ok(Reply::ok(
                    &json!({"id": id, "object": "conversation", "deleted": true}),
                ))
            } else {
                Err(not_found(ctx))
            }
        }
        ("POST", ["conversations", id, "reply"]) => reply(store, contacts, rng, ctx, req, id),
        ("POST", ["conversations", id, "parts"]) => manage(store, rng, ctx, req, id),
        ("POST", ["conversations", id, "customers"]) => attach(store, contacts, ctx, req, id),
        ("DELETE", ["conversations", id, "customers", contact_id]) => {
            detach(store, ctx, req, id, contact_id)
        }
        ("GET", ["conversations", id, "handling_events"]) => handling_events(store, ctx, id),
        ("GET", ["conversations", id, "side_conversations"]) => match store.get(id) {
            Some(_) => numbered_page(
                ctx,
                req,
                "side_conversation.list",
                "side_conversations",
                Vec::new(),
                20,
                150,
            ),
            None => Err(not_found(ctx)),
        },
        ("POST", ["conversations", id, "merge"]) => merge(store, ctx, req, id),
        ("POST", ["conversations", id, "convert"]) => convert(store, rng, ctx, req, id),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Resource Not Found")
}

/// The conversation as `GET` answers it, or `404`.
fn answer(store: &Conversations, ctx: &Ctx, id: &str) -> Answer {
    store
        .with_parts(id)
        .map(|c| Reply::ok(&c))
        .ok_or_else(|| not_found(ctx))
}

/// The contact a `{intercom_user_id | id | user_id | email}` object names.
pub(crate) fn find_contact(contacts: &Contacts, who: &Map<String, Value>) -> Option<Value> {
    let keys = [
        ("intercom_user_id", "id"),
        ("id", "id"),
        ("user_id", "external_id"),
        ("external_id", "external_id"),
        ("email", "email"),
    ];
    keys.iter().find_map(|(key, field)| {
        let want = id_text(who.get(*key))?;
        contacts.all().into_iter().find(|c| {
            c.get(*field)
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case(&want))
        })
    })
}

pub(crate) fn contact_ref(c: &Value) -> Value {
    json!({"type": "contact", "id": c["id"], "external_id": c["external_id"]})
}

/// A new part of `part_type` by `author`.
fn part(rng: &mut Rng, ctx: &Ctx, part_type: &str, body: Option<&str>, author: Value) -> Value {
    json!({
        "type": "conversation_part",
        "id": (rng.next_u64() % 9_000_000_000 + 1_000_000_000).to_string(),
        "part_type": part_type,
        "body": body,
        "created_at": ctx.now,
        "updated_at": ctx.now,
        "notified_at": ctx.now,
        "assigned_to": null,
        "author": author,
        "attachments": [],
        "external_id": null,
        "redacted": false,
        "tags": [],
    })
}

/// Change a conversation's `statistics`, created when missing.
fn with_stats(c: &mut Map<String, Value>, f: impl FnOnce(&mut Map<String, Value>)) {
    let s = c.entry("statistics").or_insert(Value::Null);
    if !s.is_object() {
        *s = json!({"type": "conversation_statistics", "count_reopens": 0, "count_assignments": 0, "count_conversation_parts": 0});
    }
    if let Some(s) = s.as_object_mut() {
        f(s);
    }
}

fn bump(s: &mut Map<String, Value>, key: &str) {
    let n = s.get(key).and_then(Value::as_i64).unwrap_or(0);
    s.insert(key.into(), json!(n + 1));
}

fn set_once(s: &mut Map<String, Value>, key: &str, v: i64) {
    if s.get(key).is_none_or(Value::is_null) {
        s.insert(key.into(), json!(v));
    }
}

/// Record a new part: store it, count it, touch `updated_at`.
fn add_part(store: &mut Conversations, id: &str, now: i64, p: Value) {
    store.parts_mut(id).push(p);
    if let Some(c) = store.object_mut(id) {
        c.insert("updated_at".into(), json!(now));
        with_stats(c, |s| bump(s, "count_conversation_parts"));
    }
}

fn create(
    store: &mut Conversations,
    contacts: &Contacts,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Answer {
    let body = req.object(ctx)?;
    let text = required(ctx, &body, "body")?.to_owned();
    let from = body
        .get("from")
        .and_then(Value::as_object)
        .ok_or_else(|| ctx.field_error(400, "parameter_not_found", "from", "from is required"))?;
    match from.get("type").and_then(Value::as_str) {
        Some("user" | "lead" | "contact") => {}
        _ => return Err(ctx.invalid("from.type", "from.type must be user, lead or contact")),
    }
    let contact = find_contact(contacts, from)
        .ok_or_else(|| ctx.error(404, "not_found", "User Not Found"))?;
    let subject = body.get("subject").and_then(Value::as_str);
    let created_at = body
        .get("created_at")
        .and_then(Value::as_i64)
        .unwrap_or(ctx.now);
    let message_id = (rng.next_u64() % 900_000_000 + 100_000_000).to_string();
    let author = json!({"type": "user", "id": contact["id"], "name": contact["name"], "email": contact["email"]});
    let fields = json!({
        "created_at": created_at,
        "updated_at": created_at,
        "waiting_since": created_at,
        "state": "open",
        "source": {
            "type": "conversation", "id": message_id, "delivered_as": "customer_initiated",
            "subject": subject.unwrap_or_default(), "body": text, "author": author,
            "attachments": [], "url": null, "redacted": false,
        },
        "contacts": {"type": "contact.list", "contacts": [contact_ref(&contact)]},
        "statistics": {
            "type": "conversation_statistics", "first_contact_reply_at": created_at,
            "last_contact_reply_at": created_at, "count_reopens": 0,
            "count_assignments": 0, "count_conversation_parts": 1,
        },
    });
    let id = store.seed(fields, ctx.now);
    Ok(Reply::ok(&json!({
        "type": "user_message",
        "id": message_id,
        "created_at": created_at,
        "subject": subject,
        "body": text,
        "message_type": "inapp",
        "conversation_id": id,
    })))
}

fn update(store: &mut Conversations, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let body = req.object(ctx)?;
    let c = store.object_mut(id).ok_or_else(|| not_found(ctx))?;
    for (key, value) in &body {
        match (key.as_str(), value) {
            ("read", Value::Bool(_)) | ("title", Value::String(_) | Value::Null) => {
                c.insert(key.clone(), value.clone());
            }
            ("read", _) => return Err(ctx.invalid("read", "read must be a boolean")),
            ("custom_attributes", Value::Object(new)) => {
                let attrs = c.entry("custom_attributes").or_insert_with(|| json!({}));
                if let Some(attrs) = attrs.as_object_mut() {
                    attrs.extend(new.clone());
                }
            }
            ("company_id", v) => {
                c.insert("company".into(), json!({"type": "company", "id": v}));
            }
            _ => {}
        }
    }
    c.insert("updated_at".into(), json!(ctx.now));
    answer(store, ctx, id)
}

fn reply(
    store: &mut Conversations,
    contacts: &Contacts,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    store.get(id).ok_or_else(|| not_found(ctx))?;
    let kind = body.get("message_type").and_then(Value::as_str);
    let part_type = match kind {
        Some("comment" | "quick_reply") => "comment",
        Some("note") => "note",
        _ => {
            return Err(ctx.invalid(
                "message_type",
                "message_type must be comment, note or quick_reply",
            ));
        }
    };
    let text = body
        .get("body")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    if text.is_none() && body.get("attachment_urls").is_none() {
        return Err(ctx.field_error(400, "parameter_not_found", "body", "body is required"));
    }
    let (author, admin) = match body.get("type").and_then(Value::as_str) {
        Some("admin") => {
            let admin_id = id_text(body.get("admin_id")).ok_or_else(|| {
                ctx.field_error(
                    400,
                    "parameter_not_found",
                    "admin_id",
                    "admin_id is required",
                )
            })?;
            (json!({"type": "admin", "id": admin_id}), true)
        }
        Some("user") => {
            let contact = find_contact(contacts, &body)
                .ok_or_else(|| ctx.error(404, "not_found", "User Not Found"))?;
            (
                json!({"type": "user", "id": contact["id"], "email": contact["email"]}),
                false,
            )
        }
        _ => return Err(ctx.invalid("type", "type must be admin or user")),
    };
    let p = part(rng, ctx, part_type, text, author);
    add_part(store, id, ctx.now, p);
    if let Some(c) = store.object_mut(id) {
        let now = ctx.now;
        if part_type == "comment" {
            if admin {
                c.insert("waiting_since".into(), Value::Null);
                with_stats(c, |s| {
                    set_once(s, "first_admin_reply_at", now);
                    s.insert("last_admin_reply_at".into(), json!(now));
                });
            } else {
                c.insert("waiting_since".into(), json!(now));
                // A contact's reply wakes a snoozed or closed conversation;
                // only a closed one counts as reopened.
                let was = c
                    .get("state")
                    .and_then(Value::as_str)
                    .unwrap_or("open")
                    .to_owned();
                if was != "open" {
                    c.insert("state".into(), json!("open"));
                    c.insert("open".into(), json!(true));
                    c.insert("snoozed_until".into(), Value::Null);
                }
                if was == "closed" {
                    with_stats(c, |s| bump(s, "count_reopens"));
                }
                with_stats(c, |s| {
                    s.insert("last_contact_reply_at".into(), json!(now));
                });
            }
        }
    }
    answer(store, ctx, id)
}

fn manage(
    store: &mut Conversations,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    store.get(id).ok_or_else(|| not_found(ctx))?;
    let admin_id = id_text(body.get("admin_id")).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "admin_id",
            "admin_id is required",
        )
    })?;
    let author = json!({"type": "admin", "id": admin_id});
    let text = body.get("body").and_then(Value::as_str);
    let now = ctx.now;
    let kind = body
        .get("message_type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut p = match kind {
        "close" => part(rng, ctx, "close", text, author),
        "open" => part(rng, ctx, "open", text, author),
        "snoozed" => {
            let until = body
                .get("snoozed_until")
                .and_then(Value::as_i64)
                .ok_or_else(|| {
                    ctx.field_error(
                        400,
                        "parameter_not_found",
                        "snoozed_until",
                        "snoozed_until is required",
                    )
                })?;
            if until <= now {
                return Err(ctx.invalid("snoozed_until", "snoozed_until must be in the future"));
            }
            part(rng, ctx, "snoozed", text, author)
        }
        "assignment" => part(rng, ctx, "assignment", text, author),
        _ => {
            return Err(ctx.invalid(
                "message_type",
                "message_type must be close, open, snoozed or assignment",
            ));
        }
    };
    let c = store.object_mut(id).ok_or_else(|| not_found(ctx))?;
    let was = c
        .get("state")
        .and_then(Value::as_str)
        .unwrap_or("open")
        .to_owned();
    match kind {
        "close" => {
            c.insert("state".into(), json!("closed"));
            c.insert("open".into(), json!(false));
            c.insert("snoozed_until".into(), Value::Null);
            with_stats(c, |s| {
                set_once(s, "first_close_at", now);
                s.insert("last_close_at".into(), json!(now));
                s.insert("last_closed_by_id".into(), json!(admin_id));
            });
        }
        "open" => {
            c.insert("state".into(), json!("open"));
            c.insert("open".into(), json!(true));
            c.insert("snoozed_until".into(), Value::Null);
            if was == "closed" {
                with_stats(c, |s| bump(s, "count_reopens"));
            }
        }
        "snoozed" => {
            c.insert("state".into(), json!("snoozed"));
            c.insert("open".into(), json!(true));
            c.insert(
                "snoozed_until".into(),
                body.get("snoozed_until").cloned().unwrap_or(Value::Null),
            );
        }
        _ => {
            let assignee = id_text(body.get("assignee_id")).ok_or_else(|| {
                ctx.field_error(
                    400,
                    "parameter_not_found",
                    "assignee_id",
                    "assignee_id is required",
                )
            })?;
            let team = body.get("type").and_then(Value::as_str) == Some("team");
            let (key, kind) = if team {
                ("team_assignee_id", "team")
            } else {
                ("admin_assignee_id", "admin")
            };
            let stored = if team || assignee.parse::<i64>().is_err() {
                json!(assignee)
            } else {
                json!(assignee.parse::<i64>().unwrap_or(0))
            };
            c.insert(key.into(), stored);
            p["assigned_to"] = json!({"type": kind, "id": assignee});
            with_stats(c, |s| {
                bump(s, "count_assignments");
                set_once(s, "first_assignment_at", now);
                s.insert("last_assignment_at".into(), json!(now));
            });
        }
    }
    add_part(store, id, now, p);
    answer(store, ctx, id)
}

fn attach(
    store: &mut Conversations,
    contacts: &Contacts,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    id_text(body.get("admin_id")).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "admin_id",
            "admin_id is required",
        )
    })?;
    let customer = body
        .get("customer")
        .and_then(Value::as_object)
        .ok_or_else(|| {
            ctx.field_error(
                400,
                "parameter_not_found",
                "customer",
                "customer is required",
            )
        })?;
    let contact = find_contact(contacts, customer)
        .ok_or_else(|| ctx.error(404, "not_found", "User Not Found"))?;
    let c = store.object_mut(id).ok_or_else(|| not_found(ctx))?;
    let list = &mut c
        .entry("contacts")
        .or_insert_with(|| json!({"type": "contact.list", "contacts": []}))["contacts"];
    if let Some(list) = list.as_array_mut() {
        if !list.iter().any(|r| r["id"] == contact["id"]) {
            list.push(contact_ref(&contact));
        }
    }
    answer(store, ctx, id)
}

fn detach(
    store: &mut Conversations,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
    contact_id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    id_text(body.get("admin_id")).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "admin_id",
            "admin_id is required",
        )
    })?;
    let c = store.object_mut(id).ok_or_else(|| not_found(ctx))?;
    let list = c
        .get_mut("contacts")
        .and_then(|l| l.get_mut("contacts"))
        .and_then(Value::as_array_mut);
    let Some(list) = list else {
        return Err(ctx.error(404, "not_found", "User Not Found"));
    };
    let before = list.len();
    list.retain(|r| r["id"].as_str() != Some(contact_id));
    if list.len() == before {
        return Err(ctx.error(404, "not_found", "User Not Found"));
    }
    answer(store, ctx, id)
}

fn handling_events(store: &Conversations, ctx: &Ctx, id: &str) -> Answer {
    store.get(id).ok_or_else(|| not_found(ctx))?;
    let events: Vec<Value> = store
        .parts(id)
        .iter()
        .filter(|p| {
            matches!(
                p["part_type"].as_str(),
                Some("assignment" | "close" | "snoozed" | "open")
            )
        })
        .map(|p| {
            let kind = match p["part_type"].as_str() {
                Some("close" | "snoozed") => "paused",
                _ => "resumed",
            };
            json!({
                "teammate": {"type": "admin", "id": p["author"]["id"]},
                "type": kind,
                "timestamp": p["created_at"].as_i64().map(|t| t.to_string()),
                "reason": p["part_type"],
            })
        })
        .collect();
    Ok(Reply::ok(
        &json!({"type": "list", "handling_events": events}),
    ))
}

fn redact(store: &mut Conversations, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let conv = id_text(body.get("conversation_id")).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "conversation_id",
            "conversation_id is required",
        )
    })?;
    store.get(&conv).ok_or_else(|| not_found(ctx))?;
    let redacted = "<p><i>This message was deleted</i></p>";
    match body.get("type").and_then(Value::as_str) {
        Some("conversation_part") => {
            let part_id = id_text(body.get("conversation_part_id")).ok_or_else(|| {
                ctx.field_error(
                    400,
                    "parameter_not_found",
                    "conversation_part_id",
                    "conversation_part_id is required",
                )
            })?;
            let p = store
                .parts_mut(&conv)
                .iter_mut()
                .find(|p| p["id"].as_str() == Some(part_id.as_str()))
                .ok_or_else(|| ctx.error(404, "not_found", "Conversation part not found"))?;
            p["body"] = json!(redacted);
            p["redacted"] = json!(true);
        }
        Some("source") => {
            let c = store.object_mut(&conv).ok_or_else(|| not_found(ctx))?;
            if let Some(src) = c.get_mut("source").filter(|s| s.is_object()) {
                src["body"] = json!(redacted);
                src["redacted"] = json!(true);
            }
        }
        _ => return Err(ctx.invalid("type", "type must be conversation_part or source")),
    }
    answer(store, ctx, &conv)
}

fn merge(store: &mut Conversations, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let body = req.object(ctx)?;
    let into = id_text(body.get("merge_into_conversation_id")).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "merge_into_conversation_id",
            "merge_into_conversation_id is required",
        )
    })?;
    if into == id {
        return Err(ctx.invalid(
            "merge_into_conversation_id",
            "A conversation cannot be merged into itself",
        ));
    }
    store.get(id).ok_or_else(|| not_found(ctx))?;
    store.get(&into).ok_or_else(|| not_found(ctx))?;
    let moved = std::mem::take(store.parts_mut(id));
    store.parts_mut(&into).extend(moved);
    if let Some(c) = store.object_mut(id) {
        c.insert("state".into(), json!("closed"));
        c.insert("open".into(), json!(false));
    }
    answer(store, ctx, &into)
}

fn convert(
    store: &mut Conversations,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    let type_id = id_text(body.get("ticket_type_id")).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "ticket_type_id",
            "ticket_type_id is required",
        )
    })?;
    store.get(id).ok_or_else(|| not_found(ctx))?;
    let attrs = body.get("attributes").cloned().unwrap_or_else(|| json!({}));
    Ok(Reply::ok(&json!({
        "type": "ticket",
        "id": id,
        "ticket_id": (rng.next_u64() % 900 + 100).to_string(),
        "ticket_type": {"type": "ticket_type", "id": type_id},
        "ticket_attributes": attrs,
        "ticket_state": "submitted",
        "created_at": ctx.now,
        "updated_at": ctx.now,
    })))
}
