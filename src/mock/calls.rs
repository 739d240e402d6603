//! Calls and Fin Voice calls.
//!
//! The workspace has two calls from the start: [`FAKE_CALL_ID`], answered,
//! with a recording and a transcript, in conversation
//! [`FAKE_CALL_CONVERSATION_ID`]; and a missed call with neither. `GET
//! /calls` pages them by number (at most 25 per page).
//!
//! A recording is served as Intercom does: `302` to a signed URL (here on
//! the fake itself, `/calls/{id}/recording.mp3?signature=…`), which answers
//! the audio bytes. A transcript is `text/plain`. `POST /calls/search`
//! takes 1 to 20 conversation ids (`400 conversation_id_limit_exceeded`
//! otherwise).
//!
//! `POST /fin_voice/register` records a Fin Voice call as `registered`
//! (`400` without `phone_number` or `call_id`, `409` for a `call_id`
//! registered before). Like a real call, it is matched to an Intercom call
//! and conversation after a while: here on its first read by reference id,
//! provider id or phone number, which also adds the call to `GET /calls`.
//! Reading by conversation lists the matched calls only.

use serde_json::{Map, Value, json};

use super::paging::numbered_page;
use super::reply::{Ctx, Reply};
use super::request::{Incoming, text_field};

type Answer = Result<Reply, Reply>;

/// The built-in call with a recording and a transcript.
pub const FAKE_CALL_ID: &str = "1001";
/// The conversation of [`FAKE_CALL_ID`].
pub const FAKE_CALL_CONVERSATION_ID: &str = "7700001";

/// The fake's workspace id as the integer `app_id` of Fin Voice answers.
const APP_ID: i64 = 7_319;
const MAX_PER_PAGE: usize = 25;
const MAX_SEARCH_IDS: usize = 20;
/// A few bytes that start like an MP3 file (an ID3 header).
const RECORDING: &[u8] = b"ID3\x04\x00\x00\x00\x00\x00\x00fake-intercom-recording";

/// One call.
#[derive(Debug, Clone)]
struct Call {
    id: String,
    conversation_id: Option<String>,
    phone: String,
    state: &'static str,
    direction: &'static str,
    initiated_at: i64,
    answered_at: Option<i64>,
    ended_at: i64,
    /// The transcript, one `(speaker, text)` a line; empty when none.
    transcript: Vec<(String, String)>,
    recorded: bool,
}

/// One registered Fin Voice call.
#[derive(Debug, Clone)]
struct FinVoice {
    id: i64,
    phone_number: String,
    external_call_id: String,
    /// The call it was matched to, once matched (its conversation is the
    /// call's).
    call_id: Option<String>,
}

/// The workspace's calls and Fin Voice registrations.
#[derive(Debug)]
pub(crate) struct Calls {
    calls: Vec<Call>,
    fin_voice: Vec<FinVoice>,
    next: u64,
}

impl Default for Calls {
    fn default() -> Self {
        let at = 1_764_580_010;
        Calls {
            calls: vec![
                Call {
                    id: FAKE_CALL_ID.to_owned(),
                    conversation_id: Some(FAKE_CALL_CONVERSATION_ID.to_owned()),
                    phone: "+15551234567".to_owned(),
                    state: "completed",
                    direction: "inbound",
                    initiated_at: at,
                    answered_at: Some(at + 6),
                    ended_at: at + 381,
                    transcript: vec![
                        (
                            "Teammate 1".into(),
                            "Hello, thanks for calling. How can I help today?".into(),
                        ),
                        (
                            "User".into(),
                            "I need help recovering access to my account.".into(),
                        ),
                    ],
                    recorded: true,
                },
                Call {
                    id: "1002".to_owned(),
                    conversation_id: None,
                    phone: "+442071838750".to_owned(),
                    state: "missed",
                    direction: "inbound",
                    initiated_at: at + 3_600,
                    answered_at: None,
                    ended_at: at + 3_630,
                    transcript: Vec::new(),
                    recorded: false,
                },
            ],
            fin_voice: Vec::new(),
            next: 1,
        }
    }
}

