//! Conformance against Intercom's own OpenAPI description, through Prism.
//!
//! `.ci/run` starts `prism mock` on 127.0.0.1 with
//! `../shared/openapi/intercom-2.16.yaml` and runs this target with
//! `PRISM_URL` set. Prism validates every request against the spec (a
//! mismatch is answered with 422) and answers with the spec's examples, which
//! must decode into our models. Each test calls one SDK operation once with
//! realistic arguments.
//!
//! Without `PRISM_URL` every test prints why it skipped and passes, so a plain
//! `cargo test` works without Node.
//!
//! Known spec defects are listed in [`KNOWN_DEFECTS`] with the reason, and
//! checked to still be defects, so a fixed spec shows up as a failing test.

#[path = "../support/mod.rs"]
mod support;

mod admins_events;
mod ai_content;
mod articles;
mod audiences;
mod brands_emails;
mod calls;
mod companies;
mod contacts;
mod content;
mod content_snippets;
mod conversation_attributes;
mod conversations;
mod custom_object_instances;
mod data_attributes;
mod data_connectors;
mod data_export;
mod fin_agent;
mod internal_articles;
mod macros;
mod messages;
mod news;
mod office_hours;
mod platform;
mod reporting_data_export;
mod segments;
mod small_families;
mod tags;
mod teams;
mod ticket_types;
mod tickets;
mod visitors;

use std::future::IntoFuture;

use intercom_api::{Client, Error, RetryPolicy};
use support::replay::Replayable;

/// Operations whose request the spec itself makes impossible to satisfy.
/// (operationId, why). Their tests assert the 422 so a spec fix is noticed.
pub const KNOWN_DEFECTS: &[(&str, &str)] = &[
    (
        "createNote",
        "the spec types `contact_id` of POST /contacts/{contact_id}/notes as an integer, \
         while contact ids are strings everywhere else (and on the wire)",
    ),
    (
        "createDataEvent",
        "create_data_event_request types every `metadata` value as a string, while the \
         operation's own description documents numbers, `_date` timestamps, rich links \
         ({url, value}) and monetary amounts ({amount, currency}): only all-string metadata \
         passes Prism",
    ),
    (
        "lisDataEvents",
        "GET /events declares an exploded object `filter` query parameter that Prism can never \
         match, so every request is rejected with 422",
    ),
    (
        "createConversation",
        "`from.id` of POST /conversations is declared as a 24-character string with \
         `format: uuid` (36 characters), which no value satisfies; contact ids are 24 hex \
         characters, as in the spec's own example",
    ),
    (
        "updateConversation",
        "`custom_attributes` of PUT /conversations/{id} only allows strings, integers, datetimes \
         and `{instances: [...]}` objects, so the custom object association of the spec's own \
         example (`{\"order\": [\"21\"]}`, a list of instance ids) is refused",
    ),
    (
        "createTag",
        "POST /tags takes a oneOf of four object schemas without a discriminator or \
         `additionalProperties: false`: `create_or_update_tag_request` (only `name` required) \
         matches every body, and `tag_company_request`/`untag_company_request` differ only by an \
         optional `untag`, so a body with `companies` or `users` matches two or three branches \
         and is refused (Prism answers with the declared 400). Create and rename conform",
    ),
    (
        "createMessage",
        "create_message_request declares `message_type` as `in_app | email | whatsapp`, while \
         Intercom answers in-app messages with `inapp` and the spec's own request examples send \
         `inapp` (as Intercom's Node SDK does): the in-app message is refused. Emails conform",
    ),
    (
        "updateDataAttribute",
        "update_data_attribute_request is a oneOf of a `list attribute` branch (options \
         required) and an `other type` branch that constrains nothing, so a body with `options` \
         matches both and is refused (Prism answers with the declared 422), though the \
         operation's own example sends options. Archiving and descriptions conform",
    ),
];

/// A client pointed at Prism, or `None` (with the reason printed) when
/// `PRISM_URL` is not set.
pub fn prism() -> Option<Client> {
    let Ok(url) = std::env::var("PRISM_URL") else {
        eprintln!("skipped: PRISM_URL is not set (.ci/run starts Prism and sets it)");
        return None;
    };
    Some(
        Client::builder()
            .token("prism-token")
            .base_url(url)
            .retry(RetryPolicy::none())
            .build()
            .expect("client for Prism"),
    )
}

/// Fail with Prism's validation report when a call was rejected.
#[track_caller]
pub fn conforms<T: std::fmt::Debug>(operation: &str, result: Result<T, Error>) -> T {
    match result {
        Ok(v) => v,
        Err(e) => {
            let detail = e
                .as_api()
                .map(|a| a.body_snippet.clone())
                .unwrap_or_default();
            panic!("{operation} does not conform: {e}\n{detail}");
        }
    }
}

/// Assert that a known spec defect still makes Prism refuse the request:
/// with 422, or with the 400 the operation declares (Prism answers a request
/// it cannot validate with the operation's own 400 example when it has one).
#[track_caller]
pub fn still_a_known_defect<T: std::fmt::Debug>(operation: &str, result: Result<T, Error>) {
    assert!(
        KNOWN_DEFECTS.iter().any(|(op, _)| *op == operation),
        "{operation} is not listed in KNOWN_DEFECTS"
    );
    match result {
        Err(e) if matches!(e.status().map(|s| s.as_u16()), Some(400 | 422)) => {}
        other => panic!(
            "{operation} is listed as a known spec defect but Prism did not refuse it \
             (the spec may be fixed: move it back to a normal check): {other:?}"
        ),
    }
}

/// Run `call` against Prism and fail with Prism's validation report when it
/// is rejected; the operation is named by the call's row.
pub async fn check<R>(call: R) -> R::Out
where
    R: Replayable + IntoFuture<Output = Result<<R as Replayable>::Out, Error>>,
    R::Out: std::fmt::Debug,
{
    let op = call.row().map_or("(no row)", |op| op.id);
    conforms(op, call.await)
}

/// Run `call` and assert that a known spec defect still makes Prism refuse
/// it (see [`still_a_known_defect`]).
pub async fn check_known_defect<R>(call: R)
where
    R: Replayable + IntoFuture<Output = Result<<R as Replayable>::Out, Error>>,
    R::Out: std::fmt::Debug,
{
    let op = call.row().map_or("(no row)", |op| op.id);
    still_a_known_defect(op, call.await);
}
