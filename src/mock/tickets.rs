//! Tickets, and the jobs that create them.
//!
//! A ticket has a string `id` and a sequential `ticket_id`, a type (see
//! [`super::ticket_types`]), a state (`submitted` at first), one contact
//! (found by id, external id or email; an unknown email creates a lead),
//! attributes (a missing required one is refused), assignees (`0` is none),
//! `open`, `snoozed_until`, `is_shared`, and its parts: state changes,
//! assignments and replies are appended. A state change sets
//! `previous_ticket_state_id`. Linking a conversation (Tracker tickets
//! only) shows the link on both sides. `POST /tickets/enqueue` creates the
//! ticket and answers a job that is `pending` for [`PENDING_POLLS`] polls of
//! `GET /jobs/status/{id}`, then `success` with the ticket as its resource.

use serde_json::{Map, Value, json};

use super::contacts::Contacts;
use super::conversation_writes::{contact_ref, find_contact};
use super::conversations::Conversations;
use super::paging::{
    MAX_PER_PAGE, bad_cursor, cursor_page, decode_cursor, encode_cursor, per_page,
};
use super::reply::{Ctx, Reply, Rng};
use super::request::{Incoming, as_html, deleted, id_text, object, text_field};
use super::search::Query;
use super::ticket_types::{self, TicketTypes};

type Answer = Result<Reply, Reply>;

/// How many polls a job answers `pending` before `success`.
pub(crate) const PENDING_POLLS: u32 = 1;

/// Tickets and jobs.
#[derive(Debug, Default)]
pub(crate) struct Tickets {
    tickets: Vec<Map<String, Value>>,
    next_ticket: u64,
    next_part: u64,
    jobs: Vec<Job>,
}

#[derive(Debug)]
struct Job {
    id: String,
    polls_left: u32,
    resource_id: String,
}

/// What ticket routes read and write besides tickets.
#[derive(Debug)]
pub(crate) struct Linked<'a> {
    pub(crate) types: &'a TicketTypes,
    pub(crate) contacts: &'a mut Contacts,
    pub(crate) conversations: &'a mut Conversations,
    pub(crate) rng: &'a mut Rng,
}

impl Tickets {
    fn position(&self, id: &str) -> Option<usize> {
        self.tickets
            .iter()
            .position(|t| t.get("id").and_then(Value::as_str) == Some(id))
    }

    fn find(&self, ctx: &Ctx, id: &str) -> Result<usize, Reply> {
        self.position(id)
            .ok_or_else(|| ctx.error(404, "ticket_not_found", "Ticket not found"))
    }

    fn part(&mut self, i: usize, mut part: Value, now: i64) -> Value {
        self.next_part += 1;
        part["type"] = json!("ticket_part");
        part["id"] = json!((700_000 + self.next_part).to_string());
        part["created_at"] = json!(now);
        part["updated_at"] = json!(now);
        let t = &mut self.tickets[i];
        if let Some(list) = t
            .get_mut("ticket_parts")
            .and_then(|p| p.get_mut("ticket_parts"))
            .and_then(Value::as_array_mut)
        {
            list.push(part.clone());
            let n = list.len();
            t["ticket_parts"]["total_count"] = json!(n);
        }
        t.insert("updated_at".into(), json!(now));
        part
    }
}

