//! Office hours schedules and their exceptions.
//!
//! A schedule stores its name, time zone and weekly intervals (minutes from
//! Monday 00:00; `day_of_week` is `start_minute / 1440`). Exceptions belong
//! to a schedule: listing, getting or changing one through another
//! schedule is `404`, and deleting a schedule removes its exceptions. A
//! `closed` exception has `time_intervals: null`. Creates answer `201`;
//! deletes answer `{id, object, deleted: true}`.

use serde_json::{Map, Value, json};

use super::reply::{Ctx, Reply};
use super::request::{Incoming, deleted, object, required};

type Answer = Result<Reply, Reply>;

/// Schedules and exceptions.
#[derive(Debug, Default)]
pub(crate) struct OfficeHours {
    schedules: Vec<Map<String, Value>>,
    exceptions: Vec<Map<String, Value>>,
    next_id: u64,
}

impl OfficeHours {
    /// One seeded schedule: weekdays 9 to 17 in UTC.
    pub(crate) fn new(now: i64) -> OfficeHours {
        let mut store = OfficeHours::default();
        let week: Vec<Value> = (0..5)
            .map(|d| json!({"start_minute": d * 1440 + 540, "end_minute": d * 1440 + 1020}))
            .collect();
        store.add_schedule("Business hours", "Etc/UTC", &Value::Array(week), now);
        store
    }

    fn next(&mut self) -> String {
        self.next_id += 1;
        (40_000 + self.next_id).to_string()
    }

    fn add_schedule(&mut self, name: &str, zone: &str, intervals: &Value, now: i64) -> usize {
        let id = self.next();
        self.schedules.push(object(json!({
            "type": "office_hours_schedule", "id": id, "name": name, "time_zone_name": zone,
            "time_intervals": weekly(intervals), "twenty_four_seven": false,
            "created_at": now, "updated_at": now,
        })));
        self.schedules.len() - 1
    }

    fn schedule(&self, ctx: &Ctx, id: &str) -> Result<usize, Reply> {
        self.schedules
            .iter()
            .position(|s| s["id"].as_str() == Some(id))
            .ok_or_else(|| ctx.error(404, "not_found", "Office hours schedule not found"))
    }

    fn exception(&self, ctx: &Ctx, schedule: &str, id: &str) -> Result<usize, Reply> {
        self.exceptions
            .iter()
            .position(|e| {
                e["id"].as_str() == Some(id)
                    && e["office_hours_schedule_id"].as_str() == Some(schedule)
            })
            .ok_or_else(|| ctx.error(404, "not_found", "Office hours exception not found"))
    }
}

/// Weekly intervals with their `day_of_week`.
fn weekly(intervals: &Value) -> Value {
    let list: Vec<Value> = intervals
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            let start = i["start_minute"].as_i64().unwrap_or(0);
            json!({"start_minute": start, "end_minute": i["end_minute"], "day_of_week": start / 1440})
        })
        .collect();
    Value::Array(list)
}

