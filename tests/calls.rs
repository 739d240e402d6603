//! Replay tests for the 10 Calls operations of Intercom API 2.16 (calls,
//! their recordings and transcripts, and Fin Voice calls).
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub,
//! answered with `fixtures/calls/<operationId>.json`, or with the file for
//! the two downloads) and checks the decoded values.

mod support;

use futures::TryStreamExt;
use intercom_api::calls::{CallDirection, FinVoiceSource, FinVoiceStatus, RegisterFinVoiceCall};
use intercom_api::models::DateTime;
use intercom_api::{Cursor, Error};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, fixture, invalid_field, ok, spec, stub, stub_json};
use wiremock::ResponseTemplate;

const TRANSCRIPT: &str = "[00:00:03] Teammate 1: \"Hello, thanks for calling. How can I help today?\"\n\
[00:00:09] User: \"I need help recovering access to my account.\"\n";

// operationId: listCalls
#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /calls").query(&[("per_page", "2")]),
            h.client.calls().list().per_page(2),
        )
        .await;
    assert_eq!(page.items.len(), 2);
    assert_eq!((page.total_count, page.total_pages), (Some(27), Some(14)));
    assert_eq!(page.next, Some(Cursor::Page(2)));
    let answered = &page.items[0];
    assert_eq!(answered.id, "8810344");
    assert_eq!(answered.direction, Some(CallDirection::Inbound));
    assert_eq!(answered.initiated_at, Some(DateTime::Unix(1_764_580_010)));
    assert_eq!(
        answered.transcription_url.as_deref(),
        Some("https://api.intercom.io/calls/8810344/transcript")
    );
    // The second call's times are ISO 8601 strings, as the spec allows.
    let missed = &page.items[1];
    assert_eq!(missed.conversation_id, None);
    assert_eq!(missed.answered_at, None);
    assert_eq!(
        missed.ended_at.as_ref().and_then(DateTime::unix_seconds),
        Some(1_764_580_874)
    );
    assert_eq!(missed.ended_reason.as_deref(), Some("no_answer"));
}

#[tokio::test]
async fn list_streams_by_page_number() {
    let h = Harness::start().await;
    stub("GET", "/calls", &[("per_page", "2")])
        .respond_with(ok(fixture("calls/listCalls")))
        .expect(1)
        .mount(&h.server)
        .await;
    let mut last = fixture("calls/listCalls");
    last["data"] = json!([fixture("calls/showCall")]);
    last["pages"]["page"] = json!(14);
    stub("GET", "/calls", &[("per_page", "2"), ("page", "2")])
        .respond_with(ok(last))
        .expect(2)
        .mount(&h.server)
        .await;
    // Page 2 is the 14th of 14 (the list shrank): the stream ends there.
    let ids: Vec<String> = h
        .client
        .calls()
        .list()
        .per_page(2)
        .items()
        .map_ok(|c| c.id)
        .try_collect()
        .await
        .expect("two pages");
    assert_eq!(ids, ["8810344", "8810351", "8810344"]);
    // Resumed from a saved cursor: only the pages from there.
    let rest: Vec<String> = h
        .client
        .calls()
        .list()
        .per_page(2)
        .starting_from(Cursor::Page(2))
        .items()
        .map_ok(|c| c.id)
        .try_collect()
        .await
        .expect("resumed");
    assert_eq!(rest, ["8810344"]);
    h.finish().await;
}

// operationId: showCall
#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let call = h
        .replay(
            expect("GET /calls/8810344"),
            h.client.calls().get("8810344"),
        )
        .await;
    assert_eq!(call.id, "8810344");
    assert_eq!(call.admin_id.as_deref(), Some("991267"));
    assert_eq!(call.state.as_deref(), Some("completed"));
    assert_eq!(call.direction, Some(CallDirection::Outbound));
    assert_eq!(
        call.ended_at.as_ref().and_then(DateTime::unix_seconds),
        Some(1_764_580_391)
    );
    assert_eq!(call.phone.as_deref(), Some("+15551234567"));
    assert_eq!(
        call.fin_recording_url.as_deref(),
        Some("https://api.intercom.io/calls/8810345/recording")
    );
    assert_eq!(call.transcript, None);
}