/// Serve `/tickets...` and `/jobs/status/{id}`, or `None`.
pub(crate) fn route(
    store: &mut Tickets,
    linked: &mut Linked<'_>,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("POST", ["tickets"]) => create(store, linked, ctx, req).map(|t| Reply::ok(&t)),
        ("POST", ["tickets", "enqueue"]) => enqueue(store, linked, ctx, req),
        ("POST", ["tickets", "search"]) => search(store, ctx, req),
        ("GET", ["tickets", id]) => store
            .find(ctx, id)
            .map(|i| Reply::ok(&Value::Object(store.tickets[i].clone()))),
        ("PUT", ["tickets", id]) => update(store, ctx, req, id),
        ("DELETE", ["tickets", id]) => store.find(ctx, id).map(|i| {
            store.tickets.remove(i);
            Reply::ok(&deleted(id, "ticket"))
        }),
        ("POST", ["tickets", id, "reply"]) => reply(store, linked, ctx, req, id),
        ("POST", ["tickets", id, "change_type"]) => change_type(store, linked, ctx, req, id),
        ("POST", ["tickets", id, "linked_conversations"]) => req.object(ctx).and_then(|body| {
            let conv = text_field(&body, "conversation_id").ok_or_else(|| {
                ctx.field_error(
                    400,
                    "parameter_not_found",
                    "conversation_id",
                    "conversation_id is required",
                )
            })?;
            link(store, linked, ctx, id, &conv, true)
        }),
        ("DELETE", ["tickets", id, "linked_conversations", conv]) => {
            link(store, linked, ctx, id, conv, false)
        }
        ("GET", ["jobs", "status", id]) => job_status(store, ctx, id),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

/// The contact of a new ticket, created when only an unknown email names it.
fn resolve_contact(
    contacts: &mut Contacts,
    rng: &mut Rng,
    ctx: &Ctx,
    who: &Map<String, Value>,
) -> Result<Value, Reply> {
    if ["id", "external_id", "email", "intercom_user_id", "user_id"]
        .iter()
        .all(|k| text_field(who, k).is_none())
    {
        return Err(ctx.invalid("contacts", "a contact needs an id, external_id or email"));
    }
    let found = find_contact(contacts, who).or_else(|| {
        let only_email =
            text_field(who, "id").is_none() && text_field(who, "external_id").is_none();
        let email = text_field(who, "email").filter(|_| only_email)?;
        let id = contacts.seed(json!({"email": email, "role": "lead"}), ctx.now, rng);
        contacts.get(&id)
    });
    let c = found.ok_or_else(|| ctx.error(404, "not_found", "Contact Not Found"))?;
    Ok(contact_ref(&c))
}

fn create(
    store: &mut Tickets,
    linked: &mut Linked<'_>,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Result<Value, Reply> {
    let body = req.object(ctx)?;
    let type_id = text_field(&body, "ticket_type_id").ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "ticket_type_id",
            "ticket_type_id is required",
        )
    })?;
    let ticket_type = linked
        .types
        .get(&type_id)
        .ok_or_else(|| ctx.error(404, "not_found", "Ticket type not found"))?;
    let who = body
        .get("contacts")
        .and_then(Value::as_array)
        .and_then(|c| c.first())
        .and_then(Value::as_object)
        .ok_or_else(|| {
            ctx.field_error(
                400,
                "parameter_not_found",
                "contacts",
                "contacts is required",
            )
        })?;
    let attributes = match body.get("ticket_attributes") {
        None | Some(Value::Null) => json!({}),
        Some(v @ Value::Object(_)) => v.clone(),
        Some(_) => {
            return Err(ctx.invalid("ticket_attributes", "ticket_attributes must be an object"));
        }
    };
    for (name, required) in linked.types.attributes(&type_id) {
        if required && attributes.get(&name).is_none_or(Value::is_null) {
            return Err(ctx.invalid(
                "ticket_attributes",
                format!("The attribute '{name}' is required"),
            ));
        }
    }
    let contact = resolve_contact(linked.contacts, linked.rng, ctx, who)?;
    store.next_ticket += 1;
    let n = store.next_ticket;
    let category = ticket_type["category"].clone();
    let assignee = |key: &str| {
        body.get("assignment")
            .and_then(|a| id_text(a.get(key)))
            .unwrap_or_else(|| "0".to_owned())
    };
    let ticket = json!({
        "type": "ticket", "id": (600_000 + n).to_string(), "ticket_id": n.to_string(),
        "category": category, "ticket_attributes": attributes,
        "ticket_state": ticket_types::state_of_category("submitted"),
        "ticket_type": ticket_type,
        "contacts": {"type": "contact.list", "contacts": [contact]},
        "admin_assignee_id": assignee("admin_assignee_id"),
        "team_assignee_id": assignee("team_assignee_id"),
        "company_id": body.get("company_id"),
        "created_at": body.get("created_at").and_then(Value::as_i64).unwrap_or(ctx.now),
        "updated_at": ctx.now, "open": true, "snoozed_until": null,
        "linked_objects": {"type": "list", "data": [], "total_count": 0, "has_more": false},
        "ticket_parts": {"type": "ticket_part.list", "ticket_parts": [], "total_count": 0},
        "is_shared": category != json!("Back-office"), "previous_ticket_state_id": null,
    });
    store.tickets.push(object(ticket));
    let i = store.tickets.len() - 1;
    let id = (600_000 + n).to_string();
    if let Some(conv) = text_field(&body, "conversation_to_link_id") {
        if category == json!("Tracker") {
            link(store, linked, ctx, &id, &conv, true)?;
        }
    }
    Ok(Value::Object(store.tickets[i].clone()))
}

