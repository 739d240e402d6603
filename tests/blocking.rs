//! The blocking facade runs the same endpoint definitions as the async client.
#![cfg(feature = "blocking")]

mod support;

use std::io::{self, Read, Write};
use std::net::TcpListener;
use std::thread::JoinHandle;
use std::time::Duration;

use intercom_api::contacts::CreateContact;
use intercom_api::jobs::{JobStatus, JobWait};
use intercom_api::{Error, RetryPolicy, blocking};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A wiremock server started on a runtime of the test's own, so that the
/// blocking client is then called from plain (non-async) code.
fn server() -> (tokio::runtime::Runtime, MockServer) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(MockServer::start());
    (rt, server)
}

fn client(server: &MockServer) -> blocking::Client {
    blocking::Client::builder()
        .token("test-token")
        .base_url(server.uri())
        .retry(RetryPolicy::none())
        .build_blocking()
        .unwrap()
}

fn contact(id: &str, email: &str) -> serde_json::Value {
    json!({"type": "contact", "id": id, "role": "user", "email": email})
}

#[test]
fn a_call_sends_the_same_request_as_the_async_client() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/contacts"))
            .and(header("authorization", "Bearer test-token"))
            .and(header("intercom-version", "2.16"))
            .and(body_json(
                json!({"email": "ada@example.com", "name": "Ada"}),
            ))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(contact("c1", "ada@example.com")),
            )
            .expect(1)
            .mount(&server),
    );
    let created = client(&server)
        .contacts()
        .create(CreateContact::with_email("ada@example.com").name("Ada"))
        .send()
        .unwrap();
    assert_eq!(created.id, "c1");
    assert_eq!(created.email.as_deref(), Some("ada@example.com"));
}

#[test]
fn list_items_is_an_iterator_that_follows_the_cursor() {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(path("/contacts"))
            .and(query_param("starting_after", "cur-2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "type": "list", "data": [contact("c3", "c@example.com")], "total_count": 3,
                "pages": {"type": "pages", "page": 2, "per_page": 2, "total_pages": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(path("/contacts"))
            .and(query_param("per_page", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "type": "list", "data": [contact("c1", "a@example.com"), contact("c2", "b@example.com")],
                "total_count": 3,
                "pages": {"type": "pages", "page": 1, "per_page": 2, "total_pages": 2,
                          "next": {"per_page": 2, "starting_after": "cur-2"}}
            })))
            .up_to_n_times(1)
            .mount(&server)
            .await;
    });
    let ids: Vec<String> = client(&server)
        .contacts()
        .list()
        .per_page(2)
        .items()
        .map(|c| c.unwrap().id)
        .collect();
    assert_eq!(ids, ["c1", "c2", "c3"]);
}

#[test]
fn invalid_input_is_refused_before_sending() {
    let (rt, server) = server();
    let err = client(&server)
        .contacts()
        .create(CreateContact::with_email("ada@example.com").custom_attribute("x".repeat(191), 1))
        .send()
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field.starts_with("custom_attributes."))
    );
    let pages: Vec<_> = client(&server)
        .contacts()
        .list()
        .per_page(0)
        .pages()
        .collect();
    assert_eq!(pages.len(), 1);
    assert!(matches!(&pages[0], Err(Error::InvalidInput { field, .. }) if field == "per_page"));
    let err = client(&server)
        .data_export()
        .download(" ")
        .to_writer(&mut Vec::new())
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "job_identifier"),
        "{err:?}"
    );
    let received = rt.block_on(server.received_requests()).unwrap();
    assert!(received.is_empty());
}

#[test]
fn api_errors_are_the_same_typed_errors() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(path("/contacts/missing"))
            .respond_with(ResponseTemplate::new(404).set_body_json(json!({
                "type": "error.list", "request_id": "r-1",
                "errors": [{"code": "not_found", "message": "Contact Not Found"}]
            })))
            .mount(&server),
    );
    let err = client(&server)
        .contacts()
        .get("missing")
        .send()
        .unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(
        err.to_string(),
        "404 not_found: Contact Not Found (request_id=r-1)"
    );
}

