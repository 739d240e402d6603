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
//! `GET /conversations/{id}` answers the conversation with an empty
//! `conversation_parts` list.

use serde_json::{Map, Value, json};

use super::Incoming;
use super::reply::{Ctx, Reply};
use super::search::Query;

/// Items per page unless asked otherwise.
const DEFAULT_PER_PAGE: usize = 20;
/// Most items per page; larger requests are clamped.
const MAX_PER_PAGE: usize = 150;

type Answer = Result<Reply, Reply>;

/// Every conversation of the fake workspace.
#[derive(Debug, Default)]
pub(crate) struct Conversations {
    /// In creation order (`seq` ascending).
    records: Vec<(u64, Map<String, Value>)>,
    next_seq: u64,
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
    let segs: Vec<&str> = req.segments.iter().map(String::as_str).collect();
    let answer = match (req.method, segs.as_slice()) {
        ("GET", ["conversations"]) => list(store, ctx, req),
        ("POST", ["conversations", "search"]) => search(store, ctx, req),
        ("GET", ["conversations", id]) => match store.position(id) {
            Some(i) => {
                let mut c = store.records[i].1.clone();
                c.insert(
                    "conversation_parts".into(),
                    json!({"type": "conversation_part.list", "conversation_parts": [], "total_count": 0}),
                );
                Ok(Reply::ok(&Value::Object(c)))
            }
            None => Err(ctx.error(404, "not_found", "Resource Not Found")),
        },
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn list(store: &Conversations, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let per_page = per_page(ctx, req.query("per_page").map(|s| json!(s)))?;
    let start = match req.query("starting_after") {
        Some(c) => {
            let seq = decode_cursor(c, "clist").ok_or_else(|| bad_cursor(ctx))?;
            store.records.partition_point(|(s, _)| *s <= seq)
        }
        None => 0,
    };
    let items: Vec<&Map<String, Value>> = store.records.iter().map(|(_, m)| m).collect();
    Ok(Reply::ok(&page(
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
    let per_page = per_page(ctx, pagination.get("per_page").cloned())?;
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
    let items: Vec<&Map<String, Value>> = hits.iter().map(|(_, m)| m).collect();
    Ok(Reply::ok(&page(
        "conversations",
        &items,
        start,
        per_page,
        |last| encode_cursor("csearch", hits[last].0),
    )))
}

/// A cursor-paged list of `items[start..]` under `key`. `cursor(i)` is the
/// `starting_after` that continues after item `i`.
pub(crate) fn page(
    key: &str,
    items: &[&Map<String, Value>],
    start: usize,
    per_page: usize,
    cursor: impl Fn(usize) -> String,
) -> Value {
    let total = items.len();
    let start = start.min(total);
    let end = start.saturating_add(per_page).min(total);
    let data: Vec<Value> = items[start..end]
        .iter()
        .map(|m| Value::Object((*m).clone()))
        .collect();
    let mut pages = json!({
        "type": "pages",
        "page": start / per_page.max(1) + 1,
        "per_page": per_page,
        "total_pages": total.div_ceil(per_page.max(1)),
    });
    if end < total && end > 0 {
        pages["next"] = json!({"per_page": per_page, "starting_after": cursor(end - 1)});
    }
    let mut body = json!({"type": "conversation.list", "total_count": total, "pages": pages});
    body[key] = Value::Array(data);
    body
}

/// `per_page` from a query string or JSON: 1 or more (default 20), clamped
/// to 150.
fn per_page(ctx: &Ctx, raw: Option<Value>) -> Result<usize, Reply> {
    let n = match raw {
        None | Some(Value::Null) => return Ok(DEFAULT_PER_PAGE),
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse::<u64>().ok(),
        Some(_) => None,
    };
    match n {
        Some(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(MAX_PER_PAGE).min(MAX_PER_PAGE)),
        _ => Err(ctx.invalid("per_page", "per_page must be a positive integer")),
    }
}

fn encode_cursor(kind: &str, n: u64) -> String {
    hex::encode(format!("{kind}:{n}"))
}

fn decode_cursor(cursor: &str, kind: &str) -> Option<u64> {
    let raw = String::from_utf8(hex::decode(cursor).ok()?).ok()?;
    let (k, n) = raw.split_once(':')?;
    (k == kind).then(|| n.parse().ok()).flatten()
}

fn bad_cursor(ctx: &Ctx) -> Reply {
    ctx.invalid("starting_after", "starting_after is not a valid cursor")
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

    #[test]
    fn cursors_keep_their_kind() {
        let c = encode_cursor("clist", 7);
        assert_eq!(decode_cursor(&c, "clist"), Some(7));
        assert_eq!(decode_cursor(&c, "csearch"), None);
    }
}

/// What [`FakeIntercom::seed_workspace`](super::FakeIntercom::seed_workspace)
/// creates: a realistic workspace, reproducible from `seed`.
///
/// ```
/// use intercom_api::mock::WorkspaceSeed;
/// let seed = WorkspaceSeed::new().contacts(1_000).conversations(5_000).seed(7);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WorkspaceSeed {
    /// Contacts to create (default 1,000).
    pub contacts: usize,
    /// Conversations to create (default 5,000).
    pub conversations: usize,
    /// Companies to create and spread the contacts over (default 50).
    pub companies: usize,
    /// One contact in this many has no email (a lead known by device only;
    /// default 10; 0 means every contact has one).
    pub without_email_every: usize,
    /// Conversations are updated within this many days before now
    /// (default 180, so a 90-day window sees about half of them).
    pub history_days: u32,
    /// The generator's seed: the same seed makes the same workspace.
    pub seed: u64,
}

impl Default for WorkspaceSeed {
    fn default() -> Self {
        WorkspaceSeed {
            contacts: 1_000,
            conversations: 5_000,
            companies: 50,
            without_email_every: 10,
            history_days: 180,
            seed: 1,
        }
    }
}

impl WorkspaceSeed {
    /// The defaults: 1,000 contacts, 5,000 conversations, 50 companies.
    pub fn new() -> Self {
        WorkspaceSeed::default()
    }
    /// Contacts to create.
    pub fn contacts(mut self, n: usize) -> Self {
        self.contacts = n;
        self
    }
    /// Conversations to create.
    pub fn conversations(mut self, n: usize) -> Self {
        self.conversations = n;
        self
    }
    /// Companies to create.
    pub fn companies(mut self, n: usize) -> Self {
        self.companies = n;
        self
    }
    /// One contact in `n` has no email (0: all have one).
    pub fn without_email_every(mut self, n: usize) -> Self {
        self.without_email_every = n;
        self
    }
    /// Spread conversation updates over this many days before now.
    pub fn history_days(mut self, days: u32) -> Self {
        self.history_days = days;
        self
    }
    /// The generator's seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}

/// What [`FakeIntercom::seed_workspace`](super::FakeIntercom::seed_workspace)
/// created, in creation order.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct SeededWorkspace {
    /// The contacts' ids.
    pub contact_ids: Vec<String>,
    /// The conversations' ids.
    pub conversation_ids: Vec<String>,
    /// The companies' Intercom ids.
    pub company_ids: Vec<String>,
    /// How many contacts have no email.
    pub contacts_without_email: usize,
}

/// A deterministic splitmix64 stream for seeding.
#[derive(Debug)]
pub(crate) struct SeedRng(u64);

impl SeedRng {
    pub(crate) fn new(seed: u64) -> Self {
        SeedRng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
    /// `true` with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const PLANS: &[&str] = &["free", "starter", "pro", "enterprise"];
const INDUSTRIES: &[&str] = &["Software", "Retail", "Finance", "Health", "Education"];

/// The `POST /companies` body of seeded company `k`.
pub(crate) fn synthetic_company(k: usize, rng: &mut SeedRng) -> Map<String, Value> {
    let plan = PLANS[rng.below(PLANS.len() as u64) as usize];
    let body = json!({
        "company_id": format!("company-{k}"),
        "name": format!("Company {k}"),
        "website": format!("https://company{k}.example.com"),
        "industry": INDUSTRIES[rng.below(INDUSTRIES.len() as u64) as usize],
        "plan": plan,
        "size": 5 + rng.below(500) as i64,
        "monthly_spend": 50 + rng.below(5_000) as i64,
    });
    match body {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// The fields of seeded contact `k` (over a default contact).
pub(crate) fn synthetic_contact(
    k: usize,
    has_email: bool,
    company: Option<(&str, &str)>,
    now: i64,
    rng: &mut SeedRng,
) -> Value {
    let day = 86_400;
    let created = now - (30 + rng.below(700) as i64) * day;
    // Most contacts were seen recently, a tail has gone quiet.
    let last_seen = if rng.chance(75) {
        now - rng.below(14 * day as u64) as i64
    } else {
        now - (30 + rng.below(200) as i64) * day
    };
    let mut c = json!({
        "role": if has_email { "user" } else { "lead" },
        "external_id": if has_email { json!(format!("user-{k}")) } else { Value::Null },
        "email": if has_email { json!(format!("user{k}@company.example.com")) } else { Value::Null },
        "name": format!("Customer {k}"),
        "created_at": created,
        "signed_up_at": created,
        "updated_at": created + rng.below((now - created).max(1) as u64) as i64,
        "last_seen_at": last_seen,
        // Most contacts answered recently; some went silent, some never wrote.
        "last_replied_at": match rng.below(10) {
            0..=5 => json!(now - rng.below(7 * day as u64) as i64),
            6..=8 => json!(now - (7 + rng.below(80)) as i64 * day),
            _ => Value::Null,
        },
        "custom_attributes": {
            "plan": PLANS[rng.below(PLANS.len() as u64) as usize],
            "seats": 1 + rng.below(50),
        },
    });
    if let Some((id, name)) = company {
        c["companies"] = json!({
            "type": "list",
            "data": [{"type": "company", "id": id, "name": name}],
            "total_count": 1,
            "has_more": false,
        });
    }
    c
}

/// The fields of seeded conversation `k` with contact `(id, external_id)`.
pub(crate) fn synthetic_conversation(
    contact: (&str, Option<&str>),
    history_days: u32,
    now: i64,
    rng: &mut SeedRng,
) -> Value {
    let day = 86_400_i64;
    let updated = now - rng.below(u64::from(history_days.max(1)) * day as u64) as i64;
    let created = updated - rng.below(20 * day as u64) as i64;
    let state = match rng.below(10) {
        0..=5 => "closed",
        6..=8 => "open",
        _ => "snoozed",
    };
    // Replies from minutes to two days; a slow tail.
    let first_reply = if rng.chance(80) {
        60 + rng.below(3_600) as i64
    } else {
        3_600 + rng.below(2 * day as u64) as i64
    };
    let closed = state == "closed";
    let close_time = first_reply + rng.below(3 * day as u64) as i64;
    let reopens = match rng.below(20) {
        0..=14 => 0,
        15..=17 => 1,
        18 => 2,
        _ => 3 + rng.below(3) as i64,
    };
    let rating = rng
        .chance(30)
        .then(|| json!({"rating": 1 + rng.below(5) as i64, "created_at": updated}));
    json!({
        "created_at": created,
        "updated_at": updated,
        "state": state,
        "read": rng.chance(70),
        "priority": if rng.chance(10) { "priority" } else { "not_priority" },
        "waiting_since": if state == "open" && rng.chance(50) { json!(updated) } else { Value::Null },
        "snoozed_until": if state == "snoozed" { json!(now + rng.below(3 * day as u64) as i64) } else { Value::Null },
        "title": null,
        "conversation_rating": rating,
        "contacts": {"type": "contact.list", "contacts": [
            {"type": "contact", "id": contact.0, "external_id": contact.1}
        ]},
        "statistics": {
            "type": "conversation_statistics",
            "time_to_assignment": 0,
            "time_to_admin_reply": first_reply,
            "time_to_first_close": if closed { json!(close_time) } else { Value::Null },
            "time_to_last_close": if closed { json!(close_time + reopens * 3_600) } else { Value::Null },
            "median_time_to_reply": first_reply / 2 + 30,
            "first_contact_reply_at": created,
            "first_admin_reply_at": created + first_reply,
            "first_close_at": if closed { json!(created + close_time) } else { Value::Null },
            "last_contact_reply_at": updated,
            "last_close_at": if closed { json!(updated) } else { Value::Null },
            "count_reopens": reopens,
            "count_assignments": 1 + rng.below(3) as i64,
            "count_conversation_parts": 2 + rng.below(30) as i64,
        },
    })
}
