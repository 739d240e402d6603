//! Replay tests for the 4 Data Export operations of Intercom API 2.16
//! (content data export: create, status, cancel, download), the wait for a
//! job on the client's clock, and the streamed download: a 50 MiB body
//! generated on the fly by a local server goes through a counting writer
//! in bounded chunks, never past the client's response-size cap, and a
//! body cut short is a typed error.

mod support;

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::StreamExt;
use intercom_api::data_export::{ExportStatus, NewDataExport};
use intercom_api::jobs::JobWait;
use intercom_api::{Client, Error, RetryPolicy};
use serde_json::json;
use support::replay::expect;
use support::requests::{built, check_requests, offline_client, uncovered};
use support::{Harness, TOKEN, fixture, invalid_field, ok, spec, stub};
use tokio::io::{AsyncReadExt, AsyncWrite, AsyncWriteExt};
use wiremock::ResponseTemplate;

const JOB: &str = "k3q8zt1vw0p4mhd2";

// operationId: createDataExport
#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let job = h
        .replay(
            expect("POST /export/content/data").json(
                json!({"created_at_after": 1_764_547_200, "created_at_before": 1_764_633_599}),
            ),
            h.client
                .data_export()
                .create(NewDataExport::new(1_764_547_200, 1_764_633_599)),
        )
        .await;
    assert_eq!(job.job_identifier, JOB);
    assert_eq!(job.status, Some(ExportStatus::Pending));
    assert!(!job.is_ready());
    assert_eq!(job.download_url.as_deref(), Some(""));
}

// operationId: getDataExport
#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let job = h
        .replay(
            expect(&format!("GET /export/content/data/{JOB}")),
            h.client.data_export().get(JOB),
        )
        .await;
    assert_eq!(job.status, Some(ExportStatus::Completed));
    assert!(job.is_ready());
    assert_eq!(
        job.download_url.as_deref(),
        Some("https://api.intercom.io/download/content/data/k3q8zt1vw0p4mhd2")
    );
    assert_eq!(job.download_expires_at.as_deref(), Some("1767571200"));
}

// operationId: cancelDataExport
#[tokio::test]
async fn cancel() {
    let h = Harness::start().await;
    let job = h
        .replay(
            expect(&format!("POST /export/cancel/{JOB}")),
            h.client.data_export().cancel(JOB),
        )
        .await;
    assert_eq!(job.status, Some(ExportStatus::Canceled));
    assert!(job.status.as_ref().is_some_and(ExportStatus::is_finished));
}

// operationId: downloadDataExport
#[tokio::test]
async fn download() {
    let h = Harness::start().await;
    let csv = b"message_id,user_id,received_at\nm-1,u-1,1764547260\n".to_vec();
    let dl = h
        .replay(
            expect(&format!("GET /download/content/data/{JOB}")).answer(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "application/octet-stream")
                    .set_body_raw(csv.clone(), "application/octet-stream"),
            ),
            h.client.data_export().download(JOB),
        )
        .await;
    assert_eq!(dl.content_length(), Some(csv.len() as u64));
    assert_eq!(dl.content_type(), Some("application/octet-stream"));
    let mut out = Vec::new();
    let n = dl.to_writer(&mut out).await.expect("body");
    assert_eq!((n, out), (csv.len() as u64, csv));
    let sent = h.requests().await;
    assert_eq!(
        support::header_of(&sent[0], "accept"),
        Some("application/octet-stream")
    );
}

#[tokio::test]
async fn download_errors_are_typed_before_the_body() {
    let h = Harness::start().await;
    stub("GET", "/download/content/data/unknown", &[])
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({
                "type": "error.list",
                "request_id": "0b8f1a2c",
                "errors": [{"code": "not_found", "message": "Export job not found for identifier: unknown"}]
            })),
        )
        .mount(&h.server)
        .await;
    let err = h
        .client
        .data_export()
        .download("unknown")
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(err.request_id(), Some("0b8f1a2c"));
    let empty = h.client.data_export().download("").await.unwrap_err();
    assert_eq!(invalid_field(empty), "job_identifier");
}

#[tokio::test]
async fn create_refuses_a_backwards_range() {
    let h = Harness::start().await;
    let e = h
        .client
        .data_export()
        .create(NewDataExport::new(1_764_633_599, 1_764_547_200))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(e), "created_at_before");
    let e = h
        .client
        .data_export()
        .create(NewDataExport::new(-1, 1_764_547_200))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(e), "created_at_after");
    h.assert_no_requests().await;
}

#[test]
fn requests_match_the_spec() {
    let Some(spec) = spec::load() else { return };
    let c = offline_client();
    let c = c.data_export();
    let requests = [
        built(c.create(NewDataExport::new(1_764_547_200, 1_764_633_599))),
        built(c.get(JOB)),
        built(c.cancel(JOB)),
        built(c.download(JOB).into_request()),
    ];
    let problems = check_requests(spec, &requests);
    assert!(problems.is_empty(), "{problems:#?}");
    let ops = spec::operations(spec);
    let missing = uncovered(&ops, &["Data Export"], &requests);
    assert!(missing.is_empty(), "{missing:?}");
}

fn clocked(h: &Harness) -> (Client, support::InstantClock) {
    let clock = support::InstantClock::at(1_764_633_600);
    let client = Client::builder()
        .token(TOKEN)
        .base_url(h.server.uri())
        .clock(clock.clone())
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    (client, clock)
}

async fn status_answers(h: &Harness, pending: u64, last: serde_json::Value) {
    let path = format!("/export/content/data/{JOB}");
    if pending > 0 {
        stub("GET", &path, &[])
            .respond_with(ok(fixture("data_export/createDataExport")))
            .up_to_n_times(pending)
            .with_priority(1)
            .mount(&h.server)
            .await;
    }
    stub("GET", &path, &[])
        .respond_with(ok(last))
        .mount(&h.server)
        .await;
}

