//! Conversations: the fake's store and its `/conversations` endpoints.
//!
//! Conversations are JSON objects shaped like the 2.16 `conversation`
//! schema (without parts), kept in creation order. `GET /conversations`
//! pages by a cursor naming the last conversation served (hex of
//! `clist:<seq>`), so it survives conversations being added between pages;
//! `POST /conversations/search` evaluates the query exactly as the contacts
//! search does ([`super::search`]) and pages by a cursor naming the last
//! match served (`csearch:<seq>`), so a conversation leaving the results
//! between pages does not shift the pages after it.
//! `GET /conversations/{id}` answers the conversation with its parts.
//! The writes (create, reply, manage, ...) are in
//! [`conversation_writes`](super::conversation_writes).

use serde_json::{Map, Value, json};

use std::collections::HashMap;

use super::paging::{
    MAX_PER_PAGE, bad_cursor, cursor_page, decode_cursor, encode_cursor, per_page,
};
use super::reply::{Ctx, Reply};
use super::request::Incoming;
use super::search::Query;

/// Items per page unless asked otherwise.
const DEFAULT_PER_PAGE: usize = 20;

type Answer = Result<Reply, Reply>;

/// Every conversation of the fake workspace.
#[derive(Debug, Default)]
pub(crate) struct Conversations {
    /// In creation order (`seq` ascending).
    records: Vec<(u64, Map<String, Value>)>,
    next_seq: u64,
    /// Each conversation's parts, oldest first.
    parts: HashMap<String, Vec<Value>>,
    /// Deleted conversations: `(id, deleted_at)`.
    pub(crate) deleted: Vec<(String, i64)>,
}

impl Conversations {
    pub(crate) fn all(&self) -> Vec<Value> {
        self.records
            .iter()
            .map(|(_, m)| Value::Object(m.clone()))
            .collect()
    }

    pub(crate) fn get(&self, id: &str) -> Option<Value> {
        self.position(id)
            .map(|i| Value::Object(self.records[i].1.clone()))
    }

    pub(crate) fn len(&self) -> usize {
        self.records.len()
    }

    /// The stored JSON of a conversation, to change it.
    pub(crate) fn object_mut(&mut self, id: &str) -> Option<&mut Map<String, Value>> {
        let i = self.position(id)?;
        Some(&mut self.records[i].1)
    }

    /// A conversation's parts, oldest first.
    pub(crate) fn parts(&self, id: &str) -> &[Value] {
        self.parts.get(id).map(Vec::as_slice).unwrap_or_default()
    }

    /// A conversation's parts, to change them.
    pub(crate) fn parts_mut(&mut self, id: &str) -> &mut Vec<Value> {
        self.parts.entry(id.to_owned()).or_default()
    }

    /// Forget a conversation; `false` when there was none.
    pub(crate) fn remove(&mut self, id: &str, now: i64) -> bool {
        match self.position(id) {
            Some(i) => {
                self.records.remove(i);
                self.parts.remove(id);
                self.deleted.push((id.to_owned(), now));
                true
            }
            None => false,
        }
    }

    /// The conversation as `GET /conversations/{id}` answers it.
    pub(crate) fn with_parts(&self, id: &str) -> Option<Value> {
        let i = self.position(id)?;
        let mut c = self.records[i].1.clone();
        let parts = self.parts(id).to_vec();
        c.insert(
            "conversation_parts".into(),
            json!({"type": "conversation_part.list", "total_count": parts.len(), "conversation_parts": parts}),
        );
        Some(Value::Object(c))
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.records
            .iter()
            .position(|(_, m)| m.get("id").and_then(Value::as_str) == Some(id))
    }

    /// Store `fields` over a default conversation. The id is the given one
    /// when it is a string not in use, else the next number from
    /// `1000000001` (Intercom's conversation ids are numeric strings).
    pub(crate) fn seed(&mut self, fields: Value, now: i64) -> String {
        self.next_seq += 1;
        let seq = self.next_seq;
        let given = match fields {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let id = given
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty() && self.position(id).is_none())
            .map_or_else(|| (1_000_000_000 + seq).to_string(), str::to_owned);
        let mut c = blank(&id, now);
        for (k, v) in given {
            if k != "id" {
                c.insert(k, v);
            }
        }
        // `open` follows `state` unless given.
        if !c.contains_key("open") || c.get("open").is_some_and(Value::is_null) {
            let open = c.get("state").and_then(Value::as_str) != Some("closed");
            c.insert("open".into(), json!(open));
        }
        self.records.push((seq, c));
        id
    }
}

