//! Replay tests for the 7 Data Connectors operations of Intercom API 2.16.
//!
//! Each replay test runs one call through `Harness::replay` (one exact stub,
//! answered with `fixtures/data_connectors/<operationId>.json`) and checks
//! the decoded values; both cursor-paged lists also stream across two pages.

mod support;

use futures::TryStreamExt;
use intercom_api::Cursor;
use intercom_api::data_connectors::{
    AudienceType, ConnectorHttpMethod, ConnectorState, DataInput, ExecutionErrorType,
    ExecutionFilter, ExecutionSource, InputType, NewDataConnector, UpdateDataConnector,
};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, fixture, invalid_field, ok, spec, starting_after, stub};

// operationId: listDataConnectors
#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /data_connectors").query(&[("per_page", "2")]),
            h.client.data_connectors().list().per_page(2),
        )
        .await;
    assert_eq!(page.items.len(), 2);
    let tracking = &page.items[0];
    assert_eq!(tracking.id, "48213");
    assert_eq!(tracking.state, Some(ConnectorState::Live));
    assert_eq!(tracking.http_method, Some(ConnectorHttpMethod::Get));
    assert_eq!(tracking.direct_fin_usage, Some(true));
    assert_eq!(tracking.updated_by_admin_id.as_deref(), Some("991270"));
    assert_eq!(tracking.updated_at.as_deref(), Some("2026-04-11T08:30:02Z"));
    assert_eq!(page.items[1].description, None);
    assert_eq!(page.items[1].state, Some(ConnectorState::Draft));
    assert_eq!(
        page.next,
        Some(Cursor::StartingAfter(starting_after(
            "data_connectors/listDataConnectors"
        )))
    );
}

#[tokio::test]
async fn list_streams_every_page() {
    let h = Harness::start().await;
    let cursor = starting_after("data_connectors/listDataConnectors");
    stub("GET", "/data_connectors", &[("per_page", "2")])
        .respond_with(ok(fixture("data_connectors/listDataConnectors")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        "/data_connectors",
        &[("per_page", "2"), ("starting_after", &cursor)],
    )
    .respond_with(ok(fixture("data_connectors/listDataConnectors.page2")))
    .expect(1)
    .mount(&h.server)
    .await;
    let all: Vec<_> = h
        .client
        .data_connectors()
        .list()
        .per_page(2)
        .items()
        .try_collect()
        .await
        .expect("connectors");
    let ids: Vec<_> = all.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["48213", "48190", "47002"]);
    h.finish().await;
}

// operationId: createDataConnector
#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let draft = h
        .replay(
            expect("POST /data_connectors").json(json!({
                "name": "Order status",
                "description": "Fetches an order from the shop",
                "http_method": "get",
                "url": "https://shop.example.com/api/orders/{{order_id}}",
                "audiences": ["users"],
                "headers": [{"name": "Authorization", "value": "Bearer {{shop_token}}"}],
                "data_inputs": [{
                    "name": "order_id",
                    "type": "string",
                    "description": "The order number",
                    "required": true
                }]
            })),
            h.client.data_connectors().create(
                NewDataConnector::new("Order status")
                    .description("Fetches an order from the shop")
                    .http_method(ConnectorHttpMethod::Get)
                    .url("https://shop.example.com/api/orders/{{order_id}}")
                    .audiences([AudienceType::Users])
                    .header("Authorization", "Bearer {{shop_token}}")
                    .data_input(
                        DataInput::new("order_id", InputType::String)
                            .description("The order number")
                            .required(true),
                    ),
            ),
        )
        .await;
    assert_eq!(draft.id, "48230");
    assert_eq!(draft.state, Some(ConnectorState::Draft));
    assert_eq!(draft.headers[0].value, "****");
    assert_eq!(draft.audiences, [AudienceType::Users]);
    assert_eq!(draft.data_inputs[0].input_type, Some(InputType::String));
    assert_eq!(draft.data_inputs[0].required, Some(true));
    assert!(draft.response_fields.is_empty());
    assert_eq!(draft.validate_missing_attributes, None);
}