#[tokio::test]
async fn inside_an_async_runtime_it_returns_an_error_instead_of_panicking() {
    let client = blocking::Client::builder()
        .token("test-token")
        .base_url("http://127.0.0.1:9")
        .build_blocking()
        .unwrap();
    let err = client.admins().me().send().unwrap_err();
    assert!(
        matches!(&err, Error::Config(m) if m.contains("inside an async runtime")),
        "{err}"
    );
    let err = client.data_export().download(JOB).send().unwrap_err();
    assert!(matches!(&err, Error::Config(_)), "{err}");
    let mut out = Vec::new();
    let err = client
        .data_export()
        .download(JOB)
        .to_writer(&mut out)
        .unwrap_err();
    assert!(matches!(&err, Error::Config(_)), "{err}");
    assert!(out.is_empty());
    // Dropping it here must not panic either.
    drop(client);
}

#[test]
fn every_contacts_operation_runs_against_the_fake() {
    use intercom_api::contacts::{ContactRole, MergeContacts, UpdateContact};
    use intercom_api::mock::FakeIntercom;
    use intercom_api::search::field;
    use intercom_api::subscription_types::ConsentType;

    let rt = tokio::runtime::Runtime::new().unwrap();
    let fake = rt.block_on(FakeIntercom::start());
    fake.seed_contacts(4);
    let client = fake.client_builder().build_blocking().unwrap();
    let contacts = client.contacts();

    let ada = contacts
        .create(CreateContact::with_external_id("ada-1").email("ada@example.com"))
        .send()
        .unwrap();
    assert_eq!(
        contacts.get(&ada.id).send().unwrap().email.as_deref(),
        Some("ada@example.com")
    );
    assert_eq!(
        contacts.get_by_external_id("ada-1").send().unwrap().id,
        ada.id
    );
    let updated = contacts
        .update(
            &ada.id,
            UpdateContact::new().custom_attribute("plan", "pro"),
        )
        .send()
        .unwrap();
    assert_eq!(updated.custom_attributes["plan"], "pro");
    let found = contacts
        .search(field("email").eq("ada@example.com"))
        .send()
        .unwrap();
    assert_eq!(found.items.len(), 1);
    let all: Vec<_> = contacts
        .list()
        .per_page(2)
        .items()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(all.len(), 5, "4 seeded + Ada, across three pages");

    assert!(contacts.archive(&ada.id).send().unwrap().archived);
    assert!(!contacts.unarchive(&ada.id).send().unwrap().archived);
    assert!(
        contacts
            .list_companies(&ada.id)
            .send()
            .unwrap()
            .items
            .is_empty()
    );
    assert!(
        contacts
            .list_notes(&ada.id)
            .send()
            .unwrap()
            .items
            .is_empty()
    );
    let note = contacts
        .create_note(&ada.id, "<p>Renewal call</p>", None)
        .send()
        .unwrap();
    assert_eq!(note.body.as_deref(), Some("<p>Renewal call</p>"));
    assert!(contacts.list_segments(&ada.id).send().unwrap().is_empty());
    assert!(
        contacts
            .list_subscriptions(&ada.id)
            .send()
            .unwrap()
            .is_empty()
    );
    let sub = contacts
        .attach_subscription(&ada.id, "37846", ConsentType::OptIn)
        .send()
        .unwrap();
    assert_eq!(
        (sub.id.as_str(), sub.consent_type),
        ("37846", Some(ConsentType::OptIn))
    );
    assert_eq!(
        contacts
            .detach_subscription(&ada.id, "37846")
            .send()
            .unwrap()
            .id,
        "37846"
    );
    assert!(contacts.list_tags(&ada.id).send().unwrap().is_empty());
    assert!(contacts.list_banners(&ada.id).send().unwrap().is_empty());
    assert_eq!(
        contacts
            .dismiss_banner(&ada.id, "645719311")
            .send()
            .unwrap()
            .dismissed,
        Some(true)
    );
    assert!(
        contacts
            .list_merge_history(&ada.id)
            .send()
            .unwrap()
            .items
            .is_empty()
    );

    let lead = contacts
        .create(CreateContact::lead().name("Visitor"))
        .send()
        .unwrap();
    assert_eq!(lead.role, Some(ContactRole::Lead));
    let merged = contacts
        .merge(MergeContacts::new(&lead.id, &ada.id))
        .send()
        .unwrap();
    assert_eq!(merged.id, ada.id);
    assert!(
        contacts.get(&lead.id).send().is_err(),
        "the lead is gone after the merge"
    );

    let up = contacts
        .upsert_by_external_id(CreateContact::with_external_id("ada-1").name("Ada Lovelace"))
        .unwrap();
    assert!(!up.created);
    assert_eq!(up.contact.name.as_deref(), Some("Ada Lovelace"));

    assert!(contacts.block(&ada.id).send().unwrap().blocked);
    assert!(contacts.delete(&ada.id).send().unwrap().deleted);
    assert!(contacts.get(&ada.id).send().unwrap_err().is_not_found());
    drop(rt);
}

