//! Reporting Data Export (4 operations, unnamed in the spec).

use intercom_api::reporting_data_export::NewReportingExport;

use crate::{check, prism};

#[tokio::test]
async fn reporting_data_export() {
    let Some(c) = prism() else { return };
    let r = c.reporting_data_export();
    check(r.enqueue(NewReportingExport::new(
        "conversation",
        ["conversation_id", "conversation_started_at"],
        1_717_490_000,
        1_717_510_000,
    )))
    .await;
    check(r.status("job1", "app1", "client1")).await;
    check(r.datasets()).await;
    let dl = check(r.download("job1", "app1")).await;
    dl.to_writer(&mut tokio::io::sink()).await.expect("body");
}
