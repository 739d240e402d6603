//! Admins: the teammates of the fake workspace, `/me` (the first admin, the
//! token's owner, with its workspace), away status and activity logs.
//!
//! Away status is kept: `PUT /admins/{id}/away` changes what
//! `GET /admins`, `GET /admins/{id}` and (for the token's admin) `GET /me`
//! answer. Activity logs are a fixed few entries per admin.

use serde_json::{Map, Value, json};

use super::paging::{MAX_PER_PAGE, numbered, numbered_page, per_page};
use super::reply::{Ctx, Reply};
use super::request::Incoming;

/// The teammates: `(id, name, email)`. The first is the token's admin.
const TEAM: [(&str, &str, &str); 3] = [
    ("991267", "Fake Admin", "admin@example.com"),
    ("991268", "Grace Hopper", "grace@example.com"),
    ("991269", "Alan Turing", "alan@example.com"),
];

/// The admins and the workspace they work in.
#[derive(Debug)]
pub(crate) struct Admins {
    admins: Vec<Map<String, Value>>,
    workspace_id: String,
    app_created_at: i64,
}

impl Admins {
    pub(crate) fn new(workspace_id: &str, now: i64) -> Admins {
        let admins = TEAM
            .iter()
            .map(|(id, name, email)| admin(id, name, email))
            .collect();
        Admins {
            admins,
            workspace_id: workspace_id.to_owned(),
            app_created_at: now,
        }
    }

    /// The admins' ids, the token's admin first.
    pub(crate) fn ids(&self) -> Vec<String> {
        self.admins
            .iter()
            .filter_map(|a| a.get("id").and_then(Value::as_str).map(str::to_owned))
            .collect()
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.admins
            .iter()
            .position(|a| a.get("id").and_then(Value::as_str) == Some(id))
    }

    /// `GET /me`: the token's admin with its workspace (`admin_with_app`).
    fn me(&self) -> Value {
        let mut me = self.admins.first().cloned().unwrap_or_default();
        me.insert("email_verified".into(), json!(true));
        me.insert(
            "app".into(),
            json!({
                "type": "app",
                "id_code": self.workspace_id,
                "name": "Fake Intercom",
                "region": "US",
                "timezone": "Etc/UTC",
                "created_at": self.app_created_at,
                "identity_verification": false,
            }),
        );
        Value::Object(me)
    }

    fn activity_logs(&self) -> Vec<Value> {
        self.admins
            .iter()
            .enumerate()
            .map(|(i, a)| {
                json!({
                    "id": format!("{}", 7000 + i),
                    "performed_by": {"type": "admin", "id": a["id"], "email": a["email"], "ip": "127.0.0.1"},
                    "metadata": {"before": null, "after": null},
                    "created_at": self.app_created_at + i as i64,
                    "activity_type": "admin_login_success",
                    "activity_description": format!("{} logged in.", a["name"].as_str().unwrap_or_default()),
                })
            })
            .collect()
    }
}

fn admin(id: &str, name: &str, email: &str) -> Map<String, Value> {
    match json!({
        "type": "admin",
        "id": id,
        "name": name,
        "email": email,
        "job_title": "Support engineer",
        "away_mode_enabled": false,
        "away_mode_reassign": false,
        "away_status_reason_id": null,
        "has_inbox_seat": true,
        "team_ids": [],
        "avatar": {"type": "avatar", "image_url": null},
    }) {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// Serve `/me` and `/admins...`, or `None` for a route the fake does not know.
pub(crate) fn route(store: &mut Admins, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["me"]) => Ok(Reply::ok(&store.me())),
        ("GET", ["admins"]) => Ok(Reply::ok(&json!({
            "type": "admin.list",
            "admins": store.admins.clone(),
        }))),
        ("GET", ["admins", "activity_log_event_types"]) => Ok(Reply::ok(&json!({
            "type": "activity_log_event_type.list",
            "activity_log_event_types": ["admin_login_success", "admin_logout", "app_name_change"],
        }))),
        ("GET", ["admins", "activity_logs"]) => match req.query("created_at_after") {
            None => Err(ctx.field_error(
                400,
                "parameter_not_found",
                "created_at_after",
                "created_at_after is required",
            )),
            Some(_) => numbered_page(
                ctx,
                req,
                "activity_log.list",
                "activity_logs",
                store.activity_logs(),
                20,
                250,
            ),
        },
        ("POST", ["admins", "activity_logs", "search"]) => search_logs(store, ctx, req),
        ("GET", ["admins", id]) => store
            .position(id)
            .map(|i| Reply::ok(&Value::Object(store.admins[i].clone())))
            .ok_or_else(|| ctx.error(404, "admin_not_found", "Admin not found")),
        ("PUT", ["admins", id, "away"]) => set_away(store, ctx, req, id),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn search_logs(store: &Admins, ctx: &Ctx, req: &Incoming<'_>) -> Result<Reply, Reply> {
    let body = req.object(ctx)?;
    let per_page = per_page(ctx, body.get("per_page").cloned(), 20, MAX_PER_PAGE)?;
    let page = body
        .get("page")
        .and_then(Value::as_u64)
        .map_or(1, |p| usize::try_from(p.max(1)).unwrap_or(1));
    Ok(Reply::ok(&numbered(
        "activity_log.list",
        "activity_logs",
        store.activity_logs(),
        page,
        per_page,
    )))
}

fn set_away(store: &mut Admins, ctx: &Ctx, req: &Incoming<'_>, id: &str) -> Result<Reply, Reply> {
    let i = store
        .position(id)
        .ok_or_else(|| ctx.error(404, "admin_not_found", "Admin not found"))?;
    let body = req.object(ctx)?;
    let flag = |key: &str| match body.get(key) {
        Some(Value::Bool(b)) => Ok(*b),
        None => Err(ctx.field_error(
            400,
            "parameter_not_found",
            key,
            format!("{key} is required"),
        )),
        Some(_) => Err(ctx.invalid(key, format!("{key} must be a boolean"))),
    };
    let away = flag("away_mode_enabled")?;
    let reassign = flag("away_mode_reassign")?;
    let a = &mut store.admins[i];
    a.insert("away_mode_enabled".into(), json!(away));
    a.insert("away_mode_reassign".into(), json!(reassign));
    let reason = body
        .get("away_status_reason_id")
        .cloned()
        .unwrap_or(Value::Null);
    a.insert("away_status_reason_id".into(), reason);
    Ok(Reply::ok(&Value::Object(a.clone())))
}