const JOB: &str = "k3q8zt1vw0p4mhd2";

/// `n` bytes of a pattern that does not repeat on any power-of-two stride.
fn file(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i % 251) as u8).collect()
}

/// Keeps what it is given, and how it was given.
#[derive(Debug, Default)]
struct Recorder {
    bytes: Vec<u8>,
    writes: usize,
    largest: usize,
    flushed: bool,
}

impl Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        self.writes += 1;
        self.largest = self.largest.max(buf.len());
        self.flushed = false;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.flushed = true;
        Ok(())
    }
}

#[test]
fn a_download_streams_the_exact_bytes_of_the_download_request() {
    const SIZE: usize = 2 * 1024 * 1024;
    let (rt, server) = server();
    let body = file(SIZE);
    let path_ = format!("/download/content/data/{JOB}");
    rt.block_on(
        Mock::given(method("GET"))
            .and(path(path_.as_str()))
            .and(header("authorization", "Bearer test-token"))
            .and(header("accept", "application/octet-stream"))
            .and(header("intercom-version", "2.16"))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header(
                        "content-disposition",
                        "attachment; filename=\"messages.csv.gz\"",
                    )
                    .set_body_raw(body.clone(), "application/octet-stream"),
            )
            .expect(3)
            .mount(&server),
    );
    let client = client(&server);

    // Headers first, then the body into a writer.
    let download = client.data_export().download(JOB).send().unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.content_length(), Some(SIZE as u64));
    assert_eq!(download.content_type(), Some("application/octet-stream"));
    assert_eq!(download.filename(), Some("messages.csv.gz"));
    let mut out = Recorder::default();
    assert_eq!(download.to_writer(&mut out).unwrap(), SIZE as u64);
    assert!(out.bytes == body, "the bytes differ");
    assert!(out.flushed, "flushed after the last write");
    // Chunk by chunk, never the body in one buffer.
    assert!(out.writes > 1 && out.largest <= SIZE / 4, "{out:?}");

    // In one go.
    let mut out = Vec::new();
    let n = client
        .data_export()
        .download(JOB)
        .to_writer(&mut out)
        .unwrap();
    assert_eq!(n, SIZE as u64);
    assert!(out == body, "the bytes differ");

    // As a reader, in small reads.
    let mut reader = client.data_export().download(JOB).send().unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 1000];
    loop {
        match reader.read(&mut buf).unwrap() {
            0 => break,
            n => out.extend_from_slice(&buf[..n]),
        }
    }
    assert!(out == body, "the bytes differ");
    assert_eq!(reader.read(&mut buf).unwrap(), 0, "stays at its end");

    let received = rt.block_on(server.received_requests()).unwrap();
    assert_eq!(received.len(), 3);
    for r in &received {
        assert_eq!(r.method.as_str(), "GET");
        assert_eq!(r.url.path(), path_);
        assert_eq!(r.url.query(), None);
        assert!(r.body.is_empty());
    }
}

