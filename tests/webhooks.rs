//! Webhook signatures, notification parsing, the replay guard, and the
//! example server (included from `examples/webhook_server.rs`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use intercom_api::webhooks::{
    self, ParseError, ReplayError, ReplayGuard, SIGNATURE_HEADER, Topic, Verifier, VerifyError,
    WebhookError,
};
use intercom_api::{Clock, Sleep};
use proptest::prelude::*;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderValue};
use secrecy::{SecretSlice, SecretString};

#[allow(dead_code)]
#[path = "../examples/webhook_server.rs"]
mod webhook_server;

const SECRET: &str = "client-secret-abc123";

fn secret() -> SecretString {
    SecretString::from(SECRET)
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/fixtures/webhooks/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

// ---------------------------------------------------------------------------
// Known-answer vectors, computed independently with Python's `hmac` module.
// ---------------------------------------------------------------------------

#[test]
fn kat_rfc2202_case_2() {
    // python3 -c "import hmac,hashlib;print(hmac.new(b'Jefe',b'what do ya want for nothing?',hashlib.sha1).hexdigest())"
    // -> effcdf6ae5eb2fa2d27416d5f184df9c259a7c79  (also RFC 2202, test case 2)
    let key = SecretString::from("Jefe");
    let body = b"what do ya want for nothing?";
    let expected = "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";
    assert_eq!(webhooks::sign(&key, body), expected);
    assert_eq!(webhooks::verify(&key, body, expected), Ok(()));
}

#[test]
fn kat_small_notification() {
    // python3 -c "import hmac,hashlib;print(hmac.new(b'client-secret-abc123',b'{\"type\":\"notification_event\",\"topic\":\"ping\"}',hashlib.sha1).hexdigest())"
    // -> 1433402abcbc1e1ed0e5b9f5b87b2244b74f670a
    let body = br#"{"type":"notification_event","topic":"ping"}"#;
    let expected = "sha1=1433402abcbc1e1ed0e5b9f5b87b2244b74f670a";
    assert_eq!(webhooks::sign(&secret(), body), expected);
    assert_eq!(webhooks::verify(&secret(), body, expected), Ok(()));
}

#[test]
fn kat_fixture_files_raw_bytes() {
    // for f in ping contact.user.created conversation.admin.closed ticket.created; do
    //   python3 -c "import hmac,hashlib,sys;print(sys.argv[1], hmac.new(b'client-secret-abc123',open('fixtures/webhooks/'+sys.argv[1]+'.json','rb').read(),hashlib.sha1).hexdigest())" $f
    // done
    // The fixtures keep their tabs, spaces and trailing newline: the signature
    // is over those exact bytes.
    let vectors = [
        ("ping", "b24751772f0a3d6993c48ea9436dbed30c6c1089"),
        (
            "contact.user.created",
            "c38458f901369b047606b9aa4a5cf5a60b153bb3",
        ),
        (
            "conversation.admin.closed",
            "93d145295ab55432b067dba17de0334a3b76e904",
        ),
        ("ticket.created", "e1e1663c35eed26dac70c8b0ccb084fa99879dfb"),
    ];
    for (name, hex) in vectors {
        let body = fixture(name);
        let header = format!("sha1={hex}");
        assert_eq!(webhooks::sign(&secret(), &body), header, "{name}");
        assert_eq!(
            webhooks::verify(&secret(), &body, &header),
            Ok(()),
            "{name}"
        );
        // Re-serializing the JSON (what many handlers do by mistake) breaks it.
        let reserialized: serde_json::Value = serde_json::from_slice(&body).expect("json");
        let compact = serde_json::to_vec(&reserialized).expect("json");
        assert_eq!(
            webhooks::verify(&secret(), &compact, &header),
            Err(VerifyError::Mismatch),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------
// Signature failures
// ---------------------------------------------------------------------------

const BODY: &[u8] = br#"{"type":"notification_event","topic":"ping"}"#;
const GOOD: &str = "sha1=1433402abcbc1e1ed0e5b9f5b87b2244b74f670a";

#[test]
fn upper_case_hex_and_whitespace_are_accepted() {
    let upper = format!("sha1={}", GOOD["sha1=".len()..].to_ascii_uppercase());
    assert_eq!(webhooks::verify(&secret(), BODY, &upper), Ok(()));
    assert_eq!(
        webhooks::verify(&secret(), BODY, &format!("  {GOOD} ")),
        Ok(())
    );
    assert_eq!(
        webhooks::verify(&secret(), BODY, &GOOD.replace("sha1", "SHA1")),
        Ok(())
    );
}

#[test]
fn tampered_body_is_refused() {
    let tampered = br#"{"type":"notification_event","topic":"pinG"}"#;
    assert_eq!(
        webhooks::verify(&secret(), tampered, GOOD),
        Err(VerifyError::Mismatch)
    );
    assert_eq!(
        webhooks::verify(&secret(), b"", GOOD),
        Err(VerifyError::Mismatch)
    );
}

#[test]
fn tampered_signature_is_refused() {
    let mut sig = GOOD.to_owned();
    sig.replace_range(10..11, "f"); // was '4'
    assert_eq!(
        webhooks::verify(&secret(), BODY, &sig),
        Err(VerifyError::Mismatch)
    );
}

#[test]
fn wrong_secret_is_refused() {
    let other = SecretString::from("another-app-secret");
    assert_eq!(
        webhooks::verify(&other, BODY, GOOD),
        Err(VerifyError::Mismatch)
    );
}

#[test]
fn truncated_and_overlong_headers_are_refused() {
    assert_eq!(
        webhooks::verify(&secret(), BODY, &GOOD[..GOOD.len() - 1]),
        Err(VerifyError::WrongLength {
            expected: 40,
            found: 39
        })
    );
    assert_eq!(
        webhooks::verify(&secret(), BODY, "sha1="),
        Err(VerifyError::WrongLength {
            expected: 40,
            found: 0
        })
    );
    assert_eq!(
        webhooks::verify(&secret(), BODY, &format!("{GOOD}00")),
        Err(VerifyError::WrongLength {
            expected: 40,
            found: 42
        })
    );
}

#[test]
fn prefix_and_hex_are_checked() {
    let digits = &GOOD["sha1=".len()..];
    assert_eq!(
        webhooks::verify(&secret(), BODY, &format!("sha256={digits}")),
        Err(VerifyError::WrongPrefix {
            found: "sha256".into()
        })
    );
    assert_eq!(
        webhooks::verify(&secret(), BODY, digits),
        Err(VerifyError::WrongPrefix {
            found: String::new()
        })
    );
    assert_eq!(
        webhooks::verify(&secret(), BODY, &format!("sha1={}", "z".repeat(40))),
        Err(VerifyError::InvalidHex)
    );
}

#[test]
fn missing_header_and_empty_secret() {
    assert_eq!(
        webhooks::verify(&secret(), BODY, ""),
        Err(VerifyError::MissingHeader)
    );
    assert_eq!(
        webhooks::verify(&secret(), BODY, "   "),
        Err(VerifyError::MissingHeader)
    );
    assert_eq!(
        webhooks::verify_header(&secret(), BODY, None),
        Err(VerifyError::MissingHeader)
    );
    assert_eq!(webhooks::verify_header(&secret(), BODY, Some(GOOD)), Ok(()));
    let empty = SecretString::from("");
    // An empty key would verify a signature anyone can compute: refused first.
    let forged = webhooks::sign(&empty, BODY);
    assert_eq!(
        webhooks::verify(&empty, BODY, &forged),
        Err(VerifyError::EmptySecret)
    );
    assert_eq!(Verifier::new("  ").err(), Some(VerifyError::EmptySecret));
    // The free functions refuse a blank secret exactly as `Verifier::new` does.
    let blank = SecretString::from("  \t");
    let forged = webhooks::sign(&blank, BODY);
    assert_eq!(
        webhooks::verify(&blank, BODY, &forged),
        Err(VerifyError::EmptySecret)
    );
    assert!(matches!(
        webhooks::verify_and_parse(&blank, BODY, Some(&forged)),
        Err(webhooks::WebhookError::Verify(VerifyError::EmptySecret))
    ));
}

#[test]
fn header_map_variants() {
    let mut headers = HeaderMap::new();
    assert_eq!(
        webhooks::verify_headers(&secret(), BODY, &headers),
        Err(VerifyError::MissingHeader)
    );
    headers.insert("x-hub-signature", HeaderValue::from_static(GOOD));
    assert_eq!(webhooks::verify_headers(&secret(), BODY, &headers), Ok(()));
    let n = webhooks::verify_and_parse_headers(&secret(), BODY, &headers).expect("valid");
    assert_eq!(n.topic, Topic::Ping);
    headers.insert(
        SIGNATURE_HEADER,
        HeaderValue::from_bytes(b"sha1=\xff").expect("opaque header value"),
    );
    assert_eq!(
        webhooks::verify_headers(&secret(), BODY, &headers),
        Err(VerifyError::InvalidHex)
    );
}

#[test]
fn byte_secrets_work_like_string_secrets() {
    let bytes: SecretSlice<u8> = SecretSlice::from(SECRET.as_bytes().to_vec());
    assert_eq!(webhooks::sign(&bytes, BODY), GOOD);
    assert_eq!(webhooks::verify(&bytes, BODY, GOOD), Ok(()));
}

#[test]
fn secret_never_shows_in_debug_or_errors() {
    let verifier = Verifier::new(SECRET).expect("verifier");
    let debug = format!("{verifier:?} {:?}", secret());
    assert!(!debug.contains(SECRET), "{debug}");
    let errors = [
        webhooks::verify(&secret(), b"x", GOOD).expect_err("mismatch"),
        webhooks::verify(&secret(), BODY, &format!("{SECRET}={SECRET}")).expect_err("prefix"),
        webhooks::verify(&secret(), BODY, SECRET).expect_err("no prefix"),
        webhooks::verify(&secret(), BODY, &format!("sha1={SECRET}")).expect_err("length"),
    ];
    for e in errors {
        let text = format!("{e} {e:?} {}", intercom_api::Error::from(e.clone()));
        assert!(!text.contains(SECRET), "{text}");
    }
}

#[test]
fn verify_and_parse_statuses() {
    let unsigned = webhooks::verify_and_parse(&secret(), BODY, None).expect_err("unsigned");
    assert!(matches!(
        unsigned,
        WebhookError::Verify(VerifyError::MissingHeader)
    ));
    assert_eq!(unsigned.status(), StatusCode::UNAUTHORIZED);

    let garbage = b"not json at all";
    let sig = webhooks::sign(&secret(), garbage);
    let bad = webhooks::verify_and_parse(&secret(), garbage, Some(&sig)).expect_err("garbage");
    assert!(matches!(bad, WebhookError::Parse(ParseError::Json(_))));
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    // A tampered body is refused before it is parsed.
    let tampered =
        webhooks::verify_and_parse(&secret(), garbage, Some(GOOD)).expect_err("tampered");
    assert!(matches!(
        tampered,
        WebhookError::Verify(VerifyError::Mismatch)
    ));
    let as_crate_error = intercom_api::Error::from(tampered);
    assert!(matches!(
        as_crate_error,
        intercom_api::Error::InvalidInput { .. }
    ));
}

proptest! {
    #[test]
    fn sign_then_verify_round_trips(
        key in proptest::collection::vec(any::<u8>(), 1..100),
        body in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let key = SecretSlice::from(key);
        let header = webhooks::sign(&key, &body);
        prop_assert_eq!(header.len(), 45);
        prop_assert_eq!(webhooks::verify(&key, &body, &header), Ok(()));
        prop_assert_eq!(webhooks::verify(&key, &body, &header.to_ascii_uppercase().replacen("SHA1", "sha1", 1)), Ok(()));
    }

    #[test]
    fn flipping_any_body_byte_fails(
        body in proptest::collection::vec(any::<u8>(), 1..512),
        index in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let header = webhooks::sign(&secret(), &body);
        let mut tampered = body.clone();
        let i = index.index(tampered.len());
        tampered[i] ^= flip;
        prop_assert_eq!(webhooks::verify(&secret(), &tampered, &header), Err(VerifyError::Mismatch));
    }

    #[test]
    fn changing_any_signature_digit_fails(
        body in proptest::collection::vec(any::<u8>(), 0..256),
        index in 0usize..40,
        replacement in prop::sample::select(b"0123456789abcdef".to_vec()),
    ) {
        let header = webhooks::sign(&secret(), &body);
        let mut bytes = header.into_bytes();
        let at = 5 + index;
        prop_assume!(bytes[at] != replacement);
        bytes[at] = replacement;
        let tampered = String::from_utf8(bytes).expect("ascii");
        prop_assert_eq!(webhooks::verify(&secret(), &body, &tampered), Err(VerifyError::Mismatch));
    }

    #[test]
    fn parse_never_panics(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = webhooks::parse(&body);
    }

    #[test]
    fn parse_never_panics_on_json_envelopes(
        topic in prop_oneof![Just(serde_json::Value::Null), any::<i64>().prop_map(serde_json::Value::from), "[a-z._]{0,30}".prop_map(serde_json::Value::from)],
        item_type in prop_oneof![Just("contact"), Just("company"), Just("conversation"), Just("ticket"), Just("user"), Just("other")],
        id in prop_oneof![Just(serde_json::Value::Null), any::<i64>().prop_map(serde_json::Value::from), "[a-z0-9_]{0,12}".prop_map(serde_json::Value::from)],
        created in prop_oneof![Just(serde_json::json!("soon")), any::<i64>().prop_map(serde_json::Value::from), any::<f64>().prop_map(|f| serde_json::json!(f))],
    ) {
        let body = serde_json::json!({
            "topic": topic, "id": id, "created_at": created,
            "data": {"item": {"type": item_type, "id": 1, "created_at": "x"}}
        });
        let _ = webhooks::parse(body.to_string().as_bytes());
    }
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

#[test]
fn parses_contact_user_created() {
    let n = webhooks::parse(&fixture("contact.user.created")).expect("parse");
    assert_eq!(n.topic, Topic::ContactUserCreated);
    assert_eq!(
        n.id.as_deref(),
        Some("notif_0f6b8e0a-2b1c-4d3e-9f8a-7c6b5a4d3e2f")
    );
    assert_eq!(n.app_id.as_deref(), Some("a86dr8yl"));
    assert_eq!(n.created_at, Some(1718000001));
    assert_eq!(n.first_sent_at, Some(1718000002));
    assert_eq!(n.delivery_attempts, Some(1));
    assert_eq!(n.delivery_status.as_deref(), Some("pending"));
    assert_eq!(n.item_type.as_deref(), Some("contact"));
    assert!(n.item_error.is_none(), "{:?}", n.item_error);
    let contact = n.item.as_contact().expect("contact");
    assert_eq!(contact.id, "6670f3c2a1b2c3d4e5f60718");
    assert_eq!(contact.email.as_deref(), Some("ada@example.com"));
    assert_eq!(contact.external_id.as_deref(), Some("user-42"));
    assert_eq!(
        contact.custom_attributes.get("plan"),
        Some(&serde_json::json!("pro"))
    );
}

#[test]
fn parses_legacy_contact_created() {
    let n = webhooks::parse(&fixture("contact.created")).expect("parse");
    assert_eq!(n.topic, Topic::ContactCreated);
    assert_eq!(n.topic.as_str(), "contact.created");
    let contact = n.item.as_contact().expect("contact");
    assert_eq!(contact.id, "6670f4d1a1b2c3d4e5f60720");
    assert!(contact.email.is_none());
}

#[test]
fn parses_conversation_admin_closed() {
    let n = webhooks::parse(&fixture("conversation.admin.closed")).expect("parse");
    assert_eq!(n.topic, Topic::ConversationAdminClosed);
    assert_eq!(n.topic.family(), "conversation");
    let conversation = n.item.as_conversation().expect("conversation");
    assert_eq!(conversation.id, "41084211973");
    assert_eq!(conversation.state.as_deref(), Some("closed"));
    assert_eq!(conversation.updated_at, Some(1718004600));
    // Everything the model does not have yet is in the raw data.
    let stats = &n.item_json().expect("item")["statistics"];
    assert_eq!(stats["count_reopens"], 0);
    assert!(webhook_server::describe(&n).contains("closed"));
}

#[test]
fn parses_ticket_created_and_nested_ticket_closed() {
    let n = webhooks::parse(&fixture("ticket.created")).expect("parse");
    assert_eq!(n.topic, Topic::TicketCreated);
    let ticket = n.item.as_ticket().expect("ticket");
    assert_eq!(ticket.id, "41084212001");
    assert_eq!(ticket.ticket_id.as_deref(), Some("184"));
    assert_eq!(
        ticket.ticket_attributes.get("_default_title_"),
        Some(&serde_json::json!("Refund for order 1234"))
    );

    let closed = webhooks::parse(&fixture("ticket.closed")).expect("parse");
    assert_eq!(closed.topic, Topic::TicketClosed);
    assert_eq!(closed.delivery_attempts, Some(2));
    let ticket = closed.item.as_ticket().expect("nested ticket");
    assert_eq!(ticket.ticket_id.as_deref(), Some("184"));
}

#[test]
fn parses_ping() {
    let n = webhooks::parse(&fixture("ping")).expect("parse");
    assert_eq!(n.topic, Topic::Ping);
    assert_eq!(n.id, None);
    assert_eq!(n.item_type.as_deref(), Some("ping"));
    assert_eq!(n.delivered_at, Some(0));
    let item = n.item.as_json().expect("json");
    assert_eq!(item["message"], "something something interzen");
    assert!(n.item_error.is_none());
}

#[test]
fn unknown_topic_is_kept() {
    let n = webhooks::parse(&fixture("unknown_topic")).expect("parse");
    assert_eq!(n.topic, Topic::Unknown("hologram.projected".into()));
    assert!(!n.topic.is_known());
    assert_eq!(n.topic.to_string(), "hologram.projected");
    assert_eq!(n.item.as_json().expect("json")["brightness"], 11);
}

#[test]
fn contact_tag_items_stay_json_without_error() {
    let n = webhooks::parse(&fixture("contact.user.tag.created")).expect("parse");
    assert_eq!(n.topic, Topic::ContactUserTagCreated);
    assert_eq!(n.item_type.as_deref(), Some("contact_tag"));
    assert!(n.item_error.is_none());
    #[derive(serde::Deserialize)]
    struct ContactTag {
        tag: Tag,
    }
    #[derive(serde::Deserialize)]
    struct Tag {
        name: String,
    }
    let tag: ContactTag = n.decode_item().expect("own type");
    assert_eq!(tag.tag.name, "vip");
}

#[test]
fn model_mismatch_falls_back_to_json() {
    let body = serde_json::json!({
        "type": "notification_event",
        "id": "notif_x",
        "topic": "conversation.admin.replied",
        "created_at": 1718000000,
        "data": {"type": "notification_event_data", "item": {
            "type": "conversation", "id": "1", "created_at": "yesterday", "state": "open"
        }}
    });
    let n = webhooks::parse(body.to_string().as_bytes()).expect("parse");
    assert_eq!(n.topic, Topic::ConversationAdminReplied);
    let err = n.item_error.as_deref().expect("error kept");
    assert!(err.contains("created_at"), "{err}");
    assert_eq!(n.item.as_json().expect("json")["state"], "open");
    assert!(webhook_server::describe(&n).contains("kept as JSON"));
}

#[test]
fn legacy_string_timestamps_and_numeric_ids() {
    let body = br#"{"topic":"user.created","id":12345,"created_at":"1401970114","delivery_attempts":"2","data":{"item":{"type":"user","id":"5310","created_at":"1401970114"}}}"#;
    let n = webhooks::parse(body).expect("parse");
    assert_eq!(n.topic, Topic::UserCreated);
    assert_eq!(n.id.as_deref(), Some("12345"));
    assert_eq!(n.created_at, Some(1401970114));
    assert_eq!(n.delivery_attempts, Some(2));
    // The 1.x user item has a string created_at: kept as JSON, with the reason.
    assert!(n.item.as_json().is_some());
    assert!(n.item_error.is_some());
}

#[test]
fn bad_envelopes_are_typed_errors() {
    assert!(matches!(webhooks::parse(b""), Err(ParseError::Json(_))));
    assert!(matches!(
        webhooks::parse(b"<html>"),
        Err(ParseError::Json(_))
    ));
    assert!(matches!(
        webhooks::parse(b"[1,2]"),
        Err(ParseError::NotAnObject)
    ));
    assert!(matches!(
        webhooks::parse(b"{}"),
        Err(ParseError::MissingField("topic"))
    ));
    assert!(matches!(
        webhooks::parse(br#"{"topic":null}"#),
        Err(ParseError::MissingField("topic"))
    ));
    assert!(matches!(
        webhooks::parse(br#"{"topic":7}"#),
        Err(ParseError::InvalidField { field: "topic", .. })
    ));
    assert!(matches!(
        webhooks::parse(br#"{"topic":"ping","id":{"a":1}}"#),
        Err(ParseError::InvalidField { field: "id", .. })
    ));
    // No data at all is not an error: the item is null JSON.
    let n = webhooks::parse(br#"{"topic":"ping"}"#).expect("minimal");
    assert_eq!(n.item.as_json(), Some(&serde_json::Value::Null));
    assert!(n.item_json().is_none());
}

#[test]
fn guide_names_are_not_real_topics() {
    for name in [
        "conversation.created",
        "conversation.updated",
        "conversation.closed",
        "conversation.reopened",
        "conversation.assigned",
        "contact.updated",
    ] {
        assert_eq!(Topic::from(name), Topic::Unknown(name.into()), "{name}");
    }
}

#[test]
fn documented_topics_parse() {
    let topics = [
        ("contact.user.created", Topic::ContactUserCreated),
        ("contact.lead.created", Topic::ContactLeadCreated),
        ("contact.deleted", Topic::ContactDeleted),
        ("contact.signed_up", Topic::ContactSignedUp),
        ("contact.added_email", Topic::ContactAddedEmail),
        ("contact.tag.created", Topic::ContactTagCreated),
        ("contact.tag.deleted", Topic::ContactTagDeleted),
        ("contact.archived", Topic::ContactArchived),
        ("contact.unarchived", Topic::ContactUnarchived),
        ("contact.lead.signed_up", Topic::ContactLeadSignedUp),
        ("contact.user.tag.deleted", Topic::ContactUserTagDeleted),
        ("user.created", Topic::UserCreated),
        ("user.deleted", Topic::UserDeleted),
        ("user.unsubscribed", Topic::UserUnsubscribed),
        ("user.tag.created", Topic::UserTagCreated),
        ("user.tag.deleted", Topic::UserTagDeleted),
        ("user.email.updated", Topic::UserEmailUpdated),
        ("visitor.signed_up", Topic::VisitorSignedUp),
        ("company.created", Topic::CompanyCreated),
        ("company.updated", Topic::CompanyUpdated),
        ("conversation.user.created", Topic::ConversationUserCreated),
        ("conversation.user.replied", Topic::ConversationUserReplied),
        (
            "conversation.admin.replied",
            Topic::ConversationAdminReplied,
        ),
        (
            "conversation.admin.single.created",
            Topic::ConversationAdminSingleCreated,
        ),
        (
            "conversation.admin.assigned",
            Topic::ConversationAdminAssigned,
        ),
        ("conversation.admin.opened", Topic::ConversationAdminOpened),
        ("conversation.admin.closed", Topic::ConversationAdminClosed),
        ("conversation.admin.noted", Topic::ConversationAdminNoted),
        (
            "conversation.admin.snoozed",
            Topic::ConversationAdminSnoozed,
        ),
        (
            "conversation.admin.unsnoozed",
            Topic::ConversationAdminUnsnoozed,
        ),
        (
            "conversation.admin.replied.translated",
            Topic::ConversationAdminRepliedTranslated,
        ),
        (
            "conversation.priority.updated",
            Topic::ConversationPriorityUpdated,
        ),
        ("conversation.rating.added", Topic::ConversationRatingAdded),
        (
            "conversation_part.tag.created",
            Topic::ConversationPartTagCreated,
        ),
        (
            "conversation_part.redacted",
            Topic::ConversationPartRedacted,
        ),
        ("ticket.created", Topic::TicketCreated),
        ("ticket.state.updated", Topic::TicketStateUpdated),
        ("ticket.admin.snoozed", Topic::TicketAdminSnoozed),
        ("ticket.resolved", Topic::TicketResolved),
        ("content_stat.email", Topic::ContentStatEmail),
        (
            "content_stat.series.webhook",
            Topic::ContentStatSeriesWebhook,
        ),
        ("job.completed", Topic::JobCompleted),
        ("ping", Topic::Ping),
    ];
    for (wire, topic) in topics {
        assert_eq!(Topic::from(wire), topic, "{wire}");
        let json = serde_json::to_string(&topic).expect("ser");
        let back: Topic = serde_json::from_str(&json).expect("de");
        assert_eq!(back, topic);
    }
    assert!(Topic::KNOWN.len() >= 110, "{}", Topic::KNOWN.len());
}

// ---------------------------------------------------------------------------
// Replay guard
// ---------------------------------------------------------------------------

fn at(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

fn note(id: Option<&str>, created_at: Option<i64>) -> webhooks::Notification {
    let mut v = serde_json::json!({"topic": "conversation.user.replied", "data": {}});
    if let Some(id) = id {
        v["id"] = id.into();
    }
    if let Some(t) = created_at {
        v["created_at"] = t.into();
    }
    webhooks::Notification::from_value(v).expect("notification")
}

#[test]
fn replayed_ids_are_refused_within_the_window() {
    let guard = ReplayGuard::new(Duration::from_secs(600), Duration::from_secs(3600));
    let n = note(Some("notif_a"), Some(1_000_000));
    assert_eq!(guard.check(&n, at(1_000_010)), Ok(()));
    assert_eq!(
        guard.check(&n, at(1_000_020)),
        Err(ReplayError::Replayed {
            id: "notif_a".into()
        })
    );
    // Another id is fine.
    assert_eq!(
        guard.check(&note(Some("notif_b"), Some(1_000_000)), at(1_000_020)),
        Ok(())
    );
    // Past the window but not past max_age, a replay would pass the age
    // check, so the id is still remembered.
    assert_eq!(
        guard.check(&n, at(1_000_700)),
        Err(ReplayError::Replayed {
            id: "notif_a".into()
        })
    );
    assert_eq!(guard.len(), 2);
    // Past max_age the age check refuses it and the ids are forgotten.
    assert!(matches!(
        guard.check(&n, at(1_003_601)),
        Err(ReplayError::TooOld { .. })
    ));
    assert_eq!(
        guard.check(&note(Some("notif_c"), Some(1_003_601)), at(1_003_601)),
        Ok(())
    );
    assert_eq!(guard.len(), 1, "notif_a and notif_b aged out");
}

#[test]
fn old_future_and_undated_notifications_are_refused() {
    let guard = ReplayGuard::new(Duration::from_secs(3600), Duration::from_secs(3600));
    assert_eq!(
        guard.check(&note(Some("old"), Some(1_000_000)), at(1_003_601)),
        Err(ReplayError::TooOld {
            age: Duration::from_secs(3601),
            max_age: Duration::from_secs(3600)
        })
    );
    assert_eq!(
        guard.check(&note(Some("future"), Some(1_001_000)), at(1_000_000)),
        Err(ReplayError::FromTheFuture {
            ahead: Duration::from_secs(1000)
        })
    );
    // Small clock skew is tolerated.
    assert_eq!(
        guard.check(&note(Some("skew"), Some(1_000_100)), at(1_000_000)),
        Ok(())
    );
    assert_eq!(
        guard.check(&note(Some("undated"), None), at(1_000_000)),
        Err(ReplayError::NoTimestamp)
    );
    // first_sent_at is used when created_at is missing.
    let n = webhooks::Notification::from_value(serde_json::json!({
        "topic": "ping", "id": "fs", "first_sent_at": 1_000_000
    }))
    .expect("n");
    assert_eq!(guard.check(&n, at(1_000_001)), Ok(()));
}

#[test]
fn guard_and_verifier_can_be_shared_across_tasks() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ReplayGuard>();
    assert_send_sync::<Verifier>();
}

#[test]
fn pings_without_id_are_only_age_checked_and_forget_works() {
    let guard = ReplayGuard::new(Duration::from_secs(600), Duration::from_secs(600));
    let ping = note(None, Some(5_000));
    assert_eq!(guard.check(&ping, at(5_001)), Ok(()));
    assert_eq!(guard.check(&ping, at(5_002)), Ok(()));
    assert!(guard.is_empty());

    let n = note(Some("notif_retry"), Some(5_000));
    assert_eq!(guard.check(&n, at(5_001)), Ok(()));
    guard.forget("notif_retry"); // processing failed: let Intercom's retry in
    assert_eq!(guard.check(&n, at(5_061)), Ok(()));
    assert!(guard.check(&n, at(5_062)).is_err());
}

#[derive(Debug)]
struct FixedClock(SystemTime);

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0
    }
    fn sleep(&self, _: Duration) -> Sleep {
        Box::pin(std::future::ready(()))
    }
}

#[test]
fn time_comes_from_an_injected_clock() {
    let guard = ReplayGuard::new(Duration::from_secs(60), Duration::from_secs(60));
    let n = note(Some("notif_clock"), Some(2_000));
    assert_eq!(guard.check_with_clock(&n, &FixedClock(at(2_030))), Ok(()));
    assert!(matches!(
        guard.check_with_clock(&n, &FixedClock(at(2_031))),
        Err(ReplayError::Replayed { .. })
    ));
    assert!(matches!(
        guard.check_with_clock(&note(Some("late"), Some(2_000)), &FixedClock(at(2_100))),
        Err(ReplayError::TooOld { .. })
    ));
}

// ---------------------------------------------------------------------------
// The example server
// ---------------------------------------------------------------------------

async fn start_example(secret: &str) -> String {
    let verifier = Verifier::new(secret.to_owned()).expect("verifier");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!(
        "http://{}{}",
        listener.local_addr().expect("addr"),
        webhook_server::PATH
    );
    tokio::spawn(async move { axum::serve(listener, webhook_server::router(verifier)).await });
    url
}

fn fresh_body(id: &str) -> Vec<u8> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    let mut v: serde_json::Value =
        serde_json::from_slice(&fixture("conversation.admin.closed")).expect("fixture");
    v["id"] = id.into();
    v["created_at"] = now.into();
    v["first_sent_at"] = now.into();
    serde_json::to_vec_pretty(&v).expect("json")
}

#[tokio::test]
async fn example_server_answers_200_401_400() {
    let url = start_example(SECRET).await;
    let http = reqwest::Client::new();
    let body = fresh_body("notif_server_1");
    let sig = webhooks::sign(&secret(), &body);
    let post = |body: Vec<u8>, sig: Option<String>| {
        let mut r = http
            .post(&url)
            .header("content-type", "application/json")
            .body(body);
        if let Some(s) = sig {
            r = r.header(SIGNATURE_HEADER, s);
        }
        r.send()
    };

    let ok = post(body.clone(), Some(sig.clone())).await.expect("send");
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.text().await.expect("text"), "ok");

    let mut tampered = body.clone();
    let last = tampered.len() - 2;
    tampered[last] ^= 1;
    assert_eq!(
        post(tampered, Some(sig.clone()))
            .await
            .expect("send")
            .status(),
        StatusCode::UNAUTHORIZED
    );

    assert_eq!(
        post(body.clone(), None).await.expect("send").status(),
        StatusCode::UNAUTHORIZED
    );

    let wrong_secret = webhooks::sign(&SecretString::from("not-the-secret"), &body);
    assert_eq!(
        post(body.clone(), Some(wrong_secret))
            .await
            .expect("send")
            .status(),
        StatusCode::UNAUTHORIZED
    );

    let garbage = b"{not json".to_vec();
    let garbage_sig = webhooks::sign(&secret(), &garbage);
    assert_eq!(
        post(garbage, Some(garbage_sig))
            .await
            .expect("send")
            .status(),
        StatusCode::BAD_REQUEST
    );

    // Intercom re-sends after failures: a duplicate is acknowledged, not re-processed.
    let dup = post(body, Some(sig)).await.expect("send");
    assert_eq!(dup.status(), StatusCode::OK);
    assert_eq!(dup.text().await.expect("text"), "duplicate");

    // A correctly signed but stale notification (the fixture is from 2024).
    let stale = fixture("ticket.created");
    let stale_sig = webhooks::sign(&secret(), &stale);
    assert_eq!(
        post(stale, Some(stale_sig)).await.expect("send").status(),
        StatusCode::BAD_REQUEST
    );
}