impl Call {
    fn view(&self) -> Value {
        let url = |what: &str| format!("https://api.intercom.io/calls/{}/{what}", self.id);
        json!({
            "type": "call",
            "id": self.id,
            "conversation_id": self.conversation_id,
            "admin_id": null,
            "contact_id": null,
            "state": self.state,
            "initiated_at": self.initiated_at,
            "answered_at": self.answered_at,
            "ended_at": self.ended_at,
            "created_at": self.initiated_at,
            "updated_at": self.ended_at,
            "recording_url": self.recorded.then(|| url("recording")),
            "transcription_url": (!self.transcript.is_empty()).then(|| url("transcript")),
            "call_type": "phone",
            "direction": self.direction,
            "ended_reason": if self.answered_at.is_some() { "completed" } else { "no_answer" },
            "phone": self.phone,
        })
    }

    fn transcript_text(&self) -> String {
        let mut out = String::new();
        for (i, (who, text)) in self.transcript.iter().enumerate() {
            let secs = 3 + 6 * i;
            out.push_str(&format!(
                "[00:{:02}:{:02}] {who}: \"{text}\"\n",
                secs / 60,
                secs % 60
            ));
        }
        out
    }
}

impl FinVoice {
    /// The call it was matched to, if any.
    fn call<'a>(&self, calls: &'a [Call]) -> Option<&'a Call> {
        let id = self.call_id.as_ref()?;
        calls.iter().find(|c| &c.id == id)
    }

    fn view(&self, calls: &[Call]) -> Value {
        let call = self.call(calls);
        let transcript: Vec<Value> = call
            .map(|c| {
                c.transcript
                    .iter()
                    .map(|(who, text)| json!({"role": who, "content": text}))
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "id": self.id,
            "app_id": APP_ID,
            "user_phone_number": self.phone_number,
            "status": if call.is_some() { "resolved" } else { "registered" },
            "intercom_call_id": self.call_id,
            "external_call_id": self.external_call_id,
            "intercom_conversation_id": call.and_then(|c| c.conversation_id.as_deref()),
            "call_transcript": transcript,
            "call_summary": if call.is_some() { "The caller asked about an invoice; Fin answered." } else { "" },
            "intent": if call.is_some() { json!([{"name": "billing"}]) } else { json!([]) },
        })
    }
}

/// Serve `/calls…` and `/fin_voice/…`, or `None` for another route.
pub(crate) fn route(store: &mut Calls, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match (req.method, req.segs().as_slice()) {
        ("GET", ["calls"]) => {
            let items = store.calls.iter().map(Call::view).collect();
            numbered_page(ctx, req, "list", "data", items, MAX_PER_PAGE, MAX_PER_PAGE)
        }
        ("POST", ["calls", "search"]) => search(store, ctx, req),
        ("GET", ["calls", id]) => find(store, ctx, id).map(|c| Reply::ok(&c.view())),
        ("GET", ["calls", id, "recording"]) => find(store, ctx, id).and_then(|c| {
            if !c.recorded {
                return Err(ctx.error(404, "not_found", "Recording Not Found"));
            }
            let signed = format!("/calls/{}/recording.mp3?signature={}", c.id, ctx.request_id);
            Ok(Reply::bytes(302, "text/plain", Vec::new()).header("location", signed))
        }),
        ("GET", ["calls", id, "recording.mp3"]) => find(store, ctx, id).and_then(|c| {
            if !c.recorded || req.query("signature").is_none() {
                return Err(ctx.error(404, "not_found", "Recording Not Found"));
            }
            Ok(Reply::bytes(200, "audio/mpeg", RECORDING.to_vec()).header(
                "content-disposition",
                format!("attachment; filename=\"call-{}.mp3\"", c.id),
            ))
        }),
        ("GET", ["calls", id, "transcript"]) => find(store, ctx, id).and_then(|c| {
            if c.transcript.is_empty() {
                return Err(ctx.error(404, "not_found", "Not Found"));
            }
            Ok(
                Reply::bytes(200, "text/plain", c.transcript_text().into_bytes()).header(
                    "content-disposition",
                    format!("attachment; filename=transcription_data-{}.txt", c.id),
                ),
            )
        }),
        ("POST", ["fin_voice", "register"]) => register(store, ctx, req),
        ("GET", ["fin_voice", "collect", id]) => {
            let id = id.parse::<i64>().ok();
            collect(store, ctx, |f| Some(f.id) == id)
        }
        ("GET", ["fin_voice", "external_id", id]) => {
            collect(store, ctx, |f| f.external_call_id == *id)
        }
        ("GET", ["fin_voice", "phone_number", phone]) => {
            collect(store, ctx, |f| f.phone_number == *phone)
        }
        ("GET", ["fin_voice", "conversation", id]) => {
            let matched: Vec<Value> = store
                .fin_voice
                .iter()
                .filter(|f| {
                    f.call(&store.calls)
                        .is_some_and(|c| c.conversation_id.as_deref() == Some(*id))
                })
                .map(|f| f.view(&store.calls))
                .collect();
            Ok(Reply::ok(&Value::Array(matched)))
        }
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}

fn find<'a>(store: &'a Calls, ctx: &Ctx, id: &str) -> Result<&'a Call, Reply> {
    store
        .calls
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| ctx.error(404, "not_found", "Not Found"))
}