fn enqueue(store: &mut Tickets, linked: &mut Linked<'_>, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let ticket = create(store, linked, ctx, req)?;
    let id = (store.jobs.len() + 1).to_string();
    store.jobs.push(Job {
        id: id.clone(),
        polls_left: PENDING_POLLS,
        resource_id: ticket["id"].as_str().unwrap_or_default().to_owned(),
    });
    Ok(Reply::ok(&json!({
        "type": "job", "id": id, "url": format!("/jobs/status/{id}"), "status": "pending",
        "resource_type": "ticket", "resource_id": null, "resource_url": null,
    })))
}

fn job_status(store: &mut Tickets, ctx: &Ctx, id: &str) -> Answer {
    let job = store
        .jobs
        .iter_mut()
        .find(|j| j.id == id)
        .ok_or_else(|| ctx.error(404, "not_found", "Job not found"))?;
    let mut out = json!({"type": "job", "id": id, "url": format!("/jobs/status/{id}"), "resource_type": "ticket"});
    if job.polls_left > 0 {
        job.polls_left -= 1;
        out["status"] = json!("pending");
    } else {
        out["status"] = json!("success");
        out["resource_id"] = json!(job.resource_id);
        out["resource_url"] = json!(format!("/tickets/{}", job.resource_id));
    }
    Ok(Reply::ok(&out))
}

