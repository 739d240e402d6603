//! Replay tests for the 4 Reporting Data Export operations of Intercom API
//! 2.16, which the spec leaves unnamed: the manifest and the rows key them
//! by `METHOD /path` (`// operationId:` lines below carry that key). Their
//! fixtures are named by a file-safe spelling of it
//! (`POST_export_reporting_data_enqueue.json`, see
//! `support::spec::fixture_stem`).

mod support;

use intercom_api::data_export::ExportStatus;
use intercom_api::reporting_data_export::NewReportingExport;
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, invalid_field, spec};
use wiremock::ResponseTemplate;

const JOB: &str = "rx7f2kq9";
const APP: &str = "xk29fa0q";
const CLIENT: &str = "b1f0c6e2-client";

fn conversations() -> NewReportingExport {
    NewReportingExport::new(
        "conversation",
        [
            "conversation.conversation_id",
            "conversation.conversation_started_at",
        ],
        1_764_547_200,
        1_764_633_599,
    )
}

// operationId: POST /export/reporting_data/enqueue
#[tokio::test]
async fn enqueue() {
    let h = Harness::start().await;
    let job = h
        .replay(
            expect("POST /export/reporting_data/enqueue").json(json!({
                "dataset_id": "conversation",
                "attribute_ids": ["conversation.conversation_id", "conversation.conversation_started_at"],
                "start_time": 1_764_547_200,
                "end_time": 1_764_633_599
            })),
            h.client.reporting_data_export().enqueue(conversations()),
        )
        .await;
    assert_eq!(job.job_identifier, JOB);
    assert_eq!(job.status, Some(ExportStatus::Pending));
}

// operationId: GET /export/reporting_data/{job_identifier}
#[tokio::test]
async fn status() {
    let h = Harness::start().await;
    let job = h
        .replay(
            expect(&format!("GET /export/reporting_data/{JOB}")).query(&[
                ("app_id", APP),
                ("client_id", CLIENT),
                ("job_identifier", JOB),
            ]),
            h.client.reporting_data_export().status(JOB, APP, CLIENT),
        )
        .await;
    // Intercom spells it `complete`; it reads as Completed.
    assert_eq!(job.status, Some(ExportStatus::Completed));
    assert!(job.is_ready());
}

// operationId: GET /export/reporting_data/get_datasets
#[tokio::test]
async fn datasets() {
    let h = Harness::start().await;
    let sets = h
        .replay(
            expect("GET /export/reporting_data/get_datasets"),
            h.client.reporting_data_export().datasets(),
        )
        .await;
    assert_eq!(sets.len(), 2);
    let conv = &sets[0];
    assert_eq!(conv.id, "conversation");
    assert_eq!(
        conv.default_time_attribute_id.as_deref(),
        Some("conversation_started_at")
    );
    assert_eq!(conv.attributes.len(), 3);
    assert_eq!(
        conv.attributes[2].qualified_id.as_deref(),
        Some("conversation.Brand")
    );
    assert_eq!(sets[1].attributes[0].name.as_deref(), Some("Call ID"));
}

// operationId: GET /download/reporting_data/{job_identifier}
#[tokio::test]
async fn download() {
    let h = Harness::start().await;
    let csv = b"conversation_id,conversation_started_at\n215,1764547300\n".to_vec();
    let dl = h
        .replay(
            expect(&format!("GET /download/reporting_data/{JOB}"))
                .query(&[("app_id", APP), ("job_identifier", JOB)])
                .answer(
                    ResponseTemplate::new(200)
                        .set_body_raw(csv.clone(), "application/octet-stream"),
                ),
            h.client.reporting_data_export().download(JOB, APP),
        )
        .await;
    let mut out = Vec::new();
    dl.to_writer(&mut out).await.expect("body");
    assert_eq!(out, csv);
}

#[tokio::test]
async fn limits_are_checked_before_sending() {
    let h = Harness::start().await;
    let r = h.client.reporting_data_export();
    let cases = [
        (NewReportingExport::new("", ["a.b"], 1, 2), "dataset_id"),
        (
            NewReportingExport::new("conversation", Vec::<String>::new(), 1, 2),
            "attribute_ids",
        ),
        (
            NewReportingExport::new("conversation", [" "], 1, 2),
            "attribute_ids",
        ),
        (
            NewReportingExport::new("conversation", ["a"], -1, 2),
            "start_time",
        ),
        (
            NewReportingExport::new("conversation", ["a"], 5, 2),
            "end_time",
        ),
    ];
    for (export, field) in cases {
        assert_eq!(invalid_field(r.enqueue(export).await.unwrap_err()), field);
    }
    assert_eq!(
        invalid_field(r.status(JOB, "", CLIENT).await.unwrap_err()),
        "app_id"
    );
    assert_eq!(
        invalid_field(r.status(JOB, APP, "").await.unwrap_err()),
        "client_id"
    );
    assert_eq!(
        invalid_field(r.download(JOB, "").await.unwrap_err()),
        "app_id"
    );
    assert_eq!(
        invalid_field(r.download("", APP).await.unwrap_err()),
        "job_identifier"
    );
    h.assert_no_requests().await;
}

#[test]
fn requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let c = offline_client();
    let c = c.reporting_data_export();
    let requests = [
        built(c.enqueue(conversations())),
        built(c.status(JOB, APP, CLIENT)),
        built(c.datasets()),
        built(c.download(JOB, APP).into_request()),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Reporting Data Export"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

#[tokio::test]
async fn the_fake_runs_a_reporting_export_end_to_end() {
    let fake = intercom_api::mock::FakeIntercom::start().await;
    let client = fake.client().expect("client");
    let r = client.reporting_data_export();
    let sets = r.datasets().await.expect("datasets");
    let conv = sets
        .iter()
        .find(|d| d.id == "conversation")
        .expect("conversation");
    let attrs: Vec<String> = conv
        .attributes
        .iter()
        .filter_map(|a| a.qualified_id.clone())
        .collect();
    let job = r
        .enqueue(NewReportingExport::new("conversation", attrs, 1, 2))
        .await
        .expect("enqueue");
    let early = r.download(&job.job_identifier, APP).await.unwrap_err();
    assert!(early.is_not_found(), "{early:?}");
    let done = r
        .wait(
            &job.job_identifier,
            APP,
            CLIENT,
            intercom_api::jobs::JobWait::default(),
        )
        .await
        .expect("wait");
    assert!(done.is_ready());
    let mut out = Vec::new();
    r.download(&job.job_identifier, APP)
        .await
        .expect("download")
        .to_writer(&mut out)
        .await
        .expect("body");
    assert!(String::from_utf8_lossy(&out).starts_with("conversation.conversation_id,"));
}