/// Serve `/office_hours_schedules...`, or `None`.
pub(crate) fn route(store: &mut OfficeHours, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["office_hours_schedules"]) => {
            Ok(Reply::ok(&json!({"type": "list", "data": store.schedules})))
        }
        ("POST", ["office_hours_schedules"]) => req.object(ctx).and_then(|body| {
            let name = required(ctx, &body, "name")?.to_owned();
            let zone = required(ctx, &body, "time_zone_name")?.to_owned();
            let intervals = body.get("time_intervals").cloned().unwrap_or(json!([]));
            let i = store.add_schedule(&name, &zone, &intervals, ctx.now);
            Ok(Reply::json(201, &Value::Object(store.schedules[i].clone())))
        }),
        ("GET", ["office_hours_schedules", id]) => store
            .schedule(ctx, id)
            .map(|i| Reply::ok(&Value::Object(store.schedules[i].clone()))),
        ("PUT", ["office_hours_schedules", id]) => req.object(ctx).and_then(|body| {
            let i = store.schedule(ctx, id)?;
            let s = &mut store.schedules[i];
            for key in ["name", "time_zone_name"] {
                if let Some(v) = body.get(key) {
                    s.insert(key.into(), v.clone());
                }
            }
            if let Some(v) = body.get("time_intervals") {
                s.insert("time_intervals".into(), weekly(v));
            }
            s.insert("updated_at".into(), json!(ctx.now));
            Ok(Reply::ok(&Value::Object(s.clone())))
        }),
        ("DELETE", ["office_hours_schedules", id]) => store.schedule(ctx, id).map(|i| {
            store.schedules.remove(i);
            store
                .exceptions
                .retain(|e| e["office_hours_schedule_id"].as_str() != Some(id));
            Reply::ok(&deleted(id, "office_hours_schedule"))
        }),
        ("GET", ["office_hours_schedules", sid, "office_hours_exceptions"]) => {
            store.schedule(ctx, sid).map(|_| {
                let data: Vec<&Map<String, Value>> = store
                    .exceptions
                    .iter()
                    .filter(|e| e["office_hours_schedule_id"].as_str() == Some(sid))
                    .collect();
                Reply::ok(&json!({"type": "list", "data": data}))
            })
        }
        ("POST", ["office_hours_schedules", sid, "office_hours_exceptions"]) => {
            create_exception(store, ctx, req, sid)
        }
        ("GET", ["office_hours_schedules", sid, "office_hours_exceptions", id]) => store
            .exception(ctx, sid, id)
            .map(|i| Reply::ok(&Value::Object(store.exceptions[i].clone()))),
        ("PUT", ["office_hours_schedules", sid, "office_hours_exceptions", id]) => {
            req.object(ctx).and_then(|body| {
                store.schedule(ctx, sid)?;
                let i = store.exception(ctx, sid, id)?;
                let e = &mut store.exceptions[i];
                for key in [
                    "exception_date",
                    "name",
                    "recurring_annually",
                    "exception_type",
                    "time_intervals",
                ] {
                    if let Some(v) = body.get(key) {
                        e.insert(key.into(), v.clone());
                    }
                }
                if e["exception_type"] == json!("closed") {
                    e.insert("time_intervals".into(), Value::Null);
                }
                e.insert("updated_at".into(), json!(ctx.now));
                Ok(Reply::ok(&Value::Object(e.clone())))
            })
        }
        ("DELETE", ["office_hours_schedules", sid, "office_hours_exceptions", id]) => {
            store.exception(ctx, sid, id).map(|i| {
                store.exceptions.remove(i);
                Reply::ok(&deleted(id, "office_hours_exception"))
            })
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn create_exception(store: &mut OfficeHours, ctx: &Ctx, req: &Incoming<'_>, sid: &str) -> Answer {
    let body = req.object(ctx)?;
    store.schedule(ctx, sid)?;
    let date = required(ctx, &body, "exception_date")?.to_owned();
    let kind = body
        .get("exception_type")
        .and_then(Value::as_str)
        .unwrap_or("closed");
    if !matches!(kind, "closed" | "custom_hours") {
        return Err(ctx.invalid(
            "exception_type",
            "exception_type must be closed or custom_hours",
        ));
    }
    let intervals = if kind == "closed" {
        Value::Null
    } else {
        body.get("time_intervals").cloned().unwrap_or(json!([]))
    };
    let id = store.next();
    let e = json!({
        "type": "office_hours_exception", "id": id, "office_hours_schedule_id": sid,
        "exception_date": date, "exception_type": kind, "name": body.get("name"),
        "time_intervals": intervals,
        "recurring_annually": body.get("recurring_annually").cloned().unwrap_or(json!(false)),
        "created_at": ctx.now, "updated_at": ctx.now,
    });
    store.exceptions.push(object(e.clone()));
    Ok(Reply::json(201, &e))
}
