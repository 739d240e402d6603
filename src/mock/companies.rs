//! Companies: the fake's store and its `/companies` endpoints.
//!
//! - `POST /companies` creates the company with the body's `company_id`, or
//!   updates the one that has it (custom attributes merged key by key);
//! - `GET /companies/{id}` and `PUT /companies/{id}` by Intercom's id;
//! - `GET /companies?company_id=` and `GET /companies?name=` (exact name,
//!   any case) answer the company itself, or `404 company_not_found`;
//!   without either, `GET /companies` lists companies by page number
//!   (`page`, `per_page`, default 15);
//! - `GET /companies/scroll` answers every company on its first page with a
//!   `scroll_param`, then an empty page, which ends the scroll.

use serde_json::{Map, Value, json};

use super::Incoming;
use super::reply::{Ctx, Reply, Rng};

type Answer = Result<Reply, Reply>;

/// Every company of the fake workspace, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Companies {
    records: Vec<Map<String, Value>>,
}

impl Companies {
    pub(crate) fn all(&self) -> Vec<Value> {
        self.records.iter().cloned().map(Value::Object).collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.records.len()
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
    rng: &mut Rng,
    workspace: &str,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let segs: Vec<&str> = req.segments.iter().map(String::as_str).collect();
    let answer = match (req.method, segs.as_slice()) {
        ("POST", ["companies"]) => create_or_update(store, rng, workspace, ctx, req),
        ("GET", ["companies"]) => lookup_or_list(store, ctx, req),
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
    for key in ["company_id", "name"] {
        if let Some(v) = req.query(key) {
            return store
                .by(key, v)
                .map(|i| Reply::ok(&Value::Object(store.records[i].clone())))
                .ok_or_else(|| not_found(ctx));
        }
    }
    let number = |key: &str, default: usize| -> Result<usize, Reply> {
        match req.query(key) {
            None => Ok(default),
            Some(s) => s
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| ctx.invalid(key, format!("{key} must be a positive integer"))),
        }
    };
    let per_page = number("per_page", 15)?.min(60);
    let page = number("page", 1)?;
    let total = store.records.len();
    let start = (page - 1).saturating_mul(per_page).min(total);
    let end = start.saturating_add(per_page).min(total);
    Ok(Reply::ok(&json!({
        "type": "list",
        "data": store.records[start..end].to_vec(),
        "total_count": total,
        "pages": {
            "type": "pages",
            "page": page,
            "per_page": per_page,
            "total_pages": total.div_ceil(per_page),
        },
    })))
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
