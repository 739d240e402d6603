//! Data Connectors (7 operations).

use intercom_api::data_connectors::{
    ConnectorHttpMethod, ConnectorState, DataInput, ExecutionFilter, InputType, NewDataConnector,
    UpdateDataConnector,
};

use crate::{check, prism};

#[tokio::test]
async fn connectors() {
    let Some(c) = prism() else { return };
    let dc = c.data_connectors();
    check(dc.list().per_page(20)).await;
    let created = check(
        dc.create(
            NewDataConnector::new("Order status")
                .http_method(ConnectorHttpMethod::Get)
                .url("https://shop.example.com/api/orders/{{order_id}}")
                .header("Authorization", "Bearer {{token}}")
                .data_input(DataInput::new("order_id", InputType::String).required(true)),
        ),
    )
    .await;
    assert!(!created.id.is_empty());
    check(dc.get("12345")).await;
    check(dc.get_draft("12345")).await;
    check(
        dc.update(
            "12345",
            UpdateDataConnector::new()
                .state(ConnectorState::Live)
                .data_input(DataInput::new("order_id", InputType::String).description("Order")),
        ),
    )
    .await;
    let gone = check(dc.delete("12345")).await;
    assert!(gone.deleted);
}

#[tokio::test]
async fn execution_results() {
    let Some(c) = prism() else { return };
    let dc = c.data_connectors();
    check(
        dc.list_execution_results(
            "12345",
            ExecutionFilter::new()
                .success(false)
                .between(1_775_980_800, 1_775_988_000),
        )
        .per_page(10),
    )
    .await;
    check(dc.get_execution_result("12345", "99001")).await;
}