// operationId: showCallRecording
#[tokio::test]
async fn recording() {
    // The recording lives behind a signed URL on another origin.
    let storage = wiremock::MockServer::start().await;
    let audio = vec![0x49u8, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x21, 0x76];
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::path("/recordings/8810344.mp3"))
        .and(wiremock::matchers::query_param("X-Amz-Signature", "abc123"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(
                    "content-disposition",
                    "attachment; filename=\"call-8810344.mp3\"",
                )
                .set_body_raw(audio.clone(), "audio/mpeg"),
        )
        .expect(1)
        .mount(&storage)
        .await;
    let signed = format!(
        "{}/recordings/8810344.mp3?X-Amz-Signature=abc123",
        storage.uri()
    );
    let h = Harness::start().await;
    let dl = h
        .replay(
            expect("GET /calls/8810344/recording")
                .answer(ResponseTemplate::new(302).insert_header("location", signed.as_str())),
            h.client.calls().recording("8810344"),
        )
        .await;
    assert_eq!(dl.content_type(), Some("audio/mpeg"));
    assert_eq!(dl.filename(), Some("call-8810344.mp3"));
    let mut out = Vec::new();
    assert_eq!(dl.to_writer(&mut out).await.expect("body"), 10);
    assert_eq!(out, audio);
    // The token went to Intercom only, never to the signed URL.
    let sent = h.requests().await;
    assert_eq!(
        support::header_of(&sent[0], "accept"),
        Some("application/octet-stream")
    );
    let fetched = storage.received_requests().await.expect("recorded");
    assert_eq!(fetched.len(), 1);
    assert_eq!(support::header_of(&fetched[0], "authorization"), None);
}

// operationId: showCallTranscript
#[tokio::test]
async fn transcript() {
    let h = Harness::start().await;
    let dl = h
        .replay(
            expect("GET /calls/8810344/transcript").answer(
                ResponseTemplate::new(200)
                    .insert_header(
                        "content-disposition",
                        "attachment; filename=transcription_data-2025-12-01.txt",
                    )
                    .set_body_raw(TRANSCRIPT.as_bytes().to_vec(), "text/plain"),
            ),
            h.client.calls().transcript("8810344"),
        )
        .await;
    assert_eq!(dl.filename(), Some("transcription_data-2025-12-01.txt"));
    let text = dl.text(1 << 20).await.expect("text");
    assert_eq!(text, TRANSCRIPT);
    assert_eq!(text.lines().count(), 2);
    let sent = h.requests().await;
    assert_eq!(support::header_of(&sent[0], "accept"), Some("text/plain"));
}

#[tokio::test]
async fn a_transcript_larger_than_the_limit_is_refused() {
    let h = Harness::start().await;
    stub("GET", "/calls/8810344/transcript", &[])
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(TRANSCRIPT.as_bytes().to_vec(), "text/plain"),
        )
        .mount(&h.server)
        .await;
    let dl = h
        .client
        .calls()
        .transcript("8810344")
        .await
        .expect("headers");
    match dl.text(64).await.unwrap_err() {
        Error::ResponseTooLarge {
            limit,
            content_length,
            ..
        } => assert_eq!((limit, content_length), (64, Some(TRANSCRIPT.len() as u64))),
        other => panic!("expected ResponseTooLarge, got {other:?}"),
    }
    stub("GET", "/calls/8810345/transcript", &[])
        .respond_with(ResponseTemplate::new(200).set_body_raw(vec![0xff, 0xfe, b'a'], "text/plain"))
        .mount(&h.server)
        .await;
    let dl = h
        .client
        .calls()
        .transcript("8810345")
        .await
        .expect("headers");
    assert!(matches!(dl.text(1024).await, Err(Error::Protocol(_))));
}

