//! Calls and Fin Voice: the phone calls of the workspace, their recordings
//! and transcripts, and the calls Fin answers through an external telephony
//! provider (AWS Connect, Five9, Zoom Phone).
//!
//! The ten Calls operations of Intercom API 2.16, on [`Calls`]:
//!
//! - calls: [`list`](Calls::list) (pages of at most 25, as a stream),
//!   [`get`](Calls::get), [`search_with_transcripts`](Calls::search_with_transcripts)
//!   (the calls of up to 20 conversations, transcripts included);
//! - files: [`recording`](Calls::recording) (Intercom redirects to a signed
//!   URL, which is followed without the token) and
//!   [`transcript`](Calls::transcript) (plain text), both streamed as a
//!   [`Download`](crate::Download);
//! - Fin Voice: [`register_fin_voice`](Calls::register_fin_voice) links the
//!   provider's call id to Intercom, then read the call back by reference id,
//!   provider call id, phone number or conversation.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use futures::TryStreamExt;
//!
//! let mut calls = std::pin::pin!(client.calls().list().items());
//! while let Some(call) = calls.try_next().await? {
//!     if call.transcription_url.is_some() {
//!         let text = client.calls().transcript(&call.id).await?.text(1 << 20).await?;
//!         println!("{}: {} characters", call.id, text.len());
//!     }
//! }
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{Calls, MAX_PER_PAGE, MAX_SEARCH_CONVERSATIONS, ops};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::models::{DateTime, string_enum};
use crate::resources::common::{require_e164, require_non_empty};
use crate::transport::Request;

/// A JSON object, as the spec leaves transcript entries and intents open.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

string_enum! {
    /// Which way a call went.
    pub enum CallDirection {
        /// The customer called the workspace.
        Inbound = "inbound",
        /// A teammate (or Fin) called the customer.
        Outbound = "outbound",
    }
}

/// A phone call in Intercom (the spec's `call`).
///
/// Every field but `id` may be missing or `null`; times are the spec's
/// `datetime`, a Unix timestamp or an ISO 8601 string (see
/// [`DateTime::unix_seconds`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct VoiceCall {
    /// The call's id.
    #[serde(default)]
    pub id: String,
    /// The conversation the call belongs to, if any.
    #[serde(default)]
    pub conversation_id: Option<String>,
    /// The teammate on the call, if any.
    #[serde(default)]
    pub admin_id: Option<String>,
    /// The contact on the call, if any.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// Where the call is (`completed`, ...; the spec lists no values).
    #[serde(default)]
    pub state: Option<String>,
    /// When the call started ringing.
    #[serde(default)]
    pub initiated_at: Option<DateTime>,
    /// When it was answered.
    #[serde(default)]
    pub answered_at: Option<DateTime>,
    /// When it ended.
    #[serde(default)]
    pub ended_at: Option<DateTime>,
    /// When Intercom created the record.
    #[serde(default)]
    pub created_at: Option<DateTime>,
    /// When the record last changed.
    #[serde(default)]
    pub updated_at: Option<DateTime>,
    /// The API URL of the recording, when there is one (see
    /// [`Calls::recording`]).
    #[serde(default)]
    pub recording_url: Option<String>,
    /// The API URL of the transcript, when there is one (see
    /// [`Calls::transcript`]).
    #[serde(default)]
    pub transcription_url: Option<String>,
    /// The kind of call (`phone`, ...).
    #[serde(default)]
    pub call_type: Option<String>,
    /// Which way the call went.
    #[serde(default)]
    pub direction: Option<CallDirection>,
    /// Why the call ended, when known (`answered`, `completed`, ...).
    #[serde(default)]
    pub ended_reason: Option<String>,
    /// The customer's phone number (E.164), when known.
    #[serde(default)]
    pub phone: Option<String>,
    /// The API URL of Fin's part of the recording, when Fin took the call.
    #[serde(default)]
    pub fin_recording_url: Option<String>,
    /// The API URL of Fin's part of the transcript, when Fin took the call.
    #[serde(default)]
    pub fin_transcription_url: Option<String>,
    /// The transcript entries, in
    /// [`search_with_transcripts`](Calls::search_with_transcripts) answers
    /// only (empty when there is none yet). The spec leaves their shape open.
    #[serde(default)]
    pub transcript: Option<Vec<JsonObject>>,
    /// Where the transcript is (`completed`, ...), in
    /// [`search_with_transcripts`](Calls::search_with_transcripts) answers
    /// only.
    #[serde(default)]
    pub transcript_status: Option<String>,
}

string_enum! {
    /// The telephony provider a Fin Voice call came through.
    pub enum FinVoiceSource {
        /// Amazon Connect (what Intercom assumes when none is sent).
        AwsConnect = "aws_connect",
        /// Five9.
        Five9 = "five9",
        /// Zoom Phone.
        ZoomPhone = "zoom_phone",
    }
}