fn update(store: &mut Tickets, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Answer {
    let body = req.object(ctx)?;
    let i = store.find(ctx, id)?;
    let admin = text_field(&body, "admin_id");
    let author = json!({"type": "admin", "id": admin});
    if let Some(state_id) = text_field(&body, "ticket_state_id") {
        let category = store.tickets[i]["category"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if !ticket_types::state_ids(&category).contains(&state_id.as_str()) {
            return Err(ctx.invalid("ticket_state_id", "The ticket's type has no such state"));
        }
        let old = store.tickets[i]["ticket_state"].clone();
        if old["id"].as_str() != Some(state_id.as_str()) {
            let new = ticket_types::state(&state_id).unwrap_or(Value::Null);
            let t = &mut store.tickets[i];
            t.insert("previous_ticket_state_id".into(), old["id"].clone());
            t.insert("ticket_state".into(), new.clone());
            let part = json!({"part_type": "ticket_state_updated_by_admin",
                "previous_ticket_state": old["category"], "ticket_state": new["category"], "author": author});
            store.part(i, part, ctx.now);
        }
    }
    let t = &mut store.tickets[i];
    if let Some(Value::Object(attrs)) = body.get("ticket_attributes") {
        merge_attributes(t, attrs);
    }
    for key in ["open", "is_shared", "snoozed_until", "company_id"] {
        if let Some(v) = body.get(key) {
            t.insert(key.into(), v.clone());
        }
    }
    t.insert("updated_at".into(), json!(ctx.now));
    if let Some(assignee) = text_field(&body, "assignee_id") {
        let is_admin = !super::workspace::is_team(&assignee);
        let key = if is_admin {
            "admin_assignee_id"
        } else {
            "team_assignee_id"
        };
        store.tickets[i].insert(key.into(), json!(assignee));
        let to = (assignee != "0")
            .then(|| json!({"type": if is_admin {"admin"} else {"team"}, "id": assignee}));
        store.part(
            i,
            json!({"part_type": "assignment", "assigned_to": to, "author": author}),
            ctx.now,
        );
    }
    Ok(Reply::ok(&Value::Object(store.tickets[i].clone())))
}

fn reply(
    store: &mut Tickets,
    linked: &mut Linked<'_>,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    let i = store.find(ctx, id)?;
    let message_type = body
        .get("message_type")
        .and_then(Value::as_str)
        .unwrap_or("comment")
        .to_owned();
    if !matches!(message_type.as_str(), "comment" | "note" | "quick_reply") {
        return Err(ctx.invalid(
            "message_type",
            "message_type must be comment, note or quick_reply",
        ));
    }
    let from_user = body.get("type").and_then(Value::as_str) == Some("user");
    let author = if from_user {
        if store.tickets[i]["category"] == json!("Back-office") {
            return Err(ctx.error(
                400,
                "parameter_mismatch",
                "Contacts cannot reply to a Back-office ticket",
            ));
        }
        let c = find_contact(linked.contacts, &body)
            .ok_or_else(|| ctx.error(404, "not_found", "Contact Not Found"))?;
        json!({"type": "user", "id": c["id"]})
    } else {
        let admin = text_field(&body, "admin_id").ok_or_else(|| {
            ctx.field_error(
                400,
                "parameter_not_found",
                "admin_id",
                "admin_id is required",
            )
        })?;
        json!({"type": "admin", "id": admin})
    };
    let text = body.get("body").and_then(Value::as_str).unwrap_or_default();
    if text.trim().is_empty() && message_type != "quick_reply" {
        return Err(ctx.field_error(400, "parameter_not_found", "body", "body is required"));
    }
    let part = json!({"part_type": message_type, "body": as_html(text), "author": author,
        "attachments": [], "redacted": false});
    Ok(Reply::ok(&store.part(i, part, ctx.now)))
}

fn change_type(
    store: &mut Tickets,
    linked: &mut Linked<'_>,
    ctx: &Ctx,
    req: &Incoming<'_>,
    id: &str,
) -> Answer {
    let body = req.object(ctx)?;
    let i = store.find(ctx, id)?;
    let type_id = text_field(&body, "ticket_type_id").ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "ticket_type_id",
            "ticket_type_id is required",
        )
    })?;
    let new_type = linked
        .types
        .get(&type_id)
        .ok_or_else(|| ctx.error(404, "not_found", "Ticket type not found"))?;
    let t = &mut store.tickets[i];
    if new_type["category"] != t["category"] {
        return Err(ctx.invalid(
            "ticket_type_id",
            "A ticket can only change to a type of the same category",
        ));
    }
    let state_id = text_field(&body, "ticket_state_id").unwrap_or_default();
    let category = new_type["category"].as_str().unwrap_or_default();
    if !ticket_types::state_ids(category).contains(&state_id.as_str()) {
        return Err(ctx.invalid("ticket_state_id", "The new type has no such state"));
    }
    let old = t["ticket_state"]["id"].clone();
    if old.as_str() != Some(state_id.as_str()) {
        t.insert("previous_ticket_state_id".into(), old);
    }
    t.insert(
        "ticket_state".into(),
        ticket_types::state(&state_id).unwrap_or(Value::Null),
    );
    t.insert("ticket_type".into(), new_type);
    if let Some(Value::Object(attrs)) = body.get("ticket_attributes") {
        merge_attributes(t, attrs);
    }
    t.insert("updated_at".into(), json!(ctx.now));
    Ok(Reply::ok(&Value::Object(t.clone())))
}

/// Set each of `attrs` in a ticket's `ticket_attributes`.
fn merge_attributes(t: &mut Map<String, Value>, attrs: &Map<String, Value>) {
    let current = t.entry("ticket_attributes").or_insert_with(|| json!({}));
    if !current.is_object() {
        *current = json!({});
    }
    if let Some(current) = current.as_object_mut() {
        for (k, v) in attrs {
            current.insert(k.clone(), v.clone());
        }
    }
}

