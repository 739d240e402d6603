//! Replay tests for the 3 Fin Agent operations of Intercom API 2.16.

mod support;

use intercom_api::fin_agent::{
    CsatRating, FinAttachment, FinAuthor, FinCsat, FinMessage, FinStatus, FinUser, ReplyFin,
    StartFin,
};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, spec};

fn ada() -> FinUser {
    FinUser::new("user-42")
        .name("Ada")
        .email("ada@example.com")
        .attribute("plan", "pro")
}

// operationId: startFinConversation
#[tokio::test]
async fn start() {
    let h = Harness::start().await;
    let started = h
        .replay(
            expect("POST /fin/start").json(json!({
                "conversation_id": "conv-8812",
                "message": {"author": "user", "body": "It still has not arrived", "timestamp": "2026-04-12T09:31:10Z"},
                "user": {"id": "user-42", "name": "Ada", "email": "ada@example.com", "attributes": {"plan": "pro"}},
                "attachments": [{"type": "url", "url": "https://cdn.example.com/receipt.png"}],
                "conversation_metadata": {
                    "history": [{"author": "user", "body": "Where is my parcel?", "timestamp": "2026-04-12T09:30:00Z"},
                                {"author": "agent", "body": "Let me check", "timestamp": "2026-04-12T09:30:30Z", "timestamp_ms": "2026-04-12T09:30:30.250Z"}],
                    "attributes": {"order_id": "ORD-2026-0412"}
                }
            })),
            h.client.fin_agent().start(
                StartFin::new(
                    "conv-8812",
                    FinMessage::user("It still has not arrived", "2026-04-12T09:31:10Z"),
                    ada(),
                )
                .attachment(FinAttachment::url("https://cdn.example.com/receipt.png"))
                .history(FinMessage::user("Where is my parcel?", "2026-04-12T09:30:00Z"))
                .history(
                    FinMessage::new(FinAuthor::Agent, "Let me check", "2026-04-12T09:30:30Z")
                        .timestamp_ms("2026-04-12T09:30:30.250Z"),
                )
                .conversation_attribute("order_id", "ORD-2026-0412"),
            ),
        )
        .await;
    assert_eq!(started.conversation_id.as_deref(), Some("conv-8812"));
    assert_eq!(started.user_id.as_deref(), Some("user-42"));
    assert_eq!(started.status, Some(FinStatus::Thinking));
    let errors = started.errors.expect("errors");
    assert_eq!(errors.user["plan_tier"], "Unknown attribute");
    assert!(errors.conversation.is_empty());
    assert!(
        started
            .sse_subscription_url
            .is_some_and(|u| u.starts_with("https://"))
    );
}

// operationId: replyToFin
#[tokio::test]
async fn reply() {
    let h = Harness::start().await;
    let replied = h
        .replay(
            expect("POST /fin/reply").json(json!({
                "conversation_id": "conv-8812",
                "message": {"author": "user", "body": "ORD-2026-0412", "timestamp": "2026-04-12T09:32:40Z"},
                "user": {"id": "user-42"},
                "attachments": [{"type": "file", "name": "label.txt", "content_type": "text/plain", "data": "T1JELTIwMjY="}]
            })),
            h.client.fin_agent().reply(
                ReplyFin::new(
                    "conv-8812",
                    FinMessage::user("ORD-2026-0412", "2026-04-12T09:32:40Z"),
                    FinUser::new("user-42"),
                )
                .attachment(FinAttachment::file("label.txt", "text/plain", "T1JELTIwMjY=")),
            ),
        )
        .await;
    assert_eq!(replied.status, Some(FinStatus::Thinking));
    assert!(replied.errors.is_none());
    assert_eq!(
        replied.created_at_ms.as_deref(),
        Some("2026-04-12T09:32:40.917Z")
    );
}

// operationId: submitFinCsat
#[tokio::test]
async fn submit_csat() {
    let h = Harness::start().await;
    let rated = h
        .replay(
            expect("POST /fin/csat").json(json!({
                "conversation_id": "conv-8812", "rating": "good", "remark": "Quick answer"
            })),
            h.client
                .fin_agent()
                .submit_csat(FinCsat::new("conv-8812", CsatRating::Good).remark("Quick answer")),
        )
        .await;
    assert_eq!(rated.rating, Some(CsatRating::Good));
    assert_eq!(rated.status.as_deref(), Some("rated"));
}