// operationId: RetrieveDataConnector
#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect("GET /data_connectors/48213"),
            h.client.data_connectors().get("48213"),
        )
        .await;
    assert_eq!(c.name.as_deref(), Some("Shipment tracking"));
    assert_eq!(
        c.url.as_deref(),
        Some("https://track.example-carrier.com/v2/parcels/{{tracking_number}}")
    );
    assert_eq!(c.audiences, [AudienceType::Users, AudienceType::Leads]);
    assert_eq!(c.response_fields.len(), 2);
    assert_eq!(c.response_fields[1].example_value, Some(json!(2)));
    assert_eq!(c.token_ids, ["tok_5521"]);
    assert_eq!(c.execution_type.as_deref(), Some("server_side"));
}

#[tokio::test]
async fn get_draft() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect("GET /data_connectors/48213")
                .query(&[("state_version", "draft")])
                .fixture("data_connectors/RetrieveDataConnector"),
            h.client.data_connectors().get_draft("48213"),
        )
        .await;
    assert_eq!(c.id, "48213");
}

// operationId: updateDataConnector
#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect("PATCH /data_connectors/48213").json(json!({
                "state": "live",
                "direct_fin_usage": true,
                "token_ids": []
            })),
            h.client.data_connectors().update(
                "48213",
                UpdateDataConnector::new()
                    .state(ConnectorState::Live)
                    .direct_fin_usage(true)
                    .token_ids(Vec::<String>::new()),
            ),
        )
        .await;
    assert_eq!(c.state, Some(ConnectorState::Live));
    assert_eq!(c.updated_at.as_deref(), Some("2026-04-12T09:01:15Z"));
}

// operationId: deleteDataConnector
#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let gone = h
        .replay(
            expect("DELETE /data_connectors/48190"),
            h.client.data_connectors().delete("48190"),
        )
        .await;
    assert_eq!(gone.id.as_deref(), Some("48190"));
    assert_eq!(gone.object.as_deref(), Some("data_connector"));
    assert!(gone.deleted);
}

// operationId: listDataConnectorExecutionResults
#[tokio::test]
async fn list_execution_results() {
    let h = Harness::start().await;
    let page = h
        .replay(
            expect("GET /data_connectors/48213/execution_results").query(&[
                ("success", "false"),
                ("start_ts", "1775980800"),
                ("end_ts", "1775988000"),
                ("include_bodies", "true"),
                ("per_page", "2"),
            ]),
            h.client
                .data_connectors()
                .list_execution_results(
                    "48213",
                    ExecutionFilter::new()
                        .success(false)
                        .between(1_775_980_800, 1_775_988_000)
                        .include_bodies(true),
                )
                .per_page(2),
        )
        .await;
    let first = &page.items[0];
    assert_eq!(first.id, "771204");
    assert_eq!(first.success, Some(false));
    assert_eq!(first.http_status, Some(503));
    assert_eq!(first.error_type, Some(ExecutionErrorType::ThirdParty));
    assert_eq!(first.source_type, Some(ExecutionSource::Fin));
    assert_eq!(first.conversation_id.as_deref(), Some("215470112233445"));
    let second = &page.items[1];
    assert_eq!(second.http_status, None);
    assert_eq!(second.error_type, Some(ExecutionErrorType::Faraday));
    assert_eq!(second.response_body, None);
    assert!(page.next.is_some());
}

#[tokio::test]
async fn execution_results_stream_every_page() {
    let h = Harness::start().await;
    let at = "/data_connectors/48213/execution_results";
    let cursor = starting_after("data_connectors/listDataConnectorExecutionResults");
    stub("GET", at, &[("error_type", "3rd_party_error")])
        .respond_with(ok(fixture(
            "data_connectors/listDataConnectorExecutionResults",
        )))
        .expect(1)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        at,
        &[
            ("error_type", "3rd_party_error"),
            ("starting_after", &cursor),
        ],
    )
    .respond_with(ok(fixture(
        "data_connectors/listDataConnectorExecutionResults.page2",
    )))
    .expect(1)
    .mount(&h.server)
    .await;
    let all: Vec<_> = h
        .client
        .data_connectors()
        .list_execution_results(
            "48213",
            ExecutionFilter::new().error_type(ExecutionErrorType::ThirdParty),
        )
        .items()
        .try_collect()
        .await
        .expect("results");
    let ids: Vec<_> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["771204", "771188", "771101"]);
    h.finish().await;
}

