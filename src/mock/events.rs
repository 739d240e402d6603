//! Data events: `POST /events` keeps each event, `GET /events` lists a
//! user's events (newest first) or, with `summary=true`, a count per event
//! name with the first and last time; `POST /events/summaries` adds counts.

use serde_json::{Map, Value, json};

use super::contacts::Contacts;
use super::reply::{Ctx, Reply};
use super::request::Incoming;

/// Every event submitted, as sent, and the summaries submitted.
#[derive(Debug, Default)]
pub(crate) struct Events {
    pub(crate) events: Vec<Value>,
    /// `(user_id, event_name, count, first, last)`.
    summaries: Vec<(String, String, u64, i64, i64)>,
}

/// Serve `/events...`, or `None` for a route the fake does not know.
pub(crate) fn route(
    store: &mut Events,
    contacts: &Contacts,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("POST", ["events"]) => submit(store, ctx, req),
        ("GET", ["events"]) => list(store, contacts, ctx, req),
        ("POST", ["events", "summaries"]) => summaries(store, ctx, req),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn named(body: &Map<String, Value>, key: &str) -> Option<String> {
    body.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}

/// `POST /events`: keep the event, answer `202` with no body.
fn submit(store: &mut Events, ctx: &Ctx, req: &Incoming<'_>) -> Result<Reply, Reply> {
    let mut event = req.object(ctx)?;
    if named(&event, "event_name").is_none() {
        return Err(ctx.invalid("event_name", "event_name is required"));
    }
    if !["user_id", "id", "email"]
        .iter()
        .any(|k| named(&event, k).is_some())
    {
        return Err(ctx.error(404, "not_found", "User Not Found"));
    }
    if !event.get("created_at").is_some_and(Value::is_i64) {
        event.insert("created_at".into(), json!(ctx.now));
    }
    store.events.push(Value::Object(event));
    let mut reply = Reply::json(202, &Value::Null);
    reply.body.clear();
    Ok(reply)
}

/// The contact the `GET /events` query names, as `(user_id, id, email)`.
fn who(
    contacts: &Contacts,
    req: &Incoming<'_>,
) -> Option<(Option<String>, Option<String>, Option<String>)> {
    let wanted = [
        ("user_id", "external_id"),
        ("intercom_user_id", "id"),
        ("email", "email"),
    ];
    let (param, field, value) = wanted
        .iter()
        .find_map(|(param, field)| req.query(param).map(|v| (*param, *field, v)))?;
    let contact = contacts.all().into_iter().find(|c| {
        c.get(field)
            .and_then(Value::as_str)
            .is_some_and(|v| v.eq_ignore_ascii_case(value))
    });
    let text = |c: &Value, k: &str| c.get(k).and_then(Value::as_str).map(str::to_owned);
    Some(match contact {
        Some(c) => (text(&c, "external_id"), text(&c, "id"), text(&c, "email")),
        None => {
            let v = Some(value.to_owned());
            match param {
                "user_id" => (v, None, None),
                "intercom_user_id" => (None, v, None),
                _ => (None, None, v),
            }
        }
    })
}

fn list(
    store: &Events,
    contacts: &Contacts,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Result<Reply, Reply> {
    if req.query("type") != Some("user") {
        return Err(ctx.field_error(400, "parameter_invalid", "type", "type must be `user`"));
    }
    let (user_id, id, email) = who(contacts, req).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "user_id",
            "one of user_id, intercom_user_id or email is required",
        )
    })?;
    let same = |e: &Value, k: &str, want: &Option<String>| {
        want.as_deref().is_some_and(|w| {
            e.get(k)
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case(w))
        })
    };
    let mut mine: Vec<Value> = store
        .events
        .iter()
        .filter(|e| same(e, "user_id", &user_id) || same(e, "id", &id) || same(e, "email", &email))
        .map(|e| {
            let mut e = e.clone();
            e["type"] = json!("event");
            e["intercom_user_id"] = json!(id);
            e
        })
        .collect();
    mine.reverse();
    if req.query("summary") == Some("true") {
        return Ok(Reply::ok(&summary(store, &mine, user_id, id, email)));
    }
    Ok(Reply::ok(&json!({
        "type": "event.list",
        "events": mine,
        "pages": {"next": null},
        "email": email,
        "intercom_user_id": id,
        "user_id": user_id,
    })))
}

pub(crate) fn iso(unix: i64) -> String {
    // Days since the epoch to a civil date (Howard Hinnant's algorithm).
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

fn summary(
    store: &Events,
    mine: &[Value],
    user_id: Option<String>,
    id: Option<String>,
    email: Option<String>,
) -> Value {
    let mut rows: Vec<(String, u64, i64, i64)> = Vec::new();
    let mut add =
        |name: &str, count: u64, first: i64, last: i64| match rows.iter_mut().find(|r| r.0 == name)
        {
            Some(r) => {
                r.1 += count;
                r.2 = r.2.min(first);
                r.3 = r.3.max(last);
            }
            None => rows.push((name.to_owned(), count, first, last)),
        };
    for e in mine {
        let at = e.get("created_at").and_then(Value::as_i64).unwrap_or(0);
        add(e["event_name"].as_str().unwrap_or_default(), 1, at, at);
    }
    for (uid, name, count, first, last) in &store.summaries {
        if user_id.as_deref() == Some(uid.as_str()) {
            add(name, *count, *first, *last);
        }
    }
    let events: Vec<Value> = rows
        .into_iter()
        .map(|(name, count, first, last)| {
            json!({"name": name, "count": count, "first": iso(first), "last": iso(last), "description": null})
        })
        .collect();
    json!({
        "type": "event.summary",
        "email": email,
        "intercom_user_id": id,
        "user_id": user_id,
        "events": events,
    })
}

fn summaries(store: &mut Events, ctx: &Ctx, req: &Incoming<'_>) -> Result<Reply, Reply> {
    let body = req.object(ctx)?;
    let user_id = named(&body, "user_id").ok_or_else(|| {
        ctx.field_error(400, "parameter_not_found", "user_id", "user_id is required")
    })?;
    let list = body
        .get("event_summaries")
        .and_then(Value::as_object)
        .ok_or_else(|| ctx.invalid("event_summaries", "event_summaries must be an object"))?;
    let name = named(list, "event_name")
        .ok_or_else(|| ctx.invalid("event_summaries.event_name", "event_name is required"))?;
    let num = |k: &str, d: i64| list.get(k).and_then(Value::as_i64).unwrap_or(d);
    let count = u64::try_from(num("count", 1)).unwrap_or(0);
    store.summaries.push((
        user_id,
        name,
        count,
        num("first", ctx.now),
        num("last", ctx.now),
    ));
    let mut reply = Reply::json(200, &Value::Null);
    reply.body.clear();
    Ok(reply)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso(1_717_236_315), "2024-06-01T10:05:15.000Z");
    }
}