#[tokio::test]
async fn documented_limits_are_checked_before_sending() {
    let h = Harness::start().await;
    let fin = h.client.fin_agent();
    let msg = || FinMessage::user("Hi", "2026-04-12T09:30:00Z");
    let mut eleven = StartFin::new("c", msg(), FinUser::new("u"));
    for _ in 0..11 {
        eleven = eleven.history(msg());
    }
    let mut too_many = StartFin::new("c", msg(), FinUser::new("u"));
    for _ in 0..11 {
        too_many = too_many.attachment(FinAttachment::url("https://x.example.com/a"));
    }
    let cases: Vec<(StartFin, &str)> = vec![
        (
            StartFin::new(" ", msg(), FinUser::new("u")),
            "conversation_id",
        ),
        (
            StartFin::new(
                "c",
                FinMessage::user("", "2026-04-12T09:30:00Z"),
                FinUser::new("u"),
            ),
            "message.body",
        ),
        (
            StartFin::new(
                "c",
                FinMessage::user("Hi", "12/04/2026 09:30"),
                FinUser::new("u"),
            ),
            "message.timestamp",
        ),
        (
            StartFin::new("c", msg().timestamp_ms("soon"), FinUser::new("u")),
            "message.timestamp_ms",
        ),
        (StartFin::new("c", msg(), FinUser::new("")), "user.id"),
        (
            StartFin::new("c", msg(), FinUser::new("u").email("ada")),
            "user.email",
        ),
        (eleven, "conversation_metadata.history"),
        (too_many, "attachments"),
        (
            StartFin::new("c", msg(), FinUser::new("u")).attachment(FinAttachment::url("ftp://x")),
            "attachments[0].url",
        ),
        (
            StartFin::new("c", msg(), FinUser::new("u")).attachment(FinAttachment::file(
                "",
                "text/plain",
                "QQ==",
            )),
            "attachments[0].name",
        ),
        (
            StartFin::new("c", msg(), FinUser::new("u")).attachment(FinAttachment::file(
                "a.txt",
                "text/plain",
                "not base64!",
            )),
            "attachments[0].data",
        ),
        (
            StartFin::new("c", msg(), FinUser::new("u"))
                .history(FinMessage::user("", "2026-04-12T09:30:00Z")),
            "conversation_metadata.history[0].body",
        ),
    ];
    for (body, field) in cases {
        let err = fin.start(body.clone()).await.expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    let err = fin
        .reply(ReplyFin::new(
            "c",
            FinMessage::user("Hi", "yesterday"),
            FinUser::new("u"),
        ))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "message.timestamp");
    let err = fin
        .submit_csat(FinCsat::new("", CsatRating::Ok))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "conversation_id");
    let err = fin
        .submit_csat(FinCsat::new("c", CsatRating::from("meh")))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "rating");
    let err = fin
        .submit_csat(FinCsat::new("c", CsatRating::Ok).remark(" "))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "remark");
    h.assert_no_requests().await;
}

#[test]
fn only_the_rating_is_retried() {
    for op in intercom_api::fin_agent::ops::ALL {
        // Intercom documents a repeated rating as a no-op, safe to retry;
        // a repeated start or reply would reach Fin twice.
        assert_eq!(op.idempotent, op.id == "submitFinCsat", "{}", op.id);
        assert!(!op.paged);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let fin = client.fin_agent();
    let requests = [
        built(fin.start(StartFin::new(
            "conv-1",
            FinMessage::user("Hi", "2026-04-12T09:30:00Z"),
            FinUser::new("u1"),
        ))),
        built(
            fin.start(
                StartFin::new(
                    "conv-1",
                    FinMessage::user("Hi", "2026-04-12T09:30:00Z"),
                    ada(),
                )
                .attachment(FinAttachment::file("a.txt", "text/plain", "QQ=="))
                .history(FinMessage::new(
                    FinAuthor::Fin,
                    "Hello",
                    "2026-04-12T09:29:00Z",
                ))
                .conversation_attribute("order_id", "ORD-1"),
            ),
        ),
        built(
            fin.reply(
                ReplyFin::new(
                    "conv-1",
                    FinMessage::user("Yes", "2026-04-12T09:31:00Z"),
                    FinUser::new("u1"),
                )
                .attachment(FinAttachment::url("https://cdn.example.com/a.png")),
            ),
        ),
        built(fin.submit_csat(FinCsat::new("conv-1", CsatRating::Amazing))),
        built(fin.submit_csat(FinCsat::new("conv-1", CsatRating::Bad).remark("Slow"))),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Fin Agent"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}
