//! Replay tests for the IP Allowlist (2), Switch (1) and Workflows (1)
//! operations of Intercom API 2.16.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub,
//! answered with `fixtures/<family>/<operationId>.json`) and checks the
//! decoded values.

mod support;

use intercom_api::ip_allowlist::AllowlistUpdate;
use intercom_api::phone_call_redirects::NewRedirect;
use intercom_api::workflows::WorkflowState;
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, spec};

// operationId: getIpAllowlist
#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let allow = h
        .replay(expect("GET /ip_allowlist"), h.client.ip_allowlist().get())
        .await;
    assert_eq!(allow.enabled, Some(false));
    assert_eq!(allow.ip_allowlist, ["198.51.100.7"]);
}

// operationId: updateIpAllowlist
#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let allow = h
        .replay(
            expect("PUT /ip_allowlist").json(json!({
                "enabled": true,
                "ip_allowlist": ["203.0.113.0/24", "198.51.100.7", "2001:db8::/32"]
            })),
            h.client.ip_allowlist().update(AllowlistUpdate::enable([
                "203.0.113.0/24",
                "198.51.100.7",
                "2001:db8::/32",
            ])),
        )
        .await;
    assert_eq!(allow.enabled, Some(true));
    assert_eq!(allow.ip_allowlist.len(), 3);
}

// operationId: createPhoneSwitch
#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let sent = h
        .replay(
            expect("POST /phone_call_redirects").json(json!({
                "phone": "+353871234567",
                "custom_attributes": {"issue_type": "Billing", "callback_requested": 1}
            })),
            h.client.phone_call_redirects().create(
                NewRedirect::new("+353871234567")
                    .custom_attribute("issue_type", "Billing")
                    .custom_attribute("callback_requested", 1),
            ),
        )
        .await;
    assert_eq!(sent.and_then(|s| s.phone).as_deref(), Some("+353871234567"));
}

// operationId: exportWorkflow
#[tokio::test]
async fn export() {
    let h = Harness::start().await;
    let export = h
        .replay(
            expect("GET /export/workflows/73310"),
            h.client.workflows().export("73310"),
        )
        .await;
    assert_eq!(export.export_version.as_deref(), Some("1.0"));
    assert_eq!(export.app_id.as_deref(), Some("6417529"));
    let w = export.workflow.as_ref().expect("workflow");
    assert_eq!(w.id, "73310");
    assert_eq!(w.state, Some(WorkflowState::Live));
    assert_eq!(w.target_channels, ["chat", "email"]);
    assert_eq!(
        w.snapshot.as_ref().expect("snapshot")["steps"][1]["type"],
        "assign"
    );
    assert_eq!(w.attributes.len(), 1);
    assert!(w.embedded_rules.is_empty());
    assert_eq!(export.raw["workflow"]["id"], "73310");
}