// operationId: listCallsWithTranscripts
#[tokio::test]
async fn search_with_transcripts() {
    let h = Harness::start().await;
    let calls = h
        .replay(
            expect("POST /calls/search")
                .json(json!({"conversation_ids": ["64619700005694", "64619700005695"]})),
            h.client
                .calls()
                .search_with_transcripts(["64619700005694", "64619700005695"]),
        )
        .await;
    assert_eq!(calls.len(), 2);
    let transcript = calls[0].transcript.as_ref().expect("transcript");
    assert_eq!(transcript.len(), 2);
    assert_eq!(transcript[1]["speaker"], "user");
    assert_eq!(calls[0].transcript_status.as_deref(), Some("completed"));
    assert_eq!(calls[1].transcript.as_deref().map(<[_]>::len), Some(0));
    assert_eq!(calls[1].transcript_status, None);
}

// operationId: registerFinVoiceCall
#[tokio::test]
async fn register_fin_voice() {
    let h = Harness::start().await;
    let call = h
        .replay(
            expect("POST /fin_voice/register").json(json!({
                "phone_number": "+15551234567",
                "call_id": "five9-88231",
                "source": "five9",
                "data": {"queue": "billing", "attempt": 2}
            })),
            h.client.calls().register_fin_voice(
                RegisterFinVoiceCall::new("+15551234567", "five9-88231")
                    .source(FinVoiceSource::Five9)
                    .data("queue", "billing")
                    .data("attempt", 2),
            ),
        )
        .await;
    assert_eq!(call.id, Some(40117));
    assert_eq!(call.status, Some(FinVoiceStatus::Registered));
    assert_eq!(call.intercom_call_id, None);
    assert_eq!(call.external_call_id.as_deref(), Some("five9-88231"));
    assert_eq!(call.call_summary.as_deref(), Some(""));
}

#[tokio::test]
async fn a_registration_is_never_sent_twice() {
    let h = Harness::start().await;
    stub_json(
        "POST",
        "/fin_voice/register",
        &[],
        json!({"phone_number": "+15551234567", "call_id": "zoom-1"}),
    )
    .respond_with(ResponseTemplate::new(503))
    .expect(1)
    .mount(&h.server)
    .await;
    let client = intercom_api::Client::builder()
        .token(support::TOKEN)
        .base_url(h.server.uri())
        .build()
        .expect("client");
    let err = client
        .calls()
        .register_fin_voice(RegisterFinVoiceCall::new("+15551234567", "zoom-1"))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    h.finish().await;
}

// operationId: collectFinVoiceCallById
#[tokio::test]
async fn fin_voice_call() {
    let h = Harness::start().await;
    let call = h
        .replay(
            expect("GET /fin_voice/collect/40117"),
            h.client.calls().fin_voice_call("40117"),
        )
        .await;
    assert_eq!(call.app_id, Some(7319));
    assert_eq!(
        call.status,
        Some(FinVoiceStatus::Unknown("resolved".into()))
    );
    assert_eq!(
        call.intercom_conversation_id.as_deref(),
        Some("64619700005694")
    );
    assert_eq!(call.call_transcript.len(), 2);
    assert_eq!(call.call_transcript[0]["role"], "assistant");
    assert_eq!(call.intent[0]["name"], "billing.invoice_correction");
}

// operationId: collectFinVoiceCallByExternalId
#[tokio::test]
async fn fin_voice_call_by_external_id() {
    let h = Harness::start().await;
    let call = h
        .replay(
            expect("GET /fin_voice/external_id/five9-88231"),
            h.client
                .calls()
                .fin_voice_call_by_external_id("five9-88231"),
        )
        .await;
    assert_eq!(call.id, Some(40117));
    assert_eq!(call.intercom_call_id.as_deref(), Some("8810344"));
}