/// A conversation with every list empty and every optional field `null`.
fn blank(id: &str, now: i64) -> Map<String, Value> {
    let v = json!({
        "type": "conversation",
        "id": id,
        "title": null,
        "created_at": now,
        "updated_at": now,
        "waiting_since": null,
        "snoozed_until": null,
        "open": null,
        "state": "open",
        "read": false,
        "priority": "not_priority",
        "admin_assignee_id": 0,
        "team_assignee_id": "0",
        "company": null,
        "tags": {"type": "tag.list", "tags": []},
        "conversation_rating": null,
        "source": null,
        "contacts": {"type": "contact.list", "contacts": []},
        "teammates": {"type": "admin.list", "teammates": []},
        "custom_attributes": {},
        "first_contact_reply": null,
        "sla_applied": null,
        "statistics": null,
        "linked_objects": {"type": "list", "data": [], "total_count": 0, "has_more": false},
        "ai_agent_participated": false,
        "ai_agent": null,
    });
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// Serve `/conversations...`, or `None` for a route the fake does not know.
pub(crate) fn route(store: &Conversations, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let segs = req.segs();
    let answer = match (req.method, segs.as_slice()) {
        ("GET", ["conversations"]) => list(store, ctx, req),
        ("POST", ["conversations", "search"]) => search(store, ctx, req),
        ("GET", ["conversations", id]) => store
            .with_parts(id)
            .map(|c| Reply::ok(&c))
            .ok_or_else(|| ctx.error(404, "not_found", "Resource Not Found")),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn list(store: &Conversations, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let per_page = per_page(
        ctx,
        req.query("per_page").map(|s| json!(s)),
        DEFAULT_PER_PAGE,
        MAX_PER_PAGE,
    )?;
    let start = match req.query("starting_after") {
        Some(c) => {
            let seq = decode_cursor(c, "clist").ok_or_else(|| bad_cursor(ctx))?;
            store.records.partition_point(|(s, _)| *s <= seq)
        }
        None => 0,
    };
    let items: Vec<Value> = store
        .records
        .iter()
        .map(|(_, m)| Value::Object(m.clone()))
        .collect();
    Ok(Reply::ok(&cursor_page(
        "conversation.list",
        "conversations",
        &items,
        start,
        per_page,
        |last| encode_cursor("clist", store.records[last].0),
    )))
}

fn search(store: &Conversations, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
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
    let per_page = per_page(
        ctx,
        pagination.get("per_page").cloned(),
        DEFAULT_PER_PAGE,
        MAX_PER_PAGE,
    )?;
    let after = match pagination.get("starting_after") {
        None | Some(Value::Null) => 0,
        Some(c) => c
            .as_str()
            .and_then(|c| decode_cursor(c, "csearch"))
            .ok_or_else(|| bad_cursor(ctx))?,
    };
    let hits: Vec<&(u64, Map<String, Value>)> = store
        .records
        .iter()
        .filter(|(_, m)| query.matches(m))
        .collect();
    let start = hits.partition_point(|(seq, _)| *seq <= after);
    let items: Vec<Value> = hits.iter().map(|(_, m)| Value::Object(m.clone())).collect();
    Ok(Reply::ok(&cursor_page(
        "conversation.list",
        "conversations",
        &items,
        start,
        per_page,
        |last| encode_cursor("csearch", hits[last].0),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_conversations_get_ids_and_open_from_state() {
        let mut s = Conversations::default();
        let a = s.seed(json!({"state": "closed"}), 10);
        let b = s.seed(json!({"id": a.clone()}), 10);
        assert_eq!(a, "1000000001");
        assert_eq!(b, "1000000002");
        assert_eq!(s.get(&a).map(|c| c["open"].clone()), Some(json!(false)));
        assert_eq!(s.get(&b).map(|c| c["open"].clone()), Some(json!(true)));
    }
}