fn search(store: &Calls, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body = req.object(ctx)?;
    let ids: Vec<String> = body
        .get("conversation_ids")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    if ids.is_empty() || ids.len() > MAX_SEARCH_IDS {
        return Err(ctx.error(
            400,
            "conversation_id_limit_exceeded",
            "A list of up to 20 conversation IDs is required",
        ));
    }
    let data: Vec<Value> = store
        .calls
        .iter()
        .filter(|c| {
            c.conversation_id
                .as_ref()
                .is_some_and(|id| ids.contains(id))
        })
        .map(|c| {
            let mut view = c.view();
            let lines: Vec<Value> = c
                .transcript
                .iter()
                .map(|(who, text)| json!({"speaker": who, "text": text}))
                .collect();
            view["transcript_status"] = if lines.is_empty() {
                Value::Null
            } else {
                json!("completed")
            };
            view["transcript"] = Value::Array(lines);
            view
        })
        .collect();
    Ok(Reply::ok(&json!({"type": "list", "data": data})))
}

fn register(store: &mut Calls, ctx: &Ctx, req: &Incoming<'_>) -> Answer {
    let body: Map<String, Value> = req.object(ctx)?;
    let required = |key: &str| {
        text_field(&body, key)
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| {
                ctx.field_error(
                    400,
                    "parameter_not_found",
                    key,
                    format!("{key} is required"),
                )
            })
    };
    let (phone_number, call_id) = (required("phone_number")?, required("call_id")?);
    if let Some(source) = body.get("source").filter(|v| !v.is_null()) {
        if !matches!(
            source.as_str(),
            Some("five9" | "zoom_phone" | "aws_connect")
        ) {
            return Err(ctx.invalid("source", "source must be five9, zoom_phone or aws_connect"));
        }
    }
    if store
        .fin_voice
        .iter()
        .any(|f| f.external_call_id == call_id)
    {
        return Err(ctx.error(409, "conflict", "This call is already registered"));
    }
    let id = i64::try_from(40_000 + store.next).unwrap_or(i64::MAX);
    store.next += 1;
    let registered = FinVoice {
        id,
        phone_number,
        external_call_id: call_id,
        call_id: None,
    };
    let view = registered.view(&store.calls);
    store.fin_voice.push(registered);
    Ok(Reply::ok(&view))
}

/// The latest registration `pick` accepts, matched to a call first if it
/// was not yet.
fn collect(store: &mut Calls, ctx: &Ctx, pick: impl Fn(&FinVoice) -> bool) -> Answer {
    let Some(at) = store.fin_voice.iter().rposition(pick) else {
        return Err(ctx.error(404, "not_found", "External reference not found"));
    };
    if store.fin_voice[at].call_id.is_none() {
        let n = store.next;
        store.next += 1;
        let call = Call {
            id: (5_000 + n).to_string(),
            conversation_id: Some((7_800_000 + n).to_string()),
            phone: store.fin_voice[at].phone_number.clone(),
            state: "completed",
            direction: "inbound",
            initiated_at: ctx.now - 300,
            answered_at: Some(ctx.now - 299),
            ended_at: ctx.now,
            transcript: vec![
                ("Fin".into(), "Hi, this is Fin. How can I help?".into()),
                ("User".into(), "I have a question about my invoice.".into()),
            ],
            recorded: true,
        };
        store.fin_voice[at].call_id = Some(call.id.clone());
        store.calls.push(call);
    }
    Ok(Reply::ok(&store.fin_voice[at].view(&store.calls)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_transcript_reads_as_intercom_writes_it() {
        let calls = Calls::default();
        let text = calls.calls[0].transcript_text();
        assert!(text.starts_with("[00:00:03] Teammate 1: \"Hello"), "{text}");
        assert_eq!(text.lines().count(), 2);
    }
}
