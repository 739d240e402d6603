//! The workspace's static settings, seeded and read-only: segments, teams
//! (and their per-admin metrics), subscription types, away status reasons
//! (deleted ones included), macros, email settings and brands.
//!
//! Macros come newest `updated_at` first, paged by an opaque
//! `starting_after` cursor, filtered by `updated_since`; a macro visible to
//! specific teams only (none of which the token's admin is in) is left out
//! of the list and answers `404`. The default brand's id is the workspace
//! id; brands and email settings point at each other (`default_address_settings_id`,
//! `brand_id`).

use serde_json::{Value, json};

use super::paging::{
    MAX_PER_PAGE, bad_cursor, cursor_page, decode_cursor, encode_cursor, per_page,
};
use super::reply::{Ctx, Reply};
use super::request::Incoming;

/// The teams: `(id, name, admin ids)`.
const TEAMS: [(&str, &str, &[i64]); 2] = [
    ("814860", "Support", &[991267, 991268]),
    ("814861", "Billing", &[991269]),
];

/// Whether an id names a team (else an assignee is an admin).
pub(crate) fn is_team(id: &str) -> bool {
    TEAMS.iter().any(|t| t.0 == id)
}

/// The macros: `(id, name, updated_at unix, visible to everyone)`.
const MACROS: [(&str, &str, i64, bool); 4] = [
    ("501", "Refund accepted", 1_717_200_000, true),
    ("502", "Password reset", 1_714_500_000, true),
    ("503", "Escalate to billing", 1_719_800_000, false),
    ("504", "Closing note", 1_709_000_000, true),
];

/// Serve the static settings, or `None`.
pub(crate) fn route(workspace_id: &str, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let found = |v: Option<Value>, what: &str| {
        v.map(|v| Reply::ok(&v))
            .ok_or_else(|| ctx.error(404, "not_found", format!("{what} Not Found")))
    };
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["segments"]) => {
            let count = req.query("include_count") == Some("true");
            let data: Vec<Value> = segments(count);
            Ok(Reply::ok(&json!({"type": "segment.list", "segments": data})))
        }
        ("GET", ["segments", id]) => found(segments(true).into_iter().find(|s| s["id"] == *id), "Segment"),
        ("GET", ["teams"]) => Ok(Reply::ok(&json!({"type": "team.list", "teams": teams()}))),
        ("GET", ["teams", id]) => found(teams().into_iter().find(|t| t["id"] == *id), "Team"),
        ("GET", ["teams", id, "metrics"]) => found(
            TEAMS.iter().find(|t| t.0 == *id).map(|t| {
                let data: Vec<Value> = t.2.iter().enumerate().map(|(i, a)| {
                    json!({"type": "team_metric", "admin_id": a.to_string(), "open": 3 + i, "idle": i, "snoozed": 1})
                }).collect();
                json!({"type": "list", "data": data})
            }),
            "Team",
        ),
        ("GET", ["subscription_types"]) => Ok(Reply::ok(&json!({"type": "list", "data": subscription_types()}))),
        ("GET", ["away_status_reasons"]) => Ok(Reply::ok(&json!({"type": "list", "data": away_reasons()}))),
        ("GET", ["macros"]) => list_macros(ctx, req),
        ("GET", ["macros", id]) => found(
            MACROS.iter().find(|m| m.0 == *id && m.3).map(|m| macro_json(*m)),
            "Macro",
        ),
        ("GET", ["emails"]) => Ok(Reply::ok(&json!({"type": "list", "data": emails(workspace_id)}))),
        ("GET", ["emails", id]) => found(emails(workspace_id).into_iter().find(|e| e["id"] == *id), "Email setting"),
        ("GET", ["brands"]) => Ok(Reply::ok(&json!({"type": "list", "data": brands(workspace_id)}))),
        ("GET", ["brands", id]) => found(brands(workspace_id).into_iter().find(|b| b["id"] == *id), "Brand"),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn segments(count: bool) -> Vec<Value> {
    [("5f1a1", "Active users", 120), ("5f1a2", "New leads", 34), ("5f1a3", "Churn risk", 7)]
        .iter()
        .map(|(id, name, n)| {
            let mut s = json!({"type": "segment", "id": id, "name": name, "created_at": 1_700_000_000,
                "updated_at": 1_700_000_000, "person_type": if *id == "5f1a2" {"lead"} else {"user"}});
            if count {
                s["count"] = json!(n);
            }
            s
        })
        .collect()
}