/// Add (`on`) or remove a `{type, id}` entry of an object's `linked_objects`.
fn set_link(obj: &mut Map<String, Value>, entry: Value, on: bool) {
    let lo = obj.entry("linked_objects").or_insert_with(
        || json!({"type": "list", "data": [], "total_count": 0, "has_more": false}),
    );
    if !lo.is_object() {
        *lo = json!({"type": "list", "has_more": false});
    }
    if !lo["data"].is_array() {
        lo["data"] = json!([]);
    }
    if let Some(data) = lo["data"].as_array_mut() {
        data.retain(|e| !(e["type"] == entry["type"] && e["id"] == entry["id"]));
        if on {
            data.push(entry);
        }
        let n = data.len();
        lo["total_count"] = json!(n);
    }
}

fn link(
    store: &mut Tickets,
    linked: &mut Linked<'_>,
    ctx: &Ctx,
    id: &str,
    conv: &str,
    on: bool,
) -> Answer {
    let i = store.find(ctx, id)?;
    if store.tickets[i]["category"] != json!("Tracker") {
        return Err(ctx.invalid(
            "ticket_id",
            "Only Tracker tickets can be linked to conversations",
        ));
    }
    let c = linked
        .conversations
        .object_mut(conv)
        .ok_or_else(|| ctx.error(404, "conversation_not_found", "Conversation not found"))?;
    set_link(
        c,
        json!({"type": "ticket", "id": id, "category": "Tracker"}),
        on,
    );
    let out = Value::Object(c.clone());
    set_link(
        &mut store.tickets[i],
        json!({"type": "conversation", "id": conv, "category": null}),
        on,
    );
    Ok(Reply::ok(&out))
}

/// A ticket as the search sees it: its documented search fields.
fn search_view(t: &Map<String, Value>) -> Map<String, Value> {
    let attrs = t.get("ticket_attributes").cloned().unwrap_or(Value::Null);
    let category = match t.get("category").and_then(Value::as_str) {
        Some("Customer") => "request",
        Some("Back-office") => "task",
        _ => "tracker",
    };
    let contact_ids: Vec<Value> = t["contacts"]["contacts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| c["id"].clone())
        .collect();
    object(json!({
        "id": t.get("ticket_id"), "created_at": t.get("created_at"), "updated_at": t.get("updated_at"),
        "title": attrs["_default_title_"], "description": attrs["_default_description_"],
        "category": category, "ticket_type_id": t["ticket_type"]["id"], "contact_ids": contact_ids,
        "admin_assignee_id": t.get("admin_assignee_id"), "team_assignee_id": t.get("team_assignee_id"),
        "open": t.get("open"), "state": t["ticket_state"]["category"], "ticket_state_id": t["ticket_state"]["id"],
        "snoozed_until": t.get("snoozed_until"), "ticket_attribute": attrs,
    }))
}

fn search(store: &Tickets, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let query = body
        .get("query")
        .ok_or_else(|| ctx.field_error(400, "parameter_not_found", "query", "query is required"))?;
    let query = Query::parse(query).map_err(|e| ctx.invalid("query", e))?;
    let paging = body.get("pagination").cloned().unwrap_or(Value::Null);
    let per_page = per_page(ctx, paging.get("per_page").cloned(), 20, MAX_PER_PAGE)?;
    let found: Vec<Value> = store
        .tickets
        .iter()
        .filter(|t| query.matches(&search_view(t)))
        .map(|t| Value::Object(t.clone()))
        .collect();
    let start = match paging.get("starting_after").and_then(Value::as_str) {
        None => 0,
        Some(c) => decode_cursor(c, "tsearch").ok_or_else(|| bad_cursor(ctx))? as usize + 1,
    };
    let page = cursor_page("ticket.list", "tickets", &found, start, per_page, |i| {
        encode_cursor("tsearch", i as u64)
    });
    Ok(Reply::ok(&page))
}