// operationId: collectFinVoiceCallByPhoneNumber
#[tokio::test]
async fn fin_voice_call_by_phone_number() {
    let h = Harness::start().await;
    let call = h
        .replay(
            // `+` is percent-encoded in the path, as any reserved character.
            expect("GET /fin_voice/phone_number/%2B15551234567"),
            h.client
                .calls()
                .fin_voice_call_by_phone_number("+15551234567"),
        )
        .await;
    assert_eq!(call.status, Some(FinVoiceStatus::InProgress));
    assert_eq!(call.user_phone_number.as_deref(), Some("+15551234567"));
    assert!(call.intent.is_empty());
}

// operationId: collectFinVoiceCallsByConversationId
#[tokio::test]
async fn fin_voice_calls_of_conversation() {
    let h = Harness::start().await;
    let calls = h
        .replay(
            expect("GET /fin_voice/conversation/64619700005694"),
            h.client
                .calls()
                .fin_voice_calls_of_conversation("64619700005694"),
        )
        .await;
    let ids: Vec<_> = calls.iter().map(|c| c.id).collect();
    assert_eq!(ids, [Some(40117), Some(40121)]);
    assert_eq!(
        calls[1].status,
        Some(FinVoiceStatus::Unknown("escalated".into()))
    );
}

#[tokio::test]
async fn documented_limits_are_checked_before_sending() {
    let h = Harness::start().await;
    let calls = h.client.calls();
    let err = calls.list().per_page(26).await.unwrap_err();
    assert_eq!(invalid_field(err), "per_page");
    let none: [&str; 0] = [];
    let err = calls.search_with_transcripts(none).await.unwrap_err();
    assert_eq!(invalid_field(err), "conversation_ids");
    let err = calls
        .search_with_transcripts((0..21).map(|i| i.to_string()))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(err), "conversation_ids");
    let err = calls.search_with_transcripts(["1", " "]).await.unwrap_err();
    assert_eq!(invalid_field(err), "conversation_ids");
    for bad in ["5551234567", "+1 555 123", "+0123", "+1234567890123456"] {
        let err = calls
            .register_fin_voice(RegisterFinVoiceCall::new(bad, "c-1"))
            .await
            .unwrap_err();
        assert_eq!(invalid_field(err), "phone_number", "{bad}");
        let err = calls.fin_voice_call_by_phone_number(bad).await.unwrap_err();
        assert_eq!(invalid_field(err), "phone_number", "{bad}");
    }
    let err = calls
        .register_fin_voice(RegisterFinVoiceCall::new("+15551234567", ""))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(err), "call_id");
    let err = calls.fin_voice_call("ref-1").await.unwrap_err();
    assert_eq!(invalid_field(err), "id");
    let err = calls.transcript("").await.unwrap_err();
    assert_eq!(invalid_field(err), "call_id");
    h.assert_no_requests().await;
}