fn teams() -> Vec<Value> {
    TEAMS
        .iter()
        .map(|(id, name, admins)| {
            json!({"type": "team", "id": id, "name": name, "admin_ids": admins,
                "admin_priority_level": null, "assignment_limit": null, "distribution_method": "round_robin"})
        })
        .collect()
}

fn subscription_types() -> Vec<Value> {
    [("sub_1", "Newsletter", "opt_out"), ("sub_2", "Product updates", "opt_in")]
        .iter()
        .map(|(id, name, consent)| {
            json!({"type": "subscription", "id": id, "state": "live", "consent_type": consent,
                "default_translation": {"name": name, "description": format!("{name} by email"), "locale": "en"},
                "translations": [], "content_types": ["email"]})
        })
        .collect()
}

fn away_reasons() -> Vec<Value> {
    [
        ("1", "On a break", "☕", false),
        ("2", "In a meeting", "📅", false),
        ("3", "Out sick", "🤒", true),
    ]
    .iter()
    .map(|(id, label, emoji, deleted)| {
        json!({"type": "away_status_reason", "id": id, "label": label, "emoji": emoji,
                "order": id.parse::<i64>().unwrap_or(0), "deleted": deleted,
                "created_at": 1_700_000_000, "updated_at": 1_700_000_000})
    })
    .collect()
}

fn iso(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
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
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn macro_json((id, name, updated, everyone): (&str, &str, i64, bool)) -> Value {
    json!({"type": "macro", "id": id, "name": name, "body": format!("<p>{name}</p>"), "body_text": name,
        "created_at": iso(updated - 86_400), "updated_at": iso(updated),
        "visible_to": if everyone {"everyone"} else {"specific_teams"},
        "visible_to_team_ids": if everyone { json!([]) } else { json!(["814861"]) },
        "available_on": ["inbox", "messenger"]})
}

fn list_macros(ctx: &Ctx, req: &Incoming<'_>) -> Result<Reply, Reply> {
    let per_page = per_page(
        ctx,
        req.query("per_page").map(|s| json!(s)),
        50,
        MAX_PER_PAGE,
    )?;
    let since = match req.query("updated_since") {
        None => i64::MIN,
        Some(s) => s
            .trim()
            .parse()
            .map_err(|_| ctx.invalid("updated_since", "updated_since must be a unix timestamp"))?,
    };
    let mut visible: Vec<_> = MACROS
        .iter()
        .filter(|m| m.3 && m.2 > since)
        .copied()
        .collect();
    visible.sort_by_key(|m| std::cmp::Reverse(m.2));
    let items: Vec<Value> = visible.into_iter().map(macro_json).collect();
    let start = match req.query("starting_after") {
        None => 0,
        Some(c) => decode_cursor(c, "macros").ok_or_else(|| bad_cursor(ctx))? as usize + 1,
    };
    let page = cursor_page("list", "data", &items, start, per_page, |i| {
        encode_cursor("macros", i as u64)
    });
    Ok(Reply::ok(&page))
}

fn emails(workspace_id: &str) -> Vec<Value> {
    [
        ("301", "support@example.com", workspace_id),
        ("302", "billing@acme.example", "77"),
    ]
    .iter()
    .map(|(id, email, brand)| {
        json!({"type": "email_setting", "id": id, "email": email, "verified": true,
                "domain": email.split('@').nth(1), "brand_id": brand, "forwarding_enabled": true,
                "forwarded_email_last_received_at": 1_700_000_000, "created_at": 1_690_000_000,
                "updated_at": 1_700_000_000})
    })
    .collect()
}

fn brands(workspace_id: &str) -> Vec<Value> {
    [
        (workspace_id, "Fake Intercom", true, "301"),
        ("77", "Acme", false, "302"),
    ]
    .iter()
    .map(|(id, name, default, address)| {
        json!({"type": "brand", "id": id, "name": name, "is_default": default,
                "created_at": 1_690_000_000, "updated_at": 1_700_000_000, "help_center_id": "1",
                "default_address_settings_id": address})
    })
    .collect()
}