#[tokio::test]
async fn documented_limits_are_checked_before_sending() {
    let h = Harness::start().await;
    let cases: Vec<(AllowlistUpdate, &str)> = vec![
        (
            AllowlistUpdate::enable(Vec::<String>::new()),
            "ip_allowlist",
        ),
        (AllowlistUpdate::enable(["10.0.0.256"]), "ip_allowlist[0]"),
        (
            AllowlistUpdate::enable(["10.0.0.1", "10.0.0.0/33"]),
            "ip_allowlist[1]",
        ),
        (
            AllowlistUpdate::disable(["2001:db8::/129"]),
            "ip_allowlist[0]",
        ),
        (AllowlistUpdate::enable(["example.com"]), "ip_allowlist[0]"),
        (AllowlistUpdate::enable(["10.0.0.0/"]), "ip_allowlist[0]"),
    ];
    for (body, field) in cases {
        let err = h
            .client
            .ip_allowlist()
            .update(body.clone())
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    for phone in [
        "0871234567",
        "+353 87 123 4567",
        "+0871234567",
        "+1234567",
        "+1234567890123456",
    ] {
        let err = h
            .client
            .phone_call_redirects()
            .create(NewRedirect::new(phone))
            .await
            .expect_err("not E.164");
        assert_eq!(invalid_field(err), "phone", "{phone}");
    }
    let err = h
        .client
        .phone_call_redirects()
        .create(NewRedirect::new("+14155550123").custom_attribute("note", "x".repeat(256)))
        .await
        .expect_err("too long");
    assert_eq!(invalid_field(err), "custom_attributes.note");
    let err = h.client.workflows().export("").await.expect_err("empty");
    assert_eq!(invalid_field(err), "id");
    h.assert_no_requests().await;
}

#[test]
fn only_the_sms_is_not_retried() {
    let ops = intercom_api::ip_allowlist::ops::ALL
        .iter()
        .chain(intercom_api::phone_call_redirects::ops::ALL)
        .chain(intercom_api::workflows::ops::ALL);
    for op in ops {
        assert_eq!(op.idempotent, op.id != "createPhoneSwitch", "{}", op.id);
        assert!(!op.paged, "{}", op.id);
    }
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let requests = [
        built(client.ip_allowlist().get()),
        built(
            client
                .ip_allowlist()
                .update(AllowlistUpdate::enable(["10.0.0.1", "2001:db8::/32"])),
        ),
        built(
            client
                .ip_allowlist()
                .update(AllowlistUpdate::disable(Vec::<String>::new())),
        ),
        built(
            client
                .phone_call_redirects()
                .create(NewRedirect::new("+14155550123")),
        ),
        built(
            client
                .phone_call_redirects()
                .create(NewRedirect::new("+14155550123").custom_attribute("plan", "pro")),
        ),
        built(client.workflows().export("73310")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["IP Allowlist", "Switch", "Workflows"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_has_the_handles() {
    let h = support::BlockingHarness::start();
    h.mount(
        support::stub("GET", "/ip_allowlist", &[])
            .respond_with(support::ok(support::fixture("ip_allowlist/getIpAllowlist")))
            .expect(1),
    );
    let client = &h.client;
    let allow = client.ip_allowlist().get().send().expect("sent");
    assert_eq!(allow.enabled, Some(false));
    let err = client.workflows().export(" ").send().expect_err("blank id");
    assert_eq!(invalid_field(err), "id");
}

/// The fake keeps the allowlist and records redirects.
#[cfg(feature = "mock")]
#[tokio::test]
async fn the_fake_keeps_the_allowlist_and_records_redirects() {
    use intercom_api::mock::{FAKE_WORKFLOW_ID, FakeIntercom};
    let fake = FakeIntercom::start().await;
    let client = fake.client().expect("client");
    assert_eq!(
        client.ip_allowlist().get().await.expect("get").enabled,
        Some(false)
    );
    client
        .ip_allowlist()
        .update(AllowlistUpdate::enable(["127.0.0.1", "10.0.0.0/8"]))
        .await
        .expect("enabled");
    let allow = client.ip_allowlist().get().await.expect("get");
    assert_eq!(allow.enabled, Some(true));
    assert_eq!(allow.ip_allowlist, ["127.0.0.1", "10.0.0.0/8"]);
    client
        .phone_call_redirects()
        .create(NewRedirect::new("+353871234567").custom_attribute("issue_type", "Billing"))
        .await
        .expect("redirected");
    let sent = fake.phone_call_redirects();
    assert_eq!(sent[0]["phone"], "+353871234567");
    assert_eq!(sent[0]["custom_attributes"]["issue_type"], "Billing");
    let export = client
        .workflows()
        .export(FAKE_WORKFLOW_ID)
        .await
        .expect("export");
    assert_eq!(export.workflow.expect("workflow").id, FAKE_WORKFLOW_ID);
    let err = client.workflows().export("999").await.expect_err("unknown");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
}
