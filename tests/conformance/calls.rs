//! Calls (10 operations): calls, recordings, transcripts, Fin Voice.

use intercom_api::Error;
use intercom_api::calls::{FinVoiceSource, RegisterFinVoiceCall};

use crate::{check, prism};

#[tokio::test]
async fn calls() {
    let Some(c) = prism() else { return };
    let calls = c.calls();
    let page = check(calls.list().per_page(25)).await;
    assert_eq!(page.total_pages, Some(0));
    let call = check(calls.get("123")).await;
    assert_eq!(call.id, "123");
    let found = check(calls.search_with_transcripts(["64619700005694"])).await;
    assert_eq!(found[0].transcript_status.as_deref(), Some("completed"));
    // Prism answers text/plain only: an octet-stream Accept gets a 406.
    let transcript = check(calls.transcript("123")).await;
    let text = transcript.text(64 * 1024).await.expect("transcript text");
    assert!(text.starts_with("[00:00:03] Teammate 1:"), "{text}");
}

/// Prism answers the recording with the declared 302, to a made-up
/// `http://example.com`: the request conformed, and the download refuses to
/// follow a plain-http redirect off the API's origin.
#[tokio::test]
async fn call_recording() {
    let Some(c) = prism() else { return };
    match c.calls().recording("123").await {
        Err(Error::Protocol(msg)) => assert!(msg.contains("plain-http"), "{msg}"),
        other => panic!("showCallRecording: expected the refused redirect, got {other:?}"),
    }
}

#[tokio::test]
async fn fin_voice() {
    let Some(c) = prism() else { return };
    let calls = c.calls();
    let registered = check(
        calls.register_fin_voice(
            RegisterFinVoiceCall::new("+15551234567", "call-123-abc")
                .source(FinVoiceSource::AwsConnect)
                .data("queue", "billing"),
        ),
    )
    .await;
    assert_eq!(registered.id, Some(12345));
    check(calls.fin_voice_call("12345")).await;
    check(calls.fin_voice_call_by_external_id("call-123-abc")).await;
    let of_conversation = check(calls.fin_voice_calls_of_conversation("5678")).await;
    assert_eq!(of_conversation.len(), 1);
}

/// GET /fin_voice/phone_number/{phone_number} declares no 200 answer, so
/// Prism accepts the request and answers 200 with the 401 example (an
/// `error.list`), which decodes as a call with no field set. When the spec
/// gains its 200, the call decodes with an id and this test says so.
#[tokio::test]
async fn fin_voice_by_phone_number() {
    let Some(c) = prism() else { return };
    let call = check(c.calls().fin_voice_call_by_phone_number("+15551234567")).await;
    assert_eq!(
        call.id, None,
        "the spec may now declare the 200 answer: check the decoded call"
    );
}
