//! Workspace settings and small platform endpoints: the IP allowlist,
//! phone call redirects and workflow exports.
//!
//! - `GET`/`PUT /ip_allowlist`: one setting, disabled and empty at first;
//!   a `PUT` replaces it. Enabling an empty list gets `422` (it would lock
//!   out the caller, as Intercom refuses); an entry that is not an IP
//!   address or CIDR range gets `422` too.
//! - `POST /phone_call_redirects`: no SMS is sent; the number (E.164, else
//!   `400 invalid_phone_number`) is recorded with the attributes, readable
//!   through [`FakeIntercom::phone_call_redirects`].
//! - `GET /export/workflows/{id}`: the fake holds one live workflow,
//!   [`FAKE_WORKFLOW_ID`]; any other id is `404`.

use serde_json::{Value, json};

use super::events::iso;
use super::reply::WORKSPACE_ID;
use super::reply::{Ctx, Reply};
use super::request::{Incoming, required};

/// The id of the one workflow the fake can export.
pub const FAKE_WORKFLOW_ID: &str = "1001";

/// The settings and records of this module.
#[derive(Debug, Default)]
pub(crate) struct Platform {
    allowlist_enabled: bool,
    allowlist: Vec<Value>,
    /// Every redirect asked for: `{"phone", "custom_attributes"}`.
    redirects: Vec<Value>,
}

/// Serve the routes of this module, or `None` for another route.
pub(crate) fn route(store: &mut Platform, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["ip_allowlist"]) => Ok(allowlist(store)),
        ("PUT", ["ip_allowlist"]) => update_allowlist(store, ctx, req),
        ("POST", ["phone_call_redirects"]) => redirect(store, ctx, req),
        ("GET", ["export", "workflows", id]) => export(ctx, id),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn allowlist(store: &Platform) -> Reply {
    Reply::ok(&json!({
        "type": "ip_allowlist",
        "enabled": store.allowlist_enabled,
        "ip_allowlist": store.allowlist,
    }))
}

fn is_ip_or_range(entry: &str) -> bool {
    let (addr, prefix) = entry.split_once('/').unwrap_or((entry, ""));
    addr.parse::<std::net::IpAddr>().is_ok_and(|ip| {
        let max = if ip.is_ipv4() { 32 } else { 128 };
        !entry.contains('/') || prefix.parse::<u8>().is_ok_and(|p| p <= max)
    })
}

fn update_allowlist(store: &mut Platform, ctx: &Ctx, req: &Incoming<'_>) -> Result<Reply, Reply> {
    let body = req.object(ctx)?;
    let enabled = match body.get("enabled") {
        None => store.allowlist_enabled,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(ctx.invalid("enabled", "enabled must be a boolean")),
    };
    let list = match body.get("ip_allowlist") {
        None => store.allowlist.clone(),
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return Err(ctx.invalid("ip_allowlist", "ip_allowlist must be an array")),
    };
    if let Some(bad) = list
        .iter()
        .find(|e| !e.as_str().is_some_and(is_ip_or_range))
    {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            format!("{bad} is not an IP address or CIDR range"),
        ));
    }
    if enabled && list.is_empty() {
        return Err(ctx.error(
            422,
            "parameter_invalid",
            "This update would lock out your current IP address",
        ));
    }
    store.allowlist_enabled = enabled;
    store.allowlist = list;
    Ok(allowlist(store))
}

fn redirect(store: &mut Platform, ctx: &Ctx, req: &Incoming<'_>) -> Result<Reply, Reply> {
    let body = req.object(ctx)?;
    let phone = required(ctx, &body, "phone")?.to_owned();
    let digits = phone.strip_prefix('+').unwrap_or("");
    if !(8..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ctx.field_error(400, "invalid_phone_number", "phone", "Invalid phone number"));
    }
    store.redirects.push(json!({
        "phone": phone,
        "custom_attributes": body.get("custom_attributes").cloned().unwrap_or(json!({})),
    }));
    Ok(Reply::ok(
        &json!({"type": "phone_call_redirect", "phone": phone}),
    ))
}

fn export(ctx: &Ctx, id: &str) -> Result<Reply, Reply> {
    if id != FAKE_WORKFLOW_ID {
        return Err(ctx.error(404, "not_found", "Workflow not found"));
    }
    Ok(Reply::ok(&json!({
        "export_version": "1.0",
        "exported_at": iso(ctx.now),
        "app_id": WORKSPACE_ID,
        "workflow": {
            "id": FAKE_WORKFLOW_ID,
            "description": "Greets new conversations and asks what they are about",
            "trigger_type": "inbound_conversation",
            "state": "live",
            "target_channels": ["chat"],
            "preferred_devices": ["desktop", "mobile"],
            "created_at": "2025-01-06T09:00:00.000Z",
            "updated_at": "2025-01-06T09:00:00.000Z",
            "targeting": null,
            "snapshot": {"steps": [{"type": "send_message", "body": "Hi! What can we help with?"}]},
            "attributes": [],
            "embedded_rules": [],
        },
    })))
}

impl super::FakeIntercom {
    /// The phone call redirects asked for so far (`POST
    /// /phone_call_redirects`), oldest first: `{"phone",
    /// "custom_attributes"}` each. The fake sends no SMS.
    pub fn phone_call_redirects(&self) -> Vec<Value> {
        self.shared.lock().platform.redirects.clone()
    }
}