/// A raw HTTP/1.1 server on 127.0.0.1 that answers `connections`
/// requests with a `Content-Length` of `declared` bytes, sends the first
/// `sent` of `body`, and closes. The join handle gives back each
/// request's head.
fn cutting_server(
    declared: usize,
    body: &[u8],
    connections: usize,
) -> (String, JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let body = body.to_vec();
    let handle = std::thread::spawn(move || {
        let mut heads = Vec::new();
        for _ in 0..connections {
            let (mut sock, _) = listener.accept().unwrap();
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = sock.read(&mut buf).unwrap();
                assert!(n > 0, "the client closed before its request's end");
                head.extend_from_slice(&buf[..n]);
            }
            heads.push(String::from_utf8_lossy(&head).to_lowercase());
            let answer = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n\
                 content-length: {declared}\r\nconnection: close\r\n\r\n"
            );
            sock.write_all(answer.as_bytes()).unwrap();
            sock.write_all(&body).unwrap();
            // Dropping the socket closes the connection early.
        }
        heads
    });
    (base, handle)
}

#[test]
fn a_download_cut_short_is_download_truncated_with_what_arrived() {
    let body = file(300);
    let (base, heads) = cutting_server(1_000, &body, 2);
    let client = blocking::Client::builder()
        .token("test-token")
        .base_url(base)
        .retry(RetryPolicy::none())
        .build_blocking()
        .unwrap();

    let mut out = Recorder::default();
    let err = client
        .data_export()
        .download(JOB)
        .to_writer(&mut out)
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::DownloadTruncated {
                received: 300,
                expected: Some(1_000)
            }
        ),
        "{err:?}"
    );
    assert!(out.bytes == body, "what arrived was written");

    // As a reader: an UnexpectedEof holding the same error.
    let mut out = Vec::new();
    let err = client
        .data_export()
        .download(JOB)
        .send()
        .unwrap()
        .read_to_end(&mut out)
        .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
    let inner = err.into_inner().unwrap().downcast::<Error>().unwrap();
    assert!(
        matches!(
            *inner,
            Error::DownloadTruncated {
                received: 300,
                expected: Some(1_000)
            }
        ),
        "{inner:?}"
    );
    assert!(out == body);

    for head in heads.join().unwrap() {
        assert!(
            head.starts_with(&format!("get /download/content/data/{JOB} http/1.1\r\n")),
            "{head}"
        );
        assert!(
            head.contains("\r\naccept: application/octet-stream\r\n"),
            "{head}"
        );
        assert!(
            head.contains("\r\nauthorization: bearer test-token\r\n"),
            "{head}"
        );
    }
}

/// A disk that fills up after `room` bytes, or fails to flush.
struct Failing {
    room: usize,
    flush_fails: bool,
}

impl Write for Failing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.len() > self.room {
            return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
        }
        self.room -= buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        if self.flush_fails {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "gone"));
        }
        Ok(())
    }
}

#[test]
fn a_writer_that_fails_is_error_write_with_its_error() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(path(format!("/download/content/data/{JOB}")))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_raw(file(64 * 1024), "application/octet-stream"),
            )
            .mount(&server),
    );
    let client = client(&server);

    let mut full = Failing {
        room: 1_000,
        flush_fails: false,
    };
    let err = client
        .data_export()
        .download(JOB)
        .to_writer(&mut full)
        .unwrap_err();
    assert!(
        matches!(&err, Error::Write(e) if e.kind() == io::ErrorKind::StorageFull && e.to_string() == "disk full"),
        "{err:?}"
    );

    let mut unflushable = Failing {
        room: usize::MAX,
        flush_fails: true,
    };
    let err = client
        .data_export()
        .download(JOB)
        .to_writer(&mut unflushable)
        .unwrap_err();
    assert!(
        matches!(&err, Error::Write(e) if e.kind() == io::ErrorKind::BrokenPipe),
        "{err:?}"
    );
}