// operationId: showDataConnectorExecutionResult
#[tokio::test]
async fn get_execution_result() {
    let h = Harness::start().await;
    let run = h
        .replay(
            expect("GET /data_connectors/48213/execution_results/771150"),
            h.client
                .data_connectors()
                .get_execution_result("48213", "771150"),
        )
        .await;
    assert_eq!(run.success, Some(true));
    assert_eq!(run.http_status, Some(200));
    assert_eq!(run.execution_time_ms, Some(348));
    assert_eq!(run.error_type, None);
    assert!(
        run.raw_response_body
            .as_deref()
            .is_some_and(|b| b.contains("DUB-3"))
    );
}

#[tokio::test]
async fn documented_limits_are_checked_before_sending() {
    let h = Harness::start().await;
    let c = h.client.data_connectors();
    let creates: Vec<(NewDataConnector, &str)> = vec![
        (NewDataConnector::new(" "), "name"),
        (
            NewDataConnector::new("X").url("shop.example.com/orders"),
            "url",
        ),
        (NewDataConnector::new("X").url("https://"), "url"),
        (
            NewDataConnector::new("X").url("https://shop.example.com/a b"),
            "url",
        ),
        (
            NewDataConnector::new("X").header("", "v"),
            "headers[0].name",
        ),
        (
            NewDataConnector::new("X").header("X-Key: 1", "v"),
            "headers[0].name",
        ),
        (
            NewDataConnector::new("X").data_input(DataInput::new(" ", InputType::Integer)),
            "data_inputs[0].name",
        ),
        (
            NewDataConnector::new("X").mock_response(json!([1, 2])),
            "mock_response",
        ),
        (NewDataConnector::new("X").token_ids([""]), "token_ids[0]"),
    ];
    for (body, field) in creates {
        let err = c.create(body.clone()).await.expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    let updates: Vec<(UpdateDataConnector, &str)> = vec![
        (UpdateDataConnector::new(), "body"),
        (UpdateDataConnector::new().name(""), "name"),
        (
            UpdateDataConnector::new().data_input(DataInput::new("order_id", InputType::String)),
            "data_inputs[0].description",
        ),
    ];
    for (body, field) in updates {
        let err = c.update("48213", body.clone()).await.expect_err("refused");
        assert_eq!(invalid_field(err), field, "{body:?}");
    }
    let filters: Vec<(ExecutionFilter, &str)> = vec![
        (ExecutionFilter::new().since(-1), "start_ts"),
        (ExecutionFilter::new().between(200, 100), "start_ts"),
        (
            ExecutionFilter::new().error_type(ExecutionErrorType::from("made_up_error")),
            "error_type",
        ),
    ];
    for (filter, field) in filters {
        let err = c
            .list_execution_results("48213", filter.clone())
            .await
            .expect_err("refused");
        assert_eq!(invalid_field(err), field, "{filter:?}");
    }
    let err = c.list().per_page(51).await.expect_err("over 50");
    assert_eq!(invalid_field(err), "per_page");
    let err = c
        .list_execution_results("48213", ExecutionFilter::new())
        .per_page(31)
        .await
        .expect_err("over 30");
    assert_eq!(invalid_field(err), "per_page");
    let err = c.get_draft("").await.expect_err("empty");
    assert_eq!(invalid_field(err), "id");
    let err = c
        .get_execution_result("48213", "")
        .await
        .expect_err("empty");
    assert_eq!(invalid_field(err), "id");
    h.assert_no_requests().await;
}

#[test]
fn only_the_create_is_not_retried() {
    for op in intercom_api::data_connectors::ops::ALL {
        // PATCH sends absolute values (lists replaced whole): retry-safe.
        assert_eq!(op.idempotent, op.method != "POST", "{}", op.id);
    }
    let paged: Vec<_> = intercom_api::data_connectors::ops::ALL
        .iter()
        .filter(|op| op.paged)
        .map(|op| op.id)
        .collect();
    assert_eq!(
        paged,
        ["listDataConnectors", "listDataConnectorExecutionResults"]
    );
}

#[test]
fn sdk_requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let client = offline_client();
    let c = client.data_connectors();
    let requests = [
        built(c.list().per_page(50).into_request()),
        built(c.create(NewDataConnector::new("Order status"))),
        built(
            c.create(
                NewDataConnector::new("Order status")
                    .description("Fetches an order")
                    .http_method(ConnectorHttpMethod::Post)
                    .url("https://shop.example.com/api/orders")
                    .body("{\"id\": \"{{order_id}}\"}")
                    .direct_fin_usage(true)
                    .audiences([AudienceType::Users, AudienceType::Visitors])
                    .header("Authorization", "Bearer {{token}}")
                    .data_input(
                        DataInput::new("order_id", InputType::Integer)
                            .description("Order")
                            .required(true)
                            .default_value("0"),
                    )
                    .customer_authentication(false)
                    .bypass_authentication(true)
                    .validate_missing_attributes(true)
                    .mock_response(json!({"status": "paid"}))
                    .token_ids(["tok_1"]),
            ),
        ),
        built(c.get("48213")),
        built(c.get_draft("48213")),
        built(
            c.update(
                "48213",
                UpdateDataConnector::new()
                    .name("Tracking")
                    .state(ConnectorState::Draft)
                    .url("https://track.example.com/{{n}}"),
            ),
        ),
        built(c.delete("48213")),
        built(
            c.list_execution_results(
                "48213",
                ExecutionFilter::new()
                    .success(true)
                    .error_type(ExecutionErrorType::TokenRefresh)
                    .between(1, 2)
                    .include_bodies(true),
            )
            .into_request(),
        ),
        built(c.get_execution_result("48213", "771150")),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Data Connectors"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_has_the_data_connectors_handle() {
    let h = support::BlockingHarness::start();
    h.mount(
        support::stub("DELETE", "/data_connectors/48190", &[])
            .respond_with(support::ok(support::fixture(
                "data_connectors/deleteDataConnector",
            )))
            .expect(1),
    );
    let client = &h.client;
    let gone = client
        .data_connectors()
        .delete("48190")
        .send()
        .expect("sent");
    assert!(gone.deleted);
}

/// The fake keeps connectors: what a create writes, get, list and update
/// see; a live connector cannot be deleted.
#[cfg(feature = "mock")]
#[tokio::test]
async fn the_fake_keeps_connectors() {
    let fake = intercom_api::mock::FakeIntercom::start().await;
    let client = fake.client().expect("client");
    let dc = client.data_connectors();
    let draft = dc
        .create(
            NewDataConnector::new("Order status")
                .url("https://shop.example.com/orders/{{id}}")
                .header("Authorization", "Bearer secret"),
        )
        .await
        .expect("created");
    assert_eq!(draft.state, Some(ConnectorState::Draft));
    assert_eq!(draft.headers[0].value, "****");
    dc.create(NewDataConnector::new("Refunds"))
        .await
        .expect("second");
    let live = dc
        .update(
            &draft.id,
            UpdateDataConnector::new().state(ConnectorState::Live),
        )
        .await
        .expect("live");
    assert_eq!(live.state, Some(ConnectorState::Live));
    assert_eq!(live.url, draft.url);
    let listed = dc.list().collect_at_most(10).await.expect("list");
    assert_eq!(listed[0].id, draft.id, "most recently updated first");
    let err = dc.delete(&draft.id).await.expect_err("live");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(409));
    fake.record_execution(
        &draft.id,
        json!({"success": false, "error_type": "faraday_error"}),
    )
    .expect("recorded");
    let failed = dc
        .list_execution_results(&draft.id, ExecutionFilter::new().success(false))
        .collect_at_most(10)
        .await
        .expect("results");
    assert_eq!(failed[0].error_type, Some(ExecutionErrorType::Faraday));
    let run = dc
        .get_execution_result(&draft.id, &failed[0].id)
        .await
        .expect("one result");
    assert_eq!(run.id, failed[0].id);
    dc.update(
        &draft.id,
        UpdateDataConnector::new().state(ConnectorState::Draft),
    )
    .await
    .expect("draft again");
    assert!(dc.delete(&draft.id).await.expect("deleted").deleted);
    let err = dc.get(&draft.id).await.expect_err("gone");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
}
