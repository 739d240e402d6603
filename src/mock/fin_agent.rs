//! The Fin agent API: `POST /fin/start`, `/fin/reply`, `/fin/csat`.
//!
//! The fake runs no AI: a start records the conversation (by your
//! `conversation_id`) and its messages and answers `thinking`; a reply to
//! a conversation never started gets `400`. A rating needs a started
//! conversation; the same rating again is a no-op, a different one
//! replaces it, and once a remark is recorded the rating is locked
//! (`422`), as Intercom documents.

use serde_json::{Map, Value, json};

use super::events::iso;
use super::reply::{Ctx, Reply};
use super::request::{Incoming, required};

/// One conversation Fin was started on.
#[derive(Debug)]
struct FinConversation {
    id: String,
    messages: Vec<Value>,
    rating: Option<String>,
    remark: Option<String>,
}

/// Every conversation Fin was started on.
#[derive(Debug, Default)]
pub(crate) struct FinAgent {
    conversations: Vec<FinConversation>,
}

/// Serve `/fin/...`, or `None` for another route.
pub(crate) fn route(store: &mut FinAgent, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("POST", ["fin", "start"]) => message(store, ctx, req, true),
        ("POST", ["fin", "reply"]) => message(store, ctx, req, false),
        ("POST", ["fin", "csat"]) => csat(store, ctx, req),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn checked_message(ctx: &Ctx, body: &Map<String, Value>) -> Result<Value, Reply> {
    let Some(Value::Object(m)) = body.get("message") else {
        return Err(ctx.field_error(400, "parameter_not_found", "message", "message is required"));
    };
    required(ctx, m, "body")?;
    required(ctx, m, "timestamp")?;
    Ok(Value::Object(m.clone()))
}

fn message(
    store: &mut FinAgent,
    ctx: &Ctx,
    req: &Incoming<'_>,
    start: bool,
) -> Result<Reply, Reply> {
    let body = req.object(ctx)?;
    let id = required(ctx, &body, "conversation_id")?.to_owned();
    let Some(Value::Object(user)) = body.get("user") else {
        return Err(ctx.field_error(400, "parameter_not_found", "user", "user is required"));
    };
    let user_id = required(ctx, user, "id")?.to_owned();
    let message = checked_message(ctx, &body)?;
    let existing = store.conversations.iter_mut().find(|c| c.id == id);
    match (start, existing) {
        (true, Some(c)) => c.messages.push(message),
        (true, None) => store.conversations.push(FinConversation {
            id: id.clone(),
            messages: vec![message],
            rating: None,
            remark: None,
        }),
        (false, Some(c)) => c.messages.push(message),
        (false, None) => {
            return Err(ctx.error(
                400,
                "parameter_invalid",
                format!("Fin was not started on conversation {id}"),
            ));
        }
    }
    Ok(Reply::ok(&json!({
        "conversation_id": id,
        "user_id": user_id,
        "status": "thinking",
        "created_at_ms": iso(ctx.now),
    })))
}

fn csat(store: &mut FinAgent, ctx: &Ctx, req: &Incoming<'_>) -> Result<Reply, Reply> {
    let body = req.object(ctx)?;
    let id = required(ctx, &body, "conversation_id")?.to_owned();
    let rating = required(ctx, &body, "rating")?.to_owned();
    if !["terrible", "bad", "ok", "good", "amazing"].contains(&rating.as_str()) {
        return Err(ctx.error(422, "parameter_invalid", "rating is not a valid option"));
    }
    let remark = body
        .get("remark")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let unprocessable = |field: &str, why: &str| json!({"errors": {field: why}});
    let Some(c) = store.conversations.iter_mut().find(|c| c.id == id) else {
        return Err(Reply::json(
            422,
            &unprocessable("base", "No CSAT survey was requested for this conversation"),
        ));
    };
    if c.remark.is_some() && c.rating.as_deref() != Some(rating.as_str()) {
        return Err(Reply::json(
            422,
            &unprocessable("rating", "The rating is locked once a remark is recorded"),
        ));
    }
    if c.remark.is_some() && remark.is_some() && remark != c.remark {
        return Err(Reply::json(
            422,
            &unprocessable("remark", "A remark has already been recorded"),
        ));
    }
    c.rating = Some(rating.clone());
    if remark.is_some() {
        c.remark = remark;
    }
    Ok(Reply::ok(
        &json!({"conversation_id": id, "rating": rating, "status": "rated"}),
    ))
}