#[test]
fn requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let c = offline_client();
    let c = c.calls();
    let requests = [
        built(c.list().per_page(25).into_request()),
        built(c.get("8810344")),
        built(c.recording("8810344").into_request()),
        built(c.transcript("8810344").into_request()),
        built(c.search_with_transcripts(["64619700005694"])),
        built(
            c.register_fin_voice(
                RegisterFinVoiceCall::new("+15551234567", "call-123-abc")
                    .source(FinVoiceSource::AwsConnect)
                    .data("key", "value"),
            ),
        ),
        built(c.fin_voice_call("40117")),
        built(c.fin_voice_call_by_external_id("call-123-abc")),
        built(c.fin_voice_call_by_phone_number("+15551234567")),
        built(c.fin_voice_calls_of_conversation("64619700005694")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Calls"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

/// The fake Intercom serves calls, their files and Fin Voice calls with
/// state: a registration is matched to a call and a conversation on its
/// first read, and then shows in the calls list and by conversation.
#[tokio::test]
async fn the_fake_serves_calls_and_matches_fin_voice_calls() {
    use intercom_api::mock::{FAKE_CALL_CONVERSATION_ID, FAKE_CALL_ID, FakeIntercom};
    let fake = FakeIntercom::start().await;
    let client = fake.client().expect("client");
    let calls = client.calls();

    let all: Vec<_> = calls.list().items().try_collect().await.expect("calls");
    assert_eq!(all.len(), 2);
    let recorded = calls.get(FAKE_CALL_ID).await.expect("call");
    assert_eq!(
        recorded.conversation_id.as_deref(),
        Some(FAKE_CALL_CONVERSATION_ID)
    );
    let mut audio = Vec::new();
    let n = calls
        .recording(FAKE_CALL_ID)
        .await
        .expect("redirect followed")
        .to_writer(&mut audio)
        .await
        .expect("audio");
    assert_eq!(n as usize, audio.len());
    assert!(audio.starts_with(b"ID3"));
    let text = calls
        .transcript(FAKE_CALL_ID)
        .await
        .expect("transcript")
        .text(4096)
        .await
        .expect("text");
    assert!(text.contains("recovering access"), "{text}");
    let missed = &all[1];
    let err = calls.recording(&missed.id).await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let found = calls
        .search_with_transcripts([FAKE_CALL_CONVERSATION_ID])
        .await
        .expect("search");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].transcript.as_ref().map(Vec::len), Some(2));

    let registered = calls
        .register_fin_voice(
            RegisterFinVoiceCall::new("+15550001111", "zoom-77").source(FinVoiceSource::ZoomPhone),
        )
        .await
        .expect("registered");
    assert_eq!(registered.status, Some(FinVoiceStatus::Registered));
    let again = calls
        .register_fin_voice(RegisterFinVoiceCall::new("+15550001111", "zoom-77"))
        .await
        .unwrap_err();
    assert_eq!(again.status().map(|s| s.as_u16()), Some(409));

    let matched = calls
        .fin_voice_call_by_external_id("zoom-77")
        .await
        .expect("matched");
    let conversation = matched
        .intercom_conversation_id
        .clone()
        .expect("conversation");
    assert_eq!(matched.id, registered.id);
    assert!(matched.intercom_call_id.is_some());
    let by_phone = calls
        .fin_voice_call_by_phone_number("+15550001111")
        .await
        .expect("by phone");
    assert_eq!(by_phone.intercom_call_id, matched.intercom_call_id);
    let by_id = calls
        .fin_voice_call(&registered.id.expect("id").to_string())
        .await
        .expect("by id");
    assert_eq!(by_id.external_call_id.as_deref(), Some("zoom-77"));
    let of_conversation = calls
        .fin_voice_calls_of_conversation(&conversation)
        .await
        .expect("by conversation");
    assert_eq!(of_conversation.len(), 1);
    let all: Vec<_> = calls.list().items().try_collect().await.expect("calls");
    assert_eq!(all.len(), 3, "the matched call joined the list");
    let err = calls
        .fin_voice_call_by_external_id("nobody")
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_has_the_calls_handle() {
    let h = support::BlockingHarness::start();
    h.mount(
        stub("GET", "/fin_voice/external_id/five9-88231", &[])
            .respond_with(ok(fixture("calls/collectFinVoiceCallByExternalId")))
            .expect(1),
    );
    let client = &h.client;
    let call = client
        .calls()
        .fin_voice_call_by_external_id("five9-88231")
        .send()
        .expect("sent");
    assert_eq!(call.intercom_call_id.as_deref(), Some("8810344"));
    h.mount(
        stub("GET", "/calls/8810344/transcript", &[])
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_raw(TRANSCRIPT.as_bytes().to_vec(), "text/plain"),
            )
            .expect(2),
    );
    let text = client
        .calls()
        .transcript("8810344")
        .send()
        .expect("headers")
        .text(1024)
        .expect("text");
    assert_eq!(text, TRANSCRIPT);
    let small = client
        .calls()
        .transcript("8810344")
        .send()
        .expect("headers");
    assert!(matches!(
        small.text(10),
        Err(Error::ResponseTooLarge { limit: 10, .. })
    ));
    let err = client
        .calls()
        .search_with_transcripts(Vec::<String>::new())
        .send()
        .unwrap_err();
    assert_eq!(invalid_field(err), "conversation_ids");
}