#[tokio::test]
async fn wait_polls_on_the_clock_until_the_export_completes() {
    let h = Harness::start().await;
    status_answers(&h, 3, fixture("data_export/getDataExport")).await;
    let (client, clock) = clocked(&h);
    let job = client
        .data_export()
        .wait(JOB, JobWait::default().max_delay(Duration::from_secs(3)))
        .await
        .expect("export");
    assert!(job.is_ready());
    let secs = clock.sleep_secs();
    assert_eq!(secs, [1, 2, 3]);
    assert_eq!(h.requests().await.len(), 4);
}

#[tokio::test]
async fn wait_reports_a_cancelled_export_and_gives_up_at_the_deadline() {
    let h = Harness::start().await;
    status_answers(&h, 1, fixture("data_export/cancelDataExport")).await;
    let (client, _) = clocked(&h);
    let err = client
        .data_export()
        .wait(JOB, JobWait::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::JobFailed { job_id } if job_id == JOB),
        "{err:?}"
    );

    let h = Harness::start().await;
    status_answers(&h, 0, fixture("data_export/createDataExport")).await;
    let (client, clock) = clocked(&h);
    let err = client
        .data_export()
        .wait(JOB, JobWait::default().max_wait(Duration::from_secs(10)))
        .await
        .unwrap_err();
    match err {
        Error::JobTimedOut { status, waited, .. } => {
            assert_eq!(status, "pending");
            assert_eq!(waited, Duration::from_secs(10));
        }
        other => panic!("expected JobTimedOut, got {other:?}"),
    }
    let secs = clock.sleep_secs();
    assert_eq!(secs, [1, 2, 4, 3]);
}

/// A local HTTP/1.1 server answering every request with `declared` bytes
/// of Content-Length, of which it sends `sent` (generated on the fly, in
/// 64 KiB writes), then closes the connection.
async fn streaming_server(declared: u64, sent: u64) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match sock.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let text = String::from_utf8_lossy(&head).to_lowercase();
                let authorized = text.contains("authorization: bearer test-token")
                    && text.contains("accept: application/octet-stream");
                if !authorized {
                    let _ = sock.write_all(b"HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await;
                    return;
                }
                let header = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: {declared}\r\nconnection: close\r\n\r\n"
                );
                if sock.write_all(header.as_bytes()).await.is_err() {
                    return;
                }
                let mut chunk = vec![0u8; 64 * 1024];
                let mut at = 0u64;
                while at < sent {
                    let n = (sent - at).min(chunk.len() as u64) as usize;
                    for (i, b) in chunk[..n].iter_mut().enumerate() {
                        *b = pattern(at + i as u64);
                    }
                    if sock.write_all(&chunk[..n]).await.is_err() {
                        return;
                    }
                    at += n as u64;
                }
                let _ = sock.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}

fn pattern(i: u64) -> u8 {
    (i % 251) as u8
}

/// Counts and checks what it is given, keeping none of it; records the
/// largest single write.
#[derive(Debug, Default)]
struct CountingWriter {
    total: u64,
    largest: usize,
    mismatch: bool,
}

impl AsyncWrite for CountingWriter {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let start = self.total;
        if buf
            .iter()
            .enumerate()
            .any(|(i, b)| *b != pattern(start + i as u64))
        {
            self.mismatch = true;
        }
        self.total += buf.len() as u64;
        self.largest = self.largest.max(buf.len());
        Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

fn streaming_client(base: &str) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(base)
        // Far below the file: a download is streamed, never capped.
        .max_response_bytes(1024)
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}

const BIG: u64 = 50 * 1024 * 1024;

#[tokio::test]
async fn a_50_mib_download_streams_in_bounded_chunks() {
    let base = streaming_server(BIG, BIG).await;
    let client = streaming_client(&base);
    let dl = client.data_export().download(JOB).await.expect("headers");
    assert_eq!(dl.content_length(), Some(BIG));
    let mut w = CountingWriter::default();
    let n = dl.to_writer(&mut w).await.expect("body");
    assert_eq!((n, w.total), (BIG, BIG));
    assert!(!w.mismatch, "the bytes arrived out of order");
    // Bounded by construction: the writer is handed one network chunk at a
    // time and keeps nothing.
    assert!(w.largest <= 1024 * 1024, "a write of {} bytes", w.largest);

    let dl = client.data_export().download(JOB).await.expect("headers");
    let mut stream = dl.bytes_stream();
    let (mut total, mut largest) = (0u64, 0usize);
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.expect("chunk");
        total += chunk.len() as u64;
        largest = largest.max(chunk.len());
    }
    assert_eq!(total, BIG);
    assert!(largest <= 1024 * 1024);
}

#[tokio::test]
async fn a_download_cut_short_is_a_typed_error() {
    let base = streaming_server(4 * 1024 * 1024, 300 * 1024).await;
    let client = streaming_client(&base);
    let dl = client.data_export().download(JOB).await.expect("headers");
    let mut w = CountingWriter::default();
    let err = dl.to_writer(&mut w).await.unwrap_err();
    match err {
        Error::DownloadTruncated { received, expected } => {
            assert_eq!(expected, Some(4 * 1024 * 1024));
            assert_eq!(received, w.total);
            assert!(received <= 300 * 1024);
        }
        other => panic!("expected DownloadTruncated, got {other:?}"),
    }
    let dl = client.data_export().download(JOB).await.expect("headers");
    let items: Vec<_> = dl.bytes_stream().collect().await;
    assert!(matches!(
        items.last(),
        Some(Err(Error::DownloadTruncated { .. }))
    ));
}