string_enum! {
    /// Where a Fin Voice call is. After `in-progress`, Intercom reports how
    /// the call was resolved, with values the spec does not list (kept in
    /// `Unknown`).
    pub enum FinVoiceStatus {
        /// Registered, not matched to an Intercom call yet.
        Registered = "registered",
        /// Fin is on the call.
        InProgress = "in-progress",
    }
}

/// A Fin Voice call: the link between a provider's call and Intercom's call
/// and conversation (the spec's `ai_call_response`).
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct FinVoiceCall {
    /// The reference id, for [`Calls::fin_voice_call`].
    #[serde(default)]
    pub id: Option<i64>,
    /// The workspace's id.
    #[serde(default)]
    pub app_id: Option<i64>,
    /// The caller's phone number (E.164).
    #[serde(default)]
    pub user_phone_number: Option<String>,
    /// Where the call is.
    #[serde(default)]
    pub status: Option<FinVoiceStatus>,
    /// Intercom's call id, once the call is matched.
    #[serde(default)]
    pub intercom_call_id: Option<String>,
    /// The provider's call id, as registered.
    #[serde(default)]
    pub external_call_id: Option<String>,
    /// Intercom's conversation id, once one was created.
    #[serde(default)]
    pub intercom_conversation_id: Option<String>,
    /// The transcript entries (the spec leaves their shape open).
    #[serde(default, deserialize_with = "crate::models::null_as_default")]
    pub call_transcript: Vec<JsonObject>,
    /// A summary of the call, at most 256 characters; empty when there is
    /// none.
    #[serde(default)]
    pub call_summary: Option<String>,
    /// The intents Fin recognised (the spec leaves their shape open).
    #[serde(default, deserialize_with = "crate::models::null_as_default")]
    pub intent: Vec<JsonObject>,
}

/// The body of [`Calls::register_fin_voice`]: the caller's phone number and
/// the provider's call id, with the provider and any metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RegisterFinVoiceCall {
    /// The caller's phone number, E.164 (`+` and 8 to 15 digits).
    pub phone_number: String,
    /// The provider's call id.
    pub call_id: String,
    /// The provider; Intercom assumes AWS Connect when it is not sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<FinVoiceSource>,
    /// Metadata about the call, kept with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<JsonObject>,
}

impl RegisterFinVoiceCall {
    /// Register call `call_id` of the provider, from `phone_number` (E.164).
    pub fn new(phone_number: impl Into<String>, call_id: impl Into<String>) -> Self {
        RegisterFinVoiceCall {
            phone_number: phone_number.into(),
            call_id: call_id.into(),
            source: None,
            data: None,
        }
    }

    /// The provider the call came through.
    pub fn source(mut self, source: FinVoiceSource) -> Self {
        self.source = Some(source);
        self
    }

    /// Add one metadata entry.
    pub fn data(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.data
            .get_or_insert_with(JsonObject::new)
            .insert(key.into(), value.into());
        self
    }
}

fn register_body(
    request: Request<FinVoiceCall>,
    call: RegisterFinVoiceCall,
) -> Result<Request<FinVoiceCall>, Error> {
    require_e164("phone_number", &call.phone_number)?;
    require_non_empty("call_id", &call.call_id)?;
    request.json(&call)
}

fn phone_number_path(
    request: Request<FinVoiceCall>,
    phone_number: &str,
) -> Result<Request<FinVoiceCall>, Error> {
    require_e164("phone_number", phone_number)?;
    Ok(request)
}

fn search_body<T>(
    request: Request<T>,
    conversation_ids: impl IntoIterator<Item = impl Into<String>>,
) -> Result<Request<T>, Error> {
    let conversation_ids: Vec<String> = conversation_ids.into_iter().map(Into::into).collect();
    if conversation_ids.is_empty() || conversation_ids.len() > MAX_SEARCH_CONVERSATIONS {
        return Err(Error::invalid(
            "conversation_ids",
            format!(
                "{} given: Intercom takes 1 to {MAX_SEARCH_CONVERSATIONS}",
                conversation_ids.len()
            ),
        ));
    }
    if conversation_ids.iter().any(|id| id.trim().is_empty()) {
        return Err(Error::invalid("conversation_ids", "an id is empty"));
    }
    #[derive(Serialize)]
    struct Body<'a> {
        conversation_ids: &'a [String],
    }
    request.json(&Body {
        conversation_ids: &conversation_ids,
    })
}

/// A transcript is plain text, not a file: ask for it as such.
fn plain_text<T>(request: Request<T>) -> Result<Request<T>, Error> {
    Ok(request.accept("text/plain"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fin_voice_call_tolerates_nulls_and_new_statuses() {
        let c: FinVoiceCall = serde_json::from_str(
            r#"{"id": 7, "status": "resolved_by_fin", "call_transcript": null, "intent": null, "extra": 1}"#,
        )
        .expect("decode");
        assert_eq!(c.id, Some(7));
        assert_eq!(
            c.status,
            Some(FinVoiceStatus::Unknown("resolved_by_fin".into()))
        );
        assert!(c.call_transcript.is_empty() && c.intent.is_empty());
    }
}
