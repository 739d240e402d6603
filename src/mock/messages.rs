//! Admin-initiated messages (`POST /messages`) and WhatsApp delivery
//! statuses.
//!
//! A message needs a body (`400` "Body is required") and, as an email, a
//! subject (`422`). Its recipient is found by `id`, `user_id` (external id)
//! or `email`; an unknown one is `404`. Sent messages are kept. With
//! `create_conversation_without_contact_reply`, the message starts an
//! admin-initiated conversation at once (listed by `GET /conversations`)
//! and answers its id in `conversation_id`. WhatsApp statuses are a seeded
//! few: one per message, and a ruleset's events paged by `starting_after`.

use serde_json::{Map, Value, json};

use super::contacts::Contacts;
use super::conversation_writes::{contact_ref, find_contact};
use super::conversations::Conversations;
use super::paging::{bad_cursor, cursor_page, decode_cursor, encode_cursor, per_page};
use super::reply::{Ctx, Reply, Rng};
use super::request::{Incoming, id_text};

type Answer = Result<Reply, Reply>;

/// Messages sent.
#[derive(Debug, Default)]
pub(crate) struct Messages {
    pub(crate) sent: Vec<Value>,
}

/// The seeded WhatsApp messages: `(message id, conversation id, status)`,
/// all sent by the ruleset [`RULESET`].
const WHATSAPP: [(&str, &str, &str); 3] = [
    ("wamid.1", "1000000901", "delivered"),
    ("wamid.2", "1000000902", "read"),
    ("wamid.3", "1000000903", "failed"),
];

/// The ruleset the seeded WhatsApp messages came from.
pub(crate) const RULESET: &str = "ruleset_1";

/// Serve `/messages...`, or `None`.
pub(crate) fn route(
    store: &mut Messages,
    contacts: &Contacts,
    conversations: &mut Conversations,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("POST", ["messages"]) => send(store, contacts, conversations, rng, ctx, req),
        ("GET", ["messages", "whatsapp", "status"]) => {
            let id = req.query("message_id").unwrap_or_default();
            WHATSAPP
                .iter()
                .find(|w| w.0 == id)
                .map(|(id, conv, status)| {
                    let mut s = json!({"type": "whatsapp_message_status", "message_id": id,
                        "conversation_id": conv, "status": status, "created_at": 1_700_000_000,
                        "updated_at": 1_700_000_060, "template_name": "welcome", "error": null});
                    if *status == "failed" {
                        s["error"] =
                            json!({"message": "Message undeliverable", "details": "131026"});
                    }
                    Reply::ok(&s)
                })
                .ok_or_else(|| ctx.error(404, "not_found", "Message not found"))
        }
        ("GET", ["messages", "status"]) => statuses(ctx, req),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn statuses(ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let ruleset = req.query("ruleset_id").ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "ruleset_id",
            "ruleset_id is required",
        )
    })?;
    let per_page = per_page(ctx, req.query("per_page").map(|s| json!(s)), 50, 100)?;
    let events: Vec<Value> = if ruleset == RULESET {
        WHATSAPP
            .iter()
            .enumerate()
            .map(|(i, (id, conv, status))| {
                json!({"type": "broadcast_status_event", "id": format!("evt_{}", i + 1), "conversation_id": conv,
                    "user_id": format!("user-{}", i + 1), "status": status, "created_at": 1_700_000_000 + i as i64,
                    "updated_at": 1_700_000_060 + i as i64, "whatsapp_message_id": id, "template_name": "welcome"})
            })
            .collect()
    } else {
        Vec::new()
    };
    let start = match req.query("starting_after") {
        None => 0,
        Some(c) => decode_cursor(c, "wa").ok_or_else(|| bad_cursor(ctx))? as usize + 1,
    };
    let mut page = cursor_page("list", "events", &events, start, per_page, |i| {
        encode_cursor("wa", i as u64)
    });
    page["ruleset_id"] = json!(ruleset);
    Ok(Reply::ok(&page))
}

fn send(
    store: &mut Messages,
    contacts: &Contacts,
    conversations: &mut Conversations,
    rng: &mut Rng,
    ctx: &Ctx,
    req: &Incoming<'_>,
) -> Answer {
    let body = req.object(ctx)?;
    let message_type = body
        .get("message_type")
        .and_then(Value::as_str)
        .unwrap_or("inapp");
    if !matches!(message_type, "inapp" | "email") {
        return Err(ctx.invalid("message_type", "message_type must be inapp or email"));
    }
    let text = body.get("body").and_then(Value::as_str).unwrap_or_default();
    if text.trim().is_empty() {
        return Err(ctx.field_error(400, "parameter_not_found", "body", "Body is required"));
    }
    let subject = body
        .get("subject")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    if message_type == "email" && subject.is_none() {
        return Err(ctx.field_error(
            422,
            "parameter_invalid",
            "subject",
            "An email needs a subject",
        ));
    }
    let from = body.get("from").and_then(Value::as_object);
    let admin = from.and_then(|f| id_text(f.get("id"))).ok_or_else(|| {
        ctx.field_error(
            400,
            "parameter_not_found",
            "from",
            "from.id (an admin) is required",
        )
    })?;
    // `to` is one recipient or a list; the first names the contact.
    let to = match body.get("to") {
        Some(Value::Array(list)) => list.first().and_then(Value::as_object).cloned(),
        Some(Value::Object(m)) => Some(m.clone()),
        _ => None,
    }
    .unwrap_or_default();
    let contact =
        find_contact(contacts, &to).ok_or_else(|| ctx.error(404, "not_found", "User Not Found"))?;
    let message_id = (rng.next_u64() % 900_000_000 + 100_000_000).to_string();
    let owner = json!({"type": "admin", "id": admin});
    let conversation_id =
        if body.get("create_conversation_without_contact_reply") == Some(&json!(true)) {
            Some(start_conversation(
                conversations,
                ctx,
                &message_id,
                &contact,
                subject,
                text,
                &owner,
            ))
        } else {
            None
        };
    let message = json!({
        "type": "admin_message", "id": message_id, "created_at": ctx.now, "subject": subject,
        "body": text, "message_type": message_type, "conversation_id": conversation_id,
        "owner": owner, "to": contact_ref(&contact),
    });
    store.sent.push(message.clone());
    Ok(Reply::ok(&message))
}

/// An admin-initiated conversation with `contact`, its source the message.
fn start_conversation(
    conversations: &mut Conversations,
    ctx: &Ctx,
    message_id: &str,
    contact: &Value,
    subject: Option<&str>,
    text: &str,
    owner: &Value,
) -> String {
    let mut fields = Map::new();
    fields.insert("state".into(), json!("open"));
    fields.insert(
        "source".into(),
        json!({"type": "conversation", "id": message_id, "delivered_as": "admin_initiated",
            "subject": subject.unwrap_or_default(), "body": text, "author": owner,
            "attachments": [], "url": null, "redacted": false}),
    );
    fields.insert(
        "contacts".into(),
        json!({"type": "contact.list", "contacts": [contact_ref(contact)]}),
    );
    fields.insert("admin_assignee_id".into(), owner["id"].clone());
    conversations.seed(Value::Object(fields), ctx.now)
}