#[test]
fn jobs_wait_polls_on_the_clients_clock() {
    let (rt, server) = server();
    let job = |status: &str| {
        json!({"type": "job", "id": "77120", "url": "https://api.intercom.io/jobs/status/77120",
               "status": status, "resource_type": "ticket", "resource_id": null})
    };
    rt.block_on(async {
        Mock::given(path("/jobs/status/77120"))
            .respond_with(ResponseTemplate::new(200).set_body_json(job("pending")))
            .up_to_n_times(2)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(path("/jobs/status/77120"))
            .respond_with(ResponseTemplate::new(200).set_body_json(job("success")))
            .mount(&server)
            .await;
    });
    let clock = support::InstantClock::at(1_764_633_600);
    let client = blocking::Client::builder()
        .token("test-token")
        .base_url(server.uri())
        .retry(RetryPolicy::none())
        .clock(clock.clone())
        .build_blocking()
        .unwrap();
    let done = client.jobs().wait("77120", JobWait::default()).unwrap();
    assert_eq!(done.status, Some(JobStatus::Success));
    assert_eq!(
        clock.sleeps(),
        [Duration::from_secs(1), Duration::from_secs(2)]
    );
    assert_eq!(rt.block_on(server.received_requests()).unwrap().len(), 3);
}

#[test]
fn exports_and_attributes_run_their_async_flows_on_the_blocking_client() {
    use intercom_api::data_attributes::{CreateDataAttribute, DataAttributeModel, DataType};
    use intercom_api::data_export::NewDataExport;
    use intercom_api::mock::FakeIntercom;
    use intercom_api::reporting_data_export::NewReportingExport;

    let rt = tokio::runtime::Runtime::new().unwrap();
    let fake = rt.block_on(FakeIntercom::start());
    let client = fake
        .client_builder()
        .clock(support::InstantClock::at(1_764_633_600))
        .build_blocking()
        .unwrap();

    let job = client
        .data_export()
        .create(NewDataExport::new(1_734_519_776, 1_734_537_776))
        .send()
        .unwrap();
    let done = client
        .data_export()
        .wait(&job.job_identifier, JobWait::default())
        .unwrap();
    assert!(done.is_ready());
    let mut csv = Vec::new();
    client
        .data_export()
        .download(&done.job_identifier)
        .to_writer(&mut csv)
        .unwrap();
    assert_eq!(
        String::from_utf8(csv).unwrap(),
        "message_id,user_id,received_at,opened_at\n\
         m-1,u-1,1734519776,1734519836\n\
         m-2,u-2,1734537776,\n"
    );

    let reports = client.reporting_data_export();
    let job = reports
        .enqueue(NewReportingExport::new(
            "conversation",
            ["conversation_id", "channel"],
            1_717_490_000,
            1_717_510_000,
        ))
        .send()
        .unwrap();
    let done = reports
        .wait(&job.job_identifier, "app-1", "client-1", JobWait::default())
        .unwrap();
    assert!(done.is_ready());
    let mut csv = Vec::new();
    reports
        .download(&done.job_identifier, "app-1")
        .send()
        .unwrap()
        .read_to_end(&mut csv)
        .unwrap();
    assert_eq!(csv, b"conversation_id,channel\n1,1\n");

    let wanted = || {
        CreateDataAttribute::new(
            "lifetime_value",
            DataAttributeModel::Contact,
            DataType::Float,
        )
    };
    let first = client.data_attributes().ensure(wanted()).unwrap();
    assert!(first.created);
    let again = client.data_attributes().ensure(wanted()).unwrap();
    assert!(!again.created);
    assert_eq!(again.attribute.id, first.attribute.id);
    drop(rt);
}
